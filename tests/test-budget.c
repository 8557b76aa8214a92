/* test-budget.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The budget of a unit's plan: money input, lines and totals checked
 * against sums computed here in SQL, saving with the change log, the
 * over-spend flag and a unit's own lines. */

#include "config.h"

#include "gdnn-budget.h"
#include "gdnn-budget-row.h"
#include "gdnn-demo.h"
#include "gdnn-test-utils.h"

typedef struct
{
  const char *text;
  gboolean    ok;
  gboolean    has_value;
  gint64      dong;
  const char *message_part;   /* for a refusal */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1.400.000.000", TRUE, TRUE, 1400000000, NULL },
  { "1400000000", TRUE, TRUE, 1400000000, NULL },
  { "  1.400.000.000 đồng ", TRUE, TRUE, 1400000000, NULL },
  { "1,4 tỷ", TRUE, TRUE, 1400000000, NULL },
  { "1,4 TỶ ĐỒNG", TRUE, TRUE, 1400000000, NULL },
  { "150 triệu", TRUE, TRUE, 150000000, NULL },
  { "500 nghìn đ", TRUE, TRUE, 500000, NULL },
  { "1\u00a0400\u00a0000", TRUE, TRUE, 1400000, NULL },   /* no-break spaces group too */
  { "0", TRUE, TRUE, 0, NULL },
  { "12,0", TRUE, TRUE, 12, NULL },
  { "999.999.999.999.999", TRUE, TRUE, G_GINT64_CONSTANT (999999999999999), NULL },
  { "", TRUE, FALSE, 0, NULL },
  { "   ", TRUE, FALSE, 0, NULL },
  { "-5", FALSE, FALSE, 0, "negative" },
  { "−5.000", FALSE, FALSE, 0, "negative" },
  { "12,5", FALSE, FALSE, 0, "fraction of a đồng" },
  { "1,0000000005 tỷ", FALSE, FALSE, 0, "fraction of a đồng" },
  { "abc", FALSE, FALSE, 0, "is not an amount" },
  { "1.5", FALSE, FALSE, 0, "is not an amount" },
  { "5 kg", FALSE, FALSE, 0, "is not an amount" },
  { "tỷ", FALSE, FALSE, 0, "is not an amount" },
  { "1.000.000.000.000.000", FALSE, FALSE, 0, "too large" },
};

static void
test_parse (gconstpointer user_data)
{
  const ParseCase *c = user_data;
  g_autoptr(GError) error = NULL;
  gboolean has_value = !c->has_value;
  gint64 dong = -1;
  gboolean ok = gdnn_budget_parse_money (c->text, &has_value, &dong, &error);

  if (c->ok)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (has_value, ==, c->has_value);
      if (c->has_value)
        g_assert_cmpint (dong, ==, c->dong);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
      gdnn_test_assert_contains (error->message, c->message_part);
    }
}

static void
fixture_setup_demo (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  g_assert_true (gdnn_demo_populate (fixture->store, 2026, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_lines (GdnnStore  *store,
            const char *unit_code)
{
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, unit_code);
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = gdnn_budget_list_lines (store, plan->id, unit->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lines);
  return lines;
}

/* A sum over the lines BG-CD01 sees in 401/KH-UBND; @where narrows it. */
static gint64
sql_sum (GdnnStore  *store,
         const char *column,
         const char *where)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (sum (y.%s), 0) FROM budget_year y JOIN budget_line l ON l.id = y.line_id "
    "JOIN plan p ON p.id = l.plan_id WHERE p.number = '401/KH-UBND' "
    "AND (l.unit_id IS NULL OR l.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01')) AND %s;",
    column, where);
  return gdnn_test_query_int (store, sql);
}

static void
assert_totals_match_sql (GdnnStore *store)
{
  g_autoptr(GPtrArray) lines = list_lines (store, "BG-CD01");
  GdnnBudgetTotals totals;

  for (int year = 2022; year <= 2030; year++)
    {
      g_autofree char *where = g_strdup_printf ("y.year = %d", year);

      gdnn_budget_compute_totals (lines, year, &totals);
      g_assert_cmpint (totals.all.planned, ==, sql_sum (store, "planned", where));
      g_assert_cmpint (totals.all.spent, ==, sql_sum (store, "spent", where));
      for (guint s = 0; s < GDNN_BUDGET_N_SOURCES; s++)
        {
          g_autofree char *by_source = g_strdup_printf ("y.year = %d AND l.source = '%s'", year,
                                                        gdnn_budget_source_to_string (s));
          g_assert_cmpint (totals.by_source[s].planned, ==, sql_sum (store, "planned", by_source));
          g_assert_cmpint (totals.by_source[s].spent, ==, sql_sum (store, "spent", by_source));
        }
    }

  gdnn_budget_compute_totals (lines, 0, &totals);
  g_assert_cmpint (totals.all.planned, ==, sql_sum (store, "planned", "1"));
  g_assert_cmpint (totals.all.spent, ==, sql_sum (store, "spent", "1"));
  for (guint s = 0; s < GDNN_BUDGET_N_SOURCES; s++)
    {
      g_autofree char *by_source = g_strdup_printf ("l.source = '%s'", gdnn_budget_source_to_string (s));
      g_assert_cmpint (totals.by_source[s].planned, ==, sql_sum (store, "planned", by_source));
    }
}

