/* amend-xml-meta.c: the front matter the XML formats need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An official publication cannot guess its identifiers: a missing key is an
 * error that names the key and shows a line to add, built from what the
 * front matter does have.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "amend-xml-meta.h"

static char *
dup_value (AmendDocument *doc,
           const char    *key)
{
  const char *value = amend_document_get_meta (doc, key);
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (value));
  if (stripped[0] == '\0')
    return NULL;
  return g_steal_pointer (&stripped);
}

static gboolean
has_space (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

/* The AKN code of a Dutch authority: gm0363 (gemeente), pv27 (provincie),
 * ws0155 (waterschap), mnre1034 (ministerie). */
static gboolean
is_authority_code (const char *s)
{
  const char *p = s;
  guint letters = 0, digits = 0;

  while (g_ascii_islower (*p))
    p++, letters++;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  return *p == '\0' && letters >= 2 && letters <= 4 && digits >= 2 && digits <= 4;
}

static gboolean
is_date (const char *s)
{
  guint y, m, d;
  char tail;

  if (strlen (s) != 10 || sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || s[4] != '-' || s[7] != '-')
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
missing (const char  *key,
         const char  *example,
         GError     **error)
{
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("the front matter has no \xe2\x80\x9c%s\xe2\x80\x9d, which the XML export needs: add "
                 "\xe2\x80\x9c%s: %s\xe2\x80\x9d between the --- lines at the top"),
               key, key, example);
  return FALSE;
}

static gboolean
malformed (const char  *key,
           const char  *value,
           const char  *what,
           GError     **error)
{
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("the front matter key \xe2\x80\x9c%s\xe2\x80\x9d is \xe2\x80\x9c%s\xe2\x80\x9d, but it must be %s"),
               key, value, what);
  return FALSE;
}

/* The date after "@" in an expression, when it is one. */
static char *
date_of_expression (const char *expression)
{
  const char *at = strrchr (expression, '@');
  g_autofree char *candidate = NULL;

  if (at == NULL)
    return NULL;
  candidate = g_strndup (at + 1, 10);
  return is_date (candidate) ? g_steal_pointer (&candidate) : NULL;
}

static gboolean
check_identifiers (AmendXmlMeta  *meta,
                   GError       **error)
{
  g_autofree char *prefix = NULL;

  if (!g_str_has_prefix (meta->work, "/akn/") || has_space (meta->work) || strchr (meta->work, '@'))
    return malformed ("work", meta->work,
                      _("an Akoma Ntoso work identifier like /akn/nl/act/gm9999/2027/apv"), error);
  if (meta->date && !is_date (meta->date))
    return malformed ("date", meta->date, _("a date like 2027-01-01"), error);
  if (meta->in_force && !is_date (meta->in_force))
    return malformed ("in-force", meta->in_force, _("a date like 2027-01-01"), error);

  if (meta->expression == NULL)
    {
      if (meta->date == NULL)
        {
          g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                       _("the front matter has neither \xe2\x80\x9c" "expression\xe2\x80\x9d nor \xe2\x80\x9c" "date\xe2\x80\x9d, "
                         "which the XML export needs: add \xe2\x80\x9c" "date: 2027-01-01\xe2\x80\x9d (the date this "
                         "version takes effect) between the --- lines at the top"));
          return FALSE;
        }
      meta->expression = g_strdup_printf ("%s/nld@%s", meta->work, meta->date);
    }

  prefix = g_strconcat (meta->work, "/", NULL);
  if (!g_str_has_prefix (meta->expression, prefix) || !strchr (meta->expression, '@') || has_space (meta->expression))
    {
      g_autofree char *example = g_strdup_printf ("%snld@%s", prefix, meta->date ? meta->date : "2027-01-01");
      g_autofree char *what = g_strdup_printf (_("the work followed by a language and a version, like %s"), example);
      return malformed ("expression", meta->expression, what, error);
    }
  if (meta->date == NULL)
    meta->date = date_of_expression (meta->expression);
  if (meta->date == NULL)
    return missing ("date", "2027-01-01", error);
  return TRUE;
}

/**
 * amend_xml_meta_load:
 *
 * Reads and checks the front matter keys of the XML exports: title,
 * citation, authority, authority-name, work, expression, date, in-force and
 * decision-title.
 * Returns: %FALSE, with @error naming the key to add or correct.
 */
gboolean
amend_xml_meta_load (AmendXmlMeta  *meta,
                     AmendDocument *doc,
                     GError       **error)
{
  memset (meta, 0, sizeof *meta);
  meta->title = dup_value (doc, "title");
  meta->citation = dup_value (doc, "citation");
  meta->authority = dup_value (doc, "authority");
  meta->authority_name = dup_value (doc, "authority-name");
  meta->work = dup_value (doc, "work");
  meta->expression = dup_value (doc, "expression");
  meta->date = dup_value (doc, "date");
  meta->in_force = dup_value (doc, "in-force");
  meta->decision_title = dup_value (doc, "decision-title");

  if (meta->title == NULL)
    return missing ("title", "Verordening ... 2027", error);
  if (meta->authority == NULL)
    return missing ("authority", "gm9999", error);
  if (!is_authority_code (meta->authority))
    return malformed ("authority", meta->authority,
                      _("the code of the authority, like gm9999 (gemeente), pv27 (provincie) or ws0155 (waterschap)"),
                      error);
  if (meta->work == NULL)
    {
      g_autofree char *year = meta->date ? g_strndup (meta->date, 4) : g_strdup ("2027");
      g_autofree char *example = g_strdup_printf ("/akn/nl/act/%s/%s/naam", meta->authority, year);

      return missing ("work", example, error);
    }
  return check_identifiers (meta, error);
}

void
amend_xml_meta_clear (AmendXmlMeta *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->citation, g_free);
  g_clear_pointer (&meta->authority, g_free);
  g_clear_pointer (&meta->authority_name, g_free);
  g_clear_pointer (&meta->work, g_free);
  g_clear_pointer (&meta->expression, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->in_force, g_free);
  g_clear_pointer (&meta->decision_title, g_free);
}
