/* amend-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-node.h"

G_DEFINE_BOXED_TYPE (AmendNode, amend_node, amend_node_copy, amend_node_free)

static const struct {
  const char *name;
  const char *word;
  const char *eid_prefix;
} kinds[AMEND_N_NODE_KINDS] = {
  [AMEND_NODE_REGULATION]  = { "regulation",  NULL,            "body" },
  [AMEND_NODE_PREAMBLE]    = { "preamble",    NULL,            "preamble" },
  [AMEND_NODE_CHAPTER]     = { "chapter",     "Hoofdstuk",     "chp" },
  [AMEND_NODE_TITLE]       = { "title",       "Titel",         "title" },
  [AMEND_NODE_DIVISION]    = { "division",    "Afdeling",      "subchp" },
  [AMEND_NODE_SECTION]     = { "section",     "Paragraaf",     "subsec" },
  [AMEND_NODE_ANNEX]       = { "annex",       "Bijlage",       "cmp" },
  [AMEND_NODE_ARTICLE]     = { "article",     "Artikel",       "art" },
  [AMEND_NODE_MEMBER]      = { "member",      NULL,            "para" },
  [AMEND_NODE_POINT]       = { "point",       NULL,            "item" },
  [AMEND_NODE_TEXT]        = { "text",        NULL,            "p" },
  [AMEND_NODE_EXPLANATION] = { "explanation", "Toelichting",   "expl" },
  [AMEND_NODE_CLOSING]     = { "closing",     "Ondertekening", "closing" },
};

const char *
amend_node_kind_to_string (AmendNodeKind kind)
{
  g_return_val_if_fail (kind < AMEND_N_NODE_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
amend_node_kind_from_string (const char    *name,
                             AmendNodeKind *kind)
{
  for (guint i = 0; i < AMEND_N_NODE_KINDS; i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
amend_node_kind_word (AmendNodeKind kind)
{
  g_return_val_if_fail (kind < AMEND_N_NODE_KINDS, NULL);
  return kinds[kind].word;
}

/**
 * amend_node_number_delimiter:
 *
 * What follows a member's number where it is written: "." after "2" or
 * "2a", nothing after "(1)", which carries its own.
 */
const char *
amend_node_number_delimiter (const AmendNode *member)
{
  const char *number = member->number ? member->number : "";

  return number[0] == '(' && g_str_has_suffix (number, ")") ? "" : ".";
}

const char *
amend_node_kind_eid_prefix (AmendNodeKind kind)
{
  g_return_val_if_fail (kind < AMEND_N_NODE_KINDS, NULL);
  return kinds[kind].eid_prefix;
}

static void
run_clear (gpointer data)
{
  AmendRun *run = data;

  g_clear_pointer (&run->text, g_free);
  g_clear_pointer (&run->href, g_free);
}

AmendNode *
amend_node_new (AmendNodeKind kind)
{
  AmendNode *node = g_slice_new0 (AmendNode);

  node->kind = kind;
  return node;
}

static void
amend_node_free_one (AmendNode *node)
{
  g_free (node->word);
  g_free (node->number);
  g_free (node->heading);
  g_free (node->eid);
  if (node->runs)
    g_array_unref (node->runs);
  if (node->children)
    g_ptr_array_unref (node->children);
  g_slice_free (AmendNode, node);
}

/* Iterative, so that a tree of any depth is freed without deep recursion. */
void
amend_node_free (AmendNode *node)
{
  GPtrArray *stack;

  if (node == NULL)
    return;

  if (node->parent != NULL)
    {
      amend_node_steal (node->parent, node->pos);
    }

  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, node);
  while (stack->len > 0)
    {
      AmendNode *n = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (n->children)
        {
          /* The children are freed here, not by the array. */
          g_ptr_array_set_free_func (n->children, NULL);
          for (guint i = 0; i < n->children->len; i++)
            {
              AmendNode *child = g_ptr_array_index (n->children, i);
              child->parent = NULL;
              g_ptr_array_add (stack, child);
            }
        }
      amend_node_free_one (n);
    }
  g_ptr_array_unref (stack);
}

