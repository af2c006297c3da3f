/* amend-article-map.c: which articles a change to a regulation touches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `amend list` names, for every amendment, the articles it changes since
 * it left main.  With a thousand amendments on a regulation of two
 * thousand articles, running the Markdown parser on both sides of every
 * amendment would cost seconds, so the two sides are treated differently:
 *
 * - the old side (the text at the merge base) is parsed with the real
 *   reader once per blob and kept here by blob id: most amendments leave
 *   main at the same commit, so one parse serves them all, and its article
 *   line ranges are exact;
 * - the new side (the amendment's text) is only scanned for heading lines,
 *   up to the last changed line: "#... Artikel N" opens an article, a
 *   division heading at the same level or above closes it, Toelichting and
 *   Ondertekening end the articles.  That is what the reader decides for
 *   canonical files and for the loose ones of the corpus, at the cost of a
 *   memchr over the file.
 *
 * The changed lines come from libgit2's diff (xdiff, as git's).  Before it
 * runs, the common beginning and end of both texts are cut off with memcmp,
 * which is what keeps a one-article change on a 1 MB file cheap: xdiff
 * would otherwise hash every line of both sides.
 *
 * What is left is reading the amendments' blobs, which zlib has to inflate.
 * The articles depend only on the two blob ids, which never change their
 * content, so the answers are kept in a small file (.git/amend/
 * articles.cache) and an amendment that did not change since the last
 * `amend list` costs no blob at all.  The file holds what the last list
 * used, so it never grows past the amendments there are; it can be
 * deleted at any time.
 *
 * A second file (.git/amend/list.cache) keeps, for each amendment by its
 * tip and main's, everything the reading found: its record, the time of
 * its tip, how far ahead and behind main it is and the articles of each
 * file.  Commits never change, so a list of amendments that did not move
 * reads the branches and this file and no git object at all: five
 * thousand amendments were 13 times slower than git for-each-ref with the
 * articles cache alone (every record read and parsed, every merge base
 * walked to), and are listed in about the time of starting libgit2 with it.
 *
 * Both files are local: a fresh clone, or a package just imported, has
 * neither, and its first list would read every amendment's regulation.
 * So `amend save` on an amendment's branch also writes what the list
 * would find into the branch itself: .amend/amendementen/SLUG/artikelen,
 * per regulation file the blob at the merge base, the blob saved and the
 * articles between them (amend_touched_stored_format).  The list takes a
 * line of it only where both blob ids are the ones of the branch's own
 * diff, so a file gone stale (main merged in, an edit with git) is never
 * believed; what it then reads is found as above.  The lines are the
 * branch's word, like its record: the list shows them, but the merges
 * and collisions, which decide, find the articles themselves.
 */
#include "config.h"

#include <git2.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-article-map.h"
#include "amend-oid.h"
#include "amend-document.h"

typedef struct {
  guint  start;   /* 1-based file lines */
  guint  end;
  char  *number;
} ArticleSpan;

typedef struct {
  GArray *spans;  /* of ArticleSpan, in line order */
} BaseInfo;

#define CACHE_HEADER "# amend articles cache 2: OLD-BLOB NEW-BLOB ARTICLE..., tab-separated, then # end ROWS; safe to delete"
#define ROWS_HEADER "# amend list cache 3: TIP MAIN SLUG TIME OFFSET AHEAD BEHIND RECORD (PATH N ARTICLE...)..., tab-separated, C-escaped, then # end ROWS; safe to delete"

struct _AmendArticleMap
{
  GHashTable *bases;       /* blob id -> BaseInfo */
  char       *cache_path;  /* NULL: nothing kept between runs */
  GHashTable *cached;      /* "OLD NEW" -> GStrv, as read from the file */
  GHashTable *used;        /* "OLD NEW" -> GStrv, looked up or found in this run */
  gboolean    changed;
  gboolean    loaded;      /* the articles cache was read (on first use) */
  char       *rows_path;
  GHashTable *rows;        /* "TIP MAIN SLUG" -> AmendListRow, as read from the file */
  GHashTable *rows_used;   /* "TIP MAIN SLUG" -> AmendListRow (not owned), of this run */
  gboolean    rows_changed;
};

