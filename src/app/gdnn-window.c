/* gdnn-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-backup-window.h"
#include "gdnn-budget-page.h"
#include "gdnn-charts-page.h"
#include "gdnn-history-window.h"
#include "gdnn-plan-overview.h"
#include "gdnn-plan-template.h"
#include "gdnn-report-page.h"
#include "gdnn-review-page.h"
#include "gdnn-summary.h"
#include "gdnn-tasks-page.h"
#include "gdnn-text.h"
#include "gdnn-unit-setup-window.h"
#include "gdnn-values-page.h"
#include "gdnn-window.h"

struct _GdnnWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkListBox           *sidebar_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkRevealer          *sample_revealer;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkButton            *empty_button;
  AdwBin               *review_slot;
  GdnnReviewPage       *review_page;   /* built in review_slot when first shown */
  GtkWindow            *shortcuts_window; /* weak; built when first shown */

  /* Owned references */
  GdnnStore            *store;
  GtkFileChooserNative *chooser;
  GDate                 today;

  /* The unit's plan shown, and the pages not yet loaded for it. */
  gint64                unit_id;
  gint64                plan_id;
  GHashTable           *loaded_pages;  /* page name → the store's last change when loaded */
  char                 *shown_page;
};

G_DEFINE_FINAL_TYPE (GdnnWindow, gdnn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sidebar rows carry what they stand for as object data. */
#define ROW_UNIT_ID "gdnn-unit-id"
#define ROW_PLAN_ID "gdnn-plan-id"
#define ROW_SEARCH_KEY "gdnn-search-key"
#define ROW_UNIT_CODE "gdnn-unit-code"
#define ROW_PLAN_NUMBER "gdnn-plan-number"
#define ROW_OFFICE_ID "gdnn-office-id"
#define ROW_LATE_LABEL "gdnn-late-label"

static void
show_error (GdnnWindow *self,
            GError     *error)
{
  AdwToast *toast;

  g_return_if_fail (error != NULL);
  toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const GdnnUnit *ua = *(const GdnnUnit * const *) a;
  const GdnnUnit *ub = *(const GdnnUnit * const *) b;

  return gdnn_collate (ua->name, ub->name);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          gboolean    is_plan)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_lines (GTK_LABEL (sub), 2);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gdnn_widget_set_tooltip (sub, subtitle);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  if (is_plan)
    gtk_widget_set_margin_start (box, 18);
  else
    {
      gtk_widget_add_css_class (label, "heading");
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* The sidebar's rows put their icon or button over the text (GtkOverlay)
 * rather than beside it in a box: a box would measure each wrapped label
 * at several widths to share the row out, shaping its text each time,
 * the largest part of the sidebar's cost in the first frame. The text
 * keeps room for them with a margin. */
#define ROW_BUTTON_ROOM 40
#define ROW_ICON_ROOM 22

static void
put_over_text (GtkWidget *row,
               GtkWidget *widget)
{
  GtkWidget *text = g_object_ref (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  GtkWidget *overlay = gtk_overlay_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), NULL);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), text);
  g_object_unref (text);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), widget);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), overlay);
}

/* A unit's header row in the sidebar gets a button that opens its
 * set-up (win.edit-unit with the unit's id). */
static void
add_edit_button (GtkWidget      *row,
                 const GdnnUnit *unit)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  /* Translators: %s is a unit's name. */
  g_autofree char *label = g_strdup_printf (_("Edit unit %s"), unit->name);

  gtk_widget_set_margin_end (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), ROW_BUTTON_ROOM);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gdnn_widget_set_tooltip (button, _("Edit Unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-unit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (unit->id));
  put_over_text (row, button);
}

/* A plan row's line saying that its report is overdue, hidden while it
 * is not. */
static void
add_late_line (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (row), ROW_LATE_LABEL, label);
}

/* Each plan row says when the unit's report is overdue
 * (gdnn_plan_due_compute()), as the overview and the report page do. */
static void
update_late_lines (GdnnWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (child), ROW_LATE_LABEL);
      gint64 *unit_id = g_object_get_data (G_OBJECT (child), ROW_UNIT_ID);
      gint64 *plan_id = g_object_get_data (G_OBJECT (child), ROW_PLAN_ID);
      g_autoptr(GdnnPlanDue) due = NULL;
      g_autoptr(GError) error = NULL;
      const char *text;

      if (label == NULL || unit_id == NULL || plan_id == NULL)
        continue;
      due = gdnn_plan_due_compute (self->store, *unit_id, *plan_id, &self->today, &error);
      if (due == NULL)
        g_debug ("No due date for the sidebar: %s", error->message);
      text = due != NULL ? due->late_text : NULL;
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text != NULL ? text : "") != 0)
        gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
      gtk_widget_set_visible (label, text != NULL);
    }
}

