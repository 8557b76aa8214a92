/* test-ui-values.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The value page in the real window at 1366×768 on the demo database
 * under Xvfb, typed into through real key presses (XTest): the orders in
 * which a secretary fills a ratio, a value below its track and its
 * explanation, Enter and Tab, undo in between; every result is read back
 * through the store. Then how many rows, headers and names the table
 * shows at that size. PNGs go to the test output. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-demo.h"
#include "gdnn-help-window.h"
#include "gdnn-i18n.h"
#include "gdnn-store.h"
#include "gdnn-task-row.h"
#include "gdnn-text.h"
#include "gdnn-value-row.h"
#include "gdnn-values-page.h"
#include "gdnn-window.h"
#include "gdnn-ui-keyboard.h"
#include "gdnn-ui-test-utils.h"

/* A row's cells, in their order. */
typedef enum
{
  NUMERATOR,
  DENOMINATOR,
  NOTE,
} Cell;

typedef struct
{
  char           *dir;
  GdnnStore      *store;
  AdwApplication *app;
  GdnnWindow     *window;
  GdnnValuesPage *page;
  GtkColumnView  *view;
  gint64          unit_id;
  GPtrArray      *indicators;
} Form;

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  gdnn_ui_collect (root, type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static const GdnnIndicator *
indicator (Form       *f,
           const char *code)
{
  for (guint i = 0; i < f->indicators->len; i++)
    {
      const GdnnIndicator *ind = g_ptr_array_index (f->indicators, i);
      if (g_str_equal (ind->code, code))
        return ind;
    }
  g_error ("No indicator %s", code);
  return NULL;
}

/* Empties the 2026 value of @code through the store, as a unit that has
 * not entered it yet. */
static void
clear_value (Form       *f,
             const char *code)
{
  g_autoptr(GdnnValue) value = gdnn_value_new ();
  g_autoptr(GError) error = NULL;

  value->unit_id = f->unit_id;
  value->indicator_id = indicator (f, code)->id;
  value->year = 2026;
  value->period = g_strdup ("year");
  g_assert_true (gdnn_store_set_value (f->store, value, &error));
  g_assert_no_error (error);
}

/* The window at 1366×768 on the values of 2026 of the college BG-CD01 for
 * plan 401/KH-UBND, whose values of @cleared (NULL-terminated) are
 * emptied first. @id: the application's id, one per test (an application
 * stays exported on the session bus). */
static void
form_open_full (Form              *f,
                const char        *id,
                const char *const *cleared,
                gboolean           no_notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnUnit) unit = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  GDate today;

  f->store = gdnn_ui_open_demo_store (&f->dir);
  unit = gdnn_test_find_unit (f->store, "BG-CD01");
  plan = gdnn_test_find_plan (f->store, "401/KH-UBND");
  f->unit_id = unit->id;
  f->indicators = gdnn_store_list_indicators (f->store, plan->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; cleared != NULL && cleared[i] != NULL; i++)
    clear_value (f, cleared[i]);
  /* Explanations not written yet: the rows behind their track are flagged. */
  for (guint i = 0; no_notes && i < f->indicators->len; i++)
    {
      const GdnnIndicator *ind = g_ptr_array_index (f->indicators, i);
      g_autoptr(GdnnValue) value = gdnn_store_get_value (f->store, f->unit_id, ind->id, 2026, "year", &error);

      g_assert_no_error (error);
      g_clear_pointer (&value->note, g_free);
      g_assert_true (gdnn_store_set_value (f->store, value, &error));
      g_assert_no_error (error);
    }

  /* The application's resources as gdnn-report has them: its style sheet. */
  f->app = g_object_new (ADW_TYPE_APPLICATION, "application-id", id, "flags", G_APPLICATION_NON_UNIQUE,
                         "resource-base-path", "/vn/gdnn/Report", NULL);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);

  f->window = gdnn_window_new (f->app, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  gdnn_ui_iterate (500);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  gdnn_window_set_today (f->window, &today);
  g_assert_true (gdnn_window_select_plan (f->window, "BG-CD01", "401/KH-UBND"));
  gdnn_ui_iterate (300);
  gdnn_window_show_page (f->window, "values");
  f->page = gdnn_window_get_values_page (f->window);
  gdnn_ui_wait_for_n_items (gdnn_values_page_get_rows (f->page), f->indicators->len);
  g_assert_cmpuint (g_list_model_get_n_items (gdnn_values_page_get_rows (f->page)), ==, 11);
  gdnn_ui_iterate (300);
  f->view = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
}

