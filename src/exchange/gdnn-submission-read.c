/* gdnn-submission-read.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-submission-read"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-submission-read.h"
#include "gdnn-text.h"
#include "gdnn-xlsx-reader.h"

/* The hidden data sheet (docs/report-data-sheet.md). The same constants
 * are in src/report/gdnn-report-doc.h, which the exchange layer does not
 * include: keep both in step. */
#define DATA_SHEET          "gdnn_data"
#define DATA_FORMAT         "gdnn-report-data"
#define DATA_SCHEMA_VERSION 1

#define MAX_META_ROWS   200
#define MAX_RECORDS     20000
#define MAX_CODE        64
#define MAX_SHORT       200
#define MAX_NAME        1000
#define MAX_LONG        10000
#define MAX_AMOUNT      1e15

G_DEFINE_QUARK (gdnn-submission-read-error-quark, gdnn_submission_read_error)

/* Local names, so that a cleanup function the shared header may add one
 * day does not clash. */
typedef GdnnSubmittedValue  SubValue;
typedef GdnnSubmittedTask   SubTask;
typedef GdnnSubmittedBudget SubBudget;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubValue, gdnn_submitted_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubTask, gdnn_submitted_task_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SubBudget, gdnn_submitted_budget_free)

static const GdnnXlsxCell no_cell = { GDNN_XLSX_CELL_EMPTY, 0, "" };

typedef struct
{
  GdnnXlsx       *xlsx;
  GdnnXlsxSheet  *data;
  GHashTable     *sheets;     /* visible sheet name → GdnnXlsxSheet, NULL value when missing */
  GdnnSubmission *sub;
  GError        **error;
} Reader;

/* A record or field and a column, named for messages. */
typedef struct
{
  char       *record;   /* "Chỉ tiêu I.2.a.1" */
  const char *column;   /* "tử số" */
} Where;

static gboolean
fail (Reader     *r,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *r,
      int         code,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (r->error != NULL && *r->error == NULL)
    *r->error = g_error_new_valist (GDNN_SUBMISSION_READ_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

static const GdnnXlsxCell *
cell (Reader *r,
      guint   row,
      guint   col)
{
  return gdnn_xlsx_sheet_get_cell (r->data, row, col);
}

/* ---- Field checks -------------------------------------------------- */

/* Trimmed, NFC, within @max characters, no control characters (newlines
 * and tabs only where @multiline). *out is NULL for an empty text. */
static gboolean
check_text (Reader      *r,
            const Where *w,
            const char  *text,
            guint        max,
            gboolean     multiline,
            gboolean     required,
            char       **out)
{
  g_autofree char *nfc = NULL;
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  g_autofree char *stripped = g_strstrip (g_strdup (copy));

  /* Text is kept as written (a report number may begin with the blank
   * left for the hand-written number); codes are compared, so trimmed. */
  if (max <= MAX_CODE)
    g_strstrip (copy);
  if (*stripped == '\0')
    {
      if (required)
        /* Translators: "Indicator I.2.a.1: code is empty." */
        return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s is empty."), w->record, w->column);
      *out = NULL;
      return TRUE;
    }
  if (!g_utf8_validate (copy, -1, NULL))
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s is not valid text."), w->record, w->column);
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) || (c >= 0x7f && c < 0xa0))
        return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s contains control characters."), w->record,
                     w->column);
    }
  nfc = g_utf8_normalize (copy, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s is not valid text."), w->record, w->column);
  if (g_utf8_strlen (nfc, -1) > max)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s is longer than %u characters."), w->record,
                 w->column, max);
  *out = g_steal_pointer (&nfc);
  return TRUE;
}

static gboolean
check_number (Reader             *r,
              const Where        *w,
              const GdnnXlsxCell *c,
              gboolean           *has,
              double             *value)
{
  char *end = NULL;
  double d;

  *has = FALSE;
  switch (c->type)
    {
    case GDNN_XLSX_CELL_EMPTY:
      return TRUE;
    case GDNN_XLSX_CELL_NUMBER:
      d = c->number;
      break;
    case GDNN_XLSX_CELL_STRING:
      {
        g_autofree char *t = g_strstrip (g_strdup (c->text));
        if (*t == '\0')
          return TRUE;
        d = g_ascii_strtod (t, &end);
        if (end == t || *end != '\0')
          /* Translators: "Indicator I.2.a.1: numerator “abc” is not a number." */
          return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s “%s” is not a number."), w->record, w->column,
                       c->text);
      }
      break;
    case GDNN_XLSX_CELL_BOOLEAN:
    case GDNN_XLSX_CELL_ERROR:
    default:
      return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s “%s” is not a number."), w->record, w->column,
                   c->text);
    }
  if (!isfinite (d))
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s “%s” is not a number."), w->record, w->column,
                 c->text);
  if (d < 0)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s %s is negative."), w->record, w->column, c->text);
  if (d > MAX_AMOUNT)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s %s is too large."), w->record, w->column, c->text);
  *has = TRUE;
  *value = d;
  return TRUE;
}

static gboolean
check_int (Reader             *r,
           const Where        *w,
           const GdnnXlsxCell *c,
           gint64              min,
           gint64              max,
           gboolean            required,
           gboolean           *has,
           gint64             *value)
{
  gboolean h = FALSE;
  double d = 0;

  if (!check_number (r, w, c, &h, &d))
    return FALSE;
  if (!h)
    {
      if (required)
        return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s is empty."), w->record, w->column);
      if (has != NULL)
        *has = FALSE;
      return TRUE;
    }
  if (d != floor (d))
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s %s is not a whole number."), w->record, w->column,
                 c->text);
  if (d < (double) min || d > (double) max)
    {
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: "Task NV01: progress 150 is not between 0 and 100." */
      return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s %s is not between %s and %s."),
                   w->record, w->column, c->text, lo, hi);
    }
  if (has != NULL)
    *has = TRUE;
  *value = (gint64) d;
  return TRUE;
}

