/* gdnn-chart.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "gdnn-model.h"

G_BEGIN_DECLS

/* The charts of a unit's plan, drawn with cairo and pango into any cairo_t
 * (a widget snapshot, a PDF page, a printout) at a given rectangle. The
 * data are plain reference-counted records; the renderers never touch the
 * database. Labels drawn in a chart are Vietnamese: the same charts go
 * into the official report. */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} GdnnChartColor;

/* How a chart looks. Sizes are in points; @units_per_point converts them
 * to the cairo user units the chart is drawn in: 1 for a PDF or a print
 * context in points, 96/72 for GTK's logical pixels. Font sizes are set
 * as absolute sizes, so pango-cairo's assumed 96 dpi plays no part. */
typedef struct
{
  const char     *font_family;      /* "Liberation Sans", or the theme font */
  double          font_size;        /* points */
  double          units_per_point;
  gboolean        fill_background;
  GdnnChartColor  background;
  GdnnChartColor  text;
  GdnnChartColor  axis;
  GdnnChartColor  grid;
  GdnnChartColor  actual;           /* the values over the years */
  GdnnChartColor  target;           /* milestones and the track line */
  GdnnChartColor  on_track;
  GdnnChartColor  behind;
  GdnnChartColor  in_progress;
  GdnnChartColor  paused;
  GdnnChartColor  muted;            /* "no value" texts */
} GdnnChartStyle;

void gdnn_chart_style_init (GdnnChartStyle *style);

/* a) One indicator over the plan's years. */
typedef struct
{
  int      year;
  gboolean has_value;
  double   value;
} GdnnChartPoint;

typedef struct
{
  int    year;
  double value;
} GdnnChartMilestone;

typedef struct
{
  char     *code;
  char     *name;
  char     *unit_label;       /* "%", "người", "đồng"… */
  gboolean  is_percent;
  int       first_year;
  int       last_year;
  GArray   *points;           /* of GdnnChartPoint, one per year, by year */
  GArray   *targets;          /* of GdnnChartMilestone, by year */
  gboolean  has_baseline;     /* the track starts at the baseline */
  gboolean  baseline_known;   /* the baseline is the unit's value, not an assumed 0 */
  int       baseline_year;
  double    baseline_value;
  gboolean  show_track;       /* the line from the baseline through the milestones */
} GdnnIndicatorChart;

/* b) Every indicator of a plan against its next (or current) milestone. */
typedef enum
{
  GDNN_CHART_BAR_NO_VALUE,
  GDNN_CHART_BAR_NO_TARGET,
  GDNN_CHART_BAR_BEHIND,
  GDNN_CHART_BAR_ON_TRACK,
} GdnnChartBarState;

typedef struct
{
  char              *code;
  char              *name;
  GdnnChartBarState  state;
  double             value;         /* the unit's value; meaningful unless NO_VALUE */
  double             percent;       /* of the target; meaningful for BEHIND and ON_TRACK */
  int                percent_decimals; /* digits that print percent on the side of 100 the
                                        * value is of its target (1 unless set) */
  int                decimals;      /* digits that print value and target_value in the order
                                     * the state says; -1 (the default): one where needed */
  int                target_year;
  double             target_value;
  char              *unit_label;
  gboolean           is_percent;
} GdnnChartBar;

typedef struct
{
  int        year;
  char      *plan_number;
  GPtrArray *bars;                  /* of GdnnChartBar */
} GdnnPlanChart;

/* c) The plan's tasks by status in a year. */
typedef struct
{
  int   year;
  guint counts[GDNN_N_TASK_STATUS];
} GdnnTaskChart;

/* Where the parts of a bar chart fall, for callers that draw around it
 * and for tests. x values are from the left edge of the chart. */
typedef struct
{
  double label_width;      /* the label column */
  double plot_x;           /* where a bar starts (0%, or a count of 0) */
  double plot_width;       /* the length of the axis maximum */
  double axis_max;         /* % for a plan chart, a count for a task chart */
  double top;              /* the first row's top */
  double row_height;
  double bar_height;
  double height;           /* the natural height */
} GdnnChartGeometry;

