/* gdnn-background.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The nice value of the threads that read and lay out in the background. */
#define GDNN_BACKGROUND_NICE 10

void gdnn_task_run_in_background (GTask           *task,
                                  GTaskThreadFunc  func);

G_END_DECLS
