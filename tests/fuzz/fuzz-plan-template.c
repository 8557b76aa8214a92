/* fuzz-plan-template.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the plan-template parser (JSON, docs in
 * resources/plans/): any bytes are imported into a database made once,
 * inside a transaction that is rolled back, so every input meets the same
 * empty database. The import returns a plan or an error with a message,
 * never crashes, and a plan it accepted leaves the database consistent. */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "gdnn-plan-template.h"
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GdnnStore *store = fuzz_store_get (FALSE);
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  if (!gdnn_store_begin (store, &error))
    __builtin_trap ();
  plan_id = gdnn_plan_template_import_data (store, size > 0 ? (const char *) data : "", size,
                                            "fuzz.json", &error);
  if ((plan_id > 0) == (error != NULL) || plan_id < 0 || (error != NULL && error->message[0] == '\0'))
    __builtin_trap ();
  if (error != NULL && g_getenv ("GDNN_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s\n", error->message);
  if (plan_id > 0)
    fuzz_store_assert_consistent (store);
  gdnn_store_rollback (store);
  return 0;
}
