/* gdnn-budget.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-budget"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdnn-budget.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"

/* A unit's budget (kinh phí) for a plan: the plan's own lines and the
 * lines the unit added, planned and spent per year in whole đồng.
 *
 * Each unit keeps its own figures on every line it sees (budget_year rows
 * with its unit_id); the plan's figures on its lines (unit_id NULL, from
 * the plan template) are only a reference shown beside them, never
 * changed from here. A unit writes its own figures only, and never on
 * another unit's own line. */

const char *
gdnn_budget_source_label (GdnnBudgetSource source)
{
  switch (source)
    {
    case GDNN_SOURCE_NGAN_SACH:
      return _("State budget");
    case GDNN_SOURCE_XA_HOI_HOA:
      return _("Private contributions");
    case GDNN_SOURCE_KHAC:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_not_money (GError     **error,
               const char  *text)
{
  g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
               /* Translators: %s is what the user typed; keep the examples
                * in the Vietnamese number format. */
               _("“%s” is not an amount in đồng (write 1.400.000.000, 1400000000 or 1,4 tỷ)."), text);
}

/* The multiplier word after the number ("1,4 tỷ"), and an optional
 * "đồng" or "đ", compared without marks and case. Returns the power of
 * ten, or -1 for anything else. */
static int
parse_words (const char *words)
{
  static const struct { const char *word; int scale; } multipliers[] = {
    { "ty", 9 }, { "ti", 9 }, { "trieu", 6 }, { "nghin", 3 }, { "ngan", 3 },
  };
  g_autofree char *folded = gdnn_search_fold (words);
  g_auto(GStrv) tokens = g_strsplit (g_strstrip (folded), " ", -1);
  guint i = 0;
  int scale = 0;

  if (tokens[0] != NULL)
    for (guint m = 0; m < G_N_ELEMENTS (multipliers); m++)
      if (g_str_equal (tokens[0], multipliers[m].word))
        {
          scale = multipliers[m].scale;
          i++;
          break;
        }
  if (tokens[i] != NULL && (g_str_equal (tokens[i], "dong") || g_str_equal (tokens[i], "d")))
    i++;
  return tokens[i] == NULL ? scale : -1;
}

/**
 * gdnn_budget_parse_money:
 * @text: what the user typed
 * @has_value: (out): %FALSE when @text is empty (the amount is cleared)
 * @out_dong: (out): the amount in đồng
 *
 * Reads an amount of money written the Vietnamese way: "1.400.000.000",
 * "1400000000", "1.400.000.000 đồng", "1,4 tỷ", "150 triệu", "500 nghìn".
 * Amounts are whole đồng, never negative, at most %GDNN_BUDGET_MAX_DONG.
 *
 * Returns: %TRUE on success; else @error holds a message for the user
 */
gboolean
gdnn_budget_parse_money (const char  *text,
                         gboolean    *has_value,
                         gint64      *out_dong,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  const char *frac = NULL;
  double check;
  int scale;

  g_return_val_if_fail (has_value != NULL && out_dong != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";
  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      *has_value = FALSE;
      *out_dong = 0;
      return TRUE;
    }

  if (g_utf8_get_char (trimmed) == '-' || g_utf8_get_char (trimmed) == 0x2212)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("An amount cannot be negative."));
      return FALSE;
    }

  /* The number ends where the first word begins. */
  for (p = trimmed; *p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  number = g_strndup (trimmed, p - trimmed);
  scale = *p != '\0' ? parse_words (p) : 0;
  if (scale < 0 || !gdnn_parse_number (g_strstrip (number), &check, NULL))
    {
      set_not_money (error, trimmed);
      return FALSE;
    }

  /* gdnn_parse_number checked the grouping; collect the digits exactly. */
  for (p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == ',')
        {
          frac = p + 1;
          break;
        }
    }
  for (int i = 0; i < scale; i++)
    g_string_append_c (digits, frac != NULL && g_ascii_isdigit (*frac) ? *frac++ : '0');
  for (; frac != NULL && *frac != '\0'; frac++)
    if (*frac != '0')
      {
        g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                     /* Translators: %s is what the user typed, e.g. "12,5". */
                     _("“%s” has a fraction of a đồng; amounts are whole đồng."), trimmed);
        return FALSE;
      }

  while (digits->len > 1 && digits->str[0] == '0')
    g_string_erase (digits, 0, 1);
  if (digits->len > 15)
    {
      g_autofree char *max = gdnn_format_integer (GDNN_BUDGET_MAX_DONG);
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   /* Translators: %s is the largest amount, e.g. 999.999.999.999.999. */
                   _("The amount is too large (at most %s đồng)."), max);
      return FALSE;
    }

  *has_value = TRUE;
  *out_dong = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

