/* test-unit-setup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The unit set-up core on the demo database: validation of the details,
 * the reporting hierarchy, attaching and detaching plans, own tasks and
 * per-unit targets, each checked in the tables and the change log. */

#include <string.h>

#include "gdnn-demo.h"
#include "gdnn-plan-attach.h"
#include "gdnn-plan-template.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"
#include "gdnn-unit-setup.h"

#include "gdnn-test-utils.h"

#define BAC_KAN "206/KH-UBND"
#define BAC_GIANG "401/KH-UBND"

static void
fixture_setup_demo (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  g_assert_true (gdnn_demo_populate (fixture->store, 2026, &error));
  g_assert_no_error (error);
}

/* A new institution reporting to nothing, with no plan. */
static gint64
add_institution (GdnnStore  *store,
                 const char *code)
{
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit->code = g_strdup (code);
  unit->name = g_strdup_printf ("Trường Trung cấp %s", code);
  unit->type = GDNN_UNIT_TYPE_TRUNG_CAP;
  unit->ownership = GDNN_OWNERSHIP_TU_THUC;
  id = gdnn_unit_setup_save (store, unit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
log_count (GdnnStore  *store,
           const char *entity,
           const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = '%s' AND action = '%s';",
                                          entity, action);
  return gdnn_test_query_int (store, sql);
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  const char    *name;
  const char    *code;
  const char    *unit_name;
  GdnnUnitType   type;
  GdnnOwnership  ownership;
  const char    *phone;
  const char    *email;
  GdnnUnitField  field;   /* NONE: valid */
} ValidationCase;

static const ValidationCase validation_cases[] = {
  { "ok", "BG-TC09", "Trường Trung cấp Mới", GDNN_UNIT_TYPE_TRUNG_CAP, GDNN_OWNERSHIP_CONG_LAP,
    "(0204) 3.854.123", "vanthu@tcmoi.edu.vn", GDNN_UNIT_FIELD_NONE },
  { "ok-office", "SLD-XX", "Sở Nội vụ", GDNN_UNIT_TYPE_CO_QUAN, GDNN_OWNERSHIP_NONE,
    "+84 204 3854 123", NULL, GDNN_UNIT_FIELD_NONE },
  { "empty-code", "", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, NULL, GDNN_UNIT_FIELD_CODE },
  { "blank-code", "   ", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, NULL, GDNN_UNIT_FIELD_CODE },
  { "code-space", "BG TC", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, NULL, GDNN_UNIT_FIELD_CODE },
  { "duplicate-code", "BG-CD01", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, NULL, GDNN_UNIT_FIELD_CODE },
  { "no-name", "X1", " ", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, NULL, GDNN_UNIT_FIELD_NAME },
  { "bad-type", "X1", "Trường A", (GdnnUnitType) 42, GDNN_OWNERSHIP_CONG_LAP, NULL, NULL, GDNN_UNIT_FIELD_TYPE },
  { "bad-ownership", "X1", "Trường A", GDNN_UNIT_TYPE_KHAC, (GdnnOwnership) 9, NULL, NULL, GDNN_UNIT_FIELD_OWNERSHIP },
  { "office-owned", "X1", "Sở A", GDNN_UNIT_TYPE_CO_QUAN, GDNN_OWNERSHIP_TU_THUC, NULL, NULL, GDNN_UNIT_FIELD_OWNERSHIP },
  { "school-unowned", "X1", "Trường A", GDNN_UNIT_TYPE_TRUNG_TAM, GDNN_OWNERSHIP_NONE, NULL, NULL, GDNN_UNIT_FIELD_OWNERSHIP },
  { "phone-letters", "X1", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, "gọi 0204", NULL, GDNN_UNIT_FIELD_PHONE },
  { "phone-short", "X1", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, "12-34", NULL, GDNN_UNIT_FIELD_PHONE },
  { "email-no-at", "X1", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, "truong.edu.vn", GDNN_UNIT_FIELD_EMAIL },
  { "email-no-dot", "X1", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, "a@truong", GDNN_UNIT_FIELD_EMAIL },
  { "email-space", "X1", "Trường A", GDNN_UNIT_TYPE_CAO_DANG, GDNN_OWNERSHIP_CONG_LAP, NULL, "a b@t.vn", GDNN_UNIT_FIELD_EMAIL },
};

static void
test_validate (gconstpointer data)
{
  const ValidationCase *c = data;
  Fixture fixture;
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  GdnnUnitField field = GDNN_UNIT_FIELD_PARENT;
  gint64 units_before;
  gint64 id;

  fixture_setup_demo (&fixture, NULL);
  units_before = gdnn_test_count (fixture.store, "unit");

  unit->code = g_strdup (c->code);
  unit->name = g_strdup (c->unit_name);
  unit->type = c->type;
  unit->ownership = c->ownership;
  unit->phone = g_strdup (c->phone);
  unit->email = g_strdup (c->email);
  id = gdnn_unit_setup_save (fixture.store, unit, &field, &error);

  g_assert_cmpint (field, ==, c->field);
  if (c->field == GDNN_UNIT_FIELD_NONE)
    {
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (gdnn_test_count (fixture.store, "unit"), ==, units_before + 1);
    }
  else
    {
      g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (id, ==, 0);
      g_assert_cmpint (gdnn_test_count (fixture.store, "unit"), ==, units_before);
    }
  fixture_teardown (&fixture, NULL);
}

static void
test_normalize (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GdnnUnit) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit->code = g_strdup ("  BG-TC10 ");
  unit->name = g_strdup (" Trường Trung cấp Lục Nam\t");
  unit->type = GDNN_UNIT_TYPE_TRUNG_CAP;
  unit->ownership = GDNN_OWNERSHIP_CONG_LAP;
  unit->address = g_strdup ("   ");
  unit->head_title = g_strdup ("Hiệu trưởng ");
  id = gdnn_unit_setup_save (fixture->store, unit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit->id, ==, id);

  stored = gdnn_store_get_unit (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->code, ==, "BG-TC10");
  g_assert_cmpstr (stored->name, ==, "Trường Trung cấp Lục Nam");
  g_assert_cmpstr (stored->head_title, ==, "Hiệu trưởng");
  g_assert_null (stored->address);
  g_assert_cmpint (log_count (fixture->store, "unit", "insert"), ==, 10);
}

