/* gdnn-plan-overview.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-plan-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-background.h"
#include "gdnn-plan-overview.h"
#include "gdnn-summary.h"
#include "gdnn-text.h"

/* The read-only overview of one unit's plan: the next due date, how many
 * indicators have a value, tasks by status, and every target with this
 * year's value. Everything it shows is computed in core. */

struct _GdnnPlanOverview
{
  AdwBin                parent_instance;

  GtkLabel             *plan_title;
  GtkLabel             *plan_subtitle;
  GtkLabel             *days_left;
  GtkLabel             *due_label;
  GtkLabel             *values_count;
  GtkLabel             *values_label;
  GtkLabel             *tasks_count;
  GtkLabel             *tasks_label;
  GtkLabel             *notes_count;
  GtkLabel             *late_count;
  AdwPreferencesGroup  *indicator_group;
  AdwPreferencesGroup  *task_group;

  GPtrArray            *rows;   /* rows added to the groups, to remove them */
  char                 *groups_shown; /* group_signature () of the folded groups shown, or NULL */

  /* Kept while shown: the rows of a large plan's groups are made when the
   * user opens the group. */
  GPtrArray            *indicators;
  GPtrArray            *values;
  GPtrArray            *bodies;
  GHashTable           *by_indicator;   /* indicator id → GdnnValue in values */
  GHashTable           *own_bodies;     /* ids of the plan's bodies that are this unit */
  GCancellable         *loading;        /* the load in progress, if any */
};

/* Above this many indicators the overview shows them by group, each group
 * folded: 200 rows laid out at once stalled the window (bench/bench-forms). */
#define FLAT_LIST_MAX 30

G_DEFINE_FINAL_TYPE (GdnnPlanOverview, gdnn_plan_overview, ADW_TYPE_BIN)

static void
gdnn_plan_overview_dispose (GObject *object)
{
  GdnnPlanOverview *self = (GdnnPlanOverview *)object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups_shown, g_free);
  g_clear_pointer (&self->by_indicator, g_hash_table_unref);
  g_clear_pointer (&self->own_bodies, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->bodies, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_PLAN_OVERVIEW);

  G_OBJECT_CLASS (gdnn_plan_overview_parent_class)->dispose (object);
}

static void
gdnn_plan_overview_class_init (GdnnPlanOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_plan_overview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-plan-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, plan_title);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, plan_subtitle);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, days_left);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, due_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, values_count);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, values_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, tasks_count);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, tasks_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, notes_count);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, late_count);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, indicator_group);
  gtk_widget_class_bind_template_child (widget_class, GdnnPlanOverview, task_group);
}

