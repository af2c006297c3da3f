/* amend-thin-pack.c: a thin pack, written by Amend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The delta: a regulation changes by whole lines (an article reworded, one
 * added), so the lines of the base are indexed by their hash and each
 * line of the target looked up there; a hit is extended byte by byte in
 * both directions, as far as the two agree, and becomes one copy
 * instruction; what lies between hits is inserted literally.  One changed
 * article of 2,000 costs a copy, the new lines and a copy: some hundred
 * bytes where the file is 1.3 MB.  Objects are compressed with GIO's zlib
 * converter, as git does (zlib, default level).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "amend-oid.h"
#include "amend-sync-private.h"
#include "amend-thin-pack.h"

/* A copy shorter than this costs more than the bytes it saves, and a
 * short line (an empty one) found elsewhere in the file is no anchor. */
#define MIN_COPY 24
/* git's own encoder never copies more at once; every reader takes it. */
#define MAX_COPY 0x10000
#define MAX_INSERT 0x7f
/* Smaller objects go whole, as git's pack-objects does. */
#define MIN_DELTA_SIZE 64

#define OBJ_REF_DELTA 7

static guint32
line_hash (const guchar *p,
           gsize         len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static gsize
line_end (const guchar *data,
          gsize         len,
          gsize         at)
{
  const guchar *nl = memchr (data + at, '\n', len - at);

  return nl ? (gsize) (nl - data) + 1 : len;
}

/* Each line's hash to the offset of its first occurrence (plus one, so
 * that no value is NULL): filled from the end, the first one stays. */
static GHashTable *
index_lines (const guchar *base,
             gsize         from,
             gsize         to)
{
  GHashTable *index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (gsize at = from; at < to; at = line_end (base, to, at))
    g_array_append_val (starts, at);
  for (guint i = starts->len; i-- > 0;)
    {
      gsize at = g_array_index (starts, gsize, i);
      gsize end = line_end (base, to, at);

      g_hash_table_insert (index, GUINT_TO_POINTER (line_hash (base + at, end - at)), GSIZE_TO_POINTER (at + 1));
    }
  return index;
}

static void
put_varint (GByteArray *out,
            guint64     value)
{
  do
    {
      guchar c = value & 0x7f;

      value >>= 7;
      if (value != 0)
        c |= 0x80;
      g_byte_array_append (out, &c, 1);
    }
  while (value != 0);
}

static void
put_insert (GByteArray   *out,
            const guchar *data,
            gsize         len)
{
  while (len > 0)
    {
      guchar n = (guchar) MIN (len, MAX_INSERT);

      g_byte_array_append (out, &n, 1);
      g_byte_array_append (out, data, n);
      data += n;
      len -= n;
    }
}

/* Only the non-zero bytes of offset and size are written, their bits in
 * the first byte saying which; no size bytes at all mean 0x10000. */
static void
put_copy (GByteArray *out,
          gsize       offset,
          gsize       len)
{
  while (len > 0)
    {
      gsize n = MIN (len, MAX_COPY);
      guchar op[8] = { 0x80 };
      guint k = 1;

      for (guint i = 0; i < 4; i++)
        if ((offset >> (8 * i)) & 0xff)
          {
            op[0] |= 1 << i;
            op[k++] = (offset >> (8 * i)) & 0xff;
          }
      for (guint i = 0; n != MAX_COPY && i < 3; i++)
        if ((n >> (8 * i)) & 0xff)
          {
            op[0] |= 0x10 << i;
            op[k++] = (n >> (8 * i)) & 0xff;
          }
      g_byte_array_append (out, op, k);
      offset += n;
      len -= n;
    }
}

static gsize
common_length (const guchar *a,
               gsize         a_len,
               const guchar *b,
               gsize         b_len)
{
  gsize n = 0, most = MIN (a_len, b_len);

  while (n < most && a[n] == b[n])
    n++;
  return n;
}

static gsize
common_suffix (const guchar *a,
               gsize         a_len,
               const guchar *b,
               gsize         b_len)
{
  gsize n = 0, most = MIN (a_len, b_len);

  while (n < most && a[a_len - 1 - n] == b[b_len - 1 - n])
    n++;
  return n;
}

/* The part of base and target that differs: the same lines before and
 * after it are one copy each, the lines inside it are looked up. */
typedef struct {
  const guchar *base;
  gsize         base_end;
  const guchar *target;
  gsize         target_end;
  GHashTable   *index;
} Middle;

/* Where the line at @t of the target is in the base, and how long the
 * two agree from there; 0 when not at all. */
static gsize
find_match (const Middle *m,
            gsize         t,
            gsize        *b)
{
  gsize end = line_end (m->target, m->target_end, t);
  gpointer hit = g_hash_table_lookup (m->index, GUINT_TO_POINTER (line_hash (m->target + t, end - t)));

  if (hit == NULL)
    return 0;
  *b = GPOINTER_TO_SIZE (hit) - 1;
  return common_length (m->base + *b, m->base_end - *b, m->target + t, m->target_end - t);
}

/* The instructions for target[@from, end of middle), into @out; FALSE
 * once they pass @max_len. */
static gboolean
delta_middle (const Middle *m,
              gsize         from,
              GByteArray   *out,
              gsize         max_len)
{
  gsize t = from, literal = from;

  while (t < m->target_end && out->len + (t - literal) <= max_len)
    {
      gsize b = 0, match = find_match (m, t, &b);

      if (match < MIN_COPY)
        {
          t = line_end (m->target, m->target_end, t);
          continue;
        }
      /* Back into what was to be inserted, as far as it agrees too. */
      while (t > literal && b > 0 && m->base[b - 1] == m->target[t - 1])
        t--, b--, match++;
      put_insert (out, m->target + literal, t - literal);
      put_copy (out, b, match);
      t += match;
      literal = t;
    }
  put_insert (out, m->target + literal, m->target_end - literal);
  return out->len <= max_len;
}

GBytes *
amend_thin_pack_delta (const guchar *base,
                       gsize         base_len,
                       const guchar *target,
                       gsize         target_len,
                       gsize         max_len)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GHashTable) index = NULL;
  gsize prefix, suffix;
  Middle m;

  if (base_len > G_MAXUINT32)
    return NULL;
  prefix = common_length (base, base_len, target, target_len);
  suffix = common_suffix (base + prefix, base_len - prefix, target + prefix, target_len - prefix);
  index = index_lines (base, prefix, base_len - suffix);
  m = (Middle) { base, base_len - suffix, target, target_len - suffix, index };
  put_varint (out, base_len);
  put_varint (out, target_len);
  put_copy (out, 0, prefix);
  if (!delta_middle (&m, prefix, out, max_len))
    return NULL;
  put_copy (out, base_len - suffix, suffix);
  if (out->len > max_len)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ----------------------------------------------------------------------- */
