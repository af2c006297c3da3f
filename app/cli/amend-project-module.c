/* amend-project-module.c: the commands that work in a project, as a module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded by the amend program (amend-cli-module.c) for these commands and
 * for amend diff between revisions; see app/cli/meson.build for why.
 */
#include "config.h"

#include <gmodule.h>

#include "amend-cli-git.h"

static const AmendCommand *const commands[] = {
  &amend_command_init,
  &amend_command_save,
  &amend_command_log,
  &amend_command_show,
  &amend_command_status,
  &amend_command_propose,
  &amend_command_edit,
  &amend_command_list,
  &amend_command_switch,
  &amend_command_submit,
  &amend_command_withdraw,
  &amend_command_vote,
  &amend_command_adopt,
  &amend_command_reject,
  &amend_command_conflicts,
  &amend_command_resolve,
  &amend_command_update,
  &amend_command_collisions,
  &amend_command_order,
  &amend_command_paper,
  &amend_command_comment,
  &amend_command_package,
  &amend_command_clone,
  &amend_command_pull,
  &amend_command_push,
  &amend_command_remote,
  NULL,
};

G_MODULE_EXPORT const AmendCliModule amend_cli_module = {
  .commands = commands,
  .load_diff = amend_cli_load_diff,
};
