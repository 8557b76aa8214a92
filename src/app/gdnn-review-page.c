/* gdnn-review-page.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gdnn-app-util.h"
#include "gdnn-background.h"
#include "gdnn-chart-view.h"
#include "gdnn-review-import.h"
#include "gdnn-review-page-private.h"
#include "gdnn-review.h"
#include "gdnn-submission-import.h"
#include "gdnn-text.h"

/* The reviewing office's page. Everything it shows is read in a worker
 * thread on a read-only connection (load_thread) and handed over in one
 * piece; imports run in another worker with their own connection
 * (gdnn-review-import.c). The main thread only fills the lists. */

G_DEFINE_FINAL_TYPE (GdnnReviewPage, gdnn_review_page, ADW_TYPE_BIN)

enum {
  OPEN_UNIT,
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------ list items */

/* A list item borrowing one record of the page's current data. */
struct _GdnnReviewItem
{
  GObject  parent_instance;
  gpointer data;
};

G_DEFINE_FINAL_TYPE (GdnnReviewItem, gdnn_review_item, G_TYPE_OBJECT)

static void
gdnn_review_item_class_init (GdnnReviewItemClass *klass)
{
}

static void
gdnn_review_item_init (GdnnReviewItem *self)
{
}

GdnnReviewItem *
gdnn_review_item_new (gpointer data)
{
  GdnnReviewItem *item = g_object_new (GDNN_TYPE_REVIEW_ITEM, NULL);

  item->data = data;
  return item;
}

gpointer
gdnn_review_item_get_data (GdnnReviewItem *item)
{
  return item->data;
}

/* ---------------------------------------------------------------- loading */

void
gdnn_review_data_free (GdnnReviewData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->plan, gdnn_plan_free);
  g_clear_pointer (&data->office, gdnn_unit_free);
  g_clear_pointer (&data->status, g_ptr_array_unref);
  g_clear_pointer (&data->problems, g_hash_table_unref);
  g_clear_pointer (&data->aggregate, gdnn_aggregate_free);
  g_free (data);
}

typedef struct
{
  char   *db_path;
  gint64  office_id;
  gint64  plan_id;
  int     year;
  GDate   today;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->db_path);
  g_free (request);
}

/* clang's analyzer does not run g_autoptr's cleanup, so it takes every
 * early return for a leak of data. NOLINTBEGIN(clang-analyzer-unix.Malloc) */
static GdnnReviewData *
read_data (GdnnStore    *store,
           LoadRequest  *request,
           GError      **error)
{
  g_autoptr(GdnnReviewData) data = g_new0 (GdnnReviewData, 1);
  g_autoptr(GPtrArray) periods = NULL;

  data->office_id = request->office_id;
  data->year = request->year;
  data->plan = gdnn_store_get_plan (store, request->plan_id, error);
  if (data->plan == NULL)
    return NULL;
  if (request->office_id != 0 &&
      (data->office = gdnn_store_get_unit (store, request->office_id, error)) == NULL)
    return NULL;

  periods = gdnn_store_list_report_periods (store, request->plan_id, NULL);
  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      const GdnnReportPeriod *period = g_ptr_array_index (periods, i);

      if (i == 0 || g_strcmp0 (period->code, "year") == 0)
        {
          data->due_day = period->due_day;
          data->due_month = period->due_month;
        }
    }

  data->status = gdnn_review_list_status (store, request->office_id, request->plan_id, request->year,
                                          &request->today, &data->days_left, error);
  if (data->status == NULL)
    return NULL;

  data->problems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < data->status->len; i++)
    {
      const GdnnSubmissionStatus *status = g_ptr_array_index (data->status, i);
      GPtrArray *problems;

      if (status->current == NULL || status->current->problems == 0)
        continue;
      problems = gdnn_review_list_problems (store, status->current->id, error);
      if (problems == NULL)
        return NULL;
      g_hash_table_insert (data->problems, g_memdup2 (&status->current->id, sizeof (gint64)), problems);
    }

  data->aggregate = gdnn_review_aggregate (store, request->office_id, request->plan_id, request->year, error);
  if (data->aggregate == NULL)
    return NULL;
  return g_steal_pointer (&data);
}
/* NOLINTEND(clang-analyzer-unix.Malloc) */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnStore) reader = gdnn_store_open_reader (request->db_path, &error);
  GdnnReviewData *data;

  if (reader == NULL || (data = read_data (reader, request, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, data, (GDestroyNotify) gdnn_review_data_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GdnnReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GdnnReviewData *data = g_task_propagate_pointer (G_TASK (result), &error);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->store != NULL)
        gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      if (self->loading != NULL && g_cancellable_is_cancelled (self->loading))
        return;
      g_clear_object (&self->loading);
      return;
    }
  if (self->store == NULL || g_cancellable_is_cancelled (self->loading))
    {
      gdnn_review_data_free (data);
      return;
    }
  g_clear_object (&self->loading);
  gdnn_review_page_fill (self, data);
}

