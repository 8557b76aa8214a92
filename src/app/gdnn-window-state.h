/* gdnn-window-state.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gdnn-window.h"

G_BEGIN_DECLS

void gdnn_window_state_restore (GdnnWindow *window,
                                GSettings  *settings);
void gdnn_window_state_save    (GdnnWindow *window,
                                GSettings  *settings);
void gdnn_window_state_track   (GdnnWindow *window,
                                GSettings  *settings);

G_END_DECLS
