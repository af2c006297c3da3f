/* amend-project.h: what the window knows of a project, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amend-amendment.h"
#include "amend-document.h"
#include "amend-renvooi.h"
#include "amend-repository.h"

G_BEGIN_DECLS

/* A version of the regulation next to the current text. */
typedef struct {
  char          *commit;
  char          *text;       /* the regulation in that version */
  char          *new_text;   /* what it is compared with: the current text, or another version */
  AmendDocument *old_doc;
  AmendDocument *new_doc;
  AmendDiff     *diff;
  GPtrArray     *blocks;     /* of AmendRenvooiBlock; point into the documents */
} AmendComparison;

void amend_comparison_free (AmendComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendComparison, amend_comparison_free)

#define AMEND_PROJECT_ERROR (amend_project_error_quark ())

typedef enum {
  /* The working copy is on another branch than the window shows: it was
   * switched by another program.  Nothing was written. */
  AMEND_PROJECT_ERROR_BRANCH_CHANGED,
} AmendProjectError;

GQuark amend_project_error_quark (void);

#define AMEND_TYPE_PROJECT (amend_project_get_type ())

G_DECLARE_FINAL_TYPE (AmendProject, amend_project, AMEND, PROJECT, GObject)

/* A project is read whole in a worker thread and handed to the window as
 * one snapshot; every change (save, switch, propose) gives a new one. */
void            amend_project_load_async        (const char          *path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
AmendProject   *amend_project_load_finish       (GAsyncResult        *result,
                                                 GError             **error);
AmendProject   *amend_project_load              (const char          *path,
                                                 GError             **error);

const char     *amend_project_get_path          (AmendProject        *self);
const char     *amend_project_get_file          (AmendProject        *self);
char           *amend_project_dup_file_path     (AmendProject        *self);
gboolean        amend_project_has_several_regulations (AmendProject  *self);
const char * const *amend_project_get_regulations (AmendProject      *self);
const char * const *amend_project_get_regulation_titles (AmendProject *self);
const char     *amend_project_get_branch        (AmendProject        *self);
const char     *amend_project_get_main_branch   (AmendProject        *self);
const char     *amend_project_get_head_commit   (AmendProject        *self);
const char     *amend_project_get_git_dir       (AmendProject        *self);
const char     *amend_project_get_common_dir    (AmendProject        *self);
gboolean        amend_project_same_state        (AmendProject        *self,
                                                 AmendProject        *other);
gboolean        amend_project_is_on_main        (AmendProject        *self);
const char     *amend_project_get_title         (AmendProject        *self);
const char     *amend_project_get_disk_text     (AmendProject        *self);
const char     *amend_project_get_saved_text    (AmendProject        *self);
AmendDocument  *amend_project_get_document      (AmendProject        *self);
GPtrArray      *amend_project_get_amendments    (AmendProject        *self);
GPtrArray      *amend_project_get_unreadable    (AmendProject        *self);
AmendAmendment *amend_project_get_amendment     (AmendProject        *self);
AmendAmendment *amend_project_find_amendment    (AmendProject        *self,
                                                 const char          *slug);
const char     *amend_project_target_title      (AmendProject        *self,
                                                 AmendAmendment      *a);

void            amend_project_save_async        (AmendProject        *self,
                                                 const char          *text,
                                                 const char          *author,
                                                 const char          *message,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
AmendProject   *amend_project_save_finish       (AmendProject        *self,
                                                 GAsyncResult        *result,
                                                 char               **commit,
                                                 GError             **error);
void            amend_project_switch_async      (AmendProject        *self,
                                                 const char          *branch,
                                                 gboolean             put_back,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
AmendProject   *amend_project_switch_finish     (AmendProject        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void            amend_project_propose_async     (AmendProject        *self,
                                                 const char          *title,
                                                 const char * const  *submitters,
                                                 const char          *motivation,
                                                 const char          *on,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
AmendProject   *amend_project_propose_finish    (AmendProject        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void            amend_project_log_async         (AmendProject        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray      *amend_project_log_finish        (AmendProject        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void            amend_project_compare_async     (AmendProject        *self,
                                                 const char          *commit,
                                                 const char          *against,
                                                 const char          *current_text,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
AmendComparison *amend_project_compare_finish   (AmendProject        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

char           *amend_save_message_for          (const char          *saved,
                                                 const char          *text,
                                                 const char          *file);

/* New projects (amend-project-new.c).  A new project in @dir from a
 * regulation text (the template, or an imported one), with @author
 * signing the first version. */
gboolean        amend_project_create            (const char          *dir,
                                                 const char          *file_name,
                                                 const char          *text,
                                                 const char          *author,
                                                 GError             **error);
char           *amend_project_template_text     (const char          *title,
                                                 const char          *authority);
char           *amend_work_suggest              (const char          *authority,
                                                 const char          *date,
                                                 const char          *title);
char           *amend_front_matter_replace      (const char          *text,
                                                 AmendDocument       *doc);

G_END_DECLS
