/* amend-stop-export.c: a regulation as STOP (Standaard Officiële Publicaties)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the tekst module of STOP 1.1 (imop-tekst.xsd) with libxml2's tree
 * API, which escapes text and keeps the namespace right:
 *
 *  - amend_stop_export_regulation(): the regulation as RegelingCompact;
 *  - amend_stop_export_decision(): the decision that establishes it, a
 *    BesluitCompact whose WijzigBijlage holds that RegelingCompact;
 *  - amend_stop_export_change(): the decision that changes it, a
 *    BesluitCompact whose WijzigBijlage holds a RegelingMutatie in renvooi,
 *    worked out in amend-xml-change.c.
 *
 * Every element STOP identifies gets the eId of the model and a wId of the
 * form "<authority>_<version>__<eId>" (gm0297_1__chp_1 in the examples of
 * the standard).  The wId must stay the same when an element is
 * renumbered: in the change export wid_for() takes the eId the element had
 * in the old version.  The node writers below take a StopWriter and an
 * xmlNode parent, so that the change export writes an article into a
 * Vervang or VoegToe with the same code; with StopWriter.change set they
 * write the renvooi marks (NieuweTekst, VerwijderdeTekst, wijzigactie).
 *
 * The schema is stricter than the Markdown in a few places; what it cannot
 * hold is an error when only the author can fix it (articles and
 * Afdelingen side by side in a Hoofdstuk), and a warning when the export
 * can still say the same (text next to divisions, a link in a heading).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "amend-stop-export.h"
#include "amend-wording.h"
#include "amend-xml-change.h"
#include "amend-xml-meta.h"
#include "amend-xml-private.h"

#define STOP_SCHEMA_VERSION "1.3.0"
/* The second part of a new element's wId: the version it first appeared
 * in.  An export of the whole regulation is its first version. */
#define STOP_FIRST_VERSION "1"
/* In a change export, the version of the elements the change adds. */
#define STOP_NEXT_VERSION "2"
/* The name of the regulation inside the WijzigBijlage, as in the examples
 * of the standard. */
#define STOP_COMPONENT "initieel_reg"
#define STOP_CHANGE_COMPONENT "wijziging_reg"

/* base.wids NULL: every wId from its eId; base.change, in the change
 * export, the renvooi marks and where each element comes from. */
typedef struct {
  AmendXmlWriter base;
  gboolean       in_action; /* inside an element marked voegtoe or verwijder */
  GHashTable    *renamed;   /* eId of the model -> the eId STOP names it by (a part written as a Divisie) */
  gboolean       adding;    /* writing what a VoegToe adds */
  GHashTable    *fresh;     /* eIds a VoegToe added, with the wIds of the new version */
  gboolean       warned_relative;
} StopWriter;

/* Where blocks go: each STOP container allows its own set. */
typedef enum {
  BLOCKS_INHOUD,  /* Al, Lijst, Begrippenlijst, Tussenkop */
  BLOCKS_LI,      /* Al, Lijst, Begrippenlijst */
  BLOCKS_PLAIN,   /* Al, Lijst: Definitie, Aanhef */
} BlockContext;

static void write_blocks (StopWriter *w, xmlNodePtr parent, const AmendNode *node,
                          guint from, guint to, BlockContext ctx);

/* ----------------------------------------------------------------------- */
/* Small helpers                                                            */
/* ----------------------------------------------------------------------- */

static gboolean
stop_writer_init (StopWriter     *w,
                  AmendDocument  *doc,
                  GPtrArray      *warnings,
                  GError        **error)
{
  memset (w, 0, sizeof *w);
  if (!amend_xml_meta_load (&w->base.meta, doc, error))
    return FALSE;
  w->base.warnings = warnings;
  w->base.xml = xmlNewDoc ((const xmlChar *) "1.0");
  return TRUE;
}

static void
stop_writer_clear (StopWriter *w)
{
  _amend_xml_writer_clear (&w->base);
  g_clear_pointer (&w->renamed, g_hash_table_unref);
  g_clear_pointer (&w->fresh, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StopWriter, stop_writer_clear)

static xmlNodePtr
el (StopWriter *w,
    xmlNodePtr  parent,
    const char *name)
{
  return _amend_xml_el (&w->base, parent, name);
}

static xmlNodePtr
text_el (StopWriter      *w,
         xmlNodePtr       parent,
         const char      *name,
         const char      *text,
         const AmendNode *owner)
{
  return _amend_xml_text_el (&w->base, parent, name, text, owner);
}

/* The eId of the model as STOP names it.  STOP's naming (the business
 * rules STOP0022/STOP0023) takes the prefix of an eId from the element it
 * is on: a Toelichting is "recital", where the model (and Akoma Ntoso)
 * says "expl"; a part written as a Divisie (an article in an annex) is
 * "div", and what is in it is named under it. */
static char *
stop_eid (StopWriter *w,
          const char *eid)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *longest = NULL;
  const char *to = NULL;

  if (eid == NULL)
    return NULL;
  if (w->renamed != NULL)
    {
      GHashTableIter iter;
      gpointer k, v;

      g_hash_table_iter_init (&iter, w->renamed);
      while (g_hash_table_iter_next (&iter, &k, &v))
        {
          gsize len = strlen (k);

          if (strncmp (eid, k, len) == 0 && (eid[len] == '\0' || g_str_has_prefix (eid + len, "__")) &&
              (longest == NULL || len > strlen (longest)))
            {
              g_free (longest);
              longest = g_strdup (k);
              to = v;
            }
        }
    }
  if (longest != NULL)
    {
      g_autofree char *rest = g_strconcat (to, eid + strlen (longest), NULL);
      parts = g_strsplit (rest, "__", -1);
    }
  else
    parts = g_strsplit (eid, "__", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], "expl_"))
      {
        char *recital = g_strconcat ("recital_", parts[i] + strlen ("expl_"), NULL);
        g_free (parts[i]);
        parts[i] = recital;
      }
  return g_strjoinv ("__", parts);
}

/* In a change export an element keeps the wId of the element it was in the
 * old version, whatever its eId is now: renumbered article 6, now 7, stays
 * AUTHORITY_1__..art_6.  An element the change adds is of the next version. */
static char *
wid_for (StopWriter *w,
         const char *eid)
{
  const char *known = w->base.wids ? g_hash_table_lookup (w->base.wids, eid) : NULL;
  const char *old_eid = NULL;
  g_autofree char *named = NULL;

  if (known != NULL)
    return g_strdup (known);
  /* What a VoegToe adds is an element of the new version, also when it
   * stood elsewhere before (a move is a Verwijder and a VoegToe): STOP
   * asks every wId in a mutation to be unique. */
  if (w->adding || (w->fresh && g_hash_table_contains (w->fresh, eid)))
    {
      named = stop_eid (w, eid);
      return g_strdup_printf ("%s_%s__%s", w->base.meta.authority, STOP_NEXT_VERSION, named);
    }
  if (w->base.change && amend_xml_change_origin (w->base.change, eid, &old_eid))
    {
      if (old_eid == NULL)
        {
          named = stop_eid (w, eid);
          return g_strdup_printf ("%s_%s__%s", w->base.meta.authority, STOP_NEXT_VERSION, named);
        }
      named = stop_eid (w, old_eid);
      return g_strdup_printf ("%s_%s__%s", w->base.meta.authority, STOP_FIRST_VERSION, named);
    }
  named = stop_eid (w, eid);
  return g_strdup_printf ("%s_%s__%s", w->base.meta.authority, STOP_FIRST_VERSION, named);
}

