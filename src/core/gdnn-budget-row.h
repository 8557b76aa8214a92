/* gdnn-budget-row.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gdnn-model.h"
#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_TYPE_BUDGET_ROW (gdnn_budget_row_get_type ())

G_DECLARE_FINAL_TYPE (GdnnBudgetRow, gdnn_budget_row, GDNN, BUDGET_ROW, GObject)

/* One line of the budget form: a budget line, the unit's amounts for a
 * year and the plan's reference figure, with the texts the form shows. */
GdnnBudgetRow        *gdnn_budget_row_new        (const GdnnBudgetLine *line,
                                                  int                   year);
gint64                gdnn_budget_row_get_line_id (GdnnBudgetRow       *self);
gboolean              gdnn_budget_row_is_own      (GdnnBudgetRow       *self);
const GdnnBudgetYear *gdnn_budget_row_get_amounts (GdnnBudgetRow       *self);
const GdnnBudgetYear *gdnn_budget_row_get_reference (GdnnBudgetRow     *self);
gboolean              gdnn_budget_row_is_overspent (GdnnBudgetRow      *self);
void                  gdnn_budget_row_set_message (GdnnBudgetRow       *self,
                                                   const char          *message);
gboolean              gdnn_budget_row_commit      (GdnnBudgetRow       *self,
                                                   GdnnStore           *store,
                                                   gint64               unit_id,
                                                   const char          *planned,
                                                   const char          *spent,
                                                   GError             **error);

GListModel           *gdnn_budget_rows_new        (GPtrArray           *lines,
                                                   int                  year);

G_END_DECLS
