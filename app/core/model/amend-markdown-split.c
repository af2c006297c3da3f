/* amend-markdown-split.c: where a large regulation may be cut for cmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark's tree of a text takes about seven times the text (a 60 MB
 * regulation: 450 MB), more than Amend's own model of it.  A large body is
 * therefore read in pieces of about 256 KB, each parsed, turned into the
 * model and freed before the next.  A piece starts at an ATX heading at the
 * start of a line after a blank line, outside a code fence: there no
 * CommonMark block of the piece before can go on (a blank line and a
 * heading end paragraphs, lists, block quotes and HTML blocks of kinds 6
 * and 7), so cmark reads each piece as it reads it in the whole text.
 * What could span a cut makes the text be read whole: a link reference
 * definition (used anywhere), an HTML block of kinds 1 to 5 (<!--, <?,
 * <!X, <![CDATA[, <script>, <pre>, <style>, <textarea>, which end only at
 * their end mark), a setext underline.
 *
 * The reader's choice of nesting looks at every heading first; it gets the
 * ATX heading lines alone, which cmark reads the same on their own.
 */
#include "config.h"

#include <string.h>

#include "amend-markdown-split.h"

gsize _amend_markdown_piece_size = 256 * 1024;

typedef struct {
  const char *p;
  gsize       len;  /* without the newline */
} Line;

static const char *
skip_indent (const char *p,
             const char *end)
{
  for (guint i = 0; i < 3 && p < end && *p == ' '; i++)
    p++;
  return p;
}

static gboolean
is_blank (Line l)
{
  for (gsize i = 0; i < l.len; i++)
    if (l.p[i] != ' ' && l.p[i] != '\t')
      return FALSE;
  return TRUE;
}

/* "# x", "###", "## x" after up to three spaces. */
static gboolean
is_atx_heading (Line l,
                gboolean at_margin)
{
  const char *end = l.p + l.len;
  const char *p = at_margin ? l.p : skip_indent (l.p, end);
  guint n = 0;

  while (p < end && *p == '#')
    p++, n++;
  return n >= 1 && n <= 6 && (p == end || *p == ' ' || *p == '\t');
}

/* ``` or ~~~ (three or more) after up to three spaces: the fence's
 * character and length, 0 for none. */
static guint
fence (Line  l,
       char *c)
{
  const char *end = l.p + l.len;
  const char *p = skip_indent (l.p, end);
  guint n = 0;

  if (p >= end || (*p != '`' && *p != '~'))
    return 0;
  *c = *p;
  while (p < end && *p == *c)
    p++, n++;
  return n >= 3 ? n : 0;
}

static gboolean
starts_with_ci (const char *p,
                const char *end,
                const char *word)
{
  gsize n = strlen (word);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, word, n) == 0;
}

/* A line that may start or belong to something that spans a cut. */
static gboolean
spans_cuts (Line l)
{
  const char *end = l.p + l.len;
  const char *p = skip_indent (l.p, end);
  static const char *const html[] = { "<!--", "<?", "<!", "<![CDATA[", "<script", "<pre", "<style",
                                      "<textarea" };
  const char *q;

  if (p < end && *p == '[' && (q = memchr (p, ']', end - p)) != NULL && q + 1 < end && q[1] == ':')
    return TRUE;
  /* Every HTML start above begins with "<": most lines are spared the
   * eight comparisons (a tenth of cutting a regulation into parts). */
  for (guint i = 0; p < end && *p == '<' && i < G_N_ELEMENTS (html); i++)
    if (starts_with_ci (p, end, html[i]))
      return TRUE;
  /* A setext underline: only = or only -, white space after. */
  if (p < end && (*p == '=' || *p == '-'))
    {
      char c = *p;

      while (p < end && *p == c)
        p++;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      return p == end;
    }
  return FALSE;
}

/**
 * _amend_markdown_split:
 * @headings: (out): the ATX heading lines of the whole body, each followed
 *   by a blank line
 *
 * Returns: (nullable): the offsets where pieces after the first start, or
 * %NULL when the body is to be read in one piece.
 */
GArray *
_amend_markdown_split (const char  *body,
                       gsize        len,
                       gsize        piece_size,
                       GString    **headings)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) found = g_string_new (NULL);
  const char *end = body + len;
  gsize piece_start = 0;
  gboolean prev_blank = TRUE;
  gboolean in_html = FALSE;
  char fence_char = 0;
  guint fence_len = 0;

  *headings = NULL;
  if (len < 2 * piece_size)
    return NULL;
  for (const char *p = body; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line l = { p, (nl ? nl : end) - p };
      char c = 0;
      guint n = fence (l, &c);

      if (fence_len > 0)
        {
          /* A closing fence: the same character, at least as long. */
          if (n >= fence_len && c == fence_char)
            fence_len = 0;
        }
      else if (n > 0)
        {
          /* "```x`" is no fence: rather read the text whole than guess. */
          const char *after = skip_indent (l.p, l.p + l.len) + n;

          if (c == '`' && memchr (after, '`', l.p + l.len - after) != NULL)
            return NULL;
          fence_char = c;
          fence_len = n;
        }
      else if (spans_cuts (l))
        return NULL;
      else if (is_atx_heading (l, FALSE))
        {
          gsize offset = p - body;

          /* A heading indented (inside a list item?) or right under HTML
           * (inside its block?) may be no heading of the document. */
          if (!is_atx_heading (l, TRUE) || in_html)
            return NULL;
          if (prev_blank && offset - piece_start >= piece_size)
            {
              g_array_append_val (cuts, offset);
              piece_start = offset;
            }
          g_string_append_len (found, l.p, l.len);
          g_string_append (found, "\n\n");
        }
      else
        {
          const char *q = skip_indent (l.p, l.p + l.len);

          if (q < l.p + l.len && *q == '<')
            in_html = TRUE;
        }
      prev_blank = fence_len == 0 && is_blank (l);
      if (prev_blank)
        in_html = FALSE;
      p = nl ? nl + 1 : end;
    }
  if (cuts->len == 0)
    return NULL;
  *headings = g_steal_pointer (&found);
  return g_steal_pointer (&cuts);
}
