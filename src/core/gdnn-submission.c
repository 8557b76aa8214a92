/* gdnn-submission.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gdnn-submission.h"

GdnnSubmittedValue *
gdnn_submitted_value_new (void)
{
  return g_new0 (GdnnSubmittedValue, 1);
}

void
gdnn_submitted_value_free (GdnnSubmittedValue *value)
{
  if (value == NULL)
    return;
  g_free (value->code);
  g_free (value->note);
  g_free (value->status);
  g_free (value);
}

GdnnSubmittedTask *
gdnn_submitted_task_new (void)
{
  return g_new0 (GdnnSubmittedTask, 1);
}

void
gdnn_submitted_task_free (GdnnSubmittedTask *task)
{
  if (task == NULL)
    return;
  g_free (task->code);
  g_free (task->result);
  g_free (task);
}

GdnnSubmittedBudget *
gdnn_submitted_budget_new (void)
{
  return g_new0 (GdnnSubmittedBudget, 1);
}

void
gdnn_submitted_budget_free (GdnnSubmittedBudget *budget)
{
  if (budget == NULL)
    return;
  g_free (budget->name);
  g_free (budget);
}

GdnnCellDifference *
gdnn_cell_difference_new (const char *cell,
                          const char *what,
                          const char *data_text,
                          const char *visible_text)
{
  GdnnCellDifference *difference = g_new0 (GdnnCellDifference, 1);

  difference->cell = g_strdup (cell);
  difference->what = g_strdup (what);
  difference->data_text = g_strdup (data_text);
  difference->visible_text = g_strdup (visible_text);
  return difference;
}

void
gdnn_cell_difference_free (GdnnCellDifference *difference)
{
  if (difference == NULL)
    return;
  g_free (difference->cell);
  g_free (difference->what);
  g_free (difference->data_text);
  g_free (difference->visible_text);
  g_free (difference);
}

GdnnSubmission *
gdnn_submission_new (void)
{
  GdnnSubmission *submission = g_new0 (GdnnSubmission, 1);

  submission->period = g_strdup ("year");
  submission->values = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_submitted_value_free);
  submission->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_submitted_task_free);
  submission->budget = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_submitted_budget_free);
  submission->differences = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_cell_difference_free);
  return submission;
}

void
gdnn_submission_free (GdnnSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->generator);
  g_free (submission->unit_code);
  g_free (submission->unit_name);
  g_free (submission->parent_code);
  g_free (submission->plan_number);
  g_free (submission->period);
  g_free (submission->report_number);
  g_free (submission->report_date);
  g_free (submission->finalised_at);
  g_free (submission->signer_name);
  g_free (submission->signer_title);
  g_ptr_array_unref (submission->values);
  g_ptr_array_unref (submission->tasks);
  g_ptr_array_unref (submission->budget);
  g_ptr_array_unref (submission->differences);
  g_free (submission);
}