void
amend_list_row_free (AmendListRow *row)
{
  if (row == NULL)
    return;
  g_free (row->record);
  g_clear_pointer (&row->files, g_ptr_array_unref);
  g_free (row);
}

/* Both files are only a help, so neither is trusted blindly: a file is
 * used whole or not at all.  It must start with its header and end with
 * "# end N", N the number of rows, and every row must be what save
 * writes; otherwise (cut off, damaged, written by another version) the
 * answers are found again and the file written anew.  The ids in them
 * name commits and blobs, whose content never changes, so a file from
 * another project can only hold answers that are true here too. */

/* The rows of @data (changed in place) after @header, or NULL when the
 * file is not whole. */
static GPtrArray *
cache_rows (char       *data,
            gsize       size,
            const char *header)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  char *p, *end = data + size;
  gsize header_len = strlen (header);

  if (size <= header_len || memcmp (data, header, header_len) != 0 || data[header_len] != '\n')
    return NULL;
  for (p = data + header_len + 1; p < end;)
    {
      char *nl = memchr (p, '\n', end - p);
      guint64 count = 0;

      if (nl == NULL)
        return NULL;
      *nl = '\0';
      if (nl + 1 == end)
        return g_str_has_prefix (p, "# end ") &&
               g_ascii_string_to_unsigned (p + strlen ("# end "), 10, 0, G_MAXUINT, &count, NULL) &&
               count == rows->len ? g_steal_pointer (&rows) : NULL;
      g_ptr_array_add (rows, p);
      p = nl + 1;
    }
  return NULL;
}

/* @line's tab-separated fields, in place, into @fields (emptied first). */
static void
split_tabs (char      *line,
            GPtrArray *fields)
{
  g_ptr_array_set_size (fields, 0);
  for (;;)
    {
      char *tab = strchr (line, '\t');

      g_ptr_array_add (fields, line);
      if (tab == NULL)
        return;
      *tab = '\0';
      line = tab + 1;
    }
}

static gboolean
is_object_id (const char *text)
{
  return amend_oid_hex_prefix (text) && text[GIT_OID_HEXSZ] == '\0';
}

static gboolean
parse_number (const char *text,
              gboolean    is_signed,
              gint64      min,
              gint64      max,
              gint64     *out)
{
  if (is_signed)
    return g_ascii_string_to_signed (text, 10, min, max, out, NULL);
  return g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, (guint64 *) out, NULL);
}

/* The files of a row: PATH N ARTICLE... until the end, exactly. */
static gboolean
parse_files (char         **fields,
             guint          n,
             AmendListRow  *row)
{
  guint i = 8;

  row->files = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_touched_file_free);
  while (i < n)
    {
      AmendTouchedFile *file;
      gint64 count = 0;

      if (i + 1 >= n || !parse_number (fields[i + 1], FALSE, 0, n, &count) || i + 2 + count > n)
        return FALSE;
      file = g_new0 (AmendTouchedFile, 1);
      file->path = g_strcompress (fields[i]);
      file->articles = g_new0 (char *, count + 1);
      for (guint k = 0; k < count; k++)
        file->articles[k] = g_strcompress (fields[i + 2 + k]);
      g_ptr_array_add (row->files, file);
      i += 2 + count;
    }
  return TRUE;
}

/* One line as save_rows() writes it: "TIP MAIN SLUG" and the row, or NULL. */
static AmendListRow *
parse_row (GPtrArray *line_fields,
           char     **key)
{
  char **fields = (char **) line_fields->pdata;
  guint n = line_fields->len;
  g_autoptr(AmendListRow) row = g_new0 (AmendListRow, 1);
  gint64 offset = 0, ahead = 0, behind = 0;

  g_autofree char *slug = NULL;

  if (n < 8 || !is_object_id (fields[0]) || !is_object_id (fields[1]) ||
      !parse_number (fields[3], TRUE, G_MININT64, G_MAXINT64, &row->time) ||
      !parse_number (fields[4], TRUE, -6000, 6000, &offset) ||
      !parse_number (fields[5], FALSE, 0, G_MAXUINT, &ahead) ||
      !parse_number (fields[6], FALSE, 0, G_MAXUINT, &behind) ||
      (strcmp (fields[7], "-") != 0 && fields[7][0] != '+'))
    return NULL;
  slug = g_strcompress (fields[2]);
  if (*slug == '\0' || strchr (slug, ' ') != NULL)
    return NULL;
  row->offset = (int) offset;
  row->ahead = (guint) ahead;
  row->behind = (guint) behind;
  if (fields[7][0] == '+')
    {
      row->record = g_strcompress (fields[7] + 1);
      row->record_len = strlen (row->record);
    }
  if (!parse_files (fields, n, row))
    return NULL;
  *key = g_strconcat (fields[0], " ", fields[1], " ", slug, NULL);
  return g_steal_pointer (&row);
}