/**
 * gdnn_budget_list_lines:
 *
 * Returns: (transfer full): the #GdnnBudgetLine s a unit sees in a plan:
 *   the plan's lines, then its own, each with every stored year
 */
/* Fills each line's years with @unit_id's figures. */
static gboolean
load_unit_years (GdnnStore   *store,
                 gint64       plan_id,
                 gint64       unit_id,
                 GPtrArray   *lines,
                 GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < lines->len; i++)
    {
      GdnnBudgetLine *line = g_ptr_array_index (lines, i);
      g_hash_table_insert (by_id, &line->id, line);
    }

  stmt = gdnn_store_prepare (store,
                             "SELECT y.line_id, y.year, y.planned, y.spent FROM budget_year y "
                             "JOIN budget_line l ON l.id = y.line_id "
                             "WHERE l.plan_id = ? AND y.unit_id = ? ORDER BY y.year;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 line_id = sqlite3_column_int64 (stmt, 0);
      GdnnBudgetLine *line = g_hash_table_lookup (by_id, &line_id);
      GdnnBudgetYear y = { 0 };

      if (line == NULL)
        continue;
      y.year = sqlite3_column_int (stmt, 1);
      y.planned = sqlite3_column_int64 (stmt, 2);
      y.has_spent = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      y.spent = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (line->years, y);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gdnn_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_budget_list_lines:
 *
 * Returns: (transfer full): the #GdnnBudgetLine s a unit sees in a plan:
 *   the plan's lines, then its own; years holds the unit's own figures,
 *   reference_years the plan's figures on the plan's lines
 */
GPtrArray *
gdnn_budget_list_lines (GdnnStore  *store,
                        gint64      plan_id,
                        gint64      unit_id,
                        GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  all = gdnn_store_list_budget_lines (store, plan_id, error);
  if (all == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_budget_line_free);
  for (guint i = 0; i < all->len; i++)
    {
      GdnnBudgetLine *line = g_ptr_array_index (all, i);

      if (line->unit_id != 0 && line->unit_id != unit_id)
        continue;
      line = g_ptr_array_steal_index (all, i--);
      if (line->unit_id == 0)
        {
          /* The plan's figures become the reference; the unit's are read below. */
          GArray *plan_years = line->years;
          line->years = line->reference_years;
          line->reference_years = plan_years;
          g_array_set_size (line->years, 0);
        }
      else
        g_array_set_size (line->years, 0);
      g_ptr_array_add (lines, line);
    }
  if (unit_id != 0 && !load_unit_years (store, plan_id, unit_id, lines, error))
    return NULL;
  return g_steal_pointer (&lines);
}

/* Returns: (nullable): the line's amounts for @year, %NULL when none stored */
const GdnnBudgetYear *
gdnn_budget_line_get_year (const GdnnBudgetLine *line,
                           int                   year)
{
  g_return_val_if_fail (line != NULL, NULL);

  for (guint i = 0; i < line->years->len; i++)
    if (g_array_index (line->years, GdnnBudgetYear, i).year == year)
      return &g_array_index (line->years, GdnnBudgetYear, i);
  return NULL;
}

/* Returns: (nullable): the plan's reference figures for @year on a line of
 * the plan, %NULL when the plan gives none */
const GdnnBudgetYear *
gdnn_budget_line_get_reference (const GdnnBudgetLine *line,
                                int                   year)
{
  g_return_val_if_fail (line != NULL, NULL);

  for (guint i = 0; i < line->reference_years->len; i++)
    if (g_array_index (line->reference_years, GdnnBudgetYear, i).year == year)
      return &g_array_index (line->reference_years, GdnnBudgetYear, i);
  return NULL;
}

static void
add_years (GArray        *years,
           int            year,
           GdnnBudgetSum *sum,
           GdnnBudgetSum *all)
{
  for (guint y = 0; y < years->len; y++)
    {
      const GdnnBudgetYear *by = &g_array_index (years, GdnnBudgetYear, y);

      if (year != 0 && by->year != year)
        continue;
      sum->planned += by->planned;
      all->planned += by->planned;
      if (by->has_spent)
        {
          sum->spent += by->spent;
          all->spent += by->spent;
        }
    }
}

/**
 * gdnn_budget_compute_totals:
 * @lines: (element-type GdnnBudgetLine): lines as gdnn_budget_list_lines() gives them
 * @year: the year summed, or 0 for every year of the plan
 *
 * Sums planned and spent overall and per source: the unit's figures, and
 * apart the plan's reference figures.
 */
void
gdnn_budget_compute_totals (GPtrArray        *lines,
                            int               year,
                            GdnnBudgetTotals *totals)
{
  g_return_if_fail (lines != NULL);
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < lines->len; i++)
    {
      const GdnnBudgetLine *line = g_ptr_array_index (lines, i);

      totals->n_lines_by_source[line->source]++;
      add_years (line->years, year, &totals->by_source[line->source], &totals->all);
      add_years (line->reference_years, year, &totals->reference_by_source[line->source],
                 &totals->reference);
    }
}

