/* gdnn-cli.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gdnn-cli.h"
#include "gdnn-cli-history.h"
#include "gdnn-cli-summary.h"
#include "gdnn-backup.h"
#include "gdnn-csv-import.h"
#include "gdnn-demo.h"
#include "gdnn-plan-template.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-pdf.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-store.h"
#include "gdnn-submission-import.h"
#include "gdnn-text.h"

/* The commands of DESIGN §5. Each returns 0 on success and prints a clear
 * message on stderr otherwise; the store's transactions guarantee that a
 * failed command leaves the database as it was. */

#define EXPORT_PARAMS "--unit CODE --plan NUMBER --year YYYY [--xlsx OUT] [--pdf OUT]"

typedef int (*CommandFunc) (const char *db_path, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *params;
  const char  *summary;
  int          min_args;
  int          max_args;
  CommandFunc  func;
} Command;

char *
gdnn_cli_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gdnn-report", "gdnn.db", NULL);
}

static int
fail (GError *error)
{
  g_printerr ("gdnn-report: %s\n", error->message);
  g_error_free (error);
  return 1;
}

static GdnnStore *
open_store (const char  *db_path,
            gboolean     create,
            GError     **error)
{
  GdnnStore *store = gdnn_store_open (db_path, create ? GDNN_STORE_OPEN_CREATE : GDNN_STORE_OPEN_DEFAULT, error);
  if (store != NULL)
    gdnn_store_set_user (store, g_get_user_name ());
  return store;
}

static int
cmd_init (const char  *db_path,
          int          argc,
          char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  GError *error = NULL;

  if (!(store = open_store (db_path, TRUE, &error)) || !gdnn_demo_init (store, &error))
    return fail (error);
  g_print (_("Created %s with %lld plans.\n"), db_path, (long long) gdnn_store_count_rows (store, "plan"));
  return 0;
}

static int
cmd_demo (const char  *db_path,
          int          argc,
          char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GError *error = NULL;

  if (!(store = open_store (db_path, TRUE, &error)) ||
      !gdnn_demo_populate (store, g_date_time_get_year (now), &error))
    return fail (error);
  g_print (_("Created %s with sample data (Dữ liệu mẫu): %lld plans, %lld units, %lld values.\n"),
           db_path, (long long) gdnn_store_count_rows (store, "plan"),
           (long long) gdnn_store_count_rows (store, "unit"), (long long) gdnn_store_count_rows (store, "value"));
  return 0;
}

/* Tab-separated output: tabs and newlines inside a field become spaces so
 * that each record stays on one line. */
static void
print_row (const char *first,
           ...)
{
  g_autoptr(GString) line = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  /* va_start is right above; clang 14's va_list model loses it in a for
   * step. NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized) */
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    {
      if (line->len > 0 || field != first)
        g_string_append_c (line, '\t');
      for (const char *p = field; *p; p++)
        g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
    }
  va_end (args);
  g_print ("%s\n", line->str);
}