static void
test_update_keeps_fields (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GdnnUnit) before = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GdnnUnit) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *logged = NULL;

  g_free (unit->head_name);
  unit->head_name = g_strdup ("Nguyễn Thị Hoa");
  g_free (unit->phone);
  unit->phone = g_strdup ("0204 3882 456");
  g_assert_cmpint (gdnn_unit_setup_save (store, unit, NULL, &error), ==, before->id);
  g_assert_no_error (error);

  after = gdnn_test_find_unit (store, "BG-TC02");
  g_assert_cmpstr (after->head_name, ==, "Nguyễn Thị Hoa");
  g_assert_cmpstr (after->phone, ==, "0204 3882 456");
  g_assert_cmpstr (after->name, ==, before->name);
  g_assert_cmpstr (after->short_name, ==, before->short_name);
  g_assert_cmpint (after->type, ==, before->type);
  g_assert_cmpint (after->ownership, ==, before->ownership);
  g_assert_cmpint (after->parent_id, ==, before->parent_id);
  g_assert_cmpstr (after->governing_body, ==, before->governing_body);
  g_assert_cmpstr (after->head_title, ==, before->head_title);
  g_assert_cmpstr (after->address, ==, before->address);
  g_assert_null (after->email);
  g_assert_true (after->is_sample);

  /* One update row holding the old and the new head's name. */
  g_assert_cmpint (log_count (store, "unit", "update"), ==, 1);
  logged = gdnn_test_query_text (store, "SELECT json_extract (old, '$.head_name') || ' → ' || "
                                        "json_extract (new, '$.head_name') FROM change_log "
                                        "WHERE entity = 'unit' AND action = 'update';");
  g_assert_cmpstr (logged, ==, "Lê Văn Cường → Nguyễn Thị Hoa");
}

