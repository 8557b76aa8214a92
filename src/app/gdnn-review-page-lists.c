/* gdnn-review-page-lists.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-review-page-private.h"
#include "gdnn-text.h"

/* The review page's three tabs: who has submitted (a sortable, filtered
 * column view), the checks (grouped by unit), the office totals with the
 * per-unit comparison chart and the units' tasks. */

typedef enum
{
  FILTER_ALL,
  FILTER_ON_TIME,
  FILTER_LATE,
  FILTER_MISSING,
  FILTER_PROBLEMS,
} StatusFilter;

/* "2026-11-20T09:30:00" → "20/11/2026"; NULL or unreadable → "—". */
static char *
format_iso_date (const char *iso)
{
  /* The date part only; gdnn_parse_date, not sscanf "%d", which
   * overflows on long digit runs. */
  g_autofree char *day = iso != NULL ? g_strndup (iso, 10) : NULL;
  GDate date;

  if (day == NULL || !gdnn_parse_date (day, &date, NULL))
    return g_strdup ("—");
  return gdnn_format_date (&date);
}

static const char *
delivery_icon (GdnnDelivery delivery)
{
  switch (delivery)
    {
    case GDNN_DELIVERY_ON_TIME: return "emblem-ok-symbolic";
    case GDNN_DELIVERY_LATE: return "alarm-symbolic";
    case GDNN_DELIVERY_MISSING:
    default: return "action-unavailable-symbolic";
    }
}

static const char *
delivery_class (GdnnDelivery delivery)
{
  switch (delivery)
    {
    case GDNN_DELIVERY_ON_TIME: return "success";
    case GDNN_DELIVERY_LATE: return "warning";
    case GDNN_DELIVERY_MISSING:
    default: return "error";
    }
}

/* ------------------------------------------------------- status columns */

typedef enum
{
  COLUMN_UNIT,
  COLUMN_DELIVERY,
  COLUMN_RECEIVED,
  COLUMN_REPORT_DATE,
  COLUMN_PROBLEMS,
  COLUMN_STATE,
} StatusColumn;

