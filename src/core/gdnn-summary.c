/* gdnn-summary.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-summary"

#include "config.h"

#include "gdnn-schedule.h"
#include "gdnn-summary.h"
#include "gdnn-task-list.h"
#include "gdnn-value-row.h"

void
gdnn_plan_summary_free (GdnnPlanSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->period_name);
  g_free (summary);
}

/**
 * gdnn_plan_summary_compute:
 * @today: the day the deadline is counted from
 *
 * The reporting year is the year of the next due date: a yearly report due
 * 30/11 covers that year, and in December the next one is next year's.
 * It is clamped to the plan's years.
 */
GdnnPlanSummary *
gdnn_plan_summary_compute (GdnnStore    *store,
                           gint64        unit_id,
                           gint64        plan_id,
                           const GDate  *today,
                           GError      **error)
{
  g_autoptr(GdnnPlanSummary) summary = g_new0 (GdnnPlanSummary, 1);
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) task_rows = NULL;
  g_autoptr(GHashTable) status = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) with_value = g_hash_table_new (g_int64_hash, g_int64_equal);
  const GdnnReportPeriod *period = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)) ||
      !(periods = gdnn_store_list_report_periods (store, plan_id, error)))
    return NULL;

  g_date_clear (&summary->due, 1);
  summary->days_left = gdnn_schedule_next_due (periods, today, &summary->due, &period);
  summary->year = summary->days_left >= 0 ? g_date_get_year (&summary->due) : g_date_get_year (today);
  if (summary->days_left >= 0 && summary->year > plan->last_year)
    {
      /* No report is due any more: the plan is over. */
      summary->ended = TRUE;
      summary->days_left = -1;
    }
  else if (period != NULL)
    summary->period_name = g_strdup (period->name);
  summary->year = CLAMP (summary->year, plan->first_year, plan->last_year);

  if (!(indicators = gdnn_store_list_indicators (store, plan_id, error)) ||
      !(values = gdnn_store_list_values (store, unit_id, plan_id, summary->year, error)) ||
      !(tasks = gdnn_store_list_tasks (store, plan_id, unit_id, error)) ||
      !(progress = gdnn_store_list_task_progress (store, unit_id, plan_id, summary->year, error)) ||
      !(rows = gdnn_value_rows_load (store, unit_id, plan_id, summary->year, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (rows, i);
      if (gdnn_value_row_needs_note (row))
        summary->n_notes_missing++;
    }

  summary->n_indicators = indicators->len;
  for (guint i = 0; i < values->len; i++)
    {
      GdnnValue *v = g_ptr_array_index (values, i);
      if (v->has_numerator)
        g_hash_table_add (with_value, &v->indicator_id);
    }
  summary->n_with_value = g_hash_table_size (with_value);

  for (guint i = 0; i < progress->len; i++)
    {
      GdnnTaskProgress *p = g_ptr_array_index (progress, i);
      if (g_str_equal (p->period, "year"))
        g_hash_table_insert (status, &p->task_id, p);
    }
  summary->n_tasks = tasks->len;
  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      GdnnTaskProgress *p = g_hash_table_lookup (status, &t->id);
      GdnnTaskStatus s = p != NULL ? p->status : GDNN_TASK_NOT_STARTED;

      summary->tasks_by_status[s]++;
    }

  /* "Late" as the task list defines it (gdnn-task-row.c), so the overview
   * and the list's Late filter always agree. */
  if (!(task_rows = gdnn_task_rows_load (store, unit_id, plan_id, summary->year, today, error)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (task_rows); i++)
    {
      g_autoptr(GdnnTaskRow) row = g_list_model_get_item (task_rows, i);
      if (gdnn_task_row_is_late (row))
        summary->n_tasks_late++;
    }

  return g_steal_pointer (&summary);
}
