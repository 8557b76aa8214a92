/* gdnn-backup-private.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-backup.h"

G_BEGIN_DECLS

/* For the tests: the clock that names and dates backups (%NULL: the real
 * one), and a failure injected after the copy, before the rename (as a
 * full disk or a crash would leave it). */
void gdnn_backup_set_now_for_testing  (GDateTime *now);
void gdnn_backup_set_fail_for_testing (gboolean   fail);

G_END_DECLS