static gboolean
unknown_value (Reader      *r,
               const Where *w,
               const char  *text)
{
  /* Translators: "Indicator I.2.a.1: measure “xyz” is not a known value." */
  return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s “%s” is not a known value."), w->record, w->column,
               text);
}

static gboolean
check_iso_date (Reader      *r,
                const Where *w,
                const char  *text)
{
  guint64 y, m, d;
  char part[5];

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      memcpy (part, text, 4);
      part[4] = '\0';
      if (g_ascii_string_to_unsigned (part, 10, 1900, 2200, &y, NULL))
        {
          memcpy (part, text + 5, 2);
          part[2] = '\0';
          if (g_ascii_string_to_unsigned (part, 10, 1, 12, &m, NULL))
            {
              memcpy (part, text + 8, 2);
              if (g_ascii_string_to_unsigned (part, 10, 1, 31, &d, NULL) &&
                  g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
                return TRUE;
            }
        }
    }
  return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s “%s” is not a date (YYYY-MM-DD)."), w->record,
               w->column, text);
}

static gboolean
check_ref (Reader      *r,
           const Where *w,
           const char  *text)
{
  guint row, col;
  g_autofree char *sheet = NULL;

  if (text == NULL)
    return TRUE;
  if (!gdnn_xlsx_parse_ref (text, &sheet, &row, &col) || sheet == NULL)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s “%s” is not a cell reference."), w->record,
                 w->column, text);
  return TRUE;
}

/* ---- Metadata ------------------------------------------------------ */

typedef struct
{
  const char *key;
  const char *label;
} MetaKey;

static const MetaKey meta_keys[] = {
  { "format", N_("format") },
  { "schema_version", N_("schema version") },
  { "generator", N_("generator") },
  { "unit_code", N_("unit code") },
  { "unit_name", N_("unit name") },
  { "unit_type", N_("unit type") },
  { "unit_ownership", N_("ownership") },
  { "parent_code", N_("superior unit code") },
  { "plan_number", N_("plan number") },
  { "year", N_("year") },
  { "period", N_("period") },
  { "report_number", N_("report number") },
  { "report_date", N_("report date") },
  { "finalised_at", N_("finalisation time") },
  { "status", N_("status") },
  { "signer_name", N_("signer") },
  { "signer_title", N_("signer's title") },
};

static Where
meta_where (const char *key)
{
  Where w = { g_strdup (_("Report details")), key };

  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    if (g_str_equal (meta_keys[i].key, key))
      w.column = _(meta_keys[i].label);
  return w;
}

static gboolean
meta_text (Reader      *r,
           GHashTable  *meta,
           const char  *key,
           guint        max,
           gboolean     required,
           char       **out)
{
  const GdnnXlsxCell *c = g_hash_table_lookup (meta, key);
  Where w = meta_where (key);
  gboolean ok = check_text (r, &w, c != NULL ? c->text : NULL, max, FALSE, required, out);

  g_free (w.record);
  return ok;
}

