/* amend-markdown-reader.c: Markdown, canonical or loose, into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark parses the blocks and inlines; this file maps them onto the legal
 * structure.  Two things cmark cannot know are done here:
 *
 *  - which headings nest in which: in a canonical file the heading level
 *    says it; in files from other projects every heading has the same level
 *    and the kinds are ranked by the order in which they first appear
 *    (the Gemeentewet puts Titel above Hoofdstuk, the Awb the reverse);
 *  - members and points that are written as plain paragraphs, or as lines
 *    ending in a hard break ("1.  ...   \n2.  ..."), which loose files do.
 */
#include "config.h"

#include <cmark.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-document-private.h"
#include "amend-cmark-arena.h"
#include "amend-markdown-split.h"

/* Points nested deeper than this are kept as the text of the deepest
 * point; real regulations use three levels (a., 1°, i.). */
#define MAX_NESTING 12

typedef struct {
  AmendNode *node;
  int        level;
} OpenNode;

typedef struct {
  AmendMarks  marks;
  const char *href;
  const char *text;
  gsize       len;
  gboolean    soft;    /* a soft line break */
} TmpRun;

/* The last member of an article, found without going over its children
 * again for every paragraph: an article of 100,000 paragraphs took
 * minutes.  The reader only appends children, so what was gone over
 * stays as it was; fewer children than seen, or another article, starts
 * again. */
typedef struct {
  AmendNode *article;
  guint      scanned;  /* children gone over */
  int        member;   /* index of the last member among them, or -1 */
} MemberScan;

typedef struct {
  AmendDocument *doc;
  const char    *body;
  gsize          body_len;
  guint          line_offset;   /* lines of front matter before the body */
  GArray        *line_starts;   /* of gsize: where each body line starts */
  int            flat_level;    /* the level loose files write every part at, or 0 */
  int            rank[AMEND_N_NODE_KINDS];
  GArray        *open;          /* of OpenNode; [0] is the root */
  AmendNode     *preamble;
  AmendNode     *wants_heading; /* loose files put the heading on the next line */
  int            wants_level;   /* ... on a deeper heading level */
  GArray        *runs;          /* of TmpRun, reused for every paragraph */
  GString       *buf;           /* reused for the text of every run */
  AmendCmarkArena *arena;       /* cmark's tree of the piece being read */
  gboolean       warned_depth;
  GArray        *headings;      /* of Heading: what choose_nesting() found, for handle_heading() */
  guint          next_heading;
  const guint   *resets;        /* _amend_markdown_read_parts(): lines where a left-out body was */
  guint          n_resets;
  guint          next_reset;
  MemberScan     member_scan;   /* for text_target() */
} Reader;

typedef enum {
  LABEL_NONE,
  LABEL_MEMBER,
  LABEL_POINT,
} LabelKind;

typedef enum {
  CLASS_LETTER,
  CLASS_ORDINAL,  /* 1°, 1e. */
  CLASS_ROMAN,
  CLASS_NUMBER,   /* 1., 1) inside a point list */
  CLASS_UPPER,    /* A., B. */
  CLASS_OTHER,
} LabelClass;

/* ----------------------------------------------------------------------- */
/* Input: encoding, line ends, front matter                                 */
/* ----------------------------------------------------------------------- */

static void
append_replacement (GString *out)
{
  g_string_append (out, "\xEF\xBF\xBD");
}

/* A loose dialect writes "###Artikel 14": CommonMark needs the space.
 * The length of a heading marker at @p (a line's start: up to three
 * spaces and one to six #) that lacks its space; 0 for any other line. */
static gsize
heading_marker_without_space (const char *p,
                              const char *end)
{
  const char *q = p;
  guint hashes = 0;

  while (q < end && *q == ' ' && q - p < 3)
    q++;
  while (q < end && *q == '#')
    {
      q++;
      hashes++;
    }
  if (hashes == 0 || hashes > 6 || q >= end || *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
    return 0;
  return q - p;
}

static gsize
fix_heading_marker (GString    *out,
                    const char *p,
                    const char *end)
{
  gsize n = heading_marker_without_space (p, end);

  if (n == 0)
    return 0;
  g_string_append_len (out, p, n);
  g_string_append_c (out, ' ');
  return n;
}

/* Printable ASCII and tab: copied as they are. */
static const guchar plain_byte[256] = {
  ['\t'] = 1, [' ' ... '~'] = 1,
};

/* Whether a heading marker at @p (a line's start) lacks its space. */
static gboolean
heading_marker_needs_space (const char *p,
                            const char *end)
{
  return heading_marker_without_space (p, end) > 0;
}

/* Whether sanitize() would change anything in @data (it leaves a text that
 * has nothing to change as it is): a byte order mark, a byte that is not
 * plain ASCII, a line end or valid UTF-8 other than U+FFFE and U+FFFF, or a
 * heading marker without its space (also in a code fence, where sanitize()
 * leaves it: this may say TRUE where nothing changes, never FALSE where
 * something would). */
static gboolean
needs_sanitizing (const char *data,
                  gsize       len)
{
  const char *p = data;
  const char *end = data + len;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    return TRUE;
  if (heading_marker_needs_space (p, end))
    return TRUE;
  while (p < end)
    {
      while (end - p >= 4 && (plain_byte[(guchar) p[0]] & plain_byte[(guchar) p[1]] &
                              plain_byte[(guchar) p[2]] & plain_byte[(guchar) p[3]]))
        p += 4;
      while (p < end && plain_byte[(guchar) *p])
        p++;
      if (p >= end)
        break;
      if (*p == '\n')
        {
          p++;
          if (heading_marker_needs_space (p, end))
            return TRUE;
          continue;
        }
      if ((guchar) *p < 0x80)
        return TRUE; /* CR, NUL, a control character, DEL */
      {
        gunichar c = g_utf8_get_char_validated (p, end - p);

        if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0xFFFE || c == 0xFFFF)
          return TRUE;
        p = g_utf8_next_char (p);
      }
    }
  return FALSE;
}

/* Makes the text valid UTF-8 with LF line ends, reporting what it had to
 * replace; the line count stays that of the file. */
static char *
sanitize (AmendDocument *doc,
          const char    *data,
          gsize          len,
          gsize         *out_len)
{
  GString *out = g_string_sized_new (len + len / 64 + 16);
  const char *p = data;
  const char *end = data + len;
  guint line = 1;
  guint nul_line = 0, nul_count = 0;
  guint bad_line = 0, bad_count = 0;
  guint ctrl_line = 0, ctrl_count = 0;
  gboolean at_line_start = TRUE;
  gboolean in_fence = FALSE;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (at_line_start)
        {
          const char *s = p;

          at_line_start = FALSE;
          while (s < end && *s == ' ' && s - p < 3)
            s++;
          if (end - s >= 3 && (memcmp (s, "```", 3) == 0 || memcmp (s, "~~~", 3) == 0))
            in_fence = !in_fence;
          if (!in_fence)
            p += fix_heading_marker (out, p, end);
          if (p >= end)
            break;
        }

      if (*p == '\n' || *p == '\r')
        {
          g_string_append_c (out, '\n');
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          at_line_start = TRUE;
          continue;
        }
      if (*p == '\0')
        {
          if (nul_count++ == 0)
            nul_line = line;
          append_replacement (out);
          p++;
          continue;
        }

      /* Plain bytes go a stretch at a time; what needs a look (a line end,
       * NUL, a control character, a byte of a multi-byte character) one
       * by one. */
      {
        const char *q = p;

        /* Four bytes a step while all four are plain. */
        while (end - q >= 4 && (plain_byte[(guchar) q[0]] & plain_byte[(guchar) q[1]] &
                                plain_byte[(guchar) q[2]] & plain_byte[(guchar) q[3]]))
          q += 4;
        while (q < end && plain_byte[(guchar) *q])
          q++;
        if (q > p)
          {
            g_string_append_len (out, p, q - p);
            p = q;
            continue;
          }
      }
      if ((guchar) *p < 0x80)
        {
          /* A control character or DEL. */
          if (ctrl_count++ == 0)
            ctrl_line = line;
          append_replacement (out);
          p++;
          continue;
        }
      {
        gunichar c = g_utf8_get_char_validated (p, end - p);
        const char *next = (c == (gunichar) -1 || c == (gunichar) -2) ? NULL : g_utf8_next_char (p);

        if (next == NULL)
          {
            if (bad_count++ == 0)
              bad_line = line;
            append_replacement (out);
            p++;
            continue;
          }
        if (c == 0xFFFE || c == 0xFFFF)
          {
            if (ctrl_count++ == 0)
              ctrl_line = line;
            append_replacement (out);
          }
        else
          g_string_append_len (out, p, next - p);
        p = next;
      }
    }

  if (nul_count > 0)
    amend_document_add_diagnostic (doc, AMEND_SEVERITY_ERROR, nul_line, NULL,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "the file contains %u NUL byte, so it is not a text file; it was replaced by \xEF\xBF\xBD",
                                                "the file contains %u NUL bytes, so it is not a text file; they were replaced by \xEF\xBF\xBD",
                                                nul_count),
                                   nul_count);
  if (ctrl_count > 0)
    amend_document_add_diagnostic (doc, AMEND_SEVERITY_ERROR, ctrl_line, NULL,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "the text contains %u control character or non-character (first on this line); it was replaced by \xEF\xBF\xBD",
                                                "the text contains %u control characters or non-characters (first on this line); they were replaced by \xEF\xBF\xBD",
                                                ctrl_count),
                                   ctrl_count);
  if (bad_count > 0)
    amend_document_add_diagnostic (doc, AMEND_SEVERITY_ERROR, bad_line, NULL,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u byte is not valid UTF-8 (first on this line); save the file as UTF-8",
                                                "%u bytes are not valid UTF-8 (first on this line); save the file as UTF-8",
                                                bad_count),
                                   bad_count);

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static const char *
next_line (const char  *p,
           const char  *end,
           gsize       *line_len)
{
  const char *nl = memchr (p, '\n', end - p);

  *line_len = (nl ? nl : end) - p;
  return nl ? nl + 1 : end;
}

