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
#include "amend-sync.h"

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

/* The sync core's sentences that name a command; the others say what
 * happened well enough (and name the file or address). */
static const char *
sync_text (int code)
{
  switch (code)
    {
    case AMEND_SYNC_ERROR_NON_FAST_FORWARD:
      return _("The shared project has versions that this project does not have, so nothing was sent. Pull first, "
               "then push again.");
    case AMEND_SYNC_ERROR_DIVERGED:
      return _("The draft has new versions both here and in the shared project. Pull again: Amend joins the two, "
               "and where both changed the same words you resolve the conflicts on the Conflicts page (or with "
               "amend pull --continue).");
    case AMEND_SYNC_ERROR_WRONG_KIND:
      return _("This package holds an amendment, which needs the project it was made from. Open that project, then "
               "open the package there.");
    case AMEND_SYNC_ERROR_NO_REMOTE:
      return _("The project has no shared project to pull from or push to, or several and none is the usual one. "
               "Exchange the amendment as a package instead.");
    case AMEND_SYNC_ERROR_FORBIDDEN_REF:
      return _("This package carries more than amendments. Ask the sender for the package Amend writes with Hand In "
               "Amendment.");
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
  else if (error->domain == AMEND_SYNC_ERROR)
    text = sync_text (error->code);
  return g_strdup (text ? text : error->message);
}
