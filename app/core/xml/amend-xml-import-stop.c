/* amend-xml-import-stop.c: STOP (imop-tekst) into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a RegelingCompact or RegelingKlassiek alone, or the one a decision
 * establishes: in the WijzigBijlage of a BesluitCompact, in a
 * BesluitKlassiek, or in the BesluitVersie of an AanleveringBesluit (the
 * delivery to the LVBB), whose RegelingVersieInformatie adds the work, the
 * expression and the citation title.  The decision's Aanhef becomes the
 * preamble and its Sluiting the Ondertekening.  A decision that only
 * changes a regulation (RegelingMutatie) holds no regulation to read: that
 * is said, not guessed at.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-wording.h"
#include "amend-xml-import-private.h"

typedef struct {
  char      *title;
  char      *citation;
  char      *authority;
  char      *work;
  char      *expression;
  char      *date;
  char      *in_effect; /* the delivery's juridischWerkendVanaf, when the expression has no date */
  xmlNodePtr source;    /* where the identifiers were read: for the line of a warning */
} StopMeta;

static void
stop_meta_clear (StopMeta *meta)
{
  g_free (meta->title);
  g_free (meta->citation);
  g_free (meta->authority);
  g_free (meta->work);
  g_free (meta->expression);
  g_free (meta->date);
  g_free (meta->in_effect);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StopMeta, stop_meta_clear)

static void import_parts (XmlImport *im, AmendNode *parent, xmlNodePtr container);

/* ----------------------------------------------------------------------- */
/* Headings                                                                 */
/* ----------------------------------------------------------------------- */

static void
read_kop (AmendNode  *node,
          xmlNodePtr  x)
{
  xmlNodePtr kop = _amend_import_child (x, "Kop");
  g_autofree char *label = _amend_import_text (_amend_import_child (kop, "Label"));

  if (kop == NULL)
    return;
  node->number = _amend_import_text (_amend_import_child (kop, "Nummer"));
  node->heading = _amend_import_text (_amend_import_child (kop, "Opschrift"));
  if (g_strcmp0 (label, "\xc2\xa7") == 0)
    node->word = g_strdup ("\xc2\xa7");
}

/* A Kop in free text (Divisie, Divisietekst): a free heading of its label,
 * number and title. */
static void
kop_heading (XmlImport  *im,
             AmendNode  *parent,
             xmlNodePtr  kop,
             guint       depth)
{
  AmendNode *text = _amend_import_add (parent, AMEND_NODE_TEXT);

  text->line_start = amend_xml_line (kop);
  for (xmlNodePtr c = kop ? kop->children : NULL; c != NULL; c = c->next)
    if (_amend_import_named (c, "Label Nummer Opschrift"))
      {
        if (text->runs && text->runs->len > 0)
          amend_node_add_run (text, " ", 1, AMEND_MARK_NONE, NULL);
        _amend_import_inline (im, text, c);
      }
  if (text->runs == NULL || text->runs->len == 0)
    {
      amend_node_free (amend_node_steal (parent, amend_node_index (text)));
      return;
    }
  text->heading_level = depth;
}

/* ----------------------------------------------------------------------- */
/* Articles and divisions                                                   */
/* ----------------------------------------------------------------------- */

static void
import_member (XmlImport  *im,
               AmendNode  *article,
               xmlNodePtr  lid,
               guint       ordinal)
{
  AmendNode *member = _amend_import_add (article, AMEND_NODE_MEMBER);
  g_autofree char *number = _amend_import_text (_amend_import_child (lid, "LidNummer"));

  if (number && g_str_has_suffix (number, "."))
    number[strlen (number) - 1] = '\0';
  member->number = number && number[0] ? g_steal_pointer (&number) : g_strdup_printf ("%u", ordinal);
  for (xmlNodePtr c = lid->children; c != NULL; c = c->next)
    if (_amend_import_named (c, "Inhoud"))
      _amend_import_blocks (im, member, c, 1);
    else if (c->type == XML_ELEMENT_NODE && !_amend_import_named (c, "LidNummer"))
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
      if (_amend_import_named (c, "Lid"))
        import_member (im, article, c, ++members);
      else if (_amend_import_named (c, "Inhoud"))
        _amend_import_blocks (im, article, c, 1);
      else if (c->type == XML_ELEMENT_NODE)
        _amend_import_block (im, article, c, 1);
    }
}

