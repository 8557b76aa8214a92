/* test-backup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rotating backups: their names and folder, the retention, the daily
 * backup on an injected clock, damaged backups, a failure half-way, the
 * backup made before an import and a migration, restoring (also over a
 * damaged data file), and refusing to touch another program's file. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "gdnn-backup-private.h"
#include "gdnn-csv-import.h"
#include "gdnn-plan-template.h"
#include "gdnn-submission-import.h"
#include "gdnn-test-utils.h"

static void
add_unit (GdnnStore  *store,
          const char *code)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO unit (code, name, type) VALUES ('%s', 'Trường %s', 'cao_dang');",
                                          code, code);
  gdnn_test_exec (store, sql);
}

static void
set_clock (int year,
           int month,
           int day,
           int hour,
           int minute)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (year, month, day, hour, minute, 0);
  gdnn_backup_set_now_for_testing (t);
}

static void
backup_setup (Fixture       *fixture,
              gconstpointer  data)
{
  fixture_setup (fixture, data);
  gdnn_backup_set_now_for_testing (NULL);
  gdnn_backup_set_fail_for_testing (FALSE);
}

static void
backup_teardown (Fixture       *fixture,
                 gconstpointer  data)
{
  gdnn_backup_set_now_for_testing (NULL);
  gdnn_backup_set_fail_for_testing (FALSE);
  fixture_teardown (fixture, data);
}

static char *
make_backup (Fixture          *fixture,
             GdnnBackupReason  reason)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_true (gdnn_backup_before (fixture->store, reason, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Overwrites the middle page of @path with bytes that are no b-tree page. */
static void
damage_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 page_size = gdnn_test_file_int (path, "PRAGMA page_size;");
  gint64 pages;
  gsize at;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  pages = (gint64) length / page_size;
  g_assert_cmpint (pages, >=, 4);
  /* Page 2 onwards: the schema on page 1 still reads, so the damage is
   * found by the quick check, not on opening. */
  for (gint64 p = 2; p < pages; p += 2)
    {
      at = (gsize) (p * page_size);
      memset (contents + at, 0x5a, (gsize) page_size);
    }
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static guint
count_reason (GPtrArray        *list,
              GdnnBackupReason  reason)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    if (((GdnnBackupInfo *) g_ptr_array_index (list, i))->reason == reason)
      n++;
  return n;
}

static void
test_names_and_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = gdnn_backup_dir (fixture->path);
  g_autofree char *expected = g_build_filename (fixture->dir, "backups", "gdnn", NULL);
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GdnnBackupInfo *info;

  g_assert_cmpstr (dir, ==, expected);
  add_unit (fixture->store, "A");
  set_clock (2026, 11, 23, 18, 40);
  path = make_backup (fixture, GDNN_BACKUP_MANUAL);
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, "2026-11-23T18-40-00_manual.db");
  /* A second one in the same second gets its own name. */
  second = make_backup (fixture, GDNN_BACKUP_MANUAL);
  g_assert_cmpstr (second, !=, path);
  g_assert_true (g_str_has_suffix (second, "_manual-2.db"));

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->path, ==, second);    /* newest first */
  g_assert_true (info->ok);
  g_assert_cmpint (info->n_units, ==, 1);
  g_assert_cmpint (info->n_plans, ==, 0);
  g_assert_cmpint (info->n_values, ==, 0);
  g_assert_cmpint (info->size, >, 0);
  g_assert_cmpint (g_date_time_get_hour (info->time), ==, 18);
  g_assert_cmpint (info->reason, ==, GDNN_BACKUP_MANUAL);
  /* The backup is a whole database on its own (no -wal beside it). */
  g_assert_cmpint (gdnn_test_file_int (info->path, "SELECT count(*) FROM unit;"), ==, 1);
  g_assert_cmpint (gdnn_test_count_files (dir, "2026-11-23T18-40-00_manual.db-"), ==, 0);
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpuint (gdnn_backup_get_retention (fixture->store), ==, GDNN_BACKUP_DEFAULT_RETENTION);
  g_assert_false (gdnn_backup_set_retention (fixture->store, 0, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gdnn_backup_set_retention (fixture->store, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gdnn_backup_get_retention (fixture->store), ==, 3);

  for (int i = 0; i < 6; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%d", i);
      set_clock (2026, 3, 1 + i, 9, 0);
      add_unit (fixture->store, code);
      g_free (make_backup (fixture, GDNN_BACKUP_MANUAL));
    }

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      GdnnBackupInfo *info = g_ptr_array_index (list, i);
      g_assert_true (info->ok);
      /* The newest three: 6, 5 and 4 March with 6, 5 and 4 units. */
      g_assert_cmpint (g_date_time_get_day_of_month (info->time), ==, 6 - (int) i);
      g_assert_cmpint (info->n_units, ==, 6 - (gint64) i);
    }

  /* The setting is in the file: another connection reads the same. */
  g_clear_object (&fixture->store);
  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gdnn_backup_get_retention (fixture->store), ==, 3);
}

