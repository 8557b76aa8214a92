/* gdnn-submission-import.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

/* Importing received report files into the reviewer's database: one file
 * is read (gdnn-submission-read.h), checked and stored
 * (gdnn_review_store_submission ()) all or nothing; a batch goes on with
 * the other files when one is refused. Used by the CLI `import` command and
 * by the window (in a worker thread with its own store connection). */

/* The largest file accepted, before any parsing. */
#define GDNN_SUBMISSION_MAX_FILE_SIZE (32 * 1024 * 1024)

typedef struct
{
  char     *path;
  char     *file_name;      /* base name, for messages */
  gboolean  ok;
  gint64    submission_id;  /* when ok */
  int       problems;       /* when ok: problems found by the checks */
  int       differences;    /* when ok: visible cells edited by hand */
  GPtrArray *edited_cells;  /* when ok: of char*, one line per such cell (UI language): the sheet and
                             * cell, the indicator or task code and column, the data and the cell's text */
  char     *unit_code;      /* when ok */
  char     *report_date;    /* when ok: the report's own date (ISO 8601), may be NULL */
  char     *superseded_by;  /* when ok and a newer report of the unit was already stored: that file's
                             * name; this one is kept in the history as replaced, its figures unused */
  char     *superseded_date; /* the newer report's date (ISO 8601), may be NULL */
  char     *message;        /* why it was refused (UI language), NULL when ok */
} GdnnImportOutcome;

typedef void (*GdnnImportProgressFunc) (guint                    done,
                                        guint                    total,
                                        const GdnnImportOutcome *outcome,
                                        gpointer                 user_data);

/* Imports one file. @received_at: ISO 8601 local date-time, NULL for now.
 * On error nothing is stored and @error's message names the file. */
gboolean           gdnn_submission_import_file  (GdnnStore          *store,
                                                 const char         *path,
                                                 const char         *received_at,
                                                 GdnnImportOutcome **outcome,
                                                 GError            **error);

/* Reads a date of receipt the officer typed ("2026-11-25") into the ISO
 * 8601 date-time stored (midnight of that day). Refuses anything else,
 * impossible dates and dates after @today (NULL: the current day) with
 * a message for the user. */
char              *gdnn_submission_parse_received (const char         *text,
                                                   const GDate        *today,
                                                   GError            **error);

/* Expands @paths (files or folders; a folder's *.xlsx files, not
 * recursive) into a sorted list of file paths. */
GPtrArray         *gdnn_submission_collect_paths (const char * const *paths);

/* Imports every file of @paths in turn, each all or nothing, calling
 * @progress after each (in the calling thread) and stopping between files
 * when @cancellable is cancelled. Returns the outcomes (of
 * GdnnImportOutcome), also for refused files. */
GPtrArray         *gdnn_submission_import_files (GdnnStore          *store,
                                                 GPtrArray          *paths,
                                                 GCancellable       *cancellable,
                                                 GdnnImportProgressFunc progress,
                                                 gpointer            user_data);

/* The same, every file received at @received_at (ISO 8601; NULL: now). */
GPtrArray         *gdnn_submission_import_files_received (GdnnStore          *store,
                                                          GPtrArray          *paths,
                                                          const char         *received_at,
                                                          GCancellable       *cancellable,
                                                          GdnnImportProgressFunc progress,
                                                          gpointer            user_data);

void               gdnn_import_outcome_free     (GdnnImportOutcome  *outcome);

G_END_DECLS
