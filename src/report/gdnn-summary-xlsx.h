/* gdnn-summary-xlsx.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-summary-doc.h"

G_BEGIN_DECLS

#define GDNN_SUMMARY_SHEET_SUMMARY "Tổng hợp"
#define GDNN_SUMMARY_SHEET_ANNEX   "Phụ lục"

gboolean gdnn_summary_xlsx_write (const GdnnSummaryDoc  *doc,
                                  const char            *path,
                                  GError               **error);

G_END_DECLS
