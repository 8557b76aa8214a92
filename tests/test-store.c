/* test-store.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "gdnn-budget.h"
#include "gdnn-model.h"
#include "gdnn-schedule.h"
#include "gdnn-store-private.h"
#include "gdnn-store.h"
#include "gdnn-text.h"
#include "gdnn-validation.h"

#include "gdnn-test-utils.h"

/* A small plan with one indicator of each measure. */
typedef struct
{
  gint64 plan_id;
  gint64 unit_id;
  gint64 ratio_id;
  gint64 count_id;
  gint64 amount_id;
  gint64 boolean_id;
} TestPlan;

static gint64
add_unit (GdnnStore    *store,
          const char   *code,
          const char   *name,
          GdnnUnitType  type)
{
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit->code = g_strdup (code);
  unit->name = g_strdup (name);
  unit->type = type;
  unit->ownership = type == GDNN_UNIT_TYPE_CO_QUAN ? GDNN_OWNERSHIP_NONE : GDNN_OWNERSHIP_CONG_LAP;
  id = gdnn_store_add_unit (store, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_indicator (GdnnStore   *store,
               gint64       plan_id,
               const char  *code,
               GdnnMeasure  measure,
               int          position)
{
  g_autoptr(GdnnIndicator) ind = gdnn_indicator_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  ind->plan_id = plan_id;
  ind->code = g_strdup (code);
  ind->name = g_strdup_printf ("Chỉ tiêu %s", code);
  ind->measure = measure;
  ind->position = position;
  id = gdnn_store_add_indicator (store, ind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_plan (GdnnStore  *store,
          const char *number,
          int         first_year,
          int         last_year)
{
  g_autoptr(GdnnPlan) plan = gdnn_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  plan->number = g_strdup (number);
  plan->title = g_strdup ("Kế hoạch kiểm thử chuyển đổi số");
  plan->issuer = g_strdup ("Ủy ban nhân dân tỉnh Bắc Giang");
  plan->first_year = first_year;
  plan->last_year = last_year;
  id = gdnn_store_add_plan (store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
make_test_plan (GdnnStore *store,
                TestPlan  *tp)
{
  tp->plan_id = add_plan (store, "01/KH-TEST", 2022, 2030);
  tp->unit_id = add_unit (store, "BG-CD01", "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang",
                          GDNN_UNIT_TYPE_CAO_DANG);
  tp->ratio_id = add_indicator (store, tp->plan_id, "I.2.a.1", GDNN_MEASURE_RATIO, 0);
  tp->count_id = add_indicator (store, tp->plan_id, "I.2.1", GDNN_MEASURE_COUNT, 1);
  tp->amount_id = add_indicator (store, tp->plan_id, "III.1", GDNN_MEASURE_AMOUNT, 2);
  tp->boolean_id = add_indicator (store, tp->plan_id, "I.2.d.4", GDNN_MEASURE_BOOLEAN, 3);
}

static GdnnValue *
make_value (gint64   unit_id,
            gint64   indicator_id,
            int      year,
            gboolean has_numerator,
            double   numerator,
            gboolean has_denominator,
            double   denominator)
{
  GdnnValue *v = gdnn_value_new ();

  v->unit_id = unit_id;
  v->indicator_id = indicator_id;
  v->year = year;
  v->period = g_strdup ("year");
  v->has_numerator = has_numerator;
  v->numerator = numerator;
  v->has_denominator = has_denominator;
  v->denominator = denominator;
  return v;
}

/* ---------------------------------------------------------------------- */

static void
test_open_creates_schema (Fixture       *fixture,
                          gconstpointer  user_data)
{
  sqlite3 *db = gdnn_store_get_db (fixture->store);
  g_autofree char *journal = gdnn_test_db_text (db, "PRAGMA journal_mode;");
  g_autofree char *creator = gdnn_store_get_meta (fixture->store, "creator");
  g_autoptr(GdnnStore) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gdnn_store_latest_version (), >=, 2);
  g_assert_cmpint (gdnn_test_db_int (db, "PRAGMA user_version;"), ==, gdnn_store_latest_version ());
  g_assert_cmpint (gdnn_store_get_schema_version (fixture->store), ==, gdnn_store_latest_version ());
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (gdnn_test_db_int (db, "PRAGMA foreign_keys;"), ==, 1);
  g_assert_cmpstr (creator, ==, "gdnn-report");
  g_assert_cmpstr (gdnn_store_get_path (fixture->store), ==, fixture->path);
  g_assert_true (gdnn_store_is_empty (fixture->store));
  g_assert_cmpint (gdnn_store_count_rows (fixture->store, "change_log"), ==, 0);

  /* The tables of the domain model exist. */
  for (const char * const *t = (const char * const[]) { "unit", "plan", "report_period", "plan_body",
                                                        "indicator", "target", "value", "task",
                                                        "task_progress", "budget_line", "budget_year",
                                                        "report", "submission", "change_log", NULL };
       *t != NULL; t++)
    g_assert_cmpint (gdnn_store_count_rows (fixture->store, *t), ==, 0);

  /* A missing file is not created without GDNN_STORE_OPEN_CREATE. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
    g_autoptr(GdnnStore) none = gdnn_store_open (missing, GDNN_STORE_OPEN_DEFAULT, &error);

    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
    g_assert_null (none);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* Opening the file again is no migration: no backup is made. */
  g_clear_object (&fixture->store);
  again = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_get_schema_version (again), ==, gdnn_store_latest_version ());
  g_assert_cmpuint (gdnn_test_count_files (fixture->dir, "gdnn.db.schema-"), ==, 0);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* An empty file (as made by mktemp) counts as no database: it is not
   * touched without GDNN_STORE_OPEN_CREATE … */
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_clear_error (&error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  /* … and becomes a new database with it. */
  store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (gdnn_store_get_schema_version (store), ==, gdnn_store_latest_version ());
}

static void
test_migration_previous_version (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  const char *name = "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang";
  /* Version 1, before the search keys (2) and the undo marks (3): the
   * upgrade runs every later migration in turn. */
  int previous = 1;
  g_autofree char *backup = g_strdup_printf ("%s.schema-%d.bak", fixture->path, previous);
  g_autofree char *expected_key = NULL;
  g_autofree char *key = NULL;
  g_autofree char *new_key = NULL;
  g_autoptr(GdnnStore) old = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  TestPlan tp = { 0 };
  gint64 unit_id, plan_id, ratio_id;

  g_assert_cmpint (previous, >=, 1);

  old = gdnn_store_open_at_version (fixture->path, previous, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_get_schema_version (old), ==, previous);
  /* Version 1 has no search keys yet. */
  g_assert_cmpint (gdnn_test_query_int (old, "SELECT count(*) FROM pragma_table_info ('unit') "
                                             "WHERE name = 'search_key';"), ==, 0);

  make_test_plan (old, &tp);
  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, tp.ratio_id, 2024, TRUE, 45, TRUE, 90);
    gdnn_store_set_value (old, v, &error);
    g_assert_no_error (error);
  }
  gdnn_test_exec (old, "INSERT INTO unit (code, name, type) VALUES ('SLD-BG', "
                       "'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang', 'co_quan');");
  g_clear_object (&old);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_cmpint (gdnn_store_get_schema_version (fixture->store), ==, gdnn_store_latest_version ());
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "PRAGMA foreign_keys;"), ==, 1);

  /* The data survived. */
  g_assert_cmpint (gdnn_store_count_rows (fixture->store, "unit"), ==, 2);
  unit = gdnn_store_find_unit_by_code (fixture->store, "BG-CD01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->name, ==, name);
  g_assert_cmpint (unit->type, ==, GDNN_UNIT_TYPE_CAO_DANG);
  unit_id = unit->id;

  plan = gdnn_store_find_plan (fixture->store, "01/KH-TEST", &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->first_year, ==, 2022);
  g_assert_cmpint (plan->last_year, ==, 2030);
  plan_id = plan->id;
  indicators = gdnn_store_list_indicators (fixture->store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 4);
  g_assert_cmpstr (((GdnnIndicator *) indicators->pdata[0])->code, ==, "I.2.a.1");
  g_assert_cmpint (((GdnnIndicator *) indicators->pdata[0])->measure, ==, GDNN_MEASURE_RATIO);
  ratio_id = ((GdnnIndicator *) indicators->pdata[0])->id;
  {
    g_autoptr(GdnnValue) v = gdnn_store_get_value (fixture->store, unit_id, ratio_id, 2024, "year", &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (v->numerator, ==, 45);
    g_assert_cmpfloat (v->denominator, ==, 90);
  }

  /* The new column was filled for the rows already there. */
  expected_key = gdnn_search_fold ("Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang BG-CD01");
  key = gdnn_test_query_text (fixture->store, "SELECT search_key FROM unit WHERE code = 'BG-CD01';");
  g_assert_cmpstr (key, ==, expected_key);
  g_assert_true (g_str_has_prefix (key, "truong cao dang ky thuat cong nghiep bac giang"));
  g_assert_cmpint (gdnn_test_query_int (fixture->store,
                                        "SELECT count(*) FROM unit WHERE search_key IS NULL;"), ==, 0);
  g_assert_cmpint (gdnn_test_query_int (fixture->store,
                                        "SELECT count(*) FROM indicator WHERE search_key IS NULL;"), ==, 0);

  /* … and the triggers keep it for new rows. */
  add_unit (fixture->store, "BG-TC02", "Trường Trung cấp Nghề Lục Ngạn", GDNN_UNIT_TYPE_TRUNG_CAP);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM pragma_table_info ('change_log') "
                                                      "WHERE name = 'undo_of';"), ==, 1);
  new_key = gdnn_test_query_text (fixture->store, "SELECT search_key FROM unit WHERE code = 'BG-TC02';");
  g_assert_cmpstr (new_key, ==, "truong trung cap nghe luc ngan bg-tc02");

  /* The file was kept as it was before its schema changed. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (gdnn_test_file_int (backup, "PRAGMA user_version;"), ==, previous);
  g_assert_cmpint (gdnn_test_file_int (backup, "SELECT count(*) FROM unit;"), ==, 2);
  g_assert_cmpint (gdnn_test_file_int (backup, "SELECT count(*) FROM value;"), ==, 1);
}

/* A version 3 database keyed its budget by line and year only; version 4
 * keeps the rows as the plan's figures (the owner's on a unit's own line)
 * and stores each unit's figures apart, with the change log. */
static void
test_migration_budget_v3 (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *backup = g_strdup_printf ("%s.schema-3.bak", fixture->path);
  g_autoptr(GdnnStore) old = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  TestPlan tp = { 0 };
  gint64 log_before, other_id, plan_line, own_line, row_id;
  const GdnnBudgetLine *line;
  GdnnBudgetYear amounts = { 2024, 30000000, TRUE, 25000000 };

  old = gdnn_store_open_at_version (fixture->path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_get_schema_version (old), ==, 3);
  make_test_plan (old, &tp);
  other_id = add_unit (old, "BG-TC02", "Trường Trung cấp Nghề Lục Ngạn", GDNN_UNIT_TYPE_TRUNG_CAP);
  sql = g_strdup_printf ("INSERT INTO unit_plan (unit_id, plan_id) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         "), (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
                         "INSERT INTO budget_line (id, plan_id, unit_id, name, source, position) VALUES "
                         "(1, %" G_GINT64_FORMAT ", NULL, 'Tuyên truyền', 'ngan_sach', 1), "
                         "(2, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'Mua sắm thiết bị', 'xa_hoi_hoa', 2);"
                         "INSERT INTO budget_year (line_id, year, planned, spent) VALUES "
                         "(1, 2023, 150000000, 140000000), (1, 2024, 150000000, NULL), (2, 2024, 80000000, 20000000);",
                         tp.unit_id, tp.plan_id, other_id, tp.plan_id, tp.plan_id, tp.plan_id, tp.unit_id);
  gdnn_test_exec (old, sql);
  /* Version 3 has no unit_id on budget_year and logs its rows as id 0. */
  g_assert_cmpint (gdnn_test_query_int (old, "SELECT count(*) FROM pragma_table_info ('budget_year') "
                                             "WHERE name = 'unit_id';"), ==, 0);
  g_assert_cmpint (gdnn_test_query_int (old, "SELECT count(*) FROM change_log WHERE entity = 'budget_year';"), ==, 3);
  log_before = gdnn_test_count (old, "change_log");
  g_clear_object (&old);

  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_get_schema_version (fixture->store), ==, gdnn_store_latest_version ());
  g_assert_cmpint (gdnn_store_get_schema_version (fixture->store), >=, 4);

  /* The backup holds the version 3 file as it was. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (gdnn_test_file_int (backup, "PRAGMA user_version;"), ==, 3);
  g_assert_cmpint (gdnn_test_file_int (backup, "SELECT count(*) FROM budget_year;"), ==, 3);

  /* Nothing was lost or logged by the migration; the rows keep their
   * meaning: the plan's figures on its line, the owner's on its own. */
  g_assert_cmpint (gdnn_test_count (fixture->store, "change_log"), ==, log_before);
  g_assert_cmpint (gdnn_test_count (fixture->store, "budget_year"), ==, 3);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT sum (planned) + sum (ifnull (spent, 0)) "
                                                      "FROM budget_year;"), ==, 540000000);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM budget_year WHERE line_id = 1 "
                                                      "AND unit_id IS NULL;"), ==, 2);
  sql = (g_free (sql), g_strdup_printf ("SELECT count(*) FROM budget_year WHERE line_id = 2 AND unit_id = %"
                                        G_GINT64_FORMAT " AND planned = 80000000 AND spent = 20000000;", tp.unit_id));
  g_assert_cmpint (gdnn_test_query_int (fixture->store, sql), ==, 1);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM pragma_foreign_key_check;"), ==, 0);

  lines = gdnn_store_list_budget_lines (fixture->store, tp.plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (((GdnnBudgetLine *) lines->pdata[0])->years->len, ==, 2);
  g_assert_cmpuint (((GdnnBudgetLine *) lines->pdata[1])->years->len, ==, 1);

  /* For the unit, the plan's figures are a reference, its own line its own. */
  mine = gdnn_budget_list_lines (fixture->store, tp.plan_id, tp.unit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  line = g_ptr_array_index (mine, 0);
  plan_line = line->id;
  g_assert_cmpuint (line->years->len, ==, 0);
  g_assert_cmpint (gdnn_budget_line_get_reference (line, 2023)->planned, ==, 150000000);
  g_assert_cmpint (gdnn_budget_line_get_reference (line, 2023)->spent, ==, 140000000);
  line = g_ptr_array_index (mine, 1);
  own_line = line->id;
  g_assert_cmpint (gdnn_budget_line_get_year (line, 2024)->planned, ==, 80000000);
  g_assert_null (gdnn_budget_line_get_reference (line, 2024));

  /* The change log triggers fire for the new rows, naming the row and the unit. */
  g_assert_true (gdnn_budget_save (fixture->store, plan_line, tp.unit_id, &amounts, &error));
  g_assert_no_error (error);
  sql = (g_free (sql), g_strdup_printf ("SELECT id FROM budget_year WHERE line_id = %" G_GINT64_FORMAT
                                        " AND unit_id = %" G_GINT64_FORMAT " AND year = 2024;", plan_line, tp.unit_id));
  row_id = gdnn_test_query_int (fixture->store, sql);
  g_assert_cmpint (row_id, >, 0);
  sql = (g_free (sql), g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'budget_year' "
                                        "AND action = 'insert' AND entity_id = %" G_GINT64_FORMAT
                                        " AND json_extract (new, '$.unit_id') = %" G_GINT64_FORMAT
                                        " AND json_extract (new, '$.planned') = 30000000;", row_id, tp.unit_id));
  g_assert_cmpint (gdnn_test_query_int (fixture->store, sql), ==, 1);
  amounts.spent = 29000000;
  g_assert_true (gdnn_budget_save (fixture->store, plan_line, tp.unit_id, &amounts, &error));
  sql = (g_free (sql), g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'budget_year' "
                                        "AND action = 'update' AND entity_id = %" G_GINT64_FORMAT
                                        " AND json_extract (old, '$.spent') = 25000000"
                                        " AND json_extract (new, '$.spent') = 29000000;", row_id));
  g_assert_cmpint (gdnn_test_query_int (fixture->store, sql), ==, 1);
  g_assert_true (gdnn_budget_clear (fixture->store, plan_line, tp.unit_id, 2024, &error));
  sql = (g_free (sql), g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'budget_year' "
                                        "AND action = 'delete' AND entity_id = %" G_GINT64_FORMAT
                                        " AND json_extract (old, '$.unit_id') = %" G_GINT64_FORMAT ";",
                                        row_id, tp.unit_id));
  g_assert_cmpint (gdnn_test_query_int (fixture->store, sql), ==, 1);
  /* The plan's reference figures were left alone. */
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT planned FROM budget_year WHERE line_id = 1 "
                                                      "AND unit_id IS NULL AND year = 2024;"), ==, 150000000);
  g_assert_no_error (error);

  /* One row per line, unit (or the plan) and year. */
  g_assert_cmpint (sqlite3_exec (gdnn_store_get_db (fixture->store),
                                 "INSERT INTO budget_year (line_id, unit_id, year, planned) VALUES (1, NULL, 2023, 1);",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  sql = (g_free (sql), g_strdup_printf ("INSERT INTO budget_year (line_id, unit_id, year, planned) VALUES "
                                        "(2, %" G_GINT64_FORMAT ", 2024, 1);", tp.unit_id));
  g_assert_cmpint (sqlite3_exec (gdnn_store_get_db (fixture->store), sql, NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  /* … and another unit's figures never go on a unit's own line. */
  sql = (g_free (sql), g_strdup_printf ("INSERT INTO budget_year (line_id, unit_id, year, planned) VALUES "
                                        "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2025, 1);", own_line, other_id));
  g_assert_cmpint (sqlite3_exec (gdnn_store_get_db (fixture->store), sql, NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (gdnn_test_count (fixture->store, "budget_year"), ==, 3);
}

/* ---------------------------------------------------------------------- */

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = gdnn_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_error (error, GDNN_STORE_ERROR, code);
  g_assert_null (store);
  g_test_message ("Refused: %s", error->message);
  g_assert_true (strstr (error->message, path) != NULL);

  after = gdnn_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = gdnn_test_write_file (fixture, "notes.db",
                                                "Báo cáo năm 2025\nkhông phải cơ sở dữ liệu\n", -1);
  g_autofree char *short_path = gdnn_test_write_file (fixture, "short.db", "SQLite", -1);

  assert_refused (path, GDNN_STORE_ERROR_FOREIGN);
  /* Shorter than the SQLite header. */
  assert_refused (short_path, GDNN_STORE_ERROR_FOREIGN);
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  gdnn_test_db_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_refuse_other_sqlite (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *versioned = g_build_filename (fixture->dir, "versioned.db", NULL);

  make_raw_database (other,
                     "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
                     "INSERT INTO contacts (name) VALUES ('Nguyễn Văn An');");
  g_assert_cmpint (gdnn_test_file_int (other, "PRAGMA user_version;"), ==, 0);
  assert_refused (other, GDNN_STORE_ERROR_FOREIGN);

  /* Another program's database that happens to set user_version. */
  make_raw_database (versioned,
                     "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                     "INSERT INTO meta VALUES ('creator', 'another-program');"
                     "PRAGMA user_version = 1;");
  assert_refused (versioned, GDNN_STORE_ERROR_FOREIGN);
}

static void
test_refuse_too_new (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", gdnn_store_latest_version () + 1);

  store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_unit (store, "BG-CD01", "Trường Cao đẳng Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG);
  gdnn_test_exec (store, sql);
  g_clear_object (&store);

  assert_refused (fixture->path, GDNN_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (gdnn_test_file_int (fixture->path, "PRAGMA user_version;"), ==,
                   gdnn_store_latest_version () + 1);
  g_assert_cmpint (gdnn_test_file_int (fixture->path, "SELECT count(*) FROM unit;"), ==, 1);
}

/* ---------------------------------------------------------------------- */

static void
assert_value_refused (GdnnStore *store,
                      GdnnValue *value,
                      int        code)
{
  g_autoptr(GError) error = NULL;
  gint64 values = gdnn_test_count (store, "value");
  gint64 log = gdnn_test_count (store, "change_log");

  g_assert_false (gdnn_store_set_value (store, value, &error));
  g_assert_error (error, GDNN_STORE_ERROR, code);
  g_test_message ("Refused: %s", error->message);
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, values);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
}

static void
test_constraints_values (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  TestPlan tp = { 0 };

  make_test_plan (store, &tp);

#define REFUSE(ind, year, hn, n, hd, d)                                            \
  G_STMT_START {                                                                   \
    g_autoptr(GdnnValue) v_ = make_value (tp.unit_id, (ind), (year), (hn), (n), (hd), (d)); \
    assert_value_refused (store, v_, GDNN_STORE_ERROR_INVALID);                    \
  } G_STMT_END
#define ACCEPT(ind, year, hn, n, hd, d)                                            \
  G_STMT_START {                                                                   \
    g_autoptr(GdnnValue) v_ = make_value (tp.unit_id, (ind), (year), (hn), (n), (hd), (d)); \
    g_assert_true (gdnn_store_set_value (store, v_, &error));                      \
    g_assert_no_error (error);                                                     \
  } G_STMT_END

  /* Ratios */
  REFUSE (tp.ratio_id, 2025, TRUE, 91, TRUE, 90);      /* numerator > denominator */
  REFUSE (tp.ratio_id, 2025, TRUE, 0, TRUE, 0);        /* denominator 0 */
  REFUSE (tp.ratio_id, 2025, TRUE, 5, TRUE, -10);      /* negative denominator */
  REFUSE (tp.ratio_id, 2025, TRUE, -1, TRUE, 90);      /* negative numerator */
  REFUSE (tp.ratio_id, 2025, TRUE, 45, FALSE, 0);      /* no denominator */
  REFUSE (tp.ratio_id, 2025, TRUE, NAN, TRUE, 90);
  REFUSE (tp.ratio_id, 2025, TRUE, 1, TRUE, INFINITY);
  /* Counts and amounts */
  REFUSE (tp.count_id, 2025, TRUE, -5, FALSE, 0);      /* negative */
  REFUSE (tp.count_id, 2025, TRUE, 5, TRUE, 10);       /* with a denominator */
  REFUSE (tp.amount_id, 2025, TRUE, 1500000.5, FALSE, 0); /* fractions of a đồng */
  REFUSE (tp.amount_id, 2025, TRUE, 1500000, TRUE, 2);
  REFUSE (tp.amount_id, 2025, TRUE, 1e16, FALSE, 0);   /* a typing mistake */
  /* Yes/no */
  REFUSE (tp.boolean_id, 2025, TRUE, 2, FALSE, 0);
  REFUSE (tp.boolean_id, 2025, TRUE, 1, TRUE, 1);
  /* Years: the plan is 2022–2030, with 5 baseline years before it. */
  REFUSE (tp.count_id, 2031, TRUE, 5, FALSE, 0);
  REFUSE (tp.count_id, 2022 - GDNN_VALUE_YEARS_BEFORE_PLAN - 1, TRUE, 5, FALSE, 0);
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, 0);

  /* A period that does not exist. */
  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, tp.count_id, 2025, TRUE, 5, FALSE, 0);
    g_free (v->period);
    v->period = g_strdup ("q3");
    assert_value_refused (store, v, GDNN_STORE_ERROR_INVALID);
  }
  /* An indicator that does not exist. */
  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, 9999, 2025, TRUE, 5, FALSE, 0);
    assert_value_refused (store, v, GDNN_STORE_ERROR_NOT_FOUND);
  }
  /* A unit that does not exist: the foreign key refuses it. */
  {
    g_autoptr(GdnnValue) v = make_value (9999, tp.count_id, 2025, TRUE, 5, FALSE, 0);
    assert_value_refused (store, v, GDNN_STORE_ERROR_CONSTRAINT);
  }

  /* The limits themselves are accepted. */
  ACCEPT (tp.ratio_id, 2025, TRUE, 90, TRUE, 90);
  ACCEPT (tp.ratio_id, 2024, TRUE, 0, TRUE, 90);
  ACCEPT (tp.ratio_id, 2023, FALSE, 0, TRUE, 90);      /* denominator known, numerator not yet */
  ACCEPT (tp.count_id, 2030, TRUE, 0, FALSE, 0);
  ACCEPT (tp.count_id, 2022 - GDNN_VALUE_YEARS_BEFORE_PLAN, TRUE, 12, FALSE, 0);
  ACCEPT (tp.amount_id, 2025, TRUE, 1400000000, FALSE, 0);
  ACCEPT (tp.boolean_id, 2025, TRUE, 1, FALSE, 0);
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, 7);
  problems = gdnn_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

#undef REFUSE
#undef ACCEPT
}

