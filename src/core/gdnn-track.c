/* gdnn-track.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-track"

#include "config.h"

#include <string.h>

#include "gdnn-text.h"
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

/* The value as a percentage of its milestone, printed on the same side of
 * 100 as the value is of the milestone: 59,999 of 60 is "99,998%", never
 * "100%"; and with at least the value's digits, so that 59,96% of a
 * 100% milestone is "59,96%" of it, not "60%". */
static void
set_percent_of_target (GdnnTrack *track,
                       double     value)
{
  int order;
  int decimals;

  if (!(track->target_value > 0))
    return;

  track->has_percent_of_target = TRUE;
  track->percent_of_target = value / track->target_value * 100.0;
  order = gdnn_number_compare (value, track->target_value);
  decimals = gdnn_number_decimals_for (track->percent_of_target, 100, order, 1);
  if (decimals < 0)
    {
      /* Too close to 100 for the digits printed: the nearest number that
       * prints on the right side. */
      decimals = GDNN_MAX_DECIMALS;
      track->percent_of_target = 100.0 + order * 1e-6;
    }
  track->percent_decimals = MAX (decimals, track->decimals);
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
 * Values compare as gdnn_number_compare () says, and @track gets the
 * digits after the comma that print the value, the expected value and the
 * milestone in that same order (gdnn_track_format ()).
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
  double references[2];
  gboolean decrease;
  int to_target, to_expected;

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

  /* Every comparison goes through gdnn_number_compare (), and the
   * decimals below through the same comparison: what the row prints can
   * never contradict its state. */
  decrease = g_strcmp0 (indicator->direction, "decrease") == 0;
  to_target = gdnn_number_compare (value, next->value) * (decrease ? -1 : 1);
  to_expected = gdnn_number_compare (value, track->expected) * (decrease ? -1 : 1);
  if (to_target >= 0)
    track->state = GDNN_TRACK_REACHED;
  else if (to_expected >= 0)
    track->state = GDNN_TRACK_ON;
  else
    track->state = GDNN_TRACK_BEHIND;
  track->exceeded = to_target > 0;

  references[0] = track->expected;
  references[1] = next->value;
  track->decimals = gdnn_number_decimals (value, references, G_N_ELEMENTS (references),
                                          indicator->measure == GDNN_MEASURE_RATIO ? 1 : 0);
  set_percent_of_target (track, value);
  return TRUE;
}

/* A value behind its track must be explained (giải trình). */
gboolean
gdnn_track_needs_note (const GdnnTrack *track)
{
  g_return_val_if_fail (track != NULL, FALSE);
  return track->state == GDNN_TRACK_BEHIND;
}

/**
 * gdnn_track_format:
 * @track: a track computed by gdnn_track_compute ()
 * @measure: the indicator's measure
 * @value: the value tracked, track->expected or track->target_value
 *
 * Prints @value with the digits @track needs, so that the value, the
 * expected value and the milestone compare in print as they do in the
 * track's state: 59.96 behind 60 prints "59,96%", not "60%".
 *
 * Returns: (transfer full): the text, a percentage for a ratio
 */
char *
gdnn_track_format (const GdnnTrack *track,
                   GdnnMeasure      measure,
                   double           value)
{
  g_return_val_if_fail (track != NULL, NULL);

  if (measure == GDNN_MEASURE_RATIO)
    return gdnn_format_percent (value, track->decimals);
  return gdnn_format_number_trim (value, track->decimals);
}

/**
 * gdnn_track_format_percent_of_target:
 * @track: a track computed by gdnn_track_compute ()
 *
 * Returns: (transfer full): the value as a percentage of its milestone,
 *   below "100%" when the milestone is not reached; "" without one
 */
char *
gdnn_track_format_percent_of_target (const GdnnTrack *track)
{
  g_return_val_if_fail (track != NULL, NULL);

  if (!track->has_percent_of_target)
    return g_strdup ("");
  return gdnn_format_percent (track->percent_of_target, track->percent_decimals);
}
