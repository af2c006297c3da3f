/* amend-akn-export.c: a regulation as an Akoma Ntoso 3.0 act, a change as an amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes akomaNtoso/act with libxml2's tree API, and akomaNtoso/amendment
 * (amend_akn_export_amendment()) with the same node writers, which with
 * AknWriter.change set write the renvooi as ins and del.  The elements:
 *
 *   Hoofdstuk chapter, Titel title, Afdeling subchapter, Paragraaf
 *   subsection, Artikel article, lid paragraph, onderdelen list/point,
 *   text p (in content, intro before parts, wrapUp after them, alinea
 *   between them), a free heading crossHeading, preamble preamble,
 *   Ondertekening conclusions, Bijlage and Toelichting an attachment
 *   holding a doc.
 *
 * Afdeling and Paragraaf are subchapter and subsection, not division and
 * section, because Akoma Ntoso derives an eId's prefix from its element
 * (subchp, subsec) and the model's eIds, which STOP uses as well, have
 * those prefixes.  Every element the model has a node for carries that
 * node's eId, so an eId in Amend points at the same text in the export.
 *
 * Akoma Ntoso's hierarchy is looser than STOP's: everything the model can
 * hold has a place here, and nothing is an error but missing metadata.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-akn-export.h"
#include "amend-instructions.h"
#include "amend-wording.h"
#include "amend-xml-change.h"
#include "amend-xml-meta.h"
#include "amend-xml-private.h"

/* The organization that marked the document up, as the source of the
 * metadata. */
#define AKN_SOURCE "amend"

/* base.wids holds the wIds of renumbered elements; base.change, the
 * renvooi marks of an amendment. */
typedef struct {
  AmendXmlWriter base;

  /* The eIds an amendment gave, which an Akoma Ntoso document holds once
   * each. */
  GHashTable    *used;
} AknWriter;

static void write_hier_content (AknWriter *w, xmlNodePtr parent, const AmendNode *node, guint from);
static void write_blocks (AknWriter *w, xmlNodePtr parent, const AmendNode *node, guint from, guint to);

/* ----------------------------------------------------------------------- */
/* Small helpers                                                            */
/* ----------------------------------------------------------------------- */