/* The pack                                                                 */
/* ----------------------------------------------------------------------- */

typedef struct {
  GChecksum              *sum;
  AmendThinPackWriteFunc  write;
  gpointer                user_data;
  git_odb                *odb;
  GHashTable             *uses;  /* a base's id to the deltas still to be made against it */
  GHashTable             *kept;  /* those in the pack, read already: id to git_odb_object */
} Output;

static void
count_uses (Output *o,
            GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const AmendThinPackEntry *e = &g_array_index (entries, AmendThinPackEntry, i);
      guint n;

      if (!e->has_base)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (o->uses, &e->base));
      g_hash_table_insert (o->uses, g_memdup2 (&e->base, sizeof e->base), GUINT_TO_POINTER (n + 1));
    }
}

static gboolean
emit (Output     *o,
      const void *data,
      gsize       len)
{
  g_checksum_update (o->sum, data, len);
  return o->write (data, len, o->user_data);
}

/* The type in bits 4-6 of the first byte, the size in its low four bits
 * and then seven bits a byte, the high bit saying more follow. */
static gboolean
emit_object_header (Output *o,
                    guint   type,
                    gsize   size)
{
  guchar head[16];
  guint k = 0;
  guchar c = (guchar) ((type << 4) | (size & 0x0f));

  size >>= 4;
  while (size != 0)
    {
      head[k++] = c | 0x80;
      c = size & 0x7f;
      size >>= 7;
    }
  head[k++] = c;
  return emit (o, head, k);
}

static GBytes *
deflate_data (const void *data,
              gsize       len,
              GError    **error)
{
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, -1);
  g_autoptr(GByteArray) out = g_byte_array_sized_new (len / 2 + 64);
  gsize in = 0, used = 0;
  GConverterResult result;

  do
    {
      gsize read = 0, written = 0;

      g_byte_array_set_size (out, used + len / 2 + 4096);
      result = g_converter_convert (G_CONVERTER (z), (const guchar *) data + in, len - in, out->data + used,
                                    out->len - used, G_CONVERTER_INPUT_AT_END, &read, &written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      in += read;
      used += written;
    }
  while (result != G_CONVERTER_FINISHED);
  g_byte_array_set_size (out, used);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb_object, git_odb_object_free)

