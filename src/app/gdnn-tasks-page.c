/* gdnn-tasks-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-tasks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-background.h"
#include "gdnn-chunk-feed.h"
#include "gdnn-task-list.h"
#include "gdnn-tasks-page.h"

/* The plan's tasks for a unit and a year: every row is read in one query
 * (GdnnTaskRow), then filtered and sorted in memory by a GtkFilterListModel
 * and a GtkSortListModel, so scrolling and typing never touch the
 * database. Enter or a double click opens the editor of the task. */

struct _GdnnTasksPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkToggleButton     *late_toggle;
  GtkToggleButton     *month_toggle;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkLabel            *count_label;
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *lead_column;
  GtkColumnViewColumn *coop_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *progress_column;
  GtkCustomSorter     *code_column_sorter;
  GtkCustomSorter     *title_column_sorter;
  GtkCustomSorter     *lead_column_sorter;
  GtkCustomSorter     *coop_column_sorter;
  GtkCustomSorter     *due_column_sorter;
  GtkCustomSorter     *status_column_sorter;
  GtkCustomSorter     *progress_column_sorter;

  /* Owned references */
  GdnnStore           *store;
  GListModel          *rows;        /* every GdnnTaskRow of the plan */
  GListStore          *shown;       /* the rows fed to the list so far */
  GdnnChunkFeed       *feed;
  GCancellable        *loading;     /* the load in progress, if any */
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  GdnnTaskFilter       criteria;
  GdnnTaskEditor      *editor;      /* weak: the open editor, if any */
};

G_DEFINE_FINAL_TYPE (GdnnTasksPage, gdnn_tasks_page, ADW_TYPE_BIN)

static gboolean
match_row (gpointer item,
           gpointer user_data)
{
  GdnnTasksPage *self = user_data;
  return gdnn_task_row_matches (item, &self->criteria);
}

