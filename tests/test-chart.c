/* test-chart.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The cairo chart renderer: each chart kind drawn into an image surface
 * and checked by its pixels (bar lengths, the 100% line, rows that do not
 * overlap), its text alternative, a PDF rendering, and the charts built
 * from the demo database. PNGs go to $GDNN_TEST_OUTPUT/screenshots. */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "gdnn-chart.h"
#include "gdnn-chart-data.h"
#include "gdnn-demo.h"
#include "gdnn-test-utils.h"
#include "gdnn-text.h"

/* ------------------------------------------------------------ helpers */

typedef struct
{
  cairo_surface_t *surface;
  int              width;
  int              height;
} Image;

static void
image_render (Image  *img,
              int     width,
              int     height,
              void  (*draw) (gconstpointer, const GdnnChartStyle *, cairo_t *, double, double, double, double),
              gconstpointer chart,
              const GdnnChartStyle *style)
{
  cairo_t *cr;

  img->width = width;
  img->height = height;
  img->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (img->surface);
  draw (chart, style, cr, 0, 0, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (img->surface);
}

static void
image_clear (Image *img)
{
  g_clear_pointer (&img->surface, cairo_surface_destroy);
}

static void
image_save (Image      *img,
            const char *name)
{
  const char *dir = g_getenv ("GDNN_TEST_OUTPUT");
  g_autofree char *outdir = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *path = g_build_filename (outdir, name, NULL);

  g_mkdir_with_parents (outdir, 0755);
  g_assert_cmpint (cairo_surface_write_to_png (img->surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart: %s", path);
}

static void
pixel (Image  *img,
       int     x,
       int     y,
       double *r,
       double *g,
       double *b)
{
  const guint8 *data = cairo_image_surface_get_data (img->surface);
  int stride = cairo_image_surface_get_stride (img->surface);
  guint32 v;

  g_assert_true (x >= 0 && x < img->width && y >= 0 && y < img->height);
  memcpy (&v, data + y * stride + x * 4, 4);
  *r = ((v >> 16) & 0xff) / 255.0;
  *g = ((v >> 8) & 0xff) / 255.0;
  *b = (v & 0xff) / 255.0;
}

static gboolean
is_color (Image                *img,
          int                   x,
          int                   y,
          const GdnnChartColor *c)
{
  double r, g, b;

  pixel (img, x, y, &r, &g, &b);
  return fabs (r - c->red) < 0.06 && fabs (g - c->green) < 0.06 && fabs (b - c->blue) < 0.06;
}

/* Not the white background. */
static gboolean
is_ink (Image *img,
        int    x,
        int    y)
{
  double r, g, b;

  pixel (img, x, y, &r, &g, &b);
  return r + g + b < 2.7;
}

/* The last x of the run of @c starting at @x0 on row @y (-1: none at x0),
 * across gaps of up to 3 pixels. */
static int
run_end (Image                *img,
         int                   x0,
         int                   y,
         const GdnnChartColor *c)
{
  int x = x0;

  /* Skip the axis line drawn over the bar's first columns. */
  while (x < x0 + 4 && !is_color (img, x, y, c))
    x++;
  if (!is_color (img, x, y, c))
    return -1;
  /* The 100% line crosses a long bar: a gap of a few pixels. */
  for (;;)
    {
      int gap = 1;
      while (gap <= 3 && x + gap < img->width && !is_color (img, x + gap, y, c))
        gap++;
      if (gap > 3 || x + gap >= img->width)
        return x;
      x += gap;
    }
}

static guint
count_color (Image                *img,
             int                   x0,
             int                   x1,
             const GdnnChartColor *c)
{
  guint n = 0;

  for (int y = 0; y < img->height; y++)
    for (int x = MAX (x0, 0); x < MIN (x1, img->width); x++)
      if (is_color (img, x, y, c))
        n++;
  return n;
}

static void
draw_indicator (gconstpointer chart, const GdnnChartStyle *style, cairo_t *cr,
                double x, double y, double w, double h)
{
  gdnn_indicator_chart_draw (chart, style, cr, x, y, w, h);
}

static void
draw_plan (gconstpointer chart, const GdnnChartStyle *style, cairo_t *cr,
           double x, double y, double w, double h)
{
  gdnn_plan_chart_draw (chart, style, cr, x, y, w, h);
}

static void
draw_tasks (gconstpointer chart, const GdnnChartStyle *style, cairo_t *cr,
            double x, double y, double w, double h)
{
  gdnn_task_chart_draw (chart, style, cr, x, y, w, h);
}

/* ------------------------------------------------------------- charts */

static GdnnIndicatorChart *
sample_indicator (void)
{
  GdnnIndicatorChart *chart = gdnn_indicator_chart_new ();

  chart->code = g_strdup ("I.2.a.1");
  chart->name = g_strdup ("Tỷ lệ nhà giáo đạt chuẩn kỹ năng số");
  chart->unit_label = g_strdup ("%");
  chart->is_percent = TRUE;
  chart->first_year = 2022;
  chart->last_year = 2030;
  chart->has_baseline = TRUE;
  chart->baseline_known = TRUE;
  chart->baseline_year = 2022;
  chart->baseline_value = 10;
  chart->show_track = TRUE;
  gdnn_indicator_chart_set_value (chart, 2022, 10);
  gdnn_indicator_chart_set_value (chart, 2024, 40);
  gdnn_indicator_chart_set_value (chart, 2023, 22.5);
  gdnn_indicator_chart_set_value (chart, 2025, 55);
  gdnn_indicator_chart_set_value (chart, 2026, NAN);
  gdnn_indicator_chart_add_target (chart, 2030, 100);
  gdnn_indicator_chart_add_target (chart, 2025, 50);
  return chart;
}

static void
test_indicator (void)
{
  g_autoptr(GdnnIndicatorChart) chart = sample_indicator ();
  g_autoptr(GdnnIndicatorChart) empty = sample_indicator ();
  g_autofree char *text = gdnn_indicator_chart_describe (chart);
  GdnnChartStyle style;
  Image img = { 0 }, img_empty = { 0 };
  double h;
  int right;

  gdnn_chart_style_init (&style);

  /* The points are kept by year, whatever order they came in. */
  g_assert_cmpint (g_array_index (chart->points, GdnnChartPoint, 1).year, ==, 2023);
  g_assert_cmpint (g_array_index (chart->targets, GdnnChartMilestone, 0).year, ==, 2025);

  /* Every value and every target is in the text alternative. */
  gdnn_test_assert_contains (text, "Chỉ tiêu I.2.a.1");
  gdnn_test_assert_contains (text, "2023: 22,5%");
  gdnn_test_assert_contains (text, "2024: 40%");
  gdnn_test_assert_contains (text, "2025: 55% (mục tiêu 2025: 50%)");
  gdnn_test_assert_contains (text, "Mục tiêu: 2025: 50%, 2030: 100%");
  gdnn_test_assert_contains (text, "Năm chưa có số liệu: 2026");
  gdnn_test_assert_contains (text, "Năm cơ sở 2022: 10%");

  h = gdnn_indicator_chart_natural_height (chart, &style, 560);
  g_assert_cmpfloat (h, >, 150);
  g_assert_cmpfloat (h, <, 400);
  image_render (&img, 560, (int) h, draw_indicator, chart, &style);
  image_save (&img, "chart-indicator.png");

  /* Values run 2022–2025 out of 2022–2030: nothing of their colour in
   * the right third (2027 onwards), while the 2030 milestone is there. */
  right = img.width * 2 / 3;
  g_assert_cmpuint (count_color (&img, 0, right, &style.actual), >, 100);
  g_assert_cmpuint (count_color (&img, right, img.width, &style.actual), ==, 0);
  g_assert_cmpuint (count_color (&img, right, img.width, &style.target), >, 20);

  /* Without values the value colour appears only in the legend. */
  g_array_set_size (empty->points, 0);
  image_render (&img_empty, 560, (int) h, draw_indicator, empty, &style);
  g_assert_cmpuint (count_color (&img_empty, 0, img.width, &style.actual), <,
                    count_color (&img, 0, img.width, &style.actual) / 3);

  image_clear (&img);
  image_clear (&img_empty);
}

static GdnnPlanChart *
sample_plan (void)
{
  GdnnPlanChart *chart = gdnn_plan_chart_new ();
  GdnnChartBar *bar;

  chart->year = 2026;
  chart->plan_number = g_strdup ("401/KH-UBND");
  bar = gdnn_plan_chart_add_bar (chart, "I.2.a.1", NULL, GDNN_CHART_BAR_ON_TRACK, 72.5);
  bar->value = 72.5;
  bar->target_year = 2030;
  bar->target_value = 100;
  bar = gdnn_plan_chart_add_bar (chart, "I.2.a.2", NULL, GDNN_CHART_BAR_BEHIND, 40);
  bar->value = 20;
  bar->target_year = 2025;
  bar->target_value = 50;
  gdnn_plan_chart_add_bar (chart, "I.2.b.1", NULL, GDNN_CHART_BAR_NO_VALUE, 0);
  bar = gdnn_plan_chart_add_bar (chart, "I.2.d.1a", NULL, GDNN_CHART_BAR_ON_TRACK, 130);
  bar->value = 65;
  bar->target_year = 2025;
  bar->target_value = 50;
  return chart;
}

static void
test_plan_bars (void)
{
  g_autoptr(GdnnPlanChart) chart = sample_plan ();
  g_autofree char *text = gdnn_plan_chart_describe (chart);
  GdnnChartStyle style;
  GdnnChartGeometry g;
  GdnnChartColor behind;
  Image img = { 0 };
  int row_y, end, x100, expected;

  gdnn_chart_style_init (&style);
  behind = gdnn_chart_bar_color (&style, GDNN_CHART_BAR_BEHIND);

  gdnn_test_assert_contains (text, "I.2.a.1: 72,5%, đạt 72,5% mục tiêu năm 2030 (100%), đúng tiến độ");
  gdnn_test_assert_contains (text, "I.2.a.2: 20%, đạt 40% mục tiêu năm 2025 (50%), chậm tiến độ");
  gdnn_test_assert_contains (text, "I.2.b.1: chưa có số liệu");
  gdnn_test_assert_contains (text, "I.2.d.1a: 65%, đạt 130%");

  gdnn_plan_chart_get_geometry (chart, &style, 520, &g);
  /* 130% is the longest bar: the axis goes to 150%. */
  g_assert_cmpfloat (g.axis_max, ==, 150);
  g_assert_cmpfloat (g.height, ==, gdnn_plan_chart_natural_height (chart, &style, 520));
  image_render (&img, 520, (int) g.height, draw_plan, chart, &style);
  image_save (&img, "chart-plan.png");

  /* Each bar's colour runs from the axis to value / axis maximum. */
  row_y = (int) (g.top + 0.5 * g.row_height);
  end = run_end (&img, (int) g.plot_x, row_y, &style.on_track);
  expected = (int) round (g.plot_x + 72.5 / 150 * g.plot_width);
  g_assert_cmpint (abs (end - expected), <=, 2);

  row_y = (int) (g.top + 3.5 * g.row_height);
  end = run_end (&img, (int) g.plot_x, row_y, &style.on_track);
  expected = (int) round (g.plot_x + 130.0 / 150 * g.plot_width);
  g_assert_cmpint (abs (end - expected), <=, 2);

  /* The hatched bar of a value behind: its last coloured pixel. */
  row_y = (int) (g.top + 1.5 * g.row_height);
  end = -1;
  for (int x = (int) g.plot_x; x < img.width; x++)
    if (is_color (&img, x, row_y - 1, &behind) || is_color (&img, x, row_y + 1, &behind))
      end = x;
  expected = (int) round (g.plot_x + 40.0 / 150 * g.plot_width);
  g_assert_cmpint (abs (end - expected), <=, 3);

  /* No value: no bar, only its label and the note. */
  row_y = (int) (g.top + 2.5 * g.row_height);
  for (int y = (int) (g.top + 2 * g.row_height) + 1; y < (int) (g.top + 3 * g.row_height) - 1; y++)
    for (int x = (int) g.plot_x; x < img.width; x++)
      {
        g_assert_false (is_color (&img, x, y, &style.on_track));
        g_assert_false (is_color (&img, x, y, &behind));
      }
  {
    gboolean label_ink = FALSE;
    for (int y = (int) (g.top + 2 * g.row_height); y < (int) (g.top + 3 * g.row_height); y++)
      for (int x = 0; x < (int) g.label_width; x++)
        label_ink |= is_ink (&img, x, y);
    g_assert_true (label_ink);
  }

  /* The 100% line: on the empty row, the only dark column past the note
   * is where 100% of 150 falls. */
  x100 = -1;
  for (int x = img.width - 1; x > (int) (g.plot_x + 0.4 * g.plot_width); x--)
    if (is_color (&img, x, row_y, &style.text))
      {
        x100 = x;
        break;
      }
  expected = (int) floor (g.plot_x + 100.0 / 150 * g.plot_width);
  g_assert_cmpint (abs (x100 - expected), <=, 1);

  image_clear (&img);
}

static void
test_plan_many (void)
{
  g_autoptr(GdnnPlanChart) small = gdnn_plan_chart_new ();
  g_autoptr(GdnnPlanChart) chart = gdnn_plan_chart_new ();
  GdnnChartStyle style;
  GdnnChartGeometry g;
  Image img = { 0 };
  guint bands = 0;
  gboolean in_band = FALSE;
  double h_small, h;

  gdnn_chart_style_init (&style);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *code = i % 7 == 3
        ? g_strdup_printf ("Chỉ tiêu số %u về tỷ lệ học sinh tốt nghiệp có việc làm", i + 1)
        : g_strdup_printf ("I.%u.%c.%u", i / 20 + 1, 'a' + (i / 5) % 4, i % 5 + 1);
      GdnnChartBar *bar = gdnn_plan_chart_add_bar (chart, code, NULL,
                                                   i % 5 == 4 ? GDNN_CHART_BAR_NO_VALUE :
                                                   i % 3 ? GDNN_CHART_BAR_ON_TRACK : GDNN_CHART_BAR_BEHIND,
                                                   (i * 37) % 160);
      bar->target_value = 100;
      bar->target_year = 2030;
      if (i < 10)
        gdnn_plan_chart_add_bar (small, code, NULL, GDNN_CHART_BAR_ON_TRACK, 50);
    }

  /* The chart grows with its rows, at least a text line per row. */
  h_small = gdnn_plan_chart_natural_height (small, &style, 480);
  h = gdnn_plan_chart_natural_height (chart, &style, 480);
  gdnn_plan_chart_get_geometry (chart, &style, 480, &g);
  g_assert_cmpfloat (h - h_small, >=, 50 * style.font_size * 1.1);
  g_assert_cmpfloat (g.row_height, >=, style.font_size * 1.1);
  /* A long label is cut: it never takes more than 40% of the width. */
  g_assert_cmpfloat (g.label_width, <=, 480 * 0.4 + 8);

  image_render (&img, 480, (int) h, draw_plan, chart, &style);
  image_save (&img, "chart-plan-60.png");

  /* In the label column, 60 separate bands of text: labels do not touch
   * each other; and none runs into the plot. */
  for (int y = (int) g.top; y < img.height; y++)
    {
      gboolean ink = FALSE;
      for (int x = 0; x < (int) g.label_width - 8; x++)
        ink |= is_ink (&img, x, y);
      if (ink && !in_band)
        bands++;
      in_band = ink;
    }
  g_assert_cmpuint (bands, ==, 60);
  for (int y = (int) g.top; y < img.height; y++)
    for (int x = (int) g.label_width - 6; x < (int) g.plot_x - 1; x++)
      g_assert_false (is_ink (&img, x, y));

  image_clear (&img);
}

static void
test_tasks (void)
{
  g_autoptr(GdnnTaskChart) chart = gdnn_task_chart_new ();
  g_autofree char *text = NULL;
  GdnnChartStyle style;
  GdnnChartGeometry g;
  Image img = { 0 };
  int end;

  gdnn_chart_style_init (&style);
  chart->year = 2026;
  chart->counts[GDNN_TASK_NOT_STARTED] = 3;
  chart->counts[GDNN_TASK_IN_PROGRESS] = 5;
  chart->counts[GDNN_TASK_DONE] = 12;
  chart->counts[GDNN_TASK_OVERDUE] = 1;
  chart->counts[GDNN_TASK_PAUSED] = 0;

  text = gdnn_task_chart_describe (chart);
  gdnn_test_assert_contains (text, "tổng số 21");
  gdnn_test_assert_contains (text, "Hoàn thành: 12");
  gdnn_test_assert_contains (text, "Đang thực hiện: 5");
  gdnn_test_assert_contains (text, "Chưa thực hiện: 3");
  gdnn_test_assert_contains (text, "Quá hạn: 1");
  gdnn_test_assert_contains (text, "Tạm dừng: 0");

  gdnn_task_chart_get_geometry (chart, &style, 420, &g);
  image_render (&img, 420, (int) g.height, draw_tasks, chart, &style);
  image_save (&img, "chart-tasks.png");

  /* Done (first row, 12) and in progress (second row, 5) to scale. */
  end = run_end (&img, (int) g.plot_x, (int) (g.top + 0.5 * g.row_height), &style.on_track);
  g_assert_cmpint (abs (end - (int) round (g.plot_x + 12 / g.axis_max * g.plot_width)), <=, 2);
  end = run_end (&img, (int) g.plot_x, (int) (g.top + 1.5 * g.row_height), &style.in_progress);
  g_assert_cmpint (abs (end - (int) round (g.plot_x + 5 / g.axis_max * g.plot_width)), <=, 2);
  /* Paused (last row, 0): no bar. */
  g_assert_cmpint (run_end (&img, (int) g.plot_x, (int) (g.top + 4.5 * g.row_height), &style.paused), ==, -1);

  image_clear (&img);
}

/* On a PDF page in points, at a print size, the three charts one below
 * the other; pdftotext (when present) reads the Vietnamese labels back. */
static void
test_pdf (void)
{
  g_autoptr(GdnnIndicatorChart) ind = sample_indicator ();
  g_autoptr(GdnnPlanChart) plan = sample_plan ();
  g_autoptr(GdnnTaskChart) tasks = gdnn_task_chart_new ();
  g_autofree char *dir = g_dir_make_tmp ("gdnn-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  cairo_surface_t *surface;
  GdnnChartStyle style;
  cairo_t *cr;
  double y = 56, w = 595 - 85 - 56, h;
  gsize length = 0;

  gdnn_chart_style_init (&style);
  style.font_family = "Liberation Serif";
  tasks->year = 2026;
  tasks->counts[GDNN_TASK_DONE] = 4;

  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  h = gdnn_indicator_chart_natural_height (ind, &style, w);
  gdnn_indicator_chart_draw (ind, &style, cr, 85, y, w, h);
  y += h + 20;
  h = gdnn_plan_chart_natural_height (plan, &style, w);
  gdnn_plan_chart_draw (plan, &style, cr, 85, y, w, h);
  y += h + 20;
  h = gdnn_task_chart_natural_height (tasks, &style, w);
  gdnn_task_chart_draw (tasks, &style, cr, 85, y, w, h);
  g_assert_cmpfloat (y + h, <, 842);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  if (pdftotext != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, path, "-", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &status, NULL));
      gdnn_test_assert_contains (out, "Thực hiện");
      gdnn_test_assert_contains (out, "Mục tiêu");
      gdnn_test_assert_contains (out, "72,5%");
      gdnn_test_assert_contains (out, "chưa có số liệu");
      gdnn_test_assert_contains (out, "Hoàn thành");
    }

  {
    const char *outdir = g_getenv ("GDNN_TEST_OUTPUT");
    if (outdir != NULL)
      {
        g_autofree char *copy = g_build_filename (outdir, "charts.pdf", NULL);
        g_file_set_contents (copy, contents, (gssize) length, NULL);
      }
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* ---------------------------------------------------- from the database */

static double
db_percent (GdnnStore  *store,
            const char *code,
            int         year)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT CAST(round(100000.0 * v.numerator / v.denominator) AS INTEGER) FROM value v "
    "JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id "
    "JOIN plan p ON p.id = i.plan_id WHERE u.code = 'BG-CD01' AND p.number = '401/KH-UBND' "
    "AND i.code = '%s' AND v.year = %d AND v.period = 'year';", code, year);
  return gdnn_test_query_int (store, sql) / 1000.0;
}

static void
test_data_demo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GdnnIndicatorChart) ind = NULL;
  g_autoptr(GdnnPlanChart) bars = NULL;
  g_autoptr(GdnnTaskChart) tasks = NULL;
  g_autofree char *text = NULL;
  GdnnChartStyle style;
  Image img = { 0 };
  guint total = 0;
  gint64 n_tasks;

  g_assert_true (gdnn_demo_populate (fixture->store, 2026, &error));
  g_assert_no_error (error);
  unit = gdnn_test_find_unit (fixture->store, "BG-CD01");
  plan = gdnn_test_find_plan (fixture->store, "401/KH-UBND");
  gdnn_chart_style_init (&style);

  /* One chart per indicator, sorted by code. */
  charts = gdnn_chart_data_indicators (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpint (charts->len, ==,
                   gdnn_test_query_int (fixture->store,
                                        "SELECT count(*) FROM indicator i JOIN plan p ON p.id = i.plan_id "
                                        "WHERE p.number = '401/KH-UBND';"));
  for (guint i = 1; i < charts->len; i++)
    {
      GdnnIndicatorChart *a = g_ptr_array_index (charts, i - 1);
      GdnnIndicatorChart *b = g_ptr_array_index (charts, i);
      g_autofree char *ka = g_utf8_collate_key_for_filename (a->code, -1);
      g_autofree char *kb = g_utf8_collate_key_for_filename (b->code, -1);
      g_assert_cmpint (strcmp (ka, kb), <, 0);
    }

  ind = gdnn_chart_data_indicator (fixture->store, unit->id, plan->id, "I.2.a.1", 2026, &error);
  g_assert_no_error (error);
  g_assert_true (ind->is_percent);
  g_assert_cmpint (ind->first_year, ==, plan->baseline_year);
  g_assert_cmpint (ind->last_year, ==, plan->last_year);
  g_assert_cmpuint (ind->points->len, ==, (guint) (2026 - plan->baseline_year + 1));
  for (guint i = 0; i < ind->points->len; i++)
    {
      const GdnnChartPoint *pt = &g_array_index (ind->points, GdnnChartPoint, i);
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM value v JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id "
        "WHERE u.code = 'BG-CD01' AND i.code = 'I.2.a.1' AND v.year = %d;", pt->year);
      gboolean stored = gdnn_test_query_int (fixture->store, sql) > 0;

      g_assert_cmpint (pt->has_value, ==, stored);
      if (stored)
        g_assert_cmpfloat_with_epsilon (pt->value, db_percent (fixture->store, "I.2.a.1", pt->year), 0.001);
    }
  g_assert_cmpuint (ind->targets->len, ==, 2);
  text = gdnn_indicator_chart_describe (ind);
  gdnn_test_assert_contains (text, "2025: 50%, 2030: 100%");
  {
    g_autofree char *v = gdnn_format_percent (db_percent (fixture->store, "I.2.a.1", 2026), 1);
    g_autofree char *item = g_strconcat ("2026: ", v, NULL);
    gdnn_test_assert_contains (text, item);
  }
  image_render (&img, 640, (int) gdnn_indicator_chart_natural_height (ind, &style, 640), draw_indicator, ind, &style);
  image_save (&img, "chart-demo-indicator.png");
  image_clear (&img);

  /* I.2.a.1 in 2026 is measured against 2030's 100%. */
  bars = gdnn_chart_data_plan (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bars->bars->len, ==, charts->len);
  for (guint i = 0; i < bars->bars->len; i++)
    {
      GdnnChartBar *bar = g_ptr_array_index (bars->bars, i);
      if (g_str_equal (bar->code, "I.2.a.1"))
        {
          g_assert_cmpint (bar->target_year, ==, 2030);
          g_assert_cmpfloat_with_epsilon (bar->percent, db_percent (fixture->store, "I.2.a.1", 2026), 0.001);
          g_assert_cmpint (bar->state, !=, GDNN_CHART_BAR_NO_VALUE);
        }
    }
  image_render (&img, 560, (int) gdnn_plan_chart_natural_height (bars, &style, 560), draw_plan, bars, &style);
  image_save (&img, "chart-demo-plan.png");
  image_clear (&img);

  /* Every task of the plan is counted once. */
  tasks = gdnn_chart_data_tasks (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < GDNN_N_TASK_STATUS; i++)
    total += tasks->counts[i];
  n_tasks = gdnn_test_query_int (fixture->store,
                                 "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id "
                                 "WHERE p.number = '401/KH-UBND' AND (t.unit_id IS NULL OR t.unit_id = "
                                 "(SELECT id FROM unit WHERE code = 'BG-CD01'));");
  g_assert_cmpint (total, ==, n_tasks);
  image_render (&img, 560, (int) gdnn_task_chart_natural_height (tasks, &style, 560), draw_tasks, tasks, &style);
  image_save (&img, "chart-demo-tasks.png");
  image_clear (&img);

  /* An unknown code is an error, not a crash. */
  g_assert_null (gdnn_chart_data_indicator (fixture->store, unit->id, plan->id, "Z.9", 2026, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
}

/* A share of the milestone just below 100% is printed below 100%: 99 999
 * of 100 000 (I.2.a.1 in 2026, against 2030's 100%) is "99,999%", not
 * "100%". */
static void
test_data_percent_agrees (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GdnnPlanChart) bars = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gdnn_demo_populate (fixture->store, 2026, &error));
  g_assert_no_error (error);
  unit = gdnn_test_find_unit (fixture->store, "BG-CD01");
  plan = gdnn_test_find_plan (fixture->store, "401/KH-UBND");
  gdnn_test_exec (fixture->store,
                  "UPDATE value SET numerator = 99999, denominator = 100000 WHERE year = 2026 "
                  "AND unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') AND indicator_id = "
                  "(SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                  "WHERE p.number = '401/KH-UBND' AND i.code = 'I.2.a.1');");
  bars = gdnn_chart_data_plan (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  text = gdnn_plan_chart_describe (bars);
  gdnn_test_assert_contains (text, "I.2.a.1: 99,999%, đạt 99,999% mục tiêu năm 2030 (100%), đúng tiến độ;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/chart/indicator", test_indicator);
  g_test_add_func ("/render/chart/plan-bars", test_plan_bars);
  g_test_add_func ("/render/chart/plan-60-indicators", test_plan_many);
  g_test_add_func ("/render/chart/tasks", test_tasks);
  g_test_add_func ("/render/chart/pdf", test_pdf);
  g_test_add ("/render/chart-data/demo", Fixture, NULL, fixture_setup, test_data_demo, fixture_teardown);
  g_test_add ("/render/chart-data/percent-agrees", Fixture, NULL, fixture_setup, test_data_percent_agrees,
              fixture_teardown);

  return g_test_run ();
}