static void
akn_writer_clear (AknWriter *w)
{
  _amend_xml_writer_clear (&w->base);
  g_clear_pointer (&w->used, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AknWriter, akn_writer_clear)

static xmlNodePtr
el (AknWriter  *w,
    xmlNodePtr  parent,
    const char *name)
{
  return _amend_xml_el (&w->base, parent, name);
}

static xmlNodePtr
text_el (AknWriter       *w,
         xmlNodePtr       parent,
         const char      *name,
         const char      *text,
         const AmendNode *owner)
{
  return _amend_xml_text_el (&w->base, parent, name, text, owner);
}

static void
set_attr (xmlNodePtr  x,
          const char *name,
          const char *value)
{
  xmlNewProp (x, (const xmlChar *) name, (const xmlChar *) value);
}

/* The Akoma Ntoso naming convention names an eId after the element it is
 * on: a point "point_a" (the model, which STOP shares, says "item_a"), an
 * attachment "att", an hcontainer "hcontainer", an alinea "al".  The
 * parts of the eIds above it are named after their elements too. */
static char *
akn_name (const char *eid,
          const char *element)
{
  g_auto(GStrv) parts = g_strsplit (eid, "__", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      const char *p = parts[i];
      gboolean last = i + 1 == n;
      const char *from = NULL, *to = NULL;

      if (g_str_has_prefix (p, "item_") && !(last && g_strcmp0 (element, "item") == 0))
        from = "item", to = "point";
      else if (g_str_has_prefix (p, "expl_"))
        from = "expl", to = "att";
      else if (g_str_has_prefix (p, "cmp_"))
        from = "cmp", to = "att";
      else if (g_str_has_prefix (p, "p_") && last && g_strcmp0 (element, "alinea") == 0)
        from = "p", to = "al";
      else if (g_str_has_prefix (p, "p_") && (!last || g_strcmp0 (element, "hcontainer") == 0))
        from = "p", to = "hcontainer";
      if (to != NULL)
        {
          char *renamed = g_strconcat (to, p + strlen (from), NULL);
          g_free (parts[i]);
          parts[i] = renamed;
        }
    }
  return g_strjoinv ("__", parts);
}

static const char *hier_element (const AmendNode *node);

static const char *
element_of (const AmendNode *node)
{
  switch (node->kind)
    {
    case AMEND_NODE_POINT: return "point";
    case AMEND_NODE_MEMBER: return "paragraph";
    case AMEND_NODE_ANNEX:
    case AMEND_NODE_EXPLANATION: return "attachment";
    case AMEND_NODE_TEXT: return node->heading_level > 0 ? "hcontainer" : "p";
    default: return hier_element (node);
    }
}

/**
 * amend_akn_eid:
 *
 * Returns: the eId the Akoma Ntoso export gives @node.
 */
char *
amend_akn_eid (const AmendNode *node)
{
  return node->eid ? akn_name (node->eid, element_of (node)) : NULL;
}

/* The eId of the nearest element around @x that has one; an element
 * quoted in an amendment counts from its quotedStructure. */
static const char *
parent_eid (xmlNodePtr x)
{
  for (xmlNodePtr a = x->parent; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
    {
      xmlAttrPtr attr;

      if (strcmp ((const char *) a->name, "quotedStructure") == 0)
        return NULL;
      attr = xmlHasProp (a, (const xmlChar *) "eId");
      if (attr != NULL && attr->children != NULL)
        return (const char *) attr->children->content;
    }
  return NULL;
}

/* Every eId nested under its parent's, as the naming convention asks: a
 * paragraph under the hcontainer of the heading before it, which the model
 * has beside it. */
static char *
nested (xmlNodePtr  x,
        const char *eid)
{
  const char *parent = parent_eid (x);
  const char *last;

  if (parent == NULL || (g_str_has_prefix (eid, parent) && g_str_has_prefix (eid + strlen (parent), "__")))
    return g_strdup (eid);
  last = g_strrstr (eid, "__");
  return g_strconcat (parent, "__", last ? last + 2 : eid, NULL);
}

/* A wId only where the element was renumbered, as Akoma Ntoso asks: in an
 * amendment, the eId it had in the old version. */
static void
set_eid (AknWriter  *w,
         xmlNodePtr  x,
         const char *model_eid)
{
  const char *model_wid = w->base.wids && model_eid ? g_hash_table_lookup (w->base.wids, model_eid) : NULL;
  g_autofree char *named = NULL, *eid = NULL, *wid = NULL;
  g_autofree char *unique = NULL;

  if (model_eid == NULL)
    return;
  if (w->base.change != NULL && !amend_xml_change_origin (w->base.change, model_eid, &model_wid))
    model_wid = NULL;
  named = akn_name (model_eid, (const char *) x->name);
  eid = nested (x, named);
  wid = model_wid ? akn_name (model_wid, (const char *) x->name) : NULL;
  if (w->base.change != NULL)
    {
      /* The same text quoted twice (an article, and the division around
       * it) would give one eId twice. */
      for (guint k = 2; g_hash_table_contains (w->used, unique ? unique : eid); k++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s_inst%u", eid, k);
        }
      g_hash_table_add (w->used, g_strdup (unique ? unique : eid));
    }
  set_attr (x, "eId", unique ? unique : eid);
  if (wid && strcmp (wid, eid) != 0)
    set_attr (x, "wId", wid);
}

static guint
structural_depth (const AmendNode *node)
{
  guint depth = 0;

  for (const AmendNode *a = node->parent; a != NULL; a = a->parent)
    if (amend_node_is_structural (a))
      depth++;
  return depth;
}

/* A free heading's level is its nesting, unless the Markdown skips a
 * level (a "###" right under a "#"): then class="heading-3" keeps it, so
 * that the import gives back the same Markdown. */
static void
set_heading_class (xmlNodePtr       x,
                   const AmendNode *text,
                   guint            natural)
{
  if (text->heading_level != natural)
    {
      g_autofree char *level = g_strdup_printf ("heading-%u", text->heading_level);
      set_attr (x, "class", level);
    }
}

/* ----------------------------------------------------------------------- */
/* Inline text                                                              */
/* ----------------------------------------------------------------------- */

static void
write_run (AknWriter       *w,
           xmlNodePtr       parent,
           const AmendRun  *run,
           const AmendNode *owner)
{
  xmlNodePtr p = parent;

  if (run->marks & AMEND_MARK_BREAK)
    {
      el (w, parent, "br");
      return;
    }
  if (run->marks & AMEND_MARK_HTML)
    {
      _amend_xml_writer_warn (&w->base, owner, _("inline HTML has no place in Akoma Ntoso and was left out"));
      return;
    }
  if (run->marks & AMEND_MARK_IMAGE)
    {
      xmlNodePtr img = el (w, parent, "img");

      set_attr (img, "src", run->href ? run->href : "");
      set_attr (img, "alt", run->text ? run->text : "");
      return;
    }
  if (run->marks & AMEND_MARK_EMPH)
    p = el (w, p, "i");
  if (run->marks & AMEND_MARK_STRONG)
    p = el (w, p, "b");
  if (run->marks & AMEND_MARK_LINK)
    {
      p = el (w, p, "a");
      set_attr (p, "href", run->href ? run->href : "");
    }
  if (run->marks & AMEND_MARK_CODE)
    {
      p = el (w, p, "inline");
      set_attr (p, "name", "code");
    }
  _amend_xml_add_text (p, run->text, w->base.warnings, owner);
}

/* A run of text in renvooi, which _amend_xml_write_segments() puts in ins
 * or del. */
static void
write_segment_run (AmendXmlWriter  *base,
                   xmlNodePtr       parent,
                   const AmendRun  *run,
                   const AmendNode *owner,
                   gpointer         data G_GNUC_UNUSED)
{
  write_run ((AknWriter *) base, parent, run, owner);
}

/* Where the text of @node goes: in ins or del when it (or what holds it)
 * came or went. */
static xmlNodePtr
renvooi_parent (AknWriter       *w,
                xmlNodePtr       parent,
                const AmendNode *node)
{
  AmendXmlState state = w->base.change ? amend_xml_change_effective_state (w->base.change, node) : AMEND_XML_SAME;

  if (state == AMEND_XML_SAME)
    return parent;
  return el (w, parent, state == AMEND_XML_INSERTED ? "ins" : "del");
}

static void
write_runs (AknWriter       *w,
            xmlNodePtr       parent,
            const AmendNode *text)
{
  xmlNodePtr target = renvooi_parent (w, parent, text);

  if (target == parent && w->base.change != NULL)
    {
      g_autoptr(GArray) segments = amend_xml_change_segments (w->base.change, text, 0, G_MAXSIZE, 0);

      if (segments != NULL)
        {
          _amend_xml_write_segments (&w->base, parent, segments, text, "ins", "del", write_segment_run, NULL);
          return;
        }
    }
  for (guint i = 0; text->runs && i < text->runs->len; i++)
    write_run (w, target, &g_array_index (text->runs, AmendRun, i), text);
}

/* An element with a plain text (num, heading): in renvooi word by word
 * against @was, or whole in ins or del. */
static xmlNodePtr
text_el_changed (AknWriter       *w,
                 xmlNodePtr       parent,
                 const char      *name,
                 const char      *was,
                 const char      *now,
                 const AmendNode *owner)
{
  xmlNodePtr x = el (w, parent, name);
  xmlNodePtr target = renvooi_parent (w, x, owner);

  if (target == x && w->base.change != NULL && g_strcmp0 (was, now) != 0 &&
      amend_xml_change_old (w->base.change, owner))
    {
      g_autoptr(GArray) segments = amend_xml_change_plain_segments (was, now);

      _amend_xml_write_segments (&w->base, x, segments, owner, "ins", "del", write_segment_run, NULL);
    }
  else
    _amend_xml_add_text (target, now ? now : "", w->base.warnings, owner);
  return x;
}

static const AmendNode *
old_of (AknWriter       *w,
        const AmendNode *node)
{
  return w->base.change ? amend_xml_change_old (w->base.change, node) : NULL;
}

static void
write_p (AknWriter       *w,
         xmlNodePtr       parent,
         const AmendNode *text,
         gboolean         with_eid)
{
  xmlNodePtr p = el (w, parent, "p");

  if (with_eid)
    set_eid (w, p, text->eid);
  write_runs (w, p, text);
}

/* "Artikel 1:1", "§ 3", "Hoofdstuk 2": Akoma Ntoso's num holds the word. */
static char *
num_of (const AmendNode *node)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

  if (node->number && node->number[0])
    return word ? g_strdup_printf ("%s %s", word, node->number) : g_strdup (node->number);
  return g_strdup (word);
}

static void
write_num_heading (AknWriter       *w,
                   xmlNodePtr       x,
                   const AmendNode *node)
{
  const AmendNode *old = old_of (w, node);
  g_autofree char *num = num_of (node);
  g_autofree char *old_num = old ? num_of (old) : NULL;

  if (num)
    text_el_changed (w, x, "num", old_num, num, node);
  if ((node->heading && node->heading[0]) || (old && old->heading && old->heading[0]))
    text_el_changed (w, x, "heading", old ? old->heading : NULL, node->heading, node);
}

/* The num of a member or point: "2.", "a.". */
static void
write_label (AknWriter       *w,
             xmlNodePtr       x,
             const AmendNode *node,
             const char      *suffix)
{
  const AmendNode *old = old_of (w, node);
  g_autofree char *now = g_strconcat (node->number ? node->number : "", suffix, NULL);
  g_autofree char *was = old ? g_strconcat (old->number ? old->number : "", suffix, NULL) : NULL;

  text_el_changed (w, x, "num", was, now, node);
}

/* ----------------------------------------------------------------------- */
/* Blocks: preamble, conclusions, content                                   */
/* ----------------------------------------------------------------------- */

/* A list (blockList or list) of the points of @node from @from on, with
 * the eId the model gives it. */
static xmlNodePtr
list_el (AknWriter       *w,
         xmlNodePtr       parent,
         const AmendNode *node,
         guint            from,
         const char      *name)
{
  g_autofree char *eid = _amend_xml_list_eid (amend_node_child (node, from));
  xmlNodePtr list = el (w, parent, name);

  set_eid (w, list, eid);
  return list;
}

/* An item of such a list (item or point): its eId and its number. */
static xmlNodePtr
item_el (AknWriter       *w,
         xmlNodePtr       list,
         const AmendNode *point,
         const char      *name)
{
  xmlNodePtr x = el (w, list, name);

  set_eid (w, x, point->eid);
  if (point->number && point->number[0])
    write_label (w, x, point, "");
  return x;
}

static void
write_block_list (AknWriter       *w,
                  xmlNodePtr       parent,
                  const AmendNode *node,
                  guint            from,
                  guint            to)
{
  xmlNodePtr list = list_el (w, parent, node, from, "blockList");

  for (guint i = from; i < to; i++)
    {
      const AmendNode *point = amend_node_child (node, i);
      xmlNodePtr item = item_el (w, list, point, "item");
      guint n = amend_node_n_children (point);

      if (n == 0)
        el (w, item, "p");
      else
        write_blocks (w, item, point, 0, n);
    }
}

/* Children [from, to) as blocks: paragraphs and block lists. */
static void
write_blocks (AknWriter       *w,
              xmlNodePtr       parent,
              const AmendNode *node,
              guint            from,
              guint            to)
{
  guint i = from;

  while (i < to)
    {
      const AmendNode *child = amend_node_child (node, i);

      if (child->kind == AMEND_NODE_POINT)
        {
          guint j = i;

          while (j < to && amend_node_child (node, j)->kind == AMEND_NODE_POINT)
            j++;
          write_block_list (w, parent, node, i, j);
          i = j;
          continue;
        }
      if (child->kind == AMEND_NODE_TEXT)
        {
          xmlNodePtr p = el (w, parent, "p");

          /* Only paragraphs go here: a heading is a p with its level. */
          set_eid (w, p, child->eid);
          if (child->heading_level > 0)
            set_heading_class (p, child, 0);
          write_runs (w, p, child);
        }
      else
        {
          /* A member or a part where only blocks go: its text is kept. */
          for (const AmendNode *n = child; n != NULL; n = amend_node_next (n, child))
            if (n->kind == AMEND_NODE_TEXT)
              write_p (w, parent, n, TRUE);
          _amend_xml_writer_warn (&w->base, child,
                                  _("a part that cannot stand here in Akoma Ntoso was written as its paragraphs"));
        }
      i++;
    }
}

/* ----------------------------------------------------------------------- */
/* The hierarchy                                                            */
/* ----------------------------------------------------------------------- */

static const char *
hier_element (const AmendNode *node)
{
  switch (node->kind)
    {
    case AMEND_NODE_CHAPTER:
      return "chapter";
    case AMEND_NODE_TITLE:
      return "title";
    case AMEND_NODE_DIVISION:
      return "subchapter";
    case AMEND_NODE_SECTION:
      return "subsection";
    case AMEND_NODE_ARTICLE:
      return "article";
    default:
      return NULL;
    }
}

static gboolean
is_hier (const AmendNode *node)
{
  return node->kind == AMEND_NODE_MEMBER || node->kind == AMEND_NODE_POINT ||
         _amend_xml_is_heading (node) || hier_element (node) != NULL;
}

static void
write_point_list (AknWriter       *w,
                  xmlNodePtr       parent,
                  const AmendNode *node,
                  guint            from,
                  guint            to)
{
  xmlNodePtr list = list_el (w, parent, node, from, "list");

  for (guint i = from; i < to; i++)
    {
      const AmendNode *point = amend_node_child (node, i);

      write_hier_content (w, item_el (w, list, point, "point"), point, 0);
    }
}

static void
write_member (AknWriter       *w,
              xmlNodePtr       parent,
              const AmendNode *member)
{
  xmlNodePtr x = el (w, parent, "paragraph");

  set_eid (w, x, member->eid);
  write_label (w, x, member, amend_node_number_delimiter (member));
  write_hier_content (w, x, member, 0);
}

static void
write_part (AknWriter       *w,
            xmlNodePtr       parent,
            const AmendNode *node)
{
  xmlNodePtr x = el (w, parent, hier_element (node));

  set_eid (w, x, node->eid);
  write_num_heading (w, x, node);
  write_hier_content (w, x, node, 0);
}

/* Writes one hierarchical child (or the run of points it starts) and
 * returns the index after it. */
static guint
write_hier_item (AknWriter       *w,
                 xmlNodePtr       parent,
                 const AmendNode *node,
                 guint            i)
{
  const AmendNode *child = amend_node_child (node, i);
  guint n = amend_node_n_children (node);

  if (child->kind == AMEND_NODE_POINT)
    {
      guint j = i;

      while (j < n && amend_node_child (node, j)->kind == AMEND_NODE_POINT)
        j++;
      write_point_list (w, parent, node, i, j);
      return j;
    }
  if (child->kind == AMEND_NODE_MEMBER)
    write_member (w, parent, child);
  else if (_amend_xml_is_heading (child))
    {
      xmlNodePtr x = el (w, parent, "crossHeading");

      set_eid (w, x, child->eid);
      set_heading_class (x, child, structural_depth (child) + 1);
      write_runs (w, x, child);
    }
  else
    write_part (w, parent, child);
  return i + 1;
}

/* Akoma Ntoso's hierarchy is either content (only blocks) or intro, parts
 * and wrapUp: text before the first part is the intro, after the last one
 * the wrapUp, and text between parts an alinea of its own. */
static void
write_hier_content (AknWriter       *w,
                    xmlNodePtr       parent,
                    const AmendNode *node,
                    guint            from)
{
  guint n = amend_node_n_children (node);
  guint first = n, last = n;
  guint i;

  for (i = from; i < n; i++)
    if (is_hier (amend_node_child (node, i)))
      {
        if (first == n)
          first = i;
        last = i;
      }
  if (from >= n)
    return;
  if (first == n)
    {
      write_blocks (w, el (w, parent, "content"), node, from, n);
      return;
    }
  if (first > from)
    write_blocks (w, el (w, parent, "intro"), node, from, first);

  i = first;
  while (i <= last)
    {
      const AmendNode *child = amend_node_child (node, i);

      if (is_hier (child))
        {
          i = write_hier_item (w, parent, node, i);
          continue;
        }
      {
        xmlNodePtr alinea = el (w, parent, "alinea");

        set_eid (w, alinea, child->eid);
        write_p (w, el (w, alinea, "content"), child, FALSE);
      }
      i++;
    }
  if (last + 1 < n)
    write_blocks (w, el (w, parent, "wrapUp"), node, last + 1, n);
}

/* ----------------------------------------------------------------------- */
/* Annexes and the explanation                                              */
/* ----------------------------------------------------------------------- */

static void
write_identification (AknWriter  *w,
                      xmlNodePtr  meta,
                      const char *component)
{
  xmlNodePtr id = el (w, meta, "identification");
  xmlNodePtr frbr, x;
  g_autofree char *author = g_strconcat ("#", w->base.meta.authority, NULL);
  g_autofree char *work_this = g_strdup_printf ("%s/!%s", w->base.meta.work, component);
  g_autofree char *expr_this = g_strdup_printf ("%s/!%s", w->base.meta.expression, component);
  g_autofree char *manif_this = g_strdup_printf ("%s/!%s.akn", w->base.meta.expression, component);
  g_autofree char *manif_uri = g_strdup_printf ("%s.akn", w->base.meta.expression);

  set_attr (id, "source", "#" AKN_SOURCE);

  frbr = el (w, id, "FRBRWork");
  set_attr (el (w, frbr, "FRBRthis"), "value", work_this);
  set_attr (el (w, frbr, "FRBRuri"), "value", w->base.meta.work);
  if (w->base.meta.citation)
    {
      x = el (w, frbr, "FRBRalias");
      set_attr (x, "value", w->base.meta.citation);
      set_attr (x, "name", "citeertitel");
    }
  x = el (w, frbr, "FRBRdate");
  set_attr (x, "date", w->base.meta.work_date);
  set_attr (x, "name", "work");
  set_attr (el (w, frbr, "FRBRauthor"), "href", author);
  set_attr (el (w, frbr, "FRBRcountry"), "value", "nl");

  frbr = el (w, id, "FRBRExpression");
  set_attr (el (w, frbr, "FRBRthis"), "value", expr_this);
  set_attr (el (w, frbr, "FRBRuri"), "value", w->base.meta.expression);
  x = el (w, frbr, "FRBRdate");
  set_attr (x, "date", w->base.meta.date);
  set_attr (x, "name", "expression");
  set_attr (el (w, frbr, "FRBRauthor"), "href", author);
  set_attr (el (w, frbr, "FRBRlanguage"), "language", "nld");

  /* The manifestation's date is the expression's, not today's: the same
   * regulation always gives the same bytes. */
  frbr = el (w, id, "FRBRManifestation");
  set_attr (el (w, frbr, "FRBRthis"), "value", manif_this);
  set_attr (el (w, frbr, "FRBRuri"), "value", manif_uri);
  x = el (w, frbr, "FRBRdate");
  set_attr (x, "date", w->base.meta.date);
  set_attr (x, "name", "manifestation");
  set_attr (el (w, frbr, "FRBRauthor"), "href", "#" AKN_SOURCE);
}

/* Children of a Bijlage or Toelichting from *i on: a free heading opens
 * an hcontainer that holds what follows it up to a heading at its level
 * or higher, or up to an article or division, which stand on their own. */
static void
write_zone (AknWriter       *w,
            xmlNodePtr       parent,
            const AmendNode *node,
            guint           *i,
            guint            stop_level,
            guint            depth)
{
  guint n = amend_node_n_children (node);

  while (*i < n)
    {
      const AmendNode *child = amend_node_child (node, *i);

      if (_amend_xml_is_heading (child))
        {
          xmlNodePtr section;
          guint start;

          if (child->heading_level <= stop_level)
            return;
          section = el (w, parent, "hcontainer");
          set_eid (w, section, child->eid);
          set_attr (section, "name", "divisie");
          set_heading_class (section, child, structural_depth (child) + depth);
          write_runs (w, el (w, section, "heading"), child);
          (*i)++;
          start = *i;
          while (*i < n && !_amend_xml_is_heading (amend_node_child (node, *i)) &&
                 hier_element (amend_node_child (node, *i)) == NULL)
            (*i)++;
          if (*i < n && _amend_xml_is_heading (amend_node_child (node, *i)) &&
              amend_node_child (node, *i)->heading_level > child->heading_level)
            {
              if (*i > start)
                write_blocks (w, el (w, section, "intro"), node, start, *i);
              write_zone (w, section, node, i, child->heading_level, depth + 1);
            }
          else if (*i > start)
            write_blocks (w, el (w, section, "content"), node, start, *i);
          continue;
        }
      if (depth > 1)
        return;
      if (hier_element (child) != NULL)
        {
          write_part (w, parent, child);
          (*i)++;
          continue;
        }
      {
        guint j = *i;

        while (j < n && !_amend_xml_is_heading (amend_node_child (node, j)) &&
               hier_element (amend_node_child (node, j)) == NULL)
          j++;
        write_blocks (w, parent, node, *i, j);
        *i = j;
      }
    }
}

static void
write_attachment (AknWriter       *w,
                  xmlNodePtr       attachments,
                  const AmendNode *node)
{
  xmlNodePtr attachment = el (w, attachments, "attachment");
  xmlNodePtr doc, body;
  guint i = 0;

  set_eid (w, attachment, node->eid);
  write_num_heading (w, attachment, node);
  doc = el (w, attachment, "doc");
  set_attr (doc, "name", node->kind == AMEND_NODE_EXPLANATION ? "toelichting" : "bijlage");
  {
    g_autofree char *component = amend_akn_eid (node);
    write_identification (w, el (w, doc, "meta"), component);
  }
  body = el (w, doc, "mainBody");
  write_zone (w, body, node, &i, 0, 1);
  /* mainBody holds at least one element. */
  if (body->children == NULL)
    el (w, body, "p");
}

/* ----------------------------------------------------------------------- */
/* The act                                                                  */
/* ----------------------------------------------------------------------- */

static void
write_references (AknWriter  *w,
                  xmlNodePtr  meta)
{
  xmlNodePtr refs, org;
  g_autofree char *authority_href = g_strdup_printf ("/ontology/organization/nl/%s", w->base.meta.authority);

  refs = el (w, meta, "references");
  set_attr (refs, "source", "#" AKN_SOURCE);
  org = el (w, refs, "TLCOrganization");
  set_attr (org, "eId", AKN_SOURCE);
  set_attr (org, "href", "/ontology/organization/" AKN_SOURCE);
  set_attr (org, "showAs", "Amend");
  org = el (w, refs, "TLCOrganization");
  set_attr (org, "eId", w->base.meta.authority);
  set_attr (org, "href", authority_href);
  set_attr (org, "showAs", w->base.meta.authority_name ? w->base.meta.authority_name : w->base.meta.authority);
}

static void
write_meta (AknWriter  *w,
            xmlNodePtr  act)
{
  xmlNodePtr meta = el (w, act, "meta");

  write_identification (w, meta, "main");
  write_references (w, meta);
}

static void
write_preface (AknWriter  *w,
               xmlNodePtr  act)
{
  xmlNodePtr preface = el (w, act, "preface");
  xmlNodePtr title = el (w, preface, "longTitle");

  text_el (w, el (w, title, "p"), "docTitle", w->base.meta.title, NULL);
  if (w->base.meta.citation)
    text_el (w, el (w, preface, "p"), "shortTitle", w->base.meta.citation, NULL);
}

static gboolean
write_body (AknWriter       *w,
            xmlNodePtr       act,
            const AmendNode *root)
{
  xmlNodePtr body = el (w, act, "body");

  for (guint i = 0; i < amend_node_n_children (root); i++)
    {
      const AmendNode *child = amend_node_child (root, i);

      if (hier_element (child) != NULL)
        write_part (w, body, child);
    }
  if (body->children == NULL)
    {
      g_set_error_literal (&w->base.error, AMEND_ERROR, AMEND_ERROR_INVALID,
                           _("the regulation has no articles, and an Akoma Ntoso act needs at least one: "
                             "add an article (\xe2\x80\x9c# Artikel 1\xe2\x80\x9d) before exporting"));
      return FALSE;
    }
  return TRUE;
}

/**
 * amend_akn_export_act:
 * @warnings: (nullable): what Akoma Ntoso could not hold, as #AmendDiagnostic
 *
 * The regulation as an Akoma Ntoso 3.0 act: meta (identification from the
 * front matter keys work, expression, date, authority; references),
 * preface (title, citation), preamble, body, conclusions (the
 * Ondertekening) and attachments (Bijlagen, then the Toelichting).
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set when the
 *   front matter lacks an identifier or the regulation has no articles.
 */
GBytes *
amend_akn_export_act (AmendDocument  *doc,
                      GPtrArray      *warnings,
                      GError        **error)
{
  g_auto(AknWriter) w = { 0 };
  const AmendNode *root = amend_document_get_root (doc);
  const AmendNode *preamble = _amend_xml_find_child (root, AMEND_NODE_PREAMBLE);
  const AmendNode *closing = _amend_xml_find_child (root, AMEND_NODE_CLOSING);
  xmlNodePtr top, act, attachments = NULL;

  if (!amend_xml_meta_load (&w.base.meta, doc, error))
    return NULL;
  w.base.warnings = warnings;
  w.base.xml = xmlNewDoc ((const xmlChar *) "1.0");
  top = xmlNewDocNode (w.base.xml, NULL, (const xmlChar *) "akomaNtoso", NULL);
  w.base.ns = xmlNewNs (top, (const xmlChar *) AMEND_XML_NS_AKN, NULL);
  xmlSetNs (top, w.base.ns);
  xmlDocSetRootElement (w.base.xml, top);
  act = el (&w, top, "act");
  set_attr (act, "name", "verordening");

  write_meta (&w, act);
  write_preface (&w, act);
  if (preamble && amend_node_n_children (preamble) > 0)
    write_blocks (&w, el (&w, act, "preamble"), preamble, 0, amend_node_n_children (preamble));
  if (!write_body (&w, act, root))
    {
      g_propagate_error (error, g_steal_pointer (&w.base.error));
      return NULL;
    }
  if (closing && amend_node_n_children (closing) > 0)
    {
      xmlNodePtr conclusions = el (&w, act, "conclusions");

      set_eid (&w, conclusions, closing->eid);
      write_blocks (&w, conclusions, closing, 0, amend_node_n_children (closing));
    }
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < amend_node_n_children (root); i++)
      {
        const AmendNode *child = amend_node_child (root, i);

        /* Annexes first, then the explanation, as in STOP. */
        if (child->kind != (k == 0 ? AMEND_NODE_ANNEX : AMEND_NODE_EXPLANATION))
          continue;
        if (attachments == NULL)
          attachments = el (&w, act, "attachments");
        write_attachment (&w, attachments, child);
      }
  return amend_xml_to_bytes (w.base.xml);
}

