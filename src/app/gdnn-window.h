/* gdnn-window.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"
#include "gdnn-values-page.h"

G_BEGIN_DECLS

#define GDNN_TYPE_WINDOW (gdnn_window_get_type ())

G_DECLARE_FINAL_TYPE (GdnnWindow, gdnn_window, GDNN, WINDOW, AdwApplicationWindow)

GdnnWindow *gdnn_window_new         (AdwApplication *application,
                                     GdnnStore      *store);
GdnnStore  *gdnn_window_get_store   (GdnnWindow     *self);
gboolean    gdnn_window_select_plan (GdnnWindow     *self,
                                     const char     *unit_code,
                                     const char     *plan_number);
gboolean    gdnn_window_get_selected_plan (GdnnWindow  *self,
                                           const char **unit_code,
                                           const char **plan_number);
void        gdnn_window_set_today   (GdnnWindow     *self,
                                     const GDate    *today);
void        gdnn_window_show_page   (GdnnWindow     *self,
                                     const char     *name);
GdnnValuesPage *gdnn_window_get_values_page (GdnnWindow *self);

G_END_DECLS
