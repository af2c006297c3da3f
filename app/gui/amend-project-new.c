/* amend-project-new.c: a new project, from the template or an imported text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the New Project and Import dialogs of the start page make: the
 * template regulation of amend init with a title and the code of the
 * municipality, and the folder with its first version.  Declared in
 * amend-project.h; no GTK here either.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-project.h"
#include "amend-repository-private.h"

/* "/akn/nl/act/gm0363/2027/apv-amsterdam": the code, the year of the
 * date (or this year) and the citation title as a name. */
char *
amend_work_suggest (const char *authority,
                    const char *date,
                    const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = date && strlen (date) >= 4 ? g_strndup (date, 4) : g_date_time_format (now, "%Y");
  g_autofree char *name = amend_slug_from_title (title && *title ? title : "verordening");

  return g_strdup_printf ("/akn/nl/act/%s/%s/%s", authority, year, name);
}

/* @text with its front matter replaced by @doc's (from the canonical
 * writer), the rest byte for byte as it was. */
char *
amend_front_matter_replace (const char    *text,
                            AmendDocument *doc)
{
  g_autofree char *written = amend_document_to_markdown (doc);
  const char *body = text;
  const char *end;
  gsize head = 0;

  if (g_str_has_prefix (text, "---\n") && (end = strstr (text + 3, "\n---\n")))
    body = end + 5;
  if (g_str_has_prefix (written, "---\n") && (end = strstr (written + 3, "\n---\n")))
    head = (end + 5) - written;
  /* A text that had none gets a blank line between. */
  return g_strdup_printf ("%.*s%s%s", (int) head, written, body == text && head ? "\n" : "", body);
}

/* The regulation `amend init` starts from, with its title, the code of
 * the municipality (gm0363), a work identifier made of them and today's
 * date: complete for an export from the first version on. */
char *
amend_project_template_text (const char *title,
                             const char *authority)
{
  const char *tmpl = amend_repository_get_template ();
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (tmpl, strlen (tmpl), NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) text = NULL;
  g_autofree char *markdown = NULL;

  if (title && *title)
    {
      amend_document_set_meta (doc, "title", title);
      amend_document_set_meta (doc, "citation", title);
    }
  if (authority && *authority)
    {
      g_autofree char *work = amend_work_suggest (authority, today, title);

      amend_document_set_meta (doc, "authority", authority);
      amend_document_set_meta (doc, "work", work);
    }
  amend_document_set_meta (doc, "date", today);
  markdown = amend_document_to_markdown (doc);
  text = g_string_new (markdown);
  /* The citation article quotes the title. */
  if (title && *title)
    {
      g_autofree char *quoted = g_strdup_printf ("aangehaald als: %s.", title);

      g_string_replace (text, "aangehaald als: Verordening.", quoted, 1);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
amend_project_create (const char *dir,
                      const char *file_name,
                      const char *text,
                      const char *author,
                      GError    **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autofree char *full = NULL;

  d = g_dir_open (dir, 0, NULL);
  if (d != NULL && g_dir_read_name (d) != NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_EXISTS,
                   _("The folder %s is not empty; choose a new folder for the project."), dir);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder %s: %s."), dir, g_strerror (saved));
      return FALSE;
    }
  full = g_build_filename (dir, file_name, NULL);
  if (!g_file_set_contents_full (full, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    return FALSE;
  repo = amend_repository_create (dir, author, error);
  if (repo == NULL)
    {
      /* Nothing half made: the file goes again, the folder stays empty. */
      g_unlink (full);
      return FALSE;
    }
  return TRUE;
}
