/* gdnn-values.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-values"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gdnn-store-private.h"
#include "gdnn-validation.h"

/* Indicator values and task progress: what a unit reports each period. */

static gboolean
step_statement (GdnnStore  *self,
                gpointer    stmt,
                GError    **error)
{
  return gdnn_store_step_done (self, stmt, error);
}

/* A single write, in its own transaction (or savepoint when nested). */
static gboolean
step_in_transaction (GdnnStore     *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  if (!gdnn_store_run_in_transaction (self, step_statement, stmt, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

static const char *
period_or_default (const char *period)
{
  return period != NULL ? period : "year";
}

static gboolean
valid_period (const char  *period,
              GError     **error)
{
  if (g_strcmp0 (period, "year") == 0 || g_strcmp0 (period, "h1") == 0)
    return TRUE;
  /* Translators: a report period code; "year" and "h1" must stay as they are. */
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
               _("Unknown report period “%s” (use year or h1)."), period);
  return FALSE;
}

static gboolean
lookup_indicator (GdnnStore    *self,
                  gint64        indicator_id,
                  char        **code,
                  GdnnMeasure  *measure,
                  int          *first_year,
                  int          *last_year,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gdnn_store_prepare (self,
                             "SELECT i.code, i.measure, p.first_year, p.last_year FROM indicator i "
                             "JOIN plan p ON p.id = i.plan_id WHERE i.id = ?;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        gdnn_store_set_error (self, error);
      else
        g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                     _("The indicator no longer exists."));
      return FALSE;
    }
  *code = gdnn_column_text (stmt, 0);
  gdnn_measure_from_string ((const char *) sqlite3_column_text (stmt, 1), measure);
  *first_year = sqlite3_column_int (stmt, 2);
  *last_year = sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * gdnn_store_set_value:
 *
 * Stores (inserts or replaces) the value of an indicator for a unit, a
 * year and a period, after validating it against the indicator's measure.
 * The change log keeps the previous value.
 */
gboolean
gdnn_store_set_value (GdnnStore        *self,
                      const GdnnValue  *value,
                      GError          **error)
{
  g_autofree char *code = NULL;
  g_autofree char *now = NULL;
  GdnnMeasure measure = GDNN_MEASURE_RATIO;
  int first_year = 0, last_year = 0;
  sqlite3_stmt *stmt;
  const char *period;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  period = period_or_default (value->period);
  if (!valid_period (period, error))
    return FALSE;

  if (!lookup_indicator (self, value->indicator_id, &code, &measure, &first_year, &last_year, error))
    return FALSE;

  if (value->year < first_year - GDNN_VALUE_YEARS_BEFORE_PLAN || value->year > last_year)
    {
      /* Translators: %s is an indicator code, the %d are years. */
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("%s: the year %d is outside the plan (%d–%d)."),
                   code, value->year, first_year - GDNN_VALUE_YEARS_BEFORE_PLAN, last_year);
      return FALSE;
    }

  if (!gdnn_validate_value (measure, value, error))
    {
      g_prefix_error (error, "%s: ", code);
      return FALSE;
    }

  now = gdnn_now_iso8601 ();
  stmt = gdnn_store_prepare (self,
                             "INSERT INTO value (unit_id, indicator_id, year, period, numerator, denominator, "
                             "note, evidence, status, updated_by, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ifnull (?, 'draft'), gdnn_who (), ?) "
                             "ON CONFLICT (unit_id, indicator_id, year, period) DO UPDATE SET "
                             "numerator = excluded.numerator, denominator = excluded.denominator, "
                             "note = excluded.note, evidence = excluded.evidence, status = excluded.status, "
                             "updated_by = excluded.updated_by, updated_at = excluded.updated_at;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value->unit_id);
  sqlite3_bind_int64 (stmt, 2, value->indicator_id);
  sqlite3_bind_int (stmt, 3, value->year);
  gdnn_bind_text (stmt, 4, period);
  if (value->has_numerator)
    sqlite3_bind_double (stmt, 5, value->numerator);
  if (value->has_denominator)
    sqlite3_bind_double (stmt, 6, value->denominator);
  gdnn_bind_text (stmt, 7, value->note != NULL && value->note[0] != '\0' ? value->note : NULL);
  gdnn_bind_text (stmt, 8, value->evidence);
  gdnn_bind_text (stmt, 9, value->status);
  gdnn_bind_text (stmt, 10, now);

  return step_in_transaction (self, stmt, error);
}

static GdnnValue *
value_from_row (sqlite3_stmt *stmt)
{
  GdnnValue *v = gdnn_value_new ();

  v->id = sqlite3_column_int64 (stmt, 0);
  v->unit_id = sqlite3_column_int64 (stmt, 1);
  v->indicator_id = sqlite3_column_int64 (stmt, 2);
  v->year = sqlite3_column_int (stmt, 3);
  v->period = gdnn_column_text (stmt, 4);
  v->has_numerator = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  v->numerator = sqlite3_column_double (stmt, 5);
  v->has_denominator = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  v->denominator = sqlite3_column_double (stmt, 6);
  v->note = gdnn_column_text (stmt, 7);
  v->evidence = gdnn_column_text (stmt, 8);
  v->status = gdnn_column_text (stmt, 9);
  v->updated_by = gdnn_column_text (stmt, 10);
  v->updated_at = gdnn_column_text (stmt, 11);
  return v;
}

#define VALUE_COLUMNS                                                                  \
  "v.id, v.unit_id, v.indicator_id, v.year, v.period, v.numerator, v.denominator, "    \
  "v.note, v.evidence, v.status, v.updated_by, v.updated_at"

GdnnValue *
gdnn_store_get_value (GdnnStore   *self,
                      gint64       unit_id,
                      gint64       indicator_id,
                      int          year,
                      const char  *period,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  GdnnValue *value = NULL;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT " VALUE_COLUMNS " FROM value v WHERE v.unit_id = ? "
                             "AND v.indicator_id = ? AND v.year = ? AND v.period = ?;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  sqlite3_bind_int (stmt, 3, year);
  gdnn_bind_text (stmt, 4, period_or_default (period));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = value_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                 _("No value has been entered."));
  else
    gdnn_store_set_error (self, error);
  sqlite3_reset (stmt);
  return value;
}

/* Returns: (transfer full): values of a plan's indicators; @unit_id 0
 * means every unit and @year 0 every year. */
GPtrArray *
gdnn_store_list_values (GdnnStore  *self,
                        gint64      unit_id,
                        gint64      plan_id,
                        int         year,
                        GError    **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_value_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT " VALUE_COLUMNS " FROM value v JOIN indicator i ON i.id = v.indicator_id "
                             "WHERE (?1 = 0 OR v.unit_id = ?1) AND (?2 = 0 OR i.plan_id = ?2) "
                             "AND (?3 = 0 OR v.year = ?3) "
                             "ORDER BY v.unit_id, i.position, v.year, v.period;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, value_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

gboolean
gdnn_store_set_task_progress (GdnnStore               *self,
                              const GdnnTaskProgress  *progress,
                              GError                 **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  const char *period;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  period = period_or_default (progress->period);
  if (!valid_period (period, error))
    return FALSE;
  if (progress->progress < 0 || progress->progress > 100)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("Progress must be between 0 and 100%%."));
      return FALSE;
    }

  now = gdnn_now_iso8601 ();
  stmt = gdnn_store_prepare (self,
                             "INSERT INTO task_progress (task_id, unit_id, year, period, status, progress, "
                             "result, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, gdnn_who (), ?) "
                             "ON CONFLICT (task_id, unit_id, year, period) DO UPDATE SET "
                             "status = excluded.status, progress = excluded.progress, result = excluded.result, "
                             "updated_by = excluded.updated_by, updated_at = excluded.updated_at;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, progress->task_id);
  sqlite3_bind_int64 (stmt, 2, progress->unit_id);
  sqlite3_bind_int (stmt, 3, progress->year);
  gdnn_bind_text (stmt, 4, period);
  gdnn_bind_text (stmt, 5, gdnn_task_status_to_string (progress->status));
  sqlite3_bind_int (stmt, 6, progress->progress);
  gdnn_bind_text (stmt, 7, progress->result);
  gdnn_bind_text (stmt, 8, now);

  return step_in_transaction (self, stmt, error);
}

GPtrArray *
gdnn_store_list_task_progress (GdnnStore  *self,
                               gint64      unit_id,
                               gint64      plan_id,
                               int         year,
                               GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_task_progress_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT p.id, p.task_id, p.unit_id, p.year, p.period, p.status, p.progress, "
                             "p.result, p.updated_at FROM task_progress p JOIN task t ON t.id = p.task_id "
                             "WHERE (?1 = 0 OR p.unit_id = ?1) AND t.plan_id = ?2 AND (?3 = 0 OR p.year = ?3) "
                             "ORDER BY t.position, p.year;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnTaskProgress *p = gdnn_task_progress_new ();
      p->id = sqlite3_column_int64 (stmt, 0);
      p->task_id = sqlite3_column_int64 (stmt, 1);
      p->unit_id = sqlite3_column_int64 (stmt, 2);
      p->year = sqlite3_column_int (stmt, 3);
      p->period = gdnn_column_text (stmt, 4);
      gdnn_task_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &p->status);
      p->progress = sqlite3_column_int (stmt, 6);
      p->result = gdnn_column_text (stmt, 7);
      p->updated_at = gdnn_column_text (stmt, 8);
      g_ptr_array_add (list, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
