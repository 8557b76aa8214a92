/* gdnn-store.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-store"

/* F_OFD_SETLK: locks of an open file description (see "Sharing the
 * database with other processes"). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#ifdef G_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#endif

#include "gdnn-backup.h"
#include "gdnn-store-private.h"
#include "gdnn-text.h"

struct _GdnnStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* nesting of gdnn_store_begin() */
  gboolean    ready;        /* opened and validated: ours to write */
  int         lock_fd;      /* the shared lock on the lock file, or -1 */
  char       *file_key;     /* the file's entry in open_files, or NULL */
  char       *folder_key;   /* its folder's entry in open_files, or NULL */
};

G_DEFINE_FINAL_TYPE (GdnnStore, gdnn_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (gdnn-store-error-quark, gdnn_store_error)

static const char sqlite_magic[16] = "SQLite format 3";

/* ---- Sharing the database with other processes --------------------------
 *
 * Whatever opens a file of the database outside SQLite in this process
 * (GTK's own file chooser reads the first bytes of every file of the
 * folder it shows to guess its type; a copy, a hash, a thumbnailer) closes
 * its descriptor again, and closing any descriptor of a file drops every
 * POSIX lock the process holds on that file: SQLite's locks on the
 * database and its -shm file, by which other processes know that this one
 * is there. The next process to close the database then takes itself for
 * the last connection: it checkpoints and deletes the -wal and -shm files
 * under this one, whose later changes go to a deleted file.
 *
 * So every store, of the window or of the command line, also holds a
 * shared lock on a lock file beside the database (".NAME.lock", never the
 * database, -wal or -shm themselves) for as long as it is open: an open
 * file description lock (flock() where there are none), which only the
 * descriptor that took it releases, whatever else opens and closes that
 * file. A store that closes and cannot make its lock exclusive knows that
 * another connection is there and tells SQLite neither to checkpoint nor
 * to delete the WAL when it closes; the last one out folds the WAL into
 * the database as before. Windows locks per handle (LockFileEx) and keeps
 * open files from being deleted: there is no lock file there. */

/* How long a store being opened waits while another process closes the
 * database as its last connection. */
#define LOCK_WAIT_US (10 * G_USEC_PER_SEC)

/**
 * gdnn_store_lock_path:
 * @db_path: a database file
 *
 * Returns: (transfer full): the lock file that every store open on
 *   @db_path holds a shared lock on: ".NAME.lock" in the same folder.
 */
char *
gdnn_store_lock_path (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *name = g_strconcat (".", base, ".lock", NULL);

  return g_build_filename (dir, name, NULL);
}

#ifdef G_OS_UNIX
/* Locks @fd without waiting: 0 when done, else -1 with errno set. */
static int
set_file_lock (int      fd,
               gboolean exclusive)
{
#ifdef F_OFD_SETLK
  struct flock lock = { 0 };

  lock.l_type = exclusive ? F_WRLCK : F_RDLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0;
  lock.l_len = 1;
  return fcntl (fd, F_OFD_SETLK, &lock);
#else
  return flock (fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB);
#endif
}
#endif

/* Takes the shared lock of @db_path's lock file into @out_fd, waiting
 * while another process closes the database last. A lock file that
 * cannot be used (a folder that cannot be written, a file system without
 * locks) leaves @out_fd at -1: the store then works as without it. */
static gboolean
take_shared_lock (const char  *db_path,
                  int         *out_fd,
                  GError     **error)
{
#ifdef G_OS_UNIX
  g_autofree char *path = gdnn_store_lock_path (db_path);
  gint64 deadline = g_get_monotonic_time () + LOCK_WAIT_US;
  int fd;

  *out_fd = -1;
  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0)
    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    {
      g_debug ("No lock file %s: %s", path, g_strerror (errno));
      return TRUE;
    }

  while (set_file_lock (fd, FALSE) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != EAGAIN && saved_errno != EACCES && saved_errno != EWOULDBLOCK && saved_errno != EINTR)
        {
          g_debug ("Cannot lock %s: %s", path, g_strerror (saved_errno));
          close (fd);
          return TRUE;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          close (fd);
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_BUSY,
                       _("The data file “%s” is being closed by another program; try again."), db_path);
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
  *out_fd = fd;
#else
  *out_fd = -1;
#endif
  return TRUE;
}

