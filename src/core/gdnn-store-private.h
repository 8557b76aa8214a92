/* gdnn-store-private.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

sqlite3      *gdnn_store_get_db         (GdnnStore   *self);
sqlite3_stmt *gdnn_store_prepare        (GdnnStore   *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      gdnn_store_step_done      (GdnnStore    *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
gint64        gdnn_store_query_int64    (sqlite3     *db,
                                         const char  *sql,
                                         gint64       fallback);
int           gdnn_store_error_code_for_db (sqlite3   *db,
                                            int       *sys_errno);
void          gdnn_store_set_error      (GdnnStore   *self,
                                         GError     **error);
gboolean      gdnn_store_exec           (sqlite3     *db,
                                         const char  *sql,
                                         GError     **error);
gboolean      gdnn_store_migrate        (sqlite3     *db,
                                         int          from_version,
                                         int          to_version,
                                         GError     **error);
GdnnStore    *gdnn_store_open_at_version (const char *path,
                                          int         version,
                                          GError    **error);
void          gdnn_bind_text            (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
void          gdnn_bind_id              (sqlite3_stmt *stmt,
                                         int           index,
                                         gint64        id);
char         *gdnn_column_text          (sqlite3_stmt *stmt,
                                         int           index);
char         *gdnn_now_iso8601          (void);
char         *gdnn_store_lock_path      (const char  *db_path);

G_END_DECLS
