/* gdnn-unit-setup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-unit-setup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gdnn-store-private.h"
#include "gdnn-text.h"
#include "gdnn-unit-setup.h"

/* Setting up a unit: its details and the office it reports to, the plans
 * it implements, its own tasks and its own targets. Agency names and the
 * reporting hierarchy are the user's data; nothing here names an office.
 *
 * A unit's own targets are stored like the ones a plan gives a unit it
 * names (Bắc Kạn gives Trường Cao đẳng Bắc Kạn 340 of its 6.000): as
 * targets of a plan body linked to the unit. When the plan does not name
 * the unit, a body of its own is added to the plan for it (key
 * "unit:<id>"), which the overview and the demo already read.
 *
 * Detaching a plan only removes the link between unit and plan; it is
 * refused while the unit holds values, task results, own tasks, own
 * targets, reports or budget lines for the plan, so that no data ever
 * disappears from view without the user deleting it first. */

#define UNIT_BODY_PREFIX "unit:"

void
gdnn_unit_target_free (GdnnUnitTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->code);
  g_free (target->name);
  g_free (target->unit_label);
  g_free (target);
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

/* Trims @text, turns an empty string into NULL and composes it (NFC). */
static void
normalize_text (char **text)
{
  char *nfc;

  if (*text == NULL)
    return;
  if (is_blank (*text) || !g_utf8_validate (*text, -1, NULL))
    {
      g_clear_pointer (text, g_free);
      return;
    }
  nfc = g_utf8_normalize (*text, -1, G_NORMALIZE_NFC);
  g_strstrip (nfc);
  g_free (*text);
  *text = nfc;
}

/**
 * gdnn_unit_setup_normalize:
 *
 * Trims every text field of @unit and turns empty ones into NULL, as
 * gdnn_unit_setup_save() stores them.
 */
void
gdnn_unit_setup_normalize (GdnnUnit *unit)
{
  g_return_if_fail (unit != NULL);

  normalize_text (&unit->code);
  normalize_text (&unit->name);
  normalize_text (&unit->short_name);
  normalize_text (&unit->governing_body);
  normalize_text (&unit->head_name);
  normalize_text (&unit->head_title);
  normalize_text (&unit->address);
  normalize_text (&unit->phone);
  normalize_text (&unit->email);
}

static gboolean
fail (GdnnUnitField  *out_field,
      GdnnUnitField   field,
      GError        **error,
      const char     *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* A loose check: the digits, spaces and signs people write phone numbers
 * with ("(0204) 3.854.123", "+84 204 3854 123"), and enough digits. */
static gboolean
phone_is_valid (const char *phone)
{
  guint digits = 0;

  g_return_val_if_fail (phone != NULL, FALSE);
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-.()/,;", *p) == NULL)
        return FALSE;
    }
  return digits >= 6;
}

