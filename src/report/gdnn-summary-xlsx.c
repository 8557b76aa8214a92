/* gdnn-summary-xlsx.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-summary-xlsx"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include <xlsxwriter.h>

#include "gdnn-xlsx-cells.h"

#include "gdnn-report-doc.h"
#include "gdnn-summary-xlsx.h"

/* The office's summary as a workbook: "Tổng hợp" holds the document
 * (header block, I. receipt, II. office totals with a native chart,
 * III. tasks per unit, Nơi nhận, signer), "Phụ lục" the annex (one row
 * per indicator, one column per unit, as in the PDF). Numbers are
 * numbers; ratios are stored as fractions with a percent format. Every
 * lxw_error is kept: the first one stops the writing and is reported. */

#define FONT          "Times New Roman"
#define MARGIN_LEFT   (30.0 / 25.4)
#define MARGIN_RIGHT  (15.0 / 25.4)
#define MARGIN_TOP    (20.0 / 25.4)
#define MARGIN_BOTTOM (20.0 / 25.4)
#define PAPER_A4      9

typedef struct
{
  lxw_workbook         *wb;
  GdnnXlsxStatus st;
  const GdnnSummaryDoc *doc;
  lxw_format *gov, *org, *nat, *motto, *plain, *italic, *type, *subject, *body, *section;
  lxw_format *recv_label, *recv, *sign;
  lxw_format *head, *group, *cell, *center, *integer, *decimal, *pct, *yesno, *total, *total_int;
} Writer;








static lxw_format *
fmt_new (Writer  *w,
         double   size,
         gboolean bold,
         gboolean italic,
         gboolean centre,
         gboolean box)
{
  lxw_format *f = workbook_add_format (w->wb);

  format_set_font_name (f, FONT);
  format_set_font_size (f, size);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f);
  if (bold)
    format_set_bold (f);
  if (italic)
    format_set_italic (f);
  if (centre)
    format_set_align (f, LXW_ALIGN_CENTER);
  if (box)
    format_set_border (f, LXW_BORDER_THIN);
  return f;
}

static void
make_formats (Writer *w)
{
  w->gov = fmt_new (w, 12, FALSE, FALSE, TRUE, FALSE);
  w->org = fmt_new (w, 12, TRUE, FALSE, TRUE, FALSE);
  w->nat = fmt_new (w, 12, TRUE, FALSE, TRUE, FALSE);
  w->motto = fmt_new (w, 13, TRUE, FALSE, TRUE, FALSE);
  format_set_underline (w->motto, LXW_UNDERLINE_SINGLE);
  w->plain = fmt_new (w, 13, FALSE, FALSE, TRUE, FALSE);
  w->italic = fmt_new (w, 13, FALSE, TRUE, TRUE, FALSE);
  w->type = fmt_new (w, 14, TRUE, FALSE, TRUE, FALSE);
  w->subject = fmt_new (w, 14, TRUE, FALSE, TRUE, FALSE);
  w->body = fmt_new (w, 13, FALSE, FALSE, FALSE, FALSE);
  format_set_align (w->body, LXW_ALIGN_JUSTIFY);
  w->section = fmt_new (w, 13, TRUE, FALSE, FALSE, FALSE);
  w->recv_label = fmt_new (w, 12, TRUE, TRUE, FALSE, FALSE);
  w->recv = fmt_new (w, 11, FALSE, FALSE, FALSE, FALSE);
  w->sign = fmt_new (w, 13, TRUE, FALSE, TRUE, FALSE);
  w->head = fmt_new (w, 12, TRUE, FALSE, TRUE, TRUE);
  format_set_bg_color (w->head, 0xF2F2F2);
  w->group = fmt_new (w, 12, TRUE, FALSE, FALSE, TRUE);
  w->cell = fmt_new (w, 12, FALSE, FALSE, FALSE, TRUE);
  w->center = fmt_new (w, 12, FALSE, FALSE, TRUE, TRUE);
  /* Excel shows the separators of the reader's locale: a Vietnamese
   * locale prints "1.250" and "47,5%". */
  w->integer = fmt_new (w, 12, FALSE, FALSE, FALSE, TRUE);
  format_set_num_format (w->integer, "#,##0");
  w->decimal = fmt_new (w, 12, FALSE, FALSE, FALSE, TRUE);
  format_set_num_format (w->decimal, "#,##0.##");
  w->pct = fmt_new (w, 12, FALSE, FALSE, FALSE, TRUE);
  format_set_num_format (w->pct, "0.0%");
  w->yesno = fmt_new (w, 12, FALSE, FALSE, TRUE, TRUE);
  format_set_num_format (w->yesno, "\"Có\";;\"Không\"");
  w->total = fmt_new (w, 12, TRUE, FALSE, TRUE, TRUE);
  w->total_int = fmt_new (w, 12, TRUE, FALSE, FALSE, TRUE);
  format_set_num_format (w->total_int, "#,##0");
}

