/* gdnn-report-state.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-state"

#include "config.h"

#include "gdnn-report-state.h"
#include "gdnn-store-private.h"

void
gdnn_report_state_free (GdnnReportState *state)
{
  if (state == NULL)
    return;
  g_free (state->finalised_at);
  g_free (state->xlsx_sha256);
  g_free (state->pdf_sha256);
  g_free (state);
}

/**
 * gdnn_report_state_load:
 *
 * Returns: (transfer full): the yearly report's status and the hashes of
 *   the files last finalised; all empty when nothing was saved yet
 */
GdnnReportState *
gdnn_report_state_load (GdnnStore  *store,
                        gint64      unit_id,
                        gint64      plan_id,
                        int         year,
                        GError    **error)
{
  g_autoptr(GdnnReportState) state = g_new0 (GdnnReportState, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  stmt = gdnn_store_prepare (store,
                             "SELECT status, finalised_at, xlsx_sha256, pdf_sha256 FROM report "
                             "WHERE unit_id = ? AND plan_id = ? AND year = ? AND period = 'year';",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *status = gdnn_column_text (stmt, 0);

      state->saved = TRUE;
      state->final = g_strcmp0 (status, "final") == 0;
      state->finalised_at = gdnn_column_text (stmt, 1);
      state->xlsx_sha256 = gdnn_column_text (stmt, 2);
      state->pdf_sha256 = gdnn_column_text (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&state);
}
