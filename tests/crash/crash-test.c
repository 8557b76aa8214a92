/* crash-test.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Crash safety, proven (issue 7, item 2).
 *
 * /crash/kill: crash-worker edits values and task progress, undoes,
 * imports CSV files, plan templates and submitted report files on a copy
 * of the demo database; it is killed with SIGKILL after a random delay
 * (0–200 ms, counted from its first line, or for one kill in four from
 * its start), GDNN_CRASH_KILLS times (100; `./dev crash` runs 300). After
 * each kill the database (as the next start would find it: the main file
 * and its WAL) must pass PRAGMA integrity_check and gdnn_store_check, and
 * every line the worker printed — each printed only after its commit
 * returned — must be true: the last value of each key, each imported plan
 * whole, each submission's SHA-256. The database is kept between kills
 * (a fresh copy every GDNN_CRASH_RESET kills), so each worker also starts
 * on the file the previous one left when it was killed.
 *
 * /crash/full-disk/…: the database on a full file system — a small tmpfs
 * in a private mount namespace when the test may mount, and always a
 * file-size limit (RLIMIT_FSIZE, writes fail with EFBIG): the failing
 * import returns GDNN_STORE_ERROR_FULL with the Vietnamese message,
 * nothing of it is stored, the earlier state is intact, the command line
 * says the same, and once space is freed the same import works.
 *
 * /crash/read-only/…: a read-only bind mount, an immutable file
 * (chattr +i) and file permissions (for root: the command line run as
 * "nobody"): the store refuses with GDNN_STORE_ERROR_READONLY and a clear
 * message, and the file stays byte for byte as it was. A variant this
 * machine cannot set up is skipped with its reason; /crash/read-only/covered
 * fails unless at least one variant ran.
 *
 * GDNN_CRASH_SEED=N repeats a run's seeds (each round prints its seed and
 * delay); a failure names the round, its seed, the delay and the last
 * line the worker printed, and keeps the files.
 */

#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <grp.h>
#include <stdarg.h>
#include <unistd.h>

#include "crash-keys.h"
#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-plan-template.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-test-utils.h"

#include <json-glib/json-glib.h>

/* The sanitizer build runs every process several times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define DEFAULT_KILLS 30
#else
#define DEFAULT_KILLS 100
#endif

#define MSG_FULL "Ổ đĩa đã đầy"
#define MSG_READONLY "chỉ cho phép đọc"

static char *worker_path;
static char *cli_path;
static char *root_dir;        /* everything of this run */
static char *pristine;        /* the demo database, never changed */
static char *materials;       /* report XLSX files the worker imports */
static gboolean have_namespace;
static char *namespace_reason;
static guint read_only_variants;

/* sqlite3_mprintf (for %Q) into GLib-owned memory. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list ap;
  char *s;
  char *copy;

  va_start (ap, format);
  s = sqlite3_vmprintf (format, ap);
  va_end (ap);
  copy = g_strdup (s);
  sqlite3_free (s);
  return copy;
}

/* ------------------------------------------------------------------ */
/* Files                                                                */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
remove_db (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* The database as the next start finds it: main file and WAL (the
 * shared-memory index is rebuilt from them). */
static void
copy_db (const char *from,
         const char *to)
{
  g_autofree char *wal_from = g_strconcat (from, "-wal", NULL);
  g_autofree char *wal_to = g_strconcat (to, "-wal", NULL);

  remove_db (to);
  copy_file (from, to);
  if (g_file_test (wal_from, G_FILE_TEST_EXISTS))
    copy_file (wal_from, wal_to);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GBytes) bytes = gdnn_test_read_file (path);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* ------------------------------------------------------------------ */
/* Materials: the demo database and report files exported from it       */

static void
prepare_materials (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnStore) store = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  root_dir = g_dir_make_tmp ("gdnn-crash-XXXXXX", &error);
  g_assert_no_error (error);
  pristine = g_build_filename (root_dir, "demo.db", NULL);
  materials = g_build_filename (root_dir, "materials", NULL);
  g_assert_cmpint (g_mkdir (materials, 0755), ==, 0);

  store = gdnn_store_open (pristine, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  gdnn_store_set_user (store, "Người kiểm thử");
  g_assert_true (gdnn_demo_populate (store, 2026, &error));
  g_assert_no_error (error);

  /* Last year's report of every unit on each plan it implements. */
  g_assert_cmpint (sqlite3_prepare_v2 (gdnn_store_get_db (store),
                                       "SELECT u.code, p.number FROM unit u JOIN unit_plan up ON up.unit_id = u.id "
                                       "JOIN plan p ON p.id = up.plan_id WHERE u.type <> 'co_quan' "
                                       "AND 2025 BETWEEN p.first_year AND p.last_year ORDER BY u.code, p.number;",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *plan = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GdnnReportDoc) doc = gdnn_report_doc_build_by_code (store, code, plan, 2025, NULL, &error);
      g_autofree char *name = g_strdup_printf ("bao-cao-%02u_%s_2025.xlsx", ++n, code);
      g_autofree char *path = g_build_filename (materials, name, NULL);

      g_assert_no_error (error);
      g_assert_true (gdnn_report_xlsx_write (doc, path, &error));
      g_assert_no_error (error);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >=, 3);
}

/* A copy of a shipped plan template with its own plan number, written
 * next to (never into) the file systems the tests fill. */
static char *
write_template (const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/vn/gdnn/Report/plans/bac-giang-401-kh-ubnd.json", 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("plan-%s.json", number);
  char *path = g_build_filename (root_dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "number", number);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* ------------------------------------------------------------------ */
/* /crash/kill                                                          */

typedef struct
{
  GHashTable *keys;         /* "value U I Y P" / "progress T U Y P" → expected rest */
  GHashTable *plans;        /* number → "N_IND N_TASK" */
  GHashTable *submissions;  /* sha256 → TRUE */
  char       *base_plan;
  char       *pending;      /* the last "try" line not followed by its result */
} Model;

static void
model_init (Model *m)
{
  m->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->submissions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
model_destroy (Model *m)
{
  g_clear_pointer (&m->keys, g_hash_table_unref);
  g_clear_pointer (&m->plans, g_hash_table_unref);
  g_clear_pointer (&m->submissions, g_hash_table_unref);
  g_clear_pointer (&m->base_plan, g_free);
  g_clear_pointer (&m->pending, g_free);
}

static void
model_copy (const Model *from,
            Model       *to)
{
  GHashTableIter iter;
  gpointer key, value;

  model_init (to);
  g_hash_table_iter_init (&iter, from->keys);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to->keys, g_strdup (key), g_strdup (value));
  g_hash_table_iter_init (&iter, from->plans);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to->plans, g_strdup (key), g_strdup (value));
  g_hash_table_iter_init (&iter, from->submissions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (to->submissions, g_strdup (key));
  to->base_plan = g_strdup (from->base_plan);
}

static void
model_clear (Model *m)
{
  g_hash_table_remove_all (m->keys);
  g_hash_table_remove_all (m->plans);
  g_hash_table_remove_all (m->submissions);
}

/* A submission rewrites the unit's values and task progress of its year. */
static void
model_forget_unit_year (Model      *m,
                        const char *unit,
                        const char *year)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, m->keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) f = g_strsplit (key, " ", -1);

      if (g_str_equal (f[0], "value") && g_str_equal (f[1], unit) && g_str_equal (f[3], year))
        g_hash_table_iter_remove (&iter);
      else if (g_str_equal (f[0], "progress") && g_str_equal (f[2], unit) && g_str_equal (f[3], year))
        g_hash_table_iter_remove (&iter);
    }
}

