/* test-report-doc.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document model of the yearly report, built from the demo database:
 * Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang (BG-CD01) reporting on
 * Kế hoạch 401/KH-UBND for 2026. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gdnn-demo.h"
#include "gdnn-report-chart.h"
#include "gdnn-report-doc.h"
#include "gdnn-test-utils.h"

#define UNIT "BG-CD01"
#define PLAN "401/KH-UBND"
#define YEAR 2026

static void
demo_setup (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  gdnn_demo_populate (fixture->store, YEAR, &error);
  g_assert_no_error (error);
}

static GdnnReportDoc *
build_on (Fixture *fixture,
          int      day,
          int      month)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  GdnnReportDoc *doc;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, YEAR);
  doc = gdnn_report_doc_build_by_code (fixture->store, UNIT, PLAN, YEAR, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static GdnnReportDoc *
build (Fixture *fixture)
{
  return build_on (fixture, 23, 11);
}

static GdnnReportIndicator *
find_indicator (GdnnReportDoc *doc,
                const char    *code)
{
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      if (g_str_equal (r->code, code))
        return r;
    }
  g_error ("No indicator %s in the document", code);
}

static gboolean
has_warning (GdnnReportDoc         *doc,
             GdnnReportWarningKind  kind,
             const char            *code)
{
  for (guint i = 0; i < doc->warnings->len; i++)
    {
      GdnnReportWarning *w = g_ptr_array_index (doc->warnings, i);
      if (w->kind == kind && g_strcmp0 (w->code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
set_value (Fixture    *fixture,
           const char *code,
           const char *numerator,
           const char *denominator,
           const char *note)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE value SET numerator = %s, denominator = %s, note = %s "
                         "WHERE year = %d AND unit_id = (SELECT id FROM unit WHERE code = '" UNIT "') "
                         "AND indicator_id = (SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                         "WHERE p.number = '" PLAN "' AND i.code = '%s');",
                         numerator, denominator, note, YEAR, code);
  gdnn_test_exec (fixture->store, sql);
  g_assert_cmpint (sqlite3_changes (gdnn_store_get_db (fixture->store)), ==, 1);
}

static void
test_header (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = build (fixture);
  g_autofree char *governing = gdnn_test_query_text (fixture->store,
                                                     "SELECT governing_body FROM unit WHERE code = '" UNIT "';");
  g_autofree char *name = gdnn_test_query_text (fixture->store, "SELECT name FROM unit WHERE code = '" UNIT "';");
  g_autofree char *governing_up = g_utf8_strup (governing, -1);
  g_autofree char *name_up = g_utf8_strup (name, -1);

  /* The names come from the unit's data, in capitals. */
  g_assert_cmpstr (doc->governing_body, ==, governing_up);
  g_assert_cmpstr (doc->governing_body, ==, "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BẮC GIANG");
  g_assert_cmpstr (doc->issuing_body, ==, name_up);
  g_assert_cmpstr (doc->national_title, ==, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  g_assert_cmpstr (doc->motto, ==, "Độc lập - Tự do - Hạnh phúc");
  g_assert_cmpstr (doc->place, ==, "Bắc Giang");
  g_assert_cmpstr (doc->place_date, ==, "Bắc Giang, ngày 23 tháng 11 năm 2026");
  g_assert_cmpstr (doc->doc_type, ==, "BÁO CÁO");
  g_assert_cmpstr (doc->subject, ==, "Kết quả thực hiện Kế hoạch số 401/KH-UBND năm 2026");
  gdnn_test_assert_contains (doc->intro, "Kế hoạch số 401/KH-UBND ngày 30/06/2022 của Ủy ban nhân dân tỉnh Bắc Giang");
  gdnn_test_assert_contains (doc->intro, name);
  gdnn_test_assert_contains (doc->number, "/BC-");
  g_assert_cmpstr (doc->signer_title, ==, "HIỆU TRƯỞNG");
  g_assert_cmpstr (doc->signer_name, ==, "Trần Thị Bình");
  /* Nơi nhận: the plan's recipient, here the unit's superior, and the archive. */
  g_assert_cmpuint (g_strv_length (doc->recipients), ==, 2);
  g_assert_cmpstr (doc->recipients[0], ==, "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang");
  g_assert_cmpstr (doc->recipients[1], ==, "Lưu: VT");
  g_assert_true (doc->draft);
  g_assert_false (doc->final);
  g_assert_true (g_date_valid (&doc->due));
  g_assert_cmpint (g_date_get_day (&doc->due), ==, 30);
  g_assert_cmpint (g_date_get_month (&doc->due), ==, 11);
  for (guint i = 0; i < G_N_ELEMENTS (doc->section_titles); i++)
    g_assert_nonnull (doc->section_titles[i]);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = build (fixture);
  gint64 n_indicators = gdnn_test_query_int (fixture->store,
                                             "SELECT count(*) FROM indicator i JOIN plan p ON p.id = i.plan_id "
                                             "WHERE p.number = '" PLAN "';");
  gint64 n_missing = gdnn_test_query_int (fixture->store,
                                          "SELECT count(*) FROM indicator i JOIN plan p ON p.id = i.plan_id "
                                          "WHERE p.number = '" PLAN "' AND NOT EXISTS (SELECT 1 FROM value v "
                                          "JOIN unit u ON u.id = v.unit_id WHERE v.indicator_id = i.id "
                                          "AND u.code = '" UNIT "' AND v.year = 2026);");
  guint with_value = 0;

  g_assert_cmpint (doc->indicators->len, ==, n_indicators);
  g_assert_cmpint (doc->indicators->len, >, 0);
  g_assert_cmpuint (gdnn_report_doc_count_warnings (doc, GDNN_REPORT_WARNING_MISSING_VALUE), ==, n_missing);

  for (guint i = 0; i < doc->indicators->len; i++)
    {
      GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      g_autofree char *sql = NULL;

      g_assert_cmpuint (r->number, ==, i + 1);
      g_assert_nonnull (r->name);
      g_assert_cmpint (r->targets->len, >, 0);
      if (!r->has_value)
        {
          g_assert_true (has_warning (doc, GDNN_REPORT_WARNING_MISSING_VALUE, r->code));
          g_assert_cmpint (r->assessment, ==, GDNN_REPORT_ASSESSMENT_NONE);
          continue;
        }
      with_value++;
      sql = g_strdup_printf ("SELECT v.numerator FROM value v JOIN unit u ON u.id = v.unit_id "
                             "WHERE v.indicator_id = %" G_GINT64_FORMAT " AND u.code = '" UNIT "' AND v.year = 2026;",
                             r->indicator_id);
      g_assert_cmpint ((gint64) r->numerator, ==, gdnn_test_query_int (fixture->store, sql));
      g_assert_cmpint (r->measure, ==, GDNN_MEASURE_RATIO);
      g_assert_cmpfloat_with_epsilon (r->value, r->numerator / r->denominator * 100, 1e-9);
      g_assert_cmpstr (r->unit_label, ==, "%");
    }
  g_assert_cmpuint (with_value, ==, n_indicators - n_missing);

  /* Plan 401 sets milestones for 2025 and 2030. */
  g_assert_cmpuint (doc->milestone_years->len, ==, 2);
  g_assert_cmpint (g_array_index (doc->milestone_years, int, 0), ==, 2025);
  g_assert_cmpint (g_array_index (doc->milestone_years, int, 1), ==, 2030);
}

