/* gdnn-review-import.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Imports received report files in a worker thread with its own database
 * connection, so the window never waits for it. @progress runs on the
 * thread-default main context of the caller after each file. */

typedef void (*GdnnReviewImportProgress) (guint    done,
                                          guint    total,
                                          gpointer user_data);

typedef struct
{
  GPtrArray *outcomes;   /* of GdnnImportOutcome */
  guint      total;      /* files found in what was given */
  guint      imported;
  guint      replaced;   /* imported files that replaced an earlier one */
  gboolean   cancelled;
} GdnnReviewImportResult;

/* @received_at: when the files arrived (ISO 8601), NULL for now. */
void                    gdnn_review_import_async        (const char               *db_path,
                                                         const char * const       *paths,
                                                         const char               *received_at,
                                                         GCancellable             *cancellable,
                                                         GdnnReviewImportProgress  progress,
                                                         gpointer                  progress_data,
                                                         GDestroyNotify            progress_data_free,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GdnnReviewImportResult *gdnn_review_import_finish       (GAsyncResult             *result,
                                                         GError                  **error);
void                    gdnn_review_import_result_free  (GdnnReviewImportResult   *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReviewImportResult, gdnn_review_import_result_free)

G_END_DECLS
