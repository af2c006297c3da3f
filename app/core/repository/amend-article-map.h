/* amend-article-map.h: which articles a change to a regulation touches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amend-amendment.h"

G_BEGIN_DECLS

typedef struct _AmendArticleMap AmendArticleMap;

/* What reading an amendment found (amend-amendment.c), which depends only
 * on its slug (the folder of its record), its tip and on main: kept so
 * that an amendment that did not change is listed without reading a git
 * object.  Two branches at one commit (a copy made with git branch) are
 * two rows: the record of one is not the other's. */
typedef struct {
  gint64     time;         /* the tip's committer time */
  int        offset;       /* ... and time zone, in minutes */
  guint      ahead;
  guint      behind;
  char      *record;       /* the text of its record, NULL without one */
  gsize      record_len;
  GPtrArray *files;        /* of AmendTouchedFile */
} AmendListRow;

void             amend_list_row_free       (AmendListRow    *row);

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
const AmendListRow *amend_article_map_lookup_row (AmendArticleMap *self,
                                                  const char      *slug,
                                                  const char      *tip,
                                                  const char      *main_tip);
void             amend_article_map_add_row (AmendArticleMap *self,
                                            const char      *slug,
                                            const char      *tip,
                                            const char      *main_tip,
                                            AmendListRow    *row);

/* .amend/amendementen/SLUG/artikelen, which amend save writes on the
 * amendment's branch (amend-article-map.c says why). */
#define AMEND_TOUCHED_STORED_NAME "artikelen"

GHashTable      *amend_touched_stored_parse  (const char         *data,
                                              gsize               len);
GStrv            amend_touched_stored_lookup (GHashTable         *table,
                                              const char         *old_id,
                                              const char         *new_id,
                                              const char         *path);
void             amend_touched_stored_add    (GHashTable         *table,
                                              const char         *old_id,
                                              const char         *new_id,
                                              const char         *path,
                                              const char * const *articles);
char            *amend_touched_stored_format (GHashTable         *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendArticleMap, amend_article_map_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendListRow, amend_list_row_free)

G_END_DECLS
