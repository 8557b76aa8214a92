/* gdnn-cli-history.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-cli-history.h"
#include "gdnn-history.h"
#include "gdnn-report-compare.h"
#include "gdnn-report-doc.h"
#include "gdnn-store.h"
#include "gdnn-text.h"

/* history export OUT.csv [--from DATE] [--to DATE]: the change log as CSV
 * (docs/change-log-format.md).
 * history show --unit CODE --plan NUMBER (--indicator CODE | --task CODE |
 * --report) --year YYYY: who changed a value, a task or a report, newest
 * first, one change per line.
 * history compare --unit CODE --plan NUMBER --year YYYY: what changed in
 * a finalised report since it was sent. */

typedef struct
{
  const char *unit;
  const char *plan;
  const char *indicator;
  const char *task;
  const char *year;
  const char *from;
  const char *to;
  const char *period;
  gboolean    report;
} Options;

static int
fail (GError *error)
{
  g_printerr ("gdnn-report: %s\n", error->message);
  g_error_free (error);
  return 1;
}

static int
usage (void)
{
  g_printerr (_("gdnn-report: usage: %s %s\n"), "history", GDNN_CLI_HISTORY_PARAMS);
  return 2;
}

static gboolean
parse_options (int       argc,
               char    **argv,
               Options  *o)
{
  static const char *const names[] = { "--unit", "--plan", "--indicator", "--task", "--year", "--from", "--to",
                                        "--period" };
  const char **slots[] = { &o->unit, &o->plan, &o->indicator, &o->task, &o->year, &o->from, &o->to, &o->period };

  for (int i = 0; i < argc; i++)
    {
      gboolean known = FALSE;

      if (g_str_equal (argv[i], "--report"))
        {
          o->report = TRUE;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (names) && !known; k++)
        {
          gsize len = strlen (names[k]);

          if (g_str_equal (argv[i], names[k]) && i + 1 < argc)
            {
              *slots[k] = argv[++i];
              known = TRUE;
            }
          else if (strncmp (argv[i], names[k], len) == 0 && argv[i][len] == '=')
            {
              *slots[k] = argv[i] + len + 1;
              known = TRUE;
            }
        }
      if (!known)
        {
          g_printerr (_("gdnn-report: history: unexpected argument “%s”.\n"), argv[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (date, 1);
  if (!gdnn_parse_date (text, date, &error))
    {
      g_printerr ("gdnn-report: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
history_export (const char *db_path,
                const char *out,
                Options    *o)
{
  g_autoptr(GdnnStore) store = NULL;
  GDate from, to;
  GError *error = NULL;
  guint rows = 0;

  if ((o->from != NULL && !parse_day (o->from, &from)) || (o->to != NULL && !parse_day (o->to, &to)))
    return 2;
  if (!(store = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, &error)) ||
      !gdnn_history_export_csv_file (store, out, o->from != NULL ? &from : NULL, o->to != NULL ? &to : NULL,
                                     &rows, &error))
    return fail (error);
  /* Translators: %u is a number of CSV rows, %s a file name. */
  g_print (_("Wrote %u changed fields to %s.\n"), rows, out);
  return 0;
}

/* Resolves --unit, --plan and --year. */
static gboolean
find_keys (GdnnStore  *store,
           Options    *o,
           GdnnUnit  **unit,
           GdnnPlan  **plan,
           int        *year,
           GError    **error)
{
  gint64 y = 0;

  if (o->unit == NULL || o->plan == NULL || o->year == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("history needs --unit, --plan and --year."));
      return FALSE;
    }
  if (!g_ascii_string_to_signed (o->year, 10, 1990, 2100, &y, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not a year."), o->year);
      return FALSE;
    }
  *year = (int) y;
  if (!(*unit = gdnn_store_find_unit_by_code (store, o->unit, error)))
    {
      if (error != NULL && *error == NULL)
        /* Translators: %s is a unit code. */
        g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND, _("There is no unit with the code “%s”."),
                     o->unit);
      return FALSE;
    }
  if (!(*plan = gdnn_store_find_plan (store, o->plan, error)))
    {
      if (error != NULL && *error == NULL)
        /* Translators: %s is a plan number such as 401/KH-UBND. */
        g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND, _("There is no plan numbered “%s”."),
                     o->plan);
      return FALSE;
    }
  return TRUE;
}

static gint64
find_task (GdnnStore   *store,
           gint64       plan_id,
           gint64       unit_id,
           const char  *code,
           GError     **error)
{
  g_autoptr(GPtrArray) tasks = gdnn_store_list_tasks (store, plan_id, unit_id, error);

  if (tasks == NULL)
    return 0;
  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      if (g_str_equal (t->code, code))
        return t->id;
    }
  /* Translators: %s is a task code. */
  g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND, _("There is no task “%s” in the plan."), code);
  return 0;
}

static int
history_show (const char *db_path,
              Options    *o)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;
  int year = 0;

  if ((o->indicator != NULL) + (o->task != NULL) + (o->report ? 1 : 0) != 1)
    {
      g_printerr (_("gdnn-report: history show needs one of --indicator, --task or --report.\n"));
      return usage ();
    }
  if (!(store = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, &error)) ||
      !find_keys (store, o, &unit, &plan, &year, &error))
    return fail (error);

  if (o->indicator != NULL)
    {
      g_autoptr(GdnnIndicator) ind = gdnn_store_find_indicator (store, plan->id, o->indicator, &error);

      if (ind == NULL)
        {
          if (error == NULL)
            /* Translators: the first %s is an indicator code, the second a plan number. */
            g_set_error (&error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND,
                         _("There is no indicator “%s” in plan %s."), o->indicator, plan->number);
          return fail (error);
        }
      entries = gdnn_history_for_value (store, unit->id, ind->id, year, o->period, &error);
    }
  else if (o->task != NULL)
    {
      gint64 task_id = find_task (store, plan->id, unit->id, o->task, &error);

      if (task_id == 0)
        return fail (error);
      entries = gdnn_history_for_task (store, task_id, unit->id, year, &error);
    }
  else
    entries = gdnn_history_for_report (store, unit->id, plan->id, year, &error);
  if (entries == NULL)
    return fail (error);

  for (guint i = 0; i < entries->len; i++)
    {
      GdnnHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *what = gdnn_history_entry_describe (e, FALSE);
      /* Translators: marks a change that reverted an earlier one (Ctrl+Z). */
      g_autofree char *action = e->undo_of != 0 ? g_strdup_printf (_("%s (undo)"), gdnn_history_action_label (e->action))
                                                : g_strdup (gdnn_history_action_label (e->action));

      g_print ("%s\t%s\t%s\t%s\t%s\n", e->when, e->who, action, e->subject, what);
    }
  if (entries->len == 0)
    g_print ("%s\n", _("No change was recorded."));
  return 0;
}

