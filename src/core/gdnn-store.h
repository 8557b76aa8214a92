/* gdnn-store.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "gdnn-model.h"

G_BEGIN_DECLS

#define GDNN_STORE_ERROR (gdnn_store_error_quark ())

typedef enum
{
  GDNN_STORE_ERROR_OPEN,
  GDNN_STORE_ERROR_FOREIGN,     /* not a database this program created */
  GDNN_STORE_ERROR_CORRUPT,
  GDNN_STORE_ERROR_TOO_NEW,     /* written by a newer version of the program */
  GDNN_STORE_ERROR_CONSTRAINT,
  GDNN_STORE_ERROR_NOT_FOUND,
  GDNN_STORE_ERROR_INVALID,
  GDNN_STORE_ERROR_FULL,
  GDNN_STORE_ERROR_READONLY,
  GDNN_STORE_ERROR_BUSY,
  GDNN_STORE_ERROR_FAILED,
} GdnnStoreError;

typedef enum
{
  GDNN_STORE_OPEN_DEFAULT = 0,
  GDNN_STORE_OPEN_CREATE  = 1 << 0,  /* create the file when it does not exist */
} GdnnStoreOpenFlags;

#define GDNN_TYPE_STORE (gdnn_store_get_type ())

G_DECLARE_FINAL_TYPE (GdnnStore, gdnn_store, GDNN, STORE, GObject)

typedef gboolean (*GdnnStoreFunc) (GdnnStore  *store,
                                   gpointer    user_data,
                                   GError    **error);

GQuark      gdnn_store_error_quark         (void);
GdnnStore  *gdnn_store_open                (const char          *path,
                                            GdnnStoreOpenFlags   flags,
                                            GError             **error);
GdnnStore  *gdnn_store_open_reader         (const char          *path,
                                            GError             **error);
const char *gdnn_store_get_path            (GdnnStore           *self);
int         gdnn_store_get_schema_version  (GdnnStore           *self);
int         gdnn_store_latest_version      (void);
void        gdnn_store_set_user            (GdnnStore           *self,
                                            const char          *who);
const char *gdnn_store_get_user            (GdnnStore           *self);
gboolean    gdnn_store_begin               (GdnnStore           *self,
                                            GError             **error);
gboolean    gdnn_store_commit              (GdnnStore           *self,
                                            GError             **error);
void        gdnn_store_rollback            (GdnnStore           *self);
gboolean    gdnn_store_run_in_transaction  (GdnnStore           *self,
                                            GdnnStoreFunc        func,
                                            gpointer             user_data,
                                            GError             **error);
gboolean    gdnn_store_backup              (GdnnStore           *self,
                                            const char          *dest_path,
                                            GError             **error);
gboolean    gdnn_store_restore_file        (const char          *backup_path,
                                            const char          *db_path,
                                            GError             **error);
GPtrArray  *gdnn_store_check               (GdnnStore           *self,
                                            GError             **error);
gboolean    gdnn_store_is_empty            (GdnnStore           *self);
gint64      gdnn_store_get_last_change     (GdnnStore           *self);
gint64      gdnn_store_count_rows          (GdnnStore           *self,
                                            const char          *table);
gboolean    gdnn_store_folder_is_in_use    (const char          *folder);
gboolean    gdnn_store_is_database_file    (const char          *path);
char       *gdnn_store_get_meta            (GdnnStore           *self,
                                            const char          *key);
gboolean    gdnn_store_set_meta            (GdnnStore           *self,
                                            const char          *key,
                                            const char          *value,
                                            GError             **error);

/* Units */
GPtrArray  *gdnn_store_list_units          (GdnnStore           *self,
                                            GError             **error);
GdnnUnit   *gdnn_store_get_unit            (GdnnStore           *self,
                                            gint64               id,
                                            GError             **error);
GdnnUnit   *gdnn_store_find_unit_by_code   (GdnnStore           *self,
                                            const char          *code,
                                            GError             **error);
gint64      gdnn_store_add_unit            (GdnnStore           *self,
                                            const GdnnUnit      *unit,
                                            GError             **error);
gboolean    gdnn_store_update_unit         (GdnnStore           *self,
                                            const GdnnUnit      *unit,
                                            GError             **error);
gboolean    gdnn_store_attach_plan         (GdnnStore           *self,
                                            gint64               unit_id,
                                            gint64               plan_id,
                                            GError             **error);
GPtrArray  *gdnn_store_list_unit_plans     (GdnnStore           *self,
                                            gint64               unit_id,
                                            GError             **error);

