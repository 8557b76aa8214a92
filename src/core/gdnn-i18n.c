/* gdnn-i18n.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gdnn-i18n.h"
#include "gdnn-settings.h"

/* The languages we ship a catalogue for, besides the English msgids. */
static const char * const translated[] = { "vi", NULL };

static gboolean
language_available (const char *language)
{
  if (g_str_has_prefix (language, "en"))
    return TRUE;
  for (guint i = 0; translated[i] != NULL; i++)
    if (g_str_has_prefix (language, translated[i]))
      return TRUE;
  return FALSE;
}

/* The language chosen in the preferences ("vi", "en"), or NULL to follow
 * the locale. */
static char *
language_override (void)
{
  g_autoptr(GSettings) settings = gdnn_settings_new ();
  g_autofree char *language = NULL;

  if (settings == NULL)
    return NULL;
  language = g_settings_get_string (settings, "ui-language");
  if (language[0] == '\0' || !language_available (language))
    return NULL;
  return g_steal_pointer (&language);
}

/**
 * gdnn_i18n_init:
 *
 * Sets up gettext. The program speaks Vietnamese unless the user's locale
 * asks for a language we have (English, Vietnamese): a French or a bare
 * "C" locale gets Vietnamese, as the users of this program expect.
 * The "ui-language" setting, when set, wins over the locale.
 * GDNN_LOCALEDIR points at uninstalled catalogues (the build tree).
 */
void
gdnn_i18n_init (void)
{
  const char *locale = setlocale (LC_ALL, "");
  const char *localedir = g_getenv ("GDNN_LOCALEDIR");
  const char *const *languages;
  g_autofree char *override = NULL;
  gboolean have = FALSE;

  /* gettext ignores LANGUAGE in the plain C locale; C.UTF-8 keeps the C
   * conventions and lets the catalogue load. */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  override = language_override ();
  if (override != NULL)
    g_setenv ("LANGUAGE", override, TRUE);

  languages = g_get_language_names ();
  for (guint i = 0; languages[i] != NULL; i++)
    if (!g_str_equal (languages[i], "C") && language_available (languages[i]))
      {
        have = TRUE;
        break;
      }
  if (!have)
    g_setenv ("LANGUAGE", "vi", TRUE);

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
