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

static char *
sanitize_number (const char *number)
{
  GString *s = g_string_new (NULL);

  for (const char *p = number; p && *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
        g_string_append_c (s, *p);
      else if (*p == ':')
        g_string_append_c (s, '.');
    }
  while (s->len > 0 && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == '-'))
    g_string_truncate (s, s->len - 1);
  while (s->len > 0 && (s->str[0] == '.' || s->str[0] == '-'))
    g_string_erase (s, 0, 1);
  return g_string_free (s, FALSE);
}

static char *
local_id (AmendNode *node,
          guint      ordinal,
          guint      list_ordinal)
{
  const char *prefix = amend_node_kind_eid_prefix (node->kind);
  g_autofree char *num = NULL;

  if (node->kind == AMEND_NODE_PREAMBLE)
    return g_strdup ("preamble");
  if (node->kind != AMEND_NODE_TEXT)
    num = sanitize_number (node->number);

  if (node->kind == AMEND_NODE_POINT)
    {
      if (num && num[0])
        return g_strdup_printf ("list_o_%u__item_%s", list_ordinal, num);
      return g_strdup_printf ("list_o_%u__item_o_%u", list_ordinal, ordinal);
    }
  if (num && num[0])
    return g_strdup_printf ("%s_%s", prefix, num);
  return g_strdup_printf ("%s_o_%u", prefix, ordinal);
}

static void
assign_children (AmendNode  *parent,
                 GHashTable *used)
{
  guint ordinals[AMEND_N_NODE_KINDS] = { 0 };
  guint list_ordinal = 0;
  gboolean in_list = FALSE;
  gboolean top = parent->kind == AMEND_NODE_REGULATION;

  for (guint i = 0; i < amend_node_n_children (parent); i++)
    {
      AmendNode *child = amend_node_child (parent, i);
      g_autofree char *local = NULL;
      char *eid;
      guint n = 2;

      if (child->kind == AMEND_NODE_POINT && !in_list)
        list_ordinal++;
      in_list = child->kind == AMEND_NODE_POINT;

      local = local_id (child, ++ordinals[child->kind], list_ordinal);
      eid = top ? g_strdup (local) : g_strconcat (parent->eid, "__", local, NULL);
      while (g_hash_table_contains (used, eid))
        {
          g_free (eid);
          eid = top ? g_strdup_printf ("%s-%u", local, n++)
                    : g_strdup_printf ("%s__%s-%u", parent->eid, local, n++);
        }
      g_free (child->eid);
      child->eid = eid;
      g_hash_table_add (used, eid);
    }
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

  g_free (root->eid);
  root->eid = g_strdup ("body");
  g_hash_table_add (used, root->eid);

  /* Pre-order: a parent has its eId before its children get theirs. */
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (amend_node_n_children (n) > 0)
      assign_children (n, used);

  _amend_document_forget_eids (self);
}
