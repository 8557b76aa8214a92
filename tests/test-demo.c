/* test-demo.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "gdnn-budget.h"
#include "gdnn-demo.h"
#include "gdnn-plan-template.h"
#include "gdnn-store-private.h"
#include "gdnn-store.h"
#include "gdnn-summary.h"

#include "gdnn-test-utils.h"

#define SAMPLE_NOTE "Dữ liệu mẫu"

static const char * const bac_giang_units[] = { "BG-CD01", "BG-TC02", "BG-TT03", "BG-TC04", NULL };

static void
fixture_setup_demo (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  g_assert_true (gdnn_demo_populate (fixture->store, 2026, &error));
  g_assert_no_error (error);
}

static gboolean
is_attached (GdnnStore  *store,
             gint64      unit_id,
             const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = gdnn_store_list_unit_plans (store, unit_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    if (g_str_equal (((GdnnPlan *) plans->pdata[i])->number, number))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */

static void
test_demo_sample_flags (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = gdnn_store_list_units (store, &error);
  g_autofree char *sample = gdnn_store_get_meta (store, "sample");

  g_assert_no_error (error);
  g_assert_cmpstr (sample, ==, "1");
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 5);
  g_assert_cmpuint (units->len, ==, 9);
  for (guint i = 0; i < units->len; i++)
    {
      GdnnUnit *u = g_ptr_array_index (units, i);

      g_assert_true (u->is_sample);
      g_assert_nonnull (u->code);
      /* Offices have no ownership, institutions report to an office. */
      if (u->type == GDNN_UNIT_TYPE_CO_QUAN)
        g_assert_cmpint (u->ownership, ==, GDNN_OWNERSHIP_NONE);
      else
        g_assert_cmpint (u->parent_id, !=, 0);
    }
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit WHERE is_sample <> 1;"), ==, 0);

  /* Every value is marked as sample data. */
  g_assert_cmpint (gdnn_test_count (store, "value"), >, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM value WHERE note IS NOT '" SAMPLE_NOTE "';"),
                   ==, 0);
  /* Past years are confirmed, the current one is a draft. */
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM value WHERE year < 2026 "
                                               "AND status <> 'confirmed';"), ==, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM value WHERE year = 2026 "
                                               "AND status <> 'draft';"), ==, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM value WHERE year > 2026;"), ==, 0);
}

