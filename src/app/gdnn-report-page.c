/* gdnn-report-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stddef.h>

#include "gdnn-app-util.h"
#include "gdnn-background.h"
#include "gdnn-report-page-history.h"
#include "gdnn-report-page-private.h"
#include "gdnn-schedule.h"
#include "gdnn-summary.h"
#include "gdnn-text.h"

/* The yearly report of a unit on a plan: the fields the user writes
 * (number, place, date, signer, recipients and the three narratives), a
 * preview of the pages drawn by the PDF renderer, the warnings to look at
 * before sending, export, printing and finalisation. Edits are saved and
 * the document rebuilt SAVE_DELAY_MS after the last keystroke or when a
 * field loses focus, so typing never waits for the layout. */

#define SAVE_DELAY_MS 300

typedef enum
{
  FIELD_NUMBER,
  FIELD_PLACE,
  FIELD_DATE,
  FIELD_SIGNER_TITLE,
  FIELD_SIGNER_NAME,
  FIELD_RECIPIENTS,
  FIELD_ASSESSMENT,
  FIELD_DIFFICULTIES,
  FIELD_PROPOSALS,
  N_FIELDS
} Field;

/* Where each field lives in GdnnReportFields. */
static const gsize field_offsets[N_FIELDS] = {
  offsetof (GdnnReportFields, number),
  offsetof (GdnnReportFields, place),
  offsetof (GdnnReportFields, report_date),
  offsetof (GdnnReportFields, signer_title),
  offsetof (GdnnReportFields, signer_name),
  offsetof (GdnnReportFields, recipients),
  offsetof (GdnnReportFields, assessment),
  offsetof (GdnnReportFields, difficulties),
  offsetof (GdnnReportFields, proposals),
};

#define FIELD_KEY "gdnn-report-field"

G_DEFINE_FINAL_TYPE (GdnnReportPage, gdnn_report_page, ADW_TYPE_BIN)

enum {
  STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* After finalising or reopening: the report's state changed (the window's
 * sidebar says which reports are overdue). */
void
gdnn_report_page_emit_status_changed (GdnnReportPage *self)
{
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
}

static char **
field_slot (GdnnReportFields *fields,
            Field             field)
{
  return (char **) ((guint8 *) fields + field_offsets[field]);
}