/* Splits off the front matter; returns where the body starts. */
static const char *
read_front_matter (Reader     *r,
                   const char *text,
                   gsize       len)
{
  const char *end = text + len;
  const char *p;
  gsize line_len;
  guint lines = 1;

  p = next_line (text, end, &line_len);
  if (line_len != 3 || memcmp (text, "---", 3) != 0)
    return text;

  for (const char *q = p; q < end; )
    {
      const char *line = q;

      q = next_line (q, end, &line_len);
      lines++;
      if ((line_len == 3 && memcmp (line, "---", 3) == 0) ||
          (line_len == 3 && memcmp (line, "...", 3) == 0))
        {
          for (const char *e = p; e < line; )
            {
              const char *l = e;
              g_autofree char *copy = NULL;

              e = next_line (e, line, &line_len);
              copy = g_strndup (l, line_len);
              g_strchomp (copy);
              if (copy[0] != '\0')
                _amend_document_add_meta_raw (r->doc, copy);
            }
          r->line_offset = lines;
          return q;
        }
    }

  amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_ERROR, 1, NULL,
                                 _("the front matter that starts here is never closed; add a line with only --- after its last key"));
  return text;
}

/* An XML file given where Markdown is read (amend check, export, fmt of a
 * CVDR or STOP file) reads as one HTML block, which the reader drops: the
 * user would see an empty regulation and be asked for a title.  It is
 * said what the file is, and what to do with it. */
static gboolean
check_not_xml (Reader     *r,
               const char *text,
               gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  gsize head;

  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  head = MIN ((gsize) (end - p), 2048);
  if (!(head >= 5 && memcmp (p, "<?xml", 5) == 0) &&
      !(head >= 2 && p[0] == '<' && g_ascii_isalpha (p[1]) && g_strstr_len (p, head, "xmlns") != NULL))
    return FALSE;
  amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_ERROR, 1, NULL,
                                 _("this is an XML file, not a regulation in Markdown; if it is CVDR, STOP or Akoma "
                                   "Ntoso, turn it into Markdown first with amend import FILE -o FILE.md"));
  return TRUE;
}

static void
index_lines (Reader *r)
{
  gsize zero = 0;

  r->line_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), r->body_len / 32 + 16);
  g_array_append_val (r->line_starts, zero);
  for (const char *nl = memchr (r->body, '\n', r->body_len); nl != NULL;
       nl = memchr (nl + 1, '\n', r->body + r->body_len - nl - 1))
    {
      gsize next = nl + 1 - r->body;
      g_array_append_val (r->line_starts, next);
    }
}

static guint
file_line (Reader *r,
           int     body_line)
{
  return body_line > 0 ? (guint) body_line + r->line_offset : r->line_offset + 1;
}

/* ----------------------------------------------------------------------- */
/* Headings                                                                 */
/* ----------------------------------------------------------------------- */

static const char *
skip_spaces (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* Runs of white space become one space; NULL when nothing is left. */
static char *
collapse_spaces (const char *text)
{
  const char *p = skip_spaces (text);
  char *out = g_malloc (strlen (p) + 1);
  char *w = out;

  for (; *p; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          if (w > out && w[-1] != ' ')
            *w++ = ' ';
          continue;
        }
      *w++ = *p;
    }
  if (w > out && w[-1] == ' ')
    w--;
  *w = '\0';
  if (w == out)
    {
      g_free (out);
      return NULL;
    }
  return out;
}

/* Loose files separate number and title with a dash or a colon, or put
 * the colon at the start of the next heading line. */
static char *
normalize_heading (const char *text)
{
  const char *p = skip_spaces (text);

  if (strncmp (p, "- ", 2) == 0 || strncmp (p, "\xe2\x80\x93 ", 4) == 0 ||
      strncmp (p, "\xe2\x80\x94 ", 4) == 0 || strncmp (p, ": ", 2) == 0)
    p = strchr (p, ' ');
  return collapse_spaces (p);
}

typedef struct {
  AmendNodeKind kind;
  gboolean      section_sign;
  char         *number;
  char         *heading;
} HeadingInfo;

static void
heading_info_clear (HeadingInfo *info)
{
  g_clear_pointer (&info->number, g_free);
  g_clear_pointer (&info->heading, g_free);
}

/* A top-level heading as choose_nesting() read it: handle_heading() takes
 * it from there instead of reading it a second time. */
typedef struct {
  cmark_node  *node;
  char        *plain;
  gboolean     structural;
  HeadingInfo  info;
} Heading;

static void
heading_clear (gpointer data)
{
  Heading *h = data;

  g_free (h->plain);
  heading_info_clear (&h->info);
}

/* "Artikel 1:1 - Begripsbepalingen" -> article, "1:1", "Begripsbepalingen". */
static gboolean
classify_heading (const char  *text,
                  HeadingInfo *info)
{
  AmendHeading h;

  memset (info, 0, sizeof *info);
  if (!_amend_heading_classify (text, &h))
    return FALSE;
  info->kind = h.kind;
  info->section_sign = h.section_sign;
  info->number = h.number;
  info->heading = h.number ? normalize_heading (h.rest) : collapse_spaces (h.rest);
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Inlines                                                                  */
/* ----------------------------------------------------------------------- */

static void
collect_runs (Reader      *r,
              cmark_node  *block)
{
  cmark_iter *iter = cmark_iter_new (block);
  cmark_event_type ev;
  int emph = 0, strong = 0;
  const char *href = NULL;
  gboolean image = FALSE;

  g_array_set_size (r->runs, 0);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      int delta = ev == CMARK_EVENT_ENTER ? 1 : -1;
      TmpRun run = { 0 };

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_EMPH:
          emph += delta;
          continue;
        case CMARK_NODE_STRONG:
          strong += delta;
          continue;
        case CMARK_NODE_LINK:
          href = ev == CMARK_EVENT_ENTER ? cmark_node_get_url (node) : NULL;
          continue;
        case CMARK_NODE_IMAGE:
          href = ev == CMARK_EVENT_ENTER ? cmark_node_get_url (node) : NULL;
          image = ev == CMARK_EVENT_ENTER;
          continue;
        case CMARK_NODE_TEXT:
          run.marks = AMEND_MARK_NONE;
          break;
        case CMARK_NODE_CODE:
          run.marks = AMEND_MARK_CODE;
          break;
        case CMARK_NODE_HTML_INLINE:
          run.marks = AMEND_MARK_HTML;
          break;
        case CMARK_NODE_LINEBREAK:
          run.marks = AMEND_MARK_BREAK;
          break;
        case CMARK_NODE_SOFTBREAK:
          run.soft = TRUE;
          break;
        default:
          continue;
        }
      if (emph > 0)
        run.marks |= AMEND_MARK_EMPH;
      if (strong > 0)
        run.marks |= AMEND_MARK_STRONG;
      if (href && !(run.marks & (AMEND_MARK_BREAK | AMEND_MARK_HTML)) && !run.soft)
        {
          run.marks |= image ? AMEND_MARK_IMAGE : AMEND_MARK_LINK;
          run.href = href;
        }
      run.text = cmark_node_get_literal (node);
      run.text = run.text ? run.text : "";
      run.len = strlen (run.text);
      g_array_append_val (r->runs, run);
    }
  cmark_iter_free (iter);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n';
}

/* The space between two runs takes only the marks both share: "*a* *b*"
 * must not become "*a * b*", nor "* a*" appear. */
