/* gdnn-report-compare.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-history.h"
#include "gdnn-report-compare.h"
#include "gdnn-report-doc.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"

/* The snapshot is a list of (key, text) pairs (gdnn-report-doc.c): the
 * header fields by name, "task/CODE" → "status|progress|result|title",
 * "indicator/CODE/numerator" and its siblings, "budget/N" → "name|source|
 * planned|spent|has_spent|planned_total|spent_total". Comparing two
 * snapshots key by key and reading each key's text back gives the
 * differences in the words of the report. */

void
gdnn_report_diff_free (GdnnReportDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->key);
  g_free (diff->code);
  g_free (diff->subject);
  g_free (diff->field);
  g_free (diff->sent);
  g_free (diff->current);
  g_free (diff);
}

/**
 * gdnn_report_diff_describe:
 *
 * Returns: (transfer full): e.g. "Indicator I.2.a.1, Numerator: 45 → 48"
 */
char *
gdnn_report_diff_describe (const GdnnReportDiff *diff)
{
  g_return_val_if_fail (diff != NULL, NULL);
  /* Translators: a difference between the sent report and the data now:
   * "Indicator I.2.a.1, Numerator: 45 → 48". */
  return g_strdup_printf (_("%s, %s: %s → %s"), diff->subject, diff->field, diff->sent, diff->current);
}

static GHashTable *
parse_snapshot (const char  *text,
                GPtrArray   *order,
                GError     **error)
{
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTable *pairs;
  GVariantIter iter;
  const char *key, *value;

  v = g_variant_parse (G_VARIANT_TYPE ("a(ss)"), text, NULL, NULL, &local_error);
  if (v == NULL)
    {
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_INVALID,
                   /* Translators: %s says what is wrong. */
                   _("The stored snapshot of the report cannot be read: %s"), local_error->message);
      return NULL;
    }
  pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_variant_iter_init (&iter, v);
  while (g_variant_iter_next (&iter, "(&s&s)", &key, &value))
    {
      if (!g_hash_table_contains (pairs, key))
        g_ptr_array_add (order, g_strdup (key));
      g_hash_table_insert (pairs, g_strdup (key), g_strdup (value));
    }
  return pairs;
}

static char *
or_dash (const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

static char *
format_number_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  return gdnn_history_format_number (g_ascii_strtod (text, NULL));
}

static void
add_diff (GPtrArray          *diffs,
          GdnnReportDiffKind  kind,
          const char         *key,
          const char         *code,
          const char         *subject,
          const char         *field,
          char               *sent,
          char               *current)
{
  GdnnReportDiff *d = g_new0 (GdnnReportDiff, 1);

  d->kind = kind;
  d->key = g_strdup (key);
  d->code = g_strdup (code);
  d->subject = g_strdup (subject);
  d->field = g_strdup (field);
  d->sent = sent;
  d->current = current;
  g_ptr_array_add (diffs, d);
}

typedef struct
{
  const char *key;
  const char *label;
} HeaderField;

static const HeaderField header_fields[] = {
  { "unit", N_("Unit") },
  { "plan", N_("Plan") },
  { "year", N_("Year") },
  { "governing_body", N_("Governing body") },
  { "issuing_body", N_("Unit name") },
  { "number", N_("Number") },
  { "place", N_("Place") },
  { "date", N_("Date") },
  { "subject", N_("Subject") },
  { "intro", N_("Opening paragraph") },
  { "assessment", N_("Overall assessment") },
  { "difficulties", N_("Difficulties") },
  { "proposals", N_("Proposals") },
  { "recipients", N_("Recipients") },
  { "signer_title", N_("Signer's title") },
  { "signer_name", N_("Signer") },
};

static char *
format_header (const char *key,
               const char *text)
{
  GDate date;

  if (g_str_equal (key, "date") && text != NULL && gdnn_parse_date (text, &date, NULL))
    return gdnn_format_date (&date);
  if (g_str_equal (key, "year") && text != NULL && *text != '\0')
    return g_strdup_printf ("%d", (int) g_ascii_strtod (text, NULL));
  return or_dash (text);
}

/* "status|progress|result|title": the status and progress first, the
 * title (from the plan, without "|") last, the result in between. */
typedef struct
{
  char *status;
  char *progress;
  char *result;
  char *title;
} TaskText;

static void
task_text_parse (const char *text,
                 TaskText   *t)
{
  g_auto(GStrv) head = g_strsplit (text != NULL ? text : "", "|", 3);
  const char *rest = head[0] != NULL && head[1] != NULL ? head[2] : NULL;
  const char *bar = rest != NULL ? strrchr (rest, '|') : NULL;
  GdnnTaskStatus status;

  memset (t, 0, sizeof *t);
  if (text == NULL)
    return;
  t->status = head[0] != NULL && gdnn_task_status_from_string (head[0], &status)
              ? g_strdup (gdnn_task_status_label (status)) : or_dash (head[0]);
  t->progress = head[0] != NULL && head[1] != NULL ? g_strdup_printf ("%s %%", head[1]) : g_strdup ("—");
  t->result = bar != NULL ? g_strndup (rest, bar - rest) : g_strdup (rest);
  t->title = bar != NULL ? g_strdup (bar + 1) : NULL;
}

