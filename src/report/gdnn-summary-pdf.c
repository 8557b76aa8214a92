/* gdnn-summary-pdf.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-summary-pdf"

#include "config.h"

#include <math.h>

#include "gdnn-summary-pdf.h"
#include "gdnn-text.h"

/* The office's summary in the layout of the unit's report (the same page
 * engine, gdnn-pdf-layout.c): header block, title, I. receipt of the
 * reports, II. the office totals, III. tasks per unit, Nơi nhận and the
 * signer; then the annex on landscape pages (domain.md §3.1: tables may
 * be laid out "theo chiều rộng"), numbered on its own (§3.3): one row per
 * indicator, one column per unit, the units cut into slices of a few
 * columns so that any number of units fits. */

#define UNITS_PER_SLICE 6

static char *
group_heading (const GdnnSummaryIndicator *r)
{
  if (r->group_code == NULL)
    return g_strdup (r->group_title != NULL ? r->group_title : "");
  if (g_utf8_strlen (r->group_code, -1) == 1 && g_unichar_islower (g_utf8_get_char (r->group_code)))
    return g_strdup_printf ("%s) %s", r->group_code, r->group_title);
  return g_strdup_printf ("%s. %s", r->group_code, r->group_title);
}

static char *
format_plain (double value)
{
  return gdnn_format_number (value, value == floor (value) ? 0 : 2);
}

/* A group heading row whenever the group changes. */
static void
maybe_group_row (GdnnPdfLayout              *layout,
                 const GdnnPdfColumn        *cols,
                 guint                       n_cols,
                 const GdnnSummaryIndicator *r,
                 const char                **group,
                 gboolean                   *first,
                 GdnnPdfBlock               *header)
{
  g_autofree char *heading = NULL;
  g_autofree char *escaped = NULL;

  if (!*first && g_strcmp0 (*group, r->group_code) == 0)
    return;
  *first = FALSE;
  *group = r->group_code;
  heading = group_heading (r);
  if (*heading == '\0')
    return;
  escaped = g_markup_escape_text (heading, -1);
  gdnn_pdf_layout_add_span_row (layout, cols, n_cols, escaped, GDNN_PDF_BOLD, header);
}

static void
add_totals_table (GdnnPdfLayout        *layout,
                  const GdnnSummaryDoc *doc)
{
  GdnnPdfColumn cols[8] = {
    { 24, PANGO_ALIGN_CENTER }, { 0, PANGO_ALIGN_LEFT }, { 32, PANGO_ALIGN_CENTER },
    { 38, PANGO_ALIGN_CENTER }, { 58, PANGO_ALIGN_RIGHT }, { 58, PANGO_ALIGN_RIGHT },
    { 50, PANGO_ALIGN_CENTER }, { 52, PANGO_ALIGN_CENTER },
  };
  const GdnnPdfHeadCell head[] = {
    { 0, 0, 0, 0, "STT" }, { 1, 1, 0, 0, "Chỉ tiêu" }, { 2, 2, 0, 0, "ĐVT" },
    { 3, 3, 0, 0, "Số đơn vị báo cáo" }, { 4, 4, 0, 0, "Tử số" }, { 5, 5, 0, 0, "Mẫu số" },
    { 6, 6, 0, 0, "Kết quả" }, { 7, 7, 0, 0, "Mục tiêu" },
  };
  double used = 0;
  const char *group = NULL;
  gboolean first = TRUE;
  GdnnPdfBlock *header;

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    used += cols[i].width;
  cols[1].width = gdnn_pdf_layout_text_width (layout) - used;
  header = gdnn_pdf_layout_add_head (layout, cols, head, G_N_ELEMENTS (head));

  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnSummaryIndicator *r = g_ptr_array_index (doc->indicators, i);
      gboolean ratio = r->measure == GDNN_MEASURE_RATIO;
      gboolean any = r->units_reporting > 0;
      g_autofree char *stt = g_strdup_printf ("%u", r->number);
      g_autofree char *name = g_markup_printf_escaped ("%s %s", r->code, r->name);
      g_autofree char *unit = g_markup_escape_text (r->unit_label != NULL ? r->unit_label : "", -1);
      g_autofree char *units = g_strdup_printf ("%d", r->units_reporting);
      g_autofree char *num = any && r->measure != GDNN_MEASURE_BOOLEAN ? format_plain (r->numerator) : g_strdup ("");
      g_autofree char *den = any && ratio ? format_plain (r->denominator) : g_strdup ("");
      g_autofree char *value = r->has_value ? gdnn_summary_format_value (r->measure, r->value)
                                            : g_strdup ("<i>Chưa có số liệu</i>");
      g_autofree char *target = NULL;
      const char *cells[8];

      if (r->has_target)
        {
          g_autofree char *v = gdnn_summary_format_value (r->measure, r->target_value);
          target = g_strdup_printf ("%s\n(năm %d)", v, r->target_year);
        }
      else
        target = g_strdup ("");
      maybe_group_row (layout, cols, G_N_ELEMENTS (cols), r, &group, &first, header);
      cells[0] = stt;
      cells[1] = name;
      cells[2] = unit;
      cells[3] = units;
      cells[4] = num;
      cells[5] = den;
      cells[6] = value;
      cells[7] = target;
      gdnn_pdf_layout_add_row (layout, cols, G_N_ELEMENTS (cols), cells, GDNN_PDF_REGULAR, header);
    }
}