/* The toggles say how many tasks they would show. */
static void
update_counts (GdnnTasksPage *self)
{
  GdnnTaskFilter late, month;
  g_autofree char *late_text = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *shown = NULL;
  guint n_shown = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  guint n_all = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;

  gdnn_task_filter_init (&late);
  late.late_only = TRUE;
  gdnn_task_filter_init (&month);
  month.due_this_month_only = TRUE;

  /* Translators: a filter button; %u is how many tasks are late. */
  late_text = g_strdup_printf (_("_Late (%u)"), self->rows != NULL ? gdnn_task_rows_count (self->rows, &late) : 0);
  /* Translators: a filter button; %u is how many unfinished tasks are due this month. */
  month_text = g_strdup_printf (_("Due this _month (%u)"),
                                self->rows != NULL ? gdnn_task_rows_count (self->rows, &month) : 0);
  gtk_button_set_label (GTK_BUTTON (self->late_toggle), late_text);
  gtk_button_set_label (GTK_BUTTON (self->month_toggle), month_text);

  /* Translators: below the task list, e.g. "28 of 28 tasks shown". */
  shown = g_strdup_printf (g_dngettext (NULL, "%u of %u task shown", "%u of %u tasks shown", n_all), n_shown, n_all);
  gtk_label_set_text (self->count_label, shown);

  if (n_all == 0)
    {
      adw_status_page_set_title (self->empty_page, _("This Plan Has No Tasks"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Tasks"));
      adw_status_page_set_description (self->empty_page, _("Change the search or the filters to see more tasks."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 ? "list" : "empty");
}

static void
refilter (GdnnTasksPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  self->criteria.status = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  self->criteria.late_only = gtk_toggle_button_get_active (self->late_toggle);
  self->criteria.due_this_month_only = gtk_toggle_button_get_active (self->month_toggle);
  gdnn_task_filter_set_text (&self->criteria, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

static void
on_editor_saved (GdnnTasksPage  *self,
                 GdnnTaskEditor *editor)
{
  /* The row already shows the new values; it may now fall out of the
   * filter (a late task marked done) and the counts change. */
  refilter (self);
  gdnn_widget_show_toast (GTK_WIDGET (self), _("Task progress saved."));
}

static void
close_editor (GdnnTasksPage *self)
{
  GdnnTaskEditor *editor = g_steal_pointer (&self->editor);

  if (editor == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
open_editor (GdnnTasksPage *self,
             GdnnTaskRow   *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  close_editor (self);
  self->editor = gdnn_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, row);
  g_object_add_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->editor));
}

static void
on_row_activated (GdnnTasksPage *self,
                  guint          position,
                  GtkColumnView *view)
{
  g_autoptr(GdnnTaskRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (row != NULL)
    open_editor (self, row);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnnTasksPage *self = GDNN_TASKS_PAGE (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

typedef struct
{
  gsize        offset;    /* of the column's sorter in GdnnTasksPage */
  GCompareFunc compare;
} ColumnOrder;

static const ColumnOrder column_orders[] = {
  { G_STRUCT_OFFSET (GdnnTasksPage, code_column_sorter), gdnn_task_row_compare_position },
  { G_STRUCT_OFFSET (GdnnTasksPage, title_column_sorter), gdnn_task_row_compare_title },
  { G_STRUCT_OFFSET (GdnnTasksPage, lead_column_sorter), gdnn_task_row_compare_lead },
  { G_STRUCT_OFFSET (GdnnTasksPage, coop_column_sorter), gdnn_task_row_compare_cooperating },
  { G_STRUCT_OFFSET (GdnnTasksPage, due_column_sorter), gdnn_task_row_compare_deadline },
  { G_STRUCT_OFFSET (GdnnTasksPage, status_column_sorter), gdnn_task_row_compare_status },
  { G_STRUCT_OFFSET (GdnnTasksPage, progress_column_sorter), gdnn_task_row_compare_progress },
};

static int
sort_by (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  const ColumnOrder *order = user_data;
  return order->compare (a, b);
}

/* ---- The progress cell ---------------------------------------------- */

/* "50%" over a thin bar, drawn by one widget: a GtkLevelBar with its
 * label is five widgets in each of the 200 rows GTK builds. */
#define GDNN_TYPE_PROGRESS_CELL (gdnn_progress_cell_get_type ())
G_DECLARE_FINAL_TYPE (GdnnProgressCell, gdnn_progress_cell, GDNN, PROGRESS_CELL, GtkWidget)

struct _GdnnProgressCell
{
  GtkWidget    parent_instance;
  PangoLayout *layout;
  int          value;   /* 0 to 100 */
};

G_DEFINE_FINAL_TYPE (GdnnProgressCell, gdnn_progress_cell, GTK_TYPE_WIDGET)

#define BAR_HEIGHT 6
#define BAR_GAP 4

static void
gdnn_progress_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GdnnProgressCell *self = GDNN_PROGRESS_CELL (widget);
  int width, height;

  pango_layout_get_pixel_size (self->layout, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MAX (width, 24);
  else
    *minimum = *natural = height + BAR_GAP + BAR_HEIGHT;
}

static void
append_bar (GtkSnapshot   *snapshot,
            float          x,
            float          y,
            float          width,
            const GdkRGBA *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, BAR_HEIGHT), BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
gdnn_progress_cell_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GdnnProgressCell *self = GDNN_PROGRESS_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int text_width, text_height;
  GdkRGBA fg, trough, fill;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &fill))
    fill = (GdkRGBA) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - text_width, 0));
  gtk_snapshot_append_layout (snapshot, self->layout, &fg);
  gtk_snapshot_restore (snapshot);

  trough = fg;
  trough.alpha *= 0.15f;
  append_bar (snapshot, 0, text_height + BAR_GAP, width, &trough);
  if (self->value > 0)
    append_bar (snapshot, 0, text_height + BAR_GAP, MAX (BAR_HEIGHT, width * self->value / 100.0f), &fill);
}

static void
gdnn_progress_cell_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GdnnProgressCell *self = GDNN_PROGRESS_CELL (widget);

  GTK_WIDGET_CLASS (gdnn_progress_cell_parent_class)->css_changed (widget, change);
  pango_layout_context_changed (self->layout);
  gtk_widget_queue_resize (widget);
}

static void
gdnn_progress_cell_dispose (GObject *object)
{
  g_clear_object (&GDNN_PROGRESS_CELL (object)->layout);
  G_OBJECT_CLASS (gdnn_progress_cell_parent_class)->dispose (object);
}

static void
gdnn_progress_cell_class_init (GdnnProgressCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gdnn_progress_cell_dispose;
  widget_class->measure = gdnn_progress_cell_measure;
  widget_class->snapshot = gdnn_progress_cell_snapshot;
  widget_class->css_changed = gdnn_progress_cell_css_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
gdnn_progress_cell_init (GdnnProgressCell *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  /* Figures of one width, as the "numeric" style class gives. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (self->layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
gdnn_progress_cell_set (GdnnProgressCell *self,
                        const char       *text,
                        int               value)
{
  if (g_strcmp0 (pango_layout_get_text (self->layout), text) != 0)
    {
      pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  if (value != self->value)
    {
      self->value = CLAMP (value, 0, 100);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* ---- The cells ------------------------------------------------------ */

/* Every cell is one line of text (two in the task column) that never
 * wraps, in a column of fixed width: a row's height does not depend on
 * its width. GTK 4.8's list view keeps 200 rows built, measures each of
 * them on every relayout and binds a dozen while a wheel turns, so the
 * rows are a few cheap widgets (bench/bench-forms). A cut text is shown
 * whole in its tooltip, made only when asked for, and in the editor. */
typedef enum
{
  CELL_CODE,
  CELL_TITLE,
  CELL_LEAD,
  CELL_COOPERATING,
  CELL_DUE,
  CELL_STATUS,
  CELL_PROGRESS,
} Cell;

#define CELL_KEY "gdnn-cell"
#define ROW_KEY "gdnn-row"

static gboolean query_tooltip (GtkWidget  *child,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip,
                               gpointer    user_data);

static GtkWidget *
cell_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

/* Widens the code column to the code @label shows, measured in its own
 * style (a heading) once it is in the window: a code is never cut
 * ("II.5.a.3" and "II.5.a.1" are two tasks). */
static void
fit_code (GtkWidget *label)
{
  GtkWidget *page = gtk_widget_get_ancestor (label, GDNN_TYPE_TASKS_PAGE);
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkColumnViewColumn *column;
  GtkBorder padding, border;
  int natural = 0;

  if (page == NULL || cell == NULL || !gtk_widget_get_mapped (label))
    return;
  column = GDNN_TASKS_PAGE (page)->code_column;
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_style_context_get_padding (gtk_widget_get_style_context (cell), &padding);
  gtk_style_context_get_border (gtk_widget_get_style_context (cell), &border);
  natural += padding.left + padding.right + border.left + border.right;
  if (natural > gtk_column_view_column_get_fixed_width (column))
    gtk_column_view_column_set_fixed_width (column, natural);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Cell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  switch (cell)
    {
    case CELL_TITLE:
      /* The title, and the task group under it, dimmed: one label. */
      child = cell_label (0);
      gtk_label_set_single_line_mode (GTK_LABEL (child), FALSE);
      gtk_label_set_use_markup (GTK_LABEL (child), TRUE);
      break;

    case CELL_DUE:
      /* The deadline; "Overdue" under it is added to the rows that are. */
      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (child), cell_label (0));
      break;

    case CELL_PROGRESS:
      child = g_object_new (GDNN_TYPE_PROGRESS_CELL, "valign", GTK_ALIGN_START, NULL);
      break;

    case CELL_CODE:
      child = cell_label (0);
      gtk_widget_add_css_class (child, "heading");
      g_signal_connect (child, "map", G_CALLBACK (fit_code), NULL);
      break;

    case CELL_COOPERATING:
      child = cell_label (0);
      gtk_widget_add_css_class (child, "dim-label");
      break;

    case CELL_LEAD:
      /* "Cơ sở GDNN", "Sở Tài chính": the body in two lines rather than
       * cut; a longer name ends with "…" and shows whole in the tooltip. */
      child = cell_label (0);
      gtk_label_set_single_line_mode (GTK_LABEL (child), FALSE);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (child), 2);
      break;

    case CELL_STATUS:
    default:
      child = cell_label (0);
      break;
    }
  g_object_set_data (G_OBJECT (child), CELL_KEY, user_data);
  if (cell != CELL_PROGRESS)
    {
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (query_tooltip), NULL);
    }
  gtk_list_item_set_child (item, child);
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

/* "II.1 Triển khai cơ chế…": the task group, under the title. */
static char *
group_text (GdnnTaskRow *row)
{
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;

  g_object_get (row, "group-code", &code, "group-title", &title, NULL);
  if (title == NULL || title[0] == '\0')
    return NULL;
  if (code == NULL || code[0] == '\0')
    return g_steal_pointer (&title);
  return g_strconcat (code, " ", title, NULL);
}

static gboolean
query_tooltip (GtkWidget  *child,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    user_data)
{
  Cell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), CELL_KEY));
  GdnnTaskRow *row = g_object_get_data (G_OBJECT (child), ROW_KEY);
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_first_child (child);
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;
  switch (cell)
    {
    case CELL_CODE:
      /* The code is never cut: its group, which the title's line may cut. */
      text = group_text (row);
      break;

    case CELL_TITLE:
      {
        g_autofree char *group = group_text (row);
        const char *title = gdnn_task_row_get_task (row)->title;

        text = group != NULL ? g_strconcat (title != NULL ? title : "", "\n\n", group, NULL) : g_strdup (title);
      }
      break;

    default:
      /* Only a text that does not fit. */
      if (label == NULL || !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        return FALSE;
      text = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
      break;
    }
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Puts the row's values into the cell; again when the row changes (a
 * saved edit). */
