/* gdnn-undo.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-store-private.h"

/* Undo replays the change log backwards: the newest change of a value or
 * of a task's progress that has not been undone yet is reverted with the
 * old row kept in its JSON, and the rows this writes are marked as the
 * undo of it, so that the next undo goes one step further back. */

static const char *const value_columns[] = {
  "unit_id", "indicator_id", "year", "period", "numerator", "denominator", "note", "evidence", "status", NULL
};
static const char *const progress_columns[] = {
  "task_id", "unit_id", "year", "period", "status", "progress", "result", NULL
};

static char *
insert_from_json_sql (const char         *table,
                      const char * const *columns,
                      const char         *extra_column,
                      const char         *extra_value)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s, ", columns[i]);
  g_string_append_printf (sql, "%s) SELECT ", extra_column);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "json_extract (?1, '$.%s'), ", columns[i]);
  g_string_append_printf (sql, "%s;", extra_value);
  return g_string_free (sql, FALSE);
}

static char *
update_from_json_sql (const char         *table,
                      const char * const *columns)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET ", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s = json_extract (?1, '$.%s')", i > 0 ? ", " : "", columns[i], columns[i]);
  g_string_append (sql, ", updated_at = gdnn_now (), updated_by = gdnn_who () WHERE id = ?2;");
  return g_string_free (sql, FALSE);
}

typedef struct
{
  gint64  log_id;
  char   *entity;
  char   *action;
  gint64  entity_id;
  char   *old;
} Change;

static void
change_clear (Change *c)
{
  g_clear_pointer (&c->entity, g_free);
  g_clear_pointer (&c->action, g_free);
  g_clear_pointer (&c->old, g_free);
}

static gboolean
revert (GdnnStore  *self,
        gpointer    user_data,
        GError    **error)
{
  Change *c = user_data;
  const char * const *columns = g_str_equal (c->entity, "value") ? value_columns : progress_columns;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 last_log;

  {
    sqlite3_stmt *q = gdnn_store_prepare (self, "SELECT ifnull (max (id), 0) FROM change_log;", error);
    if (q == NULL)
      return FALSE;
    sqlite3_step (q);
    last_log = sqlite3_column_int64 (q, 0);
    sqlite3_reset (q);
  }

  if (g_str_equal (c->action, "insert"))
    sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?2;", c->entity);
  else if (g_str_equal (c->action, "update"))
    sql = update_from_json_sql (c->entity, columns);
  else
    sql = insert_from_json_sql (c->entity, columns, "updated_at", "gdnn_now ()");

  stmt = gdnn_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (c->old != NULL)
    sqlite3_bind_text (stmt, 1, c->old, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, c->entity_id);
  if (!gdnn_store_step_done (self, stmt, error))
    return FALSE;

  stmt = gdnn_store_prepare (self, "UPDATE change_log SET undo_of = ? WHERE id > ?;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->log_id);
  sqlite3_bind_int64 (stmt, 2, last_log);
  return gdnn_store_step_done (self, stmt, error);
}

/**
 * gdnn_store_undo:
 * @entity: (out) (optional): "value" or "task_progress", what was undone
 * @entity_id: (out) (optional): its row id
 *
 * Reverts the newest change of an indicator value or a task's progress
 * that has not been undone yet, in one transaction.
 *
 * Returns: %FALSE with %GDNN_STORE_ERROR_NOT_FOUND when there is nothing
 *   left to undo.
 */
gboolean
gdnn_store_undo (GdnnStore  *self,
                 char      **entity,
                 gint64     *entity_id,
                 GError    **error)
{
  Change c = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  stmt = gdnn_store_prepare (self,
                             "SELECT l.id, l.entity, l.action, l.entity_id, l.old FROM change_log l "
                             "WHERE l.entity IN ('value', 'task_progress') AND l.undo_of IS NULL "
                             "AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undo_of = l.id) "
                             "ORDER BY l.id DESC LIMIT 1;",
                             error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      c.log_id = sqlite3_column_int64 (stmt, 0);
      c.entity = gdnn_column_text (stmt, 1);
      c.action = gdnn_column_text (stmt, 2);
      c.entity_id = sqlite3_column_int64 (stmt, 3);
      c.old = gdnn_column_text (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND, _("There is nothing to undo."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      gdnn_store_set_error (self, error);
      return FALSE;
    }

  ok = gdnn_store_run_in_transaction (self, revert, &c, error);
  if (ok && entity != NULL)
    *entity = g_steal_pointer (&c.entity);
  if (ok && entity_id != NULL)
    *entity_id = c.entity_id;
  change_clear (&c);
  return ok;
}
