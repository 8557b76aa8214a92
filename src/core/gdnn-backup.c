/* gdnn-backup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Rotating backups of the database, beside it in
 * "<folder>/backups/<name>/2026-11-23T18-40-05_daily.db". Each one is
 * written with SQLite's online backup API to a temporary name, verified
 * (opened read-only, PRAGMA quick_check, our creator mark) and only then
 * renamed into place and allowed to push older ones out of the rotation,
 * so a crash or a full disk never leaves a half backup under a final name
 * and never costs the last good one. */

#define G_LOG_DOMAIN "gdnn-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gdnn-backup-private.h"
#include "gdnn-store-private.h"

#define RETENTION_KEY "backup_retention"

static const char *const reason_names[] = { "daily", "migration", "restore", "import", "manual" };

static GDateTime *test_now;
static gboolean   test_fail;

void
gdnn_backup_set_now_for_testing (GDateTime *now)
{
  g_clear_pointer (&test_now, g_date_time_unref);
  if (now != NULL)
    test_now = g_date_time_ref (now);
}

void
gdnn_backup_set_fail_for_testing (gboolean fail)
{
  test_fail = fail;
}

static GDateTime *
backup_now (void)
{
  return test_now != NULL ? g_date_time_ref (test_now) : g_date_time_new_now_local ();
}

void
gdnn_backup_info_free (GdnnBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

const char *
gdnn_backup_reason_to_string (GdnnBackupReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), "manual");
  return reason_names[reason];
}

/* What the restore page shows for each reason. */
const char *
gdnn_backup_reason_label (GdnnBackupReason reason)
{
  switch (reason)
    {
    case GDNN_BACKUP_DAILY:
      return _("Daily");
    case GDNN_BACKUP_MIGRATION:
      return _("Before an upgrade");
    case GDNN_BACKUP_RESTORE:
      return _("Before a restore");
    case GDNN_BACKUP_IMPORT:
      return _("Before an import");
    case GDNN_BACKUP_MANUAL:
    default:
      return _("Made by hand");
    }
}

/**
 * gdnn_backup_dir:
 *
 * Returns: (transfer full): the folder of @db_path's backups,
 *   "<folder of the file>/backups/<file name without .db>".
 */
char *
gdnn_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_build_filename (dir, "backups", base, NULL);
}

/* A file name of the rotation: time, reason and a sequence number for two
 * backups made in the same second. */
typedef struct
{
  char             *path;
  GDateTime        *time;
  GdnnBackupReason  reason;
  int               seq;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry);
}

