/* amend-test-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "amend-test-util.h"
#include "amend-test-xml.h"

static void
collect_error (void       *data,
               xmlErrorPtr err)
{
  GString *out = data;

  g_string_append_printf (out, "line %d: %s", err->line, err->message ? err->message : "?\n");
}

xmlSchemaPtr
amend_test_xml_schema (const char *relative)
{
  static GHashTable *cache;
  g_autofree char *path = amend_test_shared_path (relative);
  xmlSchemaPtr s;

  if (path == NULL)
    return NULL;
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s = g_hash_table_lookup (cache, relative);
  if (s == NULL)
    {
      xmlSchemaParserCtxtPtr ctxt = xmlSchemaNewParserCtxt (path);
      s = xmlSchemaParse (ctxt);
      xmlSchemaFreeParserCtxt (ctxt);
      g_assert_nonnull (s);
      g_hash_table_insert (cache, g_strdup (relative), s);
    }
  return s;
}

xmlDocPtr
amend_test_xml_parse (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDocPtr doc = xmlReadMemory (data, (int) len, NULL, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

gboolean
amend_test_xml_assert_valid (xmlDocPtr   doc,
                             const char *relative)
{
  xmlSchemaPtr s = amend_test_xml_schema (relative);
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlSchemaValidCtxtPtr ctxt;
  int rc;

  if (s == NULL)
    return FALSE;
  ctxt = xmlSchemaNewValidCtxt (s);
  xmlSchemaSetValidStructuredErrors (ctxt, collect_error, errors);
  rc = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  if (rc != 0)
    g_error ("not valid against %s:\n%s", relative, errors->str);
  if (strstr (relative, "stop-") != NULL || strstr (relative, "lvbb-") != NULL)
    amend_test_schematron_keep_doc (doc, g_test_get_path ());
  return TRUE;
}

gboolean
amend_test_xml_assert_valid_bytes (GBytes     *bytes,
                                   const char *relative)
{
  xmlDocPtr doc;
  gboolean valid;

  /* Without the schemas the test is skipped before anything is parsed. */
  if (amend_test_xml_schema (relative) == NULL)
    return FALSE;
  doc = amend_test_xml_parse (bytes);
  valid = amend_test_xml_assert_valid (doc, relative);
  xmlFreeDoc (doc);
  return valid;
}

/* ----------------------------------------------------------------------- */
/* The business rules                                                       */
/* ----------------------------------------------------------------------- */

typedef struct {
  char       *dir;        /* the folder the files are kept in */
  GHashTable *names;      /* file name -> what wrote it (the test path) */
  GHashTable *delivered;  /* file names of AanleveringBesluit files */
  guint       n;
} Kept;

static Kept kept;

void
amend_test_schematron_keep (GBytes     *bytes,
                            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (kept.dir == NULL)
    {
      kept.dir = g_dir_make_tmp ("amend-schematron-XXXXXX", &error);
      g_assert_no_error (error);
      kept.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      kept.delivered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  file = g_strdup_printf ("%03u.xml", ++kept.n);
  path = g_build_filename (kept.dir, file, NULL);
  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
  g_hash_table_insert (kept.names, g_strdup (file), g_strdup_printf ("%s (%s)", name ? name : "?", file));
  if (g_strstr_len (data, MIN (len, 400), "AanleveringBesluit") != NULL)
    g_hash_table_add (kept.delivered, g_strdup (file));
}

void
amend_test_schematron_keep_doc (xmlDocPtr   doc,
                                const char *name)
{
  xmlChar *mem = NULL;
  int size = 0;
  g_autoptr(GBytes) bytes = NULL;

  xmlDocDumpMemory (doc, &mem, &size);
  bytes = g_bytes_new (mem, size);
  xmlFree (mem);
  amend_test_schematron_keep (bytes, name);
}

/* "DIR/012.xml: STOP0050 (fout): melding" -> file, code, ernst. */
static gboolean
parse_finding (const char  *line,
               char       **file,
               char       **code,
               char       **ernst)
{
  const char *colon = strstr (line, ".xml: ");
  const char *open, *close;

  if (colon == NULL)
    return FALSE;
  open = strchr (colon + 6, '(');
  close = open ? strchr (open, ')') : NULL;
  if (open == NULL || close == NULL)
    return FALSE;
  {
    g_autofree char *path = g_strndup (line, colon + 4 - line);
    *file = g_path_get_basename (path);
  }
  *code = g_strstrip (g_strndup (colon + 6, open - colon - 6));
  *ernst = g_strndup (open + 1, close - open - 1);
  return TRUE;
}

static void
remove_kept (void)
{
  GDir *dir = g_dir_open (kept.dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (kept.dir, name, NULL);
      g_remove (path);
    }
  if (dir)
    g_dir_close (dir);
  g_rmdir (kept.dir);
}

/* stop-schematron compiles its rule sets into one cache folder, under fixed
 * names, whenever a compiled file is missing or older than its rule set
 * (a fresh ../shared is newer than any cache).  Two test programs doing that
 * at once (meson runs two) overwrite each other's half-written files, and
 * only the tool knows when it will compile; so every run holds one lock. */
static int
schematron_lock (void)
{
  const char *xdg = g_getenv ("XDG_CACHE_HOME");
  g_autofree char *cache = (xdg != NULL && *xdg != '\0')
    ? g_strdup (xdg) : g_build_filename (g_get_home_dir (), ".cache", NULL);
  g_autofree char *lock = g_build_filename (cache, "stop-schematron.lock", NULL);
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (cache, 0755), ==, 0);
  fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  return fd;
}

void
amend_test_schematron_check (void)
{
  g_autofree char *tool = amend_test_shared_path ("tools/stop-schematron");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint counts[3] = { 0 };
  int status = 0;
  int lock = -1;

  if (tool == NULL)
    return;
  if (kept.n == 0)
    {
      g_test_skip ("no STOP or LVBB file was written before this test case; run the whole program");
      return;
    }
  g_ptr_array_add (argv, g_strdup (tool));
  for (guint i = 1; i <= kept.n; i++)
    g_ptr_array_add (argv, g_strdup_printf ("%s/%03u.xml", kept.dir, i));
  g_ptr_array_add (argv, NULL);
  lock = schematron_lock ();
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  close (lock);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 2)
    {
      g_autofree char *msg = g_strdup_printf ("stop-schematron cannot run: %s", err);
      /* Only without Java and Saxon; CI installs both (.ci/setup). */
      if (strstr (err, "needs java") != NULL)
        {
          g_test_skip (msg);
          remove_kept ();
          return;
        }
      g_error ("%s", msg);
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *file = NULL, *code = NULL, *ernst = NULL;

      if (!parse_finding (lines[i], &file, &code, &ernst))
        continue;
      counts[strcmp (ernst, "fout") == 0 ? 0 : strcmp (ernst, "waarschuwing") == 0 ? 1 : 2]++;
      if (strcmp (ernst, "fout") != 0)
        continue;
      if (strcmp (code, "BHKV1006") == 0 && !g_hash_table_contains (kept.delivered, file))
        continue;
      g_string_append_printf (failures, "%s: %s\n", (char *) g_hash_table_lookup (kept.names, file),
                              strstr (lines[i], ".xml: ") + 6);
    }
  g_test_message ("stop-schematron on %u files: %u fout (BHKV1006 on text modules included), %u waarschuwing, "
                  "%u other", kept.n, counts[0], counts[1], counts[2]);
  if (failures->len > 0)
    g_error ("findings of ernst fout:\n%s", failures->str);
  remove_kept ();
}
