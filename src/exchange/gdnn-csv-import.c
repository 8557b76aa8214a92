/* gdnn-csv-import.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdnn-backup.h"
#include "gdnn-csv.h"
#include "gdnn-csv-import.h"
#include "gdnn-text.h"

static const char * const units_header[] = {
  "code", "name", "type", "ownership", "parent_code", "plans", NULL
};

static const char * const values_header[] = {
  "unit_code", "plan", "indicator_code", "year", "numerator", "denominator", "note", NULL
};

typedef struct
{
  GdnnCsvReader  *reader;
  guint           n_rows;
  GdnnCsvDialect  dialect;
} CsvImport;

static gboolean
row_error (GError     **error,
           guint        line,
           const char  *message)
{
  /* Translators: %u is a line number of the CSV file. */
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID, _("Line %u: %s"), line, message);
  return FALSE;
}

static gboolean
check_header (GdnnCsvReader       *reader,
              const char * const  *expected,
              GError             **error)
{
  g_auto(GStrv) fields = NULL;
  g_autofree char *wanted = g_strjoinv (",", (char **) expected);
  g_autoptr(GError) local_error = NULL;

  if (!gdnn_csv_reader_next (reader, &fields, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The file is empty; it must start with the header row %s."), wanted);
      return FALSE;
    }

  if (g_strv_length (fields) != g_strv_length ((char **) expected))
    goto bad;
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *f = g_strstrip (g_strdup (fields[i]));
      if (!g_str_equal (f, expected[i]))
        goto bad;
    }
  return TRUE;

bad:
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
               _("Line 1: the header row must be %s."), wanted);
  return FALSE;
}

static char *
field_or_null (char *field)
{
  g_strstrip (field);
  return field[0] != '\0' ? field : NULL;
}

