/* gdnn-text.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-text"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-text.h"

/* How much of a rejected input is quoted back in an error message. */
#define EXCERPT_MAX_CHARS 40

#define NO_VALUE "—"

G_DEFINE_QUARK (gdnn-text-error-quark, gdnn_text_error)

/* Returns a short, valid UTF-8 rendition of user input for error messages. */
static char *
make_excerpt (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) out = NULL;

  if (g_utf8_strlen (valid, -1) <= EXCERPT_MAX_CHARS)
    return g_steal_pointer (&valid);

  out = g_string_new (NULL);
  g_string_append_len (out, valid,
                       g_utf8_offset_to_pointer (valid, EXCERPT_MAX_CHARS) - valid);
  g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_space_char (gunichar c)
{
  /* g_unichar_isspace() covers the no-break spaces (Zs) as well. */
  return g_unichar_isspace (c) || c == 0xFEFF;
}

/* Returns a newly allocated copy of @text without leading and trailing
 * white space, including no-break spaces. @text must be valid UTF-8. */
static char *
strip_spaces (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_space_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Appends @digits (ASCII digits only) to @out with "." between groups of
 * three. */
static void
append_grouped (GString    *out,
                const char *digits)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

/* Formats |value| rounded to @decimals places into @int_part and @frac_part
 * (ASCII digits). Rounding works on the shortest decimal string that reads
 * back as the same double, so 1.005 rounds to 1.01 as a person expects,
 * and ties go away from zero. */
static void
round_decimal (double   value,
               int      decimals,
               GString *int_part,
               GString *frac_part)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[32];
  int n_digits = 0;
  int exponent;
  int keep;
  const char *p;
  g_autoptr(GString) scaled = g_string_new (NULL);
  gsize int_len;

  g_assert (isfinite (value));
  g_assert (decimals >= 0 && decimals <= 6);

  value = fabs (value);

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* buf is "D.DDDDe±XX": collect the significant digits and the exponent. */
  for (p = buf; *p != '\0' && *p != 'e'; p++)
    {
      if (g_ascii_isdigit (*p) && n_digits < (int) sizeof digits)
        digits[n_digits++] = *p;
    }
  g_assert (*p == 'e');
  exponent = (int) g_ascii_strtoll (p + 1, NULL, 10);

  /* value = 0.d0 d1 d2 … × 10^(exponent + 1); keep the digits left of the
   * rounding position. */
  keep = exponent + 1 + decimals;

  for (int i = 0; i < keep; i++)
    g_string_append_c (scaled, i < n_digits ? digits[i] : '0');

  if (keep >= 0 && keep < n_digits && digits[keep] >= '5')
    {
      gssize i;

      for (i = (gssize) scaled->len - 1; i >= 0; i--)
        {
          if (scaled->str[i] == '9')
            {
              scaled->str[i] = '0';
            }
          else
            {
              scaled->str[i]++;
              break;
            }
        }
      if (i < 0)
        g_string_prepend_c (scaled, '1');
    }

  /* Pad so that there is at least one integer digit. */
  while (scaled->len < (gsize) decimals + 1)
    g_string_prepend_c (scaled, '0');

  int_len = scaled->len - decimals;
  p = scaled->str;
  while (int_len > 1 && *p == '0')
    {
      p++;
      int_len--;
    }

  g_string_append_len (int_part, p, int_len);
  g_string_append (frac_part, p + int_len);
}

static char *
format_decimal (double   value,
                int      decimals,
                gboolean trim_zeros)
{
  g_autoptr(GString) int_part = g_string_new (NULL);
  g_autoptr(GString) frac_part = g_string_new (NULL);
  GString *out;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  decimals = CLAMP (decimals, 0, 6);
  round_decimal (value, decimals, int_part, frac_part);

  if (trim_zeros)
    {
      while (frac_part->len > 0 && frac_part->str[frac_part->len - 1] == '0')
        g_string_truncate (frac_part, frac_part->len - 1);
    }

  out = g_string_new (NULL);

  /* No "-0" and no "-0,0": the sign only shows on a non-zero result. */
  if (value < 0 &&
      (strspn (int_part->str, "0") != int_part->len ||
       strspn (frac_part->str, "0") != frac_part->len))
    g_string_append_c (out, '-');

  append_grouped (out, int_part->str);
  if (frac_part->len > 0)
    {
      g_string_append_c (out, ',');
      g_string_append (out, frac_part->str);
    }

  return g_string_free (out, FALSE);
}

