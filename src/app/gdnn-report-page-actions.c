/* gdnn-report-page-actions.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gdnn-app-util.h"
#include "gdnn-report-page-private.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-schedule.h"

/* What the Report page does with the document: export (with a question
 * first when warnings are open), print through GtkPrintOperation with the
 * PDF renderer, finalise and reopen, and the shortcuts for them. */

static gboolean
write_files (const GdnnReportDoc  *doc,
             const char           *xlsx_path,
             const char           *pdf_path,
             GError              **error)
{
  return (xlsx_path == NULL || gdnn_report_xlsx_write (doc, xlsx_path, error)) &&
         (pdf_path == NULL || gdnn_report_pdf_export (doc, pdf_path, error));
}

/**
 * gdnn_report_page_export:
 * @xlsx_path: (nullable): where to write the workbook
 * @pdf_path: (nullable): where to write the PDF
 *
 * Saves pending edits and writes the report as it stands; a report that
 * is not finalised is marked "DỰ THẢO" by the writers.
 */
gboolean
gdnn_report_page_export (GdnnReportPage  *self,
                         const char      *xlsx_path,
                         const char      *pdf_path,
                         GError         **error)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (self->doc != NULL, FALSE);

  if (!gdnn_report_doc_check_exportable (self->doc, error) || !gdnn_report_page_save (self, error))
    return FALSE;
  return write_files (self->doc, xlsx_path, pdf_path, error);
}

/**
 * gdnn_report_page_finalise:
 * @folder: where the two files are written, named after
 *   gdnn_report_doc_default_basename()
 *
 * Writes the final files (without the draft marks), records the snapshot
 * and the files' SHA-256, and shows the report as finalised.
 */
gboolean
gdnn_report_page_finalise (GdnnReportPage  *self,
                           const char      *folder,
                           GError         **error)
{
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autoptr(GdnnReportFields) fields = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *xlsx_name = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (!gdnn_report_page_save (self, error) ||
      !(doc = gdnn_report_doc_build (self->store, self->unit_id, self->plan_id, self->year, &self->today, error)))
    return FALSE;

  basename = gdnn_report_doc_default_basename (doc);
  xlsx_name = g_strconcat (basename, ".xlsx", NULL);
  pdf_name = g_strconcat (basename, ".pdf", NULL);
  xlsx_path = g_build_filename (folder, xlsx_name, NULL);
  pdf_path = g_build_filename (folder, pdf_name, NULL);

  /* The files sent are the final ones, with the time of finalisation the
   * office orders a unit's reports by. */
  doc->final = TRUE;
  doc->draft = FALSE;
  g_free (doc->finalised_at);
  doc->finalised_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  if (!write_files (doc, xlsx_path, pdf_path, error) ||
      !gdnn_report_finalise (self->store, doc, xlsx_path, pdf_path, error) ||
      !(fields = gdnn_report_fields_load (self->store, self->unit_id, self->plan_id, self->year, error)))
    return FALSE;

  gdnn_report_fields_free (self->fields);
  self->fields = g_steal_pointer (&fields);
  if (!gdnn_report_page_rebuild (self, error))
    return FALSE;
  gdnn_report_page_fill_form (self);
  gdnn_report_page_emit_status_changed (self);
  return TRUE;
}

gboolean
gdnn_report_page_reopen (GdnnReportPage  *self,
                         GError         **error)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!gdnn_report_reopen (self->store, self->unit_id, self->plan_id, self->year, error))
    return FALSE;
  if (!gdnn_report_page_rebuild (self, error))
    return FALSE;
  gdnn_report_page_fill_form (self);
  gdnn_report_page_emit_status_changed (self);
  return TRUE;
}

typedef struct
{
  GdnnReportDoc *doc;
  GdnnReportPdf *pdf;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->pdf, gdnn_report_pdf_free);
  g_clear_pointer (&job->doc, gdnn_report_doc_free);
  g_free (job);
}

/* The renderer draws an A4 page in points from the paper's corner; a
 * printable area of another size gets the page scaled to fit, centred. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / GDNN_REPORT_PAGE_WIDTH, height / GDNN_REPORT_PAGE_HEIGHT);

  cairo_save (cr);
  if (fabs (scale - 1) > 0.001)
    {
      cairo_translate (cr, (width - GDNN_REPORT_PAGE_WIDTH * scale) / 2,
                       (height - GDNN_REPORT_PAGE_HEIGHT * scale) / 2);
      cairo_scale (cr, scale, scale);
    }
  gdnn_report_pdf_draw_page (job->pdf, cr, (guint) page_nr);
  cairo_restore (cr);
}

/* Failures of the Report page's background work reach the user as
 * toasts that stay, each saying what to do. */
