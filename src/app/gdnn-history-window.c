/* gdnn-history-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-history-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-app-util.h"
#include "gdnn-history-window.h"
#include "gdnn-history.h"
#include "gdnn-report-compare.h"
#include "gdnn-text.h"
#include "gdnn-value-row.h"

/* Who changed what and when (gdnn-history.c), newest first: of one value,
 * a task, a report or the whole database; or what changed in a finalised
 * report since it was sent (gdnn-report-compare.c). Export… saves the
 * changes listed as CSV (docs/change-log-format.md). */

/* A list box of thousands of rows is slow to build; the whole database's
 * log shows the newest ones and exports them all. */
#define MAX_ROWS 400

struct _GdnnHistoryWindow
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *export_button;
  GtkStack             *stack;
  GtkLabel             *summary_label;
  GtkListBox           *list_box;
  AdwStatusPage        *empty_page;

  /* Owned references */
  GPtrArray            *entries;     /* of GdnnHistoryEntry, newest first; NULL when comparing */
  GtkFileChooserNative *chooser;
  guint                 n_rows;
};

G_DEFINE_FINAL_TYPE (GdnnHistoryWindow, gdnn_history_window, ADW_TYPE_WINDOW)

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *tag,
          const char *tag_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (tag != NULL)
    {
      GtkWidget *label = gtk_label_new (tag);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption-heading");
      if (tag_class != NULL)
        gtk_widget_add_css_class (label, tag_class);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
add_entry_row (GdnnHistoryWindow      *self,
               const GdnnHistoryEntry *e,
               gboolean                with_subject)
{
  g_autofree char *what = gdnn_history_entry_describe (e, FALSE);
  g_autofree char *subtitle = NULL;
  const char *tag = gdnn_history_action_label (e->action);
  const char *tag_class = "dim-label";

  if (what[0] == '\0')
    {
      g_free (what);
      what = g_strdup (e->entity_label);
    }
  if (with_subject)
    /* Translators: under a change: time · who · what was changed, e.g.
     * "05/11/2026 14:30 · Lan · Indicator value BG-CD01 · I.2.a.1 · 2026". */
    subtitle = g_strdup_printf (_("%s · %s · %s %s"), e->when, e->who, e->entity_label, e->subject);
  else
    /* Translators: under a change: time · who. */
    subtitle = g_strdup_printf (_("%s · %s"), e->when, e->who);
  if (e->undo_of != 0)
    {
      /* Translators: a tag on a change that reverted an earlier one. */
      tag = _("Undo");
      tag_class = "accent";
    }
  else if (e->undone)
    {
      /* Translators: a tag on a change reverted later by an undo. */
      tag = _("Undone");
      tag_class = "warning";
    }
  gtk_list_box_append (self->list_box, make_row (what, subtitle, tag, tag_class));
  self->n_rows++;
}

static void
show_entries (GdnnHistoryWindow *self,
              GPtrArray         *entries,
              gboolean           with_subject)
{
  guint shown = MIN (entries->len, MAX_ROWS);
  g_autofree char *summary = NULL;

  self->entries = g_ptr_array_ref (entries);
  for (guint i = 0; i < shown; i++)
    add_entry_row (self, g_ptr_array_index (entries, i), with_subject);

  if (entries->len > shown)
    /* Translators: %u are numbers of changes. */
    summary = g_strdup_printf (_("The newest %u of %u changes. Export… saves them all."), shown, entries->len);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change, newest first.",
                                            "%u changes, newest first.", entries->len), entries->len);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", entries->len > 0);
}

