/* amend-instructions-element.c: the changes inside one element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One article (or member, or division) with several changes: said as
 * numbered sentences under "Artikel 3 wordt als volgt gewijzigd:" (Ar
 * 6.15), each citing below the element, with the renumbering each one
 * causes said where it happens, or, when the changes are too many or
 * too large, the element rewritten whole (6.9).  The letters and units
 * these sentences go into are made in amend-instructions.c, which calls
 * _amend_instr_say_inside().
 */
#include "config.h"

#include <string.h>

#include "amend-instructions.h"
#include "amend-instructions-private.h"
#include "amend-wording.h"

/* ----------------------------------------------------------------------- */
/* The changes inside one element                                          */
/* ----------------------------------------------------------------------- */

typedef enum {
  OP_TEXT,
  OP_HEADING,
  OP_GONE,
  OP_NEW,
  OP_NUMBER,
} OpKind;

typedef struct {
  OpKind             kind;
  const AmendChange *change;
  const AmendNode   *old_node;
  const AmendNode   *new_node;
  gboolean           done;
} Op;

typedef struct {
  Ctx        *ctx;
  const Unit *unit;
  const AmendNode *top;    /* the element the relative citations are below: the unit's, or the one
                            * member of it that all the changes are in */
  const AmendNode *base_top; /* the top of the whole instruction, in->top the top of the operation said */
  const AmendNode *group;  /* the member right below base_top the operation is in */
  GPtrArray  *groups;      /* the group of each sentence */
  GHashTable *nested;      /* groups whose sentences are lettered under "Het tweede lid wordt als volgt gewijzigd:" */
  gboolean    relative;    /* the sentences are numbered under "Artikel 3 wordt als volgt gewijzigd:" */
  GArray     *ops;         /* of Op */
  GHashTable *rewritten;   /* old members and points said whole already */
  GHashTable *folds;       /* new point -> "onder vervanging van de punt ..." said with it */
  GPtrArray  *sentences;
  GPtrArray  *text_parts;  /* the parts of the last sentence, when it is about a text at @cite */
  char       *cite;        /* a single text change: where, and what */
  char       *predicate;
  gboolean    to_end;
  gboolean    whole;       /* the element is better rewritten whole */
} Inside;

static gboolean
inside_of (const AmendNode *node,
           const AmendNode *top)
{
  for (const AmendNode *n = node; n != NULL; n = n->parent)
    if (n == top)
      return TRUE;
  return FALSE;
}

/* The element the citations are below, in the old or the new version. */
static const AmendNode *
top_of (Inside  *in,
        gboolean is_old)
{
  if (in->top == NULL || in->top == in->unit->old_node)
    return is_old ? in->unit->old_node : in->unit->new_node;
  return is_old ? in->top : amend_diff_get_partner (in->ctx->diff, in->top, TRUE);
}

static gboolean
covered (Inside          *in,
         const AmendNode *old_node)
{
  for (const AmendNode *n = old_node; n != NULL; n = n->parent)
    if (g_hash_table_contains (in->rewritten, n))
      return TRUE;
  return FALSE;
}

static void
add_op (Inside            *in,
        OpKind             kind,
        const AmendChange *c,
        const AmendNode   *old_node,
        const AmendNode   *new_node)
{
  Op op = { kind, c, old_node, new_node, FALSE };

  g_array_append_val (in->ops, op);
}

/* More than one list among the children of @parent: points with text or a
 * heading between them, as the lists A, B, C of a bijlage. */
static gboolean
has_several_lists (const AmendNode *parent)
{
  guint runs = 0;
  gboolean in_run = FALSE;

  for (guint i = 0; i < amend_node_n_children (parent); i++)
    {
      gboolean is_point = amend_node_child (parent, i)->kind == AMEND_NODE_POINT;

      if (is_point && !in_run)
        runs++;
      in_run = is_point;
    }
  return runs > 1;
}

