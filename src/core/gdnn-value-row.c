/* gdnn-value-row.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-value-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <gio/gio.h>

#include "gdnn-store.h"
#include "gdnn-text.h"
#include "gdnn-validation.h"
#include "gdnn-value-row.h"

struct _GdnnValueRow
{
  GObject         parent_instance;

  GdnnIndicator  *indicator;   /* a copy of what the row needs */
  GdnnValue      *value;       /* never NULL; has_numerator FALSE when empty */
  int             year;
  int             baseline_year;
  double          baseline_value;
  GdnnTrack       track;
  gboolean        has_track;
  char           *message;     /* why what was typed is not stored (yet), shown beside the row */
  char           *pending[GDNN_VALUE_N_FIELDS]; /* typed but not stored yet, by field; NULL when none */
};

G_DEFINE_FINAL_TYPE (GdnnValueRow, gdnn_value_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_UNIT_LABEL,
  PROP_TARGETS,
  PROP_NUMERATOR,
  PROP_DENOMINATOR,
  PROP_NOTE,
  PROP_PERCENT,
  PROP_TRACK_LABEL,
  PROP_IS_RATIO,
  PROP_MESSAGE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GdnnIndicator *
copy_indicator (const GdnnIndicator *src)
{
  GdnnIndicator *ind = gdnn_indicator_new ();

  ind->id = src->id;
  ind->plan_id = src->plan_id;
  ind->code = g_strdup (src->code);
  ind->name = g_strdup (src->name);
  ind->measure = src->measure;
  ind->unit_label = g_strdup (src->unit_label);
  ind->numerator_label = g_strdup (src->numerator_label);
  ind->denominator_label = g_strdup (src->denominator_label);
  ind->direction = g_strdup (src->direction);
  for (guint i = 0; i < src->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (src->targets, i);
      GdnnTarget *c = gdnn_target_new ();
      *c = *t;
      c->note = g_strdup (t->note);
      g_ptr_array_add (ind->targets, c);
    }
  return ind;
}

static GdnnValue *
copy_value (const GdnnValue *src)
{
  GdnnValue *v = gdnn_value_new ();

  *v = *src;
  v->period = g_strdup (src->period);
  v->note = g_strdup (src->note);
  v->evidence = g_strdup (src->evidence);
  v->status = g_strdup (src->status);
  v->updated_by = g_strdup (src->updated_by);
  v->updated_at = g_strdup (src->updated_at);
  return v;
}

static char *
format_amount (GdnnMeasure measure,
               double      amount)
{
  if (measure == GDNN_MEASURE_AMOUNT)
    return gdnn_format_integer ((gint64) amount);
  return gdnn_format_number (amount, amount == (gint64) amount ? 0 : 2);
}

static void
recompute (GdnnValueRow *self)
{
  gboolean has = FALSE;
  double measure = gdnn_value_measure (self->indicator, self->value, &has);

  self->has_track = has && gdnn_track_compute (self->indicator, self->baseline_year, self->baseline_value,
                                               self->year, measure, &self->track);
  if (!self->has_track)
    memset (&self->track, 0, sizeof self->track);
}

/* The digits after the comma of the row's percentages: those that print
 * the value and its track in the order the track says. */
static int
row_percent_decimals (GdnnValueRow *self)
{
  return self->has_track ? self->track.decimals : 1;
}

static char *
targets_text (const GdnnIndicator *ind,
              int                  percent_decimals)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < ind->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (ind->targets, i);
      g_autofree char *v = NULL;

      if (t->body_id != 0)
        continue;
      v = ind->measure == GDNN_MEASURE_RATIO ? gdnn_format_percent (t->value, percent_decimals)
                                             : format_amount (ind->measure, t->value);
      if (s->len > 0)
        g_string_append (s, "; ");
      /* Translators: a milestone target, e.g. "2025: 50%". */
      g_string_append_printf (s, _("%d: %s"), t->year, v);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
track_label (GdnnValueRow *self)
{
  g_autofree char *expected = NULL;

  if (!self->has_track)
    return g_strdup ("");
  expected = gdnn_track_format (&self->track, self->indicator->measure, self->track.expected);
  switch (self->track.state)
    {
    case GDNN_TRACK_REACHED:
      /* Translators: %d is the year of the milestone reached. */
      return g_strdup_printf (_("Target %d reached"), self->track.target_year);
    case GDNN_TRACK_ON:
      /* Translators: %s is the value expected this year on the way to the target. */
      return g_strdup_printf (_("On track (expected %s)"), expected);
    case GDNN_TRACK_BEHIND:
      return g_strdup_printf (_("Behind (expected %s)"), expected);
    case GDNN_TRACK_UNKNOWN:
    default:
      return g_strdup ("");
    }
}

/* The track, and whether the report needs an explanation (giải trình)
 * for it: the row is flagged, the value is stored all the same. */
static char *
status_text (GdnnValueRow *self)
{
  g_autofree char *track = track_label (self);

  if (self->message != NULL)
    return g_strdup (self->message);
  if (gdnn_value_row_needs_note (self))
    /* Translators: %s is the track, e.g. "Behind (expected 60%)"; the row
     * is flagged until its explanation (giải trình) is written. */
    return g_strdup_printf (_("%s; needs an explanation"), track);
  return g_steal_pointer (&track);
}

/* A field's stored value as the form shows it. */
static char *
stored_text (GdnnValueRow   *self,
             GdnnValueField  field)
{
  const GdnnValue *v = self->value;

  switch (field)
    {
    case GDNN_VALUE_FIELD_NUMERATOR:
      return v->has_numerator ? format_amount (self->indicator->measure, v->numerator) : g_strdup ("");
    case GDNN_VALUE_FIELD_DENOMINATOR:
      return v->has_denominator ? format_amount (self->indicator->measure, v->denominator) : g_strdup ("");
    case GDNN_VALUE_FIELD_NOTE:
      return g_strdup (v->note != NULL ? v->note : "");
    case GDNN_VALUE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What a cell shows: what was typed and is not stored yet, else the
 * stored value. */
static char *
field_text (GdnnValueRow   *self,
            GdnnValueField  field)
{
  return self->pending[field] != NULL ? g_strdup (self->pending[field]) : stored_text (self, field);
}

static void
gdnn_value_row_finalize (GObject *object)
{
  GdnnValueRow *self = (GdnnValueRow *)object;

  g_clear_pointer (&self->indicator, gdnn_indicator_free);
  g_clear_pointer (&self->value, gdnn_value_free);
  g_clear_pointer (&self->message, g_free);
  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    g_clear_pointer (&self->pending[i], g_free);

  G_OBJECT_CLASS (gdnn_value_row_parent_class)->finalize (object);
}

static void
gdnn_value_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GdnnValueRow *self = GDNN_VALUE_ROW (object);
  const GdnnIndicator *ind = self->indicator;
  const GdnnValue *v = self->value;

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, ind->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, ind->name);
      break;
    case PROP_UNIT_LABEL:
      g_value_set_string (value, ind->unit_label);
      break;
    case PROP_TARGETS:
      g_value_take_string (value, targets_text (ind, row_percent_decimals (self)));
      break;
    case PROP_NUMERATOR:
      g_value_take_string (value, field_text (self, GDNN_VALUE_FIELD_NUMERATOR));
      break;
    case PROP_DENOMINATOR:
      g_value_take_string (value, field_text (self, GDNN_VALUE_FIELD_DENOMINATOR));
      break;
    case PROP_NOTE:
      g_value_take_string (value, field_text (self, GDNN_VALUE_FIELD_NOTE));
      break;
    case PROP_PERCENT:
      {
        double pct;
        g_value_take_string (value, gdnn_value_get_percent (v, &pct)
                                    ? gdnn_format_percent (pct, row_percent_decimals (self)) : g_strdup (""));
      }
      break;
    case PROP_TRACK_LABEL:
      g_value_take_string (value, track_label (self));
      break;
    case PROP_IS_RATIO:
      g_value_set_boolean (value, ind->measure == GDNN_MEASURE_RATIO);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message != NULL ? self->message : "");
      break;
    case PROP_STATUS:
      /* What the form shows beside the row: what is not stored and why
       * first, else the track. */
      g_value_take_string (value, status_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_value_row_class_init (GdnnValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gdnn_value_row_finalize;
  object_class->get_property = gdnn_value_row_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_LABEL] = g_param_spec_string ("unit-label", NULL, NULL, NULL, flags);
  properties[PROP_TARGETS] = g_param_spec_string ("targets", NULL, NULL, NULL, flags);
  properties[PROP_NUMERATOR] = g_param_spec_string ("numerator", NULL, NULL, NULL, flags);
  properties[PROP_DENOMINATOR] = g_param_spec_string ("denominator", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_PERCENT] = g_param_spec_string ("percent", NULL, NULL, NULL, flags);
  properties[PROP_TRACK_LABEL] = g_param_spec_string ("track-label", NULL, NULL, NULL, flags);
  properties[PROP_IS_RATIO] = g_param_spec_boolean ("is-ratio", NULL, NULL, FALSE, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GdnnValue *empty_value (gint64 unit_id,
                               gint64 indicator_id,
                               int    year);

static void
gdnn_value_row_init (GdnnValueRow *self)
{
}

GdnnValueRow *
gdnn_value_row_new (const GdnnIndicator *indicator,
                    gint64               unit_id,
                    int                  year,
                    int                  baseline_year,
                    double               baseline_value,
                    const GdnnValue     *value)
{
  GdnnValueRow *self;

  g_return_val_if_fail (indicator != NULL, NULL);

  self = g_object_new (GDNN_TYPE_VALUE_ROW, NULL);
  self->indicator = copy_indicator (indicator);
  self->year = year;
  self->baseline_year = baseline_year;
  self->baseline_value = baseline_value;
  self->value = value != NULL ? copy_value (value) : empty_value (unit_id, indicator->id, year);
  recompute (self);
  return self;
}

const GdnnIndicator *
gdnn_value_row_get_indicator (GdnnValueRow *self)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), NULL);
  return self->indicator;
}