/* The plans a state office reviews: those its child units implement. */
static GPtrArray *
list_reviewed_plans (GdnnWindow     *self,
                     GPtrArray      *units,
                     const GdnnUnit *office)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_plan_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < units->len; i++)
    {
      const GdnnUnit *child = g_ptr_array_index (units, i);
      g_autoptr(GPtrArray) child_plans = NULL;

      if (child->parent_id != office->id)
        continue;
      child_plans = gdnn_store_list_unit_plans (self->store, child->id, NULL);
      for (guint p = 0; child_plans != NULL && p < child_plans->len; p++)
        {
          GdnnPlan *plan = g_ptr_array_index (child_plans, p);

          if (g_hash_table_contains (seen, &plan->id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&plan->id, sizeof plan->id));
          g_ptr_array_add (plans, g_ptr_array_steal_index (child_plans, p--));
        }
    }
  return plans;
}

/* A row that opens the office's review of a plan (issue 6). */
static void
append_review_row (GdnnWindow     *self,
                   const GdnnUnit *office,
                   const GdnnPlan *plan,
                   const char     *unit_key)
{
  /* Translators: under a plan number in the sidebar: the office's review of the units' reports. */
  g_autofree char *subtitle = g_strdup_printf (_("Receiving reports · %s"), plan->title);
  GtkWidget *row = make_row (plan->number, subtitle, TRUE);
  GtkWidget *icon = gtk_image_new_from_icon_name ("folder-download-symbolic");
  g_autofree char *key = g_strconcat (unit_key, " ", plan->number, " ", plan->title, NULL);
  gint64 *office_id = g_new (gint64, 1);
  gint64 *plan_id = g_new (gint64, 1);

  /* The icon in the plan rows' indent, the text after it. */
  gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), 18 + ROW_ICON_ROOM);
  gtk_widget_set_halign (icon, GTK_ALIGN_START);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_start (icon, 18);
  put_over_text (row, icon);

  *office_id = office->id;
  *plan_id = plan->id;
  g_object_set_data_full (G_OBJECT (row), ROW_OFFICE_ID, office_id, g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_PLAN_ID, plan_id, g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_UNIT_CODE, g_strdup (office->code), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_PLAN_NUMBER, g_strdup (plan->number), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_SEARCH_KEY, gdnn_search_fold (key), g_free);
  gtk_list_box_append (self->sidebar_list, row);
}

/* The page shown while no plan is chosen leads the way on a first day:
 * with no unit of one's own (offices aside), to creating it (Ctrl+N);
 * with one but no plan attached, to its set-up, where plans are
 * attached. */
