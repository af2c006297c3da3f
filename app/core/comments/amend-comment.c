/* amend-comment.c: one comment: a Markdown file with front matter and an anchor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A comment is one file, so that two people who comment offline never
 * edit the same file:
 *
 *   ---
 *   id: 1b4e28ba-2fa1-41d2-883f-0016d3cca427
 *   author: "Jan Jansen <jan@example.nl>"
 *   created: 2027-03-01T10:00:00+01:00
 *   reply-to:
 *   resolved-by:
 *   resolved-at:
 *   anchor:
 *     source: regeling.md
 *     commit: 0123456789abcdef0123456789abcdef01234567
 *     eid: chp_1__art_1.2__para_1
 *     exact: "acht weken"
 *     prefix: "ontheffing binnen "
 *     suffix: " na de datum van ontvangst"
 *   ---
 *
 *   The text, in Markdown.
 *
 * The front matter is a small subset of YAML that YAML readers read the
 * same: "key: value", one level of indentation for the anchor, values
 * plain or double-quoted with JSON's escapes.  Every key is written, also
 * when empty, so that resolving on one machine and reopening on another
 * changes the same lines and git shows a conflict rather than merging the
 * two.  Keys Amend does not know are kept as they were.
 *
 * The anchor is the W3C Web Annotation target: source, its state (the
 * commit the comment was made on), a fragment selector (the node's eId)
 * and a text-quote selector (exact, prefix, suffix), as Hypothesis stores
 * it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-comment-private.h"
#include "amend-repository.h"

struct _AmendComment
{
  GObject           parent_instance;

  char             *id;
  char             *author;
  GDateTime        *created;
  char             *reply_to;
  char             *resolved_by;
  GDateTime        *resolved_at;
  char             *text;
  GPtrArray        *extra;      /* lines of keys Amend does not know */

  gboolean          has_anchor;
  char             *source;
  char             *commit;
  char             *eid;
  char             *exact;
  char             *prefix;
  char             *suffix;

  AmendAnchorState  state;
  char             *position_eid;
  char             *article;
  guint             line;
  guint             line_end;
  char             *found_text;
  guint             errors;
  char             *old_text;

  char             *path;
  char             *amendment;
  GPtrArray        *replies;
};

