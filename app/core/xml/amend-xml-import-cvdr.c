/* amend-xml-import-cvdr.c: CVDR (Centrale Voorziening Decentrale
 * Regelgeving) into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CVDR is how the regulations in force of every municipality, province and
 * water board are published (lokaleregelgeving.overheid.nl).  Its text
 * follows the BWB model of national law: kop with label, nr and titel;
 * artikel, lid with lidnr, lijst with li nr="a."; al; vet, cursief.  The
 * metadata is Dublin Core (OWMS): dcterms:title, creator, identifier.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-xml-import-private.h"

#define DIVISIONS "hoofdstuk titeldeel titel afdeling paragraaf sub-paragraaf subparagraaf boek deel divisie"

static void import_parts (XmlImport *im, AmendNode *parent, xmlNodePtr container);

static AmendNodeKind
division_kind (xmlNodePtr x)
{
  if (_amend_import_named (x, "hoofdstuk"))
    return AMEND_NODE_CHAPTER;
  if (_amend_import_named (x, "afdeling"))
    return AMEND_NODE_DIVISION;
  if (_amend_import_named (x, "paragraaf sub-paragraaf subparagraaf"))
    return AMEND_NODE_SECTION;
  return AMEND_NODE_TITLE;
}

/* "1", "2:1", "3a", "1.2a": where the number at @p ends. */
static const char *
scan_number (const char *p)
{
  const char *end = p;

  if (!g_ascii_isdigit (*p))
    return p;
  for (;;)
    {
      while (g_ascii_isdigit (*end))
        end++;
      if (g_ascii_islower (*end) && !g_ascii_isalpha (end[1]))
        end++;
      if ((*end == '.' || *end == ':') && g_ascii_isdigit (end[1]))
        {
          end++;
          continue;
        }
      return end;
    }
}

/* "Artikel" / "1" / "Begrippen", or all of it in the label: "1.Parkeren",
 * "Artikel 3 Toezicht". */
static void
read_kop (AmendNode  *node,
          xmlNodePtr  x)
{
  xmlNodePtr kop = _amend_import_child (x, "kop");
  g_autofree char *label = _amend_import_text (_amend_import_child (kop, "label"));
  g_autofree char *number = _amend_import_text (_amend_import_child (kop, "nr"));
  g_autofree char *title = _amend_import_text (_amend_import_child (kop, "titel"));
  const char *word = amend_node_kind_word (node->kind);

  if (number == NULL && label != NULL)
    {
      const char *rest = label;
      const char *end;

      if (word && g_ascii_strncasecmp (rest, word, strlen (word)) == 0)
        rest += strlen (word);
      while (*rest == ' ')
        rest++;
      end = scan_number (rest);
      if (end > rest)
        {
          number = g_strndup (rest, end - rest);
          while (*end == ' ' || *end == '.')
            end++;
        }
      if (title == NULL && *end)
        title = g_strdup (end);
    }
  while (number && g_str_has_suffix (number, ".") && strlen (number) > 1)
    number[strlen (number) - 1] = '\0';
  if (g_strcmp0 (label, "\xc2\xa7") == 0)
    node->word = g_strdup ("\xc2\xa7");
  node->number = g_steal_pointer (&number);
  node->heading = g_steal_pointer (&title);
}

static void
import_member (XmlImport  *im,
               AmendNode  *article,
               xmlNodePtr  lid,
               guint       ordinal)
{
  AmendNode *member = _amend_import_add (article, AMEND_NODE_MEMBER);
  g_autofree char *number = _amend_import_text (_amend_import_child (lid, "lidnr"));

  while (number && g_str_has_suffix (number, "."))
    number[strlen (number) - 1] = '\0';
  member->number = number && number[0] ? g_steal_pointer (&number) : g_strdup_printf ("%u", ordinal);
  for (xmlNodePtr c = lid->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !_amend_import_named (c, "lidnr"))
      _amend_import_block (im, member, c, 1);
}

