/* test-ui-tasks.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The task list in the real window on the demo database under Xvfb, at
 * 1024×600: filters "late" and "due this month" against the database,
 * search without accents, then the editor opened from the list, refusing
 * a done task below 100%, and a save checked in the database and the
 * change log. PNGs of the list and the editor go to the test output. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-store-private.h"
#include "gdnn-task-list.h"
#include "gdnn-tasks-page.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

/* A mapped button under @root whose label starts with @prefix. */
static GtkWidget *
find_button (GtkWidget  *root,
             GType       type,
             const char *prefix)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gdnn_ui_collect (root, type, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = gtk_button_get_label (g_ptr_array_index (buttons, i));
      if (label != NULL && g_str_has_prefix (label, prefix))
        return g_ptr_array_index (buttons, i);
    }
  g_error ("No button “%s…”", prefix);
  return NULL;
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  gdnn_ui_collect (root, type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static guint
shown (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* Selects the task @code in the list and activates its row, as Enter or
 * a double click does. */
static GdnnTaskEditor *
open_editor (GdnnTasksPage *page,
             GtkColumnView *view,
             const char    *code)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GdnnTaskRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (gdnn_task_row_get_task (row)->code, code) != 0)
        continue;
      gtk_selection_model_select_item (model, i, TRUE);
      g_signal_emit_by_name (view, "activate", i);
      gdnn_ui_iterate (400);
      g_assert_nonnull (gdnn_tasks_page_get_editor (page));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gdnn_tasks_page_get_editor (page))));
      return gdnn_tasks_page_get_editor (page);
    }
  g_error ("Task %s is not shown", code);
  return NULL;
}

/* The window may run in Vietnamese: compare with the translation. */
#define T(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

#define PLAN_TASKS \
  "FROM task t JOIN plan p ON p.id = t.plan_id " \
  "LEFT JOIN task_progress tp ON tp.task_id = t.id AND tp.year = 2026 AND tp.period = 'year' " \
  "  AND tp.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') " \
  "WHERE p.number = '401/KH-UBND' "

