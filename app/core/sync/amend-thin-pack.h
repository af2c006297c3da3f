/* amend-thin-pack.h: the packs of Amend's packages, written by Amend itself,
 * each changed file a delta against a version of the same path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgit2's git_packbuilder (1.5) writes no thin packs, reuses no delta it
 * has on disk ("TODO: support reuse-delta" in pack-objects.c) and tries
 * ten bases (a fixed window) for every object.  So one changed article of
 * a 1.3 MB regulation made a package of the compressed regulation, and the
 * whole project of 5,000 versions took minutes.  git sends a thin pack:
 * the changed file as an OBJ_REF_DELTA against the version the
 * prerequisite holds, which `git index-pack --fix-thin` (under git fetch
 * and git bundle unbundle) and libgit2's indexer given the project's
 * objects complete.  This writes such packs, in the pack format of git's
 * Documentation/gitformat-pack.txt (version 2): for one amendment the
 * bases are what the receiver has; for the whole project, earlier
 * versions in the same pack.
 */
#pragma once

#include <git2.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  git_oid  id;
  git_oid  base;      /* a version of the same path: the receiver's, or earlier in the pack */
  gboolean has_base;  /* FALSE: written whole */
} AmendThinPackEntry;

/* Receives the pack, piece by piece; FALSE stops the writing. */
typedef gboolean (*AmendThinPackWriteFunc) (const void *data,
                                            gsize       len,
                                            gpointer    user_data);

/* Git's delta of @target against @base (the copy and insert instructions
 * of the pack format), found by lining up the lines of the two; NULL when
 * it would not be shorter than @max_len bytes. */
GBytes   *amend_thin_pack_delta (const guchar           *base,
                                 gsize                   base_len,
                                 const guchar           *target,
                                 gsize                   target_len,
                                 gsize                   max_len);

/* Writes a pack of @entries (of AmendThinPackEntry), read from @odb: each
 * one with a base as a delta against it where that is at most half its
 * size, else whole; then the pack's SHA-1.  A base in the pack must come
 * before the entries that use it; it is kept in memory until its last
 * use.  @deltas counts the objects written as deltas.  FALSE with @error
 * when an object cannot be read, without when @write said stop. */
gboolean  amend_thin_pack_write (git_odb                *odb,
                                 GArray                 *entries,
                                 AmendThinPackWriteFunc  write,
                                 gpointer                user_data,
                                 guint                  *deltas,
                                 GError                **error);

G_END_DECLS
