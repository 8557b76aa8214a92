/* gdnn-migrations.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-store-private.h"

/* Each migration takes the schema from version N to N + 1 and runs inside
 * the transaction that also bumps PRAGMA user_version, so a database is
 * always at a version the code knows. Never edit a migration that has
 * shipped: add a new one. */

static const char migration_1[] =
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE unit ("
  "  id             INTEGER PRIMARY KEY,"
  "  code           TEXT UNIQUE CHECK (code IS NULL OR length (code) > 0),"
  "  name           TEXT NOT NULL CHECK (length (name) > 0),"
  "  short_name     TEXT,"
  "  type           TEXT NOT NULL CHECK (type IN ('cao_dang','trung_cap','trung_tam','khac','co_quan')),"
  "  ownership      TEXT CHECK (ownership IN ('cong_lap','tu_thuc','von_nuoc_ngoai')),"
  "  parent_id      INTEGER REFERENCES unit (id) ON DELETE SET NULL,"
  "  governing_body TEXT,"
  "  head_name      TEXT,"
  "  head_title     TEXT,"
  "  address        TEXT,"
  "  phone          TEXT,"
  "  email          TEXT,"
  "  is_sample      INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ") STRICT;"

  "CREATE TABLE plan ("
  "  id            INTEGER PRIMARY KEY,"
  "  number        TEXT NOT NULL UNIQUE CHECK (length (number) > 0),"
  "  kind          TEXT,"
  "  title         TEXT NOT NULL CHECK (length (title) > 0),"
  "  issuer        TEXT NOT NULL,"
  "  issue_date    TEXT,"
  "  place         TEXT,"
  "  first_year    INTEGER NOT NULL CHECK (first_year BETWEEN 1990 AND 2100),"
  "  last_year     INTEGER NOT NULL CHECK (last_year BETWEEN 1990 AND 2100),"
  "  baseline_year INTEGER,"
  "  parent_number TEXT,"
  "  recipient     TEXT,"
  "  summary       TEXT,"
  "  notes         TEXT,"
  "  CHECK (first_year <= last_year)"
  ") STRICT;"

  "CREATE TABLE report_period ("
  "  id        INTEGER PRIMARY KEY,"
  "  plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  code      TEXT NOT NULL CHECK (code IN ('year','h1')),"
  "  name      TEXT NOT NULL,"
  "  due_day   INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 31),"
  "  due_month INTEGER NOT NULL CHECK (due_month BETWEEN 1 AND 12),"
  "  UNIQUE (plan_id, code)"
  ") STRICT;"

  "CREATE TABLE plan_body ("
  "  id         INTEGER PRIMARY KEY,"
  "  plan_id    INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  key        TEXT NOT NULL,"
  "  name       TEXT NOT NULL,"
  "  short_name TEXT,"
  "  kind       TEXT NOT NULL DEFAULT 'co_quan' CHECK (kind IN ('cao_dang','trung_cap','trung_tam','khac','co_quan')),"
  "  duties     TEXT,"
  "  unit_id    INTEGER REFERENCES unit (id) ON DELETE SET NULL,"
  "  UNIQUE (plan_id, key)"
  ") STRICT;"

  "CREATE TABLE unit_plan ("
  "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (unit_id, plan_id)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE indicator_group ("
  "  id       INTEGER PRIMARY KEY,"
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  code     TEXT NOT NULL,"
  "  title    TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE indicator ("
  "  id                INTEGER PRIMARY KEY,"
  "  plan_id           INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  group_id          INTEGER REFERENCES indicator_group (id) ON DELETE SET NULL,"
  "  code              TEXT NOT NULL CHECK (length (code) > 0),"
  "  name              TEXT NOT NULL CHECK (length (name) > 0),"
  "  measure           TEXT NOT NULL CHECK (measure IN ('ratio','count','amount','boolean')),"
  "  unit_label        TEXT,"
  "  numerator_label   TEXT,"
  "  denominator_label TEXT,"
  "  scope             TEXT,"
  "  direction         TEXT NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase','decrease','maintain')),"
  "  source_text       TEXT,"
  "  position          INTEGER NOT NULL,"
  "  UNIQUE (plan_id, code)"
  ") STRICT;"

  "CREATE TABLE indicator_responsible ("
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  body_id      INTEGER NOT NULL REFERENCES plan_body (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (indicator_id, body_id)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE target ("
  "  id           INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  body_id      INTEGER REFERENCES plan_body (id) ON DELETE CASCADE,"
  "  value        REAL NOT NULL CHECK (value >= 0),"
  "  note         TEXT"
  ") STRICT;"
  "CREATE UNIQUE INDEX target_unique ON target (indicator_id, year, ifnull (body_id, 0));"

  "CREATE TABLE value ("
  "  id           INTEGER PRIMARY KEY,"
  "  unit_id      INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  period       TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('year','h1')),"
  "  numerator    REAL CHECK (numerator IS NULL OR numerator >= 0),"
  "  denominator  REAL CHECK (denominator IS NULL OR denominator > 0),"
  "  note         TEXT,"
  "  evidence     TEXT,"
  "  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','confirmed')),"
  "  updated_by   TEXT,"
  "  updated_at   TEXT NOT NULL,"
  "  UNIQUE (unit_id, indicator_id, year, period)"
  ") STRICT;"

  "CREATE TABLE task_group ("
  "  id       INTEGER PRIMARY KEY,"
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  code     TEXT NOT NULL,"
  "  title    TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE task ("
  "  id           INTEGER PRIMARY KEY,"
  "  plan_id      INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  group_id     INTEGER REFERENCES task_group (id) ON DELETE SET NULL,"
  "  unit_id      INTEGER REFERENCES unit (id) ON DELETE CASCADE,"
  "  code         TEXT NOT NULL,"
  "  title        TEXT NOT NULL CHECK (length (title) > 0),"
  "  description  TEXT,"
  "  lead_body_id INTEGER REFERENCES plan_body (id) ON DELETE SET NULL,"
  "  start_date   TEXT,"
  "  due_date     TEXT,"
  "  position     INTEGER NOT NULL,"
  "  UNIQUE (plan_id, code)"
  ") STRICT;"

  "CREATE TABLE task_cooperator ("
  "  task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,"
  "  body_id INTEGER NOT NULL REFERENCES plan_body (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (task_id, body_id)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE task_progress ("
  "  id         INTEGER PRIMARY KEY,"
  "  task_id    INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,"
  "  unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  year       INTEGER NOT NULL,"
  "  period     TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('year','h1')),"
  "  status     TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','overdue','paused')),"
  "  progress   INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),"
  "  result     TEXT,"
  "  updated_by TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (task_id, unit_id, year, period)"
  ") STRICT;"

  "CREATE TABLE budget_line ("
  "  id       INTEGER PRIMARY KEY,"
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  unit_id  INTEGER REFERENCES unit (id) ON DELETE CASCADE,"
  "  name     TEXT NOT NULL CHECK (length (name) > 0),"
  "  source   TEXT NOT NULL CHECK (source IN ('ngan_sach','xa_hoi_hoa','khac')),"
  "  position INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE budget_year ("
  "  line_id INTEGER NOT NULL REFERENCES budget_line (id) ON DELETE CASCADE,"
  "  year    INTEGER NOT NULL,"
  "  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned >= 0),"
  "  spent   INTEGER CHECK (spent IS NULL OR spent >= 0),"
  "  PRIMARY KEY (line_id, year)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE report ("
  "  id              INTEGER PRIMARY KEY,"
  "  unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  year            INTEGER NOT NULL,"
  "  period          TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('year','h1')),"
  "  number          TEXT,"
  "  place           TEXT,"
  "  report_date     TEXT,"
  "  signer_name     TEXT,"
  "  signer_title    TEXT,"
  "  recipients      TEXT,"
  "  assessment      TEXT,"
  "  difficulties    TEXT,"
  "  proposals       TEXT,"
  "  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),"
  "  snapshot        TEXT,"
  "  finalised_at    TEXT,"
  "  xlsx_sha256     TEXT,"
  "  pdf_sha256      TEXT,"
  "  UNIQUE (unit_id, plan_id, year, period)"
  ") STRICT;"

  "CREATE TABLE submission ("
  "  id          INTEGER PRIMARY KEY,"
  "  unit_id     INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  year        INTEGER NOT NULL,"
  "  period      TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('year','h1')),"
  "  file_name   TEXT NOT NULL,"
  "  sha256      TEXT NOT NULL,"
  "  received_at TEXT NOT NULL,"
  "  report_date TEXT,"
  "  status      TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received','accepted','returned','replaced')),"
  "  note        TEXT,"
  "  problems    INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE change_log ("
  "  id        INTEGER PRIMARY KEY,"
  "  at        TEXT NOT NULL,"
  "  who       TEXT NOT NULL,"
  "  action    TEXT NOT NULL CHECK (action IN ('insert','update','delete')),"
  "  entity    TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  old       TEXT,"
  "  new       TEXT"
  ") STRICT;"
  "CREATE INDEX change_log_entity ON change_log (entity, entity_id);"

  "CREATE INDEX unit_parent ON unit (parent_id);"
  "CREATE INDEX indicator_plan ON indicator (plan_id, position);"
  "CREATE INDEX task_plan ON task (plan_id, position);"
  "CREATE INDEX value_indicator ON value (indicator_id, year);";

/* Version 2 adds folded search keys for Vietnamese search ("dao tao"
 * finds "Đào tạo"), which SQLite's ASCII-only LIKE cannot do. */
static const char migration_2[] =
  "ALTER TABLE unit ADD COLUMN search_key TEXT;"
  "ALTER TABLE indicator ADD COLUMN search_key TEXT;"
  "ALTER TABLE task ADD COLUMN search_key TEXT;"
  "UPDATE unit SET search_key = gdnn_fold (name || ' ' || ifnull (code, ''));"
  "UPDATE indicator SET search_key = gdnn_fold (code || ' ' || name);"
  "UPDATE task SET search_key = gdnn_fold (code || ' ' || title);"
  "CREATE TRIGGER unit_search_key_insert AFTER INSERT ON unit BEGIN"
  "  UPDATE unit SET search_key = gdnn_fold (NEW.name || ' ' || ifnull (NEW.code, '')) WHERE id = NEW.id; END;"
  "CREATE TRIGGER unit_search_key_update AFTER UPDATE OF name, code ON unit BEGIN"
  "  UPDATE unit SET search_key = gdnn_fold (NEW.name || ' ' || ifnull (NEW.code, '')) WHERE id = NEW.id; END;"
  "CREATE TRIGGER indicator_search_key_insert AFTER INSERT ON indicator BEGIN"
  "  UPDATE indicator SET search_key = gdnn_fold (NEW.code || ' ' || NEW.name) WHERE id = NEW.id; END;"
  "CREATE TRIGGER indicator_search_key_update AFTER UPDATE OF code, name ON indicator BEGIN"
  "  UPDATE indicator SET search_key = gdnn_fold (NEW.code || ' ' || NEW.name) WHERE id = NEW.id; END;"
  "CREATE TRIGGER task_search_key_insert AFTER INSERT ON task BEGIN"
  "  UPDATE task SET search_key = gdnn_fold (NEW.code || ' ' || NEW.title) WHERE id = NEW.id; END;"
  "CREATE TRIGGER task_search_key_update AFTER UPDATE OF code, title ON task BEGIN"
  "  UPDATE task SET search_key = gdnn_fold (NEW.code || ' ' || NEW.title) WHERE id = NEW.id; END;";

/* Version 3 lets Ctrl+Z walk back through the change log: the rows an
 * undo writes point at the row they undid. */
static const char migration_3[] =
  "ALTER TABLE change_log ADD COLUMN undo_of INTEGER REFERENCES change_log (id);"
  "CREATE INDEX change_log_undo ON change_log (undo_of);";

/* Version 4 keeps budget figures per unit: each institution reports what
 * it planned and spent on each line of the plan, and the plan's own
 * figures (Bắc Giang's 1,4 tỷ for the whole province) stay as a reference.
 * budget_year gains unit_id (NULL: the plan's reference figures; a line
 * of a unit's own holds that unit's figures only), a row id the change
 * log can name, and a note ("Dữ liệu mẫu" on sample figures). SQLite
 * cannot change a primary key, so the table is rebuilt; the rows already
 * there keep their meaning: the plan's figures on the plan's lines, the
 * owner's figures on a unit's own line. */
static const char migration_4[] =
  "CREATE TABLE budget_year_v4 ("
  "  id      INTEGER PRIMARY KEY,"
  "  line_id INTEGER NOT NULL REFERENCES budget_line (id) ON DELETE CASCADE,"
  "  unit_id INTEGER REFERENCES unit (id) ON DELETE CASCADE,"
  "  year    INTEGER NOT NULL,"
  "  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned >= 0),"
  "  spent   INTEGER CHECK (spent IS NULL OR spent >= 0),"
  "  note    TEXT"
  ") STRICT;"
  "INSERT INTO budget_year_v4 (line_id, unit_id, year, planned, spent) "
  "  SELECT y.line_id, l.unit_id, y.year, y.planned, y.spent FROM budget_year y "
  "  JOIN budget_line l ON l.id = y.line_id ORDER BY y.line_id, y.year;"
  "DROP TABLE budget_year;"
  "ALTER TABLE budget_year_v4 RENAME TO budget_year;"
  "CREATE UNIQUE INDEX budget_year_unique ON budget_year (line_id, ifnull (unit_id, 0), year);"
  "CREATE INDEX budget_year_unit ON budget_year (unit_id, year);"
  /* A unit's own line holds only its owner's figures. */
  "CREATE TRIGGER budget_year_owner_insert BEFORE INSERT ON budget_year "
  "  WHEN EXISTS (SELECT 1 FROM budget_line l WHERE l.id = NEW.line_id "
  "               AND l.unit_id IS NOT NULL AND l.unit_id IS NOT NEW.unit_id) BEGIN"
  "  SELECT RAISE (ABORT, 'a budget line of a unit''s own holds only that unit''s figures'); END;"
  "CREATE TRIGGER budget_year_owner_update BEFORE UPDATE OF line_id, unit_id ON budget_year "
  "  WHEN EXISTS (SELECT 1 FROM budget_line l WHERE l.id = NEW.line_id "
  "               AND l.unit_id IS NOT NULL AND l.unit_id IS NOT NEW.unit_id) BEGIN"
  "  SELECT RAISE (ABORT, 'a budget line of a unit''s own holds only that unit''s figures'); END;";

/* Version 5 is the reviewing office's side (issue 6): the problems found
 * in a received file, the sender's report number, which newer file
 * replaced an older one, and a flag on the units added from a received
 * file because the database did not know them. */
static const char migration_5[] =
  "ALTER TABLE submission ADD COLUMN report_number TEXT;"
  "ALTER TABLE submission ADD COLUMN replaced_by INTEGER REFERENCES submission (id) ON DELETE SET NULL;"
  "ALTER TABLE unit ADD COLUMN from_submission INTEGER NOT NULL DEFAULT 0 CHECK (from_submission IN (0, 1));"
  "CREATE TABLE submission_problem ("
  "  id            INTEGER PRIMARY KEY,"
  "  submission_id INTEGER NOT NULL REFERENCES submission (id) ON DELETE CASCADE,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('edited_cell','ratio_over_100','zero_denominator','decreased',"
  "                                              'behind_no_note','not_attached','duplicate','unknown_unit',"
  "                                              'missing_value')),"
  "  ref           TEXT,"
  "  message       TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX submission_problem_submission ON submission_problem (submission_id);"
  "CREATE INDEX submission_unit ON submission (unit_id, plan_id, year, period);"
  "CREATE INDEX submission_plan ON submission (plan_id, year);"
  "CREATE INDEX submission_sha256 ON submission (sha256);"
  /* The submission's change-log triggers gain the new columns. */
  "DROP TRIGGER log_submission_insert;"
  "DROP TRIGGER log_submission_update;"
  "DROP TRIGGER log_submission_delete;";

/* Version 6 orders a unit's files by the report's own date and
 * finalisation time (issue 18): the finalisation time written into the
 * file is kept, and the time of receipt, which the officer may correct,
 * is logged with the submission's other changes. */
static const char migration_6[] =
  "ALTER TABLE submission ADD COLUMN finalised_at TEXT;"
  "DROP TRIGGER log_submission_insert;"
  "DROP TRIGGER log_submission_update;"
  "DROP TRIGGER log_submission_delete;";

typedef struct
{
  const char *table;
  const char *columns; /* comma-separated, logged in old/new JSON */
} LoggedTable;

/* Every change of plan data, values, tasks and reports is written to
 * change_log by triggers, so no code path can forget it. */
static const LoggedTable logged_tables[] = {
  { "unit", "code,name,short_name,type,ownership,parent_id,governing_body,head_name,head_title,address,phone,email" },
  { "plan", "number,title,issuer,first_year,last_year,recipient" },
  { "unit_plan", "unit_id,plan_id" },
  { "indicator", "plan_id,code,name,measure,unit_label,numerator_label,denominator_label,scope,direction" },
  { "target", "indicator_id,year,body_id,value,note" },
  { "value", "unit_id,indicator_id,year,period,numerator,denominator,note,evidence,status" },
  { "task", "plan_id,unit_id,code,title,description,lead_body_id,start_date,due_date" },
  { "task_progress", "task_id,unit_id,year,period,status,progress,result" },
  { "budget_line", "plan_id,unit_id,name,source" },
  { "budget_year", "line_id,year,planned,spent" },  /* version 4 replaces these */
  { "report", "unit_id,plan_id,year,period,number,place,report_date,signer_name,signer_title,recipients,assessment,difficulties,proposals,status,xlsx_sha256,pdf_sha256" },
  { "submission", "unit_id,plan_id,year,period,file_name,sha256,status,note" },
};

static char *
json_object_sql (const char *prefix,
                 const char *columns)
{
  g_auto(GStrv) names = g_strsplit (columns, ",", -1);
  GString *s = g_string_new ("json_object (");

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (s, "%s'%s', %s.%s", i > 0 ? ", " : "", names[i], prefix, names[i]);
  g_string_append_c (s, ')');

  return g_string_free (s, FALSE);
}

/* The three change-log triggers of one table. */
static void
append_log_triggers (GString    *sql,
                     const char *table,
                     const char *columns,
                     gboolean    no_rowid)
{
  g_autofree char *old_json = json_object_sql ("OLD", columns);
  g_autofree char *new_json = json_object_sql ("NEW", columns);
  /* WITHOUT ROWID tables have no rowid: log 0 and rely on the JSON. */
  const char *old_id = no_rowid ? "0" : "OLD.rowid";
  const char *new_id = no_rowid ? "0" : "NEW.rowid";

  g_string_append_printf (sql,
                          "CREATE TRIGGER log_%s_insert AFTER INSERT ON %s BEGIN "
                          "INSERT INTO change_log (at, who, action, entity, entity_id, old, new) "
                          "VALUES (gdnn_now (), gdnn_who (), 'insert', '%s', %s, NULL, %s); END;",
                          table, table, table, new_id, new_json);
  g_string_append_printf (sql,
                          "CREATE TRIGGER log_%s_update AFTER UPDATE ON %s "
                          "WHEN %s IS NOT %s BEGIN "
                          "INSERT INTO change_log (at, who, action, entity, entity_id, old, new) "
                          "VALUES (gdnn_now (), gdnn_who (), 'update', '%s', %s, %s, %s); END;",
                          table, table, old_json, new_json, table, new_id, old_json, new_json);
  g_string_append_printf (sql,
                          "CREATE TRIGGER log_%s_delete AFTER DELETE ON %s BEGIN "
                          "INSERT INTO change_log (at, who, action, entity, entity_id, old, new) "
                          "VALUES (gdnn_now (), gdnn_who (), 'delete', '%s', %s, %s, NULL); END;",
                          table, table, table, old_id, old_json);
}

static char *
change_log_triggers_sql (void)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (logged_tables); i++)
    {
      const LoggedTable *t = &logged_tables[i];
      gboolean no_rowid = g_str_equal (t->table, "unit_plan") || g_str_equal (t->table, "budget_year");

      append_log_triggers (sql, t->table, t->columns, no_rowid);
    }

  return g_string_free (sql, FALSE);
}