static void
form_open (Form              *f,
           const char        *id,
           const char *const *cleared)
{
  form_open_full (f, id, cleared, FALSE);
}

static void
form_close (Form *f)
{
  g_clear_pointer (&f->indicators, g_ptr_array_unref);
  gdnn_ui_close (GTK_WINDOW (f->window), &f->store, f->dir);
  g_clear_object (&f->app);
  g_free (f->dir);
}

static GdnnValueRow *
value_row (Form       *f,
           const char *code)
{
  GListModel *rows = gdnn_values_page_get_rows (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (rows, i);
      if (g_str_equal (gdnn_value_row_get_indicator (row)->code, code))
        return row;
    }
  g_error ("No row %s", code);
  return NULL;
}

/* The entry of @field on the row of @code: a row's entries are, in
 * order, the numerator, the denominator and the explanation. */
static GtkWidget *
cell_entry (Form       *f,
            const char *code,
            Cell        field)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  int seen = 0;

  gdnn_ui_collect (GTK_WIDGET (f->view), GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      GdnnValueRow *row = g_object_get_data (entries->pdata[i], "row");
      if (row != NULL && g_str_equal (gdnn_value_row_get_indicator (row)->code, code) && seen++ == (int) field)
        return entries->pdata[i];
    }
  g_error ("No entry %d of %s", field, code);
  return NULL;
}

/* The row and the field of the entry that has the keyboard focus. */
static const char *
focused_cell (Form *f,
              int  *field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
  GdnnValueRow *row = entry != NULL ? g_object_get_data (G_OBJECT (entry), "row") : NULL;

  *field = -1;
  if (row == NULL)
    return NULL;
  for (int i = 0; i < 3; i++)
    if (cell_entry (f, gdnn_value_row_get_indicator (row)->code, i) == entry)
      *field = i;
  return gdnn_value_row_get_indicator (row)->code;
}

/* The keyboard focus is in the entry of @field on the row of @code. */
static void
assert_focus (Form       *f,
              const char *code,
              Cell        field)
{
  int focused_field;
  const char *focused = focused_cell (f, &focused_field);

  g_test_message ("focus: %s, field %d; expected %s, field %d", focused, focused_field, code, field);
  g_assert_cmpstr (focused, ==, code);
  g_assert_cmpint (focused_field, ==, field);
}

static void
focus_cell (Form           *f,
            const char     *code,
            Cell            field)
{
  gtk_widget_grab_focus (cell_entry (f, code, field));
  gdnn_ui_iterate (50);
  assert_focus (f, code, field);
}

/* The 2026 value of @code as stored: exactly these numbers and note
 * (has_* FALSE for an empty number, NULL for no note). */
static void
assert_stored (Form       *f,
               const char *code,
               gboolean    has_numerator,
               double      numerator,
               gboolean    has_denominator,
               double      denominator,
               const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) value = gdnn_store_get_value (f->store, f->unit_id, indicator (f, code)->id, 2026,
                                                     "year", &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_cmpint (value->has_numerator, ==, has_numerator);
  if (has_numerator)
    g_assert_cmpfloat (value->numerator, ==, numerator);
  g_assert_cmpint (value->has_denominator, ==, has_denominator);
  if (has_denominator)
    g_assert_cmpfloat (value->denominator, ==, denominator);
  g_assert_cmpstr (value->note, ==, note);
}

/* The value of @code in @year as stored: exactly this ratio and note. */
static void
assert_stored_year (Form       *f,
                    const char *code,
                    int         year,
                    double      numerator,
                    double      denominator,
                    const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnValue) value = gdnn_store_get_value (f->store, f->unit_id, indicator (f, code)->id, year,
                                                     "year", &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_true (value->has_numerator && value->has_denominator);
  g_assert_cmpfloat (value->numerator, ==, numerator);
  g_assert_cmpfloat (value->denominator, ==, denominator);
  g_assert_cmpstr (value->note, ==, note);
}

/* Beside the row of @code, in its "Progress and checks" cell on screen,
 * exactly @status. */
static void
assert_status (Form       *f,
               const char *code,
               const char *status)
{
  g_autofree char *text = NULL;
  GtkWidget *shown;

  g_object_get (value_row (f, code), "status", &text, NULL);
  g_assert_cmpstr (text, ==, status);
  shown = gdnn_ui_find_label (GTK_WIDGET (f->view), status);
  g_assert_nonnull (shown);
  g_assert_true (GTK_IS_INSCRIPTION (shown));
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), ==, status);
}