static void
test_demo_values (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = gdnn_store_list_indicators (store, plan->id, &error);

  g_assert_no_error (error);
  for (guint u = 0; bac_giang_units[u] != NULL; u++)
    {
      g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, bac_giang_units[u]);

      g_assert_true (is_attached (store, unit->id, "401/KH-UBND"));
      g_assert_false (is_attached (store, unit->id, "206/KH-UBND"));

      for (int year = 2023; year <= 2026; year++)
        {
          g_autoptr(GPtrArray) values = gdnn_store_list_values (store, unit->id, plan->id, year, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (values->len, >, 0);
          g_assert_cmpuint (values->len, <=, indicators->len);
          /* Past years are complete. */
          if (year < 2026)
            g_assert_cmpuint (values->len, ==, indicators->len);
          for (guint i = 0; i < values->len; i++)
            {
              GdnnValue *v = g_ptr_array_index (values, i);
              double percent;

              /* Every indicator of the plan is a ratio. */
              g_assert_true (v->has_numerator && v->has_denominator);
              g_assert_cmpfloat (v->numerator, <=, v->denominator);
              g_assert_cmpfloat (v->numerator, ==, floor (v->numerator));
              g_assert_true (gdnn_value_get_percent (v, &percent));
              g_assert_cmpfloat (percent, >=, 0);
              g_assert_cmpfloat (percent, <=, 100);
              g_assert_cmpstr (v->note, ==, SAMPLE_NOTE);
              g_assert_cmpstr (v->period, ==, "year");
            }
        }
      /* Nothing before the window of four years. */
      {
        g_autoptr(GPtrArray) values = gdnn_store_list_values (store, unit->id, plan->id, 2022, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (values->len, ==, 0);
      }
    }

  /* The offices implement no plan and have no values. */
  {
    g_autoptr(GdnnUnit) office = gdnn_test_find_unit (store, "SLD-BG");
    g_autoptr(GPtrArray) values = gdnn_store_list_values (store, office->id, 0, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (values->len, ==, 0);
  }

  /* The Tây Ninh centre implements its city's plan. */
  {
    g_autoptr(GdnnUnit) centre = gdnn_test_find_unit (store, "TN-TT01");
    g_autoptr(GPtrArray) plans = gdnn_store_list_unit_plans (store, centre->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 1);
    g_assert_nonnull (strstr (((GdnnPlan *) plans->pdata[0])->issuer, "Tây Ninh"));
  }
}

static void
test_demo_tasks (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  guint by_status[GDNN_N_TASK_STATUS] = { 0 };

  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM task_progress WHERE status = 'done';"), >, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM task_progress WHERE status = 'overdue';"), >, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM task_progress "
                                               "WHERE status IN ('in_progress', 'not_started');"), >, 0);

  /* The college reports on every task of its plan this year. */
  tasks = gdnn_store_list_tasks (store, plan->id, college->id, &error);
  g_assert_no_error (error);
  progress = gdnn_store_list_task_progress (store, college->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, tasks->len);
  for (guint i = 0; i < progress->len; i++)
    {
      GdnnTaskProgress *p = g_ptr_array_index (progress, i);

      g_assert_cmpint (p->unit_id, ==, college->id);
      g_assert_cmpint (p->year, ==, 2026);
      g_assert_cmpint (p->progress, >=, 0);
      g_assert_cmpint (p->progress, <=, 100);
      if (p->status == GDNN_TASK_DONE)
        g_assert_cmpint (p->progress, ==, 100);
      if (p->status == GDNN_TASK_NOT_STARTED)
        {
          g_assert_cmpint (p->progress, ==, 0);
          g_assert_null (p->result);
        }
      else
        g_assert_true (g_str_has_prefix (p->result, SAMPLE_NOTE));
      by_status[p->status]++;
    }
  g_assert_cmpuint (by_status[GDNN_TASK_DONE] + by_status[GDNN_TASK_IN_PROGRESS] +
                    by_status[GDNN_TASK_OVERDUE] + by_status[GDNN_TASK_NOT_STARTED] +
                    by_status[GDNN_TASK_PAUSED], ==, tasks->len);
}

static void
test_demo_budget (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = gdnn_store_list_budget_lines (store, plan->id, &error);
  g_autofree char *plan_sql = g_strdup_printf ("SELECT sum (y.planned) FROM budget_year y JOIN budget_line l "
                                               "ON l.id = y.line_id WHERE l.plan_id = %" G_GINT64_FORMAT
                                               " AND y.unit_id IS NULL AND y.spent IS NULL;", plan->id);
  g_autofree char *units_sql = g_strdup_printf ("SELECT count(*) FROM unit_plan up JOIN unit u ON u.id = up.unit_id "
                                                "WHERE up.plan_id = %" G_GINT64_FORMAT " AND u.is_sample = 1 "
                                                "AND (SELECT count(*) FROM budget_year y WHERE y.unit_id = u.id) = 2 * 5;",
                                                plan->id);

  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);

  /* The plan's own figures stay the template's reference: 1,4 tỷ planned,
   * nothing spent by "the plan". */
  g_assert_cmpint (gdnn_test_query_int (store, plan_sql), ==, 1400000000);

  /* Each of the four sample institutions of Bắc Giang has figures of its
   * own on both lines for 2022–2026, all noted as sample data. */
  g_assert_cmpint (gdnn_test_query_int (store, units_sql), ==, 4);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM budget_year WHERE unit_id IS NOT NULL "
                                               "AND note IS NOT 'Dữ liệu mẫu';"), ==, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      GdnnBudgetLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GPtrArray) units = gdnn_store_list_units (store, &error);

      g_assert_no_error (error);
      for (guint u = 0; u < units->len; u++)
        {
          GdnnUnit *unit = g_ptr_array_index (units, u);
          g_autoptr(GPtrArray) mine = gdnn_budget_list_lines (store, plan->id, unit->id, &error);
          GdnnBudgetLine *own;

          g_assert_no_error (error);
          own = g_ptr_array_index (mine, i);
          g_assert_cmpint (own->id, ==, line->id);
          for (guint y = 0; y < own->years->len; y++)
            {
              GdnnBudgetYear *by = &g_array_index (own->years, GdnnBudgetYear, y);
              const GdnnBudgetYear *ref = gdnn_budget_line_get_reference (own, MIN (by->year, 2025));

              /* Whole million đồng, a share of the plan's figure; spent
               * 75–100% in the past years, partly in 2026. */
              g_assert_true (by->has_spent);
              g_assert_cmpint (by->planned % 1000000, ==, 0);
              g_assert_cmpint (by->spent % 1000000, ==, 0);
              g_assert_nonnull (ref);
              g_assert_cmpint (by->planned, <, ref->planned / 4);
              g_assert_cmpint (by->spent, <=, by->planned);
              if (by->year < 2026)
                g_assert_cmpint (by->spent, >=, by->planned * 3 / 4 - 1000000);
            }
        }
    }
}