static void
test_constraints_duplicates (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GdnnUnit) office = gdnn_unit_new ();
  g_autoptr(GdnnPlan) plan = gdnn_plan_new ();
  g_autoptr(GdnnIndicator) ind = gdnn_indicator_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan_id, log;

  add_unit (store, "BG-CD01", "Trường Cao đẳng Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG);
  plan_id = add_plan (store, "401/KH-UBND", 2022, 2030);
  add_indicator (store, plan_id, "I.2.a.1", GDNN_MEASURE_RATIO, 0);
  log = gdnn_test_count (store, "change_log");

  unit->code = g_strdup ("BG-CD01");
  unit->name = g_strdup ("Một trường khác");
  unit->type = GDNN_UNIT_TYPE_TRUNG_CAP;
  g_assert_cmpint (gdnn_store_add_unit (store, unit, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  gdnn_test_assert_contains (error->message, "BG-CD01");
  g_clear_error (&error);

  plan->number = g_strdup ("401/KH-UBND");
  plan->title = g_strdup ("Một kế hoạch khác");
  plan->issuer = g_strdup ("Ủy ban nhân dân tỉnh Bắc Giang");
  plan->first_year = 2023;
  plan->last_year = 2025;
  g_assert_cmpint (gdnn_store_add_plan (store, plan, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  gdnn_test_assert_contains (error->message, "401/KH-UBND");
  g_clear_error (&error);

  ind->plan_id = plan_id;
  ind->code = g_strdup ("I.2.a.1");
  ind->name = g_strdup ("Trùng mã");
  g_assert_cmpint (gdnn_store_add_indicator (store, ind, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Other rules of the schema and of the API. */
  office->code = g_strdup ("SLD-BG");
  office->name = g_strdup ("Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang");
  office->type = GDNN_UNIT_TYPE_CO_QUAN;
  office->ownership = GDNN_OWNERSHIP_CONG_LAP;
  g_assert_cmpint (gdnn_store_add_unit (store, office, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (office->name);
  office->name = g_strdup ("   ");
  office->ownership = GDNN_OWNERSHIP_NONE;
  g_assert_cmpint (gdnn_store_add_unit (store, office, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (plan->number);
  plan->number = g_strdup ("402/KH-UBND");
  plan->first_year = 2030;
  plan->last_year = 2022;
  g_assert_cmpint (gdnn_store_add_plan (store, plan, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  g_test_message ("first_year > last_year: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "indicator"), ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
}

/* ---------------------------------------------------------------------- */

static gboolean
insert_two_units_then_fail (GdnnStore  *store,
                            gpointer    user_data,
                            GError    **error)
{
  guint *calls = user_data;
  gint64 before = gdnn_test_count (store, "unit");

  (*calls)++;
  add_unit (store, "BG-CD01", "Trường Cao đẳng Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG);
  add_unit (store, "BG-TC02", "Trường Trung cấp Nghề Lục Ngạn", GDNN_UNIT_TYPE_TRUNG_CAP);
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, before + 2);
  g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED, "thất bại có chủ ý");
  return FALSE;
}

static gboolean
insert_one_unit (GdnnStore  *store,
                 gpointer    user_data,
                 GError    **error)
{
  add_unit (store, user_data, "Đơn vị thử", GDNN_UNIT_TYPE_KHAC);
  return TRUE;
}

static gboolean
unit_exists (GdnnStore  *store,
             const char *code)
{
  g_autoptr(GdnnUnit) unit = gdnn_store_find_unit_by_code (store, code, NULL);
  return unit != NULL;
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  guint calls = 0;
  gint64 log;

  add_plan (store, "401/KH-UBND", 2022, 2030);
  log = gdnn_test_count (store, "change_log");
  g_assert_cmpint (log, ==, 1);

  g_assert_false (gdnn_store_run_in_transaction (store, insert_two_units_then_fail, &calls, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "thất bại có chủ ý");
  g_clear_error (&error);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 0);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 1);

  /* Not left inside a transaction: a later change is committed. */
  g_assert_true (gdnn_store_run_in_transaction (store, insert_one_unit, (gpointer) "U1", &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (store)));
  g_assert_true (unit_exists (store, "U1"));

  /* Nested levels: an inner rollback keeps the outer work. */
  g_assert_true (gdnn_store_begin (store, &error));
  add_unit (store, "A", "Đơn vị A", GDNN_UNIT_TYPE_KHAC);
  g_assert_true (gdnn_store_begin (store, &error));
  add_unit (store, "B", "Đơn vị B", GDNN_UNIT_TYPE_KHAC);
  gdnn_store_rollback (store);
  g_assert_true (gdnn_store_begin (store, &error));
  add_unit (store, "C", "Đơn vị C", GDNN_UNIT_TYPE_KHAC);
  g_assert_true (gdnn_store_begin (store, &error));
  add_unit (store, "D", "Đơn vị D", GDNN_UNIT_TYPE_KHAC);
  g_assert_true (gdnn_store_commit (store, &error));
  g_assert_true (gdnn_store_commit (store, &error));
  /* A failing function inside a transaction rolls back only itself. */
  g_assert_false (gdnn_store_run_in_transaction (store, insert_two_units_then_fail, &calls, &error));
  g_clear_error (&error);
  g_assert_false (sqlite3_get_autocommit (gdnn_store_get_db (store)));
  g_assert_true (gdnn_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (store)));

  g_assert_true (unit_exists (store, "A"));
  g_assert_false (unit_exists (store, "B"));
  g_assert_true (unit_exists (store, "C"));
  g_assert_true (unit_exists (store, "D"));
  g_assert_false (unit_exists (store, "BG-CD01"));
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 4);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'unit' "
                                               "AND action = 'insert';"), ==, 4);

  /* An outer rollback undoes a committed inner level. */
  g_assert_true (gdnn_store_begin (store, &error));
  add_unit (store, "E", "Đơn vị E", GDNN_UNIT_TYPE_KHAC);
  g_assert_true (gdnn_store_begin (store, &error));
  add_unit (store, "F", "Đơn vị F", GDNN_UNIT_TYPE_KHAC);
  g_assert_true (gdnn_store_commit (store, &error));
  gdnn_store_rollback (store);
  g_assert_no_error (error);
  g_assert_false (unit_exists (store, "E"));
  g_assert_false (unit_exists (store, "F"));
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 4);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (store)));

  /* What was committed is on disk: another connection sees it. */
  g_assert_cmpint (gdnn_test_file_int (fixture->path, "SELECT count(*) FROM unit;"), ==, 4);
}

/* ---------------------------------------------------------------------- */

static void
test_change_log (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) stored = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = gdnn_store_get_db (store);
  TestPlan tp = { 0 };
  gint64 before;
  int row = 0;

  make_test_plan (store, &tp);
  gdnn_store_set_user (store, "Trần Thị Bình");
  g_assert_cmpstr (gdnn_store_get_user (store), ==, "Trần Thị Bình");
  before = gdnn_test_query_int (store, "SELECT ifnull (max (id), 0) FROM change_log;");

  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, tp.ratio_id, 2025, TRUE, 45, TRUE, 90);
    v->note = g_strdup ("Số liệu ban đầu");
    g_assert_true (gdnn_store_set_value (store, v, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, tp.ratio_id, 2025, TRUE, 60, TRUE, 90);
    v->note = g_strdup ("Đã cập nhật");
    g_assert_true (gdnn_store_set_value (store, v, &error));
    g_assert_no_error (error);
  }
  /* Storing the same value again is no change. */
  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, tp.ratio_id, 2025, TRUE, 60, TRUE, 90);
    v->note = g_strdup ("Đã cập nhật");
    g_assert_true (gdnn_store_set_value (store, v, &error));
    g_assert_no_error (error);
  }

  stored = gdnn_store_get_value (store, tp.unit_id, tp.ratio_id, 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->numerator, ==, 60);
  g_assert_cmpstr (stored->updated_by, ==, "Trần Thị Bình");
  g_assert_cmpstr (stored->status, ==, "draft");
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, 1);

  sql = g_strdup_printf ("SELECT action, entity, entity_id, who, json_extract (old, '$.numerator'), "
                         "json_extract (new, '$.numerator'), json_extract (old, '$.note'), "
                         "json_extract (new, '$.note'), json_extract (new, '$.denominator'), at "
                         "FROM change_log WHERE id > %" G_GINT64_FORMAT " ORDER BY id;", before);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *action = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "value");
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, stored->id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "Trần Thị Bình");
      g_assert_cmpfloat (sqlite3_column_double (stmt, 8), ==, 90);
      /* ISO 8601 UTC, e.g. 2026-11-23T08:15:00Z */
      g_assert_cmpint (sqlite3_column_bytes (stmt, 9), ==, 20);
      if (row == 0)
        {
          g_assert_cmpstr (action, ==, "insert");
          g_assert_cmpint (sqlite3_column_type (stmt, 4), ==, SQLITE_NULL);
          g_assert_cmpfloat (sqlite3_column_double (stmt, 5), ==, 45);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 7), ==, "Số liệu ban đầu");
        }
      else
        {
          g_assert_cmpstr (action, ==, "update");
          g_assert_cmpfloat (sqlite3_column_double (stmt, 4), ==, 45);
          g_assert_cmpfloat (sqlite3_column_double (stmt, 5), ==, 60);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, "Số liệu ban đầu");
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 7), ==, "Đã cập nhật");
        }
      row++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (row, ==, 2);

  /* Plan data is logged too, with who did it. */
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'indicator' "
                                               "AND action = 'insert';"), ==, 4);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'plan';"), ==, 1);

  /* A deletion keeps the old row. */
  gdnn_test_exec (store, "DELETE FROM value;");
  {
    g_autofree char *old = gdnn_test_query_text (store, "SELECT json_extract (old, '$.numerator') "
                                                        "FROM change_log WHERE entity = 'value' "
                                                        "AND action = 'delete';");
    g_assert_cmpstr (old, ==, "60.0");
  }
}

