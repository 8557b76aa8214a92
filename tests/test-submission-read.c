/* test-submission-read.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The submitted-file reader on real exported workbooks (read back field by
 * field, then edited the way a person or an attacker would) and on hostile
 * archives and XML built here byte by byte. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

#include "gdnn-demo.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-submission-read.h"
#include "gdnn-text.h"
#include "gdnn-test-utils.h"
#include "gdnn-xlsx-reader.h"

/* ---- A tiny zip writer: full control over what the headers declare --- */

typedef struct
{
  GByteArray *out;
  GByteArray *central;
  guint       n;
} ZipOut;

static void
put16 (GByteArray *a,
       guint       v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };
  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a,
       guint32     v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };
  g_byte_array_append (a, b, 4);
}

static ZipOut *
zip_out_new (void)
{
  ZipOut *z = g_new0 (ZipOut, 1);

  z->out = g_byte_array_new ();
  z->central = g_byte_array_new ();
  return z;
}

/* @data already compressed with @method (0 stored, 8 deflated); the
 * headers declare @size bytes inflated with the CRC @crc. */
static void
zip_out_add_raw (ZipOut       *z,
                 const char   *name,
                 guint         method,
                 const guint8 *data,
                 gsize         comp_size,
                 guint32       size,
                 guint32       crc)
{
  guint32 offset = z->out->len;
  guint name_len = strlen (name);

  put32 (z->out, 0x04034b50);
  put16 (z->out, 20);
  put16 (z->out, 0x0800);
  put16 (z->out, method);
  put16 (z->out, 0);
  put16 (z->out, 0x21);
  put32 (z->out, crc);
  put32 (z->out, comp_size);
  put32 (z->out, size);
  put16 (z->out, name_len);
  put16 (z->out, 0);
  g_byte_array_append (z->out, (const guint8 *) name, name_len);
  g_byte_array_append (z->out, data, comp_size);

  put32 (z->central, 0x02014b50);
  put16 (z->central, 20);
  put16 (z->central, 20);
  put16 (z->central, 0x0800);
  put16 (z->central, method);
  put16 (z->central, 0);
  put16 (z->central, 0x21);
  put32 (z->central, crc);
  put32 (z->central, comp_size);
  put32 (z->central, size);
  put16 (z->central, name_len);
  put16 (z->central, 0);
  put16 (z->central, 0);
  put16 (z->central, 0);
  put16 (z->central, 0);
  put32 (z->central, 0);
  put32 (z->central, offset);
  g_byte_array_append (z->central, (const guint8 *) name, name_len);
  z->n++;
}

static void
zip_out_add (ZipOut     *z,
             const char *name,
             const char *text)
{
  zip_out_add_raw (z, name, 0, (const guint8 *) text, strlen (text), strlen (text),
                   crc32 (0, (const guint8 *) text, strlen (text)));
}

static GBytes *
zip_out_finish (ZipOut *z)
{
  guint32 offset = z->out->len;
  guint32 size = z->central->len;

  g_byte_array_append (z->out, z->central->data, z->central->len);
  put32 (z->out, 0x06054b50);
  put16 (z->out, 0);
  put16 (z->out, 0);
  put16 (z->out, z->n);
  put16 (z->out, z->n);
  put32 (z->out, size);
  put32 (z->out, offset);
  put16 (z->out, 0);
  g_byte_array_unref (z->central);
  return g_byte_array_free_to_bytes (g_steal_pointer (&z->out));
}

#define CONTENT_TYPES \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define WORKBOOK \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>" \
  "<sheet name=\"gdnn_data\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>"
#define RELS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" \
  "</Relationships>"
#define EMPTY_SHEET \
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"
#define EMPTY_STRINGS \
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"0\"/>"

/* A hand-made workbook: Sheet1 and a hidden gdnn_data. */
static GBytes *
small_workbook (const char *sheet1,
                const char *sheet2,
                const char *strings)
{
  ZipOut *z = zip_out_new ();
  GBytes *bytes;

  zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
  zip_out_add (z, "xl/workbook.xml", WORKBOOK);
  zip_out_add (z, "xl/_rels/workbook.xml.rels", RELS);
  zip_out_add (z, "xl/worksheets/sheet1.xml", sheet1 != NULL ? sheet1 : EMPTY_SHEET);
  zip_out_add (z, "xl/worksheets/sheet2.xml", sheet2 != NULL ? sheet2 : EMPTY_SHEET);
  zip_out_add (z, "xl/sharedStrings.xml", strings != NULL ? strings : EMPTY_STRINGS);
  bytes = zip_out_finish (z);
  g_free (z);
  return bytes;
}

static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnSubmission) sub = gdnn_submission_read_bytes (bytes, &error);

  g_assert_null (sub);
  g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, code);
  g_test_message ("refused: %s", error->message);
  gdnn_test_assert_contains (error->message, fragment);
}

/* ---- Real exported workbooks ----------------------------------------- */

static GdnnReportDoc *
export_demo (Fixture *fixture,
             char   **path)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  GdnnReportDoc *doc;

  gdnn_demo_populate (fixture->store, 2026, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  doc = gdnn_report_doc_build_by_code (fixture->store, "BG-CD01", "401/KH-UBND", 2026, &today, &error);
  g_assert_no_error (error);
  *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_assert_true (gdnn_report_xlsx_write (doc, *path, &error));
  g_assert_no_error (error);
  return doc;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* The text of the zip entry @name. */
static char *
entry_text (const char *path,
            const char *name)
{
  int err = 0;
  zip_t *za = zip_open (path, ZIP_RDONLY, &err);
  zip_stat_t st;
  zip_file_t *zf;
  char *text;

  g_assert_nonnull (za);
  g_assert_cmpint (zip_stat (za, name, 0, &st), ==, 0);
  zf = zip_fopen (za, name, 0);
  g_assert_nonnull (zf);
  text = g_malloc0 (st.size + 1);
  g_assert_cmpint (zip_fread (zf, text, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (zf);
  zip_discard (za);
  return text;
}

/* A copy of the workbook at @path with the entry @name replaced. */
static GBytes *
with_entry (Fixture    *fixture,
            const char *path,
            const char *name,
            const char *text)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "edited.xlsx", NULL);
  g_autoptr(GBytes) orig = file_bytes (path);
  g_autoptr(GError) error = NULL;
  int err = 0;
  zip_t *za;
  zip_source_t *src;
  zip_int64_t index;

  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (orig, NULL), g_bytes_get_size (orig), &error));
  za = zip_open (copy, 0, &err);
  g_assert_nonnull (za);
  index = zip_name_locate (za, name, 0);
  g_assert_cmpint (index, >=, 0);
  src = zip_source_buffer (za, g_strdup (text), strlen (text), 1);
  g_assert_nonnull (src);
  g_assert_cmpint (zip_file_replace (za, index, src, 0), ==, 0);
  g_assert_cmpint (zip_close (za), ==, 0);
  return file_bytes (copy);
}