static void
gdnn_plan_overview_init (GdnnPlanOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

static void
clear_rows (GdnnPlanOverview *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (GdnnPlanOverview    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
format_measure (const GdnnIndicator *ind,
                double               value)
{
  switch (ind->measure)
    {
    case GDNN_MEASURE_RATIO:
      return gdnn_format_percent (value, 1);
    case GDNN_MEASURE_AMOUNT:
      return gdnn_format_money ((gint64) value);
    case GDNN_MEASURE_BOOLEAN:
      return g_strdup (value != 0 ? _("Yes") : _("No"));
    case GDNN_MEASURE_COUNT:
    default:
      {
        g_autofree char *n = gdnn_format_number (value, 0);
        return ind->unit_label != NULL ? g_strdup_printf ("%s %s", n, ind->unit_label) : g_steal_pointer (&n);
      }
    }
}

/* The plan-wide milestones, then the unit's own targets where the plan
 * gives the unit (as one of its bodies) a target of its own. */
static char *
describe_targets (const GdnnIndicator *ind,
                  GHashTable          *own_bodies)
{
  g_autoptr(GString) s = g_string_new (ind->code);

  for (guint i = 0; i < ind->targets->len; i++)
    {
      const GdnnTarget *t = g_ptr_array_index (ind->targets, i);
      g_autofree char *v = NULL;

      if (t->body_id != 0 && !g_hash_table_contains (own_bodies, &t->body_id))
        continue;
      v = format_measure (ind, t->value);
      g_string_append (s, " · ");
      if (t->body_id == 0)
        /* Translators: a milestone target, e.g. "2025: 50%". */
        g_string_append_printf (s, _("%d: %s"), t->year, v);
      else
        /* Translators: the unit's own target, e.g. "2023, this unit: 340 người". */
        g_string_append_printf (s, _("%d, this unit: %s"), t->year, v);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
make_indicator_row (GdnnPlanOverview    *self,
                    const GdnnIndicator *ind)
{
  GdnnValue *v = g_hash_table_lookup (self->by_indicator, &ind->id);
  g_autofree char *subtitle = describe_targets (ind, self->own_bodies);
  g_autofree char *text = NULL;
  g_autofree char *name = g_markup_escape_text (ind->name, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  if (v != NULL && v->has_numerator)
    {
      double percent;

      if (ind->measure == GDNN_MEASURE_RATIO && gdnn_value_get_percent (v, &percent))
        {
          g_autofree char *pct = gdnn_format_percent (percent, 1);
          g_autofree char *num = gdnn_format_number (v->numerator, 0);
          g_autofree char *den = gdnn_format_number (v->denominator, 0);
          text = g_strdup_printf ("%s (%s/%s)", pct, num, den);
        }
      else
        text = format_measure (ind, v->numerator);
    }
  else
    text = g_strdup (_("No value yet"));

  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, v != NULL ? "numeric" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* A folded group fills itself the first time it is opened. */
static void
on_group_expanded (AdwExpanderRow   *expander,
                   GParamSpec       *pspec,
                   GdnnPlanOverview *self)
{
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "first"));
  guint last = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "last"));

  if (!adw_expander_row_get_expanded (expander) || g_object_get_data (G_OBJECT (expander), "filled") != NULL ||
      self->indicators == NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "filled", GINT_TO_POINTER (TRUE));
  for (guint i = first; i < last && i < self->indicators->len; i++)
    adw_expander_row_add_row (expander, make_indicator_row (self, g_ptr_array_index (self->indicators, i)));
}

/* What the folded groups of a large plan stand for: their indicators in
 * order, the groups they belong to and the groups' names. NULL for a plan
 * small enough to show flat. */
static char *
group_signature (GPtrArray *indicators)
{
  GString *s;

  if (indicators->len <= FLAT_LIST_MAX)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < indicators->len; i++)
    {
      const GdnnIndicator *ind = g_ptr_array_index (indicators, i);

      g_string_append_printf (s, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, ind->id, ind->group_id);
      if (i == 0 || ((const GdnnIndicator *) g_ptr_array_index (indicators, i - 1))->group_id != ind->group_id)
        g_string_append_printf (s, "[%s\x1f%s]", ind->group_code != NULL ? ind->group_code : "",
                                ind->group_title != NULL ? ind->group_title : "");
      g_string_append_c (s, ';');
    }
  return g_string_free (s, FALSE);
}

static char *
group_subtitle (GdnnPlanOverview *self,
                guint             first,
                guint             last)
{
  guint with_value = 0;

  for (guint i = first; i < last; i++)
    {
      GdnnIndicator *ind = g_ptr_array_index (self->indicators, i);
      GdnnValue *v = g_hash_table_lookup (self->by_indicator, &ind->id);

      if (v != NULL && v->has_numerator)
        with_value++;
    }
  /* Translators: e.g. "12/20 indicators have a value". */
  return g_strdup_printf (_("%u/%u indicators have a value"), with_value, last - first);
}

/* The same folded groups read again (after an edit): the rows stay and
 * take the new counts. Building 20 to 40 expander rows again at every
 * reload made a frame of over 30 ms (bench/bench-forms). FALSE when a
 * group was opened (its rows show values) or the groups changed. */
static gboolean
can_keep_groups (GdnnPlanOverview *self,
                 const char       *signature)
{
  if (signature == NULL || g_strcmp0 (signature, self->groups_shown) != 0)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, i)), "filled") != NULL)
      return FALSE;
  return TRUE;
}

