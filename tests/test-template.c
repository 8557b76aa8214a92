/* test-template.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "gdnn-plan-template.h"
#include "gdnn-store-private.h"
#include "gdnn-store.h"

#include "gdnn-test-utils.h"

/* A small template that uses every part of the format; the malformed
 * cases below each break one field of it. */
static const char minimal_template[] =
  "{\n"
  "  \"format\": \"gdnn-plan-template\", \"format_version\": 1,\n"
  "  \"number\": \"15/KH-TEST\", \"kind\": \"KH\",\n"
  "  \"title\": \"Kế hoạch thử nghiệm chuyển đổi số\",\n"
  "  \"issuer\": \"Ủy ban nhân dân tỉnh Bắc Giang\", \"issue_date\": \"2024-02-29\", \"place\": \"Bắc Giang\",\n"
  "  \"first_year\": 2024, \"last_year\": 2030, \"baseline_year\": 2023, \"parent\": \"2222/QĐ-TTg\",\n"
  "  \"recipient\": \"Sở Lao động - Thương binh và Xã hội\",\n"
  "  \"report_schedule\": [ { \"code\": \"year\", \"name\": \"Báo cáo năm\", \"due_day\": 30, \"due_month\": 11 } ],\n"
  "  \"bodies\": [\n"
  "    { \"key\": \"so_ldtbxh\", \"name\": \"Sở Lao động - Thương binh và Xã hội\", \"short_name\": \"Sở LĐTBXH\", \"kind\": \"co_quan\" },\n"
  "    { \"key\": \"truong_cd\", \"name\": \"Trường Cao đẳng Thử nghiệm\", \"kind\": \"cao_dang\" }\n"
  "  ],\n"
  "  \"indicator_groups\": [ { \"code\": \"a\", \"title\": \"Năng lực số\", \"indicators\": [\n"
  "    { \"code\": \"I.1\", \"name\": \"Nhà giáo được bồi dưỡng kỹ năng số\", \"measure\": \"ratio\",\n"
  "      \"numerator_label\": \"Số nhà giáo đã được bồi dưỡng\", \"denominator_label\": \"Tổng số nhà giáo\",\n"
  "      \"scope\": \"teachers\", \"responsible\": [\"so_ldtbxh\"],\n"
  "      \"targets\": [ { \"year\": 2025, \"value\": 50 }, { \"year\": 2030, \"value\": 100 } ] },\n"
  "    { \"code\": \"I.2\", \"name\": \"Tuyển sinh đào tạo nghề\", \"measure\": \"count\", \"unit_label\": \"người\",\n"
  "      \"targets\": [ { \"year\": 2030, \"value\": 6000 }, { \"year\": 2030, \"value\": 340, \"body\": \"truong_cd\" } ] }\n"
  "  ] } ],\n"
  "  \"task_groups\": [ { \"code\": \"II.1\", \"title\": \"Cơ chế, chính sách\", \"tasks\": [\n"
  "    { \"code\": \"II.1.1\", \"title\": \"Rà soát chính sách\", \"lead\": \"so_ldtbxh\", \"cooperating\": [\"truong_cd\"],\n"
  "      \"start\": \"2024-01-01\", \"due\": \"2025-12-31\" },\n"
  "    { \"code\": \"II.1.2\", \"title\": \"Tuyên truyền hằng năm\" }\n"
  "  ] } ],\n"
  "  \"budget\": [ { \"name\": \"Tuyên truyền\", \"source\": \"ngan_sach\",\n"
  "    \"years\": [ { \"year\": 2024, \"planned\": 150000000 }, { \"year\": 2025, \"planned\": 200000000 } ] } ]\n"
  "}\n";

static const char * const plan_tables[] = {
  "plan", "report_period", "plan_body", "indicator_group", "indicator", "indicator_responsible",
  "target", "task_group", "task", "task_cooperator", "budget_line", "budget_year", "change_log", NULL
};

static char *
resources_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "plans", name, NULL);
}

static GdnnPlan *
find_plan_by_issuer (GdnnStore  *store,
                     const char *issuer_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = gdnn_store_list_plans (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      GdnnPlan *plan = g_ptr_array_index (plans, i);
      if (strstr (plan->issuer, issuer_part) != NULL)
        return g_ptr_array_steal_index (plans, i);
    }
  g_error ("No plan issued by %s", issuer_part);
}

static GdnnIndicator *
get_indicator (GPtrArray  *indicators,
               const char *code)
{
  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      if (g_strcmp0 (ind->code, code) == 0)
        return ind;
    }
  g_error ("No indicator %s", code);
}

static gint64
body_id_by_key (GPtrArray  *bodies,
                const char *key)
{
  for (guint i = 0; i < bodies->len; i++)
    {
      GdnnBody *body = g_ptr_array_index (bodies, i);
      if (g_strcmp0 (body->key, key) == 0)
        return body->id;
    }
  g_error ("No body %s", key);
}

