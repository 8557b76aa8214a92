/* gdnn-pdf-layout.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-pdf-layout"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "gdnn-pdf-layout.h"
#include "gdnn-report-doc.h"

/* Layout happens in two steps: the document becomes a flow of blocks (a
 * line of a paragraph, a table row, the header block, …) whose heights
 * are measured with pango; then the blocks are cut into pages, never
 * inside a table row, with the table's header rows repeated at the top of
 * each page it continues on. Drawing a page replays its blocks, so the
 * PDF, the preview and the printout are the same.
 *
 * Every size is in points. The pango context works at 72 dpi with metric
 * hinting off: pango-cairo assumes 96 dpi otherwise, and 13 pt would come
 * out as 17.3 pt (tech-notes §4). */

#define FONT_FAMILY   "Liberation Serif"
#define MARGIN_TOP    GDNN_PDF_MARGIN_TOP
#define MARGIN_BOTTOM GDNN_PDF_MARGIN_BOTTOM
#define MARGIN_LEFT   GDNN_PDF_MARGIN_LEFT
#define MARGIN_RIGHT  GDNN_PDF_MARGIN_RIGHT
#define LINE_SPACING  1.1
#define CELL_PAD      GDNN_PDF_CELL_PAD
#define TABLE_PT      GDNN_PDF_TABLE_PT

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

typedef struct
{
  GdnnPdfBlock *block;
  double        y;
} Placed;

typedef struct
{
  GArray *placed;      /* of Placed */
  guint   section;
  guint   number;      /* from 1 within its section */
} Page;

struct _GdnnPdfLayout
{
  PangoFontMap    *font_map;
  PangoContext    *context;
  GPtrArray       *layouts;    /* every layout, owned */
  GPtrArray       *blocks;     /* of GdnnPdfBlock, in flow order */
  GPtrArray       *pages;      /* of Page */
  GArray          *landscape;  /* of gboolean, per section */
  gboolean         paginated;
  GdnnPdfPageFunc  page_func;
  gpointer         page_data;
};

static gboolean
section_landscape (GdnnPdfLayout *self,
                   guint          section)
{
  return g_array_index (self->landscape, gboolean, section);
}

static guint
current_section (GdnnPdfLayout *self)
{
  return self->landscape->len - 1;
}

static double
section_width (GdnnPdfLayout *self,
               guint          section)
{
  return section_landscape (self, section) ? GDNN_PDF_A4_HEIGHT : GDNN_PDF_A4_WIDTH;
}

static double
section_height (GdnnPdfLayout *self,
                guint          section)
{
  return section_landscape (self, section) ? GDNN_PDF_A4_WIDTH : GDNN_PDF_A4_HEIGHT;
}

static double
section_text_width (GdnnPdfLayout *self,
                    guint          section)
{
  return section_width (self, section) - MARGIN_LEFT - MARGIN_RIGHT;
}

/* ---- Life cycle ------------------------------------------------------ */

static void
block_free (GdnnPdfBlock *b)
{
  g_clear_pointer (&b->texts, g_array_unref);
  g_clear_pointer (&b->rules, g_array_unref);
  g_free (b);
}

static void
page_free (Page *page)
{
  g_array_unref (page->placed);
  g_free (page);
}

GdnnPdfLayout *
gdnn_pdf_layout_new (void)
{
  GdnnPdfLayout *self = g_new0 (GdnnPdfLayout, 1);
  cairo_font_options_t *options;
  gboolean portrait = FALSE;

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
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->landscape = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_array_append_val (self->landscape, portrait);
  return self;
}

void
gdnn_pdf_layout_free (GdnnPdfLayout *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->layouts);
  g_array_unref (self->landscape);
  g_object_unref (self->context);
  g_object_unref (self->font_map);
  g_free (self);
}

/* Forgets every block and page, to lay the document out again. */
void
gdnn_pdf_layout_clear (GdnnPdfLayout *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->layouts, 0);
  g_array_set_size (self->landscape, 1);
  g_array_index (self->landscape, gboolean, 0) = FALSE;
  self->paginated = FALSE;
}

