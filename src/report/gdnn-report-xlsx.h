/* gdnn-report-xlsx.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-report-doc.h"

G_BEGIN_DECLS

/* The visible sheets, in order; the hidden one is GDNN_REPORT_DATA_SHEET. */
#define GDNN_REPORT_SHEET_REPORT     "Báo cáo"
#define GDNN_REPORT_SHEET_TASKS      "Nhiệm vụ"
#define GDNN_REPORT_SHEET_INDICATORS "Chỉ tiêu"
#define GDNN_REPORT_SHEET_BUDGET     "Kinh phí"

gboolean gdnn_report_xlsx_write (const GdnnReportDoc  *doc,
                                 const char           *path,
                                 GError              **error);

G_END_DECLS
