/* gdnn-bench-data.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_BENCH_UNIT "BENCH-01"
#define GDNN_BENCH_PLAN "999/KH-BENCH"
#define GDNN_BENCH_OFFICE "BENCH-SO"
#define GDNN_BENCH_UNIT_PREFIX "BENCH-U"

gboolean gdnn_bench_populate (GdnnStore  *store,
                              guint       n_indicators,
                              guint       n_years,
                              guint       n_tasks,
                              GError    **error);
gboolean gdnn_bench_populate_budget (GdnnStore  *store,
                                     guint       n_lines,
                                     GError    **error);

gboolean gdnn_bench_add_units (GdnnStore  *store,
                               guint       n_units,
                               GError    **error);

G_END_DECLS