static void
add_shared_space (AmendNode    *node,
                  const TmpRun *run)
{
  const AmendRun *prev = node->runs && node->runs->len > 0
    ? &g_array_index (node->runs, AmendRun, node->runs->len - 1) : NULL;
  AmendMarks shared = prev ? prev->marks & run->marks : AMEND_MARK_NONE;

  if (prev == NULL || g_strcmp0 (prev->href, run->href) != 0)
    shared &= ~(AMEND_MARK_LINK | AMEND_MARK_IMAGE);
  shared &= ~(AMEND_MARK_CODE | AMEND_MARK_HTML | AMEND_MARK_BREAK);
  amend_node_add_run (node, " ", 1, shared, (shared & AMEND_MARK_LINK) ? run->href : NULL);
}

/* Adds runs[from..to) to @node as text: white space collapsed, the ends
 * trimmed, line breaks at the ends dropped.  Words are copied a stretch at
 * a time into one reused buffer. */
/* The collected runs; never an offset from a NULL array. */
static TmpRun *
run_array (Reader *r)
{
  static TmpRun none;

  return r->runs->len > 0 ? (TmpRun *) r->runs->data : &none;
}

static void
emit_runs (GString   *buf,
           AmendNode *node,
           TmpRun    *runs,
           guint      from,
           guint      to,
           gsize      skip)
{
  gboolean need_space = FALSE;
  gboolean any = FALSE;
  gboolean after_break = FALSE;

  while (to > from && (runs[to - 1].marks & AMEND_MARK_BREAK || runs[to - 1].soft))
    to--;

  for (guint i = from; i < to; i++)
    {
      TmpRun *run = &runs[i];
      const char *t = run->text + (i == from ? skip : 0);
      const char *end = run->text + run->len;

      if (run->soft)
        {
          need_space = any;
          continue;
        }
      if (run->marks & AMEND_MARK_BREAK)
        {
          if (any)
            amend_node_add_run (node, "", 0, AMEND_MARK_BREAK, NULL);
          need_space = FALSE;
          after_break = TRUE;
          continue;
        }
      if (run->marks & (AMEND_MARK_CODE | AMEND_MARK_HTML))
        {
          g_autofree char *one_line = g_strndup (t, end - t);

          if (need_space)
            amend_node_add_run (node, " ", 1, AMEND_MARK_NONE, NULL);
          /* A tag broken over lines would be written with a line break in it. */
          g_strdelimit (one_line, "\n", ' ');
          amend_node_add_run (node, one_line, -1, run->marks, run->href);
          need_space = FALSE;
          any = TRUE;
          after_break = FALSE;
          continue;
        }

      g_string_truncate (buf, 0);
      {
        const char *word = t;
        gboolean pending = FALSE;
        char *w;

        while (word < end && is_space (*word))
          word++;
        /* A line starts with its first word, also after a line break. */
        if (word > t && any && !after_break)
          need_space = TRUE;
        if (word == end)
          continue;
        if (need_space)
          {
            if (run->marks == AMEND_MARK_NONE)
              g_string_append_c (buf, ' ');
            else
              add_shared_space (node, run);
            need_space = FALSE;
          }
        /* The words, white space between them collapsed to one space. */
        g_string_set_size (buf, buf->len + (end - word));
        w = buf->str + buf->len - (end - word);
        /* Usually there is nothing to collapse but a space at the end: the
         * words are copied whole (a run's text ends at its NUL). */
        t = word;
        if (*end == '\0' && strpbrk (word, "\t\n") == NULL && strstr (word, "  ") == NULL)
          {
            gsize n = end - word;

            pending = word[n - 1] == ' ';
            memcpy (w, word, n - pending);
            w += n - pending;
            t = end;
          }
        for (; t < end; t++)
          {
            if (is_space (*t))
              {
                pending = TRUE;
                continue;
              }
            if (pending)
              *w++ = ' ';
            pending = FALSE;
            *w++ = *t;
          }
        g_string_truncate (buf, w - buf->str);
        need_space = pending;
      }
      if (buf->len > 0)
        {
          amend_node_add_run (node, buf->str, buf->len, run->marks, run->href);
          any = TRUE;
          after_break = FALSE;
        }
    }
}

/* ----------------------------------------------------------------------- */
/* Labels of members and points                                             */
/* ----------------------------------------------------------------------- */

static gboolean
is_roman (const char *s,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (strchr ("ivxlc", s[i]) == NULL)
      return FALSE;
  return len > 0 && len <= 5;
}

/* "(1)", "(2A)" (members, or points among points), "(a)", "(aa)", "(iv)"
 * (points): the labels of acts from elsewhere (Akoma Ntoso from Laws.Africa
 * and the like), kept as written. */
static LabelKind
match_paren_label (const char *s,
                   gsize       len,
                   gboolean    numbers_are_points,
                   gsize      *end)
{
  gsize i = 1;
  LabelKind kind;

  if (i < len && g_ascii_isdigit (s[i]))
    {
      while (i < len && g_ascii_isdigit (s[i]) && i < 5)
        i++;
      while (i < len && g_ascii_isalpha (s[i]) && i < 7)
        i++;
      kind = numbers_are_points ? LABEL_POINT : LABEL_MEMBER;
    }
  else
    {
      while (i < len && g_ascii_islower (s[i]) && i < 6)
        i++;
      if (i == 1 || (i > 3 && !is_roman (s + 1, i - 1)))
        return LABEL_NONE;
      kind = LABEL_POINT;
    }
  if (i >= len || s[i] != ')')
    return LABEL_NONE;
  *end = i + 1;
  return kind;
}

/* Recognizes "2.", "2a." (members), "a.", "aa.", "a)", "1°", "1°.", "1e.",
 * "iv." (points) at the start of @s.  @label_len is the label as written,
 * @skip what to strip with the space after it. */
static LabelKind
match_label (const char *s,
             gsize       len,
             gboolean    numbers_are_points,
             gsize      *label_len,
             gsize      *skip)
{
  gsize i = 0;
  LabelKind kind = LABEL_NONE;

  if (len == 0)
    return LABEL_NONE;

  if (s[0] == '(')
    kind = match_paren_label (s, len, numbers_are_points, &i);
  else if (g_ascii_isdigit (s[0]))
    {
      while (i < len && g_ascii_isdigit (s[i]) && i < 4)
        i++;
      if (i + 1 < len && (guchar) s[i] == 0xC2 && (guchar) s[i + 1] == 0xB0) /* ° */
        {
          i += 2;
          if (i < len && s[i] == '.')
            i++;
          kind = LABEL_POINT;
        }
      else if (i + 1 < len && s[i] == 'e' && s[i + 1] == '.')
        {
          i += 2;
          kind = LABEL_POINT;
        }
      else
        {
          gsize letters = 0;

          while (i < len && g_ascii_islower (s[i]) && letters < 2)
            {
              i++;
              letters++;
            }
          if (i < len && (s[i] == '.' || (s[i] == ')' && numbers_are_points)))
            {
              i++;
              kind = numbers_are_points ? LABEL_POINT : LABEL_MEMBER;
            }
        }
    }
  else if (g_ascii_islower (s[0]))
    {
      while (i < len && g_ascii_islower (s[i]) && i < 5)
        i++;
      if (i < len && (s[i] == '.' || s[i] == ')') && (i <= 2 || is_roman (s, i)))
        {
          i++;
          kind = LABEL_POINT;
          /* "g.Gemeenschappelijk", "a.voor": a loose file forgot the
           * space; "d.w.z." and "i.v.m." are abbreviations, not labels. */
          if (i == 2 && i < len && g_ascii_isalpha (s[i]) &&
              !(i + 1 < len && s[i + 1] == '.') && !(i + 2 < len && s[i + 2] == '.'))
            {
              *label_len = i;
              *skip = i;
              return kind;
            }
        }
    }

  else if (g_ascii_isupper (s[0]) && len >= 2 && (s[1] == '.' || s[1] == ')'))
    {
      /* "A. binnen ... te brengen;" (Opiumwet, artikel 2) */
      i = 2;
      kind = LABEL_POINT;
    }

  if (kind == LABEL_NONE || (i < len && !is_space (s[i])))
    return LABEL_NONE;

  *label_len = i;
  while (i < len && is_space (s[i]))
    i++;
  *skip = i;
  return kind;
}

/* The length of the label that @text starts with, 0 for none. */
gsize
_amend_match_label (const char *text,
                    gsize       len)
{
  gsize label_len = 0, skip = 0;

  if (match_label (text, len, TRUE, &label_len, &skip) != LABEL_NONE ||
      match_label (text, len, FALSE, &label_len, &skip) != LABEL_NONE)
    return label_len;
  return 0;
}

static LabelClass
label_class (const char *label)
{
  gsize len;

  if (label[0] == '(')
    label++;
  len = strlen (label);

  if (len == 0)
    return CLASS_OTHER;
  if (strstr (label, "\xc2\xb0") || (len >= 3 && label[len - 2] == 'e' && g_ascii_isdigit (label[0])))
    return CLASS_ORDINAL;
  if (g_ascii_isdigit (label[0]))
    return CLASS_NUMBER;
  if (g_ascii_isupper (label[0]))
    return CLASS_UPPER;
  while (len > 0 && (label[len - 1] == '.' || label[len - 1] == ')'))
    len--;
  if (is_roman (label, len) && !(len == 1 && label[0] != 'i'))
    return CLASS_ROMAN;
  return CLASS_LETTER;
}