static GtkWidget *
field_widget (GdnnReportPage *self,
              Field           field)
{
  switch (field)
    {
    case FIELD_NUMBER: return GTK_WIDGET (self->number_row);
    case FIELD_PLACE: return GTK_WIDGET (self->place_row);
    case FIELD_DATE: return GTK_WIDGET (self->date_row);
    case FIELD_SIGNER_TITLE: return GTK_WIDGET (self->signer_title_row);
    case FIELD_SIGNER_NAME: return GTK_WIDGET (self->signer_name_row);
    case FIELD_RECIPIENTS: return GTK_WIDGET (self->recipients_view);
    case FIELD_ASSESSMENT: return GTK_WIDGET (self->assessment_view);
    case FIELD_DIFFICULTIES: return GTK_WIDGET (self->difficulties_view);
    case FIELD_PROPOSALS: return GTK_WIDGET (self->proposals_view);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static char *
field_text (GdnnReportPage *self,
            Field           field)
{
  GtkWidget *widget = field_widget (self, field);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_field_text (GdnnReportPage *self,
                Field           field,
                const char     *text)
{
  GtkWidget *widget = field_widget (self, field);

  g_assert (self->loading);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text != NULL ? text : "", -1);
}

void
gdnn_report_page_show_toast (GdnnReportPage *self,
            const char     *message)
{
  gdnn_widget_show_toast (GTK_WIDGET (self), message);
}

void
gdnn_report_page_show_error (GdnnReportPage *self,
                   const char     *heading,
                   const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                         heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Status, warnings and preview ---------------------------------- */

static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/* "Báo cáo năm 2026 đã quá hạn 8 ngày" when the report shown is the
 * plan's overdue one (gdnn_plan_due_compute()), else NULL. */
static char *
report_late_text (GdnnReportPage *self)
{
  g_autoptr(GdnnPlanDue) due = NULL;
  g_autoptr(GError) error = NULL;

  due = gdnn_plan_due_compute (self->store, self->unit_id, self->plan_id, &self->today, &error);
  if (due == NULL)
    {
      g_debug ("No due date for the report's status: %s", error->message);
      return NULL;
    }
  if (due->kind != GDNN_DUE_OVERDUE || due->year != self->year)
    return NULL;
  return g_steal_pointer (&due->late_text);
}

static void
update_status (GdnnReportPage *self)
{
  const GdnnReportDoc *doc = self->doc;
  g_autofree char *when = format_timestamp (self->state->finalised_at);
  g_autofree char *late = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon;

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (doc->out_of_date)
    {
      icon = "dialog-warning-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
      title = g_strdup (_("Out of date: data changed after finalising"));
      /* Translators: %s is a date and time, e.g. 23/11/2026 09:30. */
      subtitle = g_strdup_printf (_("Finalised on %s, but the files sent no longer match the data. "
                                    "Reopen the report to check it and finalise it again."), when);
    }
  else if (doc->final)
    {
      GString *hashes = g_string_new (NULL);
      int days_late = gdnn_schedule_days_late (&doc->due, self->state->finalised_at);

      icon = "emblem-ok-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
      if (days_late > 0)
        /* Translators: %s is a date and time, e.g. 08/12/2026 09:30; %d a number of days. */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Finalised on %s, %d day late",
                                              "Finalised on %s, %d days late", (gulong) days_late),
                                 when, days_late);
      else
        /* Translators: %s is a date and time, e.g. 23/11/2026 09:30. */
        title = g_strdup_printf (_("Finalised on %s"), when);
      if (self->state->pdf_sha256 != NULL)
        g_string_append_printf (hashes, "PDF SHA-256: %s", self->state->pdf_sha256);
      if (self->state->xlsx_sha256 != NULL)
        g_string_append_printf (hashes, "%sXLSX SHA-256: %s", hashes->len > 0 ? "\n" : "",
                                self->state->xlsx_sha256);
      subtitle = g_string_free (hashes, FALSE);
    }
  else if ((late = report_late_text (self)) != NULL)
    {
      g_autofree char *due = gdnn_format_date (&doc->due);

      /* Past its due date and not finalised: said first, until it is. */
      icon = "dialog-warning-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
      title = g_steal_pointer (&late);
      /* Translators: %s is the report's due date, e.g. 30/11/2026. */
      subtitle = g_strdup_printf (_("It was due on %s and is still a draft. Check it, then finalise it and send "
                                    "it."), due);
    }
  else
    {
      icon = "document-edit-symbolic";
      title = g_strdup (_("Draft"));
      if (g_date_valid (&doc->due))
        {
          g_autofree char *due = gdnn_format_date (&doc->due);
          /* Translators: %s is the report's due date, e.g. 30/11/2026. */
          subtitle = g_strdup_printf (_("Due on %s. Exported files are marked “DỰ THẢO” until the report is "
                                        "finalised."), due);
        }
      else
        subtitle = g_strdup (_("Exported files are marked “DỰ THẢO” until the report is finalised."));
    }

  gtk_image_set_from_icon_name (self->status_icon, icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  gtk_label_set_text (self->status_detail, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_detail), subtitle != NULL);
  gtk_widget_set_visible (self->reopen_button, self->state->final);
  /* A report finalised and unchanged is sent as it is. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.finalise", !doc->final);
  gtk_widget_set_sensitive (GTK_WIDGET (self->header_group), !self->state->final);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recipients_group), !self->state->final);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_group), !self->state->final);
  gtk_widget_set_sensitive (GTK_WIDGET (self->difficulties_group), !self->state->final);
  gtk_widget_set_sensitive (GTK_WIDGET (self->proposals_group), !self->state->final);
}

static const char *
warning_icon (GdnnReportWarningKind kind)
{
  switch (kind)
    {
    case GDNN_REPORT_WARNING_MISSING_VALUE: return "dialog-question-symbolic";
    case GDNN_REPORT_WARNING_MISSING_NOTE: return "document-edit-symbolic";
    case GDNN_REPORT_WARNING_TASK_NO_RESULT: return "task-due-symbolic";
    case GDNN_REPORT_WARNING_TASK_OVERDUE: return "alarm-symbolic";
    case GDNN_REPORT_WARNING_REPORT_LATE: return "alarm-symbolic";
    case GDNN_REPORT_WARNING_OUT_OF_DATE:
    default:
      return "dialog-warning-symbolic";
    }
}

static const char *
warning_kind_label (GdnnReportWarningKind kind)
{
  switch (kind)
    {
    case GDNN_REPORT_WARNING_MISSING_VALUE: return _("Missing value");
    case GDNN_REPORT_WARNING_MISSING_NOTE: return _("Behind target without an explanation");
    case GDNN_REPORT_WARNING_TASK_NO_RESULT: return _("Task without a result");
    case GDNN_REPORT_WARNING_TASK_OVERDUE: return _("Task past its due date");
    case GDNN_REPORT_WARNING_REPORT_LATE: return _("Report past its due date");
    case GDNN_REPORT_WARNING_OUT_OF_DATE:
    default:
      return _("Out of date");
    }
}

/* The warnings the list shows: the out-of-date one is the status row's. */
guint
gdnn_report_page_count_doc_warnings (const GdnnReportDoc *doc)
{
  return doc->warnings->len - gdnn_report_doc_count_warnings (doc, GDNN_REPORT_WARNING_OUT_OF_DATE);
}

#define MAX_WARNING_ROWS 25

/* The rows of the warnings, made when the list is opened: each is a
 * widget made on the main thread, and the list is closed at first. */
static void
fill_warning_rows (GdnnReportPage *self)
{
  guint n = gdnn_report_page_count_doc_warnings (self->doc);

  for (guint i = 0, listed = 0; i < self->doc->warnings->len; i++)
    {
      const GdnnReportWarning *w = g_ptr_array_index (self->doc->warnings, i);
      GtkWidget *row;
      GtkWidget *icon;

      if (w->kind == GDNN_REPORT_WARNING_OUT_OF_DATE)
        continue;
      /* A large plan can have hundreds: the first ones are listed, with a
       * count of the rest (each row is a widget made on the main thread). */
      if (listed++ == MAX_WARNING_ROWS)
        {
          g_autofree char *more = NULL;

          row = adw_action_row_new ();
          /* Translators: the last row of a long list of warnings. */
          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more",
                                               n - MAX_WARNING_ROWS), n - MAX_WARNING_ROWS);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          adw_expander_row_add_row (self->warnings_row, row);
          g_ptr_array_add (self->warning_rows, row);
          break;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), w->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning_kind_label (w->kind));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (warning_icon (w->kind));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      warning_kind_label (w->kind), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "report-warning");
      adw_expander_row_add_row (self->warnings_row, row);
      g_ptr_array_add (self->warning_rows, row);
    }
}

