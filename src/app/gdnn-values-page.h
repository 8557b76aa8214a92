/* gdnn-values-page.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_VALUES_PAGE (gdnn_values_page_get_type ())

G_DECLARE_FINAL_TYPE (GdnnValuesPage, gdnn_values_page, GDNN, VALUES_PAGE, AdwBin)

gboolean    gdnn_values_page_show      (GdnnValuesPage  *self,
                                        GdnnStore       *store,
                                        gint64           unit_id,
                                        gint64           plan_id,
                                        int              year,
                                        GError         **error);
GListModel *gdnn_values_page_get_rows  (GdnnValuesPage  *self);

G_END_DECLS
