/* amend-merge-render.c: conflicts shown as Markdown, and resolutions read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person resolves a conflict by reading the three versions of a node as
 * the regulation writes them and, if neither side is right, by writing the
 * node anew in a file.  Both directions go through the Markdown writer and
 * reader themselves: a member is written inside a stand-in article, whose
 * heading is cut off again, and a file is read inside one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-document-private.h"
#include "amend-merge-private.h"
#include "amend-wording.h"

#define STAND_IN "# Artikel 1\n\n"

/* What a node is, in a sentence for the user. */
static const char *
kind_name (AmendNodeKind kind)
{
  static const char * const names[AMEND_N_NODE_KINDS] = {
    [AMEND_NODE_REGULATION]  = N_("regulation"),
    [AMEND_NODE_PREAMBLE]    = N_("preamble"),
    [AMEND_NODE_CHAPTER]     = N_("chapter"),
    [AMEND_NODE_TITLE]       = N_("title"),
    [AMEND_NODE_DIVISION]    = N_("division"),
    [AMEND_NODE_SECTION]     = N_("section"),
    [AMEND_NODE_ANNEX]       = N_("annex"),
    [AMEND_NODE_ARTICLE]     = N_("article"),
    [AMEND_NODE_MEMBER]      = N_("member"),
    [AMEND_NODE_POINT]       = N_("point"),
    [AMEND_NODE_TEXT]        = N_("paragraph"),
    [AMEND_NODE_EXPLANATION] = N_("explanation"),
    [AMEND_NODE_CLOSING]     = N_("closing"),
  };

  return kind < AMEND_N_NODE_KINDS ? _(names[kind]) : "";
}

static gboolean
needs_stand_in (AmendNodeKind kind)
{
  return kind == AMEND_NODE_MEMBER || kind == AMEND_NODE_POINT || kind == AMEND_NODE_TEXT;
}

static char *
chomp (char *text)
{
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '\n')
    text[--len] = '\0';
  return text;
}

char *
_amend_merge_render_node (const AmendNode *node,
                          const char      *article)
{
  g_autoptr(AmendDocument) doc = amend_document_new ();
  AmendNode *root = amend_document_get_root (doc);
  g_autofree char *md = NULL;

  if (node == NULL)
    return NULL;
  if (!needs_stand_in (node->kind))
    {
      amend_node_append (root, amend_node_copy (node));
      return chomp (amend_document_to_markdown (doc));
    }
  {
    AmendNode *wrap = amend_node_new (AMEND_NODE_ARTICLE);
    const char *body;

    wrap->number = g_strdup (article ? article : "1");
    amend_node_append (root, wrap);
    amend_node_append (wrap, amend_node_copy (node));
    md = amend_document_to_markdown (doc);
    body = strstr (md, "\n\n");
    return chomp (g_strdup (body ? body + 2 : ""));
  }
}

/* "Artikel 5a Opschrift", a member's number, a point's label. */
char *
_amend_merge_render_heading (const AmendNode *node)
{
  GString *s = g_string_new (NULL);

  if (node == NULL)
    return g_string_free (s, TRUE);
  if (amend_node_is_structural (node))
    {
      const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

      g_string_append (s, word ? word : "");
      if (node->number && node->number[0])
        g_string_append_printf (s, " %s", node->number);
      if (node->heading && node->heading[0])
        g_string_append_printf (s, " %s", node->heading);
    }
  else if (node->number)
    g_string_append (s, node->number);
  return g_string_free (s, FALSE);
}

/* Where a node stands, as a drafter cites it (Ar 3.29): "Artikel 3,
 * tweede lid, onder b", "Artikel 1, onder b, onder 2\xc2\xb0"; a division by its
 * word and number ("Hoofdstuk 2").  NULL outside any of them. */
