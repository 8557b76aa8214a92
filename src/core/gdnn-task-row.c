/* gdnn-task-row.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-task-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gdnn-task-row.h"
#include "gdnn-text.h"

/* A task's deadline for a year is its own due date when the plan gives
 * one. Most plans give none ("hằng năm", or the whole plan period): such a
 * task must show its result for the year by the end of that year, so its
 * deadline is 31/12 of the year shown.
 *
 * A task is late when it is not done and either its deadline has passed
 * or the unit itself marked it overdue (quá hạn). It is due this month
 * when it is not done and its deadline falls in the month of "today". */

struct _GdnnTaskRow
{
  GObject           parent_instance;

  GdnnTask         *task;       /* a copy */
  GdnnTaskProgress *progress;   /* never NULL; id 0 when nothing was entered */
  int               group_position;
  int               year;
  GDate             today;
  GDate             deadline;
  gboolean          has_due;    /* the deadline is the task's own date */
  gboolean          late;
  gboolean          due_this_month;

  /* Keys computed once, so filtering and sorting 500 rows stays instant. */
  char             *search_key;
  char             *title_key;
  char             *lead_key;
  char             *cooperating_key;
};

G_DEFINE_FINAL_TYPE (GdnnTaskRow, gdnn_task_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_GROUP_CODE,
  PROP_GROUP_TITLE,
  PROP_LEAD,
  PROP_COOPERATING,
  PROP_DUE_TEXT,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_PROGRESS,
  PROP_PROGRESS_TEXT,
  PROP_RESULT,
  PROP_LATE,
  PROP_LATE_LABEL,
  PROP_DUE_THIS_MONTH,
  PROP_OWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
gdnn_task_filter_init (GdnnTaskFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->status = -1;
}

void
gdnn_task_filter_clear (GdnnTaskFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->folded_text, g_free);
}

/* The text is folded once here rather than for every row. */
void
gdnn_task_filter_set_text (GdnnTaskFilter *filter,
                           const char     *text)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->folded_text, g_free);
  if (text != NULL)
    {
      char *folded = g_strstrip (gdnn_search_fold (text));

      if (folded[0] != '\0')
        filter->folded_text = folded;
      else
        g_free (folded);
    }
}

static GdnnTask *
copy_task (const GdnnTask *src)
{
  GdnnTask *t = gdnn_task_new ();

  *t = *src;
  t->group_code = g_strdup (src->group_code);
  t->group_title = g_strdup (src->group_title);
  t->code = g_strdup (src->code);
  t->title = g_strdup (src->title);
  t->description = g_strdup (src->description);
  t->lead_name = g_strdup (src->lead_name);
  t->cooperating = g_strdup (src->cooperating);
  t->start_date = g_strdup (src->start_date);
  t->due_date = g_strdup (src->due_date);
  return t;
}