const GdnnValue *
gdnn_value_row_get_value (GdnnValueRow *self)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), NULL);
  return self->value;
}

GdnnTrackState
gdnn_value_row_get_track (GdnnValueRow *self)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), GDNN_TRACK_UNKNOWN);
  return self->has_track ? self->track.state : GDNN_TRACK_UNKNOWN;
}

/* TRUE when the stored value is behind its track and has no explanation
 * (giải trình), which the report requires. */
gboolean
gdnn_value_row_needs_note (GdnnValueRow *self)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), FALSE);
  return self->has_track && gdnn_track_needs_note (&self->track) &&
         (self->value->note == NULL || self->value->note[0] == '\0');
}

static void
notify_all (GdnnValueRow *self)
{
  static const guint changed[] = { PROP_NUMERATOR, PROP_DENOMINATOR, PROP_NOTE, PROP_PERCENT, PROP_TRACK_LABEL,
                                   PROP_MESSAGE, PROP_STATUS };

  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[changed[i]]);
}

static void update_message (GdnnValueRow *self);

/* The stored value changed under the row (a refresh, an undo): what was
 * typed and not stored yet stays, its message follows the new value. */
void
gdnn_value_row_set_value (GdnnValueRow    *self,
                          const GdnnValue *value)
{
  g_return_if_fail (GDNN_IS_VALUE_ROW (self));
  g_return_if_fail (value != NULL);

  g_clear_pointer (&self->value, gdnn_value_free);
  self->value = copy_value (value);
  recompute (self);
  update_message (self);
  notify_all (self);
}