static gboolean
read_metadata (Reader *r,
               guint  *next_row)
{
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  GdnnSubmission *sub = r->sub;
  const GdnnXlsxCell *c;
  g_autofree char *text = NULL;
  gint64 n = 0;
  Where w;
  guint row;
  gboolean ok;

  for (row = 0; row < MAX_META_ROWS; row++)
    {
      const GdnnXlsxCell *key = cell (r, row, 0);

      if (key->type == GDNN_XLSX_CELL_EMPTY)
        break;
      if (key->text[0] == '#')
        break;
      if (!g_hash_table_insert (meta, (gpointer) key->text, (gpointer) cell (r, row, 1)))
        return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID,
                     /* Translators: %s is a key of the data sheet such as "unit_code". */
                     _("The data sheet gives the field “%s” twice."), key->text);
    }
  *next_row = row;

  c = g_hash_table_lookup (meta, "format");
  if (c == NULL || g_strcmp0 (c->text, DATA_FORMAT) != 0)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_FOREIGN,
                 _("The workbook was not exported by this program: its sheet “%s” is not a report data sheet."),
                 DATA_SHEET);

  c = g_hash_table_lookup (meta, "schema_version");
  if (c == NULL || c->type == GDNN_XLSX_CELL_EMPTY)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_VERSION, _("The data sheet does not say its schema version."));
  if (c->type != GDNN_XLSX_CELL_NUMBER || c->number != DATA_SCHEMA_VERSION)
    return fail (r, GDNN_SUBMISSION_READ_ERROR_VERSION,
                 /* Translators: %s is a version as written in the file, %d the version this program reads. */
                 _("The data sheet has schema version “%s”; this program reads version %d. A newer version of the "
                   "program may read it."), c->text, DATA_SCHEMA_VERSION);
  sub->schema_version = DATA_SCHEMA_VERSION;

  if (!meta_text (r, meta, "generator", MAX_SHORT, FALSE, &sub->generator) ||
      !meta_text (r, meta, "unit_code", MAX_CODE, TRUE, &sub->unit_code) ||
      !meta_text (r, meta, "unit_name", MAX_NAME, TRUE, &sub->unit_name) ||
      !meta_text (r, meta, "parent_code", MAX_CODE, FALSE, &sub->parent_code) ||
      !meta_text (r, meta, "plan_number", MAX_SHORT, TRUE, &sub->plan_number) ||
      !meta_text (r, meta, "report_number", MAX_SHORT, FALSE, &sub->report_number) ||
      !meta_text (r, meta, "report_date", 10, FALSE, &sub->report_date) ||
      !meta_text (r, meta, "finalised_at", 32, FALSE, &sub->finalised_at) ||
      !meta_text (r, meta, "signer_name", MAX_SHORT, FALSE, &sub->signer_name) ||
      !meta_text (r, meta, "signer_title", MAX_SHORT, FALSE, &sub->signer_title))
    return FALSE;

  if (!meta_text (r, meta, "unit_type", MAX_SHORT, TRUE, &text))
    return FALSE;
  w = meta_where ("unit_type");
  ok = gdnn_unit_type_from_string (text, &sub->unit_type) || unknown_value (r, &w, text);
  g_free (w.record);
  g_clear_pointer (&text, g_free);
  if (!ok)
    return FALSE;

  if (!meta_text (r, meta, "unit_ownership", MAX_SHORT, FALSE, &text))
    return FALSE;
  w = meta_where ("unit_ownership");
  sub->unit_ownership = GDNN_OWNERSHIP_NONE;
  ok = text == NULL || gdnn_ownership_from_string (text, &sub->unit_ownership) || unknown_value (r, &w, text);
  g_free (w.record);
  g_clear_pointer (&text, g_free);
  if (!ok)
    return FALSE;

  w = meta_where ("year");
  c = g_hash_table_lookup (meta, "year");
  ok = check_int (r, &w, c != NULL ? c : &no_cell, 2000, 2100, TRUE,
                  NULL, &n);
  g_free (w.record);
  if (!ok)
    return FALSE;
  sub->year = (int) n;

  g_clear_pointer (&sub->period, g_free);   /* gdnn_submission_new () sets "year" */
  if (!meta_text (r, meta, "period", MAX_SHORT, TRUE, &sub->period))
    return FALSE;
  if (!g_str_equal (sub->period, "year") && !g_str_equal (sub->period, "h1"))
    {
      w = meta_where ("period");
      unknown_value (r, &w, sub->period);
      g_free (w.record);
      return FALSE;
    }

  if (sub->report_date != NULL)
    {
      w = meta_where ("report_date");
      ok = check_iso_date (r, &w, sub->report_date);
      g_free (w.record);
      if (!ok)
        return FALSE;
    }

  if (sub->finalised_at != NULL)
    {
      /* "2026-11-27T08:15:00Z": a date, then a time compared as text. */
      g_autofree char *day = g_strndup (sub->finalised_at, 10);

      w = meta_where ("finalised_at");
      ok = check_iso_date (r, &w, day) &&
           (sub->finalised_at[10] == '\0' || sub->finalised_at[10] == 'T' || unknown_value (r, &w, sub->finalised_at));
      g_free (w.record);
      if (!ok)
        return FALSE;
    }

  if (!meta_text (r, meta, "status", MAX_SHORT, TRUE, &text))
    return FALSE;
  sub->is_final = g_str_equal (text, "final");
  if (!sub->is_final && !g_str_equal (text, "draft"))
    {
      w = meta_where ("status");
      unknown_value (r, &w, text);
      g_free (w.record);
      return FALSE;
    }
  return TRUE;
}

/* ---- Record tables ------------------------------------------------- */

typedef enum
{
  TABLE_INDICATOR,
  TABLE_TASK,
  TABLE_BUDGET,
  N_TABLES
} Table;

static const char *const table_names[N_TABLES] = { "indicator", "task", "budget" };

/* The required columns first, then the optional ones files of earlier
 * exports lack (table_required gives how many are required). */
static const char *const indicator_cols[] = { "code", "measure", "numerator", "denominator", "value", "note",
                                              "status", "numerator_cell", "denominator_cell",
                                              "value_cell", "percent", "percent_cell", "assessment",
                                              "assessment_cell", "note_cell", NULL };
static const char *const task_cols[] = { "code", "status", "progress", "result", "status_cell", "progress_cell",
                                         "result_cell", NULL };
static const char *const budget_cols[] = { "position", "name", "source", "year", "planned", "spent",
                                           "planned_cell", "spent_cell", NULL };
static const char *const *const table_cols[N_TABLES] = { indicator_cols, task_cols, budget_cols };
static const guint table_required[N_TABLES] = { 9, 6, 8 };

/* Column names as messages show them. */
static const MetaKey column_labels[] = {
  { "code", N_("code") },
  { "measure", N_("measure") },
  { "numerator", N_("numerator") },
  { "denominator", N_("denominator") },
  { "value", N_("value") },
  { "note", N_("explanation") },
  { "status", N_("status") },
  { "progress", N_("progress") },
  { "result", N_("result") },
  { "position", N_("line number") },
  { "name", N_("content") },
  { "source", N_("funding source") },
  { "year", N_("year") },
  { "planned", N_("planned amount") },
  { "spent", N_("spent amount") },
  { "numerator_cell", N_("numerator cell") },
  { "denominator_cell", N_("denominator cell") },
  { "status_cell", N_("status cell") },
  { "progress_cell", N_("progress cell") },
  { "planned_cell", N_("planned amount cell") },
  { "spent_cell", N_("spent amount cell") },
  { "value_cell", N_("value cell") },
  { "percent", N_("share of the target") },
  { "percent_cell", N_("share of the target cell") },
  { "assessment", N_("assessment") },
  { "assessment_cell", N_("assessment cell") },
  { "note_cell", N_("explanation cell") },
  { "result_cell", N_("result cell") },
};

static const char *
column_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (g_str_equal (column_labels[i].key, name))
      return _(column_labels[i].label);
  return name;
}

typedef struct
{
  Reader      *r;
  guint        row;
  guint        cols[16];     /* by the index in table_cols */
  const char *const *names;
  Where        w;
} Record;

static const GdnnXlsxCell *
rec_cell (Record     *rec,
          const char *name)
{
  for (guint i = 0; rec->names[i] != NULL; i++)
    if (g_str_equal (rec->names[i], name))
      {
        rec->w.column = column_label (name);
        return cell (rec->r, rec->row, rec->cols[i]);
      }
  g_return_val_if_reached (NULL);
}

