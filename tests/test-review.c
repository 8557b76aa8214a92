/* test-review.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "gdnn-demo.h"
#include "gdnn-review.h"
#include "gdnn-test-utils.h"
#include "gdnn-text.h"

/* The reviewing office's core: storing received files, refusals, checks,
 * who is late, totals. Submissions are built here as the reader would fill
 * them, on a database holding the shipped plans and a small office. */

#define PLAN "401/KH-UBND"
#define PLAN_BK "206/KH-UBND"

static const struct
{
  const char   *code;
  const char   *name;
  GdnnUnitType  type;
  const char   *parent;
  const char   *plan;
} office_units[] = {
  { "SLD-BG", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang", GDNN_UNIT_TYPE_CO_QUAN, NULL, PLAN },
  { "BG-CD01", "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang", GDNN_UNIT_TYPE_CAO_DANG, "SLD-BG", PLAN },
  { "BG-TC02", "Trường Trung cấp Nghề Lục Ngạn", GDNN_UNIT_TYPE_TRUNG_CAP, "SLD-BG", PLAN },
  { "BG-TT03", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Yên Thế",
    GDNN_UNIT_TYPE_TRUNG_TAM, "SLD-BG", PLAN },
  { "BG-TC05", "Trường Trung cấp Âu Lạc", GDNN_UNIT_TYPE_TRUNG_CAP, "SLD-BG", NULL },
  { "SLD-BK", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Kạn", GDNN_UNIT_TYPE_CO_QUAN, NULL, NULL },
  { "BK-CD01", "Trường Cao đẳng Bắc Kạn", GDNN_UNIT_TYPE_CAO_DANG, "SLD-BK", PLAN_BK },
  { "BK-TT02", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Chợ Đồn",
    GDNN_UNIT_TYPE_TRUNG_TAM, "SLD-BK", PLAN_BK },
};

static gint64
unit_id_of (GdnnStore  *store,
            const char *code)
{
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, code);
  return unit->id;
}

static gint64
plan_id_of (GdnnStore  *store,
            const char *number)
{
  g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (store, number);
  return plan->id;
}

static void
office_setup (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  g_assert_true (gdnn_demo_init (fixture->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (office_units); i++)
    {
      g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
      gint64 id;

      unit->code = g_strdup (office_units[i].code);
      unit->name = g_strdup (office_units[i].name);
      unit->type = office_units[i].type;
      unit->ownership = unit->type == GDNN_UNIT_TYPE_CO_QUAN ? GDNN_OWNERSHIP_NONE : GDNN_OWNERSHIP_CONG_LAP;
      if (office_units[i].parent != NULL)
        unit->parent_id = unit_id_of (fixture->store, office_units[i].parent);
      id = gdnn_store_add_unit (fixture->store, unit, &error);
      g_assert_no_error (error);
      if (office_units[i].plan != NULL)
        {
          gdnn_store_attach_plan (fixture->store, id, plan_id_of (fixture->store, office_units[i].plan), &error);
          g_assert_no_error (error);
        }
    }
}

static const char *
unit_name_of (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (office_units); i++)
    if (g_str_equal (office_units[i].code, code))
      return office_units[i].name;
  return "Trường Trung cấp Kỹ thuật Nông Lâm Bắc Giang";
}

static GdnnSubmission *
new_submission (const char *unit_code,
                const char *plan,
                int         year)
{
  GdnnSubmission *sub = gdnn_submission_new ();

  sub->schema_version = 1;
  sub->generator = g_strdup ("gdnn-report 0.1.0");
  sub->unit_code = g_strdup (unit_code);
  sub->unit_name = g_strdup (unit_name_of (unit_code));
  sub->unit_type = GDNN_UNIT_TYPE_TRUNG_CAP;
  sub->unit_ownership = GDNN_OWNERSHIP_CONG_LAP;
  sub->parent_code = g_strdup (g_str_has_prefix (unit_code, "BK-") ? "SLD-BK" : "SLD-BG");
  sub->plan_number = g_strdup (plan);
  sub->year = year;
  sub->report_number = g_strdup_printf ("15/BC-%s", unit_code);
  sub->report_date = g_strdup_printf ("%d-11-20", year);
  sub->is_final = TRUE;
  sub->signer_name = g_strdup ("Trần Thị Bình");
  sub->signer_title = g_strdup ("Hiệu trưởng");
  return sub;
}

static GdnnSubmittedValue *
add_value (GdnnSubmission *sub,
           const char     *code,
           GdnnMeasure     measure,
           gboolean        has_numerator,
           double          numerator,
           double          denominator,
           const char     *note)
{
  GdnnSubmittedValue *v = gdnn_submitted_value_new ();

  v->code = g_strdup (code);
  v->measure = measure;
  v->has_numerator = has_numerator;
  v->numerator = numerator;
  v->has_denominator = has_numerator && measure == GDNN_MEASURE_RATIO;
  v->denominator = denominator;
  v->has_value = has_numerator && (measure != GDNN_MEASURE_RATIO || denominator > 0);
  v->value = measure == GDNN_MEASURE_RATIO ? (denominator > 0 ? numerator / denominator * 100 : 0) : numerator;
  v->note = g_strdup (note);
  v->status = has_numerator ? g_strdup ("confirmed") : NULL;
  g_ptr_array_add (sub->values, v);
  return v;
}

static GdnnSubmittedValue *
find_submitted (GdnnSubmission *sub,
                const char     *code)
{
  for (guint i = 0; i < sub->values->len; i++)
    {
      GdnnSubmittedValue *v = g_ptr_array_index (sub->values, i);
      if (g_str_equal (v->code, code))
        return v;
    }
  g_assert_not_reached ();
}

static void
set_ratio (GdnnSubmission *sub,
           const char     *code,
           double          numerator,
           double          denominator,
           const char     *note)
{
  GdnnSubmittedValue *v = find_submitted (sub, code);

  v->has_numerator = TRUE;
  v->numerator = numerator;
  v->has_denominator = TRUE;
  v->denominator = denominator;
  g_free (v->note);
  v->note = g_strdup (note);
}

static void
add_task (GdnnSubmission *sub,
          const char     *code,
          GdnnTaskStatus  status,
          int             progress)
{
  GdnnSubmittedTask *t = gdnn_submitted_task_new ();

  t->code = g_strdup (code);
  t->has_status = TRUE;
  t->status = status;
  t->progress = progress;
  t->result = g_strdup_printf ("Kết quả nhiệm vụ %s", code);
  g_ptr_array_add (sub->tasks, t);
}

/* Every indicator of the plan at 100 % (its milestones reached, nothing to
 * flag), three tasks (two done) and the unit's figures on the plan's first
 * budget line and on a line of its own. */
static GdnnSubmission *
clean_submission (GdnnStore  *store,
                  const char *unit_code,
                  int         year)
{
  GdnnSubmission *sub = new_submission (unit_code, PLAN, year);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  GdnnSubmittedBudget *b;

  indicators = gdnn_store_list_indicators (store, plan_id_of (store, PLAN), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      add_value (sub, ind->code, ind->measure, TRUE, 40, 40, NULL);
    }
  add_task (sub, "II.1.1", GDNN_TASK_DONE, 100);
  add_task (sub, "II.1.2", GDNN_TASK_IN_PROGRESS, 60);
  add_task (sub, "II.2.1", GDNN_TASK_DONE, 100);
  /* One of the unit's own tasks: this database does not hold it. */
  add_task (sub, "R.1", GDNN_TASK_DONE, 100);

  lines = gdnn_store_list_budget_lines (store, plan_id_of (store, PLAN), &error);
  g_assert_no_error (error);
  b = gdnn_submitted_budget_new ();
  b->position = 1;
  b->name = g_strdup (((GdnnBudgetLine *) g_ptr_array_index (lines, 0))->name);
  b->source = GDNN_SOURCE_NGAN_SACH;
  b->year = year;
  b->planned = 30000000;
  b->has_spent = TRUE;
  b->spent = 25000000;
  g_ptr_array_add (sub->budget, b);
  b = gdnn_submitted_budget_new ();
  b->position = (int) lines->len + 1;
  b->name = g_strdup ("Mua sắm máy chủ học liệu số");
  b->source = GDNN_SOURCE_XA_HOI_HOA;
  b->year = year;
  b->planned = 120000000;
  g_ptr_array_add (sub->budget, b);
  return sub;
}

static char *
sha_of (const char *label)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, label, -1);
}