static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  for (const char *p = email; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
lookup_parent (GdnnStore  *store,
               gint64      id,
               gboolean   *exists,
               gint64     *parent_id)
{
  sqlite3_stmt *stmt = gdnn_store_prepare (store, "SELECT parent_id FROM unit WHERE id = ?;", NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  *parent_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The office a unit reports to must exist and must not be the unit
 * itself or one of the offices that already report to it. */
static gboolean
validate_parent (GdnnStore       *store,
                 const GdnnUnit  *unit,
                 GdnnUnitField   *out_field,
                 GError         **error)
{
  gint64 id = unit->parent_id;

  if (id == 0)
    return TRUE;
  if (unit->id != 0 && id == unit->id)
    return fail (out_field, GDNN_UNIT_FIELD_PARENT, error, _("A unit cannot report to itself."));

  /* The step limit stops at a loop already stored by other means, which
   * does not pass through this unit. */
  for (guint steps = 0; id != 0 && steps < 10000; steps++)
    {
      gboolean exists;
      gint64 next;

      if (!lookup_parent (store, id, &exists, &next))
        {
          if (out_field != NULL)
            *out_field = GDNN_UNIT_FIELD_NONE;
          gdnn_store_set_error (store, error);
          return FALSE;
        }
      if (!exists)
        return fail (out_field, GDNN_UNIT_FIELD_PARENT, error,
                     _("The office this unit reports to no longer exists."));
      if (unit->id != 0 && next == unit->id)
        return fail (out_field, GDNN_UNIT_FIELD_PARENT, error,
                     _("That office already reports to this unit, directly or through other offices; "
                       "choose another office."));
      id = next;
    }
  return TRUE;
}

/**
 * gdnn_unit_setup_validate:
 * @out_field: (out) (optional): the field the error is about
 *
 * Checks a unit's details before they are stored: a code that no other
 * unit uses, a name, a type and ownership from the lists, an office it
 * reports to that does not make a loop, and a phone number and email that
 * look like one. The message in @error is meant for the user.
 */
gboolean
gdnn_unit_setup_validate (GdnnStore       *store,
                          const GdnnUnit  *unit,
                          GdnnUnitField   *out_field,
                          GError         **error)
{
  g_autoptr(GdnnUnit) other = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  if (out_field != NULL)
    *out_field = GDNN_UNIT_FIELD_NONE;

  if (is_blank (unit->code))
    return fail (out_field, GDNN_UNIT_FIELD_CODE, error, _("Enter the unit's code."));
  for (const char *p = unit->code; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return fail (out_field, GDNN_UNIT_FIELD_CODE, error, _("A unit code cannot contain spaces."));
  other = gdnn_store_find_unit_by_code (store, unit->code, NULL);
  if (other != NULL && other->id != unit->id)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a unit code, the second a unit's name. */
      message = g_strdup_printf (_("The code “%s” is already used by %s."), unit->code, other->name);
      return fail (out_field, GDNN_UNIT_FIELD_CODE, error, message);
    }

  if (is_blank (unit->name))
    return fail (out_field, GDNN_UNIT_FIELD_NAME, error, _("Enter the unit's name."));

  if ((guint) unit->type > GDNN_UNIT_TYPE_CO_QUAN)
    return fail (out_field, GDNN_UNIT_FIELD_TYPE, error, _("Choose the kind of unit."));
  if ((guint) unit->ownership > GDNN_OWNERSHIP_VON_NUOC_NGOAI)
    return fail (out_field, GDNN_UNIT_FIELD_OWNERSHIP, error, _("Choose the ownership of the institution."));
  if (unit->type == GDNN_UNIT_TYPE_CO_QUAN && unit->ownership != GDNN_OWNERSHIP_NONE)
    return fail (out_field, GDNN_UNIT_FIELD_OWNERSHIP, error, _("A state office has no ownership type."));
  if (unit->type != GDNN_UNIT_TYPE_CO_QUAN && unit->ownership == GDNN_OWNERSHIP_NONE)
    return fail (out_field, GDNN_UNIT_FIELD_OWNERSHIP, error,
                 _("Choose whether the institution is public, private or foreign-invested."));

  if (!validate_parent (store, unit, out_field, error))
    return FALSE;

  if (!is_blank (unit->phone) && !phone_is_valid (unit->phone))
    return fail (out_field, GDNN_UNIT_FIELD_PHONE, error,
                 _("A phone number holds at least six digits and only spaces and + ( ) . - / between them."));
  if (!is_blank (unit->email) && !email_is_valid (unit->email))
    return fail (out_field, GDNN_UNIT_FIELD_EMAIL, error, _("The email address is not valid, e.g. ten@truong.edu.vn."));

  return TRUE;
}

/**
 * gdnn_unit_setup_save:
 * @unit: (inout): the details; normalized, and its id set for a new unit
 *
 * Validates and stores a unit in one transaction: a new one when
 * @unit->id is 0, else every field of the existing one (load it with
 * gdnn_store_get_unit() and change what the user changed, so that the
 * others keep their values).
 *
 * Returns: the unit's id, or 0 with @error set and nothing stored
 */
gint64
gdnn_unit_setup_save (GdnnStore       *store,
                      GdnnUnit        *unit,
                      GdnnUnitField   *out_field,
                      GError         **error)
{
  gint64 id;

  g_return_val_if_fail (GDNN_IS_STORE (store), 0);
  g_return_val_if_fail (unit != NULL, 0);

  gdnn_unit_setup_normalize (unit);
  if (!gdnn_unit_setup_validate (store, unit, out_field, error))
    return 0;

  if (!gdnn_store_begin (store, error))
    return 0;
  if (unit->id == 0)
    id = gdnn_store_add_unit (store, unit, error);
  else
    id = gdnn_store_update_unit (store, unit, error) ? unit->id : 0;
  if (id == 0)
    {
      gdnn_store_rollback (store);
      return 0;
    }
  if (!gdnn_store_commit (store, error))
    return 0;

  unit->id = id;
  return id;
}

static int
compare_offices (gconstpointer a,
                 gconstpointer b)
{
  const GdnnUnit *ua = *(const GdnnUnit * const *) a;
  const GdnnUnit *ub = *(const GdnnUnit * const *) b;
  gboolean oa = ua->type == GDNN_UNIT_TYPE_CO_QUAN;
  gboolean ob = ub->type == GDNN_UNIT_TYPE_CO_QUAN;

  if (oa != ob)
    return oa ? -1 : 1;
  return gdnn_collate (ua->name, ub->name);
}

/**
 * gdnn_unit_setup_list_offices:
 * @unit_id: the unit being set up, or 0 for a new one
 *
 * Returns: (transfer full): the units @unit_id may report to: every unit
 *   but itself and those that report to it, state offices first, each
 *   part in Vietnamese order
 */
GPtrArray *
gdnn_unit_setup_list_offices (GdnnStore  *store,
                              gint64      unit_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) parents = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *result;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  units = gdnn_store_list_units (store, error);
  if (units == NULL)
    return NULL;
  for (guint i = 0; i < units->len; i++)
    {
      GdnnUnit *u = g_ptr_array_index (units, i);
      g_hash_table_insert (parents, &u->id, &u->parent_id);
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_unit_free);
  for (guint i = 0; i < units->len; i++)
    {
      GdnnUnit *u = g_ptr_array_index (units, i);
      gboolean below = FALSE;
      gint64 id = u->id;

      /* Walk up from u; reaching unit_id means u reports to it. The
       * step limit guards against a loop stored by other means. */
      for (guint steps = 0; id != 0 && steps <= units->len; steps++)
        {
          gint64 *parent;

          if (id == unit_id)
            {
              below = TRUE;
              break;
            }
          parent = g_hash_table_lookup (parents, &id);
          id = parent != NULL ? *parent : 0;
        }
      if (!below)
        g_ptr_array_add (result, g_steal_pointer (&units->pdata[i]));
    }
  g_ptr_array_sort (result, compare_offices);
  return result;
}

/* Runs a "SELECT count(*)" with ?1 = @a and ?2 = @b. */
static gboolean
count_rows (GdnnStore   *store,
            const char  *sql,
            gint64       a,
            gint64       b,
            guint       *out,
            GError     **error)
{
  sqlite3_stmt *stmt = gdnn_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gdnn_store_set_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
require_unit_and_plan (GdnnStore  *store,
                       gint64      unit_id,
                       gint64      plan_id,
                       GdnnUnit  **out_unit,
                       GdnnPlan  **out_plan,
                       GError    **error)
{
  g_autoptr(GdnnUnit) unit = gdnn_store_get_unit (store, unit_id, error);
  g_autoptr(GdnnPlan) plan = NULL;

  if (unit == NULL)
    return FALSE;
  plan = gdnn_store_get_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;
  if (out_unit != NULL)
    *out_unit = g_steal_pointer (&unit);
  if (out_plan != NULL)
    *out_plan = g_steal_pointer (&plan);
  return TRUE;
}

static gboolean
is_attached (GdnnStore  *store,
             gint64      unit_id,
             gint64      plan_id,
             gboolean   *attached,
             GError    **error)
{
  guint n = 0;

  if (!count_rows (store, "SELECT count(*) FROM unit_plan WHERE unit_id = ?1 AND plan_id = ?2;",
                   unit_id, plan_id, &n, error))
    return FALSE;
  *attached = n > 0;
  return TRUE;
}

static gboolean
require_attached (GdnnStore  *store,
                  gint64      unit_id,
                  gint64      plan_id,
                  GError    **error)
{
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  gboolean attached;

  if (!require_unit_and_plan (store, unit_id, plan_id, &unit, &plan, error) ||
      !is_attached (store, unit_id, plan_id, &attached, error))
    return FALSE;
  if (!attached)
    {
      /* Translators: the first %s is a unit's name, the second a plan number. */
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("%s does not implement plan %s; attach the plan first."), unit->name, plan->number);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_unit_setup_plan_usage:
 *
 * Counts what @unit_id has stored for @plan_id. Targets count only when
 * they are the unit's own (set with gdnn_unit_setup_set_target()), not
 * the ones the plan itself gives a body the unit is linked to.
 */
gboolean
gdnn_unit_setup_plan_usage (GdnnStore      *store,
                            gint64          unit_id,
                            gint64          plan_id,
                            GdnnPlanUsage  *out_usage,
                            GError        **error)
{
  GdnnPlanUsage u = { 0 };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_usage != NULL, FALSE);

  if (!count_rows (store,
                   "SELECT count(*) FROM value v JOIN indicator i ON i.id = v.indicator_id "
                   "WHERE v.unit_id = ?1 AND i.plan_id = ?2;",
                   unit_id, plan_id, &u.values, error) ||
      !count_rows (store,
                   "SELECT count(*) FROM task_progress p JOIN task t ON t.id = p.task_id "
                   "WHERE p.unit_id = ?1 AND t.plan_id = ?2;",
                   unit_id, plan_id, &u.task_results, error) ||
      !count_rows (store, "SELECT count(*) FROM task WHERE unit_id = ?1 AND plan_id = ?2;",
                   unit_id, plan_id, &u.own_tasks, error) ||
      !count_rows (store,
                   "SELECT count(*) FROM target t JOIN plan_body b ON b.id = t.body_id "
                   "WHERE b.unit_id = ?1 AND b.plan_id = ?2 AND b.key LIKE '" UNIT_BODY_PREFIX "%';",
                   unit_id, plan_id, &u.targets, error) ||
      !count_rows (store, "SELECT count(*) FROM report WHERE unit_id = ?1 AND plan_id = ?2;",
                   unit_id, plan_id, &u.reports, error) ||
      /* Its own lines, and the plan's lines it entered figures on. */
      !count_rows (store,
                   "SELECT count(*) FROM budget_line l WHERE l.plan_id = ?2 AND (l.unit_id = ?1 OR EXISTS "
                   "(SELECT 1 FROM budget_year y WHERE y.line_id = l.id AND y.unit_id = ?1));",
                   unit_id, plan_id, &u.budget_lines, error))
    return FALSE;

  *out_usage = u;
  return TRUE;
}

gboolean
gdnn_unit_setup_attach_plan (GdnnStore  *store,
                             gint64      unit_id,
                             gint64      plan_id,
                             GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!require_unit_and_plan (store, unit_id, plan_id, NULL, NULL, error) ||
      !gdnn_store_begin (store, error))
    return FALSE;
  if (!gdnn_store_attach_plan (store, unit_id, plan_id, error))
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  return gdnn_store_commit (store, error);
}

static void
append_part (GString *s,
             guint    n,
             char    *text)
{
  if (n > 0)
    g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", text);
  g_free (text);
}

/**
 * gdnn_unit_setup_detach_plan:
 *
 * Removes the link between a unit and a plan it no longer implements.
 * Refused (GDNN_STORE_ERROR_CONSTRAINT, nothing changed) while the unit
 * holds any data for the plan: detaching would hide it from every view
 * and report.
 */
gboolean
gdnn_unit_setup_detach_plan (GdnnStore  *store,
                             gint64      unit_id,
                             gint64      plan_id,
                             GError    **error)
{
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GString) held = g_string_new (NULL);
  GdnnPlanUsage u;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!require_unit_and_plan (store, unit_id, plan_id, &unit, &plan, error) ||
      !gdnn_unit_setup_plan_usage (store, unit_id, plan_id, &u, error))
    return FALSE;

  /* Translators: parts of a list such as "12 values, 3 task results". */
  append_part (held, u.values,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value", "%u values", u.values), u.values));
  append_part (held, u.task_results,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task result", "%u task results", u.task_results), u.task_results));
  append_part (held, u.own_tasks,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u own task", "%u own tasks", u.own_tasks), u.own_tasks));
  append_part (held, u.targets,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u own target", "%u own targets", u.targets), u.targets));
  append_part (held, u.reports,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", u.reports), u.reports));
  append_part (held, u.budget_lines,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u budget line", "%u budget lines", u.budget_lines), u.budget_lines));
  if (held->len > 0)
    {
      /* Translators: %s: a unit's name, a plan number, then a list such as
       * "12 values, 3 task results". */
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT,
                   _("%s still holds data for plan %s (%s), so the plan stays attached. "
                     "Delete that data first if the unit really no longer implements the plan."),
                   unit->name, plan->number, held->str);
      return FALSE;
    }

  if (!gdnn_store_begin (store, error))
    return FALSE;
  stmt = gdnn_store_prepare (store, "DELETE FROM unit_plan WHERE unit_id = ? AND plan_id = ?;", error);
  if (stmt == NULL)
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  if (!gdnn_store_step_done (store, stmt, error))
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  return gdnn_store_commit (store, error);
}

/* Returns: (transfer full): the unit's own tasks for the plan, in order. */
GPtrArray *
gdnn_unit_setup_list_own_tasks (GdnnStore  *store,
                                gint64      unit_id,
                                gint64      plan_id,
                                GError    **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *own;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_id > 0, NULL);

  tasks = gdnn_store_list_tasks (store, plan_id, unit_id, error);
  if (tasks == NULL)
    return NULL;
  own = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_task_free);
  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      if (t->unit_id == unit_id)
        g_ptr_array_add (own, g_steal_pointer (&tasks->pdata[i]));
    }
  return own;
}

static gboolean
iso_date_valid (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL)
    return TRUE;
  /* sscanf: the widths bound every number to four digits, so none
   * overflows; g_date_valid_dmy() checks the values. NOLINTNEXTLINE(cert-err34-c) */
  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
belongs_to_plan (GdnnStore   *store,
                 const char  *sql,
                 gint64       id,
                 gint64       plan_id,
                 gboolean    *belongs,
                 GError     **error)
{
  guint n = 0;

  *belongs = TRUE;
  if (id == 0)
    return TRUE;
  if (!count_rows (store, sql, id, plan_id, &n, error))
    return FALSE;
  *belongs = n > 0;
  return TRUE;
}

/* "BG-TC02.1", "BG-TC02.2"…: unique within the plan as the schema wants. */
static char *
next_task_code (GdnnStore       *store,
                const GdnnUnit  *unit,
                gint64           plan_id,
                GError         **error)
{
  for (guint n = 1; n < 100000; n++)
    {
      g_autofree char *code = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (unit->code != NULL)
        code = g_strdup_printf ("%s.%u", unit->code, n);
      else
        code = g_strdup_printf ("DV%" G_GINT64_FORMAT ".%u", unit->id, n);
      stmt = gdnn_store_prepare (store, "SELECT 1 FROM task WHERE plan_id = ? AND code = ?;", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      gdnn_bind_text (stmt, 2, code);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return g_steal_pointer (&code);
      if (rc != SQLITE_ROW)
        {
          gdnn_store_set_error (store, error);
          return NULL;
        }
    }
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED, _("No task code is free."));
  return NULL;
}

static gboolean
validate_task (GdnnStore       *store,
               gint64           unit_id,
               const GdnnTask  *task,
               GError         **error)
{
  gboolean belongs;

  if (is_blank (task->title))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID, _("Enter what the task is."));
      return FALSE;
    }
  if (!iso_date_valid (task->start_date) || !iso_date_valid (task->due_date))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("Write the date as day/month/year, e.g. 30/11/2026."));
      return FALSE;
    }
  if (task->start_date != NULL && task->due_date != NULL && strcmp (task->start_date, task->due_date) > 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The deadline is before the start date."));
      return FALSE;
    }
  if (!require_attached (store, unit_id, task->plan_id, error))
    return FALSE;
  if (!belongs_to_plan (store, "SELECT count(*) FROM task_group WHERE id = ?1 AND plan_id = ?2;",
                        task->group_id, task->plan_id, &belongs, error))
    return FALSE;
  if (belongs && !belongs_to_plan (store, "SELECT count(*) FROM plan_body WHERE id = ?1 AND plan_id = ?2;",
                                   task->lead_body_id, task->plan_id, &belongs, error))
    return FALSE;
  if (!belongs)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The task group or lead unit is not part of this plan."));
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_own_task (GdnnStore       *store,
                 gint64           unit_id,
                 const GdnnTask  *task,
                 GError         **error)
{
  g_autoptr(GdnnUnit) unit = gdnn_store_get_unit (store, unit_id, error);
  g_autofree char *code = NULL;
  GdnnTask row = *task;
  guint position = 0;

  if (unit == NULL)
    return 0;
  if (!count_rows (store, "SELECT ifnull (max (position), 0) + ?1 FROM task WHERE plan_id = ?2;",
                   1, task->plan_id, &position, error))
    return 0;
  code = is_blank (task->code) ? next_task_code (store, unit, task->plan_id, error) : g_strdup (task->code);
  if (code == NULL)
    return 0;

  row.id = 0;
  row.unit_id = unit_id;
  row.code = code;
  row.position = (int) position;
  return gdnn_store_add_task (store, &row, error);
}

