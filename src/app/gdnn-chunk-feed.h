/* gdnn-chunk-feed.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GdnnChunkFeed GdnnChunkFeed;

GdnnChunkFeed *gdnn_chunk_feed_new     (GListStore    *target,
                                        guint          per_chunk);
void           gdnn_chunk_feed_start   (GdnnChunkFeed *self,
                                        GListModel    *source);
gboolean       gdnn_chunk_feed_is_busy (GdnnChunkFeed *self);
void           gdnn_chunk_feed_free    (GdnnChunkFeed *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnnChunkFeed, gdnn_chunk_feed_free)

G_END_DECLS