static void
load_rows (AmendArticleMap *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GHashTable) rows = NULL;
  gsize size = 0;

  if (!g_file_get_contents (self->rows_path, &data, &size, NULL) ||
      (lines = cache_rows (data, size, ROWS_HEADER)) == NULL)
    return;
  rows = g_hash_table_new_full (amend_hex_key_hash, g_str_equal, g_free, (GDestroyNotify) amend_list_row_free);
  for (guint i = 0; i < lines->len; i++)
    {
      char *key = NULL;
      AmendListRow *row;

      split_tabs (g_ptr_array_index (lines, i), fields);
      if ((row = parse_row (fields, &key)) == NULL)
        return;
      g_hash_table_replace (rows, key, row);
    }
  g_hash_table_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
}

static void
span_clear (gpointer data)
{
  g_free (((ArticleSpan *) data)->number);
}

static void
base_info_free (BaseInfo *info)
{
  g_array_unref (info->spans);
  g_free (info);
}

static void
load_cache (AmendArticleMap *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GHashTable) cached = NULL;
  gsize size = 0;

  /* Another version of Amend may count articles differently. */
  if (!g_file_get_contents (self->cache_path, &data, &size, NULL) ||
      (lines = cache_rows (data, size, CACHE_HEADER)) == NULL)
    return;
  cached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < lines->len; i++)
    {
      char **f;

      split_tabs (g_ptr_array_index (lines, i), fields);
      f = (char **) fields->pdata;
      if (fields->len < 2 || !is_object_id (f[0]) || !is_object_id (f[1]))
        return;
      for (guint k = 2; k < fields->len; k++)
        if (f[k][0] == '\0')
          return;
      g_ptr_array_add (fields, NULL);  /* may move pdata */
      f = (char **) fields->pdata;
      g_hash_table_replace (cached, g_strconcat (f[0], " ", f[1], NULL), g_strdupv (f + 2));
    }
  g_hash_table_unref (self->cached);
  self->cached = g_steal_pointer (&cached);
}

/* The articles cache is read when a pair is first looked up: a list whose
 * amendments all come from list.cache never needs it. */
static void
ensure_loaded (AmendArticleMap *self)
{
  if (self->loaded)
    return;
  self->loaded = TRUE;
  if (self->cache_path)
    load_cache (self);
}

/* @cache_path: where to keep what was found between runs, or NULL. */
AmendArticleMap *
amend_article_map_new (const char *cache_path)
{
  AmendArticleMap *self = g_new0 (AmendArticleMap, 1);

  self->bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) base_info_free);
  self->cached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  self->cache_path = g_strdup (cache_path);
  self->rows = g_hash_table_new_full (amend_hex_key_hash, g_str_equal, g_free, (GDestroyNotify) amend_list_row_free);
  self->rows_used = g_hash_table_new_full (amend_hex_key_hash, g_str_equal, g_free, NULL);
  if (cache_path)
    {
      g_autofree char *dir = g_path_get_dirname (cache_path);

      self->rows_path = g_build_filename (dir, "list.cache", NULL);
      load_rows (self);
    }
  return self;
}

void
amend_article_map_free (AmendArticleMap *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->bases);
  g_hash_table_unref (self->cached);
  g_hash_table_unref (self->used);
  g_hash_table_unref (self->rows_used);
  g_hash_table_unref (self->rows);
  g_free (self->cache_path);
  g_free (self->rows_path);
  g_free (self);
}