static void
test_parent_cycle (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) office = gdnn_test_find_unit (store, "SLD-BG");
  g_autoptr(GdnnUnit) school = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GError) error = NULL;
  GdnnUnitField field = GDNN_UNIT_FIELD_NONE;
  gint64 log_before = gdnn_test_count (store, "change_log");
  gint64 deep;

  g_assert_cmpint (school->parent_id, ==, office->id);

  /* The office cannot report to a school that reports to it… */
  office->parent_id = school->id;
  g_assert_cmpint (gdnn_unit_setup_save (store, office, &field, &error), ==, 0);
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_assert_cmpint (field, ==, GDNN_UNIT_FIELD_PARENT);
  g_clear_error (&error);

  /* …nor through another level… */
  {
    g_autoptr(GdnnUnit) sub = gdnn_unit_new ();
    sub->code = g_strdup ("BG-CD01-K1");
    sub->name = g_strdup ("Khoa Cơ khí");
    sub->type = GDNN_UNIT_TYPE_KHAC;
    sub->ownership = GDNN_OWNERSHIP_CONG_LAP;
    sub->parent_id = school->id;
    deep = gdnn_unit_setup_save (store, sub, NULL, &error);
    g_assert_no_error (error);
    log_before = gdnn_test_count (store, "change_log");
  }
  office->parent_id = deep;
  field = GDNN_UNIT_FIELD_NONE;
  g_assert_cmpint (gdnn_unit_setup_save (store, office, &field, &error), ==, 0);
  g_assert_cmpint (field, ==, GDNN_UNIT_FIELD_PARENT);
  g_clear_error (&error);

  /* …nor to itself, nor to a unit that does not exist. */
  office->parent_id = office->id;
  g_assert_cmpint (gdnn_unit_setup_save (store, office, &field, &error), ==, 0);
  g_assert_cmpint (field, ==, GDNN_UNIT_FIELD_PARENT);
  g_clear_error (&error);
  office->parent_id = 99999;
  g_assert_cmpint (gdnn_unit_setup_save (store, office, &field, &error), ==, 0);
  g_assert_cmpint (field, ==, GDNN_UNIT_FIELD_PARENT);
  g_clear_error (&error);

  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log_before);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit WHERE code = 'SLD-BG' "
                                               "AND parent_id IS NULL;"), ==, 1);

  /* Moving the school under another office is fine. */
  {
    g_autoptr(GdnnUnit) other = gdnn_test_find_unit (store, "SLD-BK");
    school->parent_id = other->id;
    g_assert_cmpint (gdnn_unit_setup_save (store, school, NULL, &error), ==, school->id);
    g_assert_no_error (error);
  }
}

static void
test_list_offices (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) office = gdnn_test_find_unit (store, "SLD-BG");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = gdnn_unit_setup_list_offices (store, office->id, &error);
  g_autoptr(GPtrArray) all = gdnn_unit_setup_list_offices (store, 0, &error);
  gboolean seen_school = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, gdnn_test_count (store, "unit"));
  /* Not itself, nor the four Bắc Giang schools that report to it. */
  g_assert_cmpuint (offices->len, ==, all->len - 5);
  for (guint i = 0; i < offices->len; i++)
    {
      GdnnUnit *u = g_ptr_array_index (offices, i);

      g_assert_cmpint (u->id, !=, office->id);
      g_assert_false (g_str_has_prefix (u->code, "BG-"));
      if (u->type != GDNN_UNIT_TYPE_CO_QUAN)
        seen_school = TRUE;
      else
        g_assert_false (seen_school);   /* offices first */
      if (i > 0 && (u->type == GDNN_UNIT_TYPE_CO_QUAN) ==
                   (((GdnnUnit *) offices->pdata[i - 1])->type == GDNN_UNIT_TYPE_CO_QUAN))
        g_assert_cmpint (gdnn_collate (((GdnnUnit *) offices->pdata[i - 1])->name, u->name), <=, 0);
    }
  /* "Phòng" sorts before "Sở" in Vietnamese order. */
  g_assert_cmpstr (((GdnnUnit *) offices->pdata[0])->code, ==, "PLD-TN");
}