static GdnnTaskProgress *
copy_progress (const GdnnTaskProgress *src)
{
  GdnnTaskProgress *p = gdnn_task_progress_new ();

  *p = *src;
  p->period = g_strdup (src->period);
  p->result = g_strdup (src->result);
  p->updated_at = g_strdup (src->updated_at);
  return p;
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  unsigned int y, m, d;
  char end;

  /* sscanf: the widths bound every number to four digits, so none
   * overflows; g_date_valid_dmy() checks the values. NOLINTNEXTLINE(cert-err34-c) */
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static void
recompute (GdnnTaskRow *self)
{
  gboolean done = self->progress->status == GDNN_TASK_DONE;

  self->late = !done && (self->progress->status == GDNN_TASK_OVERDUE ||
                         g_date_compare (&self->deadline, &self->today) < 0);
  self->due_this_month = !done &&
                         g_date_get_year (&self->deadline) == g_date_get_year (&self->today) &&
                         g_date_get_month (&self->deadline) == g_date_get_month (&self->today);
}

static char *
due_text (GdnnTaskRow *self)
{
  if (self->has_due)
    return gdnn_format_date (&self->deadline);
  /* Translators: the deadline of a task the plan sets for every year, e.g. "During 2026". */
  return g_strdup_printf (_("During %d"), self->year);
}

static void
gdnn_task_row_finalize (GObject *object)
{
  GdnnTaskRow *self = (GdnnTaskRow *)object;

  g_clear_pointer (&self->task, gdnn_task_free);
  g_clear_pointer (&self->progress, gdnn_task_progress_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->title_key, g_free);
  g_clear_pointer (&self->lead_key, g_free);
  g_clear_pointer (&self->cooperating_key, g_free);

  G_OBJECT_CLASS (gdnn_task_row_parent_class)->finalize (object);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
gdnn_task_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GdnnTaskRow *self = GDNN_TASK_ROW (object);
  const GdnnTask *t = self->task;
  const GdnnTaskProgress *p = self->progress;

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, or_empty (t->code));
      break;
    case PROP_TITLE:
      g_value_set_string (value, or_empty (t->title));
      break;
    case PROP_GROUP_CODE:
      g_value_set_string (value, or_empty (t->group_code));
      break;
    case PROP_GROUP_TITLE:
      if (t->group_title != NULL)
        g_value_set_string (value, t->group_title);
      else
        g_value_set_string (value, t->unit_id != 0 ? _("The unit's own tasks") : "");
      break;
    case PROP_LEAD:
      g_value_set_string (value, or_empty (t->lead_name));
      break;
    case PROP_COOPERATING:
      g_value_set_string (value, or_empty (t->cooperating));
      break;
    case PROP_DUE_TEXT:
      g_value_take_string (value, due_text (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, p->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, gdnn_task_status_label (p->status));
      break;
    case PROP_PROGRESS:
      g_value_set_int (value, p->progress);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_take_string (value, gdnn_format_percent (p->progress, 0));
      break;
    case PROP_RESULT:
      g_value_set_string (value, or_empty (p->result));
      break;
    case PROP_LATE:
      g_value_set_boolean (value, self->late);
      break;
    case PROP_LATE_LABEL:
      /* Shown with an icon beside the deadline of a late task. */
      g_value_set_string (value, self->late ? _("Overdue") : "");
      break;
    case PROP_DUE_THIS_MONTH:
      g_value_set_boolean (value, self->due_this_month);
      break;
    case PROP_OWN:
      g_value_set_boolean (value, t->unit_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdnn_task_row_class_init (GdnnTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gdnn_task_row_finalize;
  object_class->get_property = gdnn_task_row_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_CODE] = g_param_spec_string ("group-code", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_TITLE] = g_param_spec_string ("group-title", NULL, NULL, NULL, flags);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, flags);
  properties[PROP_COOPERATING] = g_param_spec_string ("cooperating", NULL, NULL, NULL, flags);
  properties[PROP_DUE_TEXT] = g_param_spec_string ("due-text", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, GDNN_N_TASK_STATUS - 1, 0, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_PROGRESS] = g_param_spec_int ("progress", NULL, NULL, 0, 100, 0, flags);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, flags);
  properties[PROP_RESULT] = g_param_spec_string ("result", NULL, NULL, NULL, flags);
  properties[PROP_LATE] = g_param_spec_boolean ("late", NULL, NULL, FALSE, flags);
  properties[PROP_LATE_LABEL] = g_param_spec_string ("late-label", NULL, NULL, NULL, flags);
  properties[PROP_DUE_THIS_MONTH] = g_param_spec_boolean ("due-this-month", NULL, NULL, FALSE, flags);
  properties[PROP_OWN] = g_param_spec_boolean ("own", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdnn_task_row_init (GdnnTaskRow *self)
{
  g_date_clear (&self->today, 1);
  g_date_clear (&self->deadline, 1);
}

/**
 * gdnn_task_row_new:
 * @group_position: the position of the task's group in the plan (groups
 *   sort by it; a task without a group sorts after every group)
 * @progress: (nullable): the unit's progress row for @year, or %NULL when
 *   nothing was entered yet (the task then counts as not started)
 * @today: the day "late" and "due this month" are computed against
 */
GdnnTaskRow *
gdnn_task_row_new (const GdnnTask         *task,
                   int                     group_position,
                   const GdnnTaskProgress *progress,
                   gint64                  unit_id,
                   int                     year,
                   const GDate            *today)
{
  GdnnTaskRow *self;
  g_autofree char *search = NULL;

  g_return_val_if_fail (task != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (GDNN_TYPE_TASK_ROW, NULL);
  self->task = copy_task (task);
  self->group_position = task->group_id != 0 ? group_position : G_MAXINT;
  self->year = year;
  self->today = *today;
  if (progress != NULL)
    self->progress = copy_progress (progress);
  else
    {
      self->progress = gdnn_task_progress_new ();
      self->progress->task_id = task->id;
      self->progress->unit_id = unit_id;
      self->progress->year = year;
      self->progress->period = g_strdup ("year");
      self->progress->status = GDNN_TASK_NOT_STARTED;
    }

  self->has_due = parse_iso_date (task->due_date, &self->deadline);
  if (!self->has_due)
    g_date_set_dmy (&self->deadline, 31, G_DATE_DECEMBER, (GDateYear) year);
  recompute (self);

  search = g_strjoin (" ", or_empty (task->code), or_empty (task->title), or_empty (task->lead_name),
                      or_empty (task->cooperating), or_empty (task->group_code), or_empty (task->group_title),
                      NULL);
  self->search_key = gdnn_search_fold (search);
  self->title_key = gdnn_collate_key (or_empty (task->title));
  self->lead_key = gdnn_collate_key (or_empty (task->lead_name));
  self->cooperating_key = gdnn_collate_key (or_empty (task->cooperating));
  return self;
}

const GdnnTask *
gdnn_task_row_get_task (GdnnTaskRow *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), NULL);
  return self->task;
}

const GdnnTaskProgress *
gdnn_task_row_get_progress (GdnnTaskRow *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), NULL);
  return self->progress;
}