static void
page_setup (Writer        *w,
            lxw_worksheet *ws,
            gboolean       landscape)
{
  if (w->st.err != LXW_NO_ERROR)
    return;
  worksheet_set_paper (ws, PAPER_A4);
  if (landscape)
    worksheet_set_landscape (ws);
  else
    worksheet_set_portrait (ws);
  worksheet_set_margins (ws, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM);
  worksheet_center_horizontally (ws);
  /* Page numbers centred in the top margin (Nghị định 30/2020). */
  gdnn_xlsx_check (&w->st, worksheet_set_header (ws, "&C&\"Times New Roman\"&13&P"), "page header");
}

/* A value of @measure as the cell stores it: ratios as fractions. */
static void
put_value (Writer        *w,
           lxw_worksheet *ws,
           lxw_row_t      row,
           lxw_col_t      col,
           GdnnMeasure    measure,
           gboolean       has,
           double         value)
{
  if (!has)
    gdnn_xlsx_put_str (&w->st, ws, row, col, NULL, w->center);
  else if (measure == GDNN_MEASURE_RATIO)
    gdnn_xlsx_put_num (&w->st, ws, row, col, value / 100.0, w->pct);
  else if (measure == GDNN_MEASURE_BOOLEAN)
    gdnn_xlsx_put_num (&w->st, ws, row, col, value >= 0.5 ? 1 : 0, w->yesno);
  else
    gdnn_xlsx_put_num (&w->st, ws, row, col, value, value == floor (value) ? w->integer : w->decimal);
}

static char *
group_heading (const GdnnSummaryIndicator *r)
{
  if (r->group_code == NULL)
    return g_strdup (r->group_title != NULL ? r->group_title : "");
  if (g_utf8_strlen (r->group_code, -1) == 1 && g_unichar_islower (g_utf8_get_char (r->group_code)))
    return g_strdup_printf ("%s) %s", r->group_code, r->group_title);
  return g_strdup_printf ("%s. %s", r->group_code, r->group_title);
}

/* ---- Tổng hợp ----------------------------------------------------------- */

/* Columns: A STT 6 | B Chỉ tiêu 40 | C ĐVT 8 | D Số ĐV 10 | E Tử số 12 | F Mẫu số 12 | G Kết quả 11 | H Mục tiêu 11 */
#define SUMMARY_WIDTH (6 + 40 + 8 + 10 + 12 + 12 + 11 + 11)

static void
write_chart (Writer        *w,
             lxw_worksheet *ws,
             lxw_row_t      first,
             lxw_row_t      last,
             lxw_row_t      at)
{
  lxw_chart_font font = { .name = (char *) FONT, .size = 10 };
  lxw_chart_font title_font = { .name = (char *) FONT, .size = 12, .bold = LXW_TRUE };
  g_autofree char *cats = NULL;
  g_autofree char *vals = NULL;
  lxw_chart *chart;
  lxw_chart_series *series;

  if (w->st.err != LXW_NO_ERROR)
    return;
  chart = workbook_add_chart (w->wb, LXW_CHART_COLUMN);
  if (chart == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
      return;
    }
  cats = g_strdup_printf ("='%s'!$I$%u:$I$%u", GDNN_SUMMARY_SHEET_SUMMARY, first + 1, last + 1);
  vals = g_strdup_printf ("='%s'!$J$%u:$J$%u", GDNN_SUMMARY_SHEET_SUMMARY, first + 1, last + 1);
  series = chart_add_series (chart, cats, vals);
  if (series == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart series");
      return;
    }
  chart_series_set_name (series, "Kết quả chung");
  chart_title_set_name (chart, "Kết quả chung các chỉ tiêu tỷ lệ");
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_min (chart->y_axis, 0);
  chart_axis_set_max (chart->y_axis, 1);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  {
    lxw_chart_options opt = { .x_offset = 4, .y_offset = 4, .x_scale = 1.5, .y_scale = 1.2 };
    gdnn_xlsx_check (&w->st, worksheet_insert_chart_opt (ws, at, 1, chart, &opt), "chart");
  }
}

