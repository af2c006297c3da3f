/* amend-version.h: a version of a regulation, named as a user names it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"
#include "amend-repository.h"

G_BEGIN_DECLS

char          *amend_repository_find_regulation (AmendRepository *repo,
                                                 GError         **error);
GPtrArray     *amend_repository_changed_regulations (AmendRepository *repo,
                                                     const char      *one,
                                                     const char      *two,
                                                     GError         **error);
char          *amend_join_paths                 (GPtrArray       *paths);
char          *amend_repository_changed_regulation (AmendRepository *repo,
                                                   const char      *one,
                                                   const char      *two,
                                                   GError         **error);
char          *amend_repository_merge_base      (AmendRepository *repo,
                                                 const char      *one,
                                                 const char      *two,
                                                 GError         **error);
AmendDocument *amend_version_load               (AmendRepository *repo,
                                                 const char      *spec,
                                                 const char      *regulation,
                                                 char           **label,
                                                 GError         **error);
GBytes        *amend_version_read               (AmendRepository *repo,
                                                 const char      *spec,
                                                 const char      *regulation,
                                                 char           **label,
                                                 GError         **error);
AmendDocument *amend_version_load_working_copy  (AmendRepository *repo,
                                                 const char      *regulation,
                                                 GError         **error);

G_END_DECLS
