/* gdnn-csv.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-csv"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gdnn-csv.h"

/*
 * An RFC 4180 reader for files from spreadsheets and other offices, so
 * every byte is untrusted: the input size, the field size and the number
 * of fields in a record are bounded, the whole input must be UTF-8 without
 * NUL bytes, and every error names the physical line.
 *
 * Line breaks are LF, CRLF or a lone CR; inside a quoted field they are
 * kept as they are.
 */

#define READ_CHUNK_SIZE (64 * 1024)

struct _GdnnCsvReader
{
  char   *data;         /* NUL-terminated copy of the input */
  gsize   len;
  gsize   pos;
  guint   line;         /* physical line at pos, 1-based */
  guint   record_line;  /* where the last returned record started */
  char    separator;    /* ',' or ';' */
  GError *failure;      /* once parsing failed, every call reports it */
};

G_DEFINE_QUARK (gdnn-csv-error-quark, gdnn_csv_error)

static inline gboolean
is_line_break (char c)
{
  return c == '\n' || c == '\r';
}

/* Counts the line breaks in data[start, end); @len bounds the look-ahead
 * that tells a CRLF pair from a lone CR. */
static guint
count_line_breaks (const char *data,
                   gsize       start,
                   gsize       end,
                   gsize       len)
{
  guint n = 0;

  for (gsize i = start; i < end; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
        n++;
    }

  return n;
}

static void
skip_line_break (GdnnCsvReader *self)
{
  g_assert (self->pos < self->len && is_line_break (self->data[self->pos]));

  if (self->data[self->pos] == '\r' &&
      self->pos + 1 < self->len &&
      self->data[self->pos + 1] == '\n')
    self->pos++;

  self->pos++;
  self->line++;
}

/* Takes ownership of @data, which holds @len bytes plus a NUL. */
static GdnnCsvReader *
reader_new_take (char    *data,
                 gsize    len,
                 GError **error)
{
  g_autoptr(GdnnCsvReader) self = g_new0 (GdnnCsvReader, 1);
  const char *invalid = NULL;

  self->data = data;
  self->len = len;
  self->line = 1;
  self->separator = ',';

  if (len > GDNN_CSV_MAX_INPUT_SIZE)
    {
      g_set_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_TOO_LARGE,
                   /* Translators: %u is a size in mebibytes (64). */
                   _("Tệp CSV quá lớn: chỉ đọc được tệp đến %u MiB"),
                   GDNN_CSV_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }

  /* cppcheck-suppress nullPointer ; data is NULL only with a len refused above */
  if (len >= 3 && memcmp (data, GDNN_CSV_UTF8_BOM, 3) == 0)
    self->pos = 3;

  if (!g_utf8_validate_len (data + self->pos, len - self->pos, &invalid))
    {
      gsize offset = (gsize) (invalid - data);
      guint line = 1 + count_line_breaks (data, self->pos, offset, len);

      if (*invalid == '\0')
        {
          g_set_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_ENCODING,
                       /* Translators: %u is a line number. A NUL byte means
                        * the file is not text (or is UTF-16). */
                       _("Dòng %u: tệp chứa byte NUL, không phải tệp CSV văn bản UTF-8"),
                       line);
        }
      else
        {
          g_set_error (error, GDNN_CSV_ERROR, GDNN_CSV_ERROR_ENCODING,
                       /* Translators: %u is a line number. */
                       _("Dòng %u: dữ liệu không phải UTF-8 hợp lệ; "
                         "hãy lưu tệp CSV với bảng mã UTF-8"),
                       line);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * gdnn_csv_reader_new_from_data:
 * @data: (array length=len) (nullable): the CSV text
 * @len: length of @data in bytes
 * @error: return location for a #GError
 *
 * Creates a reader over a copy of @data. A UTF-8 byte order mark at the
 * start is skipped. Input larger than %GDNN_CSV_MAX_INPUT_SIZE, input that
 * is not valid UTF-8 and input that contains NUL bytes are refused.
 *
 * Returns: (transfer full): a new reader, or %NULL with @error set
 */
GdnnCsvReader *
gdnn_csv_reader_new_from_data (const char  *data,
                               gsize        len,
                               GError     **error)
{
  char *copy;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Check before copying, so that a huge buffer is not duplicated. */
  if (len > GDNN_CSV_MAX_INPUT_SIZE)
    return reader_new_take (NULL, len, error);

  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';

  return reader_new_take (copy, len, error);
}

/**
 * gdnn_csv_reader_new_from_file:
 * @path: a file name in the GLib file name encoding
 * @error: return location for a #GError
 *
 * Reads the file at @path and creates a reader over it, as
 * gdnn_csv_reader_new_from_data() does. Reading stops as soon as the file
 * turns out larger than %GDNN_CSV_MAX_INPUT_SIZE. I/O failures are reported
 * in %G_FILE_ERROR.
 *
 * Returns: (transfer full): a new reader, or %NULL with @error set
 */
GdnnCsvReader *
gdnn_csv_reader_new_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *display_name = NULL;
  FILE *file;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second
                    * the system's explanation. */
                   _("Không mở được tệp “%s”: %s"),
                   display_name, g_strerror (saved_errno));
      return NULL;
    }

  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[READ_CHUNK_SIZE];
      size_t n = fread (chunk, 1, sizeof chunk, file);

      if (n > 0)
        g_byte_array_append (buffer, chunk, (guint) n);

      if (buffer->len > GDNN_CSV_MAX_INPUT_SIZE)
        {
          fclose (file);
          return reader_new_take (NULL, buffer->len, error);
        }

      if (n < sizeof chunk)
        {
          if (ferror (file))
            {
              int saved_errno = errno;

              fclose (file);
              g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           /* Translators: the first %s is a file name, the
                            * second the system's explanation. */
                           _("Không đọc được tệp “%s”: %s"),
                           display_name, g_strerror (saved_errno));
              return NULL;
            }
          break;
        }
    }
  fclose (file);

  len = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);

  return reader_new_take ((char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE),
                          len, error);
}

