/* gdnn-cli-summary.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-cli-summary.h"
#include "gdnn-review.h"
#include "gdnn-store.h"
#include "gdnn-summary-doc.h"
#include "gdnn-summary-pdf.h"
#include "gdnn-summary-xlsx.h"

/* summary --plan NUMBER --year YYYY [--office CODE] [--xlsx OUT] [--pdf OUT]
 * [--csv OUT] (DESIGN §5): the office totals from the received reports. */

static int
fail (GError *error)
{
  g_printerr ("gdnn-report: %s\n", error->message);
  g_error_free (error);
  return 1;
}

int
gdnn_cli_summary (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GdnnUnit) office = NULL;
  g_autoptr(GdnnAggregate) aggregate = NULL;
  g_autoptr(GPtrArray) status = NULL;
  g_autoptr(GdnnSummaryDoc) doc = NULL;
  const char *plan_number = NULL, *year_text = NULL, *office_code = NULL;
  const char *xlsx = NULL, *pdf = NULL, *csv = NULL;
  GError *error = NULL;
  gint64 year = 0;

  for (int i = 0; i < argc; i++)
    {
      static const char *const names[] = { "--plan", "--year", "--office", "--xlsx", "--pdf", "--csv" };
      const char **slots[] = { &plan_number, &year_text, &office_code, &xlsx, &pdf, &csv };
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
          g_printerr (_("gdnn-report: summary: unexpected argument “%s”.\n"), argv[i]);
          g_printerr (_("gdnn-report: usage: %s %s\n"), "summary", GDNN_CLI_SUMMARY_PARAMS);
          return 2;
        }
    }
  if (plan_number == NULL || year_text == NULL)
    {
      g_printerr (_("gdnn-report: summary needs --plan and --year.\n"));
      g_printerr (_("gdnn-report: usage: %s %s\n"), "summary", GDNN_CLI_SUMMARY_PARAMS);
      return 2;
    }
  if (xlsx == NULL && pdf == NULL && csv == NULL)
    {
      g_printerr (_("gdnn-report: summary needs at least one of --xlsx, --pdf and --csv.\n"));
      return 2;
    }
  if (!g_ascii_string_to_signed (year_text, 10, 1990, 2100, &year, NULL))
    {
      g_printerr (_("gdnn-report: “%s” is not a year.\n"), year_text);
      return 2;
    }

  if (!(store = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  if (!(plan = gdnn_store_find_plan (store, plan_number, &error)))
    {
      if (error != NULL)
        return fail (error);
      g_printerr (_("gdnn-report: there is no plan “%s”.\n"), plan_number);
      return 1;
    }
  if (office_code != NULL)
    {
      if (!(office = gdnn_store_find_unit_by_code (store, office_code, &error)))
        {
          if (error != NULL)
            return fail (error);
          g_printerr (_("gdnn-report: there is no unit “%s”.\n"), office_code);
          return 1;
        }
    }
  if (!(aggregate = gdnn_review_aggregate (store, office != NULL ? office->id : 0, plan->id, (int) year, &error)))
    return fail (error);
  /* Section I's counts; without them every unit that sent counts. */
  status = gdnn_review_list_status (store, office != NULL ? office->id : 0, plan->id, (int) year, NULL, NULL, &error);
  if (status == NULL)
    return fail (error);
  g_ptr_array_set_free_func (status, (GDestroyNotify) gdnn_submission_status_free);

  doc = gdnn_summary_doc_new (office, plan, aggregate, status, NULL);
  if ((xlsx != NULL && !gdnn_summary_xlsx_write (doc, xlsx, &error)) ||
      (pdf != NULL && !gdnn_summary_pdf_write (doc, pdf, &error)) ||
      (csv != NULL && !gdnn_summary_csv_write (doc, csv, &error)))
    return fail (error);
  g_print (_("Wrote the summary of %s for %d from %u units.\n"), plan->number, (int) year, doc->units->len);
  return 0;
}
