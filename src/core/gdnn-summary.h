/* gdnn-summary.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-schedule.h"
#include "gdnn-store.h"

G_BEGIN_DECLS

/* What the overview of a unit's plan shows for a year. */
typedef struct
{
  int      year;
  guint    n_indicators;
  guint    n_with_value;
  guint    n_tasks;
  guint    tasks_by_status[GDNN_N_TASK_STATUS];
  guint    n_tasks_late;    /* marked overdue, or past the due date and not done */
  guint    n_notes_missing; /* values behind their track without an explanation */
  int      days_left;       /* -1: no schedule, ended, or overdue */
  gboolean ended;           /* the next due date falls after the plan's last year */
  gboolean overdue;         /* the report of @year is past its due date and not finalised */
  int      days_late;       /* when overdue: days since @due */
  GDate    due;
  char    *period_name;
  char    *late_text;       /* when overdue: "Báo cáo năm 2026 đã quá hạn 8 ngày" */
} GdnnPlanSummary;

/* Which report of a unit's plan is current on a day (gdnn-schedule.h),
 * with the report table's finalised state. */
typedef struct
{
  GdnnDueKind  kind;
  int          year;         /* clamped to the plan's years */
  GDate        due;
  int          days;         /* UPCOMING: days left; OVERDUE: days late */
  char        *period_code;
  char        *period_name;
  char        *late_text;    /* OVERDUE only */
} GdnnPlanDue;

GdnnPlanDue     *gdnn_plan_due_compute     (GdnnStore   *store,
                                            gint64       unit_id,
                                            gint64       plan_id,
                                            const GDate *today,
                                            GError     **error);
void             gdnn_plan_due_free        (GdnnPlanDue *due);

GdnnPlanSummary *gdnn_plan_summary_compute (GdnnStore   *store,
                                            gint64       unit_id,
                                            gint64       plan_id,
                                            const GDate *today,
                                            GError     **error);
void             gdnn_plan_summary_free    (GdnnPlanSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnPlanSummary, gdnn_plan_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnPlanDue, gdnn_plan_due_free)

G_END_DECLS
