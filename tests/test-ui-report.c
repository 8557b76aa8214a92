/* test-ui-report.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Report page of the real window on the demo database under Xvfb:
 * the preview draws the pages, edits typed in the form reach the report
 * table, export writes the files the page previews (read back with
 * pdftotext), printing goes through GtkPrintOperation with the same
 * renderer, finalising records the files' SHA-256, and a later change of
 * a value shows the report as out of date. PNGs are saved for review. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-app-util.h"
#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-report-page.h"
#include "gdnn-store-private.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

#define REPORT_WHERE \
  "FROM report r JOIN unit u ON u.id = r.unit_id JOIN plan p ON p.id = r.plan_id " \
  "WHERE u.code = 'BG-CD01' AND p.number = '401/KH-UBND' AND r.year = 2026"

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_checksum_update (checksum, (const guchar *) contents, length);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
assert_pdf_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* How many pixels of @widget, as drawn, are neither white nor the
 * backdrop of its top-left corner: the ink of the drawn page. */
static guint
count_ink_pixels (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gsize stride;
  guint ink = 0, white = 0;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  gdnn_ui_wait_for_paint (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        if (p[3] == 0)
          continue;
        if (p[0] > 245 && p[1] > 245 && p[2] > 245)
          white++;
        else if (p[0] < 128 && p[1] < 128 && p[2] < 128)
          ink++;
      }
  /* A page is mostly white paper with dark text on it. */
  g_test_message ("preview: %u white and %u dark pixels of %d", white, ink, width * height);
  return white > (guint) (width * height / 5) ? ink : 0;
}

/* Waits for the preview's layout (a worker thread) to be handed over. */
static void
wait_for_preview (GdnnReportPage *page)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gdnn_report_page_is_busy (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gdnn_report_page_is_busy (page));
}

static void
type_into_text_view (GtkTextView *view,
                     const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gdnn_ui_collect (root, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }
  return NULL;
}

