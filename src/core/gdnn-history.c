/* gdnn-history.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-history.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"

/* The triggers of gdnn-migrations.c log each changed row as two JSON
 * objects (old, new). A value, a task's progress or a report is found by
 * its natural key inside that JSON (unit, indicator, year, period), not by
 * its row id: a value deleted and entered again gets a new id but keeps
 * its history. Ids of other rows (unit_id, indicator_id…) are shown by
 * the code or name of the row they point at. */

typedef struct
{
  const char *entity;
  const char *label;
  const char *keys;   /* the columns that name the row, comma-separated */
} EntityInfo;

static const EntityInfo entities[] = {
  { "unit", N_("Unit"), "code" },
  { "plan", N_("Plan"), "number" },
  { "unit_plan", N_("Plan of a unit"), "unit_id,plan_id" },
  { "indicator", N_("Indicator"), "plan_id,code" },
  { "target", N_("Target"), "indicator_id,year,body_id" },
  { "value", N_("Indicator value"), "unit_id,indicator_id,year,period" },
  { "task", N_("Task"), "plan_id,code" },
  { "task_progress", N_("Task progress"), "task_id,unit_id,year,period" },
  { "budget_line", N_("Budget line"), "plan_id,unit_id,name" },
  { "budget_year", N_("Budget figures"), "line_id,unit_id,year" },
  { "report", N_("Report"), "unit_id,plan_id,year,period" },
  { "submission", N_("Received report"), "unit_id,plan_id,year,period,file_name" },
};

typedef struct
{
  const char *field;
  const char *label;
} FieldLabel;

/* Labels of the logged columns; "note" of a value is its explanation. */
static const FieldLabel field_labels[] = {
  { "numerator", N_("Numerator") },
  { "denominator", N_("Denominator") },
  { "note", N_("Note") },
  { "evidence", N_("Evidence") },
  { "status", N_("Status") },
  { "unit_id", N_("Unit") },
  { "indicator_id", N_("Indicator") },
  { "year", N_("Year") },
  { "period", N_("Period") },
  { "task_id", N_("Task") },
  { "progress", N_("Progress") },
  { "result", N_("Result") },
  { "plan_id", N_("Plan") },
  { "code", N_("Code") },
  { "name", N_("Name") },
  { "short_name", N_("Short name") },
  { "title", N_("Title") },
  { "description", N_("Description") },
  { "lead_body_id", N_("Lead unit") },
  { "start_date", N_("Start") },
  { "due_date", N_("Due") },
  { "number", N_("Number") },
  { "place", N_("Place") },
  { "report_date", N_("Date") },
  { "signer_name", N_("Signer") },
  { "signer_title", N_("Signer's title") },
  { "recipients", N_("Recipients") },
  { "assessment", N_("Overall assessment") },
  { "difficulties", N_("Difficulties") },
  { "proposals", N_("Proposals") },
  { "xlsx_sha256", N_("Workbook SHA-256") },
  { "pdf_sha256", N_("PDF SHA-256") },
  { "type", N_("Type") },
  { "ownership", N_("Ownership") },
  { "parent_id", N_("Parent office") },
  { "governing_body", N_("Governing body") },
  { "head_name", N_("Head") },
  { "head_title", N_("Head's title") },
  { "address", N_("Address") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
  { "issuer", N_("Issuer") },
  { "first_year", N_("First year") },
  { "last_year", N_("Last year") },
  { "recipient", N_("Recipient") },
  { "measure", N_("Measure") },
  { "unit_label", N_("Unit of measure") },
  { "numerator_label", N_("Numerator label") },
  { "denominator_label", N_("Denominator label") },
  { "scope", N_("Scope") },
  { "direction", N_("Direction") },
  { "body_id", N_("Body") },
  { "value", N_("Target value") },
  { "line_id", N_("Budget line") },
  { "planned", N_("Planned") },
  { "spent", N_("Spent") },
  { "source", N_("Source") },
  { "file_name", N_("File") },
  { "sha256", N_("SHA-256") },
  { "report_number", N_("Report number") },
  { "replaced_by", N_("Replaced by") },
};

static const EntityInfo *
find_entity (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i].entity, entity))
      return &entities[i];
  return NULL;
}

