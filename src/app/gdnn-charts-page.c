/* gdnn-charts-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-background.h"
#include "gdnn-chart-data.h"
#include "gdnn-chart-view.h"
#include "gdnn-charts-page.h"

/* The charts of a unit's plan for a year: one indicator over the years
 * (chosen in a drop-down, by code), every indicator against its target,
 * and the tasks by status. The charts are the report's, drawn by the
 * render library. Their data are read in a worker thread: for a plan of
 * 200 indicators over 10 years that took longer than a frame may
 * (bench/bench-forms). */

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
  GCancellable         *loading;            /* the load in progress, if any */
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

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
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

typedef struct
{
  char          *path;
  gint64         unit_id;
  gint64         plan_id;
  int            year;
  /* What the worker read */
  GPtrArray     *charts;
  GdnnPlanChart *plan_chart;
  GdnnTaskChart *task_chart;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->charts, g_ptr_array_unref);
  g_clear_pointer (&data->plan_chart, gdnn_plan_chart_unref);
  g_clear_pointer (&data->task_chart, gdnn_task_chart_unref);
  g_free (data);
}

/* In a worker thread, on a read-only connection of its own. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GdnnStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  if (!(reader = gdnn_store_open_reader (data->path, &error)) ||
      !(data->charts = gdnn_chart_data_indicators (reader, data->unit_id, data->plan_id, data->year, &error)) ||
      !(data->plan_chart = gdnn_chart_data_plan (reader, data->unit_id, data->plan_id, data->year, &error)) ||
      !(data->task_chart = gdnn_chart_data_tasks (reader, data->unit_id, data->plan_id, data->year, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* TRUE when two string lists hold the same strings in the same order. */
static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n;

  if (a == NULL || b == NULL || (n = g_list_model_get_n_items (a)) != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) x = g_list_model_get_item (a, i);
      g_autoptr(GtkStringObject) y = g_list_model_get_item (b, i);

      if (g_strcmp0 (gtk_string_object_get_string (x), gtk_string_object_get_string (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GdnnChartsPage *self = GDNN_CHARTS_PAGE (source);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *tasks_text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;   /* a newer load was started meanwhile */
  g_clear_object (&self->loading);

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < data->charts->len; i++)
    {
      GdnnIndicatorChart *c = g_ptr_array_index (data->charts, i);
      g_autofree char *text = g_strconcat (c->code, " — ", c->name, NULL);
      gtk_string_list_append (names, text);
    }
  g_clear_pointer (&self->indicator_charts, g_ptr_array_unref);
  self->indicator_charts = g_steal_pointer (&data->charts);
  /* Another year of the same plan: the same list, and the indicator chosen
   * stays. A new model would also make the drop-down's list build a row
   * for each of up to 200 indicators at once (bench/bench-forms). */
  if (same_strings (gtk_drop_down_get_model (self->indicator_dropdown), G_LIST_MODEL (names)))
    on_indicator_selected (self, NULL, self->indicator_dropdown);
  else
    {
      gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (names));
      gtk_drop_down_set_selected (self->indicator_dropdown, 0);
      on_indicator_selected (self, NULL, self->indicator_dropdown);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_group), self->indicator_charts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), self->indicator_charts->len > 0);

  gdnn_chart_view_set_plan_chart (self->plan_view, data->plan_chart);
  /* Translators: %d is a year. */
  plan_text = g_strdup_printf (_("Values of %d as a percentage of the milestone each indicator is tracked against"),
                               data->year);
  adw_preferences_group_set_description (self->plan_group, plan_text);

  gdnn_chart_view_set_task_chart (self->tasks_view, data->task_chart);
  /* Translators: %d is a year. */
  tasks_text = g_strdup_printf (_("The plan's tasks and the unit's own, by their status in %d"), data->year);
  adw_preferences_group_set_description (self->tasks_group, tasks_text);
}

/**
 * gdnn_charts_page_show:
 * @year: the year whose values are charted (clamped to the plan's years)
 *
 * Reads the charts' data in a worker thread; the charts change when they
 * are read (gdnn_charts_page_is_loading() says so meanwhile).
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
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_val_if_fail (GDNN_IS_CHARTS_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (!(plan = gdnn_store_get_plan (store, plan_id, error)))
    return FALSE;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (gdnn_store_get_path (store));
  data->unit_id = unit_id;
  data->plan_id = plan_id;
  data->year = CLAMP (year, plan->baseline_year, plan->last_year);
  task = g_task_new (self, self->loading, on_loaded, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  gdnn_task_run_in_background (task, load_thread);
  return TRUE;
}

/* TRUE while the charts' data are being read. */
gboolean
gdnn_charts_page_is_loading (GdnnChartsPage *self)
{
  g_return_val_if_fail (GDNN_IS_CHARTS_PAGE (self), FALSE);
  return self->loading != NULL;
}