/* ----------------------------------------------------------------------- */
/* The amendment                                                            */
/* ----------------------------------------------------------------------- */

/* The amendment is a document of its own (Akoma Ntoso's amendment: a
 * proposal to change a text, which is what a council's amendment is): its
 * work is named after the regulation, the date of the new version and a
 * digest of the two versions and what changed, so that each change has an
 * address of its own, /akn/nl/amendment/gm9999/2027-06-01/apv-3f2a9c01.
 * The Work's date is the day the change was made: the new version's. */
static void
amendment_meta (AmendXmlMeta       *meta,
                const AmendXmlMeta *old_act,
                const AmendXmlMeta *act,
                AmendDiff          *diff)
{
  const char *name = strrchr (act->work, '/');
  gboolean sub = FALSE;
  const char *amended = amend_diff_get_amended (diff, &sub);
  /* Named as it is called before the change, which may retitle it; a
   * subamendment changes an amendment, and names that. */
  g_autofree char *regulation = amended ? amend_wording_amendment (amended, sub)
                                        : amend_wording_regulation (old_act->title);
  g_autofree char *instructions = amend_diff_to_instructions (diff);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  g_checksum_update (sum, (const guchar *) old_act->expression, -1);
  g_checksum_update (sum, (const guchar *) act->expression, -1);
  g_checksum_update (sum, (const guchar *) instructions, -1);
  memset (meta, 0, sizeof *meta);
  meta->title = g_strdup_printf ("Wijziging van %s", regulation);
  meta->authority = g_strdup (act->authority);
  meta->authority_name = g_strdup (act->authority_name);
  meta->date = g_strdup (act->date);
  meta->work_date = g_strdup (act->date);
  meta->work = g_strdup_printf ("/akn/nl/amendment/%s/%s/%s-%.8s", act->authority, act->date,
                                name && name[1] ? name + 1 : "wijziging", g_checksum_get_string (sum));
  meta->expression = g_strdup_printf ("%s/nld@%s", meta->work, act->date);
}

