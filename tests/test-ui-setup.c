/* test-ui-setup.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The unit set-up window on the demo database under Xvfb: opened from
 * the sidebar, driven through its rows and buttons, and checked in the
 * database and the sidebar. PNGs of each page go to the test output. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-store-private.h"
#include "gdnn-unit-setup-window.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

typedef struct
{
  char           *dir;
  GdnnStore      *store;
  AdwApplication *app;
  GdnnWindow     *window;
} UiFixture;

static AdwApplication *the_app;

static void
ui_setup (UiFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = gdnn_ui_open_demo_store (&f->dir);

  /* One application for all tests: an id registers once per process. */
  if (the_app == NULL)
    {
      the_app = adw_application_new ("vn.gdnn.Report.TestSetup", G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (the_app), NULL, &error));
    }
  f->app = g_object_ref (the_app);
  f->window = gdnn_window_new (f->app, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  gdnn_ui_iterate (400);
}

static void
ui_teardown (UiFixture     *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gdnn_ui_iterate (100);
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  gdnn_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Every widget of @type under @root, mapped or not (pages that are not
 * shown are not mapped). */
static void
collect_all (GtkWidget *root,
             GType      type,
             GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_all (child, type, out);
}

/* The preferences row titled @msgid (translated as the window shows it). */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *msgid)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *title = g_dgettext (GETTEXT_PACKAGE, msgid);

  collect_all (root, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("No row titled “%s”", title);
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *msgid)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *label = g_dgettext (GETTEXT_PACKAGE, msgid);

  collect_all (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("No button “%s”", label);
  return NULL;
}

static GdnnUnitSetupWindow *
find_setup_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (GDNN_IS_UNIT_SETUP_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GDNN_UNIT_SETUP_WINDOW (w);
    }
  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, title)), text);
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  gdnn_ui_iterate (200);
}

static void
show_page (GdnnUnitSetupWindow *setup,
           const char          *name)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (setup), name);
  gdnn_ui_iterate (300);
}

/* Opens BG-TC02's set-up with the edit button of its sidebar row. */
static GdnnUnitSetupWindow *
open_from_sidebar (UiFixture  *f,
                   const char *code)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM unit WHERE code = '%s';", code);
  gint64 id = gdnn_test_query_int (f->store, sql);
  GdnnUnitSetupWindow *setup;

  gdnn_ui_collect (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (buttons->pdata[i]);

      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.edit-unit") == 0 &&
          target != NULL && g_variant_get_int64 (target) == id)
        {
          click (buttons->pdata[i]);
          gdnn_ui_iterate (300);
          setup = find_setup_window ();
          g_assert_nonnull (setup);
          g_assert_cmpint (gdnn_unit_setup_window_get_unit_id (setup), ==, id);
          return setup;
        }
    }
  g_error ("No edit button for %s in the sidebar", code);
  return NULL;
}

