/* gdnn-return-letter.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-return-letter"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gdnn-return-letter.h"
#include "gdnn-text.h"

#define NATIONAL_TITLE "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO          "Độc lập - Tự do - Hạnh phúc"
#define RESUBMIT_DAYS  10

void
gdnn_return_letter_free (GdnnReturnLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->office_name);
  g_free (letter->unit_name);
  g_free (letter->governing_body);
  g_free (letter->issuing_body);
  g_free (letter->national_title);
  g_free (letter->motto);
  g_free (letter->number);
  g_free (letter->subject_line);
  g_free (letter->place_date);
  g_free (letter->addressee);
  g_free (letter->opening);
  g_strfreev (letter->problems);
  g_free (letter->note);
  g_free (letter->request);
  g_free (letter->closing);
  g_strfreev (letter->recipients);
  g_free (letter->signer_title);
  g_free (letter->signer_name);
  g_free (letter);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
upper (const char *text)
{
  g_autofree char *up = g_utf8_strup (text != NULL ? text : "", -1);
  return g_utf8_normalize (up, -1, G_NORMALIZE_NFC);
}

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* "2026-11-20…" → "20/11/2026"; NULL when it is not a date. */
static char *
iso_to_text (const char *iso)
{
  int y, m, d;
  GDate date;

  /* sscanf: the widths bound every number to four digits, so none
   * overflows; g_date_valid_dmy() checks the values. NOLINTNEXTLINE(cert-err34-c) */
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return gdnn_format_date (&date);
}

/* "…." → "…": the list adds its own ";" and ".". */
static char *
trim_end (const char *text)
{
  char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (s);

  while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ';'))
    s[--len] = '\0';
  return s;
}

GdnnReturnLetter *
gdnn_return_letter_new (const GdnnUnit           *office,
                        const GdnnSubmissionInfo *info,
                        GPtrArray                *problems,
                        const char               *place,
                        const GDate              *date,
                        const GDate              *resubmit_by)
{
  GdnnReturnLetter *letter;
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) recipients = g_strv_builder_new ();
  g_autoptr(GString) opening = g_string_new (NULL);
  g_autofree char *received = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *deadline = NULL;
  const char *office_name;
  const char *unit_name;

  g_return_val_if_fail (info != NULL, NULL);

  letter = g_new0 (GdnnReturnLetter, 1);
  office_name = office != NULL && !is_empty (office->name) ? office->name : "Cơ quan tổng hợp";
  unit_name = !is_empty (info->unit_name) ? info->unit_name : info->unit_code;
  letter->office_name = g_strdup (office_name);
  letter->unit_name = g_strdup (unit_name);

  if (office != NULL && !is_empty (office->governing_body))
    letter->governing_body = upper (office->governing_body);
  letter->issuing_body = upper (office_name);
  letter->national_title = g_strdup (NATIONAL_TITLE);
  letter->motto = g_strdup (MOTTO);
  /* A công văn has no type code: the number and the office's ký hiệu. */
  letter->number = g_strdup_printf ("      /%s", office != NULL && office->code != NULL ? office->code : "");
  letter->subject_line = g_strdup_printf ("V/v trả lại báo cáo kết quả thực hiện Kế hoạch số %s năm %d",
                                          info->plan_number, info->year);
  g_date_clear (&letter->date, 1);
  if (date != NULL && g_date_valid (date))
    letter->date = *date;
  else
    set_today (&letter->date);
  letter->place_date = gdnn_format_date_official (place != NULL ? place : "", &letter->date);

  letter->addressee = g_strdup_printf ("Kính gửi: %s.", unit_name);

  received = iso_to_text (info->received_at);
  sent = iso_to_text (info->report_date);
  g_string_append_printf (opening, "%s đã nhận được ", office_name);
  if (!is_empty (info->report_number))
    g_string_append_printf (opening, "Báo cáo số %s", info->report_number);
  else
    g_string_append (opening, "báo cáo");
  if (sent != NULL)
    g_string_append_printf (opening, " ngày %s", sent);
  g_string_append_printf (opening, " của %s về kết quả thực hiện Kế hoạch số %s năm %d", unit_name,
                          info->plan_number, info->year);
  if (!is_empty (info->file_name))
    g_string_append_printf (opening, " (tệp “%s”%s%s)", info->file_name,
                            received != NULL ? ", nhận ngày " : "", received != NULL ? received : "");
  g_string_append (opening, ". Qua rà soát, báo cáo chưa bảo đảm yêu cầu do còn các nội dung sau:");
  letter->opening = g_string_free (g_steal_pointer (&opening), FALSE);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const GdnnReviewProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *text = trim_end (p->message);

      if (*text != '\0')
        g_strv_builder_add (list, text);
    }
  letter->problems = g_strv_builder_end (list);
  letter->note = !is_empty (info->note) ? g_strdup (info->note) : NULL;

  g_date_clear (&letter->resubmit_by, 1);
  if (resubmit_by != NULL && g_date_valid (resubmit_by))
    letter->resubmit_by = *resubmit_by;
  else
    {
      letter->resubmit_by = letter->date;
      g_date_add_days (&letter->resubmit_by, RESUBMIT_DAYS);
    }
  deadline = gdnn_format_date (&letter->resubmit_by);
  letter->request = g_strdup_printf ("%s trả lại báo cáo nêu trên và đề nghị %s kiểm tra, chỉnh sửa, bổ sung "
                                     "các nội dung trên, xuất lại tệp báo cáo từ phần mềm (không sửa trực tiếp "
                                     "trên tệp đã xuất) và gửi về %s trước ngày %s.",
                                     office_name, unit_name, office_name, deadline);
  letter->closing = g_strdup_printf ("%s thông báo để %s biết, thực hiện./.", office_name, unit_name);

  g_strv_builder_add (recipients, "Như trên");
  g_strv_builder_add (recipients, "Lưu: VT");
  letter->recipients = g_strv_builder_end (recipients);
  letter->signer_title = office != NULL && !is_empty (office->head_title) ? upper (office->head_title)
                                                                          : g_strdup ("THỦ TRƯỞNG CƠ QUAN");
  letter->signer_name = g_strdup (office != NULL ? office->head_name : NULL);
  return letter;
}

