/* main.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gdnn-application.h"
#include "gdnn-cli.h"
#include "gdnn-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;

  gdnn_i18n_init ();

  if (!gdnn_cli_parse_global (&argc, &argv, &db_path, &error))
    {
      g_printerr ("gdnn-report: %s\n", error->message);
      return 2;
    }
  if (db_path == NULL)
    db_path = gdnn_cli_default_db_path ();

  if (argc > 1)
    return gdnn_cli_run (db_path, argc - 1, argv + 1);

  {
    g_autoptr(GdnnApplication) app = gdnn_application_new (db_path);
    return g_application_run (G_APPLICATION (app), 1, argv);
  }
}