static void
set_ids (StopWriter *w,
         xmlNodePtr  x,
         const char *eid)
{
  g_autofree char *wid = wid_for (w, eid);
  g_autofree char *named = stop_eid (w, eid);

  xmlNewProp (x, (const xmlChar *) "eId", (const xmlChar *) named);
  xmlNewProp (x, (const xmlChar *) "wId", (const xmlChar *) wid);
}

static const char *
action_of (AmendXmlState state)
{
  return state == AMEND_XML_INSERTED ? "voegtoe" : state == AMEND_XML_DELETED ? "verwijder" : NULL;
}

/* The ids of @node, and in renvooi whether it came or went as a whole.
 * Returns TRUE when it was marked. */
static gboolean
set_node_ids (StopWriter      *w,
              xmlNodePtr       x,
              const AmendNode *node)
{
  const char *action = w->base.change && !w->in_action
                       ? action_of (amend_xml_change_state (w->base.change, node)) : NULL;

  set_ids (w, x, node->eid);
  if (action)
    xmlNewProp (x, (const xmlChar *) "wijzigactie", (const xmlChar *) action);
  return action != NULL;
}

/* The ids of the document's frame, which the standard's examples do not
 * prefix: longTitle, body, formula_1. */
static void
set_plain_ids (xmlNodePtr  x,
               const char *id)
{
  xmlNewProp (x, (const xmlChar *) "eId", (const xmlChar *) id);
  xmlNewProp (x, (const xmlChar *) "wId", (const xmlChar *) id);
}

static void
warn (StopWriter      *w,
      const AmendNode *node,
      const char      *message)
{
  _amend_xml_writer_warn (&w->base, node, message);
}

static char *
describe (const AmendNode *node)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

  if (word == NULL)
    word = amend_node_kind_to_string (node->kind);
  if (node->number && node->number[0])
    return g_strdup_printf ("%s %s", word, node->number);
  return g_strdup (word);
}

/* Records the first structural problem; the export then fails with it. */
static void
fail (StopWriter      *w,
      const AmendNode *node,
      const char      *message)
{
  if (w->base.error != NULL)
    return;
  if (node && node->line_start > 0)
    g_set_error (&w->base.error, AMEND_ERROR, AMEND_ERROR_INVALID, _("line %u: %s"), node->line_start, message);
  else
    g_set_error_literal (&w->base.error, AMEND_ERROR, AMEND_ERROR_INVALID, message);
}

static const char *
soort_of (const char *href)
{
  if (g_str_has_prefix (href, "/akn/"))
    return "AKN";
  if (g_str_has_prefix (href, "/join/"))
    return "JOIN";
  if (g_str_has_prefix (href, "jci"))
    return "JCI";
  return "URL";
}

/* anyURI allows no spaces. */
static char *
clean_href (const char *href)
{
  g_auto(GStrv) parts = g_strsplit (href ? href : "", " ", -1);

  return g_strjoinv ("%20", parts);
}

/* ----------------------------------------------------------------------- */
/* Inline text                                                              */
/* ----------------------------------------------------------------------- */

/* One run: i outside b outside ExtRef, the nesting STOP allows everywhere
 * (ExtRef holds no i or b).  @refs is FALSE in elements without ExtRef
 * (Term, Tussenkop): there a link keeps its text and loses its address. */
static void
write_run (StopWriter      *w,
           xmlNodePtr       parent,
           const AmendRun  *run,
           const AmendNode *owner,
           gboolean         refs)
{
  xmlNodePtr p = parent;

  if (run->marks & AMEND_MARK_BREAK)
    {
      el (w, parent, "br");
      return;
    }
  if (run->marks & AMEND_MARK_HTML)
    {
      warn (w, owner, _("inline HTML has no place in STOP and was left out"));
      return;
    }
  if (run->marks & AMEND_MARK_IMAGE)
    warn (w, owner, _("an image has no place in STOP text; its description was kept as text"));
  if (run->marks & AMEND_MARK_CODE)
    warn (w, owner, _("STOP has no code markup; the code was kept as plain text"));
  if (run->marks & AMEND_MARK_EMPH)
    p = el (w, p, "i");
  if (run->marks & AMEND_MARK_STRONG)
    p = el (w, p, "b");
  if (run->marks & AMEND_MARK_LINK)
    {
      g_autofree char *href = clean_href (run->href);

      if (refs && strcmp (soort_of (href), "URL") == 0 && !g_str_has_prefix (href, "http"))
        {
          /* STOP0050: an ExtRef of soort URL is a full address. */
          if (!w->warned_relative)
            warn (w, owner, _("a link to a relative address (like this one) cannot be a reference in STOP, which "
                              "needs a full address (https://...); the text of every such link was kept"));
          w->warned_relative = TRUE;
        }
      else if (refs)
        {
          p = el (w, p, "ExtRef");
          xmlNewProp (p, (const xmlChar *) "soort", (const xmlChar *) soort_of (href));
          xmlNewProp (p, (const xmlChar *) "ref", (const xmlChar *) href);
        }
      else
        warn (w, owner, _("a link in a term or heading cannot keep its address in STOP; its text was kept"));
    }
  _amend_xml_add_text (p, run->text, w->base.warnings, owner);
}

static void
write_segment_run (AmendXmlWriter  *base,
                   xmlNodePtr       parent,
                   const AmendRun  *run,
                   const AmendNode *owner,
                   gpointer         refs)
{
  write_run ((StopWriter *) base, parent, run, owner, GPOINTER_TO_INT (refs));
}

/* Text in renvooi, as the standard's example: what stays as it is, new
 * words in NieuweTekst, deleted ones in VerwijderdeTekst, each run with its
 * own marks inside them. */
static void
write_segments (StopWriter      *w,
                xmlNodePtr       parent,
                GArray          *segments,
                const AmendNode *owner,
                gboolean         refs)
{
  _amend_xml_write_segments (&w->base, parent, segments, owner, "NieuweTekst", "VerwijderdeTekst",
                             write_segment_run, GINT_TO_POINTER (refs));
}

/* Elements that hold one paragraph's text and can be marked whole. */
static gboolean
is_markable (xmlNodePtr x)
{
  static const char *const names[] = { "Al", "Tussenkop", "Opschrift" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp ((const char *) x->name, names[i]) == 0)
      return x->children == NULL && !xmlHasProp (x, (const xmlChar *) "wijzigactie");
  return FALSE;
}

static void
write_runs (StopWriter      *w,
            xmlNodePtr       parent,
            const AmendNode *text,
            gboolean         refs)
{
  if (w->base.change != NULL)
    {
      AmendXmlState state = w->in_action ? AMEND_XML_SAME : amend_xml_change_state (w->base.change, text);
      g_autoptr(GArray) segments = NULL;

      if (state != AMEND_XML_SAME)
        {
          /* A paragraph that came or went: its Al is marked, or where it
           * shares an element its words are. */
          if (is_markable (parent))
            xmlNewProp (parent, (const xmlChar *) "wijzigactie", (const xmlChar *) action_of (state));
          else
            parent = el (w, parent, state == AMEND_XML_INSERTED ? "NieuweTekst" : "VerwijderdeTekst");
        }
      else if ((segments = amend_xml_change_segments (w->base.change, text, 0, G_MAXSIZE, 0)) != NULL)
        {
          write_segments (w, parent, segments, text, refs);
          return;
        }
    }
  for (guint i = 0; text->runs && i < text->runs->len; i++)
    write_run (w, parent, &g_array_index (text->runs, AmendRun, i), text, refs);
}

static const char *
label_of (const AmendNode *node)
{
  return node->word ? node->word : amend_node_kind_word (node->kind);
}

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

