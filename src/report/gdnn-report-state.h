/* gdnn-report-state.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

/* What the report table records of a report's last finalisation, for
 * the report page's status line. */
typedef struct
{
  gboolean  saved;          /* a row exists */
  gboolean  final;          /* status is "final" */
  char     *finalised_at;   /* ISO 8601 UTC, NULL if never finalised */
  char     *xlsx_sha256;
  char     *pdf_sha256;
} GdnnReportState;

GdnnReportState *gdnn_report_state_load (GdnnStore        *store,
                                         gint64            unit_id,
                                         gint64            plan_id,
                                         int               year,
                                         GError          **error);
void             gdnn_report_state_free (GdnnReportState  *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReportState, gdnn_report_state_free)

G_END_DECLS