static void
update_empty_page (GdnnWindow *self,
                   GPtrArray  *units,
                   gboolean    any_row)
{
  const GdnnUnit *first = NULL;

  for (guint i = 0; units != NULL && i < units->len && first == NULL; i++)
    if (((GdnnUnit *) g_ptr_array_index (units, i))->type != GDNN_UNIT_TYPE_CO_QUAN)
      first = g_ptr_array_index (units, i);

  if (any_row)
    {
      adw_status_page_set_title (self->empty_page, _("No Plan Selected"));
      adw_status_page_set_description (self->empty_page, _("Choose a unit's plan in the list to see its targets, "
                                                           "values, tasks and the next report date."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
    }
  else if (first == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Start by Creating Your Unit"));
      adw_status_page_set_description (self->empty_page,
                                       _("Your unit is the school or centre whose reports this program makes. "
                                         "Create it with Ctrl+N: its code, name and kind, and under “Reports "
                                         "to” the office it sends its reports to (“New office…” creates that "
                                         "office too). Then attach the plans it implements."));
      gtk_button_set_label (self->empty_button, _("_Create Your Unit…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.new-unit");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
  else
    {
      /* Translators: %s is a unit's name. */
      g_autofree char *label = g_strdup_printf (_("_Set Up %s…"), first->short_name != NULL && *first->short_name
                                                                  ? first->short_name : first->name);

      adw_status_page_set_title (self->empty_page, _("Attach Your Unit's Plans"));
      adw_status_page_set_description (self->empty_page,
                                       _("No unit implements a plan yet. Open your unit's set-up and attach, on "
                                         "its Plans tab, the plans it implements; each then appears in the list "
                                         "under the unit."));
      gtk_button_set_label (self->empty_button, label);
      /* The target first, so that the name never meets a wrong one. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button), g_variant_new_int64 (first->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.edit-unit");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
}

static void
reload_sidebar (GdnnWindow *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);

  units = gdnn_store_list_units (self->store, &error);
  if (units == NULL)
    {
      show_error (self, error);
      return;
    }
  g_ptr_array_sort (units, compare_units);

  /* Units that implement plans, each followed by its plans. */
  for (guint i = 0; i < units->len; i++)
    {
      GdnnUnit *unit = g_ptr_array_index (units, i);
      g_autoptr(GPtrArray) plans = gdnn_store_list_unit_plans (self->store, unit->id, &error);
      g_autofree char *unit_key = NULL;
      GtkWidget *header;

      g_autoptr(GPtrArray) reviewed = NULL;

      if (plans == NULL)
        {
          show_error (self, g_steal_pointer (&error));
          continue;
        }
      if (unit->type == GDNN_UNIT_TYPE_CO_QUAN)
        reviewed = list_reviewed_plans (self, units, unit);
      if (plans->len == 0 && (reviewed == NULL || reviewed->len == 0))
        continue;

      header = make_row (unit->name, gdnn_unit_type_label (unit->type), FALSE);
      add_edit_button (header, unit);
      unit_key = g_strconcat (unit->name, " ", unit->code ? unit->code : "", NULL);
      g_object_set_data_full (G_OBJECT (header), ROW_SEARCH_KEY, gdnn_search_fold (unit_key), g_free);
      gtk_list_box_append (self->sidebar_list, header);

      for (guint p = 0; p < plans->len; p++)
        {
          GdnnPlan *plan = g_ptr_array_index (plans, p);
          GtkWidget *row = make_row (plan->number, plan->title, TRUE);
          g_autofree char *key = g_strconcat (unit_key, " ", plan->number, " ", plan->title, NULL);
          gint64 *unit_id = g_new (gint64, 1);
          gint64 *plan_id = g_new (gint64, 1);

          *unit_id = unit->id;
          *plan_id = plan->id;
          g_object_set_data_full (G_OBJECT (row), ROW_UNIT_ID, unit_id, g_free);
          g_object_set_data_full (G_OBJECT (row), ROW_PLAN_ID, plan_id, g_free);
          g_object_set_data_full (G_OBJECT (row), ROW_UNIT_CODE, g_strdup (unit->code), g_free);
          g_object_set_data_full (G_OBJECT (row), ROW_PLAN_NUMBER, g_strdup (plan->number), g_free);
          g_object_set_data_full (G_OBJECT (row), ROW_SEARCH_KEY, gdnn_search_fold (key), g_free);
          add_late_line (row);
          gtk_list_box_append (self->sidebar_list, row);
        }
      for (guint p = 0; reviewed != NULL && p < reviewed->len; p++)
        append_review_row (self, unit, g_ptr_array_index (reviewed, p), unit_key);
    }

  update_late_lines (self);
  update_empty_page (self, units, gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)) != NULL);
  sample = gdnn_store_get_meta (self->store, "sample");
  gtk_revealer_set_reveal_child (self->sample_revealer, g_strcmp0 (sample, "1") == 0);
}

static gboolean
filter_rows (GtkListBoxRow *row,
             gpointer       user_data)
{
  GdnnWindow *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *key = g_object_get_data (G_OBJECT (row), ROW_SEARCH_KEY);
  g_autofree char *folded = NULL;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  folded = gdnn_search_fold (needle);
  return key != NULL && strstr (key, folded) != NULL;
}

static void
on_search_changed (GdnnWindow     *self,
                   GtkSearchEntry *entry)
{
  gtk_list_box_invalidate_filter (self->sidebar_list);
}

/* The page widget named @name in the view stack, built the first time it
 * is needed: the stack holds an empty AdwBin per page, since building all
 * six pages with the window doubled the time to its first frame
 * (bench/bench-startup). */
static GtkWidget *
ensure_page (GdnnWindow *self,
             const char *name)
{
  static const struct { const char *name; GType (*get_type) (void); } pages[] = {
    { "overview", gdnn_plan_overview_get_type },
    { "values", gdnn_values_page_get_type },
    { "tasks", gdnn_tasks_page_get_type },
    { "budget", gdnn_budget_page_get_type },
    { "charts", gdnn_charts_page_get_type },
    { "report", gdnn_report_page_get_type },
  };
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->view_stack, name);
  GtkWidget *page;

  g_return_val_if_fail (ADW_IS_BIN (slot), NULL);
  if ((page = adw_bin_get_child (ADW_BIN (slot))) != NULL)
    return page;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      {
        page = g_object_new (pages[i].get_type (), NULL);
        adw_bin_set_child (ADW_BIN (slot), page);
        if (GDNN_IS_REPORT_PAGE (page))
          g_signal_connect_object (page, "status-changed", G_CALLBACK (update_late_lines), self,
                                   G_CONNECT_SWAPPED);
        return page;
      }
  g_return_val_if_reached (NULL);
}

/* Loads one page of the plan for the shown unit. */
static gboolean
load_page (GdnnWindow  *self,
           const char  *name,
           GError     **error)
{
  GtkWidget *page = ensure_page (self, name);
  int year = g_date_get_year (&self->today);

  if (GDNN_IS_PLAN_OVERVIEW (page))
    return gdnn_plan_overview_show (GDNN_PLAN_OVERVIEW (page), self->store, self->unit_id, self->plan_id,
                                    &self->today, error);
  if (GDNN_IS_VALUES_PAGE (page))
    return gdnn_values_page_show (GDNN_VALUES_PAGE (page), self->store, self->unit_id, self->plan_id, year, error);
  if (GDNN_IS_TASKS_PAGE (page))
    return gdnn_tasks_page_show (GDNN_TASKS_PAGE (page), self->store, self->unit_id, self->plan_id, year,
                                 &self->today, error);
  if (GDNN_IS_BUDGET_PAGE (page))
    return gdnn_budget_page_show (GDNN_BUDGET_PAGE (page), self->store, self->unit_id, self->plan_id, year, error);
  if (GDNN_IS_CHARTS_PAGE (page))
    return gdnn_charts_page_show (GDNN_CHARTS_PAGE (page), self->store, self->unit_id, self->plan_id, year, error);
  if (GDNN_IS_REPORT_PAGE (page))
    {
      /* A report past its due date and not finalised is the one to make,
       * in the next year too. */
      g_autoptr(GdnnPlanDue) due = gdnn_plan_due_compute (self->store, self->unit_id, self->plan_id, &self->today,
                                                          error);

      if (due == NULL)
        return FALSE;
      if (due->kind == GDNN_DUE_OVERDUE)
        year = due->year;
      return gdnn_report_page_show (GDNN_REPORT_PAGE (page), self->store, self->unit_id, self->plan_id, year,
                                    &self->today, error);
    }
  g_return_val_if_reached (FALSE);
}

/* Loads the visible page if the plan or its data changed since the page
 * was last loaded. Only the page the user looks at is loaded: loading
 * every page of a large plan at once stalled the window
 * (bench/bench-forms). A page the user leaves is up to date with its own
 * edits, so it is not reloaded for them when the user comes back. */
static void
load_visible_page (GdnnWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gint64 last_change = gdnn_store_get_last_change (self->store);
  gpointer loaded;

  if (self->shown_page != NULL && g_hash_table_contains (self->loaded_pages, self->shown_page))
    g_hash_table_insert (self->loaded_pages, g_strdup (self->shown_page), g_memdup2 (&last_change, sizeof last_change));
  g_free (self->shown_page);
  self->shown_page = g_strdup (name);

  if (name == NULL || self->plan_id == 0)
    return;
  loaded = g_hash_table_lookup (self->loaded_pages, name);
  if (loaded != NULL && *(gint64 *) loaded == last_change)
    return;
  if (!load_page (self, name, &error))
    {
      show_error (self, error);
      return;
    }
  g_hash_table_insert (self->loaded_pages, g_strdup (name), g_memdup2 (&last_change, sizeof last_change));
}

static void on_review_open_unit (GdnnWindow *self, gint64 unit_id, gint64 plan_id);
static void on_review_imported  (GdnnWindow *self, GdnnReviewPage *page);

static void
show_review (GdnnWindow    *self,
             GtkListBoxRow *row)
{
  g_autoptr(GError) error = NULL;
  gint64 office_id = *(gint64 *) g_object_get_data (G_OBJECT (row), ROW_OFFICE_ID);
  gint64 plan_id = *(gint64 *) g_object_get_data (G_OBJECT (row), ROW_PLAN_ID);
  g_autoptr(GdnnUnit) office = gdnn_store_get_unit (self->store, office_id, NULL);

  self->unit_id = 0;
  self->plan_id = 0;
  if (self->review_page == NULL)
    {
      /* Built when first needed, like the plan's pages (ensure_page ()). */
      self->review_page = g_object_new (GDNN_TYPE_REVIEW_PAGE, NULL);
      adw_bin_set_child (self->review_slot, GTK_WIDGET (self->review_page));
      g_signal_connect_swapped (self->review_page, "open-unit", G_CALLBACK (on_review_open_unit), self);
      g_signal_connect_swapped (self->review_page, "imported", G_CALLBACK (on_review_imported), self);
    }
  if (!gdnn_review_page_show (self->review_page, self->store, office_id, plan_id,
                              g_date_get_year (&self->today), &self->today, &error))
    show_error (self, error);
  adw_view_switcher_title_set_stack (self->switcher_title, gdnn_review_page_get_view_stack (self->review_page));
  adw_view_switcher_title_set_title (self->switcher_title, g_object_get_data (G_OBJECT (row), ROW_PLAN_NUMBER));
  adw_view_switcher_title_set_subtitle (self->switcher_title, office != NULL ? office->name : NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "review");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_plan (GdnnWindow    *self,
           GtkListBoxRow *row)
{
  gint64 *unit_id = g_object_get_data (G_OBJECT (row), ROW_UNIT_ID);
  gint64 *plan_id = g_object_get_data (G_OBJECT (row), ROW_PLAN_ID);

  if (g_object_get_data (G_OBJECT (row), ROW_OFFICE_ID) != NULL)
    {
      show_review (self, row);
      return;
    }
  if (unit_id == NULL || plan_id == NULL)
    return;
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);

  self->unit_id = *unit_id;
  self->plan_id = *plan_id;
  g_hash_table_remove_all (self->loaded_pages);
  load_visible_page (self);

  {
    g_autoptr(GdnnUnit) unit = gdnn_store_get_unit (self->store, *unit_id, NULL);
    adw_view_switcher_title_set_title (self->switcher_title, g_object_get_data (G_OBJECT (row), ROW_PLAN_NUMBER));
    adw_view_switcher_title_set_subtitle (self->switcher_title, unit != NULL ? unit->name : NULL);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->view_stack), TRUE); /* hidden at start-up */
  gtk_stack_set_visible_child_name (self->content_stack, "plan");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_row_selected (GdnnWindow    *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  if (row != NULL)
    show_plan (self, row);
}

gboolean
gdnn_window_select_plan (GdnnWindow *self,
                         const char *unit_code,
                         const char *plan_number)
{
  g_return_val_if_fail (GDNN_IS_WINDOW (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), ROW_UNIT_CODE), unit_code) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), ROW_PLAN_NUMBER), plan_number) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * gdnn_window_get_selected_plan:
 * @unit_code: (out) (transfer none): the code of the unit, or of the office
 *   for a review row
 * @plan_number: (out) (transfer none): the plan's number
 *
 * What the sidebar shows, as gdnn_window_select_plan() takes it; the
 * window's state is kept from it (gdnn-window-state.c).
 *
 * Returns: %FALSE when no plan is selected
 */
