/* gdnn-units.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-units"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-store-private.h"

#define UNIT_COLUMNS                                                            \
  "u.id, u.code, u.name, u.short_name, u.type, u.ownership, u.parent_id, "      \
  "p.code, u.governing_body, u.head_name, u.head_title, u.address, u.phone, "   \
  "u.email, u.is_sample"

static GdnnUnit *
unit_from_row (sqlite3_stmt *stmt)
{
  GdnnUnit *unit = gdnn_unit_new ();
  g_autofree char *type = NULL;
  g_autofree char *ownership = NULL;

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->code = gdnn_column_text (stmt, 1);
  unit->name = gdnn_column_text (stmt, 2);
  unit->short_name = gdnn_column_text (stmt, 3);
  type = gdnn_column_text (stmt, 4);
  gdnn_unit_type_from_string (type, &unit->type);
  ownership = gdnn_column_text (stmt, 5);
  if (!gdnn_ownership_from_string (ownership, &unit->ownership))
    unit->ownership = GDNN_OWNERSHIP_NONE;
  unit->parent_id = sqlite3_column_int64 (stmt, 6);
  unit->parent_code = gdnn_column_text (stmt, 7);
  unit->governing_body = gdnn_column_text (stmt, 8);
  unit->head_name = gdnn_column_text (stmt, 9);
  unit->head_title = gdnn_column_text (stmt, 10);
  unit->address = gdnn_column_text (stmt, 11);
  unit->phone = gdnn_column_text (stmt, 12);
  unit->email = gdnn_column_text (stmt, 13);
  unit->is_sample = sqlite3_column_int (stmt, 14) != 0;

  return unit;
}

static GPtrArray *
collect_units (GdnnStore     *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_unit_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&units);
}

/* Units come sorted by code (offices without a code last, by name); the
 * UI sorts them again with the Vietnamese collator. */
GPtrArray *
gdnn_store_list_units (GdnnStore  *self,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT " UNIT_COLUMNS " FROM unit u "
                             "LEFT JOIN unit p ON p.id = u.parent_id "
                             "ORDER BY u.code IS NULL, u.code, u.name;",
                             error);
  if (stmt == NULL)
    return NULL;
  return collect_units (self, stmt, error);
}

static GdnnUnit *
single_unit (GdnnStore     *self,
             sqlite3_stmt  *stmt,
             const char    *what,
             GError       **error)
{
  g_autoptr(GPtrArray) units = collect_units (self, stmt, error);

  if (units == NULL)
    return NULL;
  if (units->len == 0)
    {
      /* Translators: %s is a unit code or number. */
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                   _("There is no unit “%s”."), what);
      return NULL;
    }
  return g_ptr_array_steal_index (units, 0);
}

GdnnUnit *
gdnn_store_get_unit (GdnnStore  *self,
                     gint64      id,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  char what[32];

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT " UNIT_COLUMNS " FROM unit u "
                             "LEFT JOIN unit p ON p.id = u.parent_id WHERE u.id = ?;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  g_snprintf (what, sizeof what, "#%" G_GINT64_FORMAT, id);
  return single_unit (self, stmt, what, error);
}

GdnnUnit *
gdnn_store_find_unit_by_code (GdnnStore   *self,
                              const char  *code,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = gdnn_store_prepare (self,
                             "SELECT " UNIT_COLUMNS " FROM unit u "
                             "LEFT JOIN unit p ON p.id = u.parent_id WHERE u.code = ?;",
                             error);
  if (stmt == NULL)
    return NULL;
  gdnn_bind_text (stmt, 1, code);
  return single_unit (self, stmt, code, error);
}

static void
bind_unit (sqlite3_stmt   *stmt,
           const GdnnUnit *unit)
{
  gdnn_bind_text (stmt, 1, unit->code);
  gdnn_bind_text (stmt, 2, unit->name);
  gdnn_bind_text (stmt, 3, unit->short_name);
  gdnn_bind_text (stmt, 4, gdnn_unit_type_to_string (unit->type));
  if (unit->ownership == GDNN_OWNERSHIP_NONE)
    sqlite3_bind_null (stmt, 5);
  else
    gdnn_bind_text (stmt, 5, gdnn_ownership_to_string (unit->ownership));
  gdnn_bind_id (stmt, 6, unit->parent_id);
  gdnn_bind_text (stmt, 7, unit->governing_body);
  gdnn_bind_text (stmt, 8, unit->head_name);
  gdnn_bind_text (stmt, 9, unit->head_title);
  gdnn_bind_text (stmt, 10, unit->address);
  gdnn_bind_text (stmt, 11, unit->phone);
  gdnn_bind_text (stmt, 12, unit->email);
  sqlite3_bind_int (stmt, 13, unit->is_sample ? 1 : 0);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
validate_unit (const GdnnUnit  *unit,
               GError         **error)
{
  if (is_blank (unit->name))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("A unit needs a name."));
      return FALSE;
    }
  if (unit->type == GDNN_UNIT_TYPE_CO_QUAN && unit->ownership != GDNN_OWNERSHIP_NONE)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("A state office has no ownership type."));
      return FALSE;
    }
  return TRUE;
}

gint64
gdnn_store_add_unit (GdnnStore       *self,
                     const GdnnUnit  *unit,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), 0);
  g_return_val_if_fail (unit != NULL, 0);

  if (!validate_unit (unit, error))
    return 0;

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO unit (code, name, short_name, type, ownership, parent_id, "
                             "governing_body, head_name, head_title, address, phone, email, is_sample) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return 0;
  bind_unit (stmt, unit);
  if (!gdnn_store_step_done (self, stmt, &local_error))
    {
      if (unit->code != NULL &&
          sqlite3_extended_errcode (gdnn_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT,
                     _("A unit with code “%s” already exists."), unit->code);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return sqlite3_last_insert_rowid (gdnn_store_get_db (self));
}

gboolean
gdnn_store_update_unit (GdnnStore       *self,
                        const GdnnUnit  *unit,
                        GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);
  g_return_val_if_fail (unit != NULL && unit->id > 0, FALSE);

  if (!validate_unit (unit, error))
    return FALSE;

  stmt = gdnn_store_prepare (self,
                             "UPDATE unit SET code = ?, name = ?, short_name = ?, type = ?, ownership = ?, "
                             "parent_id = ?, governing_body = ?, head_name = ?, head_title = ?, address = ?, "
                             "phone = ?, email = ?, is_sample = ? WHERE id = ?;",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_unit (stmt, unit);
  sqlite3_bind_int64 (stmt, 14, unit->id);
  return gdnn_store_step_done (self, stmt, error);
}

gboolean
gdnn_store_attach_plan (GdnnStore  *self,
                        gint64      unit_id,
                        gint64      plan_id,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO unit_plan (unit_id, plan_id) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  return gdnn_store_step_done (self, stmt, error);
}

/* Returns: (transfer full): the GdnnPlan records attached to a unit. */
GPtrArray *
gdnn_store_list_unit_plans (GdnnStore  *self,
                            gint64      unit_id,
                            GError    **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GHashTable) attached = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self, "SELECT plan_id FROM unit_plan WHERE unit_id = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (attached, &g_array_index (ids, gint64, i));

  plans = gdnn_store_list_plans (self, error);
  if (plans == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_plan_free);
  for (guint i = 0; i < plans->len; i++)
    {
      GdnnPlan *plan = g_ptr_array_index (plans, i);
      if (g_hash_table_contains (attached, &plan->id))
        g_ptr_array_add (result, g_steal_pointer (&plans->pdata[i]));
    }
  return g_steal_pointer (&result);
}