char *
_amend_merge_render_place (const AmendNode *node)
{
  g_autoptr(GPtrArray) below = g_ptr_array_new ();
  const AmendNode *top = NULL;
  GString *s;

  for (const AmendNode *n = node; n != NULL && top == NULL; n = n->parent)
    {
      if (n->kind == AMEND_NODE_MEMBER || n->kind == AMEND_NODE_POINT)
        g_ptr_array_insert (below, 0, (gpointer) n);
      else if (amend_node_is_structural (n))
        top = n;
    }
  if (top == NULL)
    return NULL;
  s = g_string_new (top->word ? top->word : amend_node_kind_word (top->kind));
  if (top->number && top->number[0])
    g_string_append_printf (s, " %s", top->number);
  for (guint i = 0; i < below->len; i++)
    {
      const AmendNode *n = g_ptr_array_index (below, i);
      g_autofree char *part = n->kind == AMEND_NODE_MEMBER ? amend_wording_member (n->number)
                                                           : amend_wording_point (n->number);

      g_string_append_printf (s, n->kind == AMEND_NODE_MEMBER ? ", %s" : ", onder %s", part);
    }
  return g_string_free (s, FALSE);
}

char *
_amend_merge_render_list (GPtrArray *nodes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      const AmendNode *n = g_ptr_array_index (nodes, i);
      const AmendNode *article = amend_node_find_ancestor (n, AMEND_NODE_ARTICLE);
      g_autofree char *md = _amend_merge_render_node (n, article ? article->number : NULL);

      if (i > 0)
        g_string_append (s, "\n\n");
      g_string_append (s, md);
    }
  return g_string_free (s, FALSE);
}

char *
_amend_merge_render_meta (AmendDocument *doc)
{
  g_autoptr(AmendDocument) copy = amend_document_new ();
  g_autofree char *md = NULL;
  char *end;

  _amend_merge_copy_meta (doc, copy);
  md = amend_document_to_markdown (copy);
  /* Between the two --- lines. */
  if (!g_str_has_prefix (md, "---\n"))
    return g_strdup ("");
  end = strstr (md + 4, "---\n");
  return chomp (g_strndup (md + 4, end ? (gsize) (end - md - 4) : strlen (md + 4)));
}

void
_amend_merge_copy_meta (AmendDocument *from,
                        AmendDocument *to)
{
  GArray *meta = amend_document_get_meta_entries (from);

  g_array_set_size (amend_document_get_meta_entries (to), 0);
  for (guint i = 0; i < meta->len; i++)
    {
      const AmendMetaEntry *e = &g_array_index (meta, AmendMetaEntry, i);

      if (e->key)
        amend_document_set_meta (to, e->key, e->value);
      else
        _amend_document_add_meta_raw (to, e->value);
    }
}