/* What an earlier run found for this pair of blobs, or NULL. */
GStrv
amend_article_map_lookup (AmendArticleMap *self,
                          const char      *old_key,
                          const char      *new_key)
{
  g_autofree char *key = g_strconcat (old_key, " ", new_key, NULL);
  GStrv found;

  ensure_loaded (self);
  found = g_hash_table_lookup (self->used, key);

  if (found == NULL && (found = g_hash_table_lookup (self->cached, key)) != NULL)
    g_hash_table_replace (self->used, g_strdup (key), g_strdupv (found));
  return found ? g_strdupv (found) : NULL;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_string_append_c (out, '\t');
  g_string_append (out, escaped);
}

/* The rows of this run, when they differ from the file's. */
static void
save_rows (AmendArticleMap *self)
{
  g_autoptr(GString) out = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->rows_path == NULL ||
      (!self->rows_changed && g_hash_table_size (self->rows_used) == g_hash_table_size (self->rows)))
    return;
  out = g_string_new (ROWS_HEADER "\n");
  {
    g_autofree char *dir = g_path_get_dirname (self->rows_path);
    g_mkdir_with_parents (dir, 0755);
  }
  g_hash_table_iter_init (&iter, self->rows_used);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AmendListRow *row = value;
      g_auto(GStrv) parts = g_strsplit (key, " ", 3);

      g_string_append_printf (out, "%s\t%s", parts[0], parts[1]);
      append_escaped (out, parts[2]);
      g_string_append_printf (out, "\t%" G_GINT64_FORMAT "\t%d\t%u\t%u\t", row->time, row->offset,
                              row->ahead, row->behind);
      if (row->record)
        {
          g_autofree char *escaped = g_strescape (row->record, NULL);

          g_string_append_c (out, '+');
          g_string_append (out, escaped);
        }
      else
        g_string_append_c (out, '-');
      for (guint i = 0; i < row->files->len; i++)
        {
          const AmendTouchedFile *file = g_ptr_array_index (row->files, i);

          append_escaped (out, file->path);
          g_string_append_printf (out, "\t%u", file->articles ? g_strv_length (file->articles) : 0);
          for (guint k = 0; file->articles && file->articles[k]; k++)
            append_escaped (out, file->articles[k]);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "# end %u\n", g_hash_table_size (self->rows_used));
  g_file_set_contents (self->rows_path, out->str, out->len, NULL);
}

/* What an earlier run (or this one) found for the amendment whose branch
 * is at @tip while main is at @main_tip, or NULL. */
const AmendListRow *
amend_article_map_lookup_row (AmendArticleMap *self,
                              const char      *slug,
                              const char      *tip,
                              const char      *main_tip)
{
  g_autofree char *key = g_strconcat (tip, " ", main_tip, " ", slug, NULL);
  AmendListRow *row = g_hash_table_lookup (self->rows, key);

  if (row != NULL)
    g_hash_table_replace (self->rows_used, g_steal_pointer (&key), row);
  return row;
}

/* Keeps @row (taken) for the next run.  A record with a NUL in it is not
 * kept: the file holds C strings. */
void
amend_article_map_add_row (AmendArticleMap *self,
                           const char      *slug,
                           const char      *tip,
                           const char      *main_tip,
                           AmendListRow    *row)
{
  char *key;

  if (row->record && strlen (row->record) != row->record_len)
    {
      amend_list_row_free (row);
      return;
    }
  key = g_strconcat (tip, " ", main_tip, " ", slug, NULL);
  g_hash_table_replace (self->rows, g_strdup (key), row);
  g_hash_table_replace (self->rows_used, key, row);
  self->rows_changed = TRUE;
}

/* Writes the pairs of this run, when they differ from the file's.  A cache
 * that cannot be written (a read-only repository) is no error. */
void
amend_article_map_save (AmendArticleMap *self)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *dir = NULL;
  GHashTableIter iter;
  gpointer key, value;

  save_rows (self);
  if (self->cache_path == NULL || !self->loaded ||
      (!self->changed && g_hash_table_size (self->used) == g_hash_table_size (self->cached)))
    return;
  out = g_string_new (CACHE_HEADER "\n");
  g_hash_table_iter_init (&iter, self->used);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *space = strchr (key, ' ');

      g_string_append_len (out, key, space - (const char *) key);
      g_string_append_c (out, '\t');
      g_string_append (out, space + 1);
      for (char **a = value; *a; a++)
        {
          g_string_append_c (out, '\t');
          g_string_append (out, *a);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "# end %u\n", g_hash_table_size (self->used));
  dir = g_path_get_dirname (self->cache_path);
  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (self->cache_path, out->str, out->len, NULL);
}