/* Rows of @table that belong to the plan @plan_id. */
static gint64
count_for_plan (GdnnStore  *store,
                const char *table,
                gint64      plan_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE plan_id = %" G_GINT64_FORMAT ";",
                                          table, plan_id);
  return gdnn_test_query_int (store, sql);
}

static void
import_shipped (GdnnStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdnn_plan_template_import_shipped (store, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------- */

static void
test_list_shipped (void)
{
  g_auto(GStrv) names = gdnn_plan_template_list_shipped ();

  g_assert_cmpuint (g_strv_length (names), ==, 5);
  /* The national programme first: the provinces' plans implement it. */
  g_assert_cmpstr (names[0], ==, "qd-2222-qd-ttg.json");
  g_assert_true (g_strv_contains ((const char * const *) names, "bac-giang-401-kh-ubnd.json"));
  g_assert_true (g_strv_contains ((const char * const *) names, "bac-kan-gdnn-2023.json"));
  g_assert_true (g_strv_contains ((const char * const *) names, "lam-dong-88-kh-tu.json"));
  g_assert_true (g_strv_contains ((const char * const *) names, "tay-ninh-city.json"));
}

static void
test_shipped_bac_giang (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const struct
  {
    const char *code;
    double      target_2025;   /* -1: none */
    double      target_2030;
    const char *scope;
  } expected[] = {
    { "I.2.a.1", 50, 100, "teachers_managers" },
    { "I.2.a.2", 50, 100, "teachers" },
    { "I.2.b.1", 70, 100, "learning_outcomes" },
    { "I.2.b.2", -1, 100, "programmes" },
    { "I.2.c.1", 50, 100, "colleges_secondary" },
    { "I.2.d.1a", 100, -1, "colleges_secondary" },
    { "I.2.d.1b", -1, 100, "institutions" },
    { "I.2.d.2", 50, 70, "inspections" },
    { "I.2.d.3", -1, 100, "institutions" },
    { "I.2.d.4", -1, 100, "reports" },
    { "I.2.d.5", -1, 100, "high_quality_schools" },
  };
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 total = 0;

  import_shipped (store);

  plans = gdnn_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 5);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 5);

  plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_assert_cmpstr (plan->issuer, ==, "Ủy ban nhân dân tỉnh Bắc Giang");
  g_assert_cmpstr (plan->parent_number, ==, "2222/QĐ-TTg");
  g_assert_cmpstr (plan->issue_date, ==, "2022-06-30");
  g_assert_cmpint (plan->first_year, ==, 2022);
  g_assert_cmpint (plan->last_year, ==, 2030);

  indicators = gdnn_store_list_indicators (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      const GdnnTarget *t2025 = gdnn_indicator_get_target (ind, 2025, 0);
      const GdnnTarget *t2030 = gdnn_indicator_get_target (ind, 2030, 0);
      guint n_targets = (expected[i].target_2025 >= 0) + (expected[i].target_2030 >= 0);

      /* In the order of the document. */
      g_assert_cmpstr (ind->code, ==, expected[i].code);
      g_assert_cmpint (ind->measure, ==, GDNN_MEASURE_RATIO);
      g_assert_cmpstr (ind->unit_label, ==, "%");
      g_assert_cmpstr (ind->scope, ==, expected[i].scope);
      g_assert_nonnull (ind->group_code);
      g_assert_cmpuint (ind->targets->len, ==, n_targets);
      if (expected[i].target_2025 < 0)
        g_assert_null (t2025);
      else
        g_assert_cmpfloat (t2025->value, ==, expected[i].target_2025);
      if (expected[i].target_2030 < 0)
        g_assert_null (t2030);
      else
        g_assert_cmpfloat (t2030->value, ==, expected[i].target_2030);
    }

  /* Section II: 8 groups of tasks. */
  g_assert_cmpint (count_for_plan (store, "task_group", plan->id), ==, 8);
  tasks = gdnn_store_list_tasks (store, plan->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 28);
  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_add (groups, ((GdnnTask *) tasks->pdata[i])->group_code);
  g_assert_cmpuint (g_hash_table_size (groups), ==, 8);
  g_assert_cmpstr (((GdnnTask *) tasks->pdata[0])->group_code, ==, "II.1");

  /* Budget: 150.000.000 a year for one line, 200.000.000 for the other,
   * 2022–2025: 1.400.000.000 đồng in all. */
  lines = gdnn_store_list_budget_lines (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    {
      GdnnBudgetLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpint (line->source, ==, GDNN_SOURCE_NGAN_SACH);
      g_assert_cmpuint (line->years->len, ==, 4);
      for (guint y = 0; y < line->years->len; y++)
        {
          GdnnBudgetYear *by = &g_array_index (line->years, GdnnBudgetYear, y);

          g_assert_cmpint (by->year, ==, 2022 + (int) y);
          g_assert_cmpint (by->planned, ==, i == 0 ? 150000000 : 200000000);
          g_assert_false (by->has_spent);
          total += by->planned;
        }
    }
  g_assert_cmpint (total, ==, G_GINT64_CONSTANT (1400000000));

  periods = gdnn_store_list_report_periods (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 1);
  g_assert_cmpstr (((GdnnReportPeriod *) periods->pdata[0])->code, ==, "year");
  g_assert_cmpint (((GdnnReportPeriod *) periods->pdata[0])->due_day, ==, 30);
  g_assert_cmpint (((GdnnReportPeriod *) periods->pdata[0])->due_month, ==, 11);

  /* The import is one clean whole. */
  {
    g_autoptr(GPtrArray) problems = gdnn_store_check (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_shipped_tay_ninh (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GError) error = NULL;
  GdnnReportPeriod *p;

  import_shipped (fixture->store);
  plan = find_plan_by_issuer (fixture->store, "Tây Ninh");
  g_assert_cmpint (plan->first_year, ==, 2023);
  g_assert_cmpint (plan->last_year, ==, 2030);

  periods = gdnn_store_list_report_periods (fixture->store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 1);
  p = g_ptr_array_index (periods, 0);
  g_assert_cmpstr (p->code, ==, "year");
  g_assert_cmpint (p->due_day, ==, 25);
  g_assert_cmpint (p->due_month, ==, 11);
}

static void
test_shipped_bac_kan (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  GdnnReportPeriod *h1, *year;
  GdnnIndicator *enrolment, *rate;
  const GdnnTarget *t;
  gint64 college;

  import_shipped (store);
  plan = gdnn_test_find_plan (store, "206/KH-UBND");
  g_assert_cmpstr (plan->issuer, ==, "Ủy ban nhân dân tỉnh Bắc Kạn");
  g_assert_cmpint (plan->first_year, ==, 2023);
  g_assert_cmpint (plan->last_year, ==, 2023);

  /* Six-month report by 20/6, yearly report by 15/12. */
  periods = gdnn_store_list_report_periods (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 2);
  h1 = g_ptr_array_index (periods, 0);
  year = g_ptr_array_index (periods, 1);
  g_assert_cmpstr (h1->code, ==, "h1");
  g_assert_cmpint (h1->due_day, ==, 20);
  g_assert_cmpint (h1->due_month, ==, 6);
  g_assert_cmpstr (year->code, ==, "year");
  g_assert_cmpint (year->due_day, ==, 15);
  g_assert_cmpint (year->due_month, ==, 12);

  bodies = gdnn_store_list_bodies (store, plan->id, &error);
  g_assert_no_error (error);
  college = body_id_by_key (bodies, "truong_cd_bac_kan");
  for (guint i = 0; i < bodies->len; i++)
    {
      GdnnBody *body = g_ptr_array_index (bodies, i);
      g_assert_cmpint (body->unit_id, ==, 0);   /* not linked to a unit yet */
      if (body->id == college)
        g_assert_cmpstr (body->name, ==, "Trường Cao đẳng Bắc Kạn");
    }

  indicators = gdnn_store_list_indicators (store, plan->id, &error);
  g_assert_no_error (error);

  /* Enrolment: 6000 for the province, 340 of them at the college. */
  enrolment = get_indicator (indicators, "I.2.1");
  g_assert_cmpint (enrolment->measure, ==, GDNN_MEASURE_COUNT);
  t = gdnn_indicator_get_target (enrolment, 2023, 0);
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->value, ==, 6000);
  t = gdnn_indicator_get_target (enrolment, 2023, college);
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->value, ==, 340);
  g_assert_cmpfloat (gdnn_indicator_get_target (enrolment, 2023, body_id_by_key (bodies, "so_ldtbxh"))->value,
                     ==, 5660);
  /* The plan-wide milestone is what values are tracked against. */
  g_assert_cmpfloat (gdnn_indicator_next_target (enrolment, 2023)->value, ==, 6000);
  g_assert_cmpfloat (gdnn_indicator_get_target (get_indicator (indicators, "I.2.1.1"), 2023, college)->value,
                     ==, 60);
  g_assert_cmpfloat (gdnn_indicator_get_target (get_indicator (indicators, "I.2.1.2"), 2023, college)->value,
                     ==, 280);

  /* Trained labour: 47%. */
  rate = get_indicator (indicators, "I.2.2");
  g_assert_cmpint (rate->measure, ==, GDNN_MEASURE_RATIO);
  t = gdnn_indicator_get_target (rate, 2023, 0);
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->value, ==, 47);
}

