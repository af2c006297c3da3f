/* amend-markdown-writer.c: the model as canonical Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canonical form: front matter, then blocks separated by one blank
 * line; heading levels follow the nesting; members are an ordered list
 * ("1. "), points a bullet list with their label ("- a. "), nested points
 * indented under their parent; paragraphs on one line, a hard line break as
 * a backslash.  Inline text is escaped as cmark's own CommonMark renderer
 * escapes it (reproduced below), so what is written reads back as the same
 * text.
 */
#include "config.h"

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

/* ----------------------------------------------------------------------- */
/* Inline text                                                              */
/* ----------------------------------------------------------------------- */

/* The inline tree of a paragraph: runs under the wrappers (link, strong,
 * emphasis) they share, as cmark nodes would hold them, in an array. */
typedef enum {
  INLINE_TEXT,
  INLINE_CODE,
  INLINE_HTML,
  INLINE_BREAK,
  INLINE_STRONG,
  INLINE_EMPH,
  INLINE_LINK,
  INLINE_IMAGE,
} InlineType;

typedef struct {
  InlineType  type;
  const char *text;    /* the literal, or the URL of a link or image */
  int         parent;  /* -1 at the paragraph */
  int         first;   /* first child, or -1 */
  int         last;
  int         next;    /* next sibling, or -1 */
} Inline;

static int
add_inline (GArray     *tree,
            int         parent,
            InlineType  type,
            const char *text)
{
  Inline node = { type, text, parent, -1, -1, -1 };
  int index = tree->len;

  g_array_append_val (tree, node);
  if (parent >= 0)
    {
      Inline *p = &g_array_index (tree, Inline, parent);

      if (p->last >= 0)
        g_array_index (tree, Inline, p->last).next = index;
      else
        p->first = index;
      p->last = index;
    }
  return index;
}

static Wrap
wrap_of (InlineType type)
{
  return type == INLINE_EMPH ? WRAP_EMPH : type == INLINE_STRONG ? WRAP_STRONG : WRAP_LINK;
}

static gboolean
wrap_matches (const Inline   *wrap,
              const AmendRun *run)
{
  switch (wrap->type)
    {
    case INLINE_EMPH:
      return run_has_wrap (run, WRAP_EMPH);
    case INLINE_STRONG:
      return run_has_wrap (run, WRAP_STRONG);
    case INLINE_LINK:
      return (run->marks & AMEND_MARK_LINK) && g_strcmp0 (wrap->text, run->href) == 0;
    case INLINE_IMAGE:
      return (run->marks & AMEND_MARK_IMAGE) && g_strcmp0 (wrap->text, run->href) == 0;
    default:
      return FALSE;
    }
}

/* How many runs from @i on share @w with @runs[@i] (a link: the same
 * target). */
static guint
wrap_extent (const AmendRun *runs,
             guint           n_runs,
             guint           i,
             Wrap            w)
{
  guint n = 0;

  while (i + n < n_runs && run_has_wrap (&runs[i + n], w) &&
         (w != WRAP_LINK || g_strcmp0 (runs[i + n].href, runs[i].href) == 0))
    n++;
  return n;
}

/* The order in which the wrappers that @runs[@i] opens are nested: the one
 * that lasts longest outside, so that "*a **b** c*"-like text keeps one
 * emphasis around the strong ("***l**\\_*" was written as a strong
 * emphasis and a second emphasis, which cmark reads otherwise; found by
 * fuzz-markdown).  Equal ones in the order of Wrap. */
static void
wrap_order (const AmendRun *runs,
            guint           n_runs,
            guint           i,
            Wrap           *order)
{
  guint extent[N_WRAPS];

  for (Wrap w = 0; w < N_WRAPS; w++)
    {
      order[w] = w;
      extent[w] = wrap_extent (runs, n_runs, i, w);
    }
  /* Three at most: an insertion sort, stable. */
  for (guint k = 1; k < N_WRAPS; k++)
    for (guint j = k; j > 0 && extent[order[j]] > extent[order[j - 1]]; j--)
      {
        Wrap t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }
}

/* Builds the inline tree of a paragraph from flat runs.  A run stays inside
 * the wrappers (link, strong, emphasis) that are open and that it shares,
 * in whatever order they were opened, so "*a **b***" is written as one
 * emphasis around a strong, not as two touching emphases.  Node 0 is the
 * paragraph. */
