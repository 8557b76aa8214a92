/* gdnn-charts-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-chart-data.h"
#include "gdnn-chart-view.h"
#include "gdnn-charts-page.h"

/* The charts of a unit's plan for a year: one indicator over the years
 * (chosen in a drop-down, by code), every indicator against its target,
 * and the tasks by status. The charts are the report's, drawn by the
 * render library. */

struct _GdnnChartsPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *indicator_group;
  GtkDropDown          *indicator_dropdown;
  GtkLabel             *indicator_name;
  GdnnChartView        *indicator_view;
  AdwPreferencesGroup  *plan_group;
  GdnnChartView        *plan_view;
  AdwPreferencesGroup  *tasks_group;
  GdnnChartView        *tasks_view;

  /* Owned references */
  GPtrArray            *indicator_charts;   /* of GdnnIndicatorChart, by code */
};

G_DEFINE_FINAL_TYPE (GdnnChartsPage, gdnn_charts_page, ADW_TYPE_BIN)

static void
on_indicator_selected (GdnnChartsPage *self,
                       GParamSpec     *pspec,
                       GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GdnnIndicatorChart *chart = NULL;

  if (self->indicator_charts != NULL && selected < self->indicator_charts->len)
    chart = g_ptr_array_index (self->indicator_charts, selected);
  gdnn_chart_view_set_indicator_chart (self->indicator_view, chart);
  gtk_label_set_label (self->indicator_name, chart != NULL && chart->name != NULL ? chart->name : "");
}

/* The button shows "code — name" on one line, cut; the list wraps it. */
static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_list)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}

static void
gdnn_charts_page_dispose (GObject *object)
{
  GdnnChartsPage *self = (GdnnChartsPage *)object;

  g_clear_pointer (&self->indicator_charts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_CHARTS_PAGE);

  G_OBJECT_CLASS (gdnn_charts_page_parent_class)->dispose (object);
}

static void
gdnn_charts_page_class_init (GdnnChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_charts_page_dispose;

  g_type_ensure (GDNN_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, indicator_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, indicator_name);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, indicator_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, tasks_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnChartsPage, tasks_view);
}

static void
gdnn_charts_page_init (GdnnChartsPage *self)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory (TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_factory (self->indicator_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->indicator_dropdown, list_factory);
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected",
                            G_CALLBACK (on_indicator_selected), self);
}

/**
 * gdnn_charts_page_show:
 * @year: the year whose values are charted (clamped to the plan's years)
 */
gboolean
gdnn_charts_page_show (GdnnChartsPage  *self,
                       GdnnStore       *store,
                       gint64           unit_id,
                       gint64           plan_id,
                       int              year,
                       GError         **error)
{
  g_autoptr(GdnnPlan) plan = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GdnnPlanChart) plan_chart = NULL;
  g_autoptr(GdnnTaskChart) task_chart = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *plan_text = NULL;
  g_autofree char *tasks_text = NULL;

  g_return_val_if_fail (GDNN_IS_CHARTS_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)))
    return FALSE;
  year = CLAMP (year, plan->baseline_year, plan->last_year);
  if (!(charts = gdnn_chart_data_indicators (store, unit_id, plan_id, year, error)) ||
      !(plan_chart = gdnn_chart_data_plan (store, unit_id, plan_id, year, error)) ||
      !(task_chart = gdnn_chart_data_tasks (store, unit_id, plan_id, year, error)))
    return FALSE;

  for (guint i = 0; i < charts->len; i++)
    {
      GdnnIndicatorChart *c = g_ptr_array_index (charts, i);
      g_autofree char *text = g_strconcat (c->code, " — ", c->name, NULL);
      gtk_string_list_append (names, text);
    }
  g_clear_pointer (&self->indicator_charts, g_ptr_array_unref);
  self->indicator_charts = g_steal_pointer (&charts);
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->indicator_dropdown, 0);
  on_indicator_selected (self, NULL, self->indicator_dropdown);
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_group), self->indicator_charts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), self->indicator_charts->len > 0);

  gdnn_chart_view_set_plan_chart (self->plan_view, plan_chart);
  /* Translators: %d is a year. */
  plan_text = g_strdup_printf (_("Values of %d as a percentage of the milestone each indicator is tracked against"),
                               year);
  adw_preferences_group_set_description (self->plan_group, plan_text);

  gdnn_chart_view_set_task_chart (self->tasks_view, task_chart);
  /* Translators: %d is a year. */
  tasks_text = g_strdup_printf (_("The plan's tasks and the unit's own, by their status in %d"), year);
  adw_preferences_group_set_description (self->tasks_group, tasks_text);
  return TRUE;
}