/* Every shipped file against the database it produced: each indicator
 * with its targets, each task and budget line. */
static void
test_shipped_matches_json (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_auto(GStrv) names = gdnn_plan_template_list_shipped ();

  import_shipped (store);

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *path = resources_path (names[n]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GdnnPlan) plan = NULL;
      g_autoptr(GPtrArray) indicators = NULL;
      g_autoptr(GPtrArray) bodies = NULL;
      g_autoptr(GPtrArray) tasks = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(GPtrArray) periods = NULL;
      JsonObject *root;
      JsonArray *groups;
      guint n_indicators = 0, n_tasks = 0;
      gint64 planned = 0, stored_planned = 0;

      g_test_message ("Checking %s", names[n]);
      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));

      plan = gdnn_test_find_plan (store, json_object_get_string_member (root, "number"));
      g_assert_cmpstr (plan->title, ==, json_object_get_string_member (root, "title"));
      g_assert_cmpint (plan->first_year, ==, json_object_get_int_member (root, "first_year"));
      g_assert_cmpint (plan->last_year, ==, json_object_get_int_member (root, "last_year"));

      bodies = gdnn_store_list_bodies (store, plan->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bodies->len, ==, json_object_has_member (root, "bodies") ?
                        json_array_get_length (json_object_get_array_member (root, "bodies")) : 0);

      periods = gdnn_store_list_report_periods (store, plan->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (periods->len, ==, json_array_get_length (json_object_get_array_member (root, "report_schedule")));

      indicators = gdnn_store_list_indicators (store, plan->id, &error);
      g_assert_no_error (error);
      groups = json_object_get_array_member (root, "indicator_groups");
      for (guint g = 0; g < json_array_get_length (groups); g++)
        {
          JsonArray *inds = json_object_get_array_member (json_array_get_object_element (groups, g), "indicators");

          for (guint i = 0; i < json_array_get_length (inds); i++)
            {
              JsonObject *jind = json_array_get_object_element (inds, i);
              GdnnIndicator *ind = g_ptr_array_index (indicators, n_indicators);
              JsonArray *targets = json_object_has_member (jind, "targets") ?
                                   json_object_get_array_member (jind, "targets") : NULL;
              GdnnMeasure measure;

              /* Same order as in the file. */
              g_assert_cmpstr (ind->code, ==, json_object_get_string_member (jind, "code"));
              g_assert_cmpstr (ind->name, ==, json_object_get_string_member (jind, "name"));
              g_assert_true (gdnn_measure_from_string (json_object_get_string_member (jind, "measure"), &measure));
              g_assert_cmpint (ind->measure, ==, measure);
              g_assert_cmpuint (ind->targets->len, ==, targets != NULL ? json_array_get_length (targets) : 0);
              for (guint t = 0; targets != NULL && t < json_array_get_length (targets); t++)
                {
                  JsonObject *jt = json_array_get_object_element (targets, t);
                  const char *body = json_object_get_string_member_with_default (jt, "body", NULL);
                  gint64 body_id = body != NULL ? body_id_by_key (bodies, body) : 0;
                  const GdnnTarget *target = gdnn_indicator_get_target (ind, (int) json_object_get_int_member (jt, "year"),
                                                                        body_id);

                  g_assert_nonnull (target);
                  g_assert_cmpfloat (target->value, ==, json_object_get_double_member (jt, "value"));
                }
              n_indicators++;
            }
        }
      g_assert_cmpuint (indicators->len, ==, n_indicators);

      tasks = gdnn_store_list_tasks (store, plan->id, 0, &error);
      g_assert_no_error (error);
      groups = json_object_get_array_member (root, "task_groups");
      for (guint g = 0; g < json_array_get_length (groups); g++)
        {
          JsonObject *jgroup = json_array_get_object_element (groups, g);
          JsonArray *jtasks = json_object_get_array_member (jgroup, "tasks");

          for (guint i = 0; i < json_array_get_length (jtasks); i++)
            {
              JsonObject *jtask = json_array_get_object_element (jtasks, i);
              GdnnTask *task = g_ptr_array_index (tasks, n_tasks);

              g_assert_cmpstr (task->code, ==, json_object_get_string_member (jtask, "code"));
              g_assert_cmpstr (task->group_code, ==, json_object_get_string_member (jgroup, "code"));
              g_assert_cmpstr (task->due_date, ==, json_object_get_string_member_with_default (jtask, "due", NULL));
              g_assert_cmpint (task->lead_body_id != 0, ==, json_object_has_member (jtask, "lead"));
              n_tasks++;
            }
        }
      g_assert_cmpuint (tasks->len, ==, n_tasks);

      if (json_object_has_member (root, "budget"))
        {
          JsonArray *budget = json_object_get_array_member (root, "budget");

          for (guint b = 0; b < json_array_get_length (budget); b++)
            {
              JsonArray *years = json_object_get_array_member (json_array_get_object_element (budget, b), "years");
              for (guint y = 0; y < json_array_get_length (years); y++)
                planned += json_object_get_int_member (json_array_get_object_element (years, y), "planned");
            }
        }
      lines = gdnn_store_list_budget_lines (store, plan->id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < lines->len; i++)
        {
          GdnnBudgetLine *line = g_ptr_array_index (lines, i);
          for (guint y = 0; y < line->years->len; y++)
            stored_planned += g_array_index (line->years, GdnnBudgetYear, y).planned;
        }
      g_assert_cmpint (stored_planned, ==, planned);
    }
}

