/* gdnn-demo.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-store.h"

G_BEGIN_DECLS

gboolean gdnn_demo_init     (GdnnStore  *store,
                             GError    **error);
gboolean gdnn_demo_populate (GdnnStore  *store,
                             int         current_year,
                             GError    **error);

G_END_DECLS
