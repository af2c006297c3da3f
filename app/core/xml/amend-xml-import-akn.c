/* amend-xml-import-akn.c: an Akoma Ntoso 3.0 act into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inverse of amend-akn-export.c, and lenient enough for acts from
 * elsewhere: any of Akoma Ntoso's hierarchical elements is read by what it
 * means in a Dutch regulation (chapter Hoofdstuk, title Titel, subchapter
 * and division Afdeling, section and subsection Paragraaf, article
 * Artikel, paragraph lid, point onderdeel); the ones without a Dutch
 * counterpart (part, book) are reported and read as a Titel.  Acts from
 * outside the Netherlands (Laws.Africa and the like) are built from
 * sections that hold the text themselves, with subsections (1), (2) and
 * paragraphs (a), (b): such a section is an article, its subsections its
 * members, with their numbers as written.  The work, expression, date and
 * authority come from meta/identification, the title from the preface's
 * docTitle or the work's title alias.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-xml-import-private.h"

static void import_parts (XmlImport *im, AmendNode *parent, xmlNodePtr container);
static void import_hier (XmlImport *im, AmendNode *node, xmlNodePtr x, guint depth);
static void read_num_heading_text (AmendNode *node, xmlNodePtr x);
static xmlNodePtr find_descendant (xmlNodePtr x, const char *name);

/* Hoofdstuk, Titel, Afdeling, Paragraaf, Artikel, and what Amend has not. */
static const char * const part_names[6] = {
  "chapter", "title", "subchapter division subdivision", "section subsection", "article",
  "part subpart book tome subtitle",
};


static void
strip_suffix (char *number)
{
  gsize len;

  while (number && (len = strlen (number)) > 1 && (number[len - 1] == '.' || number[len - 1] == ')'))
    number[len - 1] = '\0';
}

static void
read_num_heading (AmendNode  *node,
                  xmlNodePtr  x)
{
  node->line_start = amend_xml_line (x);
  read_num_heading_text (node, x);
}

/* Elements that are parts: what a section holding them is a Paragraaf of. */
#define PARTS \
  "article chapter subchapter part subpart division subdivision title subtitle book tome hcontainer"

static gboolean is_content_section (xmlNodePtr x);

static gboolean
holds_parts (xmlNodePtr x)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    if (_amend_import_named (c, PARTS) ||
        (_amend_import_named (c, "section subsection") && !is_content_section (c)))
      return TRUE;
  return FALSE;
}

/* A section or subsection that holds the text itself, not parts: not
 * Amend's own Paragraaf ("Paragraaf 2", "§ 2"), nor an empty one. */
static gboolean
is_content_section (xmlNodePtr x)
{
  g_autofree char *num = NULL;

  if (!_amend_import_named (x, "section subsection") ||
      _amend_import_child (x, "content intro wrapUp alinea paragraph subsection list blockList") == NULL)
    return FALSE;
  num = _amend_import_text (_amend_import_child (x, "num"));
  if (num != NULL && (g_str_has_prefix (num, "Paragraaf") || g_str_has_prefix (num, "\xc2\xa7")))
    return FALSE;
  return !holds_parts (x);
}

/* The kind of the part @x, reading a section that holds text as an article. */
static gboolean
part_kind (XmlImport     *im,
           xmlNodePtr     x,
           AmendNodeKind *kind)
{
  if (is_content_section (x))
    {
      *kind = AMEND_NODE_ARTICLE;
      return TRUE;
    }
  return _amend_import_part_kind (im, x, part_names, kind);
}

/* "1.", "(1)", "2a", or no num at all: a member's number; "(a)" and "a."
 * number points. */
static gboolean
has_member_number (xmlNodePtr x)
{
  g_autofree char *num = _amend_import_text (_amend_import_child (x, "num"));
  const char *p = num;

  if (num == NULL)
    return TRUE;
  if (*p == '(')
    p++;
  return g_ascii_isdigit (*p);
}

/* In an article: a paragraph, or a subsection of a section, that is a lid. */
static gboolean
is_member (xmlNodePtr x)
{
  return (_amend_import_named (x, "paragraph") || is_content_section (x)) && has_member_number (x);
}