/* An element of a version of the act: EXPRESSION/!main#EID. */
static char *
act_ref (const char *expression,
         const char *eid)
{
  return g_strdup_printf ("%s/!main#%s", expression, eid ? eid : "body");
}

static const char *
mod_type (const AmendXmlMutation *m)
{
  switch (m->kind)
    {
    case AMEND_XML_INSERT:
      return "insertion";
    case AMEND_XML_REMOVE:
      return "repeal";
    case AMEND_XML_REPLACE:
      return m->renumbered ? "renumbering" : "substitution";
    case AMEND_XML_REPLACE_HEADING:
    default:
      return "substitution";
    }
}

/* "Wijziging van ", before the regulation it changes; a subamendment's
 * "Wijziging van het amendement "Zes weken" op de ", the regulation
 * still the document affected: its mods point into the text of the
 * regulation as the amendment proposes it. */
static void
write_affected_opening (xmlNodePtr          p,
                        AmendDiff          *diff,
                        const AmendXmlMeta *old_act,
                        GPtrArray          *warnings)
{
  gboolean sub = FALSE;
  const char *amended = amend_diff_get_amended (diff, &sub);
  const char *name = old_act->citation ? old_act->citation : old_act->title;
  const char *article = amend_wording_article_of (name);
  g_autofree char *amendment = NULL;
  g_autofree char *opening = NULL;

  if (amended == NULL)
    {
      _amend_xml_add_text (p, "Wijziging van ", warnings, NULL);
      return;
    }
  amendment = amend_wording_amendment (amended, sub);
  opening = g_strdup_printf ("Wijziging van %s op %s ", amendment, article ? article : "de regeling");
  _amend_xml_add_text (p, opening, warnings, NULL);
}

