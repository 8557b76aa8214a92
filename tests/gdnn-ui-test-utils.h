/* gdnn-ui-test-utils.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers shared by the window tests that run under Xvfb: their start
 * and end, spinning the main loop, finding mapped labels and entries in a
 * widget tree, and saving a PNG of a widget for review in the test
 * output. */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-test-utils.h"

/* The start of a window test's main(): the translations, GTK in test
 * mode and libadwaita. */
static inline void
gdnn_ui_test_init (int    *argc,
                   char ***argv)
{
  gdnn_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* A demo database (sample data of 2026) in a private temporary folder
 * returned in @out_dir; remove it with gdnn_test_remove_tree(). */
static inline GdnnStore *
gdnn_ui_open_demo_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gdnn-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  GdnnStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "gdnn.db", NULL);
  store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (gdnn_demo_populate (store, 2026, &error));
  g_assert_no_error (error);
  *out_dir = g_steal_pointer (&dir);
  return store;
}

/* Runs the default main context for @ms milliseconds. */
static inline void
gdnn_ui_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The end of a window test: closes @window, lets GTK finish with it,
 * then drops the store and removes its folder @dir. */
static inline void
gdnn_ui_close (GtkWindow  *window,
               GdnnStore **store,
               const char *dir)
{
  gtk_window_destroy (window);
  gdnn_ui_iterate (100);
  g_clear_object (store);
  gdnn_test_remove_tree (dir);
}

/* The first visible toplevel window of @type other than @other_than
 * (%NULL: any), or %NULL. */
static inline gpointer
gdnn_ui_find_toplevel (GType      type,
                       GtkWidget *other_than)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && w != other_than && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* Runs the main loop until gdnn_ui_find_toplevel() finds a window (windows
 * open from worker threads' results: how long depends on the machine's
 * load), at most 20 s; fails the test without one. */
static inline gpointer
gdnn_ui_wait_for_toplevel (GType      type,
                           GtkWidget *other_than)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gpointer found;

  while ((found = gdnn_ui_find_toplevel (type, other_than)) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  g_assert_nonnull (found);
  return found;
}

static inline GtkWidget *gdnn_ui_find_label (GtkWidget *root, const char *needle);

/* Runs the main loop until a label containing @needle shows under @root
 * (pages load in worker threads: how long depends on the machine's
 * load), at most 10 s; returns it or NULL. */
static inline GtkWidget *
gdnn_ui_wait_for_label (GtkWidget  *root,
                        const char *needle)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = gdnn_ui_find_label (root, needle)) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
  return label;
}

/* Runs the main loop until @model holds @n items (lists fill in chunks, so
 * how long that takes depends on the machine's load), at most 10 s. */
static inline void
gdnn_ui_wait_for_n_items (GListModel *model,
                          guint       n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) != n && g_get_monotonic_time () < end)
    gdnn_ui_iterate (20);
}

/* The first mapped GtkLabel or GtkInscription (the text of list cells
 * that change often) under @root whose text contains @needle. */
static inline GtkWidget *
gdnn_ui_find_label (GtkWidget  *root,
                    const char *needle)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (root))
    text = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_INSCRIPTION (root))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (root));
  if (text != NULL && gtk_widget_get_mapped (root) && strstr (text, needle) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gdnn_ui_find_label (child, needle);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Appends every mapped widget of @type under @root to @out, in tree order. */
static inline void
gdnn_ui_collect (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gdnn_ui_collect (child, type, out);
}

/* The mapped button under @root whose label (with its mnemonic) is @label, or
 * %NULL. */
static inline GtkWidget *
gdnn_ui_find_button (GtkWidget  *root,
                     const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gdnn_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static inline void
gdnn_ui_on_after_paint (GdkFrameClock *clock,
                        gboolean      *painted)
{
  *painted = TRUE;
}

/* Spins the main loop until @widget's window has been laid out and
 * painted once more: a loaded machine (ASan) may otherwise catch the
 * window between a resize and its layout, e.g. while the view switcher
 * bar is revealed, and the snapshot is empty. */
static inline void
gdnn_ui_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gulong id;

  if (clock == NULL)
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (gdnn_ui_on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, id);
}

/* Saves what @widget shows as a PNG named @name in
 * $GDNN_TEST_OUTPUT/screenshots (or the test build folder). */
static inline void
gdnn_ui_save_png (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("GDNN_TEST_OUTPUT");
  g_autofree char *outdir = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *path = NULL;
  int width, height;

  gdnn_ui_wait_for_paint (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  /* A widget waiting for a new size allocation draws nothing (e.g. while a
   * list is still being filled from idle callbacks): let the main loop
   * settle and try again. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        gdnn_ui_iterate (20);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  g_assert_nonnull (texture);

  g_mkdir_with_parents (outdir, 0755);
  path = g_build_filename (outdir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}
