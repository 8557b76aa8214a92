/* gdnn-summary-doc.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-summary-doc"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gdnn-csv.h"
#include "gdnn-report-doc.h"
#include "gdnn-summary-doc.h"
#include "gdnn-text.h"

/* The office's summary: a copy of the aggregate's totals and units plus
 * the text of the document, so that the writers need nothing else. */

#define NATIONAL_TITLE "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO          "Độc lập - Tự do - Hạnh phúc"
#define ARCHIVE_LINE   "Lưu: VT"

static const char *const section_titles[3] = {
  "TÌNH HÌNH TIẾP NHẬN BÁO CÁO",
  "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
  "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
};

static void
indicator_free (GdnnSummaryIndicator *r)
{
  g_free (r->code);
  g_free (r->name);
  g_free (r->group_code);
  g_free (r->group_title);
  g_free (r->unit_label);
  g_free (r);
}

static void
unit_free (GdnnSummaryUnit *u)
{
  g_free (u->unit_code);
  g_free (u->unit_name);
  g_array_unref (u->cells);
  g_free (u);
}

void
gdnn_summary_doc_free (GdnnSummaryDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->plan_number);
  g_free (doc->plan_title);
  g_free (doc->office_code);
  g_free (doc->office_name);
  g_free (doc->governing_body);
  g_free (doc->issuing_body);
  g_free (doc->national_title);
  g_free (doc->motto);
  g_free (doc->number);
  g_free (doc->place);
  g_free (doc->place_date);
  g_free (doc->doc_type);
  g_free (doc->subject);
  g_free (doc->intro);
  for (guint i = 0; i < G_N_ELEMENTS (doc->section_titles); i++)
    g_free (doc->section_titles[i]);
  g_strfreev (doc->late_units);
  g_strfreev (doc->missing_units);
  g_free (doc->receipt_text);
  g_clear_pointer (&doc->indicators, g_ptr_array_unref);
  g_clear_pointer (&doc->units, g_ptr_array_unref);
  g_free (doc->annex_label);
  g_free (doc->annex_title);
  g_free (doc->annex_note);
  g_free (doc->closing);
  g_strfreev (doc->recipients);
  g_free (doc->signer_title);
  g_free (doc->signer_name);
  g_free (doc);
}

