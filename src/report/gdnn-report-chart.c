/* gdnn-report-chart.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gdnn-report-chart.h"

/**
 * gdnn_report_chart_new:
 *
 * One bar per indicator of @doc: its value as a percentage of the next
 * milestone, marked behind or on track as the table says; an indicator
 * without a value or a milestone keeps its label and has no bar.
 */
GdnnPlanChart *
gdnn_report_chart_new (const GdnnReportDoc *doc)
{
  GdnnPlanChart *chart = gdnn_plan_chart_new ();

  g_return_val_if_fail (doc != NULL, chart);

  chart->year = doc->year;
  chart->plan_number = g_strdup (doc->plan_number);
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnReportIndicator *ind = g_ptr_array_index (doc->indicators, i);
      GdnnChartBar *bar;

      if (!ind->has_value)
        bar = gdnn_plan_chart_add_bar (chart, ind->code, ind->name, GDNN_CHART_BAR_NO_VALUE, 0);
      else if (!ind->has_track || !ind->has_percent_of_target)
        bar = gdnn_plan_chart_add_bar (chart, ind->code, ind->name, GDNN_CHART_BAR_NO_TARGET, 0);
      else
        {
          bar = gdnn_plan_chart_add_bar (chart, ind->code, ind->name,
                                         ind->track == GDNN_TRACK_BEHIND ? GDNN_CHART_BAR_BEHIND
                                                                         : GDNN_CHART_BAR_ON_TRACK,
                                         ind->percent_of_target);
          bar->target_year = ind->target_year;
          bar->target_value = ind->target_value;
          bar->percent_decimals = ind->percent_decimals;
          bar->decimals = ind->decimals;
        }
      bar->value = ind->value;
      bar->is_percent = ind->measure == GDNN_MEASURE_RATIO;
      bar->unit_label = g_strdup (ind->unit_label);
    }
  return chart;
}

/* The official document is set in Liberation Serif (Times New Roman's
 * metrics): the chart uses it too, in points. */
void
gdnn_report_chart_style (GdnnChartStyle *style)
{
  gdnn_chart_style_init (style);
  style->font_family = "Liberation Serif";
  style->font_size = 10;
  style->units_per_point = 1;
}

double
gdnn_report_chart_height (const GdnnReportDoc *doc,
                          double               width)
{
  GdnnChartStyle style;
  GdnnPlanChart *chart = gdnn_report_chart_new (doc);
  double height;

  gdnn_report_chart_style (&style);
  height = gdnn_plan_chart_natural_height (chart, &style, width);
  gdnn_plan_chart_unref (chart);
  return height;
}

/* A GdnnReportChartFunc: the PDF renderer, the preview and the printout
 * call it for the rectangle the layout reserved. */
void
gdnn_report_chart_draw (cairo_t             *cr,
                        const GdnnReportDoc *doc,
                        double               x,
                        double               y,
                        double               width,
                        double               height,
                        gpointer             user_data)
{
  GdnnChartStyle style;
  GdnnPlanChart *chart = gdnn_report_chart_new (doc);

  gdnn_report_chart_style (&style);
  gdnn_plan_chart_draw (chart, &style, cr, x, y, width, height);
  gdnn_plan_chart_unref (chart);
}
