/* gdnn-task-editor.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"
#include "gdnn-task-row.h"

G_BEGIN_DECLS

#define GDNN_TYPE_TASK_EDITOR (gdnn_task_editor_get_type ())

G_DECLARE_FINAL_TYPE (GdnnTaskEditor, gdnn_task_editor, GDNN, TASK_EDITOR, AdwWindow)

GdnnTaskEditor *gdnn_task_editor_new  (GtkWindow      *parent,
                                       GdnnStore      *store,
                                       GdnnTaskRow    *row);
GdnnTaskRow    *gdnn_task_editor_get_row (GdnnTaskEditor *self);
gboolean        gdnn_task_editor_save (GdnnTaskEditor *self);

G_END_DECLS
