/* test-text.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "gdnn-text.h"

static void
test_format_number (void)
{
  static const struct
  {
    double      value;
    int         decimals;
    const char *expected;
  } cases[] = {
    { 1234567.5, 1, "1.234.567,5" },
    { 1234567.5, 0, "1.234.568" },
    { 1234567.5, 2, "1.234.567,50" },
    { 0.0, 0, "0" },
    { 0.0, 2, "0,00" },
    { -0.0, 0, "0" },
    { -0.0, 1, "0,0" },
    { -0.04, 1, "0,0" },
    { -0.05, 1, "-0,1" },
    { -0.4, 0, "0" },
    { 0.5, 0, "1" },
    { 1.5, 0, "2" },
    { 2.5, 0, "3" },
    { -2.5, 0, "-3" },
    { 1.005, 2, "1,01" },
    { 2.675, 2, "2,68" },
    { 1.0049, 2, "1,00" },
    { 0.125, 2, "0,13" },
    { 0.005, 2, "0,01" },
    { 0.0049, 2, "0,00" },
    { 999.5, 0, "1.000" },
    { 999999.95, 1, "1.000.000,0" },
    { 9.9999995, 6, "10,000000" },
    { 12, 0, "12" },
    { 123, 0, "123" },
    { 1234, 0, "1.234" },
    { 12345, 0, "12.345" },
    { 123456, 0, "123.456" },
    { -1234567.891, 2, "-1.234.567,89" },
    { 47.5, 1, "47,5" },
    { 1e-300, 2, "0,00" },
    { 1e20, 0, "100.000.000.000.000.000.000" },
    { 9007199254740991.0, 0, "9.007.199.254.740.991" },
    { 0.1 + 0.2, 6, "0,300000" },
    { 3.14159, -5, "3" },
    { 3.14159265, 12, "3,141593" },
    { NAN, 2, "—" },
    { INFINITY, 0, "—" },
    { -INFINITY, 0, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = gdnn_format_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_format_integer (void)
{
  static const struct
  {
    gint64      value;
    const char *expected;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1.000" },
    { -1234, "-1.234" },
    { -999, "-999" },
    { 1400000000, "1.400.000.000" },
    { G_MAXINT64, "9.223.372.036.854.775.807" },
    { G_MININT64, "-9.223.372.036.854.775.808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = gdnn_format_integer (cases[i].value);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_format_percent (void)
{
  static const struct
  {
    double      value;
    int         decimals;
    const char *expected;
  } cases[] = {
    { 47.5, 1, "47,5%" },
    { 50.0, 1, "50%" },
    { 50.0, 0, "50%" },
    { 99.14, 1, "99,1%" },
    { 99.96, 1, "100%" },
    { 47.50, 2, "47,5%" },
    { 33.333333, 2, "33,33%" },
    { 1234.5, 1, "1.234,5%" },
    { -2.5, 1, "-2,5%" },
    { -0.01, 1, "0%" },
    { 0.0, 1, "0%" },
    { NAN, 1, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = gdnn_format_percent (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_format_number_trim (void)
{
  static const struct
  {
    double      value;
    int         decimals;
    const char *expected;
  } cases[] = {
    { 1333.333, 1, "1.333,3" },
    { 1333.0, 2, "1.333" },
    { 1333.30, 2, "1.333,3" },
    { 1333.996, 2, "1.334" },
    { -0.001, 2, "0" },
    { NAN, 2, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = gdnn_format_number_trim (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

/* Numbers compare as they print with six digits after the comma. */
static void
test_number_compare (void)
{
  g_assert_cmpint (gdnn_number_compare (59.96, 60), ==, -1);
  g_assert_cmpint (gdnn_number_compare (60, 59.96), ==, 1);
  g_assert_cmpint (gdnn_number_compare (60, 60), ==, 0);
  /* Floating-point noise: 0.1 + 0.2 is 0.30000000000000004. */
  g_assert_cmpint (gdnn_number_compare ((0.1 + 0.2) * 100, 30), ==, 0);
  g_assert_cmpint (gdnn_number_compare (59.9999999, 60), ==, 0);
  g_assert_cmpint (gdnn_number_compare (59.999999, 60), ==, -1);
  g_assert_cmpint (gdnn_number_compare (-1, 0), ==, -1);
  g_assert_cmpint (gdnn_number_compare (-2, -1), ==, -1);
  g_assert_cmpint (gdnn_number_compare (-0.0000001, 0), ==, 0);
  g_assert_cmpint (gdnn_number_compare (999.9999996, 1000), ==, 0);
  g_assert_cmpint (gdnn_number_compare (1000, 999.99999), ==, 1);
}

