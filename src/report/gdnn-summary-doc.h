/* gdnn-summary-doc.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-model.h"
#include "gdnn-review.h"

G_BEGIN_DECLS

/* The reviewing office's summary report (DESIGN §1.2, issue 6): one model
 * of the document, built from the office totals of gdnn_review_aggregate ()
 * and the office's own data; the PDF, the XLSX and the CSV writers lay it
 * out. Its text is Vietnamese whatever the UI language. */

/* One office total (section II), copied from a GdnnAggregateRow. */
typedef struct
{
  guint        number;           /* STT, from 1 */
  char        *code;
  char        *name;
  char        *group_code;
  char        *group_title;
  GdnnMeasure  measure;
  char        *unit_label;
  int          units_reporting;
  gboolean     has_value;
  double       numerator;        /* sums over the units */
  double       denominator;
  double       value;            /* ratio: % of the sums; else the sum */
  gboolean     has_target;
  int          target_year;
  double       target_value;
} GdnnSummaryIndicator;

/* One unit's value of one indicator in the annex. */
typedef struct
{
  gboolean has_value;
  gboolean has_numerator;
  double   numerator;
  gboolean has_denominator;
  double   denominator;
  double   value;                /* % for a ratio, else the numerator */
} GdnnSummaryCell;

/* One reporting unit (section III and the annex). */
typedef struct
{
  char   *unit_code;
  char   *unit_name;
  int     tasks_total;
  int     tasks_done;
  int     problems;
  GArray *cells;                 /* of GdnnSummaryCell, aligned with the indicators */
} GdnnSummaryUnit;

typedef struct
{
  char       *plan_number;
  char       *plan_title;
  int         year;
  char       *office_code;
  char       *office_name;

  /* Header block (Nghị định 30/2020, ô 1–4) */
  char       *governing_body;    /* may be NULL */
  char       *issuing_body;      /* the office's name in capitals */
  char       *national_title;
  char       *motto;
  char       *number;            /* what follows "Số: " */
  char       *place;
  GDate       date;
  char       *place_date;

  /* Title and opening paragraph */
  char       *doc_type;          /* "BÁO CÁO" */
  char       *subject;           /* "Tổng hợp kết quả thực hiện Kế hoạch số … năm …" */
  char       *intro;
  char       *section_titles[3];

  /* I. Receipt of the units' reports */
  int         units_expected;
  int         units_submitted;
  int         units_on_time;
  int         units_late;
  int         units_missing;
  GStrv       late_units;        /* names */
  GStrv       missing_units;
  char       *receipt_text;      /* the paragraph printed under I */

  /* II. Office totals; III. and the annex: the units */
  GPtrArray  *indicators;        /* of GdnnSummaryIndicator */
  GPtrArray  *units;             /* of GdnnSummaryUnit, in Vietnamese name order */
  int         tasks_total;
  int         tasks_done;

  /* Annex (Phụ lục) */
  char       *annex_label;       /* "Phụ lục" */
  char       *annex_title;       /* "SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ" */
  char       *annex_note;        /* "(Kèm theo Báo cáo số … ngày … của …)" */

  /* Closing block */
  char       *closing;           /* "Trên đây là …./." */
  GStrv       recipients;        /* Nơi nhận, "Lưu: VT" last */
  char       *signer_title;
  char       *signer_name;
} GdnnSummaryDoc;

/**
 * gdnn_summary_doc_new:
 * @office: the reviewing office writing the summary (its name, governing
 *   body, head); %NULL for a summary over every unit
 * @plan: the plan reported on
 * @aggregate: gdnn_review_aggregate ()'s totals; copied
 * @status: (nullable): gdnn_review_list_status ()'s rows (of
 *   GdnnSubmissionStatus) for the counts of section I; without it every
 *   unit of @aggregate counts as submitted on time
 * @date: (nullable): the document's date; today when %NULL
 */
GdnnSummaryDoc *gdnn_summary_doc_new       (const GdnnUnit      *office,
                                            const GdnnPlan      *plan,
                                            const GdnnAggregate *aggregate,
                                            GPtrArray           *status,
                                            const GDate         *date);
void            gdnn_summary_doc_free      (GdnnSummaryDoc      *doc);

/* A value as the documents print it: "47,5%", "1.250", "Có". */
char           *gdnn_summary_format_value  (GdnnMeasure          measure,
                                            double               value);

/* DESIGN §5 (contract): indicator_code,units_reporting,numerator,
 * denominator,value, '.' as decimal point, RFC 4180. */
char           *gdnn_summary_doc_to_csv    (const GdnnSummaryDoc *doc);
gboolean        gdnn_summary_csv_write     (const GdnnSummaryDoc *doc,
                                            const char           *path,
                                            GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnSummaryDoc, gdnn_summary_doc_free)

G_END_DECLS
