/* gdnn-report-doc.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-report-doc"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gdnn-budget.h"
#include "gdnn-report-doc.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"

/* The one model of the yearly report: everything the XLSX writer, the PDF
 * renderer and the printout show, read from the database for a unit, a
 * plan and a year. It holds data only; the writers lay it out. The
 * document's own text is Vietnamese whatever the UI language, while the
 * warnings are messages for the user and are translated. */

G_DEFINE_QUARK (gdnn-report-error-quark, gdnn_report_error)

#define NATIONAL_TITLE "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO          "Độc lập - Tự do - Hạnh phúc"
#define ARCHIVE_LINE   "Lưu: VT"

static const char *const section_titles[5] = {
  "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP",
  "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
  "KINH PHÍ THỰC HIỆN",
  "ĐÁNH GIÁ CHUNG, KHÓ KHĂN, VƯỚNG MẮC",
  "ĐỀ XUẤT, KIẾN NGHỊ",
};

const char *
gdnn_report_assessment_label (GdnnReportAssessment assessment)
{
  switch (assessment)
    {
    case GDNN_REPORT_ASSESSMENT_NOT_MET:
      return "Chưa đạt";
    case GDNN_REPORT_ASSESSMENT_MET:
      return "Đạt";
    case GDNN_REPORT_ASSESSMENT_EXCEEDED:
      return "Vượt";
    case GDNN_REPORT_ASSESSMENT_NONE:
    default:
      return "";
    }
}

const char *
gdnn_report_source_label (GdnnBudgetSource source)
{
  switch (source)
    {
    case GDNN_SOURCE_NGAN_SACH:
      return "Ngân sách nhà nước";
    case GDNN_SOURCE_XA_HOI_HOA:
      return "Xã hội hóa";
    case GDNN_SOURCE_KHAC:
    default:
      return "Nguồn khác";
    }
}

/* The status as the document prints it (Vietnamese whatever the UI). */
const char *
gdnn_report_task_status_text (GdnnTaskStatus status)
{
  static const char *const text[GDNN_N_TASK_STATUS] = {
    "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Quá hạn", "Tạm dừng",
  };

  g_return_val_if_fail ((guint) status < GDNN_N_TASK_STATUS, "");
  return text[status];
}

static void
warning_free (GdnnReportWarning *w)
{
  g_free (w->code);
  g_free (w->message);
  g_free (w);
}

static void
indicator_free (GdnnReportIndicator *r)
{
  g_free (r->code);
  g_free (r->name);
  g_free (r->group_code);
  g_free (r->group_title);
  g_free (r->unit_label);
  g_free (r->numerator_label);
  g_free (r->denominator_label);
  g_array_unref (r->targets);
  g_free (r->note);
  g_free (r->value_status);
  g_free (r);
}

static void
task_free (GdnnReportTask *t)
{
  g_free (t->code);
  g_free (t->title);
  g_free (t->lead);
  g_free (t->cooperating);
  g_free (t->due_date);
  g_free (t->result);
  g_free (t);
}

static void
task_group_free (GdnnReportTaskGroup *g)
{
  g_free (g->code);
  g_free (g->title);
  g_ptr_array_unref (g->tasks);
  g_free (g);
}

static void
budget_line_free (GdnnReportBudgetLine *b)
{
  g_free (b->name);
  g_free (b);
}

void
gdnn_report_doc_free (GdnnReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->period);
  g_free (doc->period_name);
  g_free (doc->unit_code);
  g_free (doc->unit_name);
  g_free (doc->unit_short_name);
  g_free (doc->unit_type);
  g_free (doc->unit_ownership);
  g_free (doc->parent_code);
  g_free (doc->plan_number);
  g_free (doc->plan_title);
  g_free (doc->plan_issuer);
  g_free (doc->governing_body);
  g_free (doc->issuing_body);
  g_free (doc->national_title);
  g_free (doc->motto);
  g_free (doc->number);
  g_free (doc->finalised_at);
  g_free (doc->place);
  g_free (doc->place_date);
  g_free (doc->doc_type);
  g_free (doc->subject);
  g_free (doc->intro);
  for (guint i = 0; i < G_N_ELEMENTS (doc->section_titles); i++)
    g_free (doc->section_titles[i]);
  g_clear_pointer (&doc->task_groups, g_ptr_array_unref);
  g_clear_pointer (&doc->indicators, g_ptr_array_unref);
  g_clear_pointer (&doc->milestone_years, g_array_unref);
  g_clear_pointer (&doc->budget_lines, g_ptr_array_unref);
  g_free (doc->assessment);
  g_free (doc->difficulties);
  g_free (doc->proposals);
  g_strfreev (doc->recipients);
  g_free (doc->signer_title);
  g_free (doc->signer_name);
  g_clear_pointer (&doc->warnings, g_ptr_array_unref);
  g_free (doc);
}

GdnnReportFields *
gdnn_report_fields_new (void)
{
  return g_new0 (GdnnReportFields, 1);
}

void
gdnn_report_fields_free (GdnnReportFields *f)
{
  if (f == NULL)
    return;
  g_free (f->number);
  g_free (f->place);
  g_free (f->report_date);
  g_free (f->signer_name);
  g_free (f->signer_title);
  g_free (f->recipients);
  g_free (f->assessment);
  g_free (f->difficulties);
  g_free (f->proposals);
  g_free (f);
}

/* What the report table holds beside the editable fields. */
typedef struct
{
  gboolean final;
  char    *snapshot;
  char    *finalised_at;
} StoredState;

