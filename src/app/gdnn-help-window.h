/* gdnn-help-window.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GDNN_TYPE_HELP_WINDOW (gdnn_help_window_get_type ())

G_DECLARE_FINAL_TYPE (GdnnHelpWindow, gdnn_help_window, GDNN, HELP_WINDOW, AdwWindow)

GdnnHelpWindow *gdnn_help_window_new (GtkWindow *parent);

G_END_DECLS
