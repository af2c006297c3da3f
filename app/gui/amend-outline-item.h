/* amend-outline-item.h: one heading of the outline in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amend-node.h"

G_BEGIN_DECLS

#define AMEND_TYPE_OUTLINE_ITEM (amend_outline_item_get_type ())

G_DECLARE_FINAL_TYPE (AmendOutlineItem, amend_outline_item, AMEND, OUTLINE_ITEM, GObject)

/* How bad the worst finding in an item's lines is. */
typedef enum {
  AMEND_FINDING_NONE,
  AMEND_FINDING_WARNING,
  AMEND_FINDING_ERROR,
} AmendFindingLevel;

AmendOutlineItem  *amend_outline_item_new          (const AmendNode  *node,
                                                    guint             depth);
const char        *amend_outline_item_get_label    (AmendOutlineItem *self);
AmendNodeKind      amend_outline_item_get_kind     (AmendOutlineItem *self);
guint              amend_outline_item_get_depth    (AmendOutlineItem *self);
guint              amend_outline_item_get_line     (AmendOutlineItem *self);
guint              amend_outline_item_get_line_end (AmendOutlineItem *self);
void               amend_outline_item_set_lines    (AmendOutlineItem *self,
                                                    guint             line,
                                                    guint             line_end);
AmendFindingLevel  amend_outline_item_get_finding  (AmendOutlineItem *self);
void               amend_outline_item_set_finding  (AmendOutlineItem *self,
                                                    AmendFindingLevel level);
const char        *amend_outline_item_get_finding_text (AmendOutlineItem *self);
void               amend_outline_item_set_finding_text (AmendOutlineItem *self,
                                                        const char       *text);
gboolean           amend_outline_item_same_heading (AmendOutlineItem *self,
                                                    AmendOutlineItem *other);

G_END_DECLS