void
gdnn_pdf_layout_begin_section (GdnnPdfLayout *self,
                               gboolean       landscape)
{
  g_return_if_fail (self != NULL);

  if (self->blocks->len == 0)
    g_array_index (self->landscape, gboolean, 0) = landscape;
  else
    g_array_append_val (self->landscape, landscape);
}

double
gdnn_pdf_layout_text_width (GdnnPdfLayout *self)
{
  return section_text_width (self, current_section (self));
}

double
gdnn_pdf_layout_page_width (GdnnPdfLayout *self)
{
  return section_width (self, current_section (self));
}

double
gdnn_pdf_layout_page_height (GdnnPdfLayout *self)
{
  return section_height (self, current_section (self));
}

/* ---- Blocks --------------------------------------------------------- */

GdnnPdfBlock *
gdnn_pdf_layout_add_block (GdnnPdfLayout    *self,
                           GdnnPdfBlockKind  kind,
                           double            height)
{
  GdnnPdfBlock *b = g_new0 (GdnnPdfBlock, 1);

  b->kind = kind;
  b->height = height;
  b->section = current_section (self);
  if (kind == GDNN_PDF_BLOCK_GROUP)
    {
      b->texts = g_array_new (FALSE, FALSE, sizeof (Text));
      b->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
    }
  g_ptr_array_add (self->blocks, b);
  self->paginated = FALSE;
  return b;
}

void
gdnn_pdf_layout_add_space (GdnnPdfLayout *self,
                           double         height)
{
  gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_SPACE, height);
}

GdnnPdfBlock *
gdnn_pdf_layout_add_draw (GdnnPdfLayout   *self,
                          double           height,
                          GdnnPdfDrawFunc  func,
                          gpointer         user_data)
{
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_DRAW, height);

  b->draw_func = func;
  b->draw_data = user_data;
  return b;
}

void
gdnn_pdf_block_add_text (GdnnPdfBlock *b,
                         PangoLayout  *layout,
                         double        x,
                         double        y)
{
  Text t = { layout, x, y };
  g_array_append_val (b->texts, t);
}

void
gdnn_pdf_block_add_rule (GdnnPdfBlock *b,
                         double        x0,
                         double        y0,
                         double        x1,
                         double        y1,
                         double        width)
{
  Rule r = { x0, y0, x1, y1, width };
  g_array_append_val (b->rules, r);
}

/* ---- Text ----------------------------------------------------------- */

