/* gdnn-history.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gdnn-store.h"

G_BEGIN_DECLS

/* The change log (written by the schema's triggers) read back as records
 * a person can follow: who changed what, when, and each field's old and
 * new value formatted the Vietnamese way. docs/change-log-format.md
 * describes the CSV export. */

typedef enum
{
  GDNN_HISTORY_INSERT,
  GDNN_HISTORY_UPDATE,
  GDNN_HISTORY_DELETE,
} GdnnHistoryAction;

/* One field of a logged row. */
typedef struct
{
  char     *field;      /* the column, "numerator" */
  char     *label;      /* in the UI language, "Numerator" */
  gboolean  is_key;     /* names the row (unit, indicator, year…) rather than a value of it */
  char     *old_raw;    /* as stored, "." as decimal point; NULL: none */
  char     *new_raw;
  char     *old_text;   /* for people: "1.234,5", "30/11/2026", "Hoàn thành"; NULL: none */
  char     *new_text;
} GdnnHistoryChange;

typedef struct
{
  gint64             id;           /* the change_log row */
  char              *at;           /* ISO 8601 UTC, as stored */
  char              *when;         /* local time, "05/11/2026 14:30" */
  char              *who;
  GdnnHistoryAction  action;
  char              *entity;       /* the table, "value" */
  gint64             entity_id;
  char              *entity_label; /* "Indicator value", in the UI language */
  char              *subject;      /* the row's key, "BG-CD01 · I.2.a.1 · 2026" */
  gint64             undo_of;      /* the change this entry undid, 0 for none */
  gboolean           undone;       /* a later undo reverted this change */
  GPtrArray         *changes;      /* of GdnnHistoryChange: for an update the fields that
                                    * changed, else every field holding a value */
} GdnnHistoryEntry;

void              gdnn_history_change_free    (GdnnHistoryChange *change);
void              gdnn_history_entry_free     (GdnnHistoryEntry  *entry);
const char       *gdnn_history_action_label   (GdnnHistoryAction  action);
char             *gdnn_history_format_number  (double             value);
char             *gdnn_history_entry_describe (const GdnnHistoryEntry *entry,
                                               gboolean           with_keys);

/* Each returns a GPtrArray of GdnnHistoryEntry, newest first. */
GPtrArray        *gdnn_history_for_value      (GdnnStore         *store,
                                               gint64             unit_id,
                                               gint64             indicator_id,
                                               int                year,
                                               const char        *period,
                                               GError           **error);
GPtrArray        *gdnn_history_for_values     (GdnnStore         *store,
                                               gint64             unit_id,
                                               gint64             plan_id,
                                               int                year,
                                               GError           **error);
GPtrArray        *gdnn_history_for_task       (GdnnStore         *store,
                                               gint64             task_id,
                                               gint64             unit_id,
                                               int                year,
                                               GError           **error);
GPtrArray        *gdnn_history_for_report     (GdnnStore         *store,
                                               gint64             unit_id,
                                               gint64             plan_id,
                                               int                year,
                                               GError           **error);
GPtrArray        *gdnn_history_for_range      (GdnnStore         *store,
                                               const GDate       *from,
                                               const GDate       *to,
                                               GError           **error);

/* CSV: at,who,action,entity,entity_id,field,old,new; one row per field,
 * oldest change first. @from and @to are local days, inclusive, each
 * nullable. */
char             *gdnn_history_export_csv     (GdnnStore         *store,
                                               const GDate       *from,
                                               const GDate       *to,
                                               guint             *n_rows,
                                               GError           **error);
char             *gdnn_history_entries_to_csv (GPtrArray         *entries,
                                               guint             *n_rows);
gboolean          gdnn_history_export_csv_file (GdnnStore        *store,
                                               const char        *path,
                                               const GDate       *from,
                                               const GDate       *to,
                                               guint             *n_rows,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnHistoryEntry, gdnn_history_entry_free)

G_END_DECLS