static gint64
store_ok (GdnnStore      *store,
          GdnnSubmission *sub,
          const char     *label,
          const char     *received_at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = sha_of (label);
  g_autofree char *file = g_strdup_printf ("/home/can-bo/Tải về/%s.xlsx", label);
  gint64 id = 0;

  g_assert_true (gdnn_review_store_submission (store, sub, file, sha, received_at, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
problems_of (GdnnStore *store,
             gint64     submission_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = gdnn_review_list_problems (store, submission_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  return problems;
}

static guint
count_kind (GPtrArray       *problems,
            GdnnProblemKind  kind,
            const char      *ref)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const GdnnReviewProblem *p = g_ptr_array_index (problems, i);
      if (p->kind == kind && (ref == NULL || g_strcmp0 (p->ref, ref) == 0))
        {
          g_assert_true (p->message != NULL && g_utf8_validate (p->message, -1, NULL) && p->message[0] != '\0');
          n++;
        }
    }
  return n;
}

/* Everything a refused file could have touched. */
static char *
snapshot (GdnnStore *store)
{
  static const char *const tables[] = {
    "unit", "submission", "submission_problem", "value", "task_progress", "budget_line", "budget_year",
    "unit_plan", "change_log",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (s, "%s=%" G_GINT64_FORMAT " ", tables[i], gdnn_test_count (store, tables[i]));
  g_string_append_printf (s, "log=%" G_GINT64_FORMAT " ",
                          gdnn_test_query_int (store, "SELECT ifnull (max (id), 0) FROM change_log;"));
  g_string_append_printf (s, "states=%" G_GINT64_FORMAT,
                          gdnn_test_query_int (store, "SELECT ifnull (sum (length (status) * id), 0) FROM submission;"));
  return g_string_free (s, FALSE);
}

static gint64
query_int_printf (GdnnStore  *store,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int_printf (GdnnStore  *store,
                  const char *format,
                  ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return gdnn_test_query_int (store, sql);
}

/* ---- Migration ------------------------------------------------------ */

static void
test_migration_v4 (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *backup = g_strdup_printf ("%s.schema-4.bak", fixture->path);
  g_autoptr(GdnnStore) old = NULL;
  g_autoptr(GError) error = NULL;
  gint64 log_before;

  old = gdnn_store_open_at_version (fixture->path, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_get_schema_version (old), ==, 4);
  gdnn_test_exec (old,
                  "INSERT INTO unit (id, code, name, type) VALUES (1, 'BG-CD01', 'Trường Cao đẳng Bắc Giang', 'cao_dang');"
                  "INSERT INTO plan (id, number, title, issuer, first_year, last_year) "
                  "VALUES (1, '01/KH-TEST', 'Kế hoạch thử', 'UBND tỉnh', 2022, 2030);"
                  "INSERT INTO submission (unit_id, plan_id, year, file_name, sha256, received_at) "
                  "VALUES (1, 1, 2025, 'bao-cao.xlsx', 'ab', '2025-11-20T08:00:00');");
  g_assert_cmpint (gdnn_test_query_int (old, "SELECT count(*) FROM sqlite_master WHERE name = 'submission_problem';"),
                   ==, 0);
  log_before = gdnn_test_count (old, "change_log");
  g_clear_object (&old);

  fixture->store = gdnn_store_open (fixture->path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_get_schema_version (fixture->store), ==, gdnn_store_latest_version ());
  g_assert_cmpint (gdnn_store_get_schema_version (fixture->store), >=, 5);

  /* The backup is the version 4 file as it was. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (gdnn_test_file_int (backup, "PRAGMA user_version;"), ==, 4);
  g_assert_cmpint (gdnn_test_file_int (backup, "SELECT count(*) FROM submission;"), ==, 1);

  /* Rows kept, new columns with their defaults, nothing logged. */
  g_assert_cmpint (gdnn_test_count (fixture->store, "change_log"), ==, log_before);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM submission WHERE report_number IS NULL "
                                                      "AND replaced_by IS NULL AND status = 'received';"), ==, 1);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT from_submission FROM unit WHERE id = 1;"), ==, 0);
  g_assert_cmpint (gdnn_test_count (fixture->store, "submission_problem"), ==, 0);
  g_assert_cmpint (gdnn_test_query_int (fixture->store, "SELECT count(*) FROM pragma_foreign_key_check;"), ==, 0);

  /* The recreated triggers log the new columns. */
  gdnn_test_exec (fixture->store, "UPDATE submission SET report_number = '15/BC-CĐ', status = 'accepted';");
  g_assert_cmpint (gdnn_test_count (fixture->store, "change_log"), ==, log_before + 1);
  {
    g_autofree char *logged = gdnn_test_query_text (fixture->store,
                                                    "SELECT json_extract (new, '$.report_number') FROM change_log "
                                                    "WHERE entity = 'submission' ORDER BY id DESC LIMIT 1;");
    g_assert_cmpstr (logged, ==, "15/BC-CĐ");
  }
  /* Problems go with their submission. */
  gdnn_test_exec (fixture->store, "INSERT INTO submission_problem (submission_id, kind, message) "
                                  "VALUES (1, 'missing_value', 'Chỉ tiêu I.2.a.1 chưa có số liệu.');");
  gdnn_test_exec (fixture->store, "DELETE FROM submission;");
  g_assert_cmpint (gdnn_test_count (fixture->store, "submission_problem"), ==, 0);
}

/* ---- Storing --------------------------------------------------------- */

static void
test_store_clean (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnSubmission) sub = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GdnnSubmissionInfo) info = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = sha_of ("bao-cao_BG-CD01_401_2026");
  g_autofree char *upper = g_ascii_strup (sha, -1);
  gint64 unit = unit_id_of (store, "BG-CD01");
  gint64 plan = plan_id_of (store, PLAN);
  gint64 log_before = gdnn_test_query_int (store, "SELECT ifnull (max (id), 0) FROM change_log;");
  gint64 id = 0;

  g_assert_true (gdnn_review_store_submission (store, sub, "/tmp/nhận/bao-cao_BG-CD01_401_2026.xlsx", upper,
                                               "2026-11-20T09:15:00", &id, &error));
  g_assert_no_error (error);

  info = gdnn_review_get_submission (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->unit_id, ==, unit);
  g_assert_cmpstr (info->unit_code, ==, "BG-CD01");
  g_assert_cmpint (info->plan_id, ==, plan);
  g_assert_cmpstr (info->plan_number, ==, PLAN);
  g_assert_cmpint (info->year, ==, 2026);
  g_assert_cmpstr (info->period, ==, "year");
  g_assert_cmpstr (info->file_name, ==, "bao-cao_BG-CD01_401_2026.xlsx");
  g_assert_cmpstr (info->sha256, ==, sha);
  g_assert_cmpstr (info->received_at, ==, "2026-11-20T09:15:00");
  g_assert_cmpstr (info->report_date, ==, "2026-11-20");
  g_assert_cmpstr (info->report_number, ==, "15/BC-BG-CD01");
  g_assert_cmpint (info->state, ==, GDNN_SUBMISSION_RECEIVED);
  g_assert_null (info->note);

  problems = problems_of (store, id);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (info->problems, ==, 0);

  /* The values under the unit, as the file says. */
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM value WHERE unit_id = %" G_GINT64_FORMAT
                                            " AND year = 2026 AND period = 'year' AND numerator = 40 "
                                            "AND denominator = 40 AND status = 'confirmed';", unit),
                   ==, (gint64) sub->values->len);
  /* The plan's tasks; the unit's own task R.1 is not in this database. */
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM task_progress WHERE unit_id = %" G_GINT64_FORMAT
                                            " AND year = 2026;", unit), ==, 3);
  g_assert_cmpint (query_int_printf (store, "SELECT progress FROM task_progress p JOIN task t ON t.id = p.task_id "
                                            "WHERE p.unit_id = %" G_GINT64_FORMAT " AND t.code = 'II.1.2' "
                                            "AND p.status = 'in_progress';", unit), ==, 60);
  /* Budget: the unit's figures on the plan's line, and its own line. */
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM budget_year y JOIN budget_line l ON l.id = y.line_id "
                                            "WHERE y.unit_id = %" G_GINT64_FORMAT " AND y.year = 2026 AND "
                                            "l.id = (SELECT id FROM budget_line f WHERE f.plan_id = l.plan_id AND f.unit_id IS NULL "
                                            "ORDER BY f.position, f.id LIMIT 1) AND y.planned = 30000000 "
                                            "AND y.spent = 25000000;", unit), ==, 1);
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM budget_year y JOIN budget_line l ON l.id = y.line_id "
                                            "WHERE y.unit_id = %" G_GINT64_FORMAT " AND l.unit_id = %" G_GINT64_FORMAT
                                            " AND l.name = 'Mua sắm máy chủ học liệu số' AND l.source = 'xa_hoi_hoa' "
                                            "AND y.planned = 120000000 AND y.spent IS NULL;", unit, unit), ==, 1);

  /* The change log holds the submission and each value. */
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM change_log WHERE id > %" G_GINT64_FORMAT
                                            " AND entity = 'submission' AND action = 'insert' AND entity_id = %"
                                            G_GINT64_FORMAT ";", log_before, id), ==, 1);
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM change_log WHERE id > %" G_GINT64_FORMAT
                                            " AND entity = 'value' AND action = 'insert';", log_before),
                   ==, (gint64) sub->values->len);
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM change_log WHERE id > %" G_GINT64_FORMAT
                                            " AND entity = 'task_progress';", log_before), ==, 3);
  g_assert_false (gdnn_review_unit_is_from_submission (store, unit));
}

