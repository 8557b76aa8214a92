/* test-summary-render.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The office's summary and the return letter, rendered from hand-built
 * review data (GdnnAggregate, GdnnSubmissionInfo, GdnnReviewProblem), so
 * that the writers are tested without the review module. The files are
 * read back by test-summary-files.sh, which runs /summary/write-files
 * with GDNN_SUMMARY_OUTPUT set. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gdnn-report-doc.h"
#include "gdnn-return-letter.h"
#include "gdnn-summary-doc.h"
#include "gdnn-summary-pdf.h"
#include "gdnn-summary-xlsx.h"

/* ---- Hand-built review data -------------------------------------------- */

static const char *const unit_names[] = {
  "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang",
  "Trường Cao đẳng Nghề Công nghệ Việt - Hàn Bắc Giang",
  "Trường Trung cấp Nghề Miền núi Yên Thế",
  "Trung tâm GDNN - GDTX huyện Lục Nam",
  "Trung tâm GDNN - GDTX huyện Sơn Động",
  "Trường Cao đẳng Ngô Gia Tự Bắc Giang",
  "Trường Trung cấp Văn hóa, Thể thao và Du lịch Bắc Giang",
};

static GdnnAggregateRow *
agg_row (const char  *code,
         const char  *name,
         const char  *group_code,
         const char  *group_title,
         GdnnMeasure  measure,
         const char  *unit_label,
         int          target_year,
         double       target)
{
  GdnnAggregateRow *r = g_new0 (GdnnAggregateRow, 1);

  r->code = g_strdup (code);
  r->name = g_strdup (name);
  r->group_code = g_strdup (group_code);
  r->group_title = g_strdup (group_title);
  r->measure = measure;
  r->unit_label = g_strdup (unit_label);
  r->has_target = target_year > 0;
  r->target_year = target_year;
  r->target_value = target;
  return r;
}

static void
agg_row_free (GdnnAggregateRow *r)
{
  g_free (r->code);
  g_free (r->name);
  g_free (r->group_code);
  g_free (r->group_title);
  g_free (r->unit_label);
  g_free (r);
}

static void
comparison_free (GdnnUnitComparison *u)
{
  g_free (u->unit_code);
  g_free (u->unit_name);
  g_ptr_array_unref (u->values);
  g_free (u);
}

static void
local_aggregate_free (GdnnAggregate *a)
{
  g_ptr_array_unref (a->rows);
  g_ptr_array_unref (a->units);
  g_free (a);
}

static void
value_free0 (gpointer v)
{
  if (v != NULL)
    gdnn_value_free (v);
}

/* Indicators: a1 ratio, a2 ratio, b1 count, c1 amount, d1 boolean; each
 * unit i gives a1 = (10 + i) / 20, a2 = i / (i + 5), b1 = 100 × (i + 1),
 * c1 = 1 500 000 đồng, d1 = i odd; unit 2 gives no a2 at all. Totals are
 * computed here, as the review module's contract says. */
