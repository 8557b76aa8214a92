/* test-review-roundtrip.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 6's round trip: every unit of a plan exports its yearly report
 * from one database (the units' side); a fresh reviewer database imports
 * the files; the office totals equal sums computed independently from the
 * units' database. A resubmitted file replaces the older one. */

#include "config.h"

#include <math.h>

#include "gdnn-demo.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-review.h"
#include "gdnn-submission-import.h"
#include "gdnn-submission-read.h"
#include "gdnn-test-utils.h"

#define YEAR 2025

typedef struct
{
  char      *dir;
  GdnnStore *units;      /* the units' side: the demo database */
  GdnnStore *reviewer;   /* the office's side: templates only, then the files */
  char      *plan;       /* the plan number every exported unit implements */
  GPtrArray *codes;      /* the exporting units' codes */
  GPtrArray *files;
} Trip;

static GdnnStore *
open_new (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GdnnStore *store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  gdnn_store_set_user (store, "Người kiểm thử");
  return store;
}

static char *
export_report (Trip       *trip,
               const char *code,
               const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bao-cao_%s%s.xlsx", code, suffix);
  char *path = g_build_filename (trip->dir, name, NULL);
  g_autoptr(GdnnReportDoc) doc = gdnn_report_doc_build_by_code (trip->units, code, trip->plan, YEAR, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (gdnn_report_xlsx_write (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
trip_setup (Trip          *trip,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  trip->dir = g_dir_make_tmp ("gdnn-test-XXXXXX", &error);
  g_assert_no_error (error);
  trip->units = open_new (trip->dir, "units.db");
  trip->reviewer = open_new (trip->dir, "office.db");
  g_assert_true (gdnn_demo_populate (trip->units, 2026, &error));
  g_assert_true (gdnn_demo_init (trip->reviewer, &error));
  g_assert_no_error (error);

  /* The plan most units implement, and those units. */
  trip->plan = gdnn_test_query_text (trip->units,
                                     "SELECT p.number FROM plan p JOIN unit_plan up ON up.plan_id = p.id "
                                     "JOIN unit u ON u.id = up.unit_id WHERE u.type != 'co_quan' "
                                     "GROUP BY p.id ORDER BY count (*) DESC, p.id LIMIT 1");
  trip->codes = g_ptr_array_new_with_free_func (g_free);
  trip->files = g_ptr_array_new_with_free_func (g_free);
  db = gdnn_store_get_db (trip->units);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT u.code FROM unit u JOIN unit_plan up ON up.unit_id = u.id "
                                       "JOIN plan p ON p.id = up.plan_id WHERE p.number = ?1 AND u.type != 'co_quan' "
                                       "ORDER BY u.code", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, trip->plan, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (trip->codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (trip->codes->len, >=, 2);

  for (guint i = 0; i < trip->codes->len; i++)
    g_ptr_array_add (trip->files, export_report (trip, g_ptr_array_index (trip->codes, i), ""));
}

static void
trip_teardown (Trip          *trip,
               gconstpointer  data)
{
  g_clear_object (&trip->units);
  g_clear_object (&trip->reviewer);
  g_ptr_array_unref (trip->codes);
  g_ptr_array_unref (trip->files);
  g_free (trip->plan);
  gdnn_test_remove_tree (trip->dir);
  g_free (trip->dir);
}

static void
import_all (Trip      *trip,
            GPtrArray *files)
{
  g_autoptr(GPtrArray) outcomes = gdnn_submission_import_files (trip->reviewer, files, NULL, NULL, NULL);

  g_assert_cmpuint (outcomes->len, ==, files->len);
  for (guint i = 0; i < outcomes->len; i++)
    {
      GdnnImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (!outcome->ok)
        g_error ("%s refused: %s", outcome->file_name, outcome->message);
      g_assert_cmpint (outcome->differences, ==, 0);
    }
}

/* The independent sums: straight from the units' database. */
static void
check_totals (Trip *trip)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_sql = g_strdup_printf ("SELECT id FROM plan WHERE number = '%s'", trip->plan);
  gint64 plan_id = gdnn_test_query_int (trip->reviewer, plan_sql);
  g_autoptr(GdnnAggregate) aggregate = gdnn_review_aggregate (trip->reviewer, 0, plan_id, YEAR, &error);
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_nonnull (aggregate);
  g_assert_cmpuint (aggregate->units->len, ==, trip->codes->len);
  for (guint i = 0; i < aggregate->rows->len; i++)
    {
      GdnnAggregateRow *row = g_ptr_array_index (aggregate->rows, i);
      g_autofree char *where = g_strdup_printf (
        "FROM value v JOIN indicator i ON i.id = v.indicator_id JOIN plan p ON p.id = i.plan_id "
        "WHERE p.number = '%s' AND i.code = '%s' AND v.year = %d AND v.period = 'year' "
        "AND v.numerator IS NOT NULL", trip->plan, row->code, YEAR);
      g_autofree char *count_sql = g_strconcat ("SELECT count (*) ", where, NULL);
      g_autofree char *num_sql = g_strconcat ("SELECT CAST (round (total (v.numerator) * 1000) AS INTEGER) ", where, NULL);
      g_autofree char *den_sql = g_strconcat ("SELECT CAST (round (total (v.denominator) * 1000) AS INTEGER) ", where, NULL);
      gint64 n = gdnn_test_query_int (trip->units, count_sql);
      double num = gdnn_test_query_int (trip->units, num_sql) / 1000.0;
      double den = gdnn_test_query_int (trip->units, den_sql) / 1000.0;

      g_assert_cmpint (row->units_reporting, ==, n);
      if (n == 0)
        {
          g_assert_false (row->has_value);
          continue;
        }
      g_assert_cmpfloat_with_epsilon (row->numerator, num, 1e-6);
      if (row->measure == GDNN_MEASURE_RATIO)
        {
          g_assert_cmpfloat_with_epsilon (row->denominator, den, 1e-6);
          g_assert_true (row->has_value);
          /* The ratio of the sums, never the mean of the units' ratios. */
          g_assert_cmpfloat_with_epsilon (row->value, 100.0 * num / den, 1e-9);
        }
      else if (row->measure != GDNN_MEASURE_BOOLEAN)
        g_assert_cmpfloat_with_epsilon (row->value, num, 1e-6);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_round_trip (Trip          *trip,
                 gconstpointer  data)
{
  g_autofree char *unit_sql = NULL;

  import_all (trip, trip->files);
  g_assert_cmpint (gdnn_test_count (trip->reviewer, "submission"), ==, trip->codes->len);
  /* The units the office did not know were added from the files. */
  unit_sql = g_strdup_printf ("SELECT count (*) FROM unit WHERE code = '%s'",
                              (const char *) g_ptr_array_index (trip->codes, 0));
  g_assert_cmpint (gdnn_test_query_int (trip->reviewer, unit_sql), ==, 1);
  check_totals (trip);
}

static void
test_resubmission (Trip          *trip,
                   gconstpointer  data)
{
  const char *code = g_ptr_array_index (trip->codes, 0);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;

  import_all (trip, trip->files);

  /* The unit corrects a value and sends its report again. */
  sql = g_strdup_printf ("UPDATE value SET numerator = numerator + 1, denominator = denominator + 1 "
                         "WHERE year = %d AND denominator IS NOT NULL AND unit_id = "
                         "(SELECT id FROM unit WHERE code = '%s')", YEAR, code);
  gdnn_test_exec (trip->units, sql);
  g_ptr_array_add (again, export_report (trip, code, "-lan-2"));
  import_all (trip, again);

  g_assert_cmpint (gdnn_test_count (trip->reviewer, "submission"), ==, trip->codes->len + 1);
  g_assert_cmpint (gdnn_test_query_int (trip->reviewer,
                                        "SELECT count (*) FROM submission WHERE status = 'replaced'"), ==, 1);
  check_totals (trip);
}

/* Finalises @code's report dated @day/11 at @finalised_at and writes it. */
static char *
export_final (Trip       *trip,
              const char *code,
              int         day,
              const char *finalised_at,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnReportDoc) doc = gdnn_report_doc_build_by_code (trip->units, code, trip->plan, YEAR, NULL, &error);
  char *path = g_build_filename (trip->dir, name, NULL);

  g_assert_no_error (error);
  g_date_set_dmy (&doc->date, (GDateDay) day, G_DATE_NOVEMBER, YEAR);
  g_free (doc->finalised_at);
  doc->finalised_at = g_strdup (finalised_at);
  doc->final = TRUE;
  doc->draft = FALSE;
  g_assert_true (gdnn_report_xlsx_write (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (gdnn_report_finalise (trip->units, doc, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The correction (27/11) and the original (25/11) in one import, the
 * correction first: the correction's figures are the totals, and the
 * original is kept as replaced, the outcome naming the newer file. */
static void
test_correction_before_original (Trip          *trip,
                                 gconstpointer  data)
{
  const char *code = g_ptr_array_index (trip->codes, 0);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GdnnSubmission) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *correction = NULL;
  g_autofree char *sql = NULL;
  GdnnImportOutcome *outcome;

  original = export_final (trip, code, 25, "2025-11-25T02:00:00Z", "b-ban-dau.xlsx");
  {
    /* The finalisation time is kept and written into the next export. */
    g_autoptr(GdnnReportDoc) again = gdnn_report_doc_build_by_code (trip->units, code, trip->plan, YEAR, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (again->final);
    g_assert_cmpstr (again->finalised_at, ==, "2025-11-25T02:00:00Z");
  }
  sql = g_strdup_printf ("UPDATE value SET numerator = numerator + 1, denominator = denominator + 1 "
                         "WHERE year = %d AND denominator IS NOT NULL AND unit_id = "
                         "(SELECT id FROM unit WHERE code = '%s')", YEAR, code);
  gdnn_test_exec (trip->units, sql);
  correction = export_final (trip, code, 27, "2025-11-27T03:00:00Z", "a-dinh-chinh.xlsx");

  read = gdnn_submission_read_file (original, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->report_date, ==, "2025-11-25");
  g_assert_cmpstr (read->finalised_at, ==, "2025-11-25T02:00:00Z");

  for (guint i = 1; i < trip->files->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (trip->files, i)));
  g_ptr_array_add (files, g_strdup (correction));
  g_ptr_array_add (files, g_strdup (original));
  outcomes = gdnn_submission_import_files (trip->reviewer, files, NULL, NULL, NULL);
  g_assert_cmpuint (outcomes->len, ==, files->len);
  outcome = g_ptr_array_index (outcomes, files->len - 2);
  g_assert_true (outcome->ok);
  g_assert_null (outcome->superseded_by);
  outcome = g_ptr_array_index (outcomes, files->len - 1);
  g_assert_true (outcome->ok);
  g_assert_cmpstr (outcome->report_date, ==, "2025-11-25");
  g_assert_cmpstr (outcome->superseded_by, ==, "a-dinh-chinh.xlsx");
  g_assert_cmpstr (outcome->superseded_date, ==, "2025-11-27");
  g_assert_cmpint (gdnn_test_query_int (trip->reviewer,
                                        "SELECT count (*) FROM submission WHERE status = 'replaced' "
                                        "AND file_name = 'b-ban-dau.xlsx' AND finalised_at = '2025-11-25T02:00:00Z' "
                                        "AND replaced_by = (SELECT id FROM submission WHERE file_name = 'a-dinh-chinh.xlsx')"),
                   ==, 1);
  /* The totals are the units' current (corrected) figures. */
  check_totals (trip);
}

static void
test_same_file_twice (Trip          *trip,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) once = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 changes;

  g_ptr_array_add (once, g_ptr_array_index (trip->files, 0));
  import_all (trip, once);
  changes = gdnn_test_query_int (trip->reviewer, "SELECT max (id) FROM change_log");
  g_assert_false (gdnn_submission_import_file (trip->reviewer, g_ptr_array_index (trip->files, 0), NULL, NULL, &error));
  g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_DUPLICATE);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "bao-cao_"));
  g_assert_cmpint (gdnn_test_query_int (trip->reviewer, "SELECT max (id) FROM change_log"), ==, changes);
  g_assert_cmpint (gdnn_test_count (trip->reviewer, "submission"), ==, 1);
}

static void
cancel_after_first (guint                    done,
                    guint                    total,
                    const GdnnImportOutcome *outcome,
                    gpointer                 user_data)
{
  g_assert_true (outcome->ok);
  g_cancellable_cancel (user_data);
}

/* Cancelling stops between files: the file being imported is complete,
 * the next ones are not touched. */
static void
test_cancel (Trip          *trip,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) outcomes = NULL;

  outcomes = gdnn_submission_import_files (trip->reviewer, trip->files, cancellable, cancel_after_first, cancellable);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_cmpint (gdnn_test_count (trip->reviewer, "submission"), ==, 1);
  {
    g_autofree char *integrity = gdnn_test_query_text (trip->reviewer, "PRAGMA integrity_check");
    g_assert_cmpstr (integrity, ==, "ok");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/review/round-trip", Trip, NULL, trip_setup, test_round_trip, trip_teardown);
  g_test_add ("/review/resubmission", Trip, NULL, trip_setup, test_resubmission, trip_teardown);
  g_test_add ("/review/correction-before-original", Trip, NULL, trip_setup, test_correction_before_original,
              trip_teardown);
  g_test_add ("/review/same-file-twice", Trip, NULL, trip_setup, test_same_file_twice, trip_teardown);
  g_test_add ("/review/cancel", Trip, NULL, trip_setup, test_cancel, trip_teardown);
  return g_test_run ();
}
