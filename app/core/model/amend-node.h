/* amend-node.h: one node of the document model of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  AMEND_NODE_REGULATION,
  AMEND_NODE_PREAMBLE,
  AMEND_NODE_CHAPTER,     /* Hoofdstuk */
  AMEND_NODE_TITLE,       /* Titel */
  AMEND_NODE_DIVISION,    /* Afdeling */
  AMEND_NODE_SECTION,     /* Paragraaf, § */
  AMEND_NODE_ANNEX,       /* Bijlage */
  AMEND_NODE_ARTICLE,     /* Artikel */
  AMEND_NODE_MEMBER,      /* lid */
  AMEND_NODE_POINT,       /* onderdeel */
  AMEND_NODE_TEXT,        /* a paragraph, or a free heading when heading_level > 0 */
  AMEND_NODE_EXPLANATION, /* Toelichting */
  AMEND_NODE_CLOSING,     /* Ondertekening */
  AMEND_N_NODE_KINDS
} AmendNodeKind;

/* Inline marks of a run of text.  Runs are flat: nesting of emphasis and
 * strong is normalized, which is what makes the writer canonical. */
typedef enum {
  AMEND_MARK_NONE   = 0,
  AMEND_MARK_EMPH   = 1 << 0,
  AMEND_MARK_STRONG = 1 << 1,
  AMEND_MARK_CODE   = 1 << 2,
  AMEND_MARK_LINK   = 1 << 3,
  AMEND_MARK_IMAGE  = 1 << 4,
  AMEND_MARK_HTML   = 1 << 5, /* raw inline HTML, kept verbatim */
  AMEND_MARK_BREAK  = 1 << 6, /* a hard line break; text is empty */
} AmendMarks;

typedef struct {
  char      *text;
  char      *href;  /* LINK and IMAGE only */
  AmendMarks marks;
} AmendRun;

typedef struct _AmendNode AmendNode;

/* The fields are ordered so that no padding is needed (80 bytes): a
 * large regulation has millions of nodes. */
struct _AmendNode {
  AmendNodeKind kind;
  guint         heading_level; /* TEXT: level of a free heading, 0 for a paragraph */
  char         *word;          /* the kind word when not the usual one ("§") */
  char         *number;        /* as written: "1:1", "2.3a", "IV"; for points the label "a.", "1°" */
  char         *heading;       /* opschrift */
  char         *eid;
  guint         line_start;    /* 1-based source lines; 0 for nodes built in code */
  guint         line_end;
  AmendNode    *parent;
  GPtrArray    *children;      /* of AmendNode, owned */
  GArray       *runs;          /* of AmendRun, TEXT only */
  guint         pos;           /* index in parent->children */
  guint         serial;        /* scratch: numbered by algorithms that keep tables per node (the diff) */
  guint64       unread;        /* an article whose body was not read, because the other version of a
                                * comparison has the same text (amend_diff_new_for_texts()): a hash
                                * of that text; 0 for every node read in full */
};

#define AMEND_TYPE_NODE (amend_node_get_type ())

GType         amend_node_get_type          (void) G_GNUC_CONST;
AmendNode    *amend_node_new               (AmendNodeKind  kind);
AmendNode    *amend_node_copy              (const AmendNode *node);
void          amend_node_free              (AmendNode     *node);
void          amend_node_append            (AmendNode     *parent,
                                            AmendNode     *child);
void          amend_node_insert            (AmendNode     *parent,
                                            guint          index,
                                            AmendNode     *child);
AmendNode    *amend_node_steal             (AmendNode     *parent,
                                            guint          index);
guint         amend_node_n_children        (const AmendNode *node);
AmendNode    *amend_node_child             (const AmendNode *node,
                                            guint          index);
int           amend_node_index             (const AmendNode *node);
void          amend_node_add_run           (AmendNode     *node,
                                            const char    *text,
                                            gssize         len,
                                            AmendMarks     marks,
                                            const char    *href);
char         *amend_node_get_plain_text    (const AmendNode *node);
char         *amend_node_get_text_content  (const AmendNode *node);
gboolean      amend_node_is_division       (const AmendNode *node);
gboolean      amend_node_is_structural     (const AmendNode *node);
AmendNode    *amend_node_find_ancestor     (const AmendNode *node,
                                            AmendNodeKind  kind);
AmendNode    *amend_node_next              (const AmendNode *node,
                                            const AmendNode *root);

const char   *amend_node_kind_to_string    (AmendNodeKind  kind);
gboolean      amend_node_kind_from_string  (const char    *name,
                                            AmendNodeKind *kind);
const char   *amend_node_kind_word         (AmendNodeKind  kind);
const char   *amend_node_number_delimiter  (const AmendNode *member);
const char   *amend_node_kind_eid_prefix   (AmendNodeKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendNode, amend_node_free)

G_END_DECLS
