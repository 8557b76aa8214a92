/* gdnn-cell-entry.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gdnn-cell-entry.h"

/* An entry for an editable cell of a GtkColumnView: what was typed is
 * committed when Enter is pressed and when the focus leaves the cell, so
 * a form is filled without a Save button. Numbers are right-aligned with
 * tabular digits so that columns of amounts line up. */

typedef struct
{
  GdnnCellCommitFunc commit;
  gpointer           user_data;
} Commit;

static void
on_activate (GtkEntry *entry,
             Commit   *commit)
{
  commit->commit (entry, commit->user_data);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Commit                  *commit)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit->commit (GTK_ENTRY (entry), commit->user_data);
}

GtkWidget *
gdnn_cell_entry_new (gboolean            numeric,
                     int                 width_chars,
                     GdnnCellCommitFunc  commit_func,
                     gpointer            user_data)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  Commit *commit = g_new0 (Commit, 1);

  g_return_val_if_fail (commit_func != NULL, NULL);

  commit->commit = commit_func;
  commit->user_data = user_data;
  g_object_set_data_full (G_OBJECT (entry), "gdnn-cell-commit", commit, g_free);

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  if (numeric)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      gtk_widget_add_css_class (entry, "numeric");
    }
  g_signal_connect (entry, "activate", G_CALLBACK (on_activate), commit);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), commit);
  gtk_widget_add_controller (entry, focus);
  return entry;
}