typedef void (*Spoil) (GdnnSubmission *sub);

static void spoil_plan (GdnnSubmission *sub) { g_free (sub->plan_number); sub->plan_number = g_strdup ("999/KH-UBND"); }
static void spoil_year (GdnnSubmission *sub) { sub->year = 2031; }
static void spoil_period (GdnnSubmission *sub) { g_free (sub->period); sub->period = g_strdup ("h1"); }
static void spoil_code (GdnnSubmission *sub)
{
  GdnnSubmittedValue *v = g_ptr_array_index (sub->values, 3);
  g_free (v->code);
  v->code = g_strdup ("I.2.z.9");
}
static void spoil_measure (GdnnSubmission *sub)
{
  GdnnSubmittedValue *v = g_ptr_array_index (sub->values, 1);
  v->measure = GDNN_MEASURE_COUNT;
}
static void spoil_budget (GdnnSubmission *sub)
{
  GdnnSubmittedBudget *b = g_ptr_array_index (sub->budget, 0);
  b->planned = -5;
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const struct
  {
    Spoil        spoil;
    int          code;
    const char  *in_message;
  } cases[] = {
    { spoil_plan, GDNN_REVIEW_ERROR_WRONG_PLAN, "999/KH-UBND" },
    { spoil_year, GDNN_REVIEW_ERROR_WRONG_PERIOD, "2031" },
    { spoil_period, GDNN_REVIEW_ERROR_WRONG_PERIOD, "h1" },
    { spoil_code, GDNN_REVIEW_ERROR_MISMATCH, "I.2.z.9" },
    { spoil_measure, GDNN_REVIEW_ERROR_MISMATCH, "I.2.a.2" },
    { spoil_budget, GDNN_REVIEW_ERROR_INVALID, "1" },
  };
  GdnnStore *store = fixture->store;
  g_autofree char *before = NULL;

  /* A file already stored, so that a refusal could also spoil it. */
  {
    g_autoptr(GdnnSubmission) first = clean_submission (store, "BG-TC02", 2026);
    store_ok (store, first, "first", "2026-11-18T10:00:00");
  }
  before = snapshot (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* A unit the database does not know: it is not added either. */
      g_autoptr(GdnnSubmission) sub = clean_submission (store, i % 2 == 0 ? "BG-CD01" : "BG-NEW9", 2026);
      g_autoptr(GError) error = NULL;
      g_autofree char *label = g_strdup_printf ("case-%u", i);
      g_autofree char *sha = sha_of (label);
      g_autofree char *after = NULL;
      gint64 id = -7;

      cases[i].spoil (sub);
      g_assert_false (gdnn_review_store_submission (store, sub, "bao-cao.xlsx", sha, "2026-11-21T08:00:00",
                                                    &id, &error));
      g_assert_error (error, GDNN_REVIEW_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_cmpint (id, ==, -7);
      after = snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }

  /* The same file again (even renamed, the checksum in capitals). */
  {
    g_autoptr(GdnnSubmission) again = clean_submission (store, "BG-TC02", 2026);
    g_autoptr(GError) error = NULL;
    g_autofree char *sha = sha_of ("first");
    g_autofree char *upper = g_ascii_strup (sha, -1);
    g_autofree char *after = NULL;

    g_assert_false (gdnn_review_store_submission (store, again, "ban-sao.xlsx", upper, "2026-11-25T08:00:00",
                                                  NULL, &error));
    g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "18/11/2026"));
    g_assert_nonnull (strstr (error->message, "first.xlsx"));
    after = snapshot (store);
    g_assert_cmpstr (after, ==, before);
  }

  /* Missing file facts. */
  {
    g_autoptr(GdnnSubmission) sub = clean_submission (store, "BG-CD01", 2026);
    g_autoptr(GError) error = NULL;

    g_assert_false (gdnn_review_store_submission (store, sub, "a.xlsx", "abc", "2026-11-25T08:00:00", NULL, &error));
    g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID);
  }
}

