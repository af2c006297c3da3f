/* amend-repository.c: a regulation project: an ordinary git repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes through libgit2 directly, so Amend needs no git program
 * and what it writes is what git itself would write: `git fsck --strict`
 * accepts it and any git tool or hosting can use it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amend-oid.h"
#include "amend-amendment-private.h"
#include "amend-document.h"
#include "amend-journal.h"
#include "amend-file.h"
#include "amend-repository-private.h"
#include "amend-utf8.h"

struct _AmendRepository
{
  GObject         parent_instance;

  git_repository *repo;
  char           *path;   /* the working copy, or the git folder when bare */
  char           *recovery_note;  /* what opening finished of an interrupted operation */
  /* The last blobs amend_repository_read_file() gave, most recent first:
   * the council paper, the collisions and the lapsed amendments read the
   * version the amendments branched from once for each of them, and a
   * regulation's blob takes as long to inflate as to read. */
  struct {
    git_oid id;
    GBytes *bytes;
  } blobs[2];
};

G_DEFINE_FINAL_TYPE (AmendRepository, amend_repository, G_TYPE_OBJECT)

G_DEFINE_QUARK (amend-repository-error-quark, amend_repository_error)


/* A small canonical regulation: `amend fmt --check` and `amend check`
 * accept it as it is (tests/test-repository.c makes sure). */
/* Complete enough to export: gm9999 is the code the STOP standard's own
 * examples use, to be replaced by the authority's own (Properties in the
 * window, or the front matter). */
static const char template_regulation[] =
  "---\n"
  "title: Verordening\n"
  "citation: Verordening\n"
  "authority: gm9999\n"
  "authority-name: de raad van de gemeente\n"
  "work: /akn/nl/act/gm9999/2027/verordening\n"
  "date: 2027-01-01\n"
  "---\n"
  "\n"
  "De raad van de gemeente;\n"
  "\n"
  "besluit vast te stellen de volgende verordening:\n"
  "\n"
  "# Hoofdstuk 1 Algemene bepalingen\n"
  "\n"
  "## Artikel 1 Begripsbepalingen\n"
  "\n"
  "In deze verordening wordt verstaan onder:\n"
  "\n"
  "- a. college: het college van burgemeester en wethouders;\n"
  "- b. raad: de gemeenteraad.\n"
  "\n"
  "# Hoofdstuk 2 Slotbepalingen\n"
  "\n"
  "## Artikel 2 Inwerkingtreding\n"
  "\n"
  "Deze verordening treedt in werking op de dag na die van de bekendmaking.\n"
  "\n"
  "## Artikel 3 Citeertitel\n"
  "\n"
  "Deze verordening wordt aangehaald als: Verordening.\n"
  "\n"
  "# Ondertekening\n"
  "\n"
  "Aldus vastgesteld in de openbare vergadering van de raad.\n";

static void
shutdown_libgit2 (void)
{
  git_libgit2_shutdown ();
}

/* libgit2 wants one git_libgit2_init before anything else. */
static void
ensure_libgit2 (void)
{
  amend_repository_ensure_libgit2 ();
}

/* Also for those that use libgit2 without a repository yet (clone,
 * opening a package), so that they get the same settings. */
void
amend_repository_ensure_libgit2 (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const char *nosystem = g_getenv ("GIT_CONFIG_NOSYSTEM");

      git_libgit2_init ();
      /* libgit2 hashes every object it reads again to check it; git does
       * that only in fsck.  With a thousand amendments on a large
       * regulation that doubled the time of amend list. */
      git_libgit2_opts (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
      /* libgit2 maps a pack in windows of up to 1 GB and keeps up to 8 GB
       * mapped; every page read stays in the process's memory.  Listing
       * five thousand amendments touched 800 MB of pack that way.  Smaller
       * windows, of which the least used are unmapped past 32 MB. */
      git_libgit2_opts (GIT_OPT_SET_MWINDOW_SIZE, (size_t) 8 * 1024 * 1024);
      git_libgit2_opts (GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t) 32 * 1024 * 1024);
      /* As the git program does: GIT_CONFIG_NOSYSTEM leaves /etc/gitconfig
       * out, so a test or a script decides alone which config counts. */
      if (nosystem && *nosystem && g_strcmp0 (nosystem, "0") != 0 && g_ascii_strcasecmp (nosystem, "false") != 0)
        git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, "");
      atexit (shutdown_libgit2);
      g_once_init_leave (&initialized, 1);
    }
}

void
amend_commit_free (AmendCommit *commit)
{
  if (commit == NULL)
    return;
  g_free (commit->id);
  g_free (commit->author);
  g_free (commit->email);
  g_clear_pointer (&commit->date, g_date_time_unref);
  g_free (commit->message);
  g_free (commit);
}

void
amend_file_change_free (AmendFileChange *change)
{
  if (change == NULL)
    return;
  g_free (change->path);
  g_free (change);
}

static void
amend_repository_finalize (GObject *object)
{
  AmendRepository *self = (AmendRepository *) object;

  g_clear_pointer (&self->repo, git_repository_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovery_note, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->blobs); i++)
    g_clear_pointer (&self->blobs[i].bytes, g_bytes_unref);

  G_OBJECT_CLASS (amend_repository_parent_class)->finalize (object);
}

static void
amend_repository_class_init (AmendRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amend_repository_finalize;
}

static void
amend_repository_init (AmendRepository *self)
{
}

/* ----------------------------------------------------------------------- */
/* Errors                                                                   */
/* ----------------------------------------------------------------------- */

static const char *
git_message (void)
{
  const git_error *e = git_error_last ();

  return e && e->message ? e->message : _("unknown error");
}

/* Sets @error from libgit2's last error, with @format saying what was
 * being done; a lock becomes the sentence that says what to do about it. */
gboolean
amend_repository_set_git_error (GError    **error,
                                int         code,
                                const char *format,
                                ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  switch (code)
    {
    case GIT_ELOCKED:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED,
                   _("%s: another program is changing the repository (%s); wait until it is done, "
                     "or remove the lock file if no git program is running"), what, git_message ());
      break;
    case GIT_ENOTFOUND:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND, "%s: %s", what, git_message ());
      break;
    case GIT_EUNBORNBRANCH:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_UNBORN, "%s: %s", what, git_message ());
      break;
    case GIT_ECONFLICT:
    case GIT_EMERGECONFLICT:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_CONFLICT, "%s: %s", what, git_message ());
      break;
    case GIT_EMODIFIED:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED,
                   _("%s: another program changed the branch at the same time; try again"), what);
      break;
    default:
      /* libgit2 says a full disk as the system does, and nothing more. */
      if (strstr (git_message (), g_strerror (ENOSPC)) != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "%s: %s%s", what, git_message (),
                     amend_repository_no_space_hint ());
      else if (strstr (git_message (), g_strerror (EACCES)) != NULL ||
               strstr (git_message (), g_strerror (EROFS)) != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s: %s%s", what, git_message (),
                     amend_repository_no_permission_hint ());
      else
        g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED, "%s: %s", what, git_message ());
      break;
    }
  return FALSE;
}

/* libgit2 1.5 can say that it wrote an object it did not write when the
 * disk is full (its object database falls back to a stream whose write
 * errors it does not check), and the next step then fails with "object
 * not found": every new commit is looked for before a branch is moved to
 * it, and a missing one said as what it most likely is. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)

gboolean
amend_repository_check_written (git_repository *git,
                                const git_oid  *id,
                                const char     *what,
                                GError        **error)
{
  g_autoptr(git_odb) odb = NULL;

  if (git_repository_odb (&odb, git) == 0 && git_odb_exists (odb, id))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("%s: the new version could not be written into %s, whose disk is most likely full%s"),
               what, git_repository_path (git), amend_repository_no_space_hint ());
  return FALSE;
}

/* What ends a message of a full disk; a journal that stopped halfway
 * says its own way on instead (amend-journal.c). */
const char *
amend_repository_no_space_hint (void)
{
  return _("; make room on the disk and try again");
}

const char *
amend_repository_no_permission_hint (void)
{
  return _("; see that you may write in the project's folder and in its .git folder, then try again");
}

