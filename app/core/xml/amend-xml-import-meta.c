/* amend-xml-import-meta.c: front matter that the export accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import writes the identifiers it finds, and the STOP and Akoma Ntoso
 * exports (amend-xml-meta.c) are strict about them.  What can be put right
 * without guessing is put right, with a warning that names the line in the
 * XML it came from: an authority code in capitals ("PV73" is pv73 in STOP,
 * in the work and expression too), an authority missing where the work
 * names one.  What cannot is said at import, not first at export: a code
 * that is no Dutch authority's, an expression without a date ("nld@1")
 * when the XML gives none, a missing work.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-xml-import-private.h"
#include "amend-xml-meta.h"

/* gm0363, pv27, ws0155, mnre1034, mn002: the form of the code, any case. */
static gboolean
is_code_any_case (const char *s,
                  gsize       len)
{
  gsize letters = 0, digits = 0;

  while (letters < len && g_ascii_isalpha (s[letters]))
    letters++;
  while (letters + digits < len && g_ascii_isdigit (s[letters + digits]))
    digits++;
  return letters + digits == len && letters >= 2 && letters <= 4 && digits >= 2 && digits <= 4;
}

static gboolean
has_upper (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isupper (s[i]))
      return TRUE;
  return FALSE;
}

/* Where the authority code is in "/akn/nl/act/PV73/2019/x[/nld@...]": its
 * fourth part. */
static gboolean
code_in_identifier (const char *id,
                    gsize      *start,
                    gsize      *len)
{
  const char *p = id;

  if (id == NULL || !g_str_has_prefix (id, "/akn/"))
    return FALSE;
  for (guint part = 0; part < 3; part++)
    {
      p = strchr (p + 1, '/');
      if (p == NULL)
        return FALSE;
    }
  *start = p + 1 - id;
  *len = strcspn (p + 1, "/");
  return is_code_any_case (id + *start, *len);
}

static guint
line_of (XmlImport  *im,
         const char *key)
{
  gpointer line = g_hash_table_lookup (im->meta_lines, key);

  return line ? GPOINTER_TO_UINT (line) : im->root_line;
}

static void
warn_meta (XmlImport  *im,
           const char *key,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
warn_meta (XmlImport  *im,
           const char *key,
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
  _amend_xml_warn (im->warnings, line_of (im, key), NULL, "%s", message);
}

/* Writes the code part of @key's identifier in lower case. */
static void
lower_code_in (XmlImport  *im,
               const char *key)
{
  const char *id = amend_document_get_meta (im->doc, key);
  g_autofree char *fixed = NULL;
  gsize start, len;

  if (!code_in_identifier (id, &start, &len) || !has_upper (id + start, len))
    return;
  fixed = g_strdup (id);
  for (gsize i = start; i < start + len; i++)
    fixed[i] = g_ascii_tolower (fixed[i]);
  warn_meta (im, key, _("the %s %s names the authority in capitals; it was written as %s, the code STOP uses"),
             key, id, fixed);
  amend_document_set_meta (im->doc, key, fixed);
}

/* Returns whether the authority is now a code the export takes. */
static gboolean
review_authority (XmlImport *im)
{
  const char *authority = amend_document_get_meta (im->doc, "authority");
  const char *work = amend_document_get_meta (im->doc, "work");
  gsize start, len;

  if (authority == NULL && code_in_identifier (work, &start, &len))
    {
      g_autofree char *code = g_ascii_strdown (work + start, len);

      /* The work names it: "/akn/nl/act/gm0297/2019/reg456". */
      amend_document_set_meta (im->doc, "authority", code);
      return TRUE;
    }
  if (authority == NULL)
    {
      warn_meta (im, "authority", _("the XML gives no authority code; add \xe2\x80\x9c" "authority: gm9999\xe2\x80\x9d "
                                    "(the code of the municipality, province or water board) before exporting"));
      return FALSE;
    }
  if (!is_code_any_case (authority, strlen (authority)))
    {
      warn_meta (im, "authority", _("the authority \xe2\x80\x9c%s\xe2\x80\x9d is not the code of a Dutch authority "
                                    "(such as gm9999, pv27 or ws0155): change it before exporting to STOP or Akoma Ntoso"),
                 authority);
      return FALSE;
    }
  if (has_upper (authority, strlen (authority)))
    {
      g_autofree char *code = g_ascii_strdown (authority, -1);

      warn_meta (im, "authority", _("the authority code %s was written as %s, as STOP writes it"), authority, code);
      amend_document_set_meta (im->doc, "authority", code);
    }
  return TRUE;
}

/* "nld@1" is a version, not a date: the export needs the date too.
 * Returns whether that was said. */
static gboolean
review_date (XmlImport *im)
{
  const char *expression = amend_document_get_meta (im->doc, "expression");
  const char *at = expression ? strrchr (expression, '@') : NULL;

  if (amend_document_get_meta (im->doc, "date") != NULL || at == NULL ||
      (g_ascii_isdigit (at[1]) && strlen (at + 1) >= 10 && at[5] == '-' && at[8] == '-'))
    return FALSE;
  warn_meta (im, "expression", _("the expression %s has no date and the XML gives none; add \xe2\x80\x9c"
                                 "date: 2027-01-01\xe2\x80\x9d (the day this version takes effect) before exporting"),
             expression);
  return TRUE;
}

/* What else the export would refuse, in its own words. */
static void
review_with_export (XmlImport *im)
{
  g_auto(AmendXmlMeta) meta = { 0 };
  g_autoptr(GError) error = NULL;

  if (!amend_xml_meta_load (&meta, im->doc, &error))
    warn_meta (im, amend_document_get_meta (im->doc, "expression") ? "expression" : "work",
               _("the export will refuse this front matter until it is completed: %s"), error->message);
}

/**
 * _amend_import_review_meta:
 *
 * Puts right what the export would refuse in the imported front matter,
 * or says what the user must add, with the line in the XML.
 */
void
_amend_import_review_meta (XmlImport *im)
{
  gboolean authority_ok;
  gboolean date_said;

  lower_code_in (im, "work");
  lower_code_in (im, "expression");
  authority_ok = review_authority (im);
  date_said = review_date (im);
  /* Anything else, once the two most common gaps are out of the way. */
  if (authority_ok && !date_said)
    review_with_export (im);
}