GdnnPdfLayout *
gdnn_return_letter_layout (const GdnnReturnLetter *letter)
{
  GdnnPdfLayout *layout;
  const GdnnPdfHeader header = {
    letter->governing_body, letter->issuing_body, letter->national_title, letter->motto,
    letter->number, letter->subject_line, letter->place_date,
  };
  guint n = g_strv_length (letter->problems);

  g_return_val_if_fail (letter != NULL, NULL);

  layout = gdnn_pdf_layout_new ();
  gdnn_pdf_layout_add_header (layout, &header);
  /* ô 9a: one recipient, on the line of "Kính gửi:", centred. */
  {
    double y = 6;
    GdnnPdfBlock *b = gdnn_pdf_layout_add_block (layout, GDNN_PDF_BLOCK_GROUP, 0);

    gdnn_pdf_layout_column_text (layout, b, letter->addressee, 14, GDNN_PDF_REGULAR, GDNN_PDF_MARGIN_LEFT,
                                 gdnn_pdf_layout_text_width (layout), &y);
    b->height = y + 12;
  }
  {
    g_autofree char *markup = g_markup_escape_text (letter->opening, -1);
    gdnn_pdf_layout_add_body (layout, markup);
  }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("%u. %s%s", i + 1, letter->problems[i],
                                                         i + 1 < n ? ";" : ".");
      gdnn_pdf_layout_add_body (layout, markup);
    }
  if (letter->note != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<i>Ý kiến của cán bộ rà soát:</i> %s", letter->note);
      gdnn_pdf_layout_add_body (layout, markup);
    }
  {
    g_autofree char *request = g_markup_escape_text (letter->request, -1);
    g_autofree char *closing = g_markup_escape_text (letter->closing, -1);

    gdnn_pdf_layout_add_body (layout, request);
    gdnn_pdf_layout_add_paragraph (layout, closing, 13, GDNN_PDF_REGULAR, GDNN_PDF_INDENT, TRUE, TRUE,
                                   GDNN_PDF_PARA_SPACE);
  }
  gdnn_pdf_layout_add_block (layout, GDNN_PDF_BLOCK_SPACE, 6)->keep_with_next = TRUE;
  gdnn_pdf_layout_add_closing (layout, (const char * const *) letter->recipients, letter->signer_title,
                               letter->signer_name);
  return layout;
}

gboolean
gdnn_return_letter_write_pdf (const GdnnReturnLetter  *letter,
                              const char              *path,
                              GError                 **error)
{
  g_autoptr(GdnnPdfLayout) layout = NULL;
  GdnnPdfMetadata metadata = { 0 };

  g_return_val_if_fail (letter != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = gdnn_return_letter_layout (letter);
  metadata.title = letter->subject_line;
  metadata.author = letter->office_name;
  metadata.subject = letter->subject_line;
  return gdnn_pdf_layout_write (layout, path, &metadata, error);
}
