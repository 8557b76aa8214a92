/* gdnn-unit-setup.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-store.h"

G_BEGIN_DECLS

/* The field a validation error is about, so that a form can show the
 * message beside the right row. */
typedef enum
{
  GDNN_UNIT_FIELD_NONE,
  GDNN_UNIT_FIELD_CODE,
  GDNN_UNIT_FIELD_NAME,
  GDNN_UNIT_FIELD_TYPE,
  GDNN_UNIT_FIELD_OWNERSHIP,
  GDNN_UNIT_FIELD_PARENT,
  GDNN_UNIT_FIELD_PHONE,
  GDNN_UNIT_FIELD_EMAIL,
} GdnnUnitField;

/* What a unit has stored for one plan; a plan with any of it is not
 * detached (see gdnn_unit_setup_detach_plan()). */
typedef struct
{
  guint values;
  guint task_results;
  guint own_tasks;
  guint targets;
  guint reports;
  guint budget_lines;
} GdnnPlanUsage;

/* One per-unit target the unit may have: an indicator for which the plan
 * gives units targets of their own, and one of its milestone years. */
typedef struct
{
  gint64       indicator_id;
  char        *code;
  char        *name;
  GdnnMeasure  measure;
  char        *unit_label;
  int          year;
  gboolean     has_value;
  double       value;
} GdnnUnitTarget;

void        gdnn_unit_target_free            (GdnnUnitTarget  *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnUnitTarget, gdnn_unit_target_free)

void        gdnn_unit_setup_normalize        (GdnnUnit        *unit);
gboolean    gdnn_unit_setup_validate         (GdnnStore       *store,
                                              const GdnnUnit  *unit,
                                              GdnnUnitField   *out_field,
                                              GError         **error);
gint64      gdnn_unit_setup_save             (GdnnStore       *store,
                                              GdnnUnit        *unit,
                                              GdnnUnitField   *out_field,
                                              GError         **error);
GPtrArray  *gdnn_unit_setup_list_offices     (GdnnStore       *store,
                                              gint64           unit_id,
                                              GError         **error);

gboolean    gdnn_unit_setup_plan_usage       (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           plan_id,
                                              GdnnPlanUsage   *out_usage,
                                              GError         **error);
gboolean    gdnn_unit_setup_attach_plan      (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           plan_id,
                                              GError         **error);
gboolean    gdnn_unit_setup_detach_plan      (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           plan_id,
                                              GError         **error);

GPtrArray  *gdnn_unit_setup_list_own_tasks   (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           plan_id,
                                              GError         **error);
gint64      gdnn_unit_setup_save_task        (GdnnStore       *store,
                                              gint64           unit_id,
                                              const GdnnTask  *task,
                                              GError         **error);
gboolean    gdnn_unit_setup_delete_task      (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           task_id,
                                              GError         **error);

GPtrArray  *gdnn_unit_setup_list_targets     (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           plan_id,
                                              GError         **error);
gboolean    gdnn_unit_setup_set_target       (GdnnStore       *store,
                                              gint64           unit_id,
                                              gint64           indicator_id,
                                              int              year,
                                              const double    *value,
                                              GError         **error);

G_END_DECLS