/**
 * gdnn_format_number:
 * @value: the number
 * @decimals: digits after the decimal comma, 0 to 6 (clamped)
 *
 * Formats @value the Vietnamese way with exactly @decimals digits after the
 * comma: 1234567.5 with 1 decimal gives "1.234.567,5". Ties round away from
 * zero. A result that rounds to zero carries no sign.
 *
 * Returns: (transfer full): the text; "—" for NaN and infinities
 */
char *
gdnn_format_number (double value,
                    int    decimals)
{
  return format_decimal (value, decimals, FALSE);
}

/**
 * gdnn_format_integer:
 * @value: the number
 *
 * Returns: (transfer full): @value with "." between thousands, e.g.
 *   "1.400.000.000" or "-1.234"
 */
char *
gdnn_format_integer (gint64 value)
{
  char digits[32];
  guint64 magnitude;
  GString *out = g_string_new (NULL);

  /* Negating in unsigned arithmetic keeps G_MININT64 well defined. */
  if (value < 0)
    {
      magnitude = (guint64) 0 - (guint64) value;
      g_string_append_c (out, '-');
    }
  else
    {
      magnitude = (guint64) value;
    }

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  append_grouped (out, digits);

  return g_string_free (out, FALSE);
}

/**
 * gdnn_format_percent:
 * @percent: the percentage (50 means 50%)
 * @decimals: maximum digits after the decimal comma, 0 to 6 (clamped)
 *
 * Formats a percentage without a space before "%". Trailing zeros after the
 * comma are dropped: 47.5 gives "47,5%", 50.0 gives "50%".
 *
 * Returns: (transfer full): the text; "—" for NaN and infinities
 */
char *
gdnn_format_percent (double percent,
                     int    decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (percent))
    return g_strdup (NO_VALUE);

  number = format_decimal (percent, decimals, TRUE);

  return g_strconcat (number, "%", NULL);
}

/**
 * gdnn_format_number_trim:
 * @value: the number
 * @max_decimals: maximum digits after the decimal comma, 0 to 6 (clamped)
 *
 * Like gdnn_format_number(), but trailing zeros after the comma are
 * dropped, as gdnn_format_percent() does: 1333.30 with 2 decimals gives
 * "1.333,3", 1333 gives "1.333".
 *
 * Returns: (transfer full): the text; "—" for NaN and infinities
 */
char *
gdnn_format_number_trim (double value,
                         int    max_decimals)
{
  return format_decimal (value, max_decimals, TRUE);
}

/* Compares |a| and |b| rounded to @decimals places, as printed. */
static int
compare_magnitudes (double a,
                    double b,
                    int    decimals)
{
  g_autoptr(GString) a_int = g_string_new (NULL);
  g_autoptr(GString) a_frac = g_string_new (NULL);
  g_autoptr(GString) b_int = g_string_new (NULL);
  g_autoptr(GString) b_frac = g_string_new (NULL);
  int cmp;

  round_decimal (a, decimals, a_int, a_frac);
  round_decimal (b, decimals, b_int, b_frac);
  /* No leading zeros but one: a longer integer part is larger. */
  if (a_int->len != b_int->len)
    return a_int->len < b_int->len ? -1 : 1;
  cmp = strcmp (a_int->str, b_int->str);
  if (cmp == 0)
    cmp = strcmp (a_frac->str, b_frac->str);
  return (cmp > 0) - (cmp < 0);
}

static gboolean
rounds_to_zero (double value,
                int    decimals)
{
  return compare_magnitudes (value, 0, decimals) == 0;
}

/* -1, 0 or 1 as @a and @b compare once both are rounded to @decimals
 * places the way the format functions round. */
static int
compare_rounded (double a,
                 double b,
                 int    decimals)
{
  int sign_a = rounds_to_zero (a, decimals) ? 0 : a < 0 ? -1 : 1;
  int sign_b = rounds_to_zero (b, decimals) ? 0 : b < 0 ? -1 : 1;

  if (sign_a != sign_b)
    return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0)
    return 0;
  return sign_a * compare_magnitudes (a, b, decimals);
}

/**
 * gdnn_number_compare:
 * @a: a number
 * @b: another number
 *
 * The one comparison behind every assessment (đạt, chưa đạt, vượt): @a and
 * @b compare as they print with %GDNN_MAX_DECIMALS digits after the comma,
 * so floating-point noise never makes an exact value look behind, and two
 * values that differ always print differently (see gdnn_number_decimals()).
 *
 * Returns: -1, 0 or 1; non-finite values compare as equal to everything
 */
