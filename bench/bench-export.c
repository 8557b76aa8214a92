/* bench-export.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long exporting the yearly report of a large plan takes (60
 * indicators with 10 years of values, 80 tasks, 12 budget lines by
 * default): building the document model from the database, writing the
 * XLSX, writing the PDF. In the same run, LibreOffice (headless) converts
 * the XLSX we produced to PDF, the way a user without this program would
 * get a PDF; the ratio of the two is the number the README quotes.
 *
 *   bench-export [--indicators N] [--years N] [--tasks N] [--budget-lines N]
 *                [--year YYYY] [--rounds N] [--soffice PATH] [--keep DIR]
 *
 * LibreOffice runs with a private profile in the temporary directory,
 * never the user's. Its first conversion (a new profile, a cold start of
 * the office suite) and the following ones are reported apart. Without
 * soffice the comparison is reported as not measured. No GTK here. */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "gdnn-bench-data.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-pdf.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-bench-stats.h"

typedef struct
{
  const char *name;
  GArray     *ms;      /* of double: wall-clock time, one sample per round */
  GArray     *cpu;     /* of double: CPU time (user + system) */
} Measure;

/* A point in time: the wall clock and the CPU time used so far, of this
 * process or of its finished children. */
typedef struct
{
  double wall, cpu;
} Stamp;