static void
test_percent (void)
{
  g_autoptr(GdnnValue) v = make_value (1, 1, 2025, TRUE, 45, TRUE, 90);
  double percent = -1;

  g_assert_true (gdnn_value_get_percent (v, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 50.0, 1e-12);
  g_assert_true (gdnn_value_get_percent (v, NULL));

  v->numerator = 1;
  v->denominator = 3;
  g_assert_true (gdnn_value_get_percent (v, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 100.0 / 3.0, 1e-12);

  v->numerator = 90;
  v->denominator = 90;
  g_assert_true (gdnn_value_get_percent (v, &percent));
  g_assert_cmpfloat (percent, ==, 100.0);

  percent = -1;
  v->has_denominator = FALSE;
  g_assert_false (gdnn_value_get_percent (v, &percent));
  g_assert_cmpfloat (percent, ==, -1);

  v->has_denominator = TRUE;
  v->has_numerator = FALSE;
  g_assert_false (gdnn_value_get_percent (v, &percent));

  v->has_numerator = TRUE;
  v->denominator = 0;
  g_assert_false (gdnn_value_get_percent (v, &percent));
  g_assert_cmpfloat (percent, ==, -1);
}

static void
test_percent_stored (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) v = NULL;
  g_autoptr(GdnnValue) stored = NULL;
  g_autoptr(GPtrArray) values = NULL;
  TestPlan tp = { 0 };
  double percent = 0;

  make_test_plan (fixture->store, &tp);
  v = make_value (tp.unit_id, tp.ratio_id, 2025, TRUE, 45, TRUE, 90);
  g_assert_true (gdnn_store_set_value (fixture->store, v, &error));
  g_assert_no_error (error);

  stored = gdnn_store_get_value (fixture->store, tp.unit_id, tp.ratio_id, 2025, "year", &error);
  g_assert_no_error (error);
  g_assert_true (stored->has_numerator && stored->has_denominator);
  g_assert_true (gdnn_value_get_percent (stored, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 50.0, 1e-12);
  /* The percentage is never stored. */
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM pragma_table_info ('value') "
                                                        "WHERE name LIKE '%percent%';"), ==, 0);

  values = gdnn_store_list_values (fixture->store, tp.unit_id, tp.plan_id, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);

  g_clear_pointer (&stored, gdnn_value_free);
  stored = gdnn_store_get_value (fixture->store, tp.unit_id, tp.ratio_id, 2024, "year", &error);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
  g_assert_null (stored);
}

