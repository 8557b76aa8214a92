/* test-ui-dblock.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's hold on its database under Xvfb. GTK's own file chooser
 * (what GtkFileChooserNative shows when no portal runs it in another
 * process) opens and closes every file of the folder it lists to guess
 * its type; POSIX locks belong to the process, so that drops SQLite's
 * locks on the database. Here the export's save chooser is shown on the
 * database's own folder and cancelled, then the real command line
 * (GDNN_REPORT) reads and writes the same file while the window edits
 * values: both see the same data, the integrity check passes and the
 * window's -wal and -shm files are never removed under it. The choosers
 * start in the Documents folder, and never in a folder holding an open
 * database; an export is never saved over the database. */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gdnn-app-util.h"
#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-report-page.h"
#include "gdnn-store-private.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

/* The documents folder of the test (XDG_CONFIG_HOME/user-dirs.dirs). */
static char *test_root;
static char *documents_dir;

/* SQLite's unix locking: the bytes a connection locks shared while it
 * holds the database (the "shared" range after the pending byte). */
#define SQLITE_SHARED_FIRST (0x40000000 + 2)
#define SQLITE_SHARED_SIZE  510

/* Run as "--probe-lock FILE" in a process of its own: exits 0 when
 * another process holds a lock on FILE's shared range, 1 when none does.
 * (A probe inside the test's process would drop the very locks it looks
 * for when it closes its descriptor.) */
static int
probe_lock (const char *path)
{
  struct flock lock = { 0 };
  int fd = open (path, O_RDONLY);

  if (fd < 0)
    return 2;
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SQLITE_SHARED_FIRST;
  lock.l_len = SQLITE_SHARED_SIZE;
  if (fcntl (fd, F_GETLK, &lock) != 0)
    return 2;
  close (fd);
  return lock.l_type == F_UNLCK ? 1 : 0;
}

/* Whether a process (this one) holds a SQLite lock on @db_path. */
static gboolean
window_lock_held (const char *db_path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--probe-lock", db_path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (self);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) <= 1);
  return WEXITSTATUS (status) == 0;
}

/* Runs the command-line program on @db_path; returns its standard output
 * and asserts that it succeeded. */
static char *
run_cli (const char *db_path,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *bin = g_getenv ("GDNN_REPORT");
  int status = 0;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("gdnn-report %s: %s%s", first, out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The command line's export of the values, as text. */
static char *
cli_values (const char *db_path,
            const char *dir)
{
  g_autofree char *csv = g_build_filename (dir, "values-out.csv", NULL);
  g_autofree char *out = run_cli (db_path, "values", "export", csv, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_unlink (csv);
  return text;
}

static gboolean
text_has_line (const char *text,
               const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strchomp (lines[i]), line))
      return TRUE;
  return FALSE;
}

/* The inode of @path, 0 when it does not exist. */
static guint64
file_inode (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_ino : 0;
}

static gint64
indicator_id (GdnnStore  *store,
              const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                                          "WHERE p.number = '401/KH-UBND' AND i.code = '%s';", code);
  return gdnn_test_query_int (store, sql);
}

/* The window's own connection sets a numerator of BG-CD01's 2026 value. */
static void
window_set_numerator (GdnnStore  *store,
                      const char *code,
                      double      numerator)
{
  gint64 unit_id = gdnn_test_query_int (store, "SELECT id FROM unit WHERE code = 'BG-CD01';");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) value = gdnn_store_get_value (store, unit_id, indicator_id (store, code), 2026, "year",
                                                     &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  value->numerator = numerator;
  g_assert_true (gdnn_store_set_value (store, value, &error));
  g_assert_no_error (error);
}

