/* gdnn-values-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-values-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-cell-entry.h"
#include "gdnn-chunk-feed.h"
#include "gdnn-history-window.h"
#include "gdnn-text.h"
#include "gdnn-value-row.h"
#include "gdnn-values-page.h"

/* The form where a unit enters its indicator values for a year: one row
 * per indicator, numerator and denominator (or amount) typed in place,
 * the percentage and the track computed by GdnnValueRow, each edit saved
 * at once in its own transaction. */

struct _GdnnValuesPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkDropDown    *year_dropdown;
  GtkColumnView  *column_view;
  GtkSearchEntry *search_entry;
  GtkToggleButton *attention_toggle;
  GtkCustomFilter *filter;

  /* Owned references */
  GdnnStore      *store;
  GListStore     *rows;        /* of GdnnValueRow: what the column view shows */
  GdnnChunkFeed  *feed;        /* fills rows a few at a time */
  gint64          unit_id;
  gint64          plan_id;
  int             year;
  int             current_year;
  gboolean        other_year_confirmed;
};

G_DEFINE_FINAL_TYPE (GdnnValuesPage, gdnn_values_page, ADW_TYPE_BIN)

typedef enum
{
  FIELD_NUMERATOR,
  FIELD_DENOMINATOR,
  FIELD_NOTE,
} Field;

static const char *const field_props[] = { "numerator", "denominator", "note" };

static void reload (GdnnValuesPage *self);