G_DEFINE_FINAL_TYPE (AmendComment, amend_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHOR,
  PROP_TEXT,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (amend-comment-error-quark, amend_comment_error)

static const char * const state_words[] = {
  [AMEND_ANCHOR_NONE] = "none",
  [AMEND_ANCHOR_EID] = "eid",
  [AMEND_ANCHOR_DIFF] = "diff",
  [AMEND_ANCHOR_QUOTE] = "quote",
  [AMEND_ANCHOR_FUZZY] = "fuzzy",
  [AMEND_ANCHOR_OUTDATED] = "outdated",
};

const char *
amend_anchor_state_to_string (AmendAnchorState state)
{
  g_return_val_if_fail (state <= AMEND_ANCHOR_OUTDATED, NULL);
  return state_words[state];
}

static void
clear_anchor (AmendComment *self)
{
  self->has_anchor = FALSE;
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->commit, g_free);
  g_clear_pointer (&self->eid, g_free);
  g_clear_pointer (&self->exact, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
}

static void
clear_position (AmendComment *self)
{
  self->state = AMEND_ANCHOR_NONE;
  g_clear_pointer (&self->position_eid, g_free);
  g_clear_pointer (&self->article, g_free);
  g_clear_pointer (&self->found_text, g_free);
  g_clear_pointer (&self->old_text, g_free);
  self->line = self->line_end = self->errors = 0;
}

static void
amend_comment_finalize (GObject *object)
{
  AmendComment *self = AMEND_COMMENT (object);

  g_free (self->id);
  g_free (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->reply_to);
  g_free (self->resolved_by);
  g_clear_pointer (&self->resolved_at, g_date_time_unref);
  g_free (self->text);
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  clear_anchor (self);
  clear_position (self);
  g_free (self->path);
  g_free (self->amendment);
  g_clear_pointer (&self->replies, g_ptr_array_unref);
  G_OBJECT_CLASS (amend_comment_parent_class)->finalize (object);
}

static void
amend_comment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmendComment *self = AMEND_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RESOLVED:
      g_value_set_boolean (value, amend_comment_is_resolved (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amend_comment_class_init (AmendCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amend_comment_finalize;
  object_class->get_property = amend_comment_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED] = g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amend_comment_init (AmendComment *self)
{
  self->extra = g_ptr_array_new_with_free_func (g_free);
  self->replies = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * amend_comment_new:
 * @text: the text, in Markdown
 *
 * A comment not yet made: amend_comments_add() gives it its id, author,
 * date and anchor.
 */
AmendComment *
amend_comment_new (const char *text)
{
  AmendComment *self = g_object_new (AMEND_TYPE_COMMENT, NULL);

  self->text = g_strdup (text ? text : "");
  return self;
}

/* ----------------------------------------------------------------------- */
/* Checks                                                                   */
/* ----------------------------------------------------------------------- */

/* Letters, digits, - and _: what g_uuid_string_random() gives, and nothing
 * that could make a path (no /, no dots, no control characters). */
gboolean
amend_comment_id_is_valid (const char *id)
{
  gsize len = id ? strlen (id) : 0;

  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_')
      return FALSE;
  return TRUE;
}

/* A text Amend can keep in a comment file: UTF-8, no NULs, not too large. */
gboolean
amend_comment_check_text (const char *text,
                          gssize      len,
                          GError    **error)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  if (n > AMEND_COMMENT_MAX_SIZE / 2)
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_TOO_LARGE,
                   _("the text is larger than %u bytes; a comment is a few paragraphs, "
                     "put a longer text in a file of the project"), AMEND_COMMENT_MAX_SIZE / 2);
      return FALSE;
    }
  if (!g_utf8_validate_len (text, n, NULL))
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("the text is not UTF-8 or has NUL bytes; save it as UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_control (const char *s)
{
  for (const guchar *p = (const guchar *) s; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* A regulation of the project: a relative *.md path that stays inside it. */
gboolean
amend_comment_source_is_valid (const char *source)
{
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (source);

  if (len < 4 || len > 1024 || source[0] == '/' || strchr (source, '\\') || has_control (source) ||
      g_ascii_strcasecmp (source + len - 3, ".md") != 0 || g_str_has_prefix (source, ".amend/"))
    return FALSE;
  parts = g_strsplit (source, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

static gboolean
commit_is_valid (const char *commit)
{
  if (strlen (commit) != 40)
    return FALSE;
  for (const char *p = commit; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* The characters the eId pattern of STOP and Akoma Ntoso allows. */
static gboolean
eid_is_valid (const char *eid)
{
  gsize len = strlen (eid);

  if (len == 0 || len > 512)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (eid[i]) && !strchr ("_.-:", eid[i]))
      return FALSE;
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Reading                                                                  */
/* ----------------------------------------------------------------------- */

typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;
} Lines;

/* The next line without its end (\n, with any carriage returns before it:
 * a line kept as it was is written back with \n alone, so a line read with
 * one of several returns taken off would lose one more on every save);
 * NULL at the end. */
static char *
next_line (Lines *l)
{
  const char *start = l->data + l->pos;
  const char *nl;
  gsize n;

  if (l->pos >= l->len)
    return NULL;
  nl = memchr (start, '\n', l->len - l->pos);
  n = nl ? (gsize) (nl - start) : l->len - l->pos;
  l->pos += n + (nl ? 1 : 0);
  l->line++;
  while (n > 0 && start[n - 1] == '\r')
    n--;
  return g_strndup (start, n);
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      v = v * 16 + g_ascii_xdigit_value (p[i]);
    }
  return v;
}

/* \uXXXX, with a surrogate pair for characters beyond the BMP; @p is on
 * the 'u'.  NUL and lone surrogates are refused. */
static gboolean
append_unicode (GString     *out,
                const char **p)
{
  int c = hex4 (*p + 1);

  if (c <= 0)
    return FALSE;
  *p += 4;
  if (c >= 0xdc00 && c <= 0xdfff)
    return FALSE;
  if (c >= 0xd800 && c <= 0xdbff)
    {
      int low;

      if ((*p)[1] != '\\' || (*p)[2] != 'u' || (low = hex4 (*p + 3)) < 0xdc00 || low > 0xdfff)
        return FALSE;
      *p += 6;
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
    }
  g_string_append_unichar (out, (gunichar) c);
  return TRUE;
}

static gboolean
append_escape (GString     *out,
               const char **p)
{
  switch (**p)
    {
    case '"': case '\\': case '/':
      g_string_append_c (out, **p);
      return TRUE;
    case 'n': g_string_append_c (out, '\n'); return TRUE;
    case 't': g_string_append_c (out, '\t'); return TRUE;
    case 'r': g_string_append_c (out, '\r'); return TRUE;
    case 'b': g_string_append_c (out, '\b'); return TRUE;
    case 'f': g_string_append_c (out, '\f'); return TRUE;
    case 'u': return append_unicode (out, p);
    default: return FALSE;
    }
}

/* A double-quoted value with JSON's escapes (which YAML reads the same);
 * @s is on the opening quote.  NULL when it is not closed, has a bad
 * escape or text after the closing quote. */
static char *
unquote (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = s + 1;

  for (; *p && *p != '"'; p++)
    {
      if (*p == '\\')
        {
          p++;
          if (!append_escape (out, &p))
            return NULL;
        }
      else if ((guchar) *p < 0x20)
        return NULL;
      else
        g_string_append_c (out, *p);
    }
  if (*p != '"')
    return NULL;
  for (p++; *p == ' ' || *p == '\t'; p++)
    ;
  if (*p != '\0')
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct {
  AmendComment *self;
  guint         seen;      /* bits of the known keys given, to refuse one given twice */
  gboolean      in_anchor;
  guint         line;
} Parse;

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

static char **
top_field (AmendComment *self,
           const char   *key)
{
  if (strcmp (key, "id") == 0) return &self->id;
  if (strcmp (key, "author") == 0) return &self->author;
  if (strcmp (key, "reply-to") == 0) return &self->reply_to;
  if (strcmp (key, "resolved-by") == 0) return &self->resolved_by;
  return NULL;
}

static char **
anchor_field (AmendComment *self,
              const char   *key)
{
  if (strcmp (key, "source") == 0) return &self->source;
  if (strcmp (key, "commit") == 0) return &self->commit;
  if (strcmp (key, "eid") == 0) return &self->eid;
  if (strcmp (key, "exact") == 0) return &self->exact;
  if (strcmp (key, "prefix") == 0) return &self->prefix;
  if (strcmp (key, "suffix") == 0) return &self->suffix;
  return NULL;
}

/* Whether the time of an ISO 8601 date has a zone: Z or an offset. */
static gboolean
has_zone (const char *value)
{
  const char *time = strchr (value, 'T');

  return time && strpbrk (time, "Z+-") != NULL;
}

static gboolean
parse_date (const char *value,
            GDateTime **out,
            GError    **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* A zone is required: without one the moment is unknown (GLib would
   * take @utc for it, so it is checked first). */
  if (value == NULL)
    return TRUE;
  if (!has_zone (value) || (*out = g_date_time_new_from_iso8601 (value, utc)) == NULL)
    return fail (error, _("the date " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is not an ISO 8601 date and time with its offset, "
                          "such as 2027-03-01T10:00:00+01:00"), value);
  return TRUE;
}

/* A bit for each key Amend knows (0 for others, which may repeat). */
static guint
key_bit (const char *name,
         gboolean    in_anchor)
{
  static const char * const top[] = { "id", "author", "created", "reply-to", "resolved-by", "resolved-at", "anchor" };
  static const char * const anchor[] = { "source", "commit", "eid", "exact", "prefix", "suffix" };
  const char * const *keys = in_anchor ? anchor : top;
  guint n = in_anchor ? G_N_ELEMENTS (anchor) : G_N_ELEMENTS (top);

  for (guint i = 0; i < n; i++)
    if (strcmp (name, keys[i]) == 0)
      return 1u << (i + (in_anchor ? 16 : 0));
  return 0;
}

/* One "key: value" line of the front matter. */
static gboolean
parse_field (Parse      *p,
             const char *line,
             GError    **error)
{
  gboolean indented = g_str_has_prefix (line, "  ");
  const char *key = line + (indented ? 2 : 0);
  const char *colon;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  guint bit;
  const char *raw;
  char **field;

  for (colon = key; g_ascii_islower (*colon) || g_ascii_isdigit (*colon) || *colon == '-'; colon++)
    ;
  if (colon == key || *colon != ':' || (colon[1] != '\0' && colon[1] != ' '))
    return fail (error, _("line %u of the front matter is not " "\xe2\x80\x9c" "key: value" "\xe2\x80\x9d"), p->line);
  name = g_strndup (key, colon - key);
  raw = colon + 1;
  while (*raw == ' ' || *raw == '\t')
    raw++;
  if (*raw == '"')
    {
      value = unquote (raw);
      if (value == NULL)
        return fail (error, _("line %u: the quoted value of %s is not closed, has a bad escape or text after it"),
                     p->line, name);
    }
  else if (*raw != '\0')
    {
      value = g_strdup (raw);
      g_strchomp (value);
    }

  bit = key_bit (name, indented);
  if (p->seen & bit)
    return fail (error, _("line %u: %s is given twice"), p->line, name);
  p->seen |= bit;

  if (indented)
    {
      if (!p->in_anchor)
        return fail (error, _("line %u is indented, but only the fields of the anchor are"), p->line);
      field = anchor_field (p->self, name);
      if (field == NULL)
        return fail (error, _("line %u: the anchor has a field " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " that Amend does not know "
                              "(it knows source, commit, eid, exact, prefix and suffix)"), p->line, name);
      *field = g_steal_pointer (&value);
      return TRUE;
    }

  p->in_anchor = strcmp (name, "anchor") == 0;
  if (p->in_anchor)
    {
      if (value != NULL)
        return fail (error, _("line %u: the anchor is a group of indented fields, not a value"), p->line);
      p->self->has_anchor = TRUE;
      return TRUE;
    }
  if (strcmp (name, "created") == 0)
    return parse_date (value, &p->self->created, error);
  if (strcmp (name, "resolved-at") == 0)
    return parse_date (value, &p->self->resolved_at, error);
  field = top_field (p->self, name);
  if (field != NULL)
    *field = g_steal_pointer (&value);
  else
    g_ptr_array_add (p->self->extra, g_strdup (line));
  return TRUE;
}

static gboolean
valid_author (const char *author)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  return amend_parse_author (author, &name, &email, NULL);
}

static gboolean
validate_anchor (AmendComment *self,
                 GError      **error)
{
  if (!self->has_anchor)
    {
      if (self->reply_to == NULL)
        return fail (error, _("it has no anchor and replies to no comment, so it is about nothing"));
      return TRUE;
    }
  if (self->source == NULL || !amend_comment_source_is_valid (self->source))
    return fail (error, _("its anchor does not name a regulation of the project as its source "
                          "(a relative .md path without .., \\ or control characters, outside .amend/)"));
  if (self->commit == NULL || !commit_is_valid (self->commit))
    return fail (error, _("its anchor's commit is not 40 hexadecimal digits"));
  if (self->eid == NULL || !eid_is_valid (self->eid))
    return fail (error, _("its anchor has no eId, or one with characters an eId cannot have"));
  if (self->exact && strlen (self->exact) > AMEND_COMMENT_MAX_QUOTE)
    return fail (error, _("its quote is longer than %d bytes"), AMEND_COMMENT_MAX_QUOTE);
  if ((self->prefix && strlen (self->prefix) > 4 * AMEND_COMMENT_CONTEXT) ||
      (self->suffix && strlen (self->suffix) > 4 * AMEND_COMMENT_CONTEXT))
    return fail (error, _("the text before or after its quote is longer than %d characters"), AMEND_COMMENT_CONTEXT);
  if (self->exact && *self->exact == '\0')
    g_clear_pointer (&self->exact, g_free);
  return TRUE;
}

static gboolean
validate (AmendComment *self,
          const char   *id,
          GError      **error)
{
  if (self->id == NULL || !amend_comment_id_is_valid (self->id))
    return fail (error, _("its id is missing or not a comment id (letters, digits, - and _ only)"));
  if (id != NULL && strcmp (id, self->id) != 0)
    return fail (error, _("its id " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is not its file name"), self->id);
  if (self->author == NULL || !valid_author (self->author))
    return fail (error, _("its author is missing or not " "\xe2\x80\x9c" "Name <e-mail>" "\xe2\x80\x9d"));
  if (self->created == NULL)
    return fail (error, _("it has no date (created)"));
  if (self->reply_to && (!amend_comment_id_is_valid (self->reply_to) || strcmp (self->reply_to, self->id) == 0))
    return fail (error, _("reply-to is not the id of another comment"));
  if ((self->resolved_by == NULL) != (self->resolved_at == NULL) ||
      (self->resolved_by && !valid_author (self->resolved_by)))
    return fail (error, _("resolved-by (" "\xe2\x80\x9c" "Name <e-mail>" "\xe2\x80\x9d" ") and resolved-at go together"));
  return validate_anchor (self, error);
}

/* The text after the front matter: one blank line after "---" is the
 * writer's, final newlines too. */
static char *
read_body (const char *data,
           gsize       len)
{
  if (len > 0 && data[0] == '\n')
    data++, len--;
  else if (len > 1 && data[0] == '\r' && data[1] == '\n')
    data += 2, len -= 2;
  while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
    len--;
  return g_strndup (data, len);
}

static gboolean
parse_front_matter (AmendComment *self,
                    Lines        *l,
                    GError      **error)
{
  Parse p = { self, 0, FALSE, 0 };
  g_autofree char *first = next_line (l);

  if (g_strcmp0 (first, "---") != 0)
    return fail (error, _("it has no front matter: a comment file starts with a line " "\xe2\x80\x9c" "---" "\xe2\x80\x9d"));
  for (;;)
    {
      g_autofree char *line = next_line (l);

      if (line == NULL)
        return fail (error, _("its front matter is not closed by a line " "\xe2\x80\x9c" "---" "\xe2\x80\x9d"));
      p.line = l->line;
      if (strcmp (line, "---") == 0)
        return TRUE;
      if (*line == '\0' || *line == '#')
        continue;
      if (!parse_field (&p, line, error))
        return FALSE;
    }
}

/**
 * amend_comment_new_from_data:
 * @id: (nullable): the id its file name gives, which its front matter must repeat
 *
 * Reads a comment file.  Anything that is not a comment Amend wrote or
 * could have written is an error with one sentence that says what is
 * wrong; nothing is guessed.
 */
AmendComment *
amend_comment_new_from_data (const char *id,
                             const char *data,
                             gsize       len,
                             GError    **error)
{
  g_autoptr(AmendComment) self = NULL;
  Lines l = { data, len, 0, 0 };

  if (len > AMEND_COMMENT_MAX_SIZE)
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_TOO_LARGE,
                   _("it is larger than %u bytes, so it is no comment"), AMEND_COMMENT_MAX_SIZE);
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      fail (error, _("it is not UTF-8 text, or has NUL bytes"));
      return NULL;
    }
  self = g_object_new (AMEND_TYPE_COMMENT, NULL);
  if (!parse_front_matter (self, &l, error) || !validate (self, id, error))
    return NULL;
  self->text = read_body (data + l.pos, len - l.pos);
  return g_steal_pointer (&self);
}

/* ----------------------------------------------------------------------- */
/* Writing                                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
is_plain (const char *value)
{
  static const char * const words[] = { "null", "true", "false", "yes", "no", "on", "off", "~" };

  if (!g_ascii_isalnum (*value) && *value != '_')
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("._:+/@-", *p))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (value, words[i]) == 0)
      return FALSE;
  return TRUE;
}

static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default:
        if (*p < 0x20 || *p == 0x7f)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

static void
append_field (GString    *out,
              const char *indent,
              const char *key,
              const char *value)
{
  g_string_append_printf (out, "%s%s:", indent, key);
  if (value != NULL && *value != '\0')
    {
      g_string_append_c (out, ' ');
      if (is_plain (value))
        g_string_append (out, value);
      else
        append_quoted (out, value);
    }
  g_string_append_c (out, '\n');
}

/* ISO 8601 to the second with the offset; the year always with four
 * digits (GLib's %Y writes the year 560 as "560", which ISO 8601 and the
 * reader do not take). */
char *
_amend_comment_format_date (GDateTime *date)
{
  g_autofree char *rest = NULL;

  if (date == NULL)
    return NULL;
  rest = g_date_time_format (date, "-%m-%dT%H:%M:%S%:z");
  return g_strdup_printf ("%04d%s", g_date_time_get_year (date), rest);
}

char *
amend_comment_to_data (AmendComment *self,
                       gsize        *len)
{
  GString *out = g_string_new ("---\n");
  g_autofree char *created = _amend_comment_format_date (self->created);
  g_autofree char *resolved_at = _amend_comment_format_date (self->resolved_at);

  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);

  append_field (out, "", "id", self->id);
  append_field (out, "", "author", self->author);
  append_field (out, "", "created", created);
  append_field (out, "", "reply-to", self->reply_to);
  append_field (out, "", "resolved-by", self->resolved_by);
  append_field (out, "", "resolved-at", resolved_at);
  if (self->has_anchor)
    {
      g_string_append (out, "anchor:\n");
      append_field (out, "  ", "source", self->source);
      append_field (out, "  ", "commit", self->commit);
      append_field (out, "  ", "eid", self->eid);
      if (self->exact)
        {
          append_field (out, "  ", "exact", self->exact);
          append_field (out, "  ", "prefix", self->prefix);
          append_field (out, "  ", "suffix", self->suffix);
        }
    }
  for (guint i = 0; i < self->extra->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (self->extra, i));
  g_string_append (out, "---\n\n");
  g_string_append (out, self->text ? self->text : "");
  g_string_append_c (out, '\n');
  if (len)
    *len = out->len;
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------------- */
/* Accessors                                                                */
/* ----------------------------------------------------------------------- */

const char *
amend_comment_get_id (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->id;
}

const char *
amend_comment_get_author (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->author;
}

GDateTime *
amend_comment_get_created (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->created;
}

const char *
amend_comment_get_text (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->text;
}

const char *
amend_comment_get_reply_to (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->reply_to;
}

void
amend_comment_set_reply_to (AmendComment *self,
                            const char   *id)
{
  g_return_if_fail (AMEND_IS_COMMENT (self));
  g_free (self->reply_to);
  self->reply_to = g_strdup (id);
}

gboolean
amend_comment_is_resolved (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), FALSE);
  return self->resolved_by != NULL;
}

const char *
amend_comment_get_resolved_by (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->resolved_by;
}

GDateTime *
amend_comment_get_resolved_at (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->resolved_at;
}

void
amend_comment_set_target (AmendComment *self,
                          const char   *source,
                          const char   *eid,
                          const char   *exact)
{
  g_return_if_fail (AMEND_IS_COMMENT (self));
  _amend_comment_set_anchor (self, source, NULL, eid, exact, NULL, NULL);
}

gboolean
amend_comment_has_anchor (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), FALSE);
  return self->has_anchor;
}

const char *
amend_comment_get_source (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->source;
}

const char *
amend_comment_get_commit (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->commit;
}

const char *
amend_comment_get_eid (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->eid;
}

const char *
amend_comment_get_exact (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->exact;
}

const char *
amend_comment_get_prefix (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->prefix;
}

const char *
amend_comment_get_suffix (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->suffix;
}

AmendAnchorState
amend_comment_get_state (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), AMEND_ANCHOR_NONE);
  return self->state;
}

/* The eId of the node the comment is on now (NULL when outdated). */
const char *
amend_comment_get_position_eid (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->position_eid;
}

/* The number of the article it is in now, NULL outside articles. */
const char *
amend_comment_get_article (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->article;
}

/* The 1-based lines of the quote (or of the node) now; 0 when outdated. */
guint
amend_comment_get_line (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), 0);
  return self->line;
}