static void
test_window_report (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *print_path = NULL;
  g_autofree char *final_dir = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GdnnReportPage *page;
  GtkWidget *preview;
  GtkWidget *number_row;
  GdnnWindow *window;
  GDate today;

  store = gdnn_ui_open_demo_store (&dir);
  xlsx_path = g_build_filename (dir, "draft.xlsx", NULL);
  pdf_path = g_build_filename (dir, "draft.pdf", NULL);
  print_path = g_build_filename (dir, "printed.pdf", NULL);
  final_dir = g_build_filename (dir, "final", NULL);

  app = adw_application_new ("vn.gdnn.Report.TestReport", G_APPLICATION_NON_UNIQUE);
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
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (1000);

  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REPORT_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);

  /* The preview shows a page at 1024×600, beside the form: paper with
   * text on it, and a page counter. */
  wait_for_preview (page);
  gdnn_ui_collect (GTK_WIDGET (page), GTK_TYPE_DRAWING_AREA, areas);
  g_assert_cmpuint (areas->len, ==, 1);
  preview = g_ptr_array_index (areas, 0);
  g_assert_cmpuint (gdnn_report_page_get_n_pages (page), >=, 2);
  {
    /* The page is drawn once the preview's layout arrived and a frame
     * passed: under load that takes a while. */
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (count_ink_pixels (preview) <= 500 && g_get_monotonic_time () < end)
      gdnn_ui_iterate (50);
  }
  g_assert_cmpuint (count_ink_pixels (preview), >, 500);
  {
    g_autofree char *counter = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Page %u of %u"), 1,
                                                gdnn_report_page_get_n_pages (page));
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), counter));
  }
  /* Nothing is written by only looking at the report. */
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) " REPORT_WHERE ";"), ==, 0);

  /* The demo's 2026 data leave things to check, listed with icons. */
  g_assert_cmpuint (gdnn_report_page_get_n_warnings (page), >, 0);
  wait_for_preview (page);
  gdnn_ui_save_png (GTK_WIDGET (window), "report-01-page.png");

  /* The header's buttons have their tooltips, and the menus of the
   * history and export buttons are built when first opened. */
  {
    g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
    guint with_menu = 0;

    gdnn_ui_collect (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, menu_buttons);
    g_assert_cmpuint (menu_buttons->len, ==, 2);
    for (guint i = 0; i < menu_buttons->len; i++)
      {
        GtkMenuButton *button = g_ptr_array_index (menu_buttons, i);

        g_assert_nonnull (gdnn_widget_get_tooltip (GTK_WIDGET (button)));
        g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
        g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
        g_assert_null (gtk_menu_button_get_menu_model (button));
        gtk_menu_button_popup (button);
        gdnn_ui_iterate (100);
        g_assert_nonnull (gtk_menu_button_get_menu_model (button));
        with_menu += g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)) > 0;
        gtk_menu_button_popdown (button);
        gdnn_ui_iterate (100);
      }
    g_assert_cmpuint (with_menu, ==, 2);
  }

  /* Type a number and an assessment: saved after the pause in typing. */
  number_row = find_entry_row (GTK_WIDGET (page), g_dgettext (GETTEXT_PACKAGE, "Report _number"));
  g_assert_nonnull (number_row);
  gtk_widget_grab_focus (number_row);
  gtk_editable_set_text (GTK_EDITABLE (number_row), "123/BC-CĐBG");
  gdnn_ui_collect (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 4);   /* recipients and the three narratives */
  /* Each keystroke only records the text; the document is rebuilt once
   * typing pauses. */
  {
    gint64 start = g_get_monotonic_time ();
    gint64 typed;

    type_into_text_view (g_ptr_array_index (views, 1), "Năm 2026, nhà trường hoàn thành cơ bản các chỉ tiêu.");
    typed = g_get_monotonic_time () - start;
    g_test_message ("typing took %" G_GINT64_FORMAT " µs", typed);
#ifndef __SANITIZE_ADDRESS__
    /* (A sanitizer build runs several times slower.) */
    g_assert_cmpint (typed, <, 50000);
#endif
    g_assert_null (gdnn_test_query_text (store, "SELECT assessment " REPORT_WHERE ";"));
    start = g_get_monotonic_time ();
    gdnn_report_page_save (page, &error);
    g_assert_no_error (error);
    g_test_message ("saving and rebuilding the report took %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  }
  gdnn_ui_iterate (800);
  {
    g_autofree char *number = gdnn_test_query_text (store, "SELECT r.number " REPORT_WHERE ";");
    g_autofree char *assessment = gdnn_test_query_text (store, "SELECT assessment " REPORT_WHERE ";");
    g_autofree char *difficulties = gdnn_test_query_text (store, "SELECT difficulties " REPORT_WHERE ";");
    g_assert_cmpstr (number, ==, "123/BC-CĐBG");
    g_assert_cmpstr (assessment, ==, "Năm 2026, nhà trường hoàn thành cơ bản các chỉ tiêu.");
    /* An untouched narrative stays the draft built from the data. */
    g_assert_null (difficulties);
  }
  /* The narratives: a long text scrolls inside its field. */
  {
    GtkWidget *field = g_ptr_array_index (views, 2);
    GtkWidget *scroller = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);

    g_assert_nonnull (scroller);
    g_assert_cmpint (gtk_widget_get_height (scroller), <, 300);
    gtk_widget_grab_focus (field);
    gdnn_ui_iterate (500);
    gdnn_ui_save_png (GTK_WIDGET (window), "report-06-narratives.png");
  }
  /* A date that is not one is not saved, and the row says so. */
  {
    GtkWidget *date_row = find_entry_row (GTK_WIDGET (page), g_dgettext (GETTEXT_PACKAGE, "_Date (dd/mm/yyyy)"));
    g_assert_nonnull (date_row);
    gtk_editable_set_text (GTK_EDITABLE (date_row), "31/02/2026");
    gdnn_ui_iterate (500);
    g_assert_true (gtk_widget_has_css_class (date_row, "error"));
    g_assert_null (gdnn_test_query_text (store, "SELECT report_date " REPORT_WHERE ";"));
    gtk_editable_set_text (GTK_EDITABLE (date_row), "25/11/2026");
    gdnn_ui_iterate (500);
    g_assert_false (gtk_widget_has_css_class (date_row, "error"));
    {
      /* Saved once typing stopped for a moment (longer under load). */
      gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      char *saved = NULL;

      while ((saved = gdnn_test_query_text (store, "SELECT report_date " REPORT_WHERE ";")) == NULL &&
             g_get_monotonic_time () < end)
        gdnn_ui_iterate (50);
      g_assert_cmpstr (saved, ==, "2026-11-25");
      g_free (saved);
    }
  }

  /* Export a draft through the page: the edits are in the files. */
  gdnn_report_page_export (page, xlsx_path, pdf_path, &error);
  g_assert_no_error (error);
  assert_pdf_file (pdf_path);
  g_assert_true (g_file_test (xlsx_path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *text = pdf_text (pdf_path);
    g_assert_nonnull (strstr (text, "123/BC-CĐBG"));
    g_assert_nonnull (strstr (text, "Năm 2026, nhà trường hoàn thành cơ bản các chỉ tiêu."));
    g_assert_nonnull (strstr (text, "ngày 25 tháng 11 năm 2026"));
    g_assert_nonnull (strstr (text, "DỰ THẢO"));
  }

  /* Printing draws the same pages through GtkPrintOperation. */
  {
    g_autoptr(GtkPrintOperation) operation = gdnn_report_page_create_print_operation (page);
    g_autofree char *text = NULL;

    g_assert_nonnull (operation);
    gtk_print_operation_set_export_filename (operation, print_path);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    assert_pdf_file (print_path);
    text = pdf_text (print_path);
    g_assert_nonnull (strstr (text, "123/BC-CĐBG"));
  }

  /* Finalise: both files in the folder, their SHA-256 in the table, and
   * the page says so. */
  g_assert_cmpint (g_mkdir_with_parents (final_dir, 0755), ==, 0);
  gdnn_report_page_finalise (page, final_dir, &error);
  g_assert_no_error (error);
  g_assert_true (gdnn_report_page_get_final (page));
  {
    g_autofree char *basename = g_strdup ("bao-cao_BG-CD01_401-KH-UBND_2026");
    g_autofree char *final_pdf = g_strconcat (final_dir, "/", basename, ".pdf", NULL);
    g_autofree char *final_xlsx = g_strconcat (final_dir, "/", basename, ".xlsx", NULL);
    g_autofree char *pdf_sha = NULL;
    g_autofree char *xlsx_sha = NULL;
    g_autofree char *stored_pdf = gdnn_test_query_text (store, "SELECT pdf_sha256 " REPORT_WHERE ";");
    g_autofree char *stored_xlsx = gdnn_test_query_text (store, "SELECT xlsx_sha256 " REPORT_WHERE ";");
    g_autofree char *status = gdnn_test_query_text (store, "SELECT r.status " REPORT_WHERE ";");
    g_autofree char *text = NULL;

    assert_pdf_file (final_pdf);
    pdf_sha = file_sha256 (final_pdf);
    xlsx_sha = file_sha256 (final_xlsx);
    g_assert_cmpstr (stored_pdf, ==, pdf_sha);
    g_assert_cmpstr (stored_xlsx, ==, xlsx_sha);
    g_assert_cmpstr (status, ==, "final");
    /* The final file carries the edits and no draft mark. */
    text = pdf_text (final_pdf);
    g_assert_nonnull (strstr (text, "123/BC-CĐBG"));
    g_assert_null (strstr (text, "DỰ THẢO"));
    gdnn_ui_iterate (200);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), pdf_sha));
  }
  /* A finalised report is not edited, or finalised again, by accident. */
  g_assert_false (gtk_widget_is_sensitive (number_row));
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    guint found = 0;

    gdnn_ui_collect (GTK_WIDGET (page), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "page.finalise") == 0)
        {
          g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (buttons, i)));
          found++;
        }
    g_assert_cmpuint (found, ==, 1);
  }
  wait_for_preview (page);
  gdnn_ui_save_png (GTK_WIDGET (window), "report-02-finalised.png");

  /* A later change of a value, made while another page is shown as a
   * user would: back on the report, it shows as out of date. */
  gdnn_window_show_page (window, "values");
  gdnn_ui_iterate (300);
  {
    gint64 unit_id = gdnn_test_query_int (store, "SELECT id FROM unit WHERE code = 'BG-CD01';");
    gint64 indicator_id = gdnn_test_query_int (store, "SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                                            "WHERE p.number = '401/KH-UBND' AND i.code = 'I.2.a.1';");
    g_autoptr(GdnnValue) value = gdnn_store_get_value (store, unit_id, indicator_id, 2026, "year", &error);

    g_assert_no_error (error);
    g_assert_nonnull (value);
    g_assert_true (value->has_numerator && value->has_denominator);
    value->numerator = value->numerator >= 1 ? value->numerator - 1 : value->numerator + 1;
    g_assert_true (gdnn_store_set_value (store, value, &error));
    g_assert_no_error (error);
  }
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (500);
  g_assert_true (gdnn_report_page_get_out_of_date (page));
  g_assert_false (gdnn_report_page_get_final (page));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page),
                                        g_dgettext (GETTEXT_PACKAGE, "Out of date: data changed after finalising")));
  wait_for_preview (page);
  gdnn_ui_save_png (GTK_WIDGET (window), "report-03-out-of-date.png");

  /* Reopen: a draft again, editable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.reopen", NULL));
  gdnn_ui_iterate (200);
  g_assert_cmpstr (gdnn_test_query_text (store, "SELECT r.status " REPORT_WHERE ";"), ==, "draft");
  g_assert_true (gtk_widget_is_sensitive (number_row));
  g_assert_false (gdnn_report_page_get_out_of_date (page));

  /* Exporting with warnings asks first. */
  g_assert_cmpuint (gdnn_report_page_get_n_warnings (page), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.export-pdf", NULL));
  gdnn_ui_iterate (500);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, g_dgettext (GETTEXT_PACKAGE, "Export a Draft?"));
    g_assert_true (adw_message_dialog_has_response (dialog, "export"));
    g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
    gdnn_ui_save_png (GTK_WIDGET (dialog), "report-04-warnings-dialog.png");
    adw_message_dialog_response (dialog, "cancel");
    gdnn_ui_iterate (300);
  }

  /* A narrow window: the preview folds away behind a button. */
  /* (Without animations: AdwFlap 1.2 may paint its flap between the end
   * of the reveal animation and the next allocation on a loaded machine,
   * which GTK warns about.) */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gdnn_ui_iterate (1500);
  wait_for_preview (page);
  gdnn_ui_save_png (GTK_WIDGET (window), "report-05-narrow.png");

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/report", test_window_report);

  return g_test_run ();
}