static void
task_text_clear (TaskText *t)
{
  g_free (t->status);
  g_free (t->progress);
  g_free (t->result);
  g_free (t->title);
}

static void
compare_task (GPtrArray  *diffs,
              const char *key,
              const char *sent,
              const char *current)
{
  const char *code = key + strlen ("task/");
  /* Translators: %s is a task code such as II.1.2. */
  g_autofree char *subject = g_strdup_printf (_("Task %s"), code);
  TaskText a, b;

  if (sent == NULL || current == NULL)
    {
      add_diff (diffs, GDNN_REPORT_DIFF_TASK, key, code, subject, _("Task"),
                sent != NULL ? g_strdup (_("listed")) : g_strdup ("—"),
                current != NULL ? g_strdup (_("listed")) : g_strdup ("—"));
      return;
    }
  task_text_parse (sent, &a);
  task_text_parse (current, &b);
  if (g_strcmp0 (a.status, b.status) != 0)
    add_diff (diffs, GDNN_REPORT_DIFF_TASK, key, code, subject, _("Status"), g_strdup (a.status), g_strdup (b.status));
  if (g_strcmp0 (a.progress, b.progress) != 0)
    add_diff (diffs, GDNN_REPORT_DIFF_TASK, key, code, subject, _("Progress"),
              g_strdup (a.progress), g_strdup (b.progress));
  if (g_strcmp0 (a.result, b.result) != 0)
    add_diff (diffs, GDNN_REPORT_DIFF_TASK, key, code, subject, _("Result"), or_dash (a.result), or_dash (b.result));
  if (g_strcmp0 (a.title, b.title) != 0)
    add_diff (diffs, GDNN_REPORT_DIFF_TASK, key, code, subject, _("Title"), or_dash (a.title), or_dash (b.title));
  task_text_clear (&a);
  task_text_clear (&b);
}

static void
compare_indicator (GPtrArray  *diffs,
                   const char *key,
                   const char *sent,
                   const char *current)
{
  g_autofree char *code = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *field = NULL;
  const char *rest = key + strlen ("indicator/");
  const char *slash = strchr (rest, '/');
  const char *what;
  gboolean number = TRUE;

  if (slash == NULL)
    return;
  code = g_strndup (rest, slash - rest);
  what = slash + 1;
  /* Translators: %s is an indicator code such as I.2.a.1. */
  subject = g_strdup_printf (_("Indicator %s"), code);
  if (g_str_equal (what, "numerator"))
    field = g_strdup (_("Numerator"));
  else if (g_str_equal (what, "denominator"))
    field = g_strdup (_("Denominator"));
  else if (g_str_equal (what, "note"))
    field = g_strdup (_("Explanation")), number = FALSE;
  else if (g_str_equal (what, "name"))
    field = g_strdup (_("Name")), number = FALSE;
  else if (g_str_has_prefix (what, "target/"))
    /* Translators: %s is a milestone year. */
    field = g_strdup_printf (_("Target for %s"), what + strlen ("target/"));
  else
    field = g_strdup (what), number = FALSE;

  add_diff (diffs, GDNN_REPORT_DIFF_INDICATOR, key, code, subject, field,
            number ? format_number_text (sent) : or_dash (sent),
            number ? format_number_text (current) : or_dash (current));
}

/* "name|source|planned|spent|has_spent|planned_total|spent_total"; the
 * name may hold "|", the six numbers after it do not. */
static gboolean
budget_parse (const char  *text,
              char       **name,
              gint64       numbers[6])
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "|", -1);
  guint n = g_strv_length (parts);

  if (n < 7)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    numbers[i] = g_ascii_strtoll (parts[n - 6 + i], NULL, 10);
  g_free (parts[n - 6]);
  parts[n - 6] = NULL;
  *name = g_strjoinv ("|", parts);
  return TRUE;
}

static char *
money_or_dash (gboolean has,
               gint64   value)
{
  return has ? gdnn_format_money (value) : g_strdup ("—");
}