guint
amend_comment_get_line_end (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), 0);
  return self->line_end;
}

/* The words the quote stands for now (differ from the quote when fuzzy). */
const char *
amend_comment_get_found_text (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->found_text;
}

/* The edit distance of a fuzzy match, in bytes. */
guint
amend_comment_get_errors (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), 0);
  return self->errors;
}

/* Outdated: the text the comment was about (its quote, or its node's
 * text in the version it was made on). */
const char *
amend_comment_get_old_text (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->old_text;
}

/* The path of its file in the repository. */
const char *
amend_comment_get_path (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->path;
}

/* The slug of its amendment, NULL for a comment on the draft. */
const char *
amend_comment_get_amendment (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->amendment;
}

/**
 * amend_comment_get_replies:
 *
 * Returns: (transfer none) (element-type AmendComment): the replies to a
 * thread's first comment, in time order (also replies to replies).
 */
GPtrArray *
amend_comment_get_replies (AmendComment *self)
{
  g_return_val_if_fail (AMEND_IS_COMMENT (self), NULL);
  return self->replies;
}

/* ----------------------------------------------------------------------- */
/* Set by the anchorer and the repository side                              */
/* ----------------------------------------------------------------------- */

void
_amend_comment_set_position (AmendComment               *self,
                             const AmendCommentPosition *position)
{
  clear_position (self);
  self->state = position->state;
  self->position_eid = g_strdup (position->eid);
  self->article = g_strdup (position->article);
  self->line = position->line;
  self->line_end = position->line_end;
  if (position->found_text)
    self->found_text = g_strndup (position->found_text, position->found_len);
  self->errors = position->errors;
  self->old_text = g_strdup (position->old_text);
}

