/* gdnn-chart-data.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-chart-data"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-chart-data.h"
#include "gdnn-text.h"
#include "gdnn-track.h"

/* Everything the charts of a unit's plan are made of, read once. */
typedef struct
{
  GdnnPlan   *plan;
  GPtrArray  *indicators;   /* of GdnnIndicator, by code, targets made effective */
  GHashTable *values;       /* "indicator_id:year" → GdnnValue */
  GPtrArray  *value_lists;  /* keeps the values alive */
} PlanData;

static void
plan_data_clear (PlanData *d)
{
  g_clear_pointer (&d->plan, gdnn_plan_free);
  g_clear_pointer (&d->indicators, g_ptr_array_unref);
  g_clear_pointer (&d->values, g_hash_table_unref);
  g_clear_pointer (&d->value_lists, g_ptr_array_unref);
}

static char *
value_key (gint64 indicator_id,
           int    year)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d", indicator_id, year);
}

/* Codes in natural order: I.2.9 before I.2.10. */
static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const GdnnIndicator *ia = *(const GdnnIndicator * const *) a;
  const GdnnIndicator *ib = *(const GdnnIndicator * const *) b;
  g_autofree char *ka = g_utf8_collate_key_for_filename (ia->code != NULL ? ia->code : "", -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (ib->code != NULL ? ib->code : "", -1);

  return strcmp (ka, kb);
}

/* The unit's own target replaces the plan-wide milestone of that year;
 * other bodies' targets are dropped. What is left is plan-wide in form,
 * so gdnn_track_compute() measures the unit against its own numbers. */
static void
make_targets_effective (GdnnIndicator *ind,
                        GHashTable    *own_bodies)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new ();

  for (guint i = 0; i < ind->targets->len; i++)
    {
      GdnnTarget *t = g_ptr_array_index (ind->targets, i);
      if (t->body_id != 0 && g_hash_table_contains (own_bodies, &t->body_id))
        g_ptr_array_add (own, t);
    }
  for (guint i = 0; i < own->len; i++)
    {
      GdnnTarget *t = g_ptr_array_index (own, i);
      for (guint j = 0; j < ind->targets->len; j++)
        {
          GdnnTarget *w = g_ptr_array_index (ind->targets, j);
          if (w->body_id == 0 && w->year == t->year)
            w->body_id = -1;   /* replaced, removed below */
        }
      t->body_id = 0;
    }
  for (guint i = ind->targets->len; i > 0; i--)
    {
      GdnnTarget *t = g_ptr_array_index (ind->targets, i - 1);
      if (t->body_id != 0)
        g_ptr_array_remove_index (ind->targets, i - 1);
    }
}

static gboolean
plan_data_load (PlanData   *d,
                GdnnStore  *store,
                gint64      unit_id,
                gint64      plan_id,
                int         year,
                GError    **error)
{
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GHashTable) own_bodies = g_hash_table_new (g_int64_hash, g_int64_equal);
  int last;

  memset (d, 0, sizeof *d);
  if (!(d->plan = gdnn_store_get_plan (store, plan_id, error)) ||
      !(d->indicators = gdnn_store_list_indicators (store, plan_id, error)) ||
      !(bodies = gdnn_store_list_bodies (store, plan_id, error)))
    return FALSE;

  for (guint i = 0; i < bodies->len; i++)
    {
      GdnnBody *b = g_ptr_array_index (bodies, i);
      if (b->unit_id != 0 && b->unit_id == unit_id)
        g_hash_table_add (own_bodies, &b->id);
    }
  for (guint i = 0; i < d->indicators->len; i++)
    make_targets_effective (g_ptr_array_index (d->indicators, i), own_bodies);
  g_ptr_array_sort (d->indicators, compare_codes);

  d->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->value_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  last = MIN (year, d->plan->last_year);
  for (int y = d->plan->baseline_year; y <= last; y++)
    {
      GPtrArray *values = gdnn_store_list_values (store, unit_id, plan_id, y, error);

      if (values == NULL)
        return FALSE;
      g_ptr_array_add (d->value_lists, values);
      for (guint i = 0; i < values->len; i++)
        {
          GdnnValue *v = g_ptr_array_index (values, i);
          if (g_strcmp0 (v->period, "year") == 0)
            g_hash_table_insert (d->values, value_key (v->indicator_id, v->year), v);
        }
    }
  return TRUE;
}