static void
update_cell (GtkWidget   *child,
             GParamSpec  *pspec,
             GdnnTaskRow *row)
{
  Cell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), CELL_KEY));
  const GdnnTask *task = gdnn_task_row_get_task (row);
  g_autofree char *text = NULL;

  switch (cell)
    {
    case CELL_CODE:
      set_text (child, task->code);
      fit_code (child);
      break;

    case CELL_TITLE:
      {
        g_autofree char *group = group_text (row);
        g_autofree char *markup = NULL;

        if (group != NULL)
          markup = g_markup_printf_escaped ("%s\n<span size=\"small\" fgalpha=\"55%%\">%s</span>",
                                            task->title != NULL ? task->title : "", group);
        else
          markup = g_markup_escape_text (task->title != NULL ? task->title : "", -1);
        gtk_label_set_markup (GTK_LABEL (child), markup);
      }
      break;

    case CELL_LEAD:
      g_object_get (row, "lead", &text, NULL);
      set_text (child, text);
      break;

    case CELL_COOPERATING:
      g_object_get (row, "cooperating", &text, NULL);
      set_text (child, text);
      break;

    case CELL_DUE:
      {
        GtkWidget *due = gtk_widget_get_first_child (child);
        GtkWidget *late = gtk_widget_get_next_sibling (due);
        gboolean is_late = gdnn_task_row_is_late (row);

        g_object_get (row, "due-text", &text, NULL);
        set_text (due, text);
        if (is_late && late == NULL)
          {
            GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "task-past-due-symbolic",
                                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

            late = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
            gtk_widget_add_css_class (late, "overdue");
            gtk_box_append (GTK_BOX (late), icon);
            gtk_box_append (GTK_BOX (late), cell_label (0));
            gtk_box_append (GTK_BOX (child), late);
          }
        if (late != NULL)
          {
            g_autofree char *late_text = NULL;

            gtk_widget_set_visible (late, is_late);
            g_object_get (row, "late-label", &late_text, NULL);
            set_text (gtk_widget_get_last_child (late), late_text);
          }
      }
      break;

    case CELL_STATUS:
      g_object_get (row, "status-label", &text, NULL);
      set_text (child, text);
      break;

    case CELL_PROGRESS:
      g_object_get (row, "progress-text", &text, NULL);
      gdnn_progress_cell_set (GDNN_PROGRESS_CELL (child), text, gdnn_task_row_get_progress (row)->progress);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GdnnTaskRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (child), ROW_KEY, row);
  update_cell (child, NULL, row);
  g_signal_connect_swapped (row, "notify", G_CALLBACK (update_cell), child);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GdnnTaskRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, child);
  g_object_set_data (G_OBJECT (child), ROW_KEY, NULL);
}