PangoLayout *
gdnn_pdf_layout_markup (GdnnPdfLayout  *self,
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
  pango_font_description_set_weight (fd, (style & GDNN_PDF_BOLD) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (fd, (style & GDNN_PDF_ITALIC) ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
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

PangoLayout *
gdnn_pdf_layout_plain (GdnnPdfLayout  *self,
                       const char     *text,
                       double          size,
                       int             style,
                       double          width,
                       PangoAlignment  align)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  return gdnn_pdf_layout_markup (self, escaped, size, style, width, align);
}

PangoLayout *
gdnn_pdf_layout_page_text (GdnnPdfLayout *self,
                           const char    *text,
                           double         size,
                           int            style)
{
  PangoLayout *l = gdnn_pdf_layout_plain (self, text, size, style,
                                          section_text_width (self, 0), PANGO_ALIGN_CENTER);

  /* Owned by the caller: not kept with the document's layouts. */
  g_object_ref (l);
  g_ptr_array_remove (self->layouts, l);
  return l;
}

double
gdnn_pdf_text_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* The ink-independent width of the widest line. */
double
gdnn_pdf_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* A paragraph of body text: one block per line, so that a long paragraph
 * flows on to the next page. */
void
gdnn_pdf_layout_add_paragraph (GdnnPdfLayout *self,
                               const char    *markup,
                               double         size,
                               int            style,
                               double         indent,
                               gboolean       justify,
                               gboolean       keep_with_next,
                               double         space_after)
{
  PangoLayout *layout = gdnn_pdf_layout_markup (self, markup, size, style,
                                                gdnn_pdf_layout_text_width (self), PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter;
  GdnnPdfBlock *prev = NULL;
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
      GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_LINE, 0);

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

void
gdnn_pdf_layout_add_body (GdnnPdfLayout *self,
                          const char    *markup)
{
  gdnn_pdf_layout_add_paragraph (self, markup, 13, GDNN_PDF_REGULAR, GDNN_PDF_INDENT, TRUE, FALSE,
                                 GDNN_PDF_PARA_SPACE);
}

/* Plain text, one paragraph per line; empty lines are skipped. */
void
gdnn_pdf_layout_add_body_text (GdnnPdfLayout *self,
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
      gdnn_pdf_layout_add_body (self, escaped);
    }
}

void
gdnn_pdf_layout_add_heading (GdnnPdfLayout *self,
                             const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  gdnn_pdf_layout_add_paragraph (self, escaped, 13, GDNN_PDF_BOLD, GDNN_PDF_INDENT, TRUE, TRUE,
                                 GDNN_PDF_PARA_SPACE);
}

/* ---- Header block, title, closing block ----------------------------- */

/* A centred layout in a column, returned with its height added to *y. */
PangoLayout *
gdnn_pdf_layout_column_text (GdnnPdfLayout *self,
                             GdnnPdfBlock  *b,
                             const char    *text,
                             double         size,
                             int            style,
                             double         x,
                             double         width,
                             double        *y)
{
  PangoLayout *l = gdnn_pdf_layout_plain (self, text, size, style, width, PANGO_ALIGN_CENTER);

  pango_layout_set_line_spacing (l, 0);   /* single spacing in the header */
  gdnn_pdf_block_add_text (b, l, x, *y);
  *y += gdnn_pdf_text_height (l);
  return l;
}

/* A solid line under @l, @fraction of its text width, centred. */
void
gdnn_pdf_block_underline (GdnnPdfBlock *b,
                          PangoLayout  *l,
                          double        x,
                          double        width,
                          double        y,
                          double        fraction)
{
  double len = gdnn_pdf_text_width (l) * fraction;
  double mid = x + width / 2;

  gdnn_pdf_block_add_rule (b, mid - len / 2, y, mid + len / 2, y, 0.6);
}

void
gdnn_pdf_layout_add_header (GdnnPdfLayout       *self,
                            const GdnnPdfHeader *h)
{
  const double text_width = gdnn_pdf_layout_text_width (self);
  const double left_w = text_width * 0.44 + 8;
  const double right_x = MARGIN_LEFT + left_w - 4;
  const double right_w = text_width - left_w + 4 + 10;   /* may reach into the right margin a little */
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_GROUP, 0);
  double yl = 0, yr = 0, y;
  PangoLayout *l;
  g_autofree char *number = g_strdup_printf ("Số: %s", h->number);

  /* Left: ô 2, the governing body and the unit, a short line under it. */
  if (h->governing_body != NULL)
    gdnn_pdf_layout_column_text (self, b, h->governing_body, 12, GDNN_PDF_REGULAR, MARGIN_LEFT - 8, left_w, &yl);
  l = gdnn_pdf_layout_column_text (self, b, h->issuing_body, 12, GDNN_PDF_BOLD, MARGIN_LEFT - 8, left_w, &yl);
  yl += 2;
  gdnn_pdf_block_underline (b, l, MARGIN_LEFT - 8, left_w, yl, 0.35);

  /* Right: ô 1, Quốc hiệu and Tiêu ngữ, a line as long as the motto. */
  gdnn_pdf_layout_column_text (self, b, h->national_title, 12, GDNN_PDF_BOLD, right_x, right_w, &yr);
  l = gdnn_pdf_layout_column_text (self, b, h->motto, 13, GDNN_PDF_BOLD, right_x, right_w, &yr);
  yr += 2;
  gdnn_pdf_block_underline (b, l, right_x, right_w, yr, 1.0);

  /* ô 3 and ô 4 on one line. */
  y = MAX (yl, yr) + 10;
  yl = y;
  gdnn_pdf_layout_column_text (self, b, number, 13, GDNN_PDF_REGULAR, MARGIN_LEFT - 8, left_w, &yl);
  /* ô 5b: a công văn's subject, 6 pt under the number. */
  if (h->subject_line != NULL)
    {
      yl += 6;
      gdnn_pdf_layout_column_text (self, b, h->subject_line, 12, GDNN_PDF_REGULAR, MARGIN_LEFT - 8, left_w, &yl);
    }
  yr = y;
  gdnn_pdf_layout_column_text (self, b, h->place_date, 13, GDNN_PDF_ITALIC, right_x, right_w, &yr);
  b->height = MAX (yl, yr) + 12;
}

void
gdnn_pdf_layout_add_title (GdnnPdfLayout *self,
                           const char    *doc_type,
                           const char    *subject)
{
  const double text_width = gdnn_pdf_layout_text_width (self);
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_GROUP, 0);
  double y = 6;
  PangoLayout *l;

  gdnn_pdf_layout_column_text (self, b, doc_type, 14, GDNN_PDF_BOLD, MARGIN_LEFT, text_width, &y);
  l = gdnn_pdf_layout_column_text (self, b, subject, 14, GDNN_PDF_BOLD, MARGIN_LEFT + text_width * 0.1,
                                   text_width * 0.8, &y);
  y += 4;
  gdnn_pdf_block_underline (b, l, MARGIN_LEFT, text_width, y, pango_layout_get_line_count (l) > 1 ? 0.3 : 0.4);
  b->height = y + 14;
}

