/* test-background.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* getpriority() is not in C11. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "src/app/gdnn-background.h"

/* A task run in the background runs in another thread at a lower
 * priority, gets its data and returns its result; the main thread keeps
 * its priority. */

static int
thread_nice (void)
{
  int nice;

  errno = 0;
  /* On Linux, the calling thread's own. */
  nice = getpriority (PRIO_PROCESS, 0);
  g_assert_cmpint (errno, ==, 0);
  return nice;
}

typedef struct
{
  GThread *main_thread;
  int      nice;     /* the worker's, as it saw it */
  gboolean ran;
} Seen;

static void
work (GTask        *task,
      gpointer      source_object,
      gpointer      task_data,
      GCancellable *cancellable)
{
  Seen *seen = task_data;

  g_assert_true (g_thread_self () != seen->main_thread);
  seen->nice = thread_nice ();
  seen->ran = TRUE;
  g_task_return_int (task, 42);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gssize *value = user_data;
  g_autoptr(GError) error = NULL;

  *value = g_task_propagate_int (G_TASK (result), &error);
  g_assert_no_error (error);
}

static void
test_background_lower_priority (void)
{
  int main_nice = thread_nice ();

  for (guint round = 0; round < 3; round++)
    {
      Seen seen = { g_thread_self (), 0, FALSE };
      gssize value = -1;
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_done, &value);

      g_task_set_task_data (task, &seen, NULL);
      gdnn_task_run_in_background (task, work);
      g_clear_object (&task);
      while (value < 0)
        g_main_context_iteration (NULL, TRUE);

      g_assert_true (seen.ran);
      g_assert_cmpint (value, ==, 42);
      /* Lowered once per worker thread, never more than the limit. */
      g_assert_cmpint (seen.nice, ==, MIN (main_nice + GDNN_BACKGROUND_NICE, 19));
      g_assert_cmpint (thread_nice (), ==, main_nice);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/background/lower-priority", test_background_lower_priority);

  return g_test_run ();
}