static char *
status_text (const GdnnSubmissionStatus *status,
             StatusColumn                column)
{
  const GdnnSubmissionInfo *current = status->current;

  switch (column)
    {
    case COLUMN_UNIT:
      return g_strdup (status->unit_name);
    case COLUMN_DELIVERY:
      return g_strdup (gdnn_delivery_label (status->delivery));
    case COLUMN_RECEIVED:
      return format_iso_date (current != NULL ? current->received_at : NULL);
    case COLUMN_REPORT_DATE:
      return format_iso_date (current != NULL ? current->report_date : NULL);
    case COLUMN_PROBLEMS:
      return current != NULL ? g_strdup_printf ("%d", current->problems) : g_strdup ("—");
    case COLUMN_STATE:
    default:
      return g_strdup (current != NULL ? gdnn_submission_state_label (current->state) : "—");
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  StatusColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_DELIVERY)
    gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_PROBLEMS ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  StatusColumn column = GPOINTER_TO_INT (user_data);
  const GdnnSubmissionStatus *status = gdnn_review_item_get_data (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *text = status_text (status, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gdnn_widget_set_tooltip (label, column == COLUMN_STATE && status->current != NULL
                                  ? status->current->note : NULL);
  if (column == COLUMN_DELIVERY)
    {
      GtkWidget *image = gtk_widget_get_first_child (box);

      gtk_image_set_from_icon_name (GTK_IMAGE (image), delivery_icon (status->delivery));
      gtk_widget_remove_css_class (image, "success");
      gtk_widget_remove_css_class (image, "warning");
      gtk_widget_remove_css_class (image, "error");
      gtk_widget_add_css_class (image, delivery_class (status->delivery));
    }
  if (column == COLUMN_PROBLEMS)
    {
      if (status->current != NULL && status->current->problems > 0)
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_remove_css_class (label, "warning");
    }
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  StatusColumn column = GPOINTER_TO_INT (user_data);
  const GdnnSubmissionStatus *sa = gdnn_review_item_get_data ((gpointer) a);
  const GdnnSubmissionStatus *sb = gdnn_review_item_get_data ((gpointer) b);
  int pa, pb, order = 0;

  switch (column)
    {
    case COLUMN_DELIVERY:
      order = (int) sa->delivery - (int) sb->delivery;
      break;
    case COLUMN_RECEIVED:
      order = g_strcmp0 (sa->current ? sa->current->received_at : NULL, sb->current ? sb->current->received_at : NULL);
      break;
    case COLUMN_REPORT_DATE:
      order = g_strcmp0 (sa->current ? sa->current->report_date : NULL, sb->current ? sb->current->report_date : NULL);
      break;
    case COLUMN_PROBLEMS:
      pa = sa->current ? sa->current->problems : -1;
      pb = sb->current ? sb->current->problems : -1;
      order = (pa > pb) - (pa < pb);
      break;
    case COLUMN_STATE:
      pa = sa->current ? (int) sa->current->state : -1;
      pb = sb->current ? (int) sb->current->state : -1;
      order = (pa > pb) - (pa < pb);
      break;
    case COLUMN_UNIT:
    default:
      break;
    }
  if (order == 0)
    order = gdnn_collate (sa->unit_name, sb->unit_name);
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_status_column (GdnnReviewPage *self,
                   const char     *title,
                   StatusColumn    column,
                   int             width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_status, GINT_TO_POINTER (column), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (column == COLUMN_UNIT)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else
    gdnn_column_set_width_chars (view_column, GTK_WIDGET (self->status_view), width_chars);
  gtk_column_view_append_column (self->status_view, view_column);
  if (column == COLUMN_UNIT)
    gtk_column_view_sort_by_column (self->status_view, view_column, GTK_SORT_ASCENDING);
  g_object_unref (view_column);
  g_object_unref (sorter);
}

static gboolean
match_status (gpointer item,
              gpointer user_data)
{
  GdnnReviewPage *self = user_data;
  const GdnnSubmissionStatus *status = gdnn_review_item_get_data (item);

  switch ((StatusFilter) gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_ON_TIME: return status->delivery == GDNN_DELIVERY_ON_TIME;
    case FILTER_LATE: return status->delivery == GDNN_DELIVERY_LATE;
    case FILTER_MISSING: return status->delivery == GDNN_DELIVERY_MISSING;
    case FILTER_PROBLEMS: return status->current != NULL && status->current->problems > 0;
    case FILTER_ALL:
    default: return TRUE;
    }
}

static void
update_shown (GdnnReviewPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->status_filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->status_rows));
  g_autofree char *text = NULL;

  /* Translators: above the submissions list, e.g. "12 of 60 units shown". */
  text = g_strdup_printf (g_dngettext (NULL, "%u of %u unit shown", "%u of %u units shown", all), shown, all);
  gtk_label_set_text (self->shown_label, text);
  if (all == 0)
    {
      adw_status_page_set_title (self->status_empty, _("No Units Report on This Plan"));
      adw_status_page_set_description (self->status_empty,
                                       _("Attach the plan to the office's units, or import the reports they sent."));
    }
  else
    {
      adw_status_page_set_title (self->status_empty, _("No Matching Units"));
      adw_status_page_set_description (self->status_empty, _("Choose another filter to see more units."));
    }
  gtk_stack_set_visible_child_name (self->status_stack, shown > 0 ? "list" : "empty");
}

static void
on_filter_changed (GdnnReviewPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

/* The review actions follow the selected unit. */
static void
update_actions (GdnnReviewPage *self)
{
  GdnnReviewItem *item = gtk_single_selection_get_selected_item (self->status_selection);
  const GdnnSubmissionStatus *status = item != NULL ? gdnn_review_item_get_data (item) : NULL;
  gboolean reviewable = status != NULL && status->current != NULL &&
                        status->current->state != GDNN_SUBMISSION_REPLACED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.details", status != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.received", reviewable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept",
                                 reviewable && status->current->state != GDNN_SUBMISSION_ACCEPTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return",
                                 reviewable && status->current->state != GDNN_SUBMISSION_RETURNED);
  /* The reply letter goes with a returned report (in the place of Return,
   * which it no longer needs). */
  gboolean returned = reviewable && status->current->state == GDNN_SUBMISSION_RETURNED;
  gtk_widget_set_visible (self->letter_button, returned);
  gtk_widget_set_visible (self->return_button, !returned);
  if (returned)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->letter_button),
                                            g_variant_new_int64 (status->current->id));
}

