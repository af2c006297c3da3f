/* amend-cli-git.h: what the commands that work in a project share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "amend-amendment.h"
#include "amend-cli.h"
#include "amend-repository.h"

G_BEGIN_DECLS

AmendRepository *amend_cli_open_repository (int                *status);
int              amend_cli_report          (const GError       *error,
                                            const char         *hint);
char            *amend_cli_format_date     (GDateTime          *date);
void             amend_cli_warn_unreadable (GPtrArray          *unreadable);
void             amend_cli_add_unreadable_json (JsonBuilder    *b,
                                            GPtrArray          *unreadable);
void             amend_cli_print_json      (JsonBuilder        *builder);
int              amend_cli_text_width      (const char         *text);
void             amend_cli_print_padded    (const char         *text,
                                            int                 width);
gboolean         amend_cli_load_diff       (int                 n_args,
                                            char              **args,
                                            AmendCliLoadFlags   flags,
                                            AmendDiff         **diff,
                                            char              **title,
                                            int                *status);

int              amend_cli_change_status   (const AmendCommand *command,
                                            int                 argc,
                                            char              **argv,
                                            AmendStatus         to);

G_END_DECLS
