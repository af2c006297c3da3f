/* amend-markdown-writer.c: the model as canonical Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canonical form: front matter, then blocks separated by one blank
 * line; heading levels follow the nesting; members are an ordered list
 * ("1. "), points a bullet list with their label ("- a. "), nested points
 * indented under their parent; paragraphs on one line, a hard line break as
 * a backslash.  Inline text is escaped by cmark's own CommonMark renderer,
 * so what is written reads back as the same text.
 */
#include "config.h"

#include <cmark.h>
#include <string.h>

#include "amend-document-private.h"

#define MAX_HEADING_LEVEL 6

typedef enum {
  WRAP_LINK,
  WRAP_STRONG,
  WRAP_EMPH,
  N_WRAPS
} Wrap;

static gboolean
run_has_wrap (const AmendRun *run,
              Wrap            wrap)
{
  switch (wrap)
    {
    case WRAP_LINK:
      return (run->marks & (AMEND_MARK_LINK | AMEND_MARK_IMAGE)) != 0;
    case WRAP_STRONG:
      return (run->marks & AMEND_MARK_STRONG) != 0;
    case WRAP_EMPH:
      return (run->marks & AMEND_MARK_EMPH) != 0;
    default:
      return FALSE;
    }
}

static cmark_node *
make_leaf (const AmendRun *run,
           gboolean        one_line)
{
  cmark_node *leaf;

  if (run->marks & AMEND_MARK_BREAK)
    {
      if (!one_line)
        return cmark_node_new (CMARK_NODE_LINEBREAK);
      leaf = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_set_literal (leaf, " ");
      return leaf;
    }
  if (run->marks & AMEND_MARK_CODE)
    leaf = cmark_node_new (CMARK_NODE_CODE);
  else if (run->marks & AMEND_MARK_HTML)
    leaf = cmark_node_new (CMARK_NODE_HTML_INLINE);
  else
    leaf = cmark_node_new (CMARK_NODE_TEXT);
  cmark_node_set_literal (leaf, run->text);
  return leaf;
}

static gboolean
wrap_matches (cmark_node     *wrap,
              const AmendRun *run)
{
  switch (cmark_node_get_type (wrap))
    {
    case CMARK_NODE_EMPH:
      return run_has_wrap (run, WRAP_EMPH);
    case CMARK_NODE_STRONG:
      return run_has_wrap (run, WRAP_STRONG);
    case CMARK_NODE_LINK:
      return (run->marks & AMEND_MARK_LINK) && g_strcmp0 (cmark_node_get_url (wrap), run->href) == 0;
    case CMARK_NODE_IMAGE:
      return (run->marks & AMEND_MARK_IMAGE) && g_strcmp0 (cmark_node_get_url (wrap), run->href) == 0;
    default:
      return FALSE;
    }
}

static Wrap
wrap_of (cmark_node *wrap)
{
  switch (cmark_node_get_type (wrap))
    {
    case CMARK_NODE_EMPH:
      return WRAP_EMPH;
    case CMARK_NODE_STRONG:
      return WRAP_STRONG;
    default:
      return WRAP_LINK;
    }
}

/* Builds the inline tree of a paragraph from flat runs.  A run stays inside
 * the wrappers (link, strong, emphasis) that are open and that it shares,
 * in whatever order they were opened, so "*a **b***" is written as one
 * emphasis around a strong, not as two touching emphases. */