/* ----------------------------------------------------------------------- */
/* Authors                                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
valid_identity_part (const char *s)
{
  return *s != '\0' && strpbrk (s, "<>\n") == NULL;
}

/* "Jan Jansen <j.jansen@lindewaarde.nl>" -> name and e-mail. */
gboolean
amend_parse_author (const char  *author,
                    char       **name,
                    char       **email,
                    GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (author ? author : ""));
  char *open = strrchr (copy, '<');
  gsize len = strlen (copy);

  if (open != NULL && len > 0 && copy[len - 1] == '>')
    {
      g_autofree char *n = g_strstrip (g_strndup (copy, open - copy));
      g_autofree char *m = g_strstrip (g_strndup (open + 1, copy + len - 1 - (open + 1)));

      if (valid_identity_part (n) && valid_identity_part (m) && strchr (m, ' ') == NULL &&
          g_utf8_validate (n, -1, NULL) && g_utf8_validate (m, -1, NULL))
        {
          if (name)
            *name = g_steal_pointer (&n);
          if (email)
            *email = g_steal_pointer (&m);
          return TRUE;
        }
    }
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
               _("\xe2\x80\x9c%s\xe2\x80\x9d is not a name with an e-mail address; write it as "
                 "\xe2\x80\x9c" "Name <e-mail>" "\xe2\x80\x9d" ", for example " "\xe2\x80\x9c" "Jan Jansen <j.jansen@lindewaarde.nl>" "\xe2\x80\x9d"),
               author ? author : "");
  return FALSE;
}

/* A submitter of an amendment: a person with an e-mail address ("Jan
 * Jansen <j.jansen@lindewaarde.nl>") or a group that has none ("Wijkraad
 * Oost").  The normalized form, or NULL with an error that says what to
 * write. */
char *
amend_parse_submitter (const char  *submitter,
                       GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (submitter ? submitter : ""));
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (*copy != '\0' && strpbrk (copy, "<>\n;") == NULL && g_utf8_validate (copy, -1, NULL))
    return g_steal_pointer (&copy);
  if (strpbrk (copy, "<>") != NULL && amend_parse_author (copy, &name, &email, NULL))
    {
      const char *at = strchr (email, '@');

      if (at != NULL && at != email && at[1] != '\0')
        return g_strdup_printf ("%s <%s>", name, email);
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                   _("\xe2\x80\x9c%s\xe2\x80\x9d is not an e-mail address: it has no @; correct it, or leave the address out"),
                   email);
      return NULL;
    }
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
               _("\xe2\x80\x9c%s\xe2\x80\x9d is not a submitter; write a name, with the e-mail address in angle brackets "
                 "if there is one: \xe2\x80\x9cJan Jansen <j.jansen@lindewaarde.nl>\xe2\x80\x9d or \xe2\x80\x9cWijkraad Oost\xe2\x80\x9d"),
               copy);
  return NULL;
}

static char *
config_string (git_config *config,
               const char *key)
{
  const char *value = NULL;

  if (config && git_config_get_string (&value, config, key) == 0 && value && *value)
    return g_strdup (value);
  return NULL;
}

/* "Name <e-mail>" of the user's git configuration, or NULL. */
char *
amend_git_config_author (void)
{
  g_autoptr(git_config) live = NULL;
  g_autoptr(git_config) config = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  ensure_libgit2 ();
  /* git_config_get_string reads a snapshot only. */
  if (git_config_open_default (&live) < 0 || git_config_snapshot (&config, live) < 0)
    return NULL;
  name = config_string (config, "user.name");
  email = config_string (config, "user.email");
  if (name == NULL || email == NULL)
    return NULL;
  return g_strdup_printf ("%s <%s>", name, email);
}

/* The name and the e-mail address git signs with for the project in
 * @repo_path (NULL: outside any project), each on its own: the project's
 * configuration first, then the user's and the system's, as git reads
 * them.  Either may be NULL where git has none; a name without an
 * address is still the user's name, to offer where one is asked. */
void
amend_git_config_identity (const char  *repo_path,
                           char       **name,
                           char       **email)
{
  git_repository *git = NULL;
  g_autoptr(git_config) live = NULL;
  g_autoptr(git_config) config = NULL;

  *name = NULL;
  *email = NULL;
  ensure_libgit2 ();
  if (repo_path && git_repository_open_ext (&git, repo_path, 0, NULL) == 0)
    {
      if (git_repository_config_snapshot (&config, git) < 0)
        config = NULL;
      git_repository_free (git);
    }
  if (config == NULL && (git_config_open_default (&live) < 0 || git_config_snapshot (&config, live) < 0))
    return;
  *name = config_string (config, "user.name");
  *email = config_string (config, "user.email");
}

G_LOCK_DEFINE_STATIC (user_identity);
static char *user_identity;

/**
 * amend_set_user_identity:
 * @author: (nullable): "Name <mail>"
 *
 * Who the user is, for an application that asks it itself (the window
 * keeps it in its preferences): every commit made without an author of
 * its own is signed with it, before the git configuration is asked, so
 * that an adoption, an update or a vote signs as a save does.  NULL (as
 * the commands leave it): the git configuration only.
 */
void
amend_set_user_identity (const char *author)
{
  G_LOCK (user_identity);
  g_free (user_identity);
  user_identity = author && amend_parse_author (author, NULL, NULL, NULL) ? g_strdup (author) : NULL;
  G_UNLOCK (user_identity);
}

static char *
dup_user_identity (void)
{
  char *copy;

  G_LOCK (user_identity);
  copy = g_strdup (user_identity);
  G_UNLOCK (user_identity);
  return copy;
}

/* The author: @author ("Name <mail>"), else the identity the application
 * set, else user.name and user.email of the git configuration (the
 * repository's, the user's, the system's), else @fallback ("Name <mail>",
 * e.g. the first submitter of an amendment). */
git_signature *
amend_repository_make_signature (AmendRepository *self,
                                 const char      *author,
                                 const char      *fallback,
                                 GDateTime       *date,
                                 GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *identity = author ? NULL : dup_user_identity ();
  git_signature *sig = NULL;
  int rc;

  ensure_libgit2 ();
  if (author == NULL)
    author = identity;
  if (author != NULL)
    {
      if (!amend_parse_author (author, &name, &email, error))
        return NULL;
    }
  else
    {
      g_autoptr(git_config) config = NULL;
      g_autoptr(git_config) snapshot = NULL;

      if (self && self->repo)
        rc = git_repository_config (&config, self->repo);
      else
        rc = git_config_open_default (&config);
      if (rc == 0)
        git_config_snapshot (&snapshot, config);
      name = config_string (snapshot, "user.name");
      email = config_string (snapshot, "user.email");
      if ((name == NULL || email == NULL) && fallback != NULL)
        {
          g_clear_pointer (&name, g_free);
          g_clear_pointer (&email, g_free);
          /* Only a stand-in: one that is no "Name <mail>" (a group
           * without an address, a record edited by hand) is as none. */
          if (!amend_parse_author (fallback, &name, &email, NULL))
            {
              g_clear_pointer (&name, g_free);
              g_clear_pointer (&email, g_free);
            }
        }
      if (name == NULL || email == NULL)
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NO_AUTHOR,
                       _("Amend does not know your name and e-mail address, which every saved version carries; "
                         "set them once with git config --global user.name \"Your Name\" and "
                         "git config --global user.email you@example.nl"));
          return NULL;
        }
      if (!valid_identity_part (name) || !valid_identity_part (email))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                       _("the name or e-mail address in the git configuration contains < or >; "
                         "correct it with git config --global user.name and user.email"));
          return NULL;
        }
    }

  if (date != NULL)
    rc = git_signature_new (&sig, name, email, g_date_time_to_unix (date),
                            (int) (g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE));
  else
    rc = git_signature_now (&sig, name, email);
  if (rc < 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("%s <%s> cannot be used as an author: %s"), name, email, git_message ());
      return NULL;
    }
  return sig;
}

GDateTime *
amend_repository_time_to_date (git_time_t time,
                               int        offset_minutes)
{
  /* A history has one or two offsets; making the zone for every commit
   * took a tenth of amend log. */
  static GTimeZone *last_tz;
  static int last_offset;
  G_LOCK_DEFINE_STATIC (last_tz);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);

  G_LOCK (last_tz);
  if (last_tz == NULL || last_offset != offset_minutes)
    {
      g_clear_pointer (&last_tz, g_time_zone_unref);
      last_tz = g_time_zone_new_offset (offset_minutes * 60);
      last_offset = offset_minutes;
    }
  tz = g_time_zone_ref (last_tz);
  G_UNLOCK (last_tz);
  if (utc == NULL)
    return g_date_time_new_from_unix_utc (0);
  return g_date_time_to_timezone (utc, tz);
}

/* ----------------------------------------------------------------------- */
/* Opening and creating                                                     */
/* ----------------------------------------------------------------------- */

static AmendRepository *
wrap (git_repository *repo)
{
  AmendRepository *self = g_object_new (AMEND_TYPE_REPOSITORY, NULL);
  const char *workdir = git_repository_workdir (repo);

  self->repo = repo;
  self->path = g_strdup (workdir ? workdir : git_repository_path (repo));
  /* libgit2 ends folder paths with a slash; messages read better without. */
  if (strlen (self->path) > 1 && g_str_has_suffix (self->path, "/"))
    self->path[strlen (self->path) - 1] = '\0';
  return self;
}

