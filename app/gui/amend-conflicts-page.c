/* amend-conflicts-page.c: an adoption that stopped at conflicts, resolved one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page per conflicting node, as amend conflicts lists them: the
 * version both started from, the draft and the amendment side by side
 * (under each other on a phone), a button under each side to choose it,
 * and a text to write one's own.  Each choice is stored at once, as amend
 * resolve does (in .git/amend/merge, nothing committed); Continue commits
 * once none is left, Abort puts back what was there.  The page asks the
 * window to do these through its actions (win.conflict-resolve,
 * win.merge-continue, win.merge-abort).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-conflicts-page.h"
#include "amend-gui-util.h"

struct _AmendConflictsPage
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkLabel        *title_label;
  GtkLabel        *body_label;
  GtkWidget       *abort_button;
  GtkWidget       *continue_button;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  GtkLabel        *position_label;
  GtkLabel        *kind_label;
  GtkLabel        *status_label;
  GtkWidget       *sides;          /* GtkFlowBox of three cards */
  GtkWidget       *ours_button;
  GtkWidget       *theirs_button;
  GtkTextView     *edit_view;
  GtkWidget       *use_button;

  AmendMergeState *state;
  char            *title;
  guint            position;
};

G_DEFINE_FINAL_TYPE (AmendConflictsPage, amend_conflicts_page, GTK_TYPE_WIDGET)

static AmendConflict *
current (AmendConflictsPage *self)
{
  if (self->state == NULL || self->position >= self->state->conflicts->len)
    return NULL;
  return g_ptr_array_index (self->state->conflicts, self->position);
}

static const char *
kind_sentence (AmendConflictKind kind)
{
  switch (kind)
    {
    case AMEND_CONFLICT_TEXT:
      return _("Both changed the same words here.");
    case AMEND_CONFLICT_HEADING:
      return _("Both changed the number or the title, differently.");
    case AMEND_CONFLICT_DELETED:
      return _("One side deleted this, the other changed it.");
    case AMEND_CONFLICT_INSERTED:
      return _("Both inserted something different at the same place.");
    case AMEND_CONFLICT_MOVED:
      return _("Both moved this, to different places.");
    case AMEND_CONFLICT_ORDER:
      return _("Both put the same parts in another order.");
    case AMEND_CONFLICT_FRONT_MATTER:
      return _("Both changed the same property of the regulation.");
    case AMEND_CONFLICT_CHECK:
      return _("Merged, the text would not hold one side’s change; choose it yourself.");
    case AMEND_CONFLICT_NUMBERING:
      return _("Each side numbered its parts in order, but together two would share a number or stand out of order; "
               "number them yourself.");
    case AMEND_CONFLICT_FILE:
      return _("Both changed a file that is not the regulation.");
    case AMEND_CONFLICT_RECORD:
    default:
      return _("Both changed the same field of the amendment’s record.");
    }
}

/* Which side is which: adopt merges the amendment (theirs) into the draft
 * or the amendment it amends (ours); update merges the draft (theirs) into
 * the amendment (ours). */
static const char *
side_name (AmendConflictsPage *self,
           gboolean            ours)
{
  gboolean update = g_strcmp0 (self->state->command, "update") == 0;
  gboolean into_amendment = g_str_has_prefix (self->state->target, "amendement/");

  /* pull merges the shared project's draft (theirs) into this one's. */
  if (g_strcmp0 (self->state->command, "pull") == 0)
    return ours ? _("The Draft Here") : _("The Shared Project's Draft");
  if (ours == update)
    return _("The Amendment");
  return into_amendment && !update ? _("The Amendment It Amends") : _("The Draft");
}

static GtkWidget *
side_card (const char *heading,
           const char *text,
           GtkWidget  *button)
{
  GtkWidget *card = NULL;
  GtkWidget *outer = amend_card_new (&card);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text ? text : _("(nothing: not there in this version)"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_yalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  /* A narrow natural width, so that three fit beside each other. */
  gtk_label_set_width_chars (GTK_LABEL (body), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 24);
  gtk_widget_set_vexpand (body, TRUE);
  if (text == NULL)
    gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), body);
  if (button)
    {
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (card), button);
    }
  return outer;
}

static char *
status_text (AmendConflictsPage *self,
             AmendConflict      *c)
{
  switch (c->resolution)
    {
    case AMEND_RESOLUTION_OURS:
      return g_strdup_printf (_("Resolved: %s."), side_name (self, TRUE));
    case AMEND_RESOLUTION_THEIRS:
      return g_strdup_printf (_("Resolved: %s."), side_name (self, FALSE));
    case AMEND_RESOLUTION_TEXT:
      return g_strdup (_("Resolved: your own text."));
    case AMEND_RESOLUTION_NONE:
    default:
      return g_strdup (_("Not resolved yet."));
    }
}

