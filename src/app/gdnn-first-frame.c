/* gdnn-first-frame.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The start-up benchmark's hook (bench/bench-startup.c), and nothing else.
 *
 * Only when the environment has GDNN_BENCH_FIRST_FRAME=1: once the window
 * has drawn its first frame (the surface's "render" has run and the frame
 * clock reached "after-paint"), print on stdout
 *
 *   first-frame-us N
 *
 * where N is CLOCK_MONOTONIC (g_get_monotonic_time) now minus
 * GDNN_BENCH_T0_US, the same clock read by the harness just before it
 * spawned the process, then quit the application. Without the variable
 * this does nothing. bench/bare-window.c compiles the same file, so both
 * programs are measured by the same code. GTK-only on purpose. */

#include "gdnn-first-frame.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct
{
  GdkSurface *surface;
  gboolean    rendered;
  gboolean    done;
} Watch;

/* An emission hook, since the window's own "render" handler stops the
 * emission: marks that our surface is being drawn in this frame. */
static gboolean
on_render (GSignalInvocationHint *hint,
           guint                  n_values,
           const GValue          *values,
           gpointer               user_data)
{
  Watch *watch = user_data;

  if (g_value_get_object (&values[0]) != (GObject *) watch->surface)
    return TRUE;
  watch->rendered = TRUE;
  return FALSE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  Watch *watch = user_data;
  const char *t0 = g_getenv ("GDNN_BENCH_T0_US");
  gint64 now = g_get_monotonic_time ();
  GApplication *app;

  if (!watch->rendered || watch->done)
    return;
  watch->done = TRUE;
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", t0 != NULL ? now - g_ascii_strtoll (t0, NULL, 10) : now);
  fflush (stdout);
  /* A borrowed reference: cppcheck's gtk library takes it for an
   * allocation; keeping it in a variable says what it is. */
  app = g_application_get_default ();
  if (app != NULL)
    g_application_quit (app);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  Watch *watch = user_data;

  watch->surface = surface;
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0, on_render, watch, NULL);
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint", G_CALLBACK (on_after_paint), user_data);
}

/* Call before presenting @window. */
void
gdnn_first_frame_watch (GtkWindow *window)
{
  static Watch watch;

  if (g_strcmp0 (g_getenv ("GDNN_BENCH_FIRST_FRAME"), "1") != 0)
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), &watch);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), &watch);
}