/* Finds the repository that holds @path (the current folder when NULL),
 * looking upward as git does. */
AmendRepository *
amend_repository_open (const char *path,
                       GError    **error)
{
  git_repository *repo = NULL;
  AmendRepository *self;
  g_autofree char *cwd = NULL;
  int rc;

  ensure_libgit2 ();
  if (path == NULL)
    path = cwd = g_get_current_dir ();
  rc = git_repository_open_ext (&repo, path, 0, NULL);
  if (rc == GIT_ENOTFOUND)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("%s is not in a regulation project (no git repository was found there or above it); "
                     "create one with " "\xe2\x80\x9c" "amend init" "\xe2\x80\x9d" " or go to the folder of a project"), path);
      return NULL;
    }
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot open the repository in %s"), path);
      return NULL;
    }
  self = wrap (repo);
  /* What a killed Amend left is finished (or cleaned up) by the next one
   * to open the project, whatever it does; what cannot be finished is
   * explained by every command that writes (check_can_write). */
  amend_journal_recover (self, &self->recovery_note, NULL);
  return self;
}

/* What opening the project finished of an interrupted operation, a
 * phrase to show the user once, or NULL. */
char *
amend_repository_take_recovery_note (AmendRepository *self)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);
  return g_steal_pointer (&self->recovery_note);
}

static gboolean
folder_has_markdown (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (amend_is_regulation_path (name))
      return TRUE;
  return FALSE;
}

const char *
amend_repository_get_template (void)
{
  return template_regulation;
}

/* A new project in @path: a repository with the branch main and a first
 * commit of the regulations already there, or of the template. */
AmendRepository *
amend_repository_create (const char *path,
                         const char *author,
                         GError    **error)
{
  git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(AmendRepository) self = NULL;
  g_autofree char *commit = NULL;
  git_repository *repo = NULL;
  int rc;

  ensure_libgit2 ();
  if (git_repository_open_ext (NULL, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_EXISTS,
                   _("%s is already a git repository; Amend works in it as it is, "
                     "so save its regulations instead of creating it again"), path);
      return NULL;
    }
  /* Who signs the first commit is known before anything is created, so a
   * missing name leaves no half-made project behind. */
  sig = amend_repository_make_signature (NULL, author, NULL, NULL, error);
  if (sig == NULL)
    return NULL;

  opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  opts.initial_head = "main";
  rc = git_repository_init_ext (&repo, path, &opts);
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot create a repository in %s"), path);
      return NULL;
    }
  self = wrap (repo);

  if (!folder_has_markdown (self->path))
    {
      g_autofree char *file = g_build_filename (self->path, "regeling.md", NULL);

      if (!g_file_set_contents (file, template_regulation, -1, error))
        return NULL;
    }
  commit = amend_repository_save (self, NULL, author, NULL, _("Start the regulation"), error);
  if (commit == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

git_repository *
amend_repository_get_git (AmendRepository *self)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);
  return self->repo;
}

const char *
amend_repository_get_path (AmendRepository *self)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);
  return self->path;
}

gboolean
amend_repository_is_bare (AmendRepository *self)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), FALSE);
  return git_repository_is_bare (self->repo);
}

/* ----------------------------------------------------------------------- */
/* State                                                                    */
/* ----------------------------------------------------------------------- */

/* What HEAD is; @branch gets the branch name (also of an unborn branch)
 * or, when detached, the short commit id. */
AmendHeadKind
amend_repository_get_head (AmendRepository *self,
                           char           **branch)
{
  g_autoptr(git_reference) head = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), AMEND_HEAD_DETACHED);

  if (git_repository_head_unborn (self->repo) == 1)
    {
      if (branch)
        {
          const char *target = NULL;

          if (git_reference_lookup (&head, self->repo, "HEAD") == 0)
            target = git_reference_symbolic_target (head);
          *branch = g_strdup (target && g_str_has_prefix (target, "refs/heads/") ? target + 11 : "main");
        }
      return AMEND_HEAD_UNBORN;
    }
  if (git_repository_head (&head, self->repo) < 0 || git_repository_head_detached (self->repo) == 1)
    {
      if (branch)
        {
          char id[8] = { 0 };

          if (head)
            git_oid_tostr (id, sizeof id, git_reference_target (head));
          *branch = g_strdup (id);
        }
      return AMEND_HEAD_DETACHED;
    }
  if (branch)
    *branch = g_strdup (git_reference_shorthand (head));
  return AMEND_HEAD_BRANCH;
}

/* The branch of the working copy, or an error when there is none to work on. */
char *
amend_repository_dup_branch (AmendRepository *self,
                             GError         **error)
{
  g_autofree char *branch = NULL;

  switch (amend_repository_get_head (self, &branch))
    {
    case AMEND_HEAD_BRANCH:
      return g_steal_pointer (&branch);
    case AMEND_HEAD_UNBORN:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_UNBORN,
                   _("the branch " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " has no saved version yet; save a first version of the regulation first"),
                   branch);
      return NULL;
    case AMEND_HEAD_DETACHED:
    default:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DETACHED,
                   _("the working copy is not on a branch (git calls this a detached HEAD, at %s); "
                     "switch to a branch first, for example to " "\xe2\x80\x9c" "main" "\xe2\x80\x9d"), branch);
      return NULL;
    }
}

static gboolean
branch_exists (AmendRepository *self,
               const char      *refname)
{
  g_autoptr(git_reference) ref = NULL;

  return git_reference_lookup (&ref, self->repo, refname) == 0;
}

/* The branch that holds the draft: main, or master in repositories made
 * by a git that still calls it that. */
char *
amend_repository_dup_main_branch (AmendRepository *self,
                                  GError         **error)
{
  g_autofree char *head = NULL;

  if (branch_exists (self, "refs/heads/main"))
    return g_strdup ("main");
  if (branch_exists (self, "refs/heads/master"))
    return g_strdup ("master");
  if (amend_repository_get_head (self, &head) == AMEND_HEAD_UNBORN)
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_UNBORN,
                 _("the branch " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " has no saved version yet; save a first version of the regulation first"),
                 head);
  else
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                 _("the repository has no branch " "\xe2\x80\x9c" "main" "\xe2\x80\x9d" ", which holds the draft; "
                   "create it from the draft with git branch main"));
  return NULL;
}

/* @revision ("main", "main~2", "main:apv.md", "main@{1}") with "main"
 * read as the branch that holds the draft, where that is master; NULL
 * when it is to be read as it is.  Amend's messages and its users call
 * the draft main whatever git named it. */
static char *
main_as_draft (AmendRepository *self,
               const char      *revision)
{
  if (!g_str_has_prefix (revision, "main") || strchr ("~^:@", revision[4]) == NULL)
    return NULL;
  if (branch_exists (self, "refs/heads/main") || !branch_exists (self, "refs/heads/master"))
    return NULL;
  return g_strconcat ("master", revision + 4, NULL);
}

/* A sentence about a merge, rebase... that the git program left
 * unfinished, or NULL when there is none. */
const char *
amend_repository_describe_state (AmendRepository *self)
{
  switch (git_repository_state (self->repo))
    {
    case GIT_REPOSITORY_STATE_NONE:
      return NULL;
    case GIT_REPOSITORY_STATE_MERGE:
      return _("a merge started with git is not finished; finish it with git commit or "
               "undo it with git merge --abort, then try again");
    case GIT_REPOSITORY_STATE_REVERT:
    case GIT_REPOSITORY_STATE_REVERT_SEQUENCE:
      return _("a revert started with git is not finished; finish it with git revert --continue or "
               "undo it with git revert --abort, then try again");
    case GIT_REPOSITORY_STATE_CHERRYPICK:
    case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE:
      return _("a cherry-pick started with git is not finished; finish it with git cherry-pick --continue or "
               "undo it with git cherry-pick --abort, then try again");
    case GIT_REPOSITORY_STATE_BISECT:
      return _("a bisect started with git is not finished; end it with git bisect reset, then try again");
    case GIT_REPOSITORY_STATE_REBASE:
    case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
    case GIT_REPOSITORY_STATE_REBASE_MERGE:
      return _("a rebase started with git is not finished; finish it with git rebase --continue or "
               "undo it with git rebase --abort, then try again");
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
    default:
      return _("an operation started with git (git am or git rebase) is not finished; finish or abort it "
               "with git, then try again");
    }
}

static gboolean
check_not_locked (AmendRepository *self,
                  GError         **error)
{
  g_autofree char *lock = g_build_filename (git_repository_path (self->repo), "index.lock", NULL);

  if (g_file_test (lock, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED,
                   _("another program is changing the repository: %s exists; wait until that program is done, "
                     "or remove the file if no git program is running"), lock);
      return FALSE;
    }
  return TRUE;
}

