/* gdnn-pdf-layout.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The page engine the official documents share (the unit's yearly report,
 * the office's summary, the return letter): A4 pages in the layout of
 * Nghị định 30/2020/NĐ-CP (reference/domain.md §3), Liberation Serif at
 * 72 dpi, a flow of blocks cut into pages, tables whose header rows repeat
 * on every page they continue on, page numbers centred in the top margin
 * from the second page of each section. Internal to src/report/. */

#define GDNN_PDF_A4_WIDTH   595.2756
#define GDNN_PDF_A4_HEIGHT  841.8898
#define GDNN_PDF_MM         (72.0 / 25.4)
#define GDNN_PDF_MARGIN_TOP    (20 * GDNN_PDF_MM)
#define GDNN_PDF_MARGIN_BOTTOM (20 * GDNN_PDF_MM)
#define GDNN_PDF_MARGIN_LEFT   (30 * GDNN_PDF_MM)
#define GDNN_PDF_MARGIN_RIGHT  (15 * GDNN_PDF_MM)
#define GDNN_PDF_INDENT        (10 * GDNN_PDF_MM)   /* first-line indent of body text */
#define GDNN_PDF_PARA_SPACE    6.0                  /* at least 6 pt between paragraphs */
#define GDNN_PDF_CELL_PAD      3.0
#define GDNN_PDF_TABLE_PT      11.0

enum
{
  GDNN_PDF_REGULAR = 0,
  GDNN_PDF_BOLD    = 1 << 0,
  GDNN_PDF_ITALIC  = 1 << 1,
};

typedef enum
{
  GDNN_PDF_BLOCK_SPACE,     /* vertical space, dropped at the top of a page */
  GDNN_PDF_BLOCK_LINE,      /* one line of a paragraph */
  GDNN_PDF_BLOCK_GROUP,     /* texts and rules drawn together: never split */
  GDNN_PDF_BLOCK_DRAW,      /* a rectangle drawn by a callback (a chart) */
} GdnnPdfBlockKind;

/* Draws a GDNN_PDF_BLOCK_DRAW block into the rectangle it reserved. */
typedef void (*GdnnPdfDrawFunc) (cairo_t  *cr,
                                 double    x,
                                 double    y,
                                 double    width,
                                 double    height,
                                 gpointer  user_data);

/* Decorates a whole page before its blocks are drawn (a draft mark). */
typedef void (*GdnnPdfPageFunc) (cairo_t  *cr,
                                 guint     page,
                                 gpointer  user_data);

typedef struct _GdnnPdfBlock GdnnPdfBlock;
struct _GdnnPdfBlock
{
  GdnnPdfBlockKind  kind;
  double            height;
  gboolean          keep_with_next;
  GdnnPdfBlock     *repeat;     /* the header rows of the table this row belongs to */
  guint             section;

  /* GDNN_PDF_BLOCK_LINE */
  PangoLayout      *layout;
  int               line;
  double            line_x;
  double            baseline;

  /* GDNN_PDF_BLOCK_GROUP */
  GArray           *texts;
  GArray           *rules;

  /* GDNN_PDF_BLOCK_DRAW */
  GdnnPdfDrawFunc   draw_func;
  gpointer          draw_data;
};

typedef struct
{
  double         width;
  PangoAlignment align;
} GdnnPdfColumn;

/* A header cell spanning columns c0..c1 and header rows r0..r1 (0 or 1). */
typedef struct
{
  guint       c0, c1, r0, r1;
  const char *text;
} GdnnPdfHeadCell;

/* The official header block (ô 1–4) and the closing block (ô 7, 9b). */
typedef struct
{
  const char *governing_body;   /* may be NULL */
  const char *issuing_body;
  const char *national_title;
  const char *motto;
  const char *number;           /* what follows "Số: " */
  const char *subject_line;     /* a công văn's "V/v …" under the number, or NULL */
  const char *place_date;
} GdnnPdfHeader;

typedef struct _GdnnPdfLayout GdnnPdfLayout;

GdnnPdfLayout *gdnn_pdf_layout_new            (void);
void           gdnn_pdf_layout_free           (GdnnPdfLayout   *self);
void           gdnn_pdf_layout_clear          (GdnnPdfLayout   *self);

/* A section starts on a new page with its own page numbers (a phụ lục);
 * @landscape turns its pages. The first section is portrait. */
void           gdnn_pdf_layout_begin_section  (GdnnPdfLayout   *self,
                                               gboolean         landscape);
double         gdnn_pdf_layout_text_width     (GdnnPdfLayout   *self);
double         gdnn_pdf_layout_page_width     (GdnnPdfLayout   *self);
double         gdnn_pdf_layout_page_height    (GdnnPdfLayout   *self);

PangoLayout   *gdnn_pdf_layout_markup         (GdnnPdfLayout   *self,
                                               const char      *markup,
                                               double           size,
                                               int              style,
                                               double           width,
                                               PangoAlignment   align);
