/* test-settings.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The settings (data/vn.gdnn.Report.gschema.xml, compiled in build/data):
 * found through GSETTINGS_SCHEMA_DIR, absent without crashing, and the
 * interface language override applied by gdnn_i18n_init(). Each case
 * runs in a subprocess: the schema source and gettext are per process. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-i18n.h"
#include "gdnn-settings.h"

static void
test_settings_defaults (void)
{
  g_autoptr(GSettings) settings = gdnn_settings_new ();

  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "backup-retention"), ==, 10);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >=, 1024);
  g_assert_false (g_settings_get_boolean (settings, "welcome-shown"));
  /* The range is part of the schema: 0 and 101 backups are refused. */
  {
    g_autoptr(GSettingsSchema) schema = NULL;
    g_autoptr(GSettingsSchemaKey) key = NULL;

    g_object_get (settings, "settings-schema", &schema, NULL);
    key = g_settings_schema_get_key (schema, "backup-retention");
    g_assert_false (g_settings_schema_key_range_check (key, g_variant_new_int32 (0)));
    g_assert_false (g_settings_schema_key_range_check (key, g_variant_new_int32 (101)));
    g_assert_true (g_settings_schema_key_range_check (key, g_variant_new_int32 (100)));
    g_clear_pointer (&key, g_settings_schema_key_unref);
    key = g_settings_schema_get_key (schema, "ui-language");
    g_assert_false (g_settings_schema_key_range_check (key, g_variant_new_string ("fr")));
  }
}

static void
test_settings_missing_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *empty = g_dir_make_tmp ("gdnn-schemas-XXXXXX", NULL);

      /* No schema anywhere: the program goes on without settings. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", empty, TRUE);
      g_setenv ("XDG_DATA_DIRS", empty, TRUE);
      g_setenv ("XDG_DATA_HOME", empty, TRUE);
      g_assert_null (gdnn_settings_new ());
      gdnn_i18n_init ();
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "vi");
      g_rmdir (empty);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* In a C.UTF-8 locale the program speaks Vietnamese; "en" in the
 * settings makes it speak English, "vi" Vietnamese again. */
static void
check_language (const char *setting,
                const char *expected_language,
                const char *expected_title)
{
  g_autoptr(GSettings) settings = gdnn_settings_new ();

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "ui-language", setting);
  g_unsetenv ("LANGUAGE");
  gdnn_i18n_init ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, expected_language);
  g_assert_cmpstr (_("Plans and Reports"), ==, expected_title);
}

static void
test_settings_language_override (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANG", "C.UTF-8", TRUE);
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
      check_language ("", "vi", "Kế hoạch và Báo cáo");
      check_language ("en", "en", "Plans and Reports");
      check_language ("vi", "vi", "Kế hoạch và Báo cáo");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/defaults", test_settings_defaults);
  g_test_add_func ("/settings/missing-schema", test_settings_missing_schema);
  g_test_add_func ("/settings/language-override", test_settings_language_override);

  return g_test_run ();
}