static gboolean
apply_migration_1 (sqlite3  *db,
                   GError  **error)
{
  g_autofree char *triggers = NULL;

  if (!gdnn_store_exec (db, migration_1, error))
    return FALSE;

  triggers = change_log_triggers_sql ();
  if (!gdnn_store_exec (db, triggers, error))
    return FALSE;

  return gdnn_store_exec (db,
                          "INSERT INTO meta (key, value) VALUES ('creator', 'gdnn-report');",
                          error);
}

static gboolean
apply_migration_2 (sqlite3  *db,
                   GError  **error)
{
  return gdnn_store_exec (db, migration_2, error);
}

static gboolean
apply_migration_3 (sqlite3  *db,
                   GError  **error)
{
  return gdnn_store_exec (db, migration_3, error);
}

static gboolean
apply_migration_4 (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(GString) triggers = g_string_new (NULL);

  /* Dropping the old table dropped its change-log triggers too. */
  if (!gdnn_store_exec (db, migration_4, error))
    return FALSE;
  append_log_triggers (triggers, "budget_year", "line_id,unit_id,year,planned,spent,note", FALSE);
  return gdnn_store_exec (db, triggers->str, error);
}

static gboolean
apply_migration_5 (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(GString) triggers = g_string_new (NULL);

  /* The problems are derived from the file and stored with it; the
   * submission row's own changes (accepted, returned, replaced) are logged. */
  if (!gdnn_store_exec (db, migration_5, error))
    return FALSE;
  append_log_triggers (triggers, "submission",
                       "unit_id,plan_id,year,period,file_name,sha256,report_number,status,note,replaced_by",
                       FALSE);
  return gdnn_store_exec (db, triggers->str, error);
}

