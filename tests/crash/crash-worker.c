/* crash-worker.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The process the crash test kills. On a database it performs a random
 * sequence of the real operations, through the same core and exchange
 * functions the window and the command line call:
 *
 *   value       gdnn_store_set_value () on a random value of the current year
 *   progress    gdnn_store_set_task_progress () on a random task
 *   undo        gdnn_store_undo ()
 *   csv         gdnn_values_import_csv () of a file it writes (one in five
 *               has a bad last row and must be refused whole)
 *   template    gdnn_plan_template_import_file () of a plan template with a
 *               new plan number
 *   submission  gdnn_submission_import_file () of a report XLSX file from
 *               the materials folder that is not stored yet
 *
 * After each operation whose function returned success it writes ONE line
 * to stdout with one write(2), saying what is now saved:
 *
 *   value U I Y P NUM DEN        (NUM/DEN "null"; "value U I Y P absent")
 *   progress T U Y P STATUS PCT  ("progress T U Y P absent")
 *   csv NAME N U:I:Y:P:NUM:DEN…
 *   template NUMBER N_INDICATORS N_TASKS
 *   submission SHA256 UNIT_ID YEAR
 *
 * Before each operation it writes what it is about to do, as
 * "try <the line above>" ("try undo value U I Y P" / "try undo progress
 * T U Y P" for an undo, whose result is only known after it;
 * "try csv-refused NAME" for a CSV file that must be refused): the one
 * operation a kill can interrupt may be in the database or not, but
 * whole or not at all.
 *
 * A line is written only after the commit returned, so every complete
 * line is a promise the database must keep after a SIGKILL. The first
 * line is "start BASE_PLAN_NUMBER" (the plan the templates copy).
 *
 * Usage: crash-worker DB MATERIALS_DIR SEED [STEPS]   (STEPS 0: endless)
 */

#include "config.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash-keys.h"
#include "gdnn-csv-import.h"
#include "gdnn-i18n.h"
#include "gdnn-plan-template.h"
#include "gdnn-store-private.h"
#include "gdnn-submission-import.h"

#define YEAR CRASH_YEAR
#define BASE_TEMPLATE "/vn/gdnn/Report/plans/bac-giang-401-kh-ubnd.json"

typedef struct
{
  gint64       unit_id;
  gint64       indicator_id;
  GdnnMeasure  measure;
  char        *unit_code;
  char        *plan_number;
  char        *indicator_code;
} ValueKey;

typedef struct
{
  gint64 task_id;
  gint64 unit_id;
} ProgressKey;

typedef struct
{
  GdnnStore  *store;
  const char *dir;
  guint32     seed;
  GRand      *rand;
  GArray     *value_keys;     /* of ValueKey */
  GArray     *progress_keys;  /* of ProgressKey */
  GPtrArray  *xlsx;           /* paths of the report files */
  JsonNode   *template;       /* the base plan template */
  char       *base_number;
  guint       step;
} Worker;

static void G_GNUC_NORETURN
die (const char   *what,
     const GError *error)
{
  g_printerr ("crash-worker: step failed unexpectedly: %s: %s\n", what, error != NULL ? error->message : "");
  exit (3);
}

/* One line, one write(2): a kill can cut the output only between lines
 * (the harness ignores a last line without its newline). */
static void
say (const char *line)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);
  gsize length = strlen (text);
  gsize done = 0;

  while (done < length)
    {
      gssize n = write (STDOUT_FILENO, text + done, length - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (4);
      done += n;
    }
}

static void
format_number (GString    *out,
               sqlite3_stmt *stmt,
               int         column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    g_string_append (out, "null");
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, column)));
    }
}