static const char *
str_or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static int
cmd_list (const char  *db_path,
          int          argc,
          char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  GError *error = NULL;
  const char *what = argv[0];

  if (!g_str_equal (what, "units") && !g_str_equal (what, "plans") &&
      !g_str_equal (what, "indicators") && !g_str_equal (what, "tasks"))
    {
      g_printerr (_("gdnn-report: list what? Use units, plans, indicators or tasks.\n"));
      return 2;
    }

  if (!(store = open_store (db_path, FALSE, &error)))
    return fail (error);

  if (g_str_equal (what, "units"))
    {
      g_autoptr(GPtrArray) units = gdnn_store_list_units (store, &error);
      if (units == NULL)
        return fail (error);
      for (guint i = 0; i < units->len; i++)
        {
          GdnnUnit *u = g_ptr_array_index (units, i);
          g_autoptr(GPtrArray) attached = gdnn_store_list_unit_plans (store, u->id, &error);
          g_autoptr(GString) numbers = g_string_new (NULL);

          if (attached == NULL)
            return fail (error);
          for (guint p = 0; p < attached->len; p++)
            {
              GdnnPlan *plan = g_ptr_array_index (attached, p);
              g_string_append_printf (numbers, "%s%s", p > 0 ? ";" : "", plan->number);
            }
          print_row (str_or_empty (u->code), u->name, gdnn_unit_type_to_string (u->type),
                     str_or_empty (u->parent_code), numbers->str, (const char *) NULL);
        }
      return 0;
    }

  plans = gdnn_store_list_plans (store, &error);
  if (plans == NULL)
    return fail (error);

  for (guint p = 0; p < plans->len; p++)
    {
      GdnnPlan *plan = g_ptr_array_index (plans, p);

      if (g_str_equal (what, "plans"))
        {
          char first[16], last[16];
          g_snprintf (first, sizeof first, "%d", plan->first_year);
          g_snprintf (last, sizeof last, "%d", plan->last_year);
          print_row (plan->number, plan->title, first, last, (const char *) NULL);
        }
      else if (g_str_equal (what, "indicators"))
        {
          g_autoptr(GPtrArray) list = gdnn_store_list_indicators (store, plan->id, &error);
          if (list == NULL)
            return fail (error);
          for (guint i = 0; i < list->len; i++)
            {
              GdnnIndicator *ind = g_ptr_array_index (list, i);
              print_row (plan->number, ind->code, gdnn_measure_to_string (ind->measure), ind->name, (const char *) NULL);
            }
        }
      else
        {
          g_autoptr(GPtrArray) list = gdnn_store_list_tasks (store, plan->id, 0, &error);
          g_autoptr(GPtrArray) progress = NULL;
          g_autoptr(GHashTable) status = g_hash_table_new (g_int64_hash, g_int64_equal);

          if (list == NULL)
            return fail (error);
          /* The status shown is the latest any unit reported for the task. */
          progress = gdnn_store_list_task_progress (store, 0, plan->id, 0, &error);
          if (progress == NULL)
            return fail (error);
          for (guint i = 0; i < progress->len; i++)
            {
              GdnnTaskProgress *tp = g_ptr_array_index (progress, i);
              g_hash_table_insert (status, &tp->task_id, tp);
            }
          for (guint i = 0; i < list->len; i++)
            {
              GdnnTask *t = g_ptr_array_index (list, i);
              GdnnTaskProgress *tp = g_hash_table_lookup (status, &t->id);
              print_row (plan->number, t->code,
                         gdnn_task_status_to_string (tp != NULL ? tp->status : GDNN_TASK_NOT_STARTED),
                         str_or_empty (t->due_date), t->title, (const char *) NULL);
            }
        }
    }
  return 0;
}

static int
cmd_plans (const char  *db_path,
           int          argc,
           char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  GError *error = NULL;
  gint64 id;

  if (!g_str_equal (argv[0], "import") || argc != 2)
    {
      g_printerr (_("gdnn-report: usage: plans import FILE.json\n"));
      return 2;
    }
  if (!(store = open_store (db_path, TRUE, &error)))
    return fail (error);
  id = gdnn_plan_template_import_file (store, argv[1], &error);
  if (id == 0)
    return fail (error);
  plan = gdnn_store_get_plan (store, id, &error);
  if (plan == NULL)
    return fail (error);
  g_print (_("Imported plan %s.\n"), plan->number);
  return 0;
}

static int
cmd_units (const char  *db_path,
           int          argc,
           char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  GError *error = NULL;
  guint n = 0;

  if (!g_str_equal (argv[0], "import") || argc != 2)
    {
      g_printerr (_("gdnn-report: usage: units import FILE.csv\n"));
      return 2;
    }
  if (!(store = open_store (db_path, TRUE, &error)) ||
      !gdnn_units_import_csv (store, argv[1], &n, &error))
    return fail (error);
  g_print (_("Imported %u units.\n"), n);
  return 0;
}

static int
cmd_values (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  GError *error = NULL;

  if (argc != 2 || (!g_str_equal (argv[0], "import") && !g_str_equal (argv[0], "export")))
    {
      g_printerr (_("gdnn-report: usage: values import FILE.csv | values export FILE.csv\n"));
      return 2;
    }
  if (!(store = open_store (db_path, FALSE, &error)))
    return fail (error);

  if (g_str_equal (argv[0], "import"))
    {
      GdnnCsvDialect dialect;
      g_autofree char *how = NULL;
      guint n = 0;

      if (!gdnn_values_import_csv_dialect (store, argv[1], &n, &dialect, &error))
        return fail (error);
      how = gdnn_csv_dialect_describe (&dialect);
      /* Translators: %u is a count, %s how the file writes columns and
       * numbers, e.g. "“;” between columns, “,” as the decimal mark, “.”
       * between thousands: 1.234,5". */
      g_print (_("Imported %u values (the file was read with %s).\n"), n, how);
    }
  else
    {
      g_autofree char *csv = gdnn_values_export_csv (store, &error);
      if (csv == NULL || !g_file_set_contents (argv[1], csv, -1, &error))
        return fail (error);
    }
  return 0;
}

