/* test-csv.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "gdnn-csv.h"

/* Reads every record of @data; returns the records (GStrv each) and, in
 * @lines, the line each started on. Stops at the first error. */
static GPtrArray *
read_all (const char  *data,
          gssize       len,
          GArray     **lines,
          GError     **error)
{
  g_autoptr(GdnnCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  GStrv fields = NULL;

  reader = gdnn_csv_reader_new_from_data (data, len < 0 ? strlen (data) : (gsize) len, error);
  if (reader == NULL)
    return NULL;

  g_assert_cmpuint (gdnn_csv_reader_get_line (reader), ==, 0);

  while (gdnn_csv_reader_next (reader, &fields, error))
    {
      guint line = gdnn_csv_reader_get_line (reader);

      g_assert_nonnull (fields);
      g_ptr_array_add (records, g_steal_pointer (&fields));
      g_array_append_val (starts, line);
    }
  g_assert_null (fields);

  if (error != NULL && *error != NULL)
    return NULL;

  /* The end stays the end. */
  g_assert_false (gdnn_csv_reader_next (reader, &fields, NULL));
  g_assert_null (fields);

  if (lines != NULL)
    *lines = g_steal_pointer (&starts);

  return g_steal_pointer (&records);
}

static void
assert_record (GPtrArray          *records,
               guint               index,
               const char * const *expected)
{
  g_assert_cmpuint (index, <, records->len);
  g_assert_cmpstrv (g_ptr_array_index (records, index), expected);
}

static guint
line_of (GArray *lines,
         guint   index)
{
  return g_array_index (lines, guint, index);
}

static void
test_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all ("a,b,c\n1,2,3\n,,\nx", -1, &lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, (const char *[]) { "a", "b", "c", NULL });
  assert_record (records, 1, (const char *[]) { "1", "2", "3", NULL });
  assert_record (records, 2, (const char *[]) { "", "", "", NULL });
  assert_record (records, 3, (const char *[]) { "x", NULL });
  g_assert_cmpuint (line_of (lines, 0), ==, 1);
  g_assert_cmpuint (line_of (lines, 3), ==, 4);
}

static void
test_quoted (void)
{
  const char *data =
    "mã,tên,ghi chú\n"
    "\"I.2.a.1\",\"Tỷ lệ nhà giáo, cán bộ\",\"nói \"\"đạt\"\"\"\n"
    "2,\"dòng một\ndòng hai\r\ndòng ba\",\"\"\n"
    "3,\"\"\"\",\" có khoảng trắng \"\n"
    "4,\"a,b\",\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all (data, -1, &lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 5);
  assert_record (records, 0, (const char *[]) { "mã", "tên", "ghi chú", NULL });
  assert_record (records, 1, (const char *[]) { "I.2.a.1", "Tỷ lệ nhà giáo, cán bộ",
                                                "nói \"đạt\"", NULL });
  assert_record (records, 2, (const char *[]) { "2", "dòng một\ndòng hai\r\ndòng ba", "", NULL });
  assert_record (records, 3, (const char *[]) { "3", "\"", " có khoảng trắng ", NULL });
  assert_record (records, 4, (const char *[]) { "4", "a,b", "", NULL });

  /* Physical lines: the record with the embedded line breaks spans 3. */
  g_assert_cmpuint (line_of (lines, 0), ==, 1);
  g_assert_cmpuint (line_of (lines, 1), ==, 2);
  g_assert_cmpuint (line_of (lines, 2), ==, 3);
  g_assert_cmpuint (line_of (lines, 3), ==, 6);
  g_assert_cmpuint (line_of (lines, 4), ==, 7);
}

