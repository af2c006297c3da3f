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

/* Whether @text starts with a SHA-1 id as git writes it: forty digits
 * 0-9a-f (git never writes them in capitals). */
static inline gboolean
amend_oid_hex_prefix (const char *text)
{
  for (guint i = 0; i < 40; i++)
    if (!g_ascii_isdigit (text[i]) && (text[i] < 'a' || text[i] > 'f'))
      return FALSE;
  return TRUE;
}

/* For keys that start with an id in hex ("TIP MAIN" and the like): the
 * first characters of a hash spread the keys as well as all eighty of
 * them, which g_str_hash would read on every lookup. */
static inline guint
amend_hex_key_hash (gconstpointer key)
{
  const char *p = key;
  guint h = 5381;

  for (guint i = 0; i < 16 && p[i]; i++)
    h = (h << 5) + h + (guchar) p[i];
  return h;
}

G_END_DECLS