/* @xml with the cell element of @ref replaced by @cell. */
static char *
replace_cell (const char *xml,
              const char *ref,
              const char *cell)
{
  g_autofree char *open = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = strstr (xml, open);
  const char *gt, *end;

  g_assert_nonnull (start);
  gt = strchr (start, '>');
  g_assert_nonnull (gt);
  if (gt[-1] == '/')
    end = gt + 1;
  else
    {
      end = strstr (gt, "</c>");
      g_assert_nonnull (end);
      end += 4;
    }
  return g_strdup_printf ("%.*s%s%s", (int) (start - xml), xml, cell, end);
}

/* replace_cell() on @xml, which it frees. */
static char *
replace_cell_take (char       *xml,
                   const char *ref,
                   const char *cell)
{
  char *out = replace_cell (xml, ref, cell);

  g_free (xml);
  return out;
}

/* Where the data sheet holds @what: the metadata key, or the column
 * @column of the first record of type @record (with @need a number there). */
static char *
data_cell (GBytes     *bytes,
           const char *record,
           const char *column,
           gboolean    need_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnXlsx) x = gdnn_xlsx_open_bytes (bytes, NULL, &error);
  g_autoptr(GdnnXlsxSheet) s = NULL;
  guint col = 0;

  g_assert_no_error (error);
  s = gdnn_xlsx_read_sheet (x, gdnn_xlsx_find_sheet (x, "gdnn_data"), &error);
  g_assert_no_error (error);
  for (guint row = 0; row < gdnn_xlsx_sheet_get_n_rows (s); row++)
    {
      const char *a = gdnn_xlsx_sheet_get_cell (s, row, 0)->text;

      if (column == NULL && g_str_equal (a, record))
        return gdnn_xlsx_cell_name (row, 1);
      if (column != NULL && a[0] == '#' && g_str_equal (a + 1, record))
        for (guint c = 1; c < 20; c++)
          if (g_str_equal (gdnn_xlsx_sheet_get_cell (s, row, c)->text, column))
            col = c;
      if (column != NULL && col > 0 && g_str_equal (a, record) &&
          (!need_value || gdnn_xlsx_sheet_get_cell (s, row, col)->type == GDNN_XLSX_CELL_NUMBER))
        return gdnn_xlsx_cell_name (row, col);
    }
  g_assert_not_reached ();
}

/* The data sheet's text at @ref. */
static char *
data_text (GBytes     *bytes,
           const char *ref)
{
  g_autoptr(GdnnXlsx) x = gdnn_xlsx_open_bytes (bytes, NULL, NULL);
  g_autoptr(GdnnXlsxSheet) s = gdnn_xlsx_read_sheet (x, gdnn_xlsx_find_sheet (x, "gdnn_data"), NULL);

  return g_strdup (gdnn_xlsx_sheet_get_cell_ref (s, ref)->text);
}

static GBytes *
with_data_cell (Fixture    *fixture,
                const char *path,
                const char *record,
                const char *column,
                const char *cell_xml_format)
{
  g_autoptr(GBytes) orig = file_bytes (path);
  g_autofree char *ref = data_cell (orig, record, column, TRUE);
  g_autofree char *xml = entry_text (path, "xl/worksheets/sheet5.xml");
  g_autofree char *cell = g_strdup_printf ("<c r=\"%s\"%s", ref, cell_xml_format);
  g_autofree char *edited = replace_cell (xml, ref, cell);

  return with_entry (fixture, path, "xl/worksheets/sheet5.xml", edited);
}

static void
test_read_back (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnSubmission) sub = gdnn_submission_read_file (path, &error);
  g_autofree char *date = gdnn_format_date_iso (&doc->date);
  guint k = 0;

  g_assert_no_error (error);
  g_assert_nonnull (sub);

  /* Metadata, against the database and the document it was written from */
  g_assert_cmpint (sub->schema_version, ==, 1);
  g_assert_true (g_str_has_prefix (sub->generator, "gdnn-report "));
  g_assert_cmpstr (sub->unit_code, ==, "BG-CD01");
  {
    g_autofree char *name = gdnn_test_query_text (fixture->store, "SELECT name FROM unit WHERE code = 'BG-CD01'");
    g_assert_cmpstr (sub->unit_name, ==, name);
  }
  g_assert_cmpstr (gdnn_unit_type_to_string (sub->unit_type), ==, doc->unit_type);
  g_assert_cmpstr (gdnn_ownership_to_string (sub->unit_ownership), ==,
                   doc->unit_ownership != NULL ? doc->unit_ownership : "");
  g_assert_cmpstr (sub->parent_code, ==, doc->parent_code);
  g_assert_cmpstr (sub->plan_number, ==, "401/KH-UBND");
  g_assert_cmpint (sub->year, ==, 2026);
  g_assert_cmpstr (sub->period, ==, "year");
  g_assert_cmpstr (sub->report_number, ==, doc->number);
  g_assert_cmpstr (sub->report_date, ==, date);
  g_assert_false (sub->is_final);
  g_assert_cmpstr (sub->signer_name, ==, doc->signer_name);
  g_assert_cmpstr (sub->signer_title, ==, doc->signer_title);

  /* Every indicator, in order */
  g_assert_cmpuint (sub->values->len, ==, doc->indicators->len);
  g_assert_cmpuint (sub->values->len, >, 5);
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      const GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      const GdnnSubmittedValue *v = g_ptr_array_index (sub->values, i);

      g_assert_cmpstr (v->code, ==, r->code);
      g_assert_cmpint (v->measure, ==, r->measure);
      g_assert_cmpint (v->has_numerator, ==, r->has_numerator);
      g_assert_cmpint (v->has_denominator, ==, r->has_denominator);
      g_assert_cmpint (v->has_value, ==, r->has_value);
      if (r->has_numerator)
        g_assert_cmpfloat (v->numerator, ==, r->numerator);
      if (r->has_denominator)
        g_assert_cmpfloat (v->denominator, ==, r->denominator);
      if (r->has_value)
        g_assert_cmpfloat_with_epsilon (v->value, r->value, 1e-9);
      g_assert_cmpstr (v->note, ==, r->note != NULL && *r->note != '\0' ? r->note : NULL);
      g_assert_cmpstr (v->status, ==, r->value_status);
    }
  /* … and one straight from the database */
  {
    const GdnnSubmittedValue *v = g_ptr_array_index (sub->values, 0);
    g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM value v JOIN indicator i ON i.id = v.indicator_id "
      "JOIN unit u ON u.id = v.unit_id WHERE u.code = 'BG-CD01' AND v.year = 2026 AND i.code = '%s' "
      "AND v.numerator = %.17g", v->code, v->numerator);
    if (v->has_numerator)
      g_assert_cmpint (gdnn_test_query_int (fixture->store, sql), ==, 1);
  }

  /* Every task */
  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      for (guint i = 0; i < group->tasks->len; i++, k++)
        {
          const GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          const GdnnSubmittedTask *st = g_ptr_array_index (sub->tasks, k);

          g_assert_cmpstr (st->code, ==, t->code);
          g_assert_cmpint (st->has_status, ==, t->reported);
          if (t->reported)
            {
              g_assert_cmpint (st->status, ==, t->status);
              g_assert_cmpint (st->progress, ==, t->progress);
            }
          g_assert_cmpstr (st->result, ==, t->result);
        }
    }
  g_assert_cmpuint (sub->tasks->len, ==, k);
  g_assert_cmpuint (k, >, 3);

  /* Every budget line */
  g_assert_cmpuint (sub->budget->len, ==, doc->budget_lines->len);
  g_assert_cmpuint (sub->budget->len, >, 0);
  for (guint i = 0; i < doc->budget_lines->len; i++)
    {
      const GdnnReportBudgetLine *b = g_ptr_array_index (doc->budget_lines, i);
      const GdnnSubmittedBudget *sb = g_ptr_array_index (sub->budget, i);

      g_assert_cmpint (sb->position, ==, i + 1);
      g_assert_cmpstr (sb->name, ==, b->name);
      g_assert_cmpint (sb->source, ==, b->source);
      g_assert_cmpint (sb->year, ==, 2026);
      g_assert_cmpint (sb->planned, ==, b->planned);
      g_assert_cmpint (sb->has_spent, ==, b->has_spent);
      if (b->has_spent)
        g_assert_cmpint (sb->spent, ==, b->spent);
    }

  /* Nobody edited the visible sheets */
  g_assert_cmpuint (sub->differences->len, ==, 0);
}