/* ô 9b and ô 7: "Nơi nhận:" level with the signer's title, the list in
 * 11 pt; the title, room for the signature and seal, the name. */
void
gdnn_pdf_layout_add_closing (GdnnPdfLayout      *self,
                             const char * const *recipients,
                             const char         *signer_title,
                             const char         *signer_name)
{
  const double text_width = gdnn_pdf_layout_text_width (self);
  const double left_w = text_width * 0.42;
  const double right_x = MARGIN_LEFT + left_w;
  const double right_w = text_width - left_w;
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_GROUP, 0);
  guint n = recipients != NULL ? g_strv_length ((GStrv) recipients) : 0;
  double yl = 0, yr = 0;
  PangoLayout *label;
  g_autoptr(GString) list = g_string_new (NULL);

  label = gdnn_pdf_layout_plain (self, "Nơi nhận:", 12, GDNN_PDF_BOLD | GDNN_PDF_ITALIC, left_w, PANGO_ALIGN_LEFT);
  pango_layout_set_line_spacing (label, 0);
  gdnn_pdf_block_add_text (b, label, MARGIN_LEFT, 2);
  yl = 2 + gdnn_pdf_text_height (label);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s- %s%s", i > 0 ? "\n" : "", recipients[i], i + 1 < n ? ";" : ".");
  {
    PangoLayout *l = gdnn_pdf_layout_plain (self, list->str, 11, GDNN_PDF_REGULAR, left_w, PANGO_ALIGN_LEFT);
    pango_layout_set_line_spacing (l, 0);
    gdnn_pdf_block_add_text (b, l, MARGIN_LEFT, yl);
    yl += gdnn_pdf_text_height (l);
  }

  gdnn_pdf_layout_column_text (self, b, signer_title, 13, GDNN_PDF_BOLD, right_x, right_w, &yr);
  yr += 70;
  gdnn_pdf_layout_column_text (self, b, signer_name != NULL ? signer_name : "", 13, GDNN_PDF_BOLD,
                               right_x, right_w, &yr);
  b->height = MAX (yl, yr) + 6;
}

