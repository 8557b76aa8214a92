/* bench-import.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the reviewing office's import of many submitted reports takes
 * (issue 6, item 8). 300 units by default each export their yearly report
 * on the bench plan (60 indicators, 80 tasks) with our own writer (not
 * measured); then:
 *   - read: the hardened reader parses every workbook (the hidden data
 *     sheet, every field checked, the visible cells compared);
 *   - import: read + check + store each file in its own transaction into
 *     a fresh reviewer database (gdnn_submission_import_files ());
 * and, in the same run, python3-openpyxl reads the same files the same way
 * (bench/read-submissions-openpyxl.py): the data sheet's records and the
 * visible cells they name. The ratio is the number the README quotes.
 *
 *   bench-import [--units N] [--indicators N] [--tasks N] [--rounds N]
 *                [--python PATH]
 *
 * No GTK here. */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "gdnn-bench-data.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-submission-import.h"
#include "gdnn-submission-read.h"
#include "gdnn-bench-stats.h"

typedef struct
{
  const char *name;
  GArray     *ms;
} Measure;

static void
add (Measure *m,
     double   ms)
{
  g_array_append_val (m->ms, ms);
}

/* A reviewer database: the bench plan, none of the submitting units. */
static GdnnStore *
open_reviewer (const char *path,
               int         n_indicators,
               int         n_tasks)
{
  g_autoptr(GError) error = NULL;
  GdnnStore *store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);

  if (store == NULL || !gdnn_bench_populate (store, (guint) n_indicators, 10, (guint) n_tasks, &error))
    g_error ("%s", error->message);
  return store;
}

