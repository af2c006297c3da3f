/* amend-utf8.c: checking that a text is UTF-8, eight ASCII bytes a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib's g_utf8_validate_len() looks at every byte on its own: on two
 * versions of the Gemeentewet it was a fifth of `amend diff`.  A regulation
 * is nearly all ASCII, so eight bytes are taken at once while none has its
 * high bit set and none is NUL; a character beyond ASCII is checked by
 * GLib (g_utf8_get_char_validated(), which refuses what
 * g_utf8_validate_len() refuses: overlong forms, surrogates, code points
 * past U+10FFFF, a cut-off sequence).
 */
#include "config.h"

#include <string.h>

#include "amend-utf8.h"

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static const char *
skip_ascii (const char *p,
            const char *stop)
{
  while (stop - p >= 8)
    {
      guint64 w;

      memcpy (&w, p, 8);
      /* A high bit, or a zero byte (exact for the first zero byte). */
      if ((w & HIGHS) != 0 || ((w - ONES) & ~w & HIGHS) != 0)
        break;
      p += 8;
    }
  return p;
}

/* As g_utf8_validate_len(): whether the @len bytes at @data are UTF-8
 * without a NUL; @end, when given, is set to the first byte that is not
 * (or to the end). */
gboolean
amend_utf8_validate (const char  *data,
                     gsize        len,
                     const char **end)
{
  const char *p = data, *stop = data + len;

  while ((p = skip_ascii (p, stop)) < stop)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (*p == '\0')
            break;
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, stop - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      p = g_utf8_next_char (p);
    }
  if (end)
    *end = p;
  return p == stop;
}
