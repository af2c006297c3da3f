/* amend-window-private.h: what the files of the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one type in several files, as GNOME Text Editor splits
 * its window: amend-window.c (snapshots of the project, open, save,
 * switch, propose), amend-window-header.c (the header bar's title, branch
 * button and switcher), amend-window-drafts.c (unsaved text kept and
 * restored), amend-window-watch.c (the file and git changed by another
 * program), amend-window-regulations.c (which regulation of the project
 * is open) and amend-window-actions.c (the win.* actions and their
 * dialogs); amend-window-review.c joins the Amendments view, the review
 * page and the conflicts page to the window.
 */
#pragma once

#include "amend-amendments-page.h"
#include "amend-conflicts-page.h"
#include "amend-start-page.h"
#include "amend-window.h"

G_BEGIN_DECLS

typedef enum {
  REASON_OPEN,
  REASON_SWITCH,
  REASON_SAVE,
  REASON_PROPOSE,
  REASON_REFRESH,   /* git changed under the window, on the same branch */
} Reason;

/* What was typed in the Propose dialog and not proposed yet: offered
 * again by the next Propose of the same kind, until a proposal is made. */
typedef struct {
  char *on;          /* the amendment a subamendment amends, or NULL */
  char *title;
  char *submitters;
  char *motivation;
} ProposeForm;

typedef enum {
  AFTER_NOTHING,
  AFTER_SWITCH,
  AFTER_PROPOSE,
} After;

struct _AmendWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AmendStartPage       *start_page;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *branch_button;
  GtkLabel             *branch_label;
  AdwSqueezer          *title_squeezer;
  GtkWidget            *wide_box;      /* the title with the switcher beside it */
  AdwWindowTitle       *wide_title;
  AdwViewSwitcher      *wide_switcher;
  AdwWindowTitle       *narrow_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *busy_spinner;
  AdwFlap              *flap;
  AmendOutlinePanel    *outline_panel;
  AdwViewStack         *view_stack;
  AmendEditor          *editor;
  AmendHistoryPage     *history_page;
  AmendAmendmentsPage  *amendments_page;
  AmendConflictsPage   *conflicts_page;

  GSettings            *settings;
  AmendDraftStore      *drafts;
  AmendProject         *project;
  GCancellable         *cancellable;
  GFileMonitor         *monitor;
  GPtrArray            *git_monitors;  /* HEAD and the refs: switches made elsewhere */
  char                 *disk_text;     /* the file as Amend last read or wrote it */
  char                 *base_commit;   /* the version the editor's text started from ("" before the first) */
  char                 *base_digest;   /* and a digest of that text: drafts are restored onto it only */
  char                 *stray_commit;  /* a draft of another version of this branch, not restored */
  GHashTable           *regulation_lines; /* the cursor's line in each regulation left, by name */
  guint                 autosave_source;
  guint                 refresh_source;
  guint                 fit_tick;      /* the header measured again after a resize */
  int                   header_width;
  guint                 generation;    /* counts snapshots: a refresh overtaken by one is dropped */
  gboolean              refreshing;
  gboolean              busy;
  gboolean              draft_restored;
  gboolean              quiet_restore; /* back to a regulation of the project: its text, without a notice */
  char                 *last_error;
  GtkWindow            *dialog;        /* the one open dialog, for the tests */
  GtkFileChooserNative *chooser;       /* the one open file chooser, for the tests */

  ProposeForm          *propose_form;  /* typed, cancelled, not proposed */
  After                 after;         /* what waits for a save to finish */
  char                 *after_branch;
  gboolean              profiled;
};

/* amend-window.c */
void _amend_window_toast (AmendWindow *self, const char *text);
void _amend_window_track_dialog (AmendWindow *self, GtkWindow *dialog);
void _amend_window_track_chooser (AmendWindow *self, GtkFileChooserNative *chooser);
void _amend_window_show_error (AmendWindow *self, const char *heading, const char *message);
void _amend_window_show_gerror (AmendWindow *self, const char *heading, const GError *error);
char *_amend_window_current_text (AmendWindow *self);
void _amend_window_set_project (AmendWindow *self, AmendProject *project, Reason reason);
void _amend_window_set_busy (AmendWindow *self, gboolean busy);
void _amend_window_ask_save (AmendWindow *self);
void _amend_window_ask_save_with (AmendWindow *self, const char *message);
void _amend_window_start_switch (AmendWindow *self, const char *branch, gboolean put_back);
void _amend_window_ask_propose (AmendWindow *self);
void _amend_window_ask_propose_on (AmendWindow *self, const char *slug);
void _amend_window_forget_propose_form (AmendWindow *self);

/* amend-window-header.c */
char *_amend_window_branch_label (AmendProject *project);
char *_amend_window_where_label (AmendProject *project);
void _amend_window_update_title (AmendWindow *self);
void _amend_window_update_branch_menu (AmendWindow *self);
void _amend_window_fit_header (AmendWindow *self);
void _amend_window_header_init (AmendWindow *self);

/* amend-window-drafts.c */
void _amend_window_set_base (AmendWindow *self, AmendProject *project);
void _amend_window_drop_draft (AmendWindow *self);
void _amend_window_restart_autosave (AmendWindow *self);
void _amend_window_put_draft (AmendWindow *self, const char *commit);
void _amend_window_restore_draft (AmendWindow *self);
void _amend_window_drafts_init (AmendWindow *self);

/* amend-window-watch.c */
void _amend_window_check_disk (AmendWindow *self);
void _amend_window_watch_file (AmendWindow *self);
void _amend_window_schedule_refresh (AmendWindow *self, guint ms);
void _amend_window_unwatch_git (AmendWindow *self);
void _amend_window_watch_git (AmendWindow *self);
void _amend_window_unwatch (AmendWindow *self);
void _amend_window_follow (AmendWindow *self, AmendProject *project);

/* amend-window-review.c */
void _amend_window_review_project_changed (AmendWindow *self);
void _amend_window_review_init (AmendWindow *self);
void _amend_window_review_actions_init (AmendWindowClass *klass);
const char *_amend_window_amendment_title (AmendWindow *self, const char *slug);

/* amend-window-paper.c */
void _amend_window_paper_actions_init (AmendWindowClass *klass);

/* amend-window-sync.c */
void _amend_window_sync_init (AmendWindow *self);
void _amend_window_sync_actions_init (AmendWindowClass *klass);

/* amend-window-regulations.c */
void _amend_window_update_regulations (AmendWindow *self);
void _amend_window_note_other_drafts (AmendWindow *self);
void _amend_window_regulations_class_init (AmendWindowClass *klass);

/* amend-window-actions.c */
void _amend_window_ask_export (AmendWindow *self, const char *text, const char *suffix);
void _amend_window_class_actions_init (AmendWindowClass *klass);

G_END_DECLS