static void
set_cell_factory (GdnnTasksPage       *self,
                  GtkColumnViewColumn *column,
                  Cell                 cell,
                  int                  chars)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (cell));
  gtk_column_view_column_set_factory (column, factory);
  /* A fixed width: the view does not measure every cell to size it. */
  gdnn_column_set_width_chars (column, GTK_WIDGET (self), chars);
}

static void
gdnn_tasks_page_dispose (GObject *object)
{
  GdnnTasksPage *self = (GdnnTasksPage *)object;

  close_editor (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_TASKS_PAGE);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->feed, gdnn_chunk_feed_free);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdnn_tasks_page_parent_class)->dispose (object);
}

static void
gdnn_tasks_page_finalize (GObject *object)
{
  GdnnTasksPage *self = (GdnnTasksPage *)object;

  gdnn_task_filter_clear (&self->criteria);

  G_OBJECT_CLASS (gdnn_tasks_page_parent_class)->finalize (object);
}

static void
gdnn_tasks_page_class_init (GdnnTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_tasks_page_dispose;
  object_class->finalize = gdnn_tasks_page_finalize;

  g_type_ensure (GDNN_TYPE_TASK_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, late_toggle);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, code_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, lead_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, coop_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, progress_column);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, code_column_sorter);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, title_column_sorter);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, lead_column_sorter);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, coop_column_sorter);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, due_column_sorter);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, status_column_sorter);
  gtk_widget_class_bind_template_child (widget_class, GdnnTasksPage, progress_column_sorter);

  gtk_widget_class_install_action (widget_class, "tasks.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "tasks.search", NULL);
}