static void
update_group_rows (GdnnPlanOverview *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      g_autofree char *subtitle = NULL;

      if (!ADW_IS_EXPANDER_ROW (row))
        continue;
      subtitle = group_subtitle (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "first")),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "last")));
      if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), subtitle) != 0)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A group's subtitle is a short count on one line. libadwaita 1.2 wraps
 * it, and GTK 4.8 then searches for its width at some 25 widths each time
 * the row is measured: two thirds of the text laid out in the first frame
 * of a large plan's overview (bench/bench-forms). Cut with "…" instead. */
static void
unwrap_subtitle (AdwExpanderRow *expander)
{
  GtkLabel *label = find_label (GTK_WIDGET (expander), adw_expander_row_get_subtitle (expander));

  if (label == NULL)
    return;
  gtk_label_set_wrap (label, FALSE);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
}

static void
add_indicator_rows (GdnnPlanOverview *self)
{
  guint first = 0;

  if (self->indicators->len <= FLAT_LIST_MAX)
    {
      for (guint i = 0; i < self->indicators->len; i++)
        add_row (self, self->indicator_group, make_indicator_row (self, g_ptr_array_index (self->indicators, i)));
      return;
    }

  /* Indicators come in the plan's order, so each group is a run. */
  while (first < self->indicators->len)
    {
      GdnnIndicator *head = g_ptr_array_index (self->indicators, first);
      guint last = first;
      GtkWidget *expander;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      while (last < self->indicators->len &&
             ((GdnnIndicator *) g_ptr_array_index (self->indicators, last))->group_id == head->group_id)
        last++;

      expander = adw_expander_row_new ();
      title = g_markup_printf_escaped ("%s %s", head->group_code != NULL ? head->group_code : "",
                                       head->group_title != NULL ? head->group_title : _("Other indicators"));
      subtitle = group_subtitle (self, first, last);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      g_object_set_data (G_OBJECT (expander), "first", GUINT_TO_POINTER (first));
      g_object_set_data (G_OBJECT (expander), "last", GUINT_TO_POINTER (last));
      unwrap_subtitle (ADW_EXPANDER_ROW (expander));
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_group_expanded), self);
      add_row (self, self->indicator_group, expander);
      first = last;
    }
}

static void
add_task_rows (GdnnPlanOverview      *self,
               const GdnnPlanSummary *summary)
{
  for (guint s = 0; s < GDNN_N_TASK_STATUS; s++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf ("%u", summary->tasks_by_status[s]);
      GtkWidget *label = gtk_label_new (count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gdnn_task_status_label (s));
      if (s == GDNN_TASK_OVERDUE && summary->tasks_by_status[s] > 0)
        gtk_widget_add_css_class (label, "behind");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "count-label", label);
      g_object_set_data (G_OBJECT (row), "status", GUINT_TO_POINTER (s));
      add_row (self, self->task_group, row);
    }
}

static void
update_task_rows (GdnnPlanOverview      *self,
                  const GdnnPlanSummary *summary)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *label = g_object_get_data (G_OBJECT (row), "count-label");
      guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "status"));
      g_autofree char *count = NULL;

      if (label == NULL)
        continue;
      count = g_strdup_printf ("%u", summary->tasks_by_status[s]);
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), count) != 0)
        gtk_label_set_text (GTK_LABEL (label), count);
      if (s == GDNN_TASK_OVERDUE && summary->tasks_by_status[s] > 0)
        gtk_widget_add_css_class (label, "behind");
      else
        gtk_widget_remove_css_class (label, "behind");
    }
}

/* A count that needs the user's attention is marked, not by colour alone:
 * the row's warning icon says so too. */