gboolean
gdnn_window_get_selected_plan (GdnnWindow  *self,
                               const char **unit_code,
                               const char **plan_number)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GDNN_IS_WINDOW (self), FALSE);

  row = gtk_list_box_get_selected_row (self->sidebar_list);
  *unit_code = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_UNIT_CODE) : NULL;
  *plan_number = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_PLAN_NUMBER) : NULL;
  return *unit_code != NULL && *plan_number != NULL;
}

/* The review page's drill-down: the unit's own pages of the plan. */
static void
on_review_open_unit (GdnnWindow *self,
                     gint64      unit_id,
                     gint64      plan_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *u = g_object_get_data (G_OBJECT (child), ROW_UNIT_ID);
      gint64 *p = g_object_get_data (G_OBJECT (child), ROW_PLAN_ID);

      if (u != NULL && p != NULL && *u == unit_id && *p == plan_id)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The unit does not implement this plan in this database.")));
}

void
gdnn_window_set_today (GdnnWindow  *self,
                       const GDate *today)
{
  GtkListBoxRow *row;

  g_return_if_fail (GDNN_IS_WINDOW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  update_late_lines (self);
  row = gtk_list_box_get_selected_row (self->sidebar_list);
  if (row != NULL)
    show_plan (self, row);
}

static void
on_template_chosen (GdnnWindow           *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdnnPlan) plan = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  id = gdnn_plan_template_import_file (self->store, path, &error);
  if (id == 0)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                     _("The Plan Template Was Not Imported"),
                                                     error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      goto out;
    }

  plan = gdnn_store_get_plan (self->store, id, NULL);
  /* Translators: %s is a plan number. */
  message = g_strdup_printf (_("Plan %s imported. Attach it to a unit to report on it."),
                             plan != NULL ? plan->number : "");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  reload_sidebar (self);

