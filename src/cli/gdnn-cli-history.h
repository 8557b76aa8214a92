/* gdnn-cli-history.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GDNN_CLI_HISTORY_PARAMS "export OUT.csv [--from DATE] [--to DATE] | show --unit CODE --plan NUMBER " \
                                "(--indicator CODE | --task CODE | --report) --year YYYY | " \
                                "compare --unit CODE --plan NUMBER --year YYYY"

int gdnn_cli_history (const char  *db_path,
                      int          argc,
                      char       **argv);

G_END_DECLS