static void
test_shipped_twice (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 counts[G_N_ELEMENTS (plan_tables)];

  import_shipped (fixture->store);
  for (guint i = 0; plan_tables[i] != NULL; i++)
    counts[i] = gdnn_test_count (fixture->store, plan_tables[i]);

  g_assert_false (gdnn_plan_template_import_shipped (fixture->store, &error));
  g_assert_nonnull (error);
  g_test_message ("Refused: %s", error->message);
  gdnn_test_assert_contains (error->message, "2222/QĐ-TTg");

  for (guint i = 0; plan_tables[i] != NULL; i++)
    g_assert_cmpint (gdnn_test_count (fixture->store, plan_tables[i]), ==, counts[i]);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (fixture->store)));
}

/* ---------------------------------------------------------------------- */

static void
test_minimal (Fixture       *fixture,
              gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GdnnIndicator *ratio, *count;
  GdnnTask *task;
  gint64 id, college;

  id = gdnn_plan_template_import_data (store, minimal_template, strlen (minimal_template), "thu.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  plan = gdnn_store_get_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->number, ==, "15/KH-TEST");
  g_assert_cmpstr (plan->kind, ==, "KH");
  g_assert_cmpstr (plan->issue_date, ==, "2024-02-29");
  g_assert_cmpstr (plan->place, ==, "Bắc Giang");
  g_assert_cmpint (plan->first_year, ==, 2024);
  g_assert_cmpint (plan->last_year, ==, 2030);
  g_assert_cmpint (plan->baseline_year, ==, 2023);
  g_assert_cmpstr (plan->parent_number, ==, "2222/QĐ-TTg");
  g_assert_cmpstr (plan->recipient, ==, "Sở Lao động - Thương binh và Xã hội");

  bodies = gdnn_store_list_bodies (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bodies->len, ==, 2);
  g_assert_cmpstr (((GdnnBody *) bodies->pdata[0])->short_name, ==, "Sở LĐTBXH");
  g_assert_cmpint (((GdnnBody *) bodies->pdata[1])->kind, ==, GDNN_UNIT_TYPE_CAO_DANG);
  college = body_id_by_key (bodies, "truong_cd");

  indicators = gdnn_store_list_indicators (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 2);
  ratio = g_ptr_array_index (indicators, 0);
  count = g_ptr_array_index (indicators, 1);
  g_assert_cmpstr (ratio->group_code, ==, "a");
  g_assert_cmpstr (ratio->group_title, ==, "Năng lực số");
  g_assert_cmpstr (ratio->unit_label, ==, "%");
  g_assert_cmpstr (ratio->numerator_label, ==, "Số nhà giáo đã được bồi dưỡng");
  g_assert_cmpstr (ratio->denominator_label, ==, "Tổng số nhà giáo");
  g_assert_cmpstr (ratio->direction, ==, "increase");
  g_assert_cmpfloat (gdnn_indicator_get_target (ratio, 2025, 0)->value, ==, 50);
  g_assert_cmpfloat (gdnn_indicator_next_target (ratio, 2026)->value, ==, 100);
  g_assert_cmpstr (count->unit_label, ==, "người");
  g_assert_cmpfloat (gdnn_indicator_get_target (count, 2030, 0)->value, ==, 6000);
  g_assert_cmpfloat (gdnn_indicator_get_target (count, 2030, college)->value, ==, 340);
  g_assert_cmpint (gdnn_test_count (store, "indicator_responsible"), ==, 1);

  tasks = gdnn_store_list_tasks (store, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 2);
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpstr (task->code, ==, "II.1.1");
  g_assert_cmpstr (task->lead_name, ==, "Sở LĐTBXH");
  g_assert_cmpstr (task->cooperating, ==, "Trường Cao đẳng Thử nghiệm");
  g_assert_cmpstr (task->start_date, ==, "2024-01-01");
  g_assert_cmpstr (task->due_date, ==, "2025-12-31");
  task = g_ptr_array_index (tasks, 1);
  g_assert_null (task->due_date);
  g_assert_cmpint (task->lead_body_id, ==, 0);

  lines = gdnn_store_list_budget_lines (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpuint (((GdnnBudgetLine *) lines->pdata[0])->years->len, ==, 2);
  g_assert_cmpint (g_array_index (((GdnnBudgetLine *) lines->pdata[0])->years, GdnnBudgetYear, 1).planned,
                   ==, 200000000);
}

/* The same plan twice: the second import is refused and the first stays
 * as it was. */
static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autofree char *path = resources_path ("bac-giang-401-kh-ubnd.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  gint64 counts[G_N_ELEMENTS (plan_tables)];
  gint64 id;

  id = gdnn_plan_template_import_file (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; plan_tables[i] != NULL; i++)
    counts[i] = gdnn_test_count (store, plan_tables[i]);
  g_assert_cmpint (counts[4], ==, 11);   /* indicators */

  g_assert_cmpint (gdnn_plan_template_import_file (store, path, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("Refused: %s", error->message);
  gdnn_test_assert_contains (error->message, "401/KH-UBND");
  gdnn_test_assert_contains (error->message, "bac-giang-401-kh-ubnd.json");
  g_clear_error (&error);

  for (guint i = 0; plan_tables[i] != NULL; i++)
    g_assert_cmpint (gdnn_test_count (store, plan_tables[i]), ==, counts[i]);
  plan = gdnn_test_find_plan (store, "401/KH-UBND");
  g_assert_cmpint (plan->id, ==, id);

  /* The same through import_data, with the small template. */
  id = gdnn_plan_template_import_data (store, minimal_template, strlen (minimal_template), "thu.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_plan_template_import_data (store, minimal_template, strlen (minimal_template),
                                                   "thu.json", &error), ==, 0);
  g_assert_nonnull (error);
  gdnn_test_assert_contains (error->message, "15/KH-TEST");
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 2);
  g_assert_cmpint (gdnn_test_count (store, "indicator"), ==, 13);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (store)));

  /* A missing file is an error of its own. */
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "khong-co.json", NULL);
    g_assert_cmpint (gdnn_plan_template_import_file (store, missing, &error), ==, 0);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