static cmark_node *
build_paragraph (const AmendNode *text,
                 gboolean         one_line)
{
  cmark_node *para = cmark_node_new (CMARK_NODE_PARAGRAPH);
  cmark_node *open[N_WRAPS] = { NULL };
  guint depth = 0;

  for (guint i = 0; text->runs && i < text->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (text->runs, AmendRun, i);
      gboolean have[N_WRAPS] = { FALSE };
      cmark_node *parent;

      while (depth > 0 && !wrap_matches (open[depth - 1], run))
        depth--;
      /* An outer wrapper the run does not share closes the inner ones too. */
      for (guint k = 0; k < depth; k++)
        if (!wrap_matches (open[k], run))
          {
            depth = k;
            break;
          }
      for (guint k = 0; k < depth; k++)
        have[wrap_of (open[k])] = TRUE;

      parent = depth > 0 ? open[depth - 1] : para;
      for (Wrap w = 0; w < N_WRAPS; w++)
        {
          cmark_node *wrap;

          if (!run_has_wrap (run, w) || have[w])
            continue;
          if (w == WRAP_LINK)
            {
              wrap = cmark_node_new (run->marks & AMEND_MARK_IMAGE ? CMARK_NODE_IMAGE : CMARK_NODE_LINK);
              cmark_node_set_url (wrap, run->href ? run->href : "");
            }
          else
            wrap = cmark_node_new (w == WRAP_STRONG ? CMARK_NODE_STRONG : CMARK_NODE_EMPH);
          cmark_node_append_child (parent, wrap);
          open[depth++] = wrap;
          parent = wrap;
        }
      cmark_node_append_child (parent, make_leaf (run, one_line));
    }
  return para;
}

/* "[Vervallen]" is common in Dutch law and no link: a bracket is only
 * markup when "](", "][" or "]:" follows it (canonical files hold no
 * reference definitions), so cmark's escapes of brackets go when the text
 * has none of those. */
static void
unescape_brackets (GString *s)
{
  gsize w = 0;

  if (strstr (s->str, "\\[") == NULL)
    return;
  for (const char *p = strstr (s->str, "\\]"); p != NULL; p = strstr (p + 2, "\\]"))
    if (p[2] == '(' || p[2] == '[' || p[2] == ':')
      return;
  if (strstr (s->str, "\\\\") != NULL || strchr (s->str, '`') != NULL)
    return; /* an escaped backslash or code span: leave cmark's text as it is */

  for (gsize r = 0; r < s->len; r++)
    {
      if (s->str[r] == '\\' && r + 1 < s->len && (s->str[r + 1] == '[' || s->str[r + 1] == ']'))
        continue;
      s->str[w++] = s->str[r];
    }
  g_string_truncate (s, w);
}

/* "~~~" at the start of a line opens a code block, also inside a
 * paragraph; cmark does not escape it. */
static void
escape_fences (GString *s)
{
  for (gsize i = 0; i + 2 < s->len; i++)
    if ((i == 0 || s->str[i - 1] == '\n') && strncmp (s->str + i, "~~~", 3) == 0)
      g_string_insert_c (s, i, '\\');
}

/* cmark writes a hard break as two spaces; a backslash survives editors
 * that strip trailing white space.  An escaped backslash is copied in one
 * step, so that the "\\" of "\\!" is not taken for an escape of "!". */
static char *
render_inlines (cmark_node *para)
{
  char *md = cmark_render_commonmark (para, CMARK_OPT_DEFAULT, 0);
  GString *s = g_string_new (NULL);
  gsize len = strlen (md);

  while (len > 0 && md[len - 1] == '\n')
    len--;
  for (gsize i = 0; i < len; i++)
    {
      if (md[i] == '\\' && i + 1 < len && md[i + 1] == '\\')
        {
          g_string_append (s, "\\\\");
          i++;
          continue;
        }
      /* cmark escapes every "!"; only "![" would start an image. */
      if (md[i] == '\\' && i + 1 < len && md[i + 1] == '!' && (i + 2 >= len || md[i + 2] != '['))
        continue;
      if (md[i] == ' ' && i + 2 < len && md[i + 1] == ' ' && md[i + 2] == '\n')
        {
          g_string_append (s, "\\\n");
          i += 2;
          continue;
        }
      g_string_append_c (s, md[i]);
    }
  free (md);
  cmark_node_free (para);
  unescape_brackets (s);
  escape_fences (s);
  return g_string_free (s, FALSE);
}

