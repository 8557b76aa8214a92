/* gdnn-track.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-track"

#include "config.h"

#include <string.h>

#include "gdnn-track.h"

/**
 * gdnn_value_measure:
 *
 * The number a value is tracked by: the percentage for a ratio, the
 * numerator for a count, an amount or a yes/no.
 */
double
gdnn_value_measure (const GdnnIndicator *indicator,
                    const GdnnValue     *value,
                    gboolean            *has_value)
{
  double percent = 0;

  g_return_val_if_fail (indicator != NULL, 0);

  *has_value = FALSE;
  if (value == NULL || !value->has_numerator)
    return 0;
  if (indicator->measure == GDNN_MEASURE_RATIO)
    {
      *has_value = gdnn_value_get_percent (value, &percent);
      return percent;
    }
  *has_value = TRUE;
  return value->numerator;
}

/**
 * gdnn_track_compute:
 * @baseline_year: the year the plan starts from
 * @baseline_value: the indicator's value then (0 when unknown)
 * @year: the year of @value
 *
 * A value is on track when it is at least where a straight line from the
 * previous milestone (or the baseline) to the next plan-wide milestone
 * says it should be in @year; for an indicator that must decrease, at
 * most.
 *
 * Returns: %FALSE when there is no milestone at or after @year.
 */
gboolean
gdnn_track_compute (const GdnnIndicator *indicator,
                    int                  baseline_year,
                    double               baseline_value,
                    int                  year,
                    double               value,
                    GdnnTrack           *track)
{
  const GdnnTarget *next;
  const GdnnTarget *prev = NULL;
  int from_year = baseline_year;
  double from_value = baseline_value;
  gboolean decrease;

  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (track != NULL, FALSE);

  memset (track, 0, sizeof *track);
  next = gdnn_indicator_next_target (indicator, year);
  if (next == NULL)
    return FALSE;

  for (guint i = 0; i < indicator->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (indicator->targets, i);
      if (t->body_id == 0 && t->year < year && t->year >= from_year &&
          (prev == NULL || t->year > prev->year))
        prev = t;
    }
  if (prev != NULL)
    {
      from_year = prev->year;
      from_value = prev->value;
    }

  track->target_year = next->year;
  track->target_value = next->value;
  if (next->year <= from_year)
    track->expected = next->value;
  else
    track->expected = from_value + (next->value - from_value) *
                      (double) (year - from_year) / (double) (next->year - from_year);

  decrease = g_strcmp0 (indicator->direction, "decrease") == 0;
  /* 1e-9: floating-point noise must not make an exact value look behind. */
  if (decrease ? value <= next->value : value >= next->value)
    track->state = GDNN_TRACK_REACHED;
  else if (decrease ? value <= track->expected + 1e-9 : value >= track->expected - 1e-9)
    track->state = GDNN_TRACK_ON;
  else
    track->state = GDNN_TRACK_BEHIND;
  return TRUE;
}

/* A value behind its track must be explained (giải trình). */
gboolean
gdnn_track_needs_note (const GdnnTrack *track)
{
  g_return_val_if_fail (track != NULL, FALSE);
  return track->state == GDNN_TRACK_BEHIND;
}
