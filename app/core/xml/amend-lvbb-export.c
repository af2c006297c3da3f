/* amend-lvbb-export.c: a decision as a delivery to the LVBB (AanleveringBesluit)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a municipality sends to the LVBB (Landelijke Voorziening
 * Bekendmaken en Beschikbaarstellen) to publish a decision: an
 * AanleveringBesluit of the LVBB schema 1.3.0, as the Geonovum example
 * (gemeentestad_initieel_besluit_RegelingCompact.xml) builds one:
 *
 *  - BesluitVersie: the decision's ExpressionIdentificatie (a work of
 *    /akn/nl/bill/, soortWork work_003), BesluitMetadata (who is
 *    responsible and made it, its official title, subjects, the kind of
 *    procedure and of body), Procedureverloop (the day it was decided and
 *    signed), ConsolidatieInformatie (the version of the regulation it
 *    makes, through Artikel I, and the day that version takes effect,
 *    through Artikel II), and the decision text itself: the BesluitCompact
 *    of amend_stop_export_decision() or amend_stop_export_change();
 *  - RegelingVersieInformatie: the version of the regulation it makes
 *    (soortWork work_019) with its RegelingMetadata.
 *
 * The values come from the front matter (amend_xml_meta_load_delivery()).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-lvbb-export.h"
#include "amend-stop-export.h"
#include "amend-xml-change.h"
#include "amend-xml-meta.h"
#include "amend-xml-private.h"

#define LVBB_SCHEMA_VERSION "1.3.0"
#define WORK_DECISION   "/join/id/stop/work_003"
#define WORK_REGULATION "/join/id/stop/work_019"
#define PROCEDURE_FINAL "/join/id/stop/proceduretype_definitief"
#define STEP_DECIDED    "/join/id/stop/procedure/stap_002"  /* Vaststelling */
#define STEP_SIGNED     "/join/id/stop/procedure/stap_003"  /* Ondertekening */

typedef struct {
  xmlDocPtr xml;
  xmlNsPtr  lvbb;
} Delivery;

