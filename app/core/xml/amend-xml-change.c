/* amend-xml-change.c: a change between two versions, as the XML exports write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STOP change export (a RegelingMutatie) and the Akoma Ntoso amendment
 * say the same thing in two vocabularies, so what they say is worked out
 * here once, from the legal diff and its instructions:
 *
 *  - the mutations, one or more per lettered instruction: an article whose
 *    text changed is replaced whole, in renvooi; a new article is added
 *    after (or before) its neighbour; a deleted one is removed; a heading
 *    alone gets a new Kop;
 *  - for a replaced element, a renvooi tree: a copy of the new element
 *    with the deleted parts put back where they stood, each node knowing
 *    its counterpart in the old version and whether it came or went, so
 *    that the ordinary node writers of amend-stop-export.c and
 *    amend-akn-export.c can write it with a few hooks;
 *  - where every element's identity comes from: the eId it had in the old
 *    version, which STOP's wId must keep when the element is renumbered.
 *
 * Copies carry copies of their ancestors, so that code that looks upward
 * (which STOP element a Paragraaf in a Paragraaf is) sees the same tree.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-instructions.h"
#include "amend-xml-change.h"
#include "amend-xml-private.h"
#include "amend-words.h"

typedef struct {
  const AmendNode *old_node;
  const AmendNode *new_node;
  AmendXmlState    state;
} NodeInfo;

struct _AmendXmlChange
{
  AmendDiff  *diff;
  GPtrArray  *warnings;    /* of AmendDiagnostic, may be NULL */
  GPtrArray  *mutations;   /* of AmendXmlMutation */
  GHashTable *info;        /* written node -> NodeInfo */
  GHashTable *origin;      /* eId in the new version -> its eId in the old one, NULL when new */
  GHashTable *renamed;     /* eId given to a deleted element -> the eId it had */
  const AmendInstruction *current; /* the instruction being turned into mutations */
};

static void
mutation_free (gpointer data)
{
  AmendXmlMutation *m = data;

  g_free (m->number);
  g_free (m->wat);
  amend_node_free (m->owned);
  g_free (m);
}

static const AmendNode *
partner (AmendXmlChange  *self,
         const AmendNode *node,
         gboolean         node_is_old)
{
  return amend_diff_get_partner (self->diff, node, node_is_old);
}

static void
remember (AmendXmlChange  *self,
          const AmendNode *written,
          const AmendNode *old_node,
          const AmendNode *new_node,
          AmendXmlState    state)
{
  NodeInfo *info = g_new0 (NodeInfo, 1);

  info->old_node = old_node;
  info->new_node = new_node;
  info->state = state;
  g_hash_table_replace (self->info, (gpointer) written, info);
}

/* ----------------------------------------------------------------------- */
/* Identities                                                               */
/* ----------------------------------------------------------------------- */

static void
note_origin (AmendXmlChange *self,
             const char     *eid,
             const char     *old_eid)
{
  if (eid != NULL && !g_hash_table_contains (self->origin, eid))
    g_hash_table_insert (self->origin, g_strdup (eid), g_strdup (old_eid));
}

