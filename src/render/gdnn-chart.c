/* gdnn-chart.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gdnn-chart.h"
#include "gdnn-text.h"

/* Layout rules shared by the three charts: every size is in points times
 * style->units_per_point; text is measured with the same font options
 * (no metric hinting) whether it is measured for a natural height or
 * drawn, so a chart measured on screen lays out the same in a PDF; a
 * label that would overlap another one is moved or left out, never drawn
 * over it. Greyscale print tells the series apart by shape (dots against
 * hollow diamonds, a solid line against a dashed one), by hatching
 * (behind, overdue) and by the value written beside every bar. */

static const char *const NO_VALUE_TEXT = "chưa có số liệu";
static const char *const NO_TARGET_TEXT = "chưa có mục tiêu";

/* ---------------------------------------------------------------- style */

static GdnnChartColor
rgb (guint32 hex)
{
  GdnnChartColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0 };
  return c;
}

/**
 * gdnn_chart_style_init:
 *
 * Print defaults: Liberation Sans 9 pt in points on white, in GNOME
 * palette colours dark enough to stay apart in greyscale.
 */
void
gdnn_chart_style_init (GdnnChartStyle *style)
{
  g_return_if_fail (style != NULL);

  style->font_family = "Liberation Sans";
  style->font_size = 9;
  style->units_per_point = 1;
  style->fill_background = TRUE;
  style->background = rgb (0xffffff);
  style->text = rgb (0x241f31);
  style->axis = rgb (0x5e5c64);
  style->grid = rgb (0xdeddda);
  style->actual = rgb (0x1a5fb4);
  style->target = rgb (0xc64600);
  style->on_track = rgb (0x26a269);
  style->behind = rgb (0xc01c28);
  style->in_progress = rgb (0x3584e4);
  style->paused = rgb (0xe5a50a);
  style->muted = rgb (0x77767b);
}

GdnnChartColor
gdnn_chart_bar_color (const GdnnChartStyle *style,
                      GdnnChartBarState     state)
{
  g_return_val_if_fail (style != NULL, rgb (0));
  switch (state)
    {
    case GDNN_CHART_BAR_ON_TRACK:
      return style->on_track;
    case GDNN_CHART_BAR_BEHIND:
      return style->behind;
    case GDNN_CHART_BAR_NO_VALUE:
    case GDNN_CHART_BAR_NO_TARGET:
    default:
      return style->muted;
    }
}

GdnnChartColor
gdnn_chart_task_color (const GdnnChartStyle *style,
                       GdnnTaskStatus        status)
{
  g_return_val_if_fail (style != NULL, rgb (0));
  switch (status)
    {
    case GDNN_TASK_DONE:
      return style->on_track;
    case GDNN_TASK_IN_PROGRESS:
      return style->in_progress;
    case GDNN_TASK_OVERDUE:
      return style->behind;
    case GDNN_TASK_PAUSED:
      return style->paused;
    case GDNN_TASK_NOT_STARTED:
    case GDNN_N_TASK_STATUS:
    default:
      return style->muted;
    }
}

/* G_DEFINE_BOXED_TYPE's copy-function check is not ISO C under -Wpedantic;
 * the registration is written out instead. */
#define DEFINE_BOXED(TypeName, type_name)                                          \
  GType                                                                            \
  type_name##_get_type (void)                                                      \
  {                                                                                \
    static gsize type_id = 0;                                                      \
    if (g_once_init_enter (&type_id))                                              \
      {                                                                            \
        GType t = g_boxed_type_register_static (g_intern_static_string (#TypeName), \
                                                (GBoxedCopyFunc) type_name##_ref,  \
                                                (GBoxedFreeFunc) type_name##_unref); \
        g_once_init_leave (&type_id, t);                                           \
      }                                                                            \
    return type_id;                                                                \
  }

/* ------------------------------------------------------------- records */

static void
indicator_chart_clear (GdnnIndicatorChart *chart)
{
  g_free (chart->code);
  g_free (chart->name);
  g_free (chart->unit_label);
  g_array_unref (chart->points);
  g_array_unref (chart->targets);
}

GdnnIndicatorChart *
gdnn_indicator_chart_new (void)
{
  GdnnIndicatorChart *chart = g_atomic_rc_box_new0 (GdnnIndicatorChart);

  chart->points = g_array_new (FALSE, TRUE, sizeof (GdnnChartPoint));
  chart->targets = g_array_new (FALSE, TRUE, sizeof (GdnnChartMilestone));
  return chart;
}

GdnnIndicatorChart *
gdnn_indicator_chart_ref (GdnnIndicatorChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return g_atomic_rc_box_acquire (chart);
}

void
gdnn_indicator_chart_unref (GdnnIndicatorChart *chart)
{
  g_return_if_fail (chart != NULL);
  g_atomic_rc_box_release_full (chart, (GDestroyNotify) indicator_chart_clear);
}

DEFINE_BOXED (GdnnIndicatorChart, gdnn_indicator_chart)

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  return ((const GdnnChartPoint *) a)->year - ((const GdnnChartPoint *) b)->year;
}

/* Sets (or replaces) the value of @year; NAN marks a year without one. */
void
gdnn_indicator_chart_set_value (GdnnIndicatorChart *chart,
                                int                 year,
                                double              value)
{
  GdnnChartPoint point = { year, !isnan (value), isnan (value) ? 0 : value };

  g_return_if_fail (chart != NULL);

  for (guint i = 0; i < chart->points->len; i++)
    if (g_array_index (chart->points, GdnnChartPoint, i).year == year)
      {
        g_array_index (chart->points, GdnnChartPoint, i) = point;
        return;
      }
  g_array_append_val (chart->points, point);
  g_array_sort (chart->points, compare_points);
}

void
gdnn_indicator_chart_add_target (GdnnIndicatorChart *chart,
                                 int                 year,
                                 double              value)
{
  GdnnChartMilestone m = { year, value };

  g_return_if_fail (chart != NULL);
  g_array_append_val (chart->targets, m);
  /* Milestones and points share the year as their first field. */
  g_array_sort (chart->targets, compare_points);
}

static void
plan_chart_clear (GdnnPlanChart *chart)
{
  g_free (chart->plan_number);
  g_ptr_array_unref (chart->bars);
}

static void
chart_bar_free (GdnnChartBar *bar)
{
  g_free (bar->code);
  g_free (bar->name);
  g_free (bar->unit_label);
  g_free (bar);
}

GdnnPlanChart *
gdnn_plan_chart_new (void)
{
  GdnnPlanChart *chart = g_atomic_rc_box_new0 (GdnnPlanChart);

  chart->bars = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_bar_free);
  return chart;
}