static GdnnReportFields *
load_fields (GdnnStore    *store,
             gint64        unit_id,
             gint64        plan_id,
             int           year,
             StoredState  *state,
             GError      **error)
{
  g_autoptr(GdnnReportFields) f = gdnn_report_fields_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = gdnn_store_prepare (store,
                             "SELECT number, place, report_date, signer_name, signer_title, recipients, "
                             "assessment, difficulties, proposals, status, snapshot, finalised_at FROM report "
                             "WHERE unit_id = ? AND plan_id = ? AND year = ? AND period = 'year';",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      f->number = gdnn_column_text (stmt, 0);
      f->place = gdnn_column_text (stmt, 1);
      f->report_date = gdnn_column_text (stmt, 2);
      f->signer_name = gdnn_column_text (stmt, 3);
      f->signer_title = gdnn_column_text (stmt, 4);
      f->recipients = gdnn_column_text (stmt, 5);
      f->assessment = gdnn_column_text (stmt, 6);
      f->difficulties = gdnn_column_text (stmt, 7);
      f->proposals = gdnn_column_text (stmt, 8);
      if (state != NULL)
        {
          g_autofree char *status = gdnn_column_text (stmt, 9);
          state->final = g_strcmp0 (status, "final") == 0;
          state->snapshot = gdnn_column_text (stmt, 10);
          state->finalised_at = gdnn_column_text (stmt, 11);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&f);
}

/**
 * gdnn_report_fields_load:
 *
 * Returns: (transfer full): what the user wrote for the unit's report of
 *   @year on the plan; every field %NULL when nothing was saved yet.
 */
GdnnReportFields *
gdnn_report_fields_load (GdnnStore  *store,
                         gint64      unit_id,
                         gint64      plan_id,
                         int         year,
                         GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);
  return load_fields (store, unit_id, plan_id, year, NULL, error);
}

static const char *
empty_to_null (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

typedef struct
{
  gint64                  unit_id;
  gint64                  plan_id;
  int                     year;
  const GdnnReportFields *fields;
  const char             *status;
  const char             *snapshot;
  const char             *xlsx_sha256;
  const char             *pdf_sha256;
  const char             *finalised_at;  /* NULL: now */
} SaveData;

static gboolean
save_row (GdnnStore  *store,
          gpointer    user_data,
          GError    **error)
{
  SaveData *d = user_data;
  const GdnnReportFields *f = d->fields;
  g_autofree char *now = gdnn_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = gdnn_store_prepare (store,
                             "INSERT INTO report (unit_id, plan_id, year, period, number, place, report_date, "
                             "signer_name, signer_title, recipients, assessment, difficulties, proposals, status, "
                             "snapshot, finalised_at, xlsx_sha256, pdf_sha256) "
                             "VALUES (?1, ?2, ?3, 'year', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
                             "ON CONFLICT (unit_id, plan_id, year, period) DO UPDATE SET "
                             "number = ?4, place = ?5, report_date = ?6, signer_name = ?7, signer_title = ?8, "
                             "recipients = ?9, assessment = ?10, difficulties = ?11, proposals = ?12, status = ?13, "
                             "snapshot = ?14, finalised_at = ?15, xlsx_sha256 = ?16, pdf_sha256 = ?17;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->unit_id);
  sqlite3_bind_int64 (stmt, 2, d->plan_id);
  sqlite3_bind_int (stmt, 3, d->year);
  gdnn_bind_text (stmt, 4, empty_to_null (f->number));
  gdnn_bind_text (stmt, 5, empty_to_null (f->place));
  gdnn_bind_text (stmt, 6, empty_to_null (f->report_date));
  gdnn_bind_text (stmt, 7, empty_to_null (f->signer_name));
  gdnn_bind_text (stmt, 8, empty_to_null (f->signer_title));
  gdnn_bind_text (stmt, 9, empty_to_null (f->recipients));
  gdnn_bind_text (stmt, 10, empty_to_null (f->assessment));
  gdnn_bind_text (stmt, 11, empty_to_null (f->difficulties));
  gdnn_bind_text (stmt, 12, empty_to_null (f->proposals));
  gdnn_bind_text (stmt, 13, d->status);
  gdnn_bind_text (stmt, 14, d->snapshot);
  gdnn_bind_text (stmt, 15, d->snapshot == NULL ? NULL : d->finalised_at != NULL ? d->finalised_at : now);
  gdnn_bind_text (stmt, 16, d->xlsx_sha256);
  gdnn_bind_text (stmt, 17, d->pdf_sha256);
  return gdnn_store_step_done (store, stmt, error);
}

/**
 * gdnn_report_fields_save:
 *
 * Stores what the user wrote; the report goes back to draft (a finalised
 * report is reopened by editing it).
 */
gboolean
gdnn_report_fields_save (GdnnStore               *store,
                         gint64                   unit_id,
                         gint64                   plan_id,
                         int                      year,
                         const GdnnReportFields  *fields,
                         GError                 **error)
{
  SaveData d = { unit_id, plan_id, year, fields, "draft", NULL, NULL, NULL };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  return gdnn_store_run_in_transaction (store, save_row, &d, error);
}

char *
gdnn_report_file_sha256 (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
join_lines (GStrv lines)
{
  return lines != NULL ? g_strjoinv ("\n", lines) : NULL;
}

/**
 * gdnn_report_finalise:
 * @xlsx_path: (nullable): the exported workbook
 * @pdf_path: (nullable): the exported PDF
 *
 * Freezes the report as @doc shows it: every field (defaults included) is
 * stored, with a snapshot of the printed content and the SHA-256 of the
 * files sent. A later change of the data makes the rebuilt document
 * differ from the snapshot, and gdnn_report_doc_build() then marks it
 * out of date instead of silently printing something else.
 */
gboolean
gdnn_report_finalise (GdnnStore            *store,
                      const GdnnReportDoc  *doc,
                      const char           *xlsx_path,
                      const char           *pdf_path,
                      GError              **error)
{
  g_autoptr(GdnnReportFields) f = gdnn_report_fields_new ();
  g_autofree char *snapshot = NULL;
  g_autofree char *xlsx_sha = NULL;
  g_autofree char *pdf_sha = NULL;
  SaveData d = { doc->unit_id, doc->plan_id, doc->year, f, "final", NULL, NULL, NULL };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  if ((xlsx_path != NULL && !(xlsx_sha = gdnn_report_file_sha256 (xlsx_path, error))) ||
      (pdf_path != NULL && !(pdf_sha = gdnn_report_file_sha256 (pdf_path, error))))
    return FALSE;

  f->number = g_strdup (doc->number);
  f->place = g_strdup (doc->place);
  f->report_date = g_date_valid (&doc->date) ? gdnn_format_date_iso (&doc->date) : NULL;
  f->signer_name = g_strdup (doc->signer_name);
  f->signer_title = g_strdup (doc->signer_title);
  f->recipients = join_lines (doc->recipients);
  f->assessment = g_strdup (doc->assessment);
  f->difficulties = g_strdup (doc->difficulties);
  f->proposals = g_strdup (doc->proposals);
  snapshot = gdnn_report_doc_snapshot (doc);
  d.snapshot = snapshot;
  d.xlsx_sha256 = xlsx_sha;
  d.pdf_sha256 = pdf_sha;
  /* The time written into the files sent, when they carry one. */
  d.finalised_at = doc->finalised_at;
  return gdnn_store_run_in_transaction (store, save_row, &d, error);
}

static gboolean
reopen_row (GdnnStore  *store,
            gpointer    user_data,
            GError    **error)
{
  gint64 *key = user_data;
  sqlite3_stmt *stmt = gdnn_store_prepare (store,
                                           "UPDATE report SET status = 'draft' WHERE unit_id = ? AND plan_id = ? "
                                           "AND year = ? AND period = 'year';",
                                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key[0]);
  sqlite3_bind_int64 (stmt, 2, key[1]);
  sqlite3_bind_int64 (stmt, 3, key[2]);
  return gdnn_store_step_done (store, stmt, error);
}

/* Back to draft, keeping the fields and the last snapshot's hashes. */
gboolean
gdnn_report_reopen (GdnnStore  *store,
                    gint64      unit_id,
                    gint64      plan_id,
                    int         year,
                    GError    **error)
{
  gint64 key[3] = { unit_id, plan_id, year };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  return gdnn_store_run_in_transaction (store, reopen_row, key, error);
}

/* ---- Building the document ---------------------------------------- */

static void
add_warning (GdnnReportDoc         *doc,
             GdnnReportWarningKind  kind,
             const char            *code,
             char                  *message)
{
  GdnnReportWarning *w = g_new0 (GdnnReportWarning, 1);

  w->kind = kind;
  w->code = g_strdup (code);
  w->message = message;
  g_ptr_array_add (doc->warnings, w);
}

/**
 * gdnn_report_doc_check_exportable:
 *
 * A report is exported to be sent; a plan that sets no report dates (a
 * national programme such as 2222/QĐ-TTg) has no office that receives
 * one, and the office's import refuses it. Such an export is refused
 * here, saying what to do instead.
 *
 * Returns: %FALSE with @error set when @doc must not be exported
 */
gboolean
gdnn_report_doc_check_exportable (const GdnnReportDoc  *doc,
                                  GError              **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);

  if (doc->has_schedule)
    return TRUE;
  g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_INVALID,
               /* Translators: %s is a plan number such as 2222/QĐ-TTg. */
               _("Plan %s asks for no reports (it sets no report dates), so no office receives one and the report "
                 "is not exported. Export the report of the plan your office asks for, such as your province's "
                 "plan."), doc->plan_number);
  return FALSE;
}

guint
gdnn_report_doc_count_warnings (const GdnnReportDoc   *doc,
                                GdnnReportWarningKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (doc != NULL, 0);
  for (guint i = 0; i < doc->warnings->len; i++)
    if (((GdnnReportWarning *) g_ptr_array_index (doc->warnings, i))->kind == kind)
      n++;
  return n;
}

static const char *
plan_kind_name (const char *kind)
{
  if (g_strcmp0 (kind, "QĐ") == 0)
    return "Quyết định";
  if (g_strcmp0 (kind, "CTr") == 0)
    return "Chương trình";
  if (g_strcmp0 (kind, "CT") == 0)
    return "Chỉ thị";
  return "Kế hoạch";
}

/* "Thực hiện Chương trình…" → "thực hiện Chương trình…" after "về". */
static char *
lower_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  char buf[8];
  int n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);

  buf[n] = '\0';
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