/* ---------------------------------------------------------------------- */

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "sao-luu.db", NULL);
  g_autofree char *keep_prefix = g_strdup ("gdnn.db.before-restore-");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  char *kept = NULL;

  add_unit (fixture->store, "BG-CD01", "Trường Cao đẳng Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG);
  add_plan (fixture->store, "401/KH-UBND", 2022, 2030);

  /* The backup must not overwrite the data file itself. */
  g_assert_false (gdnn_store_backup (fixture->store, fixture->path, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gdnn_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_file_int (backup, "SELECT count(*) FROM unit;"), ==, 1);
  g_assert_cmpint (gdnn_test_file_int (backup, "PRAGMA user_version;"), ==, gdnn_store_latest_version ());
  /* No temporary file is left behind. */
  g_assert_cmpuint (gdnn_test_count_files (fixture->dir, "sao-luu.db.tmp"), ==, 0);

  /* Changes after the backup. */
  add_unit (fixture->store, "BG-TC02", "Trường Trung cấp Nghề Lục Ngạn", GDNN_UNIT_TYPE_TRUNG_CAP);
  gdnn_test_exec (fixture->store, "UPDATE unit SET name = 'Tên đã sửa' WHERE code = 'BG-CD01';");
  g_clear_object (&fixture->store);

  g_assert_true (gdnn_store_restore_file (backup, fixture->path, &error));
  g_assert_no_error (error);

  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  units = gdnn_store_list_units (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (((GdnnUnit *) units->pdata[0])->code, ==, "BG-CD01");
  g_assert_cmpstr (((GdnnUnit *) units->pdata[0])->name, ==, "Trường Cao đẳng Bắc Giang");
  g_assert_cmpint (gdnn_test_count (fixture->store, "plan"), ==, 1);
  problems = gdnn_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The file as it was before the restore was kept. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, keep_prefix))
      {
        g_assert_null (kept);
        kept = g_build_filename (fixture->dir, name, NULL);
      }
  g_assert_nonnull (kept);
  g_assert_cmpint (gdnn_test_file_int (kept, "SELECT count(*) FROM unit;"), ==, 2);
  g_free (kept);
}