static void
on_status_activated (GdnnReviewPage *self,
                     guint           position,
                     GtkColumnView  *view)
{
  g_autoptr(GdnnReviewItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (item != NULL)
    gdnn_review_page_show_unit (self, ((GdnnSubmissionStatus *) gdnn_review_item_get_data (item))->unit_id);
}

/* ------------------------------------------------------- totals columns */

typedef enum
{
  TOTAL_CODE,
  TOTAL_NAME,
  TOTAL_UNITS,
  TOTAL_NUMERATOR,
  TOTAL_DENOMINATOR,
  TOTAL_RESULT,
  TOTAL_TARGET,
} TotalColumn;

static char *
format_measure (GdnnMeasure measure,
                double      value)
{
  if (measure == GDNN_MEASURE_RATIO)
    return gdnn_format_percent (value, 1);
  return gdnn_format_number (value, value == (gint64) value ? 0 : 2);
}

static char *
total_text (const GdnnAggregateRow *row,
            TotalColumn             column)
{
  switch (column)
    {
    case TOTAL_CODE:
      return g_strdup (row->code);
    case TOTAL_NAME:
      return g_strdup (row->name);
    case TOTAL_UNITS:
      return g_strdup_printf ("%d", row->units_reporting);
    case TOTAL_NUMERATOR:
      return row->units_reporting > 0 ? gdnn_format_number (row->numerator, row->numerator == (gint64) row->numerator ? 0 : 2)
                                      : g_strdup ("—");
    case TOTAL_DENOMINATOR:
      return row->measure == GDNN_MEASURE_RATIO && row->units_reporting > 0
             ? gdnn_format_number (row->denominator, row->denominator == (gint64) row->denominator ? 0 : 2)
             : g_strdup ("—");
    case TOTAL_RESULT:
      return row->has_value ? format_measure (row->measure, row->value) : g_strdup ("—");
    case TOTAL_TARGET:
    default:
      if (!row->has_target)
        return g_strdup ("—");
      {
        g_autofree char *value = format_measure (row->measure, row->target_value);
        /* Translators: a target and its year, e.g. "47,0% (2026)". */
        return g_strdup_printf (_("%s (%d)"), value, row->target_year);
      }
    }
}

static void
setup_total (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  TotalColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == TOTAL_CODE || column == TOTAL_NAME ? 0 : 1);
  if (column == TOTAL_NAME)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_total (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TotalColumn column = GPOINTER_TO_INT (user_data);
  const GdnnAggregateRow *row = gdnn_review_item_get_data (gtk_list_item_get_item (item));
  g_autofree char *text = total_text (row, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_total_column (GdnnReviewPage *self,
                  const char     *title,
                  TotalColumn     column,
                  int             width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_total), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_total), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  if (column == TOTAL_NAME)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else
    gdnn_column_set_width_chars (view_column, GTK_WIDGET (self->totals_view), width_chars);
  gtk_column_view_append_column (self->totals_view, view_column);
  g_object_unref (view_column);
}

/* ------------------------------------------------------------ the chart */

/* One bar per unit for the indicator chosen: a ratio against the plan's
 * target (100% = the target reached), a count or amount as the unit's
 * share of the office total. */
static void
update_chart (GdnnReviewPage *self)
{
  guint index = gtk_drop_down_get_selected (self->indicator_dropdown);
  g_autoptr(GdnnPlanChart) chart = gdnn_plan_chart_new ();
  const GdnnAggregate *aggregate = self->data != NULL ? self->data->aggregate : NULL;
  const GdnnAggregateRow *row;
  gboolean against_target;
  g_autofree char *hint = NULL;

  if (aggregate == NULL || index == GTK_INVALID_LIST_POSITION || index >= aggregate->rows->len)
    {
      gdnn_chart_view_set_plan_chart (self->compare_chart, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->compare_chart), FALSE);
      gtk_label_set_text (self->compare_hint, _("No indicator to compare yet."));
      return;
    }
  row = g_ptr_array_index (aggregate->rows, index);
  against_target = row->measure == GDNN_MEASURE_RATIO && row->has_target && row->target_value > 0;
  chart->year = self->data->year;
  chart->plan_number = g_strdup (self->data->plan->number);

  for (guint i = 0; i < aggregate->units->len; i++)
    {
      const GdnnUnitComparison *unit = g_ptr_array_index (aggregate->units, i);
      const GdnnValue *value = index < unit->values->len ? g_ptr_array_index (unit->values, index) : NULL;
      double number = 0, percent = 0;
      gboolean has = FALSE;
      GdnnChartBar *bar;

      if (value != NULL && row->measure == GDNN_MEASURE_RATIO)
        has = gdnn_value_get_percent (value, &number);
      else if (value != NULL && value->has_numerator)
        {
          number = value->numerator;
          has = TRUE;
        }
      if (has && against_target)
        percent = number / row->target_value * 100;
      else if (has && row->numerator != 0 && row->measure != GDNN_MEASURE_RATIO)
        percent = number / row->numerator * 100;
      else if (has)
        percent = number;

      bar = gdnn_plan_chart_add_bar (chart, unit->unit_name, unit->unit_name,
                                     !has ? GDNN_CHART_BAR_NO_VALUE
                                          : !against_target || percent >= 100 ? GDNN_CHART_BAR_ON_TRACK
                                                                             : GDNN_CHART_BAR_BEHIND,
                                     percent);
      bar->value = number;
      bar->is_percent = row->measure == GDNN_MEASURE_RATIO;
      bar->unit_label = g_strdup (row->unit_label);
      bar->target_year = row->target_year;
      bar->target_value = row->target_value;
    }

  if (against_target)
    {
      g_autofree char *target = format_measure (row->measure, row->target_value);
      /* Translators: %s is a target ("47,0%"), %d its year. */
      hint = g_strdup_printf (_("Each bar is the unit's value as a share of the plan's target of %s for %d."),
                              target, row->target_year);
    }
  else if (row->measure == GDNN_MEASURE_RATIO)
    hint = g_strdup (_("Each bar is the unit's ratio; the plan gives no target to compare with."));
  else
    hint = g_strdup (_("Each bar is the unit's share of the office total."));
  gtk_label_set_text (self->compare_hint, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_chart), aggregate->units->len > 0);
  gdnn_chart_view_set_plan_chart (self->compare_chart, chart);
}