out:
  g_clear_object (&self->chooser);
}

static void
change_log_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gdnn_history_window_present_log (widget, GDNN_WINDOW (widget)->store);
}

static void
import_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GdnnWindow *self = GDNN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plan templates (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Plan Template"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gdnn_file_chooser_set_start_folder (GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_template_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Reloads the sidebar (units were added or changed) and selects again
 * the row that was selected: a unit's plan or an office's review row. */
static void
reload_sidebar_keeping_selection (GdnnWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
  const char *id_key = ROW_UNIT_ID;
  gint64 owner_id = 0, plan_id = 0;

  if (row != NULL && g_object_get_data (G_OBJECT (row), ROW_PLAN_ID) != NULL)
    {
      /* A review row names its office, a plan row its unit. */
      if (g_object_get_data (G_OBJECT (row), ROW_OFFICE_ID) != NULL)
        id_key = ROW_OFFICE_ID;
      owner_id = *(gint64 *) g_object_get_data (G_OBJECT (row), id_key);
      plan_id = *(gint64 *) g_object_get_data (G_OBJECT (row), ROW_PLAN_ID);
    }
  reload_sidebar (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL && plan_id != 0;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *o = g_object_get_data (G_OBJECT (child), id_key);
      gint64 *p = g_object_get_data (G_OBJECT (child), ROW_PLAN_ID);

      if (o != NULL && p != NULL && *o == owner_id && *p == plan_id)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (child));
          break;
        }
    }
}

