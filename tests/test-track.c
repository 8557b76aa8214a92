/* test-track.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Track computation (on track against the next milestone) and undo from
 * the change log. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gdnn-demo.h"
#include "gdnn-store-private.h"
#include "gdnn-test-utils.h"
#include "gdnn-track.h"
#include "gdnn-value-row.h"

static GdnnIndicator *
make_indicator (const char *direction)
{
  GdnnIndicator *ind = gdnn_indicator_new ();
  static const struct { int year; double value; } milestones[] = { { 2025, 50 }, { 2030, 100 } };

  ind->measure = GDNN_MEASURE_RATIO;
  ind->direction = g_strdup (direction);
  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      GdnnTarget *t = gdnn_target_new ();
      t->year = milestones[i].year;
      t->value = milestones[i].value;
      g_ptr_array_add (ind->targets, t);
    }
  return ind;
}

typedef struct
{
  int            year;
  double         value;
  double         expected;
  int            target_year;
  GdnnTrackState state;
} TrackCase;

/* Bắc Giang I.2.a.1: baseline 2022 at 20%, 50% by 2025, 100% by 2030. */
static const TrackCase track_cases[] = {
  { 2023, 30, 30, 2025, GDNN_TRACK_ON },
  { 2023, 29, 30, 2025, GDNN_TRACK_BEHIND },
  { 2024, 45, 40, 2025, GDNN_TRACK_ON },
  { 2024, 55, 40, 2025, GDNN_TRACK_REACHED },
  { 2025, 50, 50, 2025, GDNN_TRACK_REACHED },
  { 2025, 49.5, 50, 2025, GDNN_TRACK_BEHIND },
  /* After the first milestone the line starts from it. */
  { 2026, 60, 60, 2030, GDNN_TRACK_ON },
  { 2028, 79, 80, 2030, GDNN_TRACK_BEHIND },
};

static void
test_track_cases (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");

  for (guint i = 0; i < G_N_ELEMENTS (track_cases); i++)
    {
      const TrackCase *c = &track_cases[i];
      GdnnTrack track;

      g_assert_true (gdnn_track_compute (ind, 2022, 20, c->year, c->value, &track));
      g_assert_cmpfloat_with_epsilon (track.expected, c->expected, 1e-9);
      g_assert_cmpint (track.target_year, ==, c->target_year);
      g_assert_cmpint (track.state, ==, c->state);
      g_assert_cmpint (gdnn_track_needs_note (&track), ==, c->state == GDNN_TRACK_BEHIND);
    }
}

static void
test_track_no_milestone (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");
  GdnnTrack track;

  /* After the last milestone there is nothing to track against. */
  g_assert_false (gdnn_track_compute (ind, 2022, 20, 2031, 90, &track));
  g_assert_cmpint (track.state, ==, GDNN_TRACK_UNKNOWN);
  g_assert_false (gdnn_track_needs_note (&track));
}

static void
test_track_decrease (void)
{
  g_autoptr(GdnnIndicator) ind = gdnn_indicator_new ();
  GdnnTarget *t = gdnn_target_new ();
  GdnnTrack track;

  /* e.g. a drop-out rate from 20% (2022) to 10% by 2026 */
  ind->measure = GDNN_MEASURE_RATIO;
  ind->direction = g_strdup ("decrease");
  t->year = 2026;
  t->value = 10;
  g_ptr_array_add (ind->targets, t);

  g_assert_true (gdnn_track_compute (ind, 2022, 20, 2024, 14, &track));
  g_assert_cmpfloat_with_epsilon (track.expected, 15, 1e-9);
  g_assert_cmpint (track.state, ==, GDNN_TRACK_ON);
  g_assert_true (gdnn_track_compute (ind, 2022, 20, 2024, 16, &track));
  g_assert_cmpint (track.state, ==, GDNN_TRACK_BEHIND);
}