int
main (int   argc,
      char *argv[])
{
  int n_units = 300, n_indicators = 60, n_tasks = 80, rounds = 3, year = 2025;
  char *python_opt = NULL;
  const GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &n_units, "Submitting units (300)", "N" },
    { "indicators", 0, 0, G_OPTION_ARG_INT, &n_indicators, "Indicators in the plan (60)", "N" },
    { "tasks", 0, 0, G_OPTION_ARG_INT, &n_tasks, "Tasks in the plan (80)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Repetitions of each measure (3)", "N" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &python_opt, "Python with openpyxl (/usr/bin/python3)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time importing many submitted reports");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *src_path = NULL;
  g_autofree char *files_dir = NULL;
  g_autoptr(GdnnStore) source = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  Measure generate = { "generate: export every unit's XLSX (not compared)" };
  Measure read = { "ours: read + check every file (no database)" };
  Measure import = { "ours: import (read + check + store each file)" };
  Measure peer = { "openpyxl: read the same files the same way" };
  Measure *all[] = { &generate, &read, &import, &peer };
  struct rusage usage;
  long our_maxrss_kb;
  goffset bytes = 0;
  guint differences = 0;
  gboolean peer_ok = FALSE;
  double t0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_units < 1 || n_indicators < 1 || n_tasks < 0 || rounds < 1)
    {
      g_printerr ("bench-import: need --units, --indicators, --rounds >= 1\n");
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    all[i]->ms = g_array_new (FALSE, FALSE, sizeof (double));

  dir = g_dir_make_tmp ("gdnn-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  src_path = g_build_filename (dir, "units.db", NULL);
  files_dir = g_build_filename (dir, "received", NULL);
  g_mkdir (files_dir, 0700);

  /* The units' side: one database holding every unit, each exporting. */
  source = open_reviewer (src_path, n_indicators, n_tasks);
  if (!gdnn_bench_add_units (source, (guint) n_units, &error))
    g_error ("%s", error->message);
  t0 = gdnn_bench_now_ms ();
  for (int i = 1; i <= n_units; i++)
    {
      g_autofree char *code = g_strdup_printf (GDNN_BENCH_UNIT_PREFIX "%03d", i);
      g_autofree char *name = g_strdup_printf ("bao-cao_%s.xlsx", code);
      g_autofree char *path = g_build_filename (files_dir, name, NULL);
      g_autoptr(GdnnReportDoc) doc = gdnn_report_doc_build_by_code (source, code, GDNN_BENCH_PLAN, year, NULL, &error);
      GStatBuf st;

      if (doc == NULL || !gdnn_report_xlsx_write (doc, path, &error))
        g_error ("%s", error->message);
      if (g_stat (path, &st) == 0)
        bytes += st.st_size;
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  add (&generate, gdnn_bench_now_ms () - t0);
  g_clear_object (&source);

  for (int r = 0; r < rounds; r++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/reviewer-%d.db", dir, r);
      g_autoptr(GdnnStore) reviewer = open_reviewer (db_path, n_indicators, n_tasks);
      g_autoptr(GPtrArray) outcomes = NULL;

      t0 = gdnn_bench_now_ms ();
      differences = 0;
      for (guint i = 0; i < paths->len; i++)
        {
          g_autoptr(GdnnSubmission) submission = gdnn_submission_read_file (g_ptr_array_index (paths, i), &error);
          if (submission == NULL)
            g_error ("%s", error->message);
          differences += submission->differences->len;
        }
      add (&read, gdnn_bench_now_ms () - t0);

      t0 = gdnn_bench_now_ms ();
      outcomes = gdnn_submission_import_files (reviewer, paths, NULL, NULL, NULL);
      add (&import, gdnn_bench_now_ms () - t0);
      for (guint i = 0; i < outcomes->len; i++)
        {
          GdnnImportOutcome *outcome = g_ptr_array_index (outcomes, i);
          if (!outcome->ok)
            g_error ("import refused %s: %s", outcome->file_name, outcome->message);
        }
      if (gdnn_store_count_rows (reviewer, "submission") != n_units)
        g_error ("expected %d submissions, the database has %lld", n_units,
                 (long long) gdnn_store_count_rows (reviewer, "submission"));
    }

  getrusage (RUSAGE_SELF, &usage);
  our_maxrss_kb = usage.ru_maxrss;

  {
    g_autofree char *python = g_strdup (python_opt != NULL ? python_opt : "/usr/bin/python3");
    g_autofree char *here = g_path_get_dirname (__FILE__);
    g_autofree char *script = g_build_filename (here, "read-submissions-openpyxl.py", NULL);
    g_autoptr(GPtrArray) args = g_ptr_array_new ();

    if (!g_file_test (script, G_FILE_TEST_EXISTS))
      {
        g_free (script);
        script = g_strdup ("bench/read-submissions-openpyxl.py");
      }
    g_ptr_array_add (args, python);
    g_ptr_array_add (args, script);
    for (guint i = 0; i < paths->len; i++)
      g_ptr_array_add (args, g_ptr_array_index (paths, i));
    g_ptr_array_add (args, NULL);
    for (int r = 0; r < rounds; r++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        int status = 0;

        g_clear_error (&error);
        t0 = gdnn_bench_now_ms ();
        peer_ok = g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                &status, &error) && g_spawn_check_wait_status (status, &error);
        if (!peer_ok)
          {
            g_printerr ("openpyxl run failed: %s\n%s", error != NULL ? error->message : "", err != NULL ? err : "");
            break;
          }
        add (&peer, gdnn_bench_now_ms () - t0);
        if (g_getenv ("BENCH_TRACE") != NULL)
          g_printerr ("openpyxl: %s", out);
      }
  }

  g_print ("Import benchmark: %d submitted reports (%d indicators, %d tasks each; %.1f MiB of XLSX); %d rounds\n",
           n_units, n_indicators, n_tasks, bytes / 1048576.0, rounds);
  g_print ("visible cells differing from the data sheet (expected 0): %u\n\n", differences);
  g_print ("| %-50s | %7s | %9s | %9s | %-13s |\n", "operation", "samples", "median ms", "per file", "openpyxl/ours");
  g_print ("|----------------------------------------------------|--------:|----------:|----------:|---------------|\n");
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      Measure *m = all[i];
      g_autofree char *note = NULL;

      if (m->ms->len == 0)
        continue;
      if ((m == &read || m == &import) && peer.ms->len > 0)
        note = g_strdup_printf ("%.1f x", gdnn_bench_median (peer.ms) / gdnn_bench_median (m->ms));
      g_print ("| %-50s | %7u | %9.1f | %9.2f | %13s |\n", m->name, m->ms->len, gdnn_bench_median (m->ms),
               gdnn_bench_median (m->ms) / n_units, note != NULL ? note : "");
    }
  g_print ("\npeak memory (max RSS) of this process, generation and %d imports included: %.1f MiB\n", rounds,
           our_maxrss_kb / 1024.0);
  if (peer_ok)
    {
      getrusage (RUSAGE_CHILDREN, &usage);
      g_print ("peak memory (max RSS) of python3 + openpyxl: %.1f MiB\n", usage.ru_maxrss / 1024.0);
    }
  else
    g_print ("openpyxl comparison NOT MEASURED (Debian: apt-get install python3-openpyxl).\n");

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_array_unref (all[i]->ms);
  gdnn_bench_remove_tree (dir);
  g_free (python_opt);
  return 0;
}
