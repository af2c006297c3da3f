/* amend-cli.h: what the commands of the amend program share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amend-diff.h"

G_BEGIN_DECLS

/* Exit statuses, as documented in `amend --help`. */
enum {
  AMEND_EXIT_OK       = 0,
  AMEND_EXIT_FINDINGS = 1, /* check found an error; fmt --check found a file to format */
  AMEND_EXIT_USAGE    = 2,
  AMEND_EXIT_FAILURE  = 3, /* a file could not be read or written */
  AMEND_EXIT_REFUSED  = 4, /* the project refuses: unsaved changes, a lock, an unfinished git merge... */
};

typedef struct {
  const char *name;
  const char *parameters;   /* untranslated, e.g. "[--json] FILE" */
  const char *summary;      /* N_() marked */
  const char *description;  /* N_() marked, may be NULL */
  int       (*run)          (int argc, char **argv);
} AmendCommand;

extern const AmendCommand amend_command_outline;
extern const AmendCommand amend_command_check;
extern const AmendCommand amend_command_fmt;
extern const AmendCommand amend_command_init;
extern const AmendCommand amend_command_save;
extern const AmendCommand amend_command_log;
extern const AmendCommand amend_command_show;
extern const AmendCommand amend_command_status;
extern const AmendCommand amend_command_propose;
extern const AmendCommand amend_command_edit;
extern const AmendCommand amend_command_list;
extern const AmendCommand amend_command_switch;
extern const AmendCommand amend_command_submit;
extern const AmendCommand amend_command_withdraw;
extern const AmendCommand amend_command_vote;
extern const AmendCommand amend_command_adopt;
extern const AmendCommand amend_command_reject;
extern const AmendCommand amend_command_conflicts;
extern const AmendCommand amend_command_resolve;
extern const AmendCommand amend_command_update;
extern const AmendCommand amend_command_collisions;
extern const AmendCommand amend_command_order;
extern const AmendCommand amend_command_diff;
extern const AmendCommand amend_command_export;
extern const AmendCommand amend_command_import;
extern const AmendCommand amend_command_validate;
extern const AmendCommand amend_command_package;
extern const AmendCommand amend_command_clone;
extern const AmendCommand amend_command_pull;
extern const AmendCommand amend_command_push;
extern const AmendCommand amend_command_remote;
extern const AmendCommand amend_command_comment;
extern const AmendCommand amend_command_paper;

void           amend_cli_error            (const char *format,
                                           ...) G_GNUC_PRINTF (1, 2);
int            amend_cli_usage_error      (const AmendCommand *command,
                                           const char         *format,
                                           ...) G_GNUC_PRINTF (2, 3);
GOptionContext *amend_cli_option_context  (const AmendCommand *command,
                                           const GOptionEntry *entries);
gboolean       amend_cli_parse            (const AmendCommand *command,
                                           GOptionContext     *context,
                                           int                *argc,
                                           char             ***argv,
                                           int                *status);
AmendDocument *amend_cli_load             (const char         *path);
GBytes        *amend_cli_load_text        (const char         *path);
void           amend_cli_print_diagnostics (AmendDocument     *doc,
                                            const char        *path,
                                            gboolean           errors_only);
void           amend_cli_keep_until_exit  (gpointer            data);
/* g_print and g_printerr show control characters as \xNN from now on. */
void           amend_cli_show_controls_when_printing (void);
int          amend_cli_shown_width                 (const char         *text);
GBytes        *amend_cli_map_file         (const char         *path,
                                           GError            **error);
char          *amend_cli_read_file        (const char         *path,
                                           gsize              *len,
                                           GError            **error);
gboolean       amend_cli_write_file       (const char         *path,
                                           const char         *data,
                                           gsize               len,
                                           GError            **error);

/* The folder given with -C DIR / --repo DIR, as git -C: the command runs as
 * if started there, so file names are relative to it too. */
extern char *amend_cli_repo_dir;

gboolean     amend_cli_enter_repo_dir              (int                *status);

#define AMEND_CLI_REPO_OPTION \
  { "repo", 'C', 0, G_OPTION_ARG_FILENAME, &amend_cli_repo_dir, \
    N_("Work in the project in DIR instead of the current folder"), N_("DIR") }

/* The commands that work in a project, and the reading of versions from
 * git, live in the module amend-project (amend-project-module.c), the XML
 * commands in amend-xml (amend-xml-module.c); the program loads one the
 * first time one of its commands is needed. */
/* How the two versions are read: whole (for the exports, which write
 * every article), or as texts of which only the articles that differ are
 * read (for the renderers of amend diff: amend_diff_new_for_texts()). */
typedef enum {
  AMEND_CLI_LOAD_WHOLE = 0,
  AMEND_CLI_LOAD_TEXTS = 1 << 0,
} AmendCliLoadFlags;

typedef gboolean (*AmendCliLoadDiff) (int               n_args,
                                      char            **args,
                                      AmendCliLoadFlags flags,
                                      AmendDiff       **diff,
                                      char            **title,
                                      int              *status);

typedef struct {
  const AmendCommand *const *commands;  /* NULL-terminated */
  AmendCliLoadDiff           load_diff;
} AmendCliModule;

#define AMEND_CLI_MODULE_SYMBOL "amend_cli_module"

const AmendCliModule *amend_cli_get_module  (const char *name);
const AmendCommand   *amend_cli_find_module_command (const char *module_name,
                                                     const char *name);

G_END_DECLS
