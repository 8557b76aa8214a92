/* gdnn-track.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-model.h"

G_BEGIN_DECLS

typedef enum
{
  GDNN_TRACK_UNKNOWN,    /* no value, or no milestone to track against */
  GDNN_TRACK_BEHIND,     /* below the line from the baseline to the next milestone */
  GDNN_TRACK_ON,         /* on or above that line */
  GDNN_TRACK_REACHED,    /* the next milestone is already reached */
} GdnnTrackState;

typedef struct
{
  GdnnTrackState state;
  double         expected;       /* where the value should be this year */
  int            target_year;    /* the next milestone */
  double         target_value;
  gboolean       exceeded;       /* REACHED, and beyond the milestone */
  int            decimals;       /* digits after the comma that print the value, expected and
                                  * target_value in the order state and exceeded say */
  gboolean       has_percent_of_target;  /* target_value > 0 */
  double         percent_of_target;      /* value / target_value × 100 */
  int            percent_decimals;       /* digits that print it on the side of 100 where the
                                          * value is against its milestone */
} GdnnTrack;

double   gdnn_value_measure    (const GdnnIndicator *indicator,
                                const GdnnValue     *value,
                                gboolean            *has_value);
gboolean gdnn_track_compute    (const GdnnIndicator *indicator,
                                int                  baseline_year,
                                double               baseline_value,
                                int                  year,
                                double               value,
                                GdnnTrack           *track);
gboolean gdnn_track_needs_note (const GdnnTrack     *track);
char    *gdnn_track_format     (const GdnnTrack     *track,
                                GdnnMeasure          measure,
                                double               value);
char    *gdnn_track_format_percent_of_target (const GdnnTrack *track);

G_END_DECLS