static gboolean
save (GdnnValuesPage *self,
      GdnnValueRow   *row,
      const char     *numerator,
      const char     *denominator,
      const char     *note)
{
  g_autoptr(GdnnValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = gdnn_value_row_parse (row, numerator, denominator, note, &error);
  if (value == NULL || !gdnn_store_set_value (self->store, value, &error))
    {
      /* Shown beside the row, never as a dialog. */
      gdnn_value_row_set_message (row, error->message);
      return FALSE;
    }
  gdnn_value_row_set_message (row, NULL);
  gdnn_value_row_set_value (row, value);
  return TRUE;
}

typedef struct
{
  GdnnValuesPage *self;
  GdnnValueRow   *row;
  char           *numerator;
  char           *denominator;
  char           *note;
} PendingEdit;

static void
pending_edit_free (PendingEdit *edit)
{
  g_object_unref (edit->row);
  g_free (edit->numerator);
  g_free (edit->denominator);
  g_free (edit->note);
  g_free (edit);
}

static void
on_other_year_response (AdwMessageDialog *dialog,
                        const char       *response,
                        PendingEdit      *edit)
{
  if (g_str_equal (response, "change"))
    {
      edit->self->other_year_confirmed = TRUE;
      save (edit->self, edit->row, edit->numerator, edit->denominator, edit->note);
    }
  else
    {
      /* Put the stored value back into the cells. */
      g_object_notify (G_OBJECT (edit->row), "numerator");
      g_object_notify (G_OBJECT (edit->row), "denominator");
      g_object_notify (G_OBJECT (edit->row), "note");
    }
  pending_edit_free (edit);
}

/* A change to another year's value is confirmed once per page visit. */
static gboolean
commit_row (GdnnValuesPage *self,
            GdnnValueRow   *row,
            const char     *numerator,
            const char     *denominator,
            const char     *note)
{
  AdwMessageDialog *dialog;
  PendingEdit *edit;
  g_autofree char *body = NULL;

  if (self->year == self->current_year || self->other_year_confirmed)
    return save (self, row, numerator, denominator, note);

  edit = g_new0 (PendingEdit, 1);
  edit->self = self;
  edit->row = g_object_ref (row);
  edit->numerator = g_strdup (numerator);
  edit->denominator = g_strdup (denominator);
  edit->note = g_strdup (note);

  /* Translators: %d is a year. */
  body = g_strdup_printf (_("You are changing a value of %d, not of the current year. Reports already sent for %d will no longer match."),
                          self->year, self->year);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Change Another Year's Value?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_other_year_response), edit);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

gboolean
gdnn_values_page_commit (GdnnValuesPage *self,
                         guint           position,
                         const char     *numerator,
                         const char     *denominator,
                         const char     *note)
{
  g_autoptr(GdnnValueRow) row = NULL;

  g_return_val_if_fail (GDNN_IS_VALUES_PAGE (self), FALSE);
  g_return_val_if_fail (self->rows != NULL, FALSE);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  g_return_val_if_fail (row != NULL, FALSE);
  return commit_row (self, row, numerator, denominator, note);
}

/* An entry commits its own field; the row's other fields keep their
 * stored text. */
static void
on_entry_commit (GtkEntry *entry,
                 gpointer  user_data)
{
  GdnnValuesPage *self = g_object_get_data (G_OBJECT (entry), "page");
  GdnnValueRow *row = g_object_get_data (G_OBJECT (entry), "row");
  Field field = GPOINTER_TO_INT (user_data);
  char *texts[3] = { NULL, NULL, NULL };
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (row == NULL || self == NULL)
    return;
  for (guint i = 0; i < 3; i++)
    g_object_get (row, field_props[i], &texts[i], NULL);
  if (g_strcmp0 (texts[field], typed) != 0)
    {
      g_free (texts[field]);
      texts[field] = g_strdup (typed);
      commit_row (self, row, texts[0], texts[1], texts[2]);
    }
  for (guint i = 0; i < 3; i++)
    g_free (texts[i]);
}

static void
setup_entry (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  Field field = GPOINTER_TO_INT (user_data);

  /* Commits on Enter and when the focus leaves the cell (gdnn-cell-entry.c). */
  gtk_list_item_set_child (item, gdnn_cell_entry_new (field != FIELD_NOTE, field == FIELD_NOTE ? 10 : 6,
                                                      on_entry_commit, user_data));
}

static void
sync_entry (GdnnValueRow *row,
            GParamSpec   *pspec,
            GtkEditable  *entry)
{
  g_autofree char *text = NULL;

  g_object_get (row, pspec->name, &text, NULL);
  if (g_strcmp0 (gtk_editable_get_text (entry), text) != 0)
    gtk_editable_set_text (entry, text);
}

static void
bind_entry (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GdnnValuesPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GdnnValueRow *row = gtk_list_item_get_item (item);
  GtkWidget *entry = gtk_list_item_get_child (item);
  Field field = GPOINTER_TO_INT (user_data);
  const GdnnIndicator *ind = gdnn_value_row_get_indicator (row);
  g_autofree char *signal = g_strconcat ("notify::", field_props[field], NULL);
  g_autofree char *label = NULL;
  const char *what;

  g_object_set_data (G_OBJECT (entry), "page", self);
  g_object_set_data (G_OBJECT (entry), "row", row);

  /* A count, an amount or a yes/no has no denominator. */
  gtk_widget_set_visible (entry, field != FIELD_DENOMINATOR || ind->measure == GDNN_MEASURE_RATIO);

  what = field == FIELD_NUMERATOR ? (ind->measure == GDNN_MEASURE_RATIO ? _("Numerator") : _("Value"))
                                  : field == FIELD_DENOMINATOR ? _("Denominator") : _("Explanation");
  /* Translators: an input's accessible name, e.g. "Numerator of I.2.a.1". */
  label = g_strdup_printf (_("%s of %s"), what, ind->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* A recycled entry may carry another indicator's: always set. */
  gdnn_widget_set_tooltip (entry, field == FIELD_NUMERATOR ? ind->numerator_label
                                  : field == FIELD_DENOMINATOR ? ind->denominator_label : NULL);

  sync_entry (row, g_object_class_find_property (G_OBJECT_GET_CLASS (row), field_props[field]),
              GTK_EDITABLE (entry));
  g_signal_connect_object (row, signal, G_CALLBACK (sync_entry), entry, 0);
}

static void
unbind_entry (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *entry = gtk_list_item_get_child (item);
  GdnnValueRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, entry);
  g_object_set_data (G_OBJECT (entry), "row", NULL);
}

/* Read-only columns are labels bound to a property with an expression. */
static GtkListItemFactory *
label_factory (const char *property,
               gboolean    wrap,
               float       xalign)
{
  g_autoptr(GString) ui = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_string_append_printf (ui,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><interface>"
    "<template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
    "<property name=\"xalign\">%g</property><property name=\"wrap\">%s</property>"
    "<property name=\"wrap-mode\">word-char</property><property name=\"width-chars\">%d</property>"
    "<property name=\"max-width-chars\">%d</property>"
    "<binding name=\"label\"><lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup>"
    "</lookup></binding></object></property></template></interface>",
    (double) xalign, wrap ? "True" : "False", wrap ? 4 : 0, wrap ? 30 : -1, property);
  bytes = g_string_free_to_bytes (g_steal_pointer (&ui));
  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

/* The track or the refusal beside the entries: it changes with every edit
 * and year switch, so it is a GtkInscription (GTK 4.8), which asks for a
 * height in lines without laying its text out, unlike a wrapping GtkLabel,
 * whose text is shaped at several widths at each change (half of a year
 * switch's time with 200 indicators, bench/bench-forms). The lines asked
 * for follow the text's length in a column of @chars characters (words
 * wrap, so a line holds fewer); its tooltip shows all of it. */
static guint
inscription_lines (GtkListItem *item,
                   const char  *text,
                   guint        chars)
{
  glong length = text != NULL ? g_utf8_strlen (text, -1) : 0;
  guint per_line = MAX (chars * 3 / 4, 1);

  return CLAMP ((guint) ((length + per_line - 1) / per_line), 1, 8);
}

static gboolean
on_inscription_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip,
                              gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkListItemFactory *
inscription_factory (const char *property,
                     guint       chars)
{
  g_autoptr(GString) ui = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_inscription_query_tooltip);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), inscription_lines);
  g_string_append_printf (ui,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><interface>"
    "<template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkInscription\">"
    "<property name=\"xalign\">0</property><property name=\"yalign\">0.5</property>"
    "<property name=\"min-lines\">1</property>"
    "<binding name=\"nat-lines\"><closure type=\"guint\" function=\"inscription_lines\">"
    "<lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup></lookup>"
    "<constant type=\"guint\">%u</constant></closure></binding>"
    "<property name=\"wrap-mode\">word-char</property><property name=\"text-overflow\">ellipsize-end</property>"
    "<property name=\"has-tooltip\">True</property>"
    "<signal name=\"query-tooltip\" handler=\"on_inscription_query_tooltip\"/>"
    "<binding name=\"text\"><lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup>"
    "</lookup></binding></object></property></template></interface>",
    property, chars, property);
  bytes = g_string_free_to_bytes (g_steal_pointer (&ui));
  return gtk_builder_list_item_factory_new_from_bytes (scope, bytes);
}

