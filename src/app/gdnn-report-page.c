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

#include "gdnn-report-doc.h"
#include "gdnn-report-page.h"
#include "gdnn-report-pdf.h"
#include "gdnn-report-state.h"
#include "gdnn-report-xlsx.h"
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

typedef struct
{
  GdnnReportDoc *doc;
  GdnnReportPdf *pdf;
} Preview;

struct _GdnnReportPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwFlap              *flap;
  GtkScrolledWindow    *form_scroll;
  AdwActionRow         *status_row;
  GtkImage             *status_icon;
  GtkWidget            *reopen_button;
  AdwExpanderRow       *warnings_row;
  AdwPreferencesGroup  *header_group;
  AdwEntryRow          *number_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *signer_name_row;
  AdwPreferencesGroup  *recipients_group;
  GtkTextView          *recipients_view;
  AdwPreferencesGroup  *assessment_group;
  GtkTextView          *assessment_view;
  AdwPreferencesGroup  *difficulties_group;
  GtkTextView          *difficulties_view;
  AdwPreferencesGroup  *proposals_group;
  GtkTextView          *proposals_view;
  GtkWidget            *assessment_group_regenerate;
  GtkWidget            *difficulties_group_regenerate;
  GtkWidget            *proposals_group_regenerate;
  GtkDrawingArea       *preview;
  GtkLabel             *page_label;

  /* Owned references */
  GdnnStore            *store;
  GdnnReportFields     *fields;      /* as stored; NULL members use the defaults */
  GdnnReportDoc        *doc;
  Preview              *pages;       /* the pages shown, once laid out */
  GCancellable         *preview_cancellable;
  GdnnReportState      *state;
  GPtrArray            *warning_rows;
  GtkFileChooserNative *chooser;
  GtkPrintSettings     *print_settings;

  gint64                unit_id;
  gint64                plan_id;
  int                   year;
  GDate                 today;
  guint                 current_page;
  guint                 save_source;
  gboolean              dirty;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (GdnnReportPage, gdnn_report_page, ADW_TYPE_BIN)

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