static gboolean fail (GdnnCsvReader  *self,
                      GError        **error,
                      GdnnCsvError    code,
                      const char     *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Records a parse error; the reader reports it again on every later call,
 * so a caller cannot mistake a broken file for a shorter one. */
static gboolean
fail (GdnnCsvReader  *self,
      GError        **error,
      GdnnCsvError    code,
      const char     *format,
      ...)
{
  va_list args;

  g_assert (self->failure == NULL);

  va_start (args, format);
  self->failure = g_error_new_valist (GDNN_CSV_ERROR, code, format, args);
  va_end (args);

  g_propagate_error (error, g_error_copy (self->failure));

  return FALSE;
}

static gboolean
check_field_size (GdnnCsvReader  *self,
                  gsize           size,
                  guint           line,
                  GError        **error)
{
  if (size <= GDNN_CSV_MAX_FIELD_SIZE)
    return TRUE;

  return fail (self, error, GDNN_CSV_ERROR_TOO_LARGE,
               /* Translators: %u is a line number, then a size in
                * mebibytes (1). */
               _("Dòng %u: một ô dài hơn giới hạn %u MiB"),
               line, GDNN_CSV_MAX_FIELD_SIZE / (1024 * 1024));
}

/* Reads a quoted field; self->pos is on the opening quote. */
static gboolean
read_quoted_field (GdnnCsvReader  *self,
                   GString        *field,
                   GError        **error)
{
  guint start_line = self->line;

  self->pos++;

  for (;;)
    {
      const char *quote = memchr (self->data + self->pos, '"', self->len - self->pos);
      gsize end;

      if (quote == NULL)
        return fail (self, error, GDNN_CSV_ERROR_PARSE,
                     /* Translators: %u is the line where the field starts. */
                     _("Dòng %u: dấu ngoặc kép không đóng"),
                     start_line);

      end = (gsize) (quote - self->data);
      self->line += count_line_breaks (self->data, self->pos, end, self->len);
      if (!check_field_size (self, field->len + (end - self->pos), start_line, error))
        return FALSE;
      g_string_append_len (field, self->data + self->pos, end - self->pos);
      self->pos = end + 1;

      /* "" is a quote inside the field; a single quote ends it. */
      if (self->pos < self->len && self->data[self->pos] == '"')
        {
          g_string_append_c (field, '"');
          self->pos++;
          continue;
        }

      break;
    }

  if (self->pos < self->len &&
      self->data[self->pos] != self->separator &&
      !is_line_break (self->data[self->pos]))
    return fail (self, error, GDNN_CSV_ERROR_PARSE,
                 /* Translators: %u is a line number. */
                 _("Dòng %u: có ký tự ngay sau dấu ngoặc kép đóng ô; "
                   "dấu ngoặc kép trong ô phải được viết đôi (\"\")"),
                 self->line);

  return TRUE;
}

static gboolean
read_plain_field (GdnnCsvReader  *self,
                  GString        *field,
                  GError        **error)
{
  gsize start = self->pos;

  while (self->pos < self->len &&
         self->data[self->pos] != self->separator &&
         !is_line_break (self->data[self->pos]))
    {
      if (self->data[self->pos] == '"')
        return fail (self, error, GDNN_CSV_ERROR_PARSE,
                     /* Translators: %u is a line number. */
                     _("Dòng %u: dấu ngoặc kép nằm giữa một ô không được bao trong "
                       "ngoặc kép"),
                     self->line);
      self->pos++;
    }

  if (!check_field_size (self, self->pos - start, self->line, error))
    return FALSE;

  g_string_append_len (field, self->data + start, self->pos - start);

  return TRUE;
}

/**
 * gdnn_csv_reader_next:
 * @self: a #GdnnCsvReader
 * @fields: (out) (transfer full): the fields of the record
 * @error: return location for a #GError
 *
 * Reads the next record. Completely empty lines are skipped. Once an error
 * was reported, every later call reports it again.
 *
 * Returns: %TRUE if a record was read; %FALSE at the end of the input
 *   (@error unset, *@fields %NULL) or on error (@error set)
 */
gboolean
gdnn_csv_reader_next (GdnnCsvReader  *self,
                      GStrv          *fields,
                      GError        **error)
{
  g_autoptr(GPtrArray) array = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  while (self->pos < self->len && is_line_break (self->data[self->pos]))
    skip_line_break (self);

  if (self->pos >= self->len)
    return FALSE;

  self->record_line = self->line;
  array = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      gboolean ok;

      if (array->len >= GDNN_CSV_MAX_FIELDS)
        return fail (self, error, GDNN_CSV_ERROR_TOO_LARGE,
                     /* Translators: %u is a line number, then a count. */
                     _("Dòng %u: có nhiều hơn %u cột"),
                     self->record_line, GDNN_CSV_MAX_FIELDS);

      if (self->pos < self->len && self->data[self->pos] == '"')
        ok = read_quoted_field (self, field, error);
      else
        ok = read_plain_field (self, field, error);

      if (!ok)
        return FALSE;

      g_ptr_array_add (array, g_string_free (g_steal_pointer (&field), FALSE));

      if (self->pos < self->len && self->data[self->pos] == self->separator)
        {
          self->pos++;
          continue;
        }

      if (self->pos < self->len)
        skip_line_break (self);

      break;
    }

  g_ptr_array_add (array, NULL);
  *fields = (GStrv) g_ptr_array_free (g_steal_pointer (&array), FALSE);

  return TRUE;
}

