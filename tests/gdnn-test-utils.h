/* gdnn-test-utils.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers shared by the store and exchange tests: a fixture with a fresh
 * database in its own temporary folder, and small raw-SQL queries used to
 * check what the API wrote. Everything is static inline, so each test
 * program compiles its own copy and no source file is needed. */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gdnn-store-private.h"

typedef struct
{
  char      *dir;     /* a private temporary folder, removed in teardown */
  char      *path;    /* dir/gdnn.db */
  GdnnStore *store;   /* open on path, or NULL for fixture_setup_no_store */
} Fixture;

/* Removes @dir and everything in it (the database, its -wal and -shm
 * files, backups the test made). */
static inline void
gdnn_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gdnn_test_remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static inline void
fixture_setup_no_store (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gdnn-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "gdnn.db", NULL);
  fixture->store = NULL;
}

static inline void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup_no_store (fixture, user_data);
  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  gdnn_store_set_user (fixture->store, "Người kiểm thử");
}

static inline void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  gdnn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A unit or plan that must exist. */
static inline GdnnUnit *
gdnn_test_find_unit (GdnnStore  *store,
                     const char *code)
{
  g_autoptr(GError) error = NULL;
  GdnnUnit *unit = gdnn_store_find_unit_by_code (store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (unit);
  return unit;
}

static inline GdnnPlan *
gdnn_test_find_plan (GdnnStore  *store,
                     const char *number)
{
  g_autoptr(GError) error = NULL;
  GdnnPlan *plan = gdnn_store_find_plan (store, number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* The first column of the first row of @sql, which must succeed. */
static inline gint64
gdnn_test_db_int (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("“%s” returned no row: %s", sql, sqlite3_errmsg (db));
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

/* The first column of the first row of @sql as text, NULL for a SQL NULL
 * or no row. */
static inline char *
gdnn_test_db_text (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return result;
}

static inline void
gdnn_test_db_exec (sqlite3    *db,
                   const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

static inline gint64
gdnn_test_query_int (GdnnStore  *store,
                     const char *sql)
{
  return gdnn_test_db_int (gdnn_store_get_db (store), sql);
}

static inline char *
gdnn_test_query_text (GdnnStore  *store,
                      const char *sql)
{
  return gdnn_test_db_text (gdnn_store_get_db (store), sql);
}

static inline void
gdnn_test_exec (GdnnStore  *store,
                const char *sql)
{
  gdnn_test_db_exec (gdnn_store_get_db (store), sql);
}

static inline gint64
gdnn_test_count (GdnnStore  *store,
                 const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s;", table);
  return gdnn_test_query_int (store, sql);
}

/* Runs @sql on the file at @path through a connection of its own that
 * cannot write, e.g. to look into a backup without migrating it. */
static inline gint64
gdnn_test_file_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  gint64 result;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Cannot open “%s”: %s", path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
  result = gdnn_test_db_int (db, sql);
  sqlite3_close (db);
  return result;
}

/* Writes @contents (@length bytes, or up to its NUL when -1) to
 * @fixture->dir/@name and returns the path. */
static inline char *
gdnn_test_write_file (Fixture    *fixture,
                      const char *name,
                      const char *contents,
                      gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static inline GBytes *
gdnn_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The number of files in @dir whose name starts with @prefix. */
static inline guint
gdnn_test_count_files (const char *dir,
                       const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Asserts that @message names the physical line @line, in English
 * ("Line 3: …") or in Vietnamese ("Dòng 3: …"). */
static inline void
gdnn_test_assert_line (const char *message,
                       guint       line)
{
  g_autofree char *en = g_strdup_printf ("Line %u:", line);
  g_autofree char *vi = g_strdup_printf ("Dòng %u:", line);

  if (strstr (message, en) == NULL && strstr (message, vi) == NULL)
    g_error ("The message “%s” does not name line %u", message, line);
}

static inline void
gdnn_test_assert_contains (const char *haystack,
                           const char *needle)
{
  g_assert_nonnull (haystack);
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}
