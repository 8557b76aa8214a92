/* gdnn-review-page-actions.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-csv.h"
#include "gdnn-review-page-private.h"
#include "gdnn-submission-import.h"
#include "gdnn-text.h"

/* What the officer does on the review page: accept or return a report,
 * look at a unit's history, save the problems as CSV, and read what an
 * import did. */

static GtkWindow *
parent_window (GdnnReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const GdnnSubmissionStatus *
selected_status (GdnnReviewPage *self)
{
  GdnnReviewItem *item = gtk_single_selection_get_selected_item (self->status_selection);
  return item != NULL ? gdnn_review_item_get_data (item) : NULL;
}

static void
on_toast_save_letter (GSimpleAction  *action,
                      GVariant       *parameter,
                      GdnnReviewPage *self)
{
  gdnn_review_page_save_letter (self, g_variant_get_int64 (parameter));
}

/* The message after a return lives in the window's toast overlay, above
 * the page: the page's own actions do not reach it. The overlay gets an
 * action group of its own that calls the page (while the page lives). */
static void
install_toast_actions (GdnnReviewPage *self,
                       GtkWidget      *overlay)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("save-letter", G_VARIANT_TYPE_INT64);

  g_signal_connect_object (action, "activate", G_CALLBACK (on_toast_save_letter), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (overlay, "review-toast", G_ACTION_GROUP (group));
}

static gboolean
set_state (GdnnReviewPage      *self,
           gint64               submission_id,
           GdnnSubmissionState  state,
           const char          *note,
           const char          *unit_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!gdnn_review_set_state (self->store, submission_id, state, note, &error))
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  if (state == GDNN_SUBMISSION_ACCEPTED)
    {
      /* Translators: %s is a unit's name. */
      message = g_strdup_printf (_("The report of %s was accepted."), unit_name);
      gdnn_widget_show_toast (GTK_WIDGET (self), message);
    }
  else
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      AdwToast *toast;

      /* Translators: %s is a unit's name. */
      message = g_strdup_printf (_("The report of %s was returned."), unit_name);
      toast = adw_toast_new (message);
      /* The reply letter that goes back with it. */
      adw_toast_set_button_label (toast, _("Save _Letter…"));
      adw_toast_set_action_name (toast, "review-toast.save-letter");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (submission_id));
      adw_toast_set_timeout (toast, 10);
      if (overlay != NULL)
        {
          install_toast_actions (self, overlay);
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
        }
      else
        g_object_unref (toast);
    }
  gdnn_review_page_reload (self);
  return TRUE;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);
  const GdnnSubmissionStatus *status = selected_status (self);

  if (status == NULL || status->current == NULL)
    return;
  set_state (self, status->current->id, GDNN_SUBMISSION_ACCEPTED, NULL, status->unit_name);
}

/* ------------------------------------------------------------- return */

#define RETURN_SUBMISSION "gdnn-submission-id"
#define RETURN_UNIT_NAME "gdnn-unit-name"
#define RETURN_ENTRY "gdnn-note-entry"

static void
on_note_changed (AdwMessageDialog *dialog,
                 GtkEditable      *entry)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "return", note[0] != '\0');
}

static void
on_note_activate (AdwMessageDialog *dialog,
                  GtkEntry         *entry)
{
  if (adw_message_dialog_get_response_enabled (dialog, "return"))
    adw_message_dialog_response (dialog, "return");
}

