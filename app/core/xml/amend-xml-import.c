/* amend-xml-import.c: CVDR, STOP and Akoma Ntoso into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is parsed by amend_xml_read() (no DTDs, no entities, no
 * network, bounded size and depth), its root element picks the importer
 * (amend-xml-import-cvdr.c, -stop.c, -akn.c), and the tree they build is
 * written as canonical Markdown and read back, so that the document handed
 * back is exactly what the .md file will hold.
 *
 * What the three formats share lives here: inline text (emphasis, links,
 * line breaks, with white space collapsed as XML text is meant to be read),
 * blocks (paragraphs, lists, definitions, tables) and the front matter.
 * What the model cannot hold is reported with the element's name and line;
 * its text is kept wherever there is text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-check.h"
#include "amend-document-private.h"
#include "amend-xml-import-private.h"
#include "amend-xml-import.h"
#include "amend-xml-validate.h"

typedef struct {
  AmendNode *text;
  gboolean   space;  /* the text so far is empty or ends in a space */
} Sink;

static void walk_inline (XmlImport *im, Sink *sink, xmlNodePtr x, AmendMarks marks, const char *href);

/* ----------------------------------------------------------------------- */
/* Small helpers                                                            */
/* ----------------------------------------------------------------------- */

void
_amend_import_warn (XmlImport  *im,
                    xmlNodePtr  x,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (im->warnings == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Every warning names the element it is about, before what happened. */
  _amend_xml_warn (im->warnings, amend_xml_line (x), NULL, "%s: %s", (const char *) x->name, message);
}

void
_amend_import_unknown (XmlImport  *im,
                       xmlNodePtr  x)
{
  _amend_import_warn (im, x, _("Amend does not know this element; its text was kept"));
}

const char *
_amend_import_name (xmlNodePtr x)
{
  return (const char *) x->name;
}

/* Whether @x is an element whose local name is one of the space-separated
 * @names. */
gboolean
_amend_import_named (xmlNodePtr  x,
                     const char *names)
{
  gsize len;
  const char *p;

  if (x == NULL || x->type != XML_ELEMENT_NODE)
    return FALSE;
  len = strlen ((const char *) x->name);
  for (p = names; (p = strstr (p, (const char *) x->name)) != NULL; p += len)
    if ((p == names || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
      return TRUE;
  return FALSE;
}

/* Whether @x is a part, and which: @names holds the element names of the
 * format (each space-separated, as _amend_import_named() takes them) for a
 * Hoofdstuk, Titel, Afdeling, Paragraaf and Artikel, then for the parts
 * Amend has not, which are reported and read as a Titel. */
gboolean
_amend_import_part_kind (XmlImport         *im,
                         xmlNodePtr         x,
                         const char * const names[6],
                         AmendNodeKind     *kind)
{
  static const AmendNodeKind kinds[] = {
    AMEND_NODE_CHAPTER, AMEND_NODE_TITLE, AMEND_NODE_DIVISION, AMEND_NODE_SECTION, AMEND_NODE_ARTICLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (_amend_import_named (x, names[i]))
      {
        *kind = kinds[i];
        return TRUE;
      }
  if (!_amend_import_named (x, names[G_N_ELEMENTS (kinds)]))
    return FALSE;
  _amend_import_warn (im, x, _("Amend has no such part; it was read as a Titel"));
  *kind = AMEND_NODE_TITLE;
  return TRUE;
}

xmlNodePtr
_amend_import_child (xmlNodePtr  x,
                     const char *names)
{
  for (xmlNodePtr c = x ? x->children : NULL; c != NULL; c = c->next)
    if (_amend_import_named (c, names))
      return c;
  return NULL;
}

static char *
collapse (const char *raw)
{
  GString *s = g_string_new (NULL);
  gboolean space = TRUE;

  for (const char *p = raw ? raw : ""; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (!space)
            g_string_append_c (s, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_c (s, *p);
          space = FALSE;
        }
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* The text of @x, white space collapsed; NULL when there is none. */
char *
_amend_import_text (xmlNodePtr x)
{
  xmlChar *content;
  char *text;

  if (x == NULL)
    return NULL;
  content = xmlNodeGetContent (x);
  text = collapse ((const char *) content);
  xmlFree (content);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
_amend_import_attr (xmlNodePtr  x,
                    const char *name)
{
  xmlChar *value = xmlGetProp (x, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = collapse ((const char *) value);
  xmlFree (value);
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

AmendNode *
_amend_import_add (AmendNode     *parent,
                   AmendNodeKind  kind)
{
  AmendNode *node = amend_node_new (kind);

  amend_node_append (parent, node);
  return node;
}

AmendNode *
_amend_import_preamble (XmlImport *im)
{
  if (im->preamble == NULL)
    {
      im->preamble = amend_node_new (AMEND_NODE_PREAMBLE);
      amend_node_insert (amend_document_get_root (im->doc), 0, im->preamble);
    }
  return im->preamble;
}

/* @source: the element the value came from, for the line of a warning
 * about it (amend-xml-import-meta.c). */
void
_amend_import_meta (XmlImport  *im,
                    const char *key,
                    const char *value,
                    xmlNodePtr  source)
{
  g_autofree char *clean = collapse (value);

  if (clean[0] == '\0' || amend_document_get_meta (im->doc, key) != NULL)
    return;
  amend_document_set_meta (im->doc, key, clean);
  if (source != NULL)
    g_hash_table_insert (im->meta_lines, g_strdup (key), GUINT_TO_POINTER (amend_xml_line (source)));
}

/* "Artikel 1:1" -> "1:1" (@word "Artikel"), "§ 3" -> "3" (@word "§"),
 * "1.4" -> "1.4": the number of an Akoma Ntoso num or a CVDR label. */
char *
_amend_import_strip_word (const char  *num,
                          char       **word)
{
  g_autofree char *clean = collapse (num);
  const char *space = strchr (clean, ' ');

  if (word)
    *word = NULL;
  if (space == NULL || g_ascii_isdigit (clean[0]))
    return g_steal_pointer (&clean);
  if (word)
    *word = g_strndup (clean, space - clean);
  return g_strdup (space + 1);
}

/* ----------------------------------------------------------------------- */
/* Inline text                                                              */
/* ----------------------------------------------------------------------- */

static void
sink_text (Sink       *sink,
           const char *raw,
           AmendMarks  marks,
           const char *href)
{
  GString *s = g_string_new (NULL);

  for (const char *p = raw ? raw : ""; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (!sink->space)
            g_string_append_c (s, ' ');
          sink->space = TRUE;
        }
      else
        {
          g_string_append_c (s, *p);
          sink->space = FALSE;
        }
    }
  if (s->len > 0)
    amend_node_add_run (sink->text, s->str, s->len, marks, href);
  g_string_free (s, TRUE);
}

/* Drops white space (and line breaks) at the end of the text. */
static void
trim_end (AmendNode *text)
{
  while (text->runs != NULL && text->runs->len > 0)
    {
      AmendRun *run = &g_array_index (text->runs, AmendRun, text->runs->len - 1);
      gsize len;

      if (run->marks & AMEND_MARK_BREAK)
        {
          g_array_remove_index (text->runs, text->runs->len - 1);
          continue;
        }
      len = strlen (run->text);
      while (len > 0 && run->text[len - 1] == ' ')
        run->text[--len] = '\0';
      if (len > 0 || (run->marks & AMEND_MARK_IMAGE))
        break;
      g_array_remove_index (text->runs, text->runs->len - 1);
    }
}

static void
sink_break (Sink *sink)
{
  trim_end (sink->text);
  if (sink->text->runs == NULL || sink->text->runs->len == 0)
    return;
  amend_node_add_run (sink->text, "", 0, AMEND_MARK_BREAK, NULL);
  sink->space = TRUE;
}

/* sup and sub of digits, as in "m<sup>2</sup>", have Unicode characters. */
static char *
script_text (const char *text,
             gboolean    super)
{
  static const char *const sup[] = { "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
                                     "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9" };
  static const char *const sub[] = { "\xe2\x82\x80", "\xe2\x82\x81", "\xe2\x82\x82", "\xe2\x82\x83", "\xe2\x82\x84",
                                     "\xe2\x82\x85", "\xe2\x82\x86", "\xe2\x82\x87", "\xe2\x82\x88", "\xe2\x82\x89" };
  const char *const *table = super ? sup : sub;
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p < '0' || *p > '9')
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append (s, table[*p - '0']);
    }
  return g_string_free (s, FALSE);
}

static void
inline_script (XmlImport  *im,
               Sink       *sink,
               xmlNodePtr  x,
               AmendMarks  marks,
               const char *href)
{
  g_autofree char *text = _amend_import_text (x);
  g_autofree char *script = NULL;

  if (text == NULL)
    return;
  script = script_text (text, strcmp ((const char *) x->name, "sup") == 0);
  if (script == NULL)
    {
      _amend_import_warn (im, x, _("superscript or subscript other than digits has no Markdown form; it was kept as ordinary text"));
      sink_text (sink, text, marks, href);
      return;
    }
  sink_text (sink, script, marks, href);
}

/* A footnote in brackets where it stands: " [1: text]", its number (STOP's
 * NootNummer, or the marker) apart from its paragraphs. */
static void
inline_note (XmlImport  *im,
             Sink       *sink,
             xmlNodePtr  x,
             AmendMarks  marks,
             const char *href)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *number = _amend_import_text (_amend_import_child (x, "NootNummer"));
  g_autofree char *marker = number ? NULL : _amend_import_attr (x, "marker");

  _amend_import_warn (im, x, _("a footnote has no Markdown form; its text was kept in brackets"));
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      g_autofree char *text = NULL;

      if (_amend_import_named (c, "NootNummer") || (text = (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE)
                                                          ? _amend_import_text (c) : NULL) == NULL)
        continue;
      g_string_append_printf (note, "%s%s", note->len ? " " : "", text);
    }
  if (note->len == 0)
    return;
  if (number || marker)
    {
      g_autofree char *label = g_strdup_printf ("%s: ", number ? number : marker);
      g_string_prepend (note, label);
    }
  g_string_prepend (note, " [");
  g_string_append_c (note, ']');
  sink_text (sink, note->str, marks, href);
}

static AmendMarks
nadruk_marks (xmlNodePtr x)
{
  g_autofree char *type = _amend_import_attr (x, "type");

  if (g_strcmp0 (type, "vet") == 0)
    return AMEND_MARK_STRONG;
  if (g_strcmp0 (type, "cur") == 0 || g_strcmp0 (type, "cursief") == 0)
    return AMEND_MARK_EMPH;
  return AMEND_MARK_NONE;
}

static char *
link_target (xmlNodePtr x)
{
  static const char *const attrs[] = { "ref", "href", "doc", "url" };

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      char *value = _amend_import_attr (x, attrs[i]);
      if (value)
        return value;
    }
  return NULL;
}

/* Elements of Akoma Ntoso and STOP that only mark what their text means:
 * their text is all the model needs. */
#define TRANSPARENT_INLINE \
  "abbr span docTitle shortTitle docNumber docType docDate docProponent docStatus docAuthority docStage " \
  "docCommittee docIntroducer docPurpose docJurisdiction legislature session term def date time person " \
  "organization role location quantity entity concept object event process signature Contact inline " \
  "NieuweTekst omissis"

static void
inline_element (XmlImport  *im,
                Sink       *sink,
                xmlNodePtr  x,
                AmendMarks  marks,
                const char *href)
{
  if (_amend_import_named (x, "i cursief em"))
    walk_inline (im, sink, x, marks | AMEND_MARK_EMPH, href);
  else if (_amend_import_named (x, "b strong vet"))
    walk_inline (im, sink, x, marks | AMEND_MARK_STRONG, href);
  else if (_amend_import_named (x, "nadruk"))
    walk_inline (im, sink, x, marks | nadruk_marks (x), href);
  else if (_amend_import_named (x, "u onderstreept"))
    {
      _amend_import_warn (im, x, _("underlining has no Markdown form; the text was kept without it"));
      walk_inline (im, sink, x, marks, href);
    }
  else if (_amend_import_named (x, "ExtRef extref a ref") && !(marks & AMEND_MARK_LINK))
    {
      g_autofree char *target = link_target (x);

      walk_inline (im, sink, x, target ? marks | AMEND_MARK_LINK : marks, target ? target : href);
    }
  else if (_amend_import_named (x, "br eol"))
    sink_break (sink);
  else if (_amend_import_named (x, "eop"))
    sink_text (sink, " ", marks, href);  /* a page ends between two words */
  else if (_amend_import_named (x, "sup sub"))
    inline_script (im, sink, x, marks, href);
  else if (_amend_import_named (x, "IntRef intref IntIoRef ExtIoRef mref rref"))
    {
      _amend_import_warn (im, x, _("a reference inside the publication has no Markdown form; its text was kept"));
      walk_inline (im, sink, x, marks, href);
    }
  else if (_amend_import_named (x, "Noot noot authorialNote"))
    inline_note (im, sink, x, marks, href);
  else if (_amend_import_named (x, "Nootref nootref noteRef"))
    _amend_import_warn (im, x, _("a reference to a footnote was left out"));
  else if (_amend_import_named (x, "VerwijderdeTekst"))
    _amend_import_warn (im, x, _("deleted text was left out"));
  else if (_amend_import_named (x, "img InlineTekstAfbeelding"))
    {
      g_autofree char *src = _amend_import_attr (x, "src");
      g_autofree char *name = _amend_import_attr (x, "naam");
      g_autofree char *alt = _amend_import_attr (x, "alt");

      amend_node_add_run (sink->text, alt ? alt : "", -1, AMEND_MARK_IMAGE, src ? src : name ? name : "");
      sink->space = FALSE;
    }
  else if (_amend_import_named (x, "inline"))
    {
      g_autofree char *name = _amend_import_attr (x, "name");

      walk_inline (im, sink, x, g_strcmp0 (name, "code") == 0 ? marks | AMEND_MARK_CODE : marks, href);
    }
  else if (_amend_import_named (x, TRANSPARENT_INLINE))
    walk_inline (im, sink, x, marks, href);
  else
    {
      _amend_import_unknown (im, x);
      walk_inline (im, sink, x, marks, href);
    }
}

static void
walk_inline (XmlImport  *im,
             Sink       *sink,
             xmlNodePtr  x,
             AmendMarks  marks,
             const char *href)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        sink_text (sink, (const char *) c->content, marks, href);
      else if (c->type == XML_ELEMENT_NODE)
        inline_element (im, sink, c, marks, href);
    }
}

/* Markdown cannot open or close emphasis at a space ("**Dienst / **"):
 * white space at the edges of a marked run moves out of the marks. */
static void
spaces_out_of_marks (AmendNode *text)
{
  g_autoptr(GArray) old = NULL;
  gboolean any = FALSE;

  for (guint i = 0; text->runs && i < text->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (text->runs, AmendRun, i);
      gsize len = strlen (run->text);

      if ((run->marks & (AMEND_MARK_EMPH | AMEND_MARK_STRONG | AMEND_MARK_LINK)) && len > 0 &&
          (run->text[0] == ' ' || run->text[len - 1] == ' '))
        any = TRUE;
    }
  if (!any)
    return;

  old = g_steal_pointer (&text->runs);
  for (guint i = 0; i < old->len; i++)
    {
      const AmendRun *run = &g_array_index (old, AmendRun, i);
      const char *start = run->text;
      const char *end = run->text + strlen (run->text);

      if (!(run->marks & (AMEND_MARK_EMPH | AMEND_MARK_STRONG | AMEND_MARK_LINK)))
        {
          amend_node_add_run (text, run->text, -1, run->marks, run->href);
          continue;
        }
      while (start < end && *start == ' ')
        start++;
      while (end > start && end[-1] == ' ')
        end--;
      if (start > run->text)
        amend_node_add_run (text, " ", 1, AMEND_MARK_NONE, NULL);
      if (end > start)
        amend_node_add_run (text, start, end - start, run->marks, run->href);
      if (*end == ' ')
        amend_node_add_run (text, " ", 1, AMEND_MARK_NONE, NULL);
    }
}

/* The inline content of @x as the runs of @text. */
void
_amend_import_inline (XmlImport  *im,
                      AmendNode  *text,
                      xmlNodePtr  x)
{
  Sink sink = { text, text->runs == NULL || text->runs->len == 0 };

  walk_inline (im, &sink, x, AMEND_MARK_NONE, NULL);
  trim_end (text);
  spaces_out_of_marks (text);
}

/* A paragraph of @parent from @x; NULL (and no node) when it is empty. */
AmendNode *
_amend_import_paragraph (XmlImport  *im,
                         AmendNode  *parent,
                         xmlNodePtr  x)
{
  AmendNode *text = _amend_import_add (parent, AMEND_NODE_TEXT);

  text->line_start = amend_xml_line (x);
  _amend_import_inline (im, text, x);
  if (text->runs == NULL || text->runs->len == 0)
    {
      amend_node_free (amend_node_steal (parent, amend_node_index (text)));
      return NULL;
    }
  return text;
}

AmendNode *
_amend_import_heading (XmlImport  *im,
                       AmendNode  *parent,
                       xmlNodePtr  x,
                       guint       depth)
{
  AmendNode *text = _amend_import_paragraph (im, parent, x);

  if (text != NULL)
    text->heading_level = MAX (depth, 1);
  return text;
}

/* class="heading-3" (Amend's Akoma Ntoso): the heading's own level. */
void
_amend_import_level (XmlImport  *im,
                     AmendNode  *heading,
                     xmlNodePtr  x)
{
  g_autofree char *class = _amend_import_attr (x, "class");
  guint64 level = 0;

  if (heading == NULL || class == NULL || !g_str_has_prefix (class, "heading-") ||
      !g_ascii_string_to_unsigned (class + 8, 10, 1, 6, &level, NULL))
    return;
  heading->heading_level = MAX (heading->heading_level, 1);
  g_hash_table_insert (im->levels, heading, GUINT_TO_POINTER ((guint) level));
}

/* ----------------------------------------------------------------------- */
/* Tables                                                                   */
/* ----------------------------------------------------------------------- */

/* A cell holds paragraphs (CALS, CVDR) or text (HTML, Akoma Ntoso).  Its
 * paragraphs are lines of their own ("Art. 5 lid 27c", "bijlage 5"):
 * joined by a space they would read as one sentence, so a line break
 * keeps them apart. */
static gsize
text_length (const AmendNode *text)
{
  gsize len = 0;

  for (guint i = 0; text->runs && i < text->runs->len; i++)
    len += strlen (g_array_index (text->runs, AmendRun, i).text) + 1;
  return len;
}

static gboolean has_text_children (xmlNodePtr x);

/* What a cell may hold besides inline text: paragraphs, each a line, and
 * lists, whose items are lines with their numbers. */
#define CELL_LINES  "Al al p Lijstaanhef Lijstsluiting listIntroduction listWrapUp Term"
#define CELL_NESTED "Lijst lijst blockList ul ol Li li item Begrippenlijst Begrip Definitie Inhoud"
#define CELL_NUMBER "LiNummer li.nr num"

static gboolean
has_cell_blocks (xmlNodePtr cell)
{
  for (xmlNodePtr c = cell->children; c != NULL; c = c->next)
    if (_amend_import_named (c, CELL_LINES " " CELL_NESTED))
      return TRUE;
  return FALSE;
}

/* The blocks of a cell, each a line of its own ("Art. 5 lid 27c", then
 * "bijlage 5"; "a. geen terras").  @join: the next line goes on the
 * current one (after an item's number). */
static void
add_cell_blocks (XmlImport  *im,
                 Sink       *sink,
                 xmlNodePtr  x,
                 gsize       start,
                 gboolean   *join)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_amend_import_named (c, CELL_NESTED))
        {
          add_cell_blocks (im, sink, c, start, join);
          continue;
        }
      if (!*join && text_length (sink->text) > start)
        sink_break (sink);
      walk_inline (im, sink, c, AMEND_MARK_NONE, NULL);
      *join = _amend_import_named (c, CELL_NUMBER);
      if (*join)
        sink_text (sink, " ", AMEND_MARK_NONE, NULL);
    }
}