/* ---- Tables --------------------------------------------------------- */

double
gdnn_pdf_columns_x (const GdnnPdfColumn *cols,
                    guint                col)
{
  double x = MARGIN_LEFT;

  for (guint i = 0; i < col; i++)
    x += cols[i].width;
  return x;
}

double
gdnn_pdf_columns_span (const GdnnPdfColumn *cols,
                       guint                first,
                       guint                last)
{
  return gdnn_pdf_columns_x (cols, last + 1) - gdnn_pdf_columns_x (cols, first);
}

/* Draws the four sides of a cell. */
static void
cell_box (GdnnPdfBlock *b,
          double        x0,
          double        y0,
          double        x1,
          double        y1)
{
  gdnn_pdf_block_add_rule (b, x0, y0, x1, y0, 0.5);
  gdnn_pdf_block_add_rule (b, x0, y1, x1, y1, 0.5);
  gdnn_pdf_block_add_rule (b, x0, y0, x0, y1, 0.5);
  gdnn_pdf_block_add_rule (b, x1, y0, x1, y1, 0.5);
}

/* One table row of markup cells; returns the block (its height set). */
GdnnPdfBlock *
gdnn_pdf_layout_add_row (GdnnPdfLayout        *self,
                         const GdnnPdfColumn  *cols,
                         guint                 n_cols,
                         const char          **cells,
                         int                   style,
                         GdnnPdfBlock         *header)
{
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_GROUP, 0);
  double height = 0;
  PangoLayout *layouts[32];

  g_assert (n_cols <= G_N_ELEMENTS (layouts));
  for (guint c = 0; c < n_cols; c++)
    {
      layouts[c] = gdnn_pdf_layout_markup (self, cells[c], TABLE_PT, style, cols[c].width - 2 * CELL_PAD, cols[c].align);
      pango_layout_set_line_spacing (layouts[c], 0);
      height = MAX (height, gdnn_pdf_text_height (layouts[c]));
    }
  height += 2 * CELL_PAD;
  for (guint c = 0; c < n_cols; c++)
    {
      double x = gdnn_pdf_columns_x (cols, c);
      /* Vertically centred, as table cells are in practice. */
      double dy = (height - 2 * CELL_PAD - gdnn_pdf_text_height (layouts[c])) / 2;

      gdnn_pdf_block_add_text (b, layouts[c], x + CELL_PAD, CELL_PAD + dy);
      cell_box (b, x, 0, x + cols[c].width, height);
    }
  b->height = height;
  b->repeat = header;
  return b;
}

/* A row spanning the whole table (a group heading, a total label). */
GdnnPdfBlock *
gdnn_pdf_layout_add_span_row (GdnnPdfLayout       *self,
                              const GdnnPdfColumn *cols,
                              guint                n_cols,
                              const char          *markup,
                              int                  style,
                              GdnnPdfBlock        *header)
{
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_GROUP, 0);
  double w = gdnn_pdf_columns_span (cols, 0, n_cols - 1);
  PangoLayout *l = gdnn_pdf_layout_markup (self, markup, TABLE_PT, style, w - 2 * CELL_PAD, PANGO_ALIGN_LEFT);

  pango_layout_set_line_spacing (l, 0);
  b->height = gdnn_pdf_text_height (l) + 2 * CELL_PAD;
  gdnn_pdf_block_add_text (b, l, MARGIN_LEFT + CELL_PAD, CELL_PAD);
  cell_box (b, MARGIN_LEFT, 0, MARGIN_LEFT + w, b->height);
  b->repeat = header;
  b->keep_with_next = TRUE;
  return b;
}