/* What a track prints agrees with its state: Bắc Giang I.2.a.1 expects
 * 60% in 2026, and 1499 of 2500 (59,96%) is behind. */
static void
test_track_prints_as_assessed (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");
  g_autoptr(GdnnIndicator) count = gdnn_indicator_new ();
  g_autoptr(GdnnValueRow) row = NULL;
  g_autoptr(GdnnValue) v = gdnn_value_new ();
  GdnnTarget *t = gdnn_target_new ();
  GdnnTrack track;
  g_autofree char *percent = NULL;
  g_autofree char *label = NULL;
  char *text;

  g_assert_true (gdnn_track_compute (ind, 2022, 20, 2026, 1499.0 / 2500 * 100, &track));
  g_assert_cmpint (track.state, ==, GDNN_TRACK_BEHIND);
  g_assert_cmpint (track.decimals, ==, 2);
  text = gdnn_track_format (&track, ind->measure, 1499.0 / 2500 * 100);
  g_assert_cmpstr (text, ==, "59,96%");
  g_free (text);
  text = gdnn_track_format (&track, ind->measure, track.expected);
  g_assert_cmpstr (text, ==, "60%");
  g_free (text);

  /* At the milestone itself: behind, reached, exceeded. */
  g_assert_true (gdnn_track_compute (ind, 2022, 20, 2030, 99.999, &track));
  g_assert_cmpint (track.state, ==, GDNN_TRACK_BEHIND);
  text = gdnn_track_format (&track, ind->measure, 99.999);
  g_assert_cmpstr (text, ==, "99,999%");
  g_free (text);
  text = gdnn_track_format_percent_of_target (&track);
  g_assert_cmpstr (text, ==, "99,999%");
  g_free (text);
  g_assert_true (gdnn_track_compute (ind, 2022, 20, 2030, 100, &track));
  g_assert_cmpint (track.state, ==, GDNN_TRACK_REACHED);
  g_assert_false (track.exceeded);
  g_assert_true (gdnn_track_compute (ind, 2022, 20, 2030, 100.00004, &track));
  g_assert_true (track.exceeded);
  text = gdnn_track_format (&track, ind->measure, 100.00004);
  g_assert_cmpstr (text, ==, "100,00004%");
  g_free (text);

  /* A count against a milestone of a thousand million: the share of it
   * stays below 100% in print. */
  count->measure = GDNN_MEASURE_COUNT;
  t->year = 2026;
  t->value = 1e9;
  g_ptr_array_add (count->targets, t);
  g_assert_true (gdnn_track_compute (count, 2022, 0, 2026, 999999999, &track));
  g_assert_cmpint (track.state, ==, GDNN_TRACK_BEHIND);
  text = gdnn_track_format (&track, count->measure, 999999999);
  g_assert_cmpstr (text, ==, "999.999.999");
  g_free (text);
  text = gdnn_track_format (&track, count->measure, track.target_value);
  g_assert_cmpstr (text, ==, "1.000.000.000");
  g_free (text);
  text = gdnn_track_format_percent_of_target (&track);
  g_assert_cmpstr (text, ==, "99,999999%");
  g_free (text);

  /* The window's row prints the same. */
  v->has_numerator = TRUE;
  v->numerator = 1499;
  v->has_denominator = TRUE;
  v->denominator = 2500;
  v->period = g_strdup ("year");
  row = gdnn_value_row_new (ind, 1, 2026, 2022, 20, v);
  g_object_get (row, "percent", &percent, "track-label", &label, NULL);
  g_assert_cmpstr (percent, ==, "59,96%");
  g_assert_cmpstr (label, ==, "Behind (expected 60%)");
}

