/* gdnn-tasks-page.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"
#include "gdnn-task-editor.h"

G_BEGIN_DECLS

#define GDNN_TYPE_TASKS_PAGE (gdnn_tasks_page_get_type ())

G_DECLARE_FINAL_TYPE (GdnnTasksPage, gdnn_tasks_page, GDNN, TASKS_PAGE, AdwBin)

gboolean        gdnn_tasks_page_show       (GdnnTasksPage  *self,
                                            GdnnStore      *store,
                                            gint64          unit_id,
                                            gint64          plan_id,
                                            int             year,
                                            const GDate    *today,
                                            GError        **error);
GListModel     *gdnn_tasks_page_get_rows   (GdnnTasksPage  *self);
GdnnTaskEditor *gdnn_tasks_page_get_editor (GdnnTasksPage  *self);

gboolean gdnn_tasks_page_is_loading (GdnnTasksPage *self);

G_END_DECLS