/* "i." right after "h." is a letter: a run of letters decides. */
static gboolean
continues_letters (const char *label,
                   const char *before)
{
  if (before == NULL || (label[0] == '(') != (before[0] == '('))
    return FALSE;
  if (label[0] == '(')
    label++, before++;
  return strlen (label) == 2 && strlen (before) == 2 &&
         label[1] == before[1] && before[0] + 1 == label[0] && g_ascii_islower (before[0]);
}

static AmendNode *
previous_point (AmendNode *point)
{
  AmendNode *parent = point->parent;
  gint pos = parent ? amend_node_index (point) : -1;

  if (pos <= 0)
    return NULL;
  point = amend_node_child (parent, pos - 1);
  return point->kind == AMEND_NODE_POINT ? point : NULL;
}

/* The class of a point already read, by the point before it. */
static LabelClass
point_class (AmendNode *point)
{
  LabelClass cls = label_class (point->number);
  AmendNode *before;

  if (cls == CLASS_ROMAN && (before = previous_point (point)) != NULL &&
      continues_letters (point->number, before->number))
    return CLASS_LETTER;
  return cls;
}

/* The class of a new label that would follow the points of @chain (the
 * last point at each depth): "i." after an "h." at any depth is a letter. */
static LabelClass
label_class_in_chain (const char *label,
                      GPtrArray  *chain)
{
  LabelClass cls = label_class (label);

  if (cls == CLASS_ROMAN)
    for (guint i = 0; i < chain->len; i++)
      {
        AmendNode *p = g_ptr_array_index (chain, i);
        if (p->number && continues_letters (label, p->number))
          return CLASS_LETTER;
      }
  return cls;
}

static AmendNode *
last_child_of_kind (AmendNode     *node,
                    AmendNodeKind  kind)
{
  guint n = amend_node_n_children (node);

  if (n > 0 && amend_node_child (node, n - 1)->kind == kind)
    return amend_node_child (node, n - 1);
  return NULL;
}

static void
extend_lines (AmendNode *node,
              guint      line)
{
  for (; node != NULL; node = node->parent)
    if (line > node->line_end)
      node->line_end = line;
}

static AmendNode *
add_child (AmendNode     *parent,
           AmendNodeKind  kind,
           guint          line)
{
  AmendNode *child = amend_node_new (kind);

  child->line_start = child->line_end = line;
  amend_node_append (parent, child);
  extend_lines (parent, line);
  return child;
}

/* Whether the text of @node (its last paragraph) ends in a colon: it
 * introduces a list. */
static gboolean
ends_with_colon (AmendNode *node)
{
  guint n = amend_node_n_children (node);
  AmendNode *text = n > 0 ? amend_node_child (node, n - 1) : NULL;
  const AmendRun *run;
  gsize len;

  if (text == NULL || text->kind != AMEND_NODE_TEXT || text->runs == NULL || text->runs->len == 0)
    return FALSE;
  run = &g_array_index (text->runs, AmendRun, text->runs->len - 1);
  len = strlen (run->text);
  while (len > 0 && run->text[len - 1] == ' ')
    len--;
  return len > 0 && run->text[len - 1] == ':';
}

/* Places a point written as a labelled paragraph: its label's class says
 * whether it continues a list that is open below @base or starts a deeper
 * one. */
static AmendNode *
place_point (AmendNode  *base,
             const char *label,
             guint       line)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  AmendNode *parent = base;
  AmendNode *point;
  LabelClass cls;

  for (AmendNode *n = last_child_of_kind (base, AMEND_NODE_POINT); n != NULL;
       n = last_child_of_kind (n, AMEND_NODE_POINT))
    {
      g_ptr_array_add (chain, n);
      if (chain->len >= MAX_NESTING)
        break;
    }

  cls = label_class_in_chain (label, chain);
  if (chain->len > 0)
    {
      parent = ((AmendNode *) g_ptr_array_index (chain, chain->len - 1));
      for (guint i = chain->len; i > 0; i--)
        {
          AmendNode *p = g_ptr_array_index (chain, i - 1);

          if (p->number && point_class (p) == cls)
            {
              parent = p->parent;
              break;
            }
        }
    }

  point = add_child (parent, AMEND_NODE_POINT, line);
  point->number = g_strdup (label);
  return point;
}

/* ----------------------------------------------------------------------- */
/* Blocks                                                                   */
/* ----------------------------------------------------------------------- */

typedef struct {
  AmendNode  *article;  /* the article the content is in, or NULL */
  AmendNode  *target;   /* where unlabelled text goes */
  gboolean    in_item;  /* inside a list item: text stays in it */
  MemberScan *scan;     /* the reader's, shared by every context */
} Context;

static AmendNode *
last_member (Context *ctx)
{
  MemberScan local = { ctx->article, 0, -1 };
  MemberScan *scan = ctx->scan ? ctx->scan : &local;
  guint n = amend_node_n_children (ctx->article);

  if (scan->article != ctx->article || scan->scanned > n)
    *scan = local;
  for (; scan->scanned < n; scan->scanned++)
    if (amend_node_child (ctx->article, scan->scanned)->kind == AMEND_NODE_MEMBER)
      scan->member = (int) scan->scanned;
  return scan->member >= 0 ? amend_node_child (ctx->article, scan->member) : NULL;
}

static AmendNode *
text_target (Context *ctx)
{
  AmendNode *member;

  if (ctx->in_item || ctx->target != ctx->article)
    return ctx->target;
  /* Once an article has members, what follows them belongs to the last. */
  member = last_child_of_kind (ctx->article, AMEND_NODE_MEMBER);
  if (member == NULL && amend_node_n_children (ctx->article) > 0)
    {
      AmendNode *last = amend_node_child (ctx->article, amend_node_n_children (ctx->article) - 1);
      if (last->kind == AMEND_NODE_TEXT || last->kind == AMEND_NODE_POINT)
        member = last_member (ctx);
    }
  return member ? member : ctx->article;
}

/* An article takes members when it has none of its own text yet, or has
 * members already; after text or points, "1." numbers points. */
static gboolean
members_allowed (AmendNode *article)
{
  guint n = amend_node_n_children (article);

  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (amend_node_child (article, i)->kind == AMEND_NODE_MEMBER)
      return TRUE;
  return FALSE;
}

/* The deepest last point under the last member of @article, or under the
 * article: the list a loose numbered line may continue. */
static AmendNode *
deepest_point (AmendNode *article)
{
  AmendNode *node = last_child_of_kind (article, AMEND_NODE_MEMBER);
  AmendNode *deepest = NULL;
  guint depth = 0;

  node = node ? node : article;
  while ((node = last_child_of_kind (node, AMEND_NODE_POINT)) != NULL && depth++ < MAX_NESTING)
    deepest = node;
  return deepest;
}

static gboolean
has_member_numbered (AmendNode *article,
                     guint64    value)
{
  for (guint i = 0; i < amend_node_n_children (article); i++)
    {
      AmendNode *c = amend_node_child (article, i);
      guint64 number;

      if (c->kind == AMEND_NODE_MEMBER && c->number &&
          g_ascii_string_to_unsigned (c->number, 10, 1, G_MAXUINT32, &number, NULL) && number == value)
        return TRUE;
    }
  return FALSE;
}

/* Whether @point was written as a bullet item ("- 1\\."): the canonical
 * form, whose numbered points never go on in a member's numbered line. */
static gboolean
written_as_bullet (Reader    *r,
                   AmendNode *point)
{
  guint body_line = point->line_start - r->line_offset;
  const char *p;

  if (body_line < 1 || body_line > r->line_starts->len)
    return FALSE;
  p = r->body + g_array_index (r->line_starts, gsize, body_line - 1);
  while (p < r->body + r->body_len && *p == ' ')
    p++;
  return p < r->body + r->body_len && strchr ("-*+", *p) != NULL;
}

/* A loose "2." in an article is a member, unless a run of numbered points
 * decides otherwise: it continues the points 1., 2., ... of the list that
 * is open below the last member (the inner list wins), and a "1." that
 * would repeat a member after a text ending in a colon starts such a list
 * ("c. ... een overeenkomst met:" then "1. een ander ...").  @label is the
 * member label as written, "2." or "2". */
