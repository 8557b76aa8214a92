/* gdnn-value-row.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gdnn-model.h"
#include "gdnn-store.h"
#include "gdnn-track.h"

G_BEGIN_DECLS

#define GDNN_TYPE_VALUE_ROW (gdnn_value_row_get_type ())

G_DECLARE_FINAL_TYPE (GdnnValueRow, gdnn_value_row, GDNN, VALUE_ROW, GObject)

/* The three texts a user types on a row of the value form. */
typedef enum
{
  GDNN_VALUE_FIELD_NUMERATOR,
  GDNN_VALUE_FIELD_DENOMINATOR,
  GDNN_VALUE_FIELD_NOTE,
  GDNN_VALUE_N_FIELDS,
} GdnnValueField;

/* One line of the value form: an indicator, its targets and the unit's
 * value for a year, with everything the form shows computed here. */
GdnnValueRow        *gdnn_value_row_new          (const GdnnIndicator *indicator,
                                                  gint64               unit_id,
                                                  int                  year,
                                                  int                  baseline_year,
                                                  double               baseline_value,
                                                  const GdnnValue     *value);
const GdnnIndicator *gdnn_value_row_get_indicator (GdnnValueRow       *self);
const GdnnValue     *gdnn_value_row_get_value     (GdnnValueRow       *self);
void                 gdnn_value_row_set_value     (GdnnValueRow       *self,
                                                   const GdnnValue    *value);
GdnnTrackState       gdnn_value_row_get_track     (GdnnValueRow       *self);
gboolean             gdnn_value_row_needs_note    (GdnnValueRow       *self);
int                  gdnn_value_row_get_year      (GdnnValueRow       *self);
void                 gdnn_value_row_set_message   (GdnnValueRow       *self,
                                                   const char         *message);
GdnnValue           *gdnn_value_row_input        (GdnnValueRow        *self,
                                                  GdnnValueField       field,
                                                  const char          *text);
void                 gdnn_value_row_stored       (GdnnValueRow        *self,
                                                  GdnnValueField       field,
                                                  const GdnnValue     *value);
void                 gdnn_value_row_refused      (GdnnValueRow        *self,
                                                  const char          *reason);
const char          *gdnn_value_row_get_pending  (GdnnValueRow        *self,
                                                  GdnnValueField       field);
gboolean             gdnn_value_row_has_pending  (GdnnValueRow        *self);
void                 gdnn_value_row_restore_pending (GdnnValueRow     *self,
                                                  const char * const  *texts);
void                 gdnn_value_row_discard_pending (GdnnValueRow     *self);
GdnnValue           *gdnn_value_row_parse        (GdnnValueRow        *self,
                                                  const char          *numerator,
                                                  const char          *denominator,
                                                  const char          *note,
                                                  GError             **error);

GListModel          *gdnn_value_rows_load         (GdnnStore          *store,
                                                   gint64              unit_id,
                                                   gint64              plan_id,
                                                   int                 year,
                                                   GError            **error);
gboolean             gdnn_value_rows_refresh      (GListModel         *rows,
                                                   GdnnStore          *store,
                                                   gint64              unit_id,
                                                   gint64              plan_id,
                                                   int                 year,
                                                   GError            **error);

G_END_DECLS