GdnnPdfBlock *
gdnn_pdf_layout_add_head (GdnnPdfLayout         *self,
                          const GdnnPdfColumn   *cols,
                          const GdnnPdfHeadCell *cells,
                          guint                  n_cells)
{
  GdnnPdfBlock *b = gdnn_pdf_layout_add_block (self, GDNN_PDF_BLOCK_GROUP, 0);
  PangoLayout *layouts[40];
  double h[2] = { 0, 0 };

  g_assert (n_cells <= G_N_ELEMENTS (layouts));
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[i].text, -1);
      double w = gdnn_pdf_columns_span (cols, cells[i].c0, cells[i].c1) - 2 * CELL_PAD;

      layouts[i] = gdnn_pdf_layout_markup (self, escaped, TABLE_PT, GDNN_PDF_BOLD, w, PANGO_ALIGN_CENTER);
      pango_layout_set_line_spacing (layouts[i], 0);
      if (cells[i].r0 == cells[i].r1)
        h[cells[i].r0] = MAX (h[cells[i].r0], gdnn_pdf_text_height (layouts[i]) + 2 * CELL_PAD);
    }
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].r0 != cells[i].r1 && gdnn_pdf_text_height (layouts[i]) + 2 * CELL_PAD > h[0] + h[1])
      h[1] = gdnn_pdf_text_height (layouts[i]) + 2 * CELL_PAD - h[0];
  for (guint i = 0; i < n_cells; i++)
    {
      double x0 = gdnn_pdf_columns_x (cols, cells[i].c0);
      double x1 = gdnn_pdf_columns_x (cols, cells[i].c1 + 1);
      double y0 = cells[i].r0 == 0 ? 0 : h[0];
      double y1 = cells[i].r1 == 0 ? h[0] : h[0] + h[1];
      double dy = (y1 - y0 - gdnn_pdf_text_height (layouts[i])) / 2;

      gdnn_pdf_block_add_text (b, layouts[i], x0 + CELL_PAD, y0 + dy);
      cell_box (b, x0, y0, x1, y1);
    }
  b->height = h[0] + h[1];
  b->keep_with_next = TRUE;
  return b;
}

/* ---- Pagination ------------------------------------------------------- */

static GArray *
new_page (GdnnPdfLayout *self,
          guint          section)
{
  Page *page = g_new0 (Page, 1);
  Page *last = self->pages->len > 0 ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;

  page->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  page->section = section;
  page->number = last != NULL && last->section == section ? last->number + 1 : 1;
  g_ptr_array_add (self->pages, page);
  return page->placed;
}

