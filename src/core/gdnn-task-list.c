/* gdnn-task-list.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-task-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-store-private.h"
#include "gdnn-task-list.h"

/* The task list of a unit's plan for a year: the plan's tasks and the
 * unit's own, each with the unit's progress, read in one query; and the
 * save of a task's status, progress and result. */

#define TASK_ROWS_SQL                                                                           \
  "SELECT t.id, t.plan_id, t.group_id, g.code, g.title, g.position, t.unit_id, t.code, t.title, " \
  "t.description, t.lead_body_id, ifnull (b.short_name, b.name), "                              \
  "(SELECT group_concat (n, '; ') FROM (SELECT ifnull (cb.short_name, cb.name) AS n "            \
  "  FROM task_cooperator c JOIN plan_body cb ON cb.id = c.body_id "                              \
  "  WHERE c.task_id = t.id ORDER BY cb.id)), "                                                  \
  "t.start_date, t.due_date, t.position, "                                                       \
  "p.id, p.status, p.progress, p.result, p.updated_at "                                          \
  "FROM task t LEFT JOIN task_group g ON g.id = t.group_id "                                     \
  "LEFT JOIN plan_body b ON b.id = t.lead_body_id "                                              \
  "LEFT JOIN task_progress p ON p.task_id = t.id AND p.unit_id = ?2 AND p.year = ?3 "            \
  "  AND p.period = 'year' "                                                                     \
  "WHERE t.plan_id = ?1 AND (t.unit_id IS NULL OR t.unit_id = ?2) "                              \
  "ORDER BY g.position IS NULL, g.position, t.unit_id IS NOT NULL, t.position, t.id;"

/**
 * gdnn_task_rows_load:
 * @year: the year whose progress is shown (the yearly period)
 * @today: the day "late" and "due this month" are computed against
 *
 * Returns: (transfer full): a #GListModel of #GdnnTaskRow in document
 *   order (group, then the plan's tasks before the unit's own, then
 *   position), or %NULL with @error set.
 */
GListModel *
gdnn_task_rows_load (GdnnStore    *store,
                     gint64        unit_id,
                     gint64        plan_id,
                     int           year,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(GListStore) rows = g_list_store_new (GDNN_TYPE_TASK_ROW);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stmt = gdnn_store_prepare (store, TASK_ROWS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int (stmt, 3, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GdnnTask) t = gdnn_task_new ();
      g_autoptr(GdnnTaskProgress) p = NULL;
      int group_position;

      t->id = sqlite3_column_int64 (stmt, 0);
      t->plan_id = sqlite3_column_int64 (stmt, 1);
      t->group_id = sqlite3_column_int64 (stmt, 2);
      t->group_code = gdnn_column_text (stmt, 3);
      t->group_title = gdnn_column_text (stmt, 4);
      group_position = sqlite3_column_int (stmt, 5);
      t->unit_id = sqlite3_column_int64 (stmt, 6);
      t->code = gdnn_column_text (stmt, 7);
      t->title = gdnn_column_text (stmt, 8);
      t->description = gdnn_column_text (stmt, 9);
      t->lead_body_id = sqlite3_column_int64 (stmt, 10);
      t->lead_name = gdnn_column_text (stmt, 11);
      t->cooperating = gdnn_column_text (stmt, 12);
      t->start_date = gdnn_column_text (stmt, 13);
      t->due_date = gdnn_column_text (stmt, 14);
      t->position = sqlite3_column_int (stmt, 15);

      if (sqlite3_column_type (stmt, 16) != SQLITE_NULL)
        {
          p = gdnn_task_progress_new ();
          p->id = sqlite3_column_int64 (stmt, 16);
          p->task_id = t->id;
          p->unit_id = unit_id;
          p->year = year;
          p->period = g_strdup ("year");
          gdnn_task_status_from_string ((const char *) sqlite3_column_text (stmt, 17), &p->status);
          p->progress = sqlite3_column_int (stmt, 18);
          p->result = gdnn_column_text (stmt, 19);
          p->updated_at = gdnn_column_text (stmt, 20);
        }

      g_ptr_array_add (items, gdnn_task_row_new (t, group_position, p, unit_id, year, today));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }

  /* One items-changed for the whole list. */
  g_list_store_splice (rows, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&rows));
}

/* The number of rows of @rows that @filter lets through. */
guint
gdnn_task_rows_count (GListModel           *rows,
                      const GdnnTaskFilter *filter)
{
  guint n = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), 0);
  g_return_val_if_fail (filter != NULL, 0);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnTaskRow) row = g_list_model_get_item (rows, i);
      if (gdnn_task_row_matches (row, filter))
        n++;
    }
  return n;
}