static void
on_warnings_expanded (GdnnReportPage *self)
{
  if (self->doc != NULL && self->warning_rows->len == 0 && adw_expander_row_get_expanded (self->warnings_row))
    fill_warning_rows (self);
}

static void
update_warnings (GdnnReportPage *self)
{
  guint n = gdnn_report_page_count_doc_warnings (self->doc);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_expander_row_remove (self->warnings_row, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);
  if (adw_expander_row_get_expanded (self->warnings_row))
    fill_warning_rows (self);

  /* Translators: the subtitle of the list of warnings before export. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing to check or complete before sending",
                                           "%u things to check or complete before sending", n), n);
  adw_expander_row_set_subtitle (self->warnings_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_row), n > 0);
}

static void
update_narrative_descriptions (GdnnReportPage *self)
{
  /* Under each field, not as the group's description: that shares a line
   * with the "Regenerate Draft" button, and a wrapped text beside another
   * widget is measured at many widths (half the report page's first frame
   * with a 200-indicator plan, bench/bench-forms). */
  struct { GtkLabel *hint; gboolean generated; } fields[] = {
    { self->assessment_hint, self->doc->assessment_generated },
    { self->difficulties_hint, self->doc->difficulties_generated },
    { self->proposals_hint, self->doc->proposals_generated },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_label_set_text (fields[i].hint,
                        fields[i].generated ? _("A draft built from the data; edit it as you need.")
                                            : _("Your text. “Regenerate Draft” starts again from the data."));
}

static void
update_page_label (GdnnReportPage *self)
{
  guint n = self->pages != NULL ? gdnn_report_pdf_get_n_pages (self->pages->pdf) : 0;
  g_autofree char *text = NULL;

  if (self->current_page >= n)
    self->current_page = n > 0 ? n - 1 : 0;
  /* Translators: the preview's page counter, e.g. "Page 1 of 4". */
  text = g_strdup_printf (_("Page %u of %u"), n > 0 ? self->current_page + 1 : 0, n);
  gtk_label_set_label (self->page_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.previous-page", self->current_page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.next-page", self->current_page + 1 < n);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The visible page only, scaled to fit, on a sheet with a soft shadow. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  GdnnReportPage *self = user_data;
  const double margin = 12;
  double scale, w, h, x, y;

  if (self->pages == NULL || gdnn_report_pdf_get_n_pages (self->pages->pdf) == 0)
    return;

  scale = MIN ((width - 2 * margin) / GDNN_REPORT_PAGE_WIDTH, (height - 2 * margin) / GDNN_REPORT_PAGE_HEIGHT);
  if (scale <= 0)
    return;
  w = GDNN_REPORT_PAGE_WIDTH * scale;
  h = GDNN_REPORT_PAGE_HEIGHT * scale;
  x = floor ((width - w) / 2);
  y = margin;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
  cairo_rectangle (cr, x - 1, y, w + 2, h + 3);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_rectangle (cr, x, y + 1, w, h + 1);
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  gdnn_report_pdf_draw_page (self->pages->pdf, cr, self->current_page);
  cairo_restore (cr);
}

/* ---- Loading, saving and rebuilding -------------------------------- */

/* The preview's pages: a document of its own and its layout, made in a
 * worker thread (the layout takes tens of milliseconds; the PDF renderer
 * uses a font map of its own, so nothing is shared with the main thread
 * until the layout is handed over). */
static void
preview_free (GdnnReportPagePreview *preview)
{
  /* The layout refers to its document: drop it first. */
  g_clear_pointer (&preview->pdf, gdnn_report_pdf_free);
  g_clear_pointer (&preview->doc, gdnn_report_doc_free);
  g_free (preview);
}

/* What the worker needs to build the preview's own document. */
typedef struct
{
  GdnnReportPagePreview *preview;
  char                  *db_path;
  gint64                 unit_id;
  gint64                 plan_id;
  int                    year;
  GDate                  today;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_pointer (&job->preview, preview_free);
  g_free (job->db_path);
  g_free (job);
}

/* In the worker: the document from a read-only connection of its own,
 * then its pages; the main thread builds only the form's document. */
static void
lay_out_preview (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(GdnnStore) reader = NULL;
  GError *error = NULL;

  if (!(reader = gdnn_store_open_reader (job->db_path, &error)) ||
      !(job->preview->doc = gdnn_report_doc_build (reader, job->unit_id, job->plan_id, job->year, &job->today,
                                                   &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  job->preview->pdf = gdnn_report_pdf_new (job->preview->doc);
  gdnn_report_pdf_get_n_pages (job->preview->pdf);
  g_task_return_boolean (task, TRUE);
}

static void
on_preview_laid_out (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (object);
  GTask *task = G_TASK (result);
  PreviewJob *job = g_task_get_task_data (task);
  GdnnReportPagePreview *preview = job->preview;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_task_get_cancellable (task) == self->preview_cancellable)
        gdnn_report_page_show_toast (self, error->message);
      return;
    }
  if (g_task_get_cancellable (task) != self->preview_cancellable)
    return;
  /* The page takes the layout over from the task. */
  g_clear_pointer (&self->pages, preview_free);
  self->pages = g_new0 (GdnnReportPagePreview, 1);
  self->pages->doc = g_steal_pointer (&preview->doc);
  self->pages->pdf = g_steal_pointer (&preview->pdf);
  g_clear_object (&self->preview_cancellable);
  update_page_label (self);
}

static void
start_preview (GdnnReportPage *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job = g_new0 (PreviewJob, 1);

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  job->preview = g_new0 (GdnnReportPagePreview, 1);
  job->db_path = g_strdup (gdnn_store_get_path (self->store));
  job->unit_id = self->unit_id;
  job->plan_id = self->plan_id;
  job->year = self->year;
  job->today = self->today;
  task = g_task_new (self, self->preview_cancellable, on_preview_laid_out, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  gdnn_task_run_in_background (task, lay_out_preview);
}

gboolean
gdnn_report_page_rebuild (GdnnReportPage  *self,
         GError         **error)
{
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autoptr(GdnnReportState) state = NULL;

  /* The form's document here; the preview builds its own in a worker. */
  if (!(doc = gdnn_report_doc_build (self->store, self->unit_id, self->plan_id, self->year, &self->today, error)) ||
      !(state = gdnn_report_state_load (self->store, self->unit_id, self->plan_id, self->year, error)))
    return FALSE;

  gdnn_report_doc_free (self->doc);
  gdnn_report_state_free (self->state);
  self->doc = g_steal_pointer (&doc);
  self->state = g_steal_pointer (&state);
  start_preview (self);

  update_status (self);
  update_warnings (self);
  update_narrative_descriptions (self);
  return TRUE;
}

/* The form shows the document's values: the user's where saved, the
 * defaults built from the data elsewhere. */
void
gdnn_report_page_fill_form (GdnnReportPage *self)
{
  const GdnnReportDoc *doc = self->doc;
  g_autofree char *date = g_date_valid (&doc->date) ? gdnn_format_date (&doc->date) : NULL;
  g_autofree char *number = g_strstrip (g_strdup (doc->number != NULL ? doc->number : ""));
  g_autofree char *recipients = doc->recipients != NULL ? g_strjoinv ("\n", doc->recipients) : NULL;

  self->loading = TRUE;
  set_field_text (self, FIELD_NUMBER, number);
  set_field_text (self, FIELD_PLACE, doc->place);
  set_field_text (self, FIELD_DATE, date);
  set_field_text (self, FIELD_SIGNER_TITLE, doc->signer_title);
  set_field_text (self, FIELD_SIGNER_NAME, doc->signer_name);
  set_field_text (self, FIELD_RECIPIENTS, recipients);
  set_field_text (self, FIELD_ASSESSMENT, doc->assessment);
  set_field_text (self, FIELD_DIFFICULTIES, doc->difficulties);
  set_field_text (self, FIELD_PROPOSALS, doc->proposals);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  self->loading = FALSE;

  /* The status row first: it changed, or another report is shown. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroll), 0);
}

/**
 * gdnn_report_page_save:
 *
 * Saves the edits not saved yet, in one transaction, and rebuilds the
 * document and its preview. Does nothing without edits.
 */
gboolean
gdnn_report_page_save (GdnnReportPage  *self,
                       GError         **error)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->store == NULL)
    return TRUE;
  self->dirty = FALSE;
  if (!gdnn_report_fields_save (self->store, self->unit_id, self->plan_id, self->year, self->fields, error))
    {
      /* Still to be saved: the next try, or closing the window, saves it. */
      self->dirty = TRUE;
      return FALSE;
    }
  self->close_refused = FALSE;
  return gdnn_report_page_rebuild (self, error);
}

void
gdnn_report_page_save_or_show_error (GdnnReportPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!gdnn_report_page_save (self, &error))
    gdnn_report_page_show_error (self, _("The Report Was Not Saved"), error);
}

static gboolean
on_save_timeout (gpointer user_data)
{
  GdnnReportPage *self = user_data;

  self->save_source = 0;
  gdnn_report_page_save_or_show_error (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed (GdnnReportPage *self,
               Field           field)
{
  g_autofree char *text = NULL;
  char **slot;

  if (self->loading || self->fields == NULL)
    return;

  text = field_text (self, field);
  slot = field_slot (self->fields, field);
  if (field == FIELD_DATE)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_strstrip (text);
      if (*text != '\0' && !gdnn_parse_date (text, &date, NULL))
        {
          /* Not saved until it is a date; the row says so. */
          gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      g_free (*slot);
      *slot = *text != '\0' ? gdnn_format_date_iso (&date) : NULL;
    }
  else
    {
      g_free (*slot);
      *slot = g_steal_pointer (&text);
    }

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout, self);
}

static void
on_editable_changed (GdnnReportPage *self,
                     GtkEditable    *editable)
{
  field_changed (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), FIELD_KEY)));
}