static gboolean
rec_text (Record     *rec,
          const char *name,
          guint       max,
          gboolean    multiline,
          gboolean    required,
          char      **out)
{
  const GdnnXlsxCell *c = rec_cell (rec, name);

  return check_text (rec->r, &rec->w, c->text, max, multiline, required, out);
}

static gboolean
rec_number (Record     *rec,
            const char *name,
            gboolean   *has,
            double     *value)
{
  const GdnnXlsxCell *c = rec_cell (rec, name);

  return check_number (rec->r, &rec->w, c, has, value);
}

static gboolean
rec_ref (Record     *rec,
         const char *name,
         char      **out)
{
  return rec_text (rec, name, MAX_SHORT, FALSE, FALSE, out) && check_ref (rec->r, &rec->w, *out);
}

/* Visible cells to compare, kept until the data sheet has been read. */
typedef enum
{
  CMP_NUMBER,      /* the number itself */
  CMP_FRACTION,    /* visible = data / 100 */
  CMP_TASK_STATUS, /* visible = the Vietnamese label */
  CMP_TEXT,        /* the same text, blanks around it aside */
  CMP_LABEL,       /* the same text, case aside (an assessment) */
} CmpKind;

typedef struct
{
  char     *ref;
  char     *what;
  CmpKind   kind;
  gboolean  has;
  double    value;
  int       status;
  char     *text;     /* CMP_TEXT, CMP_LABEL: NULL for none */
  char     *formula;  /* the formula the export writes there, NULL for none */
} Compare;

static void
compare_free (gpointer data)
{
  Compare *c = data;

  g_free (c->ref);
  g_free (c->what);
  g_free (c->text);
  g_free (c->formula);
  g_free (c);
}

static Compare *
add_compare (GPtrArray  *compares,
             char       *ref,
             const char *record,
             const char *column,
             CmpKind     kind,
             gboolean    has,
             double      value,
             int         status)
{
  Compare *c;

  if (ref == NULL)
    return NULL;
  c = g_new0 (Compare, 1);
  c->ref = ref;
  /* Translators: a visible cell, e.g. "I.2.a.1 – numerator". */
  c->what = g_strdup_printf (_("%s – %s"), record, column);
  c->kind = kind;
  c->has = has;
  c->value = value;
  c->status = status;
  g_ptr_array_add (compares, c);
  return c;
}

static void
add_compare_text (GPtrArray  *compares,
                  char       *ref,
                  const char *record,
                  const char *column,
                  CmpKind     kind,
                  const char *text)
{
  Compare *c = add_compare (compares, ref, record, column, kind, text != NULL, 0, 0);

  if (c != NULL)
    c->text = g_strdup (text);
}

/* The printed assessment of the data sheet's code. */
static gboolean
assessment_label (const char  *code,
                  const char **label)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "not_met", "Chưa đạt" }, { "met", "Đạt" }, { "exceeded", "Vượt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (code, labels[i].code) == 0)
      {
        *label = labels[i].label;
        return TRUE;
      }
  return FALSE;
}

/* The formula the export writes for a ratio's value: the numerator over
 * the denominator of the same row, e.g. IF(L7>0,K7/L7,""). */
static char *
ratio_formula (const char *num_ref,
               const char *den_ref)
{
  g_autofree char *num_sheet = NULL, *den_sheet = NULL;
  g_autofree char *num = NULL, *den = NULL;
  guint nr, nc, dr, dc;

  if (num_ref == NULL || den_ref == NULL ||
      !gdnn_xlsx_parse_ref (num_ref, &num_sheet, &nr, &nc) ||
      !gdnn_xlsx_parse_ref (den_ref, &den_sheet, &dr, &dc))
    return NULL;
  num = gdnn_xlsx_cell_name (nr, nc);
  den = gdnn_xlsx_cell_name (dr, dc);
  return g_strdup_printf ("IF(%s>0,%s/%s,\"\")", den, num, den);
}