/* Spent as a percentage of planned; %FALSE when nothing was planned. */
gboolean
gdnn_budget_spent_percent (gint64  planned,
                           gint64  spent,
                           double *percent)
{
  g_return_val_if_fail (percent != NULL, FALSE);

  if (planned <= 0)
    return FALSE;
  *percent = 100.0 * (double) spent / (double) planned;
  return TRUE;
}

/**
 * gdnn_budget_check_year:
 *
 * Spending above the planned amount is allowed (a budget may be raised
 * during the year) but flagged.
 *
 * Returns: (transfer full) (nullable): a warning for the user, or %NULL
 */
char *
gdnn_budget_check_year (const GdnnBudgetYear *year)
{
  g_autofree char *over = NULL;

  if (year == NULL || !year->has_spent || year->spent <= year->planned)
    return NULL;
  over = gdnn_format_integer (year->spent - year->planned);
  /* Translators: %s is an amount, e.g. 12.000.000. */
  return g_strdup_printf (_("Spent %s đồng more than planned"), over);
}

typedef struct
{
  gint64                line_id;
  gint64                unit_id;
  int                   year;
  const GdnnBudgetYear *amounts;   /* NULL: clear the year */
} SaveData;

/* The line must be the plan's or @unit_id's, @unit_id must implement the
 * plan, and @year be one of the plan's. */
