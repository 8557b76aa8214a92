/* gdnn-plans.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-plans"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-store-private.h"

/* Plans, their report schedule, the bodies they name, indicators with
 * targets, task groups and tasks, and budget lines. */

#define PLAN_COLUMNS                                                            \
  "id, number, kind, title, issuer, issue_date, place, first_year, last_year, " \
  "baseline_year, parent_number, recipient, summary, notes"

static gint64
insert_and_get_id (GdnnStore     *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  if (!gdnn_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (gdnn_store_get_db (self));
}

/* Links two rows in a many-to-many table, once. */
static gboolean
insert_pair (GdnnStore   *self,
             const char  *sql,
             gint64       first,
             gint64       second,
             GError     **error)
{
  sqlite3_stmt *stmt = gdnn_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return gdnn_store_step_done (self, stmt, error);
}

static gboolean
finish_rows (GdnnStore     *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static GdnnPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  GdnnPlan *plan = gdnn_plan_new ();

  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->number = gdnn_column_text (stmt, 1);
  plan->kind = gdnn_column_text (stmt, 2);
  plan->title = gdnn_column_text (stmt, 3);
  plan->issuer = gdnn_column_text (stmt, 4);
  plan->issue_date = gdnn_column_text (stmt, 5);
  plan->place = gdnn_column_text (stmt, 6);
  plan->first_year = sqlite3_column_int (stmt, 7);
  plan->last_year = sqlite3_column_int (stmt, 8);
  plan->baseline_year = sqlite3_column_int (stmt, 9);
  plan->parent_number = gdnn_column_text (stmt, 10);
  plan->recipient = gdnn_column_text (stmt, 11);
  plan->summary = gdnn_column_text (stmt, 12);
  plan->notes = gdnn_column_text (stmt, 13);
  if (plan->baseline_year == 0)
    plan->baseline_year = plan->first_year;
  return plan;
}

static GPtrArray *
collect_plans (GdnnStore     *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_plan_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plans, plan_from_row (stmt));
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&plans);
}

GPtrArray *
gdnn_store_list_plans (GdnnStore  *self,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self, "SELECT " PLAN_COLUMNS " FROM plan ORDER BY first_year, id;", error);
  if (stmt == NULL)
    return NULL;
  return collect_plans (self, stmt, error);
}

static GdnnPlan *
single_plan (GdnnStore     *self,
             sqlite3_stmt  *stmt,
             const char    *what,
             GError       **error)
{
  g_autoptr(GPtrArray) plans = collect_plans (self, stmt, error);

  if (plans == NULL)
    return NULL;
  if (plans->len == 0)
    {
      /* Translators: %s is a plan number such as 401/KH-UBND. */
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                   _("There is no plan “%s”."), what);
      return NULL;
    }
  return g_ptr_array_steal_index (plans, 0);
}

GdnnPlan *
gdnn_store_get_plan (GdnnStore  *self,
                     gint64      id,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  char what[32];

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self, "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  g_snprintf (what, sizeof what, "#%" G_GINT64_FORMAT, id);
  return single_plan (self, stmt, what, error);
}

GdnnPlan *
gdnn_store_find_plan (GdnnStore   *self,
                      const char  *number,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = gdnn_store_prepare (self, "SELECT " PLAN_COLUMNS " FROM plan WHERE number = ?;", error);
  if (stmt == NULL)
    return NULL;
  gdnn_bind_text (stmt, 1, number);
  return single_plan (self, stmt, number, error);
}