static void
add_cell (XmlImport  *im,
          Sink       *sink,
          xmlNodePtr  cell)
{
  gboolean join = FALSE;

  if (has_text_children (cell) || !has_cell_blocks (cell))
    walk_inline (im, sink, cell, AMEND_MARK_NONE, NULL);
  else
    add_cell_blocks (im, sink, cell, text_length (sink->text), &join);
}

static void
add_rows (XmlImport  *im,
          AmendNode  *parent,
          xmlNodePtr  x)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    {
      if (_amend_import_named (c, "row tr"))
        {
          AmendNode *text = _amend_import_add (parent, AMEND_NODE_TEXT);
          Sink sink = { text, TRUE };
          gboolean first = TRUE;

          for (xmlNodePtr cell = c->children; cell != NULL; cell = cell->next)
            if (_amend_import_named (cell, "entry td th"))
              {
                if (!first)
                  sink_text (&sink, " | ", AMEND_MARK_NONE, NULL);
                add_cell (im, &sink, cell);
                sink.space = FALSE;
                first = FALSE;
              }
          trim_end (text);
          spaces_out_of_marks (text);
          if (text->runs == NULL || text->runs->len == 0)
            amend_node_free (amend_node_steal (parent, amend_node_index (text)));
        }
      else if (_amend_import_named (c, "title Titel caption"))
        _amend_import_paragraph (im, parent, c);
      else if (c->type == XML_ELEMENT_NODE)
        add_rows (im, parent, c);
    }
}