static void
test_visible_edit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autoptr(GBytes) orig = file_bytes (path);
  g_autofree char *num_ref = data_cell (orig, "indicator", "numerator_cell", FALSE);
  g_autofree char *num_cell = data_text (orig, num_ref);
  g_autofree char *prog_ref = data_cell (orig, "task", "progress_cell", FALSE);
  g_autofree char *prog_cell = data_text (orig, prog_ref);
  g_autofree char *code = NULL;
  g_autofree char *sheet = NULL, *sheet2 = NULL, *a1 = NULL, *a1b = NULL, *num_value = NULL;
  g_autofree char *xml = NULL, *edited = NULL, *cell = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnSubmission) sub = NULL;
  const GdnnCellDifference *d;
  guint row, col;
  double n;

  /* The first indicator's numerator as shown in 'Chỉ tiêu' (the third sheet) */
  g_assert_true (gdnn_xlsx_parse_ref (num_cell, &sheet, &row, &col));
  g_assert_cmpstr (sheet, ==, "Chỉ tiêu");
  a1 = gdnn_xlsx_cell_name (row, col);
  {
    const GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, 0);
    g_assert_true (r->has_numerator);
    code = g_strdup (r->code);
    n = r->numerator;
  }
  xml = entry_text (path, "xl/worksheets/sheet3.xml");
  cell = g_strdup_printf ("<c r=\"%s\"><v>%.0f</v></c>", a1, n + 3);
  edited = replace_cell (xml, a1, cell);
  bytes = with_entry (fixture, path, "xl/worksheets/sheet3.xml", edited);
  sub = gdnn_submission_read_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->differences->len, ==, 1);
  d = g_ptr_array_index (sub->differences, 0);
  {
    g_autofree char *expect_cell = g_strdup_printf ("'Chỉ tiêu'!%s", a1);
    g_autofree char *expect_what = g_strdup_printf ("%s – numerator", code);
    g_autofree char *expect_data = g_strdup_printf ("%.0f", n);
    g_autofree char *expect_shown = g_strdup_printf ("%.0f", n + 3);
    g_assert_cmpstr (d->cell, ==, expect_cell);
    g_assert_cmpstr (d->what, ==, expect_what);
    g_assert_cmpstr (d->data_text, ==, expect_data);
    g_assert_cmpstr (d->visible_text, ==, expect_shown);
  }
  /* The data itself is what the data sheet says, not the edited cell */
  g_assert_cmpfloat (((GdnnSubmittedValue *) g_ptr_array_index (sub->values, 0))->numerator, ==, n);
  g_clear_pointer (&sub, gdnn_submission_free);

  /* A task's progress emptied in 'Nhiệm vụ', and its status retyped in
   * lower case without diacritics (the same status: no difference) */
  g_assert_true (gdnn_xlsx_parse_ref (prog_cell, &sheet2, &row, &col));
  g_assert_cmpstr (sheet2, ==, "Nhiệm vụ");
  a1b = gdnn_xlsx_cell_name (row, col);
  g_clear_pointer (&xml, g_free);
  g_clear_pointer (&edited, g_free);
  xml = entry_text (path, "xl/worksheets/sheet2.xml");
  edited = replace_cell (xml, a1b, "");
  bytes2 = with_entry (fixture, path, "xl/worksheets/sheet2.xml", edited);
  sub = gdnn_submission_read_bytes (bytes2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->differences->len, ==, 1);
  d = g_ptr_array_index (sub->differences, 0);
  num_value = g_strdup_printf ("%d", ((GdnnSubmittedTask *) g_ptr_array_index (sub->tasks, 0))->progress);
  gdnn_test_assert_contains (d->cell, "'Nhiệm vụ'!");
  gdnn_test_assert_contains (d->what, "progress");
  g_assert_cmpstr (d->data_text, ==, num_value);
  g_assert_cmpstr (d->visible_text, ==, "");
}

static void
test_refuse_data (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autoptr(GBytes) b1 = with_data_cell (fixture, path, "schema_version", NULL, "><v>2</v></c>");
  g_autoptr(GBytes) b2 = with_data_cell (fixture, path, "year", NULL, "><v>1999</v></c>");
  g_autoptr(GBytes) b3 = with_data_cell (fixture, path, "indicator", "numerator",
                                         " t=\"inlineStr\"><is><t>abc</t></is></c>");
  g_autoptr(GBytes) b4 = with_data_cell (fixture, path, "task", "progress", "><v>150</v></c>");
  g_autoptr(GBytes) b5 = with_data_cell (fixture, path, "year", NULL, " t=\"str\"><v>hai nghìn</v></c>");
  g_autoptr(GBytes) b6 = with_data_cell (fixture, path, "schema_version", NULL, " t=\"str\"><v>x</v></c>");
  g_autoptr(GBytes) b7 = NULL;
  g_autoptr(GBytes) b8 = NULL;
  g_autoptr(GBytes) orig = file_bytes (path);
  const GdnnReportIndicator *first = g_ptr_array_index (doc->indicators, 0);
  g_autofree char *abc = g_strdup_printf ("Indicator %s: numerator “abc” is not a number.", first->code);

  assert_refused (b1, GDNN_SUBMISSION_READ_ERROR_VERSION, "schema version “2”");
  assert_refused (b2, GDNN_SUBMISSION_READ_ERROR_INVALID, "year 1999 is not between 2000 and 2100");
  assert_refused (b3, GDNN_SUBMISSION_READ_ERROR_INVALID, abc);
  assert_refused (b4, GDNN_SUBMISSION_READ_ERROR_INVALID, ": progress 150 is not between 0 and 100");
  assert_refused (b5, GDNN_SUBMISSION_READ_ERROR_INVALID, "year “hai nghìn” is not a number");
  assert_refused (b6, GDNN_SUBMISSION_READ_ERROR_VERSION, "schema version “x”");

  /* A bad date: the report date is a shared string; write an inline one */
  {
    g_autofree char *ref = data_cell (orig, "report_date", NULL, FALSE);
    g_autofree char *xml = entry_text (path, "xl/worksheets/sheet5.xml");
    g_autofree char *cell = g_strdup_printf ("<c r=\"%s\" t=\"inlineStr\"><is><t>2026-02-30</t></is></c>", ref);
    g_autofree char *edited = replace_cell (xml, ref, cell);
    b7 = with_entry (fixture, path, "xl/worksheets/sheet5.xml", edited);
    assert_refused (b7, GDNN_SUBMISSION_READ_ERROR_INVALID, "report date “2026-02-30” is not a date");
  }
  /* The format key changed: a data sheet of something else */
  {
    g_autofree char *ref = data_cell (orig, "format", NULL, FALSE);
    g_autofree char *xml = entry_text (path, "xl/worksheets/sheet5.xml");
    g_autofree char *cell = g_strdup_printf ("<c r=\"%s\" t=\"inlineStr\"><is><t>other-data</t></is></c>", ref);
    g_autofree char *edited = replace_cell (xml, ref, cell);
    b8 = with_entry (fixture, path, "xl/worksheets/sheet5.xml", edited);
    assert_refused (b8, GDNN_SUBMISSION_READ_ERROR_FOREIGN, "not exported by this program");
  }
}