static void
assert_parse_error (const char *data,
                    gssize      len,
                    int         code,
                    const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (data, len, NULL, &error);

  g_assert_null (records);
  g_assert_error (error, GDNN_CSV_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_test_fail_printf ("message “%s” does not contain “%s”", error->message, message_part);
}

static void
test_unterminated (void)
{
  assert_parse_error ("a,\"b\nc\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 1:");
  assert_parse_error ("x\ny\n\"", -1, GDNN_CSV_ERROR_PARSE, "Dòng 3:");
  assert_parse_error ("x\r\n\r\n\"abc\"\"\r\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 3:");
  assert_parse_error ("a,\"b\nc\n", -1, GDNN_CSV_ERROR_PARSE, "dấu ngoặc kép không đóng");
}

static void
test_stray_quote (void)
{
  assert_parse_error ("a,b\"c\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 1:");
  assert_parse_error ("ok\na, \"b\"\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 2:");
  assert_parse_error ("\"a\"b,c\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 1:");
  assert_parse_error ("1\n\"a\nb\"x\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 3:");
  assert_parse_error ("\"a\" ,b\n", -1, GDNN_CSV_ERROR_PARSE, "Dòng 1:");
}

static void
test_error_is_sticky (void)
{
  g_autoptr(GdnnCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  const char *data = "a,b\nc\"d\ne,f\n";

  reader = gdnn_csv_reader_new_from_data (data, strlen (data), &error);
  g_assert_no_error (error);

  g_assert_true (gdnn_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fields, g_strfreev);

  g_assert_false (gdnn_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_PARSE);
  g_assert_null (fields);
  g_clear_error (&error);

  /* Not mistaken for the end of the input, nor resumed after the error. */
  g_assert_false (gdnn_csv_reader_next (reader, &fields, &error));
  g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Dòng 2:"));
  g_assert_null (fields);
}

static void
test_bom_crlf (void)
{
  const char *data =
    "\xEF\xBB\xBF" "đơn vị,giá trị\r\n"
    "\r\n"
    "Trường A,1.234\r\n"
    "\r\n"
    "\r\n"
    "Trường B,\r\n"
    "\"C\"\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all (data, -1, &lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, (const char *[]) { "đơn vị", "giá trị", NULL });
  assert_record (records, 1, (const char *[]) { "Trường A", "1.234", NULL });
  assert_record (records, 2, (const char *[]) { "Trường B", "", NULL });
  assert_record (records, 3, (const char *[]) { "C", NULL });
  g_assert_cmpuint (line_of (lines, 0), ==, 1);
  g_assert_cmpuint (line_of (lines, 1), ==, 3);
  g_assert_cmpuint (line_of (lines, 2), ==, 6);
  g_assert_cmpuint (line_of (lines, 3), ==, 7);
}

static void
test_lone_cr (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) records = read_all ("a,b\rc,d\r\re", -1, &lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 1, (const char *[]) { "c", "d", NULL });
  assert_record (records, 2, (const char *[]) { "e", NULL });
  g_assert_cmpuint (line_of (lines, 2), ==, 4);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&lines, g_array_unref);

  /* Inside a quoted field, a lone CR is a line break too; CRLF counts once. */
  records = read_all ("\"a\rb\r\nc\",d\ne\n", -1, &lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, (const char *[]) { "a\rb\r\nc", "d", NULL });
  g_assert_cmpuint (line_of (lines, 1), ==, 4);
}

static void
test_empty_input (void)
{
  static const char * const inputs[] = { "", "\n", "\r\n\r\n\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = read_all (inputs[i], -1, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GdnnCsvReader) reader = gdnn_csv_reader_new_from_data (NULL, 0, &error);
    g_auto(GStrv) fields = NULL;

    g_assert_no_error (error);
    g_assert_false (gdnn_csv_reader_next (reader, &fields, &error));
    g_assert_no_error (error);
    g_assert_null (fields);
  }
}

static void
test_invalid_utf8 (void)
{
  assert_parse_error ("a,b\nc,\xff\n", -1, GDNN_CSV_ERROR_ENCODING, "Dòng 2:");
  assert_parse_error ("\xEF\xBB\xBF" "a\r\nb\r\n\"x\ny\",\xc3\n", -1, GDNN_CSV_ERROR_ENCODING,
                      "Dòng 4:");
  /* Windows-1258 "Đà" */
  assert_parse_error ("\xd0\xe0", -1, GDNN_CSV_ERROR_ENCODING, "Dòng 1:");
  assert_parse_error ("\xd0\xe0", -1, GDNN_CSV_ERROR_ENCODING, "UTF-8");
  /* Overlong encoding of '/'. */
  assert_parse_error ("a\xc0\xaf", -1, GDNN_CSV_ERROR_ENCODING, "Dòng 1:");
  /* NUL bytes, as in a UTF-16 file. */
  assert_parse_error ("a,b\nc\0d\n", 8, GDNN_CSV_ERROR_ENCODING, "Dòng 2:");
  assert_parse_error ("\xff\xfe" "a\0", 4, GDNN_CSV_ERROR_ENCODING, "Dòng 1:");
}

