/* gdnn-chart-view.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-chart-view"

#include "config.h"

#include <math.h>

#include "gdnn-app-util.h"
#include "gdnn-chart-view.h"

/* Shows one chart of the render library. The widget draws through
 * gtk_snapshot_append_cairo(), so the chart on screen is the one the
 * report prints; it asks the renderer for its height at the width it is
 * given, and publishes the chart's Vietnamese text alternative as its
 * accessible description and tooltip. */

struct _GdnnChartView
{
  GtkWidget           parent_instance;

  GdnnIndicatorChart *indicator_chart;
  GdnnPlanChart      *plan_chart;
  GdnnTaskChart      *task_chart;
  char               *description;
  char               *font_family;
};

G_DEFINE_FINAL_TYPE (GdnnChartView, gdnn_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INDICATOR_CHART,
  PROP_PLAN_CHART,
  PROP_TASK_CHART,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The width asked for when the parent does not say. */
#define NATURAL_WIDTH 560
#define MINIMUM_WIDTH 240

static GdnnChartColor
to_chart_color (const GdkRGBA *rgba)
{
  GdnnChartColor c = { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  return c;
}

/**
 * gdnn_chart_view_get_style:
 *
 * The chart style on screen: the theme's font and text colour, sizes in
 * logical pixels (96 per inch), the series colours lightened on a dark
 * background.
 */
void
gdnn_chart_view_get_style (GdnnChartView  *self,
                           GdnnChartStyle *style)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_autofree char *font_name = NULL;
  PangoFontDescription *desc = NULL;
  GdkRGBA fg, bg;
  double size = 10;

  g_return_if_fail (GDNN_IS_CHART_VIEW (self));

  gdnn_chart_style_init (style);
  style->units_per_point = 96.0 / 72.0;
  style->fill_background = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    desc = pango_font_description_from_string (font_name);
  g_clear_pointer (&self->font_family, g_free);
  if (desc != NULL && pango_font_description_get_family (desc) != NULL)
    {
      self->font_family = g_strdup (pango_font_description_get_family (desc));
      if (pango_font_description_get_size (desc) > 0 && !pango_font_description_get_size_is_absolute (desc))
        size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
    }
  g_clear_pointer (&desc, pango_font_description_free);
  if (self->font_family != NULL)
    style->font_family = self->font_family;
  /* A little smaller than body text, as chart labels are. */
  style->font_size = CLAMP (size * 0.9, 7, 24);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &bg) &&
      !gtk_style_context_lookup_color (context, "view_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  bg.alpha = 1;
  style->text = to_chart_color (&fg);
  style->background = to_chart_color (&bg);
  style->axis = style->text;
  style->axis.alpha = 0.7;
  style->grid = style->text;
  style->grid.alpha = 0.15;
  style->muted = style->text;
  style->muted.alpha = 0.6;

  /* On a dark background: the lighter GNOME palette shades. */
  if (0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue < 0.5)
    {
      style->actual = (GdnnChartColor) { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 };
      style->target = (GdnnChartColor) { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1 };
      style->on_track = (GdnnChartColor) { 0x57 / 255.0, 0xe3 / 255.0, 0x89 / 255.0, 1 };
      style->behind = (GdnnChartColor) { 0xf6 / 255.0, 0x61 / 255.0, 0x51 / 255.0, 1 };
      style->in_progress = (GdnnChartColor) { 0x99 / 255.0, 0xc1 / 255.0, 0xf1 / 255.0, 1 };
      style->paused = (GdnnChartColor) { 0xf8 / 255.0, 0xe4 / 255.0, 0x5c / 255.0, 1 };
    }
}

static gboolean
has_chart (GdnnChartView *self)
{
  return self->indicator_chart != NULL || self->plan_chart != NULL || self->task_chart != NULL;
}

static double
natural_height (GdnnChartView *self,
                double         width)
{
  GdnnChartStyle style;

  gdnn_chart_view_get_style (self, &style);
  if (self->indicator_chart != NULL)
    return gdnn_indicator_chart_natural_height (self->indicator_chart, &style, width);
  if (self->plan_chart != NULL)
    return gdnn_plan_chart_natural_height (self->plan_chart, &style, width);
  if (self->task_chart != NULL)
    return gdnn_task_chart_natural_height (self->task_chart, &style, width);
  return 0;
}

static void
gdnn_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GdnnChartView *self = GDNN_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MINIMUM_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      /* Height for width: exactly what the renderer needs. */
      int h = has_chart (self) ? (int) ceil (natural_height (self, for_size > 0 ? for_size : NATURAL_WIDTH)) : 0;
      *minimum = *natural = h;
    }
}

static GtkSizeRequestMode
gdnn_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gdnn_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GdnnChartView *self = GDNN_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdnnChartStyle style;
  cairo_t *cr;

  if (!has_chart (self) || width <= 0 || height <= 0)
    return;

  gdnn_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->indicator_chart != NULL)
    gdnn_indicator_chart_draw (self->indicator_chart, &style, cr, 0, 0, width, height);
  else if (self->plan_chart != NULL)
    gdnn_plan_chart_draw (self->plan_chart, &style, cr, 0, 0, width, height);
  else
    gdnn_task_chart_draw (self->task_chart, &style, cr, 0, 0, width, height);
  cairo_destroy (cr);
}

