/* gdnn-report-xlsx.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "gdnn-xlsx-cells.h"

#include "gdnn-report-xlsx.h"
#include "gdnn-text.h"

/* The report as a workbook a person can read, edit and print: one sheet
 * per part, Vietnamese sheet names, numbers stored as numbers, A4 page
 * setup; plus the hidden machine-readable sheet of DESIGN §3, described
 * in docs/report-data-sheet.md. This is the only file that includes
 * xlsxwriter.h. Normal (not constant_memory) mode: the headers use merged
 * cells, which constant_memory silently drops (tech-notes §3). */

#if LXW_VERSION_ID < 114
#error "libxlsxwriter 1.1.4 or newer is needed"
#endif

#define FONT "Times New Roman"

/* A4 margins of Nghị định 30/2020 in inches: left 30 mm, right 15 mm,
 * top and bottom 20 mm. */
#define MARGIN_LEFT   (30.0 / 25.4)
#define MARGIN_RIGHT  (15.0 / 25.4)
#define MARGIN_TOP    (20.0 / 25.4)
#define MARGIN_BOTTOM (20.0 / 25.4)
#define PAPER_A4      9

typedef struct
{
  lxw_workbook  *wb;
  GdnnXlsxStatus st;
  const GdnnReportDoc *doc;

  /* Cells of the visible sheets the hidden sheet points at */
  GArray        *indicator_rows;   /* of lxw_row_t, one per indicator */
  GArray        *task_rows;        /* of lxw_row_t, tasks in document order */
  GArray        *budget_rows;      /* of lxw_row_t, one per budget line */
  lxw_col_t      col_numerator;
  lxw_col_t      col_denominator;
  lxw_col_t      col_task_status;
  lxw_col_t      col_task_progress;
  lxw_col_t      col_task_result;
  lxw_col_t      col_value;
  lxw_col_t      col_percent;
  lxw_col_t      col_assessment;
  lxw_col_t      col_note;

  /* Formats */
  lxw_format    *gov, *org, *nat, *motto, *num, *place, *type, *subject, *body, *section, *draft;
  lxw_format    *recv_label, *recv, *sign_title, *sign_name;
  lxw_format    *title, *subtitle, *unit_note;
  lxw_format    *head, *group, *cell, *cell_center, *integer, *decimal, *pct, *pct0, *date, *yesno;
  lxw_format    *total_label, *total_int;
  lxw_format    *data_text;
  /* Indexed by digits after the comma: a row's value and the levels
   * beside it show the digits its assessment needs. */
  lxw_format    *pct_digits[GDNN_MAX_DECIMALS + 1];
  lxw_format    *num_digits[GDNN_MAX_DECIMALS + 1];
} Writer;





static void
put_opt_num (Writer        *w,
             lxw_worksheet *ws,
             lxw_row_t      row,
             lxw_col_t      col,
             gboolean       has,
             double         value,
             lxw_format    *fmt)
{
  if (has)
    gdnn_xlsx_put_num (&w->st, ws, row, col, value, fmt);
  else
    gdnn_xlsx_put_str (&w->st, ws, row, col, NULL, fmt);
}