static char *
upper (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return g_utf8_strup (nfc, -1);
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  /* The date part only; gdnn_parse_date, not sscanf "%d", which
   * overflows on long digit runs and took day 286 for 30 (GDateDay). */
  g_autofree char *day = text != NULL ? g_strndup (text, 10) : NULL;

  g_date_clear (date, 1);
  return day != NULL && gdnn_parse_date (day, date, NULL);
}

/**
 * gdnn_report_indicator_format:
 * @row: an indicator of the report
 * @value: its value, expected value or one of its targets
 *
 * Prints @value as the document does, with the digits the row's track
 * needs so that the value and the levels beside it never contradict the
 * assessment ("59,96%" beside "60%" and "Chưa đạt").
 *
 * Returns: (transfer full): the text
 */
char *
gdnn_report_indicator_format (const GdnnReportIndicator *row,
                              double                     value)
{
  GdnnTrack track = { 0 };

  g_return_val_if_fail (row != NULL, NULL);

  track.decimals = row->decimals;

  if (row->measure == GDNN_MEASURE_BOOLEAN)
    return g_strdup (value >= 0.5 ? "Có" : "Không");
  return gdnn_track_format (&track, row->measure, value);
}

/**
 * gdnn_report_indicator_format_percent_of_target:
 * @row: an indicator of the report
 *
 * Returns: (transfer full): the value as a percentage of its milestone,
 *   below "100%" when the milestone is not reached; "" without one
 */
char *
gdnn_report_indicator_format_percent_of_target (const GdnnReportIndicator *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (!row->has_percent_of_target)
    return g_strdup ("");
  return gdnn_format_percent (row->percent_of_target, row->percent_decimals);
}

static gint
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The targets the unit is held to: its own where the plan gives it one
 * (Bắc Kạn's per-institution enrolment), else the plan-wide ones. */
static GArray *
unit_targets (const GdnnIndicator *ind,
              gint64               own_body)
{
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (GdnnReportTarget));
  gboolean own = FALSE;

  for (guint i = 0; own_body != 0 && i < ind->targets->len; i++)
    own |= ((GdnnTarget *) g_ptr_array_index (ind->targets, i))->body_id == own_body;
  for (guint i = 0; i < ind->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (ind->targets, i);
      GdnnReportTarget rt = { t->year, t->value };

      if (t->body_id == (own ? own_body : 0))
        g_array_append_val (targets, rt);
    }
  g_array_sort (targets, compare_int);
  return targets;
}

