/* gdnn-bench-stats.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every benchmark needs: a clock, the statistics of its samples (a
 * GArray of double) and the removal of its scratch folder. */
double gdnn_bench_now_ms      (void);
double gdnn_bench_median      (GArray     *samples);
double gdnn_bench_min         (GArray     *samples);
double gdnn_bench_max         (GArray     *samples);
void   gdnn_bench_remove_tree (const char *path);

G_END_DECLS