/* Applies one complete line; FALSE when it cannot be parsed. */
static gboolean
model_apply (Model      *m,
             const char *line)
{
  g_auto(GStrv) f = NULL;
  guint n;

  if (g_str_has_prefix (line, "try "))
    {
      g_free (m->pending);
      m->pending = g_strdup (line + 4);
      return TRUE;
    }
  /* A result, or a new operation after one that failed as it had to. */
  g_clear_pointer (&m->pending, g_free);

  f = g_strsplit (line, " ", -1);
  n = g_strv_length (f);
  if (n == 2 && g_str_equal (f[0], "start"))
    {
      g_free (m->base_plan);
      m->base_plan = g_strdup (f[1]);
      return TRUE;
    }
  if ((g_str_equal (f[0], "value") || g_str_equal (f[0], "progress")) && (n == 6 || n == 7))
    {
      char *key = g_strjoin (" ", f[0], f[1], f[2], f[3], f[4], NULL);
      char *rest = n == 6 ? g_strdup (f[5]) : g_strjoin (" ", f[5], f[6], NULL);

      g_hash_table_replace (m->keys, key, rest);
      return TRUE;
    }
  if (g_str_equal (f[0], "csv") && n >= 3)
    {
      guint64 rows = g_ascii_strtoull (f[2], NULL, 10);

      if (rows != n - 3)
        return FALSE;
      for (guint i = 3; i < n; i++)
        {
          g_auto(GStrv) v = g_strsplit (f[i], ":", -1);

          if (g_strv_length (v) != 6)
            return FALSE;
          g_hash_table_replace (m->keys, g_strjoin (" ", "value", v[0], v[1], v[2], v[3], NULL),
                                g_strjoin (" ", v[4], v[5], NULL));
        }
      return TRUE;
    }
  if (g_str_equal (f[0], "template") && n == 4)
    {
      g_hash_table_replace (m->plans, g_strdup (f[1]), g_strjoin (" ", f[2], f[3], NULL));
      return TRUE;
    }
  if (g_str_equal (f[0], "submission") && n == 4)
    {
      g_hash_table_add (m->submissions, g_strdup (f[1]));
      model_forget_unit_year (m, f[2], f[3]);
      return TRUE;
    }
  return FALSE;
}

/* The model with the interrupted operation done: a value or progress
 * set, a CSV file whole, a submission stored; an undone key unknown. A
 * template and a refused CSV file add nothing the checks need. */
static gboolean
model_apply_pending (Model      *m,
                     const char *op)
{
  g_auto(GStrv) f = g_strsplit (op, " ", -1);

  if (g_str_equal (f[0], "undo") && g_strv_length (f) == 6)
    {
      g_autofree char *key = g_strjoin (" ", f[1], f[2], f[3], f[4], f[5], NULL);
      g_hash_table_remove (m->keys, key);
      return TRUE;
    }
  if (g_str_equal (f[0], "template") || g_str_equal (f[0], "csv-refused"))
    return TRUE;
  return model_apply (m, op);
}

