/* gdnn-application.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-application.h"
#include "gdnn-demo.h"
#include "gdnn-first-frame.h"
#include "gdnn-store.h"
#include "gdnn-window.h"

struct _GdnnApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
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
  gdnn_first_frame_watch (window); /* bench/bench-startup only */
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The gdnn-report authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Plans and Reports"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Keep a vocational-education institution's plans, indicators and tasks, and prepare the yearly report."),
                         NULL);
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

  gtk_css_provider_load_from_resource (css, "/vn/gdnn/Report/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
gdnn_application_finalize (GObject *object)
{
  GdnnApplication *self = (GdnnApplication *)object;

  g_clear_pointer (&self->db_path, g_free);

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
