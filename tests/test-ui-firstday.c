/* test-ui-firstday.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first day at 1366×768 under Xvfb, on a database made as `init`
 * makes it (the shipped plans, no unit): the empty window says the first
 * step is one's own unit and Ctrl+N (a real key press, XTest) opens its
 * set-up, whose Save button is in sight; "Reports to" → "New office…"
 * creates the office on the spot; with a unit but no plan the window
 * leads to its set-up. The Tasks page adds a task of one's own. Getting
 * Started starts with the unit and its office. PNGs of the empty window,
 * the unit dialog and the office question. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdnn-backup-window.h"
#include "gdnn-demo.h"
#include "gdnn-help-window.h"
#include "gdnn-task-row.h"
#include "gdnn-tasks-page.h"
#include "gdnn-unit-setup-window.h"
#include "gdnn-window.h"
#include "gdnn-ui-keyboard.h"
#include "gdnn-ui-test-utils.h"

#define _T(s) g_dgettext (GETTEXT_PACKAGE, s)

/* The first mapped label under @root whose whole text is @text. */
static GtkWidget *
find_exact_label (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_exact_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gdnn_ui_collect (root, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

/* @widget is drawn inside @window's visible area, not below the fold or
 * beside it. */
static void
assert_in_sight (GtkWidget *widget,
                 GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_get_child_visible (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s at %.0f,%.0f %.0f×%.0f in a %d×%d window", G_OBJECT_TYPE_NAME (widget),
                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                  gtk_widget_get_width (window), gtk_widget_get_height (window));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
  /* …and the window fits the 1366×768 screen. */
  g_assert_cmpint (gtk_widget_get_width (window), <=, 1366);
  g_assert_cmpint (gtk_widget_get_height (window), <=, 768);
}

static GdnnStore *
open_init_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gdnn-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  GdnnStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "gdnn.db", NULL);
  store = gdnn_store_open (path, GDNN_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (gdnn_demo_init (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdnn_store_count_rows (store, "unit"), ==, 0);
  g_assert_cmpint (gdnn_store_count_rows (store, "plan"), >, 0);
  *out_dir = g_steal_pointer (&dir);
  return store;
}

static void
test_first_start (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = open_init_store (&dir);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *setup, *save, *parent_row, *dialog, *button;
  GtkWidget *rows[2];
  GdnnWindow *window;
  GListModel *choices;
  guint n;

  app = adw_application_new ("vn.gdnn.Report.TestFirstDay", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_ui_iterate (300);

  /* The empty window says what to do first, and how. */
  g_assert_cmpstr (_T ("Start by Creating Your Unit"), ==, "Hãy bắt đầu bằng việc tạo đơn vị của bạn");
  g_assert_nonnull (find_exact_label (GTK_WIDGET (window), _T ("Start by Creating Your Unit")));
  g_assert_nonnull (find_exact_label (GTK_WIDGET (window),
    _T ("Your unit is the school or centre whose reports this program makes. Create it with Ctrl+N: its code, "
        "name and kind, and under “Reports to” the office it sends its reports to (“New office…” creates that "
        "office too). Then attach the plans it implements.")));
  button = gdnn_ui_find_button (GTK_WIDGET (window), _T ("_Create Your Unit…"));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-unit");
  assert_in_sight (button, GTK_WIDGET (window));
  gdnn_ui_save_png (GTK_WIDGET (window), "firstday-01-empty-window.png");

  /* Ctrl+N, as it says. */
  gdnn_ui_keyboard_init (GTK_WINDOW (window));
  gdnn_ui_press_ctrl (GDK_KEY_n);
  setup = gdnn_ui_wait_for_toplevel (GDNN_TYPE_UNIT_SETUP_WINDOW, NULL);
  gdnn_ui_iterate (300);

  /* Save is in sight at the window's default size. */
  save = gdnn_ui_find_button (setup, _T ("Sa_ve"));
  g_assert_nonnull (save);
  assert_in_sight (save, setup);
  gdnn_ui_save_png (setup, "firstday-02-unit-dialog.png");

  gtk_editable_set_text (GTK_EDITABLE (find_row (setup, ADW_TYPE_ENTRY_ROW, _T ("_Code"))), "TC-LN");
  gtk_editable_set_text (GTK_EDITABLE (find_row (setup, ADW_TYPE_ENTRY_ROW, _T ("_Name"))),
                         "Trường Trung cấp Lục Ngạn");

  /* "Reports to": no office yet; the last choice creates it. */
  parent_row = find_row (setup, ADW_TYPE_COMBO_ROW, _T ("_Reports to"));
  g_assert_nonnull (parent_row);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (parent_row));
  n = g_list_model_get_n_items (choices);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), n - 1), ==, _T ("New office…"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (parent_row), n - 1);
  dialog = gdnn_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gdnn_ui_iterate (200);
  rows[0] = find_row (dialog, ADW_TYPE_ENTRY_ROW, _T ("Office name"));
  rows[1] = find_row (dialog, ADW_TYPE_ENTRY_ROW, _T ("Office code"));
  g_assert_nonnull (rows[0]);
  g_assert_nonnull (rows[1]);
  gtk_editable_set_text (GTK_EDITABLE (rows[0]), "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang");
  gtk_editable_set_text (GTK_EDITABLE (rows[1]), "SLDTBXH-BG");
  gdnn_ui_save_png (dialog, "firstday-03-new-office.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gdnn_ui_iterate (200);

  /* The office exists and is chosen; "None" and the office, then "New office…". */
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit WHERE code = 'SLDTBXH-BG' "
                                               "AND type = 'co_quan';"), ==, 1);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (parent_row));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (parent_row)), ==, 1);

  /* Saved from the header bar: the unit reports to the new office. */
  g_signal_emit_by_name (save, "clicked");
  gdnn_ui_iterate (200);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM unit u JOIN unit o ON o.id = u.parent_id "
                                               "WHERE u.code = 'TC-LN' AND o.code = 'SLDTBXH-BG';"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (setup));
  gdnn_ui_iterate (200);

  /* A unit without a plan: the window now leads to its set-up. */
  g_assert_nonnull (find_exact_label (GTK_WIDGET (window), _T ("Attach Your Unit's Plans")));
  {
    g_autofree char *label = g_strdup_printf (_T ("_Set Up %s…"), "Trường Trung cấp Lục Ngạn");
    button = gdnn_ui_find_button (GTK_WIDGET (window), label);
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.edit-unit");
    g_signal_emit_by_name (button, "clicked");
    setup = gdnn_ui_wait_for_toplevel (GDNN_TYPE_UNIT_SETUP_WINDOW, NULL);
    g_assert_cmpint (gdnn_unit_setup_window_get_unit_id (GDNN_UNIT_SETUP_WINDOW (setup)), ==,
                     gdnn_test_query_int (store, "SELECT id FROM unit WHERE code = 'TC-LN';"));
    gtk_window_destroy (GTK_WINDOW (setup));
  }

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

