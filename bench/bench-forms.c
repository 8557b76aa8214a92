/* bench-forms.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the main thread is blocked while a user works in the forms of
 * a large plan (200 indicators × 10 years, 500 tasks by default): opening
 * the plan, scrolling the value table from top to bottom, typing values,
 * undoing, switching the year, and scrolling every other page. Each main
 * loop iteration is timed; the longest one is the longest stall the user
 * could see. The target is 50 ms.
 *
 *   bench-forms [--indicators N] [--years N] [--tasks N] [--rounds N]
 *
 * Run it under a display (bench/run uses Xvfb). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "gdnn-bench-data.h"
#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-window.h"
#include "gdnn-bench-stats.h"

#define TARGET_MS 50.0

/* What the main thread did during a stretch of time. The wall clock
 * counts, besides the thread's own work (its CPU time), the time it could
 * run but waited for a CPU (other threads and processes had them), the
 * time it was blocked (on the X server's replies, on a lock) and, on a
 * virtual machine, the time the hypervisor gave the CPUs to other guests
 * ("steal"), which the guest counts as neither. */
typedef struct
{
  double wall;     /* ms, monotonic clock */
  double cpu;      /* ms of the main thread's CPU time */
  double wait;     /* ms waiting for a CPU (schedstat's run_delay); < 0: unknown */
  double steal;    /* ms stolen from all the CPUs (/proc/stat, 10 ms ticks); < 0: unknown */
  double blocks;   /* times the thread went to sleep (voluntary context switches); < 0: unknown */
} Probe;

typedef struct
{
  const char *name;
  GArray     *ms;          /* of double: one sample per run of the operation */
  double      worst;       /* the longest stall */
  double      worst_cpu;   /* the longest CPU time of one iteration */
  Probe       worst_stall; /* what the longest stall was made of */
  double      worst_calm;  /* the longest stall while no CPU time was stolen */
  double      worst_cpu_steal; /* CPU time stolen during the iteration of worst_cpu */
} Measure;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The machine's CPU time so far from /proc/stat's "cpu" line: all of it,
 * and the part a hypervisor gave to other guests ("steal"), in ticks.
 * FALSE where there is no such file. */
static gboolean
read_cpu_ticks (guint64 *total,
                guint64 *steal)
{
  g_autofree char *stat = NULL;
  guint64 v[8] = { 0 };

  if (!g_file_get_contents ("/proc/stat", &stat, NULL, NULL) ||
      sscanf (stat, "cpu %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
              &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) != 8)
    return FALSE;
  *total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
  *steal = v[7];
  return TRUE;
}

/* A number after @key in a /proc file, or -1. */
static double
proc_number (const char *path,
             const char *key)
{
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (at = strstr (text, key)) == NULL)
    return -1;
  return g_ascii_strtod (at + strlen (key), NULL);
}

static void
probe_read (Probe *p)
{
  guint64 total, steal;

  p->wait = -1;
  {
    g_autofree char *stat = NULL;
    guint64 on_cpu, waited;

    /* schedstat: time on a CPU, time waiting for one (ns), time slices. */
    if (g_file_get_contents ("/proc/thread-self/schedstat", &stat, NULL, NULL) &&
        sscanf (stat, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &on_cpu, &waited) == 2)
      p->wait = waited / 1e6;
  }
  /* USER_HZ, the unit of /proc/stat, is 100 on Linux. */
  p->steal = read_cpu_ticks (&total, &steal) ? steal * 10.0 : -1;
  p->blocks = proc_number ("/proc/thread-self/status", "\nvoluntary_ctxt_switches:");
  p->cpu = cpu_ms ();
  p->wall = gdnn_bench_now_ms ();
}

/* @end becomes what happened since @start. */
static void
probe_since (Probe       *end,
             const Probe *start)
{
  Probe now;

  now.wall = gdnn_bench_now_ms ();
  now.cpu = cpu_ms ();
  probe_read (end);
  end->wall = now.wall - start->wall;
  end->cpu = now.cpu - start->cpu;
  end->wait = start->wait >= 0 && end->wait >= 0 ? end->wait - start->wait : -1;
  end->steal = start->steal >= 0 && end->steal >= 0 ? end->steal - start->steal : -1;
  end->blocks = start->blocks >= 0 && end->blocks >= 0 ? end->blocks - start->blocks : -1;
}

/* The last synchronous call, settle()'s longest iteration, and the
 * longest CPU time of one of its iterations. */
static Probe call, settle_worst;
static double settle_worst_cpu, settle_worst_cpu_steal;
/* The longest iteration of settle() during which the hypervisor stole
 * no CPU time from the machine. */
