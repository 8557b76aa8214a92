/* gdnn-window-state.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main window's size and the plan it showed, kept in GSettings
 * (window-width, window-height, window-maximized, last-unit, last-plan):
 * saved when the window closes, restored when it opens. */

#define G_LOG_DOMAIN "gdnn-window-state"

#include "config.h"

#include "gdnn-window-state.h"

/* Before the window is shown: its size, then the plan it showed last (the
 * sidebar selects it and the plan's pages load). A plan that is no longer
 * in the database is forgotten quietly. */
void
gdnn_window_state_restore (GdnnWindow *window,
                           GSettings  *settings)
{
  g_autofree char *unit = NULL;
  g_autofree char *plan = NULL;

  g_return_if_fail (GDNN_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gtk_window_set_default_size (GTK_WINDOW (window),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (window));

  unit = g_settings_get_string (settings, "last-unit");
  plan = g_settings_get_string (settings, "last-plan");
  if (unit[0] != '\0' && plan[0] != '\0')
    gdnn_window_select_plan (window, unit, plan);
}

/* The size is the one before maximizing: GTK keeps the default size
 * while the window is maximized. */
void
gdnn_window_state_save (GdnnWindow *window,
                        GSettings  *settings)
{
  const char *unit = NULL;
  const char *plan = NULL;
  int width, height;

  g_return_if_fail (GDNN_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (window)));
  if (gdnn_window_get_selected_plan (window, &unit, &plan))
    {
      g_settings_set_string (settings, "last-unit", unit);
      g_settings_set_string (settings, "last-plan", plan);
    }
}

static gboolean
on_close_request (GtkWindow *window,
                  GSettings *settings)
{
  gdnn_window_state_save (GDNN_WINDOW (window), settings);
  return FALSE;
}

/* Restores @window's state now and saves it when it closes. */
void
gdnn_window_state_track (GdnnWindow *window,
                         GSettings  *settings)
{
  g_return_if_fail (GDNN_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gdnn_window_state_restore (window, settings);
  g_signal_connect_data (window, "close-request", G_CALLBACK (on_close_request),
                         g_object_ref (settings), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
}