static void
write_summary_sheet (Writer *w)
{
  const GdnnSummaryDoc *doc = w->doc;
  lxw_worksheet *ws;
  lxw_row_t row, head_row, chart_first = 0, chart_row;
  g_autofree char *number = g_strdup_printf ("Số: %s", doc->number);
  g_autofree char *heading = NULL;
  const char *group = NULL;
  guint n_ratio = 0;

  if (w->st.err != LXW_NO_ERROR)
    return;
  ws = workbook_add_worksheet (w->wb, GDNN_SUMMARY_SHEET_SUMMARY);
  if (ws == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_SHEETNAME_ALREADY_USED, GDNN_SUMMARY_SHEET_SUMMARY);
      return;
    }
  page_setup (w, ws, FALSE);
  if (w->st.err == LXW_NO_ERROR)
    worksheet_fit_to_pages (ws, 1, 0);
  gdnn_xlsx_col_width (&w->st, ws, 0, 0, 6);
  gdnn_xlsx_col_width (&w->st, ws, 1, 1, 40);
  gdnn_xlsx_col_width (&w->st, ws, 2, 2, 8);
  gdnn_xlsx_col_width (&w->st, ws, 3, 3, 10);
  gdnn_xlsx_col_width (&w->st, ws, 4, 5, 12);
  gdnn_xlsx_col_width (&w->st, ws, 6, 7, 11);

  /* Header block: left B–C, right D–H. */
  gdnn_xlsx_merge (&w->st, ws, 0, 0, 0, 2, doc->governing_body != NULL ? doc->governing_body : "", w->gov);
  gdnn_xlsx_merge (&w->st, ws, 0, 3, 0, 7, doc->national_title, w->nat);
  gdnn_xlsx_merge (&w->st, ws, 1, 0, 1, 2, doc->issuing_body, w->org);
  gdnn_xlsx_merge (&w->st, ws, 1, 3, 1, 7, doc->motto, w->motto);
  gdnn_xlsx_row_height (&w->st, ws, 1, 16.0 * gdnn_xlsx_lines_for (doc->issuing_body, 40, 12));
  gdnn_xlsx_merge (&w->st, ws, 3, 0, 3, 2, number, w->plain);
  gdnn_xlsx_merge (&w->st, ws, 3, 3, 3, 7, doc->place_date, w->italic);
  gdnn_xlsx_merge (&w->st, ws, 5, 0, 5, 7, doc->doc_type, w->type);
  gdnn_xlsx_merge (&w->st, ws, 6, 0, 6, 7, doc->subject, w->subject);
  gdnn_xlsx_row_height (&w->st, ws, 6, 18.0 * gdnn_xlsx_lines_for (doc->subject, SUMMARY_WIDTH * 0.9, 12));
  gdnn_xlsx_merge (&w->st, ws, 8, 0, 8, 7, doc->intro, w->body);
  gdnn_xlsx_row_height (&w->st, ws, 8, 18.0 * gdnn_xlsx_lines_for (doc->intro, SUMMARY_WIDTH, 12));
  row = 9;

  heading = g_strdup_printf ("I. %s", doc->section_titles[0]);
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 7, heading, w->section);
  g_clear_pointer (&heading, g_free);
  row++;
  {
    g_auto(GStrv) paras = g_strsplit (doc->receipt_text, "\n", -1);
    for (guint i = 0; paras[i] != NULL; i++, row++)
      {
        gdnn_xlsx_merge (&w->st, ws, row, 0, row, 7, paras[i], w->body);
        gdnn_xlsx_row_height (&w->st, ws, row, 18.0 * gdnn_xlsx_lines_for (paras[i], SUMMARY_WIDTH, 12));
      }
  }

  heading = g_strdup_printf ("II. %s", doc->section_titles[1]);
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 7, heading, w->section);
  g_clear_pointer (&heading, g_free);
  row++;
  head_row = row;
  {
    static const char *const head[] = { "STT", "Chỉ tiêu", "ĐVT", "Số đơn vị báo cáo", "Tử số", "Mẫu số",
                                        "Kết quả", "Mục tiêu" };
    for (guint c = 0; c < G_N_ELEMENTS (head); c++)
      gdnn_xlsx_put_str (&w->st, ws, row, c, head[c], w->head);
    gdnn_xlsx_row_height (&w->st, ws, row, 32);
    row++;
  }
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnSummaryIndicator *r = g_ptr_array_index (doc->indicators, i);
      gboolean any = r->units_reporting > 0;
      g_autofree char *name = g_strdup_printf ("%s %s", r->code, r->name);

      if (i == 0 || g_strcmp0 (group, r->group_code) != 0)
        {
          g_autofree char *g = group_heading (r);
          group = r->group_code;
          if (*g != '\0')
            {
              gdnn_xlsx_merge (&w->st, ws, row, 0, row, 7, g, w->group);
              gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * gdnn_xlsx_lines_for (g, SUMMARY_WIDTH, 12));
              row++;
            }
        }
      gdnn_xlsx_put_num (&w->st, ws, row, 0, r->number, w->center);
      gdnn_xlsx_put_str (&w->st, ws, row, 1, name, w->cell);
      gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * gdnn_xlsx_lines_for (name, 40, 12));
      gdnn_xlsx_put_str (&w->st, ws, row, 2, r->unit_label, w->center);
      gdnn_xlsx_put_num (&w->st, ws, row, 3, r->units_reporting, w->center);
      if (any && r->measure != GDNN_MEASURE_BOOLEAN)
        gdnn_xlsx_put_num (&w->st, ws, row, 4, r->numerator, r->numerator == floor (r->numerator) ? w->integer : w->decimal);
      else
        gdnn_xlsx_put_str (&w->st, ws, row, 4, NULL, w->cell);
      if (any && r->measure == GDNN_MEASURE_RATIO)
        gdnn_xlsx_put_num (&w->st, ws, row, 5, r->denominator, r->denominator == floor (r->denominator) ? w->integer : w->decimal);
      else
        gdnn_xlsx_put_str (&w->st, ws, row, 5, NULL, w->cell);
      put_value (w, ws, row, 6, r->measure, r->has_value, r->value);
      put_value (w, ws, row, 7, r->measure, r->has_target, r->target_value);
      row++;
    }
  if (w->st.err == LXW_NO_ERROR)
    gdnn_xlsx_check (&w->st, worksheet_repeat_rows (ws, head_row, head_row), "print titles");

  /* The chart's data beside the table (columns I–J, hidden from print by
   * the print area), fed by formulas so that an edit moves the bar. */
  chart_row = row + 1;
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnSummaryIndicator *ind = g_ptr_array_index (doc->indicators, i);
      if (ind->measure != GDNN_MEASURE_RATIO || !ind->has_value)
        continue;
      if (n_ratio == 0)
        chart_first = head_row + 1 + n_ratio;
      gdnn_xlsx_put_str (&w->st, ws, head_row + 1 + n_ratio, 8, ind->code, NULL);
      gdnn_xlsx_put_num (&w->st, ws, head_row + 1 + n_ratio, 9, ind->value / 100.0, NULL);
      n_ratio++;
    }
  if (n_ratio > 0)
    {
      write_chart (w, ws, chart_first, chart_first + n_ratio - 1, chart_row);
      row = chart_row + 18;
    }
  else
    row++;
  if (w->st.err == LXW_NO_ERROR)
    gdnn_xlsx_check (&w->st, worksheet_set_column_opt (ws, 8, 9, 8, NULL, &(lxw_row_col_options) { .hidden = LXW_TRUE }),
           "hidden chart data");

  heading = g_strdup_printf ("III. %s", doc->section_titles[2]);
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 7, heading, w->section);
  row++;
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 0, "STT", w->head);
  gdnn_xlsx_merge (&w->st, ws, row, 1, row, 3, "Đơn vị", w->head);
  gdnn_xlsx_put_str (&w->st, ws, row, 4, "Số nhiệm vụ", w->head);
  gdnn_xlsx_put_str (&w->st, ws, row, 5, "Đã hoàn thành", w->head);
  gdnn_xlsx_put_str (&w->st, ws, row, 6, "Tỷ lệ", w->head);
  gdnn_xlsx_put_str (&w->st, ws, row, 7, "Số vấn đề", w->head);
  gdnn_xlsx_row_height (&w->st, ws, row, 32);
  row++;
  for (guint i = 0; i < doc->units->len; i++, row++)
    {
      const GdnnSummaryUnit *u = g_ptr_array_index (doc->units, i);

      gdnn_xlsx_put_num (&w->st, ws, row, 0, i + 1, w->center);
      gdnn_xlsx_merge (&w->st, ws, row, 1, row, 3, u->unit_name, w->cell);
      gdnn_xlsx_put_num (&w->st, ws, row, 4, u->tasks_total, w->integer);
      gdnn_xlsx_put_num (&w->st, ws, row, 5, u->tasks_done, w->integer);
      if (u->tasks_total > 0)
        gdnn_xlsx_put_num (&w->st, ws, row, 6, (double) u->tasks_done / u->tasks_total, w->pct);
      else
        gdnn_xlsx_put_str (&w->st, ws, row, 6, NULL, w->cell);
      gdnn_xlsx_put_num (&w->st, ws, row, 7, u->problems, w->integer);
    }
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 3, "Tổng cộng", w->total);
  gdnn_xlsx_put_num (&w->st, ws, row, 4, doc->tasks_total, w->total_int);
  gdnn_xlsx_put_num (&w->st, ws, row, 5, doc->tasks_done, w->total_int);
  gdnn_xlsx_put_str (&w->st, ws, row, 6, NULL, w->cell);
  gdnn_xlsx_put_str (&w->st, ws, row, 7, NULL, w->cell);
  row += 2;

  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 7, doc->closing, w->body);
  gdnn_xlsx_row_height (&w->st, ws, row, 18.0 * gdnn_xlsx_lines_for (doc->closing, SUMMARY_WIDTH, 12));
  row += 2;

  /* Closing block: Nơi nhận (A–C), the signer (D–H). */
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 2, "Nơi nhận:", w->recv_label);
  gdnn_xlsx_merge (&w->st, ws, row, 3, row, 7, doc->signer_title, w->sign);
  for (guint i = 0; doc->recipients[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("- %s%s", doc->recipients[i], doc->recipients[i + 1] != NULL ? ";" : ".");
      gdnn_xlsx_merge (&w->st, ws, row + 1 + i, 0, row + 1 + i, 2, line, w->recv);
    }
  gdnn_xlsx_merge (&w->st, ws, row + 6, 3, row + 6, 7, doc->signer_name != NULL ? doc->signer_name : "", w->sign);
  if (w->st.err == LXW_NO_ERROR)
    gdnn_xlsx_check (&w->st, worksheet_print_area (ws, 0, 0, row + 6, 7), "print area");
}