static void
test_value_measure (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");
  g_autoptr(GdnnValue) v = gdnn_value_new ();
  gboolean has = TRUE;

  g_assert_cmpfloat (gdnn_value_measure (ind, v, &has), ==, 0);
  g_assert_false (has);
  v->has_numerator = TRUE;
  v->numerator = 45;
  g_assert_cmpfloat (gdnn_value_measure (ind, v, &has), ==, 0);
  g_assert_false (has);
  v->has_denominator = TRUE;
  v->denominator = 90;
  g_assert_cmpfloat (gdnn_value_measure (ind, v, &has), ==, 50);
  g_assert_true (has);
  ind->measure = GDNN_MEASURE_COUNT;
  g_assert_cmpfloat (gdnn_value_measure (ind, v, &has), ==, 45);
}

typedef struct
{
  const char *numerator;
  const char *denominator;
  const char *note;
  gboolean    ok;
  double      num;
  double      den;
} ParseCase;

/* In 2024 the line from 20% (2022) to 50% (2025) expects 40%. */
static const ParseCase parse_cases[] = {
  { "45", "100", NULL, TRUE, 45, 100 },
  { "1.234", "2.000", NULL, TRUE, 1234, 2000 },
  { " 90 ", "200", "", TRUE, 90, 200 },
  { "30", "100", NULL, TRUE, 30, 100 },             /* behind, no note: stored, then flagged */
  { "30", "100", "Thiếu kinh phí", TRUE, 30, 100 },  /* behind, explained */
  { "120", "100", NULL, FALSE, 0, 0 },              /* numerator > denominator */
  { "5", "0", NULL, FALSE, 0, 0 },                  /* denominator 0 */
  { "-5", "10", NULL, FALSE, 0, 0 },                /* negative */
  { "abc", "10", NULL, FALSE, 0, 0 },               /* not a number */
  { "1.5", "10", NULL, FALSE, 0, 0 },               /* '.' groups thousands */
  { "4,5", "10", NULL, FALSE, 0, 0 },               /* a count of people is whole */
  { "4", "1,5", NULL, FALSE, 0, 0 },                /* so is the denominator */
  { "4,0", "10,0", NULL, TRUE, 4, 10 },             /* decimal comma, whole */
};

static void
test_value_row_parse (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");

  ind->id = 7;
  ind->code = g_strdup ("I.2.a.1");
  ind->name = g_strdup ("Nhà giáo được bồi dưỡng");
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GdnnValueRow) row = gdnn_value_row_new (ind, 1, 2024, 2022, 20, NULL);
      g_autoptr(GdnnValue) v = NULL;
      g_autoptr(GError) error = NULL;

      v = gdnn_value_row_parse (row, c->numerator, c->denominator, c->note, &error);
      if (c->ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (v);
          g_assert_cmpfloat (v->numerator, ==, c->num);
          g_assert_cmpfloat (v->denominator, ==, c->den);
          g_assert_cmpint (v->indicator_id, ==, 7);
          g_assert_cmpint (v->year, ==, 2024);
        }
      else
        {
          g_assert_null (v);
          g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
        }
    }
}

static char *
row_text (GdnnValueRow *row,
          const char   *property)
{
  char *text = NULL;

  g_object_get (row, property, &text, NULL);
  return text;
}

/* What a secretary types, cell by cell: a numerator waits on the row for
 * its denominator, with a message; a value behind its track is made at
 * once and flagged; an explanation is made on its own, keeping the
 * numbers and leaving typed ones pending; a refusal keeps the text. */