/* Hoofdstuk, Titel, Afdeling, Paragraaf, Artikel, and what Amend has not. */
static const char * const part_names[6] = {
  "Hoofdstuk", "Titel", "Afdeling", "Paragraaf Subparagraaf Subsubparagraaf", "Artikel", "Boek Deel",
};

static void
import_parts (XmlImport  *im,
              AmendNode  *parent,
              xmlNodePtr  container)
{
  for (xmlNodePtr c = container->children; c != NULL; c = c->next)
    {
      AmendNodeKind kind;

      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "Kop Gereserveerd"))
        continue;
      if (_amend_import_part_kind (im, c, part_names, &kind))
        {
          AmendNode *node = _amend_import_add (parent, kind);

          node->line_start = amend_xml_line (c);
          read_kop (node, c);
          if (kind == AMEND_NODE_ARTICLE)
            import_article (im, node, c);
          else
            import_parts (im, node, c);
        }
      else if (_amend_import_named (c, "WijzigArtikel"))
        _amend_import_warn (im, c, _("an article that changes another regulation was left out"));
      else
        _amend_import_block (im, parent, c, 1);
    }
}

/* ----------------------------------------------------------------------- */
/* Annexes and explanations                                                 */
/* ----------------------------------------------------------------------- */

/* A Kop whose Label is a part ("Artikel", "Hoofdstuk", "\xc2\xa7") and that
 * has a Nummer: how Amend's export writes an article or division that
 * stands in a Bijlage, where STOP allows none. */
static gboolean
kop_part (xmlNodePtr     x,
          AmendNodeKind *kind)
{
  static const AmendNodeKind kinds[] = {
    AMEND_NODE_CHAPTER, AMEND_NODE_TITLE, AMEND_NODE_DIVISION, AMEND_NODE_SECTION, AMEND_NODE_ARTICLE,
  };
  xmlNodePtr kop = _amend_import_child (x, "Kop");
  g_autofree char *label = _amend_import_text (_amend_import_child (kop, "Label"));
  g_autofree char *number = _amend_import_text (_amend_import_child (kop, "Nummer"));

  if (label == NULL || number == NULL)
    return FALSE;
  if (strcmp (label, "\xc2\xa7") == 0)
    {
      *kind = AMEND_NODE_SECTION;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (label, amend_node_kind_word (kinds[i])) == 0)
      {
        *kind = kinds[i];
        return TRUE;
      }
  return FALSE;
}

/* "1. " at the start of a paragraph: the number of the member the export
 * put there, since a Divisietekst holds no Lid. */
static char *
member_prefix (AmendNode *text,
               gsize     *len)
{
  const AmendRun *run;
  const char *p;

  if (text->kind != AMEND_NODE_TEXT || text->heading_level > 0 || text->runs == NULL || text->runs->len == 0)
    return NULL;
  run = &g_array_index (text->runs, AmendRun, 0);
  if (run->marks != AMEND_MARK_NONE || !g_ascii_isdigit (run->text[0]))
    return NULL;
  for (p = run->text; g_ascii_isdigit (*p); p++)
    ;
  if (g_ascii_islower (*p))
    p++;
  if (p[0] != '.' || p[1] != ' ')
    return NULL;
  *len = p + 2 - run->text;
  return g_strndup (run->text, p - run->text);
}

/* The paragraphs of an article in a Bijlage back into members: a
 * paragraph "1. ..." opens one, and what follows belongs to it. */
