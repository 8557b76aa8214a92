/* test-ui-review.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reviewing office's page in the real window on the demo database
 * under Xvfb: two units' reports are exported with the report writer,
 * then imported through the page (its import function, and a drop of a
 * folder on its drop target, which also holds a file that is no report);
 * the worker's result shows in the list (submitted / missing), the
 * database holds the submissions, one is returned with a note through
 * the dialog, the tabs are switched and saved as PNGs, and every tab fits
 * a narrow window. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdnn-i18n.h"
#include "gdnn-report-doc.h"
#include "gdnn-report-xlsx.h"
#include "gdnn-review-page-private.h"
#include "gdnn-review.h"
#include "gdnn-window.h"
#include "gdnn-ui-test-utils.h"

#define PLAN "401/KH-UBND"

static char *
export_report (GdnnStore   *store,
               const char  *dir,
               const char  *code,
               const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bao-cao-%s.xlsx", code);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdnnReportDoc) doc = gdnn_report_doc_build_by_code (store, code, PLAN, 2026, today, &error);

  g_assert_no_error (error);
  g_assert_true (gdnn_report_xlsx_write (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
wait_for_page (GdnnReviewPage *page)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (gdnn_review_page_is_busy (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gdnn_review_page_is_busy (page));
  gdnn_ui_iterate (100);
}

static const GdnnSubmissionStatus *
find_status (GdnnReviewPage *page,
             const char     *code,
             guint          *position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (page->status_view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GdnnReviewItem) item = g_list_model_get_item (model, i);
      const GdnnSubmissionStatus *status = gdnn_review_item_get_data (item);

      if (g_strcmp0 (status->unit_code, code) == 0)
        {
          if (position != NULL)
            *position = i;
          return status;
        }
    }
  return NULL;
}

/* The AdwMessageDialog open now, if any. */
static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GdnnSubmissionInfo *
latest_submission (GdnnStore  *store,
                   const char *code)
{
  g_autoptr(GdnnUnit) unit = gdnn_store_find_unit_by_code (store, code, NULL);
  g_autoptr(GdnnPlan) plan = gdnn_store_find_plan (store, PLAN, NULL);
  g_autoptr(GPtrArray) history = NULL;

  g_assert_nonnull (unit);
  g_assert_nonnull (plan);
  history = gdnn_review_list_submissions (store, plan->id, 2026, unit->id, NULL);
  g_assert_nonnull (history);
  if (history->len == 0)
    return NULL;
  return gdnn_review_get_submission (store, ((GdnnSubmissionInfo *) g_ptr_array_index (history, 0))->id, NULL);
}

