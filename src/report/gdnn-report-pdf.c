/* gdnn-report-pdf.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-pdf-layout.h"
#include "gdnn-report-chart.h"
#include "gdnn-report-pdf.h"
#include "gdnn-text.h"

/* The report on A4 pages in the layout of Nghị định 30/2020/NĐ-CP
 * (reference/domain.md §3): Liberation Serif (metric-compatible with Times
 * New Roman), margins 20/20/30/15 mm, the two-column header block, page
 * numbers centred in the top margin from page 2. The page engine (blocks,
 * tables with repeated headers, pagination, drawing) is shared with the
 * office's summary and the return letter: gdnn-pdf-layout.c. This file
 * turns the report's document model into blocks. */

#define MARGIN_LEFT   GDNN_PDF_MARGIN_LEFT
#define MARGIN_RIGHT  GDNN_PDF_MARGIN_RIGHT
#define MARGIN_TOP    GDNN_PDF_MARGIN_TOP
#define MM            GDNN_PDF_MM
#define TEXT_WIDTH    (GDNN_REPORT_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define INDENT        GDNN_PDF_INDENT
#define PARA_SPACE    GDNN_PDF_PARA_SPACE
#define CHART_HEIGHT  (75 * MM)

struct _GdnnReportPdf
{
  const GdnnReportDoc *doc;
  GdnnPdfLayout       *layout;
  gboolean             laid_out;
  GdnnReportChartFunc  chart_func;
  double               chart_height;
  gpointer             chart_data;
};

/* The hook of the shared chart renderer (src/render/gdnn-chart.h). */
static void
draw_chart (cairo_t  *cr,
            double    x,
            double    y,
            double    width,
            double    height,
            gpointer  user_data)
{
  GdnnReportPdf *self = user_data;

  if (self->chart_func != NULL)
    self->chart_func (cr, self->doc, x, y, width, height, self->chart_data);
}

/* ---- Tables --------------------------------------------------------- */

static char *
group_heading (const GdnnReportIndicator *r)
{
  if (r->group_code == NULL)
    return g_strdup (r->group_title != NULL ? r->group_title : "");
  if (g_utf8_strlen (r->group_code, -1) == 1 && g_unichar_islower (g_utf8_get_char (r->group_code)))
    return g_strdup_printf ("%s) %s", r->group_code, r->group_title);
  return g_strdup_printf ("%s. %s", r->group_code, r->group_title);
}