static void
test_replacement (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnSubmission) a = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GdnnSubmission) b = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GdnnSubmission) c = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = unit_id_of (store, "BG-CD01");
  gint64 plan = plan_id_of (store, PLAN);
  gint64 id_a, id_b, id_c;

  set_ratio (a, "I.2.a.1", 30, 40, "Đang triển khai");
  set_ratio (b, "I.2.a.1", 36, 40, NULL);
  set_ratio (c, "I.2.a.1", 33, 40, "Bản cũ gửi lại");
  /* The reports' own dates: c is an old report sent again. */
  g_free (a->report_date);
  a->report_date = g_strdup ("2026-11-18");
  g_free (b->report_date);
  b->report_date = g_strdup ("2026-11-24");
  g_free (c->report_date);
  c->report_date = g_strdup ("2026-11-15");
  /* The corrected file leaves an indicator empty: its old figure goes. */
  find_submitted (b, "I.2.b.1")->has_numerator = FALSE;
  find_submitted (b, "I.2.b.1")->has_denominator = FALSE;

  id_a = store_ok (store, a, "bao-cao-lan-1", "2026-11-20T08:00:00");
  id_b = store_ok (store, b, "bao-cao-lan-2", "2026-11-25T14:30:00");

  {
    g_autoptr(GdnnSubmissionInfo) old = gdnn_review_get_submission (store, id_a, &error);
    g_autoptr(GdnnSubmissionInfo) now = gdnn_review_get_submission (store, id_b, &error);
    g_assert_no_error (error);
    g_assert_cmpint (old->state, ==, GDNN_SUBMISSION_REPLACED);
    g_assert_cmpint (now->state, ==, GDNN_SUBMISSION_RECEIVED);
    g_assert_cmpint (query_int_printf (store, "SELECT replaced_by FROM submission WHERE id = %" G_GINT64_FORMAT ";",
                                       id_a), ==, id_b);
  }
  g_assert_cmpint (query_int_printf (store, "SELECT numerator FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                            "WHERE v.unit_id = %" G_GINT64_FORMAT " AND i.code = 'I.2.a.1' "
                                            "AND v.year = 2026;", unit), ==, 36);
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                            "WHERE v.unit_id = %" G_GINT64_FORMAT " AND i.code = 'I.2.b.1' "
                                            "AND v.year = 2026;", unit), ==, 0);
  /* The old value stays in the change log. */
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'value' "
                                               "AND action = 'update' AND json_extract (old, '$.numerator') = 30 "
                                               "AND json_extract (new, '$.numerator') = 36;"), ==, 1);

  /* An older file arriving late does not overwrite the newer one. */
  id_c = store_ok (store, c, "bao-cao-lan-0", "2026-11-22T08:00:00");
  {
    g_autoptr(GdnnSubmissionInfo) stale = gdnn_review_get_submission (store, id_c, &error);
    g_assert_no_error (error);
    g_assert_cmpint (stale->state, ==, GDNN_SUBMISSION_REPLACED);
  }
  g_assert_cmpint (query_int_printf (store, "SELECT numerator FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                            "WHERE v.unit_id = %" G_GINT64_FORMAT " AND i.code = 'I.2.a.1' "
                                            "AND v.year = 2026;", unit), ==, 36);

  /* The history has all three, newest first. */
  history = gdnn_review_list_submissions (store, plan, 2026, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((GdnnSubmissionInfo *) history->pdata[0])->id, ==, id_b);
  g_assert_cmpint (((GdnnSubmissionInfo *) history->pdata[1])->id, ==, id_c);
  g_assert_cmpint (((GdnnSubmissionInfo *) history->pdata[2])->id, ==, id_a);

  /* Replaced ones cannot be accepted; nothing is replaced by hand. */
  g_assert_false (gdnn_review_set_state (store, id_a, GDNN_SUBMISSION_ACCEPTED, NULL, &error));
  g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gdnn_review_set_state (store, id_b, GDNN_SUBMISSION_REPLACED, NULL, &error));
  g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM submission WHERE status = 'replaced';"), ==, 2);
}

/* The correction (dated 27/11) imported before the original (25/11): the
 * correction counts; the original is kept as replaced by it. Before issue
 * 18 the later import won and the totals held the original's 45/76. */
