/* test-ui-percent.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The value page of the real window prints a percentage with the digits
 * its track needs: 1499 of 2500 teachers for I.2.a.1 in 2026 is 59,96%,
 * behind the 60% expected, and the row says "59,96%" beside "cần đạt 60%",
 * never "60%" beside "Chậm tiến độ". */

#include "config.h"

#include <adwaita.h>

#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-store-private.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

/* Whether a mapped label under @root reads exactly @text. */
static gboolean
has_label_exactly (GtkWidget  *root,
                   const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  gdnn_ui_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      if (gtk_widget_get_mapped (label) && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return TRUE;
    }
  return FALSE;
}

static void
test_values_page_percent (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *values_page;
  GdnnWindow *window;
  GDate today;

  store = gdnn_ui_open_demo_store (&dir);
  gdnn_test_exec (store,
                  "UPDATE value SET numerator = 1499, denominator = 2500, note = 'Thiếu giảng viên' "
                  "WHERE year = 2026 AND unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') "
                  "AND indicator_id = (SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                  "WHERE p.number = '401/KH-UBND' AND i.code = 'I.2.a.1');");
  app = adw_application_new ("vn.gdnn.Report.TestPercent", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  gdnn_ui_iterate (300);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "values");
  values_page = GTK_WIDGET (gdnn_window_get_values_page (window));
  g_assert_nonnull (gdnn_ui_wait_for_label (values_page, "59,96%"));
  gdnn_ui_iterate (500);

  g_assert_true (has_label_exactly (values_page, "59,96%"));
  g_assert_nonnull (gdnn_ui_find_label (values_page, "Chậm tiến độ (cần đạt 60%)"));
  gdnn_ui_save_png (GTK_WIDGET (window), "values-percent-59-96.png");

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/values/percent-as-assessed", test_values_page_percent);

  return g_test_run ();
}
