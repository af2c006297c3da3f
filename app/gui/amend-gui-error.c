/* amend-gui-error.c: errors of the core said in the words of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's messages are written for the `amend` command: they name
 * branches and main, and give command lines to type.  In the window the
 * same situations are said in plain words, with what to do in the window
 * or, where only another program can help, without its command line.
 * Messages that name neither pass through unchanged.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-gui-error.h"
#include "amend-repository.h"

static const char *
repository_text (int code)
{
  switch (code)
    {
    case AMEND_REPOSITORY_ERROR_LOCKED:
      return _("Another program is working on this project right now. Wait until it is done, then try again.");
    case AMEND_REPOSITORY_ERROR_BUSY:
      return _("Work that another program started on this project is not finished. Finish or undo it there first, "
               "then try again.");
    case AMEND_REPOSITORY_ERROR_DETACHED:
      return _("The project is set to an old version, not to the draft or an amendment. Choose the draft or an "
               "amendment in the switcher.");
    case AMEND_REPOSITORY_ERROR_UNBORN:
      return _("The regulation has no saved version yet. Save it first.");
    case AMEND_REPOSITORY_ERROR_DIRTY:
      return _("There are changes in the project folder that are not saved as a version. Save them first.");
    case AMEND_REPOSITORY_ERROR_CONFLICT:
      return _("A file in the project folder would be overwritten. Move it away or save it first, then try again.");
    case AMEND_REPOSITORY_ERROR_NO_AUTHOR:
      return _("Amend does not know your name and e-mail address yet. Fill them in under Preferences.");
    default:
      return NULL;
    }
}

/* One sentence for a dialog of the window; @error's own when it says it
 * well enough. */
char *
amend_gui_error_text (const GError *error)
{
  const char *text = NULL;

  if (error == NULL)
    return g_strdup (_("Something went wrong."));
  if (error->domain == AMEND_REPOSITORY_ERROR)
    text = repository_text (error->code);
  return g_strdup (text ? text : error->message);
}
