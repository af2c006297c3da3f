/* amend-project-texts.c: what the window reads off a regulation's text beside its model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The title of each regulation of a project, for the chooser, without
 * reading the whole of every one; and the message of a version saved
 * without one, from the legal diff.  No GTK here: these run in the
 * worker threads of AmendProject.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-diff.h"
#include "amend-project-private.h"

/* The title of the front matter at the top of @text, for the chooser
 * of regulations: only the one line "title: ...", as a title is written,
 * without reading the whole regulation; NULL without one. */
static char *
front_matter_title (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (!g_str_has_prefix (text, "---\n") && !g_str_has_prefix (text, "---\r\n"))
    return NULL;
  lines = g_strsplit (text, "\n", 200);
  for (guint i = 1; lines[i] && !g_str_has_prefix (lines[i], "---"); i++)
    if (g_str_has_prefix (lines[i], "title:"))
      {
        char *title = g_strstrip (g_strdup (lines[i] + strlen ("title:")));
        gsize len = strlen (title);

        if (len >= 2 && (title[0] == '"' || title[0] == '\'') && title[len - 1] == title[0])
          {
            memmove (title, title + 1, len - 2);
            title[len - 2] = '\0';
          }
        return title;
      }
  return NULL;
}

/* The titles of @names in @top: the first 16 KB of each is read. */
GStrv
_amend_project_read_titles (const char         *top,
                            const char * const *names)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *full = g_build_filename (top, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (full);
      g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
      char head[16384] = "";
      gsize got = 0;
      g_autofree char *title = NULL;

      const char *valid = head;

      if (in && g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head - 1, &got, NULL, NULL))
        head[got] = '\0';
      /* The 16 KB may end inside a character: up to it only. */
      g_utf8_validate (head, got, &valid);
      head[valid - head] = '\0';
      title = front_matter_title (head);
      g_strv_builder_add (titles, title && *title ? title : names[i]);
    }
  return g_strv_builder_end (titles);
}

/* "3, 5 and 7" */
static char *
join_articles (const char * const *articles,
               guint               n)
{
  g_autoptr(GString) head = g_string_new (articles[0]);

  if (n == 1)
    return g_string_free (g_steal_pointer (&head), FALSE);
  for (guint i = 1; i + 1 < n; i++)
    g_string_append_printf (head, ", %s", articles[i]);
  /* TRANSLATORS: the last two of a list of article numbers, "3 and 5" */
  return g_strdup_printf (_("%s and %s"), head->str, articles[n - 1]);
}

/* The message of a save without one: what the legal diff says changed,
 * "Articles 3 and 5 changed", instead of the file's name; NULL where it
 * cannot be read (then the core names the file). */
char *
amend_save_message_for (const char *saved,
                        const char *text,
                        const char *file)
{
  g_autoptr(AmendDiff) diff = NULL;
  g_auto(GStrv) articles = NULL;
  guint n;

  if (saved == NULL)
    return NULL;
  diff = amend_diff_new_for_texts (saved, strlen (saved), text, strlen (text), NULL);
  if (diff == NULL)
    return NULL;
  articles = amend_diff_dup_articles (diff);
  n = g_strv_length (articles);
  if (n == 0)
    return g_strdup_printf (_("%s changed outside its articles"), file);
  if (n > 5)
    return g_strdup_printf (ngettext ("%u article changed", "%u articles changed", n), n);
  {
    g_autofree char *list = join_articles ((const char * const *) articles, n);

    return g_strdup_printf (ngettext ("Article %s changed", "Articles %s changed", n), list);
  }
}