static BaseInfo *
parse_base (GBytes *text)
{
  BaseInfo *info = g_new0 (BaseInfo, 1);
  gsize len = 0;
  const char *data = g_bytes_get_data (text, &len);
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (data ? data : "", len, NULL);

  info->spans = g_array_new (FALSE, FALSE, sizeof (ArticleSpan));
  g_array_set_clear_func (info->spans, span_clear);
  if (doc != NULL)
    {
      g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);

      for (guint i = 0; i < articles->len; i++)
        {
          AmendNode *n = g_ptr_array_index (articles, i);
          ArticleSpan span = { n->line_start, MAX (n->line_end, n->line_start), g_strdup (n->number) };

          if (span.number != NULL && span.start > 0)
            g_array_append_val (info->spans, span);
        }
    }
  return info;
}

static BaseInfo *
lookup_base (AmendArticleMap *self,
             const char      *key,
             GBytes          *text)
{
  BaseInfo *info = key ? g_hash_table_lookup (self->bases, key) : NULL;

  if (info == NULL)
    {
      info = parse_base (text);
      if (key == NULL)
        key = "";
      g_hash_table_replace (self->bases, g_strdup (key), info);
    }
  return info;
}

/* ----------------------------------------------------------------------- */
/* Changed lines                                                            */
/* ----------------------------------------------------------------------- */

#define BLOCK 4096

typedef struct {
  guint old_start, old_lines;
  guint new_start, new_lines;
} Hunk;

typedef struct {
  GArray *hunks;
  guint   line_offset;
} DiffState;

static int
on_hunk (const git_diff_delta *delta,
         const git_diff_hunk  *hunk,
         void                 *payload)
{
  DiffState *state = payload;
  Hunk h = { hunk->old_start + state->line_offset, hunk->old_lines,
             hunk->new_start + state->line_offset, hunk->new_lines };

  g_array_append_val (state->hunks, h);
  return 0;
}

