/* gdnn-validation.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-model.h"

G_BEGIN_DECLS

/* Values may be entered for a few years before a plan starts, as its
 * baseline (e.g. 2020–2021 for a plan 2022–2030). */
#define GDNN_VALUE_YEARS_BEFORE_PLAN 5

gboolean gdnn_validate_value (GdnnMeasure       measure,
                              const GdnnValue  *value,
                              GError          **error);

G_END_DECLS
