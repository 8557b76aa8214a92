/* gdnn-submission-import.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gdnn-backup.h"
#include "gdnn-review.h"
#include "gdnn-submission-import.h"
#include "gdnn-submission-read.h"
#include "gdnn-text.h"

void
gdnn_import_outcome_free (GdnnImportOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->path);
  g_free (outcome->file_name);
  g_free (outcome->unit_code);
  g_free (outcome->report_date);
  g_free (outcome->superseded_by);
  g_free (outcome->superseded_date);
  g_clear_pointer (&outcome->edited_cells, g_ptr_array_unref);
  g_free (outcome->message);
  g_free (outcome);
}

/* Why a file cannot be read, in our words: GLib's messages end in the
 * system's reason, which is English in the C locale. */
static void
set_io_refusal (GError      **error,
                const GError *local)
{
  const char *message;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    message = _("The file does not exist: it was moved or deleted. Choose it again where it is now.");
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    message = _("You may not read the file. Copy it to a folder of yours, such as Documents, and import the copy.");
  else
    message = _("The file cannot be read (the disk or the network share failed). Copy it to a folder of yours, "
                "such as Documents, and import the copy.");
  g_set_error_literal (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_IO, message);
}

/* Reads the whole file, refusing anything larger than the limit before
 * reading it (a submitted file is untrusted). */
static GBytes *
read_limited (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      set_io_refusal (error, local);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_IO,
                           _("It is not a file but a folder or a device. Choose the report file itself."));
      return NULL;
    }
  if (g_file_info_get_size (info) > GDNN_SUBMISSION_MAX_FILE_SIZE)
    {
      g_set_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, far more than a report: ask the unit to send the file the "
                     "program exported."),
                   GDNN_SUBMISSION_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &local);
  if (bytes == NULL)
    {
      set_io_refusal (error, local);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > GDNN_SUBMISSION_MAX_FILE_SIZE)
    {
      /* It grew between the two calls. */
      g_set_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, far more than a report: ask the unit to send the file the "
                     "program exported."),
                   GDNN_SUBMISSION_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* What the officer can do about a file the review module refused; NULL
 * when the message says it already. */
static const char *
review_error_hint (const GError *error)
{
  if (error->domain != GDNN_REVIEW_ERROR)
    return NULL;
  switch ((GdnnReviewError) error->code)
    {
    case GDNN_REVIEW_ERROR_WRONG_PLAN:
      return _("Add the plan to this database (import its plan template), then import the file again.");
    case GDNN_REVIEW_ERROR_WRONG_PERIOD:
      return _("Ask the unit to export its yearly report for a year of the plan.");
    case GDNN_REVIEW_ERROR_MISMATCH:
      return _("The unit's program holds another version of the plan: ask the unit to update the plan and export "
               "the report again.");
    case GDNN_REVIEW_ERROR_DUPLICATE:
      return _("It is in the list already: nothing more to do.");
    case GDNN_REVIEW_ERROR_INVALID:
      return _("Ask the unit to export the report again and send that file.");
    default:
      return NULL;
    }
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

/* A long explanation in one line, cut after @max characters. */
static char *
one_line (const char *text,
          glong       max)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  g_autofree char *cut = NULL;

  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max)
    return g_steal_pointer (&flat);
  cut = g_utf8_substring (flat, 0, max - 1);
  return g_strconcat (cut, "…", NULL);
}

static GPtrArray *
edited_cell_lines (GdnnSubmission *submission)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < submission->differences->len; i++)
    {
      const GdnnCellDifference *d = g_ptr_array_index (submission->differences, i);
      g_autofree char *data = one_line (d->data_text, 80);
      g_autofree char *shown = one_line (d->visible_text, 80);

      g_ptr_array_add (lines,
                       /* Translators: a cell edited by hand: "'Chỉ tiêu'!I7 (I.2.a.1 – value): the data say
                        * “78,1”, the cell shows “99”". */
                       g_strdup_printf (_("%s (%s): the data say “%s”, the cell shows “%s”"), d->cell,
                                        d->what != NULL ? d->what : "", data, shown));
    }
  return lines;
}