static gboolean
read_indicator (Record    *rec,
                GPtrArray *compares)
{
  g_autoptr(SubValue) v = gdnn_submitted_value_new ();
  g_autofree char *measure = NULL;
  g_autofree char *num_ref = NULL, *den_ref = NULL;
  g_autofree char *value_ref = NULL, *percent_ref = NULL, *assessment_ref = NULL, *note_ref = NULL;
  g_autofree char *assessment = NULL, *formula = NULL;
  const char *assessment_text = NULL;
  gboolean has_percent = FALSE;
  double percent = 0;
  Compare *c;

  if (!rec_text (rec, "code", MAX_CODE, FALSE, TRUE, &v->code))
    return FALSE;
  g_free (rec->w.record);
  /* Translators: %s is an indicator code. */
  rec->w.record = g_strdup_printf (_("Indicator %s"), v->code);
  if (!rec_text (rec, "measure", MAX_SHORT, FALSE, TRUE, &measure))
    return FALSE;
  if (!gdnn_measure_from_string (measure, &v->measure))
    return unknown_value (rec->r, &rec->w, measure);
  if (!rec_number (rec, "numerator", &v->has_numerator, &v->numerator) ||
      !rec_number (rec, "denominator", &v->has_denominator, &v->denominator) ||
      !rec_number (rec, "value", &v->has_value, &v->value) ||
      !rec_text (rec, "note", MAX_LONG, TRUE, FALSE, &v->note) ||
      !rec_text (rec, "status", MAX_SHORT, FALSE, FALSE, &v->status) ||
      !rec_ref (rec, "numerator_cell", &num_ref) ||
      !rec_ref (rec, "denominator_cell", &den_ref) ||
      !rec_ref (rec, "value_cell", &value_ref) ||
      !rec_number (rec, "percent", &has_percent, &percent) ||
      !rec_ref (rec, "percent_cell", &percent_ref) ||
      !rec_text (rec, "assessment", MAX_SHORT, FALSE, FALSE, &assessment) ||
      !rec_ref (rec, "assessment_cell", &assessment_ref) ||
      !rec_ref (rec, "note_cell", &note_ref))
    return FALSE;
  if (assessment != NULL && !assessment_label (assessment, &assessment_text))
    {
      rec_cell (rec, "assessment");
      return unknown_value (rec->r, &rec->w, assessment);
    }
  if (v->status != NULL && !g_str_equal (v->status, "draft") && !g_str_equal (v->status, "confirmed"))
    {
      rec_cell (rec, "status");
      return unknown_value (rec->r, &rec->w, v->status);
    }
  if (v->measure == GDNN_MEASURE_BOOLEAN && v->has_numerator && v->numerator != 0 && v->numerator != 1)
    {
      g_autofree char *t = g_strdup_printf ("%g", v->numerator);
      rec_cell (rec, "numerator");
      return fail (rec->r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("%s: %s %s is neither 0 nor 1."), rec->w.record,
                   rec->w.column, t);
    }

  if (v->measure == GDNN_MEASURE_RATIO && v->has_value)
    formula = ratio_formula (num_ref, den_ref);
  add_compare (compares, g_steal_pointer (&num_ref), v->code, column_label ("numerator"), CMP_NUMBER,
               v->has_numerator, v->numerator, 0);
  add_compare (compares, g_steal_pointer (&den_ref), v->code, column_label ("denominator"), CMP_NUMBER,
               v->has_denominator && v->measure == GDNN_MEASURE_RATIO, v->denominator, 0);
  /* A ratio shows its value as a fraction with a % format (0.75: 75%). */
  c = add_compare (compares, g_steal_pointer (&value_ref), v->code, column_label ("value"),
                   v->measure == GDNN_MEASURE_RATIO ? CMP_FRACTION : CMP_NUMBER, v->has_value, v->value, 0);
  if (c != NULL)
    c->formula = g_steal_pointer (&formula);
  add_compare (compares, g_steal_pointer (&percent_ref), v->code, column_label ("percent"), CMP_FRACTION,
               has_percent, percent, 0);
  add_compare_text (compares, g_steal_pointer (&assessment_ref), v->code, column_label ("assessment"), CMP_LABEL,
                    assessment_text);
  add_compare_text (compares, g_steal_pointer (&note_ref), v->code, column_label ("note"), CMP_TEXT, v->note);
  g_ptr_array_add (rec->r->sub->values, g_steal_pointer (&v));
  return TRUE;
}

static gboolean
read_task (Record    *rec,
           GPtrArray *compares)
{
  g_autoptr(SubTask) t = gdnn_submitted_task_new ();
  g_autofree char *status = NULL;
  g_autofree char *status_ref = NULL, *progress_ref = NULL, *result_ref = NULL;
  gboolean has_progress = FALSE;
  gint64 progress = 0;

  if (!rec_text (rec, "code", MAX_CODE, FALSE, TRUE, &t->code))
    return FALSE;
  g_free (rec->w.record);
  /* Translators: %s is a task code. */
  rec->w.record = g_strdup_printf (_("Task %s"), t->code);
  if (!rec_text (rec, "status", MAX_SHORT, FALSE, FALSE, &status))
    return FALSE;
  t->has_status = status != NULL;
  if (status != NULL && !gdnn_task_status_from_string (status, &t->status))
    return unknown_value (rec->r, &rec->w, status);
  if (!check_int (rec->r, &rec->w, rec_cell (rec, "progress"), 0, 100, FALSE, &has_progress, &progress) ||
      !rec_text (rec, "result", MAX_LONG, TRUE, FALSE, &t->result) ||
      !rec_ref (rec, "status_cell", &status_ref) ||
      !rec_ref (rec, "progress_cell", &progress_ref) ||
      !rec_ref (rec, "result_cell", &result_ref))
    return FALSE;
  t->progress = (int) progress;

  /* The visible sheet shows "Chưa thực hiện" for a task without a report. */
  add_compare (compares, g_steal_pointer (&status_ref), t->code, column_label ("status"), CMP_TASK_STATUS, TRUE, 0,
               t->has_status ? (int) t->status : GDNN_TASK_NOT_STARTED);
  add_compare (compares, g_steal_pointer (&progress_ref), t->code, column_label ("progress"), CMP_FRACTION,
               has_progress, (double) progress, 0);
  add_compare_text (compares, g_steal_pointer (&result_ref), t->code, column_label ("result"), CMP_TEXT, t->result);
  g_ptr_array_add (rec->r->sub->tasks, g_steal_pointer (&t));
  return TRUE;
}