static gboolean
update_own_task (GdnnStore       *store,
                 gint64           unit_id,
                 const GdnnTask  *task,
                 GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = gdnn_store_prepare (store,
                             "UPDATE task SET group_id = ?, title = ?, description = ?, lead_body_id = ?, "
                             "start_date = ?, due_date = ? WHERE id = ? AND unit_id = ? AND plan_id = ?;",
                             error);
  if (stmt == NULL)
    return FALSE;
  gdnn_bind_id (stmt, 1, task->group_id);
  gdnn_bind_text (stmt, 2, task->title);
  gdnn_bind_text (stmt, 3, task->description);
  gdnn_bind_id (stmt, 4, task->lead_body_id);
  gdnn_bind_text (stmt, 5, task->start_date);
  gdnn_bind_text (stmt, 6, task->due_date);
  sqlite3_bind_int64 (stmt, 7, task->id);
  sqlite3_bind_int64 (stmt, 8, unit_id);
  sqlite3_bind_int64 (stmt, 9, task->plan_id);
  if (!gdnn_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (gdnn_store_get_db (store)) == 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                   _("This is not one of the unit's own tasks."));
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_unit_setup_save_task:
 * @task: plan_id, title, and optionally group_id, lead_body_id,
 *   start_date and due_date (YYYY-MM-DD), description; id 0 adds a task
 *   (with the next free code "<unit code>.<n>" unless code is given),
 *   else updates that own task
 *
 * Adds or changes one of a unit's own tasks for a plan the unit
 * implements, in one transaction; the change log records it.
 *
 * Returns: the task's id, or 0 with @error set and nothing stored
 */
gint64
gdnn_unit_setup_save_task (GdnnStore       *store,
                           gint64           unit_id,
                           const GdnnTask  *task,
                           GError         **error)
{
  gint64 id;

  g_return_val_if_fail (GDNN_IS_STORE (store), 0);
  g_return_val_if_fail (task != NULL, 0);

  if (!validate_task (store, unit_id, task, error) || !gdnn_store_begin (store, error))
    return 0;
  if (task->id == 0)
    id = insert_own_task (store, unit_id, task, error);
  else
    id = update_own_task (store, unit_id, task, error) ? task->id : 0;
  if (id == 0)
    {
      gdnn_store_rollback (store);
      return 0;
    }
  return gdnn_store_commit (store, error) ? id : 0;
}

/**
 * gdnn_unit_setup_delete_task:
 *
 * Deletes one of the unit's own tasks and its results; the change log
 * keeps them. A task of the plan itself is refused.
 */
gboolean
gdnn_unit_setup_delete_task (GdnnStore  *store,
                             gint64      unit_id,
                             gint64      task_id,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!gdnn_store_begin (store, error))
    return FALSE;
  stmt = gdnn_store_prepare (store, "DELETE FROM task WHERE id = ? AND unit_id = ?;", error);
  if (stmt == NULL)
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!gdnn_store_step_done (store, stmt, error))
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  if (sqlite3_changes (gdnn_store_get_db (store)) == 0)
    {
      gdnn_store_rollback (store);
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                   _("This is not one of the unit's own tasks."));
      return FALSE;
    }
  return gdnn_store_commit (store, error);
}