GdnnPlanChart *
gdnn_plan_chart_ref (GdnnPlanChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return g_atomic_rc_box_acquire (chart);
}

void
gdnn_plan_chart_unref (GdnnPlanChart *chart)
{
  g_return_if_fail (chart != NULL);
  g_atomic_rc_box_release_full (chart, (GDestroyNotify) plan_chart_clear);
}

DEFINE_BOXED (GdnnPlanChart, gdnn_plan_chart)

/**
 * gdnn_plan_chart_add_bar:
 *
 * Returns: (transfer none): the new bar, for the caller to fill in its
 *   value, target and unit.
 */
GdnnChartBar *
gdnn_plan_chart_add_bar (GdnnPlanChart     *chart,
                         const char        *code,
                         const char        *name,
                         GdnnChartBarState  state,
                         double             percent)
{
  GdnnChartBar *bar = g_new0 (GdnnChartBar, 1);

  g_return_val_if_fail (chart != NULL, NULL);

  bar->code = g_strdup (code);
  bar->name = g_strdup (name);
  bar->state = state;
  bar->percent = percent;
  bar->percent_decimals = 1;
  bar->decimals = -1;
  bar->is_percent = TRUE;
  g_ptr_array_add (chart->bars, bar);
  return bar;
}

GdnnTaskChart *
gdnn_task_chart_new (void)
{
  return g_atomic_rc_box_new0 (GdnnTaskChart);
}

GdnnTaskChart *
gdnn_task_chart_ref (GdnnTaskChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return g_atomic_rc_box_acquire (chart);
}

void
gdnn_task_chart_unref (GdnnTaskChart *chart)
{
  g_return_if_fail (chart != NULL);
  g_atomic_rc_box_release (chart);
}

DEFINE_BOXED (GdnnTaskChart, gdnn_task_chart)

/* ---------------------------------------------------------- formatting */

/* @decimals: the digits a bar's value and target need (at most), or -1
 * for one digit where the value has a fraction. */
static char *
format_measure_digits (double      value,
                       gboolean    is_percent,
                       const char *unit_label,
                       int         decimals)
{
  g_autofree char *number = NULL;

  if (is_percent)
    return gdnn_format_percent (value, decimals >= 0 ? decimals : 1);
  if (decimals >= 0)
    number = gdnn_format_number_trim (value, decimals);
  else
    number = gdnn_format_number (value, fabs (value - round (value)) < 1e-9 ? 0 : 1);
  if (unit_label == NULL || unit_label[0] == '\0')
    return g_steal_pointer (&number);
  return g_strconcat (number, " ", unit_label, NULL);
}

static char *
format_measure (double      value,
                gboolean    is_percent,
                const char *unit_label)
{
  return format_measure_digits (value, is_percent, unit_label, -1);
}

static char *
format_point (const GdnnIndicatorChart *chart,
              double                    value)
{
  return format_measure (value, chart->is_percent, chart->unit_label);
}

/* ------------------------------------------------------- text and shapes */

typedef struct
{
  const GdnnChartStyle *style;
  cairo_t              *cr;
  cairo_surface_t      *scratch;   /* when measuring without a target */
  PangoLayout          *layout;
  double                u;         /* user units per point */
} Painter;

typedef enum
{
  TEXT_NORMAL,
  TEXT_SMALL,
  TEXT_BOLD,        /* small and bold */
  TEXT_ITALIC,
} TextKind;