/* The folder of a merge Amend has begun and not finished (an adoption
 * with conflicts, or one a kill interrupted): app/core/merge/. */
char *
amend_repository_pending_merge_dir (AmendRepository *self)
{
  return g_build_filename (git_repository_path (self->repo), "amend", "merge", NULL);
}

/* While such a merge is unfinished nothing else may write: the merge
 * would be finished on top of something it did not see. */
static gboolean
check_no_pending_merge (AmendRepository *self,
                        GError         **error)
{
  g_autofree char *dir = amend_repository_pending_merge_dir (self);
  g_autofree char *path = g_build_filename (dir, "state.ini", NULL);
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autofree char *command = NULL;
  g_autofree char *slug = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, &local))
    {
      /* --continue and --abort cannot read it either: the same way out. */
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY,
                   _("the unfinished merge in %s cannot be read (%s); remove that folder to forget it"),
                   dir, local->message);
      return FALSE;
    }
  command = g_key_file_get_string (state, "merge", "command", NULL);
  slug = g_key_file_get_string (state, "merge", "amendment", NULL);
  if (g_strcmp0 (command, "update") == 0)
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY,
                 _("bringing the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " up to date is not finished; finish it "
                   "with amend update --continue or undo it with amend update --abort"), slug ? slug : "?");
  else if (command == NULL || g_strcmp0 (command, "adopt") == 0)
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY,
                 _("the adoption of the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is not finished; finish it "
                   "with amend adopt --continue or undo it with amend adopt --abort"), slug ? slug : "?");
  else
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY,
                 _("a merge started with amend %s is not finished; finish it with amend %s --continue or "
                   "undo it with amend %s --abort"), command, command, command);
  return FALSE;
}

/* Everything that stops Amend from writing, checked before anything is
 * written, so that a refusal leaves the repository as it was. */
gboolean
amend_repository_check_can_write (AmendRepository *self,
                                  gboolean         allow_detached,
                                  GError         **error)
{
  return amend_repository_check_can_write_full (self, allow_detached, FALSE, error);
}

/* The same; with @allow_pending_merge for the commands that go on with or
 * undo an unfinished merge of Amend's own. */
gboolean
amend_repository_check_can_write_full (AmendRepository *self,
                                       gboolean         allow_detached,
                                       gboolean         allow_pending_merge,
                                       GError         **error)
{
  const char *state;

  if (git_repository_is_bare (self->repo))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BARE,
                   _("%s is a bare repository, without a working copy to save from; "
                     "clone it with git clone and work in the clone"), self->path);
      return FALSE;
    }
  if (amend_journal_is_pending (self) && !amend_journal_recover (self, NULL, error))
    return FALSE;
  /* Another Amend in the middle of writing (its index.lock, its merge)
   * is waited for, once; anything else is refused below. */
  state = amend_repository_describe_state (self);
  if ((state != NULL || !check_not_locked (self, NULL) ||
       (!allow_pending_merge && !check_no_pending_merge (self, NULL))) &&
      amend_journal_wait_for_writer (self))
    state = amend_repository_describe_state (self);
  if (!check_not_locked (self, error))
    return FALSE;
  if (state != NULL)
    {
      g_set_error_literal (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY, state);
      return FALSE;
    }
  if (!allow_pending_merge && !check_no_pending_merge (self, error))
    return FALSE;
  if (!allow_detached && amend_repository_get_head (self, NULL) == AMEND_HEAD_DETACHED)
    {
      /* Asking for the branch sets the error that explains the detached HEAD. */
      g_free (amend_repository_dup_branch (self, error));
      return FALSE;
    }
  return TRUE;
}

gboolean
amend_repository_check_writable (AmendRepository *self,
                                 GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), FALSE);
  return amend_repository_check_can_write (self, FALSE, error);
}

/* ----------------------------------------------------------------------- */
/* Paths and changes                                                        */
/* ----------------------------------------------------------------------- */

/* The files Amend saves: the regulations (*.md) and its records (.amend/). */
gboolean
amend_is_regulation_path (const char *path)
{
  gsize len = strlen (path);

  if (g_str_has_prefix (path, ".amend/"))
    return TRUE;
  return len > 3 && g_ascii_strcasecmp (path + len - 3, ".md") == 0;
}

/* A regulation at the top of the project, where the commands and the
 * window look for one: a .md file that is not hidden, and no README,
 * changelog or contributing guide beside the regulation. */
gboolean
amend_is_top_regulation_path (const char *path)
{
  return strchr (path, '/') == NULL && path[0] != '.' && amend_is_regulation_path (path) &&
         g_ascii_strncasecmp (path, "readme", 6) != 0 && g_ascii_strncasecmp (path, "changelog", 9) != 0 &&
         g_ascii_strncasecmp (path, "contributing", 12) != 0;
}

static char *
real_dir_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *result = g_strdup (real ? real : path);

  free (real);
  return result;
}

/* @path as given on a command line (relative to the current folder) ->
 * relative to the top of the working copy, as git stores it. */
char *
amend_repository_relative_path (AmendRepository *self,
                                const char      *path,
                                GError         **error)
{
  g_autofree char *abs = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *top = NULL;
  g_autofree char *full = NULL;
  gsize top_len;

  if (git_repository_is_bare (self->repo))
    return g_strdup (path);

  /* Symbolic links (/tmp on some systems) must not make a path inside
   * the project look outside it: both sides are resolved. */
  abs = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (abs);
  base = g_path_get_basename (abs);
  real_dir = real_dir_path (dir);
  top = real_dir_path (self->path);
  full = g_strcmp0 (base, "/") == 0 ? g_strdup (real_dir) : g_build_filename (real_dir, base, NULL);
  top_len = strlen (top);

  if (g_str_has_prefix (full, top) && full[top_len] == '/' && full[top_len + 1] != '\0')
    return g_strdup (full + top_len + 1);
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
               _("%s is not a file of the project in %s; give a file inside the project"), path, self->path);
  return NULL;
}

static AmendFileChangeKind
change_kind (unsigned int status)
{
  if (status & (GIT_STATUS_WT_DELETED))
    return AMEND_FILE_DELETED;
  if ((status & GIT_STATUS_INDEX_DELETED) && !(status & GIT_STATUS_WT_NEW))
    return AMEND_FILE_DELETED;
  if ((status & GIT_STATUS_INDEX_NEW) || ((status & GIT_STATUS_WT_NEW) && !(status & GIT_STATUS_INDEX_DELETED)))
    return AMEND_FILE_NEW;
  return AMEND_FILE_MODIFIED;
}

/* The files whose working copy differs from the last commit: tracked
 * files with any change, and new regulation files.  Other new files
 * (build output, notes) are no unsaved work of the regulation. */
static GPtrArray *
list_changes (AmendRepository    *self,
              const char * const *paths,
              GError            **error)
{
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  g_autoptr(git_status_list) list = NULL;
  GPtrArray *changes;
  int rc;

  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
               GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  if (paths != NULL)
    {
      opts.pathspec.strings = (char **) paths;
      opts.pathspec.count = g_strv_length ((char **) paths);
    }
  rc = git_status_list_new (&list, self->repo, &opts);
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot compare the working copy with the last saved version"));
      return NULL;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_file_change_free);
  for (gsize i = 0; i < git_status_list_entrycount (list); i++)
    {
      const git_status_entry *e = git_status_byindex (list, i);
      const git_diff_delta *d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
      AmendFileChange *change;
      const char *path;
      gboolean untracked = (e->status & GIT_STATUS_WT_NEW) && !(e->status & GIT_STATUS_INDEX_DELETED);

      if (e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED) || d == NULL)
        continue;
      path = d->new_file.path ? d->new_file.path : d->old_file.path;
      if (untracked && !amend_is_regulation_path (path) && paths == NULL)
        continue;
      change = g_new0 (AmendFileChange, 1);
      change->path = g_strdup (path);
      change->kind = change_kind (e->status);
      change->regulation = amend_is_regulation_path (path);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

GPtrArray *
amend_repository_list_changes (AmendRepository *self,
                               GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);

  if (git_repository_is_bare (self->repo))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) amend_file_change_free);
  return list_changes (self, NULL, error);
}

/* "a.md", "a.md and b.md", "a.md, b.md and 3 other files" */
static char *
join_paths (GPtrArray *paths)
{
  GString *s = g_string_new (NULL);
  guint shown = MIN (paths->len, 3);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == paths->len ? _(" and ") : ", ");
      g_string_append (s, g_ptr_array_index (paths, i));
    }
  if (paths->len > shown)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " and %u other file", " and %u other files",
                                            paths->len - shown),
                            paths->len - shown);
  return g_string_free (s, FALSE);
}

/* ----------------------------------------------------------------------- */
/* Saving                                                                   */
/* ----------------------------------------------------------------------- */