static void
compute_track (GdnnReportIndicator *row,
               const GdnnIndicator *ind,
               int                  baseline_year,
               double               baseline_value,
               int                  year)
{
  g_autoptr(GdnnIndicator) tracked = gdnn_indicator_new ();
  GdnnTrack track;

  /* gdnn_track_compute () follows the plan-wide targets; give it the ones
   * this unit is held to. */
  tracked->measure = ind->measure;
  tracked->direction = g_strdup (ind->direction);
  for (guint i = 0; i < row->targets->len; i++)
    {
      GdnnTarget *t = gdnn_target_new ();
      t->year = g_array_index (row->targets, GdnnReportTarget, i).year;
      t->value = g_array_index (row->targets, GdnnReportTarget, i).value;
      g_ptr_array_add (tracked->targets, t);
    }

  /* Without a track, as many digits as a value usually needs. */
  row->decimals = ind->measure == GDNN_MEASURE_RATIO ? 1 : 2;
  if (!row->has_value || !gdnn_track_compute (tracked, baseline_year, baseline_value, year, row->value, &track))
    return;

  row->has_track = TRUE;
  row->track = track.state;
  row->expected = track.expected;
  row->target_year = track.target_year;
  row->target_value = track.target_value;
  row->decimals = track.decimals;
  row->has_percent_of_target = track.has_percent_of_target;
  row->percent_of_target = track.percent_of_target;
  row->percent_decimals = track.percent_decimals;
  /* The assessment is the track's state, which also chose the digits. */
  switch (track.state)
    {
    case GDNN_TRACK_REACHED:
      row->assessment = track.exceeded ? GDNN_REPORT_ASSESSMENT_EXCEEDED : GDNN_REPORT_ASSESSMENT_MET;
      break;
    case GDNN_TRACK_ON:
      row->assessment = GDNN_REPORT_ASSESSMENT_MET;
      break;
    case GDNN_TRACK_BEHIND:
      row->assessment = GDNN_REPORT_ASSESSMENT_NOT_MET;
      break;
    case GDNN_TRACK_UNKNOWN:
    default:
      break;
    }
}

static gboolean
build_indicators (GdnnReportDoc   *doc,
                  GdnnStore       *store,
                  const GdnnPlan  *plan,
                  GError         **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GHashTable) this_year = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) base = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) years = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 own_body = 0;
  GHashTableIter iter;
  gpointer key;

  if (!(indicators = gdnn_store_list_indicators (store, plan->id, error)) ||
      !(bodies = gdnn_store_list_bodies (store, plan->id, error)) ||
      !(values = gdnn_store_list_values (store, doc->unit_id, plan->id, doc->year, error)) ||
      !(baseline = gdnn_store_list_values (store, doc->unit_id, plan->id, plan->baseline_year, error)))
    return FALSE;

  for (guint i = 0; i < bodies->len; i++)
    {
      GdnnBody *b = g_ptr_array_index (bodies, i);
      if (b->unit_id == doc->unit_id)
        own_body = b->id;
    }
  for (guint i = 0; i < values->len; i++)
    {
      GdnnValue *v = g_ptr_array_index (values, i);
      if (g_str_equal (v->period, "year"))
        g_hash_table_insert (this_year, &v->indicator_id, v);
    }
  for (guint i = 0; i < baseline->len; i++)
    {
      GdnnValue *v = g_ptr_array_index (baseline, i);
      if (g_str_equal (v->period, "year"))
        g_hash_table_insert (base, &v->indicator_id, v);
    }

  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      GdnnValue *v = g_hash_table_lookup (this_year, &ind->id);
      GdnnReportIndicator *row = g_new0 (GdnnReportIndicator, 1);
      gboolean has_base = FALSE;
      double base_value = gdnn_value_measure (ind, g_hash_table_lookup (base, &ind->id), &has_base);

      row->number = doc->indicators->len + 1;
      row->indicator_id = ind->id;
      row->code = g_strdup (ind->code);
      row->name = g_strdup (ind->name);
      row->group_code = g_strdup (ind->group_code);
      row->group_title = g_strdup (ind->group_title);
      row->measure = ind->measure;
      row->unit_label = g_strdup (ind->unit_label != NULL ? ind->unit_label
                                  : ind->measure == GDNN_MEASURE_RATIO ? "%"
                                  : ind->measure == GDNN_MEASURE_AMOUNT ? "đồng" : NULL);
      row->numerator_label = g_strdup (ind->numerator_label);
      row->denominator_label = g_strdup (ind->denominator_label);
      row->targets = unit_targets (ind, own_body);
      for (guint t = 0; t < row->targets->len; t++)
        g_hash_table_add (years, GINT_TO_POINTER (g_array_index (row->targets, GdnnReportTarget, t).year));

      if (v != NULL)
        {
          row->has_numerator = v->has_numerator;
          row->numerator = v->numerator;
          row->has_denominator = v->has_denominator;
          row->denominator = v->denominator;
          row->note = g_strdup (empty_to_null (v->note));
          row->value_status = g_strdup (v->status);
          row->value = gdnn_value_measure (ind, v, &row->has_value);
        }
      compute_track (row, ind, plan->baseline_year, has_base ? base_value : 0, doc->year);

      if (!row->has_value)
        /* Translators: %s is an indicator code, %d the report's year. */
        add_warning (doc, GDNN_REPORT_WARNING_MISSING_VALUE, row->code,
                     g_strdup_printf (_("Indicator %s has no value for %d."), row->code, doc->year));
      else if (row->has_track && row->track == GDNN_TRACK_BEHIND && row->note == NULL)
        add_warning (doc, GDNN_REPORT_WARNING_MISSING_NOTE, row->code,
                     /* Translators: %s is an indicator code. */
                     g_strdup_printf (_("Indicator %s is behind its target and has no explanation."), row->code));
      g_ptr_array_add (doc->indicators, row);
    }

  g_hash_table_iter_init (&iter, years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int y = GPOINTER_TO_INT (key);
      g_array_append_val (doc->milestone_years, y);
    }
  g_array_sort (doc->milestone_years, compare_int);
  return TRUE;
}