/* TRUE when no other store holds the database: the shared lock on @fd
 * could be made exclusive (and stays so until @fd is closed), or there is
 * no lock file to ask. */
static gboolean
lock_is_alone (int fd)
{
#ifdef G_OS_UNIX
  return fd < 0 || set_file_lock (fd, TRUE) == 0;
#else
  return TRUE;
#endif
}

static void
release_lock (int *fd)
{
#ifdef G_OS_UNIX
  if (*fd >= 0)
    close (*fd);
#endif
  *fd = -1;
}

/* Closing @db will neither checkpoint nor delete the WAL and -shm files:
 * another connection still uses them. */
static void
keep_wal_on_close (sqlite3 *db)
{
  int persist = 1;

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_file_control (db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
}

/* The databases this process has open and their folders: file choosers
 * must not start in those folders (gdnn_store_folder_is_in_use()) and
 * nothing may be saved over those files (gdnn_store_is_database_file()). */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;   /* file_key () of a database or its folder → number of stores */

/* What tells a file or folder apart whatever the path that names it. */
static char *
file_key (const char *path)
{
#ifdef G_OS_UNIX
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) st.st_dev, (guint64) st.st_ino);
#else
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  return g_utf8_casefold (canonical, -1);
#endif
}

/* Call with open_files locked. */
static void
add_open_key (const char *key,
              int         delta)
{
  guint n;

  if (key == NULL)
    return;
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key));
  if (delta > 0 || n > 1)
    g_hash_table_insert (open_files, g_strdup (key), GUINT_TO_POINTER (delta > 0 ? n + 1 : n - 1));
  else
    g_hash_table_remove (open_files, key);
}

static gboolean
is_open_key (const char *path)
{
  g_autofree char *key = file_key (path);
  gboolean found;

  if (key == NULL)
    return FALSE;
  G_LOCK (open_files);
  found = open_files != NULL && g_hash_table_contains (open_files, key);
  G_UNLOCK (open_files);
  return found;
}

static void
register_open (GdnnStore *self)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  self->file_key = file_key (self->path);
  self->folder_key = file_key (folder);
  G_LOCK (open_files);
  add_open_key (self->file_key, 1);
  add_open_key (self->folder_key, 1);
  G_UNLOCK (open_files);
}

static void
unregister_open (GdnnStore *self)
{
  G_LOCK (open_files);
  add_open_key (self->file_key, -1);
  add_open_key (self->folder_key, -1);
  G_UNLOCK (open_files);
  g_clear_pointer (&self->file_key, g_free);
  g_clear_pointer (&self->folder_key, g_free);
}

/**
 * gdnn_store_folder_is_in_use:
 * @folder: a folder
 *
 * Returns: whether a store of this process has its database in @folder,
 *   so that a file chooser, which reads every file of the folder it
 *   shows, does not start there.
 */
gboolean
gdnn_store_folder_is_in_use (const char *folder)
{
  g_return_val_if_fail (folder != NULL, FALSE);

  return is_open_key (folder);
}

/**
 * gdnn_store_is_database_file:
 * @path: a file, which may not exist
 *
 * Returns: whether @path is a database a store of this process has open
 *   (by whatever path), or one of the files beside it: its -wal, -shm or
 *   -journal file or its lock file. Saving anything there would destroy
 *   the data.
 */
gboolean
gdnn_store_is_database_file (const char *path)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *base = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);

  if (is_open_key (path))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (path, suffixes[i]))
      {
        g_autofree char *db = g_strndup (path, strlen (path) - strlen (suffixes[i]));
        if (is_open_key (db))
          return TRUE;
      }

  /* ".NAME.lock": gdnn_store_lock_path () */
  base = g_path_get_basename (path);
  len = strlen (base);
  if (len > strlen ("..lock") && base[0] == '.' && g_str_has_suffix (base, ".lock"))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *name = g_strndup (base + 1, len - strlen ("..lock"));
      g_autofree char *db = g_build_filename (dir, name, NULL);

      return is_open_key (db);
    }
  return FALSE;
}

