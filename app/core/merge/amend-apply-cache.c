/* amend-apply-cache.c: whether an amendment applies, kept by its commits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `amend list` says of every open amendment whether it is in main already,
 * merges cleanly or gives conflicts.  Finding that out walks the graph from
 * the amendment to main and may run a trial merge; with five thousand
 * amendments the walks alone cost more than the rest of the list.  The
 * answer depends only on the two commits (the amendment's tip and the tip
 * of what it would be merged into), and commits never change, so it is
 * kept in .git/amend/apply.cache by that pair.  An amendment changed with
 * plain git, a rewritten branch or a main that moved has another pair and
 * is checked again.
 *
 * The file is only a help: a line that is not what this file writes is
 * left out, a file whose count of lines at the end does not match (cut
 * off, or written by something else) is not used at all, and either way
 * the answers are found again and the file written anew.  It holds what
 * the last list used, so it never grows past the amendments there are.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amend-apply-cache.h"
#include "amend-oid.h"

/* 2: the state "refused" (a cache of 1 may call such an amendment clean). */
#define HEADER "# amend apply cache 3: TIP INTO STATE NAME..., tab-separated; safe to delete"
#define KEY_LEN (2 * GIT_OID_HEXSZ)

typedef struct {
  AmendApplyState state;
  GStrv           conflicts;  /* never NULL */
} Entry;

struct _AmendApplyCache
{
  char       *path;
  GHashTable *cached;   /* "TIPINTO" -> Entry, as read from the file */
  GHashTable *used;     /* "TIPINTO" -> Entry (not owned), of this run */
  gboolean    changed;
};

static void
entry_free (Entry *entry)
{
  g_strfreev (entry->conflicts);
  g_free (entry);
}

