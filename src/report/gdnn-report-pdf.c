/* gdnn-report-pdf.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-pdf"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "gdnn-report-chart.h"
#include "gdnn-report-pdf.h"
#include "gdnn-text.h"

/* The report on A4 pages in the layout of Nghị định 30/2020/NĐ-CP
 * (reference/domain.md §3): Liberation Serif (metric-compatible with Times
 * New Roman), margins 20/20/30/15 mm, the two-column header block, page
 * numbers centred in the top margin from page 2.
 *
 * Layout happens once, in two steps: the document becomes a flow of
 * blocks (a line of a paragraph, a table row, the header block, …) whose
 * heights are measured with pango; then the blocks are cut into pages,
 * never inside a table row, with the table's header rows repeated at the
 * top of each page it continues on. Drawing a page replays its blocks, so
 * the PDF, the preview and the printout are the same.
 *
 * Every size is in points. The pango context works at 72 dpi with metric
 * hinting off: pango-cairo assumes 96 dpi otherwise, and 13 pt would come
 * out as 17.3 pt (tech-notes §4). */

#define FONT_FAMILY  "Liberation Serif"
#define MM           (72.0 / 25.4)
#define MARGIN_TOP    (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT   (30 * MM)
#define MARGIN_RIGHT  (15 * MM)
#define TEXT_WIDTH    (GDNN_REPORT_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define PAGE_BOTTOM   (GDNN_REPORT_PAGE_HEIGHT - MARGIN_BOTTOM)
#define INDENT        (10 * MM)      /* first-line indent of body text */
#define PARA_SPACE    6.0            /* at least 6 pt between paragraphs */
#define LINE_SPACING  1.1
#define CELL_PAD      3.0
#define TABLE_PT      11.0
#define CHART_HEIGHT  (75 * MM)

enum { REGULAR = 0, BOLD = 1 << 0, ITALIC = 1 << 1 };

typedef enum
{
  BLOCK_SPACE,     /* vertical space, dropped at the top of a page */
  BLOCK_LINE,      /* one line of a paragraph */
  BLOCK_GROUP,     /* texts and rules drawn together: never split */
  BLOCK_CHART,     /* the rectangle of the chart hook */
} BlockKind;

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;      /* from the block's top */
} Text;

typedef struct
{
  double x0, y0, x1, y1;
  double width;
} Rule;

typedef struct _Block Block;
struct _Block
{
  BlockKind    kind;
  double       height;
  gboolean     keep_with_next;
  Block       *repeat;       /* the header rows of the table this row belongs to */

  /* BLOCK_LINE */
  PangoLayout *layout;
  int          line;
  double       line_x;
  double       baseline;

  /* BLOCK_GROUP */
  GArray      *texts;        /* of Text */
  GArray      *rules;        /* of Rule */
};

typedef struct
{
  Block  *block;
  double  y;
} Placed;

struct _GdnnReportPdf
{
  const GdnnReportDoc *doc;
  PangoFontMap        *font_map;
  PangoContext        *context;
  GPtrArray           *layouts;   /* every layout, owned */
  GPtrArray           *blocks;    /* of Block, in flow order */
  GPtrArray           *pages;     /* of GArray of Placed */
  gboolean             laid_out;
  GdnnReportChartFunc  chart_func;
  double               chart_height;
  gpointer             chart_data;
};

/* ---- Blocks --------------------------------------------------------- */

static void
block_free (Block *b)
{
  g_clear_pointer (&b->texts, g_array_unref);
  g_clear_pointer (&b->rules, g_array_unref);
  g_free (b);
}

static Block *
add_block (GdnnReportPdf *self,
           BlockKind      kind,
           double         height)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->height = height;
  if (kind == BLOCK_GROUP)
    {
      b->texts = g_array_new (FALSE, FALSE, sizeof (Text));
      b->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
    }
  g_ptr_array_add (self->blocks, b);
  return b;
}

static void
add_space (GdnnReportPdf *self,
           double         height)
{
  add_block (self, BLOCK_SPACE, height);
}

