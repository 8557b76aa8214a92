/* gdnn-demo.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-budget.h"
#include "gdnn-demo.h"
#include "gdnn-plan-template.h"

/* The sample database a first-time user sees: the shipped plans plus a few
 * institutions and offices with plausible values. Every sample unit is
 * flagged is_sample and every sample value and budget figure carries the
 * note "Dữ liệu mẫu", so nobody mistakes them for real data. */

#define SAMPLE_NOTE "Dữ liệu mẫu"

typedef struct
{
  const char   *code;
  const char   *name;
  const char   *short_name;
  GdnnUnitType  type;
  GdnnOwnership ownership;
  const char   *parent_code;
  const char   *plan;         /* plan number the unit implements, or NULL */
  const char   *body_key;     /* plan body the unit is, for per-unit targets */
  const char   *head_name;
  const char   *head_title;
  const char   *address;
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "SLD-BG", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang", "Sở LĐTBXH Bắc Giang",
    GDNN_UNIT_TYPE_CO_QUAN, GDNN_OWNERSHIP_NONE, NULL, NULL, NULL,
    "Nguyễn Văn An", "Giám đốc", "Số 1 đường Hùng Vương, thành phố Bắc Giang" },
  { "BG-CD01", "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang", "CĐ KTCN Bắc Giang",
    GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, "SLD-BG", "401/KH-UBND", NULL,
    "Trần Thị Bình", "Hiệu trưởng", "Đường Hoàng Văn Thụ, thành phố Bắc Giang" },
  { "BG-TC02", "Trường Trung cấp Nghề Lục Ngạn", "TC nghề Lục Ngạn",
    GDNN_UNIT_TYPE_TRUNG_CAP, GDNN_OWNERSHIP_CONG_LAP, "SLD-BG", "401/KH-UBND", NULL,
    "Lê Văn Cường", "Hiệu trưởng", "Thị trấn Chũ, huyện Lục Ngạn" },
  { "BG-TT03", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Yên Thế", "TT GDNN-GDTX Yên Thế",
    GDNN_UNIT_TYPE_TRUNG_TAM, GDNN_OWNERSHIP_CONG_LAP, "SLD-BG", "401/KH-UBND", NULL,
    "Phạm Thị Dung", "Giám đốc", "Thị trấn Cầu Gồ, huyện Yên Thế" },
  { "BG-TC04", "Trường Trung cấp Âu Lạc", "TC Âu Lạc",
    GDNN_UNIT_TYPE_TRUNG_CAP, GDNN_OWNERSHIP_TU_THUC, "SLD-BG", "401/KH-UBND", NULL,
    "Hoàng Văn Đức", "Hiệu trưởng", "Phường Dĩnh Kế, thành phố Bắc Giang" },
  { "PLD-TN", "Phòng Lao động - Thương binh và Xã hội thành phố Tây Ninh", "Phòng LĐTBXH TP Tây Ninh",
    GDNN_UNIT_TYPE_CO_QUAN, GDNN_OWNERSHIP_NONE, NULL, NULL, NULL,
    "Võ Thị Hạnh", "Trưởng phòng", "Thành phố Tây Ninh" },
  { "TN-TT01", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thành phố Tây Ninh", "TT GDNN-GDTX TP Tây Ninh",
    GDNN_UNIT_TYPE_TRUNG_TAM, GDNN_OWNERSHIP_CONG_LAP, "PLD-TN", NULL, NULL,
    "Đặng Văn Khoa", "Giám đốc", "Phường 3, thành phố Tây Ninh" },
  { "SLD-BK", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Kạn", "Sở LĐTBXH Bắc Kạn",
    GDNN_UNIT_TYPE_CO_QUAN, GDNN_OWNERSHIP_NONE, NULL, NULL, NULL,
    "Ma Văn Lợi", "Giám đốc", "Thành phố Bắc Kạn" },
  { "BK-CD01", "Trường Cao đẳng Bắc Kạn", "CĐ Bắc Kạn",
    GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, "SLD-BK", NULL, NULL,
    "Hà Thị Mai", "Hiệu trưởng", "Thành phố Bắc Kạn" },
};