static gboolean
build_tasks (GdnnReportDoc   *doc,
             GdnnStore       *store,
             const GdnnPlan  *plan,
             const GDate     *today,
             GError         **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GHashTable) by_task = g_hash_table_new (g_int64_hash, g_int64_equal);
  GdnnReportTaskGroup *group = NULL;

  if (!(tasks = gdnn_store_list_tasks (store, plan->id, doc->unit_id, error)) ||
      !(progress = gdnn_store_list_task_progress (store, doc->unit_id, plan->id, doc->year, error)))
    return FALSE;
  for (guint i = 0; i < progress->len; i++)
    {
      GdnnTaskProgress *p = g_ptr_array_index (progress, i);
      if (g_str_equal (p->period, "year"))
        g_hash_table_insert (by_task, &p->task_id, p);
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      GdnnTaskProgress *p = g_hash_table_lookup (by_task, &t->id);
      GdnnReportTask *rt = g_new0 (GdnnReportTask, 1);
      GDate due;

      if (group == NULL || g_strcmp0 (group->code, t->group_code) != 0)
        {
          group = g_new0 (GdnnReportTaskGroup, 1);
          group->code = g_strdup (t->group_code);
          group->title = g_strdup (t->group_title != NULL ? t->group_title : "Nhiệm vụ khác của đơn vị");
          group->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
          g_ptr_array_add (doc->task_groups, group);
        }

      rt->task_id = t->id;
      rt->code = g_strdup (t->code);
      rt->title = g_strdup (t->title);
      rt->lead = g_strdup (t->lead_name);
      rt->cooperating = g_strdup (t->cooperating);
      rt->due_date = g_strdup (t->due_date);
      rt->reported = p != NULL;
      rt->status = p != NULL ? p->status : GDNN_TASK_NOT_STARTED;
      rt->progress = p != NULL ? p->progress : 0;
      rt->result = p != NULL ? g_strdup (empty_to_null (p->result)) : NULL;
      rt->overdue = rt->status == GDNN_TASK_OVERDUE ||
                    (rt->status != GDNN_TASK_DONE && parse_iso_date (t->due_date, &due) &&
                     g_date_compare (&due, today) < 0);
      g_ptr_array_add (group->tasks, rt);

      if (rt->result == NULL)
        /* Translators: %s is a task code, %d the report's year. */
        add_warning (doc, GDNN_REPORT_WARNING_TASK_NO_RESULT, rt->code,
                     g_strdup_printf (_("Task %s has no result for %d."), rt->code, doc->year));
      if (rt->overdue)
        /* Translators: %s is a task code. */
        add_warning (doc, GDNN_REPORT_WARNING_TASK_OVERDUE, rt->code,
                     g_strdup_printf (_("Task %s is past its due date and not done."), rt->code));
    }
  return TRUE;
}

static gboolean
build_budget (GdnnReportDoc   *doc,
              GdnnStore       *store,
              const GdnnPlan  *plan,
              GError         **error)
{
  /* The plan's lines and the unit's own, with the unit's figures. */
  g_autoptr(GPtrArray) lines = gdnn_budget_list_lines (store, plan->id, doc->unit_id, error);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      GdnnBudgetLine *line = g_ptr_array_index (lines, i);
      const GdnnBudgetYear *reference = gdnn_budget_line_get_reference (line, doc->year);
      GdnnReportBudgetLine *b;

      b = g_new0 (GdnnReportBudgetLine, 1);
      b->name = g_strdup (line->name);
      b->source = line->source;
      for (guint y = 0; y < line->years->len; y++)
        {
          const GdnnBudgetYear *by = &g_array_index (line->years, GdnnBudgetYear, y);

          if (by->year > doc->year)
            continue;
          b->planned_total += by->planned;
          b->spent_total += by->has_spent ? by->spent : 0;
          if (by->year == doc->year)
            {
              b->planned = by->planned;
              b->has_spent = by->has_spent;
              b->spent = by->spent;
            }
        }
      if (reference != NULL)
        {
          b->has_reference = TRUE;
          b->reference = reference->planned;
          doc->budget_has_reference = TRUE;
          doc->budget_reference += reference->planned;
        }
      doc->budget_planned += b->planned;
      doc->budget_spent += b->has_spent ? b->spent : 0;
      doc->budget_planned_total += b->planned_total;
      doc->budget_spent_total += b->spent_total;
      g_ptr_array_add (doc->budget_lines, b);
    }
  return TRUE;
}

/* ---- Drafts of the narrative parts, built from the data ------------- */

static void
append_count (GString    *s,
              guint       n,
              const char *what,
              gboolean   *first)
{
  if (n == 0)
    return;
  g_string_append_printf (s, "%s%u %s", *first ? "" : ", ", n, what);
  *first = FALSE;
}

static char *
draft_assessment (const GdnnReportDoc *doc,
                  const char          *plan_ref)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint by_status[GDNN_N_TASK_STATUS] = { 0 };
  guint n_tasks = 0, met = 0, not_met = 0, missing = 0, exceeded = 0;
  gboolean first = TRUE;

  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      for (guint i = 0; i < group->tasks->len; i++)
        {
          GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          by_status[t->status]++;
          n_tasks++;
        }
    }
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      if (!r->has_value)
        missing++;
      else if (r->assessment == GDNN_REPORT_ASSESSMENT_NOT_MET)
        not_met++;
      else if (r->assessment == GDNN_REPORT_ASSESSMENT_EXCEEDED)
        exceeded++;
      else if (r->assessment == GDNN_REPORT_ASSESSMENT_MET)
        met++;
    }

  g_string_append_printf (s, "Năm %d, %s đã triển khai thực hiện %u nhiệm vụ theo %s",
                          doc->year, doc->unit_name, n_tasks, plan_ref);
  if (n_tasks > 0)
    {
      g_string_append (s, ", trong đó ");
      append_count (s, by_status[GDNN_TASK_DONE], "nhiệm vụ hoàn thành", &first);
      append_count (s, by_status[GDNN_TASK_IN_PROGRESS], "nhiệm vụ đang thực hiện", &first);
      append_count (s, by_status[GDNN_TASK_OVERDUE], "nhiệm vụ quá hạn", &first);
      append_count (s, by_status[GDNN_TASK_PAUSED], "nhiệm vụ tạm dừng", &first);
      append_count (s, by_status[GDNN_TASK_NOT_STARTED], "nhiệm vụ chưa thực hiện", &first);
    }
  g_string_append (s, ".\n");
  g_string_append_printf (s, "Trong %u chỉ tiêu của Kế hoạch, ", doc->indicators->len);
  first = TRUE;
  append_count (s, exceeded, "chỉ tiêu vượt", &first);
  append_count (s, met, "chỉ tiêu đạt mức cần đạt của năm", &first);
  append_count (s, not_met, "chỉ tiêu chưa đạt", &first);
  append_count (s, missing, "chỉ tiêu chưa có số liệu", &first);
  g_string_append_c (s, '.');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