static const char *
field_label (const char *entity,
             const char *field)
{
  if (g_str_equal (entity, "value") && g_str_equal (field, "note"))
    return _("Explanation");
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  return field;
}

static gboolean
is_key_field (const EntityInfo *info,
              const char       *field)
{
  g_auto(GStrv) keys = NULL;

  if (info == NULL)
    return FALSE;
  keys = g_strsplit (info->keys, ",", -1);
  return g_strv_contains ((const char * const *) keys, field);
}

void
gdnn_history_change_free (GdnnHistoryChange *change)
{
  if (change == NULL)
    return;
  g_free (change->field);
  g_free (change->label);
  g_free (change->old_raw);
  g_free (change->new_raw);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

void
gdnn_history_entry_free (GdnnHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->when);
  g_free (entry->who);
  g_free (entry->entity);
  g_free (entry->entity_label);
  g_free (entry->subject);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

const char *
gdnn_history_action_label (GdnnHistoryAction action)
{
  switch (action)
    {
    case GDNN_HISTORY_INSERT:
      /* Translators: what a change did to a row, e.g. a value. */
      return C_("history", "Added");
    case GDNN_HISTORY_UPDATE:
      return C_("history", "Changed");
    case GDNN_HISTORY_DELETE:
      return C_("history", "Deleted");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Formatting one value ----------------------------------------- */

typedef struct
{
  GdnnStore  *store;
  GHashTable *names;   /* "table:id" → the code or name shown */
} Formatter;

static const char *
lookup_name (Formatter  *fmt,
             const char *sql,
             const char *table,
             gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  const char *cached = g_hash_table_lookup (fmt->names, key);
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (cached != NULL)
    return cached;
  stmt = gdnn_store_prepare (fmt->store, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = gdnn_column_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* A row deleted since is shown by its number. */
  if (name == NULL)
    name = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  g_hash_table_insert (fmt->names, g_steal_pointer (&key), name);
  return name;
}

/**
 * gdnn_history_format_number:
 *
 * Returns: (transfer full): @value with no more decimals than it has:
 *   45 → "45", 1234.5 → "1.234,5"
 */
char *
gdnn_history_format_number (double value)
{
  int decimals = 0;

  while (decimals < 6)
    {
      double scaled = value * pow (10, decimals);
      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
      decimals++;
    }
  return gdnn_format_number (value, decimals);
}

static char *
format_iso_date (const char *raw)
{
  GDate date;

  if (gdnn_parse_date (raw, &date, NULL))
    return gdnn_format_date (&date);
  return g_strdup (raw);
}

static const char *
status_label (const char *entity,
              const char *raw)
{
  GdnnTaskStatus status;

  if (g_str_equal (entity, "task_progress") && gdnn_task_status_from_string (raw, &status))
    return gdnn_task_status_label (status);
  if (g_str_equal (raw, "draft"))
    return _("Draft");
  if (g_str_equal (raw, "confirmed"))
    return _("Confirmed");
  if (g_str_equal (raw, "final"))
    return _("Final");
  if (g_str_equal (raw, "received"))
    return _("Received");
  if (g_str_equal (raw, "accepted"))
    return _("Accepted");
  if (g_str_equal (raw, "returned"))
    return _("Returned");
  if (g_str_equal (raw, "replaced"))
    return _("Replaced");
  return raw;
}

static char *
format_value (Formatter  *fmt,
              const char *entity,
              const char *field,
              const char *raw)
{
  gint64 id;

  if (raw == NULL)
    return NULL;

  if (g_str_has_suffix (field, "_id") || g_str_equal (field, "replaced_by"))
    {
      static const struct { const char *field; const char *table; const char *sql; } refs[] = {
        { "unit_id", "unit", "SELECT ifnull (code, name) FROM unit WHERE id = ?;" },
        { "parent_id", "unit", "SELECT ifnull (code, name) FROM unit WHERE id = ?;" },
        { "plan_id", "plan", "SELECT number FROM plan WHERE id = ?;" },
        { "indicator_id", "indicator", "SELECT code FROM indicator WHERE id = ?;" },
        { "task_id", "task", "SELECT code FROM task WHERE id = ?;" },
        { "line_id", "budget_line", "SELECT name FROM budget_line WHERE id = ?;" },
        { "body_id", "plan_body", "SELECT ifnull (short_name, name) FROM plan_body WHERE id = ?;" },
        { "lead_body_id", "plan_body", "SELECT ifnull (short_name, name) FROM plan_body WHERE id = ?;" },
        { "replaced_by", "submission", "SELECT file_name FROM submission WHERE id = ?;" },
      };

      if (!g_ascii_string_to_signed (raw, 10, G_MININT64, G_MAXINT64, &id, NULL))
        return g_strdup (raw);
      for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
        if (g_str_equal (refs[i].field, field))
          return g_strdup (lookup_name (fmt, refs[i].sql, refs[i].table, id));
      return g_strdup (raw);
    }

  if (g_str_equal (field, "numerator") || g_str_equal (field, "denominator") ||
      (g_str_equal (field, "value") && g_str_equal (entity, "target")))
    return gdnn_history_format_number (g_ascii_strtod (raw, NULL));
  if (g_str_equal (field, "planned") || g_str_equal (field, "spent"))
    return gdnn_format_money ((gint64) g_ascii_strtoll (raw, NULL, 10));
  if (g_str_equal (field, "progress"))
    return gdnn_format_percent (g_ascii_strtod (raw, NULL), 0);
  if (g_str_has_suffix (field, "_date"))
    return format_iso_date (raw);
  if (g_str_equal (field, "period"))
    return g_strdup (g_str_equal (raw, "h1") ? _("First half") : g_str_equal (raw, "year") ? _("Year") : raw);
  if (g_str_equal (field, "status"))
    return g_strdup (status_label (entity, raw));
  if (g_str_equal (field, "type"))
    {
      GdnnUnitType type;
      if (gdnn_unit_type_from_string (raw, &type))
        return g_strdup (gdnn_unit_type_label (type));
    }
  if (g_str_equal (field, "ownership"))
    {
      GdnnOwnership ownership;
      if (gdnn_ownership_from_string (raw, &ownership))
        return g_strdup (gdnn_ownership_label (ownership));
    }
  return g_strdup (raw);
}

/* ---- Reading the log ----------------------------------------------- */

typedef struct
{
  char *field;
  char *raw;
} JsonField;

static void
json_field_clear (JsonField *f)
{
  g_free (f->field);
  g_free (f->raw);
}

/* The fields of a logged JSON object in their order, each as raw text:
 * SQLite's json_each reads it, so no JSON library is needed here. */
static GArray *
read_json (GdnnStore   *store,
           const char  *json,
           GError     **error)
{
  GArray *fields = g_array_new (FALSE, TRUE, sizeof (JsonField));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (fields, (GDestroyNotify) json_field_clear);
  if (json == NULL)
    return fields;
  stmt = gdnn_store_prepare (store, "SELECT key, value, type FROM json_each (?);", error);
  if (stmt == NULL)
    {
      g_array_unref (fields);
      return NULL;
    }
  gdnn_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonField f = { gdnn_column_text (stmt, 0), NULL };
      const char *type = (const char *) sqlite3_column_text (stmt, 2);

      if (g_strcmp0 (type, "real") == 0)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          f.raw = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", sqlite3_column_double (stmt, 1)));
        }
      else if (g_strcmp0 (type, "null") != 0)
        f.raw = gdnn_column_text (stmt, 1);
      g_array_append_val (fields, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      g_array_unref (fields);
      return NULL;
    }
  return fields;
}

static const char *
json_lookup (GArray     *fields,
             const char *field)
{
  for (guint i = 0; i < fields->len; i++)
    {
      JsonField *f = &g_array_index (fields, JsonField, i);
      if (g_str_equal (f->field, field))
        return f->raw;
    }
  return NULL;
}

static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static gboolean
fill_changes (Formatter         *fmt,
              GdnnHistoryEntry  *entry,
              const char        *old_json,
              const char        *new_json,
              GError           **error)
{
  const EntityInfo *info = find_entity (entry->entity);
  g_autoptr(GArray) old_fields = NULL;
  g_autoptr(GArray) new_fields = NULL;
  g_autoptr(GString) subject = g_string_new (NULL);
  GArray *order;

  if (!(old_fields = read_json (fmt->store, old_json, error)) ||
      !(new_fields = read_json (fmt->store, new_json, error)))
    return FALSE;
  order = new_json != NULL ? new_fields : old_fields;

  for (guint i = 0; i < order->len; i++)
    {
      const char *field = g_array_index (order, JsonField, i).field;
      const char *old_raw = json_lookup (old_fields, field);
      const char *new_raw = json_lookup (new_fields, field);
      gboolean is_key = is_key_field (info, field);
      GdnnHistoryChange *change;

      /* The subject names the row as it is after the change. */
      if (is_key && (new_raw != NULL || old_raw != NULL))
        {
          const char *raw = new_raw != NULL ? new_raw : old_raw;
          g_autofree char *text = format_value (fmt, entry->entity, field, raw);

          if (!(g_str_equal (field, "period") && g_str_equal (raw, "year")))
            g_string_append_printf (subject, "%s%s", subject->len > 0 ? " · " : "", text);
        }

      if (entry->action == GDNN_HISTORY_UPDATE ? g_strcmp0 (old_raw, new_raw) == 0
                                               : (old_raw == NULL && new_raw == NULL))
        continue;
      change = g_new0 (GdnnHistoryChange, 1);
      change->field = g_strdup (field);
      change->label = g_strdup (field_label (entry->entity, field));
      change->is_key = is_key;
      change->old_raw = g_strdup (old_raw);
      change->new_raw = g_strdup (new_raw);
      change->old_text = format_value (fmt, entry->entity, field, old_raw);
      change->new_text = format_value (fmt, entry->entity, field, new_raw);
      g_ptr_array_add (entry->changes, change);
    }
  entry->subject = g_string_free (g_steal_pointer (&subject), FALSE);
  return TRUE;
}

#define SELECT_ENTRIES                                                                           \
  "SELECT l.id, l.at, l.who, l.action, l.entity, l.entity_id, ifnull (l.undo_of, 0), "          \
  "EXISTS (SELECT 1 FROM change_log u WHERE u.undo_of = l.id), l.old, l.new FROM change_log l WHERE "

/* Runs SELECT_ENTRIES @where ORDER BY id DESC with @params bound in order
 * (a tuple of int64 "x" and maybe-string "ms" members). */
static GPtrArray *
query_entries (GdnnStore   *store,
               const char  *sql,
               GVariant    *params,
               GError     **error)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (params);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_history_entry_free);
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) news = g_ptr_array_new_with_free_func (g_free);
  Formatter fmt = { store, NULL };
  sqlite3_stmt *stmt;
  gsize n = g_variant_n_children (owned);
  gboolean ok = TRUE;
  int rc;

  stmt = gdnn_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (owned, i);

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (child));
      else if (g_variant_is_of_type (child, G_VARIANT_TYPE_STRING))
        gdnn_bind_text (stmt, (int) i + 1, g_variant_get_string (child, NULL));
      else
        {
          g_autoptr(GVariant) inner = g_variant_get_maybe (child);
          gdnn_bind_text (stmt, (int) i + 1, inner != NULL ? g_variant_get_string (inner, NULL) : NULL);
        }
    }

  /* Read the rows first: formatting runs other statements. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnHistoryEntry *e = g_new0 (GdnnHistoryEntry, 1);
      const char *action = (const char *) sqlite3_column_text (stmt, 3);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = gdnn_column_text (stmt, 1);
      e->who = gdnn_column_text (stmt, 2);
      e->action = g_strcmp0 (action, "insert") == 0   ? GDNN_HISTORY_INSERT
                  : g_strcmp0 (action, "delete") == 0 ? GDNN_HISTORY_DELETE
                                                      : GDNN_HISTORY_UPDATE;
      e->entity = gdnn_column_text (stmt, 4);
      e->entity_id = sqlite3_column_int64 (stmt, 5);
      e->undo_of = sqlite3_column_int64 (stmt, 6);
      e->undone = sqlite3_column_int (stmt, 7) != 0;
      e->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_history_change_free);
      g_ptr_array_add (olds, gdnn_column_text (stmt, 8));
      g_ptr_array_add (news, gdnn_column_text (stmt, 9));
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }

  fmt.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < entries->len && ok; i++)
    {
      GdnnHistoryEntry *e = g_ptr_array_index (entries, i);
      const EntityInfo *info = find_entity (e->entity);

      e->when = local_time (e->at);
      e->entity_label = g_strdup (info != NULL ? _(info->label) : e->entity);
      ok = fill_changes (&fmt, e, g_ptr_array_index (olds, i), g_ptr_array_index (news, i), error);
    }
  g_hash_table_unref (fmt.names);
  return ok ? g_steal_pointer (&entries) : NULL;
}

/* A condition on a row's natural key, true when either the old or the
 * new JSON matches. */