static void
show_toast (GdnnReportPage *self,
            const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
show_error_dialog (GdnnReportPage *self,
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

static void
update_status (GdnnReportPage *self)
{
  const GdnnReportDoc *doc = self->doc;
  g_autofree char *when = format_timestamp (self->state->finalised_at);
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

      icon = "emblem-ok-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
      /* Translators: %s is a date and time, e.g. 23/11/2026 09:30. */
      title = g_strdup_printf (_("Finalised on %s"), when);
      if (self->state->pdf_sha256 != NULL)
        g_string_append_printf (hashes, "PDF SHA-256: %s", self->state->pdf_sha256);
      if (self->state->xlsx_sha256 != NULL)
        g_string_append_printf (hashes, "%sXLSX SHA-256: %s", hashes->len > 0 ? "\n" : "",
                                self->state->xlsx_sha256);
      subtitle = g_string_free (hashes, FALSE);
    }
  else
    {
      icon = "document-edit-symbolic";
      title = g_strdup (_("Draft"));
      if (g_date_valid (&doc->due))
        {
          g_autofree char *due = gdnn_format_date (&doc->due);
          /* Translators: %s is the report's due date, e.g. 30/11/2026. */
          subtitle = g_strdup_printf (_("Due on %s. Exported files are marked “DỰ THẢO” until the report is "
                                        "finalised."), due);
        }
      else
        subtitle = g_strdup (_("Exported files are marked “DỰ THẢO” until the report is finalised."));
    }

  gtk_image_set_from_icon_name (self->status_icon, icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_widget_set_visible (self->reopen_button, self->state->final);
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
static guint
count_warnings (const GdnnReportDoc *doc)
{
  return doc->warnings->len - gdnn_report_doc_count_warnings (doc, GDNN_REPORT_WARNING_OUT_OF_DATE);
}

static void
update_warnings (GdnnReportPage *self)
{
  guint n = count_warnings (self->doc);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_expander_row_remove (self->warnings_row, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);

  for (guint i = 0; i < self->doc->warnings->len; i++)
    {
      const GdnnReportWarning *w = g_ptr_array_index (self->doc->warnings, i);
      GtkWidget *row;
      GtkWidget *icon;

      if (w->kind == GDNN_REPORT_WARNING_OUT_OF_DATE)
        continue;
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

  /* Translators: the subtitle of the list of warnings before export. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing to check or complete before sending",
                                           "%u things to check or complete before sending", n), n);
  adw_expander_row_set_subtitle (self->warnings_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_row), n > 0);
}

static void
update_narrative_descriptions (GdnnReportPage *self)
{
  struct { AdwPreferencesGroup *group; gboolean generated; } groups[] = {
    { self->assessment_group, self->doc->assessment_generated },
    { self->difficulties_group, self->doc->difficulties_generated },
    { self->proposals_group, self->doc->proposals_generated },
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    adw_preferences_group_set_description (groups[i].group,
                                           groups[i].generated
                                           ? _("A draft built from the data; edit it as you need.")
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
preview_free (Preview *preview)
{
  /* The layout refers to its document: drop it first. */
  g_clear_pointer (&preview->pdf, gdnn_report_pdf_free);
  g_clear_pointer (&preview->doc, gdnn_report_doc_free);
  g_free (preview);
}

static void
lay_out_preview (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Preview *preview = task_data;

  preview->pdf = gdnn_report_pdf_new (preview->doc);
  gdnn_report_pdf_get_n_pages (preview->pdf);
  g_task_return_boolean (task, TRUE);
}

static void
on_preview_laid_out (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GdnnReportPage *self = GDNN_REPORT_PAGE (object);
  GTask *task = G_TASK (result);
  Preview *preview = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, NULL) || g_task_get_cancellable (task) != self->preview_cancellable)
    return;
  /* The page takes the layout over from the task. */
  g_clear_pointer (&self->pages, preview_free);
  self->pages = g_new0 (Preview, 1);
  self->pages->doc = g_steal_pointer (&preview->doc);
  self->pages->pdf = g_steal_pointer (&preview->pdf);
  g_clear_object (&self->preview_cancellable);
  update_page_label (self);
}

static void
start_preview (GdnnReportPage *self,
               GdnnReportDoc  *doc)
{
  g_autoptr(GTask) task = NULL;
  Preview *preview = g_new0 (Preview, 1);

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  preview->doc = doc;
  task = g_task_new (self, self->preview_cancellable, on_preview_laid_out, NULL);
  g_task_set_task_data (task, preview, (GDestroyNotify) preview_free);
  g_task_run_in_thread (task, lay_out_preview);
}

static gboolean
rebuild (GdnnReportPage  *self,
         GError         **error)
{
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autoptr(GdnnReportDoc) preview_doc = NULL;
  g_autoptr(GdnnReportState) state = NULL;

  /* Building a document takes a few milliseconds: the page and the
   * preview each get one. */
  if (!(doc = gdnn_report_doc_build (self->store, self->unit_id, self->plan_id, self->year, &self->today, error)) ||
      !(preview_doc = gdnn_report_doc_build (self->store, self->unit_id, self->plan_id, self->year, &self->today,
                                             error)) ||
      !(state = gdnn_report_state_load (self->store, self->unit_id, self->plan_id, self->year, error)))
    return FALSE;

  gdnn_report_doc_free (self->doc);
  gdnn_report_state_free (self->state);
  self->doc = g_steal_pointer (&doc);
  self->state = g_steal_pointer (&state);
  start_preview (self, g_steal_pointer (&preview_doc));

  update_status (self);
  update_warnings (self);
  update_narrative_descriptions (self);
  return TRUE;
}

/* The form shows the document's values: the user's where saved, the
 * defaults built from the data elsewhere. */
static void
fill_form (GdnnReportPage *self)
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
    return FALSE;
  return rebuild (self, error);
}

static void
save_or_show_error (GdnnReportPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!gdnn_report_page_save (self, &error))
    show_error_dialog (self, _("The Report Was Not Saved"), error);
}

static gboolean
on_save_timeout (gpointer user_data)
{
  GdnnReportPage *self = user_data;

  self->save_source = 0;
  save_or_show_error (self);
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
    save_or_show_error (self);
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
      show_error_dialog (self, _("The Report Was Not Saved"), error);
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
  if (!rebuild (self, error))
    return FALSE;
  fill_form (self);
  return TRUE;
}

