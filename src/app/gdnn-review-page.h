/* gdnn-review-page.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_REVIEW_PAGE (gdnn_review_page_get_type ())

G_DECLARE_FINAL_TYPE (GdnnReviewPage, gdnn_review_page, GDNN, REVIEW_PAGE, AdwBin)

/* The reviewing office's page for one plan (issue 6): who has submitted,
 * the checks on the received files, the office totals, accept / return,
 * and the import of received files (dropped, or chosen). Emits
 * "open-unit" (unit id, plan id) when the officer asks to open a unit's
 * own plan pages. */

gboolean      gdnn_review_page_show           (GdnnReviewPage  *self,
                                               GdnnStore       *store,
                                               gint64           office_id,
                                               gint64           plan_id,
                                               int              year,
                                               const GDate     *today,
                                               GError         **error);
void          gdnn_review_page_import_files   (GdnnReviewPage  *self,
                                               GSList          *files);
/* The same, the files received at @received_at (ISO 8601; NULL: now). */
void          gdnn_review_page_import_files_received (GdnnReviewPage  *self,
                                                      GSList          *files,
                                                      const char      *received_at);
/* The day of receipt the import chooser's choice @choice (days before
 * @now) stands for, as ISO 8601; NULL for today (the moment of import). */
char         *gdnn_review_page_received_from_choice  (const char      *choice,
                                                      GDateTime       *now);
void          gdnn_review_page_cancel_import  (GdnnReviewPage  *self);
gboolean      gdnn_review_page_is_busy        (GdnnReviewPage  *self);
AdwViewStack *gdnn_review_page_get_view_stack (GdnnReviewPage  *self);

G_END_DECLS
