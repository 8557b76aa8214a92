/* gdnn-application.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-about.h"
#include "gdnn-app-util.h"
#include "gdnn-application.h"
#include "gdnn-background.h"
#include "gdnn-backup.h"
#include "gdnn-backup-window.h"
#include "gdnn-demo.h"
#include "gdnn-first-frame.h"
#include "gdnn-help-window.h"
#include "gdnn-preferences-window.h"
#include "gdnn-settings.h"
#include "gdnn-store.h"
#include "gdnn-window-state.h"
#include "gdnn-window.h"


struct _GdnnApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  GSettings      *settings;  /* NULL when the schema is not installed */
  gboolean        syncing_retention;
  int             daily_backup_delay_s;  /* -1: no daily backup */
  guint           daily_backup_source;
};

G_DEFINE_FINAL_TYPE (GdnnApplication, gdnn_application, ADW_TYPE_APPLICATION)

/* Opens the user's database; a missing or empty one becomes the demo
 * database, so that a first start shows something to explore. */
static GdnnStore *
open_or_create (GdnnApplication  *self,
                GError          **error)
{
  g_autoptr(GdnnStore) store = gdnn_store_open (self->db_path, GDNN_STORE_OPEN_CREATE, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (store == NULL)
    return NULL;
  if (gdnn_store_is_empty (store) &&
      !gdnn_demo_populate (store, g_date_time_get_year (now), error))
    return NULL;
  return g_steal_pointer (&store);
}

/* The day's backup, in a worker thread on a connection of its own, so
 * that the window never waits for it; started a few seconds after the
 * window is shown, so that it does not compete with the first frames
 * (bench/bench-startup). GDNN_BACKUP_DELAY sets that delay in seconds, or
 * turns the backup off ("off"): the window tests, which remove their
 * database when they end, run with it off. */
#define DAILY_BACKUP_DELAY_S 3

static int
daily_backup_delay_from_env (void)
{
  const char *value = g_getenv ("GDNN_BACKUP_DELAY");
  guint64 seconds = 0;

  if (value == NULL)
    return DAILY_BACKUP_DELAY_S;
  if (g_str_equal (value, "off"))
    return -1;
  if (!g_ascii_string_to_unsigned (value, 10, 0, 3600, &seconds, NULL))
    {
      g_warning ("GDNN_BACKUP_DELAY must be \"off\" or a number of seconds (0-3600), not \"%s\"", value);
      return DAILY_BACKUP_DELAY_S;
    }
  return (int) seconds;
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GdnnStore) reader = NULL;
  GError *error = NULL;
  gboolean made = FALSE;

  reader = gdnn_store_open_reader (task_data, &error);
  if (reader == NULL || !gdnn_backup_daily (reader, &made, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, made);
}

/* A failed daily backup is said in the main window, as a toast that
 * stays (gdnn_widget_show_failure()); only without a window is it left to
 * the log. */
static void
on_daily_backup_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GdnnApplication *self = GDNN_APPLICATION (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && error != NULL)
    {
      g_autofree char *folder = gdnn_backup_dir (self->db_path);
      g_autofree char *cause = gdnn_error_sentence (error);
      g_autofree char *message = NULL;
      GtkWidget *window = NULL;

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && window == NULL; l = l->next)
        if (GDNN_IS_WINDOW (l->data))
          window = l->data;
      /* Translators: the first %s is the error, the second a folder. */
      message = g_strdup_printf (_("Today's automatic backup was not made: %s. Check that the folder %s exists "
                                   "and has free space, then make a copy with Back Up and Restore in the main "
                                   "menu."), cause, folder);
      if (window != NULL)
        gdnn_widget_show_failure (window, message);
      else
        g_warning ("%s", message);
    }
  /* Held while the backup ran (start_daily_backup). */
  g_application_release (G_APPLICATION (source));
}

/* The application is held while the backup runs, so that closing the
 * window does not end the process in the middle of it. */
static gboolean
start_daily_backup (gpointer user_data)
{
  GdnnApplication *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, NULL, on_daily_backup_done, NULL);

  self->daily_backup_source = 0;
  g_application_hold (G_APPLICATION (self));
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  gdnn_task_run_in_background (task, daily_backup_thread);
  return G_SOURCE_REMOVE;
}

static void settings_window_opened (GdnnApplication *self, GdnnWindow *window);
static void settings_window_shown  (GdnnApplication *self, GtkWindow  *window);

