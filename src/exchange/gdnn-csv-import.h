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

gboolean gdnn_units_import_csv   (GdnnStore   *store,
                                  const char  *path,
                                  guint       *n_rows,
                                  GError     **error);
gboolean gdnn_values_import_csv  (GdnnStore   *store,
                                  const char  *path,
                                  guint       *n_rows,
                                  GError     **error);
char    *gdnn_values_export_csv  (GdnnStore   *store,
                                  GError     **error);

G_END_DECLS
