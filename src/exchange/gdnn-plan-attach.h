/* gdnn-plan-attach.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-store.h"

G_BEGIN_DECLS

/* What a plan-template file says about its plan, read without storing it. */
typedef struct
{
  char *name;        /* the shipped resource's or the file's name */
  char *number;
  char *title;
  char *issuer;
  int   first_year;
  int   last_year;
} GdnnTemplateInfo;

void              gdnn_template_info_free              (GdnnTemplateInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnTemplateInfo, gdnn_template_info_free)

GdnnTemplateInfo *gdnn_plan_template_peek_data         (const char  *data,
                                                        gsize        length,
                                                        const char  *source_name,
                                                        GError     **error);
GPtrArray        *gdnn_plan_template_list_shipped_info (GError     **error);
gint64            gdnn_plan_template_attach_shipped    (GdnnStore   *store,
                                                        gint64       unit_id,
                                                        const char  *name,
                                                        GError     **error);
gint64            gdnn_plan_template_attach_file       (GdnnStore   *store,
                                                        gint64       unit_id,
                                                        const char  *path,
                                                        GError     **error);

G_END_DECLS
