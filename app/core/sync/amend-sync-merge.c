/* amend-sync-merge.c: main here and main on the remote both moved on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Joining two drafts is the structural three-way merge of regulation text
 * (articles, members, words), which a line merge would get wrong.  Until
 * that merge is part of the core, amend pull refuses here, with nothing
 * changed but the remote-tracking branches that the fetch brought; this
 * function is the one place to call the merge from when it is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-sync-private.h"

gboolean
amend_sync_merge_main (AmendRepository *repo,
                       const char      *main_branch,
                       const git_oid   *ours,
                       const git_oid   *theirs,
                       GError         **error)
{
  char ours_hex[8], theirs_hex[8];

  git_oid_tostr (ours_hex, sizeof ours_hex, ours);
  git_oid_tostr (theirs_hex, sizeof theirs_hex, theirs);
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DIVERGED,
               _("%s has new versions here (%s) and on the remote (%s), and Amend cannot merge two drafts yet; "
                 "nothing was changed but the remote-tracking branches; join the two with git merge, check the "
                 "result with amend diff, then pull again"),
               main_branch, ours_hex, theirs_hex);
  return FALSE;
}