static gboolean
head_commit (AmendRepository *self,
             git_commit     **out,
             GError         **error)
{
  g_autoptr(git_reference) head = NULL;
  int rc;

  *out = NULL;
  rc = git_repository_head (&head, self->repo);
  if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND)
    return TRUE;
  if (rc == 0)
    rc = git_commit_lookup (out, self->repo, git_reference_target (head));
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read the last saved version"));
  return TRUE;
}

/* A tidy message as git writes it (no trailing blanks, one final newline);
 * lines starting with # are kept, they may be part of the text. */
static char *
prettify_message (const char *message)
{
  git_buf buf = GIT_BUF_INIT;
  char *result;

  if (git_message_prettify (&buf, message, 0, '#') < 0 || buf.size == 0)
    {
      git_buf_dispose (&buf);
      return NULL;
    }
  result = g_strndup (buf.ptr, buf.size);
  git_buf_dispose (&buf);
  return result;
}

/* Commits a tree made from @parent's (or an empty one) with @updates to
 * @refname (which must still point at @parent: a concurrent change fails
 * rather than being overwritten). */
gboolean
amend_repository_commit_update (AmendRepository       *self,
                                const char            *refname,
                                git_commit            *parent,
                                const git_tree_update *updates,
                                gsize                  n_updates,
                                const git_signature   *signature,
                                const char            *message,
                                git_oid               *out,
                                GError               **error)
{
  g_autoptr(git_tree) base = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autofree char *pretty = prettify_message (message);
  const git_commit *parents[1] = { parent };
  git_oid tree_id;
  int rc;

  if (pretty == NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                   _("the message is empty; say in a few words what changed"));
      return FALSE;
    }
  /* Without a parent (the first version) libgit2 starts from no tree. */
  if (parent != NULL && (rc = git_commit_tree (&base, parent)) < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read the last saved version"));

  rc = git_tree_create_updated (&tree_id, self->repo, base, n_updates, updates);
  if (rc == 0)
    rc = git_tree_lookup (&tree, self->repo, &tree_id);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot write the new version"));
  if (parent != NULL && git_oid_equal (&tree_id, git_commit_tree_id (parent)))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOTHING_TO_SAVE,
                   _("there is nothing to save: no regulation changed since the last saved version"));
      return FALSE;
    }

  rc = git_commit_create (out, self->repo, refname, signature, signature, NULL, pretty, tree,
                          parent ? 1 : 0, parents);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot save the new version"));
  return amend_repository_check_written (self->repo, out, _("cannot save the new version"), error);
}

static git_filemode_t
workdir_mode (const struct stat *st)
{
  if (S_ISLNK (st->st_mode))
    return GIT_FILEMODE_LINK;
  return (st->st_mode & S_IXUSR) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
}

typedef struct {
  GArray    *updates;  /* of git_tree_update; paths owned by @paths */
  GPtrArray *paths;
} Updates;

static void
updates_clear (Updates *u)
{
  g_clear_pointer (&u->updates, g_array_unref);
  g_clear_pointer (&u->paths, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Updates, updates_clear)

/* What the reader would refuse to read is not saved as a regulation:
 * a file over 64 MB, or one that is not UTF-8 text (a binary).  Read with
 * the same bound, so that /dev/zero or a FIFO named *.md stops too. */
static gboolean
check_readable (AmendRepository *self,
                const char      *path,
                GError         **error)
{
  g_autofree char *full = g_build_filename (self->path, path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_str_has_suffix (path, ".md") && !g_str_has_suffix (path, ".MD"))
    return TRUE;
  data = amend_read_file (file, AMEND_MAX_DOCUMENT_SIZE, &len, NULL, &local);
  if (data == NULL && g_error_matches (local, AMEND_ERROR, AMEND_ERROR_TOO_LARGE))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("%s is larger than %u MB, too large for a regulation, so it was not saved"), path,
                   (guint) (AMEND_MAX_DOCUMENT_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (data == NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED, _("cannot read %s: %s"), path,
                   local->message);
      return FALSE;
    }
  if (!amend_utf8_validate (data, len, NULL))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("%s is not text (it holds NUL bytes or bytes that are not UTF-8), so Amend cannot read it as "
                     "a regulation and did not save it; save it as UTF-8 text, or rename it so that it does not "
                     "end in .md"), path);
      return FALSE;
    }
  return TRUE;
}

/* The tree updates that bring @base to the working copy for @changes. */
static gboolean
collect_updates (AmendRepository *self,
                 git_tree        *base,
                 GPtrArray       *changes,
                 gboolean         all_files,
                 Updates         *u,
                 GError         **error)
{
  u->updates = g_array_new (FALSE, TRUE, sizeof (git_tree_update));
  u->paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < changes->len; i++)
    {
      AmendFileChange *change = g_ptr_array_index (changes, i);
      g_autofree char *file = g_build_filename (self->path, change->path, NULL);
      g_autoptr(git_tree_entry) old = NULL;
      git_tree_update update = { 0 };
      struct stat st;
      int rc;

      if (!all_files && !change->regulation)
        continue;
      if (base)
        git_tree_entry_bypath (&old, base, change->path);

      if (g_lstat (file, &st) == 0 && !S_ISDIR (st.st_mode))
        {
          if (S_ISREG (st.st_mode) && !check_readable (self, change->path, error))
            return FALSE;
          rc = git_blob_create_from_workdir (&update.id, self->repo, change->path);
          /* Read from the working copy and written into .git/objects:
           * a full disk or a read-only .git is no file that cannot be
           * read. */
          if (rc < 0)
            return amend_repository_set_git_error (error, rc, _("cannot save %s into the project"), change->path);
          update.action = GIT_TREE_UPDATE_UPSERT;
          update.filemode = workdir_mode (&st);
          if (old && git_oid_equal (&update.id, git_tree_entry_id (old)) &&
              git_tree_entry_filemode (old) == update.filemode)
            continue;
        }
      else if (old != NULL)
        update.action = GIT_TREE_UPDATE_REMOVE;
      else
        continue;

      update.path = g_strdup (change->path);
      g_ptr_array_add (u->paths, (char *) update.path);
      g_array_append_val (u->updates, update);
    }
  return TRUE;
}

static char *
default_message (Updates *u)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < u->paths->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (u->paths, i), ".amend/"))
      g_ptr_array_add (names, g_ptr_array_index (u->paths, i));
  if (names->len == 0)
    return g_strdup (_("Update the records of the amendments"));
  joined = join_paths (names);
  return g_strdup_printf (_("Update %s"), joined);
}

static gboolean
is_record_path (const char *path)
{
  return g_str_has_prefix (path, AMEND_AMENDMENT_RECORD_DIR "/") &&
         g_str_has_suffix (path, "/" AMEND_AMENDMENT_RECORD_FILE);
}

/* The status a record blob states; FALSE when it states none Amend knows. */
static gboolean
record_status (AmendRepository *self,
               const git_oid   *blob_id,
               AmendStatus     *status)
{
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autofree char *word = NULL;

  return git_blob_lookup (&blob, self->repo, blob_id) == 0 &&
         g_key_file_load_from_data (record, git_blob_rawcontent (blob), git_blob_rawsize (blob),
                                    G_KEY_FILE_NONE, NULL) &&
         (word = g_key_file_get_string (record, "amendement", "status", NULL)) != NULL &&
         amend_status_from_string (word, status);
}

/* A status only goes forward, through submit, withdraw and the vote: a
 * record that says an earlier status than the saved one, or a record that
 * is gone, is not saved.  (A kill used to leave such a record behind.) */
static gboolean
check_records (AmendRepository *self,
               git_tree        *base,
               Updates         *u,
               GError         **error)
{
  for (guint i = 0; base && i < u->updates->len; i++)
    {
      const git_tree_update *update = &g_array_index (u->updates, git_tree_update, i);
      g_autoptr(git_tree_entry) old = NULL;
      AmendStatus was, is;

      if (!is_record_path (update->path) || git_tree_entry_bypath (&old, base, update->path) != 0 ||
          !record_status (self, git_tree_entry_id (old), &was))
        continue;
      if (update->action == GIT_TREE_UPDATE_REMOVE)
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                       _("%s is the record of an amendment that is %s, and saving its removal would take that "
                         "status away; restore it with \xe2\x80\x9cgit checkout -- %s\xe2\x80\x9d"),
                       update->path, amend_status_to_string (was), update->path);
          return FALSE;
        }
      if (record_status (self, &update->id, &is) && is != was && !amend_status_can_become (was, is))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                       _("%s says the amendment is %s, but it is %s, and a status does not go back; restore the "
                         "record with \xe2\x80\x9cgit checkout -- %s\xe2\x80\x9d"),
                       update->path, amend_status_to_string (is), amend_status_to_string (was), update->path);
          return FALSE;
        }
    }
  return TRUE;
}