static void
gdnn_tasks_page_init (GdnnTasksPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  gdnn_task_filter_init (&self->criteria);

  for (guint i = 0; i < G_N_ELEMENTS (column_orders); i++)
    {
      GtkCustomSorter *sorter = G_STRUCT_MEMBER (GtkCustomSorter *, self, column_orders[i].offset);
      gtk_custom_sorter_set_sort_func (sorter, sort_by, (gpointer) &column_orders[i], NULL);
    }

  /* Widths that fit the list beside the sidebar at 1024 pixels. */
  set_cell_factory (self, self->code_column, CELL_CODE, 7);
  set_cell_factory (self, self->title_column, CELL_TITLE, 14);
  set_cell_factory (self, self->lead_column, CELL_LEAD, 11);
  set_cell_factory (self, self->coop_column, CELL_COOPERATING, 9);
  set_cell_factory (self, self->due_column, CELL_DUE, 15);
  set_cell_factory (self, self->status_column, CELL_STATUS, 14);
  set_cell_factory (self, self->progress_column, CELL_PROGRESS, 8);

  gtk_string_list_append (statuses, _("All statuses"));
  for (int s = 0; s < GDNN_N_TASK_STATUS; s++)
    gtk_string_list_append (statuses, gdnn_task_status_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  /* rows → filter → sort (the column headers) → selection → view. */
  self->filter = gtk_custom_filter_new (match_row, self, NULL);
  self->shown = g_list_store_new (GDNN_TYPE_TASK_ROW);
  self->feed = gdnn_chunk_feed_new (self->shown, 8);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->shown)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  /* "n of m tasks shown" follows the list as it fills. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->column_view, self->code_column, GTK_SORT_ASCENDING);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->late_toggle, "toggled", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->month_toggle, "toggled", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  update_counts (self);
}

typedef struct
{
  char   *path;
  gint64  unit_id;
  gint64  plan_id;
  int     year;
  GDate   today;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* In a worker thread, on a read-only connection of its own: 500 tasks
 * took longer to read than a frame may (bench/bench-forms). */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GdnnStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *rows = NULL;

  reader = gdnn_store_open_reader (data->path, &error);
  if (reader != NULL)
    rows = gdnn_task_rows_load (reader, data->unit_id, data->plan_id, data->year, &data->today, &error);
  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, g_object_unref);
}

