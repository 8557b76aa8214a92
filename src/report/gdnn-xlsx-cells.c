/* gdnn-xlsx-cells.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "gdnn-report-doc.h"
#include "gdnn-xlsx-cells.h"

void
gdnn_xlsx_check (GdnnXlsxStatus *st,
                 lxw_error       err,
                 const char     *where)
{
  if (st->err != LXW_NO_ERROR || err == LXW_NO_ERROR)
    return;
  st->err = err;
  st->where = g_strdup (where);
}

char *
gdnn_xlsx_nfc (const char *text)
{
  /* Pasted text may be decomposed (tech-notes §3); readers compare NFC. */
  return g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
}

void
gdnn_xlsx_put_str (GdnnXlsxStatus *st,
                   lxw_worksheet  *ws,
                   lxw_row_t       row,
                   lxw_col_t       col,
                   const char     *text,
                   lxw_format     *fmt)
{
  g_autofree char *s = NULL;

  if (st->err != LXW_NO_ERROR)
    return;
  if (text == NULL || *text == '\0')
    {
      gdnn_xlsx_check (st, worksheet_write_blank (ws, row, col, fmt), "blank");
      return;
    }
  s = gdnn_xlsx_nfc (text);
  gdnn_xlsx_check (st, worksheet_write_string (ws, row, col, s, fmt), "string");
}

void
gdnn_xlsx_put_num (GdnnXlsxStatus *st,
                   lxw_worksheet  *ws,
                   lxw_row_t       row,
                   lxw_col_t       col,
                   double          value,
                   lxw_format     *fmt)
{
  if (st->err == LXW_NO_ERROR)
    gdnn_xlsx_check (st, worksheet_write_number (ws, row, col, value, fmt), "number");
}

void
gdnn_xlsx_merge (GdnnXlsxStatus *st,
                 lxw_worksheet  *ws,
                 lxw_row_t       r1,
                 lxw_col_t       c1,
                 lxw_row_t       r2,
                 lxw_col_t       c2,
                 const char     *text,
                 lxw_format     *fmt)
{
  g_autofree char *s = gdnn_xlsx_nfc (text);

  if (st->err != LXW_NO_ERROR)
    return;
  if (r1 == r2 && c1 == c2)
    gdnn_xlsx_check (st, worksheet_write_string (ws, r1, c1, s, fmt), "string");
  else
    gdnn_xlsx_check (st, worksheet_merge_range (ws, r1, c1, r2, c2, s, fmt), "merged cells");
}

void
gdnn_xlsx_row_height (GdnnXlsxStatus *st,
                      lxw_worksheet  *ws,
                      lxw_row_t       row,
                      double          points)
{
  if (st->err == LXW_NO_ERROR)
    gdnn_xlsx_check (st, worksheet_set_row (ws, row, points, NULL), "row height");
}

void
gdnn_xlsx_col_width (GdnnXlsxStatus *st,
                     lxw_worksheet  *ws,
                     lxw_col_t       first,
                     lxw_col_t       last,
                     double          width)
{
  if (st->err == LXW_NO_ERROR)
    gdnn_xlsx_check (st, worksheet_set_column (ws, first, last, width, NULL), "column width");
}

/* A column unit holds about one lower-case character of 12 pt Times New
 * Roman; a capital takes about 1.3 (LibreOffice wrapped the 46 capitals
 * of a unit's name in a 42-unit header cell, tests/check-xlsx-libreoffice.sh). */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_isupper (g_utf8_get_char (p)) ? 1.3 : 1.0;
  return width;
}

guint
gdnn_xlsx_lines_for (const char *text,
                     double      width_units,
                     double      font_pt)
{
  double per_line = MAX (4.0, width_units * 1.15 * 12.0 / font_pt);
  guint lines = 0;
  g_auto(GStrv) paras = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; paras[i] != NULL; i++)
    lines += MAX (1, (guint) ceil (text_width (paras[i]) / per_line));
  return MAX (1, lines);
}

lxw_workbook *
gdnn_xlsx_open (const char  *path,
                char       **tmp_path,
                GError     **error)
{
  /* No constant_memory: it drops merged header cells (tech-notes). */
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_workbook *wb;

  *tmp_path = g_strdup_printf ("%s.part-%u", path, g_random_int ());
  wb = workbook_new_opt (*tmp_path, &options);
  if (wb == NULL)
    {
      g_clear_pointer (tmp_path, g_free);
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE,
                   /* Translators: %s is a file name. */
                   _("Cannot create the workbook “%s”."), path);
    }
  return wb;
}

gboolean
gdnn_xlsx_finish (GdnnXlsxStatus *st,
                  lxw_workbook   *wb,
                  const char     *tmp_path,
                  const char     *path,
                  GError        **error)
{
  g_autofree char *where = NULL;

  gdnn_xlsx_check (st, workbook_close (wb), "saving");
  where = g_steal_pointer (&st->where);
  if (st->err == LXW_NO_ERROR && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE,
                   /* Translators: %s is a file name, then the system's reason. */
                   _("Cannot write the workbook “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (st->err != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_WRITE,
                   /* Translators: the first %s is a file name, the second what was written
                    * (in English), the third libxlsxwriter's reason (in English). */
                   _("Cannot write the workbook “%s” (%s): %s"), path, where, lxw_strerror (st->err));
      return FALSE;
    }
  return TRUE;
}