static char *
render_text (const AmendNode *text)
{
  /* A heading is one line: a line break in it is written as a space. */
  return render_inlines (build_paragraph (text, text->heading_level > 0));
}

static char *
render_plain (const char *plain)
{
  cmark_node *para = cmark_node_new (CMARK_NODE_PARAGRAPH);
  cmark_node *leaf = cmark_node_new (CMARK_NODE_TEXT);

  cmark_node_set_literal (leaf, plain);
  cmark_node_append_child (para, leaf);
  return render_inlines (para);
}

/* Appends @text; lines after the first get @indent. */
static void
append_indented (GString    *out,
                 const char *text,
                 guint       indent)
{
  for (const char *p = text; *p; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n' && p[1] != '\n' && p[1] != '\0')
        for (guint k = 0; k < indent; k++)
          g_string_append_c (out, ' ');
    }
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint k = 0; k < n; k++)
    g_string_append_c (out, ' ');
}

static void write_children (GString *out, const AmendNode *node, guint from, guint indent);

/* Text that starts like a label ("a. ", "2a. ", "1° ") would be read back
 * as a point or member: escape the label's delimiter, or, for "°", which
 * has no escape, write the first digit as a character reference. */
static void
escape_leading_label (GString  *md,
                      gsize     start,
                      gboolean  in_item)
{
  const char *p = md->str + start;
  gsize label = _amend_match_label (p, md->len - start);
  char last;

  /* In a bullet item "1\\." is a label too (see write_point). */
  if (label == 0 && in_item && g_ascii_isdigit (p[0]))
    {
      gsize i = 0;
      while (g_ascii_isdigit (p[i]))
        i++;
      if (p[i] == '\\' && (p[i + 1] == '.' || p[i + 1] == ')'))
        label = i + 2;
    }
  if (label == 0)
    return;
  last = p[label - 1];
  /* "1\\." stays a numbered point's own label; text gets "&#49;." */
  if ((last == '.' || last == ')') && !g_ascii_isdigit (p[0]))
    g_string_insert_c (md, start + label - 1, '\\');
  else if (g_ascii_isdigit (p[0]))
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "&#%d;", p[0]);
      g_string_erase (md, start, 1);
      g_string_insert (md, start, ref);
    }
}

static void
write_text_block (GString         *out,
                  const AmendNode *text,
                  guint            indent)
{
  g_autofree char *md = render_text (text);

  if (text->heading_level > 0)
    {
      guint level = MIN (text->heading_level, MAX_HEADING_LEVEL);
      const AmendNode *parent = text->parent;

      /* A free heading right under a heading without a title would be taken
       * for its title when read as loose Markdown, if it stood deeper. */
      if (parent && text->pos == 0 && parent->heading == NULL &&
          (parent->kind == AMEND_NODE_ARTICLE || amend_node_is_division (parent)))
        {
          guint parent_level = 0;
          for (const AmendNode *a = parent; a->parent != NULL; a = a->parent)
            if (amend_node_is_structural (a))
              parent_level++;
          level = MIN (level, MIN (parent_level, MAX_HEADING_LEVEL));
        }
      for (guint k = 0; k < level; k++)
        g_string_append_c (out, '#');
      g_string_append_c (out, ' ');
      /* A heading is one line: a break in it becomes a space. */
      g_strdelimit (md, "\n", ' ');
      g_string_append (out, md);
      return;
    }
  append_indented (out, md, indent);
}

