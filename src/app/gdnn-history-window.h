/* gdnn-history-window.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_HISTORY_WINDOW (gdnn_history_window_get_type ())

G_DECLARE_FINAL_TYPE (GdnnHistoryWindow, gdnn_history_window, GDNN, HISTORY_WINDOW, AdwWindow)

/* Each opens a window over @from's window and returns it (owned by GTK),
 * or %NULL after showing why on @from (a toast). */
GdnnHistoryWindow *gdnn_history_window_present_value   (GtkWidget          *from,
                                                        GdnnStore          *store,
                                                        gint64              unit_id,
                                                        gint64              indicator_id,
                                                        int                 year);
GdnnHistoryWindow *gdnn_history_window_present_values  (GtkWidget          *page,
                                                        GdnnStore          *store,
                                                        gint64              unit_id,
                                                        gint64              plan_id,
                                                        int                 year);
GdnnHistoryWindow *gdnn_history_window_present_task    (GtkWidget          *from,
                                                        GdnnStore          *store,
                                                        gint64              task_id,
                                                        gint64              unit_id,
                                                        int                 year);
GdnnHistoryWindow *gdnn_history_window_present_report  (GtkWidget          *from,
                                                        GdnnStore          *store,
                                                        gint64              unit_id,
                                                        gint64              plan_id,
                                                        int                 year);
GdnnHistoryWindow *gdnn_history_window_present_compare (GtkWidget          *from,
                                                        GdnnStore          *store,
                                                        gint64              unit_id,
                                                        gint64              plan_id,
                                                        int                 year);
GdnnHistoryWindow *gdnn_history_window_present_log     (GtkWidget          *from,
                                                        GdnnStore          *store);

GPtrArray         *gdnn_history_window_get_entries     (GdnnHistoryWindow  *self);
guint              gdnn_history_window_get_n_rows      (GdnnHistoryWindow  *self);
gboolean           gdnn_history_window_export_to       (GdnnHistoryWindow  *self,
                                                        GFile              *file,
                                                        GError            **error);

G_END_DECLS
