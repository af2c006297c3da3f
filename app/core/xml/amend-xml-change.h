/* amend-xml-change.h: a change between two versions, as the XML exports write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"
#include "amend-xml-meta.h"

G_BEGIN_DECLS

/* Where a written node stands in the renvooi of an element. */
typedef enum {
  AMEND_XML_SAME,      /* in both versions; its text may differ */
  AMEND_XML_INSERTED,  /* new: STOP wijzigactie="voegtoe", Akoma Ntoso ins */
  AMEND_XML_DELETED,   /* gone: STOP wijzigactie="verwijder", Akoma Ntoso del */
} AmendXmlState;

/* One mutation: STOP's Vervang, VoegToe, Verwijder and VervangKop, Akoma
 * Ntoso's substitution (or renumbering), insertion and repeal. */
typedef enum {
  AMEND_XML_REPLACE,
  AMEND_XML_INSERT,
  AMEND_XML_REMOVE,
  AMEND_XML_REPLACE_HEADING,
} AmendXmlMutationKind;

typedef struct {
  AmendXmlMutationKind kind;
  char            *number;      /* "A", or "A1", "A2" when one instruction needs more mutations */
  char            *wat;         /* the instruction without its quotations; on the first mutation of an instruction */
  const AmendNode *target;      /* REPLACE, REMOVE, REPLACE_HEADING: the element in the old version */
  const AmendNode *node;        /* what is written: REPLACE and REPLACE_HEADING the new element in
                                 * renvooi (deleted parts included), INSERT the new element, REMOVE
                                 * the old one with eIds that do not clash with the new version */
  const AmendNode *context;     /* INSERT: the sibling (new version) it follows, or precedes when
                                 * @before; NULL: it goes after the body (an annex) */
  gboolean         before;
  gboolean         renumbered;  /* REPLACE: only the numbers changed */
  gboolean         editorial;   /* REPLACE: only emphasis or links changed, no words (STOP's revisie) */
  AmendNode       *owned;       /* the copy @node is part of, with its ancestors */
} AmendXmlMutation;

/* A piece of text in renvooi: words that stay, came or went, cut along the
 * runs of the new text so that emphasis and links are kept. */
typedef struct {
  AmendPieceOp    op;
  const AmendRun *run;   /* marks and address; NULL for plain text (deleted words, headings) */
  char           *text;
} AmendXmlSegment;

typedef struct _AmendXmlChange AmendXmlChange;

AmendXmlChange  *amend_xml_change_new             (AmendDiff        *diff,
                                                   GPtrArray        *warnings,
                                                   GError          **error);
void             amend_xml_change_free            (AmendXmlChange   *self);
GPtrArray       *amend_xml_change_get_mutations   (AmendXmlChange   *self);
AmendXmlState    amend_xml_change_state           (AmendXmlChange   *self,
                                                   const AmendNode  *node);
AmendXmlState    amend_xml_change_effective_state (AmendXmlChange   *self,
                                                   const AmendNode  *node);
const AmendNode *amend_xml_change_old             (AmendXmlChange   *self,
                                                   const AmendNode  *node);
gboolean         amend_xml_change_origin          (AmendXmlChange   *self,
                                                   const char       *eid,
                                                   const char      **old_eid);
GArray          *amend_xml_change_segments        (AmendXmlChange   *self,
                                                   const AmendNode  *text,
                                                   gsize             start,
                                                   gsize             end,
                                                   gsize             deleted_from);
GArray          *amend_xml_change_plain_segments  (const char       *old_text,
                                                   const char       *new_text);
gboolean         amend_xml_change_in_new          (AmendXmlChange   *self,
                                                   const char       *eid);

gboolean         amend_xml_change_load_meta       (AmendDiff        *diff,
                                                   AmendXmlMeta     *old_meta,
                                                   AmendXmlMeta     *new_meta,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendXmlChange, amend_xml_change_free)

G_END_DECLS
