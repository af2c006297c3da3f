/* amend-editor-private.h: what the editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-editor.h"

G_BEGIN_DECLS

struct _AmendEditor
{
  GtkWidget                parent_instance;

  GtkRevealer             *search_revealer;
  GtkSearchEntry          *search_entry;
  GtkLabel                *occurrences_label;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;
  GtkSourceView           *view;
  GtkListBox              *findings_list;
  GtkLabel                *position_label;
  GtkSpinner              *check_spinner;
  GtkToggleButton         *findings_button;
  GtkImage                *findings_icon;
  GtkLabel                *findings_label;
  GtkImage                *properties_icon;
  GtkLabel                *properties_label;
  GtkToggleButton         *front_matter_toggle;

  GtkSourceBuffer         *buffer;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search;
  GtkTextTag              *error_tag;
  GtkTextTag              *warning_tag;
  GtkTextTag              *folded_tag;

  guint                    check_source;
  guint                    spinner_source;
  guint                    generation;
  gboolean                 checking;
  AmendDocument           *doc;
  GPtrArray               *findings;
  guint                    cursor_line;
};

/* amend-editor-check.c */
void _amend_editor_start_check       (AmendEditor   *self,
                                      AmendDocument *doc);
void _amend_editor_schedule_check    (AmendEditor   *self);
void _amend_editor_finding_activated (GtkListBox    *list,
                                      GtkListBoxRow *row,
                                      AmendEditor   *self);

/* amend-editor.c */
void _amend_editor_emit_checked      (AmendEditor   *self);

G_END_DECLS
