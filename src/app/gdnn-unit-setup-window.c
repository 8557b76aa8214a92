/* gdnn-unit-setup-window.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-unit-setup-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-plan-attach.h"
#include "gdnn-text.h"
#include "gdnn-unit-setup.h"
#include "gdnn-unit-setup-window.h"

/* The set-up of one unit: its details and the office it reports to, the
 * plans it implements, and for each plan its own tasks and targets. The
 * details are saved together with the Save button (all or nothing); an
 * attached plan, a task or a target is stored as soon as it is confirmed.
 * Every check and write is in core (gdnn-unit-setup.h); this file only
 * fills the rows and shows the messages. */

struct _GdnnUnitSetupWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *details_message;
  AdwEntryRow          *code_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *short_name_row;
  AdwComboRow          *type_row;
  AdwComboRow          *ownership_row;
  AdwComboRow          *parent_row;
  AdwEntryRow          *governing_row;
  GtkMenuButton        *governing_button;
  GtkListBox           *governing_list;
  AdwEntryRow          *head_name_row;
  AdwEntryRow          *head_title_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  GtkButton            *save_button;
  AdwPreferencesPage   *plans_page;
  GtkLabel             *plans_message;
  AdwPreferencesGroup  *attached_group;
  AdwPreferencesGroup  *available_group;
  AdwActionRow         *file_row;
  GtkButton            *file_button;
  AdwPreferencesPage   *tasks_page;
  GtkLabel             *tasks_message;
  AdwComboRow          *plan_row;
  AdwPreferencesGroup  *own_group;
  AdwPreferencesGroup  *task_form;
  AdwEntryRow          *task_title_row;
  AdwComboRow          *task_group_row;
  AdwComboRow          *task_lead_row;
  AdwEntryRow          *task_due_row;
  GtkButton            *task_cancel_button;
  GtkButton            *task_save_button;
  AdwPreferencesGroup  *targets_group;

  /* Owned references */
  GdnnStore            *store;
  GdnnUnit             *unit;          /* as stored; id 0 until a new unit is saved */
  GPtrArray            *offices;       /* GdnnUnit, parent_row item i + 1 */
  GPtrArray            *plans;         /* GdnnPlan attached, plan_row items */
  GPtrArray            *templates;     /* GdnnTemplateInfo of the shipped templates */
  GArray               *group_ids;     /* task_group_row item i + 1 */
  GArray               *lead_ids;      /* task_lead_row item i + 1 */
  GPtrArray            *rows;          /* rows added to the groups, to remove them */
  GtkFileChooserNative *chooser;
  gint64                editing_task;
  guint                 parent_selected;  /* the office chosen before "New office…" */
  gboolean              filling_offices;
};

G_DEFINE_FINAL_TYPE (GdnnUnitSetupWindow, gdnn_unit_setup_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_ID "gdnn-id"

static void reload_plans (GdnnUnitSetupWindow *self);
static void show_plan_tasks (GdnnUnitSetupWindow *self);

static void
show_message (GtkLabel     *label,
              const GError *error)
{
  /* The message has a group of its own, hidden with it. */
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_GROUP), error != NULL);
}

static void
toast (GdnnUnitSetupWindow *self,
       const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
changed (GdnnUnitSetupWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Dynamic rows of a group, removed again before it is filled anew. */
static void
add_row (GdnnUnitSetupWindow *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "gdnn-group", group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (GdnnUnitSetupWindow *self,
            AdwPreferencesGroup *group)
{
  for (guint i = self->rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i - 1);

      if (g_object_get_data (G_OBJECT (row), "gdnn-group") != group)
        continue;
      adw_preferences_group_remove (group, row);
      g_ptr_array_remove_index (self->rows, i - 1);
    }
}

static gint64
row_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), ROW_ID);
  return id != NULL ? *id : 0;
}

static void
set_row_id (GtkWidget *widget,
            gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), ROW_ID, g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