static void
test_add_own_task (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *button, *setup, *title_row, *add;
  GdnnTasksPage *page;
  GdnnWindow *window;
  GDate today;

  app = adw_application_new ("vn.gdnn.Report.TestOwnTask", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (window, &today);
  g_assert_true (gdnn_window_select_plan (window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (window, "tasks");
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_TASKS_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  page = pages->pdata[0];
  for (guint i = 0; i < 500 && gdnn_tasks_page_is_loading (page); i++)
    gdnn_ui_iterate (20);

  /* The Tasks page has the button, in sight, its label whole. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *label;

    button = NULL;
    gdnn_ui_collect (GTK_WIDGET (page), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.add-own-task") == 0)
        button = buttons->pdata[i];
    g_assert_nonnull (button);
    label = find_exact_label (button, _T ("_Add Own Task…"));
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Thêm nhiệm vụ riêng…");
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  }
  assert_in_sight (button, GTK_WIDGET (window));
  gdnn_ui_save_png (GTK_WIDGET (window), "firstday-05-tasks-page.png");
  g_signal_emit_by_name (button, "clicked");

  /* The unit's set-up opens on its own tasks of this plan. */
  setup = gdnn_ui_wait_for_toplevel (GDNN_TYPE_UNIT_SETUP_WINDOW, NULL);
  gdnn_ui_iterate (300);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (setup)), ==, "tasks");
  g_assert_cmpint (gdnn_unit_setup_window_get_unit_id (GDNN_UNIT_SETUP_WINDOW (setup)), ==,
                   gdnn_test_query_int (store, "SELECT id FROM unit WHERE code = 'BG-CD01';"));
  title_row = find_row (setup, ADW_TYPE_ENTRY_ROW, _T ("_Task"));
  g_assert_nonnull (title_row);
  /* The window gets the keyboard focus when the X server says so: how
   * long that takes depends on the machine's load. */
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    GtkWidget *focus;

    while (((focus = gtk_window_get_focus (GTK_WINDOW (setup))) == NULL || !gtk_widget_has_focus (focus)) &&
           g_get_monotonic_time () < end)
      gdnn_ui_iterate (20);
  }
  g_assert_true (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (setup))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (setup)), title_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Tập huấn sử dụng phần mềm báo cáo");
  add = gdnn_ui_find_button (setup, _T ("_Add Task"));
  g_assert_nonnull (add);
  assert_in_sight (add, setup);
  gdnn_ui_save_png (setup, "firstday-04-own-task.png");
  g_signal_emit_by_name (add, "clicked");
  gdnn_ui_iterate (200);
  g_assert_cmpint (gdnn_test_query_int (store, "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id "
                                               "WHERE t.title = 'Tập huấn sử dụng phần mềm báo cáo' "
                                               "AND p.number = '401/KH-UBND' AND t.unit_id = "
                                               "(SELECT id FROM unit WHERE code = 'BG-CD01');"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (setup));

  /* Back on the Tasks page, the list has it (read again). */
  gdnn_ui_iterate (200);
  for (guint i = 0; i < 500 && gdnn_tasks_page_is_loading (page); i++)
    gdnn_ui_iterate (20);
  {
    GListModel *rows = gdnn_tasks_page_get_rows (page);
    guint found = 0;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GdnnTaskRow) row = g_list_model_get_item (rows, i);
        if (g_strcmp0 (gdnn_task_row_get_task (row)->title, "Tập huấn sử dụng phần mềm báo cáo") == 0)
          found++;
      }
    g_assert_cmpuint (found, ==, 1);
  }

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

