/* bench-startup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the application takes from process start to its first frame
 * with the demo database (issue 8, item 4), against a bare GTK 4 window
 * (bench/bare-window.c) measured the same way in the same run.
 *
 * Each round spawns both programs (alternating which goes first) with
 * GDNN_BENCH_FIRST_FRAME=1 and GDNN_BENCH_T0_US set to CLOCK_MONOTONIC
 * read just before fork (); the program's hook (src/app/gdnn-first-frame.c,
 * shared by both) prints "first-frame-us N" after the first frame it drew
 * and quits. Peak memory is each child's ru_maxrss from wait4 (). The demo
 * database is made once beforehand with "gdnn-report --db FILE demo", not
 * timed; one unmeasured warm-up run of each program fills the page cache.
 *
 *   bench-startup --app PATH --bare PATH [--rounds N] [--db FILE]
 *
 * Needs a display: bench/run runs it under Xvfb with GSK_RENDERER=cairo. */

/* fork, wait4, setenv, kill: POSIX and BSD, beyond C11. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include "gdnn-bench-stats.h"

#define TARGET_RATIO 2.0
#define TIMEOUT_MS 60000

typedef struct
{
  const char *name;
  char      **argv;
  GArray     *ms;
  GArray     *rss_kb;
} Program;

/* One start: returns FALSE with a message when the program failed or
 * printed no first frame in time. */
static gboolean
run_once (Program *p,
          gboolean record)
{
  int fds[2];
  pid_t pid;
  GString *out = g_string_new (NULL);
  struct rusage usage;
  int status = 0;
  gint64 t0, deadline;
  const char *line;
  gboolean ok = FALSE;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  t0 = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      char t0_text[32];

      g_snprintf (t0_text, sizeof t0_text, "%" G_GINT64_FORMAT, t0);
      setenv ("GDNN_BENCH_FIRST_FRAME", "1", 1);
      setenv ("GDNN_BENCH_T0_US", t0_text, 1);
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execv (p->argv[0], p->argv);
      _exit (127);
    }
  close (fds[1]);

  deadline = t0 + TIMEOUT_MS * 1000;
  for (;;)
    {
      struct pollfd pfd = { fds[0], POLLIN, 0 };
      int left = (int) ((deadline - g_get_monotonic_time ()) / 1000);
      char buf[256];
      ssize_t n;

      if (left <= 0 || poll (&pfd, 1, left) <= 0)
        {
          kill (pid, SIGKILL);
          g_printerr ("%s: no first frame within %d s\n", p->name, TIMEOUT_MS / 1000);
          break;
        }
      n = read (fds[0], buf, sizeof buf);
      if (n <= 0)
        break;
      g_string_append_len (out, buf, n);
    }
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4: %s", g_strerror (errno));

  line = strstr (out->str, "first-frame-us ");
  if (line == NULL)
    g_printerr ("%s: printed no first frame (exit status %d)\n%s", p->name, status, out->str);
  else if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_printerr ("%s: exit status %d after its first frame\n", p->name, status);
  else
    {
      double ms = g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10) / 1000.0;
      double rss = usage.ru_maxrss;

      if (record)
        {
          g_array_append_val (p->ms, ms);
          g_array_append_val (p->rss_kb, rss);
        }
      if (g_getenv ("BENCH_TRACE") != NULL)
        g_printerr ("%s: first frame %.1f ms, max RSS %.1f MiB%s\n", p->name, ms, rss / 1024,
                    record ? "" : " (warm-up)");
      ok = TRUE;
    }
  g_string_free (out, TRUE);
  return ok;
}

static void
usage_exit (void)
{
  g_printerr ("usage: bench-startup --app PATH --bare PATH [--rounds N] [--db FILE]\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  int rounds = 10;
  Program ours = { "ours", NULL, NULL, NULL };
  Program peer = { "bare", NULL, NULL, NULL };
  Program *both[] = { &ours, &peer };
  double ratio;
  gboolean ok = TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (i + 1 >= argc)
        usage_exit ();
      if (g_str_equal (argv[i], "--app"))
        app = g_strdup (argv[++i]);
      else if (g_str_equal (argv[i], "--bare"))
        bare = g_strdup (argv[++i]);
      else if (g_str_equal (argv[i], "--rounds"))
        rounds = MAX (1, atoi (argv[i + 1])), i++;
      else if (g_str_equal (argv[i], "--db"))
        db = g_strdup (argv[++i]);
      else
        usage_exit ();
    }
  if (app == NULL || bare == NULL)
    usage_exit ();

  if (db == NULL)
    {
      const char *demo_argv[] = { app, "--db", NULL, "demo", NULL };
      g_autofree char *out = NULL;
      int status = 0;

      dir = g_dir_make_tmp ("gdnn-bench-startup-XXXXXX", &error);
      g_assert_no_error (error);
      db = g_build_filename (dir, "demo.db", NULL);
      demo_argv[2] = db;
      if (!g_spawn_sync (NULL, (char **) demo_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("could not make the demo database: %s", error->message);
    }

  ours.argv = (char *[]) { app, (char *) "--db", db, NULL };
  peer.argv = (char *[]) { bare, NULL };
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      both[i]->ms = g_array_new (FALSE, FALSE, sizeof (double));
      both[i]->rss_kb = g_array_new (FALSE, FALSE, sizeof (double));
      ok = run_once (both[i], FALSE) && ok;
    }
  for (int r = 0; r < rounds && ok; r++)
    for (guint i = 0; i < G_N_ELEMENTS (both) && ok; i++)
      ok = run_once (both[(i + r) % 2], TRUE);
  if (!ok)
    {
      g_printerr ("start-up benchmark failed\n");
      return 1;
    }

  g_print ("Start-up benchmark: process start to the first frame drawn, %d rounds (+1 warm-up), "
           "renderer %s\n", rounds, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("ours: %s --db demo.db (the demo database, made beforehand); bare: a GtkApplicationWindow with a label\n\n",
           app);
  g_print ("| %-36s | %7s | %9s | %7s | %7s | %12s | %-9s |\n", "program", "samples", "median ms", "min ms",
           "max ms", "peak RSS MiB", "ours/bare");
  g_print ("|--------------------------------------|--------:|----------:|--------:|--------:|-------------:|-----------|\n");
  ratio = gdnn_bench_median (ours.ms) / gdnn_bench_median (peer.ms);
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      Program *p = both[i];
      g_autofree char *note = p == &ours ? g_strdup_printf ("%.2f x", ratio) : g_strdup ("");

      g_print ("| %-36s | %7u | %9.1f | %7.1f | %7.1f | %12.1f | %9s |\n",
               p == &ours ? "ours: gdnn-report, demo database" : "bare GTK 4 window (bare-window)",
               p->ms->len, gdnn_bench_median (p->ms), gdnn_bench_min (p->ms), gdnn_bench_max (p->ms), gdnn_bench_max (p->rss_kb) / 1024,
               note);
    }
  g_print ("\nfirst frame: ours/bare = %.2f x (target <= %.0f x): %s\n", ratio, TARGET_RATIO,
           ratio <= TARGET_RATIO ? "met" : "NOT MET");

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (db);
      g_rmdir (dir);
    }
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_array_unref (both[i]->ms);
      g_array_unref (both[i]->rss_kb);
    }
  return 0;
}
