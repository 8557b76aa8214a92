/* gdnn-help-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Getting started": what a first-time user does before the report's due
 * date, step by step, and what the receiving office does. Opened from
 * the main menu (F1) and once on the first start. The text is all in
 * ui/gdnn-help-window.ui. */

#define G_LOG_DOMAIN "gdnn-help-window"

#include "config.h"

#include "gdnn-help-window.h"

struct _GdnnHelpWindow
{
  AdwWindow  parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (GdnnHelpWindow, gdnn_help_window, ADW_TYPE_WINDOW)

static void
gdnn_help_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GDNN_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (gdnn_help_window_parent_class)->dispose (object);
}

static void
gdnn_help_window_class_init (GdnnHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnHelpWindow, start_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdnn_help_window_init (GdnnHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (gtk_window_close), self);
}

/**
 * gdnn_help_window_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer none): the getting-started window, not yet shown;
 * GTK keeps it until it is closed
 */
GdnnHelpWindow *
gdnn_help_window_new (GtkWindow *parent)
{
  GdnnHelpWindow *self = g_object_new (GDNN_TYPE_HELP_WINDOW,
                                       "transient-for", parent,
                                       NULL);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  gtk_widget_grab_focus (self->start_button);
  return self;
}
