/* gdnn-csv-import.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-store.h"

G_BEGIN_DECLS

/* The CSV files of the command line (DESIGN §5). Each import is all or
 * nothing: a bad row rejects the whole file with its line number. */

/* How a file writes its fields and numbers, decided once for the whole
 * file: the documented dialect ("," between fields, "." as the decimal
 * point, no grouping: 1234.5) or the one of a Vietnamese spreadsheet
 * (";" between fields, "," as the decimal mark, "." between thousands:
 * 1.234,5). */
typedef struct
{
  char     separator;       /* ',' or ';' */
  gboolean decimal_comma;   /* TRUE: 1.234,5; FALSE: 1234.5 */
} GdnnCsvDialect;

char    *gdnn_csv_dialect_describe (const GdnnCsvDialect *dialect);

gboolean gdnn_units_import_csv   (GdnnStore   *store,
                                  const char  *path,
                                  guint       *n_rows,
                                  GError     **error);
gboolean gdnn_values_import_csv  (GdnnStore   *store,
                                  const char  *path,
                                  guint       *n_rows,
                                  GError     **error);
gboolean gdnn_values_import_csv_dialect (GdnnStore      *store,
                                         const char     *path,
                                         guint          *n_rows,
                                         GdnnCsvDialect *dialect,
                                         GError        **error);
char    *gdnn_values_export_csv  (GdnnStore   *store,
                                  GError     **error);

G_END_DECLS
