/* test-ui-about.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application as it starts: the getting-started page on the first
 * start only, About, Help and Preferences from the application's actions,
 * and the window's size and plan kept in GSettings (the memory backend of
 * the tests, then a key file read back by a new window). PNGs of each. */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-application.h"
#include "gdnn-backup.h"
#include "gdnn-help-window.h"
#include "gdnn-i18n.h"
#include "gdnn-preferences-window.h"
#include "gdnn-settings.h"
#include "gdnn-window-state.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"


static void
check_accel (GtkApplication *app,
             const char     *action,
             const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
test_app_about_help_preferences (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gdnn-ui-about-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "gdnn.db", NULL);
  g_autoptr(GdnnApplication) app = gdnn_application_new (db);
  g_autoptr(GSettings) settings = gdnn_settings_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *main_window, *help, *about, *prefs;
  const char *unit = NULL, *plan = NULL;
  int width, height;

  g_assert_nonnull (settings);
  g_assert_false (g_settings_get_boolean (settings, "welcome-shown"));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  check_accel (GTK_APPLICATION (app), "app.help", "F1");
  check_accel (GTK_APPLICATION (app), "app.preferences", "<Control>comma");

  /* First start: the demo database, the window and, over it, the
   * getting-started page, remembered as shown. */
  g_application_activate (G_APPLICATION (app));
  gdnn_ui_iterate (500);
  main_window = gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, NULL);
  help = gdnn_ui_find_toplevel (GDNN_TYPE_HELP_WINDOW, NULL);
  g_assert_nonnull (main_window);
  g_assert_nonnull (help);
  g_assert_true (gtk_window_get_transient_for (help) == main_window);
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (help), "30/11"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (help), g_dgettext (GETTEXT_PACKAGE, "6. Export, print, sign and send")));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (help), g_dgettext (GETTEXT_PACKAGE, "4. Export the summary")));
  gdnn_ui_save_png (GTK_WIDGET (help), "about-01-getting-started.png");

  /* Its Start button closes it. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *start = NULL;

    gdnn_ui_collect (GTK_WIDGET (help), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
        start = g_ptr_array_index (buttons, i);
    g_assert_nonnull (start);
    /* A button activated from the keyboard clicks after its 250 ms press. */
    g_assert_true (gtk_widget_activate (start));
    gdnn_ui_iterate (600);
    g_assert_null (gdnn_ui_find_toplevel (GDNN_TYPE_HELP_WINDOW, NULL));
  }

  /* Help from the menu's action (F1). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  gdnn_ui_iterate (200);
  help = gdnn_ui_find_toplevel (GDNN_TYPE_HELP_WINDOW, NULL);
  g_assert_nonnull (help);
  gtk_window_close (help);
  gdnn_ui_iterate (100);

  /* The application's icon is an SVG: without gdk-pixbuf's SVG loader
   * (librsvg2-common, which ./dev installs) GTK shows "image missing". */
  {
    g_autofree char *svg = g_build_filename (g_getenv ("GDNN_SOURCE_ROOT"), "data", "icons", "hicolor",
                                             "scalable", "apps", "vn.gdnn.Report.svg", NULL);
    g_autoptr(GdkTexture) icon = gdk_texture_new_from_filename (svg, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (icon), >, 0);
  }

  /* About: version, icon, licence, credits. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gdnn_ui_iterate (300);
  about = gdnn_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, "vn.gdnn.Report");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_developers (ADW_ABOUT_WINDOW (about))[0], ==, "The gdnn-report authors");
  g_assert_nonnull (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (about), PACKAGE_VERSION));
  gtk_window_set_default_size (about, 420, 600);
  gdnn_ui_iterate (200);
  gdnn_ui_save_png (GTK_WIDGET (about), "about-02-about.png");
  gtk_window_close (about);
  gdnn_ui_iterate (100);

  /* Preferences: what is changed there is in the settings at once. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  gdnn_ui_iterate (300);
  prefs = gdnn_ui_find_toplevel (GDNN_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    g_autoptr(GPtrArray) combos = g_ptr_array_new ();
    g_autofree char *language = NULL;

    gdnn_ui_collect (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, spins);
    gdnn_ui_collect (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, combos);
    g_assert_cmpuint (spins->len, ==, 1);
    g_assert_cmpuint (combos->len, ==, 1);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (g_ptr_array_index (spins, 0)), ==, 10);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (spins, 0)), "25");
    gtk_spin_button_update (g_ptr_array_index (spins, 0));  /* what Enter does */
    gdnn_ui_iterate (100);
    g_assert_cmpint (g_settings_get_int (settings, "backup-retention"), ==, 25);
    /* The open database keeps that many backups. */
    g_assert_cmpuint (gdnn_backup_get_retention (gdnn_window_get_store (GDNN_WINDOW (main_window))), ==, 25);
    /* Out of range: the spin button keeps it within 1–100. */
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (spins, 0)), "500");
    gtk_spin_button_update (g_ptr_array_index (spins, 0));  /* what Enter does */
    gdnn_ui_iterate (100);
    g_assert_cmpint (g_settings_get_int (settings, "backup-retention"), ==, 100);

    adw_combo_row_set_selected (g_ptr_array_index (combos, 0), 2);
    language = g_settings_get_string (settings, "ui-language");
    g_assert_cmpstr (language, ==, "en");
    g_clear_pointer (&language, g_free);
    adw_combo_row_set_selected (g_ptr_array_index (combos, 0), 1);
    language = g_settings_get_string (settings, "ui-language");
    g_assert_cmpstr (language, ==, "vi");
  }
  gdnn_ui_save_png (GTK_WIDGET (prefs), "about-03-preferences.png");
  gtk_window_close (prefs);
  gdnn_ui_iterate (100);

  /* Keyboard shortcuts: not built with the window (start-up time), built
   * by win.show-help-overlay (Ctrl+?, the main menu) and kept for the
   * next time. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *shortcuts, *again;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
        g_assert_false (GTK_IS_SHORTCUTS_WINDOW (window));
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-help-overlay", NULL));
    gdnn_ui_iterate (300);
    shortcuts = gdnn_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == main_window);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (shortcuts), g_dgettext (GETTEXT_PACKAGE, "Show keyboard shortcuts")));
    gdnn_ui_save_png (GTK_WIDGET (shortcuts), "about-05-shortcuts.png");
    gtk_window_close (shortcuts);
    gdnn_ui_iterate (100);
    g_assert_null (gdnn_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-help-overlay", NULL));
    gdnn_ui_iterate (100);
    again = gdnn_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
    g_assert_true (again == shortcuts);
    gtk_window_close (again);
    gdnn_ui_iterate (100);
  }

  /* The window's size and plan are kept when it closes... */
  g_assert_true (gdnn_window_select_plan (GDNN_WINDOW (main_window), "BG-CD01", "401/KH-UBND"));
  gtk_window_set_default_size (main_window, 1000, 680);
  gdnn_ui_iterate (300);
  gtk_window_close (main_window);
  gdnn_ui_iterate (300);
  g_assert_null (gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, NULL));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 680);

  /* ...and the next start restores them, without the welcome page. */
  g_application_activate (G_APPLICATION (app));
  gdnn_ui_iterate (500);
  main_window = gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, NULL);
  g_assert_nonnull (main_window);
  g_assert_null (gdnn_ui_find_toplevel (GDNN_TYPE_HELP_WINDOW, NULL));
  gtk_window_get_default_size (main_window, &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 680);
  g_assert_true (gdnn_window_get_selected_plan (GDNN_WINDOW (main_window), &unit, &plan));
  g_assert_cmpstr (unit, ==, "BG-CD01");
  g_assert_cmpstr (plan, ==, "401/KH-UBND");
  gtk_window_destroy (main_window);
  gdnn_ui_iterate (100);

  gdnn_test_remove_tree (dir);
}

