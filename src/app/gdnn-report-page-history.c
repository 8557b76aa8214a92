/* gdnn-report-page-history.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-page"

#include "config.h"

#include "gdnn-history-window.h"
#include "gdnn-report-page-history.h"
#include "gdnn-report-page-private.h"

/* The report page's history menu: the report row's own changes, and what
 * changed since the report was finalised (the snapshot against the data). */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);

  if (self->store != NULL)
    gdnn_history_window_present_report (widget, self->store, self->unit_id, self->plan_id, self->year);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);

  if (self->store != NULL)
    gdnn_history_window_present_compare (widget, self->store, self->unit_id, self->plan_id, self->year);
}

void
gdnn_report_page_history_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "page.compare", NULL, compare_action);
}