static void
group_text (Block       *b,
            PangoLayout *layout,
            double       x,
            double       y)
{
  Text t = { layout, x, y };
  g_array_append_val (b->texts, t);
}

static void
group_rule (Block  *b,
            double  x0,
            double  y0,
            double  x1,
            double  y1,
            double  width)
{
  Rule r = { x0, y0, x1, y1, width };
  g_array_append_val (b->rules, r);
}

/* ---- Text ----------------------------------------------------------- */

static PangoLayout *
make_layout (GdnnReportPdf  *self,
             const char     *markup,
             double          size,
             int             style,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *fd = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *text = g_utf8_normalize (markup != NULL ? markup : "", -1, G_NORMALIZE_NFC);

  pango_font_description_set_family (fd, FONT_FAMILY);
  pango_font_description_set_absolute_size (fd, size * PANGO_SCALE);
  pango_font_description_set_weight (fd, (style & BOLD) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (fd, (style & ITALIC) ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, fd);
  pango_font_description_free (fd);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_markup (layout, text, -1);
  /* Narrow cells must not get hyphens inserted into words (tech-notes §4). */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static PangoLayout *
make_plain (GdnnReportPdf  *self,
            const char     *text,
            double          size,
            int             style,
            double          width,
            PangoAlignment  align)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  return make_layout (self, escaped, size, style, width, align);
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* The ink-independent width of the widest line. */
static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* A paragraph of body text: one block per line, so that a long paragraph
 * flows on to the next page. */
static void
add_paragraph_full (GdnnReportPdf  *self,
                    const char     *markup,
                    double          size,
                    int             style,
                    double          indent,
                    gboolean        justify,
                    gboolean        keep_with_next,
                    double          space_after)
{
  PangoLayout *layout = make_layout (self, markup, size, style, TEXT_WIDTH, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter;
  Block *prev = NULL;
  int prev_y0 = 0;
  int n = 0;
  int count;

  pango_layout_set_indent (layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_justify (layout, justify);
  count = pango_layout_get_line_count (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      Block *b = add_block (self, BLOCK_LINE, 0);

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      b->layout = layout;
      b->line = n;
      b->line_x = (double) logical.x / PANGO_SCALE;
      b->baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      b->height = (double) (y1 - y0) / PANGO_SCALE;
      /* Headings stay with what follows; no single first line at a
       * page's foot. */
      b->keep_with_next = keep_with_next || (n == 0 && count > 1);
      if (prev != NULL)
        /* The step from the previous line includes pango's line spacing. */
        prev->height = (double) (y0 - prev_y0) / PANGO_SCALE;
      if (n == count - 1)
        b->height += space_after;
      prev = b;
      prev_y0 = y0;
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
add_body (GdnnReportPdf *self,
          const char    *markup)
{
  add_paragraph_full (self, markup, 13, REGULAR, INDENT, TRUE, FALSE, PARA_SPACE);
}

static void
add_body_text (GdnnReportPdf *self,
               const char    *text)
{
  g_auto(GStrv) paras = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; paras[i] != NULL; i++)
    {
      g_autofree char *p = g_strstrip (g_strdup (paras[i]));
      g_autofree char *escaped = NULL;

      if (*p == '\0')
        continue;
      escaped = g_markup_escape_text (p, -1);
      add_body (self, escaped);
    }
}

static void
add_heading (GdnnReportPdf *self,
             const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  add_paragraph_full (self, escaped, 13, BOLD, INDENT, TRUE, TRUE, PARA_SPACE);
}

/* ---- Header block, title, closing block ----------------------------- */

/* A centred layout in a column, returned with its height added to *y. */
static PangoLayout *
column_text (GdnnReportPdf *self,
             Block         *b,
             const char    *text,
             double         size,
             int            style,
             double         x,
             double         width,
             double        *y)
{
  PangoLayout *l = make_plain (self, text, size, style, width, PANGO_ALIGN_CENTER);

  pango_layout_set_line_spacing (l, 0);   /* single spacing in the header */
  group_text (b, l, x, *y);
  *y += layout_height (l);
  return l;
}

/* A solid line under @l, @fraction of its text width, centred. */
static void
underline (Block       *b,
           PangoLayout *l,
           double       x,
           double       width,
           double       y,
           double       fraction)
{
  double len = layout_width (l) * fraction;
  double mid = x + width / 2;

  group_rule (b, mid - len / 2, y, mid + len / 2, y, 0.6);
}

static void
add_header (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;
  const double left_w = TEXT_WIDTH * 0.44 + 8;
  const double right_x = MARGIN_LEFT + left_w - 4;
  const double right_w = TEXT_WIDTH - left_w + 4 + 10;   /* may reach into the right margin a little */
  Block *b = add_block (self, BLOCK_GROUP, 0);
  double yl = 0, yr = 0, y;
  PangoLayout *l;
  g_autofree char *number = g_strdup_printf ("Số: %s", doc->number);

  /* Left: ô 2, the governing body and the unit, a short line under it. */
  if (doc->governing_body != NULL)
    column_text (self, b, doc->governing_body, 12, REGULAR, MARGIN_LEFT - 8, left_w, &yl);
  l = column_text (self, b, doc->issuing_body, 12, BOLD, MARGIN_LEFT - 8, left_w, &yl);
  yl += 2;
  underline (b, l, MARGIN_LEFT - 8, left_w, yl, 0.35);

  /* Right: ô 1, Quốc hiệu and Tiêu ngữ, a line as long as the motto. */
  column_text (self, b, doc->national_title, 12, BOLD, right_x, right_w, &yr);
  l = column_text (self, b, doc->motto, 13, BOLD, right_x, right_w, &yr);
  yr += 2;
  underline (b, l, right_x, right_w, yr, 1.0);

  /* ô 3 and ô 4 on one line. */
  y = MAX (yl, yr) + 10;
  yl = y;
  column_text (self, b, number, 13, REGULAR, MARGIN_LEFT - 8, left_w, &yl);
  yr = y;
  column_text (self, b, doc->place_date, 13, ITALIC, right_x, right_w, &yr);
  b->height = MAX (yl, yr) + 12;
}

static void
add_title (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;
  Block *b = add_block (self, BLOCK_GROUP, 0);
  double y = 6;
  PangoLayout *l;

  column_text (self, b, doc->doc_type, 14, BOLD, MARGIN_LEFT, TEXT_WIDTH, &y);
  l = column_text (self, b, doc->subject, 14, BOLD, MARGIN_LEFT + TEXT_WIDTH * 0.1, TEXT_WIDTH * 0.8, &y);
  y += 4;
  underline (b, l, MARGIN_LEFT, TEXT_WIDTH, y, pango_layout_get_line_count (l) > 1 ? 0.3 : 0.4);
  b->height = y + 14;
}

static void
add_closing (GdnnReportPdf *self)
{
  const GdnnReportDoc *doc = self->doc;
  const double left_w = TEXT_WIDTH * 0.42;
  const double right_x = MARGIN_LEFT + left_w;
  const double right_w = TEXT_WIDTH - left_w;
  Block *b = add_block (self, BLOCK_GROUP, 0);
  guint n = g_strv_length (doc->recipients);
  double yl = 0, yr = 0;
  PangoLayout *label;
  g_autoptr(GString) list = g_string_new (NULL);

  /* ô 9b: "Nơi nhận:" level with the signer's title, the list in 11 pt. */
  label = make_plain (self, "Nơi nhận:", 12, BOLD | ITALIC, left_w, PANGO_ALIGN_LEFT);
  pango_layout_set_line_spacing (label, 0);
  group_text (b, label, MARGIN_LEFT, 2);
  yl = 2 + layout_height (label);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s- %s%s", i > 0 ? "\n" : "", doc->recipients[i], i + 1 < n ? ";" : ".");
  {
    PangoLayout *l = make_plain (self, list->str, 11, REGULAR, left_w, PANGO_ALIGN_LEFT);
    pango_layout_set_line_spacing (l, 0);
    group_text (b, l, MARGIN_LEFT, yl);
    yl += layout_height (l);
  }

  /* ô 7: title, room for the signature and seal, name. */
  column_text (self, b, doc->signer_title, 13, BOLD, right_x, right_w, &yr);
  yr += 70;
  column_text (self, b, doc->signer_name != NULL ? doc->signer_name : "", 13, BOLD, right_x, right_w, &yr);
  b->height = MAX (yl, yr) + 6;
}

/* ---- Tables --------------------------------------------------------- */

typedef struct
{
  double         width;
  PangoAlignment align;
} Column;

static double
columns_x (const Column *cols,
           guint         col)
{
  double x = MARGIN_LEFT;

  for (guint i = 0; i < col; i++)
    x += cols[i].width;
  return x;
}

static double
columns_span (const Column *cols,
              guint         first,
              guint         last)
{
  return columns_x (cols, last + 1) - columns_x (cols, first);
}

/* Draws the four sides of a cell. */
static void
cell_box (Block  *b,
          double  x0,
          double  y0,
          double  x1,
          double  y1)
{
  group_rule (b, x0, y0, x1, y0, 0.5);
  group_rule (b, x0, y1, x1, y1, 0.5);
  group_rule (b, x0, y0, x0, y1, 0.5);
  group_rule (b, x1, y0, x1, y1, 0.5);
}

/* One table row of markup cells; returns the block (its height set). */
static Block *
add_row (GdnnReportPdf  *self,
         const Column   *cols,
         guint           n_cols,
         const char    **cells,
         int             style,
         Block          *header)
{
  Block *b = add_block (self, BLOCK_GROUP, 0);
  double height = 0;
  PangoLayout *layouts[16];

  g_assert (n_cols <= G_N_ELEMENTS (layouts));
  for (guint c = 0; c < n_cols; c++)
    {
      layouts[c] = make_layout (self, cells[c], TABLE_PT, style, cols[c].width - 2 * CELL_PAD, cols[c].align);
      pango_layout_set_line_spacing (layouts[c], 0);
      height = MAX (height, layout_height (layouts[c]));
    }
  height += 2 * CELL_PAD;
  for (guint c = 0; c < n_cols; c++)
    {
      double x = columns_x (cols, c);
      /* Vertically centred, as table cells are in practice. */
      double dy = (height - 2 * CELL_PAD - layout_height (layouts[c])) / 2;

      group_text (b, layouts[c], x + CELL_PAD, CELL_PAD + dy);
      cell_box (b, x, 0, x + cols[c].width, height);
    }
  b->height = height;
  b->repeat = header;
  return b;
}

/* A row spanning the whole table (a group heading, a total label). */
static Block *
add_span_row (GdnnReportPdf *self,
              const Column  *cols,
              guint          n_cols,
              const char    *markup,
              int            style,
              Block         *header)
{
  Block *b = add_block (self, BLOCK_GROUP, 0);
  double w = columns_span (cols, 0, n_cols - 1);
  PangoLayout *l = make_layout (self, markup, TABLE_PT, style, w - 2 * CELL_PAD, PANGO_ALIGN_LEFT);

  pango_layout_set_line_spacing (l, 0);
  b->height = layout_height (l) + 2 * CELL_PAD;
  group_text (b, l, MARGIN_LEFT + CELL_PAD, CELL_PAD);
  cell_box (b, MARGIN_LEFT, 0, MARGIN_LEFT + w, b->height);
  b->repeat = header;
  b->keep_with_next = TRUE;
  return b;
}

/* A header cell spanning columns c0..c1 and header rows r0..r1 (0 or 1). */
typedef struct
{
  guint       c0, c1, r0, r1;
  const char *text;
} HeadCell;

static Block *
add_head (GdnnReportPdf  *self,
          const Column   *cols,
          const HeadCell *cells,
          guint           n_cells)
{
  Block *b = add_block (self, BLOCK_GROUP, 0);
  PangoLayout *layouts[24];
  double h[2] = { 0, 0 };

  g_assert (n_cells <= G_N_ELEMENTS (layouts));
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[i].text, -1);
      double w = columns_span (cols, cells[i].c0, cells[i].c1) - 2 * CELL_PAD;

      layouts[i] = make_layout (self, escaped, TABLE_PT, BOLD, w, PANGO_ALIGN_CENTER);
      pango_layout_set_line_spacing (layouts[i], 0);
      if (cells[i].r0 == cells[i].r1)
        h[cells[i].r0] = MAX (h[cells[i].r0], layout_height (layouts[i]) + 2 * CELL_PAD);
    }
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].r0 != cells[i].r1 && layout_height (layouts[i]) + 2 * CELL_PAD > h[0] + h[1])
      h[1] = layout_height (layouts[i]) + 2 * CELL_PAD - h[0];
  for (guint i = 0; i < n_cells; i++)
    {
      double x0 = columns_x (cols, cells[i].c0);
      double x1 = columns_x (cols, cells[i].c1 + 1);
      double y0 = cells[i].r0 == 0 ? 0 : h[0];
      double y1 = cells[i].r1 == 0 ? h[0] : h[0] + h[1];
      double dy = (y1 - y0 - layout_height (layouts[i])) / 2;

      group_text (b, layouts[i], x0 + CELL_PAD, y0 + dy);
      cell_box (b, x0, y0, x1, y1);
    }
  b->height = h[0] + h[1];
  b->keep_with_next = TRUE;
  return b;
}

static char *
format_value (GdnnMeasure measure,
              double      value)
{
  if (measure == GDNN_MEASURE_RATIO)
    return gdnn_format_percent (value, 1);
  if (measure == GDNN_MEASURE_BOOLEAN)
    return g_strdup (value >= 0.5 ? "Có" : "Không");
  return gdnn_format_number (value, value == floor (value) ? 0 : 2);
}

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
  Column cols[12];
  HeadCell head[16];
  guint n = 0, nh = 0;
  guint c_name, c_unit, c_target, c_value, c_expected, c_pct, c_assess;
  double used = 0;
  g_autofree char *result = g_strdup_printf ("Kết quả năm %d", doc->year);
  g_autofree char *expected = g_strdup_printf ("Mức cần đạt năm %d", doc->year);
  char *year_labels[3] = { NULL, NULL, NULL };
  const char *group = NULL;
  gboolean first = TRUE;
  Block *header;

  cols[n++] = (Column) { 24, PANGO_ALIGN_CENTER };
  c_name = n;
  cols[n++] = (Column) { 0, PANGO_ALIGN_LEFT };
  c_unit = n;
  cols[n++] = (Column) { 32, PANGO_ALIGN_CENTER };
  c_target = n;
  for (guint i = 0; i < n_target; i++)
    cols[n++] = (Column) { target_cols ? 40 : 64, PANGO_ALIGN_CENTER };
  c_value = n;
  cols[n++] = (Column) { 58, PANGO_ALIGN_CENTER };
  c_expected = n;
  cols[n++] = (Column) { 46, PANGO_ALIGN_CENTER };
  c_pct = n;
  cols[n++] = (Column) { 44, PANGO_ALIGN_CENTER };
  c_assess = n;
  cols[n++] = (Column) { 44, PANGO_ALIGN_CENTER };
  for (guint i = 0; i < n; i++)
    used += cols[i].width;
  cols[c_name].width = TEXT_WIDTH - used;

  head[nh++] = (HeadCell) { 0, 0, 0, 1, "STT" };
  head[nh++] = (HeadCell) { c_name, c_name, 0, 1, "Chỉ tiêu" };
  head[nh++] = (HeadCell) { c_unit, c_unit, 0, 1, "Đơn vị tính" };
  if (target_cols)
    {
      head[nh++] = (HeadCell) { c_target, c_target + m - 1, 0, 0, "Mục tiêu" };
      for (guint i = 0; i < m; i++)
        {
          year_labels[i] = g_strdup_printf ("Năm %d", g_array_index (doc->milestone_years, int, i));
          head[nh++] = (HeadCell) { c_target + i, c_target + i, 1, 1, year_labels[i] };
        }
    }
  else
    head[nh++] = (HeadCell) { c_target, c_target, 0, 1, "Mục tiêu" };
  head[nh++] = (HeadCell) { c_value, c_value, 0, 1, result };
  head[nh++] = (HeadCell) { c_expected, c_expected, 0, 1, expected };
  head[nh++] = (HeadCell) { c_pct, c_pct, 0, 1, "So với mục tiêu" };
  head[nh++] = (HeadCell) { c_assess, c_assess, 0, 1, "Đánh giá" };
  header = add_head (self, cols, head, nh);

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
              add_span_row (self, cols, n, escaped, BOLD, header);
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
          g_autofree char *v = format_value (r->measure, tg->value);

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
          g_autofree char *v = format_value (r->measure, r->value);
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
      exp_text = r->has_track ? format_value (r->measure, r->expected) : g_strdup ("");
      pct = r->has_percent_of_target ? gdnn_format_percent (r->percent_of_target, 1) : g_strdup ("");

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
      add_row (self, cols, n, cells, REGULAR, header);
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
  Column cols[8] = {
    { 24, PANGO_ALIGN_CENTER }, { 0, PANGO_ALIGN_LEFT }, { 62, PANGO_ALIGN_CENTER },
    { 56, PANGO_ALIGN_RIGHT }, { 56, PANGO_ALIGN_RIGHT }, { 56, PANGO_ALIGN_RIGHT }, { 56, PANGO_ALIGN_RIGHT },
    { 60, PANGO_ALIGN_RIGHT },
  };
  g_autofree char *year = g_strdup_printf ("Năm %d", doc->year);
  g_autofree char *total = g_strdup_printf ("Lũy kế đến năm %d", doc->year);
  g_autofree char *reference = g_strdup_printf ("Theo KH số %s (tham chiếu)", doc->plan_number);
  HeadCell head[] = {
    { 0, 0, 0, 1, "STT" }, { 1, 1, 0, 1, "Nội dung" }, { 2, 2, 0, 1, "Nguồn kinh phí" },
    { 3, 4, 0, 0, year }, { 5, 6, 0, 0, total },
    { 3, 3, 1, 1, "Kế hoạch" }, { 4, 4, 1, 1, "Thực hiện" }, { 5, 5, 1, 1, "Kế hoạch" }, { 6, 6, 1, 1, "Thực hiện" },
    { 7, 7, 0, 1, reference },
  };
  Block *header;
  double used = 0;

  n_head = doc->budget_has_reference ? G_N_ELEMENTS (head) : G_N_ELEMENTS (head) - 1;
  if (doc->budget_has_reference)
    cols[2].width = 52;
  for (guint i = 0; i < n_cols; i++)
    used += cols[i].width;
  cols[1].width = TEXT_WIDTH - used;

  {
    PangoLayout *l = make_plain (self, "Đơn vị tính: triệu đồng", 12, ITALIC, TEXT_WIDTH, PANGO_ALIGN_RIGHT);
    Block *b = add_block (self, BLOCK_GROUP, layout_height (l) + 3);
    group_text (b, l, MARGIN_LEFT, 0);
    b->keep_with_next = TRUE;
  }
  header = add_head (self, cols, head, n_head);
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

      add_row (self, cols, n_cols, cells, REGULAR, header);
    }
  {
    g_autofree char *planned = format_million (doc->budget_planned);
    g_autofree char *spent = format_million (doc->budget_spent);
    g_autofree char *pt = format_million (doc->budget_planned_total);
    g_autofree char *st = format_million (doc->budget_spent_total);
    g_autofree char *ref = format_million (doc->budget_reference);
    const char *cells[] = { "", "Tổng cộng", "", planned, spent, pt, st, ref };

    add_row (self, cols, n_cols, cells, BOLD, header);
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

      add_heading (self, heading);
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
          add_body (self, markup);
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

  add_header (self);
  add_title (self);
  add_body (self, intro);

  heading = g_strdup_printf ("%s. %s", roman[0], doc->section_titles[0]);
  add_heading (self, heading);
  g_free (heading);
  add_tasks (self);

  heading = g_strdup_printf ("%s. %s", roman[1], doc->section_titles[1]);
  add_heading (self, heading);
  g_free (heading);
  add_indicator_table (self);
  if (self->chart_func != NULL)
    {
      g_autofree char *caption = g_markup_printf_escaped ("Biểu đồ: Mức thực hiện các chỉ tiêu năm %d "
                                                          "so với mục tiêu", doc->year);
      add_space (self, 8);
      add_paragraph_full (self, caption, 12, ITALIC, 0, FALSE, TRUE, 4);
      add_block (self, BLOCK_CHART, self->chart_height > 0 ? self->chart_height : CHART_HEIGHT);
    }
  add_space (self, 10);

  heading = g_strdup_printf ("%s. %s", roman[2], doc->section_titles[2]);
  add_heading (self, heading);
  g_free (heading);
  add_budget_table (self);
  add_space (self, 10);

  heading = g_strdup_printf ("%s. %s", roman[3], doc->section_titles[3]);
  add_heading (self, heading);
  g_free (heading);
  add_heading (self, "1. Đánh giá chung");
  add_body_text (self, doc->assessment);
  add_heading (self, "2. Khó khăn, vướng mắc");
  add_body_text (self, doc->difficulties);

  heading = g_strdup_printf ("%s. %s", roman[4], doc->section_titles[4]);
  add_heading (self, heading);
  g_free (heading);
  add_body_text (self, doc->proposals);
  {
    g_autofree char *close = g_strdup_printf ("Trên đây là báo cáo kết quả thực hiện %s năm %d của %s./.",
                                              doc->plan_number, doc->year, doc->unit_name);
    g_autofree char *escaped = g_markup_escape_text (close, -1);
    /* The last paragraph goes to the page of the signature. */
    add_paragraph_full (self, escaped, 13, REGULAR, INDENT, TRUE, TRUE, PARA_SPACE);
  }

  add_block (self, BLOCK_SPACE, 6)->keep_with_next = TRUE;
  add_closing (self);
}