void
_amend_import_table (XmlImport  *im,
                     AmendNode  *parent,
                     xmlNodePtr  table)
{
  _amend_import_warn (im, table, _("a table has no place in Amend's Markdown; each row was kept as a paragraph, "
                                   "its cells separated by | and the paragraphs of a cell by line breaks"));
  add_rows (im, parent, table);
}

/* ----------------------------------------------------------------------- */
/* Blocks                                                                   */
/* ----------------------------------------------------------------------- */

#define PARAGRAPHS "Al al p Lijstaanhef Lijstsluiting listIntroduction listWrapUp"
#define HEADINGS   "Tussenkop tussenkop crossHeading subheading"
#define LISTS      "Lijst lijst blockList ul ol"
#define ITEMS      "Li li item"
#define NUMBERS    "LiNummer li.nr num"
#define FIGURES    "Figuur figuur Illustratie illustratie Formule formule plaatje img"
/* Containers whose children are blocks, and that the model has no node
 * for: their content counts, they do not. */
#define CONTAINERS \
  "Groep Inhoud InleidendeTekst Redactioneel Ondertekening Slotformulering Dagtekening Considerans Afkondiging " \
  "content intro wrapUp blockContainer container formula recitals recital citations citation longTitle " \
  "structuurtekst preambule considerans afkondiging slotformulering ondertekenaar ondertekening dagtekening " \
  "plaats datum tekst div"