static gboolean
numbers_a_point (Reader     *r,
                 AmendNode  *article,
                 const char *label)
{
  AmendNode *deep = deepest_point (article);
  AmendNode *member = last_child_of_kind (article, AMEND_NODE_MEMBER);
  char *end = NULL;
  guint64 value = g_ascii_isdigit (label[0]) ? g_ascii_strtoull (label, &end, 10) : 0;

  if (member == NULL || value == 0 || (*end != '\0' && *end != '.' && *end != ')'))
    return FALSE;
  if (deep != NULL && written_as_bullet (r, deep))
    return FALSE;
  if (deep != NULL && deep->number && label_class (deep->number) == CLASS_NUMBER &&
      g_ascii_strtoull (deep->number, NULL, 10) + 1 == value)
    return TRUE;
  return value == 1 && has_member_numbered (article, value) && ends_with_colon (deep ? deep : member);
}

/* Labels are recognized in the source as written, not in cmark's text:
 * the writer escapes text that only looks like a label ("a\\. ...",
 * "&#49;° ..."), and that must not become a point when read back.
 * @column 0 means: after the line's indentation. */
static gboolean
source_has_label (Reader   *r,
                  guint     file_line_number,
                  int       column,
                  gboolean  in_item)
{
  guint body_line = file_line_number - r->line_offset;
  gsize start, end, label_len, skip;
  const char *p;

  if (body_line < 1 || body_line > r->line_starts->len)
    return FALSE;
  start = g_array_index (r->line_starts, gsize, body_line - 1);
  end = body_line < r->line_starts->len ? g_array_index (r->line_starts, gsize, body_line) : r->body_len;
  p = r->body + start + (column > 0 ? column - 1 : 0);
  if (p >= r->body + end)
    return FALSE;
  while (p < r->body + end && (*p == ' ' || *p == '\t'))
    p++;
  /* "- 1\\." is how the writer keeps a numbered point from becoming a list. */
  if (in_item)
  {
    const char *q = p;
    while (q < r->body + end && g_ascii_isdigit (*q))
      q++;
    if (q > p && q + 1 < r->body + end && q[0] == '\\' && (q[1] == '.' || q[1] == ')'))
      return TRUE;
  }
  return match_label (p, r->body + end - p, TRUE, &label_len, &skip) != LABEL_NONE ||
         match_label (p, r->body + end - p, FALSE, &label_len, &skip) != LABEL_NONE;
}

/* One piece of a paragraph: a stretch between line breaks that starts with
 * a label, or the paragraph's first stretch. */
static AmendNode *
handle_piece (Reader   *r,
              Context  *ctx,
              guint     from,
              guint     to,
              guint     line,
              gboolean  first_in_item,
              gboolean  label_in_source)
{
  TmpRun *runs = run_array (r);
  TmpRun *head = NULL;
  gsize label_len = 0, skip = 0;
  LabelKind kind = LABEL_NONE;
  AmendNode *text;
  guint k;

  for (k = from; k < to; k++)
    if (!runs[k].soft && !(runs[k].marks & AMEND_MARK_BREAK))
      break;
  if (k == to)
    return NULL;
  head = &runs[k];

  {
    gsize lead = 0;
    while (lead < head->len && is_space (head->text[lead]))
      lead++;
    if (ctx->article && !first_in_item && label_in_source && head->marks == AMEND_MARK_NONE)
      kind = match_label (head->text + lead, head->len - lead,
                          ctx->target->kind == AMEND_NODE_POINT && ctx->in_item,
                          &label_len, &skip);
    if (kind != LABEL_NONE)
      {
        g_autofree char *label = g_strndup (head->text + lead, label_len);
        skip += lead;

        if (kind == LABEL_MEMBER && (!members_allowed (ctx->article) || numbers_a_point (r, ctx->article, label)))
          kind = LABEL_POINT;
        if (kind == LABEL_MEMBER)
          {
            AmendNode *member = add_child (ctx->article, AMEND_NODE_MEMBER, line);

            if (label[0] != '(')
              label[label_len - 1] = '\0'; /* the number, without its period */
            member->number = g_steal_pointer (&label);
            ctx->target = member;
            ctx->in_item = FALSE;
            text = add_child (member, AMEND_NODE_TEXT, line);
          }
        else
          {
            AmendNode *base = ctx->in_item ? ctx->target : text_target (ctx);
            AmendNode *point;

            if (base->kind == AMEND_NODE_POINT)
              base = base->parent;
            point = place_point (base, label, line);
            text = add_child (point, AMEND_NODE_TEXT, line);
          }
        emit_runs (r->buf, text, runs, k, to, skip);
        if (text->runs == NULL)
          {
            amend_node_free (text);
            return NULL;
          }
        return text;
      }
  }

  {
    AmendNode *target = text_target (ctx);

    /* Text after the points of a point-free target, in a loose file, goes
     * back to the member or article, not into the last point. */
    text = add_child (target, AMEND_NODE_TEXT, line);
    emit_runs (r->buf, text, runs, from, to, 0);
    if (text->runs == NULL)
      {
        amend_node_free (text);
        return NULL;
      }
    return text;
  }
}

/* A piece ends on the line before the next one starts. */
static void
end_piece (AmendNode *node,
           guint      last_line)
{
  if (node != NULL)
    extend_lines (node, MAX (last_line, node->line_start));
}

static gboolean
line_ends_with_backslash (Reader *r,
                          guint   file_line_number)
{
  guint body_line = file_line_number - r->line_offset; /* 1-based */
  gsize end;

  if (body_line < 1 || body_line >= r->line_starts->len)
    return FALSE;
  end = g_array_index (r->line_starts, gsize, body_line); /* the next line's start */
  return end >= 2 && r->body[end - 2] == '\\';
}

static void
handle_paragraph (Reader     *r,
                  Context    *ctx,
                  cmark_node *para,
                  gboolean    first_in_item,
                  gsize       first_skip)
{
  guint line = file_line (r, cmark_node_get_start_line (para));
  guint start = 0;
  guint piece_line = line;
  gboolean label_in_source = source_has_label (r, line, cmark_node_get_start_column (para), FALSE);
  TmpRun *runs;

  collect_runs (r, para);
  runs = run_array (r);
  if (first_skip > 0 && r->runs->len > 0)
    {
      runs[0].text += MIN (first_skip, runs[0].len);
      runs[0].len -= MIN (first_skip, runs[0].len);
    }

  for (guint i = 0; i < r->runs->len; i++)
    {
      gsize label_len, skip;
      TmpRun *next;

      if (!(runs[i].soft || runs[i].marks & AMEND_MARK_BREAK))
        continue;
      /* Canonical files write a line break as a backslash, loose ones as two
       * spaces; only the loose kind starts a member or point ("1.   ...  \n2. ..."). */
      if (runs[i].marks & AMEND_MARK_BREAK && line_ends_with_backslash (r, line))
        {
          line++;
          continue;
        }
      line++;
      if (ctx->article == NULL || i + 1 >= r->runs->len)
        continue;
      next = &runs[i + 1];
      if (next->marks != AMEND_MARK_NONE || next->soft)
        continue;
      if (match_label (next->text, next->len, TRUE, &label_len, &skip) == LABEL_NONE &&
          match_label (next->text, next->len, FALSE, &label_len, &skip) == LABEL_NONE)
        continue;
      if (runs[i].marks & AMEND_MARK_BREAK && !source_has_label (r, line, 0, FALSE))
        continue;
      end_piece (handle_piece (r, ctx, start, i, piece_line, first_in_item, label_in_source), line - 1);
      first_in_item = FALSE;
      label_in_source = TRUE;
      start = i + 1;
      piece_line = line;
    }
  end_piece (handle_piece (r, ctx, start, r->runs->len, piece_line, first_in_item, label_in_source),
             file_line (r, cmark_node_get_end_line (para)));
}

/* A heading is one line: a hard break in a setext heading is a space. */
static void
soften_breaks (Reader *r)
{
  for (guint k = 0; k < r->runs->len; k++)
    {
      TmpRun *run = &g_array_index (r->runs, TmpRun, k);
      if (run->marks & AMEND_MARK_BREAK)
        {
          run->marks = AMEND_MARK_NONE;
          run->soft = TRUE;
        }
    }
}

/* The text of a heading's runs, as classify_heading() reads it: a line
 * break is a space, inline HTML is not text. */
static char *
plain_of_runs (Reader *r)
{
  GString *plain = g_string_new (NULL);

  for (guint k = 0; k < r->runs->len; k++)
    {
      TmpRun *run = &g_array_index (r->runs, TmpRun, k);

      if (run->soft || run->marks & AMEND_MARK_BREAK)
        g_string_append_c (plain, ' ');
      else if (!(run->marks & AMEND_MARK_HTML))
        g_string_append_len (plain, run->text, run->len);
    }
  return g_string_free (plain, FALSE);
}

