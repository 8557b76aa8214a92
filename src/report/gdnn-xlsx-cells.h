/* gdnn-xlsx-cells.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* What the workbook writers (the yearly report, the office's summary)
 * share: every libxlsxwriter call goes through a GdnnXlsxStatus that
 * keeps the first error and what was being written, and skips every
 * later call; strings are written NFC; the workbook is written under a
 * temporary name and renamed once complete. */

typedef struct
{
  lxw_error  err;     /* the first error; every later call is skipped */
  char      *where;   /* what was being written when it happened */
} GdnnXlsxStatus;

void     gdnn_xlsx_check       (GdnnXlsxStatus *st,
                                lxw_error       err,
                                const char     *where);
char    *gdnn_xlsx_nfc         (const char     *text);
/* Empty or NULL text writes a blank cell with @fmt. */
void     gdnn_xlsx_put_str     (GdnnXlsxStatus *st,
                                lxw_worksheet  *ws,
                                lxw_row_t       row,
                                lxw_col_t       col,
                                const char     *text,
                                lxw_format     *fmt);
void     gdnn_xlsx_put_num     (GdnnXlsxStatus *st,
                                lxw_worksheet  *ws,
                                lxw_row_t       row,
                                lxw_col_t       col,
                                double          value,
                                lxw_format     *fmt);
/* One cell when the range is a single cell, else merged cells. */
void     gdnn_xlsx_merge       (GdnnXlsxStatus *st,
                                lxw_worksheet  *ws,
                                lxw_row_t       r1,
                                lxw_col_t       c1,
                                lxw_row_t       r2,
                                lxw_col_t       c2,
                                const char     *text,
                                lxw_format     *fmt);
void     gdnn_xlsx_row_height  (GdnnXlsxStatus *st,
                                lxw_worksheet  *ws,
                                lxw_row_t       row,
                                double          points);
void     gdnn_xlsx_col_width   (GdnnXlsxStatus *st,
                                lxw_worksheet  *ws,
                                lxw_col_t       first,
                                lxw_col_t       last,
                                double          width);
/* Spreadsheets do not grow a row for wrapped text in merged cells:
 * the lines @text needs in a cell @width_units wide at @font_pt. */
guint    gdnn_xlsx_lines_for   (const char     *text,
                                double          width_units,
                                double          font_pt);
/* A new workbook at a temporary name beside @path (*@tmp_path). */
lxw_workbook *gdnn_xlsx_open   (const char     *path,
                                char          **tmp_path,
                                GError        **error);
/* Closes @wb (always: libxlsxwriter frees it there), then renames the
 * temporary file to @path, or removes it and reports the first error. */
gboolean gdnn_xlsx_finish      (GdnnXlsxStatus *st,
                                lxw_workbook   *wb,
                                const char     *tmp_path,
                                const char     *path,
                                GError        **error);

G_END_DECLS
