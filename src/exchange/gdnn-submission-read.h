/* gdnn-submission-read.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-submission.h"

G_BEGIN_DECLS

/* Reads a submitted report workbook (untrusted) into a GdnnSubmission:
 * the hidden data sheet exactly (docs/report-data-sheet.md), every field
 * checked, and the visible cells it points at compared with it
 * (GdnnSubmission.differences). Built on the hardened zip/XML reader
 * (gdnn-xlsx-reader.h): size and entry limits, no DTD, no entities, no
 * network. Error messages are for the user (UI language) and say why;
 * the caller adds the file name. */

#define GDNN_SUBMISSION_READ_ERROR (gdnn_submission_read_error_quark ())

typedef enum
{
  GDNN_SUBMISSION_READ_ERROR_IO,          /* cannot read the file */
  GDNN_SUBMISSION_READ_ERROR_NOT_XLSX,    /* not a zip / not a workbook / truncated */
  GDNN_SUBMISSION_READ_ERROR_TOO_LARGE,   /* a limit was hit (zip bomb, too many entries) */
  GDNN_SUBMISSION_READ_ERROR_MALFORMED,   /* broken or hostile XML (DTD, entities…) */
  GDNN_SUBMISSION_READ_ERROR_FOREIGN,     /* a workbook, but not a report made by this program */
  GDNN_SUBMISSION_READ_ERROR_VERSION,     /* a data sheet schema version we do not know */
  GDNN_SUBMISSION_READ_ERROR_INVALID,     /* a field fails validation (text where a number belongs…) */
} GdnnSubmissionReadError;

GQuark          gdnn_submission_read_error_quark (void);

GdnnSubmission *gdnn_submission_read_file        (const char   *path,
                                                  GError      **error);
GdnnSubmission *gdnn_submission_read_bytes       (GBytes       *bytes,
                                                  GError      **error);

G_END_DECLS