static void import_blocks_from (XmlImport *im, AmendNode *node, xmlNodePtr container, guint depth,
                                xmlNodePtr skip);

static char *
item_number (xmlNodePtr item,
             xmlNodePtr *number_el)
{
  xmlNodePtr number = _amend_import_child (item, NUMBERS);
  char *value;

  *number_el = number;
  value = number ? _amend_import_text (number) : _amend_import_attr (item, "nr");
  /* A dash or bullet is the mark of an unnumbered list, not a label. */
  if (value && (strcmp (value, "-") == 0 || strcmp (value, "\xe2\x80\xa2") == 0 ||
                strcmp (value, "\xe2\x80\x93") == 0 || strcmp (value, "*") == 0))
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
has_text_children (xmlNodePtr x)
{
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      for (const xmlChar *p = c->content; *p; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
  return FALSE;
}

static void
import_item (XmlImport  *im,
             AmendNode  *node,
             xmlNodePtr  item,
             guint       depth)
{
  AmendNode *point = _amend_import_add (node, AMEND_NODE_POINT);
  xmlNodePtr number_el = NULL;

  point->number = item_number (item, &number_el);
  /* An HTML li holds its text itself. */
  if (has_text_children (item))
    _amend_import_paragraph (im, point, item);
  else
    import_blocks_from (im, point, item, depth, number_el);
}

static void
import_list (XmlImport  *im,
             AmendNode  *node,
             xmlNodePtr  list,
             guint       depth)
{
  for (xmlNodePtr c = list->children; c != NULL; c = c->next)
    {
      if (_amend_import_named (c, ITEMS))
        import_item (im, node, c, depth);
      else if (_amend_import_named (c, PARAGRAPHS))
        _amend_import_paragraph (im, node, c);
      else if (c->type == XML_ELEMENT_NODE)
        {
          _amend_import_unknown (im, c);
          import_blocks_from (im, node, c, depth, NULL);
        }
    }
}

/* STOP's Begrip: a point "term: definition". */
static void
import_definition (XmlImport  *im,
                   AmendNode  *node,
                   xmlNodePtr  begrip,
                   guint       depth)
{
  AmendNode *point = _amend_import_add (node, AMEND_NODE_POINT);
  xmlNodePtr term = _amend_import_child (begrip, "Term");
  xmlNodePtr definition = _amend_import_child (begrip, "Definitie");
  xmlNodePtr first = _amend_import_child (definition, "Al");
  xmlNodePtr number_el = NULL;
  AmendNode *text;

  point->number = item_number (begrip, &number_el);
  text = _amend_import_add (point, AMEND_NODE_TEXT);
  if (term)
    _amend_import_inline (im, text, term);
  amend_node_add_run (text, ": ", -1, AMEND_MARK_NONE, NULL);
  if (first)
    _amend_import_inline (im, text, first);
  trim_end (text);
  if (definition)
    import_blocks_from (im, point, definition, depth, first);
}

/* An Illustratie (or img): a paragraph holding the image, ![alt](naam). */
static void
import_image (AmendNode  *node,
              xmlNodePtr  x)
{
  g_autofree char *src = _amend_import_attr (x, "src");
  g_autofree char *name = _amend_import_attr (x, "naam");
  g_autofree char *alt = _amend_import_attr (x, "alt");
  AmendNode *text;

  if (src == NULL && name == NULL)
    return;
  text = _amend_import_add (node, AMEND_NODE_TEXT);
  text->line_start = amend_xml_line (x);
  amend_node_add_run (text, alt ? alt : "", -1, AMEND_MARK_IMAGE, src ? src : name);
}

static void
import_figure (XmlImport  *im,
               AmendNode  *node,
               xmlNodePtr  x)
{
  _amend_import_warn (im, x, _("a figure or formula has no place in Amend's Markdown; its title, image and caption "
                               "were kept as paragraphs"));
  if (_amend_import_named (x, "img plaatje"))
    import_image (node, x);
  for (xmlNodePtr c = x->children; c != NULL; c = c->next)
    if (_amend_import_named (c, "Titel Bijschrift titel bijschrift"))
      _amend_import_paragraph (im, node, c);
    else if (_amend_import_named (c, "Illustratie illustratie img"))
      import_image (node, c);
}

/* A Kadertekst's (or Citaat's) Kop: a paragraph in bold, since a free
 * heading cannot stand inside a member or point in Markdown. */
static void
import_box_kop (XmlImport  *im,
                AmendNode  *node,
                xmlNodePtr  kop)
{
  AmendNode *text = _amend_import_add (node, AMEND_NODE_TEXT);

  text->line_start = amend_xml_line (kop);
  for (xmlNodePtr c = kop->children; c != NULL; c = c->next)
    if (_amend_import_named (c, "Label Nummer Opschrift"))
      {
        if (text->runs && text->runs->len > 0)
          amend_node_add_run (text, " ", 1, AMEND_MARK_NONE, NULL);
        _amend_import_inline (im, text, c);
      }
  if (text->runs == NULL || text->runs->len == 0)
    {
      amend_node_free (amend_node_steal (node, amend_node_index (text)));
      return;
    }
  for (guint i = 0; i < text->runs->len; i++)
    g_array_index (text->runs, AmendRun, i).marks |= AMEND_MARK_STRONG;
}

static void
import_block (XmlImport  *im,
              AmendNode  *node,
              xmlNodePtr  x,
              guint       depth)
{
  if (_amend_import_named (x, "p") && xmlHasProp (x, (const xmlChar *) "class"))
    _amend_import_level (im, _amend_import_paragraph (im, node, x), x);
  else if (_amend_import_named (x, PARAGRAPHS))
    _amend_import_paragraph (im, node, x);
  else if (_amend_import_named (x, HEADINGS))
    _amend_import_heading (im, node, x, depth);
  else if (_amend_import_named (x, LISTS))
    import_list (im, node, x, depth);
  else if (_amend_import_named (x, "Begrippenlijst"))
    {
      for (xmlNodePtr c = x->children; c != NULL; c = c->next)
        if (_amend_import_named (c, "Begrip"))
          import_definition (im, node, c, depth);
    }
  else if (_amend_import_named (x, "table"))
    _amend_import_table (im, node, x);
  else if (_amend_import_named (x, FIGURES))
    import_figure (im, node, x);
  else if (_amend_import_named (x, "Vervallen"))
    amend_node_add_run (_amend_import_add (node, AMEND_NODE_TEXT), "[Vervallen]", -1, AMEND_MARK_NONE, NULL);
  else if (_amend_import_named (x, "Gereserveerd Kop kop"))
    ; /* nothing to keep; a Kop is read by the element that has it */
  else if (_amend_import_named (x, CONTAINERS))
    {
      /* CVDR writes a signature as text right in its element. */
      if (has_text_children (x))
        _amend_import_paragraph (im, node, x);
      else
        import_blocks_from (im, node, x, depth, NULL);
    }
  else if (_amend_import_named (x, "Citaat Kadertekst blockquote"))
    {
      xmlNodePtr kop = _amend_import_child (x, "Kop");

      _amend_import_warn (im, x, _("a quotation or box has no place in Amend's Markdown; its text was kept"));
      if (kop != NULL)
        import_box_kop (im, node, kop);
      import_blocks_from (im, node, x, depth, kop);
    }
  else
    {
      _amend_import_unknown (im, x);
      if (has_text_children (x))
        _amend_import_paragraph (im, node, x);
      else
        import_blocks_from (im, node, x, depth, NULL);
    }
}

static void
import_blocks_from (XmlImport  *im,
                    AmendNode  *node,
                    xmlNodePtr  container,
                    guint       depth,
                    xmlNodePtr  skip)
{
  for (xmlNodePtr c = container ? container->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c != skip)
      import_block (im, node, c, depth);
}

/**
 * _amend_import_blocks:
 * @depth: the depth of a free heading among these blocks
 *
 * The children of @container as blocks of @node: paragraphs, lists,
 * definitions, headings, tables; in STOP's, CVDR's and Akoma Ntoso's
 * names.
 */
void
_amend_import_blocks (XmlImport  *im,
                      AmendNode  *node,
                      xmlNodePtr  container,
                      guint       depth)
{
  import_blocks_from (im, node, container, depth, NULL);
}

void
_amend_import_block (XmlImport  *im,
                     AmendNode  *node,
                     xmlNodePtr  x,
                     guint       depth)
{
  import_block (im, node, x, depth);
}

/* ----------------------------------------------------------------------- */
/* The document                                                             */
/* ----------------------------------------------------------------------- */

/* A part the Markdown reader would not read back as that part: its number
 * is a word ("Kwanza", "One") or another form Amend does not read.  It is
 * numbered by its place among its like, and the number as written opens
 * its title, with a warning: its text stays where it is. */
static void
fix_number (XmlImport *im,
            AmendNode *node)
{
  g_autofree char *written = node->number;
  g_autofree char *heading = node->heading;
  guint ordinal = 1;

  for (int i = 0; i < amend_node_index (node); i++)
    if (amend_node_child (node->parent, i)->kind == node->kind)
      ordinal++;
  node->number = g_strdup_printf ("%u", ordinal);
  node->heading = heading ? g_strdup_printf ("%s \xe2\x80\x93 %s", written, heading) : g_strdup (written);
  _amend_xml_warn (im->warnings, node->line_start, NULL,
                   _("%s %s: Amend reads no such number; it was numbered %s and %s kept in its title"),
                   amend_node_kind_word (node->kind), written, node->number, written);
}

void
_amend_import_fix_numbers (XmlImport *im)
{
  AmendNode *root = amend_document_get_root (im->doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if ((n->kind == AMEND_NODE_ARTICLE || amend_node_is_division (n)) && n->number && n->number[0] &&
        !_amend_heading_is_number (n->number, strlen (n->number)))
      fix_number (im, n);
}

/* In a Toelichting or Ondertekening every heading is text; in a Bijlage
 * a heading "Artikel 3" is an article, which is what a STOP Divisie with
 * that Kop stands for (STOP's annexes hold no articles). */
static gboolean
in_zone_or_annex (const AmendNode *node)
{
  for (const AmendNode *a = node->parent; a != NULL; a = a->parent)
    if (a->kind == AMEND_NODE_EXPLANATION || a->kind == AMEND_NODE_CLOSING || a->kind == AMEND_NODE_ANNEX)
      return TRUE;
  return FALSE;
}

/* Whether the Markdown reader would take this free heading for structure:
 * "Toelichting op hoofdstuk 2" opens a Toelichting wherever it stands,
 * "Artikel 3" an article outside a Toelichting or Bijlage. */
static gboolean
reads_as_structure (const AmendNode *text)
{
  g_autofree char *plain = amend_node_get_plain_text (text);
  AmendHeading h;
  gboolean top;

  if (!_amend_heading_classify (plain, &h))
    return FALSE;
  g_free (h.number);
  top = h.kind == AMEND_NODE_ANNEX || h.kind == AMEND_NODE_EXPLANATION || h.kind == AMEND_NODE_CLOSING;
  return top || !in_zone_or_annex (text);
}

/* A free heading was read with its depth below its structural node; the
 * writer wants the level, which counts the structural nodes above.  A
 * heading that Markdown would read as structure becomes a paragraph in
 * bold: the text stays, the tree stays as it is in the XML. */
static void
fix_headings (XmlImport *im,
              AmendNode *root)
{
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      guint depth = 0;

      if (n->kind != AMEND_NODE_TEXT || n->heading_level == 0)
        continue;
      if (reads_as_structure (n))
        {
          g_autofree char *plain = amend_node_get_plain_text (n);

          _amend_xml_warn (im->warnings, n->line_start, NULL,
                           _("the heading \xe2\x80\x9c%s\xe2\x80\x9d would read as a new part in Markdown; it "
                             "was written as a paragraph in bold"), plain);
          n->heading_level = 0;
          for (guint i = 0; n->runs && i < n->runs->len; i++)
            {
              AmendRun *run = &g_array_index (n->runs, AmendRun, i);
              if (!(run->marks & AMEND_MARK_BREAK))
                run->marks |= AMEND_MARK_STRONG;
            }
          continue;
        }
      if (g_hash_table_contains (im->levels, n))
        {
          n->heading_level = GPOINTER_TO_UINT (g_hash_table_lookup (im->levels, n));
          continue;
        }
      for (AmendNode *a = n->parent; a != NULL; a = a->parent)
        if (amend_node_is_structural (a))
          depth++;
      if (depth + n->heading_level > 6)
        _amend_xml_warn (im->warnings, 0, NULL,
                         _("Markdown has six levels of headings; headings nested deeper in the XML were put at "
                           "the sixth level, beside those above them"));
      n->heading_level = MIN (depth + n->heading_level, 6);
    }
}

static gboolean
wrong_root (xmlNodePtr   root,
            const char  *name,
            GError     **error)
{
  const char *ns = root->ns ? (const char *) root->ns->href : NULL;
  const char *format = NULL;
  const char *expected = amend_xml_namespace_of_root ((const char *) root->name, &format);

  if (expected != NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("%s: the root element %s is in the namespace %s, but %s's %s is in %s"),
                   name, (const char *) root->name, ns ? ns : _("(none)"), format, (const char *) root->name,
                   expected);
      return FALSE;
    }
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("%s: the root element is %s (namespace %s); Amend imports CVDR (cvdr in %s), STOP "
                 "(RegelingCompact, BesluitCompact or AanleveringBesluit in %s) and Akoma Ntoso (akomaNtoso in %s)"),
               name, (const char *) root->name, ns ? ns : _("none"), AMEND_XML_NS_CVDR,
               AMEND_XML_NS_STOP_TEKST, AMEND_XML_NS_AKN);
  return FALSE;
}

