/* fuzz-store.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A database for the fuzz targets that import: made once per process in a
 * private temporary folder (removed at exit), optionally with the demo
 * data. Each input runs inside an outer transaction that is rolled back,
 * so every input meets the same database and the fuzzer stays
 * deterministic. */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "gdnn-demo.h"
#include "gdnn-store.h"

static GdnnStore *fuzz_store;
static char *fuzz_dir;

static void
fuzz_store_cleanup (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fuzz_store);
  if (fuzz_dir == NULL)
    return;
  dir = g_dir_open (fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

/* Aborts when the database cannot be made: nothing could be fuzzed. */
static G_GNUC_UNUSED GdnnStore *
fuzz_store_get (gboolean with_demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fuzz_store != NULL)
    return fuzz_store;

  fuzz_dir = g_dir_make_tmp ("gdnn-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (fuzz_store_cleanup);
  path = g_build_filename (fuzz_dir, "gdnn.db", NULL);
  fuzz_store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (with_demo)
    {
      gdnn_demo_populate (fuzz_store, 2026, &error);
      g_assert_no_error (error);
    }
  return fuzz_store;
}

/* A path in the private folder, for the APIs that read a file. */
static G_GNUC_UNUSED char *
fuzz_store_file (const char *name)
{
  g_assert (fuzz_dir != NULL);
  return g_build_filename (fuzz_dir, name, NULL);
}

/* The database must be consistent after a successful import. */
static G_GNUC_UNUSED void
fuzz_store_assert_consistent (GdnnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = gdnn_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("consistency: %s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    __builtin_trap ();
}