static void
restore_members (AmendNode *article)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  AmendNode *member = NULL;

  while (amend_node_n_children (article) > 0)
    g_ptr_array_add (children, amend_node_steal (article, 0));
  for (guint i = 0; i < children->len; i++)
    {
      AmendNode *child = g_ptr_array_index (children, i);
      gsize len = 0;
      g_autofree char *number = member_prefix (child, &len);

      if (number != NULL && (member != NULL || strcmp (number, "1") == 0))
        {
          AmendRun *run = &g_array_index (child->runs, AmendRun, 0);
          char *rest = g_strdup (run->text + len);

          g_free (run->text);
          run->text = rest;
          member = amend_node_new (AMEND_NODE_MEMBER);
          member->number = g_steal_pointer (&number);
          amend_node_append (article, member);
        }
      amend_node_append (member ? member : article, child);
    }
}

static void import_zone (XmlImport *im, AmendNode *node, xmlNodePtr x, guint depth);

static void
import_annex_part (XmlImport     *im,
                   AmendNode     *node,
                   xmlNodePtr     x,
                   AmendNodeKind  kind)
{
  AmendNode *part = _amend_import_add (node, kind);

  read_kop (part, x);
  import_zone (im, part, x, 1);
  if (kind == AMEND_NODE_ARTICLE)
    restore_members (part);
}

static void
import_zone (XmlImport  *im,
             AmendNode  *node,
             xmlNodePtr  x,
             guint       depth)
{
  gboolean in_annex = node->kind == AMEND_NODE_ANNEX || amend_node_find_ancestor (node, AMEND_NODE_ANNEX);

  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      AmendNodeKind kind;

      if (c->type != XML_ELEMENT_NODE || _amend_import_named (c, "Kop Gereserveerd"))
        continue;
      if (in_annex && _amend_import_named (c, "Divisie") && kop_part (c, &kind))
        import_annex_part (im, node, c, kind);
      else if (_amend_import_named (c, "Divisie AlgemeneToelichting ArtikelgewijzeToelichting Bijlage"))
        {
          kop_heading (im, node, _amend_import_child (c, "Kop"), depth);
          import_zone (im, node, c, depth + 1);
        }
      else if (_amend_import_named (c, "Divisietekst InleidendeTekst"))
        {
          kop_heading (im, node, _amend_import_child (c, "Kop"), depth);
          import_zone (im, node, c, depth + 1);
        }
      else if (_amend_import_named (c, "Inhoud Sluiting"))
        _amend_import_blocks (im, node, c, depth);
      else
        _amend_import_block (im, node, c, depth);
    }
}

static void
import_annex (XmlImport  *im,
              AmendNode  *root,
              xmlNodePtr  x,
              AmendNodeKind kind)
{
  AmendNode *node = _amend_import_add (root, kind);

  read_kop (node, x);
  /* "Toelichting" as its own title is the kind, not a title. */
  if (node->heading && g_ascii_strcasecmp (node->heading, amend_node_kind_word (kind)) == 0)
    g_clear_pointer (&node->heading, g_free);
  import_zone (im, node, x, 1);
}

/* ----------------------------------------------------------------------- */
/* Metadata                                                                 */
/* ----------------------------------------------------------------------- */

/* "gm0297_1__chp_1" -> "gm0297": the authority that first made it. */
static char *
authority_of_wid (const char *wid)
{
  const char *p = wid;
  guint letters = 0, digits = 0;

  while (g_ascii_islower (*p))
    p++, letters++;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (*p != '_' || letters < 2 || letters > 4 || digits < 2 || digits > 4)
    return NULL;
  return g_strndup (wid, p - wid);
}

static char *
find_authority (xmlNodePtr x)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      g_autofree char *wid = NULL;
      char *found;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      wid = _amend_import_attr (c, "wId");
      if (wid && (found = authority_of_wid (wid)) != NULL)
        return found;
      if ((found = find_authority (c)) != NULL)
        return found;
    }
  return NULL;
}