/* Replaces the progress shown (after a save) and tells the list. */
void
gdnn_task_row_set_progress (GdnnTaskRow            *self,
                            const GdnnTaskProgress *progress)
{
  static const guint changed[] = { PROP_STATUS, PROP_STATUS_LABEL, PROP_PROGRESS, PROP_PROGRESS_TEXT,
                                   PROP_RESULT, PROP_LATE, PROP_LATE_LABEL, PROP_DUE_THIS_MONTH };

  g_return_if_fail (GDNN_IS_TASK_ROW (self));
  g_return_if_fail (progress != NULL);

  g_clear_pointer (&self->progress, gdnn_task_progress_free);
  self->progress = copy_progress (progress);
  recompute (self);
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[changed[i]]);
}

static gboolean
same_task (const GdnnTask *a,
           const GdnnTask *b)
{
  return a->id == b->id && a->plan_id == b->plan_id && a->group_id == b->group_id &&
         a->unit_id == b->unit_id && a->lead_body_id == b->lead_body_id && a->position == b->position &&
         g_strcmp0 (a->group_code, b->group_code) == 0 && g_strcmp0 (a->group_title, b->group_title) == 0 &&
         g_strcmp0 (a->code, b->code) == 0 && g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 && g_strcmp0 (a->lead_name, b->lead_name) == 0 &&
         g_strcmp0 (a->cooperating, b->cooperating) == 0 && g_strcmp0 (a->start_date, b->start_date) == 0 &&
         g_strcmp0 (a->due_date, b->due_date) == 0;
}

static gboolean
same_progress (const GdnnTaskProgress *a,
               const GdnnTaskProgress *b)
{
  return a->id == b->id && a->task_id == b->task_id && a->unit_id == b->unit_id && a->year == b->year &&
         a->status == b->status && a->progress == b->progress && g_strcmp0 (a->period, b->period) == 0 &&
         g_strcmp0 (a->result, b->result) == 0 && g_strcmp0 (a->updated_at, b->updated_at) == 0;
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

/**
 * gdnn_task_row_can_refresh:
 * @fresh: a newer reading of the list (gdnn_task_rows_load)
 *
 * Whether @self can show what @fresh shows by gdnn_task_row_refresh():
 * the same task, unchanged, in the same place, counted for the same year
 * and day; only its progress may differ. A list reloaded after an edit
 * elsewhere keeps its rows (and the widgets bound to them) that way.
 */
gboolean
gdnn_task_row_can_refresh (GdnnTaskRow *self,
                           GdnnTaskRow *fresh)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), FALSE);
  g_return_val_if_fail (GDNN_IS_TASK_ROW (fresh), FALSE);

  return same_task (self->task, fresh->task) && self->group_position == fresh->group_position &&
         self->year == fresh->year && same_day (&self->today, &fresh->today);
}

/**
 * gdnn_task_row_refresh:
 * @fresh: a row for which gdnn_task_row_can_refresh() is %TRUE
 *
 * Takes @fresh's progress when it differs (notifying what changed).
 *
 * Returns: whether anything changed
 */
