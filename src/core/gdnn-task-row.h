/* gdnn-task-row.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "gdnn-model.h"

G_BEGIN_DECLS

#define GDNN_TYPE_TASK_ROW (gdnn_task_row_get_type ())

G_DECLARE_FINAL_TYPE (GdnnTaskRow, gdnn_task_row, GDNN, TASK_ROW, GObject)

/* What the task list filters on. @status is a GdnnTaskStatus or -1 for
 * any; @text is what the user typed (matched without accents or case). */
typedef struct
{
  int       status;
  gboolean  late_only;
  gboolean  due_this_month_only;
  char     *folded_text;   /* private: set with gdnn_task_filter_set_text */
} GdnnTaskFilter;

void                    gdnn_task_filter_init           (GdnnTaskFilter   *filter);
void                    gdnn_task_filter_clear          (GdnnTaskFilter   *filter);
void                    gdnn_task_filter_set_text       (GdnnTaskFilter   *filter,
                                                         const char       *text);

/* One line of the task list: a task of the plan (or the unit's own task)
 * and the unit's progress on it for a year, with the "late" and "due
 * this month" flags computed against a given day. */
GdnnTaskRow            *gdnn_task_row_new               (const GdnnTask         *task,
                                                         int                     group_position,
                                                         const GdnnTaskProgress *progress,
                                                         gint64                  unit_id,
                                                         int                     year,
                                                         const GDate            *today);
const GdnnTask         *gdnn_task_row_get_task          (GdnnTaskRow      *self);
const GdnnTaskProgress *gdnn_task_row_get_progress      (GdnnTaskRow      *self);
void                    gdnn_task_row_set_progress      (GdnnTaskRow      *self,
                                                         const GdnnTaskProgress *progress);
gboolean                gdnn_task_row_can_refresh       (GdnnTaskRow      *self,
                                                         GdnnTaskRow      *fresh);
gboolean                gdnn_task_row_refresh           (GdnnTaskRow      *self,
                                                         GdnnTaskRow      *fresh);
int                     gdnn_task_row_get_year          (GdnnTaskRow      *self);
void                    gdnn_task_row_get_deadline      (GdnnTaskRow      *self,
                                                         GDate            *deadline);
gboolean                gdnn_task_row_is_late           (GdnnTaskRow      *self);
gboolean                gdnn_task_row_is_due_this_month (GdnnTaskRow      *self);
gboolean                gdnn_task_row_is_own            (GdnnTaskRow      *self);
gboolean                gdnn_task_row_matches           (GdnnTaskRow          *self,
                                                         const GdnnTaskFilter *filter);

/* Orders for the list's columns; all fall back to the document order. */
int                     gdnn_task_row_compare_position  (gconstpointer     a,
                                                         gconstpointer     b);
int                     gdnn_task_row_compare_title     (gconstpointer     a,
                                                         gconstpointer     b);
int                     gdnn_task_row_compare_lead      (gconstpointer     a,
                                                         gconstpointer     b);
int                     gdnn_task_row_compare_cooperating (gconstpointer   a,
                                                           gconstpointer   b);
int                     gdnn_task_row_compare_deadline  (gconstpointer     a,
                                                         gconstpointer     b);
int                     gdnn_task_row_compare_status    (gconstpointer     a,
                                                         gconstpointer     b);
int                     gdnn_task_row_compare_progress  (gconstpointer     a,
                                                         gconstpointer     b);

G_END_DECLS