static void
test_attach_detach (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, BAC_GIANG);
  g_autoptr(GdnnUnit) school = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GError) error = NULL;
  GdnnPlanUsage usage;
  gint64 id = add_institution (store, "BG-TC11");

  g_assert_true (gdnn_unit_setup_attach_plan (store, id, plan->id, &error));
  g_assert_no_error (error);
  /* Attaching twice keeps one link. */
  g_assert_true (gdnn_unit_setup_attach_plan (store, id, plan->id, &error));
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit_plan u JOIN unit n ON n.id = u.unit_id "
                                               "WHERE n.code = 'BG-TC11';"), ==, 1);
  g_assert_cmpint (log_count (store, "unit_plan", "insert"), >=, 1);

  g_assert_true (gdnn_unit_setup_plan_usage (store, id, plan->id, &usage, &error));
  g_assert_cmpuint (usage.values + usage.task_results + usage.own_tasks + usage.targets, ==, 0);
  g_assert_true (gdnn_unit_setup_detach_plan (store, id, plan->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit_plan u JOIN unit n ON n.id = u.unit_id "
                                               "WHERE n.code = 'BG-TC11';"), ==, 0);
  g_assert_cmpint (log_count (store, "unit_plan", "delete"), ==, 1);

  /* A school with values keeps its plan, and the message says why. */
  g_assert_true (gdnn_unit_setup_plan_usage (store, school->id, plan->id, &usage, &error));
  g_assert_cmpuint (usage.values, >, 0);
  g_assert_cmpuint (usage.task_results, >, 0);
  g_assert_false (gdnn_unit_setup_detach_plan (store, school->id, plan->id, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  gdnn_test_assert_contains (error->message, "values");
  gdnn_test_assert_contains (error->message, BAC_GIANG);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit_plan u JOIN unit n ON n.id = u.unit_id "
                                               "WHERE n.code = 'BG-TC02';"), ==, 1);
  g_assert_cmpint (log_count (store, "unit_plan", "delete"), ==, 1);
}

static void
test_attach_shipped (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = gdnn_plan_template_list_shipped_info (&error);
  g_autofree char *bad = gdnn_test_write_file (fixture, "bad.json", "{\"format\": \"gdnn-plan-template\"", -1);
  g_autofree char *broken = gdnn_test_write_file (fixture, "broken.json",
                                                  "{\"format\": \"gdnn-plan-template\", \"format_version\": 1, "
                                                  "\"number\": \"9/KH-X\", \"title\": \"\"}", -1);
  const char *bac_kan = NULL;
  gint64 id, plan_id, plans_before;

  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 5);
  for (guint i = 0; i < infos->len; i++)
    {
      GdnnTemplateInfo *info = g_ptr_array_index (infos, i);
      g_assert_nonnull (info->number);
      g_assert_nonnull (info->title);
      if (g_strcmp0 (info->number, BAC_KAN) == 0)
        bac_kan = info->name;
    }
  g_assert_nonnull (bac_kan);

  /* An empty database: the template's plan is imported, then attached. */
  id = add_institution (store, "BK-TC05");
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 0);
  plan_id = gdnn_plan_template_attach_shipped (store, id, bac_kan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_id, >, 0);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "unit_plan"), ==, 1);

  /* Again for another unit: the stored plan is reused. */
  plans_before = gdnn_test_count (store, "indicator");
  g_assert_cmpint (gdnn_plan_template_attach_shipped (store, add_institution (store, "BK-TC06"), bac_kan, &error),
                   ==, plan_id);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "indicator"), ==, plans_before);

  /* A broken file stores nothing. */
  g_assert_cmpint (gdnn_plan_template_attach_file (store, id, bad, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (gdnn_plan_template_attach_file (store, id, broken, &error), ==, 0);
  g_assert_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_INVALID);
  g_assert_cmpint (gdnn_test_count (store, "plan"), ==, 1);
  g_assert_cmpint (gdnn_test_count (store, "unit_plan"), ==, 2);
}

