/* gdnn-task-list.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gdnn-store.h"
#include "gdnn-task-row.h"

G_BEGIN_DECLS

GListModel *gdnn_task_rows_load     (GdnnStore        *store,
                                     gint64            unit_id,
                                     gint64            plan_id,
                                     int               year,
                                     const GDate      *today,
                                     GError          **error);
guint       gdnn_task_rows_count    (GListModel           *rows,
                                     const GdnnTaskFilter *filter);
gboolean    gdnn_task_progress_check (GdnnTaskStatus   status,
                                     int               progress,
                                     const char       *result,
                                     char            **warning,
                                     GError          **error);
gboolean    gdnn_task_row_save      (GdnnTaskRow      *row,
                                     GdnnStore        *store,
                                     GdnnTaskStatus    status,
                                     int               progress,
                                     const char       *result,
                                     GError          **error);

G_END_DECLS