static gboolean
dispatch (XmlImport   *im,
          xmlNodePtr   root,
          const char  *name,
          GError     **error)
{
  const char *expected;
  gboolean ok;

  expected = amend_xml_namespace_of_root ((const char *) root->name, NULL);
  if (expected != NULL && !amend_xml_is (root, expected, NULL))
    return wrong_root (root, name, error);
  if (amend_xml_is (root, AMEND_XML_NS_CVDR, "cvdr"))
    ok = _amend_import_cvdr (im, root, error);
  else if (amend_xml_is (root, AMEND_XML_NS_STOP_TEKST, NULL) || amend_xml_is (root, AMEND_XML_NS_LVBB, NULL))
    ok = _amend_import_stop (im, root, error);
  else if (amend_xml_is (root, AMEND_XML_NS_AKN, "akomaNtoso"))
    ok = _amend_import_akn (im, root, error);
  else
    return wrong_root (root, name, error);

  if (!ok && error && *error)
    g_prefix_error (error, "%s: ", name);
  return ok;
}

/* "member 2 of Artikel 1.2": where a text reads now, for a warning. */
static char *
describe (const AmendNode *node)
{
  const char *word = amend_node_kind_word (node->kind);
  g_autofree char *outer = node->parent ? describe (node->parent) : NULL;

  if (node->kind == AMEND_NODE_POINT && (node->number == NULL || node->number[0] == '\0'))
    return g_strdup_printf (_("a point of %s"), outer ? outer : "");
  if (node->kind == AMEND_NODE_MEMBER || node->kind == AMEND_NODE_POINT)
    return g_strdup_printf (node->kind == AMEND_NODE_MEMBER ? _("member %s of %s") : _("point %s of %s"),
                            node->number ? node->number : "", outer ? outer : "");
  if (word == NULL)
    return g_strdup (node->kind == AMEND_NODE_PREAMBLE ? _("the preamble") : _("the regulation"));
  return node->number ? g_strdup_printf ("%s %s", word, node->number) : g_strdup (word);
}

