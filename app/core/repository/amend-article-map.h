/* amend-article-map.h: which articles a change to a regulation touches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AmendArticleMap AmendArticleMap;

AmendArticleMap *amend_article_map_new     (const char      *cache_path);
void             amend_article_map_free    (AmendArticleMap *self);
GStrv            amend_article_map_lookup  (AmendArticleMap *self,
                                            const char      *old_key,
                                            const char      *new_key);
GStrv            amend_article_map_touched (AmendArticleMap *self,
                                            const char      *old_key,
                                            const char      *new_key,
                                            GBytes          *old_text,
                                            GBytes          *new_text);
void             amend_article_map_save    (AmendArticleMap *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendArticleMap, amend_article_map_free)

G_END_DECLS
