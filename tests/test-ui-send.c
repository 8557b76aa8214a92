/* test-ui-send.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What leaves the program, in the real window on the demo database under
 * Xvfb (issue 18, items 3 and 7):
 *
 * - the office imports a report a person edited and saved with openpyxl
 *   (run here): the checks tab names the edited explanation with its
 *   sheet, cell, code, the data and the text shown; the report is
 *   returned, and "Save Letter…" in the message that follows opens the
 *   save chooser and writes the letter;
 * - a unit's report on a plan that sets no report dates is not exported:
 *   the window says why and what to do, and no chooser opens. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-i18n.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-page.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-review-page-private.h"
#include "gdnn-review.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

#define PLAN "401/KH-UBND"

/* Sets the explanation of I.2.a.1 on 'Chỉ tiêu' to "Sửa tay" with
 * openpyxl and prints "CELL\tDATA" (the cell, the explanation the data
 * sheet holds). */
static const char edit_script[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "header = None\n"
  "for r in wb['gdnn_data'].iter_rows(values_only=True):\n"
  "    if r[0] == '#indicator':\n"
  "        header = list(r)\n"
  "    elif header and r[0] == 'indicator' and r[1] == 'I.2.a.1':\n"
  "        rec = dict(zip(header, r))\n"
  "        break\n"
  "sheet, cell = rec['note_cell'].rsplit('!', 1)\n"
  "cell = cell.replace('$', '')\n"
  "wb[sheet.strip(\"'\")][cell] = 'Sửa tay'\n"
  "wb.save(sys.argv[2])\n"
  "print(cell + '\\t' + (rec['note'] or ''), end='')\n";

static void
wait_for_page (GdnnReviewPage *page)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (gdnn_review_page_is_busy (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gdnn_review_page_is_busy (page));
  gdnn_ui_iterate (100);
}

static void
test_edited_then_letter (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *orig = NULL, *edited = NULL, *out = NULL, *letter = NULL, *expected = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_auto(GStrv) cell_and_data = NULL;
  GdnnWindow *window;
  GdnnReviewPage *page;
  GtkWidget *dialog, *button;
  GtkFileChooser *chooser;
  GDate today;
  guint position = 0;
  int status = 0;
  gsize len = 0;
  gint64 end;

  store = gdnn_ui_open_demo_store (&dir);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);

  /* BG-CD01's report, its explanation of I.2.a.1 changed in openpyxl */
  orig = g_build_filename (dir, "bao-cao.xlsx", NULL);
  edited = g_build_filename (dir, "bao-cao-sua-tay.xlsx", NULL);
  doc = gdnn_report_doc_build_by_code (store, "BG-CD01", PLAN, 2026, &today, &error);
  g_assert_no_error (error);
  g_assert_true (gdnn_report_xlsx_write (doc, orig, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "/usr/bin/python3", "-c", edit_script, orig, edited, NULL };
    g_autofree char *err = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                                 &error));
    g_assert_no_error (error);
    g_test_message ("openpyxl: %s%s", out, err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  cell_and_data = g_strsplit (out, "\t", 2);
  g_assert_cmpuint (g_strv_length (cell_and_data), ==, 2);

  app = adw_application_new ("vn.gdnn.Report.TestSend", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_window_set_today (window, &today);

  g_assert_true (gdnn_window_select_plan (window, "SLD-BG", PLAN));
  gdnn_ui_iterate (200);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REVIEW_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  wait_for_page (page);
  {
    GFile *file = g_file_new_for_path (edited);
    GSList *files = g_slist_prepend (NULL, file);

    gdnn_review_page_import_files (page, files);
    g_slist_free_full (files, g_object_unref);
  }
  wait_for_page (page);
  g_assert_null (gdnn_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));   /* imported, not refused */

  /* The checks tab names the edited cell, the code, the data and the text */
  expected = g_strdup_printf ("Ô 'Chỉ tiêu'!%s (I.2.a.1 – %s) đã bị sửa sau khi kết xuất: hiển thị “Sửa tay”, "
                              "số liệu gốc là “%s”.", cell_and_data[0], _("explanation"), cell_and_data[1]);
  adw_view_stack_set_visible_child_name (page->view_stack, "checks");
  gdnn_ui_iterate (300);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), expected));
  gdnn_ui_save_png (GTK_WIDGET (window), "send-01-edited-cell.png");
  adw_view_stack_set_visible_child_name (page->view_stack, "status");
  gdnn_ui_iterate (200);

  /* Return it */
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (page->status_view));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model) && !found; i++)
      {
        g_autoptr(GdnnReviewItem) item = g_list_model_get_item (model, i);
        const GdnnSubmissionStatus *s = gdnn_review_item_get_data (item);

        if (g_strcmp0 (s->unit_code, "BG-CD01") == 0)
          {
            position = i;
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  gtk_single_selection_set_selected (page->status_selection, position);
  gdnn_ui_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.return", NULL));
  dialog = gdnn_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    gdnn_ui_collect (dialog, GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Giải trình I.2.a.1 bị sửa tay");
    g_signal_emit_by_name (g_ptr_array_index (entries, 0), "activate");
  }
  gdnn_ui_iterate (200);
  wait_for_page (page);

  /* The message after the return offers the letter; its button opens the
   * chooser (before: nothing happened) */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((button = gdnn_ui_find_button (GTK_WIDGET (window), _("Save _Letter…"))) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  g_assert_nonnull (button);
  gdnn_ui_iterate (600);   /* the message slides in */
  gdnn_ui_save_png (GTK_WIDGET (window), "send-02-returned-message.png");
  g_assert_null (gdnn_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  g_assert_true (gtk_widget_activate (button));
  chooser = GTK_FILE_CHOOSER (gdnn_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  gdnn_ui_iterate (500);   /* the chooser settles in its start folder */
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    g_assert_cmpstr (name, ==, "cong-van-tra-lai_BG-CD01_401-KH-UBND_2026.pdf");
    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
    g_assert_no_error (error);
    gdnn_ui_iterate (300);
    /* Choosing the folder clears the name typed: type it again. */
    gtk_file_chooser_set_current_name (chooser, name);
    gdnn_ui_iterate (100);
    {
      g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);
      g_assert_true (g_file_equal (current, folder));
    }
    gdnn_ui_save_png (GTK_WIDGET (chooser), "send-03-letter-chooser.png");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  }
  letter = g_build_filename (dir, "cong-van-tra-lai_BG-CD01_401-KH-UBND_2026.pdf", NULL);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (letter, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  gdnn_ui_iterate (100);
  g_assert_true (g_file_get_contents (letter, &pdf, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  gdnn_ui_iterate (300);
  g_assert_null (gdnn_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));

  /* The page's own button, with the returned report selected, opens the
   * same chooser */
  gtk_single_selection_set_selected (page->status_selection, GTK_INVALID_LIST_POSITION);
  gdnn_ui_iterate (50);
  gtk_single_selection_set_selected (page->status_selection, position);
  gdnn_ui_iterate (100);
  g_assert_true (gtk_widget_get_visible (page->letter_button));
  g_assert_true (gtk_widget_activate (page->letter_button));
  chooser = GTK_FILE_CHOOSER (gdnn_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
    g_assert_cmpstr (name, ==, "cong-van-tra-lai_BG-CD01_401-KH-UBND_2026.pdf");
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gdnn_ui_iterate (300);
  g_assert_null (gdnn_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

static void
test_export_without_schedule (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GdnnWindow *window;
  GtkWidget *dialog;
  GDate today;

  store = gdnn_ui_open_demo_store (&dir);
  /* BG-CD01 also reports on the national programme, which sets no dates */
  gdnn_test_exec (store, "INSERT INTO unit_plan (unit_id, plan_id) SELECT u.id, p.id FROM unit u, plan p "
                         "WHERE u.code = 'BG-CD01' AND p.number = '2222/QĐ-TTg';");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);

  app = adw_application_new ("vn.gdnn.Report.TestSendPlan", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_window_set_today (window, &today);
  gdnn_ui_iterate (300);

  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "2222/QĐ-TTg"));
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (1000);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REPORT_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);

  for (guint k = 0; k < 2; k++)
    {
      g_assert_true (gtk_widget_activate_action (g_ptr_array_index (pages, 0),
                                                 k == 0 ? "page.export-xlsx" : "page.export-pdf", NULL));
      dialog = gdnn_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
      expected = g_strdup_printf (_("Plan %s asks for no reports (it sets no report dates), so no office receives "
                                    "one and the report is not exported. Export the report of the plan your office "
                                    "asks for, such as your province's plan."), "2222/QĐ-TTg");
      g_assert_true (g_str_has_prefix (expected, "Kế hoạch 2222/QĐ-TTg không yêu cầu báo cáo"));
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, _("Report Not Exported"));
      g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, expected);
      g_clear_pointer (&expected, g_free);
      gdnn_ui_iterate (300);
      /* Neither a draft question nor a chooser */
      g_assert_null (gdnn_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
      if (k == 0)
        gdnn_ui_save_png (dialog, "send-04-no-schedule.png");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_destroy (GTK_WINDOW (dialog));
      gdnn_ui_iterate (200);
      g_assert_null (gdnn_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
    }

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/send/edited-cell-then-letter", test_edited_then_letter);
  g_test_add_func ("/ui/send/export-without-schedule", test_export_without_schedule);

  return g_test_run ();
}