static void
test_review_page (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *files_dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GdnnStore) store = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GdnnSubmissionInfo) returned = NULL;
  g_autoptr(GdnnSubmissionInfo) other = NULL;
  GdnnWindow *window;
  GdnnReviewPage *page;
  AdwMessageDialog *dialog;
  const GdnnSubmissionStatus *status;
  GDate today;
  guint position = 0;
  gboolean due_passed;

  store = gdnn_ui_open_demo_store (&dir);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);

  /* Two units' real reports; the second, with a file that is no report,
   * in a folder to drop. */
  files_dir = g_build_filename (dir, "received", NULL);
  folder = g_build_filename (dir, "received", "folder", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  first = export_report (store, files_dir, "BG-CD01", &today);
  second = export_report (store, folder, "BG-TC02", &today);
  broken = g_build_filename (folder, "khong-phai-bao-cao.xlsx", NULL);
  g_assert_true (g_file_set_contents (broken, "not a workbook", -1, NULL));

  app = adw_application_new ("vn.gdnn.Report.TestReview", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gdnn_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  gdnn_window_set_today (window, &today);

  /* The office's review row in the sidebar opens the review page. */
  g_assert_true (gdnn_window_select_plan (window, "SLD-BG", PLAN));
  gdnn_ui_iterate (200);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REVIEW_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  wait_for_page (page);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page), "30/11/2026"));
  /* Nothing received yet: the four units of the office are missing. */
  for (guint i = 0; i < 4; i++)
    {
      const char *codes[] = { "BG-CD01", "BG-TC02", "BG-TT03", "BG-TC04" };
      status = find_status (page, codes[i], NULL);
      g_assert_nonnull (status);
      g_assert_cmpint (status->delivery, ==, GDNN_DELIVERY_MISSING);
    }
  gdnn_ui_save_png (GTK_WIDGET (window), "30-review-empty.png");

  /* The first file through the import function the chooser uses. */
  {
    GFile *file = g_file_new_for_path (first);
    GSList *files = g_slist_prepend (NULL, file);

    gdnn_review_page_import_files (page, files);
    g_assert_true (gdnn_review_page_is_busy (page));
    g_assert_true (gtk_revealer_get_reveal_child (page->progress_revealer));
    g_slist_free_full (files, g_object_unref);
  }
  wait_for_page (page);
  g_assert_null (find_dialog ());   /* every file went in: a toast, no dialog */
  /* The sidebar reloaded for units the files may add; the review row stays selected. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_revealer_get_reveal_child (page->progress_revealer));

  /* The folder dropped on the page. */
  {
    GFile *file = g_file_new_for_path (folder);
    GSList *files = g_slist_prepend (NULL, file);
    GValue value = G_VALUE_INIT;
    gboolean handled = FALSE;

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_set_boxed (&value, files);
    g_signal_emit_by_name (gdnn_review_page_get_drop_target (page), "drop", &value, 10.0, 10.0, &handled);
    g_assert_true (handled);
    g_value_unset (&value);
    g_slist_free_full (files, g_object_unref);
  }
  wait_for_page (page);

  /* The refused file is named in the result dialog with its reason. */
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (dialog), "khong-phai-bao-cao.xlsx"));
  {
    g_autofree char *summary = g_strdup_printf (g_dngettext (NULL, "%u of %u file imported",
                                                             "%u of %u files imported", 2), 1, 2);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), summary));
  }
  gdnn_ui_save_png (GTK_WIDGET (dialog), "31-review-import-result.png");
  adw_message_dialog_response (dialog, "close");
  gdnn_ui_iterate (200);

  /* The list: the two units submitted (on time unless the real clock is
   * past the due date), the two others are missing. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    due_passed = g_date_time_get_year (now) > 2026 ||
                 (g_date_time_get_year (now) == 2026 &&
                  (g_date_time_get_month (now) == 12 ||
                   (g_date_time_get_month (now) == 11 && g_date_time_get_day_of_month (now) > 30)));
  }
  for (guint i = 0; i < 2; i++)
    {
      status = find_status (page, i == 0 ? "BG-CD01" : "BG-TC02", NULL);
      g_assert_nonnull (status);
      g_assert_cmpint (status->delivery, ==, due_passed ? GDNN_DELIVERY_LATE : GDNN_DELIVERY_ON_TIME);
      g_assert_nonnull (status->current);
      g_assert_cmpint (status->current->state, ==, GDNN_SUBMISSION_RECEIVED);
    }
  g_assert_cmpint (find_status (page, "BG-TT03", NULL)->delivery, ==, GDNN_DELIVERY_MISSING);
  g_assert_cmpint (find_status (page, "BG-TC04", NULL)->delivery, ==, GDNN_DELIVERY_MISSING);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page->status_view),
                                        gdnn_delivery_label (GDNN_DELIVERY_MISSING)));

  /* The filter shows only the missing ones. */
  gtk_drop_down_set_selected (page->filter_dropdown, 3);
  gdnn_ui_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (page->status_view))), ==, 2);
  g_assert_null (find_status (page, "BG-CD01", NULL));
  gtk_drop_down_set_selected (page->filter_dropdown, 0);
  gdnn_ui_iterate (100);

  /* The database holds both submissions. */
  other = latest_submission (store, "BG-TC02");
  g_assert_nonnull (other);
  g_assert_cmpstr (other->file_name, ==, "bao-cao-BG-TC02.xlsx");
  g_assert_cmpuint (strlen (other->sha256), ==, 64);

  gdnn_ui_save_png (GTK_WIDGET (window), "32-review-status.png");

  /* Return BG-CD01's report with a note through the dialog. */
  g_assert_nonnull (find_status (page, "BG-CD01", &position));
  gtk_single_selection_set_selected (page->status_selection, position);
  gdnn_ui_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.return", NULL));
  gdnn_ui_iterate (200);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "return"));  /* a note is required */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    gdnn_ui_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Bổ sung giải trình chỉ tiêu I.2.a");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "return"));
    gdnn_ui_save_png (GTK_WIDGET (dialog), "33-review-return.png");
    g_signal_emit_by_name (g_ptr_array_index (entries, 0), "activate");
  }
  gdnn_ui_iterate (200);
  wait_for_page (page);
  returned = latest_submission (store, "BG-CD01");
  g_assert_nonnull (returned);
  g_assert_cmpint (returned->state, ==, GDNN_SUBMISSION_RETURNED);
  g_assert_cmpstr (returned->note, ==, "Bổ sung giải trình chỉ tiêu I.2.a");
  g_assert_cmpint (find_status (page, "BG-CD01", NULL)->current->state, ==, GDNN_SUBMISSION_RETURNED);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page->status_view),
                                        gdnn_submission_state_label (GDNN_SUBMISSION_RETURNED)));
  /* The other one is accepted. */
  g_assert_nonnull (find_status (page, "BG-TC02", &position));
  gtk_single_selection_set_selected (page->status_selection, position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.accept", NULL));
  wait_for_page (page);
  g_clear_pointer (&other, gdnn_submission_info_free);
  other = latest_submission (store, "BG-TC02");
  g_assert_cmpint (other->state, ==, GDNN_SUBMISSION_ACCEPTED);
  g_assert_false (gtk_widget_get_visible (page->letter_button));

  /* The returned one offers its reply letter; the page writes it. */
  g_assert_nonnull (find_status (page, "BG-CD01", &position));
  gtk_single_selection_set_selected (page->status_selection, position);
  gdnn_ui_iterate (50);
  g_assert_true (gtk_widget_get_visible (page->letter_button));
  gdnn_ui_save_png (GTK_WIDGET (window), "38-review-returned.png");
  {
    g_autofree char *letter_path = g_build_filename (dir, "cong-van.pdf", NULL);
    g_autofree char *pdf = NULL;
    gsize len = 0;

    g_assert_true (gdnn_review_page_write_letter (page, returned->id, letter_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (letter_path, &pdf, &len, NULL));
    g_assert_cmpuint (len, >, 1000);
    g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  }

  /* The unit's history shows the return and its note. */
  {
    GtkWidget *unit_window;

    gdnn_review_page_show_unit (page, returned->unit_id);
    gdnn_ui_iterate (300);
    unit_window = g_object_get_data (G_OBJECT (page), "gdnn-unit-window");
    g_assert_nonnull (unit_window);
    g_assert_nonnull (gdnn_ui_find_label (unit_window, "Bổ sung giải trình"));
    gdnn_ui_save_png (unit_window, "34-review-unit.png");
    gtk_window_destroy (GTK_WINDOW (unit_window));
    gdnn_ui_iterate (100);
  }

  /* An older report of BG-TC02 (dated 20/11) arrives after the one dated
   * 23/11: kept in the history, not used, and the result says so. */
  {
    g_autoptr(GdnnReportDoc) doc = gdnn_report_doc_build_by_code (store, "BG-TC02", PLAN, 2026, &today, &error);
    g_autofree char *older = g_build_filename (files_dir, "bao-cao-cu-BG-TC02.xlsx", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (older);
    g_autoptr(GSList) files = g_slist_prepend (NULL, file);
    g_autofree char *sentence = NULL;
    g_autofree char *subtitle = NULL;
    g_autofree char *received = NULL;
    const GdnnSubmissionInfo *current;
    GtkWidget *label;

    g_assert_no_error (error);
    g_date_set_dmy (&doc->date, 20, G_DATE_NOVEMBER, 2026);
    g_assert_true (gdnn_report_xlsx_write (doc, older, &error));
    g_assert_no_error (error);
    /* Received on 21/11, as the import chooser's "Date received" says. */
    gdnn_review_page_import_files_received (page, files, "2026-11-21T00:00:00");
    wait_for_page (page);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Older Reports Kept in the History"));
    sentence = g_strdup_printf (g_dngettext (NULL,
                                             "%u file is older than a report of its unit already received: it is "
                                             "kept in the history and its figures are not used.",
                                             "%u files are older than reports of their units already received: "
                                             "they are kept in the history and their figures are not used.", 1), 1);
    g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), sentence));
    subtitle = g_strdup_printf (_("Dated %s, older than “%s” (dated %s): kept in the history, its figures are not "
                                  "used."), "20/11/2026", "bao-cao-BG-TC02.xlsx", "23/11/2026");
    label = gdnn_ui_find_label (GTK_WIDGET (dialog), "bao-cao-cu-BG-TC02.xlsx");
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "bao-cao-cu-BG-TC02.xlsx");
    label = gdnn_ui_find_label (GTK_WIDGET (dialog), subtitle);
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, subtitle);
    gdnn_ui_save_png (GTK_WIDGET (dialog), "39-review-older-report.png");
    adw_message_dialog_response (dialog, "close");
    gdnn_ui_iterate (200);
    /* The accepted report of 23/11 stays BG-TC02's current one. */
    current = find_status (page, "BG-TC02", NULL)->current;
    g_assert_cmpstr (current->file_name, ==, "bao-cao-BG-TC02.xlsx");
    g_assert_cmpint (current->state, ==, GDNN_SUBMISSION_ACCEPTED);
    received = gdnn_test_query_text (store, "SELECT received_at FROM submission "
                                           "WHERE file_name = 'bao-cao-cu-BG-TC02.xlsx'");
    g_assert_cmpstr (received, ==, "2026-11-21T00:00:00");
  }

  /* The chooser's choices: today is the moment of import, the others a day. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 8, 10, 30, 0);
    g_autofree char *three = gdnn_review_page_received_from_choice ("3", now);
    g_autofree char *month = gdnn_review_page_received_from_choice ("30", now);

    g_assert_null (gdnn_review_page_received_from_choice ("0", now));
    g_assert_null (gdnn_review_page_received_from_choice ("31", now));
    g_assert_null (gdnn_review_page_received_from_choice ("x", now));
    g_assert_cmpstr (three, ==, "2026-12-05T00:00:00");
    g_assert_cmpstr (month, ==, "2026-11-08T00:00:00");
  }

  /* The officer corrects the day BG-TC02's report arrived: 25/11, before
   * the due date 30/11, whenever the test imported it. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    g_autofree char *day = NULL;
    g_autofree char *heading = NULL;
    const GdnnSubmissionStatus *tc02;
    GtkEditable *entry;
    GtkWidget *mine;
    gint64 id;

    g_assert_nonnull (find_status (page, "BG-TC02", &position));
    gtk_single_selection_set_selected (page->status_selection, position);
    gdnn_ui_iterate (50);
    tc02 = find_status (page, "BG-TC02", NULL);
    id = tc02->current->id;
    day = g_strndup (tc02->current->received_at, 10);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.received", NULL));
    gdnn_ui_iterate (200);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    heading = g_strdup_printf (_("When Did the Report of %s Arrive?"), tc02->unit_name);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
    gdnn_ui_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    entry = GTK_EDITABLE (g_ptr_array_index (entries, 0));
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, day);
    gtk_editable_set_text (entry, "2026-11-31");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));
    gtk_editable_set_text (entry, "2026-11-25");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "change"));
    gdnn_ui_save_png (GTK_WIDGET (dialog), "39b-review-date-received.png");
    mine = GTK_WIDGET (dialog);
    g_object_add_weak_pointer (G_OBJECT (mine), (gpointer *) &mine);
    g_signal_emit_by_name (entry, "activate");
    gdnn_ui_iterate (200);
    wait_for_page (page);
    /* Enter closed the dialog. */
    g_assert_true (mine == NULL || !gtk_widget_get_visible (mine));
    if (mine != NULL)
      g_object_remove_weak_pointer (G_OBJECT (mine), (gpointer *) &mine);
    tc02 = find_status (page, "BG-TC02", NULL);
    g_assert_cmpint (tc02->current->id, ==, id);
    g_assert_cmpstr (tc02->current->received_at, ==, "2026-11-25T00:00:00");
    g_assert_cmpint (tc02->delivery, ==, GDNN_DELIVERY_ON_TIME);
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM change_log WHERE entity = 'submission' "
                                              "AND entity_id = %" G_GINT64_FORMAT " AND action = 'update' "
                                              "AND json_extract (new, '$.received_at') = '2026-11-25T00:00:00'", id);
      g_assert_cmpint (gdnn_test_query_int (store, sql), ==, 1);
    }

    /* The same dialog from the unit's details: a button on each report
     * that counts (not on the older one kept in the history). */
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
      g_autoptr(GList) toplevels = NULL;
      GtkWidget *unit_window, *change = NULL;
      AdwMessageDialog *asked = NULL;
      guint found = 0;

      gdnn_review_page_show_unit (page, tc02->unit_id);
      gdnn_ui_iterate (300);
      unit_window = g_object_get_data (G_OBJECT (page), "gdnn-unit-window");
      g_assert_nonnull (unit_window);
      gdnn_ui_collect (unit_window, GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len; i++)
        if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)),
                       _("Correct the day the report arrived; on time or late follows it")) == 0)
          {
            change = g_ptr_array_index (buttons, i);
            found++;
          }
      g_assert_cmpuint (found, ==, 1);
      gdnn_ui_save_png (unit_window, "39c-review-unit-date-button.png");
      g_signal_emit_by_name (change, "clicked");
      gdnn_ui_iterate (300);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
            g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
          asked = l->data;
      g_assert_nonnull (asked);
      g_ptr_array_set_size (entries, 0);
      gdnn_ui_collect (GTK_WIDGET (asked), GTK_TYPE_ENTRY, entries);
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, 0))), ==, "2026-11-25");
      adw_message_dialog_response (asked, "cancel");
      gtk_window_close (GTK_WINDOW (asked));
      gdnn_ui_iterate (200);
    }
  }

  /* The checks tab, its CSV, and the totals tab. */
  adw_view_stack_set_visible_child_name (page->view_stack, "checks");
  gdnn_ui_iterate (300);
  gdnn_ui_save_png (GTK_WIDGET (window), "35-review-checks.png");
  csv_path = g_build_filename (dir, "problems.csv", NULL);
  {
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    g_autofree char *contents = NULL;

    g_assert_true (gdnn_review_page_export_problems (page, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "unit_code,unit_name,file_name,received_at,kind,ref,message"));
  }

  adw_view_stack_set_visible_child_name (page->view_stack, "totals");
  gdnn_ui_iterate (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (page->totals_view))), >, 0);
  g_assert_nonnull (gdnn_ui_find_label (GTK_WIDGET (page->units_list), "Trường Trung cấp Nghề Lục Ngạn"));
  gdnn_ui_save_png (GTK_WIDGET (window), "36-review-totals.png");

  /* The summary, as the Export Summary menu writes it. */
  {
    static const char *const formats[] = { "pdf", "xlsx", "csv" };
    static const char *const magic[] = { "%PDF", "PK", "indicator_code,units_reporting,numerator,denominator,value" };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *name = g_strconcat ("tong-hop.", formats[i], NULL);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (gdnn_review_page_write_summary (page, formats[i], path, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_true (g_str_has_prefix (contents, magic[i]));
      }
  }

  /* Every tab fits a narrow window. */
  {
    g_autoptr(GtkSelectionModel) tabs = adw_view_stack_get_pages (page->view_stack);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tabs)); i++)
      {
        g_autoptr(AdwViewStackPage) tab = g_list_model_get_item (G_LIST_MODEL (tabs), i);
        int minimum = 0;

        adw_view_stack_set_visible_child_name (page->view_stack, adw_view_stack_page_get_name (tab));
        gdnn_ui_iterate (200);
        gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        g_test_message ("review tab %s: minimum width %d", adw_view_stack_page_get_name (tab), minimum);
        g_assert_cmpint (minimum, <=, 400);
      }
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  adw_view_stack_set_visible_child_name (page->view_stack, "status");
  gdnn_ui_iterate (500);
  gdnn_ui_save_png (GTK_WIDGET (window), "37-review-narrow.png");

  /* Drill-down: the unit's own plan pages in the main window. */
  gdnn_review_page_emit_open_unit (page, returned->unit_id);
  gdnn_ui_iterate (300);
  g_ptr_array_set_size (pages, 0);
  gdnn_ui_collect (GTK_WIDGET (window), GDNN_TYPE_REVIEW_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 0);

  gdnn_ui_close (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gdnn_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/review/import-return-tabs", test_review_page);

  return g_test_run ();
}
