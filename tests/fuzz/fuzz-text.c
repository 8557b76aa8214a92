/* fuzz-text.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for what users type the Vietnamese way: numbers
 * ("1.234,5"), machine numbers of the CSV files ("1234.5"), dates
 * ("30/11/2026", "2026-11-30"), amounts of money ("1,4 tỷ",
 * "1.400.000.000 đồng") and the search and sort keys. Any bytes go in;
 * every parser returns a value or an error with a message, and what it
 * accepts survives a round trip through the matching formatter. */

#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gdnn-budget.h"
#include "gdnn-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_error (gboolean  ok,
             GError   *error)
{
  if (ok == (error != NULL) || (error != NULL && error->message[0] == '\0'))
    __builtin_trap ();
}

static void
check_number (const char *text)
{
  g_autoptr(GError) error = NULL;
  double value = 0, again = 0;
  gboolean ok = gdnn_parse_number (text, &value, &error);

  check_error (ok, error);
  if (!ok)
    return;
  if (!isfinite (value))
    __builtin_trap ();

  /* Six decimals are the most the formatter writes. */
  {
    g_autofree char *formatted = gdnn_format_number (value, 6);

    if (!gdnn_parse_number (formatted, &again, NULL) ||
        fabs (again - value) > 1e-6 + fabs (value) * 1e-12)
      __builtin_trap ();
  }
}

static void
check_decimal_c (const char *text)
{
  g_autoptr(GError) error = NULL;
  double value = 0;
  gboolean ok = gdnn_parse_decimal_c (text, &value, &error);

  check_error (ok, error);
  if (ok && !isfinite (value))
    __builtin_trap ();
}

static void
check_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date, again;
  gboolean ok = gdnn_parse_date (text, &date, &error);

  check_error (ok, error);
  if (!ok)
    return;
  if (!g_date_valid (&date))
    __builtin_trap ();

  {
    g_autofree char *formatted = gdnn_format_date (&date);
    g_autofree char *iso = gdnn_format_date_iso (&date);

    if (!gdnn_parse_date (formatted, &again, NULL) || g_date_compare (&date, &again) != 0)
      __builtin_trap ();
    if (!gdnn_parse_date (iso, &again, NULL) || g_date_compare (&date, &again) != 0)
      __builtin_trap ();
  }
}

static void
check_money (const char *text)
{
  g_autoptr(GError) error = NULL;
  gboolean has_value = FALSE, has_again = FALSE;
  gint64 dong = -1, again = -1;
  gboolean ok = gdnn_budget_parse_money (text, &has_value, &dong, &error);

  check_error (ok, error);
  if (!ok || !has_value)
    return;
  if (dong < 0 || dong > GDNN_BUDGET_MAX_DONG)
    __builtin_trap ();

  {
    g_autofree char *formatted = gdnn_format_money (dong);
    g_autofree char *plain = gdnn_format_integer (dong);

    if (!gdnn_budget_parse_money (formatted, &has_again, &again, NULL) || !has_again || again != dong)
      __builtin_trap ();
    if (!gdnn_budget_parse_money (plain, &has_again, &again, NULL) || !has_again || again != dong)
      __builtin_trap ();
  }
}

static void
check_search (const char *a,
              const char *b)
{
  g_autofree char *folded = gdnn_search_fold (a);
  g_autofree char *key_a = gdnn_collate_key (a);
  g_autofree char *key_b = gdnn_collate_key (b);

  if (!g_utf8_validate (folded, -1, NULL))
    __builtin_trap ();
  /* A text always finds itself. */
  if (g_utf8_validate (a, -1, NULL) && !gdnn_search_match (a, a))
    __builtin_trap ();
  gdnn_search_match (a, b);
  if (gdnn_collate (a, b) != -gdnn_collate (b, a) || gdnn_collate (a, a) != 0)
    __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The parsers take C strings: the input up to its first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *newline = strchr (text, '\n');
  g_autofree char *first = newline != NULL ? g_strndup (text, (gsize) (newline - text)) : g_strdup (text);
  const char *second = newline != NULL ? newline + 1 : "";

  check_number (text);
  check_decimal_c (text);
  check_date (text);
  check_money (text);
  check_search (first, second);
  return 0;
}