/* "/akn/nl/act/gm0297/2019/reg456/nld@1" -> the work and, when the
 * version is a date, the date. */
static void
split_expression (StopMeta *meta)
{
  const char *at, *slash;

  if (meta->expression == NULL || (at = strrchr (meta->expression, '@')) == NULL)
    return;
  slash = g_strrstr_len (meta->expression, at - meta->expression, "/");
  if (slash != NULL && meta->work == NULL)
    meta->work = g_strndup (meta->expression, slash - meta->expression);
  if (meta->date == NULL && strlen (at + 1) >= 10 && at[5] == '-' && at[8] == '-' &&
      g_ascii_isdigit (at[1]) && g_ascii_isdigit (at[10]))
    meta->date = g_strndup (at + 1, 10);
}

static void
regeling_meta (StopMeta   *meta,
               xmlNodePtr  regeling)
{
  if (meta->source == NULL)
    meta->source = regeling;
  if (meta->title == NULL)
    meta->title = _amend_import_text (_amend_import_child (regeling, "RegelingOpschrift"));
  if (meta->expression == NULL)
    meta->expression = _amend_import_attr (regeling, "wordt");
  if (meta->authority == NULL)
    meta->authority = find_authority (regeling);
}

static xmlNodePtr
data_child (xmlNodePtr  x,
            const char *name)
{
  for (xmlNodePtr c = x ? x->children : NULL; c != NULL; c = c->next)
    if (amend_xml_is (c, AMEND_XML_NS_STOP_DATA, name))
      return c;
  return NULL;
}

/* The goal (doel) of the BeoogdeRegeling that makes @expression, in a
 * delivery's ConsolidatieInformatie. */
static char *
goal_of (xmlNodePtr  info,
         const char *expression)
{
  xmlNodePtr intended = data_child (info, "BeoogdeRegelgeving");

  for (xmlNodePtr c = intended ? intended->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *version = _amend_import_text (data_child (c, "instrumentVersie"));

      if (amend_xml_is (c, AMEND_XML_NS_STOP_DATA, "BeoogdeRegeling") && g_strcmp0 (version, expression) == 0)
        return _amend_import_text (data_child (data_child (c, "doelen"), "doel"));
    }
  return NULL;
}

/* "nld@1" carries no date; the delivery says when that version takes
 * effect: the Tijdstempel juridischWerkendVanaf of its goal. */
static char *
effective_date (xmlNodePtr  delivery,
                const char *expression)
{
  for (xmlNodePtr v = delivery->children; v != NULL; v = v->next)
    {
      xmlNodePtr info = data_child (v, "ConsolidatieInformatie");
      xmlNodePtr stamps = data_child (info, "Tijdstempels");
      g_autofree char *goal = info ? goal_of (info, expression) : NULL;

      for (xmlNodePtr t = stamps ? stamps->children : NULL; t != NULL; t = t->next)
        {
          g_autofree char *kind = _amend_import_text (data_child (t, "soortTijdstempel"));
          g_autofree char *doel = _amend_import_text (data_child (t, "doel"));

          if (amend_xml_is (t, AMEND_XML_NS_STOP_DATA, "Tijdstempel") && g_strcmp0 (kind, "juridischWerkendVanaf") == 0 &&
              (goal == NULL || g_strcmp0 (doel, goal) == 0))
            return _amend_import_text (data_child (t, "datum"));
        }
    }
  return NULL;
}

/* The RegelingVersieInformatie of a delivery: the identifiers and titles
 * of the regulation version @expression (or of the first). */