static gboolean
parse_name (const char        *name,
            GDateTime        **time,
            GdnnBackupReason  *reason,
            int               *seq)
{
  int y, mo, d, h, mi, s, n = 0;
  const char *rest;
  g_autofree char *word = NULL;
  gsize len;

  /* Each number is at most 4 or 2 digits wide and %n checks that the whole
   * stamp matched, so no conversion can overflow or pass half-read. */
  if (strlen (name) < 24 ||
      sscanf (name, /* NOLINT(cert-err34-c) */ "%4d-%2d-%2dT%2d-%2d-%2d_%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 || n != 20)
    return FALSE;
  rest = name + n;
  if (!g_str_has_suffix (rest, ".db"))
    return FALSE;
  len = strlen (rest) - 3;
  word = g_strndup (rest, len);

  *seq = 1;
  {
    char *dash = strchr (word, '-');
    if (dash != NULL)
      {
        char *end = NULL;
        gint64 v = g_ascii_strtoll (dash + 1, &end, 10);
        if (end == NULL || *end != '\0' || v < 2 || v > 9999)
          return FALSE;
        *seq = (int) v;
        *dash = '\0';
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (g_str_equal (word, reason_names[i]))
      {
        *time = g_date_time_new_local (y, mo, d, h, mi, s);
        *reason = (GdnnBackupReason) i;
        return *time != NULL;
      }
  return FALSE;
}

/* Newest first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;
  int c = g_date_time_compare (eb->time, ea->time);

  return c != 0 ? c : eb->seq - ea->seq;
}

/* The backups in @dir by their names alone, newest first. Stale
 * temporary files of a backup that was interrupted are removed. */
static GPtrArray *
list_entries (const char *dir)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return entries;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Entry entry = { NULL, NULL, 0, 0 };

      if (strstr (name, ".db.tmp-") != NULL)
        {
          GStatBuf st;
          /* Another process may be writing it right now: leave recent ones. */
          if (g_stat (path, &st) == 0 && (gint64) st.st_mtime < g_get_real_time () / G_USEC_PER_SEC - 3600)
            g_unlink (path);
          continue;
        }
      if (!parse_name (name, &entry.time, &entry.reason, &entry.seq))
        continue;
      entry.path = g_steal_pointer (&path);
      g_ptr_array_add (entries, g_memdup2 (&entry, sizeof entry));
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/* TRUE when every row of PRAGMA quick_check says "ok". */
static gboolean
quick_check_db (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  gboolean any = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check;", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      any = TRUE;
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok && any && rc == SQLITE_DONE;
}

/* Reads a backup (or any copy of a database) read-only, creating no
 * -wal or -shm file beside it. */
static void
inspect_file (const char     *path,
              GdnnBackupInfo *info)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = g_strconcat (file_uri != NULL ? file_uri : "", "?immutable=1", NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;
  int version;

  info->ok = FALSE;
  info->n_units = info->n_plans = info->n_values = info->last_change = -1;
  info->size = g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;

  if (file_uri == NULL || info->size <= 0 ||
      sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    goto out;

  version = (int) gdnn_store_query_int64 (db, "PRAGMA user_version;", -1);
  if (version < 1 || version > gdnn_store_latest_version ())
    goto out;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'creator';", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "gdnn-report") != 0)
    goto out;
  if (!quick_check_db (db))
    goto out;

  info->n_units = gdnn_store_query_int64 (db, "SELECT count(*) FROM unit;", -1);
  info->n_plans = gdnn_store_query_int64 (db, "SELECT count(*) FROM plan;", -1);
  info->n_values = gdnn_store_query_int64 (db, "SELECT count(*) FROM value;", -1);
  info->last_change = gdnn_store_query_int64 (db, "SELECT ifnull (max (id), 0) FROM change_log;", -1);
  info->ok = info->n_units >= 0 && info->n_plans >= 0 && info->n_values >= 0 && info->last_change >= 0;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
read_last_change (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = g_strconcat (file_uri != NULL ? file_uri : "", "?immutable=1", NULL);
  sqlite3 *db = NULL;
  gint64 last = -1;

  if (file_uri != NULL &&
      sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK)
    last = gdnn_store_query_int64 (db, "SELECT ifnull (max (id), 0) FROM change_log;", -1);
  sqlite3_close (db);
  return last;
}

/**
 * gdnn_backup_inspect:
 *
 * Returns: (transfer full): what @backup_path holds; its ok field tells
 *   whether it is one of our databases and passes PRAGMA quick_check.
 *   Time and reason are taken from a rotation file name, else from the
 *   file's modification time (reason manual).
 */
GdnnBackupInfo *
gdnn_backup_inspect (const char *backup_path)
{
  GdnnBackupInfo *info = g_new0 (GdnnBackupInfo, 1);
  g_autofree char *name = g_path_get_basename (backup_path);
  int seq;

  info->path = g_strdup (backup_path);
  info->reason = GDNN_BACKUP_MANUAL;
  if (!parse_name (name, &info->time, &info->reason, &seq))
    {
      GStatBuf st;
      info->time = g_stat (backup_path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime)
                                                   : g_date_time_new_now_local ();
    }
  inspect_file (backup_path, info);
  return info;
}

static void
set_error_from_sqlite (sqlite3     *db,
                       const char  *what,
                       GError     **error)
{
  /* The store's reading of the error (a full disk may come as an I/O
   * error); a damaged or foreign file counts as damaged here. */
  int code = db != NULL ? gdnn_store_error_code_for_db (db, NULL) : GDNN_STORE_ERROR_FAILED;

  if (code == GDNN_STORE_ERROR_FOREIGN)
    code = GDNN_STORE_ERROR_CORRUPT;
  if (code == GDNN_STORE_ERROR_OPEN)
    code = GDNN_STORE_ERROR_READONLY;
  if (code == GDNN_STORE_ERROR_FULL)
    /* Translators: %s is a file; the same words as a change that could not be saved. */
    g_set_error (error, GDNN_STORE_ERROR, code, _("The disk is full: the backup “%s” could not be written."), what);
  else
    /* Translators: the first %s is a file, the second SQLite's message. */
    g_set_error (error, GDNN_STORE_ERROR, code, _("Cannot write “%s”: %s"), what,
                 db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
}

static gboolean
copy_pages (sqlite3     *from,
            sqlite3     *to,
            const char  *what,
            GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      set_error_from_sqlite (to, what, error);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (to, what, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sync_file (const char  *path,
           const char  *what,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  int saved_errno = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (saved_errno != 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), what, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Copies @source into a new file at @dest: first under a temporary name,
 * verified, then renamed. Nothing is left under @dest on failure. */
static gboolean
write_copy (sqlite3     *source,
            const char  *dest,
            GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d", dest, (int) getpid ());
  g_autoptr(GdnnBackupInfo) check = g_new0 (GdnnBackupInfo, 1);
  g_autofree char *name = g_filename_display_basename (dest);
  sqlite3 *db = NULL;
  gboolean ok;

  g_unlink (tmp);
  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    {
      set_error_from_sqlite (db, name, error);
      sqlite3_close (db);
      g_unlink (tmp);
      return FALSE;
    }
  /* The temporary file needs no journal nor syncs of its own (a failure
   * discards it); it is synced once, whole, before its rename. */
  ok = sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", NULL, NULL, NULL) == SQLITE_OK &&
       copy_pages (source, db, name, error);
  if (ok && sqlite3_exec (db, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error_from_sqlite (db, name, error);
      ok = FALSE;
    }
  sqlite3_close (db);
  if (ok && !sync_file (tmp, name, error))
    ok = FALSE;

  if (ok && test_fail)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FULL,
                   _("Cannot write “%s”: %s"), name, "simulated failure");
      ok = FALSE;
    }
  if (ok)
    {
      check->path = g_strdup (tmp);
      inspect_file (tmp, check);
      if (!check->ok)
        {
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                       _("The copy “%s” fails its check after writing; it was not kept."), name);
          ok = FALSE;
        }
    }
  if (ok && g_rename (tmp, dest) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

guint
gdnn_backup_get_retention (GdnnStore *store)
{
  g_autofree char *text = NULL;
  guint64 n = 0;

  g_return_val_if_fail (GDNN_IS_STORE (store), GDNN_BACKUP_DEFAULT_RETENTION);

  text = gdnn_store_get_meta (store, RETENTION_KEY);
  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, GDNN_BACKUP_MAX_RETENTION, &n, NULL))
    return GDNN_BACKUP_DEFAULT_RETENTION;
  return (guint) n;
}

/**
 * gdnn_backup_set_retention:
 * @retention: how many backups the rotation keeps, 1 to 1000
 *
 * Stored in the database itself, so that the command line and the window
 * keep the same number.
 */
gboolean
gdnn_backup_set_retention (GdnnStore  *store,
                           guint       retention,
                           GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (retention < 1 || retention > GDNN_BACKUP_MAX_RETENTION)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The number of backups to keep must be between 1 and %d."), GDNN_BACKUP_MAX_RETENTION);
      return FALSE;
    }
  text = g_strdup_printf ("%u", retention);
  if (!gdnn_store_begin (store, error))
    return FALSE;
  if (!gdnn_store_set_meta (store, RETENTION_KEY, text, error))
    {
      gdnn_store_rollback (store);
      return FALSE;
    }
  return gdnn_store_commit (store, error);
}

/* Keeps the newest @retention backups, @keep, and always the newest one
 * that passes its check; deletes the others. */
static void
rotate (const char *dir,
        guint       retention,
        const char *keep)
{
  g_autoptr(GPtrArray) entries = list_entries (dir);
  gboolean have_good = FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);
      gboolean is_keep = g_strcmp0 (entry->path, keep) == 0;
      gboolean good = FALSE;

      if (!have_good)
        {
          if (is_keep)
            good = TRUE;   /* verified just before its rename */
          else
            {
              g_autoptr(GdnnBackupInfo) info = gdnn_backup_inspect (entry->path);
              good = info->ok;
            }
          have_good = good;
        }
      if (i < retention || is_keep || good)
        continue;
      if (g_unlink (entry->path) != 0)
        g_warning ("Cannot remove the old backup %s: %s", entry->path, g_strerror (errno));
    }
}

/**
 * gdnn_backup_before:
 * @out_path: (out) (optional): the backup that holds the data now
 *
 * Adds a backup of @store to the rotation and removes the oldest ones
 * beyond the retention. Before an import the newest backup is reused when
 * it already holds exactly the current data (the same newest change), so
 * repeated attempts at an import do not push the older backups out.
 * Inside an open transaction nothing is copied (the copy would hold
 * uncommitted changes).
 */
gboolean
gdnn_backup_before (GdnnStore         *store,
                    GdnnBackupReason   reason,
                    char             **out_path,
                    GError           **error)
{
  sqlite3 *db;
  const char *db_path;
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  int first_seq;
  g_autofree char *dest = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), FALSE);

  db = gdnn_store_get_db (store);
  db_path = gdnn_store_get_path (store);
  if (!sqlite3_get_autocommit (db))
    {
      g_debug ("No %s backup inside a transaction", reason_names[reason]);
      return TRUE;
    }

  dir = gdnn_backup_dir (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED,
                   _("Cannot create the backup folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (reason == GDNN_BACKUP_IMPORT)
    {
      g_autoptr(GPtrArray) entries = list_entries (dir);

      if (entries->len > 0)
        {
          const Entry *newest = g_ptr_array_index (entries, 0);

          /* It was verified when it was written; only its last change is
           * read here (a damaged file fails that read). */
          if (read_last_change (newest->path) == gdnn_store_get_last_change (store))
            {
              if (out_path != NULL)
                *out_path = g_strdup (newest->path);
              return TRUE;
            }
        }
    }

  now = backup_now ();
  stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%S");
  /* Backups of the same second, whatever their reason, get increasing
   * numbers, so that "newest first" never depends on a tie. */
  {
    g_autoptr(GPtrArray) entries = list_entries (dir);

    first_seq = 1;
    for (guint i = 0; i < entries->len; i++)
      {
        const Entry *entry = g_ptr_array_index (entries, i);
        g_autofree char *entry_stamp = g_date_time_format (entry->time, "%Y-%m-%dT%H-%M-%S");

        if (g_str_equal (entry_stamp, stamp))
          first_seq = MAX (first_seq, entry->seq + 1);
      }
  }
  for (int seq = first_seq; seq < first_seq + 10000; seq++)
    {
      g_autofree char *name = seq == 1 ? g_strdup_printf ("%s_%s.db", stamp, reason_names[reason])
                                       : g_strdup_printf ("%s_%s-%d.db", stamp, reason_names[reason], seq);
      g_free (dest);
      dest = g_build_filename (dir, name, NULL);
      if (!g_file_test (dest, G_FILE_TEST_EXISTS))
        break;
    }

  if (!write_copy (db, dest, error))
    {
      g_prefix_error (error, _("No backup could be made: "));
      return FALSE;
    }
  rotate (dir, gdnn_backup_get_retention (store), dest);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&dest);
  return TRUE;
}

/**
 * gdnn_backup_daily:
 * @made: (out) (optional): whether a backup was made
 *
 * Makes the day's backup unless a good one was already made today (any
 * reason). @store may be a reader (gdnn_store_open_reader()), so that a
 * worker thread can do this while the window uses its own connection.
 */
gboolean
gdnn_backup_daily (GdnnStore  *store,
                   gboolean   *made,
                   GError    **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = backup_now ();

  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (made != NULL)
    *made = FALSE;
  dir = gdnn_backup_dir (gdnn_store_get_path (store));
  entries = list_entries (dir);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);

      if (g_date_time_get_year (entry->time) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (entry->time) == g_date_time_get_day_of_year (now))
        {
          g_autoptr(GdnnBackupInfo) info = gdnn_backup_inspect (entry->path);
          if (info->ok)
            return TRUE;
        }
    }

  if (!gdnn_backup_before (store, GDNN_BACKUP_DAILY, NULL, error))
    return FALSE;
  if (made != NULL)
    *made = TRUE;
  return TRUE;
}

/**
 * gdnn_backup_list:
 *
 * Returns: (transfer full) (element-type GdnnBackupInfo): the backups of
 *   @db_path, newest first, each read (read-only) for its check and
 *   counts. Call it from a worker thread for a large database.
 */
GPtrArray *
gdnn_backup_list (const char  *db_path,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_backup_info_free);

  g_return_val_if_fail (db_path != NULL, out);

  dir = gdnn_backup_dir (db_path);
  entries = list_entries (dir);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);
      GdnnBackupInfo *info = g_new0 (GdnnBackupInfo, 1);

      info->path = g_strdup (entry->path);
      info->time = g_date_time_ref (entry->time);
      info->reason = entry->reason;
      inspect_file (entry->path, info);
      g_ptr_array_add (out, info);
    }
  return out;
}