static GdnnAggregate *
make_aggregate (guint n_units)
{
  GdnnAggregate *a = g_new0 (GdnnAggregate, 1);

  a->plan_id = 1;
  a->year = 2026;
  a->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) agg_row_free);
  a->units = g_ptr_array_new_with_free_func ((GDestroyNotify) comparison_free);
  g_ptr_array_add (a->rows, agg_row ("I.2.a.1", "Nhà giáo và cán bộ quản lý được đào tạo, bồi dưỡng nâng cao năng lực số",
                                     "a", "Phát triển năng lực số cho đội ngũ nhà giáo", GDNN_MEASURE_RATIO, "%", 2030, 100));
  g_ptr_array_add (a->rows, agg_row ("I.2.a.2", "Nhà giáo được đào tạo phát triển học liệu số",
                                     "a", "Phát triển năng lực số cho đội ngũ nhà giáo", GDNN_MEASURE_RATIO, "%", 2030, 100));
  g_ptr_array_add (a->rows, agg_row ("I.2.b.1", "Số học liệu số được xây dựng mới",
                                     "b", "Đổi mới chương trình đào tạo", GDNN_MEASURE_COUNT, "học liệu", 0, 0));
  g_ptr_array_add (a->rows, agg_row ("I.2.c.1", "Kinh phí đầu tư hạ tầng số",
                                     "c", "Hạ tầng, nền tảng và học liệu số", GDNN_MEASURE_AMOUNT, "đồng", 0, 0));
  g_ptr_array_add (a->rows, agg_row ("I.2.d.1", "Có phần mềm quản lý đào tạo kết nối nền tảng số GDNN quốc gia",
                                     "d", "Quản lý số và quản trị số", GDNN_MEASURE_BOOLEAN, "", 0, 0));

  for (guint i = 0; i < n_units; i++)
    {
      GdnnUnitComparison *u = g_new0 (GdnnUnitComparison, 1);

      u->unit_code = g_strdup_printf ("BG-%02u", i + 1);
      u->unit_name = g_strdup (unit_names[i % G_N_ELEMENTS (unit_names)]);
      u->submission_id = 100 + i;
      u->tasks_total = 12;
      u->tasks_done = (int) (i % 12);
      u->problems = (int) (i % 3);
      u->values = g_ptr_array_new_with_free_func (value_free0);
      for (guint k = 0; k < a->rows->len; k++)
        {
          GdnnAggregateRow *r = g_ptr_array_index (a->rows, k);
          GdnnValue *v;

          if (k == 1 && i == 2)
            {
              g_ptr_array_add (u->values, NULL);
              continue;
            }
          v = gdnn_value_new ();
          v->unit_id = i + 1;
          v->year = 2026;
          v->has_numerator = TRUE;
          switch (k)
            {
            case 0: v->numerator = 10 + i; v->has_denominator = TRUE; v->denominator = 20; break;
            case 1: v->numerator = i; v->has_denominator = TRUE; v->denominator = i + 5; break;
            case 2: v->numerator = 100.0 * (i + 1); break;
            case 3: v->numerator = 1500000; break;
            default: v->numerator = i % 2; break;
            }
          r->units_reporting++;
          r->numerator += v->numerator;
          r->denominator += v->has_denominator ? v->denominator : 0;
          g_ptr_array_add (u->values, v);
        }
      g_ptr_array_add (a->units, u);
    }
  for (guint k = 0; k < a->rows->len; k++)
    {
      GdnnAggregateRow *r = g_ptr_array_index (a->rows, k);

      r->has_value = r->units_reporting > 0 && (r->measure != GDNN_MEASURE_RATIO || r->denominator > 0);
      r->value = r->measure == GDNN_MEASURE_RATIO ? (r->denominator > 0 ? r->numerator / r->denominator * 100 : 0)
                                                  : r->numerator;
    }
  return a;
}

static GdnnUnit *
make_office (void)
{
  GdnnUnit *o = gdnn_unit_new ();

  o->code = g_strdup ("SLDTBXH-BG");
  o->name = g_strdup ("Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang");
  o->governing_body = g_strdup ("Ủy ban nhân dân tỉnh Bắc Giang");
  o->type = GDNN_UNIT_TYPE_CO_QUAN;
  o->head_title = g_strdup ("Giám đốc");
  o->head_name = g_strdup ("Nguyễn Văn Thành");
  return o;
}

static GdnnPlan *
make_plan (void)
{
  GdnnPlan *p = gdnn_plan_new ();

  p->number = g_strdup ("401/KH-UBND");
  p->kind = g_strdup ("KH");
  p->title = g_strdup ("Thực hiện Chương trình chuyển đổi số trong giáo dục nghề nghiệp");
  p->issuer = g_strdup ("Ủy ban nhân dân tỉnh Bắc Giang");
  p->place = g_strdup ("Bắc Giang");
  p->first_year = 2022;
  p->last_year = 2030;
  return p;
}

static GdnnSubmissionStatus *
make_status (const char   *name,
             GdnnDelivery  delivery)
{
  GdnnSubmissionStatus *s = g_new0 (GdnnSubmissionStatus, 1);

  s->unit_name = g_strdup (name);
  s->delivery = delivery;
  return s;
}

static void
status_free (GdnnSubmissionStatus *s)
{
  g_free (s->unit_name);
  g_free (s);
}

static GdnnSummaryDoc *
make_doc (guint n_units)
{
  g_autoptr(GdnnUnit) office = make_office ();
  g_autoptr(GdnnPlan) plan = make_plan ();
  GdnnAggregate *a = make_aggregate (n_units);
  g_autoptr(GPtrArray) status = g_ptr_array_new_with_free_func ((GDestroyNotify) status_free);
  GdnnSummaryDoc *doc;
  GDate date;

  for (guint i = 0; i < n_units; i++)
    {
      GdnnUnitComparison *u = g_ptr_array_index (a->units, i);
      g_ptr_array_add (status, make_status (u->unit_name, i == 1 ? GDNN_DELIVERY_LATE : GDNN_DELIVERY_ON_TIME));
    }
  g_ptr_array_add (status, make_status ("Trung tâm GDNN - GDTX huyện Lục Ngạn", GDNN_DELIVERY_MISSING));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2027);
  doc = gdnn_summary_doc_new (office, plan, a, status, &date);
  local_aggregate_free (a);
  return doc;
}

