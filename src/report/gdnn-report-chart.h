/* gdnn-report-chart.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "gdnn-chart.h"
#include "gdnn-report-doc.h"

G_BEGIN_DECLS

/* Section II's chart: every indicator of the report against the milestone
 * it is tracked against, drawn by the shared chart renderer from the
 * document model (the same numbers as the indicator table). */
GdnnPlanChart *gdnn_report_chart_new      (const GdnnReportDoc *doc);
void           gdnn_report_chart_style    (GdnnChartStyle      *style);
double         gdnn_report_chart_height   (const GdnnReportDoc *doc,
                                           double               width);
void           gdnn_report_chart_draw     (cairo_t             *cr,
                                           const GdnnReportDoc *doc,
                                           double               x,
                                           double               y,
                                           double               width,
                                           double               height,
                                           gpointer             user_data);

G_END_DECLS