int
gdnn_number_compare (double a,
                     double b)
{
  if (!isfinite (a) || !isfinite (b))
    return 0;
  return compare_rounded (a, b, GDNN_MAX_DECIMALS);
}

/**
 * gdnn_number_decimals_for:
 * @value: the number printed
 * @reference: the number it is printed beside
 * @order: how @value must compare with @reference in print: -1, 0 or 1
 * @min_decimals: the fewest digits after the comma to use, 0 to 6
 *
 * Returns: the fewest digits after the comma, at least @min_decimals, at
 *   which @value and @reference rounded compare as @order says, or -1 when
 *   %GDNN_MAX_DECIMALS digits are not enough
 */
int
gdnn_number_decimals_for (double value,
                          double reference,
                          int    order,
                          int    min_decimals)
{
  if (!isfinite (value) || !isfinite (reference))
    return CLAMP (min_decimals, 0, GDNN_MAX_DECIMALS);

  for (int d = CLAMP (min_decimals, 0, GDNN_MAX_DECIMALS); d <= GDNN_MAX_DECIMALS; d++)
    {
      if (compare_rounded (value, reference, d) == order)
        return d;
    }
  return -1;
}

/**
 * gdnn_number_decimals:
 * @value: the number printed
 * @references: (array length=n_references): the numbers it is printed beside
 * @n_references: the length of @references
 * @min_decimals: the fewest digits after the comma to use, 0 to 6
 *
 * How many digits after the comma @value and @references need so that,
 * printed, each reference compares with @value as gdnn_number_compare()
 * says: 59.96 beside 60 needs 2 ("59,96%" and "60%"), never "60%" and
 * "60%". Print all of them with the same digits.
 *
 * Returns: a number from @min_decimals to %GDNN_MAX_DECIMALS
 */
int
gdnn_number_decimals (double        value,
                      const double *references,
                      guint         n_references,
                      int           min_decimals)
{
  int decimals = CLAMP (min_decimals, 0, GDNN_MAX_DECIMALS);

  g_return_val_if_fail (references != NULL || n_references == 0, decimals);

  for (guint i = 0; i < n_references; i++)
    {
      int d = gdnn_number_decimals_for (value, references[i],
                                        gdnn_number_compare (value, references[i]), decimals);
      /* At GDNN_MAX_DECIMALS the order is gdnn_number_compare ()'s own. */
      decimals = d < 0 ? GDNN_MAX_DECIMALS : d;
    }
  return decimals;
}

/**
 * gdnn_format_money:
 * @dong: an amount in đồng (VND has no minor unit)
 *
 * Returns: (transfer full): e.g. "1.400.000.000 đồng"
 */
char *
gdnn_format_money (gint64 dong)
{
  g_autofree char *number = gdnn_format_integer (dong);

  return g_strconcat (number, " đồng", NULL);
}

/**
 * gdnn_format_date:
 * @date: a valid date
 *
 * Returns: (transfer full): the date as dd/mm/yyyy, e.g. "05/01/2026"
 */
char *
gdnn_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

/**
 * gdnn_format_date_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): the date as yyyy-mm-dd, for files and databases
 */
char *
gdnn_format_date_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * gdnn_format_date_official:
 * @place: (nullable): the place name (địa danh), e.g. "Bắc Giang"
 * @date: a valid date
 *
 * Formats the place and date line of an administrative document. Nghị
 * định 30/2020/NĐ-CP pads days below 10 and the months 1 and 2 with a zero:
 * "Bắc Giang, ngày 05 tháng 01 năm 2026", "Hà Nội, ngày 29 tháng 6 năm
 * 2019". Without a place, only the "ngày … tháng … năm …" part is returned.
 *
 * Returns: (transfer full): the text
 */
char *
gdnn_format_date_official (const char  *place,
                           const GDate *date)
{
  guint day;
  guint month;
  guint year;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);

  return g_strdup_printf ("%s%sngày %02u tháng %0*u năm %u",
                          place != NULL ? place : "",
                          place != NULL && *place != '\0' ? ", " : "",
                          day,
                          month <= 2 ? 2 : 1, month,
                          year);
}

