/* gdnn-submission.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-model.h"

G_BEGIN_DECLS

/* What a submitted report file says, independent of its format: the
 * exchange layer's XLSX reader (src/exchange/gdnn-submission-read.c) fills
 * it from the hidden data sheet (docs/report-data-sheet.md) after checking
 * every field's syntax; the review module (gdnn-review.c) checks it against
 * the database and stores it. Strings are owned, UTF-8 NFC. */

typedef struct
{
  char        *code;             /* indicator code as printed */
  GdnnMeasure  measure;
  gboolean     has_numerator;
  double       numerator;
  gboolean     has_denominator;
  double       denominator;
  gboolean     has_value;
  double       value;            /* % for a ratio, else the numerator */
  char        *note;             /* giải trình, NULL when empty */
  char        *status;           /* "draft" or "confirmed", NULL without a value */
} GdnnSubmittedValue;

typedef struct
{
  char           *code;
  gboolean        has_status;    /* FALSE: the unit gave no status */
  GdnnTaskStatus  status;
  int             progress;      /* 0–100 */
  char           *result;        /* NULL when empty */
} GdnnSubmittedTask;

typedef struct
{
  int               position;    /* 1… */
  char             *name;
  GdnnBudgetSource  source;
  int               year;
  gint64            planned;     /* đồng */
  gboolean          has_spent;
  gint64            spent;
} GdnnSubmittedBudget;

/* A visible cell a person changed after export: it no longer shows what
 * the hidden data sheet holds. */
typedef struct
{
  char *cell;          /* "'Chỉ tiêu'!G7" */
  char *what;          /* "I.2.a.1 – tử số" */
  char *data_text;     /* what the data sheet holds, as text ("45") */
  char *visible_text;  /* what the visible cell shows ("48", "" when emptied) */
} GdnnCellDifference;

typedef struct
{
  int            schema_version;
  char          *generator;
  char          *unit_code;
  char          *unit_name;
  GdnnUnitType   unit_type;
  GdnnOwnership  unit_ownership;
  char          *parent_code;     /* NULL when empty */
  char          *plan_number;
  int            year;
  char          *period;          /* "year" or "h1" */
  char          *report_number;   /* NULL when empty */
  char          *report_date;     /* ISO 8601, NULL when empty */
  char          *finalised_at;    /* ISO 8601 UTC date-time of the finalisation, NULL when empty */
  gboolean       is_final;        /* status "final" */
  char          *signer_name;
  char          *signer_title;

  GPtrArray     *values;          /* of GdnnSubmittedValue, in the file's order */
  GPtrArray     *tasks;           /* of GdnnSubmittedTask */
  GPtrArray     *budget;          /* of GdnnSubmittedBudget */
  GPtrArray     *differences;     /* of GdnnCellDifference */
} GdnnSubmission;

GdnnSubmission      *gdnn_submission_new             (void);
void                 gdnn_submission_free            (GdnnSubmission      *submission);
GdnnSubmittedValue  *gdnn_submitted_value_new        (void);
void                 gdnn_submitted_value_free       (GdnnSubmittedValue  *value);
GdnnSubmittedTask   *gdnn_submitted_task_new         (void);
void                 gdnn_submitted_task_free        (GdnnSubmittedTask   *task);
GdnnSubmittedBudget *gdnn_submitted_budget_new       (void);
void                 gdnn_submitted_budget_free      (GdnnSubmittedBudget *budget);
GdnnCellDifference  *gdnn_cell_difference_new        (const char          *cell,
                                                      const char          *what,
                                                      const char          *data_text,
                                                      const char          *visible_text);
void                 gdnn_cell_difference_free       (GdnnCellDifference  *difference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnSubmission, gdnn_submission_free)

G_END_DECLS
