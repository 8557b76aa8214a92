/* test-report-render.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writers' own contracts: the chart hook of the PDF renderer, pages
 * drawn into any cairo context, and errors as GError without partial
 * files. The files' content is checked by test-report-files.sh. */

#include "config.h"

#include <locale.h>

#include "gdnn-demo.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-pdf.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-test-utils.h"

static GdnnReportDoc *
demo_doc (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  GdnnReportDoc *doc;

  gdnn_demo_populate (fixture->store, 2026, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  doc = gdnn_report_doc_build_by_code (fixture->store, "BG-CD01", "401/KH-UBND", 2026, &today, &error);
  g_assert_no_error (error);
  return doc;
}

typedef struct
{
  guint  calls;
  double x, y, width, height;
  const GdnnReportDoc *doc;
} ChartCalls;

static void
record_chart (cairo_t             *cr,
              const GdnnReportDoc *doc,
              double               x,
              double               y,
              double               width,
              double               height,
              gpointer             user_data)
{
  ChartCalls *calls = user_data;

  calls->calls++;
  calls->x = x;
  calls->y = y;
  calls->width = width;
  calls->height = height;
  calls->doc = doc;
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
test_chart_hook (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = demo_doc (fixture);
  g_autoptr(GdnnReportPdf) pdf = gdnn_report_pdf_new (doc);
  g_autofree char *path = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ChartCalls calls = { 0 };
  guint without, with;

  without = gdnn_report_pdf_get_n_pages (pdf);
  g_assert_cmpuint (without, >=, 2);
  gdnn_report_pdf_set_chart_func (pdf, record_chart, &calls);
  with = gdnn_report_pdf_get_n_pages (pdf);
  g_assert_cmpuint (with, >=, without);
  gdnn_report_pdf_write (pdf, path, &error);
  g_assert_no_error (error);

  /* Called once, inside the text block of an A4 page. */
  g_assert_cmpuint (calls.calls, ==, 1);
  g_assert_true (calls.doc == doc);
  g_assert_cmpfloat (calls.x, >=, 80);
  g_assert_cmpfloat (calls.x + calls.width, <=, GDNN_REPORT_PAGE_WIDTH - 40);
  g_assert_cmpfloat (calls.height, >, 100);
  g_assert_cmpfloat (calls.y, >=, 50);
  g_assert_cmpfloat (calls.y + calls.height, <=, GDNN_REPORT_PAGE_HEIGHT - 50);
}

/* What the print preview does: draw a page into another surface. */
static void
test_draw_page (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = demo_doc (fixture);
  g_autoptr(GdnnReportPdf) pdf = gdnn_report_pdf_new (doc);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  guint dark = 0;
  unsigned char *data;
  int stride;

  cairo_scale (cr, 0.5, 0.5);
  gdnn_report_pdf_draw_page (pdf, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      if ((data[y * stride + x * 4] & 0xff) < 100)
        dark++;
  /* Text was drawn: some pixels are dark, most are paper. */
  g_assert_cmpuint (dark, >, 500);
  g_assert_cmpuint (dark, <, 298 * 421 / 4);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_write_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = demo_doc (fixture);
  g_autofree char *dir = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "r.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gdnn_report_xlsx_write (doc, xlsx, &error));
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (gdnn_report_pdf_export (doc, pdf, &error));
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gdnn_test_count_files (fixture->dir, "r."), ==, 0);
}

/* Pixels of page 1 tinted red: the DỰ THẢO marks. */
static guint
red_pixels (const GdnnReportDoc *doc)
{
  g_autoptr(GdnnReportPdf) pdf = gdnn_report_pdf_new (doc);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  unsigned char *data;
  int stride;
  guint red = 0;

  cairo_scale (cr, 0.5, 0.5);
  gdnn_report_pdf_draw_page (pdf, cr, 0);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      {
        const unsigned char *px = data + y * stride + x * 4;   /* B, G, R, x */
        if (px[2] > px[1] + 15)
          red++;
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return red;
}

/* A draft carries the DỰ THẢO marks; a finalised report does not. */
static void
test_draft_marks (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = demo_doc (fixture);
  g_autoptr(GdnnReportDoc) final = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_assert_true (doc->draft);
  g_assert_cmpuint (red_pixels (doc), >, 200);
  gdnn_report_finalise (fixture->store, doc, NULL, NULL, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  final = gdnn_report_doc_build (fixture->store, doc->unit_id, doc->plan_id, 2026, &today, &error);
  g_assert_no_error (error);
  g_assert_false (final->draft);
  g_assert_cmpuint (red_pixels (final), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/pdf/chart-hook", Fixture, NULL, fixture_setup, test_chart_hook, fixture_teardown);
  g_test_add ("/report/pdf/draw-page", Fixture, NULL, fixture_setup, test_draw_page, fixture_teardown);
  g_test_add ("/report/write-errors", Fixture, NULL, fixture_setup, test_write_errors, fixture_teardown);
  g_test_add ("/report/pdf/draft-marks", Fixture, NULL, fixture_setup, test_draft_marks, fixture_teardown);

  return g_test_run ();
}