static void
add_tasks_table (GdnnPdfLayout        *layout,
                 const GdnnSummaryDoc *doc)
{
  GdnnPdfColumn cols[6] = {
    { 24, PANGO_ALIGN_CENTER }, { 0, PANGO_ALIGN_LEFT }, { 56, PANGO_ALIGN_CENTER },
    { 60, PANGO_ALIGN_CENTER }, { 56, PANGO_ALIGN_CENTER }, { 56, PANGO_ALIGN_CENTER },
  };
  const GdnnPdfHeadCell head[] = {
    { 0, 0, 0, 0, "STT" }, { 1, 1, 0, 0, "Đơn vị" }, { 2, 2, 0, 0, "Số nhiệm vụ" },
    { 3, 3, 0, 0, "Đã hoàn thành" }, { 4, 4, 0, 0, "Tỷ lệ hoàn thành" }, { 5, 5, 0, 0, "Số vấn đề phát hiện" },
  };
  double used = 0;
  GdnnPdfBlock *header;

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    used += cols[i].width;
  cols[1].width = gdnn_pdf_layout_text_width (layout) - used;
  header = gdnn_pdf_layout_add_head (layout, cols, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < doc->units->len; i++)
    {
      const GdnnSummaryUnit *u = g_ptr_array_index (doc->units, i);
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_markup_escape_text (u->unit_name, -1);
      g_autofree char *total = g_strdup_printf ("%d", u->tasks_total);
      g_autofree char *done = g_strdup_printf ("%d", u->tasks_done);
      g_autofree char *pct = u->tasks_total > 0 ? gdnn_format_percent (100.0 * u->tasks_done / u->tasks_total, 1)
                                                : g_strdup ("");
      g_autofree char *problems = g_strdup_printf ("%d", u->problems);
      const char *cells[] = { stt, name, total, done, pct, problems };

      gdnn_pdf_layout_add_row (layout, cols, G_N_ELEMENTS (cols), cells, GDNN_PDF_REGULAR, header);
    }
  if (doc->units->len > 0)
    {
      g_autofree char *total = g_strdup_printf ("%d", doc->tasks_total);
      g_autofree char *done = g_strdup_printf ("%d", doc->tasks_done);
      g_autofree char *pct = doc->tasks_total > 0 ? gdnn_format_percent (100.0 * doc->tasks_done / doc->tasks_total, 1)
                                                  : g_strdup ("");
      const char *cells[] = { "", "Tổng cộng", total, done, pct, "" };

      gdnn_pdf_layout_add_row (layout, cols, G_N_ELEMENTS (cols), cells, GDNN_PDF_BOLD, header);
    }
}

static char *
annex_cell (const GdnnSummaryIndicator *r,
            const GdnnSummaryCell      *c)
{
  g_autofree char *v = NULL;

  if (!c->has_value)
    return g_strdup ("–");
  v = gdnn_summary_format_value (r->measure, c->value);
  if (r->measure == GDNN_MEASURE_RATIO && c->has_denominator)
    {
      g_autofree char *num = format_plain (c->numerator);
      g_autofree char *den = format_plain (c->denominator);
      return g_strdup_printf ("%s\n(%s/%s)", v, num, den);
    }
  return g_steal_pointer (&v);
}