static void
show_print_failure (GdnnReportPage *self,
                    const GError   *error)
{
  g_autofree char *cause = gdnn_error_sentence (error);
  /* Translators: %s is the error. */
  g_autofree char *message = g_strdup_printf (_("The report was not printed: %s. Check the printer and the "
                                                "report's data, then print again, or export a PDF and print "
                                                "that."), cause);

  gdnn_widget_show_failure (GTK_WIDGET (self), message);
}

static GtkPrintOperation *
create_print_operation (GdnnReportPage  *self,
                        GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *job_name = NULL;
  GtkPaperSize *a4;
  PrintJob *job;

  /* What is printed is what the user typed: not printed unless saved. */
  if (!gdnn_report_page_save (self, error))
    return NULL;

  /* The printout keeps its own document: edits during a slow print
   * dialog do not change what is printed. */
  job = g_new0 (PrintJob, 1);
  job->doc = gdnn_report_doc_build (self->store, self->unit_id, self->plan_id, self->year, &self->today, error);
  if (job->doc == NULL)
    {
      g_free (job);
      return NULL;
    }
  job->pdf = gdnn_report_pdf_new (job->doc);

  operation = gtk_print_operation_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) gdnn_report_pdf_get_n_pages (job->pdf));
  job_name = gdnn_report_doc_default_basename (job->doc);
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "gdnn-print-job", job, (GDestroyNotify) print_job_free);
  return g_steal_pointer (&operation);
}

/**
 * gdnn_report_page_create_print_operation:
 *
 * Returns: (transfer full) (nullable): a print operation of the report as
 *   it stands, on A4 in points, drawing the pages of the PDF renderer;
 *   %NULL when the report cannot be saved or built (the page shows a
 *   toast saying why and what to do)
 */
GtkPrintOperation *
gdnn_report_page_create_print_operation (GdnnReportPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  operation = create_print_operation (self, &error);
  if (operation == NULL)
    show_print_failure (self, error);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GdnnReportPage          *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_print_failure (self, error);
    }
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);
  GtkPrintOperation *operation;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || (operation = gdnn_report_page_create_print_operation (self)) == NULL)
    return;
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_failure (self, error);
}

typedef enum
{
  EXPORT_PDF,
  EXPORT_XLSX,
} ExportKind;

static void
on_export_file_chosen (GdnnReportPage       *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  ExportKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "gdnn-export-kind"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (file);
      name = g_file_get_basename (file);
      if (!gdnn_report_page_export (self, kind == EXPORT_XLSX ? path : NULL, kind == EXPORT_PDF ? path : NULL,
                                    &error))
        {
          g_autofree char *cause = gdnn_error_sentence (error);

          /* Translators: %s is the error. */
          message = g_strdup_printf (_("The report was not exported: %s. Choose a folder you can write to, such "
                                       "as Documents, and export again."), cause);
          gdnn_widget_show_failure (GTK_WIDGET (self), message);
        }
      else
        {
          /* Translators: %s is a file name. */
          message = g_strdup_printf (self->doc->draft ? _("Exported “%s” as a draft") : _("Exported “%s”"), name);
          gdnn_report_page_show_toast (self, message);
        }
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_export_file (GdnnReportPage *self,
                    ExportKind      kind)
{
  gboolean pdf = kind == EXPORT_PDF;
  g_autofree char *basename = gdnn_report_doc_default_basename (self->doc);
  g_autofree char *name = g_strconcat (basename, pdf ? ".pdf" : ".xlsx", NULL);

  g_clear_object (&self->chooser);
  self->chooser = gdnn_save_chooser_new (GTK_WIDGET (self),
                                         pdf ? _("Export Report as PDF") : _("Export Report as Excel Workbook"),
                                         _("_Export"), name, pdf ? _("PDF documents") : _("Excel workbooks"),
                                         pdf ? "pdf" : "xlsx");
  g_object_set_data (G_OBJECT (self->chooser), "gdnn-export-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_file_chosen), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_draft_response (AdwMessageDialog *dialog,
                          const char       *response,
                          GdnnReportPage   *self)
{
  if (g_str_equal (response, "export"))
    choose_export_file (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "gdnn-export-kind")));
}

/* A report with warnings may still be exported: as a draft, once the
 * user agrees. */