/* I.2.a.1: 50% by 2025, 100% by 2030, so 60% is expected in 2026. */
static void
test_assessment (Fixture       *fixture,
                 gconstpointer  user_data)
{
  struct { const char *num, *den; double expected_pct; GdnnReportAssessment a; GdnnTrackState track; } cases[] = {
    { "45", "60", 75, GDNN_REPORT_ASSESSMENT_MET, GDNN_TRACK_ON },
    { "30", "60", 50, GDNN_REPORT_ASSESSMENT_NOT_MET, GDNN_TRACK_BEHIND },
    { "60", "60", 100, GDNN_REPORT_ASSESSMENT_MET, GDNN_TRACK_REACHED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GdnnReportDoc) doc = NULL;
      GdnnReportIndicator *r;

      set_value (fixture, "I.2.a.1", cases[i].num, cases[i].den, "'Giải trình'");
      doc = build (fixture);
      r = find_indicator (doc, "I.2.a.1");
      g_assert_true (r->has_value);
      g_assert_cmpfloat_with_epsilon (r->value, cases[i].expected_pct, 1e-9);
      g_assert_true (r->has_track);
      g_assert_cmpint (r->track, ==, cases[i].track);
      g_assert_cmpfloat_with_epsilon (r->expected, 60, 1e-9);
      g_assert_cmpint (r->target_year, ==, 2030);
      g_assert_cmpfloat_with_epsilon (r->target_value, 100, 1e-9);
      g_assert_true (r->has_percent_of_target);
      g_assert_cmpfloat_with_epsilon (r->percent_of_target, cases[i].expected_pct, 1e-9);
      g_assert_cmpint (r->assessment, ==, cases[i].a);
      g_assert_cmpstr (r->note, ==, "Giải trình");
      g_assert_false (has_warning (doc, GDNN_REPORT_WARNING_MISSING_NOTE, "I.2.a.1"));
    }
}