suffix_button (const char *icon,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gdnn_widget_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
dup_text (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* ------------------------------------------------------------------ */
/* Details                                                             */

static void
mark_field (GdnnUnitSetupWindow *self,
            GdnnUnitField        field)
{
  GtkWidget *rows[] = {
    [GDNN_UNIT_FIELD_NONE] = NULL,
    [GDNN_UNIT_FIELD_CODE] = GTK_WIDGET (self->code_row),
    [GDNN_UNIT_FIELD_NAME] = GTK_WIDGET (self->name_row),
    [GDNN_UNIT_FIELD_TYPE] = GTK_WIDGET (self->type_row),
    [GDNN_UNIT_FIELD_OWNERSHIP] = GTK_WIDGET (self->ownership_row),
    [GDNN_UNIT_FIELD_PARENT] = GTK_WIDGET (self->parent_row),
    [GDNN_UNIT_FIELD_PHONE] = GTK_WIDGET (self->phone_row),
    [GDNN_UNIT_FIELD_EMAIL] = GTK_WIDGET (self->email_row),
  };

  for (guint i = 1; i < G_N_ELEMENTS (rows); i++)
    {
      if (i == field)
        gtk_widget_add_css_class (rows[i], "error");
      else
        gtk_widget_remove_css_class (rows[i], "error");
    }
  if (field != GDNN_UNIT_FIELD_NONE)
    gtk_widget_grab_focus (rows[field]);
}

static void
on_governing_chosen (GdnnUnitSetupWindow *self,
                     GtkListBoxRow       *row,
                     GtkListBox          *list)
{
  set_text (self->governing_row, g_object_get_data (G_OBJECT (row), "gdnn-name"));
  gtk_menu_button_popdown (self->governing_button);
}

static void
fill_offices (GdnnUnitSetupWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint selected = 0;

  g_clear_pointer (&self->offices, g_ptr_array_unref);
  self->offices = gdnn_unit_setup_list_offices (self->store, self->unit->id, &error);
  if (self->offices == NULL)
    {
      show_message (self->details_message, error);
      self->offices = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_unit_free);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->governing_list))) != NULL)
    gtk_list_box_remove (self->governing_list, child);

  /* Translators: the "reports to" choice of a unit that reports to no one. */
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < self->offices->len; i++)
    {
      GdnnUnit *office = g_ptr_array_index (self->offices, i);
      GtkWidget *label = gtk_label_new (office->name);
      GtkWidget *row = gtk_list_box_row_new ();

      /* The short name fits the row; the list shows full names. */
      gtk_string_list_append (names, office->short_name != NULL ? office->short_name : office->name);
      if (office->id == self->unit->parent_id)
        selected = i + 1;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "gdnn-name", g_strdup (office->name), g_free);
      gtk_list_box_append (self->governing_list, row);
    }
  if (self->offices->len == 0)
    {
      /* Not a dead end: say what to do instead of an empty list. */
      GtkWidget *hint = gtk_label_new (_("No unit yet. Type the body's name in the field, or create the office "
                                         "with “Reports to” → “New office…”."));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hint);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->governing_list, row);
    }
  /* The last choice creates the office on the spot (on_parent_selected). */
  gtk_string_list_append (names, _("New office…"));
  self->filling_offices = TRUE;
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->parent_row, selected);
  self->parent_selected = selected;
  self->filling_offices = FALSE;
}

static void
on_new_office_response (GdnnUnitSetupWindow *self,
                        const char          *response,
                        AdwMessageDialog    *dialog)
{
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (dialog), "gdnn-name-row");
  AdwEntryRow *code_row = g_object_get_data (G_OBJECT (dialog), "gdnn-code-row");
  g_autoptr(GdnnUnit) office = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  GdnnUnitField field = GDNN_UNIT_FIELD_NONE;
  gint64 id;

  if (!g_str_equal (response, "create"))
    {
      adw_combo_row_set_selected (self->parent_row, self->parent_selected);
      return;
    }
  office->type = GDNN_UNIT_TYPE_CO_QUAN;
  office->ownership = GDNN_OWNERSHIP_NONE;
  office->name = dup_text (name_row);
  office->code = dup_text (code_row);
  id = gdnn_unit_setup_save (self->store, office, &field, &error);
  if (id == 0)
    {
      show_message (self->details_message, error);
      adw_combo_row_set_selected (self->parent_row, self->parent_selected);
      return;
    }
  show_message (self->details_message, NULL);
  /* The new office is chosen; the unit itself is saved with Save. */
  self->unit->parent_id = id;
  fill_offices (self);
  if (gtk_editable_get_text (GTK_EDITABLE (self->governing_row))[0] == '\0')
    set_text (self->governing_row, office->name);
  toast (self, _("Office added and chosen. Save to keep this unit's details."));
  changed (self);
}

static GtkWidget *
boxed_entry (GtkWidget  *list,
             const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* "Reports to" → "New office…": the office is created here, as a unit of
 * its own, instead of the user having to leave this unit's set-up. */
static void
ask_new_office (GdnnUnitSetupWindow *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name_row, *code_row;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Office"),
                                                       _("The state office this unit sends its reports to, such as "
                                                         "the province's Sở Lao động - Thương binh và Xã hội. "
                                                         "Its code is short, without spaces (SLDTBXH-BG).")));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name_row = boxed_entry (list, _("Office name"));
  code_row = boxed_entry (list, _("Office code"));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate Office"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "gdnn-name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "gdnn-code-row", code_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_office_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

