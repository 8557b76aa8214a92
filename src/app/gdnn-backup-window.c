/* gdnn-backup-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Back Up and Restore": the retention, a backup made now, and the list
 * of saved copies (date, reason, size, counts) each with a Restore button
 * that asks first, restores in a worker thread and opens the data again
 * in a new main window. Reading the list (every copy is checked) and
 * writing a copy run in worker threads too. */

#define G_LOG_DOMAIN "gdnn-backup-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-backup.h"
#include "gdnn-background.h"
#include "gdnn-backup-window.h"
#include "gdnn-text.h"

struct _GdnnBackupWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *list_group;
  AdwActionRow         *empty_row;
  AdwActionRow         *folder_row;
  GtkSpinButton        *retention_spin;
  GtkButton            *backup_now_button;

  GdnnWindow           *main_window;   /* weak */
  GdnnStore            *store;
  char                 *db_path;
  GPtrArray            *rows;
  guint                 busy;
};

G_DEFINE_FINAL_TYPE (GdnnBackupWindow, gdnn_backup_window, ADW_TYPE_PREFERENCES_WINDOW)

static void reload_list (GdnnBackupWindow *self);

static void
set_busy (GdnnBackupWindow *self,
          gboolean          busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_group), self->busy == 0);
}

gboolean
gdnn_backup_window_is_busy (GdnnBackupWindow *self)
{
  g_return_val_if_fail (GDNN_IS_BACKUP_WINDOW (self), FALSE);
  return self->busy > 0;
}

/* A failure, with what to do about it, as a toast that stays until
 * dismissed. */
static void show_error (GdnnBackupWindow *self,
                        const char       *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
show_error (GdnnBackupWindow *self,
            const char       *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  gdnn_widget_show_failure (GTK_WIDGET (self), message);
}

static char *
format_size (gint64 bytes)
{
  g_autofree char *number = NULL;

  if (bytes >= 1000 * 1000)
    {
      number = gdnn_format_number (bytes / 1e6, 1);
      return g_strdup_printf ("%s MB", number);
    }
  number = gdnn_format_number (MAX (1.0, bytes / 1e3), 0);
  return g_strdup_printf ("%s kB", number);
}

/* ---- Restore ---------------------------------------------------------- */

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  char **paths = task_data;
  GError *error = NULL;

  if (gdnn_backup_restore (paths[0], paths[1], &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gdnn_backup_restore_async (const char          *db_path,
                           const char          *backup_path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  char **paths = g_new0 (char *, 3);

  paths[0] = g_strdup (db_path);
  paths[1] = g_strdup (backup_path);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  gdnn_task_run_in_background (task, restore_thread);
}

gboolean
gdnn_backup_restore_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

GdnnWindow *
gdnn_backup_reopen (GtkApplication  *application,
                    const char      *db_path,
                    GtkWindow       *old,
                    GError         **error)
{
  g_autoptr(GdnnStore) store = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, error);
  GdnnWindow *window;
  int width = 0, height = 0;

  if (store == NULL)
    return NULL;
  window = gdnn_window_new (ADW_APPLICATION (application), store);
  if (GDNN_IS_WINDOW (old))
    {
      gtk_window_get_default_size (old, &width, &height);
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      if (gtk_window_is_maximized (old))
        gtk_window_maximize (GTK_WINDOW (window));
    }
  gtk_window_present (GTK_WINDOW (window));
  if (old != NULL)
    gtk_window_destroy (old);
  return window;
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GdnnBackupWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  set_busy (self, FALSE);
  if (!gdnn_backup_restore_finish (result, &error))
    {
      g_autofree char *cause = gdnn_error_sentence (error);

      /* Translators: %s is the error. */
      show_error (self, _("The copy was not restored: %s. Try another copy in the list, or make a backup now and "
                          "try again."), cause);
      reload_list (self);
      return;
    }

  /* The main window shows the restored data from a new connection. */
  app = self->main_window != NULL ? gtk_window_get_application (GTK_WINDOW (self->main_window)) : NULL;
  if (app == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  {
    g_autoptr(GtkApplication) keep_app = g_object_ref (app);
    g_autoptr(GtkWindow) old = g_object_ref (GTK_WINDOW (self->main_window));

    /* Let go of the old window before it goes. */
    gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
    gtk_window_destroy (GTK_WINDOW (self));
    if (gdnn_backup_reopen (keep_app, self->db_path, old, &error) == NULL)
      {
        g_autofree char *cause = gdnn_error_sentence (error);
        /* Translators: %s is the error. */
        g_autofree char *message = g_strdup_printf (_("The copy was restored, but the data could not be opened "
                                                      "again: %s. Close the program and start it again; if the "
                                                      "data still do not open, restore another copy."), cause);

        /* The old window stays when the new one could not be made. */
        gdnn_widget_show_failure (GTK_WIDGET (old), message);
      }
  }
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  GdnnBackupWindow *self = user_data;
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (!g_str_equal (response, "restore"))
    return;
  /* The window's store stays open but idle: the restore writes through a
   * connection of its own, then the data are opened again. */
  set_busy (self, TRUE);
  gdnn_backup_restore_async (self->db_path, path, NULL, on_restored, g_object_ref (self));
}

static void
restore_clicked (GtkButton        *button,
                 GdnnBackupWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  const char *when = g_object_get_data (G_OBJECT (button), "backup-when");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: %s is a date and time, 23/11/2026 18:40. */
  adw_message_dialog_format_heading (dialog, _("Restore the Copy of %s?"), when);
  adw_message_dialog_set_body (dialog,
                               _("The current data will be replaced by this copy. They are kept as a copy "
                                 "of their own first, so the restore can be undone from this list."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The list --------------------------------------------------------- */

static GtkWidget *
make_row (GdnnBackupWindow     *self,
          const GdnnBackupInfo *info)
{
  g_autofree char *when = g_date_time_format (info->time, "%d/%m/%Y %H:%M");
  g_autofree char *size = format_size (info->size);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (info->ok)
    {
      g_autofree char *units = gdnn_format_integer (info->n_units);
      g_autofree char *plans = gdnn_format_integer (info->n_plans);
      g_autofree char *values = gdnn_format_integer (info->n_values);
      /* Translators: reason · size · counts, e.g. "Daily · 1,2 MB · 12 units, 5 plans, 340 values". */
      subtitle = g_strdup_printf (_("%s · %s · %s units, %s plans, %s values"),
                                  gdnn_backup_reason_label (info->reason), size, units, plans, values);
    }
  else
    subtitle = g_strdup_printf (_("%s · %s · damaged, cannot be restored"),
                                gdnn_backup_reason_label (info->reason), size);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, info->ok);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "backup-when", g_strdup (when), g_free);
  {
    /* Translators: %s is a date and time. */
    g_autofree char *label = g_strdup_printf (_("Restore the copy of %s"), when);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  if (!info->ok)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  return row;
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, gdnn_backup_list (task_data, NULL), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GdnnBackupWindow *self = GDNN_BACKUP_WINDOW (source);
  g_autoptr(GPtrArray) list = g_task_propagate_pointer (G_TASK (result), NULL);

  set_busy (self, FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), list == NULL || list->len == 0);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (list, i));
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
reload_list (GdnnBackupWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_listed, NULL);

  set_busy (self, TRUE);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  gdnn_task_run_in_background (task, list_thread);
}

/* ---- Back up now ------------------------------------------------------ */

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GdnnStore) reader = NULL;
  GError *error = NULL;

  /* A connection of its own: the window's may be writing meanwhile. */
  reader = gdnn_store_open_reader (task_data, &error);
  if (reader == NULL || !gdnn_backup_before (reader, GDNN_BACKUP_MANUAL, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GdnnBackupWindow *self = GDNN_BACKUP_WINDOW (source);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *cause = gdnn_error_sentence (error);

      /* Translators: %s is the error. */
      show_error (self, _("No copy was made: %s. Check that the backup folder shown above exists and has free "
                          "space, then try again."), cause);
    }
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("A copy of the data was saved.")));
  reload_list (self);
}