static void
read_num_heading_text (AmendNode  *node,
                       xmlNodePtr  x)
{
  g_autofree char *num = _amend_import_text (_amend_import_child (x, "num"));
  g_autofree char *word = NULL;

  const char *kind_word = amend_node_kind_word (node->kind);

  /* "Toelichting" alone is the kind, not a number. */
  if (num != NULL && !(kind_word && g_ascii_strcasecmp (num, kind_word) == 0))
    {
      node->number = _amend_import_strip_word (num, &word);
      strip_suffix (node->number);
      if (g_strcmp0 (word, "\xc2\xa7") == 0)
        node->word = g_steal_pointer (&word);
    }
  node->heading = _amend_import_text (_amend_import_child (x, "heading"));
}

/* "1." and "1": the number of a lid, "1"; "(1)" stays as it is written. */
static char *
member_number (xmlNodePtr x,
               guint      ordinal)
{
  g_autofree char *num = _amend_import_text (_amend_import_child (x, "num"));
  char *number;

  if (num == NULL)
    return g_strdup_printf ("%u", ordinal);
  if (num[0] == '(' && g_str_has_suffix (num, ")"))
    return g_steal_pointer (&num);
  number = g_strdup (num);
  strip_suffix (number);
  return number;
}

static void
import_point (XmlImport  *im,
              AmendNode  *node,
              xmlNodePtr  x,
              guint       depth)
{
  AmendNode *point = _amend_import_add (node, AMEND_NODE_POINT);

  point->number = _amend_import_text (_amend_import_child (x, "num"));
  import_hier (im, point, x, depth);
}

/* hcontainer name="divisie" (Amend's own) and other headed containers:
 * a free heading and what is under it. */
static void
import_headed (XmlImport  *im,
               AmendNode  *node,
               xmlNodePtr  x,
               guint       depth)
{
  xmlNodePtr heading = _amend_import_child (x, "heading");

  if (heading)
    _amend_import_level (im, _amend_import_heading (im, node, heading, depth), x);
  import_hier (im, node, x, depth + 1);
}

/* The content of a hierarchical element (article, paragraph, point,
 * list, division) in @node; its num and heading are read by the caller. */
static void
import_hier (XmlImport  *im,
             AmendNode  *node,
             xmlNodePtr  x,
             guint       depth)
{
  guint members = 0;

  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      AmendNodeKind kind;

      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "num heading"))
        continue;
      if (_amend_import_named (c, "subheading"))
        _amend_import_paragraph (im, node, c);
      else if (_amend_import_named (c, "intro content wrapUp"))
        _amend_import_blocks (im, node, c, depth);
      else if (_amend_import_named (c, "alinea list sublist"))
        import_hier (im, node, c, depth);
      else if (_amend_import_named (c, "crossHeading"))
        _amend_import_level (im, _amend_import_heading (im, node, c, depth), c);
      else if (node->kind == AMEND_NODE_ARTICLE && is_member (c))
        {
          AmendNode *member = _amend_import_add (node, AMEND_NODE_MEMBER);

          member->number = member_number (c, ++members);
          import_hier (im, member, c, depth);
        }
      else if (_amend_import_named (c, "point indent subparagraph paragraph"))
        import_point (im, node, c, depth);
      else if (_amend_import_named (c, "hcontainer"))
        import_headed (im, node, c, depth);
      else if (is_content_section (c) && node->kind == AMEND_NODE_ARTICLE)
        import_point (im, node, c, depth);  /* a subsection (a) of a section */
      else if (part_kind (im, c, &kind))
        {
          AmendNode *part = _amend_import_add (node, kind);

          read_num_heading (part, c);
          import_hier (im, part, c, 1);
        }
      else if (_amend_import_named (c, "clause subclause level rule subrule proviso transitional"))
        {
          _amend_import_warn (im, c, _("Amend has no such part; its text was kept"));
          import_hier (im, node, c, depth);
        }
      else
        _amend_import_block (im, node, c, depth);
    }
}

static void
import_parts (XmlImport  *im,
              AmendNode  *parent,
              xmlNodePtr  container)
{
  for (xmlNodePtr c = container->children; c != NULL; c = c->next)
    {
      AmendNodeKind kind;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_amend_import_named (c, "hcontainer"))
        {
          _amend_import_warn (im, c, _("a generic container in the body was read as a Titel"));
          kind = AMEND_NODE_TITLE;
        }
      else if (!part_kind (im, c, &kind))
        {
          _amend_import_warn (im, c, _("this has no place in the body of a regulation and was left out"));
          continue;
        }
      {
        AmendNode *part = _amend_import_add (parent, kind);

        read_num_heading (part, c);
        import_hier (im, part, c, 1);
      }
    }
}