/* Adds @raw as one unmarked run, white space collapsed as in any paragraph. */
static void
add_plain_text (AmendNode  *text,
                const char *raw)
{
  GString *s = g_string_new (NULL);

  for (const char *p = raw; *p; p++)
    {
      if (is_space (*p) || *p == '\r')
        {
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
          continue;
        }
      g_string_append_c (s, *p);
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  if (s->len > 0)
    amend_node_add_run (text, s->str, s->len, AMEND_MARK_NONE, NULL);
  g_string_free (s, TRUE);
}

/* Keeps the text of a block nested too deep to be structure. */
static void
flatten_block (Reader     *r,
               AmendNode  *target,
               cmark_node *block)
{
  AmendNode *text = add_child (target, AMEND_NODE_TEXT, file_line (r, cmark_node_get_start_line (block)));
  cmark_iter *iter = cmark_iter_new (block);
  cmark_event_type ev;
  GString *buf = g_string_new (NULL);

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *lit;

      if (ev != CMARK_EVENT_ENTER)
        continue;
      lit = cmark_node_get_literal (node);
      if (lit && cmark_node_get_type (node) != CMARK_NODE_HTML_BLOCK)
        {
          if (buf->len > 0)
            g_string_append_c (buf, ' ');
          g_string_append (buf, lit);
        }
    }
  cmark_iter_free (iter);
  add_plain_text (text, buf->str);
  if (text->runs == NULL)
    amend_node_free (text);
  g_string_free (buf, TRUE);

  if (!r->warned_depth)
    {
      r->warned_depth = TRUE;
      amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING,
                                     file_line (r, cmark_node_get_start_line (block)), NULL,
                                     _("lists or quotes are nested more than %d deep here; the deeper levels are kept as plain text"),
                                     MAX_NESTING);
    }
}

static void handle_blocks (Reader *r, Context *ctx, cmark_node *parent, int depth, gboolean item);

/* The number as written in the source: cmark keeps only a list's start. */
static char *
item_marker (Reader     *r,
             cmark_node *item,
             int         fallback)
{
  int line = cmark_node_get_start_line (item);
  int col = cmark_node_get_start_column (item);
  gsize off, i;

  if (line >= 1 && (guint) line <= r->line_starts->len && col >= 1)
    {
      off = g_array_index (r->line_starts, gsize, line - 1) + col - 1;
      i = off;
      while (i < r->body_len && g_ascii_isdigit (r->body[i]) && i - off < 9)
        i++;
      if (i > off)
        return g_strndup (r->body + off, i - off);
    }
  return g_strdup_printf ("%d", fallback);
}

/* Returns what the item became. */
static AmendNode *
handle_item (Reader     *r,
             Context    *outer,
             cmark_node *list,
             cmark_node *item,
             int         index,
             gboolean    after_point,
             int         depth)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  cmark_node *first = cmark_node_first_child (item);
  guint line = file_line (r, cmark_node_get_start_line (item));
  Context ctx = *outer;
  AmendNode *node;
  gsize skip = 0;

  g_autofree char *number = ordered ? item_marker (r, item, cmark_node_get_list_start (list) + index) : NULL;
  gboolean at_article = outer->article && outer->target == outer->article && !outer->in_item;

  /* Within one list, an item after a member is a member: a run of points
   * is only where the list starts, or goes on after a point. */
  if (ordered && at_article && members_allowed (outer->article) &&
      !((index == 0 || after_point) && numbers_a_point (r, outer->article, number)))
    {
      node = add_child (outer->article, AMEND_NODE_MEMBER, line);
      node->number = g_steal_pointer (&number);
    }
  else if (ordered && at_article)
    {
      /* Only loose files have a numbered list here (the writer escapes a
       * numbered point, "- 1\\."): its items are placed by their run. */
      g_autofree char *label = g_strdup_printf ("%s%c", number, cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? ')' : '.');

      node = place_point (text_target (outer), label, line);
    }
  else
    {
      AmendNode *base = outer->article && !outer->in_item ? text_target (outer) : outer->target;
      g_autofree char *label = NULL;

      if (ordered)
        label = g_strdup_printf ("%s%c", number, cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? ')' : '.');
      else if (first && cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
        {
          cmark_node *t = cmark_node_first_child (first);
          const char *lit = t && cmark_node_get_type (t) == CMARK_NODE_TEXT ? cmark_node_get_literal (t) : NULL;
          gsize label_len;

          if (lit && match_label (lit, strlen (lit), TRUE, &label_len, &skip) != LABEL_NONE &&
              source_has_label (r, file_line (r, cmark_node_get_start_line (first)), cmark_node_get_start_column (first), TRUE))
            label = g_strndup (lit, label_len);
          else
            skip = 0;
        }
      node = add_child (base, AMEND_NODE_POINT, line);
      node->number = g_steal_pointer (&label);
    }

  ctx.target = node;
  ctx.in_item = TRUE;
  if (first && cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    {
      handle_paragraph (r, &ctx, first, TRUE, skip);
      first = cmark_node_next (first);
    }
  for (cmark_node *b = first; b != NULL; b = cmark_node_next (b))
    {
      if (depth >= MAX_NESTING)
        flatten_block (r, node, b);
      else
        {
          Context inner = ctx;
          inner.target = node;
          inner.in_item = TRUE;
          handle_blocks (r, &inner, b, depth + 1, TRUE);
        }
    }
  return node;
}

static void
handle_list (Reader     *r,
             Context    *ctx,
             cmark_node *list,
             int         depth)
{
  gboolean after_point = FALSE;
  int index = 0;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    after_point = handle_item (r, ctx, list, item, index++, after_point, depth)->kind == AMEND_NODE_POINT;
}

static void
handle_code_block (Reader     *r,
                   Context    *ctx,
                   cmark_node *block)
{
  guint line = file_line (r, cmark_node_get_start_line (block));
  AmendNode *text = add_child (text_target (ctx), AMEND_NODE_TEXT, line);
  g_auto(GStrv) lines = g_strsplit (cmark_node_get_literal (block), "\n", -1);

  /* Each non-empty line of the block is a line of the text. */
  for (guint i = 0; lines[i]; i++)
    {
      guint before = text->runs ? text->runs->len : 0;

      if (before > 0)
        amend_node_add_run (text, "", 0, AMEND_MARK_BREAK, NULL);
      add_plain_text (text, lines[i]);
      if (text->runs && text->runs->len == before + 1 && before > 0)
        g_array_set_size (text->runs, before); /* an empty line: no break */
    }
  if (text->runs == NULL || text->runs->len == 0)
    amend_node_free (text);
  else
    extend_lines (text, file_line (r, cmark_node_get_end_line (block)));
  amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING, line, NULL,
                                 _("a code block has no place in a regulation; its lines are kept as text"));
}

/* Handles @block, a child of a container (the document, a list item or a
 * quote): @ctx says where its content goes. */
static void
handle_blocks (Reader     *r,
               Context    *ctx,
               cmark_node *block,
               int         depth,
               gboolean    item)
{
  guint line = file_line (r, cmark_node_get_start_line (block));

  switch (cmark_node_get_type (block))
    {
    case CMARK_NODE_PARAGRAPH:
      handle_paragraph (r, ctx, block, FALSE, 0);
      break;
    case CMARK_NODE_LIST:
      handle_list (r, ctx, block, depth);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      if (depth >= MAX_NESTING)
        {
          flatten_block (r, text_target (ctx), block);
          break;
        }
      amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING, line, NULL,
                                     _("a block quote has no place in a regulation; its text is kept without the quote"));
      for (cmark_node *b = cmark_node_first_child (block); b != NULL; b = cmark_node_next (b))
        handle_blocks (r, ctx, b, depth + 1, item);
      break;
    case CMARK_NODE_CODE_BLOCK:
      handle_code_block (r, ctx, block);
      break;
    case CMARK_NODE_HEADING:
      {
        /* A heading inside a list item or quote cannot open structure; one
         * that reads as structure ("Artikel 5") is kept as a paragraph, or
         * it would be read back as an article. */
        AmendNode *text = add_child (text_target (ctx), AMEND_NODE_TEXT, line);
        HeadingInfo info;
        g_autofree char *plain = NULL;

        collect_runs (r, block);
        plain = plain_of_runs (r);
        soften_breaks (r);
        if (classify_heading (plain, &info))
          heading_info_clear (&info);
        else
          text->heading_level = cmark_node_get_heading_level (block);
        emit_runs (r->buf, text, run_array (r), 0, r->runs->len, 0);
        if (text->runs == NULL)
          amend_node_free (text);
      }
      break;
    case CMARK_NODE_HTML_BLOCK:
      amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING, line, NULL,
                                     _("an HTML block was left out: a regulation holds text, not HTML"));
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING, line, NULL,
                                     _("a horizontal rule was left out: structure comes from headings"));
      break;
    default:
      break;
    }
}

/* ----------------------------------------------------------------------- */
/* Structure                                                                */
/* ----------------------------------------------------------------------- */

static gboolean
is_zone (AmendNodeKind kind)
{
  return kind == AMEND_NODE_EXPLANATION || kind == AMEND_NODE_CLOSING;
}

static gboolean
is_top_kind (AmendNodeKind kind)
{
  return kind == AMEND_NODE_ANNEX || is_zone (kind);
}