static void
add_indicator_table (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;
  guint m = doc->milestone_years->len;
  gboolean target_cols = m >= 1 && m <= 3;
  guint n_target = target_cols ? m : 1;
  GdnnPdfColumn cols[12];
  GdnnPdfHeadCell head[16];
  guint n = 0, nh = 0;
  guint c_name, c_unit, c_target, c_value, c_expected, c_pct, c_assess;
  double used = 0;
  g_autofree char *result = g_strdup_printf ("Kết quả năm %d", doc->year);
  g_autofree char *expected = g_strdup_printf ("Mức cần đạt năm %d", doc->year);
  char *year_labels[3] = { NULL, NULL, NULL };
  const char *group = NULL;
  gboolean first = TRUE;
  GdnnPdfBlock *header;

  cols[n++] = (GdnnPdfColumn) { 24, PANGO_ALIGN_CENTER };
  c_name = n;
  cols[n++] = (GdnnPdfColumn) { 0, PANGO_ALIGN_LEFT };
  c_unit = n;
  cols[n++] = (GdnnPdfColumn) { 32, PANGO_ALIGN_CENTER };
  c_target = n;
  for (guint i = 0; i < n_target; i++)
    cols[n++] = (GdnnPdfColumn) { target_cols ? 40 : 64, PANGO_ALIGN_CENTER };
  c_value = n;
  /* "59,96%" over "(1.499/2.500)": the counts do not wrap. */
  cols[n++] = (GdnnPdfColumn) { 66, PANGO_ALIGN_CENTER };
  c_expected = n;
  cols[n++] = (GdnnPdfColumn) { 46, PANGO_ALIGN_CENTER };
  c_pct = n;
  cols[n++] = (GdnnPdfColumn) { 44, PANGO_ALIGN_CENTER };
  c_assess = n;
  cols[n++] = (GdnnPdfColumn) { 44, PANGO_ALIGN_CENTER };
  for (guint i = 0; i < n; i++)
    used += cols[i].width;
  cols[c_name].width = TEXT_WIDTH - used;

  head[nh++] = (GdnnPdfHeadCell) { 0, 0, 0, 1, "STT" };
  head[nh++] = (GdnnPdfHeadCell) { c_name, c_name, 0, 1, "Chỉ tiêu" };
  head[nh++] = (GdnnPdfHeadCell) { c_unit, c_unit, 0, 1, "Đơn vị tính" };
  if (target_cols)
    {
      head[nh++] = (GdnnPdfHeadCell) { c_target, c_target + m - 1, 0, 0, "Mục tiêu" };
      for (guint i = 0; i < m; i++)
        {
          year_labels[i] = g_strdup_printf ("Năm %d", g_array_index (doc->milestone_years, int, i));
          head[nh++] = (GdnnPdfHeadCell) { c_target + i, c_target + i, 1, 1, year_labels[i] };
        }
    }
  else
    head[nh++] = (GdnnPdfHeadCell) { c_target, c_target, 0, 1, "Mục tiêu" };
  head[nh++] = (GdnnPdfHeadCell) { c_value, c_value, 0, 1, result };
  head[nh++] = (GdnnPdfHeadCell) { c_expected, c_expected, 0, 1, expected };
  head[nh++] = (GdnnPdfHeadCell) { c_pct, c_pct, 0, 1, "So với mục tiêu" };
  head[nh++] = (GdnnPdfHeadCell) { c_assess, c_assess, 0, 1, "Đánh giá" };
  header = gdnn_pdf_layout_add_head (self->layout, cols, head, nh);

  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      g_autofree char *stt = g_strdup_printf ("%u", r->number);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autofree char *exp_text = NULL;
      g_autofree char *pct = NULL;
      g_autofree char *unit = g_markup_escape_text (r->unit_label != NULL ? r->unit_label : "", -1);
      char *targets[3] = { NULL, NULL, NULL };
      g_autoptr(GString) all_targets = g_string_new (NULL);
      const char *cells[12];
      guint k = 0;

      if (first || g_strcmp0 (group, r->group_code) != 0)
        {
          g_autofree char *heading = group_heading (r);
          first = FALSE;
          group = r->group_code;
          if (*heading != '\0')
            {
              g_autofree char *escaped = g_markup_escape_text (heading, -1);
              gdnn_pdf_layout_add_span_row (self->layout, cols, n, escaped, GDNN_PDF_BOLD, header);
            }
        }

      /* The name, then the explanation in italics. */
      {
        g_autofree char *n_esc = g_markup_escape_text (r->name, -1);
        g_autofree char *note = r->note != NULL ? g_markup_escape_text (r->note, -1) : NULL;
        name = note != NULL ? g_strdup_printf ("%s\n<i>%s: %s</i>", n_esc,
                                               r->assessment == GDNN_REPORT_ASSESSMENT_NOT_MET ? "Giải trình" : "Ghi chú",
                                               note)
                            : g_strdup (n_esc);
      }
      for (guint t = 0; t < r->targets->len; t++)
        {
          const GdnnReportTarget *tg = &g_array_index (r->targets, GdnnReportTarget, t);
          g_autofree char *v = gdnn_report_indicator_format (r, tg->value);

          if (target_cols)
            {
              for (guint y = 0; y < m; y++)
                if (g_array_index (doc->milestone_years, int, y) == tg->year)
                  targets[y] = g_strdup (v);
            }
          else
            g_string_append_printf (all_targets, "%s%d: %s", all_targets->len > 0 ? "\n" : "", tg->year, v);
        }
      if (r->has_value)
        {
          g_autofree char *v = gdnn_report_indicator_format (r, r->value);
          if (r->measure == GDNN_MEASURE_RATIO && r->has_numerator && r->has_denominator)
            {
              g_autofree char *num = gdnn_format_number (r->numerator, r->numerator == floor (r->numerator) ? 0 : 2);
              g_autofree char *den = gdnn_format_number (r->denominator, r->denominator == floor (r->denominator) ? 0 : 2);
              value = g_strdup_printf ("%s\n(%s/%s)", v, num, den);
            }
          else
            value = g_steal_pointer (&v);
        }
      else
        value = g_strdup ("<i>Chưa có số liệu</i>");
      exp_text = r->has_track ? gdnn_report_indicator_format (r, r->expected) : g_strdup ("");
      pct = gdnn_report_indicator_format_percent_of_target (r);

      cells[k++] = stt;
      cells[k++] = name;
      cells[k++] = unit;
      if (target_cols)
        for (guint y = 0; y < m; y++)
          cells[k++] = targets[y] != NULL ? targets[y] : "";
      else
        cells[k++] = all_targets->str;
      cells[k++] = value;
      cells[k++] = exp_text;
      cells[k++] = pct;
      cells[k++] = gdnn_report_assessment_label (r->assessment);
      g_assert (k == n);
      gdnn_pdf_layout_add_row (self->layout, cols, n, cells, GDNN_PDF_REGULAR, header);
      for (guint y = 0; y < G_N_ELEMENTS (targets); y++)
        g_free (targets[y]);
    }
  for (guint y = 0; y < G_N_ELEMENTS (year_labels); y++)
    g_free (year_labels[y]);
}

