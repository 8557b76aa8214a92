/* gdnn-return-letter.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-model.h"
#include "gdnn-pdf-layout.h"
#include "gdnn-review.h"

G_BEGIN_DECLS

/* The short official reply (a công văn, Nghị định 30/2020 Mẫu 1.5) the
 * reviewing office sends back with a returned report: "V/v trả lại báo
 * cáo …" under the number, "Kính gửi: <unit>", the problems found as a
 * numbered list, what to do and by when, Nơi nhận and the signer. */
typedef struct
{
  char   *office_name;
  char   *unit_name;

  /* Header block */
  char   *governing_body;   /* may be NULL */
  char   *issuing_body;
  char   *national_title;
  char   *motto;
  char   *number;           /* what follows "Số: " */
  char   *subject_line;     /* "V/v trả lại báo cáo …" */
  GDate   date;
  char   *place_date;

  /* Body */
  char   *addressee;        /* "Kính gửi: <unit name>" */
  char   *opening;
  GStrv   problems;         /* the Vietnamese messages, in order */
  char   *note;             /* the officer's note, may be NULL */
  GDate   resubmit_by;
  char   *request;          /* what to do and by when */
  char   *closing;

  /* Closing block */
  GStrv   recipients;
  char   *signer_title;
  char   *signer_name;
} GdnnReturnLetter;

/**
 * gdnn_return_letter_new:
 * @office: the reviewing office
 * @info: the returned submission
 * @problems: (element-type GdnnReviewProblem): what was found
 * @place: (nullable): the office's place name ("Bắc Giang")
 * @date: (nullable): the letter's date; today when %NULL
 * @resubmit_by: (nullable): the date to send the report again by; ten
 *   days after @date when %NULL
 */
GdnnReturnLetter *gdnn_return_letter_new        (const GdnnUnit           *office,
                                                 const GdnnSubmissionInfo *info,
                                                 GPtrArray                *problems,
                                                 const char               *place,
                                                 const GDate              *date,
                                                 const GDate              *resubmit_by);
void              gdnn_return_letter_free       (GdnnReturnLetter         *letter);
GdnnPdfLayout    *gdnn_return_letter_layout     (const GdnnReturnLetter   *letter);
gboolean          gdnn_return_letter_write_pdf  (const GdnnReturnLetter   *letter,
                                                 const char               *path,
                                                 GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReturnLetter, gdnn_return_letter_free)

G_END_DECLS
