/* test-history.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The change log read back: a value's history through edits, an undo, a
 * delete and a new entry; a task's progress; the CSV export; and the
 * comparison of a finalised report with the data changed since. */

#include <locale.h>
#include <string.h>

#include "gdnn-demo.h"
#include "gdnn-history.h"
#include "gdnn-report-compare.h"
#include "gdnn-report-doc.h"
#include "gdnn-store-private.h"
#include "gdnn-task-list.h"

#include "gdnn-test-utils.h"

#define YEAR 2026

typedef struct
{
  Fixture  base;
  gint64   unit_id;
  gint64   other_unit_id;
  gint64   plan_id;
  gint64   indicator_id;
  gint64   other_indicator_id;
} DemoFixture;

static void
demo_setup (DemoFixture   *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnUnit) other = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GdnnIndicator) ind = NULL;
  g_autoptr(GdnnIndicator) ind2 = NULL;

  fixture_setup (&fixture->base, user_data);
  g_assert_true (gdnn_demo_populate (fixture->base.store, YEAR, &error));
  g_assert_no_error (error);
  unit = gdnn_test_find_unit (fixture->base.store, "BG-CD01");
  other = gdnn_test_find_unit (fixture->base.store, "BG-TC02");
  plan = gdnn_test_find_plan (fixture->base.store, "401/KH-UBND");
  fixture->unit_id = unit->id;
  fixture->other_unit_id = other->id;
  fixture->plan_id = plan->id;
  ind = gdnn_store_find_indicator (fixture->base.store, plan->id, "I.2.a.1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ind);
  ind2 = gdnn_store_find_indicator (fixture->base.store, plan->id, "I.2.a.2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ind2);
  fixture->indicator_id = ind->id;
  fixture->other_indicator_id = ind2->id;
}

static void
demo_teardown (DemoFixture   *fixture,
               gconstpointer  user_data)
{
  fixture_teardown (&fixture->base, user_data);
}

static void
set_value (DemoFixture *fixture,
           gint64       indicator_id,
           double       numerator,
           double       denominator,
           const char  *note)
{
  g_autoptr(GdnnValue) v = gdnn_value_new ();
  g_autoptr(GError) error = NULL;

  v->unit_id = fixture->unit_id;
  v->indicator_id = indicator_id;
  v->year = YEAR;
  v->period = g_strdup ("year");
  v->has_numerator = TRUE;
  v->numerator = numerator;
  v->has_denominator = TRUE;
  v->denominator = denominator;
  v->note = g_strdup (note);
  g_assert_true (gdnn_store_set_value (fixture->base.store, v, &error));
  g_assert_no_error (error);
}

static GdnnHistoryChange *
find_change (GdnnHistoryEntry *entry,
             const char       *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      GdnnHistoryChange *c = g_ptr_array_index (entry->changes, i);
      if (g_str_equal (c->field, field))
        return c;
    }
  return NULL;
}

static void
assert_change (GdnnHistoryEntry *entry,
               const char       *field,
               const char       *old_text,
               const char       *new_text)
{
  GdnnHistoryChange *c = find_change (entry, field);

  g_assert_nonnull (c);
  g_assert_cmpstr (c->old_text, ==, old_text);
  g_assert_cmpstr (c->new_text, ==, new_text);
}

/* Three edits by one person, an undo, a delete and a new entry by
 * another: newest first, each with who, old → new, the undo marked and
 * the undone change flagged, across the two rows the value had. */