static GPtrArray *
texts_of (AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  GPtrArray *texts = g_ptr_array_new ();

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->kind == AMEND_NODE_TEXT)
      g_ptr_array_add (texts, n);
  return texts;
}

/* Markdown cannot say every tree: text after the members of an article
 * reads as the last member's, text after the articles of a chapter as
 * the last article's.  Each text of the tree built from the XML is
 * compared with the same text as the Markdown reads it; one that found
 * another home is said, once for each home. */
static void
warn_moved_texts (XmlImport     *im,
                  AmendDocument *read)
{
  g_autoptr(GPtrArray) built = texts_of (im->doc);
  g_autoptr(GPtrArray) again = texts_of (read);
  const AmendNode *last_home = NULL;

  for (guint i = 0; i < MIN (built->len, again->len); i++)
    {
      const AmendNode *was = g_ptr_array_index (built, i);
      const AmendNode *now = g_ptr_array_index (again, i);
      g_autofree char *was_plain = amend_node_get_plain_text (was);
      g_autofree char *now_plain = amend_node_get_plain_text (now);
      /* White space is the writer's to choose. */
      g_autofree char *was_text = collapse (was_plain);
      g_autofree char *now_text = collapse (now_plain);
      g_autofree char *home = NULL;

      if ((g_strcmp0 (was->parent->eid, now->parent->eid) == 0 && g_strcmp0 (was_text, now_text) == 0) ||
          now->parent == last_home)
        continue;
      last_home = now->parent;
      home = describe (now->parent);
      _amend_xml_warn (im->warnings, was->line_start, NULL,
                       _("Markdown has no place for this text where it stands in the XML; it reads as part of %s "
                         "now"), home);
      /* Texts run together: the rest cannot be paired one by one. */
      if (built->len != again->len)
        return;
    }
}

