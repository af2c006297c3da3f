/* amend-xml-module.c: the commands of the official XML formats, as a module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded by the amend program (amend-cli-module.c) for export, import and
 * validate: apart from amend-project because libxml2 brings ICU, whose
 * loading the commands of a project need not wait for.
 */
#include "config.h"

#include <gmodule.h>

#include "amend-cli-git.h"

static const AmendCommand *const commands[] = {
  &amend_command_export,
  &amend_command_import,
  &amend_command_validate,
  NULL,
};

G_MODULE_EXPORT const AmendCliModule amend_cli_module = {
  .commands = commands,
  .load_diff = amend_cli_load_diff,
};
