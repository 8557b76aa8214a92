/* gdnn-model.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain records read from and written to the store. Strings are owned
 * UTF-8 (NFC); ids are SQLite rowids, 0 meaning "none / not stored yet". */

typedef enum
{
  GDNN_UNIT_TYPE_CAO_DANG,
  GDNN_UNIT_TYPE_TRUNG_CAP,
  GDNN_UNIT_TYPE_TRUNG_TAM,
  GDNN_UNIT_TYPE_KHAC,
  GDNN_UNIT_TYPE_CO_QUAN,
} GdnnUnitType;

typedef enum
{
  GDNN_OWNERSHIP_NONE,
  GDNN_OWNERSHIP_CONG_LAP,
  GDNN_OWNERSHIP_TU_THUC,
  GDNN_OWNERSHIP_VON_NUOC_NGOAI,
} GdnnOwnership;

typedef enum
{
  GDNN_MEASURE_RATIO,
  GDNN_MEASURE_COUNT,
  GDNN_MEASURE_AMOUNT,
  GDNN_MEASURE_BOOLEAN,
} GdnnMeasure;

typedef enum
{
  GDNN_TASK_NOT_STARTED,
  GDNN_TASK_IN_PROGRESS,
  GDNN_TASK_DONE,
  GDNN_TASK_OVERDUE,
  GDNN_TASK_PAUSED,
  GDNN_N_TASK_STATUS
} GdnnTaskStatus;

typedef enum
{
  GDNN_SOURCE_NGAN_SACH,
  GDNN_SOURCE_XA_HOI_HOA,
  GDNN_SOURCE_KHAC,
} GdnnBudgetSource;

typedef struct
{
  gint64         id;
  char          *code;
  char          *name;
  char          *short_name;
  GdnnUnitType   type;
  GdnnOwnership  ownership;
  gint64         parent_id;
  char          *parent_code;     /* read only: filled by queries */
  char          *governing_body;
  char          *head_name;
  char          *head_title;
  char          *address;
  char          *phone;
  char          *email;
  gboolean       is_sample;
} GdnnUnit;

typedef struct
{
  gint64  id;
  char   *code;      /* "year" or "h1" */
  char   *name;
  int     due_day;
  int     due_month;
} GdnnReportPeriod;

typedef struct
{
  gint64  id;
  char   *number;
  char   *kind;
  char   *title;
  char   *issuer;
  char   *issue_date;
  char   *place;
  int     first_year;
  int     last_year;
  int     baseline_year;
  char   *parent_number;
  char   *recipient;
  char   *summary;
  char   *notes;
} GdnnPlan;

typedef struct
{
  gint64  id;
  gint64  plan_id;
  char   *key;
  char   *name;
  char   *short_name;
  GdnnUnitType kind;
  char   *duties;
  gint64  unit_id;
} GdnnBody;

typedef struct
{
  gint64  id;
  gint64  indicator_id;
  int     year;
  gint64  body_id;    /* 0: plan-wide */
  double  value;
  char   *note;
} GdnnTarget;

typedef struct
{
  gint64       id;
  gint64       plan_id;
  gint64       group_id;
  char        *group_code;   /* read only */
  char        *group_title;  /* read only */
  char        *code;
  char        *name;
  GdnnMeasure  measure;
  char        *unit_label;
  char        *numerator_label;
  char        *denominator_label;
  char        *scope;
  char        *direction;
  char        *source_text;
  int          position;
  GPtrArray   *targets;      /* of GdnnTarget, plan-wide and per body, by year */
} GdnnIndicator;

typedef struct
{
  gint64   id;
  gint64   unit_id;
  gint64   indicator_id;
  int      year;
  char    *period;
  gboolean has_numerator;
  double   numerator;
  gboolean has_denominator;
  double   denominator;
  char    *note;
  char    *evidence;
  char    *status;
  char    *updated_by;
  char    *updated_at;
} GdnnValue;

typedef struct
{
  gint64   id;
  gint64   plan_id;
  gint64   group_id;
  char    *group_code;   /* read only */
  char    *group_title;  /* read only */
  gint64   unit_id;      /* 0: a task of the plan; else the unit's own task */
  char    *code;
  char    *title;
  char    *description;
  gint64   lead_body_id;
  char    *lead_name;    /* read only */
  char    *cooperating;  /* read only: names joined by "; " */
  char    *start_date;
  char    *due_date;
  int      position;
} GdnnTask;