/* Nothing is saved on the branch of an amendment that was decided or
 * withdrawn: the change would reach neither the council nor the draft
 * (the window keeps its user off such a branch; git can put anyone on
 * it). */
static gboolean
check_branch_open (AmendRepository *self,
                   git_tree        *base,
                   const char      *refname,
                   GError         **error)
{
  const char *prefix = "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX;
  g_autofree char *record = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  AmendStatus status;

  if (base == NULL || !g_str_has_prefix (refname, prefix))
    return TRUE;
  record = g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", refname + strlen (prefix), "/" AMEND_AMENDMENT_RECORD_FILE, NULL);
  if (git_tree_entry_bypath (&entry, base, record) != 0 || !record_status (self, git_tree_entry_id (entry), &status) ||
      status == AMEND_STATUS_CONCEPT || status == AMEND_STATUS_SUBMITTED)
    return TRUE;
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
               _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d is %s, so a change saved on its branch would reach "
                 "neither the council nor the draft; propose a new amendment from main (amend propose) and make the "
                 "change there, or undo it here with git checkout -- FILE"),
               refname + strlen (prefix), amend_status_to_string (status));
  return FALSE;
}

/* A regulation file that is gone from the working copy (deleted by
 * accident, or by another program) is not saved as a deletion when it
 * would leave the project without a regulation: every command would then
 * refuse, and the text would only be found again in git's history.  A
 * regulation saved under another name in the same version is a rename. */
static gboolean
check_regulations (git_tree  *base,
                   Updates   *u,
                   GError   **error)
{
  guint before = 0, removed = 0;
  const char *gone = NULL;

  for (gsize i = 0; base && i < git_tree_entrycount (base); i++)
    before += amend_is_top_regulation_path (git_tree_entry_name (git_tree_entry_byindex (base, i)));
  for (guint i = 0; i < u->updates->len; i++)
    {
      const git_tree_update *update = &g_array_index (u->updates, git_tree_update, i);
      g_autoptr(git_tree_entry) old = NULL;
      gboolean existed = base && git_tree_entry_bypath (&old, base, update->path) == 0;

      if (!amend_is_top_regulation_path (update->path))
        continue;
      if (update->action == GIT_TREE_UPDATE_REMOVE && existed)
        removed++, gone = update->path;
      else if (update->action != GIT_TREE_UPDATE_REMOVE && !existed)
        before++;
    }
  if (before == 0 || removed < before)
    return TRUE;
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NO_REGULATION,
               _("%s is gone from the working copy, and saving that would leave the project without a "
                 "regulation; restore it with \xe2\x80\x9cgit checkout -- %s\xe2\x80\x9d (a renamed "
                 "regulation is saved together with its new name)"),
               gone, gone);
  return FALSE;
}

/* The full name of the branch HEAD is on, also when it has no commit. */
static char *
head_refname (AmendRepository *self,
              GError         **error)
{
  g_autoptr(git_reference) head = NULL;
  int rc = git_reference_lookup (&head, self->repo, "HEAD");

  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot read HEAD"));
      return NULL;
    }
  if (git_reference_type (head) != GIT_REFERENCE_SYMBOLIC)
    {
      g_free (amend_repository_dup_branch (self, error));
      return NULL;
    }
  return g_strdup (git_reference_symbolic_target (head));
}

/* On an amendment's branch, the save also writes its artikelen file
 * (amend_amendment_write_touched), so that `amend list` in a fresh clone
 * need not read the regulation.  Returns the file's path when @u got it. */
static char *
add_touched (AmendRepository *self,
             const char      *refname,
             git_commit      *parent,
             git_tree        *base,
             Updates         *u)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) old = NULL;
  g_autofree char *path = NULL;
  git_tree_update update = { 0 };
  git_oid tree_id;

  if (!g_str_has_prefix (refname, "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX) ||
      git_tree_create_updated (&tree_id, self->repo, base, u->updates->len,
                               (git_tree_update *) u->updates->data) < 0 ||
      git_tree_lookup (&tree, self->repo, &tree_id) < 0)
    return NULL;
  path = amend_amendment_write_touched (self, refname, parent ? git_commit_id (parent) : NULL, parent ? 1 : 0, tree,
                                        &update.id);
  if (path == NULL || (base && git_tree_entry_bypath (&old, base, path) == 0 &&
                       git_oid_equal (git_tree_entry_id (old), &update.id)))
    return NULL;
  /* The file changed by hand (or removed) is left as it is, in the
   * commit and in the working copy: the list checks its blob ids anyway. */
  {
    g_autofree char *file = g_build_filename (self->path, path, NULL);
    gboolean exists = g_file_test (file, G_FILE_TEST_EXISTS);
    git_oid on_disk;

    if (old == NULL ? exists
                    : (!exists || git_odb_hashfile (&on_disk, file, GIT_OBJECT_BLOB) < 0 ||
                       !git_oid_equal (&on_disk, git_tree_entry_id (old))))
      return NULL;
  }
  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = GIT_FILEMODE_BLOB;
  update.path = path;
  g_array_append_val (u->updates, update);
  return g_steal_pointer (&path);
}

/* Commits the new, changed and deleted regulation files (or @paths, relative
 * to the top of the working copy) on the current branch.  Only these files
 * go into the commit, even when other files were staged with git add:
 * what Amend saves is the regulation.  Returns the new commit id.
 *
 * The commit is written first, then the branch moves, then the index
 * follows, in one journal (amend-journal.h): a kill leaves the old
 * version or the new one. */
char *
amend_repository_save (AmendRepository    *self,
                       const char * const *paths,
                       const char         *author,
                       GDateTime          *date,
                       const char         *message,
                       GError            **error)
{
  g_autoptr(AmendJournal) journal = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) base = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(Updates) u = { 0 };
  g_autofree char *default_msg = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *touched = NULL;
  char id[GIT_OID_HEXSZ + 1];
  git_oid oid;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);

  journal = amend_journal_begin (self, "save", _("saving"), error);
  if (journal == NULL || !amend_repository_check_can_write (self, FALSE, error))
    return NULL;
  sig = amend_repository_make_signature (self, author, NULL, date, error);
  if (sig == NULL)
    return NULL;
  if (!head_commit (self, &parent, error))
    return NULL;
  if (parent && git_commit_tree (&base, parent) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot read the last saved version"));
      return NULL;
    }

  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autofree char *file = g_build_filename (self->path, paths[i], NULL);
      g_autoptr(git_tree_entry) entry = NULL;

      if (!g_file_test (file, G_FILE_TEST_EXISTS) &&
          (base == NULL || git_tree_entry_bypath (&entry, base, paths[i]) < 0))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                       _("%s is not in the working copy and was never saved; check the name"), paths[i]);
          return NULL;
        }
    }

  changes = list_changes (self, paths, error);
  if (changes == NULL || !collect_updates (self, base, changes, paths != NULL, &u, error))
    return NULL;
  if (u.updates->len == 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOTHING_TO_SAVE,
                   _("there is nothing to save: no regulation changed since the last saved version"));
      return NULL;
    }
  if (!check_records (self, base, &u, error) || !check_regulations (base, &u, error))
    return NULL;
  if (message == NULL || *message == '\0')
    message = default_msg = default_message (&u);

  refname = head_refname (self, error);
  if (refname == NULL || !check_branch_open (self, base, refname, error))
    return NULL;
  touched = add_touched (self, refname, parent, base, &u);
  if (!amend_repository_commit_update (self, NULL, parent, (git_tree_update *) u.updates->data, u.updates->len,
                                       sig, message, &oid, error))
    return NULL;
  if (git_commit_lookup (&commit, self->repo, &oid) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot save the new version"));
      return NULL;
    }
  g_ptr_array_add (u.paths, NULL);
  amend_journal_move_ref (journal, refname, parent ? git_commit_id (parent) : NULL, &oid);
  amend_journal_update_index (journal, git_commit_tree_id (commit), (const char * const *) u.paths->pdata);
  if (touched != NULL)
    {
      const char *touched_paths[] = { touched, NULL };

      amend_journal_update_working_copy (journal, base ? git_tree_id (base) : NULL, git_commit_tree_id (commit),
                                         touched_paths, _("cannot write the list of the amendment's articles"));
    }
  if (!amend_journal_commit (journal, error))
    return NULL;
  git_oid_tostr (id, sizeof id, &oid);
  return g_strdup (id);
}

/* ----------------------------------------------------------------------- */
/* History                                                                  */
/* ----------------------------------------------------------------------- */