static gboolean
apply_migration_6 (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(GString) triggers = g_string_new (NULL);

  if (!gdnn_store_exec (db, migration_6, error))
    return FALSE;
  append_log_triggers (triggers, "submission",
                       "unit_id,plan_id,year,period,file_name,sha256,received_at,report_date,finalised_at,"
                       "report_number,status,note,replaced_by",
                       FALSE);
  return gdnn_store_exec (db, triggers->str, error);
}

typedef gboolean (*MigrationFunc) (sqlite3 *db, GError **error);

static const MigrationFunc migrations[] = {
  apply_migration_1,
  apply_migration_2,
  apply_migration_3,
  apply_migration_4,
  apply_migration_5,
  apply_migration_6,
};

int
gdnn_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
gdnn_store_migrate (sqlite3  *db,
                    int       from_version,
                    int       to_version,
                    GError  **error)
{
  g_assert (db != NULL);
  g_assert (from_version >= 0);
  g_assert (to_version <= (int) G_N_ELEMENTS (migrations));

  for (int v = from_version; v < to_version; v++)
    {
      g_autofree char *bump = NULL;

      if (!gdnn_store_exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA user_version = %d;", v + 1);
      if (!migrations[v] (db, error) || !gdnn_store_exec (db, bump, error))
        {
          gdnn_store_exec (db, "ROLLBACK;", NULL);
          /* Translators: %d is a database schema version number. */
          g_prefix_error (error, _("Could not upgrade the database to schema version %d: "), v + 1);
          return FALSE;
        }

      if (!gdnn_store_exec (db, "COMMIT;", error))
        {
          gdnn_store_exec (db, "ROLLBACK;", NULL);
          return FALSE;
        }
    }

  return TRUE;
}
