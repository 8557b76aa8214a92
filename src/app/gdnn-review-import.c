/* gdnn-review-import.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-review-import"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-background.h"
#include "gdnn-review-import.h"
#include "gdnn-review.h"
#include "gdnn-submission-import.h"

/* One import: what the worker needs, and how progress reaches the
 * caller's main context. Progress is posted as the latest count only:
 * when the main loop is busy the bar skips counts instead of queueing
 * hundreds of callbacks. */
typedef struct
{
  char                     *db_path;
  char                    **paths;
  char                     *received_at;
  GMainContext             *context;
  GdnnReviewImportProgress  progress;
  gpointer                  progress_data;
  GDestroyNotify            progress_data_free;
  GMutex                    mutex;
  guint                     done;
  guint                     total;
  gboolean                  posted;    /* a progress callback is pending */
  gboolean                  finished;  /* the task returned: no more progress */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_strfreev (job->paths);
  g_free (job->received_at);
  g_main_context_unref (job->context);
  if (job->progress_data_free != NULL)
    job->progress_data_free (job->progress_data);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

void
gdnn_review_import_result_free (GdnnReviewImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->outcomes, g_ptr_array_unref);
  g_free (result);
}

static gboolean
post_progress (gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  guint done, total;
  gboolean finished;

  g_mutex_lock (&job->mutex);
  done = job->done;
  total = job->total;
  finished = job->finished;
  job->posted = FALSE;
  g_mutex_unlock (&job->mutex);

  if (!finished && job->progress != NULL)
    job->progress (done, total, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
on_file_done (guint                    done,
              guint                    total,
              const GdnnImportOutcome *outcome,
              gpointer                 user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  gboolean post;

  g_mutex_lock (&job->mutex);
  job->done = done;
  job->total = total;
  post = !job->posted;
  job->posted = TRUE;
  g_mutex_unlock (&job->mutex);

  if (post)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, post_progress,
                                g_object_ref (task), g_object_unref);
}

/* Whether the file imported as @outcome replaced an earlier one of the
 * same unit, plan and period. */
static gboolean
replaced_earlier (GdnnStore               *store,
                  const GdnnImportOutcome *outcome)
{
  g_autoptr(GdnnSubmissionInfo) info = gdnn_review_get_submission (store, outcome->submission_id, NULL);
  g_autoptr(GPtrArray) history = NULL;

  if (info == NULL)
    return FALSE;
  history = gdnn_review_list_submissions (store, info->plan_id, info->year, info->unit_id, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      const GdnnSubmissionInfo *other = g_ptr_array_index (history, i);

      if (other->id != info->id && other->state == GDNN_SUBMISSION_REPLACED &&
          g_strcmp0 (other->period, info->period) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnStore) store = gdnn_store_open (job->db_path, GDNN_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GdnnReviewImportResult) result = NULL;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = g_new0 (GdnnReviewImportResult, 1);
  files = gdnn_submission_collect_paths ((const char * const *) job->paths);
  result->total = files->len;
  result->outcomes = gdnn_submission_import_files_received (store, files, job->received_at, cancellable, on_file_done,
                                                           task);
  for (guint i = 0; i < result->outcomes->len; i++)
    {
      const GdnnImportOutcome *outcome = g_ptr_array_index (result->outcomes, i);

      if (!outcome->ok)
        continue;
      result->imported++;
      if (outcome->superseded_by == NULL && replaced_earlier (store, outcome))
        result->replaced++;
    }
  result->cancelled = g_cancellable_is_cancelled (cancellable);

  g_mutex_lock (&job->mutex);
  job->finished = TRUE;
  g_mutex_unlock (&job->mutex);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) gdnn_review_import_result_free);
}

void
gdnn_review_import_async (const char               *db_path,
                          const char * const       *paths,
                          const char               *received_at,
                          GCancellable             *cancellable,
                          GdnnReviewImportProgress  progress,
                          gpointer                  progress_data,
                          GDestroyNotify            progress_data_free,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (paths != NULL);

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (db_path);
  job->paths = g_strdupv ((char **) paths);
  job->received_at = g_strdup (received_at);
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_free = progress_data_free;
  g_mutex_init (&job->mutex);

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* Cancelling stops between files; the outcomes so far still return. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  gdnn_task_run_in_background (task, import_thread);
}

GdnnReviewImportResult *
gdnn_review_import_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