/* The digits that print a value beside its levels in the order they
 * compare: what a report shows beside "Đạt" or "Chưa đạt". */
static void
test_number_decimals (void)
{
  static const struct
  {
    double      value;
    double      reference;
    int         min_decimals;
    int         decimals;
    const char *value_text;      /* both through gdnn_format_percent () */
    const char *reference_text;
  } cases[] = {
    /* 1499/2500 beside 60%: not "60%" and "60%". */
    { 1499.0 / 2500 * 100, 60, 1, 2, "59,96%", "60%" },
    { 60, 60, 1, 1, "60%", "60%" },
    { 61.7, 60, 1, 1, "61,7%", "60%" },
    /* Expected on a line between two milestones. */
    { 57.13, 400.0 / 7, 1, 2, "57,13%", "57,14%" },
    { 59.999, 60, 1, 3, "59,999%", "60%" },
    { 60.04, 60, 1, 2, "60,04%", "60%" },
    { 59.9999999, 60, 1, 1, "60%", "60%" },
    { 59.999999, 60, 1, 6, "59,999999%", "60%" },
    { 1333, 4000.0 / 3, 0, 1, "1.333%", "1.333,3%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int d = gdnn_number_decimals (cases[i].value, &cases[i].reference, 1, cases[i].min_decimals);
      g_autofree char *value = gdnn_format_percent (cases[i].value, d);
      g_autofree char *reference = gdnn_format_percent (cases[i].reference, d);

      g_test_message ("case %u: %d digits", i, d);
      g_assert_cmpint (d, ==, cases[i].decimals);
      g_assert_cmpstr (value, ==, cases[i].value_text);
      g_assert_cmpstr (reference, ==, cases[i].reference_text);
    }

  /* Several references: the most digits any of them needs. */
  {
    const double refs[] = { 60, 400.0 / 7, 100 };
    g_assert_cmpint (gdnn_number_decimals (57.13, refs, G_N_ELEMENTS (refs), 1), ==, 2);
    g_assert_cmpint (gdnn_number_decimals (59.999, refs, G_N_ELEMENTS (refs), 1), ==, 3);
  }

  /* A given order, or -1 when six digits cannot show it. */
  g_assert_cmpint (gdnn_number_decimals_for (99.9, 100, -1, 1), ==, 1);
  g_assert_cmpint (gdnn_number_decimals_for (99.96, 100, -1, 1), ==, 2);
  g_assert_cmpint (gdnn_number_decimals_for (99.99999999, 100, -1, 1), ==, -1);
}

static void
test_format_money (void)
{
  g_autofree char *big = gdnn_format_money (1400000000);
  g_autofree char *small = gdnn_format_money (0);
  g_autofree char *negative = gdnn_format_money (-150000000);

  g_assert_cmpstr (big, ==, "1.400.000.000 đồng");
  g_assert_cmpstr (small, ==, "0 đồng");
  g_assert_cmpstr (negative, ==, "-150.000.000 đồng");
}

static void
test_format_date (void)
{
  static const struct
  {
    guint       day;
    guint       month;
    guint       year;
    const char *short_form;
    const char *iso;
    const char *official;
  } cases[] = {
    { 30, 11, 2026, "30/11/2026", "2026-11-30", "Bắc Giang, ngày 30 tháng 11 năm 2026" },
    { 5, 1, 2026, "05/01/2026", "2026-01-05", "Bắc Giang, ngày 05 tháng 01 năm 2026" },
    { 29, 6, 2019, "29/06/2019", "2019-06-29", "Bắc Giang, ngày 29 tháng 6 năm 2019" },
    { 9, 2, 2024, "09/02/2024", "2024-02-09", "Bắc Giang, ngày 09 tháng 02 năm 2024" },
    { 10, 3, 2025, "10/03/2025", "2025-03-10", "Bắc Giang, ngày 10 tháng 3 năm 2025" },
    { 1, 12, 2025, "01/12/2025", "2025-12-01", "Bắc Giang, ngày 01 tháng 12 năm 2025" },
    { 31, 10, 2030, "31/10/2030", "2030-10-31", "Bắc Giang, ngày 31 tháng 10 năm 2030" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (cases[i].day, cases[i].month, cases[i].year);
      g_autofree char *short_form = gdnn_format_date (date);
      g_autofree char *iso = gdnn_format_date_iso (date);
      g_autofree char *official = gdnn_format_date_official ("Bắc Giang", date);

      g_assert_cmpstr (short_form, ==, cases[i].short_form);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpstr (official, ==, cases[i].official);
    }
}

static void
test_format_date_official_no_place (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (5, 11, 2025);
  g_autofree char *no_place = gdnn_format_date_official (NULL, date);
  g_autofree char *empty_place = gdnn_format_date_official ("", date);
  g_autofree char *hanoi = gdnn_format_date_official ("Hà Nội", date);

  g_assert_cmpstr (no_place, ==, "ngày 05 tháng 11 năm 2025");
  g_assert_cmpstr (empty_place, ==, "ngày 05 tháng 11 năm 2025");
  g_assert_cmpstr (hanoi, ==, "Hà Nội, ngày 05 tháng 11 năm 2025");
}

static void
test_parse_number_good (void)
{
  static const struct
  {
    const char *text;
    double      expected;
  } cases[] = {
    { "47", 47 },
    { "0", 0 },
    { "-0", 0 },
    { "1.234,5", 1234.5 },
    { "1234,5", 1234.5 },
    { "1.234.567", 1234567 },
    { "1.234.567,89", 1234567.89 },
    { "12.345", 12345 },
    { "123.456", 123456 },
    { "1.000", 1000 },
    { "0,5", 0.5 },
    { "007", 7 },
    { "-1.234", -1234 },
    { "−12,5", -12.5 },                 /* U+2212 minus sign */
    { "  42  ", 42 },
    { "\t1.234,5\n", 1234.5 },
    { "\u00A01.234\u00A0", 1234 },      /* NBSP around */
    { "1\u00A0234\u00A0567", 1234567 }, /* NBSP as grouping */
    { "1\u202F234,25", 1234.25 },       /* narrow NBSP as grouping */
    { "1234567", 1234567 },
    { "99,99", 99.99 },
    { "0,000001", 0.000001 },
    { "1,234", 1.234 },                 /* a decimal comma, not grouping */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -999;
      gboolean ok;

      ok = gdnn_parse_number (cases[i].text, &value, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpfloat_with_epsilon (value, cases[i].expected, 1e-9);
      g_assert_false (signbit (value) && value == 0.0);
    }
}

static void
test_parse_number_bad (void)
{
  static const char * const cases[] = {
    "",
    "   ",
    "-",
    "--1",
    "- 1",
    "+",
    "abc",
    "12a",
    "a12",
    "1,2,3",
    "1..2",
    "1.23",
    "1.5",
    "1234.5",
    "1.2345",
    "12.34.567",
    "1.234.56",
    "1234.567",
    ".5",
    ",5",
    "1,",
    "1.",
    "1.234,",
    "1.234,5.6",
    "1 234",              /* plain space is not a grouping separator */
    "1.234\u00A0567",     /* mixed separators */
    "1e3",
    "1E3",
    "0x10",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "Infinity",
    "1/2",
    "50%",
    "1,5,",
    "\xff\xfe",
    "12\xc3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 12345.0;
      gboolean ok;

      ok = gdnn_parse_number (cases[i], &value, &error);
      if (ok)
        g_test_fail_printf ("“%s” was accepted as %g", cases[i], value);
      g_assert_false (ok);
      g_assert_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpfloat (value, ==, 12345.0);
    }
}

static void
test_parse_number_overflow (void)
{
  g_autoptr(GString) huge = g_string_new ("1");
  g_autoptr(GError) error = NULL;
  double value = 1;

  for (guint i = 0; i < 400; i++)
    g_string_append_c (huge, '0');

  g_assert_false (gdnn_parse_number (huge->str, &value, &error));
  g_assert_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID);
  /* The message quotes only the beginning of a long input. */
  g_assert_nonnull (strstr (error->message, "…"));
  g_assert_cmpuint (strlen (error->message), <, 400);
}

static void
test_parse_number_messages (void)
{
  g_autoptr(GError) error = NULL;
  double value;

  g_assert_false (gdnn_parse_number ("1.5", &value, &error));
  g_assert_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“1.5”"));
  g_assert_nonnull (strstr (error->message, "dấu phẩy"));
  g_clear_error (&error);

  g_assert_false (gdnn_parse_number ("abc", &value, &error));
  g_assert_cmpstr (error->message, ==, "“abc” không phải là số hợp lệ (ví dụ: 1.234,5)");
}

static void
test_format_parse_roundtrip (void)
{
  static const double half_unit[] = { 0.5, 0.05, 0.005, 0.0005, 0.00005, 0.000005, 0.0000005 };

  for (guint i = 0; i < 2000; i++)
    {
      double value = g_test_rand_double_range (-1e9, 1e9);
      int decimals = g_test_rand_int_range (0, 7);
      g_autofree char *text = gdnn_format_number (value, decimals);
      g_autoptr(GError) error = NULL;
      double parsed = 0;

      g_assert_true (gdnn_parse_number (text, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (fabs (parsed - value), <=, half_unit[decimals] + 1e-6);
    }
}

static void
test_parse_decimal_c (void)
{
  static const struct
  {
    const char *text;
    double      expected;
  } good[] = {
    { "0", 0 },
    { "-0", 0 },
    { "1234.5", 1234.5 },
    { "-3", -3 },
    { "007.250", 7.25 },
    { "0.000001", 0.000001 },
    { "123456789012", 123456789012.0 },
  };
  static const char * const bad[] = {
    "", "-", "+3", " 1", "1 ", "1e3", "1E3", "1,5", "1.234,5", ".5", "5.", "-.5",
    "1.2.3", "inf", "nan", "0x1p3", "1_000", "１２",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -999;

      g_assert_true (gdnn_parse_decimal_c (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, good[i].expected, 1e-9);
      g_assert_false (signbit (value) && value == 0.0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 42;
      gboolean ok = gdnn_parse_decimal_c (bad[i], &value, &error);

      if (ok)
        g_test_fail_printf ("“%s” was accepted as %g", bad[i], value);
      g_assert_false (ok);
      g_assert_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID);
      g_assert_cmpfloat (value, ==, 42);
    }
}

static void
test_parse_date (void)
{
  static const struct
  {
    const char *text;
    guint       day;
    guint       month;
    guint       year;
  } good[] = {
    { "30/11/2026", 30, 11, 2026 },
    { "5/1/2026", 5, 1, 2026 },
    { "05/01/2026", 5, 1, 2026 },
    { "2026-11-30", 30, 11, 2026 },
    { "29/02/2024", 29, 2, 2024 },
    { " 1/12/2025 ", 1, 12, 2025 },
    { "31-12-2025", 31, 12, 2025 },
    { "31.12.2025", 31, 12, 2025 },
    { "2000-02-29", 29, 2, 2000 },
  };
  static const char * const bad[] = {
    "", "   ", "31/02/2026", "29/02/2025", "31/04/2026", "0/1/2026", "1/0/2026", "1/13/2026",
    "32/1/2026", "30/11/26", "30/11", "30/11/2026/1", "30-11/2026", "2026/11/30",
    "2026-1-5", "2026-02-30", "2026-13-01", "20261130", "30 / 11 / 2026", "ngày 30",
    "123/1/2026", "1/123/2026", "1/1/20266", "1/1/0000", "x30/11/2026", "30/11/2026x",
    "\xff/1/2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_assert_true (gdnn_parse_date (good[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_day (&date), ==, good[i].day);
      g_assert_cmpuint (g_date_get_month (&date), ==, good[i].month);
      g_assert_cmpuint (g_date_get_year (&date), ==, good[i].year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok;

      g_date_clear (&date, 1);
      ok = gdnn_parse_date (bad[i], &date, &error);
      if (ok)
        g_test_fail_printf ("“%s” was accepted as a date", bad[i]);
      g_assert_false (ok);
      g_assert_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_parse_date_messages (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (gdnn_parse_date ("31/02/2026", &date, &error));
  g_assert_cmpstr (error->message, ==,
                   "“31/02/2026” không phải là ngày hợp lệ: tháng 2 năm 2026 không có ngày 31");
  g_clear_error (&error);

  g_assert_false (gdnn_parse_date ("hôm qua", &date, &error));
  g_assert_cmpstr (error->message, ==,
                   "“hôm qua” không phải là ngày hợp lệ (ngày/tháng/năm, ví dụ: 30/11/2026)");
}

static void
test_search_fold (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "Đào tạo", "dao tao" },
    { "ĐẮK LẮK", "dak lak" },
    { "Tỷ lệ", "ty le" },
    { "TỶ LỆ", "ty le" },
    { "Bồi dưỡng", "boi duong" },
    { "ƯỚC TÍNH", "uoc tinh" },
    { "Nguyễn  Văn\u00A0\tA", "nguyen van a" },
    { "Đa\xcc\x80o", "dao" },                   /* decomposed grave */
    { "A\xcc\x86\xcc\x81n", "an" },             /* A + breve + acute */
    { "ＡＢＣ１２３", "abc123" },               /* full width */
    { "Straße", "strasse" },
    { "Crème brûlée", "creme brulee" },
    { "한국어", "한국어" },
    { "401/KH-UBND", "401/kh-ubnd" },
    { "", "" },
    { "bad \xff byte", "bad \xef\xbf\xbd byte" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gdnn_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].expected);
    }
}

static void
test_search_match (void)
{
  static const struct
  {
    const char *haystack;
    const char *needle;
    gboolean    expected;
  } cases[] = {
    { "Trường Cao đẳng Đắk Lắk", "dak lak", TRUE },
    { "Trường Cao đẳng Đắk Lắk", "ĐẮK", TRUE },
    { "Trường Cao đẳng Đắk Lắk", "cao dang", TRUE },
    { "Trường Cao đẳng Đắk Lắk", "trung cap", FALSE },
    { "Bồi dưỡng nhà giáo", "duong", TRUE },
    { "Bồi dưỡng nhà giáo", "boi", TRUE },
    { "Đào tạo", "dao", TRUE },
    { "Đào tạo", "dau", FALSE },
    { "Đào tạo", "", TRUE },
    { "", "", TRUE },
    { "", "a", FALSE },
    { "Tỷ lệ", "TỶ L", TRUE },
    { "abc", "abcd", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean result = gdnn_search_match (cases[i].haystack, cases[i].needle);

      if (result != cases[i].expected)
        g_test_fail_printf ("gdnn_search_match (“%s”, “%s”) returned %d",
                            cases[i].haystack, cases[i].needle, result);
    }
}

/* Each list is in the correct Vietnamese order. */
static const char * const *const collate_orders[] = {
  (const char *[]) { "An", "Án", "Ăn", "Ắn", "Ân", "Ấn", NULL },
  (const char *[]) { "Yen", "Yên", "Yến", NULL },
  (const char *[]) { "ban", "bàn", "bản", "bãn", "bán", "bạn", NULL },
  (const char *[]) { "Da", "Dâ", "Đa", NULL },
  (const char *[]) { "Uy", "Ư", "Ưa", "Ứa", "Ưng", "Ừng", "Ửng", "Ững", "Ứng", "Ựng", "Va", NULL },
  (const char *[]) { "Cao đẳng", "Con", "Cộng", "Cơ", "Cờ", "Cu", "Cư", NULL },
  (const char *[]) { "Ôm", "Ơn", "Ớt", "Pa", NULL },
  (const char *[]) { "Trường Cao đẳng Bắc Giang", "Trường Cao đẳng Bắc Kạn",
                     "Trường Cao đẳng Công nghệ", "Trường Đại học", "Trường Trung cấp", NULL },
  (const char *[]) { "An", "An Bình", "An  Bình Tây", "Anh", NULL },
  (const char *[]) { "an", "An", "án", "Án", "ăn", "Ăn", NULL },
  (const char *[]) { "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
                     "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y",
                     "z", NULL },
  (const char *[]) { "1", "2", "10", "10A", "100", "A1", "A2", "A10", "An", NULL },
  (const char *[]) { "Trường số 2", "Trường số 10", "Trường Số 10", NULL },
  (const char *[]) { "A B", "A-B", "A.B", "A1", "AB", NULL },
  (const char *[]) { "ba bà", "bà ba", "bà bà", NULL },
  (const char *[]) { "Dũng", "Duy", "Đào", "Đức", NULL },
  (const char *[]) { "zoo", "Ωmega", "中文", NULL },
  (const char *[]) { "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bến Tre", "Cà Mau", "Đắk Lắk",
                     "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Hà Giang", "Hà Nội",
                     "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Yên Bái",
                     NULL },
};

static GPtrArray *
shuffled_copy (const char * const *list)
{
  GPtrArray *array = g_ptr_array_new ();

  for (guint i = 0; list[i] != NULL; i++)
    g_ptr_array_add (array, (gpointer) list[i]);

  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_test_rand_int_range (0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }

  return array;
}

static void
test_collate_order (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (collate_orders); n++)
    {
      const char * const *list = collate_orders[n];
      guint len = g_strv_length ((char **) list);

      /* Every pair, both ways. */
      for (guint i = 0; i < len; i++)
        {
          g_assert_cmpint (gdnn_collate (list[i], list[i]), ==, 0);
          for (guint j = i + 1; j < len; j++)
            {
              if (gdnn_collate (list[i], list[j]) >= 0 || gdnn_collate (list[j], list[i]) <= 0)
                g_test_fail_printf ("“%s” should sort before “%s”", list[i], list[j]);
            }
        }

      /* Shuffled, then sorted, must come back in order. */
      for (guint round = 0; round < 20; round++)
        {
          g_autoptr(GPtrArray) array = shuffled_copy (list);

          g_ptr_array_sort (array, gdnn_collate_indirect);
          for (guint i = 0; i < len; i++)
            g_assert_cmpstr (g_ptr_array_index (array, i), ==, list[i]);
        }
    }
}

static void
test_collate_key (void)
{
  const char *composed = "Ấn";
  const char *decomposed = "A\xcc\x82\xcc\x81n";
  g_autofree char *key_composed = gdnn_collate_key (composed);
  g_autofree char *key_decomposed = gdnn_collate_key (decomposed);
  g_autofree char *key_empty = gdnn_collate_key ("");
  g_autofree char *key_bad = gdnn_collate_key ("A\xff");

  /* Canonically equivalent strings collate equal. */
  g_assert_cmpstr (key_composed, ==, key_decomposed);
  g_assert_cmpint (gdnn_collate (composed, decomposed), ==, 0);

  /* Distinct strings never collate equal, even when they only differ in
   * white space or leading zeros. */
  g_assert_cmpint (gdnn_collate ("An", " An"), !=, 0);
  g_assert_cmpint (gdnn_collate ("7", "007"), <, 0);
  g_assert_cmpint (gdnn_collate ("007", "8"), <, 0);
  g_assert_cmpint (gdnn_collate (" An", "Án"), <, 0);

  /* NULL sorts first, as with g_strcmp0(). */
  g_assert_cmpint (gdnn_collate (NULL, NULL), ==, 0);
  g_assert_cmpint (gdnn_collate (NULL, ""), <, 0);
  g_assert_cmpint (gdnn_collate ("", NULL), >, 0);
  g_assert_cmpint (gdnn_collate ("", "a"), <, 0);

  g_assert_nonnull (key_empty);
  g_assert_nonnull (key_bad);

  /* strcmp() of keys agrees with gdnn_collate() on every list. */
  for (guint n = 0; n < G_N_ELEMENTS (collate_orders); n++)
    {
      const char * const *list = collate_orders[n];

      for (guint i = 0; list[i] != NULL; i++)
        for (guint j = 0; list[j] != NULL; j++)
          {
            g_autofree char *a = gdnn_collate_key (list[i]);
            g_autofree char *b = gdnn_collate_key (list[j]);
            int by_key = strcmp (a, b);

            g_assert_cmpint ((by_key > 0) - (by_key < 0), ==, gdnn_collate (list[i], list[j]));
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/format-number", test_format_number);
  g_test_add_func ("/core/text/format-integer", test_format_integer);
  g_test_add_func ("/core/text/format-percent", test_format_percent);
  g_test_add_func ("/core/text/format-number-trim", test_format_number_trim);
  g_test_add_func ("/core/text/number-compare", test_number_compare);
  g_test_add_func ("/core/text/number-decimals", test_number_decimals);
  g_test_add_func ("/core/text/format-money", test_format_money);
  g_test_add_func ("/core/text/format-date", test_format_date);
  g_test_add_func ("/core/text/format-date-official-no-place", test_format_date_official_no_place);
  g_test_add_func ("/core/text/parse-number-good", test_parse_number_good);
  g_test_add_func ("/core/text/parse-number-bad", test_parse_number_bad);
  g_test_add_func ("/core/text/parse-number-overflow", test_parse_number_overflow);
  g_test_add_func ("/core/text/parse-number-messages", test_parse_number_messages);
  g_test_add_func ("/core/text/format-parse-roundtrip", test_format_parse_roundtrip);
  g_test_add_func ("/core/text/parse-decimal-c", test_parse_decimal_c);
  g_test_add_func ("/core/text/parse-date", test_parse_date);
  g_test_add_func ("/core/text/parse-date-messages", test_parse_date_messages);
  g_test_add_func ("/core/text/search-fold", test_search_fold);
  g_test_add_func ("/core/text/search-match", test_search_match);
  g_test_add_func ("/core/text/collate-order", test_collate_order);
  g_test_add_func ("/core/text/collate-key", test_collate_key);

  return g_test_run ();
}
