/* test-ui.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Starts the real window on the demo database under Xvfb, selects a
 * unit's plan through the sidebar, checks what the overview shows and
 * saves a PNG of the window for review. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"
#include "gdnn-value-row.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

static void
test_window_overview (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GdnnWindow *window;
  GDate today;

  store = gdnn_ui_open_demo_store (&dir);

  app = adw_application_new ("vn.gdnn.Report.Test", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_ui_iterate (500);

  /* The sample-data banner is shown for the demo database. */
  g_assert_nonnull (gdnn_ui_wait_for_label (GTK_WIDGET (window), "Dữ liệu mẫu"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang"));
  gdnn_ui_save_png (GTK_WIDGET (window), "01-start.png");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_ui_iterate (500);

  /* Bắc Giang's yearly report is due 30/11: 7 days from 23/11/2026. */
  g_assert_nonnull (gdnn_ui_wait_for_label (GTK_WIDGET (window), "30/11/2026"));
  {
    GtkWidget *days = gdnn_ui_find_label (GTK_WIDGET (window), "7");
    g_assert_nonnull (days);
  }
  /* Targets as the plan sets them, and the 2026 values. */
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), "I.2.a.1 · 2025: 50% · 2030: 100%"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), "2026"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), g_dgettext (GETTEXT_PACKAGE, "Late tasks")));
  gdnn_ui_save_png (GTK_WIDGET (window), "02-overview-401.png");

  /* The value form: edit I.2.a.1's numerator through its entry. */
  gdnn_window_show_page (window, "values");
  gdnn_ui_iterate (500);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    const char *value_sql =
      "SELECT v.numerator * 1000 + v.denominator FROM value v JOIN unit u ON u.id = v.unit_id "
      "JOIN indicator i ON i.id = v.indicator_id JOIN plan p ON p.id = i.plan_id "
      "WHERE u.code = 'BG-CD01' AND p.number = '401/KH-UBND' AND i.code = 'I.2.a.1' AND v.year = 2026;";
    gint64 log_before = gdnn_test_query_int (store, "SELECT count(*) FROM change_log;");
    gint64 before = gdnn_test_query_int (store, value_sql);
    GtkWidget *numerator, *denominator;

    gdnn_ui_collect (GTK_WIDGET (gdnn_window_get_values_page (window)), GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, >=, 3);
    numerator = g_ptr_array_index (entries, 0);
    denominator = g_ptr_array_index (entries, 1);
    gdnn_ui_save_png (GTK_WIDGET (window), "05-values.png");

    /* 140 of the stored denominator: on track, saved at once. */
    gtk_editable_set_text (GTK_EDITABLE (denominator), "200");
    g_signal_emit_by_name (denominator, "activate");
    gtk_editable_set_text (GTK_EDITABLE (numerator), "140");
    g_signal_emit_by_name (numerator, "activate");
    gdnn_ui_iterate (200);
    g_assert_cmpint (gdnn_test_query_int (store, value_sql), ==, 140 * 1000 + 200);
    g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log;"), ==, log_before + 2);
    g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'value' "
                                       "AND action = 'update' AND json_extract (new, '$.numerator') = 140;"), ==, 1);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), "70%"));

    /* A numerator above the denominator is refused beside the row. */
    gtk_editable_set_text (GTK_EDITABLE (numerator), "500");
    g_signal_emit_by_name (numerator, "activate");
    gdnn_ui_iterate (200);
    g_assert_cmpint (gdnn_test_query_int (store, value_sql), ==, 140 * 1000 + 200);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window),
                                  g_dgettext (GETTEXT_PACKAGE, "The numerator cannot be larger than the denominator.")));
    gdnn_ui_save_png (GTK_WIDGET (window), "06-values-refused.png");

    /* The search box finds "Đào tạo" from "dao tao"; the Indicator column
     * sorts the rows in Vietnamese order. */
    {
      g_autoptr(GPtrArray) views = g_ptr_array_new ();
      g_autoptr(GPtrArray) searches = g_ptr_array_new ();
      GtkColumnView *view;
      GListModel *model;
      guint all, found;

      gdnn_ui_collect (GTK_WIDGET (gdnn_window_get_values_page (window)), GTK_TYPE_COLUMN_VIEW, views);
      gdnn_ui_collect (GTK_WIDGET (gdnn_window_get_values_page (window)), GTK_TYPE_SEARCH_ENTRY, searches);
      g_assert_cmpuint (views->len, ==, 1);
      g_assert_cmpuint (searches->len, ==, 1);
      view = g_ptr_array_index (views, 0);
      model = G_LIST_MODEL (gtk_column_view_get_model (view));
      all = g_list_model_get_n_items (model);

      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (searches, 0)), "dao tao");
      gdnn_ui_iterate (400);
      found = g_list_model_get_n_items (model);
      g_assert_cmpuint (found, >, 0);
      g_assert_cmpuint (found, <, all);
      for (guint i = 0; i < found; i++)
        {
          g_autoptr(GdnnValueRow) row = g_list_model_get_item (model, i);
          g_autofree char *name = g_utf8_casefold (gdnn_value_row_get_indicator (row)->name, -1);
          g_assert_nonnull (strstr (name, "đào tạo"));
        }
      gdnn_ui_save_png (GTK_WIDGET (window), "07-values-search.png");
      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (searches, 0)), "");
      gdnn_ui_wait_for_n_items (model, all);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

      gtk_column_view_sort_by_column (view, g_list_model_get_item (gtk_column_view_get_columns (view), 1),
                                      GTK_SORT_ASCENDING);
      g_object_unref (g_list_model_get_item (gtk_column_view_get_columns (view), 1));
      gdnn_ui_iterate (200);
      for (guint i = 1; i < all; i++)
        {
          g_autoptr(GdnnValueRow) a = g_list_model_get_item (model, i - 1);
          g_autoptr(GdnnValueRow) b = g_list_model_get_item (model, i);
          g_assert_cmpint (gdnn_collate (gdnn_value_row_get_indicator (a)->name,
                                         gdnn_value_row_get_indicator (b)->name), <=, 0);
        }
      gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
      gdnn_ui_iterate (200);
    }

    /* Ctrl+Z (the page's undo action) twice: back to the stored value. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gdnn_window_get_values_page (window)), "values.undo", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gdnn_window_get_values_page (window)), "values.undo", NULL));
    gdnn_ui_iterate (200);
    g_assert_cmpint (gdnn_test_query_int (store, value_sql), ==, before);

    /* A value behind its track is stored at once, its row flagged as
     * needing an explanation; the flag shows whole in the narrow status
     * column, whose cell asks for as many lines as its text needs. */
    {
      g_autofree char *percent = gdnn_format_percent (60, 1);
      g_autofree char *track = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Behind (expected %s)"), percent);
      g_autofree char *message = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s; needs an explanation"), track);
      GtkWidget *note = g_ptr_array_index (entries, 2), *cell;

      gtk_editable_set_text (GTK_EDITABLE (note), "");
      g_signal_emit_by_name (note, "activate");
      gtk_editable_set_text (GTK_EDITABLE (numerator), "1");
      g_signal_emit_by_name (numerator, "activate");
      cell = gdnn_ui_wait_for_label (GTK_WIDGET (gdnn_window_get_values_page (window)), message);
      g_assert_nonnull (cell);
      g_assert_true (GTK_IS_INSCRIPTION (cell));
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), ==, message);
      g_assert_cmpuint (gtk_inscription_get_nat_lines (GTK_INSCRIPTION (cell)), >=, 2);
      g_assert_cmpint (gdnn_test_query_int (store, value_sql), ==, 1 * 1000 + before % 1000);
      gdnn_ui_save_png (GTK_WIDGET (window), "08-values-explanation.png");
    }
  }
  gdnn_window_show_page (window, "overview");

  /* Every page fits a narrow window: none asks for more than 400 px, or the
   * window could not fold down to a small screen. */
  {
    g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
    AdwViewStack *stack;
    g_autoptr(GtkSelectionModel) pages = NULL;

    gdnn_ui_collect (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, stacks);
    g_assert_cmpuint (stacks->len, ==, 1);
    stack = g_ptr_array_index (stacks, 0);
    pages = adw_view_stack_get_pages (stack);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 5);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
      {
        g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
        int minimum = 0;

        gdnn_window_show_page (window, adw_view_stack_page_get_name (page));
        gdnn_ui_iterate (300);
        gtk_widget_measure (adw_view_stack_page_get_child (page), GTK_ORIENTATION_HORIZONTAL, -1,
                            &minimum, NULL, NULL, NULL);
        g_test_message ("page %s: minimum width %d", adw_view_stack_page_get_name (page), minimum);
        g_assert_cmpint (minimum, <=, 400);
      }
    gdnn_window_show_page (window, "overview");
  }

  /* A narrow window folds the sidebar away and still shows the overview. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gdnn_ui_iterate (500);
  gdnn_ui_save_png (GTK_WIDGET (window), "03-narrow.png");

  g_assert_true (gdnn_window_select_plan (window, "BK-CD01", "206/KH-UBND"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gdnn_ui_iterate (500);
  /* Bắc Kạn's plan covers 2023 only: no report is due any more, and the
   * college sees its own enrolment target (340) beside the plan's 6.000. */
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window),
                                g_dgettext (GETTEXT_PACKAGE, "The plan has ended; no report is due")));
  g_assert_null (gdnn_ui_find_label (GTK_WIDGET (window), "15/12/2026"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), "I.2.1 · 2023: 6.000 người · 2023"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), ": 340 người"));
  gdnn_ui_save_png (GTK_WIDGET (window), "04-overview-bac-kan.png");

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/overview", test_window_overview);

  return g_test_run ();
}