static void
backup_now_clicked (GdnnBackupWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_backed_up, NULL);

  set_busy (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), FALSE);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  gdnn_task_run_in_background (task, backup_thread);
}

static void
retention_changed (GtkSpinButton    *spin,
                   GdnnBackupWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n = (guint) gtk_spin_button_get_value_as_int (spin);

  if (n != gdnn_backup_get_retention (self->store) &&
      !gdnn_backup_set_retention (self->store, n, &error))
    {
      g_autofree char *cause = gdnn_error_sentence (error);

      /* Translators: %s is the error. */
      show_error (self, _("The number of copies to keep was not saved: %s. Try again."), cause);
    }
}

/* ---- GObject ---------------------------------------------------------- */

static void
gdnn_backup_window_dispose (GObject *object)
{
  GdnnBackupWindow *self = (GdnnBackupWindow *)object;

  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gdnn_backup_window_parent_class)->dispose (object);
}

static void
gdnn_backup_window_finalize (GObject *object)
{
  GdnnBackupWindow *self = (GdnnBackupWindow *)object;

  g_free (self->db_path);

  G_OBJECT_CLASS (gdnn_backup_window_parent_class)->finalize (object);
}

static void
gdnn_backup_window_class_init (GdnnBackupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_backup_window_dispose;
  object_class->finalize = gdnn_backup_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-backup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnBackupWindow, list_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnBackupWindow, empty_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnBackupWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, GdnnBackupWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, GdnnBackupWindow, backup_now_button);
  gtk_widget_class_bind_template_callback (widget_class, backup_now_clicked);
}

static void
gdnn_backup_window_init (GdnnBackupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GdnnBackupWindow *
gdnn_backup_window_new (GdnnWindow *main_window)
{
  GdnnBackupWindow *self;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (GDNN_IS_WINDOW (main_window), NULL);

  self = g_object_new (GDNN_TYPE_BACKUP_WINDOW,
                       "transient-for", main_window,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_set_weak_pointer (&self->main_window, main_window);
  self->store = g_object_ref (gdnn_window_get_store (main_window));
  self->db_path = g_strdup (gdnn_store_get_path (self->store));

  dir = gdnn_backup_dir (self->db_path);
  adw_action_row_set_subtitle (self->folder_row, dir);
  gtk_spin_button_set_value (self->retention_spin, gdnn_backup_get_retention (self->store));
  g_signal_connect (self->retention_spin, "value-changed", G_CALLBACK (retention_changed), self);

  reload_list (self);
  return self;
}