static void
test_demo_bac_kan (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "206/KH-UBND");
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (store, "BK-CD01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bodies = gdnn_store_list_bodies (store, plan->id, &error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) values = NULL;
  GdnnBody *body = NULL;
  const GdnnTarget *target;
  guint linked = 0;

  g_assert_no_error (error);
  g_assert_true (is_attached (store, college->id, "206/KH-UBND"));

  for (guint i = 0; i < bodies->len; i++)
    {
      GdnnBody *b = g_ptr_array_index (bodies, i);

      if (b->unit_id != 0)
        linked++;
      if (g_str_equal (b->name, "Trường Cao đẳng Bắc Kạn"))
        body = b;
    }
  g_assert_nonnull (body);
  g_assert_cmpint (body->unit_id, ==, college->id);
  g_assert_cmpuint (linked, ==, 1);

  indicators = gdnn_store_list_indicators (store, plan->id, &error);
  g_assert_no_error (error);
  target = NULL;
  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      if (g_str_equal (ind->code, "I.2.1"))
        target = gdnn_indicator_get_target (ind, 2023, body->id);
    }
  g_assert_nonnull (target);
  g_assert_cmpfloat (target->value, ==, 340);

  /* The plan covers 2023 only: values for that year alone. */
  values = gdnn_store_list_values (store, college->id, plan->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, >, 0);
  for (guint i = 0; i < values->len; i++)
    {
      GdnnValue *v = g_ptr_array_index (values, i);
      const char *code = NULL;

      g_assert_cmpint (v->year, ==, 2023);
      for (guint j = 0; j < indicators->len; j++)
        if (((GdnnIndicator *) indicators->pdata[j])->id == v->indicator_id)
          code = ((GdnnIndicator *) indicators->pdata[j])->code;
      g_assert_nonnull (code);

      /* The college's enrolment follows its own target of 340, not the
       * province's 6000 … */
      if (g_str_equal (code, "I.2.1"))
        {
          g_assert_cmpfloat (v->numerator, >=, 0.7 * 340);
          g_assert_cmpfloat (v->numerator, <=, 340);
        }
      /* … and it has no value for a count only another body is given. */
      g_assert_cmpstr (code, !=, "I.2.1.3");
    }
}

