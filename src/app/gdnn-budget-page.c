/* gdnn-budget-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-budget-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-budget.h"
#include "gdnn-budget-page.h"
#include "gdnn-budget-row.h"
#include "gdnn-cell-entry.h"
#include "gdnn-text.h"

/* The budget (kinh phí) of a unit's plan for a year: one row per budget
 * line with the plan's figure (read-only, a reference) and the unit's own
 * planned and spent typed in place and saved at once, the percentage
 * spent and any warning beside the row, and the unit's totals for the
 * year and the whole plan, per source, below, with the plan's figure. */

struct _GdnnBudgetPage
{
  AdwBin                    parent_instance;

  /* Template widgets */
  GtkWidget                *year_box;
  GtkDropDown              *year_dropdown;
  GtkColumnView            *column_view;
  GtkSignalListItemFactory *planned_factory;
  GtkSignalListItemFactory *spent_factory;
  GtkFlowBox               *totals_box;

  /* Owned references */
  GdnnStore                *store;
  GListModel               *rows;
  gint64                    unit_id;
  gint64                    plan_id;
  int                       first_year;
  int                       last_year;
  int                       year;
};

G_DEFINE_FINAL_TYPE (GdnnBudgetPage, gdnn_budget_page, ADW_TYPE_BIN)

static GtkWidget *
totals_cell (const char *text,
             gboolean    numeric,
             gboolean    bold)
{
  GtkWidget *label = gtk_label_new (text);

  /* Natural widths line the two blocks up when they are stacked; the
   * title may wrap so that the page still fits a narrow window. */
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label), -1);
  if (!numeric)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_size_request (label, 60, -1);
    }
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
attach_sums (GtkGrid             *grid,
             int                  row,
             const char          *title,
             const GdnnBudgetSum *sum,
             gboolean             bold)
{
  g_autofree char *planned = gdnn_format_integer (sum->planned);
  g_autofree char *spent = gdnn_format_integer (sum->spent);
  g_autofree char *percent = NULL;
  double pct;

  percent = gdnn_budget_spent_percent (sum->planned, sum->spent, &pct) ? gdnn_format_percent (pct, 1)
                                                                      : g_strdup ("");
  gtk_grid_attach (grid, totals_cell (title, FALSE, bold), 0, row, 1, 1);
  gtk_grid_attach (grid, totals_cell (planned, TRUE, bold), 1, row, 1, 1);
  gtk_grid_attach (grid, totals_cell (spent, TRUE, bold), 2, row, 1, 1);
  gtk_grid_attach (grid, totals_cell (percent, TRUE, bold), 3, row, 1, 1);
}

/* The plan's own figure for the same period, under the unit's total. */
static void
attach_reference (GtkGrid             *grid,
                  int                  row,
                  const GdnnBudgetSum *reference)
{
  g_autofree char *planned = gdnn_format_integer (reference->planned);
  GtkWidget *title = totals_cell (_("Plan figure"), FALSE, FALSE);
  GtkWidget *amount = totals_cell (planned, TRUE, FALSE);

  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (amount, "dim-label");
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, amount, 1, row, 1, 1);
}

/* One block of the footer: the sums per source and in all over @period. */
static GtkWidget *
totals_block (const char             *period,
              const GdnnBudgetTotals *totals,
              const GdnnBudgetTotals *plan_totals)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  /* xgettext:no-c-format */
  const char *spent_percent = _("% spent");
  const char *heads[] = { period, _("Planned"), _("Spent"), spent_percent };
  int row = 1;

  gtk_grid_set_column_spacing (grid, 6);
  gtk_grid_set_row_spacing (grid, 2);
  gtk_widget_set_valign (GTK_WIDGET (grid), GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      GtkWidget *head = totals_cell (heads[i], i > 0, i == 0);
      if (i > 0)
        gtk_widget_add_css_class (head, "dim-label");
      gtk_grid_attach (grid, head, (int) i, 0, 1, 1);
    }
  /* Every source the plan's lines use, even with nothing this year. */
  for (guint s = 0; s < GDNN_BUDGET_N_SOURCES; s++)
    if (plan_totals->n_lines_by_source[s] > 0)
      attach_sums (grid, row++, gdnn_budget_source_label (s), &totals->by_source[s], FALSE);
  attach_sums (grid, row++, _("Total"), &totals->all, TRUE);
  if (totals->reference.planned > 0)
    attach_reference (grid, row, &totals->reference);
  return GTK_WIDGET (grid);
}

/* The footer: the year's and the whole plan's sums, side by side when
 * the window is wide enough, summed by the core from what is stored. */