static void
assert_entry_text (Form           *f,
                   const char     *code,
                   Cell            field,
                   const char     *text)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (f, code, field))), ==, text);
}

static char *
behind_status (double expected,
               gboolean flagged)
{
  g_autofree char *percent = gdnn_format_percent (expected, 1);
  g_autofree char *track = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Behind (expected %s)"), percent);

  return flagged ? g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s; needs an explanation"), track)
                 : g_steal_pointer (&track);
}

static char *
on_track_status (double expected)
{
  g_autofree char *percent = gdnn_format_percent (expected, 1);

  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "On track (expected %s)"), percent);
}

static char *
half_ratio_status (const char *numerator)
{
  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                      "Numerator %s not saved yet: type the denominator to save the ratio."),
                          numerator);
}

/* The focus ring moves with a transition: the PNG shows where it ends. */
static void
save_png (Form       *f,
          const char *name)
{
  gdnn_ui_iterate (400);
  gdnn_ui_save_png (GTK_WIDGET (f->window), name);
}

/* The orders in which a secretary types a year's values, each through
 * real key presses; what is stored is read back through the store. In
 * 2026, I.2.a.1 and I.2.a.2 are expected at 60%, I.2.b.1 at 76%, I.2.b.2
 * at 50%. */
static void
test_values_keys (void)
{
  static const char *const cleared[] = { "I.2.a.1", "I.2.a.2", "I.2.b.1", "I.2.b.2", "I.2.c.1", NULL };
  Form f = { 0 };

  form_open (&f, "vn.gdnn.Report.TestValuesKeys", cleared);
  gdnn_ui_keyboard_init (GTK_WINDOW (f.window));

  /* Numerator, Tab, denominator, Enter: the numerator waits on the row
   * with a note until the denominator comes, then both are stored; Tab
   * went to the denominator, Enter to the next row's denominator. */
  {
    g_autofree char *waiting = half_ratio_status ("45");
    g_autofree char *on_track = on_track_status (60);

    focus_cell (&f, "I.2.a.1", NUMERATOR);
    gdnn_ui_type_text ("45");
    gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
    assert_focus (&f, "I.2.a.1", DENOMINATOR);
    assert_status (&f, "I.2.a.1", waiting);
    assert_entry_text (&f, "I.2.a.1", NUMERATOR, "45");
    assert_stored (&f, "I.2.a.1", FALSE, 0, FALSE, 0, NULL);
    save_png (&f, "values-keys-1-numerator-waits.png");

    gdnn_ui_type_text ("60");
    gdnn_ui_press_key (GDK_KEY_Return, FALSE);
    assert_stored (&f, "I.2.a.1", TRUE, 45, TRUE, 60, NULL);
    assert_status (&f, "I.2.a.1", on_track);
    assert_entry_text (&f, "I.2.a.1", NUMERATOR, "45");
    assert_focus (&f, "I.2.a.2", DENOMINATOR);
  }

  /* Denominator first, Shift+Tab back, numerator below the track, Enter:
   * stored at once and flagged; the explanation typed after it, with
   * Enter, is stored without touching the numbers and clears the flag. */
  {
    g_autofree char *flagged = behind_status (60, TRUE);
    g_autofree char *explained = behind_status (60, FALSE);

    gdnn_ui_type_text ("80");
    gdnn_ui_press_key (GDK_KEY_Tab, TRUE);
    assert_focus (&f, "I.2.a.2", NUMERATOR);
    assert_stored (&f, "I.2.a.2", FALSE, 0, TRUE, 80, NULL);
    gdnn_ui_type_text ("40");
    gdnn_ui_press_key (GDK_KEY_Return, FALSE);
    assert_stored (&f, "I.2.a.2", TRUE, 40, TRUE, 80, NULL);
    assert_status (&f, "I.2.a.2", flagged);
    assert_focus (&f, "I.2.b.1", NUMERATOR);
    save_png (&f, "values-keys-2-behind-flagged.png");

    focus_cell (&f, "I.2.a.2", NOTE);
    gdnn_ui_type_text ("thieu giao vien");
    gdnn_ui_press_key (GDK_KEY_Return, FALSE);
    assert_stored (&f, "I.2.a.2", TRUE, 40, TRUE, 80, "thieu giao vien");
    assert_status (&f, "I.2.a.2", explained);
    assert_entry_text (&f, "I.2.a.2", NUMERATOR, "40");
    assert_entry_text (&f, "I.2.a.2", DENOMINATOR, "80");
    /* Wider than its cell, the explanation reads whole in the tooltip. */
    g_assert_cmpstr (gdnn_widget_get_tooltip (cell_entry (&f, "I.2.a.2", NOTE)), ==, "thieu giao vien");
    assert_focus (&f, "I.2.b.1", NOTE);
  }

  /* The explanation before the numbers, Tab on to the next row: stored
   * alone; the numbers typed after it keep it. */
  {
    g_autofree char *explained = behind_status (76, FALSE);

    gdnn_ui_type_text ("chua du");
    gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
    assert_focus (&f, "I.2.b.2", NUMERATOR);
    assert_stored (&f, "I.2.b.1", FALSE, 0, FALSE, 0, "chua du");
    focus_cell (&f, "I.2.b.1", NUMERATOR);
    gdnn_ui_type_text ("10");
    gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
    gdnn_ui_type_text ("29");
    gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
    assert_focus (&f, "I.2.b.1", NOTE);
    assert_stored (&f, "I.2.b.1", TRUE, 10, TRUE, 29, "chua du");
    assert_status (&f, "I.2.b.1", explained);
  }

  /* Undo in between: a numerator waits, Ctrl+Z undoes the last stored
   * change (I.2.b.1's numbers), the denominator completes the ratio. */
  {
    g_autofree char *waiting = half_ratio_status ("20");

    focus_cell (&f, "I.2.b.2", NUMERATOR);
    gdnn_ui_type_text ("20");
    gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
    assert_status (&f, "I.2.b.2", waiting);
    gdnn_ui_press_ctrl (GDK_KEY_z);
    gdnn_ui_iterate (200);
    assert_stored (&f, "I.2.b.1", FALSE, 0, FALSE, 0, "chua du");
    assert_status (&f, "I.2.b.2", waiting);
    assert_entry_text (&f, "I.2.b.2", NUMERATOR, "20");
    assert_focus (&f, "I.2.b.2", DENOMINATOR);
    gdnn_ui_type_text ("34");
    gdnn_ui_press_key (GDK_KEY_Return, FALSE);
    assert_stored (&f, "I.2.b.2", TRUE, 20, TRUE, 34, NULL);
    assert_focus (&f, "I.2.c.1", DENOMINATOR);
  }

  /* Numerator, Enter: not stored, and said so on the row, which keeps it
   * through another year shown and back; the denominator typed later
   * stores both. */
  {
    g_autofree char *waiting = half_ratio_status ("113");
    GtkDropDown *year = GTK_DROP_DOWN (find_one (GTK_WIDGET (f.page), GTK_TYPE_DROP_DOWN));
    guint shown = gtk_drop_down_get_selected (year);

    focus_cell (&f, "I.2.c.1", NUMERATOR);
    gdnn_ui_type_text ("113");
    gdnn_ui_press_key (GDK_KEY_Return, FALSE);
    assert_focus (&f, "I.2.d.1a", NUMERATOR);
    assert_stored (&f, "I.2.c.1", FALSE, 0, FALSE, 0, NULL);
    assert_status (&f, "I.2.c.1", waiting);
    save_png (&f, "values-keys-3-numerator-enter.png");

    g_assert_cmpuint (shown, >, 0);
    gtk_drop_down_set_selected (year, shown - 1);
    gdnn_ui_iterate (300);
    {
      g_autoptr(GdnnValue) stored = gdnn_store_get_value (f.store, f.unit_id, indicator (&f, "I.2.c.1")->id,
                                                          2025, "year", NULL);
      g_autofree char *numerator = gdnn_format_number (stored->numerator, 0);

      g_assert_cmpint (gdnn_value_row_get_year (value_row (&f, "I.2.c.1")), ==, 2025);
      g_assert_true (stored->has_numerator);
      assert_entry_text (&f, "I.2.c.1", NUMERATOR, numerator);
    }
    gtk_drop_down_set_selected (year, shown);
    gdnn_ui_iterate (300);
    assert_entry_text (&f, "I.2.c.1", NUMERATOR, "113");
    assert_status (&f, "I.2.c.1", waiting);

    focus_cell (&f, "I.2.c.1", DENOMINATOR);
    gdnn_ui_type_text ("148");
    gdnn_ui_press_key (GDK_KEY_Return, FALSE);
    assert_stored (&f, "I.2.c.1", TRUE, 113, TRUE, 148, NULL);
  }

  /* What the hint above the table says the keys do. */
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (f.page),
                                        g_dgettext (GETTEXT_PACKAGE,
                                                    "Numbers as 1.234,5. Enter saves and goes to the row below, Tab "
                                                    "to the next cell. A numerator is saved with its denominator.")));
  form_close (&f);
}

