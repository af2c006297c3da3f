/* amend-command-order.c: amend order [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"
#include "amend-collision.h"
#include "amend-lapsed.h"

static gboolean opt_json;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the order as JSON"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* The slugs of @amendments but those that lapsed (which compete with
 * nothing any more), or NULL for none. */
static char *
slugs_of (GPtrArray   *amendments,
          AmendLapsed *lapsed,
          guint       *n)
{
  GString *s = g_string_new (NULL);

  *n = 0;
  for (guint i = 0; i < amendments->len; i++)
    {
      const char *slug = amend_amendment_get_slug (g_ptr_array_index (amendments, i));

      if (!amend_lapsed_contains (lapsed, slug))
        {
          g_string_append_printf (s, "%s%s", s->len ? ", " : "", slug);
          (*n)++;
        }
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static void
add_slugs (JsonBuilder *b,
           const char  *name,
           GPtrArray   *amendments,
           AmendLapsed *lapsed)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < amendments->len; i++)
    {
      const char *slug = amend_amendment_get_slug (g_ptr_array_index (amendments, i));

      if (!amend_lapsed_contains (lapsed, slug))
        json_builder_add_string_value (b, slug);
    }
  json_builder_end_array (b);
}

static void
add_slug_or_null (JsonBuilder    *b,
                  const char     *name,
                  AmendAmendment *amendment)
{
  json_builder_set_member_name (b, name);
  if (amendment)
    json_builder_add_string_value (b, amend_amendment_get_slug (amendment));
  else
    json_builder_add_null_value (b);
}

/* A lapsed amendment is not voted on: it has no position, and the others
 * are numbered without it. */
static void
print_json (GPtrArray   *order,
            AmendLapsed *lapsed)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint position = 0;

  json_builder_begin_array (b);
  for (guint i = 0; i < order->len; i++)
    {
      AmendVotingStep *s = g_ptr_array_index (order, i);
      const char *slug = amend_amendment_get_slug (s->amendment);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "position");
      if (amend_lapsed_contains (lapsed, slug))
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, ++position);
      json_builder_set_member_name (b, "slug");
      json_builder_add_string_value (b, slug);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, amend_amendment_get_title (s->amendment));
      add_slug_or_null (b, "before", s->before);
      json_builder_set_member_name (b, "reach");
      json_builder_add_int_value (b, s->reach);
      json_builder_set_member_name (b, "furthest");
      json_builder_add_boolean_value (b, s->furthest);
      add_slugs (b, "competes", s->competes, lapsed);
      add_slugs (b, "lapses", s->lapses, lapsed);
      add_slug_or_null (b, "lapsed_by", amend_lapsed_by (lapsed, slug));
      add_slug_or_null (b, "lapsed_with", amend_lapsed_with (lapsed, slug));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  amend_cli_print_json (b);
}

static void
print_step (AmendVotingStep *s,
            guint            position,
            AmendLapsed     *lapsed)
{
  guint n_competes = 0, n_lapses = 0;
  g_autofree char *competes = slugs_of (s->competes, lapsed, &n_competes);
  g_autofree char *lapses = slugs_of (s->lapses, lapsed, &n_lapses);

  g_print ("%2u. %s  \xe2\x80\x9c%s\xe2\x80\x9d\n", position, amend_amendment_get_slug (s->amendment),
           amend_amendment_get_title (s->amendment));
  if (s->before)
    g_print (_("    a subamendment: voted before %s, which it amends\n"), amend_amendment_get_slug (s->before));
  if (competes)
    g_print (s->furthest ? _("    the most far-reaching of the amendments that compete with %s\n")
                         : g_dngettext (GETTEXT_PACKAGE, "    competes with %s, which reaches further or as far\n",
                                        "    competes with %s, which reach further or as far\n", n_competes),
             competes);
  /* One amendment or several: "lapses", "lapse"; Dutch "vervalt", "vervallen". */
  if (lapses)
    g_print (g_dngettext (GETTEXT_PACKAGE, "    if it is adopted, %s lapses (cannot be adopted any more)\n",
                          "    if it is adopted, %s lapse (cannot be adopted any more)\n", n_lapses),
             lapses);
}

/* The votes to come, numbered; then those that lapsed, and why. */
static void
print_text (GPtrArray   *order,
            AmendLapsed *lapsed)
{
  guint position = 0, n_lapsed = 0;

  for (guint i = 0; i < order->len; i++)
    {
      AmendVotingStep *s = g_ptr_array_index (order, i);

      if (amend_lapsed_contains (lapsed, amend_amendment_get_slug (s->amendment)))
        n_lapsed++;
      else
        print_step (s, ++position, lapsed);
    }
  if (position == 0)
    g_print (n_lapsed ? _("Every submitted amendment has lapsed, so there is nothing to vote on\n")
                      : _("No amendment is submitted, so there is nothing to vote on\n"));
  if (n_lapsed > 0)
    g_print (_("Lapsed, not voted on:\n"));
  for (guint i = 0; i < order->len; i++)
    {
      AmendVotingStep *s = g_ptr_array_index (order, i);
      const char *slug = amend_amendment_get_slug (s->amendment);
      AmendAmendment *by = amend_lapsed_by (lapsed, slug);
      AmendAmendment *with = amend_lapsed_with (lapsed, slug);

      if (by)
        g_print (_("    %s  \xe2\x80\x9c%s\xe2\x80\x9d: %s was adopted\n"), slug, amend_amendment_get_title (s->amendment),
                 amend_amendment_get_slug (by));
      else if (with)
        g_print (_("    %s  \xe2\x80\x9c%s\xe2\x80\x9d: with %s, which it amends\n"), slug,
                 amend_amendment_get_title (s->amendment), amend_amendment_get_slug (with));
    }
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_order, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendCollisions) found = NULL;
  g_autoptr(AmendLapsed) lapsed = NULL;
  g_autoptr(GError) error = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_order, context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return amend_cli_usage_error (&amend_command_order, _("order takes no arguments"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  found = amend_collisions_find (repo, FALSE, &error);
  if (found == NULL || (lapsed = amend_lapsed_find_all (repo, &error)) == NULL)
    return amend_cli_report (error, NULL);
  amend_cli_warn_unreadable (amend_collisions_get_unreadable (found));
  if (opt_json)
    print_json (amend_collisions_get_order (found), lapsed);
  else
    print_text (amend_collisions_get_order (found), lapsed);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_order = {
  .name = "order",
  .parameters = "[--json]",
  .summary = N_("Propose the order in which the council votes on the submitted amendments"),
  .description = N_("Orders the submitted amendments as a council votes on them: a subamendment right before the "
                    "amendment it amends; of amendments that change the same articles the most far-reaching first "
                    "(the one that changes the most words and nodes); otherwise in the order of the text. Says which "
                    "amendments lapse when one is adopted, because they can no longer be merged after it; one that lapsed "
                    "when another was adopted is not numbered, and said to have lapsed. With --json an array of objects "
                    "with position (null for a lapsed one), slug, title, before, reach, furthest, competes, lapses, "
                    "lapsed_by and lapsed_with."),
  .run = run,
};