static void
test_restore_refuses_foreign (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *junk = gdnn_test_write_file (fixture, "junk.db", "đây không phải là bản sao lưu\n", -1);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  add_unit (fixture->store, "BG-CD01", "Trường Cao đẳng Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG);
  g_clear_object (&fixture->store);
  before = gdnn_test_read_file (fixture->path);

  g_assert_false (gdnn_store_restore_file (junk, fixture->path, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN);
  g_clear_error (&error);

  g_assert_false (gdnn_store_restore_file (missing, fixture->path, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  make_raw_database (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  g_assert_false (gdnn_store_restore_file (other, fixture->path, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN);
  g_clear_error (&error);

  after = gdnn_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (gdnn_test_count_files (fixture->dir, "gdnn.db.before-restore-"), ==, 0);
  g_assert_cmpint (gdnn_test_file_int (fixture->path, "SELECT count(*) FROM unit;"), ==, 1);
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *sql;        /* breaks a rule behind the API's back */
  const char *expected;   /* part of the problem reported */
} CheckCase;

static const CheckCase check_cases[] = {
  { "missing-unit",
    "PRAGMA foreign_keys = OFF;"
    "INSERT INTO value (unit_id, indicator_id, year, numerator, denominator, updated_at) "
    "VALUES (9999, (SELECT id FROM indicator WHERE code = 'I.2.a.1'), 2025, 1, 2, 'x');"
    "PRAGMA foreign_keys = ON;",
    "value" },
  { "ratio-over-100",
    "INSERT INTO value (unit_id, indicator_id, year, numerator, denominator, updated_at) "
    "VALUES ((SELECT id FROM unit), (SELECT id FROM indicator WHERE code = 'I.2.a.1'), 2025, 95, 90, 'x');",
    "numerator larger than the denominator" },
  { "count-with-denominator",
    "INSERT INTO value (unit_id, indicator_id, year, numerator, denominator, updated_at) "
    "VALUES ((SELECT id FROM unit), (SELECT id FROM indicator WHERE code = 'I.2.1'), 2025, 5, 9, 'x');",
    "have a denominator" },
  { "unit-loop",
    "INSERT INTO unit (code, name, type) VALUES ('LA', 'Đơn vị A', 'co_quan'), ('LB', 'Đơn vị B', 'co_quan');"
    "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'LB') WHERE code = 'LA';"
    "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'LA') WHERE code = 'LB';",
    "loop" },
  { "group-of-another-plan",
    "INSERT INTO plan (number, title, issuer, first_year, last_year) VALUES ('02/KH', 'Khác', 'UBND', 2022, 2025);"
    "INSERT INTO indicator_group (plan_id, code, title, position) "
    "VALUES ((SELECT id FROM plan WHERE number = '02/KH'), 'a', 'Nhóm', 0);"
    "UPDATE indicator SET group_id = (SELECT id FROM indicator_group) WHERE code = 'I.2.a.1';",
    "group of another plan" },
};

static void
test_check (Fixture       *fixture,
            gconstpointer  user_data)
{
  const CheckCase *c = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  TestPlan tp = { 0 };

  make_test_plan (fixture->store, &tp);
  {
    g_autoptr(GdnnValue) v = make_value (tp.unit_id, tp.ratio_id, 2024, TRUE, 45, TRUE, 90);
    g_assert_true (gdnn_store_set_value (fixture->store, v, &error));
    g_assert_no_error (error);
  }

  problems = gdnn_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  gdnn_test_exec (fixture->store, c->sql);

  problems = gdnn_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("Problem: %s", (const char *) problems->pdata[i]);
  gdnn_test_assert_contains (problems->pdata[0], c->expected);
}

/* ---------------------------------------------------------------------- */

/* Regression tests for bugs found in review. */

/* A constraint other than the unique code or number must not be reported
 * as a duplicate. */
static void
test_constraint_message (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GdnnPlan) plan = gdnn_plan_new ();
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GError) plan_error = NULL;
  g_autoptr(GError) unit_error = NULL;

  plan->number = g_strdup ("402/KH-UBND");
  plan->title = g_strdup ("Kế hoạch có năm đầu sau năm cuối");
  plan->issuer = g_strdup ("Ủy ban nhân dân tỉnh Bắc Giang");
  plan->first_year = 2030;
  plan->last_year = 2022;
  g_assert_cmpint (gdnn_store_add_plan (fixture->store, plan, &plan_error), ==, 0);
  g_assert_error (plan_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);

  unit->code = g_strdup ("BG-TC09");
  unit->name = g_strdup ("Trường có cấp trên không tồn tại");
  unit->type = GDNN_UNIT_TYPE_TRUNG_CAP;
  unit->parent_id = 9999;
  g_assert_cmpint (gdnn_store_add_unit (fixture->store, unit, &unit_error), ==, 0);
  g_assert_error (unit_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);

  g_assert_cmpint (gdnn_test_count (fixture->store, "plan"), ==, 0);
  g_assert_cmpint (gdnn_test_count (fixture->store, "unit"), ==, 0);

  g_test_message ("Plan: %s", plan_error->message);
  g_test_message ("Unit: %s", unit_error->message);
  /* Only a duplicate is reported as one. */
  g_assert_null (strstr (plan_error->message, "402/KH-UBND"));
  g_assert_null (strstr (unit_error->message, "BG-TC09"));
}

/* Refusing another program's database in WAL mode, while that program has
 * it open, must not write into it. */
static void
test_refuse_live_wal (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "live.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  gdnn_test_db_exec (other, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                            "CREATE TABLE contacts (name TEXT);"
                            "INSERT INTO contacts VALUES ('Nguyễn Văn An'), ('Trần Thị Bình');");
  before = gdnn_test_read_file (path);

  store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN);
  g_assert_null (store);

  after = gdnn_test_read_file (path);
  g_assert_cmpint (gdnn_test_db_int (other, "SELECT count(*) FROM contacts;"), ==, 2);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_true (g_bytes_equal (before, after));
}

/* Restoring from a backup must leave the backup file as it was. */
static void
test_restore_keeps_backup (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "sao-luu.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  add_unit (fixture->store, "BG-CD01", "Trường Cao đẳng Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG);
  g_assert_true (gdnn_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  before = gdnn_test_read_file (backup);

  g_assert_true (gdnn_store_restore_file (backup, fixture->path, &error));
  g_assert_no_error (error);
  after = gdnn_test_read_file (backup);
  g_assert_true (g_bytes_equal (before, after));
}

/* ---------------------------------------------------------------------- */

static GdnnReportPeriod *
make_period (const char *code,
             const char *name,
             int         day,
             int         month)
{
  GdnnReportPeriod *p = gdnn_report_period_new ();

  p->code = g_strdup (code);
  p->name = g_strdup (name);
  p->due_day = day;
  p->due_month = month;
  return p;
}

static void
assert_next_due (GPtrArray  *periods,
                 int         day,
                 int         month,
                 int         year,
                 int         expected_days,
                 int         due_day,
                 int         due_month,
                 int         due_year,
                 const char *expected_code)
{
  GDate today, due;
  const GdnnReportPeriod *period = NULL;
  int days;

  g_date_clear (&today, 1);
  g_date_clear (&due, 1);
  g_date_set_dmy (&today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  days = gdnn_schedule_next_due (periods, &today, &due, &period);
  g_assert_cmpint (days, ==, expected_days);
  g_assert_true (g_date_valid (&due));
  g_assert_cmpint (g_date_get_day (&due), ==, due_day);
  g_assert_cmpint (g_date_get_month (&due), ==, due_month);
  g_assert_cmpint (g_date_get_year (&due), ==, due_year);
  g_assert_nonnull (period);
  g_assert_cmpstr (period->code, ==, expected_code);
  g_assert_cmpint (g_date_days_between (&today, &due), ==, expected_days);
}

static void
test_schedule (void)
{
  g_autoptr(GPtrArray) bac_kan = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_period_free);
  g_autoptr(GPtrArray) bac_giang = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_period_free);
  g_autoptr(GPtrArray) leap = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_period_free);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  GDate today, due;

  /* The year period first, to show the order of the list does not matter. */
  g_ptr_array_add (bac_kan, make_period ("year", "Báo cáo năm", 15, 12));
  g_ptr_array_add (bac_kan, make_period ("h1", "Báo cáo 6 tháng", 20, 6));
  g_ptr_array_add (bac_giang, make_period ("year", "Báo cáo năm", 30, 11));
  g_ptr_array_add (leap, make_period ("year", "Báo cáo năm", 29, 2));

  /* The due day itself has not passed yet. */
  assert_next_due (bac_kan, 20, 6, 2026, 0, 20, 6, 2026, "h1");
  assert_next_due (bac_kan, 19, 6, 2026, 1, 20, 6, 2026, "h1");
  assert_next_due (bac_kan, 21, 6, 2026, 177, 15, 12, 2026, "year");
  assert_next_due (bac_kan, 15, 12, 2026, 0, 15, 12, 2026, "year");
  assert_next_due (bac_kan, 16, 12, 2026, 186, 20, 6, 2027, "h1");
  assert_next_due (bac_kan, 1, 1, 2027, 170, 20, 6, 2027, "h1");

  assert_next_due (bac_giang, 23, 11, 2026, 7, 30, 11, 2026, "year");
  assert_next_due (bac_giang, 30, 11, 2026, 0, 30, 11, 2026, "year");
  assert_next_due (bac_giang, 1, 12, 2026, 364, 30, 11, 2027, "year");

  /* 29/2 falls back to 28/2 in a common year, and is kept in a leap year. */
  assert_next_due (leap, 10, 1, 2027, 49, 28, 2, 2027, "year");
  assert_next_due (leap, 28, 2, 2027, 0, 28, 2, 2027, "year");
  assert_next_due (leap, 1, 3, 2027, 365, 29, 2, 2028, "year");
  assert_next_due (leap, 1, 3, 2028, 364, 28, 2, 2029, "year");

  /* No schedule: no due date. */
  g_date_clear (&today, 1);
  g_date_clear (&due, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  g_assert_cmpint (gdnn_schedule_next_due (empty, &today, &due, NULL), ==, -1);
}

/* The reports still open, as "code:year" strings, for the due state. */
static gboolean
is_open_in (const GdnnReportPeriod *period,
            int                     year,
            gpointer                user_data)
{
  const char *const *open = user_data;
  g_autofree char *key = g_strdup_printf ("%s:%d", period->code, year);

  return open != NULL && g_strv_contains (open, key);
}

static void
assert_due_state (GPtrArray          *periods,
                  int                 first_year,
                  int                 last_year,
                  const char *const  *open,
                  int                 day,
                  int                 month,
                  int                 year,
                  GdnnDueKind         kind,
                  int                 expected_year,
                  int                 expected_days,
                  const char         *due_text,
                  const char         *code)
{
  GdnnDueState state;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  gdnn_schedule_due_state (periods, first_year, last_year, &today, is_open_in, (gpointer) open, &state);
  g_assert_cmpint (state.kind, ==, kind);
  g_assert_cmpint (state.year, ==, expected_year);
  g_assert_cmpint (state.days, ==, expected_days);
  if (due_text == NULL)
    g_assert_false (g_date_valid (&state.due));
  else
    {
      g_autofree char *text = NULL;

      g_assert_true (g_date_valid (&state.due));
      text = g_strdup_printf ("%02d/%02d/%d", g_date_get_day (&state.due), g_date_get_month (&state.due),
                              g_date_get_year (&state.due));
      g_assert_cmpstr (text, ==, due_text);
    }
  if (code == NULL)
    g_assert_null (state.period);
  else
    g_assert_cmpstr (state.period->code, ==, code);
}

static void
test_due_state (void)
{
  g_autoptr(GPtrArray) yearly = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_period_free);
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_period_free);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  const char *const open_2026[] = { "year:2026", NULL };
  const char *const open_2025_2026[] = { "year:2025", "year:2026", NULL };
  const char *const open_2030[] = { "year:2030", NULL };
  const char *const open_both[] = { "h1:2023", "year:2022", NULL };
  GdnnDueState state;
  GDate today;

  g_ptr_array_add (yearly, make_period ("year", "Báo cáo năm", 30, 11));
  g_ptr_array_add (two, make_period ("year", "Báo cáo năm", 15, 12));
  g_ptr_array_add (two, make_period ("h1", "Báo cáo 6 tháng", 20, 6));

  /* The case: 2026 not finalised; on 8/12/2026 it is 8 days late
   * and stays the current report, not 2027's. */
  assert_due_state (yearly, 2022, 2030, open_2026, 8, 12, 2026, GDNN_DUE_OVERDUE, 2026, 8, "30/11/2026", "year");
  /* The due day itself is not late; the day after is 1 day late. */
  assert_due_state (yearly, 2022, 2030, open_2026, 30, 11, 2026, GDNN_DUE_UPCOMING, 2026, 0, "30/11/2026", "year");
  assert_due_state (yearly, 2022, 2030, open_2026, 1, 12, 2026, GDNN_DUE_OVERDUE, 2026, 1, "30/11/2026", "year");
  /* Still late in the next year, until it is finalised. */
  assert_due_state (yearly, 2022, 2030, open_2026, 15, 1, 2027, GDNN_DUE_OVERDUE, 2026, 46, "30/11/2026", "year");
  assert_due_state (yearly, 2022, 2030, open_2026, 29, 11, 2027, GDNN_DUE_OVERDUE, 2026, 364, "30/11/2026", "year");
  /* Finalised (not open): the next one, 357 days to 30/11/2027. */
  assert_due_state (yearly, 2022, 2030, NULL, 8, 12, 2026, GDNN_DUE_UPCOMING, 2027, 357, "30/11/2027", "year");
  /* Only the latest passed report is checked: 2025 open does not matter
   * once 2026's due date passed too. */
  assert_due_state (yearly, 2022, 2030, open_2025_2026, 8, 12, 2026, GDNN_DUE_OVERDUE, 2026, 8, "30/11/2026",
                    "year");
  assert_due_state (yearly, 2022, 2030, open_2025_2026, 23, 11, 2026, GDNN_DUE_OVERDUE, 2025, 358, "30/11/2025",
                    "year");
  /* Before the plan's first year nothing is late. */
  assert_due_state (yearly, 2027, 2030, open_2026, 8, 12, 2026, GDNN_DUE_UPCOMING, 2027, 357, "30/11/2027", "year");
  /* The plan's last report: late after its end while open, else ended. */
  assert_due_state (yearly, 2022, 2030, open_2030, 1, 12, 2030, GDNN_DUE_OVERDUE, 2030, 1, "30/11/2030", "year");
  assert_due_state (yearly, 2022, 2030, open_2030, 1, 3, 2031, GDNN_DUE_OVERDUE, 2030, 91, "30/11/2030", "year");
  assert_due_state (yearly, 2022, 2030, NULL, 1, 12, 2030, GDNN_DUE_ENDED, 2030, 0, NULL, NULL);
  /* A year after, the next due date (30/11/2031) has passed as well. */
  assert_due_state (yearly, 2022, 2030, open_2030, 1, 12, 2031, GDNN_DUE_ENDED, 2030, 0, NULL, NULL);
  assert_due_state (yearly, 2022, 2030, open_2030, 30, 11, 2031, GDNN_DUE_OVERDUE, 2030, 365, "30/11/2030", "year");
  /* Two periods: the one late longest is shown; none open: the next. */
  assert_due_state (two, 2022, 2030, open_both, 1, 7, 2023, GDNN_DUE_OVERDUE, 2022, 198, "15/12/2022", "year");
  assert_due_state (two, 2022, 2030, open_both + 1, 1, 7, 2023, GDNN_DUE_OVERDUE, 2022, 198, "15/12/2022", "year");
  assert_due_state (two, 2022, 2030, NULL, 1, 7, 2023, GDNN_DUE_UPCOMING, 2023, 167, "15/12/2023", "year");
  {
    const char *const h1_only[] = { "h1:2023", NULL };
    assert_due_state (two, 2022, 2030, h1_only, 1, 7, 2023, GDNN_DUE_OVERDUE, 2023, 11, "20/06/2023", "h1");
  }
  /* No schedule. */
  assert_due_state (empty, 2022, 2030, open_2026, 8, 12, 2026, GDNN_DUE_NONE, 2026, 0, NULL, NULL);

  /* The sentence the overview, the report page and the sidebar show. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 8, 12, 2026);
  gdnn_schedule_due_state (yearly, 2022, 2030, &today, is_open_in, (gpointer) open_2026, &state);
  {
    g_autofree char *text = gdnn_due_state_describe_late (&state);
    g_assert_cmpstr (text, ==, "Báo cáo năm 2026 is 8 days overdue");
  }
  gdnn_schedule_due_state (yearly, 2022, 2030, &today, is_open_in, NULL, &state);
  g_assert_null (gdnn_due_state_describe_late (&state));

  /* Finalised late, by the local calendar day of finalisation. */
  {
    GDate due;
    g_autoptr(GDateTime) local = g_date_time_new_local (2026, 12, 8, 10, 30, 0);
    g_autoptr(GDateTime) on_time = g_date_time_new_local (2026, 11, 30, 23, 59, 0);
    g_autofree char *late_iso = g_date_time_format_iso8601 (local);
    g_autofree char *on_time_iso = g_date_time_format_iso8601 (on_time);

    g_date_clear (&due, 1);
    g_date_set_dmy (&due, 30, 11, 2026);
    g_assert_cmpint (gdnn_schedule_days_late (&due, late_iso), ==, 8);
    g_assert_cmpint (gdnn_schedule_days_late (&due, on_time_iso), ==, 0);
    g_assert_cmpint (gdnn_schedule_days_late (&due, NULL), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/store/open/creates-schema", Fixture, NULL,
              fixture_setup, test_open_creates_schema, fixture_teardown);
  g_test_add ("/core/store/open/empty-file", Fixture, NULL,
              fixture_setup_no_store, test_open_empty_file, fixture_teardown);
  g_test_add ("/core/store/migration/previous-version", Fixture, NULL,
              fixture_setup_no_store, test_migration_previous_version, fixture_teardown);
  g_test_add ("/core/store/migration/budget-v3", Fixture, NULL,
              fixture_setup_no_store, test_migration_budget_v3, fixture_teardown);
  g_test_add ("/core/store/refuse/text-file", Fixture, NULL,
              fixture_setup_no_store, test_refuse_text_file, fixture_teardown);
  g_test_add ("/core/store/refuse/other-sqlite", Fixture, NULL,
              fixture_setup_no_store, test_refuse_other_sqlite, fixture_teardown);
  g_test_add ("/core/store/refuse/too-new", Fixture, NULL,
              fixture_setup_no_store, test_refuse_too_new, fixture_teardown);
  g_test_add ("/core/store/constraints/values", Fixture, NULL,
              fixture_setup, test_constraints_values, fixture_teardown);
  g_test_add ("/core/store/constraints/duplicates", Fixture, NULL,
              fixture_setup, test_constraints_duplicates, fixture_teardown);
  g_test_add ("/core/store/transaction/rollback", Fixture, NULL,
              fixture_setup, test_rollback, fixture_teardown);
  g_test_add ("/core/store/change-log/value", Fixture, NULL,
              fixture_setup, test_change_log, fixture_teardown);
  g_test_add_func ("/core/store/percent/computed", test_percent);
  g_test_add ("/core/store/percent/stored", Fixture, NULL,
              fixture_setup, test_percent_stored, fixture_teardown);
  g_test_add ("/core/store/backup/round-trip", Fixture, NULL,
              fixture_setup, test_backup_restore, fixture_teardown);
  g_test_add ("/core/store/backup/restore-refuses-foreign", Fixture, NULL,
              fixture_setup, test_restore_refuses_foreign, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/store/check/%s", check_cases[i].name);
      g_test_add (path, Fixture, &check_cases[i], fixture_setup, test_check, fixture_teardown);
    }
  g_test_add_func ("/core/store/schedule/next-due", test_schedule);
  g_test_add_func ("/core/store/schedule/due-state", test_due_state);
  g_test_add ("/core/store/regression/constraint-message", Fixture, NULL,
              fixture_setup, test_constraint_message, fixture_teardown);
  g_test_add ("/core/store/regression/refuse-live-wal", Fixture, NULL,
              fixture_setup_no_store, test_refuse_live_wal, fixture_teardown);
  g_test_add ("/core/store/regression/restore-keeps-backup", Fixture, NULL,
              fixture_setup, test_restore_keeps_backup, fixture_teardown);

  return g_test_run ();
}