static void
set_invalid_number (GError     **error,
                    const char  *text)
{
  g_autofree char *excerpt = make_excerpt (text);

  g_set_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID,
               /* Translators: %s is what the user typed. The example uses the
                * Vietnamese separators: "." for thousands, "," for decimals. */
               _("“%s” không phải là số hợp lệ (ví dụ: 1.234,5)"),
               excerpt);
}

static gboolean
is_group_separator (gunichar c)
{
  return c == '.' || c == 0x00A0 || c == 0x202F;
}

/**
 * gdnn_parse_number:
 * @text: what the user typed
 * @out_value: (out): where to store the number
 * @error: return location for a #GError
 *
 * Parses a number written the Vietnamese way: "1.234,5", "1234,5",
 * "1.234.567", "-47". "." (or a no-break space) only groups thousands, so
 * every group after the first must have exactly three digits; "1.5" and
 * "1.23" are rejected with a hint to use the decimal comma. White space
 * around the number is ignored.
 *
 * Returns: %TRUE on success
 */
gboolean
gdnn_parse_number (const char  *text,
                   double      *out_value,
                   GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) c_number = g_string_new (NULL);
  const char *p;
  gunichar separator = 0;
  guint group_len = 0;
  guint n_int_digits = 0;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      set_invalid_number (error, text);
      return FALSE;
    }

  stripped = strip_spaces (text);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID,
                           /* Translators: an empty number field. */
                           _("Chưa nhập số (ví dụ: 1.234,5)"));
      return FALSE;
    }

  p = stripped;
  if (g_utf8_get_char (p) == '-' || g_utf8_get_char (p) == 0x2212)
    {
      g_string_append_c (c_number, '-');
      p = g_utf8_next_char (p);
    }

  /* Integer part, optionally grouped by threes. */
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (c_number, (char) c);
          group_len++;
          n_int_digits++;
        }
      else if (is_group_separator (c))
        {
          /* A separator needs digits on its left, one kind per number, and
           * full groups of three between separators. */
          if (group_len == 0 ||
              (separator == 0 && group_len > 3) ||
              (separator != 0 && (c != separator || group_len != 3)))
            goto bad_grouping;
          separator = c;
          group_len = 0;
        }
      else
        {
          break;
        }
    }

  if (n_int_digits == 0)
    {
      set_invalid_number (error, text);
      return FALSE;
    }

  if (separator != 0 && group_len != 3)
    goto bad_grouping;

  /* Fraction after the decimal comma. */
  if (*p == ',')
    {
      guint n_frac_digits = 0;

      g_string_append_c (c_number, '.');
      for (p++; g_ascii_isdigit (*p); p++)
        {
          g_string_append_c (c_number, *p);
          n_frac_digits++;
        }

      if (n_frac_digits == 0)
        {
          set_invalid_number (error, text);
          return FALSE;
        }
    }

  if (*p != '\0')
    {
      set_invalid_number (error, text);
      return FALSE;
    }

  value = g_ascii_strtod (c_number->str, NULL);
  if (!isfinite (value))
    {
      set_invalid_number (error, text);
      return FALSE;
    }

  /* Normalise -0 to 0. */
  *out_value = value == 0.0 ? 0.0 : value;

  return TRUE;

bad_grouping:
  {
    g_autofree char *excerpt = make_excerpt (text);

    g_set_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID,
                 /* Translators: %s is what the user typed, e.g. "1.5". In
                  * Vietnamese numbers "." separates thousands and "," starts
                  * the decimals. */
                 _("“%s” không phải là số hợp lệ: dấu chấm chỉ dùng để tách hàng nghìn, "
                   "phần thập phân viết sau dấu phẩy (ví dụ: 1.234,5)"),
                 excerpt);
    return FALSE;
  }
}

/**
 * gdnn_parse_decimal_c:
 * @text: a machine-written number
 * @out_value: (out): where to store the number
 * @error: return location for a #GError
 *
 * Parses the machine format used in CSV files: an optional "-", digits, and
 * optionally "." followed by digits ("1234.5", "-3"). No grouping, no
 * exponent, no white space; the whole string must match.
 *
 * Returns: %TRUE on success
 */
gboolean
gdnn_parse_decimal_c (const char  *text,
                      double      *out_value,
                      GError     **error)
{
  const char *p = text;
  gsize n_digits = 0;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*p == '-')
    p++;

  for (; g_ascii_isdigit (*p); p++)
    n_digits++;

  if (n_digits > 0 && *p == '.')
    {
      n_digits = 0;
      for (p++; g_ascii_isdigit (*p); p++)
        n_digits++;
    }

  if (n_digits == 0 || *p != '\0')
    goto invalid;

  value = g_ascii_strtod (text, NULL);
  if (!isfinite (value))
    goto invalid;

  *out_value = value == 0.0 ? 0.0 : value;

  return TRUE;