static void
test_value_history (DemoFixture   *fixture,
                    gconstpointer  user_data)
{
  GdnnStore *store = fixture->base.store;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *sql = NULL;
  GdnnHistoryEntry *e;
  guint n0;

  before = gdnn_history_for_value (store, fixture->unit_id, fixture->indicator_id, YEAR, NULL, &error);
  g_assert_no_error (error);
  n0 = before->len;

  gdnn_store_set_user (store, "Nguyễn Thị Lan");
  set_value (fixture, fixture->indicator_id, 45, 100, NULL);
  set_value (fixture, fixture->indicator_id, 48, 100, "Đã bổ sung");
  set_value (fixture, fixture->indicator_id, 1234, 2000, "Đã bổ sung");
  /* Another indicator's value is not part of this history. */
  set_value (fixture, fixture->other_indicator_id, 7, 10, NULL);

  gdnn_store_set_user (store, "Trần Văn Minh");
  g_assert_true (gdnn_store_undo (store, NULL, NULL, &error));   /* the other indicator */
  g_assert_true (gdnn_store_undo (store, NULL, NULL, &error));   /* 1234 → 48 */
  g_assert_no_error (error);

  sql = g_strdup_printf ("DELETE FROM value WHERE unit_id = %" G_GINT64_FORMAT " AND indicator_id = %"
                         G_GINT64_FORMAT " AND year = %d;", fixture->unit_id, fixture->indicator_id, YEAR);
  g_assert_true (gdnn_store_begin (store, &error));
  gdnn_test_exec (store, sql);
  g_assert_true (gdnn_store_commit (store, &error));
  set_value (fixture, fixture->indicator_id, 50, 100, NULL);

  entries = gdnn_history_for_value (store, fixture->unit_id, fixture->indicator_id, YEAR, "year", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, n0 + 6);

  /* The new entry: a new row, all its fields. */
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpint (e->action, ==, GDNN_HISTORY_INSERT);
  g_assert_cmpstr (e->who, ==, "Trần Văn Minh");
  g_assert_cmpstr (e->entity, ==, "value");
  assert_change (e, "numerator", NULL, "50");
  g_assert_cmpstr (find_change (e, "numerator")->new_raw, ==, "50");
  g_assert_nonnull (strstr (e->subject, "BG-CD01"));
  g_assert_nonnull (strstr (e->subject, "I.2.a.1"));
  g_assert_nonnull (strstr (e->subject, "2026"));

  /* The delete keeps what was there. */
  e = g_ptr_array_index (entries, 1);
  g_assert_cmpint (e->action, ==, GDNN_HISTORY_DELETE);
  assert_change (e, "numerator", "48", NULL);
  g_assert_cmpint (e->entity_id, !=, ((GdnnHistoryEntry *) g_ptr_array_index (entries, 0))->entity_id);

  /* The undo, marked, by the one who pressed Ctrl+Z. */
  e = g_ptr_array_index (entries, 2);
  g_assert_cmpint (e->action, ==, GDNN_HISTORY_UPDATE);
  g_assert_cmpint (e->undo_of, ==, ((GdnnHistoryEntry *) g_ptr_array_index (entries, 3))->id);
  g_assert_cmpstr (e->who, ==, "Trần Văn Minh");
  assert_change (e, "numerator", "1.234", "48");
  assert_change (e, "denominator", "2.000", "100");

  /* The undone edit. */
  e = g_ptr_array_index (entries, 3);
  g_assert_true (e->undone);
  g_assert_cmpint (e->undo_of, ==, 0);
  g_assert_cmpstr (e->who, ==, "Nguyễn Thị Lan");
  assert_change (e, "numerator", "48", "1.234");
  g_assert_null (find_change (e, "note"));       /* unchanged fields are not listed */

  e = g_ptr_array_index (entries, 4);
  g_assert_false (e->undone);
  assert_change (e, "numerator", "45", "48");
  assert_change (e, "note", NULL, "Đã bổ sung");
  g_assert_null (find_change (e, "denominator"));
  described = gdnn_history_entry_describe (e, FALSE);
  g_assert_nonnull (strstr (described, "45 → 48"));
  g_assert_nonnull (strstr (described, "— → Đã bổ sung"));

  e = g_ptr_array_index (entries, 5);
  g_assert_cmpint (e->action, ==, n0 > 0 ? GDNN_HISTORY_UPDATE : GDNN_HISTORY_INSERT);
  g_assert_cmpstr (find_change (e, "numerator")->new_text, ==, "45");

  /* Newest first, and each time readable as dd/mm/yyyy hh:mm. */
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpint (((GdnnHistoryEntry *) g_ptr_array_index (entries, i - 1))->id, >,
                     ((GdnnHistoryEntry *) g_ptr_array_index (entries, i))->id);
  g_assert_true (g_regex_match_simple ("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$",
                                       ((GdnnHistoryEntry *) g_ptr_array_index (entries, 0))->when, 0, 0));

  /* The history of all the unit's values of the year holds both. */
  {
    g_autoptr(GPtrArray) all = gdnn_history_for_values (store, fixture->unit_id, fixture->plan_id, YEAR, &error);
    guint other = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      if (strstr (((GdnnHistoryEntry *) g_ptr_array_index (all, i))->subject, "I.2.a.2") != NULL)
        other++;
    g_assert_cmpuint (other, >=, 2);
    g_assert_cmpuint (all->len, >=, entries->len + 2);
  }
}