static AmendNode *
copy_one (const AmendNode *node)
{
  AmendNode *copy = amend_node_new (node->kind);

  copy->word = g_strdup (node->word);
  copy->number = g_strdup (node->number);
  copy->heading = g_strdup (node->heading);
  copy->eid = g_strdup (node->eid);
  copy->line_start = node->line_start;
  copy->line_end = node->line_end;
  copy->heading_level = node->heading_level;
  copy->unread = node->unread;
  if (node->runs)
    for (guint i = 0; i < node->runs->len; i++)
      {
        const AmendRun *run = &g_array_index (node->runs, AmendRun, i);
        amend_node_add_run (copy, run->text, -1, run->marks, run->href);
      }
  return copy;
}

AmendNode *
amend_node_copy (const AmendNode *node)
{
  AmendNode *root;
  const AmendNode *src;
  AmendNode *dst;

  g_return_val_if_fail (node != NULL, NULL);

  root = copy_one (node);
  src = node;
  dst = root;
  /* Walk the source in pre-order, keeping dst at the matching copy. */
  while (src != NULL)
    {
      if (amend_node_n_children (src) > 0)
        {
          AmendNode *child = copy_one (amend_node_child (src, 0));
          amend_node_append (dst, child);
          src = amend_node_child (src, 0);
          dst = child;
          continue;
        }
      while (src != node)
        {
          int idx = amend_node_index (src);
          AmendNode *sparent = src->parent;

          dst = dst->parent;
          if ((guint) idx + 1 < amend_node_n_children (sparent))
            {
              AmendNode *child = copy_one (amend_node_child (sparent, idx + 1));
              amend_node_append (dst, child);
              src = amend_node_child (sparent, idx + 1);
              dst = child;
              break;
            }
          src = sparent;
        }
      if (src == node)
        break;
    }
  return root;
}

static void
ensure_children (AmendNode *parent)
{
  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_node_free);
}

void
amend_node_append (AmendNode *parent,
                   AmendNode *child)
{
  g_return_if_fail (parent != NULL && child != NULL && child->parent == NULL);

  ensure_children (parent);
  child->parent = parent;
  child->pos = parent->children->len;
  g_ptr_array_add (parent->children, child);
}

static void
renumber (AmendNode *parent,
          guint      from)
{
  for (guint i = from; i < parent->children->len; i++)
    ((AmendNode *) g_ptr_array_index (parent->children, i))->pos = i;
}

void
amend_node_insert (AmendNode *parent,
                   guint      index,
                   AmendNode *child)
{
  g_return_if_fail (parent != NULL && child != NULL && child->parent == NULL);

  ensure_children (parent);
  child->parent = parent;
  index = MIN (index, parent->children->len);
  g_ptr_array_insert (parent->children, index, child);
  renumber (parent, index);
}

AmendNode *
amend_node_steal (AmendNode *parent,
                  guint      index)
{
  AmendNode *child;

  g_return_val_if_fail (index < amend_node_n_children (parent), NULL);

  child = g_ptr_array_steal_index (parent->children, index);
  child->parent = NULL;
  child->pos = 0;
  renumber (parent, index);
  return child;
}

guint
amend_node_n_children (const AmendNode *node)
{
  return node->children ? node->children->len : 0;
}

AmendNode *
amend_node_child (const AmendNode *node,
                  guint            index)
{
  g_return_val_if_fail (index < amend_node_n_children (node), NULL);
  return g_ptr_array_index (node->children, index);
}

int
amend_node_index (const AmendNode *node)
{
  if (node->parent == NULL)
    return -1;
  return (int) node->pos;
}