static void
on_parent_selected (GdnnUnitSetupWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->parent_row);

  if (self->filling_offices || self->offices == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == self->offices->len + 1)
    ask_new_office (self);
  else
    self->parent_selected = selected;
}

static void
on_type_changed (GdnnUnitSetupWindow *self)
{
  gboolean office = adw_combo_row_get_selected (self->type_row) == GDNN_UNIT_TYPE_CO_QUAN;

  /* A state office has no ownership type. */
  if (office)
    adw_combo_row_set_selected (self->ownership_row, GDNN_OWNERSHIP_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ownership_row), !office);
}

static void
load_details (GdnnUnitSetupWindow *self)
{
  GdnnUnit *u = self->unit;

  set_text (self->code_row, u->code);
  set_text (self->name_row, u->name);
  set_text (self->short_name_row, u->short_name);
  adw_combo_row_set_selected (self->type_row, u->type);
  adw_combo_row_set_selected (self->ownership_row, u->ownership);
  on_type_changed (self);
  set_text (self->governing_row, u->governing_body);
  set_text (self->head_name_row, u->head_name);
  set_text (self->head_title_row, u->head_title);
  set_text (self->address_row, u->address);
  set_text (self->phone_row, u->phone);
  set_text (self->email_row, u->email);
  fill_offices (self);

  gtk_window_set_title (GTK_WINDOW (self), u->id != 0 ? u->name : _("New Unit"));
  gtk_widget_set_visible (GTK_WIDGET (self->plans_page), u->id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tasks_page), u->id != 0);
}

static void
save_details (GdnnUnitSetupWindow *self)
{
  g_autoptr(GdnnUnit) edit = gdnn_unit_new ();
  g_autoptr(GError) error = NULL;
  GdnnUnitField field = GDNN_UNIT_FIELD_NONE;
  guint parent = adw_combo_row_get_selected (self->parent_row);
  gboolean is_new = self->unit->id == 0;

  /* The fields the form does not show keep their stored values. */
  edit->id = self->unit->id;
  edit->is_sample = self->unit->is_sample;
  edit->code = dup_text (self->code_row);
  edit->name = dup_text (self->name_row);
  edit->short_name = dup_text (self->short_name_row);
  edit->type = (GdnnUnitType) adw_combo_row_get_selected (self->type_row);
  edit->ownership = (GdnnOwnership) adw_combo_row_get_selected (self->ownership_row);
  if (parent != GTK_INVALID_LIST_POSITION && parent > 0 && parent <= self->offices->len)
    edit->parent_id = ((GdnnUnit *) g_ptr_array_index (self->offices, parent - 1))->id;
  edit->governing_body = dup_text (self->governing_row);
  edit->head_name = dup_text (self->head_name_row);
  edit->head_title = dup_text (self->head_title_row);
  edit->address = dup_text (self->address_row);
  edit->phone = dup_text (self->phone_row);
  edit->email = dup_text (self->email_row);

  if (gdnn_unit_setup_save (self->store, edit, &field, &error) == 0)
    {
      show_message (self->details_message, error);
      mark_field (self, field);
      return;
    }

  show_message (self->details_message, NULL);
  mark_field (self, GDNN_UNIT_FIELD_NONE);
  gdnn_unit_free (self->unit);
  self->unit = gdnn_store_get_unit (self->store, edit->id, NULL);
  if (self->unit == NULL)
    self->unit = g_steal_pointer (&edit);
  load_details (self);
  if (is_new)
    reload_plans (self);
  toast (self, is_new ? _("Unit added. Now attach the plans it implements.") : _("Details saved."));
  changed (self);
}

/* ------------------------------------------------------------------ */
/* Plans                                                               */

static void
on_detach_clicked (GdnnUnitSetupWindow *self,
                   GtkButton           *button)
{
  g_autoptr(GError) error = NULL;

  if (!gdnn_unit_setup_detach_plan (self->store, self->unit->id, row_id (GTK_WIDGET (button)), &error))
    {
      show_message (self->plans_message, error);
      return;
    }
  show_message (self->plans_message, NULL);
  reload_plans (self);
  toast (self, _("Plan detached."));
  changed (self);
}

static void
on_attach_clicked (GdnnUnitSetupWindow *self,
                   GtkButton           *button)
{
  g_autoptr(GError) error = NULL;
  const char *template_name = g_object_get_data (G_OBJECT (button), "gdnn-template");
  gint64 plan_id = row_id (GTK_WIDGET (button));
  gboolean ok;

  if (template_name != NULL)
    ok = gdnn_plan_template_attach_shipped (self->store, self->unit->id, template_name, &error) != 0;
  else
    ok = gdnn_unit_setup_attach_plan (self->store, self->unit->id, plan_id, &error);
  if (!ok)
    {
      show_message (self->plans_message, error);
      return;
    }
  show_message (self->plans_message, NULL);
  reload_plans (self);
  toast (self, _("Plan attached."));
  changed (self);
}