/* units import: code,name,type,ownership,parent_code,plans */
static gboolean
import_units (GdnnStore  *store,
              gpointer    user_data,
              GError    **error)
{
  CsvImport *imp = user_data;
  g_autoptr(GPtrArray) pending_parents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pending_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) pending_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) fields = NULL;

  if (!check_header (imp->reader, units_header, error))
    return FALSE;

  while (gdnn_csv_reader_next (imp->reader, &fields, &local_error))
    {
      guint line = gdnn_csv_reader_get_line (imp->reader);
      g_autoptr(GdnnUnit) unit = gdnn_unit_new ();
      g_autoptr(GdnnUnit) existing = NULL;
      g_autoptr(GError) row_err = NULL;
      const char *type, *ownership, *parent, *plans;
      gint64 id;

      if (g_strv_length (fields) != 6)
        {
          g_autofree char *msg = g_strdup_printf (_("expected 6 columns, found %u"), g_strv_length (fields));
          return row_error (error, line, msg);
        }

      unit->code = g_strdup (field_or_null (fields[0]));
      unit->name = g_strdup (field_or_null (fields[1]));
      type = field_or_null (fields[2]);
      ownership = field_or_null (fields[3]);
      parent = field_or_null (fields[4]);
      plans = field_or_null (fields[5]);

      if (unit->code == NULL)
        return row_error (error, line, _("the unit code is empty"));
      if (unit->name == NULL)
        return row_error (error, line, _("the unit name is empty"));
      if (type == NULL || !gdnn_unit_type_from_string (type, &unit->type))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown type “%s” (cao_dang, trung_cap, trung_tam, khac or co_quan)"),
                                                  type ? type : "");
          return row_error (error, line, msg);
        }
      if (ownership != NULL && !gdnn_ownership_from_string (ownership, &unit->ownership))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown ownership “%s” (cong_lap, tu_thuc or von_nuoc_ngoai)"),
                                                  ownership);
          return row_error (error, line, msg);
        }
      if (unit->type == GDNN_UNIT_TYPE_CO_QUAN && unit->ownership != GDNN_OWNERSHIP_NONE)
        return row_error (error, line, _("a state office has no ownership"));

      existing = gdnn_store_find_unit_by_code (store, unit->code, NULL);
      if (existing != NULL)
        {
          /* The file carries only some columns: keep the rest. */
          unit->id = existing->id;
          unit->parent_id = existing->parent_id;
          unit->is_sample = existing->is_sample;
          unit->short_name = g_steal_pointer (&existing->short_name);
          unit->governing_body = g_steal_pointer (&existing->governing_body);
          unit->head_name = g_steal_pointer (&existing->head_name);
          unit->head_title = g_steal_pointer (&existing->head_title);
          unit->address = g_steal_pointer (&existing->address);
          unit->phone = g_steal_pointer (&existing->phone);
          unit->email = g_steal_pointer (&existing->email);
          if (!gdnn_store_update_unit (store, unit, &row_err))
            return row_error (error, line, row_err->message);
          id = existing->id;
        }
      else
        {
          id = gdnn_store_add_unit (store, unit, &row_err);
          if (id == 0)
            return row_error (error, line, row_err->message);
        }

      if (parent != NULL)
        {
          if (g_str_equal (parent, unit->code))
            return row_error (error, line, _("a unit cannot be its own parent"));
          g_ptr_array_add (pending_parents, g_strdup (parent));
          g_array_append_val (pending_ids, id);
          g_array_append_val (pending_lines, line);
        }

      if (plans != NULL)
        {
          g_auto(GStrv) numbers = g_strsplit (plans, ";", -1);
          for (guint i = 0; numbers[i] != NULL; i++)
            {
              g_autoptr(GdnnPlan) plan = NULL;
              g_autoptr(GError) plan_err = NULL;

              g_strstrip (numbers[i]);
              if (numbers[i][0] == '\0')
                continue;
              plan = gdnn_store_find_plan (store, numbers[i], &plan_err);
              if (plan == NULL)
                return row_error (error, line, plan_err->message);
              if (!gdnn_store_attach_plan (store, id, plan->id, error))
                return FALSE;
            }
        }

      imp->n_rows++;
      g_clear_pointer (&fields, g_strfreev);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Parents may come later in the file than their children. */
  for (guint i = 0; i < pending_parents->len; i++)
    {
      g_autoptr(GdnnUnit) parent = gdnn_store_find_unit_by_code (store, g_ptr_array_index (pending_parents, i), NULL);
      g_autoptr(GdnnUnit) child = NULL;
      guint line = g_array_index (pending_lines, guint, i);

      if (parent == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("the parent unit “%s” is neither in the file nor in the database"),
                                                  (const char *) g_ptr_array_index (pending_parents, i));
          return row_error (error, line, msg);
        }
      child = gdnn_store_get_unit (store, g_array_index (pending_ids, gint64, i), error);
      if (child == NULL)
        return FALSE;
      child->parent_id = parent->id;
      if (!gdnn_store_update_unit (store, child, error))
        return FALSE;
    }

  /* Reject a loop in the parent chain (A → B → A). */
  for (guint i = 0; i < pending_ids->len; i++)
    {
      gint64 start_id = g_array_index (pending_ids, gint64, i);
      g_autoptr(GdnnUnit) up = gdnn_store_get_unit (store, start_id, error);

      for (guint depth = 0; up != NULL && up->parent_id != 0; depth++)
        {
          gint64 next = up->parent_id;

          if (next == start_id || depth > 64)
            return row_error (error, g_array_index (pending_lines, guint, i),
                              _("the parent codes form a loop"));
          g_clear_pointer (&up, gdnn_unit_free);
          up = gdnn_store_get_unit (store, next, error);
        }
      if (up == NULL)
        return FALSE;
    }

  return TRUE;
}

/* How the file writes numbers, for the user. */
static const char *
numbers_convention (const GdnnCsvDialect *dialect)
{
  if (dialect->decimal_comma)
    return _("“,” as the decimal mark, “.” between thousands: 1.234,5");
  return _("“.” as the decimal point, no thousands separator: 1234.5");
}

/**
 * gdnn_csv_dialect_describe:
 * @dialect: a dialect read by gdnn_values_import_csv_dialect ()
 *
 * Returns: (transfer full): how the file writes fields and numbers, for
 *   the user
 */
