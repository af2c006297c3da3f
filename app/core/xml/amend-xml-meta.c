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

#include "amend-diagnostic.h"
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
missing_date (GError **error)
{
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("the front matter has neither \xe2\x80\x9c" "expression\xe2\x80\x9d nor \xe2\x80\x9c" "date\xe2\x80\x9d, "
                 "which the XML export needs: add \xe2\x80\x9c" "date: 2027-01-01\xe2\x80\x9d (the date this "
                 "version takes effect) between the --- lines at the top"));
  return FALSE;
}

/* "/akn/nl/act/gm9999/2027/naam": a work for the line to add, made from
 * what the front matter has. */
static char *
work_example (const char *authority,
              const char *date)
{
  g_autofree char *year = date ? g_strndup (date, 4) : g_strdup ("2027");

  return g_strdup_printf ("/akn/nl/act/%s/%s/naam", authority ? authority : "gm9999", year);
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

/* The date of the work, not of this version: work-date, or the first day
 * of the year the work identifier names (/akn/nl/act/gm9999/2027/apv),
 * the only date of the work it has. */
static gboolean
check_work_date (AmendXmlMeta  *meta,
                 GError       **error)
{
  g_auto(GStrv) parts = NULL;

  if (meta->work_date != NULL)
    return is_date (meta->work_date) || malformed ("work-date", meta->work_date, _("a date like 2027-01-01"), error);
  parts = g_strsplit (meta->work, "/", -1);
  if (g_strv_length (parts) > 5 && strlen (parts[5]) >= 4 && g_ascii_isdigit (parts[5][0]))
    {
      g_autofree char *candidate = strlen (parts[5]) == 10 ? g_strdup (parts[5])
                                                            : g_strdup_printf ("%.4s-01-01", parts[5]);
      if (is_date (candidate))
        {
          meta->work_date = g_steal_pointer (&candidate);
          return TRUE;
        }
    }
  meta->work_date = g_strdup (meta->date);
  return TRUE;
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
          return missing_date (error);
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
  return check_work_date (meta, error);
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
  meta->work_date = dup_value (doc, "work-date");
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
      g_autofree char *example = work_example (meta->authority, meta->date);

      return missing ("work", example, error);
    }
  return check_identifiers (meta, error);
}

static void
add_warning (GPtrArray *findings,
             GError    *error)
{
  g_ptr_array_add (findings, amend_diagnostic_new (AMEND_SEVERITY_WARNING, 0, NULL, error->message));
  g_error_free (error);
}

/**
 * amend_xml_meta_check:
 *
 * What the STOP and Akoma Ntoso exports need of the front matter and do not
 * find, as warnings of the whole file: each key missing (title, authority,
 * work, date or expression), with the line to add, in the words the export
 * refuses with; when none is missing, what amend_xml_meta_load() finds
 * wrong.  No warning means amend_xml_meta_load() succeeds.
 *
 * Returns: (transfer container) (element-type AmendDiagnostic): the warnings.
 */
GPtrArray *
amend_xml_meta_check (AmendDocument *doc)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autofree char *authority = dup_value (doc, "authority");
  g_autofree char *date = dup_value (doc, "date");
  g_autofree char *expression = dup_value (doc, "expression");
  g_autofree char *title = dup_value (doc, "title");
  g_autofree char *work = dup_value (doc, "work");
  g_auto(AmendXmlMeta) meta = { 0 };
  GError *error = NULL;

  if (title == NULL && !missing ("title", "Verordening ... 2027", &error))
    add_warning (findings, g_steal_pointer (&error));
  if (authority == NULL && !missing ("authority", "gm9999", &error))
    add_warning (findings, g_steal_pointer (&error));
  if (work == NULL)
    {
      g_autofree char *example = work_example (authority && is_authority_code (authority) ? authority : NULL, date);

      if (!missing ("work", example, &error))
        add_warning (findings, g_steal_pointer (&error));
    }
  if (date == NULL && expression == NULL && !missing_date (&error))
    add_warning (findings, g_steal_pointer (&error));
  if (findings->len == 0 && !amend_xml_meta_load (&meta, doc, &error))
    add_warning (findings, g_steal_pointer (&error));
  return findings;
}

/* The council of a municipality, the one body whose TOOI code the
 * standard's own example shows (gemeenteraad). */
#define TOOI_GEMEENTERAAD "/tooi/def/thes/kern/c_2a7d8663"

static const struct {
  const char *prefix;
  const char *kind;
} authority_kinds[] = {
  { "gm", "gemeente" },
  { "pv", "provincie" },
  { "ws", "waterschap" },
  { "mnre", "ministerie" },
};

static char *
authority_tooi (const char *authority)
{
  for (guint i = 0; i < G_N_ELEMENTS (authority_kinds); i++)
    if (g_str_has_prefix (authority, authority_kinds[i].prefix) &&
        g_ascii_isdigit (authority[strlen (authority_kinds[i].prefix)]))
      return g_strdup_printf ("/tooi/id/%s/%s", authority_kinds[i].kind, authority);
  return NULL;
}

static gboolean
check_date (const char  *key,
            const char  *value,
            GError     **error)
{
  if (value == NULL || is_date (value))
    return TRUE;
  return malformed (key, value, _("a date like 2027-01-01"), error);
}

