/* gdnn-cell-entry.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*GdnnCellCommitFunc) (GtkEntry *entry,
                                    gpointer  user_data);

GtkWidget *gdnn_cell_entry_new (gboolean            numeric,
                                int                 width_chars,
                                GdnnCellCommitFunc  commit,
                                gpointer            user_data);

G_END_DECLS