static GtkWidget *
plan_row (const char *number,
          const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static void
add_attach_row (GdnnUnitSetupWindow *self,
                const char          *number,
                const char          *title,
                gint64               plan_id,
                const char          *template_name)
{
  GtkWidget *row = plan_row (number, title);
  GtkWidget *button = gtk_button_new_with_label (_("Attach"));
  /* Translators: %s is a plan number. */
  g_autofree char *label = g_strdup_printf (_("Attach plan %s"), number);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  set_row_id (button, plan_id);
  if (template_name != NULL)
    g_object_set_data_full (G_OBJECT (button), "gdnn-template", g_strdup (template_name), g_free);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_attach_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  add_row (self, self->available_group, row);
}

static void
reload_plans (GdnnUnitSetupWindow *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GtkStringList) numbers = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) stored = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) attached = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;

  clear_rows (self, self->attached_group);
  clear_rows (self, self->available_group);
  if (self->unit->id == 0)
    return;

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = gdnn_store_list_unit_plans (self->store, self->unit->id, &error);
  all = self->plans != NULL ? gdnn_store_list_plans (self->store, &error) : NULL;
  if (all == NULL)
    {
      show_message (self->plans_message, error);
      if (self->plans == NULL)
        self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_plan_free);
      return;
    }

  for (guint i = 0; i < self->plans->len; i++)
    {
      GdnnPlan *plan = g_ptr_array_index (self->plans, i);
      GtkWidget *row = plan_row (plan->number, plan->title);
      /* Translators: %s is a plan number. */
      g_autofree char *label = g_strdup_printf (_("Detach plan %s"), plan->number);
      GtkWidget *button = suffix_button ("list-remove-symbolic", label);

      set_row_id (button, plan->id);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_detach_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_row (self, self->attached_group, row);
      g_hash_table_add (attached, &plan->id);
      gtk_string_list_append (numbers, plan->number);
    }
  if (self->plans->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No plan attached yet"));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->attached_group, row);
    }

  /* Plans in the database, then shipped templates it does not hold. */
  for (guint i = 0; i < all->len; i++)
    {
      GdnnPlan *plan = g_ptr_array_index (all, i);

      g_hash_table_add (stored, plan->number);
      if (!g_hash_table_contains (attached, &plan->id))
        add_attach_row (self, plan->number, plan->title, plan->id, NULL);
    }
  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      GdnnTemplateInfo *info = g_ptr_array_index (self->templates, i);

      if (!g_hash_table_contains (stored, info->number))
        add_attach_row (self, info->number, info->title, 0, info->name);
    }

  /* The file choice comes last, after the plans. */
  g_object_ref (self->file_row);
  adw_preferences_group_remove (self->available_group, GTK_WIDGET (self->file_row));
  adw_preferences_group_add (self->available_group, GTK_WIDGET (self->file_row));
  g_object_unref (self->file_row);

  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (numbers));
  show_plan_tasks (self);
}