/* ---------------------------------------------------------------------- */

typedef void (*MutateFunc) (JsonObject *root);

typedef struct
{
  const char *name;
  const char *raw;          /* the file itself, instead of a mutation */
  MutateFunc  mutate;
  int         code;         /* GdnnTemplateError */
  const char *expected;     /* part of the message: the JSON path, or the line */
} MalformedCase;

static JsonObject *
indicator (JsonObject *root,
           guint       i)
{
  JsonArray *groups = json_object_get_array_member (root, "indicator_groups");
  JsonObject *group = json_array_get_object_element (groups, 0);
  return json_array_get_object_element (json_object_get_array_member (group, "indicators"), i);
}

static JsonObject *
target (JsonObject *root,
        guint       i,
        guint       t)
{
  return json_array_get_object_element (json_object_get_array_member (indicator (root, i), "targets"), t);
}

static JsonObject *
task (JsonObject *root,
      guint       i)
{
  JsonArray *groups = json_object_get_array_member (root, "task_groups");
  JsonObject *group = json_array_get_object_element (groups, 0);
  return json_array_get_object_element (json_object_get_array_member (group, "tasks"), i);
}

static JsonObject *
array_object (JsonObject *root,
              const char *member,
              guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (root, member), i);
}

static void
mutate_missing_number (JsonObject *r)
{
  json_object_remove_member (r, "number");
}

