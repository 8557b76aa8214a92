/* gdnn-report-compare.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

/* What changed between the report as it was finalised (its stored
 * snapshot, gdnn_report_doc_snapshot ()) and the report the current data
 * would print. */

typedef enum
{
  GDNN_REPORT_DIFF_HEADER,      /* number, place, date, signer, recipients, narrative */
  GDNN_REPORT_DIFF_TASK,
  GDNN_REPORT_DIFF_INDICATOR,
  GDNN_REPORT_DIFF_BUDGET,
} GdnnReportDiffKind;

typedef struct
{
  GdnnReportDiffKind  kind;
  char               *key;       /* the snapshot's key, "indicator/I.2.a.1/numerator" */
  char               *code;      /* the indicator or task code; NULL otherwise */
  char               *subject;   /* "Indicator I.2.a.1", "Task II.1.2", "Header" */
  char               *field;     /* "Numerator", "Status" */
  char               *sent;      /* as finalised, formatted; "—" for none */
  char               *current;   /* as the data say now */
} GdnnReportDiff;

void       gdnn_report_diff_free          (GdnnReportDiff *diff);
char      *gdnn_report_diff_describe      (const GdnnReportDiff *diff);

GPtrArray *gdnn_report_compare_snapshots  (const char   *sent,
                                           const char   *current,
                                           GError      **error);
GPtrArray *gdnn_report_compare            (GdnnStore    *store,
                                           gint64        unit_id,
                                           gint64        plan_id,
                                           int           year,
                                           const GDate  *today,
                                           char        **finalised_at,
                                           GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReportDiff, gdnn_report_diff_free)

G_END_DECLS