static void
on_file_chosen (GdnnUnitSetupWindow  *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path == NULL || gdnn_plan_template_attach_file (self->store, self->unit->id, path, &error) == 0)
        {
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a file on this computer."));
          show_message (self->plans_message, error);
        }
      else
        {
          show_message (self->plans_message, NULL);
          reload_plans (self);
          toast (self, _("Plan attached."));
          changed (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_file_clicked (GdnnUnitSetupWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plan templates (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Attach a Plan from a Template File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gdnn_file_chooser_set_start_folder (GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */
/* Own tasks and targets                                               */

static GdnnPlan *
selected_plan (GdnnUnitSetupWindow *self)
{
  guint i = adw_combo_row_get_selected (self->plan_row);

  if (self->plans == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->plans->len)
    return NULL;
  return g_ptr_array_index (self->plans, i);
}

static void
reset_task_form (GdnnUnitSetupWindow *self)
{
  self->editing_task = 0;
  set_text (self->task_title_row, NULL);
  set_text (self->task_due_row, NULL);
  adw_combo_row_set_selected (self->task_group_row, 0);
  adw_combo_row_set_selected (self->task_lead_row, 0);
  adw_preferences_group_set_title (self->task_form, _("New Task"));
  gtk_button_set_label (self->task_save_button, _("_Add Task"));
  gtk_widget_set_visible (GTK_WIDGET (self->task_cancel_button), FALSE);
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i + 1;
  return 0;
}

static void
on_edit_task (GdnnUnitSetupWindow *self,
              GtkButton           *button)
{
  GdnnTask *task = g_object_get_data (G_OBJECT (button), "gdnn-task");
  g_autofree char *due = NULL;

  self->editing_task = task->id;
  set_text (self->task_title_row, task->title);
  if (task->due_date != NULL)
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_parse (&date, task->due_date);
      if (g_date_valid (&date))
        due = gdnn_format_date (&date);
    }
  set_text (self->task_due_row, due);
  adw_combo_row_set_selected (self->task_group_row, index_of (self->group_ids, task->group_id));
  adw_combo_row_set_selected (self->task_lead_row, index_of (self->lead_ids, task->lead_body_id));
  /* Translators: %s is a task code such as BG-TC02.1. */
  {
    g_autofree char *title = g_strdup_printf (_("Edit Task %s"), task->code);
    adw_preferences_group_set_title (self->task_form, title);
  }
  gtk_button_set_label (self->task_save_button, _("_Save Task"));
  gtk_widget_set_visible (GTK_WIDGET (self->task_cancel_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->task_title_row));
}

static void
on_delete_response (GdnnUnitSetupWindow *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  g_autoptr(GError) error = NULL;
  gint64 task_id = row_id (GTK_WIDGET (dialog));

  if (!g_str_equal (response, "delete"))
    return;
  if (!gdnn_unit_setup_delete_task (self->store, self->unit->id, task_id, &error))
    {
      show_message (self->tasks_message, error);
      return;
    }
  show_message (self->tasks_message, NULL);
  if (self->editing_task == task_id)
    reset_task_form (self);
  show_plan_tasks (self);
  toast (self, _("Task deleted."));
  changed (self);
}

static void
on_delete_task (GdnnUnitSetupWindow *self,
                GtkButton           *button)
{
  GdnnTask *task = g_object_get_data (G_OBJECT (button), "gdnn-task");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Task?"), task->title));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_row_id (GTK_WIDGET (dialog), task->id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_task (const GdnnTask *task)
{
  g_autoptr(GString) s = g_string_new (task->code);

  if (task->group_code != NULL)
    {
      /* Translators: the task group a task belongs to, e.g. "group II.1". */
      g_string_append_printf (s, " · ");
      g_string_append_printf (s, _("group %s"), task->group_code);
    }
  if (task->lead_name != NULL)
    g_string_append_printf (s, " · %s", task->lead_name);
  if (task->due_date != NULL)
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_parse (&date, task->due_date);
      if (g_date_valid (&date))
        {
          g_autofree char *due = gdnn_format_date (&date);
          /* Translators: a task's deadline, e.g. "due 30/11/2026". */
          g_string_append (s, " · ");
          g_string_append_printf (s, _("due %s"), due);
        }
    }
  return g_markup_escape_text (s->str, -1);
}

static void
fill_task_choices (GdnnUnitSetupWindow *self,
                   GdnnPlan            *plan)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) leads = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) tasks = gdnn_store_list_tasks (self->store, plan->id, 0, NULL);
  g_autoptr(GPtrArray) bodies = gdnn_store_list_bodies (self->store, plan->id, NULL);

  g_array_set_size (self->group_ids, 0);
  g_array_set_size (self->lead_ids, 0);
  /* Translators: no task group / no lead unit chosen. */
  gtk_string_list_append (groups, _("None"));
  gtk_string_list_append (leads, _("None"));

  /* The plan's task groups, in order, as its tasks name them. */
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GdnnTask *t = g_ptr_array_index (tasks, i);
      g_autofree char *label = NULL;

      if (t->group_id == 0 || index_of (self->group_ids, t->group_id) != 0)
        continue;
      g_array_append_val (self->group_ids, t->group_id);
      label = g_strdup_printf ("%s %s", t->group_code, t->group_title);
      gtk_string_list_append (groups, label);
    }
  for (guint i = 0; bodies != NULL && i < bodies->len; i++)
    {
      GdnnBody *b = g_ptr_array_index (bodies, i);

      g_array_append_val (self->lead_ids, b->id);
      gtk_string_list_append (leads, b->name);
    }
  adw_combo_row_set_model (self->task_group_row, G_LIST_MODEL (groups));
  adw_combo_row_set_model (self->task_lead_row, G_LIST_MODEL (leads));
}