static void
test_refuse_archive (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autoptr(GBytes) orig = file_bytes (path);
  g_autoptr(GBytes) text = g_bytes_new_static ("Tên,Số\nA,1\n", 14);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (orig, 0, g_bytes_get_size (orig) / 2);
  g_autoptr(GBytes) tail_cut = g_bytes_new_from_bytes (orig, 0, g_bytes_get_size (orig) - 10);
  g_autoptr(GError) error = NULL;
  ZipOut *z;
  g_autoptr(GBytes) many = NULL;
  g_autoptr(GBytes) plain = NULL;

  assert_refused (text, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX, "not a zip archive");
  assert_refused (empty, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX, "not a zip archive");
  assert_refused (cut, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX, "damaged or incomplete");
  assert_refused (tail_cut, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX, "damaged or incomplete");
  g_assert_null (gdnn_submission_read_file ("/nonexistent/report.xlsx", &error));
  g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_IO);
  g_clear_error (&error);

  /* Too many entries */
  z = zip_out_new ();
  zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
  for (guint i = 0; i < 2001; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/media/f%u.txt", i);
      zip_out_add (z, name, "x");
    }
  many = zip_out_finish (z);
  g_free (z);
  assert_refused (many, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE, "more than 2000 entries");

  /* A zip that is no workbook */
  z = zip_out_new ();
  zip_out_add (z, "readme.txt", "hello");
  g_clear_pointer (&many, g_bytes_unref);
  many = zip_out_finish (z);
  g_free (z);
  assert_refused (many, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX, "not an Excel workbook");

  /* A plain spreadsheet somebody made in a spreadsheet program */
  {
    g_autofree char *xpath = g_build_filename (fixture->dir, "plain.xlsx", NULL);
    lxw_workbook *wb = workbook_new (xpath);
    lxw_worksheet *ws = workbook_add_worksheet (wb, "Báo cáo");

    worksheet_write_string (ws, 0, 0, "Chỉ tiêu", NULL);
    worksheet_write_number (ws, 0, 1, 45, NULL);
    g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
    plain = file_bytes (xpath);
    assert_refused (plain, GDNN_SUBMISSION_READ_ERROR_FOREIGN, "no data sheet “gdnn_data”");
  }
}