/* 1499 of 2500 is 59,96%: behind the 60% expected in 2026, and printed
 * so in the table and in the drafted sentences, never "60%". */
static void
test_printed_agrees (Fixture       *fixture,
                     gconstpointer  user_data)
{
  struct { const char *num, *den; GdnnReportAssessment a; const char *value, *expected, *of_target; } cases[] = {
    { "1499", "2500", GDNN_REPORT_ASSESSMENT_NOT_MET, "59,96%", "60%", "59,96%" },
    { "1501", "2500", GDNN_REPORT_ASSESSMENT_MET, "60,04%", "60%", "60,04%" },
    { "1500", "2500", GDNN_REPORT_ASSESSMENT_MET, "60%", "60%", "60%" },
    { "99999", "100000", GDNN_REPORT_ASSESSMENT_MET, "99,999%", "60%", "99,999%" },
    { "2500", "2500", GDNN_REPORT_ASSESSMENT_MET, "100%", "60%", "100%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GdnnReportDoc) doc = NULL;
      g_autofree char *value = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *target = NULL;
      g_autofree char *of_target = NULL;
      GdnnReportIndicator *r;

      set_value (fixture, "I.2.a.1", cases[i].num, cases[i].den, "'Thiếu giảng viên'");
      doc = build (fixture);
      r = find_indicator (doc, "I.2.a.1");
      value = gdnn_report_indicator_format (r, r->value);
      expected = gdnn_report_indicator_format (r, r->expected);
      target = gdnn_report_indicator_format (r, r->target_value);
      of_target = gdnn_report_indicator_format_percent_of_target (r);
      g_assert_cmpint (r->assessment, ==, cases[i].a);
      g_assert_cmpstr (value, ==, cases[i].value);
      g_assert_cmpstr (expected, ==, cases[i].expected);
      g_assert_cmpstr (target, ==, "100%");
      g_assert_cmpstr (of_target, ==, cases[i].of_target);
      /* The report's chart prints the share of the milestone the same way. */
      {
        GdnnPlanChart *chart = gdnn_report_chart_new (doc);
        g_autofree char *described = gdnn_plan_chart_describe (chart);
        g_autofree char *item = g_strdup_printf ("I.2.a.1: %s, đạt %s mục tiêu năm 2030 (100%%)",
                                                 cases[i].value, cases[i].of_target);

        gdnn_test_assert_contains (described, item);
        gdnn_plan_chart_unref (chart);
      }
      if (cases[i].a == GDNN_REPORT_ASSESSMENT_NOT_MET)
        gdnn_test_assert_contains (doc->difficulties,
                                   "\n- Chỉ tiêu I.2.a.1: đạt 59,96%, mức cần đạt 60% (mục tiêu năm 2030: 100%); "
                                   "Thiếu giảng viên.");
      else
        g_assert_null (strstr (doc->difficulties, "Chỉ tiêu I.2.a.1:"));
    }
}

static void
test_missing_note (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = NULL;

  set_value (fixture, "I.2.a.1", "30", "60", "NULL");
  doc = build (fixture);
  g_assert_true (has_warning (doc, GDNN_REPORT_WARNING_MISSING_NOTE, "I.2.a.1"));
  g_assert_cmpint (find_indicator (doc, "I.2.a.1")->assessment, ==, GDNN_REPORT_ASSESSMENT_NOT_MET);
  /* The drafts name it. */
  g_assert_true (doc->difficulties_generated);
  gdnn_test_assert_contains (doc->difficulties, "Chỉ tiêu I.2.a.1: đạt 50%, mức cần đạt 60%");
  g_assert_true (doc->proposals_generated);
  gdnn_test_assert_contains (doc->proposals, "I.2.a.1");
  g_assert_true (doc->assessment_generated);
  gdnn_test_assert_contains (doc->assessment, "Năm 2026, Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang");
}

static void
test_tasks (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = NULL;
  gint64 n_tasks = gdnn_test_query_int (fixture->store,
                                        "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id "
                                        "WHERE p.number = '" PLAN "';");
  gint64 n_groups = gdnn_test_query_int (fixture->store,
                                         "SELECT count(*) FROM task_group g JOIN plan p ON p.id = g.plan_id "
                                         "WHERE p.number = '" PLAN "';");
  gint64 n_no_result = gdnn_test_query_int (fixture->store,
                                            "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id "
                                            "LEFT JOIN task_progress tp ON tp.task_id = t.id AND tp.year = 2026 "
                                            "AND tp.unit_id = (SELECT id FROM unit WHERE code = '" UNIT "') "
                                            "WHERE p.number = '" PLAN "' AND ifnull (tp.result, '') = '';");
  gint64 n_overdue = gdnn_test_query_int (fixture->store,
                                          "SELECT count(*) FROM task_progress WHERE status = 'overdue' AND year = 2026 "
                                          "AND unit_id = (SELECT id FROM unit WHERE code = '" UNIT "');");
  guint total = 0;
  GdnnReportTask *first;

  /* A due date in the past makes an unfinished task overdue. */
  gdnn_test_exec (fixture->store,
                  "UPDATE task SET due_date = '2026-01-31' WHERE code = 'II.1.1' "
                  "AND plan_id = (SELECT id FROM plan WHERE number = '" PLAN "');");
  gdnn_test_exec (fixture->store,
                  "UPDATE task_progress SET status = 'in_progress', progress = 50 WHERE year = 2026 "
                  "AND task_id = (SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id "
                  "WHERE p.number = '" PLAN "' AND t.code = 'II.1.1') "
                  "AND unit_id = (SELECT id FROM unit WHERE code = '" UNIT "');");
  n_overdue = gdnn_test_query_int (fixture->store,
                                   "SELECT count(*) FROM task_progress WHERE status = 'overdue' AND year = 2026 "
                                   "AND unit_id = (SELECT id FROM unit WHERE code = '" UNIT "');");
  doc = build (fixture);

  g_assert_cmpint (doc->task_groups->len, ==, n_groups);
  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      g_assert_nonnull (group->title);
      g_assert_cmpint (group->tasks->len, >, 0);
      total += group->tasks->len;
    }
  g_assert_cmpint (total, ==, n_tasks);
  g_assert_cmpuint (gdnn_report_doc_count_warnings (doc, GDNN_REPORT_WARNING_TASK_NO_RESULT), ==, n_no_result);
  g_assert_cmpuint (gdnn_report_doc_count_warnings (doc, GDNN_REPORT_WARNING_TASK_OVERDUE), ==, n_overdue + 1);

  first = g_ptr_array_index (((GdnnReportTaskGroup *) g_ptr_array_index (doc->task_groups, 0))->tasks, 0);
  g_assert_cmpstr (first->code, ==, "II.1.1");
  g_assert_true (first->overdue);
  g_assert_cmpint (first->status, ==, GDNN_TASK_IN_PROGRESS);
  g_assert_true (has_warning (doc, GDNN_REPORT_WARNING_TASK_OVERDUE, "II.1.1"));
}

