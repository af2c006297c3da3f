/* amend-gui-test.h: what the GUI tests share: a display, a project, waiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-window.h"

G_BEGIN_DECLS

typedef struct {
  char        *tmp;
  char        *dir;      /* the copy of the example project */
  AmendWindow *window;
} AmendGuiFixture;

void     amend_gui_test_init        (int             *argc,
                                     char          ***argv);
void     amend_gui_fixture_setup    (AmendGuiFixture *f,
                                     gconstpointer    data);
void     amend_gui_fixture_teardown (AmendGuiFixture *f,
                                     gconstpointer    data);
void     amend_gui_wait_idle        (AmendGuiFixture *f);
void     amend_gui_wait_dialog      (AmendGuiFixture *f);
void     amend_gui_spin             (guint            ms);
gboolean amend_gui_wait             (gboolean       (*done) (gpointer),
                                     gpointer         data,
                                     guint            seconds);
void     amend_gui_type             (AmendGuiFixture *f,
                                     const char      *after,
                                     const char      *text);
char    *amend_gui_text             (AmendGuiFixture *f);
void     amend_gui_save_png         (GtkWidget       *widget,
                                     const char      *path);
int      amend_gui_cli              (AmendGuiFixture *f,
                                     char           **out,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean amend_gui_have_xdotool     (void);
void     amend_gui_keys             (GtkWidget       *widget,
                                     const char      *keys);
void     amend_gui_type_keys        (GtkWidget       *widget,
                                     const char      *text);
void     amend_gui_click            (GtkWidget       *widget);

GtkLabel *amend_gui_find_label (GtkWidget  *widget,
                                const char *text);

G_END_DECLS