static double
window_numerator (GdnnStore  *store,
                  const char *code)
{
  gint64 unit_id = gdnn_test_query_int (store, "SELECT id FROM unit WHERE code = 'BG-CD01';");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) value = gdnn_store_get_value (store, unit_id, indicator_id (store, code), 2026, "year",
                                                     &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  return value->numerator;
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Opens the report page's "Export Report as Excel Workbook" the way the
 * user does (agreeing to a draft) and returns GTK's chooser dialog. */
static GtkFileChooser *
open_export_chooser (GdnnReportPage *page)
{
  AdwMessageDialog *draft;
  GtkWindow *dialog;
  gint64 end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.export-xlsx", NULL));
  gdnn_ui_iterate (300);
  draft = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (draft != NULL)
    {
      adw_message_dialog_response (draft, "export");
      gdnn_ui_iterate (300);
    }
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (50);
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  return GTK_FILE_CHOOSER (dialog);
}

static void
cancel_chooser (GtkFileChooser *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gdnn_ui_iterate (300);
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static char *
chooser_folder (GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);

  return folder != NULL ? g_file_get_path (folder) : NULL;
}

static GdnnReportPage *
open_report_page (GdnnWindow *window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GDate today;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  gdnn_ui_iterate (300);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "report");
  gdnn_ui_iterate (1000);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REPORT_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

static void
test_chooser_on_database_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *import_csv = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GFile) db_folder = NULL;
  g_autoptr(GError) error = NULL;
  GdnnReportPage *page;
  GtkFileChooser *chooser;
  GdnnWindow *window;
  guint64 wal_inode, shm_inode;
  gboolean dropped = FALSE;
  gint64 end;

  store = gdnn_ui_open_demo_store (&dir);
  db_path = g_strdup (gdnn_store_get_path (store));
  wal = g_strconcat (db_path, "-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  db_folder = g_file_new_for_path (dir);

  app = adw_application_new ("vn.gdnn.Report.TestDbLock", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  page = open_report_page (window);

  wal_inode = file_inode (wal);
  shm_inode = file_inode (shm);
  g_assert_cmpuint (wal_inode, !=, 0);
  g_assert_cmpuint (shm_inode, !=, 0);
  g_assert_true (window_lock_held (db_path));

  /* The user browses into the database's folder in the export's chooser:
   * GTK lists it and reads the first bytes of every file there, the
   * database, its -wal and -shm included; closing those descriptors drops
   * the process's SQLite locks (checked from another process). */
  chooser = open_export_chooser (page);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, db_folder, &error));
  g_assert_no_error (error);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!(dropped = !window_lock_held (db_path)) && g_get_monotonic_time () < end)
    gdnn_ui_iterate (200);
  g_assert_true (dropped);
  gdnn_ui_save_png (GTK_WIDGET (chooser), "dblock-01-chooser-on-db-folder.png");
  cancel_chooser (chooser);

  /* The window edits a value; the command line reads it, then writes
   * another one that the window reads back. */
  window_set_numerator (store, "I.2.a.1", 45);
  {
    g_autofree char *values = cli_values (db_path, dir);
    g_assert_true (text_has_line (values, "BG-CD01,401/KH-UBND,I.2.a.1,2026,45,146,Dữ liệu mẫu"));
  }
  import_csv = g_build_filename (dir, "values-in.csv", NULL);
  g_assert_true (g_file_set_contents (import_csv,
                                      "unit_code,plan,indicator_code,year,numerator,denominator,note\n"
                                      "BG-CD01,401/KH-UBND,I.2.a.2,2026,50,164,Dữ liệu mẫu\n", -1, NULL));
  {
    g_autofree char *out = run_cli (db_path, "values", "import", import_csv, NULL);
  }
  g_assert_cmpuint (file_inode (wal), ==, wal_inode);
  g_assert_cmpuint (file_inode (shm), ==, shm_inode);
  g_assert_cmpfloat (window_numerator (store, "I.2.a.2"), ==, 50);

  /* Once more the other way round, after a second run of the command line. */
  window_set_numerator (store, "I.2.a.1", 47);
  {
    g_autofree char *values = cli_values (db_path, dir);
    g_assert_true (text_has_line (values, "BG-CD01,401/KH-UBND,I.2.a.1,2026,47,146,Dữ liệu mẫu"));
    g_assert_true (text_has_line (values, "BG-CD01,401/KH-UBND,I.2.a.2,2026,50,164,Dữ liệu mẫu"));
  }
  g_assert_cmpuint (file_inode (wal), ==, wal_inode);
  g_assert_cmpuint (file_inode (shm), ==, shm_inode);
  {
    g_autofree char *ok = gdnn_test_query_text (store, "PRAGMA integrity_check;");
    g_autofree char *out = run_cli (db_path, "check", NULL);
    g_assert_cmpstr (ok, ==, "ok");
  }
  window_set_numerator (store, "I.2.a.1", 48);
  g_assert_cmpfloat (window_numerator (store, "I.2.a.2"), ==, 50);

  /* The window closes last: its WAL is folded into the file, and the file
   * alone holds every change. */
  gtk_window_destroy (GTK_WINDOW (window));
  gdnn_ui_iterate (100);
  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *values = cli_values (db_path, dir);
    g_assert_true (text_has_line (values, "BG-CD01,401/KH-UBND,I.2.a.1,2026,48,146,Dữ liệu mẫu"));
    g_assert_true (text_has_line (values, "BG-CD01,401/KH-UBND,I.2.a.2,2026,50,164,Dữ liệu mẫu"));
  }
  gdnn_test_remove_tree (dir);
}

/* The export's chooser starts in the Documents folder; when a database
 * of the window is kept there, in the home folder instead. */