static void
test_tasks_page (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GdnnWindow *window;
  GdnnTasksPage *page;
  GtkColumnView *view;
  GtkWidget *late, *month;
  GDate today;
  guint n_late, n_all;
  g_autofree char *late_prefix = NULL;
  g_autofree char *month_prefix = NULL;

  store = gdnn_ui_open_demo_store (&dir);
  /* The shipped plans give no dates; give two tasks one, so that a
   * passed date and a date this month both show. */
  gdnn_test_exec (store, "UPDATE task SET due_date = '2026-06-30' WHERE code = 'II.3.1' AND plan_id = "
               "(SELECT id FROM plan WHERE number = '401/KH-UBND');");
  gdnn_test_exec (store, "UPDATE task SET due_date = '2026-11-30' WHERE code = 'II.3.2' AND plan_id = "
               "(SELECT id FROM plan WHERE number = '401/KH-UBND');");
  gdnn_test_exec (store, "UPDATE task_progress SET status = 'in_progress', progress = 50 WHERE task_id IN "
               "(SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id "
               " WHERE p.number = '401/KH-UBND' AND t.code IN ('II.3.1', 'II.3.2'));");

  app = adw_application_new ("vn.gdnn.Report.TestTasks", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "tasks");
  gdnn_ui_iterate (100);

  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_TASKS_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  /* The tasks are read in a worker thread and shown a chunk at a time. */
  for (guint i = 0; i < 250 && gdnn_tasks_page_is_loading (GDNN_TASKS_PAGE (page)); i++)
    gdnn_ui_iterate (20);
  g_assert_false (gdnn_tasks_page_is_loading (GDNN_TASKS_PAGE (page)));
  gdnn_ui_iterate (200);
  view = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));

  n_all = shown (view);
  g_assert_cmpint (n_all, ==, gdnn_test_query_int (store, "SELECT count(*) " PLAN_TASKS ";"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), "II.1.1"));
  {
    g_autofree char *during = g_strdup_printf (T ("During %d"), 2026);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), during));
  }
  gdnn_ui_save_png (GTK_WIDGET (window), "10-tasks.png");

  /* The toggles' labels up to their count, e.g. "_Late (". */
  late_prefix = g_strndup (T ("_Late (%u)"), strlen (T ("_Late (%u)")) - 3);
  month_prefix = g_strndup (T ("Due this _month (%u)"), strlen (T ("Due this _month (%u)")) - 3);

  /* "Late" shows exactly the late tasks of the database, marked. */
  late = find_button (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, late_prefix);
  month = find_button (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, month_prefix);
  n_late = gdnn_test_query_int (store, "SELECT count(*) " PLAN_TASKS "AND ifnull (tp.status, 'not_started') <> 'done' "
                             "AND (tp.status = 'overdue' OR ifnull (t.due_date, '2026-12-31') < '2026-11-23');");
  g_assert_cmpuint (n_late, >, 1);
  {
    g_autofree char *label = g_strdup_printf (T ("_Late (%u)"), n_late);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (late)), ==, label);
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (late), TRUE);
  gdnn_ui_iterate (300);
  g_assert_cmpuint (shown (view), ==, n_late);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), T ("Overdue")));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), "II.3.1"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), "30/06/2026"));
  gdnn_ui_save_png (GTK_WIDGET (window), "11-tasks-late.png");

  /* Due this month: II.3.2 only (both filters at once show nothing). */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (month), TRUE);
  gdnn_ui_iterate (200);
  g_assert_cmpuint (shown (view), ==, 0);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), T ("No Matching Tasks")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (late), FALSE);
  gdnn_ui_iterate (200);
  g_assert_cmpuint (shown (view), ==, 1);
  {
    g_autofree char *label = g_strdup_printf (T ("Due this _month (%u)"), 1u);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (month)), ==, label);
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (month), FALSE);

  /* Search without accents. */
  {
    GtkWidget *search = find_one (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    guint n;

    gtk_editable_set_text (GTK_EDITABLE (search), "an toan, an ninh mang");
    g_signal_emit_by_name (search, "search-changed");
    gdnn_ui_iterate (300);
    n = shown (view);
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, n_all);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
    gdnn_ui_iterate (300);
    g_assert_cmpuint (shown (view), ==, n_all);
  }

  /* Edit the late II.3.1 from the "Late" list. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (late), TRUE);
  gdnn_ui_iterate (200);
  {
    GdnnTaskEditor *editor = open_editor (page, view, "II.3.1");
    GdnnTaskRow *row = gdnn_task_editor_get_row (editor);
    AdwComboRow *status = ADW_COMBO_ROW (find_one (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW));
    GtkSpinButton *spin = GTK_SPIN_BUTTON (find_one (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON));
    GtkTextView *text = GTK_TEXT_VIEW (find_one (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
    GtkWidget *save = find_button (GTK_WIDGET (editor), GTK_TYPE_BUTTON, T ("_Save"));
    const char *result = "Đã đầu tư máy chủ và kết nối cơ sở dữ liệu GDNN của tỉnh.";
    gint64 log_before = gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'task_progress';");
    g_autofree char *stored = NULL;
    g_autofree char *logged = NULL;

    g_object_ref (row);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 50);
    g_assert_cmpuint (adw_combo_row_get_selected (status), ==, GDNN_TASK_IN_PROGRESS);

    /* Done goes with 100%; lowering it again is refused inline. */
    adw_combo_row_set_selected (status, GDNN_TASK_DONE);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 100);
    /* Without a result it may be saved, with a warning. */
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "", -1);
    gdnn_ui_iterate (100);
    g_assert_true (gtk_widget_get_sensitive (save));
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (editor), T ("No result is written yet: the report will list this task without one.")));
    gtk_spin_button_set_value (spin, 80);
    gdnn_ui_iterate (200);
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (editor), T ("A done task is complete: set the progress to 100 or choose another status.")));
    g_assert_false (gtk_widget_get_sensitive (save));
    gdnn_ui_save_png (GTK_WIDGET (editor), "12-task-editor-refused.png");

    gtk_spin_button_set_value (spin, 100);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), result, -1);
    gdnn_ui_iterate (200);
    g_assert_true (gtk_widget_get_sensitive (save));
    g_assert_null (gdnn_ui_find_label (GTK_WIDGET (editor), T ("A done task is complete: set the progress to 100 or choose another status.")));
    gdnn_ui_save_png (GTK_WIDGET (editor), "13-task-editor.png");

    g_signal_emit_by_name (save, "clicked");
    gdnn_ui_iterate (400);
    g_assert_null (gdnn_tasks_page_get_editor (page));

    stored = gdnn_test_query_text (store, "SELECT tp.status || '|' || tp.progress || '|' || tp.result " PLAN_TASKS
                                "AND t.code = 'II.3.1';");
    g_assert_cmpstr (stored, ==, "done|100|Đã đầu tư máy chủ và kết nối cơ sở dữ liệu GDNN của tỉnh.");
    g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM change_log WHERE entity = 'task_progress';"),
                     ==, log_before + 1);
    logged = gdnn_test_query_text (store, "SELECT json_extract (old, '$.status') || '>' || json_extract (new, '$.status') "
                                "FROM change_log WHERE entity = 'task_progress' ORDER BY id DESC LIMIT 1;");
    g_assert_cmpstr (logged, ==, "in_progress>done");

    /* The row shows it at once, and a done task leaves the late list. */
    g_assert_cmpint (gdnn_task_row_get_progress (row)->status, ==, GDNN_TASK_DONE);
    g_assert_false (gdnn_task_row_is_late (row));
    g_assert_cmpuint (shown (view), ==, n_late - 1);
    {
      g_autofree char *label = g_strdup_printf (T ("_Late (%u)"), n_late - 1);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (late)), ==, label);
    }
    g_object_unref (row);
  }

  /* Reopen it with the whole list: the stored values come back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (late), FALSE);
  gdnn_ui_iterate (200);
  {
    GdnnTaskEditor *editor = open_editor (page, view, "II.3.1");
    GtkTextView *text = GTK_TEXT_VIEW (find_one (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (text);
    GtkTextIter start, end;
    g_autofree char *content = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    content = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (content, ==, "Đã đầu tư máy chủ và kết nối cơ sở dữ liệu GDNN của tỉnh.");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_one (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW))),
                      ==, GDNN_TASK_DONE);
    /* Cancel leaves everything as it was. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
    gdnn_ui_iterate (200);
    g_assert_null (gdnn_tasks_page_get_editor (page));
  }
  gdnn_ui_save_png (GTK_WIDGET (window), "14-tasks-after-save.png");

  /* A change made elsewhere (another row object, as another window would):
   * back on the page, the list is read again and the same rows take the
   * new progress in place, with their widgets. */
  {
    GListModel *rows = gdnn_tasks_page_get_rows (page);
    GdnnTaskRow *before = NULL;
    g_autoptr(GListModel) other = NULL;
    GdnnTaskRow *elsewhere = NULL;
    guint n = g_list_model_get_n_items (rows);

    for (guint i = 0; i < n && before == NULL; i++)
      {
        g_autoptr(GdnnTaskRow) row = g_list_model_get_item (rows, i);
        if (g_strcmp0 (gdnn_task_row_get_task (row)->code, "II.3.2") == 0)
          before = row;
      }
    g_assert_nonnull (before);
    other = gdnn_task_rows_load (store, gdnn_task_row_get_progress (before)->unit_id != 0
                                 ? gdnn_task_row_get_progress (before)->unit_id
                                 : gdnn_test_query_int (store, "SELECT id FROM unit WHERE code = 'BG-CD01';"),
                                 gdnn_task_row_get_task (before)->plan_id, gdnn_task_row_get_year (before), &today, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (other) && elsewhere == NULL; i++)
      {
        g_autoptr(GdnnTaskRow) row = g_list_model_get_item (other, i);
        if (g_strcmp0 (gdnn_task_row_get_task (row)->code, "II.3.2") == 0)
          elsewhere = row;
      }
    g_assert_nonnull (elsewhere);
    gdnn_window_show_page (window, "budget");
    gdnn_ui_iterate (100);
    g_assert_true (gdnn_task_row_save (elsewhere, store, GDNN_TASK_IN_PROGRESS, 75, "Ba phần tư", &error));
    g_assert_no_error (error);
    g_assert_cmpint (gdnn_task_row_get_progress (before)->progress, !=, 75);
    gdnn_window_show_page (window, "tasks");
    for (guint i = 0; i < 250 && (gdnn_tasks_page_is_loading (page) ||
                                  gdnn_task_row_get_progress (before)->progress != 75); i++)
      gdnn_ui_iterate (20);
    g_assert_true (gdnn_tasks_page_get_rows (page) == rows);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
    g_assert_cmpint (gdnn_task_row_get_progress (before)->progress, ==, 75);
    g_assert_cmpstr (gdnn_task_row_get_progress (before)->result, ==, "Ba phần tư");
  }

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/tasks/filter-edit-save", test_tasks_page);

  return g_test_run ();
}
