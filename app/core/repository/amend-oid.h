/* amend-oid.h: git object ids as keys of a GHashTable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <git2.h>
#include <glib.h>

G_BEGIN_DECLS

/* An id is a hash already: its first bytes are as good as any. */
static inline guint
amend_oid_hash (gconstpointer key)
{
  guint h;

  memcpy (&h, ((const git_oid *) key)->id, sizeof h);
  return h;
}

static inline gboolean
amend_oid_equal (gconstpointer a,
                 gconstpointer b)
{
  return git_oid_equal (a, b);
}

G_END_DECLS