static gboolean
parse_field (const char  *text,
             gboolean    *has,
             double      *out,
             const char  *what,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  *has = FALSE;
  if (trimmed[0] == '\0')
    return TRUE;
  if (!gdnn_parse_number (trimmed, out, &local_error))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID, "%s: %s", what, local_error->message);
      return FALSE;
    }
  *has = TRUE;
  return TRUE;
}

/**
 * gdnn_value_row_parse:
 *
 * Reads what the user typed (Vietnamese numbers: 1.234,5) into a value
 * ready to store, with the rules of the indicator's measure. A value
 * behind its track is a value all the same: it is stored, and the row
 * asks for its explanation (gdnn_value_row_needs_note()).
 *
 * Returns: (transfer full): the value, or %NULL with a message for the
 *   user in @error.
 */
GdnnValue *
gdnn_value_row_parse (GdnnValueRow  *self,
                      const char    *numerator,
                      const char    *denominator,
                      const char    *note,
                      GError       **error)
{
  g_autoptr(GdnnValue) v = NULL;

  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), NULL);

  v = copy_value (self->value);
  if (!parse_field (numerator, &v->has_numerator, &v->numerator, _("Numerator"), error) ||
      !parse_field (denominator, &v->has_denominator, &v->denominator, _("Denominator"), error))
    return NULL;
  g_free (v->note);
  v->note = note != NULL && *note != '\0' ? g_strstrip (g_strdup (note)) : NULL;
  if (v->note != NULL && v->note[0] == '\0')
    g_clear_pointer (&v->note, g_free);

  if (!gdnn_validate_value (self->indicator->measure, v, error))
    return NULL;

  return g_steal_pointer (&v);
}