static void
compare_budget (GPtrArray  *diffs,
                const char *key,
                const char *sent,
                const char *current)
{
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  g_autofree char *subject = NULL;
  gint64 a[6] = { 0 }, b[6] = { 0 };
  gboolean has_a = budget_parse (sent, &name_a, a);
  gboolean has_b = budget_parse (current, &name_b, b);

  /* Translators: %s is the name of a budget line. */
  subject = g_strdup_printf (_("Budget line “%s”"), has_b ? name_b : has_a ? name_a : key);
  if (g_str_has_suffix (key, "/reference"))
    {
      add_diff (diffs, GDNN_REPORT_DIFF_BUDGET, key, NULL, subject, _("Plan's figure"),
                sent != NULL ? gdnn_format_money ((gint64) g_ascii_strtod (sent, NULL)) : g_strdup ("—"),
                current != NULL ? gdnn_format_money ((gint64) g_ascii_strtod (current, NULL)) : g_strdup ("—"));
      return;
    }
  if (has_a != has_b || g_strcmp0 (name_a, name_b) != 0)
    {
      g_free (subject);
      subject = g_strdup (_("Budget"));
      add_diff (diffs, GDNN_REPORT_DIFF_BUDGET, key, NULL, subject, _("Budget line"), or_dash (name_a), or_dash (name_b));
      return;
    }
  /* numbers: source, planned, spent, has_spent, planned_total, spent_total */
  if (a[1] != b[1])
    add_diff (diffs, GDNN_REPORT_DIFF_BUDGET, key, NULL, subject, _("Planned"),
              gdnn_format_money (a[1]), gdnn_format_money (b[1]));
  if (a[2] != b[2] || a[3] != b[3])
    add_diff (diffs, GDNN_REPORT_DIFF_BUDGET, key, NULL, subject, _("Spent"),
              money_or_dash (a[3], a[2]), money_or_dash (b[3], b[2]));
  if (a[0] != b[0])
    add_diff (diffs, GDNN_REPORT_DIFF_BUDGET, key, NULL, subject, _("Source"),
              g_strdup (gdnn_report_source_label ((GdnnBudgetSource) a[0])),
              g_strdup (gdnn_report_source_label ((GdnnBudgetSource) b[0])));
}

static void
compare_key (GPtrArray  *diffs,
             const char *key,
             const char *sent,
             const char *current)
{
  if (g_str_has_prefix (key, "task/"))
    compare_task (diffs, key, sent, current);
  else if (g_str_has_prefix (key, "indicator/"))
    compare_indicator (diffs, key, sent, current);
  else if (g_str_has_prefix (key, "budget/"))
    compare_budget (diffs, key, sent, current);
  else
    {
      const char *label = key;

      for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
        if (g_str_equal (header_fields[i].key, key))
          label = _(header_fields[i].label);
      add_diff (diffs, GDNN_REPORT_DIFF_HEADER, key, NULL, _("Header and text"), label,
                format_header (key, sent), format_header (key, current));
    }
}

/**
 * gdnn_report_compare_snapshots:
 * @sent: the snapshot stored when the report was finalised
 * @current: the snapshot of the document the data give now
 *
 * Returns: (transfer container): GdnnReportDiff, in the order the report
 *   prints them; empty when the two print the same
 */
GPtrArray *
gdnn_report_compare_snapshots (const char  *sent,
                               const char  *current,
                               GError     **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_report_diff_free);
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  g_autoptr(GPtrArray) current_order = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (sent != NULL && current != NULL, NULL);

  if (!(a = parse_snapshot (sent, order, error)) || !(b = parse_snapshot (current, current_order, error)))
    return NULL;
  /* Keys only the current document has (a new task) come after. */
  for (guint i = 0; i < current_order->len; i++)
    if (!g_hash_table_contains (a, g_ptr_array_index (current_order, i)))
      g_ptr_array_add (order, g_strdup (g_ptr_array_index (current_order, i)));

  for (guint i = 0; i < order->len; i++)
    {
      const char *key = g_ptr_array_index (order, i);
      const char *va = g_hash_table_lookup (a, key);
      const char *vb = g_hash_table_lookup (b, key);

      if (g_strcmp0 (va, vb) != 0)
        compare_key (diffs, key, va, vb);
    }
  return g_steal_pointer (&diffs);
}

/**
 * gdnn_report_compare:
 * @today: (nullable): as for gdnn_report_doc_build ()
 * @finalised_at: (out) (optional): when the snapshot was taken, ISO 8601 UTC
 *
 * Compares the report as it was last finalised with the report the data
 * give now.
 *
 * Returns: (transfer container): GdnnReportDiff, or %NULL with
 *   %GDNN_REPORT_ERROR_NOT_FOUND when the report was never finalised
 */
GPtrArray *
gdnn_report_compare (GdnnStore    *store,
                     gint64        unit_id,
                     gint64        plan_id,
                     int           year,
                     const GDate  *today,
                     char        **finalised_at,
                     GError      **error)
{
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *when = NULL;
  g_autofree char *current = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *diffs;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  stmt = gdnn_store_prepare (store,
                             "SELECT snapshot, finalised_at FROM report "
                             "WHERE unit_id = ? AND plan_id = ? AND year = ? AND period = 'year';",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sent = gdnn_column_text (stmt, 0);
      when = gdnn_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }
  if (sent == NULL)
    {
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND,
                   _("The report has not been finalised: there is no sent version to compare with."));
      return NULL;
    }

  if (!(doc = gdnn_report_doc_build (store, unit_id, plan_id, year, today, error)))
    return NULL;
  current = gdnn_report_doc_snapshot (doc);
  diffs = gdnn_report_compare_snapshots (sent, current, error);
  if (diffs != NULL && finalised_at != NULL)
    *finalised_at = g_steal_pointer (&when);
  return diffs;
}
