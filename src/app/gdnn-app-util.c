/* gdnn-app-util.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-app-util.h"
#include "gdnn-store.h"

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

/**
 * gdnn_error_sentence:
 *
 * Returns: (transfer full): @error's message without its final full
 *   stop, to be put in a sentence of its own ("Chưa in được báo cáo: %s.
 *   Hãy…")
 */
char *
gdnn_error_sentence (const GError *error)
{
  char *text = g_strstrip (g_strdup (error != NULL ? error->message : ""));
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '.')
    text[--len] = '\0';
  return text;
}

/**
 * gdnn_widget_show_failure:
 * @widget: a widget in a window, or the window itself
 * @message: what failed and what to do, plain text
 *
 * A failure the user has to read: a toast that stays until it is
 * dismissed, in the toast overlay @widget is in, or the one of its
 * window (an AdwApplicationWindow whose content is the overlay, or an
 * AdwPreferencesWindow).
 */
void
gdnn_widget_show_failure (GtkWidget  *widget,
                          const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);
  GtkWidget *label = gtk_label_new (message);

  /* The whole message is read, on as many lines as it needs: a toast's
   * own title is one line, cut with "…". */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  adw_toast_set_custom_title (toast, label);

  /* Shown at once, the toast shown before going back in the queue. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  if (overlay == NULL && ADW_IS_APPLICATION_WINDOW (widget) &&
      ADW_IS_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget))))
    overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (ADW_IS_PREFERENCES_WINDOW (widget))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget), toast);
  else
    {
      g_warning ("%s", message);
      g_object_unref (toast);
    }
}

#define TOOLTIP_KEY "gdnn-tooltip"
#define TOOLTIP_HANDLER_KEY "gdnn-tooltip-handler"

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * gdnn_widget_set_tooltip:
 * @widget: a widget
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Sets the text shown when the pointer rests on @widget, like
 * gtk_widget_set_tooltip_text(), but without its cost: GTK 4.8 asks the
 * display server where the pointer is at every such call (a round trip
 * to the X server, to update a tooltip being shown), whereas this text is
 * read only when a tooltip is about to be shown. Use it for the rows of a
 * list, bound again while scrolling, and for what the first frame builds.
 */
void
gdnn_widget_set_tooltip (GtkWidget  *widget,
                         const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (text != NULL && g_object_get_data (G_OBJECT (widget), TOOLTIP_HANDLER_KEY) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), TOOLTIP_HANDLER_KEY, GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
}

/**
 * gdnn_widget_get_tooltip:
 *
 * Returns: (nullable): the text set with gdnn_widget_set_tooltip()
 */
const char *
gdnn_widget_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
}

/**
 * gdnn_template_set_tooltips:
 * @widget: a widget built from a template of @template_type
 * @tooltips: pairs of a template object id and its (translated) tooltip,
 *   ending with %NULL
 *
 * Gives the template's widgets their tooltips with
 * gdnn_widget_set_tooltip(): a "tooltip-text" in a .ui file costs an X
 * round trip each while the page is built.
 */
void
gdnn_template_set_tooltips (GtkWidget  *widget,
                            GType       template_type,
                            const char *const *tooltips)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; tooltips[i] != NULL && tooltips[i + 1] != NULL; i += 2)
    {
      GObject *child = gtk_widget_get_template_child (widget, template_type, tooltips[i]);

      g_return_if_fail (GTK_IS_WIDGET (child));
      gdnn_widget_set_tooltip (GTK_WIDGET (child), tooltips[i + 1]);
    }
}

static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/**
 * gdnn_menu_button_set_menu_later:
 *
 * Gives @button its menu when it is first opened (a click or F10) rather
 * than now: a menu model builds its popover and every item at once.
 */
void
gdnn_menu_button_set_menu_later (GtkMenuButton *button,
                                 GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_menu_popup, g_object_ref (model), g_object_unref);
}

