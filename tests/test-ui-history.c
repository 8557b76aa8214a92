/* test-ui-history.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The change history in the real window on the demo database: a value
 * edited twice on the values page, then Ctrl+H's action on its cell lists
 * both edits with who made them and exports them; the report, finalised
 * and then changed, compared with what was sent; the main menu's Change
 * Log. PNGs are saved for review. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-demo.h"
#include "gdnn-history-window.h"
#include "gdnn-history.h"
#include "gdnn-i18n.h"
#include "gdnn-report-page.h"
#include "gdnn-store-private.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

static GdnnHistoryWindow *
find_history_window (void)
{
  GdnnHistoryWindow *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GDNN_IS_HISTORY_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static GdnnHistoryWindow *
wait_for_history_window (void)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GdnnHistoryWindow *w = NULL;

  while ((w = find_history_window ()) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  g_assert_nonnull (w);
  gdnn_ui_iterate (300);
  return w;
}

static void
close_history_window (GdnnHistoryWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w));
  gdnn_ui_iterate (100);
  g_assert_null (find_history_window ());
}

static void
type_and_activate (GtkWidget  *entry,
                   const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  gdnn_ui_iterate (100);
}

static void
test_history_window (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *final_dir = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GFile) file = NULL;
  GdnnHistoryWindow *history;
  GdnnReportPage *report_page;
  GtkWidget *values_page;
  GtkWidget *numerator;
  GdnnWindow *window;
  GDate today;

  store = gdnn_ui_open_demo_store (&dir);
  app = adw_application_new ("vn.gdnn.Report.TestHistory", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  gdnn_ui_iterate (300);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "values");
  gdnn_ui_iterate (800);

  /* Two edits of I.2.a.1's numerator by Lan, in its cell. */
  values_page = GTK_WIDGET (gdnn_window_get_values_page (window));
  gdnn_ui_collect (values_page, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >=, 3);
  numerator = g_ptr_array_index (entries, 0);
  gdnn_store_set_user (store, "Nguyễn Thị Lan");
  type_and_activate (numerator, "45");
  type_and_activate (numerator, "48");
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'value' "
                                               "AND who = 'Nguyễn Thị Lan';"), ==, 2);

  /* The page's History action (Ctrl+H) on the focused cell. */
  gtk_widget_grab_focus (numerator);
  g_assert_true (gtk_widget_activate_action (values_page, "values.history", NULL));
  history = wait_for_history_window ();
  g_assert_nonnull (gdnn_history_window_get_entries (history));
  g_assert_cmpuint (gdnn_history_window_get_entries (history)->len, >=, 3);
  g_assert_cmpuint (gdnn_history_window_get_n_rows (history), ==, gdnn_history_window_get_entries (history)->len);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (history), "I.2.a.1 · 2026"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (history), "45 → 48"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (history), "Nguyễn Thị Lan"));
  /* Only this value: no other indicator's code. */
  g_assert_null (gdnn_ui_find_label (GTK_WIDGET (history), "I.2.a.2"));
  gdnn_ui_save_png (GTK_WIDGET (history), "history-01-value.png");

  /* Export… writes the changes listed, one CSV row per changed field. */
  csv_path = g_build_filename (dir, "value-history.csv", NULL);
  file = g_file_new_for_path (csv_path);
  g_assert_true (gdnn_history_window_export_to (history, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_true (g_str_has_prefix (csv, "at,who,action,entity,entity_id,field,old,new\r\n"));
  g_assert_nonnull (strstr (csv, ",Nguyễn Thị Lan,update,value,"));
  g_assert_nonnull (strstr (csv, ",numerator,45,48\r\n"));
  close_history_window (history);

  /* Focus outside the rows: every value of the year. */
  {
    g_autoptr(GPtrArray) searches = g_ptr_array_new ();

    gdnn_ui_collect (values_page, GTK_TYPE_SEARCH_ENTRY, searches);
    g_assert_cmpuint (searches->len, ==, 1);
    gtk_widget_grab_focus (g_ptr_array_index (searches, 0));
    g_assert_true (gtk_widget_activate_action (values_page, "values.history", NULL));
    history = wait_for_history_window ();
    g_assert_cmpuint (gdnn_history_window_get_entries (history)->len, >, 3);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (history), "I.2.a.2"));
    close_history_window (history);
  }

  /* The report: finalised, then a value changes; the comparison lists it. */
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (1000);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REPORT_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  report_page = g_ptr_array_index (pages, 0);
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (gdnn_report_page_is_busy (report_page) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  final_dir = g_build_filename (dir, "final", NULL);
  g_assert_cmpint (g_mkdir_with_parents (final_dir, 0755), ==, 0);
  gdnn_report_page_finalise (report_page, final_dir, &error);
  g_assert_no_error (error);
  gdnn_ui_iterate (300);

  /* Nothing changed yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_page), "page.compare", NULL));
  history = wait_for_history_window ();
  g_assert_cmpuint (gdnn_history_window_get_n_rows (history), ==, 0);
  g_assert_null (gdnn_history_window_get_entries (history));
  gdnn_ui_save_png (GTK_WIDGET (history), "history-02-compare-same.png");
  close_history_window (history);

  gdnn_window_show_page (window, "values");
  gdnn_ui_iterate (800);
  g_ptr_array_set_size (entries, 0);
  gdnn_ui_collect (values_page, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >=, 3);
  numerator = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (numerator)), ==, "48");
  type_and_activate (numerator, "51");
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_page), "page.compare", NULL));
  history = wait_for_history_window ();
  g_assert_cmpuint (gdnn_history_window_get_n_rows (history), ==, 1);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (history), "I.2.a.1"));
  {
    g_autofree char *change = g_strdup_printf ("%s: 48 → 51", g_dgettext (GETTEXT_PACKAGE, "Numerator"));
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (history), change));
  }
  gdnn_ui_save_png (GTK_WIDGET (history), "history-03-compare.png");
  close_history_window (history);

  /* The report's own history holds the finalisation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_page), "page.history", NULL));
  history = wait_for_history_window ();
  g_assert_cmpuint (gdnn_history_window_get_n_rows (history), >=, 1);
  g_assert_cmpstr (((GdnnHistoryEntry *) g_ptr_array_index (gdnn_history_window_get_entries (history), 0))->entity,
                   ==, "report");
  close_history_window (history);

  /* The main menu's Change Log: the whole database, newest first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-log", NULL));
  history = wait_for_history_window ();
  g_assert_cmpuint (gdnn_history_window_get_entries (history)->len, ==,
                    gdnn_test_query_int (store, "SELECT count(*) FROM change_log;"));
  g_assert_cmpuint (gdnn_history_window_get_n_rows (history), ==,
                    MIN (400, gdnn_history_window_get_entries (history)->len));
  gdnn_ui_save_png (GTK_WIDGET (history), "history-04-log.png");
  close_history_window (history);

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/history/window", test_history_window);

  return g_test_run ();
}
