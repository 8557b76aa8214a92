/* test-tasks.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The task list of a unit's plan: what it reads, the "late" and "due this
 * month" flags around month ends, filters, search without accents, and
 * the save of status, progress and result with its checks. */

#include <locale.h>
#include <string.h>

#include "gdnn-demo.h"
#include "gdnn-store-private.h"
#include "gdnn-task-list.h"

#include "gdnn-test-utils.h"

typedef struct
{
  Fixture  base;
  gint64   unit_id;
  gint64   plan_id;
} TaskFixture;

static void
task_fixture_setup (TaskFixture   *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;

  fixture_setup (&fixture->base, user_data);
  g_assert_true (gdnn_demo_populate (fixture->base.store, 2026, &error));
  g_assert_no_error (error);
  unit = gdnn_test_find_unit (fixture->base.store, "BG-CD01");
  plan = gdnn_test_find_plan (fixture->base.store, "401/KH-UBND");
  fixture->unit_id = unit->id;
  fixture->plan_id = plan->id;
}

static void
task_fixture_teardown (TaskFixture   *fixture,
                       gconstpointer  user_data)
{
  fixture_teardown (&fixture->base, user_data);
}

static GDate
make_date (int d,
           int m,
           int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static GListModel *
load (TaskFixture *fixture,
      gint64       unit_id,
      int          year,
      GDate        today)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows = gdnn_task_rows_load (fixture->base.store, unit_id, fixture->plan_id, year, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static GdnnTaskRow *
find_row (GListModel *rows,
          const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnTaskRow) row = g_list_model_get_item (rows, i);
      if (g_strcmp0 (gdnn_task_row_get_task (row)->code, code) == 0)
        return row;   /* the model keeps its reference */
    }
  g_error ("No task %s in the list", code);
  return NULL;
}

static gint64
add_own_task (TaskFixture *fixture,
              gint64       unit_id,
              const char  *code,
              const char  *title,
              gboolean     in_first_group)
{
  g_autoptr(GdnnTask) t = gdnn_task_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM task_group WHERE plan_id = %" G_GINT64_FORMAT
                                          " ORDER BY position LIMIT 1;", fixture->plan_id);
  gint64 id;

  t->plan_id = fixture->plan_id;
  t->unit_id = unit_id;
  t->group_id = in_first_group ? gdnn_test_query_int (fixture->base.store, sql) : 0;
  t->code = g_strdup (code);
  t->title = g_strdup (title);
  t->position = 1;
  id = gdnn_store_add_task (fixture->base.store, t, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---------------------------------------------------------------------- */

static void
test_tasks_list (TaskFixture   *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GListModel) rows = load (fixture, fixture->unit_id, 2026, make_date (23, 11, 2026));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM task WHERE plan_id = %" G_GINT64_FORMAT ";",
                                          fixture->plan_id);
  guint n = g_list_model_get_n_items (rows);
  GdnnTaskRow *row;
  g_autofree char *lead = NULL;
  g_autofree char *coop = NULL;
  g_autofree char *group = NULL;
  g_autofree char *due = NULL;

  g_assert_cmpuint (n, ==, gdnn_test_query_int (fixture->base.store, sql));
  g_assert_cmpuint (n, ==, 28);

  /* Document order, and every row shows the status stored for it. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdnnTaskRow) r = g_list_model_get_item (rows, i);
      const GdnnTask *t = gdnn_task_row_get_task (r);
      g_autofree char *status_sql = NULL;
      g_autofree char *stored = NULL;

      if (i > 0)
        {
          g_autoptr(GdnnTaskRow) prev = g_list_model_get_item (rows, i - 1);
          g_assert_cmpint (gdnn_task_row_compare_position (prev, r), <, 0);
        }
      status_sql = g_strdup_printf ("SELECT status FROM task_progress WHERE task_id = %" G_GINT64_FORMAT
                                    " AND unit_id = %" G_GINT64_FORMAT " AND year = 2026;",
                                    t->id, fixture->unit_id);
      stored = gdnn_test_query_text (fixture->base.store, status_sql);
      g_assert_nonnull (stored);
      g_assert_cmpstr (stored, ==, gdnn_task_status_to_string (gdnn_task_row_get_progress (r)->status));
      g_assert_nonnull (t->group_code);
    }

  row = find_row (rows, "II.1.2");
  g_object_get (row, "lead", &lead, "cooperating", &coop, "group-title", &group, "due-text", &due, NULL);
  g_assert_cmpstr (lead, !=, "");
  /* Three cooperating bodies, joined. */
  {
    g_auto(GStrv) parts = g_strsplit (coop, "; ", -1);
    g_assert_cmpuint (g_strv_length (parts), ==, 3);
  }
  gdnn_test_assert_contains (group, "cơ chế, chính sách");
  /* The plan gives no date: the task is due within the year. */
  g_assert_cmpstr (due, ==, "During 2026");

  /* Another year has no progress yet: everything is not started. */
  {
    g_autoptr(GListModel) later = load (fixture, fixture->unit_id, 2027, make_date (1, 3, 2027));
    for (guint i = 0; i < g_list_model_get_n_items (later); i++)
      {
        g_autoptr(GdnnTaskRow) r = g_list_model_get_item (later, i);
        g_assert_cmpint (gdnn_task_row_get_progress (r)->status, ==, GDNN_TASK_NOT_STARTED);
        g_assert_cmpint (gdnn_task_row_get_progress (r)->id, ==, 0);
      }
  }
}

