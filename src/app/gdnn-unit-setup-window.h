/* gdnn-unit-setup-window.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_UNIT_SETUP_WINDOW (gdnn_unit_setup_window_get_type ())

G_DECLARE_FINAL_TYPE (GdnnUnitSetupWindow, gdnn_unit_setup_window, GDNN, UNIT_SETUP_WINDOW, AdwPreferencesWindow)

GdnnUnitSetupWindow *gdnn_unit_setup_window_new         (GtkWindow           *parent,
                                                         GdnnStore           *store,
                                                         gint64               unit_id);
gint64               gdnn_unit_setup_window_get_unit_id (GdnnUnitSetupWindow *self);
void                 gdnn_unit_setup_window_show_new_task (GdnnUnitSetupWindow *self,
                                                           gint64               plan_id);

G_END_DECLS