char *
gdnn_csv_dialect_describe (const GdnnCsvDialect *dialect)
{
  g_return_val_if_fail (dialect != NULL, NULL);

  /* Translators: how a CSV file was read; the first %s is "," or ";",
   * the second how it writes numbers, e.g. "“.” as the decimal point, no
   * thousands separator: 1234.5". */
  return g_strdup_printf (_("“%s” between columns, %s"),
                          dialect->separator == ';' ? ";" : ",", numbers_convention (dialect));
}

/* How one number of the file is written, as evidence of the file's
 * convention. */
typedef enum
{
  NUMBER_PLAIN,          /* digits only: either convention */
  NUMBER_THOUSANDS_OR_POINT, /* "1.250": 1 250 with "." between thousands, else 1,25 */
  NUMBER_DOT_DECIMAL,    /* "12.5", "0.125": only "." as the decimal point reads it */
  NUMBER_COMMA_DECIMAL,  /* "1,5", "1.200.000", "1.234,5": only the Vietnamese way reads it */
} NumberStyle;

static NumberStyle
number_style (const char *text)
{
  const char *dot;
  gsize before, after;

  if (*text == '-')
    text++;
  if (strchr (text, ',') != NULL)
    return NUMBER_COMMA_DECIMAL;
  dot = strchr (text, '.');
  if (dot == NULL)
    return NUMBER_PLAIN;
  if (strchr (dot + 1, '.') != NULL)
    return NUMBER_COMMA_DECIMAL;
  before = (gsize) (dot - text);
  after = strlen (dot + 1);
  if (before >= 1 && before <= 3 && text[0] != '0' && after == 3 &&
      strspn (text, "0123456789") == before && strspn (dot + 1, "0123456789") == after)
    return NUMBER_THOUSANDS_OR_POINT;
  return NUMBER_DOT_DECIMAL;
}

/* The columns of the values file that hold numbers. */
#define COLUMN_NUMERATOR   4
#define COLUMN_DENOMINATOR 5

typedef struct
{
  guint  line;
  GStrv  fields;
} CsvRow;

static void
csv_row_free (CsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

/* Decides from every number in the file whether "," or "." is its decimal
 * mark: a file that writes "1,5" or "1.200.000" anywhere is Vietnamese, one
 * that writes "12.5" anywhere is not, one that does both is refused. When
 * no number tells, the separator does: ";" is what a spreadsheet writes
 * where "," is the decimal mark. */
static gboolean
decide_numbers (GPtrArray       *rows,
                GdnnCsvDialect  *dialect,
                GError         **error)
{
  const CsvRow *comma_row = NULL;
  const CsvRow *dot_row = NULL;
  guint comma_col = 0, dot_col = 0;

  for (guint i = 0; i < rows->len && (comma_row == NULL || dot_row == NULL); i++)
    {
      const CsvRow *row = g_ptr_array_index (rows, i);

      for (guint col = COLUMN_NUMERATOR; col <= COLUMN_DENOMINATOR; col++)
        {
          g_autofree char *text = g_strstrip (g_strdup (row->fields[col]));

          switch (number_style (text))
            {
            case NUMBER_COMMA_DECIMAL:
              if (comma_row == NULL)
                comma_row = row, comma_col = col;
              break;
            case NUMBER_DOT_DECIMAL:
              if (dot_row == NULL)
                dot_row = row, dot_col = col;
              break;
            case NUMBER_PLAIN:
            case NUMBER_THOUSANDS_OR_POINT:
            default:
              break;
            }
        }
    }

  if (comma_row != NULL && dot_row != NULL)
    {
      g_autofree char *comma_text = g_strstrip (g_strdup (comma_row->fields[comma_col]));
      g_autofree char *dot_text = g_strstrip (g_strdup (dot_row->fields[dot_col]));

      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   /* Translators: the file mixes two ways of writing
                    * numbers; line, column name and text of each. */
                   _("The file writes numbers two ways: line %u, column %s has “%s” "
                     "(“,” as the decimal mark, “.” between thousands), line %u, column %s has “%s” "
                     "(“.” as the decimal point). Write every number of the file the same way."),
                   comma_row->line, values_header[comma_col], comma_text,
                   dot_row->line, values_header[dot_col], dot_text);
      return FALSE;
    }

  if (comma_row != NULL)
    dialect->decimal_comma = TRUE;
  else if (dot_row != NULL)
    dialect->decimal_comma = FALSE;
  else
    dialect->decimal_comma = dialect->separator == ';';
  return TRUE;
}