/* The counterpart in the old version of a node written in renvooi. */
static const AmendNode *
old_of (StopWriter      *w,
        const AmendNode *node)
{
  return w->base.change ? amend_xml_change_old (w->base.change, node) : NULL;
}

/* A number, and in renvooi the old one struck: "<VerwijderdeTekst>2.
 * </VerwijderdeTekst><NieuweTekst>3.</NieuweTekst>". */
static void
write_number (StopWriter      *w,
              xmlNodePtr       parent,
              const char      *name,
              const AmendNode *node,
              const char      *suffix)
{
  const AmendNode *old = old_of (w, node);
  g_autofree char *now = g_strconcat (node->number ? node->number : "", suffix, NULL);
  xmlNodePtr x;

  if (old == NULL || g_strcmp0 (old->number, node->number) == 0)
    {
      text_el (w, parent, name, now, node);
      return;
    }
  x = el (w, parent, name);
  _amend_xml_keep_inline (x);
  if (has_text (old->number))
    {
      g_autofree char *was = g_strconcat (old->number, suffix, NULL);
      text_el (w, x, "VerwijderdeTekst", was, node);
    }
  if (has_text (node->number))
    text_el (w, x, "NieuweTekst", now, node);
}

static gboolean
has_number (StopWriter      *w,
            const AmendNode *node)
{
  const AmendNode *old = old_of (w, node);

  return has_text (node->number) || (old != NULL && has_text (old->number));
}

/* A plain text (a heading, a label) in renvooi, word by word. */
static void
write_changed_text (StopWriter      *w,
                    xmlNodePtr       parent,
                    const char      *name,
                    const char      *was,
                    const char      *now,
                    const AmendNode *owner)
{
  g_autoptr(GArray) segments = amend_xml_change_plain_segments (was, now);

  write_segments (w, el (w, parent, name), segments, owner, FALSE);
}

static void
write_kop (StopWriter      *w,
           xmlNodePtr       parent,
           const AmendNode *node,
           const char      *label)
{
  xmlNodePtr kop = el (w, parent, "Kop");
  const AmendNode *old = old_of (w, node);

  if (old != NULL && g_strcmp0 (label_of (old), label) != 0)
    write_changed_text (w, kop, "Label", label_of (old), label, node);
  else
    text_el (w, kop, "Label", label, node);
  if (has_number (w, node))
    write_number (w, kop, "Nummer", node, "");
  if (old != NULL && g_strcmp0 (old->heading, node->heading) != 0 && (has_text (old->heading) || has_text (node->heading)))
    write_changed_text (w, kop, "Opschrift", old->heading, node->heading, node);
  else if (has_text (node->heading))
    text_el (w, kop, "Opschrift", node->heading, node);
}

/* ----------------------------------------------------------------------- */
/* Lists, members, articles                                                 */
/* ----------------------------------------------------------------------- */

static void
write_li (StopWriter      *w,
          xmlNodePtr       lijst,
          const AmendNode *point)
{
  xmlNodePtr li = el (w, lijst, "Li");
  guint n = amend_node_n_children (point);

  set_node_ids (w, li, point);
  if (has_number (w, point))
    write_number (w, li, "LiNummer", point, "");
  if (n == 0)
    el (w, li, "Al");
  else
    write_blocks (w, li, point, 0, n, BLOCKS_LI);
}

static void
write_begrip (StopWriter      *w,
              xmlNodePtr       list,
              const AmendNode *point)
{
  g_autoptr(AmendNode) term = NULL;
  g_autoptr(AmendNode) definition = NULL;
  xmlNodePtr begrip = el (w, list, "Begrip");
  xmlNodePtr def;

  g_autoptr(GArray) term_segments = NULL;
  g_autoptr(GArray) definition_segments = NULL;

  _amend_xml_split_definition (point, &term, &definition);
  term->line_start = definition->line_start = point->line_start;
  set_node_ids (w, begrip, point);
  if (has_number (w, point))
    write_number (w, begrip, "LiNummer", point, "");
  if (w->base.change != NULL)
    {
      /* In renvooi the point's text is cut where the split cut it: the
       * term, ": ", the definition. */
      g_autofree char *term_plain = amend_node_get_plain_text (term);
      gsize term_len = strlen (term_plain);
      const AmendNode *text = amend_node_child (point, 0);

      term_segments = amend_xml_change_segments (w->base.change, text, 0, term_len, 0);
      definition_segments = amend_xml_change_segments (w->base.change, text, term_len + 2, G_MAXSIZE, term_len + 1);
    }
  if (term_segments)
    write_segments (w, el (w, begrip, "Term"), term_segments, point, FALSE);
  else
    write_runs (w, el (w, begrip, "Term"), term, FALSE);
  def = el (w, begrip, "Definitie");
  if (definition_segments)
    write_segments (w, el (w, def, "Al"), definition_segments, point, TRUE);
  else
    write_runs (w, el (w, def, "Al"), definition, TRUE);
  write_blocks (w, def, point, 1, amend_node_n_children (point), BLOCKS_PLAIN);
}

/* A list of definitions follows "... wordt verstaan onder:" and each of
 * its points reads "term: definition". */
static gboolean
is_definitions (const AmendNode *node,
                guint            from,
                guint            to)
{
  if (from == 0 || !_amend_xml_is_definitions_intro (amend_node_child (node, from - 1)))
    return FALSE;
  for (guint i = from; i < to; i++)
    {
      g_autoptr(AmendNode) term = NULL;
      g_autoptr(AmendNode) definition = NULL;

      if (!_amend_xml_split_definition (amend_node_child (node, i), &term, &definition))
        return FALSE;
    }
  return TRUE;
}

/* INSERTED or DELETED when all points of a list are, else SAME. */
static AmendXmlState
list_state (StopWriter      *w,
            const AmendNode *node,
            guint            from,
            guint            to)
{
  AmendXmlState state;

  if (w->base.change == NULL || w->in_action)
    return AMEND_XML_SAME;
  state = amend_xml_change_state (w->base.change, amend_node_child (node, from));
  for (guint i = from + 1; i < to && state != AMEND_XML_SAME; i++)
    if (amend_xml_change_state (w->base.change, amend_node_child (node, i)) != state)
      state = AMEND_XML_SAME;
  return state;
}

/* A list has no node of its own: its ids come from its first point.  A
 * deleted list keeps its old identity, and gives its eId up when the new
 * version has a list with it. */
static void
set_list_ids (StopWriter    *w,
              xmlNodePtr     list,
              const char    *eid,
              AmendXmlState  state)
{
  g_autofree char *wid = NULL;
  g_autofree char *renamed = NULL;

  if (state != AMEND_XML_DELETED)
    {
      set_ids (w, list, eid);
      if (state == AMEND_XML_INSERTED)
        xmlNewProp (list, (const xmlChar *) "wijzigactie", (const xmlChar *) "voegtoe");
      return;
    }
  wid = g_strdup_printf ("%s_%s__%s", w->base.meta.authority, STOP_FIRST_VERSION, eid);
  if (amend_xml_change_in_new (w->base.change, eid))
    renamed = g_strconcat (eid, "_inst2", NULL);
  xmlNewProp (list, (const xmlChar *) "eId", (const xmlChar *) (renamed ? renamed : eid));
  xmlNewProp (list, (const xmlChar *) "wId", (const xmlChar *) wid);
  xmlNewProp (list, (const xmlChar *) "wijzigactie", (const xmlChar *) "verwijder");
}