/**
 * gdnn_csv_reader_detect_separator:
 * @self: a #GdnnCsvReader that has not read a record yet
 *
 * Reads the separator from the first record (the header row): ";" when it
 * holds more semicolons than commas outside quotes, as spreadsheets write
 * CSV where "," is the decimal mark (Vietnamese Excel and LibreOffice),
 * else ",". Later calls to gdnn_csv_reader_next() split on it.
 *
 * Returns: the separator, ',' or ';'
 */
char
gdnn_csv_reader_detect_separator (GdnnCsvReader *self)
{
  guint commas = 0;
  guint semicolons = 0;
  gboolean quoted = FALSE;
  gsize i;

  g_return_val_if_fail (self != NULL, ',');
  g_return_val_if_fail (self->record_line == 0, self->separator);

  for (i = self->pos; i < self->len && is_line_break (self->data[i]); i++)
    ;
  for (; i < self->len && (quoted || !is_line_break (self->data[i])); i++)
    {
      char c = self->data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }

  self->separator = semicolons > commas ? ';' : ',';
  return self->separator;
}

/**
 * gdnn_csv_reader_get_separator:
 * @self: a #GdnnCsvReader
 *
 * Returns: the separator records are split on, ',' unless
 *   gdnn_csv_reader_detect_separator() found ';'
 */
char
gdnn_csv_reader_get_separator (GdnnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/**
 * gdnn_csv_reader_get_line:
 * @self: a #GdnnCsvReader
 *
 * Returns: the 1-based physical line where the last record returned by
 *   gdnn_csv_reader_next() started, or 0 before the first record
 */
guint
gdnn_csv_reader_get_line (GdnnCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * gdnn_csv_reader_free:
 * @self: (nullable): a #GdnnCsvReader
 *
 * Frees the reader.
 */
void
gdnn_csv_reader_free (GdnnCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_error (&self->failure);
  g_free (self->data);
  g_free (self);
}

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;

  if (field[0] == ' ' || field[0] == '\t' || field[len - 1] == ' ' || field[len - 1] == '\t')
    return TRUE;

  return strpbrk (field, ",\"\r\n") != NULL;
}

/**
 * gdnn_csv_append_row:
 * @out: where to append
 * @fields: (array zero-terminated=1): the fields of the record
 *
 * Appends one record and a "\n". Fields that contain a comma, a quote, a
 * line break, or start or end with white space are quoted. A record made
 * of one empty field is written as `""`, so that it is not read back as an
 * empty line, which readers skip.
 */
void
gdnn_csv_append_row (GString            *out,
                     const char * const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  if (fields[0] != NULL && fields[1] == NULL && fields[0][0] == '\0')
    {
      g_string_append (out, "\"\"\n");
      return;
    }

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];

      if (i > 0)
        g_string_append_c (out, ',');

      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append_c (out, '\n');
}