static void
on_target_apply (GdnnUnitSetupWindow *self,
                 AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 indicator_id = row_id (GTK_WIDGET (row));
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "gdnn-year"));
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean clear = trimmed[0] == '\0';
  double value = 0;

  if ((!clear && !gdnn_parse_number (trimmed, &value, &error)) ||
      !gdnn_unit_setup_set_target (self->store, self->unit->id, indicator_id, year, clear ? NULL : &value, &error))
    {
      show_message (self->tasks_message, error);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  show_message (self->tasks_message, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  toast (self, clear ? _("Target cleared.") : _("Target saved."));
  changed (self);
}

static void
fill_targets (GdnnUnitSetupWindow *self,
              GdnnPlan            *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = gdnn_unit_setup_list_targets (self->store, self->unit->id, plan->id, &error);

  clear_rows (self, self->targets_group);
  if (slots == NULL)
    {
      show_message (self->tasks_message, error);
      slots = g_ptr_array_new ();
    }
  gtk_widget_set_visible (GTK_WIDGET (self->targets_group), slots->len > 0);

  for (guint i = 0; i < slots->len; i++)
    {
      GdnnUnitTarget *slot = g_ptr_array_index (slots, i);
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *value = NULL;

      if (slot->measure == GDNN_MEASURE_RATIO)
        /* Translators: indicator code, name, year, e.g. "I.2.b · Tỷ lệ … (%) · 2025". */
        title = g_strdup_printf (_("%s · %s (%%) · %d"), slot->code, slot->name, slot->year);
      else if (slot->unit_label != NULL)
        title = g_strdup_printf ("%s · %s (%s) · %d", slot->code, slot->name, slot->unit_label, slot->year);
      else
        title = g_strdup_printf ("%s · %s · %d", slot->code, slot->name, slot->year);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      if (slot->has_value)
        value = gdnn_format_number (slot->value, slot->value == (gint64) slot->value ? 0 : 2);
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      set_row_id (row, slot->indicator_id);
      g_object_set_data (G_OBJECT (row), "gdnn-year", GINT_TO_POINTER (slot->year));
      g_signal_connect_swapped (row, "apply", G_CALLBACK (on_target_apply), self);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_target_apply), self);
      add_row (self, self->targets_group, row);
    }
}

static void
show_plan_tasks (GdnnUnitSetupWindow *self)
{
  GdnnPlan *plan = selected_plan (self);
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self, self->own_group);
  gtk_widget_set_visible (GTK_WIDGET (self->own_group), plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->task_form), plan != NULL);
  if (plan == NULL)
    {
      g_autoptr(GError) hint = g_error_new_literal (GDNN_STORE_ERROR, GDNN_STORE_ERROR_INVALID,
                                                    _("Attach a plan on the Plans page first."));
      clear_rows (self, self->targets_group);
      gtk_widget_set_visible (GTK_WIDGET (self->targets_group), FALSE);
      show_message (self->tasks_message, hint);
      return;
    }
  show_message (self->tasks_message, NULL);

  fill_task_choices (self, plan);
  own = gdnn_unit_setup_list_own_tasks (self->store, self->unit->id, plan->id, &error);
  if (own == NULL)
    {
      show_message (self->tasks_message, error);
      own = g_ptr_array_new ();
    }
  for (guint i = 0; i < own->len; i++)
    {
      GdnnTask *task = g_ptr_array_index (own, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (task->title, -1);
      g_autofree char *subtitle = describe_task (task);
      g_autofree char *edit_label = g_strdup_printf (_("Edit task %s"), task->code);
      g_autofree char *delete_label = g_strdup_printf (_("Delete task %s"), task->code);
      GtkWidget *edit = suffix_button ("document-edit-symbolic", edit_label);
      GtkWidget *del = suffix_button ("user-trash-symbolic", delete_label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      /* The row owns a copy of the task for its buttons. */
      g_object_set_data_full (G_OBJECT (edit), "gdnn-task", g_ptr_array_index (own, i), NULL);
      g_object_set_data_full (G_OBJECT (del), "gdnn-task", g_ptr_array_index (own, i), NULL);
      g_object_set_data_full (G_OBJECT (row), "gdnn-task", g_steal_pointer (&own->pdata[i]),
                              (GDestroyNotify) gdnn_task_free);
      g_signal_connect_swapped (edit, "clicked", G_CALLBACK (on_edit_task), self);
      g_signal_connect_swapped (del, "clicked", G_CALLBACK (on_delete_task), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
      add_row (self, self->own_group, row);
    }
  if (own->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No own tasks for this plan yet"));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->own_group, row);
    }
  fill_targets (self, plan);
}

static void
on_plan_selected (GdnnUnitSetupWindow *self)
{
  reset_task_form (self);
  show_plan_tasks (self);
}

static void
save_task (GdnnUnitSetupWindow *self)
{
  GdnnPlan *plan = selected_plan (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = dup_text (self->task_title_row);
  g_autofree char *due_text = dup_text (self->task_due_row);
  g_autofree char *due = NULL;
  guint group = adw_combo_row_get_selected (self->task_group_row);
  guint lead = adw_combo_row_get_selected (self->task_lead_row);
  gboolean editing = self->editing_task != 0;
  GdnnTask task = { 0 };

  if (plan == NULL)
    return;
  g_strstrip (due_text);
  if (due_text[0] != '\0')
    {
      GDate date;
      if (!gdnn_parse_date (due_text, &date, &error))
        {
          show_message (self->tasks_message, error);
          gtk_widget_add_css_class (GTK_WIDGET (self->task_due_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->task_due_row));
          return;
        }
      due = gdnn_format_date_iso (&date);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->task_due_row), "error");

  task.id = self->editing_task;
  task.plan_id = plan->id;
  task.title = g_strstrip (title);
  task.due_date = due;
  if (group != GTK_INVALID_LIST_POSITION && group > 0 && group <= self->group_ids->len)
    task.group_id = g_array_index (self->group_ids, gint64, group - 1);
  if (lead != GTK_INVALID_LIST_POSITION && lead > 0 && lead <= self->lead_ids->len)
    task.lead_body_id = g_array_index (self->lead_ids, gint64, lead - 1);

  if (gdnn_unit_setup_save_task (self->store, self->unit->id, &task, &error) == 0)
    {
      show_message (self->tasks_message, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->task_title_row));
      return;
    }
  show_message (self->tasks_message, NULL);
  reset_task_form (self);
  show_plan_tasks (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->task_title_row));
  toast (self, editing ? _("Task saved.") : _("Task added."));
  changed (self);
}

