/* gdnn-model.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-model"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-model.h"
#include "gdnn-text.h"

typedef struct
{
  const char *code;
  const char *label;     /* translatable UI label */
  const char *vi_label;  /* the Vietnamese label accepted in files */
} CodeLabel;

static const CodeLabel unit_types[] = {
  [GDNN_UNIT_TYPE_CAO_DANG] = { "cao_dang", N_("College"), "Cao đẳng" },
  [GDNN_UNIT_TYPE_TRUNG_CAP] = { "trung_cap", N_("Secondary vocational school"), "Trung cấp" },
  [GDNN_UNIT_TYPE_TRUNG_TAM] = { "trung_tam", N_("Vocational and continuing education centre"), "Trung tâm GDNN-GDTX" },
  [GDNN_UNIT_TYPE_KHAC] = { "khac", N_("Other institution"), "Khác" },
  [GDNN_UNIT_TYPE_CO_QUAN] = { "co_quan", N_("State office"), "Cơ quan" },
};

static const CodeLabel ownerships[] = {
  [GDNN_OWNERSHIP_NONE] = { "", "", "" },
  [GDNN_OWNERSHIP_CONG_LAP] = { "cong_lap", N_("Public"), "Công lập" },
  [GDNN_OWNERSHIP_TU_THUC] = { "tu_thuc", N_("Private"), "Tư thục" },
  [GDNN_OWNERSHIP_VON_NUOC_NGOAI] = { "von_nuoc_ngoai", N_("Foreign-invested"), "Có vốn đầu tư nước ngoài" },
};

static const CodeLabel measures[] = {
  [GDNN_MEASURE_RATIO] = { "ratio", N_("Ratio"), "Tỷ lệ" },
  [GDNN_MEASURE_COUNT] = { "count", N_("Count"), "Số lượng" },
  [GDNN_MEASURE_AMOUNT] = { "amount", N_("Amount"), "Số tiền" },
  [GDNN_MEASURE_BOOLEAN] = { "boolean", N_("Yes/no"), "Có/không" },
};

static const CodeLabel task_statuses[] = {
  [GDNN_TASK_NOT_STARTED] = { "not_started", N_("Not started"), "Chưa thực hiện" },
  [GDNN_TASK_IN_PROGRESS] = { "in_progress", N_("In progress"), "Đang thực hiện" },
  [GDNN_TASK_DONE] = { "done", N_("Done"), "Hoàn thành" },
  [GDNN_TASK_OVERDUE] = { "overdue", N_("Overdue"), "Quá hạn" },
  [GDNN_TASK_PAUSED] = { "paused", N_("Paused"), "Tạm dừng" },
};

static const CodeLabel budget_sources[] = {
  [GDNN_SOURCE_NGAN_SACH] = { "ngan_sach", N_("State budget"), "Ngân sách nhà nước" },
  [GDNN_SOURCE_XA_HOI_HOA] = { "xa_hoi_hoa", N_("Private contributions"), "Xã hội hóa" },
  [GDNN_SOURCE_KHAC] = { "khac", N_("Other"), "Khác" },
};

/* Accepts the code ("cao_dang") or the Vietnamese label in any case and
 * with or without diacritics ("Cao đẳng", "cao dang"). */
static gboolean
lookup_code (const CodeLabel *table,
             guint            n,
             const char      *text,
             guint           *out)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (table[i].code[0] != '\0' && g_str_equal (text, table[i].code))
      {
        *out = i;
        return TRUE;
      }

  folded = gdnn_search_fold (text);
  g_strstrip (folded);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      if (table[i].vi_label[0] == '\0')
        continue;
      label = gdnn_search_fold (table[i].vi_label);
      if (g_str_equal (folded, label))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Type is a type name, which cannot be put in parentheses.
 * NOLINTBEGIN(bugprone-macro-parentheses) */
#define DEFINE_CODE_FUNCS(Type, prefix, table)                                 \
  const char *                                                                 \
  prefix##_to_string (Type value)                                              \
  {                                                                            \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);         \
    return table[value].code;                                                  \
  }                                                                            \
  gboolean                                                                     \
  prefix##_from_string (const char *text,                                      \
                        Type       *value)                                     \
  {                                                                            \
    guint i;                                                                   \
    if (!lookup_code (table, G_N_ELEMENTS (table), text, &i))                  \
      return FALSE;                                                            \
    *value = (Type) i;                                                         \
    return TRUE;                                                               \
  }
/* NOLINTEND(bugprone-macro-parentheses) */

DEFINE_CODE_FUNCS (GdnnUnitType, gdnn_unit_type, unit_types)
DEFINE_CODE_FUNCS (GdnnOwnership, gdnn_ownership, ownerships)
DEFINE_CODE_FUNCS (GdnnMeasure, gdnn_measure, measures)
DEFINE_CODE_FUNCS (GdnnTaskStatus, gdnn_task_status, task_statuses)
DEFINE_CODE_FUNCS (GdnnBudgetSource, gdnn_budget_source, budget_sources)

const char *
gdnn_unit_type_label (GdnnUnitType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (unit_types), NULL);
  return _(unit_types[type].label);
}

const char *
gdnn_ownership_label (GdnnOwnership ownership)
{
  g_return_val_if_fail ((guint) ownership < G_N_ELEMENTS (ownerships), NULL);
  return ownership == GDNN_OWNERSHIP_NONE ? "" : _(ownerships[ownership].label);
}

const char *
gdnn_task_status_label (GdnnTaskStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (task_statuses), NULL);
  return _(task_statuses[status].label);
}

/* The Vietnamese label, whatever the locale: for official documents. */
const char *
gdnn_task_status_vi_label (GdnnTaskStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (task_statuses), NULL);
  return task_statuses[status].vi_label;
}

