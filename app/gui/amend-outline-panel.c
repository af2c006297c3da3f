/* amend-outline-panel.c: the sidebar: the outline and the amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline is a GtkListView over a GListStore, so a regulation of
 * thousands of articles makes rows only for what is on screen.  After
 * each live check the store is only rebuilt when the headings changed;
 * typing inside an article only moves line numbers.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-gui-util.h"

#include "amend-amendment.h"
#include "amend-outline-item.h"
#include "amend-outline-panel.h"

struct _AmendOutlinePanel
{
  GtkWidget    parent_instance;

  GtkStack    *stack;
  GtkMenuButton *regulation_button;
  GtkLabel    *regulation_title;
  GtkLabel    *regulation_file;
  GtkListView *outline_view;
  GtkListBox  *amendments_list;

  GListStore         *items;
  GtkSingleSelection *selection;
};

enum {
  LINE_ACTIVATED,
  BRANCH_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendOutlinePanel, amend_outline_panel, GTK_TYPE_WIDGET)

/* ----------------------------------------------------------------------- */
/* Outline rows                                                             */
/* ----------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (item, box);
}

static void
update_finding_icon (GtkWidget        *icon,
                     AmendOutlineItem *entry)
{
  switch (amend_outline_item_get_finding (entry))
    {
    case AMEND_FINDING_ERROR:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
      gtk_widget_set_css_classes (icon, (const char *[]) { "error", NULL });
      gtk_widget_set_tooltip_text (icon, amend_outline_item_get_finding_text (entry));
      gtk_widget_set_visible (icon, TRUE);
      break;
    case AMEND_FINDING_WARNING:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_widget_set_css_classes (icon, (const char *[]) { "warning", NULL });
      gtk_widget_set_tooltip_text (icon, amend_outline_item_get_finding_text (entry));
      gtk_widget_set_visible (icon, TRUE);
      break;
    case AMEND_FINDING_NONE:
    default:
      gtk_widget_set_visible (icon, FALSE);
      break;
    }
}

static void
finding_changed (AmendOutlineItem *entry,
                 GParamSpec       *pspec,
                 GtkWidget        *icon)
{
  update_finding_icon (icon, entry);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  AmendOutlineItem *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_last_child (box);
  AmendNodeKind kind = amend_outline_item_get_kind (entry);

  gtk_label_set_text (GTK_LABEL (label), amend_outline_item_get_label (entry));
  gtk_widget_set_tooltip_text (label, amend_outline_item_get_label (entry));
  gtk_widget_set_margin_start (box, 12 * amend_outline_item_get_depth (entry));
  if (kind == AMEND_NODE_ARTICLE)
    gtk_widget_remove_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "heading");
  update_finding_icon (icon, entry);
  g_signal_connect_object (entry, "notify::finding", G_CALLBACK (finding_changed), icon, 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  AmendOutlineItem *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_func (entry, finding_changed, gtk_widget_get_last_child (box));
}

static void
outline_activated (GtkListView       *view,
                   guint              position,
                   AmendOutlinePanel *self)
{
  g_autoptr(AmendOutlineItem) entry = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (entry)
    g_signal_emit (self, signals[LINE_ACTIVATED], 0, amend_outline_item_get_line (entry));
}

/* ----------------------------------------------------------------------- */
/* The outline from the document                                           */
/* ----------------------------------------------------------------------- */

static gboolean
shown (const AmendNode *node)
{
  return node->kind == AMEND_NODE_PREAMBLE || amend_node_is_structural (node);
}

/* Depth first, without recursion: a regulation may nest deeply. */
static GPtrArray *
collect_items (AmendDocument *doc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  AmendNode *root = amend_document_get_root (doc);

  for (guint i = amend_node_n_children (root); i > 0; i--)
    {
      guint zero = 0;

      g_ptr_array_add (stack, amend_node_child (root, i - 1));
      g_array_append_val (depths, zero);
    }
  while (stack->len > 0)
    {
      AmendNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      guint depth = g_array_index (depths, guint, depths->len - 1);

      g_array_set_size (depths, depths->len - 1);
      if (!shown (node))
        continue;
      g_ptr_array_add (out, amend_outline_item_new (node, depth));
      if (node->kind == AMEND_NODE_ARTICLE || node->kind == AMEND_NODE_EXPLANATION ||
          node->kind == AMEND_NODE_CLOSING || node->kind == AMEND_NODE_PREAMBLE)
        continue;
      for (guint i = amend_node_n_children (node); i > 0; i--)
        {
          guint d = depth + 1;

          g_ptr_array_add (stack, amend_node_child (node, i - 1));
          g_array_append_val (depths, d);
        }
    }
  return out;
}