static void
paginate (GdnnPdfLayout *self)
{
  GArray *page;
  guint section = 0;
  double y = MARGIN_TOP;
  double bottom = section_height (self, 0) - MARGIN_BOTTOM;

  g_ptr_array_set_size (self->pages, 0);
  page = new_page (self, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      GdnnPdfBlock *b = g_ptr_array_index (self->blocks, i);
      double need = b->height;
      Placed p;

      /* A new section starts on a new page. */
      if (b->section != section)
        {
          section = b->section;
          bottom = section_height (self, section) - MARGIN_BOTTOM;
          if (page->len > 0 || y > MARGIN_TOP)
            page = new_page (self, section);
          else
            ((Page *) g_ptr_array_index (self->pages, self->pages->len - 1))->section = section;
          y = MARGIN_TOP;
        }
      if (b->kind == GDNN_PDF_BLOCK_SPACE && y == MARGIN_TOP)
        continue;
      /* Keep a heading (and a table's header) with the next block. */
      for (guint k = i; k + 1 < self->blocks->len && ((GdnnPdfBlock *) g_ptr_array_index (self->blocks, k))->keep_with_next; k++)
        need += ((GdnnPdfBlock *) g_ptr_array_index (self->blocks, k + 1))->height;
      if (need > bottom - MARGIN_TOP)
        need = b->height;
      if (y + need > bottom && y > MARGIN_TOP)
        {
          page = new_page (self, section);
          y = MARGIN_TOP;
          if (b->kind == GDNN_PDF_BLOCK_SPACE)
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
  self->paginated = TRUE;
}

static void
ensure_pages (GdnnPdfLayout *self)
{
  if (!self->paginated)
    paginate (self);
}

/* ---- Drawing and writing ------------------------------------------------ */

void
gdnn_pdf_layout_set_page_func (GdnnPdfLayout   *self,
                               GdnnPdfPageFunc  func,
                               gpointer         user_data)
{
  self->page_func = func;
  self->page_data = user_data;
}

guint
gdnn_pdf_layout_get_n_pages (GdnnPdfLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  ensure_pages (self);
  return self->pages->len;
}

void
gdnn_pdf_layout_get_page_size (GdnnPdfLayout *self,
                               guint          page,
                               double        *width,
                               double        *height)
{
  Page *p;

  ensure_pages (self);
  g_return_if_fail (page < self->pages->len);
  p = g_ptr_array_index (self->pages, page);
  if (width != NULL)
    *width = section_width (self, p->section);
  if (height != NULL)
    *height = section_height (self, p->section);
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

void
gdnn_pdf_layout_draw_page (GdnnPdfLayout *self,
                           cairo_t       *cr,
                           guint          page)
{
  Page *pg;
  GArray *placed;
  double text_width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  ensure_pages (self);
  g_return_if_fail (page < self->pages->len);
  pg = g_ptr_array_index (self->pages, page);
  placed = pg->placed;
  text_width = section_text_width (self, pg->section);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->page_func != NULL)
    self->page_func (cr, page, self->page_data);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  /* Page numbers centred in the top margin, none on a section's first
   * page; each phụ lục counts its own (domain.md §3.1, §3.3). */
  if (pg->number > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u", pg->number);
      g_autoptr(PangoLayout) l = gdnn_pdf_layout_page_text (self, number, 13, GDNN_PDF_REGULAR);

      pango_layout_set_width (l, (int) (text_width * PANGO_SCALE));
      cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP / 2 - gdnn_pdf_text_height (l) / 2);
      pango_cairo_show_layout (cr, l);
    }

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      const GdnnPdfBlock *b = p->block;

      switch (b->kind)
        {
        case GDNN_PDF_BLOCK_LINE:
          cairo_move_to (cr, MARGIN_LEFT + b->line_x, p->y + b->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (b->layout, b->line));
          break;
        case GDNN_PDF_BLOCK_GROUP:
          for (guint t = 0; t < b->texts->len; t++)
            {
              const Text *text = &g_array_index (b->texts, Text, t);
              cairo_move_to (cr, text->x, p->y + text->y);
              pango_cairo_show_layout (cr, text->layout);
            }
          for (guint r = 0; r < b->rules->len; r++)
            draw_rule (cr, &g_array_index (b->rules, Rule, r), p->y);
          break;
        case GDNN_PDF_BLOCK_DRAW:
          if (b->draw_func != NULL)
            {
              cairo_save (cr);
              cairo_rectangle (cr, MARGIN_LEFT, p->y, text_width, b->height);
              cairo_clip (cr);
              b->draw_func (cr, MARGIN_LEFT, p->y, text_width, b->height, b->draw_data);
              cairo_restore (cr);
            }
          break;
        case GDNN_PDF_BLOCK_SPACE:
        default:
          break;
        }
    }
  cairo_restore (cr);
}

gboolean
gdnn_pdf_layout_write (GdnnPdfLayout          *self,
                       const char             *path,
                       const GdnnPdfMetadata  *metadata,
                       GError                **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ensure_pages (self);
  tmp = g_strdup_printf ("%s.part-%u", path, g_random_int ());
  surface = cairo_pdf_surface_create (tmp, GDNN_PDF_A4_WIDTH, GDNN_PDF_A4_HEIGHT);
  if (metadata != NULL)
    {
      if (metadata->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, metadata->title);
      if (metadata->author != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, metadata->author);
      if (metadata->subject != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, metadata->subject);
      if (metadata->keywords != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, metadata->keywords);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "gdnn-report " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      double w, h;

      gdnn_pdf_layout_get_page_size (self, i, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      gdnn_pdf_layout_draw_page (self, cr, i);
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