/* Budget in million đồng: the full amounts do not fit a portrait column
 * (domain.md §4.2: tables put the scale in the header). */
static char *
format_million (gint64 dong)
{
  double m = dong / 1e6;
  return gdnn_format_number (m, m == floor (m) ? 0 : 3);
}

static void
add_budget_table (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;
  /* The plan's figure for each line, a reference beside the unit's own,
   * only in the years the plan gives one. */
  guint n_cols = doc->budget_has_reference ? 8 : 7;
  guint n_head;
  GdnnPdfColumn cols[8] = {
    { 24, PANGO_ALIGN_CENTER }, { 0, PANGO_ALIGN_LEFT }, { 62, PANGO_ALIGN_CENTER },
    { 56, PANGO_ALIGN_RIGHT }, { 56, PANGO_ALIGN_RIGHT }, { 56, PANGO_ALIGN_RIGHT }, { 56, PANGO_ALIGN_RIGHT },
    { 60, PANGO_ALIGN_RIGHT },
  };
  g_autofree char *year = g_strdup_printf ("Năm %d", doc->year);
  g_autofree char *total = g_strdup_printf ("Lũy kế đến năm %d", doc->year);
  g_autofree char *reference = g_strdup_printf ("Theo KH số %s (tham chiếu)", doc->plan_number);
  GdnnPdfHeadCell head[] = {
    { 0, 0, 0, 1, "STT" }, { 1, 1, 0, 1, "Nội dung" }, { 2, 2, 0, 1, "Nguồn kinh phí" },
    { 3, 4, 0, 0, year }, { 5, 6, 0, 0, total },
    { 3, 3, 1, 1, "Kế hoạch" }, { 4, 4, 1, 1, "Thực hiện" }, { 5, 5, 1, 1, "Kế hoạch" }, { 6, 6, 1, 1, "Thực hiện" },
    { 7, 7, 0, 1, reference },
  };
  GdnnPdfBlock *header;
  double used = 0;

  n_head = doc->budget_has_reference ? G_N_ELEMENTS (head) : G_N_ELEMENTS (head) - 1;
  if (doc->budget_has_reference)
    cols[2].width = 52;
  for (guint i = 0; i < n_cols; i++)
    used += cols[i].width;
  cols[1].width = TEXT_WIDTH - used;

  {
    PangoLayout *l = gdnn_pdf_layout_plain (self->layout, "Đơn vị tính: triệu đồng", 12, GDNN_PDF_ITALIC, TEXT_WIDTH, PANGO_ALIGN_RIGHT);
    GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self->layout, GDNN_PDF_BLOCK_GROUP, gdnn_pdf_text_height (l) + 3);
    gdnn_pdf_block_add_text (b, l, MARGIN_LEFT, 0);
    b->keep_with_next = TRUE;
  }
  header = gdnn_pdf_layout_add_head (self->layout, cols, head, n_head);
  for (guint i = 0; i < doc->budget_lines->len; i++)
    {
      const GdnnReportBudgetLine *l = g_ptr_array_index (doc->budget_lines, i);
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_markup_escape_text (l->name, -1);
      g_autofree char *planned = format_million (l->planned);
      g_autofree char *spent = l->has_spent ? format_million (l->spent) : g_strdup ("");
      g_autofree char *pt = format_million (l->planned_total);
      g_autofree char *st = format_million (l->spent_total);
      g_autofree char *ref = l->has_reference ? format_million (l->reference) : g_strdup ("");
      const char *cells[] = { stt, name, gdnn_report_source_label (l->source), planned, spent, pt, st, ref };

      gdnn_pdf_layout_add_row (self->layout, cols, n_cols, cells, GDNN_PDF_REGULAR, header);
    }
  {
    g_autofree char *planned = format_million (doc->budget_planned);
    g_autofree char *spent = format_million (doc->budget_spent);
    g_autofree char *pt = format_million (doc->budget_planned_total);
    g_autofree char *st = format_million (doc->budget_spent_total);
    g_autofree char *ref = format_million (doc->budget_reference);
    const char *cells[] = { "", "Tổng cộng", "", planned, spent, pt, st, ref };

    gdnn_pdf_layout_add_row (self->layout, cols, n_cols, cells, GDNN_PDF_BOLD, header);
  }
}