/* backup --list: one tab-separated row per backup, newest first. */
static int
list_backups (const char *db_path)
{
  g_autoptr(GPtrArray) list = gdnn_backup_list (db_path, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const GdnnBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *when = g_date_time_format (info->time, "%Y-%m-%d %H:%M:%S");

      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               when, gdnn_backup_reason_to_string (info->reason), info->size,
               info->n_units, info->n_plans, info->n_values, info->ok ? "ok" : "damaged", info->path);
    }
  return 0;
}

/* backup OUT: a copy anywhere; backup: into the rotation beside the
 * database (reason manual); backup --list. */
static int
cmd_backup (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autofree char *made = NULL;
  GError *error = NULL;

  if (argc == 1 && g_str_equal (argv[0], "--list"))
    return list_backups (db_path);
  if (!(store = open_store (db_path, FALSE, &error)))
    return fail (error);
  if (argc == 1)
    {
      if (!gdnn_store_backup (store, argv[0], &error))
        return fail (error);
      made = g_strdup (argv[0]);
    }
  else if (!gdnn_backup_before (store, GDNN_BACKUP_MANUAL, &made, &error))
    return fail (error);
  g_print (_("Backed up to %s.\n"), made);
  return 0;
}

/* restore IN | --latest: the current file goes into the rotation first
 * (or, when damaged, is kept beside it as FILE.damaged-DATE). */
static int
cmd_restore (const char  *db_path,
             int          argc,
             char       **argv)
{
  g_autoptr(GdnnBackupInfo) latest = NULL;
  const char *from = argv[0];
  GError *error = NULL;

  if (g_str_equal (from, "--latest"))
    {
      latest = gdnn_backup_latest_good (db_path);
      if (latest == NULL)
        {
          g_printerr (_("gdnn-report: there is no good backup of %s.\n"), db_path);
          return 1;
        }
      from = latest->path;
    }
  if (!gdnn_backup_restore (db_path, from, &error))
    return fail (error);
  g_print (_("Restored %s from %s.\n"), db_path, from);
  return 0;
}

static int
cmd_check (const char  *db_path,
           int          argc,
           char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;

  if (!(store = open_store (db_path, FALSE, &error)) || !(problems = gdnn_store_check (store, &error)))
    return fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return 1;
  g_print (_("The database is in good order.\n"));
  return 0;
}

/* export --unit CODE --plan NUMBER --year YYYY [--xlsx OUT] [--pdf OUT]:
 * the yearly report. Warnings (missing values, notes, results) are
 * printed; the files are still written, marked as a draft. Without an
 * output file only the warnings are printed. */
static int
cmd_export (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GdnnReportDoc) doc = NULL;
  const char *unit = NULL, *plan = NULL, *year_text = NULL, *xlsx = NULL, *pdf = NULL;
  GError *error = NULL;
  gint64 year = 0;

  for (int i = 0; i < argc; i++)
    {
      static const char *const names[] = { "--unit", "--plan", "--year", "--xlsx", "--pdf" };
      const char **slots[] = { &unit, &plan, &year_text, &xlsx, &pdf };
      gboolean known = FALSE;

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
          g_printerr (_("gdnn-report: export: unexpected argument “%s”.\n"), argv[i]);
          g_printerr (_("gdnn-report: usage: %s %s\n"), "export", EXPORT_PARAMS);
          return 2;
        }
    }
  if (unit == NULL || plan == NULL || year_text == NULL)
    {
      g_printerr (_("gdnn-report: export needs --unit, --plan and --year.\n"));
      g_printerr (_("gdnn-report: usage: %s %s\n"), "export", EXPORT_PARAMS);
      return 2;
    }
  if (!g_ascii_string_to_signed (year_text, 10, 1990, 2100, &year, NULL))
    {
      g_printerr (_("gdnn-report: “%s” is not a year.\n"), year_text);
      return 2;
    }

  if (!(store = open_store (db_path, FALSE, &error)) ||
      !(doc = gdnn_report_doc_build_by_code (store, unit, plan, (int) year, NULL, &error)) ||
      !gdnn_report_doc_check_exportable (doc, &error))
    return fail (error);

  for (guint i = 0; i < doc->warnings->len; i++)
    {
      GdnnReportWarning *w = g_ptr_array_index (doc->warnings, i);
      /* Translators: a warning printed before the report is exported. */
      g_printerr (_("warning: %s\n"), w->message);
    }
  if ((xlsx != NULL && !gdnn_report_xlsx_write (doc, xlsx, &error)) ||
      (pdf != NULL && !gdnn_report_pdf_export (doc, pdf, &error)))
    return fail (error);
  if (xlsx != NULL || pdf != NULL)
    g_print (doc->draft ? _("Exported the report of %s on %s for %d as a draft.\n")
                        : _("Exported the report of %s on %s for %d.\n"),
             unit, plan, (int) year);
  return 0;
}

