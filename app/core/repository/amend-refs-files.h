/* amend-refs-files.h: a project's branches read from git's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The branches a list needs, as git stores them; see amend-refs-files.c
 * for when there is no answer. */
typedef struct {
  char       *git_dir;     /* ".../.git", without a trailing separator */
  char       *main;        /* "main" or "master" */
  char        main_hex[41];
  GHashTable *amendments;  /* slug -> tip as 40 hex digits */
} AmendRefsFiles;

AmendRefsFiles *amend_refs_files_read (const char     *start,
                                       const char     *needs);
void            amend_refs_files_free (AmendRefsFiles *self);
const char     *amend_refs_files_tip  (AmendRefsFiles *self,
                                       const char     *branch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendRefsFiles, amend_refs_files_free)

G_END_DECLS