static void
test_tasks_own (TaskFixture   *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GdnnUnit) other = gdnn_test_find_unit (fixture->base.store, "BG-TC02");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) other_rows = NULL;
  GdnnTaskRow *own, *loose;
  g_autofree char *group = NULL;
  guint n;

  add_own_task (fixture, fixture->unit_id, "R.1", "Số hóa học liệu ngành Điện công nghiệp", TRUE);
  add_own_task (fixture, fixture->unit_id, "R.2", "Đào tạo giáo viên dùng phòng học ảo", FALSE);
  add_own_task (fixture, other->id, "K.1", "Nhiệm vụ của trường khác", FALSE);

  rows = load (fixture, fixture->unit_id, 2026, make_date (23, 11, 2026));
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, ==, 30);
  own = find_row (rows, "R.1");
  loose = find_row (rows, "R.2");
  g_assert_true (gdnn_task_row_is_own (own));
  g_assert_false (gdnn_task_row_is_own (find_row (rows, "II.1.1")));

  /* R.1 is in the first group, after the plan's tasks of that group;
   * R.2 has no group and comes last, under the unit's heading. */
  g_assert_cmpint (gdnn_task_row_compare_position (find_row (rows, "II.1.3"), own), <, 0);
  g_assert_cmpint (gdnn_task_row_compare_position (own, find_row (rows, "II.2.1")), <, 0);
  {
    g_autoptr(GdnnTaskRow) last = g_list_model_get_item (rows, n - 1);
    g_assert_true (last == loose);
  }
  g_object_get (loose, "group-title", &group, NULL);
  g_assert_cmpstr (group, ==, "The unit's own tasks");

  /* Another unit's own task is never listed; it sees its own instead. */
  other_rows = load (fixture, other->id, 2026, make_date (23, 11, 2026));
  g_assert_cmpuint (g_list_model_get_n_items (other_rows), ==, 29);
  find_row (other_rows, "K.1");
}

typedef struct
{
  const char     *due;       /* ISO or NULL: due within the year */
  int             year;
  GdnnTaskStatus  status;
  int             d, m, y;   /* today */
  gboolean        late;
  gboolean        due_this_month;
} FlagCase;

