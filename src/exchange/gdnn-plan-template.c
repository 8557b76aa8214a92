/* gdnn-plan-template.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-plan-template"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "gdnn-backup.h"
#include "gdnn-data-resources.h"
#include "gdnn-plan-template.h"
#include "gdnn-text.h"

/* Reads a plan-template file (docs/plan-template-format.md) into the
 * store. Every field is checked while the plan is inserted inside one
 * transaction; the first fault rolls everything back and is reported
 * with its JSON path, e.g. "indicator_groups[0].indicators[2].measure". */

#define SHIPPED_PLANS_PATH "/vn/gdnn/Report/plans"
#define MAX_TEMPLATE_SIZE (8 * 1024 * 1024)

G_DEFINE_QUARK (gdnn-template-error-quark, gdnn_template_error)

typedef struct
{
  GdnnStore  *store;
  JsonObject *root;
  gint64      plan_id;
  GHashTable *bodies;   /* key → gint64* body id */
  GString    *path;     /* JSON path of the field being read */
} Import;

static gboolean
invalid (Import      *imp,
         const char  *member,
         GError     **error,
         const char  *reason)
{
  /* Translators: the first %s is a JSON field path such as
   * indicator_groups[0].indicators[2].measure, the second the reason. */
  g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_INVALID,
               _("Field “%s%s%s”: %s"),
               imp->path->str, imp->path->len > 0 && member != NULL ? "." : "",
               member != NULL ? member : "", reason);
  return FALSE;
}

static gsize
push_path (Import     *imp,
           const char *member,
           int         index)
{
  gsize old_len = imp->path->len;

  if (imp->path->len > 0)
    g_string_append_c (imp->path, '.');
  g_string_append (imp->path, member);
  if (index >= 0)
    g_string_append_printf (imp->path, "[%d]", index);
  return old_len;
}