static guint
count_lines (const char *p,
             gsize       len)
{
  guint n = 0;
  const char *end = p + len;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

/* Bytes @a and @b share at the start: memcmp on blocks first, which is
 * what makes this cheap on a megabyte. */
static gsize
common_prefix (const char *a,
               const char *b,
               gsize       limit)
{
  gsize n = 0;

  while (n + BLOCK <= limit && memcmp (a + n, b + n, BLOCK) == 0)
    n += BLOCK;
  while (n < limit && a[n] == b[n])
    n++;
  return n;
}

/* Bytes shared before @a_end and @b_end, at most @limit. */
static gsize
common_suffix (const char *a_end,
               const char *b_end,
               gsize       limit)
{
  gsize n = 0;

  while (n + BLOCK <= limit && memcmp (a_end - n - BLOCK, b_end - n - BLOCK, BLOCK) == 0)
    n += BLOCK;
  while (n < limit && a_end[-1 - (gssize) n] == b_end[-1 - (gssize) n])
    n++;
  return n;
}

/* The hunks between @a and @b, without context, in file lines. */
static GArray *
changed_hunks (const char *a,
               gsize       a_len,
               const char *b,
               gsize       b_len)
{
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  DiffState state = { g_array_new (FALSE, FALSE, sizeof (Hunk)), 0 };
  gsize prefix, suffix, limit = MIN (a_len, b_len);

  prefix = common_prefix (a, b, limit);
  if (prefix == a_len && prefix == b_len)
    return state.hunks;
  /* Back to the start of the line the first difference is on. */
  while (prefix > 0 && a[prefix - 1] != '\n')
    prefix--;
  suffix = common_suffix (a + a_len, b + b_len, limit - prefix);
  /* Forward to the start of a line, so the middle is whole lines. */
  while (suffix > 0 && a[a_len - suffix - 1] != '\n')
    suffix--;

  state.line_offset = count_lines (a, prefix);
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.flags = GIT_DIFF_FORCE_TEXT;
  git_diff_buffers (a + prefix, a_len - prefix - suffix, NULL,
                    b + prefix, b_len - prefix - suffix, NULL,
                    &opts, NULL, NULL, on_hunk, NULL, &state);
  return state.hunks;
}

/* ----------------------------------------------------------------------- */
/* The cheap scan of the new side                                           */
/* ----------------------------------------------------------------------- */

typedef enum {
  LINE_OTHER,
  LINE_ARTICLE,
  LINE_DIVISION,  /* Hoofdstuk, Titel, Afdeling, Paragraaf, § */
  LINE_ANNEX,     /* Bijlage: ends a zone */
  LINE_ZONE,      /* Toelichting, Ondertekening: headings below are text */
} LineKind;

static const struct {
  const char *word;
  LineKind    kind;
} words[] = {
  { "artikel",       LINE_ARTICLE },
  { "hoofdstuk",     LINE_DIVISION },
  { "titel",         LINE_DIVISION },
  { "afdeling",      LINE_DIVISION },
  { "paragraaf",     LINE_DIVISION },
  { "\xc2\xa7",      LINE_DIVISION },
  { "bijlage",       LINE_ANNEX },
  { "toelichting",   LINE_ZONE },
  { "ondertekening", LINE_ZONE },
};

/* "### Artikel  1:2. Titel" -> LINE_ARTICLE, level 3, number "1:2".  Loose
 * forms count as the reader counts them: no space after the hashes, any
 * case, a period or colon after the number. */
static LineKind
scan_heading (const char *p,
              const char *end,
              guint      *level,
              char      **number)
{
  guint hashes = 0, indent = 0;

  while (p < end && *p == ' ' && indent < 3)
    p++, indent++;
  while (p < end && *p == '#')
    p++, hashes++;
  if (hashes == 0 || hashes > 6)
    return LINE_OTHER;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  *level = hashes;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize wlen = strlen (words[i].word);
      const char *num, *num_end;

      if ((gsize) (end - p) < wlen || g_ascii_strncasecmp (p, words[i].word, wlen) != 0)
        continue;
      /* A whole word: "Artikelen" and "Titelblad" are no kinds; "§1" is. */
      if (p + wlen < end && p[wlen] != ' ' && p[wlen] != '\t' && p[wlen] != '\r' && p[wlen - 1] != '\xa7')
        continue;
      if (words[i].kind != LINE_ARTICLE && words[i].kind != LINE_DIVISION)
        return words[i].kind;

      num = p + wlen;
      while (num < end && (*num == ' ' || *num == '\t'))
        num++;
      num_end = num;
      while (num_end < end && *num_end != ' ' && *num_end != '\t' && *num_end != '\r')
        num_end++;
      while (num_end > num && (num_end[-1] == '.' || num_end[-1] == ':'))
        num_end--;
      /* "Titel van de regeling" and "Artikelsgewijs" are free headings. */
      if (num == num_end || !(g_ascii_isdigit (*num) || g_ascii_isupper (*num)))
        return LINE_OTHER;
      if (words[i].kind == LINE_ARTICLE)
        *number = g_strndup (num, num_end - num);
      return words[i].kind;
    }
  return LINE_OTHER;
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* Adds @number to @list once. */
static void
add_unique (GPtrArray  *list,
            const char *number)
{
  if (number == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), number) == 0)
      return;
  g_ptr_array_add (list, g_strdup (number));
}

