/* gdnn-settings.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-settings"

#include "config.h"

#include "gdnn-settings.h"

/**
 * gdnn_settings_new:
 *
 * The application's settings (data/vn.gdnn.Report.gschema.xml), or %NULL
 * when the schema is not installed: g_settings_new() would abort the
 * program, and a build tree run without GSETTINGS_SCHEMA_DIR must still
 * work, only without remembering anything.
 *
 * Returns: (transfer full) (nullable): a new #GSettings
 */
GSettings *
gdnn_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: settings are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