static void
test_value_row_input (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");
  g_autoptr(GdnnValueRow) row = NULL;
  g_autoptr(GdnnValue) v = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  const char *kept[GDNN_VALUE_N_FIELDS] = { "7", NULL, NULL };

  ind->id = 7;
  ind->code = g_strdup ("I.2.a.1");
  row = gdnn_value_row_new (ind, 1, 2024, 2022, 20, NULL);

  /* Numerator alone: nothing to store, the text stays with a message. */
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_NUMERATOR, "45"));
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_NUMERATOR), ==, "45");
  text = row_text (row, "numerator");
  g_assert_cmpstr (text, ==, "45");
  g_clear_pointer (&text, g_free);
  message = row_text (row, "status");
  g_assert_cmpstr (message, ==, "Numerator 45 not saved yet: type the denominator to save the ratio.");
  g_clear_pointer (&message, g_free);
  g_assert_false (gdnn_value_row_get_value (row)->has_numerator);

  /* Leaving the empty denominator changes nothing. */
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_DENOMINATOR, ""));
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_NUMERATOR), ==, "45");

  /* The denominator completes the ratio: 45/150 = 30% is behind the 40%
   * expected in 2024, made all the same. */
  v = gdnn_value_row_input (row, GDNN_VALUE_FIELD_DENOMINATOR, "150");
  g_assert_nonnull (v);
  g_assert_true (v->has_numerator && v->has_denominator);
  g_assert_cmpfloat (v->numerator, ==, 45);
  g_assert_cmpfloat (v->denominator, ==, 150);
  g_assert_null (v->note);
  gdnn_value_row_stored (row, GDNN_VALUE_FIELD_DENOMINATOR, v);
  g_clear_pointer (&v, gdnn_value_free);
  g_assert_false (gdnn_value_row_has_pending (row));
  g_assert_true (gdnn_value_row_needs_note (row));
  message = row_text (row, "status");
  g_assert_cmpstr (message, ==, "Behind (expected 40%); needs an explanation");
  g_clear_pointer (&message, g_free);

  /* A numerator typed and left waiting (empty denominator), then the
   * explanation: it is made with the stored numbers; the typed ones stay
   * pending. */
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_DENOMINATOR, ""));
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_DENOMINATOR), ==, "");
  message = row_text (row, "message");
  g_assert_cmpstr (message, ==, "Not saved: A ratio needs a denominator.");
  g_clear_pointer (&message, g_free);
  v = gdnn_value_row_input (row, GDNN_VALUE_FIELD_NOTE, " Thiếu giáo viên ");
  g_assert_nonnull (v);
  g_assert_cmpfloat (v->numerator, ==, 45);
  g_assert_cmpfloat (v->denominator, ==, 150);
  g_assert_cmpstr (v->note, ==, "Thiếu giáo viên");
  gdnn_value_row_stored (row, GDNN_VALUE_FIELD_NOTE, v);
  g_clear_pointer (&v, gdnn_value_free);
  g_assert_false (gdnn_value_row_needs_note (row));
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_DENOMINATOR), ==, "");
  g_assert_null (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_NOTE));
  message = row_text (row, "message");
  g_assert_cmpstr (message, ==, "Not saved: A ratio needs a denominator.");
  g_clear_pointer (&message, g_free);

  /* The stored denominator typed back: nothing pending, no message. */
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_DENOMINATOR, "150"));
  g_assert_false (gdnn_value_row_has_pending (row));
  message = row_text (row, "message");
  g_assert_cmpstr (message, ==, "");
  g_clear_pointer (&message, g_free);

  /* The same number written another way makes nothing to store. */
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_NUMERATOR, "45,0"));
  g_assert_false (gdnn_value_row_has_pending (row));

  /* Refused by the rules: the text stays, with why. */
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_NUMERATOR, "500"));
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_NUMERATOR), ==, "500");
  message = row_text (row, "status");
  g_assert_cmpstr (message, ==, "Not saved: The numerator cannot be larger than the denominator.");
  g_clear_pointer (&message, g_free);

  /* Refused by the store: the text stays, with the store's reason. */
  v = gdnn_value_row_input (row, GDNN_VALUE_FIELD_NUMERATOR, "60");
  g_assert_nonnull (v);
  gdnn_value_row_refused (row, "disk full");
  g_clear_pointer (&v, gdnn_value_free);
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_NUMERATOR), ==, "60");
  message = row_text (row, "status");
  g_assert_cmpstr (message, ==, "Not saved: disk full");
  g_clear_pointer (&message, g_free);

  /* Dropped, then put back as the page keeps it across a reload. */
  gdnn_value_row_discard_pending (row);
  g_assert_false (gdnn_value_row_has_pending (row));
  text = row_text (row, "numerator");
  g_assert_cmpstr (text, ==, "45");
  g_clear_pointer (&text, g_free);
  gdnn_value_row_restore_pending (row, kept);
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_NUMERATOR), ==, "7");
  text = row_text (row, "numerator");
  g_assert_cmpstr (text, ==, "7");
  g_clear_pointer (&text, g_free);
  message = row_text (row, "message");
  g_assert_cmpstr (message, ==, "Not saved yet: press Enter in the cell to save it.");
}

