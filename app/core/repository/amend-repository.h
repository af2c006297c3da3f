/* amend-repository.h: a regulation project: an ordinary git repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AMEND_REPOSITORY_ERROR (amend_repository_error_quark ())

/* Every error carries one translated sentence that says what to do.  The
 * codes let a caller add what only it knows (the CLI names its options). */
typedef enum {
  AMEND_REPOSITORY_ERROR_FAILED,          /* libgit2 failed; the message has its reason */
  AMEND_REPOSITORY_ERROR_NOT_FOUND,       /* no repository, revision, file, branch or amendment */
  AMEND_REPOSITORY_ERROR_EXISTS,          /* a repository or branch that is already there */
  AMEND_REPOSITORY_ERROR_INVALID,         /* a malformed author, title, name or record */
  AMEND_REPOSITORY_ERROR_LOCKED,          /* another program holds index.lock or a ref lock */
  AMEND_REPOSITORY_ERROR_BUSY,            /* a merge, rebase, cherry-pick... started with git is unfinished */
  AMEND_REPOSITORY_ERROR_BARE,            /* no working copy */
  AMEND_REPOSITORY_ERROR_DETACHED,        /* HEAD is not on a branch */
  AMEND_REPOSITORY_ERROR_UNBORN,          /* the branch has no commit yet */
  AMEND_REPOSITORY_ERROR_DIRTY,           /* unsaved changes stand in the way */
  AMEND_REPOSITORY_ERROR_CONFLICT,        /* a checkout would overwrite a file */
  AMEND_REPOSITORY_ERROR_NO_AUTHOR,       /* neither an author nor user.name/user.email */
  AMEND_REPOSITORY_ERROR_NOTHING_TO_SAVE,
  AMEND_REPOSITORY_ERROR_TRANSITION,      /* a status change that is not allowed */
  AMEND_REPOSITORY_ERROR_INTERRUPTED,     /* an interrupted operation that cannot be finished */
  AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,    /* an author, submitter, title, message, date or id as given is
                                           * not one Amend takes (a usage error; INVALID is for what was read) */
  AMEND_REPOSITORY_ERROR_NO_REGULATION,   /* a save would leave the project without a regulation */
} AmendRepositoryError;

GQuark amend_repository_error_quark (void);

/* One commit of a history. */
typedef struct {
  char      *id;       /* 40 hex digits */
  char      *author;
  char      *email;
  GDateTime *date;     /* author time, in the author's time zone */
  char      *message;  /* whole message, ends with a newline */
} AmendCommit;

void amend_commit_free (AmendCommit *commit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendCommit, amend_commit_free)

typedef enum {
  AMEND_FILE_NEW,
  AMEND_FILE_MODIFIED,
  AMEND_FILE_DELETED,
} AmendFileChangeKind;

/* A file whose working copy differs from the last commit. */
typedef struct {
  char               *path;        /* relative to the top of the working copy */
  AmendFileChangeKind kind;
  gboolean            regulation;  /* a file Amend saves: *.md or under .amend/ */
} AmendFileChange;

void amend_file_change_free (AmendFileChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendFileChange, amend_file_change_free)

/* What HEAD is, for `amend status`; none of these stop reading. */
typedef enum {
  AMEND_HEAD_BRANCH,
  AMEND_HEAD_UNBORN,
  AMEND_HEAD_DETACHED,
} AmendHeadKind;

#define AMEND_TYPE_REPOSITORY (amend_repository_get_type ())

G_DECLARE_FINAL_TYPE (AmendRepository, amend_repository, AMEND, REPOSITORY, GObject)

AmendRepository *amend_repository_create        (const char       *path,
                                                 const char       *author,
                                                 GError          **error);
AmendRepository *amend_repository_open          (const char       *path,
                                                 GError          **error);
const char      *amend_repository_get_path      (AmendRepository  *self);
gboolean         amend_repository_is_bare       (AmendRepository  *self);
AmendHeadKind    amend_repository_get_head      (AmendRepository  *self,
                                                 char            **branch);
char            *amend_repository_dup_branch    (AmendRepository  *self,
                                                 GError          **error);
char            *amend_repository_dup_main_branch (AmendRepository *self,
                                                   GError        **error);
const char      *amend_repository_describe_state (AmendRepository *self);
char            *amend_repository_take_recovery_note (AmendRepository *self);
gboolean         amend_repository_check_writable (AmendRepository *self,
                                                  GError         **error);
char            *amend_repository_relative_path (AmendRepository  *self,
                                                 const char       *path,
                                                 GError          **error);
GPtrArray       *amend_repository_list_changes  (AmendRepository  *self,
                                                 GError          **error);
char            *amend_repository_save          (AmendRepository  *self,
                                                 const char * const *paths,
                                                 const char       *author,
                                                 GDateTime        *date,
                                                 const char       *message,
                                                 GError          **error);
GPtrArray       *amend_repository_log           (AmendRepository  *self,
                                                 const char       *revision,
                                                 const char       *path,
                                                 GError          **error);
GBytes          *amend_repository_read_file     (AmendRepository  *self,
                                                 const char       *revision,
                                                 const char       *path,
                                                 GError          **error);
char            *amend_repository_resolve_branch (AmendRepository *self,
                                                  const char      *name,
                                                  GError         **error);
gboolean         amend_repository_switch        (AmendRepository  *self,
                                                 const char       *name,
                                                 gboolean          save,
                                                 const char       *author,
                                                 GError          **error);

/* The template of `amend init`: a small canonical regulation. */
const char      *amend_repository_get_template  (void);

gboolean         amend_is_regulation_path       (const char       *path);
gboolean         amend_is_top_regulation_path   (const char       *path);
gboolean         amend_parse_author             (const char       *author,
                                                 char            **name,
                                                 char            **email,
                                                 GError          **error);
char            *amend_parse_submitter          (const char       *submitter,
                                                 GError          **error);
char            *amend_git_config_author        (void);
void             amend_git_config_identity      (const char       *repo_path,
                                                 char            **name,
                                                 char            **email);
void             amend_set_user_identity        (const char       *author);

G_END_DECLS