/* Unit set-up: "New Unit" and "Edit Unit" open GdnnUnitSetupWindow;
 * whatever it stores reloads the sidebar, keeping the selected plan. */
static void
on_units_changed (GdnnWindow          *self,
                  GdnnUnitSetupWindow *setup)
{
  reload_sidebar_keeping_selection (self);
}

/* An import may add the units that sent the files. */
static void
on_review_imported (GdnnWindow     *self,
                    GdnnReviewPage *page)
{
  reload_sidebar_keeping_selection (self);
}

static void
open_unit_setup (GdnnWindow *self,
                 gint64      unit_id)
{
  GdnnUnitSetupWindow *setup = gdnn_unit_setup_window_new (GTK_WINDOW (self), self->store, unit_id);

  g_signal_connect_object (setup, "changed", G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (setup));
}

static void
new_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_unit_setup (GDNN_WINDOW (widget), 0);
}

/* The parameter is a unit id; 0 means the unit of the selected plan. */
static void
edit_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GdnnWindow *self = GDNN_WINDOW (widget);
  gint64 unit_id = g_variant_get_int64 (parameter);

  if (unit_id == 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
      gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_UNIT_ID) : NULL;

      if (id == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Choose a unit's plan in the list first.")));
          return;
        }
      unit_id = *id;
    }
  open_unit_setup (self, unit_id);
}

/* The Tasks page's "Add Own Task": the unit's set-up on its own tasks,
 * for the plan shown. */
static void
add_own_task_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GdnnWindow *self = GDNN_WINDOW (widget);
  GdnnUnitSetupWindow *setup;

  if (self->unit_id == 0 || self->plan_id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a unit's plan in the list first.")));
      return;
    }
  setup = gdnn_unit_setup_window_new (GTK_WINDOW (self), self->store, self->unit_id);
  g_signal_connect_object (setup, "changed", G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
  gdnn_unit_setup_window_show_new_task (setup, self->plan_id);
  gtk_window_present (GTK_WINDOW (setup));
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (gdnn_backup_window_new (GDNN_WINDOW (widget))));
}

