/* gdnn-plan-overview.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_PLAN_OVERVIEW (gdnn_plan_overview_get_type ())

G_DECLARE_FINAL_TYPE (GdnnPlanOverview, gdnn_plan_overview, GDNN, PLAN_OVERVIEW, AdwBin)

gboolean gdnn_plan_overview_show (GdnnPlanOverview  *self,
                                  GdnnStore         *store,
                                  gint64             unit_id,
                                  gint64             plan_id,
                                  const GDate       *today,
                                  GError           **error);

gboolean gdnn_plan_overview_is_loading (GdnnPlanOverview *self);

G_END_DECLS