static gboolean
is_oid_hex (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]) && (text[i] < 'a' || text[i] > 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
state_from_word (const char      *word,
                 AmendApplyState *state)
{
  for (AmendApplyState s = AMEND_APPLY_CLEAN; s <= AMEND_APPLY_REFUSED; s++)
    if (g_strcmp0 (word, amend_apply_state_to_string (s)) == 0)
      {
        *state = s;
        return TRUE;
      }
  return FALSE;
}

/* One line as save() writes it ("TIP\tINTO\tSTATE[\tNODE...]"), or FALSE. */
static gboolean
parse_line (const char *line,
            gsize       len,
            char      **key,
            Entry     **entry)
{
  g_autofree char *state_word = NULL;
  g_auto(GStrv) nodes = NULL;
  const char *rest = line + KEY_LEN + 2;
  const char *tab;
  AmendApplyState state;

  if (len <= KEY_LEN + 2 || line[GIT_OID_HEXSZ] != '\t' || line[KEY_LEN + 1] != '\t' ||
      !is_oid_hex (line, GIT_OID_HEXSZ) || !is_oid_hex (line + GIT_OID_HEXSZ + 1, GIT_OID_HEXSZ))
    return FALSE;
  tab = memchr (rest, '\t', line + len - rest);
  state_word = g_strndup (rest, (tab ? tab : line + len) - rest);
  if (!state_from_word (state_word, &state))
    return FALSE;
  /* Conflicts name their nodes, a refusal its files; the other states
   * name none. */
  if (AMEND_APPLY_STATE_NAMES (state) != (tab != NULL))
    return FALSE;
  if (tab != NULL)
    {
      g_autofree char *list = g_strndup (tab + 1, line + len - tab - 1);

      nodes = g_strsplit (list, "\t", -1);
      for (guint i = 0; nodes[i]; i++)
        if (nodes[i][0] == '\0')
          return FALSE;
    }
  *key = g_malloc (KEY_LEN + 1);
  memcpy (*key, line, GIT_OID_HEXSZ);
  memcpy (*key + GIT_OID_HEXSZ, line + GIT_OID_HEXSZ + 1, GIT_OID_HEXSZ);
  (*key)[KEY_LEN] = '\0';
  *entry = g_new0 (Entry, 1);
  (*entry)->state = state;
  (*entry)->conflicts = nodes ? g_steal_pointer (&nodes) : g_new0 (char *, 1);
  return TRUE;
}

/* The lines between the header and "# end N", all of them or none. */
static void
load (AmendApplyCache *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GHashTable) found = NULL;
  gsize size = 0;
  const char *p, *end;
  guint rows = 0;
  guint64 count = 0;

  if (!g_file_get_contents (self->path, &data, &size, NULL) ||
      size < strlen (HEADER "\n") || memcmp (data, HEADER "\n", strlen (HEADER "\n")) != 0)
    return;
  found = g_hash_table_new_full (amend_hex_key_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  end = data + size;
  for (p = data + strlen (HEADER "\n"); p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      char *key;
      Entry *entry;

      if (nl == NULL)
        return;
      if (nl + 1 == end)
        {
          /* The last line: "# end N", N the rows above it. */
          g_autofree char *last = g_strndup (p, nl - p);

          if (!g_str_has_prefix (last, "# end ") ||
              !g_ascii_string_to_unsigned (last + strlen ("# end "), 10, 0, G_MAXUINT, &count, NULL) ||
              count != rows)
            return;
          g_hash_table_unref (self->cached);
          self->cached = g_steal_pointer (&found);
          return;
        }
      /* A damaged line is a damaged file: nothing of it is trusted. */
      if (!parse_line (p, nl - p, &key, &entry))
        return;
      g_hash_table_replace (found, key, entry);
      rows++;
      p = nl + 1;
    }
}

/* @path: the file; it is read now and written by amend_apply_cache_save(). */
AmendApplyCache *
amend_apply_cache_new (const char *path)
{
  AmendApplyCache *self = g_new0 (AmendApplyCache, 1);

  self->path = g_strdup (path);
  self->cached = g_hash_table_new_full (amend_hex_key_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  self->used = g_hash_table_new_full (amend_hex_key_hash, g_str_equal, g_free, NULL);
  load (self);
  return self;
}

void
amend_apply_cache_free (AmendApplyCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->used);
  g_hash_table_unref (self->cached);
  g_free (self->path);
  g_free (self);
}

static char *
key_of (const git_oid *tip,
        const git_oid *into)
{
  char *key = g_malloc (KEY_LEN + 1);

  git_oid_fmt (key, tip);
  git_oid_fmt (key + GIT_OID_HEXSZ, into);
  key[KEY_LEN] = '\0';
  return key;
}

/* What was found for the amendment at @tip against @into; the conflicts
 * belong to the cache. */
gboolean
amend_apply_cache_lookup (AmendApplyCache     *self,
                          const git_oid       *tip,
                          const git_oid       *into,
                          AmendApplyState     *state,
                          const char * const **conflicts)
{
  char tip_hex[GIT_OID_HEXSZ + 1], into_hex[GIT_OID_HEXSZ + 1];

  git_oid_tostr (tip_hex, sizeof tip_hex, tip);
  git_oid_tostr (into_hex, sizeof into_hex, into);
  return amend_apply_cache_lookup_hex (self, tip_hex, into_hex, state, conflicts);
}

/* The same, by the ids in hex as git's files have them. */
gboolean
amend_apply_cache_lookup_hex (AmendApplyCache     *self,
                              const char          *tip,
                              const char          *into,
                              AmendApplyState     *state,
                              const char * const **conflicts)
{
  g_autofree char *key = NULL;
  Entry *entry;

  if (strlen (tip) != GIT_OID_HEXSZ || strlen (into) != GIT_OID_HEXSZ)
    return FALSE;
  key = g_strconcat (tip, into, NULL);
  if ((entry = g_hash_table_lookup (self->cached, key)) == NULL)
    return FALSE;
  g_hash_table_replace (self->used, g_steal_pointer (&key), entry);
  *state = entry->state;
  *conflicts = (const char * const *) entry->conflicts;
  return TRUE;
}

/* Keeps a state found in this run.  Names with a tab or a line break
 * (which eIds never have, file names may) are not kept. */
void
amend_apply_cache_add (AmendApplyCache    *self,
                       const git_oid      *tip,
                       const git_oid      *into,
                       AmendApplyState     state,
                       const char * const *conflicts)
{
  Entry *entry;
  char *key;

  if (state == AMEND_APPLY_UNKNOWN || AMEND_APPLY_STATE_NAMES (state) != (conflicts && conflicts[0]))
    return;
  for (guint i = 0; conflicts && conflicts[i]; i++)
    if (conflicts[i][0] == '\0' || strpbrk (conflicts[i], "\t\n\r") != NULL)
      return;
  entry = g_new0 (Entry, 1);
  entry->state = state;
  entry->conflicts = conflicts ? g_strdupv ((char **) conflicts) : g_new0 (char *, 1);
  key = key_of (tip, into);
  g_hash_table_replace (self->cached, g_strdup (key), entry);
  g_hash_table_replace (self->used, key, entry);
  self->changed = TRUE;
}

/* Writes what this run used, when it differs from the file (atomically:
 * g_file_set_contents renames a whole new file into place).  A cache that
 * cannot be written (a read-only repository) is no error. */
void
amend_apply_cache_save (AmendApplyCache *self)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *dir = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!self->changed && g_hash_table_size (self->used) == g_hash_table_size (self->cached))
    return;
  out = g_string_new (HEADER "\n");
  g_hash_table_iter_init (&iter, self->used);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Entry *entry = value;

      g_string_append_len (out, key, GIT_OID_HEXSZ);
      g_string_append_c (out, '\t');
      g_string_append (out, (const char *) key + GIT_OID_HEXSZ);
      g_string_append_c (out, '\t');
      g_string_append (out, amend_apply_state_to_string (entry->state));
      for (guint i = 0; entry->conflicts[i]; i++)
        {
          g_string_append_c (out, '\t');
          g_string_append (out, entry->conflicts[i]);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "# end %u\n", g_hash_table_size (self->used));
  dir = g_path_get_dirname (self->path);
  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (self->path, out->str, out->len, NULL);
}
