/* test-ui-failures.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* No failure is silent (issue 16): each failure of work the user does
 * not watch is forced here, and the toast it leaves is checked word for
 * word, in Vietnamese, with what to do:
 * - report text that cannot be saved when the window closes (a trigger
 *   makes the report table refuse writes): the window stays open once;
 * - printing when the document cannot be built (its table is gone);
 * - exporting into a path that is a folder;
 * - restoring a copy whose file went missing;
 * - the restored data failing to open again (the file is damaged between
 *   the restore and the reopening);
 * - the daily backup failing (a file where its folder goes). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-app-util.h"
#include "gdnn-application.h"
#include "gdnn-backup-private.h"
#include "gdnn-backup-window.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-page.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

/* The error as the toasts quote it (gdnn_error_sentence()); kept until
 * the next call. */
static const char *
cause_of (const GError *error)
{
  static char *last;

  g_free (last);
  last = gdnn_error_sentence (error);
  return last;
}

#define UNIT_ID_SQL "(SELECT id FROM unit WHERE code = 'BG-CD01')"
#define PLAN_ID_SQL "(SELECT id FROM plan WHERE number = '401/KH-UBND')"

/* The text of every toast shown under @root. */
static void
collect_toasts (GtkWidget *root,
                GPtrArray *out)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      gdnn_ui_collect (root, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        g_ptr_array_add (out, g_strdup (gtk_label_get_text (labels->pdata[i])));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, out);
}

/* Waits until a toast under @root says exactly @text. */
static gboolean
wait_for_toast (GtkWidget  *root,
                const char *text)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_free);

      collect_toasts (root, toasts);
      for (guint i = 0; i < toasts->len; i++)
        if (g_str_equal (toasts->pdata[i], text))
          return TRUE;
      if (g_get_monotonic_time () + 20000 >= end)
        for (guint i = 0; i < toasts->len; i++)
          g_test_message ("toast: %s", (const char *) toasts->pdata[i]);
      gdnn_ui_iterate (20);
    }
  g_test_message ("expected toast: %s", text);
  return FALSE;
}

/* Each test ends with no window left over (the message dialogs of a
 * failed save, say) for the next one to lay out. */
static void
destroy_all_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (w);
    }
  gdnn_ui_iterate (100);
}

static GdnnWindow *
open_window (AdwApplication *app,
             GdnnStore      *store)
{
  GdnnWindow *window = gdnn_window_new (app, store);
  GDate today;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  gdnn_ui_iterate (200);
  return window;
}

static GdnnReportPage *
open_report_page (GdnnWindow *window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (500);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REPORT_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return pages->pdata[0];
}

static AdwApplication *
new_app (const char *id)
{
  g_autoptr(GError) error = NULL;
  AdwApplication *app = adw_application_new (id, G_APPLICATION_NON_UNIQUE);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

#define REFUSE_REPORT_WRITES \
  "CREATE TRIGGER refuse_insert BEFORE INSERT ON report BEGIN SELECT RAISE (ABORT, 'disk I/O error'); END;" \
  "CREATE TRIGGER refuse_update BEFORE UPDATE ON report BEGIN SELECT RAISE (ABORT, 'disk I/O error'); END;"

static void
test_save_on_close (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = new_app ("vn.gdnn.Report.TestFailSave");
  g_autoptr(GdnnReportFields) fields = gdnn_report_fields_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;
  GdnnReportPage *page;
  GdnnWindow *window;

  window = open_window (app, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  page = open_report_page (window);

  /* What the report table says when it refuses a write. */
  gdnn_test_exec (store, REFUSE_REPORT_WRITES);
  g_assert_false (gdnn_report_fields_save (store, gdnn_test_query_int (store, "SELECT " UNIT_ID_SQL ";"),
                                           gdnn_test_query_int (store, "SELECT " PLAN_ID_SQL ";"), 2026, fields,
                                           &error));
  g_assert_nonnull (error);
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "The report text could not be saved: %s. Copy what you typed somewhere "
                                          "safe, then close the window again; the text not saved will be lost."),
                              cause_of (error));
  g_assert_true (g_str_has_prefix (expected, "Chưa lưu được nội dung báo cáo: "));

  /* The user types into the assessment and closes at once. */
  gdnn_ui_collect (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, >=, 2);
  gtk_widget_grab_focus (views->pdata[1]);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[1]), "Đánh giá gõ trước khi đóng.", -1);
  gtk_window_close (GTK_WINDOW (window));
  gdnn_ui_iterate (50);

  /* The window stays, and says why and what to do. */
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (wait_for_toast (GTK_WIDGET (window), expected));
  gdnn_ui_iterate (600); /* the toast slides in */
  gdnn_ui_save_png (GTK_WIDGET (window), "failures-01-save-on-close.png");

  /* The table takes writes again: the next close saves on the way out. */
  gdnn_test_exec (store, "DROP TRIGGER refuse_insert; DROP TRIGGER refuse_update;");
  gtk_window_close (GTK_WINDOW (window));
  gdnn_ui_iterate (200);
  g_assert_null (window);
  stored = gdnn_test_query_text (store, "SELECT assessment FROM report WHERE year = 2026 AND unit_id = "
                                        UNIT_ID_SQL ";");
  g_assert_cmpstr (stored, ==, "Đánh giá gõ trước khi đóng.");

  destroy_all_toplevels ();
  g_clear_object (&store);
  gdnn_test_remove_tree (dir);
}