draft_difficulties (const GdnnReportDoc *doc)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < doc->indicators->len; i++)
    {
      GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      g_autofree char *value = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *target = NULL;

      if (r->assessment != GDNN_REPORT_ASSESSMENT_NOT_MET)
        continue;
      if (!any)
        g_string_append_printf (s, "Một số chỉ tiêu chưa đạt mức cần đạt của năm %d:", doc->year);
      any = TRUE;
      value = gdnn_report_indicator_format (r, r->value);
      expected = gdnn_report_indicator_format (r, r->expected);
      target = gdnn_report_indicator_format (r, r->target_value);
      g_string_append_printf (s, "\n- Chỉ tiêu %s: đạt %s, mức cần đạt %s (mục tiêu năm %d: %s)",
                              r->code, value, expected, r->target_year, target);
      if (r->note != NULL)
        g_string_append_printf (s, "; %s", r->note);
      g_string_append_c (s, '.');
    }
  for (guint g = 0, first = TRUE; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      for (guint i = 0; i < group->tasks->len; i++)
        {
          GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          if (!t->overdue)
            continue;
          if (first)
            g_string_append_printf (s, "%sMột số nhiệm vụ chậm tiến độ:", any ? "\n" : "");
          first = FALSE;
          any = TRUE;
          g_string_append_printf (s, "\n- Nhiệm vụ %s: %s.", t->code, gdnn_report_task_status_text (t->status));
        }
    }
  if (!any)
    g_string_append (s, "Không có khó khăn, vướng mắc lớn trong quá trình thực hiện.");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
draft_proposals (const GdnnReportDoc *doc,
                 const char          *addressee)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < doc->indicators->len; i++)
    {
      GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      if (r->assessment == GDNN_REPORT_ASSESSMENT_NOT_MET)
        g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", r->code);
    }
  if (codes->len > 0)
    return g_strdup_printf ("Đề nghị %s tiếp tục quan tâm, hướng dẫn và hỗ trợ nguồn lực để %s hoàn thành "
                            "các chỉ tiêu %s theo lộ trình của Kế hoạch.",
                            addressee, doc->unit_name, codes->str);
  return g_strdup_printf ("Đề nghị %s tiếp tục quan tâm, hướng dẫn và hỗ trợ nguồn lực để %s thực hiện "
                          "hiệu quả Kế hoạch trong thời gian tới.", addressee, doc->unit_name);
}

static GStrv
default_recipients (const GdnnPlan *plan,
                    const GdnnUnit *parent)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  /* The plan names who receives the reports; the unit's own superior
   * when that is the same office is written once, in full. */
  if (parent != NULL && (plan->recipient == NULL || g_str_has_prefix (parent->name, plan->recipient)))
    g_strv_builder_add (b, parent->name);
  else
    {
      if (plan->recipient != NULL)
        g_strv_builder_add (b, plan->recipient);
      if (parent != NULL)
        g_strv_builder_add (b, parent->name);
    }
  g_strv_builder_add (b, ARCHIVE_LINE);
  return g_strv_builder_end (b);
}

static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Accept what people paste from a document: "- Sở…;". */
      char *line = g_strstrip (lines[i]);
      gsize len;

      if (g_str_has_prefix (line, "-"))
        line = g_strstrip (line + 1);
      len = strlen (line);
      while (len > 0 && (line[len - 1] == ';' || line[len - 1] == '.'))
        line[--len] = '\0';
      if (*line != '\0')
        g_strv_builder_add (b, line);
    }
  return g_strv_builder_end (b);
}

static void
default_date (GdnnReportDoc *doc,
              const GDate   *today)
{
  if (g_date_get_year (today) == (GDateYear) doc->year)
    doc->date = *today;
  else if (g_date_valid (&doc->due))
    doc->date = doc->due;
  else
    g_date_set_dmy (&doc->date, 31, G_DATE_DECEMBER, doc->year);
}

static gboolean
build_snapshot_state (GdnnReportDoc *doc,
                      StoredState   *state)
{
  g_autofree char *snapshot = NULL;

  if (!state->final)
    return FALSE;
  snapshot = gdnn_report_doc_snapshot (doc);
  return g_strcmp0 (snapshot, state->snapshot) != 0;
}