static GdnnReviewProblem *
make_problem (GdnnProblemKind  kind,
              const char      *ref,
              const char      *message)
{
  GdnnReviewProblem *p = g_new0 (GdnnReviewProblem, 1);

  p->kind = kind;
  p->ref = g_strdup (ref);
  p->message = g_strdup (message);
  return p;
}

static void
problem_free (GdnnReviewProblem *p)
{
  g_free (p->ref);
  g_free (p->message);
  g_free (p);
}

static GPtrArray *
make_problems (void)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  g_ptr_array_add (problems, make_problem (GDNN_PROBLEM_RATIO_OVER_100, "I.2.a.1",
                                           "Chỉ tiêu I.2.a.1: tử số (52) lớn hơn mẫu số (48)."));
  g_ptr_array_add (problems, make_problem (GDNN_PROBLEM_EDITED_CELL, "'Chỉ tiêu'!G7",
                                           "Ô 'Chỉ tiêu'!G7 (I.2.a.2 – tử số) đã bị sửa trực tiếp: tệp ghi 45, bảng hiển thị 48."));
  g_ptr_array_add (problems, make_problem (GDNN_PROBLEM_BEHIND_NO_NOTE, "I.2.d.3",
                                           "Chỉ tiêu I.2.d.3 chưa đạt lộ trình nhưng chưa có giải trình."));
  return problems;
}

static GdnnSubmissionInfo *
make_info (void)
{
  GdnnSubmissionInfo *info = g_new0 (GdnnSubmissionInfo, 1);

  info->unit_code = g_strdup ("BG-CD01");
  info->unit_name = g_strdup ("Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang");
  info->plan_number = g_strdup ("401/KH-UBND");
  info->year = 2026;
  info->period = g_strdup ("year");
  info->file_name = g_strdup ("BC-401-2026-BG-CD01.xlsx");
  info->received_at = g_strdup ("2026-11-28T09:15:00");
  info->report_date = g_strdup ("2026-11-25");
  info->report_number = g_strdup ("125/BC-CĐKTCN");
  info->state = GDNN_SUBMISSION_RETURNED;
  info->note = g_strdup ("Đề nghị bổ sung minh chứng cho chỉ tiêu I.2.a.1.");
  info->problems = 3;
  return info;
}

static void
local_info_free (GdnnSubmissionInfo *info)
{
  g_free (info->unit_code);
  g_free (info->unit_name);
  g_free (info->plan_number);
  g_free (info->period);
  g_free (info->file_name);
  g_free (info->received_at);
  g_free (info->report_date);
  g_free (info->report_number);
  g_free (info->note);
  g_free (info);
}

static GdnnReturnLetter *
make_letter (void)
{
  g_autoptr(GdnnUnit) office = make_office ();
  g_autoptr(GPtrArray) problems = make_problems ();
  GdnnSubmissionInfo *info = make_info ();
  GdnnReturnLetter *letter;
  GDate date, by;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, 12, 2026);
  g_date_clear (&by, 1);
  g_date_set_dmy (&by, 10, 12, 2026);
  letter = gdnn_return_letter_new (office, info, problems, "Bắc Giang", &date, &by);
  local_info_free (info);
  return letter;
}

/* ---- Tests ---------------------------------------------------------------- */

