/* amend-sync-names.c: which branch names from elsewhere are amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package, a remote and a clone bring branch names that someone else
 * chose, with git or by hand.  One rule decides for all three which of
 * them Amend takes as an amendment: a package carrying another name is
 * refused whole (it is the sender's to correct), a pull or a clone leaves
 * that branch out and says why (a remote is shared).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-sync-private.h"

#define AMENDMENT_REFS "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX

/**
 * amend_sync_amendment_ref_problem:
 * @refname: a full name, "refs/heads/amendement/SLUG"
 *
 * Amend's own slugs are lowercase letters, digits and hyphens; a branch
 * made with git may hold more (upper case, dots, underscores), and is
 * taken as long as every command can name it and git can store it.
 *
 * Returns: (nullable): %NULL when @refname is an amendment Amend takes;
 *   else why not, one translated clause ("its name starts with a hyphen...").
 */
char *
amend_sync_amendment_ref_problem (const char *refname)
{
  const char *slug = refname + strlen (AMENDMENT_REFS);
  int valid = 0;

  g_return_val_if_fail (g_str_has_prefix (refname, AMENDMENT_REFS), NULL);

  for (const char *p = refname; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return g_strdup (_("its name holds control characters"));
  if (*slug == '\0')
    return g_strdup (_("its name has nothing after amendement/"));
  /* amendement/x and amendement/x/y cannot both be branches (git keeps
   * them as a file and a folder), and Amend keeps one record per slug. */
  if (strchr (slug, '/') != NULL)
    return g_strdup (_("its name has a / after amendement/, which Amend never makes: an amendment is the branch "
                       "amendement/NAME, one level deep"));
  if (*slug == '-')
    return g_strdup (_("its name starts with a hyphen, which a command would take for an option"));
  /* git writes SLUG.lock next to the branch's file first. */
  if (strlen (slug) > AMEND_SYNC_MAX_SLUG)
    return g_strdup_printf (_("its name is %zu bytes long, longer than the %u bytes a branch's file name can have"),
                            strlen (slug), (guint) AMEND_SYNC_MAX_SLUG);
  if (git_reference_name_is_valid (&valid, refname) < 0 || !valid)
    return g_strdup (_("git does not take it as the name of a branch (.., a part that starts with a dot, "
                       "or another character git refuses)"));
  return NULL;
}