static void
test_value_row_properties (void)
{
  g_autoptr(GdnnIndicator) ind = make_indicator ("increase");
  g_autoptr(GdnnValueRow) row = NULL;
  g_autoptr(GdnnValue) v = gdnn_value_new ();
  g_autofree char *percent = NULL;
  g_autofree char *targets = NULL;
  g_autofree char *numerator = NULL;

  ind->code = g_strdup ("I.2.a.1");
  v->has_numerator = TRUE;
  v->numerator = 1234;
  v->has_denominator = TRUE;
  v->denominator = 2000;
  v->period = g_strdup ("year");
  row = gdnn_value_row_new (ind, 1, 2024, 2022, 20, v);
  g_object_get (row, "percent", &percent, "targets", &targets, "numerator", &numerator, NULL);
  g_assert_cmpstr (percent, ==, "61,7%");
  g_assert_cmpstr (numerator, ==, "1.234");
  g_assert_nonnull (strstr (targets, "2025: 50%"));
  g_assert_nonnull (strstr (targets, "2030: 100%"));
  g_assert_cmpint (gdnn_value_row_get_track (row), ==, GDNN_TRACK_REACHED);
}

/* ---------------------------------------------------------------------- */

static void
demo_setup (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  g_assert_true (gdnn_demo_populate (fixture->store, 2026, &error));
  g_assert_no_error (error);
}

static GdnnValue *
get_value (Fixture    *fixture,
           gint64      unit_id,
           gint64      indicator_id,
           int         year)
{
  return gdnn_store_get_value (fixture->store, unit_id, indicator_id, year, "year", NULL);
}

static void
set_value (Fixture *fixture,
           gint64   unit_id,
           gint64   indicator_id,
           int      year,
           double   numerator,
           double   denominator)
{
  g_autoptr(GdnnValue) v = gdnn_value_new ();
  g_autoptr(GError) error = NULL;

  v->unit_id = unit_id;
  v->indicator_id = indicator_id;
  v->year = year;
  v->has_numerator = TRUE;
  v->numerator = numerator;
  v->has_denominator = TRUE;
  v->denominator = denominator;
  g_assert_true (gdnn_store_set_value (fixture->store, v, &error));
  g_assert_no_error (error);
}

