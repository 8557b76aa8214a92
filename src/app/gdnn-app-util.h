/* gdnn-app-util.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

int  gdnn_chars_to_px              (GtkWidget           *widget,
                                    int                  chars);
void gdnn_column_set_width_chars   (GtkColumnViewColumn *column,
                                    GtkWidget           *widget,
                                    int                  chars);

void gdnn_widget_show_toast        (GtkWidget           *widget,
                                    const char          *message);
void gdnn_widget_show_failure      (GtkWidget           *widget,
                                    const char          *message);
char *gdnn_error_sentence          (const GError        *error);

void gdnn_widget_set_tooltip       (GtkWidget           *widget,
                                    const char          *text);
const char *gdnn_widget_get_tooltip (GtkWidget           *widget);
void gdnn_template_set_tooltips    (GtkWidget           *widget,
                                    GType                template_type,
                                    const char *const   *tooltips);
void gdnn_menu_button_set_menu_later (GtkMenuButton     *button,
                                      GMenuModel        *model);

void gdnn_file_chooser_set_start_folder (GtkFileChooser *chooser);
GtkFileChooserNative *gdnn_save_chooser_new (GtkWidget  *widget,
                                             const char *title,
                                             const char *accept_label,
                                             const char *current_name,
                                             const char *filter_name,
                                             const char *suffix);

void gdnn_year_dropdown_set_range   (GtkDropDown         *dropdown,
                                    int                  first,
                                    int                  last,
                                    int                  selected);
int  gdnn_year_dropdown_get_year   (GtkDropDown         *dropdown);

G_END_DECLS
