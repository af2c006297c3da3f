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

G_END_DECLS