/* The item a line falls in: the last one that starts on or before it. */
static int
item_at_line (GListModel *model,
              guint       line)
{
  int lo = 0;
  int hi = (int) g_list_model_get_n_items (model) - 1;
  int found = -1;

  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;
      g_autoptr(AmendOutlineItem) entry = g_list_model_get_item (model, mid);

      if (amend_outline_item_get_line (entry) <= line)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

static void
mark_findings (GListModel *model,
               GPtrArray  *findings)
{
  guint n = g_list_model_get_n_items (model);
  g_autofree AmendFindingLevel *levels = g_new0 (AmendFindingLevel, MAX (n, 1));
  g_autofree const char **texts = g_new0 (const char *, MAX (n, 1));

  for (guint i = 0; findings && i < findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (findings, i);
      AmendFindingLevel level = d->severity == AMEND_SEVERITY_ERROR ? AMEND_FINDING_ERROR : AMEND_FINDING_WARNING;
      int at = d->line > 0 ? item_at_line (model, d->line) : -1;

      if (at >= 0 && level > levels[at])
        {
          levels[at] = level;
          texts[at] = d->message;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendOutlineItem) entry = g_list_model_get_item (model, i);

      amend_outline_item_set_finding_text (entry, texts[i]);
      amend_outline_item_set_finding (entry, levels[i]);
    }
}

void
amend_outline_panel_set_document (AmendOutlinePanel *self,
                                  AmendDocument     *doc,
                                  GPtrArray         *findings)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint n;
  gboolean same;

  g_return_if_fail (AMEND_IS_OUTLINE_PANEL (self));

  fresh = doc ? collect_items (doc) : g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  same = n == fresh->len;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(AmendOutlineItem) old = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      same = amend_outline_item_same_heading (old, g_ptr_array_index (fresh, i));
    }

  if (same)
    {
      /* Keep the rows, the selection and the scroll position. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AmendOutlineItem) old = g_list_model_get_item (G_LIST_MODEL (self->items), i);
          AmendOutlineItem *now = g_ptr_array_index (fresh, i);

          amend_outline_item_set_lines (old, amend_outline_item_get_line (now), amend_outline_item_get_line_end (now));
        }
    }
  else
    g_list_store_splice (self->items, 0, n, fresh->pdata, fresh->len);
  mark_findings (G_LIST_MODEL (self->items), findings);
}

void
amend_outline_panel_follow_line (AmendOutlinePanel *self,
                                 guint              line)
{
  int at;

  g_return_if_fail (AMEND_IS_OUTLINE_PANEL (self));

  at = item_at_line (G_LIST_MODEL (self->items), line);
  if (at < 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }
  if ((guint) at == gtk_single_selection_get_selected (self->selection))
    return;
  gtk_single_selection_set_selected (self->selection, at);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); this action of GtkListBase
   * brings the row into view. */
  gtk_widget_activate_action (GTK_WIDGET (self->outline_view), "list.scroll-to-item", "u", (guint) at);
}

GListModel *
amend_outline_panel_get_items (AmendOutlinePanel *self)
{
  return G_LIST_MODEL (self->items);
}

guint
amend_outline_panel_get_selected (AmendOutlinePanel *self)
{
  return gtk_single_selection_get_selected (self->selection);
}

/* What a click on row @position does; the tests call it. */
void
amend_outline_panel_activate_item (AmendOutlinePanel *self,
                                   guint              position)
{
  outline_activated (self->outline_view, position, self);
}

/* The first row whose label starts with @prefix, or GTK_INVALID_LIST_POSITION. */
guint
amend_outline_panel_find_label (AmendOutlinePanel *self,
                                const char        *prefix)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendOutlineItem) entry = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_str_has_prefix (amend_outline_item_get_label (entry), prefix))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* ----------------------------------------------------------------------- */
/* Amendments                                                               */
/* ----------------------------------------------------------------------- */

/* The words of the record are Dutch; the interface says them in the
 * language of the desktop. */
char *
amend_status_label (int status)
{
  switch ((AmendStatus) status)
    {
    case AMEND_STATUS_CONCEPT:
      return g_strdup (C_("amendment status", "Being written"));
    case AMEND_STATUS_SUBMITTED:
      return g_strdup (C_("amendment status", "Submitted"));
    case AMEND_STATUS_ADOPTED:
      return g_strdup (C_("amendment status", "Adopted"));
    case AMEND_STATUS_REJECTED:
      return g_strdup (C_("amendment status", "Rejected"));
    case AMEND_STATUS_WITHDRAWN:
      return g_strdup (C_("amendment status", "Withdrawn"));
    default:
      return g_strdup ("");
    }
}

/* "Jan Jansen <jan@x.nl>" -> "Jan Jansen". */
static char *
submitter_names (AmendAmendment *amendment)
{
  const char * const *people = amend_amendment_get_submitters (amendment);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; people && people[i]; i++)
    {
      g_autofree char *name = NULL;

      if (!amend_parse_author (people[i], &name, NULL, NULL))
        name = g_strdup (people[i]);
      g_string_append_printf (s, "%s%s", i ? ", " : "", name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
branch_row (AmendOutlinePanel *self,
            const char        *title,
            const char        *subtitle,
            const char        *branch,
            gboolean           current)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "branch", g_strdup (branch), g_free);
  if (current)
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_tooltip_text (mark, _("The text in the editor"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  return row;
}

/* A branch amendement/SLUG that cannot be read: named, not to be chosen;
 * the Amendments view and amend list say what is wrong with it. */
static GtkWidget *
unreadable_row (AmendUnreadable *u)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), u->branch);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Cannot be read"));
  gtk_widget_set_tooltip_text (row, u->message);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