/* ------------------------------------------------------------------ */

static void
gdnn_unit_setup_window_dispose (GObject *object)
{
  GdnnUnitSetupWindow *self = (GdnnUnitSetupWindow *)object;

  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_UNIT_SETUP_WINDOW);

  G_OBJECT_CLASS (gdnn_unit_setup_window_parent_class)->dispose (object);
}

static void
gdnn_unit_setup_window_finalize (GObject *object)
{
  GdnnUnitSetupWindow *self = (GdnnUnitSetupWindow *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->unit, gdnn_unit_free);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->lead_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gdnn_unit_setup_window_parent_class)->finalize (object);
}

static void
gdnn_unit_setup_window_class_init (GdnnUnitSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_unit_setup_window_dispose;
  object_class->finalize = gdnn_unit_setup_window_finalize;

  /**
   * GdnnUnitSetupWindow::changed:
   *
   * Emitted after the window stored a change: the unit's details, a plan
   * attached or detached, an own task or target.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-unit-setup-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GdnnUnitSetupWindow, name)
  BIND (details_message);
  BIND (code_row);
  BIND (name_row);
  BIND (short_name_row);
  BIND (type_row);
  BIND (ownership_row);
  BIND (parent_row);
  BIND (governing_row);
  BIND (governing_button);
  BIND (governing_list);
  BIND (head_name_row);
  BIND (head_title_row);
  BIND (address_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (save_button);
  BIND (plans_page);
  BIND (plans_message);
  BIND (attached_group);
  BIND (available_group);
  BIND (file_row);
  BIND (file_button);
  BIND (tasks_page);
  BIND (tasks_message);
  BIND (plan_row);
  BIND (own_group);
  BIND (task_form);
  BIND (task_title_row);
  BIND (task_group_row);
  BIND (task_lead_row);
  BIND (task_due_row);
  BIND (task_cancel_button);
  BIND (task_save_button);
  BIND (targets_group);
#undef BIND

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwHeaderBar *
find_header_bar (GtkWidget *root)
{
  if (ADW_IS_HEADER_BAR (root))
    return ADW_HEADER_BAR (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwHeaderBar *found = find_header_bar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The details' Save button sits in the window's header bar, always in
 * sight: at the end of the page it was below the fold of a 600-pixel
 * window (12 rows). It is shown with the Details page only. */
static void
on_visible_page_changed (GdnnUnitSetupWindow *self)
{
  const char *name = adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->save_button), g_strcmp0 (name, "details") == 0);
}

static void
put_save_in_header_bar (GdnnUnitSetupWindow *self)
{
  AdwHeaderBar *header = find_header_bar (GTK_WIDGET (self));
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->save_button), ADW_TYPE_PREFERENCES_GROUP);

  g_return_if_fail (header != NULL && group != NULL);
  g_object_ref (self->save_button);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->save_button));
  gtk_widget_set_visible (group, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "pill");
  adw_header_bar_pack_end (header, GTK_WIDGET (self->save_button));
  g_object_unref (self->save_button);
  g_signal_connect_swapped (self, "notify::visible-page", G_CALLBACK (on_visible_page_changed), self);
}