/* The base of @entry: kept from when it was written (the versions of a
 * path in a whole-project pack, whose reading from a long history costs
 * more than their deltas), or read; kept no longer than needed. */
static git_odb_object *
read_base (Output                   *o,
           const AmendThinPackEntry *entry)
{
  git_odb_object *base = NULL;
  guint left = GPOINTER_TO_UINT (g_hash_table_lookup (o->uses, &entry->base));
  gpointer key = NULL;

  if (g_hash_table_steal_extended (o->kept, &entry->base, &key, (gpointer *) &base))
    {
      g_free (key);
      if (left > 1)
        {
          git_odb_object *again = NULL;

          git_odb_object_dup (&again, base);
          g_hash_table_insert (o->kept, g_memdup2 (&entry->base, sizeof entry->base), again);
        }
    }
  else if (git_odb_read (&base, o->odb, &entry->base) < 0)
    base = NULL;
  if (left > 1)
    g_hash_table_insert (o->uses, g_memdup2 (&entry->base, sizeof entry->base), GUINT_TO_POINTER (left - 1));
  else
    g_hash_table_remove (o->uses, &entry->base);
  return base;
}

static void
keep_if_base (Output         *o,
              git_odb_object *obj)
{
  git_odb_object *kept = NULL;

  if (!g_hash_table_contains (o->uses, git_odb_object_id (obj)))
    return;
  git_odb_object_dup (&kept, obj);
  g_hash_table_insert (o->kept, g_memdup2 (git_odb_object_id (obj), sizeof (git_oid)), kept);
}

/* The delta of @obj against its base, when the base is of its kind and
 * the delta at most half of it; NULL otherwise. */
static GBytes *
delta_of (Output                   *o,
          const AmendThinPackEntry *entry,
          git_odb_object           *obj)
{
  g_autoptr(git_odb_object) base = NULL;
  gsize size = git_odb_object_size (obj);

  if (!entry->has_base)
    return NULL;
  base = read_base (o, entry);
  if (base == NULL || size < MIN_DELTA_SIZE || git_odb_object_type (base) != git_odb_object_type (obj))
    {
      git_error_clear ();
      return NULL;
    }
  return amend_thin_pack_delta (git_odb_object_data (base), git_odb_object_size (base),
                                git_odb_object_data (obj), size, size / 2);
}

static gboolean
emit_entry (Output                   *o,
            const AmendThinPackEntry *entry,
            guint                    *deltas,
            GError                  **error)
{
  g_autoptr(git_odb_object) obj = NULL;
  g_autoptr(GBytes) delta = NULL;
  g_autoptr(GBytes) packed = NULL;
  int rc;

  if ((rc = git_odb_read (&obj, o->odb, &entry->id)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read what goes into the package"));
  delta = delta_of (o, entry, obj);
  keep_if_base (o, obj);
  if (delta != NULL)
    {
      (*deltas)++;
      packed = deflate_data (g_bytes_get_data (delta, NULL), g_bytes_get_size (delta), error);
      return packed != NULL &&
             emit_object_header (o, OBJ_REF_DELTA, g_bytes_get_size (delta)) &&
             emit (o, entry->base.id, GIT_OID_RAWSZ) &&
             emit (o, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
    }
  packed = deflate_data (git_odb_object_data (obj), git_odb_object_size (obj), error);
  return packed != NULL &&
         emit_object_header (o, git_odb_object_type (obj), git_odb_object_size (obj)) &&
         emit (o, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
}

gboolean
amend_thin_pack_write (git_odb                *odb,
                       GArray                 *entries,
                       AmendThinPackWriteFunc  write,
                       gpointer                user_data,
                       guint                  *deltas,
                       GError                **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autoptr(GHashTable) uses = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free,
                                                      (GDestroyNotify) git_odb_object_free);
  Output o = { sum, write, user_data, odb, uses, kept };
  guchar head[12] = { 'P', 'A', 'C', 'K', 0, 0, 0, 2 };
  guint8 digest[GIT_OID_RAWSZ];
  gsize digest_len = sizeof digest;
  guint32 count = entries->len;

  *deltas = 0;
  count_uses (&o, entries);
  for (guint i = 0; i < 4; i++)
    head[8 + i] = (count >> (24 - 8 * i)) & 0xff;
  if (!emit (&o, head, sizeof head))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    if (!emit_entry (&o, &g_array_index (entries, AmendThinPackEntry, i), deltas, error))
      return FALSE;
  g_checksum_get_digest (sum, digest, &digest_len);
  return write (digest, digest_len, user_data);
}