static Stamp
stamp (int who)
{
  struct rusage u;
  Stamp s;

  getrusage (who, &u);
  s.wall = gdnn_bench_now_ms ();
  s.cpu = (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
  return s;
}

static void
add (Measure *m,
     Stamp    from,
     Stamp    to)
{
  double wall = to.wall - from.wall, cpu = to.cpu - from.cpu;

  g_array_append_val (m->ms, wall);
  g_array_append_val (m->cpu, cpu);
}

/* @m's samples plus @n's, round by round. */
static void
add_sum (Measure       *m,
         const Measure *parts[],
         guint          n_parts)
{
  guint round = parts[0]->ms->len - 1;
  double wall = 0, cpu = 0;

  for (guint i = 0; i < n_parts; i++)
    {
      wall += g_array_index (parts[i]->ms, double, round);
      cpu += g_array_index (parts[i]->cpu, double, round);
    }
  g_array_append_val (m->ms, wall);
  g_array_append_val (m->cpu, cpu);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (goffset) st.st_size : -1;
}

/* One conversion of @xlsx to PDF by LibreOffice into @outdir, added to
 * @m. FALSE when LibreOffice failed or wrote no PDF (the reason is
 * printed). */
static gboolean
soffice_convert (Measure    *m,
                 const char *soffice,
                 const char *profile_uri,
                 const char *xlsx,
                 const char *outdir,
                 const char *pdf_expected)
{
  g_autofree char *env_arg = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  const char *argv[] = {
    soffice, env_arg, "--headless", "--norestore", "--nolockcheck",
    "--convert-to", "pdf", "--outdir", outdir, xlsx, NULL,
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  Stamp t0, t1;

  g_unlink (pdf_expected);
  t0 = stamp (RUSAGE_CHILDREN);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    {
      g_printerr ("LibreOffice could not be started: %s\n", error->message);
      return FALSE;
    }
  t1 = stamp (RUSAGE_CHILDREN);
  if (!g_spawn_check_wait_status (status, &error) || file_size (pdf_expected) <= 0)
    {
      g_printerr ("LibreOffice did not convert %s: %s\n%s%s", xlsx,
                  error != NULL ? error->message : "no PDF written", out, err);
      return FALSE;
    }
  add (m, t0, t1);
  if (g_getenv ("BENCH_TRACE") != NULL)
    g_printerr ("LibreOffice: %.1f ms (CPU %.1f ms)\n", t1.wall - t0.wall, t1.cpu - t0.cpu);
  return TRUE;
}

static void
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autofree char *dest = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_mkdir_with_parents (dir, 0755);
  if (g_file_get_contents (from, &data, &len, NULL))
    g_file_set_contents (dest, data, (gssize) len, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int n_indicators = 60, n_years = 10, n_tasks = 80, n_budget = 12, year = 2025, rounds = 5;
  char *soffice_opt = NULL;
  char *keep = NULL;
  const GOptionEntry entries[] = {
    { "indicators", 0, 0, G_OPTION_ARG_INT, &n_indicators, "Indicators in the plan (60)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &n_years, "Years of values from 2021 (10)", "N" },
    { "tasks", 0, 0, G_OPTION_ARG_INT, &n_tasks, "Tasks in the plan (80)", "N" },
    { "budget-lines", 0, 0, G_OPTION_ARG_INT, &n_budget, "Budget lines of the plan (12)", "N" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "The year reported on (2025)", "YYYY" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Repetitions of each operation (5)", "N" },
    { "soffice", 0, 0, G_OPTION_ARG_FILENAME, &soffice_opt, "LibreOffice's soffice (default: from PATH)", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Copy the exported files into DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the export of a large yearly report");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *soffice = NULL;
  g_autoptr(GdnnStore) store = NULL;
  /* ASCII names: printf pads bytes, not characters. */
  Measure populate = { "generate the data (not export)" };
  Measure build = { "build the document model" };
  Measure xlsx = { "write XLSX" };
  Measure layout = { "lay out the PDF pages" };
  Measure pdf = { "render and write PDF" };
  Measure ours_pdf = { "ours: database -> PDF (model+layout+write)" };
  Measure total = { "ours: model + XLSX + PDF" };
  Measure lo_cold = { "LibreOffice XLSX -> PDF, first (cold)" };
  Measure lo_warm = { "LibreOffice XLSX -> PDF, next (warm)" };
  Measure *all[] = { &populate, &build, &xlsx, &layout, &pdf, &ours_pdf, &total, &lo_cold, &lo_warm };
  struct rusage usage;
  long our_maxrss_kb;
  guint n_pages = 0;
  gboolean lo_ok = FALSE;
  Stamp t0, t1;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (rounds < 1 || n_years < 2 || n_indicators < 1 || n_tasks < 0 || n_budget < 0 ||
      year < 2021 || year > 2021 + n_years - 1)
    {
      g_printerr ("bench-export: need --rounds >= 1, --years >= 2 and --year within 2021-%d\n", 2021 + n_years - 1);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      all[i]->ms = g_array_new (FALSE, FALSE, sizeof (double));
      all[i]->cpu = g_array_new (FALSE, FALSE, sizeof (double));
    }

  dir = g_dir_make_tmp ("gdnn-bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "bench.db", NULL);
  xlsx_path = g_build_filename (dir, "report.xlsx", NULL);
  pdf_path = g_build_filename (dir, "report.pdf", NULL);

  store = gdnn_store_open (db_path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = stamp (RUSAGE_SELF);
  if (!gdnn_bench_populate (store, (guint) n_indicators, (guint) n_years, (guint) n_tasks, &error) ||
      !gdnn_bench_populate_budget (store, (guint) n_budget, &error))
    g_error ("%s", error->message);
  add (&populate, t0, stamp (RUSAGE_SELF));

  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(GdnnReportDoc) doc = NULL;
      g_autoptr(GdnnReportPdf) pages = NULL;

      t0 = stamp (RUSAGE_SELF);
      doc = gdnn_report_doc_build_by_code (store, GDNN_BENCH_UNIT, GDNN_BENCH_PLAN, year, NULL, &error);
      if (doc == NULL)
        g_error ("%s", error->message);
      add (&build, t0, t1 = stamp (RUSAGE_SELF));

      t0 = t1;
      if (!gdnn_report_xlsx_write (doc, xlsx_path, &error))
        g_error ("%s", error->message);
      add (&xlsx, t0, t1 = stamp (RUSAGE_SELF));

      /* gdnn_report_pdf_export () in two steps: the pages are laid out
       * on first use. */
      t0 = t1;
      pages = gdnn_report_pdf_new (doc);
      n_pages = gdnn_report_pdf_get_n_pages (pages);
      add (&layout, t0, t1 = stamp (RUSAGE_SELF));
      t0 = t1;
      if (!gdnn_report_pdf_write (pages, pdf_path, &error))
        g_error ("%s", error->message);
      add (&pdf, t0, stamp (RUSAGE_SELF));

      add_sum (&ours_pdf, (const Measure *[]) { &build, &layout, &pdf }, 3);
      add_sum (&total, (const Measure *[]) { &build, &xlsx, &layout, &pdf }, 4);
      if (g_getenv ("BENCH_TRACE") != NULL)
        g_printerr ("round %d: model %.1f, xlsx %.1f, layout %.1f, pdf %.1f ms\n", r + 1,
                    g_array_index (build.ms, double, r), g_array_index (xlsx.ms, double, r),
                    g_array_index (layout.ms, double, r), g_array_index (pdf.ms, double, r));
    }

  /* Our own peak memory, before LibreOffice runs (a child's memory is
   * not counted as ours anyway). */
  getrusage (RUSAGE_SELF, &usage);
  our_maxrss_kb = usage.ru_maxrss;

  /* LibreOffice converts the XLSX we wrote last: once with a new profile
   * (its first start), then @rounds times more. */
  soffice = soffice_opt != NULL ? g_strdup (soffice_opt) : g_find_program_in_path ("soffice");
  if (soffice == NULL && soffice_opt == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice != NULL)
    {
      g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
      g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, &error);
      g_autofree char *outdir = g_build_filename (dir, "lo-out", NULL);
      g_autofree char *lo_pdf = g_build_filename (outdir, "report.pdf", NULL);

      g_assert_no_error (error);
      g_mkdir_with_parents (outdir, 0700);
      lo_ok = TRUE;
      for (int r = 0; r <= rounds && lo_ok; r++)
        lo_ok = soffice_convert (r == 0 ? &lo_cold : &lo_warm, soffice, profile_uri, xlsx_path, outdir, lo_pdf);
      if (lo_ok && keep != NULL)
        copy_file (lo_pdf, keep, "report-libreoffice.pdf");
    }
  if (keep != NULL)
    {
      copy_file (xlsx_path, keep, "report.xlsx");
      copy_file (pdf_path, keep, "report.pdf");
    }

  g_print ("Export benchmark: %d indicators x %d years, %d tasks, %d budget lines; report for %d; %d rounds\n",
           n_indicators, n_years, n_tasks, n_budget, year, rounds);
  g_print ("XLSX %" G_GOFFSET_FORMAT " bytes, PDF %" G_GOFFSET_FORMAT " bytes, %u pages\n\n",
           file_size (xlsx_path), file_size (pdf_path), n_pages);
  g_print ("| %-42s | %7s | %9s | %9s | %-16s |\n", "operation", "samples", "median ms", "CPU ms", "LibreOffice/ours");
  g_print ("|--------------------------------------------|--------:|----------:|----------:|------------------|\n");
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      Measure *m = all[i];
      g_autofree char *note = NULL;

      if (m->ms->len == 0)
        continue;
      if (m == &lo_cold || m == &lo_warm)
        note = g_strdup_printf ("%.1f x", gdnn_bench_median (m->ms) / gdnn_bench_median (ours_pdf.ms));
      g_print ("| %-42s | %7u | %9.1f | %9.1f | %16s |\n", m->name, m->ms->len, gdnn_bench_median (m->ms), gdnn_bench_median (m->cpu),
               note != NULL ? note : "");
    }
  g_print ("\npeak memory (max RSS) of this process, %d exports included: %.1f MiB\n", rounds, our_maxrss_kb / 1024.0);
  if (lo_ok)
    {
      getrusage (RUSAGE_CHILDREN, &usage);
      g_print ("peak memory (max RSS) of LibreOffice: %.1f MiB\n", usage.ru_maxrss / 1024.0);
      g_print ("LibreOffice converting our XLSX to PDF takes %.1f x (warm) and %.1f x (cold) the wall-clock time "
               "of our whole database -> PDF export (CPU time: %.1f x warm).\n",
               gdnn_bench_median (lo_warm.ms) / gdnn_bench_median (ours_pdf.ms), gdnn_bench_median (lo_cold.ms) / gdnn_bench_median (ours_pdf.ms),
               gdnn_bench_median (lo_warm.cpu) / gdnn_bench_median (ours_pdf.cpu));
    }
  else if (soffice == NULL)
    g_print ("LibreOffice comparison NOT MEASURED: soffice is not installed "
             "(Debian: apt-get install --no-install-recommends libreoffice-calc-nogui).\n");
  else
    g_print ("LibreOffice comparison NOT MEASURED: %s failed to convert the XLSX (see above).\n", soffice);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_array_unref (all[i]->ms);
      g_array_unref (all[i]->cpu);
    }
  g_clear_object (&store);
  gdnn_bench_remove_tree (dir);
  g_free (soffice_opt);
  g_free (keep);
  return 0;
}