static void
test_print_and_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = new_app ("vn.gdnn.Report.TestFailPrint");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *blocked = g_build_filename (dir, "bao-cao.xlsx", NULL);
  GdnnReportPage *page;
  GdnnWindow *window;
  GtkWidget *dialog;
  GDate today;

  window = open_window (app, store);
  page = open_report_page (window);

  /* Export into a path that is a folder: the writer's error, and what to
   * do. */
  g_assert_cmpint (g_mkdir (blocked, 0755), ==, 0);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  doc = gdnn_report_doc_build (store, gdnn_test_query_int (store, "SELECT " UNIT_ID_SQL ";"),
                               gdnn_test_query_int (store, "SELECT " PLAN_ID_SQL ";"), 2026, &today, &error);
  g_assert_no_error (error);
  g_assert_false (gdnn_report_xlsx_write (doc, blocked, &error));
  g_assert_nonnull (error);
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "The report was not exported: %s. Choose a folder you can write to, such "
                                          "as Documents, and export again."), cause_of (error));
  g_clear_error (&error);
  g_assert_true (g_str_has_prefix (expected, "Chưa xuất được báo cáo: "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.export-xlsx", NULL));
  gdnn_ui_iterate (300);
  dialog = gdnn_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  if (dialog != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
      gdnn_ui_iterate (300);
    }
  dialog = gdnn_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error));
    g_assert_no_error (error);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "bao-cao.xlsx");
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_for_toast (GTK_WIDGET (window), expected));
  g_clear_pointer (&expected, g_free);

  /* Print when the document cannot be built: its table is gone. */
  gdnn_test_exec (store, "ALTER TABLE report RENAME TO report_gone;");
  g_clear_pointer (&doc, gdnn_report_doc_free);
  doc = gdnn_report_doc_build (store, gdnn_test_query_int (store, "SELECT " UNIT_ID_SQL ";"),
                               gdnn_test_query_int (store, "SELECT " PLAN_ID_SQL ";"), 2026, &today, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "The report was not printed: %s. Check the printer and the report's "
                                          "data, then print again, or export a PDF and print that."),
                              cause_of (error));
  g_assert_true (g_str_has_prefix (expected, "Chưa in được báo cáo: "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.print", NULL));
  g_assert_true (wait_for_toast (GTK_WIDGET (window), expected));
  gdnn_ui_iterate (600); /* the toast slides in */
  gdnn_ui_save_png (GTK_WIDGET (window), "failures-02-print.png");
  gdnn_test_exec (store, "ALTER TABLE report_gone RENAME TO report;");

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
  destroy_all_toplevels ();
}

static void
set_clock (int day,
           int hour,
           int minute)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (2026, 11, day, hour, minute, 0);
  gdnn_backup_set_now_for_testing (t);
}

static void
wait_until_idle (GdnnBackupWindow *window)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gdnn_ui_iterate (50);
  while (gdnn_backup_window_is_busy (window) && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  g_assert_false (gdnn_backup_window_is_busy (window));
  gdnn_ui_iterate (100);
}

static GtkWidget *
find_restore_button (GtkWidget  *root,
                     const char *path)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gdnn_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (buttons->pdata[i], "backup-path"), path) == 0)
      return buttons->pdata[i];
  return NULL;
}

/* The question the backup window asks before a restore, not answered
 * yet. */
static GtkWidget *
find_question (GtkWidget *backups)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w) &&
          gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (backups) &&
          g_object_get_data (G_OBJECT (w), "answered") == NULL)
        return w;
    }
  return NULL;
}