static void
delivery_meta (StopMeta   *meta,
               xmlNodePtr  delivery,
               const char *expression)
{
  xmlNodePtr chosen = NULL;

  for (xmlNodePtr c = delivery->children; c != NULL; c = c->next)
    {
      xmlNodePtr id = data_child (c, "ExpressionIdentificatie");
      g_autofree char *expr = _amend_import_text (data_child (id, "FRBRExpression"));

      if (!amend_xml_is (c, AMEND_XML_NS_LVBB, "RegelingVersieInformatie"))
        continue;
      if (chosen == NULL || g_strcmp0 (expr, expression) == 0)
        chosen = c;
    }
  if (chosen != NULL)
    {
      xmlNodePtr id = data_child (chosen, "ExpressionIdentificatie");
      xmlNodePtr regmeta = data_child (chosen, "RegelingMetadata");
      xmlNodePtr citations = data_child (regmeta, "heeftCiteertitelInformatie");
      g_autofree char *maker = _amend_import_text (data_child (regmeta, "eindverantwoordelijke"));

      meta->source = id ? id : chosen;
      meta->work = _amend_import_text (data_child (id, "FRBRWork"));
      if (meta->expression == NULL)
        meta->expression = _amend_import_text (data_child (id, "FRBRExpression"));
      meta->title = _amend_import_text (data_child (regmeta, "officieleTitel"));
      meta->citation = _amend_import_text (data_child (data_child (citations, "CiteertitelInformatie"), "citeertitel"));
      /* "/tooi/id/gemeente/gm0297" */
      if (maker && strrchr (maker, '/'))
        meta->authority = g_strdup (strrchr (maker, '/') + 1);
    }
  meta->in_effect = effective_date (delivery, meta->expression ? meta->expression : expression);
}

static void
set_meta (XmlImport *im,
          StopMeta  *meta)
{
  split_expression (meta);
  if (meta->date == NULL)
    meta->date = g_strdup (meta->in_effect);
  if (meta->title)
    _amend_import_meta (im, "title", meta->title, meta->source);
  if (meta->citation && g_strcmp0 (meta->citation, meta->title) != 0)
    _amend_import_meta (im, "citation", meta->citation, meta->source);
  if (meta->authority)
    _amend_import_meta (im, "authority", meta->authority, meta->source);
  if (meta->work)
    _amend_import_meta (im, "work", meta->work, meta->source);
  if (meta->expression)
    _amend_import_meta (im, "expression", meta->expression, meta->source);
  if (meta->date)
    _amend_import_meta (im, "date", meta->date, meta->source);
}

/* ----------------------------------------------------------------------- */
/* Regulations and decisions                                                */
/* ----------------------------------------------------------------------- */

static void
import_regeling (XmlImport  *im,
                 xmlNodePtr  regeling,
                 xmlNodePtr  aanhef,
                 xmlNodePtr  sluiting)
{
  AmendNode *root = amend_document_get_root (im->doc);

  aanhef = _amend_import_child (regeling, "Aanhef") ? _amend_import_child (regeling, "Aanhef") : aanhef;
  sluiting = _amend_import_child (regeling, "Sluiting") ? _amend_import_child (regeling, "Sluiting") : sluiting;
  if (aanhef)
    _amend_import_blocks (im, _amend_import_preamble (im), aanhef, 1);

  for (xmlNodePtr c = regeling->children; c != NULL; c = c->next)
    if (_amend_import_named (c, "Lichaam"))
      import_parts (im, root, c);

  if (sluiting)
    _amend_import_blocks (im, _amend_import_add (root, AMEND_NODE_CLOSING), sluiting, 1);

  for (xmlNodePtr c = regeling->children; c != NULL; c = c->next)
    {
      if (_amend_import_named (c, "Bijlage"))
        import_annex (im, root, c, AMEND_NODE_ANNEX);
      else if (_amend_import_named (c, "Toelichting ArtikelgewijzeToelichting"))
        import_annex (im, root, c, AMEND_NODE_EXPLANATION);
      else if (c->type == XML_ELEMENT_NODE &&
               !_amend_import_named (c, "RegelingOpschrift Lichaam Aanhef Sluiting"))
        _amend_import_unknown (im, c);
    }
}

static gboolean
is_regeling (xmlNodePtr x)
{
  return amend_xml_is (x, AMEND_XML_NS_STOP_TEKST, "RegelingCompact") ||
         amend_xml_is (x, AMEND_XML_NS_STOP_TEKST, "RegelingKlassiek");
}

