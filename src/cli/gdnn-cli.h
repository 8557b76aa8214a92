/* gdnn-cli.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *gdnn_cli_default_db_path (void);
gboolean  gdnn_cli_parse_global    (int          *argc,
                                    char       ***argv,
                                    char        **db_path,
                                    GError      **error);
int       gdnn_cli_run             (const char   *db_path,
                                    int           argc,
                                    char        **argv);

G_END_DECLS
