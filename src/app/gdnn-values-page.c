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
 * at once in its own transaction, or kept on its row with a message
 * until it can be (a numerator waiting for its denominator). Enter goes
 * down a row, Tab across. */

struct _GdnnValuesPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkDropDown    *year_dropdown;
  GtkColumnView  *column_view;
  GtkSearchEntry *search_entry;
  GtkToggleButton *attention_toggle;
  GtkCustomFilter *filter;
  GtkColumnViewColumn *code_column;

  /* Owned references */
  GdnnStore      *store;
  GListStore     *rows;        /* of GdnnValueRow: what the column view shows */
  GdnnChunkFeed  *feed;        /* fills rows a few at a time */
  gint64          unit_id;
  gint64          plan_id;
  int             year;
  int             current_year;
  gboolean        other_year_confirmed;
  gboolean        confirming;  /* the other year's dialog is open */
  GHashTable     *pending;     /* "unit:plan:year:indicator" → Pending */

  /* The window's close is held once while typed values are not saved. */
  GtkWidget      *close_root;
  gulong          close_handler;
  gboolean        close_refused;
};

G_DEFINE_FINAL_TYPE (GdnnValuesPage, gdnn_values_page, ADW_TYPE_BIN)

static const char *const field_props[] = { "numerator", "denominator", "note" };

static void reload (GdnnValuesPage *self);

/* What was typed and not stored is kept by the page per unit, plan, year
 * and indicator, so that it survives the rows being loaded anew (another
 * year, another plan, coming back to the page). */
typedef struct
{
  char *texts[GDNN_VALUE_N_FIELDS];
  char *code;                  /* the indicator's, to name the row */
} Pending;

static void
pending_free (Pending *pending)
{
  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    g_free (pending->texts[i]);
  g_free (pending->code);
  g_free (pending);
}

static char *
pending_key (GdnnValuesPage *self,
             GdnnValueRow   *row)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d:%" G_GINT64_FORMAT,
                          self->unit_id, self->plan_id, gdnn_value_row_get_year (row),
                          gdnn_value_row_get_indicator (row)->id);
}

static void
remember_pending (GdnnValuesPage *self,
                  GdnnValueRow   *row)
{
  Pending *pending;

  if (!gdnn_value_row_has_pending (row))
    {
      g_autofree char *key = pending_key (self, row);
      g_hash_table_remove (self->pending, key);
      return;
    }
  pending = g_new0 (Pending, 1);
  for (guint i = 0; i < GDNN_VALUE_N_FIELDS; i++)
    pending->texts[i] = g_strdup (gdnn_value_row_get_pending (row, i));
  pending->code = g_strdup (gdnn_value_row_get_indicator (row)->code);
  g_hash_table_replace (self->pending, pending_key (self, row), pending);
}

static void
restore_pending (GdnnValuesPage *self,
                 GdnnValueRow   *row)
{
  g_autofree char *key = pending_key (self, row);
  Pending *pending = g_hash_table_lookup (self->pending, key);

  if (pending != NULL)
    gdnn_value_row_restore_pending (row, (const char * const *) pending->texts);
}

static void
on_rows_changed (GdnnValuesPage *self,
                 guint           position,
                 guint           removed,
                 guint           added,
                 GListModel     *rows)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (rows, i);
      restore_pending (self, row);
    }
}

/* Stores what gdnn_value_row_input() made of a cell's text; a refusal
 * stays beside the row, never as a dialog. */
static void
store_input (GdnnValuesPage  *self,
             GdnnValueRow    *row,
             GdnnValueField   field,
             const GdnnValue *value)
{
  g_autoptr(GError) error = NULL;

  if (gdnn_store_set_value (self->store, value, &error))
    gdnn_value_row_stored (row, field, value);
  else
    gdnn_value_row_refused (row, error->message);
  remember_pending (self, row);
}

typedef struct
{
  GdnnValuesPage *self;
  GdnnValueRow   *row;
  GdnnValueField  field;
  GdnnValue      *value;
} PendingEdit;

static void
pending_edit_free (PendingEdit *edit)
{
  g_object_unref (edit->row);
  gdnn_value_free (edit->value);
  g_free (edit);
}

static void
on_other_year_response (AdwMessageDialog *dialog,
                        const char       *response,
                        PendingEdit      *edit)
{
  GdnnValuesPage *self = edit->self;

  self->confirming = FALSE;
  if (g_str_equal (response, "change"))
    {
      self->other_year_confirmed = TRUE;
      store_input (self, edit->row, edit->field, edit->value);
    }
  else
    {
      /* Put the stored value back into the cells. */
      gdnn_value_row_discard_pending (edit->row);
      remember_pending (self, edit->row);
    }
  pending_edit_free (edit);
}

