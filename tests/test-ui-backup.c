/* test-ui-backup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backups under Xvfb: the "Back Up and Restore" window opened from the
 * main window's action, a copy restored through its Restore button and
 * the confirmation, the data checked afterwards; and the application
 * started on a damaged data file, showing the damaged-file page and
 * restoring the latest backup from it. PNGs go to the test output. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-application.h"
#include "gdnn-backup-private.h"
#include "gdnn-backup-window.h"
#include "gdnn-i18n.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

static void
set_clock (int day,
           int hour,
           int minute)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (2026, 11, day, hour, minute, 0);
  gdnn_backup_set_now_for_testing (t);
}

/* Overwrites every other page from page 2 on: the file still opens, the
 * quick check finds the damage. */
static void
damage_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 page_size = gdnn_test_file_int (path, "PRAGMA page_size;");

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  for (gint64 p = 2; p < (gint64) length / page_size; p += 2)
    memset (contents + p * page_size, 0x5a, (gsize) page_size);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

/* The button under @root whose "backup-path" or "backup-when" data is @value. */
static GtkWidget *
find_backup_button (GtkWidget  *root,
                    const char *key,
                    const char *value)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gdnn_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (buttons->pdata[i], key), value) == 0)
      return buttons->pdata[i];
  return NULL;
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

static void
test_window_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = adw_application_new ("vn.gdnn.Report.TestBackup", G_APPLICATION_NON_UNIQUE);
  g_autofree char *damaged = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GdnnWindow *window;
  GtkWidget *backups, *dialog, *button, *reopened;
  GtkSpinButton *spin;
  gint64 n_units;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  n_units = gdnn_store_count_rows (store, "unit");
  set_clock (20, 9, 30);
  g_assert_true (gdnn_backup_before (store, GDNN_BACKUP_MANUAL, NULL, &error));
  g_assert_no_error (error);
  gdnn_test_exec (store, "INSERT INTO unit (code, name, type) VALUES ('SAU-SAO-LUU', 'Trường thêm sau bản sao', 'trung_cap');");
  set_clock (21, 8, 0);
  g_assert_true (gdnn_backup_before (store, GDNN_BACKUP_DAILY, NULL, &error));
  set_clock (22, 8, 0);
  g_assert_true (gdnn_backup_before (store, GDNN_BACKUP_MANUAL, &damaged, &error));
  g_assert_no_error (error);
  damage_file (damaged);
  gdnn_backup_set_now_for_testing (NULL);

  window = gdnn_window_new (app, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_ui_iterate (300);

  /* From the main menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  backups = gdnn_ui_wait_for_toplevel (GDNN_TYPE_BACKUP_WINDOW, NULL);
  wait_until_idle (GDNN_BACKUP_WINDOW (backups));

  /* Three rows, newest first; the damaged one cannot be restored. */
  g_assert_nonnull (gdnn_ui_find_label (backups, "20/11/2026 09:30"));
  g_assert_nonnull (gdnn_ui_find_label (backups, "21/11/2026 08:00"));
  g_assert_nonnull (gdnn_ui_find_label (backups, "22/11/2026 08:00"));
  button = find_backup_button (backups, "backup-path", damaged);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  gdnn_ui_save_png (backups, "backup-window.png");

  /* The retention is kept in the database. */
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    gdnn_ui_collect (backups, GTK_TYPE_SPIN_BUTTON, spins);
    g_assert_cmpuint (spins->len, ==, 1);
    spin = spins->pdata[0];
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, GDNN_BACKUP_DEFAULT_RETENTION);
    gtk_spin_button_set_value (spin, 7);
    gdnn_ui_iterate (50);
    g_assert_cmpuint (gdnn_backup_get_retention (store), ==, 7);
  }

  /* Restore the copy of 20/11 09:30: asked first. */
  button = find_backup_button (backups, "backup-when", "20/11/2026 09:30");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = gdnn_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gdnn_ui_iterate (200);
  gdnn_ui_save_png (dialog, "backup-confirm.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");

  /* A new main window on the restored data replaces the old one. */
  reopened = gdnn_ui_wait_for_toplevel (GDNN_TYPE_WINDOW, GTK_WIDGET (window));
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (window != NULL && g_get_monotonic_time () < end)
      gdnn_ui_iterate (20);
  }
  g_assert_null (window);
  g_assert_null (gdnn_ui_find_toplevel (GDNN_TYPE_BACKUP_WINDOW, NULL));
  {
    GdnnStore *now = gdnn_window_get_store (GDNN_WINDOW (reopened));
    g_assert_cmpint (gdnn_store_count_rows (now, "unit"), ==, n_units);
    g_assert_cmpint (gdnn_test_query_int (now, "SELECT count(*) FROM unit WHERE code = 'SAU-SAO-LUU';"), ==, 0);
    /* The retention came back with the data of 20/11. */
    g_assert_cmpuint (gdnn_backup_get_retention (now), ==, GDNN_BACKUP_DEFAULT_RETENTION);
  }
  gdnn_ui_iterate (300);
  gdnn_ui_save_png (reopened, "backup-restored-window.png");

  /* The data before the restore are the newest copy. */
  list = gdnn_backup_list (gdnn_store_get_path (store), NULL);
  g_assert_cmpuint (list->len, ==, 4);
  {
    GdnnBackupInfo *kept = g_ptr_array_index (list, 0);
    g_assert_cmpint (kept->reason, ==, GDNN_BACKUP_RESTORE);
    g_assert_cmpint (kept->n_units, ==, n_units + 1);
  }

  gtk_window_destroy (GTK_WINDOW (reopened));
  gdnn_ui_iterate (100);
  g_clear_object (&store);
  gdnn_test_remove_tree (dir);
}

