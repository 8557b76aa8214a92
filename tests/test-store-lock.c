/* test-store-lock.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A store's hold on its database against descriptors opened and closed
 * outside SQLite. Closing any descriptor of a file drops every POSIX lock
 * the process holds on it, SQLite's included; another process then takes
 * itself for the last connection and deletes the WAL when it closes. Here
 * a store loses its SQLite locks that way (the files read with
 * g_file_get_contents(), as GTK's file chooser reads them), then another
 * process opens, writes and closes the same file: the WAL and -shm files
 * stay, both see each other's changes, and the last one to close folds
 * the WAL back. A second store opened in the same process no longer drops
 * the first one's locks. (The other process is this test program run
 * again by g_test_trap_subprocess().) */

/* F_OFD_SETLK, as the store uses it. */
#define _GNU_SOURCE

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gdnn-store-private.h"
#include "gdnn-store.h"

#include "gdnn-test-utils.h"

#ifdef G_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

#define DB_ENV "GDNN_TEST_LOCK_DB"

/* SQLite's unix locking: the bytes a connection locks shared while it
 * holds the database (the "shared" range after the pending byte). */
#define SQLITE_SHARED_FIRST (0x40000000 + 2)
#define SQLITE_SHARED_SIZE  510

static guint64
file_inode (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_ino : 0;
}

/* What GTK's file chooser does to each file of the folder it shows. */
static void
read_outside_sqlite (const char *db_path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    }
}

static char *
meta (GdnnStore  *store,
      const char *key)
{
  return gdnn_store_get_meta (store, key);
}

static void
set_meta (GdnnStore  *store,
          const char *key,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdnn_store_set_meta (store, key, value, &error));
  g_assert_no_error (error);
}

static GdnnStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  GdnnStore *store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
new_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gdnn-test-lock-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* In another process: opens the database, checks the first one's change,
 * adds its own and closes. */
static void
other_process_writes (void)
{
  g_autoptr(GdnnStore) store = open_store (g_getenv (DB_ENV));
  g_autofree char *first = meta (store, "test_first");

  g_assert_cmpstr (first, ==, "window");
  set_meta (store, "test_second", "command line");
}

static void
test_other_process_keeps_wal (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GdnnStore) store = NULL;
  guint64 wal_inode, shm_inode;

  if (g_test_subprocess ())
    {
      other_process_writes ();
      return;
    }

  dir = new_dir ();
  path = g_build_filename (dir, "gdnn.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  store = open_store (path);
  set_meta (store, "test_first", "window");
  wal_inode = file_inode (wal);
  shm_inode = file_inode (shm);
  g_assert_cmpuint (wal_inode, !=, 0);
  g_assert_cmpuint (shm_inode, !=, 0);

  /* This process's SQLite locks are gone now; the lock file's remain. */
  read_outside_sqlite (path);

  g_setenv (DB_ENV, path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The other process left the WAL and -shm files to this one … */
  g_assert_cmpuint (file_inode (wal), ==, wal_inode);
  g_assert_cmpuint (file_inode (shm), ==, shm_inode);
  /* … which sees its change and goes on writing. */
  {
    g_autofree char *second = meta (store, "test_second");
    g_assert_cmpstr (second, ==, "command line");
  }
  set_meta (store, "test_third", "window again");
  {
    g_autofree char *check = gdnn_test_query_text (store, "PRAGMA integrity_check;");
    g_assert_cmpstr (check, ==, "ok");
  }

  /* The last one out folds the WAL into the file, which alone holds all. */
  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  store = open_store (path);
  {
    g_autofree char *first = meta (store, "test_first");
    g_autofree char *second = meta (store, "test_second");
    g_autofree char *third = meta (store, "test_third");

    g_assert_cmpstr (first, ==, "window");
    g_assert_cmpstr (second, ==, "command line");
    g_assert_cmpstr (third, ==, "window again");
  }
  g_clear_object (&store);
  gdnn_test_remove_tree (dir);
}

#ifdef G_OS_UNIX
/* In another process: exits 0 when some other process holds a lock on
 * the database's shared range. */
static void
probe_sqlite_lock (void)
{
  struct flock lock = { 0 };
  int fd = open (g_getenv (DB_ENV), O_RDONLY);

  g_assert_cmpint (fd, >=, 0);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SQLITE_SHARED_FIRST;
  lock.l_len = SQLITE_SHARED_SIZE;
  g_assert_cmpint (fcntl (fd, F_GETLK, &lock), ==, 0);
  close (fd);
  g_assert_cmpint (lock.l_type, ==, F_RDLCK);
}

static void
assert_sqlite_lock_held (const char *path,
                         const char *after)
{
  g_test_message ("SQLite's lock is held after %s", after);
  g_setenv (DB_ENV, path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Opening the same file again in this process (a restore, an import on a
 * connection of its own, a reader) keeps the first store's locks. */
static void
test_second_store_keeps_locks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      probe_sqlite_lock ();
      return;
    }

  dir = new_dir ();
  path = g_build_filename (dir, "gdnn.db", NULL);
  backup = g_build_filename (dir, "copy.db", NULL);
  store = open_store (path);
  set_meta (store, "test_first", "window");
  g_assert_true (gdnn_store_backup (store, backup, &error));
  g_assert_no_error (error);
  assert_sqlite_lock_held (path, "a backup");

  {
    g_autoptr(GdnnStore) second = open_store (path);
    g_autofree char *first = meta (second, "test_first");
    g_assert_cmpstr (first, ==, "window");
  }
  assert_sqlite_lock_held (path, "a second store");

  {
    g_autoptr(GdnnStore) reader = gdnn_store_open_reader (path, &error);
    g_assert_no_error (error);
    g_assert_nonnull (reader);
  }
  assert_sqlite_lock_held (path, "a reader");

  /* A restore into the open file goes through SQLite only. */
  g_assert_true (gdnn_store_restore_file (backup, path, &error));
  g_assert_no_error (error);
  assert_sqlite_lock_held (path, "a restore");

  g_clear_object (&store);
  gdnn_test_remove_tree (dir);
}
#endif

/* Two stores of one process: the first to close leaves the WAL to the
 * other; the last folds it. The lock file stays beside the database, and
 * its folder is in use while a store is open there. */
static void
test_last_store_folds_wal (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "gdnn.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *lock = gdnn_store_lock_path (path);
  g_autofree char *expected_lock = g_build_filename (dir, ".gdnn.db.lock", NULL);
  g_autoptr(GdnnStore) first = NULL;
  g_autoptr(GdnnStore) second = NULL;

  g_assert_cmpstr (lock, ==, expected_lock);
  g_assert_false (gdnn_store_folder_is_in_use (dir));

  first = open_store (path);
  second = open_store (path);
  g_assert_true (gdnn_store_folder_is_in_use (dir));
  g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));
  set_meta (second, "test_second", "2");
  g_clear_object (&second);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (gdnn_store_folder_is_in_use (dir));
  set_meta (first, "test_first", "1");
  g_clear_object (&first);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (gdnn_store_folder_is_in_use (dir));
  g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));

  gdnn_test_remove_tree (dir);
}

