/* test-ui-overview.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The overview of a large plan (the benchmark's generator, 60 indicators
 * in groups of 20): its groups are folded, each with its count of values;
 * read again after an edit, the folded groups stay the same rows and take
 * the new counts; once a group was opened (its rows show values), the
 * groups are built anew. PNG of the page. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdnn-bench-data.h"
#include "gdnn-i18n.h"
#include "gdnn-plan-overview.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

#define N_INDICATORS 60
#define PER_GROUP 20

static GPtrArray *
expanders (GtkWidget *overview)
{
  GPtrArray *rows = g_ptr_array_new ();

  gdnn_ui_collect (overview, ADW_TYPE_EXPANDER_ROW, rows);
  return rows;
}

/* Shows another page, removes one 2026 value of the plan's first group as
 * an edit elsewhere would (the change log moves), and comes back. */
static void
edit_elsewhere_and_return (GdnnWindow       *window,
                           GdnnStore        *store,
                           GdnnPlanOverview *overview,
                           guint             nth)
{
  g_autofree char *sql = g_strdup_printf (
    "DELETE FROM value WHERE year = 2026 AND indicator_id = (SELECT i.id FROM indicator i "
    "JOIN plan p ON p.id = i.plan_id WHERE p.number = '%s' ORDER BY i.position LIMIT 1 OFFSET %u);"
    "INSERT INTO change_log (at, who, action, entity, entity_id) VALUES ('2026-11-23T08:00:00', 'test', "
    "'delete', 'value', 0);", GDNN_BENCH_PLAN, nth);

  gdnn_window_show_page (window, "budget");
  gdnn_ui_iterate (100);
  gdnn_test_exec (store, sql);
  gdnn_window_show_page (window, "overview");
  for (guint i = 0; i < 500 && gdnn_plan_overview_is_loading (overview); i++)
    gdnn_ui_iterate (20);
  g_assert_false (gdnn_plan_overview_is_loading (overview));
  gdnn_ui_iterate (100);
}

static void
test_overview_large_plan (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overviews = g_ptr_array_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) rebuilt = NULL;
  g_autofree char *full = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%u/%u indicators have a value"),
                                           PER_GROUP, PER_GROUP);
  g_autofree char *one_less = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%u/%u indicators have a value"),
                                               PER_GROUP - 1, PER_GROUP);
  g_autofree char *two_less = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%u/%u indicators have a value"),
                                               PER_GROUP - 2, PER_GROUP);
  GdnnPlanOverview *overview;
  GdnnWindow *window;
  GDate today;

  g_assert_true (gdnn_bench_populate (store, N_INDICATORS, 10, 20, &error));
  g_assert_no_error (error);
  app = adw_application_new ("vn.gdnn.Report.TestOverview", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  g_assert_true (gdnn_window_select_plan (window, GDNN_BENCH_UNIT, GDNN_BENCH_PLAN));
  gdnn_window_show_page (window, "overview");
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_PLAN_OVERVIEW, overviews);
  g_assert_cmpuint (overviews->len, ==, 1);
  overview = g_ptr_array_index (overviews, 0);
  for (guint i = 0; i < 500 && gdnn_plan_overview_is_loading (overview); i++)
    gdnn_ui_iterate (20);
  gdnn_ui_iterate (200);

  /* Folded groups, each with its count. */
  before = expanders (GTK_WIDGET (overview));
  g_assert_cmpuint (before->len, ==, N_INDICATORS / PER_GROUP);
  for (guint i = 0; i < before->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (before, i);
      GtkWidget *count;

      g_assert_false (adw_expander_row_get_expanded (row));
      g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, full);
      /* The count is shown on one line: a wrapping label there is laid out
       * at some 25 widths whenever the row is measured. */
      count = gdnn_ui_find_label (GTK_WIDGET (row), full);
      g_assert_true (GTK_IS_LABEL (count));
      g_assert_true (gtk_widget_get_mapped (count));
      g_assert_false (gtk_label_get_wrap (GTK_LABEL (count)));
    }

  /* Read again after an edit: the same rows, the first one's count less. */
  edit_elsewhere_and_return (window, store, overview, 0);
  kept = expanders (GTK_WIDGET (overview));
  g_assert_cmpuint (kept->len, ==, before->len);
  for (guint i = 0; i < kept->len; i++)
    g_assert_true (g_ptr_array_index (kept, i) == g_ptr_array_index (before, i));
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (kept, 0)), ==, one_less);
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (kept, 1)), ==, full);

  /* An opened group shows its indicators; the next reload builds the
   * groups anew, with the new count. */
  adw_expander_row_set_expanded (g_ptr_array_index (kept, 0), TRUE);
  gdnn_ui_iterate (300);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (overview), g_dgettext (GETTEXT_PACKAGE, "No value yet")));
  gdnn_ui_save_png (GTK_WIDGET (window), "overview-01-large-plan.png");
  edit_elsewhere_and_return (window, store, overview, 1);
  rebuilt = expanders (GTK_WIDGET (overview));
  g_assert_cmpuint (rebuilt->len, ==, before->len);
  g_assert_true (g_ptr_array_index (rebuilt, 0) != g_ptr_array_index (before, 0));
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (rebuilt, 0)), ==, two_less);

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/overview/large-plan", test_overview_large_plan);

  return g_test_run ();
}
