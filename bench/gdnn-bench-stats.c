/* gdnn-bench-stats.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gdnn-bench-stats.h"

/* CLOCK_MONOTONIC in milliseconds. */
double
gdnn_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The median of @samples (left in their order); of an even count, the
 * mean of the two middle ones; 0 for none. */
double
gdnn_bench_median (GArray *samples)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = samples->len;

  if (n == 0)
    return 0;
  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_double);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

/* The smallest sample, 0 for none. */
double
gdnn_bench_min (GArray *samples)
{
  double m = samples->len > 0 ? g_array_index (samples, double, 0) : 0;

  for (guint i = 1; i < samples->len; i++)
    m = MIN (m, g_array_index (samples, double, i));
  return m;
}

/* The largest sample, 0 for none. */
double
gdnn_bench_max (GArray *samples)
{
  double m = samples->len > 0 ? g_array_index (samples, double, 0) : 0;

  for (guint i = 1; i < samples->len; i++)
    m = MAX (m, g_array_index (samples, double, i));
  return m;
}

/* Removes @path, a folder with what it holds (symbolic links are removed,
 * not followed), or a file. Best effort: a benchmark's scratch space. */
void
gdnn_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      gdnn_bench_remove_tree (child);
    }
  g_rmdir (path);
}