static void
write_list (StopWriter      *w,
            xmlNodePtr       parent,
            const AmendNode *node,
            guint            from,
            guint            to,
            BlockContext     ctx)
{
  g_autofree char *eid = _amend_xml_list_eid (amend_node_child (node, from));
  AmendXmlState state = list_state (w, node, from, to);
  gboolean numbered = FALSE, saved = w->in_action;
  xmlNodePtr list;

  if (ctx != BLOCKS_PLAIN && is_definitions (node, from, to))
    list = el (w, parent, "Begrippenlijst");
  else
    {
      for (guint i = from; i < to; i++)
        {
          const AmendNode *point = amend_node_child (node, i);
          numbered = numbered || (point->number && point->number[0]);
        }
      list = el (w, parent, "Lijst");
    }
  set_list_ids (w, list, eid, state);
  if (strcmp ((const char *) list->name, "Lijst") == 0)
    xmlNewProp (list, (const xmlChar *) "type", (const xmlChar *) (numbered ? "expliciet" : "ongemarkeerd"));
  /* A list that came or went whole is marked, not each of its points. */
  w->in_action = w->in_action || state != AMEND_XML_SAME;
  for (guint i = from; i < to; i++)
    {
      if (strcmp ((const char *) list->name, "Lijst") == 0)
        write_li (w, list, amend_node_child (node, i));
      else
        write_begrip (w, list, amend_node_child (node, i));
    }
  w->in_action = saved;
}

/* A member where only blocks may go (the model puts none there itself):
 * its number leads its first paragraph. */
static void
write_member_as_blocks (StopWriter      *w,
                        xmlNodePtr       parent,
                        const AmendNode *member,
                        BlockContext     ctx)
{
  xmlNodePtr al = el (w, parent, "Al");
  guint from = 0;

  g_autofree char *number = g_strdup_printf ("%s. ", member->number ? member->number : "");
  _amend_xml_add_text (al, number, w->base.warnings, member);
  if (amend_node_n_children (member) > 0 && amend_node_child (member, 0)->kind == AMEND_NODE_TEXT)
    {
      write_runs (w, al, amend_node_child (member, 0), TRUE);
      from = 1;
    }
  write_blocks (w, parent, member, from, amend_node_n_children (member), ctx);
}

/* Writes children [from, to) of @node as STOP blocks into @parent. */
static void
write_blocks (StopWriter      *w,
              xmlNodePtr       parent,
              const AmendNode *node,
              guint            from,
              guint            to,
              BlockContext     ctx)
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
          write_list (w, parent, node, i, j, ctx);
          i = j;
          continue;
        }
      if (child->kind == AMEND_NODE_TEXT && child->heading_level > 0 && ctx == BLOCKS_INHOUD)
        write_runs (w, el (w, parent, "Tussenkop"), child, FALSE);
      else if (child->kind == AMEND_NODE_TEXT)
        {
          if (child->heading_level > 0)
            warn (w, child, _("STOP allows no heading here; it was written as a paragraph"));
          write_runs (w, el (w, parent, "Al"), child, TRUE);
        }
      else if (child->kind == AMEND_NODE_MEMBER)
        write_member_as_blocks (w, parent, child, ctx);
      else
        {
          g_autofree char *what = describe (child);
          g_autofree char *message = g_strdup_printf (_("%s cannot stand here in STOP and was left out"), what);
          warn (w, child, message);
        }
      i++;
    }
}

/* A Lid; @intro_to > 0: the article's text before its members (its
 * children 0 .. @intro_to) goes first in the Inhoud of this, the first. */
static xmlNodePtr
write_member (StopWriter      *w,
              xmlNodePtr       parent,
              const AmendNode *member,
              const AmendNode *article,
              guint            intro_to)
{
  xmlNodePtr lid = el (w, parent, "Lid");
  xmlNodePtr inhoud;
  guint n = amend_node_n_children (member);

  set_node_ids (w, lid, member);
  write_number (w, lid, "LidNummer", member, amend_node_number_delimiter (member));
  inhoud = el (w, lid, "Inhoud");
  if (intro_to > 0)
    write_blocks (w, inhoud, article, 0, intro_to, BLOCKS_INHOUD);
  if (n == 0 && intro_to == 0)
    el (w, inhoud, "Al");
  else
    write_blocks (w, inhoud, member, 0, n, BLOCKS_INHOUD);
  return inhoud;
}

/* STOP's Artikel holds an Inhoud or Leden, never both (the business rule
 * STOP0070, beyond the XSD): text before the members goes first in the
 * first member, text between or after them joins the member before it,
 * each with a warning. */
static void
write_article_content (StopWriter      *w,
                       xmlNodePtr       artikel,
                       const AmendNode *article)
{
  guint n = amend_node_n_children (article);
  guint first = n;
  xmlNodePtr last_inhoud = NULL;
  guint i;

  for (i = 0; i < n; i++)
    if (amend_node_child (article, i)->kind == AMEND_NODE_MEMBER)
      {
        first = i;
        break;
      }
  if (first == n)
    {
      write_blocks (w, el (w, artikel, "Inhoud"), article, 0, n, BLOCKS_INHOUD);
      return;
    }
  if (first > 0)
    warn (w, amend_node_child (article, 0),
          _("STOP allows no text beside the members of an article; the text before them was put at the start of "
            "the first member"));

  i = first;
  while (i < n)
    {
      const AmendNode *child = amend_node_child (article, i);
      guint j = i;

      if (child->kind == AMEND_NODE_MEMBER)
        {
          last_inhoud = write_member (w, artikel, child, article, i == first ? first : 0);
          i++;
          continue;
        }
      while (j < n && amend_node_child (article, j)->kind != AMEND_NODE_MEMBER)
        j++;
      warn (w, child, _("STOP allows no text between or after the members of an article; it was added to the "
                        "member before it"));
      write_blocks (w, last_inhoud, article, i, j, BLOCKS_INHOUD);
      i = j;
    }
}

static void
write_article (StopWriter      *w,
               xmlNodePtr       parent,
               const AmendNode *article)
{
  xmlNodePtr artikel = el (w, parent, "Artikel");

  set_node_ids (w, artikel, article);
  write_kop (w, artikel, article, label_of (article));
  /* An article needs content; an empty one is what STOP calls reserved. */
  if (amend_node_n_children (article) == 0)
    el (w, artikel, "Gereserveerd");
  else if (_amend_xml_is_vervallen (article))
    el (w, artikel, "Vervallen");
  else
    write_article_content (w, artikel, article);
}

/* ----------------------------------------------------------------------- */
/* Divisions and the body                                                   */
/* ----------------------------------------------------------------------- */

static const char *
division_element (const AmendNode *node)
{
  guint depth = 0;

  switch (node->kind)
    {
    case AMEND_NODE_CHAPTER:
      return "Hoofdstuk";
    case AMEND_NODE_TITLE:
      return "Titel";
    case AMEND_NODE_DIVISION:
      return "Afdeling";
    case AMEND_NODE_SECTION:
      /* § 1 > § 1.1: a Paragraaf in a Paragraaf is a Subparagraaf. */
      for (const AmendNode *p = node->parent; p && p->kind == AMEND_NODE_SECTION; p = p->parent)
        depth++;
      return depth == 0 ? "Paragraaf" : depth == 1 ? "Subparagraaf" : depth == 2 ? "Subsubparagraaf" : NULL;
    case AMEND_NODE_ARTICLE:
      return "Artikel";
    default:
      return NULL;
    }
}

/* imop-tekst.xsd: which parts each part may hold (Boek and Deel aside,
 * which the model does not have). */
