/* amend-xml-meta.h: the front matter the XML formats need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

/* What the STOP and Akoma Ntoso exports take from the front matter, checked
 * and completed: expression and date are derived from each other and from
 * the work when one of them is missing. */
typedef struct {
  char *title;           /* title: the official title (RegelingOpschrift, docTitle) */
  char *citation;        /* citation: the citation title, may be NULL */
  char *authority;       /* authority: "gm9999", the code in wIds and FRBRauthor */
  char *authority_name;  /* authority-name: "de raad van de gemeente ...", may be NULL */
  char *work;            /* work: "/akn/nl/act/gm9999/2027/apv" */
  char *expression;      /* expression: "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01" */
  char *date;            /* date: "2027-01-01", the date of the expression */
  char *work_date;       /* work-date: the date of the work, its first version (Akoma Ntoso's work FRBRdate) */
  char *in_force;        /* in-force: when the establishing decision takes effect, may be NULL */
  char *decision_title;  /* decision-title: the title of the establishing decision, may be NULL */

  /* What a delivery to the LVBB needs besides (amend_xml_meta_load_delivery()) */
  char  *decided;         /* decided: the day the decision was taken (Procedurestap Vaststelling) */
  char  *signed_on;       /* signed: the day it was signed (Ondertekening); decided when missing */
  char  *known_on;        /* known-on: bekendOp of the Procedureverloop; signed when missing */
  char  *body;            /* body: soortBestuursorgaan, a TOOI URI (raad, gemeenteraad: the council's) */
  char **subjects;        /* subjects: onderwerpen, TOOI concept URIs */
  char  *regulation_kind; /* regulation-kind: soortRegeling, /join/id/stop/regelingtype_... */
  char  *decision_work;   /* decision-work: the decision's FRBRWork, /akn/nl/bill/...; made when missing */
  char  *authority_tooi;  /* /tooi/id/gemeente/gm9999, from authority */
} AmendXmlMeta;

gboolean amend_xml_meta_load  (AmendXmlMeta  *meta,
                               AmendDocument *doc,
                               GError       **error);
gboolean amend_xml_meta_load_delivery (AmendXmlMeta  *meta,
                                       AmendDocument *doc,
                                       const char    *decision_name,
                                       GError       **error);
void     amend_xml_meta_clear (AmendXmlMeta  *meta);
GPtrArray *amend_xml_meta_check (AmendDocument *doc);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmendXmlMeta, amend_xml_meta_clear)

G_END_DECLS
