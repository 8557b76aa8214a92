/* test-ui-late.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A yearly report past its due date and not finalised, at 1366×768 on
 * 8/12/2026 (the demo's 2026 report, due 30/11/2026): the overview, the
 * sidebar and the report page say "Báo cáo năm 2026 đã quá hạn 8 ngày"
 * and the overview stays on 2026; once finalised (the page's action, its
 * question and the folder chooser), the report page and the toast say how
 * late it was and the overview moves on to 2027. PNGs of the overview and
 * the report page. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdnn-plan-overview.h"
#include "gdnn-report-page.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

/* The first mapped label under @root whose whole text is @text. */
static GtkWidget *
find_exact_label (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_exact_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
wait_for_exact_label (GtkWidget  *root,
                      const char *text)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = find_exact_label (root, text)) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  if (label == NULL)
    g_test_message ("no label “%s”", text);
  return label;
}

static GtkWidget *
sidebar_of (GdnnWindow *window)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  gdnn_ui_collect (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (lists->pdata[i], "navigation-sidebar"))
      return lists->pdata[i];
  g_assert_not_reached ();
}

static GtkWidget *
only_child_of_type (GtkWidget *root,
                    GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  gdnn_ui_collect (root, type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static void
wait_for_overview (GdnnWindow *window)
{
  GdnnPlanOverview *overview = GDNN_PLAN_OVERVIEW (only_child_of_type (GTK_WIDGET (window),
                                                                        GDNN_TYPE_PLAN_OVERVIEW));

  for (guint i = 0; i < 500 && gdnn_plan_overview_is_loading (overview); i++)
    gdnn_ui_iterate (20);
  g_assert_false (gdnn_plan_overview_is_loading (overview));
  gdnn_ui_iterate (100);
}

/* Finalise as the user does: the page's action, the question, and the
 * folder chosen in GTK's chooser (what GtkFileChooserNative shows without
 * a portal). */
static void
finalise_as_the_user (GdnnReportPage *page,
                      const char     *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.finalise", NULL));
  dialog = gdnn_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gdnn_ui_iterate (100);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "finalise");
  dialog = gdnn_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), file, &error));
  g_assert_no_error (error);
  gdnn_ui_iterate (200);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gdnn_ui_iterate (300);
}

static void
test_overdue_report (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *final_dir = NULL;
  /* The sentence, as the catalogue says it in Vietnamese. */
  g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %d is %d day overdue",
                                                        "%s %d is %d days overdue", 8),
                                           "Báo cáo năm", 2026, 8);
  g_autofree char *due_text = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                                           "%s (due %s). Finalise it on the Report page."),
                                               late, "30/11/2026");
  g_autofree char *values_2026 = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "indicators have a value for %d"),
                                                  2026);
  g_autofree char *values_2027 = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "indicators have a value for %d"),
                                                  2027);
  GdnnReportPage *page;
  GtkWidget *label, *sidebar, *selected;
  GdnnWindow *window;
  GDate today;

  g_assert_cmpstr (late, ==, "Báo cáo năm 2026 đã quá hạn 8 ngày");

  app = adw_application_new ("vn.gdnn.Report.TestLate", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 8, G_DATE_DECEMBER, 2026);
  gdnn_window_set_today (window, &today);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "overview");
  wait_for_overview (window);

  /* The overview stays on 2026 and says it is late. */
  g_assert_nonnull (wait_for_exact_label (GTK_WIDGET (window), due_text));
  label = find_exact_label (GTK_WIDGET (window), g_dgettext (GETTEXT_PACKAGE, "Overdue"));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "behind"));
  g_assert_nonnull (find_exact_label (GTK_WIDGET (window), values_2026));
  g_assert_null (find_exact_label (GTK_WIDGET (window), values_2027));

  /* The sidebar's plan row says it too. */
  sidebar = sidebar_of (window);
  selected = GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)));
  g_assert_nonnull (selected);
  g_assert_nonnull (find_exact_label (selected, late));
  gdnn_ui_save_png (GTK_WIDGET (window), "late-01-overview-overdue.png");

  /* The report page: its status is the same sentence. */
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (300);
  page = GDNN_REPORT_PAGE (only_child_of_type (GTK_WIDGET (window), GDNN_TYPE_REPORT_PAGE));
  g_assert_nonnull (wait_for_exact_label (GTK_WIDGET (page), late));
  g_assert_nonnull (find_exact_label (GTK_WIDGET (page),
                                      "Hạn nộp là 30/11/2026 nhưng báo cáo vẫn là dự thảo. Hãy kiểm tra, hoàn "
                                      "tất rồi gửi báo cáo."));
  gdnn_ui_save_png (GTK_WIDGET (window), "late-02-report-overdue.png");

  /* Finalised late: the status says by how many days (by the day it was
   * finalised, the real clock), and the sidebar's line goes. */
  final_dir = g_build_filename (dir, "final", NULL);
  g_assert_cmpint (g_mkdir_with_parents (final_dir, 0755), ==, 0);
  finalise_as_the_user (page, final_dir);
  {
    g_autofree char *at = gdnn_test_query_text (store, "SELECT finalised_at FROM report WHERE year = 2026;");
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *when = g_date_time_format (local, "%d/%m/%Y %H:%M");
    GDate day, due;
    int days;
    g_autofree char *title = NULL;
    g_autofree char *toast = NULL;

    g_date_clear (&day, 1);
    g_date_clear (&due, 1);
    g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local), (GDateMonth) g_date_time_get_month (local),
                    (GDateYear) g_date_time_get_year (local));
    g_date_set_dmy (&due, 30, G_DATE_NOVEMBER, 2026);
    days = g_date_days_between (&due, &day);
    g_assert_cmpint (days, >, 0);
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Finalised on %s, %d day late",
                                          "Finalised on %s, %d days late", (gulong) days), when, days);
    g_assert_nonnull (g_strrstr (title, "ngày"));
    g_assert_nonnull (wait_for_exact_label (GTK_WIDGET (page), title));
    /* …and so does the toast. */
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Report finalised %d day late: %s.pdf and %s.xlsx saved",
                                          "Report finalised %d days late: %s.pdf and %s.xlsx saved", (gulong) days),
                             days, "bao-cao_BG-CD01_401-KH-UBND_2026", "bao-cao_BG-CD01_401-KH-UBND_2026");
    g_assert_true (g_str_has_prefix (toast, "Đã hoàn tất báo cáo, trễ "));
    g_assert_nonnull (wait_for_exact_label (GTK_WIDGET (window), toast));
  }
  g_assert_null (find_exact_label (GTK_WIDGET (page), late));
  gdnn_ui_iterate (100);
  g_assert_null (find_exact_label (selected, late));

  /* Back on the overview: the next report, 2027's, 357 days away. */
  gdnn_window_show_page (window, "overview");
  wait_for_overview (window);
  g_assert_nonnull (wait_for_exact_label (GTK_WIDGET (window), values_2027));
  g_assert_nonnull (find_exact_label (GTK_WIDGET (window), "357"));
  g_assert_null (find_exact_label (GTK_WIDGET (window), due_text));

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/late/overdue-report", test_overdue_report);

  return g_test_run ();
}