/* A sum of a unit's own figures in the plan, up to (or in) a year. */
static gint64
unit_budget_sum (Fixture    *fixture,
                 const char *unit_code,
                 const char *column,
                 const char *years)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (y.%s), 0) FROM budget_year y JOIN budget_line l "
                                          "ON l.id = y.line_id JOIN plan p ON p.id = l.plan_id "
                                          "WHERE p.number = '" PLAN "' AND y.year %s "
                                          "AND y.unit_id = (SELECT id FROM unit WHERE code = '%s');",
                                          column, years, unit_code);
  return gdnn_test_query_int (fixture->store, sql);
}

static void
test_budget (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = build (fixture);
  g_autoptr(GdnnReportDoc) doc_2025 = NULL;
  g_autoptr(GdnnReportDoc) other = NULL;
  g_autoptr(GError) error = NULL;

  /* The unit's own figures, summed as SQL sums them. */
  g_assert_cmpint (doc->budget_lines->len, ==,
                   gdnn_test_query_int (fixture->store, "SELECT count(*) FROM budget_line l JOIN plan p ON "
                                                        "p.id = l.plan_id WHERE p.number = '" PLAN "';"));
  g_assert_cmpint (doc->budget_planned_total, ==, unit_budget_sum (fixture, UNIT, "planned", "<= 2026"));
  g_assert_cmpint (doc->budget_spent_total, ==, unit_budget_sum (fixture, UNIT, "spent", "<= 2026"));
  g_assert_cmpint (doc->budget_planned, ==, unit_budget_sum (fixture, UNIT, "planned", "= 2026"));
  g_assert_cmpint (doc->budget_spent, ==, unit_budget_sum (fixture, UNIT, "spent", "= 2026"));
  /* Not the province's 1,4 tỷ: the college's own share. */
  g_assert_cmpint (doc->budget_planned, >, 0);
  g_assert_cmpint (doc->budget_planned_total, <, 1400000000);
  /* The plan's budget ends in 2025: no reference to print for 2026. */
  g_assert_false (doc->budget_has_reference);
  for (guint i = 0; i < doc->budget_lines->len; i++)
    g_assert_false (((GdnnReportBudgetLine *) g_ptr_array_index (doc->budget_lines, i))->has_reference);

  /* In 2025 the plan's figures stand beside the unit's. */
  doc_2025 = gdnn_report_doc_build_by_code (fixture->store, UNIT, PLAN, 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (doc_2025->budget_has_reference);
  g_assert_cmpint (doc_2025->budget_reference, ==, 350000000);
  g_assert_cmpint (doc_2025->budget_planned, ==, unit_budget_sum (fixture, UNIT, "planned", "= 2025"));
  for (guint i = 0; i < doc_2025->budget_lines->len; i++)
    {
      GdnnReportBudgetLine *l = g_ptr_array_index (doc_2025->budget_lines, i);
      g_assert_true (l->has_reference);
      g_assert_cmpint (l->reference, >=, 150000000);
      g_assert_cmpint (l->planned, <, l->reference);
    }

  /* Another unit's report shows that unit's figures. */
  other = gdnn_report_doc_build_by_code (fixture->store, "BG-TC02", PLAN, 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other->budget_planned, ==, unit_budget_sum (fixture, "BG-TC02", "planned", "= 2025"));
  g_assert_cmpint (other->budget_planned, !=, doc_2025->budget_planned);
  g_assert_cmpint (other->budget_reference, ==, doc_2025->budget_reference);
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GdnnReportFields) f = gdnn_report_fields_new ();
  g_autoptr(GdnnReportFields) back = NULL;
  g_autoptr(GdnnReportDoc) before = build (fixture);
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 log_before = gdnn_test_count (fixture->store, "change_log");

  f->number = g_strdup ("12/BC-CĐKTCN");
  f->place = g_strdup ("Bắc Giang");
  f->report_date = g_strdup ("2026-11-25");
  f->signer_title = g_strdup ("Phó Hiệu trưởng");
  f->signer_name = g_strdup ("Nguyễn Văn Hải");
  f->recipients = g_strdup ("- Sở Lao động - Thương binh và Xã hội;\n- UBND tỉnh Bắc Giang (để b/c);\n\n- Lưu: VT, ĐT.");
  f->assessment = g_strdup ("Đánh giá của đơn vị.");
  f->difficulties = g_strdup ("Khó khăn của đơn vị.");
  f->proposals = g_strdup ("Đề xuất của đơn vị.");
  gdnn_report_fields_save (fixture->store, before->unit_id, before->plan_id, YEAR, f, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_test_count (fixture->store, "change_log"), ==, log_before + 1);

  back = gdnn_report_fields_load (fixture->store, before->unit_id, before->plan_id, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->number, ==, "12/BC-CĐKTCN");
  g_assert_cmpstr (back->proposals, ==, "Đề xuất của đơn vị.");

  doc = build (fixture);
  g_assert_cmpstr (doc->number, ==, "12/BC-CĐKTCN");
  g_assert_cmpstr (doc->place_date, ==, "Bắc Giang, ngày 25 tháng 11 năm 2026");
  g_assert_cmpstr (doc->signer_title, ==, "PHÓ HIỆU TRƯỞNG");
  g_assert_cmpstr (doc->signer_name, ==, "Nguyễn Văn Hải");
  g_assert_cmpuint (g_strv_length (doc->recipients), ==, 3);
  g_assert_cmpstr (doc->recipients[0], ==, "Sở Lao động - Thương binh và Xã hội");
  g_assert_cmpstr (doc->recipients[1], ==, "UBND tỉnh Bắc Giang (để b/c)");
  g_assert_cmpstr (doc->recipients[2], ==, "Lưu: VT, ĐT");
  g_assert_cmpstr (doc->assessment, ==, "Đánh giá của đơn vị.");
  g_assert_false (doc->assessment_generated);
  g_assert_false (doc->difficulties_generated);
  g_assert_false (doc->proposals_generated);
}