#define KEY_VALUE(j)                                                                        \
  "(json_extract (l." j ", '$.unit_id') = ?1 AND json_extract (l." j ", '$.indicator_id') = ?2 " \
  "AND json_extract (l." j ", '$.year') = ?3 AND json_extract (l." j ", '$.period') = ?4)"

/**
 * gdnn_history_for_value:
 * @period: (nullable): "year" when %NULL
 *
 * Every logged change of the value of @indicator_id for @unit_id in
 * @year, including those of earlier rows that were deleted.
 *
 * Returns: (transfer container): GdnnHistoryEntry, newest first
 */
GPtrArray *
gdnn_history_for_value (GdnnStore   *store,
                        gint64       unit_id,
                        gint64       indicator_id,
                        int          year,
                        const char  *period,
                        GError     **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  return query_entries (store,
                        SELECT_ENTRIES "l.entity = 'value' AND (" KEY_VALUE ("new") " OR " KEY_VALUE ("old") ") "
                        "ORDER BY l.id DESC;",
                        g_variant_new ("(xxxs)", unit_id, indicator_id, (gint64) year,
                                       period != NULL ? period : "year"),
                        error);
}

#define KEY_VALUES(j)                                                                      \
  "(json_extract (l." j ", '$.unit_id') = ?1 AND json_extract (l." j ", '$.year') = ?3 "  \
  "AND json_extract (l." j ", '$.indicator_id') IN (SELECT id FROM indicator WHERE plan_id = ?2))"