static void
test_damaged_backup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GdnnBackupInfo) latest = NULL;
  g_autoptr(GError) error = NULL;
  GdnnBackupInfo *info;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%02d", i);
      add_unit (fixture->store, code);
    }
  set_clock (2026, 5, 1, 8, 0);
  good = make_backup (fixture, GDNN_BACKUP_DAILY);
  set_clock (2026, 5, 2, 8, 0);
  bad = make_backup (fixture, GDNN_BACKUP_DAILY);
  damage_file (bad);

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->path, ==, bad);
  g_assert_false (info->ok);
  g_assert_cmpint (info->n_units, ==, -1);
  info = g_ptr_array_index (list, 1);
  g_assert_true (info->ok);

  latest = gdnn_backup_latest_good (fixture->path);
  g_assert_nonnull (latest);
  g_assert_cmpstr (latest->path, ==, good);

  /* A damaged backup is refused by restore; the data file is unchanged. */
  g_assert_false (gdnn_backup_restore (fixture->path, bad, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT);
}

/* The clock goes back: the new backup is older than two damaged ones,
 * and a retention of 2 would keep only those; the newest good backup
 * stays all the same. */
static void
test_newest_good_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *older = NULL;
  g_autoptr(GPtrArray) list = NULL;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%02d", i);
      add_unit (fixture->store, code);
    }
  g_assert_true (gdnn_backup_set_retention (fixture->store, 2, &error));
  g_assert_no_error (error);
  for (int day = 2; day <= 3; day++)
    {
      g_autofree char *bad = NULL;
      set_clock (2026, 6, day, 8, 0);
      bad = make_backup (fixture, GDNN_BACKUP_MANUAL);
      damage_file (bad);
    }
  set_clock (2026, 6, 1, 8, 0);
  good = make_backup (fixture, GDNN_BACKUP_MANUAL);
  /* Still older: this one goes beyond the retention but is the newest
   * good backup at the time of the rotation; then a newer good one comes. */
  set_clock (2026, 5, 31, 8, 0);
  older = make_backup (fixture, GDNN_BACKUP_MANUAL);
  g_assert_true (g_file_test (good, G_FILE_TEST_EXISTS));

  list = gdnn_backup_list (fixture->path, NULL);
  /* The two damaged ones (the newest), the newest good one, and the one
   * just made. */
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_false (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->ok);
  g_assert_false (((GdnnBackupInfo *) g_ptr_array_index (list, 1))->ok);
  g_assert_cmpstr (((GdnnBackupInfo *) g_ptr_array_index (list, 2))->path, ==, good);
  g_assert_true (((GdnnBackupInfo *) g_ptr_array_index (list, 2))->ok);

  /* A good backup that is the newest of all pushes the rest out. */
  set_clock (2026, 6, 10, 8, 0);
  g_free (make_backup (fixture, GDNN_BACKUP_MANUAL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->ok);
}