/* Clicks Restore on @path's row and agrees. */
static void
restore (GtkWidget  *backups,
         const char *path)
{
  GtkWidget *button = find_restore_button (backups, path);
  GtkWidget *dialog = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  while ((dialog = find_question (backups)) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  g_assert_nonnull (dialog);
  gdnn_ui_iterate (100);
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
}

/* Between the restore and the reopening the file is damaged: the backup
 * window goes (is unrealized) just before the data are opened again. */
static void
damage_on_destroy (GtkWidget  *backups,
                   const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Không phải cơ sở dữ liệu.\n", -1, &error));
  g_assert_no_error (error);
}

static void
test_restore (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = new_app ("vn.gdnn.Report.TestFailRestore");
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *good = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *db_path = g_strdup (gdnn_store_get_path (store));
  GtkWidget *backups;
  GdnnWindow *window;

  set_clock (20, 9, 30);
  g_assert_true (gdnn_backup_before (store, GDNN_BACKUP_MANUAL, &good, &error));
  set_clock (21, 9, 30);
  g_assert_true (gdnn_backup_before (store, GDNN_BACKUP_MANUAL, &gone, &error));
  g_assert_no_error (error);
  gdnn_backup_set_now_for_testing (NULL);

  window = open_window (app, store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  backups = gdnn_ui_wait_for_toplevel (GDNN_TYPE_BACKUP_WINDOW, NULL);
  wait_until_idle (GDNN_BACKUP_WINDOW (backups));

  /* The copy's file went missing after the list was read. */
  g_assert_cmpint (g_unlink (gone), ==, 0);
  g_clear_error (&error);
  g_assert_false (gdnn_backup_restore (db_path, gone, &error));
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "The copy was not restored: %s. Try another copy in the list, or make a "
                                          "backup now and try again."), cause_of (error));
  g_clear_error (&error);
  g_assert_true (g_str_has_prefix (expected, "Chưa khôi phục được bản sao: "));
  restore (backups, gone);
  wait_until_idle (GDNN_BACKUP_WINDOW (backups));
  g_assert_true (wait_for_toast (backups, expected));
  gdnn_ui_iterate (600); /* the toast slides in */
  gdnn_ui_save_png (backups, "failures-03-restore.png");
  g_clear_pointer (&expected, g_free);

  /* Restored, but the data do not open again: the old window stays and
   * says so. */
  g_signal_connect (backups, "unrealize", G_CALLBACK (damage_on_destroy), db_path);
  restore (backups, good);
  {
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    while (gdnn_ui_find_toplevel (GDNN_TYPE_BACKUP_WINDOW, NULL) != NULL && g_get_monotonic_time () < end)
      gdnn_ui_iterate (20);
  }
  g_assert_null (gdnn_ui_find_toplevel (GDNN_TYPE_BACKUP_WINDOW, NULL));
  {
    g_autoptr(GdnnStore) reopened = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, &error);
    g_assert_null (reopened);
    g_assert_nonnull (error);
  }
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "The copy was restored, but the data could not be opened again: %s. "
                                          "Close the program and start it again; if the data still do not open, "
                                          "restore another copy."), cause_of (error));
  g_assert_true (g_str_has_prefix (expected, "Đã khôi phục bản sao nhưng không mở lại được dữ liệu: "));
  g_assert_true (wait_for_toast (GTK_WIDGET (window), expected));
  g_assert_null (gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, GTK_WIDGET (window)));
  gdnn_ui_iterate (600); /* the toast slides in */
  gdnn_ui_save_png (GTK_WIDGET (window), "failures-04-reopen.png");

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
  destroy_all_toplevels ();
}

/* The daily backup, started by the application at once
 * (GDNN_BACKUP_DELAY=0), cannot make its folder: a file is in the way. */
static void
test_daily_backup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(GdnnApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (gdnn_store_get_path (store));
  g_autofree char *blocker = g_build_filename (dir, "backups", NULL);
  g_autofree char *folder = gdnn_backup_dir (path);
  g_autofree char *expected = NULL;
  GtkWidget *window;

  g_assert_true (g_file_set_contents (blocker, "not a folder\n", -1, &error));
  g_assert_no_error (error);
  /* What the backup says when it fails so. */
  g_assert_false (gdnn_backup_daily (store, NULL, &error));
  g_assert_nonnull (error);
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "Today's automatic backup was not made: %s. Check that the folder %s "
                                          "exists and has free space, then make a copy with Back Up and Restore in "
                                          "the main menu."), cause_of (error), folder);
  g_assert_true (g_str_has_prefix (expected, "Chưa tạo được bản sao lưu tự động hôm nay: "));
  g_clear_error (&error);
  g_clear_object (&store);

  /* Not the first start: Getting Started stays closed (its layout is not
   * what this test is about). */
  {
    g_autoptr(GSettings) settings = g_settings_new ("vn.gdnn.Report");
    g_settings_set_boolean (settings, "welcome-shown", TRUE);
  }
  g_setenv ("GDNN_BACKUP_DELAY", "0", TRUE);
  app = gdnn_application_new (path);
  g_unsetenv ("GDNN_BACKUP_DELAY");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gdnn_ui_wait_for_toplevel (GDNN_TYPE_WINDOW, NULL);
  g_assert_true (wait_for_toast (window, expected));
  gdnn_ui_iterate (600); /* the toast slides in */
  gdnn_ui_save_png (window, "failures-05-daily-backup.png");

  destroy_all_toplevels ();
  gdnn_ui_iterate (200);
  gdnn_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/failures/save-on-close", test_save_on_close);
  g_test_add_func ("/ui/failures/print-and-export", test_print_and_export);
  g_test_add_func ("/ui/failures/restore", test_restore);
  g_test_add_func ("/ui/failures/daily-backup", test_daily_backup);

  return g_test_run ();
}
