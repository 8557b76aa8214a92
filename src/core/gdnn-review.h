/* gdnn-review.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-model.h"
#include "gdnn-store.h"
#include "gdnn-submission.h"

G_BEGIN_DECLS

/* The reviewing office's side (DESIGN §1.2, §2 "Submission"): storing the
 * reports the units sent, who is late or missing, checks on the received
 * values, office totals, accept / return. GTK-free. */

#define GDNN_REVIEW_ERROR (gdnn_review_error_quark ())

typedef enum
{
  GDNN_REVIEW_ERROR_WRONG_PLAN,     /* the plan number is not in the database */
  GDNN_REVIEW_ERROR_WRONG_PERIOD,   /* year outside the plan, or a period the plan does not report on */
  GDNN_REVIEW_ERROR_MISMATCH,       /* an indicator/task code or measure the plan does not have */
  GDNN_REVIEW_ERROR_DUPLICATE,      /* the same file (SHA-256) was already received */
  GDNN_REVIEW_ERROR_INVALID,        /* anything else the database refuses */
} GdnnReviewError;

typedef enum
{
  GDNN_SUBMISSION_RECEIVED,
  GDNN_SUBMISSION_ACCEPTED,
  GDNN_SUBMISSION_RETURNED,
  GDNN_SUBMISSION_REPLACED,   /* a newer file from the same unit, plan and period arrived */
} GdnnSubmissionState;

typedef enum
{
  GDNN_DELIVERY_ON_TIME,
  GDNN_DELIVERY_LATE,         /* received after the plan's due date */
  GDNN_DELIVERY_MISSING,      /* nothing received (yet) */
} GdnnDelivery;

typedef enum
{
  GDNN_PROBLEM_EDITED_CELL,        /* a visible cell differs from the data sheet */
  GDNN_PROBLEM_RATIO_OVER_100,     /* numerator > denominator */
  GDNN_PROBLEM_ZERO_DENOMINATOR,
  GDNN_PROBLEM_DECREASED,          /* lower than last year where the indicator must grow */
  GDNN_PROBLEM_BEHIND_NO_NOTE,     /* behind its track without an explanation */
  GDNN_PROBLEM_NOT_ATTACHED,       /* the unit is not attached to the plan */
  GDNN_PROBLEM_DUPLICATE,          /* an indicator / task reported twice in the file */
  GDNN_PROBLEM_UNKNOWN_UNIT,       /* the unit was added from the file */
  GDNN_PROBLEM_MISSING_VALUE,      /* an indicator without a value */
} GdnnProblemKind;

typedef struct
{
  gint64           id;
  gint64           submission_id;
  GdnnProblemKind  kind;
  char            *ref;        /* indicator / task code or cell, may be NULL */
  char            *message;    /* Vietnamese, as printed in a return letter */
} GdnnReviewProblem;

/* One stored submission (a row of the history). */
typedef struct
{
  gint64               id;
  gint64               unit_id;
  char                *unit_code;
  char                *unit_name;
  gint64               plan_id;
  char                *plan_number;
  int                  year;
  char                *period;
  char                *file_name;      /* the base name as received */
  char                *sha256;         /* lowercase hex */
  char                *received_at;    /* ISO 8601 local date and time */
  char                *report_date;    /* the sender's own date, ISO 8601, may be NULL */
  char                *report_number;
  GdnnSubmissionState  state;
  char                *note;           /* the officer's note on accept / return */
  int                  problems;
  gint64               replaced_by;    /* the newer submission that replaced this one, or 0 */
} GdnnSubmissionInfo;

/* A unit expected to report on a plan for a period, and where it stands. */
typedef struct
{
  gint64               unit_id;
  char                *unit_code;
  char                *unit_name;
  GdnnDelivery         delivery;
  GdnnSubmissionInfo  *current;        /* the newest not-replaced submission, or NULL */
} GdnnSubmissionStatus;

/* Office total of one indicator over the reporting units. */
typedef struct
{
  gint64       indicator_id;
  char        *code;
  char        *name;
  char        *group_code;
  char        *group_title;
  GdnnMeasure  measure;
  char        *unit_label;
  int          units_reporting;  /* units with a value */
  double       numerator;        /* the sum over units */
  double       denominator;      /* the sum over units (ratios) */
  gboolean     has_value;
  double       value;            /* ratio: numerator / denominator × 100; else the sum */
  gboolean     has_target;
  int          target_year;      /* the next plan-wide milestone */
  double       target_value;
} GdnnAggregateRow;