gint64
gdnn_store_add_plan (GdnnStore       *self,
                     const GdnnPlan  *plan,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  g_return_val_if_fail (plan != NULL, 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO plan (number, kind, title, issuer, issue_date, place, first_year, "
                             "last_year, baseline_year, parent_number, recipient, summary, notes) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  gdnn_bind_text (stmt, 1, plan->number);
  gdnn_bind_text (stmt, 2, plan->kind);
  gdnn_bind_text (stmt, 3, plan->title);
  gdnn_bind_text (stmt, 4, plan->issuer);
  gdnn_bind_text (stmt, 5, plan->issue_date);
  gdnn_bind_text (stmt, 6, plan->place);
  sqlite3_bind_int (stmt, 7, plan->first_year);
  sqlite3_bind_int (stmt, 8, plan->last_year);
  if (plan->baseline_year > 0)
    sqlite3_bind_int (stmt, 9, plan->baseline_year);
  gdnn_bind_text (stmt, 10, plan->parent_number);
  gdnn_bind_text (stmt, 11, plan->recipient);
  gdnn_bind_text (stmt, 12, plan->summary);
  gdnn_bind_text (stmt, 13, plan->notes);

  id = insert_and_get_id (self, stmt, &local_error);
  if (id == 0)
    {
      if (sqlite3_extended_errcode (gdnn_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE &&
          plan->number != NULL)
        g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT,
                     _("A plan numbered “%s” already exists."), plan->number);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return id;
}

gint64
gdnn_store_add_report_period (GdnnStore               *self,
                              gint64                   plan_id,
                              const GdnnReportPeriod  *period,
                              GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO report_period (plan_id, code, name, due_day, due_month) "
                             "VALUES (?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  gdnn_bind_text (stmt, 2, period->code);
  gdnn_bind_text (stmt, 3, period->name);
  sqlite3_bind_int (stmt, 4, period->due_day);
  sqlite3_bind_int (stmt, 5, period->due_month);
  return insert_and_get_id (self, stmt, error);
}

GPtrArray *
gdnn_store_list_report_periods (GdnnStore  *self,
                                gint64      plan_id,
                                GError    **error)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_period_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT id, code, name, due_day, due_month FROM report_period "
                             "WHERE plan_id = ? ORDER BY due_month, due_day;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnReportPeriod *p = gdnn_report_period_new ();
      p->id = sqlite3_column_int64 (stmt, 0);
      p->code = gdnn_column_text (stmt, 1);
      p->name = gdnn_column_text (stmt, 2);
      p->due_day = sqlite3_column_int (stmt, 3);
      p->due_month = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (periods, p);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&periods);
}

gint64
gdnn_store_add_body (GdnnStore       *self,
                     const GdnnBody  *body,
                     GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO plan_body (plan_id, key, name, short_name, kind, duties, unit_id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, body->plan_id);
  gdnn_bind_text (stmt, 2, body->key);
  gdnn_bind_text (stmt, 3, body->name);
  gdnn_bind_text (stmt, 4, body->short_name);
  gdnn_bind_text (stmt, 5, gdnn_unit_type_to_string (body->kind));
  gdnn_bind_text (stmt, 6, body->duties);
  gdnn_bind_id (stmt, 7, body->unit_id);
  return insert_and_get_id (self, stmt, error);
}

GPtrArray *
gdnn_store_list_bodies (GdnnStore  *self,
                        gint64      plan_id,
                        GError    **error)
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_body_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT id, plan_id, key, name, short_name, kind, duties, unit_id "
                             "FROM plan_body WHERE plan_id = ? ORDER BY id;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnBody *b = gdnn_body_new ();
      g_autofree char *kind = NULL;

      b->id = sqlite3_column_int64 (stmt, 0);
      b->plan_id = sqlite3_column_int64 (stmt, 1);
      b->key = gdnn_column_text (stmt, 2);
      b->name = gdnn_column_text (stmt, 3);
      b->short_name = gdnn_column_text (stmt, 4);
      kind = gdnn_column_text (stmt, 5);
      gdnn_unit_type_from_string (kind, &b->kind);
      b->duties = gdnn_column_text (stmt, 6);
      b->unit_id = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (bodies, b);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&bodies);
}

