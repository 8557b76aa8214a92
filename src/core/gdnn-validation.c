/* gdnn-validation.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-validation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gdnn-store.h"
#include "gdnn-validation.h"

/* Counts and amounts this large are typing mistakes, not data. */
#define MAX_QUANTITY 1e15

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * gdnn_validate_value:
 *
 * Checks a value against the rules of its indicator's measure: no
 * negative counts, whole numbers for a count and both terms of a ratio,
 * a denominator > 0 and a numerator not above it for a ratio, whole đồng
 * for amounts, 0 or 1 for yes/no.
 */
gboolean
gdnn_validate_value (GdnnMeasure       measure,
                     const GdnnValue  *value,
                     GError          **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (value->has_numerator && (!isfinite (value->numerator) || value->numerator > MAX_QUANTITY))
    return fail (error, _("The number is not valid."));
  if (value->has_denominator && (!isfinite (value->denominator) || value->denominator > MAX_QUANTITY))
    return fail (error, _("The denominator is not valid."));
  if (value->has_numerator && value->numerator < 0)
    return fail (error, _("A value cannot be negative."));

  switch (measure)
    {
    case GDNN_MEASURE_RATIO:
      /* Both terms count people, schools, programmes…: before comparing
       * them, so that 1114 of "2.146" read as 2,146 is not refused for
       * the wrong reason. */
      if ((value->has_numerator && value->numerator != floor (value->numerator)) ||
          (value->has_denominator && value->denominator != floor (value->denominator)))
        return fail (error, _("The numerator and the denominator of a ratio are counts: whole numbers."));
      if (value->has_denominator && value->denominator <= 0)
        return fail (error, _("The denominator must be greater than 0."));
      if (value->has_numerator && value->has_denominator && value->numerator > value->denominator)
        return fail (error, _("The numerator cannot be larger than the denominator."));
      if (value->has_numerator && !value->has_denominator)
        return fail (error, _("A ratio needs a denominator."));
      break;

    case GDNN_MEASURE_COUNT:
    case GDNN_MEASURE_AMOUNT:
      if (value->has_denominator)
        return fail (error, _("A count or an amount has no denominator."));
      if (measure == GDNN_MEASURE_COUNT && value->has_numerator &&
          value->numerator != floor (value->numerator))
        return fail (error, _("A count is a whole number."));
      if (measure == GDNN_MEASURE_AMOUNT && value->has_numerator &&
          value->numerator != floor (value->numerator))
        return fail (error, _("Amounts are whole đồng."));
      break;

    case GDNN_MEASURE_BOOLEAN:
      if (value->has_denominator)
        return fail (error, _("A yes/no value has no denominator."));
      if (value->has_numerator && value->numerator != 0 && value->numerator != 1)
        return fail (error, _("A yes/no value is 1 (yes) or 0 (no)."));
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