/* The message dialog open over the window, or NULL. */
static AdwMessageDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Clicks the button of the dialog labelled @label (as translated). */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gdnn_ui_collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      {
        g_signal_emit_by_name (buttons->pdata[i], "clicked");
        gdnn_ui_iterate (300);
        return;
      }
  g_error ("No button “%s”", label);
}

/* A value of another year than the current one is changed after a
 * confirmation, asked once per year shown; cancelled, the cell shows the
 * stored value again. */
static void
test_values_other_year (void)
{
  Form f = { 0 };
  GtkDropDown *year;
  AdwMessageDialog *dialog;
  guint shown;
  g_autoptr(GdnnValue) before = NULL;

  form_open (&f, "vn.gdnn.Report.TestValuesOtherYear", NULL);
  gdnn_ui_keyboard_init (GTK_WINDOW (f.window));
  year = GTK_DROP_DOWN (find_one (GTK_WIDGET (f.page), GTK_TYPE_DROP_DOWN));
  shown = gtk_drop_down_get_selected (year);
  gtk_drop_down_set_selected (year, shown - 1);
  gdnn_ui_iterate (300);
  before = gdnn_store_get_value (f.store, f.unit_id, indicator (&f, "I.2.a.1")->id, 2025, "year", NULL);
  g_assert_nonnull (before);
  g_assert_true (before->has_numerator && before->has_denominator);

  focus_cell (&f, "I.2.a.1", NUMERATOR);
  gdnn_ui_type_text ("7");
  gdnn_ui_press_key (GDK_KEY_Return, FALSE);
  gdnn_ui_iterate (200);
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  click_response (dialog, g_dgettext (GETTEXT_PACKAGE, "_Cancel"));
  gdnn_ui_iterate (300);
  g_assert_null (open_dialog ());
  {
    g_autoptr(GdnnValue) after = gdnn_store_get_value (f.store, f.unit_id, indicator (&f, "I.2.a.1")->id, 2025,
                                                       "year", NULL);
    g_autofree char *numerator = gdnn_format_number (before->numerator, 0);

    g_assert_cmpfloat (after->numerator, ==, before->numerator);
    assert_entry_text (&f, "I.2.a.1", NUMERATOR, numerator);
  }

  focus_cell (&f, "I.2.a.1", NUMERATOR);
  gdnn_ui_type_text ("7");
  gdnn_ui_press_key (GDK_KEY_Return, FALSE);
  gdnn_ui_iterate (200);
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  click_response (dialog, g_dgettext (GETTEXT_PACKAGE, "C_hange"));
  gdnn_ui_iterate (300);
  assert_stored_year (&f, "I.2.a.1", 2025, 7, before->denominator, before->note);

  /* Asked once: the next change is stored at once. */
  focus_cell (&f, "I.2.a.2", NUMERATOR);
  gdnn_ui_type_text ("8");
  gdnn_ui_press_key (GDK_KEY_Return, FALSE);
  gdnn_ui_iterate (200);
  g_assert_null (open_dialog ());
  {
    g_autoptr(GdnnValue) other = gdnn_store_get_value (f.store, f.unit_id, indicator (&f, "I.2.a.2")->id, 2025,
                                                       "year", NULL);
    g_assert_cmpfloat (other->numerator, ==, 8);
  }
  form_close (&f);
}