static void
test_finalise (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) doc = build (fixture);
  g_autoptr(GdnnReportDoc) again = NULL;
  g_autoptr(GdnnReportDoc) later = NULL;
  g_autoptr(GdnnReportDoc) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = gdnn_test_write_file (fixture, "report.pdf", "%PDF-1.5 test", -1);
  g_autofree char *sha = NULL;
  g_autofree char *stored = NULL;

  gdnn_report_finalise (fixture->store, doc, NULL, file, &error);
  g_assert_no_error (error);
  sha = gdnn_report_file_sha256 (file, &error);
  g_assert_no_error (error);
  stored = gdnn_test_query_text (fixture->store, "SELECT pdf_sha256 FROM report;");
  g_assert_cmpstr (stored, ==, sha);
  g_assert_cmpint (strlen (sha), ==, 64);

  again = build (fixture);
  g_assert_true (again->final);
  g_assert_false (again->draft);
  g_assert_false (again->out_of_date);
  /* The date was frozen when finalised, whatever day it is now. */
  later = build_on (fixture, 1, 12);
  g_assert_true (later->final);
  g_assert_cmpstr (later->place_date, ==, doc->place_date);

  set_value (fixture, "I.2.a.1", "59", "60", "'Đã bồi dưỡng thêm'");
  changed = build (fixture);
  g_assert_true (changed->out_of_date);
  g_assert_false (changed->final);
  g_assert_true (changed->draft);
  g_assert_cmpuint (gdnn_report_doc_count_warnings (changed, GDNN_REPORT_WARNING_OUT_OF_DATE), ==, 1);
}

