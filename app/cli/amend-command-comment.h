/* amend-command-comment.h: what the parts of amend comment share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-cli-git.h"
#include "amend-comments.h"

G_BEGIN_DECLS

extern const AmendCommand amend_command_comment_list;

int amend_cli_comment_report (const GError *error);

G_END_DECLS