static const FlagCase flag_cases[] = {
  /* On the due day itself a task is not late yet. */
  { "2026-01-31", 2026, GDNN_TASK_IN_PROGRESS, 31, 1, 2026, FALSE, TRUE },
  { "2026-01-31", 2026, GDNN_TASK_IN_PROGRESS, 1, 2, 2026, TRUE, FALSE },
  { "2026-01-31", 2026, GDNN_TASK_IN_PROGRESS, 1, 1, 2026, FALSE, TRUE },
  { "2026-01-31", 2026, GDNN_TASK_IN_PROGRESS, 31, 12, 2025, FALSE, FALSE },
  /* February's end, in a common and a leap year. */
  { "2026-02-28", 2026, GDNN_TASK_NOT_STARTED, 1, 2, 2026, FALSE, TRUE },
  { "2026-02-28", 2026, GDNN_TASK_NOT_STARTED, 1, 3, 2026, TRUE, FALSE },
  { "2028-02-29", 2028, GDNN_TASK_PAUSED, 29, 2, 2028, FALSE, TRUE },
  { "2028-02-29", 2028, GDNN_TASK_PAUSED, 1, 3, 2028, TRUE, FALSE },
  /* The same month of another year is not "this month". */
  { "2027-11-30", 2026, GDNN_TASK_IN_PROGRESS, 23, 11, 2026, FALSE, FALSE },
  /* A done task is neither late nor due, whatever its date. */
  { "2026-01-31", 2026, GDNN_TASK_DONE, 1, 6, 2026, FALSE, FALSE },
  { "2026-06-30", 2026, GDNN_TASK_DONE, 1, 6, 2026, FALSE, FALSE },
  /* Marked overdue by the unit: late even before the date. */
  { "2026-12-15", 2026, GDNN_TASK_OVERDUE, 1, 6, 2026, TRUE, FALSE },
  { NULL, 2026, GDNN_TASK_OVERDUE, 23, 11, 2026, TRUE, FALSE },
  /* No date: due by 31/12 of the year shown. */
  { NULL, 2026, GDNN_TASK_IN_PROGRESS, 30, 11, 2026, FALSE, FALSE },
  { NULL, 2026, GDNN_TASK_IN_PROGRESS, 1, 12, 2026, FALSE, TRUE },
  { NULL, 2026, GDNN_TASK_IN_PROGRESS, 31, 12, 2026, FALSE, TRUE },
  { NULL, 2026, GDNN_TASK_IN_PROGRESS, 1, 1, 2027, TRUE, FALSE },
  { NULL, 2025, GDNN_TASK_NOT_STARTED, 23, 11, 2026, TRUE, FALSE },
  /* A date the plan got wrong counts as no date. */
  { "2026-02-30", 2026, GDNN_TASK_IN_PROGRESS, 1, 3, 2026, FALSE, FALSE },
};

static void
test_tasks_flags (gconstpointer user_data)
{
  const FlagCase *c = user_data;
  g_autoptr(GdnnTask) t = gdnn_task_new ();
  g_autoptr(GdnnTaskProgress) p = gdnn_task_progress_new ();
  g_autoptr(GdnnTaskRow) row = NULL;
  GDate today = make_date (c->d, c->m, c->y);
  gboolean late, due;

  t->id = 7;
  t->code = g_strdup ("II.1.1");
  t->title = g_strdup ("Nhiệm vụ");
  t->due_date = g_strdup (c->due);
  p->task_id = 7;
  p->unit_id = 1;
  p->year = c->year;
  p->status = c->status;
  p->progress = c->status == GDNN_TASK_DONE ? 100 : 0;

  row = gdnn_task_row_new (t, 1, p, 1, c->year, &today);
  g_object_get (row, "late", &late, "due-this-month", &due, NULL);
  g_assert_cmpint (gdnn_task_row_is_late (row), ==, c->late);
  g_assert_cmpint (late, ==, c->late);
  g_assert_cmpint (gdnn_task_row_is_due_this_month (row), ==, c->due_this_month);
  g_assert_cmpint (due, ==, c->due_this_month);
  g_assert_finalize_object (g_steal_pointer (&row));
}

static guint
count (GListModel *rows,
       int         status,
       gboolean    late,
       gboolean    month,
       const char *text)
{
  GdnnTaskFilter filter;
  guint n;

  gdnn_task_filter_init (&filter);
  filter.status = status;
  filter.late_only = late;
  filter.due_this_month_only = month;
  gdnn_task_filter_set_text (&filter, text);
  n = gdnn_task_rows_count (rows, &filter);
  gdnn_task_filter_clear (&filter);
  return n;
}