/* The keyboard shortcuts window, built when first asked for: GTK's own
 * help overlay (gtk/help-overlay.ui) would be built with every window,
 * before its first frame. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GdnnWindow *self = GDNN_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/vn/gdnn/Report/gdnn-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
    }
  gtk_window_present (self->shortcuts_window);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnnWindow *self = GDNN_WINDOW (widget);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnnWindow *self = GDNN_WINDOW (widget);
  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->search_entry)));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
gdnn_window_constructed (GObject *object)
{
  GdnnWindow *self = (GdnnWindow *)object;

  G_OBJECT_CLASS (gdnn_window_parent_class)->constructed (object);

  gtk_list_box_set_filter_func (self->sidebar_list, filter_rows, self, NULL);
  reload_sidebar (self);
}

static void
gdnn_window_dispose (GObject *object)
{
  GdnnWindow *self = (GdnnWindow *)object;

  g_clear_object (&self->chooser);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_WINDOW);

  G_OBJECT_CLASS (gdnn_window_parent_class)->dispose (object);
}

static void
gdnn_window_finalize (GObject *object)
{
  GdnnWindow *self = (GdnnWindow *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->loaded_pages, g_hash_table_unref);
  g_clear_pointer (&self->shown_page, g_free);

  G_OBJECT_CLASS (gdnn_window_parent_class)->finalize (object);
}

static void
gdnn_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GdnnWindow *self = GDNN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GdnnWindow *self = GDNN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_window_class_init (GdnnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdnn_window_constructed;
  object_class->dispose = gdnn_window_dispose;
  object_class->finalize = gdnn_window_finalize;
  object_class->get_property = gdnn_window_get_property;
  object_class->set_property = gdnn_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         GDNN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GDNN_TYPE_PLAN_OVERVIEW);
  g_type_ensure (GDNN_TYPE_VALUES_PAGE);
  g_type_ensure (GDNN_TYPE_TASKS_PAGE);
  g_type_ensure (GDNN_TYPE_CHARTS_PAGE);
  g_type_ensure (GDNN_TYPE_BUDGET_PAGE);
  g_type_ensure (GDNN_TYPE_REPORT_PAGE);
  g_type_ensure (GDNN_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, content);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, sample_revealer);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, review_slot);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GdnnWindow, empty_button);

  gtk_widget_class_install_action (widget_class, "win.import-template", NULL, import_template_action);
  gtk_widget_class_install_action (widget_class, "win.change-log", NULL, change_log_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.new-unit", NULL, new_unit_action);
  gtk_widget_class_install_action (widget_class, "win.add-own-task", NULL, add_own_task_action);
  gtk_widget_class_install_action (widget_class, "win.edit-unit", "x", edit_unit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-unit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-unit", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-template", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
gdnn_window_init (GdnnWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Start-up (bench/bench-startup): until a plan or an office's review is
   * chosen the window shows the sidebar and the empty page only. The plan's
   * stack stays hidden, so that the first frame neither styles nor measures
   * it (show_plan () shows it); its pages and the review page are built
   * when first shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->view_stack), FALSE);

  self->loaded_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (load_visible_page), self);
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));

  /* The main menu's popover is built when first opened, not with the window. */
  gdnn_menu_button_set_menu_later (self->menu_button, self->primary_menu);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->sidebar_list, "row-selected", G_CALLBACK (on_row_selected), self);
}

GdnnWindow *
gdnn_window_new (AdwApplication *application,
                 GdnnStore      *store)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  return g_object_new (GDNN_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

GdnnStore *
gdnn_window_get_store (GdnnWindow *self)
{
  g_return_val_if_fail (GDNN_IS_WINDOW (self), NULL);
  return self->store;
}

/* For tests and the command line: shows a page of the plan ("overview",
 * "values"). */
void
gdnn_window_show_page (GdnnWindow *self,
                       const char *name)
{
  g_return_if_fail (GDNN_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  load_visible_page (self);
}

GdnnValuesPage *
gdnn_window_get_values_page (GdnnWindow *self)
{
  g_return_val_if_fail (GDNN_IS_WINDOW (self), NULL);
  return GDNN_VALUES_PAGE (ensure_page (self, "values"));
}
