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
 * accepts survives a round trip through the matching formatter; two
 * numbers print in the order they compare. */

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

/* Two numbers printed with the digits gdnn_number_decimals () gives read
 * in the order gdnn_number_compare () gives: what decides "Đạt" or
 * "Chưa đạt" is what the reader sees. */
static void
check_compare (const char *a_text,
               const char *b_text)
{
  double a = 0, b = 0, a_again = 0, b_again = 0;
  int order, decimals;

  if (!gdnn_parse_number (a_text, &a, NULL) || !gdnn_parse_number (b_text, &b, NULL))
    return;
  order = gdnn_number_compare (a, b);
  if (order != -gdnn_number_compare (b, a) || gdnn_number_compare (a, a) != 0)
    __builtin_trap ();
  decimals = gdnn_number_decimals (a, &b, 1, 0);
  if (decimals < 0 || decimals > GDNN_MAX_DECIMALS)
    __builtin_trap ();

  {
    g_autofree char *a_printed = gdnn_format_number (a, decimals);
    g_autofree char *b_printed = gdnn_format_number (b, decimals);

    if ((order == 0) != g_str_equal (a_printed, b_printed))
      __builtin_trap ();
    /* Below 1e9 a double holds the printed digits exactly enough. */
    if (fabs (a) < 1e9 && fabs (b) < 1e9 &&
        gdnn_parse_number (a_printed, &a_again, NULL) && gdnn_parse_number (b_printed, &b_again, NULL) &&
        (a_again > b_again) - (a_again < b_again) != order)
      __builtin_trap ();
  }
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
  check_compare (first, second);
  return 0;
}