/* Adds to @per_hunk[i] the articles that contain new-side lines of hunk i. */
static void
scan_new_side (const char *text,
               gsize       len,
               GArray     *hunks,
               GPtrArray  *per_hunk)
{
  const char *p = text, *end = text + len;
  g_autofree char *article = NULL;
  guint article_level = 0, zone_level = 0, line = 1, h = 0;
  gboolean in_zone = FALSE;

#define HUNK_DONE(i) (g_array_index (hunks, Hunk, i).new_lines == 0 || \
                      line >= g_array_index (hunks, Hunk, i).new_start + g_array_index (hunks, Hunk, i).new_lines)

  while (h < hunks->len && HUNK_DONE (h))
    h++;
  while (p < end && h < hunks->len)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *number = NULL;
      guint level = 0;
      LineKind kind;

      if (eol == NULL)
        eol = end;
      kind = *p == '#' || *p == ' ' ? scan_heading (p, eol, &level, &number) : LINE_OTHER;
      if (in_zone && (kind == LINE_ANNEX || (kind != LINE_OTHER && level <= zone_level)))
        in_zone = FALSE;
      if (!in_zone)
        switch (kind)
          {
          case LINE_ARTICLE:
            g_free (article);
            article = g_steal_pointer (&number);
            article_level = level;
            break;
          case LINE_DIVISION:
            if (article && level <= article_level)
              g_clear_pointer (&article, g_free);
            break;
          case LINE_ZONE:
            in_zone = TRUE;
            zone_level = level;
            g_clear_pointer (&article, g_free);
            break;
          case LINE_ANNEX:
            g_clear_pointer (&article, g_free);
            break;
          case LINE_OTHER:
          default:
            break;
          }

      /* A blank line carries no text: xdiff may count the one between two
       * articles to either side of an insertion. */
      if (line >= g_array_index (hunks, Hunk, h).new_start && article != NULL && !is_blank (p, eol))
        add_unique (g_ptr_array_index (per_hunk, h), article);
      line++;
      p = eol + 1;
      while (h < hunks->len && HUNK_DONE (h))
        h++;
    }
#undef HUNK_DONE
}

/* Adds to @list the articles of @base whose lines overlap [first, last]. */
static void
map_old_side (BaseInfo  *base,
              guint      first,
              guint      last,
              GPtrArray *list)
{
  guint lo = 0, hi = base->spans->len;

  /* The first span that ends at or after @first. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (base->spans, ArticleSpan, mid).end < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < base->spans->len; i++)
    {
      ArticleSpan *span = &g_array_index (base->spans, ArticleSpan, i);

      if (span->start > last)
        break;
      add_unique (list, span->number);
    }
}

/* The numbers of the articles a change from @old_text to @new_text touches,
 * in the order of the text, each once.  @old_key and @new_key (blob ids)
 * name the texts: @old_text is parsed once for many changes, and with
 * both keys the answer is kept for amend_article_map_lookup(). */
GStrv
amend_article_map_touched (AmendArticleMap *self,
                           const char      *old_key,
                           const char      *new_key,
                           GBytes          *old_text,
                           GBytes          *new_text)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) per_hunk = NULL;
  g_autoptr(GArray) hunks = NULL;
  gsize old_len = 0, new_len = 0;
  const char *old_data = old_text ? g_bytes_get_data (old_text, &old_len) : NULL;
  const char *new_data = new_text ? g_bytes_get_data (new_text, &new_len) : NULL;
  BaseInfo *base = NULL;

  ensure_loaded (self);
  hunks = changed_hunks (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len);
  per_hunk = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < hunks->len; i++)
    g_ptr_array_add (per_hunk, g_ptr_array_new_with_free_func (g_free));

  if (old_text != NULL && hunks->len > 0)
    base = lookup_base (self, old_key, old_text);
  for (guint i = 0; base && i < hunks->len; i++)
    {
      Hunk *h = &g_array_index (hunks, Hunk, i);

      if (h->old_lines > 0)
        map_old_side (base, h->old_start, h->old_start + h->old_lines - 1, g_ptr_array_index (per_hunk, i));
    }
  if (new_data != NULL)
    scan_new_side (new_data, new_len, hunks, per_hunk);

  /* Hunk by hunk, the old side then the new: the order of the text. */
  for (guint i = 0; i < per_hunk->len; i++)
    {
      GPtrArray *list = g_ptr_array_index (per_hunk, i);

      for (guint k = 0; k < list->len; k++)
        add_unique (numbers, g_ptr_array_index (list, k));
    }
  g_ptr_array_add (numbers, NULL);
  /* Numbers with a tab or a newline would not survive the cache file. */
  if (old_key && new_key)
    {
      gboolean plain = TRUE;

      for (guint i = 0; i + 1 < numbers->len; i++)
        plain = plain && strpbrk (g_ptr_array_index (numbers, i), "\t\n") == NULL;
      if (plain)
        {
          g_hash_table_replace (self->used, g_strconcat (old_key, " ", new_key, NULL),
                                g_strdupv ((char **) numbers->pdata));
          self->changed = TRUE;
        }
    }
  return (GStrv) g_ptr_array_steal (numbers, NULL);
}