static void
on_export_response (GdnnHistoryWindow    *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (gdnn_history_window_export_to (self, file, &error))
        /* Translators: %s is a file name. */
        message = g_strdup_printf (_("Saved the changes to %s."), name);
      else
        message = g_strdup (error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnnHistoryWindow *self = GDNN_HISTORY_WINDOW (widget);

  if (self->entries == NULL || self->chooser != NULL)
    return;
  self->chooser = gdnn_save_chooser_new (widget, _("Export the Changes"), _("_Save"), "nhat-ky-thay-doi.csv",
                                         _("CSV files"), "csv");
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gdnn_history_window_dispose (GObject *object)
{
  GdnnHistoryWindow *self = (GdnnHistoryWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (gdnn_history_window_parent_class)->dispose (object);
}

static void
gdnn_history_window_class_init (GdnnHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_history_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, GdnnHistoryWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "history.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "history.export", NULL);
}

static void
gdnn_history_window_init (GdnnHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GdnnHistoryWindow *
history_window_new (GtkWidget  *from,
                    const char *title,
                    const char *subtitle)
{
  GtkRoot *root = from != NULL ? gtk_widget_get_root (from) : NULL;
  GdnnHistoryWindow *self = g_object_new (GDNN_TYPE_HISTORY_WINDOW,
                                          "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          NULL);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  return self;
}

/* Shows the entries, or tells @from why they could not be read. */
static GdnnHistoryWindow *
present_entries (GtkWidget  *from,
                 GPtrArray  *entries,
                 GError     *error,
                 const char *title,
                 const char *subtitle,
                 gboolean    with_subject)
{
  GdnnHistoryWindow *self;

  if (entries == NULL)
    {
      gdnn_widget_show_toast (from, error->message);
      g_error_free (error);
      return NULL;
    }
  self = history_window_new (from, title, subtitle);
  show_entries (self, entries, with_subject);
  g_ptr_array_unref (entries);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * gdnn_history_window_present_value:
 *
 * The history of one indicator value of a unit for a year.
 */
GdnnHistoryWindow *
gdnn_history_window_present_value (GtkWidget *from,
                                   GdnnStore *store,
                                   gint64     unit_id,
                                   gint64     indicator_id,
                                   int        year)
{
  GError *error = NULL;
  GPtrArray *entries;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  entries = gdnn_history_for_value (store, unit_id, indicator_id, year, "year", &error);
  if (entries != NULL && entries->len > 0)
    subtitle = g_strdup (((GdnnHistoryEntry *) g_ptr_array_index (entries, 0))->subject);
  return present_entries (from, entries, error, _("History of the Value"), subtitle, FALSE);
}

/* The row of the values page whose cell has the focus, if any. */
static GdnnValueRow *
focused_value_row (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
    return NULL;
  for (GtkWidget *w = focus; w != NULL && w != page; w = gtk_widget_get_parent (w))
    {
      gpointer row = g_object_get_data (G_OBJECT (w), "row");
      if (row != NULL && GDNN_IS_VALUE_ROW (row))
        return row;
    }
  return NULL;
}

/**
 * gdnn_history_window_present_values:
 * @page: the values page
 *
 * The history of the value whose cell has the focus on @page; without
 * one, of all the unit's values of the plan for @year.
 */
GdnnHistoryWindow *
gdnn_history_window_present_values (GtkWidget *page,
                                    GdnnStore *store,
                                    gint64     unit_id,
                                    gint64     plan_id,
                                    int        year)
{
  GdnnValueRow *row;
  GError *error = NULL;
  GPtrArray *entries;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  row = focused_value_row (page);
  if (row != NULL)
    {
      const GdnnIndicator *ind = gdnn_value_row_get_indicator (row);
      GdnnHistoryWindow *self;

      entries = gdnn_history_for_value (store, unit_id, ind->id, gdnn_value_row_get_year (row), "year", &error);
      /* Translators: the history window's subtitle, e.g. "I.2.a.1 · 2026". */
      subtitle = g_strdup_printf (_("%s · %d"), ind->code, gdnn_value_row_get_year (row));
      self = present_entries (page, entries, error, _("History of the Value"), subtitle, FALSE);
      if (self != NULL)
        adw_status_page_set_description (self->empty_page, _("This value has not been entered or changed yet."));
      return self;
    }

  entries = gdnn_history_for_values (store, unit_id, plan_id, year, &error);
  /* Translators: %d is a year. */
  subtitle = g_strdup_printf (_("All values of %d"), year);
  return present_entries (page, entries, error, _("History of the Values"), subtitle, TRUE);
}

/**
 * gdnn_history_window_present_task:
 *
 * The history of a task and of the progress @unit_id reported on it in
 * @year.
 */
GdnnHistoryWindow *
gdnn_history_window_present_task (GtkWidget *from,
                                  GdnnStore *store,
                                  gint64     task_id,
                                  gint64     unit_id,
                                  int        year)
{
  GError *error = NULL;
  GPtrArray *entries;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  entries = gdnn_history_for_task (store, task_id, unit_id, year, &error);
  if (entries != NULL && entries->len > 0)
    subtitle = g_strdup (((GdnnHistoryEntry *) g_ptr_array_index (entries, 0))->subject);
  return present_entries (from, entries, error, _("History of the Task"), subtitle, FALSE);
}

/**
 * gdnn_history_window_present_report:
 *
 * The history of the report's own fields, finalisations and reopenings.
 */
GdnnHistoryWindow *
gdnn_history_window_present_report (GtkWidget *from,
                                    GdnnStore *store,
                                    gint64     unit_id,
                                    gint64     plan_id,
                                    int        year)
{
  GError *error = NULL;
  GPtrArray *entries;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  entries = gdnn_history_for_report (store, unit_id, plan_id, year, &error);
  /* Translators: %d is a year. */
  subtitle = g_strdup_printf (_("Report of %d"), year);
  return present_entries (from, entries, error, _("History of the Report"), subtitle, FALSE);
}

/**
 * gdnn_history_window_present_log:
 *
 * Every change in the database, newest first.
 */
GdnnHistoryWindow *
gdnn_history_window_present_log (GtkWidget *from,
                                 GdnnStore *store)
{
  GError *error = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  entries = gdnn_history_for_range (store, NULL, NULL, &error);
  return present_entries (from, entries, error, _("Change Log"), _("Every change in the database"), TRUE);
}

/**
 * gdnn_history_window_present_compare:
 *
 * What changed in the report since it was finalised; the window says so
 * when nothing did.
 */
GdnnHistoryWindow *
gdnn_history_window_present_compare (GtkWidget *from,
                                     GdnnStore *store,
                                     gint64     unit_id,
                                     gint64     plan_id,
                                     int        year)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *finalised_at = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = NULL;
  GdnnHistoryWindow *self;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  diffs = gdnn_report_compare (store, unit_id, plan_id, year, NULL, &finalised_at, &error);
  if (diffs == NULL)
    {
      gdnn_widget_show_toast (from, error->message);
      return NULL;
    }
  {
    g_autoptr(GDateTime) utc = finalised_at != NULL ? g_date_time_new_from_iso8601 (finalised_at, NULL) : NULL;
    g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
    when = local != NULL ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (finalised_at);
  }
  /* Translators: %s is when the report was finalised, "25/11/2026 08:30". */
  subtitle = g_strdup_printf (_("Finalised on %s"), when != NULL ? when : "—");
  self = history_window_new (from, _("Changes Since the Report Was Sent"), subtitle);
  gtk_widget_set_visible (self->export_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", FALSE);

  for (guint i = 0; i < diffs->len; i++)
    {
      GdnnReportDiff *d = g_ptr_array_index (diffs, i);
      /* Translators: a difference: "Numerator: 45 → 48". */
      g_autofree char *change = g_strdup_printf (_("%s: %s → %s"), d->field, d->sent, d->current);

      gtk_list_box_append (self->list_box, make_row (d->subject, change, NULL, NULL));
      self->n_rows++;
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u difference between the report as sent (before the arrow) and the data now.",
                                          "%u differences between the report as sent (before the arrow) and the data now.",
                                          diffs->len), diffs->len);
  gtk_label_set_text (self->summary_label, summary);
  adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Differences"));
  adw_status_page_set_description (self->empty_page, _("The report the data give now is the one that was sent."));
  gtk_stack_set_visible_child_name (self->stack, diffs->len > 0 ? "list" : "empty");
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * gdnn_history_window_get_entries:
 *
 * Returns: (transfer none) (nullable): the changes listed, newest first;
 *   %NULL in a comparison
 */
GPtrArray *
gdnn_history_window_get_entries (GdnnHistoryWindow *self)
{
  g_return_val_if_fail (GDNN_IS_HISTORY_WINDOW (self), NULL);
  return self->entries;
}

/* The rows the list shows. */
guint
gdnn_history_window_get_n_rows (GdnnHistoryWindow *self)
{
  g_return_val_if_fail (GDNN_IS_HISTORY_WINDOW (self), 0);
  return self->n_rows;
}

/**
 * gdnn_history_window_export_to:
 *
 * Writes the changes listed (all of them, also those beyond the rows
 * shown) to @file as CSV.
 */
gboolean
gdnn_history_window_export_to (GdnnHistoryWindow  *self,
                               GFile              *file,
                               GError            **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (GDNN_IS_HISTORY_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->entries != NULL, FALSE);

  csv = gdnn_history_entries_to_csv (self->entries, NULL);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
