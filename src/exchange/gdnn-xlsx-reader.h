/* gdnn-xlsx-reader.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small hardened reader of XLSX workbooks from untrusted sources
 * (docs/submission-reader.md): libzip over a memory buffer with limits on
 * the number of entries and on the declared and the actual inflated size,
 * and libxml2 as a SAX parser that refuses any DTD, entity declaration or
 * entity reference and never touches the network. It reads the sheet list
 * and the cells of a sheet (numbers, shared, inline and rich-text strings,
 * booleans); formulas give their cached value and their text. Nothing
 * else. */

#define GDNN_XLSX_ERROR (gdnn_xlsx_error_quark ())

typedef enum
{
  GDNN_XLSX_ERROR_NOT_ZIP,      /* not a zip archive */
  GDNN_XLSX_ERROR_DAMAGED,      /* a zip archive, but truncated or corrupt */
  GDNN_XLSX_ERROR_NOT_WORKBOOK, /* a zip archive without the parts of a workbook */
  GDNN_XLSX_ERROR_TOO_LARGE,    /* a limit was hit */
  GDNN_XLSX_ERROR_UNSUPPORTED,  /* encrypted entries, unknown compression */
  GDNN_XLSX_ERROR_MALFORMED,    /* XML that is not well-formed */
  GDNN_XLSX_ERROR_HOSTILE,      /* a DTD, entities */
} GdnnXlsxError;

typedef struct
{
  guint   max_entries;          /* entries in the archive */
  guint64 max_entry_size;       /* bytes, one entry inflated */
  guint64 max_total_size;       /* bytes, all entries read, inflated */
  guint   max_ratio;            /* inflated/compressed, for entries above 1 MiB */
  guint   max_cells;            /* cells of one sheet */
  guint   max_strings;          /* shared strings */
  guint   max_sheets;
} GdnnXlsxLimits;

#define GDNN_XLSX_MAX_ROWS 1048576
#define GDNN_XLSX_MAX_COLS 16384

typedef enum
{
  GDNN_XLSX_CELL_EMPTY,
  GDNN_XLSX_CELL_NUMBER,
  GDNN_XLSX_CELL_STRING,
  GDNN_XLSX_CELL_BOOLEAN,
  GDNN_XLSX_CELL_ERROR,   /* "#DIV/0!" and the like, in text */
} GdnnXlsxCellType;

typedef struct
{
  GdnnXlsxCellType  type;
  double            number;  /* NUMBER, BOOLEAN (0 or 1) */
  const char       *text;    /* never NULL: the string, or the number as written in the file */
  const char       *formula; /* the formula without "=", NULL when there is none; a formula
                              * whose result the file does not hold is an EMPTY cell with it */
} GdnnXlsxCell;

typedef struct _GdnnXlsx      GdnnXlsx;
typedef struct _GdnnXlsxSheet GdnnXlsxSheet;

GQuark                gdnn_xlsx_error_quark       (void);
const GdnnXlsxLimits *gdnn_xlsx_default_limits    (void);

/* Opens the archive and reads the sheet list and the shared strings. The
 * bytes are referenced, not copied. @limits may be NULL. */
GdnnXlsx             *gdnn_xlsx_open_bytes        (GBytes               *bytes,
                                                   const GdnnXlsxLimits *limits,
                                                   GError              **error);
void                  gdnn_xlsx_free              (GdnnXlsx             *xlsx);

guint                 gdnn_xlsx_get_n_sheets      (GdnnXlsx             *xlsx);
const char           *gdnn_xlsx_get_sheet_name    (GdnnXlsx             *xlsx,
                                                   guint                 index);
gboolean              gdnn_xlsx_get_sheet_hidden  (GdnnXlsx             *xlsx,
                                                   guint                 index);
/* -1 when there is no such sheet. Names compare exactly. */
int                   gdnn_xlsx_find_sheet        (GdnnXlsx             *xlsx,
                                                   const char           *name);

GdnnXlsxSheet        *gdnn_xlsx_read_sheet        (GdnnXlsx             *xlsx,
                                                   guint                 index,
                                                   GError              **error);
void                  gdnn_xlsx_sheet_free        (GdnnXlsxSheet        *sheet);
/* One past the last row holding a cell (0 for an empty sheet). */
guint                 gdnn_xlsx_sheet_get_n_rows  (GdnnXlsxSheet        *sheet);
/* 0-based row and column; never NULL (an empty cell outside the data). */
const GdnnXlsxCell   *gdnn_xlsx_sheet_get_cell    (GdnnXlsxSheet        *sheet,
                                                   guint                 row,
                                                   guint                 col);
/* "G7" or "$G$7"; NULL when @ref is not a cell reference. */
const GdnnXlsxCell   *gdnn_xlsx_sheet_get_cell_ref (GdnnXlsxSheet       *sheet,
                                                    const char          *ref);

/* Parses "G7", "$G$7", "'Chỉ tiêu'!$G$7" ('' inside quotes is one ')
 * or "Data!A1". @sheet_name is NULL when the reference names no sheet. */
gboolean              gdnn_xlsx_parse_ref         (const char           *ref,
                                                   char                **sheet_name,
                                                   guint                *row,
                                                   guint                *col);
/* "G7" from 0-based indices. */
char                 *gdnn_xlsx_cell_name         (guint                 row,
                                                   guint                 col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnXlsx, gdnn_xlsx_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnXlsxSheet, gdnn_xlsx_sheet_free)

G_END_DECLS
