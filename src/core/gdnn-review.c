/* gdnn-review.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-review"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gdnn-budget.h"
#include "gdnn-review.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"
#include "gdnn-track.h"
#include "gdnn-validation.h"
#include "gdnn-value-row.h"

/* The reviewing office's side of the exchange (issue 6).
 *
 * Rules decided here (see also the report of the "review" helper):
 * - A file is checked completely before anything is written and stored in
 *   one transaction; any refusal rolls everything back.
 * - Indicator codes must be the plan's, with the plan's measure. An
 *   indicator reported twice: the first row counts, the later ones are
 *   ignored and flagged (GDNN_PROBLEM_DUPLICATE).
 * - Task codes: the plan's tasks (and the unit's own tasks when this
 *   database holds them) are stored; other codes are the unit's own tasks,
 *   which the office's database does not hold (a file carries no titles to
 *   create them), so they are skipped, not refused.
 * - Budget rows: matched by name to the plan's lines (the position is the
 *   row's place in the file, the plan's lines come first), else to the
 *   unit's own line of that name; a line of the unit's own the database
 *   does not know is added as the unit's own line.
 * - A ratio above 100 % or with a zero (or no) denominator is not written
 *   to the value table (the value table refuses it) but flagged; the
 *   unit's older value for that indicator is removed, so the value table
 *   always holds what the newest file says.
 * - A newer file replaces every older not-replaced one of the same unit,
 *   plan, year and period. "Newer" is the report's own order, never the
 *   order of import: its date (report_date), then the time it was
 *   finalised (finalised_at), both written into the file; a file without
 *   them comes before one with them; equal dates: the later import. An
 *   older file that arrives after a newer one is kept in the history as
 *   replaced by the newer one and its figures are not written.
 * - Delivery is judged by the first file received for the period.
 * - With an office, the units are that office's child units (parent_id). */

#define EPSILON 1e-9

G_DEFINE_QUARK (gdnn-review-error-quark, gdnn_review_error)

static const char *const state_names[] = { "received", "accepted", "returned", "replaced" };
static const char *const problem_names[] = {
  "edited_cell", "ratio_over_100", "zero_denominator", "decreased", "behind_no_note",
  "not_attached", "duplicate", "unknown_unit", "missing_value",
};

const char *
gdnn_submission_state_to_string (GdnnSubmissionState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

gboolean
gdnn_submission_state_from_string (const char          *text,
                                   GdnnSubmissionState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = (GdnnSubmissionState) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gdnn_submission_state_label (GdnnSubmissionState state)
{
  switch (state)
    {
    case GDNN_SUBMISSION_RECEIVED:
      /* Translators: the state of a report file a unit sent. */
      return C_("submission state", "Received");
    case GDNN_SUBMISSION_ACCEPTED:
      return _("Accepted");
    case GDNN_SUBMISSION_RETURNED:
      return _("Returned");
    case GDNN_SUBMISSION_REPLACED:
      return _("Replaced by a newer file");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
gdnn_delivery_label (GdnnDelivery delivery)
{
  switch (delivery)
    {
    case GDNN_DELIVERY_ON_TIME:
      /* Translators: a unit's report arrived by the due date. */
      return _("On time");
    case GDNN_DELIVERY_LATE:
      return _("Late");
    case GDNN_DELIVERY_MISSING:
      return _("Not received");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
gdnn_problem_kind_to_string (GdnnProblemKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (problem_names), NULL);
  return problem_names[kind];
}

static gboolean
problem_kind_from_string (const char      *text,
                          GdnnProblemKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (problem_names); i++)
    if (g_strcmp0 (text, problem_names[i]) == 0)
      {
        *kind = (GdnnProblemKind) i;
        return TRUE;
      }
  return FALSE;
}

void
gdnn_review_problem_free (GdnnReviewProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->ref);
  g_free (problem->message);
  g_free (problem);
}

void
gdnn_submission_info_free (GdnnSubmissionInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->unit_code);
  g_free (info->unit_name);
  g_free (info->plan_number);
  g_free (info->period);
  g_free (info->file_name);
  g_free (info->sha256);
  g_free (info->received_at);
  g_free (info->report_date);
  g_free (info->report_number);
  g_free (info->note);
  g_free (info);
}

void
gdnn_submission_status_free (GdnnSubmissionStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->unit_code);
  g_free (status->unit_name);
  gdnn_submission_info_free (status->current);
  g_free (status);
}

static void
aggregate_row_free (GdnnAggregateRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row->group_code);
  g_free (row->group_title);
  g_free (row->unit_label);
  g_free (row);
}

static void
unit_comparison_free (GdnnUnitComparison *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->unit_code);
  g_free (unit->unit_name);
  g_clear_pointer (&unit->values, g_ptr_array_unref);
  g_free (unit);
}

void
gdnn_aggregate_free (GdnnAggregate *aggregate)
{
  if (aggregate == NULL)
    return;
  g_clear_pointer (&aggregate->rows, g_ptr_array_unref);
  g_clear_pointer (&aggregate->units, g_ptr_array_unref);
  g_free (aggregate);
}

/* ---- Small helpers -------------------------------------------------- */

/* The date part of an ISO 8601 date or date and time. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  int y = 0, m = 0, d = 0;

  g_date_clear (date, 1);
  /* sscanf: the widths bound every number to four digits, so none
   * overflows; g_date_valid_dmy() checks the values. NOLINTNEXTLINE(cert-err34-c) */
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_iso_date (const char *text)
{
  GDate date;

  if (!parse_iso_date (text, &date))
    return g_strdup (text != NULL ? text : "");
  return gdnn_format_date (&date);
}

/* A number as the return letter prints it. */
static char *
format_measure (GdnnMeasure measure,
                double      value)
{
  if (measure == GDNN_MEASURE_RATIO)
    return gdnn_format_percent (value, 1);
  if (measure == GDNN_MEASURE_AMOUNT)
    return gdnn_format_money ((gint64) llround (value));
  return gdnn_format_number (value, value == floor (value) ? 0 : 2);
}

/* A value or the level it is tracked against, as the return letter prints
 * it, with the digits that keep them in the order of the track's state. */
static char *
format_tracked (GdnnMeasure      measure,
                const GdnnTrack *track,
                double           value)
{
  g_autofree char *number = gdnn_track_format (track, measure, value);

  if (measure == GDNN_MEASURE_AMOUNT)
    return g_strconcat (number, " đồng", NULL);
  return g_steal_pointer (&number);
}

/* Runs a one-row query: TRUE with the row ready, FALSE (and @error set on
 * a failure) when there is none. The caller resets @stmt. */