static void
on_buffer_changed (GdnnReportPage *self,
                   GtkTextBuffer  *buffer)
{
  field_changed (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), FIELD_KEY)));
}

static void
on_focus_leave (GdnnReportPage          *self,
                GtkEventControllerFocus *controller)
{
  if (self->dirty)
    gdnn_report_page_save_or_show_error (self);
}

static void
regenerate (GdnnReportPage *self,
            Field           field)
{
  g_autoptr(GError) error = NULL;
  char **slot = field_slot (self->fields, field);
  const char *text;

  g_clear_pointer (slot, g_free);
  self->dirty = TRUE;
  if (!gdnn_report_page_save (self, &error))
    {
      gdnn_report_page_show_error (self, _("The Report Was Not Saved"), error);
      return;
    }
  text = field == FIELD_ASSESSMENT ? self->doc->assessment
         : field == FIELD_DIFFICULTIES ? self->doc->difficulties : self->doc->proposals;
  self->loading = TRUE;
  set_field_text (self, field, text);
  self->loading = FALSE;
}

static void
on_regenerate_clicked (GdnnReportPage *self,
                       GtkButton      *button)
{
  regenerate (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), FIELD_KEY)));
}

/**
 * gdnn_report_page_show:
 * @year: the report's year (clamped to the plan's years)
 * @today: the day the report is made: the default date and the overdue checks
 */