static gboolean
read_budget (Record    *rec,
             GPtrArray *compares)
{
  g_autoptr(SubBudget) b = gdnn_submitted_budget_new ();
  g_autofree char *source = NULL, *line = NULL;
  g_autofree char *planned_ref = NULL, *spent_ref = NULL;
  gint64 n = 0;

  if (!check_int (rec->r, &rec->w, rec_cell (rec, "position"), 1, MAX_RECORDS, TRUE, NULL, &n))
    return FALSE;
  b->position = (int) n;
  g_free (rec->w.record);
  /* Translators: %d is the number of a budget line. */
  rec->w.record = g_strdup_printf (_("Budget line %d"), b->position);
  line = g_strdup (rec->w.record);
  if (!rec_text (rec, "name", MAX_NAME, TRUE, TRUE, &b->name) ||
      !rec_text (rec, "source", MAX_SHORT, FALSE, TRUE, &source))
    return FALSE;
  if (!gdnn_budget_source_from_string (source, &b->source))
    return unknown_value (rec->r, &rec->w, source);
  if (!check_int (rec->r, &rec->w, rec_cell (rec, "year"), 2000, 2100, TRUE, NULL, &n))
    return FALSE;
  b->year = (int) n;
  if (!check_int (rec->r, &rec->w, rec_cell (rec, "planned"), 0, (gint64) MAX_AMOUNT, TRUE, NULL, &b->planned) ||
      !check_int (rec->r, &rec->w, rec_cell (rec, "spent"), 0, (gint64) MAX_AMOUNT, FALSE, &b->has_spent, &b->spent) ||
      !rec_ref (rec, "planned_cell", &planned_ref) ||
      !rec_ref (rec, "spent_cell", &spent_ref))
    return FALSE;

  add_compare (compares, g_steal_pointer (&planned_ref), line, column_label ("planned"), CMP_NUMBER, TRUE,
               (double) b->planned, 0);
  add_compare (compares, g_steal_pointer (&spent_ref), line, column_label ("spent"), CMP_NUMBER, b->has_spent,
               (double) b->spent, 0);
  g_ptr_array_add (rec->r->sub->budget, g_steal_pointer (&b));
  return TRUE;
}

static gboolean
read_tables (Reader    *r,
             guint      row,
             GPtrArray *compares)
{
  gboolean seen[N_TABLES] = { FALSE };
  int table = -1;            /* -1 none, N_TABLES an unknown table being skipped */
  Record rec = { 0 };
  guint records = 0;
  guint n_rows = gdnn_xlsx_sheet_get_n_rows (r->data);
  gboolean ok = TRUE;

  rec.r = r;
  for (; ok; row++)
    {
      const GdnnXlsxCell *a = cell (r, row, 0);

      if (row >= n_rows)
        return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID,
                     _("The data sheet is incomplete: its last row “#end” is missing."));
      if (a->type == GDNN_XLSX_CELL_EMPTY)
        {
          table = -1;
          continue;
        }
      if (g_str_equal (a->text, "#end"))
        break;
      if (a->text[0] == '#')
        {
          guint t;

          for (t = 0; t < N_TABLES; t++)
            if (g_str_equal (a->text + 1, table_names[t]))
              break;
          table = (int) t;
          if (t == N_TABLES)
            continue;   /* a table of a later version: skipped */
          if (seen[t])
            return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("The data sheet has the table “%s” twice."),
                         a->text);
          seen[t] = TRUE;
          rec.names = table_cols[t];
          for (guint k = 0; rec.names[k] != NULL; k++)
            {
              gboolean found = FALSE;

              for (guint col = 1; col < 64 && !found; col++)
                if (g_strcmp0 (cell (r, row, col)->text, rec.names[k]) == 0)
                  {
                    rec.cols[k] = col;
                    found = TRUE;
                  }
              /* An optional column that is missing reads as empty. */
              if (!found && k >= table_required[t])
                rec.cols[k] = GDNN_XLSX_MAX_COLS;
              else if (!found)
                return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID,
                             /* Translators: "The table “#task” of the data sheet has no column “progress”." */
                             _("The table “%s” of the data sheet has no column “%s”."), a->text, rec.names[k]);
            }
          continue;
        }
      if (table == N_TABLES)
        continue;
      if (table < 0 || !g_str_equal (a->text, table_names[table]))
        return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID,
                     /* Translators: %u is a row number, %s what is written in its first cell. */
                     _("Row %u of the data sheet holds “%s” where a record was expected."), row + 1, a->text);
      if (++records > MAX_RECORDS)
        return fail (r, GDNN_SUBMISSION_READ_ERROR_TOO_LARGE, _("The data sheet has more than %u records."),
                     MAX_RECORDS);
      rec.row = row;
      /* Translators: %u is a row number; used until the record's code is known. */
      rec.w.record = g_strdup_printf (_("Row %u of the data sheet"), row + 1);
      switch (table)
        {
        case TABLE_INDICATOR:
          ok = read_indicator (&rec, compares);
          break;
        case TABLE_TASK:
          ok = read_task (&rec, compares);
          break;
        case TABLE_BUDGET:
        default:
          ok = read_budget (&rec, compares);
          break;
        }
      g_clear_pointer (&rec.w.record, g_free);
    }
  if (!ok)
    return FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    if (!seen[t])
      return fail (r, GDNN_SUBMISSION_READ_ERROR_INVALID, _("The data sheet has no table “#%s”."), table_names[t]);
  return TRUE;
}

/* ---- Visible cells ------------------------------------------------- */

static char *
number_text (double value)
{
  g_autofree char *s = NULL;

  if (value == floor (value) && fabs (value) < 1e15)
    return gdnn_format_integer ((gint64) value);
  s = g_strdup_printf ("%.10g", value);
  return g_strdelimit (g_steal_pointer (&s), ".", ',');
}

static gboolean
same_number (double a,
             double b)
{
  return a == b || fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

static GdnnXlsxSheet *
visible_sheet (Reader     *r,
               const char *name,
               GError    **error)
{
  GdnnXlsxSheet *sheet = NULL;
  int index;

  if (g_hash_table_lookup_extended (r->sheets, name, NULL, (gpointer *) &sheet))
    return sheet;
  index = gdnn_xlsx_find_sheet (r->xlsx, name);
  if (index >= 0 && !g_str_equal (name, DATA_SHEET))
    {
      sheet = gdnn_xlsx_read_sheet (r->xlsx, index, error);
      if (sheet == NULL)
        return NULL;
    }
  g_hash_table_insert (r->sheets, g_strdup (name), sheet);
  return sheet;
}

static char *
quoted_ref (const char *sheet,
            guint       row,
            guint       col)
{
  g_autofree char *cellname = gdnn_xlsx_cell_name (row, col);
  g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);
  g_autofree char *escaped = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'!%s", escaped, cellname);
}