static void
test_tasks_filter (TaskFixture   *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *base = g_strdup_printf ("FROM task t JOIN task_progress p ON p.task_id = t.id AND p.unit_id = %"
                                           G_GINT64_FORMAT " AND p.year = 2026 WHERE t.plan_id = %" G_GINT64_FORMAT,
                                           fixture->unit_id, fixture->plan_id);
  guint total, by_status = 0;

  /* Two tasks get a date this month, one of them done; one a date passed. */
  gdnn_test_exec (fixture->base.store, "UPDATE task SET due_date = '2026-11-30' WHERE code IN ('II.1.1', 'II.1.2');");
  gdnn_test_exec (fixture->base.store, "UPDATE task SET due_date = '2026-06-30' WHERE code = 'II.3.1';");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE task_progress SET status = 'done', progress = 100 "
                                            "WHERE unit_id = %" G_GINT64_FORMAT " AND task_id = "
                                            "(SELECT id FROM task WHERE code = 'II.1.1' AND plan_id = %"
                                            G_GINT64_FORMAT ");", fixture->unit_id, fixture->plan_id);
    gdnn_test_exec (fixture->base.store, sql);
    sql = (g_free (sql), g_strdup_printf ("UPDATE task_progress SET status = 'in_progress', progress = 40 "
                                          "WHERE unit_id = %" G_GINT64_FORMAT " AND task_id IN "
                                          "(SELECT id FROM task WHERE code IN ('II.1.2', 'II.3.1') AND plan_id = %"
                                          G_GINT64_FORMAT ");", fixture->unit_id, fixture->plan_id));
    gdnn_test_exec (fixture->base.store, sql);
  }

  rows = load (fixture, fixture->unit_id, 2026, make_date (23, 11, 2026));
  total = g_list_model_get_n_items (rows);
  g_assert_cmpuint (count (rows, -1, FALSE, FALSE, NULL), ==, total);
  g_assert_cmpuint (count (rows, -1, FALSE, FALSE, "   "), ==, total);

  /* Each status filter matches the database; together they cover all. */
  for (int s = 0; s < GDNN_N_TASK_STATUS; s++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) %s AND p.status = '%s';", base,
                                              gdnn_task_status_to_string (s));
      guint n = count (rows, s, FALSE, FALSE, NULL);
      g_assert_cmpuint (n, ==, gdnn_test_query_int (fixture->base.store, sql));
      by_status += n;
    }
  g_assert_cmpuint (by_status, ==, total);

  /* Late: marked overdue, or the date passed and not done. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) %s AND p.status <> 'done' AND "
                                            "(p.status = 'overdue' OR ifnull (t.due_date, '2026-12-31') < '2026-11-23');",
                                            base);
    guint late = count (rows, -1, TRUE, FALSE, NULL);
    g_assert_cmpuint (late, ==, gdnn_test_query_int (fixture->base.store, sql));
    g_assert_cmpuint (late, >, 0);
    g_assert_true (gdnn_task_row_is_late (find_row (rows, "II.3.1")));
  }
  /* Due this month: only II.1.2 (II.1.1 is done). */
  g_assert_cmpuint (count (rows, -1, FALSE, TRUE, NULL), ==, 1);
  g_assert_true (gdnn_task_row_is_due_this_month (find_row (rows, "II.1.2")));
  g_assert_cmpuint (count (rows, GDNN_TASK_IN_PROGRESS, FALSE, TRUE, NULL), ==, 1);
  g_assert_cmpuint (count (rows, GDNN_TASK_PAUSED, FALSE, TRUE, NULL), ==, 0);
  g_assert_cmpuint (count (rows, GDNN_TASK_IN_PROGRESS, TRUE, FALSE, NULL), >=, 1);
  g_assert_cmpuint (count (rows, -1, TRUE, TRUE, NULL), ==, 0);

  /* Search without accents or case, on titles, codes and bodies. */
  {
    guint plain = count (rows, -1, FALSE, FALSE, "dao tao");
    g_assert_cmpuint (plain, >, 0);
    g_assert_cmpuint (count (rows, -1, FALSE, FALSE, "ĐÀO TẠO"), ==, plain);
    g_assert_cmpuint (count (rows, -1, FALSE, FALSE, "Đào tạo"), ==, plain);
    g_assert_cmpuint (plain, <, total);
    g_assert_cmpuint (count (rows, -1, FALSE, FALSE, "ii.3.1"), ==, 1);
    g_assert_cmpuint (count (rows, -1, FALSE, FALSE, "an toan, an ninh mang"), >, 0);
    g_assert_cmpuint (count (rows, -1, FALSE, FALSE, "khong co nhiem vu nay"), ==, 0);
    g_assert_cmpuint (count (rows, GDNN_TASK_IN_PROGRESS, FALSE, TRUE, "ii.1"), ==, 1);
    g_assert_cmpuint (count (rows, GDNN_TASK_IN_PROGRESS, FALSE, TRUE, "ii.2"), ==, 0);
  }
}