/* A task's progress for one unit and year: its status by its label,
 * another unit's progress on the same task left out. */
static void
test_task_history (DemoFixture   *fixture,
                   gconstpointer  user_data)
{
  GdnnStore *store = fixture->base.store;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnTaskProgress) p = gdnn_task_progress_new ();
  GdnnTask *task;
  GdnnHistoryEntry *e;

  tasks = gdnn_store_list_tasks (store, fixture->plan_id, fixture->unit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, >, 0);
  task = g_ptr_array_index (tasks, 0);

  p->task_id = task->id;
  p->unit_id = fixture->unit_id;
  p->year = YEAR;
  p->period = g_strdup ("year");
  p->status = GDNN_TASK_IN_PROGRESS;
  p->progress = 40;
  gdnn_store_set_user (store, "Nguyễn Thị Lan");
  g_assert_true (gdnn_store_set_task_progress (store, p, &error));
  g_assert_no_error (error);
  p->status = GDNN_TASK_DONE;
  p->progress = 100;
  p->result = g_strdup ("Đã tổ chức 3 lớp bồi dưỡng cho 120 nhà giáo");
  g_assert_true (gdnn_store_set_task_progress (store, p, &error));
  g_assert_no_error (error);
  p->unit_id = fixture->other_unit_id;
  p->status = GDNN_TASK_PAUSED;
  g_assert_true (gdnn_store_set_task_progress (store, p, &error));
  g_assert_no_error (error);

  entries = gdnn_history_for_task (store, task->id, fixture->unit_id, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 2);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->entity, ==, "task_progress");
  g_assert_cmpstr (e->who, ==, "Nguyễn Thị Lan");
  assert_change (e, "status", gdnn_task_status_label (GDNN_TASK_IN_PROGRESS), gdnn_task_status_label (GDNN_TASK_DONE));
  assert_change (e, "progress", "40%", "100%");
  assert_change (e, "result", NULL, "Đã tổ chức 3 lớp bồi dưỡng cho 120 nhà giáo");
  g_assert_nonnull (strstr (e->subject, task->code));
  for (guint i = 0; i < entries->len; i++)
    {
      GdnnHistoryEntry *x = g_ptr_array_index (entries, i);
      GdnnHistoryChange *status = find_change (x, "status");
      g_assert_true (status == NULL ||
                     g_strcmp0 (status->new_text, gdnn_task_status_label (GDNN_TASK_PAUSED)) != 0);
      g_assert_null (strstr (x->subject, "BG-TC02"));
    }

  /* With every unit, the other unit's entry is there too. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = gdnn_history_for_task (store, task->id, 0, YEAR, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (entries, 0);
  g_assert_nonnull (strstr (e->subject, "BG-TC02"));
  g_assert_cmpstr (find_change (e, "status")->new_text, ==, gdnn_task_status_label (GDNN_TASK_PAUSED));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n++;
  return n;
}

/* A fresh database: one unit added then renamed gives the header, one
 * row per field the insert set, one for the rename (quoted: it holds a
 * comma); a time range outside today gives the header only. */