/* ------------------------------------------------------------ the units */

static void
on_unit_row_activated (GdnnReviewPage *self,
                       GtkListBoxRow  *row,
                       GtkListBox     *list)
{
  gint64 *unit_id = g_object_get_data (G_OBJECT (row), "gdnn-unit-id");

  if (unit_id != NULL)
    gdnn_review_page_show_unit (self, *unit_id);
}

static void
fill_units (GdnnReviewPage *self)
{
  const GdnnAggregate *aggregate = self->data->aggregate;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->units_list))) != NULL)
    gtk_list_box_remove (self->units_list, child);

  for (guint i = 0; i < aggregate->units->len; i++)
    {
      const GdnnUnitComparison *unit = g_ptr_array_index (aggregate->units, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (unit->tasks_total, 1));
      g_autofree char *subtitle = NULL;
      gint64 *id = g_new (gint64, 1);

      /* Translators: a unit's line in the totals, e.g. "Tasks done: 12 of 28 · 3 problems". */
      subtitle = g_strdup_printf (g_dngettext (NULL, "Tasks done: %d of %d · %d problem",
                                               "Tasks done: %d of %d · %d problems", unit->problems),
                                  unit->tasks_done, unit->tasks_total, unit->problems);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit->unit_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), unit->tasks_done);
      gtk_widget_set_size_request (bar, 80, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      *id = unit->unit_id;
      g_object_set_data_full (G_OBJECT (row), "gdnn-unit-id", id, g_free);
      gtk_list_box_append (self->units_list, row);
    }
  if (aggregate->units->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No report received yet."));
      gtk_list_box_append (self->units_list, row);
    }
}

/* ----------------------------------------------------------- the checks */