static gint64
log_count (TaskFixture *fixture)
{
  return gdnn_test_query_int (fixture->base.store, "SELECT count(*) FROM change_log WHERE entity = 'task_progress';");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_tasks_save (TaskFixture   *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GListModel) rows = load (fixture, fixture->unit_id, 2027, make_date (10, 3, 2027));
  g_autoptr(GError) error = NULL;
  GdnnTaskRow *row = find_row (rows, "II.2.1");
  gint64 task_id = gdnn_task_row_get_task (row)->id;
  g_autofree char *row_sql = g_strdup_printf ("SELECT status || '|' || progress || '|' || ifnull (result, '-') "
                                              "FROM task_progress WHERE task_id = %" G_GINT64_FORMAT
                                              " AND unit_id = %" G_GINT64_FORMAT " AND year = 2027 "
                                              "AND period = 'year';", task_id, fixture->unit_id);
  g_autofree char *stored = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *progress_text = NULL;
  gint64 before = log_count (fixture);
  guint notified = 0;

  g_signal_connect (row, "notify::progress-text", G_CALLBACK (count_notify), &notified);

  /* A first save inserts the year's row: one log entry. */
  g_assert_true (gdnn_task_row_save (row, fixture->base.store, GDNN_TASK_IN_PROGRESS, 40,
                                     "  Đã xây dựng 3 bài giảng điện tử.  ", &error));
  g_assert_no_error (error);
  stored = gdnn_test_query_text (fixture->base.store, row_sql);
  g_assert_cmpstr (stored, ==, "in_progress|40|Đã xây dựng 3 bài giảng điện tử.");
  g_assert_cmpint (log_count (fixture), ==, before + 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (gdnn_task_row_get_progress (row)->id, >, 0);
  g_object_get (row, "progress-text", &progress_text, NULL);
  g_assert_cmpstr (progress_text, ==, "40%");

  /* A second save updates it: one more entry, with old and new. */
  g_assert_true (gdnn_task_row_save (row, fixture->base.store, GDNN_TASK_DONE, 100,
                                     "Đã xây dựng 12 bài giảng điện tử.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (log_count (fixture), ==, before + 2);
  new_json = gdnn_test_query_text (fixture->base.store,
                                   "SELECT action || ' ' || json_extract (old, '$.progress') || ' ' || "
                                   "json_extract (new, '$.progress') || ' ' || json_extract (new, '$.status') "
                                   "FROM change_log WHERE entity = 'task_progress' ORDER BY id DESC LIMIT 1;");
  g_assert_cmpstr (new_json, ==, "update 40 100 done");
  g_assert_cmpint (gdnn_task_row_get_progress (row)->status, ==, GDNN_TASK_DONE);
  g_assert_false (gdnn_task_row_is_late (row));

  /* Saving the same again changes nothing and logs nothing. */
  g_assert_true (gdnn_task_row_save (row, fixture->base.store, GDNN_TASK_DONE, 100,
                                     "Đã xây dựng 12 bài giảng điện tử.", &error));
  g_assert_cmpint (log_count (fixture), ==, before + 2);

  /* A blank result is stored as none. */
  g_assert_true (gdnn_task_row_save (row, fixture->base.store, GDNN_TASK_PAUSED, 50, " \n ", &error));
  g_clear_pointer (&stored, g_free);
  stored = gdnn_test_query_text (fixture->base.store, row_sql);
  g_assert_cmpstr (stored, ==, "paused|50|-");
  g_assert_cmpint (log_count (fixture), ==, before + 3);
}

/* A list read again after a save elsewhere: the rows shown take the new
 * progress in place; a changed task, year or day needs new rows. */
static void
test_tasks_refresh (TaskFixture   *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GListModel) shown = load (fixture, fixture->unit_id, 2027, make_date (10, 3, 2027));
  g_autoptr(GListModel) same = load (fixture, fixture->unit_id, 2027, make_date (10, 3, 2027));
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GListModel) other_day = load (fixture, fixture->unit_id, 2027, make_date (11, 3, 2027));
  g_autoptr(GListModel) other_year = load (fixture, fixture->unit_id, 2026, make_date (10, 3, 2027));
  g_autoptr(GListModel) retitled = NULL;
  g_autoptr(GError) error = NULL;
  GdnnTaskRow *row = find_row (shown, "II.2.1");
  GdnnTaskRow *saved;
  guint notified = 0;
  guint n = g_list_model_get_n_items (shown);
  g_autofree char *sql = NULL;

  g_assert_cmpuint (n, >, 1);
  /* Read again with nothing changed: every row can refresh, none changes. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdnnTaskRow) a = g_list_model_get_item (shown, i);
      g_autoptr(GdnnTaskRow) b = g_list_model_get_item (same, i);
      g_autoptr(GdnnTaskRow) c = g_list_model_get_item (other_day, i);
      g_autoptr(GdnnTaskRow) d = g_list_model_get_item (other_year, i);

      g_assert_true (gdnn_task_row_can_refresh (a, b));
      g_assert_false (gdnn_task_row_refresh (a, b));
      g_assert_false (gdnn_task_row_can_refresh (a, c));
      g_assert_false (gdnn_task_row_can_refresh (a, d));
      if (i > 0)
        {
          g_autoptr(GdnnTaskRow) previous = g_list_model_get_item (same, i - 1);
          g_assert_false (gdnn_task_row_can_refresh (a, previous));
        }
    }

  /* A save through another row object (the editor of another window, say). */
  saved = find_row (same, "II.2.1");
  g_assert_true (gdnn_task_row_save (saved, fixture->base.store, GDNN_TASK_IN_PROGRESS, 60, "Một nửa", &error));
  g_assert_no_error (error);
  fresh = load (fixture, fixture->unit_id, 2027, make_date (10, 3, 2027));
  g_signal_connect (row, "notify::progress-text", G_CALLBACK (count_notify), &notified);
  g_assert_true (gdnn_task_row_can_refresh (row, find_row (fresh, "II.2.1")));
  g_assert_true (gdnn_task_row_refresh (row, find_row (fresh, "II.2.1")));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (gdnn_task_row_get_progress (row)->progress, ==, 60);
  g_assert_cmpint (gdnn_task_row_get_progress (row)->status, ==, GDNN_TASK_IN_PROGRESS);
  g_assert_false (gdnn_task_row_refresh (row, find_row (fresh, "II.2.1")));
  g_assert_cmpuint (notified, ==, 1);

  /* The task itself changed: a new row is needed. */
  sql = g_strdup_printf ("UPDATE task SET title = 'Tên mới' WHERE id = %" G_GINT64_FORMAT ";",
                         gdnn_task_row_get_task (row)->id);
  gdnn_test_exec (fixture->base.store, sql);
  retitled = load (fixture, fixture->unit_id, 2027, make_date (10, 3, 2027));
  g_assert_false (gdnn_task_row_can_refresh (row, find_row (retitled, "II.2.1")));
}

typedef struct
{
  GdnnTaskStatus  status;
  int             progress;
  const char     *result;
  gboolean        ok;
  gboolean        warns;
  const char     *message;
} CheckCase;

static const CheckCase check_cases[] = {
  { GDNN_TASK_IN_PROGRESS, 101, "x", FALSE, FALSE, "from 0 to 100" },
  { GDNN_TASK_IN_PROGRESS, -1, "x", FALSE, FALSE, "from 0 to 100" },
  { GDNN_TASK_DONE, 80, "x", FALSE, FALSE, "done task" },
  { GDNN_TASK_NOT_STARTED, 10, NULL, FALSE, FALSE, "not started" },
  { (GdnnTaskStatus) 9, 10, NULL, FALSE, FALSE, "status" },
  { GDNN_TASK_DONE, 100, NULL, TRUE, TRUE, NULL },
  { GDNN_TASK_DONE, 100, "   ", TRUE, TRUE, NULL },
  { GDNN_TASK_DONE, 100, "Hoàn thành", TRUE, FALSE, NULL },
  { GDNN_TASK_IN_PROGRESS, 100, NULL, TRUE, FALSE, NULL },
  { GDNN_TASK_NOT_STARTED, 0, NULL, TRUE, FALSE, NULL },
  { GDNN_TASK_OVERDUE, 30, "Chậm do thiếu kinh phí", TRUE, FALSE, NULL },
  { GDNN_TASK_PAUSED, 0, NULL, TRUE, FALSE, NULL },
};

static void
test_tasks_check (gconstpointer user_data)
{
  const CheckCase *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  gboolean ok = gdnn_task_progress_check (c->status, c->progress, c->result, &warning, &error);

  g_assert_cmpint (ok, ==, c->ok);
  if (c->ok)
    g_assert_no_error (error);
  else
    {
      g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
      gdnn_test_assert_contains (error->message, c->message);
    }
  g_assert_cmpint (warning != NULL, ==, c->warns);
}

/* A refused save leaves the database, the log and the row untouched. */
static void
test_tasks_save_refused (TaskFixture   *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GListModel) rows = load (fixture, fixture->unit_id, 2026, make_date (23, 11, 2026));
  GdnnTaskRow *row = find_row (rows, "II.4.1");
  GdnnTaskStatus status = gdnn_task_row_get_progress (row)->status;
  int progress = gdnn_task_row_get_progress (row)->progress;
  g_autofree char *before = gdnn_test_query_text (fixture->base.store,
                                                  "SELECT group_concat (status || progress || ifnull (result, ''), '|') "
                                                  "FROM task_progress;");
  g_autofree char *after = NULL;
  gint64 log_before = log_count (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_false (gdnn_task_row_save (row, fixture->base.store, GDNN_TASK_IN_PROGRESS, 120, "x", &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gdnn_task_row_save (row, fixture->base.store, GDNN_TASK_DONE, 90, "x", &error));
  g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);

  after = gdnn_test_query_text (fixture->base.store,
                                "SELECT group_concat (status || progress || ifnull (result, ''), '|') FROM task_progress;");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (log_count (fixture), ==, log_before);
  g_assert_cmpint (gdnn_task_row_get_progress (row)->status, ==, status);
  g_assert_cmpint (gdnn_task_row_get_progress (row)->progress, ==, progress);
}

/* 500 tasks load in one query and filter quickly. */
static void
test_tasks_many (TaskFixture   *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  GdnnTaskFilter filter;
  gint64 start;
  double load_ms, filter_ms;

  g_assert_true (gdnn_store_begin (fixture->base.store, &error));
  for (int i = 0; i < 472; i++)
    {
      g_autofree char *code = g_strdup_printf ("R.%d", i + 1);
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ riêng số %d: đào tạo và bồi dưỡng", i + 1);
      add_own_task (fixture, fixture->unit_id, code, title, i % 2 == 0);
    }
  g_assert_true (gdnn_store_commit (fixture->base.store, &error));

  start = g_get_monotonic_time ();
  rows = load (fixture, fixture->unit_id, 2026, make_date (23, 11, 2026));
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 500);

  gdnn_task_filter_init (&filter);
  gdnn_task_filter_set_text (&filter, "boi duong");
  start = g_get_monotonic_time ();
  for (int i = 0; i < 10; i++)
    g_assert_cmpuint (gdnn_task_rows_count (rows, &filter), >=, 472);
  filter_ms = (g_get_monotonic_time () - start) / 10000.0;
  gdnn_task_filter_clear (&filter);
  g_test_message ("500 tasks: load %.1f ms, filter %.2f ms", load_ms, filter_ms);
  /* Generous bounds: a sanitizer build is several times slower. */
  g_assert_cmpfloat (filter_ms, <, 50.0);
  g_assert_cmpfloat (load_ms, <, 2000.0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/tasks/list", TaskFixture, NULL, task_fixture_setup, test_tasks_list, task_fixture_teardown);
  g_test_add ("/core/tasks/own", TaskFixture, NULL, task_fixture_setup, test_tasks_own, task_fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (flag_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/tasks/flags/%u", i);
      g_test_add_data_func (path, &flag_cases[i], test_tasks_flags);
    }
  g_test_add ("/core/tasks/filter", TaskFixture, NULL, task_fixture_setup, test_tasks_filter, task_fixture_teardown);
  g_test_add ("/core/tasks/save", TaskFixture, NULL, task_fixture_setup, test_tasks_save, task_fixture_teardown);
  g_test_add ("/core/tasks/refresh", TaskFixture, NULL, task_fixture_setup, test_tasks_refresh, task_fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/tasks/check/%u", i);
      g_test_add_data_func (path, &check_cases[i], test_tasks_check);
    }
  g_test_add ("/core/tasks/save-refused", TaskFixture, NULL, task_fixture_setup, test_tasks_save_refused,
              task_fixture_teardown);
  g_test_add ("/core/tasks/many", TaskFixture, NULL, task_fixture_setup, test_tasks_many, task_fixture_teardown);

  return g_test_run ();
}