static void
test_correction_first (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnSubmission) original = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GdnnSubmission) correction = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GdnnSubmission) early = clean_submission (store, "BG-TC02", 2026);
  g_autoptr(GdnnSubmission) late = clean_submission (store, "BG-TC02", 2026);
  g_autoptr(GError) error = NULL;
  gint64 unit = unit_id_of (store, "BG-CD01");
  gint64 id_original, id_correction, id_early, id_late;

  set_ratio (original, "I.2.a.1", 45, 76, NULL);
  g_free (original->report_date);
  original->report_date = g_strdup ("2026-11-25");
  set_ratio (correction, "I.2.a.1", 77, 100, NULL);
  g_free (correction->report_date);
  correction->report_date = g_strdup ("2026-11-27");

  /* Both received in one batch, the correction first (file-name order). */
  id_correction = store_ok (store, correction, "a-dinh-chinh", "2026-12-08T09:00:00");
  id_original = store_ok (store, original, "b-ban-dau", "2026-12-08T09:00:00");
  {
    g_autoptr(GdnnSubmissionInfo) old = gdnn_review_get_submission (store, id_original, &error);
    g_autoptr(GdnnSubmissionInfo) now = gdnn_review_get_submission (store, id_correction, &error);

    g_assert_no_error (error);
    g_assert_cmpint (old->state, ==, GDNN_SUBMISSION_REPLACED);
    g_assert_cmpint (old->replaced_by, ==, id_correction);
    g_assert_cmpint (now->state, ==, GDNN_SUBMISSION_RECEIVED);
    g_assert_cmpint (now->replaced_by, ==, 0);
  }
  g_assert_cmpint (query_int_printf (store, "SELECT numerator * 1000 + denominator FROM value v "
                                            "JOIN indicator i ON i.id = v.indicator_id WHERE v.unit_id = %"
                                            G_GINT64_FORMAT " AND i.code = 'I.2.a.1' AND v.year = 2026;", unit),
                   ==, 77100);

  /* The same report date: the later finalisation counts, whatever the order. */
  set_ratio (early, "I.2.a.1", 10, 20, NULL);
  set_ratio (late, "I.2.a.1", 15, 20, NULL);
  early->finalised_at = g_strdup ("2026-11-27T08:00:00Z");
  late->finalised_at = g_strdup ("2026-11-27T09:30:00Z");
  id_late = store_ok (store, late, "tc02-late", "2026-12-01T08:00:00");
  id_early = store_ok (store, early, "tc02-early", "2026-12-02T08:00:00");
  g_assert_cmpint (query_int_printf (store, "SELECT replaced_by FROM submission WHERE id = %" G_GINT64_FORMAT ";",
                                     id_early), ==, id_late);
  g_assert_cmpint (query_int_printf (store, "SELECT numerator FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                            "WHERE v.unit_id = %" G_GINT64_FORMAT " AND i.code = 'I.2.a.1' "
                                            "AND v.year = 2026;", unit_id_of (store, "BG-TC02")), ==, 15);
}

static GdnnSubmissionStatus *
status_of (GPtrArray  *list,
           const char *code)
{
  for (guint i = 0; i < list->len; i++)
    {
      GdnnSubmissionStatus *s = g_ptr_array_index (list, i);
      if (g_str_equal (s->unit_code, code))
        return s;
    }
  return NULL;
}

static void
test_delivery (Fixture       *fixture,
               gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  gint64 plan = plan_id_of (store, PLAN);
  gint64 office = unit_id_of (store, "SLD-BG");
  g_autoptr(GError) error = NULL;
  GDate today;
  int days = 99;

  {
    g_autoptr(GdnnSubmission) on_due_day = clean_submission (store, "BG-CD01", 2026);
    g_autoptr(GdnnSubmission) day_after = clean_submission (store, "BG-TC02", 2026);

    /* The due date is 30/11: received that evening is on time. */
    store_ok (store, on_due_day, "cd01", "2026-11-30T23:59:00");
    store_ok (store, day_after, "tc02", "2026-12-01T07:30:00");
  }

  for (int office_pass = 0; office_pass < 2; office_pass++)
    {
      g_autoptr(GPtrArray) list = NULL;
      GdnnSubmissionStatus *s;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 29, 11, 2026);
      list = gdnn_review_list_status (store, office_pass == 0 ? office : 0, plan, 2026, &today, &days, &error);
      g_assert_no_error (error);
      g_assert_cmpint (days, ==, 1);
      /* The office's attached child units; not BG-TC05 (not attached), not the office. */
      g_assert_cmpuint (list->len, ==, 3);
      /* Vietnamese order: “Trung tâm” before “Trường”, “Cao đẳng” before “Trung cấp”. */
      g_assert_cmpstr (((GdnnSubmissionStatus *) list->pdata[0])->unit_code, ==, "BG-TT03");
      g_assert_cmpstr (((GdnnSubmissionStatus *) list->pdata[1])->unit_code, ==, "BG-CD01");
      g_assert_cmpstr (((GdnnSubmissionStatus *) list->pdata[2])->unit_code, ==, "BG-TC02");

      s = status_of (list, "BG-CD01");
      g_assert_cmpint (s->delivery, ==, GDNN_DELIVERY_ON_TIME);
      g_assert_nonnull (s->current);
      g_assert_cmpstr (s->current->received_at, ==, "2026-11-30T23:59:00");
      s = status_of (list, "BG-TC02");
      g_assert_cmpint (s->delivery, ==, GDNN_DELIVERY_LATE);
      s = status_of (list, "BG-TT03");
      g_assert_cmpint (s->delivery, ==, GDNN_DELIVERY_MISSING);
      g_assert_null (s->current);
    }

  g_date_set_dmy (&today, 30, 11, 2026);
  g_ptr_array_unref (gdnn_review_list_status (store, office, plan, 2026, &today, &days, &error));
  g_assert_no_error (error);
  g_assert_cmpint (days, ==, 0);
  g_date_set_dmy (&today, 2, 12, 2026);
  g_ptr_array_unref (gdnn_review_list_status (store, office, plan, 2026, &today, &days, &error));
  g_assert_cmpint (days, ==, -2);

  /* A unit outside the attached ones that reports is listed too. */
  {
    g_autoptr(GdnnSubmission) stray = clean_submission (store, "BG-TC05", 2026);
    g_autoptr(GPtrArray) list = NULL;

    store_ok (store, stray, "tc05", "2026-11-10T08:00:00");
    list = gdnn_review_list_status (store, office, plan, 2026, &today, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 4);
    g_assert_cmpint (status_of (list, "BG-TC05")->delivery, ==, GDNN_DELIVERY_ON_TIME);
    /* Another office sees none of them. */
    g_ptr_array_unref (list);
    list = gdnn_review_list_status (store, unit_id_of (store, "SLD-BK"), plan, 2026, &today, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 0);
  }

  /* The officer corrects when BG-TC02's file arrived: on time, logged. */
  {
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(GPtrArray) history = gdnn_review_list_submissions (store, plan, 2026, unit_id_of (store, "BG-TC02"),
                                                                 &error);
    gint64 id;

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    id = ((GdnnSubmissionInfo *) history->pdata[0])->id;
    g_assert_false (gdnn_review_set_received (store, id, "30/11/2026", &error));
    g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (gdnn_review_set_received (store, id, "2026-11-28T00:00:00", &error));
    g_assert_no_error (error);
    list = gdnn_review_list_status (store, office, plan, 2026, &today, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (status_of (list, "BG-TC02")->delivery, ==, GDNN_DELIVERY_ON_TIME);
    g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM change_log WHERE entity = 'submission' "
                                              "AND action = 'update' AND entity_id = %" G_GINT64_FORMAT " "
                                              "AND json_extract (old, '$.received_at') = '2026-12-01T07:30:00' "
                                              "AND json_extract (new, '$.received_at') = '2026-11-28T00:00:00';",
                                       id), ==, 1);
    g_assert_false (gdnn_review_set_received (store, 999999, "2026-11-28", &error));
    g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpstr (gdnn_delivery_label (GDNN_DELIVERY_LATE), !=, gdnn_delivery_label (GDNN_DELIVERY_ON_TIME));
  g_assert_cmpstr (gdnn_delivery_label (GDNN_DELIVERY_MISSING), !=, "");
}