/* ---- Export, finalisation and printing ----------------------------- */

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

  if (!gdnn_report_page_save (self, error))
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

  /* The files sent are the final ones. */
  doc->final = TRUE;
  doc->draft = FALSE;
  if (!write_files (doc, xlsx_path, pdf_path, error) ||
      !gdnn_report_finalise (self->store, doc, xlsx_path, pdf_path, error) ||
      !(fields = gdnn_report_fields_load (self->store, self->unit_id, self->plan_id, self->year, error)))
    return FALSE;

  gdnn_report_fields_free (self->fields);
  self->fields = g_steal_pointer (&fields);
  if (!rebuild (self, error))
    return FALSE;
  fill_form (self);
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
  if (!rebuild (self, error))
    return FALSE;
  fill_form (self);
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

/**
 * gdnn_report_page_create_print_operation:
 *
 * Returns: (transfer full): a print operation of the report as it
 *   stands, on A4 in points, drawing the pages of the PDF renderer
 */
GtkPrintOperation *
gdnn_report_page_create_print_operation (GdnnReportPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GdnnReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPaperSize *a4;
  PrintJob *job;

  g_return_val_if_fail (GDNN_IS_REPORT_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  if (!gdnn_report_page_save (self, &error))
    g_warning ("The report was not saved before printing: %s", error->message);

  /* The printout keeps its own document: edits during a slow print
   * dialog do not change what is printed. */
  job = g_new0 (PrintJob, 1);
  job->doc = gdnn_report_doc_build (self->store, self->unit_id, self->plan_id, self->year, &self->today, NULL);
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
        show_error_dialog (self, _("The Report Was Not Printed"), error);
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
    show_error_dialog (self, _("The Report Was Not Printed"), error);
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
        show_error_dialog (self, _("The Report Was Not Exported"), error);
      else
        {
          /* Translators: %s is a file name. */
          message = g_strdup_printf (self->doc->draft ? _("Exported “%s” as a draft") : _("Exported “%s”"), name);
          show_toast (self, message);
        }
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_export_file (GdnnReportPage *self,
                    ExportKind      kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *basename = gdnn_report_doc_default_basename (self->doc);
  g_autofree char *name = g_strconcat (basename, kind == EXPORT_PDF ? ".pdf" : ".xlsx", NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (kind == EXPORT_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (kind == EXPORT_PDF ? _("Export Report as PDF")
                                                                  : _("Export Report as Excel Workbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
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
  guint n = count_warnings (self->doc);
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
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return;
  save_or_show_error (self);
  if (!self->doc->draft || count_warnings (self->doc) == 0)
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
        show_error_dialog (self, _("The Report Was Not Finalised"), error);
      else
        {
          basename = gdnn_report_doc_default_basename (self->doc);
          /* Translators: %s is a file name without its extension. */
          message = g_strdup_printf (_("Report finalised: %s.pdf and %s.xlsx saved"), basename, basename);
          show_toast (self, message);
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
  save_or_show_error (self);
  basename = gdnn_report_doc_default_basename (self->doc);
  n = count_warnings (self->doc);
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
    show_error_dialog (self, _("The Report Was Not Reopened"), error);
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

static void
gdnn_report_page_class_init (GdnnReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_report_page_dispose;
  object_class->finalize = gdnn_report_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, flap);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, form_scroll);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, status_row);
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
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, preview);
  gtk_widget_class_bind_template_child (widget_class, GdnnReportPage, page_label);

  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "page.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "page.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "page.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "page.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "page.next-page", NULL, next_page_action);
}

static void
gdnn_report_page_init (GdnnReportPage *self)
{
  GtkEventController *shortcuts;
  struct { GtkWidget *button; Field field; } regenerate_buttons[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  regenerate_buttons[0].button = self->assessment_group_regenerate;
  regenerate_buttons[0].field = FIELD_ASSESSMENT;
  regenerate_buttons[1].button = self->difficulties_group_regenerate;
  regenerate_buttons[1].field = FIELD_DIFFICULTIES;
  regenerate_buttons[2].button = self->proposals_group_regenerate;
  regenerate_buttons[2].field = FIELD_PROPOSALS;

  self->warning_rows = g_ptr_array_new ();
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
          g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (save_or_show_error), self);
        }
      else
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
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

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_p, GDK_CONTROL_MASK, "page.print");
  add_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "page.export-pdf");
  add_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_X, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "page.export-xlsx");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
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
  return self->doc != NULL ? count_warnings (self->doc) : 0;
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