static xmlNodePtr
find_mutation (xmlNodePtr x)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      xmlNodePtr found;

      if (amend_xml_is (c, AMEND_XML_NS_STOP_TEKST, "RegelingMutatie"))
        return c;
      if (c->type == XML_ELEMENT_NODE && (found = find_mutation (c)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
no_regulation (xmlNodePtr   besluit,
               GError     **error)
{
  xmlNodePtr mutation = find_mutation (besluit);

  if (mutation != NULL)
    {
      g_autofree char *was = _amend_import_attr (mutation, "was");
      g_autofree char *wordt = _amend_import_attr (mutation, "wordt");

      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("this is a decision that changes a regulation (a RegelingMutatie from %s to %s), not a "
                     "regulation: import the regulation it changes, or the consolidated version after it"),
                   was ? was : "?", wordt ? wordt : "?");
      return FALSE;
    }
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("the decision %s holds no regulation (RegelingCompact or RegelingKlassiek) to import"),
               (const char *) besluit->name);
  return FALSE;
}

/* ----------------------------------------------------------------------- */
/* The decision                                                             */
/* ----------------------------------------------------------------------- */

static void
data_meta (XmlImport  *im,
           const char *key,
           xmlNodePtr  x)
{
  g_autofree char *value = _amend_import_text (x);

  if (value != NULL)
    _amend_import_meta (im, key, value, x);
}

/* voltooidOp of the Procedurestap of the kind @step (stap_002 Vaststelling,
 * stap_003 Ondertekening). */
static xmlNodePtr
step_done (xmlNodePtr  procedure,
           const char *step)
{
  xmlNodePtr steps = data_child (procedure, "procedurestappen");

  for (xmlNodePtr c = steps ? steps->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *kind = _amend_import_text (data_child (c, "soortStap"));

      if (amend_xml_is (c, AMEND_XML_NS_STOP_DATA, "Procedurestap") && kind && g_str_has_suffix (kind, step))
        return data_child (c, "voltooidOp");
    }
  return NULL;
}

/* "subjects": the onderwerpen, separated by commas. */
static void
subjects_meta (XmlImport  *im,
               xmlNodePtr  metadata)
{
  xmlNodePtr list = data_child (metadata, "onderwerpen");
  g_autoptr(GString) subjects = g_string_new (NULL);

  for (xmlNodePtr c = list ? list->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *subject = amend_xml_is (c, AMEND_XML_NS_STOP_DATA, "onderwerp") ? _amend_import_text (c) : NULL;

      if (subject != NULL)
        g_string_append_printf (subjects, "%s%s", subjects->len ? ", " : "", subject);
    }
  if (subjects->len > 0)
    _amend_import_meta (im, "subjects", subjects->str, list);
}

/* What a delivery says of the decision, in the keys the LVBB export takes
 * (README, "Delivery to the LVBB"), so that the regulation can be
 * delivered again as it came. */
static void
delivery_decision_meta (XmlImport  *im,
                        xmlNodePtr  delivery,
                        StopMeta   *meta)
{
  for (xmlNodePtr v = delivery->children; v != NULL; v = v->next)
    {
      xmlNodePtr procedure = data_child (v, "Procedureverloop");
      xmlNodePtr metadata = data_child (v, "BesluitMetadata");

      if (amend_xml_is (v, AMEND_XML_NS_LVBB, "RegelingVersieInformatie"))
        data_meta (im, "regulation-kind", data_child (data_child (v, "RegelingMetadata"), "soortRegeling"));
      if (!amend_xml_is (v, AMEND_XML_NS_LVBB, "BesluitVersie"))
        continue;
      data_meta (im, "decision-work", data_child (data_child (v, "ExpressionIdentificatie"), "FRBRWork"));
      data_meta (im, "decided", step_done (procedure, "/stap_002"));
      data_meta (im, "signed", step_done (procedure, "/stap_003"));
      data_meta (im, "known-on", data_child (procedure, "bekendOp"));
      data_meta (im, "body", data_child (metadata, "soortBestuursorgaan"));
      subjects_meta (im, metadata);
    }
  if (meta->in_effect != NULL)
    _amend_import_meta (im, "in-force", meta->in_effect, meta->source);
}