/* The textualMod of one mutation: what it does, where (in the old
 * version), and the quoted structure in this document that says how. */
static void
write_textual_mod (AknWriter              *w,
                   xmlNodePtr              mods,
                   const AmendXmlMutation *m,
                   const char             *old_expression,
                   const char             *new_expression)
{
  xmlNodePtr mod = el (w, mods, "textualMod");
  xmlNodePtr x;
  g_autofree char *eid = g_strdup_printf ("tmod_%s", m->number);
  g_autofree char *source = g_strdup_printf ("#mut_%s__mod_1", m->number);
  g_autofree char *quoted = g_strdup_printf ("#mut_%s__mod_1__qstr_1", m->number);
  g_autofree char *destination = NULL;

  set_attr (mod, "eId", eid);
  set_attr (mod, "type", mod_type (m));
  set_attr (el (w, mod, "source"), "href", source);
  x = el (w, mod, "destination");
  if (m->kind == AMEND_XML_INSERT)
    {
      const char *old_eid = NULL;

      /* After the element before it (or before the next one): in the old
       * version when it was there, else in the new one, where an earlier
       * insertion of this amendment put it. */
      g_autofree char *named = NULL;

      if (m->context == NULL)
        destination = act_ref (old_expression, NULL);
      else if (amend_xml_change_origin (w->base.change, m->context->eid, &old_eid) && old_eid == NULL)
        {
          named = akn_name (m->context->eid, element_of (m->context));
          destination = act_ref (new_expression, named);
        }
      else
        {
          named = akn_name (old_eid ? old_eid : m->context->eid, element_of (m->context));
          destination = act_ref (old_expression, named);
        }
      set_attr (x, "href", destination);
      set_attr (x, "pos", m->before ? "before" : "after");
    }
  else
    {
      g_autofree char *named = m->target->eid ? amend_akn_eid (m->target) : NULL;

      destination = act_ref (old_expression, named);
      set_attr (x, "href", destination);
      set_attr (el (w, mod, "old"), "href", destination);
    }
  if (m->kind != AMEND_XML_REMOVE)
    set_attr (el (w, mod, "new"), "href", quoted);
}