static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
  if (count > 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "behind");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "behind");
}

/* What the overview shows, read in a worker thread on a read-only
 * connection: the summary of a 200-indicator, 500-task plan took longer
 * than a frame may (bench/bench-forms). */
typedef struct
{
  char            *path;
  gint64           unit_id;
  gint64           plan_id;
  GDate            today;
  GdnnPlan        *plan;
  GdnnPlanSummary *summary;
  GPtrArray       *indicators;
  GPtrArray       *values;
  GPtrArray       *bodies;
} OverviewData;

static void
overview_data_free (OverviewData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->plan, gdnn_plan_free);
  g_clear_pointer (&data->summary, gdnn_plan_summary_free);
  g_clear_pointer (&data->indicators, g_ptr_array_unref);
  g_clear_pointer (&data->values, g_ptr_array_unref);
  g_clear_pointer (&data->bodies, g_ptr_array_unref);
  g_free (data);
}

static gboolean
overview_data_load (OverviewData  *d,
                    GError       **error)
{
  g_autoptr(GdnnStore) store = gdnn_store_open_reader (d->path, error);

  return store != NULL &&
         (d->plan = gdnn_store_get_plan (store, d->plan_id, error)) != NULL &&
         (d->summary = gdnn_plan_summary_compute (store, d->unit_id, d->plan_id, &d->today, error)) != NULL &&
         (d->indicators = gdnn_store_list_indicators (store, d->plan_id, error)) != NULL &&
         (d->values = gdnn_store_list_values (store, d->unit_id, d->plan_id, d->summary->year, error)) != NULL &&
         (d->bodies = gdnn_store_list_bodies (store, d->plan_id, error)) != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (overview_data_load (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void apply (GdnnPlanOverview *self,
                   OverviewData     *d);

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GdnnPlanOverview *self = GDNN_PLAN_OVERVIEW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;
  g_clear_object (&self->loading);
  apply (self, g_task_get_task_data (G_TASK (result)));
}

/**
 * gdnn_plan_overview_show:
 *
 * Reads the plan's overview in a worker thread and shows it when read
 * (gdnn_plan_overview_is_loading() says so meanwhile).
 */
gboolean
gdnn_plan_overview_show (GdnnPlanOverview  *self,
                         GdnnStore         *store,
                         gint64             unit_id,
                         gint64             plan_id,
                         const GDate       *today,
                         GError           **error)
{
  g_autoptr(GTask) task = NULL;
  OverviewData *data;

  g_return_val_if_fail (GDNN_IS_PLAN_OVERVIEW (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  g_object_unref (self->loading);

  data = g_new0 (OverviewData, 1);
  data->path = g_strdup (gdnn_store_get_path (store));
  data->unit_id = unit_id;
  data->plan_id = plan_id;
  data->today = *today;
  task = g_task_new (self, self->loading, on_loaded, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) overview_data_free);
  gdnn_task_run_in_background (task, load_thread);
  return TRUE;
}

gboolean
gdnn_plan_overview_is_loading (GdnnPlanOverview *self)
{
  g_return_val_if_fail (GDNN_IS_PLAN_OVERVIEW (self), FALSE);
  return self->loading != NULL;
}

static void
apply (GdnnPlanOverview *self,
       OverviewData     *d)
{
  GdnnPlan *plan = d->plan;
  GdnnPlanSummary *summary = d->summary;
  gint64 unit_id = d->unit_id;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *signature = group_signature (d->indicators);
  gboolean keep = can_keep_groups (self, signature);

  if (!keep)
    clear_rows (self);
  g_free (self->groups_shown);
  self->groups_shown = g_steal_pointer (&signature);
  g_clear_pointer (&self->by_indicator, g_hash_table_unref);
  g_clear_pointer (&self->own_bodies, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->bodies, g_ptr_array_unref);
  self->indicators = g_steal_pointer (&d->indicators);
  self->values = g_steal_pointer (&d->values);
  self->bodies = g_steal_pointer (&d->bodies);
  self->by_indicator = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->own_bodies = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->values->len; i++)
    {
      GdnnValue *v = g_ptr_array_index (self->values, i);
      if (g_str_equal (v->period, "year"))
        g_hash_table_insert (self->by_indicator, &v->indicator_id, v);
    }
  for (guint i = 0; i < self->bodies->len; i++)
    {
      GdnnBody *body = g_ptr_array_index (self->bodies, i);
      if (body->unit_id == unit_id)
        g_hash_table_add (self->own_bodies, &body->id);
    }

  title = g_strdup_printf ("%s %s", plan->number, plan->title);
  gtk_label_set_text (self->plan_title, title);
  /* Translators: the plan's issuer and its years, e.g. "UBND tỉnh Bắc Giang · 2022–2030". */
  subtitle = g_strdup_printf (_("%s · %d–%d"), plan->issuer, plan->first_year, plan->last_year);
  gtk_label_set_text (self->plan_subtitle, subtitle);

  if (summary->overdue)
    {
      g_autofree char *date = gdnn_format_date (&summary->due);

      /* The report not finalised after its due date stays the one shown,
       * until it is finalised. */
      gtk_label_set_text (self->days_left, _("Overdue"));
      /* Translators: the first %s says which report is how late ("Báo cáo
       * năm 2026 đã quá hạn 8 ngày"), the second is its due date. */
      text = g_strdup_printf (_("%s (due %s). Finalise it on the Report page."), summary->late_text, date);
      gtk_label_set_text (self->due_label, text);
      g_clear_pointer (&text, g_free);
      gtk_widget_add_css_class (GTK_WIDGET (self->days_left), "behind");
    }
  else if (summary->days_left >= 0)
    {
      g_autofree char *date = gdnn_format_date (&summary->due);
      g_autofree char *days = g_strdup_printf ("%d", summary->days_left);

      gtk_label_set_text (self->days_left, days);
      /* Translators: %s is a report name ("Báo cáo năm"), then the due date. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "day left until the %s, due %s",
                                           "days left until the %s, due %s", summary->days_left),
                              summary->period_name, date);
      gtk_label_set_text (self->due_label, text);
      g_clear_pointer (&text, g_free);
      if (summary->days_left <= 14)
        gtk_widget_add_css_class (GTK_WIDGET (self->days_left), "behind");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->days_left), "behind");
    }
  else
    {
      gtk_label_set_text (self->days_left, "—");
      gtk_label_set_text (self->due_label, summary->ended ? _("The plan has ended; no report is due")
                                                          : _("This plan sets no report dates"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->days_left), "behind");
    }

  text = g_strdup_printf ("%u/%u", summary->n_with_value, summary->n_indicators);
  gtk_label_set_text (self->values_count, text);
  g_clear_pointer (&text, g_free);
  /* Translators: %d is a year. */
  text = g_strdup_printf (_("indicators have a value for %d"), summary->year);
  gtk_label_set_text (self->values_label, text);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("%u/%u", summary->tasks_by_status[GDNN_TASK_DONE], summary->n_tasks);
  gtk_label_set_text (self->tasks_count, text);
  gtk_label_set_text (self->tasks_label, summary->tasks_by_status[GDNN_TASK_OVERDUE] > 0 ?
                      _("tasks done; some are overdue") : _("tasks done"));
  g_clear_pointer (&text, g_free);

  set_count (self->notes_count, summary->n_notes_missing);
  set_count (self->late_count, summary->n_tasks_late);

  /* Translators: %d is a year. */
  text = g_strdup_printf (_("Targets and Values for %d"), summary->year);
  adw_preferences_group_set_title (self->indicator_group, text);

  if (keep)
    {
      update_group_rows (self);
      update_task_rows (self, summary);
      return;
    }
  add_indicator_rows (self);
  add_task_rows (self, summary);
}