invalid:
  {
    g_autofree char *excerpt = make_excerpt (text);

    g_set_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID,
                 /* Translators: %s is a value read from a data file, which
                  * must use "." as the decimal point and no grouping. */
                 _("“%s” không phải là số hợp lệ trong tệp dữ liệu (dùng dấu chấm thập phân, "
                   "ví dụ: 1234.5)"),
                 excerpt);
    return FALSE;
  }
}

/* Reads 1 to @max_digits ASCII digits at *@p; returns -1 if there are none
 * or too many. */
static int
read_number (const char **p,
             int          min_digits,
             int          max_digits)
{
  int value = 0;
  int n = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++n > max_digits)
        return -1;
      value = value * 10 + (**p - '0');
      (*p)++;
    }

  return n >= min_digits ? value : -1;
}

/**
 * gdnn_parse_date:
 * @text: what the user typed
 * @out_date: (out caller-allocates): where to store the date
 * @error: return location for a #GError
 *
 * Parses "30/11/2026", "5/1/2026" (also with "-" or "." between the parts)
 * and ISO "2026-11-30". The year has four digits. Days that do not exist,
 * such as 31/02, are rejected.
 *
 * Returns: %TRUE on success
 */
gboolean
gdnn_parse_date (const char  *text,
                 GDate       *out_date,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int day;
  int month;
  int year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  stripped = strip_spaces (text);
  p = stripped;

  if (strlen (p) == 10 && p[4] == '-' && p[7] == '-')
    {
      year = read_number (&p, 4, 4);
      if (year < 0 || *p++ != '-')
        goto invalid;
      month = read_number (&p, 2, 2);
      if (month < 0 || *p++ != '-')
        goto invalid;
      day = read_number (&p, 2, 2);
    }
  else
    {
      char separator;

      day = read_number (&p, 1, 2);
      separator = *p;
      if (day < 0 || (separator != '/' && separator != '-' && separator != '.'))
        goto invalid;
      p++;
      month = read_number (&p, 1, 2);
      if (month < 0 || *p++ != separator)
        goto invalid;
      year = read_number (&p, 4, 4);
    }

  if (day < 0 || *p != '\0')
    goto invalid;

  if (month < 1 || month > 12 || year < 1 || day < 1)
    goto invalid;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_autofree char *excerpt = make_excerpt (text);

      g_set_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed; then
                    * the month, the year and the day that does not exist,
                    * e.g. "tháng 2 năm 2026 không có ngày 31". */
                   _("“%s” không phải là ngày hợp lệ: tháng %d năm %d không có ngày %d"),
                   excerpt, month, year, day);
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;

invalid:
  {
    g_autofree char *excerpt = make_excerpt (text);

    g_set_error (error, GDNN_TEXT_ERROR, GDNN_TEXT_ERROR_INVALID,
                 /* Translators: %s is what the user typed. */
                 _("“%s” không phải là ngày hợp lệ (ngày/tháng/năm, ví dụ: 30/11/2026)"),
                 excerpt);
    return FALSE;
  }
}

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * gdnn_search_fold:
 * @text: any text; invalid UTF-8 is repaired first
 *
 * Builds a search key: compatibility-decomposed, case-folded, without any
 * combining marks, with "đ" mapped to "d" (Unicode does not decompose it)
 * and every run of white space turned into one space. "Đào tạo" gives
 * "dao tao", "ĐẮK LẮK" gives "dak lak". The result is NFC.
 *
 * Returns: (transfer full): the folded text
 */
char *
gdnn_search_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *folded_decomposed = NULL;
  g_autoptr(GString) out = NULL;
  gboolean in_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (decomposed, -1);
  /* Case folding may produce characters that decompose further. */
  folded_decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  out = g_string_sized_new (strlen (folded_decomposed));
  for (const char *p = folded_decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space_char (c))
        {
          if (!in_space)
            g_string_append_c (out, ' ');
          in_space = TRUE;
          continue;
        }

      in_space = FALSE;

      if (is_mark (c))
        continue;

      /* Case folding has already turned Đ into đ. */
      if (c == 0x0111)
        c = 'd';

      g_string_append_unichar (out, c);
    }

  /* Recompose what decomposition split but is not a mark (Hangul). */
  return g_utf8_normalize (out->str, out->len, G_NORMALIZE_ALL_COMPOSE);
}