/* ---- Pagination ------------------------------------------------------- */

static GArray *
new_page (GdnnReportPdf *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (self->pages, page);
  return page;
}

static void
paginate (GdnnReportPdf *self)
{
  GArray *page = new_page (self);
  double y = MARGIN_TOP;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      double need = b->height;
      Placed p;

      if (b->kind == BLOCK_SPACE && y == MARGIN_TOP)
        continue;
      /* Keep a heading (and a table's header) with the next block. */
      for (guint k = i; k + 1 < self->blocks->len && ((Block *) g_ptr_array_index (self->blocks, k))->keep_with_next; k++)
        need += ((Block *) g_ptr_array_index (self->blocks, k + 1))->height;
      if (need > PAGE_BOTTOM - MARGIN_TOP)
        need = b->height;
      if (y + need > PAGE_BOTTOM && y > MARGIN_TOP)
        {
          page = new_page (self);
          y = MARGIN_TOP;
          if (b->kind == BLOCK_SPACE)
            continue;
          /* A table continues: its header rows first. */
          if (b->repeat != NULL)
            {
              p.block = b->repeat;
              p.y = y;
              g_array_append_val (page, p);
              y += b->repeat->height;
            }
        }
      p.block = b;
      p.y = y;
      g_array_append_val (page, p);
      y += b->height;
    }
}