/**
 * gdnn_report_doc_build:
 * @today: (nullable): the day the report is made (the default date, the
 *   overdue checks); %NULL for today
 *
 * Reads everything the yearly report of @unit_id on @plan_id for @year
 * shows: the user's fields where saved, defaults built from the data
 * elsewhere, and the warnings to show before export.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GdnnReportDoc *
gdnn_report_doc_build (GdnnStore    *store,
                       gint64        unit_id,
                       gint64        plan_id,
                       int           year,
                       const GDate  *today,
                       GError      **error)
{
  g_autoptr(GdnnReportDoc) doc = g_new0 (GdnnReportDoc, 1);
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnUnit) parent = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GdnnReportFields) f = NULL;
  g_autofree char *plan_ref = NULL;
  g_autofree char *about = NULL;
  StoredState state = { FALSE, NULL, NULL };
  GDate now;
  GDate issued;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  if (!(unit = gdnn_store_get_unit (store, unit_id, error)) ||
      !(plan = gdnn_store_get_plan (store, plan_id, error)) ||
      !(periods = gdnn_store_list_report_periods (store, plan_id, error)))
    return NULL;
  if (year < plan->first_year || year > plan->last_year)
    {
      g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND,
                   /* Translators: a report asked for a year outside the plan. */
                   _("Plan %s runs from %d to %d; there is no report for %d."),
                   plan->number, plan->first_year, plan->last_year, year);
      return NULL;
    }
  if (unit->parent_id != 0 && !(parent = gdnn_store_get_unit (store, unit->parent_id, error)))
    return NULL;
  if (!(f = load_fields (store, unit_id, plan_id, year, &state, error)))
    return NULL;

  doc->unit_id = unit_id;
  doc->plan_id = plan_id;
  doc->year = year;
  doc->period = g_strdup ("year");
  doc->has_schedule = periods->len > 0;
  g_date_clear (&doc->due, 1);
  for (guint i = 0; i < periods->len; i++)
    {
      GdnnReportPeriod *p = g_ptr_array_index (periods, i);
      if (g_str_equal (p->code, "year") && g_date_valid_dmy (p->due_day, p->due_month, year))
        {
          g_date_set_dmy (&doc->due, p->due_day, p->due_month, year);
          doc->period_name = g_strdup (p->name);
        }
    }
  if (doc->period_name == NULL)
    doc->period_name = g_strdup ("Báo cáo năm");
  doc->unit_code = g_strdup (unit->code);
  doc->unit_name = g_strdup (unit->name);
  doc->unit_short_name = g_strdup (unit->short_name);
  doc->unit_type = g_strdup (gdnn_unit_type_to_string (unit->type));
  doc->unit_ownership = unit->ownership != GDNN_OWNERSHIP_NONE ? g_strdup (gdnn_ownership_to_string (unit->ownership))
                                                               : NULL;
  doc->parent_code = g_strdup (unit->parent_code);
  doc->plan_number = g_strdup (plan->number);
  doc->plan_title = g_strdup (plan->title);
  doc->plan_issuer = g_strdup (plan->issuer);

  /* Header: names are the user's data, printed in capitals. */
  if (unit->governing_body != NULL && *unit->governing_body != '\0')
    doc->governing_body = upper (unit->governing_body);
  else if (parent != NULL)
    doc->governing_body = upper (parent->name);
  doc->issuing_body = upper (unit->name);
  doc->national_title = g_strdup (NATIONAL_TITLE);
  doc->motto = g_strdup (MOTTO);
  doc->number = f->number != NULL ? g_strdup (f->number)
                : g_strdup_printf ("      /BC-%s", unit->code != NULL ? unit->code : "");
  doc->place = g_strdup (f->place != NULL ? f->place : plan->place != NULL ? plan->place : "");
  if (!parse_iso_date (f->report_date, &doc->date))
    default_date (doc, today);
  doc->place_date = gdnn_format_date_official (doc->place, &doc->date);

  doc->doc_type = g_strdup ("BÁO CÁO");
  plan_ref = g_strdup_printf ("%s số %s", plan_kind_name (plan->kind), plan->number);
  doc->subject = g_strdup_printf ("Kết quả thực hiện %s năm %d", plan_ref, year);
  about = lower_first (plan->title);
  if (parse_iso_date (plan->issue_date, &issued))
    {
      g_autofree char *when = gdnn_format_date (&issued);
      doc->intro = g_strdup_printf ("Thực hiện %s ngày %s của %s về %s, %s báo cáo kết quả thực hiện năm %d "
                                    "như sau:", plan_ref, when, plan->issuer, about, unit->name, year);
    }
  else
    doc->intro = g_strdup_printf ("Thực hiện %s của %s về %s, %s báo cáo kết quả thực hiện năm %d như sau:",
                                  plan_ref, plan->issuer, about, unit->name, year);
  for (guint i = 0; i < G_N_ELEMENTS (doc->section_titles); i++)
    doc->section_titles[i] = g_strdup (section_titles[i]);

  doc->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
  doc->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  doc->milestone_years = g_array_new (FALSE, FALSE, sizeof (int));
  doc->task_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) task_group_free);
  doc->budget_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) budget_line_free);
  if (!build_tasks (doc, store, plan, today, error) ||
      !build_indicators (doc, store, plan, error) ||
      !build_budget (doc, store, plan, error))
    return NULL;

  doc->assessment_generated = f->assessment == NULL;
  doc->assessment = f->assessment != NULL ? g_strdup (f->assessment) : draft_assessment (doc, plan_ref);
  doc->difficulties_generated = f->difficulties == NULL;
  doc->difficulties = f->difficulties != NULL ? g_strdup (f->difficulties) : draft_difficulties (doc);
  doc->recipients = f->recipients != NULL ? split_lines (f->recipients) : default_recipients (plan, parent);
  doc->proposals_generated = f->proposals == NULL;
  doc->proposals = f->proposals != NULL ? g_strdup (f->proposals)
                   : draft_proposals (doc, doc->recipients[0] != NULL && !g_str_equal (doc->recipients[0], ARCHIVE_LINE)
                                           ? doc->recipients[0] : "cấp có thẩm quyền");
  doc->signer_title = f->signer_title != NULL ? upper (f->signer_title)
                      : unit->head_title != NULL ? upper (unit->head_title) : g_strdup ("THỦ TRƯỞNG ĐƠN VỊ");
  doc->signer_name = g_strdup (f->signer_name != NULL ? f->signer_name : unit->head_name);

  doc->out_of_date = build_snapshot_state (doc, &state);
  doc->final = state.final && !doc->out_of_date;
  doc->draft = !doc->final;
  if (doc->final)
    doc->finalised_at = g_steal_pointer (&state.finalised_at);
  if (doc->out_of_date)
    add_warning (doc, GDNN_REPORT_WARNING_OUT_OF_DATE, NULL,
                 g_strdup (_("The report was finalised, but the data changed since: it is out of date.")));
  else if (!doc->final && g_date_valid (&doc->due) && g_date_compare (today, &doc->due) > 0)
    {
      g_autofree char *due = gdnn_format_date (&doc->due);
      /* Translators: %s is the due date, e.g. 30/11/2026. */
      add_warning (doc, GDNN_REPORT_WARNING_REPORT_LATE, NULL,
                   g_strdup_printf (_("The report was due on %s."), due));
    }
  g_free (state.snapshot);
  g_free (state.finalised_at);
  return g_steal_pointer (&doc);
}