static void
test_model (void)
{
  g_autoptr(GdnnSummaryDoc) doc = make_doc (4);
  const GdnnSummaryIndicator *a1, *a2, *b1;
  const GdnnSummaryUnit *u2;

  g_assert_cmpstr (doc->issuing_body, ==, "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BẮC GIANG");
  g_assert_cmpstr (doc->governing_body, ==, "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG");
  g_assert_cmpstr (doc->national_title, ==, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  g_assert_cmpstr (doc->motto, ==, "Độc lập - Tự do - Hạnh phúc");
  g_assert_cmpstr (doc->place_date, ==, "Bắc Giang, ngày 05 tháng 01 năm 2027");
  g_assert_cmpstr (doc->subject, ==, "Tổng hợp kết quả thực hiện Kế hoạch số 401/KH-UBND năm 2026");
  g_assert_true (g_str_has_suffix (doc->number, "/BC-SLDTBXH-BG"));
  g_assert_cmpstr (doc->signer_title, ==, "GIÁM ĐỐC");
  g_assert_cmpstr (doc->recipients[0], ==, "Ủy ban nhân dân tỉnh Bắc Giang");
  g_assert_cmpstr (doc->recipients[g_strv_length (doc->recipients) - 1], ==, "Lưu: VT");

  /* I: four submitted (one late), one missing. */
  g_assert_cmpint (doc->units_expected, ==, 5);
  g_assert_cmpint (doc->units_submitted, ==, 4);
  g_assert_cmpint (doc->units_late, ==, 1);
  g_assert_cmpint (doc->units_missing, ==, 1);
  g_assert_cmpstr (doc->missing_units[0], ==, "Trung tâm GDNN - GDTX huyện Lục Ngạn");
  g_assert_nonnull (strstr (doc->receipt_text, "chưa gửi báo cáo: 1 đơn vị"));
  g_assert_nonnull (strstr (doc->receipt_text, unit_names[1]));

  /* II: the totals as the aggregate gave them. */
  g_assert_cmpuint (doc->indicators->len, ==, 5);
  a1 = g_ptr_array_index (doc->indicators, 0);
  a2 = g_ptr_array_index (doc->indicators, 1);
  b1 = g_ptr_array_index (doc->indicators, 2);
  g_assert_cmpuint (a1->number, ==, 1);
  g_assert_cmpint (a1->units_reporting, ==, 4);
  g_assert_cmpfloat (a1->numerator, ==, 10 + 11 + 12 + 13);
  g_assert_cmpfloat (a1->denominator, ==, 80);
  g_assert_cmpfloat_with_epsilon (a1->value, 46.0 / 80 * 100, 1e-9);
  g_assert_cmpint (a2->units_reporting, ==, 3);
  g_assert_cmpfloat (b1->value, ==, 1000);

  /* III and the annex: units aligned with the indicators; no a2 for unit 3. */
  g_assert_cmpuint (doc->units->len, ==, 4);
  u2 = g_ptr_array_index (doc->units, 2);
  g_assert_cmpstr (u2->unit_name, ==, unit_names[2]);
  g_assert_cmpuint (u2->cells->len, ==, 5);
  g_assert_true (g_array_index (u2->cells, GdnnSummaryCell, 0).has_value);
  g_assert_cmpfloat_with_epsilon (g_array_index (u2->cells, GdnnSummaryCell, 0).value, 60.0, 1e-9);
  g_assert_false (g_array_index (u2->cells, GdnnSummaryCell, 1).has_value);
  g_assert_cmpint (doc->tasks_total, ==, 48);
  g_assert_cmpint (doc->tasks_done, ==, 0 + 1 + 2 + 3);
  g_assert_nonnull (strstr (doc->annex_note, "ngày 05/01/2027"));
}

static void
test_csv (void)
{
  g_autoptr(GdnnSummaryDoc) doc = make_doc (4);
  g_autofree char *csv = gdnn_summary_doc_to_csv (doc);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) a1 = NULL;
  double value;

  g_assert_cmpstr (lines[0], ==, "indicator_code,units_reporting,numerator,denominator,value");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1);   /* header, rows, the empty tail */
  a1 = g_strsplit (lines[1], ",", -1);
  g_assert_cmpstr (a1[0], ==, "I.2.a.1");
  g_assert_cmpstr (a1[1], ==, "4");
  g_assert_cmpstr (a1[2], ==, "46");
  g_assert_cmpstr (a1[3], ==, "80");
  value = g_ascii_strtod (a1[4], NULL);
  g_assert_cmpfloat_with_epsilon (value, 57.5, 1e-9);
  g_assert_cmpstr (a1[4], ==, "57.5");
  /* A count: the sum, no denominator. */
  g_assert_cmpstr (lines[3], ==, "I.2.b.1,4,1000,,1000");
  g_assert_cmpstr (lines[4], ==, "I.2.c.1,4,6000000,,6000000");
}

static void
test_pdf_pages (void)
{
  g_autoptr(GdnnSummaryDoc) doc = make_doc (7);
  g_autoptr(GdnnPdfLayout) layout = gdnn_summary_pdf_layout (doc);
  guint n = gdnn_pdf_layout_get_n_pages (layout);
  double w, h;
  gboolean seen_landscape = FALSE;

  g_assert_cmpuint (n, >=, 2);
  /* The body is portrait A4, the annex (last) landscape A4. */
  gdnn_pdf_layout_get_page_size (layout, 0, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.2756, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.8898, 0.01);
  gdnn_pdf_layout_get_page_size (layout, n - 1, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.8898, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.2756, 0.01);
  for (guint i = 0; i < n; i++)
    {
      gdnn_pdf_layout_get_page_size (layout, i, &w, &h);
      /* Once landscape, landscape to the end. */
      if (w > h)
        seen_landscape = TRUE;
      else
        g_assert_false (seen_landscape);
    }
}

