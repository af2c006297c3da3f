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

#define HEADER "# amend apply cache 1: TIP INTO STATE NODE..., tab-separated; safe to delete"
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
is_oid_hex (const char *text)
{
  if (strlen (text) != GIT_OID_HEXSZ)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
state_from_word (const char      *word,
                 AmendApplyState *state)
{
  for (AmendApplyState s = AMEND_APPLY_CLEAN; s <= AMEND_APPLY_CONTAINED; s++)
    if (g_strcmp0 (word, amend_apply_state_to_string (s)) == 0)
      {
        *state = s;
        return TRUE;
      }
  return FALSE;
}

/* One line as save() writes it, or FALSE. */
static gboolean
parse_line (const char *line,
            char      **key,
            Entry     **entry)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (fields);
  AmendApplyState state;

  if (n < 3 || !is_oid_hex (fields[0]) || !is_oid_hex (fields[1]) || !state_from_word (fields[2], &state))
    return FALSE;
  /* Conflicts name their nodes; the other states name none. */
  if ((state == AMEND_APPLY_CONFLICTS) != (n > 3))
    return FALSE;
  for (guint i = 3; i < n; i++)
    if (fields[i][0] == '\0')
      return FALSE;
  *key = g_strconcat (fields[0], fields[1], NULL);
  *entry = g_new0 (Entry, 1);
  (*entry)->state = state;
  (*entry)->conflicts = g_strdupv (fields + 3);
  return TRUE;
}

/* The lines between the header and "# end N", all of them or none. */
static void
load (AmendApplyCache *self)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) found = NULL;
  guint n, rows = 0;
  guint64 count = 0;

  if (!g_file_get_contents (self->path, &data, NULL, NULL))
    return;
  lines = g_strsplit (data, "\n", -1);
  n = g_strv_length (lines);
  /* The header, the rows, "# end N" and the empty string after its newline. */
  if (n < 3 || strcmp (lines[0], HEADER) != 0 || lines[n - 1][0] != '\0' ||
      !g_str_has_prefix (lines[n - 2], "# end ") ||
      !g_ascii_string_to_unsigned (lines[n - 2] + strlen ("# end "), 10, 0, G_MAXUINT, &count, NULL) ||
      count != n - 3)
    return;
  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  for (guint i = 1; i + 2 < n; i++)
    {
      char *key;
      Entry *entry;

      if (parse_line (lines[i], &key, &entry))
        {
          g_hash_table_replace (found, key, entry);
          rows++;
        }
    }
  /* A damaged line is a damaged file: nothing of it is trusted. */
  if (rows == count)
    {
      g_hash_table_unref (self->cached);
      self->cached = g_steal_pointer (&found);
    }
}

/* @path: the file; it is read now and written by amend_apply_cache_save(). */
AmendApplyCache *
amend_apply_cache_new (const char *path)
{
  AmendApplyCache *self = g_new0 (AmendApplyCache, 1);

  self->path = g_strdup (path);
  self->cached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_autofree char *key = key_of (tip, into);
  Entry *entry = g_hash_table_lookup (self->cached, key);

  if (entry == NULL)
    return FALSE;
  g_hash_table_replace (self->used, g_steal_pointer (&key), entry);
  *state = entry->state;
  *conflicts = (const char * const *) entry->conflicts;
  return TRUE;
}

/* Keeps a state found in this run.  Node ids with a tab or a line break
 * (which eIds never have) are not kept. */
void
amend_apply_cache_add (AmendApplyCache    *self,
                       const git_oid      *tip,
                       const git_oid      *into,
                       AmendApplyState     state,
                       const char * const *conflicts)
{
  Entry *entry;
  char *key;

  if (state == AMEND_APPLY_UNKNOWN || (state == AMEND_APPLY_CONFLICTS) != (conflicts && conflicts[0]))
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
