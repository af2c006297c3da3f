/* test-data.c: the desktop integration files, checked by their own validators
 *
 * The launcher, the AppStream metainfo, the GSettings schema, the icons, the
 * Dutch translation and the flatpak manifest are data, not code: each is
 * checked here by the tool that its consumers use (desktop-file-validate,
 * appstreamcli, glib-compile-schemas, msgfmt) run as a subprocess, and by
 * reading it back (GKeyFile, libxml2, json-glib) for what the validators do
 * not know: that the files agree with each other and with Amend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-test-cli.h"
#include "amend-test-util.h"

#define DESKTOP_FILE  APP_ID ".desktop"
#define METAINFO_FILE APP_ID ".metainfo.xml"

/* Runs a validator; FALSE (after g_test_skip) when it is not installed, so a
 * machine without desktop-file-utils or appstream skips instead of failing. */
static gboolean
tool_run (AmendTestRun *run,
          const char   *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program = g_find_program_in_path (first);
  /* The validators' messages are matched below in English. */
  const char *env[] = { "LC_ALL=C.UTF-8", "LANGUAGE", NULL };
  AmendTestRunOptions options = { .env = env };
  va_list args;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (see .ci/setup)", first);
      g_test_skip (message);
      return FALSE;
    }

  g_ptr_array_add (argv, g_steal_pointer (&program));
  va_start (args, first);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  amend_test_run_argv (run, &options, (const char * const *) argv->pdata);
  return TRUE;
}

static char *
built_path (const char *name)
{
  return g_build_filename (AMEND_BUILD_DATA_DIR, name, NULL);
}

/* Desktop file ----------------------------------------------------------- */

static void
test_desktop_validate (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *path = built_path (DESKTOP_FILE);

  if (!tool_run (&run, "desktop-file-validate", path, NULL))
    return;
  /* desktop-file-validate exits 0 on hints and deprecations too: a clean file
   * says nothing at all. */
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_desktop_contents (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = built_path (DESKTOP_FILE);
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *icon_relative = NULL;
  g_autofree char *icon_path = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *comment_nl = NULL;
  g_autofree char *keywords_nl = NULL;
  g_auto(GStrv) categories = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  exec = g_key_file_get_string (key_file, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "amend-gui %F");
  /* Packages open in Amend: the MIME type of data/APP_ID.mime.xml. */
  {
    g_auto(GStrv) types = g_key_file_get_string_list (key_file, "Desktop Entry", "MimeType", NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_strv_contains ((const char * const *) types, "application/x-amend-package"));
  }

  /* The icon named in the launcher is the one installed from data/icons. */
  icon = g_key_file_get_string (key_file, "Desktop Entry", "Icon", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, APP_ID);
  icon_relative = g_strdup_printf ("data/icons/hicolor/scalable/apps/%s.svg", icon);
  icon_path = amend_test_source_path (icon_relative);
  g_assert_true (g_file_test (icon_path, G_FILE_TEST_IS_REGULAR));

  categories = g_key_file_get_string_list (key_file, "Desktop Entry", "Categories", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) categories, "Office"));
  g_assert_true (g_strv_contains ((const char * const *) categories, "GTK"));

  /* The Dutch translation made it from po/nl.po into the built file. */
  comment = g_key_file_get_string (key_file, "Desktop Entry", "Comment", &error);
  g_assert_no_error (error);
  comment_nl = g_key_file_get_locale_string (key_file, "Desktop Entry", "Comment", "nl", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment_nl, !=, comment);
  g_assert_nonnull (strstr (comment_nl, "amendementen"));
  keywords_nl = g_key_file_get_value (key_file, "Desktop Entry", "Keywords[nl]", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (keywords_nl, "verordening;"));
}

/* AppStream metainfo ------------------------------------------------------- */