/* Every eId of the new version, lists included, with the one it had. */
static void
index_origins (AmendXmlChange *self)
{
  const AmendNode *root = amend_document_get_root (amend_diff_get_new (self->diff));

  for (guint pass = 0; pass < 2; pass++)
    for (const AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
      {
        const AmendNode *o = partner (self, n, FALSE);

        /* Paired nodes first, so that a list keeps the id of the list it
         * was even when its first point is new. */
        if ((pass == 0) != (o != NULL))
          continue;
        note_origin (self, n->eid, o ? o->eid : NULL);
        if (n->kind == AMEND_NODE_POINT)
          {
            g_autofree char *list = _amend_xml_list_eid (n);
            g_autofree char *old_list = o ? _amend_xml_list_eid (o) : NULL;

            note_origin (self, list, old_list);
          }
      }
}

/**
 * amend_xml_change_origin:
 * @old_eid: (out): the eId the element had in the old version, %NULL when
 *   it is new
 *
 * Returns: %FALSE when @eid is not one of the new version or of a renamed
 *   deleted element: an element of the old version under its own eId, or
 *   an id a writer made up.
 */
gboolean
amend_xml_change_origin (AmendXmlChange  *self,
                         const char      *eid,
                         const char     **old_eid)
{
  gpointer value;

  if (eid == NULL)
    return FALSE;
  if (g_hash_table_lookup_extended (self->renamed, eid, NULL, &value) ||
      g_hash_table_lookup_extended (self->origin, eid, NULL, &value))
    {
      *old_eid = value;
      return TRUE;
    }
  return FALSE;
}

/* Whether the new version has an element (or a list) with @eid. */
gboolean
amend_xml_change_in_new (AmendXmlChange *self,
                         const char     *eid)
{
  return eid != NULL && g_hash_table_contains (self->origin, eid);
}

/* ----------------------------------------------------------------------- */
/* Copies                                                                   */
/* ----------------------------------------------------------------------- */

static AmendNode *
shallow_copy (const AmendNode *node)
{
  AmendNode *copy = amend_node_new (node->kind);

  copy->word = g_strdup (node->word);
  copy->number = g_strdup (node->number);
  copy->heading = g_strdup (node->heading);
  copy->eid = g_strdup (node->eid);
  copy->line_start = node->line_start;
  copy->line_end = node->line_end;
  copy->heading_level = node->heading_level;
  for (guint i = 0; node->runs && i < node->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (node->runs, AmendRun, i);
      amend_node_add_run (copy, run->text, -1, run->marks, run->href);
    }
  return copy;
}

/* Puts @copy under copies of the ancestors of @original; returns the top,
 * which owns it all. */
static AmendNode *
wrap_in_ancestors (AmendNode       *copy,
                   const AmendNode *original)
{
  AmendNode *top = copy;

  for (const AmendNode *a = original->parent; a != NULL; a = a->parent)
    {
      AmendNode *above = shallow_copy (a);

      amend_node_append (above, top);
      top = above;
    }
  return top;
}

/* A deleted element, written beside the new text or in a Verwijder.  Its
 * eId may since belong to another element (article 6 became 5 when 5 was
 * deleted): it then gets the suffix the standard's examples use,
 * "art_5_inst2", and keeps its old eId as its identity (the wId). */
static AmendNode *
copy_deleted (AmendXmlChange  *self,
              const AmendNode *old_node)
{
  AmendNode *copy = amend_node_copy (old_node);
  AmendDocument *new_doc = amend_diff_get_new (self->diff);
  const char *eid = old_node->eid;
  g_autofree char *renamed = NULL;
  gsize prefix_len;

  if (eid == NULL || amend_document_find_eid (new_doc, eid) == NULL)
    return copy;
  for (guint k = 2; renamed == NULL || amend_document_find_eid (new_doc, renamed) != NULL ||
                    g_hash_table_contains (self->renamed, renamed); k++)
    {
      g_free (renamed);
      renamed = g_strdup_printf ("%s_inst%u", eid, k);
    }
  prefix_len = strlen (eid);
  for (AmendNode *n = copy; n != NULL; n = amend_node_next (n, copy))
    {
      char *was;

      if (n->eid == NULL || strncmp (n->eid, eid, prefix_len) != 0)
        continue;
      was = n->eid;
      n->eid = g_strconcat (renamed, was + prefix_len, NULL);
      if (n->kind == AMEND_NODE_POINT)
        {
          g_autofree char *list = _amend_xml_list_eid (n);

          /* A list inside the renamed element is renamed with it. */
          if (g_str_has_prefix (list, renamed) && !g_hash_table_contains (self->renamed, list))
            g_hash_table_insert (self->renamed, g_strdup (list),
                                 g_strconcat (eid, list + strlen (renamed), NULL));
        }
      g_hash_table_replace (self->renamed, g_strdup (n->eid), was);
    }
  return copy;
}

static void
append_deleted (AmendXmlChange  *self,
                AmendNode       *merged,
                const AmendNode *old_parent,
                guint            index,
                const AmendNode *new_parent)
{
  const AmendNode *d = amend_node_child (old_parent, index);
  const AmendNode *p = partner (self, d, TRUE);
  AmendNode *copy;

  /* Only reordered within the same parent: it shows where it is now. */
  if (p != NULL && p->parent == new_parent)
    return;
  copy = copy_deleted (self, d);
  remember (self, copy, d, NULL, AMEND_XML_DELETED);
  amend_node_append (merged, copy);
}

/* The renvooi tree of a pair: the new node's children in their order, the
 * deleted ones of the old node put back before the next child that stays,
 * as the diff reports them. */
static AmendNode *
merge (AmendXmlChange  *self,
       const AmendNode *o,
       const AmendNode *n)
{
  AmendNode *m = shallow_copy (n);
  guint next_old = 0;

  remember (self, m, o, n, AMEND_XML_SAME);
  for (guint i = 0; i < amend_node_n_children (n); i++)
    {
      const AmendNode *nc = amend_node_child (n, i);
      const AmendNode *oc = partner (self, nc, FALSE);

      if (oc != NULL && oc->parent == o)
        {
          for (; next_old < oc->pos; next_old++)
            append_deleted (self, m, o, next_old, n);
          next_old = MAX (next_old, oc->pos + 1);
          amend_node_append (m, merge (self, oc, nc));
        }
      else
        {
          /* New here, or moved here from elsewhere. */
          AmendNode *copy = amend_node_copy (nc);

          remember (self, copy, NULL, nc, AMEND_XML_INSERTED);
          amend_node_append (m, copy);
        }
    }
  for (; next_old < amend_node_n_children (o); next_old++)
    append_deleted (self, m, o, next_old, n);
  return m;
}

/* ----------------------------------------------------------------------- */
/* Mutations                                                                */
/* ----------------------------------------------------------------------- */

static AmendXmlMutation *
add_mutation (GPtrArray            *list,
              AmendXmlMutationKind  kind,
              const AmendNode      *target,
              const AmendNode      *node,
              AmendNode            *owned)
{
  AmendXmlMutation *m = g_new0 (AmendXmlMutation, 1);

  m->kind = kind;
  m->target = target;
  m->node = node;
  m->owned = owned;
  g_ptr_array_add (list, m);
  return m;
}

static AmendXmlMutation *
find_target (GPtrArray       *list,
             const AmendNode *old_node)
{
  for (guint i = 0; i < list->len; i++)
    {
      AmendXmlMutation *m = g_ptr_array_index (list, i);

      if (m->target == old_node)
        return m;
    }
  return NULL;
}

static gboolean
targets (GPtrArray       *list,
         const AmendNode *old_node)
{
  return find_target (list, old_node) != NULL;
}

static void
add_replace (AmendXmlChange       *self,
             GPtrArray            *list,
             AmendXmlMutationKind  kind,
             const AmendNode      *o,
             const AmendNode      *n)
{
  AmendNode *merged;
  AmendXmlMutation *earlier;

  if (targets (list, o))
    return;
  /* Replaced already for an instruction before: that replacement, in
   * renvooi, shows this change too; its Wat says both. */
  if ((earlier = find_target (self->mutations, o)) != NULL)
    {
      char *wat = g_strdup_printf ("%s%s%s. %s", earlier->wat ? earlier->wat : "", earlier->wat ? "\n" : "",
                                   self->current->letter, self->current->summary);

      g_free (earlier->wat);
      earlier->wat = wat;
      return;
    }
  merged = merge (self, o, n);
  add_mutation (list, kind, o, merged, wrap_in_ancestors (merged, n));
}

static void
add_remove (AmendXmlChange  *self,
            GPtrArray       *list,
            const AmendNode *o)
{
  AmendNode *copy = copy_deleted (self, o);

  add_mutation (list, AMEND_XML_REMOVE, o, copy, wrap_in_ancestors (copy, o));
}

/* Siblings a VoegToe can name: they have a wId. */
static gboolean
is_unit (const AmendNode *node)
{
  return node->kind == AMEND_NODE_ARTICLE || node->kind == AMEND_NODE_ANNEX || amend_node_is_division (node);
}

/* An annex follows the body and other annexes, never an article or a
 * division inside the body (STOP's Bijlage stands after the Lichaam). */
static gboolean
same_zone (const AmendNode *a,
           const AmendNode *b)
{
  return (a->kind == AMEND_NODE_ANNEX) == (b->kind == AMEND_NODE_ANNEX);
}

/* A new element goes after the unit before it (new or not: a VoegToe
 * before this one added it), else before the next one that was there. */
static void
add_insert (AmendXmlChange  *self,
            GPtrArray       *list,
            const AmendNode *n)
{
  const AmendNode *parent = n->parent;
  AmendXmlMutation *m;

  for (int i = (int) n->pos - 1; i >= 0; i--)
    if (is_unit (amend_node_child (parent, i)) && same_zone (amend_node_child (parent, i), n))
      {
        m = add_mutation (list, AMEND_XML_INSERT, NULL, n, NULL);
        m->context = amend_node_child (parent, i);
        return;
      }
  for (guint i = n->pos + 1; i < amend_node_n_children (parent); i++)
    {
      const AmendNode *s = amend_node_child (parent, i);

      if (is_unit (s) && same_zone (s, n) && partner (self, s, FALSE) != NULL)
        {
          m = add_mutation (list, AMEND_XML_INSERT, NULL, n, NULL);
          m->context = s;
          m->before = TRUE;
          return;
        }
    }
  if (n->kind == AMEND_NODE_ANNEX)
    {
      add_mutation (list, AMEND_XML_INSERT, NULL, n, NULL);
      return;
    }
  /* Alone in its part: STOP places by a neighbour only, so the part is
   * replaced with it in renvooi. */
  if (partner (self, parent, FALSE) != NULL)
    add_replace (self, list, AMEND_XML_REPLACE, partner (self, parent, FALSE), parent);
}

/* Only the Kop of @n changed: its heading, or the number of a division
 * (an article renumbered is replaced whole, its eIds all change). */
static gboolean
heading_only (const AmendInstructionUnit *unit)
{
  for (guint i = 0; i < unit->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (unit->changes, i);

      if (c->new_node != unit->new_node)
        return FALSE;
      if (c->action == AMEND_CHANGE_MODIFIED && c->heading_changed)
        continue;
      if (c->action == AMEND_CHANGE_RENUMBERED && c->kind != AMEND_NODE_ARTICLE)
        continue;
      return FALSE;
    }
  return unit->changes->len > 0;
}

static gboolean
only_renumbered (const AmendInstructionUnit *unit)
{
  gboolean any = FALSE;

  for (guint i = 0; i < unit->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (unit->changes, i);

      if (c->new_node != unit->new_node)
        continue;
      if (c->action != AMEND_CHANGE_RENUMBERED)
        return FALSE;
      any = TRUE;
    }
  return any;
}

static void
warn_skipped (AmendXmlChange         *self,
              const AmendInstruction *instruction,
              const AmendNode        *any)
{
  _amend_xml_warn (self->warnings, any ? any->line_start : 0, any ? any->eid : NULL,
                   _("instruction %s changes text outside the articles, divisions and annexes "
                     "(the preamble, or text before the first part), which a change export has no place for; "
                     "it was left out"), instruction->letter);
}

/* The division of the same kind right before @division, or NULL. */
static const AmendNode *
division_before (const AmendNode *division)
{
  for (guint i = division->pos; i-- > 0; )
    {
      const AmendNode *s = amend_node_child (division->parent, i);

      if (s->kind == division->kind)
        return s;
    }
  return NULL;
}

/* A division whose heading alone went (or came), its articles staying
 * where they were: in its parent, or in the division before it (where
 * the articles of the last division of a chapter go when its heading
 * goes), as the instructions say it (only_the_heading()). */
static gboolean
is_lifted (AmendXmlChange  *self,
           const AmendNode *division,
           gboolean         is_old)
{
  const AmendNode *parent = division->parent;
  const AmendNode *other = parent ? partner (self, parent, is_old) : NULL;
  const AmendNode *before = parent ? division_before (division) : NULL;
  const AmendNode *before_other = before ? partner (self, before, is_old) : NULL;

  if (!amend_node_is_division (division) || other == NULL || amend_node_n_children (division) == 0)
    return FALSE;
  for (guint i = 0; i < amend_node_n_children (division); i++)
    {
      const AmendNode *a = amend_node_child (division, i);
      const AmendNode *p = partner (self, a, is_old);

      if (a->kind != AMEND_NODE_ARTICLE || p == NULL ||
          (p->parent != other && (before_other == NULL || p->parent != before_other)))
        return FALSE;
    }
  return TRUE;
}

/* STOP has no mutation for a heading without its content: the division
 * goes with its articles, which come back where they stand now; or the
 * articles go from where they stood, and come back in the new division. */
static gboolean
add_lifted (AmendXmlChange         *self,
            GPtrArray              *list,
            const AmendInstruction *instruction)
{
  const AmendInstructionUnit *d = g_ptr_array_index (instruction->units, 0);
  gboolean gone = d->new_node == NULL;

  if ((d->old_node == NULL) == (d->new_node == NULL) ||
      !is_lifted (self, gone ? d->old_node : d->new_node, gone))
    return FALSE;
  if (gone)
    add_remove (self, list, d->old_node);
  for (guint i = 1; i < instruction->units->len; i++)
    {
      const AmendInstructionUnit *u = g_ptr_array_index (instruction->units, i);

      if (u->old_node == NULL || u->new_node == NULL)
        continue;
      if (gone)
        add_insert (self, list, u->new_node);
      else
        add_remove (self, list, u->old_node);
    }
  if (!gone)
    add_insert (self, list, d->new_node);
  return TRUE;
}

/* The mutations of one element of an instruction, appended to @list. */
static void
add_unit (AmendXmlChange             *self,
          GPtrArray                  *list,
          const AmendInstruction     *instruction,
          const AmendInstructionUnit *unit)
{
  const AmendNode *o = unit->old_node;
  const AmendNode *n = unit->new_node;

  if (o == NULL && n == NULL)
    return;
  if (o == NULL)
    {
      if (is_unit (n))
        add_insert (self, list, n);
      else
        warn_skipped (self, instruction, n);
      return;
    }
  if (n == NULL)
    {
      add_remove (self, list, o);
      return;
    }
  if (!is_unit (n) && n->kind != AMEND_NODE_EXPLANATION)
    {
      warn_skipped (self, instruction, n);
      return;
    }
  for (guint i = 0; i < unit->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (unit->changes, i);

      /* Moved: out of its old place, into the new one. */
      if (c->action == AMEND_CHANGE_MOVED && c->new_node == n)
        {
          add_remove (self, list, o);
          add_insert (self, list, n);
          return;
        }
    }
  if (heading_only (unit))
    add_replace (self, list, AMEND_XML_REPLACE_HEADING, o, n);
  else
    {
      guint before = list->len;

      add_replace (self, list, AMEND_XML_REPLACE, o, n);
      if (list->len > before && only_renumbered (unit))
        ((AmendXmlMutation *) g_ptr_array_index (list, list->len - 1))->renumbered = TRUE;
    }
}

/* Whether a replacement before (in @list or the mutations so far) holds
 * @old_node: its renvooi shows this change too. */
static AmendXmlMutation *
covering (AmendXmlChange  *self,
          GPtrArray       *list,
          const AmendNode *old_node)
{
  for (const AmendNode *a = old_node ? old_node->parent : NULL; a != NULL; a = a->parent)
    {
      AmendXmlMutation *m = find_target (list, a);

      if (m == NULL)
        m = find_target (self->mutations, a);
      if (m != NULL && m->kind == AMEND_XML_REPLACE)
        return m;
    }
  return NULL;
}

/* The mutations of one instruction, appended to @list. */
static void
add_instruction (AmendXmlChange         *self,
                 GPtrArray              *list,
                 const AmendInstruction *instruction)
{
  if (instruction->units->len == 0)
    {
      /* "Het opschrift komt te luiden": about no element of the text. */
      _amend_xml_warn (self->warnings, 0, NULL,
                       _("instruction %s gives the regulation a new title, which a change export has no place "
                         "for; it was left out"), instruction->letter);
      return;
    }
  if (instruction->units->len > 0 && add_lifted (self, list, instruction))
    return;
  for (guint i = 0; i < instruction->units->len; i++)
    {
      const AmendInstructionUnit *unit = g_ptr_array_index (instruction->units, i);
      AmendXmlMutation *cover = covering (self, list, unit->old_node);

      if (cover != NULL)
        {
          /* In a part replaced already: said there. */
          if (find_target (list, cover->target) == NULL && instruction->summary &&
              (cover->wat == NULL || strstr (cover->wat, instruction->summary) == NULL))
            {
              char *wat = g_strdup_printf ("%s%s%s. %s", cover->wat ? cover->wat : "", cover->wat ? "\n" : "",
                                           instruction->letter, instruction->summary);
              g_free (cover->wat);
              cover->wat = wat;
            }
          continue;
        }
      add_unit (self, list, instruction, unit);
    }
}

/* The article, division or annex a node is part of. */
static const AmendNode *
unit_of (const AmendNode *node)
{
  const AmendNode *article = node->kind == AMEND_NODE_ARTICLE ? node
                           : amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);

  if (article != NULL)
    return article;
  for (const AmendNode *n = node; n != NULL; n = n->parent)
    if (is_unit (n))
      return n;
  return NULL;
}