static void
test_damaged_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(GdnnApplication) app = NULL;
  GtkWidget *page_window, *button, *main_window;
  gint64 n_units;

  path = g_strdup (gdnn_store_get_path (store));
  n_units = gdnn_store_count_rows (store, "unit");
  set_clock (22, 7, 45);
  g_assert_true (gdnn_backup_daily (store, NULL, &error));
  g_assert_no_error (error);
  gdnn_test_exec (store, "INSERT INTO unit (code, name, type) VALUES ('MUON', 'Trường thêm muộn', 'khac');");
  g_clear_object (&store);
  damage_file (path);

  /* The clock stays on 22/11: the day's backup exists, none is made. */
  app = gdnn_application_new (path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  page_window = gdnn_ui_wait_for_toplevel (ADW_TYPE_APPLICATION_WINDOW, NULL);
  g_assert_false (GDNN_IS_WINDOW (page_window));
  gdnn_ui_iterate (200);
  g_assert_nonnull (gdnn_ui_find_label (page_window, _("The Data File Is Damaged")));
  g_assert_nonnull (gdnn_ui_find_label (page_window, "22/11/2026 07:45"));
  gdnn_ui_save_png (page_window, "backup-damaged-start.png");

  {
    g_autoptr(GdnnBackupInfo) latest = gdnn_backup_latest_good (path);
    g_assert_nonnull (latest);
    button = find_backup_button (page_window, "backup-path", latest->path);
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  main_window = gdnn_ui_wait_for_toplevel (GDNN_TYPE_WINDOW, NULL);
  {
    GdnnStore *now = gdnn_window_get_store (GDNN_WINDOW (main_window));
    g_assert_cmpint (gdnn_store_count_rows (now, "unit"), ==, n_units);
  }
  g_assert_null (gdnn_ui_find_toplevel (ADW_TYPE_APPLICATION_WINDOW, main_window));
  /* The damaged file is kept beside the data. */
  g_assert_cmpuint (gdnn_test_count_files (dir, "gdnn.db.damaged-"), >=, 1);
  gdnn_ui_iterate (300);
  gdnn_ui_save_png (main_window, "backup-damaged-restored.png");

  gtk_window_destroy (GTK_WINDOW (main_window));
  gdnn_ui_iterate (300);
  gdnn_backup_set_now_for_testing (NULL);
  gdnn_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/backup/window-restore", test_window_restore);
  g_test_add_func ("/ui/backup/damaged-start", test_damaged_start);
  return g_test_run ();
}