static char *
db_describe (sqlite3    *db,
             const char *key)
{
  g_auto(GStrv) f = g_strsplit (key, " ", -1);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  gboolean value = g_str_equal (f[0], "value");

  sqlite3_prepare_v2 (db, value ?
                      "SELECT numerator, denominator FROM value "
                      "WHERE unit_id = ?1 AND indicator_id = ?2 AND year = ?3 AND period = ?4;" :
                      "SELECT status, progress FROM task_progress "
                      "WHERE task_id = ?1 AND unit_id = ?2 AND year = ?3 AND period = ?4;", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (f[1], NULL, 10));
  sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (f[2], NULL, 10));
  sqlite3_bind_int (stmt, 3, (int) g_ascii_strtoll (f[3], NULL, 10));
  sqlite3_bind_text (stmt, 4, f[4], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_string_append (out, "absent");
  else if (!value)
    g_string_append_printf (out, "%s %d", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
  else
    for (int c = 0; c < 2; c++)
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (c > 0)
          g_string_append_c (out, ' ');
        if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
          g_string_append (out, "null");
        else
          g_string_append (out, g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, c)));
      }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
plan_counts (sqlite3    *db,
             const char *number)
{
  g_autofree char *q = sql_printf ("SELECT (SELECT count(*) FROM indicator i WHERE i.plan_id = p.id) || ' ' || "
                                        "(SELECT count(*) FROM task t WHERE t.plan_id = p.id) "
                                        "FROM plan p WHERE p.number = %Q;", number);
  return gdnn_test_db_text (db, q);
}

/* The state of every value and task progress the worker may change, so
 * that a change nobody reported is caught too. */
static void
model_load (Model      *m,
            const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, CRASH_VALUE_KEYS_SQL, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, CRASH_YEAR);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *key = g_strdup_printf ("value %lld %lld %d year", (long long) sqlite3_column_int64 (stmt, 0),
                                   (long long) sqlite3_column_int64 (stmt, 1), CRASH_YEAR);
      g_hash_table_replace (m->keys, key, db_describe (db, key));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, CRASH_PROGRESS_KEYS_SQL, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, CRASH_YEAR);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *key = g_strdup_printf ("progress %lld %lld %d year", (long long) sqlite3_column_int64 (stmt, 0),
                                   (long long) sqlite3_column_int64 (stmt, 1), CRASH_YEAR);
      g_hash_table_replace (m->keys, key, db_describe (db, key));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (g_hash_table_size (m->keys), >, 100);
}

/* Everything a start after the kill must find; NULL when it does. */
static char *
verify (const char *path,
        Model      *m)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnStore) store = gdnn_store_open (path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *base_counts = NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  char *failure = NULL;

  if (store == NULL)
    return g_strdup_printf ("the database does not open: %s", error->message);
  db = gdnn_store_get_db (store);
  integrity = gdnn_test_db_text (db, "PRAGMA integrity_check;");
  if (g_strcmp0 (integrity, "ok") != 0)
    return g_strdup_printf ("PRAGMA integrity_check: %s", integrity);
  problems = gdnn_store_check (store, &error);
  if (problems == NULL)
    return g_strdup_printf ("gdnn_store_check failed: %s", error->message);
  if (problems->len > 0)
    return g_strdup_printf ("gdnn_store_check: %s", (const char *) g_ptr_array_index (problems, 0));

  g_hash_table_iter_init (&iter, m->keys);
  while (failure == NULL && g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *now = db_describe (db, key);
      if (!g_str_equal (now, value))
        failure = g_strdup_printf ("%s: expected “%s” (as reported saved, or as before), the database holds “%s”",
                                   (const char *) key, (const char *) value, now);
    }
  g_hash_table_iter_init (&iter, m->plans);
  while (failure == NULL && g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *now = plan_counts (db, key);
      if (g_strcmp0 (now, value) != 0)
        failure = g_strdup_printf ("plan %s: reported imported with “%s” indicators and tasks, the database has “%s”",
                                   (const char *) key, (const char *) value, now ? now : "no such plan");
    }
  g_hash_table_iter_init (&iter, m->submissions);
  while (failure == NULL && g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *q = sql_printf ("SELECT count(*) FROM submission WHERE sha256 = %Q;", (const char *) key);
      if (gdnn_test_db_int (db, q) != 1)
        failure = g_strdup_printf ("the submission %s was reported imported but is missing", (const char *) key);
    }
  if (failure != NULL)
    return failure;

  /* Nothing half-written: every imported copy of the template is whole,
   * also those imported just before the kill and never reported. */
  base_counts = m->base_plan != NULL ? plan_counts (db, m->base_plan) : NULL;
  sqlite3_prepare_v2 (db, "SELECT number FROM plan WHERE number LIKE 'CRASH-%';", -1, &stmt, NULL);
  while (failure == NULL && base_counts != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *now = plan_counts (db, number);

      if (g_strcmp0 (now, base_counts) != 0)
        failure = g_strdup_printf ("plan %s is half imported: %s indicators and tasks of %s", number, now, base_counts);
    }
  sqlite3_finalize (stmt);
  return failure;
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &v, NULL))
    return fallback;
  return (guint) v;
}

