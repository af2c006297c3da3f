/* amend-record-merge.c: the records of amendments merged key by key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record (.amend/amendementen/<slug>/amendement.ini) changed on both
 * sides merges key by key, three-way: a key one side changed takes that
 * side's value, the same change on both is one.  Two different values
 * (two votes that differ, two statuses) are a conflict like any other,
 * with the id GROUP.KEY.  Only "updated", the date of the last change,
 * needs no person: the later one is right.  Ours is the starting point,
 * so its comments and the order of its keys stay.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amend-record-merge.h"

static GKeyFile *
load (const char  *data,
      GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (data && !g_key_file_load_from_data (file, data, -1, G_KEY_FILE_KEEP_COMMENTS, error))
    return NULL;
  return g_steal_pointer (&file);
}

static char *
value (GKeyFile   *file,
       const char *group,
       const char *key)
{
  return g_key_file_get_value (file, group, key, NULL);
}

/* The later of two ISO 8601 dates; NULL when either is no date. */
static const char *
later (const char *a,
       const char *b)
{
  g_autoptr(GDateTime) x = a ? g_date_time_new_from_iso8601 (a, NULL) : NULL;
  g_autoptr(GDateTime) y = b ? g_date_time_new_from_iso8601 (b, NULL) : NULL;

  if (x == NULL || y == NULL)
    return NULL;
  return g_date_time_compare (x, y) >= 0 ? a : b;
}

static void
set_or_remove (GKeyFile   *file,
               const char *group,
               const char *key,
               const char *v)
{
  if (v)
    g_key_file_set_value (file, group, key, v);
  else
    g_key_file_remove_key (file, group, key, NULL);
}

static void
add_conflict (GPtrArray  *conflicts,
              const char *id,
              const char *vb,
              const char *vo,
              const char *vt,
              AmendChoice *choice)
{
  AmendConflict *c = g_new0 (AmendConflict, 1);

  c->kind = AMEND_CONFLICT_RECORD;
  c->id = g_strdup (id);
  c->base_text = g_strdup (vb);
  c->ours_text = g_strdup (vo);
  c->theirs_text = g_strdup (vt);
  if (choice)
    {
      c->resolution = choice->resolution;
      c->text = g_strdup (choice->text);
    }
  g_ptr_array_add (conflicts, c);
}

/* One key both sides may have changed; the result is in @out already as
 * ours has it. */
static void
merge_key (GKeyFile   *base,
           GKeyFile   *theirs,
           GKeyFile   *out,
           const char *group,
           const char *key,
           GHashTable *choices,
           GPtrArray  *conflicts)
{
  g_autofree char *vb = value (base, group, key);
  g_autofree char *vo = value (out, group, key);
  g_autofree char *vt = value (theirs, group, key);
  g_autofree char *id = NULL;
  AmendChoice *choice;

  if (g_strcmp0 (vt, vb) == 0 || g_strcmp0 (vo, vt) == 0)
    return;
  if (g_strcmp0 (vo, vb) == 0)
    {
      set_or_remove (out, group, key, vt);
      return;
    }
  if (g_strcmp0 (group, "amendement") == 0 && g_strcmp0 (key, "updated") == 0 && later (vo, vt))
    {
      set_or_remove (out, group, key, later (vo, vt));
      return;
    }
  id = g_strdup_printf ("%s.%s", group, key);
  choice = choices ? g_hash_table_lookup (choices, id) : NULL;
  add_conflict (conflicts, id, vb, vo, vt, choice);
  if (choice && choice->resolution == AMEND_RESOLUTION_THEIRS)
    set_or_remove (out, group, key, vt);
  else if (choice && choice->resolution == AMEND_RESOLUTION_TEXT)
    {
      g_autofree char *line = g_strstrip (g_strdup (choice->text ? choice->text : ""));
      g_strdelimit (line, "\n", ' ');
      g_key_file_set_value (out, group, key, line);
    }
}

static void
merge_keys_of (GKeyFile   *from,
               GKeyFile   *base,
               GKeyFile   *theirs,
               GKeyFile   *out,
               GHashTable *done,
               GHashTable *choices,
               GPtrArray  *conflicts)
{
  g_auto(GStrv) groups = g_key_file_get_groups (from, NULL);

  for (guint g = 0; groups[g]; g++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (from, groups[g], NULL, NULL);

      for (guint k = 0; keys && keys[k]; k++)
        {
          g_autofree char *both = g_strdup_printf ("%s\x1f%s", groups[g], keys[k]);

          if (g_hash_table_add (done, g_steal_pointer (&both)))
            merge_key (base, theirs, out, groups[g], keys[k], choices, conflicts);
        }
    }
}

/**
 * amend_record_merge:
 * @base: (nullable): the record in the base, NULL when it had none
 * @choices: (nullable): id -> AmendChoice, for conflicts already decided
 * @conflicts: where the conflicts go (AmendConflict, owned by the array)
 *
 * Returns: the merged record, or NULL when a version is no key file.
 */
char *
amend_record_merge (const char  *base,
                    const char  *ours,
                    const char  *theirs,
                    GHashTable  *choices,
                    GPtrArray   *conflicts,
                    GError     **error)
{
  g_autoptr(GKeyFile) b = load (base, error);
  g_autoptr(GKeyFile) o = b ? load (ours, error) : NULL;
  g_autoptr(GKeyFile) t = o ? load (theirs, error) : NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (t == NULL)
    return NULL;
  /* Keys theirs has (changed or added), then keys only the base has
   * (theirs removed them). */
  merge_keys_of (t, b, t, o, done, choices, conflicts);
  merge_keys_of (b, b, t, o, done, choices, conflicts);
  data = g_key_file_to_data (o, &len, NULL);
  if (len == 0 || data[len - 1] != '\n')
    {
      char *ended = g_strconcat (data, "\n", NULL);
      g_free (data);
      data = ended;
    }
  return g_steal_pointer (&data);
}