static void
add_column (GdnnValuesPage     *self,
            const char         *title,
            GtkListItemFactory *factory,
            int                 chars,
            gboolean            expand,
            GCompareDataFunc    compare)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gdnn_column_set_width_chars (column, GTK_WIDGET (self), chars);
  if (compare != NULL)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
    }
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
add_entry_column (GdnnValuesPage *self,
                  const char     *title,
                  Field           field,
                  int             chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry), GINT_TO_POINTER (field));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry), GINT_TO_POINTER (field));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_entry), GINT_TO_POINTER (field));
  add_column (self, title, factory, chars, FALSE, NULL);
}

/* Rows needing the user: no value yet, behind the track without an
 * explanation, or an edit that was refused. */
static gboolean
row_needs_attention (GdnnValueRow *row)
{
  const GdnnValue *value = gdnn_value_row_get_value (row);
  g_autofree char *message = NULL;

  g_object_get (row, "message", &message, NULL);
  return !value->has_numerator || gdnn_value_row_needs_note (row) || (message != NULL && message[0] != '\0');
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  GdnnValuesPage *self = user_data;
  GdnnValueRow *row = item;
  const GdnnIndicator *ind = gdnn_value_row_get_indicator (row);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (gtk_toggle_button_get_active (self->attention_toggle) && !row_needs_attention (row))
    return FALSE;
  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  return gdnn_search_match (ind->code, needle) || gdnn_search_match (ind->name, needle);
}

static void
refilter (GdnnValuesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The plan's own order is the natural order of the codes (I.2.a.2 before
 * I.2.a.10). */
static int
compare_code (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int pa = gdnn_value_row_get_indicator ((GdnnValueRow *) a)->position;
  int pb = gdnn_value_row_get_indicator ((GdnnValueRow *) b)->position;

  return (pa > pb) - (pa < pb);
}

/* Names in Vietnamese dictionary order (Ấ, Ế, Ớ included). */
static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return gdnn_collate (gdnn_value_row_get_indicator ((GdnnValueRow *) a)->name,
                       gdnn_value_row_get_indicator ((GdnnValueRow *) b)->name);
}

/* By the computed value; rows without one come last. */
static int
compare_measure (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  gboolean has_a = FALSE, has_b = FALSE;
  double va = gdnn_value_measure (gdnn_value_row_get_indicator ((GdnnValueRow *) a),
                                  gdnn_value_row_get_value ((GdnnValueRow *) a), &has_a);
  double vb = gdnn_value_measure (gdnn_value_row_get_indicator ((GdnnValueRow *) b),
                                  gdnn_value_row_get_value ((GdnnValueRow *) b), &has_b);

  if (has_a != has_b)
    return has_a ? -1 : 1;
  return (va > vb) - (va < vb);
}