static gboolean
may_contain (const char *parent,
             const char *child)
{
  static const char *const rules[][2] = {
    { "Lichaam",         "Hoofdstuk Titel Afdeling Paragraaf Artikel" },
    { "Hoofdstuk",       "Titel Afdeling Paragraaf Artikel" },
    { "Titel",           "Hoofdstuk Afdeling Paragraaf Artikel" },
    { "Afdeling",        "Hoofdstuk Titel Paragraaf Artikel" },
    { "Paragraaf",       "Subparagraaf Artikel" },
    { "Subparagraaf",    "Subsubparagraaf Artikel" },
    { "Subsubparagraaf", "Artikel" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i][0], parent) == 0)
      {
        g_auto(GStrv) allowed = g_strsplit (rules[i][1], " ", -1);
        return g_strv_contains ((const char * const *) allowed, child);
      }
  return FALSE;
}

static void write_division (StopWriter *w, xmlNodePtr parent, const AmendNode *node, const char *element);

static gboolean
is_body_part (const AmendNode *node)
{
  return node->kind == AMEND_NODE_ARTICLE || amend_node_is_division (node);
}

/* Checks that the parts of @node are of one kind, as STOP requires, and
 * that @element may hold them; returns that kind's element or NULL. */
static const char *
check_parts (StopWriter      *w,
             const AmendNode *node,
             const char      *element)
{
  const char *kind = NULL;
  const AmendNode *first = NULL;

  for (guint i = 0; i < amend_node_n_children (node); i++)
    {
      const AmendNode *child = amend_node_child (node, i);
      const char *child_element;

      if (!is_body_part (child))
        continue;
      child_element = division_element (child);
      if (child_element == NULL)
        {
          g_autofree char *what = describe (child);
          g_autofree char *message = g_strdup_printf (_("%s is nested deeper than STOP allows "
                                                        "(Paragraaf, Subparagraaf, Subsubparagraaf)"), what);
          fail (w, child, message);
          return NULL;
        }
      if (kind == NULL)
        {
          kind = child_element;
          first = child;
          if (!may_contain (element, kind))
            {
              g_autofree char *what = describe (child);
              g_autofree char *message = g_strdup_printf (_("STOP does not allow a %s in a %s (%s); move it "
                                                            "or change its kind"), kind, element, what);
              fail (w, child, message);
              return NULL;
            }
        }
      else if (strcmp (kind, child_element) != 0)
        {
          g_autofree char *what = node->parent ? describe (node) : g_strdup (_("The regulation"));
          g_autofree char *a = describe (first);
          g_autofree char *b = describe (child);
          g_autofree char *message =
            g_strdup_printf (_("%s holds both %s and %s, but STOP allows only one kind of part side by side: "
                               "put the articles in a division of their own, or make the divisions one kind"),
                             what, a, b);
          fail (w, child, message);
          return NULL;
        }
    }
  return kind;
}

/* For STOP elements that hold only Al: every paragraph below @node, the
 * first one led by the number of a point or member. */
static void
write_paragraphs (StopWriter      *w,
                  xmlNodePtr       parent,
                  const AmendNode *node)
{
  xmlNodePtr al = NULL;

  if (node->kind == AMEND_NODE_TEXT)
    {
      write_runs (w, el (w, parent, "Al"), node, TRUE);
      return;
    }
  if (node->number)
    {
      g_autofree char *label = g_strdup_printf (node->kind == AMEND_NODE_MEMBER ? "%s. " : "%s ", node->number);
      al = el (w, parent, "Al");
      _amend_xml_add_text (al, label, w->base.warnings, node);
    }
  for (const AmendNode *n = node; n != NULL; n = amend_node_next (n, node))
    if (n->kind == AMEND_NODE_TEXT)
      {
        write_runs (w, al ? al : el (w, parent, "Al"), n, TRUE);
        al = NULL;
      }
}

/* Text straight under a division: STOP's Redactioneel next to articles;
 * next to divisions there is no place for it. */
static void
write_division_text (StopWriter      *w,
                     xmlNodePtr       parent,
                     const AmendNode *node,
                     guint            index,
                     gboolean         beside_articles)
{
  const AmendNode *child = amend_node_child (node, index);

  if (!beside_articles)
    {
      warn (w, child, _("STOP has no place for text beside divisions; this text was left out"));
      return;
    }
  if (_amend_xml_is_heading (child))
    warn (w, child, _("STOP has no headings inside a division other than those of its parts; "
                      "this heading was written as a remark (Redactioneel)"));
  else if (child->kind != AMEND_NODE_TEXT)
    warn (w, child, _("a remark (Redactioneel) in a STOP division holds only paragraphs; this list was "
                      "written as paragraphs"));
  write_paragraphs (w, el (w, parent, "Redactioneel"), child);
}

static void
write_parts (StopWriter      *w,
             xmlNodePtr       parent,
             const AmendNode *node,
             const char      *element)
{
  const char *kind = check_parts (w, node, element);
  gboolean beside_articles = kind == NULL || strcmp (kind, "Artikel") == 0;

  if (w->base.error)
    return;
  for (guint i = 0; i < amend_node_n_children (node); i++)
    {
      const AmendNode *child = amend_node_child (node, i);

      switch (child->kind)
        {
        case AMEND_NODE_ARTICLE:
          write_article (w, parent, child);
          break;
        case AMEND_NODE_CHAPTER:
        case AMEND_NODE_TITLE:
        case AMEND_NODE_DIVISION:
        case AMEND_NODE_SECTION:
          write_division (w, parent, child, division_element (child));
          break;
        case AMEND_NODE_TEXT:
        case AMEND_NODE_POINT:
        case AMEND_NODE_MEMBER:
          write_division_text (w, parent, node, i, beside_articles);
          break;
        default:
          /* The preamble, annexes, explanation and signature of the
           * regulation are written elsewhere. */
          break;
        }
    }
}

static void
write_division (StopWriter      *w,
                xmlNodePtr       parent,
                const AmendNode *node,
                const char      *element)
{
  xmlNodePtr x = el (w, parent, element);

  set_node_ids (w, x, node);
  write_kop (w, x, node, label_of (node));
  if (_amend_xml_is_vervallen (node))
    el (w, x, "Vervallen");
  else if (amend_node_n_children (node) == 0)
    {
      /* STOP0058: a division holds more than its Kop; one without
       * content is a reserved place. */
      warn (w, node, _("a division without content is written as Gereserveerd (a reserved place), as STOP "
                       "asks of a division that holds only its heading"));
      el (w, x, "Gereserveerd");
    }
  else
    write_parts (w, x, node, element);
}

/* ----------------------------------------------------------------------- */
/* Annexes and the explanation: Divisie and Divisietekst                    */
/* ----------------------------------------------------------------------- */

typedef struct {
  guint div;
  guint content;
} ZoneCounters;