/* The message shown beside the row: what was typed and is not stored,
 * and why; %NULL when everything typed is stored. */
void
gdnn_value_row_set_message (GdnnValueRow *self,
                            const char   *message)
{
  g_return_if_fail (GDNN_IS_VALUE_ROW (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_pending (GdnnValueRow   *self,
             GdnnValueField  field,
             const char     *text)
{
  g_autofree char *stored = stored_text (self, field);
  g_autofree char *typed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_clear_pointer (&self->pending[field], g_free);
  /* Typing back what is stored leaves nothing pending. */
  if (g_strcmp0 (typed, stored) != 0)
    self->pending[field] = g_strdup (text);
}

static gboolean
same_numbers (const GdnnValue *a,
              const GdnnValue *b)
{
  return a->has_numerator == b->has_numerator && a->has_denominator == b->has_denominator &&
         (!a->has_numerator || a->numerator == b->numerator) &&
         (!a->has_denominator || a->denominator == b->denominator);
}

/* The value the row's numbers make as they read now (typed, else stored)
 * with its explanation, or %NULL and in @message what is not stored and
 * why. */
static GdnnValue *
build_value (GdnnValueRow  *self,
             char         **message)
{
  /* The cells' texts, owned by @owned (g_autofree on an array would free
   * its first element only). */
  g_autoptr(GPtrArray) owned = g_ptr_array_new_full (GDNN_VALUE_N_FIELDS, g_free);
  const char *texts[GDNN_VALUE_N_FIELDS] = { NULL };
  g_autoptr(GError) error = NULL;
  GdnnValue *v;
  gboolean has_numerator = FALSE, has_denominator = FALSE;
  double number;

  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    {
      char *text = field_text (self, i);

      g_ptr_array_add (owned, text);
      texts[i] = text;
    }

  /* Half a ratio: the numerator waits on the row for its denominator. */
  if (self->indicator->measure == GDNN_MEASURE_RATIO && self->pending[GDNN_VALUE_FIELD_NUMERATOR] != NULL &&
      parse_field (texts[GDNN_VALUE_FIELD_NUMERATOR], &has_numerator, &number, "", NULL) &&
      parse_field (texts[GDNN_VALUE_FIELD_DENOMINATOR], &has_denominator, &number, "", NULL) &&
      has_numerator && !has_denominator)
    {
      g_autofree char *typed = g_strstrip (g_strdup (texts[GDNN_VALUE_FIELD_NUMERATOR]));

      /* Translators: %s is the numerator as typed, e.g. "45". */
      *message = g_strdup_printf (_("Numerator %s not saved yet: type the denominator to save the ratio."), typed);
      return NULL;
    }

  v = gdnn_value_row_parse (self, texts[GDNN_VALUE_FIELD_NUMERATOR], texts[GDNN_VALUE_FIELD_DENOMINATOR],
                            texts[GDNN_VALUE_FIELD_NOTE], &error);
  if (v == NULL)
    {
      /* Translators: %s says why what was typed was refused. */
      *message = g_strdup_printf (_("Not saved: %s"), error->message);
      return NULL;
    }
  return v;
}

/* The message that follows from what is pending on the row. */
static void
update_message (GdnnValueRow *self)
{
  g_autofree char *message = NULL;

  if (self->pending[GDNN_VALUE_FIELD_NUMERATOR] != NULL || self->pending[GDNN_VALUE_FIELD_DENOMINATOR] != NULL)
    {
      g_autoptr(GdnnValue) v = build_value (self, &message);

      if (v != NULL)
        message = g_strdup (_("Not saved yet: press Enter in the cell to save it."));
    }
  else if (self->pending[GDNN_VALUE_FIELD_NOTE] != NULL)
    message = g_strdup (_("The explanation is not saved yet: press Enter in it to save it."));
  gdnn_value_row_set_message (self, message);
}

/**
 * gdnn_value_row_input:
 * @field: the cell the text was typed in
 * @text: the cell's whole text
 *
 * Takes what the user typed in a cell. The text stays on the row (its
 * property shows it) until it is stored: a numerator without its
 * denominator waits for it, a refused number waits to be corrected, each
 * with a message saying what is not stored and why. An explanation is
 * stored on its own, without touching the numbers.
 *
 * Returns: (transfer full) (nullable): the value to store now, then tell
 *   the row with gdnn_value_row_stored() or gdnn_value_row_refused();
 *   %NULL when there is nothing to store.
 */
GdnnValue *
gdnn_value_row_input (GdnnValueRow   *self,
                      GdnnValueField  field,
                      const char     *text)
{
  g_autoptr(GdnnValue) v = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), NULL);
  g_return_val_if_fail (field < GDNN_VALUE_N_FIELDS, NULL);

  set_pending (self, field, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMERATOR + field]);

  if (field == GDNN_VALUE_FIELD_NOTE)
    {
      if (self->pending[field] == NULL)
        {
          update_message (self);
          return NULL;
        }
      v = copy_value (self->value);
      g_free (v->note);
      v->note = g_strstrip (g_strdup (text));
      if (v->note[0] == '\0')
        g_clear_pointer (&v->note, g_free);
      return g_steal_pointer (&v);
    }

  if (self->pending[GDNN_VALUE_FIELD_NUMERATOR] == NULL && self->pending[GDNN_VALUE_FIELD_DENOMINATOR] == NULL)
    {
      update_message (self);
      return NULL;
    }
  v = build_value (self, &message);
  if (v == NULL)
    {
      gdnn_value_row_set_message (self, message);
      return NULL;
    }
  if (same_numbers (v, self->value) && g_strcmp0 (v->note, self->value->note) == 0)
    {
      /* The same numbers written another way (1234 for 1.234). */
      g_clear_pointer (&self->pending[GDNN_VALUE_FIELD_NUMERATOR], g_free);
      g_clear_pointer (&self->pending[GDNN_VALUE_FIELD_DENOMINATOR], g_free);
      update_message (self);
      notify_all (self);
      return NULL;
    }
  return g_steal_pointer (&v);
}

