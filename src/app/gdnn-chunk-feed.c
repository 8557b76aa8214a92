/* gdnn-chunk-feed.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fills a list store shown by a list widget a few items at a time from an
 * idle callback. GTK 4.8's list and column views build a widget row for
 * up to 200 items at once when their model changes; with a form of 200
 * indicators or 500 tasks that blocked the main thread for most of a
 * second (bench/bench-forms), and so did removing them. Emptied and fed
 * in chunks, the first rows appear at once and the rest follow while the
 * window keeps answering.
 *
 * A chunk is at most per_chunk items, and fewer when building their rows
 * takes longer than CHUNK_BUDGET_US: a row of the value table costs from
 * 1 to 4 ms depending on the machine, and 8 of them took 35 ms in one
 * iteration on a loaded one. */

#include "config.h"

#include "gdnn-chunk-feed.h"

/* How long one iteration may spend adding or removing items; past it, the
 * rest waits for the next idle iteration (a frame may come in between). */
#define CHUNK_BUDGET_US (6 * G_TIME_SPAN_MILLISECOND)

struct _GdnnChunkFeed
{
  GListStore *target;
  GListModel *source;
  guint       next;
  guint       per_chunk;
  gboolean    draining;
  guint       source_id;
};

GdnnChunkFeed *
gdnn_chunk_feed_new (GListStore *target,
                     guint       per_chunk)
{
  GdnnChunkFeed *self = g_new0 (GdnnChunkFeed, 1);

  g_return_val_if_fail (G_IS_LIST_STORE (target), NULL);

  self->target = g_object_ref (target);
  self->per_chunk = MAX (per_chunk, 1);
  return self;
}

static gboolean
append_chunk (gpointer user_data)
{
  GdnnChunkFeed *self = user_data;
  gint64 start = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (self->source);
  guint step = MAX (self->per_chunk / 4, 1);
  guint added = 0;
  gboolean progress = FALSE;

  /* First the previous items go, from the end, a few at a time. */
  while (self->draining)
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->target));
      guint remove = MIN (shown, step);

      g_list_store_splice (self->target, shown - remove, remove, NULL, 0);
      self->draining = shown > remove;
      progress = TRUE;
      if (g_get_monotonic_time () - start >= CHUNK_BUDGET_US)
        return G_SOURCE_CONTINUE;
    }

  /* Then the new ones, a few at a time, until the chunk is full or the
   * time is up; something changes in each iteration. */
  while (self->next < n && added < self->per_chunk &&
         (!progress || g_get_monotonic_time () - start < CHUNK_BUDGET_US))
    {
      guint count = MIN (MIN (step, self->per_chunk - added), n - self->next);
      g_autoptr(GPtrArray) chunk = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < count; i++)
        g_ptr_array_add (chunk, g_list_model_get_item (self->source, self->next + i));
      g_list_store_splice (self->target, g_list_model_get_n_items (G_LIST_MODEL (self->target)), 0,
                           chunk->pdata, chunk->len);
      self->next += count;
      added += count;
      progress = TRUE;
    }
  if (self->next < n)
    return G_SOURCE_CONTINUE;

  g_clear_object (&self->source);
  self->source_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop (GdnnChunkFeed *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_clear_object (&self->source);
}

/* Empties the target and feeds it every item of @source, a chunk now and
 * the rest from the main loop; the target's previous items go first, in
 * the same way. A feed in progress is abandoned. */
void
gdnn_chunk_feed_start (GdnnChunkFeed *self,
                       GListModel    *source)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (source));

  stop (self);
  /* Even a few rows cost a millisecond each to drop (their entries let
   * go of their input methods), so they too go within the time budget. */
  self->draining = g_list_model_get_n_items (G_LIST_MODEL (self->target)) > 0;
  self->source = g_object_ref (source);
  self->next = 0;
  if (append_chunk (self) == G_SOURCE_CONTINUE)
    self->source_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, append_chunk, self, NULL);
}

/* TRUE while items are still to come. */
gboolean
gdnn_chunk_feed_is_busy (GdnnChunkFeed *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->source != NULL;
}

void
gdnn_chunk_feed_free (GdnnChunkFeed *self)
{
  if (self == NULL)
    return;
  stop (self);
  g_object_unref (self->target);
  g_free (self);
}