static void
ensure_layout (GdnnReportPdf *self)
{
  if (self->laid_out)
    return;
  build (self);
  paginate (self);
  self->laid_out = TRUE;
}

static void
clear_layout (GdnnReportPdf *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->layouts, 0);
  self->laid_out = FALSE;
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
  cairo_font_options_t *options;

  g_return_val_if_fail (doc != NULL, NULL);

  self = g_new0 (GdnnReportPdf, 1);
  self->doc = doc;
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Unhinted metrics: the same line breaks on every target. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
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
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->layouts);
  g_object_unref (self->context);
  g_object_unref (self->font_map);
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
  clear_layout (self);
}

guint
gdnn_report_pdf_get_n_pages (GdnnReportPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);

  ensure_layout (self);
  return self->pages->len;
}

static void
draw_rule (cairo_t    *cr,
           const Rule *r,
           double      top)
{
  cairo_set_line_width (cr, r->width);
  cairo_move_to (cr, r->x0, top + r->y0);
  cairo_line_to (cr, r->x1, top + r->y1);
  cairo_stroke (cr);
}

static PangoLayout *
page_text (GdnnReportPdf *self,
           const char    *text,
           double         size,
           int            style)
{
  PangoLayout *l = make_plain (self, text, size, style, TEXT_WIDTH, PANGO_ALIGN_CENTER);

  /* Owned by the caller: not kept with the document's layouts. */
  g_object_ref (l);
  g_ptr_array_remove (self->layouts, l);
  return l;
}

