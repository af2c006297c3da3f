/* amend-editor.h: the text of the regulation, with its live check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "amend-document.h"

G_BEGIN_DECLS

#define AMEND_TYPE_EDITOR (amend_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmendEditor, amend_editor, AMEND, EDITOR, GtkWidget)

GtkSourceBuffer *amend_editor_get_buffer    (AmendEditor *self);
GtkSourceView   *amend_editor_get_view      (AmendEditor *self);
void             amend_editor_load_text     (AmendEditor *self,
                                             const char  *text,
                                             gboolean     modified);
void             amend_editor_load_document (AmendEditor   *self,
                                             const char    *text,
                                             AmendDocument *doc,
                                             gboolean       modified);
void             amend_editor_replace_text  (AmendEditor *self,
                                             const char  *text);
char            *amend_editor_dup_text      (AmendEditor *self);
void             amend_editor_goto_line     (AmendEditor *self,
                                             guint        line);
guint            amend_editor_get_cursor_line (AmendEditor *self);
void             amend_editor_find          (AmendEditor *self,
                                             gboolean     replace);
void             amend_editor_search        (AmendEditor *self,
                                             const char  *text,
                                             const char  *replacement);
void             amend_editor_replace_all_matches (AmendEditor *self);
int              amend_editor_count_matches (AmendEditor *self);
void             amend_editor_check_now     (AmendEditor *self);
gboolean         amend_editor_is_checking   (AmendEditor *self);
AmendDocument   *amend_editor_get_document  (AmendEditor *self);
GPtrArray       *amend_editor_get_findings  (AmendEditor *self);
GtkListBox      *amend_editor_get_findings_list (AmendEditor *self);
void             amend_editor_show_findings (AmendEditor *self,
                                             gboolean     show);

gboolean         amend_editor_front_matter_folded (AmendEditor *self);
void             amend_editor_show_front_matter (AmendEditor *self,
                                                 gboolean     shown);

G_END_DECLS