static void
gdnn_store_finalize (GObject *object)
{
  GdnnStore *self = (GdnnStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Another store (of this process or another) still holds the file:
       * leave it the WAL. The last one folds the WAL back into the main
       * file so a copied .db is whole; never for a file that was refused. */
      if (!lock_is_alone (self->lock_fd))
        keep_wal_on_close (self->db);
      else if (self->ready)
        sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  release_lock (&self->lock_fd);
  unregister_open (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (gdnn_store_parent_class)->finalize (object);
}

static void
gdnn_store_class_init (GdnnStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gdnn_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
gdnn_store_init (GdnnStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->lock_fd = -1;
  self->user = g_strdup (g_get_real_name ());
  if (self->user[0] == '\0' || g_str_equal (self->user, "Unknown"))
    {
      g_free (self->user);
      self->user = g_strdup (g_get_user_name ());
    }
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return GDNN_STORE_ERROR_CONSTRAINT;
    case SQLITE_FULL:
      return GDNN_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return GDNN_STORE_ERROR_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return GDNN_STORE_ERROR_BUSY;
    case SQLITE_CORRUPT:
      return GDNN_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return GDNN_STORE_ERROR_FOREIGN;
    case SQLITE_CANTOPEN:
      return GDNN_STORE_ERROR_OPEN;
    default:
      return GDNN_STORE_ERROR_FAILED;
    }
}

/* The errno of the last failed system call on the WAL (or rollback
 * journal) file, else on the main file: sqlite3_system_errno () is not
 * always set when a write fails deep in the pager. */
static int
last_file_errno (sqlite3 *db)
{
  sqlite3_file *journal = NULL;
  int e = 0;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK &&
      journal != NULL && journal->pMethods != NULL)
    journal->pMethods->xFileControl (journal, SQLITE_FCNTL_LAST_ERRNO, &e);
  if (e == 0)
    sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &e);
  return e;
}

/* What a failed SQLite call on @db means to the user. SQLite reports
 * ENOSPC on a short write as SQLITE_FULL, but a write refused outright
 * with EFBIG (a file-size limit) or EDQUOT (a quota), and ENOSPC met
 * while growing the shared-memory file or syncing, as an I/O error: to
 * the user all of these mean the disk is full. A file system that turned
 * read-only (EROFS) is a read-only file. @sys_errno (may be NULL) gets
 * the system's error when it decided. */
int
gdnn_store_error_code_for_db (sqlite3 *db,
                              int     *sys_errno)
{
  int rc = sqlite3_extended_errcode (db);
  int code = error_code_for_sqlite (rc);

  if ((rc & 0xff) == SQLITE_IOERR)
    {
      int sys = sqlite3_system_errno (db);

      if (sys != ENOSPC && sys != EFBIG && sys != EDQUOT && sys != EROFS)
        sys = last_file_errno (db);

      if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)
        code = GDNN_STORE_ERROR_FULL;
      else if (sys == EROFS)
        code = GDNN_STORE_ERROR_READONLY;
      if (sys_errno != NULL && code != GDNN_STORE_ERROR_FAILED)
        *sys_errno = sys;
    }
  return code;
}

static void
set_error_from_db (sqlite3  *db,
                   GError  **error)
{
  int sys = 0;
  int code = gdnn_store_error_code_for_db (db, &sys);
  /* "No space left on device" says more than "disk I/O error". */
  const char *detail = sys != 0 ? g_strerror (sys) : sqlite3_errmsg (db);

  switch (code)
    {
    case GDNN_STORE_ERROR_FULL:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("The disk is full: the change was not saved (%s)."), detail);
      break;
    case GDNN_STORE_ERROR_READONLY:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("The data file is read-only: the change was not saved (%s)."), detail);
      break;
    case GDNN_STORE_ERROR_BUSY:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("The data file is in use by another program; try again (%s)."), detail);
      break;
    case GDNN_STORE_ERROR_CORRUPT:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("The data file is damaged (%s)."), detail);
      break;
    case GDNN_STORE_ERROR_FOREIGN:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("The file is not a database of this program (%s)."), detail);
      break;
    case GDNN_STORE_ERROR_CONSTRAINT:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("The change breaks a rule of the data and was not saved (%s)."), detail);
      break;
    default:
      g_set_error (error, GDNN_STORE_ERROR, code,
                   _("Database error: %s."), detail);
      break;
    }
}