static void
test_own_tasks (Fixture       *fixture,
                gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, BAC_GIANG);
  g_autoptr(GdnnPlan) other = gdnn_test_find_plan (store, BAC_KAN);
  g_autoptr(GdnnUnit) school = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GPtrArray) bodies = gdnn_store_list_bodies (store, plan->id, NULL);
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  GdnnTask task = { 0 };
  gint64 group_id, id, second, plan_tasks;

  group_id = gdnn_test_query_int (store, "SELECT min (g.id) FROM task_group g JOIN plan p ON p.id = g.plan_id "
                                         "WHERE p.number = '" BAC_GIANG "';");
  plan_tasks = gdnn_test_query_int (store, "SELECT count(*) FROM task WHERE unit_id IS NULL;");

  task.plan_id = plan->id;
  task.group_id = group_id;
  task.lead_body_id = ((GdnnBody *) bodies->pdata[0])->id;
  task.title = (char *) "Số hóa 100% hồ sơ học sinh";
  task.due_date = (char *) "2026-11-15";
  id = gdnn_unit_setup_save_task (store, school->id, &task, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  task.title = (char *) "Mua sắm phòng học số";
  task.due_date = NULL;
  second = gdnn_unit_setup_save_task (store, school->id, &task, &error);
  g_assert_no_error (error);

  code = gdnn_test_query_text (store, "SELECT group_concat (code, ',') FROM task WHERE unit_id IS NOT NULL;");
  g_assert_cmpstr (code, ==, "BG-TC02.1,BG-TC02.2");
  g_assert_cmpint (log_count (store, "task", "insert"), ==, plan_tasks + 2);

  own = gdnn_unit_setup_list_own_tasks (store, school->id, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_cmpstr (((GdnnTask *) own->pdata[0])->title, ==, "Số hóa 100% hồ sơ học sinh");
  g_assert_cmpstr (((GdnnTask *) own->pdata[0])->due_date, ==, "2026-11-15");
  g_assert_cmpint (((GdnnTask *) own->pdata[0])->group_id, ==, group_id);
  g_clear_pointer (&own, g_ptr_array_unref);
  /* Another school does not see them. */
  {
    g_autoptr(GdnnUnit) cd01 = gdnn_test_find_unit (store, "BG-CD01");
    own = gdnn_unit_setup_list_own_tasks (store, cd01->id, plan->id, &error);
    g_assert_cmpuint (own->len, ==, 0);
    g_clear_pointer (&own, g_ptr_array_unref);
  }

  /* Edit: one update row with old and new titles. */
  task.id = id;
  task.title = (char *) "Số hóa toàn bộ hồ sơ học sinh";
  task.due_date = (char *) "2026-12-01";
  g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &task, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'task' "
                                               "AND action = 'update' AND json_extract (old, '$.title') = "
                                               "'Số hóa 100% hồ sơ học sinh' AND json_extract (new, '$.due_date') "
                                               "= '2026-12-01';"), ==, 1);

  /* Refused: no title, a bad date, a deadline before the start, a group
   * of another plan, a plan the school does not implement, a plan task. */
  {
    gint64 log_before = gdnn_test_count (store, "change_log");
    GdnnTask bad = task;

    bad.id = 0;
    bad.title = (char *) "  ";
    g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &bad, &error), ==, 0);
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    bad.title = (char *) "Việc";
    bad.due_date = (char *) "2026-02-30";
    g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &bad, &error), ==, 0);
    g_clear_error (&error);
    bad.start_date = (char *) "2026-06-01";
    bad.due_date = (char *) "2026-05-01";
    g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &bad, &error), ==, 0);
    g_clear_error (&error);
    bad.start_date = NULL;
    bad.due_date = NULL;
    bad.group_id = gdnn_test_query_int (store, "SELECT min (g.id) FROM task_group g JOIN plan p ON p.id = g.plan_id "
                                               "WHERE p.number = '" BAC_KAN "';");
    g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &bad, &error), ==, 0);
    g_clear_error (&error);
    bad.group_id = 0;
    bad.lead_body_id = 0;
    bad.plan_id = other->id;
    g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &bad, &error), ==, 0);
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    bad.plan_id = plan->id;
    bad.id = gdnn_test_query_int (store, "SELECT min (id) FROM task WHERE unit_id IS NULL;");
    g_assert_cmpint (gdnn_unit_setup_save_task (store, school->id, &bad, &error), ==, 0);
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (gdnn_unit_setup_delete_task (store, school->id, bad.id, &error));
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log_before);
  }

  /* Own tasks block detaching; deleting them is logged. */
  g_assert_false (gdnn_unit_setup_detach_plan (store, school->id, plan->id, &error));
  gdnn_test_assert_contains (error->message, "2 own tasks");
  g_clear_error (&error);
  g_assert_true (gdnn_unit_setup_delete_task (store, school->id, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM task WHERE unit_id IS NOT NULL;"), ==, 1);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'task' "
                                               "AND action = 'delete' AND json_extract (old, '$.title') = "
                                               "'Mua sắm phòng học số';"), ==, 1);
}