/**
 * gdnn_search_match:
 * @haystack: the text searched in
 * @needle: what the user typed
 *
 * Returns: %TRUE if the folded @needle occurs in the folded @haystack; an
 *   empty @needle matches everything
 */
gboolean
gdnn_search_match (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded_haystack = NULL;
  g_autofree char *folded_needle = NULL;

  g_return_val_if_fail (haystack != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  folded_needle = gdnn_search_fold (needle);
  if (*folded_needle == '\0')
    return TRUE;

  folded_haystack = gdnn_search_fold (haystack);

  return strstr (folded_haystack, folded_needle) != NULL;
}

/*
 * Vietnamese collation.
 *
 * The key has four levels separated by the byte 0x01, which is lower than
 * every weight byte, so a shorter string sorts first at each level:
 *
 *   1. primary: one weight per element (letter, digit run, space run,
 *      symbol), case- and tone-insensitive, each as three bytes in base
 *      254 (bytes 0x02-0xFF);
 *   2. secondary: two bytes per element, the tone (ngang < huyền < hỏi <
 *      ngã < sắc < nặng) and any non-Vietnamese mark;
 *   3. tertiary: one byte per element, lower case before upper case
 *      (and fewer leading zeros first for digit runs);
 *   4. the NFC text itself, so that only canonically equivalent strings
 *      compare equal.
 *
 * Primary weights, from low to high: white space (a run counts once, and
 * leading and trailing space is ignored, so "An Bình" < "Anh"), symbols and
 * punctuation by code point, digit runs compared by numeric value
 * ("2" < "10"), the Vietnamese alphabet with f, j, w, z at their Latin
 * places, then any other letter by code point.
 *
 * glibc's vi_VN collation cannot be used: it gives letters that carry a
 * tone mark (Ấ, Ế, Ớ, Ứ…) the primary weight of the plain Latin letter.
 */

typedef enum
{
  QUALITY_NONE,
  QUALITY_BREVE,       /* ă */
  QUALITY_CIRCUMFLEX,  /* â ê ô */
  QUALITY_HORN,        /* ơ ư */
} VnQuality;

static const struct
{
  gunichar  base;
  VnQuality quality;
} vn_alphabet[] = {
  { 'a', QUALITY_NONE }, { 'a', QUALITY_BREVE }, { 'a', QUALITY_CIRCUMFLEX },
  { 'b', QUALITY_NONE }, { 'c', QUALITY_NONE }, { 'd', QUALITY_NONE },
  { 0x0111, QUALITY_NONE }, /* đ */
  { 'e', QUALITY_NONE }, { 'e', QUALITY_CIRCUMFLEX },
  { 'f', QUALITY_NONE }, { 'g', QUALITY_NONE }, { 'h', QUALITY_NONE },
  { 'i', QUALITY_NONE }, { 'j', QUALITY_NONE }, { 'k', QUALITY_NONE },
  { 'l', QUALITY_NONE }, { 'm', QUALITY_NONE }, { 'n', QUALITY_NONE },
  { 'o', QUALITY_NONE }, { 'o', QUALITY_CIRCUMFLEX }, { 'o', QUALITY_HORN },
  { 'p', QUALITY_NONE }, { 'q', QUALITY_NONE }, { 'r', QUALITY_NONE },
  { 's', QUALITY_NONE }, { 't', QUALITY_NONE },
  { 'u', QUALITY_NONE }, { 'u', QUALITY_HORN },
  { 'v', QUALITY_NONE }, { 'w', QUALITY_NONE }, { 'x', QUALITY_NONE },
  { 'y', QUALITY_NONE }, { 'z', QUALITY_NONE },
};

/* Tones in their collation order; the index is the secondary weight. */
static const gunichar vn_tones[] = {
  0,      /* ngang: no mark */
  0x0300, /* huyền: grave */
  0x0309, /* hỏi: hook above */
  0x0303, /* ngã: tilde */
  0x0301, /* sắc: acute */
  0x0323, /* nặng: dot below */
};

#define LEVEL_SEPARATOR   0x01
#define WEIGHT_BYTE_MIN   0x02
#define WEIGHT_BASE       254

#define W_SPACE           1u
#define W_SYMBOL          2u          /* + code point */
#define W_DIGIT_RUN       0x110100u   /* + number of significant digits */
#define W_DIGIT           0x120100u   /* + digit value */
#define W_LETTER          0x120200u   /* + index in vn_alphabet */
#define W_OTHER           0x120300u   /* + lower-case code point */

#define MAX_DIGIT_RUN     0xFFFFu

typedef struct
{
  GString *primary;
  GString *secondary;
  GString *tertiary;
} CollateKey;

static void
add_primary (CollateKey *key,
             guint32     weight)
{
  g_assert (weight < WEIGHT_BASE * WEIGHT_BASE * WEIGHT_BASE);

  g_string_append_c (key->primary, (char) (WEIGHT_BYTE_MIN + weight / (WEIGHT_BASE * WEIGHT_BASE)));
  g_string_append_c (key->primary, (char) (WEIGHT_BYTE_MIN + (weight / WEIGHT_BASE) % WEIGHT_BASE));
  g_string_append_c (key->primary, (char) (WEIGHT_BYTE_MIN + weight % WEIGHT_BASE));
}

static void
add_lower_levels (CollateKey *key,
                  guint       tone,
                  guint       foreign_mark,
                  guint       tertiary)
{
  g_assert (WEIGHT_BYTE_MIN + tone <= 0xFF);
  g_assert (WEIGHT_BYTE_MIN + foreign_mark <= 0xFF);
  g_assert (WEIGHT_BYTE_MIN + tertiary <= 0xFF);

  g_string_append_c (key->secondary, (char) (WEIGHT_BYTE_MIN + tone));
  g_string_append_c (key->secondary, (char) (WEIGHT_BYTE_MIN + foreign_mark));
  g_string_append_c (key->tertiary, (char) (WEIGHT_BYTE_MIN + tertiary));
}

static int
vn_letter_index (gunichar  base,
                 VnQuality quality)
{
  for (guint i = 0; i < G_N_ELEMENTS (vn_alphabet); i++)
    {
      if (vn_alphabet[i].base == base && vn_alphabet[i].quality == quality)
        return (int) i;
    }

  return -1;
}

static int
vn_tone_index (gunichar mark)
{
  for (guint i = 1; i < G_N_ELEMENTS (vn_tones); i++)
    {
      if (vn_tones[i] == mark)
        return (int) i;
    }

  return -1;
}

static VnQuality
vn_quality_of (gunichar base,
               gunichar mark)
{
  switch (mark)
    {
    case 0x0306:
      return base == 'a' ? QUALITY_BREVE : QUALITY_NONE;
    case 0x0302:
      return base == 'a' || base == 'e' || base == 'o' ? QUALITY_CIRCUMFLEX : QUALITY_NONE;
    case 0x031B:
      return base == 'o' || base == 'u' ? QUALITY_HORN : QUALITY_NONE;
    default:
      return QUALITY_NONE;
    }
}

/* Secondary weight of a mark that is not Vietnamese: the combining
 * diacritics block by code point, anything else after it. */
static guint
foreign_mark_weight (gunichar mark)
{
  if (mark >= 0x0300 && mark <= 0x036F)
    return 1 + (mark - 0x0300);

  return 0x80;
}

/* Adds the digit run starting at @p and returns the position after it. */
static const char *
add_digit_run (CollateKey *key,
               const char *p)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint leading_zeros = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      int value = g_unichar_digit_value (g_utf8_get_char (p));

      if (value < 0)
        break;
      if (value == 0 && digits->len == 0)
        leading_zeros++;
      else
        g_string_append_c (digits, (char) value);
    }

  /* "000" is the number 0 with two leading zeros. */
  if (digits->len == 0)
    {
      g_string_append_c (digits, 0);
      leading_zeros--;
    }

  add_primary (key, W_DIGIT_RUN + MIN (digits->len, MAX_DIGIT_RUN));
  for (gsize i = 0; i < digits->len; i++)
    add_primary (key, W_DIGIT + (guint32) digits->str[i]);
  add_lower_levels (key, 0, 0, MIN (leading_zeros, 0xF0));

  return p;
}