/* ---- Checks ---------------------------------------------------------- */

static void
test_checks (Fixture       *fixture,
             gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id;

  /* 2025: 80 % on I.2.a.1 and 10 % (explained) on the others, the year
   * before the checked report. */
  {
    g_autoptr(GdnnSubmission) last_year = clean_submission (store, "BG-CD01", 2025);
    for (guint i = 0; i < last_year->values->len; i++)
      {
        GdnnSubmittedValue *v = g_ptr_array_index (last_year->values, i);
        set_ratio (last_year, v->code, 4, 40, "Đang triển khai");
      }
    set_ratio (last_year, "I.2.a.1", 32, 40, NULL);
    id = store_ok (store, last_year, "cd01-2025", "2025-11-25T08:00:00");
    problems = problems_of (store, id);
    g_assert_cmpuint (problems->len, ==, 0);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  {
    g_autoptr(GdnnSubmission) sub = clean_submission (store, "BG-CD01", 2026);

    /* 70 % < 80 % last year, though on track (60 % expected in 2026). */
    set_ratio (sub, "I.2.a.1", 28, 40, "Có giải trình");
    set_ratio (sub, "I.2.a.2", 45, 40, NULL);           /* above 100 % */
    set_ratio (sub, "I.2.b.1", 5, 0, NULL);             /* zero denominator */
    set_ratio (sub, "I.2.c.1", 1499, 2500, NULL);       /* 59,96 %, behind (60 %), no note */
    set_ratio (sub, "I.2.d.2", 10, 40, "Thiếu kinh phí đầu tư hạ tầng");   /* behind, explained */
    find_submitted (sub, "I.2.d.3")->has_numerator = FALSE;                /* no value */
    g_ptr_array_remove_index (sub->values, sub->values->len - 1);         /* I.2.d.5 left out */
    add_value (sub, "I.2.a.1", GDNN_MEASURE_RATIO, TRUE, 1, 40, NULL);     /* reported twice */
    g_ptr_array_add (sub->differences,
                     gdnn_cell_difference_new ("'Chỉ tiêu'!G7", "I.2.a.1 – tử số", "28", "30"));
    id = store_ok (store, sub, "cd01-2026", "2026-11-25T08:00:00");
    problems = problems_of (store, id);
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("%s", ((GdnnReviewProblem *) problems->pdata[i])->message);

    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_EDITED_CELL, "'Chỉ tiêu'!G7"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_DECREASED, "I.2.a.1"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_DECREASED, NULL), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_RATIO_OVER_100, "I.2.a.2"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_RATIO_OVER_100, NULL), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_ZERO_DENOMINATOR, "I.2.b.1"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_ZERO_DENOMINATOR, NULL), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_BEHIND_NO_NOTE, "I.2.c.1"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_BEHIND_NO_NOTE, NULL), ==, 1);
    /* Printed with the digits that keep it below the level it misses. */
    for (guint i = 0; i < problems->len; i++)
      {
        const GdnnReviewProblem *p = g_ptr_array_index (problems, i);
        if (p->kind == GDNN_PROBLEM_BEHIND_NO_NOTE)
          g_assert_cmpstr (p->message, ==, "Chỉ tiêu I.2.c.1 đạt 59,96%, thấp hơn mức cần đạt theo lộ trình "
                                           "năm 2026 (60%) nhưng chưa có giải trình.");
      }
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_MISSING_VALUE, "I.2.d.3"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_MISSING_VALUE, "I.2.d.5"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_MISSING_VALUE, NULL), ==, 2);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_DUPLICATE, "I.2.a.1"), ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_NOT_ATTACHED, NULL), ==, 0);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_UNKNOWN_UNIT, NULL), ==, 0);
    g_assert_cmpuint (problems->len, ==, 8);
    g_assert_cmpint (query_int_printf (store, "SELECT problems FROM submission WHERE id = %" G_GINT64_FORMAT ";", id),
                     ==, 8);
    /* The first row counts; refused figures are not in the value table. */
    g_assert_cmpint (gdnn_test_query_int (store, "SELECT numerator FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                                 "JOIN unit u ON u.id = v.unit_id WHERE u.code = 'BG-CD01' "
                                                 "AND i.code = 'I.2.a.1' AND v.year = 2026;"), ==, 28);
    g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM value v JOIN indicator i ON i.id = v.indicator_id "
                                                 "JOIN unit u ON u.id = v.unit_id WHERE u.code = 'BG-CD01' "
                                                 "AND i.code IN ('I.2.a.2', 'I.2.b.1', 'I.2.d.3', 'I.2.d.5') "
                                                 "AND v.year = 2026;"), ==, 0);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  /* A unit not attached to the plan: stored, flagged. */
  {
    g_autoptr(GdnnSubmission) sub = clean_submission (store, "BG-TC05", 2026);
    id = store_ok (store, sub, "tc05-2026", "2026-11-25T08:00:00");
    problems = problems_of (store, id);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_NOT_ATTACHED, "BG-TC05"), ==, 1);
    g_assert_nonnull (strstr (((GdnnReviewProblem *) problems->pdata[0])->message, PLAN));
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  /* A unit the database does not know: added under its office, flagged. */
  {
    g_autoptr(GdnnSubmission) sub = clean_submission (store, "BG-TC09", 2026);
    g_autoptr(GdnnUnit) added = NULL;

    id = store_ok (store, sub, "tc09-2026", "2026-11-26T08:00:00");
    problems = problems_of (store, id);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpuint (count_kind (problems, GDNN_PROBLEM_UNKNOWN_UNIT, "BG-TC09"), ==, 1);
    added = gdnn_test_find_unit (store, "BG-TC09");
    g_assert_cmpstr (added->name, ==, "Trường Trung cấp Kỹ thuật Nông Lâm Bắc Giang");
    g_assert_cmpint (added->type, ==, GDNN_UNIT_TYPE_TRUNG_CAP);
    g_assert_cmpint (added->ownership, ==, GDNN_OWNERSHIP_CONG_LAP);
    g_assert_cmpstr (added->parent_code, ==, "SLD-BG");
    g_assert_true (gdnn_review_unit_is_from_submission (store, added->id));
    g_assert_false (gdnn_review_unit_is_from_submission (store, unit_id_of (store, "BG-CD01")));
    g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM value WHERE unit_id = %" G_GINT64_FORMAT ";",
                                       added->id), ==, (gint64) sub->values->len);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  /* A clean file: nothing flagged. */
  {
    g_autoptr(GdnnSubmission) sub = clean_submission (store, "BG-TC02", 2026);
    id = store_ok (store, sub, "tc02-2026", "2026-11-25T08:00:00");
    problems = problems_of (store, id);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* ---- Totals ---------------------------------------------------------- */

static const GdnnAggregateRow *
row_of (const GdnnAggregate *aggregate,
        const char          *code,
        guint               *index)
{
  for (guint i = 0; i < aggregate->rows->len; i++)
    {
      const GdnnAggregateRow *row = g_ptr_array_index (aggregate->rows, i);
      if (g_str_equal (row->code, code))
        {
          if (index != NULL)
            *index = i;
          return row;
        }
    }
  g_assert_not_reached ();
}

static void
test_aggregate (Fixture       *fixture,
                gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  gint64 plan = plan_id_of (store, PLAN);
  gint64 office = unit_id_of (store, "SLD-BG");
  /* Per unit: numerator, denominator of every indicator. */
  static const char *const units[] = { "BG-CD01", "BG-TC02", "BG-TT03" };
  g_autoptr(GPtrArray) subs = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_submission_free);
  g_autoptr(GdnnAggregate) aggregate = NULL;
  g_autoptr(GError) error = NULL;
  const GdnnAggregateRow *row;
  gint64 returned_id = 0;
  guint index = 0;

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      GdnnSubmission *sub = clean_submission (store, units[u], 2026);
      g_autofree char *label = g_strdup_printf ("agg-%s", units[u]);

      /* Different figures on every indicator, all within 100 %. */
      for (guint i = 0; i < sub->values->len; i++)
        {
          GdnnSubmittedValue *v = g_ptr_array_index (sub->values, i);
          v->denominator = 20 + 7 * u + i;
          v->numerator = floor (v->denominator * (0.3 + 0.2 * u));
          g_free (v->note);
          v->note = g_strdup ("Giải trình");
        }
      if (u == 0)
        set_ratio (sub, "I.2.a.1", 45, 60, "Giải trình");
      else if (u == 1)
        set_ratio (sub, "I.2.a.1", 10, 40, "Giải trình");
      else
        set_ratio (sub, "I.2.a.1", 0, 0, NULL);           /* no usable value */
      store_ok (store, sub, label, "2026-11-20T08:00:00");
      g_ptr_array_add (subs, sub);
    }

  aggregate = gdnn_review_aggregate (store, office, plan, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aggregate->units->len, ==, 3);

  /* 45/60 and 10/40, the third missing: 55/100 = 55 %, not (75 + 25) / 2. */
  row = row_of (aggregate, "I.2.a.1", &index);
  g_assert_cmpint (row->units_reporting, ==, 2);
  g_assert_cmpfloat (row->numerator, ==, 55);
  g_assert_cmpfloat (row->denominator, ==, 100);
  g_assert_true (row->has_value);
  g_assert_cmpfloat_with_epsilon (row->value, 55.0, 1e-9);
  g_assert_cmpfloat (fabs (row->value - 50.0), >, 1);
  g_assert_true (row->has_target);
  g_assert_cmpint (row->target_year, ==, 2030);
  g_assert_cmpfloat (row->target_value, ==, 100);

  /* Every other row equals the sums computed here from the files. */
  for (guint i = 0; i < aggregate->rows->len; i++)
    {
      const GdnnAggregateRow *r = g_ptr_array_index (aggregate->rows, i);
      double num = 0, den = 0;
      int n = 0;

      for (guint u = 0; u < subs->len; u++)
        {
          GdnnSubmittedValue *v = find_submitted (g_ptr_array_index (subs, u), r->code);
          if (v->has_numerator && v->denominator > 0)
            {
              num += v->numerator;
              den += v->denominator;
              n++;
            }
        }
      g_assert_cmpint (r->units_reporting, ==, n);
      g_assert_cmpfloat (r->numerator, ==, num);
      g_assert_cmpfloat (r->denominator, ==, den);
      g_assert_cmpfloat_with_epsilon (r->value, num / den * 100, 1e-9);
    }

  /* Per unit, in Vietnamese order, values aligned with the rows. */
  {
    const GdnnUnitComparison *first = g_ptr_array_index (aggregate->units, 0);
    const GdnnUnitComparison *second = g_ptr_array_index (aggregate->units, 1);
    const GdnnUnitComparison *third = g_ptr_array_index (aggregate->units, 2);
    const GdnnValue *v;

    g_assert_cmpstr (first->unit_code, ==, "BG-TT03");
    g_assert_cmpstr (second->unit_code, ==, "BG-CD01");
    g_assert_cmpstr (third->unit_code, ==, "BG-TC02");
    g_assert_cmpuint (second->values->len, ==, aggregate->rows->len);
    v = g_ptr_array_index (second->values, index);
    g_assert_nonnull (v);
    g_assert_cmpfloat (v->numerator, ==, 45);
    g_assert_cmpfloat (v->denominator, ==, 60);
    g_assert_null (g_ptr_array_index (first->values, index));
    g_assert_cmpint (first->problems, ==, 1);
    g_assert_cmpint (second->problems, ==, 0);
    g_assert_cmpint (second->tasks_total, ==, gdnn_test_query_int (store, "SELECT count(*) FROM task t JOIN plan p "
                                                                        "ON p.id = t.plan_id WHERE p.number = '"
                                                                        PLAN "' AND t.unit_id IS NULL;"));
    g_assert_cmpint (second->tasks_total, >, 3);
    g_assert_cmpint (second->tasks_done, ==, 2);
    returned_id = second->submission_id;
  }

  /* A returned file no longer counts; all units (office 0) equals the office here. */
  g_assert_true (gdnn_review_set_state (store, returned_id, GDNN_SUBMISSION_RETURNED, "Đề nghị bổ sung số liệu", &error));
  g_assert_no_error (error);
  g_clear_pointer (&aggregate, gdnn_aggregate_free);
  aggregate = gdnn_review_aggregate (store, 0, plan, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aggregate->units->len, ==, 2);
  row = row_of (aggregate, "I.2.a.1", NULL);
  g_assert_cmpint (row->units_reporting, ==, 1);
  g_assert_cmpfloat (row->numerator, ==, 10);
  g_assert_cmpfloat (row->denominator, ==, 40);
  g_assert_cmpfloat_with_epsilon (row->value, 25.0, 1e-9);
}