void
gdnn_store_set_error (GdnnStore  *self,
                      GError    **error)
{
  g_assert (GDNN_IS_STORE (self));
  set_error_from_db (self->db, error);
}

gboolean
gdnn_store_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error_from_db (db, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
gdnn_store_get_db (GdnnStore *self)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);
  return self->db;
}

/* Statements are prepared once and cached by their SQL text; the caller
 * must not finalize them. They come back reset with no bindings. */
sqlite3_stmt *
gdnn_store_prepare (GdnnStore   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_assert (GDNN_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (self->db, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
gdnn_store_step_done (GdnnStore     *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error_from_db (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
gdnn_bind_text (sqlite3_stmt *stmt,
                int           index,
                const char   *text)
{
  if (text == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  /* Text pasted from some sources arrives decomposed; store NFC so that
   * lookups and comparisons agree. */
  if (g_utf8_validate (text, -1, NULL))
    {
      char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      sqlite3_bind_text (stmt, index, nfc, -1, g_free);
    }
  else
    sqlite3_bind_null (stmt, index);
}

void
gdnn_bind_id (sqlite3_stmt *stmt,
              int           index,
              gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
gdnn_column_text (sqlite3_stmt *stmt,
                  int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);
  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

char *
gdnn_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
sql_now (sqlite3_context *ctx,
         int              argc,
         sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, gdnn_now_iso8601 (), -1, g_free);
}

static void
sql_who (sqlite3_context *ctx,
         int              argc,
         sqlite3_value  **argv)
{
  GdnnStore *self = sqlite3_user_data (ctx);
  sqlite3_result_text (ctx, self->user, -1, SQLITE_TRANSIENT);
}

static void
sql_fold (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_text (ctx, gdnn_search_fold (text), -1, g_free);
}

static gboolean
register_functions (GdnnStore  *self,
                    GError    **error)
{
  /* Not SQLITE_DIRECTONLY: the change-log and search-key triggers call them. */
  const int flags = SQLITE_UTF8;

  if (sqlite3_create_function (self->db, "gdnn_now", 0, flags, self, sql_now, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "gdnn_who", 0, flags, self, sql_who, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "gdnn_fold", 1, flags | SQLITE_DETERMINISTIC, self,
                               sql_fold, NULL, NULL) != SQLITE_OK)
    {
      set_error_from_db (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the first @size bytes of @path (fewer when it is shorter: the
 * count in @n_read) through SQLite's own file layer, which keeps a
 * descriptor it closes open for as long as a connection of this process
 * holds locks on the file: a plain open and close here would drop the
 * locks of the window's connection when the same file is opened again
 * (a restore, an import on a connection of its own). */
static int
read_file_start (const char *path,
                 char       *buf,
                 int         size,
                 int        *n_read)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full = NULL;
  g_autofree sqlite3_file *file = NULL;
  sqlite3_int64 file_size = 0;
  int rc;

  *n_read = 0;
  if (vfs == NULL)
    return SQLITE_ERROR;
  /* Zeros past the name: SQLite reads a file name's URI parameters there. */
  full = g_malloc0 (vfs->mxPathname + 4);
  file = g_malloc0 (vfs->szOsFile);
  rc = vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full);
  if (rc == SQLITE_OK)
    rc = vfs->xOpen (vfs, full, file, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &file_size);
  if (rc == SQLITE_OK && file_size > 0)
    {
      *n_read = (int) MIN (file_size, (sqlite3_int64) size);
      rc = file->pMethods->xRead (file, buf, *n_read, 0);
    }
  if (file->pMethods != NULL)
    file->pMethods->xClose (file);
  return rc;
}

/* A file that exists must be a SQLite database that this program created;
 * anything else is refused before SQLite touches it, so we never write
 * into a file that is not ours. */
static gboolean
check_existing_file (const char  *path,
                     gboolean    *exists,
                     GError     **error)
{
  char header[16] = { 0 };
  int n_read = 0;
  GStatBuf st;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *exists = FALSE;
          return TRUE;
        }
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot open the data file “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot open the data file “%s”: %s"), path, g_strerror (EISDIR));
      return FALSE;
    }

  *exists = TRUE;
  rc = read_file_start (path, header, sizeof header, &n_read);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot read the data file “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }

  /* An empty file (e.g. made by mktemp) is treated as a new database. */
  if (n_read == 0)
    {
      *exists = FALSE;
      return TRUE;
    }

  if ((gsize) n_read < sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN,
                   _("“%s” is not a database of this program; it was left untouched."), path);
      return FALSE;
    }

  return TRUE;
}

/* The first column of the first row of @sql, or @fallback when the query
 * fails or returns no row. */
gint64
gdnn_store_query_int64 (sqlite3    *db,
                        const char *sql,
                        gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int         fallback)
{
  return (int) gdnn_store_query_int64 (db, sql, fallback);
}

/* Checks, on a read-only connection so that nothing is written to a file
 * we may refuse, that @path is a database of this program at a schema we
 * know. Returns its schema version, or -1 with @error set. */
static int
validate_file (const char  *path,
               GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  gboolean ours = FALSE;

  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  /* immutable=1: no locks and no -wal/-shm files are created next to a
   * file that may belong to another program. When a WAL is present the
   * file alone is not the whole database: read it normally then. */
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    uri = g_strdup (file_uri);
  else
    uri = g_strconcat (file_uri != NULL ? file_uri : "", "?immutable=1", NULL);
  if (file_uri == NULL ||
      sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot open the data file “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      goto out;
    }
  /* Only a look: closing it never checkpoints nor deletes another's WAL. */
  keep_wal_on_close (db);

  /* Reading the schema catches a damaged or foreign file early. */
  if (query_int (db, "SELECT count(*) FROM sqlite_schema;", -1) < 0)
    {
      /* The header said SQLite (check_existing_file): "not a database"
       * past it means a damaged file. */
      if ((sqlite3_errcode (db) & 0xff) == SQLITE_NOTADB)
        g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                     _("The data file is damaged (%s)."), sqlite3_errmsg (db));
      else
        set_error_from_db (db, error);
      g_prefix_error (error, "%s: ", path);
      goto out;
    }

  version = query_int (db, "PRAGMA user_version;", 0);
  if (version == 0)
    {
      if (query_int (db, "SELECT count(*) FROM sqlite_schema;", 0) > 0)
        {
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN,
                       _("“%s” is a database of another program; it was left untouched."), path);
          version = -1;
        }
      goto out;
    }
  if (version > gdnn_store_latest_version ())
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of this program (schema %d); please update the program."),
                   path, version);
      version = -1;
      goto out;
    }

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'creator';", -1, &stmt, NULL) == SQLITE_OK)
    {
      int rc = sqlite3_step (stmt);

      if (rc == SQLITE_ROW)
        ours = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "gdnn-report") == 0;
      else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          /* Our schema version, but the page holding the mark is damaged. */
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                       _("The data file “%s” is damaged: it fails SQLite's quick check."), path);
          version = -1;
          goto out;
        }
    }
  if (!ours)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program; it was left untouched."), path);
      version = -1;
      goto out;
    }

  /* A file that opens can still be damaged inside (a page overwritten or
   * cut off): quick_check reads every page without the costly index
   * comparisons (a few ms on the demo database). */
  if (query_int (db, "SELECT count(*) FROM pragma_quick_check WHERE quick_check <> 'ok';", 1) != 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                   _("The data file “%s” is damaged: it fails SQLite's quick check."), path);
      version = -1;
    }

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static GdnnStore *
open_internal (const char          *path,
               GdnnStoreOpenFlags   flags,
               int                  target_version,
               GError             **error)
{
  g_autoptr(GdnnStore) self = NULL;
  gboolean exists = FALSE;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_existing_file (path, &exists, error))
    return NULL;

  if (!exists && !(flags & GDNN_STORE_OPEN_CREATE))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                   _("The data file “%s” does not exist."), path);
      return NULL;
    }

  if (exists && (version = validate_file (path, error)) < 0)
    return NULL;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (GDNN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot open the data file “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* SQLite quietly opens a file it cannot write read-only (a read-only
   * file, folder or file system); say so now, with nothing written,
   * rather than fail later on a first change or, in WAL mode, on the
   * first read with an unclear message. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_READONLY,
                   _("The data file “%s” is read-only (the file, its folder or the disk cannot be written); "
                     "nothing was changed. Copy it to a folder where you can write, or ask for permission "
                     "to change it."), path);
      return NULL;
    }

  /* Before the first read, which maps the -shm file and may find the WAL. */
  if (!take_shared_lock (path, &self->lock_fd, error))
    return NULL;

  if (!register_functions (self, error))
    return NULL;

  /* Read again on the real connection: the WAL may hold a newer header. */
  if (exists)
    {
      version = query_int (self->db, "PRAGMA user_version;", -1);
      if (version < 0 || (version == 0 && query_int (self->db, "SELECT count(*) FROM sqlite_schema;", 1) > 0))
        {
          g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FOREIGN,
                       _("“%s” is a database of another program; it was left untouched."), path);
          return NULL;
        }
    }

  if (!gdnn_store_exec (self->db, "PRAGMA journal_mode = WAL;", error) ||
      !gdnn_store_exec (self->db, "PRAGMA foreign_keys = ON;", error) ||
      !gdnn_store_exec (self->db, "PRAGMA synchronous = NORMAL;", error))
    return NULL;

  if (version > 0 && version < target_version)
    {
      /* Keep the old file before changing its schema. */
      g_autofree char *backup = g_strdup_printf ("%s.schema-%d.bak", path, version);
      if (!gdnn_store_backup (self, backup, error) ||
          !gdnn_backup_before (self, GDNN_BACKUP_MIGRATION, NULL, error))
        return NULL;
    }

  self->ready = TRUE;

  if (!gdnn_store_migrate (self->db, version, target_version, error))
    return NULL;

  register_open (self);
  return g_steal_pointer (&self);
}