/* The decision's title.  The one Amend's export makes ("Besluit van de raad
 * van X tot vaststelling van de APV") is no title of its own: it would stay
 * behind when the regulation's title changes; its authority's name is
 * taken instead. */
static void
decision_title_meta (XmlImport  *im,
                     xmlNodePtr  opschrift)
{
  g_autofree char *text = _amend_import_text (opschrift);
  const char *title = amend_document_get_meta (im->doc, "title");
  g_autofree char *name = title ? amend_wording_regulation (title) : NULL;
  g_autofree char *made = name ? g_strconcat (" tot vaststelling van ", name, NULL) : NULL;

  if (text == NULL)
    return;
  if (made == NULL || !g_str_has_prefix (text, "Besluit ") || !g_str_has_suffix (text, made))
    {
      _amend_import_meta (im, "decision-title", text, opschrift);
      return;
    }
  if (g_str_has_prefix (text, "Besluit van ") && strlen (text) > strlen ("Besluit van ") + strlen (made))
    {
      g_autofree char *authority_name = g_strndup (text + strlen ("Besluit van "),
                                                   strlen (text) - strlen ("Besluit van ") - strlen (made));
      _amend_import_meta (im, "authority-name", authority_name, opschrift);
    }
}

/* The eId of the article that says when the decision takes effect: the
 * Tijdstempel's, whose date is "in-force" now. */
static char *
in_force_eid (xmlNodePtr delivery)
{
  for (xmlNodePtr v = delivery ? delivery->children : NULL; v != NULL; v = v->next)
    {
      xmlNodePtr stamps = data_child (data_child (v, "ConsolidatieInformatie"), "Tijdstempels");

      for (xmlNodePtr t = stamps ? stamps->children : NULL; t != NULL; t = t->next)
        if (amend_xml_is (t, AMEND_XML_NS_STOP_DATA, "Tijdstempel"))
          return _amend_import_text (data_child (t, "eId"));
    }
  return NULL;
}

/* The decision's own articles are not the regulation's.  The WijzigArtikel
 * that establishes it says nothing the import does not keep, nor does the
 * article on the entry into force when its date became "in-force"; any
 * other (what else the council decided) is left out, and said so. */
static void
warn_decision_articles (XmlImport  *im,
                        xmlNodePtr  lichaam,
                        xmlNodePtr  delivery)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autofree char *in_force = amend_document_get_meta (im->doc, "in-force") ? in_force_eid (delivery) : NULL;

  for (xmlNodePtr c = lichaam ? lichaam->children : NULL; c != NULL; c = c->next)
    if (_amend_import_named (c, "Artikel"))
      {
        g_autofree char *eid = _amend_import_attr (c, "eId");

        if (eid != NULL && g_strcmp0 (eid, in_force) == 0)
          continue;
        g_autofree char *number = _amend_import_text (_amend_import_child (_amend_import_child (c, "Kop"), "Nummer"));

        g_string_append_printf (numbers, "%s%s", numbers->len ? ", " : "", number ? number : "?");
      }
  if (numbers->len > 0)
    _amend_import_warn (im, lichaam,
                        _("the decision's own articles (%s) were left out: what they decide belongs to the "
                          "decision, not to the regulation"), numbers->str);
}