static void
gdnn_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gdnn_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

/* Takes the new chart (or none) and publishes its text alternative. */
static void
update (GdnnChartView *self)
{
  g_autofree char *text = NULL;

  if (self->indicator_chart != NULL)
    text = gdnn_indicator_chart_describe (self->indicator_chart);
  else if (self->plan_chart != NULL)
    text = gdnn_plan_chart_describe (self->plan_chart);
  else if (self->task_chart != NULL)
    text = gdnn_task_chart_describe (self->task_chart);

  if (g_strcmp0 (text, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&text);
      if (self->description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        self->description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gdnn_widget_set_tooltip (GTK_WIDGET (self), self->description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
clear_charts (GdnnChartView *self)
{
  g_clear_pointer (&self->indicator_chart, gdnn_indicator_chart_unref);
  g_clear_pointer (&self->plan_chart, gdnn_plan_chart_unref);
  g_clear_pointer (&self->task_chart, gdnn_task_chart_unref);
}

static void
gdnn_chart_view_finalize (GObject *object)
{
  GdnnChartView *self = (GdnnChartView *)object;

  clear_charts (self);
  g_free (self->description);
  g_free (self->font_family);

  G_OBJECT_CLASS (gdnn_chart_view_parent_class)->finalize (object);
}

static void
gdnn_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GdnnChartView *self = GDNN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_INDICATOR_CHART:
      g_value_set_boxed (value, self->indicator_chart);
      break;

    case PROP_PLAN_CHART:
      g_value_set_boxed (value, self->plan_chart);
      break;

    case PROP_TASK_CHART:
      g_value_set_boxed (value, self->task_chart);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GdnnChartView *self = GDNN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_INDICATOR_CHART:
      gdnn_chart_view_set_indicator_chart (self, g_value_get_boxed (value));
      break;

    case PROP_PLAN_CHART:
      gdnn_chart_view_set_plan_chart (self, g_value_get_boxed (value));
      break;

    case PROP_TASK_CHART:
      gdnn_chart_view_set_task_chart (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_chart_view_class_init (GdnnChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gdnn_chart_view_finalize;
  object_class->get_property = gdnn_chart_view_get_property;
  object_class->set_property = gdnn_chart_view_set_property;

  widget_class->measure = gdnn_chart_view_measure;
  widget_class->get_request_mode = gdnn_chart_view_get_request_mode;
  widget_class->snapshot = gdnn_chart_view_snapshot;
  widget_class->css_changed = gdnn_chart_view_css_changed;

  properties[PROP_INDICATOR_CHART] =
    g_param_spec_boxed ("indicator-chart", NULL, NULL, GDNN_TYPE_INDICATOR_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAN_CHART] =
    g_param_spec_boxed ("plan-chart", NULL, NULL, GDNN_TYPE_PLAN_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TASK_CHART] =
    g_param_spec_boxed ("task-chart", NULL, NULL, GDNN_TYPE_TASK_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gdnn_chart_view_init (GdnnChartView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
gdnn_chart_view_new (void)
{
  return g_object_new (GDNN_TYPE_CHART_VIEW, NULL);
}

/* Each setter shows its chart in place of whatever chart was shown. */
void
gdnn_chart_view_set_indicator_chart (GdnnChartView      *self,
                                     GdnnIndicatorChart *chart)
{
  g_return_if_fail (GDNN_IS_CHART_VIEW (self));

  if (chart != NULL)
    gdnn_indicator_chart_ref (chart);
  clear_charts (self);
  self->indicator_chart = chart;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR_CHART]);
}

GdnnIndicatorChart *
gdnn_chart_view_get_indicator_chart (GdnnChartView *self)
{
  g_return_val_if_fail (GDNN_IS_CHART_VIEW (self), NULL);
  return self->indicator_chart;
}

void
gdnn_chart_view_set_plan_chart (GdnnChartView *self,
                                GdnnPlanChart *chart)
{
  g_return_if_fail (GDNN_IS_CHART_VIEW (self));

  if (chart != NULL)
    gdnn_plan_chart_ref (chart);
  clear_charts (self);
  self->plan_chart = chart;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_CHART]);
}

GdnnPlanChart *
gdnn_chart_view_get_plan_chart (GdnnChartView *self)
{
  g_return_val_if_fail (GDNN_IS_CHART_VIEW (self), NULL);
  return self->plan_chart;
}

void
gdnn_chart_view_set_task_chart (GdnnChartView *self,
                                GdnnTaskChart *chart)
{
  g_return_if_fail (GDNN_IS_CHART_VIEW (self));

  if (chart != NULL)
    gdnn_task_chart_ref (chart);
  clear_charts (self);
  self->task_chart = chart;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_CHART]);
}

GdnnTaskChart *
gdnn_chart_view_get_task_chart (GdnnChartView *self)
{
  g_return_val_if_fail (GDNN_IS_CHART_VIEW (self), NULL);
  return self->task_chart;
}

/**
 * gdnn_chart_view_get_description:
 *
 * Returns: (nullable): the text alternative of the chart shown
 */
const char *
gdnn_chart_view_get_description (GdnnChartView *self)
{
  g_return_val_if_fail (GDNN_IS_CHART_VIEW (self), NULL);
  return self->description;
}