/* Plans and their parts */
GPtrArray  *gdnn_store_list_plans          (GdnnStore           *self,
                                            GError             **error);
GdnnPlan   *gdnn_store_get_plan            (GdnnStore           *self,
                                            gint64               id,
                                            GError             **error);
GdnnPlan   *gdnn_store_find_plan           (GdnnStore           *self,
                                            const char          *number,
                                            GError             **error);
gint64      gdnn_store_add_plan            (GdnnStore           *self,
                                            const GdnnPlan      *plan,
                                            GError             **error);
gint64      gdnn_store_add_report_period   (GdnnStore           *self,
                                            gint64               plan_id,
                                            const GdnnReportPeriod *period,
                                            GError             **error);
GPtrArray  *gdnn_store_list_report_periods (GdnnStore           *self,
                                            gint64               plan_id,
                                            GError             **error);
gint64      gdnn_store_add_body            (GdnnStore           *self,
                                            const GdnnBody      *body,
                                            GError             **error);
GPtrArray  *gdnn_store_list_bodies         (GdnnStore           *self,
                                            gint64               plan_id,
                                            GError             **error);
gboolean    gdnn_store_link_body           (GdnnStore           *self,
                                            gint64               body_id,
                                            gint64               unit_id,
                                            GError             **error);
gint64      gdnn_store_add_indicator_group (GdnnStore           *self,
                                            gint64               plan_id,
                                            const char          *code,
                                            const char          *title,
                                            int                  position,
                                            GError             **error);
gint64      gdnn_store_add_indicator       (GdnnStore           *self,
                                            const GdnnIndicator *indicator,
                                            GError             **error);
gboolean    gdnn_store_add_responsible     (GdnnStore           *self,
                                            gint64               indicator_id,
                                            gint64               body_id,
                                            GError             **error);
gint64      gdnn_store_add_target          (GdnnStore           *self,
                                            const GdnnTarget    *target,
                                            GError             **error);
GPtrArray  *gdnn_store_list_indicators     (GdnnStore           *self,
                                            gint64               plan_id,
                                            GError             **error);
GdnnIndicator *gdnn_store_find_indicator   (GdnnStore           *self,
                                            gint64               plan_id,
                                            const char          *code,
                                            GError             **error);
gint64      gdnn_store_add_task_group      (GdnnStore           *self,
                                            gint64               plan_id,
                                            const char          *code,
                                            const char          *title,
                                            int                  position,
                                            GError             **error);
gint64      gdnn_store_add_task            (GdnnStore           *self,
                                            const GdnnTask      *task,
                                            GError             **error);
gboolean    gdnn_store_add_cooperator      (GdnnStore           *self,
                                            gint64               task_id,
                                            gint64               body_id,
                                            GError             **error);
GPtrArray  *gdnn_store_list_tasks          (GdnnStore           *self,
                                            gint64               plan_id,
                                            gint64               unit_id,
                                            GError             **error);
gint64      gdnn_store_add_budget_line     (GdnnStore           *self,
                                            const GdnnBudgetLine *line,
                                            GError             **error);
GPtrArray  *gdnn_store_list_budget_lines   (GdnnStore           *self,
                                            gint64               plan_id,
                                            GError             **error);
gboolean    gdnn_store_set_budget_year     (GdnnStore           *self,
                                            gint64               line_id,
                                            const GdnnBudgetYear *year,
                                            GError             **error);

/* Undo, from the change log */
gboolean    gdnn_store_undo                (GdnnStore           *self,
                                            char               **entity,
                                            gint64              *entity_id,
                                            GError             **error);

/* Values and task progress */
gboolean    gdnn_store_set_value           (GdnnStore           *self,
                                            const GdnnValue     *value,
                                            GError             **error);
GdnnValue  *gdnn_store_get_value           (GdnnStore           *self,
                                            gint64               unit_id,
                                            gint64               indicator_id,
                                            int                  year,
                                            const char          *period,
                                            GError             **error);
GPtrArray  *gdnn_store_list_values         (GdnnStore           *self,
                                            gint64               unit_id,
                                            gint64               plan_id,
                                            int                  year,
                                            GError             **error);
gboolean    gdnn_store_set_task_progress   (GdnnStore           *self,
                                            const GdnnTaskProgress *progress,
                                            GError             **error);
GPtrArray  *gdnn_store_list_task_progress  (GdnnStore           *self,
                                            gint64               unit_id,
                                            gint64               plan_id,
                                            int                  year,
                                            GError             **error);

G_END_DECLS