static void
test_kill (void)
{
  guint kills = env_uint ("GDNN_CRASH_KILLS", DEFAULT_KILLS);
  guint reset = MAX (env_uint ("GDNN_CRASH_RESET", 10), 1);
  guint32 base_seed = env_uint ("GDNN_CRASH_SEED", g_random_int_range (1, G_MAXINT32));
  g_autoptr(GRand) rand = g_rand_new_with_seed (base_seed);
  g_autofree char *dir = g_build_filename (root_dir, "kill", NULL);
  g_autofree char *db = g_build_filename (dir, "gdnn.db", NULL);
  g_autofree char *check = g_build_filename (dir, "check.db", NULL);
  Model m = { 0 };
  guint lines_total = 0, before_first_line = 0, killed_in_import = 0, interrupted_done = 0;
  gint64 started = g_get_monotonic_time ();
  const char *failed = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  model_init (&m);
  g_test_message ("base seed %u (GDNN_CRASH_SEED=%u repeats it), %u kills", base_seed, base_seed, kills);

  for (guint round = 0; round < kills && failed == NULL; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
      g_autoptr(GSubprocess) worker = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = g_strdup_printf ("%s/out-%u.txt", dir, round);
      g_autofree char *err = g_strdup_printf ("%s/err-%u.txt", dir, round);
      g_autofree char *seed = NULL;
      g_autofree char *text = NULL;
      g_autofree char *failure = NULL;
      g_auto(GStrv) lines = NULL;
      const char *last = "(none)";
      guint32 round_seed = base_seed + round;
      guint delay = g_rand_int_range (rand, 0, 201);
      guint complete = 0;

      if (round % reset == 0)
        {
          remove_db (db);
          copy_file (pristine, db);
          model_clear (&m);
          model_load (&m, db);
        }

      seed = g_strdup_printf ("%u", round_seed);
      g_subprocess_launcher_set_stdout_file_path (launcher, out);
      g_subprocess_launcher_set_stderr_file_path (launcher, err);
      worker = g_subprocess_launcher_spawn (launcher, &error, worker_path, db, materials, seed, NULL);
      g_assert_no_error (error);
      /* One kill in four counts from the start of the process, to hit the
       * opening of the database; the others from the worker's first line,
       * so that a slow start (a loaded machine, ASan) does not eat them. */
      if (round % 4 != 0)
        {
          gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

          while (file_size (out) == 0 && g_get_monotonic_time () < deadline)
            g_usleep (500);
        }
      g_usleep (delay * 1000);
      g_subprocess_force_exit (worker);
      g_subprocess_wait (worker, NULL, &error);
      g_assert_no_error (error);

      g_file_get_contents (out, &text, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (text, "\n", -1);
      /* The last piece has no newline: cut by the kill (or empty). */
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          if (!model_apply (&m, lines[i]))
            {
              failure = g_strdup_printf ("the worker printed a line the test cannot read: “%s”", lines[i]);
              break;
            }
          last = lines[i];
          complete++;
        }
      lines_total += complete;
      if (complete == 0)
        before_first_line++;

      if (failure == NULL && (!g_subprocess_get_if_signaled (worker) ||
                              g_subprocess_get_term_sig (worker) != SIGKILL))
        {
          g_autofree char *why = NULL;
          g_file_get_contents (err, &why, NULL, NULL);
          failure = g_strdup_printf ("the worker ended by itself before the kill: %s", why ? why : "");
        }
      if (failure == NULL)
        {
          copy_db (db, check);
          failure = verify (check, &m);
          /* The operation the kill interrupted: not done, or done whole. */
          if (failure != NULL && m.pending != NULL)
            {
              Model done = { 0 };
              g_autofree char *failure_done = NULL;

              model_copy (&m, &done);
              if (!model_apply_pending (&done, m.pending))
                failure_done = g_strdup_printf ("cannot read “try %s”", m.pending);
              else
                failure_done = verify (check, &done);
              if (failure_done == NULL)
                {
                  model_destroy (&m);
                  m = done;
                  g_clear_pointer (&failure, g_free);
                  interrupted_done++;
                }
              else
                {
                  char *both = g_strdup_printf ("%s; and with the interrupted “%s” done: %s",
                                                failure, m.pending, failure_done);
                  g_free (failure);
                  failure = both;
                  model_destroy (&done);
                }
            }
          g_clear_pointer (&m.pending, g_free);
        }
      if (failure != NULL)
        {
          g_test_message ("round %u: seed %u, killed after %u ms, %u lines, last line: %s",
                          round, round_seed, delay, complete, last);
          g_test_message ("FAILED: %s", failure);
          g_test_message ("the files are kept in %s", dir);
          g_test_fail ();
          failed = "kept";
          break;
        }
      if (g_str_has_prefix (last, "try template") || g_str_has_prefix (last, "try csv") ||
          g_str_has_prefix (last, "try submission"))
        killed_in_import++;
      if (g_test_verbose ())
        g_test_message ("round %u: seed %u, killed after %u ms, %u lines, last: %.60s",
                        round, round_seed, delay, complete, last);
      g_unlink (out);
      g_unlink (err);
    }

  g_test_message ("%u kills in %.1f s: %u lines checked, %u kills before the first line, "
                  "%u during an import, %u interrupted operations found done",
                  kills, (g_get_monotonic_time () - started) / 1e6, lines_total, before_first_line,
                  killed_in_import, interrupted_done);
  if (failed != NULL)
    {
      model_destroy (&m);
      return;
    }
  /* The worker did work: most kills landed after it had started. */
  g_assert_cmpuint (lines_total, >, kills);
  g_assert_cmpuint (before_first_line, <=, kills / 4 + 1);
  model_destroy (&m);
}