static void
mutate_blank_number (JsonObject *r)
{
  json_object_set_string_member (r, "number", "  ");
}

static void
mutate_wrong_format (JsonObject *r)
{
  json_object_set_string_member (r, "format", "gdnn-plan");
}

static void
mutate_format_version (JsonObject *r)
{
  json_object_set_int_member (r, "format_version", 2);
}

static void
mutate_title_number (JsonObject *r)
{
  json_object_set_int_member (r, "title", 5);
}

static void
mutate_first_after_last (JsonObject *r)
{
  json_object_set_int_member (r, "first_year", 2031);
}

static void
mutate_year_string (JsonObject *r)
{
  json_object_set_string_member (r, "last_year", "2030");
}

static void
mutate_issue_date (JsonObject *r)
{
  json_object_set_string_member (r, "issue_date", "2023-02-29");
}

static void
mutate_no_task_groups (JsonObject *r)
{
  json_object_remove_member (r, "task_groups");
}

static void
mutate_schedule_code (JsonObject *r)
{
  json_object_set_string_member (array_object (r, "report_schedule", 0), "code", "month");
}

static void
mutate_schedule_day (JsonObject *r)
{
  json_object_set_int_member (array_object (r, "report_schedule", 0), "due_day", 31);
}

static void
mutate_body_kind (JsonObject *r)
{
  json_object_set_string_member (array_object (r, "bodies", 1), "kind", "dai_hoc");
}

static void
mutate_body_twice (JsonObject *r)
{
  json_object_set_string_member (array_object (r, "bodies", 1), "key", "so_ldtbxh");
}

static void
mutate_measure (JsonObject *r)
{
  json_object_set_string_member (indicator (r, 0), "measure", "percent");
}

static void
mutate_direction (JsonObject *r)
{
  json_object_set_string_member (indicator (r, 1), "direction", "up");
}

static void
mutate_count_labels (JsonObject *r)
{
  json_object_set_string_member (indicator (r, 1), "denominator_label", "Tổng số");
}

static void
mutate_indicator_code_twice (JsonObject *r)
{
  json_object_set_string_member (indicator (r, 1), "code", "I.1");
}

static void
mutate_target_year (JsonObject *r)
{
  json_object_set_int_member (target (r, 0, 1), "year", 2031);
}

static void
mutate_target_150 (JsonObject *r)
{
  json_object_set_int_member (target (r, 0, 0), "value", 150);
}

static void
mutate_target_negative (JsonObject *r)
{
  json_object_set_double_member (target (r, 1, 0), "value", -1.5);
}

static void
mutate_target_twice (JsonObject *r)
{
  json_object_set_int_member (target (r, 0, 1), "year", 2025);
}

static void
mutate_target_body (JsonObject *r)
{
  json_object_set_string_member (target (r, 1, 1), "body", "truong_khac");
}

static void
mutate_responsible (JsonObject *r)
{
  JsonArray *list = json_array_new ();

  json_array_add_string_element (list, "so_khong_co");
  json_object_set_array_member (indicator (r, 0), "responsible", list);
}