#define IMPORT_PARAMS "[--received YYYY-MM-DD] FILE.xlsx…"

/* Takes --received DATE (or --received=DATE) out of @argv. */
static gboolean
take_received (int      *argc,
               char    **argv,
               char    **received_at,
               GError  **error)
{
  int out = 0;

  for (int i = 0; i < *argc; i++)
    {
      const char *value = NULL;

      if (g_str_equal (argv[i], "--received"))
        {
          if (i + 1 >= *argc)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--received needs a date (YYYY-MM-DD)"));
              return FALSE;
            }
          value = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--received="))
        value = argv[i] + strlen ("--received=");
      else
        {
          argv[out++] = argv[i];
          continue;
        }
      g_free (*received_at);
      if (!(*received_at = gdnn_submission_parse_received (value, NULL, error)))
        return FALSE;
    }
  argv[out] = NULL;
  *argc = out;
  return TRUE;
}

static char *
display_date (const char *iso)
{
  GDate date;
  int y = 0, m = 0, d = 0;

  /* NOLINTNEXTLINE(cert-err34-c): widths bound the numbers; the date is checked below. */
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return g_strdup (iso != NULL ? iso : "?");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return gdnn_format_date (&date);
}

/* Reviewer: each file is imported all or nothing; a refused file does not
 * stop the others, but makes the exit status non-zero. The files of a
 * unit count in the reports' own order, whatever the order of import. */
static int
cmd_import (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autofree char *received_at = NULL;
  GError *error = NULL;
  guint refused = 0;

  if (!take_received (&argc, argv, &received_at, &error))
    {
      g_printerr ("gdnn-report: %s\n", error->message);
      g_error_free (error);
      return 2;
    }
  if (argc < 1)
    {
      g_printerr (_("gdnn-report: usage: %s %s\n"), "import", IMPORT_PARAMS);
      return 2;
    }
  if (!(store = open_store (db_path, FALSE, &error)))
    return fail (error);
  paths = gdnn_submission_collect_paths ((const char * const *) argv);
  outcomes = gdnn_submission_import_files_received (store, paths, received_at, NULL, NULL, NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      GdnnImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (!outcome->ok)
        {
          g_printerr ("gdnn-report: %s\n", outcome->message);
          refused++;
        }
      else
        {
          g_print (_("%s: imported the report of %s (%d problems, %d cells edited by hand).\n"),
                   outcome->file_name, outcome->unit_code, outcome->problems, outcome->differences);
          /* Which cells: the data sheet counts, the visible one was changed. */
          for (guint k = 0; outcome->edited_cells != NULL && k < outcome->edited_cells->len; k++)
            g_print ("  %s\n", (const char *) g_ptr_array_index (outcome->edited_cells, k));
          if (outcome->superseded_by != NULL)
            {
              g_autofree char *date = display_date (outcome->report_date);
              g_autofree char *newer = display_date (outcome->superseded_date);

              /* Translators: an older report arrived after the correction: its date, the newer file and its
               * date. */
              g_print (_("  This report (dated %s) is older than “%s” (dated %s), received before it: it is kept in "
                         "the history as replaced and its figures are not used.\n"),
                       date, outcome->superseded_by, newer);
            }
        }
    }
  g_print (_("Imported %u of %u files.\n"), outcomes->len - refused, outcomes->len);
  return refused == 0 ? 0 : 1;
}