/* The checks catch what they are meant to catch: a finite run passes,
 * and each kind of loss planted into a copy of its database is found. */
static void
test_checker (void)
{
  g_autofree char *dir = g_build_filename (root_dir, "checker", NULL);
  g_autofree char *db = g_build_filename (dir, "gdnn.db", NULL);
  g_autofree char *check = g_build_filename (dir, "check.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *failure = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *value_key = NULL;     /* reported by a "value" line */
  g_autofree char *csv_key = NULL;       /* a row of a reported CSV file */
  g_autofree char *template = NULL;      /* a reported plan */
  g_autofree char *untouched = NULL;     /* a value no line mentions */
  g_autoptr(GHashTable) mentioned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct { const char *what; char *sql; } plants[4] = { { 0 } };
  GHashTableIter iter;
  gpointer key, value;
  Model m = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  copy_file (pristine, db);
  model_init (&m);
  model_load (&m, db);
  worker = g_subprocess_launcher_spawn (launcher, &error, worker_path, db, materials, "4242", "80", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (worker, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (worker));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);

      g_assert_true (model_apply (&m, lines[i]));
      if (g_str_equal (f[0], "value") && g_strv_length (f) == 7 && !g_str_equal (f[5], "absent"))
        {
          g_free (value_key);
          value_key = g_strjoin (" ", f[0], f[1], f[2], f[3], f[4], NULL);
        }
      if (g_str_equal (f[0], "csv") && g_strv_length (f) > 3)
        {
          g_auto(GStrv) v = g_strsplit (f[3], ":", -1);
          g_free (csv_key);
          csv_key = g_strjoin (" ", "value", v[0], v[1], v[2], v[3], NULL);
        }
      if (g_str_equal (f[0], "template"))
        {
          g_free (template);
          template = g_strdup (f[1]);
        }
      if (g_str_equal (f[0], "value") || g_str_equal (f[0], "csv") || g_str_equal (f[0], "try"))
        for (guint j = 0; f[j] != NULL; j++)
          g_hash_table_add (mentioned, g_strdup (f[j]));
    }
  g_assert_nonnull (value_key);
  g_assert_nonnull (csv_key);
  g_assert_nonnull (template);

  copy_db (db, check);
  failure = verify (check, &m);
  g_assert_null (failure);

  /* A value of the pristine database no line mentions. */
  g_hash_table_iter_init (&iter, m.keys);
  while (untouched == NULL && g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) f = g_strsplit (key, " ", -1);
      if (g_str_equal (f[0], "value") && !g_str_equal (value, "absent") && !g_str_has_prefix (value, "0 ") &&
          !g_hash_table_contains (mentioned, f[2]))
        untouched = g_strdup (key);
    }
  g_assert_nonnull (untouched);

  plants[0].what = "a reported value changed";
  plants[1].what = "a row of a reported CSV file lost";
  plants[2].what = "a value nobody reported changed";
  plants[3].what = "a task of an imported plan lost";
  {
    const char *keys[] = { value_key, csv_key, untouched };
    for (guint i = 0; i < 3; i++)
      {
        g_auto(GStrv) f = g_strsplit (keys[i], " ", -1);
        plants[i].sql = g_strdup_printf ("UPDATE value SET numerator = numerator / 2, "
                                         "denominator = CASE WHEN denominator IS NULL THEN NULL ELSE denominator + 7 END "
                                         "WHERE unit_id = %s AND indicator_id = %s AND year = %s AND period = '%s';",
                                         f[1], f[2], f[3], f[4]);
      }
  }
  plants[3].sql = sql_printf ("DELETE FROM task WHERE id = (SELECT max (t.id) FROM task t JOIN plan p ON p.id = t.plan_id "
                              "WHERE p.number = %Q);", template);

  for (guint i = 0; i < G_N_ELEMENTS (plants); i++)
    {
      g_autofree char *found = NULL;
      g_autoptr(GdnnStore) store = NULL;

      copy_db (db, check);
      store = gdnn_store_open (check, GDNN_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      gdnn_test_exec (store, plants[i].sql);
      g_assert_cmpint (sqlite3_changes (gdnn_store_get_db (store)), ==, 1);
      g_clear_object (&store);
      found = verify (check, &m);
      g_test_message ("%s: %s", plants[i].what, found ? found : "NOT FOUND");
      g_assert_nonnull (found);
      g_free (plants[i].sql);
    }
  model_destroy (&m);
}

/* ------------------------------------------------------------------ */
/* The command line, as a user runs it                                   */

