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
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) task_rows = NULL;
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

  if (!(task_rows = gdnn_task_rows_load (store, unit_id, plan_id, summary->year, today, error)) ||
      !(rows = gdnn_value_rows_load (store, unit_id, plan_id, summary->year, error)))
    return NULL;

  /* One value row per indicator, with the year's value and its track. */
  summary->n_indicators = g_list_model_get_n_items (rows);
  for (guint i = 0; i < summary->n_indicators; i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (rows, i);

      if (gdnn_value_row_get_value (row)->has_numerator)
        summary->n_with_value++;
      if (gdnn_value_row_needs_note (row))
        summary->n_notes_missing++;
    }

  /* Statuses and "late" from the task list's own rows (gdnn-task-row.c),
   * so the overview and the list's filters always agree. */
  summary->n_tasks = g_list_model_get_n_items (task_rows);
  for (guint i = 0; i < g_list_model_get_n_items (task_rows); i++)
    {
      g_autoptr(GdnnTaskRow) row = g_list_model_get_item (task_rows, i);
      const GdnnTaskProgress *p = gdnn_task_row_get_progress (row);

      summary->tasks_by_status[p != NULL ? p->status : GDNN_TASK_NOT_STARTED]++;
      if (gdnn_task_row_is_late (row))
        summary->n_tasks_late++;
    }

  return g_steal_pointer (&summary);
}