/* Reads the number at @col of @row the way the file writes numbers; a
 * count (both terms of a ratio, a count, an amount in đồng) must be
 * whole. Every refusal names the line, the column and the convention. */
static gboolean
read_number (const CsvRow          *row,
             guint                  col,
             const GdnnCsvDialect  *dialect,
             GdnnMeasure            measure,
             double                *out,
             GError               **error)
{
  const char *text = row->fields[col];
  const char *column = values_header[col];
  const char *convention = numbers_convention (dialect);
  gboolean ok;

  if (dialect->decimal_comma)
    ok = gdnn_parse_number (text, out, NULL);
  else
    ok = gdnn_parse_decimal_c (text, out, NULL);
  if (!ok)
    {
      /* Translators: a column name, the text found, then how the file
       * writes numbers. */
      g_autofree char *msg = g_strdup_printf (_("in column %s, “%s” is not a number written the way "
                                                "this file writes numbers (%s)"),
                                              column, text, convention);
      return row_error (error, row->line, msg);
    }

  if (measure == GDNN_MEASURE_BOOLEAN || *out == floor (*out))
    return TRUE;

  if (!dialect->decimal_comma && number_style (text) == NUMBER_THOUSANDS_OR_POINT)
    {
      g_autofree char *as_point = gdnn_format_number_trim (*out, 3);
      g_autofree char *digits = g_strdelimit (g_strdup (text), ".", '\0');
      g_autofree char *whole = g_strconcat (digits, text + strlen (digits) + 1, NULL);
      /* Translators: a column name, the text found (“1.250”), the number
       * it reads as with “.” as the decimal point (1,25), the same text
       * again and the number without the point (1250). */
      g_autofree char *msg = g_strdup_printf (_("in column %s, “%s” is read as %s, because this file uses “.” "
                                                "as the decimal point, but a count is a whole number. If “.” "
                                                "separates thousands in “%s”, write %s, or save the file with "
                                                "“;” between columns, “,” as the decimal mark and “.” between "
                                                "thousands"),
                                              column, text, as_point, text, whole);
      return row_error (error, row->line, msg);
    }

  {
    /* Translators: a column name, the text found and how the file writes
     * numbers. */
    g_autofree char *msg = g_strdup_printf (measure == GDNN_MEASURE_AMOUNT
                                            ? _("in column %s, “%s” is not a whole number (this file writes "
                                                "numbers: %s); amounts are whole đồng")
                                            : measure == GDNN_MEASURE_RATIO
                                            ? _("in column %s, “%s” is not a whole number (this file writes "
                                                "numbers: %s); the numerator and the denominator of a ratio "
                                                "are counts")
                                            : _("in column %s, “%s” is not a whole number (this file writes "
                                                "numbers: %s); a count has no fraction"),
                                            column, text, convention);
    return row_error (error, row->line, msg);
  }
}