/* ---- Sections --------------------------------------------------------- */

static void
add_tasks (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;

  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      g_autofree char *heading = g_strdup_printf ("%u. %s", g + 1, group->title);

      gdnn_pdf_layout_add_heading (self->layout, heading);
      for (guint i = 0; i < group->tasks->len; i++)
        {
          GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          g_autofree char *title = g_strdup (t->title);
          g_autofree char *title_esc = NULL;
          g_autofree char *status = NULL;
          g_autofree char *result = NULL;
          g_autofree char *markup = NULL;
          gsize len = strlen (title);

          /* "…môi trường số." → "…môi trường số:" */
          while (len > 0 && (title[len - 1] == '.' || title[len - 1] == ';' || title[len - 1] == ' '))
            title[--len] = '\0';
          title_esc = g_markup_escape_text (title, -1);
          if (!t->reported)
            status = g_strdup ("<i>chưa báo cáo</i>");
          else if (t->status == GDNN_TASK_IN_PROGRESS || t->status == GDNN_TASK_OVERDUE ||
                   t->status == GDNN_TASK_PAUSED)
            status = g_strdup_printf ("<i>%s (%d%%)</i>", gdnn_report_task_status_text (t->status), t->progress);
          else
            status = g_strdup_printf ("<i>%s</i>", gdnn_report_task_status_text (t->status));
          result = t->result != NULL ? g_markup_escape_text (t->result, -1) : g_strdup ("");
          markup = g_strdup_printf ("- %s: %s.%s%s", title_esc, status, *result != '\0' ? " " : "", result);
          gdnn_pdf_layout_add_body (self->layout, markup);
        }
    }
}

