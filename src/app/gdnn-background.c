/* gdnn-background.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* getpriority() and setpriority() are not in C11. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include "gdnn-background.h"

/* Work done in GIO's worker threads (reading a page's data, laying out
 * the report's preview, backups) runs at a lower priority than the main
 * thread: on a machine of two CPUs, the X server, the main thread and a
 * worker or two compete, and the main thread once waited 32 ms for a CPU
 * in one frame while a worker laid out the preview (bench/bench-forms).
 * On Linux the nice value is a thread's own: PRIO_PROCESS with the id 0
 * is the calling thread. Later work of GIO in the same threads (they are
 * pooled) keeps that priority, which is what it is for. */

#define THREAD_FUNC_KEY "gdnn-background-func"

typedef struct
{
  GTaskThreadFunc func;
} ThreadFunc;

static void
lower_priority (void)
{
  static GPrivate lowered = G_PRIVATE_INIT (NULL);
  int nice;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (TRUE));
  errno = 0;
  nice = getpriority (PRIO_PROCESS, 0);
  /* A thread may always lower its own priority; if it cannot (another
   * system), the work is the same. */
  if (errno == 0)
    (void) setpriority (PRIO_PROCESS, 0, MIN (nice + GDNN_BACKGROUND_NICE, 19));
}

static void
run_in_background (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ThreadFunc *thread_func = g_object_get_data (G_OBJECT (task), THREAD_FUNC_KEY);

  lower_priority ();
  thread_func->func (task, source_object, task_data, cancellable);
}

/**
 * gdnn_task_run_in_background:
 *
 * Like g_task_run_in_thread(), in a worker thread whose priority is
 * lowered (nice GDNN_BACKGROUND_NICE) before @func runs, so the main
 * thread gets the CPU first.
 */
void
gdnn_task_run_in_background (GTask           *task,
                             GTaskThreadFunc  func)
{
  ThreadFunc *thread_func = g_new (ThreadFunc, 1);

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  thread_func->func = func;
  g_object_set_data_full (G_OBJECT (task), THREAD_FUNC_KEY, thread_func, g_free);
  g_task_run_in_thread (task, run_in_background);
}
