/* gdnn-review-page-export.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-return-letter.h"
#include "gdnn-review-page-private.h"
#include "gdnn-summary-doc.h"
#include "gdnn-summary-pdf.h"
#include "gdnn-summary-xlsx.h"

/* The documents the review page writes: the office's summary (PDF, XLSX
 * or CSV, the renderers of src/report/) and the reply letter that goes
 * back with a returned report. The files are small: they are written on
 * the main thread from data the page already holds. */

#define FORMAT_KEY "gdnn-format"
#define SUBMISSION_KEY "gdnn-submission-id"

/* "401/KH-UBND" → "401-KH-UBND": a plan number in a file name. */
static char *
file_safe (const char *text)
{
  char *safe = g_strdup (text != NULL ? text : "");

  g_strdelimit (safe, "/\\:*?\"<>| ", '-');
  return safe;
}

static void
show_chooser (GdnnReviewPage *self,
              const char     *title,
              const char     *name,
              const char     *filter_name,
              const char     *suffix,
              GCallback       on_response)
{
  g_clear_object (&self->chooser);
  self->chooser = gdnn_save_chooser_new (GTK_WIDGET (self), title, _("_Save"), name, filter_name, suffix);
  g_signal_connect_object (self->chooser, "response", on_response, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Ensures the chosen name ends in ".@suffix" (a chooser returns what was typed). */
static char *
chosen_path (GtkFileChooserNative *chooser,
             const char           *suffix)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *lower = NULL;
  g_autofree char *dotted = g_strconcat (".", suffix, NULL);

  if (path == NULL)
    return NULL;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, dotted))
    return g_steal_pointer (&path);
  return g_strconcat (path, dotted, NULL);
}

/* ----------------------------------------------------------- summary */

gboolean
gdnn_review_page_write_summary (GdnnReviewPage  *self,
                                const char      *format,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(GdnnSummaryDoc) doc = NULL;

  g_return_val_if_fail (self->data != NULL && self->data->aggregate != NULL, FALSE);

  doc = gdnn_summary_doc_new (self->data->office, self->data->plan, self->data->aggregate,
                              self->data->status, &self->today);
  if (g_str_equal (format, "pdf"))
    return gdnn_summary_pdf_write (doc, path, error);
  if (g_str_equal (format, "xlsx"))
    return gdnn_summary_xlsx_write (doc, path, error);
  return gdnn_summary_csv_write (doc, path, error);
}

static void
on_summary_chosen (GdnnReviewPage       *self,
                   int                   response,
                   GtkFileChooserNative *chooser)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), FORMAT_KEY);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->data != NULL &&
      (path = chosen_path (chooser, format)) != NULL)
    {
      if (gdnn_review_page_write_summary (self, format, path, &error))
        {
          g_autofree char *base = g_filename_display_basename (path);
          /* Translators: %s is a file name. */
          g_autofree char *message = g_strdup_printf (_("Saved the summary as %s."), base);
          gdnn_widget_show_toast (GTK_WIDGET (self), message);
        }
      else
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *plan = NULL;
  g_autofree char *name = NULL;
  const char *filter_name;

  if (self->data == NULL || self->data->aggregate == NULL)
    return;
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "xlsx") && !g_str_equal (format, "csv"))
    return;
  plan = file_safe (self->data->plan->number);
  name = g_strdup_printf ("tong-hop_%s_%d.%s", plan, self->data->year, format);
  filter_name = g_str_equal (format, "pdf") ? _("PDF documents")
                : g_str_equal (format, "xlsx") ? _("Excel workbooks") : _("CSV files");
  show_chooser (self, _("Export the Summary"), name, filter_name, format, G_CALLBACK (on_summary_chosen));
  g_object_set_data_full (G_OBJECT (self->chooser), FORMAT_KEY, g_strdup (format), g_free);
}

/* ------------------------------------------------------ return letter */

gboolean
gdnn_review_page_write_letter (GdnnReviewPage  *self,
                               gint64           submission_id,
                               const char      *path,
                               GError         **error)
{
  g_autoptr(GdnnSubmissionInfo) info = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GdnnReturnLetter) letter = NULL;

  g_return_val_if_fail (self->data != NULL, FALSE);

  if (!(info = gdnn_review_get_submission (self->store, submission_id, error)) ||
      !(problems = gdnn_review_list_problems (self->store, submission_id, error)))
    return FALSE;
  letter = gdnn_return_letter_new (self->data->office, info, problems, self->data->plan->place,
                                   &self->today, NULL);
  return gdnn_return_letter_write_pdf (letter, path, error);
}

static void
on_letter_chosen (GdnnReviewPage       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  gint64 *id = g_object_get_data (G_OBJECT (chooser), SUBMISSION_KEY);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->data != NULL &&
      (path = chosen_path (chooser, "pdf")) != NULL)
    {
      if (gdnn_review_page_write_letter (self, *id, path, &error))
        {
          g_autofree char *base = g_filename_display_basename (path);
          /* Translators: %s is a file name. */
          g_autofree char *message = g_strdup_printf (_("Saved the reply letter as %s."), base);
          gdnn_widget_show_toast (GTK_WIDGET (self), message);
        }
      else
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

/**
 * gdnn_review_page_save_letter:
 * @submission_id: a returned submission
 *
 * Asks where to save the reply letter of @submission_id and writes it
 * there. Used by the page's button and by the message shown after a
 * return.
 */
void
gdnn_review_page_save_letter (GdnnReviewPage *self,
                              gint64          submission_id)
{
  g_autoptr(GdnnSubmissionInfo) info = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *name = NULL;
  gint64 *id;

  if (self->data == NULL ||
      !(info = gdnn_review_get_submission (self->store, submission_id, NULL)) ||
      info->state != GDNN_SUBMISSION_RETURNED)
    return;
  plan = file_safe (info->plan_number);
  name = g_strdup_printf ("cong-van-tra-lai_%s_%s_%d.pdf", info->unit_code != NULL ? info->unit_code : "",
                          plan, info->year);
  show_chooser (self, _("Save the Reply Letter"), name, _("PDF documents"), "pdf", G_CALLBACK (on_letter_chosen));
  id = g_new (gint64, 1);
  *id = info->id;
  g_object_set_data_full (G_OBJECT (self->chooser), SUBMISSION_KEY, id, g_free);
}

/* The selected unit's returned report (the button's target). */
static void
save_letter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gdnn_review_page_save_letter (GDNN_REVIEW_PAGE (widget), g_variant_get_int64 (parameter));
}

void
gdnn_review_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.export-summary", "s", export_summary_action);
  gtk_widget_class_install_action (widget_class, "review.save-letter", "x", save_letter_action);
}