static void
build_paragraph (GArray         *tree,
                 const AmendRun *runs,
                 guint           n_runs,
                 gboolean        one_line)
{
  int open[N_WRAPS];
  Wrap order[N_WRAPS];
  guint depth = 0;

  g_array_set_size (tree, 0);
  add_inline (tree, -1, INLINE_TEXT, NULL);
  for (guint i = 0; i < n_runs; i++)
    {
      const AmendRun *run = &runs[i];
      gboolean have[N_WRAPS] = { FALSE };
      int parent;

      while (depth > 0 && !wrap_matches (&g_array_index (tree, Inline, open[depth - 1]), run))
        depth--;
      /* An outer wrapper the run does not share closes the inner ones too. */
      for (guint k = 0; k < depth; k++)
        if (!wrap_matches (&g_array_index (tree, Inline, open[k]), run))
          {
            depth = k;
            break;
          }
      for (guint k = 0; k < depth; k++)
        have[wrap_of (g_array_index (tree, Inline, open[k]).type)] = TRUE;
      wrap_order (runs, n_runs, i, order);

      parent = depth > 0 ? open[depth - 1] : 0;
      for (guint k = 0; k < N_WRAPS; k++)
        {
          Wrap w = order[k];

          if (!run_has_wrap (run, w) || have[w])
            continue;
          if (w == WRAP_LINK)
            parent = add_inline (tree, parent, run->marks & AMEND_MARK_IMAGE ? INLINE_IMAGE : INLINE_LINK,
                                 run->href ? run->href : "");
          else
            parent = add_inline (tree, parent, w == WRAP_STRONG ? INLINE_STRONG : INLINE_EMPH, NULL);
          open[depth++] = parent;
        }
      if (run->marks & AMEND_MARK_BREAK)
        add_inline (tree, parent, one_line ? INLINE_TEXT : INLINE_BREAK, one_line ? " " : NULL);
      else
        add_inline (tree, parent, run->marks & AMEND_MARK_CODE ? INLINE_CODE
                                  : run->marks & AMEND_MARK_HTML ? INLINE_HTML : INLINE_TEXT, run->text);
    }
}

/* What follows reproduces cmark's CommonMark renderer (cmark 0.30,
 * commonmark.c and render.c, at width 0) for the inline nodes above, byte
 * for byte: the canonical form was defined by it.  Calling cmark for every
 * paragraph, through a tree of cmark nodes, took half of `amend fmt`;
 * test-markdown compares both on the corpus and on random text. */
typedef enum {
  ESCAPE_LITERAL,
  ESCAPE_NORMAL,
  ESCAPE_URL,
} Escape;

typedef struct {
  GString  *out;
  GArray   *tree;
  gboolean  begin_line;
  gboolean  begin_content;
  gboolean  need_cr;
} Renderer;