/* Closing the window with a numerator waiting for its denominator: the
 * window stays open once, saying which rows are not saved; the cell being
 * typed in is committed first (a whole ratio typed without Enter is
 * saved); a second close goes ahead. */
static void
test_values_close (void)
{
  static const char *const cleared[] = { "I.2.a.1", "I.2.a.2", NULL };
  Form f = { 0 };
  GtkWidget *window;
  g_autofree char *message = NULL;

  form_open (&f, "vn.gdnn.Report.TestValuesClose", cleared);
  gdnn_ui_keyboard_init (GTK_WINDOW (f.window));
  window = GTK_WIDGET (f.window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  focus_cell (&f, "I.2.a.1", NUMERATOR);
  gdnn_ui_type_text ("45");
  gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
  focus_cell (&f, "I.2.a.2", NUMERATOR);
  gdnn_ui_type_text ("30");
  gdnn_ui_press_key (GDK_KEY_Tab, FALSE);
  gdnn_ui_type_text ("90");

  gtk_window_close (GTK_WINDOW (f.window));
  gdnn_ui_iterate (300);
  g_assert_nonnull (window);
  /* I.2.a.2's denominator, typed and not left, was saved by the close. */
  assert_stored (&f, "I.2.a.2", TRUE, 30, TRUE, 90, NULL);
  assert_stored (&f, "I.2.a.1", FALSE, 0, FALSE, 0, NULL);
  message = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Values typed on %s are not saved: each row says why. "
                                         "Complete or correct them, or close the window again to leave them out."),
                             "I.2.a.1");
  g_assert_nonnull (gdnn_ui_wait_for_label (GTK_WIDGET (f.window), message));
  save_png (&f, "values-close-held.png");

  gtk_window_close (GTK_WINDOW (f.window));
  gdnn_ui_iterate (300);
  g_assert_null (window);
  g_clear_pointer (&f.indicators, g_ptr_array_unref);
  g_clear_object (&f.store);
  gdnn_test_remove_tree (f.dir);
  g_clear_object (&f.app);
  g_free (f.dir);
}