static lxw_format *
new_format (Writer *w,
            double  size)
{
  lxw_format *f = workbook_add_format (w->wb);

  format_set_font_name (f, FONT);
  format_set_font_size (f, size);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

static lxw_format *
centred (lxw_format *f)
{
  format_set_align (f, LXW_ALIGN_CENTER);
  format_set_text_wrap (f);
  return f;
}

static lxw_format *
boxed (lxw_format *f)
{
  format_set_border (f, LXW_BORDER_THIN);
  format_set_text_wrap (f);
  return f;
}

static void
make_formats (Writer *w)
{
  w->gov = centred (new_format (w, 12));
  w->org = centred (new_format (w, 12));
  format_set_bold (w->org);
  w->nat = centred (new_format (w, 12));
  format_set_bold (w->nat);
  w->motto = centred (new_format (w, 13));
  format_set_bold (w->motto);
  format_set_underline (w->motto, LXW_UNDERLINE_SINGLE);
  w->num = centred (new_format (w, 13));
  w->place = centred (new_format (w, 13));
  format_set_italic (w->place);
  w->type = centred (new_format (w, 14));
  format_set_bold (w->type);
  w->subject = centred (new_format (w, 13));
  format_set_bold (w->subject);
  w->draft = centred (new_format (w, 13));
  format_set_bold (w->draft);
  format_set_font_color (w->draft, LXW_COLOR_RED);
  w->body = new_format (w, 13);
  format_set_text_wrap (w->body);
  format_set_align (w->body, LXW_ALIGN_JUSTIFY);
  format_set_align (w->body, LXW_ALIGN_VERTICAL_TOP);
  w->section = new_format (w, 13);
  format_set_bold (w->section);
  format_set_text_wrap (w->section);
  w->recv_label = new_format (w, 12);
  format_set_bold (w->recv_label);
  format_set_italic (w->recv_label);
  w->recv = new_format (w, 11);
  w->sign_title = centred (new_format (w, 13));
  format_set_bold (w->sign_title);
  w->sign_name = centred (new_format (w, 13));
  format_set_bold (w->sign_name);

  w->title = centred (new_format (w, 14));
  format_set_bold (w->title);
  w->subtitle = centred (new_format (w, 13));
  format_set_italic (w->subtitle);
  w->unit_note = new_format (w, 12);
  format_set_italic (w->unit_note);
  format_set_align (w->unit_note, LXW_ALIGN_RIGHT);

  w->head = centred (boxed (new_format (w, 12)));
  format_set_bold (w->head);
  format_set_bg_color (w->head, 0xF2F2F2);
  w->group = boxed (new_format (w, 12));
  format_set_bold (w->group);
  w->cell = boxed (new_format (w, 12));
  w->cell_center = centred (boxed (new_format (w, 12)));
  w->integer = boxed (new_format (w, 12));
  format_set_num_format (w->integer, "#,##0");
  w->decimal = boxed (new_format (w, 12));
  format_set_num_format (w->decimal, "#,##0.00");
  w->pct = boxed (new_format (w, 12));
  format_set_num_format (w->pct, "0.0%");
  w->pct0 = boxed (new_format (w, 12));
  format_set_num_format (w->pct0, "0%");
  w->date = centred (boxed (new_format (w, 12)));
  format_set_num_format (w->date, "dd/mm/yyyy");
  w->yesno = centred (boxed (new_format (w, 12)));
  format_set_num_format (w->yesno, "\"Có\";;\"Không\"");
  w->total_label = centred (boxed (new_format (w, 12)));
  format_set_bold (w->total_label);
  w->total_int = boxed (new_format (w, 12));
  format_set_bold (w->total_int);
  format_set_num_format (w->total_int, "#,##0");
  w->data_text = workbook_add_format (w->wb);
  format_set_num_format (w->data_text, "@");
  for (int d = 0; d <= GDNN_MAX_DECIMALS; d++)
    {
      g_autofree char *zeros = g_strnfill (d, '0');
      g_autofree char *pct = g_strdup_printf ("0%s%s%%", d > 0 ? "." : "", zeros);
      g_autofree char *num = g_strdup_printf ("#,##0%s%s", d > 0 ? "." : "", zeros);

      w->pct_digits[d] = boxed (new_format (w, 12));
      format_set_num_format (w->pct_digits[d], pct);
      w->num_digits[d] = boxed (new_format (w, 12));
      format_set_num_format (w->num_digits[d], num);
    }
}

static lxw_worksheet *
add_sheet (Writer     *w,
           const char *name)
{
  lxw_worksheet *ws;

  if (w->st.err != LXW_NO_ERROR)
    return NULL;
  ws = workbook_add_worksheet (w->wb, name);
  if (ws == NULL)
    gdnn_xlsx_check (&w->st, LXW_ERROR_SHEETNAME_ALREADY_USED, name);
  return ws;
}

static void
page_setup (Writer        *w,
            lxw_worksheet *ws,
            gboolean       landscape,
            int            repeat_first,
            int            repeat_last)
{
  if (w->st.err != LXW_NO_ERROR)
    return;
  worksheet_set_paper (ws, PAPER_A4);
  if (landscape)
    worksheet_set_landscape (ws);
  else
    worksheet_set_portrait (ws);
  worksheet_set_margins (ws, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_center_horizontally (ws);
  /* Page numbers centred in the top margin (Nghị định 30/2020). */
  gdnn_xlsx_check (&w->st, worksheet_set_header (ws, "&C&\"Times New Roman\"&13&P"), "page header");
  if (repeat_first >= 0)
    gdnn_xlsx_check (&w->st, worksheet_repeat_rows (ws, repeat_first, repeat_last), "print titles");
}

static void
split_paragraphs (Writer        *w,
                  lxw_worksheet *ws,
                  lxw_row_t     *row,
                  lxw_col_t      last_col,
                  double         width_units,
                  const char    *text)
{
  g_auto(GStrv) paras = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; paras[i] != NULL; i++)
    {
      g_autofree char *p = g_strstrip (g_strdup (paras[i]));

      if (*p == '\0')
        continue;
      gdnn_xlsx_merge (&w->st, ws, *row, 0, *row, last_col, p, w->body);
      gdnn_xlsx_row_height (&w->st, ws, *row, 18.0 * gdnn_xlsx_lines_for (p, width_units, 13));
      (*row)++;
    }
}

static char *
attachment_line (const GdnnReportDoc *doc)
{
  g_autofree char *date = gdnn_format_date (&doc->date);
  g_autofree char *number = g_strstrip (g_strdup (doc->number));

  return g_strdup_printf ("(Kèm theo Báo cáo số %s ngày %s của %s)", number, date, doc->unit_name);
}

/* ---- Báo cáo: the document itself ---------------------------------- */

static void
write_report_sheet (Writer *w)
{
  const GdnnReportDoc *doc = w->doc;
  lxw_worksheet *ws = add_sheet (w, GDNN_REPORT_SHEET_REPORT);
  const double width = 14 * 3 + 20 * 3;
  lxw_row_t row = 0;
  lxw_row_t close_row;
  g_autofree char *number = NULL;
  guint n_recipients;

  if (ws == NULL)
    return;
  gdnn_xlsx_col_width (&w->st, ws, 0, 2, 14);
  gdnn_xlsx_col_width (&w->st, ws, 3, 5, 20);
  page_setup (w, ws, FALSE, -1, -1);

  /* Header block: left 40 %, right 60 % (ô 1–4). */
  gdnn_xlsx_merge (&w->st, ws, 0, 0, 0, 2, doc->governing_body != NULL ? doc->governing_body : "", w->gov);
  gdnn_xlsx_merge (&w->st, ws, 0, 3, 0, 5, doc->national_title, w->nat);
  gdnn_xlsx_merge (&w->st, ws, 1, 0, 1, 2, doc->issuing_body, w->org);
  gdnn_xlsx_merge (&w->st, ws, 1, 3, 1, 5, doc->motto, w->motto);
  gdnn_xlsx_row_height (&w->st, ws, 0, 16.0 * MAX (gdnn_xlsx_lines_for (doc->governing_body, 42, 12), 1));
  gdnn_xlsx_row_height (&w->st, ws, 1, 16.0 * MAX (gdnn_xlsx_lines_for (doc->issuing_body, 42, 12), 1));
  number = g_strdup_printf ("Số: %s", doc->number);
  gdnn_xlsx_merge (&w->st, ws, 3, 0, 3, 2, number, w->num);
  gdnn_xlsx_merge (&w->st, ws, 3, 3, 3, 5, doc->place_date, w->place);
  row = 5;
  if (doc->draft)
    {
      gdnn_xlsx_merge (&w->st, ws, row, 0, row, 5, "DỰ THẢO", w->draft);
      row++;
    }
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 5, doc->doc_type, w->type);
  row++;
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 5, doc->subject, w->subject);
  gdnn_xlsx_row_height (&w->st, ws, row, 18.0 * gdnn_xlsx_lines_for (doc->subject, width, 13));
  row += 2;

  split_paragraphs (w, ws, &row, 5, width, doc->intro);

  /* Sections: the tables are on their own sheets. */
  {
    static const char *const roman[] = { "I", "II", "III", "IV", "V" };
    g_autofree char *budget = NULL;
    g_autofree char *planned = gdnn_format_integer (doc->budget_planned_total);
    g_autofree char *spent = gdnn_format_integer (doc->budget_spent_total);
    g_autofree char *assessment = g_strdup_printf ("1. Đánh giá chung\n%s", doc->assessment);
    g_autofree char *difficulties = g_strdup_printf ("2. Khó khăn, vướng mắc\n%s", doc->difficulties);
    const char *bodies[5];

    budget = g_strdup_printf ("Chi tiết tại trang tính “%s”. Lũy kế đến năm %d: kế hoạch %s đồng, "
                              "đã thực hiện %s đồng.", GDNN_REPORT_SHEET_BUDGET, doc->year, planned, spent);
    bodies[0] = "Chi tiết tại trang tính “" GDNN_REPORT_SHEET_TASKS "”.";
    bodies[1] = "Chi tiết và biểu đồ tại trang tính “" GDNN_REPORT_SHEET_INDICATORS "”.";
    bodies[2] = budget;
    bodies[3] = NULL;
    bodies[4] = doc->proposals;
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *heading = g_strdup_printf ("%s. %s", roman[i], doc->section_titles[i]);

        gdnn_xlsx_merge (&w->st, ws, row, 0, row, 5, heading, w->section);
        row++;
        if (i == 3)
          {
            split_paragraphs (w, ws, &row, 5, width, assessment);
            split_paragraphs (w, ws, &row, 5, width, difficulties);
          }
        else
          split_paragraphs (w, ws, &row, 5, width, bodies[i]);
      }
  }
  row++;

  /* Closing block: Nơi nhận left, the signer right (ô 7, 9b). */
  close_row = row;
  gdnn_xlsx_put_str (&w->st, ws, row, 0, "Nơi nhận:", w->recv_label);
  gdnn_xlsx_merge (&w->st, ws, row, 3, row, 5, doc->signer_title, w->sign_title);
  n_recipients = g_strv_length (doc->recipients);
  for (guint i = 0; i < n_recipients; i++)
    {
      g_autofree char *line = g_strdup_printf ("- %s%s", doc->recipients[i], i + 1 < n_recipients ? ";" : ".");
      gdnn_xlsx_put_str (&w->st, ws, row + 1 + i, 0, line, w->recv);
    }
  row = close_row + MAX (5, n_recipients + 1);
  gdnn_xlsx_merge (&w->st, ws, row, 3, row, 5, doc->signer_name != NULL ? doc->signer_name : "", w->sign_name);

  if (w->st.err == LXW_NO_ERROR)
    gdnn_xlsx_check (&w->st, worksheet_print_area (ws, 0, 0, row, 5), "print area");
}