/* Reads the page's data again, e.g. after an import or a review. */
void
gdnn_review_page_reload (GdnnReviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  if (self->store == NULL || self->plan_id == 0)
    return;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  request = g_new0 (LoadRequest, 1);
  request->db_path = g_strdup (gdnn_store_get_path (self->store));
  request->office_id = self->office_id;
  request->plan_id = self->plan_id;
  request->year = self->year;
  request->today = self->today;

  task = g_task_new (NULL, self->loading, on_loaded, g_object_ref (self));
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  gdnn_task_run_in_background (task, load_thread);
}

/* --------------------------------------------------------------- import */

static void
on_import_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  g_autoptr(GdnnReviewPage) self = g_weak_ref_get (user_data);
  g_autofree char *text = NULL;

  if (self == NULL)
    return;
  /* Translators: the import's progress bar, e.g. "Importing 12/300 files…". */
  text = g_strdup_printf (g_dngettext (NULL, "Importing %u/%u file…", "Importing %u/%u files…", total),
                          done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GdnnReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnnReviewImportResult) outcome = gdnn_review_import_finish (result, &error);

  g_clear_object (&self->importing);
  if (self->store == NULL)
    return;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.import-files", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.import-folder", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel-import", FALSE);

  if (outcome == NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gdnn_review_page_show_import_result (self, outcome);
  gdnn_review_page_reload (self);
  if (outcome->imported > 0)
    g_signal_emit (self, signals[IMPORTED], 0);
}

void
gdnn_review_page_import_files (GdnnReviewPage *self,
                               GSList         *files)
{
  gdnn_review_page_import_files_received (self, files, NULL);
}

void
gdnn_review_page_import_files_received (GdnnReviewPage *self,
                                        GSList         *files,
                                        const char     *received_at)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GWeakRef *weak;

  g_return_if_fail (GDNN_IS_REVIEW_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->importing != NULL)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), _("An import is already running."));
      return;
    }
  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    {
      gdnn_widget_show_toast (GTK_WIDGET (self), _("Only files on this computer can be imported."));
      return;
    }
  g_ptr_array_add (paths, NULL);

  self->importing = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Looking for report files…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.import-files", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.import-folder", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel-import", TRUE);

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  gdnn_review_import_async (gdnn_store_get_path (self->store), (const char * const *) paths->pdata, received_at,
                            self->importing, on_import_progress, weak, weak_ref_free,
                            on_import_done, g_object_ref (self));
}

void
gdnn_review_page_cancel_import (GdnnReviewPage *self)
{
  g_return_if_fail (GDNN_IS_REVIEW_PAGE (self));

  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
}

gboolean
gdnn_review_page_is_busy (GdnnReviewPage *self)
{
  g_return_val_if_fail (GDNN_IS_REVIEW_PAGE (self), FALSE);
  return self->importing != NULL || self->loading != NULL;
}

static gboolean
on_drop (GdnnReviewPage *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->importing != NULL)
    return FALSE;
  gdnn_review_page_import_files (self, g_value_get_boxed (value));
  return TRUE;
}

/* The import chooser offers the day the files arrived: today (the
 * moment of import) or one of the days before. */
#define RECEIVED_CHOICE "received"
#define RECEIVED_DAYS 31

char *
gdnn_review_page_received_from_choice (const char *choice,
                                       GDateTime  *now)
{
  g_autoptr(GDateTime) day = NULL;
  guint64 back = 0;

  if (choice == NULL || now == NULL ||
      !g_ascii_string_to_unsigned (choice, 10, 0, RECEIVED_DAYS - 1, &back, NULL) || back == 0)
    return NULL;
  day = g_date_time_add_days (now, -(int) back);
  return g_date_time_format (day, "%Y-%m-%dT00:00:00");
}

static void
add_received_choice (GtkFileChooser *chooser)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < RECEIVED_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -i);
      g_autofree char *shown = g_date_time_format (day, "%d/%m/%Y");

      g_ptr_array_add (ids, g_strdup_printf ("%d", i));
      /* Translators: the first choice of the day files arrived; %s is today's date. */
      g_ptr_array_add (labels, i == 0 ? g_strdup_printf (_("Today, %s"), shown) : g_steal_pointer (&shown));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (chooser, RECEIVED_CHOICE, _("Date received"), (const char **) ids->pdata,
                               (const char **) labels->pdata);
  gtk_file_chooser_set_choice (chooser, RECEIVED_CHOICE, "0");
}

