/* gdnn-backup.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

/* Why a backup in the rotation was made; part of its file name. */
typedef enum
{
  GDNN_BACKUP_DAILY,
  GDNN_BACKUP_MIGRATION,
  GDNN_BACKUP_RESTORE,
  GDNN_BACKUP_IMPORT,
  GDNN_BACKUP_MANUAL,
} GdnnBackupReason;

#define GDNN_BACKUP_DEFAULT_RETENTION 10
#define GDNN_BACKUP_MAX_RETENTION     1000

typedef struct
{
  char             *path;
  GDateTime        *time;         /* local time, from the file name */
  GdnnBackupReason  reason;
  gint64            size;         /* bytes */
  gboolean          ok;           /* opens as one of our databases and passes quick_check */
  gint64            n_units;      /* -1 when the backup is damaged */
  gint64            n_plans;
  gint64            n_values;
  gint64            last_change;  /* the newest change-log id it holds */
} GdnnBackupInfo;

void            gdnn_backup_info_free        (GdnnBackupInfo   *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnBackupInfo, gdnn_backup_info_free)

const char     *gdnn_backup_reason_to_string (GdnnBackupReason  reason);
const char     *gdnn_backup_reason_label     (GdnnBackupReason  reason);
char           *gdnn_backup_dir              (const char       *db_path);

guint           gdnn_backup_get_retention    (GdnnStore        *store);
gboolean        gdnn_backup_set_retention    (GdnnStore        *store,
                                              guint             retention,
                                              GError          **error);

gboolean        gdnn_backup_before           (GdnnStore        *store,
                                              GdnnBackupReason  reason,
                                              char            **out_path,
                                              GError          **error);
gboolean        gdnn_backup_daily            (GdnnStore        *store,
                                              gboolean         *made,
                                              GError          **error);
GPtrArray      *gdnn_backup_list             (const char       *db_path,
                                              GError          **error);
GdnnBackupInfo *gdnn_backup_inspect          (const char       *backup_path);
GdnnBackupInfo *gdnn_backup_latest_good      (const char       *db_path);
gboolean        gdnn_backup_restore          (const char       *db_path,
                                              const char       *backup_path,
                                              GError          **error);
gboolean        gdnn_backup_quick_check      (GdnnStore        *store,
                                              GError          **error);

G_END_DECLS