/* 1 GiB of zeros, deflated (about 1 MiB). */
static GBytes *
deflated_zeros (guint64  size,
                guint32 *crc)
{
  z_stream zs = { 0 };
  g_autofree guint8 *zeros = g_malloc0 (1 << 20);
  GByteArray *out = g_byte_array_new ();
  guint8 buf[1 << 16];
  guint64 left = size;
  int rc = Z_OK;

  g_assert_cmpint (deflateInit2 (&zs, 9, Z_DEFLATED, -15, 9, Z_RLE), ==, Z_OK);
  *crc = crc32 (0, NULL, 0);
  while (TRUE)
    {
      guint chunk = (guint) MIN (left, (guint64) (1 << 20));
      int flush = left == chunk ? Z_FINISH : Z_NO_FLUSH;

      *crc = crc32 (*crc, zeros, chunk);
      zs.next_in = zeros;
      zs.avail_in = chunk;
      do
        {
          zs.next_out = buf;
          zs.avail_out = sizeof buf;
          rc = deflate (&zs, flush);
          g_assert_cmpint (rc, !=, Z_STREAM_ERROR);
          g_byte_array_append (out, buf, sizeof buf - zs.avail_out);
        }
      while (zs.avail_out == 0);
      left -= chunk;
      if (flush == Z_FINISH)
        break;
    }
  g_assert_cmpint (rc, ==, Z_STREAM_END);
  deflateEnd (&zs);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
bomb (GBytes  *stream,
      guint32  declared,
      guint32  crc)
{
  ZipOut *z = zip_out_new ();
  GBytes *bytes;
  gsize len;
  const guint8 *data = g_bytes_get_data (stream, &len);

  zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
  zip_out_add_raw (z, "xl/workbook.xml", 8, data, len, declared, crc);
  zip_out_add (z, "xl/_rels/workbook.xml.rels", RELS);
  bytes = zip_out_finish (z);
  g_free (z);
  return bytes;
}

static void
test_refuse_bombs (void)
{
  guint32 crc = 0;
  /* 0xffffffff bytes: the most a zip without zip64 declares, 4 GiB */
  g_autoptr(GBytes) stream = deflated_zeros (G_GUINT64_CONSTANT (1) << 30, &crc);
  g_autoptr(GBytes) honest = bomb (stream, 1u << 30, crc);
  g_autoptr(GBytes) liar = bomb (stream, 1000, crc);
  g_autoptr(GBytes) small_stream = deflated_zeros (10 << 20, &crc);
  /* 10 MiB declared honestly: under the size limits, above the ratio */
  g_autoptr(GBytes) ratio = bomb (small_stream, 10 << 20, crc);

  g_test_message ("1 GiB of zeros deflates to %zu bytes", g_bytes_get_size (stream));
  assert_refused (honest, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE, "more than the limit of 64 MiB");
  assert_refused (liar, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE, "more than it declares");
  assert_refused (ratio, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE, "compressed more than 200:1");
}

static void
test_refuse_xml (void)
{
  static const char *laughs =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE sst [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>";
  static const char *xxe =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
  static const char *dtd =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet SYSTEM \"http://example.com/sheet.dtd\">\n" EMPTY_SHEET;
  static const char *undeclared =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nope;</t></is></c></row></sheetData></worksheet>";
  static const char *broken =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row>";
  g_autoptr(GBytes) b1 = small_workbook (NULL, NULL, laughs);
  g_autoptr(GBytes) b2 = small_workbook (NULL, xxe, NULL);
  g_autoptr(GBytes) b3 = small_workbook (NULL, dtd, NULL);
  g_autoptr(GBytes) b4 = small_workbook (NULL, undeclared, NULL);
  g_autoptr(GBytes) b5 = small_workbook (NULL, broken, NULL);
  g_autoptr(GBytes) ok = small_workbook (NULL, NULL, NULL);

  assert_refused (b1, GDNN_SUBMISSION_READ_ERROR_MALFORMED, "declares a DTD or entities");
  assert_refused (b2, GDNN_SUBMISSION_READ_ERROR_MALFORMED, "declares a DTD or entities");
  assert_refused (b3, GDNN_SUBMISSION_READ_ERROR_MALFORMED, "declares a DTD or entities");
  assert_refused (b4, GDNN_SUBMISSION_READ_ERROR_MALFORMED, "not well-formed XML");
  assert_refused (b5, GDNN_SUBMISSION_READ_ERROR_MALFORMED, "not well-formed XML");
  /* The same workbook without the hostile parts is read as far as its
   * empty data sheet */
  assert_refused (ok, GDNN_SUBMISSION_READ_ERROR_FOREIGN, "not a report data sheet");
}

/* What Excel and LibreOffice write when a person saves the file again:
 * rich-text shared strings with phonetic runs, inline strings, cells and
 * rows without "r", formulas with cached values, booleans, errors. */
static void
test_xlsx_tolerant (void)
{
  static const char *strings =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">"
    "<si><t>Chỉ tiêu</t></si>"
    "<si><r><rPr><b/></rPr><t>Tỷ lệ </t></r><r><t xml:space=\"preserve\">có việc làm</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>"
    "<si><t xml:space=\"preserve\"> </t></si></sst>";
  static const char *sheet =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>"
    "<row><c><v>45</v></c><c t=\"inlineStr\"><is><r><t>a&amp;</t></r><r><t>b</t></r></is></c>"
    "<c r=\"D2\"><f>B2*2</f><v>1.5E3</v></c><c r=\"E2\" t=\"b\"><v>1</v></c>"
    "<c r=\"F2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"G2\" s=\"3\"/><c r=\"H2\" t=\"str\"><f>A1</f><v>x</v></c></row>"
    "<row r=\"7\"><c r=\"G7\"><v>-0.25</v></c></row>"
    "</sheetData></worksheet>";
  g_autoptr(GBytes) bytes = small_workbook (sheet, NULL, strings);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnXlsx) x = gdnn_xlsx_open_bytes (bytes, NULL, &error);
  g_autoptr(GdnnXlsxSheet) s = NULL;
  g_autofree char *name = NULL;
  guint row, col;

  g_assert_no_error (error);
  g_assert_cmpuint (gdnn_xlsx_get_n_sheets (x), ==, 2);
  g_assert_cmpstr (gdnn_xlsx_get_sheet_name (x, 0), ==, "Sheet1");
  g_assert_false (gdnn_xlsx_get_sheet_hidden (x, 0));
  g_assert_true (gdnn_xlsx_get_sheet_hidden (x, 1));
  g_assert_cmpint (gdnn_xlsx_find_sheet (x, "gdnn_data"), ==, 1);
  g_assert_cmpint (gdnn_xlsx_find_sheet (x, "nope"), ==, -1);
  s = gdnn_xlsx_read_sheet (x, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gdnn_xlsx_sheet_get_n_rows (s), ==, 7);
  g_assert_cmpstr (gdnn_xlsx_sheet_get_cell_ref (s, "A1")->text, ==, "Chỉ tiêu");
  g_assert_cmpstr (gdnn_xlsx_sheet_get_cell_ref (s, "B1")->text, ==, "Tỷ lệ có việc làm");
  g_assert_cmpstr (gdnn_xlsx_sheet_get_cell_ref (s, "C1")->text, ==, " ");
  g_assert_cmpint (gdnn_xlsx_sheet_get_cell_ref (s, "A2")->type, ==, GDNN_XLSX_CELL_NUMBER);
  g_assert_cmpfloat (gdnn_xlsx_sheet_get_cell_ref (s, "A2")->number, ==, 45);
  g_assert_cmpstr (gdnn_xlsx_sheet_get_cell_ref (s, "B2")->text, ==, "a&b");
  g_assert_cmpfloat (gdnn_xlsx_sheet_get_cell_ref (s, "$D$2")->number, ==, 1500);
  g_assert_cmpint (gdnn_xlsx_sheet_get_cell_ref (s, "E2")->type, ==, GDNN_XLSX_CELL_BOOLEAN);
  g_assert_cmpint (gdnn_xlsx_sheet_get_cell_ref (s, "F2")->type, ==, GDNN_XLSX_CELL_ERROR);
  g_assert_cmpint (gdnn_xlsx_sheet_get_cell_ref (s, "G2")->type, ==, GDNN_XLSX_CELL_EMPTY);
  g_assert_cmpstr (gdnn_xlsx_sheet_get_cell_ref (s, "H2")->text, ==, "x");
  g_assert_cmpfloat (gdnn_xlsx_sheet_get_cell (s, 6, 6)->number, ==, -0.25);
  g_assert_cmpint (gdnn_xlsx_sheet_get_cell (s, 100, 100)->type, ==, GDNN_XLSX_CELL_EMPTY);
  g_assert_null (gdnn_xlsx_sheet_get_cell_ref (s, "7G"));

  g_assert_true (gdnn_xlsx_parse_ref ("'Chỉ tiêu'!$G$7", &name, &row, &col));
  g_assert_cmpstr (name, ==, "Chỉ tiêu");
  g_assert_cmpuint (row, ==, 6);
  g_assert_cmpuint (col, ==, 6);
  g_clear_pointer (&name, g_free);
  g_assert_true (gdnn_xlsx_parse_ref ("'It''s'!XFD1048576", &name, &row, &col));
  g_assert_cmpstr (name, ==, "It's");
  g_assert_cmpuint (col, ==, 16383);
  g_clear_pointer (&name, g_free);
  g_assert_true (gdnn_xlsx_parse_ref ("Data!AA10", &name, &row, &col));
  g_assert_cmpstr (name, ==, "Data");
  g_assert_cmpuint (col, ==, 26);
  g_clear_pointer (&name, g_free);
  g_assert_false (gdnn_xlsx_parse_ref ("XFE1", NULL, &row, &col));
  g_assert_false (gdnn_xlsx_parse_ref ("A0", NULL, &row, &col));
  g_assert_false (gdnn_xlsx_parse_ref ("'open!A1", NULL, &row, &col));
  g_assert_false (gdnn_xlsx_parse_ref ("!A1", NULL, &row, &col));
  {
    g_autofree char *n1 = gdnn_xlsx_cell_name (6, 6);
    g_autofree char *n2 = gdnn_xlsx_cell_name (0, 16383);
    g_assert_cmpstr (n1, ==, "G7");
    g_assert_cmpstr (n2, ==, "XFD1");
  }
}

/* The text of the data sheet's @column on the record of type @record
 * whose code is @code. */
static char *
record_text (GBytes     *bytes,
             const char *record,
             const char *code,
             const char *column)
{
  g_autoptr(GdnnXlsx) x = gdnn_xlsx_open_bytes (bytes, NULL, NULL);
  g_autoptr(GdnnXlsxSheet) s = gdnn_xlsx_read_sheet (x, gdnn_xlsx_find_sheet (x, "gdnn_data"), NULL);
  guint col = 0;

  for (guint row = 0; row < gdnn_xlsx_sheet_get_n_rows (s); row++)
    {
      const char *a = gdnn_xlsx_sheet_get_cell (s, row, 0)->text;

      if (a[0] == '#' && g_str_equal (a + 1, record))
        for (guint c = 1; c < 30; c++)
          if (g_str_equal (gdnn_xlsx_sheet_get_cell (s, row, c)->text, column))
            col = c;
      if (col > 0 && g_str_equal (a, record) && g_str_equal (gdnn_xlsx_sheet_get_cell (s, row, 1)->text, code))
        return g_strdup (gdnn_xlsx_sheet_get_cell (s, row, col)->text);
    }
  g_assert_not_reached ();
}

/* A number as a difference gives it: ten significant digits, a comma. */
static char *
data_number (double value)
{
  char *text = g_strdup_printf ("%.10g", value);

  g_assert_true (value != (gint64) value);
  return g_strdelimit (text, ".", ',');
}

/* "G7" of "'Chỉ tiêu'!$G$7", checking the sheet. */
static char *
cell_of (const char *ref,
         const char *sheet)
{
  g_autofree char *name = NULL;
  guint row, col;

  g_assert_true (gdnn_xlsx_parse_ref (ref, &name, &row, &col));
  g_assert_cmpstr (name, ==, sheet);
  return gdnn_xlsx_cell_name (row, col);
}

static const GdnnCellDifference *
find_difference (GdnnSubmission *sub,
                 const char     *cell)
{
  for (guint i = 0; i < sub->differences->len; i++)
    {
      const GdnnCellDifference *d = g_ptr_array_index (sub->differences, i);
      if (g_str_equal (d->cell, cell))
        return d;
    }
  g_test_message ("no difference at %s", cell);
  g_assert_not_reached ();
}

static void
assert_difference (GdnnSubmission *sub,
                   const char     *sheet,
                   const char     *a1,
                   const char     *what,
                   const char     *data,
                   const char     *shown)
{
  g_autofree char *where = g_strdup_printf ("'%s'!%s", sheet, a1);
  const GdnnCellDifference *d = find_difference (sub, where);

  g_assert_cmpstr (d->what, ==, what);
  g_assert_cmpstr (d->data_text, ==, data);
  g_assert_cmpstr (d->visible_text, ==, shown);
}

/* Hand edits of the printed value, the share of the target, the
 * assessment, the explanation and a task's result are each listed with
 * the sheet, the cell, the code, the data and what the cell shows. */
static void
test_hand_edits (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autoptr(GBytes) orig = file_bytes (path);
  const GdnnReportIndicator *r = NULL;
  const GdnnReportTask *t = NULL;
  g_autofree char *value_ref = NULL, *pct_ref = NULL, *assess_ref = NULL, *note_ref = NULL, *result_ref = NULL;
  g_autofree char *value_a1 = NULL, *pct_a1 = NULL, *assess_a1 = NULL, *note_a1 = NULL, *result_a1 = NULL;
  g_autofree char *xml = NULL, *xml2 = NULL, *cell = NULL;
  g_autofree char *what = NULL, *data = NULL, *pct_data = NULL;
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnSubmission) sub = NULL;
  const char *other;

  for (guint i = 0; i < doc->indicators->len && r == NULL; i++)
    {
      const GdnnReportIndicator *ind = g_ptr_array_index (doc->indicators, i);
      if (ind->measure == GDNN_MEASURE_RATIO && ind->has_value && ind->has_percent_of_target &&
          ind->assessment != GDNN_REPORT_ASSESSMENT_NONE)
        r = ind;
    }
  g_assert_nonnull (r);
  for (guint g = 0; g < doc->task_groups->len && t == NULL; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      for (guint i = 0; i < group->tasks->len && t == NULL; i++)
        {
          const GdnnReportTask *task = g_ptr_array_index (group->tasks, i);
          if (task->reported && task->result != NULL)
            t = task;
        }
    }
  g_assert_nonnull (t);

  value_ref = record_text (orig, "indicator", r->code, "value_cell");
  pct_ref = record_text (orig, "indicator", r->code, "percent_cell");
  assess_ref = record_text (orig, "indicator", r->code, "assessment_cell");
  note_ref = record_text (orig, "indicator", r->code, "note_cell");
  result_ref = record_text (orig, "task", t->code, "result_cell");
  value_a1 = cell_of (value_ref, "Chỉ tiêu");
  pct_a1 = cell_of (pct_ref, "Chỉ tiêu");
  assess_a1 = cell_of (assess_ref, "Chỉ tiêu");
  note_a1 = cell_of (note_ref, "Chỉ tiêu");
  result_a1 = cell_of (result_ref, "Nhiệm vụ");

  /* The original: nothing differs. */
  sub = gdnn_submission_read_bytes (orig, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->differences->len, ==, 0);
  g_clear_pointer (&sub, gdnn_submission_free);

  /* A person types over the printed value, the share, the assessment and
   * the explanation on 'Chỉ tiêu', and the result on 'Nhiệm vụ'. */
  other = r->assessment == GDNN_REPORT_ASSESSMENT_NOT_MET ? "Đạt" : "Chưa đạt";
  xml = entry_text (path, "xl/worksheets/sheet3.xml");
  cell = g_strdup_printf ("<c r=\"%s\"><v>0.99</v></c>", value_a1);
  xml = replace_cell_take (g_steal_pointer (&xml), value_a1, cell);
  g_free (cell);
  cell = g_strdup_printf ("<c r=\"%s\"><v>1.5</v></c>", pct_a1);
  xml = replace_cell_take (g_steal_pointer (&xml), pct_a1, cell);
  g_free (cell);
  cell = g_strdup_printf ("<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>", assess_a1, other);
  xml = replace_cell_take (g_steal_pointer (&xml), assess_a1, cell);
  g_free (cell);
  cell = g_strdup_printf ("<c r=\"%s\" t=\"inlineStr\"><is><t>Sửa tay</t></is></c>", note_a1);
  xml = replace_cell_take (g_steal_pointer (&xml), note_a1, cell);
  b1 = with_entry (fixture, path, "xl/worksheets/sheet3.xml", xml);
  g_free (cell);
  xml2 = entry_text (path, "xl/worksheets/sheet2.xml");
  cell = g_strdup_printf ("<c r=\"%s\" t=\"inlineStr\"><is><t>Đã sửa kết quả</t></is></c>", result_a1);
  xml2 = replace_cell_take (g_steal_pointer (&xml2), result_a1, cell);
  {
    /* Both sheets edited in one file */
    g_autofree char *copy = g_build_filename (fixture->dir, "both.xlsx", NULL);
    int err = 0;
    zip_t *za;

    g_assert_true (g_file_set_contents (copy, g_bytes_get_data (b1, NULL), g_bytes_get_size (b1), NULL));
    za = zip_open (copy, 0, &err);
    g_assert_nonnull (za);
    g_assert_cmpint (zip_file_replace (za, zip_name_locate (za, "xl/worksheets/sheet2.xml", 0),
                                       zip_source_buffer (za, g_strdup (xml2), strlen (xml2), 1), 0), ==, 0);
    g_assert_cmpint (zip_close (za), ==, 0);
    b2 = file_bytes (copy);
  }

  sub = gdnn_submission_read_bytes (b2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->differences->len, ==, 5);
  what = g_strdup_printf ("%s – value", r->code);
  data = data_number (r->value);
  assert_difference (sub, "Chỉ tiêu", value_a1, what, data, "99");
  g_free (what);
  what = g_strdup_printf ("%s – share of the target", r->code);
  pct_data = data_number (r->percent_of_target);
  assert_difference (sub, "Chỉ tiêu", pct_a1, what, pct_data, "150");
  g_free (what);
  what = g_strdup_printf ("%s – assessment", r->code);
  assert_difference (sub, "Chỉ tiêu", assess_a1, what, gdnn_report_assessment_label (r->assessment), other);
  g_free (what);
  what = g_strdup_printf ("%s – explanation", r->code);
  assert_difference (sub, "Chỉ tiêu", note_a1, what, r->note != NULL ? r->note : "", "Sửa tay");
  g_free (what);
  what = g_strdup_printf ("%s – result", t->code);
  assert_difference (sub, "Nhiệm vụ", result_a1, what, t->result, "Đã sửa kết quả");
  /* The data stay what the data sheet says */
  g_assert_cmpfloat_with_epsilon (((GdnnSubmittedValue *) g_ptr_array_index (sub->values, r->number - 1))->value,
                                  r->value, 1e-9);
}

