/* test-csv-import.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "gdnn-csv-import.h"
#include "gdnn-csv.h"
#include "gdnn-plan-template.h"
#include "gdnn-store-private.h"
#include "gdnn-store.h"

#include "gdnn-test-utils.h"

/* Labels instead of codes, a quoted name with a comma, two plans for one
 * unit, and a parent (SLD-BG) defined after its children. */
static const char good_units[] =
  "code,name,type,ownership,parent_code,plans\n"
  "BG-CD01,Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang,Cao đẳng,Công lập,SLD-BG,401/KH-UBND\n"
  "BG-TC02,\"Trường Trung cấp Nghề Lục Ngạn, Bắc Giang\",trung_cap,cong_lap,SLD-BG,401/KH-UBND; 206/KH-UBND\n"
  "BG-TC04,Trường Trung cấp Âu Lạc,trung cap,Tư thục,SLD-BG,\n"
  "BK-CD01,Trường Cao đẳng Bắc Kạn,cao_dang,cong_lap,,206/KH-UBND\n"
  "SLD-BG,Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang,Cơ quan,,,\n";

/* Written the way values export writes numbers, so that the export can be
 * compared with it row by row. */
static const char * const good_value_rows[] = {
  "BG-CD01,401/KH-UBND,I.2.a.1,2024,45,90,Số liệu năm 2024",
  "BG-CD01,401/KH-UBND,I.2.a.1,2025,60,90,",
  "BG-CD01,401/KH-UBND,I.2.d.2,2025,3,6,",
  "BG-TC02,401/KH-UBND,I.2.a.2,2025,13,25,\"Ghi chú, có dấu phẩy\"",
  "BK-CD01,206/KH-UBND,I.2.1,2023,320,,",
  "BK-CD01,206/KH-UBND,I.2.2,2023,47,100,Tỷ lệ lao động qua đào tạo",
  NULL
};

#define UH_ROW_RENAME \
  "code,name,type,ownership,parent_code,plans\n" \
  "BG-CD01,Trường Cao đẳng Kỹ thuật - Công nghiệp Bắc Giang,cao_dang,cong_lap,,401/KH-UBND\n"

static const char values_header[] = "unit_code,plan,indicator_code,year,numerator,denominator,note\n";

