/* amend-journal.h: a change of the project that a kill cannot leave half done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command that writes to a project runs as one journaled operation:
 *
 *   g_autoptr(AmendJournal) journal = amend_journal_begin (repo, "submit", summary, error);
 *   ... read the project, refuse what cannot be done, write the git
 *       objects (blobs, trees, commits: nothing refers to them yet) ...
 *   amend_journal_move_ref (journal, "refs/heads/amendement/x", &old_tip, &new_tip);
 *   amend_journal_update_working_copy (journal, &old_tree, &new_tree, NULL, refusal);
 *   amend_journal_set_head (journal, "refs/heads/amendement/x");
 *   if (!amend_journal_commit (journal, error))
 *     ...
 *
 * begin() takes .git/amend/lock, so that one Amend writes to a project at
 * a time.  A writer killed while it held the lock is noticed by the next
 * one, which removes what that writer left (libgit2's tmp_object_git2_*
 * files, *.lock files of refs, HEAD and the index made since it started)
 * and finishes the journal it left.
 *
 * commit() first checks that every step can be done (each ref still points
 * where the operation read it, each working copy file it replaces is the
 * version it replaces), writes .git/amend/journal with the steps, does
 * them in the order they were given, and removes the journal.  A kill
 * after the journal was written is finished by the next Amend command or
 * window that opens the project: every step is done again where it was
 * not done yet (a ref already at its new commit, a file that already is
 * the new version are left alone).  When a step cannot be done any more
 * because someone changed the project in between (another program moved
 * the ref, a file was edited), nothing is overwritten and the error says
 * the exact way out.
 *
 * Working copy files are written whole (a temporary file renamed over
 * the old one), never half; the index is written once per step.
 *
 * Tests kill an operation at a named step: AMEND_KILL_AT=OPERATION:STEP,
 * with STEP one of objects (before the journal is written), journal (just
 * after), ref (after a ref moved), file (after the first working copy file
 * of a step), working-copy (after a working copy step), head, index, done
 * (before the journal is removed).
 */
#pragma once

#include <git2.h>

#include "amend-repository.h"

G_BEGIN_DECLS

typedef struct _AmendJournal AmendJournal;

AmendJournal *amend_journal_begin               (AmendRepository    *repo,
                                                 const char         *operation,
                                                 const char         *summary,
                                                 GError            **error);
void          amend_journal_move_ref            (AmendJournal       *self,
                                                 const char         *refname,
                                                 const git_oid      *old_id,
                                                 const git_oid      *new_id);
void          amend_journal_update_working_copy (AmendJournal       *self,
                                                 const git_oid      *from_tree,
                                                 const git_oid      *to_tree,
                                                 const char * const *paths,
                                                 const char         *refusal);
void          amend_journal_set_head            (AmendJournal       *self,
                                                 const char         *refname);
void          amend_journal_update_index        (AmendJournal       *self,
                                                 const git_oid      *tree,
                                                 const char * const *paths);
AmendJournal *amend_journal_hold                (AmendRepository    *repo,
                                                 const char         *operation,
                                                 GError            **error);
gboolean      amend_journal_commit              (AmendJournal       *self,
                                                 GError            **error);
void          amend_journal_free                (AmendJournal       *self);

gboolean      amend_journal_recover             (AmendRepository    *repo,
                                                 char              **note,
                                                 GError            **error);
gboolean      amend_journal_is_pending          (AmendRepository    *repo);
gboolean      amend_journal_wait_for_writer     (AmendRepository    *repo);
gboolean      amend_journal_is_clear            (const char         *git_dir);
void          amend_journal_kill_point          (const char         *operation,
                                                 const char         *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendJournal, amend_journal_free)

G_END_DECLS