static void
test_getting_started (void)
{
  GdnnHelpWindow *help = gdnn_help_window_new (NULL);
  GtkWidget *row;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (help), 640, 680);
  gtk_window_present (GTK_WINDOW (help));
  gdnn_ui_iterate (300);
  row = find_row (GTK_WIDGET (help), ADW_TYPE_ACTION_ROW, _T ("1. Create your unit and its office"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "1. Tạo đơn vị của bạn và cơ quan cấp trên");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   _T ("Press Ctrl+N (New Unit in the main menu) and enter your school's code, name and kind. "
                       "Under “Reports to”, choose the office you send reports to, or “New office…” to create it "
                       "there. Save is at the top of the window. A unit already in the list: the pencil beside "
                       "its name, or Ctrl+E, opens it."));
  gdnn_ui_collect (row, GTK_TYPE_SHORTCUT_LABEL, shortcuts);
  g_assert_cmpuint (shortcuts->len, ==, 1);
  g_assert_cmpstr (gtk_shortcut_label_get_accelerator (shortcuts->pdata[0]), ==, "<Control>n");
  row = find_row (GTK_WIDGET (help), ADW_TYPE_ACTION_ROW, _T ("2. Attach the plans and add your own tasks"));
  g_assert_nonnull (row);
  /* Its button is in sight at the window's default size. */
  assert_in_sight (gdnn_ui_find_button (GTK_WIDGET (help), _T ("_Start")), GTK_WIDGET (help));
  gdnn_ui_save_png (GTK_WIDGET (help), "firstday-06-getting-started.png");
  gtk_window_destroy (GTK_WINDOW (help));
  gdnn_ui_iterate (100);
}

/* The other dialogs' buttons, at their default sizes on a 1366×768
 * screen: the backup window's. */
static void
test_dialog_buttons (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GdnnStore) store = gdnn_ui_open_demo_store (&dir);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *backups;
  GdnnWindow *window;

  app = adw_application_new ("vn.gdnn.Report.TestDialogs", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_ui_iterate (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  backups = gdnn_ui_wait_for_toplevel (GDNN_TYPE_BACKUP_WINDOW, NULL);
  gdnn_ui_iterate (500);
  assert_in_sight (gdnn_ui_find_button (backups, _T ("_Back Up Now")), backups);
  gtk_window_destroy (GTK_WINDOW (backups));

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/firstday/first-start", test_first_start);
  g_test_add_func ("/ui/firstday/add-own-task", test_add_own_task);
  g_test_add_func ("/ui/firstday/getting-started", test_getting_started);
  g_test_add_func ("/ui/firstday/dialog-buttons", test_dialog_buttons);

  return g_test_run ();
}