static const Command commands[] = {
  { "init", "", N_("Create a new database holding the shipped plan templates only"), 0, 0, cmd_init },
  { "demo", "", N_("Create a database with the shipped plans and sample units and values"), 0, 0, cmd_demo },
  { "list", "units|plans|indicators|tasks", N_("Print tab-separated rows, codes first"), 1, 1, cmd_list },
  { "plans", "import FILE.json", N_("Add a plan from a plan-template file"), 2, 2, cmd_plans },
  { "units", "import FILE.csv", N_("Add or update units from code,name,type,ownership,parent_code,plans"), 2, 2, cmd_units },
  { "values", "import|export FILE.csv", N_("Import or export unit_code,plan,indicator_code,year,numerator,denominator,note"), 2, 2, cmd_values },
  { "backup", "[OUT | --list]", N_("Copy the database to OUT, or into the backups beside it; --list shows them"), 0, 1, cmd_backup },
  { "restore", "IN | --latest", N_("Replace the database by a backup (--latest: the newest good one), keeping the current file as a backup"), 1, 1, cmd_restore },
  { "check", "", N_("Check the database's integrity and consistency"), 0, 0, cmd_check },
  { "export", EXPORT_PARAMS, N_("Export the yearly report of a unit on a plan as XLSX and PDF"), 0, 10, cmd_export },
  { "import", IMPORT_PARAMS, N_("Reviewer: load submitted reports, each file all or nothing; --received: the day they arrived"), 1, G_MAXINT, cmd_import },
  { "summary", GDNN_CLI_SUMMARY_PARAMS, N_("Export the office's summary of the received reports as XLSX, PDF and CSV"), 0, 12, gdnn_cli_summary },
  { "history", GDNN_CLI_HISTORY_PARAMS, N_("Show or export the change log; compare a finalised report with the data"), 1, 12, gdnn_cli_history },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: gdnn-report [--db FILE] [COMMAND [ARGUMENTS…]]"));
  fprintf (out, "%s\n\n", _("Without a command, the window opens."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %-30s %s\n", commands[i].name, commands[i].params, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “gdnn-report COMMAND --help” for a command's help."));
}

/**
 * gdnn_cli_parse_global:
 *
 * Takes --db FILE (or --db=FILE), --help and --version out of @argv,
 * wherever they stand before the command's own arguments.
 */
gboolean
gdnn_cli_parse_global (int     *argc,
                       char  ***argv,
                       char   **db_path,
                       GError **error)
{
  int out = 1;

  *db_path = NULL;
  for (int i = 1; i < *argc; i++)
    {
      char *arg = (*argv)[i];

      if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= *argc)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--db needs a file name"));
              return FALSE;
            }
          g_free (*db_path);
          *db_path = g_strdup ((*argv)[++i]);
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          g_free (*db_path);
          *db_path = g_strdup (arg + 5);
        }
      else
        (*argv)[out++] = arg;
    }
  (*argv)[out] = NULL;
  *argc = out;
  return TRUE;
}

/**
 * gdnn_cli_run:
 * @argv: the command and its arguments (argv[0] is the command)
 *
 * Returns: the process exit status.
 */
int
gdnn_cli_run (const char  *db_path,
              int          argc,
              char       **argv)
{
  g_return_val_if_fail (db_path != NULL, 2);

  if (argc < 1 || g_str_equal (argv[0], "--help") || g_str_equal (argv[0], "-h") ||
      g_str_equal (argv[0], "help"))
    {
      print_usage (stdout);
      return argc < 1 ? 2 : 0;
    }
  if (g_str_equal (argv[0], "--version"))
    {
      g_print ("gdnn-report %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *cmd = &commands[i];
      int nargs = argc - 1;

      if (!g_str_equal (argv[0], cmd->name))
        continue;

      for (int a = 1; a < argc; a++)
        if (g_str_equal (argv[a], "--help") || g_str_equal (argv[a], "-h"))
          {
            g_print ("%s\n  gdnn-report [--db FILE] %s %s\n\n%s\n", _("Usage:"), cmd->name, cmd->params,
                     _(cmd->summary));
            g_print ("\n%s\n", _("--db FILE    the database (default: the user's data folder)"));
            return 0;
          }

      if (nargs < cmd->min_args || nargs > cmd->max_args)
        {
          g_printerr (_("gdnn-report: usage: %s %s\n"), cmd->name, cmd->params);
          return 2;
        }
      return cmd->func (db_path, nargs, argv + 1);
    }

  g_printerr (_("gdnn-report: unknown command “%s”.\n"), argv[0]);
  print_usage (stderr);
  return 2;
}