void
amend_outline_panel_set_amendments (AmendOutlinePanel *self,
                                    GPtrArray         *amendments,
                                    GPtrArray         *unreadable,
                                    const char        *branch,
                                    const char        *main_branch)
{
  GtkWidget *child;

  g_return_if_fail (AMEND_IS_OUTLINE_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->amendments_list))))
    gtk_list_box_remove (self->amendments_list, child);

  gtk_list_box_append (self->amendments_list,
                       branch_row (self, _("Draft"), _("The regulation as the municipality drafts it"),
                                   main_branch, g_strcmp0 (branch, main_branch) == 0));
  for (guint i = 0; amendments && i < amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (amendments, i);
      g_autofree char *status = amend_status_label (amend_amendment_get_status (a));
      g_autofree char *names = submitter_names (a);
      g_autofree char *subtitle = *names ? g_strdup_printf ("%s · %s", status, names) : g_strdup (status);
      g_autofree char *title = amend_amendment_dup_list_title (a, amendments);

      gtk_list_box_append (self->amendments_list,
                           branch_row (self, title, subtitle, amend_amendment_get_branch (a),
                                       g_strcmp0 (branch, amend_amendment_get_branch (a)) == 0));
    }
  for (guint i = 0; unreadable && i < unreadable->len; i++)
    gtk_list_box_append (self->amendments_list, unreadable_row (g_ptr_array_index (unreadable, i)));
}

static void
amendment_activated (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     AmendOutlinePanel *self)
{
  const char *branch = g_object_get_data (G_OBJECT (row), "branch");

  if (branch)
    g_signal_emit (self, signals[BRANCH_ACTIVATED], 0, branch);
}

void
amend_outline_panel_show_page (AmendOutlinePanel *self,
                               const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* ----------------------------------------------------------------------- */

/* ----------------------------------------------------------------------- */
/* The chooser of the regulation                                            */
/* ----------------------------------------------------------------------- */

/* @files and @titles: the regulations of the project; @unsaved: those
 * with unsaved text kept for them (a draft), said in the menu so that it
 * is found again.  One regulation alone: no chooser. */
void
amend_outline_panel_set_regulations (AmendOutlinePanel  *self,
                                     const char * const *files,
                                     const char * const *titles,
                                     const char         *current,
                                     const char * const *unsaved)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = files ? g_strv_length ((char **) files) : 0;

  g_return_if_fail (AMEND_IS_OUTLINE_PANEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->regulation_button), n > 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (unsaved && g_strv_contains (unsaved, files[i]))
        /* TRANSLATORS: the title and file of a regulation in the chooser */
        label = g_strdup_printf (_("%s (%s) · unsaved changes"), titles[i], files[i]);
      else
        label = g_strdup_printf (_("%s (%s)"), titles[i], files[i]);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.regulation", "s", files[i]);
      g_menu_append_item (menu, item);
      if (g_strcmp0 (files[i], current) == 0)
        {
          gtk_label_set_text (self->regulation_title, titles[i]);
          gtk_label_set_text (self->regulation_file, files[i]);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->regulation_title), titles[i]);
        }
    }
  gtk_menu_button_set_menu_model (self->regulation_button, G_MENU_MODEL (menu));
}

GtkMenuButton *
amend_outline_panel_get_regulation_button (AmendOutlinePanel *self)
{
  g_return_val_if_fail (AMEND_IS_OUTLINE_PANEL (self), NULL);
  return self->regulation_button;
}

static void
amend_outline_panel_dispose (GObject *object)
{
  AmendOutlinePanel *self = (AmendOutlinePanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_OUTLINE_PANEL);
  /* The template's top box is not a bound child: it goes here. */
  amend_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (amend_outline_panel_parent_class)->dispose (object);
}

static void
amend_outline_panel_class_init (AmendOutlinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amend_outline_panel_dispose;

  signals[LINE_ACTIVATED] = g_signal_new ("line-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[BRANCH_ACTIVATED] = g_signal_new ("branch-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-outline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendOutlinePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendOutlinePanel, regulation_button);
  gtk_widget_class_bind_template_child (widget_class, AmendOutlinePanel, regulation_title);
  gtk_widget_class_bind_template_child (widget_class, AmendOutlinePanel, regulation_file);
  gtk_widget_class_bind_template_child (widget_class, AmendOutlinePanel, outline_view);
  gtk_widget_class_bind_template_child (widget_class, AmendOutlinePanel, amendments_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amendoutlinepanel");
}

static void
amend_outline_panel_init (AmendOutlinePanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (AMEND_TYPE_OUTLINE_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->items));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->outline_view, "activate", G_CALLBACK (outline_activated), self);
  g_signal_connect (self->amendments_list, "row-activated", G_CALLBACK (amendment_activated), self);
}