static void
present_main_window (GdnnApplication *self,
                     GdnnStore       *store)
{
  GtkWindow *window = GTK_WINDOW (gdnn_window_new (ADW_APPLICATION (self), store));

  settings_window_opened (self, GDNN_WINDOW (window));
  gdnn_first_frame_watch (window); /* bench/bench-startup only */
  gtk_window_present (window);
  settings_window_shown (self, window);
  if (self->daily_backup_source == 0 && self->daily_backup_delay_s >= 0)
    self->daily_backup_source = g_timeout_add_seconds ((guint) self->daily_backup_delay_s, start_daily_backup, self);
}

/* ---- A data file that cannot be opened -------------------------------- */

static void
on_start_restored (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  GdnnApplication *self = GDNN_APPLICATION (gtk_window_get_application (window));
  AdwStatusPage *page = g_object_get_data (G_OBJECT (window), "status-page");
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (gdnn_backup_restore_finish (result, &error))
    store = open_or_create (self, &error);
  if (store == NULL)
    {
      adw_status_page_set_description (page, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (window), TRUE);
      return;
    }
  present_main_window (self, store);
  gtk_window_destroy (window);
}

static void
restore_latest_clicked (GtkButton *button,
                        GtkWindow *window)
{
  GdnnApplication *self = GDNN_APPLICATION (gtk_window_get_application (window));
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");

  gtk_widget_set_sensitive (GTK_WIDGET (window), FALSE);
  gdnn_backup_restore_async (self->db_path, path, NULL, on_start_restored, g_object_ref (window));
}

static void
on_other_file_chosen (GtkNativeDialog *chooser,
                      int              response,
                      GtkWindow       *window)
{
  GdnnApplication *self = GDNN_APPLICATION (gtk_window_get_application (window));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      g_file_peek_path (file) != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
      g_object_ref (self);
      gtk_window_destroy (window);
      g_application_activate (G_APPLICATION (self));
      g_object_unref (self);
    }
  g_object_unref (chooser);
}

static void
open_other_clicked (GtkButton *button,
                    GtkWindow *window)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Data File"), window, GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gdnn_file_chooser_set_start_folder (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_other_file_chosen), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
quit_clicked (GtkButton *button,
              GtkWindow *window)
{
  gtk_window_destroy (window);
}

static GtkWidget *
add_pill (GtkWidget  *box,
          const char *label,
          gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* A damaged file: offer the newest good backup. Another program's file or
 * a newer version's: explain and never touch it; offer another file. The
 * file itself is left as it is in every case. */
static void
show_open_error (GdnnApplication *self,
                 GError          *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *name = g_filename_display_name (self->db_path);
  g_autofree char *description = NULL;
  GtkWidget *button;

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");

  if (g_error_matches (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT))
    {
      g_autoptr(GdnnBackupInfo) latest = gdnn_backup_latest_good (self->db_path);

      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The Data File Is Damaged"));
      if (latest != NULL)
        {
          g_autofree char *when = g_date_time_format (latest->time, "%d/%m/%Y %H:%M");
          g_autofree char *label = g_strdup_printf (_("_Restore the Latest Backup (%s)"), when);

          description = g_strdup_printf (_("“%s” cannot be read: it is damaged. Restoring the latest good backup "
                                           "brings back the data as they were on %s; the damaged file is kept "
                                           "beside it."), name, when);
          button = add_pill (buttons, label, TRUE);
          g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (latest->path), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (restore_latest_clicked), window);
        }
      else
        description = g_strdup_printf (_("“%s” cannot be read: it is damaged, and no good backup of it was found. "
                                         "The file was not changed."), name);
    }
  else if (g_error_matches (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN) ||
           g_error_matches (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_TOO_NEW))
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("This File Cannot Be Opened"));
      description = g_strdup_printf ("%s\n%s", error->message,
                                     _("The file was not changed. Open another data file, or quit."));
      button = add_pill (buttons, _("_Open Another File…"), TRUE);
      g_signal_connect (button, "clicked", G_CALLBACK (open_other_clicked), window);
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The Data File Cannot Be Opened"));
      description = g_strdup (error->message);
    }

  button = add_pill (buttons, _("_Quit"), FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (quit_clicked), window);

  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), buttons);
  g_object_set_data (G_OBJECT (window), "status-page", page);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Plans and Reports"));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 520);
  gtk_window_present (GTK_WINDOW (window));
}

/* Settings (issue 8): the window's size and plan, the backups kept, the
 * getting-started page on the first start. Without the schema (a build
 * tree run without GSETTINGS_SCHEMA_DIR) nothing is remembered. */

/* "Backups kept" changed in the preferences: the open database keeps
 * that many automatic backups from now on. */