/* A change to another year's value is confirmed once per page visit. */
static void
confirm_other_year (GdnnValuesPage *self,
                    GdnnValueRow   *row,
                    GdnnValueField  field,
                    GdnnValue      *value)
{
  AdwMessageDialog *dialog;
  PendingEdit *edit;
  g_autofree char *body = NULL;

  edit = g_new0 (PendingEdit, 1);
  edit->self = self;
  edit->row = g_object_ref (row);
  edit->field = field;
  edit->value = value;
  self->confirming = TRUE;

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
}

/* A cell's text, on Enter or when the focus leaves the cell: stored at
 * once when it makes a value, else kept on the row with a message
 * (gdnn_value_row_input()). */
static void
commit_input (GdnnValuesPage *self,
              GdnnValueRow   *row,
              GdnnValueField  field,
              const char     *text)
{
  GdnnValue *value;

  /* The focus leaves the cell for the confirmation dialog. */
  if (self->confirming || self->store == NULL)
    return;
  value = gdnn_value_row_input (row, field, text);
  if (value == NULL)
    {
      remember_pending (self, row);
      return;
    }
  if (self->year != self->current_year && !self->other_year_confirmed)
    {
      remember_pending (self, row);
      confirm_other_year (self, row, field, value);
      return;
    }
  store_input (self, row, field, value);
  gdnn_value_free (value);
}

static void
on_entry_commit (GtkEntry *entry,
                 gpointer  user_data)
{
  GdnnValuesPage *self = g_object_get_data (G_OBJECT (entry), "page");
  GdnnValueRow *row = g_object_get_data (G_OBJECT (entry), "row");

  if (row == NULL || self == NULL)
    return;
  commit_input (self, row, GPOINTER_TO_INT (user_data), gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The entry of @field on the row at @position of the view, if that row
 * has one. */
static GtkWidget *
find_cell_entry (GtkWidget      *root,
                 GdnnValueField  field,
                 guint           position)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (root), "item");

  if (GTK_IS_ENTRY (root) && item != NULL &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (root), "field")) == (int) field &&
      g_object_get_data (G_OBJECT (root), "row") != NULL &&
      gtk_list_item_get_position (item) == position)
    return gtk_widget_get_visible (root) ? root : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell_entry (child, field, position);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the table so that @widget shows whole below the column titles. */
static void
scroll_to_widget (GdnnValuesPage *self,
                  GtkWidget      *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->column_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, margin = 8;

  if (scrolled == NULL || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = header != NULL ? gtk_widget_get_height (header) : 0;
  bottom = gtk_widget_get_height (scrolled);
  if (bounds.origin.y - margin < top)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - (top - bounds.origin.y + margin));
  else if (bounds.origin.y + bounds.size.height + margin > bottom)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              (bounds.origin.y + bounds.size.height + margin - bottom));
}

/* Moves the focus to the cell of @field at @position, scrolled into
 * view; FALSE when that row has no such cell. */
static gboolean
focus_cell (GdnnValuesPage *self,
            GdnnValueField  field,
            guint           position)
{
  GtkWidget *entry = find_cell_entry (GTK_WIDGET (self->column_view), field, position);

  if (entry == NULL)
    return FALSE;
  gtk_widget_grab_focus (entry);
  scroll_to_widget (self, entry);
  return TRUE;
}

/* Enter: after the commit, the same cell of the next row that has one
 * (a count has no denominator). */
static void
on_entry_activate_after (GtkEntry *entry,
                         gpointer  user_data)
{
  GdnnValuesPage *self = g_object_get_data (G_OBJECT (entry), "page");
  GtkListItem *item = g_object_get_data (G_OBJECT (entry), "item");
  GdnnValueField field = GPOINTER_TO_INT (user_data);
  guint n;

  if (self == NULL || item == NULL || self->confirming)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (self->column_view)));
  for (guint position = gtk_list_item_get_position (item) + 1; position < n; position++)
    if (focus_cell (self, field, position))
      return;
}

/* Ctrl+Z in a cell: what was typed in it and not committed yet is undone
 * by the entry itself; once the cell shows what the row holds, the last
 * stored change is undone (the page's values.undo), as the undo button
 * does. */