static double
lookup_measure (PlanData            *d,
                const GdnnIndicator *ind,
                int                  year,
                gboolean            *has)
{
  g_autofree char *key = value_key (ind->id, year);

  return gdnn_value_measure (ind, g_hash_table_lookup (d->values, key), has);
}

static gboolean
is_percent (const GdnnIndicator *ind)
{
  return ind->measure == GDNN_MEASURE_RATIO;
}

static GdnnIndicatorChart *
indicator_chart (PlanData            *d,
                 const GdnnIndicator *ind,
                 int                  year)
{
  GdnnIndicatorChart *chart = gdnn_indicator_chart_new ();
  gboolean has = FALSE;
  double base;

  chart->code = g_strdup (ind->code);
  chart->name = g_strdup (ind->name);
  chart->is_percent = is_percent (ind);
  chart->unit_label = g_strdup (ind->unit_label != NULL ? ind->unit_label : chart->is_percent ? "%" : "");
  chart->first_year = d->plan->baseline_year;
  chart->last_year = d->plan->last_year;
  chart->show_track = TRUE;

  base = lookup_measure (d, ind, d->plan->baseline_year, &has);
  chart->has_baseline = TRUE;
  chart->baseline_known = has;
  chart->baseline_year = d->plan->baseline_year;
  chart->baseline_value = has ? base : 0;

  for (int y = d->plan->baseline_year; y <= MIN (year, d->plan->last_year); y++)
    {
      double v = lookup_measure (d, ind, y, &has);
      gdnn_indicator_chart_set_value (chart, y, has ? v : NAN);
    }
  for (guint i = 0; i < ind->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (ind->targets, i);
      gdnn_indicator_chart_add_target (chart, t->year, t->value);
    }
  return chart;
}

/**
 * gdnn_chart_data_indicators:
 * @year: the last year with values (later years show only targets)
 *
 * Returns: (transfer container): a #GdnnIndicatorChart per indicator of the
 *   plan, in natural order of their codes, or %NULL with @error set.
 */
GPtrArray *
gdnn_chart_data_indicators (GdnnStore  *store,
                            gint64      unit_id,
                            gint64      plan_id,
                            int         year,
                            GError    **error)
{
  PlanData d;
  GPtrArray *charts;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!plan_data_load (&d, store, unit_id, plan_id, year, error))
    {
      plan_data_clear (&d);
      return NULL;
    }
  charts = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_indicator_chart_unref);
  for (guint i = 0; i < d.indicators->len; i++)
    g_ptr_array_add (charts, indicator_chart (&d, g_ptr_array_index (d.indicators, i), year));
  plan_data_clear (&d);
  return charts;
}

/**
 * gdnn_chart_data_indicator:
 *
 * Returns: (transfer full): the chart of the indicator @code, or %NULL
 *   with @error set.
 */
GdnnIndicatorChart *
gdnn_chart_data_indicator (GdnnStore  *store,
                           gint64      unit_id,
                           gint64      plan_id,
                           const char *code,
                           int         year,
                           GError    **error)
{
  g_autoptr(GPtrArray) charts = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  charts = gdnn_chart_data_indicators (store, unit_id, plan_id, year, error);
  if (charts == NULL)
    return NULL;
  for (guint i = 0; i < charts->len; i++)
    {
      GdnnIndicatorChart *c = g_ptr_array_index (charts, i);
      if (g_strcmp0 (c->code, code) == 0)
        return gdnn_indicator_chart_ref (c);
    }
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is an indicator code. */
               _("The plan has no indicator %s."), code);
  return NULL;
}

/* After its last milestone an indicator is measured against that one:
 * reached, or behind. */
static gboolean
last_milestone (const GdnnIndicator *ind,
                int                  year,
                double               value,
                GdnnTrack           *track)
{
  const GdnnTarget *last = NULL;
  gboolean decrease = g_strcmp0 (ind->direction, "decrease") == 0;

  for (guint i = 0; i < ind->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (ind->targets, i);
      if (t->body_id == 0 && t->year < year && (last == NULL || t->year > last->year))
        last = t;
    }
  if (last == NULL)
    return FALSE;
  track->target_year = last->year;
  track->target_value = last->value;
  track->expected = last->value;
  track->state = (decrease ? value <= last->value + 1e-9 : value >= last->value - 1e-9) ? GDNN_TRACK_REACHED
                                                                                       : GDNN_TRACK_BEHIND;
  return TRUE;
}