static double settle_calm_worst;
/* When they began, on the monotonic clock (for matching a profiler's
 * samples), and how long after the start of settle() its worst came. */
static double call_from, settle_worst_from, settle_worst_at;

/* Around a synchronous call: call_begin(), the call, then call_end()
 * returns how long it took. */
static void
call_begin (void)
{
  probe_read (&call);
  call_from = call.wall;
}

static double
call_end (void)
{
  Probe start = call;

  probe_since (&call, &start);
  return call.wall;
}

/* Runs the main loop until it has been idle for @quiet_ms, timing each
 * iteration; returns the longest. */
static double
settle (guint quiet_ms)
{
  double last_busy = gdnn_bench_now_ms (), start = last_busy;

  memset (&settle_worst, 0, sizeof settle_worst);
  settle_worst_cpu = settle_worst_cpu_steal = settle_calm_worst = 0;
  while (gdnn_bench_now_ms () - last_busy < quiet_ms)
    {
      Probe before, it;
      gboolean busy;

      probe_read (&before);
      busy = g_main_context_iteration (NULL, FALSE);
      probe_since (&it, &before);
      if (it.wall > settle_worst.wall)
        {
          settle_worst = it;
          settle_worst_from = before.wall;
          settle_worst_at = before.wall - start;
        }
      if (it.cpu > settle_worst_cpu)
        {
          settle_worst_cpu = it.cpu;
          settle_worst_cpu_steal = it.steal;
        }
      if (it.steal == 0)
        settle_calm_worst = MAX (settle_calm_worst, it.wall);
      if (busy)
        last_busy = gdnn_bench_now_ms ();
      else
        g_usleep (500);
    }
  return settle_worst.wall;
}

/* One sample: the longest time the main thread did not return to the
 * user during an operation, either the synchronous call itself or the
 * longest main-loop iteration that followed it. */
static void
record (Measure *m,
        double   sync_ms,
        double   loop_ms)
{
  double stall = MAX (sync_ms, loop_ms);
  const Probe *what = sync_ms >= loop_ms ? &call : &settle_worst;

  g_array_append_val (m->ms, stall);
  if (stall > m->worst)
    {
      m->worst = stall;
      m->worst_stall = *what;
    }
  if (MAX (call.cpu, settle_worst_cpu) > m->worst_cpu)
    {
      m->worst_cpu = MAX (call.cpu, settle_worst_cpu);
      m->worst_cpu_steal = call.cpu >= settle_worst_cpu ? call.steal : settle_worst_cpu_steal;
    }
  m->worst_calm = MAX (m->worst_calm, MAX (call.steal == 0 ? sync_ms : 0, settle_calm_worst));
  if (g_getenv ("BENCH_TRACE") != NULL)
    g_printerr ("%s: %.1f ms (call %.1f, loop %.1f; CPU call %.1f, loop %.1f) call at %.4f s, "
                "worst loop iteration at %.4f–%.4f s; worst: CPU %.1f, wait %.1f, steal %.0f, blocked %.0f×\n",
                m->name, stall, sync_ms, loop_ms, call.cpu, settle_worst_cpu, call_from / 1000.0,
                settle_worst_from / 1000.0, (settle_worst_from + settle_worst.wall) / 1000.0, what->cpu, what->wait,
                what->steal, what->blocks);
  memset (&call, 0, sizeof call);
}

static GtkScrolledWindow *
find_scroller (GtkWidget *root)
{
  if (GTK_IS_SCROLLED_WINDOW (root) && gtk_widget_get_mapped (root))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));
      if (gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj))
        return GTK_SCROLLED_WINDOW (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_entries (GtkWidget *root,
                 GPtrArray *out)
{
  if (GTK_IS_ENTRY (root) && gtk_widget_get_mapped (root) && gtk_widget_get_visible (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, out);
}

/* Scrolls the page's scrolled list from top to bottom in steps of a third
 * of a screen, as a mouse wheel does; one sample per step. */
static guint
scroll_through (GtkWidget *page,
                Measure   *m)
{
  GtkScrolledWindow *scroller = find_scroller (page);
  GtkAdjustment *adj;
  guint steps = 0;

  if (scroller == NULL)
    return 0;
  adj = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adj, 0);
  settle (50);
  while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
    {
      double sync;

      call_begin ();
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) / 3);
      sync = call_end ();
      record (m, sync, settle (20));
      steps++;
    }
  return steps;
}