/**
 * gdnn_backup_latest_good:
 *
 * Returns: (transfer full) (nullable): the newest backup of @db_path that
 *   passes its check, or %NULL.
 */
GdnnBackupInfo *
gdnn_backup_latest_good (const char *db_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = gdnn_backup_dir (db_path);
  entries = list_entries (dir);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GdnnBackupInfo) info = gdnn_backup_inspect (entry->path);

      if (info->ok)
        return g_steal_pointer (&info);
    }
  return NULL;
}

/**
 * gdnn_backup_quick_check:
 *
 * Runs PRAGMA quick_check on @store: a file that opens but is damaged
 * inside gives a #GDNN_STORE_ERROR_CORRUPT error.
 */
gboolean
gdnn_backup_quick_check (GdnnStore  *store,
                         GError    **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!quick_check_db (gdnn_store_get_db (store)))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                   _("The data file “%s” is damaged: it fails SQLite's quick check."),
                   gdnn_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

/* Moves a damaged data file (and its -wal and -shm) aside, never deleting
 * it: "<file>.damaged-20261123-184005". */
static gboolean
move_aside (const char  *db_path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strdup_printf ("%s.damaged-%s%s", db_path, stamp, suffixes[i]);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED,
                       _("Cannot move the damaged file “%s” aside: %s"), from, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * gdnn_backup_restore:
 *
 * Replaces the database at @db_path by @backup_path after checking the
 * backup. A healthy current file is first added to the rotation (reason
 * restore) and the backup is copied into it with the online backup API; a
 * damaged current file is kept beside it as "<file>.damaged-DATE"; a file
 * of another program or of a newer version is never touched. An older
 * backup is brought to the current schema.
 */
gboolean
gdnn_backup_restore (const char  *db_path,
                     const char  *backup_path,
                     GError     **error)
{
  g_autoptr(GdnnBackupInfo) info = NULL;
  g_autoptr(GdnnStore) current = NULL;
  g_autoptr(GdnnStore) reopened = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *shown = NULL;
  sqlite3 *source = NULL;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  info = gdnn_backup_inspect (backup_path);
  if (!info->ok)
    {
      g_autofree char *name = g_filename_display_basename (backup_path);
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                   _("The backup “%s” cannot be restored: it is missing, damaged or not a database of this program."),
                   name);
      return FALSE;
    }

  /* gdnn_store_open() runs quick_check: a file damaged inside is CORRUPT. */
  current = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, &open_error);

  if (current == NULL &&
      !g_error_matches (open_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND) &&
      !g_error_matches (open_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT))
    {
      /* Another program's file, a newer version's, or one we cannot read:
       * never overwritten. */
      g_propagate_prefixed_error (error, g_steal_pointer (&open_error),
                                  _("Nothing was restored: "));
      return FALSE;
    }

  if (sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      set_error_from_sqlite (source, backup_path, error);
      sqlite3_close (source);
      return FALSE;
    }

  shown = g_filename_display_basename (db_path);
  if (current != NULL)
    {
      ok = gdnn_backup_before (current, GDNN_BACKUP_RESTORE, NULL, error) &&
           copy_pages (source, gdnn_store_get_db (current), shown, error);
      g_clear_object (&current);
    }
  else
    {
      /* Missing or damaged: the damaged one is kept aside, then the backup
       * is written as a new file. */
      g_autofree char *folder = g_path_get_dirname (db_path);

      /* A folder that cannot be made shows as write_copy()'s error. */
      (void) g_mkdir_with_parents (folder, 0700);
      ok = (g_error_matches (open_error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND) ||
            move_aside (db_path, error)) &&
           write_copy (source, db_path, error);
    }
  sqlite3_close (source);
  if (!ok)
    return FALSE;

  /* An older backup is brought to the current schema. */
  reopened = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, error);
  return reopened != NULL;
}