/* ---- Nhiệm vụ ------------------------------------------------------- */

static void
put_iso_date (Writer        *w,
              lxw_worksheet *ws,
              lxw_row_t      row,
              lxw_col_t      col,
              const char    *iso)
{
  /* The date part only; gdnn_parse_date, not sscanf "%d", which
   * overflows on long digit runs. */
  g_autofree char *day = iso != NULL ? g_strndup (iso, 10) : NULL;
  lxw_datetime dt = { 0 };
  GDate date;

  if (day != NULL && gdnn_parse_date (day, &date, NULL))
    {
      dt.year = g_date_get_year (&date);
      dt.month = g_date_get_month (&date);
      dt.day = g_date_get_day (&date);
      if (w->st.err == LXW_NO_ERROR)
        gdnn_xlsx_check (&w->st, worksheet_write_datetime (ws, row, col, &dt, w->date), "date");
    }
  else
    gdnn_xlsx_put_str (&w->st, ws, row, col, NULL, w->date);
}

static void
write_tasks_sheet (Writer *w)
{
  static const struct { const char *name; double width; } cols[] = {
    { "STT", 5 }, { "Mã", 8 }, { "Nhiệm vụ", 45 }, { "Đơn vị chủ trì", 16 }, { "Thời hạn", 11 },
    { "Tình trạng", 13 }, { "Tiến độ", 8 }, { "Kết quả thực hiện", 40 },
  };
  const GdnnReportDoc *doc = w->doc;
  lxw_worksheet *ws = add_sheet (w, GDNN_REPORT_SHEET_TASKS);
  g_autofree char *title = g_strdup_printf ("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP NĂM %d", doc->year);
  g_autofree char *attached = attachment_line (doc);
  const lxw_col_t last = G_N_ELEMENTS (cols) - 1;
  lxw_row_t row = 4;
  guint n = 0;

  if (ws == NULL)
    return;
  w->col_task_status = 5;
  w->col_task_progress = 6;
  w->col_task_result = 7;
  for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
    {
      gdnn_xlsx_col_width (&w->st, ws, c, c, cols[c].width);
      gdnn_xlsx_put_str (&w->st, ws, 3, c, cols[c].name, w->head);
    }
  page_setup (w, ws, TRUE, 3, 3);
  gdnn_xlsx_merge (&w->st, ws, 0, 0, 0, last, title, w->title);
  gdnn_xlsx_merge (&w->st, ws, 1, 0, 1, last, attached, w->subtitle);
  gdnn_xlsx_row_height (&w->st, ws, 1, 17.0 * gdnn_xlsx_lines_for (attached, 154, 13));

  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      g_autofree char *heading = group->code != NULL ? g_strdup_printf ("%s. %s", group->code, group->title)
                                                     : g_strdup (group->title);

      gdnn_xlsx_merge (&w->st, ws, row, 0, row, last, heading, w->group);
      gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * gdnn_xlsx_lines_for (heading, 150, 12));
      row++;
      for (guint i = 0; i < group->tasks->len; i++)
        {
          GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          guint lines = MAX (gdnn_xlsx_lines_for (t->title, cols[2].width, 12), gdnn_xlsx_lines_for (t->result, cols[7].width, 12));

          lines = MAX (lines, gdnn_xlsx_lines_for (t->lead, cols[3].width, 12));
          gdnn_xlsx_put_num (&w->st, ws, row, 0, ++n, w->cell_center);
          gdnn_xlsx_put_str (&w->st, ws, row, 1, t->code, w->cell_center);
          gdnn_xlsx_put_str (&w->st, ws, row, 2, t->title, w->cell);
          gdnn_xlsx_put_str (&w->st, ws, row, 3, t->lead, w->cell);
          put_iso_date (w, ws, row, 4, t->due_date);
          gdnn_xlsx_put_str (&w->st, ws, row, 5, gdnn_report_task_status_text (t->status), w->cell_center);
          put_opt_num (w, ws, row, 6, t->reported, t->progress / 100.0, w->pct0);
          gdnn_xlsx_put_str (&w->st, ws, row, 7, t->result, w->cell);
          gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * lines);
          g_array_append_val (w->task_rows, row);
          row++;
        }
    }
}

