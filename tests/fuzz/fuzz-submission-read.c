/* fuzz-submission-read.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the submitted-file reader: any bytes go in; the
 * reader must return a submission or an error, never crash, leak or hang.
 * Built with clang -fsanitize=fuzzer by `./dev fuzz`, and with any
 * compiler together with fuzz-main.c as a regression program that runs
 * the seed corpus and every former crash (tests/fuzz/regressions). */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "gdnn-submission-read.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnSubmission) sub = gdnn_submission_read_bytes (bytes, &error);

  /* Exactly one of the two, and an error always says why. */
  if ((sub == NULL) == (error == NULL) || (error != NULL && (error->message == NULL || *error->message == '\0')))
    __builtin_trap ();
  return 0;
}
