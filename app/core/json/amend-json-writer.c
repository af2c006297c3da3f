/* amend-json-writer.c: JSON written as it is produced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib builds a tree of JsonNodes and then prints it; for the outline
 * of a large regulation that tree cost more than reading the regulation
 * (hundreds of megabytes for 8,000 articles).  This writer prints each
 * value as it comes, into a buffer that goes to a FILE every 64 KiB, so
 * memory stays flat however large the document.
 *
 * The bytes are exactly those of json-glib's pretty generator (two spaces
 * per level, "name" : value, [] for an empty array, the same escapes), so
 * the commands' JSON did not change when they moved to this writer;
 * test-json-writer compares both on random documents.
 */
#include "config.h"

#include <string.h>

#include "amend-json-writer.h"

#define FLUSH_AT (64 * 1024)

typedef struct {
  gboolean object;
  gboolean any;     /* a value was written in it */
} Level;

struct _AmendJsonWriter
{
  GString *buf;
  FILE    *sink;
  GArray  *levels;  /* of Level, the open containers */
  const char *name; /* the member name for the next value */
  gboolean failed;
};

/* Room for @n more bytes (and the NUL GString keeps after them). */
static inline char *
reserve (GString *buf,
         gsize    n)
{
  if (buf->len + n + 1 > buf->allocated_len)
    {
      gsize len = buf->len;

      g_string_set_size (buf, len + n);
      g_string_truncate (buf, len);
    }
  return buf->str + buf->len;
}

static inline void
put (GString    *buf,
     const char *s,
     gsize       n)
{
  memcpy (reserve (buf, n), s, n);
  buf->len += n;
  buf->str[buf->len] = '\0';
}

static inline void
put_c (GString *buf,
       char     c)
{
  *reserve (buf, 1) = c;
  buf->len++;
  buf->str[buf->len] = '\0';
}

AmendJsonWriter *
amend_json_writer_new (FILE *sink)
{
  AmendJsonWriter *self = g_new0 (AmendJsonWriter, 1);

  self->buf = g_string_sized_new (sink ? FLUSH_AT + 4096 : 4096);
  self->sink = sink;
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return self;
}

void
amend_json_writer_free (AmendJsonWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buf, TRUE);
  g_array_unref (self->levels);
  g_free (self);
}

/* Writes what is buffered to the sink; FALSE when the sink failed (now or
 * before). */
gboolean
amend_json_writer_flush (AmendJsonWriter *self)
{
  if (self->sink == NULL)
    return TRUE;
  if (self->buf->len > 0 && fwrite (self->buf->str, 1, self->buf->len, self->sink) != self->buf->len)
    self->failed = TRUE;
  g_string_truncate (self->buf, 0);
  return !self->failed;
}

/* Without a sink: the whole text, and the writer is freed.  With one: the
 * rest is written, NULL is returned, and the writer is freed. */
char *
amend_json_writer_finish (AmendJsonWriter *self,
                          gsize           *len)
{
  char *text = NULL;

  if (self->sink)
    amend_json_writer_flush (self);
  else
    {
      if (len)
        *len = self->buf->len;
      text = g_string_free (g_steal_pointer (&self->buf), FALSE);
      self->buf = g_string_new (NULL);
    }
  amend_json_writer_free (self);
  return text;
}

static void
indent (GString *buf,
        guint    level)
{
  memset (reserve (buf, level * 2), ' ', level * 2);
  buf->len += level * 2;
  buf->str[buf->len] = '\0';
}

/* 0: written as is; 1: the end of a C string; 2: a backslash before it;
 * 3: a short escape; 4: \u00XX.  0x1f and bytes of multi-byte characters
 * pass as json-glib passes them. */
static const guchar escape_kind[256] = {
  [0x00] = 1, [0x01] = 4, [0x02] = 4, [0x03] = 4, [0x04] = 4, [0x05] = 4, [0x06] = 4, [0x07] = 4,
  ['\b'] = 3, ['\t'] = 3, ['\n'] = 3, [0x0b] = 4, ['\f'] = 3, ['\r'] = 3,
  [0x0e] = 4, [0x0f] = 4, [0x10] = 4, [0x11] = 4, [0x12] = 4, [0x13] = 4, [0x14] = 4,
  [0x15] = 4, [0x16] = 4, [0x17] = 4, [0x18] = 4, [0x19] = 4, [0x1a] = 4, [0x1b] = 4,
  [0x1c] = 4, [0x1d] = 4, [0x1e] = 4, ['"'] = 2, ['\\'] = 2, [0x7f] = 4,
};