/* What amend check would refuse in the Markdown (two articles of one
 * number, as a CVDR file may have) is said at import, at the line in the
 * XML of the part it is about. */
static void
warn_check_errors (XmlImport     *im,
                   AmendDocument *read)
{
  g_autoptr(GPtrArray) findings = amend_document_check (read);

  for (guint i = 0; i < findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (findings, i);
      AmendNode *node = d->eid ? amend_document_find_eid (im->doc, d->eid) : NULL;

      if (d->severity == AMEND_SEVERITY_ERROR)
        _amend_xml_warn (im->warnings, node ? node->line_start : 0, NULL,
                         _("amend check will report this error in the Markdown: %s"), d->message);
    }
}

static AmendDocument *
import_parsed (xmlDocPtr    xml,
               const char  *name,
               GPtrArray   *warnings,
               GError     **error)
{
  g_autoptr(AmendDocument) built = amend_document_new ();
  g_autoptr(GHashTable) levels = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) meta_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *markdown = NULL;
  AmendDocument *read;
  XmlImport im = { built, warnings, NULL, levels, meta_lines, amend_xml_line (xmlDocGetRootElement (xml)) };

  if (!dispatch (&im, xmlDocGetRootElement (xml), name, error))
    return NULL;

  _amend_import_review_meta (&im);
  _amend_import_fix_numbers (&im);
  fix_headings (&im, amend_document_get_root (built));
  amend_document_assign_eids (built);
  markdown = amend_document_to_markdown (built);
  read = amend_document_new_from_data (markdown, strlen (markdown), error);
  if (read != NULL)
    {
      warn_moved_texts (&im, read);
      warn_check_errors (&im, read);
    }
  return read;
}