GdnnReportDoc *
gdnn_report_doc_build_by_code (GdnnStore    *store,
                               const char   *unit_code,
                               const char   *plan_number,
                               int           year,
                               const GDate  *today,
                               GError      **error)
{
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  unit = gdnn_store_find_unit_by_code (store, unit_code, &local_error);
  if (unit == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND,
                     /* Translators: %s is a unit code. */
                     _("There is no unit with the code “%s”."), unit_code);
      return NULL;
    }
  plan = gdnn_store_find_plan (store, plan_number, &local_error);
  if (plan == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GDNN_REPORT_ERROR, GDNN_REPORT_ERROR_NOT_FOUND,
                     /* Translators: %s is a plan number such as 401/KH-UBND. */
                     _("There is no plan numbered “%s”."), plan_number);
      return NULL;
    }
  return gdnn_report_doc_build (store, unit->id, plan->id, year, today, error);
}

/* ---- Snapshot ------------------------------------------------------- */

static void
snap (GVariantBuilder *b,
      const char      *key,
      const char      *value)
{
  g_variant_builder_add (b, "(ss)", key, value != NULL ? value : "");
}

static void
snap_number (GVariantBuilder *b,
             const char      *key,
             gboolean         has,
             double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  snap (b, key, has ? g_ascii_dtostr (buf, sizeof buf, value) : "");
}

/**
 * gdnn_report_doc_snapshot:
 *
 * Everything the document prints, as canonical text: two documents print
 * the same when their snapshots are equal. Warnings and the draft state
 * are not part of it.
 *
 * Returns: (transfer full): the snapshot
 */
char *
gdnn_report_doc_snapshot (const GdnnReportDoc *doc)
{
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(ss)"));
  g_autoptr(GVariant) v = NULL;
  g_autofree char *date = NULL;
  g_autofree char *recipients = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  date = g_date_valid (&doc->date) ? gdnn_format_date_iso (&doc->date) : NULL;
  recipients = join_lines (doc->recipients);
  snap (&b, "unit", doc->unit_code);
  snap (&b, "plan", doc->plan_number);
  snap_number (&b, "year", TRUE, doc->year);
  snap (&b, "governing_body", doc->governing_body);
  snap (&b, "issuing_body", doc->issuing_body);
  snap (&b, "number", doc->number);
  snap (&b, "place", doc->place);
  snap (&b, "date", date);
  snap (&b, "subject", doc->subject);
  snap (&b, "intro", doc->intro);
  for (guint g = 0; g < doc->task_groups->len; g++)
    {
      GdnnReportTaskGroup *group = g_ptr_array_index (doc->task_groups, g);
      for (guint i = 0; i < group->tasks->len; i++)
        {
          GdnnReportTask *t = g_ptr_array_index (group->tasks, i);
          g_autofree char *key = g_strdup_printf ("task/%s", t->code);
          g_autofree char *val = g_strdup_printf ("%s|%d|%s|%s", gdnn_task_status_to_string (t->status),
                                                  t->progress, t->result != NULL ? t->result : "", t->title);
          snap (&b, key, val);
        }
    }
  for (guint i = 0; i < doc->indicators->len; i++)
    {
      GdnnReportIndicator *r = g_ptr_array_index (doc->indicators, i);
      g_autofree char *prefix = g_strdup_printf ("indicator/%s/", r->code);
      g_autofree char *k1 = g_strconcat (prefix, "numerator", NULL);
      g_autofree char *k2 = g_strconcat (prefix, "denominator", NULL);
      g_autofree char *k3 = g_strconcat (prefix, "note", NULL);
      g_autofree char *k4 = g_strconcat (prefix, "name", NULL);

      snap_number (&b, k1, r->has_numerator, r->numerator);
      snap_number (&b, k2, r->has_denominator, r->denominator);
      snap (&b, k3, r->note);
      snap (&b, k4, r->name);
      for (guint t = 0; t < r->targets->len; t++)
        {
          const GdnnReportTarget *tg = &g_array_index (r->targets, GdnnReportTarget, t);
          g_autofree char *k = g_strdup_printf ("%starget/%d", prefix, tg->year);
          snap_number (&b, k, TRUE, tg->value);
        }
    }
  for (guint i = 0; i < doc->budget_lines->len; i++)
    {
      GdnnReportBudgetLine *l = g_ptr_array_index (doc->budget_lines, i);
      g_autofree char *key = g_strdup_printf ("budget/%u", i);
      g_autofree char *val = g_strdup_printf ("%s|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%"
                                              G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                              l->name, l->source, l->planned, l->spent, l->has_spent,
                                              l->planned_total, l->spent_total);
      snap (&b, key, val);
      if (l->has_reference)
        {
          g_autofree char *ref_key = g_strdup_printf ("budget/%u/reference", i);
          snap_number (&b, ref_key, TRUE, l->reference);
        }
    }
  snap (&b, "assessment", doc->assessment);
  snap (&b, "difficulties", doc->difficulties);
  snap (&b, "proposals", doc->proposals);
  snap (&b, "recipients", recipients);
  snap (&b, "signer_title", doc->signer_title);
  snap (&b, "signer_name", doc->signer_name);

  v = g_variant_ref_sink (g_variant_builder_end (&b));
  return g_variant_print (v, FALSE);
}

/* "BG-CD01_401-KH-UBND_2026": a file name without "/" or spaces. */
char *
gdnn_report_doc_default_basename (const GdnnReportDoc *doc)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (doc != NULL, NULL);
  name = g_strdup_printf ("bao-cao_%s_%s_%d", doc->unit_code != NULL ? doc->unit_code : "don-vi",
                          doc->plan_number, doc->year);
  for (char *p = name; *p; p++)
    if (*p == '/' || *p == '\\' || *p == ' ' || *p == ':')
      *p = '-';
  return g_steal_pointer (&name);
}