typedef enum
{
  CHILD_PLAIN,
  CHILD_FILE_SIZE_LIMIT,   /* RLIMIT_FSIZE = child_limit */
  CHILD_NOBODY,            /* setuid to nobody (65534); exits 77 when it cannot */
} ChildMode;

static rlim_t child_limit;

static void
child_setup (gpointer data)
{
  ChildMode mode = GPOINTER_TO_INT (data);

  if (mode == CHILD_FILE_SIZE_LIMIT)
    {
      struct rlimit limit = { child_limit, RLIM_INFINITY };
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
    }
  else if (mode == CHILD_NOBODY)
    {
      if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
        _exit (77);
    }
}

/* Runs gdnn-report with @args in Vietnamese; returns its exit status and
 * its standard error in @err. */
static int
run_cli (ChildMode    mode,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (argv, cli_path);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (mode), NULL);
  cli = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (cli == NULL && mode == CHILD_NOBODY)
    return 77;   /* nobody may not reach the program's folder */
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (cli) ? g_subprocess_get_exit_status (cli) : 128;
}

/* ------------------------------------------------------------------ */
/* /crash/full-disk                                                      */

typedef enum
{
  FULL_TMPFS,
  FULL_FILE_SIZE_LIMIT,
} FullMethod;

/* Fills the tmpfs at @dir, leaving about @headroom bytes free. */
static char *
fill_tmpfs (const char *dir,
            gsize       headroom)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  static char block[64 * 1024];
  goffset written = 0;
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize n = write (fd, block, sizeof block);
      if (n <= 0)
        break;
      written += n;
    }
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (ftruncate (fd, MAX (written - (goffset) headroom, 0)), ==, 0);
  close (fd);
  return filler;
}