static gboolean
cm_isspace (guchar c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static gboolean
cm_isdigit (guchar c)
{
  return c >= '0' && c <= '9';
}

static void
out_char (Renderer   *r,
          Escape      escape,
          gunichar    c,
          const char *bytes,
          gsize       len,
          guchar      nextc)
{
  GString *out = r->out;
  gboolean follows_digit = out->len > 0 && cm_isdigit (out->str[out->len - 1]);
  gboolean needs = FALSE;

  if (c < 0x80 && escape == ESCAPE_NORMAL)
    needs = c < 0x20 || strchr ("*_[]#<>\\`!", c) != NULL ||
            (c == '&' && g_ascii_isalpha (nextc)) ||
            (r->begin_content && (c == '-' || c == '+' || c == '=') && !follows_digit) ||
            (r->begin_content && (c == '.' || c == ')') && follows_digit && (nextc == 0 || cm_isspace (nextc)));
  else if (c < 0x80 && escape == ESCAPE_URL)
    needs = strchr ("`<>\\)(", c) != NULL || cm_isspace (c);
  if (!needs)
    g_string_append_len (out, bytes, len);
  else if (escape == ESCAPE_URL && cm_isspace (c))
    g_string_append_printf (out, "%%%2X", c);
  else if (g_ascii_ispunct (c))
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
  else
    g_string_append_printf (out, "&#%d;", c);
}

/* Bytes that out_char() may escape when not at the start of a line's
 * content: the rest is copied as it is, a stretch at a time. */
static const guchar plain_after_start[256] = {
  [' '] = 1, ['"'] = 1, ['$'] = 1, ['%'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1, ['+'] = 1,
  [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
  ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1,
  ['='] = 1, ['?'] = 1, ['@'] = 1, ['^'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
  ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
};

static void
out_string (Renderer   *r,
            const char *s,
            Escape      escape)
{
  gsize len = strlen (s);
  gboolean normal = escape == ESCAPE_NORMAL;

  if (r->need_cr)
    {
      if (r->out->len > 0 && r->out->str[r->out->len - 1] != '\n')
        g_string_append_c (r->out, '\n');
      r->begin_line = r->begin_content = TRUE;
      r->need_cr = FALSE;
    }
  for (gsize i = 0; i < len;)
    {
      gunichar c = (guchar) s[i];
      gsize clen = 1;

      /* Plain text after the start of a line's content: in one go. */
      if (normal && !r->begin_content && plain_after_start[c])
        {
          gsize j = i + 1;

          /* Four bytes a step while all four are plain. */
          while (j + 4 <= len && (plain_after_start[(guchar) s[j]] & plain_after_start[(guchar) s[j + 1]] &
                                  plain_after_start[(guchar) s[j + 2]] & plain_after_start[(guchar) s[j + 3]]))
            j += 4;
          while (j < len && plain_after_start[(guchar) s[j]])
            j++;
          g_string_append_len (r->out, s + i, j - i);
          r->begin_line = FALSE;
          i = j;
          continue;
        }
      if (c >= 0x80)
        {
          c = g_utf8_get_char_validated (s + i, len - i);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            return; /* cmark stops at bytes that are not UTF-8 */
          clen = g_utf8_next_char (s + i) - (s + i);
        }
      if (escape == ESCAPE_LITERAL && c == '\n')
        {
          g_string_append_c (r->out, '\n');
          r->begin_line = r->begin_content = TRUE;
        }
      else
        {
          if (escape == ESCAPE_LITERAL)
            g_string_append_len (r->out, s + i, clen);
          else
            out_char (r, escape, c, s + i, clen, i + clen < len ? s[i + clen] : 0);
          r->begin_line = FALSE;
          /* cmark tests the code point as a char: its low byte. */
          r->begin_content = r->begin_content && cm_isdigit (c & 0xff);
        }
      i += clen;
    }
}

/* [A-Za-z][A-Za-z0-9.+-]{1,31}: at the start of @url */
static gboolean
has_scheme (const char *url)
{
  gsize n = 0;

  if (!g_ascii_isalpha (url[0]))
    return FALSE;
  for (n = 1; n < 33 && (g_ascii_isalnum (url[n]) || url[n] == '.' || url[n] == '+' || url[n] == '-'); n++)
    ;
  return n >= 2 && url[n] == ':';
}

/* cmark's test for a link written as <url>: its text is its URL.  Like
 * cmark, the test joins the texts that open the link into one. */
static gboolean
is_autolink (Renderer *r,
             int       link,
             GString  *joined)
{
  Inline *node = &g_array_index (r->tree, Inline, link);
  const char *url = node->text;
  int child = node->first;

  g_string_truncate (joined, 0);
  if (node->type != INLINE_LINK || url[0] == '\0' || !has_scheme (url) || child < 0)
    return FALSE;
  if (g_array_index (r->tree, Inline, child).type != INLINE_TEXT)
    return FALSE;
  for (; child >= 0 && g_array_index (r->tree, Inline, child).type == INLINE_TEXT;
       child = g_array_index (r->tree, Inline, child).next)
    g_string_append (joined, g_array_index (r->tree, Inline, child).text);
  if (g_str_has_prefix (url, "mailto:"))
    url += 7;
  return strcmp (url, joined->str) == 0;
}

/* How many backticks open a code span of @code: the shortest run that is
 * not in it. */
static guint
code_ticks (const char *code)
{
  guint32 used = 1;
  guint current = 0;

  for (const char *p = code;; p++)
    {
      if (*p == '`')
        current++;
      else
        {
          if (current > 0 && current < 32)
            used |= 1u << current;
          current = 0;
        }
      if (*p == '\0')
        break;
    }
  for (guint i = 0;; i++)
    if (!(used & (1u << i)))
      return i;
}

static void render_inline (Renderer *r, int index);

static void
render_children (Renderer *r,
                 int       index)
{
  for (int c = g_array_index (r->tree, Inline, index).first; c >= 0; c = g_array_index (r->tree, Inline, c).next)
    render_inline (r, c);
}

static void
render_inline (Renderer *r,
               int       index)
{
  const Inline *node = &g_array_index (r->tree, Inline, index);

  switch (node->type)
    {
    case INLINE_TEXT:
      out_string (r, node->text, ESCAPE_NORMAL);
      break;
    case INLINE_HTML:
      out_string (r, node->text, ESCAPE_LITERAL);
      break;
    case INLINE_BREAK:
      out_string (r, "  ", ESCAPE_LITERAL);
      r->need_cr = TRUE;
      break;
    case INLINE_CODE:
      {
        gsize len = strlen (node->text);
        guint ticks = code_ticks (node->text);
        /* Padded where the span would lose a space or a backtick when read. */
        gboolean pad = len == 0 || node->text[0] == '`' || node->text[len - 1] == '`' ||
                       (node->text[0] == ' ' && node->text[len - 1] == ' ' && strspn (node->text, " ") < len);

        for (guint i = 0; i < ticks; i++)
          out_string (r, "`", ESCAPE_LITERAL);
        if (pad)
          out_string (r, " ", ESCAPE_LITERAL);
        out_string (r, node->text, ESCAPE_LITERAL);
        if (pad)
          out_string (r, " ", ESCAPE_LITERAL);
        for (guint i = 0; i < ticks; i++)
          out_string (r, "`", ESCAPE_LITERAL);
      }
      break;
    case INLINE_STRONG:
    case INLINE_EMPH:
      {
        const char *delim = node->type == INLINE_STRONG ? "**" : "*";

        /* EMPH(EMPH(x)) is written *_x_*: **x** would be strong. */
        if (node->type == INLINE_EMPH && node->parent > 0 &&
            g_array_index (r->tree, Inline, node->parent).type == INLINE_EMPH &&
            g_array_index (r->tree, Inline, node->parent).first == index && node->next < 0)
          delim = "_";
        out_string (r, delim, ESCAPE_LITERAL);
        render_children (r, index);
        out_string (r, delim, ESCAPE_LITERAL);
      }
      break;
    case INLINE_LINK:
    case INLINE_IMAGE:
      {
        g_autoptr(GString) joined = g_string_new (NULL);
        const char *url = node->text;

        if (is_autolink (r, index, joined))
          {
            out_string (r, "<", ESCAPE_LITERAL);
            out_string (r, g_str_has_prefix (url, "mailto:") ? url + 7 : url, ESCAPE_LITERAL);
            out_string (r, ">", ESCAPE_LITERAL);
            break;
          }
        out_string (r, node->type == INLINE_IMAGE ? "![" : "[", ESCAPE_LITERAL);
        if (joined->len > 0 && node->type == INLINE_LINK)
          {
            /* cmark's test joined the opening texts into one node. */
            int c = node->first;

            out_string (r, joined->str, ESCAPE_NORMAL);
            while (c >= 0 && g_array_index (r->tree, Inline, c).type == INLINE_TEXT)
              c = g_array_index (r->tree, Inline, c).next;
            for (; c >= 0; c = g_array_index (r->tree, Inline, c).next)
              render_inline (r, c);
          }
        else
          render_children (r, index);
        out_string (r, "](", ESCAPE_LITERAL);
        out_string (r, url, ESCAPE_URL);
        out_string (r, ")", ESCAPE_LITERAL);
      }
      break;
    default:
      break;
    }
}

/* The runs as cmark's CommonMark renderer writes a paragraph of them, with
 * its final newlines, into @out (emptied first), through @tree. */
static void
render_runs (GString        *out,
             GArray         *tree,
             const AmendRun *runs,
             guint           n_runs,
             gboolean        one_line)
{
  Renderer r = { out, tree, TRUE, TRUE, FALSE };

  g_string_truncate (out, 0);
  build_paragraph (tree, runs, n_runs, one_line);
  render_children (&r, 0);
  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

/* render_runs() for the tests, which compare it with cmark. */
char *
_amend_markdown_render_runs (const AmendRun *runs,
                             guint           n_runs,
                             gboolean        one_line)
{
  g_autoptr(GArray) tree = g_array_new (FALSE, FALSE, sizeof (Inline));
  GString *out = g_string_new (NULL);

  render_runs (out, tree, runs, n_runs, one_line);
  return g_string_free (out, FALSE);
}

/* "[Vervallen]" is common in Dutch law and no link: a bracket is only
 * markup when "](", "][" or "]:" follows it (canonical files hold no
 * reference definitions), so cmark's escapes of brackets go when the text
 * has none of those, escaped or not: in the text of a link, "\\[" is what
 * keeps the link one ("[\\[]()" would be read back as "[" and an empty
 * link; found by fuzz-markdown). */
static void
unescape_brackets (GString *s)
{
  gsize w = 0;

  if (strstr (s->str, "\\[") == NULL)
    return;
  if (strstr (s->str, "](") != NULL || strstr (s->str, "][") != NULL || strstr (s->str, "]:") != NULL)
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
  /* Only the starts of lines are looked at: one memchr() a line. */
  for (gsize i = 0; i + 2 < s->len;)
    {
      const char *nl;

      if (strncmp (s->str + i, "~~~", 3) == 0)
        g_string_insert_c (s, i, '\\');
      nl = memchr (s->str + i, '\n', s->len - i);
      if (nl == NULL)
        break;
      i = nl + 1 - s->str;
    }
}

/* cmark writes a hard break as two spaces; a backslash survives editors
 * that strip trailing white space.  An escaped backslash is copied in one
 * step, so that the "\\" of "\\!" is not taken for an escape of "!".
 * Writes @rendered so into @s (emptied first). */
static void
finish_inlines (const GString *rendered,
                GString       *s)
{
  const char *md = rendered->str;
  gsize len = rendered->len;
  gsize done = 0;

  g_string_truncate (s, 0);
  while (len > 0 && md[len - 1] == '\n')
    len--;
  for (gsize i = 0; i < len; i++)
    {
      /* Only backslashes and line ends are looked at. */
      i += strcspn (md + i, "\\\n");
      if (i >= len)
        break;
      if (md[i] == '\\' && i + 1 < len && md[i + 1] == '\\')
        {
          i++;
          continue;
        }
      /* cmark escapes every "!"; only "![" would start an image. */
      if (md[i] == '\\' && i + 1 < len && md[i + 1] == '!' && (i + 2 >= len || md[i + 2] != '['))
        {
          g_string_append_len (s, md + done, i - done);
          done = i + 1;
          continue;
        }
      if (md[i] == '\n' && i >= done + 2 && md[i - 1] == ' ' && md[i - 2] == ' ')
        {
          g_string_append_len (s, md + done, i - 2 - done);
          g_string_append (s, "\\\n");
          done = i + 1;
        }
    }
  g_string_append_len (s, md + done, len - done);
  unescape_brackets (s);
  escape_fences (s);
}

/* CommonMark decides emphasis by the characters around each run of
 * asterisks, so some runs of text cannot be said as the writer nests
 * them: an emphasis and a strong that meet ("*o*" then "**_**" gives
 * "*o***\\_**"), a strong that opens where the emphasis around it could
 * close ("***v**v**v***"); cmark reads those otherwise (found by
 * fuzz-markdown).  A paragraph with emphasis or strong is therefore read
 * back by Amend's own reader; where that gives other runs, a wrapper is
 * written as plain text (the later of two that meet, else the last one,
 * in the end all), round by round until the text reads back as written:
 * the words stay, some emphasis goes, and the file is canonical. */
static gboolean
is_wrapper (const Inline *node)
{
  return node->type == INLINE_STRONG || node->type == INLINE_EMPH;
}

/* The first (or last) character under @index is a letter or digit. */
static gboolean
edge_is_alnum (GArray *tree,
               int     index,
               gboolean last)
{
  const Inline *node = &g_array_index (tree, Inline, index);
  const char *text;

  while (node->first >= 0)
    node = &g_array_index (tree, Inline, last ? node->last : node->first);
  if (node->type != INLINE_TEXT || (text = node->text) == NULL || *text == '\0')
    return FALSE;
  if (last)
    text = g_utf8_find_prev_char (text, text + strlen (text));
  return text != NULL && g_unichar_isalnum (g_utf8_get_char_validated (text, -1));
}

/* Whether a wrapper is written where its asterisks could be read
 * otherwise: one in another or next to another, or with a character that
 * is no letter or digit just inside it.  "*woord*" (the common case) is
 * read back as written whatever stands around it. */
static gboolean
has_doubtful_wrapper (GArray *tree)
{
  for (guint i = 1; i < tree->len; i++)
    {
      const Inline *node = &g_array_index (tree, Inline, i);

      if (!is_wrapper (node))
        continue;
      if ((node->parent > 0 && is_wrapper (&g_array_index (tree, Inline, node->parent))) ||
          (node->first >= 0 && is_wrapper (&g_array_index (tree, Inline, node->first))) ||
          (node->next >= 0 && is_wrapper (&g_array_index (tree, Inline, node->next))) ||
          !edge_is_alnum (tree, i, FALSE) || !edge_is_alnum (tree, i, TRUE))
        return TRUE;
    }
  return FALSE;
}

/* @runs as the reader would give them: text with its marks, runs of the
 * same marks (and link) joined. */
static char *
runs_signature (const AmendRun *runs,
                guint           n_runs)
{
  GString *sig = g_string_new (NULL);

  for (guint i = 0; i < n_runs; i++)
    {
      gboolean joined = i > 0 && runs[i].marks == runs[i - 1].marks &&
                        g_strcmp0 (runs[i].href, runs[i - 1].href) == 0 &&
                        !(runs[i].marks & (AMEND_MARK_BREAK | AMEND_MARK_CODE | AMEND_MARK_HTML));

      if (!joined)
        g_string_append_printf (sig, "\x1e%x\x1f%s\x1f", runs[i].marks, runs[i].href ? runs[i].href : "");
      g_string_append (sig, runs[i].text ? runs[i].text : "");
    }
  return g_string_free (sig, FALSE);
}

/* Whether @rendered, read back as a paragraph, gives other runs than
 * @runs; one that is not read back as one paragraph is left alone. */
static gboolean
reads_otherwise (const AmendRun *runs,
                 guint           n_runs,
                 GArray         *tree,
                 const GString  *rendered)
{
  g_autoptr(AmendDocument) doc = NULL;
  AmendNode *root, *preamble, *text;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  if (!has_doubtful_wrapper (tree))
    return FALSE;
  doc = _amend_markdown_read_unnamed (rendered->str, rendered->len, NULL);
  root = doc ? amend_document_get_root (doc) : NULL;
  if (root == NULL || amend_node_n_children (root) != 1 ||
      (preamble = amend_node_child (root, 0))->kind != AMEND_NODE_PREAMBLE ||
      amend_node_n_children (preamble) != 1 || (text = amend_node_child (preamble, 0))->kind != AMEND_NODE_TEXT ||
      text->runs == NULL)
    return FALSE;
  want = runs_signature (runs, n_runs);
  got = runs_signature ((const AmendRun *) text->runs->data, text->runs->len);
  return strcmp (want, got) != 0;
}

/* The mark of @wrap taken from the runs under it (leaves are made one per
 * run, in order, so the K-th leaf of the tree is run K). */
static void
drop_wrap (GArray   *tree,
           int       wrap,
           AmendRun *runs,
           guint     n_runs)
{
  AmendMarks mark = g_array_index (tree, Inline, wrap).type == INLINE_STRONG ? AMEND_MARK_STRONG : AMEND_MARK_EMPH;
  guint leaf = 0;

  for (guint i = 1; i < tree->len && leaf < n_runs; i++)
    {
      const Inline *node = &g_array_index (tree, Inline, i);

      if (node->type >= INLINE_STRONG)
        continue;
      for (int p = node->parent; p > 0; p = g_array_index (tree, Inline, p).parent)
        if (p == wrap)
          runs[leaf].marks &= ~mark;
      leaf++;
    }
}

/* One round: the later of each two wrappers that meet; else the last
 * wrapper; from round 3 on, all of them. */
static void
drop_wraps (GArray   *tree,
            AmendRun *runs,
            guint     n_runs,
            guint     round)
{
  int last = -1;
  gboolean met = FALSE;

  for (guint i = 1; i < tree->len; i++)
    {
      const Inline *node = &g_array_index (tree, Inline, i);

      if (!is_wrapper (node))
        continue;
      last = i;
      if (round >= 3)
        drop_wrap (tree, i, runs, n_runs);
      else if (node->next >= 0 && is_wrapper (&g_array_index (tree, Inline, node->next)))
        {
          drop_wrap (tree, node->next, runs, n_runs);
          met = TRUE;
        }
    }
  if (round < 3 && !met && last > 0)
    drop_wrap (tree, last, runs, n_runs);
}

/* @text with every run of white space one space, as the reader makes of
 * text. */
static char *
collapse_space (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  if (space)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

/* The buffers of one writing, reused for every paragraph: a paragraph's
 * inline tree, its text as cmark renders it and as it is written. */
typedef struct {
  GString *out;
  GArray  *tree;
  GString *rendered;
  GString *text;
} Writer;

/* The Markdown of @text, in @w's buffer for it (valid until the next
 * paragraph). */
static char *
render_text (Writer          *w,
             const AmendNode *text)
{
  /* A heading is one line: a line break in it is written as a space. */
  gboolean one_line = text->heading_level > 0;
  const AmendRun *runs = text->runs ? (const AmendRun *) text->runs->data : NULL;
  guint n_runs = text->runs ? text->runs->len : 0;
  g_autofree AmendRun *copy = NULL;
  g_autoptr(GPtrArray) owned = NULL;

  /* Inline HTML at the start of a line, such as <meta ...> or <div>, would
   * open an HTML block when read again: there it is written as text, which
   * is escaped, with its white space as text has it. */
  for (guint i = 0; i < n_runs; i++)
    if ((runs[i].marks & AMEND_MARK_HTML) && (i == 0 || (!one_line && (runs[i - 1].marks & AMEND_MARK_BREAK))))
      {
        if (copy == NULL)
          {
            copy = g_memdup2 (runs, n_runs * sizeof (AmendRun));
            owned = g_ptr_array_new_with_free_func (g_free);
          }
        copy[i].text = collapse_space (runs[i].text);
        copy[i].marks &= ~AMEND_MARK_HTML;
        g_ptr_array_add (owned, copy[i].text);
      }
  render_runs (w->rendered, w->tree, copy ? copy : runs, n_runs, one_line);
  for (guint round = 0; reads_otherwise (copy ? copy : runs, n_runs, w->tree, w->rendered); round++)
    {
      if (copy == NULL)
        {
          copy = g_memdup2 (runs, n_runs * sizeof (AmendRun));
          owned = g_ptr_array_new_with_free_func (g_free);
        }
      drop_wraps (w->tree, copy, n_runs, round);
      render_runs (w->rendered, w->tree, copy, n_runs, one_line);
    }
  finish_inlines (w->rendered, w->text);
  return w->text->str;
}

static char *
render_plain (Writer     *w,
              const char *plain)
{
  AmendRun run = { (char *) plain, NULL, AMEND_MARK_NONE };

  render_runs (w->rendered, w->tree, &run, 1, FALSE);
  finish_inlines (w->rendered, w->text);
  return w->text->str;
}

/* Appends @text; lines after the first get @indent. */
static void
append_indented (GString    *out,
                 const char *text,
                 guint       indent)
{
  const char *p = text;
  const char *nl;

  while ((nl = strchr (p, '\n')) != NULL)
    {
      g_string_append_len (out, p, nl + 1 - p);
      p = nl + 1;
      if (*p != '\n' && *p != '\0')
        for (guint k = 0; k < indent; k++)
          g_string_append_c (out, ' ');
    }
  g_string_append (out, p);
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint k = 0; k < n; k++)
    g_string_append_c (out, ' ');
}

static void write_children (Writer *w, const AmendNode *node, guint from, guint indent);

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
write_text_block (Writer          *w,
                  const AmendNode *text,
                  guint            indent)
{
  GString *out = w->out;
  char *md = render_text (w, text);

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

/* Whether the item's first line holds text: its first paragraph, or a
 * point's label ("- a."), which is text to CommonMark, not a marker. */
static gboolean
marker_line_has_text (const AmendNode *node,
                      const char      *marker,
                      guint            from)
{
  return from == 1 || (node->kind == AMEND_NODE_POINT && marker[0] == '-' && marker[1] != '\0');
}

/* One list item: "1. text" or "- a. text", then its other children
 * indented to @content under it. */
static void
write_item (Writer          *w,
            const AmendNode *node,
            const char      *marker,
            guint            indent,
            guint            content)
{
  GString *out = w->out;
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
          write_text_block (w, first, content);
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
      if (marker_line_has_text (node, marker, from) &&
          (amend_node_child (node, from)->kind != AMEND_NODE_POINT ||
           lone_marker (amend_node_child (node, from))))
        g_string_append_c (out, '\n');
      write_children (w, node, from, content);
    }
}

static void
write_point (Writer          *w,
             const AmendNode *point,
             guint            indent)
{
  g_autofree char *label = point_label (point->number);
  g_autofree char *marker = label[0] ? g_strconcat ("- ", label, NULL) : g_strdup ("-");

  /* The label is part of the item's text, not of its marker. */
  write_item (w, point, marker, indent, indent + 2);
}

static void
write_member (Writer          *w,
              const AmendNode *member,
              guint            indent)
{
  GString *out = w->out;

  if (is_plain_integer (member->number))
    {
      g_autofree char *marker = g_strconcat (member->number, ".", NULL);
      write_item (w, member, marker, indent, indent + strlen (marker) + 1);
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
        write_text_block (w, amend_node_child (member, 0), indent);
        from = 1;
      }
    if (from < amend_node_n_children (member))
      {
        g_string_append_c (out, '\n');
        if (amend_node_child (member, from)->kind != AMEND_NODE_POINT)
          g_string_append_c (out, '\n');
        write_children (w, member, from, indent);
      }
  }
}

static void write_structural (Writer *w, const AmendNode *node, guint level);

/* Writes the children of @node from @from on, as blocks at @indent. */
static void
write_children (Writer          *w,
                const AmendNode *node,
                guint            from,
                guint            indent)
{
  GString *out = w->out;
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
            write_text_block (w, child, indent);
            if (child->heading_level == 0)
              escape_leading_label (out, start, FALSE);
          }
          break;
        case AMEND_NODE_MEMBER:
          write_member (w, child, indent);
          break;
        case AMEND_NODE_POINT:
          write_point (w, child, indent);
          break;
        default:
          write_structural (w, child, level);
          break;
        }
    }
}

static gboolean
starts_with_separator (const char *heading)
{
  while (*heading == ' ' || *heading == '\t')
    heading++;
  return strncmp (heading, "- ", 2) == 0 || strncmp (heading, "\xe2\x80\x93 ", 4) == 0 ||
         strncmp (heading, "\xe2\x80\x94 ", 4) == 0 || strncmp (heading, ": ", 2) == 0;
}

static void
write_structural (Writer          *w,
                  const AmendNode *node,
                  guint            level)
{
  GString *out = w->out;
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

  for (guint k = 0; k < MIN (level, MAX_HEADING_LEVEL); k++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  g_string_append (out, word);
  if (node->number && node->number[0])
    {
      g_string_append_c (out, ' ');
      g_string_append (out, node->number);
    }
  if (node->heading && node->heading[0])
    {
      char *heading = render_plain (w, node->heading);
      g_strdelimit (heading, "\n", ' ');
      /* The reader takes a dash or colon after the number for the
       * separator of loose files ("Artikel 2 - Begrippen"); a title that
       * starts with one keeps it behind a separator of its own. */
      if (node->number && node->number[0] && starts_with_separator (node->heading))
        g_string_append (out, " \xe2\x80\x94");
      g_string_append_c (out, ' ');
      g_string_append (out, heading);
    }
  if (amend_node_n_children (node) > 0)
    {
      g_string_append (out, "\n\n");
      write_children (w, node, 0, 0);
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
  g_autoptr(GArray) tree = g_array_new (FALSE, FALSE, sizeof (Inline));
  g_autoptr(GString) rendered = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  Writer w = { out, tree, rendered, text };
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
        write_children (&w, child, 0, 0);
      else
        write_structural (&w, child, 1);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, '\n');
  else if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  /* Text that starts with U+FEFF would be taken for a byte order mark,
   * which readers drop: write it as a character reference. */
  if (g_str_has_prefix (out->str, "\xEF\xBB\xBF"))
    {
      g_string_erase (out, 0, 3);
      g_string_prepend (out, "&#65279;");
    }
  return g_string_free (out, FALSE);
}

/**
 * _amend_markdown_is_canonical:
 * @doc: (out) (optional): the model read, with eIds, when canonical
 *
 * Whether @text reads without an error and writes back to the same bytes:
 * the form every merge writes.  It is read without eIds, which the writer
 * never uses and which add no diagnostic, so the answer is the same.
 */
gboolean
_amend_markdown_is_canonical (const char     *text,
                              gsize           len,
                              AmendDocument **doc)
{
  g_autoptr(AmendDocument) read = _amend_markdown_read_unnamed (text, len, NULL);
  g_autofree char *written = NULL;

  if (read == NULL || amend_document_has_errors (read))
    return FALSE;
  written = _amend_markdown_write (read);
  if (strlen (written) != len || memcmp (written, text, len) != 0)
    return FALSE;
  if (doc)
    {
      /* Read as amend_document_new_from_data() reads it, eIds too. */
      amend_document_assign_eids (read);
      *doc = g_steal_pointer (&read);
    }
  return TRUE;
}