static void
test_limits (void)
{
  /* A field just within the limit is fine; one byte more is not. */
  for (guint extra = 0; extra <= 1; extra++)
    {
      gsize size = GDNN_CSV_MAX_FIELD_SIZE + extra;
      g_autoptr(GString) data = g_string_new ("x\n");
      g_autoptr(GString) quoted = g_string_new ("x\n\"");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      for (gsize i = 0; i < size; i++)
        g_string_append_c (data, 'a');
      g_string_append (data, ",b\n");

      /* An escaped quote and a line break count as one byte each. */
      for (gsize i = 0; i < size - 2; i++)
        g_string_append_c (quoted, 'a');
      g_string_append (quoted, "\"\"\n\"\n");

      records = read_all (data->str, (gssize) data->len, NULL, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (strlen (((char **) g_ptr_array_index (records, 1))[0]), ==, size);
        }
      else
        {
          g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "Dòng 2:"));
        }
      g_clear_pointer (&records, g_ptr_array_unref);
      g_clear_error (&error);

      records = read_all (quoted->str, (gssize) quoted->len, NULL, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (strlen (((char **) g_ptr_array_index (records, 1))[0]), ==, size);
        }
      else
        {
          g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "Dòng 2:"));
        }
    }
}

static void
test_too_many_fields (void)
{
  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(GString) data = g_string_new ("a\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      for (guint i = 1; i < GDNN_CSV_MAX_FIELDS + extra; i++)
        g_string_append_c (data, ',');

      records = read_all (data->str, (gssize) data->len, NULL, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, 1)), ==,
                            GDNN_CSV_MAX_FIELDS);
        }
      else
        {
          g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "Dòng 2:"));
        }
    }
}

static void
test_too_large (void)
{
  gsize size = GDNN_CSV_MAX_INPUT_SIZE + 1;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GdnnCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  memset (data, 'a', size);
  reader = gdnn_csv_reader_new_from_data (data, size, &error);
  g_assert_null (reader);
  g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MiB"));
  g_clear_error (&error);

  fd = g_file_open_tmp ("test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, data, (gssize) size, &error));
  g_assert_no_error (error);

  reader = gdnn_csv_reader_new_from_file (path, &error);
  g_assert_null (reader);
  g_assert_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_TOO_LARGE);

  g_unlink (path);
}