/* ---- Chỉ tiêu ------------------------------------------------------- */

static void
col_name (lxw_col_t  col,
          char      *buf)
{
  char tmp[8];
  int n = 0;

  col++;
  while (col > 0)
    {
      tmp[n++] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  for (int i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
}

/* "'Chỉ tiêu'!$H$8" */
static char *
cell_ref (const char *sheet,
          lxw_row_t   row,
          lxw_col_t   col,
          gboolean    with_sheet)
{
  char c[8];

  col_name (col, c);
  if (with_sheet && sheet != NULL)
    return g_strdup_printf ("'%s'!$%s$%u", sheet, c, row + 1);
  return g_strdup_printf ("%s%u", c, row + 1);
}

static lxw_format *
measure_format (Writer      *w,
                GdnnMeasure  measure,
                double       value)
{
  switch (measure)
    {
    case GDNN_MEASURE_RATIO:
      return w->pct;
    case GDNN_MEASURE_BOOLEAN:
      return w->yesno;
    case GDNN_MEASURE_COUNT:
    case GDNN_MEASURE_AMOUNT:
    default:
      return value == floor (value) ? w->integer : w->decimal;
    }
}

/* A ratio is stored as a fraction with a % format (0.75 shows 75%). */
static double
as_cell (GdnnMeasure measure,
         double      value)
{
  return measure == GDNN_MEASURE_RATIO ? value / 100.0 : value;
}

/* The format that shows @value as the document prints it with
 * @decimals digits at most, trailing zeros dropped: 59.96 with 2 digits
 * shows "59.96%", 60 shows "60%". */
static lxw_format *
digits_format (Writer      *w,
               GdnnMeasure  measure,
               double       value,
               int          decimals)
{
  g_autofree char *text = gdnn_format_number_trim (value, decimals);
  const char *comma = strchr (text, ',');
  int shown = comma != NULL ? (int) strlen (comma + 1) : 0;

  shown = CLAMP (shown, 0, GDNN_MAX_DECIMALS);
  if (measure == GDNN_MEASURE_BOOLEAN)
    return w->yesno;
  return measure == GDNN_MEASURE_RATIO ? w->pct_digits[shown] : w->num_digits[shown];
}

static char *
group_heading (const GdnnReportIndicator *r)
{
  if (r->group_code == NULL)
    return g_strdup (r->group_title != NULL ? r->group_title : "");
  /* Points of a plan are lettered "a)", "b)"; other codes end with ".". */
  if (g_utf8_strlen (r->group_code, -1) == 1 && g_unichar_islower (g_utf8_get_char (r->group_code)))
    return g_strdup_printf ("%s) %s", r->group_code, r->group_title);
  return g_strdup_printf ("%s. %s", r->group_code, r->group_title);
}

static void
write_indicator_chart (Writer        *w,
                       lxw_worksheet *ws,
                       lxw_row_t      row,
                       lxw_col_t      value_col,
                       lxw_col_t      expected_col)
{
  const GdnnReportDoc *doc = w->doc;
  lxw_chart_font font = { .name = (char *) FONT, .size = 10 };
  lxw_chart_font title_font = { .name = (char *) FONT, .size = 12, .bold = LXW_TRUE };
  g_autofree char *heading = g_strdup_printf ("Biểu đồ: kết quả năm %d so với mức cần đạt (chỉ tiêu tỷ lệ)", doc->year);
  g_autofree char *value_name = g_strdup_printf ("Kết quả năm %d", doc->year);
  g_autofree char *expected_name = g_strdup_printf ("Mức cần đạt năm %d", doc->year);
  lxw_row_t first = row + 2;
  lxw_row_t r = first;
  lxw_chart *chart;
  lxw_chart_series *series;
  g_autofree char *cats = NULL;
  g_autofree char *vals = NULL;
  g_autofree char *exps = NULL;

  if (w->st.err != LXW_NO_ERROR)
    return;

  /* The chart reads a small contiguous block, fed by formulas from the
   * table so that an edited value moves its bar. */
  /* The chart's block starts a printed page, and the chart stands beside
   * its data, so that a page break never cuts the chart. */
  if (w->st.err == LXW_NO_ERROR)
    {
      lxw_row_t breaks[] = { row, 0 };
      gdnn_xlsx_check (&w->st, worksheet_set_h_pagebreaks (ws, breaks), "page break");
    }
  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 5, heading, w->section);
  gdnn_xlsx_put_str (&w->st, ws, row + 1, 1, "Mã", w->head);
  gdnn_xlsx_put_str (&w->st, ws, row + 1, 2, value_name, w->head);
  gdnn_xlsx_put_str (&w->st, ws, row + 1, 3, expected_name, w->head);
  /* Column D is narrow: its header wraps. */
  gdnn_xlsx_row_height (&w->st, ws, row + 1, 16.0 * gdnn_xlsx_lines_for (expected_name, 7, 12));
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnReportIndicator *ind = g_ptr_array_index (doc->indicators, i);
      lxw_row_t src = g_array_index (w->indicator_rows, lxw_row_t, i);
      g_autofree char *formula = NULL;
      g_autofree char *value_ref = NULL;
      g_autofree char *exp_ref = NULL;

      if (ind->measure != GDNN_MEASURE_RATIO || !ind->has_value)
        continue;
      value_ref = cell_ref (NULL, src, value_col, FALSE);
      formula = g_strconcat ("=", value_ref, NULL);
      gdnn_xlsx_put_str (&w->st, ws, r, 1, ind->code, w->cell_center);
      if (w->st.err == LXW_NO_ERROR)
        gdnn_xlsx_check (&w->st, worksheet_write_formula_num (ws, r, 2, formula,
                                                              digits_format (w, ind->measure, ind->value, ind->decimals),
                                                              ind->value / 100.0), "formula");
      if (ind->has_track)
        {
          g_autofree char *ref = cell_ref (NULL, src, expected_col, FALSE);
          exp_ref = g_strconcat ("=", ref, NULL);
          if (w->st.err == LXW_NO_ERROR)
            gdnn_xlsx_check (&w->st, worksheet_write_formula_num (ws, r, 3, exp_ref,
                                                                  digits_format (w, ind->measure, ind->expected,
                                                                                 ind->decimals),
                                                                  ind->expected / 100.0), "formula");
        }
      else
        gdnn_xlsx_put_str (&w->st, ws, r, 3, NULL, w->pct);
      r++;
    }
  if (r == first || w->st.err != LXW_NO_ERROR)
    return;

  chart = workbook_add_chart (w->wb, LXW_CHART_COLUMN);
  if (chart == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
      return;
    }
  cats = g_strdup_printf ("='%s'!$B$%u:$B$%u", GDNN_REPORT_SHEET_INDICATORS, first + 1, r);
  vals = g_strdup_printf ("='%s'!$C$%u:$C$%u", GDNN_REPORT_SHEET_INDICATORS, first + 1, r);
  exps = g_strdup_printf ("='%s'!$D$%u:$D$%u", GDNN_REPORT_SHEET_INDICATORS, first + 1, r);
  series = chart_add_series (chart, cats, vals);
  if (series == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart series");
      return;
    }
  chart_series_set_name (series, value_name);
  series = chart_add_series (chart, cats, exps);
  if (series == NULL)
    {
      gdnn_xlsx_check (&w->st, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart series");
      return;
    }
  chart_series_set_name (series, expected_name);
  chart_title_set_name (chart, "Kết quả các chỉ tiêu tỷ lệ");
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_min (chart->y_axis, 0);
  chart_axis_set_max (chart->y_axis, 1);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  chart_legend_set_font (chart, &font);
  {
    lxw_chart_options opt = { .x_offset = 10, .y_offset = 4, .x_scale = 1.6, .y_scale = 1.3 };
    gdnn_xlsx_check (&w->st, worksheet_insert_chart_opt (ws, row + 1, 4, chart, &opt), "chart");
  }
}

static void
write_indicators_sheet (Writer *w)
{
  const GdnnReportDoc *doc = w->doc;
  lxw_worksheet *ws = add_sheet (w, GDNN_REPORT_SHEET_INDICATORS);
  guint m = doc->milestone_years->len;
  g_autofree char *title = g_strdup_printf ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM %d", doc->year);
  g_autofree char *attached = attachment_line (doc);
  g_autofree char *result = g_strdup_printf ("Kết quả năm %d", doc->year);
  g_autofree char *expected = g_strdup_printf ("Mức cần đạt năm %d", doc->year);
  lxw_col_t c_target = 4;
  lxw_col_t c_num = c_target + m;
  lxw_col_t c_den = c_num + 1;
  lxw_col_t c_val = c_num + 2;
  lxw_col_t c_exp = c_num + 3;
  lxw_col_t c_pct = c_num + 4;
  lxw_col_t c_assess = c_num + 5;
  lxw_col_t c_note = c_num + 6;
  lxw_row_t row = 5;
  const char *group = NULL;
  gboolean first_group = TRUE;

  if (ws == NULL)
    return;
  w->col_numerator = c_num;
  w->col_denominator = c_den;
  w->col_value = c_val;
  w->col_percent = c_pct;
  w->col_assessment = c_assess;
  w->col_note = c_note;

  gdnn_xlsx_col_width (&w->st, ws, 0, 0, 5);
  gdnn_xlsx_col_width (&w->st, ws, 1, 1, 9);
  gdnn_xlsx_col_width (&w->st, ws, 2, 2, 48);
  gdnn_xlsx_col_width (&w->st, ws, 3, 3, 7);
  if (m > 0)
    gdnn_xlsx_col_width (&w->st, ws, c_target, c_num - 1, 9);
  gdnn_xlsx_col_width (&w->st, ws, c_num, c_den, 10);
  gdnn_xlsx_col_width (&w->st, ws, c_val, c_pct, 10);
  gdnn_xlsx_col_width (&w->st, ws, c_assess, c_assess, 10);
  gdnn_xlsx_col_width (&w->st, ws, c_note, c_note, 30);
  page_setup (w, ws, TRUE, 3, 4);

  gdnn_xlsx_merge (&w->st, ws, 0, 0, 0, c_note, title, w->title);
  gdnn_xlsx_merge (&w->st, ws, 1, 0, 1, c_note, attached, w->subtitle);
  gdnn_xlsx_row_height (&w->st, ws, 1, 17.0 * gdnn_xlsx_lines_for (attached, 150, 13));

  /* Two header rows with merged cells. */
  gdnn_xlsx_merge (&w->st, ws, 3, 0, 4, 0, "STT", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 1, 4, 1, "Mã", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 2, 4, 2, "Chỉ tiêu", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 3, 4, 3, "Đơn vị tính", w->head);
  if (m > 0)
    {
      gdnn_xlsx_merge (&w->st, ws, 3, c_target, 3, c_num - 1, "Mục tiêu", w->head);
      for (guint i = 0; i < m; i++)
        {
          g_autofree char *y = g_strdup_printf ("Năm %d", g_array_index (doc->milestone_years, int, i));
          gdnn_xlsx_put_str (&w->st, ws, 4, c_target + i, y, w->head);
        }
    }
  gdnn_xlsx_merge (&w->st, ws, 3, c_num, 3, c_val, result, w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, c_num, "Tử số", w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, c_den, "Mẫu số", w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, c_val, "Giá trị", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, c_exp, 4, c_exp, expected, w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, c_pct, 4, c_pct, "So với mục tiêu", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, c_assess, 4, c_assess, "Đánh giá", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, c_note, 4, c_note, "Giải trình", w->head);
  gdnn_xlsx_row_height (&w->st, ws, 3, 32);

  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      guint lines = MAX (gdnn_xlsx_lines_for (r->name, 48, 12), gdnn_xlsx_lines_for (r->note, 30, 12));

      if (first_group || g_strcmp0 (group, r->group_code) != 0)
        {
          g_autofree char *heading = group_heading (r);
          first_group = FALSE;
          group = r->group_code;
          if (*heading != '\0')
            {
              gdnn_xlsx_merge (&w->st, ws, row, 0, row, c_note, heading, w->group);
              row++;
            }
        }

      gdnn_xlsx_put_num (&w->st, ws, row, 0, r->number, w->cell_center);
      gdnn_xlsx_put_str (&w->st, ws, row, 1, r->code, w->cell_center);
      gdnn_xlsx_put_str (&w->st, ws, row, 2, r->name, w->cell);
      gdnn_xlsx_put_str (&w->st, ws, row, 3, r->unit_label, w->cell_center);
      for (guint k = 0; k < m; k++)
        {
          int year = g_array_index (doc->milestone_years, int, k);
          gboolean found = FALSE;

          for (guint t = 0; t < r->targets->len && !found; t++)
            {
              const GdnnReportTarget *tg = &g_array_index (r->targets, GdnnReportTarget, t);
              if (tg->year == year)
                {
                  found = TRUE;
                  gdnn_xlsx_put_num (&w->st, ws, row, c_target + k, as_cell (r->measure, tg->value),
                                     digits_format (w, r->measure, tg->value, r->decimals));
                }
            }
          if (!found)
            gdnn_xlsx_put_str (&w->st, ws, row, c_target + k, NULL, w->cell);
        }
      put_opt_num (w, ws, row, c_num, r->has_numerator, r->numerator,
                   measure_format (w, r->measure == GDNN_MEASURE_RATIO ? GDNN_MEASURE_COUNT : r->measure, r->numerator));
      put_opt_num (w, ws, row, c_den, r->has_denominator && r->measure == GDNN_MEASURE_RATIO, r->denominator,
                   measure_format (w, GDNN_MEASURE_COUNT, r->denominator));
      if (r->has_value && r->measure == GDNN_MEASURE_RATIO)
        {
          g_autofree char *n = cell_ref (NULL, row, c_num, FALSE);
          g_autofree char *d = cell_ref (NULL, row, c_den, FALSE);
          g_autofree char *formula = g_strdup_printf ("=IF(%s>0,%s/%s,\"\")", d, n, d);
          if (w->st.err == LXW_NO_ERROR)
            gdnn_xlsx_check (&w->st, worksheet_write_formula_num (ws, row, c_val, formula,
                                                                  digits_format (w, r->measure, r->value, r->decimals),
                                                                  r->value / 100.0), "formula");
        }
      else
        put_opt_num (w, ws, row, c_val, r->has_value, as_cell (r->measure, r->value),
                     digits_format (w, r->measure, r->value, r->decimals));
      put_opt_num (w, ws, row, c_exp, r->has_track, as_cell (r->measure, r->expected),
                   digits_format (w, r->measure, r->expected, r->decimals));
      put_opt_num (w, ws, row, c_pct, r->has_percent_of_target, r->percent_of_target / 100.0,
                   digits_format (w, GDNN_MEASURE_RATIO, r->percent_of_target, r->percent_decimals));
      gdnn_xlsx_put_str (&w->st, ws, row, c_assess, gdnn_report_assessment_label (r->assessment), w->cell_center);
      gdnn_xlsx_put_str (&w->st, ws, row, c_note, r->note, w->cell);
      gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * lines);
      g_array_append_val (w->indicator_rows, row);
      row++;
    }

  write_indicator_chart (w, ws, row + 1, c_val, c_exp);
}

