/* amend-eid.c: eIds in the form STOP and Akoma Ntoso use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chp_1__art_1.1__para_2__list_o_1__item_a: each level is a prefix for its
 * kind and the number as written, levels joined by "__"; a node without a
 * number gets "o_" and its ordinal.  Numbers keep only [A-Za-z0-9.-] (":"
 * becomes "."), which satisfies both STOP's xs:NMTOKEN and Akoma Ntoso's
 * noWhiteSpace, and the STOP convention of art_10.1 for "Artikel 10:1".
 */
#include "config.h"

#include <string.h>

#include "amend-document-private.h"

/* Appends the number in eId form; returns FALSE when nothing is left. */
static gboolean
append_number (GString    *s,
               const char *number)
{
  gsize start = s->len;

  for (const char *p = number; p && *p; p++)
    {
      if (g_ascii_isalnum (*p) || ((*p == '-' || *p == '.') && s->len > start))
        g_string_append_c (s, *p);
      else if (*p == ':' && s->len > start)
        g_string_append_c (s, '.');
    }
  while (s->len > start && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == '-'))
    g_string_truncate (s, s->len - 1);
  return s->len > start;
}

static void
append_uint (GString *s,
             guint    n)
{
  char buf[16];
  int i = sizeof buf;

  do
    buf[--i] = '0' + n % 10;
  while ((n /= 10) > 0);
  g_string_append_len (s, buf + i, sizeof buf - i);
}

/* Appends the node's own part of the eId: "art_1.1", "list_o_1__item_a". */
static void
append_local (GString   *s,
              AmendNode *node,
              guint      ordinal,
              guint      list_ordinal)
{
  const char *prefix = amend_node_kind_eid_prefix (node->kind);
  gsize mark;

  if (node->kind == AMEND_NODE_PREAMBLE)
    {
      g_string_append (s, "preamble");
      return;
    }
  if (node->kind == AMEND_NODE_POINT)
    {
      g_string_append (s, "list_o_");
      append_uint (s, list_ordinal);
      g_string_append (s, "__item_");
      if (!append_number (s, node->number))
        {
          g_string_append (s, "o_");
          append_uint (s, ordinal);
        }
      return;
    }
  g_string_append (s, prefix);
  g_string_append_c (s, '_');
  mark = s->len;
  if (node->kind == AMEND_NODE_TEXT || !append_number (s, node->number))
    {
      g_string_truncate (s, mark);
      g_string_append (s, "o_");
      append_uint (s, ordinal);
    }
}

/* Whether @local is the own part of one of the first @n children. */
static gboolean
local_taken (AmendNode  *parent,
             guint       n,
             gsize      *offsets,
             GHashTable *used,
             const char *local)
{
  if (used != NULL)
    return g_hash_table_contains (used, local);
  for (guint k = 0; k < n; k++)
    if (strcmp (amend_node_child (parent, k)->eid + offsets[k], local) == 0)
      return TRUE;
  return FALSE;
}

/* eIds are unique when every parent's eId is and its children's own parts
 * differ: the own parts hold no "__".  So only siblings are compared: a
 * few one by one, many in a table emptied for each parent. */
#define FEW_SIBLINGS 16

static void
assign_children (AmendNode  *parent,
                 GHashTable *table,
                 GString    *buf)
{
  GHashTable *used = amend_node_n_children (parent) > FEW_SIBLINGS ? table : NULL;
  gsize offsets[FEW_SIBLINGS];
  guint ordinals[AMEND_N_NODE_KINDS] = { 0 };
  guint list_ordinal = 0;
  gboolean in_list = FALSE;
  gboolean top = parent->kind == AMEND_NODE_REGULATION;

  for (guint i = 0; i < amend_node_n_children (parent); i++)
    {
      AmendNode *child = amend_node_child (parent, i);
      gsize prefix, base;
      guint n = 2;

      if (child->kind == AMEND_NODE_POINT && !in_list)
        list_ordinal++;
      in_list = child->kind == AMEND_NODE_POINT;

      g_string_truncate (buf, 0);
      if (!top)
        {
          g_string_append (buf, parent->eid);
          g_string_append (buf, "__");
        }
      prefix = buf->len;
      append_local (buf, child, ++ordinals[child->kind], list_ordinal);
      base = buf->len;
      while (local_taken (parent, i, offsets, used, buf->str + prefix))
        {
          g_string_truncate (buf, base);
          g_string_append_c (buf, '-');
          append_uint (buf, n++);
        }
      g_free (child->eid);
      child->eid = g_strndup (buf->str, buf->len);
      if (used != NULL)
        g_hash_table_add (used, child->eid + prefix);
      else
        offsets[i] = prefix;
    }
  if (used != NULL)
    g_hash_table_remove_all (used);
}

/**
 * amend_document_assign_eids:
 *
 * Gives every node an eId that is unique in the document.  Called after
 * reading and after every change to the tree.
 */
void
amend_document_assign_eids (AmendDocument *self)
{
  AmendNode *root = amend_document_get_root (self);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) buf = g_string_new (NULL);

  g_free (root->eid);
  root->eid = g_strdup ("body");

  /* Pre-order: a parent has its eId before its children get theirs. */
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (amend_node_n_children (n) > 0)
      assign_children (n, used, buf);

  _amend_document_forget_eids (self);
}