static gboolean
is_plain_integer (const char *number)
{
  if (number == NULL || *number == '\0' || strlen (number) > 9)
    return FALSE;
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* "1." in a bullet item would start an ordered list: escape it. */
static char *
point_label (const char *label)
{
  gsize len = label ? strlen (label) : 0;

  if (len == 0)
    return g_strdup ("");
  if (g_ascii_isdigit (label[0]) && (label[len - 1] == '.' || label[len - 1] == ')'))
    {
      gsize k = 0;
      while (k < len - 1 && g_ascii_isdigit (label[k]))
        k++;
      if (k == len - 1)
        return g_strdup_printf ("%.*s\\%c", (int) (len - 1), label, label[len - 1]);
    }
  return g_strdup (label);
}

static gboolean
lone_marker (const AmendNode *point)
{
  return (point->number == NULL || point->number[0] == '\0') &&
         (amend_node_n_children (point) == 0 || amend_node_child (point, 0)->kind != AMEND_NODE_TEXT ||
          amend_node_child (point, 0)->heading_level > 0);
}

/* One list item: "1. text" or "- a. text", then its other children
 * indented to @content under it. */
static void
write_item (GString         *out,
            const AmendNode *node,
            const char      *marker,
            guint            indent,
            guint            content)
{
  guint from = 0;

  append_spaces (out, indent);
  g_string_append (out, marker);

  if (amend_node_n_children (node) > 0)
    {
      const AmendNode *first = amend_node_child (node, 0);

      if (first->kind == AMEND_NODE_TEXT && first->heading_level == 0)
        {
          gsize start;

          g_string_append_c (out, ' ');
          start = out->len;
          write_text_block (out, first, content);
          /* A point without a label: its text must not grow one. */
          if (node->kind == AMEND_NODE_POINT && (node->number == NULL || node->number[0] == '\0'))
            escape_leading_label (out, start, TRUE);
          from = 1;
        }
    }
  if (from < amend_node_n_children (node))
    {
      g_string_append_c (out, '\n');
      /* Points follow their text directly; other blocks after a blank line.
       * Never a blank line after an empty marker: that would end the item.
       * A point written as a lone "-" right under text would underline it
       * as a heading: it gets the blank line too. */
      if (from == 1 && (amend_node_child (node, from)->kind != AMEND_NODE_POINT ||
                        lone_marker (amend_node_child (node, from))))
        g_string_append_c (out, '\n');
      write_children (out, node, from, content);
    }
}

static void
write_point (GString         *out,
             const AmendNode *point,
             guint            indent)
{
  g_autofree char *label = point_label (point->number);
  g_autofree char *marker = label[0] ? g_strdup_printf ("- %s", label) : g_strdup ("-");

  /* The label is part of the item's text, not of its marker. */
  write_item (out, point, marker, indent, indent + 2);
}

static void
write_member (GString         *out,
              const AmendNode *member,
              guint            indent)
{
  if (is_plain_integer (member->number))
    {
      g_autofree char *marker = g_strdup_printf ("%s.", member->number);
      write_item (out, member, marker, indent, indent + strlen (marker) + 1);
      return;
    }

  /* "2a." is no CommonMark list marker: such a member is a paragraph that
   * starts with its number, its points a list right under it; "(1)" has
   * its delimiters already. */
  append_spaces (out, indent);
  g_string_append_printf (out, "%s%s", member->number ? member->number : "", amend_node_number_delimiter (member));
  {
    guint from = 0;

    if (amend_node_n_children (member) > 0 && amend_node_child (member, 0)->kind == AMEND_NODE_TEXT &&
        amend_node_child (member, 0)->heading_level == 0)
      {
        g_string_append_c (out, ' ');
        write_text_block (out, amend_node_child (member, 0), indent);
        from = 1;
      }
    if (from < amend_node_n_children (member))
      {
        g_string_append_c (out, '\n');
        if (amend_node_child (member, from)->kind != AMEND_NODE_POINT)
          g_string_append_c (out, '\n');
        write_children (out, member, from, indent);
      }
  }
}

static void write_structural (GString *out, const AmendNode *node, guint level);

/* Writes the children of @node from @from on, as blocks at @indent. */
static void
write_children (GString         *out,
                const AmendNode *node,
                guint            from,
                guint            indent)
{
  guint n = amend_node_n_children (node);
  guint level = 1;

  for (const AmendNode *a = node; a->parent != NULL; a = a->parent)
    if (amend_node_is_structural (a))
      level++;

  for (guint i = from; i < n; i++)
    {
      const AmendNode *child = amend_node_child (node, i);
      gboolean first = i == from;

      if (!first)
        {
          const AmendNode *prev = amend_node_child (node, i - 1);
          gboolean same_list =
            (prev->kind == AMEND_NODE_POINT && child->kind == AMEND_NODE_POINT) ||
            (prev->kind == AMEND_NODE_MEMBER && child->kind == AMEND_NODE_MEMBER &&
             is_plain_integer (prev->number) && is_plain_integer (child->number));
          gboolean points_of_member =
            child->kind == AMEND_NODE_POINT && prev->kind == AMEND_NODE_MEMBER &&
            !is_plain_integer (prev->number);

          g_string_append_c (out, '\n');
          if (!same_list && !points_of_member)
            g_string_append_c (out, '\n');
        }

      switch (child->kind)
        {
        case AMEND_NODE_TEXT:
          append_spaces (out, indent);
          {
            gsize start = out->len;
            write_text_block (out, child, indent);
            if (child->heading_level == 0)
              escape_leading_label (out, start, FALSE);
          }
          break;
        case AMEND_NODE_MEMBER:
          write_member (out, child, indent);
          break;
        case AMEND_NODE_POINT:
          write_point (out, child, indent);
          break;
        default:
          write_structural (out, child, level);
          break;
        }
    }
}

static void
write_structural (GString         *out,
                  const AmendNode *node,
                  guint            level)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

  for (guint k = 0; k < MIN (level, MAX_HEADING_LEVEL); k++)
    g_string_append_c (out, '#');
  g_string_append_printf (out, " %s", word);
  if (node->number && node->number[0])
    g_string_append_printf (out, " %s", node->number);
  if (node->heading && node->heading[0])
    {
      g_autofree char *heading = render_plain (node->heading);
      g_strdelimit (heading, "\n", ' ');
      g_string_append_printf (out, " %s", heading);
    }
  if (amend_node_n_children (node) > 0)
    {
      g_string_append (out, "\n\n");
      write_children (out, node, 0, 0);
    }
}