/* A label a citation can say: "b", "4", "1°"; not a bullet ("-", none). */
static gboolean
is_citable_label (const char *number)
{
  g_autofree char *label = amend_wording_point (number);

  for (const char *c = label; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_isalnum (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

/* @node is, or lies in, a point without a label a citation can say (a
 * bullet), or whose label another point of the same element has too (a
 * "4." in list A and in list C of a bijlage), so that "onderdeel 4" would
 * not say which one is meant (3.29). */
static gboolean
point_is_ambiguous (const AmendNode *node)
{
  for (const AmendNode *p = node; p != NULL && p->parent != NULL; p = p->parent)
    {
      if (p->kind != AMEND_NODE_POINT)
        continue;
      if (!is_citable_label (p->number))
        return TRUE;
      for (guint i = 0; i < amend_node_n_children (p->parent); i++)
        {
          const AmendNode *s = amend_node_child (p->parent, i);

          if (s != p && s->kind == AMEND_NODE_POINT && g_strcmp0 (s->number, p->number) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* A change the instructions cannot cite or place by the points' labels: one
 * in a point whose label is not unique, or a point that comes, goes or is
 * renumbered where an element holds several lists ("Na onderdeel 3" and
 * "toegevoegd" count the points of all of them as one list). */
static gboolean
needs_whole (const AmendChange *c)
{
  const AmendNode *nodes[2] = { c->old_node, c->new_node };

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      const AmendNode *n = nodes[i];

      if (n == NULL)
        continue;
      if (point_is_ambiguous (n))
        return TRUE;
      if (c->action != AMEND_CHANGE_MODIFIED && n->kind == AMEND_NODE_POINT && has_several_lists (n->parent))
        return TRUE;
    }
  return FALSE;
}

/* The changes of the unit as operations; FALSE when the element is better
 * rewritten whole (a member moved inside it, a point that cannot be cited
 * unambiguously). */
static gboolean
collect_ops (Inside *in)
{
  const Unit *u = in->unit;

  for (guint i = 0; i < u->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (u->changes, i);
      gboolean old_in = c->old_node && inside_of (c->old_node, u->old_node);
      gboolean new_in = c->new_node && inside_of (c->new_node, u->new_node);

      if (g_hash_table_contains (in->ctx->said, c) || g_hash_table_contains (in->ctx->reserved, c))
        continue;
      if (needs_whole (c))
        return FALSE;
      switch (c->action)
        {
        case AMEND_CHANGE_MODIFIED:
          if (c->heading_changed)
            add_op (in, OP_HEADING, c, c->old_node, c->new_node);
          else if (c->old_node && c->new_node)
            add_op (in, OP_TEXT, c, c->old_node, c->new_node);
          break;
        case AMEND_CHANGE_DELETED:
          if (c->old_node)
            add_op (in, OP_GONE, c, c->old_node, NULL);
          break;
        case AMEND_CHANGE_INSERTED:
          if (c->new_node)
            add_op (in, OP_NEW, c, NULL, c->new_node);
          break;
        case AMEND_CHANGE_RENUMBERED:
          if (c->old_node && c->new_node && _amend_instr_is_part (c->new_node))
            add_op (in, OP_NUMBER, c, c->old_node, c->new_node);
          break;
        case AMEND_CHANGE_MOVED:
          if (old_in && new_in)
            return FALSE;
          if (old_in)
            add_op (in, OP_GONE, c, c->old_node, NULL);
          else if (new_in)
            add_op (in, OP_NEW, c, NULL, c->new_node);
          break;
        default:
          break;
        }
    }
  return TRUE;
}

static Op *
op_at (Inside *in,
       guint   i)
{
  return &g_array_index (in->ops, Op, i);
}

/* A deletion goes before an insertion among the same siblings, so that
 * the renumbering the insertion says never meets a number that is still
 * in use. */
static void
deletions_first (Inside *in)
{
  for (guint j = 0; j < in->ops->len; j++)
    {
      Op gone = *op_at (in, j);

      if (gone.kind != OP_GONE)
        continue;
      for (guint i = 0; i < j; i++)
        {
          const Op *o = op_at (in, i);
          const AmendNode *parent_old = o->kind == OP_NEW && o->new_node->parent
                                        ? amend_diff_get_partner (in->ctx->diff, o->new_node->parent, FALSE) : NULL;

          if (o->kind == OP_NEW && parent_old == gone.old_node->parent)
            {
              g_array_remove_index (in->ops, j);
              g_array_insert_val (in->ops, i, gone);
              break;
            }
        }
    }
}

static void
add_sentence (Inside *in,
              char   *sentence)
{
  g_ptr_array_add (in->sentences, sentence);
  g_ptr_array_add (in->groups, (gpointer) in->group);
  /* say_text sets them again after a sentence about a text. */
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
}

/* The container a member or point is cited by: empty inside the unit's
 * own instruction, "artikel 4" or "artikel 5, tweede lid" otherwise. */
static char *
container_cite (Inside          *in,
                const AmendNode *parent,
                gboolean         is_old)
{
  return _amend_instr_cite (in->ctx, parent, top_of (in, is_old), is_old, in->relative);
}

/* The other text of the element the citation of @text names: a quotation
 * must not occur there either. */
static char *
scope_other (const AmendNode *owner,
             const AmendNode *text)
{
  GString *s = g_string_new (NULL);

  for (const AmendNode *n = owner; n != NULL; n = amend_node_next (n, owner))
    if (n->kind == AMEND_NODE_TEXT && n != text)
      {
        g_autofree char *plain = amend_node_get_plain_text (n);

        g_string_append (s, plain);
        g_string_append_c (s, '\n');
      }
  return g_string_free (s, FALSE);
}

/* A text directly in the element, before its points: the aanhef (3.29,
 * fourth member). */
static gboolean
is_aanhef (const AmendNode *text)
{
  const AmendNode *parent = text->parent;

  return parent && text->pos + 1 < amend_node_n_children (parent) &&
         amend_node_child (parent, text->pos + 1)->kind == AMEND_NODE_POINT;
}

static guint
count_texts (const AmendNode *node)
{
  guint n = 0;

  for (guint i = 0; i < amend_node_n_children (node); i++)
    n += amend_node_child (node, i)->kind == AMEND_NODE_TEXT ? 1 : 0;
  return n;
}

/* Where a changed text stands: "artikel 3, tweede lid", "het tweede lid",
 * "artikel 1, aanhef"; the unit alone when the text is all of it. */
static char *
text_cite (Inside          *in,
           const AmendNode *text)
{
  const AmendNode *owner = text->parent;
  const AmendNode *top = top_of (in, TRUE);
  g_autofree char *c = _amend_instr_cite (in->ctx, owner, top, TRUE, in->relative);

  /* The text before the points is the aanhef, of an article or of a
   * member (3.29, fourth member): "Aan het tweede lid" alone would put
   * new words after the points. */
  if (is_aanhef (text))
    {
      if (c[0] == '\0')
        return g_strdup ("de aanhef");
      return g_strdup_printf ("%s, aanhef", c);
    }
  /* Under "Artikel 2 wordt als volgt gewijzigd:" the article's own text
   * is "de tekst", as in "Voor de tekst wordt de aanduiding "1."
   * geplaatst" (6.18, third member). */
  if (c[0] == '\0' && in->relative)
    return g_strdup ("de tekst");
  if (c[0] == '\0')
    return _amend_instr_cite (in->ctx, owner, top, TRUE, FALSE);
  return g_steal_pointer (&c);
}

/* The paragraphs (alinea's) of an element are cited by their place among
 * its paragraphs as they stand when the instructions before have been
 * applied (those about the paragraphs before it come first), not quoted
 * whole: "In bijlage 1 vervalt de tweede alinea." (6.9, toelichting: an
 * element or a whole sentence is cited, not quoted). */
static guint
texts_before (const AmendNode *node)
{
  guint n = 0;

  for (guint i = 0; node->parent && i < node->pos; i++)
    n += amend_node_child (node->parent, i)->kind == AMEND_NODE_TEXT ? 1 : 0;
  return n;
}

/* The place a paragraph of the old version that goes has then: after the
 * last paragraph before it that stays. */
static guint
gone_text_place (Inside          *in,
                 const AmendNode *old_text)
{
  for (const AmendNode *s = _amend_instr_sibling_of_kind (in->ctx, old_text, -1, FALSE, TRUE); s != NULL;
       s = _amend_instr_sibling_of_kind (in->ctx, s, -1, FALSE, TRUE))
    {
      const AmendNode *kept = amend_diff_get_partner (in->ctx->diff, s, TRUE);

      if (kept != NULL)
        return texts_before (kept) + 2;
    }
  return 1;
}

/* "de tweede zin", "de tweede en derde zin", "de tweede tot en met
 * vierde zin" of @noun; NULL past the ordinals the Aanwijzingen spell
 * out. */
static char *
ordinals_phrase (guint       first,
                 guint       n,
                 const char *noun)
{
  g_autofree char *a = g_strdup_printf ("%u", first);
  g_autofree char *b = g_strdup_printf ("%u", first + n - 1);
  g_autofree char *from = amend_wording_ordinal (a);
  g_autofree char *to = amend_wording_ordinal (b);

  if (from == NULL || to == NULL)
    return NULL;
  if (n == 1)
    return g_strdup_printf ("de %s %s", from, noun);
  return g_strdup_printf ("de %s %s %s %s", from, n == 2 ? "en" : "tot en met", to, noun);
}

/* "de tweede alinea", "de tweede en derde alinea", "de tweede tot en met
 * vierde alinea"; NULL past the ordinals. */
static char *
alineas_phrase (guint first,
                guint n)
{
  return ordinals_phrase (first, n, "alinea");
}

/* A changed text too changed to quote: its member or point rewritten
 * whole, or the aanhef or paragraph in quotation marks. */
static void
say_text_whole (Inside   *in,
                const Op *op)
{
  const AmendNode *owner_old = op->old_node->parent;
  const AmendNode *owner_new = op->new_node->parent;
  const AmendNode *top = in->unit->old_node;

  if (owner_old && (owner_old->kind == AMEND_NODE_MEMBER || owner_old->kind == AMEND_NODE_POINT))
    {
      gboolean below = in->relative && owner_old != top_of (in, TRUE);
      g_autofree char *c = _amend_instr_cite (in->ctx, owner_old, below ? top_of (in, TRUE) : top, TRUE, below);
      g_autofree char *start = _amend_instr_sentence_start (c);
      g_autofree char *text = _amend_instr_node_text (owner_new);

      g_hash_table_add (in->rewritten, (gpointer) owner_old);
      add_sentence (in, g_strdup_printf ("%s komt te luiden:\n\n%s", start, text));
      return;
    }
  if (owner_old == top && _amend_instr_is_article (top) && count_texts (top) == 1 && amend_node_n_children (top) == 1)
    {
      in->whole = TRUE;
      return;
    }
  {
    g_autofree char *plain = amend_node_get_plain_text (op->new_node);
    g_autofree char *c = is_aanhef (op->old_node) ? text_cite (in, op->old_node) : NULL;
    g_autofree char *what = NULL;
    g_autofree char *start = NULL;

    if (c == NULL)
      {
        /* A paragraph among others: cited by its place, the new one
         * after the colon (6.9, toelichting); the one paragraph of the
         * element quoted, as when it goes: "de eerste alinea" would
         * suggest others. */
        g_autofree char *which = count_texts (owner_old) > 1 ? alineas_phrase (texts_before (op->new_node) + 1, 1)
                                                             : NULL;
        g_autofree char *container = container_cite (in, owner_old, TRUE);
        g_autofree char *text = _amend_instr_node_text (op->new_node);

        if (which == NULL)
          {
            g_autofree char *old_plain = amend_node_get_plain_text (op->old_node);
            g_autofree char *where = text_cite (in, op->old_node);
            add_sentence (in, g_strdup_printf ("In %s wordt \"%s\" vervangen door %c\"%s\"%c.", where, old_plain,
                                               QUOTE_OPEN, plain, QUOTE_CLOSE));
          }
        else if (container[0] == '\0')
          {
            g_autofree char *cap = amend_wording_capitalize (which);
            add_sentence (in, g_strdup_printf ("%s komt te luiden:\n\n%s", cap, text));
          }
        else
          {
            g_autofree char *cap = amend_wording_capitalize (which);
            g_autofree char *comma = _amend_instr_with_comma (container);
            add_sentence (in, g_strdup_printf ("%s van %s komt te luiden:\n\n%s", cap, comma, text));
          }
        return;
      }
    what = g_str_has_prefix (c, "de aanhef") ? g_strdup (c) : g_strdup_printf ("de aanhef van %s", c);
    if (g_str_has_suffix (what, ", aanhef"))
      what[strlen (what) - strlen (", aanhef")] = '\0';
    start = amend_wording_capitalize (what);
    add_sentence (in, g_strdup_printf ("%s komt te luiden: %c\"%s\"%c.", start, QUOTE_OPEN, plain, QUOTE_CLOSE));
  }
}

/* Nothing of its element follows @text but its points (an aanhef is cited
 * as such): words at its end are at the end of what the citation names. */
static gboolean
ends_its_element (const AmendNode *text)
{
  return text->parent == NULL || is_aanhef (text) || text->pos + 1 == amend_node_n_children (text->parent);
}

/* Whether the full stop at @p ends a word of two letters or more, not an
 * initial or an abbreviation ("J.", "o.a."). */
static gboolean
ends_word (const char *text,
           const char *p)
{
  guint letters = 0;

  for (const char *q = p; q > text; q--)
    {
      char c = q[-1];

      if (c == '.')
        return FALSE;
      if (c == ' ')
        break;
      letters++;
    }
  return letters >= 2;
}

/* Whether the mark at @p ends a sentence: a word's ". ", or "? " or "! ",
 * before a capital. */
static gboolean
ends_sentence (const char *text,
               const char *p)
{
  if (p[1] != ' ' || !g_unichar_isupper (g_utf8_get_char (p + 2)))
    return FALSE;
  return p[0] == '?' || p[0] == '!' || (p[0] == '.' && ends_word (text, p));
}

/* The sentences of @text, each with its closing mark. */
static GPtrArray *
sentences_of (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && ends_sentence (text, p))
      {
        g_ptr_array_add (out, g_strndup (start, p + 1 - start));
        start = p + 2;
      }
  g_ptr_array_add (out, g_strdup (start));
  return out;
}

/* Sentences added at the end: "Aan het eerste lid wordt een zin
 * toegevoegd, luidende: ...", not the words quoted from the full stop on
 * (wordt ". Het college ..." toegevoegd). */
static gboolean
say_sentences_added (Inside     *in,
                     const char *where,
                     const char *part)
{
  static const char prefix[] = "wordt \". ";
  static const char suffix[] = "\" toegevoegd";
  g_autofree char *added = NULL, *subject = NULL, *cap = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  const char *count;
  gsize len = strlen (part);

  if (!g_str_has_prefix (part, prefix) || !g_str_has_suffix (part, suffix) ||
      len <= strlen (prefix) + strlen (suffix) || !g_unichar_isupper (g_utf8_get_char (part + strlen (prefix))))
    return FALSE;
  added = g_strndup (part + strlen (prefix), len - strlen (prefix) - strlen (suffix));
  if (strchr (added, '"') != NULL)
    return FALSE;
  sentences = sentences_of (added);
  count = amend_wording_count (sentences->len);
  if (count == NULL)
    return FALSE;
  subject = strcmp (where, "de tekst") == 0 ? g_strdup ("Er") : g_strdup_printf ("Aan %s", where);
  cap = amend_wording_capitalize (subject);
  {
    g_autofree char *comma = _amend_instr_with_comma (cap);
    add_sentence (in, g_strdup_printf ("%s %s %s %s toegevoegd, luidende: %c%s.%c", comma,
                                       sentences->len == 1 ? "wordt" : "worden", count,
                                       sentences->len == 1 ? "zin" : "zinnen", QUOTE_OPEN, added, QUOTE_CLOSE));
  }
  return TRUE;
}

/* A change that replaces or deletes one whole sentence of several is said
 * of that sentence, as the example of 6.15 ("Het vijfde lid, tweede zin,
 * vervalt.") and 6.9, toelichting ("eerste lid, tweede zin", the new text
 * after the colon without quotation marks). */
static gboolean
say_sentence (Inside                *in,
              const char            *old_plain,
              const char            *where,
              const AmendTextChange *tc)
{
  g_autoptr(GPtrArray) sentences = sentences_of (old_plain);
  const char *part;

  if (tc->parts == NULL || tc->parts->len != 1)
    return FALSE;
  part = g_ptr_array_index (tc->parts, 0);
  if (tc->to_end && say_sentences_added (in, where, part))
    return TRUE;
  if (sentences->len < 2)
    return FALSE;
  for (guint i = 0; i < sentences->len; i++)
    {
      g_autofree char *body = g_strdup (g_ptr_array_index (sentences, i));
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *ordinal = amend_wording_ordinal (number);
      g_autofree char *gone = NULL, *gone_stop = NULL, *replaced = NULL, *subject = NULL, *cap = NULL;
      gsize len = strlen (body);

      if (ordinal == NULL || len < 2 || body[len - 1] != '.')
        continue;
      gone_stop = g_strdup_printf ("vervalt \"%s\"", body);
      body[len - 1] = '\0';
      gone = g_strdup_printf ("vervalt \"%s\"", body);
      replaced = g_strdup_printf ("wordt \"%s\" vervangen door \"", body);
      if (strcmp (where, "de tekst") == 0)
        subject = g_strdup_printf ("de %s zin", ordinal);
      else
        subject = g_strdup_printf ("%s, %s zin,", where, ordinal);
      cap = amend_wording_capitalize (subject);
      if (strcmp (part, gone) == 0 || strcmp (part, gone_stop) == 0)
        {
          add_sentence (in, g_strdup_printf ("%s vervalt.", cap));
          return TRUE;
        }
      if (g_str_has_prefix (part, replaced) && g_str_has_suffix (part, "\"") && strchr (body, '"') == NULL)
        {
          g_autofree char *r = g_strndup (part + strlen (replaced), strlen (part) - strlen (replaced) - 1);
          add_sentence (in, g_strdup_printf ("%s komt te luiden: %c%s.%c", cap, QUOTE_OPEN, r, QUOTE_CLOSE));
          return TRUE;
        }
    }
  return FALSE;
}

/* The sentences of two texts that stay, from the start (@head) and from
 * the end (@tail); they do not overlap. */
static void
same_sentences (GPtrArray *so,
                GPtrArray *sn,
                guint     *head,
                guint     *tail)
{
  guint shorter = MIN (so->len, sn->len);

  *head = *tail = 0;
  while (*head < shorter && strcmp (g_ptr_array_index (so, *head), g_ptr_array_index (sn, *head)) == 0)
    (*head)++;
  while (*tail < shorter - *head &&
         strcmp (g_ptr_array_index (so, so->len - 1 - *tail), g_ptr_array_index (sn, sn->len - 1 - *tail)) == 0)
    (*tail)++;
}

/* Sentences that go, or come between others: "In het tweede lid vervallen
 * de tweede en derde zin.", "In artikel 1, tweede lid, wordt na de eerste
 * zin een zin ingevoegd, luidende: ..." (6.11 and 6.12 for a sentence as
 * the example of 6.15 has it). */
static void
say_sentences_changed (Inside     *in,
                       const char *where,
                       GPtrArray  *sn,
                       guint       head,
                       guint       gone,
                       guint       come)
{
  gboolean text = strcmp (where, "de tekst") == 0;
  g_autofree char *comma = _amend_instr_with_comma (where);

  if (come == 0)
    {
      g_autofree char *which = ordinals_phrase (head + 1, gone, "zin");
      g_autofree char *cap = amend_wording_capitalize (which);

      if (text)
        add_sentence (in, g_strdup_printf ("%s vervallen.", cap));
      else
        add_sentence (in, g_strdup_printf ("In %s vervallen %s.", comma, which));
      return;
    }
  {
    g_autoptr(GPtrArray) added = g_ptr_array_new ();
    g_autofree char *anchor = ordinals_phrase (head > 0 ? head : 1, 1, "zin");
    g_autofree char *place = g_strdup_printf ("%s %s", head > 0 ? "na" : "voor", anchor);
    g_autofree char *body = NULL, *cap = NULL;
    const char *verb = come == 1 ? "wordt" : "worden";
    const char *noun = come == 1 ? "zin" : "zinnen";

    for (guint k = head; k < head + come; k++)
      g_ptr_array_add (added, g_ptr_array_index (sn, k));
    g_ptr_array_add (added, NULL);
    body = g_strjoinv (" ", (char **) added->pdata);
    if (text)
      {
        cap = amend_wording_capitalize (place);
        add_sentence (in, g_strdup_printf ("%s %s %s %s ingevoegd, luidende: %c%s%c", cap, verb,
                                           amend_wording_count (come), noun, QUOTE_OPEN, body, QUOTE_CLOSE));
      }
    else
      add_sentence (in, g_strdup_printf ("In %s %s %s %s %s ingevoegd, luidende: %c%s%c", comma, verb, place,
                                         amend_wording_count (come), noun, QUOTE_OPEN, body, QUOTE_CLOSE));
  }
}

/* A text of several sentences whose whole sentences changed is said
 * sentence by sentence: "Het tweede lid, eerste zin, komt te luiden:
 * ...", "... , tweede zin, vervalt.", "In het tweede lid vervallen de
 * tweede en derde zin.", "In het tweede lid wordt na de eerste zin een zin
 * ingevoegd, luidende: ..."; with @only_whole only sentences that go or
 * come, not one rewritten (whose words can be quoted). */
static gboolean
say_sentence_rewritten (Inside     *in,
                        const Op   *op,
                        const char *old_plain,
                        const char *new_plain,
                        gboolean    only_whole)
{
  g_autoptr(GPtrArray) so = sentences_of (old_plain);
  g_autoptr(GPtrArray) sn = sentences_of (new_plain);
  g_autofree char *where = NULL, *last = NULL, *number = NULL, *ordinal = NULL, *subject = NULL, *cap = NULL;
  guint head, tail, gone, come;

  if (so->len < 2 && sn->len < 2)
    return FALSE;
  same_sentences (so, sn, &head, &tail);
  gone = so->len - head - tail;
  come = sn->len - head - tail;
  if (gone == 0 && come == 0)
    return FALSE;
  /* Sentences added at the end are "toegevoegd" (say_sentences_added()). */
  if (gone == 0 && tail == 0)
    return FALSE;
  if (gone > 0 && come > 0 && (gone != 1 || come != 1 || only_whole))
    return FALSE;
  last = ordinals_phrase (head + MAX (gone, 1), 1, "zin");
  if (last == NULL || amend_wording_count (MAX (gone, come)) == NULL)
    return FALSE;
  where = text_cite (in, op->old_node);
  if (gone != 1)
    {
      say_sentences_changed (in, where, sn, head, gone, come);
      return TRUE;
    }
  number = g_strdup_printf ("%u", head + 1);
  ordinal = amend_wording_ordinal (number);
  subject = strcmp (where, "de tekst") == 0 ? g_strdup_printf ("de %s zin", ordinal)
                                            : g_strdup_printf ("%s, %s zin,", where, ordinal);
  cap = amend_wording_capitalize (subject);
  if (come == 0)
    add_sentence (in, g_strdup_printf ("%s vervalt.", cap));
  else
    add_sentence (in, g_strdup_printf ("%s komt te luiden: %c%s%c", cap, QUOTE_OPEN,
                                       (char *) g_ptr_array_index (sn, head), QUOTE_CLOSE));
  return TRUE;
}

/* Changes in two paragraphs of one element that the same citation names
 * (the paragraphs of a bijlage) are one sentence, as the changes in one
 * text are: "In bijlage 1 wordt "vijf" vervangen door "zes" en wordt
 * "honderd" vervangen door "tweehonderd"." (6.15, its example). */
static gboolean
join_text_sentence (Inside          *in,
                    const char      *where,
                    AmendTextChange *tc)
{
  g_autofree char *comma = NULL, *list = NULL;

  if (tc->to_end || in->text_parts == NULL || in->cite == NULL || strcmp (in->cite, where) != 0 ||
      in->sentences->len == 0)
    return FALSE;
  for (guint i = 0; i < tc->parts->len; i++)
    g_ptr_array_add (in->text_parts, g_strdup (g_ptr_array_index (tc->parts, i)));
  list = amend_wording_list (in->text_parts);
  comma = _amend_instr_with_comma (where);
  g_free (g_ptr_array_index (in->sentences, in->sentences->len - 1));
  g_ptr_array_index (in->sentences, in->sentences->len - 1) = g_strdup_printf ("In %s %s.", comma, list);
  g_free (in->predicate);
  in->predicate = g_steal_pointer (&list);
  return TRUE;
}

static void
say_text (Inside *in,
          Op     *op)
{
  g_auto(AmendTextChange) tc = { 0 };
  g_autofree char *old_plain = amend_node_get_plain_text (op->old_node);
  g_autofree char *new_plain = amend_node_get_plain_text (op->new_node);
  const AmendNode *owner = op->old_node->parent;
  gboolean aanhef = owner == top_of (in, TRUE) && is_aanhef (op->old_node);
  g_autofree char *other = aanhef ? g_strdup ("") : scope_other (owner, op->old_node);
  g_autofree char *where = NULL;

  if (covered (in, op->old_node))
    return;
  if (!_amend_text_change_say (old_plain, new_plain, other, ends_its_element (op->old_node), &tc))
    {
      if (aanhef || is_aanhef (op->old_node) || !say_sentence_rewritten (in, op, old_plain, new_plain, FALSE))
        say_text_whole (in, op);
      return;
    }
  if (!aanhef && !is_aanhef (op->old_node) && say_sentence_rewritten (in, op, old_plain, new_plain, TRUE))
    return;
  where = text_cite (in, op->old_node);
  if (!aanhef && !is_aanhef (op->old_node) && say_sentence (in, old_plain, where, &tc))
    return;
  if (join_text_sentence (in, where, &tc))
    return;
  {
    g_autofree char *comma = _amend_instr_with_comma (where);
    add_sentence (in, g_strdup_printf ("%s %s %s.", tc.to_end ? "Aan" : "In", comma, tc.predicate));
  }
  g_free (in->cite);
  g_free (in->predicate);
  in->cite = g_steal_pointer (&where);
  in->predicate = g_strdup (tc.predicate);
  in->to_end = tc.to_end;
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
  in->text_parts = tc.to_end ? NULL : g_steal_pointer (&tc.parts);
}

static void
say_heading (Inside   *in,
             const Op *op)
{
  const AmendChange *c = op->change;
  g_autofree char *what = NULL;

  if (in->relative && op->old_node == in->unit->old_node)
    what = g_strdup ("het opschrift");
  else
    {
      g_autofree char *name = _amend_instr_unit_name (in->ctx, op->old_node, TRUE);
      g_autofree char *comma = _amend_instr_with_comma (name);
      what = g_strdup_printf ("het opschrift van %s", comma);
    }
  {
    g_autofree char *cap = amend_wording_capitalize (what);

    if (c->heading_new == NULL)
      add_sentence (in, g_strdup_printf ("%s vervalt.", cap));
    else
      add_sentence (in, g_strdup_printf ("%s komt te luiden: \"%s\".", cap, c->heading_new));
  }
}

/* The later operations that renumber the siblings after @last (old
 * positions with @by_old, else new ones) of the same kind. */
static void
take_number_ops (Inside          *in,
                 guint            from,
                 const AmendNode *last,
                 gboolean         by_old,
                 GPtrArray       *old_nodes,
                 GPtrArray       *new_nodes)
{
  for (gboolean found = TRUE; found; )
    {
      found = FALSE;
      for (guint k = from; k < in->ops->len; k++)
        {
          Op *o = op_at (in, k);
          const AmendNode *anchor;

          if (o->kind != OP_NUMBER || o->done)
            continue;
          anchor = by_old ? o->old_node : o->new_node;
          if (anchor->kind == last->kind && anchor->parent == last->parent && anchor->pos == last->pos + 1)
            {
              o->done = TRUE;
              g_ptr_array_add (old_nodes, (gpointer) o->old_node);
              g_ptr_array_add (new_nodes, (gpointer) o->new_node);
              last = anchor;
              found = TRUE;
            }
        }
    }
}

/* Members, points or paragraphs that go, one after the other: "Het
 * tiende lid vervalt, onder vernummering van ...", "In het eerste lid
 * vervallen de onderdelen o en p, onder verlettering van onderdeel q tot
 * o." */
static void
say_gone (Inside *in,
          guint   i)
{
  Op *first = op_at (in, i);
  const AmendNode *parent = first->old_node->parent;
  AmendNodeKind kind = first->old_node->kind;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  const AmendNode *last = first->old_node;
  g_autofree char *clause = NULL, *container = NULL, *subject = NULL;
  const char *verb, *fold;

  for (guint k = i; k < in->ops->len; k++)
    {
      Op *o = op_at (in, k);

      if (o->done)
        continue;
      if (o->kind != OP_GONE || (k > i && (o->old_node->parent != parent || o->old_node->kind != kind ||
                                           o->old_node->pos != last->pos + 1)))
        break;
      o->done = TRUE;
      g_ptr_array_add (gone, (gpointer) o->old_node);
      last = o->old_node;
    }
  if (kind == AMEND_NODE_TEXT)
    {
      /* The one paragraph of the element is quoted: "de eerste alinea"
       * would suggest others. */
      g_autofree char *which = count_texts (parent) > 1 ? alineas_phrase (gone_text_place (in, first->old_node), gone->len)
                                                        : NULL;
      g_autofree char *where = container_cite (in, parent, TRUE);
      const char *verb_text = gone->len == 1 ? "vervalt" : "vervallen";

      if (which == NULL)
        {
          /* Past the ordinals: the words say which. */
          for (guint k = 0; k < gone->len; k++)
            {
              g_autofree char *plain = amend_node_get_plain_text (g_ptr_array_index (gone, k));
              g_autofree char *at = text_cite (in, g_ptr_array_index (gone, k));
              g_autofree char *comma = _amend_instr_with_comma (at);

              add_sentence (in, g_strdup_printf ("In %s vervalt \"%s\".", comma, plain));
            }
          return;
        }
      if (where[0] == '\0')
        {
          g_autofree char *cap = amend_wording_capitalize (which);
          add_sentence (in, g_strdup_printf ("%s %s.", cap, verb_text));
        }
      else
        {
          g_autofree char *comma = _amend_instr_with_comma (where);
          add_sentence (in, g_strdup_printf ("In %s %s %s.", comma, verb_text, which));
        }
      return;
    }
  take_number_ops (in, i, last, TRUE, old_nodes, new_nodes);
  clause = _amend_instr_renumbering_clause (in->ctx, old_nodes, new_nodes);
  verb = gone->len == 1 ? "vervalt" : "vervallen";
  container = container_cite (in, parent, TRUE);
  {
    g_autoptr(GPtrArray) numbers = _amend_instr_numbers_of (in->ctx, gone, TRUE, FALSE);
    subject = _amend_instr_elements_phrase (numbers, first->old_node, TRUE);
  }
  fold = g_hash_table_lookup (in->folds, first->old_node);
  if (fold != NULL && container[0] != '\0')
    {
      g_autofree char *comma = _amend_instr_with_comma (container);
      add_sentence (in, g_strdup_printf ("In %s %s, %s, %s.", comma, verb, fold, subject));
    }
  else if (fold != NULL)
    {
      /* The order of the examples of 6.18, second member. */
      g_autofree char *cap = amend_wording_capitalize (fold);
      add_sentence (in, g_strdup_printf ("%s %s %s.", cap, verb, subject));
    }
  else if (kind == AMEND_NODE_MEMBER && container[0] != '\0' && gone->len == 1)
    {
      g_autofree char *c = _amend_instr_cite (in->ctx, first->old_node, top_of (in, TRUE), TRUE, in->relative);
      g_autofree char *start = _amend_instr_sentence_start (c);
      add_sentence (in, g_strdup_printf ("%s %s%s%s.", start, verb, clause[0] ? ", " : "", clause));
    }
  else if (container[0] != '\0')
    {
      g_autofree char *comma = _amend_instr_with_comma (container);
      add_sentence (in, g_strdup_printf ("In %s %s %s%s%s.", comma, verb, subject, clause[0] ? ", " : "", clause));
    }
  else
    {
      g_autofree char *cap = amend_wording_capitalize (subject);
      add_sentence (in, g_strdup_printf ("%s %s%s%s.", cap, verb, clause[0] ? ", " : "", clause));
    }
  _amend_instr_apply_renumbering (in->ctx, old_nodes, new_nodes);
}

/* "Na het eerste lid" / "na onderdeel b": the sibling before @first in
 * the new version, by the number it has now. */
static char *
after_phrase (Inside          *in,
              const AmendNode *prev,
              guint            inserted_before)
{
  const char *number = _amend_instr_number_now (in->ctx, prev, FALSE);

  if (prev->kind == AMEND_NODE_MEMBER)
    {
      g_autofree char *m = amend_wording_member (number);
      return g_strdup_printf ("het %s", m);
    }
  if (prev->kind == AMEND_NODE_POINT)
    {
      g_autofree char *p = amend_wording_point (number);
      return g_strdup_printf ("onderdeel %s", p);
    }
  {
    char *which = prev->kind == AMEND_NODE_TEXT ? alineas_phrase (texts_before (prev) + 1 - inserted_before, 1) : NULL;
    return which ? which : g_strdup ("de alinea");
  }
}

/* Members, points or paragraphs that come, one after the other: "Na het
 * eerste lid wordt een lid ingevoegd, luidende:", "Aan artikel 4 wordt
 * een lid toegevoegd, luidende:" (6.11). */
static void
say_new (Inside *in,
         guint   i)
{
  Op *first = op_at (in, i);
  const AmendNode *parent = first->new_node->parent;
  AmendNodeKind kind = first->new_node->kind;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  const AmendNode *last = first->new_node;
  const AmendNode *parent_old = amend_diff_get_partner (in->ctx->diff, parent, FALSE);
  g_autofree char *clause = NULL, *noun = NULL, *texts = NULL, *container = NULL;
  const AmendNode *prev, *next;
  const char *verb;

  for (guint k = i; k < in->ops->len; k++)
    {
      Op *o = op_at (in, k);

      if (o->done || o->kind != OP_NEW)
        continue;
      if (k > i && (o->new_node->parent != parent || o->new_node->kind != kind || o->new_node->pos != last->pos + 1))
        break;
      o->done = TRUE;
      g_ptr_array_add (nodes, (gpointer) o->new_node);
      last = o->new_node;
    }
  take_number_ops (in, i, last, FALSE, old_nodes, new_nodes);
  clause = _amend_instr_renumbering_clause (in->ctx, old_nodes, new_nodes);
  noun = _amend_instr_count_noun (first->new_node, nodes->len);
  texts = _amend_instr_nodes_text (nodes);
  verb = nodes->len == 1 ? "wordt" : "worden";
  prev = _amend_instr_sibling_of_kind (in->ctx, first->new_node, -1, FALSE, FALSE);
  next = _amend_instr_sibling_of_kind (in->ctx, last, +1, TRUE, FALSE);
  container = parent_old ? container_cite (in, parent_old, TRUE) : g_strdup ("");

  if (next == NULL && prev != NULL)
    {
      const char *fold = g_hash_table_lookup (in->folds, first->new_node);
      g_autofree char *with = fold ? g_strdup_printf (", %s,", fold) : g_strdup ("");

      if (container[0] == '\0' && fold != NULL)
        {
          /* The order of the examples of 6.18, second member. */
          g_autofree char *cap = amend_wording_capitalize (fold);
          add_sentence (in, g_strdup_printf ("%s %s %s toegevoegd, luidende:\n\n%s", cap, verb, noun, texts));
        }
      else if (container[0] == '\0')
        add_sentence (in, g_strdup_printf ("Er %s%s %s toegevoegd, luidende:\n\n%s", verb, with, noun, texts));
      else
        {
          g_autofree char *comma = _amend_instr_with_comma (container);
          add_sentence (in, g_strdup_printf ("Aan %s %s%s %s toegevoegd, luidende:\n\n%s", comma, verb, with, noun,
                                             texts));
        }
    }
  else
    {
      g_autofree char *anchor = prev ? after_phrase (in, prev, 0) : next ? after_phrase (in, next, nodes->len) : NULL;
      g_autofree char *where = anchor ? g_strdup_printf ("%s %s", prev ? "na" : "voor", anchor)
                                      : g_strdup ("aan het begin");

      /* A member or point that takes the number of the first one
       * renumbered is placed by that renumbering: "Onder vernummering van
       * het tweede lid tot derde lid wordt een lid ingevoegd" (6.18, first
       * and second members, their examples A). */
      if (clause[0] && (kind == AMEND_NODE_MEMBER || kind == AMEND_NODE_POINT))
        {
          g_free (where);
          where = NULL;
        }
      if (container[0] == '\0')
        {
          g_autofree char *cap_where = where ? amend_wording_capitalize (where) : NULL;
          if (clause[0])
            {
              g_autofree char *cap_clause = amend_wording_capitalize (clause);
              add_sentence (in, g_strdup_printf ("%s %s%s%s %s ingevoegd, luidende:\n\n%s", cap_clause, verb,
                                                 where ? " " : "", where ? where : "", noun, texts));
            }
          else
            add_sentence (in, g_strdup_printf ("%s %s %s ingevoegd, luidende:\n\n%s", cap_where, verb, noun, texts));
        }
      else
        {
          g_autofree char *comma = _amend_instr_with_comma (container);
          add_sentence (in, g_strdup_printf ("In %s %s%s%s%s%s%s %s ingevoegd, luidende:\n\n%s", comma, verb,
                                             clause[0] ? ", " : "", clause, clause[0] ? "," : "", where ? " " : "",
                                             where ? where : "", noun, texts));
        }
    }
  _amend_instr_apply_renumbering (in->ctx, old_nodes, new_nodes);
}

/* The end of @old_text with its full stop replaced by what @new_text has
 * there: "een puntkomma", or the words quoted ("; en"). */
static char *
end_replacement (const char *old_text,
                 const char *new_text)
{
  gsize len = strlen (old_text);

  if (len == 0 || old_text[len - 1] != '.' || strncmp (old_text, new_text, len - 1) != 0)
    return NULL;
  new_text += len - 1;
  if (strcmp (new_text, ";") == 0)
    return g_strdup ("een puntkomma");
  if (strcmp (new_text, "; en") == 0 || strcmp (new_text, "; of") == 0 || strcmp (new_text, ", en") == 0 ||
      strcmp (new_text, ", of") == 0)
    return g_strdup_printf ("\"%s\"", new_text);
  return NULL;
}

/* The end of @old_text, "; of" or "; en", given up for a puntkomma in
 * @new_text, as the point that was the last but one when a point is added
 * (6.18, second member, its example C); the words quoted, else NULL. */
static char *
end_conjunction (const char *old_text,
                 const char *new_text)
{
  static const char *const ends[] = { "; of", "; en", ", of", ", en" };
  gsize len = strlen (old_text);

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      gsize n = strlen (ends[i]);

      if (len > n && g_str_has_suffix (old_text, ends[i]) && strlen (new_text) == len - n + 1 &&
          strncmp (old_text, new_text, len - n + 1) == 0 && new_text[len - n] == ends[i][0])
        return g_strdup (ends[i]);
    }
  return NULL;
}

/* The text operation on the text of @point_old whose end @say finds
 * changed, marked done; the words it gives, else NULL. */
static char *
take_end_change (Inside          *in,
                 const AmendNode *point_old,
                 char          *(*say) (const char *, const char *))
{
  for (guint k = 0; k < in->ops->len; k++)
    {
      Op *t = op_at (in, k);
      g_autofree char *a = NULL, *b = NULL;
      char *by;

      if (t->kind != OP_TEXT || t->done || t->old_node->parent != point_old)
        continue;
      a = amend_node_get_plain_text (t->old_node);
      b = amend_node_get_plain_text (t->new_node);
      by = say (a, b);
      if (by != NULL)
        {
          t->done = TRUE;
          return by;
        }
    }
  return NULL;
}

/* The end of @old_text, a puntkomma or "; of", become the full stop of
 * @new_text, as the point that becomes the last when the ones after it
 * go: "de puntkomma" or the words quoted; else NULL. */
static char *
end_to_stop (const char *old_text,
             const char *new_text)
{
  g_autofree char *by = end_replacement (new_text, old_text);

  if (by == NULL)
    return NULL;
  if (strcmp (by, "een puntkomma") == 0)
    return g_strdup ("de puntkomma");
  return g_steal_pointer (&by);
}

/* The puntkomma of @old_text become "; of" in @new_text: the conjunction
 * the point that became the last gave up, taken by the one before it. */
static char *
conjunction_taken (const char *old_text,
                   const char *new_text)
{
  return end_conjunction (new_text, old_text);
}

/* The last points of a list that go give their full stop to the one
 * before them, and its "; of" to the one before that: "In het tweede lid
 * vervalt, onder vervanging van de puntkomma aan het slot van onderdeel c
 * door een punt, onderdeel d", as a point added at the end takes them
 * (6.18, second member, its examples B and C, the other way round). */
static void
find_gone_fold (Inside *in,
                Op     *op)
{
  const AmendNode *prev_old, *before_old;
  g_autofree char *by = NULL, *label = NULL, *conj = NULL;
  GString *fold;

  if (op->old_node->kind != AMEND_NODE_POINT ||
      _amend_instr_sibling_of_kind (in->ctx, op->old_node, +1, TRUE, TRUE) != NULL ||
      (prev_old = _amend_instr_sibling_of_kind (in->ctx, op->old_node, -1, FALSE, TRUE)) == NULL ||
      amend_diff_get_partner (in->ctx->diff, prev_old, TRUE) == NULL ||
      g_hash_table_contains (in->folds, op->old_node))
    return;
  by = take_end_change (in, prev_old, end_to_stop);
  if (by == NULL)
    return;
  fold = g_string_new (NULL);
  before_old = _amend_instr_sibling_of_kind (in->ctx, prev_old, -1, TRUE, TRUE);
  conj = before_old ? take_end_change (in, before_old, conjunction_taken) : NULL;
  if (conj != NULL)
    {
      g_autofree char *before_label = amend_wording_point (_amend_instr_number_now (in->ctx, before_old, TRUE));
      g_string_append_printf (fold, "onder vervanging van de %s aan het slot van %s %s door \"%s\" en ",
                              conj[0] == ';' ? "puntkomma" : "komma", _amend_instr_noun_of (before_old, FALSE), before_label, conj);
    }
  label = amend_wording_point (_amend_instr_number_now (in->ctx, prev_old, TRUE));
  g_string_append_printf (fold, "onder vervanging van %s aan het slot van %s %s door een punt", by,
                          _amend_instr_noun_of (prev_old, FALSE), label);
  g_hash_table_insert (in->folds, (gpointer) op->old_node, g_string_free (fold, FALSE));
}

/* A point added at the end of a list takes over the full stop of the one
 * before it, and that one the "; of" of the one before it: "Aan het
 * tweede lid wordt, onder vervanging van "; of" aan het slot van onderdeel
 * c door een puntkomma en onder vervanging van de punt aan het slot van
 * onderdeel d door "; of", een onderdeel toegevoegd" (6.18, second member,
 * its examples B and C: one instruction). */
static void
find_folds (Inside *in)
{
  for (guint i = 0; i < in->ops->len; i++)
    {
      Op *op = op_at (in, i);
      const AmendNode *prev, *prev_old, *before, *before_old;
      g_autofree char *by = NULL, *label = NULL, *conj = NULL;
      GString *fold;

      if (op->kind == OP_GONE && !op->done)
        find_gone_fold (in, op);
      if (op->kind != OP_NEW || op->done || op->new_node->kind != AMEND_NODE_POINT ||
          _amend_instr_sibling_of_kind (in->ctx, op->new_node, +1, TRUE, FALSE) != NULL ||
          (prev = _amend_instr_sibling_of_kind (in->ctx, op->new_node, -1, FALSE, FALSE)) == NULL ||
          (prev_old = amend_diff_get_partner (in->ctx->diff, prev, FALSE)) == NULL ||
          g_hash_table_contains (in->folds, op->new_node))
        continue;
      by = take_end_change (in, prev_old, end_replacement);
      if (by == NULL)
        continue;
      fold = g_string_new (NULL);
      before = _amend_instr_sibling_of_kind (in->ctx, prev, -1, FALSE, FALSE);
      before_old = before ? amend_diff_get_partner (in->ctx->diff, before, FALSE) : NULL;
      conj = before_old ? take_end_change (in, before_old, end_conjunction) : NULL;
      if (conj != NULL)
        {
          g_autofree char *before_label = amend_wording_point (_amend_instr_number_now (in->ctx, before_old, TRUE));
          g_string_append_printf (fold, "onder vervanging van \"%s\" aan het slot van %s %s door een %s en ",
                                  conj, _amend_instr_noun_of (before_old, FALSE), before_label, conj[0] == ';' ? "puntkomma" : "komma");
        }
      label = amend_wording_point (_amend_instr_number_now (in->ctx, prev_old, TRUE));
      g_string_append_printf (fold, "onder vervanging van de punt aan het slot van %s %s door %s",
                              _amend_instr_noun_of (prev_old, FALSE), label, by);
      g_hash_table_insert (in->folds, (gpointer) op->new_node, g_string_free (fold, FALSE));
    }
}

/* Members or points renumbered alone: "Het derde lid wordt vernummerd tot
 * tweede lid." */
static void
say_number (Inside *in,
            guint   i)
{
  Op *first = op_at (in, i);
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  AmendNodeKind kind = first->old_node->kind;
  g_autofree char *container = container_cite (in, first->old_node->parent, TRUE);
  g_autofree char *subject = NULL, *target = NULL;
  const char *verb_word = kind == AMEND_NODE_POINT && _amend_instr_is_letter_label (first->old_node->number) ? "verletterd"
                                                                                                 : "vernummerd";

  first->done = TRUE;
  g_ptr_array_add (old_nodes, (gpointer) first->old_node);
  g_ptr_array_add (new_nodes, (gpointer) first->new_node);
  take_number_ops (in, i + 1, first->old_node, TRUE, old_nodes, new_nodes);
  {
    g_autoptr(GPtrArray) from = _amend_instr_numbers_of (in->ctx, old_nodes, TRUE, FALSE);
    g_autoptr(GPtrArray) to = _amend_instr_numbers_of (in->ctx, new_nodes, FALSE, TRUE);
    subject = _amend_instr_elements_phrase (from, first->old_node, TRUE);
    target = kind == AMEND_NODE_MEMBER ? _amend_instr_elements_phrase (to, first->old_node, FALSE) : _amend_instr_range_of (to, kind);
  }
  if (container[0] != '\0' && kind != AMEND_NODE_MEMBER)
    {
      g_autofree char *comma = _amend_instr_with_comma (container);
      add_sentence (in, g_strdup_printf ("In %s %s %s %s tot %s.", comma, old_nodes->len == 1 ? "wordt" : "worden",
                                         subject, verb_word, target));
    }
  else
    {
      g_autofree char *cap = amend_wording_capitalize (subject);
      if (container[0] != '\0')
        {
          g_autofree char *c = _amend_instr_cite (in->ctx, first->old_node, in->unit->old_node, TRUE, FALSE);
          g_free (cap);
          cap = _amend_instr_sentence_start (c);
        }
      add_sentence (in, g_strdup_printf ("%s %s %s tot %s.", cap, old_nodes->len == 1 ? "wordt" : "worden",
                                         verb_word, target));
    }
  _amend_instr_apply_renumbering (in->ctx, old_nodes, new_nodes);
}

static const AmendNode *op_scope (Inside   *in,
                                  const Op *op);

/* The member right below the instruction's top that @op changes inside
 * of; NULL for a change of the top itself or of its children. */
static const AmendNode *
group_of (Inside   *in,
          const Op *op)
{
  const AmendNode *top = in->base_top ? in->base_top : in->unit->old_node;
  const AmendNode *n = op_scope (in, op);

  if (n == NULL || n == top || !inside_of (n, top))
    return NULL;
  while (n->parent != top)
    n = n->parent;
  if (n->kind != AMEND_NODE_MEMBER || amend_diff_get_partner (in->ctx->diff, n, TRUE) == NULL)
    return NULL;
  return n;
}

static void
say_ops (Inside *in)
{
  find_folds (in);
  for (guint i = 0; i < in->ops->len && !in->whole; i++)
    {
      Op *op = op_at (in, i);

      if (op->done)
        continue;
      in->group = group_of (in, op);
      in->top = in->nested && in->group && g_hash_table_contains (in->nested, in->group) ? in->group : in->base_top;
      switch (op->kind)
        {
        case OP_TEXT:
          op->done = TRUE;
          say_text (in, op);
          break;
        case OP_HEADING:
          op->done = TRUE;
          say_heading (in, op);
          break;
        case OP_GONE:
          if (!covered (in, op->old_node))
            say_gone (in, i);
          op->done = TRUE;
          break;
        case OP_NEW:
          say_new (in, i);
          op->done = TRUE;
          break;
        case OP_NUMBER:
          say_number (in, i);
          break;
        default:
          break;
        }
    }
}

/* Whether the renumbering @o is said with an insertion or deletion among
 * the same elements: "wordt, onder verlettering van de onderdelen d tot
 * en met k tot e tot en met l, een onderdeel ingevoegd" (6.18). */
static gboolean
number_said_with (Inside   *in,
                  const Op *o)
{
  for (guint i = 0; i < in->ops->len; i++)
    {
      const Op *p = op_at (in, i);

      if (p->kind == OP_GONE && p->old_node->kind == o->old_node->kind && p->old_node->parent == o->old_node->parent)
        return TRUE;
      if (p->kind == OP_NEW && p->new_node->kind == o->new_node->kind && p->new_node->parent == o->new_node->parent)
        return TRUE;
    }
  return FALSE;
}

/* The changes the instructions say apart: a renumbering that comes with
 * an insertion or deletion is part of its sentence, not a change of its
 * own, however many elements it renumbers. */
static guint
count_changes (Inside *in)
{
  guint n = 0;

  for (guint i = 0; i < in->ops->len; i++)
    {
      const Op *o = op_at (in, i);

      n += o->kind != OP_NUMBER || !number_said_with (in, o);
    }
  return n;
}

/* The characters of @old_text that the word diff with @new_text changes
 * (deleted or inserted), and its length. */
static void
count_changed (const char *old_text,
               const char *new_text,
               gsize      *changed,
               gsize      *total)
{
  g_autoptr(GArray) pieces = amend_word_diff (old_text, new_text);

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      gsize len = g_utf8_strlen (p->text, -1);

      *total += len;
      *changed += p->op != AMEND_PIECE_EQUAL ? len : 0;
    }
}

/* Whether the texts differ in whole sentences that go or come only,
 * which the instructions say in a few words ("vervallen de eerste en
 * tweede zin") or quote whole either way. */
static gboolean
only_whole_sentences (const char *old_plain,
                      const char *new_plain)
{
  g_autoptr(GPtrArray) so = sentences_of (old_plain);
  g_autoptr(GPtrArray) sn = sentences_of (new_plain);
  guint head, tail;

  if (so->len < 2 && sn->len < 2)
    return FALSE;
  same_sentences (so, sn, &head, &tail);
  return head + tail == so->len || head + tail == sn->len;
}

/* Whether an article's changes are better said as "komt te luiden" (6.9):
 * many of them, or most of its words changed in its texts.  Members and
 * points that go or come whole do not count to that share: "vervallen het
 * tweede en derde lid" is said in a few words, and a new one is quoted
 * whole either way. */
static gboolean
rewrite_whole (Inside *in)
{
  const Unit *u = in->unit;
  guint n_ops = count_changes (in);
  gsize changed = 0, total = 0;

  if (!_amend_instr_is_article (u->old_node) || !_amend_instr_is_article (u->new_node))
    return FALSE;
  if (n_ops > MAX_CHANGES)
    return TRUE;
  if (n_ops < 2)
    return FALSE;
  {
    g_autofree char *a = amend_node_get_text_content (u->old_node);
    g_autofree char *b = amend_node_get_text_content (u->new_node);
    gsize whole = 0;

    count_changed (a, b, &whole, &total);
  }
  for (guint i = 0; i < in->ops->len; i++)
    {
      const Op *op = op_at (in, i);
      g_autofree char *a = NULL, *b = NULL;
      gsize length = 0;

      if (op->kind != OP_TEXT)
        continue;
      a = amend_node_get_plain_text (op->old_node);
      b = amend_node_get_plain_text (op->new_node);
      if (!only_whole_sentences (a, b))
        count_changed (a, b, &changed, &length);
    }
  return total > 0 && (double) changed / total > REWRITE_SHARE;
}

/* The element an operation changes inside of, in the old version. */
static const AmendNode *
op_scope (Inside   *in,
          const Op *op)
{
  switch (op->kind)
    {
    case OP_HEADING:
      return op->old_node;
    case OP_NEW:
      return op->new_node->parent ? amend_diff_get_partner (in->ctx->diff, op->new_node->parent, FALSE) : NULL;
    default:
      return op->old_node->parent;
    }
}

/* The one member of the unit all its changes are in, so that
 * they are numbered under "Artikel 10, tweede lid, wordt als volgt
 * gewijzigd:" and each cites below it ("In onderdeel a ..."); else the
 * unit itself. */
static const AmendNode *
common_top (Inside *in)
{
  const AmendNode *top = in->unit->old_node;
  const AmendNode *common = NULL;

  for (guint i = 0; i < in->ops->len; i++)
    {
      const AmendNode *scope = op_scope (in, op_at (in, i));

      if (scope == NULL || !inside_of (scope, top))
        return top;
      if (common == NULL)
        common = scope;
      while (!inside_of (scope, common))
        common = common->parent;
    }
  /* A member, not a point: below a point its points are cited "onder 1°"
   * with it (3.29), never "onderdeel 1°" alone. */
  while (common != NULL && common != top && common->kind != AMEND_NODE_MEMBER)
    common = common->parent;
  if (common == NULL || amend_diff_get_partner (in->ctx->diff, common, TRUE) == NULL)
    return top;
  return common;
}

static void
inside_clear (Inside *in)
{
  g_clear_pointer (&in->ops, g_array_unref);
  g_clear_pointer (&in->rewritten, g_hash_table_unref);
  g_clear_pointer (&in->folds, g_hash_table_unref);
  g_clear_pointer (&in->sentences, g_ptr_array_unref);
  g_clear_pointer (&in->groups, g_ptr_array_unref);
  g_clear_pointer (&in->nested, g_hash_table_unref);
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
  g_clear_pointer (&in->cite, g_free);
  g_clear_pointer (&in->predicate, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inside, inside_clear)

static void
say_whole_unit (Ctx        *ctx,
                const Unit *u,
                Letter     *l)
{
  g_autofree char *name = _amend_instr_unit_name (ctx, u->old_node, TRUE);
  g_autofree char *cap = _amend_instr_sentence_start (name);
  g_autofree char *text = _amend_instr_node_text (u->new_node);

  l->text = g_strdup_printf ("%s komt te luiden:\n\n%s", cap, text);
}

/* The text of an article that is one paragraph, else NULL. */
static char *
lone_text (const AmendNode *node)
{
  const AmendNode *child;

  if (amend_node_n_children (node) != 1)
    return NULL;
  child = amend_node_child (node, 0);
  if (child->kind != AMEND_NODE_TEXT || child->heading_level > 0)
    return NULL;
  return amend_node_get_plain_text (child);
}

/* The members of @node, 1, 2, 3 ..., at least two, the first of them a
 * paragraph that reads @text. */
static gboolean
members_after (const AmendNode *node,
               const char      *text)
{
  g_autofree char *first = NULL;

  if (amend_node_n_children (node) < 2)
    return FALSE;
  for (guint i = 0; i < amend_node_n_children (node); i++)
    {
      const AmendNode *m = amend_node_child (node, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      if (m->kind != AMEND_NODE_MEMBER || g_strcmp0 (m->number, number) != 0)
        return FALSE;
    }
  first = lone_text (amend_node_child (node, 0));
  return first != NULL && strcmp (first, text) == 0;
}

/* An article of one paragraph that gets members, its text the first, or
 * the other way round (6.18, third and fourth members): "Voor de tekst
 * wordt de aanduiding "1." geplaatst." and "Er wordt een lid toegevoegd";
 * "In artikel 3 vervallen het tweede lid alsmede de aanduiding "1." voor
 * het eerste lid.". */
static gboolean
say_members_change (Ctx        *ctx,
                    const Unit *u,
                    GPtrArray  *letters)
{
  const AmendNode *o = u->old_node, *n = u->new_node;
  g_autofree char *old_text = NULL, *new_text = NULL, *name = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  gboolean gained;
  Letter *l;

  if (!_amend_instr_is_article (o) || !_amend_instr_is_article (n) || g_strcmp0 (o->heading, n->heading) != 0 ||
      g_strcmp0 (o->number, n->number) != 0)
    return FALSE;
  for (guint i = 0; i < u->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (u->changes, i);

      if ((c->action != AMEND_CHANGE_INSERTED && c->action != AMEND_CHANGE_DELETED) ||
          g_hash_table_contains (ctx->said, c) || g_hash_table_contains (ctx->reserved, c))
        return FALSE;
    }
  old_text = lone_text (o);
  new_text = lone_text (n);
  gained = old_text != NULL;
  if (gained ? !members_after (n, old_text) : (new_text == NULL || !members_after (o, new_text)))
    return FALSE;
  for (guint i = 1; i < amend_node_n_children (gained ? n : o); i++)
    g_ptr_array_add (rest, amend_node_child (gained ? n : o, i));
  l = _amend_instr_letter_new (letters, NULL);
  _amend_instr_letter_says_all (ctx, l, u);
  name = _amend_instr_unit_name (ctx, o, TRUE);
  if (gained)
    {
      g_autofree char *cap = _amend_instr_sentence_start (name);
      g_autofree char *noun = _amend_instr_count_noun (g_ptr_array_index (rest, 0), rest->len);
      g_autofree char *texts = _amend_instr_nodes_text (rest);

      l->text = g_strdup_printf ("%s wordt als volgt gewijzigd:\n\n1. Voor de tekst wordt de aanduiding \"1.\" "
                                 "geplaatst.\n\n2. Er %s %s toegevoegd, luidende:\n\n%s", cap,
                                 rest->len == 1 ? "wordt" : "worden", noun, texts);
    }
  else
    {
      g_autoptr(GPtrArray) numbers = _amend_instr_numbers_of (ctx, rest, TRUE, FALSE);
      g_autofree char *gone = _amend_instr_elements_phrase (numbers, g_ptr_array_index (rest, 0), TRUE);

      l->text = g_strdup_printf ("In %s vervallen %s alsmede de aanduiding \"1.\" voor het eerste lid.", name, gone);
    }
  return TRUE;
}


static void
copy_numbers (GHashTable *to,
              GHashTable *from)
{
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_remove_all (to);
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (to, k, g_strdup (v));
}

/* Says the operations again, from the numbers as they were before. */
static void
say_again (Inside     *in,
           GHashTable *numbers_before)
{
  copy_numbers (in->ctx->now, numbers_before);
  for (guint i = 0; i < in->ops->len; i++)
    op_at (in, i)->done = FALSE;
  g_hash_table_remove_all (in->rewritten);
  g_hash_table_remove_all (in->folds);
  g_ptr_array_set_size (in->sentences, 0);
  g_ptr_array_set_size (in->groups, 0);
  g_clear_pointer (&in->cite, g_free);
  g_clear_pointer (&in->predicate, g_free);
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
  say_ops (in);
}

/* The members with more than one sentence, all in one run,
 * among sentences about more than one thing: their sentences are lettered
 * under "Het zesde lid wordt als volgt gewijzigd:" (6.15, its example). */
static GHashTable *
find_nested (Inside *in)
{
  GHashTable *nested = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint runs = 0;

  for (guint i = 0; i < in->groups->len; )
    {
      const AmendNode *g = g_ptr_array_index (in->groups, i);
      guint k = i + 1;

      while (k < in->groups->len && g_ptr_array_index (in->groups, k) == g)
        k++;
      runs++;
      if (g != NULL && g_hash_table_contains (seen, g))
        g_hash_table_remove (nested, g);
      else if (g != NULL && k - i > 1)
        g_hash_table_add (nested, (gpointer) g);
      if (g != NULL)
        g_hash_table_add (seen, (gpointer) g);
      i = k;
    }
  if (runs < 2)
    g_hash_table_remove_all (nested);
  return nested;
}

/* "1. ...", and for a nested member "2. Het zesde lid wordt als volgt
 * gewijzigd:" with "a. ...", "b. ...". */
static char *
numbered_sentences (Inside     *in,
                    const char *head)
{
  GString *out = g_string_new (head);
  guint number = 0;

  for (guint i = 0; i < in->sentences->len; )
    {
      const AmendNode *g = g_ptr_array_index (in->groups, i);
      guint k = i + 1;

      while (k < in->sentences->len && g_ptr_array_index (in->groups, k) == g)
        k++;
      if (g == NULL || in->nested == NULL || !g_hash_table_contains (in->nested, g))
        k = i + 1;
      number++;
      if (k == i + 1)
        g_string_append_printf (out, "\n\n%u. %s", number, (char *) g_ptr_array_index (in->sentences, i));
      else
        {
          g_autofree char *c = _amend_instr_cite (in->ctx, g, in->base_top, TRUE, TRUE);
          g_autofree char *cap = _amend_instr_sentence_start (c);

          g_string_append_printf (out, "\n\n%u. %s wordt als volgt gewijzigd:", number, cap);
          for (guint j = i; j < k; j++)
            {
              g_autofree char *upper = _amend_instr_letter (j - i);
              g_autofree char *sub = g_ascii_strdown (upper, -1);
              g_string_append_printf (out, "\n\n%s. %s", sub, (char *) g_ptr_array_index (in->sentences, j));
            }
        }
      i = k;
    }
  return g_string_free (out, FALSE);
}

/* The changes inside an element both versions have: one sentence, or
 * "Artikel 3 wordt als volgt gewijzigd:" and numbered sentences (6.15),
 * or the element rewritten whole. */
void
_amend_instr_say_inside (Ctx       *ctx,
                         Unit      *u,
                         GPtrArray *letters)
{
  g_auto(Inside) in = { 0 };
  g_autoptr(GHashTable) numbers_before = NULL;
  Letter *l;
  gboolean can_split;

  in.ctx = ctx;
  in.unit = u;
  in.ops = g_array_new (FALSE, FALSE, sizeof (Op));
  in.rewritten = g_hash_table_new (NULL, NULL);
  in.folds = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  in.sentences = g_ptr_array_new_with_free_func (g_free);
  in.groups = g_ptr_array_new ();
  if (say_members_change (ctx, u, letters))
    return;
  can_split = collect_ops (&in);
  if (in.ops->len == 0 && can_split)
    return;
  l = _amend_instr_letter_new (letters, NULL);
  _amend_instr_letter_says_all (ctx, l, u);
  if (!can_split || rewrite_whole (&in))
    {
      say_whole_unit (ctx, u, l);
      return;
    }
  deletions_first (&in);
  /* Numbered when there is more than one thing to say; the renumbering
   * is said once, so first as a trial on a copy of the numbers. */
  numbers_before = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  copy_numbers (numbers_before, ctx->now);
  in.relative = FALSE;
  say_ops (&in);
  if (!in.whole && in.sentences->len > 1)
    {
      in.relative = TRUE;
      in.base_top = common_top (&in);
      say_again (&in, numbers_before);
      if (!in.whole && in.base_top == u->old_node)
        {
          in.nested = find_nested (&in);
          if (g_hash_table_size (in.nested) > 0)
            say_again (&in, numbers_before);
        }
      in.top = in.base_top;
    }
  if (in.whole || in.sentences->len == 0)
    {
      say_whole_unit (ctx, u, l);
      return;
    }
  if (in.sentences->len == 1)
    {
      l->text = g_strdup (g_ptr_array_index (in.sentences, 0));
      if (in.predicate != NULL && _amend_instr_is_article (u->old_node))
        {
          l->cite = g_steal_pointer (&in.cite);
          l->predicate = g_steal_pointer (&in.predicate);
          l->to_end = in.to_end;
        }
      return;
    }
  {
    g_autofree char *name = _amend_instr_cite (ctx, top_of (&in, TRUE), u->old_node, TRUE, FALSE);
    g_autofree char *cap = _amend_instr_sentence_start (name);
    g_autofree char *head = g_strdup_printf ("%s wordt als volgt gewijzigd:", cap);

    l->text = numbered_sentences (&in, head);
  }
}
