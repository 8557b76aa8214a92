/* gdnn-budget-row.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-budget-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-budget.h"
#include "gdnn-budget-row.h"
#include "gdnn-text.h"

struct _GdnnBudgetRow
{
  GObject           parent_instance;

  gint64            line_id;
  gint64            unit_id;      /* 0: a line of the plan */
  char             *name;
  GdnnBudgetSource  source;
  GdnnBudgetYear    amounts;
  gboolean          has_amounts;  /* FALSE: nothing stored for the year */
  GdnnBudgetYear    reference;    /* the plan's figures for the year */
  gboolean          has_reference;
  char             *message;      /* why the last input was refused */
};

G_DEFINE_FINAL_TYPE (GdnnBudgetRow, gdnn_budget_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SOURCE,
  PROP_OWNER,
  PROP_PLANNED,
  PROP_SPENT,
  PROP_REFERENCE,
  PROP_PERCENT,
  PROP_MESSAGE,
  PROP_STATUS,
  PROP_OVERSPENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
status_text (GdnnBudgetRow *self)
{
  if (self->message != NULL)
    return g_strdup (self->message);
  if (self->has_amounts)
    {
      char *warning = gdnn_budget_check_year (&self->amounts);
      if (warning != NULL)
        return warning;
    }
  return g_strdup ("");
}

static void
gdnn_budget_row_finalize (GObject *object)
{
  GdnnBudgetRow *self = (GdnnBudgetRow *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (gdnn_budget_row_parent_class)->finalize (object);
}

static void
gdnn_budget_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GdnnBudgetRow *self = GDNN_BUDGET_ROW (object);
  const GdnnBudgetYear *y = &self->amounts;

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, gdnn_budget_source_label (self->source));
      break;
    case PROP_OWNER:
      /* Translators: who a budget line belongs to, under its name. */
      g_value_set_string (value, self->unit_id != 0 ? C_("budget line", "Own line") : C_("budget line", "Plan"));
      break;
    case PROP_PLANNED:
      g_value_take_string (value, self->has_amounts ? gdnn_format_integer (y->planned) : g_strdup (""));
      break;
    case PROP_SPENT:
      g_value_take_string (value, self->has_amounts && y->has_spent ? gdnn_format_integer (y->spent) : g_strdup (""));
      break;
    case PROP_REFERENCE:
      g_value_take_string (value, self->has_reference ? gdnn_format_integer (self->reference.planned)
                                                      : g_strdup (""));
      break;
    case PROP_PERCENT:
      {
        double pct;
        g_value_take_string (value, self->has_amounts && y->has_spent &&
                                    gdnn_budget_spent_percent (y->planned, y->spent, &pct)
                                    ? gdnn_format_percent (pct, 1) : g_strdup (""));
      }
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message != NULL ? self->message : "");
      break;
    case PROP_STATUS:
      g_value_take_string (value, status_text (self));
      break;
    case PROP_OVERSPENT:
      g_value_set_boolean (value, gdnn_budget_row_is_overspent (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_budget_row_class_init (GdnnBudgetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gdnn_budget_row_finalize;
  object_class->get_property = gdnn_budget_row_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_PLANNED] = g_param_spec_string ("planned", NULL, NULL, NULL, flags);
  properties[PROP_SPENT] = g_param_spec_string ("spent", NULL, NULL, NULL, flags);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_PERCENT] = g_param_spec_string ("percent", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_OVERSPENT] = g_param_spec_boolean ("overspent", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdnn_budget_row_init (GdnnBudgetRow *self)
{
}

GdnnBudgetRow *
gdnn_budget_row_new (const GdnnBudgetLine *line,
                     int                   year)
{
  GdnnBudgetRow *self;
  const GdnnBudgetYear *amounts;
  const GdnnBudgetYear *reference;

  g_return_val_if_fail (line != NULL, NULL);

  self = g_object_new (GDNN_TYPE_BUDGET_ROW, NULL);
  self->line_id = line->id;
  self->unit_id = line->unit_id;
  self->name = g_strdup (line->name);
  self->source = line->source;
  self->amounts.year = year;
  amounts = gdnn_budget_line_get_year (line, year);
  if (amounts != NULL)
    {
      self->amounts = *amounts;
      self->has_amounts = TRUE;
    }
  reference = gdnn_budget_line_get_reference (line, year);
  if (reference != NULL)
    {
      self->reference = *reference;
      self->has_reference = TRUE;
    }
  return self;
}

gint64
gdnn_budget_row_get_line_id (GdnnBudgetRow *self)
{
  g_return_val_if_fail (GDNN_IS_BUDGET_ROW (self), 0);
  return self->line_id;
}

gboolean
gdnn_budget_row_is_own (GdnnBudgetRow *self)
{
  g_return_val_if_fail (GDNN_IS_BUDGET_ROW (self), FALSE);
  return self->unit_id != 0;
}

/* Returns: (nullable): the plan's reference figures for the row's year,
 * %NULL when the plan gives none (always on a unit's own line) */
const GdnnBudgetYear *
gdnn_budget_row_get_reference (GdnnBudgetRow *self)
{
  g_return_val_if_fail (GDNN_IS_BUDGET_ROW (self), NULL);
  return self->has_reference ? &self->reference : NULL;
}

/* Returns: (nullable): the stored amounts, %NULL when none */
const GdnnBudgetYear *
gdnn_budget_row_get_amounts (GdnnBudgetRow *self)
{
  g_return_val_if_fail (GDNN_IS_BUDGET_ROW (self), NULL);
  return self->has_amounts ? &self->amounts : NULL;
}

gboolean
gdnn_budget_row_is_overspent (GdnnBudgetRow *self)
{
  g_return_val_if_fail (GDNN_IS_BUDGET_ROW (self), FALSE);
  return self->has_amounts && self->amounts.has_spent && self->amounts.spent > self->amounts.planned;
}

void
gdnn_budget_row_set_message (GdnnBudgetRow *self,
                             const char    *message)
{
  g_return_if_fail (GDNN_IS_BUDGET_ROW (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
notify_amounts (GdnnBudgetRow *self)
{
  static const guint changed[] = { PROP_PLANNED, PROP_SPENT, PROP_PERCENT, PROP_STATUS, PROP_OVERSPENT };

  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[changed[i]]);
}

/**
 * gdnn_budget_row_commit:
 * @planned: the planned amount as typed ("1.400.000.000"); empty means 0
 * @spent: the spent amount as typed; empty means not reported yet
 *
 * Parses and stores the row's amounts for its year. Both fields empty
 * remove the year's amounts. A refusal is kept as the row's message (shown
 * beside the row) and returned in @error; nothing is stored then.
 */
gboolean
gdnn_budget_row_commit (GdnnBudgetRow  *self,
                        GdnnStore      *store,
                        gint64          unit_id,
                        const char     *planned,
                        const char     *spent,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GdnnBudgetYear amounts = { 0 };
  gboolean has_planned = FALSE;
  gboolean ok;

  g_return_val_if_fail (GDNN_IS_BUDGET_ROW (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  amounts.year = self->amounts.year;
  if (!gdnn_budget_parse_money (planned, &has_planned, &amounts.planned, &local_error) ||
      !gdnn_budget_parse_money (spent, &amounts.has_spent, &amounts.spent, &local_error))
    ok = FALSE;
  else if (!has_planned && !amounts.has_spent)
    ok = !self->has_amounts || gdnn_budget_clear (store, self->line_id, unit_id, amounts.year, &local_error);
  else
    ok = gdnn_budget_save (store, self->line_id, unit_id, &amounts, &local_error);

  if (!ok)
    {
      gdnn_budget_row_set_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->has_amounts = has_planned || amounts.has_spent;
  self->amounts = amounts;
  if (!self->has_amounts)
    self->amounts.has_spent = FALSE;
  gdnn_budget_row_set_message (self, NULL);
  notify_amounts (self);
  return TRUE;
}

/* Returns: (transfer full): a #GListModel of #GdnnBudgetRow for @year */
GListModel *
gdnn_budget_rows_new (GPtrArray *lines,
                      int        year)
{
  GListStore *rows = g_list_store_new (GDNN_TYPE_BUDGET_ROW);

  g_return_val_if_fail (lines != NULL, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(GdnnBudgetRow) row = gdnn_budget_row_new (g_ptr_array_index (lines, i), year);
      g_list_store_append (rows, row);
    }
  return G_LIST_MODEL (rows);
}