static AdwMessageDialog *
warnings_dialog_new (GdnnReportPage *self,
                     const char     *heading,
                     const char     *confirm)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint n = gdnn_report_page_count_doc_warnings (self->doc);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u is a number of warnings. */
                                       "The report has %u warning, listed under “Check before sending”: a missing "
                                       "value, explanation or task result, or a date passed. You can still export "
                                       "it; the document will be marked “DỰ THẢO” (draft).",
                                       "The report has %u warnings, listed under “Check before sending”: missing "
                                       "values, explanations or task results, or dates passed. You can still export "
                                       "it; the document will be marked “DỰ THẢO” (draft).", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", confirm, NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
start_export (GdnnReportPage *self,
              ExportKind      kind)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return;
  gdnn_report_page_save_or_show_error (self);
  /* A plan without report dates: nobody receives the file. */
  if (!gdnn_report_doc_check_exportable (self->doc, &error))
    {
      gdnn_report_page_show_error (self, _("Report Not Exported"), error);
      return;
    }
  if (!self->doc->draft || gdnn_report_page_count_doc_warnings (self->doc) == 0)
    {
      choose_export_file (self, kind);
      return;
    }
  dialog = warnings_dialog_new (self, _("Export a Draft?"), _("_Export Draft"));
  g_object_set_data (G_OBJECT (dialog), "gdnn-export-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_draft_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  start_export (GDNN_REPORT_PAGE (widget), EXPORT_PDF);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  start_export (GDNN_REPORT_PAGE (widget), EXPORT_XLSX);
}

static void
on_finalise_folder_chosen (GdnnReportPage       *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (folder);
      if (!gdnn_report_page_finalise (self, path, &error))
        {
          g_autofree char *cause = gdnn_error_sentence (error);

          /* Translators: %s is the error. */
          message = g_strdup_printf (_("The report was not finalised: %s. Choose a folder you can write to, such "
                                       "as Documents, and finalise again."), cause);
          gdnn_widget_show_failure (GTK_WIDGET (self), message);
        }
      else
        {
          int late = gdnn_schedule_days_late (&self->doc->due, self->state->finalised_at);

          basename = gdnn_report_doc_default_basename (self->doc);
          if (late > 0)
            /* Translators: %d is a number of days, %s a file name without its extension. */
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Report finalised %d day late: %s.pdf and %s.xlsx saved",
                                                    "Report finalised %d days late: %s.pdf and %s.xlsx saved",
                                                    (gulong) late), late, basename, basename);
          else
            /* Translators: %s is a file name without its extension. */
            message = g_strdup_printf (_("Report finalised: %s.pdf and %s.xlsx saved"), basename, basename);
          gdnn_report_page_show_toast (self, message);
        }
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
on_finalise_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GdnnReportPage   *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!g_str_equal (response, "finalise"))
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Final Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Finalise"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gdnn_file_chooser_set_start_folder (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_finalise_folder_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *basename = NULL;
  g_autofree char *body = NULL;
  guint n;
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return;
  gdnn_report_page_save_or_show_error (self);
  basename = gdnn_report_doc_default_basename (self->doc);
  n = gdnn_report_page_count_doc_warnings (self->doc);
  /* Translators: %s is a file name without its extension. */
  body = g_strdup_printf (_("The PDF and the Excel workbook are saved as “%s” in a folder you choose, without the "
                            "“DỰ THẢO” mark, and their SHA-256 fingerprints are recorded. If the data change later, "
                            "the report shows as out of date."), basename);
  if (n > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: %u is a number of warnings. */
                                                            "%u warning is still open.",
                                                            "%u warnings are still open.", n), n);
      g_autofree char *joined = g_strconcat (body, "\n\n", more, NULL);
      g_free (body);
      body = g_steal_pointer (&joined);
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Finalise the Report?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "finalise", _("_Choose Folder…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "finalise", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "finalise");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finalise_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !gdnn_report_page_reopen (self, &error))
    gdnn_report_page_show_error (self, _("The Report Was Not Reopened"), error);
}

/* Ctrl+P and Ctrl+Shift+E work wherever the focus is in the window, but
 * only while the page is shown. */
static gboolean
shortcut_activated (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget) || GDNN_REPORT_PAGE (widget)->store == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, NULL);
}

static void
add_shortcut (GdnnReportPage        *self,
              GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_callback_action_new (shortcut_activated,
                                                                                   (gpointer) action_name, NULL)));
}

void
gdnn_report_page_add_shortcuts (GdnnReportPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_p, GDK_CONTROL_MASK, "page.print");
  add_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "page.export-pdf");
  add_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_X, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "page.export-xlsx");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
gdnn_report_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "page.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "page.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "page.reopen", NULL, reopen_action);
}
