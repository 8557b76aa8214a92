/* gdnn-schedule.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-model.h"

G_BEGIN_DECLS

int gdnn_schedule_next_due (GPtrArray               *periods,
                            const GDate             *today,
                            GDate                   *due,
                            const GdnnReportPeriod **period);

gboolean gdnn_schedule_due_in_year (const GdnnReportPeriod *period,
                                    int                     year,
                                    GDate                  *due);

/* Where a plan's reporting stands on a given day. */
typedef enum
{
  GDNN_DUE_NONE,      /* the plan sets no report dates */
  GDNN_DUE_UPCOMING,  /* the next report is due in @days days (0: today) */
  GDNN_DUE_OVERDUE,   /* a report's due date passed @days days ago and it is still open */
  GDNN_DUE_ENDED,     /* the plan is over: no report is due any more */
} GdnnDueKind;

typedef struct
{
  GdnnDueKind             kind;
  const GdnnReportPeriod *period;  /* borrowed from the schedule; NULL for NONE and ENDED */
  int                     year;    /* the report's year; for NONE the year of today */
  GDate                   due;     /* invalid for NONE and ENDED */
  int                     days;    /* UPCOMING: days left; OVERDUE: days late; else 0 */
} GdnnDueState;

/**
 * GdnnReportOpenFunc:
 * @period: a period of the schedule
 * @year: the report's year
 *
 * Returns: %TRUE when the report of @period and @year is still to be
 *   sent (not finalised), %FALSE when it was finalised or is not owed.
 */
typedef gboolean (*GdnnReportOpenFunc) (const GdnnReportPeriod *period,
                                        int                     year,
                                        gpointer                user_data);

void  gdnn_schedule_due_state        (GPtrArray          *periods,
                                      int                 first_year,
                                      int                 last_year,
                                      const GDate        *today,
                                      GdnnReportOpenFunc  is_open,
                                      gpointer            user_data,
                                      GdnnDueState       *state);
char *gdnn_due_state_describe_late   (const GdnnDueState *state);
int   gdnn_schedule_days_late        (const GDate        *due,
                                      const char         *finalised_at);

G_END_DECLS