static void
test_metainfo_validate (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *path = built_path (METAINFO_FILE);
  g_auto(GStrv) lines = NULL;

  if (!tool_run (&run, "appstreamcli", "validate", "--no-net", path, NULL))
    return;
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);

  /* No error nor warning; the one allowed remark is AppStream 0.16 (Debian
   * 12) not knowing the <developer> element of AppStream 1.0, or 1.0 calling
   * the <developer_name> kept for 0.16 deprecated. */
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "E:"));
      g_assert_false (g_str_has_prefix (lines[i], "W:"));
      if (g_str_has_prefix (lines[i], "I:"))
        g_assert_nonnull (strstr (lines[i], "developer"));
    }
}

typedef struct {
  xmlDoc            *doc;
  xmlXPathContext   *xpath;
} Xml;

static void
xml_clear (Xml *xml)
{
  g_clear_pointer (&xml->xpath, xmlXPathFreeContext);
  g_clear_pointer (&xml->doc, xmlFreeDoc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Xml, xml_clear)

/* Parses a local file, refusing the network and entity expansion as
 * amend-xml.c does for the official formats. */
static void
xml_load (Xml        *xml,
          const char *path)
{
  xml->doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (xml->doc == NULL)
    g_error ("%s is not well-formed XML", path);
  xml->xpath = xmlXPathNewContext (xml->doc);
  xmlXPathRegisterNs (xml->xpath, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
}

static guint
xml_count (Xml        *xml,
           const char *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST expression, xml->xpath);
  guint n;

  g_assert_nonnull (result);
  n = result->nodesetval ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

/* The string value of an XPath expression, "" when it selects nothing. */
static char *
xml_string (Xml        *xml,
            const char *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST wrapped, xml->xpath);
  char *value;

  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return value;
}

#define assert_xml_string(xml, expression, expected) \
  G_STMT_START {                                                        \
    g_autofree char *value_ = xml_string ((xml), (expression));         \
    g_assert_cmpstr (value_, ==, (expected));                           \
  } G_STMT_END

static void
test_metainfo_contents (void)
{
  g_auto(Xml) xml = { 0 };
  g_autofree char *path = built_path (METAINFO_FILE);
  static const char * const shots[] = { "main-window.png", "history.png", "propose.png" };
  guint english, dutch;

  xml_load (&xml, path);
  assert_xml_string (&xml, "/component/@type", "desktop-application");
  assert_xml_string (&xml, "/component/id", APP_ID);
  assert_xml_string (&xml, "/component/launchable[@type='desktop-id']", DESKTOP_FILE);
  assert_xml_string (&xml, "/component/project_license", "GPL-3.0-or-later");
  assert_xml_string (&xml, "/component/metadata_license", "CC0-1.0");
  assert_xml_string (&xml, "/component/content_rating/@type", "oars-1.1");
  g_assert_cmpuint (xml_count (&xml, "/component/provides/binary[.='amend-gui']"), ==, 1);
  g_assert_cmpuint (xml_count (&xml, "/component/provides/binary[.='amend']"), ==, 1);

  /* The newest release is the version meson builds: a release without its
   * <release> entry would be shown as the previous one in the software
   * centres. */
  assert_xml_string (&xml, "/component/releases/release[1]/@version", PACKAGE_VERSION);

  g_assert_cmpuint (xml_count (&xml, "/component/screenshots/screenshot"), ==, G_N_ELEMENTS (shots));
  g_assert_cmpuint (xml_count (&xml, "/component/screenshots/screenshot[@type='default']"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *expression =
        g_strdup_printf ("/component/screenshots/screenshot[%u]/image", i + 1);
      g_autofree char *url = xml_string (&xml, expression);

      g_assert_true (g_str_has_prefix (url, "https://raw.githubusercontent.com/amend/amend/main/data/screenshots/"));
      g_assert_true (g_str_has_suffix (url, shots[i]));
    }

  /* Every translatable text has its Dutch twin, merged from po/nl.po. */
  english = xml_count (&xml, "/component/*[self::name or self::summary][not(@xml:lang)]"
                             " | /component/description//*[self::p or self::li][not(@xml:lang)]"
                             " | /component/screenshots/screenshot/caption[not(@xml:lang)]");
  dutch = xml_count (&xml, "/component/*[self::name or self::summary][@xml:lang='nl']"
                           " | /component/description//*[self::p or self::li][@xml:lang='nl']"
                           " | /component/screenshots/screenshot/caption[@xml:lang='nl']");
  g_assert_cmpuint (english, >=, 10);
  g_assert_cmpuint (dutch, ==, english);
}

/* GSettings schema ---------------------------------------------------------- */

static void
test_gschema_compiles (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *data_dir = amend_test_source_path ("data");
  g_autofree char *schema = g_build_filename (data_dir, APP_ID ".gschema.xml", NULL);

  if (!g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("data/" APP_ID ".gschema.xml does not exist yet");
      return;
    }
  if (!tool_run (&run, "glib-compile-schemas", "--strict", "--dry-run", data_dir, NULL))
    return;
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

/* Icons ------------------------------------------------------------------- */

static void
assert_svg_canvas (Xml        *xml,
                   const char *size)
{
  g_autofree char *view_box = g_strdup_printf ("0 0 %s %s", size, size);

  g_assert_cmpuint (xml_count (xml, "/svg:svg"), ==, 1);
  assert_xml_string (xml, "/svg:svg/@width", size);
  assert_xml_string (xml, "/svg:svg/@height", size);
  assert_xml_string (xml, "/svg:svg/@viewBox", view_box);
  /* Text would be drawn in whatever font the machine has, and an image or
   * a link to another file would be missing once installed. */
  g_assert_cmpuint (xml_count (xml, "//svg:text | //svg:image | //svg:use"), ==, 0);
  g_assert_cmpuint (xml_count (xml, "//@*[local-name()='href'][not(starts-with(., '#'))]"), ==, 0);
}

static void
test_icon_scalable (void)
{
  g_auto(Xml) xml = { 0 };
  g_autofree char *path =
    amend_test_source_path ("data/icons/hicolor/scalable/apps/" APP_ID ".svg");

  xml_load (&xml, path);
  assert_svg_canvas (&xml, "128");
  /* A full-colour icon: more than one colour in it. */
  g_assert_cmpuint (xml_count (&xml, "//@fill[starts-with(., '#')][. != '#2e3436']"), >=, 3);
}

static void
test_icon_symbolic (void)
{
  g_auto(Xml) xml = { 0 };
  g_autofree char *path =
    amend_test_source_path ("data/icons/hicolor/symbolic/apps/" APP_ID "-symbolic.svg");
  guint shapes;

  xml_load (&xml, path);
  assert_svg_canvas (&xml, "16");
  /* GTK recolours the fill of a symbolic icon with the text colour and
   * leaves strokes alone: every shape is filled in #2e3436, none stroked. */
  shapes = xml_count (&xml, "//svg:path | //svg:rect | //svg:circle | //svg:ellipse | //svg:polygon");
  g_assert_cmpuint (shapes, >, 0);
  g_assert_cmpuint (xml_count (&xml, "//*[@fill='#2e3436']"), ==, shapes);
  g_assert_cmpuint (xml_count (&xml, "//@stroke | //@style | //svg:linearGradient | //svg:radialGradient"), ==, 0);
}

/* MIME type ---------------------------------------------------------------- */

/* The package type of data/APP_ID.mime.xml, compiled by the freedesktop
 * tool into a folder of its own, as GIO finds it on a desktop: a file
 * named *.amend, and a git bundle by its first line. */
static void
test_mime_type (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *source = amend_test_source_path ("data/" APP_ID ".mime.xml");
  g_autofree char *tmp = g_dir_make_tmp ("amend-mime-XXXXXX", NULL);
  g_autofree char *packages = g_build_filename (tmp, "mime", "packages", NULL);
  g_autofree char *target = g_build_filename (packages, APP_ID ".xml", NULL);
  g_autofree char *mime_dir = g_build_filename (tmp, "mime", NULL);
  g_autofree char *text = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_data = NULL;
  static const char bundle[] = "# v2 git bundle\n0123456789abcdef0123456789abcdef01234567 refs/heads/amendement/x\n\n";

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (packages, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, text, -1, NULL));
  if (!tool_run (&run, "update-mime-database", mime_dir, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  /* GIO reads the MIME data once, at the first question: this is it. */
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  by_name = g_content_type_guess ("kortere-termijn.amend", NULL, 0, NULL);
  g_assert_cmpstr (by_name, ==, "application/x-amend-package");
  by_data = g_content_type_guess (NULL, (const guchar *) bundle, sizeof bundle - 1, NULL);
  g_assert_cmpstr (by_data, ==, "application/x-amend-package");
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp);

    amend_test_remove_tree (dir);
  }
}

/* Dutch translation ------------------------------------------------------- */

static void
test_po_nl_complete (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *po = amend_test_source_path ("po/nl.po");

  if (!tool_run (&run, "msgfmt", "--check", "--statistics", "-o", "/dev/null", po, NULL))
    return;
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  /* msgfmt --statistics: "N translated messages." with ", M fuzzy
   * translations" and ", K untranslated messages" only when there are. */
  g_assert_nonnull (strstr (run.err, " translated message"));
  g_assert_null (strstr (run.err, "fuzzy"));
  g_assert_null (strstr (run.err, "untranslated"));
}

/* Flatpak manifest -------------------------------------------------------- */

static JsonObject *
find_module (JsonArray  *modules,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (module, "name", NULL), name) == 0)
        return module;
    }
  return NULL;
}