static int
history_compare (const char *db_path,
                 Options    *o)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autofree char *finalised_at = NULL;
  GError *error = NULL;
  int year = 0;

  if (!(store = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, &error)) ||
      !find_keys (store, o, &unit, &plan, &year, &error) ||
      !(diffs = gdnn_report_compare (store, unit->id, plan->id, year, NULL, &finalised_at, &error)))
    return fail (error);
  for (guint i = 0; i < diffs->len; i++)
    {
      g_autofree char *line = gdnn_report_diff_describe (g_ptr_array_index (diffs, i));
      g_print ("%s\n", line);
    }
  if (diffs->len == 0)
    g_print ("%s\n", _("The report the data give now is the one that was sent."));
  return 0;
}

int
gdnn_cli_history (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  Options o = { 0 };
  const char *what = argv[0];

  if (g_str_equal (what, "export"))
    {
      if (argc < 2 || g_str_has_prefix (argv[1], "--") || !parse_options (argc - 2, argv + 2, &o))
        return usage ();
      return history_export (db_path, argv[1], &o);
    }
  if (!parse_options (argc - 1, argv + 1, &o))
    return usage ();
  if (g_str_equal (what, "show"))
    return history_show (db_path, &o);
  if (g_str_equal (what, "compare"))
    return history_compare (db_path, &o);
  return usage ();
}