/**
 * gdnn_value_row_stored:
 * @field: the field whose input made @value
 * @value: what gdnn_value_row_input() returned, now stored
 *
 * The row shows the stored value. An explanation's storing leaves typed
 * numbers pending; a number's storing stored every text of the row.
 */
void
gdnn_value_row_stored (GdnnValueRow    *self,
                       GdnnValueField   field,
                       const GdnnValue *value)
{
  g_return_if_fail (GDNN_IS_VALUE_ROW (self));
  g_return_if_fail (value != NULL);

  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    if (field != GDNN_VALUE_FIELD_NOTE || i == GDNN_VALUE_FIELD_NOTE)
      g_clear_pointer (&self->pending[i], g_free);
  g_clear_pointer (&self->value, gdnn_value_free);
  self->value = copy_value (value);
  recompute (self);
  update_message (self);
  notify_all (self);
}

/* The store refused the value gdnn_value_row_input() made (@reason): the
 * typed text stays pending with the reason. */
void
gdnn_value_row_refused (GdnnValueRow *self,
                        const char   *reason)
{
  g_autofree char *message = NULL;

  g_return_if_fail (GDNN_IS_VALUE_ROW (self));
  g_return_if_fail (reason != NULL);

  message = g_strdup_printf (_("Not saved: %s"), reason);
  gdnn_value_row_set_message (self, message);
}

/* What was typed in @field and is not stored, or %NULL. */
const char *
gdnn_value_row_get_pending (GdnnValueRow   *self,
                            GdnnValueField  field)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), NULL);
  g_return_val_if_fail (field < GDNN_VALUE_N_FIELDS, NULL);
  return self->pending[field];
}

gboolean
gdnn_value_row_has_pending (GdnnValueRow *self)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), FALSE);
  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    if (self->pending[i] != NULL)
      return TRUE;
  return FALSE;
}

/**
 * gdnn_value_row_restore_pending:
 * @texts: (array fixed-size=3): by #GdnnValueField, what was typed and
 *   not stored (%NULL for none), as gdnn_value_row_get_pending() gave it
 *
 * Puts back what was pending on a row before it was loaded anew, with
 * its message.
 */
void
gdnn_value_row_restore_pending (GdnnValueRow       *self,
                                const char * const *texts)
{
  g_return_if_fail (GDNN_IS_VALUE_ROW (self));
  g_return_if_fail (texts != NULL);

  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    set_pending (self, i, texts[i]);
  update_message (self);
  notify_all (self);
}