/* A module built from a pinned upstream archive: https and a sha256, so that
 * flatpak-builder refuses a changed download. */
static void
assert_archive_module (JsonObject *module)
{
  JsonArray *sources = json_object_get_array_member (module, "sources");
  JsonObject *source;
  const char *sha256;

  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  source = json_array_get_object_element (sources, 0);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "archive");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "url"), "https://"));
  sha256 = json_object_get_string_member (source, "sha256");
  g_assert_cmpuint (strlen (sha256), ==, 64);
  for (const char *c = sha256; *c; c++)
    g_assert_true (g_ascii_isxdigit (*c) && !g_ascii_isupper (*c));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (module, "buildsystem"), "cmake"));
}

static void
test_flatpak_manifest (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = amend_test_source_path ("flatpak/" APP_ID ".json");
  JsonObject *root, *amend, *source;
  JsonArray *modules, *finish_args, *sources;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "app-id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (root, "command"), ==, "amend-gui");
  g_assert_cmpstr (json_object_get_string_member (root, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (root, "sdk"), ==, "org.gnome.Sdk");

  finish_args = json_object_get_array_member (root, "finish-args");
  for (guint i = 0; i < json_array_get_length (finish_args); i++)
    g_ptr_array_add (args, (gpointer) json_array_get_string_element (finish_args, i));
  g_ptr_array_add (args, NULL);
  g_assert_true (g_strv_contains ((const char * const *) args->pdata, "--socket=wayland"));
  /* Pull and Push in the window reach the shared project. */
  g_assert_true (g_strv_contains ((const char * const *) args->pdata, "--share=network"));
  g_assert_true (g_strv_contains ((const char * const *) args->pdata, "--socket=fallback-x11"));
  g_assert_true (g_strv_contains ((const char * const *) args->pdata, "--share=ipc"));
  /* Projects live in the home folder; the whole host is more than Amend needs. */
  g_assert_true (g_strv_contains ((const char * const *) args->pdata, "--filesystem=home"));
  g_assert_false (g_strv_contains ((const char * const *) args->pdata, "--filesystem=host"));

  /* libgit2 and cmark are not in the GNOME runtime; json-glib and libxml2
   * are.  Amend itself comes last, built from this source tree. */
  modules = json_object_get_array_member (root, "modules");
  g_assert_cmpuint (json_array_get_length (modules), ==, 3);
  assert_archive_module (find_module (modules, "libgit2"));
  assert_archive_module (find_module (modules, "cmark"));
  g_assert_null (find_module (modules, "json-glib"));
  amend = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  g_assert_cmpstr (json_object_get_string_member (amend, "name"), ==, "amend");
  g_assert_cmpstr (json_object_get_string_member (amend, "buildsystem"), ==, "meson");
  sources = json_object_get_array_member (amend, "sources");
  source = json_array_get_object_element (sources, 0);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "dir");
  g_assert_cmpstr (json_object_get_string_member (source, "path"), ==, "..");
}