/* One mutation: its number, and a mod that holds the instruction and the
 * element it replaces or adds, quoted in renvooi. */
static void
write_mutation (AknWriter              *w,
                xmlNodePtr              content,
                const AmendXmlMutation *m)
{
  xmlNodePtr container = el (w, content, "blockContainer");
  xmlNodePtr p, mod, quoted;
  g_autofree char *eid = g_strdup_printf ("mut_%s", m->number);
  g_autofree char *mod_eid = g_strdup_printf ("mut_%s__mod_1", m->number);
  g_autofree char *quoted_eid = g_strdup_printf ("mut_%s__mod_1__qstr_1", m->number);

  set_attr (container, "eId", eid);
  text_el (w, container, "num", m->number, NULL);
  p = el (w, container, "p");
  _amend_xml_keep_inline (p);
  mod = el (w, p, "mod");
  set_attr (mod, "eId", mod_eid);
  /* The instruction as the text of the mod. */
  _amend_xml_write_lines (&w->base, mod, m->wat);
  if (m->kind == AMEND_XML_REMOVE)
    return;
  quoted = el (w, mod, "quotedStructure");
  set_attr (quoted, "eId", quoted_eid);
  if (m->kind == AMEND_XML_REPLACE_HEADING)
    write_num_heading (w, quoted, m->node);
  else if (hier_element (m->node) != NULL)
    write_part (w, quoted, m->node);
  else if (m->node->kind == AMEND_NODE_REGULATION)
    for (guint i = 0; i < amend_node_n_children (m->node); i++)
      {
        if (hier_element (amend_node_child (m->node, i)) != NULL)
          write_part (w, quoted, amend_node_child (m->node, i));
      }
  else
    {
      /* A Bijlage: its num and heading, then its text. */
      guint i = 0;

      write_num_heading (w, quoted, m->node);
      write_zone (w, quoted, m->node, &i, 0, 1);
    }
}

