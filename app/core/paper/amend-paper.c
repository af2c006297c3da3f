/* amend-paper.c: the council paper: amendments as the council reads them before it votes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each amendment: its title, who submitted it, the motivation, the
 * renvooi against the version it branched from, the amendment
 * instructions and, once voted on, the result.  One amendment, or every
 * submitted one in the voting order of `amend order` (subamendments right
 * before their amendment, the most far-reaching of competing ones first),
 * each with the amendments that lapse when it is adopted.  The CLI writes
 * the HTML (`amend paper`); the window writes the same HTML and prints the
 * same items through GtkPrintOperation.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "amend-collision.h"
#include "amend-instructions.h"
#include "amend-lapsed.h"
#include "amend-paper.h"
#include "amend-renvooi.h"

void
amend_paper_item_free (AmendPaperItem *item)
{
  if (item == NULL)
    return;
  amend_proposal_free (item->proposal);
  g_free (item->instructions);
  g_strfreev (item->lapses);
  g_free (item->before);
  g_free (item->lapsed);
  g_free (item);
}

static AmendPaperItem *
item_new (AmendRepository *repo,
          AmendAmendment  *amendment,
          guint            position,
          GError         **error)
{
  AmendProposal *proposal = amend_proposal_load (repo, amendment, NULL, error);
  AmendPaperItem *item;

  if (proposal == NULL)
    return NULL;
  item = g_new0 (AmendPaperItem, 1);
  item->position = position;
  item->proposal = proposal;
  item->instructions = amend_diff_to_instructions (proposal->diff);
  return item;
}

/* The titles of @amendments but those that lapsed. */
static GStrv
titles_of (GPtrArray   *amendments,
           AmendLapsed *lapsed)
{
  GStrvBuilder *b = g_strv_builder_new ();
  GStrv out;

  for (guint i = 0; amendments && i < amendments->len; i++)
    if (!amend_lapsed_contains (lapsed, amend_amendment_get_slug (g_ptr_array_index (amendments, i))))
      g_strv_builder_add (b, amend_amendment_get_title (g_ptr_array_index (amendments, i)));
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

/* Every submitted amendment, in the voting order. */
static GPtrArray *
load_all (AmendRepository *repo,
          GPtrArray       *unreadable,
          GError         **error)
{
  g_autoptr(AmendCollisions) found = amend_collisions_find (repo, FALSE, error);
  g_autoptr(AmendLapsed) lapsed = found ? amend_lapsed_find_all (repo, error) : NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  GPtrArray *order;
  guint position = 0;

  if (lapsed == NULL)
    return NULL;
  for (guint i = 0; unreadable && i < amend_collisions_get_unreadable (found)->len; i++)
    g_ptr_array_add (unreadable, amend_unreadable_copy (g_ptr_array_index (amend_collisions_get_unreadable (found), i)));
  order = amend_collisions_get_order (found);
  if (order->len == 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("no amendment is submitted, so there is nothing on the paper; name the amendment to write it "
                     "for one"));
      return NULL;
    }
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_paper_item_free);
  gone = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_paper_item_free);
  for (guint i = 0; i < order->len; i++)
    {
      AmendVotingStep *step = g_ptr_array_index (order, i);
      char *why = amend_lapsed_describe (lapsed, amend_amendment_get_slug (step->amendment));
      AmendPaperItem *item = item_new (repo, step->amendment, why ? 0 : ++position, error);

      if (item == NULL)
        {
          g_free (why);
          return NULL;
        }
      item->lapses = titles_of (step->lapses, lapsed);
      item->before = step->before ? g_strdup (amend_amendment_get_title (step->before)) : NULL;
      item->lapsed = why;
      g_ptr_array_add (why ? gone : items, item);
    }
  /* Those that lapsed after the votes to come, said to have lapsed. */
  g_ptr_array_extend_and_steal (items, g_steal_pointer (&gone));
  return g_steal_pointer (&items);
}

/**
 * amend_paper_load:
 * @name: (nullable): an amendment (slug or branch); NULL: every
 *   submitted amendment, in the voting order
 *
 * Returns: (element-type AmendPaperItem): the items of the paper
 */
GPtrArray *
amend_paper_load (AmendRepository *repo,
                  const char      *name,
                  GError         **error)
{
  return amend_paper_load_full (repo, name, NULL, error);
}

/**
 * amend_paper_load_full:
 * @unreadable: (nullable) (element-type AmendUnreadable): for the paper
 *   of every submitted amendment, gets those left out because their
 *   branch cannot be read
 *
 * amend_paper_load(), saying which amendments the paper leaves out.
 */