static char *
visible_text (const GdnnXlsxCell *c,
              CmpKind             kind)
{
  switch (c->type)
    {
    case GDNN_XLSX_CELL_EMPTY:
      /* A formula whose result the file does not hold. */
      return c->formula != NULL ? g_strconcat ("=", c->formula, NULL) : g_strdup ("");
    case GDNN_XLSX_CELL_NUMBER:
      return number_text (kind == CMP_FRACTION ? c->number * 100 : c->number);
    case GDNN_XLSX_CELL_STRING:
    case GDNN_XLSX_CELL_BOOLEAN:
    case GDNN_XLSX_CELL_ERROR:
    default:
      return g_utf8_normalize (c->text, -1, G_NORMALIZE_NFC);
    }
}

/* Formulas compare without "$", blanks and case: IF($L$7>0,K7/L7,"")
 * is if(L7>0,K7/L7,""). */
static char *
formula_key (const char *formula)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = formula; *p != '\0'; p++)
    if (*p != '$' && !g_ascii_isspace (*p))
      g_string_append_c (key, g_ascii_toupper (*p));
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* NFC, blanks around it removed, line ends as "\n". */
static char *
text_key (const char *text,
          gboolean    fold_case)
{
  g_autofree char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
  g_auto(GStrv) lines = NULL;
  g_autofree char *joined = NULL;

  if (nfc == NULL)
    return g_strdup ("\x01");   /* never equal to a valid text */
  lines = g_strsplit (nfc, "\r\n", -1);
  joined = g_strstrip (g_strjoinv ("\n", lines));
  return fold_case ? g_utf8_casefold (joined, -1) : g_steal_pointer (&joined);
}

static gboolean
matches (const Compare      *cmp,
         const GdnnXlsxCell *c)
{
  double v;

  /* No result in the file: the formula the export wrote stands for it. */
  if (c->type == GDNN_XLSX_CELL_EMPTY && c->formula != NULL)
    {
      g_autofree char *shown = NULL;

      /* A shared formula's other cells carry no text (<f t="shared"
       * si="0"/>): the shape of the first cell's, which is compared. */
      if (c->formula[0] == '\0')
        return cmp->formula != NULL;
      shown = formula_key (c->formula);
      g_autofree char *expected = cmp->formula != NULL ? formula_key (cmp->formula) : NULL;

      return expected != NULL && g_str_equal (shown, expected);
    }
  if (cmp->kind == CMP_TEXT || cmp->kind == CMP_LABEL)
    {
      g_autofree char *shown = NULL, *expected = NULL;

      if (c->type != GDNN_XLSX_CELL_EMPTY && c->type != GDNN_XLSX_CELL_STRING)
        return FALSE;
      shown = text_key (c->text, cmp->kind == CMP_LABEL);
      expected = text_key (cmp->text, cmp->kind == CMP_LABEL);
      return g_str_equal (shown, expected);
    }
  if (cmp->kind == CMP_TASK_STATUS)
    {
      GdnnTaskStatus status;

      return c->type == GDNN_XLSX_CELL_STRING && gdnn_task_status_from_string (c->text, &status) &&
             (int) status == cmp->status;
    }
  if (!cmp->has)
    {
      g_autofree char *t = g_strstrip (g_strdup (c->text));
      return c->type == GDNN_XLSX_CELL_EMPTY || (c->type == GDNN_XLSX_CELL_STRING && *t == '\0');
    }
  if (c->type == GDNN_XLSX_CELL_NUMBER)
    v = c->number;
  else if (c->type != GDNN_XLSX_CELL_STRING || !gdnn_parse_number (c->text, &v, NULL))
    return FALSE;
  return same_number (cmp->kind == CMP_FRACTION ? cmp->value / 100.0 : cmp->value, v);
}

static void set_xlsx_refusal (GError       **error,
                              const GError  *local);

static gboolean
compare_visible (Reader    *r,
                 GPtrArray *compares)
{
  for (guint i = 0; i < compares->len; i++)
    {
      const Compare *cmp = g_ptr_array_index (compares, i);
      g_autofree char *sheet_name = NULL;
      g_autofree char *where = NULL, *data = NULL, *shown = NULL;
      g_autoptr(GError) local = NULL;
      GdnnXlsxSheet *sheet;
      const GdnnXlsxCell *c;
      guint row, col;

      if (!gdnn_xlsx_parse_ref (cmp->ref, &sheet_name, &row, &col) || sheet_name == NULL)
        continue;   /* checked while reading */
      sheet = visible_sheet (r, sheet_name, &local);
      if (local != NULL)
        {
          if (r->error != NULL && *r->error == NULL)
            set_xlsx_refusal (r->error, local);
          return FALSE;
        }
      c = sheet != NULL ? gdnn_xlsx_sheet_get_cell (sheet, row, col) : &no_cell;
      if (matches (cmp, c))
        continue;

      where = quoted_ref (sheet_name, row, col);
      if (cmp->kind == CMP_TASK_STATUS)
        data = g_strdup (gdnn_task_status_vi_label (cmp->status));
      else if (cmp->kind == CMP_TEXT || cmp->kind == CMP_LABEL)
        data = g_strdup (cmp->text != NULL ? cmp->text : "");
      else
        data = cmp->has ? number_text (cmp->value) : g_strdup ("");
      shown = visible_text (c, cmp->kind);
      g_ptr_array_add (r->sub->differences, gdnn_cell_difference_new (where, cmp->what, data, shown));
    }
  return TRUE;
}

/* ---- Entry points -------------------------------------------------- */

