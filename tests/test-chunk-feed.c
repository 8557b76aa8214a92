/* test-chunk-feed.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chunk feed fills a list store from idle callbacks: every item
 * arrives, in order, the previous items go first, a restart replaces a
 * feed in progress, and one iteration stops early when adding items is
 * slow (the rows a list view builds for them). */

#include "config.h"

#include <gio/gio.h>

#include "src/app/gdnn-chunk-feed.h"

/* A store of @count plain objects numbered from @from. */
static GListStore *
numbers (guint from,
         guint count)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (item, "number", GUINT_TO_POINTER (from + i));
      g_list_store_append (store, item);
    }
  return store;
}

static guint
number_at (GListModel *model,
           guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return GPOINTER_TO_UINT (g_object_get_data (item, "number"));
}

/* Runs idle callbacks one at a time until the feed is done; returns how
 * many iterations it took. */
static guint
drain (GdnnChunkFeed *feed)
{
  guint iterations = 0;

  while (gdnn_chunk_feed_is_busy (feed))
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
      g_assert_cmpuint (iterations, <, 10000);
    }
  return iterations;
}

static void
assert_numbers (GListModel *model,
                guint       from,
                guint       count)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count);
  for (guint i = 0; i < count; i++)
    g_assert_cmpuint (number_at (model, i), ==, from + i);
}

typedef struct
{
  gulong per_item_us;
  guint  added;   /* in the current iteration */
} Slow;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Slow       *slow)
{
  /* As a list view building or dropping a row for each item would. */
  g_usleep (slow->per_item_us * (added + removed));
  slow->added += added;
}

static void
test_feed_all_in_order (void)
{
  g_autoptr(GListStore) target = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) source = numbers (0, 100);
  g_autoptr(GdnnChunkFeed) feed = gdnn_chunk_feed_new (target, 8);
  guint iterations;

  gdnn_chunk_feed_start (feed, G_LIST_MODEL (source));
  /* The first items are there at once, not all of them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (target)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (target)), <=, 8);
  g_assert_true (gdnn_chunk_feed_is_busy (feed));

  iterations = drain (feed);
  /* At most 8 a time: at least 100 / 8 - 1 further iterations. */
  g_assert_cmpuint (iterations, >=, 12);
  assert_numbers (G_LIST_MODEL (target), 0, 100);
}

/* The items shown before go first, and not all in one call when dropping
 * their rows takes time (2 ms each here). */
static void
test_feed_replaces_previous (void)
{
  g_autoptr(GListStore) target = numbers (1000, 60);
  g_autoptr(GListStore) source = numbers (0, 20);
  g_autoptr(GdnnChunkFeed) feed = gdnn_chunk_feed_new (target, 8);
  gboolean saw_only_old = FALSE;
  Slow slow = { 2000, 0 };

  g_signal_connect (target, "items-changed", G_CALLBACK (on_items_changed), &slow);
  gdnn_chunk_feed_start (feed, G_LIST_MODEL (source));
  while (gdnn_chunk_feed_is_busy (feed))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (target));

      /* Never a mix: the old items are all gone before a new one comes. */
      if (n > 0 && number_at (G_LIST_MODEL (target), 0) >= 1000)
        {
          saw_only_old = TRUE;
          for (guint i = 0; i < n; i++)
            g_assert_cmpuint (number_at (G_LIST_MODEL (target), i), >=, 1000);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (saw_only_old);
  assert_numbers (G_LIST_MODEL (target), 0, 20);
}

/* A second start while the first feed is still going shows only the
 * second source; freeing a busy feed stops it. */
static void
test_feed_restart_and_free (void)
{
  g_autoptr(GListStore) target = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) first = numbers (0, 50);
  g_autoptr(GListStore) second = numbers (500, 30);
  GdnnChunkFeed *feed = gdnn_chunk_feed_new (target, 4);
  guint shown;

  gdnn_chunk_feed_start (feed, G_LIST_MODEL (first));
  g_main_context_iteration (NULL, TRUE);
  gdnn_chunk_feed_start (feed, G_LIST_MODEL (second));
  drain (feed);
  assert_numbers (G_LIST_MODEL (target), 500, 30);

  gdnn_chunk_feed_start (feed, G_LIST_MODEL (first));
  shown = g_list_model_get_n_items (G_LIST_MODEL (target));
  gdnn_chunk_feed_free (feed);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (target)), ==, shown);
}

/* When each item takes 4 ms to show, an iteration stops after the 6 ms
 * budget instead of adding its 8 items: at most two steps of 2 items. */
static void
test_feed_stops_when_slow (void)
{
  g_autoptr(GListStore) target = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) source = numbers (0, 24);
  g_autoptr(GListStore) cheap = numbers (100, 40);
  g_autoptr(GdnnChunkFeed) feed = gdnn_chunk_feed_new (target, 8);
  Slow slow = { 4000, 0 };

  g_signal_connect (target, "items-changed", G_CALLBACK (on_items_changed), &slow);
  gdnn_chunk_feed_start (feed, G_LIST_MODEL (source));
  g_assert_cmpuint (slow.added, >=, 1);
  g_assert_cmpuint (slow.added, <=, 2);
  while (gdnn_chunk_feed_is_busy (feed))
    {
      slow.added = 0;
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (slow.added, <=, 2);
    }
  assert_numbers (G_LIST_MODEL (target), 0, 24);

  /* Cheap items: never more than a chunk in one iteration. */
  slow.per_item_us = 0;
  gdnn_chunk_feed_start (feed, G_LIST_MODEL (cheap));
  while (gdnn_chunk_feed_is_busy (feed))
    {
      slow.added = 0;
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (slow.added, <=, 8);
    }
  assert_numbers (G_LIST_MODEL (target), 100, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chunk-feed/all-in-order", test_feed_all_in_order);
  g_test_add_func ("/chunk-feed/replaces-previous", test_feed_replaces_previous);
  g_test_add_func ("/chunk-feed/restart-and-free", test_feed_restart_and_free);
  g_test_add_func ("/chunk-feed/stops-when-slow", test_feed_stops_when_slow);

  return g_test_run ();
}