static void
write_zone (StopWriter      *w,
            xmlNodePtr       parent,
            const char      *parent_eid,
            const AmendNode *node,
            guint           *i,
            guint            stop_level,
            ZoneCounters    *counters)
{
  guint n = amend_node_n_children (node);

  while (*i < n)
    {
      const AmendNode *child = amend_node_child (node, *i);

      if (_amend_xml_is_heading (child))
        {
          g_autofree char *eid = NULL;
          ZoneCounters sub = { 0 };
          xmlNodePtr div;

          /* A heading closes the Divisie of a heading at its level or deeper. */
          if (child->heading_level <= stop_level)
            return;
          eid = g_strdup_printf ("%s__div_o_%u", parent_eid, ++counters->div);
          div = el (w, parent, "Divisie");
          set_ids (w, div, eid);
          write_runs (w, el (w, el (w, div, "Kop"), "Opschrift"), child, TRUE);
          (*i)++;
          write_zone (w, div, eid, node, i, child->heading_level, &sub);
          /* STOP0058: a Divisie holds more than its Kop. */
          if (sub.div + sub.content == 0)
            el (w, div, "Gereserveerd");
          continue;
        }
      if (amend_node_is_structural (child))
        {
          g_autofree char *what = describe (child);
          g_autofree char *message =
            g_strdup_printf (_("%s: STOP allows no articles or divisions in an annex; it was written as a "
                               "Divisie with its heading"), what);
          ZoneCounters sub = { 0 };
          guint k = 0;
          xmlNodePtr div = el (w, parent, "Divisie");

          warn (w, child, message);
          if (w->renamed == NULL)
            w->renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          {
            g_autofree char *named_parent = stop_eid (w, parent_eid);
            g_hash_table_replace (w->renamed, g_strdup (child->eid),
                                  g_strdup_printf ("%s__div_o_%u", named_parent, ++counters->div));
          }
          set_ids (w, div, child->eid);
          write_kop (w, div, child, label_of (child));
          write_zone (w, div, child->eid, child, &k, 0, &sub);
          if (sub.div + sub.content == 0)
            el (w, div, "Gereserveerd");
          (*i)++;
          continue;
        }

      {
        guint j = *i;
        g_autofree char *eid = NULL;
        xmlNodePtr text;

        while (j < n && !_amend_xml_is_heading (amend_node_child (node, j)) &&
               !amend_node_is_structural (amend_node_child (node, j)))
          j++;
        eid = g_strdup_printf ("%s__content_o_%u", parent_eid, ++counters->content);
        text = el (w, parent, "Divisietekst");
        set_ids (w, text, eid);
        write_blocks (w, el (w, text, "Inhoud"), node, *i, j, BLOCKS_INHOUD);
        *i = j;
      }
    }
}

static void
write_annex (StopWriter      *w,
             xmlNodePtr       parent,
             const AmendNode *annex)
{
  xmlNodePtr bijlage = el (w, parent, "Bijlage");
  ZoneCounters counters = { 0 };
  guint i = 0;

  set_ids (w, bijlage, annex->eid);
  write_kop (w, bijlage, annex, label_of (annex));
  if (_amend_xml_is_vervallen (annex))
    el (w, bijlage, "Vervallen");
  else
    write_zone (w, bijlage, annex->eid, annex, &i, 0, &counters);
}

static void
write_explanation (StopWriter      *w,
                   xmlNodePtr       parent,
                   const AmendNode *explanation)
{
  xmlNodePtr toelichting = el (w, parent, "Toelichting");
  ZoneCounters counters = { 0 };
  guint i = 0;

  set_ids (w, toelichting, explanation->eid);
  write_kop (w, toelichting, explanation, label_of (explanation));
  write_zone (w, toelichting, explanation->eid, explanation, &i, 0, &counters);
  /* A Toelichting holds at least one Divisie or Divisietekst. */
  if (counters.div + counters.content == 0)
    {
      g_autofree char *eid = g_strdup_printf ("%s__content_o_1", explanation->eid);
      xmlNodePtr text = el (w, toelichting, "Divisietekst");

      /* STOP0060: a Divisietekst holds more than nothing. */
      set_ids (w, text, eid);
      el (w, text, "Gereserveerd");
    }
}

/* ----------------------------------------------------------------------- */
/* The regulation                                                           */
/* ----------------------------------------------------------------------- */

static xmlNodePtr
new_root (StopWriter *w,
          const char *name)
{
  xmlNodePtr root = xmlNewDocNode (w->base.xml, NULL, (const xmlChar *) name, NULL);

  w->base.ns = xmlNewNs (root, (const xmlChar *) AMEND_XML_NS_STOP_TEKST, NULL);
  xmlSetNs (root, w->base.ns);
  xmlDocSetRootElement (w->base.xml, root);
  xmlNewProp (root, (const xmlChar *) "schemaversie", (const xmlChar *) STOP_SCHEMA_VERSION);
  return root;
}

static void
write_opschrift (StopWriter *w,
                 xmlNodePtr  parent,
                 const char *title)
{
  xmlNodePtr opschrift = el (w, parent, "RegelingOpschrift");

  set_plain_ids (opschrift, "longTitle");
  text_el (w, opschrift, "Al", title, NULL);
}

/* RegelingCompact: RegelingOpschrift, Lichaam, Bijlage*, Toelichting?.
 * @regeling is the element to fill. */
static void
write_regeling (StopWriter    *w,
                xmlNodePtr     regeling,
                AmendDocument *doc)
{
  const AmendNode *root = amend_document_get_root (doc);
  gboolean any_part = FALSE, explained = FALSE;
  xmlNodePtr lichaam;

  xmlNewProp (regeling, (const xmlChar *) "wordt", (const xmlChar *) w->base.meta.expression);
  write_opschrift (w, regeling, w->base.meta.title);
  lichaam = el (w, regeling, "Lichaam");
  set_plain_ids (lichaam, "body");

  for (guint i = 0; i < amend_node_n_children (root); i++)
    any_part = any_part || is_body_part (amend_node_child (root, i));
  if (!any_part)
    {
      fail (w, NULL, _("the regulation has no articles, and STOP needs at least one: add an article "
                       "(\xe2\x80\x9c# Artikel 1\xe2\x80\x9d) before exporting"));
      return;
    }
  write_parts (w, lichaam, root, "Lichaam");

  for (guint i = 0; i < amend_node_n_children (root); i++)
    if (amend_node_child (root, i)->kind == AMEND_NODE_ANNEX)
      write_annex (w, regeling, amend_node_child (root, i));

  for (guint i = 0; i < amend_node_n_children (root); i++)
    {
      const AmendNode *child = amend_node_child (root, i);

      if (child->kind != AMEND_NODE_EXPLANATION)
        continue;
      if (explained)
        warn (w, child, _("STOP allows one Toelichting in a regulation; this second one was left out: "
                          "make it a part of the first"));
      else
        write_explanation (w, regeling, child);
      explained = TRUE;
    }
}

static GBytes *
finish (StopWriter  *w,
        GError     **error)
{
  if (w->base.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->base.error));
      return NULL;
    }
  return amend_xml_to_bytes (w->base.xml);
}

/**
 * amend_stop_export_regulation:
 * @warnings: (nullable): what STOP could not hold, as #AmendDiagnostic
 *
 * The regulation as a STOP RegelingCompact.  Its preamble and signature
 * belong to the establishing decision (amend_stop_export_decision()); they
 * are reported in @warnings.
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set when the
 *   front matter lacks an identifier or the structure is one STOP cannot
 *   hold.
 */
GBytes *
amend_stop_export_regulation (AmendDocument  *doc,
                              GPtrArray      *warnings,
                              GError        **error)
{
  g_auto(StopWriter) w;
  const AmendNode *root = amend_document_get_root (doc);
  const AmendNode *preamble = _amend_xml_find_child (root, AMEND_NODE_PREAMBLE);
  const AmendNode *closing = _amend_xml_find_child (root, AMEND_NODE_CLOSING);

  if (!stop_writer_init (&w, doc, warnings, error))
    return NULL;
  if (preamble && amend_node_n_children (preamble) > 0)
    warn (&w, preamble, _("a RegelingCompact has no preamble; it belongs to the establishing decision: "
                          "export with --format stop-besluit to keep it"));
  if (closing)
    warn (&w, closing, _("a RegelingCompact has no signature; it belongs to the establishing decision: "
                         "export with --format stop-besluit to keep it"));
  write_regeling (&w, new_root (&w, "RegelingCompact"), doc);
  return finish (&w, error);
}

/* ----------------------------------------------------------------------- */
/* The establishing decision                                                */
/* ----------------------------------------------------------------------- */

static char *
dutch_date (const char *iso)
{
  static const char *const months[] = {
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
  };
  guint y = 0, m = 0, d = 0;

  if (sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || m < 1 || m > 12)
    return g_strdup (iso);
  return g_strdup_printf ("%u %s %u", d, months[m - 1], y);
}