/* The files nothing may be saved over: an open database (by any path),
 * its -wal, -shm and -journal files and its lock file. */
static void
test_database_files (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "gdnn.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, ".", "gdnn.db", NULL);
  g_autofree char *lock = gdnn_store_lock_path (path);
  g_autofree char *report = g_build_filename (dir, "gdnn.xlsx", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gdnn_store_is_database_file (path));
  store = open_store (path);
  g_assert_true (gdnn_store_is_database_file (path));
  g_assert_true (gdnn_store_is_database_file (other_path));
  g_assert_true (gdnn_store_is_database_file (lock));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      g_assert_true (gdnn_store_is_database_file (companion));
    }
  g_assert_false (gdnn_store_is_database_file (report));
  g_assert_false (gdnn_store_is_database_file (copy));

  /* A backup is never renamed over the data file or its WAL. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    guint64 inode = file_inode (wal);

    g_assert_false (gdnn_store_backup (store, wal, &error));
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (file_inode (wal), ==, inode);
    g_assert_false (gdnn_store_backup (store, other_path, &error));
    g_assert_error (error, GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_clear_object (&store);
  g_assert_false (gdnn_store_is_database_file (path));
  g_assert_false (gdnn_store_is_database_file (lock));
  gdnn_test_remove_tree (dir);
}

#ifdef G_OS_UNIX
static gpointer
release_later (gpointer data)
{
  int fd = GPOINTER_TO_INT (data);

  g_usleep (300 * 1000);
  close (fd);
  return NULL;
}

/* A store being opened waits while another one holds the lock file
 * exclusively (it is closing the database as the last one). */
static void
test_open_waits_for_closing (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "gdnn.db", NULL);
  g_autofree char *lock_path = gdnn_store_lock_path (path);
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GThread) thread = NULL;
  struct flock lock = { 0 };
  gint64 start;
  int fd;

  store = open_store (path);
  g_clear_object (&store);

  fd = open (lock_path, O_RDWR);
  g_assert_cmpint (fd, >=, 0);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_len = 1;
  g_assert_cmpint (fcntl (fd, F_OFD_SETLK, &lock), ==, 0);

  start = g_get_monotonic_time ();
  thread = g_thread_new ("release", release_later, GINT_TO_POINTER (fd));
  store = open_store (path);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  g_thread_join (g_steal_pointer (&thread));

  g_clear_object (&store);
  gdnn_test_remove_tree (dir);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/lock/other-process-keeps-wal", test_other_process_keeps_wal);
#ifdef G_OS_UNIX
  /* SQLite's and the lock file's locks seen with fcntl (). */
  g_test_add_func ("/core/store/lock/second-store-keeps-locks", test_second_store_keeps_locks);
  g_test_add_func ("/core/store/lock/open-waits-for-closing", test_open_waits_for_closing);
#endif
  g_test_add_func ("/core/store/lock/last-store-folds-wal", test_last_store_folds_wal);
  g_test_add_func ("/core/store/lock/database-files", test_database_files);

  return g_test_run ();
}