/* ---- Kinh phí ------------------------------------------------------- */

static void
write_budget_sheet (Writer *w)
{
  const GdnnReportDoc *doc = w->doc;
  lxw_worksheet *ws = add_sheet (w, GDNN_REPORT_SHEET_BUDGET);
  g_autofree char *title = g_strdup_printf ("KINH PHÍ THỰC HIỆN NĂM %d", doc->year);
  g_autofree char *attached = attachment_line (doc);
  g_autofree char *year = g_strdup_printf ("Năm %d", doc->year);
  g_autofree char *total = g_strdup_printf ("Lũy kế đến năm %d", doc->year);
  /* The plan's figure for each line, a reference beside the unit's own,
   * in the years the plan gives one. */
  g_autofree char *reference = g_strdup_printf ("Theo Kế hoạch số %s năm %d (tham chiếu)", doc->plan_number,
                                                doc->year);
  lxw_col_t last = doc->budget_has_reference ? 7 : 6;
  lxw_row_t row = 5;
  lxw_row_t first;

  if (ws == NULL)
    return;
  gdnn_xlsx_col_width (&w->st, ws, 0, 0, 5);
  gdnn_xlsx_col_width (&w->st, ws, 1, 1, 40);
  gdnn_xlsx_col_width (&w->st, ws, 2, 2, 14);
  gdnn_xlsx_col_width (&w->st, ws, 3, last, 15);
  page_setup (w, ws, FALSE, 3, 4);
  gdnn_xlsx_merge (&w->st, ws, 0, 0, 0, last, title, w->title);
  gdnn_xlsx_merge (&w->st, ws, 1, 0, 1, last, attached, w->subtitle);
  gdnn_xlsx_row_height (&w->st, ws, 1, 17.0 * gdnn_xlsx_lines_for (attached, 104, 13));
  gdnn_xlsx_merge (&w->st, ws, 2, 4, 2, last, "Đơn vị tính: đồng", w->unit_note);

  gdnn_xlsx_merge (&w->st, ws, 3, 0, 4, 0, "STT", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 1, 4, 1, "Nội dung", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 2, 4, 2, "Nguồn kinh phí", w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 3, 3, 4, year, w->head);
  gdnn_xlsx_merge (&w->st, ws, 3, 5, 3, 6, total, w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, 3, "Kế hoạch", w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, 4, "Thực hiện", w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, 5, "Kế hoạch", w->head);
  gdnn_xlsx_put_str (&w->st, ws, 4, 6, "Thực hiện", w->head);
  if (doc->budget_has_reference)
    gdnn_xlsx_merge (&w->st, ws, 3, 7, 4, 7, reference, w->head);

  first = row;
  for (guint i = 0; i < doc->budget_lines->len; i++)
    {
      const GdnnReportBudgetLine *b = g_ptr_array_index (doc->budget_lines, i);

      gdnn_xlsx_put_num (&w->st, ws, row, 0, i + 1, w->cell_center);
      gdnn_xlsx_put_str (&w->st, ws, row, 1, b->name, w->cell);
      gdnn_xlsx_put_str (&w->st, ws, row, 2, gdnn_report_source_label (b->source), w->cell_center);
      gdnn_xlsx_put_num (&w->st, ws, row, 3, b->planned, w->integer);
      put_opt_num (w, ws, row, 4, b->has_spent, b->spent, w->integer);
      gdnn_xlsx_put_num (&w->st, ws, row, 5, b->planned_total, w->integer);
      gdnn_xlsx_put_num (&w->st, ws, row, 6, b->spent_total, w->integer);
      if (doc->budget_has_reference)
        put_opt_num (w, ws, row, 7, b->has_reference, b->reference, w->integer);
      gdnn_xlsx_row_height (&w->st, ws, row, 16.0 * gdnn_xlsx_lines_for (b->name, 40, 12));
      g_array_append_val (w->budget_rows, row);
      row++;
    }

  gdnn_xlsx_merge (&w->st, ws, row, 0, row, 2, "Tổng cộng", w->total_label);
  {
    const double totals[5] = { doc->budget_planned, doc->budget_spent, doc->budget_planned_total,
                               doc->budget_spent_total, doc->budget_reference };
    for (guint c = 0; c + 3 <= last; c++)
      {
        g_autofree char *from = cell_ref (NULL, first, 3 + c, FALSE);
        g_autofree char *to = cell_ref (NULL, MAX (first, row - 1), 3 + c, FALSE);
        g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", from, to);

        if (row == first)
          gdnn_xlsx_put_num (&w->st, ws, row, 3 + c, 0, w->total_int);
        else if (w->st.err == LXW_NO_ERROR)
          gdnn_xlsx_check (&w->st, worksheet_write_formula_num (ws, row, 3 + c, formula, w->total_int, totals[c]), "formula");
      }
  }
}