/* What openpyxl and other tools write: formulas without their results,
 * as <v></v> or without <v>. Nothing is refused and nothing differs while
 * the formulas are the exported ones; a changed formula is a difference. */
static void
test_formula_results_dropped (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autoptr(GBytes) orig = file_bytes (path);
  g_autoptr(GRegex) cached = g_regex_new ("(<f>[^<]*</f>)<v>[^<]*</v>", 0, 0, NULL);
  g_autofree char *xml = entry_text (path, "xl/worksheets/sheet3.xml");
  g_autofree char *empty_v = g_regex_replace (cached, xml, -1, 0, "\\1<v></v>", 0, NULL);
  g_autofree char *no_v = g_regex_replace (cached, xml, -1, 0, "\\1", 0, NULL);
  const GdnnReportIndicator *r = NULL;
  g_autofree char *value_ref = NULL, *value_a1 = NULL, *num_a1 = NULL, *cell = NULL, *edited = NULL;
  g_autofree char *expect_shown = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *variants[2];

  g_assert_true (strstr (xml, "<f>IF(") != NULL);
  g_assert_true (strstr (empty_v, "<v></v>") != NULL);
  variants[0] = with_entry (fixture, path, "xl/worksheets/sheet3.xml", empty_v);
  variants[1] = with_entry (fixture, path, "xl/worksheets/sheet3.xml", no_v);
  for (guint k = 0; k < G_N_ELEMENTS (variants); k++)
    {
      g_autoptr(GdnnSubmission) sub = gdnn_submission_read_bytes (variants[k], &error);

      g_assert_no_error (error);
      g_assert_nonnull (sub);
      for (guint i = 0; i < sub->differences->len; i++)
        {
          const GdnnCellDifference *d = g_ptr_array_index (sub->differences, i);
          g_test_message ("%s %s: %s / %s", d->cell, d->what, d->data_text, d->visible_text);
        }
      g_assert_cmpuint (sub->differences->len, ==, 0);
      g_assert_cmpuint (sub->values->len, ==, doc->indicators->len);
      g_bytes_unref (variants[k]);
    }

  /* A shared formula's other cell, without text and result, as some tools
   * write it: no difference */
  {
    g_autoptr(GBytes) o = file_bytes (path);
    g_autofree char *vref = NULL, *va1 = NULL, *shared = NULL, *sheet = NULL;
    const GdnnReportIndicator *ratio = NULL;

    for (guint i = 0; i < doc->indicators->len && ratio == NULL; i++)
      {
        const GdnnReportIndicator *ind = g_ptr_array_index (doc->indicators, i);
        if (ind->measure == GDNN_MEASURE_RATIO && ind->has_value)
          ratio = ind;
      }
    vref = record_text (o, "indicator", ratio->code, "value_cell");
    va1 = cell_of (vref, "Chỉ tiêu");
    shared = g_strdup_printf ("<c r=\"%s\"><f t=\"shared\" si=\"0\"/></c>", va1);
    sheet = replace_cell (no_v, va1, shared);
    {
      g_autoptr(GBytes) b = with_entry (fixture, path, "xl/worksheets/sheet3.xml", sheet);
      g_autoptr(GdnnSubmission) sub = gdnn_submission_read_bytes (b, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sub->differences->len, ==, 0);
    }
  }

  /* The reader keeps the formula of a cell without a result */
  {
    g_autoptr(GBytes) b = with_entry (fixture, path, "xl/worksheets/sheet3.xml", empty_v);
    g_autoptr(GdnnXlsx) x = gdnn_xlsx_open_bytes (b, NULL, &error);
    g_autoptr(GdnnXlsxSheet) s = gdnn_xlsx_read_sheet (x, 2, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint row = 0; row < gdnn_xlsx_sheet_get_n_rows (s) && !found; row++)
      for (guint col = 0; col < 20 && !found; col++)
        {
          const GdnnXlsxCell *c = gdnn_xlsx_sheet_get_cell (s, row, col);
          if (c->formula != NULL && g_str_has_prefix (c->formula, "IF("))
            {
              g_assert_cmpint (c->type, ==, GDNN_XLSX_CELL_EMPTY);
              g_assert_cmpstr (c->text, ==, "");
              found = TRUE;
            }
        }
    g_assert_true (found);
  }

  /* Another formula in place of a ratio's value, without its result */
  for (guint i = 0; i < doc->indicators->len && r == NULL; i++)
    {
      const GdnnReportIndicator *ind = g_ptr_array_index (doc->indicators, i);
      if (ind->measure == GDNN_MEASURE_RATIO && ind->has_value)
        r = ind;
    }
  g_assert_nonnull (r);
  value_ref = record_text (orig, "indicator", r->code, "value_cell");
  value_a1 = cell_of (value_ref, "Chỉ tiêu");
  {
    g_autofree char *num_ref = record_text (orig, "indicator", r->code, "numerator_cell");
    num_a1 = cell_of (num_ref, "Chỉ tiêu");
  }
  cell = g_strdup_printf ("<c r=\"%s\"><f>%s*2</f><v></v></c>", value_a1, num_a1);
  edited = replace_cell (empty_v, value_a1, cell);
  {
    g_autoptr(GBytes) b = with_entry (fixture, path, "xl/worksheets/sheet3.xml", edited);
    g_autoptr(GdnnSubmission) sub = gdnn_submission_read_bytes (b, &error);
    g_autofree char *what = g_strdup_printf ("%s – value", r->code);
    g_autofree char *data = data_number (r->value);

    g_assert_no_error (error);
    g_assert_cmpuint (sub->differences->len, ==, 1);
    expect_shown = g_strdup_printf ("=%s*2", num_a1);
    assert_difference (sub, "Chỉ tiêu", value_a1, what, data, expect_shown);
  }
}