static void
fill_sides (AmendConflictsPage *self,
            AmendConflict      *c)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->sides)))
    gtk_flow_box_remove (GTK_FLOW_BOX (self->sides), child);
  self->ours_button = gtk_button_new_with_mnemonic (_("C_hoose This"));
  self->theirs_button = gtk_button_new_with_mnemonic (_("Ch_oose This"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->ours_button), "win.conflict-resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->ours_button), "(sis)", c->id, AMEND_RESOLUTION_OURS, "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->theirs_button), "win.conflict-resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->theirs_button), "(sis)", c->id, AMEND_RESOLUTION_THEIRS, "");
  if (c->resolution == AMEND_RESOLUTION_OURS)
    gtk_widget_add_css_class (self->ours_button, "suggested-action");
  if (c->resolution == AMEND_RESOLUTION_THEIRS)
    gtk_widget_add_css_class (self->theirs_button, "suggested-action");
  gtk_flow_box_append (GTK_FLOW_BOX (self->sides), side_card (_("Before Both"), c->base_text, NULL));
  gtk_flow_box_append (GTK_FLOW_BOX (self->sides), side_card (side_name (self, TRUE), c->ours_text, self->ours_button));
  gtk_flow_box_append (GTK_FLOW_BOX (self->sides), side_card (side_name (self, FALSE), c->theirs_text, self->theirs_button));
}

static void
fill (AmendConflictsPage *self)
{
  AmendConflict *c = current (self);
  guint n = self->state ? self->state->conflicts->len : 0;
  g_autofree char *position = NULL;
  g_autofree char *status = NULL;
  const char *edit;

  if (c == NULL)
    return;
  /* Where it stands, as a drafter cites it ("Artikel 4, tweede lid, onder b"),
   * and in a project of several regulations in which. */
  if (c->label && self->state->several && c->path)
    position = g_strdup_printf (_("Conflict %u of %u: %s (%s)"), self->position + 1, n, c->label, c->path);
  else if (c->label)
    position = g_strdup_printf (_("Conflict %u of %u: %s"), self->position + 1, n, c->label);
  else if (c->article)
    position = g_strdup_printf (_("Conflict %u of %u: article %s"), self->position + 1, n, c->article);
  else
    position = g_strdup_printf (_("Conflict %u of %u: %s"), self->position + 1, n, c->id);
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->kind_label, kind_sentence (c->kind));
  status = status_text (self, c);
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_sensitive (self->previous_button, self->position > 0);
  gtk_widget_set_sensitive (self->next_button, self->position + 1 < n);
  fill_sides (self, c);
  /* Your own text starts from what stands now: the text given, else the
   * amendment's, else the draft's. */
  edit = c->resolution == AMEND_RESOLUTION_TEXT && c->text ? c->text : c->theirs_text ? c->theirs_text : c->ours_text;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->edit_view), edit ? edit : "", -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->use_button), "s", c->id);
}

static void
fill_header (AmendConflictsPage *self)
{
  guint n = self->state->conflicts->len;
  gboolean update = g_strcmp0 (self->state->command, "update") == 0;
  g_autofree char *title = g_strcmp0 (self->state->command, "pull") == 0
                           ? g_strdup (_("Merging the draft of the shared project"))
                           : update ? g_strdup_printf (_("Updating “%s” from the draft"), self->title)
                                    : g_strdup_printf (_("Adopting “%s”"), self->title);
  g_autofree char *count = g_strdup_printf (ngettext ("%u conflict, %u not resolved yet.", "%u conflicts, %u not resolved yet.", n),
                                            n, self->state->unresolved);
  g_autofree char *body = g_strdup_printf ("%s %s", count,
                                           _("Nothing is committed until each is resolved: choose a side or write the "
                                             "text, then Continue. Abort puts everything back as it was."));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->body_label, body);
  gtk_widget_set_sensitive (self->continue_button, self->state->unresolved == 0);
}

/* Takes @state.  @title: the amendment's. */
void
amend_conflicts_page_set_state (AmendConflictsPage *self,
                                AmendMergeState    *state,
                                const char         *title)
{
  g_return_if_fail (AMEND_IS_CONFLICTS_PAGE (self));

  g_clear_pointer (&self->state, amend_merge_state_free);
  self->state = state;
  g_free (self->title);
  self->title = g_strdup (title ? title : state ? state->amendment : "");
  if (state == NULL)
    return;
  /* After a decision: on to the next one not resolved, else stay. */
  if (self->position >= state->conflicts->len)
    self->position = 0;
  if (current (self) && current (self)->resolution != AMEND_RESOLUTION_NONE)
    for (guint i = 0; i < state->conflicts->len; i++)
      if (((AmendConflict *) g_ptr_array_index (state->conflicts, i))->resolution == AMEND_RESOLUTION_NONE)
        {
          self->position = i;
          break;
        }
  fill_header (self);
  fill (self);
}

AmendMergeState *
amend_conflicts_page_get_state (AmendConflictsPage *self)
{
  return self->state;
}

guint
amend_conflicts_page_get_position (AmendConflictsPage *self)
{
  return self->position;
}

void
amend_conflicts_page_set_position (AmendConflictsPage *self,
                                   guint               position)
{
  if (self->state == NULL || position >= self->state->conflicts->len)
    return;
  self->position = position;
  fill (self);
}