static gboolean
step_row (GdnnStore     *store,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    gdnn_store_set_error (store, error);
  return FALSE;
}

static gint64
lookup_id (GdnnStore   *store,
           const char  *sql,
           const char  *text,
           GError     **error)
{
  sqlite3_stmt *stmt = gdnn_store_prepare (store, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  gdnn_bind_text (stmt, 1, text);
  if (step_row (store, stmt, error))
    id = sqlite3_column_int64 (stmt, 0);
  else if (error != NULL && *error != NULL)
    id = -1;
  sqlite3_reset (stmt);
  return id;
}

/* ---- Storing a submission ------------------------------------------ */

typedef struct
{
  GdnnProblemKind  kind;
  char            *ref;
  char            *message;
} Problem;

static void
problem_free (Problem *p)
{
  g_free (p->ref);
  g_free (p->message);
  g_free (p);
}

typedef struct
{
  const GdnnSubmission *sub;
  const char           *file_name;
  const char           *sha256;
  const char           *received_at;
  gint64                id;

  GdnnPlan             *plan;
  gint64                unit_id;
  gboolean              unit_added;  /* the unit came from the file */
  gboolean              stale;       /* a newer file of the period is already stored */
  gint64                newer_id;
  GPtrArray            *problems;    /* of Problem */
} StoreData;

static void G_GNUC_PRINTF (4, 5)
add_problem (StoreData       *data,
             GdnnProblemKind  kind,
             const char      *ref,
             const char      *format,
             ...)
{
  Problem *p = g_new0 (Problem, 1);
  va_list args;

  p->kind = kind;
  p->ref = g_strdup (ref);
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (data->problems, p);
}

static gboolean
check_plan_and_period (GdnnStore  *store,
                       StoreData  *data,
                       GError    **error)
{
  const GdnnSubmission *sub = data->sub;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean known_period = FALSE;

  if (sub->plan_number == NULL ||
      !(data->plan = gdnn_store_find_plan (store, sub->plan_number, &local_error)))
    {
      if (local_error != NULL && !g_error_matches (local_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Translators: %s is a plan number such as 401/KH-UBND. */
      g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_WRONG_PLAN,
                   _("The file reports on plan %s, which is not in this database."),
                   sub->plan_number != NULL ? sub->plan_number : "?");
      return FALSE;
    }

  if (sub->year < data->plan->first_year || sub->year > data->plan->last_year)
    {
      /* Translators: a year, a plan number, and the plan's first and last years. */
      g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_WRONG_PERIOD,
                   _("The file reports on %d, outside plan %s (%d–%d)."),
                   sub->year, data->plan->number, data->plan->first_year, data->plan->last_year);
      return FALSE;
    }

  if (!(periods = gdnn_store_list_report_periods (store, data->plan->id, error)))
    return FALSE;
  for (guint i = 0; i < periods->len; i++)
    if (g_strcmp0 (((GdnnReportPeriod *) g_ptr_array_index (periods, i))->code, sub->period) == 0)
      known_period = TRUE;
  if (!known_period)
    {
      /* Translators: a report period code ("year", "h1") and a plan number. */
      g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_WRONG_PERIOD,
                   _("The file reports on the period “%s”, for which plan %s asks no report."),
                   sub->period != NULL ? sub->period : "", data->plan->number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_duplicate (GdnnStore  *store,
                 StoreData  *data,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *sha = g_ascii_strdown (data->sha256, -1);

  stmt = gdnn_store_prepare (store,
                             "SELECT received_at, file_name FROM submission WHERE sha256 = ? "
                             "ORDER BY received_at LIMIT 1;",
                             error);
  if (stmt == NULL)
    return FALSE;
  gdnn_bind_text (stmt, 1, sha);
  if (step_row (store, stmt, error))
    {
      g_autofree char *when = format_iso_date ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *name = gdnn_column_text (stmt, 1);

      sqlite3_reset (stmt);
      /* Translators: a date (30/11/2026) and the file name it came as. */
      g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_DUPLICATE,
                   _("This file was already received on %s (as “%s”)."), when, name);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return error == NULL || *error == NULL;
}

/* The unit the file comes from, added (and flagged) when unknown. */
static gboolean
resolve_unit (GdnnStore  *store,
              StoreData  *data,
              GError    **error)
{
  const GdnnSubmission *sub = data->sub;
  g_autoptr(GdnnUnit) unit = NULL;
  sqlite3_stmt *stmt;
  gint64 id, parent_id = 0;

  if (sub->unit_code == NULL || sub->unit_code[0] == '\0')
    {
      g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                           _("The file does not say which unit sent it."));
      return FALSE;
    }
  id = lookup_id (store, "SELECT id FROM unit WHERE code = ?;", sub->unit_code, error);
  if (id < 0)
    return FALSE;
  if (id > 0)
    {
      data->unit_id = id;
      return TRUE;
    }

  if (sub->unit_name == NULL || sub->unit_name[0] == '\0')
    {
      g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                   _("Unit %s is not in this database and the file gives no name for it."), sub->unit_code);
      return FALSE;
    }
  if (sub->parent_code != NULL && sub->parent_code[0] != '\0')
    {
      parent_id = lookup_id (store, "SELECT id FROM unit WHERE code = ?;", sub->parent_code, error);
      if (parent_id < 0)
        return FALSE;
    }

  unit = gdnn_unit_new ();
  unit->code = g_strdup (sub->unit_code);
  unit->name = g_strdup (sub->unit_name);
  unit->type = sub->unit_type;
  unit->ownership = sub->unit_ownership;
  unit->parent_id = parent_id;
  if (!(data->unit_id = gdnn_store_add_unit (store, unit, error)))
    {
      g_prefix_error (error, "%s: ", sub->unit_code);
      return FALSE;
    }

  stmt = gdnn_store_prepare (store, "UPDATE unit SET from_submission = 1 WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->unit_id);
  if (!gdnn_store_step_done (store, stmt, error))
    return FALSE;

  data->unit_added = TRUE;
  if (parent_id == 0 && sub->parent_code != NULL && sub->parent_code[0] != '\0')
    add_problem (data, GDNN_PROBLEM_UNKNOWN_UNIT, sub->unit_code,
                 "Đơn vị %s (mã %s) chưa có trong danh sách đơn vị; đã bổ sung từ tệp báo cáo "
                 "(đơn vị cấp trên ghi trong tệp: %s, chưa có trong danh sách).",
                 sub->unit_name, sub->unit_code, sub->parent_code);
  else
    add_problem (data, GDNN_PROBLEM_UNKNOWN_UNIT, sub->unit_code,
                 "Đơn vị %s (mã %s) chưa có trong danh sách đơn vị; đã bổ sung từ tệp báo cáo.",
                 sub->unit_name, sub->unit_code);
  return TRUE;
}

/* An older or newer file of the same unit, plan, year and period. */
static gboolean
find_newer (GdnnStore  *store,
            StoreData  *data,
            GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = gdnn_store_prepare (store,
                             "SELECT id FROM submission WHERE unit_id = ? AND plan_id = ? AND year = ? "
                             "AND period = ? AND status <> 'replaced' "
                             "AND (ifnull (report_date, ''), ifnull (finalised_at, '')) > (ifnull (?5, ''), ifnull (?6, '')) "
                             "ORDER BY ifnull (report_date, '') DESC, ifnull (finalised_at, '') DESC, id DESC LIMIT 1;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->unit_id);
  sqlite3_bind_int64 (stmt, 2, data->plan->id);
  sqlite3_bind_int (stmt, 3, data->sub->year);
  gdnn_bind_text (stmt, 4, data->sub->period);
  gdnn_bind_text (stmt, 5, data->sub->report_date);
  gdnn_bind_text (stmt, 6, data->sub->finalised_at);
  if (step_row (store, stmt, error))
    {
      data->stale = TRUE;
      data->newer_id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  return error == NULL || *error == NULL;
}

static gboolean
insert_submission (GdnnStore  *store,
                   StoreData  *data,
                   GError    **error)
{
  const GdnnSubmission *sub = data->sub;
  g_autofree char *base = g_path_get_basename (data->file_name);
  g_autofree char *sha = g_ascii_strdown (data->sha256, -1);
  sqlite3_stmt *stmt;

  stmt = gdnn_store_prepare (store,
                             "INSERT INTO submission (unit_id, plan_id, year, period, file_name, sha256, "
                             "received_at, report_date, report_number, status, replaced_by, finalised_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->unit_id);
  sqlite3_bind_int64 (stmt, 2, data->plan->id);
  sqlite3_bind_int (stmt, 3, sub->year);
  gdnn_bind_text (stmt, 4, sub->period);
  gdnn_bind_text (stmt, 5, base);
  gdnn_bind_text (stmt, 6, sha);
  gdnn_bind_text (stmt, 7, data->received_at);
  gdnn_bind_text (stmt, 8, sub->report_date);
  gdnn_bind_text (stmt, 9, sub->report_number);
  gdnn_bind_text (stmt, 10, data->stale ? "replaced" : "received");
  if (data->stale)
    sqlite3_bind_int64 (stmt, 11, data->newer_id);
  gdnn_bind_text (stmt, 12, sub->finalised_at);
  if (!gdnn_store_step_done (store, stmt, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (gdnn_store_get_db (store));

  if (data->stale)
    return TRUE;

  stmt = gdnn_store_prepare (store,
                             "UPDATE submission SET status = 'replaced', replaced_by = ?1 "
                             "WHERE unit_id = ?2 AND plan_id = ?3 AND year = ?4 AND period = ?5 "
                             "AND status <> 'replaced' AND id <> ?1;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_int64 (stmt, 2, data->unit_id);
  sqlite3_bind_int64 (stmt, 3, data->plan->id);
  sqlite3_bind_int (stmt, 4, sub->year);
  gdnn_bind_text (stmt, 5, sub->period);
  return gdnn_store_step_done (store, stmt, error);
}

static gboolean
delete_row (GdnnStore   *store,
            const char  *sql,
            gint64       a,
            gint64       b,
            int          year,
            const char  *period,
            GError     **error)
{
  sqlite3_stmt *stmt = gdnn_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int (stmt, 3, year);
  gdnn_bind_text (stmt, 4, period);
  return gdnn_store_step_done (store, stmt, error);
}

/* The unit's value of @indicator in @year as tracked (% for a ratio). */
static gboolean
stored_measure (GdnnStore            *store,
                gint64                unit_id,
                const GdnnIndicator  *indicator,
                int                   year,
                double               *out,
                GError              **error)
{
  g_autoptr(GdnnValue) value = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has = FALSE;

  *out = 0;
  value = gdnn_store_get_value (store, unit_id, indicator->id, year, "year", &local_error);
  if (value == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return FALSE;
    }
  *out = gdnn_value_measure (indicator, value, &has);
  return has;
}

/* Checks and stores the values; the first row of an indicator counts. */
static gboolean
store_values (GdnnStore  *store,
              StoreData  *data,
              GPtrArray  *indicators,
              GError    **error)
{
  const GdnnSubmission *sub = data->sub;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      g_hash_table_insert (by_code, ind->code, ind);
    }

  /* Every code must be the plan's, with its measure, before anything else. */
  for (guint i = 0; i < sub->values->len; i++)
    {
      const GdnnSubmittedValue *sv = g_ptr_array_index (sub->values, i);
      const GdnnIndicator *ind = sv->code != NULL ? g_hash_table_lookup (by_code, sv->code) : NULL;

      if (ind == NULL)
        {
          /* Translators: an indicator code and a plan number. */
          g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_MISMATCH,
                       _("Indicator %s is not in plan %s."), sv->code != NULL ? sv->code : "?",
                       data->plan->number);
          return FALSE;
        }
      if (ind->measure != sv->measure)
        {
          /* Translators: an indicator code, then measure codes (ratio, count, amount, boolean). */
          g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_MISMATCH,
                       _("Indicator %s: the measure in the file (%s) differs from plan %s (%s)."), sv->code,
                       gdnn_measure_to_string (sv->measure), data->plan->number,
                       gdnn_measure_to_string (ind->measure));
          return FALSE;
        }
    }

  for (guint i = 0; i < sub->values->len; i++)
    {
      const GdnnSubmittedValue *sv = g_ptr_array_index (sub->values, i);
      const GdnnIndicator *ind = g_hash_table_lookup (by_code, sv->code);
      g_autoptr(GdnnValue) value = NULL;
      g_autoptr(GdnnValueRow) row = NULL;
      double measure, previous, baseline = 0;
      gboolean has_measure = FALSE, storable = TRUE;

      if (g_hash_table_contains (seen, sv->code))
        {
          add_problem (data, GDNN_PROBLEM_DUPLICATE, sv->code,
                       "Chỉ tiêu %s được báo cáo nhiều lần trong tệp; chỉ lấy số liệu ở dòng đầu tiên.",
                       sv->code);
          continue;
        }
      g_hash_table_add (seen, sv->code);

      if (!sv->has_numerator)
        {
          add_problem (data, GDNN_PROBLEM_MISSING_VALUE, sv->code,
                       "Chỉ tiêu %s chưa có số liệu.", sv->code);
          storable = FALSE;
        }
      else if (ind->measure == GDNN_MEASURE_RATIO &&
               (!sv->has_denominator || sv->denominator <= 0))
        {
          add_problem (data, GDNN_PROBLEM_ZERO_DENOMINATOR, sv->code,
                       "Chỉ tiêu %s: mẫu số bằng 0 hoặc để trống, không tính được tỷ lệ.", sv->code);
          storable = FALSE;
        }
      else if (ind->measure == GDNN_MEASURE_RATIO && sv->numerator > sv->denominator)
        {
          g_autofree char *num = gdnn_format_number (sv->numerator, sv->numerator == floor (sv->numerator) ? 0 : 2);
          g_autofree char *den = gdnn_format_number (sv->denominator,
                                                     sv->denominator == floor (sv->denominator) ? 0 : 2);
          g_autofree char *pct = gdnn_format_percent (sv->numerator / sv->denominator * 100, 1);

          add_problem (data, GDNN_PROBLEM_RATIO_OVER_100, sv->code,
                       "Chỉ tiêu %s: tử số (%s) lớn hơn mẫu số (%s), tỷ lệ %s vượt quá 100%%.",
                       sv->code, num, den, pct);
          storable = FALSE;
        }

      if (data->stale)
        continue;

      if (!storable)
        {
          /* The value table holds what the newest file says: no older figure stays. */
          if (!delete_row (store, "DELETE FROM value WHERE unit_id = ?1 AND indicator_id = ?2 "
                                  "AND year = ?3 AND period = ?4;",
                           data->unit_id, ind->id, sub->year, sub->period, error))
            return FALSE;
          continue;
        }

      value = gdnn_value_new ();
      value->unit_id = data->unit_id;
      value->indicator_id = ind->id;
      value->year = sub->year;
      value->period = g_strdup (sub->period);
      value->has_numerator = TRUE;
      value->numerator = sv->numerator;
      value->has_denominator = ind->measure == GDNN_MEASURE_RATIO && sv->has_denominator;
      value->denominator = sv->denominator;
      value->note = g_strdup (sv->note);
      value->status = g_strdup (sv->status);
      if (!gdnn_store_set_value (store, value, error))
        return FALSE;

      measure = gdnn_value_measure (ind, value, &has_measure);
      if (!has_measure)
        continue;

      /* Lower than last year where the indicator must grow. */
      if (g_strcmp0 (ind->direction, "increase") == 0 &&
          stored_measure (store, data->unit_id, ind, sub->year - 1, &previous, error) &&
          measure < previous - EPSILON)
        {
          g_autofree char *before = format_measure (ind->measure, previous);
          g_autofree char *now = format_measure (ind->measure, measure);

          add_problem (data, GDNN_PROBLEM_DECREASED, sv->code,
                       "Chỉ tiêu %s giảm so với năm %d (từ %s xuống %s) trong khi kế hoạch yêu cầu tăng.",
                       sv->code, sub->year - 1, before, now);
        }
      if (error != NULL && *error != NULL)
        return FALSE;

      /* Behind its track without an explanation: the value form's rule. */
      if (!stored_measure (store, data->unit_id, ind, data->plan->baseline_year, &baseline, error) &&
          error != NULL && *error != NULL)
        return FALSE;
      row = gdnn_value_row_new (ind, data->unit_id, sub->year, data->plan->baseline_year, baseline, value);
      if (gdnn_value_row_needs_note (row))
        {
          GdnnTrack track;
          g_autofree char *now = NULL;
          g_autofree char *expected = NULL;

          /* With the digits the track needs: 59,96% is not "60%" below 60%. */
          gdnn_track_compute (ind, data->plan->baseline_year, baseline, sub->year, measure, &track);
          now = format_tracked (ind->measure, &track, measure);
          expected = format_tracked (ind->measure, &track, track.expected);
          add_problem (data, GDNN_PROBLEM_BEHIND_NO_NOTE, sv->code,
                       "Chỉ tiêu %s đạt %s, thấp hơn mức cần đạt theo lộ trình năm %d (%s) "
                       "nhưng chưa có giải trình.",
                       sv->code, now, sub->year, expected);
        }
    }

  /* An indicator of the plan the file does not mention has no value either. */
  for (guint i = 0; i < indicators->len; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (indicators, i);

      if (g_hash_table_contains (seen, ind->code))
        continue;
      add_problem (data, GDNN_PROBLEM_MISSING_VALUE, ind->code, "Chỉ tiêu %s chưa có số liệu.", ind->code);
      if (!data->stale &&
          !delete_row (store, "DELETE FROM value WHERE unit_id = ?1 AND indicator_id = ?2 "
                              "AND year = ?3 AND period = ?4;",
                       data->unit_id, ind->id, sub->year, sub->period, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_tasks (GdnnStore  *store,
             StoreData  *data,
             GError    **error)
{
  const GdnnSubmission *sub = data->sub;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!(tasks = gdnn_store_list_tasks (store, data->plan->id, data->unit_id, error)))
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      g_hash_table_insert (by_code, t->code, t);
    }

  for (guint i = 0; i < sub->tasks->len; i++)
    {
      const GdnnSubmittedTask *st = g_ptr_array_index (sub->tasks, i);
      const GdnnTask *task = st->code != NULL ? g_hash_table_lookup (by_code, st->code) : NULL;

      /* The unit's own tasks this database does not hold are skipped. */
      if (task == NULL)
        continue;
      if (g_hash_table_contains (seen, st->code))
        {
          add_problem (data, GDNN_PROBLEM_DUPLICATE, st->code,
                       "Nhiệm vụ %s được báo cáo nhiều lần trong tệp; chỉ lấy kết quả ở dòng đầu tiên.",
                       st->code);
          continue;
        }
      g_hash_table_add (seen, st->code);
      if (data->stale)
        continue;

      if (!st->has_status)
        {
          if (!delete_row (store, "DELETE FROM task_progress WHERE task_id = ?1 AND unit_id = ?2 "
                                  "AND year = ?3 AND period = ?4;",
                           task->id, data->unit_id, sub->year, sub->period, error))
            return FALSE;
          continue;
        }
      {
        g_autoptr(GdnnTaskProgress) progress = gdnn_task_progress_new ();

        progress->task_id = task->id;
        progress->unit_id = data->unit_id;
        progress->year = sub->year;
        progress->period = g_strdup (sub->period);
        progress->status = st->status;
        progress->progress = st->progress;
        progress->result = g_strdup (st->result);
        if (!gdnn_store_set_task_progress (store, progress, error))
          {
            g_prefix_error (error, "%s: ", st->code);
            return FALSE;
          }
      }
    }
  return TRUE;
}

static gboolean
store_budget (GdnnStore  *store,
              StoreData  *data,
              GError    **error)
{
  const GdnnSubmission *sub = data->sub;
  g_autoptr(GPtrArray) lines = NULL;

  if (sub->budget->len == 0 || data->stale)
    return TRUE;
  if (!(lines = gdnn_budget_list_lines (store, data->plan->id, data->unit_id, error)))
    return FALSE;

  for (guint i = 0; i < sub->budget->len; i++)
    {
      const GdnnSubmittedBudget *sb = g_ptr_array_index (sub->budget, i);
      GdnnBudgetYear by = { sb->year, sb->planned, sb->has_spent, sb->spent };
      gint64 line_id = 0;

      if (sb->name == NULL || sb->name[0] == '\0' || sb->planned < 0 || sb->planned > GDNN_BUDGET_MAX_DONG ||
          (sb->has_spent && (sb->spent < 0 || sb->spent > GDNN_BUDGET_MAX_DONG)) ||
          sb->year < data->plan->first_year || sb->year > data->plan->last_year)
        {
          /* Translators: %d is the position of a budget line in the file. */
          g_set_error (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                       _("Budget line %d of the file is not valid."), sb->position);
          return FALSE;
        }

      /* The line at the same position first, then any line of that name. */
      if (sb->position >= 1 && (guint) sb->position <= lines->len)
        {
          GdnnBudgetLine *line = g_ptr_array_index (lines, sb->position - 1);
          if (g_strcmp0 (line->name, sb->name) == 0)
            line_id = line->id;
        }
      for (guint l = 0; line_id == 0 && l < lines->len; l++)
        {
          GdnnBudgetLine *line = g_ptr_array_index (lines, l);
          if (g_strcmp0 (line->name, sb->name) == 0)
            line_id = line->id;
        }
      if (line_id == 0)
        {
          sqlite3_stmt *stmt;

          /* A line of the unit's own: kept as the unit's own line here too. */
          stmt = gdnn_store_prepare (store,
                                     "INSERT INTO budget_line (plan_id, unit_id, name, source, position) "
                                     "VALUES (?1, ?2, ?3, ?4, (SELECT ifnull (max (position), 0) + 1 "
                                     "FROM budget_line WHERE plan_id = ?1));",
                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, data->plan->id);
          sqlite3_bind_int64 (stmt, 2, data->unit_id);
          gdnn_bind_text (stmt, 3, sb->name);
          gdnn_bind_text (stmt, 4, gdnn_budget_source_to_string (sb->source));
          if (!gdnn_store_step_done (store, stmt, error))
            return FALSE;
          line_id = sqlite3_last_insert_rowid (gdnn_store_get_db (store));
          {
            GdnnBudgetLine *added = gdnn_budget_line_new ();
            added->id = line_id;
            added->unit_id = data->unit_id;
            added->name = g_strdup (sb->name);
            g_ptr_array_add (lines, added);
          }
        }
      if (!gdnn_budget_store_unit_year (store, line_id, data->unit_id, &by, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_attached (GdnnStore  *store,
                StoreData  *data,
                GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean attached;

  if (data->unit_added)
    return TRUE;   /* the unknown-unit problem says it already */
  stmt = gdnn_store_prepare (store, "SELECT 1 FROM unit_plan WHERE unit_id = ? AND plan_id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->unit_id);
  sqlite3_bind_int64 (stmt, 2, data->plan->id);
  attached = step_row (store, stmt, error);
  sqlite3_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!attached)
    add_problem (data, GDNN_PROBLEM_NOT_ATTACHED, data->sub->unit_code,
                 "Đơn vị %s không có trong danh sách đơn vị thực hiện Kế hoạch số %s.",
                 data->sub->unit_name != NULL ? data->sub->unit_name : data->sub->unit_code,
                 data->plan->number);
  return TRUE;
}

static void
check_differences (StoreData *data)
{
  for (guint i = 0; i < data->sub->differences->len; i++)
    {
      const GdnnCellDifference *d = g_ptr_array_index (data->sub->differences, i);
      const char *shown = d->visible_text != NULL && d->visible_text[0] != '\0' ? d->visible_text : NULL;

      if (shown != NULL)
        add_problem (data, GDNN_PROBLEM_EDITED_CELL, d->cell,
                     "Ô %s (%s) đã bị sửa sau khi kết xuất: hiển thị “%s”, số liệu gốc là “%s”.",
                     d->cell, d->what != NULL ? d->what : "", shown, d->data_text != NULL ? d->data_text : "");
      else
        add_problem (data, GDNN_PROBLEM_EDITED_CELL, d->cell,
                     "Ô %s (%s) đã bị xóa sau khi kết xuất; số liệu gốc là “%s”.",
                     d->cell, d->what != NULL ? d->what : "", d->data_text != NULL ? d->data_text : "");
    }
}

static gboolean
store_problems (GdnnStore  *store,
                StoreData  *data,
                GError    **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < data->problems->len; i++)
    {
      const Problem *p = g_ptr_array_index (data->problems, i);

      stmt = gdnn_store_prepare (store,
                                 "INSERT INTO submission_problem (submission_id, kind, ref, message) "
                                 "VALUES (?, ?, ?, ?);",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->id);
      gdnn_bind_text (stmt, 2, gdnn_problem_kind_to_string (p->kind));
      gdnn_bind_text (stmt, 3, p->ref);
      gdnn_bind_text (stmt, 4, p->message);
      if (!gdnn_store_step_done (store, stmt, error))
        return FALSE;
    }

  stmt = gdnn_store_prepare (store, "UPDATE submission SET problems = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) data->problems->len);
  sqlite3_bind_int64 (stmt, 2, data->id);
  return gdnn_store_step_done (store, stmt, error);
}

static gboolean
store_in_transaction (GdnnStore  *store,
                      gpointer    user_data,
                      GError    **error)
{
  StoreData *data = user_data;
  g_autoptr(GPtrArray) indicators = NULL;

  if (!check_plan_and_period (store, data, error) ||
      !check_duplicate (store, data, error))
    return FALSE;
  if (!(indicators = gdnn_store_list_indicators (store, data->plan->id, error)))
    return FALSE;

  if (!resolve_unit (store, data, error))
    return FALSE;
  if (!check_attached (store, data, error) ||
      !find_newer (store, data, error) ||
      !insert_submission (store, data, error))
    return FALSE;

  check_differences (data);
  if (!store_values (store, data, indicators, error) ||
      !store_tasks (store, data, error) ||
      !store_budget (store, data, error))
    return FALSE;

  return store_problems (store, data, error);
}

gboolean
gdnn_review_store_submission (GdnnStore            *store,
                              const GdnnSubmission *submission,
                              const char           *file_name,
                              const char           *sha256,
                              const char           *received_at,
                              gint64               *submission_id,
                              GError              **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  g_autoptr(GError) local_error = NULL;
  StoreData data = { 0 };
  GDate received;
  gboolean ok;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (submission != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (file_name == NULL || file_name[0] == '\0' || sha256 == NULL || strlen (sha256) != 64 ||
      !parse_iso_date (received_at, &received))
    {
      g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                           _("The file's name, checksum or time of receipt is missing."));
      return FALSE;
    }
  for (const char *c = sha256; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c))
      {
        g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                             _("The file's name, checksum or time of receipt is missing."));
        return FALSE;
      }

  data.sub = submission;
  data.file_name = file_name;
  data.sha256 = sha256;
  data.received_at = received_at;
  data.problems = problems;
  /* The steps below test their own error, so it is never NULL here. */
  ok = gdnn_store_run_in_transaction (store, store_in_transaction, &data, &local_error);
  g_clear_pointer (&data.plan, gdnn_plan_free);
  if (ok)
    {
      if (submission_id != NULL)
        *submission_id = data.id;
      return TRUE;
    }
  if (local_error == NULL)
    local_error = g_error_new_literal (GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                                       _("The database refused the file."));
  else if (local_error->domain != GDNN_REVIEW_ERROR)
    {
      /* Anything else the database refused. */
      GError *e = g_error_new_literal (GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID, local_error->message);
      g_error_free (local_error);
      local_error = e;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ---- Reading submissions -------------------------------------------- */

#define INFO_COLUMNS                                                                   \
  "s.id, s.unit_id, u.code, u.name, s.plan_id, p.number, s.year, s.period, s.file_name, " \
  "s.sha256, s.received_at, s.report_date, s.report_number, s.status, s.note, s.problems, s.replaced_by"
#define INFO_FROM \
  " FROM submission s JOIN unit u ON u.id = s.unit_id JOIN plan p ON p.id = s.plan_id "

static GdnnSubmissionInfo *
info_from_row (sqlite3_stmt *stmt,
               int           first)
{
  GdnnSubmissionInfo *info = g_new0 (GdnnSubmissionInfo, 1);

  info->id = sqlite3_column_int64 (stmt, first + 0);
  info->unit_id = sqlite3_column_int64 (stmt, first + 1);
  info->unit_code = gdnn_column_text (stmt, first + 2);
  info->unit_name = gdnn_column_text (stmt, first + 3);
  info->plan_id = sqlite3_column_int64 (stmt, first + 4);
  info->plan_number = gdnn_column_text (stmt, first + 5);
  info->year = sqlite3_column_int (stmt, first + 6);
  info->period = gdnn_column_text (stmt, first + 7);
  info->file_name = gdnn_column_text (stmt, first + 8);
  info->sha256 = gdnn_column_text (stmt, first + 9);
  info->received_at = gdnn_column_text (stmt, first + 10);
  info->report_date = gdnn_column_text (stmt, first + 11);
  info->report_number = gdnn_column_text (stmt, first + 12);
  gdnn_submission_state_from_string ((const char *) sqlite3_column_text (stmt, first + 13), &info->state);
  info->note = gdnn_column_text (stmt, first + 14);
  info->problems = sqlite3_column_int (stmt, first + 15);
  info->replaced_by = sqlite3_column_int64 (stmt, first + 16);
  return info;
}

static GPtrArray *
collect_infos (GdnnStore     *store,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_submission_info_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, info_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
gdnn_review_list_submissions (GdnnStore  *store,
                              gint64      plan_id,
                              int         year,
                              gint64      unit_id,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  stmt = gdnn_store_prepare (store,
                             "SELECT " INFO_COLUMNS INFO_FROM
                             "WHERE (?1 = 0 OR s.plan_id = ?1) AND (?2 = 0 OR s.year = ?2) "
                             "AND (?3 = 0 OR s.unit_id = ?3) "
                             "ORDER BY s.received_at DESC, s.id DESC;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, unit_id);
  return collect_infos (store, stmt, error);
}

GdnnSubmissionInfo *
gdnn_review_get_submission (GdnnStore  *store,
                            gint64      submission_id,
                            GError    **error)
{
  sqlite3_stmt *stmt;
  GdnnSubmissionInfo *info = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  stmt = gdnn_store_prepare (store, "SELECT " INFO_COLUMNS INFO_FROM "WHERE s.id = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (step_row (store, stmt, error))
    info = info_from_row (stmt, 0);
  else if (error == NULL || *error == NULL)
    g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                         _("The received file is no longer in the database."));
  sqlite3_reset (stmt);
  return info;
}

GPtrArray *
gdnn_review_list_problems (GdnnStore  *store,
                           gint64      submission_id,
                           GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_review_problem_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  stmt = gdnn_store_prepare (store,
                             "SELECT id, submission_id, kind, ref, message FROM submission_problem "
                             "WHERE submission_id = ? ORDER BY id;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnReviewProblem *p = g_new0 (GdnnReviewProblem, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->submission_id = sqlite3_column_int64 (stmt, 1);
      problem_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &p->kind);
      p->ref = gdnn_column_text (stmt, 3);
      p->message = gdnn_column_text (stmt, 4);
      g_ptr_array_add (list, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Accept / return ------------------------------------------------- */

typedef struct
{
  gint64               id;
  GdnnSubmissionState  state;
  const char          *note;
} StateData;

static gboolean
set_state_in_transaction (GdnnStore  *store,
                          gpointer    user_data,
                          GError    **error)
{
  StateData *data = user_data;
  g_autoptr(GdnnSubmissionInfo) info = gdnn_review_get_submission (store, data->id, error);
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;

  if (info == NULL)
    return FALSE;
  if (info->state == GDNN_SUBMISSION_REPLACED)
    {
      g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                           _("A newer file replaced this one; accept or return the newer file."));
      return FALSE;
    }

  note = data->note != NULL ? g_strstrip (g_strdup (data->note)) : NULL;
  stmt = gdnn_store_prepare (store, "UPDATE submission SET status = ?, note = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  gdnn_bind_text (stmt, 1, gdnn_submission_state_to_string (data->state));
  gdnn_bind_text (stmt, 2, note != NULL && note[0] != '\0' ? note : NULL);
  sqlite3_bind_int64 (stmt, 3, data->id);
  return gdnn_store_step_done (store, stmt, error);
}

gboolean
gdnn_review_set_state (GdnnStore            *store,
                       gint64                submission_id,
                       GdnnSubmissionState   state,
                       const char           *note,
                       GError              **error)
{
  StateData data = { submission_id, state, note };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (state == GDNN_SUBMISSION_REPLACED || (guint) state >= G_N_ELEMENTS (state_names))
    {
      g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                           _("Only a newer file from the same unit can replace a received file."));
      return FALSE;
    }
  return gdnn_store_run_in_transaction (store, set_state_in_transaction, &data, error);
}

/* ---- Correcting the time of receipt ---------------------------------- */

typedef struct
{
  gint64      id;
  const char *received_at;
} ReceivedData;

static gboolean
set_received_in_transaction (GdnnStore  *store,
                             gpointer    user_data,
                             GError    **error)
{
  ReceivedData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = gdnn_store_prepare (store, "UPDATE submission SET received_at = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  gdnn_bind_text (stmt, 1, data->received_at);
  sqlite3_bind_int64 (stmt, 2, data->id);
  if (!gdnn_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (gdnn_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                           _("This received file is no longer in the database."));
      return FALSE;
    }
  return TRUE;
}

gboolean
gdnn_review_set_received (GdnnStore   *store,
                          gint64       submission_id,
                          const char  *received_at,
                          GError     **error)
{
  ReceivedData data = { submission_id, received_at };
  GDate date;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!parse_iso_date (received_at, &date))
    {
      g_set_error_literal (error, GDNN_REVIEW_ERROR, GDNN_REVIEW_ERROR_INVALID,
                           _("The date of receipt is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25."));
      return FALSE;
    }
  return gdnn_store_run_in_transaction (store, set_received_in_transaction, &data, error);
}

/* ---- Who has submitted ---------------------------------------------- */

static int
compare_status (gconstpointer a,
                gconstpointer b)
{
  const GdnnSubmissionStatus *sa = *(GdnnSubmissionStatus * const *) a;
  const GdnnSubmissionStatus *sb = *(GdnnSubmissionStatus * const *) b;
  int c = gdnn_collate (sa->unit_name, sb->unit_name);

  return c != 0 ? c : g_strcmp0 (sa->unit_code, sb->unit_code);
}

/* The due date of the yearly report of @year. */
static gboolean
due_date (GdnnStore  *store,
          gint64      plan_id,
          int         year,
          GDate      *due,
          GError    **error)
{
  g_autoptr(GPtrArray) periods = gdnn_store_list_report_periods (store, plan_id, error);

  g_date_clear (due, 1);
  if (periods == NULL)
    return FALSE;
  for (guint i = 0; i < periods->len; i++)
    {
      const GdnnReportPeriod *p = g_ptr_array_index (periods, i);

      if (g_strcmp0 (p->code, "year") == 0 && p->due_month >= 1 && p->due_month <= 12)
        {
          GDateDay day = (GDateDay) MIN (p->due_day, g_date_get_days_in_month ((GDateMonth) p->due_month,
                                                                               (GDateYear) year));
          g_date_set_dmy (due, day, (GDateMonth) p->due_month, (GDateYear) year);
          return TRUE;
        }
    }
  return TRUE;
}

GPtrArray *
gdnn_review_list_status (GdnnStore    *store,
                         gint64        office_id,
                         gint64        plan_id,
                         int           year,
                         const GDate  *today,
                         int          *days_left,
                         GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_submission_status_free);
  sqlite3_stmt *stmt;
  GDate due;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  if (!due_date (store, plan_id, year, &due, error))
    return NULL;
  if (days_left != NULL)
    *days_left = today != NULL && g_date_valid (today) && g_date_valid (&due) ?
                 g_date_days_between (today, &due) : 0;

  stmt = gdnn_store_prepare (store,
                             "WITH expected AS ("
                             "  SELECT u.id FROM unit u JOIN unit_plan up ON up.unit_id = u.id AND up.plan_id = ?1 "
                             "  WHERE (?2 = 0 AND u.type <> 'co_quan') OR (?2 <> 0 AND u.parent_id = ?2) "
                             "  UNION "
                             "  SELECT s.unit_id FROM submission s JOIN unit u ON u.id = s.unit_id "
                             "  WHERE s.plan_id = ?1 AND s.year = ?3 AND s.period = 'year' "
                             "  AND (?2 = 0 OR u.parent_id = ?2)) "
                             "SELECT u.id, u.code, u.name, "
                             "  (SELECT min (received_at) FROM submission f WHERE f.unit_id = u.id "
                             "   AND f.plan_id = ?1 AND f.year = ?3 AND f.period = 'year'), "
                             "  c.id, c.unit_id, cu.code, cu.name, c.plan_id, cp.number, c.year, c.period, "
                             "  c.file_name, c.sha256, c.received_at, c.report_date, c.report_number, c.status, "
                             "  c.note, c.problems, c.replaced_by "
                             "FROM expected e JOIN unit u ON u.id = e.id "
                             "LEFT JOIN submission c ON c.id = (SELECT id FROM submission s WHERE s.unit_id = u.id "
                             "  AND s.plan_id = ?1 AND s.year = ?3 AND s.period = 'year' AND s.status <> 'replaced' "
                             "  ORDER BY s.received_at DESC, s.id DESC LIMIT 1) "
                             "LEFT JOIN unit cu ON cu.id = c.unit_id LEFT JOIN plan cp ON cp.id = c.plan_id;",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, office_id);
  sqlite3_bind_int (stmt, 3, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnSubmissionStatus *status = g_new0 (GdnnSubmissionStatus, 1);
      GDate first;

      status->unit_id = sqlite3_column_int64 (stmt, 0);
      status->unit_code = gdnn_column_text (stmt, 1);
      status->unit_name = gdnn_column_text (stmt, 2);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        status->current = info_from_row (stmt, 4);
      if (!parse_iso_date ((const char *) sqlite3_column_text (stmt, 3), &first))
        status->delivery = GDNN_DELIVERY_MISSING;
      else if (g_date_valid (&due) && g_date_compare (&first, &due) > 0)
        status->delivery = GDNN_DELIVERY_LATE;
      else
        status->delivery = GDNN_DELIVERY_ON_TIME;
      g_ptr_array_add (list, status);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }
  g_ptr_array_sort (list, compare_status);
  return g_steal_pointer (&list);
}

/* ---- Office totals --------------------------------------------------- */

static int
compare_comparison (gconstpointer a,
                    gconstpointer b)
{
  const GdnnUnitComparison *ua = *(GdnnUnitComparison * const *) a;
  const GdnnUnitComparison *ub = *(GdnnUnitComparison * const *) b;
  int c = gdnn_collate (ua->unit_name, ub->unit_name);

  return c != 0 ? c : g_strcmp0 (ua->unit_code, ub->unit_code);
}

static gboolean
count_tasks (GdnnStore  *store,
             gint64      plan_id,
             gint64      unit_id,
             int         year,
             int        *total,
             int        *done,
             GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = gdnn_store_prepare (store,
                             "SELECT count(*), (SELECT count(*) FROM task_progress tp JOIN task t ON t.id = tp.task_id "
                             "  WHERE t.plan_id = ?1 AND t.unit_id IS NULL AND tp.unit_id = ?2 AND tp.year = ?3 "
                             "  AND tp.period = 'year' AND tp.status = 'done') "
                             "FROM task WHERE plan_id = ?1 AND unit_id IS NULL;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int (stmt, 3, year);
  ok = step_row (store, stmt, error);
  if (ok)
    {
      *total = sqlite3_column_int (stmt, 0);
      *done = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return ok;
}

static GdnnValue *
copy_value (const GdnnValue *v)
{
  GdnnValue *c = gdnn_value_new ();

  *c = *v;
  c->period = g_strdup (v->period);
  c->note = g_strdup (v->note);
  c->evidence = g_strdup (v->evidence);
  c->status = g_strdup (v->status);
  c->updated_by = g_strdup (v->updated_by);
  c->updated_at = g_strdup (v->updated_at);
  return c;
}

GdnnAggregate *
gdnn_review_aggregate (GdnnStore  *store,
                       gint64      office_id,
                       gint64      plan_id,
                       int         year,
                       GError    **error)
{
  g_autoptr(GdnnAggregate) aggregate = g_new0 (GdnnAggregate, 1);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  aggregate->plan_id = plan_id;
  aggregate->year = year;
  aggregate->office_id = office_id;
  aggregate->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) aggregate_row_free);
  aggregate->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_comparison_free);

  if (!(indicators = gdnn_store_list_indicators (store, plan_id, error)))
    return NULL;
  for (guint i = 0; i < indicators->len; i++)
    {
      const GdnnIndicator *ind = g_ptr_array_index (indicators, i);
      GdnnAggregateRow *row = g_new0 (GdnnAggregateRow, 1);
      const GdnnTarget *target = gdnn_indicator_next_target (ind, year);

      row->indicator_id = ind->id;
      row->code = g_strdup (ind->code);
      row->name = g_strdup (ind->name);
      row->group_code = g_strdup (ind->group_code);
      row->group_title = g_strdup (ind->group_title);
      row->measure = ind->measure;
      row->unit_label = g_strdup (ind->unit_label);
      if (target != NULL)
        {
          row->has_target = TRUE;
          row->target_year = target->year;
          row->target_value = target->value;
        }
      g_ptr_array_add (aggregate->rows, row);
      g_hash_table_insert (row_of, &row->indicator_id, GUINT_TO_POINTER (i + 1));
    }

  /* The current submission of each unit under the office. */
  stmt = gdnn_store_prepare (store,
                             "SELECT s.id, s.unit_id, u.code, u.name, s.problems FROM submission s "
                             "JOIN unit u ON u.id = s.unit_id "
                             "WHERE s.plan_id = ?1 AND s.year = ?2 AND s.period = 'year' "
                             "AND s.status IN ('received', 'accepted') AND (?3 = 0 OR u.parent_id = ?3) "
                             "AND s.id = (SELECT id FROM submission n WHERE n.unit_id = s.unit_id "
                             "  AND n.plan_id = s.plan_id AND n.year = s.year AND n.period = s.period "
                             "  AND n.status <> 'replaced' ORDER BY n.received_at DESC, n.id DESC LIMIT 1);",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, office_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnnUnitComparison *unit = g_new0 (GdnnUnitComparison, 1);

      unit->submission_id = sqlite3_column_int64 (stmt, 0);
      unit->unit_id = sqlite3_column_int64 (stmt, 1);
      unit->unit_code = gdnn_column_text (stmt, 2);
      unit->unit_name = gdnn_column_text (stmt, 3);
      unit->problems = sqlite3_column_int (stmt, 4);
      unit->values = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_value_free);
      g_ptr_array_set_size (unit->values, (int) aggregate->rows->len);
      g_ptr_array_add (aggregate->units, unit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return NULL;
    }
  g_ptr_array_sort (aggregate->units, compare_comparison);

  for (guint u = 0; u < aggregate->units->len; u++)
    {
      GdnnUnitComparison *unit = g_ptr_array_index (aggregate->units, u);
      g_autoptr(GPtrArray) values = gdnn_store_list_values (store, unit->unit_id, plan_id, year, error);

      if (values == NULL ||
          !count_tasks (store, plan_id, unit->unit_id, year, &unit->tasks_total, &unit->tasks_done, error))
        return NULL;
      for (guint v = 0; v < values->len; v++)
        {
          const GdnnValue *value = g_ptr_array_index (values, v);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, &value->indicator_id));
          GdnnAggregateRow *row;
          const GdnnIndicator *ind;
          gboolean has = FALSE;

          if (index == 0 || g_strcmp0 (value->period, "year") != 0)
            continue;
          row = g_ptr_array_index (aggregate->rows, index - 1);
          ind = g_ptr_array_index (indicators, index - 1);
          g_ptr_array_index (unit->values, index - 1) = copy_value (value);
          gdnn_value_measure (ind, value, &has);
          if (!has)
            continue;
          row->units_reporting++;
          row->numerator += value->numerator;
          if (row->measure == GDNN_MEASURE_RATIO)
            row->denominator += value->denominator;
        }
    }

  for (guint i = 0; i < aggregate->rows->len; i++)
    {
      GdnnAggregateRow *row = g_ptr_array_index (aggregate->rows, i);

      if (row->units_reporting == 0)
        continue;
      if (row->measure == GDNN_MEASURE_RATIO)
        {
          /* Σ numerators / Σ denominators, never a mean of percentages. */
          row->has_value = row->denominator > 0;
          row->value = row->has_value ? row->numerator / row->denominator * 100 : 0;
        }
      else
        {
          /* Counts and amounts add up; for yes/no the sum is the units with 1. */
          row->has_value = TRUE;
          row->value = row->numerator;
        }
    }

  return g_steal_pointer (&aggregate);
}

gboolean
gdnn_review_unit_is_from_submission (GdnnStore *store,
                                     gint64     unit_id)
{
  sqlite3_stmt *stmt;
  gboolean flagged = FALSE;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  stmt = gdnn_store_prepare (store, "SELECT from_submission FROM unit WHERE id = ?;", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    flagged = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return flagged;
}
