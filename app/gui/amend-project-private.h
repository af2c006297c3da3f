/* amend-project-private.h: what the files of AmendProject share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-project.h"

G_BEGIN_DECLS

/* The snapshot of the project as @repo has it now. */
AmendProject *_amend_project_read         (AmendRepository *repo,
                                           const char      *file,
                                           GError         **error);
/* FALSE, with AMEND_PROJECT_ERROR_BRANCH_CHANGED, when the working copy
 * is no longer on @branch: another program switched it. */
gboolean      _amend_project_check_branch (AmendRepository *repo,
                                           const char      *branch,
                                           GError         **error);

/* Runs @thread_func in a thread with @job as its task data (freed by
 * @free_job), the task tagged with @tag as the _finish function checks. */
void          _amend_project_run_job      (AmendProject        *self,
                                           gpointer             job,
                                           GDestroyNotify       free_job,
                                           GTaskThreadFunc      thread_func,
                                           gpointer             tag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The end of a job that changed the project: @task returns the project
 * as @repo has it now when @ok, else @error (which it takes). */
void          _amend_project_return_read  (GTask               *task,
                                           AmendRepository     *repo,
                                           const char          *file,
                                           gboolean             ok,
                                           GError              *error);

/* amend-project-texts.c: the title in the front matter of each of
 * @names in @top, or the name. */
GStrv         _amend_project_read_titles  (const char          *top,
                                           const char * const  *names);

G_END_DECLS