void
_amend_comment_set_identity (AmendComment *self,
                             const char   *id,
                             const char   *author,
                             GDateTime    *created)
{
  g_free (self->id);
  self->id = g_strdup (id);
  g_free (self->author);
  self->author = g_strdup (author);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created ? g_date_time_ref (created) : NULL;
}

void
_amend_comment_set_anchor (AmendComment *self,
                           const char   *source,
                           const char   *commit,
                           const char   *eid,
                           const char   *exact,
                           const char   *prefix,
                           const char   *suffix)
{
  clear_anchor (self);
  self->has_anchor = TRUE;
  self->source = g_strdup (source);
  self->commit = g_strdup (commit);
  self->eid = g_strdup (eid);
  self->exact = exact && *exact ? g_strdup (exact) : NULL;
  self->prefix = g_strdup (prefix);
  self->suffix = g_strdup (suffix);
}

void
_amend_comment_clear_anchor (AmendComment *self)
{
  clear_anchor (self);
}

void
_amend_comment_set_resolved (AmendComment *self,
                             const char   *by,
                             GDateTime    *at)
{
  g_free (self->resolved_by);
  self->resolved_by = g_strdup (by);
  g_clear_pointer (&self->resolved_at, g_date_time_unref);
  self->resolved_at = at ? g_date_time_ref (at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

void
_amend_comment_set_location (AmendComment *self,
                             const char   *path,
                             const char   *amendment)
{
  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->amendment);
  self->amendment = g_strdup (amendment);
}

void
_amend_comment_add_reply (AmendComment *self,
                          AmendComment *reply)
{
  g_ptr_array_add (self->replies, g_object_ref (reply));
}

/* Time order; the id breaks ties, so that every machine lists the same. */
gint
_amend_comment_compare (gconstpointer a,
                        gconstpointer b)
{
  AmendComment *x = *(AmendComment * const *) a;
  AmendComment *y = *(AmendComment * const *) b;
  int c = g_date_time_compare (x->created, y->created);

  return c != 0 ? c : g_strcmp0 (x->id, y->id);
}