static void
mutate_unknown_lead (JsonObject *r)
{
  json_object_set_string_member (task (r, 1), "lead", "so_khong_co");
}

static void
mutate_bad_due (JsonObject *r)
{
  json_object_set_string_member (task (r, 0), "due", "2025-02-30");
}

static void
mutate_due_format (JsonObject *r)
{
  json_object_set_string_member (task (r, 0), "due", "31/12/2025");
}

static void
mutate_due_before_start (JsonObject *r)
{
  json_object_set_string_member (task (r, 0), "due", "2023-12-31");
}

static void
mutate_task_code_twice (JsonObject *r)
{
  json_object_set_string_member (task (r, 1), "code", "II.1.1");
}

static void
mutate_cooperating (JsonObject *r)
{
  JsonArray *list = json_array_new ();

  json_array_add_string_element (list, "truong_cd");
  json_array_add_int_element (list, 7);
  json_object_set_array_member (task (r, 0), "cooperating", list);
}

static void
mutate_budget_source (JsonObject *r)
{
  json_object_set_string_member (array_object (r, "budget", 0), "source", "ngan-sach");
}

static void
mutate_budget_planned (JsonObject *r)
{
  JsonArray *years = json_object_get_array_member (array_object (r, "budget", 0), "years");
  json_object_set_int_member (json_array_get_object_element (years, 1), "planned", -5);
}

static void
mutate_budget_year_twice (JsonObject *r)
{
  JsonArray *years = json_object_get_array_member (array_object (r, "budget", 0), "years");
  json_object_set_int_member (json_array_get_object_element (years, 1), "year", 2024);
}

static void
mutate_schedule_twice (JsonObject *r)
{
  JsonArray *periods = json_object_get_array_member (r, "report_schedule");
  JsonObject *again = json_object_new ();

  json_object_set_string_member (again, "code", "year");
  json_object_set_string_member (again, "name", "Báo cáo năm (lần hai)");
  json_object_set_int_member (again, "due_day", 15);
  json_object_set_int_member (again, "due_month", 12);
  json_array_add_object_element (periods, again);
}

static void
mutate_responsible_object (JsonObject *r)
{
  JsonArray *list = json_array_new ();
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "key", "so_ldtbxh");
  json_array_add_object_element (list, body);
  json_object_set_array_member (indicator (r, 0), "responsible", list);
}

static void
mutate_due_with_space (JsonObject *r)
{
  json_object_set_string_member (task (r, 0), "due", "2025- 1-01");
}