/* ---- The hidden machine-readable sheet (docs/report-data-sheet.md) --- */

static void
data_pair (Writer        *w,
           lxw_worksheet *ws,
           lxw_row_t     *row,
           const char    *key,
           const char    *value)
{
  gdnn_xlsx_put_str (&w->st, ws, *row, 0, key, NULL);
  gdnn_xlsx_put_str (&w->st, ws, *row, 1, value, w->data_text);
  (*row)++;
}

static void
data_number (Writer        *w,
             lxw_worksheet *ws,
             lxw_row_t     *row,
             const char    *key,
             double         value)
{
  gdnn_xlsx_put_str (&w->st, ws, *row, 0, key, NULL);
  gdnn_xlsx_put_num (&w->st, ws, *row, 1, value, NULL);
  (*row)++;
}

static void
data_header (Writer        *w,
             lxw_worksheet *ws,
             lxw_row_t     *row,
             const char   **names)
{
  for (lxw_col_t c = 0; names[c] != NULL; c++)
    gdnn_xlsx_put_str (&w->st, ws, *row, c, names[c], NULL);
  (*row)++;
}

static void
put_ref (Writer        *w,
         lxw_worksheet *ws,
         lxw_row_t      row,
         lxw_col_t      col,
         const char    *sheet,
         lxw_row_t      ref_row,
         lxw_col_t      ref_col)
{
  g_autofree char *ref = cell_ref (sheet, ref_row, ref_col, TRUE);
  gdnn_xlsx_put_str (&w->st, ws, row, col, ref, w->data_text);
}