#define GDNN_TYPE_INDICATOR_CHART (gdnn_indicator_chart_get_type ())
#define GDNN_TYPE_PLAN_CHART (gdnn_plan_chart_get_type ())
#define GDNN_TYPE_TASK_CHART (gdnn_task_chart_get_type ())

GType               gdnn_indicator_chart_get_type (void) G_GNUC_CONST;
GdnnIndicatorChart *gdnn_indicator_chart_new      (void);
GdnnIndicatorChart *gdnn_indicator_chart_ref      (GdnnIndicatorChart *chart);
void                gdnn_indicator_chart_unref    (GdnnIndicatorChart *chart);
void                gdnn_indicator_chart_set_value  (GdnnIndicatorChart *chart,
                                                     int                 year,
                                                     double              value);
void                gdnn_indicator_chart_add_target (GdnnIndicatorChart *chart,
                                                     int                 year,
                                                     double              value);
double              gdnn_indicator_chart_natural_height (const GdnnIndicatorChart *chart,
                                                         const GdnnChartStyle     *style,
                                                         double                    width);
void                gdnn_indicator_chart_draw     (const GdnnIndicatorChart *chart,
                                                   const GdnnChartStyle     *style,
                                                   cairo_t                  *cr,
                                                   double                    x,
                                                   double                    y,
                                                   double                    width,
                                                   double                    height);
char               *gdnn_indicator_chart_describe (const GdnnIndicatorChart *chart);

GType               gdnn_plan_chart_get_type      (void) G_GNUC_CONST;
GdnnPlanChart      *gdnn_plan_chart_new           (void);
GdnnPlanChart      *gdnn_plan_chart_ref           (GdnnPlanChart *chart);
void                gdnn_plan_chart_unref         (GdnnPlanChart *chart);
GdnnChartBar       *gdnn_plan_chart_add_bar       (GdnnPlanChart     *chart,
                                                   const char        *code,
                                                   const char        *name,
                                                   GdnnChartBarState  state,
                                                   double             percent);
void                gdnn_plan_chart_get_geometry  (const GdnnPlanChart  *chart,
                                                   const GdnnChartStyle *style,
                                                   double                width,
                                                   GdnnChartGeometry    *geometry);
double              gdnn_plan_chart_natural_height (const GdnnPlanChart  *chart,
                                                    const GdnnChartStyle *style,
                                                    double                width);
void                gdnn_plan_chart_draw          (const GdnnPlanChart  *chart,
                                                   const GdnnChartStyle *style,
                                                   cairo_t              *cr,
                                                   double                x,
                                                   double                y,
                                                   double                width,
                                                   double                height);
char               *gdnn_plan_chart_describe      (const GdnnPlanChart *chart);

GType               gdnn_task_chart_get_type      (void) G_GNUC_CONST;
GdnnTaskChart      *gdnn_task_chart_new           (void);
GdnnTaskChart      *gdnn_task_chart_ref           (GdnnTaskChart *chart);
void                gdnn_task_chart_unref         (GdnnTaskChart *chart);
void                gdnn_task_chart_get_geometry  (const GdnnTaskChart  *chart,
                                                   const GdnnChartStyle *style,
                                                   double                width,
                                                   GdnnChartGeometry    *geometry);
double              gdnn_task_chart_natural_height (const GdnnTaskChart  *chart,
                                                    const GdnnChartStyle *style,
                                                    double                width);
void                gdnn_task_chart_draw          (const GdnnTaskChart  *chart,
                                                   const GdnnChartStyle *style,
                                                   cairo_t              *cr,
                                                   double                x,
                                                   double                y,
                                                   double                width,
                                                   double                height);
char               *gdnn_task_chart_describe      (const GdnnTaskChart *chart);

/* The colour a bar of @state or a task of @status is filled with. */
GdnnChartColor      gdnn_chart_bar_color          (const GdnnChartStyle *style,
                                                   GdnnChartBarState     state);
GdnnChartColor      gdnn_chart_task_color         (const GdnnChartStyle *style,
                                                   GdnnTaskStatus        status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnIndicatorChart, gdnn_indicator_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnPlanChart, gdnn_plan_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnTaskChart, gdnn_task_chart_unref)

G_END_DECLS