/**
 * gdnn_history_for_values:
 *
 * The changes of every value the unit gave for the plan's indicators in
 * @year.
 *
 * Returns: (transfer container): GdnnHistoryEntry, newest first
 */
GPtrArray *
gdnn_history_for_values (GdnnStore  *store,
                         gint64      unit_id,
                         gint64      plan_id,
                         int         year,
                         GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  return query_entries (store,
                        SELECT_ENTRIES "l.entity = 'value' AND (" KEY_VALUES ("new") " OR " KEY_VALUES ("old") ") "
                        "ORDER BY l.id DESC;",
                        g_variant_new ("(xxx)", unit_id, plan_id, (gint64) year),
                        error);
}

#define KEY_PROGRESS(j)                                                                       \
  "(json_extract (l." j ", '$.task_id') = ?1 AND (?2 = 0 OR json_extract (l." j ", '$.unit_id') = ?2) " \
  "AND (?3 = 0 OR json_extract (l." j ", '$.year') = ?3))"

/**
 * gdnn_history_for_task:
 * @unit_id: the unit whose progress is listed, 0 for every unit
 * @year: the year of the progress listed, 0 for every year
 *
 * The changes of the task itself and of the progress the unit reported
 * on it.
 *
 * Returns: (transfer container): GdnnHistoryEntry, newest first
 */
