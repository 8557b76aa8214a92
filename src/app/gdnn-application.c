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
#include "gdnn-application.h"
#include "gdnn-demo.h"
#include "gdnn-help-window.h"
#include "gdnn-preferences-window.h"
#include "gdnn-settings.h"
#include "gdnn-store.h"
#include "gdnn-window-state.h"
#include "gdnn-window.h"

/* The automatic backups (issue 7, src/core/gdnn-backup.h) keep their
 * retention in the database; until that module is merged in, the setting
 * is only stored. */
#if __has_include ("gdnn-backup.h")
#include "gdnn-backup.h"
#define HAVE_GDNN_BACKUP 1
#endif

struct _GdnnApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  GSettings      *settings;  /* NULL when the schema is not installed */
  gboolean        syncing_retention;
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

static void
show_open_error (GdnnApplication *self,
                 GError          *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The Data File Cannot Be Opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), error->message);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
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
  guint retention;

  if (self->settings == NULL || store == NULL || self->syncing_retention)
    return;
  retention = (guint) g_settings_get_int (self->settings, "backup-retention");
#ifdef HAVE_GDNN_BACKUP
  {
    g_autoptr(GError) error = NULL;

    if (retention != gdnn_backup_get_retention (store) &&
        !gdnn_backup_set_retention (store, retention, &error))
      g_warning ("Backups kept: %s", error->message);
  }
#else
  /* INTEGRATOR: without src/core/gdnn-backup.h, the number is only kept in the settings. */
  (void) retention;
#endif
}

/* The preferences show what the opened database keeps (the command line
 * and the backup window may have changed it), within the schema's range. */
static void
sync_backup_retention (GdnnApplication *self,
                       GdnnStore       *store)
{
#ifdef HAVE_GDNN_BACKUP
  int kept = (int) MIN (gdnn_backup_get_retention (store), 100);

  if (self->settings == NULL || kept == g_settings_get_int (self->settings, "backup-retention"))
    return;
  self->syncing_retention = TRUE;
  g_settings_set_int (self->settings, "backup-retention", kept);
  self->syncing_retention = FALSE;
#endif
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

  window = GTK_WINDOW (gdnn_window_new (ADW_APPLICATION (app), store));
  settings_window_opened (self, GDNN_WINDOW (window));
  gtk_window_present (window);
  settings_window_shown (self, window);
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

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
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
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (gdnn_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  settings_startup (GDNN_APPLICATION (app));

  gtk_css_provider_load_from_resource (css, "/vn/gdnn/Report/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
gdnn_application_finalize (GObject *object)
{
  GdnnApplication *self = (GdnnApplication *)object;

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gdnn_application_parent_class)->finalize (object);
}

static void
gdnn_application_class_init (GdnnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gdnn_application_finalize;
  app_class->activate = gdnn_application_activate;
  app_class->startup = gdnn_application_startup;
}

static void
gdnn_application_init (GdnnApplication *self)
{
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
