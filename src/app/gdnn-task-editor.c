/* gdnn-task-editor.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-task-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-history-window.h"
#include "gdnn-task-editor.h"
#include "gdnn-task-list.h"

/* A small modal window where the unit records a task's status, progress
 * and result for the year. The rules are checked by the core as the user
 * types and shown under the result; Save stores everything in one
 * transaction and the list row shows it at once ("saved"). */

struct _GdnnTaskEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkLabel        *task_title;
  GtkLabel        *task_details;
  AdwComboRow     *status_row;
  GtkSpinButton   *progress_spin;
  GtkLabel        *result_label;
  GtkTextView     *result_view;
  GtkLabel        *message_label;

  /* Owned references */
  GdnnStore       *store;
  GdnnTaskRow     *row;
};

G_DEFINE_FINAL_TYPE (GdnnTaskEditor, gdnn_task_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
result_text (GdnnTaskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->result_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_message (GdnnTaskEditor *self,
              const char     *message,
              gboolean        is_error)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "warning");
    }
}

/* Checks what is typed and tells why it cannot be saved, or what is
 * worth knowing before saving. */
static gboolean
check (GdnnTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *result = result_text (self);
  gboolean ok;

  ok = gdnn_task_progress_check (adw_combo_row_get_selected (self->status_row),
                                 gtk_spin_button_get_value_as_int (self->progress_spin),
                                 result, &warning, &error);
  if (!ok)
    show_message (self, error->message, TRUE);
  else
    show_message (self, warning, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);
  return ok;
}

/* Choosing Done or Not started sets the progress that goes with it. */
static void
on_status_selected (GdnnTaskEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);

  if (status == GDNN_TASK_DONE)
    gtk_spin_button_set_value (self->progress_spin, 100);
  else if (status == GDNN_TASK_NOT_STARTED)
    gtk_spin_button_set_value (self->progress_spin, 0);
  check (self);
}

gboolean
gdnn_task_editor_save (GdnnTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;

  g_return_val_if_fail (GDNN_IS_TASK_EDITOR (self), FALSE);

  /* Take a number still being typed in the spin button. */
  gtk_spin_button_update (self->progress_spin);
  if (!check (self))
    return FALSE;

  result = result_text (self);
  if (!gdnn_task_row_save (self->row, self->store, adw_combo_row_get_selected (self->status_row),
                           gtk_spin_button_get_value_as_int (self->progress_spin), result, &error))
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdnn_task_editor_save (GDNN_TASK_EDITOR (widget));
}

/* Enter saves from anywhere but the result, where it starts a new line
 * and Ctrl+Enter saves. Runs before the focused widget sees the key. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GdnnTaskEditor        *self)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if ((state & GDK_CONTROL_MASK) == 0 && focus != NULL &&
      (focus == GTK_WIDGET (self->result_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->result_view)) ||
       GTK_IS_BUTTON (focus)))
    return FALSE;
  gdnn_task_editor_save (self);
  return TRUE;
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GdnnTaskEditor *self = GDNN_TASK_EDITOR (widget);
  const GdnnTaskProgress *progress = gdnn_task_row_get_progress (self->row);

  gdnn_history_window_present_task (widget, self->store, gdnn_task_row_get_task (self->row)->id,
                                    progress->unit_id, gdnn_task_row_get_year (self->row));
}

static void
gdnn_task_editor_dispose (GObject *object)
{
  GdnnTaskEditor *self = (GdnnTaskEditor *)object;

  g_clear_object (&self->row);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdnn_task_editor_parent_class)->dispose (object);
}

static void
gdnn_task_editor_class_init (GdnnTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_task_editor_dispose;

  /**
   * GdnnTaskEditor::saved:
   *
   * The task's progress was stored and its row shows it.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, task_title);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, task_details);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, result_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, result_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnTaskEditor, message_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdnn_task_editor_init (GdnnTaskEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int s = 0; s < GDNN_N_TASK_STATUS; s++)
    gtk_string_list_append (statuses, gdnn_task_status_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
append_detail (GString    *s,
               const char *label,
               const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append_printf (s, "%s: %s", label, value);
}

GdnnTaskEditor *
gdnn_task_editor_new (GtkWindow   *parent,
                      GdnnStore   *store,
                      GdnnTaskRow *row)
{
  GdnnTaskEditor *self;
  const GdnnTask *task;
  const GdnnTaskProgress *progress;
  g_autofree char *subtitle = NULL;
  g_autofree char *result_heading = NULL;
  g_autofree char *due = NULL;
  g_autoptr(GString) details = g_string_new (NULL);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  g_return_val_if_fail (GDNN_IS_TASK_ROW (row), NULL);

  self = g_object_new (GDNN_TYPE_TASK_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->row = g_object_ref (row);
  task = gdnn_task_row_get_task (row);
  progress = gdnn_task_row_get_progress (row);

  /* Translators: the editor's subtitle, e.g. "Task II.1.2 · 2026". */
  subtitle = g_strdup_printf (_("Task %s · %d"), task->code, gdnn_task_row_get_year (row));
  adw_window_title_set_title (self->window_title, _("Task Progress"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_text (self->task_title, task->title);

  g_object_get (row, "due-text", &due, NULL);
  append_detail (details, _("Lead unit"), task->lead_name);
  append_detail (details, _("Cooperating units"), task->cooperating);
  append_detail (details, _("Due"), due);
  gtk_label_set_text (self->task_details, details->str);

  /* Translators: %d is the year the result is written for. */
  result_heading = g_strdup_printf (_("_Result in %d"), gdnn_task_row_get_year (row));
  gtk_label_set_text_with_mnemonic (self->result_label, result_heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->result_label), -1);

  adw_combo_row_set_selected (self->status_row, progress->status);
  gtk_spin_button_set_value (self->progress_spin, progress->progress);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->result_view),
                            progress->result != NULL ? progress->result : "", -1);

  /* Connected after the stored values are in, so they are not adjusted. */
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self);
  g_signal_connect_swapped (self->progress_spin, "value-changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->result_view), "changed", G_CALLBACK (check), self);
  check (self);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
  return self;
}

GdnnTaskRow *
gdnn_task_editor_get_row (GdnnTaskEditor *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_EDITOR (self), NULL);
  return self->row;
}