/**
 * gdnn_file_chooser_set_start_folder:
 * @chooser: a file chooser not shown yet
 *
 * Starts @chooser in the user's Documents folder, else the home folder
 * or the desktop, but never in a folder that holds a database this
 * process has open: GTK's own chooser (shown in this process when no
 * portal shows it from another) reads the first bytes of every file of
 * the folder it lists, and an open and close of the database's files
 * outside SQLite drops SQLite's locks. (The stores' lock file keeps the
 * data safe even then: see gdnn-store.c.) Without such a folder, the
 * chooser starts where GTK starts it.
 */
void
gdnn_file_chooser_set_start_folder (GtkFileChooser *chooser)
{
  const char *candidates[] = {
    g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS),
    g_get_home_dir (),
    g_get_user_special_dir (G_USER_DIRECTORY_DESKTOP),
  };

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GFile) folder = NULL;

      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_IS_DIR) ||
          gdnn_store_folder_is_in_use (candidates[i]))
        continue;
      folder = g_file_new_for_path (candidates[i]);
      if (gtk_file_chooser_set_current_folder (chooser, folder, NULL))
        return;
    }
}

static void
on_refusal_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkNativeDialog  *chooser)
{
  gtk_native_dialog_show (chooser);
}

/* A save chooser's answer naming the database (or a file SQLite keeps
 * beside it) never reaches the export: the user is told and picks again
 * in the same chooser. */
static void
refuse_database_file (GtkNativeDialog *chooser,
                      int              response,
                      gpointer         user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  const char *path;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_peek_path (file) : NULL;
  if (path == NULL || !gdnn_store_is_database_file (path))
    return;

  g_signal_stop_emission_by_name (chooser, "response");
  name = g_filename_display_basename (path);
  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("“%s” is the program's data file or one of the files kept beside it while it is "
                            "open: saving over it would destroy the data. Choose another name or folder."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_native_dialog_get_transient_for (chooser),
                                                       _("Choose Another File"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refusal_response), chooser, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gdnn_save_chooser_new:
 * @widget: the widget asking; the chooser is modal over its window
 * @title: the chooser's title
 * @accept_label: the button that saves ("_Save", "_Export")
 * @current_name: the file name offered
 * @filter_name: the name of the one filter ("CSV files")
 * @suffix: the filter's file suffix, without the dot ("csv")
 *
 * A modal "save" chooser as every export of the program shows it, in the
 * folder gdnn_file_chooser_set_start_folder() picks; it refuses the
 * database and the files beside it. Connect to its "response" and
 * gtk_native_dialog_show() it.
 *
 * Returns: (transfer full): the chooser
 */
GtkFileChooserNative *
gdnn_save_chooser_new (GtkWidget  *widget,
                       const char *title,
                       const char *accept_label,
                       const char *current_name,
                       const char *filter_name,
                       const char *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_suffix (filter, suffix);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gdnn_file_chooser_set_start_folder (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  /* Before the caller's own handler. */
  g_signal_connect (chooser, "response", G_CALLBACK (refuse_database_file), NULL);
  return chooser;
}

#define YEAR_FIRST_KEY "gdnn-first-year"

/* Fills @dropdown with the years @first to @last and selects @selected.
 * While it is filled, gdnn_year_dropdown_get_year() returns 0, so a
 * notify::selected handler can tell a fill from the user's choice. */
void
gdnn_year_dropdown_set_range (GtkDropDown *dropdown,
                              int          first,
                              int          last,
                              int          selected)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (first <= last);

  g_object_set_data (G_OBJECT (dropdown), YEAR_FIRST_KEY, NULL);
  for (int y = first; y <= last; y++)
    {
      char text[16];
      g_snprintf (text, sizeof text, "%d", y);
      gtk_string_list_append (years, text);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (dropdown, (guint) (CLAMP (selected, first, last) - first));
  g_object_set_data (G_OBJECT (dropdown), YEAR_FIRST_KEY, GINT_TO_POINTER (first));
}

/* The year selected in a drop-down filled by
 * gdnn_year_dropdown_set_range(), or 0 while none is. */
int
gdnn_year_dropdown_get_year (GtkDropDown *dropdown)
{
  int first = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), YEAR_FIRST_KEY));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (first == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  return first + (int) selected;
}