static void
on_files_chosen (GdnnReviewPage       *self,
                 int                   response,
                 GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *received_at = NULL;
      GSList *files = NULL;

      received_at = gdnn_review_page_received_from_choice (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                                        RECEIVED_CHOICE), now);
      for (guint i = g_list_model_get_n_items (chosen); i > 0; i--)
        files = g_slist_prepend (files, g_list_model_get_item (chosen, i - 1));
      gdnn_review_page_import_files_received (self, files, received_at);
      g_slist_free_full (files, g_object_unref);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_files (GdnnReviewPage *self,
              gboolean        folder)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (folder ? _("Import the Reports of a Folder")
                                                      : _("Import Report Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                      : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gdnn_file_chooser_set_start_folder (GTK_FILE_CHOOSER (self->chooser));
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
    }
  add_received_choice (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_files_chosen), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_files (GDNN_REVIEW_PAGE (widget), FALSE);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_files (GDNN_REVIEW_PAGE (widget), TRUE);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GdnnReviewPage *self = GDNN_REVIEW_PAGE (widget);

  gdnn_review_page_cancel_import (self);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
}

static void
on_year_changed (GdnnReviewPage *self)
{
  int year = gdnn_year_dropdown_get_year (self->year_dropdown);

  if (year == 0 || year == self->year)
    return;
  self->year = year;
  gdnn_review_page_reload (self);
}

/* ------------------------------------------------------------- public */

gboolean
gdnn_review_page_show (GdnnReviewPage  *self,
                       GdnnStore       *store,
                       gint64           office_id,
                       gint64           plan_id,
                       int              year,
                       const GDate     *today,
                       GError         **error)
{
  g_autoptr(GdnnPlan) plan = NULL;

  g_return_val_if_fail (GDNN_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (GDNN_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  plan = gdnn_store_get_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  self->office_id = office_id;
  self->plan_id = plan_id;
  self->today = *today;
  self->year = CLAMP (year, plan->first_year, MAX (plan->first_year, plan->last_year));

  gdnn_year_dropdown_set_range (self->year_dropdown, plan->first_year, MAX (plan->first_year, plan->last_year),
                                self->year);

  gdnn_review_page_reload (self);
  return TRUE;
}

AdwViewStack *
gdnn_review_page_get_view_stack (GdnnReviewPage *self)
{
  g_return_val_if_fail (GDNN_IS_REVIEW_PAGE (self), NULL);
  return self->view_stack;
}

/* ---------------------------------------------------------------- class */

static void
gdnn_review_page_dispose (GObject *object)
{
  GdnnReviewPage *self = (GdnnReviewPage *)object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
  g_clear_object (&self->loading);
  g_clear_object (&self->importing);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDNN_TYPE_REVIEW_PAGE);
  gdnn_review_page_lists_clear (self);

  G_OBJECT_CLASS (gdnn_review_page_parent_class)->dispose (object);
}

static void
gdnn_review_page_finalize (GObject *object)
{
  GdnnReviewPage *self = (GdnnReviewPage *)object;

  g_clear_pointer (&self->data, gdnn_review_data_free);
  g_clear_pointer (&self->problem_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (gdnn_review_page_parent_class)->finalize (object);
}

static void
gdnn_review_page_class_init (GdnnReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdnn_review_page_dispose;
  object_class->finalize = gdnn_review_page_finalize;

  /**
   * GdnnReviewPage::open-unit:
   * @unit_id: the unit
   * @plan_id: the plan
   *
   * The officer asks to open the unit's own pages of the plan.
   */
  signals[OPEN_UNIT] = g_signal_new ("open-unit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * GdnnReviewPage::imported:
   *
   * Files were imported: the units that sent them may be new.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GDNN_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/gdnn/Report/gdnn-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, office_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, on_time_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, late_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, status_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, status_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, status_empty);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, checks_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, checks_page);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, checks_count_label);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, totals_view);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, compare_hint);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, compare_chart);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, units_list);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, letter_button);
  gtk_widget_class_bind_template_child (widget_class, GdnnReviewPage, return_button);

  gtk_widget_class_install_action (widget_class, "review.import-files", NULL, import_files_action);
  gtk_widget_class_install_action (widget_class, "review.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "review.cancel-import", NULL, cancel_import_action);
  gdnn_review_page_class_init_actions (widget_class);
  gdnn_review_page_class_init_export (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "review.import-files", NULL);
}

static void
gdnn_review_page_init (GdnnReviewPage *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->today, 1);
  self->problem_groups = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel-import", FALSE);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  self->drop_target = target;

  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_changed), self);
  gdnn_review_page_init_lists (self);
}

void
gdnn_review_page_emit_open_unit (GdnnReviewPage *self,
                                 gint64          unit_id)
{
  g_signal_emit (self, signals[OPEN_UNIT], 0, unit_id, self->plan_id);
}

GtkDropTarget *
gdnn_review_page_get_drop_target (GdnnReviewPage *self)
{
  g_return_val_if_fail (GDNN_IS_REVIEW_PAGE (self), NULL);
  return self->drop_target;
}