typedef struct
{
  gint64          id;
  gint64          task_id;
  gint64          unit_id;
  int             year;
  char           *period;
  GdnnTaskStatus  status;
  int             progress;
  char           *result;
  char           *updated_at;
} GdnnTaskProgress;

typedef struct
{
  int     year;
  gint64  planned;
  gboolean has_spent;
  gint64  spent;
} GdnnBudgetYear;

typedef struct
{
  gint64            id;
  gint64            plan_id;
  gint64            unit_id;
  char             *name;
  GdnnBudgetSource  source;
  int               position;
  GArray           *years;   /* of GdnnBudgetYear */
  GArray           *reference_years; /* of GdnnBudgetYear: the plan's figures when years
                                      * holds a unit's (gdnn_budget_list_lines ()) */
} GdnnBudgetLine;

GdnnUnit         *gdnn_unit_new               (void);
void              gdnn_unit_free              (GdnnUnit         *unit);
GdnnPlan         *gdnn_plan_new               (void);
void              gdnn_plan_free              (GdnnPlan         *plan);
GdnnReportPeriod *gdnn_report_period_new      (void);
void              gdnn_report_period_free     (GdnnReportPeriod *period);
GdnnBody         *gdnn_body_new               (void);
void              gdnn_body_free              (GdnnBody         *body);
GdnnTarget       *gdnn_target_new             (void);
void              gdnn_target_free            (GdnnTarget       *target);
GdnnIndicator    *gdnn_indicator_new          (void);
void              gdnn_indicator_free         (GdnnIndicator    *indicator);
GdnnValue        *gdnn_value_new              (void);
void              gdnn_value_free             (GdnnValue        *value);
GdnnTask         *gdnn_task_new               (void);
void              gdnn_task_free              (GdnnTask         *task);
GdnnTaskProgress *gdnn_task_progress_new      (void);
void              gdnn_task_progress_free     (GdnnTaskProgress *progress);
GdnnBudgetLine   *gdnn_budget_line_new        (void);
void              gdnn_budget_line_free       (GdnnBudgetLine   *line);

const char       *gdnn_unit_type_to_string    (GdnnUnitType      type);
gboolean          gdnn_unit_type_from_string  (const char       *text,
                                               GdnnUnitType     *type);
const char       *gdnn_unit_type_label        (GdnnUnitType      type);
const char       *gdnn_ownership_to_string    (GdnnOwnership     ownership);
gboolean          gdnn_ownership_from_string  (const char       *text,
                                               GdnnOwnership    *ownership);
const char       *gdnn_ownership_label        (GdnnOwnership     ownership);
const char       *gdnn_measure_to_string      (GdnnMeasure       measure);
gboolean          gdnn_measure_from_string    (const char       *text,
                                               GdnnMeasure      *measure);
const char       *gdnn_task_status_to_string  (GdnnTaskStatus    status);
gboolean          gdnn_task_status_from_string (const char      *text,
                                               GdnnTaskStatus   *status);
const char       *gdnn_task_status_label      (GdnnTaskStatus    status);
const char       *gdnn_task_status_vi_label   (GdnnTaskStatus    status);
const char       *gdnn_budget_source_to_string (GdnnBudgetSource source);
gboolean          gdnn_budget_source_from_string (const char     *text,
                                                 GdnnBudgetSource *source);

gboolean          gdnn_value_get_percent      (const GdnnValue  *value,
                                               double           *percent);
const GdnnTarget *gdnn_indicator_get_target   (const GdnnIndicator *indicator,
                                               int               year,
                                               gint64            body_id);
const GdnnTarget *gdnn_indicator_next_target  (const GdnnIndicator *indicator,
                                               int               year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnUnit, gdnn_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnPlan, gdnn_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReportPeriod, gdnn_report_period_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnBody, gdnn_body_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnTarget, gdnn_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnIndicator, gdnn_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnValue, gdnn_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnTask, gdnn_task_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnTaskProgress, gdnn_task_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnBudgetLine, gdnn_budget_line_free)

G_END_DECLS
