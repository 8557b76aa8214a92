/* gdnn-csv.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GDNN_CSV_ERROR (gdnn_csv_error_quark ())

typedef enum
{
  GDNN_CSV_ERROR_PARSE,
  GDNN_CSV_ERROR_ENCODING,
  GDNN_CSV_ERROR_TOO_LARGE,
} GdnnCsvError;

/* Limits for untrusted input. */
#define GDNN_CSV_MAX_INPUT_SIZE  (64u * 1024u * 1024u)
#define GDNN_CSV_MAX_FIELD_SIZE  (1024u * 1024u)
#define GDNN_CSV_MAX_FIELDS      16384u

/* Spreadsheet programs only read a CSV file as UTF-8 when it starts with a
 * byte order mark; the reader skips it. */
#define GDNN_CSV_UTF8_BOM "\xEF\xBB\xBF"

typedef struct _GdnnCsvReader GdnnCsvReader;

GQuark         gdnn_csv_error_quark          (void);

GdnnCsvReader *gdnn_csv_reader_new_from_data (const char          *data,
                                              gsize                len,
                                              GError             **error);
GdnnCsvReader *gdnn_csv_reader_new_from_file (const char          *path,
                                              GError             **error);
gboolean       gdnn_csv_reader_next          (GdnnCsvReader       *self,
                                              GStrv               *fields,
                                              GError             **error);
char           gdnn_csv_reader_detect_separator (GdnnCsvReader    *self);
char           gdnn_csv_reader_get_separator (GdnnCsvReader       *self);
guint          gdnn_csv_reader_get_line      (GdnnCsvReader       *self);
void           gdnn_csv_reader_free          (GdnnCsvReader       *self);

void           gdnn_csv_append_row           (GString             *out,
                                              const char * const  *fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnCsvReader, gdnn_csv_reader_free)

G_END_DECLS
