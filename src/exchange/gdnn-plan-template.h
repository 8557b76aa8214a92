/* gdnn-plan-template.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TEMPLATE_ERROR (gdnn_template_error_quark ())

typedef enum
{
  GDNN_TEMPLATE_ERROR_SYNTAX,    /* not JSON */
  GDNN_TEMPLATE_ERROR_INVALID,   /* JSON, but a field is missing or wrong */
} GdnnTemplateError;

GQuark   gdnn_template_error_quark       (void);
gint64   gdnn_plan_template_import_data  (GdnnStore   *store,
                                          const char  *data,
                                          gsize        length,
                                          const char  *source_name,
                                          GError     **error);
gint64   gdnn_plan_template_import_file  (GdnnStore   *store,
                                          const char  *path,
                                          GError     **error);
gboolean gdnn_plan_template_import_shipped (GdnnStore *store,
                                            GError   **error);
char   **gdnn_plan_template_list_shipped (void);

G_END_DECLS