/* Counts add up; a ratio of the same plan is Σ/Σ. */
static void
test_aggregate_counts (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  gint64 plan = plan_id_of (store, PLAN_BK);
  g_autoptr(GdnnAggregate) aggregate = NULL;
  g_autoptr(GError) error = NULL;
  const GdnnAggregateRow *row;

  {
    g_autoptr(GdnnSubmission) a = new_submission ("BK-CD01", PLAN_BK, 2023);
    g_autoptr(GdnnSubmission) b = new_submission ("BK-TT02", PLAN_BK, 2023);

    add_value (a, "I.2.1", GDNN_MEASURE_COUNT, TRUE, 340, 0, NULL);
    add_value (a, "I.2.2", GDNN_MEASURE_RATIO, TRUE, 47, 100, NULL);
    add_value (b, "I.2.1", GDNN_MEASURE_COUNT, TRUE, 1250, 0, NULL);
    add_value (b, "I.2.2", GDNN_MEASURE_RATIO, TRUE, 30, 50, NULL);
    store_ok (store, a, "bk-a", "2023-12-10T08:00:00");
    store_ok (store, b, "bk-b", "2023-12-16T08:00:00");
  }
  aggregate = gdnn_review_aggregate (store, unit_id_of (store, "SLD-BK"), plan, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aggregate->units->len, ==, 2);
  row = row_of (aggregate, "I.2.1", NULL);
  g_assert_cmpint (row->units_reporting, ==, 2);
  g_assert_cmpfloat (row->value, ==, 1590);
  g_assert_cmpfloat (row->denominator, ==, 0);
  g_assert_true (row->has_target);
  g_assert_cmpfloat (row->target_value, ==, 6000);
  row = row_of (aggregate, "I.2.2", NULL);
  g_assert_cmpfloat_with_epsilon (row->value, 77.0 / 150.0 * 100, 1e-9);
  row = row_of (aggregate, "I.2.1.1", NULL);
  g_assert_cmpint (row->units_reporting, ==, 0);
  g_assert_false (row->has_value);

  /* Bắc Kạn's yearly report is due 15/12: one on time, one late. */
  {
    g_autoptr(GPtrArray) list = NULL;
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 1, 12, 2023);
    list = gdnn_review_list_status (store, unit_id_of (store, "SLD-BK"), plan, 2023, &today, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpint (status_of (list, "BK-CD01")->delivery, ==, GDNN_DELIVERY_ON_TIME);
    g_assert_cmpint (status_of (list, "BK-TT02")->delivery, ==, GDNN_DELIVERY_LATE);
  }
}