static int
map_xlsx_error (const GError *error)
{
  if (error->domain != GDNN_XLSX_ERROR)
    return GDNN_SUBMISSION_READ_ERROR_MALFORMED;
  switch ((GdnnXlsxError) error->code)
    {
    case GDNN_XLSX_ERROR_TOO_LARGE:
      return GDNN_SUBMISSION_READ_ERROR_TOO_LARGE;
    case GDNN_XLSX_ERROR_MALFORMED:
    case GDNN_XLSX_ERROR_HOSTILE:
      return GDNN_SUBMISSION_READ_ERROR_MALFORMED;
    case GDNN_XLSX_ERROR_NOT_ZIP:
    case GDNN_XLSX_ERROR_DAMAGED:
    case GDNN_XLSX_ERROR_NOT_WORKBOOK:
    case GDNN_XLSX_ERROR_UNSUPPORTED:
    default:
      return GDNN_SUBMISSION_READ_ERROR_NOT_XLSX;
    }
}

/* What the officer can do about a file the workbook reader refused. */
static const char *
xlsx_error_hint (const GError *error)
{
  if (error->domain != GDNN_XLSX_ERROR)
    return _("Ask the unit to send the file again, as the program exported it.");
  switch ((GdnnXlsxError) error->code)
    {
    case GDNN_XLSX_ERROR_NOT_ZIP:
      return _("Ask the unit for the Excel file (.xlsx) the program exported.");
    case GDNN_XLSX_ERROR_NOT_WORKBOOK:
      return _("Ask the unit to send the file the program exported, or to open it in Excel or LibreOffice Calc "
               "and save it again.");
    case GDNN_XLSX_ERROR_UNSUPPORTED:
      return _("Ask the unit to save it in Excel or LibreOffice Calc without a password and send it again.");
    case GDNN_XLSX_ERROR_TOO_LARGE:
    case GDNN_XLSX_ERROR_HOSTILE:
      return _("Do not open it in another program; ask the unit to send the file the program exported.");
    case GDNN_XLSX_ERROR_DAMAGED:
    case GDNN_XLSX_ERROR_MALFORMED:
    default:
      return _("Ask the unit to send the file again, as the program exported it.");
    }
}

/* @local's message followed by what to do. */
static void
set_xlsx_refusal (GError       **error,
                  const GError  *local)
{
  g_set_error (error, GDNN_SUBMISSION_READ_ERROR, map_xlsx_error (local),
               /* Translators: why a file is refused, then what to do. */
               _("%s %s"), local->message, xlsx_error_hint (local));
}

/* What the officer can do about a data sheet that is refused. */
static void
add_data_hint (GError **error)
{
  const char *hint = NULL;
  char *message;

  if (error == NULL || *error == NULL || (*error)->domain != GDNN_SUBMISSION_READ_ERROR)
    return;
  switch ((*error)->code)
    {
    case GDNN_SUBMISSION_READ_ERROR_INVALID:
      hint = _("The hidden data sheet was changed after the export; ask the unit to export the report again and "
               "send that file.");
      break;
    case GDNN_SUBMISSION_READ_ERROR_FOREIGN:
      hint = _("Ask the unit to send the file the program exported.");
      break;
    default:
      return;
    }
  message = g_strdup_printf (_("%s %s"), (*error)->message, hint);
  g_free ((*error)->message);
  (*error)->message = message;
}

static void
sheet_free0 (gpointer sheet)
{
  if (sheet != NULL)
    gdnn_xlsx_sheet_free (sheet);
}

GdnnSubmission *
gdnn_submission_read_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(GdnnXlsx) xlsx = NULL;
  g_autoptr(GdnnXlsxSheet) data = NULL;
  g_autoptr(GdnnSubmission) sub = NULL;
  g_autoptr(GPtrArray) compares = NULL;
  g_autoptr(GError) local = NULL;
  Reader r = { 0 };
  guint row = 0;
  int index;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xlsx = gdnn_xlsx_open_bytes (bytes, NULL, &local);
  if (xlsx == NULL)
    {
      set_xlsx_refusal (error, local);
      return NULL;
    }
  index = gdnn_xlsx_find_sheet (xlsx, DATA_SHEET);
  if (index < 0)
    {
      g_set_error (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_FOREIGN,
                   _("The workbook is not a report exported by this program: it has no data sheet “%s”. "
                     "Ask the unit to send the file the program exported."), DATA_SHEET);
      return NULL;
    }
  data = gdnn_xlsx_read_sheet (xlsx, index, &local);
  if (data == NULL)
    {
      set_xlsx_refusal (error, local);
      return NULL;
    }

  sub = gdnn_submission_new ();
  compares = g_ptr_array_new_with_free_func (compare_free);
  r.xlsx = xlsx;
  r.data = data;
  r.sub = sub;
  r.error = error;
  r.sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sheet_free0);
  ok = read_metadata (&r, &row) && read_tables (&r, row, compares) && compare_visible (&r, compares);
  g_hash_table_unref (r.sheets);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_INVALID,
                             _("The data sheet cannot be read."));
      add_data_hint (error);
      return NULL;
    }
  return g_steal_pointer (&sub);
}

GdnnSubmission *
gdnn_submission_read_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  map = g_mapped_file_new (path, FALSE, &local);
  if (map == NULL)
    {
      /* Our words: GLib's end in the system's reason, English in the C locale. */
      const char *message;

      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        message = _("The file does not exist: it was moved or deleted. Choose it again where it is now.");
      else if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        message = _("You may not read the file. Copy it to a folder of yours, such as Documents, and import the "
                    "copy.");
      else
        message = _("The file cannot be read (the disk or the network share failed). Copy it to a folder of "
                    "yours, such as Documents, and import the copy.");
      g_set_error_literal (error, GDNN_SUBMISSION_READ_ERROR, GDNN_SUBMISSION_READ_ERROR_IO, message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (map);
  return gdnn_submission_read_bytes (bytes, error);
}