/* The keyboard shortcuts window and Getting Started say what Enter and
 * Tab do on the value page. */
static void
test_values_keys_help (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/vn/gdnn/Report/gdnn-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  const char *enter = g_dgettext (GETTEXT_PACKAGE, "Save the cell and go to the same cell of the next row");
  const char *tab = g_dgettext (GETTEXT_PACKAGE, "Go to the next or the previous cell, saving the cell left");
  const char *steps = g_dgettext (GETTEXT_PACKAGE,
                                  "On the Values page, type each indicator's value for the year. Enter saves the "
                                  "cell and goes to the same cell of the next row; Tab and Shift+Tab go to the next "
                                  "and the previous cell and save the cell left; Ctrl+Z undoes what was typed in the "
                                  "cell, or else the last saved change. A numerator is saved once its denominator is "
                                  "typed; until then its row says so. A value behind its target is saved and marked "
                                  "“needs an explanation”: type the explanation in its cell.");
  guint found = 0;
  GdnnHelpWindow *help;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (title, enter) == 0)
        {
          g_assert_cmpstr (accelerator, ==, "Return");
          found++;
        }
      if (g_strcmp0 (title, tab) == 0)
        {
          g_assert_cmpstr (accelerator, ==, "Tab <Shift>Tab");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));

  help = gdnn_help_window_new (NULL);
  gtk_window_present (GTK_WINDOW (help));
  gdnn_ui_iterate (200);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (help), steps));
  gtk_window_destroy (GTK_WINDOW (help));
  gdnn_ui_iterate (100);
}

/* @widget lies whole inside @area (both allocated). */
static gboolean
inside (GtkWidget *widget,
        GtkWidget *area)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, area, &bounds));
  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (area) + 0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (area) + 0.5;
}

/* @label shows its whole text: as wide as it asks, not ellipsized, and
 * inside @area, which would clip it. */
static void
assert_label_whole (GtkWidget *label,
                    GtkWidget *area)
{
  int natural = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("“%s”: %d px of %d, in %d", gtk_label_get_text (GTK_LABEL (label)),
                  gtk_widget_get_width (label), natural, gtk_widget_get_width (area));
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_true (inside (label, area));
}

/* At 1366×768: at least 9 of the plan's 11 indicators shown whole below
 * the column titles, every title and code whole, names in at most two
 * lines with all of the name in the tooltip, entries one line tall, the
 * year whole in its drop-down; with the demo's explanations, and without
 * them (@data TRUE: three rows flagged "needs an explanation", taller). */