/* The same tasks read again (an edit elsewhere moved the change log):
 * the rows shown take the new progress in place. New rows would make the
 * list drop and build again the 200 row widgets GTK 4.8 keeps, a frame
 * over 50 ms (bench/bench-forms). FALSE when the tasks changed. */
static gboolean
refresh_in_place (GdnnTasksPage *self,
                  GListModel    *fresh)
{
  guint n = g_list_model_get_n_items (fresh);
  gboolean changed = FALSE;

  if (self->rows == NULL || gdnn_chunk_feed_is_busy (self->feed) || g_list_model_get_n_items (self->rows) != n)
    return FALSE;
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GdnnTaskRow) shown = g_list_model_get_item (self->rows, i);
        g_autoptr(GdnnTaskRow) row = g_list_model_get_item (fresh, i);

        if (pass == 0 && !gdnn_task_row_can_refresh (shown, row))
          return FALSE;
        if (pass == 1)
          changed |= gdnn_task_row_refresh (shown, row);
      }
  if (changed)
    refilter (self);
  return TRUE;
}

static void
on_rows_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GdnnTasksPage *self = GDNN_TASKS_PAGE (source);
  g_autoptr(GError) error = NULL;
  GListModel *rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->loading)
    {
      /* A newer load was started meanwhile. */
      g_object_unref (rows);
      return;
    }
  g_clear_object (&self->loading);
  if (refresh_in_place (self, rows))
    {
      g_object_unref (rows);
      return;
    }
  g_clear_object (&self->rows);
  self->rows = rows;
  /* The list is filled a few rows at a time (gdnn-chunk-feed.c); the
   * counts come from every row at once. */
  gdnn_chunk_feed_start (self->feed, self->rows);
  refilter (self);
}

/**
 * gdnn_tasks_page_show:
 * @year: the year whose progress is shown and edited
 * @today: the day "late" and "due this month" are counted from
 *
 * Loads the tasks of a unit's plan in a worker thread; the list fills
 * when they are read (gdnn_tasks_page_is_loading() says so meanwhile).
 * The search and filters are kept.
 */
gboolean
gdnn_tasks_page_show (GdnnTasksPage  *self,
                      GdnnStore      *store,
                      gint64          unit_id,
                      gint64          plan_id,
                      int             year,
                      const GDate    *today,
                      GError        **error)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_val_if_fail (GDNN_IS_TASKS_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  close_editor (self);
  g_set_object (&self->store, store);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  g_object_unref (self->loading);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (gdnn_store_get_path (store));
  data->unit_id = unit_id;
  data->plan_id = plan_id;
  data->year = year;
  data->today = *today;
  task = g_task_new (self, self->loading, on_rows_loaded, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  gdnn_task_run_in_background (task, load_thread);
  return TRUE;
}

/* TRUE while the tasks are being read. */
gboolean
gdnn_tasks_page_is_loading (GdnnTasksPage *self)
{
  g_return_val_if_fail (GDNN_IS_TASKS_PAGE (self), FALSE);
  return self->loading != NULL || gdnn_chunk_feed_is_busy (self->feed);
}

/* Every row of the plan, before filtering. */
GListModel *
gdnn_tasks_page_get_rows (GdnnTasksPage *self)
{
  g_return_val_if_fail (GDNN_IS_TASKS_PAGE (self), NULL);
  return self->rows;
}

/* The open editor, or %NULL. */
GdnnTaskEditor *
gdnn_tasks_page_get_editor (GdnnTasksPage *self)
{
  g_return_val_if_fail (GDNN_IS_TASKS_PAGE (self), NULL);
  return self->editor;
}