static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, tomorrow, yesterday;
  guint rows = 0;
  gint64 id;

  unit->code = g_strdup ("U01");
  unit->name = g_strdup ("Trường A");
  unit->type = GDNN_UNIT_TYPE_TRUNG_CAP;
  id = gdnn_store_add_unit (fixture->store, unit, &error);
  g_assert_no_error (error);
  g_free (unit->name);
  unit->id = id;
  unit->name = g_strdup ("Trường B, cơ sở \"2\"");
  g_assert_true (gdnn_store_update_unit (fixture->store, unit, &error));
  g_assert_no_error (error);

  csv = gdnn_history_export_csv (fixture->store, NULL, NULL, &rows, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "at,who,action,entity,entity_id,field,old,new\r\n"));
  g_assert_cmpuint (rows, ==, 4);
  g_assert_cmpuint (count_lines (csv), ==, rows + 1);
  g_assert_nonnull (strstr (csv, ",Người kiểm thử,insert,unit,1,code,,U01\r\n"));
  g_assert_nonnull (strstr (csv, ",insert,unit,1,name,,Trường A\r\n"));
  g_assert_nonnull (strstr (csv, ",insert,unit,1,type,,trung_cap\r\n"));
  g_assert_nonnull (strstr (csv, ",update,unit,1,name,Trường A,\"Trường B, cơ sở \"\"2\"\"\"\r\n"));
  /* Oldest first. */
  g_assert_true (strstr (csv, ",insert,") < strstr (csv, ",update,"));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  tomorrow = today;
  g_date_add_days (&tomorrow, 1);
  yesterday = today;
  g_date_subtract_days (&yesterday, 1);
  empty = gdnn_history_export_csv (fixture->store, &tomorrow, NULL, &rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 0);
  g_assert_cmpstr (empty, ==, "at,who,action,entity,entity_id,field,old,new\r\n");
  g_clear_pointer (&empty, g_free);
  empty = gdnn_history_export_csv (fixture->store, NULL, &yesterday, &rows, &error);
  g_assert_cmpuint (rows, ==, 0);

  path = g_build_filename (fixture->dir, "log.csv", NULL);
  g_assert_true (gdnn_history_export_csv_file (fixture->store, path, &today, &today, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 4);
  g_assert_true (g_file_get_contents (path, &file, NULL, &error));
  g_assert_cmpstr (file, ==, csv);
}

static GdnnReportDiff *
diff_at (GPtrArray *diffs,
         guint      i)
{
  return g_ptr_array_index (diffs, i);
}

/* Finalised, then one value and one task status changed: the comparison
 * lists exactly those, in the report's words. */