static const GdnnUnitTarget *
find_slot (GPtrArray  *slots,
           const char *code,
           int         year)
{
  for (guint i = 0; i < slots->len; i++)
    {
      const GdnnUnitTarget *s = g_ptr_array_index (slots, i);
      if (g_str_equal (s->code, code) && s->year == year)
        return s;
    }
  return NULL;
}

static void
test_unit_targets (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, BAC_KAN);
  g_autoptr(GdnnPlan) bg = gdnn_test_find_plan (store, BAC_GIANG);
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (store, "BK-CD01");
  g_autoptr(GdnnUnit) bg_school = gdnn_test_find_unit (store, "BG-TC02");
  g_autoptr(GdnnIndicator) enrol = gdnn_store_find_indicator (store, plan->id, "I.2.1", NULL);
  g_autoptr(GdnnIndicator) ratio = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  const GdnnUnitTarget *slot;
  GdnnPlanUsage usage;
  double v;
  gint64 other;

  g_assert_nonnull (enrol);
  slots = gdnn_unit_setup_list_targets (store, college->id, plan->id, &error);
  g_assert_no_error (error);
  slot = find_slot (slots, "I.2.1", 2023);
  g_assert_nonnull (slot);
  g_assert_true (slot->has_value);
  g_assert_cmpfloat (slot->value, ==, 340);
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* The college's target changes where the plan put it. */
  v = 360;
  g_assert_true (gdnn_unit_setup_set_target (store, college->id, enrol->id, 2023, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'target' AND "
                                               "action = 'update' AND json_extract (old, '$.value') = 340 AND "
                                               "json_extract (new, '$.value') = 360;"), ==, 1);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM plan_body WHERE key LIKE 'unit:%';"), ==, 0);
  g_assert_true (gdnn_unit_setup_set_target (store, college->id, enrol->id, 2023, NULL, &error));
  slots = gdnn_unit_setup_list_targets (store, college->id, plan->id, &error);
  g_assert_false (find_slot (slots, "I.2.1", 2023)->has_value);
  g_clear_pointer (&slots, g_ptr_array_unref);
  g_assert_cmpint (log_count (store, "target", "delete"), ==, 1);

  /* A school the plan does not name gets a body of its own. */
  other = add_institution (store, "BK-TC07");
  v = 120;
  g_assert_false (gdnn_unit_setup_set_target (store, other, enrol->id, 2023, &v, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);   /* not attached */
  g_clear_error (&error);
  g_assert_true (gdnn_unit_setup_attach_plan (store, other, plan->id, &error));
  g_assert_true (gdnn_unit_setup_set_target (store, other, enrol->id, 2023, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM target t JOIN plan_body b ON b.id = t.body_id "
                                               "JOIN unit u ON u.id = b.unit_id WHERE u.code = 'BK-TC07' "
                                               "AND t.value = 120 AND t.year = 2023;"), ==, 1);
  v = 150;
  g_assert_true (gdnn_unit_setup_set_target (store, other, enrol->id, 2023, &v, &error));
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM target t JOIN plan_body b ON b.id = t.body_id "
                                               "JOIN unit u ON u.id = b.unit_id WHERE u.code = 'BK-TC07';"), ==, 1);
  slots = gdnn_unit_setup_list_targets (store, other, plan->id, &error);
  g_assert_cmpfloat (find_slot (slots, "I.2.1", 2023)->value, ==, 150);
  g_assert_true (gdnn_unit_setup_plan_usage (store, other, plan->id, &usage, &error));
  g_assert_cmpuint (usage.targets, ==, 1);
  g_assert_false (gdnn_unit_setup_detach_plan (store, other, plan->id, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Refused: a year that is no milestone, a negative target, and a plan
   * that gives no unit a target of its own. */
  g_assert_false (gdnn_unit_setup_set_target (store, other, enrol->id, 2024, &v, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  v = -1;
  g_assert_false (gdnn_unit_setup_set_target (store, other, enrol->id, 2023, &v, &error));
  g_clear_error (&error);
  ratio = gdnn_store_find_indicator (store, bg->id, "I.2.a.1", NULL);
  v = 50;
  g_assert_false (gdnn_unit_setup_set_target (store, bg_school->id, ratio->id, 2025, &v, &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&slots, g_ptr_array_unref);
  slots = gdnn_unit_setup_list_targets (store, bg_school->id, bg->id, &error);
  g_assert_cmpuint (slots->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/unit-setup/validate/%s", validation_cases[i].name);
      g_test_add_data_func (path, &validation_cases[i], test_validate);
    }
  g_test_add ("/core/unit-setup/normalize", Fixture, NULL, fixture_setup_demo, test_normalize, fixture_teardown);
  g_test_add ("/core/unit-setup/update-keeps-fields", Fixture, NULL,
              fixture_setup_demo, test_update_keeps_fields, fixture_teardown);
  g_test_add ("/core/unit-setup/parent-cycle", Fixture, NULL, fixture_setup_demo, test_parent_cycle, fixture_teardown);
  g_test_add ("/core/unit-setup/list-offices", Fixture, NULL, fixture_setup_demo, test_list_offices, fixture_teardown);
  g_test_add ("/core/unit-setup/attach-detach", Fixture, NULL,
              fixture_setup_demo, test_attach_detach, fixture_teardown);
  g_test_add ("/core/unit-setup/attach-shipped", Fixture, NULL, fixture_setup, test_attach_shipped, fixture_teardown);
  g_test_add ("/core/unit-setup/own-tasks", Fixture, NULL, fixture_setup_demo, test_own_tasks, fixture_teardown);
  g_test_add ("/core/unit-setup/unit-targets", Fixture, NULL, fixture_setup_demo, test_unit_targets, fixture_teardown);

  return g_test_run ();
}