gboolean
gdnn_task_row_refresh (GdnnTaskRow *self,
                       GdnnTaskRow *fresh)
{
  g_return_val_if_fail (gdnn_task_row_can_refresh (self, fresh), FALSE);

  if (same_progress (self->progress, fresh->progress))
    return FALSE;
  gdnn_task_row_set_progress (self, fresh->progress);
  return TRUE;
}

int
gdnn_task_row_get_year (GdnnTaskRow *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), 0);
  return self->year;
}

void
gdnn_task_row_get_deadline (GdnnTaskRow *self,
                            GDate       *deadline)
{
  g_return_if_fail (GDNN_IS_TASK_ROW (self));
  g_return_if_fail (deadline != NULL);
  *deadline = self->deadline;
}

gboolean
gdnn_task_row_is_late (GdnnTaskRow *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), FALSE);
  return self->late;
}

gboolean
gdnn_task_row_is_due_this_month (GdnnTaskRow *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), FALSE);
  return self->due_this_month;
}

gboolean
gdnn_task_row_is_own (GdnnTaskRow *self)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), FALSE);
  return self->task->unit_id != 0;
}

gboolean
gdnn_task_row_matches (GdnnTaskRow          *self,
                       const GdnnTaskFilter *filter)
{
  g_return_val_if_fail (GDNN_IS_TASK_ROW (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (filter->status >= 0 && (int) self->progress->status != filter->status)
    return FALSE;
  if (filter->late_only && !self->late)
    return FALSE;
  if (filter->due_this_month_only && !self->due_this_month)
    return FALSE;
  if (filter->folded_text != NULL && strstr (self->search_key, filter->folded_text) == NULL)
    return FALSE;
  return TRUE;
}

/* Document order: by group, the plan's tasks before the unit's own, then
 * by position. */
int
gdnn_task_row_compare_position (gconstpointer a,
                                gconstpointer b)
{
  const GdnnTaskRow *ra = a;
  const GdnnTaskRow *rb = b;
  gboolean own_a = ra->task->unit_id != 0;
  gboolean own_b = rb->task->unit_id != 0;

  if (ra->group_position != rb->group_position)
    return ra->group_position < rb->group_position ? -1 : 1;
  if (own_a != own_b)
    return own_a ? 1 : -1;
  if (ra->task->position != rb->task->position)
    return ra->task->position < rb->task->position ? -1 : 1;
  return ra->task->id < rb->task->id ? -1 : ra->task->id > rb->task->id;
}

int
gdnn_task_row_compare_title (gconstpointer a,
                             gconstpointer b)
{
  int cmp = strcmp (((const GdnnTaskRow *) a)->title_key, ((const GdnnTaskRow *) b)->title_key);
  return cmp != 0 ? cmp : gdnn_task_row_compare_position (a, b);
}

int
gdnn_task_row_compare_lead (gconstpointer a,
                            gconstpointer b)
{
  int cmp = strcmp (((const GdnnTaskRow *) a)->lead_key, ((const GdnnTaskRow *) b)->lead_key);
  return cmp != 0 ? cmp : gdnn_task_row_compare_position (a, b);
}

int
gdnn_task_row_compare_cooperating (gconstpointer a,
                                   gconstpointer b)
{
  int cmp = strcmp (((const GdnnTaskRow *) a)->cooperating_key, ((const GdnnTaskRow *) b)->cooperating_key);
  return cmp != 0 ? cmp : gdnn_task_row_compare_position (a, b);
}

int
gdnn_task_row_compare_deadline (gconstpointer a,
                                gconstpointer b)
{
  int cmp = g_date_compare (&((const GdnnTaskRow *) a)->deadline, &((const GdnnTaskRow *) b)->deadline);
  return cmp != 0 ? cmp : gdnn_task_row_compare_position (a, b);
}

int
gdnn_task_row_compare_status (gconstpointer a,
                              gconstpointer b)
{
  int sa = ((const GdnnTaskRow *) a)->progress->status;
  int sb = ((const GdnnTaskRow *) b)->progress->status;
  return sa != sb ? (sa < sb ? -1 : 1) : gdnn_task_row_compare_position (a, b);
}

int
gdnn_task_row_compare_progress (gconstpointer a,
                                gconstpointer b)
{
  int pa = ((const GdnnTaskRow *) a)->progress->progress;
  int pb = ((const GdnnTaskRow *) b)->progress->progress;
  return pa != pb ? (pa < pb ? -1 : 1) : gdnn_task_row_compare_position (a, b);
}
