/* test-ui-budget.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The budget page of the real window on the demo database under Xvfb:
 * amounts typed into the cells are saved and reformatted, the totals
 * follow, a refusal shows beside the row and changes nothing, and the
 * "Add Line" dialog adds a unit's own line. PNGs go to the test output. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdnn-budget.h"
#include "gdnn-budget-page.h"
#include "gdnn-demo.h"
#include "gdnn-i18n.h"
#include "gdnn-test-utils.h"
#include "gdnn-text.h"
#include "gdnn-ui-test-utils.h"
#include "gdnn-window.h"

/* One application for every test: a second registration would fail. */
static AdwApplication *app;

typedef struct
{
  char           *dir;
  GdnnStore      *store;
  GdnnWindow     *window;
  GdnnBudgetPage *page;
} UiFixture;

static void
ui_setup (UiFixture     *f,
          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GDate today;

  f->store = gdnn_ui_open_demo_store (&f->dir);

  f->window = gdnn_window_new (app, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  gdnn_ui_iterate (300);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (f->window, &today);
  g_assert_true (gdnn_window_select_plan (f->window, "BG-CD01", "401/KH-UBND"));
  gdnn_window_show_page (f->window, "budget");
  gdnn_ui_iterate (500);

  gdnn_ui_collect (GTK_WIDGET (f->window), GDNN_TYPE_BUDGET_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  f->page = g_ptr_array_index (pages, 0);
}

static void
ui_teardown (UiFixture     *f,
             gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gdnn_ui_iterate (100);
  g_clear_object (&f->store);
  gdnn_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The amount entries of one column, in row order. */
static GPtrArray *
amount_entries (UiFixture *f,
                gboolean   planned)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *entries = g_ptr_array_new ();

  gdnn_ui_collect (GTK_WIDGET (f->page), GTK_TYPE_ENTRY, all);
  for (guint i = 0; i < all->len; i++)
    if (GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (all, i), "planned")) == planned)
      g_ptr_array_add (entries, g_ptr_array_index (all, i));
  return entries;
}

/* The planned amount in the row titled @title of the footer's block for
 * the year (0) or for the whole plan (1); NULL without such a row. */
static const char *
footer_amount (UiFixture  *f,
               guint       block,
               const char *title)
{
  g_autoptr(GPtrArray) grids = g_ptr_array_new ();
  GtkGrid *grid;

  gdnn_ui_collect (GTK_WIDGET (f->page), GTK_TYPE_GRID, grids);
  g_assert_cmpuint (grids->len, ==, 2);
  grid = g_ptr_array_index (grids, block);
  for (int row = 1; row < 10; row++)
    {
      GtkWidget *head = gtk_grid_get_child_at (grid, 0, row);
      if (head != NULL && g_str_equal (gtk_label_get_text (GTK_LABEL (head)), title))
        return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 1, row)));
    }
  return NULL;
}

static const char *
total_planned (UiFixture *f,
               guint      block)
{
  const char *text = footer_amount (f, block, _("Total"));

  g_assert_nonnull (text);
  return text;
}

/* BG-CD01's planned amount on the plan's first line in 2026, or -1. */
static gint64
first_line_2026 (GdnnStore *store)
{
  return gdnn_test_query_int (store,
    "SELECT coalesce ((SELECT y.planned FROM budget_year y WHERE y.year = 2026 "
    "AND y.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') AND y.line_id = "
    "(SELECT l.id FROM budget_line l JOIN plan p ON p.id = l.plan_id WHERE p.number = '401/KH-UBND' "
    "ORDER BY l.position, l.id LIMIT 1)), -1);");
}

/* BG-CD01's planned amounts summed as SQL sums them, formatted. */
static char *
unit_planned (GdnnStore  *store,
              const char *years)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (y.planned), 0) FROM budget_year y "
                                          "JOIN budget_line l ON l.id = y.line_id JOIN plan p ON p.id = l.plan_id "
                                          "WHERE p.number = '401/KH-UBND' AND y.year %s "
                                          "AND y.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01');", years);
  return gdnn_format_integer (gdnn_test_query_int (store, sql));
}

/* Everything but BG-CD01's figures, to see that its edits stay its own. */
static char *
others_figures (GdnnStore *store)
{
  return gdnn_test_query_text (store,
    "SELECT group_concat (x, ',') FROM (SELECT line_id || ':' || ifnull (unit_id, 'plan') || ':' || year || ':' "
    "|| planned || ':' || ifnull (spent, '-') AS x FROM budget_year WHERE unit_id IS NOT "
    "(SELECT id FROM unit WHERE code = 'BG-CD01') ORDER BY line_id, unit_id, year);");
}