static void
build (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;
  static const char *const roman[] = { "I", "II", "III", "IV", "V" };
  g_autofree char *intro = g_markup_escape_text (doc->intro, -1);
  char *heading;

  {
    GdnnPdfHeader header = {
      doc->governing_body, doc->issuing_body, doc->national_title, doc->motto,
      doc->number, NULL, doc->place_date,
    };
    gdnn_pdf_layout_add_header (self->layout, &header);
  }
  gdnn_pdf_layout_add_title (self->layout, doc->doc_type, doc->subject);
  gdnn_pdf_layout_add_body (self->layout, intro);

  heading = g_strdup_printf ("%s. %s", roman[0], doc->section_titles[0]);
  gdnn_pdf_layout_add_heading (self->layout, heading);
  g_free (heading);
  add_tasks (self);

  heading = g_strdup_printf ("%s. %s", roman[1], doc->section_titles[1]);
  gdnn_pdf_layout_add_heading (self->layout, heading);
  g_free (heading);
  add_indicator_table (self);
  if (self->chart_func != NULL)
    {
      g_autofree char *caption = g_markup_printf_escaped ("Biểu đồ: Mức thực hiện các chỉ tiêu năm %d "
                                                          "so với mục tiêu", doc->year);
      gdnn_pdf_layout_add_space (self->layout, 8);
      gdnn_pdf_layout_add_paragraph (self->layout, caption, 12, GDNN_PDF_ITALIC, 0, FALSE, TRUE, 4);
      gdnn_pdf_layout_add_draw (self->layout, self->chart_height > 0 ? self->chart_height : CHART_HEIGHT,
                                draw_chart, self);
    }
  gdnn_pdf_layout_add_space (self->layout, 10);

  heading = g_strdup_printf ("%s. %s", roman[2], doc->section_titles[2]);
  gdnn_pdf_layout_add_heading (self->layout, heading);
  g_free (heading);
  add_budget_table (self);
  gdnn_pdf_layout_add_space (self->layout, 10);

  heading = g_strdup_printf ("%s. %s", roman[3], doc->section_titles[3]);
  gdnn_pdf_layout_add_heading (self->layout, heading);
  g_free (heading);
  gdnn_pdf_layout_add_heading (self->layout, "1. Đánh giá chung");
  gdnn_pdf_layout_add_body_text (self->layout, doc->assessment);
  gdnn_pdf_layout_add_heading (self->layout, "2. Khó khăn, vướng mắc");
  gdnn_pdf_layout_add_body_text (self->layout, doc->difficulties);

  heading = g_strdup_printf ("%s. %s", roman[4], doc->section_titles[4]);
  gdnn_pdf_layout_add_heading (self->layout, heading);
  g_free (heading);
  gdnn_pdf_layout_add_body_text (self->layout, doc->proposals);
  {
    g_autofree char *close = g_strdup_printf ("Trên đây là báo cáo kết quả thực hiện %s năm %d của %s./.",
                                              doc->plan_number, doc->year, doc->unit_name);
    g_autofree char *escaped = g_markup_escape_text (close, -1);
    /* The last paragraph goes to the page of the signature. */
    gdnn_pdf_layout_add_paragraph (self->layout, escaped, 13, GDNN_PDF_REGULAR, INDENT, TRUE, TRUE, PARA_SPACE);
  }

  gdnn_pdf_layout_add_block (self->layout, GDNN_PDF_BLOCK_SPACE, 6)->keep_with_next = TRUE;
  gdnn_pdf_layout_add_closing (self->layout, (const char * const *) doc->recipients,
                               doc->signer_title, doc->signer_name);
}

static void
ensure_layout (GdnnReportPdf *self)
{
  if (self->laid_out)
    return;
  build (self);
  self->laid_out = TRUE;
}

static void
draw_draft_marks (cairo_t  *cr,
                  guint     page,
                  gpointer  user_data)
{
  GdnnReportPdf *self = user_data;
  g_autoptr(PangoLayout) mark = NULL;

  if (!self->doc->draft)
    return;
  mark = gdnn_pdf_layout_page_text (self->layout, "DỰ THẢO", 90, GDNN_PDF_BOLD);

  /* A light diagonal mark across every page. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.75, 0.1, 0.1, 0.12);
  cairo_translate (cr, GDNN_REPORT_PAGE_WIDTH / 2, GDNN_REPORT_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -G_PI / 4);
  cairo_move_to (cr, -TEXT_WIDTH / 2, -gdnn_pdf_text_height (mark) / 2);
  pango_cairo_show_layout (cr, mark);
  cairo_restore (cr);

  if (page == 0)
    {
      /* And a boxed "DỰ THẢO" in the top margin of the first page. */
      g_autoptr(PangoLayout) label = gdnn_pdf_layout_page_text (self->layout, "DỰ THẢO", 12, GDNN_PDF_BOLD);
      double w = gdnn_pdf_text_width (label) + 12;
      double h = gdnn_pdf_text_height (label) + 4;
      double x = GDNN_REPORT_PAGE_WIDTH - MARGIN_RIGHT - w;
      double y = MARGIN_TOP - h - 10;

      pango_layout_set_width (label, -1);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.7, 0, 0);
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 6, y + 2);
      pango_cairo_show_layout (cr, label);
      cairo_restore (cr);
    }
}

