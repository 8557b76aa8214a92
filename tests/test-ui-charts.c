/* test-ui-charts.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Charts page of the real window on the demo database under Xvfb:
 * the three chart widgets are shown with their text alternatives, the
 * indicator drop-down changes the indicator chart, and PNGs are saved
 * for review. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-app-util.h"
#include "gdnn-chart-view.h"
#include "gdnn-charts-page.h"
#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

static void
test_window_charts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autofree char *first_description = NULL;
  GdnnChartView *indicator_view;
  GtkDropDown *dropdown = NULL;
  GdnnWindow *window;
  GDate today;

  store = gdnn_ui_open_demo_store (&dir);

  app = adw_application_new ("vn.gdnn.Report.TestCharts", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  gdnn_ui_iterate (300);

  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "charts");
  /* The charts' data are read in a worker thread. */
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_CHARTS_PAGE, pages);
    g_assert_cmpuint (pages->len, ==, 1);
    for (guint i = 0; i < 250 && gdnn_charts_page_is_loading (g_ptr_array_index (pages, 0)); i++)
      gdnn_ui_iterate (20);
    g_assert_false (gdnn_charts_page_is_loading (g_ptr_array_index (pages, 0)));
  }
  gdnn_ui_iterate (1500);

  /* Three charts are on screen, each with a text alternative naming its
   * data, as the accessible description and the tooltip. */
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 3);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);
      const char *description = gdnn_chart_view_get_description (GDNN_CHART_VIEW (view));
      const char *tooltip = gdnn_widget_get_tooltip (view);

      g_assert_true (gtk_widget_get_mapped (view));
      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >, 20);
      g_assert_cmpstr (tooltip, ==, description);
      g_assert_true (gtk_widget_get_has_tooltip (view));
      g_assert_cmpint (gtk_widget_get_height (view), >, 60);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);
    }
  indicator_view = g_ptr_array_index (views, 0);
  g_assert_nonnull (gdnn_chart_view_get_indicator_chart (indicator_view));
  g_assert_nonnull (gdnn_chart_view_get_plan_chart (g_ptr_array_index (views, 1)));
  g_assert_nonnull (gdnn_chart_view_get_task_chart (g_ptr_array_index (views, 2)));
  /* The first indicator by code, and every indicator in the bars. */
  g_assert_true (g_str_has_prefix (gdnn_chart_view_get_description (indicator_view), "Chỉ tiêu I.2.a.1"));
  g_assert_nonnull (strstr (gdnn_chart_view_get_description (g_ptr_array_index (views, 1)), "I.2.d.5:"));
  g_assert_nonnull (strstr (gdnn_chart_view_get_description (g_ptr_array_index (views, 2)), "Hoàn thành:"));
  /* The bars chart is as tall as the renderer needs at its width. */
  {
    GdnnChartStyle style;
    GtkWidget *bars = g_ptr_array_index (views, 1);
    gdnn_chart_view_get_style (GDNN_CHART_VIEW (bars), &style);
    g_assert_cmpint (gtk_widget_get_height (bars), ==,
                     (int) ceil (gdnn_plan_chart_natural_height (gdnn_chart_view_get_plan_chart (GDNN_CHART_VIEW (bars)),
                                                                 &style, gtk_widget_get_width (bars))));
  }
  gdnn_ui_save_png (GTK_WIDGET (window), "20-charts.png");
  {
    /* Scrolled down to the bars and the tasks. */
    GtkWidget *scrolled = gtk_widget_get_ancestor (g_ptr_array_index (views, 1), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    gdnn_ui_iterate (1000);
    gdnn_ui_save_png (GTK_WIDGET (window), "21-charts-bottom.png");
    gtk_adjustment_set_value (adj, 0);
  }

  /* Another indicator from the drop-down. */
  first_description = g_strdup (gdnn_chart_view_get_description (indicator_view));
  gdnn_ui_collect (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (dropdowns, i),
                                gtk_widget_get_ancestor (GTK_WIDGET (indicator_view), ADW_TYPE_CLAMP)))
      dropdown = g_ptr_array_index (dropdowns, i);
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), >, 3);
  gtk_drop_down_set_selected (dropdown, 2);
  gdnn_ui_iterate (1000);
  g_assert_cmpstr (gdnn_chart_view_get_description (indicator_view), !=, first_description);
  g_assert_true (g_str_has_prefix (gdnn_chart_view_get_description (indicator_view),
                                   "Chỉ tiêu I.2.b.1"));
  gdnn_ui_save_png (GTK_WIDGET (window), "22-charts-other-indicator.png");

  /* Another year of the same plan: the charts are read again and the
   * indicator chosen stays chosen. */
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();
    GdnnChartsPage *page;

    gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_CHARTS_PAGE, pages);
    page = g_ptr_array_index (pages, 0);
    g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2025);
    gdnn_window_set_today (window, &today);
    g_assert_true (gdnn_charts_page_is_loading (page));
    for (guint i = 0; i < 250 && gdnn_charts_page_is_loading (page); i++)
      gdnn_ui_iterate (20);
    g_assert_false (gdnn_charts_page_is_loading (page));
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
    g_assert_true (g_str_has_prefix (gdnn_chart_view_get_description (indicator_view), "Chỉ tiêu I.2.b.1"));
  }

  /* Narrow: the charts shrink to the width, nothing is cut. */
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  gdnn_ui_iterate (1500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (indicator_view)), <, 420);
  gdnn_ui_save_png (GTK_WIDGET (window), "23-charts-narrow.png");

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/charts", test_window_charts);

  return g_test_run ();
}