static void
update_totals (GdnnBudgetPage *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_title = NULL;
  g_autofree char *plan_title = NULL;
  GdnnBudgetTotals year_totals, plan_totals;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals_box))) != NULL)
    gtk_flow_box_remove (self->totals_box, child);

  lines = gdnn_budget_list_lines (self->store, self->plan_id, self->unit_id, &error);
  if (lines == NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gdnn_budget_compute_totals (lines, self->year, &year_totals);
  gdnn_budget_compute_totals (lines, 0, &plan_totals);

  /* Translators: heading of the budget totals of a year. */
  year_title = g_strdup_printf (_("Year %d"), self->year);
  /* Translators: heading of the budget totals over the plan's years. */
  plan_title = g_strdup_printf (_("Plan %d–%d"), self->first_year, self->last_year);
  gtk_flow_box_append (self->totals_box, totals_block (year_title, &year_totals, &plan_totals));
  gtk_flow_box_append (self->totals_box, totals_block (plan_title, &plan_totals, &plan_totals));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->totals_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static gboolean
is_planned (GdnnBudgetPage           *self,
            GtkSignalListItemFactory *factory)
{
  return factory == self->planned_factory;
}

/* An amount cell commits its own field; the other keeps its stored text. */
static void
on_amount_commit (GtkEntry *entry,
                  gpointer  user_data)
{
  GdnnBudgetPage *self = user_data;
  GdnnBudgetRow *row = g_object_get_data (G_OBJECT (entry), "row");
  gboolean planned_field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "planned"));
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *planned = NULL;
  g_autofree char *spent = NULL;

  if (row == NULL || self->store == NULL)
    return;
  g_object_get (row, "planned", &planned, "spent", &spent, NULL);
  if (g_strcmp0 (planned_field ? planned : spent, typed) == 0)
    {
      /* Back to what is stored: an earlier refusal no longer applies. */
      gdnn_budget_row_set_message (row, NULL);
      return;
    }
  /* A refusal stays beside the row (the row's message), never a dialog. */
  if (gdnn_budget_row_commit (row, self->store, self->unit_id,
                              planned_field ? typed : planned,
                              planned_field ? spent : typed, NULL))
    update_totals (self);
}

static void
setup_amount (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GdnnBudgetPage           *self)
{
  GtkWidget *entry = gdnn_cell_entry_new (TRUE, 13, on_amount_commit, self);

  g_object_set_data (G_OBJECT (entry), "planned", GINT_TO_POINTER (is_planned (self, factory)));
  gtk_list_item_set_child (item, entry);
}

static void
sync_entry (GdnnBudgetRow *row,
            GParamSpec    *pspec,
            GtkEditable   *entry)
{
  g_autofree char *text = NULL;

  g_object_get (row, pspec->name, &text, NULL);
  if (g_strcmp0 (gtk_editable_get_text (entry), text) != 0)
    gtk_editable_set_text (entry, text);
}

static void
bind_amount (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GdnnBudgetPage           *self)
{
  GdnnBudgetRow *row = gtk_list_item_get_item (item);
  GtkWidget *entry = gtk_list_item_get_child (item);
  const char *property = is_planned (self, factory) ? "planned" : "spent";
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (entry), "row", row);
  g_object_get (row, "name", &name, NULL);
  /* Translators: an input's accessible name, e.g. "Planned for Tuyên truyền…". */
  label = g_strdup_printf (is_planned (self, factory) ? _("Planned for %s") : _("Spent for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  sync_entry (row, g_object_class_find_property (G_OBJECT_GET_CLASS (row), property), GTK_EDITABLE (entry));
  g_signal_connect_object (row, signal, G_CALLBACK (sync_entry), entry, 0);
}

static void
unbind_amount (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GdnnBudgetPage           *self)
{
  GtkWidget *entry = gtk_list_item_get_child (item);
  GdnnBudgetRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, entry);
  g_object_set_data (G_OBJECT (entry), "row", NULL);
}

static void
setup_status (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GdnnBudgetPage           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (item, label);
}

/* A refusal shows in the error colour, spending above the plan in the
 * warning colour: it is stored, only flagged. */
static void
sync_status (GdnnBudgetRow *row,
             GParamSpec    *pspec,
             GtkLabel      *label)
{
  g_autofree char *status = NULL;
  g_autofree char *message = NULL;

  g_object_get (row, "status", &status, "message", &message, NULL);
  gtk_label_set_text (label, status);
  if (message[0] != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      if (gdnn_budget_row_is_overspent (row))
        gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
    }
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GdnnBudgetPage           *self)
{
  GdnnBudgetRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  sync_status (row, NULL, GTK_LABEL (label));
  g_signal_connect_object (row, "notify::status", G_CALLBACK (sync_status), label, 0);
}

static void
unbind_status (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GdnnBudgetPage           *self)
{
  GdnnBudgetRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, gtk_list_item_get_child (item));
}

static void
reload (GdnnBudgetPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->store == NULL)
    return;
  lines = gdnn_budget_list_lines (self->store, self->plan_id, self->unit_id, &error);
  if (lines == NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_object (&self->rows);
  self->rows = gdnn_budget_rows_new (lines, self->year);
  selection = gtk_no_selection_new (g_object_ref (self->rows));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_totals (self);
}

static void
on_year_selected (GdnnBudgetPage *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  int year = gdnn_year_dropdown_get_year (dropdown);

  if (year == 0 || year == self->year)
    return;
  self->year = year;
  reload (self);
}

/* The "Add Line" dialog, declared in gdnn-budget-line-dialog.ui. */
typedef struct
{
  GdnnBudgetPage *self;
  GtkBuilder     *builder;
  GPtrArray      *lines;
} AddLine;