static void
test_from_file (void)
{
  const char *data = "\xEF\xBB\xBF" "mã,giá trị\r\nI.1,\"47,5\"\r\n";
  g_autoptr(GdnnCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) fields = NULL;
  int fd;

  fd = g_file_open_tmp ("test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, data, -1, &error));
  g_assert_no_error (error);

  reader = gdnn_csv_reader_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);

  g_assert_true (gdnn_csv_reader_next (reader, &fields, &error));
  g_assert_cmpstrv (fields, ((const char *[]) { "mã", "giá trị", NULL }));
  g_clear_pointer (&fields, g_strfreev);

  g_assert_true (gdnn_csv_reader_next (reader, &fields, &error));
  g_assert_cmpstrv (fields, ((const char *[]) { "I.1", "47,5", NULL }));
  g_assert_cmpuint (gdnn_csv_reader_get_line (reader), ==, 2);
  g_clear_pointer (&fields, g_strfreev);

  g_assert_false (gdnn_csv_reader_next (reader, &fields, &error));
  g_assert_no_error (error);

  g_unlink (path);
  g_clear_pointer (&reader, gdnn_csv_reader_free);

  reader = gdnn_csv_reader_new_from_file (path, &error);
  g_assert_null (reader);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_append_row (void)
{
  const struct
  {
    const char * const *fields;
    const char         *expected;
  } cases[] = {
    { (const char *[]) { "a", "b", "c", NULL }, "a,b,c\n" },
    { (const char *[]) { "Tỷ lệ, %", "nói \"đạt\"", NULL }, "\"Tỷ lệ, %\",\"nói \"\"đạt\"\"\"\n" },
    { (const char *[]) { "dòng\nhai", "cr\rx", NULL }, "\"dòng\nhai\",\"cr\rx\"\n" },
    { (const char *[]) { " lề", "lề ", "giữa có cách", "\ttab", NULL },
      "\" lề\",\"lề \",giữa có cách,\"\ttab\"\n" },
    { (const char *[]) { "", "", NULL }, ",\n" },
    { (const char *[]) { "", NULL }, "\"\"\n" },
    { (const char *[]) { NULL }, "\n" },
    { (const char *[]) { "1.234,5", "-3", NULL }, "\"1.234,5\",-3\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("prefix\n");

      gdnn_csv_append_row (out, cases[i].fields);
      g_assert_true (g_str_has_prefix (out->str, "prefix\n"));
      g_assert_cmpstr (out->str + strlen ("prefix\n"), ==, cases[i].expected);
    }
}

static void
test_roundtrip (void)
{
  static const char * const samples[] = {
    "", " ", "a", "\"", "\"\"", ",", "a,b", "\n", "\r\n", "\r", "x\ny", " đầu", "cuối ",
    "Trường Cao đẳng Bắc Kạn", "401/KH-UBND", "=SUM(A1)", "1.234,5", "'", "\t",
    "line1\r\nline2\n\"quoted\", and more", "ĐẮK LẮK", "中文", "😀",
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (GDNN_CSV_UTF8_BOM);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  /* Fixed rows, then random ones built from the samples. */
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { "", NULL }));
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { "", "", "", NULL }));
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { samples[i], "x", NULL }));

  for (guint i = 0; i < 300; i++)
    {
      guint n_fields = (guint) g_test_rand_int_range (1, 8);
      GStrv row = g_new0 (char *, n_fields + 1);

      for (guint j = 0; j < n_fields; j++)
        {
          g_autoptr(GString) field = g_string_new (NULL);
          guint n_parts = (guint) g_test_rand_int_range (0, 4);

          for (guint k = 0; k < n_parts; k++)
            g_string_append (field, samples[g_test_rand_int_range (0, G_N_ELEMENTS (samples))]);
          row[j] = g_string_free (g_steal_pointer (&field), FALSE);
        }

      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    gdnn_csv_append_row (out, g_ptr_array_index (rows, i));

  records = read_all (out->str, (gssize) out->len, NULL, &error);
  g_assert_no_error (error);

  /* A row of one empty field would be indistinguishable from an empty
   * line, except that the writer quotes it. */
  g_assert_cmpuint (records->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstrv (g_ptr_array_index (records, i), g_ptr_array_index (rows, i));
}

/* The header row decides the separator: ";" as a spreadsheet writes it
 * where "," is the decimal mark, else ","; quoted text does not count. */
static void
test_separator (void)
{
  static const struct
  {
    const char *data;
    char        separator;
    const char *second[4];
  } cases[] = {
    { GDNN_CSV_UTF8_BOM "\"a\";\"b\";\"c\"\r\n\"x, y\";1.250;\"z;\"\"w\"\"\"\r\n", ';',
      { "x, y", "1.250", "z;\"w\"", NULL } },
    { "\n\na;b;c\n1,5;2;3\n", ';', { "1,5", "2", "3", NULL } },
    { "a,b,c\n\"1;5\",2,3\n", ',', { "1;5", "2", "3", NULL } },
    { "\"a;b;c\",d\n1,2\n", ',', { "1", "2", NULL } },
    { "a\n1\n", ',', { "1", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdnnCsvReader) reader = gdnn_csv_reader_new_from_data (cases[i].data, strlen (cases[i].data),
                                                                         &error);
      g_auto(GStrv) header = NULL;
      g_auto(GStrv) fields = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (gdnn_csv_reader_get_separator (reader), ==, ',');
      g_assert_cmpint (gdnn_csv_reader_detect_separator (reader), ==, cases[i].separator);
      g_assert_cmpint (gdnn_csv_reader_get_separator (reader), ==, cases[i].separator);
      g_assert_true (gdnn_csv_reader_next (reader, &header, &error));
      g_assert_true (gdnn_csv_reader_next (reader, &fields, &error));
      g_assert_no_error (error);
      g_assert_cmpstrv (fields, cases[i].second);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/csv/simple", test_simple);
  g_test_add_func ("/exchange/csv/quoted", test_quoted);
  g_test_add_func ("/exchange/csv/unterminated", test_unterminated);
  g_test_add_func ("/exchange/csv/stray-quote", test_stray_quote);
  g_test_add_func ("/exchange/csv/error-is-sticky", test_error_is_sticky);
  g_test_add_func ("/exchange/csv/bom-crlf", test_bom_crlf);
  g_test_add_func ("/exchange/csv/lone-cr", test_lone_cr);
  g_test_add_func ("/exchange/csv/empty-input", test_empty_input);
  g_test_add_func ("/exchange/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/exchange/csv/field-too-large", test_limits);
  g_test_add_func ("/exchange/csv/too-many-fields", test_too_many_fields);
  g_test_add_func ("/exchange/csv/input-too-large", test_too_large);
  g_test_add_func ("/exchange/csv/from-file", test_from_file);
  g_test_add_func ("/exchange/csv/append-row", test_append_row);
  g_test_add_func ("/exchange/csv/roundtrip", test_roundtrip);
  g_test_add_func ("/exchange/csv/separator", test_separator);

  return g_test_run ();
}