GPtrArray *
amend_paper_load_full (AmendRepository *repo,
                       const char      *name,
                       GPtrArray       *unreadable,
                       GError         **error)
{
  g_autoptr(AmendAmendment) amendment = NULL;
  GPtrArray *items;
  AmendPaperItem *item;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (name == NULL)
    return load_all (repo, unreadable, error);
  amendment = amend_amendment_lookup (repo, name, error);
  if (amendment == NULL || (item = item_new (repo, amendment, 1, error)) == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_paper_item_free);
  g_ptr_array_add (items, item);
  return items;
}

/* ----------------------------------------------------------------------- */
/* Words                                                                    */
/* ----------------------------------------------------------------------- */

/* "Jan Jansen, Wijkraad Oost": the names without their addresses, as a
 * council paper prints them. */
char *
amend_paper_names (const char * const *submitters)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; submitters && submitters[i]; i++)
    {
      const char *lt = strchr (submitters[i], '<');
      g_autofree char *name = g_strstrip (lt ? g_strndup (submitters[i], lt - submitters[i]) : g_strdup (submitters[i]));

      if (*name == '\0')
        continue;
      g_string_append_printf (out, "%s%s", out->len ? ", " : "", name);
    }
  return g_string_free (out, FALSE);
}

static char *
long_date (const char *iso)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      (date = g_date_time_new_local (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (iso ? iso : "");
  /* TRANSLATORS: the date of a vote, see strftime: "14 March 2027" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/**
 * amend_paper_describe_vote:
 * @vote: (nullable): the vote, when there was one
 *
 * Returns: one sentence: "Adopted with 15 votes for and 12 against on
 *   14 March 2027 (Raadsvergadering 14 maart 2027)", or the status.
 */
char *
amend_paper_describe_vote (const AmendVote *vote,
                           AmendStatus      status)
{
  g_autofree char *when = NULL;
  g_autofree char *sentence = NULL;
  gboolean adopted;

  if (vote == NULL || (vote->result != AMEND_STATUS_ADOPTED && vote->result != AMEND_STATUS_REJECTED))
    switch (status)
      {
      case AMEND_STATUS_CONCEPT:
        return g_strdup (_("Not submitted yet."));
      case AMEND_STATUS_SUBMITTED:
        return g_strdup (_("Submitted; not voted on yet."));
      case AMEND_STATUS_WITHDRAWN:
        return g_strdup (_("Withdrawn by the submitters."));
      case AMEND_STATUS_ADOPTED:
        return g_strdup (_("Adopted."));
      case AMEND_STATUS_REJECTED:
      default:
        return g_strdup (_("Rejected."));
      }
  when = long_date (vote->date);
  adopted = vote->result == AMEND_STATUS_ADOPTED;
  if (vote->votes_for >= 0)
    sentence = g_strdup_printf (adopted ? _("Adopted with %d votes for and %d against on %s") :
                                          _("Rejected with %d votes for and %d against on %s"),
                                vote->votes_for, vote->votes_against, when);
  else
    sentence = g_strdup_printf (adopted ? _("Adopted without counted votes on %s") :
                                          _("Rejected without counted votes on %s"), when);
  if (vote->meeting && *vote->meeting)
    return g_strdup_printf ("%s (%s).", sentence, vote->meeting);
  return g_strdup_printf ("%s.", sentence);
}

/* ----------------------------------------------------------------------- */
/* HTML                                                                     */
/* ----------------------------------------------------------------------- */

static const char paper_style[] =
  "article.amendment{margin:2.5em 0}article.amendment+article.amendment{border-top:2px solid #999;padding-top:1.5em}"
  "dl.record{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:.5em 0}"
  "dl.record dt{font-weight:bold}dl.record dd{margin:0}"
  ".instructions p{margin:.4em 0;white-space:pre-wrap}.instructions p.letter{font-weight:bold;margin-top:1em}"
  ".lapses{font-style:italic}"
  "@media print{article.amendment+article.amendment{break-before:page;border:none}}";

/* <TAG class="KLASS">TEXT</TAG>, the text escaped. */
static void
append_element (GString    *out,
                const char *tag,
                const char *klass,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  if (klass)
    g_string_append_printf (out, "<%s class=\"%s\">%s</%s>", tag, klass, escaped, tag);
  else
    g_string_append_printf (out, "<%s>%s</%s>", tag, escaped, tag);
  if (g_strcmp0 (tag, "dt") != 0)
    g_string_append_c (out, '\n');
}

/* Paragraphs at blank lines, a line break at a single newline. */
static void
append_paragraphs (GString    *out,
                   const char *text,
                   const char *klass)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", text ? text : "", 0, 0);

  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autofree char *p = g_strstrip (g_strdup (paragraphs[i]));
      g_autofree char *escaped = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *joined = NULL;
      const char *k = klass;

      if (*p == '\0')
        continue;
      escaped = g_markup_escape_text (p, -1);
      lines = g_strsplit (escaped, "\n", -1);
      joined = g_strjoinv ("<br>\n", lines);
      /* "A", "B", "ARTIKEL I": the letters of the instructions. */
      if (klass && strchr (p, ' ') == NULL && strlen (p) <= 3)
        k = "letter";
      else if (klass && g_str_has_prefix (p, "ARTIKEL "))
        k = "letter";
      if (k)
        g_string_append_printf (out, "<p class=\"%s\">%s</p>\n", k, joined);
      else
        g_string_append_printf (out, "<p>%s</p>\n", joined);
    }
}