static void
painter_init (Painter              *p,
              const GdnnChartStyle *style,
              cairo_t              *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  p->style = style;
  p->u = style->units_per_point > 0 ? style->units_per_point : 1;
  p->scratch = NULL;
  if (cr == NULL)
    {
      p->scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      p->cr = cairo_create (p->scratch);
    }
  else
    p->cr = cairo_reference (cr);

  p->layout = pango_cairo_create_layout (p->cr);
  /* The same metrics on screen, in a PDF and while measuring. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (p->layout), options);
  pango_layout_context_changed (p->layout);
  cairo_font_options_destroy (options);
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->layout);
  g_clear_pointer (&p->cr, cairo_destroy);
  g_clear_pointer (&p->scratch, cairo_surface_destroy);
}

static void
set_layout_text (Painter     *p,
                 PangoLayout *layout,
                 const char  *text,
                 TextKind     kind)
{
  PangoFontDescription *desc = pango_font_description_new ();
  double size = p->style->font_size * (kind == TEXT_SMALL || kind == TEXT_BOLD ? 0.9 : 1.0);

  pango_font_description_set_family (desc, p->style->font_family != NULL ? p->style->font_family : "Sans");
  /* Absolute: in user units, independent of pango-cairo's 96 dpi. */
  pango_font_description_set_absolute_size (desc, size * p->u * PANGO_SCALE);
  if (kind == TEXT_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (kind == TEXT_ITALIC)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
}

static void
painter_set_text (Painter    *p,
                  const char *text,
                  TextKind    kind)
{
  set_layout_text (p, p->layout, text, kind);
}

/* A layout of its own for @text, kept to be measured and then drawn
 * without being shaped twice. */
static PangoLayout *
painter_new_layout (Painter    *p,
                    const char *text,
                    TextKind    kind)
{
  PangoLayout *layout = pango_layout_new (pango_layout_get_context (p->layout));

  set_layout_text (p, layout, text, kind);
  return layout;
}

static void
text_size (Painter    *p,
           const char *text,
           TextKind    kind,
           double     *width,
           double     *height)
{
  int w, h;

  painter_set_text (p, text, kind);
  pango_layout_get_size (p->layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
}

static void
set_color (cairo_t              *cr,
           const GdnnChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* Draws @layout with its box's point (@xalign, @yalign) at (@x, @y). */
static void
show_layout_at (Painter              *p,
                PangoLayout          *layout,
                const GdnnChartColor *color,
                double                x,
                double                y,
                double                xalign,
                double                yalign)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_save (p->cr);
  set_color (p->cr, color);
  cairo_move_to (p->cr, x - (double) w / PANGO_SCALE * xalign, y - (double) h / PANGO_SCALE * yalign);
  pango_cairo_show_layout (p->cr, layout);
  cairo_restore (p->cr);
}

/* Draws @text with its box's point (@xalign, @yalign) at (@x, @y). */
static void
draw_text (Painter              *p,
           const char           *text,
           TextKind              kind,
           const GdnnChartColor *color,
           double                x,
           double                y,
           double                xalign,
           double                yalign)
{
  painter_set_text (p, text, kind);
  show_layout_at (p, p->layout, color, x, y, xalign, yalign);
}

static double
line_height (Painter *p,
             TextKind kind)
{
  double h;

  text_size (p, "ÁÂgjỷ", kind, NULL, &h);
  return h;
}

/* Diagonal stripes in the background colour over a filled rectangle. */
static void
hatch (Painter *p,
       double   x,
       double   y,
       double   w,
       double   h)
{
  double step = 4 * p->u;

  if (w <= 0 || h <= 0)
    return;
  cairo_save (p->cr);
  cairo_rectangle (p->cr, x, y, w, h);
  cairo_clip (p->cr);
  set_color (p->cr, &p->style->background);
  cairo_set_line_width (p->cr, 1.2 * p->u);
  /* An integer counter: a float one adds up rounding errors (CERT FLP30-C). */
  for (int i = 0; x - h + i * step < x + w; i++)
    {
      double s = x - h + i * step;

      cairo_move_to (p->cr, s, y + h);
      cairo_line_to (p->cr, s + h, y);
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

static void
fill_rect (Painter              *p,
           const GdnnChartColor *color,
           double                x,
           double                y,
           double                w,
           double                h)
{
  set_color (p->cr, color);
  cairo_rectangle (p->cr, x, y, w, h);
  cairo_fill (p->cr);
}

static void
draw_background (Painter *p,
                 double   x,
                 double   y,
                 double   width,
                 double   height)
{
  if (p->style->fill_background)
    fill_rect (p, &p->style->background, x, y, width, height);
}

/* Legend entries flow left to right and wrap; each has a swatch drawn
 * by @swatch_func in a square of the line height. */
typedef void (*SwatchFunc) (Painter *p,
                            guint    index,
                            double   x,
                            double   y,
                            double   size);

static double
legend (Painter           *p,
        const char *const *labels,
        guint              n,
        SwatchFunc         swatch_func,
        double             x,
        double             y,
        double             width,
        gboolean           draw)
{
  double lh = line_height (p, TEXT_SMALL);
  double swatch = lh * 1.4;
  double gap = 12 * p->u;
  double cx = x, cy = y;

  for (guint i = 0; i < n; i++)
    {
      double w;

      text_size (p, labels[i], TEXT_SMALL, &w, NULL);
      w += swatch + 4 * p->u;
      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += lh + 4 * p->u;
        }
      if (draw)
        {
          swatch_func (p, i, cx, cy, lh);
          draw_text (p, labels[i], TEXT_SMALL, &p->style->text, cx + swatch + 4 * p->u, cy, 0, 0);
        }
      cx += w + gap;
    }
  return cy + lh - y;
}

/* Labels already placed in a chart, so that a new one never covers them. */
typedef struct
{
  double x, y, w, h;
} Box;

static gboolean
box_free_of (GArray    *boxes,
             const Box *b)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *o = &g_array_index (boxes, Box, i);
      if (b->x < o->x + o->w && o->x < b->x + b->w && b->y < o->y + o->h && o->y < b->y + b->h)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------ nice axis ticks */

static double
nice_step (double range,
           int    n_ticks)
{
  double raw = range / MAX (n_ticks, 1);
  double mag = pow (10, floor (log10 (raw)));
  double f = raw / mag;

  if (f <= 1)
    return mag;
  if (f <= 2)
    return 2 * mag;
  if (f <= 2.5)
    return 2.5 * mag;
  if (f <= 5)
    return 5 * mag;
  return 10 * mag;
}

static int
step_decimals (double step)
{
  int d = 0;

  while (d < 3 && fabs (step * pow (10, d) - round (step * pow (10, d))) > 1e-6)
    d++;
  return d;
}

static char *
format_tick (double   value,
             double   step,
             gboolean is_percent)
{
  g_autofree char *number = gdnn_format_number (value, step_decimals (step));

  return is_percent ? g_strconcat (number, "%", NULL) : g_steal_pointer (&number);
}

/* ------------------------------------------------ a) indicator over years */

typedef struct
{
  double lo, hi, step;
} Range;

static Range
indicator_range (const GdnnIndicatorChart *chart)
{
  Range r = { 0, 0, 1 };
  gboolean any = FALSE;

#define TAKE(v) G_STMT_START { double _v = (v); \
    if (!any) { r.lo = MIN (0, _v); r.hi = _v; any = TRUE; } \
    r.lo = MIN (r.lo, _v); r.hi = MAX (r.hi, _v); } G_STMT_END

  for (guint i = 0; i < chart->points->len; i++)
    {
      const GdnnChartPoint *pt = &g_array_index (chart->points, GdnnChartPoint, i);
      if (pt->has_value)
        TAKE (pt->value);
    }
  for (guint i = 0; i < chart->targets->len; i++)
    TAKE (g_array_index (chart->targets, GdnnChartMilestone, i).value);
  if (chart->has_baseline)
    TAKE (chart->baseline_value);
#undef TAKE

  if (chart->is_percent && r.hi <= 100)
    r.hi = 100;
  if (r.hi <= r.lo)
    r.hi = r.lo + (chart->is_percent ? 100 : 10);
  r.step = nice_step (r.hi - r.lo, 5);
  r.lo = floor (r.lo / r.step) * r.step;
  r.hi = ceil (r.hi / r.step - 1e-9) * r.step;
  return r;
}

static const char *const indicator_legend[] = { "Thực hiện", "Mục tiêu", "Lộ trình" };

static void
indicator_marker (Painter *p,
                  guint    kind,
                  double   x,
                  double   y,
                  double   size)
{
  double r = size * 0.5;

  cairo_save (p->cr);
  cairo_new_path (p->cr);
  if (kind == 0)
    {
      /* A value: a filled dot with a ring of the background. */
      set_color (p->cr, &p->style->actual);
      cairo_arc (p->cr, x, y, r * 0.75, 0, 2 * G_PI);
      cairo_fill_preserve (p->cr);
      set_color (p->cr, &p->style->background);
      cairo_set_line_width (p->cr, 1 * p->u);
      cairo_stroke (p->cr);
    }
  else
    {
      /* A milestone: a hollow diamond. */
      cairo_move_to (p->cr, x, y - r);
      cairo_line_to (p->cr, x + r, y);
      cairo_line_to (p->cr, x, y + r);
      cairo_line_to (p->cr, x - r, y);
      cairo_close_path (p->cr);
      set_color (p->cr, &p->style->background);
      cairo_fill_preserve (p->cr);
      set_color (p->cr, &p->style->target);
      cairo_set_line_width (p->cr, 1.6 * p->u);
      cairo_stroke (p->cr);
    }
  cairo_restore (p->cr);
}

static void
indicator_swatch (Painter *p,
                  guint    index,
                  double   x,
                  double   y,
                  double   size)
{
  double w = size * 1.4;
  double my = y + size / 2;

  cairo_save (p->cr);
  cairo_set_line_width (p->cr, (index == 0 ? 2 : 1.5) * p->u);
  if (index == 2)
    {
      double dash[] = { 4 * p->u, 2.5 * p->u };
      cairo_set_dash (p->cr, dash, 2, 0);
      set_color (p->cr, &p->style->target);
    }
  else
    set_color (p->cr, index == 0 ? &p->style->actual : &p->style->target);
  if (index != 1)
    {
      cairo_move_to (p->cr, x, my);
      cairo_line_to (p->cr, x + w, my);
      cairo_stroke (p->cr);
    }
  cairo_restore (p->cr);
  if (index != 2)
    indicator_marker (p, index, x + w / 2, my, size * 0.8);
}

static guint
indicator_legend_n (const GdnnIndicatorChart *chart)
{
  return chart->show_track && chart->targets->len > 0 ? 3 : 2;
}

static double
indicator_plot_height (const GdnnIndicatorChart *chart,
                       Painter                  *p,
                       double                    width)
{
  return CLAMP (width * 0.4, 120 * p->u, 240 * p->u);
}

/**
 * gdnn_indicator_chart_natural_height:
 * @width: in the style's user units
 *
 * Returns: the height the chart wants at @width, in the same units.
 */
double
gdnn_indicator_chart_natural_height (const GdnnIndicatorChart *chart,
                                     const GdnnChartStyle     *style,
                                     double                    width)
{
  Painter p;
  double h;

  g_return_val_if_fail (chart != NULL && style != NULL, 0);

  painter_init (&p, style, NULL);
  h = legend (&p, indicator_legend, indicator_legend_n (chart), indicator_swatch, 0, 0, width, FALSE)
      + line_height (&p, TEXT_SMALL) * 1.5 + 10 * p.u    /* unit label, half the top tick label */
      + indicator_plot_height (chart, &p, width)
      + line_height (&p, TEXT_SMALL) + 8 * p.u;          /* year labels */
  painter_clear (&p);
  return ceil (h);
}

void
gdnn_indicator_chart_draw (const GdnnIndicatorChart *chart,
                           const GdnnChartStyle     *style,
                           cairo_t                  *cr,
                           double                    x,
                           double                    y,
                           double                    width,
                           double                    height)
{
  Painter p;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  Range r;
  double u, lh, legend_h, left = 0, plot_x, plot_y, plot_w, plot_h, slot, year_w;
  int n_years, every;
  g_autofree char *unit_text = NULL;

  g_return_if_fail (chart != NULL && style != NULL && cr != NULL);

  painter_init (&p, style, cr);
  u = p.u;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  draw_background (&p, x, y, width, height);

  lh = line_height (&p, TEXT_SMALL);
  legend_h = legend (&p, indicator_legend, indicator_legend_n (chart), indicator_swatch, x, y, width, TRUE);
  r = indicator_range (chart);

  /* The widest tick label sets the left margin. */
  for (int i = 0; r.lo + i * r.step <= r.hi + r.step / 2; i++)
    {
      double v = r.lo + i * r.step;
      g_autofree char *t = format_tick (v, r.step, chart->is_percent);
      double w;
      text_size (&p, t, TEXT_SMALL, &w, NULL);
      left = MAX (left, w);
    }
  left += 6 * u;

  unit_text = g_strconcat ("Đơn vị tính: ", chart->unit_label != NULL ? chart->unit_label : "", NULL);
  draw_text (&p, unit_text, TEXT_SMALL, &style->muted, x, y + legend_h + 6 * u, 0, 0);
  {
    Box b = { x, y + legend_h + 6 * u, 0, lh };
    text_size (&p, unit_text, TEXT_SMALL, &b.w, NULL);
    g_array_append_val (boxes, b);
  }

  plot_x = x + left;
  /* Below the unit label, with room for half of the top tick label. */
  plot_y = y + legend_h + 1.5 * lh + 10 * u;
  plot_w = MAX (width - left - 8 * u, 1);
  plot_h = MAX (height - (plot_y - y) - lh - 8 * u, 1);

  /* Grid and ticks. */
  cairo_set_line_width (cr, 0.6 * u);
  for (int i = 0; r.lo + i * r.step <= r.hi + r.step / 2; i++)
    {
      double v = r.lo + i * r.step;
      double ty = plot_y + plot_h - (v - r.lo) / (r.hi - r.lo) * plot_h;
      g_autofree char *t = format_tick (v, r.step, chart->is_percent);

      set_color (cr, &style->grid);
      cairo_move_to (cr, plot_x, ty);
      cairo_line_to (cr, plot_x + plot_w, ty);
      cairo_stroke (cr);
      draw_text (&p, t, TEXT_SMALL, &style->axis, plot_x - 4 * u, ty, 1, 0.5);
    }
  set_color (cr, &style->axis);
  cairo_set_line_width (cr, 1 * u);
  cairo_move_to (cr, plot_x, plot_y);
  cairo_line_to (cr, plot_x, plot_y + plot_h);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h);
  cairo_stroke (cr);

  /* Years, every n-th one when they do not all fit. */
  n_years = MAX (chart->last_year - chart->first_year + 1, 1);
  slot = plot_w / n_years;
  text_size (&p, "2030", TEXT_SMALL, &year_w, NULL);
  every = (int) ceil ((year_w + 6 * u) / slot);
  every = MAX (every, 1);
#define YEAR_X(yr) (plot_x + ((yr) - chart->first_year + 0.5) * slot)
#define VALUE_Y(v) (plot_y + plot_h - ((v) - r.lo) / (r.hi - r.lo) * plot_h)
  for (int yr = chart->first_year; yr <= chart->last_year; yr++)
    {
      char text[16];

      set_color (cr, &style->axis);
      cairo_move_to (cr, YEAR_X (yr), plot_y + plot_h);
      cairo_line_to (cr, YEAR_X (yr), plot_y + plot_h + 3 * u);
      cairo_stroke (cr);
      if ((yr - chart->first_year) % every != 0)
        continue;
      g_snprintf (text, sizeof text, "%d", yr);
      draw_text (&p, text, TEXT_SMALL, &style->text, YEAR_X (yr), plot_y + plot_h + 4 * u, 0.5, 0);
    }

  /* The track: from the baseline through each milestone. */
  if (chart->show_track && chart->targets->len > 0)
    {
      double dash[] = { 4 * u, 2.5 * u };
      gboolean started = FALSE;

      cairo_save (cr);
      cairo_rectangle (cr, plot_x, plot_y - 2 * u, plot_w, plot_h + 4 * u);
      cairo_clip (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5 * u);
      set_color (cr, &style->target);
      if (chart->has_baseline)
        {
          cairo_move_to (cr, YEAR_X (chart->baseline_year), VALUE_Y (chart->baseline_value));
          started = TRUE;
        }
      for (guint i = 0; i < chart->targets->len; i++)
        {
          const GdnnChartMilestone *m = &g_array_index (chart->targets, GdnnChartMilestone, i);
          if (started)
            cairo_line_to (cr, YEAR_X (m->year), VALUE_Y (m->value));
          else
            cairo_move_to (cr, YEAR_X (m->year), VALUE_Y (m->value));
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The values: a line between consecutive years, broken at a gap. */
  cairo_set_line_width (cr, 2 * u);
  set_color (cr, &style->actual);
  for (guint i = 0; i + 1 < chart->points->len; i++)
    {
      const GdnnChartPoint *a = &g_array_index (chart->points, GdnnChartPoint, i);
      const GdnnChartPoint *b = &g_array_index (chart->points, GdnnChartPoint, i + 1);
      if (a->has_value && b->has_value && b->year == a->year + 1)
        {
          cairo_move_to (cr, YEAR_X (a->year), VALUE_Y (a->value));
          cairo_line_to (cr, YEAR_X (b->year), VALUE_Y (b->value));
        }
    }
  cairo_stroke (cr);

  /* Markers first, so that labels can avoid all of them. */
  for (guint i = 0; i < chart->targets->len; i++)
    {
      const GdnnChartMilestone *m = &g_array_index (chart->targets, GdnnChartMilestone, i);
      Box b = { YEAR_X (m->year) - 5 * u, VALUE_Y (m->value) - 5 * u, 10 * u, 10 * u };
      indicator_marker (&p, 1, YEAR_X (m->year), VALUE_Y (m->value), 10 * u);
      g_array_append_val (boxes, b);
    }
  for (guint i = 0; i < chart->points->len; i++)
    {
      const GdnnChartPoint *pt = &g_array_index (chart->points, GdnnChartPoint, i);
      Box b = { YEAR_X (pt->year) - 4 * u, VALUE_Y (pt->value) - 4 * u, 8 * u, 8 * u };
      if (!pt->has_value || pt->year < chart->first_year || pt->year > chart->last_year)
        continue;
      indicator_marker (&p, 0, YEAR_X (pt->year), VALUE_Y (pt->value), 10 * u);
      g_array_append_val (boxes, b);
    }

  /* Value labels above (or else below) their marker, when there is room. */
  for (guint pass = 0; pass < 2; pass++)
    {
      guint n = pass == 0 ? chart->points->len : chart->targets->len;

      for (guint i = 0; i < n; i++)
        {
          int yr;
          double v, w, h;
          g_autofree char *t = NULL;
          const GdnnChartColor *color = pass == 0 ? &style->actual : &style->target;

          if (pass == 0)
            {
              const GdnnChartPoint *pt = &g_array_index (chart->points, GdnnChartPoint, i);
              if (!pt->has_value)
                continue;
              yr = pt->year;
              v = pt->value;
            }
          else
            {
              const GdnnChartMilestone *m = &g_array_index (chart->targets, GdnnChartMilestone, i);
              yr = m->year;
              v = m->value;
            }
          if (yr < chart->first_year || yr > chart->last_year)
            continue;
          t = format_point (chart, v);
          text_size (&p, t, TEXT_SMALL, &w, &h);
          for (guint place = 0; place < 4; place++)
            {
              /* above, below, right, left */
              double bx = place == 2 ? YEAR_X (yr) + 7 * u : place == 3 ? YEAR_X (yr) - 7 * u - w : YEAR_X (yr) - w / 2;
              double by = place == 0 ? VALUE_Y (v) - 6 * u - h : place == 1 ? VALUE_Y (v) + 6 * u : VALUE_Y (v) - h / 2;
              Box b = { bx, by, w, h };

              if (bx < plot_x || bx + w > x + width || by < y + legend_h + 2 * u || by + h > plot_y + plot_h)
                continue;
              if (!box_free_of (boxes, &b))
                continue;
              g_array_append_val (boxes, b);
              /* A halo keeps the label readable over the lines. */
              set_color (cr, &style->background);
              cairo_rectangle (cr, bx - 1.5 * u, by, w + 3 * u, h);
              cairo_fill (cr);
              draw_text (&p, t, TEXT_SMALL, color, bx, by, 0, 0);
              break;
            }
        }
    }
#undef YEAR_X
#undef VALUE_Y

  cairo_restore (cr);
  painter_clear (&p);
}

/**
 * gdnn_indicator_chart_describe:
 *
 * Returns: (transfer full): the chart's data as a Vietnamese text, for the
 *   accessible description and the report's alternative text.
 */
char *
gdnn_indicator_chart_describe (const GdnnIndicatorChart *chart)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  gboolean first = TRUE;

  g_return_val_if_fail (chart != NULL, NULL);

  g_string_append_printf (out, "Chỉ tiêu %s", chart->code != NULL ? chart->code : "");
  if (chart->name != NULL && chart->name[0] != '\0')
    g_string_append_printf (out, " – %s", chart->name);
  if (chart->unit_label != NULL && chart->unit_label[0] != '\0')
    g_string_append_printf (out, " (đơn vị tính: %s)", chart->unit_label);
  g_string_append (out, ". ");

  if (chart->has_baseline && chart->baseline_known)
    {
      g_autofree char *t = format_point (chart, chart->baseline_value);
      g_string_append_printf (out, "Năm cơ sở %d: %s. ", chart->baseline_year, t);
    }

  g_string_append (out, "Thực hiện: ");
  for (guint i = 0; i < chart->points->len; i++)
    {
      const GdnnChartPoint *pt = &g_array_index (chart->points, GdnnChartPoint, i);
      g_autofree char *t = NULL;
      const GdnnChartMilestone *m = NULL;

      if (!pt->has_value)
        {
          g_string_append_printf (missing, "%s%d", missing->len > 0 ? ", " : "", pt->year);
          continue;
        }
      for (guint j = 0; j < chart->targets->len; j++)
        if (g_array_index (chart->targets, GdnnChartMilestone, j).year == pt->year)
          m = &g_array_index (chart->targets, GdnnChartMilestone, j);
      t = format_point (chart, pt->value);
      g_string_append_printf (out, "%s%d: %s", first ? "" : ", ", pt->year, t);
      if (m != NULL)
        {
          g_autofree char *tt = format_point (chart, m->value);
          g_string_append_printf (out, " (mục tiêu %d: %s)", m->year, tt);
        }
      first = FALSE;
    }
  if (first)
    g_string_append (out, NO_VALUE_TEXT);
  g_string_append (out, ". ");
  if (missing->len > 0)
    g_string_append_printf (out, "Năm chưa có số liệu: %s. ", missing->str);

  g_string_append (out, "Mục tiêu: ");
  for (guint j = 0; j < chart->targets->len; j++)
    {
      const GdnnChartMilestone *m = &g_array_index (chart->targets, GdnnChartMilestone, j);
      g_autofree char *t = format_point (chart, m->value);
      g_string_append_printf (out, "%s%d: %s", j > 0 ? ", " : "", m->year, t);
    }
  if (chart->targets->len == 0)
    g_string_append (out, "không có");
  g_string_append_c (out, '.');

  return g_string_free (out, FALSE);
}

/* --------------------------------------------------- b) and c) bar charts */

typedef struct
{
  guint              n_rows;
  const char *const *labels;       /* row labels */
  const char *const *values;       /* value texts written after the bars */
  const char *const *legend;
  guint              n_legend;
  SwatchFunc         swatch;
  gboolean           percent_axis;
  double             axis_max;
} BarsLayout;

static double
bars_legend_height (Painter          *p,
                    const BarsLayout *l,
                    double            width)
{
  if (l->n_legend == 0)
    return 0;
  return legend (p, l->legend, l->n_legend, l->swatch, 0, 0, width, FALSE) + 8 * p->u;
}

/* The rows' heights and the chart's: these do not depend on the texts,
 * so a widget asking for its height (at several widths, for each layout)
 * does not lay out every label (bench/bench-forms: 200 indicators). */
static void
bars_heights (Painter           *p,
              const BarsLayout  *l,
              double             width,
              GdnnChartGeometry *g)
{
  double lh = line_height (p, TEXT_NORMAL);

  g->axis_max = l->axis_max;
  g->row_height = ceil (MAX (lh * 1.5, 14 * p->u));
  g->bar_height = round (g->row_height * 0.6);
  g->top = bars_legend_height (p, l, width) + line_height (p, TEXT_SMALL) + 6 * p->u;
  g->height = ceil (g->top + l->n_rows * g->row_height + 4 * p->u);
}

static TextKind
value_kind (const char *value)
{
  return (value[0] >= '0' && value[0] <= '9') || value[0] == '-' ? TEXT_SMALL : TEXT_ITALIC;
}

/* The geometry, from every row's label and value laid out; with @layouts,
 * those layouts are kept there (labels, then values) for drawing. */
static void
bars_geometry (Painter           *p,
               const BarsLayout  *l,
               double             width,
               GdnnChartGeometry *g,
               GPtrArray         *layouts)
{
  double label_w = 0, value_w = 0;

  for (guint i = 0; i < 2 * l->n_rows; i++)
    {
      gboolean label = i < l->n_rows;
      const char *text = label ? l->labels[i] : l->values[i - l->n_rows];
      PangoLayout *layout = painter_new_layout (p, text, label ? TEXT_NORMAL : value_kind (text));
      int w;

      pango_layout_get_size (layout, &w, NULL);
      if (label)
        label_w = MAX (label_w, (double) w / PANGO_SCALE);
      else
        value_w = MAX (value_w, (double) w / PANGO_SCALE);
      if (layouts != NULL)
        g_ptr_array_add (layouts, layout);
      else
        g_object_unref (layout);
    }
  /* A long label takes at most 40% of the width; it is cut with "…". */
  g->label_width = MIN (label_w, width * 0.4) + 8 * p->u;
  g->plot_x = g->label_width;
  g->plot_width = MAX (width - g->label_width - 6 * p->u - MIN (value_w, width * 0.3) - 4 * p->u, 10 * p->u);
  bars_heights (p, l, width, g);
}


typedef void (*BarFunc) (Painter                 *p,
                         guint                    row,
                         double                   x,
                         double                   y,
                         double                   w,
                         double                   h,
                         gpointer                 data);

static void
bars_draw (Painter           *p,
           const BarsLayout  *l,
           const double      *lengths,   /* in axis units; < 0: no bar */
           BarFunc            bar_func,
           gpointer           data,
           double             x,
           double             y,
           double             width,
           double             height)
{
  const GdnnChartStyle *style = p->style;
  cairo_t *cr = p->cr;
  GdnnChartGeometry g;
  double u = p->u, step, bottom, lw;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  bars_geometry (p, l, width, &g, layouts);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  draw_background (p, x, y, width, height);
  if (l->n_legend > 0)
    legend (p, l->legend, l->n_legend, l->swatch, x, y, width, TRUE);

  bottom = y + g.top + l->n_rows * g.row_height;

  /* Grid and tick labels over the plot; the 100% line is drawn on top. */
  step = l->percent_axis ? (l->axis_max > 200 ? 100 : 50) : nice_step (l->axis_max, 4);
  cairo_set_line_width (cr, 0.6 * u);
  for (int i = 0; i * step <= l->axis_max + step / 2; i++)
    {
      double v = i * step;
      double tx = x + g.plot_x + v / l->axis_max * g.plot_width;
      g_autofree char *t = format_tick (v, step, l->percent_axis);
      double tw;

      text_size (p, t, TEXT_SMALL, &tw, NULL);
      set_color (cr, &style->grid);
      cairo_move_to (cr, tx, y + g.top - 2 * u);
      cairo_line_to (cr, tx, bottom);
      cairo_stroke (cr);
      if (tx + tw / 2 <= x + width)
        draw_text (p, t, l->percent_axis && fabs (v - 100) < 1e-9 ? TEXT_BOLD : TEXT_SMALL, &style->axis,
                   tx, y + g.top - 4 * u, 0.5, 1);
    }

  for (guint i = 0; i < l->n_rows; i++)
    {
      double ry = y + g.top + i * g.row_height;
      double by = ry + (g.row_height - g.bar_height) / 2;
      double cy = ry + g.row_height / 2;
      double len;

      /* The label, cut with an ellipsis when it is too long. */
      {
        PangoLayout *label = g_ptr_array_index (layouts, i);
        int tw;

        pango_layout_get_size (label, &tw, NULL);
        if ((double) tw / PANGO_SCALE > g.label_width - 8 * u)
          {
            pango_layout_set_width (label, (int) ((g.label_width - 8 * u) * PANGO_SCALE));
            pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          }
        show_layout_at (p, label, &style->text, x, cy, 0, 0.5);
      }

      if (lengths[i] < 0)
        {
          show_layout_at (p, g_ptr_array_index (layouts, l->n_rows + i), &style->muted, x + g.plot_x + 4 * u, cy,
                          0, 0.5);
          continue;
        }
      len = MIN (lengths[i], l->axis_max) / l->axis_max * g.plot_width;
      bar_func (p, i, x + g.plot_x, by, len, g.bar_height, data);
      show_layout_at (p, g_ptr_array_index (layouts, l->n_rows + i), &style->text, x + g.plot_x + len + 4 * u, cy,
                      0, 0.5);
    }

  /* The axis, and the 100% reference line across every row. */
  set_color (cr, &style->axis);
  cairo_set_line_width (cr, 1 * u);
  cairo_move_to (cr, x + g.plot_x, y + g.top - 2 * u);
  cairo_line_to (cr, x + g.plot_x, bottom);
  cairo_stroke (cr);
  if (l->percent_axis)
    {
      double tx = x + g.plot_x + 100 / l->axis_max * g.plot_width;
      lw = 1.5 * u;
      set_color (cr, &style->text);
      cairo_set_line_width (cr, lw);
      cairo_move_to (cr, tx, y + g.top - 2 * u);
      cairo_line_to (cr, tx, bottom);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* -------------------------------------------------- b) the plan's % bars */

static const char *const plan_legend[] = { "Đúng tiến độ", "Chậm tiến độ", "Chưa có số liệu" };

static void
plan_swatch (Painter *p,
             guint    index,
             double   x,
             double   y,
             double   size)
{
  GdnnChartColor c;
  double w = size * 1.4, h = size * 0.7, sy = y + (size - h) / 2;

  if (index == 2)
    {
      set_color (p->cr, &p->style->muted);
      cairo_set_line_width (p->cr, 1 * p->u);
      cairo_rectangle (p->cr, x + 0.5 * p->u, sy + 0.5 * p->u, w - p->u, h - p->u);
      cairo_stroke (p->cr);
      return;
    }
  c = gdnn_chart_bar_color (p->style, index == 0 ? GDNN_CHART_BAR_ON_TRACK : GDNN_CHART_BAR_BEHIND);
  fill_rect (p, &c, x, sy, w, h);
  if (index == 1)
    hatch (p, x, sy, w, h);
}

static void
plan_bar (Painter *p,
          guint    row,
          double   x,
          double   y,
          double   w,
          double   h,
          gpointer data)
{
  const GdnnPlanChart *chart = data;
  const GdnnChartBar *bar = g_ptr_array_index (chart->bars, row);
  GdnnChartColor c = gdnn_chart_bar_color (p->style, bar->state);

  fill_rect (p, &c, x, y, w, h);
  if (bar->state == GDNN_CHART_BAR_BEHIND)
    hatch (p, x, y, w, h);
}

/* Builds the texts of a plan chart's rows; free with plan_texts_free. */
typedef struct
{
  GPtrArray  *labels;
  GPtrArray  *values;
  double     *lengths;
  BarsLayout  layout;
} PlanTexts;

static void
plan_texts_init (PlanTexts           *t,
                 const GdnnPlanChart *chart)
{
  double max = 100;

  t->labels = g_ptr_array_new ();
  t->values = g_ptr_array_new_with_free_func (g_free);
  t->lengths = g_new0 (double, MAX (chart->bars->len, 1));
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const GdnnChartBar *bar = g_ptr_array_index (chart->bars, i);

      g_ptr_array_add (t->labels, bar->code != NULL ? bar->code : "");
      switch (bar->state)
        {
        case GDNN_CHART_BAR_NO_VALUE:
          g_ptr_array_add (t->values, g_strdup (NO_VALUE_TEXT));
          t->lengths[i] = -1;
          break;
        case GDNN_CHART_BAR_NO_TARGET:
          g_ptr_array_add (t->values, g_strdup (NO_TARGET_TEXT));
          t->lengths[i] = -1;
          break;
        case GDNN_CHART_BAR_BEHIND:
        case GDNN_CHART_BAR_ON_TRACK:
        default:
          g_ptr_array_add (t->values, gdnn_format_percent (bar->percent, bar->percent_decimals));
          t->lengths[i] = MAX (bar->percent, 0);
          max = MAX (max, bar->percent);
          break;
        }
    }
  memset (&t->layout, 0, sizeof t->layout);
  t->layout.n_rows = chart->bars->len;
  t->layout.labels = (const char *const *) t->labels->pdata;
  t->layout.values = (const char *const *) t->values->pdata;
  t->layout.legend = plan_legend;
  t->layout.n_legend = G_N_ELEMENTS (plan_legend);
  t->layout.swatch = plan_swatch;
  t->layout.percent_axis = TRUE;
  /* Up to 300%; a longer bar is cut at the edge, its value still written. */
  t->layout.axis_max = MIN (ceil (max / 50 - 1e-9) * 50, 300);
}

static void
plan_texts_clear (PlanTexts *t)
{
  g_ptr_array_unref (t->labels);
  g_ptr_array_unref (t->values);
  g_free (t->lengths);
}

void
gdnn_plan_chart_get_geometry (const GdnnPlanChart  *chart,
                              const GdnnChartStyle *style,
                              double                width,
                              GdnnChartGeometry    *geometry)
{
  Painter p;
  PlanTexts t;

  g_return_if_fail (chart != NULL && style != NULL && geometry != NULL);

  painter_init (&p, style, NULL);
  plan_texts_init (&t, chart);
  bars_geometry (&p, &t.layout, width, geometry, NULL);
  plan_texts_clear (&t);
  painter_clear (&p);
}

double
gdnn_plan_chart_natural_height (const GdnnPlanChart  *chart,
                                const GdnnChartStyle *style,
                                double                width)
{
  /* Only what the height depends on: the number of rows and the legend. */
  BarsLayout l = { .legend = plan_legend, .n_legend = G_N_ELEMENTS (plan_legend), .swatch = plan_swatch };
  GdnnChartGeometry g;
  Painter p;

  g_return_val_if_fail (chart != NULL && style != NULL, 0);
  l.n_rows = chart->bars->len;
  painter_init (&p, style, NULL);
  bars_heights (&p, &l, width, &g);
  painter_clear (&p);
  return g.height;
}

void
gdnn_plan_chart_draw (const GdnnPlanChart  *chart,
                      const GdnnChartStyle *style,
                      cairo_t              *cr,
                      double                x,
                      double                y,
                      double                width,
                      double                height)
{
  Painter p;
  PlanTexts t;

  g_return_if_fail (chart != NULL && style != NULL && cr != NULL);

  painter_init (&p, style, cr);
  plan_texts_init (&t, chart);
  bars_draw (&p, &t.layout, t.lengths, plan_bar, (gpointer) chart, x, y, width, height);
  plan_texts_clear (&t);
  painter_clear (&p);
}

char *
gdnn_plan_chart_describe (const GdnnPlanChart *chart)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (chart != NULL, NULL);

  g_string_append_printf (out, "Mức đạt so với mục tiêu của các chỉ tiêu năm %d", chart->year);
  if (chart->plan_number != NULL)
    g_string_append_printf (out, " (Kế hoạch %s)", chart->plan_number);
  g_string_append (out, ": ");
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const GdnnChartBar *bar = g_ptr_array_index (chart->bars, i);

      g_string_append_printf (out, "%s%s: ", i > 0 ? "; " : "", bar->code);
      if (bar->state == GDNN_CHART_BAR_NO_VALUE)
        g_string_append (out, NO_VALUE_TEXT);
      else
        {
          g_autofree char *value = format_measure_digits (bar->value, bar->is_percent, bar->unit_label,
                                                          bar->decimals);

          if (bar->state == GDNN_CHART_BAR_NO_TARGET)
            g_string_append_printf (out, "%s, %s", value, NO_TARGET_TEXT);
          else
            {
              g_autofree char *pct = gdnn_format_percent (bar->percent, bar->percent_decimals);
              g_autofree char *target = format_measure_digits (bar->target_value, bar->is_percent,
                                                               bar->unit_label, bar->decimals);

              g_string_append_printf (out, "%s, đạt %s mục tiêu năm %d (%s), %s", value, pct,
                                      bar->target_year, target,
                                      bar->state == GDNN_CHART_BAR_BEHIND ? "chậm tiến độ" : "đúng tiến độ");
            }
        }
    }
  if (chart->bars->len == 0)
    g_string_append (out, "không có chỉ tiêu");
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------ c) tasks by status */