/* The digits that print @pct on the side of 100 given by @order, how the
 * value compares with its milestone (better: 1). */
static int
percent_decimals (double pct,
                  int    order)
{
  int decimals = gdnn_number_decimals_for (pct, 100, order, 1);

  return decimals >= 0 ? decimals : GDNN_MAX_DECIMALS;
}

/**
 * gdnn_chart_data_plan:
 *
 * Each indicator's value in @year as a percentage of the milestone it is
 * tracked against (the next one at or after @year, or after the last
 * milestone that last one); for an indicator that must decrease, the
 * target over the value.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set.
 */
GdnnPlanChart *
gdnn_chart_data_plan (GdnnStore  *store,
                      gint64      unit_id,
                      gint64      plan_id,
                      int         year,
                      GError    **error)
{
  PlanData d;
  GdnnPlanChart *chart;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!plan_data_load (&d, store, unit_id, plan_id, year, error))
    {
      plan_data_clear (&d);
      return NULL;
    }

  chart = gdnn_plan_chart_new ();
  chart->year = year;
  chart->plan_number = g_strdup (d.plan->number);
  for (guint i = 0; i < d.indicators->len; i++)
    {
      const GdnnIndicator *ind = g_ptr_array_index (d.indicators, i);
      gboolean has = FALSE, has_base = FALSE;
      double value = lookup_measure (&d, ind, year, &has);
      double base = lookup_measure (&d, ind, d.plan->baseline_year, &has_base);
      GdnnChartBar *bar;
      GdnnTrack track;

      if (!has)
        {
          bar = gdnn_plan_chart_add_bar (chart, ind->code, ind->name, GDNN_CHART_BAR_NO_VALUE, 0);
        }
      else if (!gdnn_track_compute (ind, d.plan->baseline_year, has_base ? base : 0, year, value, &track) &&
               !last_milestone (ind, year, value, &track))
        {
          bar = gdnn_plan_chart_add_bar (chart, ind->code, ind->name, GDNN_CHART_BAR_NO_TARGET, 0);
        }
      else
        {
          gboolean decrease = g_strcmp0 (ind->direction, "decrease") == 0;
          double pct;

          if (decrease)
            pct = value > 0 ? 100 * track.target_value / value : 100;
          else
            pct = track.target_value != 0 ? 100 * value / track.target_value : 0;
          bar = gdnn_plan_chart_add_bar (chart, ind->code, ind->name,
                                         track.state == GDNN_TRACK_BEHIND ? GDNN_CHART_BAR_BEHIND
                                                                          : GDNN_CHART_BAR_ON_TRACK,
                                         pct);
          bar->target_year = track.target_year;
          bar->target_value = track.target_value;
          bar->percent_decimals = percent_decimals (pct, decrease ? -gdnn_number_compare (value, track.target_value)
                                                                   : gdnn_number_compare (value, track.target_value));
          bar->decimals = gdnn_number_decimals (value, &track.target_value, 1, is_percent (ind) ? 1 : 0);
        }
      bar->value = value;
      bar->is_percent = is_percent (ind);
      bar->unit_label = g_strdup (ind->unit_label);
    }
  plan_data_clear (&d);
  return chart;
}

/**
 * gdnn_chart_data_tasks:
 *
 * The plan's tasks and the unit's own, counted by their status in @year;
 * a task without progress that year counts as not started.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set.
 */
GdnnTaskChart *
gdnn_chart_data_tasks (GdnnStore  *store,
                       gint64      unit_id,
                       gint64      plan_id,
                       int         year,
                       GError    **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GHashTable) status = g_hash_table_new (g_int64_hash, g_int64_equal);
  GdnnTaskChart *chart;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!(tasks = gdnn_store_list_tasks (store, plan_id, unit_id, error)) ||
      !(progress = gdnn_store_list_task_progress (store, unit_id, plan_id, year, error)))
    return NULL;

  for (guint i = 0; i < progress->len; i++)
    {
      GdnnTaskProgress *p = g_ptr_array_index (progress, i);
      if (g_strcmp0 (p->period, "year") == 0)
        g_hash_table_insert (status, &p->task_id, p);
    }
  chart = gdnn_task_chart_new ();
  chart->year = year;
  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      GdnnTaskProgress *p = g_hash_table_lookup (status, &t->id);
      chart->counts[p != NULL ? p->status : GDNN_TASK_NOT_STARTED]++;
    }
  return chart;
}