static void
warn_decision_parts (XmlImport  *im,
                     xmlNodePtr  besluit,
                     xmlNodePtr  delivery)
{
  for (xmlNodePtr c = besluit->children; c != NULL; c = c->next)
    if (_amend_import_named (c, "Lichaam"))
      warn_decision_articles (im, c, delivery);
    else if (c->type == XML_ELEMENT_NODE && !is_regeling (c) &&
             !_amend_import_named (c, "RegelingOpschrift Aanhef Sluiting WijzigBijlage"))
      _amend_import_warn (im, c, _("this part of the decision, not of the regulation, was left out"));
}

static gboolean
import_besluit (XmlImport   *im,
                xmlNodePtr   besluit,
                StopMeta    *meta,
                xmlNodePtr   delivery,
                GError     **error)
{
  g_autoptr(GPtrArray) regelingen = g_ptr_array_new ();
  xmlNodePtr regeling;

  for (xmlNodePtr c = besluit->children; c != NULL; c = c->next)
    {
      if (is_regeling (c))
        g_ptr_array_add (regelingen, c);
      else if (amend_xml_is (c, AMEND_XML_NS_STOP_TEKST, "WijzigBijlage"))
        for (xmlNodePtr r = c->children; r != NULL; r = r->next)
          if (is_regeling (r))
            g_ptr_array_add (regelingen, r);
    }
  if (regelingen->len == 0)
    return no_regulation (besluit, error);
  regeling = g_ptr_array_index (regelingen, 0);
  if (regelingen->len > 1)
    _amend_import_warn (im, g_ptr_array_index (regelingen, 1),
                        _("the decision establishes %u regulations; only the first was imported"),
                        regelingen->len);

  if (delivery)
    {
      g_autofree char *wordt = _amend_import_attr (regeling, "wordt");
      delivery_meta (meta, delivery, wordt);
    }
  regeling_meta (meta, regeling);
  set_meta (im, meta);
  if (delivery)
    delivery_decision_meta (im, delivery, meta);
  decision_title_meta (im, _amend_import_child (besluit, "RegelingOpschrift"));
  warn_decision_parts (im, besluit, delivery);
  import_regeling (im, regeling, _amend_import_child (besluit, "Aanhef"), _amend_import_child (besluit, "Sluiting"));
  return TRUE;
}

static xmlNodePtr
find_besluit (xmlNodePtr delivery)
{
  for (xmlNodePtr c = delivery->children; c != NULL; c = c->next)
    if (amend_xml_is (c, AMEND_XML_NS_LVBB, "BesluitVersie"))
      for (xmlNodePtr b = c->children; b != NULL; b = b->next)
        if (amend_xml_is (b, AMEND_XML_NS_STOP_TEKST, "BesluitCompact") ||
            amend_xml_is (b, AMEND_XML_NS_STOP_TEKST, "BesluitKlassiek"))
          return b;
  return NULL;
}

gboolean
_amend_import_stop (XmlImport   *im,
                    xmlNodePtr   root,
                    GError     **error)
{
  g_auto(StopMeta) meta = { 0 };

  if (amend_xml_is (root, AMEND_XML_NS_LVBB, "AanleveringBesluit"))
    {
      xmlNodePtr besluit = find_besluit (root);

      if (besluit == NULL)
        {
          g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                       _("the delivery (AanleveringBesluit) holds no BesluitCompact or BesluitKlassiek"));
          return FALSE;
        }
      return import_besluit (im, besluit, &meta, root, error);
    }
  if (amend_xml_is (root, AMEND_XML_NS_STOP_TEKST, "BesluitCompact") ||
      amend_xml_is (root, AMEND_XML_NS_STOP_TEKST, "BesluitKlassiek"))
    return import_besluit (im, root, &meta, NULL, error);
  if (is_regeling (root))
    {
      regeling_meta (&meta, root);
      set_meta (im, &meta);
      import_regeling (im, root, NULL, NULL);
      return TRUE;
    }
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("the root element is the STOP %s, which holds no regulation with articles; Amend imports "
                 "RegelingCompact, RegelingKlassiek, BesluitCompact, BesluitKlassiek and AanleveringBesluit"),
               (const char *) root->name);
  return FALSE;
}