static gboolean
is_division_kind (AmendNodeKind kind)
{
  return kind == AMEND_NODE_CHAPTER || kind == AMEND_NODE_TITLE ||
         kind == AMEND_NODE_DIVISION || kind == AMEND_NODE_SECTION;
}

static OpenNode *
top (Reader *r)
{
  return &g_array_index (r->open, OpenNode, r->open->len - 1);
}

/* Loose files write every division and article at one heading level; then
 * the kinds rank by first appearance.  That is decided by the level, not
 * for the whole file: the level that holds most part headings is flat when
 * it holds divisions as well as articles, its divisions are followed by
 * headings of their own level more often than by deeper ones, and the file
 * does not start its parts at level 1 (the canonical form does, and nests
 * by level).  A heading at a deeper level in such a file ("####Afdeling
 * 5.1a.1" among "###") ranks like the others; a shallower one nests by its
 * level.  Headings in a Toelichting or an Ondertekening do not count: they
 * are text there. */
typedef struct {
  guint    parts;
  guint    flat;     /* divisions followed by a part heading of their level */
  guint    deeper;   /* ... by a deeper one */
  gboolean division;
  gboolean article;
} LevelCount;

static void
count_heading (Reader       *r,
               LevelCount   *levels,
               const HeadingInfo *info,
               int           level,
               int          *next_rank)
{
  LevelCount *at = &levels[level];

  at->parts++;
  if (is_division_kind (info->kind))
    {
      at->division = TRUE;
      if (r->rank[info->kind] == G_MAXINT)
        r->rank[info->kind] = (*next_rank)++;
    }
  else
    at->article = TRUE;
}

static int
flat_level (const LevelCount *levels,
            int               min_level)
{
  int most = 0;

  for (int l = 1; l <= 6; l++)
    if (levels[l].parts > levels[most].parts)
      most = l;
  if (most == 0 || min_level < 2 || !levels[most].division || !levels[most].article ||
      levels[most].flat <= levels[most].deeper)
    return 0;
  return most;
}

static void
choose_nesting (Reader     *r,
                cmark_node *doc)
{
  LevelCount levels[7] = { { 0 } };
  gboolean in_zone = FALSE;
  int next_rank = 0;
  int min_level = 7;
  int division_level = 0;  /* of the part heading before, when a division */

  for (guint i = 0; i < AMEND_N_NODE_KINDS; i++)
    r->rank[i] = G_MAXINT;

  for (cmark_node *b = cmark_node_first_child (doc); b != NULL; b = cmark_node_next (b))
    {
      Heading h = { b, NULL, FALSE, { 0 } };
      HeadingInfo info;
      int level;

      if (cmark_node_get_type (b) != CMARK_NODE_HEADING)
        continue;
      collect_runs (r, b);
      h.plain = plain_of_runs (r);
      h.structural = classify_heading (h.plain, &h.info);
      info = h.info;
      g_array_append_val (r->headings, h);
      if (!h.structural)
        continue;
      level = cmark_node_get_heading_level (b);
      if (is_top_kind (info.kind))
        in_zone = is_zone (info.kind);
      else if (in_zone)
        continue;
      min_level = MIN (min_level, level);
      if (is_top_kind (info.kind))
        {
          division_level = 0;
          continue;
        }
      if (division_level == level)
        levels[level].flat++;
      else if (division_level > 0 && level > division_level)
        levels[division_level].deeper++;
      division_level = is_division_kind (info.kind) ? level : 0;
      count_heading (r, levels, &info, level, &next_rank);
    }
  r->flat_level = flat_level (levels, min_level);
}

/* The level a heading counts at: in the flat part of a loose file, all
 * part headings are one level. */
static int
effective_level (Reader *r,
                 int     level)
{
  return r->flat_level > 0 && level >= r->flat_level ? r->flat_level : level;
}

/* Whether @t closes when a heading of @kind at @level (effective) opens. */
static gboolean
closes (Reader        *r,
        OpenNode      *t,
        AmendNodeKind  kind,
        int            level)
{
  if (is_zone (t->node->kind) || t->level > level)
    return TRUE;
  if (t->level < level)
    return FALSE;
  if (level != r->flat_level)
    return TRUE;
  if (kind == AMEND_NODE_ARTICLE)
    return t->node->kind == AMEND_NODE_ARTICLE;
  return t->node->kind == AMEND_NODE_ARTICLE ||
         (is_division_kind (t->node->kind) && r->rank[t->node->kind] >= r->rank[kind]);
}

static void
open_structure (Reader            *r,
                const HeadingInfo *info,
                int                level,
                guint              line)
{
  OpenNode open;
  AmendNode *node;
  int counted = effective_level (r, level);

  if (is_top_kind (info->kind))
    g_array_set_size (r->open, 1);
  else
    while (r->open->len > 1 && closes (r, top (r), info->kind, counted))
      g_array_set_size (r->open, r->open->len - 1);

  node = add_child (top (r)->node, info->kind, line);
  node->number = g_strdup (info->number);
  node->heading = g_strdup (info->heading);
  if (info->section_sign)
    node->word = g_strdup ("\xc2\xa7");
  open.node = node;
  open.level = counted;
  g_array_append_val (r->open, open);

  if (info->number == NULL && (info->kind == AMEND_NODE_ARTICLE || is_division_kind (info->kind)))
    amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING, line, NULL,
                                   _("this %s heading has no number; write it as \xe2\x80\x9c%s 1\xe2\x80\x9d"),
                                   amend_node_kind_word (info->kind), amend_node_kind_word (info->kind));

  /* Only a numbered part takes the next heading line for its title: a
   * part without a number and with a title has no line of its own
   * ("Artikel Begrippen" is a free heading), so the canonical form could
   * not say it; the line stays a free heading in the part. */
  r->wants_heading = counted == r->flat_level && info->heading == NULL && info->number != NULL &&
                     (info->kind == AMEND_NODE_ARTICLE || is_division_kind (info->kind)) ? node : NULL;
  r->wants_level = level;
}

static gboolean
heading_in_zone (Reader            *r,
                 const HeadingInfo *info,
                 gboolean           structural,
                 int                level)
{
  OpenNode *zone = NULL;

  for (guint i = 1; i < r->open->len; i++)
    if (is_zone (g_array_index (r->open, OpenNode, i).node->kind))
      zone = &g_array_index (r->open, OpenNode, i);
  if (zone == NULL || !structural)
    return zone != NULL;
  if (is_top_kind (info->kind))
    return FALSE;
  return effective_level (r, level) == r->flat_level || level > zone->level;
}

/* A block that gave no text (an empty heading "#", a lone HTML comment)
 * leaves no preamble behind: the writer would not write an empty one, and
 * a text read so would differ from the same text without the block. */
static void
drop_empty_preamble (Reader  *r,
                     gboolean had_preamble)
{
  if (had_preamble || r->preamble == NULL || amend_node_n_children (r->preamble) > 0 || r->preamble->runs != NULL)
    return;
  amend_node_free (r->preamble);
  r->preamble = NULL;
}

static AmendNode *
content_container (Reader *r)
{
  if (r->open->len == 1)
    {
      if (r->preamble == NULL)
        r->preamble = add_child (top (r)->node, AMEND_NODE_PREAMBLE, 0);
      return r->preamble;
    }
  return top (r)->node;
}

/* "Hoofdstuk Kwanza", "Artikel 4-bis": a heading that was meant as a part
 * but whose number Amend does not read is a free heading, and what follows
 * it stays in the part before; that must not happen without a word. */
static void
warn_lost_kind (Reader     *r,
                const char *plain,
                guint       line)
{
  g_autofree char *number = NULL;
  AmendNodeKind kind = _amend_heading_lost_kind (plain, &number);

  if (kind == AMEND_NODE_TEXT)
    return;
  amend_document_add_diagnostic (r->doc, AMEND_SEVERITY_WARNING, line, NULL,
                                 _("this heading starts with \xe2\x80\x9c%s\xe2\x80\x9d but is read as a free heading: "
                                   "\xe2\x80\x9c%s\xe2\x80\x9d is not a number Amend reads (such as 1, 1:1, 2.3a, 4z1, IV, "
                                   "IVA or A), so what follows stays in the part before it"),
                                 amend_node_kind_word (kind), number);
}