GPtrArray *
gdnn_history_for_task (GdnnStore  *store,
                       gint64      task_id,
                       gint64      unit_id,
                       int         year,
                       GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  return query_entries (store,
                        SELECT_ENTRIES "(l.entity = 'task' AND l.entity_id = ?1) OR (l.entity = 'task_progress' AND ("
                        KEY_PROGRESS ("new") " OR " KEY_PROGRESS ("old") ")) ORDER BY l.id DESC;",
                        g_variant_new ("(xxx)", task_id, unit_id, (gint64) year),
                        error);
}

#define KEY_REPORT(j)                                                                        \
  "(json_extract (l." j ", '$.unit_id') = ?1 AND json_extract (l." j ", '$.plan_id') = ?2 " \
  "AND json_extract (l." j ", '$.year') = ?3)"

/**
 * gdnn_history_for_report:
 *
 * The changes of the report row of the unit on the plan for @year: what
 * was written on the report page, finalisations and reopenings.
 *
 * Returns: (transfer container): GdnnHistoryEntry, newest first
 */
GPtrArray *
gdnn_history_for_report (GdnnStore  *store,
                         gint64      unit_id,
                         gint64      plan_id,
                         int         year,
                         GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  return query_entries (store,
                        SELECT_ENTRIES "l.entity = 'report' AND (" KEY_REPORT ("new") " OR " KEY_REPORT ("old") ") "
                        "ORDER BY l.id DESC;",
                        g_variant_new ("(xxx)", unit_id, plan_id, (gint64) year),
                        error);
}