gboolean
gdnn_store_link_body (GdnnStore  *self,
                      gint64      body_id,
                      gint64      unit_id,
                      GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  stmt = gdnn_store_prepare (self, "UPDATE plan_body SET unit_id = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  gdnn_bind_id (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, body_id);
  return gdnn_store_step_done (self, stmt, error);
}

static gint64
add_group (GdnnStore   *self,
           const char  *sql,
           gint64       plan_id,
           const char  *code,
           const char  *title,
           int          position,
           GError     **error)
{
  sqlite3_stmt *stmt = gdnn_store_prepare (self, sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  gdnn_bind_text (stmt, 2, code);
  gdnn_bind_text (stmt, 3, title);
  sqlite3_bind_int (stmt, 4, position);
  return insert_and_get_id (self, stmt, error);
}

gint64
gdnn_store_add_indicator_group (GdnnStore   *self,
                                gint64       plan_id,
                                const char  *code,
                                const char  *title,
                                int          position,
                                GError     **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  return add_group (self,
                    "INSERT INTO indicator_group (plan_id, code, title, position) VALUES (?, ?, ?, ?);",
                    plan_id, code, title, position, error);
}

gint64
gdnn_store_add_task_group (GdnnStore   *self,
                           gint64       plan_id,
                           const char  *code,
                           const char  *title,
                           int          position,
                           GError     **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  return add_group (self,
                    "INSERT INTO task_group (plan_id, code, title, position) VALUES (?, ?, ?, ?);",
                    plan_id, code, title, position, error);
}

gint64
gdnn_store_add_indicator (GdnnStore            *self,
                          const GdnnIndicator  *ind,
                          GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  g_return_val_if_fail (ind != NULL, 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO indicator (plan_id, group_id, code, name, measure, unit_label, "
                             "numerator_label, denominator_label, scope, direction, source_text, position) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ifnull (?, 'increase'), ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ind->plan_id);
  gdnn_bind_id (stmt, 2, ind->group_id);
  gdnn_bind_text (stmt, 3, ind->code);
  gdnn_bind_text (stmt, 4, ind->name);
  gdnn_bind_text (stmt, 5, gdnn_measure_to_string (ind->measure));
  gdnn_bind_text (stmt, 6, ind->unit_label);
  gdnn_bind_text (stmt, 7, ind->numerator_label);
  gdnn_bind_text (stmt, 8, ind->denominator_label);
  gdnn_bind_text (stmt, 9, ind->scope);
  gdnn_bind_text (stmt, 10, ind->direction);
  gdnn_bind_text (stmt, 11, ind->source_text);
  sqlite3_bind_int (stmt, 12, ind->position);
  return insert_and_get_id (self, stmt, error);
}

gboolean
gdnn_store_add_responsible (GdnnStore  *self,
                            gint64      indicator_id,
                            gint64      body_id,
                            GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  return insert_pair (self,
                      "INSERT INTO indicator_responsible (indicator_id, body_id) VALUES (?, ?) ON CONFLICT DO NOTHING;",
                      indicator_id, body_id, error);
}

gint64
gdnn_store_add_target (GdnnStore         *self,
                       const GdnnTarget  *target,
                       GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO target (indicator_id, year, body_id, value, note) "
                             "VALUES (?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, target->indicator_id);
  sqlite3_bind_int (stmt, 2, target->year);
  gdnn_bind_id (stmt, 3, target->body_id);
  sqlite3_bind_double (stmt, 4, target->value);
  gdnn_bind_text (stmt, 5, target->note);
  return insert_and_get_id (self, stmt, error);
}

static gboolean
load_targets (GdnnStore   *self,
              gint64       plan_id,
              GHashTable  *by_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gdnn_store_prepare (self,
                             "SELECT t.id, t.indicator_id, t.year, t.body_id, t.value, t.note "
                             "FROM target t JOIN indicator i ON i.id = t.indicator_id "
                             "WHERE i.plan_id = ? ORDER BY t.year, t.body_id IS NOT NULL, t.body_id;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      GdnnIndicator *ind = g_hash_table_lookup (by_id, &indicator_id);
      GdnnTarget *t;

      if (ind == NULL)
        continue;
      t = gdnn_target_new ();
      t->id = sqlite3_column_int64 (stmt, 0);
      t->indicator_id = indicator_id;
      t->year = sqlite3_column_int (stmt, 2);
      t->body_id = sqlite3_column_int64 (stmt, 3);
      t->value = sqlite3_column_double (stmt, 4);
      t->note = gdnn_column_text (stmt, 5);
      g_ptr_array_add (ind->targets, t);
    }
  return finish_rows (self, stmt, rc, error);
}

#define INDICATOR_QUERY                                                          \
  "SELECT i.id, i.plan_id, i.group_id, g.code, g.title, i.code, i.name, i.measure, " \
  "i.unit_label, i.numerator_label, i.denominator_label, i.scope, i.direction, "   \
  "i.source_text, i.position FROM indicator i "                                    \
  "LEFT JOIN indicator_group g ON g.id = i.group_id "

static GdnnIndicator *
indicator_from_row (sqlite3_stmt *stmt)
{
  GdnnIndicator *ind = gdnn_indicator_new ();
  g_autofree char *measure = NULL;

  ind->id = sqlite3_column_int64 (stmt, 0);
  ind->plan_id = sqlite3_column_int64 (stmt, 1);
  ind->group_id = sqlite3_column_int64 (stmt, 2);
  ind->group_code = gdnn_column_text (stmt, 3);
  ind->group_title = gdnn_column_text (stmt, 4);
  ind->code = gdnn_column_text (stmt, 5);
  ind->name = gdnn_column_text (stmt, 6);
  measure = gdnn_column_text (stmt, 7);
  gdnn_measure_from_string (measure, &ind->measure);
  ind->unit_label = gdnn_column_text (stmt, 8);
  ind->numerator_label = gdnn_column_text (stmt, 9);
  ind->denominator_label = gdnn_column_text (stmt, 10);
  ind->scope = gdnn_column_text (stmt, 11);
  ind->direction = gdnn_column_text (stmt, 12);
  ind->source_text = gdnn_column_text (stmt, 13);
  ind->position = sqlite3_column_int (stmt, 14);
  return ind;
}

/* Returns: (transfer full): the plan's indicators in document order, each
 * with its targets. */
GPtrArray *
gdnn_store_list_indicators (GdnnStore  *self,
                            gint64      plan_id,
                            GError    **error)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_indicator_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self, INDICATOR_QUERY "WHERE i.plan_id = ? ORDER BY i.position, i.id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnIndicator *ind = indicator_from_row (stmt);
      g_ptr_array_add (indicators, ind);
      g_hash_table_insert (by_id, &ind->id, ind);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  if (!load_targets (self, plan_id, by_id, error))
    return NULL;

  return g_steal_pointer (&indicators);
}

GdnnIndicator *
gdnn_store_find_indicator (GdnnStore   *self,
                           gint64       plan_id,
                           const char  *code,
                           GError     **error)
{
  g_autoptr(GPtrArray) indicators = gdnn_store_list_indicators (self, plan_id, error);

  if (indicators == NULL)
    return NULL;
  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      if (g_strcmp0 (ind->code, code) == 0)
        return g_ptr_array_steal_index (indicators, i);
    }
  /* Translators: %s is an indicator code such as I.2.a.1. */
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
               _("The plan has no indicator “%s”."), code);
  return NULL;
}

gint64
gdnn_store_add_task (GdnnStore       *self,
                     const GdnnTask  *task,
                     GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  g_return_val_if_fail (task != NULL, 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO task (plan_id, group_id, unit_id, code, title, description, "
                             "lead_body_id, start_date, due_date, position) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, task->plan_id);
  gdnn_bind_id (stmt, 2, task->group_id);
  gdnn_bind_id (stmt, 3, task->unit_id);
  gdnn_bind_text (stmt, 4, task->code);
  gdnn_bind_text (stmt, 5, task->title);
  gdnn_bind_text (stmt, 6, task->description);
  gdnn_bind_id (stmt, 7, task->lead_body_id);
  gdnn_bind_text (stmt, 8, task->start_date);
  gdnn_bind_text (stmt, 9, task->due_date);
  sqlite3_bind_int (stmt, 10, task->position);
  return insert_and_get_id (self, stmt, error);
}

gboolean
gdnn_store_add_cooperator (GdnnStore  *self,
                           gint64      task_id,
                           gint64      body_id,
                           GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  return insert_pair (self,
                      "INSERT INTO task_cooperator (task_id, body_id) VALUES (?, ?) ON CONFLICT DO NOTHING;",
                      task_id, body_id, error);
}

/* Returns: (transfer full): the plan's tasks, and when @unit_id > 0 also
 * that unit's own tasks, in document order. */
GPtrArray *
gdnn_store_list_tasks (GdnnStore  *self,
                       gint64      plan_id,
                       gint64      unit_id,
                       GError    **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_task_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT t.id, t.plan_id, t.group_id, g.code, g.title, t.unit_id, t.code, "
                             "t.title, t.description, t.lead_body_id, ifnull (b.short_name, b.name), "
                             "(SELECT group_concat (ifnull (cb.short_name, cb.name), '; ') "
                             " FROM task_cooperator c JOIN plan_body cb ON cb.id = c.body_id "
                             " WHERE c.task_id = t.id), "
                             "t.start_date, t.due_date, t.position "
                             "FROM task t LEFT JOIN task_group g ON g.id = t.group_id "
                             "LEFT JOIN plan_body b ON b.id = t.lead_body_id "
                             "WHERE t.plan_id = ? AND (t.unit_id IS NULL OR t.unit_id = ?) "
                             "ORDER BY g.position, t.unit_id IS NOT NULL, t.position, t.id;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnTask *t = gdnn_task_new ();
      t->id = sqlite3_column_int64 (stmt, 0);
      t->plan_id = sqlite3_column_int64 (stmt, 1);
      t->group_id = sqlite3_column_int64 (stmt, 2);
      t->group_code = gdnn_column_text (stmt, 3);
      t->group_title = gdnn_column_text (stmt, 4);
      t->unit_id = sqlite3_column_int64 (stmt, 5);
      t->code = gdnn_column_text (stmt, 6);
      t->title = gdnn_column_text (stmt, 7);
      t->description = gdnn_column_text (stmt, 8);
      t->lead_body_id = sqlite3_column_int64 (stmt, 9);
      t->lead_name = gdnn_column_text (stmt, 10);
      t->cooperating = gdnn_column_text (stmt, 11);
      t->start_date = gdnn_column_text (stmt, 12);
      t->due_date = gdnn_column_text (stmt, 13);
      t->position = sqlite3_column_int (stmt, 14);
      g_ptr_array_add (tasks, t);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&tasks);
}

gint64
gdnn_store_add_budget_line (GdnnStore             *self,
                            const GdnnBudgetLine  *line,
                            GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  g_return_val_if_fail (line != NULL, 0);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO budget_line (plan_id, unit_id, name, source, position) "
                             "VALUES (?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, line->plan_id);
  gdnn_bind_id (stmt, 2, line->unit_id);
  gdnn_bind_text (stmt, 3, line->name);
  gdnn_bind_text (stmt, 4, gdnn_budget_source_to_string (line->source));
  sqlite3_bind_int (stmt, 5, line->position);
  id = insert_and_get_id (self, stmt, error);
  if (id == 0)
    return 0;

  for (guint i = 0; i < line->years->len; i++)
    if (!gdnn_store_set_budget_year (self, id, &g_array_index (line->years, GdnnBudgetYear, i), error))
      return 0;

  return id;
}

/**
 * gdnn_store_set_budget_year:
 *
 * Stores a line's own figures for a year: on a line of the plan, the
 * plan's reference figures (what a plan template gives); on a unit's own
 * line, its owner's. A unit's figures on the plan's lines are written by
 * gdnn_budget_save().
 */
gboolean
gdnn_store_set_budget_year (GdnnStore             *self,
                            gint64                 line_id,
                            const GdnnBudgetYear  *year,
                            GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO budget_year (line_id, unit_id, year, planned, spent) "
                             "VALUES (?1, (SELECT unit_id FROM budget_line WHERE id = ?1), ?2, ?3, ?4) "
                             "ON CONFLICT (line_id, ifnull (unit_id, 0), year) DO UPDATE SET "
                             "planned = excluded.planned, spent = excluded.spent;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int (stmt, 2, year->year);
  sqlite3_bind_int64 (stmt, 3, year->planned);
  if (year->has_spent)
    sqlite3_bind_int64 (stmt, 4, year->spent);
  return gdnn_store_step_done (self, stmt, error);
}

/**
 * gdnn_store_list_budget_lines:
 *
 * Returns: (transfer full): every budget line of a plan, each with its own
 *   figures: the plan's reference figures on the plan's lines, the
 *   owner's on a unit's own line. A unit's figures on the plan's lines
 *   are read with gdnn_budget_list_lines().
 */
GPtrArray *
gdnn_store_list_budget_lines (GdnnStore  *self,
                              gint64      plan_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_budget_line_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT id, plan_id, unit_id, name, source, position FROM budget_line "
                             "WHERE plan_id = ? ORDER BY position, id;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnBudgetLine *line = gdnn_budget_line_new ();
      g_autofree char *source = NULL;

      line->id = sqlite3_column_int64 (stmt, 0);
      line->plan_id = sqlite3_column_int64 (stmt, 1);
      line->unit_id = sqlite3_column_int64 (stmt, 2);
      line->name = gdnn_column_text (stmt, 3);
      source = gdnn_column_text (stmt, 4);
      gdnn_budget_source_from_string (source, &line->source);
      line->position = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (lines, line);
      g_hash_table_insert (by_id, &line->id, line);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  stmt = gdnn_store_prepare (self,
                             "SELECT y.line_id, y.year, y.planned, y.spent FROM budget_year y "
                             "JOIN budget_line l ON l.id = y.line_id "
                             "WHERE l.plan_id = ? AND y.unit_id IS l.unit_id ORDER BY y.year;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 line_id = sqlite3_column_int64 (stmt, 0);
      GdnnBudgetLine *line = g_hash_table_lookup (by_id, &line_id);
      GdnnBudgetYear y = { 0 };

      if (line == NULL)
        continue;
      y.year = sqlite3_column_int (stmt, 1);
      y.planned = sqlite3_column_int64 (stmt, 2);
      y.has_spent = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      y.spent = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (line->years, y);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&lines);
}