static void
test_details (UiFixture     *f,
              gconstpointer  data)
{
  GdnnUnitSetupWindow *setup;
  GtkWidget *root;
  g_autofree char *head = NULL;
  g_autofree char *address = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 log_before;

  g_assert_true (gdnn_window_select_plan (f->window, "BG-TC02", "401/KH-UBND"));
  gdnn_ui_iterate (300);
  setup = open_from_sidebar (f, "BG-TC02");
  root = GTK_WIDGET (setup);
  gdnn_ui_save_png (root, "setup-01-details.png");

  /* The rows show the stored details. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, "_Code"))), ==, "BG-TC02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, "_Head's name"))),
                   ==, "Lê Văn Cường");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (root, ADW_TYPE_COMBO_ROW, "O_wnership"))),
                    ==, GDNN_OWNERSHIP_CONG_LAP);

  /* Head's name, address and name, then Save. */
  type_into (root, "_Head's name", "Nguyễn Thị Hoa");
  type_into (root, "_Address", "Số 5 phố Thanh Xuân, thị trấn Chũ, huyện Lục Ngạn");
  type_into (root, "_Name", "Trường Trung cấp Nghề Lục Ngạn Bắc Giang");
  click (find_button (root, "Sa_ve"));

  head = gdnn_test_query_text (f->store, "SELECT head_name FROM unit WHERE code = 'BG-TC02';");
  address = gdnn_test_query_text (f->store, "SELECT address FROM unit WHERE code = 'BG-TC02';");
  title = gdnn_test_query_text (f->store, "SELECT head_title FROM unit WHERE code = 'BG-TC02';");
  g_assert_cmpstr (head, ==, "Nguyễn Thị Hoa");
  g_assert_cmpstr (address, ==, "Số 5 phố Thanh Xuân, thị trấn Chũ, huyện Lục Ngạn");
  g_assert_cmpstr (title, ==, "Hiệu trưởng");   /* untouched */
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE entity = 'unit' AND action = 'update';"),
                   ==, 1);
  /* The sidebar was reloaded with the new name, and the plan stays selected. */
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->window), "Trường Trung cấp Nghề Lục Ngạn Bắc Giang"));
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (
    gtk_widget_get_ancestor (gdnn_ui_find_label (GTK_WIDGET (f->window), "Trường Trung cấp Nghề Lục Ngạn Bắc Giang"),
                             GTK_TYPE_LIST_BOX))));

  /* An empty code: the message, and nothing stored. */
  log_before = gdnn_test_query_int (f->store, "SELECT count(*) FROM change_log;");
  type_into (root, "_Code", "");
  type_into (root, "_Head's name", "Người Khác");
  click (find_button (root, "Sa_ve"));
  g_assert_nonnull (gdnn_ui_find_label (root, g_dgettext (GETTEXT_PACKAGE, "Enter the unit's code.")));
  g_assert_true (gtk_widget_has_css_class (find_row (root, ADW_TYPE_ENTRY_ROW, "_Code"), "error"));
  gdnn_ui_save_png (root, "setup-02-details-error.png");

  /* A code another unit uses: refused too. */
  type_into (root, "_Code", "BG-CD01");
  click (find_button (root, "Sa_ve"));
  g_assert_nonnull (gdnn_ui_find_label (root, "BG-CD01"));
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM change_log;"), ==, log_before);
  g_clear_pointer (&head, g_free);
  head = gdnn_test_query_text (f->store, "SELECT head_name FROM unit WHERE code = 'BG-TC02';");
  g_assert_cmpstr (head, ==, "Nguyễn Thị Hoa");
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE code = 'BG-TC02';"), ==, 1);

  /* Back to a valid code: saved, message gone. */
  type_into (root, "_Code", "BG-TC02");
  click (find_button (root, "Sa_ve"));
  g_assert_null (gdnn_ui_find_label (root, g_dgettext (GETTEXT_PACKAGE, "Enter the unit's code.")));
  name = gdnn_test_query_text (f->store, "SELECT head_name FROM unit WHERE code = 'BG-TC02';");
  g_assert_cmpstr (name, ==, "Người Khác");

  gtk_window_destroy (GTK_WINDOW (setup));
}

static void
test_plans_and_tasks (UiFixture     *f,
                      gconstpointer  data)
{
  GdnnUnitSetupWindow *setup = open_from_sidebar (f, "BG-TC02");
  GtkWidget *root = GTK_WIDGET (setup);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *due = NULL;
  GtkWidget *attach = NULL;
  AdwComboRow *plan_row;
  GListModel *model;
  gint64 log_before;

  show_page (setup, "plans");
  gdnn_ui_save_png (root, "setup-03-plans.png");

  /* Attach Lâm Đồng's plan with the button of its row. */
  collect_all (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len && attach == NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "88-KH/TU") == 0)
      {
        g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
        collect_all (rows->pdata[i], GTK_TYPE_BUTTON, buttons);
        g_assert_cmpuint (buttons->len, ==, 1);
        attach = buttons->pdata[0];
      }
  g_assert_nonnull (attach);
  click (attach);
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM unit_plan up JOIN unit u ON u.id = up.unit_id "
                                        "JOIN plan p ON p.id = up.plan_id WHERE u.code = 'BG-TC02' "
                                        "AND p.number = '88-KH/TU';"), ==, 1);
  g_assert_true (gdnn_window_select_plan (f->window, "BG-TC02", "88-KH/TU"));

  /* Detaching 401/KH-UBND, which holds values, is refused with a message. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();
    GtkWidget *detach = NULL;

    g_ptr_array_set_size (rows, 0);
    collect_all (root, ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len && detach == NULL; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "401/KH-UBND") == 0)
        {
          collect_all (rows->pdata[i], GTK_TYPE_BUTTON, all);
          detach = all->pdata[0];
        }
    g_assert_nonnull (detach);
    click (detach);
    g_assert_nonnull (gdnn_ui_find_label (root, "401/KH-UBND ("));
    g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM unit_plan up JOIN unit u ON u.id = up.unit_id "
                                          "WHERE u.code = 'BG-TC02';"), ==, 2);
  }
  gdnn_ui_save_png (root, "setup-04-plans-attached.png");

  /* An own task for 401/KH-UBND. */
  show_page (setup, "tasks");
  plan_row = ADW_COMBO_ROW (find_row (root, ADW_TYPE_COMBO_ROW, "P_lan"));
  model = adw_combo_row_get_model (plan_row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "401/KH-UBND"))
      adw_combo_row_set_selected (plan_row, i);
  gdnn_ui_iterate (200);
  log_before = gdnn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE entity = 'task';");

  type_into (root, "_Task", "Số hóa hồ sơ học sinh khóa 2026");
  type_into (root, "Deadl_ine (dd/mm/yyyy)", "31/02/2026");
  click (find_button (root, "_Add Task"));
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM task WHERE unit_id IS NOT NULL;"), ==, 0);
  g_assert_true (gtk_widget_has_css_class (find_row (root, ADW_TYPE_ENTRY_ROW, "Deadl_ine (dd/mm/yyyy)"), "error"));

  type_into (root, "Deadl_ine (dd/mm/yyyy)", "15/11/2026");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (root, ADW_TYPE_COMBO_ROW, "_Group")), 1);
  click (find_button (root, "_Add Task"));
  due = gdnn_test_query_text (f->store, "SELECT t.due_date || ' ' || t.code || ' ' || g.code FROM task t "
                              "JOIN unit u ON u.id = t.unit_id JOIN task_group g ON g.id = t.group_id "
                              "WHERE u.code = 'BG-TC02' AND t.title = 'Số hóa hồ sơ học sinh khóa 2026';");
  g_assert_cmpstr (due, ==, "2026-11-15 BG-TC02.1 II.1");
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE entity = 'task';"), ==, log_before + 1);
  g_assert_nonnull (gdnn_ui_find_label (root, "Số hóa hồ sơ học sinh khóa 2026"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, "_Task"))), ==, "");
  gdnn_ui_save_png (root, "setup-05-tasks.png");

  gtk_window_destroy (GTK_WINDOW (setup));
}