static char *
good_values (void)
{
  g_autoptr(GString) s = g_string_new (values_header);

  for (guint i = 0; good_value_rows[i] != NULL; i++)
    g_string_append_printf (s, "%s\n", good_value_rows[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
import_units (Fixture    *fixture,
              const char *contents,
              guint       expected_rows)
{
  g_autofree char *path = gdnn_test_write_file (fixture, "units.csv", contents, -1);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gdnn_units_import_csv (fixture->store, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected_rows);
}

static void
import_values (Fixture    *fixture,
               const char *contents,
               guint       expected_rows)
{
  g_autofree char *path = gdnn_test_write_file (fixture, "values.csv", contents, -1);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gdnn_values_import_csv (fixture->store, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected_rows);
}

static void
fixture_setup_plans (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (fixture, user_data);
  g_assert_true (gdnn_plan_template_import_shipped (fixture->store, &error));
  g_assert_no_error (error);
}

/* Plans, units and values: the state the bad files must leave alone. */
static void
fixture_setup_full (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *values = good_values ();

  fixture_setup_plans (fixture, user_data);
  import_units (fixture, good_units, 5);
  import_values (fixture, values, g_strv_length ((char **) good_value_rows));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
unit_plan_numbers (GdnnStore  *store,
                   gint64      unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = gdnn_store_list_unit_plans (store, unit_id, &error);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    g_ptr_array_add (numbers, ((GdnnPlan *) plans->pdata[i])->number);
  g_ptr_array_sort (numbers, compare_strings);
  g_ptr_array_add (numbers, NULL);
  return g_strjoinv (";", (char **) numbers->pdata);
}

/* Everything an import could change, as one string. */
static char *
snapshot (GdnnStore *store)
{
  static const char * const tables[] = {
    "unit", "unit_plan", "value", "change_log", "plan", "indicator", "target", "task", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) units = gdnn_store_list_units (store, &error);
  g_autofree char *values = gdnn_values_export_csv (store, &error);
  g_autofree char *log = gdnn_test_query_text (store, "SELECT group_concat (id || action || entity || entity_id "
                                                      "|| ifnull (old, '') || ifnull (new, ''), '|') "
                                                      "FROM change_log;");

  g_assert_no_error (error);
  for (guint i = 0; tables[i] != NULL; i++)
    g_string_append_printf (s, "%s=%" G_GINT64_FORMAT "\n", tables[i], gdnn_test_count (store, tables[i]));
  for (guint i = 0; i < units->len; i++)
    {
      GdnnUnit *u = g_ptr_array_index (units, i);
      g_autofree char *plans = unit_plan_numbers (store, u->id);

      g_string_append_printf (s, "%s|%s|%d|%d|%s|%s\n", u->code, u->name, u->type, u->ownership,
                              u->parent_code ? u->parent_code : "", plans);
    }
  g_string_append (s, values);
  g_string_append (s, log != NULL ? log : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Reads a CSV text back into rows joined by "\x1f", sorted. */
static GPtrArray *
csv_rows (const char *data,
          char     ***header)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnCsvReader) reader = gdnn_csv_reader_new_from_data (data, strlen (data), &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  GStrv fields = NULL;

  g_assert_no_error (error);
  g_assert_true (gdnn_csv_reader_next (reader, &fields, &error));
  *header = fields;
  while (gdnn_csv_reader_next (reader, &fields, &error))
    {
      g_ptr_array_add (rows, g_strjoinv ("\x1f", fields));
      g_strfreev (fields);
    }
  g_assert_no_error (error);
  g_ptr_array_sort (rows, compare_strings);
  return g_steal_pointer (&rows);
}

/* ---------------------------------------------------------------------- */

static void
test_units_good (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) college = NULL;
  g_autoptr(GdnnUnit) school = NULL;
  g_autoptr(GdnnUnit) private_school = NULL;
  g_autoptr(GdnnUnit) bac_kan = NULL;
  g_autoptr(GdnnUnit) office = NULL;
  g_autofree char *college_plans = NULL;
  g_autofree char *school_plans = NULL;
  g_autofree char *office_plans = NULL;
  g_autofree char *key = NULL;

  import_units (fixture, good_units, 5);
  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, 5);

  college = gdnn_test_find_unit (store, "BG-CD01");
  school = gdnn_test_find_unit (store, "BG-TC02");
  private_school = gdnn_test_find_unit (store, "BG-TC04");
  bac_kan = gdnn_test_find_unit (store, "BK-CD01");
  office = gdnn_test_find_unit (store, "SLD-BG");

  g_assert_cmpstr (college->name, ==, "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang");
  g_assert_cmpint (college->type, ==, GDNN_UNIT_TYPE_CAO_DANG);
  g_assert_cmpint (college->ownership, ==, GDNN_OWNERSHIP_CONG_LAP);
  g_assert_cmpstr (school->name, ==, "Trường Trung cấp Nghề Lục Ngạn, Bắc Giang");
  g_assert_cmpint (school->type, ==, GDNN_UNIT_TYPE_TRUNG_CAP);
  g_assert_cmpint (private_school->type, ==, GDNN_UNIT_TYPE_TRUNG_CAP);
  g_assert_cmpint (private_school->ownership, ==, GDNN_OWNERSHIP_TU_THUC);
  g_assert_cmpint (office->type, ==, GDNN_UNIT_TYPE_CO_QUAN);
  g_assert_cmpint (office->ownership, ==, GDNN_OWNERSHIP_NONE);
  g_assert_false (college->is_sample);

  /* The parent comes later in the file than its children. */
  g_assert_cmpint (college->parent_id, ==, office->id);
  g_assert_cmpstr (college->parent_code, ==, "SLD-BG");
  g_assert_cmpint (school->parent_id, ==, office->id);
  g_assert_cmpint (private_school->parent_id, ==, office->id);
  g_assert_cmpint (bac_kan->parent_id, ==, 0);
  g_assert_cmpint (office->parent_id, ==, 0);

  college_plans = unit_plan_numbers (store, college->id);
  school_plans = unit_plan_numbers (store, school->id);
  office_plans = unit_plan_numbers (store, office->id);
  g_assert_cmpstr (college_plans, ==, "401/KH-UBND");
  g_assert_cmpstr (school_plans, ==, "206/KH-UBND;401/KH-UBND");
  g_assert_cmpstr (office_plans, ==, "");

  key = gdnn_test_query_text (store, "SELECT search_key FROM unit WHERE code = 'BK-CD01';");
  g_assert_cmpstr (key, ==, "truong cao dang bac kan bk-cd01");

  /* Importing the same file again changes nothing. */
  {
    g_autofree char *before = snapshot (store);
    g_autofree char *after = NULL;

    import_units (fixture, good_units, 5);
    after = snapshot (store);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_values_good (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autofree char *values = good_values ();
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) college = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GdnnIndicator) ind = NULL;
  g_autoptr(GdnnValue) value = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) imported_header = NULL;
  double percent = 0;

  import_units (fixture, good_units, 5);
  import_values (fixture, values, 6);
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, 6);

  college = gdnn_test_find_unit (store, "BG-CD01");
  plan = gdnn_store_find_plan (store, "401/KH-UBND", &error);
  g_assert_no_error (error);
  ind = gdnn_store_find_indicator (store, plan->id, "I.2.a.1", &error);
  g_assert_no_error (error);
  value = gdnn_store_get_value (store, college->id, ind->id, 2024, "year", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value->numerator, ==, 45);
  g_assert_cmpfloat (value->denominator, ==, 90);
  g_assert_cmpstr (value->note, ==, "Số liệu năm 2024");
  g_assert_cmpstr (value->updated_by, ==, "Người kiểm thử");
  g_assert_true (gdnn_value_get_percent (value, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 50.0, 1e-9);
  g_clear_pointer (&value, gdnn_value_free);
  value = gdnn_store_get_value (store, college->id, ind->id, 2025, "year", &error);
  g_assert_no_error (error);
  g_assert_null (value->note);

  /* The export holds exactly the imported rows. */
  exported = gdnn_values_export_csv (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exported);
  rows = csv_rows (exported, &header);
  imported = csv_rows (values, &imported_header);
  g_assert_cmpstrv (header, imported_header);
  g_assert_cmpuint (rows->len, ==, imported->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (rows->pdata[i], ==, imported->pdata[i]);

  /* Importing the export again changes no value. */
  {
    g_autofree char *before = snapshot (store);
    g_autofree char *after = NULL;

    import_values (fixture, exported, 6);
    after = snapshot (store);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_values_replace (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autofree char *file = g_strconcat (values_header,
                                       "BG-CD01,401/KH-UBND,I.2.a.1,2024,50,90,Đã sửa sau kiểm tra\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (store, "401/KH-UBND", NULL);
  g_autoptr(GdnnIndicator) ind = gdnn_store_find_indicator (store, plan->id, "I.2.a.1", NULL);
  g_autoptr(GdnnValue) value = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 values = gdnn_test_count (store, "value");
  gint64 max_log = gdnn_test_query_int (store, "SELECT max (id) FROM change_log;");

  gdnn_store_set_user (store, "Phạm Thị Dung");
  import_values (fixture, file, 1);

  value = gdnn_store_get_value (store, college->id, ind->id, 2024, "year", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value->numerator, ==, 50);
  g_assert_cmpstr (value->note, ==, "Đã sửa sau kiểm tra");
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, values);

  sql = g_strdup_printf ("SELECT action, entity_id, who, json_extract (old, '$.numerator'), "
                         "json_extract (old, '$.note'), json_extract (new, '$.numerator') "
                         "FROM change_log WHERE id > %" G_GINT64_FORMAT ";", max_log);
  g_assert_cmpint (sqlite3_prepare_v2 (gdnn_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "update");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, value->id);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Phạm Thị Dung");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 3), ==, 45);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "Số liệu năm 2024");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 5), ==, 50);
  /* One row: the replaced value, nothing else. */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Updating a unit from a file only changes the columns the file has. */
static void
test_units_update_keeps_details (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GdnnStore *store = fixture->store;
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (store, "BG-CD01");
  g_autoptr(GdnnUnit) updated = NULL;
  g_autoptr(GError) error = NULL;

  unit->short_name = g_strdup ("CĐ KTCN Bắc Giang");
  unit->head_name = g_strdup ("Trần Thị Bình");
  unit->head_title = g_strdup ("Hiệu trưởng");
  unit->address = g_strdup ("Đường Hoàng Văn Thụ, thành phố Bắc Giang");
  g_assert_true (gdnn_store_update_unit (store, unit, &error));
  g_assert_no_error (error);

  import_units (fixture, UH_ROW_RENAME, 1);
  updated = gdnn_test_find_unit (store, "BG-CD01");
  g_assert_cmpstr (updated->name, ==, "Trường Cao đẳng Kỹ thuật - Công nghiệp Bắc Giang");
  g_assert_cmpint (updated->parent_id, ==, unit->parent_id);
  g_assert_cmpstr (updated->short_name, ==, "CĐ KTCN Bắc Giang");
  g_assert_cmpstr (updated->head_name, ==, "Trần Thị Bình");
  g_assert_cmpstr (updated->head_title, ==, "Hiệu trưởng");
  g_assert_cmpstr (updated->address, ==, "Đường Hoàng Văn Thụ, thành phố Bắc Giang");
}

/* Large counts are exported in full, without an exponent, and import
 * back. */
static void
test_values_export_large (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *file = g_strconcat (values_header,
                                       "BG-CD01,401/KH-UBND,I.2.a.1,2026,1234567,2000000,\n", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  import_values (fixture, file, 1);
  exported = gdnn_values_export_csv (fixture->store, &error);
  g_assert_no_error (error);
  g_test_message ("%s", exported);
  g_assert_nonnull (strstr (exported, "BG-CD01,401/KH-UBND,I.2.a.1,2026,1234567,2000000,\n"));
  path = gdnn_test_write_file (fixture, "export.csv", exported, -1);
  g_assert_true (gdnn_values_import_csv (fixture->store, path, NULL, &error));
  g_assert_no_error (error);
}

/* The numbers of the spreadsheet fixture (tests/data/vi-calc-values.fods)
 * in the documented dialect. */
static const char comma_dot_values[] =
  "unit_code,plan,indicator_code,year,numerator,denominator,note\n"
  "BG-CD01,401/KH-UBND,I.2.a.1,2026,1499,2500,Thiếu giảng viên; đang tuyển dụng\n"
  "BG-CD01,401/KH-UBND,I.2.a.2,2026,1114,2146,\n"
  "BK-CD01,206/KH-UBND,I.2.1,2023,1250,,\"Số người, \"\"đã kiểm tra\"\"\"\n"
  "BK-CD01,206/KH-UBND,I.2.2,2023,47,100,\n";

/* The same values as a Vietnamese Excel saves them ("CSV UTF-8"): a byte
 * order mark, ";" between fields, quoted text, "." between thousands,
 * CRLF. */
static const char excel_values[] =
  GDNN_CSV_UTF8_BOM
  "unit_code;plan;indicator_code;year;numerator;denominator;note\r\n"
  "BG-CD01;401/KH-UBND;I.2.a.1;2026;1.499;2.500;\"Thiếu giảng viên; đang tuyển dụng\"\r\n"
  "BG-CD01;401/KH-UBND;I.2.a.2;2026;1.114;2.146;\r\n"
  "BK-CD01;206/KH-UBND;I.2.1;2023;1.250;;\"Số người, \"\"đã kiểm tra\"\"\"\r\n"
  "BK-CD01;206/KH-UBND;I.2.2;2023;47;100;\r\n";

/* Other numbers for the same rows, so that each import must change them. */
static const char other_values[] =
  "unit_code,plan,indicator_code,year,numerator,denominator,note\n"
  "BG-CD01,401/KH-UBND,I.2.a.1,2026,1,2,\n"
  "BG-CD01,401/KH-UBND,I.2.a.2,2026,1,2,\n"
  "BK-CD01,206/KH-UBND,I.2.1,2023,1,,\n"
  "BK-CD01,206/KH-UBND,I.2.2,2023,1,2,\n";

static char *
import_with_dialect (Fixture        *fixture,
                     const char     *path,
                     GdnnCsvDialect *dialect)
{
  g_autoptr(GError) error = NULL;
  char *exported;
  guint n = 0;

  g_assert_true (gdnn_values_import_csv_dialect (fixture->store, path, &n, dialect, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  exported = gdnn_values_export_csv (fixture->store, &error);
  g_assert_no_error (error);
  return exported;
}

/* A file saved by LibreOffice Calc in Vietnamese and one saved by Excel
 * in Vietnamese import to the same numbers as the documented file, and
 * the import says which dialect it read: 1.250 people are 1250, never
 * 1,25. */
static void
test_values_dialects (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *comma_path = gdnn_test_write_file (fixture, "comma.csv", comma_dot_values, -1);
  g_autofree char *excel_path = gdnn_test_write_file (fixture, "excel.csv", excel_values, -1);
  g_autofree char *other_path = gdnn_test_write_file (fixture, "other.csv", other_values, -1);
  g_autofree char *calc_path = g_test_build_filename (G_TEST_DIST, "data", "vi-calc-values.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *from_excel = NULL;
  g_autofree char *from_calc = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (fixture->store, "BK-CD01");
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (fixture->store, "206/KH-UBND", NULL);
  g_autoptr(GdnnIndicator) ind = gdnn_store_find_indicator (fixture->store, plan->id, "I.2.1", NULL);
  g_autoptr(GdnnValue) value = NULL;
  GdnnCsvDialect dialect = { 0 };

  expected = import_with_dialect (fixture, comma_path, &dialect);
  g_assert_cmpint (dialect.separator, ==, ',');
  g_assert_false (dialect.decimal_comma);
  text = gdnn_csv_dialect_describe (&dialect);
  g_assert_cmpstr (text, ==, "“,” between columns, “.” as the decimal point, no thousands separator: 1234.5");
  g_clear_pointer (&text, g_free);
  value = gdnn_store_get_value (fixture->store, unit->id, ind->id, 2023, "year", NULL);
  g_assert_cmpfloat (value->numerator, ==, 1250);
  g_clear_pointer (&value, gdnn_value_free);

  g_free (import_with_dialect (fixture, other_path, &dialect));
  from_excel = import_with_dialect (fixture, excel_path, &dialect);
  g_assert_cmpint (dialect.separator, ==, ';');
  g_assert_true (dialect.decimal_comma);
  text = gdnn_csv_dialect_describe (&dialect);
  g_assert_cmpstr (text, ==, "“;” between columns, “,” as the decimal mark, “.” between thousands: 1.234,5");
  g_assert_cmpstr (from_excel, ==, expected);

  g_free (import_with_dialect (fixture, other_path, &dialect));
  from_calc = import_with_dialect (fixture, calc_path, &dialect);
  g_assert_cmpint (dialect.separator, ==, ';');
  g_assert_true (dialect.decimal_comma);
  g_assert_cmpstr (from_calc, ==, expected);
  value = gdnn_store_get_value (fixture->store, unit->id, ind->id, 2023, "year", NULL);
  g_assert_cmpfloat (value->numerator, ==, 1250);
  g_assert_cmpstr (value->note, ==, "Số người, \"đã kiểm tra\"");
}

/* Every number of the file decides its decimal mark: one "1.200.000" or
 * "1,5" anywhere makes "." group thousands everywhere, even with ","
 * between fields (LibreOffice's default in Vietnamese). */
static void
test_values_dialect_whole_file (Fixture       *fixture,
                                gconstpointer  user_data)
{
  static const char file[] =
    "unit_code,plan,indicator_code,year,numerator,denominator,note\n"
    "BG-CD01,401/KH-UBND,I.2.a.2,2026,1.114,2.146,\n"
    "BK-CD01,206/KH-UBND,I.2.1,2023,1.200.000,,\n";
  g_autofree char *path = gdnn_test_write_file (fixture, "whole.csv", file, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) college = gdnn_test_find_unit (fixture->store, "BG-CD01");
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (fixture->store, "401/KH-UBND", NULL);
  g_autoptr(GdnnIndicator) ind = gdnn_store_find_indicator (fixture->store, plan->id, "I.2.a.2", NULL);
  g_autoptr(GdnnValue) value = NULL;
  GdnnCsvDialect dialect = { 0 };

  g_assert_true (gdnn_values_import_csv_dialect (fixture->store, path, NULL, &dialect, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dialect.separator, ==, ',');
  g_assert_true (dialect.decimal_comma);
  value = gdnn_store_get_value (fixture->store, college->id, ind->id, 2026, "year", NULL);
  g_assert_cmpfloat (value->numerator, ==, 1114);
  g_assert_cmpfloat (value->denominator, ==, 2146);
}

/* Refusals that must say exactly what is wrong and where. */
static void
test_values_messages (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const struct
  {
    const char *rows;
    const char *message;
  } cases[] = {
    { "BK-CD01,206/KH-UBND,I.2.1,2023,1.250,,\n",
      "bad.csv: Line 2: in column numerator, “1.250” is read as 1,25, because this file uses “.” as the decimal "
      "point, but a count is a whole number. If “.” separates thousands in “1.250”, write 1250, or save the "
      "file with “;” between columns, “,” as the decimal mark and “.” between thousands" },
    { "BG-CD01,401/KH-UBND,I.2.a.1,2026,1114,\"2.146\",\n",
      "bad.csv: Line 2: in column denominator, “2.146” is read as 2,146, because this file uses “.” as the "
      "decimal point, but a count is a whole number. If “.” separates thousands in “2.146”, write 2146, or "
      "save the file with “;” between columns, “,” as the decimal mark and “.” between thousands" },
    { "BG-CD01,401/KH-UBND,I.2.a.1,2026,\"1.114\",\"2.146\",\n",
      "bad.csv: Line 2: in column numerator, “1.114” is read as 1,114, because this file uses “.” as the "
      "decimal point, but a count is a whole number. If “.” separates thousands in “1.114”, write 1114, or "
      "save the file with “;” between columns, “,” as the decimal mark and “.” between thousands" },
    { "BG-CD01,401/KH-UBND,I.2.a.1,2026,1,\"1,5\",\n",
      "bad.csv: Line 2: in column denominator, “1,5” is not a whole number (this file writes numbers: “,” as "
      "the decimal mark, “.” between thousands: 1.234,5); the numerator and the denominator of a ratio are "
      "counts" },
    { "BK-CD01,206/KH-UBND,I.2.1,2023,12.5,,\n",
      "bad.csv: Line 2: in column numerator, “12.5” is not a whole number (this file writes numbers: “.” as "
      "the decimal point, no thousands separator: 1234.5); a count has no fraction" },
    { "BK-CD01,206/KH-UBND,I.2.1,2023,1.200.000,,\nBG-CD01,401/KH-UBND,I.2.a.1,2026,12.5,20,\n",
      "bad.csv: The file writes numbers two ways: line 2, column numerator has “1.200.000” (“,” as the decimal "
      "mark, “.” between thousands), line 3, column numerator has “12.5” (“.” as the decimal point). Write "
      "every number of the file the same way." },
    { "BK-CD01,206/KH-UBND,I.2.1,2023,\"1,2,3\",,\n",
      "bad.csv: Line 2: in column numerator, “1,2,3” is not a number written the way this file writes numbers "
      "(“,” as the decimal mark, “.” between thousands: 1.234,5)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = g_strconcat (values_header, cases[i].rows, NULL);
      g_autofree char *path = gdnn_test_write_file (fixture, "bad.csv", file, -1);
      g_autoptr(GError) error = NULL;

      g_assert_false (gdnn_values_import_csv (fixture->store, path, NULL, &error));
      g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* ---------------------------------------------------------------------- */

typedef enum
{
  IMPORT_UNITS,
  IMPORT_VALUES,
} ImportKind;

typedef struct
{
  const char *name;
  ImportKind  kind;
  const char *contents;
  guint       line;       /* the line the message must name; 0: none */
  const char *contains;   /* another part of the message, or NULL */
  gsize       length;     /* of contents; 0: up to its first NUL */
} BadCase;

#define VH "unit_code,plan,indicator_code,year,numerator,denominator,note\n"
#define UH "code,name,type,ownership,parent_code,plans\n"
#define GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.1,2026,10,20,\n"
#define NUL_CONTENTS VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20,a\0b\n"

static const BadCase bad_cases[] = {
  /* values import */
  { "values/wrong-header", IMPORT_VALUES,
    "unit,plan,indicator,year,numerator,denominator,note\n" GOOD_ROW, 1, "header" },
  { "values/short-header", IMPORT_VALUES,
    "unit_code,plan,indicator_code,year,numerator,denominator\n" GOOD_ROW, 1, "header" },
  { "values/units-header", IMPORT_VALUES, UH GOOD_ROW, 1, "header" },
  { "values/empty-file", IMPORT_VALUES, "", 0, "empty" },
  { "values/column-count", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20\n", 3, "7" },
  { "values/too-many-columns", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20,,x\n", 2, "7" },
  { "values/unknown-unit", IMPORT_VALUES,
    VH GOOD_ROW "XX-99,401/KH-UBND,I.2.a.1,2026,10,20,\n", 3, "XX-99" },
  { "values/unknown-plan", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20,\n" "BG-CD01,999/KH-UBND,I.2.a.1,2025,10,20,\n", 4, "999/KH-UBND" },
  { "values/unknown-indicator", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.9.9,2026,10,20,\n", 2, "I.9.9" },
  { "values/indicator-of-other-plan", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.1,2026,10,,\n", 3, "I.2.1" },
  { "values/year-20x5", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.1,20x5,10,20,\n", 3, "20x5" },
  { "values/year-outside-plan", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.1,2031,10,20,\n", 3, "2031" },
  { "values/comma-decimal", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.1,2023,\"1,5\",20,\n", 3, "1,5" },
  { "values/thousands-or-point", IMPORT_VALUES,
    VH GOOD_ROW "BK-CD01,206/KH-UBND,I.2.1,2023,1.250,,\n", 3, "1250" },
  { "values/fraction-of-teachers", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.1,2023,1,\"1,5\",\n", 3, "1,5" },
  { "values/semicolon-fraction", IMPORT_VALUES,
    "unit_code;plan;indicator_code;year;numerator;denominator;note\n"
    "BG-CD01;401/KH-UBND;I.2.a.1;2026;10;20;\n"
    "BK-CD01;206/KH-UBND;I.2.1;2023;1.250,5;;\n", 3, "1.250,5" },
  { "values/two-conventions", IMPORT_VALUES,
    VH "BK-CD01,206/KH-UBND,I.2.1,2023,1.200.000,,\n" GOOD_ROW
    "BG-CD01,401/KH-UBND,I.2.a.2,2026,0.5,20,\n", 0, "line 4, column numerator has “0.5”" },
  { "values/numerator-over-denominator", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.2,2025,100,90,\n", 3, NULL },
  { "values/missing-denominator", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.2.a.2,2025,45,,\n" GOOD_ROW, 2, "denominator" },
  { "values/zero-denominator", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.2.a.2,2025,0,0,\n", 2, NULL },
  { "values/negative", IMPORT_VALUES,
    VH GOOD_ROW "BK-CD01,206/KH-UBND,I.2.1,2023,-5,,\n", 3, NULL },
  { "values/count-with-denominator", IMPORT_VALUES,
    VH "BK-CD01,206/KH-UBND,I.2.1,2023,320,400,\n", 2, NULL },
  { "values/empty-numerator", IMPORT_VALUES,
    VH "BK-CD01,206/KH-UBND,I.2.1,2023,,,\n", 2, "numerator" },
  { "values/missing-unit-code", IMPORT_VALUES,
    VH GOOD_ROW ",401/KH-UBND,I.2.a.1,2025,10,20,\n", 3, NULL },
  { "values/duplicate-row", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20,\n" GOOD_ROW, 4, NULL },
  { "values/unterminated-quote", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20,\"Ghi chú chưa đóng\n" GOOD_ROW, 3, NULL },
  { "values/stray-quote", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.2.a.2,2026,1\"0,20,\n", 2, NULL },
  { "values/invalid-utf8", IMPORT_VALUES,
    VH GOOD_ROW "BG-CD01,401/KH-UBND,I.2.b.1,2026,10,20,\n" "BG-CD01,401/KH-UBND,I.2.a.2,2026,10,20,Gi\xe1\xbb ch\xff\n", 4, "UTF-8" },
  { "values/nul-byte", IMPORT_VALUES, NUL_CONTENTS, 3, "NUL", sizeof (NUL_CONTENTS) - 1 },
  /* A note over two lines: the bad row after it is on physical line 5. */
  { "values/line-after-multiline-note", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.2.b.1,2026,10,20,\"Dòng một\ndòng hai\"\n" GOOD_ROW
    "BG-CD01,401/KH-UBND,I.2.a.2,2026,30,20,\n", 5, NULL },
  { "values/bom-crlf", IMPORT_VALUES,
    GDNN_CSV_UTF8_BOM "unit_code,plan,indicator_code,year,numerator,denominator,note\r\n"
    "BG-CD01,401/KH-UBND,I.2.a.1,2026,10,20,\r\n"
    "BG-CD01,401/KH-UBND,I.2.a.2,2026,30,20,\r\n", 3, NULL },
  /* Good rows that change stored values, then a bad one: all or nothing. */
  { "values/good-rows-then-bad", IMPORT_VALUES,
    VH "BG-CD01,401/KH-UBND,I.2.a.1,2024,80,90,Sửa\n"
    "BG-CD01,401/KH-UBND,I.2.a.1,2025,90,90,\n"
    "BK-CD01,206/KH-UBND,I.2.1,2023,1000,,\n"
    "BG-TC02,401/KH-UBND,I.2.a.1,2026,1,2,\n"
    "BG-TC02,401/KH-UBND,I.2.a.1,2027,3,2,\n", 6, NULL },

  /* units import */
  { "units/wrong-header", IMPORT_UNITS,
    "ma,ten,loai,so_huu,cap_tren,ke_hoach\nX1,Trường X,cao_dang,cong_lap,,\n", 1, "header" },
  { "units/values-header", IMPORT_UNITS, VH GOOD_ROW, 1, "header" },
  { "units/column-count", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\nX2,Trường Y,cao_dang,cong_lap\n", 3, "6" },
  { "units/unknown-type", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\nX2,Đại học Y,dai_hoc,cong_lap,,\n", 3, "dai_hoc" },
  { "units/unknown-ownership", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,nha_nuoc,,\n", 2, "nha_nuoc" },
  { "units/office-with-ownership", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\nSLD-X,Sở X,co_quan,cong_lap,,\n", 3, NULL },
  { "units/empty-code", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\n,Trường không mã,cao_dang,cong_lap,,\n", 3, NULL },
  { "units/empty-name", IMPORT_UNITS, UH "X1, ,cao_dang,cong_lap,,\n", 2, NULL },
  { "units/unknown-plan", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,401/KH-UBND;999/KH-UBND\n", 2, "999/KH-UBND" },
  { "units/unknown-parent", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\nX2,Trường Y,trung_cap,cong_lap,SLD-XX,\n", 3, "SLD-XX" },
  { "units/own-parent", IMPORT_UNITS, UH "X1,Trường X,cao_dang,cong_lap,X1,\n", 2, NULL },
  { "units/loop", IMPORT_UNITS,
    UH "X0,Trường X,cao_dang,cong_lap,,\nLA,Phòng A,co_quan,,LB,\nLB,Phòng B,co_quan,,LA,\n", 3, "loop" },
  { "units/loop-through-database", IMPORT_UNITS,
    UH "SLD-BG,Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang,co_quan,,BG-CD01,\n", 2, "loop" },
  { "units/unterminated-quote", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\nX2,\"Trường Y,cao_dang,cong_lap,,\n", 3, NULL },
  { "units/invalid-utf8", IMPORT_UNITS,
    UH "X1,Trường X,cao_dang,cong_lap,,\nX2,Tr\xc6\xb0\xe1ng Y,cao_dang,cong_lap,,\n", 3, "UTF-8" },
};

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  user_data)
{
  const BadCase *c = user_data;
  GdnnStore *store = fixture->store;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 units = gdnn_test_count (store, "unit");
  gint64 values = gdnn_test_count (store, "value");
  gint64 log = gdnn_test_count (store, "change_log");
  gsize length = c->length > 0 ? c->length : strlen (c->contents);
  guint n = 12345;
  gboolean ok;

  path = gdnn_test_write_file (fixture, "bad.csv", c->contents, (gssize) length);

  if (c->kind == IMPORT_UNITS)
    ok = gdnn_units_import_csv (store, path, &n, &error);
  else
    ok = gdnn_values_import_csv (store, path, &n, &error);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("Refused: %s", error->message);
  if (c->line > 0)
    gdnn_test_assert_line (error->message, c->line);
  if (c->contains != NULL)
    gdnn_test_assert_contains (error->message, c->contains);
  /* The count is only reported on success. */
  g_assert_cmpuint (n, ==, 12345);

  g_assert_cmpint (gdnn_test_count (store, "unit"), ==, units);
  g_assert_cmpint (gdnn_test_count (store, "value"), ==, values);
  g_assert_cmpint (gdnn_test_count (store, "change_log"), ==, log);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sqlite3_get_autocommit (gdnn_store_get_db (store)));
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "khong-co.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gdnn_values_import_csv (fixture->store, path, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (gdnn_units_import_csv (fixture->store, path, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/csv-import/units/good", Fixture, NULL,
              fixture_setup_plans, test_units_good, fixture_teardown);
  g_test_add ("/exchange/csv-import/values/good", Fixture, NULL,
              fixture_setup_plans, test_values_good, fixture_teardown);
  g_test_add ("/exchange/csv-import/values/replace-keeps-old", Fixture, NULL,
              fixture_setup_full, test_values_replace, fixture_teardown);
  g_test_add ("/exchange/csv-import/units/update-keeps-details", Fixture, NULL,
              fixture_setup_full, test_units_update_keeps_details, fixture_teardown);
  g_test_add ("/exchange/csv-import/values/export-large", Fixture, NULL,
              fixture_setup_full, test_values_export_large, fixture_teardown);
  g_test_add ("/exchange/csv-import/values/dialects", Fixture, NULL,
              fixture_setup_full, test_values_dialects, fixture_teardown);
  g_test_add ("/exchange/csv-import/values/dialect-whole-file", Fixture, NULL,
              fixture_setup_full, test_values_dialect_whole_file, fixture_teardown);
  g_test_add ("/exchange/csv-import/values/messages", Fixture, NULL,
              fixture_setup_full, test_values_messages, fixture_teardown);
  g_test_add ("/exchange/csv-import/missing-file", Fixture, NULL,
              fixture_setup_full, test_missing_file, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/csv-import/bad/%s", bad_cases[i].name);
      g_test_add (path, Fixture, &bad_cases[i], fixture_setup_full, test_bad_file, fixture_teardown);
    }

  return g_test_run ();
}