static void
test_undo_steps_back (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GdnnUnit) unit = gdnn_store_find_unit_by_code (fixture->store, "BG-CD01", NULL);
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (fixture->store, "401/KH-UBND", NULL);
  g_autoptr(GdnnIndicator) ind = NULL;
  g_autoptr(GdnnValue) original = NULL;
  g_autoptr(GdnnValue) v = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  gint64 entity_id = 0;
  gint64 values_before;

  g_assert_nonnull (unit);
  g_assert_nonnull (plan);
  ind = gdnn_store_find_indicator (fixture->store, plan->id, "I.2.a.2", NULL);
  g_assert_nonnull (ind);
  original = get_value (fixture, unit->id, ind->id, 2025);
  g_assert_nonnull (original);
  values_before = gdnn_test_count (fixture->store, "value");

  /* Two edits of an existing value and one new value (2021 is baseline). */
  set_value (fixture, unit->id, ind->id, 2025, 10, 100);
  set_value (fixture, unit->id, ind->id, 2025, 20, 100);
  set_value (fixture, unit->id, ind->id, 2021, 1, 100);
  g_assert_cmpint (gdnn_test_count (fixture->store, "value"), ==, values_before + 1);

  /* Undo the insert: the 2021 value is gone. */
  g_assert_true (gdnn_store_undo (fixture->store, &entity, &entity_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (entity, ==, "value");
  g_assert_null (get_value (fixture, unit->id, ind->id, 2021));
  g_assert_cmpint (gdnn_test_count (fixture->store, "value"), ==, values_before);

  /* Undo the second edit, then the first: back to the original. */
  g_assert_true (gdnn_store_undo (fixture->store, NULL, NULL, &error));
  v = get_value (fixture, unit->id, ind->id, 2025);
  g_assert_cmpfloat (v->numerator, ==, 10);
  g_clear_pointer (&v, gdnn_value_free);
  g_assert_true (gdnn_store_undo (fixture->store, NULL, NULL, &error));
  v = get_value (fixture, unit->id, ind->id, 2025);
  g_assert_cmpfloat (v->numerator, ==, original->numerator);
  g_assert_cmpfloat (v->denominator, ==, original->denominator);
  g_assert_cmpstr (v->note, ==, original->note);

  /* Each undo is itself in the change log, marked as the undo of a row. */
  g_assert_cmpint (gdnn_test_query_int (fixture->store,
                                        "SELECT count(*) FROM change_log WHERE undo_of IS NOT NULL;"), ==, 3);
  g_assert_cmpint (gdnn_test_query_int (fixture->store,
                                        "SELECT count(*) FROM change_log WHERE undo_of IS NOT NULL "
                                        "AND who = 'Người kiểm thử';"), ==, 3);
}

static void
test_undo_task_progress (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GdnnUnit) unit = gdnn_store_find_unit_by_code (fixture->store, "BG-TC02", NULL);
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (fixture->store, "401/KH-UBND", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GdnnTaskProgress) p = gdnn_task_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  GdnnTaskProgress *first;

  before = gdnn_store_list_task_progress (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >, 0);
  first = g_ptr_array_index (before, 0);

  p->task_id = first->task_id;
  p->unit_id = unit->id;
  p->year = 2026;
  p->status = first->status == GDNN_TASK_DONE ? GDNN_TASK_PAUSED : GDNN_TASK_DONE;
  p->progress = first->status == GDNN_TASK_DONE ? 10 : 100;
  p->result = g_strdup ("Đã hoàn thành");
  g_assert_true (gdnn_store_set_task_progress (fixture->store, p, &error));
  g_assert_no_error (error);

  g_assert_true (gdnn_store_undo (fixture->store, &entity, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (entity, ==, "task_progress");
  after = gdnn_store_list_task_progress (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_cmpint (((GdnnTaskProgress *) g_ptr_array_index (after, 0))->status, ==, first->status);
  g_assert_cmpint (((GdnnTaskProgress *) g_ptr_array_index (after, 0))->progress, ==, first->progress);
  g_assert_cmpstr (((GdnnTaskProgress *) g_ptr_array_index (after, 0))->result, ==, first->result);
}

/* What was typed and not stored stays on a row refreshed for its own
 * year (an undo elsewhere) and is dropped for another year. */
static void
test_value_rows_refresh_pending (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (fixture->store, "401/KH-UBND");
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (fixture->store, "BG-CD01");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GdnnValueRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  rows = gdnn_value_rows_load (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  row = g_list_model_get_item (rows, 0);
  g_assert_null (gdnn_value_row_input (row, GDNN_VALUE_FIELD_DENOMINATOR, ""));

  g_assert_true (gdnn_value_rows_refresh (rows, fixture->store, unit->id, plan->id, 2026, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdnn_value_row_get_pending (row, GDNN_VALUE_FIELD_DENOMINATOR), ==, "");
  g_object_get (row, "message", &message, NULL);
  g_assert_cmpstr (message, ==, "Not saved: A ratio needs a denominator.");
  g_clear_pointer (&message, g_free);

  g_assert_true (gdnn_value_rows_refresh (rows, fixture->store, unit->id, plan->id, 2024, &error));
  g_assert_no_error (error);
  g_assert_false (gdnn_value_row_has_pending (row));
  g_object_get (row, "message", &message, NULL);
  g_assert_cmpstr (message, ==, "");
}

/* Refreshing rows in place for another year gives what loading them anew
 * for that year gives, and clears a refused edit's message. */
static void
test_value_rows_refresh (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (fixture->store, "401/KH-UBND");
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (fixture->store, "BG-CD01");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint differing = 0;

  rows = gdnn_value_rows_load (fixture->store, unit->id, plan->id, 2026, &error);
  g_assert_no_error (error);
  fresh = gdnn_value_rows_load (fixture->store, unit->id, plan->id, 2024, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GdnnValueRow) first = g_list_model_get_item (rows, 0);
    gdnn_value_row_set_message (first, "refused");
  }

  g_assert_true (gdnn_value_rows_refresh (rows, fixture->store, unit->id, plan->id, 2024, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (fresh));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnValueRow) a = g_list_model_get_item (rows, i);
      g_autoptr(GdnnValueRow) b = g_list_model_get_item (fresh, i);
      const char *props[] = { "numerator", "denominator", "note", "percent", "status", "message" };

      g_assert_cmpint (gdnn_value_row_get_year (a), ==, 2024);
      g_assert_cmpint (gdnn_value_row_get_value (a)->year, ==, 2024);
      for (guint p = 0; p < G_N_ELEMENTS (props); p++)
        {
          g_autofree char *ta = NULL;
          g_autofree char *tb = NULL;
          g_object_get (a, props[p], &ta, NULL);
          g_object_get (b, props[p], &tb, NULL);
          g_assert_cmpstr (ta, ==, tb);
        }
    }

  /* 2024 and 2026 really differ in the demo data, so the test means something. */
  {
    g_autoptr(GListModel) y2026 = gdnn_value_rows_load (fixture->store, unit->id, plan->id, 2026, &error);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GdnnValueRow) a = g_list_model_get_item (rows, i);
        g_autoptr(GdnnValueRow) c = g_list_model_get_item (y2026, i);
        g_autofree char *ta = NULL;
        g_autofree char *tc = NULL;
        g_object_get (a, "numerator", &ta, NULL);
        g_object_get (c, "numerator", &tc, NULL);
        differing += g_strcmp0 (ta, tc) != 0;
      }
  }
  g_assert_cmpuint (differing, >, 0);
}

static void
test_undo_nothing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gdnn_store_undo (fixture->store, NULL, NULL, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/track/cases", test_track_cases);
  g_test_add_func ("/core/track/no-milestone", test_track_no_milestone);
  g_test_add_func ("/core/track/decrease", test_track_decrease);
  g_test_add_func ("/core/track/prints-as-assessed", test_track_prints_as_assessed);
  g_test_add_func ("/core/track/value-measure", test_value_measure);
  g_test_add_func ("/core/value-row/parse", test_value_row_parse);
  g_test_add_func ("/core/value-row/properties", test_value_row_properties);
  g_test_add_func ("/core/value-row/input", test_value_row_input);
  g_test_add ("/core/undo/steps-back", Fixture, NULL, demo_setup, test_undo_steps_back, fixture_teardown);
  g_test_add ("/core/undo/task-progress", Fixture, NULL, demo_setup, test_undo_task_progress, fixture_teardown);
  g_test_add ("/core/value-row/refresh", Fixture, NULL, demo_setup, test_value_rows_refresh, fixture_teardown);
  g_test_add ("/core/value-row/refresh-pending", Fixture, NULL, demo_setup, test_value_rows_refresh_pending,
              fixture_teardown);
  g_test_add ("/core/undo/nothing", Fixture, NULL, fixture_setup, test_undo_nothing, fixture_teardown);

  return g_test_run ();
}