static void
handle_heading (Reader     *r,
                cmark_node *block)
{
  int level = cmark_node_get_heading_level (block);
  guint line = file_line (r, cmark_node_get_start_line (block));
  HeadingInfo info;
  gboolean structural;
  g_autofree char *plain = NULL;

  if (r->next_heading < r->headings->len &&
      g_array_index (r->headings, Heading, r->next_heading).node == block)
    {
      Heading *h = &g_array_index (r->headings, Heading, r->next_heading++);

      plain = g_steal_pointer (&h->plain);
      structural = h->structural;
      info = h->info;
      memset (&h->info, 0, sizeof h->info);
    }
  else
    {
      plain = (collect_runs (r, block), plain_of_runs (r));
      structural = classify_heading (plain, &info);
    }
  if (structural && !heading_in_zone (r, &info, TRUE, level))
    {
      open_structure (r, &info, level, line);
      heading_info_clear (&info);
      return;
    }
  /* The runs themselves, for a title or a free heading. */
  collect_runs (r, block);
  soften_breaks (r);
  if (r->wants_heading != NULL && !structural && level > r->wants_level)
    {
      /* "### Titel I" then "####Begripsbepalingen": the title's heading */
      g_free (r->wants_heading->heading);
      r->wants_heading->heading = normalize_heading (plain);
      extend_lines (r->wants_heading, line);
      r->wants_heading = NULL;
    }
  else
    {
      AmendNode *container = content_container (r);
      AmendNode *text;

      if (!structural && !heading_in_zone (r, &info, FALSE, level))
        warn_lost_kind (r, plain, line);
      /* Articles hold free headings after their members, as text. */
      if (container->kind == AMEND_NODE_ARTICLE && last_child_of_kind (container, AMEND_NODE_MEMBER))
        container = last_child_of_kind (container, AMEND_NODE_MEMBER);
      text = add_child (container, AMEND_NODE_TEXT, line);
      text->heading_level = level;
      emit_runs (r->buf, text, run_array (r), 0, r->runs->len, 0);
      if (text->runs == NULL)
        amend_node_free (text);
      r->wants_heading = NULL;
    }
  heading_info_clear (&info);
}

static void
read_blocks (Reader     *r,
             cmark_node *doc)
{
  for (cmark_node *b = cmark_node_first_child (doc); b != NULL; b = cmark_node_next (b))
    {
      Context ctx = { 0 };
      AmendNode *container;
      gboolean had_preamble;

      ctx.scan = &r->member_scan;
      /* A body that was left out would have ended a pending title here. */
      if (r->next_reset < r->n_resets &&
          file_line (r, cmark_node_get_start_line (b)) >= r->resets[r->next_reset])
        {
          r->wants_heading = NULL;
          while (r->next_reset < r->n_resets &&
                 file_line (r, cmark_node_get_start_line (b)) >= r->resets[r->next_reset])
            r->next_reset++;
        }
      had_preamble = r->preamble != NULL;
      if (cmark_node_get_type (b) == CMARK_NODE_HEADING)
        {
          handle_heading (r, b);
          drop_empty_preamble (r, had_preamble);
          continue;
        }
      r->wants_heading = NULL;
      container = content_container (r);
      ctx.article = container->kind == AMEND_NODE_ARTICLE ? container : NULL;
      ctx.target = container;
      handle_blocks (r, &ctx, b, 0, FALSE);
      drop_empty_preamble (r, had_preamble);
    }
}

/* A large body is read in pieces (amend-markdown-split.c), so that only
 * one piece's cmark tree is kept at a time; each piece is a body of its
 * own, with the lines before it in line_offset. */
static void
read_body (Reader *r)
{
  g_autoptr(GString) headings = NULL;
  g_autoptr(GArray) cuts = _amend_markdown_split (r->body, r->body_len, _amend_markdown_piece_size, &headings);
  OpenNode root = { amend_document_get_root (r->doc), 0 };
  const char *body = r->body;
  gsize body_len = r->body_len, start = 0;
  guint line_offset = r->line_offset;
  cmark_node *doc;

  g_array_append_val (r->open, root);
  doc = _amend_cmark_arena_parse (r->arena, cuts ? headings->str : r->body,
                                  cuts ? headings->len : r->body_len, CMARK_OPT_DEFAULT);
  choose_nesting (r, doc);
  if (cuts == NULL)
    {
      read_blocks (r, doc);
      _amend_cmark_arena_reset (r->arena);
      return;
    }
  /* What choose_nesting() kept of each heading points into the tree of
   * the heading lines, which goes now: the pieces read their own. */
  g_array_set_size (r->headings, 0);
  _amend_cmark_arena_reset (r->arena);
  for (guint i = 0; i <= cuts->len; i++)
    {
      gsize end = i < cuts->len ? g_array_index (cuts, gsize, i) : body_len;

      r->body = body + start;
      r->body_len = end - start;
      g_array_unref (r->line_starts);
      index_lines (r);
      doc = _amend_cmark_arena_parse (r->arena, r->body, r->body_len, CMARK_OPT_DEFAULT);
      read_blocks (r, doc);
      _amend_cmark_arena_reset (r->arena);
      r->line_offset += r->line_starts->len - 1;
      start = end;
    }
  r->body = body;
  r->body_len = body_len;
  r->line_offset = line_offset;
}

static void
set_preamble_lines (Reader *r)
{
  AmendNode *pre = r->preamble;

  if (pre && amend_node_n_children (pre) > 0)
    pre->line_start = amend_node_child (pre, 0)->line_start;
}

/* @owned, when given, is freed as soon as it is no longer needed (after
 * the text was checked and copied): one copy of a large text at a time.
 * Without AMEND_READ_EIDS the nodes get none (for a caller that only
 * writes the Markdown, which has none). */
static AmendDocument *
read_markdown (const char   *data,
               gsize         len,
               char         *owned,
               const guint  *resets,
               guint         n_resets,
               AmendReadFlags flags,
               GError      **error)
{
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *clean = NULL;
  const char *text;
  gsize clean_len = 0;
  Reader r = { 0 };
  guint n_lines;

  if (len > AMEND_MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                   _("the text is larger than %d MB, too large for a regulation"),
                   AMEND_MAX_DOCUMENT_SIZE / (1024 * 1024));
      g_free (owned);
      return NULL;
    }

  doc = amend_document_new ();
  data = data ? data : "";
  /* A text with nothing to make valid is read where it is. */
  if (!(flags & AMEND_READ_TERMINATED) || needs_sanitizing (data, len))
    {
      clean = sanitize (doc, data, len, &clean_len);
      g_clear_pointer (&owned, g_free);
      text = clean;
    }
  else
    {
      text = data;
      clean_len = len;
    }

  r.doc = doc;
  r.resets = resets;
  r.n_resets = n_resets;
  r.open = g_array_new (FALSE, FALSE, sizeof (OpenNode));
  r.headings = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_array_set_clear_func (r.headings, heading_clear);
  r.runs = g_array_new (FALSE, FALSE, sizeof (TmpRun));
  r.buf = g_string_sized_new (256);
  r.arena = _amend_cmark_arena_new ();
  r.body = read_front_matter (&r, text, clean_len);
  /* Nothing of an XML file is read as Markdown: its tags came back as a
   * warning per HTML block after the one error that says what it is. */
  if (r.body == text && check_not_xml (&r, text, clean_len))
    r.body = text + clean_len;
  r.body_len = clean_len - (r.body - text);
  index_lines (&r);

  n_lines = r.line_offset + r.line_starts->len;
  if (r.body_len > 0 && r.body[r.body_len - 1] == '\n')
    n_lines--;
  _amend_document_set_line_count (doc, n_lines);
  amend_document_get_root (doc)->line_start = 1;

  read_body (&r);
  set_preamble_lines (&r);
  /* The text is in the model now: its copy goes before the eIds come. */
  g_clear_pointer (&clean, g_free);
  g_clear_pointer (&owned, g_free);
  r.body = NULL;

  g_array_unref (r.open);
  g_array_unref (r.headings);
  g_array_unref (r.runs);
  g_string_free (r.buf, TRUE);
  g_array_unref (r.line_starts);
  _amend_cmark_arena_free (r.arena);

  if (flags & AMEND_READ_EIDS)
    amend_document_assign_eids (doc);
  amend_diagnostics_sort (amend_document_get_diagnostics (doc));
  return g_steal_pointer (&doc);
}

AmendDocument *
_amend_markdown_read (const char  *data,
                      gsize        len,
                      char        *owned,
                      AmendReadFlags flags,
                      GError     **error)
{
  return read_markdown (data, len, owned, NULL, 0, flags, error);
}

/* A text in which the bodies of some articles were left out, for the diff
 * (amend-diff-texts.c): @resets are the lines (in ascending order) where
 * each left-out body stood, so that a title the reader is waiting for is
 * given up there as the body would have made it. */
AmendDocument *
_amend_markdown_read_parts (const char   *data,
                            gsize         len,
                            const guint  *resets,
                            guint         n_resets,
                            GError      **error)
{
  return read_markdown (data, len, NULL, resets, n_resets, AMEND_READ_EIDS, error);
}

/* A text read only to be written again and compared (the check that a
 * merged text is canonical, amend-merge-splice.c): its eIds are left out,
 * a tenth of the reading, since the writer never looks at them and giving
 * them adds no diagnostic.  amend_document_assign_eids() gives them later
 * when the model is kept after all. */
AmendDocument *
_amend_markdown_read_unnamed (const char  *data,
                              gsize        len,
                              GError     **error)
{
  return read_markdown (data, len, NULL, NULL, 0, 0, error);
}