static gboolean
undo_in_cell (GtkEditable *entry,
              int          field)
{
  GdnnValueRow *row = g_object_get_data (G_OBJECT (entry), "row");
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;
  g_object_get (row, field_props[field], &text, NULL);
  if (g_strcmp0 (text, gtk_editable_get_text (entry)) != 0)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (entry), "values.undo", NULL);
}

/* Tab and Shift+Tab: the next or the previous cell, row after row (the
 * cell commits as the focus leaves it). Past the first or the last cell,
 * the focus leaves the table as usual. */
static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdnnValuesPage *self = g_object_get_data (G_OBJECT (entry), "page");
  GtkListItem *item = g_object_get_data (G_OBJECT (entry), "item");
  int field = GPOINTER_TO_INT (user_data);
  gboolean back;
  int position;
  int n;

  if (self == NULL || item == NULL)
    return FALSE;
  if ((keyval == GDK_KEY_z || keyval == GDK_KEY_Z) &&
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == GDK_CONTROL_MASK)
    return undo_in_cell (GTK_EDITABLE (entry), field);
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;
  position = (int) gtk_list_item_get_position (item);
  n = (int) g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (self->column_view)));
  for (;;)
    {
      field += back ? -1 : 1;
      if (field < 0 || field >= GDNN_VALUE_N_FIELDS)
        {
          field = back ? GDNN_VALUE_N_FIELDS - 1 : 0;
          position += back ? -1 : 1;
        }
      if (position < 0 || position >= n)
        return FALSE;
      if (focus_cell (self, field, position))
        return TRUE;
    }
}

static void
setup_entry (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GdnnValueField field = GPOINTER_TO_INT (user_data);
  GtkEventController *keys;
  GtkWidget *entry;

  /* Commits on Enter and when the focus leaves the cell (gdnn-cell-entry.c);
   * then Enter goes down a row, Tab to the next cell. */
  entry = gdnn_cell_entry_new (field != GDNN_VALUE_FIELD_NOTE, field == GDNN_VALUE_FIELD_NOTE ? 10 : 6,
                               on_entry_commit, user_data);
  g_object_set_data (G_OBJECT (entry), "item", item);
  g_object_set_data (G_OBJECT (entry), "field", user_data);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_after), user_data);
  keys = gtk_event_controller_key_new ();
  /* Before the entry's text, which takes Ctrl+Z for its own undo. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), user_data);
  gtk_widget_add_controller (entry, keys);
  gtk_list_item_set_child (item, entry);
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
  /* An explanation longer than its cell reads whole in the tooltip. */
  if (g_str_equal (pspec->name, "note"))
    gdnn_widget_set_tooltip (GTK_WIDGET (entry), text != NULL && text[0] != '\0' ? text : NULL);
}

