/* test-budget.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The budget of a unit's plan: money input, lines and totals checked
 * against sums computed here in SQL, saving with the change log, each
 * unit's figures kept apart from the other units' and from the plan's
 * reference figures, the over-spend flag and a unit's own lines. */

#include "config.h"

#include "gdnn-budget.h"
#include "gdnn-budget-row.h"
#include "gdnn-demo.h"
#include "gdnn-text.h"
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

/* A sum of @unit_code's own figures on the lines it sees in 401/KH-UBND
 * (or, for NULL, of the plan's reference figures); @where narrows it. */
static gint64
sql_sum_of (GdnnStore  *store,
            const char *unit_code,
            const char *column,
            const char *where)
{
  g_autofree char *who = unit_code != NULL ? g_strdup_printf ("(SELECT id FROM unit WHERE code = '%s')", unit_code)
                                           : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (sum (y.%s), 0) FROM budget_year y JOIN budget_line l ON l.id = y.line_id "
    "JOIN plan p ON p.id = l.plan_id WHERE p.number = '401/KH-UBND' "
    "AND (l.unit_id IS NULL OR l.unit_id = %s) AND y.unit_id IS %s AND %s;",
    column, who, who, where);
  return gdnn_test_query_int (store, sql);
}

static gint64
sql_sum (GdnnStore  *store,
         const char *column,
         const char *where)
{
  return sql_sum_of (store, "BG-CD01", column, where);
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
      g_assert_cmpint (totals.reference.planned, ==, sql_sum_of (store, NULL, "planned", where));
      for (guint s = 0; s < GDNN_BUDGET_N_SOURCES; s++)
        {
          g_autofree char *by_source = g_strdup_printf ("y.year = %d AND l.source = '%s'", year,
                                                        gdnn_budget_source_to_string (s));
          g_assert_cmpint (totals.by_source[s].planned, ==, sql_sum (store, "planned", by_source));
          g_assert_cmpint (totals.by_source[s].spent, ==, sql_sum (store, "spent", by_source));
          g_assert_cmpint (totals.reference_by_source[s].planned, ==,
                           sql_sum_of (store, NULL, "planned", by_source));
        }
    }

  gdnn_budget_compute_totals (lines, 0, &totals);
  g_assert_cmpint (totals.all.planned, ==, sql_sum (store, "planned", "1"));
  g_assert_cmpint (totals.all.spent, ==, sql_sum (store, "spent", "1"));
  g_assert_cmpint (totals.reference.planned, ==, sql_sum_of (store, NULL, "planned", "1"));
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

  /* The template's budget, the plan's reference: 1,4 tỷ đồng over
   * 2022–2025, all state budget. */
  gdnn_budget_compute_totals (lines, 0, &totals);
  g_assert_cmpint (totals.reference.planned, ==, 1400000000);
  g_assert_cmpint (totals.reference_by_source[GDNN_SOURCE_NGAN_SACH].planned, ==, 1400000000);
  g_assert_cmpuint (totals.n_lines_by_source[GDNN_SOURCE_NGAN_SACH], ==, lines->len);
  g_assert_cmpuint (totals.n_lines_by_source[GDNN_SOURCE_XA_HOI_HOA], ==, 0);
  /* The college's own figures are its own, far below the province's. */
  g_assert_cmpint (totals.all.planned, >, 0);
  g_assert_cmpint (totals.all.planned, <, totals.reference.planned);
  /* The plan gives nothing after 2025; the college planned for 2026. */
  gdnn_budget_compute_totals (lines, 2026, &totals);
  g_assert_cmpint (totals.reference.planned, ==, 0);
  g_assert_cmpint (totals.all.planned, >, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const GdnnBudgetLine *line = g_ptr_array_index (lines, i);

      g_assert_nonnull (gdnn_budget_line_get_reference (line, 2023));
      g_assert_cmpint (gdnn_budget_line_get_reference (line, 2023)->planned, >=, 150000000);
      g_assert_null (gdnn_budget_line_get_reference (line, 2026));
      g_assert_nonnull (gdnn_budget_line_get_year (line, 2026));
    }
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
                                              "WHERE line_id = %" G_GINT64_FORMAT " AND year = 2027 "
                                              "AND unit_id = %" G_GINT64_FORMAT ";", line->id, unit->id);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM budget_year WHERE line_id = %"
                                                G_GINT64_FORMAT " AND year = 2027 AND unit_id = %"
                                                G_GINT64_FORMAT ";", line->id, unit->id);
  GdnnBudgetYear amounts = { 2027, 1400000000, FALSE, 0 };
  gint64 inserts = count_log (store, "insert");
  gint64 updates = count_log (store, "update");
  gint64 deletes = count_log (store, "delete");

  /* A year the unit had no figures for: one insert in the change log, by
   * the store's user, naming the row and the unit. */
  g_assert_true (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, row_sql), ==, 14000000000);
  g_assert_cmpint (count_log (store, "insert"), ==, inserts + 1);
  {
    g_autofree char *logged = g_strdup_printf ("SELECT count(*) FROM change_log l JOIN budget_year y ON y.id = l.entity_id "
                                               "WHERE l.entity = 'budget_year' AND l.who = 'Người kiểm thử' "
                                               "AND json_extract (l.new, '$.planned') = 1400000000 "
                                               "AND json_extract (l.new, '$.unit_id') = %" G_GINT64_FORMAT
                                               " AND y.unit_id = %" G_GINT64_FORMAT ";", unit->id, unit->id);
    g_assert_cmpint (gdnn_test_query_int (store, logged), ==, 1);
  }

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
  amounts.year = 2027;
  amounts.planned = -1;
  g_assert_false (gdnn_budget_save (store, line->id, unit->id, &amounts, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gdnn_test_query_int (store, row_sql), ==, 14000000001);

  /* Clearing removes the year; the log keeps what it was. */
  g_assert_true (gdnn_budget_clear (store, line->id, unit->id, 2027, &error));
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
                                                G_GINT64_FORMAT " AND year = 2023 AND unit_id = %"
                                                G_GINT64_FORMAT ";", line->id, unit->id);
  g_autofree char *over = NULL;
  g_autofree char *planned_text = NULL;
  g_autofree char *warning = NULL;
  gboolean overspent = TRUE;

  /* The demo's spending stays within what the unit planned. */
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
  /* Measured against the unit's own plan for 2023, not the province's 150.000.000. */
  over = gdnn_format_integer (200000000 - y2023->planned);
  gdnn_test_assert_contains (status, over);
  g_assert_cmpint (y2023->planned, <, 150000000);
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
  g_autofree char *reference = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_sql = g_strdup_printf ("SELECT planned FROM budget_year WHERE year = 2024 AND line_id = %"
                                                 G_GINT64_FORMAT " AND unit_id = %" G_GINT64_FORMAT ";",
                                                 gdnn_budget_row_get_line_id (row), unit->id);

  g_assert_false (gdnn_budget_row_commit (row, store, unit->id, "12,5", "", &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_object_get (row, "message", &message, "planned", &planned, "percent", &percent,
                "reference", &reference, NULL);
  g_assert_cmpstr (message, ==, error->message);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
  /* The row still shows what the unit stored, and beside it the plan's
   * 150.000.000 for 2024. */
  stored = gdnn_format_integer (gdnn_test_query_int (store, stored_sql));
  g_assert_cmpstr (planned, ==, stored);
  g_assert_cmpstr (reference, ==, "150.000.000");
  g_assert_cmpstr (percent, !=, "");
  g_clear_error (&error);

  /* A valid input clears the message. */
  g_assert_true (gdnn_budget_row_commit (row, store, unit->id, "1,4 tỷ", "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&planned, g_free);
  g_clear_pointer (&percent, g_free);
  g_clear_pointer (&reference, g_free);
  g_object_get (row, "message", &message, "planned", &planned, "percent", &percent,
                "reference", &reference, NULL);
  g_assert_cmpstr (message, ==, "");
  g_assert_cmpstr (planned, ==, "1.400.000.000");
  g_assert_cmpstr (percent, ==, "");
  g_assert_cmpstr (reference, ==, "150.000.000");
}

/* Every figure of the plan's lines, as text, for comparing before and after. */
static char *
figures_of (GdnnStore  *store,
            const char *who)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (line_id || ':' || year || ':' || planned || ':' || "
                                          "ifnull (spent, '-'), ',') FROM (SELECT * FROM budget_year "
                                          "WHERE unit_id IS %s ORDER BY line_id, year);", who);
  return gdnn_test_query_text (store, sql);
}

static void
test_units_apart (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) a = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnUnit) b = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GdnnUnit) elsewhere = gdnn_test_find_unit (store, "BK-CD01");
  g_autofree char *b_who = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);
  g_autofree char *plan_before = figures_of (store, "NULL");
  g_autofree char *b_before = figures_of (store, b_who);
  g_autofree char *plan_after = NULL;
  g_autofree char *b_after = NULL;
  g_autoptr(GPtrArray) a_lines = list_lines (store, "BG-CD01");
  g_autoptr(GPtrArray) b_lines = NULL;
  g_autoptr(GError) error = NULL;
  const GdnnBudgetLine *line = g_ptr_array_index (a_lines, 0);
  const GdnnBudgetLine *b_line;
  GdnnBudgetYear amounts = { 2024, 777000000, TRUE, 555000000 };
  GdnnBudgetTotals b_totals_before, b_totals_after;

  /* Each sample unit has figures of its own, different from the plan's. */
  g_assert_nonnull (plan_before);
  g_assert_nonnull (b_before);
  g_assert_cmpstr (plan_before, !=, b_before);

  b_lines = list_lines (store, "BG-TC02");
  gdnn_budget_compute_totals (b_lines, 0, &b_totals_before);
  g_clear_pointer (&b_lines, g_ptr_array_unref);

  /* Unit A edits a line of the plan, then empties another year. */
  g_assert_true (gdnn_budget_save (store, line->id, a->id, &amounts, &error));
  g_assert_no_error (error);
  g_assert_true (gdnn_budget_clear (store, line->id, a->id, 2023, &error));
  g_assert_no_error (error);

  /* Unit B's figures and the plan's stay as they were … */
  plan_after = figures_of (store, "NULL");
  b_after = figures_of (store, b_who);
  g_assert_cmpstr (plan_after, ==, plan_before);
  g_assert_cmpstr (b_after, ==, b_before);
  b_lines = list_lines (store, "BG-TC02");
  gdnn_budget_compute_totals (b_lines, 0, &b_totals_after);
  g_assert_cmpint (b_totals_after.all.planned, ==, b_totals_before.all.planned);
  g_assert_cmpint (b_totals_after.all.spent, ==, b_totals_before.all.spent);
  b_line = g_ptr_array_index (b_lines, 0);
  g_assert_cmpint (b_line->id, ==, line->id);
  g_assert_cmpint (gdnn_budget_line_get_year (b_line, 2024)->planned, !=, 777000000);
  g_assert_nonnull (gdnn_budget_line_get_year (b_line, 2023));
  g_assert_cmpint (gdnn_budget_line_get_reference (b_line, 2024)->planned, ==, 150000000);

  /* … while A sees its own, beside the same reference. */
  g_clear_pointer (&a_lines, g_ptr_array_unref);
  a_lines = list_lines (store, "BG-CD01");
  line = g_ptr_array_index (a_lines, 0);
  g_assert_cmpint (gdnn_budget_line_get_year (line, 2024)->planned, ==, 777000000);
  g_assert_null (gdnn_budget_line_get_year (line, 2023));
  g_assert_cmpint (gdnn_budget_line_get_reference (line, 2023)->planned, ==, 150000000);
  assert_totals_match_sql (store);

  /* A unit that does not implement the plan writes nothing on its lines. */
  g_assert_false (gdnn_budget_save (store, line->id, elsewhere->id, &amounts, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM budget_year WHERE unit_id = %" G_GINT64_FORMAT ";",
                                            elsewhere->id);
    g_assert_cmpint (gdnn_test_query_int (store, sql), ==, 0);
  }

  /* The plan's reference figures are still written for the plan (a
   * template), and only those. */
  amounts.planned = 160000000;
  amounts.has_spent = FALSE;
  g_assert_true (gdnn_store_set_budget_year (store, line->id, &amounts, &error));
  g_assert_no_error (error);
  g_clear_pointer (&b_after, g_free);
  b_after = figures_of (store, b_who);
  g_assert_cmpstr (b_after, ==, b_before);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT planned FROM budget_year WHERE unit_id IS NULL AND year = 2024 "
                                            "AND line_id = %" G_GINT64_FORMAT ";", line->id);
    g_assert_cmpint (gdnn_test_query_int (store, sql), ==, 160000000);
  }
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

  /* Its figures are the unit's own; another unit cannot write to it, not
   * even past the core (the schema refuses it). */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM budget_year WHERE line_id = %" G_GINT64_FORMAT
                                            " AND unit_id = %" G_GINT64_FORMAT ";", id, unit->id);
    g_autofree char *raw = g_strdup_printf ("INSERT INTO budget_year (line_id, unit_id, year, planned) VALUES (%"
                                            G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2025, 1);", id, other->id);
    g_assert_cmpint (gdnn_test_query_int (store, sql), ==, 1);
    g_assert_cmpint (sqlite3_exec (gdnn_store_get_db (store), raw, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  }
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
  g_test_add ("/core/budget/units-apart", Fixture, NULL, fixture_setup_demo, test_units_apart, fixture_teardown);
  g_test_add ("/core/budget/own-lines", Fixture, NULL, fixture_setup_demo, test_own_lines, fixture_teardown);

  return g_test_run ();
}