static const GdnnTaskStatus task_order[] = {
  GDNN_TASK_DONE, GDNN_TASK_IN_PROGRESS, GDNN_TASK_NOT_STARTED, GDNN_TASK_OVERDUE, GDNN_TASK_PAUSED,
};

G_STATIC_ASSERT (G_N_ELEMENTS (task_order) == GDNN_N_TASK_STATUS);

static void
task_bar (Painter *p,
          guint    row,
          double   x,
          double   y,
          double   w,
          double   h,
          gpointer data)
{
  GdnnChartColor c = gdnn_chart_task_color (p->style, task_order[row]);

  fill_rect (p, &c, x, y, w, h);
  if (task_order[row] == GDNN_TASK_OVERDUE)
    hatch (p, x, y, w, h);
}

typedef struct
{
  const char *labels[GDNN_N_TASK_STATUS];
  char       *values[GDNN_N_TASK_STATUS];
  double      lengths[GDNN_N_TASK_STATUS];
  BarsLayout  layout;
} TaskTexts;

static void
task_texts_init (TaskTexts           *t,
                 const GdnnTaskChart *chart)
{
  guint max = 0;

  for (guint i = 0; i < GDNN_N_TASK_STATUS; i++)
    {
      guint n = chart->counts[task_order[i]];

      t->labels[i] = gdnn_task_status_vi_label (task_order[i]);
      t->values[i] = gdnn_format_integer (n);
      t->lengths[i] = n;
      max = MAX (max, n);
    }
  memset (&t->layout, 0, sizeof t->layout);
  t->layout.n_rows = GDNN_N_TASK_STATUS;
  t->layout.labels = t->labels;
  t->layout.values = (const char *const *) t->values;
  t->layout.percent_axis = FALSE;
  t->layout.axis_max = max == 0 ? 1 : nice_step (max, 4) * ceil (max / nice_step (max, 4) - 1e-9);
  if (t->layout.axis_max < 1)
    t->layout.axis_max = 1;
}