/* Drops what was typed and not stored: the row shows the stored value. */
void
gdnn_value_row_discard_pending (GdnnValueRow *self)
{
  g_return_if_fail (GDNN_IS_VALUE_ROW (self));

  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    g_clear_pointer (&self->pending[i], g_free);
  gdnn_value_row_set_message (self, NULL);
  notify_all (self);
}

int
gdnn_value_row_get_year (GdnnValueRow *self)
{
  g_return_val_if_fail (GDNN_IS_VALUE_ROW (self), 0);
  return self->year;
}

/* A unit's yearly values of a plan for @year, by indicator id; the keys
 * and values point into *@values, which the caller keeps. */
static GHashTable *
index_year_values (GdnnStore  *store,
                   gint64      unit_id,
                   gint64      plan_id,
                   int         year,
                   GPtrArray **values,
                   GError    **error)
{
  GHashTable *index;

  if (!(*values = gdnn_store_list_values (store, unit_id, plan_id, year, error)))
    return NULL;
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < (*values)->len; i++)
    {
      GdnnValue *v = g_ptr_array_index (*values, i);
      if (g_str_equal (v->period, "year"))
        g_hash_table_insert (index, &v->indicator_id, v);
    }
  return index;
}

static GdnnValue *
empty_value (gint64 unit_id,
             gint64 indicator_id,
             int    year)
{
  GdnnValue *value = gdnn_value_new ();

  value->unit_id = unit_id;
  value->indicator_id = indicator_id;
  value->year = year;
  value->period = g_strdup ("year");
  return value;
}

/**
 * gdnn_value_rows_load:
 *
 * Builds the rows of the value form for a unit's plan and a year. The
 * baseline each value is tracked from is the unit's value in the plan's
 * baseline year, or 0 when it has none.
 *
 * Returns: (transfer full): a #GListModel of #GdnnValueRow, in the plan's
 *   order, or %NULL with @error set.
 */
GListModel *
gdnn_value_rows_load (GdnnStore  *store,
                      gint64      unit_id,
                      gint64      plan_id,
                      int         year,
                      GError    **error)
{
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (GDNN_TYPE_VALUE_ROW);
  g_autoptr(GHashTable) this_year = NULL;
  g_autoptr(GHashTable) base = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)) ||
      !(indicators = gdnn_store_list_indicators (store, plan_id, error)) ||
      !(this_year = index_year_values (store, unit_id, plan_id, year, &values, error)) ||
      !(base = index_year_values (store, unit_id, plan_id, plan->baseline_year, &baseline, error)))
    return NULL;

  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      g_autoptr(GdnnValueRow) row = NULL;
      gboolean has = FALSE;
      double base_value = gdnn_value_measure (ind, g_hash_table_lookup (base, &ind->id), &has);

      row = gdnn_value_row_new (ind, unit_id, year, plan->baseline_year, has ? base_value : 0,
                                g_hash_table_lookup (this_year, &ind->id));
      g_list_store_append (rows, row);
    }

  return G_LIST_MODEL (g_steal_pointer (&rows));
}

/**
 * gdnn_value_rows_refresh:
 * @rows: rows made by gdnn_value_rows_load() for the same unit and plan
 *
 * Puts the stored values of @year into the existing rows, in place: a
 * list showing them only updates its cells instead of rebuilding every
 * row (after an undo, or when the user switches the year). What was typed
 * and not stored stays on a row of the same year.
 */
gboolean
gdnn_value_rows_refresh (GListModel  *rows,
                         GdnnStore   *store,
                         gint64       unit_id,
                         gint64       plan_id,
                         int          year,
                         GError     **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) this_year = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!(this_year = index_year_values (store, unit_id, plan_id, year, &values, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (rows, i);
      const GdnnValue *stored = g_hash_table_lookup (this_year, &row->indicator->id);
      g_autoptr(GdnnValue) empty = stored == NULL ? empty_value (unit_id, row->indicator->id, year) : NULL;

      /* What was typed for another year is not this year's. */
      if (row->year != year)
        for (guint f = 0; f < GDNN_VALUE_N_FIELDS; f++)
          g_clear_pointer (&row->pending[f], g_free);
      row->year = year;
      gdnn_value_row_set_message (row, NULL);
      gdnn_value_row_set_value (row, stored != NULL ? stored : empty);
    }
  return TRUE;
}