static GSettings *
keyfile_settings (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                        "vn.gdnn.Report", TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, backend, NULL);
}

static void
test_window_state_keyfile (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autofree char *ini = g_build_filename (dir, "settings.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AdwApplication) app = adw_application_new ("vn.gdnn.Report.Test", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  const char *unit = NULL, *plan = NULL;
  GdnnWindow *window;
  int width, height;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GSettings) settings = keyfile_settings (ini);

    window = gdnn_window_new (app, store);
    gdnn_window_state_track (window, settings);
    /* Nothing selected yet: the defaults of the schema. */
    g_assert_false (gdnn_window_get_selected_plan (window, &unit, &plan));
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1100);
    g_assert_cmpint (height, ==, 720);
    gtk_window_set_default_size (GTK_WINDOW (window), 950, 700);
    gtk_window_present (GTK_WINDOW (window));
    gdnn_ui_iterate (300);
    g_assert_true (gdnn_window_select_plan (window, "BG-TC02", "401/KH-UBND"));
    gdnn_ui_iterate (300);
    gtk_window_close (GTK_WINDOW (window));
    gdnn_ui_iterate (200);
    g_settings_sync ();
  }

  g_assert_true (g_file_get_contents (ini, &contents, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", contents);
  g_assert_nonnull (strstr (contents, "window-width=950"));
  g_assert_nonnull (strstr (contents, "last-unit='BG-TC02'"));

  /* A new window reading the same file. */
  {
    g_autoptr(GSettings) settings = keyfile_settings (ini);

    window = gdnn_window_new (app, store);
    gdnn_window_state_track (window, settings);
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 950);
    g_assert_cmpint (height, ==, 700);
    g_assert_true (gdnn_window_get_selected_plan (window, &unit, &plan));
    g_assert_cmpstr (unit, ==, "BG-TC02");
    g_assert_cmpstr (plan, ==, "401/KH-UBND");
    gtk_window_present (GTK_WINDOW (window));
    gdnn_ui_iterate (500);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (window), "Trường Trung cấp Nghề Lục Ngạn"));
    gdnn_ui_save_png (GTK_WIDGET (window), "about-04-restored.png");

    /* A plan no longer in the database is forgotten quietly. */
    g_settings_set_string (settings, "last-unit", "NO-SUCH-UNIT");
    gtk_window_destroy (GTK_WINDOW (window));
    window = gdnn_window_new (app, store);
    gdnn_window_state_restore (window, settings);
    g_assert_false (gdnn_window_get_selected_plan (window, &unit, &plan));
    gtk_window_destroy (GTK_WINDOW (window));
    gdnn_ui_iterate (100);
  }

  g_clear_object (&store);
  gdnn_test_remove_tree (dir);
}

