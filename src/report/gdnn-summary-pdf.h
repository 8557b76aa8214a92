/* gdnn-summary-pdf.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-pdf-layout.h"
#include "gdnn-summary-doc.h"

G_BEGIN_DECLS

/* The summary laid out on pages (portrait; the annex on landscape pages
 * with its own numbering); @doc must outlive the result. */
GdnnPdfLayout *gdnn_summary_pdf_layout (const GdnnSummaryDoc  *doc);
gboolean       gdnn_summary_pdf_write  (const GdnnSummaryDoc  *doc,
                                        const char            *path,
                                        GError               **error);

G_END_DECLS