static gboolean
check_line (GdnnStore  *store,
            SaveData   *data,
            GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 owner;
  gboolean implements;
  int first_year, last_year;
  int rc;

  stmt = gdnn_store_prepare (store,
                             "SELECT l.unit_id, p.first_year, p.last_year, "
                             "EXISTS (SELECT 1 FROM unit_plan up WHERE up.plan_id = l.plan_id AND up.unit_id = ?2) "
                             "FROM budget_line l JOIN plan p ON p.id = l.plan_id WHERE l.id = ?1;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->line_id);
  sqlite3_bind_int64 (stmt, 2, data->unit_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        gdnn_store_set_error (store, error);
      else
        g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                             _("The budget line no longer exists."));
      return FALSE;
    }
  owner = sqlite3_column_int64 (stmt, 0);
  first_year = sqlite3_column_int (stmt, 1);
  last_year = sqlite3_column_int (stmt, 2);
  implements = sqlite3_column_int (stmt, 3) != 0;
  sqlite3_reset (stmt);

  if (owner != 0 && owner != data->unit_id)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("This budget line belongs to another unit."));
      return FALSE;
    }
  if (owner == 0 && !implements)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("The unit does not implement this plan."));
      return FALSE;
    }
  if (data->year < first_year || data->year > last_year)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   /* Translators: the plan's years, e.g. "2031 is outside the plan (2022–2030)." */
                   _("%d is outside the plan (%d–%d)."), data->year, first_year, last_year);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_budget_store_unit_year:
 * @unit_id: the unit whose figures these are
 * @note: (nullable): a note kept with the figures ("Dữ liệu mẫu"); %NULL
 *   keeps the one stored
 *
 * Stores a unit's planned and spent amounts on a line for a year, inside
 * the caller's transaction, without the checks of gdnn_budget_save() (for
 * the demo database and importers, which check their own input).
 */
gboolean
gdnn_budget_store_unit_year (GdnnStore             *store,
                             gint64                 line_id,
                             gint64                 unit_id,
                             const GdnnBudgetYear  *year,
                             const char            *note,
                             GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_id != 0, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  stmt = gdnn_store_prepare (store,
                             "INSERT INTO budget_year (line_id, unit_id, year, planned, spent, note) "
                             "VALUES (?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (line_id, ifnull (unit_id, 0), year) DO UPDATE SET "
                             "planned = excluded.planned, spent = excluded.spent, "
                             "note = coalesce (excluded.note, note);",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int (stmt, 3, year->year);
  sqlite3_bind_int64 (stmt, 4, year->planned);
  if (year->has_spent)
    sqlite3_bind_int64 (stmt, 5, year->spent);
  gdnn_bind_text (stmt, 6, note);
  return gdnn_store_step_done (store, stmt, error);
}

static gboolean
save_in_transaction (GdnnStore  *store,
                     gpointer    user_data,
                     GError    **error)
{
  SaveData *data = user_data;
  sqlite3_stmt *stmt;

  if (!check_line (store, data, error))
    return FALSE;
  if (data->amounts != NULL)
    return gdnn_budget_store_unit_year (store, data->line_id, data->unit_id, data->amounts, NULL, error);

  stmt = gdnn_store_prepare (store, "DELETE FROM budget_year WHERE line_id = ? AND unit_id = ? AND year = ?;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->line_id);
  sqlite3_bind_int64 (stmt, 2, data->unit_id);
  sqlite3_bind_int (stmt, 3, data->year);
  return gdnn_store_step_done (store, stmt, error);
}

static gboolean
valid_amount (gint64   dong,
              GError **error)
{
  if (dong < 0)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("An amount cannot be negative."));
      return FALSE;
    }
  if (dong > GDNN_BUDGET_MAX_DONG)
    {
      g_autofree char *max = gdnn_format_integer (GDNN_BUDGET_MAX_DONG);
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The amount is too large (at most %s đồng)."), max);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_budget_save:
 * @unit_id: the unit entering its own amounts
 * @year: the year and its planned and (optionally) spent amounts
 *
 * Stores a unit's amounts on a line for a year in one transaction; the
 * change log keeps the previous ones. The plan's reference figures and
 * other units' figures stay as they are. Spending above the plan is
 * stored (see gdnn_budget_check_year()).
 */
gboolean
gdnn_budget_save (GdnnStore             *store,
                  gint64                 line_id,
                  gint64                 unit_id,
                  const GdnnBudgetYear  *year,
                  GError               **error)
{
  SaveData data = { line_id, unit_id, 0, year };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_id != 0, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  data.year = year->year;
  if (!valid_amount (year->planned, error) || (year->has_spent && !valid_amount (year->spent, error)))
    return FALSE;
  return gdnn_store_run_in_transaction (store, save_in_transaction, &data, error);
}

/* Removes a unit's amounts on a line for a year (both fields were emptied). */
gboolean
gdnn_budget_clear (GdnnStore  *store,
                   gint64      line_id,
                   gint64      unit_id,
                   int         year,
                   GError    **error)
{
  SaveData data = { line_id, unit_id, year, NULL };

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_id != 0, FALSE);

  return gdnn_store_run_in_transaction (store, save_in_transaction, &data, error);
}

/**
 * gdnn_budget_check_line_name:
 * @lines: (element-type GdnnBudgetLine): the lines the unit sees
 *
 * A new line needs a name, different (ignoring case and marks) from every
 * line the unit already sees.
 *
 * Returns: %TRUE when @name can be used; else @error says why
 */
gboolean
gdnn_budget_check_line_name (GPtrArray   *lines,
                             const char  *name,
                             GError     **error)
{
  g_autofree char *key = gdnn_search_fold (name != NULL ? name : "");

  g_return_val_if_fail (lines != NULL, FALSE);

  g_strstrip (key);
  if (key[0] == '\0')
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("Write the name of the budget line."));
      return FALSE;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const GdnnBudgetLine *other = g_ptr_array_index (lines, i);
      g_autofree char *other_key = gdnn_search_fold (other->name);

      if (g_str_equal (key, g_strstrip (other_key)))
        {
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CONSTRAINT,
                       /* Translators: %s is a budget line's name. */
                       _("The plan already has a budget line “%s”."), other->name);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  GdnnBudgetLine *line;
  gint64          id;
} AddData;