static const MalformedCase malformed_cases[] = {
  { "not-json", "{\n  \"format\": \"gdnn-plan-template\",\n  \"number\": ,\n  \"title\": \"x\"\n}\n", NULL,
    GDNN_TEMPLATE_ERROR_SYNTAX, ":3:" },
  { "not-utf8", "{ \"format\": \"gdnn-plan-template\", \"number\": \"\xff\xfe\" }", NULL,
    GDNN_TEMPLATE_ERROR_SYNTAX, "UTF-8" },
  { "not-object", "[ 1, 2, 3 ]", NULL, GDNN_TEMPLATE_ERROR_INVALID, "JSON object" },
  { "wrong-format", NULL, mutate_wrong_format, GDNN_TEMPLATE_ERROR_INVALID, "“format”" },
  { "format-version", NULL, mutate_format_version, GDNN_TEMPLATE_ERROR_INVALID, "“format_version”" },
  { "missing-number", NULL, mutate_missing_number, GDNN_TEMPLATE_ERROR_INVALID, "“number”" },
  { "blank-number", NULL, mutate_blank_number, GDNN_TEMPLATE_ERROR_INVALID, "“number”" },
  { "title-not-text", NULL, mutate_title_number, GDNN_TEMPLATE_ERROR_INVALID, "“title”" },
  { "first-after-last", NULL, mutate_first_after_last, GDNN_TEMPLATE_ERROR_INVALID, "“last_year”" },
  { "year-as-text", NULL, mutate_year_string, GDNN_TEMPLATE_ERROR_INVALID, "“last_year”" },
  { "bad-issue-date", NULL, mutate_issue_date, GDNN_TEMPLATE_ERROR_INVALID, "“issue_date”" },
  { "no-task-groups", NULL, mutate_no_task_groups, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups”" },
  { "schedule-code", NULL, mutate_schedule_code, GDNN_TEMPLATE_ERROR_INVALID, "“report_schedule[0].code”" },
  { "schedule-day", NULL, mutate_schedule_day, GDNN_TEMPLATE_ERROR_INVALID, "“report_schedule[0].due_day”" },
  { "body-kind", NULL, mutate_body_kind, GDNN_TEMPLATE_ERROR_INVALID, "“bodies[1].kind”" },
  { "body-twice", NULL, mutate_body_twice, GDNN_TEMPLATE_ERROR_INVALID, "“bodies[1].key”" },
  { "measure-percent", NULL, mutate_measure, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[0].measure”" },
  { "direction", NULL, mutate_direction, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[1].direction”" },
  { "count-with-denominator", NULL, mutate_count_labels, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[1].denominator_label”" },
  { "indicator-code-twice", NULL, mutate_indicator_code_twice, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[1].code”" },
  { "responsible-unknown", NULL, mutate_responsible, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[0].responsible”" },
  { "target-year-outside", NULL, mutate_target_year, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[0].targets[1].year”" },
  { "ratio-target-150", NULL, mutate_target_150, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[0].targets[0].value”" },
  { "target-negative", NULL, mutate_target_negative, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[1].targets[0].value”" },
  { "target-twice", NULL, mutate_target_twice, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[0].targets[1].year”" },
  { "target-unknown-body", NULL, mutate_target_body, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[1].targets[1].body”" },
  { "lead-unknown", NULL, mutate_unknown_lead, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups[0].tasks[1].lead”" },
  { "cooperating-not-key", NULL, mutate_cooperating, GDNN_TEMPLATE_ERROR_INVALID,
    "“task_groups[0].tasks[0].cooperating”" },
  { "bad-date", NULL, mutate_bad_due, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups[0].tasks[0].due”" },
  { "date-format", NULL, mutate_due_format, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups[0].tasks[0].due”" },
  { "due-before-start", NULL, mutate_due_before_start, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups[0].tasks[0].due”" },
  { "task-code-twice", NULL, mutate_task_code_twice, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups[0].tasks[1].code”" },
  { "budget-source", NULL, mutate_budget_source, GDNN_TEMPLATE_ERROR_INVALID, "“budget[0].source”" },
  { "budget-negative", NULL, mutate_budget_planned, GDNN_TEMPLATE_ERROR_INVALID, "“budget[0].years[1].planned”" },
  { "budget-year-twice", NULL, mutate_budget_year_twice, GDNN_TEMPLATE_ERROR_INVALID, "“budget[0].years[1].year”" },
  /* Regressions: these were once accepted or mis-reported. */
  { "schedule-twice", NULL, mutate_schedule_twice, GDNN_TEMPLATE_ERROR_INVALID, "“report_schedule[1].code”" },
  { "responsible-object", NULL, mutate_responsible_object, GDNN_TEMPLATE_ERROR_INVALID,
    "“indicator_groups[0].indicators[0].responsible”" },
  { "date-with-space", NULL, mutate_due_with_space, GDNN_TEMPLATE_ERROR_INVALID, "“task_groups[0].tasks[0].due”" },
};


static char *
mutated_template (MutateFunc mutate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (minimal_template, &error);

  g_assert_no_error (error);
  mutate (json_node_get_object (node));
  return json_to_string (node, TRUE);
}

/* Imports the broken file into the fixture's fresh database and checks
 * that it is refused with the right message and leaves nothing behind. */
static void
check_malformed (Fixture             *fixture,
                 const MalformedCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gint64 id;

  data = c->raw != NULL ? g_strdup (c->raw) : mutated_template (c->mutate);
  id = gdnn_plan_template_import_data (fixture->store, data, strlen (data), "hong.json", &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, GDNN_TEMPLATE_ERROR, c->code);
  g_test_message ("Refused: %s", error->message);
  gdnn_test_assert_contains (error->message, c->expected);
  g_assert_true (g_str_has_prefix (error->message, "hong.json: "));

  /* Nothing half-written. */
  for (guint i = 0; plan_tables[i] != NULL; i++)
    g_assert_cmpint (gdnn_test_count (fixture->store, plan_tables[i]), ==, 0);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (fixture->store)));

  /* The database is still usable: the good template goes in. */
  g_clear_error (&error);
  id = gdnn_plan_template_import_data (fixture->store, minimal_template, strlen (minimal_template),
                                       "thu.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

static void
test_malformed (gconstpointer user_data)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, NULL);
  check_malformed (&fixture, user_data);
  fixture_teardown (&fixture, NULL);
}


int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/template/shipped/list", test_list_shipped);
  g_test_add ("/exchange/template/shipped/bac-giang", Fixture, NULL,
              fixture_setup, test_shipped_bac_giang, fixture_teardown);
  g_test_add ("/exchange/template/shipped/tay-ninh", Fixture, NULL,
              fixture_setup, test_shipped_tay_ninh, fixture_teardown);
  g_test_add ("/exchange/template/shipped/bac-kan", Fixture, NULL,
              fixture_setup, test_shipped_bac_kan, fixture_teardown);
  g_test_add ("/exchange/template/shipped/matches-json", Fixture, NULL,
              fixture_setup, test_shipped_matches_json, fixture_teardown);
  g_test_add ("/exchange/template/shipped/twice", Fixture, NULL,
              fixture_setup, test_shipped_twice, fixture_teardown);
  g_test_add ("/exchange/template/minimal", Fixture, NULL,
              fixture_setup, test_minimal, fixture_teardown);
  g_test_add ("/exchange/template/import-twice", Fixture, NULL,
              fixture_setup, test_import_twice, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/template/malformed/%s", malformed_cases[i].name);
      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }

  return g_test_run ();
}