static void
test_values_layout (gconstpointer data)
{
  gboolean flagged = GPOINTER_TO_INT (data);
  Form f = { 0 };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) inscriptions = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *scrolled, *header, *dropdown;
  GListModel *columns;
  guint visible = 0, names = 0, titles = 0;

  form_open_full (&f, flagged ? "vn.gdnn.Report.TestValuesLayoutFlagged" : "vn.gdnn.Report.TestValuesLayout", NULL,
                  flagged);
  gdnn_ui_save_png (GTK_WIDGET (f.window), flagged ? "values-flagged-1366x768.png" : "values-1366x768.png");

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (f.view), GTK_TYPE_SCROLLED_WINDOW);
  header = gtk_widget_get_first_child (GTK_WIDGET (f.view));
  columns = gtk_column_view_get_columns (f.view);

  /* Rows in the viewport, counted by their code cells shown whole below
   * the titles. */
  gdnn_ui_collect (GTK_WIDGET (f.view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      graphene_rect_t bounds;
      gboolean is_code = FALSE;

      for (guint j = 0; j < f.indicators->len; j++)
        is_code |= g_str_equal (gtk_label_get_text (GTK_LABEL (label)),
                                ((GdnnIndicator *) g_ptr_array_index (f.indicators, j))->code);
      if (!is_code)
        continue;
      assert_label_whole (label, gtk_widget_get_parent (label));
      g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (label), scrolled, &bounds));
      if (bounds.origin.y >= gtk_widget_get_height (header) &&
          bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled))
        visible++;
    }
  g_test_message ("%u indicator rows shown whole at %d×%d", visible,
                  gtk_widget_get_width (GTK_WIDGET (f.window)), gtk_widget_get_height (GTK_WIDGET (f.window)));
  g_assert_cmpuint (visible, >=, 9);

  /* Every column title whole inside its title button. */
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, titles);

      gdnn_ui_collect (title, GTK_TYPE_LABEL, parts);
      g_assert_cmpuint (parts->len, ==, 1);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (parts->pdata[0])), ==,
                       gtk_column_view_column_get_title (column));
      assert_label_whole (parts->pdata[0], title);
      titles++;
    }
  g_assert_cmpuint (titles, ==, g_list_model_get_n_items (columns));

  /* Names: two lines at most, the whole name in the tooltip. */
  gdnn_ui_collect (GTK_WIDGET (f.view), GTK_TYPE_INSCRIPTION, inscriptions);
  for (guint i = 0; i < inscriptions->len; i++)
    {
      GtkInscription *inscription = inscriptions->pdata[i];

      for (guint j = 0; j < f.indicators->len; j++)
        if (g_strcmp0 (gtk_inscription_get_text (inscription),
                       ((GdnnIndicator *) g_ptr_array_index (f.indicators, j))->name) == 0)
          {
            int natural = 0;

            g_assert_cmpuint (gtk_inscription_get_min_lines (inscription), <=, 2);
            g_assert_cmpuint (gtk_inscription_get_nat_lines (inscription), <=, 2);
            /* No more lines in a row made taller by another cell. */
            gtk_widget_measure (GTK_WIDGET (inscription), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
            g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (inscription)), ==, natural);
            g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (inscription)));
            names++;
          }
    }
  g_assert_cmpuint (names, >=, visible);
  if (flagged)
    {
      g_autofree char *status = behind_status (60, TRUE);

      assert_status (&f, "I.2.a.2", status);
    }

  /* Entries one line tall. */
  gdnn_ui_collect (GTK_WIDGET (f.view), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >=, 3 * visible);
  for (guint i = 0; i < entries->len; i++)
    {
      int natural = 0;

      gtk_widget_measure (entries->pdata[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (entries->pdata[i]), ==, natural);
    }

  /* The year whole in its drop-down. */
  dropdown = find_one (GTK_WIDGET (f.page), GTK_TYPE_DROP_DOWN);
  g_ptr_array_set_size (labels, 0);
  gdnn_ui_collect (dropdown, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (labels->pdata[0])), ==, "2026");
  assert_label_whole (labels->pdata[0], dropdown);

  form_close (&f);
}

/* The horizontal span of the column titled @title in @view. */
static void
column_span (GtkColumnView *view,
             const char    *title,
             double        *start,
             double        *end)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  for (GtkWidget *button = gtk_widget_get_first_child (header); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      graphene_rect_t bounds;

      gdnn_ui_collect (button, GTK_TYPE_LABEL, labels);
      if (labels->len != 1 || !g_str_equal (gtk_label_get_text (GTK_LABEL (labels->pdata[0])), title))
        continue;
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (view), &bounds));
      *start = bounds.origin.x;
      *end = bounds.origin.x + bounds.size.width;
      return;
    }
  g_error ("No column “%s”", title);
}

/* On the task list shown, every task code in the Code column and every
 * body in the Lead column is whole: not ellipsized and inside its cell.
 * @must, if not NULL, is among them. Returns how many were checked. */
