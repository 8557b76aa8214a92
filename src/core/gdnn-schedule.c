/* gdnn-schedule.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-schedule"

#include "config.h"

#include "gdnn-schedule.h"

/**
 * gdnn_schedule_next_due:
 * @periods: (element-type GdnnReportPeriod): a plan's report schedule
 * @today: the day to count from
 * @due: (out): the next due date (today counts as not yet passed)
 * @period: (out) (optional): the period that is due
 *
 * A due day that does not exist in a year (29/2) falls back to the last
 * day of that month.
 *
 * Returns: the number of days from @today to @due, or -1 when the
 *   schedule is empty.
 */
int
gdnn_schedule_next_due (GPtrArray               *periods,
                        const GDate             *today,
                        GDate                   *due,
                        const GdnnReportPeriod **period)
{
  int best = -1;

  g_return_val_if_fail (periods != NULL, -1);
  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);
  g_return_val_if_fail (due != NULL, -1);

  for (guint i = 0; i < periods->len; i++)
    {
      const GdnnReportPeriod *p = g_ptr_array_index (periods, i);

      for (int offset = 0; offset <= 1; offset++)
        {
          GDateYear year = (GDateYear) (g_date_get_year (today) + offset);
          GDateDay day = (GDateDay) MIN (p->due_day, g_date_get_days_in_month ((GDateMonth) p->due_month, year));
          GDate candidate;
          int days;

          g_date_clear (&candidate, 1);
          g_date_set_dmy (&candidate, day, (GDateMonth) p->due_month, year);
          days = g_date_days_between (today, &candidate);
          if (days < 0)
            continue;
          if (best < 0 || days < best)
            {
              best = days;
              *due = candidate;
              if (period != NULL)
                *period = p;
            }
          break;
        }
    }

  return best;
}