/* The plan bodies linked to the unit, lowest id first. */
static GArray *
unit_bodies (GdnnStore  *store,
             gint64      unit_id,
             gint64      plan_id,
             GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = gdnn_store_prepare (store, "SELECT id FROM plan_body WHERE plan_id = ? AND unit_id = ? ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
has_unit_targets (const GdnnIndicator *ind)
{
  for (guint t = 0; t < ind->targets->len; t++)
    if (((const GdnnTarget *) g_ptr_array_index (ind->targets, t))->body_id != 0)
      return TRUE;
  return FALSE;
}

/**
 * gdnn_unit_setup_list_targets:
 *
 * Returns: (transfer full): a #GdnnUnitTarget for each indicator of the
 *   plan that gives units targets of their own, and each of its
 *   milestone years, with the unit's target when it has one
 */
GPtrArray *
gdnn_unit_setup_list_targets (GdnnStore  *store,
                              gint64      unit_id,
                              gint64      plan_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GArray) bodies = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_unit_target_free);

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!(indicators = gdnn_store_list_indicators (store, plan_id, error)) ||
      !(bodies = unit_bodies (store, unit_id, plan_id, error)))
    return NULL;

  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

      if (!has_unit_targets (ind))
        continue;
      /* Targets come ordered by year. */
      for (guint t = 0; t < ind->targets->len; t++)
        {
          const GdnnTarget *tg = g_ptr_array_index (ind->targets, t);
          if (years->len == 0 || g_array_index (years, int, years->len - 1) != tg->year)
            g_array_append_val (years, tg->year);
        }
      for (guint y = 0; y < years->len; y++)
        {
          GdnnUnitTarget *slot = g_new0 (GdnnUnitTarget, 1);

          slot->indicator_id = ind->id;
          slot->code = g_strdup (ind->code);
          slot->name = g_strdup (ind->name);
          slot->measure = ind->measure;
          slot->unit_label = g_strdup (ind->unit_label);
          slot->year = g_array_index (years, int, y);
          for (guint t = 0; t < ind->targets->len && !slot->has_value; t++)
            {
              const GdnnTarget *tg = g_ptr_array_index (ind->targets, t);
              if (tg->year == slot->year && tg->body_id != 0 && contains_id (bodies, tg->body_id))
                {
                  slot->has_value = TRUE;
                  slot->value = tg->value;
                }
            }
          g_ptr_array_add (result, slot);
        }
    }
  return g_steal_pointer (&result);
}