/* Whether a VoegToe writes @new_node already, or an element around it. */
static gboolean
inserted_already (AmendXmlChange  *self,
                  const AmendNode *new_node)
{
  for (guint i = 0; i < self->mutations->len; i++)
    {
      const AmendXmlMutation *m = g_ptr_array_index (self->mutations, i);

      if (m->kind != AMEND_XML_INSERT)
        continue;
      for (const AmendNode *a = new_node; a != NULL; a = a->parent)
        if (a == m->node)
          return TRUE;
    }
  return FALSE;
}

/* Emphasis or a link that changed with the words staying: no instruction
 * says it, but the text STOP holds changed, so the element is replaced all
 * the same, numbered after the instructions, without a Wat. */
static void
add_format_changes (AmendXmlChange *self,
                    guint           n_letters)
{
  GPtrArray *changes = amend_diff_get_changes (self->diff);

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      const AmendNode *n, *o;
      AmendXmlMutation *m;

      if (c->action != AMEND_CHANGE_MODIFIED || !c->format_only || c->new_node == NULL)
        continue;
      n = unit_of (c->new_node);
      o = n ? partner (self, n, FALSE) : NULL;
      if (o == NULL || targets (self->mutations, o) || inserted_already (self, n) ||
          covering (self, self->mutations, o) != NULL)
        continue;
      m = add_mutation (self->mutations, AMEND_XML_REPLACE, o, NULL, NULL);
      m->editorial = TRUE;
      m->node = merge (self, o, n);
      m->owned = wrap_in_ancestors ((AmendNode *) m->node, n);
      /* A .. Z, then AA, BB (Aanwijzing 6.15), as the instructions. */
      m->number = g_strnfill (n_letters / 26 + 1, 'A' + n_letters % 26);
      n_letters++;
    }
}