static void
append_escaped (GString    *buf,
                const char *s,
                gsize       len)
{
  gsize done = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c;

      /* Eight bytes at a time while none is below 0x20, '"', '\\' or DEL. */
      while (i + 8 <= len)
        {
          guint64 w, quote, slash, del;

          memcpy (&w, s + i, 8);
          quote = w ^ G_GUINT64_CONSTANT (0x2222222222222222);
          slash = w ^ G_GUINT64_CONSTANT (0x5c5c5c5c5c5c5c5c);
          del = w ^ G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f);
#define HAS_ZERO(v) (((v) - G_GUINT64_CONSTANT (0x0101010101010101)) & ~(v) & G_GUINT64_CONSTANT (0x8080808080808080))
#define HAS_LESS(v, n) (((v) - G_GUINT64_CONSTANT (0x0101010101010101) * (n)) & ~(v) & G_GUINT64_CONSTANT (0x8080808080808080))
          if (HAS_LESS (w, 0x20) || HAS_ZERO (quote) || HAS_ZERO (slash) || HAS_ZERO (del))
            break;
#undef HAS_ZERO
#undef HAS_LESS
          i += 8;
        }
      if (i >= len)
        break;
      c = s[i];
      if (G_LIKELY (escape_kind[c] == 0))
        continue;
      put (buf, s + done, i - done);
      done = i + 1;
      switch (escape_kind[c])
        {
        case 1:
          return; /* a C string ends here, as for json-glib */
        case 2:
          put_c (buf, '\\');
          put_c (buf, c);
          break;
        case 3:
          put_c (buf, '\\');
          put_c (buf, c == '\b' ? 'b' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\f' ? 'f' : 'r');
          break;
        default:
          {
            char esc[7];

            g_snprintf (esc, sizeof esc, "\\u00%02x", c);
            put (buf, esc, 6);
          }
          break;
        }
    }
  put (buf, s + done, len - done);
}

/* What comes before a value: the separator, the indentation, the name. */
static void
before_value (AmendJsonWriter *self)
{
  Level *level;

  if (self->levels->len == 0)
    return;
  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  if (level->any)
    put (self->buf, ",\n", 2);
  else
    put_c (self->buf, '\n');
  level->any = TRUE;
  indent (self->buf, self->levels->len);
  if (level->object)
    {
      put_c (self->buf, '"');
      append_escaped (self->buf, self->name ? self->name : "", self->name ? strlen (self->name) : 0);
      put (self->buf, "\" : ", 4);
      self->name = NULL;
    }
}

static void
after_value (AmendJsonWriter *self)
{
  if (self->sink && self->buf->len >= FLUSH_AT)
    amend_json_writer_flush (self);
}

static void
begin (AmendJsonWriter *self,
       gboolean         object)
{
  Level level = { object, FALSE };

  before_value (self);
  g_string_append_c (self->buf, object ? '{' : '[');
  g_array_append_val (self->levels, level);
}

static void
end (AmendJsonWriter *self,
     gboolean         object)
{
  Level *level;

  g_return_if_fail (self->levels->len > 0);
  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (level->object == object);
  /* json-glib indents the closing brace of an empty object too ("{  }"),
   * not the bracket of an empty array ("[]"). */
  if (level->any)
    g_string_append_c (self->buf, '\n');
  if (level->any || object)
    indent (self->buf, self->levels->len - 1);
  g_string_append_c (self->buf, object ? '}' : ']');
  g_array_set_size (self->levels, self->levels->len - 1);
  after_value (self);
}

void
amend_json_writer_begin_object (AmendJsonWriter *self)
{
  begin (self, TRUE);
}

void
amend_json_writer_end_object (AmendJsonWriter *self)
{
  end (self, TRUE);
}

void
amend_json_writer_begin_array (AmendJsonWriter *self)
{
  begin (self, FALSE);
}

void
amend_json_writer_end_array (AmendJsonWriter *self)
{
  end (self, FALSE);
}

/* The name of the next value; @name must live until that value is written. */
void
amend_json_writer_member (AmendJsonWriter *self,
                          const char      *name)
{
  self->name = name;
}

void
amend_json_writer_string_len (AmendJsonWriter *self,
                              const char      *value,
                              gsize            len)
{
  before_value (self);
  put_c (self->buf, '"');
  append_escaped (self->buf, value, len);
  put_c (self->buf, '"');
  after_value (self);
}

void
amend_json_writer_string (AmendJsonWriter *self,
                          const char      *value)
{
  if (value == NULL)
    amend_json_writer_null (self);
  else
    amend_json_writer_string_len (self, value, strlen (value));
}

void
amend_json_writer_int (AmendJsonWriter *self,
                       gint64           value)
{
  char digits[24];
  int at = sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    digits[--at] = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    digits[--at] = '-';
  before_value (self);
  put (self->buf, digits + at, sizeof digits - at);
  after_value (self);
}

void
amend_json_writer_boolean (AmendJsonWriter *self,
                           gboolean         value)
{
  before_value (self);
  g_string_append (self->buf, value ? "true" : "false");
  after_value (self);
}

void
amend_json_writer_null (AmendJsonWriter *self)
{
  before_value (self);
  g_string_append (self->buf, "null");
  after_value (self);
}

void
amend_json_writer_member_string (AmendJsonWriter *self,
                                 const char      *name,
                                 const char      *value)
{
  amend_json_writer_member (self, name);
  amend_json_writer_string (self, value);
}

void
amend_json_writer_member_int (AmendJsonWriter *self,
                              const char      *name,
                              gint64           value)
{
  amend_json_writer_member (self, name);
  amend_json_writer_int (self, value);
}

void
amend_json_writer_member_boolean (AmendJsonWriter *self,
                                  const char      *name,
                                  gboolean         value)
{
  amend_json_writer_member (self, name);
  amend_json_writer_boolean (self, value);
}