static AmendDocument *
parse (const char *prefix,
       const char *text,
       const char *suffix,
       GError    **error)
{
  g_autofree char *all = g_strconcat (prefix, text, suffix, NULL);
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (all, strlen (all), error);

  if (doc == NULL)
    return NULL;
  if (amend_document_has_errors (doc))
    {
      g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                   _("the text cannot be read as Markdown of a regulation; check it with amend check"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

static AmendNode *
first_of_kind (AmendNode     *root,
               AmendNodeKind  kind)
{
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->kind == kind)
      return n;
  return NULL;
}

static gboolean
contains (const AmendNode *outer,
          const AmendNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == outer)
      return TRUE;
  return FALSE;
}

/* Whether @doc holds something beside @inside, the stand-in article the
 * text was read into (an empty preamble and the nodes above it aside): a
 * heading after the paragraph ("# Hoofdstuk 9", "# Toelichting") closes
 * that article, and what came after it was dropped without a word. */
static gboolean
holds_more (AmendDocument *doc,
            AmendNode     *inside)
{
  AmendNode *root = amend_document_get_root (doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (!contains (inside, n) && !contains (n, inside) &&
        !(n->kind == AMEND_NODE_PREAMBLE && amend_node_n_children (n) == 0))
      return TRUE;
  return FALSE;
}

gboolean
_amend_merge_parse_runs (const char *text,
                         AmendNode  *into,
                         GError    **error)
{
  g_autoptr(AmendDocument) doc = parse (STAND_IN, text, "\n", error);
  AmendNode *article = doc ? first_of_kind (amend_document_get_root (doc), AMEND_NODE_ARTICLE) : NULL;
  AmendNode *para;

  if (doc == NULL)
    return FALSE;
  if (article == NULL || amend_node_n_children (article) != 1 || holds_more (doc, article) ||
      (para = amend_node_child (article, 0))->kind != AMEND_NODE_TEXT || para->heading_level > 0)
    {
      g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                   _("the conflict is about one paragraph, and the text is not one paragraph; write the "
                     "paragraph as it should read, on its own"));
      return FALSE;
    }
  if (into->runs)
    g_array_set_size (into->runs, 0);
  for (guint i = 0; para->runs && i < para->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (para->runs, AmendRun, i);
      amend_node_add_run (into, run->text, -1, run->marks, run->href);
    }
  return TRUE;
}

gboolean
_amend_merge_parse_heading (const char      *text,
                            const AmendNode *like,
                            AmendNode       *into,
                            GError         **error)
{
  g_autofree char *line = g_strstrip (g_strdup (text));
  g_autoptr(AmendDocument) doc = NULL;
  AmendNode *node;

  if (strchr (line, '\n') != NULL || *line == '\0')
    {
      g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                   _("the conflict is about a heading or a number, which is one line; write that line"));
      return FALSE;
    }
  if (!amend_node_is_structural (like))
    {
      g_free (into->number);
      into->number = g_steal_pointer (&line);
      return TRUE;
    }
  doc = parse ("# ", line, "\n", error);
  if (doc == NULL)
    return FALSE;
  node = first_of_kind (amend_document_get_root (doc), like->kind);
  if (node == NULL)
    {
      g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                   _("the line is not the heading of a %s; write it as " "\xe2\x80\x9c"
                     "Artikel 5a Opschrift" "\xe2\x80\x9d"), kind_name (like->kind));
      return FALSE;
    }
  g_free (into->word);
  g_free (into->number);
  g_free (into->heading);
  into->word = g_strdup (node->word);
  into->number = g_strdup (node->number);
  into->heading = g_strdup (node->heading);
  return TRUE;
}

/* The nodes a file holds, all of @kind: articles or divisions as they
 * stand in a regulation, members, points or paragraphs as they stand in
 * an article.  An empty file holds none: the node goes. */
GPtrArray *
_amend_merge_parse_nodes (const char    *text,
                          AmendNodeKind  kind,
                          GError       **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_node_free);
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  AmendNode *from;

  if (*trimmed == '\0')
    return g_steal_pointer (&nodes);
  doc = needs_stand_in (kind) ? parse (STAND_IN, trimmed, "\n", error) : parse ("", trimmed, "\n", error);
  if (doc == NULL)
    return NULL;
  from = amend_document_get_root (doc);
  if (needs_stand_in (kind))
    from = first_of_kind (from, AMEND_NODE_ARTICLE);
  if (needs_stand_in (kind) && from != NULL && holds_more (doc, from))
    {
      g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                   _("the conflict is about a %s, and the text holds a heading that would end the article; write "
                     "only what takes its place"), kind_name (kind));
      return NULL;
    }
  for (guint i = 0; from && i < amend_node_n_children (from); i++)
    {
      AmendNode *n = amend_node_child (from, i);

      if (n->kind == AMEND_NODE_PREAMBLE && amend_node_n_children (n) == 0)
        continue;
      if (n->kind != kind)
        {
          g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                       _("the conflict is about a %s, and the text holds a %s; write only what takes its place"),
                       kind_name (kind), kind_name (n->kind));
          return NULL;
        }
      g_ptr_array_add (nodes, amend_node_copy (n));
    }
  return g_steal_pointer (&nodes);
}

gboolean
_amend_merge_parse_meta (const char    *text,
                         AmendDocument *into,
                         GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(AmendDocument) doc = parse ("---\n", trimmed, "\n---\n", error);

  if (doc == NULL)
    return FALSE;
  _amend_merge_copy_meta (doc, into);
  return TRUE;
}