static void
test_daily_once (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean made = FALSE;

  set_clock (2026, 11, 23, 8, 5);
  g_assert_true (gdnn_backup_daily (fixture->store, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);

  set_clock (2026, 11, 23, 17, 30);
  add_unit (fixture->store, "A");
  g_assert_true (gdnn_backup_daily (fixture->store, &made, &error));
  g_assert_false (made);

  /* Next day, from a reader connection as the window's worker uses. */
  {
    g_autoptr(GdnnStore) reader = gdnn_store_open_reader (fixture->path, &error);
    g_assert_no_error (error);
    set_clock (2026, 11, 24, 0, 1);
    g_assert_true (gdnn_backup_daily (reader, &made, &error));
    g_assert_no_error (error);
    g_assert_true (made);
  }

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (count_reason (list, GDNN_BACKUP_DAILY), ==, 2);
  g_assert_cmpint (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->n_units, ==, 1);
  g_assert_cmpint (((GdnnBackupInfo *) g_ptr_array_index (list, 1))->n_units, ==, 0);
}

static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gdnn_backup_dir (fixture->path);
  g_autofree char *first = NULL;
  g_autoptr(GPtrArray) list = NULL;
  char *path = NULL;

  set_clock (2026, 7, 1, 8, 0);
  first = make_backup (fixture, GDNN_BACKUP_MANUAL);

  set_clock (2026, 7, 2, 8, 0);
  gdnn_backup_set_fail_for_testing (TRUE);
  g_assert_false (gdnn_backup_before (fixture->store, GDNN_BACKUP_MANUAL, &path, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FULL);
  g_assert_null (path);
  gdnn_backup_set_fail_for_testing (FALSE);

  /* Neither the final name nor the temporary file; the older one stays. */
  g_assert_cmpuint (gdnn_test_count_files (dir, "2026-07-02"), ==, 0);
  g_assert_cmpuint (gdnn_test_count_files (dir, "2026-07-01T08-00-00_manual.db"), ==, 1);
  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->ok);

  /* An import does not run without its backup. */
  g_clear_error (&error);
  {
    g_autofree char *csv = gdnn_test_write_file (fixture, "units.csv",
                                                 "code,name,type,ownership,parent_code,plans\n"
                                                 "X1,Trường X1,cao_dang,cong_lap,,\n", -1);
    add_unit (fixture->store, "B");
    gdnn_backup_set_fail_for_testing (TRUE);
    g_assert_false (gdnn_units_import_csv (fixture->store, csv, NULL, &error));
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FULL);
    g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM unit WHERE code = 'X1';"), ==, 0);
  }
}

static void
test_backup_before_import (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autofree char *csv = gdnn_test_write_file (fixture, "units.csv",
                                               "code,name,type,ownership,parent_code,plans\n"
                                               "X1,Trường X1,cao_dang,cong_lap,,\n"
                                               "X2,Trường X2,trung_cap,tu_thuc,,\n", -1);
  g_autofree char *bad_csv = gdnn_test_write_file (fixture, "bad.csv",
                                                   "code,name,type,ownership,parent_code,plans\n"
                                                   "X3,,nonsense,,,\n", -1);
  guint n = 0;

  add_unit (fixture->store, "A");
  set_clock (2026, 8, 1, 9, 0);
  g_assert_true (gdnn_units_import_csv (fixture->store, csv, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (count_reason (list, GDNN_BACKUP_IMPORT), ==, 1);
  /* It holds the data from before the import. */
  g_assert_cmpint (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->n_units, ==, 1);

  /* Failed attempts at an import do not pile up copies of the same data. */
  for (int i = 0; i < 3; i++)
    {
      set_clock (2026, 8, 1, 9, 10 + i);
      g_assert_false (gdnn_units_import_csv (fixture->store, bad_csv, NULL, &error));
      g_clear_error (&error);
    }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (count_reason (list, GDNN_BACKUP_IMPORT), ==, 2);
  g_assert_cmpint (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->n_units, ==, 3);

  /* A reviewer's batch: one backup for all its files. */
  add_unit (fixture->store, "B");
  set_clock (2026, 8, 2, 9, 0);
  g_ptr_array_add (paths, gdnn_test_write_file (fixture, "a.xlsx", "not a workbook", -1));
  g_ptr_array_add (paths, gdnn_test_write_file (fixture, "b.xlsx", "not one either", -1));
  outcomes = gdnn_submission_import_files (fixture->store, paths, NULL, NULL, NULL);
  g_assert_cmpuint (outcomes->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (count_reason (list, GDNN_BACKUP_IMPORT), ==, 3);
  g_assert_cmpint (((GdnnBackupInfo *) g_ptr_array_index (list, 0))->n_units, ==, 4);

  /* A plan template from a file too. */
  add_unit (fixture->store, "C");
  set_clock (2026, 8, 3, 9, 0);
  {
    g_autofree char *json = gdnn_test_write_file (fixture, "plan.json", "{ \"not\": \"a plan\" }", -1);
    g_assert_cmpint (gdnn_plan_template_import_file (fixture->store, json, &error), ==, 0);
    g_clear_error (&error);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (count_reason (list, GDNN_BACKUP_IMPORT), ==, 4);
}

static void
test_restore_keeps_current (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GdnnBackupInfo *kept;

  add_unit (fixture->store, "A");
  set_clock (2026, 9, 1, 9, 0);
  before = make_backup (fixture, GDNN_BACKUP_MANUAL);
  add_unit (fixture->store, "B");
  add_unit (fixture->store, "C");
  g_clear_object (&fixture->store);

  set_clock (2026, 9, 1, 10, 0);
  g_assert_true (gdnn_backup_restore (fixture->path, before, &error));
  g_assert_no_error (error);

  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_count (fixture->store, "unit"), ==, 1);

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  kept = g_ptr_array_index (list, 0);
  g_assert_cmpint (kept->reason, ==, GDNN_BACKUP_RESTORE);
  g_assert_true (kept->ok);
  g_assert_cmpint (kept->n_units, ==, 3);
  /* The restored backup itself is unchanged. */
  g_assert_cmpint (gdnn_test_file_int (before, "SELECT count(*) FROM unit;"), ==, 1);

  /* Restoring the kept file brings the three units back. */
  g_clear_object (&fixture->store);
  g_assert_true (gdnn_backup_restore (fixture->path, kept->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_file_int (fixture->path, "SELECT count(*) FROM unit;"), ==, 3);
}

static void
test_damaged_data_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnBackupInfo) latest = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autofree char *backup = NULL;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%02d", i);
      add_unit (fixture->store, code);
    }
  set_clock (2026, 10, 1, 9, 0);
  backup = make_backup (fixture, GDNN_BACKUP_DAILY);
  add_unit (fixture->store, "LATE");
  g_clear_object (&fixture->store);   /* checkpoints the WAL into the file */
  damage_file (fixture->path);

  /* Damaged inside: refused on open, with CORRUPT (not "foreign"). */
  store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  latest = gdnn_backup_latest_good (fixture->path);
  g_assert_nonnull (latest);
  g_assert_cmpstr (latest->path, ==, backup);
  g_assert_true (gdnn_backup_restore (fixture->path, latest->path, &error));
  g_assert_no_error (error);

  /* The damaged file is kept aside, never deleted. */
  g_assert_cmpuint (gdnn_test_count_files (fixture->dir, "gdnn.db.damaged-"), >=, 1);
  store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 40);
}