/* ---- Public API ------------------------------------------------------- */

/**
 * gdnn_report_pdf_new:
 * @doc: the document; it must outlive the renderer
 */
GdnnReportPdf *
gdnn_report_pdf_new (const GdnnReportDoc *doc)
{
  GdnnReportPdf *self;

  g_return_val_if_fail (doc != NULL, NULL);

  self = g_new0 (GdnnReportPdf, 1);
  self->doc = doc;
  self->layout = gdnn_pdf_layout_new ();
  gdnn_pdf_layout_set_page_func (self->layout, draw_draft_marks, self);
  /* Section II's chart, drawn by the shared renderer; it is as tall as its
   * bars need, within a page. */
  if (doc->indicators->len > 0)
    {
      self->chart_func = gdnn_report_chart_draw;
      self->chart_height = MIN (gdnn_report_chart_height (doc, TEXT_WIDTH), 200 * MM);
    }
  return self;
}

void
gdnn_report_pdf_free (GdnnReportPdf *self)
{
  if (self == NULL)
    return;
  gdnn_pdf_layout_free (self->layout);
  g_free (self);
}

/**
 * gdnn_report_pdf_set_chart_func:
 * @func: (nullable): draws the chart of section II, or %NULL for none
 *
 * The hook for the shared chart renderer. Setting it lays the document
 * out again (the chart takes room on a page).
 */
void
gdnn_report_pdf_set_chart_func (GdnnReportPdf       *self,
                                GdnnReportChartFunc  func,
                                gpointer             user_data)
{
  g_return_if_fail (self != NULL);

  self->chart_func = func;
  self->chart_data = user_data;
  self->chart_height = 0;
  gdnn_pdf_layout_clear (self->layout);
  self->laid_out = FALSE;
}

guint
gdnn_report_pdf_get_n_pages (GdnnReportPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);

  ensure_layout (self);
  return gdnn_pdf_layout_get_n_pages (self->layout);
}

/**
 * gdnn_report_pdf_draw_page:
 * @cr: a context in points (1 unit = 1/72 inch), origin at the page's top
 *   left; for GtkPrintOperation use GTK_UNIT_POINTS
 * @page: from 0
 */
void
gdnn_report_pdf_draw_page (GdnnReportPdf *self,
                           cairo_t       *cr,
                           guint          page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  ensure_layout (self);
  gdnn_pdf_layout_draw_page (self->layout, cr, page);
}

/**
 * gdnn_report_pdf_write:
 *
 * Writes every page to a PDF at @path (through a temporary file beside
 * it, renamed at the end).
 */
gboolean
gdnn_report_pdf_write (GdnnReportPdf  *self,
                       const char     *path,
                       GError        **error)
{
  g_autofree char *title = NULL;
  GdnnPdfMetadata metadata = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ensure_layout (self);
  title = g_strdup_printf ("%s %s", self->doc->doc_type, self->doc->subject);
  metadata.title = title;
  metadata.author = self->doc->unit_name;
  metadata.subject = self->doc->subject;
  metadata.keywords = self->doc->plan_number;
  return gdnn_pdf_layout_write (self->layout, path, &metadata, error);
}

gboolean
gdnn_report_pdf_export (const GdnnReportDoc  *doc,
                        const char           *path,
                        GError              **error)
{
  g_autoptr(GdnnReportPdf) pdf = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);

  pdf = gdnn_report_pdf_new (doc);
  return gdnn_report_pdf_write (pdf, path, error);
}
