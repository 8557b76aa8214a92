/* gdnn-cli-summary-stub.c — TEMPORARY, DELETE WHEN MERGING.
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Weak stand-ins for the review functions gdnn-cli-summary.c calls, so
 * that the binary links while src/core/gdnn-review.c is written on
 * another branch. The integrator deletes this file and its line in
 * src/cli/meson.build once gdnn-review.c is in the core library: a weak
 * definition pulled from this archive could otherwise shadow the real
 * one. */

#include "config.h"

#include "gdnn-review.h"

#define STUB __attribute__ ((weak))

STUB GQuark
gdnn_review_error_quark (void)
{
  return g_quark_from_static_string ("gdnn-review-error-quark");
}

STUB GdnnAggregate *
gdnn_review_aggregate (GdnnStore  *store,
                       gint64      office_id,
                       gint64      plan_id,
                       int         year,
                       GError    **error)
{
  g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                       "the review module is not built in (temporary stub)");
  return NULL;
}

STUB GPtrArray *
gdnn_review_list_status (GdnnStore    *store,
                         gint64        office_id,
                         gint64        plan_id,
                         int           year,
                         const GDate  *today,
                         int          *days_left,
                         GError      **error)
{
  g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                       "the review module is not built in (temporary stub)");
  return NULL;
}

STUB void
gdnn_submission_status_free (GdnnSubmissionStatus *status)
{
}

STUB void
gdnn_aggregate_free (GdnnAggregate *aggregate)
{
}