/**
 * gdnn_task_progress_check:
 * @warning: (out) (optional) (nullable): a remark that does not stop the
 *   save, or %NULL
 *
 * The rules of a task's yearly progress, as an office reads a report:
 * - the progress is a whole percentage from 0 to 100;
 * - "Done" (hoàn thành) means the whole task, so 100%;
 * - "Not started" (chưa thực hiện) means nothing done yet, so 0%;
 * - a done task should say what was achieved. A missing result is only a
 *   warning: the unit may write it later, and the report check lists
 *   tasks without a result before the report is sent.
 *
 * Returns: %FALSE with a message for the user in @error when the values
 *   cannot be saved
 */
gboolean
gdnn_task_progress_check (GdnnTaskStatus   status,
                          int              progress,
                          const char      *result,
                          char           **warning,
                          GError         **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (result != NULL ? result : ""));

  if (warning != NULL)
    *warning = NULL;

  if ((guint) status >= GDNN_N_TASK_STATUS)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID, _("Choose the task's status."));
      return FALSE;
    }
  if (progress < 0 || progress > 100)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("The progress is a whole percentage from 0 to 100."));
      return FALSE;
    }
  if (status == GDNN_TASK_DONE && progress < 100)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("A done task is complete: set the progress to 100 or choose another status."));
      return FALSE;
    }
  if (status == GDNN_TASK_NOT_STARTED && progress > 0)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("A task not started has no progress yet: choose “In progress” or set the progress to 0."));
      return FALSE;
    }
  if (status == GDNN_TASK_DONE && trimmed[0] == '\0' && warning != NULL)
    *warning = g_strdup (_("No result is written yet: the report will list this task without one."));
  return TRUE;
}

typedef struct
{
  GdnnTaskProgress *progress;
} SaveData;

static gboolean
save_in_transaction (GdnnStore  *store,
                     gpointer    user_data,
                     GError    **error)
{
  SaveData *data = user_data;
  GdnnTaskProgress *p = data->progress;
  sqlite3_stmt *stmt;
  int rc;

  if (!gdnn_store_set_task_progress (store, p, error))
    return FALSE;

  /* Read back the id and time the store gave the row. */
  stmt = gdnn_store_prepare (store,
                             "SELECT id, updated_at FROM task_progress WHERE task_id = ? AND unit_id = ? "
                             "AND year = ? AND period = ?;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->task_id);
  sqlite3_bind_int64 (stmt, 2, p->unit_id);
  sqlite3_bind_int (stmt, 3, p->year);
  gdnn_bind_text (stmt, 4, p->period);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      p->id = sqlite3_column_int64 (stmt, 0);
      g_free (p->updated_at);
      p->updated_at = gdnn_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      gdnn_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_task_row_save:
 * @result: (nullable): the result text for the row's year; blank is stored
 *   as no result
 *
 * Checks and stores the unit's status, progress and result of the row's
 * task for the row's year in one transaction (the change log records the
 * previous values), then shows them in the row.
 */
gboolean
gdnn_task_row_save (GdnnTaskRow     *row,
                    GdnnStore       *store,
                    GdnnTaskStatus   status,
                    int              progress,
                    const char      *result,
                    GError         **error)
{
  const GdnnTaskProgress *current;
  g_autoptr(GdnnTaskProgress) p = gdnn_task_progress_new ();
  g_autofree char *trimmed = NULL;
  SaveData data;

  g_return_val_if_fail (GDNN_IS_TASK_ROW (row), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!gdnn_task_progress_check (status, progress, result, NULL, error))
    return FALSE;

  current = gdnn_task_row_get_progress (row);
  trimmed = g_strstrip (g_strdup (result != NULL ? result : ""));
  p->id = current->id;
  p->task_id = gdnn_task_row_get_task (row)->id;
  p->unit_id = current->unit_id;
  p->year = gdnn_task_row_get_year (row);
  p->period = g_strdup (current->period != NULL ? current->period : "year");
  p->status = status;
  p->progress = progress;
  p->result = trimmed[0] != '\0' ? g_steal_pointer (&trimmed) : NULL;

  data.progress = p;
  if (!gdnn_store_run_in_transaction (store, save_in_transaction, &data, error))
    return FALSE;

  gdnn_task_row_set_progress (row, p);
  return TRUE;
}