/* A refusal names a sheet by its name, never by its part, and says what
 * to do. */
static void
test_refusal_names_sheet (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnnReportDoc) doc = export_demo (fixture, &path);
  g_autofree char *xml = entry_text (path, "xl/worksheets/sheet3.xml");
  g_autofree char *bad_type = NULL;
  g_autofree char *cut = g_strndup (xml, strlen (xml) / 2);
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  g_autoptr(GError) error = NULL;

  bad_type = replace_cell (xml, "A1", "<c r=\"A1\" t=\"zz\"><v>1</v></c>");
  b1 = with_entry (fixture, path, "xl/worksheets/sheet3.xml", bad_type);
  g_assert_null (gdnn_submission_read_bytes (b1, &error));
  g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "The cell A1 of the sheet “Chỉ tiêu” has the unknown type “zz”. "
                   "Ask the unit to send the file again, as the program exported it.");
  g_clear_error (&error);

  b2 = with_entry (fixture, path, "xl/worksheets/sheet3.xml", cut);
  g_assert_null (gdnn_submission_read_bytes (b2, &error));
  g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The sheet “Chỉ tiêu” of the workbook is not well-formed XML (line "));
  g_assert_true (g_str_has_suffix (error->message, "). Ask the unit to send the file again, as the program exported it."));
  g_assert_null (strstr (error->message, "xl/worksheets"));
}

