/* gdnn-report-doc.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-model.h"
#include "gdnn-store.h"
#include "gdnn-track.h"

G_BEGIN_DECLS

#define GDNN_REPORT_ERROR (gdnn_report_error_quark ())

typedef enum
{
  GDNN_REPORT_ERROR_NOT_FOUND,   /* no such unit, plan or year */
  GDNN_REPORT_ERROR_INVALID,
  GDNN_REPORT_ERROR_WRITE,       /* a file could not be written */
} GdnnReportError;

/* The hidden, machine-readable sheet of the XLSX (DESIGN §3, contract;
 * docs/report-data-sheet.md). Bump the version on any change of its
 * layout; readers refuse versions they do not know. */
#define GDNN_REPORT_DATA_SHEET          "gdnn_data"
#define GDNN_REPORT_DATA_FORMAT         "gdnn-report-data"
#define GDNN_REPORT_DATA_SCHEMA_VERSION 1

/* How an indicator's value compares with where the plan wants it this
 * year (printed "Vượt", "Đạt", "Chưa đạt"). */
typedef enum
{
  GDNN_REPORT_ASSESSMENT_NONE,       /* no value or no target */
  GDNN_REPORT_ASSESSMENT_NOT_MET,
  GDNN_REPORT_ASSESSMENT_MET,
  GDNN_REPORT_ASSESSMENT_EXCEEDED,
} GdnnReportAssessment;

typedef enum
{
  GDNN_REPORT_WARNING_MISSING_VALUE,
  GDNN_REPORT_WARNING_MISSING_NOTE,      /* behind its track and not explained */
  GDNN_REPORT_WARNING_TASK_NO_RESULT,
  GDNN_REPORT_WARNING_TASK_OVERDUE,      /* due date passed, not done */
  GDNN_REPORT_WARNING_REPORT_LATE,       /* the report's own due date passed */
  GDNN_REPORT_WARNING_OUT_OF_DATE,       /* finalised, but the data changed since */
} GdnnReportWarningKind;

typedef struct
{
  GdnnReportWarningKind  kind;
  char                  *code;      /* the indicator or task code, or NULL */
  char                  *message;   /* for the user, in the UI language */
} GdnnReportWarning;

typedef struct
{
  int    year;
  double value;
} GdnnReportTarget;

/* One row of section II. */
typedef struct
{
  guint                 number;           /* STT, from 1 */
  gint64                indicator_id;
  char                 *code;
  char                 *name;
  char                 *group_code;
  char                 *group_title;
  GdnnMeasure           measure;
  char                 *unit_label;       /* đơn vị tính: "%", "người", "đồng" */
  char                 *numerator_label;
  char                 *denominator_label;
  GArray               *targets;          /* of GdnnReportTarget, by year: the unit's own, else plan-wide */

  gboolean              has_value;
  gboolean              has_numerator;
  double                numerator;
  gboolean              has_denominator;
  double                denominator;
  double                value;            /* the percentage for a ratio, else the numerator */
  char                 *note;             /* giải trình */
  char                 *value_status;     /* "draft" or "confirmed", NULL without a value */

  gboolean              has_track;
  GdnnTrackState        track;
  double                expected;         /* where the value should be this year */
  int                   target_year;      /* the next milestone */
  double                target_value;
  gboolean              has_percent_of_target;
  double                percent_of_target; /* value / next milestone × 100 */
  GdnnReportAssessment  assessment;
  /* Digits after the comma that print value, expected and target_value
   * (and percent_of_target against 100) in the order the assessment says;
   * see gdnn_report_indicator_format (). */
  int                   decimals;
  int                   percent_decimals;
} GdnnReportIndicator;

/* One task of section I, with what the unit reported for the year. */
typedef struct
{
  gint64          task_id;
  char           *code;
  char           *title;
  char           *lead;          /* đơn vị chủ trì */
  char           *cooperating;   /* đơn vị phối hợp, "; "-joined */
  char           *due_date;      /* ISO 8601 or NULL */
  gboolean        reported;      /* the unit gave a status for the year */
  GdnnTaskStatus  status;
  int             progress;
  char           *result;
  gboolean        overdue;       /* due date passed and not done */
} GdnnReportTask;

typedef struct
{
  char      *code;     /* "II.1", or NULL for the unit's own tasks without group */
  char      *title;
  GPtrArray *tasks;    /* of GdnnReportTask */
} GdnnReportTaskGroup;

/* One row of section III, in đồng: the unit's own figures, and the
 * plan's figure for the line as a reference. */
typedef struct
{
  char             *name;
  GdnnBudgetSource  source;
  gint64            planned;        /* this year */
  gboolean          has_spent;
  gint64            spent;
  gint64            planned_total;  /* from the plan's first year to this year */
  gint64            spent_total;
  gboolean          has_reference;  /* the plan gives the line a figure this year */
  gint64            reference;      /* the plan's planned amount this year */
} GdnnReportBudgetLine;