static void
bind_entry (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GdnnValuesPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GdnnValueRow *row = gtk_list_item_get_item (item);
  GtkWidget *entry = gtk_list_item_get_child (item);
  GdnnValueField field = GPOINTER_TO_INT (user_data);
  const GdnnIndicator *ind = gdnn_value_row_get_indicator (row);
  g_autofree char *signal = g_strconcat ("notify::", field_props[field], NULL);
  g_autofree char *label = NULL;
  const char *what;

  g_object_set_data (G_OBJECT (entry), "page", self);
  g_object_set_data (G_OBJECT (entry), "row", row);

  /* A count, an amount or a yes/no has no denominator. */
  gtk_widget_set_visible (entry, field != GDNN_VALUE_FIELD_DENOMINATOR || ind->measure == GDNN_MEASURE_RATIO);

  what = field == GDNN_VALUE_FIELD_NUMERATOR ? (ind->measure == GDNN_MEASURE_RATIO ? _("Numerator") : _("Value"))
                                  : field == GDNN_VALUE_FIELD_DENOMINATOR ? _("Denominator") : _("Explanation");
  /* Translators: an input's accessible name, e.g. "Numerator of I.2.a.1". */
  label = g_strdup_printf (_("%s of %s"), what, ind->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* A recycled entry may carry another indicator's: always set. */
  gdnn_widget_set_tooltip (entry, field == GDNN_VALUE_FIELD_NUMERATOR ? ind->numerator_label
                                  : field == GDNN_VALUE_FIELD_DENOMINATOR ? ind->denominator_label : NULL);

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

/* Short read-only columns (the code, the %) are one-line labels bound
 * to a property with an expression; the column is as wide as they are. */
static GtkListItemFactory *
label_factory (const char *property,
               float       xalign)
{
  g_autoptr(GString) ui = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_string_append_printf (ui,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><interface>"
    "<template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
    "<property name=\"xalign\">%g</property>"
    "<binding name=\"label\"><lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup>"
    "</lookup></binding></object></property></template></interface>",
    (double) xalign, property);
  bytes = g_string_free_to_bytes (g_steal_pointer (&ui));
  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

/* The name, the targets and the track or the message beside the
 * entries are GtkInscriptions (GTK 4.8), which ask for a height in lines
 * without laying their text out, unlike a wrapping GtkLabel, whose text
 * is shaped at several widths at each change (half of a year switch's
 * time with 200 indicators, bench/bench-forms) and which asked for the
 * height of its text at its natural width, not at the column's (rows of
 * 125 px for one-line entries). The lines asked for follow the text's
 * length in a column of @chars characters (words wrap, so a line holds
 * fewer), at most @max_lines, and no more show in a row made taller by
 * another cell; the tooltip shows all of the text. */
static guint
inscription_lines (GtkListItem *item,
                   const char  *text,
                   guint        chars,
                   guint        max_lines)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "; ", -1);
  guint per_line = MAX (chars * 3 / 4, 1);
  guint lines = 0;

  /* Each of "2025: 50%; 2030: 100%" starts a line. */
  for (guint i = 0; parts[i] != NULL; i++)
    lines += MAX ((guint) ((g_utf8_strlen (parts[i], -1) + per_line - 1) / per_line), 1);
  return CLAMP (lines, 1, max_lines);
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
                     guint       chars,
                     guint       max_lines)
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
    "<property name=\"valign\">center</property>"
    "<binding name=\"min-lines\"><closure type=\"guint\" function=\"inscription_lines\">"
    "<lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup></lookup>"
    "<constant type=\"guint\">%u</constant><constant type=\"guint\">%u</constant></closure></binding>"
    "<binding name=\"nat-lines\"><closure type=\"guint\" function=\"inscription_lines\">"
    "<lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup></lookup>"
    "<constant type=\"guint\">%u</constant><constant type=\"guint\">%u</constant></closure></binding>"
    "<property name=\"wrap-mode\">word-char</property><property name=\"text-overflow\">ellipsize-end</property>"
    "<property name=\"has-tooltip\">True</property>"
    "<signal name=\"query-tooltip\" handler=\"on_inscription_query_tooltip\"/>"
    "<binding name=\"text\"><lookup name=\"%s\" type=\"GdnnValueRow\"><lookup name=\"item\">GtkListItem</lookup>"
    "</lookup></binding></object></property></template></interface>",
    property, chars, max_lines, property, chars, max_lines, property);
  bytes = g_string_free_to_bytes (g_steal_pointer (&ui));
  return gtk_builder_list_item_factory_new_from_bytes (scope, bytes);
}

static GtkColumnViewColumn *
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
  /* cppcheck-suppress deallocret ; the column view holds a reference of its own */
  return column;
}

/* Widens a column whose title would be cut, whatever the language and
 * the font size: the titles are measured once they are styled. A title
 * reports its column's width as its own, so its content (the label and
 * the sort arrow) is measured, plus the title's padding and border. */
static void
fit_titles (GdnnValuesPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; title != NULL && i < g_list_model_get_n_items (columns);
       i++, title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *content = gtk_widget_get_first_child (title);
      GtkStyleContext *style = gtk_widget_get_style_context (title);
      GtkBorder padding, border;
      int natural = 0;

      if (content == NULL)
        continue;
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      gtk_style_context_get_padding (style, &padding);
      gtk_style_context_get_border (style, &border);
      natural += padding.left + padding.right + border.left + border.right;
      if (natural > gtk_column_view_column_get_fixed_width (column))
        gtk_column_view_column_set_fixed_width (column, natural);
    }
}

/* The code column as wide as the longest code of the plan: a code is
 * never cut ("I.2.d.1a" and "I.2.d.1b" are two indicators). */
static void
fit_codes (GdnnValuesPage *self,
           GListModel     *rows)
{
  int widest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (rows, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                      gdnn_value_row_get_indicator (row)->code);
      int width = 0;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* The cell's padding, as gdnn_chars_to_px () counts it. */
  gtk_column_view_column_set_fixed_width (self->code_column,
                                          MAX (widest + 16, gtk_column_view_column_get_fixed_width (self->code_column)));
}

static void
add_entry_column (GdnnValuesPage *self,
                  const char     *title,
                  GdnnValueField  field,
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
  fit_codes (self, rows);
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
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(GdnnValueRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      restore_pending (self, row);
    }
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

/* ---- Closing the window --------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "I.2.a.1, I.2.c.1" from sorted codes, each once (a code may be pending
 * in two years). */
static char *
join_codes (GPtrArray *codes)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0 && g_str_equal (codes->pdata[i], codes->pdata[i - 1]))
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, codes->pdata[i]);
    }
  return g_string_free (list, FALSE);
}