/* Adds one base character with the combining marks that follow it and
 * returns the position after them. */
static const char *
add_character (CollateKey *key,
               const char *p)
{
  gunichar c = g_utf8_get_char (p);
  gunichar lower = g_unichar_tolower (c);
  gboolean upper = lower != c || g_unichar_isupper (c) || g_unichar_istitle (c);
  VnQuality quality = QUALITY_NONE;
  guint tone = 0;
  guint foreign = 0;
  int letter;

  for (p = g_utf8_next_char (p); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar mark = g_utf8_get_char (p);
      VnQuality mark_quality;
      int mark_tone;

      if (!is_mark (mark))
        break;

      mark_quality = vn_quality_of (lower, mark);
      mark_tone = vn_tone_index (mark);

      if (mark_quality != QUALITY_NONE && quality == QUALITY_NONE)
        quality = mark_quality;
      else if (mark_tone > 0 && tone == 0)
        tone = (guint) mark_tone;
      else if (foreign == 0)
        foreign = foreign_mark_weight (mark);
    }

  letter = vn_letter_index (lower, quality);

  if (letter >= 0)
    add_primary (key, W_LETTER + (guint32) letter);
  else if (g_unichar_isalpha (lower))
    add_primary (key, W_OTHER + lower);
  else
    add_primary (key, W_SYMBOL + c);

  add_lower_levels (key, tone, foreign, upper ? 1 : 0);

  return p;
}