/**
 * gdnn_store_open:
 * @path: the database file
 * @flags: #GDNN_STORE_OPEN_CREATE to create a new database when @path is
 *   missing
 *
 * Opens (and migrates to the latest schema) a database this program
 * created. A file of another program, a damaged file or one written by a
 * newer version is refused and left untouched.
 */
GdnnStore *
gdnn_store_open (const char          *path,
                 GdnnStoreOpenFlags   flags,
                 GError             **error)
{
  return open_internal (path, flags, gdnn_store_latest_version (), error);
}

/**
 * gdnn_store_open_reader:
 * @path: a data file already opened (and migrated) by gdnn_store_open()
 *
 * A second, read-only connection to the same file, for loading a large
 * list in a worker thread while the window's connection keeps writing:
 * in WAL mode a reader sees every committed change and never blocks the
 * writer. Use a reader from one thread at a time.
 */
GdnnStore *
gdnn_store_open_reader (const char  *path,
                        GError     **error)
{
  g_autoptr(GdnnStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GDNN_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot open the data file “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (!take_shared_lock (path, &self->lock_fd, error) ||
      !register_functions (self, error))
    return NULL;
  if (query_int (self->db, "PRAGMA user_version;", -1) != gdnn_store_latest_version ())
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_TOO_NEW,
                   _("The data file “%s” changed while it was being read; open it again."), path);
      return NULL;
    }
  self->ready = TRUE;
  register_open (self);
  return g_steal_pointer (&self);
}

