/* amend-outline-item.c: one heading of the outline in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-outline-item.h"

struct _AmendOutlineItem
{
  GObject           parent_instance;

  char             *label;
  AmendNodeKind     kind;
  guint             depth;
  guint             line;
  guint             line_end;
  AmendFindingLevel finding;
  char             *finding_text;
};

enum {
  PROP_0,
  PROP_LABEL,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AmendOutlineItem, amend_outline_item, G_TYPE_OBJECT)

static void
amend_outline_item_finalize (GObject *object)
{
  AmendOutlineItem *self = (AmendOutlineItem *) object;

  g_free (self->label);
  g_free (self->finding_text);
  G_OBJECT_CLASS (amend_outline_item_parent_class)->finalize (object);
}

static void
amend_outline_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AmendOutlineItem *self = AMEND_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_FINDING:
      g_value_set_int (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amend_outline_item_class_init (AmendOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amend_outline_item_finalize;
  object_class->get_property = amend_outline_item_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDING] = g_param_spec_int ("finding", NULL, NULL, 0, AMEND_FINDING_ERROR, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amend_outline_item_init (AmendOutlineItem *self)
{
}

/* "Artikel 1:2 Beslistermijn", as the heading reads in the text. */
static char *
node_label (const AmendNode *node)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);
  GString *s = g_string_new (NULL);

  if (node->kind == AMEND_NODE_PREAMBLE)
    return g_strdup (_("Preamble"));
  if (word && *word)
    g_string_append (s, word);
  if (node->number && *node->number)
    g_string_append_printf (s, "%s%s", s->len ? " " : "", node->number);
  if (node->heading && *node->heading)
    g_string_append_printf (s, "%s%s", s->len ? " " : "", node->heading);
  if (s->len == 0)
    g_string_append (s, amend_node_kind_to_string (node->kind));
  return g_string_free (s, FALSE);
}

AmendOutlineItem *
amend_outline_item_new (const AmendNode *node,
                        guint            depth)
{
  AmendOutlineItem *self = g_object_new (AMEND_TYPE_OUTLINE_ITEM, NULL);

  self->label = node_label (node);
  self->kind = node->kind;
  self->depth = depth;
  self->line = node->line_start;
  self->line_end = node->line_end;
  return self;
}

const char *
amend_outline_item_get_label (AmendOutlineItem *self)
{
  return self->label;
}

AmendNodeKind
amend_outline_item_get_kind (AmendOutlineItem *self)
{
  return self->kind;
}

guint
amend_outline_item_get_depth (AmendOutlineItem *self)
{
  return self->depth;
}

guint
amend_outline_item_get_line (AmendOutlineItem *self)
{
  return self->line;
}

guint
amend_outline_item_get_line_end (AmendOutlineItem *self)
{
  return self->line_end;
}

void
amend_outline_item_set_lines (AmendOutlineItem *self,
                              guint             line,
                              guint             line_end)
{
  self->line = line;
  self->line_end = line_end;
}

AmendFindingLevel
amend_outline_item_get_finding (AmendOutlineItem *self)
{
  return self->finding;
}

void
amend_outline_item_set_finding (AmendOutlineItem *self,
                                AmendFindingLevel level)
{
  if (self->finding == level)
    return;
  self->finding = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}

const char *
amend_outline_item_get_finding_text (AmendOutlineItem *self)
{
  return self->finding_text;
}

void
amend_outline_item_set_finding_text (AmendOutlineItem *self,
                                     const char       *text)
{
  g_free (self->finding_text);
  self->finding_text = g_strdup (text);
}

gboolean
amend_outline_item_same_heading (AmendOutlineItem *self,
                                 AmendOutlineItem *other)
{
  return self->kind == other->kind && self->depth == other->depth && g_strcmp0 (self->label, other->label) == 0;
}
