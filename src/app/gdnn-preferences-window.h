/* gdnn-preferences-window.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GDNN_TYPE_PREFERENCES_WINDOW (gdnn_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GdnnPreferencesWindow, gdnn_preferences_window, GDNN, PREFERENCES_WINDOW, AdwPreferencesWindow)

GdnnPreferencesWindow *gdnn_preferences_window_new (GtkWindow *parent,
                                                    GSettings *settings);

G_END_DECLS