GdnnUnit *
gdnn_unit_new (void)
{
  return g_new0 (GdnnUnit, 1);
}

void
gdnn_unit_free (GdnnUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->code);
  g_free (unit->name);
  g_free (unit->short_name);
  g_free (unit->parent_code);
  g_free (unit->governing_body);
  g_free (unit->head_name);
  g_free (unit->head_title);
  g_free (unit->address);
  g_free (unit->phone);
  g_free (unit->email);
  g_free (unit);
}

GdnnPlan *
gdnn_plan_new (void)
{
  return g_new0 (GdnnPlan, 1);
}

void
gdnn_plan_free (GdnnPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->number);
  g_free (plan->kind);
  g_free (plan->title);
  g_free (plan->issuer);
  g_free (plan->issue_date);
  g_free (plan->place);
  g_free (plan->parent_number);
  g_free (plan->recipient);
  g_free (plan->summary);
  g_free (plan->notes);
  g_free (plan);
}

GdnnReportPeriod *
gdnn_report_period_new (void)
{
  return g_new0 (GdnnReportPeriod, 1);
}

void
gdnn_report_period_free (GdnnReportPeriod *period)
{
  if (period == NULL)
    return;
  g_free (period->code);
  g_free (period->name);
  g_free (period);
}

GdnnBody *
gdnn_body_new (void)
{
  GdnnBody *body = g_new0 (GdnnBody, 1);
  body->kind = GDNN_UNIT_TYPE_CO_QUAN;
  return body;
}

void
gdnn_body_free (GdnnBody *body)
{
  if (body == NULL)
    return;
  g_free (body->key);
  g_free (body->name);
  g_free (body->short_name);
  g_free (body->duties);
  g_free (body);
}

GdnnTarget *
gdnn_target_new (void)
{
  return g_new0 (GdnnTarget, 1);
}

void
gdnn_target_free (GdnnTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->note);
  g_free (target);
}

GdnnIndicator *
gdnn_indicator_new (void)
{
  GdnnIndicator *indicator = g_new0 (GdnnIndicator, 1);
  indicator->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_target_free);
  return indicator;
}

void
gdnn_indicator_free (GdnnIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->group_code);
  g_free (indicator->group_title);
  g_free (indicator->code);
  g_free (indicator->name);
  g_free (indicator->unit_label);
  g_free (indicator->numerator_label);
  g_free (indicator->denominator_label);
  g_free (indicator->scope);
  g_free (indicator->direction);
  g_free (indicator->source_text);
  g_clear_pointer (&indicator->targets, g_ptr_array_unref);
  g_free (indicator);
}

GdnnValue *
gdnn_value_new (void)
{
  return g_new0 (GdnnValue, 1);
}

void
gdnn_value_free (GdnnValue *value)
{
  if (value == NULL)
    return;
  g_free (value->period);
  g_free (value->note);
  g_free (value->evidence);
  g_free (value->status);
  g_free (value->updated_by);
  g_free (value->updated_at);
  g_free (value);
}

GdnnTask *
gdnn_task_new (void)
{
  return g_new0 (GdnnTask, 1);
}

void
gdnn_task_free (GdnnTask *task)
{
  if (task == NULL)
    return;
  g_free (task->group_code);
  g_free (task->group_title);
  g_free (task->code);
  g_free (task->title);
  g_free (task->description);
  g_free (task->lead_name);
  g_free (task->cooperating);
  g_free (task->start_date);
  g_free (task->due_date);
  g_free (task);
}

GdnnTaskProgress *
gdnn_task_progress_new (void)
{
  return g_new0 (GdnnTaskProgress, 1);
}

void
gdnn_task_progress_free (GdnnTaskProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->period);
  g_free (progress->result);
  g_free (progress->updated_at);
  g_free (progress);
}

GdnnBudgetLine *
gdnn_budget_line_new (void)
{
  GdnnBudgetLine *line = g_new0 (GdnnBudgetLine, 1);
  line->years = g_array_new (FALSE, TRUE, sizeof (GdnnBudgetYear));
  line->reference_years = g_array_new (FALSE, TRUE, sizeof (GdnnBudgetYear));
  return line;
}

void
gdnn_budget_line_free (GdnnBudgetLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_clear_pointer (&line->years, g_array_unref);
  g_clear_pointer (&line->reference_years, g_array_unref);
  g_free (line);
}

/**
 * gdnn_value_get_percent:
 *
 * The percentage of a ratio value is always computed from its numerator
 * and denominator, never stored.
 *
 * Returns: %TRUE when both parts are present and the denominator is > 0.
 */
gboolean
gdnn_value_get_percent (const GdnnValue *value,
                        double          *percent)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (!value->has_numerator || !value->has_denominator || value->denominator <= 0)
    return FALSE;

  if (percent != NULL)
    *percent = 100.0 * value->numerator / value->denominator;
  return TRUE;
}

const GdnnTarget *
gdnn_indicator_get_target (const GdnnIndicator *indicator,
                           int                  year,
                           gint64               body_id)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  for (guint i = 0; i < indicator->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (indicator->targets, i);
      if (t->year == year && t->body_id == body_id)
        return t;
    }

  return NULL;
}

/* The plan-wide milestone at or after @year, the one a value is tracked
 * against. */
const GdnnTarget *
gdnn_indicator_next_target (const GdnnIndicator *indicator,
                            int                  year)
{
  const GdnnTarget *best = NULL;

  g_return_val_if_fail (indicator != NULL, NULL);

  for (guint i = 0; i < indicator->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (indicator->targets, i);
      if (t->body_id != 0 || t->year < year)
        continue;
      if (best == NULL || t->year < best->year)
        best = t;
    }

  return best;
}
