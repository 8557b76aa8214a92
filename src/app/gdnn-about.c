/* gdnn-about.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-about"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-about.h"

/**
 * gdnn_about_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * The About window: name, icon, version, licence, credits and what the
 * release brings (the same notes as the metainfo's release 0.1.0).
 *
 * Returns: (transfer floating): a new #AdwAboutWindow, not yet shown
 */
GtkWidget *
gdnn_about_window_new (GtkWindow *parent)
{
  static const char *developers[] = { "The gdnn-report authors", NULL };
  /* Translators: your names, one per line, shown in the About window's credits. */
  const char *translators = _("translator-credits");
  g_autofree char *notes = NULL;
  GtkWidget *about;

  notes = g_strdup_printf ("<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li><li>%s</li></ul>",
                           _("The first release."),
                           _("Plans with indicators, targets, tasks and budget lines; forms for the year's values, "
                             "tasks and budget, checked as they are typed"),
                           _("The yearly report in the official layout, exported as PDF and Excel, with its warnings"),
                           _("For the receiving office: import of the received files, checks, accept or return, "
                             "and the office's summary"),
                           _("A command line for every task, with backups and a consistency check"));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("GDNN Plans and Reports"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The gdnn-report authors",
                        "developers", developers,
                        "copyright", "© 2026 The gdnn-report authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", PACKAGE_URL,
                        "issue-url", PACKAGE_URL "/issues",
                        "comments", _("Keep a vocational-education institution's plans, indicators and tasks, and prepare the yearly report."),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", notes,
                        NULL);
  /* Untranslated (English), the msgid itself would show. */
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);
  return about;
}