/* The data sheet's word for the printed assessment; NULL for none. */
static const char *
assessment_code (GdnnReportAssessment assessment)
{
  switch (assessment)
    {
    case GDNN_REPORT_ASSESSMENT_NOT_MET:
      return "not_met";
    case GDNN_REPORT_ASSESSMENT_MET:
      return "met";
    case GDNN_REPORT_ASSESSMENT_EXCEEDED:
      return "exceeded";
    case GDNN_REPORT_ASSESSMENT_NONE:
    default:
      return NULL;
    }
}

static void
write_data_sheet (Writer *w)
{
  static const char *indicator_cols[] = { "#indicator", "code", "measure", "numerator", "denominator", "value",
                                          "note", "status", "numerator_cell", "denominator_cell", "value_cell",
                                          "percent", "percent_cell", "assessment", "assessment_cell", "note_cell",
                                          NULL };
  static const char *task_cols[] = { "#task", "code", "status", "progress", "result", "status_cell",
                                     "progress_cell", "result_cell", NULL };
  static const char *budget_cols[] = { "#budget", "position", "name", "source", "year", "planned", "spent",
                                       "planned_cell", "spent_cell", NULL };
  const GdnnReportDoc *doc = w->doc;
  lxw_worksheet *ws = add_sheet (w, GDNN_REPORT_DATA_SHEET);
  g_autofree char *date = g_date_valid (&doc->date) ? gdnn_format_date_iso (&doc->date) : NULL;
  lxw_row_t row = 0;
  guint k = 0;

  if (ws == NULL)
    return;
  worksheet_hide (ws);
  gdnn_xlsx_col_width (&w->st, ws, 0, 0, 18);
  gdnn_xlsx_col_width (&w->st, ws, 1, 1, 30);

  data_pair (w, ws, &row, "format", GDNN_REPORT_DATA_FORMAT);
  data_number (w, ws, &row, "schema_version", GDNN_REPORT_DATA_SCHEMA_VERSION);
  data_pair (w, ws, &row, "generator", "gdnn-report " PACKAGE_VERSION);
  data_pair (w, ws, &row, "unit_code", doc->unit_code);
  data_pair (w, ws, &row, "unit_name", doc->unit_name);
  data_pair (w, ws, &row, "unit_type", doc->unit_type);
  data_pair (w, ws, &row, "unit_ownership", doc->unit_ownership);
  data_pair (w, ws, &row, "parent_code", doc->parent_code);
  data_pair (w, ws, &row, "plan_number", doc->plan_number);
  data_number (w, ws, &row, "year", doc->year);
  data_pair (w, ws, &row, "period", doc->period);
  data_pair (w, ws, &row, "report_number", doc->number);
  data_pair (w, ws, &row, "report_date", date);
  data_pair (w, ws, &row, "finalised_at", doc->finalised_at);
  data_pair (w, ws, &row, "status", doc->final ? "final" : "draft");
  data_pair (w, ws, &row, "signer_name", doc->signer_name);
  data_pair (w, ws, &row, "signer_title", doc->signer_title);
  row++;

  data_header (w, ws, &row, indicator_cols);
  for (guint i = 0; i < doc->indicators->len; i++, row++)
    {
      const GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      lxw_row_t vis = g_array_index (w->indicator_rows, lxw_row_t, i);

      gdnn_xlsx_put_str (&w->st, ws, row, 0, "indicator", NULL);
      gdnn_xlsx_put_str (&w->st, ws, row, 1, r->code, w->data_text);
      gdnn_xlsx_put_str (&w->st, ws, row, 2, gdnn_measure_to_string (r->measure), NULL);
      put_opt_num (w, ws, row, 3, r->has_numerator, r->numerator, NULL);
      put_opt_num (w, ws, row, 4, r->has_denominator, r->denominator, NULL);
      put_opt_num (w, ws, row, 5, r->has_value, r->value, NULL);
      gdnn_xlsx_put_str (&w->st, ws, row, 6, r->note, w->data_text);
      gdnn_xlsx_put_str (&w->st, ws, row, 7, r->value_status, NULL);
      put_ref (w, ws, row, 8, GDNN_REPORT_SHEET_INDICATORS, vis, w->col_numerator);
      put_ref (w, ws, row, 9, GDNN_REPORT_SHEET_INDICATORS, vis, w->col_denominator);
      put_ref (w, ws, row, 10, GDNN_REPORT_SHEET_INDICATORS, vis, w->col_value);
      put_opt_num (w, ws, row, 11, r->has_percent_of_target, r->percent_of_target, NULL);
      put_ref (w, ws, row, 12, GDNN_REPORT_SHEET_INDICATORS, vis, w->col_percent);
      gdnn_xlsx_put_str (&w->st, ws, row, 13, assessment_code (r->assessment), NULL);
      put_ref (w, ws, row, 14, GDNN_REPORT_SHEET_INDICATORS, vis, w->col_assessment);
      put_ref (w, ws, row, 15, GDNN_REPORT_SHEET_INDICATORS, vis, w->col_note);
    }
  row++;

  data_header (w, ws, &row, task_cols);
  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      for (guint i = 0; i < group->tasks->len; i++, row++, k++)
        {
          const GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          lxw_row_t vis = g_array_index (w->task_rows, lxw_row_t, k);

          gdnn_xlsx_put_str (&w->st, ws, row, 0, "task", NULL);
          gdnn_xlsx_put_str (&w->st, ws, row, 1, t->code, w->data_text);
          gdnn_xlsx_put_str (&w->st, ws, row, 2, t->reported ? gdnn_task_status_to_string (t->status) : NULL, NULL);
          put_opt_num (w, ws, row, 3, t->reported, t->progress, NULL);
          gdnn_xlsx_put_str (&w->st, ws, row, 4, t->result, w->data_text);
          put_ref (w, ws, row, 5, GDNN_REPORT_SHEET_TASKS, vis, w->col_task_status);
          put_ref (w, ws, row, 6, GDNN_REPORT_SHEET_TASKS, vis, w->col_task_progress);
          put_ref (w, ws, row, 7, GDNN_REPORT_SHEET_TASKS, vis, w->col_task_result);
        }
    }
  row++;

  data_header (w, ws, &row, budget_cols);
  for (guint i = 0; i < doc->budget_lines->len; i++, row++)
    {
      const GdnnReportBudgetLine *b = g_ptr_array_index (doc->budget_lines, i);
      lxw_row_t vis = g_array_index (w->budget_rows, lxw_row_t, i);

      gdnn_xlsx_put_str (&w->st, ws, row, 0, "budget", NULL);
      gdnn_xlsx_put_num (&w->st, ws, row, 1, i + 1, NULL);
      gdnn_xlsx_put_str (&w->st, ws, row, 2, b->name, w->data_text);
      gdnn_xlsx_put_str (&w->st, ws, row, 3, gdnn_budget_source_to_string (b->source), NULL);
      gdnn_xlsx_put_num (&w->st, ws, row, 4, doc->year, NULL);
      gdnn_xlsx_put_num (&w->st, ws, row, 5, b->planned, NULL);
      put_opt_num (w, ws, row, 6, b->has_spent, b->spent, NULL);
      put_ref (w, ws, row, 7, GDNN_REPORT_SHEET_BUDGET, vis, 3);
      put_ref (w, ws, row, 8, GDNN_REPORT_SHEET_BUDGET, vis, 4);
    }
  row++;
  gdnn_xlsx_put_str (&w->st, ws, row, 0, "#end", NULL);
}

