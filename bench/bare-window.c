/* bare-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The start-up benchmark's peer: the least a GTK 4 application does
 * before its first frame. A GtkApplication (non-unique, like ours) and a
 * GtkApplicationWindow of our window's default size holding a label; the
 * first frame is timed by the same hook as ours (src/app/gdnn-first-frame.c,
 * GDNN_BENCH_FIRST_FRAME=1). No libadwaita, no database, no resources. */

#include <gtk/gtk.h>

#include "gdnn-first-frame.h"

static void
activate (GApplication *app,
          gpointer      user_data)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Bare GTK window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  gdnn_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("vn.gdnn.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