typedef struct
{
  /* Who reports on what */
  gint64      unit_id;
  gint64      plan_id;
  int         year;
  char       *period;              /* "year" */
  char       *period_name;         /* "Báo cáo năm" */
  gboolean    has_schedule;        /* the plan sets report dates: an office receives reports on it */
  char       *unit_code;
  char       *unit_name;
  char       *unit_short_name;
  char       *unit_type;           /* gdnn_unit_type_to_string () */
  char       *unit_ownership;      /* gdnn_ownership_to_string (), NULL for none */
  char       *parent_code;
  char       *plan_number;
  char       *plan_title;
  char       *plan_issuer;

  /* Header block (Nghị định 30/2020, ô 1–4) */
  char       *governing_body;      /* cơ quan chủ quản, as the user wrote it; may be NULL */
  char       *issuing_body;        /* the unit's name */
  char       *national_title;      /* Quốc hiệu */
  char       *motto;               /* Tiêu ngữ */
  char       *number;              /* "05/BC-…", what follows "Số: " */
  char       *place;
  GDate       date;
  char       *place_date;          /* "Bắc Giang, ngày 25 tháng 11 năm 2026" */

  /* Title (ô 5a) and opening paragraph */
  char       *doc_type;            /* "BÁO CÁO" */
  char       *subject;             /* trích yếu */
  char       *intro;

  /* Sections I–V */
  char       *section_titles[5];
  GPtrArray  *task_groups;         /* of GdnnReportTaskGroup */
  GPtrArray  *indicators;          /* of GdnnReportIndicator */
  GArray     *milestone_years;     /* of int: the target years the table shows */
  GPtrArray  *budget_lines;        /* of GdnnReportBudgetLine */
  gint64      budget_planned;
  gint64      budget_spent;
  gint64      budget_planned_total;
  gint64      budget_spent_total;
  gboolean    budget_has_reference; /* a line has a plan figure this year: print the column */
  gint64      budget_reference;     /* the plan's figures this year, summed */
  char       *assessment;          /* đánh giá chung */
  char       *difficulties;
  char       *proposals;
  gboolean    assessment_generated; /* TRUE: a draft built from the data */
  gboolean    difficulties_generated;
  gboolean    proposals_generated;

  /* Closing block */
  GStrv       recipients;          /* Nơi nhận, without "- " and ";"; "Lưu: VT" last */
  char       *signer_title;        /* "HIỆU TRƯỞNG" */
  char       *signer_name;

  /* State */
  gboolean    final;               /* finalised and unchanged since */
  gboolean    draft;               /* print "DỰ THẢO" */
  gboolean    out_of_date;         /* finalised, but the data changed since */
  char       *finalised_at;        /* ISO 8601 UTC of the last finalisation when final, else NULL */
  GDate       due;                 /* the report's due date this year, may be invalid */
  GPtrArray  *warnings;            /* of GdnnReportWarning */
} GdnnReportDoc;

/* What the user writes on the report page; stored in the report table.
 * NULL fields mean "use the default built from the data". */
typedef struct
{
  char *number;
  char *place;
  char *report_date;    /* ISO 8601 */
  char *signer_name;
  char *signer_title;
  char *recipients;     /* one per line */
  char *assessment;
  char *difficulties;
  char *proposals;
} GdnnReportFields;

GQuark              gdnn_report_error_quark       (void);

GdnnReportDoc      *gdnn_report_doc_build         (GdnnStore           *store,
                                                   gint64               unit_id,
                                                   gint64               plan_id,
                                                   int                  year,
                                                   const GDate         *today,
                                                   GError             **error);
GdnnReportDoc      *gdnn_report_doc_build_by_code (GdnnStore           *store,
                                                   const char          *unit_code,
                                                   const char          *plan_number,
                                                   int                  year,
                                                   const GDate         *today,
                                                   GError             **error);
void                gdnn_report_doc_free          (GdnnReportDoc       *doc);
char               *gdnn_report_doc_snapshot      (const GdnnReportDoc *doc);
char               *gdnn_report_doc_default_basename (const GdnnReportDoc *doc);
gboolean            gdnn_report_doc_check_exportable (const GdnnReportDoc *doc,
                                                   GError             **error);
guint               gdnn_report_doc_count_warnings (const GdnnReportDoc *doc,
                                                   GdnnReportWarningKind kind);

const char         *gdnn_report_assessment_label  (GdnnReportAssessment assessment);
char               *gdnn_report_indicator_format  (const GdnnReportIndicator *row,
                                                   double                     value);
char               *gdnn_report_indicator_format_percent_of_target (const GdnnReportIndicator *row);
const char         *gdnn_report_source_label      (GdnnBudgetSource     source);
const char         *gdnn_report_task_status_text  (GdnnTaskStatus       status);

GdnnReportFields   *gdnn_report_fields_new        (void);
void                gdnn_report_fields_free       (GdnnReportFields    *fields);
GdnnReportFields   *gdnn_report_fields_load       (GdnnStore           *store,
                                                   gint64               unit_id,
                                                   gint64               plan_id,
                                                   int                  year,
                                                   GError             **error);
gboolean            gdnn_report_fields_save       (GdnnStore           *store,
                                                   gint64               unit_id,
                                                   gint64               plan_id,
                                                   int                  year,
                                                   const GdnnReportFields *fields,
                                                   GError             **error);
gboolean            gdnn_report_finalise          (GdnnStore           *store,
                                                   const GdnnReportDoc *doc,
                                                   const char          *xlsx_path,
                                                   const char          *pdf_path,
                                                   GError             **error);
gboolean            gdnn_report_reopen            (GdnnStore           *store,
                                                   gint64               unit_id,
                                                   gint64               plan_id,
                                                   int                  year,
                                                   GError             **error);
char               *gdnn_report_file_sha256       (const char          *path,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReportDoc, gdnn_report_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReportFields, gdnn_report_fields_free)

G_END_DECLS