/* @revision (anything git_revparse_single reads) -> its commit. */
gboolean
amend_repository_resolve_commit (AmendRepository *self,
                                 const char      *revision,
                                 git_commit     **out,
                                 GError         **error)
{
  g_autoptr(git_object) obj = NULL;
  g_autoptr(git_object) peeled = NULL;
  g_autofree char *draft = main_as_draft (self, revision);
  int rc;

  rc = git_revparse_single (&obj, self->repo, draft ? draft : revision);
  if (rc < 0 && g_strcmp0 (revision, "HEAD") == 0 && git_repository_head_unborn (self->repo) == 1)
    {
      g_autofree char *branch = NULL;

      amend_repository_get_head (self, &branch);
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_UNBORN,
                   _("the branch " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " has no saved version yet; save a first version of the regulation first"),
                   branch);
      return FALSE;
    }
  if (rc < 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("there is no version " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; give a commit id, a branch, or for example HEAD~1 "
                     "for the version before the last"), revision);
      return FALSE;
    }
  rc = git_object_peel (&peeled, obj, GIT_OBJECT_COMMIT);
  if (rc < 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is not a version of the project; give a commit id, a branch, or for example HEAD~1"),
                   revision);
      return FALSE;
    }
  *out = (git_commit *) g_steal_pointer (&peeled);
  return TRUE;
}

static AmendCommit *
commit_info (git_commit *commit)
{
  const git_signature *author = git_commit_author (commit);
  AmendCommit *info = g_new0 (AmendCommit, 1);
  char id[GIT_OID_HEXSZ + 1];
  const char *message = git_commit_message (commit);
  const char *encoding = git_commit_message_encoding (commit);

  git_oid_tostr (id, sizeof id, git_commit_id (commit));
  info->id = g_strdup (id);
  /* Commits made elsewhere may be in another encoding, or in none. */
  info->author = g_utf8_make_valid (author->name, -1);
  info->email = g_utf8_make_valid (author->email, -1);
  info->date = amend_repository_time_to_date (author->when.time, author->when.offset);
  if (encoding && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    info->message = g_convert_with_fallback (message, -1, "UTF-8", encoding, "?", NULL, NULL, NULL);
  if (info->message == NULL)
    info->message = g_utf8_make_valid (message ? message : "", -1);
  return info;
}

/* What @path is in @commit: its object id, or zeroes when absent.  Cached
 * per commit: each commit is also the parent of the next one looked at. */
static void
entry_at (GHashTable       *cache,
          const git_commit *commit,
          const char       *path,
          git_oid          *out)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  git_oid *cached = g_hash_table_lookup (cache, git_commit_id (commit));

  if (cached)
    {
      *out = *cached;
      return;
    }
  memset (out, 0, sizeof *out);
  if (git_commit_tree (&tree, commit) == 0 && git_tree_entry_bypath (&entry, tree, path) == 0)
    *out = *git_tree_entry_id (entry);
  g_hash_table_insert (cache, g_memdup2 (git_commit_id (commit), sizeof (git_oid)), g_memdup2 (out, sizeof *out));
}

/* Whether @commit changed @path, as git log -- PATH decides for the usual
 * cases: a commit that differs from its parent; a merge only when it
 * differs from every parent. */
static gboolean
commit_changes_path (GHashTable *cache,
                     git_commit *commit,
                     const char *path)
{
  guint n_parents = git_commit_parentcount (commit);
  git_oid mine;

  entry_at (cache, commit, path, &mine);
  if (n_parents == 0)
    return !git_oid_is_zero (&mine);
  for (guint i = 0; i < n_parents; i++)
    {
      g_autoptr(git_commit) parent = NULL;
      git_oid theirs;

      if (git_commit_parent (&parent, commit, i) < 0)
        return TRUE;
      entry_at (cache, parent, path, &theirs);
      if (git_oid_equal (&mine, &theirs))
        return FALSE;
    }
  return TRUE;
}

/* What @path is in @commit, without a cache. */
static void
entry_of (const git_commit *commit,
          const char       *path,
          git_oid          *out)
{
  g_autoptr(git_tree) tree = NULL;

  memset (out, 0, sizeof *out);
  if (git_commit_tree (&tree, commit) < 0)
    return;
  if (strchr (path, '/') == NULL)
    {
      const git_tree_entry *entry = git_tree_entry_byname (tree, path);

      if (entry)
        *out = *git_tree_entry_id (entry);
    }
  else
    {
      g_autoptr(git_tree_entry) entry = NULL;

      if (git_tree_entry_bypath (&entry, tree, path) == 0)
        *out = *git_tree_entry_id (entry);
    }
}

/* A history without merges, newest first, each commit read once: the
 * order a revision walk gives it, without the walk's own reading of every
 * commit before the first is given.  FALSE (with @chain emptied) at the
 * first merge, for the walk to do. */
static gboolean
first_parent_chain (git_commit *start,
                    GPtrArray  *chain)
{
  git_commit *c = NULL;

  if (git_commit_dup (&c, start) < 0)
    return FALSE;
  for (;;)
    {
      git_commit *parent = NULL;

      g_ptr_array_add (chain, c);
      if (git_commit_parentcount (c) == 0)
        return TRUE;
      if (git_commit_parentcount (c) > 1 || git_commit_parent (&parent, c, 0) < 0)
        {
          g_ptr_array_set_size (chain, 0);
          return FALSE;
        }
      c = parent;
    }
}

/* amend_repository_log() of a history without merges: a commit changed
 * @path when its entry differs from the next one's (its parent's). */
static GPtrArray *
log_of_chain (GPtrArray  *chain,
              const char *path)
{
  GPtrArray *commits = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_commit_free);
  git_oid mine, theirs;

  if (path && chain->len > 0)
    entry_of (g_ptr_array_index (chain, 0), path, &mine);
  for (guint i = 0; i < chain->len; i++)
    {
      git_commit *commit = g_ptr_array_index (chain, i);
      gboolean changed = TRUE;

      if (path && i + 1 < chain->len)
        {
          entry_of (g_ptr_array_index (chain, i + 1), path, &theirs);
          changed = !git_oid_equal (&mine, &theirs);
          mine = theirs;
        }
      else if (path)
        changed = !git_oid_is_zero (&mine);
      if (changed)
        g_ptr_array_add (commits, commit_info (commit));
    }
  return commits;
}

/* The commits reachable from @revision (HEAD when NULL), newest first;
 * with @path only those that changed it.  Returns AmendCommit. */
GPtrArray *
amend_repository_log (AmendRepository *self,
                      const char      *revision,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(git_commit) start = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(GPtrArray) commits = NULL;
  g_autoptr(GHashTable) cache = NULL;
  git_oid oid;
  int rc;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);

  if (!amend_repository_resolve_commit (self, revision ? revision : "HEAD", &start, error))
    return NULL;
  {
    g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func ((GDestroyNotify) git_commit_free);

    if (first_parent_chain (start, chain))
      return log_of_chain (chain, path);
  }
  rc = git_revwalk_new (&walk, self->repo);
  if (rc == 0)
    /* Children before parents even when commits share a second (a script
     * saving many versions): time alone would leave ties in any order. */
    rc = git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (rc == 0)
    rc = git_revwalk_push (walk, git_commit_id (start));
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot read the history"));
      return NULL;
    }

  commits = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_commit_free);
  cache = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free, g_free);
  while ((rc = git_revwalk_next (&oid, walk)) == 0)
    {
      g_autoptr(git_commit) commit = NULL;

      rc = git_commit_lookup (&commit, self->repo, &oid);
      if (rc < 0)
        break;
      if (path == NULL || commit_changes_path (cache, commit, path))
        g_ptr_array_add (commits, commit_info (commit));
    }
  if (rc != GIT_ITEROVER)
    {
      amend_repository_set_git_error (error, rc, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&commits);
}

/* The blob @id if it is one of the last read; it becomes the first. */
static GBytes *
remembered_blob (AmendRepository *self,
                 const git_oid   *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->blobs); i++)
    if (self->blobs[i].bytes && git_oid_equal (&self->blobs[i].id, id))
      {
        GBytes *bytes = self->blobs[i].bytes;

        memmove (&self->blobs[1], &self->blobs[0], i * sizeof self->blobs[0]);
        git_oid_cpy (&self->blobs[0].id, id);
        self->blobs[0].bytes = bytes;
        return g_bytes_ref (bytes);
      }
  return NULL;
}

static void
remember_blob (AmendRepository *self,
               const git_oid   *id,
               GBytes          *bytes)
{
  guint last = G_N_ELEMENTS (self->blobs) - 1;

  g_clear_pointer (&self->blobs[last].bytes, g_bytes_unref);
  memmove (&self->blobs[1], &self->blobs[0], last * sizeof self->blobs[0]);
  git_oid_cpy (&self->blobs[0].id, id);
  self->blobs[0].bytes = g_bytes_ref (bytes);
}

/* The bytes of @path (relative to the top) in @revision: anything libgit2's
 * git_revparse_single reads (an id, a branch, HEAD~3, main@{2}...). */