PangoLayout   *gdnn_pdf_layout_plain          (GdnnPdfLayout   *self,
                                               const char      *text,
                                               double           size,
                                               int              style,
                                               double           width,
                                               PangoAlignment   align);
/* Like _plain, but owned by the caller (for page decorations). */
PangoLayout   *gdnn_pdf_layout_page_text      (GdnnPdfLayout   *self,
                                               const char      *text,
                                               double           size,
                                               int              style);
double         gdnn_pdf_text_height           (PangoLayout     *layout);
double         gdnn_pdf_text_width            (PangoLayout     *layout);

GdnnPdfBlock  *gdnn_pdf_layout_add_block      (GdnnPdfLayout   *self,
                                               GdnnPdfBlockKind kind,
                                               double           height);
void           gdnn_pdf_layout_add_space      (GdnnPdfLayout   *self,
                                               double           height);
GdnnPdfBlock  *gdnn_pdf_layout_add_draw       (GdnnPdfLayout   *self,
                                               double           height,
                                               GdnnPdfDrawFunc  func,
                                               gpointer         user_data);
void           gdnn_pdf_block_add_text        (GdnnPdfBlock    *block,
                                               PangoLayout     *layout,
                                               double           x,
                                               double           y);
void           gdnn_pdf_block_add_rule        (GdnnPdfBlock    *block,
                                               double           x0,
                                               double           y0,
                                               double           x1,
                                               double           y1,
                                               double           width);

void           gdnn_pdf_layout_add_paragraph  (GdnnPdfLayout   *self,
                                               const char      *markup,
                                               double           size,
                                               int              style,
                                               double           indent,
                                               gboolean         justify,
                                               gboolean         keep_with_next,
                                               double           space_after);
void           gdnn_pdf_layout_add_body       (GdnnPdfLayout   *self,
                                               const char      *markup);
void           gdnn_pdf_layout_add_body_text  (GdnnPdfLayout   *self,
                                               const char      *text);
void           gdnn_pdf_layout_add_heading    (GdnnPdfLayout   *self,
                                               const char      *text);

PangoLayout   *gdnn_pdf_layout_column_text    (GdnnPdfLayout   *self,
                                               GdnnPdfBlock    *block,
                                               const char      *text,
                                               double           size,
                                               int              style,
                                               double           x,
                                               double           width,
                                               double          *y);
void           gdnn_pdf_block_underline       (GdnnPdfBlock    *block,
                                               PangoLayout     *layout,
                                               double           x,
                                               double           width,
                                               double           y,
                                               double           fraction);
void           gdnn_pdf_layout_add_header     (GdnnPdfLayout       *self,
                                               const GdnnPdfHeader *header);
void           gdnn_pdf_layout_add_title      (GdnnPdfLayout   *self,
                                               const char      *doc_type,
                                               const char      *subject);
void           gdnn_pdf_layout_add_closing    (GdnnPdfLayout       *self,
                                               const char * const  *recipients,
                                               const char          *signer_title,
                                               const char          *signer_name);

double         gdnn_pdf_columns_x             (const GdnnPdfColumn *cols,
                                               guint                col);
double         gdnn_pdf_columns_span          (const GdnnPdfColumn *cols,
                                               guint                first,
                                               guint                last);
GdnnPdfBlock  *gdnn_pdf_layout_add_row        (GdnnPdfLayout       *self,
                                               const GdnnPdfColumn *cols,
                                               guint                n_cols,
                                               const char         **cells,
                                               int                  style,
                                               GdnnPdfBlock        *header);
GdnnPdfBlock  *gdnn_pdf_layout_add_span_row   (GdnnPdfLayout       *self,
                                               const GdnnPdfColumn *cols,
                                               guint                n_cols,
                                               const char          *markup,
                                               int                  style,
                                               GdnnPdfBlock        *header);
GdnnPdfBlock  *gdnn_pdf_layout_add_head       (GdnnPdfLayout         *self,
                                               const GdnnPdfColumn   *cols,
                                               const GdnnPdfHeadCell *cells,
                                               guint                  n_cells);

void           gdnn_pdf_layout_set_page_func  (GdnnPdfLayout   *self,
                                               GdnnPdfPageFunc  func,
                                               gpointer         user_data);
guint          gdnn_pdf_layout_get_n_pages    (GdnnPdfLayout   *self);
/* The page's size in points (portrait or landscape A4). */
void           gdnn_pdf_layout_get_page_size  (GdnnPdfLayout   *self,
                                               guint            page,
                                               double          *width,
                                               double          *height);
void           gdnn_pdf_layout_draw_page      (GdnnPdfLayout   *self,
                                               cairo_t         *cr,
                                               guint            page);

typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
} GdnnPdfMetadata;

/* Every page to a PDF at @path, through a temporary file renamed at the
 * end; errors in GDNN_REPORT_ERROR. */
gboolean       gdnn_pdf_layout_write          (GdnnPdfLayout         *self,
                                               const char            *path,
                                               const GdnnPdfMetadata *metadata,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnPdfLayout, gdnn_pdf_layout_free)

G_END_DECLS