static void
task_texts_clear (TaskTexts *t)
{
  for (guint i = 0; i < GDNN_N_TASK_STATUS; i++)
    g_free (t->values[i]);
}

void
gdnn_task_chart_get_geometry (const GdnnTaskChart  *chart,
                              const GdnnChartStyle *style,
                              double                width,
                              GdnnChartGeometry    *geometry)
{
  Painter p;
  TaskTexts t;

  g_return_if_fail (chart != NULL && style != NULL && geometry != NULL);

  painter_init (&p, style, NULL);
  task_texts_init (&t, chart);
  bars_geometry (&p, &t.layout, width, geometry, NULL);
  task_texts_clear (&t);
  painter_clear (&p);
}

double
gdnn_task_chart_natural_height (const GdnnTaskChart  *chart,
                                const GdnnChartStyle *style,
                                double                width)
{
  GdnnChartGeometry g;

  g_return_val_if_fail (chart != NULL && style != NULL, 0);
  gdnn_task_chart_get_geometry (chart, style, width, &g);
  return g.height;
}

void
gdnn_task_chart_draw (const GdnnTaskChart  *chart,
                      const GdnnChartStyle *style,
                      cairo_t              *cr,
                      double                x,
                      double                y,
                      double                width,
                      double                height)
{
  Painter p;
  TaskTexts t;

  g_return_if_fail (chart != NULL && style != NULL && cr != NULL);

  painter_init (&p, style, cr);
  task_texts_init (&t, chart);
  bars_draw (&p, &t.layout, t.lengths, task_bar, NULL, x, y, width, height);
  task_texts_clear (&t);
  painter_clear (&p);
}

char *
gdnn_task_chart_describe (const GdnnTaskChart *chart)
{
  GString *out = g_string_new (NULL);
  guint total = 0;

  g_return_val_if_fail (chart != NULL, NULL);

  for (guint i = 0; i < GDNN_N_TASK_STATUS; i++)
    total += chart->counts[i];
  g_string_append_printf (out, "Nhiệm vụ năm %d theo trạng thái (tổng số %u): ", chart->year, total);
  for (guint i = 0; i < GDNN_N_TASK_STATUS; i++)
    g_string_append_printf (out, "%s%s: %u", i > 0 ? "; " : "",
                            gdnn_task_status_vi_label (task_order[i]), chart->counts[task_order[i]]);
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}