/* The mainBody of an annex or explanation. */
static void
import_zone (XmlImport  *im,
             AmendNode  *node,
             xmlNodePtr  container,
             guint       depth)
{
  for (xmlNodePtr c = container->children; c != NULL; c = c->next)
    {
      AmendNodeKind kind;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_amend_import_named (c, "hcontainer"))
        import_headed (im, node, c, depth);
      else if (part_kind (im, c, &kind))
        {
          AmendNode *part = _amend_import_add (node, kind);

          read_num_heading (part, c);
          import_hier (im, part, c, 1);
        }
      else if (_amend_import_named (c, "list"))
        import_hier (im, node, c, depth);
      else
        _amend_import_block (im, node, c, depth);
    }
}

static void
import_attachment (XmlImport  *im,
                   xmlNodePtr  attachment)
{
  xmlNodePtr doc = NULL;
  g_autofree char *name = NULL;
  AmendNode *node;

  for (xmlNodePtr c = attachment->children; c != NULL && doc == NULL; c = c->next)
    if (_amend_import_named (c, "doc act"))
      doc = c;
  if (doc == NULL)
    {
      _amend_import_warn (im, attachment, _("an attachment without a document in it was left out"));
      return;
    }
  name = _amend_import_attr (doc, "name");
  node = _amend_import_add (amend_document_get_root (im->doc),
                            g_strcmp0 (name, "toelichting") == 0 ? AMEND_NODE_EXPLANATION : AMEND_NODE_ANNEX);
  read_num_heading (node, attachment);
  for (xmlNodePtr c = doc->children; c != NULL; c = c->next)
    if (_amend_import_named (c, "mainBody body"))
      import_zone (im, node, c, 1);
    else if (_amend_import_named (c, "preamble conclusions preface"))
      _amend_import_blocks (im, node, c, 1);
    else if (c->type == XML_ELEMENT_NODE && !_amend_import_named (c, "meta"))
      _amend_import_warn (im, c, _("this part of the attachment was left out"));
}

/* The act's preface holds its title (longTitle, read as the title); what
 * else it says is not the regulation's text, and is left out with a word. */
static void
warn_preface (XmlImport  *im,
              xmlNodePtr  preface)
{
  for (xmlNodePtr c = preface ? preface->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *text = NULL;

      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "longTitle"))
        continue;
      text = _amend_import_text (c);
      if (text != NULL && find_descendant (c, "docTitle shortTitle") == NULL)
        _amend_import_warn (im, c, _("the act's preface says more than its title; this was left out"));
    }
}

/* ----------------------------------------------------------------------- */
/* Metadata                                                                 */
/* ----------------------------------------------------------------------- */

static char *
value_of (xmlNodePtr  parent,
          const char *child,
          const char *attr)
{
  return _amend_import_attr (_amend_import_child (parent, child), attr);
}

static xmlNodePtr
find_descendant (xmlNodePtr  x,
                 const char *name)
{
  for (xmlNodePtr c = x ? x->children : NULL; c != NULL; c = c->next)
    {
      xmlNodePtr found;

      if (_amend_import_named (c, name))
        return c;
      if (c->type == XML_ELEMENT_NODE && (found = find_descendant (c, name)) != NULL)
        return found;
    }
  return NULL;
}

/* FRBRalias name="title" (Laws.Africa's title), or another alias. */
static xmlNodePtr
alias (xmlNodePtr work,
       gboolean   title)
{
  for (xmlNodePtr c = work ? work->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *name = _amend_import_attr (c, "name");

      if (_amend_import_named (c, "FRBRalias") && (g_strcmp0 (name, "title") == 0) == title)
        return c;
    }
  return NULL;
}

/* "#gm9999" names a TLCOrganization among the references: its showAs. */
static char *
organization_name (xmlNodePtr  meta,
                   const char *eid)
{
  char *name = NULL;

  for (xmlNodePtr refs = meta ? meta->children : NULL; refs != NULL; refs = refs->next)
    if (_amend_import_named (refs, "references"))
      for (xmlNodePtr org = refs->children; org != NULL; org = org->next)
        {
          g_autofree char *org_eid = _amend_import_attr (org, "eId");

          if (_amend_import_named (org, "TLCOrganization") && g_strcmp0 (org_eid, eid) == 0)
            {
              g_free (name);
              name = _amend_import_attr (org, "showAs");
            }
        }
  return name;
}