/* For the migration tests: creates a database at an older schema. */
GdnnStore *
gdnn_store_open_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  return open_internal (path, GDNN_STORE_OPEN_CREATE, version, error);
}

const char *
gdnn_store_get_path (GdnnStore *self)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);
  return self->path;
}

int
gdnn_store_get_schema_version (GdnnStore *self)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), -1);
  return query_int (self->db, "PRAGMA user_version;", -1);
}

void
gdnn_store_set_user (GdnnStore  *self,
                     const char *who)
{
  g_return_if_fail (GDNN_IS_STORE (self));
  g_return_if_fail (who != NULL);
  g_free (self->user);
  self->user = g_strdup (who);
}

const char *
gdnn_store_get_user (GdnnStore *self)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);
  return self->user;
}

/* Transactions nest: the outermost level takes the write lock at once
 * (BEGIN IMMEDIATE), inner levels are savepoints, so a failing step rolls
 * back only itself and a failing whole rolls back everything. */
gboolean
gdnn_store_begin (GdnnStore  *self,
                  GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE;");
  else
    sql = g_strdup_printf ("SAVEPOINT level%u;", self->depth);

  if (!gdnn_store_exec (self->db, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
gdnn_store_commit (GdnnStore  *self,
                   GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT;");
  else
    sql = g_strdup_printf ("RELEASE level%u;", self->depth - 1);

  if (!gdnn_store_exec (self->db, sql, error))
    {
      gdnn_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
gdnn_store_rollback (GdnnStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (GDNN_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK;");
  else
    sql = g_strdup_printf ("ROLLBACK TO level%u; RELEASE level%u;", self->depth - 1, self->depth - 1);

  /* After some errors (e.g. SQLITE_FULL) SQLite has already rolled the
   * transaction back itself; ignore the "no transaction" error then. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
}

gboolean
gdnn_store_run_in_transaction (GdnnStore      *self,
                               GdnnStoreFunc   func,
                               gpointer        user_data,
                               GError        **error)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!gdnn_store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      gdnn_store_rollback (self);
      return FALSE;
    }

  return gdnn_store_commit (self, error);
}

static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      set_error_from_db (to, error);
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
      set_error_from_db (to, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdnn_store_backup:
 *
 * Writes a consistent copy of the database to @dest_path with SQLite's
 * online backup API. The copy is written to a temporary file first and
 * renamed into place, so a failed backup never leaves a half file.
 */
gboolean
gdnn_store_backup (GdnnStore   *self,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  gboolean ok;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  /* Renamed over the data file (or its WAL), it would replace the data. */
  if (g_strcmp0 (dest_path, self->path) == 0 || gdnn_store_is_database_file (dest_path))
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                   _("The backup file must be different from the data file."));
      return FALSE;
    }

  tmp_path = g_strdup_printf ("%s.tmp-%d", dest_path, (int) getpid ());
  g_unlink (tmp_path);

  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), dest_path,
                   dest != NULL ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      return FALSE;
    }

  ok = copy_database (self->db, dest, error) &&
       gdnn_store_exec (dest, "PRAGMA journal_mode = DELETE;", error);
  sqlite3_close (dest);

  if (ok && g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_FAILED,
                   _("Cannot write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

/**
 * gdnn_store_restore_file:
 *
 * Replaces the database at @db_path by the backup at @backup_path. The
 * backup is validated first (it must be one of our databases and pass
 * the integrity check); the current file is kept as
 * "@db_path.before-restore-DATE" before it is overwritten.
 */
gboolean
gdnn_store_restore_file (const char  *backup_path,
                         const char  *db_path,
                         GError     **error)
{
  g_autoptr(GdnnStore) target = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = NULL;
  g_autofree char *keep = NULL;
  sqlite3 *source = NULL;
  gboolean exists = FALSE;
  gboolean ok;
  int problems;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  /* The backup is only read: it stays byte for byte as it was. */
  if (!check_existing_file (backup_path, &exists, error) ||
      (exists && validate_file (backup_path, error) < 0))
    {
      g_prefix_error (error, _("The backup cannot be restored: "));
      return FALSE;
    }
  if (!exists)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_NOT_FOUND,
                   _("The backup cannot be restored: “%s” does not exist or is empty."), backup_path);
      return FALSE;
    }

  if (sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_error_from_db (source, error);
      sqlite3_close (source);
      return FALSE;
    }
  problems = query_int (source,
                        "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok';", -1);
  if (problems != 0)
    {
      g_set_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_CORRUPT,
                   _("The backup cannot be restored: it fails the integrity check."));
      sqlite3_close (source);
      return FALSE;
    }

  target = gdnn_store_open (db_path, GDNN_STORE_OPEN_CREATE, error);
  if (target == NULL)
    {
      sqlite3_close (source);
      return FALSE;
    }

  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  keep = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
  ok = gdnn_store_backup (target, keep, error) && copy_database (source, target->db, error);
  sqlite3_close (source);
  g_clear_object (&target);
  if (!ok)
    return FALSE;

  /* An older backup is brought to the current schema. */
  target = gdnn_store_open (db_path, GDNN_STORE_OPEN_DEFAULT, error);
  return target != NULL;
}

/**
 * gdnn_store_check:
 *
 * Runs SQLite's integrity and foreign-key checks and the program's own
 * consistency rules.
 *
 * Returns: (transfer full): the problems found, empty when there are none;
 *   %NULL with @error set when the checks could not run.
 */
GPtrArray *
gdnn_store_check (GdnnStore  *self,
                  GError    **error)
{
  static const struct {
    const char *sql;
    const char *message;
  } rules[] = {
    { "SELECT count(*) FROM value v JOIN indicator i ON i.id = v.indicator_id "
      "WHERE i.measure = 'ratio' AND v.numerator > v.denominator;",
      N_("Ratio values with a numerator larger than the denominator") },
    { "SELECT count(*) FROM value v JOIN indicator i ON i.id = v.indicator_id "
      "WHERE i.measure <> 'ratio' AND v.denominator IS NOT NULL;",
      N_("Count or amount values that have a denominator") },
    { "SELECT count(*) FROM task t JOIN task_group g ON g.id = t.group_id WHERE g.plan_id <> t.plan_id;",
      N_("Tasks that belong to a group of another plan") },
    { "SELECT count(*) FROM indicator i JOIN indicator_group g ON g.id = i.group_id WHERE g.plan_id <> i.plan_id;",
      N_("Indicators that belong to a group of another plan") },
    { "SELECT count(*) FROM target t JOIN plan_body b ON b.id = t.body_id "
      "JOIN indicator i ON i.id = t.indicator_id WHERE b.plan_id <> i.plan_id;",
      N_("Targets that name a body of another plan") },
    { "WITH RECURSIVE up (id, parent_id, depth) AS ("
      "  SELECT id, parent_id, 0 FROM unit "
      "  UNION ALL SELECT up.id, u.parent_id, depth + 1 FROM up JOIN unit u ON u.id = up.parent_id "
      "  WHERE depth < 64) "
      "SELECT count(DISTINCT id) FROM up WHERE depth = 64;",
      N_("Units whose parent offices form a loop") },
  };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check;", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (self->db, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("integrity_check: %s", line));
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check;", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (self->db, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     /* Translators: %s is a table name, %lld a row number. */
                     g_strdup_printf (_("Row %lld of table %s points to a missing row"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      int n = query_int (self->db, rules[i].sql, -1);
      if (n < 0)
        {
          set_error_from_db (self->db, error);
          return NULL;
        }
      if (n > 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: %d", _(rules[i].message), n));
    }

  return g_steal_pointer (&problems);
}

gint64
gdnn_store_count_rows (GdnnStore  *self,
                       const char *table)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  for (const char *p = table; *p; p++)
    g_return_val_if_fail (g_ascii_isalnum (*p) || *p == '_', -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s;", table);
  return query_int (self->db, sql, -1);
}

/**
 * gdnn_store_get_last_change:
 *
 * The id of the newest change-log entry: it grows with every change made
 * to the data (and also changes on undo), so a view can tell whether what
 * it shows may be out of date.
 */
gint64
gdnn_store_get_last_change (GdnnStore *self)
{
  g_return_val_if_fail (GDNN_IS_STORE (self), -1);
  return query_int (self->db, "SELECT ifnull (max (id), 0) FROM change_log;", -1);
}

gboolean
gdnn_store_is_empty (GdnnStore *self)
{
  return gdnn_store_count_rows (self, "plan") == 0 && gdnn_store_count_rows (self, "unit") == 0;
}

char *
gdnn_store_get_meta (GdnnStore  *self,
                     const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (GDNN_IS_STORE (self), NULL);

  stmt = gdnn_store_prepare (self, "SELECT value FROM meta WHERE key = ?;", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = gdnn_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
gdnn_store_set_meta (GdnnStore   *self,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GDNN_IS_STORE (self), FALSE);

  stmt = gdnn_store_prepare (self,
                             "INSERT INTO meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                             error);
  if (stmt == NULL)
    return FALSE;
  gdnn_bind_text (stmt, 1, key);
  gdnn_bind_text (stmt, 2, value);
  return gdnn_store_step_done (self, stmt, error);
}
