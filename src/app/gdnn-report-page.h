/* gdnn-report-page.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_REPORT_PAGE (gdnn_report_page_get_type ())

G_DECLARE_FINAL_TYPE (GdnnReportPage, gdnn_report_page, GDNN, REPORT_PAGE, AdwBin)

gboolean           gdnn_report_page_show             (GdnnReportPage  *self,
                                                      GdnnStore       *store,
                                                      gint64           unit_id,
                                                      gint64           plan_id,
                                                      int              year,
                                                      const GDate     *today,
                                                      GError         **error);
gboolean           gdnn_report_page_save             (GdnnReportPage  *self,
                                                      GError         **error);
gboolean           gdnn_report_page_export           (GdnnReportPage  *self,
                                                      const char      *xlsx_path,
                                                      const char      *pdf_path,
                                                      GError         **error);
gboolean           gdnn_report_page_finalise         (GdnnReportPage  *self,
                                                      const char      *folder,
                                                      GError         **error);
gboolean           gdnn_report_page_reopen           (GdnnReportPage  *self,
                                                      GError         **error);
GtkPrintOperation *gdnn_report_page_create_print_operation (GdnnReportPage *self);
guint              gdnn_report_page_get_n_pages      (GdnnReportPage  *self);
guint              gdnn_report_page_get_n_warnings   (GdnnReportPage  *self);
gboolean           gdnn_report_page_get_out_of_date  (GdnnReportPage  *self);
gboolean           gdnn_report_page_get_final        (GdnnReportPage  *self);
gboolean           gdnn_report_page_is_busy          (GdnnReportPage  *self);

G_END_DECLS
