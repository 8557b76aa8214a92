/* gdnn-review-page-private.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-chart-view.h"
#include "gdnn-review-import.h"
#include "gdnn-review-page.h"
#include "gdnn-review.h"

G_BEGIN_DECLS

/* What the page shows, read at once in a worker thread. */
typedef struct
{
  GdnnPlan      *plan;
  GdnnUnit      *office;      /* NULL: every unit attached to the plan */
  gint64         office_id;
  int            year;
  int            due_day;     /* 0 when the plan names no report date */
  int            due_month;
  int            days_left;
  GPtrArray     *status;      /* of GdnnSubmissionStatus */
  GHashTable    *problems;    /* submission id → GPtrArray of GdnnReviewProblem */
  GdnnAggregate *aggregate;
} GdnnReviewData;

void gdnn_review_data_free (GdnnReviewData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnReviewData, gdnn_review_data_free)

#define GDNN_TYPE_REVIEW_ITEM (gdnn_review_item_get_type ())
G_DECLARE_FINAL_TYPE (GdnnReviewItem, gdnn_review_item, GDNN, REVIEW_ITEM, GObject)

GdnnReviewItem *gdnn_review_item_new      (gpointer        data);
gpointer        gdnn_review_item_get_data (GdnnReviewItem *item);

struct _GdnnReviewPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *office_label;
  GtkDropDown         *year_dropdown;
  GtkLabel            *deadline_label;
  GtkLabel            *on_time_label;
  GtkLabel            *late_label;
  GtkLabel            *missing_label;
  GtkWidget           *import_button;
  GtkRevealer         *progress_revealer;
  GtkProgressBar      *progress_bar;
  AdwViewStack        *view_stack;
  GtkDropDown         *filter_dropdown;
  GtkLabel            *shown_label;
  GtkStack            *status_stack;
  GtkColumnView       *status_view;
  AdwStatusPage       *status_empty;
  GtkStack            *checks_stack;
  AdwPreferencesPage  *checks_page;
  GtkLabel            *checks_count_label;
  GtkColumnView       *totals_view;
  GtkDropDown         *indicator_dropdown;
  GtkLabel            *compare_hint;
  GdnnChartView       *compare_chart;
  GtkListBox          *units_list;
  GtkWidget           *letter_button;
  GtkWidget           *return_button;

  /* Owned references */
  GdnnStore            *store;
  GCancellable         *loading;     /* the load in progress */
  GCancellable         *importing;   /* the import in progress */
  GtkFileChooserNative *chooser;
  GdnnReviewData       *data;        /* what the lists show (borrowed by their items) */
  GListStore           *status_rows;
  GtkCustomFilter      *status_filter;
  GtkFilterListModel   *status_filtered;
  GtkSingleSelection   *status_selection;
  GListStore           *totals_rows;
  GPtrArray            *problem_groups;  /* the AdwPreferencesGroups of the checks tab */
  GtkDropTarget        *drop_target;

  gint64                office_id;
  gint64                plan_id;
  int                   year;
  GDate                 today;
};

void           gdnn_review_page_reload             (GdnnReviewPage               *self);
void           gdnn_review_page_fill               (GdnnReviewPage               *self,
                                                    GdnnReviewData               *data);
void           gdnn_review_page_init_lists         (GdnnReviewPage               *self);
void           gdnn_review_page_lists_clear        (GdnnReviewPage               *self);
void           gdnn_review_page_class_init_actions (GtkWidgetClass               *widget_class);
void           gdnn_review_page_class_init_export  (GtkWidgetClass               *widget_class);
gboolean       gdnn_review_page_write_summary      (GdnnReviewPage               *self,
                                                    const char                   *format,
                                                    const char                   *path,
                                                    GError                      **error);
void           gdnn_review_page_save_letter        (GdnnReviewPage               *self,
                                                    gint64                        submission_id);
gboolean       gdnn_review_page_write_letter       (GdnnReviewPage               *self,
                                                    gint64                        submission_id,
                                                    const char                   *path,
                                                    GError                      **error);
void           gdnn_review_page_show_import_result (GdnnReviewPage               *self,
                                                    const GdnnReviewImportResult *result);
void           gdnn_review_page_emit_open_unit     (GdnnReviewPage               *self,
                                                    gint64                        unit_id);
void           gdnn_review_page_show_unit          (GdnnReviewPage               *self,
                                                    gint64                        unit_id);
GtkDropTarget *gdnn_review_page_get_drop_target    (GdnnReviewPage               *self);
gboolean       gdnn_review_page_export_problems    (GdnnReviewPage               *self,
                                                    GFile                        *file,
                                                    GError                      **error);

G_END_DECLS
