/* gdnn-summary.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-summary"

#include "config.h"

#include "gdnn-schedule.h"
#include "gdnn-store-private.h"
#include "gdnn-summary.h"
#include "gdnn-task-list.h"
#include "gdnn-value-row.h"

void
gdnn_plan_summary_free (GdnnPlanSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->period_name);
  g_free (summary->late_text);
  g_free (summary);
}

void
gdnn_plan_due_free (GdnnPlanDue *due)
{
  if (due == NULL)
    return;
  g_free (due->period_code);
  g_free (due->period_name);
  g_free (due->late_text);
  g_free (due);
}

typedef struct
{
  GdnnStore *store;
  gint64     unit_id;
  gint64     plan_id;
  GError    *error;
} OpenCheck;

/* Only the yearly report is made and finalised by this program (the
 * report table's rows are the yearly ones), so a six-month report is not
 * held open. A yearly report is owed when the unit recorded something for
 * its year (a value, a task's progress or the report's text) and nothing
 * for a later year: values typed in for past years (a history for the
 * charts, or years before the unit used the program) do not make those
 * years overdue once the unit works on a later one. */
static gboolean
report_is_open (const GdnnReportPeriod *period,
                int                     year,
                gpointer                user_data)
{
  OpenCheck *check = user_data;
  sqlite3_stmt *stmt;
  gboolean open = FALSE;
  int rc;

  if (check->error != NULL || !g_str_equal (period->code, "year"))
    return FALSE;
  stmt = gdnn_store_prepare (check->store,
                             "WITH years (year) AS ("
                             "  SELECT v.year FROM value v JOIN indicator i ON i.id = v.indicator_id "
                             "  WHERE v.unit_id = ?1 AND i.plan_id = ?2 AND v.year >= ?3 "
                             "  UNION SELECT tp.year FROM task_progress tp JOIN task t ON t.id = tp.task_id "
                             "  WHERE tp.unit_id = ?1 AND t.plan_id = ?2 AND tp.year >= ?3 "
                             "  UNION SELECT year FROM report WHERE unit_id = ?1 AND plan_id = ?2 AND year >= ?3) "
                             "SELECT (SELECT max (year) FROM years) IS ?3 "
                             "   AND NOT EXISTS (SELECT 1 FROM report WHERE unit_id = ?1 AND plan_id = ?2 "
                             "                   AND year = ?3 AND period = 'year' AND status = 'final');",
                             &check->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check->unit_id);
  sqlite3_bind_int64 (stmt, 2, check->plan_id);
  sqlite3_bind_int (stmt, 3, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    open = sqlite3_column_int (stmt, 0) != 0;
  else
    gdnn_store_set_error (check->store, &check->error);
  sqlite3_reset (stmt);
  return open;
}

static GdnnPlanDue *
plan_due_compute (GdnnStore       *store,
                  gint64           unit_id,
                  const GdnnPlan  *plan,
                  GPtrArray       *periods,
                  const GDate     *today,
                  GError         **error)
{
  g_autoptr(GdnnPlanDue) due = g_new0 (GdnnPlanDue, 1);
  OpenCheck check = { store, unit_id, plan->id, NULL };
  GdnnDueState state;

  gdnn_schedule_due_state (periods, plan->first_year, plan->last_year, today, report_is_open, &check, &state);
  if (check.error != NULL)
    {
      g_propagate_error (error, check.error);
      return NULL;
    }
  due->kind = state.kind;
  due->year = CLAMP (state.year, plan->first_year, plan->last_year);
  due->due = state.due;
  due->days = state.days;
  if (state.period != NULL)
    {
      due->period_code = g_strdup (state.period->code);
      due->period_name = g_strdup (state.period->name);
    }
  due->late_text = gdnn_due_state_describe_late (&state);
  return g_steal_pointer (&due);
}

/**
 * gdnn_plan_due_compute:
 * @today: the day the deadline is counted from
 *
 * Returns: (transfer full): which report of the unit's plan is current:
 *   the yearly report past its due date while it is not finalised, else
 *   the next one due
 */
GdnnPlanDue *
gdnn_plan_due_compute (GdnnStore    *store,
                       gint64        unit_id,
                       gint64        plan_id,
                       const GDate  *today,
                       GError      **error)
{
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) periods = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)) ||
      !(periods = gdnn_store_list_report_periods (store, plan_id, error)))
    return NULL;
  return plan_due_compute (store, unit_id, plan, periods, today, error);
}

/**
 * gdnn_plan_summary_compute:
 * @today: the day the deadline is counted from
 *
 * The reporting year is the year of the current report
 * (gdnn_plan_due_compute()): a yearly report due 30/11 covers that year;
 * in December the next one is next year's once this year's is finalised,
 * and until then this year's is overdue. It is clamped to the plan's
 * years.
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
  g_autoptr(GdnnPlanDue) due = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)) ||
      !(periods = gdnn_store_list_report_periods (store, plan_id, error)))
    return NULL;

  if (!(due = plan_due_compute (store, unit_id, plan, periods, today, error)))
    return NULL;
  summary->year = due->year;
  summary->due = due->due;
  summary->days_left = due->kind == GDNN_DUE_UPCOMING ? due->days : -1;
  summary->ended = due->kind == GDNN_DUE_ENDED;
  summary->overdue = due->kind == GDNN_DUE_OVERDUE;
  summary->days_late = summary->overdue ? due->days : 0;
  summary->period_name = g_steal_pointer (&due->period_name);
  summary->late_text = g_steal_pointer (&due->late_text);

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