static void
test_no_units (void)
{
  g_autoptr(GdnnUnit) office = make_office ();
  g_autoptr(GdnnPlan) plan = make_plan ();
  GdnnAggregate *a = make_aggregate (0);
  g_autoptr(GdnnSummaryDoc) doc = gdnn_summary_doc_new (office, plan, a, NULL, NULL);
  g_autoptr(GdnnPdfLayout) layout = gdnn_summary_pdf_layout (doc);
  g_autofree char *csv = gdnn_summary_doc_to_csv (doc);

  local_aggregate_free (a);
  g_assert_cmpint (doc->units_submitted, ==, 0);
  g_assert_true (g_date_valid (&doc->date));
  g_assert_cmpuint (gdnn_pdf_layout_get_n_pages (layout), >=, 2);
  /* No value: empty fields, not zeros. */
  g_assert_nonnull (strstr (csv, "\nI.2.a.1,0,,,\n"));
}

static void
test_letter_model (void)
{
  g_autoptr(GdnnReturnLetter) letter = make_letter ();

  g_assert_cmpstr (letter->subject_line, ==, "V/v trả lại báo cáo kết quả thực hiện Kế hoạch số 401/KH-UBND năm 2026");
  g_assert_cmpstr (letter->addressee, ==, "Kính gửi: Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang.");
  g_assert_cmpstr (letter->place_date, ==, "Bắc Giang, ngày 02 tháng 12 năm 2026");
  g_assert_cmpuint (g_strv_length (letter->problems), ==, 3);
  /* The list adds its own punctuation. */
  g_assert_cmpstr (letter->problems[0], ==, "Chỉ tiêu I.2.a.1: tử số (52) lớn hơn mẫu số (48)");
  g_assert_nonnull (strstr (letter->opening, "Báo cáo số 125/BC-CĐKTCN ngày 25/11/2026"));
  g_assert_nonnull (strstr (letter->opening, "nhận ngày 28/11/2026"));
  g_assert_nonnull (strstr (letter->request, "trước ngày 10/12/2026"));
  g_assert_cmpstr (letter->recipients[0], ==, "Như trên");
}

static void
test_write_errors (void)
{
  g_autoptr(GdnnSummaryDoc) doc = make_doc (2);
  g_autoptr(GdnnReturnLetter) letter = make_letter ();
  g_autoptr(GError) error = NULL;
  const char *bad = "/nonexistent-dir/x/summary";

  g_assert_false (gdnn_summary_pdf_write (doc, bad, &error));
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (gdnn_summary_xlsx_write (doc, bad, &error));
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (gdnn_summary_csv_write (doc, bad, &error));
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (gdnn_return_letter_write_pdf (letter, bad, &error));
  g_assert_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE);
}

/* Writes summary.pdf, summary.xlsx, summary.csv and return-letter.pdf
 * into $GDNN_SUMMARY_OUTPUT (a temporary directory without it). */
static void
test_write_files (void)
{
  g_autoptr(GdnnSummaryDoc) doc = make_doc (7);
  g_autoptr(GdnnReturnLetter) letter = make_letter ();
  g_autoptr(GError) error = NULL;
  const char *env = g_getenv ("GDNN_SUMMARY_OUTPUT");
  g_autofree char *dir = env != NULL ? g_strdup (env) : g_dir_make_tmp ("gdnn-summary-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "summary.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "summary.csv", NULL);
  g_autofree char *letter_pdf = g_build_filename (dir, "return-letter.pdf", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdnn_summary_pdf_write (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (gdnn_summary_xlsx_write (doc, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (gdnn_summary_csv_write (doc, csv, &error));
  g_assert_no_error (error);
  g_assert_true (gdnn_return_letter_write_pdf (letter, letter_pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (letter_pdf, G_FILE_TEST_IS_REGULAR));
  if (env == NULL)
    {
      g_unlink (pdf);
      g_unlink (xlsx);
      g_unlink (csv);
      g_unlink (letter_pdf);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/model", test_model);
  g_test_add_func ("/summary/csv", test_csv);
  g_test_add_func ("/summary/pdf-pages", test_pdf_pages);
  g_test_add_func ("/summary/no-units", test_no_units);
  g_test_add_func ("/summary/letter-model", test_letter_model);
  g_test_add_func ("/summary/write-errors", test_write_errors);
  g_test_add_func ("/summary/write-files", test_write_files);
  return g_test_run ();
}