/* The first instant of a local day, as the log writes times (UTC). */
static char *
day_start_utc (const GDate *day,
               int          add_days)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) shifted = NULL;
  g_autoptr(GDateTime) utc = NULL;

  local = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 0, 0, 0);
  shifted = g_date_time_add_days (local, add_days);
  utc = g_date_time_to_utc (shifted);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * gdnn_history_for_range:
 * @from: (nullable): the first local day listed
 * @to: (nullable): the last local day listed
 *
 * Returns: (transfer container): every change in the database between
 *   the two days, newest first
 */
GPtrArray *
gdnn_history_for_range (GdnnStore    *store,
                        const GDate  *from,
                        const GDate  *to,
                        GError      **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);

  if (from != NULL)
    start = day_start_utc (from, 0);
  if (to != NULL)
    end = day_start_utc (to, 1);
  return query_entries (store,
                        SELECT_ENTRIES "(?1 IS NULL OR l.at >= ?1) AND (?2 IS NULL OR l.at < ?2) "
                        "ORDER BY l.id DESC;",
                        g_variant_new ("(msms)", start, end),
                        error);
}

static const char *
text_or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* Long texts (an assessment, a hash) are cut and line breaks become
 * spaces, so that an entry stays one readable line. */
static void
append_short (GString    *s,
              const char *text)
{
  guint n = 0;
  gboolean space = FALSE;

  text = text_or_dash (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (n >= 48)
        {
          g_string_append (s, "…");
          return;
        }
      if (space && n > 0)
        {
          g_string_append_c (s, ' ');
          n++;
        }
      space = FALSE;
      g_string_append_unichar (s, c);
      n++;
    }
}

/**
 * gdnn_history_entry_describe:
 * @with_keys: also list the fields that name the row on an insert or a
 *   delete (the subject shows them otherwise)
 *
 * Returns: (transfer full): the changed fields for people, e.g.
 *   "Numerator: 45 → 48; Explanation: — → Đã bổ sung"
 */