/* One reporting unit's line in the comparison (annex) table. */
typedef struct
{
  gint64      unit_id;
  char       *unit_code;
  char       *unit_name;
  gint64      submission_id;
  GPtrArray  *values;        /* of GdnnValue or NULL, aligned with the aggregate rows */
  int         tasks_total;   /* the plan's tasks */
  int         tasks_done;    /* reported done */
  int         problems;
} GdnnUnitComparison;

typedef struct
{
  gint64     plan_id;
  int        year;
  gint64     office_id;      /* 0: every unit that submitted */
  GPtrArray *rows;           /* of GdnnAggregateRow, in the plan's indicator order */
  GPtrArray *units;          /* of GdnnUnitComparison, in Vietnamese name order */
} GdnnAggregate;

GQuark              gdnn_review_error_quark        (void);

const char         *gdnn_submission_state_to_string (GdnnSubmissionState state);
gboolean            gdnn_submission_state_from_string (const char        *text,
                                                      GdnnSubmissionState *state);
const char         *gdnn_submission_state_label     (GdnnSubmissionState state);  /* UI language */
const char         *gdnn_delivery_label             (GdnnDelivery        delivery); /* UI language */
const char         *gdnn_problem_kind_to_string     (GdnnProblemKind     kind);

/* Checks @submission against the database and stores it in one
 * transaction: its values, task progress and budget figures go into the
 * same tables under its unit (adding the unit, flagged, when the database
 * does not know it), a submission row with @file_name, @sha256,
 * @received_at and the problems found. A newer file from the same unit,
 * plan and period (by the report's date and finalisation time written in
 * the file, not the order of import) marks the older one
 * GDNN_SUBMISSION_REPLACED; an older file stored after a newer one is
 * stored as replaced by it, its figures unused. On error
 * nothing is stored. @submission_id may be NULL. */
gboolean            gdnn_review_store_submission   (GdnnStore            *store,
                                                    const GdnnSubmission *submission,
                                                    const char           *file_name,
                                                    const char           *sha256,
                                                    const char           *received_at,
                                                    gint64               *submission_id,
                                                    GError              **error);

/* The units expected to report (the office's child units attached to the
 * plan; with @office_id 0 every unit attached to the plan that is not a
 * state office), plus any unit that submitted, in Vietnamese name order.
 * @days_left (may be NULL) receives the days from @today to the due date
 * of @year (negative once passed). */
GPtrArray          *gdnn_review_list_status        (GdnnStore            *store,
                                                    gint64                office_id,
                                                    gint64                plan_id,
                                                    int                   year,
                                                    const GDate          *today,
                                                    int                  *days_left,
                                                    GError              **error);

/* Every submission of @plan_id and @year (0: all years), newest first;
 * with @unit_id not 0 only that unit's (its history). */
GPtrArray          *gdnn_review_list_submissions   (GdnnStore            *store,
                                                    gint64                plan_id,
                                                    int                   year,
                                                    gint64                unit_id,
                                                    GError              **error);
GdnnSubmissionInfo *gdnn_review_get_submission     (GdnnStore            *store,
                                                    gint64                submission_id,
                                                    GError              **error);
GPtrArray          *gdnn_review_list_problems      (GdnnStore            *store,
                                                    gint64                submission_id,
                                                    GError              **error);

/* Accept or return (with a note) a submission; the change log keeps it. */
gboolean            gdnn_review_set_state          (GdnnStore            *store,
                                                    gint64                submission_id,
                                                    GdnnSubmissionState   state,
                                                    const char           *note,
                                                    GError              **error);

/* Corrects when the file of @submission_id arrived (@received_at: ISO
 * 8601 date, or date and time); the change log keeps the old and the new
 * time, and delivery (on time / late) follows the new one. */
gboolean            gdnn_review_set_received       (GdnnStore            *store,
                                                    gint64                submission_id,
                                                    const char           *received_at,
                                                    GError              **error);

/* Office totals from the current (received or accepted) submissions. */
GdnnAggregate      *gdnn_review_aggregate          (GdnnStore            *store,
                                                    gint64                office_id,
                                                    gint64                plan_id,
                                                    int                   year,
                                                    GError              **error);

/* Added by the review module: TRUE when the unit was added to the
 * database from a received file (it was not known before). */
gboolean            gdnn_review_unit_is_from_submission (GdnnStore   *store,
                                                         gint64       unit_id);

void                gdnn_review_problem_free       (GdnnReviewProblem    *problem);
void                gdnn_submission_info_free      (GdnnSubmissionInfo   *info);
void                gdnn_submission_status_free    (GdnnSubmissionStatus *status);
void                gdnn_aggregate_free            (GdnnAggregate        *aggregate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnSubmissionInfo, gdnn_submission_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnAggregate, gdnn_aggregate_free)

G_END_DECLS