static void
set_properties (Writer *w)
{
  const GdnnReportDoc *doc = w->doc;
  g_autofree char *title = gdnn_xlsx_nfc (doc->subject);
  g_autofree char *author = gdnn_xlsx_nfc (doc->unit_name);
  g_autofree char *subject = g_strdup_printf ("Báo cáo năm %d", doc->year);
  g_autofree char *keywords = g_strdup_printf ("%s; %s; %d", doc->plan_number, doc->unit_code, doc->year);
  lxw_doc_properties props = {
    .title = title,
    .subject = subject,
    .author = author,
    .company = author,
    .manager = doc->signer_name,
    .category = (char *) "Báo cáo",
    .keywords = keywords,
    .status = (char *) (doc->final ? "Chính thức" : "Dự thảo"),
    .comments = (char *) "gdnn-report " PACKAGE_VERSION,
  };

  if (w->st.err != LXW_NO_ERROR)
    return;
  gdnn_xlsx_check (&w->st, workbook_set_properties (w->wb, &props), "document properties");
  if (w->st.err == LXW_NO_ERROR && doc->unit_code != NULL)
    gdnn_xlsx_check (&w->st, workbook_set_custom_property_string (w->wb, "Mã đơn vị", doc->unit_code), "custom property");
  if (w->st.err == LXW_NO_ERROR)
    gdnn_xlsx_check (&w->st, workbook_set_custom_property_string (w->wb, "Số kế hoạch", doc->plan_number), "custom property");
  if (w->st.err == LXW_NO_ERROR)
    gdnn_xlsx_check (&w->st, workbook_set_custom_property_number (w->wb, "Năm báo cáo", doc->year), "custom property");
}

/**
 * gdnn_report_xlsx_write:
 *
 * Writes @doc as a workbook at @path. The file is written beside @path
 * under a temporary name and renamed at the end, so a failure never leaves
 * half a workbook behind.
 */
gboolean
gdnn_report_xlsx_write (const GdnnReportDoc  *doc,
                        const char           *path,
                        GError              **error)
{
  Writer w = { 0 };
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(w.wb = gdnn_xlsx_open (path, &tmp, error)))
    return FALSE;
  w.doc = doc;
  w.indicator_rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  w.task_rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  w.budget_rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  make_formats (&w);

  write_report_sheet (&w);
  write_tasks_sheet (&w);
  write_indicators_sheet (&w);
  write_budget_sheet (&w);
  write_data_sheet (&w);
  set_properties (&w);

  g_array_unref (w.indicator_rows);
  g_array_unref (w.task_rows);
  g_array_unref (w.budget_rows);
  return gdnn_xlsx_finish (&w.st, w.wb, tmp, path, error);
}