/* soortBestuursorgaan: a TOOI URI as given, or the council's. */
static gboolean
load_body (AmendXmlMeta  *meta,
           AmendDocument *doc,
           GError       **error)
{
  g_autofree char *body = dup_value (doc, "body");

  if (body != NULL && g_str_has_prefix (body, "/tooi/def/thes/kern/c_"))
    {
      meta->body = g_steal_pointer (&body);
      return TRUE;
    }
  if (body != NULL && g_ascii_strcasecmp (body, "raad") != 0 && g_ascii_strcasecmp (body, "gemeenteraad") != 0)
    return malformed ("body", body, _("the TOOI code of the body that decides, like /tooi/def/thes/kern/c_2a7d8663 "
                                      "(gemeenteraad), or raad"), error);
  if (body == NULL && !(g_str_has_prefix (meta->authority, "gm") &&
                        (meta->authority_name == NULL || strstr (meta->authority_name, "raad") != NULL)))
    return missing ("body", "/tooi/def/thes/kern/c_...", error);
  if (!g_str_has_prefix (meta->authority, "gm"))
    return malformed ("body", body, _("the TOOI code of the body that decides (raad means a municipal council)"),
                      error);
  meta->body = g_strdup (TOOI_GEMEENTERAAD);
  return TRUE;
}

static gboolean
load_subjects (AmendXmlMeta  *meta,
               AmendDocument *doc,
               GError       **error)
{
  g_autofree char *subjects = dup_value (doc, "subjects");
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (subjects == NULL)
    return missing ("subjects", "/tooi/def/concept/c_...", error);
  parts = g_strsplit_set (subjects, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (!g_str_has_prefix (parts[i], "/tooi/def/concept/"))
        return malformed ("subjects", parts[i], _("TOOI subjects like /tooi/def/concept/c_9d1917e9, separated by commas"),
                          error);
      g_strv_builder_add (list, parts[i]);
    }
  meta->subjects = g_strv_builder_end (list);
  return TRUE;
}

/* "/akn/nl/bill/gm9999/2027/apv": the decision's work, in the year it was
 * taken, named after the regulation (and the version it makes). */
static char *
decision_work (AmendXmlMeta *meta,
               const char   *decision_name)
{
  const char *last = strrchr (meta->work, '/');
  g_autofree char *name = g_strdup (decision_name ? decision_name : last ? last + 1 : "besluit");

  g_strdelimit (name, ".", '-');
  return g_strdup_printf ("/akn/nl/bill/%s/%.4s/%s", meta->authority, meta->decided, name);
}

/**
 * amend_xml_meta_load_delivery:
 * @decision_name: (nullable): the last part of the decision's work when it
 *   is made, by default the regulation's
 *
 * Reads and checks what a delivery to the LVBB needs beyond
 * amend_xml_meta_load(), which must have loaded @meta: decided, signed,
 * known-on, body, subjects, regulation-kind and decision-work.
 */
gboolean
amend_xml_meta_load_delivery (AmendXmlMeta  *meta,
                              AmendDocument *doc,
                              const char    *decision_name,
                              GError       **error)
{
  g_autofree char *decided = dup_value (doc, "decided");

  /* The front matter says it first; else what the caller knew (the
   * record of the amendment the council adopted). */
  if (decided != NULL)
    {
      g_free (meta->decided);
      meta->decided = g_steal_pointer (&decided);
    }
  meta->signed_on = dup_value (doc, "signed");
  meta->known_on = dup_value (doc, "known-on");
  meta->regulation_kind = dup_value (doc, "regulation-kind");
  meta->decision_work = dup_value (doc, "decision-work");
  meta->authority_tooi = authority_tooi (meta->authority);

  if (meta->authority_tooi == NULL)
    return malformed ("authority", meta->authority,
                      _("the code of a municipality (gm), province (pv), water board (ws) or ministry (mnre)"), error);
  if (meta->decided == NULL)
    return missing ("decided", "2027-01-01", error);
  if (!check_date ("decided", meta->decided, error) || !check_date ("signed", meta->signed_on, error) ||
      !check_date ("known-on", meta->known_on, error))
    return FALSE;
  if (meta->signed_on == NULL)
    meta->signed_on = g_strdup (meta->decided);
  if (meta->known_on == NULL)
    meta->known_on = g_strdup (meta->signed_on);
  if (!load_body (meta, doc, error) || !load_subjects (meta, doc, error))
    return FALSE;
  if (meta->regulation_kind == NULL)
    return missing ("regulation-kind", "/join/id/stop/regelingtype_...", error);
  if (!g_str_has_prefix (meta->regulation_kind, "/join/id/stop/regelingtype_"))
    return malformed ("regulation-kind", meta->regulation_kind,
                      _("a kind of regulation of STOP's list, like /join/id/stop/regelingtype_003"), error);
  if (meta->decision_work == NULL)
    meta->decision_work = decision_work (meta, decision_name);
  else if (!g_str_has_prefix (meta->decision_work, "/akn/nl/bill/") || strchr (meta->decision_work, '.'))
    return malformed ("decision-work", meta->decision_work,
                      _("a decision's work identifier like /akn/nl/bill/gm9999/2027/apv, without full stops"), error);
  return TRUE;
}

void
amend_xml_meta_clear (AmendXmlMeta *meta)
{
  g_clear_pointer (&meta->decided, g_free);
  g_clear_pointer (&meta->signed_on, g_free);
  g_clear_pointer (&meta->known_on, g_free);
  g_clear_pointer (&meta->body, g_free);
  g_clear_pointer (&meta->subjects, g_strfreev);
  g_clear_pointer (&meta->regulation_kind, g_free);
  g_clear_pointer (&meta->decision_work, g_free);
  g_clear_pointer (&meta->authority_tooi, g_free);
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->citation, g_free);
  g_clear_pointer (&meta->authority, g_free);
  g_clear_pointer (&meta->authority_name, g_free);
  g_clear_pointer (&meta->work, g_free);
  g_clear_pointer (&meta->expression, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->work_date, g_free);
  g_clear_pointer (&meta->in_force, g_free);
  g_clear_pointer (&meta->decision_title, g_free);
}
