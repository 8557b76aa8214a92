/* gdnn-chart-data.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-chart.h"
#include "gdnn-store.h"

G_BEGIN_DECLS

/* The charts of a unit's plan, read from the store. The targets a unit is
 * measured against are the plan-wide milestones, replaced by the unit's
 * own target where the plan gives it one. */

GPtrArray          *gdnn_chart_data_indicators (GdnnStore  *store,
                                                gint64      unit_id,
                                                gint64      plan_id,
                                                int         year,
                                                GError    **error);
GdnnIndicatorChart *gdnn_chart_data_indicator  (GdnnStore  *store,
                                                gint64      unit_id,
                                                gint64      plan_id,
                                                const char *code,
                                                int         year,
                                                GError    **error);
GdnnPlanChart      *gdnn_chart_data_plan       (GdnnStore  *store,
                                                gint64      unit_id,
                                                gint64      plan_id,
                                                int         year,
                                                GError    **error);
GdnnTaskChart      *gdnn_chart_data_tasks      (GdnnStore  *store,
                                                gint64      unit_id,
                                                gint64      plan_id,
                                                int         year,
                                                GError    **error);

G_END_DECLS