/* Loads the rows of the plan and year anew (another plan or unit). */
static void
reload (GdnnValuesPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows;

  if (self->store == NULL)
    return;
  rows = gdnn_value_rows_load (self->store, self->unit_id, self->plan_id, self->year, &error);
  if (rows == NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* Shown a few rows at a time (gdnn-chunk-feed.c). */
  gdnn_chunk_feed_start (self->feed, rows);
  g_object_unref (rows);
}

/* Puts another year's stored values into the rows shown, in place. */
static void
refresh (GdnnValuesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (gdnn_chunk_feed_is_busy (self->feed))
    {
      reload (self);
      return;
    }
  if (!gdnn_value_rows_refresh (G_LIST_MODEL (self->rows), self->store, self->unit_id, self->plan_id,
                                self->year, &error))
    gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
  refilter (self);
}

static void
on_year_selected (GdnnValuesPage *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  int year = gdnn_year_dropdown_get_year (dropdown);

  if (year == 0 || year == self->year)
    return;
  self->year = year;
  self->other_year_confirmed = FALSE;
  refresh (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnnValuesPage *self = GDNN_VALUES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!gdnn_store_undo (self->store, NULL, NULL, &error))
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  refresh (self);
  gdnn_widget_show_toast (GTK_WIDGET (self), _("The last change was undone."));
}

/* The history of the value whose cell has the focus, else of the year's. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GdnnValuesPage *self = GDNN_VALUES_PAGE (widget);

  if (self->store != NULL)
    gdnn_history_window_present_values (widget, self->store, self->unit_id, self->plan_id, self->year);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (GDNN_VALUES_PAGE (widget)->search_entry));
}

static void
gdnn_values_page_dispose (GObject *object)
{
  GdnnValuesPage *self = (GdnnValuesPage *)object;

  g_clear_pointer (&self->feed, gdnn_chunk_feed_free);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_VALUES_PAGE);

  G_OBJECT_CLASS (gdnn_values_page_parent_class)->dispose (object);
}

static void
gdnn_values_page_class_init (GdnnValuesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_values_page_dispose;

  g_type_ensure (GDNN_TYPE_VALUE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-values-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnValuesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnValuesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnValuesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnnValuesPage, attention_toggle);

  gtk_widget_class_install_action (widget_class, "values.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "values.undo", NULL);
  gtk_widget_class_install_action (widget_class, "values.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "values.history", NULL);
  gtk_widget_class_install_action (widget_class, "values.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "values.search", NULL);
}

static void
gdnn_values_page_init (GdnnValuesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  add_column (self, _("Code"), label_factory ("code", FALSE, 0), 6, FALSE, compare_code);
  add_column (self, _("Indicator"), label_factory ("name", TRUE, 0), 22, TRUE, compare_name);
  add_column (self, _("Targets"), label_factory ("targets", TRUE, 0), 12, FALSE, NULL);
  add_entry_column (self, _("Numerator / value"), FIELD_NUMERATOR, 11);
  add_entry_column (self, _("Denominator"), FIELD_DENOMINATOR, 9);
  add_column (self, "%", label_factory ("percent", FALSE, 1), 6, FALSE, compare_measure);
  add_column (self, _("Progress and checks"), inscription_factory ("status", 14), 14, FALSE, NULL);
  add_entry_column (self, _("Explanation"), FIELD_NOTE, 14);

  /* rows → search and "to check" filter → the column the user sorted by. */
  {
    GtkFilterListModel *filtered;
    GtkSortListModel *sorted;
    g_autoptr(GtkNoSelection) selection = NULL;

    self->rows = g_list_store_new (GDNN_TYPE_VALUE_ROW);
    self->feed = gdnn_chunk_feed_new (self->rows, 8);
    filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          GTK_FILTER (g_object_ref (self->filter)));
    sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                      g_object_ref (gtk_column_view_get_sorter (self->column_view)));
    selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }

  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->attention_toggle, "toggled", G_CALLBACK (refilter), self);
}

/**
 * gdnn_values_page_show:
 * @year: the year shown first (the reporting year)
 */
gboolean
gdnn_values_page_show (GdnnValuesPage  *self,
                       GdnnStore       *store,
                       gint64           unit_id,
                       gint64           plan_id,
                       int              year,
                       GError         **error)
{
  g_autoptr(GdnnPlan) plan = NULL;

  g_return_val_if_fail (GDNN_IS_VALUES_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);

  plan = gdnn_store_get_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  self->unit_id = unit_id;
  self->plan_id = plan_id;
  self->current_year = year;
  self->year = CLAMP (year, plan->baseline_year, plan->last_year);
  self->other_year_confirmed = FALSE;

  /* Years from the baseline to the end of the plan. */
  gdnn_year_dropdown_set_range (self->year_dropdown, plan->baseline_year, plan->last_year, self->year);

  reload (self);
  return TRUE;
}

GListModel *
gdnn_values_page_get_rows (GdnnValuesPage *self)
{
  g_return_val_if_fail (GDNN_IS_VALUES_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}