static void
test_accept_return (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnSubmission) a = clean_submission (store, "BG-CD01", 2026);
  g_autoptr(GdnnSubmission) b = clean_submission (store, "BG-TC02", 2026);
  g_autoptr(GdnnSubmissionInfo) info = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_a = store_ok (store, a, "a", "2026-11-20T08:00:00");
  gint64 id_b = store_ok (store, b, "b", "2026-11-21T08:00:00");
  gint64 log_before = gdnn_test_count (store, "change_log");
  GdnnSubmissionState state;

  g_assert_true (gdnn_review_set_state (store, id_a, GDNN_SUBMISSION_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gdnn_review_set_state (store, id_b, GDNN_SUBMISSION_RETURNED,
                                        "  Đề nghị đơn vị giải trình chỉ tiêu I.2.c.1.  ", &error));
  g_assert_no_error (error);

  info = gdnn_review_get_submission (store, id_b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, GDNN_SUBMISSION_RETURNED);
  g_assert_cmpstr (info->note, ==, "Đề nghị đơn vị giải trình chỉ tiêu I.2.c.1.");
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log_before + 2);
  g_assert_cmpint (query_int_printf (store, "SELECT count(*) FROM change_log WHERE entity = 'submission' "
                                            "AND action = 'update' AND entity_id = %" G_GINT64_FORMAT
                                            " AND json_extract (old, '$.status') = 'received' "
                                            "AND json_extract (new, '$.status') = 'returned' "
                                            "AND json_extract (new, '$.note') LIKE 'Đề nghị%%';", id_b), ==, 1);

  all = gdnn_review_list_submissions (store, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((GdnnSubmissionInfo *) all->pdata[0])->id, ==, id_b);
  g_assert_cmpint (((GdnnSubmissionInfo *) all->pdata[1])->state, ==, GDNN_SUBMISSION_ACCEPTED);

  /* Unknown submission. */
  g_assert_false (gdnn_review_set_state (store, 9999, GDNN_SUBMISSION_ACCEPTED, NULL, &error));
  g_assert_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID);

  for (int s = GDNN_SUBMISSION_RECEIVED; s <= GDNN_SUBMISSION_REPLACED; s++)
    {
      g_assert_true (gdnn_submission_state_from_string (gdnn_submission_state_to_string (s), &state));
      g_assert_cmpint (state, ==, s);
      g_assert_nonnull (gdnn_submission_state_label (s));
    }
  g_assert_false (gdnn_submission_state_from_string ("sent", &state));
  g_assert_cmpstr (gdnn_problem_kind_to_string (GDNN_PROBLEM_BEHIND_NO_NOTE), ==, "behind_no_note");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review/migration-v4", Fixture, NULL, fixture_setup_no_store, test_migration_v4, fixture_teardown);
  g_test_add ("/review/store-clean", Fixture, NULL, office_setup, test_store_clean, fixture_teardown);
  g_test_add ("/review/refusals", Fixture, NULL, office_setup, test_refusals, fixture_teardown);
  g_test_add ("/review/replacement", Fixture, NULL, office_setup, test_replacement, fixture_teardown);
  g_test_add ("/review/correction-first", Fixture, NULL, office_setup, test_correction_first, fixture_teardown);
  g_test_add ("/review/delivery", Fixture, NULL, office_setup, test_delivery, fixture_teardown);
  g_test_add ("/review/checks", Fixture, NULL, office_setup, test_checks, fixture_teardown);
  g_test_add ("/review/aggregate", Fixture, NULL, office_setup, test_aggregate, fixture_teardown);
  g_test_add ("/review/aggregate-counts", Fixture, NULL, office_setup, test_aggregate_counts, fixture_teardown);
  g_test_add ("/review/accept-return", Fixture, NULL, office_setup, test_accept_return, fixture_teardown);

  return g_test_run ();
}