static void
append_record (GString        *out,
               AmendPaperItem *item)
{
  AmendAmendment *a = item->proposal->amendment;
  g_autofree char *names = amend_paper_names (amend_amendment_get_submitters (a));
  g_autoptr(AmendVote) vote = amend_amendment_dup_vote (a);
  g_autofree char *result = amend_paper_describe_vote (vote, amend_amendment_get_status (a));

  g_string_append (out, "<dl class=\"record\">\n");
  append_element (out, "dt", NULL, _("Submitted by"));
  append_element (out, "dd", NULL, *names ? names : _("(nobody named)"));
  append_element (out, "dt", NULL, _("Result"));
  append_element (out, "dd", NULL, item->lapsed ? item->lapsed : result);
  if (item->before)
    {
      append_element (out, "dt", NULL, _("Amends"));
      append_element (out, "dd", NULL, item->before);
    }
  g_string_append (out, "</dl>\n");
  if (item->lapses && item->lapses[0])
    {
      g_autofree char *titles = g_strjoinv ("; ", item->lapses);
      g_autofree char *sentence = g_strdup_printf (_("If it is adopted, these lapse: %s."), titles);

      append_element (out, "p", "lapses", sentence);
    }
}

static void
append_item (GString        *out,
             AmendPaperItem *item,
             gboolean        numbered)
{
  AmendAmendment *a = item->proposal->amendment;
  const char *motivation = amend_amendment_get_motivation (a);

  g_string_append_printf (out, "<article class=\"amendment\" id=\"%s\">\n", amend_amendment_get_slug (a));
  if (numbered)
    {
      g_autofree char *escaped = g_markup_escape_text (amend_amendment_get_title (a), -1);

      if (item->position > 0)
        g_string_append_printf (out, "<h2>%u. %s</h2>\n", item->position, escaped);
      else
        g_string_append_printf (out, "<h2>%s</h2>\n", escaped);
    }
  append_record (out, item);
  append_element (out, "h3", NULL, _("Motivation"));
  if (motivation && *motivation)
    append_paragraphs (out, motivation, NULL);
  else
    append_element (out, "p", NULL, _("(none given)"));
  append_element (out, "h3", NULL, _("Changes (renvooi)"));
  amend_renvooi_append_html (out, item->proposal->diff);
  append_element (out, "h3", NULL, _("Amendment instructions"));
  g_string_append (out, "<div class=\"instructions\" lang=\"nl\">\n");
  append_paragraphs (out, item->instructions, "instruction");
  g_string_append (out, "</div>\n</article>\n");
}

/**
 * amend_paper_to_html:
 * @items: (element-type AmendPaperItem): from amend_paper_load()
 * @regulation_title: (nullable): the regulation the amendments amend
 * @in_order: the paper of all submitted amendments in the voting order
 *   (also when that is one), not of one amendment
 *
 * Returns: a whole HTML page, for a browser or the printer.
 */
char *
amend_paper_to_html (GPtrArray  *items,
                     const char *regulation_title,
                     gboolean    in_order)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  gboolean one = !in_order && items->len == 1;

  if (one)
    title = g_strdup_printf (_("Amendment \xe2\x80\x9c%s\xe2\x80\x9d"),
                             amend_amendment_get_title (((AmendPaperItem *) g_ptr_array_index (items, 0))->proposal->amendment));
  else
    title = g_strdup_printf (_("Amendments to %s, in the order of voting"), regulation_title ? regulation_title : _("the regulation"));
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                               "<title>%s</title>\n<style>%s%s</style>\n</head>\n<body>\n<h1>%s</h1>\n",
                          /* TRANSLATORS: the language code of the council paper's HTML */
                          _("en"), escaped, amend_renvooi_html_style (), paper_style, escaped);
  if (one && regulation_title)
    {
      g_autofree char *sub = g_strdup_printf (_("An amendment to %s"), regulation_title);

      append_element (out, "p", NULL, sub);
    }
  for (guint i = 0; i < items->len; i++)
    append_item (out, g_ptr_array_index (items, i), !one);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