static void
fill_checks (GdnnReviewPage *self)
{
  guint total = 0, files = 0;
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->problem_groups->len; i++)
    adw_preferences_page_remove (self->checks_page, g_ptr_array_index (self->problem_groups, i));
  g_ptr_array_set_size (self->problem_groups, 0);

  for (guint i = 0; i < self->data->status->len; i++)
    {
      const GdnnSubmissionStatus *status = g_ptr_array_index (self->data->status, i);
      GPtrArray *problems;
      AdwPreferencesGroup *group;
      g_autofree char *received = NULL;
      g_autofree char *description = NULL;

      if (status->current == NULL)
        continue;
      problems = g_hash_table_lookup (self->data->problems, &status->current->id);
      if (problems == NULL || problems->len == 0)
        continue;

      files++;
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      received = format_iso_date (status->current->received_at);
      /* Translators: under a unit's name in the checks: the file, when it came, its state. */
      description = g_strdup_printf (_("%s, received %s · %s"), status->current->file_name, received,
                                     gdnn_submission_state_label (status->current->state));
      adw_preferences_group_set_title (group, status->unit_name);
      adw_preferences_group_set_description (group, description);
      for (guint p = 0; p < problems->len; p++)
        {
          const GdnnReviewProblem *problem = g_ptr_array_index (problems, p);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
          if (problem->ref != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->ref);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (group, row);
          total++;
        }
      adw_preferences_page_add (self->checks_page, group);
      g_ptr_array_add (self->problem_groups, group);
    }

  /* Translators: below the checks, e.g. "7 problems in 3 files". */
  count = g_strdup_printf (g_dngettext (NULL, "%u problem in %u file", "%u problems in %u files", total), total,
                           files);
  gtk_label_set_text (self->checks_count_label, count);
  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->checks_stack, "empty")),
                                   self->data->status->len > 0
                                   ? _("The received reports passed every check.")
                                   : NULL);
  gtk_stack_set_visible_child_name (self->checks_stack, total > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-problems", total > 0);
}

/* --------------------------------------------------------------- header */

static void
fill_header (GdnnReviewPage *self)
{
  const GdnnReviewData *data = self->data;
  guint on_time = 0, late = 0, missing = 0;
  g_autofree char *title = g_strdup_printf ("%s — %s", data->plan->number, data->plan->title);
  g_autofree char *text = NULL;

  gtk_label_set_text (self->title_label, title);
  gdnn_widget_set_tooltip (GTK_WIDGET (self->title_label), title);
  gtk_label_set_text (self->office_label, data->office != NULL ? data->office->name : _("Every unit attached to the plan"));

  if (data->due_day > 0 && g_date_valid_dmy (data->due_day, data->due_month, data->year))
    {
      GDate due;
      g_autofree char *date = NULL;

      g_date_clear (&due, 1);
      g_date_set_dmy (&due, (GDateDay) data->due_day, (GDateMonth) data->due_month, (GDateYear) data->year);
      date = gdnn_format_date (&due);
      if (data->days_left > 0)
        /* Translators: "7 days left until the deadline 30/11/2026". */
        text = g_strdup_printf (g_dngettext (NULL, "%d day left until the deadline %s",
                                             "%d days left until the deadline %s", data->days_left),
                                data->days_left, date);
      else if (data->days_left == 0)
        text = g_strdup_printf (_("Due today, %s"), date);
      else
        /* Translators: "3 days past the deadline 30/11/2026". */
        text = g_strdup_printf (g_dngettext (NULL, "%d day past the deadline %s",
                                             "%d days past the deadline %s", -data->days_left),
                                -data->days_left, date);
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "error");
      if (data->days_left < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "error");
    }
  else
    text = g_strdup (_("The plan names no report date"));
  gtk_label_set_text (self->deadline_label, text);

  for (guint i = 0; i < data->status->len; i++)
    {
      const GdnnSubmissionStatus *status = g_ptr_array_index (data->status, i);

      if (status->delivery == GDNN_DELIVERY_ON_TIME)
        on_time++;
      else if (status->delivery == GDNN_DELIVERY_LATE)
        late++;
      else
        missing++;
    }
  g_clear_pointer (&text, g_free);
  /* Translators: the counts under the deadline. */
  text = g_strdup_printf (g_dngettext (NULL, "%u on time", "%u on time", on_time), on_time);
  gtk_label_set_text (self->on_time_label, text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (g_dngettext (NULL, "%u late", "%u late", late), late);
  gtk_label_set_text (self->late_label, text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (g_dngettext (NULL, "%u missing", "%u missing", missing), missing);
  gtk_label_set_text (self->missing_label, text);
}

/* ----------------------------------------------------------------- fill */

/* Shows @data (taking it); the lists' items borrow from it, so the old
 * data is freed only once the lists let go of theirs. */
void
gdnn_review_page_fill (GdnnReviewPage *self,
                       GdnnReviewData *data)
{
  g_autoptr(GdnnReviewData) old = g_steal_pointer (&self->data);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) indicators = gtk_string_list_new (NULL);
  guint previous_indicator = gtk_drop_down_get_selected (self->indicator_dropdown);

  self->data = data;

  for (guint i = 0; i < data->status->len; i++)
    g_ptr_array_add (items, gdnn_review_item_new (g_ptr_array_index (data->status, i)));
  g_list_store_splice (self->status_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->status_rows)),
                       items->pdata, items->len);

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < data->aggregate->rows->len; i++)
    {
      const GdnnAggregateRow *row = g_ptr_array_index (data->aggregate->rows, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", row->code, row->name);

      g_ptr_array_add (items, gdnn_review_item_new ((gpointer) row));
      gtk_string_list_append (indicators, label);
    }
  g_list_store_splice (self->totals_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->totals_rows)),
                       items->pdata, items->len);
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (indicators));
  if (old != NULL && previous_indicator < data->aggregate->rows->len &&
      old->plan->id == data->plan->id)
    gtk_drop_down_set_selected (self->indicator_dropdown, previous_indicator);

  fill_header (self);
  update_shown (self);
  update_actions (self);
  fill_checks (self);
  update_chart (self);
  fill_units (self);
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gdnn_widget_set_tooltip (label, gtk_string_object_get_string (string));
}