/* The window closes: the cell being typed in is committed first; then,
 * when typed values are still not saved (a numerator waiting for its
 * denominator, a refused number), the window stays open once with a
 * message naming their rows; a second close goes ahead without them. */
static gboolean
on_close_request (GdnnValuesPage *self,
                  GtkWindow      *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;
  GHashTableIter iter;
  Pending *pending;

  if (entry != NULL && g_object_get_data (G_OBJECT (entry), "page") == self)
    on_entry_commit (GTK_ENTRY (entry), g_object_get_data (G_OBJECT (entry), "field"));
  if (self->close_refused || self->pending == NULL || g_hash_table_size (self->pending) == 0)
    return FALSE;

  codes = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pending))
    g_ptr_array_add (codes, pending->code);
  g_ptr_array_sort (codes, compare_strings);
  list = join_codes (codes);

  self->close_refused = TRUE;
  /* Translators: %s lists indicator codes, e.g. "I.2.a.1, I.2.c.1". */
  message = g_strdup_printf (_("Values typed on %s are not saved: each row says why. Complete or correct them, or "
                               "close the window again to leave them out."), list);
  gdnn_widget_show_failure (GTK_WIDGET (self), message);
  return TRUE;
}

static void
gdnn_values_page_root (GtkWidget *widget)
{
  GdnnValuesPage *self = GDNN_VALUES_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (gdnn_values_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->close_root = GTK_WIDGET (root);
      self->close_handler = g_signal_connect_swapped (root, "close-request", G_CALLBACK (on_close_request), self);
    }
}

static void
gdnn_values_page_unroot (GtkWidget *widget)
{
  GdnnValuesPage *self = GDNN_VALUES_PAGE (widget);

  if (self->close_root != NULL && self->close_handler != 0)
    g_signal_handler_disconnect (self->close_root, self->close_handler);
  self->close_handler = 0;
  self->close_root = NULL;
  GTK_WIDGET_CLASS (gdnn_values_page_parent_class)->unroot (widget);
}

static void
gdnn_values_page_dispose (GObject *object)
{
  GdnnValuesPage *self = (GdnnValuesPage *)object;

  g_clear_pointer (&self->feed, gdnn_chunk_feed_free);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_VALUES_PAGE);

  G_OBJECT_CLASS (gdnn_values_page_parent_class)->dispose (object);
}

static void
gdnn_values_page_class_init (GdnnValuesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_values_page_dispose;
  widget_class->root = gdnn_values_page_root;
  widget_class->unroot = gdnn_values_page_unroot;

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
  self->code_column = add_column (self, _("Code"), label_factory ("code", 0), 6, FALSE, compare_code);
  /* The name in two lines at most, all of it in the tooltip. */
  add_column (self, _("Indicator"), inscription_factory ("name", 40, 2), 22, TRUE, compare_name);
  add_column (self, _("Targets"), inscription_factory ("targets", 14, 3), 12, FALSE, NULL);
  add_entry_column (self, _("Numerator / value"), GDNN_VALUE_FIELD_NUMERATOR, 11);
  add_entry_column (self, _("Denominator"), GDNN_VALUE_FIELD_DENOMINATOR, 9);
  add_column (self, "%", label_factory ("percent", 1), 6, FALSE, compare_measure);
  add_column (self, _("Progress and checks"), inscription_factory ("status", 22, 8), 20, FALSE, NULL);
  add_entry_column (self, _("Explanation"), GDNN_VALUE_FIELD_NOTE, 14);

  /* rows → search and "to check" filter → the column the user sorted by. */
  {
    GtkFilterListModel *filtered;
    GtkSortListModel *sorted;
    g_autoptr(GtkNoSelection) selection = NULL;

    self->rows = g_list_store_new (GDNN_TYPE_VALUE_ROW);
    self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pending_free);
    /* Rows loaded anew get back what was typed on them and not stored. */
    g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (on_rows_changed), self);
    self->feed = gdnn_chunk_feed_new (self->rows, 8);
    filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          GTK_FILTER (g_object_ref (self->filter)));
    sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                      g_object_ref (gtk_column_view_get_sorter (self->column_view)));
    selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }

  g_signal_connect_swapped (self->column_view, "map", G_CALLBACK (fit_titles), self);
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