static void
import_article (XmlImport  *im,
                AmendNode  *article,
                xmlNodePtr  x)
{
  guint members = 0;

  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      if (_amend_import_named (c, "lid"))
        import_member (im, article, c, ++members);
      else if (c->type == XML_ELEMENT_NODE && !_amend_import_named (c, "kop meta-data"))
        _amend_import_block (im, article, c, 1);
    }
}

static void
import_parts (XmlImport  *im,
              AmendNode  *parent,
              xmlNodePtr  container)
{
  for (xmlNodePtr c = container->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "kop meta-data"))
        continue;
      if (_amend_import_named (c, "artikel"))
        {
          AmendNode *article = _amend_import_add (parent, AMEND_NODE_ARTICLE);

          article->line_start = amend_xml_line (c);
          read_kop (article, c);
          import_article (im, article, c);
        }
      else if (_amend_import_named (c, DIVISIONS))
        {
          AmendNode *division = _amend_import_add (parent, division_kind (c));

          division->line_start = amend_xml_line (c);
          if (_amend_import_named (c, "boek deel divisie"))
            _amend_import_warn (im, c, _("Amend has no such part; it was read as a Titel"));
          read_kop (division, c);
          import_parts (im, division, c);
        }
      else
        _amend_import_block (im, parent, c, 1);
    }
}

/* The kop of an artikel or division in a bijlage or toelichting: a free
 * heading ("Artikel 1.1 Begrippen"). */
static void
zone_heading (XmlImport  *im,
              AmendNode  *node,
              xmlNodePtr  kop,
              guint       depth)
{
  AmendNode *heading = _amend_import_add (node, AMEND_NODE_TEXT);

  heading->line_start = amend_xml_line (kop);
  for (xmlNodePtr k = kop->children; k != NULL; k = k->next)
    if (_amend_import_named (k, "label nr titel"))
      {
        if (heading->runs && heading->runs->len > 0)
          amend_node_add_run (heading, " ", 1, AMEND_MARK_NONE, NULL);
        _amend_import_inline (im, heading, k);
      }
  if (heading->runs && heading->runs->len > 0)
    heading->heading_level = depth;
  else
    amend_node_free (amend_node_steal (node, amend_node_index (heading)));
}

/* A bijlage or toelichting holds text, and articles and divisions (the
 * artikelsgewijze toelichting has one per article): each of those is its
 * kop as a free heading, then its text. */
static void
import_zone_blocks (XmlImport  *im,
                    AmendNode  *node,
                    xmlNodePtr  x,
                    guint       depth)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      xmlNodePtr kop;

      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "kop"))
        continue;
      if (!_amend_import_named (c, "artikel " DIVISIONS))
        {
          _amend_import_block (im, node, c, depth);
          continue;
        }
      if ((kop = _amend_import_child (c, "kop")) != NULL)
        zone_heading (im, node, kop, depth);
      import_zone_blocks (im, node, c, depth + 1);
    }
}

static void
import_zone (XmlImport     *im,
             AmendNodeKind  kind,
             xmlNodePtr     x)
{
  AmendNode *node = _amend_import_add (amend_document_get_root (im->doc), kind);

  read_kop (node, x);
  /* "Toelichting" as its own title is the kind, not a title. */
  if (node->heading && g_ascii_strcasecmp (node->heading, amend_node_kind_word (kind)) == 0)
    g_clear_pointer (&node->heading, g_free);
  import_zone_blocks (im, node, x, 1);
}

/* CVDR keeps every version, also those no longer in force: one with an
 * end date is not the regulation in force, which is what an import into
 * Amend is for. */
static void
warn_withdrawn (XmlImport  *im,
                xmlNodePtr  end_el)
{
  g_autofree char *end = _amend_import_text (end_el);

  if (end != NULL)
    _amend_import_warn (im, end_el,
                        _("this version ceased to be in force on %s: it is not the regulation in force; import "
                          "the version in force (lokaleregelgeving.overheid.nl) unless you meant this one"), end);
}