/* Every file with a translatable text is in po/POTFILES.in, and every
 * text in them has its Dutch in po/nl.po: xgettext with meson's glib
 * preset and msgmerge, in a folder of the test's own, leave nothing
 * untranslated. */
static gboolean
has_translatable (const char *path)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  if (g_str_has_suffix (path, ".ui"))
    return strstr (text, "translatable=\"yes\"") != NULL;
  return strstr (text, "_(\"") != NULL || strstr (text, "N_(\"") != NULL || strstr (text, "g_dngettext (") != NULL;
}

static void
find_sources (const char *top,
              const char *rel,
              GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (top, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (rel, name, NULL);
      g_autofree char *full = g_build_filename (top, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        find_sources (top, child, out);
      else if ((g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h") || g_str_has_suffix (name, ".ui")) &&
               has_translatable (full))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static void
test_po_sources_translated (void)
{
  g_autofree char *source = amend_test_source_path (".");
  g_autofree char *potfiles_path = amend_test_source_path ("po/POTFILES.in");
  g_autofree char *po = amend_test_source_path ("po/nl.po");
  g_autofree char *potfiles = amend_test_read_file (potfiles_path, NULL);
  g_autofree char *tmp = g_dir_make_tmp ("amend-po-XXXXXX", NULL);
  g_autofree char *pot = g_build_filename (tmp, "amend.pot", NULL);
  g_autofree char *merged = g_build_filename (tmp, "nl.po", NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) listed = g_strsplit (potfiles, "\n", -1);
  g_auto(AmendTestRun) run = { 0 };
  g_autoptr(GString) missing = g_string_new (NULL);
  const char *dirs[] = { "app", "ui", NULL };

  for (guint i = 0; dirs[i]; i++)
    find_sources (source, dirs[i], sources);
  g_assert_cmpuint (sources->len, >, 10);
  for (guint i = 0; i < sources->len; i++)
    if (!g_strv_contains ((const char * const *) listed, g_ptr_array_index (sources, i)))
      g_string_append_printf (missing, " %s", (char *) g_ptr_array_index (sources, i));
  if (missing->len > 0)
    g_error ("files with translatable texts that po/POTFILES.in does not list:%s", missing->str);

  if (!tool_run (&run, "xgettext", "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
                 "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
                 "--keyword=g_dpgettext2:2c,3", "--flag=N_:1:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
                 "--flag=g_strdup_printf:1:c-format", "--flag=g_set_error:4:c-format", "-D", source,
                 "-f", potfiles_path, "-o", pot, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  if (!tool_run (&run, "msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  if (!tool_run (&run, "msgattrib", "--untranslated", "--no-obsolete", merged, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  /* Only the header (msgid "") may be there. */
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    guint n = 0;

    for (guint i = 0; lines[i]; i++)
      n += g_str_has_prefix (lines[i], "msgid ");
    if (n > 1)
      g_error ("%u texts without Dutch in po/nl.po (add them at its end):\n%s", n - 1, run.out);
  }
  if (!tool_run (&run, "msgattrib", "--only-fuzzy", "--no-obsolete", merged, NULL))
    return;
  g_assert_cmpstr (run.out, ==, "");
  g_unlink (pot);
  g_unlink (merged);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data/desktop/validate", test_desktop_validate);
  g_test_add_func ("/data/desktop/contents", test_desktop_contents);
  g_test_add_func ("/data/metainfo/validate", test_metainfo_validate);
  g_test_add_func ("/data/metainfo/contents", test_metainfo_contents);
  g_test_add_func ("/data/gschema/compiles", test_gschema_compiles);
  g_test_add_func ("/data/icons/scalable", test_icon_scalable);
  g_test_add_func ("/data/icons/symbolic", test_icon_symbolic);
  g_test_add_func ("/data/po/nl-complete", test_po_nl_complete);
  g_test_add_func ("/data/mime-type", test_mime_type);
  g_test_add_func ("/data/po/sources-translated", test_po_sources_translated);
  g_test_add_func ("/data/flatpak/manifest", test_flatpak_manifest);

  return g_test_run ();
}