static void
test_foreign_file_untouched (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *other_dir = gdnn_backup_dir (other);
  sqlite3 *db = NULL;

  add_unit (fixture->store, "A");
  backup = make_backup (fixture, GDNN_BACKUP_MANUAL);

  /* Another program's SQLite database: restore leaves it byte for byte. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (42);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autofree char *before = NULL;
    gsize before_len = 0, after_len = 0;

    g_assert_true (g_file_get_contents (other, &before, &before_len, NULL));
    g_assert_false (gdnn_backup_restore (other, backup, &error));
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN);
    g_assert_true (g_file_get_contents (other, &contents, &after_len, NULL));
    g_assert_cmpmem (before, before_len, contents, after_len);
    g_assert_false (g_file_test (other_dir, G_FILE_TEST_EXISTS));
  }
}

static void
test_migration_backup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnStore) old = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GdnnBackupInfo *info;

  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  old = gdnn_store_open_at_version (fixture->path, 1, &error);
  g_assert_no_error (error);
  gdnn_test_exec (old, "INSERT INTO unit (code, name, type) VALUES ('A', 'Trường A', 'cao_dang');");
  g_clear_object (&old);

  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  list = gdnn_backup_list (fixture->path, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->reason, ==, GDNN_BACKUP_MIGRATION);
  g_assert_true (info->ok);
  g_assert_cmpint (info->n_units, ==, 1);
  g_assert_cmpint (gdnn_test_file_int (info->path, "PRAGMA user_version;"), ==, 1);

  /* Restoring it brings it to the current schema again. */
  g_clear_object (&fixture->store);
  g_assert_true (gdnn_backup_restore (fixture->path, info->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_file_int (fixture->path, "PRAGMA user_version;"), ==, gdnn_store_latest_version ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/backup/" name, Fixture, NULL, backup_setup, func, backup_teardown)
  ADD ("names-and-folder", test_names_and_folder);
  ADD ("retention", test_retention);
  ADD ("damaged-backup", test_damaged_backup);
  ADD ("newest-good-kept", test_newest_good_kept);
  ADD ("daily-once", test_daily_once);
  ADD ("failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("before-import", test_backup_before_import);
  ADD ("restore-keeps-current", test_restore_keeps_current);
  ADD ("damaged-data-file", test_damaged_data_file);
  ADD ("foreign-file-untouched", test_foreign_file_untouched);
  ADD ("migration", test_migration_backup);
#undef ADD

  return g_test_run ();
}