GBytes *
amend_repository_read_file (AmendRepository *self,
                            const char      *revision,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;
  GBytes *bytes;
  int rc;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);

  if (!amend_repository_resolve_commit (self, revision, &commit, error))
    return NULL;
  rc = git_commit_tree (&tree, commit);
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot read version %s"), revision);
      return NULL;
    }
  if (git_tree_entry_bypath (&entry, tree, path) < 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("there is no file %s in version " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; names are counted from the top of the project"),
                   path, revision);
      return NULL;
    }
  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("%s is a folder in version " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ", not a file; give the name of a file in it"),
                   path, revision);
      return NULL;
    }
  if ((bytes = remembered_blob (self, git_tree_entry_id (entry))) != NULL)
    return bytes;
  rc = git_blob_lookup (&blob, self->repo, git_tree_entry_id (entry));
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot read %s in version %s"), path, revision);
      return NULL;
    }
  bytes = g_bytes_new (git_blob_rawcontent (blob), git_blob_rawsize (blob));
  remember_blob (self, git_tree_entry_id (entry), bytes);
  return bytes;
}

/* ----------------------------------------------------------------------- */
/* Branches                                                                 */
/* ----------------------------------------------------------------------- */

gboolean
amend_repository_lookup_branch (AmendRepository *self,
                                const char      *refname,
                                git_commit     **commit,
                                GError         **error)
{
  g_autoptr(git_reference) ref = NULL;
  g_autoptr(git_object) obj = NULL;
  int rc;

  rc = git_reference_lookup (&ref, self->repo, refname);
  if (rc == 0)
    rc = git_reference_peel (&obj, ref, GIT_OBJECT_COMMIT);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read the branch %s"), refname);
  *commit = (git_commit *) g_steal_pointer (&obj);
  return TRUE;
}

/* NAME as the user writes it -> refs/heads/...: a branch ("main",
 * "amendement/x") or the slug of an amendment ("x"). */
char *
amend_repository_resolve_branch (AmendRepository *self,
                                 const char      *name,
                                 GError         **error)
{
  g_autofree char *plain = NULL;
  g_autofree char *amendment = NULL;
  g_autofree char *draft = NULL;
  const char *short_name = name;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), NULL);

  if (g_str_has_prefix (short_name, "refs/heads/"))
    short_name += strlen ("refs/heads/");
  if (strcmp (short_name, "main") == 0 && (draft = main_as_draft (self, short_name)) != NULL)
    short_name = draft;
  plain = g_strconcat ("refs/heads/", short_name, NULL);
  if (*short_name && branch_exists (self, plain))
    return g_steal_pointer (&plain);
  amendment = g_strconcat ("refs/heads/amendement/", short_name, NULL);
  if (*short_name && branch_exists (self, amendment))
    return g_steal_pointer (&amendment);
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
               _("there is no amendment or branch " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; give the name of an amendment as the list of "
                 "amendments shows it, or main"), name);
  return NULL;
}

/* The tree of HEAD's commit (zero when there is none yet). */
static gboolean
head_tree_id (AmendRepository *self,
              git_oid         *id,
              GError         **error)
{
  g_autoptr(git_commit) head = NULL;

  memset (id, 0, sizeof *id);
  if (!head_commit (self, &head, error))
    return FALSE;
  if (head)
    git_oid_cpy (id, git_commit_tree_id (head));
  return TRUE;
}

/* Adds to @journal: the working copy goes from HEAD's tree to @refname's
 * (@tip), then HEAD goes to @refname: files first, HEAD last, so that a
 * refusal leaves everything on the old branch, and a kill is finished by
 * the next command (amend-journal.h). */
gboolean
amend_repository_journal_checkout (AmendRepository *self,
                                   AmendJournal    *journal,
                                   const char      *refname,
                                   const git_oid   *tip,
                                   GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autofree char *what = g_strdup_printf (_("cannot switch to " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d"), refname + strlen ("refs/heads/"));
  git_oid from;
  int rc;

  if (!head_tree_id (self, &from, error))
    return FALSE;
  rc = git_commit_lookup (&commit, self->repo, tip);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, "%s", what);
  amend_journal_update_working_copy (journal, &from, git_commit_tree_id (commit), NULL, what);
  amend_journal_set_head (journal, refname);
  return TRUE;
}

/* Puts the working copy on @refname, as one journaled operation. */
gboolean
amend_repository_checkout_branch (AmendRepository *self,
                                  const char      *refname,
                                  GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(AmendJournal) journal = NULL;
  g_autofree char *summary = g_strdup_printf (_("switching to " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d"),
                                              refname + strlen ("refs/heads/"));

  journal = amend_journal_begin (self, "switch", summary, error);
  if (journal == NULL || !amend_repository_lookup_branch (self, refname, &commit, error) ||
      !amend_repository_journal_checkout (self, journal, refname, git_commit_id (commit), error))
    return FALSE;
  return amend_journal_commit (journal, error);
}

/* After a commit on the current branch made without the working copy (a
 * record written straight into the tree), brings @paths in the working
 * copy and the index up to it.  @baseline is the tree they came from.
 * (An operation that moves the branch itself adds the working copy step
 * to its own journal instead, so that both are one.) */
gboolean
amend_repository_sync_paths (AmendRepository    *self,
                             git_tree           *baseline,
                             const char * const *paths,
                             GError            **error)
{
  g_autoptr(AmendJournal) journal = NULL;
  git_oid to;

  journal = amend_journal_begin (self, "sync", _("bringing the working copy up to date"), error);
  if (journal == NULL || !head_tree_id (self, &to, error))
    return FALSE;
  amend_journal_update_working_copy (journal, git_tree_id (baseline), &to, paths,
                                     _("the working copy could not be brought up to date"));
  return amend_journal_commit (journal, error);
}

static GPtrArray *
change_paths (GPtrArray *changes)
{
  GPtrArray *paths = g_ptr_array_new ();

  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (paths, ((AmendFileChange *) g_ptr_array_index (changes, i))->path);
  return paths;
}

static gboolean
refuse_changes (GPtrArray  *changes,
                const char *name,
                gboolean    after_save,
                GError    **error)
{
  g_autoptr(GPtrArray) paths = change_paths (changes);
  g_autofree char *names = join_paths (paths);

  if (after_save)
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                 _("cannot switch to " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ": %s has changes that Amend does not save, as it is no regulation; "
                   "commit or stash them with git first"), name, names);
  else
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                 g_dngettext (GETTEXT_PACKAGE,
                              "cannot switch to " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ": %s has changes that are not saved",
                              "cannot switch to " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ": %s have changes that are not saved",
                              changes->len),
                 name, names);
  return FALSE;
}

/* Puts the working copy on the branch or amendment @name.  Unsaved changes
 * stop it, unless @save: then they are saved on the current branch first.
 * Nothing is ever discarded. */
gboolean
amend_repository_switch (AmendRepository *self,
                         const char      *name,
                         gboolean         save,
                         const char      *author,
                         GError         **error)
{
  g_autoptr(AmendJournal) journal = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *current = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *short_name;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (self), FALSE);

  refname = amend_repository_resolve_branch (self, name, error);
  if (refname == NULL)
    return FALSE;
  short_name = refname + strlen ("refs/heads/");
  summary = g_strdup_printf (_("switching to " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d"), short_name);
  journal = amend_journal_begin (self, "switch", summary, error);
  if (journal == NULL)
    return FALSE;
  /* From a detached HEAD switching is the way back to a branch. */
  if (!amend_repository_check_can_write (self, TRUE, error))
    return FALSE;
  if (amend_repository_get_head (self, &current) == AMEND_HEAD_BRANCH && g_strcmp0 (current, short_name) == 0)
    return TRUE;

  changes = list_changes (self, NULL, error);
  if (changes == NULL)
    return FALSE;
  if (changes->len > 0)
    {
      g_autofree char *message = NULL;
      g_autofree char *commit = NULL;
      g_autoptr(GError) local = NULL;

      if (!save)
        return refuse_changes (changes, short_name, FALSE, error);
      message = g_strdup_printf (_("Save before switching to %s"), short_name);
      commit = amend_repository_save (self, NULL, author, NULL, message, &local);
      if (commit == NULL && !g_error_matches (local, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOTHING_TO_SAVE))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_clear_pointer (&changes, g_ptr_array_unref);
      changes = list_changes (self, NULL, error);
      if (changes == NULL)
        return FALSE;
      if (changes->len > 0)
        return refuse_changes (changes, short_name, TRUE, error);
    }
  if (!amend_repository_lookup_branch (self, refname, &tip, error) ||
      !amend_repository_journal_checkout (self, journal, refname, git_commit_id (tip), error))
    return FALSE;
  return amend_journal_commit (journal, error);
}