static void
apply_backup_retention (GdnnApplication *self,
                        GdnnStore       *store)
{
  g_autoptr(GError) error = NULL;
  guint retention;

  if (self->settings == NULL || store == NULL || self->syncing_retention)
    return;
  retention = (guint) g_settings_get_int (self->settings, "backup-retention");
  if (retention != gdnn_backup_get_retention (store) &&
      !gdnn_backup_set_retention (store, retention, &error))
    g_warning ("Backups kept: %s", error->message);
}

/* The preferences show what the opened database keeps (the command line
 * and the backup window may have changed it), within the schema's range. */
static void
sync_backup_retention (GdnnApplication *self,
                       GdnnStore       *store)
{
  int kept = (int) MIN (gdnn_backup_get_retention (store), 100);

  if (self->settings == NULL || kept == g_settings_get_int (self->settings, "backup-retention"))
    return;
  self->syncing_retention = TRUE;
  g_settings_set_int (self->settings, "backup-retention", kept);
  self->syncing_retention = FALSE;
}

static void
on_backup_retention_changed (GdnnApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GDNN_IS_WINDOW (window))
    apply_backup_retention (self, gdnn_window_get_store (GDNN_WINDOW (window)));
}

static void
settings_startup (GdnnApplication *self)
{
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  gtk_window_set_default_icon_name (APP_ID);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = gdnn_settings_new ();
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->settings != NULL);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::backup-retention",
                             G_CALLBACK (on_backup_retention_changed), self, G_CONNECT_SWAPPED);
}

/* Before the window is shown: its last size and plan. */
static void
settings_window_opened (GdnnApplication *self,
                        GdnnWindow      *window)
{
  if (self->settings == NULL)
    return;
  gdnn_window_state_track (window, self->settings);
  sync_backup_retention (self, gdnn_window_get_store (window));
}

/* The getting-started page, once. */
static void
settings_window_shown (GdnnApplication *self,
                       GtkWindow       *window)
{
  if (self->settings == NULL || g_settings_get_boolean (self->settings, "welcome-shown"))
    return;
  g_settings_set_boolean (self->settings, "welcome-shown", TRUE);
  gtk_window_present (GTK_WINDOW (gdnn_help_window_new (window)));
}

static void
gdnn_application_activate (GApplication *app)
{
  GdnnApplication *self = GDNN_APPLICATION (app);
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  store = open_or_create (self, &error);
  if (store == NULL)
    {
      show_open_error (self, error);
      return;
    }

  present_main_window (self, store);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (gdnn_about_window_new (gtk_application_get_active_window (app))));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (gdnn_help_window_new (gtk_application_get_active_window (app))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GdnnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_return_if_fail (self->settings != NULL);
  gtk_window_present (GTK_WINDOW (gdnn_preferences_window_new (parent, self->settings)));
}

/* Quitting closes each window as its close button does, so that a page
 * with typing not saved yet can hold its window and say so; the
 * application ends when the last window has gone. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing one window may destroy others (its dialogs). */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "help", help_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
gdnn_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };

  /* AdwApplication loads style.css from the resource base path
   * (/vn/gdnn/Report) itself. */
  G_APPLICATION_CLASS (gdnn_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  settings_startup (GDNN_APPLICATION (app));
}

/* No backup is started once the last window has closed: the day's backup
 * belongs to a session with the database open. */
static void
gdnn_application_window_removed (GtkApplication *app,
                                 GtkWindow      *window)
{
  GdnnApplication *self = GDNN_APPLICATION (app);

  GTK_APPLICATION_CLASS (gdnn_application_parent_class)->window_removed (app, window);
  if (gtk_application_get_windows (app) == NULL)
    g_clear_handle_id (&self->daily_backup_source, g_source_remove);
}

static void
gdnn_application_finalize (GObject *object)
{
  GdnnApplication *self = (GdnnApplication *)object;

  g_clear_handle_id (&self->daily_backup_source, g_source_remove);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gdnn_application_parent_class)->finalize (object);
}

static void
gdnn_application_class_init (GdnnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = gdnn_application_finalize;
  app_class->activate = gdnn_application_activate;
  app_class->startup = gdnn_application_startup;
  gtk_app_class->window_removed = gdnn_application_window_removed;
}

static void
gdnn_application_init (GdnnApplication *self)
{
  self->daily_backup_delay_s = daily_backup_delay_from_env ();
}

GdnnApplication *
gdnn_application_new (const char *db_path)
{
  GdnnApplication *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  /* NON_UNIQUE: a second window on another --db must not be handed to
   * the first process. */
  self = g_object_new (GDNN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/vn/gdnn/Report",
                       NULL);
  self->db_path = g_strdup (db_path);
  return self;
}