/**
 * gdnn_collate_key:
 * @text: any text; invalid UTF-8 is repaired first
 *
 * Builds a sort key: comparing two keys with strcmp() gives Vietnamese
 * dictionary order ("An" < "Án" < "Ăn" < "Ắn" < "Ân" < "Ấn", "Da" < "Dâ" <
 * "Đa", "ban" < "bàn" < "bản" < "bãn" < "bán" < "bạn"). Store it in a
 * database column to sort there.
 *
 * Returns: (transfer full): the key, a NUL-terminated byte string that is
 *   not valid UTF-8
 */
char *
gdnn_collate_key (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *composed = NULL;
  g_autoptr(GString) primary = NULL;
  g_autoptr(GString) secondary = NULL;
  g_autoptr(GString) tertiary = NULL;
  CollateKey key;
  gboolean pending_space = FALSE;
  const char *p;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  primary = g_string_new (NULL);
  secondary = g_string_new (NULL);
  tertiary = g_string_new (NULL);
  key.primary = primary;
  key.secondary = secondary;
  key.tertiary = tertiary;

  /* Leading white space is ignored. */
  p = decomposed;
  while (*p != '\0' && is_space_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space_char (c))
        {
          pending_space = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }

      /* A run of white space counts once, and only between elements. */
      if (pending_space)
        {
          add_primary (&key, W_SPACE);
          add_lower_levels (&key, 0, 0, 0);
          pending_space = FALSE;
        }

      if (g_unichar_digit_value (c) >= 0)
        p = add_digit_run (&key, p);
      else
        p = add_character (&key, p);
    }

  out = g_string_sized_new (primary->len + secondary->len + tertiary->len + strlen (composed) + 4);
  g_string_append_len (out, primary->str, primary->len);
  g_string_append_c (out, LEVEL_SEPARATOR);
  g_string_append_len (out, secondary->str, secondary->len);
  g_string_append_c (out, LEVEL_SEPARATOR);
  g_string_append_len (out, tertiary->str, tertiary->len);
  g_string_append_c (out, LEVEL_SEPARATOR);
  g_string_append (out, composed);

  return g_string_free (out, FALSE);
}

/**
 * gdnn_collate:
 * @a: (nullable): a string
 * @b: (nullable): another string
 *
 * Compares two strings in Vietnamese dictionary order. %NULL sorts before
 * any string, as with g_strcmp0(). When many strings are sorted, computing
 * gdnn_collate_key() once per string is faster.
 *
 * Returns: a negative value, 0 or a positive value, like strcmp()
 */
int
gdnn_collate (const char *a,
              const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  int result;

  if (a == NULL || b == NULL)
    return a == b ? 0 : (a == NULL ? -1 : 1);

  key_a = gdnn_collate_key (a);
  key_b = gdnn_collate_key (b);
  result = strcmp (key_a, key_b);

  return (result > 0) - (result < 0);
}

/**
 * gdnn_collate_indirect:
 * @a: pointer to a `char *`
 * @b: pointer to a `char *`
 *
 * gdnn_collate() for qsort(), g_ptr_array_sort() and other functions that
 * pass pointers to the elements of an array of strings.
 *
 * Returns: as gdnn_collate()
 */
int
gdnn_collate_indirect (gconstpointer a,
                       gconstpointer b)
{
  return gdnn_collate (*(const char * const *) a, *(const char * const *) b);
}