static void
draw_draft_marks (GdnnReportPdf *self,
                  cairo_t       *cr,
                  guint          page)
{
  g_autoptr(PangoLayout) mark = page_text (self, "DỰ THẢO", 90, BOLD);

  /* A light diagonal mark across every page. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.75, 0.1, 0.1, 0.12);
  cairo_translate (cr, GDNN_REPORT_PAGE_WIDTH / 2, GDNN_REPORT_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -G_PI / 4);
  cairo_move_to (cr, -TEXT_WIDTH / 2, -layout_height (mark) / 2);
  pango_cairo_show_layout (cr, mark);
  cairo_restore (cr);

  if (page == 0)
    {
      /* And a boxed "DỰ THẢO" in the top margin of the first page. */
      g_autoptr(PangoLayout) label = page_text (self, "DỰ THẢO", 12, BOLD);
      double w = layout_width (label) + 12;
      double h = layout_height (label) + 4;
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
  GArray *placed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  ensure_layout (self);
  g_return_if_fail (page < self->pages->len);
  placed = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->doc->draft)
    draw_draft_marks (self, cr, page);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  /* Page numbers centred in the top margin, none on page 1. */
  if (page > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", page + 1);
      g_autoptr(PangoLayout) l = page_text (self, number, 13, REGULAR);

      cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP / 2 - layout_height (l) / 2);
      pango_cairo_show_layout (cr, l);
    }

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      const Block *b = p->block;

      switch (b->kind)
        {
        case BLOCK_LINE:
          cairo_move_to (cr, MARGIN_LEFT + b->line_x, p->y + b->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (b->layout, b->line));
          break;
        case BLOCK_GROUP:
          for (guint t = 0; t < b->texts->len; t++)
            {
              const Text *text = &g_array_index (b->texts, Text, t);
              cairo_move_to (cr, text->x, p->y + text->y);
              pango_cairo_show_layout (cr, text->layout);
            }
          for (guint r = 0; r < b->rules->len; r++)
            draw_rule (cr, &g_array_index (b->rules, Rule, r), p->y);
          break;
        case BLOCK_CHART:
          /* The hook of the shared chart renderer (src/render/gdnn-chart.h). */
          if (self->chart_func != NULL)
            {
              cairo_save (cr);
              cairo_rectangle (cr, MARGIN_LEFT, p->y, TEXT_WIDTH, b->height);
              cairo_clip (cr);
              self->chart_func (cr, self->doc, MARGIN_LEFT, p->y, TEXT_WIDTH, b->height, self->chart_data);
              cairo_restore (cr);
            }
          break;
        case BLOCK_SPACE:
        default:
          break;
        }
    }
  cairo_restore (cr);
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
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ensure_layout (self);
  tmp = g_strdup_printf ("%s.part-%u", path, g_random_int ());
  surface = cairo_pdf_surface_create (tmp, GDNN_REPORT_PAGE_WIDTH, GDNN_REPORT_PAGE_HEIGHT);
  title = g_strdup_printf ("%s %s", self->doc->doc_type, self->doc->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->doc->unit_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->doc->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->doc->plan_number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "gdnn-report " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      gdnn_report_pdf_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE,
                   /* Translators: %s is a file name, then cairo's reason (in English). */
                   _("Cannot write the PDF “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE,
                   _("Cannot write the PDF “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
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