static void
gdnn_unit_setup_window_init (GdnnUnitSetupWindow *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ownerships = gtk_string_list_new (NULL);
  AdwEntryRow *entries[9];

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->code_row;
  entries[1] = self->name_row;
  entries[2] = self->short_name_row;
  entries[3] = self->governing_row;
  entries[4] = self->head_name_row;
  entries[5] = self->head_title_row;
  entries[6] = self->address_row;
  entries[7] = self->phone_row;
  entries[8] = self->email_row;

  self->rows = g_ptr_array_new ();
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->templates = gdnn_plan_template_list_shipped_info (NULL);

  for (guint t = GDNN_UNIT_TYPE_CAO_DANG; t <= GDNN_UNIT_TYPE_CO_QUAN; t++)
    gtk_string_list_append (types, gdnn_unit_type_label (t));
  /* Translators: the ownership of a state office, which has none. */
  gtk_string_list_append (ownerships, _("None (state office)"));
  for (guint o = GDNN_OWNERSHIP_CONG_LAP; o <= GDNN_OWNERSHIP_VON_NUOC_NGOAI; o++)
    gtk_string_list_append (ownerships, gdnn_ownership_label (o));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->ownership_row, G_LIST_MODEL (ownerships));

  /* Entry rows are named by their titles for screen readers; Enter in
   * any of them saves the details. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entries[i]));
      g_autofree char *plain = NULL;
      g_autoptr(GString) s = g_string_new (title);

      g_string_replace (s, "_", "", 0);
      plain = g_string_free (g_steal_pointer (&s), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entries[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
      g_signal_connect_swapped (entries[i], "entry-activated", G_CALLBACK (save_details), self);
    }
  g_signal_connect_swapped (self->task_title_row, "entry-activated", G_CALLBACK (save_task), self);
  g_signal_connect_swapped (self->task_due_row, "entry-activated", G_CALLBACK (save_task), self);

  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (on_type_changed), self);
  g_signal_connect_swapped (self->parent_row, "notify::selected", G_CALLBACK (on_parent_selected), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_details), self);
  g_signal_connect_swapped (self->governing_list, "row-activated", G_CALLBACK (on_governing_chosen), self);
  g_signal_connect_swapped (self->file_button, "clicked", G_CALLBACK (on_file_clicked), self);
  g_signal_connect_swapped (self->plan_row, "notify::selected", G_CALLBACK (on_plan_selected), self);
  g_signal_connect_swapped (self->task_save_button, "clicked", G_CALLBACK (save_task), self);
  g_signal_connect_swapped (self->task_cancel_button, "clicked", G_CALLBACK (reset_task_form), self);
  put_save_in_header_bar (self);
}

/**
 * gdnn_unit_setup_window_new:
 * @unit_id: the unit to set up, or 0 for a new unit
 *
 * Returns: (transfer none): the window, transient for @parent; present it
 */
GdnnUnitSetupWindow *
gdnn_unit_setup_window_new (GtkWindow *parent,
                            GdnnStore *store,
                            gint64     unit_id)
{
  GdnnUnitSetupWindow *self;

  g_return_val_if_fail (GDNN_IS_STORE (store), NULL);

  self = g_object_new (GDNN_TYPE_UNIT_SETUP_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->unit = unit_id != 0 ? gdnn_store_get_unit (store, unit_id, NULL) : NULL;
  if (self->unit == NULL)
    {
      self->unit = gdnn_unit_new ();
      self->unit->type = GDNN_UNIT_TYPE_TRUNG_CAP;
      self->unit->ownership = GDNN_OWNERSHIP_CONG_LAP;
    }
  load_details (self);
  reload_plans (self);
  return self;
}

gint64
gdnn_unit_setup_window_get_unit_id (GdnnUnitSetupWindow *self)
{
  g_return_val_if_fail (GDNN_IS_UNIT_SETUP_WINDOW (self), 0);
  return self->unit->id;
}

/**
 * gdnn_unit_setup_window_show_new_task:
 * @plan_id: one of the unit's plans
 *
 * Shows the Own Tasks page on @plan_id with the new task's form, its
 * title focused: "Add Own Task" of the Tasks page.
 */
void
gdnn_unit_setup_window_show_new_task (GdnnUnitSetupWindow *self,
                                      gint64               plan_id)
{
  g_return_if_fail (GDNN_IS_UNIT_SETUP_WINDOW (self));

  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    if (((GdnnPlan *) g_ptr_array_index (self->plans, i))->id == plan_id)
      adw_combo_row_set_selected (self->plan_row, i);
  reset_task_form (self);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->tasks_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->task_title_row));
}