static void
set_file_size_limit (rlim_t soft)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = soft;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
assert_plans_whole (GdnnStore  *store,
                    const char *base)
{
  g_autofree char *base_counts = plan_counts (gdnn_store_get_db (store), base);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (gdnn_store_get_db (store), "SELECT number FROM plan WHERE number LIKE 'FULL-%';", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *now = plan_counts (gdnn_store_get_db (store), (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpstr (now, ==, base_counts);
    }
  sqlite3_finalize (stmt);
}

static void
assert_clean (GdnnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = gdnn_store_check (store, &error);
  g_autofree char *integrity = gdnn_test_query_text (store, "PRAGMA integrity_check;");

  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpuint (problems->len, ==, 0);
}

static gint64
count_plan (GdnnStore  *store,
            const char *number)
{
  g_autofree char *q = sql_printf ("SELECT count(*) FROM plan WHERE number = %Q;", number);
  return gdnn_test_query_int (store, q);
}

static void
run_full_disk (const char *dir,
               FullMethod  method)
{
  g_autofree char *db = g_build_filename (dir, "gdnn.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *filler = NULL;
  g_autofree char *cli_template = write_template ("FULL-cli");
  g_autofree char *cli_err = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) value = gdnn_value_new ();
  g_autofree char *failed_path = NULL;
  g_autofree char *failed_number = NULL;
  g_autofree char *value_sql = NULL;
  gint64 log_before;
  guint imported = 0;
  int status;

  copy_file (pristine, db);
  store = gdnn_store_open (db, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  gdnn_store_set_user (store, "Người kiểm thử");

  /* The saved state the failure must leave intact: a plan and a value. */
  {
    g_autofree char *first = write_template ("FULL-0");
    g_assert_cmpint (gdnn_plan_template_import_file (store, first, &error), >, 0);
    g_assert_no_error (error);
  }
  value->unit_id = gdnn_test_query_int (store, "SELECT v.unit_id FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                                "WHERE i.measure = 'count' AND v.period = 'year' ORDER BY v.id LIMIT 1;");
  value->indicator_id = gdnn_test_query_int (store, "SELECT v.indicator_id FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                                     "WHERE i.measure = 'count' AND v.period = 'year' ORDER BY v.id LIMIT 1;");
  value->year = gdnn_test_query_int (store, "SELECT v.year FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                             "WHERE i.measure = 'count' AND v.period = 'year' ORDER BY v.id LIMIT 1;");
  value->period = g_strdup ("year");
  value->has_numerator = TRUE;
  value->numerator = 4242;
  g_assert_true (gdnn_store_set_value (store, value, &error));
  g_assert_no_error (error);
  value_sql = g_strdup_printf ("SELECT numerator FROM value WHERE unit_id = %" G_GINT64_FORMAT
                               " AND indicator_id = %" G_GINT64_FORMAT " AND year = %d AND period = 'year';",
                               value->unit_id, value->indicator_id, value->year);

  /* Fill the disk, leaving less room than a few plan imports need. */
  if (method == FULL_TMPFS)
    filler = fill_tmpfs (dir, 96 * 1024);
  else
    {
      child_limit = MAX (file_size (db), file_size (wal)) + 96 * 1024;
      set_file_size_limit (child_limit);
    }

  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *number = g_strdup_printf ("FULL-%u", i);
      g_autofree char *path = write_template (number);

      log_before = gdnn_test_query_int (store, "SELECT max (id) FROM change_log;");
      if (gdnn_plan_template_import_file (store, path, &error) <= 0)
        {
          failed_path = g_steal_pointer (&path);
          failed_number = g_steal_pointer (&number);
          break;
        }
      imported++;
    }
  g_assert_nonnull (failed_path);
  g_test_message ("%s: the import failed after %u plans: %s",
                  method == FULL_TMPFS ? "tmpfs" : "RLIMIT_FSIZE", imported, error->message);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FULL);
  gdnn_test_assert_contains (error->message, MSG_FULL);
  g_clear_error (&error);

  /* Nothing half-written; the state before it intact. */
  g_assert_cmpint (count_plan (store, failed_number), ==, 0);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT max (id) FROM change_log;"), ==, log_before);
  g_assert_cmpint (gdnn_test_query_int (store, value_sql), ==, 4242);
  assert_plans_whole (store, "401/KH-UBND");
  assert_clean (store);

  /* The command line says the same. */
  status = run_cli (method == FULL_TMPFS ? CHILD_PLAIN : CHILD_FILE_SIZE_LIMIT, &cli_err,
                    "--db", db, "plans", "import", cli_template, NULL);
  g_test_message ("gdnn-report plans import on the full disk: exit %d: %s", status, cli_err);
  g_assert_cmpint (status, !=, 0);
  gdnn_test_assert_contains (cli_err, MSG_FULL);
  g_assert_cmpint (count_plan (store, "FULL-cli"), ==, 0);
  assert_clean (store);

  /* Room again: the same import works. */
  if (method == FULL_TMPFS)
    g_assert_cmpint (g_unlink (filler), ==, 0);
  else
    set_file_size_limit (RLIM_INFINITY);
  g_assert_cmpint (gdnn_plan_template_import_file (store, failed_path, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = gdnn_store_open (db, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_plan (store, failed_number), ==, 1);
  g_assert_cmpint (gdnn_test_query_int (store, value_sql), ==, 4242);
  assert_plans_whole (store, "401/KH-UBND");
  assert_clean (store);
}

static void
test_full_disk_tmpfs (void)
{
  g_autofree char *dir = g_build_filename (root_dir, "full-tmpfs", NULL);

  /* A loop-mounted ext4 image needs the same right to mount as a tmpfs,
   * so it is not tried when a tmpfs cannot be mounted. */
  if (!have_namespace)
    {
      g_test_skip_printf ("skipped because no private mount namespace can be made here (%s); "
                          "/crash/full-disk/file-size-limit covers the full disk", namespace_reason);
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=4m,mode=0755") != 0)
    {
      g_test_skip_printf ("skipped because a tmpfs cannot be mounted (%s); "
                          "/crash/full-disk/file-size-limit covers the full disk", g_strerror (errno));
      return;
    }
  g_test_message ("full disk: a 4 MiB tmpfs in a private mount namespace");
  run_full_disk (dir, FULL_TMPFS);
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

static void
test_full_disk_file_size_limit (void)
{
  g_autofree char *dir = g_build_filename (root_dir, "full-rlimit", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_test_message ("full disk: RLIMIT_FSIZE (writes past the limit fail with EFBIG)");
  run_full_disk (dir, FULL_FILE_SIZE_LIMIT);
}

/* ------------------------------------------------------------------ */
/* /crash/read-only                                                      */

/* The store and the command line refuse the file at @db with a clear
 * message, and nothing in its folder changes. */
static void
check_read_only (const char *db,
                 gboolean    in_process,
                 ChildMode   mode)
{
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *csv = g_build_filename (root_dir, "values.csv", NULL);
  g_autofree char *sha = file_sha256 (db);
  g_autofree char *listing = dir_listing (dir);
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sha_after = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_file_set_contents (csv, "unit_code,plan,indicator_code,year,numerator,denominator,note\n"
                            "BG-CD01,401/KH-UBND,I.2.a.1,2026,10,20,\n", -1, &error);
  g_assert_no_error (error);
  g_chmod (csv, 0644);

  if (in_process)
    {
      g_autoptr(GdnnStore) store = gdnn_store_open (db, GDNN_STORE_OPEN_DEFAULT, &error);

      g_assert_null (store);
      g_test_message ("gdnn_store_open: %s", error->message);
      g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_READONLY);
      /* Vietnamese once po/frag-crash.po is merged into vi.po. */
      if (strstr (error->message, MSG_READONLY) == NULL)
        gdnn_test_assert_contains (error->message, "read-only");
    }

  status = run_cli (mode, &err, "--db", db, "values", "import", csv, NULL);
  if (status == 77 && mode == CHILD_NOBODY)
    {
      g_test_skip ("skipped because the command line cannot be run as nobody here "
                   "(no right to switch user, or the build folder is closed to other users)");
      return;
    }
  g_test_message ("gdnn-report values import: exit %d: %s", status, err);
  g_assert_cmpint (status, !=, 0);
  if (strstr (err, MSG_READONLY) == NULL)
    gdnn_test_assert_contains (err, "read-only");

  sha_after = file_sha256 (db);
  after = dir_listing (dir);
  g_assert_cmpstr (sha_after, ==, sha);
  g_assert_cmpstr (after, ==, listing);
  read_only_variants++;
}

static char *
read_only_copy (const char *name)
{
  g_autofree char *dir = g_build_filename (root_dir, name, NULL);
  char *db = g_build_filename (dir, "gdnn.db", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  copy_file (pristine, db);
  return db;
}

static void
test_read_only_mount (void)
{
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;

  if (!have_namespace)
    {
      g_test_skip_printf ("skipped because no private mount namespace can be made here (%s)", namespace_reason);
      return;
    }
  db = read_only_copy ("ro-mount");
  dir = g_path_get_dirname (db);
  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0 ||
      mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
    {
      g_test_skip_printf ("skipped because a read-only bind mount cannot be made (%s)", g_strerror (errno));
      return;
    }
  g_test_message ("read-only: a read-only bind mount");
  check_read_only (db, TRUE, CHILD_PLAIN);
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

static gboolean
set_immutable (const char *path,
               gboolean    on,
               int        *saved_errno)
{
  int fd = g_open (path, O_RDONLY, 0);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  *saved_errno = errno;
  close (fd);
  return ok;
}

static void
test_read_only_immutable (void)
{
  g_autofree char *db = read_only_copy ("ro-immutable");
  int saved_errno = 0;

  if (!set_immutable (db, TRUE, &saved_errno))
    {
      g_test_skip_printf ("skipped because this file system or user cannot make a file immutable (%s)",
                          g_strerror (saved_errno));
      return;
    }
  g_test_message ("read-only: an immutable file (chattr +i)");
  check_read_only (db, TRUE, CHILD_PLAIN);
  g_assert_true (set_immutable (db, FALSE, &saved_errno));
}

static void
test_read_only_permissions (void)
{
  g_autofree char *db = read_only_copy ("ro-permissions");
  g_autofree char *dir = g_path_get_dirname (db);

  if (geteuid () != 0)
    {
      g_test_message ("read-only: file mode 0444 in a folder of mode 0555");
      g_assert_cmpint (g_chmod (db, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      check_read_only (db, TRUE, CHILD_PLAIN);
      g_chmod (dir, 0755);
      g_chmod (db, 0644);
      return;
    }
  /* Root writes whatever the mode says: the command line runs as nobody,
   * for whom the root-owned file and folder are read-only. A copy of the
   * program (it links only system libraries dynamically) in a folder
   * nobody can reach, as the build folder may be closed to others. */
  {
    g_autofree char *bin = g_build_filename (root_dir, "bin", NULL);
    g_autofree char *copy = g_build_filename (bin, "gdnn-report", NULL);
    g_autofree char *original = g_steal_pointer (&cli_path);

    g_test_message ("read-only: a file of root's, the command line run as nobody");
    g_assert_cmpint (g_mkdir (bin, 0755), ==, 0);
    copy_file (original, copy);
    g_assert_cmpint (g_chmod (copy, 0755), ==, 0);
    g_assert_cmpint (g_chmod (root_dir, 0755), ==, 0);
    cli_path = g_steal_pointer (&copy);
    check_read_only (db, FALSE, CHILD_NOBODY);
    g_free (cli_path);
    cli_path = g_steal_pointer (&original);
    g_chmod (root_dir, 0700);
  }
}

static void
test_read_only_covered (void)
{
  g_test_message ("%u read-only variants ran", read_only_variants);
  g_assert_cmpuint (read_only_variants, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  /* Before any thread starts: a private mount namespace of this process
   * (and its children), so that mounts for the tests touch nothing else. */
  if (unshare (CLONE_NEWNS) != 0)
    namespace_reason = g_strdup_printf ("unshare: %s", g_strerror (errno));
  else if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    namespace_reason = g_strdup_printf ("mount --make-rprivate: %s", g_strerror (errno));
  else
    have_namespace = TRUE;

  /* Writes past RLIMIT_FSIZE fail with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);

  g_unsetenv ("LANGUAGE");
  gdnn_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  worker_path = g_strdup (g_getenv ("GDNN_CRASH_WORKER"));
  cli_path = g_strdup (g_getenv ("GDNN_REPORT"));
  if (worker_path == NULL || cli_path == NULL)
    {
      g_printerr ("GDNN_CRASH_WORKER and GDNN_REPORT must name the worker and gdnn-report\n");
      return 1;
    }
  prepare_materials ();

  g_test_add_func ("/crash/checker", test_checker);
  g_test_add_func ("/crash/kill", test_kill);
  g_test_add_func ("/crash/full-disk/tmpfs", test_full_disk_tmpfs);
  g_test_add_func ("/crash/full-disk/file-size-limit", test_full_disk_file_size_limit);
  g_test_add_func ("/crash/read-only/mount", test_read_only_mount);
  g_test_add_func ("/crash/read-only/immutable", test_read_only_immutable);
  g_test_add_func ("/crash/read-only/permissions", test_read_only_permissions);
  g_test_add_func ("/crash/read-only/covered", test_read_only_covered);
  rc = g_test_run ();

  if (rc == 0)
    gdnn_test_remove_tree (root_dir);
  else
    g_printerr ("The files of this run are kept in %s\n", root_dir);
  g_free (root_dir);
  g_free (pristine);
  g_free (materials);
  g_free (worker_path);
  g_free (cli_path);
  g_free (namespace_reason);
  return rc;
}