gboolean
gdnn_report_page_show (GdnnReportPage  *self,
                       GdnnStore       *store,
                       gint64           unit_id,
                       gint64           plan_id,
                       int              year,
                       const GDate     *today,
                       GError         **error)
{
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GdnnReportFields) fields = NULL;

  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  /* Edits of the report shown before go to that report. */
  if (self->store != NULL && !gdnn_report_page_save (self, error))
    return FALSE;

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)))
    return FALSE;
  year = CLAMP (year, plan->first_year, plan->last_year);
  if (!(fields = gdnn_report_fields_load (store, unit_id, plan_id, year, error)))
    return FALSE;

  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->plan_id = plan_id;
  self->year = year;
  self->today = *today;
  gdnn_report_fields_free (self->fields);
  self->fields = g_steal_pointer (&fields);
  self->dirty = FALSE;
  self->current_page = 0;
  if (!gdnn_report_page_rebuild (self, error))
    return FALSE;
  gdnn_report_page_fill_form (self);
  return TRUE;
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);

  if (self->current_page > 0)
    self->current_page--;
  update_page_label (self);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);

  self->current_page++;
  update_page_label (self);
}

/* ---- Closing the window --------------------------------------------- */

/* Typed text not saved yet is saved before the window closes. When that
 * fails the window stays open once, with a toast saying what to do; a
 * second close goes ahead. */