static void
test_targets_and_new_unit (UiFixture     *f,
                           gconstpointer  data)
{
  GdnnUnitSetupWindow *setup = open_from_sidebar (f, "BK-CD01");
  GtkWidget *root = GTK_WIDGET (setup);
  GtkWidget *target;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* Bắc Kạn gives the college its own enrolment target: 340 → 360. */
  show_page (setup, "tasks");
  collect_all (root, ADW_TYPE_ENTRY_ROW, rows);
  target = NULL;
  for (guint i = 0; i < rows->len && target == NULL; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (rows->pdata[i]), "I.2.1 · "))
      target = rows->pdata[i];
  g_assert_nonnull (target);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "340");
  gtk_widget_grab_focus (target);
  gdnn_ui_iterate (300);
  gdnn_ui_save_png (root, "setup-06-targets.png");
  gtk_editable_set_text (GTK_EDITABLE (target), "360");
  g_signal_emit_by_name (target, "apply");
  gdnn_ui_iterate (200);
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM target t JOIN plan_body b ON b.id = t.body_id "
                                        "JOIN unit u ON u.id = b.unit_id JOIN indicator i ON i.id = t.indicator_id "
                                        "WHERE u.code = 'BK-CD01' AND i.code = 'I.2.1' AND t.value = 360;"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (setup));

  /* New unit from the main menu's action: only the details until saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-unit", NULL));
  gdnn_ui_iterate (300);
  setup = find_setup_window ();
  g_assert_nonnull (setup);
  root = GTK_WIDGET (setup);
  g_assert_cmpint (gdnn_unit_setup_window_get_unit_id (setup), ==, 0);
  type_into (root, "_Code", "BG-TC20");
  type_into (root, "_Name", "Trường Trung cấp Kỹ thuật Yên Dũng");
  type_into (root, "E_mail", "not an address");
  click (find_button (root, "Sa_ve"));
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE code = 'BG-TC20';"), ==, 0);
  g_assert_true (gtk_widget_has_css_class (find_row (root, ADW_TYPE_ENTRY_ROW, "E_mail"), "error"));
  type_into (root, "E_mail", "vanthu@tcyd.edu.vn");
  click (find_button (root, "Sa_ve"));
  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE code = 'BG-TC20' AND is_sample = 0 "
                                        "AND type = 'trung_cap' AND ownership = 'cong_lap';"), ==, 1);
  g_assert_cmpint (gdnn_unit_setup_window_get_unit_id (setup), >, 0);
  show_page (setup, "plans");
  gdnn_ui_save_png (root, "setup-07-new-unit-plans.png");
  gtk_window_destroy (GTK_WINDOW (setup));
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add ("/ui/unit-setup/details", UiFixture, NULL, ui_setup, test_details, ui_teardown);
  g_test_add ("/ui/unit-setup/plans-and-tasks", UiFixture, NULL, ui_setup, test_plans_and_tasks,
              ui_teardown);
  g_test_add ("/ui/unit-setup/targets-and-new-unit", UiFixture, NULL, ui_setup, test_targets_and_new_unit,
              ui_teardown);

  {
    int rc = g_test_run ();
    g_clear_object (&the_app);
    return rc;
  }
}