static void
build_mutations (AmendXmlChange *self)
{
  g_autoptr(GPtrArray) instructions = amend_diff_get_instructions (self->diff);

  for (guint i = 0; i < instructions->len; i++)
    {
      const AmendInstruction *instruction = g_ptr_array_index (instructions, i);
      g_autoptr(GPtrArray) list = g_ptr_array_new ();

      self->current = instruction;
      add_instruction (self, list, instruction);
      for (guint k = 0; k < list->len; k++)
        {
          AmendXmlMutation *m = g_ptr_array_index (list, k);

          /* "A", or "A1", "A2" as the standard's example numbers B1, B2. */
          m->number = list->len == 1 ? g_strdup (instruction->letter)
                                     : g_strdup_printf ("%s%u", instruction->letter, k + 1);
          if (k == 0)
            m->wat = g_strdup (instruction->summary);
          g_ptr_array_add (self->mutations, m);
        }
    }
  self->current = NULL;
  add_format_changes (self, instructions->len);
}

/**
 * amend_xml_change_new:
 * @warnings: (nullable): what the change export leaves out, as #AmendDiagnostic
 *
 * Returns: (transfer full): the change, or %NULL with @error set when the
 *   two versions differ in nothing a change export can say.
 */
AmendXmlChange *
amend_xml_change_new (AmendDiff  *diff,
                      GPtrArray  *warnings,
                      GError    **error)
{
  g_autoptr(AmendXmlChange) self = g_new0 (AmendXmlChange, 1);

  self->diff = g_object_ref (diff);
  self->warnings = warnings;
  self->mutations = g_ptr_array_new_with_free_func (mutation_free);
  self->info = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->origin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (amend_diff_is_empty (diff))
    {
      g_set_error_literal (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                           _("nothing changed between the two versions, so there is no change to export"));
      return NULL;
    }
  index_origins (self);
  build_mutations (self);
  if (self->mutations->len == 0)
    {
      g_set_error_literal (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                           _("nothing changed in the articles, divisions or annexes between the two versions "
                             "(only the front matter, the preamble, the explanation or the signature), so "
                             "there is no change to export; compare other versions"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
amend_xml_change_free (AmendXmlChange *self)
{
  if (self == NULL)
    return;
  /* The mutations own the written copies the info table points into. */
  g_clear_pointer (&self->mutations, g_ptr_array_unref);
  g_clear_pointer (&self->info, g_hash_table_unref);
  g_clear_pointer (&self->origin, g_hash_table_unref);
  g_clear_pointer (&self->renamed, g_hash_table_unref);
  g_clear_object (&self->diff);
  g_free (self);
}

GPtrArray *
amend_xml_change_get_mutations (AmendXmlChange *self)
{
  return self->mutations;
}

/* ----------------------------------------------------------------------- */
/* What the writers ask                                                     */
/* ----------------------------------------------------------------------- */

/* Whether @node itself came or went; its descendants are not marked. */
AmendXmlState
amend_xml_change_state (AmendXmlChange  *self,
                        const AmendNode *node)
{
  const NodeInfo *info = node ? g_hash_table_lookup (self->info, node) : NULL;

  return info ? info->state : AMEND_XML_SAME;
}

/* Whether @node or an ancestor came or went. */
AmendXmlState
amend_xml_change_effective_state (AmendXmlChange  *self,
                                  const AmendNode *node)
{
  for (const AmendNode *n = node; n != NULL; n = n->parent)
    {
      AmendXmlState state = amend_xml_change_state (self, n);

      if (state != AMEND_XML_SAME)
        return state;
    }
  return AMEND_XML_SAME;
}

/* The counterpart in the old version of a node of a renvooi tree that is
 * in both; NULL for the others. */
const AmendNode *
amend_xml_change_old (AmendXmlChange  *self,
                      const AmendNode *node)
{
  const NodeInfo *info = node ? g_hash_table_lookup (self->info, node) : NULL;

  return info && info->new_node ? info->old_node : NULL;
}

static void
segment_clear (gpointer data)
{
  AmendXmlSegment *segment = data;

  g_clear_pointer (&segment->text, g_free);
}

static GArray *
new_segments (void)
{
  GArray *segments = g_array_new (FALSE, TRUE, sizeof (AmendXmlSegment));

  g_array_set_clear_func (segments, segment_clear);
  return segments;
}

static void
add_segment (GArray         *segments,
             AmendPieceOp    op,
             const AmendRun *run,
             const char     *text,
             gsize           len)
{
  AmendXmlSegment segment = { op, run, g_strndup (text, len) };

  g_array_append_val (segments, segment);
}

/* How much of the plain text (amend_node_get_plain_text()) a run spells. */
static gsize
plain_length (const AmendRun *run)
{
  if (run->marks & AMEND_MARK_BREAK)
    return 1;
  if (run->marks & AMEND_MARK_HTML)
    return 0;
  return strlen (run->text);
}

/* The part [from, to) of the new plain text, cut along the runs. */
static void
add_runs (GArray          *segments,
          AmendPieceOp     op,
          const AmendNode *text,
          gsize            from,
          gsize            to)
{
  gsize run_start = 0;

  for (guint i = 0; text->runs && i < text->runs->len && from < to; i++)
    {
      const AmendRun *run = &g_array_index (text->runs, AmendRun, i);
      gsize run_end = run_start + plain_length (run);
      gsize a = MAX (from, run_start), b = MIN (to, run_end);

      if (a < b)
        {
          if (run->marks & AMEND_MARK_BREAK)
            add_segment (segments, op, run, "", 0);
          else
            add_segment (segments, op, run, run->text + (a - run_start), b - a);
        }
      run_start = run_end;
    }
}

/**
 * amend_xml_change_segments:
 * @start: (in): where the window of the new text starts (bytes of the plain text)
 * @end: the end of the window, G_MAXSIZE for the rest
 * @deleted_from: deleted words at or after this place (and up to @end) are
 *   in the window
 *
 * A text of a renvooi tree word by word, as it changed; a window of it for
 * a text that is written in two elements (a Begrip's Term and Definitie).
 *
 * Returns: (transfer full) (nullable): of #AmendXmlSegment; %NULL when the
 *   text is new, gone or the same.
 */
GArray *
amend_xml_change_segments (AmendXmlChange  *self,
                           const AmendNode *text,
                           gsize            start,
                           gsize            end,
                           gsize            deleted_from)
{
  const NodeInfo *info = g_hash_table_lookup (self->info, text);
  g_autofree char *old_plain = NULL;
  g_autofree char *new_plain = NULL;
  g_autoptr(GArray) pieces = NULL;
  GArray *segments;
  gsize pos = 0, len;

  if (info == NULL || info->old_node == NULL || info->new_node == NULL || text->kind != AMEND_NODE_TEXT)
    return NULL;
  old_plain = amend_node_get_plain_text (info->old_node);
  new_plain = amend_node_get_plain_text (text);
  if (strcmp (old_plain, new_plain) == 0)
    return NULL;

  len = strlen (new_plain);
  end = MIN (end, len);
  pieces = amend_words_whole_diff (old_plain, new_plain);
  segments = new_segments ();
  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *piece = &g_array_index (pieces, AmendPiece, i);
      gsize piece_len = strlen (piece->text);

      if (piece->op == AMEND_PIECE_DELETED)
        {
          if (pos >= deleted_from && pos <= end)
            add_segment (segments, AMEND_PIECE_DELETED, NULL, piece->text, piece_len);
          continue;
        }
      add_runs (segments, piece->op, text, MAX (pos, start), MIN (pos + piece_len, end));
      pos += piece_len;
    }
  /* The word diff leaves out white space after the last word. */
  if (pos < end)
    add_runs (segments, AMEND_PIECE_EQUAL, text, MAX (pos, start), end);
  return segments;
}

/* Two plain texts (headings) word by word. */
GArray *
amend_xml_change_plain_segments (const char *old_text,
                                 const char *new_text)
{
  g_autoptr(GArray) pieces = amend_words_whole_diff (old_text, new_text);
  GArray *segments = new_segments ();

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *piece = &g_array_index (pieces, AmendPiece, i);

      add_segment (segments, piece->op, NULL, piece->text, strlen (piece->text));
    }
  return segments;
}

/* ----------------------------------------------------------------------- */
/* The front matter of the two versions                                     */
/* ----------------------------------------------------------------------- */

/**
 * amend_xml_change_load_meta:
 *
 * Loads the identifiers of both versions: the same work and authority, and
 * each its own expression, which STOP's RegelingMutatie names as was and
 * wordt.
 */
gboolean
amend_xml_change_load_meta (AmendDiff     *diff,
                            AmendXmlMeta  *old_meta,
                            AmendXmlMeta  *new_meta,
                            GError       **error)
{
  if (!amend_xml_meta_load (old_meta, amend_diff_get_old (diff), error))
    {
      g_prefix_error (error, _("in the old version, "));
      return FALSE;
    }
  if (!amend_xml_meta_load (new_meta, amend_diff_get_new (diff), error))
    {
      g_prefix_error (error, _("in the new version, "));
      return FALSE;
    }
  if (strcmp (old_meta->work, new_meta->work) != 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("the two versions are of different regulations (work \xe2\x80\x9c%s\xe2\x80\x9d and "
                     "\xe2\x80\x9c%s\xe2\x80\x9d): compare two versions of one regulation, or correct "
                     "\xe2\x80\x9cwork\xe2\x80\x9d in the front matter"),
                   old_meta->work, new_meta->work);
      return FALSE;
    }
  if (strcmp (old_meta->authority, new_meta->authority) != 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("the two versions name different authorities (\xe2\x80\x9c%s\xe2\x80\x9d and "
                     "\xe2\x80\x9c%s\xe2\x80\x9d): make \xe2\x80\x9c" "authority\xe2\x80\x9d the same in both"),
                   old_meta->authority, new_meta->authority);
      return FALSE;
    }
  if (strcmp (old_meta->expression, new_meta->expression) == 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("both versions have the expression \xe2\x80\x9c%s\xe2\x80\x9d, but a change leads to a new "
                     "one: give the new version its own \xe2\x80\x9c" "date\xe2\x80\x9d (the day it takes effect) "
                     "or \xe2\x80\x9c" "expression\xe2\x80\x9d in its front matter"),
                   new_meta->expression);
      return FALSE;
    }
  return TRUE;
}
