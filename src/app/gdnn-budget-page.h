/* gdnn-budget-page.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_BUDGET_PAGE (gdnn_budget_page_get_type ())

G_DECLARE_FINAL_TYPE (GdnnBudgetPage, gdnn_budget_page, GDNN, BUDGET_PAGE, AdwBin)

gboolean    gdnn_budget_page_show      (GdnnBudgetPage  *self,
                                        GdnnStore       *store,
                                        gint64           unit_id,
                                        gint64           plan_id,
                                        int              year,
                                        GError         **error);
GListModel *gdnn_budget_page_get_rows  (GdnnBudgetPage  *self);

G_END_DECLS