static void
go_previous (AmendConflictsPage *self)
{
  if (self->position > 0)
    amend_conflicts_page_set_position (self, self->position - 1);
}

static void
go_next (AmendConflictsPage *self)
{
  amend_conflicts_page_set_position (self, self->position + 1);
}

char *
amend_conflicts_page_dup_edit_text (AmendConflictsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->edit_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GtkTextView *
amend_conflicts_page_get_edit_view (AmendConflictsPage *self)
{
  return self->edit_view;
}

/* "ours", "theirs", "use-text", "continue", "abort", "previous", "next". */
GtkWidget *
amend_conflicts_page_get_button (AmendConflictsPage *self,
                                 const char         *name)
{
  if (g_str_equal (name, "ours"))
    return self->ours_button;
  if (g_str_equal (name, "theirs"))
    return self->theirs_button;
  if (g_str_equal (name, "use-text"))
    return self->use_button;
  if (g_str_equal (name, "continue"))
    return self->continue_button;
  if (g_str_equal (name, "abort"))
    return self->abort_button;
  if (g_str_equal (name, "previous"))
    return self->previous_button;
  if (g_str_equal (name, "next"))
    return self->next_button;
  return NULL;
}

/* ----------------------------------------------------------------------- */

static GtkWidget *
label_new (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
button_new (const char *label,
            const char *action,
            const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (action)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (style)
    gtk_widget_add_css_class (button, style);
  return button;
}

static GtkWidget *
build_header (AmendConflictsPage *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->title_label = GTK_LABEL (label_new ("title-2"));
  self->body_label = GTK_LABEL (label_new (NULL));
  self->abort_button = button_new (_("_Abort"), "win.merge-abort", "destructive-action");
  self->continue_button = button_new (_("C_ontinue"), "win.merge-continue", "suggested-action");
  gtk_widget_set_tooltip_text (self->continue_button, _("Finish once every conflict is resolved"));
  gtk_widget_set_tooltip_text (self->abort_button, _("Undo it: everything as it was before"));
  gtk_box_append (GTK_BOX (buttons), self->abort_button);
  gtk_box_append (GTK_BOX (buttons), self->continue_button);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->body_label));
  gtk_box_append (GTK_BOX (header), buttons);
  return header;
}

static GtkWidget *
build_navigation (AmendConflictsPage *self)
{
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->previous_button = button_new (NULL, NULL, "flat");
  gtk_button_set_icon_name (GTK_BUTTON (self->previous_button), "go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->previous_button, _("Previous Conflict"));
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (go_previous), self);
  self->next_button = button_new (NULL, NULL, "flat");
  gtk_button_set_icon_name (GTK_BUTTON (self->next_button), "go-next-symbolic");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Conflict"));
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (go_next), self);
  self->position_label = GTK_LABEL (label_new ("heading"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->position_label), TRUE);
  gtk_box_append (GTK_BOX (nav), self->previous_button);
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->position_label));
  gtk_box_append (GTK_BOX (nav), self->next_button);
  return nav;
}

static GtkWidget *
build_edit (AmendConflictsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = label_new ("heading");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *hint;

  gtk_label_set_text (GTK_LABEL (heading), _("Or Write It Yourself"));
  hint = label_new ("dim-label");
  gtk_label_set_text (GTK_LABEL (hint), _("In Markdown, the same part of the regulation as the sides above: a paragraph "
                                          "for a paragraph, a heading line for a heading, whole articles or members "
                                          "for an insertion. Empty deletes it."));
  gtk_widget_add_css_class (hint, "caption");
  self->edit_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->edit_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (self->edit_view, TRUE);
  g_object_set (self->edit_view, "left-margin", 8, "right-margin", 8, "top-margin", 8, "bottom-margin", 8, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your own text for this place, in Markdown"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->edit_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_widget_add_css_class (scrolled, "card");
  self->use_button = button_new (_("_Use This Text"), "win.conflict-text", NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->use_button), "s", "");
  gtk_widget_set_halign (self->use_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), self->use_button);
  return box;
}

static void
build (AmendConflictsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->kind_label = GTK_LABEL (label_new (NULL));
  self->status_label = GTK_LABEL (label_new ("dim-label"));
  self->sides = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->sides), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->sides), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->sides), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->sides), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->sides), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->sides), 12);
  gtk_widget_set_size_request (self->sides, 240, -1);
  gtk_box_append (GTK_BOX (content), build_header (self));
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (content), build_navigation (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->kind_label));
  gtk_box_append (GTK_BOX (content), self->sides);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (content), build_edit (self));
  g_object_set (content, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 24, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  self->box = scrolled;
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
}

static void
amend_conflicts_page_dispose (GObject *object)
{
  AmendConflictsPage *self = (AmendConflictsPage *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->state, amend_merge_state_free);
  g_clear_pointer (&self->title, g_free);
  G_OBJECT_CLASS (amend_conflicts_page_parent_class)->dispose (object);
}

static void
amend_conflicts_page_class_init (AmendConflictsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = amend_conflicts_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
amend_conflicts_page_init (AmendConflictsPage *self)
{
  build (self);
}