static void
test_list_and_totals (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GPtrArray) lines = list_lines (store, "BG-CD01");
  GdnnBudgetTotals totals;

  g_assert_cmpint (lines->len, ==,
                   gdnn_test_query_int (store, "SELECT count(*) FROM budget_line l JOIN plan p ON p.id = l.plan_id "
                                               "WHERE p.number = '401/KH-UBND' AND l.unit_id IS NULL;"));
  g_assert_cmpuint (lines->len, >, 0);
  assert_totals_match_sql (store);

  /* The template's budget: 1,4 tỷ đồng over 2022–2025, all state budget. */
  gdnn_budget_compute_totals (lines, 0, &totals);
  g_assert_cmpint (totals.all.planned, ==, 1400000000);
  g_assert_cmpint (totals.by_source[GDNN_SOURCE_NGAN_SACH].planned, ==, 1400000000);
  g_assert_cmpuint (totals.n_lines_by_source[GDNN_SOURCE_NGAN_SACH], ==, lines->len);
  g_assert_cmpuint (totals.n_lines_by_source[GDNN_SOURCE_XA_HOI_HOA], ==, 0);
  /* Nothing is planned after 2025. */
  gdnn_budget_compute_totals (lines, 2026, &totals);
  g_assert_cmpint (totals.all.planned, ==, 0);
  g_assert_cmpint (totals.all.spent, ==, 0);
}