/**
 * amend_akn_export_amendment:
 * @diff: the legal diff of the two versions
 * @warnings: (nullable): what Akoma Ntoso could not hold, as #AmendDiagnostic
 *
 * The change from the old version to the new one as an Akoma Ntoso 3.0
 * amendment: meta with its identification (a work of its own, see
 * amendment_meta()) and analysis/activeModifications, one textualMod per
 * mutation (substitution, renumbering, insertion, repeal) whose source is
 * the mod in this document and whose destination is the eId in the old
 * version; preface; amendmentBody with one blockContainer per mutation,
 * the instruction in a mod and the new text quoted in renvooi (ins, del).
 * The mutations are those of the STOP change export.
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set.
 */
GBytes *
amend_akn_export_amendment (AmendDiff  *diff,
                            GPtrArray  *warnings,
                            GError    **error)
{
  g_auto(AknWriter) w = { 0 };
  g_auto(AmendXmlMeta) old_meta = { 0 };
  g_auto(AmendXmlMeta) new_meta = { 0 };
  g_autoptr(AmendXmlChange) change = NULL;
  GPtrArray *mutations;
  xmlNodePtr top, amendment, meta, mods, preface, p, content;

  g_return_val_if_fail (AMEND_IS_DIFF (diff), NULL);

  change = amend_xml_change_new (diff, warnings, error);
  if (change == NULL || !amend_xml_change_load_meta (diff, &old_meta, &new_meta, error))
    return NULL;
  amendment_meta (&w.base.meta, &old_meta, &new_meta, diff);
  w.base.warnings = warnings;
  w.base.change = change;
  w.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.base.xml = xmlNewDoc ((const xmlChar *) "1.0");
  top = xmlNewDocNode (w.base.xml, NULL, (const xmlChar *) "akomaNtoso", NULL);
  w.base.ns = xmlNewNs (top, (const xmlChar *) AMEND_XML_NS_AKN, NULL);
  xmlSetNs (top, w.base.ns);
  xmlDocSetRootElement (w.base.xml, top);
  amendment = el (&w, top, "amendment");
  set_attr (amendment, "name", "wijziging");
  mutations = amend_xml_change_get_mutations (change);

  meta = el (&w, amendment, "meta");
  write_identification (&w, meta, "main");
  mods = el (&w, el (&w, meta, "analysis"), "activeModifications");
  set_attr (mods->parent, "source", "#" AKN_SOURCE);
  for (guint i = 0; i < mutations->len; i++)
    write_textual_mod (&w, mods, g_ptr_array_index (mutations, i), old_meta.expression, new_meta.expression);
  write_references (&w, meta);

  preface = el (&w, amendment, "preface");
  text_el (&w, el (&w, el (&w, preface, "longTitle"), "p"), "docTitle", w.base.meta.title, NULL);
  p = el (&w, preface, "p");
  write_affected_opening (p, diff, &old_meta, warnings);
  set_attr (text_el (&w, p, "affectedDocument", old_meta.citation ? old_meta.citation : old_meta.title, NULL),
            "href", old_meta.expression);
  _amend_xml_add_text (p, ".", warnings, NULL);

  content = el (&w, el (&w, amendment, "amendmentBody"), "amendmentContent");
  for (guint i = 0; i < mutations->len; i++)
    write_mutation (&w, content, g_ptr_array_index (mutations, i));
  return amend_xml_to_bytes (w.base.xml);
}