/* ----------------------------------------------------------------------- */
/* The articles an amendment's branch says it touches                      */
/* ----------------------------------------------------------------------- */

#define STORED_VERSION "# amend artikelen 1:"
#define STORED_HEADER STORED_VERSION " OLD-BLOB NEW-BLOB PATH ARTICLE..., tab-separated, C-escaped; written by amend save"
#define STORED_MAX (1024 * 1024)

static char *
stored_key (const char *old_id,
            const char *new_id,
            const char *path)
{
  return g_strconcat (old_id, " ", new_id, "\t", path, NULL);
}

/**
 * amend_touched_stored_parse:
 *
 * The lines of an artikelen file: "OLD NEW\tPATH" -> the articles (GStrv).
 * A line that is not as amend_touched_stored_format() writes it is left
 * out; a file of another kind or too large gives an empty table.
 */
GHashTable *
amend_touched_stored_parse (const char *data,
                            gsize       len)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *copy = NULL;
  const char *first_end = data ? memchr (data, '\n', len) : NULL;
  char *p, *end;

  /* The version counts, not the words after it. */
  if (first_end == NULL || len > STORED_MAX || !g_str_has_prefix (data, STORED_VERSION) ||
      (gsize) (first_end - data) < strlen (STORED_VERSION) || memchr (data, '\0', len) != NULL)
    return table;
  copy = g_strndup (data, len);
  end = copy + len;
  for (p = copy + (first_end - data) + 1; p < end;)
    {
      char *nl = memchr (p, '\n', end - p);
      g_autofree char *path = NULL;
      GStrv articles;

      if (nl == NULL)
        break;
      *nl = '\0';
      split_tabs (p, fields);
      p = nl + 1;
      if (fields->len < 3 || !is_object_id (g_ptr_array_index (fields, 0)) ||
          !is_object_id (g_ptr_array_index (fields, 1)))
        continue;
      path = g_strcompress (g_ptr_array_index (fields, 2));
      articles = g_new0 (char *, fields->len - 2);
      for (guint k = 3; k < fields->len; k++)
        articles[k - 3] = g_strcompress (g_ptr_array_index (fields, k));
      g_hash_table_replace (table, stored_key (g_ptr_array_index (fields, 0), g_ptr_array_index (fields, 1), path),
                            articles);
    }
  return table;
}

/* The articles @table holds for this change of @path, or NULL. */
GStrv
amend_touched_stored_lookup (GHashTable *table,
                             const char *old_id,
                             const char *new_id,
                             const char *path)
{
  g_autofree char *key = NULL;
  GStrv found;

  if (table == NULL)
    return NULL;
  key = stored_key (old_id, new_id, path);
  found = g_hash_table_lookup (table, key);
  return found ? g_strdupv (found) : NULL;
}

void
amend_touched_stored_add (GHashTable         *table,
                          const char         *old_id,
                          const char         *new_id,
                          const char         *path,
                          const char * const *articles)
{
  g_hash_table_replace (table, stored_key (old_id, new_id, path), g_strdupv ((GStrv) articles));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The file of @table (from amend_touched_stored_parse() or _add()), its
 * lines in order, so that the same answers give the same blob. */
char *
amend_touched_stored_format (GHashTable *table)
{
  GString *out = g_string_new (STORED_HEADER "\n");
  guint n = 0;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (table, &n);

  qsort (keys, n, sizeof *keys, compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const char *key = keys[i];
      const char *space = strchr (key, ' ');
      const char *tab = strchr (key, '\t');
      char **articles = g_hash_table_lookup (table, key);

      g_string_append_len (out, key, space - key);
      g_string_append_c (out, '\t');
      g_string_append_len (out, space + 1, tab - space - 1);
      append_escaped (out, tab + 1);
      for (guint k = 0; articles[k]; k++)
        append_escaped (out, articles[k]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
