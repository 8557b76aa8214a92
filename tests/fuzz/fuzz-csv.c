/* fuzz-csv.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the CSV files of the command line: any bytes go in.
 *
 * 1. The reader returns records or one error, never crashes; every field
 *    is UTF-8 and within the limits.
 * 2. What it read, written back with gdnn_csv_append_row(), reads back as
 *    exactly the same records.
 * 3. The units and the values import (their row validation) run on the
 *    same bytes against the demo database, inside a transaction that is
 *    rolled back: they succeed or fail with a message, and a successful
 *    import leaves the database consistent. */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gdnn-csv.h"
#include "gdnn-csv-import.h"
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Reads every record; NULL when the input is refused. */
static GPtrArray *
read_all (const char *data,
          gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnCsvReader) reader = gdnn_csv_reader_new_from_data (data, size, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv fields = NULL;

  if (reader == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        __builtin_trap ();
      return NULL;
    }
  while (gdnn_csv_reader_next (reader, &fields, &error))
    {
      guint n = g_strv_length (fields);

      if (n == 0 || n > GDNN_CSV_MAX_FIELDS || gdnn_csv_reader_get_line (reader) == 0)
        __builtin_trap ();
      for (guint i = 0; i < n; i++)
        if (strlen (fields[i]) > GDNN_CSV_MAX_FIELD_SIZE || !g_utf8_validate (fields[i], -1, NULL))
          __builtin_trap ();
      g_ptr_array_add (rows, fields);
    }
  if (fields != NULL)
    __builtin_trap ();
  if (error != NULL)
    {
      if (error->message[0] == '\0')
        __builtin_trap ();
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static void
check_round_trip (GPtrArray *rows)
{
  g_autoptr(GString) out = g_string_new (GDNN_CSV_UTF8_BOM);
  g_autoptr(GPtrArray) again = NULL;

  for (guint i = 0; i < rows->len; i++)
    gdnn_csv_append_row (out, g_ptr_array_index (rows, i));
  again = read_all (out->str, out->len);
  if (again == NULL || again->len != rows->len)
    __builtin_trap ();
  for (guint i = 0; i < rows->len; i++)
    if (!g_strv_equal (g_ptr_array_index (rows, i), g_ptr_array_index (again, i)))
      __builtin_trap ();
}

typedef gboolean (*ImportFunc) (GdnnStore   *store,
                                const char  *path,
                                guint       *n_rows,
                                GError     **error);

static void
check_import (GdnnStore  *store,
              const char *path,
              ImportFunc  import)
{
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  gboolean ok;

  if (!gdnn_store_begin (store, &error))
    __builtin_trap ();
  ok = import (store, path, &n_rows, &error);
  if (ok == (error != NULL) || (error != NULL && error->message[0] == '\0'))
    __builtin_trap ();
  if (error != NULL && g_getenv ("GDNN_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s\n", error->message);
  if (ok)
    fuzz_store_assert_consistent (store);
  gdnn_store_rollback (store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  GdnnStore *store = fuzz_store_get (TRUE);
  g_autoptr(GPtrArray) rows = read_all ((const char *) data, size);
  FILE *file;

  if (rows == NULL)
    return 0;
  check_round_trip (rows);

  /* The imports read a file; a header that is neither one fails at once. */
  if (path == NULL)
    path = fuzz_store_file ("input.csv");
  file = fopen (path, "wb");
  if (file == NULL || fwrite (data, 1, size, file) != size || fclose (file) != 0)
    __builtin_trap ();
  check_import (store, path, gdnn_units_import_csv);
  check_import (store, path, gdnn_values_import_csv);
  return 0;
}
