/* gdnn-report-pdf.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "gdnn-report-doc.h"

G_BEGIN_DECLS

/* A4 in PostScript points, the unit every drawing function works in. */
#define GDNN_REPORT_PAGE_WIDTH  595.2756
#define GDNN_REPORT_PAGE_HEIGHT 841.8898

/**
 * GdnnReportChartFunc:
 * @cr: the page, in points, origin at the page's top left
 * @doc: the document being drawn
 * @x: @y: @width: @height: the rectangle the chart must fill
 *
 * The hook where section II's chart is drawn. The renderer reserves the
 * rectangle and calls this; the chart itself belongs to the shared cairo
 * chart renderer (src/render/gdnn-chart.h), which the application and
 * the command line connect with gdnn_report_pdf_set_chart_func ().
 * Without a hook, the rectangle is left out.
 */
typedef void (*GdnnReportChartFunc) (cairo_t             *cr,
                                     const GdnnReportDoc *doc,
                                     double               x,
                                     double               y,
                                     double               width,
                                     double               height,
                                     gpointer             user_data);

typedef struct _GdnnReportPdf GdnnReportPdf;

/* Lays @doc out into pages once; the PDF, the print preview and the
 * printout then draw the same pages. */
GdnnReportPdf *gdnn_report_pdf_new            (const GdnnReportDoc *doc);
void           gdnn_report_pdf_free           (GdnnReportPdf       *self);
void           gdnn_report_pdf_set_chart_func (GdnnReportPdf       *self,
                                               GdnnReportChartFunc  func,
                                               gpointer             user_data);
guint          gdnn_report_pdf_get_n_pages    (GdnnReportPdf       *self);
void           gdnn_report_pdf_draw_page      (GdnnReportPdf       *self,
                                               cairo_t             *cr,
                                               guint                page);
gboolean       gdnn_report_pdf_write          (GdnnReportPdf       *self,
                                               const char          *path,
                                               GError             **error);

/* One call: lay out and write. */
gboolean       gdnn_report_pdf_export         (const GdnnReportDoc *doc,
                                               const char          *path,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReportPdf, gdnn_report_pdf_free)

G_END_DECLS