static gint64
count_log (GdnnStore  *store,
           const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'budget_year' "
                                          "AND action = '%s';", action);
  return gdnn_test_query_int (store, sql);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GPtrArray) lines = list_lines (store, "BG-CD01");
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, "BG-CD01");
  const GdnnBudgetLine *line = g_ptr_array_index (lines, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *row_sql = g_strdup_printf ("SELECT planned * 10 + (spent IS NOT NULL) FROM budget_year "
                                              "WHERE line_id = %" G_GINT64_FORMAT " AND year = 2026;", line->id);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM budget_year WHERE line_id = %"
                                                G_GINT64_FORMAT " AND year = 2026;", line->id);
  GdnnBudgetYear amounts = { 2026, 1400000000, FALSE, 0 };
  gint64 inserts = count_log (store, "insert");
  gint64 updates = count_log (store, "update");
  gint64 deletes = count_log (store, "delete");

  /* A new year: one insert in the change log, by the store's user. */
  g_assert_true (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, row_sql), ==, 14000000000);
  g_assert_cmpint (count_log (store, "insert"), ==, inserts + 1);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'budget_year' "
                                               "AND who = 'Người kiểm thử' AND json_extract (new, '$.planned') = 1400000000;"), ==, 1);

  /* Saving the same amounts logs nothing; a change logs old and new. */
  g_assert_true (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_cmpint (count_log (store, "update"), ==, updates);
  amounts.has_spent = TRUE;
  amounts.spent = 350000000;
  g_assert_true (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, row_sql), ==, 14000000001);
  g_assert_cmpint (count_log (store, "update"), ==, updates + 1);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'budget_year' "
                                               "AND action = 'update' AND json_extract (old, '$.spent') IS NULL "
                                               "AND json_extract (new, '$.spent') = 350000000;"), ==, 1);
  assert_totals_match_sql (store);

  /* A year outside the plan and a negative amount are refused, unchanged. */
  amounts.year = 2031;
  g_assert_false (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  amounts.year = 2026;
  amounts.planned = -1;
  g_assert_false (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gdnn_test_query_int (store, row_sql), ==, 14000000001);

  /* Clearing removes the year; the log keeps what it was. */
  g_assert_true (gdnn_budget_clear (store, line->id, unit->id, 2026, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, count_sql), ==, 0);
  g_assert_cmpint (count_log (store, "delete"), ==, deletes + 1);
  amounts.planned = 1;
  g_assert_false (gdnn_budget_save (store, 999999, unit->id, &amounts, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
}

static void
test_overspent (Fixture       *fixture,
                gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GPtrArray) lines = list_lines (store, "BG-CD01");
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, "BG-CD01");
  const GdnnBudgetLine *line = g_ptr_array_index (lines, 0);
  const GdnnBudgetYear *y2023 = gdnn_budget_line_get_year (line, 2023);
  g_autoptr(GdnnBudgetRow) row = gdnn_budget_row_new (line, 2023);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *spent_sql = g_strdup_printf ("SELECT spent FROM budget_year WHERE line_id = %"
                                                G_GINT64_FORMAT " AND year = 2023;", line->id);
  g_autofree char *planned_text = NULL;
  g_autofree char *warning = NULL;
  gboolean overspent = TRUE;

  /* The demo's spending stays within the plan. */
  g_assert_nonnull (y2023);
  g_assert_null (gdnn_budget_check_year (y2023));
  g_object_get (row, "overspent", &overspent, "planned", &planned_text, NULL);
  g_assert_false (overspent);

  /* Spending above the plan is stored, and flagged as a warning. */
  g_assert_true (gdnn_budget_row_commit (row, store, unit->id, planned_text, "200.000.000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, spent_sql), ==, 200000000);
  g_assert_true (gdnn_budget_row_is_overspent (row));
  g_object_get (row, "status", &status, NULL);
  warning = gdnn_budget_check_year (gdnn_budget_row_get_amounts (row));
  g_assert_nonnull (warning);
  g_assert_cmpstr (status, ==, warning);
  /* 150.000.000 planned for 2023 on the first line. */
  gdnn_test_assert_contains (status, "50.000.000");
}

static void
test_row_refuses (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GPtrArray) lines = list_lines (store, "BG-CD01");
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnBudgetRow) row = gdnn_budget_row_new (g_ptr_array_index (lines, 0), 2024);
  g_autoptr(GError) error = NULL;
  gint64 log = gdnn_test_count (store, "change_log");
  g_autofree char *message = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *percent = NULL;

  g_assert_false (gdnn_budget_row_commit (row, store, unit->id, "12,5", "", &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_object_get (row, "message", &message, "planned", &planned, "percent", &percent, NULL);
  g_assert_cmpstr (message, ==, error->message);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
  /* The row still shows what is stored: 150.000.000 planned for 2024. */
  g_assert_cmpstr (planned, ==, "150.000.000");
  g_assert_cmpstr (percent, !=, "");
  g_clear_error (&error);

  /* A valid input clears the message. */
  g_assert_true (gdnn_budget_row_commit (row, store, unit->id, "1,4 tỷ", "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&planned, g_free);
  g_clear_pointer (&percent, g_free);
  g_object_get (row, "message", &message, "planned", &planned, "percent", &percent, NULL);
  g_assert_cmpstr (message, ==, "");
  g_assert_cmpstr (planned, ==, "1.400.000.000");
  g_assert_cmpstr (percent, ==, "");
}

static void
test_own_lines (Fixture       *fixture,
                gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnUnit) other = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GdnnUnit) elsewhere = gdnn_test_find_unit (store, "BK-CD01");
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_autoptr(GPtrArray) before = list_lines (store, "BG-CD01");
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GError) error = NULL;
  const GdnnBudgetLine *added;
  GdnnBudgetYear amounts = { 2026, 80000000, TRUE, 20000000 };
  gint64 id;

  id = gdnn_budget_add_own_line (store, plan->id, unit->id, "  Mua sắm thiết bị phòng học số  ",
                                 GDNN_SOURCE_XA_HOI_HOA, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'budget_line' "
                                               "AND action = 'insert' AND json_extract (new, '$.source') = 'xa_hoi_hoa';"), ==, 1);

  /* The unit sees it after the plan's lines; another unit does not. */
  mine = list_lines (store, "BG-CD01");
  theirs = list_lines (store, "BG-TC02");
  g_assert_cmpuint (mine->len, ==, before->len + 1);
  g_assert_cmpuint (theirs->len, ==, before->len);
  added = g_ptr_array_index (mine, mine->len - 1);
  g_assert_cmpint (added->id, ==, id);
  g_assert_cmpint (added->unit_id, ==, unit->id);
  g_assert_cmpstr (added->name, ==, "Mua sắm thiết bị phòng học số");

  /* Its amounts count in the totals under its source. */
  g_assert_true (gdnn_budget_save (store, id, unit->id, &amounts, &error));
  g_assert_no_error (error);
  assert_totals_match_sql (store);

  /* Another unit cannot write to it. */
  g_assert_false (gdnn_budget_save (store, id, other->id, &amounts, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The same name (any case or marks), an empty name, or a unit that
   * does not implement the plan are refused. */
  g_assert_cmpint (gdnn_budget_add_own_line (store, plan->id, unit->id, "MUA SAM THIET BI PHONG HOC SO",
                                             GDNN_SOURCE_KHAC, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (gdnn_budget_add_own_line (store, plan->id, unit->id, " ", GDNN_SOURCE_KHAC, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gdnn_budget_add_own_line (store, plan->id, elsewhere->id, "Khác", GDNN_SOURCE_KHAC, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM budget_line WHERE unit_id IS NOT NULL;"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/budget/parse/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add ("/core/budget/list-and-totals", Fixture, NULL,
              fixture_setup_demo, test_list_and_totals, fixture_teardown);
  g_test_add ("/core/budget/save", Fixture, NULL, fixture_setup_demo, test_save, fixture_teardown);
  g_test_add ("/core/budget/overspent", Fixture, NULL, fixture_setup_demo, test_overspent, fixture_teardown);
  g_test_add ("/core/budget/row-refuses", Fixture, NULL, fixture_setup_demo, test_row_refuses, fixture_teardown);
  g_test_add ("/core/budget/own-lines", Fixture, NULL, fixture_setup_demo, test_own_lines, fixture_teardown);

  return g_test_run ();
}