static guint
check_task_cells (Form       *f,
                  const char *must)
{
  gboolean must_seen = must == NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) leads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkColumnView *view;
  GListModel *model;
  double code_start, code_end, lead_start, lead_end;
  guint checked = 0;

  gdnn_ui_collect (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  view = views->pdata[0];
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GdnnTaskRow) row = g_list_model_get_item (model, i);
      char *lead = NULL;

      g_hash_table_add (codes, gdnn_task_row_get_task (row)->code);
      g_object_get (row, "lead", &lead, NULL);
      g_hash_table_add (leads, lead);
    }
  column_span (view, g_dgettext (GETTEXT_PACKAGE, "Code"), &code_start, &code_end);
  column_span (view, g_dgettext (GETTEXT_PACKAGE, "Lead"), &lead_start, &lead_end);

  gdnn_ui_collect (gtk_widget_get_last_child (GTK_WIDGET (view)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      const char *text = gtk_label_get_text (GTK_LABEL (label));
      graphene_rect_t bounds;
      double middle;

      g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (view), &bounds));
      middle = bounds.origin.x + bounds.size.width / 2;
      if (!(middle > code_start && middle < code_end && g_hash_table_contains (codes, text)) &&
          !(middle > lead_start && middle < lead_end && text[0] != '\0' && g_hash_table_contains (leads, text)))
        continue;
      g_test_message ("“%s”: %d×%d in %d×%d", text, gtk_widget_get_width (label), gtk_widget_get_height (label),
                      gtk_widget_get_width (gtk_widget_get_parent (label)),
                      gtk_widget_get_height (gtk_widget_get_parent (label)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
      g_assert_true (inside (label, gtk_widget_get_parent (label)));
      must_seen |= g_strcmp0 (text, must) == 0;
      checked++;
    }
  g_assert_true (must_seen);
  return checked;
}

/* The task list at 1366×768: codes and lead bodies whole, for plan
 * 401/KH-UBND of BG-CD01 (leads "Cơ sở GDNN", "Sở Tài chính") and for the
 * Tây Ninh plan, whose codes are the longest ("II.5.a.3"). */
static void
test_tasks_layout (void)
{
  Form f = { 0 };
  guint checked;

  form_open (&f, "vn.gdnn.Report.TestTasksLayout", NULL);
  gdnn_window_show_page (f.window, "tasks");
  g_assert_nonnull (gdnn_ui_wait_for_label (GTK_WIDGET (f.window), "Cơ sở GDNN"));
  gdnn_ui_iterate (300);
  gdnn_ui_save_png (GTK_WIDGET (f.window), "tasks-1366x768.png");
  checked = check_task_cells (&f, "Cơ sở GDNN");
  g_test_message ("%u codes and lead bodies whole on 401/KH-UBND", checked);
  g_assert_cmpuint (checked, >=, 2 * 10);
  /* The status filter's value whole in its drop-down. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    gdnn_ui_collect (GTK_WIDGET (f.window), GTK_TYPE_DROP_DOWN, dropdowns);
    g_assert_cmpuint (dropdowns->len, ==, 1);
    gdnn_ui_collect (dropdowns->pdata[0], GTK_TYPE_LABEL, labels);
    g_assert_cmpuint (labels->len, ==, 1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (labels->pdata[0])), ==,
                     g_dgettext (GETTEXT_PACKAGE, "All statuses"));
    assert_label_whole (labels->pdata[0], dropdowns->pdata[0]);
  }
  /* The end of the list: "Sở Tài chính", a body without a short name. */
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    GtkAdjustment *adjustment;

    gdnn_ui_collect (GTK_WIDGET (f.window), GTK_TYPE_COLUMN_VIEW, views);
    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (views->pdata[0]));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gdnn_ui_iterate (300);
    gdnn_ui_save_png (GTK_WIDGET (f.window), "tasks-end-1366x768.png");
    checked = check_task_cells (&f, "Sở Tài chính");
    g_assert_cmpuint (checked, >=, 2 * 10);
  }

  g_assert_true (gdnn_window_select_plan (f.window, "TN-TT01", "…/KH-UBND (TP Tây Ninh)"));
  g_assert_nonnull (gdnn_ui_wait_for_label (GTK_WIDGET (f.window), "II.1.1"));
  gdnn_ui_iterate (300);
  gdnn_ui_save_png (GTK_WIDGET (f.window), "tasks-tay-ninh-1366x768.png");
  checked = check_task_cells (&f, NULL);
  g_test_message ("%u codes whole on the Tây Ninh plan", checked);
  g_assert_cmpuint (checked, >=, 10);
  form_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/values/keys", test_values_keys);
  g_test_add_func ("/ui/values/other-year", test_values_other_year);
  g_test_add_func ("/ui/values/close", test_values_close);
  g_test_add_func ("/ui/values/keys-help", test_values_keys_help);
  g_test_add_data_func ("/ui/values/layout", GINT_TO_POINTER (FALSE), test_values_layout);
  g_test_add_data_func ("/ui/values/layout-flagged", GINT_TO_POINTER (TRUE), test_values_layout);
  g_test_add_func ("/ui/tasks/layout", test_tasks_layout);

  return g_test_run ();
}