gboolean
gdnn_demo_init (GdnnStore  *store,
                GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!gdnn_store_is_empty (store))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The database already holds data; it was left unchanged."));
      return FALSE;
    }
  return gdnn_plan_template_import_shipped (store, error);
}

/* Deterministic "random" numbers, so that the demo database is the same on
 * every machine and tests can rely on it. */
static double
jitter (GRand *rand,
        double spread)
{
  return g_rand_double_range (rand, -spread, spread);
}

static gboolean
populate_values (GdnnStore     *store,
                 GRand         *rand,
                 gint64         unit_id,
                 GdnnUnitType   type,
                 const GdnnPlan *plan,
                 int            current_year,
                 GError       **error)
{
  g_autoptr(GPtrArray) indicators = gdnn_store_list_indicators (store, plan->id, error);
  g_autoptr(GPtrArray) bodies = gdnn_store_list_bodies (store, plan->id, error);
  int from = MAX (plan->first_year, current_year - 3);
  int to = MIN (plan->last_year, current_year);
  gint64 own_body = 0;

  if (indicators == NULL || bodies == NULL)
    return FALSE;
  for (guint b = 0; b < bodies->len; b++)
    {
      GdnnBody *body = g_ptr_array_index (bodies, b);
      if (body->unit_id == unit_id)
        own_body = body->id;
    }

  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      const GdnnTarget *final = NULL;
      double denominator;

      /* The unit's own target when the plan gives one, else the plan's. */
      for (guint t = 0; t < ind->targets->len; t++)
        {
          const GdnnTarget *tg = g_ptr_array_index (ind->targets, t);
          if (tg->body_id == own_body && (final == NULL || tg->year > final->year))
            final = tg;
        }
      for (guint t = 0; final == NULL && t < ind->targets->len; t++)
        {
          const GdnnTarget *tg = g_ptr_array_index (ind->targets, t);
          if (tg->body_id == 0 && (final == NULL || tg->year > final->year))
            final = tg;
        }
      /* A count whose targets are all other bodies' is not this unit's. */
      if (final == NULL && ind->measure != GDNN_MEASURE_RATIO && ind->targets->len > 0)
        continue;

      /* A size that fits the kind of institution. */
      denominator = type == GDNN_UNIT_TYPE_CAO_DANG ? 180 : type == GDNN_UNIT_TYPE_TRUNG_CAP ? 70 : 30;
      denominator = round (denominator * (1.0 + jitter (rand, 0.2)));
      if (ind->scope != NULL && (g_str_equal (ind->scope, "programmes") ||
                                 g_str_equal (ind->scope, "learning_outcomes")))
        denominator = round (denominator / 6.0) + 2;

      for (int year = from; year <= to; year++)
        {
          g_autoptr(GdnnValue) value = gdnn_value_new ();
          double share = (double) (year - plan->first_year + 1) / (plan->last_year - plan->first_year + 1);
          double goal = final != NULL ? final->value : 100;

          /* Leave the newest year partly empty, as a user would have it. */
          if (year == current_year && g_rand_int_range (rand, 0, 4) == 0)
            continue;

          value->unit_id = unit_id;
          value->indicator_id = ind->id;
          value->year = year;
          value->period = g_strdup ("year");
          value->note = g_strdup (SAMPLE_NOTE);
          value->status = g_strdup (year < current_year ? "confirmed" : "draft");
          value->has_numerator = TRUE;

          switch (ind->measure)
            {
            case GDNN_MEASURE_RATIO:
              {
                double pct = CLAMP (goal * MIN (1.0, share + 0.15 + jitter (rand, 0.2)), 0, 100);
                value->has_denominator = TRUE;
                value->denominator = denominator;
                value->numerator = round (denominator * pct / 100.0);
              }
              break;
            case GDNN_MEASURE_COUNT:
              value->numerator = round (MAX (0, goal * (0.85 + jitter (rand, 0.15))));
              break;
            case GDNN_MEASURE_AMOUNT:
              value->numerator = round (MAX (0, goal * (0.8 + jitter (rand, 0.2))));
              break;
            case GDNN_MEASURE_BOOLEAN:
              value->numerator = share > 0.5 ? 1 : 0;
              break;
            default:
              g_assert_not_reached ();
            }

          if (!gdnn_store_set_value (store, value, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Links the plan's named bodies to the unit when names agree (Bắc Kạn
 * gives Trường Cao đẳng Bắc Kạn its own targets). */
static gboolean
link_bodies (GdnnStore      *store,
             gint64          unit_id,
             const char     *name,
             const GdnnPlan *plan,
             GError        **error)
{
  g_autoptr(GPtrArray) bodies = gdnn_store_list_bodies (store, plan->id, error);

  if (bodies == NULL)
    return FALSE;
  for (guint b = 0; b < bodies->len; b++)
    {
      GdnnBody *body = g_ptr_array_index (bodies, b);
      if (g_strcmp0 (body->name, name) == 0 && !gdnn_store_link_body (store, body->id, unit_id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
populate_tasks (GdnnStore      *store,
                GRand          *rand,
                gint64          unit_id,
                const GdnnPlan *plan,
                int             current_year,
                GError        **error)
{
  static const GdnnTaskStatus mix[] = {
    GDNN_TASK_DONE, GDNN_TASK_DONE, GDNN_TASK_IN_PROGRESS, GDNN_TASK_IN_PROGRESS,
    GDNN_TASK_IN_PROGRESS, GDNN_TASK_OVERDUE, GDNN_TASK_NOT_STARTED, GDNN_TASK_PAUSED,
  };
  g_autoptr(GPtrArray) tasks = gdnn_store_list_tasks (store, plan->id, unit_id, error);
  int year = MIN (plan->last_year, current_year);

  if (tasks == NULL)
    return FALSE;

  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *task = g_ptr_array_index (tasks, i);
      g_autoptr(GdnnTaskProgress) p = gdnn_task_progress_new ();

      p->task_id = task->id;
      p->unit_id = unit_id;
      p->year = year;
      p->period = g_strdup ("year");
      p->status = mix[g_rand_int_range (rand, 0, G_N_ELEMENTS (mix))];
      p->progress = p->status == GDNN_TASK_DONE ? 100 :
                    p->status == GDNN_TASK_NOT_STARTED ? 0 : g_rand_int_range (rand, 2, 9) * 10;
      if (p->status != GDNN_TASK_NOT_STARTED)
        p->result = g_strdup_printf ("%s: đã triển khai %d%% khối lượng công việc năm %d.",
                                     SAMPLE_NOTE, p->progress, year);
      if (!gdnn_store_set_task_progress (store, p, error))
        return FALSE;
    }
  return TRUE;
}

/* Whole million đồng, as budgets are planned and settled. */
static gint64
round_million (double dong)
{
  return (gint64) round (dong / 1e6) * 1000000;
}

/* A sample unit's own budget on the plan's lines: a share of the plan's
 * figure that fits the kind of institution (or, in the years the plan
 * gives none, of its last one), spent for the past years and partly for
 * the current one; every row noted "Dữ liệu mẫu". The plan's own figures
 * stay as the template gives them: a reference. */
static gboolean
populate_budget (GdnnStore      *store,
                 GRand          *rand,
                 gint64          unit_id,
                 GdnnUnitType    type,
                 const GdnnPlan *plan,
                 int             current_year,
                 GError        **error)
{
  g_autoptr(GPtrArray) lines = gdnn_store_list_budget_lines (store, plan->id, error);
  double share = type == GDNN_UNIT_TYPE_CAO_DANG ? 0.12 : type == GDNN_UNIT_TYPE_TRUNG_CAP ? 0.06 : 0.04;
  int to = MIN (plan->last_year, current_year);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      GdnnBudgetLine *line = g_ptr_array_index (lines, i);
      gint64 basis = 0;

      if (line->unit_id != 0)
        continue;
      for (int year = plan->first_year; year <= to; year++)
        {
          GdnnBudgetYear by = { year, 0, FALSE, 0 };

          for (guint y = 0; y < line->years->len; y++)
            if (g_array_index (line->years, GdnnBudgetYear, y).year == year)
              basis = g_array_index (line->years, GdnnBudgetYear, y).planned;
          if (basis == 0)
            continue;
          by.planned = MAX (1000000, round_million (basis * share * (1.0 + jitter (rand, 0.25))));
          by.has_spent = TRUE;
          if (year < current_year)
            by.spent = round_million (by.planned * (0.75 + g_rand_double_range (rand, 0, 0.25)));
          else
            by.spent = round_million (by.planned * (0.3 + g_rand_double_range (rand, 0, 0.4)));
          if (!gdnn_budget_store_unit_year (store, line->id, unit_id, &by, SAMPLE_NOTE, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
populate (GdnnStore  *store,
          gpointer    user_data,
          GError    **error)
{
  int current_year = GPOINTER_TO_INT (user_data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20221130);
  /* Budgets draw from their own sequence, so they leave the values as they were. */
  g_autoptr(GRand) budget_rand = g_rand_new_with_seed (20261130);
  g_autoptr(GPtrArray) plans = gdnn_store_list_plans (store, error);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *d = &demo_units[i];
      g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
      gint64 *id = g_new (gint64, 1);

      unit->code = g_strdup (d->code);
      unit->name = g_strdup (d->name);
      unit->short_name = g_strdup (d->short_name);
      unit->type = d->type;
      unit->ownership = d->ownership;
      unit->head_name = g_strdup (d->head_name);
      unit->head_title = g_strdup (d->head_title);
      unit->address = g_strdup (d->address);
      unit->is_sample = TRUE;
      if (d->parent_code != NULL)
        {
          gint64 *parent = g_hash_table_lookup (codes, d->parent_code);
          g_assert (parent != NULL);
          unit->parent_id = *parent;
          unit->governing_body = g_strdup (demo_units[0].name);
        }
      *id = gdnn_store_add_unit (store, unit, error);
      g_hash_table_insert (codes, (gpointer) d->code, id);
      if (*id == 0)
        return FALSE;
    }

  /* Each institution implements the plan of its province; the plan that
   * matches is found by its issuer, not by a hard-coded number. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *d = &demo_units[i];
      gint64 unit_id = *(gint64 *) g_hash_table_lookup (codes, d->code);

      if (d->type == GDNN_UNIT_TYPE_CO_QUAN)
        continue;

      for (guint p = 0; p < plans->len; p++)
        {
          GdnnPlan *plan = g_ptr_array_index (plans, p);
          gboolean match;

          match = (g_str_has_prefix (d->code, "BG-") && strstr (plan->issuer, "Bắc Giang") != NULL) ||
                  (g_str_has_prefix (d->code, "TN-") && strstr (plan->issuer, "Tây Ninh") != NULL) ||
                  (g_str_has_prefix (d->code, "BK-") && strstr (plan->issuer, "Bắc Kạn") != NULL);
          if (!match)
            continue;

          if (!gdnn_store_attach_plan (store, unit_id, plan->id, error) ||
              !link_bodies (store, unit_id, d->name, plan, error) ||
              !populate_values (store, rand, unit_id, d->type, plan, current_year, error) ||
              !populate_tasks (store, rand, unit_id, plan, current_year, error) ||
              !populate_budget (store, budget_rand, unit_id, d->type, plan, current_year, error))
            return FALSE;

        }
    }

  return gdnn_store_set_meta (store, "sample", "1", error);
}

/**
 * gdnn_demo_populate:
 * @current_year: the last year that gets values (normally this year)
 *
 * Fills an empty database with the shipped plans and the sample units,
 * values, task progress and spending, all in one transaction.
 */
gboolean
gdnn_demo_populate (GdnnStore  *store,
                    int         current_year,
                    GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!gdnn_store_begin (store, error))
    return FALSE;
  if (!gdnn_demo_init (store, error) ||
      !populate (store, GINT_TO_POINTER (current_year), error))
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  return gdnn_store_commit (store, error);
}