/* What the database now holds for a value key, as a "value …" line. */
static char *
describe_value (Worker     *w,
                gint64      unit_id,
                gint64      indicator_id,
                int         year,
                const char *period)
{
  sqlite3_stmt *stmt = NULL;
  GString *line = g_string_new (NULL);

  g_string_printf (line, "value %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s ",
                   unit_id, indicator_id, year, period);
  sqlite3_prepare_v2 (gdnn_store_get_db (w->store),
                      "SELECT numerator, denominator FROM value "
                      "WHERE unit_id = ? AND indicator_id = ? AND year = ? AND period = ?;", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_text (stmt, 4, period, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      format_number (line, stmt, 0);
      g_string_append_c (line, ' ');
      format_number (line, stmt, 1);
    }
  else
    g_string_append (line, "absent");
  sqlite3_finalize (stmt);
  return g_string_free (line, FALSE);
}

static char *
describe_progress (Worker     *w,
                   gint64      task_id,
                   gint64      unit_id,
                   int         year,
                   const char *period)
{
  sqlite3_stmt *stmt = NULL;
  GString *line = g_string_new (NULL);

  g_string_printf (line, "progress %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s ",
                   task_id, unit_id, year, period);
  sqlite3_prepare_v2 (gdnn_store_get_db (w->store),
                      "SELECT status, progress FROM task_progress "
                      "WHERE task_id = ? AND unit_id = ? AND year = ? AND period = ?;", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_text (stmt, 4, period, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (line, "%s %d", (const char *) sqlite3_column_text (stmt, 0),
                            sqlite3_column_int (stmt, 1));
  else
    g_string_append (line, "absent");
  sqlite3_finalize (stmt);
  return g_string_free (line, FALSE);
}

static void
load_keys (Worker *w)
{
  sqlite3 *db = gdnn_store_get_db (w->store);
  sqlite3_stmt *stmt = NULL;

  /* Every indicator of every plan a (non-office) unit implements, for
   * the current year when the plan covers it. */
  sqlite3_prepare_v2 (db, CRASH_VALUE_KEYS_SQL, -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, YEAR);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ValueKey k = { 0 };
      const char *measure = (const char *) sqlite3_column_text (stmt, 2);

      k.unit_id = sqlite3_column_int64 (stmt, 0);
      k.indicator_id = sqlite3_column_int64 (stmt, 1);
      k.measure = g_str_equal (measure, "ratio") ? GDNN_MEASURE_RATIO :
                  g_str_equal (measure, "amount") ? GDNN_MEASURE_AMOUNT :
                  g_str_equal (measure, "boolean") ? GDNN_MEASURE_BOOLEAN : GDNN_MEASURE_COUNT;
      k.unit_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      k.plan_number = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      k.indicator_code = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (w->value_keys, k);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, CRASH_PROGRESS_KEYS_SQL, -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, YEAR);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ProgressKey k = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (w->progress_keys, k);
    }
  sqlite3_finalize (stmt);

  if (w->value_keys->len == 0 || w->progress_keys->len == 0)
    die ("the database has no values or tasks to edit", NULL);
}

/* A random value the store accepts for @k. */
static void
random_value (Worker         *w,
              const ValueKey *k,
              GdnnValue      *v)
{
  v->unit_id = k->unit_id;
  v->indicator_id = k->indicator_id;
  v->year = YEAR;
  g_free (v->period);
  v->period = g_strdup ("year");
  v->has_numerator = TRUE;
  v->has_denominator = FALSE;
  switch (k->measure)
    {
    case GDNN_MEASURE_RATIO:
      v->has_denominator = TRUE;
      v->denominator = g_rand_int_range (w->rand, 1, 5000);
      v->numerator = g_rand_int_range (w->rand, 0, (gint32) v->denominator + 1);
      break;
    case GDNN_MEASURE_BOOLEAN:
      v->numerator = g_rand_int_range (w->rand, 0, 2);
      break;
    case GDNN_MEASURE_AMOUNT:
      v->numerator = (double) g_rand_int_range (w->rand, 0, 1000000) * 1000;
      break;
    default:
      v->numerator = g_rand_int_range (w->rand, 0, 100000);
      break;
    }
}

static void
op_value (Worker *w)
{
  const ValueKey *k = &g_array_index (w->value_keys, ValueKey, g_rand_int_range (w->rand, 0, w->value_keys->len));
  g_autoptr(GdnnValue) v = gdnn_value_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  random_value (w, k, v);
  {
    char num[G_ASCII_DTOSTR_BUF_SIZE], den[G_ASCII_DTOSTR_BUF_SIZE] = "null";
    g_autofree char *intent = NULL;

    g_ascii_dtostr (num, sizeof num, v->numerator);
    if (v->has_denominator)
      g_ascii_dtostr (den, sizeof den, v->denominator);
    intent = g_strdup_printf ("try value %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d year %s %s",
                              k->unit_id, k->indicator_id, YEAR, num, den);
    say (intent);
  }
  if (!gdnn_store_set_value (w->store, v, &error))
    die ("set_value", error);
  line = describe_value (w, k->unit_id, k->indicator_id, YEAR, "year");
  say (line);
}

static void
op_progress (Worker *w)
{
  const ProgressKey *k = &g_array_index (w->progress_keys, ProgressKey,
                                         g_rand_int_range (w->rand, 0, w->progress_keys->len));
  GdnnTaskProgress p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  p.task_id = k->task_id;
  p.unit_id = k->unit_id;
  p.year = YEAR;
  p.period = (char *) "year";
  p.status = g_rand_int_range (w->rand, GDNN_TASK_NOT_STARTED, GDNN_TASK_PAUSED + 1);
  p.progress = g_rand_int_range (w->rand, 0, 101);
  {
    g_autofree char *intent = g_strdup_printf ("try progress %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d year %s %d",
                                               k->task_id, k->unit_id, YEAR,
                                               gdnn_task_status_to_string (p.status), p.progress);
    say (intent);
  }
  if (!gdnn_store_set_task_progress (w->store, &p, &error))
    die ("set_task_progress", error);
  line = describe_progress (w, k->task_id, k->unit_id, YEAR, "year");
  say (line);
}

static void
op_undo (Worker *w)
{
  g_autofree char *entity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 entity_id = 0;
  gint64 a, b;
  int year;
  g_autofree char *period = NULL;

  /* The key the undo will change: the newest change not undone yet (the
   * query gdnn_store_undo () runs). */
  sqlite3_prepare_v2 (gdnn_store_get_db (w->store),
                      "SELECT l.entity, json_extract (j, '$.unit_id'), json_extract (j, '$.indicator_id'), "
                      "json_extract (j, '$.task_id'), json_extract (j, '$.year'), json_extract (j, '$.period') "
                      "FROM (SELECT l.*, coalesce (l.new, l.old) AS j FROM change_log l "
                      "WHERE l.entity IN ('value', 'task_progress') AND l.undo_of IS NULL "
                      "AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undo_of = l.id) "
                      "ORDER BY l.id DESC LIMIT 1) AS l;", -1, &stmt, NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return;
    }
  if (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "value"))
    line = g_strdup_printf ("try undo value %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s",
                            (gint64) sqlite3_column_int64 (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2),
                            sqlite3_column_int (stmt, 4), sqlite3_column_text (stmt, 5));
  else
    line = g_strdup_printf ("try undo progress %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s",
                            (gint64) sqlite3_column_int64 (stmt, 3), (gint64) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_int (stmt, 4), sqlite3_column_text (stmt, 5));
  sqlite3_finalize (stmt);
  stmt = NULL;
  say (line);
  g_clear_pointer (&line, g_free);

  if (!gdnn_store_undo (w->store, &entity, &entity_id, &error))
    {
      if (g_error_matches (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND))
        return;
      die ("undo", error);
    }

  /* The key of the row the undo wrote (or deleted), from its log entry. */
  sqlite3_prepare_v2 (gdnn_store_get_db (w->store),
                      "SELECT json_extract (j, '$.unit_id'), json_extract (j, '$.indicator_id'), "
                      "json_extract (j, '$.task_id'), json_extract (j, '$.year'), json_extract (j, '$.period') "
                      "FROM (SELECT coalesce (new, old) AS j FROM change_log WHERE entity = ?1 AND entity_id = ?2 "
                      "ORDER BY id DESC LIMIT 1);", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    die ("the undo left no log entry", NULL);
  year = sqlite3_column_int (stmt, 3);
  period = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  if (g_str_equal (entity, "value"))
    {
      a = sqlite3_column_int64 (stmt, 0);
      b = sqlite3_column_int64 (stmt, 1);
      line = describe_value (w, a, b, year, period);
    }
  else
    {
      a = sqlite3_column_int64 (stmt, 2);
      b = sqlite3_column_int64 (stmt, 0);
      line = describe_progress (w, a, b, year, period);
    }
  sqlite3_finalize (stmt);
  say (line);
}

static void
op_csv (Worker *w)
{
  g_autoptr(GString) csv = g_string_new ("unit_code,plan,indicator_code,year,numerator,denominator,note\n");
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("values-%u-%u.csv", w->seed, w->step);
  g_autofree char *path = g_build_filename (w->dir, name, NULL);
  gboolean bad = g_rand_int_range (w->rand, 0, 5) == 0;
  guint n = g_rand_int_range (w->rand, 1, 40);
  guint n_rows = 0;
  guint written = 0;

  for (guint i = 0; i < n; i++)
    {
      guint index = g_rand_int_range (w->rand, 0, w->value_keys->len);
      const ValueKey *k = &g_array_index (w->value_keys, ValueKey, index);
      g_autoptr(GdnnValue) v = gdnn_value_new ();
      char num[G_ASCII_DTOSTR_BUF_SIZE], den[G_ASCII_DTOSTR_BUF_SIZE] = "";

      if (!g_hash_table_add (used, GUINT_TO_POINTER (index + 1)))
        continue;
      random_value (w, k, v);
      g_ascii_dtostr (num, sizeof num, v->numerator);
      if (v->has_denominator)
        g_ascii_dtostr (den, sizeof den, v->denominator);
      g_string_append_printf (csv, "%s,%s,%s,%d,%s,%s,crash %u\n", k->unit_code, k->plan_number,
                              k->indicator_code, YEAR, num, den, w->step);
      g_string_append_printf (line, " %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d:year:%s:%s",
                              k->unit_id, k->indicator_id, YEAR, num, v->has_denominator ? den : "null");
      written++;
    }
  if (bad)
    {
      const ValueKey *k = &g_array_index (w->value_keys, ValueKey, 0);
      g_string_append_printf (csv, "%s,%s,%s,%d,không phải số,,\n", k->unit_code, k->plan_number,
                              k->indicator_code, YEAR);
    }
  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    die ("writing the CSV file", error);
  {
    g_autofree char *intent = bad ? g_strdup_printf ("try csv-refused %s", name) :
                                    g_strdup_printf ("try csv %s %u%s", name, written, line->str);
    say (intent);
  }

  if (!gdnn_values_import_csv (w->store, path, &n_rows, &error))
    {
      if (bad)
        return;   /* refused whole, as it must be */
      die ("values import", error);
    }
  if (bad)
    die ("a CSV file with a bad row was imported", NULL);
  if (n_rows != written)
    die ("the CSV import counted another number of rows", NULL);
  {
    g_autofree char *text = g_strdup_printf ("csv %s %u%s", name, n_rows, line->str);
    say (text);
  }
}

static void
op_template (Worker *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("CRASH-%u-%u/KH", w->seed, w->step);
  g_autofree char *name = g_strdup_printf ("plan-%u-%u.json", w->seed, w->step);
  g_autofree char *path = g_build_filename (w->dir, name, NULL);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JsonNode) copy = json_node_copy (w->template);
  gint64 plan_id;

  json_object_set_string_member (json_node_get_object (copy), "number", number);
  text = json_to_string (copy, FALSE);
  if (!g_file_set_contents (path, text, -1, &error))
    die ("writing the template", error);

  {
    g_autofree char *intent = g_strdup_printf ("try template %s", number);
    say (intent);
  }
  plan_id = gdnn_plan_template_import_file (w->store, path, &error);
  if (plan_id <= 0)
    die ("template import", error);
  {
    g_autofree char *ind = g_strdup_printf ("SELECT count(*) FROM indicator WHERE plan_id = %" G_GINT64_FORMAT, plan_id);
    g_autofree char *task = g_strdup_printf ("SELECT count(*) FROM task WHERE plan_id = %" G_GINT64_FORMAT, plan_id);
    sqlite3_stmt *stmt = NULL;
    gint64 n_ind = 0, n_task = 0;

    sqlite3_prepare_v2 (gdnn_store_get_db (w->store), ind, -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      n_ind = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (gdnn_store_get_db (w->store), task, -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      n_task = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    line = g_strdup_printf ("template %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, number, n_ind, n_task);
  }
  say (line);
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    die ("reading a report file", error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static gboolean
submission_stored (Worker     *w,
                   const char *sha)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  sqlite3_prepare_v2 (gdnn_store_get_db (w->store), "SELECT 1 FROM submission WHERE sha256 = ?;", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
op_submission (Worker *w)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GdnnImportOutcome *outcome = NULL;
  const char *path;
  g_autofree char *sha = NULL;
  g_autofree char *line = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < w->xlsx->len; i++)
    {
      char *s = file_sha256 (g_ptr_array_index (w->xlsx, i));
      if (!submission_stored (w, s))
        g_ptr_array_add (candidates, g_strdup (g_ptr_array_index (w->xlsx, i)));
      g_free (s);
    }
  if (candidates->len == 0)
    return FALSE;

  path = g_ptr_array_index (candidates, g_rand_int_range (w->rand, 0, candidates->len));
  sha = file_sha256 (path);
  {
    /* The files are named bao-cao-NN_UNITCODE_YEAR.xlsx. */
    g_autofree char *base = g_path_get_basename (path);
    g_auto(GStrv) parts = g_strsplit (base, "_", 3);
    g_autofree char *intent = NULL;
    gint64 unit_id = 0;

    if (g_strv_length (parts) != 3)
      die ("a report file is not named bao-cao-NN_UNITCODE_YEAR.xlsx", NULL);
    sqlite3_prepare_v2 (gdnn_store_get_db (w->store), "SELECT id FROM unit WHERE code = ?;", -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, parts[1], -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      unit_id = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    stmt = NULL;
    intent = g_strdup_printf ("try submission %s %" G_GINT64_FORMAT " %d", sha, unit_id, atoi (parts[2]));
    say (intent);
  }
  if (!gdnn_submission_import_file (w->store, path, NULL, &outcome, &error))
    die ("submission import", error);
  sqlite3_prepare_v2 (gdnn_store_get_db (w->store),
                      "SELECT unit_id, year FROM submission WHERE id = ?;", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, outcome->submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    die ("the imported submission is missing", NULL);
  line = g_strdup_printf ("submission %s %" G_GINT64_FORMAT " %d", sha,
                          (gint64) sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1));
  sqlite3_finalize (stmt);
  gdnn_import_outcome_free (outcome);
  say (line);
  return TRUE;
}

static void
load_materials (Worker *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (w->dir, 0, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *name;
  gsize length = 0;
  const char *data;

  if (dir == NULL)
    die ("the materials folder", error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xlsx"))
      g_ptr_array_add (w->xlsx, g_build_filename (w->dir, name, NULL));
  g_ptr_array_sort (w->xlsx, (GCompareFunc) g_strcmp0);

  bytes = g_resources_lookup_data (BASE_TEMPLATE, 0, &error);
  if (bytes == NULL)
    die ("the base template", error);
  data = g_bytes_get_data (bytes, &length);
  if (!json_parser_load_from_data (parser, data, length, &error))
    die ("the base template", error);
  w->template = json_node_copy (json_parser_get_root (parser));
  w->base_number = g_strdup (json_object_get_string_member (json_node_get_object (w->template), "number"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Worker w = { 0 };
  guint64 steps = 0;

  gdnn_i18n_init ();
  if (argc < 4)
    {
      g_printerr ("Usage: crash-worker DB MATERIALS_DIR SEED [STEPS]\n");
      return 2;
    }
  w.dir = argv[2];
  w.seed = (guint32) g_ascii_strtoull (argv[3], NULL, 10);
  if (argc > 4)
    steps = g_ascii_strtoull (argv[4], NULL, 10);
  w.rand = g_rand_new_with_seed (w.seed);
  w.value_keys = g_array_new (FALSE, TRUE, sizeof (ValueKey));
  w.progress_keys = g_array_new (FALSE, TRUE, sizeof (ProgressKey));
  w.xlsx = g_ptr_array_new_with_free_func (g_free);

  /* Referencing the plan templates keeps their resource bundle linked. */
  {
    g_auto(GStrv) shipped = gdnn_plan_template_list_shipped ();
  }

  w.store = gdnn_store_open (argv[1], GDNN_STORE_OPEN_DEFAULT, &error);
  if (w.store == NULL)
    die ("opening the database", error);
  gdnn_store_set_user (w.store, "crash-worker");
  load_keys (&w);
  load_materials (&w);
  {
    g_autofree char *hello = g_strdup_printf ("start %s", w.base_number);
    say (hello);
  }

  for (w.step = 1; steps == 0 || w.step <= steps; w.step++)
    {
      int dice = g_rand_int_range (w.rand, 0, 100);

      if (dice < 35)
        op_value (&w);
      else if (dice < 55)
        op_progress (&w);
      else if (dice < 65)
        op_undo (&w);
      else if (dice < 80)
        op_csv (&w);
      else if (dice < 88)
        op_template (&w);
      else if (!op_submission (&w))
        op_value (&w);
    }

  /* A finite run ends like the program does: the store closes. */
  g_clear_object (&w.store);
  for (guint i = 0; i < w.value_keys->len; i++)
    {
      ValueKey *k = &g_array_index (w.value_keys, ValueKey, i);
      g_free (k->unit_code);
      g_free (k->plan_number);
      g_free (k->indicator_code);
    }
  g_array_unref (w.value_keys);
  g_array_unref (w.progress_keys);
  g_ptr_array_unref (w.xlsx);
  json_node_unref (w.template);
  g_free (w.base_number);
  g_rand_free (w.rand);
  return 0;
}