static void
test_demo_check_and_summary (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = gdnn_store_check (store, &error);
  g_autoptr(GdnnPlanSummary) summary = NULL;
  g_autoptr(GPtrArray) values = NULL;
  GDate today;
  guint n_tasks = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("Problem: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  summary = gdnn_plan_summary_compute (store, college->id, plan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpint (summary->days_left, ==, 7);
  g_assert_cmpint (summary->year, ==, 2026);
  g_assert_cmpint (g_date_get_day (&summary->due), ==, 30);
  g_assert_cmpint (g_date_get_month (&summary->due), ==, 11);
  g_assert_cmpint (g_date_get_year (&summary->due), ==, 2026);
  g_assert_cmpstr (summary->period_name, ==, "Báo cáo năm");
  g_assert_cmpuint (summary->n_indicators, ==, 11);
  g_assert_cmpuint (summary->n_tasks, ==, 28);
  for (guint s = 0; s < GDNN_N_TASK_STATUS; s++)
    n_tasks += summary->tasks_by_status[s];
  g_assert_cmpuint (n_tasks, ==, summary->n_tasks);

  values = gdnn_store_list_values (store, college->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_with_value, ==, values->len);
  g_assert_cmpuint (summary->n_with_value, >, 0);

  /* Late tasks, counted here independently in SQL: marked overdue, or past
   * their due date and not done. */
  g_assert_cmpint (summary->n_tasks_late, ==, gdnn_test_query_int (store,
    "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id "
    "LEFT JOIN task_progress tp ON tp.task_id = t.id AND tp.year = 2026 AND tp.period = 'year' "
    "  AND tp.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') "
    "WHERE p.number = '401/KH-UBND' "
    "  AND (t.unit_id IS NULL OR t.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01')) "
    "  AND (tp.status = 'overdue' OR (ifnull (tp.status, 'not_started') != 'done' "
    "       AND t.due_date IS NOT NULL AND t.due_date < '2026-11-23'));"));
  g_assert_cmpuint (summary->n_tasks_late, >, 0);

  /* A value put far behind its track without an explanation is counted;
   * giving the explanation clears it. */
  {
    guint before = summary->n_notes_missing;
    const char *where =
      " WHERE unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') AND year = 2026 AND period = 'year' "
      "   AND indicator_id = (SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
      "                       WHERE p.number = '401/KH-UBND' AND i.code = 'I.2.a.1');";
    g_autofree char *behind = g_strconcat ("UPDATE value SET numerator = 1, denominator = 100, note = NULL", where, NULL);
    g_autofree char *noted = g_strconcat ("UPDATE value SET note = 'Thiếu kinh phí'", where, NULL);

    gdnn_test_exec (store, behind);
    g_clear_pointer (&summary, gdnn_plan_summary_free);
    summary = gdnn_plan_summary_compute (store, college->id, plan->id, &today, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (summary->n_notes_missing, >=, 1);
    before = summary->n_notes_missing;

    gdnn_test_exec (store, noted);
    g_clear_pointer (&summary, gdnn_plan_summary_free);
    summary = gdnn_plan_summary_compute (store, college->id, plan->id, &today, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (summary->n_notes_missing, ==, before - 1);
  }

  g_assert_false (summary->overdue);
  g_assert_null (summary->late_text);

  /* After 30/11 the 2026 report, not finalised, is overdue: the summary
   * stays on 2026 and says so. */
  g_clear_pointer (&summary, gdnn_plan_summary_free);
  g_date_set_dmy (&today, 8, 12, 2026);
  summary = gdnn_plan_summary_compute (store, college->id, plan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_true (summary->overdue);
  g_assert_cmpint (summary->days_late, ==, 8);
  g_assert_cmpint (summary->days_left, ==, -1);
  g_assert_cmpint (summary->year, ==, 2026);
  g_assert_cmpint (g_date_get_day (&summary->due), ==, 30);
  g_assert_cmpint (g_date_get_month (&summary->due), ==, 11);
  g_assert_cmpint (g_date_get_year (&summary->due), ==, 2026);
  g_assert_cmpstr (summary->late_text, ==, "Báo cáo năm 2026 is 8 days overdue");
  g_assert_cmpuint (summary->n_with_value, ==, values->len);

  /* A draft row does not count; once finalised, the next report is next
   * year's. */
  gdnn_test_exec (store, "INSERT INTO report (unit_id, plan_id, year, period, status) "
                         "SELECT u.id, p.id, 2026, 'year', 'draft' FROM unit u, plan p "
                         "WHERE u.code = 'BG-CD01' AND p.number = '401/KH-UBND';");
  g_clear_pointer (&summary, gdnn_plan_summary_free);
  summary = gdnn_plan_summary_compute (store, college->id, plan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_true (summary->overdue);
  gdnn_test_exec (store, "UPDATE report SET status = 'final' WHERE year = 2026 AND unit_id = "
                         "(SELECT id FROM unit WHERE code = 'BG-CD01');");
  g_clear_pointer (&summary, gdnn_plan_summary_free);
  g_date_set_dmy (&today, 1, 12, 2026);
  summary = gdnn_plan_summary_compute (store, college->id, plan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_false (summary->overdue);
  g_assert_null (summary->late_text);
  g_assert_cmpint (summary->days_left, ==, 364);
  g_assert_cmpint (summary->year, ==, 2027);
  g_assert_cmpuint (summary->n_with_value, ==, 0);
}

/* Past years' values (the demo's history for the charts) do not make
 * those years' reports overdue once the unit works on a later year; the
 * year a unit works on is overdue once its date passes. */
static void
test_demo_due_history (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnPlanDue) due = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM value WHERE year = 2025;"), >, 0);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  due = gdnn_plan_due_compute (store, college->id, plan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (due->kind, ==, GDNN_DUE_UPCOMING);
  g_assert_cmpint (due->year, ==, 2026);
  g_assert_cmpint (due->days, ==, 7);

  /* Without the 2026 data, 2025's report is the one owed, 358 days late. */
  gdnn_test_exec (store, "DELETE FROM value WHERE year = 2026; DELETE FROM task_progress WHERE year = 2026;");
  g_clear_pointer (&due, gdnn_plan_due_free);
  due = gdnn_plan_due_compute (store, college->id, plan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (due->kind, ==, GDNN_DUE_OVERDUE);
  g_assert_cmpint (due->year, ==, 2025);
  g_assert_cmpint (due->days, ==, 358);
  g_assert_cmpstr (due->period_code, ==, "year");
  g_assert_cmpstr (due->late_text, ==, "Báo cáo năm 2025 is 358 days overdue");
}

/* A plan whose last report is past has ended: no deadline any more. */
static void
test_demo_summary_ended (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) bac_kan = gdnn_test_find_plan (store, "206/KH-UBND");
  g_autoptr(GdnnPlan) bac_giang = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GdnnPlan) national = gdnn_test_find_plan (store, "2222/QĐ-TTg");
  g_autoptr(GdnnUnit) bk_college = gdnn_test_find_unit (store, "BK-CD01");
  g_autoptr(GdnnUnit) bg_college = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnPlanSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);

  /* Bắc Kạn's plan is for 2023. */
  g_date_set_dmy (&today, 23, 11, 2026);
  summary = gdnn_plan_summary_compute (store, bk_college->id, bac_kan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_true (summary->ended);
  g_assert_cmpint (summary->days_left, ==, -1);
  g_assert_cmpint (summary->year, ==, 2023);
  g_assert_null (summary->period_name);
  g_assert_cmpuint (summary->n_with_value, >, 0);
  g_clear_pointer (&summary, gdnn_plan_summary_free);

  /* … and in 2023 its six-month report is due on 20/6. */
  g_date_set_dmy (&today, 1, 6, 2023);
  summary = gdnn_plan_summary_compute (store, bk_college->id, bac_kan->id, &today, &error);
  g_assert_no_error (error);
  g_assert_false (summary->ended);
  g_assert_cmpint (summary->days_left, ==, 19);
  g_assert_cmpstr (summary->period_name, ==, "Báo cáo 6 tháng");
  g_assert_cmpint (summary->year, ==, 2023);
  g_clear_pointer (&summary, gdnn_plan_summary_free);

  /* Bắc Giang's last yearly report is due 30/11/2030. */
  g_date_set_dmy (&today, 30, 11, 2030);
  summary = gdnn_plan_summary_compute (store, bg_college->id, bac_giang->id, &today, &error);
  g_assert_no_error (error);
  g_assert_false (summary->ended);
  g_assert_cmpint (summary->days_left, ==, 0);
  g_assert_cmpint (summary->year, ==, 2030);
  g_clear_pointer (&summary, gdnn_plan_summary_free);
  g_date_set_dmy (&today, 1, 12, 2030);
  summary = gdnn_plan_summary_compute (store, bg_college->id, bac_giang->id, &today, &error);
  g_assert_no_error (error);
  g_assert_true (summary->ended);
  g_assert_cmpint (summary->days_left, ==, -1);
  g_assert_cmpint (summary->year, ==, 2030);
  g_clear_pointer (&summary, gdnn_plan_summary_free);

  /* The national programme has no report schedule: not "ended". */
  g_date_set_dmy (&today, 23, 11, 2026);
  summary = gdnn_plan_summary_compute (store, bg_college->id, national->id, &today, &error);
  g_assert_no_error (error);
  g_assert_false (summary->ended);
  g_assert_cmpint (summary->days_left, ==, -1);
  g_assert_cmpint (summary->year, ==, 2026);
  g_assert_cmpuint (summary->n_indicators, ==, 11);
  g_assert_cmpuint (summary->n_with_value, ==, 0);
}

static void
test_demo_non_empty (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char * const tables[] = {
    "unit", "plan", "indicator", "value", "task_progress", "budget_year", "change_log", "meta", NULL
  };
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  gint64 counts[G_N_ELEMENTS (tables)];

  unit->code = g_strdup ("X1");
  unit->name = g_strdup ("Trường Cao đẳng có sẵn");
  unit->type = GDNN_UNIT_TYPE_CAO_DANG;
  g_assert_cmpint (gdnn_store_add_unit (store, unit, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; tables[i] != NULL; i++)
    counts[i] = gdnn_test_count (store, tables[i]);

  g_assert_false (gdnn_demo_populate (store, 2026, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_cmpint (gdnn_test_count (store, tables[i]), ==, counts[i]);
  sample = gdnn_store_get_meta (store, "sample");
  g_assert_null (sample);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (store)));
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char * const tables[] = {
    "unit", "plan", "indicator", "value", "task_progress", "budget_year", "change_log", NULL
  };
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 counts[G_N_ELEMENTS (tables)];

  for (guint i = 0; tables[i] != NULL; i++)
    counts[i] = gdnn_test_count (store, tables[i]);

  g_assert_false (gdnn_demo_populate (store, 2026, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gdnn_demo_init (store, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);

  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_cmpint (gdnn_test_count (store, tables[i]), ==, counts[i]);
}

/* Only the shipped plans (the "init" command) is not empty either. */
static void
test_demo_after_init (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 log;

  g_assert_true (gdnn_demo_init (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 5);
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 0);
  log = gdnn_test_count (store, "change_log");

  g_assert_false (gdnn_demo_populate (store, 2026, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 5);
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 0);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
}

/* The same year gives the same database on every machine. */
static void
test_demo_deterministic (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *sql = "SELECT group_concat (row, ',') FROM (SELECT u.code || ':' || i.code || ':' || v.year "
                    "|| ':' || v.numerator || '/' || ifnull (v.denominator, '') AS row FROM value v "
                    "JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id "
                    "ORDER BY u.code, i.code, v.year);";
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GdnnStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  other = gdnn_store_open (other_path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (gdnn_demo_populate (other, 2026, &error));
  g_assert_no_error (error);

  a = gdnn_test_query_text (fixture->store, sql);
  b = gdnn_test_query_text (other, sql);
  g_assert_nonnull (a);
  g_assert_cmpstr (a, ==, b);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/demo/sample-flags", Fixture, NULL,
              fixture_setup_demo, test_demo_sample_flags, fixture_teardown);
  g_test_add ("/exchange/demo/values", Fixture, NULL,
              fixture_setup_demo, test_demo_values, fixture_teardown);
  g_test_add ("/exchange/demo/tasks", Fixture, NULL,
              fixture_setup_demo, test_demo_tasks, fixture_teardown);
  g_test_add ("/exchange/demo/budget", Fixture, NULL,
              fixture_setup_demo, test_demo_budget, fixture_teardown);
  g_test_add ("/exchange/demo/bac-kan", Fixture, NULL,
              fixture_setup_demo, test_demo_bac_kan, fixture_teardown);
  g_test_add ("/exchange/demo/check-and-summary", Fixture, NULL,
              fixture_setup_demo, test_demo_check_and_summary, fixture_teardown);
  g_test_add ("/exchange/demo/summary-ended", Fixture, NULL,
              fixture_setup_demo, test_demo_summary_ended, fixture_teardown);
  g_test_add ("/exchange/demo/due-history", Fixture, NULL,
              fixture_setup_demo, test_demo_due_history, fixture_teardown);
  g_test_add ("/exchange/demo/deterministic", Fixture, NULL,
              fixture_setup_demo, test_demo_deterministic, fixture_teardown);
  g_test_add ("/exchange/demo/non-empty", Fixture, NULL,
              fixture_setup, test_demo_non_empty, fixture_teardown);
  g_test_add ("/exchange/demo/twice", Fixture, NULL,
              fixture_setup_demo, test_demo_twice, fixture_teardown);
  g_test_add ("/exchange/demo/after-init", Fixture, NULL,
              fixture_setup, test_demo_after_init, fixture_teardown);

  return g_test_run ();
}