static char *
upper (const char *text)
{
  g_autofree char *up = g_utf8_strup (text != NULL ? text : "", -1);
  return g_utf8_normalize (up, -1, G_NORMALIZE_NFC);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

char *
gdnn_summary_format_value (GdnnMeasure measure,
                           double      value)
{
  if (measure == GDNN_MEASURE_RATIO)
    return gdnn_format_percent (value, 1);
  if (measure == GDNN_MEASURE_BOOLEAN)
    return g_strdup (value >= 0.5 ? "Có" : "Không");
  return gdnn_format_number (value, value == floor (value) ? 0 : 2);
}

static const char *
plan_kind_name (const char *kind)
{
  if (g_strcmp0 (kind, "QĐ") == 0)
    return "Quyết định";
  if (g_strcmp0 (kind, "CTr") == 0)
    return "Chương trình";
  if (g_strcmp0 (kind, "CT") == 0)
    return "Chỉ thị";
  return "Kế hoạch";
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "; " : "", (const char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_receipt (GdnnSummaryDoc      *doc,
               const GdnnAggregate *aggregate,
               GPtrArray           *status)
{
  g_autoptr(GPtrArray) late = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  if (status != NULL)
    {
      for (guint i = 0; i < status->len; i++)
        {
          const GdnnSubmissionStatus *s = g_ptr_array_index (status, i);

          doc->units_expected++;
          switch (s->delivery)
            {
            case GDNN_DELIVERY_ON_TIME:
              doc->units_on_time++;
              break;
            case GDNN_DELIVERY_LATE:
              doc->units_late++;
              g_ptr_array_add (late, s->unit_name);
              break;
            case GDNN_DELIVERY_MISSING:
            default:
              doc->units_missing++;
              g_ptr_array_add (missing, s->unit_name);
              break;
            }
        }
      doc->units_submitted = doc->units_on_time + doc->units_late;
    }
  else
    {
      doc->units_expected = doc->units_submitted = doc->units_on_time = aggregate->units->len;
    }
  g_ptr_array_add (late, NULL);
  g_ptr_array_add (missing, NULL);
  doc->late_units = g_strdupv ((GStrv) late->pdata);
  doc->missing_units = g_strdupv ((GStrv) missing->pdata);
  g_ptr_array_set_size (late, late->len - 1);
  g_ptr_array_set_size (missing, missing->len - 1);

  g_string_append_printf (text, "Tổng số đơn vị phải báo cáo: %d đơn vị; đã gửi báo cáo: %d đơn vị "
                          "(đúng hạn: %d, quá hạn: %d); chưa gửi báo cáo: %d đơn vị.",
                          doc->units_expected, doc->units_submitted, doc->units_on_time,
                          doc->units_late, doc->units_missing);
  if (late->len > 0)
    {
      g_autofree char *names = join_names (late);
      g_string_append_printf (text, "\nCác đơn vị gửi báo cáo quá hạn: %s.", names);
    }
  if (missing->len > 0)
    {
      g_autofree char *names = join_names (missing);
      g_string_append_printf (text, "\nCác đơn vị chưa gửi báo cáo: %s.", names);
    }
  doc->receipt_text = g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_aggregate (GdnnSummaryDoc      *doc,
                const GdnnAggregate *aggregate)
{
  doc->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  doc->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);

  for (guint i = 0; i < aggregate->rows->len; i++)
    {
      const GdnnAggregateRow *row = g_ptr_array_index (aggregate->rows, i);
      GdnnSummaryIndicator *r = g_new0 (GdnnSummaryIndicator, 1);

      r->number = i + 1;
      r->code = g_strdup (row->code);
      r->name = g_strdup (row->name);
      r->group_code = g_strdup (row->group_code);
      r->group_title = g_strdup (row->group_title);
      r->measure = row->measure;
      r->unit_label = g_strdup (row->unit_label);
      r->units_reporting = row->units_reporting;
      r->has_value = row->has_value;
      r->numerator = row->numerator;
      r->denominator = row->denominator;
      r->value = row->value;
      r->has_target = row->has_target;
      r->target_year = row->target_year;
      r->target_value = row->target_value;
      g_ptr_array_add (doc->indicators, r);
    }

  for (guint i = 0; i < aggregate->units->len; i++)
    {
      const GdnnUnitComparison *c = g_ptr_array_index (aggregate->units, i);
      GdnnSummaryUnit *u = g_new0 (GdnnSummaryUnit, 1);

      u->unit_code = g_strdup (c->unit_code);
      u->unit_name = g_strdup (c->unit_name);
      u->tasks_total = c->tasks_total;
      u->tasks_done = c->tasks_done;
      u->problems = c->problems;
      u->cells = g_array_sized_new (FALSE, TRUE, sizeof (GdnnSummaryCell), doc->indicators->len);
      for (guint k = 0; k < doc->indicators->len; k++)
        {
          const GdnnSummaryIndicator *r = g_ptr_array_index (doc->indicators, k);
          const GdnnValue *v = c->values != NULL && k < c->values->len ? g_ptr_array_index (c->values, k) : NULL;
          GdnnSummaryCell cell = { 0 };

          if (v != NULL && v->has_numerator)
            {
              cell.has_numerator = TRUE;
              cell.numerator = v->numerator;
              cell.has_denominator = v->has_denominator;
              cell.denominator = v->denominator;
              if (r->measure != GDNN_MEASURE_RATIO)
                {
                  cell.has_value = TRUE;
                  cell.value = v->numerator;
                }
              else if (v->has_denominator && v->denominator > 0)
                {
                  cell.has_value = TRUE;
                  cell.value = v->numerator / v->denominator * 100.0;
                }
            }
          g_array_append_val (u->cells, cell);
        }
      doc->tasks_total += u->tasks_total;
      doc->tasks_done += u->tasks_done;
      g_ptr_array_add (doc->units, u);
    }
}

GdnnSummaryDoc *
gdnn_summary_doc_new (const GdnnUnit      *office,
                      const GdnnPlan      *plan,
                      const GdnnAggregate *aggregate,
                      GPtrArray           *status,
                      const GDate         *date)
{
  GdnnSummaryDoc *doc;
  g_autofree char *plan_ref = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GStrvBuilder) recipients = g_strv_builder_new ();
  const char *office_name;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (aggregate != NULL, NULL);

  doc = g_new0 (GdnnSummaryDoc, 1);
  office_name = office != NULL && !is_empty (office->name) ? office->name : "Cơ quan tổng hợp";
  doc->plan_number = g_strdup (plan->number);
  doc->plan_title = g_strdup (plan->title);
  doc->year = aggregate->year;
  doc->office_code = g_strdup (office != NULL ? office->code : NULL);
  doc->office_name = g_strdup (office_name);

  if (office != NULL && !is_empty (office->governing_body))
    doc->governing_body = upper (office->governing_body);
  doc->issuing_body = upper (office_name);
  doc->national_title = g_strdup (NATIONAL_TITLE);
  doc->motto = g_strdup (MOTTO);
  doc->number = g_strdup_printf ("      /BC-%s", office != NULL && office->code != NULL ? office->code : "");
  doc->place = g_strdup (plan->place != NULL ? plan->place : "");
  g_date_clear (&doc->date, 1);
  if (date != NULL && g_date_valid (date))
    doc->date = *date;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (&doc->date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  doc->place_date = gdnn_format_date_official (doc->place, &doc->date);

  plan_ref = g_strdup_printf ("%s số %s", plan_kind_name (plan->kind), plan->number);
  doc->doc_type = g_strdup ("BÁO CÁO");
  doc->subject = g_strdup_printf ("Tổng hợp kết quả thực hiện %s năm %d", plan_ref, doc->year);
  doc->intro = g_strdup_printf ("Thực hiện %s%s%s, trên cơ sở báo cáo của các đơn vị, %s tổng hợp kết quả "
                                "thực hiện năm %d như sau:", plan_ref,
                                is_empty (plan->issuer) ? "" : " của ", is_empty (plan->issuer) ? "" : plan->issuer,
                                office_name, doc->year);
  for (guint i = 0; i < G_N_ELEMENTS (doc->section_titles); i++)
    doc->section_titles[i] = g_strdup (section_titles[i]);

  build_receipt (doc, aggregate, status);
  copy_aggregate (doc, aggregate);

  when = gdnn_format_date (&doc->date);
  doc->annex_label = g_strdup ("Phụ lục");
  doc->annex_title = g_strdup ("SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ");
  {
    g_autofree char *number = g_strstrip (g_strdup (doc->number));
    doc->annex_note = g_strdup_printf ("(Kèm theo Báo cáo số %s ngày %s của %s)", number, when, office_name);
  }
  doc->closing = g_strdup_printf ("Trên đây là báo cáo tổng hợp kết quả thực hiện %s năm %d của %s./.",
                                  plan_ref, doc->year, office_name);

  /* The summary goes to whoever issued the plan. */
  if (!is_empty (plan->issuer) && (office == NULL || g_strcmp0 (plan->issuer, office->name) != 0))
    g_strv_builder_add (recipients, plan->issuer);
  if (!is_empty (plan->recipient) && g_strcmp0 (plan->recipient, office_name) != 0 &&
      g_strcmp0 (plan->recipient, plan->issuer) != 0)
    g_strv_builder_add (recipients, plan->recipient);
  g_strv_builder_add (recipients, ARCHIVE_LINE);
  doc->recipients = g_strv_builder_end (recipients);
  doc->signer_title = office != NULL && !is_empty (office->head_title) ? upper (office->head_title)
                                                                       : g_strdup ("THỦ TRƯỞNG CƠ QUAN");
  doc->signer_name = g_strdup (office != NULL ? office->head_name : NULL);
  return doc;
}

/* ---- CSV (DESIGN §5) --------------------------------------------------- */

static char *
csv_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* '.' as decimal point whatever the locale; whole numbers without ".0". */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

char *
gdnn_summary_doc_to_csv (const GdnnSummaryDoc *doc)
{
  GString *out = g_string_new (NULL);
  static const char *const header[] = {
    "indicator_code", "units_reporting", "numerator", "denominator", "value", NULL,
  };

  g_return_val_if_fail (doc != NULL, NULL);

  gdnn_csv_append_row (out, header);
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnSummaryIndicator *r = g_ptr_array_index (doc->indicators, i);
      gboolean ratio = r->measure == GDNN_MEASURE_RATIO;
      gboolean any = r->units_reporting > 0;
      g_autofree char *units = g_strdup_printf ("%d", r->units_reporting);
      g_autofree char *num = any ? csv_number (r->numerator) : g_strdup ("");
      g_autofree char *den = any && ratio ? csv_number (r->denominator) : g_strdup ("");
      g_autofree char *value = r->has_value ? csv_number (r->value) : g_strdup ("");
      const char *fields[] = { r->code, units, num, den, value, NULL };

      gdnn_csv_append_row (out, fields);
    }
  return g_string_free (out, FALSE);
}

gboolean
gdnn_summary_csv_write (const GdnnSummaryDoc  *doc,
                        const char            *path,
                        GError               **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = gdnn_summary_doc_to_csv (doc);
  if (!g_file_set_contents (path, csv, -1, &local))
    {
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE,
                   /* Translators: %s is a file name, then the system's reason. */
                   _("Cannot write the CSV file “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