static void
add_line_free (AddLine *add)
{
  g_object_unref (add->self);
  g_object_unref (add->builder);
  g_ptr_array_unref (add->lines);
  g_free (add);
}

static void
on_add_name_changed (GtkEditable *entry,
                     AddLine     *add)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (add->builder, "dialog"));
  GtkWidget *message = GTK_WIDGET (gtk_builder_get_object (add->builder, "message_label"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gboolean ok = gdnn_budget_check_line_name (add->lines, name, &error);

  adw_message_dialog_set_response_enabled (dialog, "add", ok);
  /* An empty name only disables Add; a duplicate says why. */
  gtk_widget_set_visible (message, !ok && name[0] != '\0');
  gtk_label_set_text (GTK_LABEL (message), ok ? "" : error->message);
}

static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AddLine          *add)
{
  GdnnBudgetPage *self = add->self;
  g_autoptr(GError) error = NULL;
  GtkEditable *name = GTK_EDITABLE (gtk_builder_get_object (add->builder, "name_entry"));
  GtkDropDown *source = GTK_DROP_DOWN (gtk_builder_get_object (add->builder, "source_dropdown"));

  if (g_str_equal (response, "add") && self->store != NULL)
    {
      if (gdnn_budget_add_own_line (self->store, self->plan_id, self->unit_id, gtk_editable_get_text (name),
                                    (GdnnBudgetSource) gtk_drop_down_get_selected (source), &error) == 0)
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      else
        reload (self);
    }
  add_line_free (add);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdnnBudgetPage *self = GDNN_BUDGET_PAGE (widget);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  AddLine *add;
  GObject *dialog;
  GObject *name;

  if (self->store == NULL)
    return;

  add = g_new0 (AddLine, 1);
  add->self = g_object_ref (self);
  add->builder = gtk_builder_new_from_resource ("/vn/gdnn/Report/gdnn-budget-line-dialog.ui");
  add->lines = gdnn_budget_list_lines (self->store, self->plan_id, self->unit_id, &error);
  if (add->lines == NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      add->lines = g_ptr_array_new ();
      add_line_free (add);
      return;
    }

  for (guint s = 0; s < GDNN_BUDGET_N_SOURCES; s++)
    gtk_string_list_append (sources, gdnn_budget_source_label (s));
  gtk_drop_down_set_model (GTK_DROP_DOWN (gtk_builder_get_object (add->builder, "source_dropdown")),
                           G_LIST_MODEL (sources));

  dialog = gtk_builder_get_object (add->builder, "dialog");
  name = gtk_builder_get_object (add->builder, "name_entry");
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect (name, "changed", G_CALLBACK (on_add_name_changed), add);
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_response), add);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gdnn_budget_page_dispose (GObject *object)
{
  GdnnBudgetPage *self = (GdnnBudgetPage *)object;

  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_BUDGET_PAGE);

  G_OBJECT_CLASS (gdnn_budget_page_parent_class)->dispose (object);
}

static void
gdnn_budget_page_class_init (GdnnBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_budget_page_dispose;

  g_type_ensure (GDNN_TYPE_BUDGET_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnBudgetPage, year_box);
  gtk_widget_class_bind_template_child (widget_class, GdnnBudgetPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnBudgetPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnBudgetPage, planned_factory);
  gtk_widget_class_bind_template_child (widget_class, GdnnBudgetPage, spent_factory);
  gtk_widget_class_bind_template_child (widget_class, GdnnBudgetPage, totals_box);
  gtk_widget_class_bind_template_callback (widget_class, setup_amount);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount);
  gtk_widget_class_bind_template_callback (widget_class, unbind_amount);
  gtk_widget_class_bind_template_callback (widget_class, setup_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_status);
  gtk_widget_class_bind_template_callback (widget_class, unbind_status);

  gtk_widget_class_install_action (widget_class, "budget.add-line", NULL, add_line_action);
}

static void
gdnn_budget_page_init (GdnnBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
}

/**
 * gdnn_budget_page_show:
 * @year: the year shown first (the reporting year), kept within the plan
 */
gboolean
gdnn_budget_page_show (GdnnBudgetPage  *self,
                       GdnnStore       *store,
                       gint64           unit_id,
                       gint64           plan_id,
                       int              year,
                       GError         **error)
{
  g_autoptr(GdnnPlan) plan = NULL;

  g_return_val_if_fail (GDNN_IS_BUDGET_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  plan = gdnn_store_get_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->plan_id = plan_id;
  self->year = CLAMP (year, plan->first_year, plan->last_year);
  self->last_year = plan->last_year;

  self->first_year = plan->first_year;
  gdnn_year_dropdown_set_range (self->year_dropdown, plan->first_year, plan->last_year, self->year);
  gtk_widget_set_visible (self->year_box, plan->first_year < plan->last_year);

  reload (self);
  return TRUE;
}

GListModel *
gdnn_budget_page_get_rows (GdnnBudgetPage *self)
{
  g_return_val_if_fail (GDNN_IS_BUDGET_PAGE (self), NULL);
  return self->rows;
}