static void
import_meta (XmlImport  *im,
             xmlNodePtr  act)
{
  xmlNodePtr meta = _amend_import_child (act, "meta");
  xmlNodePtr id = _amend_import_child (meta, "identification");
  xmlNodePtr work = _amend_import_child (id, "FRBRWork");
  xmlNodePtr expression = _amend_import_child (id, "FRBRExpression");
  xmlNodePtr preface = _amend_import_child (act, "preface");
  xmlNodePtr title_el = find_descendant (preface, "docTitle");
  xmlNodePtr citation_el = find_descendant (preface, "shortTitle");
  xmlNodePtr author_el = _amend_import_child (work, "FRBRauthor");
  g_autofree char *title = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *author = _amend_import_attr (author_el, "href");
  g_autofree char *authority_name = NULL;
  g_autofree char *work_uri = value_of (work, "FRBRuri", "value");
  g_autofree char *expression_uri = value_of (expression, "FRBRuri", "value");
  g_autofree char *date = value_of (expression, "FRBRdate", "date");

  /* The title and citation are in the preface, as docTitle and shortTitle;
   * acts without a preface have the title as an alias of the work. */
  if (title_el == NULL && (title_el = alias (work, TRUE)) != NULL)
    title = _amend_import_attr (title_el, "value");
  else
    title = _amend_import_text (title_el);
  citation = _amend_import_text (citation_el);
  if (citation == NULL && (citation_el = alias (work, FALSE)) != NULL)
    citation = _amend_import_attr (citation_el, "value");

  if (author && author[0] == '#')
    authority_name = organization_name (meta, author + 1);

  if (title)
    _amend_import_meta (im, "title", title, title_el);
  if (citation && g_strcmp0 (citation, title) != 0)
    _amend_import_meta (im, "citation", citation, citation_el);
  if (author && author[0] == '#')
    _amend_import_meta (im, "authority", author + 1, author_el);
  if (authority_name && (author == NULL || g_strcmp0 (authority_name, author + 1) != 0))
    _amend_import_meta (im, "authority-name", authority_name, author_el);
  if (work_uri)
    _amend_import_meta (im, "work", work_uri, _amend_import_child (work, "FRBRuri"));
  if (expression_uri)
    _amend_import_meta (im, "expression", expression_uri, _amend_import_child (expression, "FRBRuri"));
  if (date)
    {
      if (strlen (date) > 10)
        date[10] = '\0';
      _amend_import_meta (im, "date", date, _amend_import_child (expression, "FRBRdate"));
    }
}

gboolean
_amend_import_akn (XmlImport   *im,
                   xmlNodePtr   root,
                   GError     **error)
{
  xmlNodePtr act = NULL, other = NULL;
  AmendNode *doc_root = amend_document_get_root (im->doc);

  for (xmlNodePtr c = root->children; c != NULL; c = c->next)
    if (amend_xml_is (c, AMEND_XML_NS_AKN, "act"))
      act = c;
    else if (c->type == XML_ELEMENT_NODE && other == NULL)
      other = c;
  if (act == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("Amend imports Akoma Ntoso acts (act); this document is a %s"),
                   other ? (const char *) other->name : _("document without content"));
      return FALSE;
    }

  import_meta (im, act);
  warn_preface (im, _amend_import_child (act, "preface"));
  for (xmlNodePtr c = act->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "meta preface"))
        continue;
      if (_amend_import_named (c, "preamble"))
        _amend_import_blocks (im, _amend_import_preamble (im), c, 1);
      else if (_amend_import_named (c, "body"))
        import_parts (im, doc_root, c);
      else if (_amend_import_named (c, "conclusions"))
        _amend_import_blocks (im, _amend_import_add (doc_root, AMEND_NODE_CLOSING), c, 1);
      else if (_amend_import_named (c, "attachments components"))
        {
          for (xmlNodePtr a = c->children; a != NULL; a = a->next)
            if (_amend_import_named (a, "attachment component"))
              import_attachment (im, a);
            else if (a->type == XML_ELEMENT_NODE)
              _amend_import_warn (im, a, _("this part of the act was left out"));
        }
      else
        _amend_import_warn (im, c, _("this part of the act was left out"));
    }
  return TRUE;
}