static void
pop_path (Import *imp,
          gsize   old_len)
{
  g_string_truncate (imp->path, old_len);
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Reads an optional or required string member; a present member must be
 * a non-empty string. */
static gboolean
get_string (Import      *imp,
            JsonObject  *obj,
            const char  *member,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return invalid (imp, member, error, _("is required"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (imp, member, error, _("must be text"));

  *out = json_node_get_string (node);
  if (!g_utf8_validate (*out, -1, NULL))
    return invalid (imp, member, error, _("is not valid UTF-8 text"));
  if (required && is_blank (*out))
    return invalid (imp, member, error, _("must not be empty"));
  return TRUE;
}

static gboolean
get_int (Import      *imp,
         JsonObject  *obj,
         const char  *member,
         gboolean     required,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return invalid (imp, member, error, _("is required"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (imp, member, error, _("must be a whole number"));

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    {
      /* Translators: the two numbers are the allowed range. */
      g_autofree char *reason = g_strdup_printf (_("must be between %lld and %lld"),
                                                 (long long) min, (long long) max);
      return invalid (imp, member, error, reason);
    }
  return TRUE;
}

static gboolean
get_number (Import      *imp,
            JsonObject  *obj,
            const char  *member,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return invalid (imp, member, error, _("must be a number"));
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return invalid (imp, member, error, _("must be a number"));
  if (*out < 0)
    return invalid (imp, member, error, _("must not be negative"));
  return TRUE;
}

static gboolean
get_array (Import      *imp,
           JsonObject  *obj,
           const char  *member,
           gboolean     required,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return invalid (imp, member, error, _("is required"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (imp, member, error, _("must be a list"));
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
element_object (Import     *imp,
                JsonArray  *array,
                guint       index,
                GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (imp, NULL, error, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* YYYY-MM-DD exactly, and a day that exists. */
static gboolean
valid_date (const char *text)
{
  GDate date;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return gdnn_parse_date (text, &date, NULL);
}

/* An element of a list of body keys, or NULL when it is not text. */
static const char *
string_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
lookup_body (Import      *imp,
             const char  *key,
             const char  *member,
             gint64      *body_id,
             GError     **error)
{
  gint64 *id = g_hash_table_lookup (imp->bodies, key);

  if (id == NULL)
    {
      /* Translators: %s is a body key used in the file, such as so_ldtbxh. */
      g_autofree char *reason = g_strdup_printf (_("names the body “%s”, which is not in “bodies”"), key);
      return invalid (imp, member, error, reason);
    }
  *body_id = *id;
  return TRUE;
}

static gboolean
import_schedule (Import  *imp,
                 GError **error)
{
  JsonArray *periods;

  if (!get_array (imp, imp->root, "report_schedule", TRUE, &periods, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (periods); i++)
    {
      gsize mark = push_path (imp, "report_schedule", i);
      JsonObject *obj = element_object (imp, periods, i, error);
      GdnnReportPeriod period = { 0 };
      const char *code, *name;
      gint64 day = 0, month = 0;

      if (obj == NULL ||
          !get_string (imp, obj, "code", TRUE, &code, error) ||
          !get_string (imp, obj, "name", TRUE, &name, error) ||
          !get_int (imp, obj, "due_day", TRUE, 1, 31, &day, error) ||
          !get_int (imp, obj, "due_month", TRUE, 1, 12, &month, error))
        return FALSE;
      if (!g_str_equal (code, "year") && !g_str_equal (code, "h1"))
        return invalid (imp, "code", error, _("must be “year” or “h1”"));
      if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2024))
        return invalid (imp, "due_day", error, _("is not a day of that month"));

      period.code = (char *) code;
      period.name = (char *) name;
      period.due_day = (int) day;
      period.due_month = (int) month;
      if (gdnn_store_add_report_period (imp->store, imp->plan_id, &period, NULL) == 0)
        return invalid (imp, "code", error, _("appears twice"));
      pop_path (imp, mark);
    }
  return TRUE;
}

static gboolean
import_bodies (Import  *imp,
               GError **error)
{
  JsonArray *bodies;

  if (!get_array (imp, imp->root, "bodies", FALSE, &bodies, error))
    return FALSE;
  if (bodies == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      gsize mark = push_path (imp, "bodies", i);
      JsonObject *obj = element_object (imp, bodies, i, error);
      GdnnBody body = { 0 };
      const char *key, *name, *short_name, *kind, *duties;
      gint64 *id;

      if (obj == NULL ||
          !get_string (imp, obj, "key", TRUE, &key, error) ||
          !get_string (imp, obj, "name", TRUE, &name, error) ||
          !get_string (imp, obj, "short_name", FALSE, &short_name, error) ||
          !get_string (imp, obj, "kind", FALSE, &kind, error) ||
          !get_string (imp, obj, "duties", FALSE, &duties, error))
        return FALSE;

      body.kind = GDNN_UNIT_TYPE_CO_QUAN;
      if (kind != NULL && !gdnn_unit_type_from_string (kind, &body.kind))
        return invalid (imp, "kind", error, _("must be co_quan, cao_dang, trung_cap, trung_tam or khac"));
      if (g_hash_table_contains (imp->bodies, key))
        return invalid (imp, "key", error, _("appears twice"));

      body.plan_id = imp->plan_id;
      body.key = (char *) key;
      body.name = (char *) name;
      body.short_name = (char *) short_name;
      body.duties = (char *) duties;
      id = g_new (gint64, 1);
      *id = gdnn_store_add_body (imp->store, &body, error);
      g_hash_table_insert (imp->bodies, g_strdup (key), id);
      if (*id == 0)
        return FALSE;
      pop_path (imp, mark);
    }
  return TRUE;
}

static gboolean
import_targets (Import      *imp,
                JsonObject  *obj,
                gint64       indicator_id,
                GdnnMeasure  measure,
                GError     **error)
{
  JsonArray *targets;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 first = 1990, last = 2100;

  /* Already validated by import_plan (). */
  get_int (imp, imp->root, "first_year", TRUE, 1990, 2100, &first, NULL);
  get_int (imp, imp->root, "last_year", TRUE, 1990, 2100, &last, NULL);

  if (!get_array (imp, obj, "targets", FALSE, &targets, error))
    return FALSE;
  if (targets == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      gsize mark = push_path (imp, "targets", i);
      JsonObject *t = element_object (imp, targets, i, error);
      GdnnTarget target = { 0 };
      const char *body_key, *note;
      gint64 year = 0;
      char *seen_key;

      if (t == NULL ||
          !get_int (imp, t, "year", TRUE, first, last, &year, error) ||
          !get_number (imp, t, "value", &target.value, error) ||
          !get_string (imp, t, "body", FALSE, &body_key, error) ||
          !get_string (imp, t, "note", FALSE, &note, error))
        return FALSE;
      if (measure == GDNN_MEASURE_RATIO && target.value > 100)
        return invalid (imp, "value", error, _("a ratio target is a percentage and cannot exceed 100"));
      if (body_key != NULL && !lookup_body (imp, body_key, "body", &target.body_id, error))
        return FALSE;

      seen_key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", year, body_key ? body_key : "");
      if (!g_hash_table_add (seen, seen_key))
        return invalid (imp, "year", error, _("has two targets for the same year"));

      target.indicator_id = indicator_id;
      target.year = (int) year;
      target.note = (char *) note;
      if (gdnn_store_add_target (imp->store, &target, error) == 0)
        return FALSE;
      pop_path (imp, mark);
    }
  return TRUE;
}

static gboolean
import_indicator (Import      *imp,
                  JsonObject  *obj,
                  gint64       group_id,
                  int          position,
                  GError     **error)
{
  GdnnIndicator ind = { 0 };
  const char *code, *name, *measure, *unit_label, *num, *den, *scope, *direction, *source;
  JsonArray *responsible;
  gint64 id;

  if (!get_string (imp, obj, "code", TRUE, &code, error) ||
      !get_string (imp, obj, "name", TRUE, &name, error) ||
      !get_string (imp, obj, "measure", TRUE, &measure, error) ||
      !get_string (imp, obj, "unit_label", FALSE, &unit_label, error) ||
      !get_string (imp, obj, "numerator_label", FALSE, &num, error) ||
      !get_string (imp, obj, "denominator_label", FALSE, &den, error) ||
      !get_string (imp, obj, "scope", FALSE, &scope, error) ||
      !get_string (imp, obj, "direction", FALSE, &direction, error) ||
      !get_string (imp, obj, "source_text", FALSE, &source, error))
    return FALSE;

  if (!gdnn_measure_from_string (measure, &ind.measure) || !g_ascii_islower (measure[0]))
    return invalid (imp, "measure", error, _("must be ratio, count, amount or boolean"));
  if (direction != NULL && !g_str_equal (direction, "increase") &&
      !g_str_equal (direction, "decrease") && !g_str_equal (direction, "maintain"))
    return invalid (imp, "direction", error, _("must be increase, decrease or maintain"));
  if (ind.measure != GDNN_MEASURE_RATIO && (num != NULL || den != NULL))
    return invalid (imp, "denominator_label", error, _("only a ratio has a numerator and a denominator"));

  ind.plan_id = imp->plan_id;
  ind.group_id = group_id;
  ind.code = (char *) code;
  ind.name = (char *) name;
  ind.unit_label = (char *) (unit_label != NULL ? unit_label :
                             ind.measure == GDNN_MEASURE_RATIO ? "%" :
                             ind.measure == GDNN_MEASURE_AMOUNT ? "đồng" : NULL);
  ind.numerator_label = (char *) num;
  ind.denominator_label = (char *) den;
  ind.scope = (char *) scope;
  ind.direction = (char *) direction;
  ind.source_text = (char *) source;
  ind.position = position;

  id = gdnn_store_add_indicator (imp->store, &ind, NULL);
  if (id == 0)
    return invalid (imp, "code", error, _("is used by another indicator of the plan"));

  if (!get_array (imp, obj, "responsible", FALSE, &responsible, error))
    return FALSE;
  for (guint i = 0; responsible != NULL && i < json_array_get_length (responsible); i++)
    {
      const char *key = string_element (responsible, i);
      gint64 body_id = 0;

      if (key == NULL)
        return invalid (imp, "responsible", error, _("must list body keys"));
      if (!lookup_body (imp, key, "responsible", &body_id, error) ||
          !gdnn_store_add_responsible (imp->store, id, body_id, error))
        return FALSE;
    }

  return import_targets (imp, obj, id, ind.measure, error);
}

typedef gint64   (*AddGroupFunc)   (GdnnStore *store, gint64 plan_id, const char *code,
                                    const char *title, int position, GError **error);
typedef gboolean (*ImportItemFunc) (Import *imp, JsonObject *obj, gint64 group_id,
                                    int position, GError **error);

/* Reads a list of groups ("indicator_groups", "task_groups"), each with a
 * code, a title and a list of items numbered through the whole plan. */
static gboolean
import_groups (Import          *imp,
               const char      *groups_member,
               const char      *items_member,
               AddGroupFunc     add_group,
               ImportItemFunc   import_item,
               GError         **error)
{
  JsonArray *groups;
  int position = 0;

  if (!get_array (imp, imp->root, groups_member, TRUE, &groups, error))
    return FALSE;

  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      gsize mark = push_path (imp, groups_member, g);
      JsonObject *obj = element_object (imp, groups, g, error);
      const char *code, *title;
      JsonArray *items;
      gint64 group_id;

      if (obj == NULL ||
          !get_string (imp, obj, "code", TRUE, &code, error) ||
          !get_string (imp, obj, "title", TRUE, &title, error) ||
          !get_array (imp, obj, items_member, TRUE, &items, error))
        return FALSE;

      group_id = add_group (imp->store, imp->plan_id, code, title, (int) g, error);
      if (group_id == 0)
        return FALSE;

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gsize mark2 = push_path (imp, items_member, i);
          JsonObject *item = element_object (imp, items, i, error);

          if (item == NULL || !import_item (imp, item, group_id, position++, error))
            return FALSE;
          pop_path (imp, mark2);
        }
      pop_path (imp, mark);
    }
  return TRUE;
}

static gboolean
import_task (Import      *imp,
             JsonObject  *obj,
             gint64       group_id,
             int          position,
             GError     **error)
{
  GdnnTask task = { 0 };
  const char *code, *title, *description, *lead, *start, *due;
  JsonArray *cooperating;
  gint64 id;

  if (!get_string (imp, obj, "code", TRUE, &code, error) ||
      !get_string (imp, obj, "title", TRUE, &title, error) ||
      !get_string (imp, obj, "description", FALSE, &description, error) ||
      !get_string (imp, obj, "lead", FALSE, &lead, error) ||
      !get_string (imp, obj, "start", FALSE, &start, error) ||
      !get_string (imp, obj, "due", FALSE, &due, error) ||
      !get_array (imp, obj, "cooperating", FALSE, &cooperating, error))
    return FALSE;

  if (!valid_date (start))
    return invalid (imp, "start", error, _("must be a date written YYYY-MM-DD"));
  if (!valid_date (due))
    return invalid (imp, "due", error, _("must be a date written YYYY-MM-DD"));
  if (start != NULL && due != NULL && g_strcmp0 (start, due) > 0)
    return invalid (imp, "due", error, _("is before the start date"));
  if (lead != NULL && !lookup_body (imp, lead, "lead", &task.lead_body_id, error))
    return FALSE;

  task.plan_id = imp->plan_id;
  task.group_id = group_id;
  task.code = (char *) code;
  task.title = (char *) title;
  task.description = (char *) description;
  task.start_date = (char *) start;
  task.due_date = (char *) due;
  task.position = position;

  id = gdnn_store_add_task (imp->store, &task, NULL);
  if (id == 0)
    return invalid (imp, "code", error, _("is used by another task of the plan"));

  for (guint i = 0; cooperating != NULL && i < json_array_get_length (cooperating); i++)
    {
      const char *key = string_element (cooperating, i);
      gint64 body_id;

      if (key == NULL)
        return invalid (imp, "cooperating", error, _("must list body keys"));
      if (!lookup_body (imp, key, "cooperating", &body_id, error) ||
          !gdnn_store_add_cooperator (imp->store, id, body_id, error))
        return FALSE;
    }
  return TRUE;
}


static gboolean
import_budget (Import  *imp,
               GError **error)
{
  JsonArray *lines;

  if (!get_array (imp, imp->root, "budget", FALSE, &lines, error))
    return FALSE;

  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      gsize mark = push_path (imp, "budget", i);
      JsonObject *obj = element_object (imp, lines, i, error);
      g_autoptr(GdnnBudgetLine) line = gdnn_budget_line_new ();
      const char *name, *source;
      JsonArray *years;

      if (obj == NULL ||
          !get_string (imp, obj, "name", TRUE, &name, error) ||
          !get_string (imp, obj, "source", TRUE, &source, error) ||
          !get_array (imp, obj, "years", TRUE, &years, error))
        return FALSE;
      if (!gdnn_budget_source_from_string (source, &line->source) || !g_ascii_islower (source[0]))
        return invalid (imp, "source", error, _("must be ngan_sach, xa_hoi_hoa or khac"));

      for (guint y = 0; y < json_array_get_length (years); y++)
        {
          gsize mark2 = push_path (imp, "years", y);
          JsonObject *yo = element_object (imp, years, y, error);
          GdnnBudgetYear by = { 0 };
          gint64 year = 0, planned = 0;

          if (yo == NULL ||
              !get_int (imp, yo, "year", TRUE, 1990, 2100, &year, error) ||
              !get_int (imp, yo, "planned", TRUE, 0, G_GINT64_CONSTANT (1000000000000000), &planned, error))
            return FALSE;
          for (guint k = 0; k < line->years->len; k++)
            if (g_array_index (line->years, GdnnBudgetYear, k).year == year)
              return invalid (imp, "year", error, _("appears twice"));
          by.year = (int) year;
          by.planned = planned;
          g_array_append_val (line->years, by);
          pop_path (imp, mark2);
        }

      line->plan_id = imp->plan_id;
      line->name = g_strdup (name);
      line->position = (int) i;
      if (gdnn_store_add_budget_line (imp->store, line, error) == 0)
        return FALSE;
      pop_path (imp, mark);
    }
  return TRUE;
}

static gboolean
import_plan (GdnnStore  *store,
             gpointer    user_data,
             GError    **error)
{
  Import *imp = user_data;
  g_autoptr(GdnnPlan) plan = gdnn_plan_new ();
  const char *format, *number, *kind, *title, *issuer, *issue_date, *place;
  const char *parent, *recipient, *summary, *notes;
  gint64 version = 0, first = 0, last = 0, baseline = 0;

  if (!get_string (imp, imp->root, "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, "gdnn-plan-template"))
    return invalid (imp, "format", error, _("must be “gdnn-plan-template”"));
  if (!get_int (imp, imp->root, "format_version", TRUE, 1, 1, &version, error) ||
      !get_string (imp, imp->root, "number", TRUE, &number, error) ||
      !get_string (imp, imp->root, "kind", FALSE, &kind, error) ||
      !get_string (imp, imp->root, "title", TRUE, &title, error) ||
      !get_string (imp, imp->root, "issuer", TRUE, &issuer, error) ||
      !get_string (imp, imp->root, "issue_date", FALSE, &issue_date, error) ||
      !get_string (imp, imp->root, "place", FALSE, &place, error) ||
      !get_int (imp, imp->root, "first_year", TRUE, 1990, 2100, &first, error) ||
      !get_int (imp, imp->root, "last_year", TRUE, 1990, 2100, &last, error) ||
      !get_int (imp, imp->root, "baseline_year", FALSE, 1990, 2100, &baseline, error) ||
      !get_string (imp, imp->root, "parent", FALSE, &parent, error) ||
      !get_string (imp, imp->root, "recipient", FALSE, &recipient, error) ||
      !get_string (imp, imp->root, "summary", FALSE, &summary, error) ||
      !get_string (imp, imp->root, "notes", FALSE, &notes, error))
    return FALSE;
  if (first > last)
    return invalid (imp, "last_year", error, _("is before first_year"));
  if (!valid_date (issue_date))
    return invalid (imp, "issue_date", error, _("must be a date written YYYY-MM-DD"));

  plan->number = g_strdup (number);
  plan->kind = g_strdup (kind);
  plan->title = g_strdup (title);
  plan->issuer = g_strdup (issuer);
  plan->issue_date = g_strdup (issue_date);
  plan->place = g_strdup (place);
  plan->first_year = (int) first;
  plan->last_year = (int) last;
  plan->baseline_year = (int) baseline;
  plan->parent_number = g_strdup (parent);
  plan->recipient = g_strdup (recipient);
  plan->summary = g_strdup (summary);
  plan->notes = g_strdup (notes);

  imp->plan_id = gdnn_store_add_plan (store, plan, error);
  if (imp->plan_id == 0)
    return FALSE;

  return import_schedule (imp, error) &&
         import_bodies (imp, error) &&
         import_groups (imp, "indicator_groups", "indicators", gdnn_store_add_indicator_group,
                        import_indicator, error) &&
         import_groups (imp, "task_groups", "tasks", gdnn_store_add_task_group, import_task, error) &&
         import_budget (imp, error);
}

/**
 * gdnn_plan_template_import_data:
 * @source_name: the file name used in error messages
 *
 * Returns: the new plan's id, or 0 with @error set; nothing is stored
 *   then.
 */
gint64
gdnn_plan_template_import_data (GdnnStore   *store,
                                const char  *data,
                                gsize        length,
                                const char  *source_name,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) path = g_string_new (NULL);
  JsonNode *root;
  Import imp = { 0 };

  g_return_val_if_fail (GDNN_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL, 0);

  if (length > MAX_TEMPLATE_SIZE)
    {
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_SYNTAX,
                   _("%s: the file is too large for a plan template."), source_name);
      return 0;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_SYNTAX,
                   _("%s: the file is not UTF-8 text."), source_name);
      return 0;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* json-glib's message already carries "line:column: …". */
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_SYNTAX,
                   _("%s: not a valid JSON file: %s"), source_name, local_error->message);
      return 0;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_INVALID,
                   _("%s: a plan template must be a JSON object."), source_name);
      return 0;
    }

  imp.store = store;
  imp.root = json_node_get_object (root);
  imp.bodies = bodies;
  imp.path = path;

  if (!gdnn_store_run_in_transaction (store, import_plan, &imp, error))
    {
      g_prefix_error (error, "%s: ", source_name);
      return 0;
    }
  return imp.plan_id;
}

gint64
gdnn_plan_template_import_file (GdnnStore   *store,
                                const char  *path,
                                GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, 0);

  if (!g_file_get_contents (path, &data, &length, error) ||
      !gdnn_backup_before (store, GDNN_BACKUP_IMPORT, NULL, error))
    return 0;
  name = g_path_get_basename (path);
  return gdnn_plan_template_import_data (store, data, length, name, error);
}

/* Returns: (transfer full): resource names of the shipped templates,
 * sorted so that a parent programme comes before the plans citing it. */
char **
gdnn_plan_template_list_shipped (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *out = g_ptr_array_new ();

  /* Referencing the bundle keeps it (and its registration) in the link. */
  if (gdnn_data_get_resource () == NULL)
    g_warning ("The plan templates are missing from the program.");
  names = g_resources_enumerate_children (SHIPPED_PLANS_PATH, 0, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (out, g_strdup (names[i]));
  g_ptr_array_sort (out, (GCompareFunc) g_strcmp0);
  /* The national programme (qd-…) is the parent of the others. */
  for (guint i = 0; i < out->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (out, i), "qd-"))
      {
        gpointer qd = g_ptr_array_steal_index (out, i);
        g_ptr_array_insert (out, 0, qd);
        break;
      }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
gdnn_plan_template_import_shipped (GdnnStore  *store,
                                   GError    **error)
{
  g_auto(GStrv) names = gdnn_plan_template_list_shipped ();

  if (names[0] == NULL)
    {
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_INVALID,
                   _("The program was built without its plan templates."));
      return FALSE;
    }

  if (!gdnn_store_begin (store, error))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SHIPPED_PLANS_PATH "/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      gsize len = 0;
      const char *data;

      if (bytes == NULL)
        {
          gdnn_store_rollback (store);
          return FALSE;
        }
      data = g_bytes_get_data (bytes, &len);
      if (gdnn_plan_template_import_data (store, data, len, names[i], error) == 0)
        {
          gdnn_store_rollback (store);
          return FALSE;
        }
    }

  return gdnn_store_commit (store, error);
}
