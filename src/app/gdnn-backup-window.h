/* gdnn-backup-window.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-window.h"

G_BEGIN_DECLS

#define GDNN_TYPE_BACKUP_WINDOW (gdnn_backup_window_get_type ())

G_DECLARE_FINAL_TYPE (GdnnBackupWindow, gdnn_backup_window, GDNN, BACKUP_WINDOW, AdwPreferencesWindow)

GdnnBackupWindow *gdnn_backup_window_new      (GdnnWindow          *main_window);
gboolean          gdnn_backup_window_is_busy  (GdnnBackupWindow    *self);

/* A restore in a worker thread (gdnn_backup_restore()). */
void              gdnn_backup_restore_async   (const char          *db_path,
                                               const char          *backup_path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean          gdnn_backup_restore_finish  (GAsyncResult        *result,
                                               GError             **error);

/* Opens the data file again in a new main window that takes @old's place
 * (@old may be %NULL); returns the new window or %NULL with @error set. */
GdnnWindow       *gdnn_backup_reopen          (GtkApplication      *application,
                                               const char          *db_path,
                                               GtkWindow           *old,
                                               GError             **error);

G_END_DECLS