/* One slice of the annex: STT | Chỉ tiêu | ĐVT | a few units. */
static void
add_annex_slice (GdnnPdfLayout        *layout,
                 const GdnnSummaryDoc *doc,
                 guint                 first_unit,
                 guint                 n_units)
{
  GdnnPdfColumn cols[3 + UNITS_PER_SLICE];
  GdnnPdfHeadCell head[4 + UNITS_PER_SLICE];
  guint n = 0, nh = 0;
  double unit_w = 80;
  const char *group = NULL;
  gboolean first = TRUE;
  GdnnPdfBlock *header;

  cols[n++] = (GdnnPdfColumn) { 24, PANGO_ALIGN_CENTER };
  cols[n++] = (GdnnPdfColumn) { 0, PANGO_ALIGN_LEFT };
  cols[n++] = (GdnnPdfColumn) { 34, PANGO_ALIGN_CENTER };
  for (guint i = 0; i < n_units; i++)
    cols[n++] = (GdnnPdfColumn) { unit_w, PANGO_ALIGN_CENTER };
  cols[1].width = gdnn_pdf_layout_text_width (layout) - 24 - 34 - unit_w * n_units;

  head[nh++] = (GdnnPdfHeadCell) { 0, 0, 0, 1, "STT" };
  head[nh++] = (GdnnPdfHeadCell) { 1, 1, 0, 1, "Chỉ tiêu" };
  head[nh++] = (GdnnPdfHeadCell) { 2, 2, 0, 1, "ĐVT" };
  head[nh++] = (GdnnPdfHeadCell) { 3, 3 + n_units - 1, 0, 0, "Kết quả của các đơn vị" };
  for (guint i = 0; i < n_units; i++)
    {
      const GdnnSummaryUnit *u = g_ptr_array_index (doc->units, first_unit + i);
      head[nh++] = (GdnnPdfHeadCell) { 3 + i, 3 + i, 1, 1, u->unit_name };
    }
  header = gdnn_pdf_layout_add_head (layout, cols, head, nh);

  for (guint k = 0; k < doc->indicators->len; k++)
    {
      const GdnnSummaryIndicator *r = g_ptr_array_index (doc->indicators, k);
      g_autofree char *stt = g_strdup_printf ("%u", r->number);
      g_autofree char *name = g_markup_printf_escaped ("%s %s", r->code, r->name);
      g_autofree char *unit = g_markup_escape_text (r->unit_label != NULL ? r->unit_label : "", -1);
      char *values[UNITS_PER_SLICE] = { NULL };
      const char *cells[3 + UNITS_PER_SLICE];

      maybe_group_row (layout, cols, n, r, &group, &first, header);
      cells[0] = stt;
      cells[1] = name;
      cells[2] = unit;
      for (guint i = 0; i < n_units; i++)
        {
          const GdnnSummaryUnit *u = g_ptr_array_index (doc->units, first_unit + i);
          values[i] = annex_cell (r, &g_array_index (u->cells, GdnnSummaryCell, k));
          cells[3 + i] = values[i];
        }
      gdnn_pdf_layout_add_row (layout, cols, n, cells, GDNN_PDF_REGULAR, header);
      for (guint i = 0; i < n_units; i++)
        g_free (values[i]);
    }
}

static void
add_annex (GdnnPdfLayout        *layout,
           const GdnnSummaryDoc *doc)
{
  guint n_slices = (doc->units->len + UNITS_PER_SLICE - 1) / UNITS_PER_SLICE;
  double width;
  GdnnPdfBlock *b;
  double y = 0;
  PangoLayout *l;

  gdnn_pdf_layout_begin_section (layout, TRUE);
  width = gdnn_pdf_layout_text_width (layout);
  b = gdnn_pdf_layout_add_block (layout, GDNN_PDF_BLOCK_GROUP, 0);
  gdnn_pdf_layout_column_text (layout, b, doc->annex_label, 14, GDNN_PDF_BOLD, GDNN_PDF_MARGIN_LEFT, width, &y);
  gdnn_pdf_layout_column_text (layout, b, doc->annex_title, 14, GDNN_PDF_BOLD, GDNN_PDF_MARGIN_LEFT, width, &y);
  l = gdnn_pdf_layout_column_text (layout, b, doc->annex_note, 13, GDNN_PDF_ITALIC, GDNN_PDF_MARGIN_LEFT, width, &y);
  y += 5;
  gdnn_pdf_block_underline (b, l, GDNN_PDF_MARGIN_LEFT, width, y, 0.2);
  b->height = y + 10;
  b->keep_with_next = TRUE;

  if (doc->units->len == 0)
    {
      gdnn_pdf_layout_add_body (layout, "Chưa có đơn vị nào gửi báo cáo.");
      return;
    }
  for (guint s = 0; s < n_slices; s++)
    {
      guint first = s * UNITS_PER_SLICE;
      guint count = MIN (UNITS_PER_SLICE, doc->units->len - first);

      if (n_slices > 1)
        {
          g_autofree char *caption = g_markup_printf_escaped ("Bảng %u/%u: đơn vị %u–%u", s + 1, n_slices,
                                                              first + 1, first + count);
          if (s > 0)
            gdnn_pdf_layout_add_space (layout, 10);
          gdnn_pdf_layout_add_paragraph (layout, caption, 12, GDNN_PDF_ITALIC, 0, FALSE, TRUE, 4);
        }
      add_annex_slice (layout, doc, first, count);
    }
}