/* The day's backup starts GDNN_BACKUP_DELAY seconds after the window
 * shows, and not at all once the window has closed: a backup that starts
 * after its database's folder is gone fails, and its warning is fatal in
 * the tests (this test fails on a build that ignores either). */
static void
test_daily_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gdnn-ui-backup-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "gdnn.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = gdnn_settings_new ();
  GtkWindow *window;

  /* Only the main window: no getting-started page over it. */
  g_settings_set_boolean (settings, "welcome-shown", TRUE);

  /* With no delay, the backup is made while the window is open. */
  g_setenv ("GDNN_BACKUP_DELAY", "0", TRUE);
  {
    g_autoptr(GdnnApplication) app = gdnn_application_new (db);
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    g_autoptr(GPtrArray) backups = NULL;

    /* An id of its own: the application of the first test is still exported. */
    g_application_set_application_id (G_APPLICATION (app), "vn.gdnn.Report.BackupTest1");
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
    g_assert_no_error (error);
    g_application_activate (G_APPLICATION (app));
    do
      {
        g_clear_pointer (&backups, g_ptr_array_unref);
        gdnn_ui_iterate (50);
        backups = gdnn_backup_list (db, NULL);
      }
    while ((backups == NULL || backups->len == 0) && g_get_monotonic_time () < end);
    g_assert_nonnull (backups);
    g_assert_cmpuint (backups->len, ==, 1);
    window = gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, NULL);
    g_assert_nonnull (window);
    gtk_window_destroy (window);
    gdnn_ui_iterate (100);
  }
  gdnn_test_remove_tree (dir);

  /* The window closes before the delay is over: no backup starts, although
   * the application lives on. */
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_setenv ("GDNN_BACKUP_DELAY", "1", TRUE);
  {
    g_autoptr(GdnnApplication) app = gdnn_application_new (db);

    g_application_set_application_id (G_APPLICATION (app), "vn.gdnn.Report.BackupTest2");
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
    g_assert_no_error (error);
    g_application_activate (G_APPLICATION (app));
    gdnn_ui_iterate (200);
    window = gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, NULL);
    g_assert_nonnull (window);
    gtk_window_destroy (window);
    gdnn_ui_iterate (100);
    gdnn_test_remove_tree (dir);
    /* Past the default delay of 3 s too. */
    gdnn_ui_iterate (3500);
    g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  }
  g_setenv ("GDNN_BACKUP_DELAY", "off", TRUE);
}

static gboolean
hold_window (GtkWindow *window,
             gpointer   user_data)
{
  int *requests = user_data;

  (*requests)++;
  return TRUE;
}

/* Quit (Ctrl+Q) closes the windows as their close buttons do: a page
 * that holds its window (typing not saved yet) holds the quit too. */
static void
test_quit_closes_windows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gdnn-ui-quit-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "gdnn.db", NULL);
  g_autoptr(GdnnApplication) app = gdnn_application_new (db);
  g_autoptr(GSettings) settings = gdnn_settings_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  gulong handler;
  int requests = 0;

  g_settings_set_boolean (settings, "welcome-shown", TRUE);
  g_application_set_application_id (G_APPLICATION (app), "vn.gdnn.Report.QuitTest");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  gdnn_ui_iterate (300);
  window = gdnn_ui_find_toplevel (GDNN_TYPE_WINDOW, NULL);
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  handler = g_signal_connect (window, "close-request", G_CALLBACK (hold_window), &requests);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gdnn_ui_iterate (200);
  g_assert_cmpint (requests, ==, 1);
  g_assert_nonnull (window);

  g_signal_handler_disconnect (window, handler);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gdnn_ui_iterate (200);
  g_assert_null (window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  gdnn_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/about/app", test_app_about_help_preferences);
  g_test_add_func ("/ui/about/window-state-keyfile", test_window_state_keyfile);
  g_test_add_func ("/ui/about/daily-backup", test_daily_backup);
  g_test_add_func ("/ui/about/quit", test_quit_closes_windows);

  return g_test_run ();
}