/* ---- Phụ lục ------------------------------------------------------------ */

static void
write_annex_sheet (Writer *w)
{
  const GdnnSummaryDoc *doc = w->doc;
  guint n_units = doc->units->len;
  lxw_col_t last = 2 + MAX (n_units, 1);
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  const char *group = NULL;

  if (w->st.err != LXW_NO_ERROR)
    return;
  ws = workbook_add_worksheet (w->wb, GDNN_SUMMARY_SHEET_ANNEX);
  if (ws == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_SHEETNAME_ALREADY_USED, GDNN_SUMMARY_SHEET_ANNEX);
      return;
    }
  page_setup (w, ws, TRUE);
  gdnn_xlsx_col_width (&w->st, ws, 0, 0, 6);
  gdnn_xlsx_col_width (&w->st, ws, 1, 1, 44);
  gdnn_xlsx_col_width (&w->st, ws, 2, 2, 8);
  gdnn_xlsx_col_width (&w->st, ws, 3, last, 14);

  gdnn_xlsx_merge (&w->st, ws, row, 0, row, last, doc->annex_label, w->type);
  row++;
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, last, doc->annex_title, w->type);
  row++;
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, last, doc->annex_note, w->italic);
  row += 2;

  gdnn_xlsx_merge (&w->st, ws, row, 0, row + 1, 0, "STT", w->head);
  gdnn_xlsx_merge (&w->st, ws, row, 1, row + 1, 1, "Chỉ tiêu", w->head);
  gdnn_xlsx_merge (&w->st, ws, row, 2, row + 1, 2, "ĐVT", w->head);
  gdnn_xlsx_merge (&w->st, ws, row, 3, row, last, "Kết quả của các đơn vị", w->head);
  for (guint i = 0; i < n_units; i++)
    {
      const GdnnSummaryUnit *u = g_ptr_array_index (doc->units, i);
      gdnn_xlsx_put_str (&w->st, ws, row + 1, 3 + i, u->unit_name, w->head);
    }
  if (n_units == 0)
    gdnn_xlsx_put_str (&w->st, ws, row + 1, 3, NULL, w->head);
  gdnn_xlsx_row_height (&w->st, ws, row + 1, 16.0 * 4);
  if (w->st.err == LXW_NO_ERROR)
    {
      gdnn_xlsx_check (&w->st, worksheet_repeat_rows (ws, row, row + 1), "print titles");
      gdnn_xlsx_check (&w->st, worksheet_repeat_columns (ws, 0, 2), "print titles");
      worksheet_freeze_panes (ws, row + 2, 3);
    }
  row += 2;

  for (guint k = 0; k < doc->indicators->len; k++)
    {
      const GdnnSummaryIndicator *r = g_ptr_array_index (doc->indicators, k);
      g_autofree char *name = g_strdup_printf ("%s %s", r->code, r->name);

      if (k == 0 || g_strcmp0 (group, r->group_code) != 0)
        {
          g_autofree char *g = group_heading (r);
          group = r->group_code;
          if (*g != '\0')
            {
              gdnn_xlsx_merge (&w->st, ws, row, 0, row, last, g, w->group);
              row++;
            }
        }
      gdnn_xlsx_put_num (&w->st, ws, row, 0, r->number, w->center);
      gdnn_xlsx_put_str (&w->st, ws, row, 1, name, w->cell);
      gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * gdnn_xlsx_lines_for (name, 44, 12));
      gdnn_xlsx_put_str (&w->st, ws, row, 2, r->unit_label, w->center);
      for (guint i = 0; i < n_units; i++)
        {
          const GdnnSummaryUnit *u = g_ptr_array_index (doc->units, i);
          const GdnnSummaryCell *c = &g_array_index (u->cells, GdnnSummaryCell, k);
          put_value (w, ws, row, 3 + i, r->measure, c->has_value, c->value);
        }
      if (n_units == 0)
        gdnn_xlsx_put_str (&w->st, ws, row, 3, NULL, w->cell);
      row++;
    }
}

gboolean
gdnn_summary_xlsx_write (const GdnnSummaryDoc  *doc,
                         const char            *path,
                         GError               **error)
{
  Writer w = { 0 };
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(w.wb = gdnn_xlsx_open (path, &tmp, error)))
    return FALSE;
  w.doc = doc;
  make_formats (&w);
  write_summary_sheet (&w);
  write_annex_sheet (&w);
  if (w.st.err == LXW_NO_ERROR)
    {
      lxw_doc_properties props = { 0 };
      g_autofree char *title = g_strdup_printf ("%s %s", doc->doc_type, doc->subject);

      props.title = title;
      props.author = doc->office_name;
      props.subject = doc->subject;
      gdnn_xlsx_check (&w.st, workbook_set_properties (w.wb, &props), "properties");
    }
  return gdnn_xlsx_finish (&w.st, w.wb, tmp, path, error);
}
