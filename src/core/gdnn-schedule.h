/* gdnn-schedule.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-model.h"

G_BEGIN_DECLS

int gdnn_schedule_next_due (GPtrArray               *periods,
                            const GDate             *today,
                            GDate                   *due,
                            const GdnnReportPeriod **period);

G_END_DECLS
