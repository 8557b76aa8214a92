/* gdnn-text.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GDNN_TEXT_ERROR (gdnn_text_error_quark ())

typedef enum
{
  GDNN_TEXT_ERROR_INVALID,
} GdnnTextError;

/* The most digits after the decimal comma the format functions print. */
#define GDNN_MAX_DECIMALS 6

GQuark    gdnn_text_error_quark      (void);

/* Vietnamese output formats: "." groups thousands, "," is the decimal
 * separator. Non-finite values format as "—". */
char     *gdnn_format_number         (double       value,
                                      int          decimals);
char     *gdnn_format_integer        (gint64       value);
char     *gdnn_format_percent        (double       percent,
                                      int          decimals);
char     *gdnn_format_number_trim    (double       value,
                                      int          max_decimals);
char     *gdnn_format_money          (gint64       dong);
char     *gdnn_format_date           (const GDate *date);
char     *gdnn_format_date_iso       (const GDate *date);
char     *gdnn_format_date_official  (const char  *place,
                                      const GDate *date);

/* Comparing numbers as they print, and printing them so that they
 * compare as they are. */
int       gdnn_number_compare        (double        a,
                                      double        b);
int       gdnn_number_decimals_for   (double        value,
                                      double        reference,
                                      int           order,
                                      int           min_decimals);
int       gdnn_number_decimals       (double        value,
                                      const double *references,
                                      guint         n_references,
                                      int           min_decimals);

/* Input parsing. On failure the output is left untouched and @error is set
 * in GDNN_TEXT_ERROR with a message that can be shown to the user. */
gboolean  gdnn_parse_number          (const char  *text,
                                      double      *out_value,
                                      GError     **error);
gboolean  gdnn_parse_decimal_c       (const char  *text,
                                      double      *out_value,
                                      GError     **error);
gboolean  gdnn_parse_date            (const char  *text,
                                      GDate       *out_date,
                                      GError     **error);

/* Accent- and case-insensitive search. */
char     *gdnn_search_fold           (const char  *text);
gboolean  gdnn_search_match          (const char  *haystack,
                                      const char  *needle);

/* Vietnamese dictionary order. */
char     *gdnn_collate_key           (const char  *text);
int       gdnn_collate               (const char  *a,
                                      const char  *b);
int       gdnn_collate_indirect      (gconstpointer a,
                                      gconstpointer b);

G_END_DECLS