/**
 * amend_xml_import:
 * @name: how to name the document in messages (a file name)
 * @warnings: (nullable): what the model could not hold, as #AmendDiagnostic
 *   with the line in the XML
 *
 * Reads a regulation in CVDR, STOP (RegelingCompact or RegelingKlassiek,
 * alone or in a BesluitCompact or AanleveringBesluit) or Akoma Ntoso (an
 * act).  The metadata goes to the front matter.
 *
 * Returns: (transfer full): the regulation, as its canonical Markdown
 *   reads; %NULL with @error when the XML is unsafe, malformed, of another
 *   kind or holds no regulation.
 */
AmendDocument *
amend_xml_import (const char  *data,
                  gsize        len,
                  const char  *name,
                  GPtrArray   *warnings,
                  GError     **error)
{
  g_autoptr(xmlDoc) xml = amend_xml_read (data, len, name, warnings, error);

  if (xml == NULL)
    return NULL;
  return import_parsed (xml, name, warnings, error);
}

AmendDocument *
amend_xml_import_file (GFile      *file,
                       GPtrArray  *warnings,
                       GError    **error)
{
  g_autoptr(xmlDoc) xml = amend_xml_read_file (file, warnings, error);
  g_autofree char *name = g_file_get_parse_name (file);

  if (xml == NULL)
    return NULL;
  return import_parsed (xml, name, warnings, error);
}