static void
delivery_clear (Delivery *d)
{
  g_clear_pointer (&d->xml, xmlFreeDoc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Delivery, delivery_clear)

/* An element of STOP's data module, which declares its namespace as the
 * default one where it starts, as the example does. */
static xmlNodePtr
data_root (xmlNodePtr  parent,
           const char *name)
{
  xmlNodePtr x = xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
  xmlNsPtr ns = xmlNewNs (x, (const xmlChar *) AMEND_XML_NS_STOP_DATA, NULL);

  xmlSetNs (x, ns);
  return x;
}

static xmlNodePtr
child (xmlNodePtr  parent,
       const char *name,
       const char *text)
{
  xmlNodePtr x = xmlNewChild (parent, parent->ns, (const xmlChar *) name, NULL);

  if (text != NULL)
    xmlNodeAddContent (x, (const xmlChar *) text);
  return x;
}

static void
write_expression (xmlNodePtr  parent,
                  const char *work,
                  const char *expression,
                  const char *soort)
{
  xmlNodePtr id = data_root (parent, "ExpressionIdentificatie");

  child (id, "FRBRWork", work);
  child (id, "FRBRExpression", expression);
  child (id, "soortWork", soort);
}

static void
write_subjects (xmlNodePtr          parent,
                const AmendXmlMeta *meta)
{
  xmlNodePtr subjects = child (parent, "onderwerpen", NULL);

  for (guint i = 0; meta->subjects[i] != NULL; i++)
    child (subjects, "onderwerp", meta->subjects[i]);
}

static void
write_decision_metadata (xmlNodePtr          versie,
                         const AmendXmlMeta *meta,
                         const char         *title)
{
  xmlNodePtr m = data_root (versie, "BesluitMetadata");

  child (m, "eindverantwoordelijke", meta->authority_tooi);
  child (m, "maker", meta->authority_tooi);
  child (m, "soortBestuursorgaan", meta->body);
  child (m, "officieleTitel", title);
  write_subjects (m, meta);
  child (m, "soortProcedure", PROCEDURE_FINAL);
}

/* A final decision delivers the steps Vaststelling and Ondertekening
 * (the LVBB rules BHKV1047 and BHKV1048); publication is the LVBB's. */
static void
write_procedure (xmlNodePtr          versie,
                 const AmendXmlMeta *meta)
{
  xmlNodePtr p = data_root (versie, "Procedureverloop");
  xmlNodePtr steps, step;

  child (p, "bekendOp", meta->known_on);
  steps = child (p, "procedurestappen", NULL);
  step = child (steps, "Procedurestap", NULL);
  child (step, "soortStap", STEP_DECIDED);
  child (step, "voltooidOp", meta->decided);
  step = child (steps, "Procedurestap", NULL);
  child (step, "soortStap", STEP_SIGNED);
  child (step, "voltooidOp", meta->signed_on);
}

/* "/join/id/proces/gm9999/2027/apv": the goal the version of the
 * regulation serves, named as the decision's work. */
static char *
goal_of (const AmendXmlMeta *meta)
{
  const char *name = strrchr (meta->decision_work, '/');

  return g_strdup_printf ("/join/id/proces/%s/%.4s/%s", meta->authority, meta->decided, name ? name + 1 : "besluit");
}

/* The version of the regulation Artikel I makes, and the day Artikel II
 * makes it take effect; without a day, the LVBB's consolidation waits for
 * the publication. */
static void
write_consolidation (xmlNodePtr          versie,
                     const AmendXmlMeta *meta,
                     const char         *in_force)
{
  xmlNodePtr c = data_root (versie, "ConsolidatieInformatie");
  g_autofree char *goal = goal_of (meta);
  xmlNodePtr beoogd, doelen, stamp;

  beoogd = child (child (c, "BeoogdeRegelgeving", NULL), "BeoogdeRegeling", NULL);
  doelen = child (beoogd, "doelen", NULL);
  child (doelen, "doel", goal);
  child (beoogd, "instrumentVersie", meta->expression);
  child (beoogd, "eId", "art_I");
  if (in_force == NULL)
    return;
  stamp = child (child (c, "Tijdstempels", NULL), "Tijdstempel", NULL);
  child (stamp, "doel", goal);
  child (stamp, "soortTijdstempel", "juridischWerkendVanaf");
  child (stamp, "datum", in_force);
  child (stamp, "eId", "art_II");
}

/* The version number: what follows the "@" of the expression, in the
 * characters STOP allows there (STOP1016). */
static char *
version_number (const char *expression)
{
  const char *at = strrchr (expression, '@');
  GString *s = g_string_new (NULL);

  for (const char *p = at ? at + 1 : "1"; *p && s->len < 32; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (s, *p);
  if (s->len == 0)
    g_string_append_c (s, '1');
  return g_string_free (s, FALSE);
}

static void
write_regulation_version (xmlNodePtr          root,
                          xmlNsPtr            lvbb,
                          const AmendXmlMeta *meta)
{
  xmlNodePtr info = xmlNewChild (root, lvbb, (const xmlChar *) "RegelingVersieInformatie", NULL);
  xmlNodePtr m;
  g_autofree char *number = version_number (meta->expression);

  write_expression (info, meta->work, meta->expression, WORK_REGULATION);
  child (data_root (info, "RegelingVersieMetadata"), "versienummer", number);
  m = data_root (info, "RegelingMetadata");
  child (m, "eindverantwoordelijke", meta->authority_tooi);
  child (m, "maker", meta->authority_tooi);
  child (m, "soortBestuursorgaan", meta->body);
  if (meta->citation)
    {
      xmlNodePtr cite = child (child (m, "heeftCiteertitelInformatie", NULL), "CiteertitelInformatie", NULL);

      child (cite, "citeertitel", meta->citation);
      child (cite, "isOfficieel", "true");
    }
  child (m, "officieleTitel", meta->title);
  write_subjects (m, meta);
  child (m, "soortRegeling", meta->regulation_kind);
}

/* The decision's title as its BesluitCompact has it. */
static char *
decision_title (xmlDocPtr besluit)
{
  xmlNodePtr root = xmlDocGetRootElement (besluit);

  for (xmlNodePtr c = root ? root->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "RegelingOpschrift") == 0)
      {
        xmlChar *text = xmlNodeGetContent (c);
        char *title = g_strstrip (g_strdup ((const char *) text));

        xmlFree (text);
        return title;
      }
  return g_strdup ("");
}

static xmlDocPtr
parse_text (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return xmlReadMemory (data, (int) len, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
}

/* The AanleveringBesluit around the decision text @besluit_bytes. */
static GBytes *
deliver (const AmendXmlMeta *meta,
         GBytes             *besluit_bytes,
         const char         *in_force,
         GError            **error)
{
  g_auto(Delivery) d = { 0 };
  xmlDocPtr besluit = parse_text (besluit_bytes);
  g_autofree char *title = NULL;
  g_autofree char *expression = NULL;
  xmlNodePtr root, versie;

  if (besluit == NULL)
    {
      g_set_error_literal (error, AMEND_ERROR, AMEND_ERROR_INVALID, _("the decision text could not be read back"));
      return NULL;
    }
  title = decision_title (besluit);
  expression = g_strdup_printf ("%s/nld@%s", meta->decision_work, meta->decided);
  d.xml = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewDocNode (d.xml, NULL, (const xmlChar *) "AanleveringBesluit", NULL);
  d.lvbb = xmlNewNs (root, (const xmlChar *) AMEND_XML_NS_LVBB, NULL);
  xmlSetNs (root, d.lvbb);
  xmlDocSetRootElement (d.xml, root);
  xmlNewProp (root, (const xmlChar *) "schemaversie", (const xmlChar *) LVBB_SCHEMA_VERSION);

  versie = xmlNewChild (root, d.lvbb, (const xmlChar *) "BesluitVersie", NULL);
  write_expression (versie, meta->decision_work, expression, WORK_DECISION);
  write_decision_metadata (versie, meta, title);
  write_procedure (versie, meta);
  write_consolidation (versie, meta, in_force);
  xmlAddChild (versie, xmlDocCopyNode (xmlDocGetRootElement (besluit), d.xml, 1));
  xmlFreeDoc (besluit);
  write_regulation_version (root, d.lvbb, meta);
  return amend_xml_to_bytes (d.xml);
}

/**
 * amend_lvbb_export_decision:
 * @warnings: (nullable): what STOP could not hold, as #AmendDiagnostic
 *
 * The decision that establishes the regulation, as a delivery to the
 * LVBB: amend_stop_export_decision()'s BesluitCompact with the data a
 * delivery needs, from the front matter.
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set naming the
 *   front matter key to add or correct.
 */
GBytes *
amend_lvbb_export_decision (AmendDocument  *doc,
                            GPtrArray      *warnings,
                            GError        **error)
{
  g_auto(AmendXmlMeta) meta = { 0 };
  g_autoptr(GBytes) besluit = NULL;

  if (!amend_xml_meta_load (&meta, doc, error) || !amend_xml_meta_load_delivery (&meta, doc, NULL, error))
    return NULL;
  besluit = amend_stop_export_decision (doc, warnings, error);
  if (besluit == NULL)
    return NULL;
  return deliver (&meta, besluit, meta.in_force, error);
}

/**
 * amend_lvbb_export_change:
 * @decided: (nullable): the day the decision was taken when the new
 *   version's front matter does not say (from the amendment's record)
 * @warnings: (nullable): what STOP could not hold, as #AmendDiagnostic
 *
 * The decision that changes the regulation from the old version to the
 * new one, as a delivery to the LVBB: amend_stop_export_change()'s
 * BesluitCompact with the data a delivery needs, from the new version's
 * front matter.  The decision's work is named after the regulation and
 * the new version's date, so that each decision has its own.
 *
 * Returns: (transfer full): UTF-8 XML, or %NULL with @error set.
 */
GBytes *
amend_lvbb_export_change (AmendDiff   *diff,
                          const char  *decided,
                          GPtrArray   *warnings,
                          GError     **error)
{
  g_auto(AmendXmlMeta) old_meta = { 0 };
  g_auto(AmendXmlMeta) meta = { 0 };
  g_autoptr(GBytes) besluit = NULL;
  g_autofree char *name = NULL;
  const char *last;

  g_return_val_if_fail (AMEND_IS_DIFF (diff), NULL);

  if (!amend_xml_change_load_meta (diff, &old_meta, &meta, error))
    return NULL;
  last = strrchr (meta.work, '/');
  name = g_strdup_printf ("%s-%s", last ? last + 1 : "wijziging", meta.date);
  meta.decided = g_strdup (decided);
  if (!amend_xml_meta_load_delivery (&meta, amend_diff_get_new (diff), name, error))
    {
      g_prefix_error (error, _("in the new version, "));
      return NULL;
    }
  besluit = amend_stop_export_change (diff, warnings, error);
  if (besluit == NULL)
    return NULL;
  return deliver (&meta, besluit, meta.date, error);
}
