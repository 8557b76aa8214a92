/* gdnn-chart-view.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gdnn-chart.h"

G_BEGIN_DECLS

#define GDNN_TYPE_CHART_VIEW (gdnn_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (GdnnChartView, gdnn_chart_view, GDNN, CHART_VIEW, GtkWidget)

GtkWidget          *gdnn_chart_view_new                 (void);
void                gdnn_chart_view_set_indicator_chart (GdnnChartView      *self,
                                                         GdnnIndicatorChart *chart);
GdnnIndicatorChart *gdnn_chart_view_get_indicator_chart (GdnnChartView      *self);
void                gdnn_chart_view_set_plan_chart      (GdnnChartView      *self,
                                                         GdnnPlanChart      *chart);
GdnnPlanChart      *gdnn_chart_view_get_plan_chart      (GdnnChartView      *self);
void                gdnn_chart_view_set_task_chart      (GdnnChartView      *self,
                                                         GdnnTaskChart      *chart);
GdnnTaskChart      *gdnn_chart_view_get_task_chart      (GdnnChartView      *self);
const char         *gdnn_chart_view_get_description     (GdnnChartView      *self);
void                gdnn_chart_view_get_style           (GdnnChartView      *self,
                                                         GdnnChartStyle     *style);

G_END_DECLS