int
main (int   argc,
      char *argv[])
{
  int n_indicators = 200, n_years = 10, n_tasks = 500, rounds = 3;
  const GOptionEntry entries[] = {
    { "indicators", 0, 0, G_OPTION_ARG_INT, &n_indicators, "Indicators in the plan", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &n_years, "Years of values", "N" },
    { "tasks", 0, 0, G_OPTION_ARG_INT, &n_tasks, "Tasks in the plan", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Repetitions of each operation", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the forms of a large plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  const char *pages[] = { "overview", "values", "tasks", "budget", "charts", "report" };
  Measure measures[] = {
    { "generate the data (not UI)" }, { "open the plan (all pages)" }, { "scroll the value table" },
    { "type a value + Enter" }, { "undo (Ctrl+Z)" }, { "switch the year" }, { "show another page" },
    { "scroll the overview" }, { "scroll the tasks" }, { "scroll the budget" }, { "scroll the charts" },
    { "scroll the report" },
  };
  GdnnWindow *window;
  Measure *worst_of = NULL, *worst_cpu_of = NULL;
  double t0, worst = 0, worst_cpu = 0, worst_calm = 0;
  guint64 total0 = 0, steal0 = 0, total1 = 0, steal1 = 0;
  gboolean ok, have_ticks;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    measures[i].ms = g_array_new (FALSE, FALSE, sizeof (double));

  gdnn_i18n_init ();
  adw_init ();

  dir = g_dir_make_tmp ("gdnn-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "bench.db", NULL);
  store = gdnn_store_open (db_path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = gdnn_bench_now_ms ();
  if (!gdnn_demo_populate (store, 2026, &error) ||
      !gdnn_bench_populate (store, (guint) n_indicators, (guint) n_years, (guint) n_tasks, &error))
    g_error ("%s", error->message);
  g_array_append_vals (measures[0].ms, (double[]) { gdnn_bench_now_ms () - t0 }, 1);

  app = adw_application_new ("vn.gdnn.Report.Bench", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  have_ticks = read_cpu_ticks (&total0, &steal0);
  for (int r = 0; r < rounds; r++)
    {
      double sync;

      /* Open the plan: every page loads its data. Coming from a small
       * plan of the demo data, so the pages really change. */
      ok = gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND");
      g_assert_true (ok);
      gdnn_window_show_page (window, r % 2 == 0 ? "overview" : "values");
      settle (200);
      call_begin ();
      ok = gdnn_window_select_plan (window, GDNN_BENCH_UNIT, GDNN_BENCH_PLAN);
      g_assert_true (ok);
      sync = call_end ();
      record (&measures[1], sync, settle (50));

      gdnn_window_show_page (window, "values");
      settle (100);
      scroll_through (GTK_WIDGET (gdnn_window_get_values_page (window)), &measures[2]);

      /* Type into the first visible numerator entries. */
      {
        g_autoptr(GPtrArray) entries_found = g_ptr_array_new ();
        GtkScrolledWindow *scroller = find_scroller (GTK_WIDGET (gdnn_window_get_values_page (window)));

        if (scroller != NULL)
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
        settle (100);
        collect_entries (GTK_WIDGET (gdnn_window_get_values_page (window)), entries_found);
        for (guint i = 0; i + 1 < entries_found->len && i < 8; i += 3)
          {
            GtkEditable *entry = g_ptr_array_index (entries_found, i);
            char text[16];

            g_snprintf (text, sizeof text, "%d", 10 + r + (int) i);
            gtk_editable_set_text (entry, text);
            call_begin ();
            g_signal_emit_by_name (entry, "activate");
            sync = call_end ();
            record (&measures[3], sync, settle (30));
          }
        for (guint i = 0; i < 2; i++)
          {
            call_begin ();
            gtk_widget_activate_action (GTK_WIDGET (gdnn_window_get_values_page (window)), "values.undo", NULL);
            sync = call_end ();
            record (&measures[4], sync, settle (30));
          }
      }

      /* Switch the year through the page's drop-down. */
      {
        g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
        GtkWidget *root = GTK_WIDGET (gdnn_window_get_values_page (window));
        GtkWidget *child;

        /* The year drop-down is the first GtkDropDown of the page. */
        for (child = root; child != NULL && !GTK_IS_DROP_DOWN (child);)
          child = gtk_widget_get_first_child (child) != NULL ? gtk_widget_get_first_child (child)
                                                             : gtk_widget_get_next_sibling (child);
        if (child != NULL)
          {
            GtkDropDown *years = GTK_DROP_DOWN (child);
            guint selected = gtk_drop_down_get_selected (years);

            call_begin ();
            gtk_drop_down_set_selected (years, selected > 0 ? selected - 1 : selected + 1);
            sync = call_end ();
            record (&measures[5], sync, settle (50));
            call_begin ();
            gtk_drop_down_set_selected (years, selected);
            sync = call_end ();
            record (&measures[5], sync, settle (50));
          }
      }

      /* Each other page: switching to it (it loads then), then scrolling. */
      for (guint p = 0, m = 7; p < G_N_ELEMENTS (pages); p++)
        {
          if (g_str_equal (pages[p], "values"))
            continue;
          call_begin ();
          gdnn_window_show_page (window, pages[p]);
          sync = call_end ();
          record (&measures[6], sync, settle (100));
          if (g_getenv ("BENCH_TRACE") != NULL)
            g_printerr ("page %s: worst iteration %.0f ms after the switch\n", pages[p], settle_worst_at);
          scroll_through (GTK_WIDGET (window), &measures[m++]);
        }
    }

  g_print ("Forms benchmark: %d indicators × %d years, %d tasks, %d rounds\n",
           n_indicators, n_years, n_tasks, rounds);
  /* The last four columns tell what the worst stall was made of (Probe):
   * the main thread's CPU time in it, its wait for a CPU, the time stolen
   * from the machine's CPUs meanwhile (10 ms ticks, summed over CPUs) and
   * how often the thread went to sleep (an X server reply, a lock). */
  g_print ("%-30s %8s %16s %15s %14s %12s %12s %10s %7s %14s\n", "operation", "samples", "median stall ms",
           "worst stall ms", "worst CPU ms", "(its: CPU ms", "CPU wait ms", "stolen ms", "sleeps)",
           "calm worst ms");
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      Measure *m = &measures[i];

      if (m->ms->len == 0)
        continue;
      if (i == 0)
        m->worst = gdnn_bench_median (m->ms);
      g_print ("%-30s %8u %16.1f %15.1f %14.1f %12.1f %12.1f %10.0f %7.0f %14.1f\n", m->name, m->ms->len,
               gdnn_bench_median (m->ms), m->worst, m->worst_cpu, m->worst_stall.cpu, m->worst_stall.wait,
               m->worst_stall.steal, m->worst_stall.blocks, i == 0 ? 0 : m->worst_calm);
      if (i > 0)
        {
          if (m->worst > worst)
            worst_of = m;
          if (m->worst_cpu > worst_cpu)
            worst_cpu_of = m;
          worst = MAX (worst, m->worst);
          worst_cpu = MAX (worst_cpu, m->worst_cpu);
          worst_calm = MAX (worst_calm, m->worst_calm);
        }
      g_array_unref (m->ms);
    }
  g_print ("longest main-thread stall: %.1f ms (target %.0f ms): %s\n", worst, TARGET_MS,
           worst <= TARGET_MS ? "within" : "OVER");
  if (worst_of != NULL && worst_of->worst_stall.wait >= 0)
    g_print ("  of which %.1f ms running and %.1f ms waiting for a CPU; meanwhile %.0f ms were stolen from the\n"
             "  machine's CPUs and the thread slept %.0f times (X server replies, locks)\n",
             worst_of->worst_stall.cpu, worst_of->worst_stall.wait, worst_of->worst_stall.steal,
             worst_of->worst_stall.blocks);
  /* The wall clock counts the time the main thread waited for a CPU; on a
   * virtual machine that includes the time the hypervisor gave the CPUs
   * to other guests. The CPU time is the work the program did. */
  g_print ("longest main-thread CPU time in one iteration: %.1f ms (target %.0f ms): %s\n", worst_cpu, TARGET_MS,
           worst_cpu <= TARGET_MS ? "within" : "OVER");
  if (worst_cpu_of != NULL && worst_cpu_of->worst_cpu_steal >= 0)
    g_print ("  (%s; meanwhile %.0f ms were stolen from the machine's CPUs)\n", worst_cpu_of->name,
             worst_cpu_of->worst_cpu_steal);
  if (have_ticks && read_cpu_ticks (&total1, &steal1) && total1 > total0)
    g_print ("CPU time stolen by the hypervisor during the run: %.1f%%\n",
             100.0 * (double) (steal1 - steal0) / (double) (total1 - total0));
  /* The stalls the program answers for: on a virtual machine whose
   * hypervisor gives the CPUs to other guests, a stall during which it did
   * is that machine's, not the program's (the columns above show how much
   * was stolen during each operation's worst stall). */
  if (have_ticks)
    g_print ("longest main-thread stall while no CPU time was stolen: %.1f ms (target %.0f ms): %s\n", worst_calm,
             TARGET_MS, worst_calm <= TARGET_MS ? "within" : "OVER");

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  g_clear_object (&store);
  gdnn_bench_remove_tree (dir);
  /* Success: no stall over the target, or none but those during which
   * CPU time was stolen, and no iteration did more than the target's
   * worth of work. */
  return (worst <= TARGET_MS || (have_ticks && worst_calm <= TARGET_MS)) && worst_cpu <= TARGET_MS ? 0 : 1;
}