static void
test_chooser_start_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *in_documents = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(GdnnStore) second = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GdnnReportPage *page;
  GtkFileChooser *chooser;
  GdnnWindow *window;

  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, documents_dir);

  store = gdnn_ui_open_demo_store (&dir);
  app = adw_application_new ("vn.gdnn.Report.TestDbLockFolder", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  page = open_report_page (window);

  chooser = open_export_chooser (page);
  {
    g_autofree char *folder = chooser_folder (chooser);
    g_assert_cmpstr (folder, ==, documents_dir);
  }
  gdnn_ui_save_png (GTK_WIDGET (chooser), "dblock-02-chooser-in-documents.png");
  cancel_chooser (chooser);

  /* A database open in Documents: the chooser keeps out of that folder. */
  in_documents = g_build_filename (documents_dir, "truong.db", NULL);
  second = gdnn_store_open (in_documents, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  chooser = open_export_chooser (page);
  {
    g_autofree char *folder = chooser_folder (chooser);
    g_assert_cmpstr (folder, ==, g_get_home_dir ());
  }
  cancel_chooser (chooser);
  g_clear_object (&second);

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

/* Runs the main loop until a window of @type shows, at most 10 s. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *found;

  while ((found = find_toplevel (type)) == NULL && g_get_monotonic_time () < end)
    gdnn_ui_iterate (50);
  return found;
}

/* Runs the main loop until a message dialog with @heading shows, at most
 * 10 s. */
static AdwMessageDialog *
wait_for_message (const char *heading)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      GList *toplevels = gtk_window_list_toplevels ();
      AdwMessageDialog *found = NULL;

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
            g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
          found = l->data;
      g_list_free (toplevels);
      if (found != NULL)
        return found;
      gdnn_ui_iterate (50);
    }
  return NULL;
}

/* Saving the export over the database, after GTK's "Replace?", is refused
 * with a message, and the chooser comes back; the database is untouched. */
static void
test_chooser_refuses_database (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GFile) db_folder = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *refusal;
  GtkWindow *replace;
  GdnnReportPage *page;
  GtkFileChooser *chooser;
  GdnnWindow *window;
  guint64 db_inode;

  store = gdnn_ui_open_demo_store (&dir);
  db_path = g_strdup (gdnn_store_get_path (store));
  db_inode = file_inode (db_path);
  db_folder = g_file_new_for_path (dir);
  app = adw_application_new ("vn.gdnn.Report.TestDbLockRefuse", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  page = open_report_page (window);

  chooser = open_export_chooser (page);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, db_folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, "gdnn.db");
  gdnn_ui_iterate (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* GTK asks whether to replace the file; the user says yes. */
  replace = wait_for_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (replace);
  gtk_dialog_response (GTK_DIALOG (replace), GTK_RESPONSE_ACCEPT);

  refusal = wait_for_message (g_dgettext (GETTEXT_PACKAGE, "Choose Another File"));
  g_assert_nonnull (refusal);
  {
    g_autofree char *body = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                                         "“%s” is the program's data file or one of the files kept "
                                                         "beside it while it is open: saving over it would destroy "
                                                         "the data. Choose another name or folder."), "gdnn.db");
    g_assert_cmpstr (adw_message_dialog_get_body (refusal), ==, body);
  }
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gdnn_ui_save_png (GTK_WIDGET (refusal), "dblock-03-refused.png");
  adw_message_dialog_response (refusal, "close");

  /* The same chooser again, to pick another name. */
  chooser = GTK_FILE_CHOOSER (wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_nonnull (chooser);
  cancel_chooser (chooser);

  g_assert_cmpuint (file_inode (db_path), ==, db_inode);
  {
    g_autofree char *ok = gdnn_test_query_text (store, "PRAGMA integrity_check;");
    g_autofree char *out = run_cli (db_path, "check", NULL);
    g_assert_cmpstr (ok, ==, "ok");
  }
  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *dirs = NULL;
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--probe-lock"))
    return probe_lock (argv[2]);

  /* A Documents folder of the test's own, before GLib reads the user's. */
  test_root = g_dir_make_tmp ("gdnn-ui-dblock-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  documents_dir = g_build_filename (test_root, "Documents", NULL);
  config = g_build_filename (test_root, "config", NULL);
  g_assert_cmpint (g_mkdir_with_parents (documents_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  {
    g_autofree char *line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents_dir);
    g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
  }
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/dblock/chooser-on-database-folder", test_chooser_on_database_folder);
  g_test_add_func ("/ui/dblock/chooser-start-folder", test_chooser_start_folder);
  g_test_add_func ("/ui/dblock/chooser-refuses-database", test_chooser_refuses_database);

  status = g_test_run ();
  gdnn_test_remove_tree (test_root);
  g_free (documents_dir);
  g_free (test_root);
  return status;
}