static void
test_report_compare (DemoFixture   *fixture,
                     gconstpointer  user_data)
{
  GdnnStore *store = fixture->base.store;
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) report_log = NULL;
  g_autoptr(GdnnValue) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GdnnTaskProgress) p = gdnn_task_progress_new ();
  g_autofree char *sent_numerator = NULL;
  g_autofree char *finalised_at = NULL;
  g_autofree char *line = NULL;
  GdnnReportTask *first_task = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 11, YEAR);

  /* Never finalised: nothing to compare with. */
  diffs = gdnn_report_compare (store, fixture->unit_id, fixture->plan_id, YEAR, &today, NULL, &error);
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND);
  g_assert_null (diffs);
  g_clear_error (&error);

  doc = gdnn_report_doc_build (store, fixture->unit_id, fixture->plan_id, YEAR, &today, &error);
  g_assert_no_error (error);
  g_assert_true (gdnn_report_finalise (store, doc, NULL, NULL, &error));
  g_assert_no_error (error);
  diffs = gdnn_report_compare (store, fixture->unit_id, fixture->plan_id, YEAR, &today, &finalised_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 0);
  g_assert_nonnull (finalised_at);
  g_clear_pointer (&diffs, g_ptr_array_unref);

  /* The finalisation is in the report's history. */
  report_log = gdnn_history_for_report (store, fixture->unit_id, fixture->plan_id, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report_log->len, >=, 1);
  g_assert_cmpstr (find_change (g_ptr_array_index (report_log, 0), "status")->new_text, ==, "Final");

  old = gdnn_store_get_value (store, fixture->unit_id, fixture->indicator_id, YEAR, "year", &error);
  g_assert_no_error (error);
  g_assert_nonnull (old);
  g_assert_true (old->has_numerator);
  sent_numerator = gdnn_history_format_number (old->numerator);
  set_value (fixture, fixture->indicator_id, old->numerator + 3, old->denominator, old->note);

  for (guint g = 0; g < doc->task_groups->len && first_task == NULL; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      if (group->tasks->len > 0)
        first_task = g_ptr_array_index (group->tasks, 0);
    }
  g_assert_nonnull (first_task);
  p->task_id = first_task->task_id;
  p->unit_id = fixture->unit_id;
  p->year = YEAR;
  p->period = g_strdup ("year");
  p->status = first_task->status == GDNN_TASK_DONE ? GDNN_TASK_PAUSED : GDNN_TASK_DONE;
  p->progress = first_task->progress;
  p->result = g_strdup (first_task->result);
  g_assert_true (gdnn_store_set_task_progress (store, p, &error));
  g_assert_no_error (error);

  diffs = gdnn_report_compare (store, fixture->unit_id, fixture->plan_id, YEAR, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 2);

  /* Section I (tasks) prints before section II (indicators). */
  g_assert_cmpint (diff_at (diffs, 0)->kind, ==, GDNN_REPORT_DIFF_TASK);
  g_assert_cmpstr (diff_at (diffs, 0)->code, ==, first_task->code);
  g_assert_cmpstr (diff_at (diffs, 0)->field, ==, "Status");
  g_assert_cmpstr (diff_at (diffs, 0)->sent, ==, gdnn_task_status_label (first_task->status));
  g_assert_cmpstr (diff_at (diffs, 0)->current, ==, gdnn_task_status_label (p->status));

  g_assert_cmpint (diff_at (diffs, 1)->kind, ==, GDNN_REPORT_DIFF_INDICATOR);
  g_assert_cmpstr (diff_at (diffs, 1)->code, ==, "I.2.a.1");
  g_assert_cmpstr (diff_at (diffs, 1)->field, ==, "Numerator");
  g_assert_cmpstr (diff_at (diffs, 1)->sent, ==, sent_numerator);
  {
    g_autofree char *now = gdnn_history_format_number (old->numerator + 3);
    g_assert_cmpstr (diff_at (diffs, 1)->current, ==, now);
    line = gdnn_report_diff_describe (diff_at (diffs, 1));
    g_assert_nonnull (strstr (line, "I.2.a.1"));
    g_assert_nonnull (strstr (line, now));
  }
}

/* Header fields read back from two hand-made snapshots. */
static void
test_compare_snapshots_header (void)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GError) error = NULL;

  diffs = gdnn_report_compare_snapshots ("[('number', '05/BC-CD01'), ('date', '2026-11-25'), ('task/X', 'done|100||T')]",
                                         "[('number', '07/BC-CD01'), ('date', '2026-11-28'), ('task/X', 'done|100||T'),"
                                         " ('task/Y', 'not_started|0||U')]",
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 3);
  g_assert_cmpint (diff_at (diffs, 0)->kind, ==, GDNN_REPORT_DIFF_HEADER);
  g_assert_cmpstr (diff_at (diffs, 0)->sent, ==, "05/BC-CD01");
  g_assert_cmpstr (diff_at (diffs, 0)->current, ==, "07/BC-CD01");
  g_assert_cmpstr (diff_at (diffs, 1)->sent, ==, "25/11/2026");
  g_assert_cmpstr (diff_at (diffs, 1)->current, ==, "28/11/2026");
  g_assert_cmpstr (diff_at (diffs, 2)->code, ==, "Y");
  g_assert_cmpstr (diff_at (diffs, 2)->sent, ==, "—");

  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = gdnn_report_compare_snapshots ("not a snapshot", "[]", &error);
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_INVALID);
  g_assert_null (diffs);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/history/value", DemoFixture, NULL, demo_setup, test_value_history, demo_teardown);
  g_test_add ("/core/history/task", DemoFixture, NULL, demo_setup, test_task_history, demo_teardown);
  g_test_add ("/core/history/csv-export", Fixture, NULL, fixture_setup, test_csv_export, fixture_teardown);
  g_test_add ("/report/compare/after-finalise", DemoFixture, NULL, demo_setup, test_report_compare, demo_teardown);
  g_test_add_func ("/report/compare/snapshots", test_compare_snapshots_header);

  return g_test_run ();
}