void
amend_node_add_run (AmendNode  *node,
                    const char *text,
                    gssize      len,
                    AmendMarks  marks,
                    const char *href)
{
  AmendRun run = { 0 };

  if (node->runs == NULL)
    {
      node->runs = g_array_new (FALSE, TRUE, sizeof (AmendRun));
      g_array_set_clear_func (node->runs, run_clear);
    }

  /* Adjacent runs with the same marks are one run: keeps the model canonical. */
  if (node->runs->len > 0 && !(marks & (AMEND_MARK_BREAK | AMEND_MARK_CODE | AMEND_MARK_HTML)))
    {
      AmendRun *last = &g_array_index (node->runs, AmendRun, node->runs->len - 1);

      if (last->marks == marks && g_strcmp0 (last->href, href) == 0)
        {
          char *joined;

          if (len < 0)
            len = strlen (text);
          gsize old = strlen (last->text);

          joined = g_malloc (old + len + 1);
          memcpy (joined, last->text, old);
          memcpy (joined + old, text, len);
          joined[old + len] = '\0';
          g_free (last->text);
          last->text = joined;
          return;
        }
    }

  run.text = len < 0 ? g_strdup (text ? text : "") : g_strndup (text, len);
  run.href = g_strdup (href);
  run.marks = marks;
  g_array_append_val (node->runs, run);
}

/* The text of one TEXT node, marks dropped, a line break as a space. */
char *
amend_node_get_plain_text (const AmendNode *node)
{
  GString *str = g_string_new (NULL);

  if (node->runs)
    for (guint i = 0; i < node->runs->len; i++)
      {
        const AmendRun *run = &g_array_index (node->runs, AmendRun, i);

        if (run->marks & AMEND_MARK_BREAK)
          g_string_append_c (str, ' ');
        else if (!(run->marks & AMEND_MARK_HTML))
          g_string_append (str, run->text);
      }
  return g_string_free (str, FALSE);
}

/* All text below a node, paragraphs separated by newlines; used by checks
 * and searches. */
char *
amend_node_get_text_content (const AmendNode *node)
{
  GString *str = g_string_new (NULL);

  for (const AmendNode *n = node; n != NULL; n = amend_node_next (n, node))
    if (n->kind == AMEND_NODE_TEXT)
      {
        g_autofree char *plain = amend_node_get_plain_text (n);

        if (str->len > 0)
          g_string_append_c (str, '\n');
        g_string_append (str, plain);
      }
  return g_string_free (str, FALSE);
}

gboolean
amend_node_is_division (const AmendNode *node)
{
  switch (node->kind)
    {
    case AMEND_NODE_CHAPTER:
    case AMEND_NODE_TITLE:
    case AMEND_NODE_DIVISION:
    case AMEND_NODE_SECTION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Structural nodes are those written as a heading with a kind word. */
gboolean
amend_node_is_structural (const AmendNode *node)
{
  switch (node->kind)
    {
    case AMEND_NODE_ANNEX:
    case AMEND_NODE_ARTICLE:
    case AMEND_NODE_EXPLANATION:
    case AMEND_NODE_CLOSING:
      return TRUE;
    default:
      return amend_node_is_division (node);
    }
}

AmendNode *
amend_node_find_ancestor (const AmendNode *node,
                          AmendNodeKind    kind)
{
  for (AmendNode *n = node->parent; n != NULL; n = n->parent)
    if (n->kind == kind)
      return n;
  return NULL;
}

/* Pre-order successor of @node within the subtree of @root. */
AmendNode *
amend_node_next (const AmendNode *node,
                 const AmendNode *root)
{
  if (amend_node_n_children (node) > 0)
    return amend_node_child (node, 0);

  while (node != root && node->parent != NULL)
    {
      int idx = amend_node_index (node);

      if ((guint) idx + 1 < amend_node_n_children (node->parent))
        return amend_node_child (node->parent, idx + 1);
      node = node->parent;
    }
  return NULL;
}
