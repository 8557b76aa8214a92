/* gdnn-bench-data.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A generated plan the size of the largest a province issues: many
 * indicators with values for every year, hundreds of tasks with progress.
 * The content is deterministic (a fixed seed) and Vietnamese-looking, so
 * sorting, wrapping and search work on realistic text. */

#include "config.h"

#include <sqlite3.h>

#include "gdnn-bench-data.h"
#include "gdnn-store-private.h"

static const char *const subjects[] = {
  "Nhà giáo", "Cán bộ quản lý", "Học sinh, sinh viên", "Chương trình đào tạo", "Cơ sở giáo dục nghề nghiệp",
  "Ấn phẩm học liệu số", "Ứng dụng phần mềm", "Kế hoạch đào tạo", "Thiết bị thực hành", "Đề án chuyển đổi số",
};
static const char *const actions[] = {
  "được đào tạo bổ sung năng lực số", "sử dụng học liệu điện tử", "được cập nhật theo chuẩn đầu ra",
  "kết nối hệ thống quản lý đào tạo", "được đánh giá theo khung năng lực số",
};

typedef struct
{
  guint n_indicators, n_years, n_tasks;
} Size;

static gboolean
populate (GdnnStore  *store,
          gpointer    user_data,
          GError    **error)
{
  const Size *size = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  GdnnUnit unit = { 0 };
  GdnnPlan plan = { 0 };
  GdnnReportPeriod period = { 0 };
  GdnnBody body = { 0 };
  gint64 unit_id, plan_id, body_id, group_id = 0, task_group_id = 0;
  int first_year = 2021;

  unit.code = (char *) GDNN_BENCH_UNIT;
  unit.name = (char *) "Trường Cao đẳng Thử nghiệm Hiệu năng";
  unit.type = GDNN_UNIT_TYPE_CAO_DANG;
  unit.is_sample = TRUE;
  if ((unit_id = gdnn_store_add_unit (store, &unit, error)) == 0)
    return FALSE;

  plan.number = (char *) GDNN_BENCH_PLAN;
  plan.kind = (char *) "plan";
  plan.title = (char *) "Kế hoạch thử nghiệm hiệu năng với nhiều chỉ tiêu và nhiệm vụ";
  plan.issuer = (char *) "Ủy ban nhân dân tỉnh Thử nghiệm";
  plan.first_year = first_year;
  plan.last_year = first_year + (int) size->n_years - 1;
  plan.baseline_year = first_year;
  if ((plan_id = gdnn_store_add_plan (store, &plan, error)) == 0 ||
      !gdnn_store_attach_plan (store, unit_id, plan_id, error))
    return FALSE;

  period.code = (char *) "year";
  period.name = (char *) "Báo cáo năm";
  period.due_day = 30;
  period.due_month = 11;
  body.plan_id = plan_id;
  body.key = (char *) "so-ld";
  body.name = (char *) "Sở Nội vụ";
  body.kind = GDNN_UNIT_TYPE_CO_QUAN;
  if (gdnn_store_add_report_period (store, plan_id, &period, error) == 0 ||
      (body_id = gdnn_store_add_body (store, &body, error)) == 0)
    return FALSE;

  for (guint i = 0; i < size->n_indicators; i++)
    {
      GdnnIndicator ind = { 0 };
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      gint64 ind_id;

      if (i % 20 == 0)
        {
          g_autofree char *gcode = g_strdup_printf ("%u", i / 20 + 1);
          g_autofree char *gtitle = g_strdup_printf ("Nhóm chỉ tiêu %u", i / 20 + 1);
          if ((group_id = gdnn_store_add_indicator_group (store, plan_id, gcode, gtitle, (int) (i / 20), error)) == 0)
            return FALSE;
        }
      code = g_strdup_printf ("%u.%u", i / 20 + 1, i % 20 + 1);
      name = g_strdup_printf ("Tỷ lệ %s %s (chỉ tiêu số %u)", subjects[i % G_N_ELEMENTS (subjects)],
                              actions[(i / 3) % G_N_ELEMENTS (actions)], i + 1);
      ind.plan_id = plan_id;
      ind.group_id = group_id;
      ind.code = code;
      ind.name = name;
      ind.measure = i % 5 == 4 ? GDNN_MEASURE_COUNT : GDNN_MEASURE_RATIO;
      ind.unit_label = (char *) (ind.measure == GDNN_MEASURE_RATIO ? "%" : "người");
      ind.direction = (char *) "increase";
      ind.position = (int) i;
      if ((ind_id = gdnn_store_add_indicator (store, &ind, error)) == 0)
        return FALSE;

      for (int m = 0; m < 2; m++)
        {
          GdnnTarget target = { 0 };
          target.indicator_id = ind_id;
          target.year = m == 0 ? first_year + (int) size->n_years / 2 : plan.last_year;
          target.value = ind.measure == GDNN_MEASURE_RATIO ? (m == 0 ? 50 : 100) : (m == 0 ? 500 : 1000);
          if (gdnn_store_add_target (store, &target, error) == 0)
            return FALSE;
        }

      for (guint y = 0; y < size->n_years; y++)
        {
          GdnnValue value = { 0 };
          double share = MIN (1.0, 0.05 + 0.1 * y + g_rand_double_range (rand, -0.05, 0.05));

          value.unit_id = unit_id;
          value.indicator_id = ind_id;
          value.year = first_year + (int) y;
          value.period = (char *) "year";
          value.has_numerator = TRUE;
          if (ind.measure == GDNN_MEASURE_RATIO)
            {
              value.has_denominator = TRUE;
              value.denominator = g_rand_int_range (rand, 50, 400);
              value.numerator = (int) (value.denominator * share);
            }
          else
            value.numerator = (int) (1000 * share);
          value.note = (char *) (y % 3 == 0 ? "Số liệu tổng hợp từ phòng đào tạo" : NULL);
          if (!gdnn_store_set_value (store, &value, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < size->n_tasks; i++)
    {
      GdnnTask task = { 0 };
      GdnnTaskProgress progress = { 0 };
      g_autofree char *code = NULL;
      g_autofree char *title = NULL;
      g_autofree char *due = NULL;
      gint64 task_id;

      if (i % 25 == 0)
        {
          g_autofree char *gcode = g_strdup_printf ("%u", i / 25 + 1);
          g_autofree char *gtitle = g_strdup_printf ("Nhóm nhiệm vụ %u: %s", i / 25 + 1,
                                                     actions[(i / 25) % G_N_ELEMENTS (actions)]);
          if ((task_group_id = gdnn_store_add_task_group (store, plan_id, gcode, gtitle, (int) (i / 25), error)) == 0)
            return FALSE;
        }
      code = g_strdup_printf ("%u.%u", i / 25 + 1, i % 25 + 1);
      title = g_strdup_printf ("Triển khai nhiệm vụ số %u: %s %s", i + 1, subjects[i % G_N_ELEMENTS (subjects)],
                               actions[i % G_N_ELEMENTS (actions)]);
      due = g_strdup_printf ("%04u-%02u-%02u", (guint) first_year + i % size->n_years, i % 12 + 1, i % 28 + 1);
      task.plan_id = plan_id;
      task.group_id = task_group_id;
      task.code = code;
      task.title = title;
      task.lead_body_id = body_id;
      task.due_date = due;
      task.position = (int) i;
      if ((task_id = gdnn_store_add_task (store, &task, error)) == 0)
        return FALSE;

      progress.task_id = task_id;
      progress.unit_id = unit_id;
      progress.year = plan.last_year - (int) size->n_years / 2;
      progress.period = (char *) "year";
      progress.status = (GdnnTaskStatus) (i % GDNN_N_TASK_STATUS);
      progress.progress = progress.status == GDNN_TASK_DONE ? 100 : (int) (i * 7 % 100);
      progress.result = (char *) (progress.status == GDNN_TASK_DONE ? "Đã hoàn thành theo kế hoạch" : NULL);
      if (!gdnn_store_set_task_progress (store, &progress, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * gdnn_bench_populate:
 *
 * Adds one unit with one plan of @n_indicators indicators (values for
 * each of @n_years years from 2021) and @n_tasks tasks, in one
 * transaction.
 */
gboolean
gdnn_bench_populate (GdnnStore  *store,
                     guint       n_indicators,
                     guint       n_years,
                     guint       n_tasks,
                     GError    **error)
{
  Size size = { n_indicators, n_years, n_tasks };

  g_return_val_if_fail (n_years >= 2, FALSE);
  return gdnn_store_run_in_transaction (store, populate, &size, error);
}

static const char *const budget_items[] = {
  "Bồi dưỡng năng lực số cho nhà giáo", "Xây dựng học liệu điện tử", "Mua sắm thiết bị thực hành ảo",
  "Phần mềm quản lý đào tạo", "Hạ tầng mạng và đường truyền", "Kiểm định, đánh giá chương trình",
};

static gboolean
populate_budget (GdnnStore  *store,
                 gpointer    user_data,
                 GError    **error)
{
  guint n_lines = GPOINTER_TO_UINT (user_data);
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (store, GDNN_BENCH_PLAN, error);

  if (plan == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND, "No plan %s: call gdnn_bench_populate () first",
                     GDNN_BENCH_PLAN);
      return FALSE;
    }
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(GdnnBudgetLine) line = gdnn_budget_line_new ();
      int middle = (plan->first_year + plan->last_year) / 2;

      line->plan_id = plan->id;
      line->name = g_strdup_printf ("%s (hạng mục %u)", budget_items[i % G_N_ELEMENTS (budget_items)], i + 1);
      line->source = (GdnnBudgetSource) (i % 3);
      line->position = (int) i;
      for (int y = plan->first_year; y <= plan->last_year; y++)
        {
          GdnnBudgetYear by = { 0 };

          by.year = y;
          by.planned = (gint64) (200 + 37 * i + 11 * (guint) (y - plan->first_year)) * 1000000;
          by.has_spent = y <= middle;
          by.spent = by.has_spent ? by.planned / 10 * (8 + (i + (guint) y) % 3) : 0;
          g_array_append_val (line->years, by);
        }
      if (gdnn_store_add_budget_line (store, line, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_bench_populate_budget:
 *
 * Adds @n_lines plan-wide budget lines to the plan gdnn_bench_populate ()
 * made, planned for every year of the plan and spent up to its middle
 * year, in one transaction.
 */
gboolean
gdnn_bench_populate_budget (GdnnStore  *store,
                            guint       n_lines,
                            GError    **error)
{
  return gdnn_store_run_in_transaction (store, populate_budget, GUINT_TO_POINTER (n_lines), error);
}

static gint64
lookup_id (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static gboolean
add_units (GdnnStore  *store,
           gpointer    user_data,
           GError    **error)
{
  guint n_units = GPOINTER_TO_UINT (user_data);
  sqlite3 *db = gdnn_store_get_db (store);
  gint64 plan_id, source_id;
  g_autoptr(GdnnUnit) parent = gdnn_unit_new ();
  gint64 parent_id;

  plan_id = lookup_id (db, "SELECT id FROM plan WHERE number = '" GDNN_BENCH_PLAN "'");
  source_id = lookup_id (db, "SELECT id FROM unit WHERE code = '" GDNN_BENCH_UNIT "'");
  if (plan_id == 0 || source_id == 0)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND, "run gdnn_bench_populate () first");
      return FALSE;
    }

  parent->code = g_strdup (GDNN_BENCH_OFFICE);
  parent->name = g_strdup ("Sở Nội vụ tỉnh Thử nghiệm");
  parent->type = GDNN_UNIT_TYPE_CO_QUAN;
  parent->is_sample = TRUE;
  if ((parent_id = gdnn_store_add_unit (store, parent, error)) == 0)
    return FALSE;

  for (guint i = 1; i <= n_units; i++)
    {
      g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
      gint64 unit_id;
      sqlite3_stmt *stmt = NULL;
      /* Each unit's share of the source unit's numerators: 50 %–99 %. */
      double share = 0.5 + (i % 50) / 100.0;
      static const char *const copies[] = {
        "INSERT INTO value (unit_id, indicator_id, year, period, numerator, denominator, note, status, updated_at) "
        "SELECT ?1, indicator_id, year, period, CAST (numerator * ?2 AS INTEGER), denominator, note, status, updated_at "
        "FROM value WHERE unit_id = ?3",
        "INSERT INTO task_progress (task_id, unit_id, year, period, status, progress, result, updated_at) "
        "SELECT task_id, ?1, year, period, status, progress, result, updated_at FROM task_progress "
        "WHERE unit_id = ?3 AND ?2 = ?2",
      };

      unit->code = g_strdup_printf (GDNN_BENCH_UNIT_PREFIX "%03u", i);
      unit->name = g_strdup_printf ("Trường Trung cấp Thử nghiệm số %03u", i);
      unit->type = i % 3 == 0 ? GDNN_UNIT_TYPE_TRUNG_TAM : GDNN_UNIT_TYPE_TRUNG_CAP;
      unit->ownership = GDNN_OWNERSHIP_CONG_LAP;
      unit->parent_id = parent_id;
      unit->is_sample = TRUE;
      if ((unit_id = gdnn_store_add_unit (store, unit, error)) == 0 ||
          !gdnn_store_attach_plan (store, unit_id, plan_id, error))
        return FALSE;
      for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
        {
          if (sqlite3_prepare_v2 (db, copies[c], -1, &stmt, NULL) != SQLITE_OK)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, unit_id);
          sqlite3_bind_double (stmt, 2, share);
          sqlite3_bind_int64 (stmt, 3, source_id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            goto fail;
          sqlite3_finalize (stmt);
          stmt = NULL;
        }
      continue;
    fail:
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_bench_add_units:
 *
 * After gdnn_bench_populate (): adds a state office and @n_units units
 * under it (codes GDNN_BENCH_UNIT_PREFIX "001"…), each implementing the
 * bench plan with values derived from the first unit's, in one
 * transaction.
 */
gboolean
gdnn_bench_add_units (GdnnStore  *store,
                      guint       n_units,
                      GError    **error)
{
  return gdnn_store_run_in_transaction (store, add_units, GUINT_TO_POINTER (n_units), error);
}