static void
test_enter_amounts (UiFixture     *f,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) planned = amount_entries (f, TRUE);
  g_autoptr(GPtrArray) spent = amount_entries (f, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *others_before = others_figures (f->store);
  g_autofree char *others_after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;
  gint64 log_before = gdnn_test_count (f->store, "change_log");
  GtkWidget *cell;
  gboolean has;
  gint64 dong;

  /* The plan's two lines with the college's own figures for 2026, the
   * window's year; the plan gives no figure for 2026. */
  g_assert_cmpuint (planned->len, ==, 2);
  g_assert_cmpuint (spent->len, ==, 2);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), "2026"));
  g_assert_cmpint (first_line_2026 (f->store), >, 0);
  stored = gdnn_format_integer (first_line_2026 (f->store));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (planned, 0))), ==, stored);
  expected = unit_planned (f->store, "= 2026");
  g_assert_cmpstr (total_planned (f, 0), ==, expected);
  g_assert_null (footer_amount (f, 0, _("Plan figure")));
  /* Over the whole plan: the college's sum, and the plan's 1,4 tỷ đồng
   * over 2022–2025 beside it. */
  g_clear_pointer (&expected, g_free);
  expected = unit_planned (f->store, "> 0");
  g_assert_cmpstr (total_planned (f, 1), ==, expected);
  g_assert_cmpstr (footer_amount (f, 1, _("Plan figure")), ==, "1.400.000.000");
  gdnn_ui_save_png (GTK_WIDGET (f->window), "budget-01-page.png");

  /* Typed into the planned cell and confirmed with Enter: the college's
   * figure changes, no other unit's and not the plan's. */
  cell = g_ptr_array_index (planned, 0);
  gtk_editable_set_text (GTK_EDITABLE (cell), "1.400.000.000");
  g_signal_emit_by_name (cell, "activate");
  gdnn_ui_iterate (200);
  g_assert_cmpint (first_line_2026 (f->store), ==, 1400000000);
  g_assert_cmpint (gdnn_test_count (f->store, "change_log"), ==, log_before + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "1.400.000.000");
  g_clear_pointer (&expected, g_free);
  expected = unit_planned (f->store, "= 2026");
  g_assert_cmpstr (total_planned (f, 0), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = unit_planned (f->store, "> 0");
  g_assert_cmpstr (total_planned (f, 1), ==, expected);
  g_assert_cmpstr (footer_amount (f, 1, _("Plan figure")), ==, "1.400.000.000");
  others_after = others_figures (f->store);
  g_assert_cmpstr (others_after, ==, others_before);

  /* Words are accepted and the cell shows the grouped amount. */
  cell = g_ptr_array_index (spent, 0);
  gtk_editable_set_text (GTK_EDITABLE (cell), "350 triệu");
  g_signal_emit_by_name (cell, "activate");
  gdnn_ui_iterate (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "350.000.000");
  g_assert_cmpint (gdnn_test_count (f->store, "change_log"), ==, log_before + 2);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), "25%"));

  /* A fraction of a đồng is refused beside the row; nothing changes. */
  g_assert_false (gdnn_budget_parse_money ("12,5", &has, &dong, &error));
  refusal = g_strdup (error->message);
  cell = g_ptr_array_index (planned, 0);
  gtk_editable_set_text (GTK_EDITABLE (cell), "12,5");
  g_signal_emit_by_name (cell, "activate");
  gdnn_ui_iterate (200);
  g_assert_cmpint (first_line_2026 (f->store), ==, 1400000000);
  g_assert_cmpint (gdnn_test_count (f->store, "change_log"), ==, log_before + 2);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), refusal));
  g_clear_pointer (&expected, g_free);
  expected = unit_planned (f->store, "= 2026");
  g_assert_cmpstr (total_planned (f, 0), ==, expected);
  gdnn_ui_save_png (GTK_WIDGET (f->window), "budget-02-refused.png");

  /* Typing the stored amount back clears the refusal. */
  gtk_editable_set_text (GTK_EDITABLE (cell), "1.400.000.000");
  g_signal_emit_by_name (cell, "activate");
  gdnn_ui_iterate (200);
  g_assert_null (gdnn_ui_find_label (GTK_WIDGET (f->page), refusal));

  /* Spending above the plan is saved and flagged, not refused. */
  cell = g_ptr_array_index (spent, 0);
  gtk_editable_set_text (GTK_EDITABLE (cell), "1.500.000.000");
  g_signal_emit_by_name (cell, "activate");
  gdnn_ui_iterate (200);
  g_assert_cmpint (gdnn_test_count (f->store, "change_log"), ==, log_before + 3);
  {
    GdnnBudgetYear over = { 2026, 1400000000, TRUE, 1500000000 };
    g_autofree char *warning = gdnn_budget_check_year (&over);
    GtkWidget *label = gdnn_ui_find_label (GTK_WIDGET (f->page), warning);

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_has_css_class (label, "warning"));
  }
  gdnn_ui_save_png (GTK_WIDGET (f->window), "budget-03-overspent.png");
  g_clear_pointer (&others_after, g_free);
  others_after = others_figures (f->store);
  g_assert_cmpstr (others_after, ==, others_before);

  /* In 2025 the plan's figure stands beside each line, read-only, and
   * under the year's total. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    gdnn_ui_collect (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, dropdowns);
    g_assert_cmpuint (dropdowns->len, ==, 1);
    gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 2025 - 2022);
    gdnn_ui_iterate (300);
  }
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), "150.000.000"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), "200.000.000"));
  g_assert_cmpstr (footer_amount (f, 0, _("Plan figure")), ==, "350.000.000");
  g_clear_pointer (&expected, g_free);
  expected = unit_planned (f->store, "= 2025");
  g_assert_cmpstr (total_planned (f, 0), ==, expected);
  g_clear_pointer (&planned, g_ptr_array_unref);
  planned = amount_entries (f, TRUE);
  g_clear_pointer (&stored, g_free);
  stored = gdnn_test_query_text (f->store, "SELECT planned FROM budget_year y JOIN budget_line l ON l.id = y.line_id "
                                           "WHERE y.year = 2025 AND y.unit_id = (SELECT id FROM unit WHERE code = 'BG-CD01') "
                                           "ORDER BY l.position, l.id LIMIT 1;");
  {
    g_autofree char *shown = gdnn_format_integer (g_ascii_strtoll (stored, NULL, 10));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (planned, 0))), ==, shown);
  }
  gdnn_ui_save_png (GTK_WIDGET (f->window), "budget-07-reference.png");

  /* At 1024×600 the page still shows the lines and the totals. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
  gdnn_ui_iterate (500);
  gdnn_ui_save_png (GTK_WIDGET (f->window), "budget-04-small.png");
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_add_line (UiFixture     *f,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = amount_entries (f, TRUE);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  GtkWidget *name;
  g_autofree char *duplicate = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL));
  gdnn_ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gdnn_ui_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
  gdnn_ui_collect (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  name = g_ptr_array_index (entries, 0);

  /* Add is off until a name is typed; a name already used (in any case)
   * says why. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  duplicate = gdnn_test_query_text (f->store, "SELECT upper (name) FROM budget_line ORDER BY id LIMIT 1;");
  gtk_editable_set_text (GTK_EDITABLE (name), duplicate);
  gdnn_ui_iterate (100);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  {
    g_autoptr(GdnnUnit) unit = gdnn_test_find_unit (f->store, "BG-CD01");
    g_autoptr(GdnnPlan) plan = gdnn_test_find_plan (f->store, "401/KH-UBND");
    g_autoptr(GPtrArray) lines = gdnn_budget_list_lines (f->store, plan->id, unit->id, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (gdnn_budget_check_line_name (lines, duplicate, &error));
    g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (dialog), error->message));
  }

  gtk_editable_set_text (GTK_EDITABLE (name), "Mua sắm thiết bị phòng học số");
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), GDNN_SOURCE_XA_HOI_HOA);
  gdnn_ui_iterate (100);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  gdnn_ui_save_png (GTK_WIDGET (dialog), "budget-05-add-line.png");
  adw_message_dialog_response (dialog, "add");
  gdnn_ui_iterate (300);

  g_assert_cmpint (gdnn_test_query_int (f->store, "SELECT count(*) FROM budget_line l JOIN unit u ON u.id = l.unit_id "
                                                  "WHERE u.code = 'BG-CD01' AND l.source = 'xa_hoi_hoa' "
                                                  "AND l.name = 'Mua sắm thiết bị phòng học số';"), ==, 1);
  after = amount_entries (f, TRUE);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), "Mua sắm thiết bị phòng học số"));
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), C_("budget line", "Own line")));
  /* Its source now has a row in the totals. */
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f->page), gdnn_budget_source_label (GDNN_SOURCE_XA_HOI_HOA)));
  gdnn_ui_save_png (GTK_WIDGET (f->window), "budget-06-own-line.png");
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  gdnn_ui_test_init (&argc, &argv);

  app = adw_application_new ("vn.gdnn.Report.TestBudget", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/budget/enter-amounts", UiFixture, NULL, ui_setup, test_enter_amounts, ui_teardown);
  g_test_add ("/ui/budget/add-line", UiFixture, NULL, ui_setup, test_add_line, ui_teardown);

  rc = g_test_run ();
  g_clear_object (&app);
  return rc;
}
