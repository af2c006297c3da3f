/* test-json-writer.c: the streaming JSON writer writes json-glib's bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands' JSON moved from json-glib's generator to
 * amend-json-writer.c; their output must not have changed.  Random
 * documents are written both ways and compared byte for byte.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "amend-json-writer.h"

/* A string with every kind of byte the escaping treats apart: control
 * characters, quotes, backslashes, DEL, 0x1f and UTF-8. */
static char *
random_string (GRand *rand)
{
  static const char *pieces[] = { "a", "Artikel 1:2", "\"", "\\", "\n", "\t", "\r", "\b", "\f",
                                  "\x01", "\x1e", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\x9c", "/", " " };
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 12);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static void write_value (GRand *rand, JsonBuilder *b, AmendJsonWriter *w, guint depth);

static void
write_container (GRand           *rand,
                 JsonBuilder     *b,
                 AmendJsonWriter *w,
                 guint            depth,
                 gboolean         object)
{
  guint n = g_rand_int_range (rand, 0, 5);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  object ? json_builder_begin_object (b) : json_builder_begin_array (b);
  object ? amend_json_writer_begin_object (w) : amend_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      if (object)
        {
          /* json-glib keeps one member per name: the names differ. */
          g_autofree char *random = random_string (rand);
          char *name = g_strdup_printf ("%u%s", i, random);

          g_ptr_array_add (names, name);
          json_builder_set_member_name (b, name);
          amend_json_writer_member (w, name);
        }
      write_value (rand, b, w, depth + 1);
    }
  object ? json_builder_end_object (b) : json_builder_end_array (b);
  object ? amend_json_writer_end_object (w) : amend_json_writer_end_array (w);
}

static void
write_value (GRand           *rand,
             JsonBuilder     *b,
             AmendJsonWriter *w,
             guint            depth)
{
  switch (g_rand_int_range (rand, 0, depth < 5 ? 7 : 5))
    {
    case 0:
      {
        g_autofree char *s = random_string (rand);
        json_builder_add_string_value (b, s);
        amend_json_writer_string (w, s);
      }
      break;
    case 1:
      {
        gint64 v = (gint64) g_rand_int (rand) - G_MAXINT32;
        json_builder_add_int_value (b, v);
        amend_json_writer_int (w, v);
      }
      break;
    case 2:
      json_builder_add_boolean_value (b, depth % 2);
      amend_json_writer_boolean (w, depth % 2);
      break;
    case 3:
      json_builder_add_null_value (b);
      amend_json_writer_null (w);
      break;
    case 4:
      json_builder_add_string_value (b, "");
      amend_json_writer_string (w, "");
      break;
    case 5:
      write_container (rand, b, w, depth, FALSE);
      break;
    default:
      write_container (rand, b, w, depth, TRUE);
      break;
    }
}

static char *
generate (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static void
test_same_as_json_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      AmendJsonWriter *w = amend_json_writer_new (NULL);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      write_container (rand, b, w, 0, i % 2 == 0);
      expected = generate (b);
      got = amend_json_writer_finish (w, NULL);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* Written to a FILE in 64 KiB pieces, the bytes are the same as in one. */
static void
test_sink (void)
{
  g_autofree char *path = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *written = NULL;
  AmendJsonWriter *w;
  int fd = g_file_open_tmp ("amend-json-XXXXXX", &path, NULL);
  FILE *f = fdopen (fd, "w");

  g_assert_nonnull (f);
  for (guint pass = 0; pass < 2; pass++)
    {
      w = amend_json_writer_new (pass == 0 ? NULL : f);
      amend_json_writer_begin_array (w);
      for (guint i = 0; i < 20000; i++)
        {
          amend_json_writer_begin_object (w);
          amend_json_writer_member_int (w, "line", i);
          amend_json_writer_member_string (w, "text", i % 3 ? "Artikel \"1\"\n" : NULL);
          amend_json_writer_end_object (w);
        }
      amend_json_writer_end_array (w);
      if (pass == 0)
        whole = amend_json_writer_finish (w, NULL);
      else
        g_assert_null (amend_json_writer_finish (w, NULL));
    }
  fclose (f);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpuint (strlen (whole), >, 1024 * 1024);
  g_assert_cmpstr (written, ==, whole);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json-writer/sink", test_sink);
  return g_test_run ();
}