static void
on_return_response (GdnnReviewPage   *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), RETURN_ENTRY);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gint64 *id = g_object_get_data (G_OBJECT (dialog), RETURN_SUBMISSION);

  if (g_strcmp0 (response, "return") != 0 || note[0] == '\0' || self->store == NULL)
    return;
  set_state (self, *id, GDNN_SUBMISSION_RETURNED, note, g_object_get_data (G_OBJECT (dialog), RETURN_UNIT_NAME));
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);
  const GdnnSubmissionStatus *status = selected_status (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 *id;

  if (status == NULL || status->current == NULL)
    return;

  /* Translators: %s is a unit's name. */
  heading = g_strdup_printf (_("Return the Report of %s?"), status->unit_name);
  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("The unit will be asked to correct %s and send it again. Say what must be corrected."),
                          status->current->file_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "return", _("_Return"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "return");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "return", FALSE);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What must be corrected"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note to the unit"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_note_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_note_activate), dialog, G_CONNECT_SWAPPED);

  id = g_new (gint64, 1);
  *id = status->current->id;
  g_object_set_data_full (G_OBJECT (dialog), RETURN_SUBMISSION, id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), RETURN_UNIT_NAME, g_strdup (status->unit_name), g_free);
  g_object_set_data (G_OBJECT (dialog), RETURN_ENTRY, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------ date received */

#define RECEIVED_ENTRY "gdnn-received-entry"

static char *shown_date (const char *iso);

static void
on_received_changed (AdwMessageDialog *dialog,
                     GtkEditable      *entry)
{
  g_autofree char *iso = gdnn_submission_parse_received (gtk_editable_get_text (entry), NULL, NULL);

  adw_message_dialog_set_response_enabled (dialog, "change", iso != NULL);
}

static void
on_received_activate (AdwMessageDialog *dialog,
                      GtkEntry         *entry)
{
  /* Emitting the response does not close the dialog as its button does. */
  if (adw_message_dialog_get_response_enabled (dialog, "change"))
    {
      adw_message_dialog_response (dialog, "change");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_received_response (GdnnReviewPage   *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), RECEIVED_ENTRY);
  gint64 *id = g_object_get_data (G_OBJECT (dialog), RETURN_SUBMISSION);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "change") != 0 || self->store == NULL)
    return;
  if (!(iso = gdnn_submission_parse_received (gtk_editable_get_text (entry), NULL, &error)) ||
      !gdnn_review_set_received (self->store, *id, iso, &error))
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  shown = shown_date (iso);
  /* Translators: a unit's name and a date (25/11/2026). */
  message = g_strdup_printf (_("The report of %s is now recorded as received on %s."),
                             (const char *) g_object_get_data (G_OBJECT (dialog), RETURN_UNIT_NAME), shown);
  gdnn_widget_show_toast (GTK_WIDGET (self), message);
  gdnn_review_page_reload (self);
}

/* Asks when @info's file really arrived and records it. */
static void
show_received_dialog (GdnnReviewPage           *self,
                      const GdnnSubmissionInfo *info)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *day = NULL;
  gint64 *id;

  /* Translators: %s is a unit's name. */
  heading = g_strdup_printf (_("When Did the Report of %s Arrive?"), info->unit_name);
  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("The day %s really arrived (YYYY-MM-DD), not the day it was imported. On time or late "
                            "follows it; the change is kept in the history."), info->file_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "change");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  day = g_strndup (info->received_at != NULL ? info->received_at : "", 10);
  gtk_editable_set_text (GTK_EDITABLE (entry), day);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "2026-11-25");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date received"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_received_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_received_activate), dialog, G_CONNECT_SWAPPED);
  on_received_changed (dialog, GTK_EDITABLE (entry));

  id = g_new (gint64, 1);
  *id = info->id;
  g_object_set_data_full (G_OBJECT (dialog), RETURN_SUBMISSION, id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), RETURN_UNIT_NAME, g_strdup (info->unit_name), g_free);
  g_object_set_data (G_OBJECT (dialog), RECEIVED_ENTRY, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_received_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Corrects the day the selected unit's current file arrived. */
static void
received_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);
  const GdnnSubmissionStatus *status = selected_status (self);

  if (status != NULL && status->current != NULL)
    show_received_dialog (self, status->current);
}

/* -------------------------------------------------------- unit details */

static void
on_received_clicked (GdnnReviewPage *self,
                     GtkButton      *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "gdnn-submission-id");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_WINDOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnSubmissionInfo) info = gdnn_review_get_submission (self->store, *id, &error);

  /* The details show the old date: the dialog takes their place. */
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  if (info == NULL)
    gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
  else
    show_received_dialog (self, info);
}

static void
on_open_unit_clicked (GdnnReviewPage *self,
                      GtkButton      *button)
{
  gint64 *unit_id = g_object_get_data (G_OBJECT (button), "gdnn-unit-id");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_WINDOW);

  gdnn_review_page_emit_open_unit (self, *unit_id);
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
}

static const GdnnSubmissionStatus *
find_status (GdnnReviewPage *self,
             gint64          unit_id)
{
  for (guint i = 0; self->data != NULL && i < self->data->status->len; i++)
    {
      const GdnnSubmissionStatus *status = g_ptr_array_index (self->data->status, i);
      if (status->unit_id == unit_id)
        return status;
    }
  return NULL;
}

static char *
format_received (const char *iso)
{
  /* "2026-11-20T09:30:00" → "20/11/2026 09:30" */
  int y, m, d, hh = 0, mm = 0;

  /* sscanf: the widths bound every number to four digits, so none
   * overflows; this program wrote the time stamp. NOLINTNEXTLINE(cert-err34-c) */
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &hh, &mm) < 3)
    return g_strdup (iso != NULL ? iso : "—");
  return g_strdup_printf ("%02d/%02d/%04d %02d:%02d", d, m, y, hh, mm);
}