static void
import_meta (XmlImport  *im,
             xmlNodePtr  cvdr,
             xmlNodePtr  body)
{
  xmlNodePtr meta = _amend_import_child (cvdr, "meta");
  xmlNodePtr kern = _amend_import_child (meta, "owmskern");
  xmlNodePtr mantel = _amend_import_child (meta, "owmsmantel");
  xmlNodePtr ipm = _amend_import_child (meta, "cvdripm");
  xmlNodePtr title_el = _amend_import_child (kern, "title");
  xmlNodePtr creator_el = _amend_import_child (kern, "creator");
  xmlNodePtr in_force_el = _amend_import_child (ipm, "inwerkingtredingDatum");
  xmlNodePtr issued_el = _amend_import_child (mantel, "issued");
  g_autofree char *title = _amend_import_text (title_el);
  g_autofree char *citation = _amend_import_text (_amend_import_child (mantel, "alternative"));
  g_autofree char *creator = _amend_import_text (creator_el);
  g_autofree char *scheme = _amend_import_attr (creator_el, "scheme");
  g_autofree char *identifier = _amend_import_text (_amend_import_child (kern, "identifier"));
  g_autofree char *in_force = _amend_import_text (in_force_el);
  g_autofree char *issued = _amend_import_text (issued_el);

  if (title == NULL)
    title = _amend_import_text (title_el = _amend_import_child (body, "intitule"));
  if (title)
    _amend_import_meta (im, "title", title, title_el);
  if (citation && g_strcmp0 (citation, title) != 0)
    _amend_import_meta (im, "citation", citation, _amend_import_child (mantel, "alternative"));
  if (creator)
    {
      /* scheme="overheid:Gemeente": the creator is the municipality's name. */
      g_autofree char *name = scheme && strstr (scheme, "Gemeente") && !strstr (creator, "emeente")
                              ? g_strdup_printf ("gemeente %s", creator) : g_strdup (creator);
      _amend_import_meta (im, "authority-name", name, creator_el);
    }
  /* CVDR has no authority code: a warning about it names the creator. */
  if (creator_el)
    g_hash_table_insert (im->meta_lines, g_strdup ("authority"), GUINT_TO_POINTER (amend_xml_line (creator_el)));
  if (in_force || issued)
    _amend_import_meta (im, "date", in_force ? in_force : issued, in_force ? in_force_el : issued_el);
  if (identifier)
    _amend_import_meta (im, "cvdr", identifier, _amend_import_child (kern, "identifier"));
  warn_withdrawn (im, _amend_import_child (ipm, "uitwerkingtredingDatum"));
}

gboolean
_amend_import_cvdr (XmlImport   *im,
                    xmlNodePtr   cvdr,
                    GError     **error)
{
  xmlNodePtr body = _amend_import_child (cvdr, "body");
  xmlNodePtr regeling = _amend_import_child (body, "regeling");
  AmendNode *root = amend_document_get_root (im->doc);
  xmlNodePtr aanhef, tekst, sluiting;

  if (regeling == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("the CVDR document holds no regeling in its body; there is nothing to import"));
      return FALSE;
    }
  import_meta (im, cvdr, body);
  for (xmlNodePtr c = body->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !_amend_import_named (c, "intitule citeertitel regeling"))
      _amend_import_warn (im, c, _("Amend does not know this element beside the regeling; it was left out"));

  aanhef = _amend_import_child (regeling, "aanhef");
  if (aanhef)
    _amend_import_blocks (im, _amend_import_preamble (im), aanhef, 1);
  tekst = _amend_import_child (regeling, "regeling-tekst");
  if (tekst)
    import_parts (im, root, tekst);
  sluiting = _amend_import_child (regeling, "regeling-sluiting");
  if (sluiting)
    _amend_import_blocks (im, _amend_import_add (root, AMEND_NODE_CLOSING), sluiting, 1);

  for (xmlNodePtr c = regeling->children; c != NULL; c = c->next)
    {
      if (_amend_import_named (c, "bijlage"))
        import_zone (im, AMEND_NODE_ANNEX, c);
      else if (_amend_import_named (c, "toelichting nota-toelichting"))
        import_zone (im, AMEND_NODE_EXPLANATION, c);
      else if (c->type == XML_ELEMENT_NODE &&
               !_amend_import_named (c, "aanhef regeling-tekst regeling-sluiting"))
        _amend_import_unknown (im, c);
    }
  return TRUE;
}