/* Indicator names are long: the button ellipsizes them (the page stays
 * usable on a narrow window), the list wraps them. */
static void
set_label_factory (GtkDropDown *dropdown)
{
  for (int wrap = 0; wrap < 2; wrap++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (wrap));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
      if (wrap)
        gtk_drop_down_set_list_factory (dropdown, factory);
      else
        gtk_drop_down_set_factory (dropdown, factory);
    }
}

void
gdnn_review_page_init_lists (GdnnReviewPage *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) none = NULL;

  self->status_rows = g_list_store_new (GDNN_TYPE_REVIEW_ITEM);
  self->status_filter = gtk_custom_filter_new (match_status, self, NULL);
  self->status_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->status_rows)),
                                                     GTK_FILTER (g_object_ref (self->status_filter)));
  add_status_column (self, _("Unit"), COLUMN_UNIT, 0);
  add_status_column (self, _("Status"), COLUMN_DELIVERY, 16);
  add_status_column (self, _("Received"), COLUMN_RECEIVED, 10);
  add_status_column (self, _("Report Date"), COLUMN_REPORT_DATE, 12);
  add_status_column (self, _("Problems"), COLUMN_PROBLEMS, 9);
  add_status_column (self, _("Review"), COLUMN_STATE, 11);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->status_filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->status_view)));
  self->status_selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (self->status_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->status_selection, TRUE);
  gtk_column_view_set_model (self->status_view, GTK_SELECTION_MODEL (self->status_selection));
  g_signal_connect_swapped (self->status_selection, "notify::selected", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->status_view, "activate", G_CALLBACK (on_status_activated), self);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);

  self->totals_rows = g_list_store_new (GDNN_TYPE_REVIEW_ITEM);
  add_total_column (self, _("Code"), TOTAL_CODE, 7);
  add_total_column (self, _("Indicator"), TOTAL_NAME, 0);
  add_total_column (self, _("Units"), TOTAL_UNITS, 8);
  add_total_column (self, _("Σ Numerator"), TOTAL_NUMERATOR, 10);
  add_total_column (self, _("Σ Denominator"), TOTAL_DENOMINATOR, 12);
  add_total_column (self, _("Result"), TOTAL_RESULT, 8);
  add_total_column (self, _("Target"), TOTAL_TARGET, 11);
  none = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->totals_rows)));
  gtk_column_view_set_model (self->totals_view, GTK_SELECTION_MODEL (none));
  set_label_factory (self->indicator_dropdown);
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected", G_CALLBACK (update_chart), self);
  g_signal_connect_swapped (self->units_list, "row-activated", G_CALLBACK (on_unit_row_activated), self);

  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-problems", FALSE);
}

void
gdnn_review_page_lists_clear (GdnnReviewPage *self)
{
  g_clear_object (&self->status_selection);
  g_clear_object (&self->status_filtered);
  g_clear_object (&self->status_filter);
  g_clear_object (&self->status_rows);
  g_clear_object (&self->totals_rows);
}