/* A unit's reports of the plan: every file received (newest first) with
 * its state and note, the problems of the current one, and a way to the
 * unit's own plan pages. */
void
gdnn_review_page_show_unit (GdnnReviewPage *self,
                            gint64          unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  const GdnnSubmissionStatus *status = find_status (self, unit_id);
  GtkWidget *window, *box, *header, *page, *group, *button, *title;
  GPtrArray *problems = NULL;

  g_return_if_fail (GDNN_IS_REVIEW_PAGE (self));

  unit = gdnn_store_get_unit (self->store, unit_id, &error);
  history = unit != NULL ? gdnn_review_list_submissions (self->store, self->plan_id, 0, unit_id, &error) : NULL;
  if (history == NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), unit->name);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 560);
  gtk_widget_set_size_request (window, 360, 300);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (unit->name, self->data != NULL ? self->data->plan->number : NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reports Received"));
  if (status != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), gdnn_delivery_label (status->delivery));
  for (guint i = 0; i < history->len; i++)
    {
      const GdnnSubmissionInfo *info = g_ptr_array_index (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *received = format_received (info->received_at);
      g_autofree char *subtitle = NULL;

      /* Translators: a received report: its year, when it came, its state, the officer's note. */
      subtitle = g_strdup_printf (_("%d · received %s · %s%s%s"), info->year, received,
                                  gdnn_submission_state_label (info->state),
                                  info->note != NULL ? " — " : "", info->note != NULL ? info->note : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->file_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (info->state != GDNN_SUBMISSION_REPLACED)
        {
          GtkWidget *change = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");

          gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (change, "flat");
          gtk_widget_set_tooltip_text (change, _("Correct the day the report arrived; on time or late follows it"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Date Received"), -1);
          gint64 *id = g_new (gint64, 1);

          *id = info->id;
          g_object_set_data_full (G_OBJECT (change), "gdnn-submission-id", id, g_free);
          g_signal_connect_object (change, "clicked", G_CALLBACK (on_received_clicked), self, G_CONNECT_SWAPPED);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (history->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No report received yet."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (status != NULL && status->current != NULL && self->data != NULL)
    problems = g_hash_table_lookup (self->data->problems, &status->current->id);
  if (problems != NULL && problems->len > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Problems in the Current Report"));
      for (guint i = 0; i < problems->len; i++)
        {
          const GdnnReviewProblem *problem = g_ptr_array_index (problems, i);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          if (problem->ref != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->ref);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  group = adw_preferences_group_new ();
  button = gtk_button_new_with_mnemonic (_("_Open the Unit's Plan"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_object_set_data_full (G_OBJECT (button), "gdnn-unit-id", g_memdup2 (&unit_id, sizeof unit_id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_unit_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  g_object_set_data (G_OBJECT (self), "gdnn-unit-window", window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);
  const GdnnSubmissionStatus *status = selected_status (self);

  if (status != NULL)
    gdnn_review_page_show_unit (self, status->unit_id);
}

/* ------------------------------------------------------ problems → CSV */

static GString *
problems_csv (GdnnReviewPage *self)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "unit_code", "unit_name", "file_name", "received_at", "kind", "ref", "message", NULL };

  gdnn_csv_append_row (out, header);
  for (guint i = 0; self->data != NULL && i < self->data->status->len; i++)
    {
      const GdnnSubmissionStatus *status = g_ptr_array_index (self->data->status, i);
      GPtrArray *problems = status->current != NULL
                            ? g_hash_table_lookup (self->data->problems, &status->current->id) : NULL;

      for (guint p = 0; problems != NULL && p < problems->len; p++)
        {
          const GdnnReviewProblem *problem = g_ptr_array_index (problems, p);
          const char *fields[] = {
            status->unit_code != NULL ? status->unit_code : "",
            status->unit_name,
            status->current->file_name,
            status->current->received_at != NULL ? status->current->received_at : "",
            gdnn_problem_kind_to_string (problem->kind),
            problem->ref != NULL ? problem->ref : "",
            problem->message,
            NULL
          };
          gdnn_csv_append_row (out, fields);
        }
    }
  return out;
}

gboolean
gdnn_review_page_export_problems (GdnnReviewPage  *self,
                                  GFile           *file,
                                  GError         **error)
{
  g_autoptr(GString) csv = problems_csv (self);

  return g_file_replace_contents (file, csv->str, csv->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
on_csv_chosen (GdnnReviewPage       *self,
               int                   response,
               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (gdnn_review_page_export_problems (self, file, &error))
        gdnn_widget_show_toast (GTK_WIDGET (self), _("The list of problems was saved."));
      else
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
export_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);
  g_autofree char *name = NULL;
  char *slash;

  name = g_strdup_printf ("kiem-tra-%s-%d.csv", self->data != NULL ? self->data->plan->number : "", self->year);
  while ((slash = strchr (name, '/')) != NULL)
    *slash = '-';

  g_clear_object (&self->chooser);
  self->chooser = gdnn_save_chooser_new (widget, _("Export the List of Problems"), _("_Export"), name,
                                         _("CSV files"), "csv");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_csv_chosen), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------ import result */

/* An ISO 8601 date as printed (25/11/2026), "?" when there is none. */
static char *
shown_date (const char *iso)
{
  GDate date;
  int y = 0, m = 0, d = 0;

  /* NOLINTNEXTLINE(cert-err34-c): the widths bound the numbers; the date is checked below. */
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return gdnn_format_date (&date);
}

/* Why a file is listed in the result: its refusal, or that it is older
 * than a report already received. */
static char *
outcome_subtitle (const GdnnImportOutcome *outcome)
{
  g_autofree char *date = NULL;
  g_autofree char *newer = NULL;

  if (!outcome->ok)
    return g_strdup (outcome->message);
  date = shown_date (outcome->report_date);
  newer = shown_date (outcome->superseded_date);
  /* Translators: a report older than one already received: its date, the newer file and its date. */
  return g_strdup_printf (_("Dated %s, older than “%s” (dated %s): kept in the history, its figures are not used."),
                          date, outcome->superseded_by, newer);
}

/* After an import: a toast when every file went in and counts, else a
 * dialog that names every refused file and why, and every file older than
 * a report already received. */
void
gdnn_review_page_show_import_result (GdnnReviewPage               *self,
                                     const GdnnReviewImportResult *result)
{
  g_autofree char *summary = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *older = NULL;
  g_autofree char *body = NULL;
  guint refused = 0, superseded = 0;
  AdwMessageDialog *dialog;
  GtkWidget *list, *scrolled;

  for (guint i = 0; i < result->outcomes->len; i++)
    {
      const GdnnImportOutcome *outcome = g_ptr_array_index (result->outcomes, i);

      if (!outcome->ok)
        refused++;
      else if (outcome->superseded_by != NULL)
        superseded++;
    }

  /* Translators: after an import, e.g. "12 of 14 files imported". */
  summary = g_strdup_printf (g_dngettext (NULL, "%u of %u file imported", "%u of %u files imported", result->total),
                             result->imported, result->total);
  if (result->replaced > 0)
    /* Translators: appended to "12 of 14 files imported". */
    replaced = g_strdup_printf (g_dngettext (NULL, "; %u replaced an earlier report",
                                             "; %u replaced earlier reports", result->replaced), result->replaced);

  if (refused == 0 && superseded == 0 && !result->cancelled && result->total > 0)
    {
      body = g_strdup_printf ("%s%s.", summary, replaced != NULL ? replaced : "");
      gdnn_widget_show_toast (GTK_WIDGET (self), body);
      return;
    }

  if (superseded > 0)
    older = g_strdup_printf (g_dngettext (NULL,
                                          "%u file is older than a report of its unit already received: it is kept "
                                          "in the history and its figures are not used.",
                                          "%u files are older than reports of their units already received: they "
                                          "are kept in the history and their figures are not used.", superseded),
                             superseded);
  body = g_strdup_printf ("%s%s.%s%s%s%s", summary, replaced != NULL ? replaced : "",
                          result->total == 0 ? " " : "",
                          result->total == 0 ? _("No report file (.xlsx) was found in what was given.") : "",
                          older != NULL ? " " : "", older != NULL ? older : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       result->cancelled ? _("Import Cancelled")
                                                       : refused > 0 ? _("Some Files Were Refused")
                                                       : superseded > 0 ? _("Older Reports Kept in the History")
                                                       : _("Nothing Imported"),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  if (refused + superseded > 0)
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      refused > 0 ? _("Refused files") : _("Older files"), -1);
      for (guint i = 0; i < result->outcomes->len; i++)
        {
          const GdnnImportOutcome *outcome = g_ptr_array_index (result->outcomes, i);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (outcome->ok && outcome->superseded_by == NULL)
            continue;
          subtitle = outcome_subtitle (outcome);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), outcome->file_name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      /* Wrapped subtitles do not propagate their height reliably: give
       * the list room for a few files, then scroll. */
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN ((refused + superseded) * 90, 300));
      gtk_widget_set_size_request (scrolled, 360, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gdnn_review_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "review.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "review.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "review.received", NULL, received_action);
  gtk_widget_class_install_action (widget_class, "review.export-problems", NULL, export_problems_action);
}