char *
gdnn_history_entry_describe (const GdnnHistoryEntry *entry,
                             gboolean                with_keys)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; i < entry->changes->len; i++)
    {
      GdnnHistoryChange *c = g_ptr_array_index (entry->changes, i);

      if (c->is_key && !with_keys && entry->action != GDNN_HISTORY_UPDATE)
        continue;
      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append_printf (s, "%s: ", c->label);
      if (entry->action == GDNN_HISTORY_UPDATE)
        {
          append_short (s, c->old_text);
          g_string_append (s, " → ");
        }
      append_short (s, entry->action == GDNN_HISTORY_DELETE ? c->old_text : c->new_text);
    }
  return g_string_free (s, FALSE);
}

/* ---- CSV export ----------------------------------------------------- */

/* RFC 4180: a field holding a comma, a quote or a line break is quoted,
 * quotes doubled. */
static void
append_csv_field (GString    *csv,
                  const char *text,
                  gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else if (text != NULL)
    g_string_append (csv, text);
  g_string_append (csv, last ? "\r\n" : ",");
}

static const char *const action_names[] = { "insert", "update", "delete" };

/**
 * gdnn_history_entries_to_csv:
 * @entries: (element-type GdnnHistoryEntry): newest first, as the
 *   gdnn_history_for_* () functions return them
 * @n_rows: (out) (optional): the rows written, header excluded
 *
 * The entries as CSV (docs/change-log-format.md), oldest change first.
 *
 * Returns: (transfer full): the text
 */
char *
gdnn_history_entries_to_csv (GPtrArray *entries,
                             guint     *n_rows)
{
  GString *csv;
  guint rows = 0;

  g_return_val_if_fail (entries != NULL, NULL);

  csv = g_string_new ("at,who,action,entity,entity_id,field,old,new\r\n");
  for (guint i = entries->len; i-- > 0;)
    {
      GdnnHistoryEntry *e = g_ptr_array_index (entries, i);
      char id[24];
      guint n = MAX (e->changes->len, 1);

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, e->entity_id);
      /* A row logged with no field holding a value still gets a line. */
      for (guint c = 0; c < n; c++)
        {
          GdnnHistoryChange *change = c < e->changes->len ? g_ptr_array_index (e->changes, c) : NULL;

          append_csv_field (csv, e->at, FALSE);
          append_csv_field (csv, e->who, FALSE);
          append_csv_field (csv, action_names[e->action], FALSE);
          append_csv_field (csv, e->entity, FALSE);
          append_csv_field (csv, id, FALSE);
          append_csv_field (csv, change != NULL ? change->field : NULL, FALSE);
          append_csv_field (csv, change != NULL ? change->old_raw : NULL, FALSE);
          append_csv_field (csv, change != NULL ? change->new_raw : NULL, TRUE);
          rows++;
        }
    }
  if (n_rows != NULL)
    *n_rows = rows;
  return g_string_free (csv, FALSE);
}

/**
 * gdnn_history_export_csv:
 * @n_rows: (out) (optional): the rows written, header excluded
 *
 * The change log between two local days as CSV.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
gdnn_history_export_csv (GdnnStore    *store,
                         const GDate  *from,
                         const GDate  *to,
                         guint        *n_rows,
                         GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!(entries = gdnn_history_for_range (store, from, to, error)))
    return NULL;
  return gdnn_history_entries_to_csv (entries, n_rows);
}

/**
 * gdnn_history_export_csv_file:
 *
 * Writes gdnn_history_export_csv() to @path (replaced atomically).
 */
gboolean
gdnn_history_export_csv_file (GdnnStore    *store,
                              const char   *path,
                              const GDate  *from,
                              const GDate  *to,
                              guint        *n_rows,
                              GError      **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = gdnn_history_export_csv (store, from, to, n_rows, error);
  return csv != NULL && g_file_set_contents (path, csv, -1, error);
}
