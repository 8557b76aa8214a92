/* gdnn-report-page-history.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gdnn_report_page_history_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