static void
write_front_matter (GString       *out,
                    AmendDocument *doc)
{
  GArray *meta = amend_document_get_meta_entries (doc);

  if (meta->len == 0)
    return;
  g_string_append (out, "---\n");
  for (guint i = 0; i < meta->len; i++)
    {
      const AmendMetaEntry *entry = &g_array_index (meta, AmendMetaEntry, i);

      if (entry->key == NULL)
        g_string_append_printf (out, "%s\n", entry->value);
      else if (entry->value == NULL || entry->value[0] == '\0')
        g_string_append_printf (out, "%s:\n", entry->key);
      else
        {
          g_autofree char *quoted = _amend_meta_quote (entry->value);
          g_string_append_printf (out, "%s: %s\n", entry->key, quoted);
        }
    }
  g_string_append (out, "---\n");
}

char *
_amend_markdown_write (AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  GString *out = g_string_new (NULL);
  gboolean any = FALSE;

  write_front_matter (out, doc);
  if (out->len > 0)
    g_string_append_c (out, '\n');

  for (guint i = 0; i < amend_node_n_children (root); i++)
    {
      const AmendNode *child = amend_node_child (root, i);

      if (child->kind == AMEND_NODE_PREAMBLE && amend_node_n_children (child) == 0)
        continue;
      if (any)
        g_string_append (out, "\n\n");
      if (child->kind == AMEND_NODE_PREAMBLE)
        write_children (out, child, 0, 0);
      else
        write_structural (out, child, 1);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, '\n');
  else if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