gboolean
gdnn_submission_import_file (GdnnStore          *store,
                             const char         *path,
                             const char         *received_at,
                             GdnnImportOutcome **outcome,
                             GError            **error)
{
  g_autofree char *file_name = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (file_name);
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdnnSubmission) submission = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 submission_id = 0;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = read_limited (path, &local_error);
  if (bytes != NULL)
    {
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      submission = gdnn_submission_read_bytes (bytes, &local_error);
    }
  if (submission != NULL)
    {
      if (received_at == NULL)
        {
          now = now_iso ();
          received_at = now;
        }
      gdnn_review_store_submission (store, submission, display, sha256, received_at,
                                    &submission_id, &local_error);
    }
  if (submission == NULL || local_error != NULL)
    {
      /* Every failure above sets local_error; the fallback is a safety net. */
      const char *why = local_error != NULL ? local_error->message : _("The file could not be read.");
      const char *hint = local_error != NULL ? review_error_hint (local_error) : NULL;
      GQuark domain = local_error != NULL ? local_error->domain : GDNN_SUBMISSION_READ_ERROR;
      int code = local_error != NULL ? local_error->code : GDNN_SUBMISSION_READ_ERROR_IO;

      if (hint != NULL)
        /* TRANSLATORS: "file name: why it was refused what to do" */
        g_set_error (error, domain, code, _("%s: %s %s"), display, why, hint);
      else
        /* TRANSLATORS: "file name: why it was refused" */
        g_set_error (error, domain, code, _("%s: %s"), display, why);
      return FALSE;
    }

  if (outcome != NULL)
    {
      g_autoptr(GdnnSubmissionInfo) info = gdnn_review_get_submission (store, submission_id, NULL);

      *outcome = g_new0 (GdnnImportOutcome, 1);
      (*outcome)->path = g_strdup (path);
      (*outcome)->file_name = g_strdup (display);
      (*outcome)->ok = TRUE;
      (*outcome)->submission_id = submission_id;
      (*outcome)->problems = info != NULL ? info->problems : 0;
      (*outcome)->differences = (int) submission->differences->len;
      (*outcome)->edited_cells = edited_cell_lines (submission);
      (*outcome)->unit_code = g_strdup (submission->unit_code);
      (*outcome)->report_date = g_strdup (submission->report_date);
      if (info != NULL && info->state == GDNN_SUBMISSION_REPLACED && info->replaced_by != 0)
        {
          g_autoptr(GdnnSubmissionInfo) newer = gdnn_review_get_submission (store, info->replaced_by, NULL);

          if (newer != NULL)
            {
              (*outcome)->superseded_by = g_strdup (newer->file_name);
              (*outcome)->superseded_date = g_strdup (newer->report_date);
            }
        }
    }
  return TRUE;
}

/* @len digits (no sign, no space) between @min and @max. */
static gboolean
date_part (const char *text,
           gsize       len,
           guint64     min,
           guint64     max,
           guint64    *out)
{
  char part[5] = { 0 };

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  memcpy (part, text, len);
  return g_ascii_string_to_unsigned (part, 10, min, max, out, NULL);
}

char *
gdnn_submission_parse_received (const char   *text,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint64 y = 0, m = 0, d = 0;
  GDate date, now_date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !date_part (text, 4, 1900, 2200, &y) || !date_part (text + 5, 2, 1, 12, &m) ||
      !date_part (text + 8, 2, 1, 31, &d) ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      /* Translators: %s is what the user typed as the date a file arrived. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date of receipt: write the day the file arrived as YYYY-MM-DD, e.g. 2026-11-25."),
                   text != NULL ? text : "");
      return NULL;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_clear (&now_date, 1);
  if (today != NULL && g_date_valid (today))
    now_date = *today;
  else
    g_date_set_dmy (&now_date, (GDateDay) g_date_time_get_day_of_month (now),
                    (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  if (g_date_compare (&date, &now_date) > 0)
    {
      g_autofree char *shown = gdnn_format_date (&date);

      /* Translators: %s is a date (30/12/2026). */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The date of receipt %s is after today: give the day the file really arrived."), shown);
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02uT00:00:00", (guint) y, (guint) m, (guint) d);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
has_xlsx_suffix (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".xlsx");
}

GPtrArray *
gdnn_submission_collect_paths (const char * const *paths)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (result, g_strdup (paths[i]));
          continue;
        }
      dir = g_dir_open (paths[i], 0, NULL);
      if (dir == NULL)
        {
          /* Let the import say why the folder cannot be read. */
          g_ptr_array_add (result, g_strdup (paths[i]));
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (paths[i], name, NULL);

          /* Skip LibreOffice/Excel lock files (".~lock.x.xlsx#", "~$x.xlsx"). */
          if (name[0] == '.' || name[0] == '~')
            continue;
          if (has_xlsx_suffix (name) && g_file_test (child, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (result, g_steal_pointer (&child));
        }
    }
  g_ptr_array_sort (result, compare_paths);
  return result;
}

GPtrArray *
gdnn_submission_import_files (GdnnStore              *store,
                              GPtrArray              *paths,
                              GCancellable           *cancellable,
                              GdnnImportProgressFunc  progress,
                              gpointer                user_data)
{
  return gdnn_submission_import_files_received (store, paths, NULL, cancellable, progress, user_data);
}

GPtrArray *
gdnn_submission_import_files_received (GdnnStore              *store,
                                       GPtrArray              *paths,
                                       const char             *received,
                                       GCancellable           *cancellable,
                                       GdnnImportProgressFunc  progress,
                                       gpointer                user_data)
{
  GPtrArray *outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_import_outcome_free);
  g_autofree char *received_at = received != NULL ? g_strdup (received) : now_iso ();
  g_autoptr(GError) backup_error = NULL;

  /* One backup before the batch; without it nothing is imported. */
  if (paths->len > 0)
    gdnn_backup_before (store, GDNN_BACKUP_IMPORT, NULL, &backup_error);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GdnnImportOutcome *outcome = NULL;
      g_autoptr(GError) error = backup_error != NULL ? g_error_copy (backup_error) : NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (error != NULL ||
          !gdnn_submission_import_file (store, path, received_at, &outcome, &error))
        {
          outcome = g_new0 (GdnnImportOutcome, 1);
          outcome->path = g_strdup (path);
          outcome->file_name = g_filename_display_basename (path);
          outcome->message = g_strdup (error->message);
        }
      g_ptr_array_add (outcomes, outcome);
      if (progress != NULL)
        progress (i + 1, paths->len, outcome, user_data);
    }
  return outcomes;
}