/* A package a spreadsheet program never writes: duplicate entries, part
 * names the package format forbids, a relationship leading out of it. */
static void
test_refuse_package (void)
{
  static const char *const bad_names[] = {
    "../../tmp/x.xml", "/xl/x.xml", "xl\\x.xml", "xl//x.xml", "xl/./x.xml", "xl/../x.xml", "xl/x.", NULL,
  };
  static const char *const expect =
    "it is not a file written by Excel or this program. Ask the unit to send the file the program exported, or "
    "to open it in Excel or LibreOffice Calc and save it again.";
  g_autoptr(GError) error = NULL;

  /* The same entry twice, and twice in another case */
  for (guint k = 0; k < 2; k++)
    {
      ZipOut *z = zip_out_new ();
      g_autoptr(GBytes) bytes = NULL;

      zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
      zip_out_add (z, "xl/workbook.xml", WORKBOOK);
      zip_out_add (z, k == 0 ? "xl/workbook.xml" : "XL/Workbook.xml", WORKBOOK);
      zip_out_add (z, "xl/_rels/workbook.xml.rels", RELS);
      bytes = zip_out_finish (z);
      g_free (z);
      g_assert_null (gdnn_submission_read_bytes (bytes, &error));
      g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX);
      g_test_message ("%s", error->message);
      gdnn_test_assert_contains (error->message, expect);
      g_assert_null (strstr (error->message, "already exists"));
      g_clear_error (&error);
    }

  for (guint i = 0; bad_names[i] != NULL; i++)
    {
      ZipOut *z = zip_out_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *message = NULL;

      zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
      zip_out_add (z, "xl/workbook.xml", WORKBOOK);
      zip_out_add (z, "xl/_rels/workbook.xml.rels", RELS);
      zip_out_add (z, "xl/worksheets/sheet1.xml", EMPTY_SHEET);
      zip_out_add (z, "xl/worksheets/sheet2.xml", EMPTY_SHEET);
      zip_out_add (z, bad_names[i], "<x/>");
      bytes = zip_out_finish (z);
      g_free (z);
      g_assert_null (gdnn_submission_read_bytes (bytes, &error));
      g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX);
      message = g_strdup_printf ("The archive holds an entry named “%s”, a name no workbook part may have: %s",
                                 bad_names[i], expect);
      g_assert_cmpstr (error->message, ==, message);
      g_clear_error (&error);
    }

  /* A relationship that climbs out of the package */
  {
    g_autofree char *rels = g_strdup (RELS);
    g_autofree char *climbing = NULL;
    ZipOut *z = zip_out_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_auto(GStrv) parts = g_strsplit (rels, "worksheets/sheet1.xml", 2);

    climbing = g_strjoinv ("../../tmp/x.xml", parts);
    zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
    zip_out_add (z, "xl/workbook.xml", WORKBOOK);
    zip_out_add (z, "xl/_rels/workbook.xml.rels", climbing);
    zip_out_add (z, "xl/worksheets/sheet2.xml", EMPTY_SHEET);
    bytes = zip_out_finish (z);
    g_free (z);
    g_assert_null (gdnn_submission_read_bytes (bytes, &error));
    g_assert_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_NOT_XLSX);
    g_assert_cmpstr (error->message, ==,
                     "The workbook points to a part “../../tmp/x.xml” outside itself: it is not a file written by "
                     "Excel or this program. Ask the unit to send the file the program exported, or to open it in "
                     "Excel or LibreOffice Calc and save it again.");
    g_clear_error (&error);
  }

  /* Folder entries, as some zip tools add them, are no reason to refuse */
  {
    ZipOut *z = zip_out_new ();
    g_autoptr(GBytes) bytes = NULL;

    zip_out_add (z, "[Content_Types].xml", CONTENT_TYPES);
    zip_out_add (z, "xl/", "");
    zip_out_add (z, "xl/workbook.xml", WORKBOOK);
    zip_out_add (z, "xl/_rels/workbook.xml.rels", RELS);
    zip_out_add (z, "xl/worksheets/sheet1.xml", EMPTY_SHEET);
    zip_out_add (z, "xl/worksheets/sheet2.xml", EMPTY_SHEET);
    zip_out_add (z, "xl/sharedStrings.xml", EMPTY_STRINGS);
    bytes = zip_out_finish (z);
    g_free (z);
    assert_refused (bytes, GDNN_SUBMISSION_READ_ERROR_FOREIGN, "not a report data sheet");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/submission-read/read-back", Fixture, NULL, fixture_setup, test_read_back, fixture_teardown);
  g_test_add ("/submission-read/visible-edit", Fixture, NULL, fixture_setup, test_visible_edit, fixture_teardown);
  g_test_add ("/submission-read/refuse-data", Fixture, NULL, fixture_setup, test_refuse_data, fixture_teardown);
  g_test_add ("/submission-read/refuse-archive", Fixture, NULL, fixture_setup, test_refuse_archive,
              fixture_teardown);
  g_test_add_func ("/submission-read/refuse-bombs", test_refuse_bombs);
  g_test_add_func ("/submission-read/refuse-xml", test_refuse_xml);
  g_test_add_func ("/submission-read/xlsx-tolerant", test_xlsx_tolerant);
  g_test_add ("/submission-read/hand-edits", Fixture, NULL, fixture_setup, test_hand_edits, fixture_teardown);
  g_test_add ("/submission-read/formula-results-dropped", Fixture, NULL, fixture_setup,
              test_formula_results_dropped, fixture_teardown);
  g_test_add ("/submission-read/refusal-names-sheet", Fixture, NULL, fixture_setup, test_refusal_names_sheet,
              fixture_teardown);
  g_test_add_func ("/submission-read/refuse-package", test_refuse_package);

  return g_test_run ();
}
