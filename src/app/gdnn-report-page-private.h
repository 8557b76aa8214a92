/* gdnn-report-page-private.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gdnn-report-doc.h"
#include "gdnn-report-page.h"
#include "gdnn-report-pdf.h"
#include "gdnn-report-state.h"

G_BEGIN_DECLS

/* Shared by gdnn-report-page.c (the form and the preview) and
 * gdnn-report-page-actions.c (export, printing, finalisation). */

typedef struct
{
  GdnnReportDoc *doc;
  GdnnReportPdf *pdf;
} GdnnReportPagePreview;

struct _GdnnReportPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwFlap              *flap;
  GtkScrolledWindow    *form_scroll;
  AdwActionRow         *status_row;
  GtkLabel             *status_detail;     /* the status explained, under the rows */
  GtkLabel             *assessment_hint;   /* under each narrative: a draft or the user's text */
  GtkLabel             *difficulties_hint;
  GtkLabel             *proposals_hint;
  GtkImage             *status_icon;
  GtkWidget            *reopen_button;
  AdwExpanderRow       *warnings_row;
  AdwPreferencesGroup  *header_group;
  AdwEntryRow          *number_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *signer_name_row;
  AdwPreferencesGroup  *recipients_group;
  GtkTextView          *recipients_view;
  AdwPreferencesGroup  *assessment_group;
  GtkTextView          *assessment_view;
  AdwPreferencesGroup  *difficulties_group;
  GtkTextView          *difficulties_view;
  AdwPreferencesGroup  *proposals_group;
  GtkTextView          *proposals_view;
  GtkWidget            *assessment_group_regenerate;
  GtkWidget            *difficulties_group_regenerate;
  GtkWidget            *proposals_group_regenerate;
  GtkDrawingArea       *preview;
  GtkLabel             *page_label;

  /* Owned references */
  GdnnStore            *store;
  GdnnReportFields     *fields;      /* as stored; NULL members use the defaults */
  GdnnReportDoc        *doc;
  GdnnReportPagePreview *pages;      /* the pages shown, once laid out */
  GCancellable         *preview_cancellable;
  GdnnReportState      *state;
  GPtrArray            *warning_rows;
  GtkFileChooserNative *chooser;
  GtkPrintSettings     *print_settings;

  gint64                unit_id;
  gint64                plan_id;
  int                   year;
  GDate                 today;
  guint                 current_page;
  guint                 save_source;
  gboolean              dirty;
  gboolean              loading;
  gboolean              close_refused;  /* a close was stopped: the text could not be saved */
  GtkWidget            *close_root;     /* the window whose close-request is watched */
  gulong                close_handler;
};

void     gdnn_report_page_show_toast         (GdnnReportPage  *self,
                                              const char      *message);
void     gdnn_report_page_show_error         (GdnnReportPage  *self,
                                              const char      *heading,
                                              const GError    *error);
guint    gdnn_report_page_count_doc_warnings (const GdnnReportDoc *doc);
gboolean gdnn_report_page_rebuild            (GdnnReportPage  *self,
                                              GError         **error);
void     gdnn_report_page_fill_form          (GdnnReportPage  *self);
void     gdnn_report_page_save_or_show_error (GdnnReportPage  *self);
void     gdnn_report_page_class_add_actions  (GtkWidgetClass  *widget_class);
void     gdnn_report_page_emit_status_changed (GdnnReportPage *self);
void     gdnn_report_page_add_shortcuts      (GdnnReportPage  *self);

G_END_DECLS
