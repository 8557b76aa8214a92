/* gdnn-app-util.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gdnn-app-util.h"

/* @chars average characters of @widget's font, in pixels, plus a cell's
 * padding: widths follow the font size the user chose. */
int
gdnn_chars_to_px (GtkWidget *widget,
                  int        chars)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return chars * PANGO_PIXELS (width) + 16;
}

/* A column of fixed width never makes the column view measure every
 * visible cell to size it, which made scrolling a long list stutter
 * (bench/bench-forms). */
void
gdnn_column_set_width_chars (GtkColumnViewColumn *column,
                             GtkWidget           *widget,
                             int                  chars)
{
  gtk_column_view_column_set_fixed_width (column, gdnn_chars_to_px (widget, chars));
}

/* Shows @message in the toast overlay of the window @widget is in; a page
 * reports what happened this way rather than with a dialog. */
void
gdnn_widget_show_toast (GtkWidget  *widget,
                        const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}