static void
write_aanhef (StopWriter      *w,
              xmlNodePtr       besluit,
              const AmendNode *preamble)
{
  xmlNodePtr aanhef;

  if (preamble == NULL || amend_node_n_children (preamble) == 0)
    return;
  aanhef = el (w, besluit, "Aanhef");
  set_plain_ids (aanhef, "formula_1");
  write_blocks (w, aanhef, preamble, 0, amend_node_n_children (preamble), BLOCKS_PLAIN);
}

/* "Aldus vastgesteld ..." stands in the Sluiting; the names under it are
 * the Ondertekening. */
static gboolean
is_closing_formula (const AmendNode *text)
{
  static const char *const words[] = { "aldus", "gegeven", "vastgesteld", "zo vastgesteld", "besloten", "gedaan" };
  g_autofree char *plain = amend_node_get_plain_text (text);
  g_autofree char *lower = g_utf8_strdown (plain, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (lower, words[i]))
      return TRUE;
  return FALSE;
}

static void
write_closing_text (StopWriter      *w,
                    xmlNodePtr       parent,
                    const AmendNode *child)
{
  if (child->kind != AMEND_NODE_TEXT)
    warn (w, child, _("the signature of a decision holds only paragraphs in STOP; a list in it was written "
                      "as paragraphs"));
  write_paragraphs (w, parent, child);
}

static void
write_sluiting (StopWriter      *w,
                xmlNodePtr       besluit,
                const AmendNode *closing)
{
  guint n = closing ? amend_node_n_children (closing) : 0;
  xmlNodePtr sluiting, ondertekening = NULL;
  guint i = 0;

  if (n == 0)
    return;
  sluiting = el (w, besluit, "Sluiting");
  set_plain_ids (sluiting, "formula_2");
  for (; i < n && amend_node_child (closing, i)->kind == AMEND_NODE_TEXT &&
         is_closing_formula (amend_node_child (closing, i)); i++)
    write_closing_text (w, sluiting, amend_node_child (closing, i));
  for (; i < n; i++)
    {
      if (ondertekening == NULL)
        ondertekening = el (w, sluiting, "Ondertekening");
      write_closing_text (w, ondertekening, amend_node_child (closing, i));
    }
}

/* Artikel I that establishes (@verb "vastgesteld") or changes
 * ("gewijzigd") the regulation as Bijlage A says, and Artikel II on the
 * entry into force on @in_force, or the day after the publication.
 * @named names the regulation: a change names it as it is called before
 * the change, which may give it a new title. */
static void
write_decision_body (StopWriter         *w,
                     xmlNodePtr          besluit,
                     const char         *verb,
                     const char         *in_force_date,
                     const AmendXmlMeta *named)
{
  xmlNodePtr lichaam = el (w, besluit, "Lichaam");
  xmlNodePtr artikel, kop, wat, ref;
  g_autofree char *wat_text = NULL;
  g_autofree char *in_force = NULL;

  set_plain_ids (lichaam, "body");

  /* The wording of the establishing article and of the entry into force
   * is legal Dutch, the same in every locale: not translated. */
  artikel = el (w, lichaam, "WijzigArtikel");
  set_ids (w, artikel, "art_I");
  kop = el (w, artikel, "Kop");
  text_el (w, kop, "Label", "Artikel", NULL);
  text_el (w, kop, "Nummer", "I", NULL);
  wat = el (w, artikel, "Wat");
  {
    /* "Het Reglement ..." or "De APV ...": the article of the title's
     * head noun (amend_wording_regulation()). */
    const char *title = strcmp (verb, "gewijzigd") == 0 && named->citation ? named->citation : named->title;
    g_autofree char *name = amend_wording_regulation (title);
    g_autofree char *cap = amend_wording_capitalize (name);
    wat_text = g_strdup_printf ("%s %s %s zoals aangegeven in ", cap, amend_wording_is_plural (title) ? "worden" : "wordt",
                                verb);
  }
  _amend_xml_add_text (wat, wat_text, w->base.warnings, NULL);
  ref = text_el (w, wat, "IntRef", "Bijlage A", NULL);
  xmlNewProp (ref, (const xmlChar *) "ref", (const xmlChar *) "cmp_A");
  _amend_xml_add_text (wat, ".", w->base.warnings, NULL);

  artikel = el (w, lichaam, "Artikel");
  set_ids (w, artikel, "art_II");
  kop = el (w, artikel, "Kop");
  text_el (w, kop, "Label", "Artikel", NULL);
  text_el (w, kop, "Nummer", "II", NULL);
  if (in_force_date)
    {
      g_autofree char *date = dutch_date (in_force_date);
      in_force = g_strdup_printf ("Dit besluit treedt in werking op %s.", date);
    }
  else
    in_force = g_strdup ("Dit besluit treedt in werking met ingang van de dag na die van zijn bekendmaking.");
  text_el (w, el (w, artikel, "Inhoud"), "Al", in_force, NULL);
}

/* WijzigBijlage A, which Artikel I names. */
static xmlNodePtr
write_wijzigbijlage (StopWriter *w,
                     xmlNodePtr  besluit)
{
  xmlNodePtr bijlage = el (w, besluit, "WijzigBijlage");
  xmlNodePtr kop;

  set_ids (w, bijlage, "cmp_A");
  kop = el (w, bijlage, "Kop");
  text_el (w, kop, "Label", "Bijlage", NULL);
  text_el (w, kop, "Nummer", "A", NULL);
  text_el (w, kop, "Opschrift", "Bijlage bij artikel I", NULL);
  return bijlage;
}

static char *
decision_title (const AmendXmlMeta *meta)
{
  g_autofree char *name = amend_wording_regulation (meta->title);

  if (meta->decision_title)
    return g_strdup (meta->decision_title);
  if (meta->authority_name)
    return g_strdup_printf ("Besluit van %s tot vaststelling van %s", meta->authority_name, name);
  return g_strdup_printf ("Besluit tot vaststelling van %s", name);
}

/**
 * amend_stop_export_decision:
 * @warnings: (nullable): what STOP could not hold, as #AmendDiagnostic
 *
 * The decision that establishes the regulation, as a STOP BesluitCompact:
 * its title (decision-title, or one made from authority-name and title),
 * the preamble as Aanhef, Artikel I that establishes the regulation in
 * Bijlage A, Artikel II on its entry into force (in-force, or the day
 * after its publication), the signature as Sluiting, and the regulation
 * as RegelingCompact in WijzigBijlage A.
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set.
 */
GBytes *
amend_stop_export_decision (AmendDocument  *doc,
                            GPtrArray      *warnings,
                            GError        **error)
{
  g_auto(StopWriter) w;
  const AmendNode *root = amend_document_get_root (doc);
  g_autofree char *title = NULL;
  xmlNodePtr besluit, bijlage, regeling;

  if (!stop_writer_init (&w, doc, warnings, error))
    return NULL;

  besluit = new_root (&w, "BesluitCompact");
  title = decision_title (&w.base.meta);
  write_opschrift (&w, besluit, title);
  write_aanhef (&w, besluit, _amend_xml_find_child (root, AMEND_NODE_PREAMBLE));
  write_decision_body (&w, besluit, "vastgesteld", w.base.meta.in_force, &w.base.meta);
  write_sluiting (&w, besluit, _amend_xml_find_child (root, AMEND_NODE_CLOSING));

  bijlage = write_wijzigbijlage (&w, besluit);
  regeling = el (&w, bijlage, "RegelingCompact");
  xmlNewProp (regeling, (const xmlChar *) "componentnaam", (const xmlChar *) STOP_COMPONENT);
  write_regeling (&w, regeling, doc);
  return finish (&w, error);
}