GdnnPdfLayout *
gdnn_summary_pdf_layout (const GdnnSummaryDoc *doc)
{
  GdnnPdfLayout *layout;
  g_autofree char *intro = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *closing = NULL;
  const GdnnPdfHeader header = {
    doc->governing_body, doc->issuing_body, doc->national_title, doc->motto,
    doc->number, NULL, doc->place_date,
  };

  g_return_val_if_fail (doc != NULL, NULL);

  layout = gdnn_pdf_layout_new ();
  gdnn_pdf_layout_add_header (layout, &header);
  gdnn_pdf_layout_add_title (layout, doc->doc_type, doc->subject);
  intro = g_markup_escape_text (doc->intro, -1);
  gdnn_pdf_layout_add_body (layout, intro);

  heading = g_strdup_printf ("I. %s", doc->section_titles[0]);
  gdnn_pdf_layout_add_heading (layout, heading);
  g_clear_pointer (&heading, g_free);
  gdnn_pdf_layout_add_body_text (layout, doc->receipt_text);

  heading = g_strdup_printf ("II. %s", doc->section_titles[1]);
  gdnn_pdf_layout_add_heading (layout, heading);
  g_clear_pointer (&heading, g_free);
  {
    g_autofree char *text = g_strdup_printf ("Kết quả thực hiện các chỉ tiêu năm %d của các đơn vị (tử số và mẫu "
                                             "số là tổng cộng của các đơn vị; số liệu chi tiết từng đơn vị tại "
                                             "Phụ lục kèm theo):", doc->year);
    gdnn_pdf_layout_add_body_text (layout, text);
  }
  add_totals_table (layout, doc);
  gdnn_pdf_layout_add_space (layout, 10);

  heading = g_strdup_printf ("III. %s", doc->section_titles[2]);
  gdnn_pdf_layout_add_heading (layout, heading);
  {
    g_autofree char *pct = doc->tasks_total > 0 ? gdnn_format_percent (100.0 * doc->tasks_done / doc->tasks_total, 1)
                                                : NULL;
    g_autofree char *text = pct != NULL
      ? g_strdup_printf ("Các đơn vị đã hoàn thành %d/%d nhiệm vụ được giao (đạt %s).", doc->tasks_done,
                         doc->tasks_total, pct)
      : g_strdup ("Chưa có đơn vị nào báo cáo kết quả thực hiện nhiệm vụ.");
    gdnn_pdf_layout_add_body_text (layout, text);
  }
  add_tasks_table (layout, doc);
  gdnn_pdf_layout_add_space (layout, 10);

  closing = g_markup_escape_text (doc->closing, -1);
  gdnn_pdf_layout_add_paragraph (layout, closing, 13, GDNN_PDF_REGULAR, GDNN_PDF_INDENT, TRUE, TRUE,
                                 GDNN_PDF_PARA_SPACE);
  gdnn_pdf_layout_add_block (layout, GDNN_PDF_BLOCK_SPACE, 6)->keep_with_next = TRUE;
  gdnn_pdf_layout_add_closing (layout, (const char * const *) doc->recipients, doc->signer_title,
                               doc->signer_name);

  add_annex (layout, doc);
  return layout;
}

gboolean
gdnn_summary_pdf_write (const GdnnSummaryDoc  *doc,
                        const char            *path,
                        GError               **error)
{
  g_autoptr(GdnnPdfLayout) layout = NULL;
  g_autofree char *title = NULL;
  GdnnPdfMetadata metadata = { 0 };

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = gdnn_summary_pdf_layout (doc);
  title = g_strdup_printf ("%s %s", doc->doc_type, doc->subject);
  metadata.title = title;
  metadata.author = doc->office_name;
  metadata.subject = doc->subject;
  metadata.keywords = doc->plan_number;
  return gdnn_pdf_layout_write (layout, path, &metadata, error);
}
