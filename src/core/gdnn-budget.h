/* gdnn-budget.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-model.h"
#include "gdnn-store.h"

G_BEGIN_DECLS

#define GDNN_BUDGET_N_SOURCES (GDNN_SOURCE_KHAC + 1)

/* The largest amount accepted: 999.999.999.999.999 đồng, far above any
 * plan's budget and still exact in a double. */
#define GDNN_BUDGET_MAX_DONG G_GINT64_CONSTANT (999999999999999)

typedef struct
{
  gint64 planned;
  gint64 spent;      /* the sum of the spent amounts entered */
} GdnnBudgetSum;

typedef struct
{
  GdnnBudgetSum all;                                   /* the unit's figures */
  GdnnBudgetSum by_source[GDNN_BUDGET_N_SOURCES];
  guint         n_lines_by_source[GDNN_BUDGET_N_SOURCES];
  GdnnBudgetSum reference;                             /* the plan's figures on its lines */
  GdnnBudgetSum reference_by_source[GDNN_BUDGET_N_SOURCES];
} GdnnBudgetTotals;

const char           *gdnn_budget_source_label    (GdnnBudgetSource        source);

gboolean              gdnn_budget_parse_money     (const char             *text,
                                                   gboolean               *has_value,
                                                   gint64                 *out_dong,
                                                   GError                **error);

GPtrArray            *gdnn_budget_list_lines      (GdnnStore              *store,
                                                   gint64                  plan_id,
                                                   gint64                  unit_id,
                                                   GError                **error);
const GdnnBudgetYear *gdnn_budget_line_get_year   (const GdnnBudgetLine   *line,
                                                   int                     year);
const GdnnBudgetYear *gdnn_budget_line_get_reference (const GdnnBudgetLine *line,
                                                   int                     year);
void                  gdnn_budget_compute_totals  (GPtrArray              *lines,
                                                   int                     year,
                                                   GdnnBudgetTotals       *totals);
gboolean              gdnn_budget_spent_percent   (gint64                  planned,
                                                   gint64                  spent,
                                                   double                 *percent);
char                 *gdnn_budget_check_year      (const GdnnBudgetYear   *year);

gboolean              gdnn_budget_save            (GdnnStore              *store,
                                                   gint64                  line_id,
                                                   gint64                  unit_id,
                                                   const GdnnBudgetYear   *year,
                                                   GError                **error);
gboolean              gdnn_budget_store_unit_year (GdnnStore              *store,
                                                   gint64                  line_id,
                                                   gint64                  unit_id,
                                                   const GdnnBudgetYear   *year,
                                                   const char             *note,
                                                   GError                **error);
gboolean              gdnn_budget_clear           (GdnnStore              *store,
                                                   gint64                  line_id,
                                                   gint64                  unit_id,
                                                   int                     year,
                                                   GError                **error);
gboolean              gdnn_budget_check_line_name (GPtrArray            *lines,
                                                   const char             *name,
                                                   GError                **error);
gint64                gdnn_budget_add_own_line    (GdnnStore              *store,
                                                   gint64                  plan_id,
                                                   gint64                  unit_id,
                                                   const char             *name,
                                                   GdnnBudgetSource        source,
                                                   GError                **error);

G_END_DECLS