/* ----------------------------------------------------------------------- */
/* The change between two versions                                         */
/* ----------------------------------------------------------------------- */

/* The element a mutation replaces, adds or removes. */
static void
write_unit (StopWriter      *w,
            xmlNodePtr       parent,
            const AmendNode *node)
{
  const char *element;

  switch (node->kind)
    {
    case AMEND_NODE_ARTICLE:
      write_article (w, parent, node);
      return;
    case AMEND_NODE_ANNEX:
      write_annex (w, parent, node);
      return;
    case AMEND_NODE_EXPLANATION:
      write_explanation (w, parent, node);
      return;
    case AMEND_NODE_REGULATION:
      {
        xmlNodePtr lichaam = el (w, parent, "Lichaam");

        set_plain_ids (lichaam, "body");
        write_parts (w, lichaam, node, "Lichaam");
        return;
      }
    default:
      element = division_element (node);
      if (element == NULL)
        {
          g_autofree char *what = describe (node);
          g_autofree char *message = g_strdup_printf (_("%s is nested deeper than STOP allows "
                                                        "(Paragraaf, Subparagraaf, Subsubparagraaf)"), what);
          fail (w, node, message);
          return;
        }
      write_division (w, parent, node, element);
    }
}

/* The wId an element of the old version has: the old version's export
 * gave it, from its eId. */
static char *
old_wid (StopWriter      *w,
         const AmendNode *old_node)
{
  g_autofree char *named = NULL;

  if (old_node->kind == AMEND_NODE_REGULATION || old_node->eid == NULL)
    return g_strdup ("body");
  named = stop_eid (w, old_node->eid);
  return g_strdup_printf ("%s_%s__%s", w->base.meta.authority, STOP_FIRST_VERSION, named);
}

static void
write_mutation (StopWriter             *w,
                xmlNodePtr              mutatie,
                const AmendXmlMutation *m)
{
  static const char *const names[] = {
    [AMEND_XML_REPLACE] = "Vervang",
    [AMEND_XML_INSERT] = "VoegToe",
    [AMEND_XML_REMOVE] = "Verwijder",
    [AMEND_XML_REPLACE_HEADING] = "VervangKop",
  };
  xmlNodePtr x = el (w, mutatie, names[m->kind]);

  /* wat and context name wIds, as in the standard's examples: the wId is
   * what stays the same when an element is renumbered. */
  if (m->kind == AMEND_XML_INSERT)
    {
      g_autofree char *context = m->context ? wid_for (w, m->context->eid) : g_strdup ("body");

      xmlNewProp (x, (const xmlChar *) "context", (const xmlChar *) context);
      xmlNewProp (x, (const xmlChar *) "positie", (const xmlChar *) (m->before ? "komtVoor" : "volgtOp"));
    }
  else
    {
      g_autofree char *wat = old_wid (w, m->target);

      xmlNewProp (x, (const xmlChar *) "wat", (const xmlChar *) wat);
    }
  /* STOP0086: a Vervang without renvooi is a change of form (emphasis, a
   * link), not of law. */
  if (m->editorial)
    xmlNewProp (x, (const xmlChar *) "revisie", (const xmlChar *) "1");
  if (m->kind == AMEND_XML_REPLACE_HEADING && g_strcmp0 (m->target->eid, m->node->eid) != 0)
    {
      g_autofree char *named = stop_eid (w, m->node->eid);
      xmlNewProp (x, (const xmlChar *) "eId-wordt", (const xmlChar *) named);
    }
  if (m->number)
    text_el (w, x, "Nummer", m->number, NULL);
  if (m->wat)
    _amend_xml_write_lines (&w->base, el (w, x, "Wat"), m->wat);
  if (m->kind == AMEND_XML_REPLACE_HEADING)
    write_kop (w, x, m->node, label_of (m->node));
  else if (m->kind == AMEND_XML_INSERT)
    {
      w->adding = TRUE;
      write_unit (w, x, m->node);
      w->adding = FALSE;
      if (w->fresh == NULL)
        w->fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (m->node->eid)
        g_hash_table_add (w->fresh, g_strdup (m->node->eid));
    }
  else
    write_unit (w, x, m->node);
}

/**
 * amend_stop_export_change:
 * @diff: the legal diff of the two versions
 * @warnings: (nullable): what STOP could not hold, as #AmendDiagnostic
 *
 * The change from the old version to the new one as the decision that
 * makes it: a BesluitCompact whose Artikel I changes the regulation as
 * WijzigBijlage A says, Artikel II on its entry into force (the new
 * version's date), and in WijzigBijlage A a RegelingMutatie from the old
 * expression (was) to the new one (wordt), one or more mutations per
 * amendment instruction, each with the instruction as its Wat:
 *
 *  - an article whose text changed: Vervang, the article in renvooi
 *    (NieuweTekst, VerwijderdeTekst; wijzigactie on whole members, points
 *    and paragraphs that came or went);
 *  - a new article or division: VoegToe after (volgtOp) the one before it,
 *    or before (komtVoor) the next;
 *  - a deleted one: Verwijder, the element as it was;
 *  - a new heading alone, or a division renumbered: VervangKop;
 *  - a moved one: Verwijder, then VoegToe.
 *
 * Every element keeps the wId of the element it was in the old version.
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set when the
 *   front matter of either version lacks an identifier, both have the same
 *   expression, or nothing in the articles changed.
 */
GBytes *
amend_stop_export_change (AmendDiff  *diff,
                          GPtrArray  *warnings,
                          GError    **error)
{
  g_auto(StopWriter) w = { 0 };
  g_auto(AmendXmlMeta) old_meta = { 0 };
  g_autoptr(AmendXmlChange) change = NULL;
  g_autofree char *title = NULL;
  GPtrArray *mutations;
  xmlNodePtr besluit, mutatie;

  g_return_val_if_fail (AMEND_IS_DIFF (diff), NULL);

  change = amend_xml_change_new (diff, warnings, error);
  if (change == NULL || !amend_xml_change_load_meta (diff, &old_meta, &w.base.meta, error))
    return NULL;
  w.base.warnings = warnings;
  w.base.xml = xmlNewDoc ((const xmlChar *) "1.0");

  besluit = new_root (&w, "BesluitCompact");
  {
    g_autofree char *name = amend_wording_regulation (old_meta.title);

    if (w.base.meta.authority_name)
      title = g_strdup_printf ("Besluit van %s tot wijziging van %s", w.base.meta.authority_name, name);
    else
      title = g_strdup_printf ("Besluit tot wijziging van %s", name);
  }
  write_opschrift (&w, besluit, title);
  /* The decision's own articles are not the regulation's: their wIds
   * come from their eIds, as in the establishing decision. */
  write_decision_body (&w, besluit, "gewijzigd", w.base.meta.date, &old_meta);

  w.base.change = change;
  mutatie = el (&w, write_wijzigbijlage (&w, besluit), "RegelingMutatie");
  xmlNewProp (mutatie, (const xmlChar *) "componentnaam", (const xmlChar *) STOP_CHANGE_COMPONENT);
  xmlNewProp (mutatie, (const xmlChar *) "was", (const xmlChar *) old_meta.expression);
  xmlNewProp (mutatie, (const xmlChar *) "wordt", (const xmlChar *) w.base.meta.expression);
  mutations = amend_xml_change_get_mutations (change);
  for (guint i = 0; i < mutations->len && w.base.error == NULL; i++)
    write_mutation (&w, mutatie, g_ptr_array_index (mutations, i));
  return finish (&w, error);
}
