/* gdnn-cli-summary.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GDNN_CLI_SUMMARY_PARAMS "--plan NUMBER --year YYYY [--office CODE] [--xlsx OUT] [--pdf OUT] [--csv OUT]"

int gdnn_cli_summary (const char  *db_path,
                      int          argc,
                      char       **argv);

G_END_DECLS