/* Every record after the header, each with the line it starts on. */
static gboolean
read_rows (GdnnCsvReader  *reader,
           guint           n_columns,
           GPtrArray      *rows,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GStrv fields = NULL;

  while (gdnn_csv_reader_next (reader, &fields, &local_error))
    {
      CsvRow *row = g_new0 (CsvRow, 1);

      row->line = gdnn_csv_reader_get_line (reader);
      row->fields = fields;
      g_ptr_array_add (rows, row);
      if (g_strv_length (fields) != n_columns)
        {
          g_autofree char *msg = g_strdup_printf (_("expected 7 columns, found %u"), g_strv_length (fields));
          return row_error (error, row->line, msg);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* values import: unit_code,plan,indicator_code,year,numerator,denominator,note */
static gboolean
import_values (GdnnStore  *store,
               gpointer    user_data,
               GError    **error)
{
  CsvImport *imp = user_data;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_row_free);

  if (!check_header (imp->reader, values_header, error) ||
      !read_rows (imp->reader, g_strv_length ((char **) values_header), rows, error) ||
      !decide_numbers (rows, &imp->dialect, error))
    return FALSE;

  for (guint r = 0; r < rows->len; r++)
    {
      const CsvRow *row = g_ptr_array_index (rows, r);
      GStrv fields = row->fields;
      guint line = row->line;
      g_autoptr(GdnnUnit) unit = NULL;
      g_autoptr(GdnnPlan) plan = NULL;
      g_autoptr(GdnnIndicator) ind = NULL;
      g_autoptr(GdnnValue) value = gdnn_value_new ();
      g_autoptr(GError) row_err = NULL;
      const char *unit_code, *plan_number, *code, *year, *num, *den, *note;
      char *key;
      gint64 year_value = 0;

      unit_code = field_or_null (fields[0]);
      plan_number = field_or_null (fields[1]);
      code = field_or_null (fields[2]);
      year = field_or_null (fields[3]);
      num = field_or_null (fields[COLUMN_NUMERATOR]);
      den = field_or_null (fields[COLUMN_DENOMINATOR]);
      note = field_or_null (fields[6]);

      if (unit_code == NULL || plan_number == NULL || code == NULL || year == NULL)
        return row_error (error, line, _("unit_code, plan, indicator_code and year are required"));

      unit = gdnn_store_find_unit_by_code (store, unit_code, &row_err);
      if (unit == NULL)
        return row_error (error, line, row_err->message);
      plan = gdnn_store_find_plan (store, plan_number, &row_err);
      if (plan == NULL)
        return row_error (error, line, row_err->message);
      ind = gdnn_store_find_indicator (store, plan->id, code, &row_err);
      if (ind == NULL)
        return row_error (error, line, row_err->message);

      if (!g_ascii_string_to_signed (year, 10, 1990, 2100, &year_value, NULL))
        {
          g_autofree char *msg = g_strdup_printf (_("year “%s” is not a year"), year);
          return row_error (error, line, msg);
        }

      key = g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT, unit_code, plan_number, code, year_value);
      if (!g_hash_table_add (seen, key))
        return row_error (error, line, _("the same unit, plan, indicator and year appear on an earlier line"));

      if (num != NULL &&
          !read_number (row, COLUMN_NUMERATOR, &imp->dialect, ind->measure, &value->numerator, error))
        return FALSE;
      if (den != NULL &&
          !read_number (row, COLUMN_DENOMINATOR, &imp->dialect, ind->measure, &value->denominator, error))
        return FALSE;
      value->has_numerator = num != NULL;
      value->has_denominator = den != NULL;
      if (!value->has_numerator)
        return row_error (error, line, _("the numerator (or the amount) is empty"));
      if (ind->measure == GDNN_MEASURE_RATIO && !value->has_denominator)
        return row_error (error, line, _("a ratio needs a denominator"));

      value->unit_id = unit->id;
      value->indicator_id = ind->id;
      value->year = (int) year_value;
      value->period = g_strdup ("year");
      value->note = g_strdup (note);
      if (!gdnn_store_set_value (store, value, &row_err))
        return row_error (error, line, row_err->message);

      imp->n_rows++;
    }
  return TRUE;
}

static gboolean
run_import (GdnnStore      *store,
            const char     *path,
            GdnnStoreFunc   func,
            guint          *n_rows,
            GdnnCsvDialect *dialect,
            GError        **error)
{
  g_autoptr(GdnnCsvReader) reader = NULL;
  CsvImport imp = { 0 };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reader = gdnn_csv_reader_new_from_file (path, error);
  if (reader == NULL)
    return FALSE;

  imp.reader = reader;
  imp.dialect.separator = gdnn_csv_reader_detect_separator (reader);
  if (!gdnn_backup_before (store, GDNN_BACKUP_IMPORT, NULL, error) ||
      !gdnn_store_run_in_transaction (store, func, &imp, error))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  if (n_rows != NULL)
    *n_rows = imp.n_rows;
  if (dialect != NULL)
    *dialect = imp.dialect;
  return TRUE;
}

gboolean
gdnn_units_import_csv (GdnnStore   *store,
                       const char  *path,
                       guint       *n_rows,
                       GError     **error)
{
  return run_import (store, path, import_units, n_rows, NULL, error);
}

gboolean
gdnn_values_import_csv (GdnnStore   *store,
                        const char  *path,
                        guint       *n_rows,
                        GError     **error)
{
  return run_import (store, path, import_values, n_rows, NULL, error);
}

/**
 * gdnn_values_import_csv_dialect:
 * @dialect: (out) (optional): how the file writes fields and numbers
 *
 * Like gdnn_values_import_csv (), and says which dialect the file was
 * read in: the separator from its header row, the decimal mark from all
 * of its numbers (decide_numbers ()).
 */
gboolean
gdnn_values_import_csv_dialect (GdnnStore       *store,
                                const char      *path,
                                guint           *n_rows,
                                GdnnCsvDialect  *dialect,
                                GError         **error)
{
  return run_import (store, path, import_values, n_rows, dialect, error);
}

/* The shortest plain decimal (no exponent, '.' as the point) that reads
 * back as the same double, so an export re-imports exactly. */
static void
format_csv_number (char   *buf,
                   gsize   size,
                   double  value)
{
  for (int decimals = 0; decimals <= 17; decimals++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* Returns: (transfer full): every stored yearly value, in the columns of
 * values import, or %NULL with @error set. */
char *
gdnn_values_export_csv (GdnnStore  *store,
                        GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) unit_codes = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  gdnn_csv_append_row (out, values_header);

  units = gdnn_store_list_units (store, error);
  plans = gdnn_store_list_plans (store, error);
  if (units == NULL || plans == NULL)
    return NULL;
  for (guint i = 0; i < units->len; i++)
    {
      GdnnUnit *u = g_ptr_array_index (units, i);
      g_hash_table_insert (unit_codes, &u->id, u->code);
    }

  for (guint p = 0; p < plans->len; p++)
    {
      GdnnPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GPtrArray) indicators = gdnn_store_list_indicators (store, plan->id, error);
      g_autoptr(GPtrArray) values = NULL;
      g_autoptr(GHashTable) codes = g_hash_table_new (g_int64_hash, g_int64_equal);

      if (indicators == NULL)
        return NULL;
      for (guint i = 0; i < indicators->len; i++)
        {
          GdnnIndicator *ind = g_ptr_array_index (indicators, i);
          g_hash_table_insert (codes, &ind->id, ind->code);
        }

      values = gdnn_store_list_values (store, 0, plan->id, 0, error);
      if (values == NULL)
        return NULL;
      for (guint i = 0; i < values->len; i++)
        {
          GdnnValue *v = g_ptr_array_index (values, i);
          char year[16], num[G_ASCII_DTOSTR_BUF_SIZE] = "", den[G_ASCII_DTOSTR_BUF_SIZE] = "";
          const char *row[8];
          const char *unit_code = g_hash_table_lookup (unit_codes, &v->unit_id);

          if (!g_str_equal (v->period, "year") || unit_code == NULL)
            continue;
          g_snprintf (year, sizeof year, "%d", v->year);
          if (v->has_numerator)
            format_csv_number (num, sizeof num, v->numerator);
          if (v->has_denominator)
            format_csv_number (den, sizeof den, v->denominator);
          row[0] = unit_code;
          row[1] = plan->number;
          row[2] = g_hash_table_lookup (codes, &v->indicator_id);
          row[3] = year;
          row[4] = num;
          row[5] = den;
          row[6] = v->note != NULL ? v->note : "";
          row[7] = NULL;
          gdnn_csv_append_row (out, row);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
