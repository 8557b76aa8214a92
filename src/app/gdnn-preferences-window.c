/* gdnn-preferences-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Preferences" (main menu, Ctrl+,): the interface language, applied by
 * gdnn_i18n_init() on the next start, and how many automatic backups are
 * kept. Both are written to GSettings as soon as they change. */

#define G_LOG_DOMAIN "gdnn-preferences-window"

#include "config.h"

#include "gdnn-preferences-window.h"

struct _GdnnPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *language_row;
  GtkSpinButton        *retention_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (GdnnPreferencesWindow, gdnn_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the language list, in the order of the .ui file. */
static const char * const languages[] = { "", "vi", "en" };

static void
on_language_selected (GdnnPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  if (i < G_N_ELEMENTS (languages))
    g_settings_set_string (self->settings, "ui-language", languages[i]);
}

static void
on_retention_changed (GdnnPreferencesWindow *self)
{
  g_settings_set_int (self->settings, "backup-retention", gtk_spin_button_get_value_as_int (self->retention_spin));
}

static void
load_settings (GdnnPreferencesWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "ui-language");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      adw_combo_row_set_selected (self->language_row, i);
  gtk_spin_button_set_value (self->retention_spin, g_settings_get_int (self->settings, "backup-retention"));

  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (on_language_selected), self);
  g_signal_connect_swapped (self->retention_spin, "value-changed", G_CALLBACK (on_retention_changed), self);
}

static void
gdnn_preferences_window_dispose (GObject *object)
{
  GdnnPreferencesWindow *self = GDNN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gdnn_preferences_window_parent_class)->dispose (object);
}

static void
gdnn_preferences_window_class_init (GdnnPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnPreferencesWindow, retention_spin);
}

static void
gdnn_preferences_window_init (GdnnPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdnn_preferences_window_new:
 * @parent: (nullable): the main window
 * @settings: the application's settings (gdnn_settings_new())
 *
 * Returns: (transfer none): the preferences window, not yet shown
 */
GdnnPreferencesWindow *
gdnn_preferences_window_new (GtkWindow *parent,
                             GSettings *settings)
{
  GdnnPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GDNN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  load_settings (self);
  return self;
}