/* The body the unit's own targets go to: one the plan links to the unit,
 * else one added for it. */
static gint64
ensure_unit_body (GdnnStore  *store,
                  gint64      unit_id,
                  gint64      plan_id,
                  GArray     *bodies,
                  GError    **error)
{
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnBody) body = NULL;

  if (bodies->len > 0)
    return g_array_index (bodies, gint64, 0);

  unit = gdnn_store_get_unit (store, unit_id, error);
  if (unit == NULL)
    return 0;
  body = gdnn_body_new ();
  body->plan_id = plan_id;
  body->key = g_strdup_printf (UNIT_BODY_PREFIX "%" G_GINT64_FORMAT, unit_id);
  body->name = g_strdup (unit->name);
  body->short_name = g_strdup (unit->short_name);
  body->kind = unit->type;
  body->unit_id = unit_id;
  return gdnn_store_add_body (store, body, error);
}

static gboolean
write_target (GdnnStore  *store,
              gint64      unit_id,
              gint64      plan_id,
              gint64      indicator_id,
              int         year,
              const double *value,
              GError    **error)
{
  g_autoptr(GArray) bodies = unit_bodies (store, unit_id, plan_id, error);
  g_autoptr(GString) in_list = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GdnnTarget target = { 0 };

  if (bodies == NULL)
    return FALSE;
  for (guint i = 0; i < bodies->len; i++)
    g_string_append_printf (in_list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (bodies, gint64, i));

  if (bodies->len > 0)
    {
      /* Ids are numbers we read, so building the IN list is safe. */
      if (value != NULL)
        sql = g_strdup_printf ("UPDATE target SET value = ?3 WHERE indicator_id = ?1 AND year = ?2 "
                               "AND body_id IN (%s);", in_list->str);
      else
        sql = g_strdup_printf ("DELETE FROM target WHERE indicator_id = ?1 AND year = ?2 "
                               "AND body_id IN (%s);", in_list->str);
      stmt = gdnn_store_prepare (store, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      sqlite3_bind_int (stmt, 2, year);
      if (value != NULL)
        sqlite3_bind_double (stmt, 3, *value);
      if (!gdnn_store_step_done (store, stmt, error))
        return FALSE;
      if (value == NULL || sqlite3_changes (gdnn_store_get_db (store)) > 0)
        return TRUE;
    }
  else if (value == NULL)
    return TRUE;

  target.indicator_id = indicator_id;
  target.year = year;
  target.body_id = ensure_unit_body (store, unit_id, plan_id, bodies, error);
  target.value = *value;
  if (target.body_id == 0)
    return FALSE;
  return gdnn_store_add_target (store, &target, error) != 0;
}

/**
 * gdnn_unit_setup_set_target:
 * @value: (nullable): the unit's target, or NULL to clear it
 *
 * Sets or clears the unit's own target for an indicator and one of its
 * milestone years, for an indicator whose plan gives units targets of
 * their own. One transaction; the change log records it.
 */
gboolean
gdnn_unit_setup_set_target (GdnnStore     *store,
                            gint64         unit_id,
                            gint64         indicator_id,
                            int            year,
                            const double  *value,
                            GError       **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  GdnnIndicator *ind = NULL;
  gboolean milestone = FALSE;
  guint plan_id = 0;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!count_rows (store, "SELECT ifnull ((SELECT plan_id FROM indicator WHERE id = ?1), 0) + ?2;",
                   indicator_id, 0, &plan_id, error))
    return FALSE;
  if (plan_id == 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND, _("The indicator no longer exists."));
      return FALSE;
    }
  if (!require_attached (store, unit_id, plan_id, error) ||
      !(indicators = gdnn_store_list_indicators (store, plan_id, error)) ||
      !(plan = gdnn_store_get_plan (store, plan_id, error)))
    return FALSE;
  for (guint i = 0; i < indicators->len && ind == NULL; i++)
    if (((GdnnIndicator *) g_ptr_array_index (indicators, i))->id == indicator_id)
      ind = g_ptr_array_index (indicators, i);
  g_assert (ind != NULL);
  for (guint t = 0; t < ind->targets->len; t++)
    if (((GdnnTarget *) g_ptr_array_index (ind->targets, t))->year == year)
      milestone = TRUE;

  if (!has_unit_targets (ind) || !milestone)
    {
      /* Translators: %s: a plan number, an indicator code; %d a year. */
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("Plan %s gives no unit its own target for %s in %d."), plan->number, ind->code, year);
      return FALSE;
    }
  if (value != NULL && (!isfinite (*value) || *value < 0 ||
                        (ind->measure == GDNN_MEASURE_RATIO && *value > 100)))
    {
      /* xgettext:no-c-format */
      const char *percent_range = _("A target in percent lies between 0 and 100.");

      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           ind->measure == GDNN_MEASURE_RATIO ? percent_range : _("A target cannot be negative."));
      return FALSE;
    }

  if (!gdnn_store_begin (store, error))
    return FALSE;
  if (!write_target (store, unit_id, plan_id, indicator_id, year, value, error))
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  return gdnn_store_commit (store, error);
}