static gboolean
on_close_request (GdnnReportPage *self,
                  GtkWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *cause = NULL;

  if (!self->dirty || self->store == NULL || self->close_refused ||
      gdnn_report_page_save (self, &error))
    return FALSE;
  self->close_refused = TRUE;
  cause = gdnn_error_sentence (error);
  /* Translators: %s is the error. */
  message = g_strdup_printf (_("The report text could not be saved: %s. Copy what you typed somewhere safe, then "
                               "close the window again; the text not saved will be lost."), cause);
  gdnn_widget_show_failure (GTK_WIDGET (self), message);
  return TRUE;
}

static void
gdnn_report_page_root (GtkWidget *widget)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (gdnn_report_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->close_root = GTK_WIDGET (root);
      self->close_handler = g_signal_connect_swapped (root, "close-request", G_CALLBACK (on_close_request), self);
    }
}

static void
gdnn_report_page_unroot (GtkWidget *widget)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (widget);

  if (self->close_root != NULL && self->close_handler != 0)
    g_signal_handler_disconnect (self->close_root, self->close_handler);
  self->close_handler = 0;
  self->close_root = NULL;
  GTK_WIDGET_CLASS (gdnn_report_page_parent_class)->unroot (widget);
}

/* ---- GObject -------------------------------------------------------- */