static gboolean
add_in_transaction (GdnnStore  *store,
                    gpointer    user_data,
                    GError    **error)
{
  AddData *data = user_data;
  g_autoptr(GPtrArray) lines = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gdnn_store_prepare (store, "SELECT 1 FROM unit_plan WHERE unit_id = ? AND plan_id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->line->unit_id);
  sqlite3_bind_int64 (stmt, 2, data->line->plan_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        gdnn_store_set_error (store, error);
      else
        g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                             _("The unit does not implement this plan."));
      return FALSE;
    }

  lines = gdnn_budget_list_lines (store, data->line->plan_id, data->line->unit_id, error);
  if (lines == NULL)
    return FALSE;
  if (!gdnn_budget_check_line_name (lines, data->line->name, error))
    return FALSE;

  stmt = gdnn_store_prepare (store, "SELECT coalesce (max (position), 0) + 1 FROM budget_line WHERE plan_id = ?;",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->line->plan_id);
  rc = sqlite3_step (stmt);
  data->line->position = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 1;
  sqlite3_reset (stmt);

  data->id = gdnn_store_add_budget_line (store, data->line, error);
  return data->id != 0;
}

/**
 * gdnn_budget_add_own_line:
 *
 * Adds a budget line of the unit's own to a plan it implements, after
 * the plan's lines. Its name must differ from every line the unit sees.
 *
 * Returns: the new line's id, or 0 with @error set
 */
gint64
gdnn_budget_add_own_line (GdnnStore         *store,
                          gint64             plan_id,
                          gint64             unit_id,
                          const char        *name,
                          GdnnBudgetSource   source,
                          GError           **error)
{
  g_autoptr(GdnnBudgetLine) line = gdnn_budget_line_new ();
  AddData data = { line, 0 };

  g_return_val_if_fail (GDNN_IS_STORE (store), 0);
  g_return_val_if_fail (unit_id != 0, 0);

  line->plan_id = plan_id;
  line->unit_id = unit_id;
  line->source = source;
  line->name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (line->name[0] == '\0')
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("Write the name of the budget line."));
      return 0;
    }
  if ((guint) source >= GDNN_BUDGET_N_SOURCES)
    {
      g_set_error_literal (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                           _("Unknown source of funds."));
      return 0;
    }
  if (!gdnn_store_run_in_transaction (store, add_in_transaction, &data, error))
    return 0;
  return data.id;
}
