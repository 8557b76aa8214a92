/* gdnn-charts-page.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_CHARTS_PAGE (gdnn_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (GdnnChartsPage, gdnn_charts_page, GDNN, CHARTS_PAGE, AdwBin)

gboolean gdnn_charts_page_show (GdnnChartsPage  *self,
                                GdnnStore       *store,
                                gint64           unit_id,
                                gint64           plan_id,
                                int              year,
                                GError         **error);

gboolean gdnn_charts_page_is_loading (GdnnChartsPage  *self);

G_END_DECLS