static void
gdnn_report_page_dispose (GObject *object)
{
  GdnnReportPage *self = (GdnnReportPage *)object;

  /* Typed text is not lost when the window closes within the delay. */
  if (self->dirty && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;
      if (!gdnn_report_fields_save (self->store, self->unit_id, self->plan_id, self->year, self->fields, &error))
        g_warning ("The report was not saved: %s", error->message);
      self->dirty = FALSE;
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_REPORT_PAGE);

  G_OBJECT_CLASS (gdnn_report_page_parent_class)->dispose (object);
}

static void
gdnn_report_page_finalize (GObject *object)
{
  GdnnReportPage *self = (GdnnReportPage *)object;

  g_clear_pointer (&self->pages, preview_free);
  g_clear_pointer (&self->doc, gdnn_report_doc_free);
  g_clear_pointer (&self->state, gdnn_report_state_free);
  g_clear_pointer (&self->fields, gdnn_report_fields_free);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdnn_report_page_parent_class)->finalize (object);
}

/* Template objects that init gives a tooltip or a menu and nothing keeps. */
static const char *const init_only_children[] = {
  "previous_button", "next_button", "preview_toggle", "print_button", "history_button", "finalise_button",
  "export_button", "history_menu", "export_menu",
};

static void
gdnn_report_page_class_init (GdnnReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_report_page_dispose;
  object_class->finalize = gdnn_report_page_finalize;
  widget_class->root = gdnn_report_page_root;
  widget_class->unroot = gdnn_report_page_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, flap);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, form_scroll);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, status_detail);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, assessment_hint);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, difficulties_hint);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, proposals_hint);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, warnings_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, header_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, number_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, recipients_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, assessment_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, difficulties_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, difficulties_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, proposals_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, assessment_group_regenerate);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, difficulties_group_regenerate);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, proposals_group_regenerate);
  /* Reached with gtk_widget_get_template_child() in init only. */
  for (guint i = 0; i < G_N_ELEMENTS (init_only_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, init_only_children[i], FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, preview);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, page_label);

  /**
   * GdnnReportPage::status-changed:
   *
   * Emitted after the report was finalised or reopened.
   */
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gdnn_report_page_class_add_actions (widget_class);
  gdnn_report_page_history_class_add_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "page.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "page.next-page", NULL, next_page_action);
}

/* A long text (the difficulties of a plan of 200 indicators run to
 * pages) scrolls in its field: a text view that is as tall as its text
 * lays all of it out in the frame it is first shown, for 50 ms and more
 * (bench/bench-forms); a scrolled one lays out what is visible and the
 * rest a little at a time. The few lines of the recipients do not need
 * it. */
