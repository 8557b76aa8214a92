/* gdnn-schedule.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-schedule.h"

/* A plan's report schedule: when each period's report is due, and on a
 * given day which report is current: the next one, or one whose due date
 * passed while it is still open (not finalised). */

/**
 * gdnn_schedule_due_in_year:
 * @due: (out): the due date of @period's report of @year
 *
 * A due day that does not exist in a year (29/2) falls back to the last
 * day of that month.
 *
 * Returns: %FALSE when @period's day or month is out of range
 */
gboolean
gdnn_schedule_due_in_year (const GdnnReportPeriod *period,
                           int                     year,
                           GDate                  *due)
{
  GDateDay day;

  g_return_val_if_fail (period != NULL && due != NULL, FALSE);

  g_date_clear (due, 1);
  if (period->due_month < 1 || period->due_month > 12 || period->due_day < 1 ||
      !g_date_valid_year ((GDateYear) year))
    return FALSE;
  day = (GDateDay) MIN (period->due_day, g_date_get_days_in_month ((GDateMonth) period->due_month,
                                                                   (GDateYear) year));
  g_date_set_dmy (due, day, (GDateMonth) period->due_month, (GDateYear) year);
  return TRUE;
}

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
          GDate candidate;
          int days;

          if (!gdnn_schedule_due_in_year (p, g_date_get_year (today) + offset, &candidate))
            break;
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

/* The latest report of @period whose due date is before @today; FALSE
 * when it falls outside the plan's years. Once the same period's next due
 * date has passed, that next report is the latest: a report stays overdue
 * for a year at most, and a plan is over a year after its last report's
 * due date. */
static gboolean
latest_passed (const GdnnReportPeriod *period,
               int                     first_year,
               int                     last_year,
               const GDate            *today,
               int                    *year,
               GDate                  *due)
{
  int y = g_date_get_year (today);

  if (!gdnn_schedule_due_in_year (period, y, due))
    return FALSE;
  if (g_date_compare (due, today) >= 0)
    {
      y--;
      if (!gdnn_schedule_due_in_year (period, y, due))
        return FALSE;
    }
  if (y < first_year || y > last_year)
    return FALSE;
  *year = y;
  return TRUE;
}

/**
 * gdnn_schedule_due_state:
 * @periods: (element-type GdnnReportPeriod): the plan's report schedule
 * @first_year: the plan's first year
 * @last_year: the plan's last year
 * @today: the day to count from
 * @is_open: says whether a report is still to be sent
 * @state: (out): where the plan's reporting stands
 *
 * For each period only its latest report whose due date has passed is
 * checked (the due day itself has not passed): while @is_open says it is
 * still open, that report is the current one, overdue, and the state does
 * not move on to the next year, until the same period's next due date
 * passes too. Of several overdue reports the one late
 * longest is shown. Otherwise the state is the next due date, or the end
 * of the plan when that falls after its last year.
 */
void
gdnn_schedule_due_state (GPtrArray          *periods,
                         int                 first_year,
                         int                 last_year,
                         const GDate        *today,
                         GdnnReportOpenFunc  is_open,
                         gpointer            user_data,
                         GdnnDueState       *state)
{
  const GdnnReportPeriod *next = NULL;
  int days;

  g_return_if_fail (periods != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (is_open != NULL);
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  g_date_clear (&state->due, 1);
  state->kind = GDNN_DUE_NONE;
  state->year = g_date_get_year (today);

  for (guint i = 0; i < periods->len; i++)
    {
      const GdnnReportPeriod *p = g_ptr_array_index (periods, i);
      GDate due;
      int year;

      if (!latest_passed (p, first_year, last_year, today, &year, &due) || !is_open (p, year, user_data))
        continue;
      days = g_date_days_between (&due, today);
      if (state->kind != GDNN_DUE_OVERDUE || days > state->days)
        {
          state->kind = GDNN_DUE_OVERDUE;
          state->period = p;
          state->year = year;
          state->due = due;
          state->days = days;
        }
    }
  if (state->kind == GDNN_DUE_OVERDUE)
    return;

  days = gdnn_schedule_next_due (periods, today, &state->due, &next);
  if (days < 0)
    return;
  if ((int) g_date_get_year (&state->due) > last_year)
    {
      state->kind = GDNN_DUE_ENDED;
      state->year = last_year;
      g_date_clear (&state->due, 1);
      return;
    }
  state->kind = GDNN_DUE_UPCOMING;
  state->period = next;
  state->year = g_date_get_year (&state->due);
  state->days = days;
}

/**
 * gdnn_due_state_describe_late:
 *
 * Returns: (transfer full) (nullable): "Báo cáo năm 2026 đã quá hạn 8
 *   ngày" for an overdue report, %NULL otherwise
 */
char *
gdnn_due_state_describe_late (const GdnnDueState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  if (state->kind != GDNN_DUE_OVERDUE || state->period == NULL)
    return NULL;
  /* Translators: the report's name ("Báo cáo năm"), its year and the
   * days since its due date: "Báo cáo năm 2026 đã quá hạn 8 ngày". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %d is %d day overdue", "%s %d is %d days overdue",
                                       (gulong) state->days),
                          state->period->name, state->year, state->days);
}

/**
 * gdnn_schedule_days_late:
 * @due: a report's due date
 * @finalised_at: (nullable): when it was finalised, ISO 8601
 *
 * Returns: how many days after @due the report was finalised (by the
 *   local calendar), 0 when on time or unknown
 */
int
gdnn_schedule_days_late (const GDate *due,
                         const char  *finalised_at)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate day;

  if (due == NULL || !g_date_valid (due) || finalised_at == NULL ||
      (at = g_date_time_new_from_iso8601 (finalised_at, NULL)) == NULL)
    return 0;
  local = g_date_time_to_local (at);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  return MAX (0, g_date_days_between (due, &day));
}