static void
test_late (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) on_time = build_on (fixture, 30, 11);
  g_autoptr(GdnnReportDoc) late = build_on (fixture, 1, 12);

  g_assert_cmpuint (gdnn_report_doc_count_warnings (on_time, GDNN_REPORT_WARNING_REPORT_LATE), ==, 0);
  g_assert_cmpuint (gdnn_report_doc_count_warnings (late, GDNN_REPORT_WARNING_REPORT_LATE), ==, 1);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GdnnReportDoc *doc;

  doc = gdnn_report_doc_build_by_code (fixture->store, "NO-SUCH", PLAN, YEAR, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_clear_error (&error);
  doc = gdnn_report_doc_build_by_code (fixture->store, UNIT, "0/KH-XX", YEAR, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_clear_error (&error);
  doc = gdnn_report_doc_build_by_code (fixture->store, UNIT, PLAN, 2040, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND);
}

static void
test_snapshot_and_name (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GdnnReportDoc) a = build (fixture);
  g_autoptr(GdnnReportDoc) b = build (fixture);
  g_autofree char *sa = gdnn_report_doc_snapshot (a);
  g_autofree char *sb = gdnn_report_doc_snapshot (b);
  g_autofree char *name = gdnn_report_doc_default_basename (a);

  g_assert_cmpstr (sa, ==, sb);
  gdnn_test_assert_contains (sa, "I.2.a.1");
  g_assert_cmpstr (name, ==, "bao-cao_BG-CD01_401-KH-UBND_2026");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, demo_setup, func, fixture_teardown)
  ADD ("/report/doc/header", test_header);
  ADD ("/report/doc/indicators", test_indicators);
  ADD ("/report/doc/assessment", test_assessment);
  ADD ("/report/doc/printed-agrees", test_printed_agrees);
  ADD ("/report/doc/missing-note", test_missing_note);
  ADD ("/report/doc/tasks", test_tasks);
  ADD ("/report/doc/budget", test_budget);
  ADD ("/report/doc/fields", test_fields);
  ADD ("/report/doc/finalise", test_finalise);
  ADD ("/report/doc/late", test_late);
  ADD ("/report/doc/errors", test_errors);
  ADD ("/report/doc/snapshot", test_snapshot_and_name);
#undef ADD

  return g_test_run ();
}