static void
scroll_text_view (GtkWidget *view)
{
  GtkWidget *frame = gtk_widget_get_parent (view);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_object_ref (view);
  gtk_frame_set_child (GTK_FRAME (frame), NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* Of a fixed height: as the rest of a long text is laid out, its new
   * height does not lay the whole page out again. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  g_object_unref (view);
}

static void
gdnn_report_page_init (GdnnReportPage *self)
{
  struct { GtkWidget *button; Field field; } regenerate_buttons[3];
  const char *regenerate = _("Replace the text with a new draft built from the data");
  const char *const tooltips[] = {
    "reopen_button", _("Make the report a draft again so it can be edited and finalised anew"),
    "assessment_group_regenerate", regenerate,
    "difficulties_group_regenerate", regenerate,
    "proposals_group_regenerate", regenerate,
    "previous_button", _("Previous Page"),
    "next_button", _("Next Page"),
    "preview_toggle", _("Show the Preview"),
    "print_button", _("Print the report (Ctrl+P)"),
    "history_button", _("History of the report and changes since it was sent"),
    "finalise_button", _("Export the final files and freeze the report"),
    "export_button", _("Export the report as a file"),
    NULL
  };
  GtkWidget *page = GTK_WIDGET (self);

  gtk_widget_init_template (page);
  /* Set here rather than in the template, which made building the page
   * several milliseconds slower (bench/bench-forms). */
  gdnn_template_set_tooltips (page, GDNN_TYPE_REPORT_PAGE, tooltips);
  gdnn_menu_button_set_menu_later (
    GTK_MENU_BUTTON (gtk_widget_get_template_child (page, GDNN_TYPE_REPORT_PAGE, "history_button")),
    G_MENU_MODEL (gtk_widget_get_template_child (page, GDNN_TYPE_REPORT_PAGE, "history_menu")));
  gdnn_menu_button_set_menu_later (
    GTK_MENU_BUTTON (gtk_widget_get_template_child (page, GDNN_TYPE_REPORT_PAGE, "export_button")),
    G_MENU_MODEL (gtk_widget_get_template_child (page, GDNN_TYPE_REPORT_PAGE, "export_menu")));

  regenerate_buttons[0].button = self->assessment_group_regenerate;
  regenerate_buttons[0].field = FIELD_ASSESSMENT;
  regenerate_buttons[1].button = self->difficulties_group_regenerate;
  regenerate_buttons[1].field = FIELD_DIFFICULTIES;
  regenerate_buttons[2].button = self->proposals_group_regenerate;
  regenerate_buttons[2].field = FIELD_PROPOSALS;

  self->warning_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->warnings_row, "notify::expanded", G_CALLBACK (on_warnings_expanded), self);
  g_date_clear (&self->today, 1);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = field_widget (self, f);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      if (GTK_IS_EDITABLE (widget))
        {
          g_object_set_data (G_OBJECT (widget), FIELD_KEY, GUINT_TO_POINTER (f));
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_editable_changed), self);
          g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (gdnn_report_page_save_or_show_error), self);
        }
      else
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

          if (f != FIELD_RECIPIENTS)
            scroll_text_view (widget);
          g_object_set_data (G_OBJECT (buffer), FIELD_KEY, GUINT_TO_POINTER (f));
          g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
        }
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (widget, focus);
    }

  /* Regenerate buttons regain the groups' titles for screen readers. */
  for (guint i = 0; i < G_N_ELEMENTS (regenerate_buttons); i++)
    {
      GtkWidget *group = gtk_widget_get_ancestor (regenerate_buttons[i].button, ADW_TYPE_PREFERENCES_GROUP);
      g_autofree char *label = NULL;

      /* Translators: %s is a section title such as "Overall Assessment". */
      label = g_strdup_printf (_("Regenerate the draft of “%s”"),
                               adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (regenerate_buttons[i].button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (regenerate_buttons[i].button), FIELD_KEY,
                         GUINT_TO_POINTER (regenerate_buttons[i].field));
      g_signal_connect_swapped (regenerate_buttons[i].button, "clicked", G_CALLBACK (on_regenerate_clicked), self);
    }

  gdnn_report_page_add_shortcuts (self);
}

guint
gdnn_report_page_get_n_pages (GdnnReportPage *self)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), 0);
  return self->pages != NULL ? gdnn_report_pdf_get_n_pages (self->pages->pdf) : 0;
}

guint
gdnn_report_page_get_n_warnings (GdnnReportPage *self)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), 0);
  return self->doc != NULL ? gdnn_report_page_count_doc_warnings (self->doc) : 0;
}

gboolean
gdnn_report_page_get_out_of_date (GdnnReportPage *self)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  return self->doc != NULL && self->doc->out_of_date;
}

gboolean
gdnn_report_page_get_final (GdnnReportPage *self)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  return self->doc != NULL && self->doc->final;
}

/* TRUE while the preview is being laid out in the worker thread. */
gboolean
gdnn_report_page_is_busy (GdnnReportPage *self)
{
  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), FALSE);
  return self->preview_cancellable != NULL;
}
