/* amend-amendments-page.c: every amendment, and the review of the one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each amendment with its status, submitters, the articles it changes, its
 * comments, and whether it applies cleanly to the draft, conflicts with
 * it, is already in it, or collides with other amendments — what amend
 * list and amend collisions say, found by trial merges in a worker thread
 * (AmendProject's survey).  The survey runs when the page is shown and
 * the project changed, not on every save elsewhere in the window.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-amendments-page.h"
#include "amend-gui-util.h"
#include "amend-outline-panel.h"
#include "amend-paper.h"

struct _AmendAmendmentsPage
{
  GtkWidget        parent_instance;

  AdwLeaflet      *leaflet;
  GtkStack        *list_stack;
  GtkSpinner      *list_spinner;
  GtkListBox      *amendments_list;
  AdwStatusPage   *list_status;
  GtkWidget       *detail_pane;
  GtkWidget       *separator;
  AmendReviewPage *review_page;

  AmendProject    *project;
  AmendSurvey     *survey;
  GCancellable    *cancellable;
  char            *chosen;      /* the slug shown in the review page */
  gboolean         stale;       /* the project changed since the last survey */
  gboolean         busy;
  gboolean         filling;
  gboolean         focus_wanted; /* shown from the keyboard before its list was in */
};

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendAmendmentsPage, amend_amendments_page, GTK_TYPE_WIDGET)

static GtkWidget *
caption (const char *text,
         gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static AmendAmendment *find_amendment (AmendAmendmentsPage *self,
                                       const char          *slug);

/* The title of the amendment @a amends, NULL when it goes into the draft. */
static const char *
target_title (AmendAmendmentsPage *self,
              AmendAmendment      *a)
{
  const char *amends = amend_amendment_get_amends (a);
  AmendAmendment *target = find_amendment (self, amends);

  return target ? amend_amendment_get_title (target) : amends;
}

/* Without articles: an adopted amendment's changes are where it went (the
 * articles are those it changes against what it would go into, none once
 * it is in), the others have changed none (yet, while still open). */
static char *
no_articles (AmendAmendmentsPage *self,
             AmendAmendment      *a)
{
  const char *into = target_title (self, a);

  switch (amend_amendment_get_status (a))
    {
    case AMEND_STATUS_ADOPTED:
      return into ? g_strdup_printf (_("Its changes are in “%s”"), into) : g_strdup (_("Its changes are in the draft"));
    case AMEND_STATUS_REJECTED:
    case AMEND_STATUS_WITHDRAWN:
      return g_strdup (_("No article changed"));
    case AMEND_STATUS_CONCEPT:
    case AMEND_STATUS_SUBMITTED:
    default:
      return g_strdup (_("No article changed yet"));
    }
}

static char *
articles_of (const char * const *articles)
{
  guint n = g_strv_length ((char **) articles);
  g_autofree char *list = g_strjoinv (", ", (char **) articles);

  return g_strdup_printf (ngettext ("Article %s", "Articles %s", n), list);
}

/* "Article 1:2 in apv.md, article 1 in markt.md": the articles of each
 * regulation, where the numbers of two would run together. */
static char *
articles_by_file (GPtrArray *files)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      AmendTouchedFile *file = g_ptr_array_index (files, i);
      g_autofree char *articles = file->articles && file->articles[0] ? articles_of ((const char * const *) file->articles)
                                                                      : NULL;

      if (articles == NULL)
        continue;
      if (s->len)
        g_string_append (s, "; ");
      /* TRANSLATORS: "Article 1:2 in apv.md" */
      g_string_append_printf (s, _("%s in %s"), articles, file->path);
    }
  return g_string_free (s, FALSE);
}

/* "Article 1:2, 2:4 · 3 comments" */
static char *
articles_line (AmendAmendmentsPage *self,
               AmendAmendment      *a)
{
  const char * const *articles = amend_amendment_get_articles (a);
  guint n = articles ? g_strv_length ((char **) articles) : 0;
  guint comments = amend_survey_count_comments (self->survey, amend_amendment_get_slug (a));
  GPtrArray *files = amend_amendment_get_files (a);
  g_autofree char *first = n == 0 ? no_articles (self, a)
                           : files && files->len > 1 ? articles_by_file (files)
                           : articles_of (articles);

  if (comments == 0)
    return g_steal_pointer (&first);
  return g_strdup_printf (ngettext ("%s · %u comment", "%s · %u comments", comments), first, comments);
}

/* Whether it applies, and what it collides with: the line of a row that
 * says whether the council can adopt it as it is. */
static char *
merge_line (AmendAmendmentsPage *self,
            AmendAmendment      *a,
            const char         **icon)
{
  g_autoptr(GPtrArray) pairs = amend_survey_collisions_of (self->survey, amend_amendment_get_slug (a));
  g_autoptr(GString) s = g_string_new (NULL);
  /* A subamendment goes into the amendment it amends, not the draft. */
  const char *into = target_title (self, a);
  const char *lapsed_by = amend_survey_lapsed_by (self->survey, amend_amendment_get_slug (a));
  const char *lapsed_with = amend_survey_lapsed_with (self->survey, amend_amendment_get_slug (a));

  *icon = NULL;
  switch (amend_amendment_get_apply_state (a))
    {
    case AMEND_APPLY_CLEAN:
      if (into)
        g_string_append_printf (s, _("Applies cleanly to “%s”"), into);
      else
        g_string_append (s, _("Applies cleanly to the draft"));
      *icon = "emblem-ok-symbolic";
      break;
    case AMEND_APPLY_CONFLICTS:
      if (lapsed_by)
        g_string_append_printf (s, _("Lapsed: “%s” was adopted"), lapsed_by);
      else if (into)
        g_string_append_printf (s, _("Conflicts with “%s”"), into);
      else
        g_string_append (s, _("Conflicts with the draft"));
      *icon = "dialog-warning-symbolic";
      break;
    case AMEND_APPLY_CONTAINED:
      if (into)
        g_string_append_printf (s, _("Already in “%s”"), into);
      else
        g_string_append (s, _("Already in the draft"));
      *icon = "emblem-ok-symbolic";
      break;
    case AMEND_APPLY_REFUSED:
      /* Lapsed first: it decides whether the council votes on it. */
      if (lapsed_by)
        g_string_append_printf (s, _("Lapsed: “%s” was adopted; and it changes %s, which is not its own"), lapsed_by,
                                amend_amendment_get_apply_conflicts (a)[0]);
      else
        g_string_append_printf (s, _("Cannot be adopted: it changes %s, which is not its own"),
                                amend_amendment_get_apply_conflicts (a)[0]);
      *icon = "dialog-warning-symbolic";
      break;
    case AMEND_APPLY_UNKNOWN:
    default:
      break;
    }
  if (lapsed_with)
    {
      g_string_truncate (s, 0);
      g_string_append_printf (s, _("Lapsed with “%s”, which it amends"), lapsed_with);
      *icon = "dialog-warning-symbolic";
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      AmendCollision *c = g_ptr_array_index (pairs, i);
      AmendAmendment *other = g_strcmp0 (amend_amendment_get_slug (c->a), amend_amendment_get_slug (a)) == 0 ? c->b : c->a;
      g_autofree char *title = amend_amendment_dup_list_title (other, self->survey->amendments);
      g_autofree char *with = g_strdup_printf ((c->a_then_b && c->b_then_a) ? _("shares articles with “%s”")
                                                                             : _("collides with “%s”"), title);

      g_string_append_printf (s, "%s%s", s->len ? "; " : "", with);
      if (!(c->a_then_b && c->b_then_a))
        *icon = "dialog-warning-symbolic";
    }
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

/* "Regulation: markt.md": in a project of several regulations, the ones
 * it changes, as its review page shows them. */
static char *
regulations_line (AmendAmendmentsPage *self,
                  AmendAmendment      *a)
{
  const char * const *found = amend_survey_regulations_of (self->survey, amend_amendment_get_slug (a));
  g_autofree char *list = found ? g_strjoinv (", ", (char **) found) : NULL;

  if (list == NULL)
    return NULL;
  return g_strdup_printf (ngettext ("Regulation: %s", "Regulations: %s", g_strv_length ((char **) found)), list);
}

/* "Vote 2 of 4": where the council votes on it, for a submitted one
 * that has not lapsed (the survey leaves those out). */
static char *
order_line (AmendAmendmentsPage *self,
            AmendAmendment      *a)
{
  const char *slug = amend_amendment_get_slug (a);
  guint of = 0;
  guint place = amend_survey_voting_place (self->survey, slug, &of);

  if (place == 0)
    return NULL;
  /* TRANSLATORS: its place in the voting order of the submitted amendments */
  return g_strdup_printf (_("Vote %u of %u"), place, of);
}

/* What a row shows of @a: its lines, made anew on each survey into the
 * row that stays. */
static GtkWidget *
amendment_box (AmendAmendmentsPage *self,
               AmendAmendment      *a)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *shown = amend_amendment_dup_list_title (a, self->survey ? self->survey->amendments : NULL);
  GtkWidget *title = gtk_label_new (shown);
  g_autofree char *status = amend_status_label (amend_amendment_get_status (a));
  g_autofree char *names = amend_paper_names (amend_amendment_get_submitters (a));
  g_autofree char *who = *names ? g_strdup_printf ("%s · %s", status, names) : g_strdup (status);
  g_autofree char *articles = articles_line (self, a);
  const char *icon = NULL;
  g_autofree char *merge = merge_line (self, a, &icon);
  g_autofree char *order = order_line (self, a);
  g_autofree char *regulations = regulations_line (self, a);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption (who, TRUE));
  if (order)
    gtk_box_append (GTK_BOX (box), caption (order, TRUE));
  if (amend_amendment_get_amends (a))
    {
      g_autofree char *amends = g_strdup_printf (_("Amends “%s”"), target_title (self, a));

      gtk_box_append (GTK_BOX (box), caption (amends, TRUE));
    }
  if (regulations)
    gtk_box_append (GTK_BOX (box), caption (regulations, TRUE));
  gtk_box_append (GTK_BOX (box), caption (articles, TRUE));
  if (merge)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      if (icon)
        {
          GtkWidget *image = gtk_image_new_from_icon_name (icon);

          gtk_widget_set_valign (image, GTK_ALIGN_START);
          gtk_widget_add_css_class (image, g_str_equal (icon, "dialog-warning-symbolic") ? "warning" : "success");
          gtk_box_append (GTK_BOX (line), image);
        }
      gtk_box_append (GTK_BOX (line), caption (merge, FALSE));
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

static AmendAmendment *
find_amendment (AmendAmendmentsPage *self,
                const char          *slug)
{
  for (guint i = 0; self->survey && slug && i < self->survey->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (self->survey->amendments, i);

      if (g_strcmp0 (amend_amendment_get_slug (a), slug) == 0)
        return a;
    }
  return NULL;
}

GtkWidget *
amend_amendments_page_get_row (AmendAmendmentsPage *self,
                               const char          *slug)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->amendments_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "slug"), slug) == 0)
      return row;
  return NULL;
}

static void
show_chosen (AmendAmendmentsPage *self)
{
  AmendAmendment *a = find_amendment (self, self->chosen);

  amend_review_page_show (self->review_page, self->project, self->survey, a);
}

/* Without amendments there is nothing to review: the page says so once,
 * across its width. */
static void
show_list_only (AmendAmendmentsPage *self,
                gboolean             only)
{
  gtk_widget_set_visible (self->detail_pane, !only);
  gtk_widget_set_visible (self->separator, !only);
  gtk_widget_set_hexpand (GTK_WIDGET (self->list_stack), only);
}

/* Not submitted: after all that are. */
static guint
voting_place (AmendSurvey    *survey,
              AmendAmendment *a)
{
  guint of;
  guint place = amend_survey_voting_place (survey, amend_amendment_get_slug (a), &of);

  return place ? place : G_MAXUINT;
}

static int
by_voting_place (gconstpointer a,
                 gconstpointer b,
                 gpointer      survey)
{
  guint pa = voting_place (survey, *(AmendAmendment **) a);
  guint pb = voting_place (survey, *(AmendAmendment **) b);

  return (pa > pb) - (pa < pb);
}

/* The submitted ones first, in the order the council votes on them; the
 * others after them as amend list gives them (a stable sort). */
static GPtrArray *
in_voting_order (AmendSurvey *survey)
{
  /* Its own array: a copy would unref them with the survey's free func. */
  GPtrArray *sorted = g_ptr_array_sized_new (survey->amendments->len);

  g_ptr_array_extend (sorted, survey->amendments, NULL, NULL);
  g_ptr_array_sort_with_data (sorted, by_voting_place, survey);
  return sorted;
}

static int
by_place (GtkListBoxRow *a,
          GtkListBoxRow *b,
          gpointer       data)
{
  guint pa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "place"));
  guint pb = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "place"));

  return (pa > pb) - (pa < pb);
}

/* The rows of the amendments gone; whether the focus was in one. */
static gboolean
remove_gone (AmendAmendmentsPage *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->amendments_list));
  gboolean had_focus = FALSE;

  while (row)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      if (find_amendment (self, g_object_get_data (G_OBJECT (row), "slug")) == NULL)
        {
          had_focus |= gtk_widget_has_focus (row) || gtk_widget_get_focus_child (row) != NULL;
          gtk_list_box_remove (self->amendments_list, row);
        }
      row = next;
    }
  return had_focus;
}

/* A branch amendement/SLUG whose record cannot be read: shown after the
 * others, neither chosen nor reviewed, with the sentence that says what
 * to do (as amend list says it on standard error). */
static GtkWidget *
unreadable_row (AmendUnreadable *u)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *title = g_strdup_printf (_("%s cannot be read"), u->branch);
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (image, "warning");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (line), image);
  gtk_box_append (GTK_BOX (line), heading);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), caption (u->message, TRUE));
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "unreadable", g_strdup (u->slug), g_free);
  return row;
}

static void
add_unreadable (AmendAmendmentsPage *self)
{
  GPtrArray *unreadable = self->survey->unreadable;

  for (guint i = 0; unreadable && i < unreadable->len; i++)
    {
      GtkWidget *row = unreadable_row (g_ptr_array_index (unreadable, i));

      g_object_set_data (G_OBJECT (row), "place", GUINT_TO_POINTER (self->survey->amendments->len + i));
      gtk_list_box_append (self->amendments_list, row);
    }
}

static guint
n_listed (AmendSurvey *survey)
{
  return survey->amendments->len + (survey->unreadable ? survey->unreadable->len : 0);
}

/* The rows are kept and their lines made anew, each in its place in the
 * voting order: a row taken away and put back took the keyboard focus
 * and the scrolling with it, whenever the window learned of a change (a
 * vote, a comment added in a terminal). */
static void
fill (AmendAmendmentsPage *self)
{
  g_autoptr(GPtrArray) sorted = in_voting_order (self->survey);
  GtkWidget *chosen_row;
  gboolean had_focus;

  self->filling = TRUE;
  had_focus = remove_gone (self);
  for (guint i = 0; i < sorted->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (sorted, i);
      GtkWidget *row = amend_amendments_page_get_row (self, amend_amendment_get_slug (a));

      if (row == NULL)
        {
          row = gtk_list_box_row_new ();
          g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (amend_amendment_get_slug (a)), g_free);
          gtk_list_box_append (self->amendments_list, row);
        }
      g_object_set_data (G_OBJECT (row), "place", GUINT_TO_POINTER (i));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), amendment_box (self, a));
    }
  add_unreadable (self);
  gtk_list_box_invalidate_sort (self->amendments_list);
  gtk_stack_set_visible_child_name (self->list_stack, n_listed (self->survey) ? "list" : "message");
  show_list_only (self, self->survey->amendments->len == 0);
  chosen_row = amend_amendments_page_get_row (self, self->chosen);
  if (chosen_row)
    gtk_list_box_select_row (self->amendments_list, GTK_LIST_BOX_ROW (chosen_row));
  else
    g_clear_pointer (&self->chosen, g_free);
  self->filling = FALSE;
  show_chosen (self);
  if ((self->focus_wanted || had_focus) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    amend_amendments_page_focus_list (self);
}

static void
survey_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AmendAmendmentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AmendSurvey *survey = amend_project_survey_finish (AMEND_PROJECT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_spinner_stop (self->list_spinner);
  if (survey == NULL)
    {
      adw_status_page_set_icon_name (self->list_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->list_status, _("Cannot Read the Amendments"));
      adw_status_page_set_description (self->list_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "message");
      show_list_only (self, TRUE);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  g_clear_pointer (&self->survey, amend_survey_free);
  self->survey = survey;
  fill (self);
  g_signal_emit (self, signals[LOADED], 0);
}

void
amend_amendments_page_reload (AmendAmendmentsPage *self)
{
  g_return_if_fail (AMEND_IS_AMENDMENTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project == NULL)
    return;
  self->stale = FALSE;
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  gtk_spinner_start (self->list_spinner);
  if (self->survey == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  amend_project_survey_async (self->project, self->cancellable, survey_done, g_object_ref (self));
}

/* Looked at again when shown: the trial merges are not free. */
void
amend_amendments_page_set_project (AmendAmendmentsPage *self,
                                   AmendProject        *project)
{
  g_return_if_fail (AMEND_IS_AMENDMENTS_PAGE (self));

  if (self->project && g_strcmp0 (amend_project_get_path (self->project), amend_project_get_path (project)) != 0)
    {
      g_clear_pointer (&self->survey, amend_survey_free);
      g_clear_pointer (&self->chosen, g_free);
    }
  g_set_object (&self->project, project);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    amend_amendments_page_reload (self);
}

static void
mapped (GtkWidget           *widget,
        AmendAmendmentsPage *self)
{
  if (self->stale)
    amend_amendments_page_reload (self);
}

static void
row_selected (GtkListBox          *list,
              GtkListBoxRow       *row,
              AmendAmendmentsPage *self)
{
  const char *slug = row ? g_object_get_data (G_OBJECT (row), "slug") : NULL;

  if (self->filling || slug == NULL)
    return;
  g_free (self->chosen);
  self->chosen = g_strdup (slug);
  show_chosen (self);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

void
amend_amendments_page_select (AmendAmendmentsPage *self,
                              const char          *slug)
{
  GtkWidget *row = amend_amendments_page_get_row (self, slug);

  if (row)
    gtk_list_box_select_row (self->amendments_list, GTK_LIST_BOX_ROW (row));
  else
    {
      /* Chosen once the list is in. */
      g_free (self->chosen);
      self->chosen = g_strdup (slug);
    }
}

gboolean
amend_amendments_page_is_busy (AmendAmendmentsPage *self)
{
  return self->busy || amend_review_page_is_busy (self->review_page);
}

AmendSurvey *
amend_amendments_page_get_survey (AmendAmendmentsPage *self)
{
  return self->survey;
}

AmendReviewPage *
amend_amendments_page_get_review (AmendAmendmentsPage *self)
{
  return self->review_page;
}

static void
go_back (AmendAmendmentsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
amend_amendments_page_dispose (GObject *object)
{
  AmendAmendmentsPage *self = (AmendAmendmentsPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_AMENDMENTS_PAGE);
  amend_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->project);
  g_clear_pointer (&self->survey, amend_survey_free);
  g_clear_pointer (&self->chosen, g_free);
  G_OBJECT_CLASS (amend_amendments_page_parent_class)->dispose (object);
}

static void
amend_amendments_page_class_init (AmendAmendmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amend_amendments_page_dispose;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  g_type_ensure (AMEND_TYPE_REVIEW_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-amendments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, amendments_list);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, list_status);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, separator);
  gtk_widget_class_bind_template_child (widget_class, AmendAmendmentsPage, review_page);
  gtk_widget_class_bind_template_callback (widget_class, go_back);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Tab from the list goes on to the review page beside it: GtkListBox
 * takes Tab to the next row (and each row chosen opens its review), so
 * the Vote button lay behind every amendment in the list.  The arrows
 * still go from row to row. */
static gboolean
list_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  AmendAmendmentsPage   *self)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) ||
      self->chosen == NULL || !gtk_widget_get_visible (self->detail_pane))
    return FALSE;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  return amend_review_page_focus (self->review_page);
}

/* Enter on a row opens its review: the focus goes to its first action
 * (on a phone the review slides in), as Tab does. */
static void
row_activated (GtkListBox          *list,
               GtkListBoxRow       *row,
               AmendAmendmentsPage *self)
{
  const char *slug = g_object_get_data (G_OBJECT (row), "slug");

  if (slug == NULL)
    return;
  if (g_strcmp0 (slug, self->chosen) != 0)
    gtk_list_box_select_row (list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  amend_review_page_focus (self->review_page);
}

/* Ctrl+Enter on a row: write in that amendment, as a click on it in the
 * sidebar does; only an open one (the review page's Write in It). */
static gboolean
write_in_chosen (GtkWidget *list,
                 GVariant  *args,
                 gpointer   data)
{
  AmendAmendmentsPage *self = data;

  if (self->chosen == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->review_page), "review.write", NULL);
}

static void
amend_amendments_page_init (AmendAmendmentsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_sort_func (self->amendments_list, by_place, NULL, NULL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->amendments_list), keys);
  g_signal_connect (self->amendments_list, "row-selected", G_CALLBACK (row_selected), self);
  g_signal_connect (self->amendments_list, "row-activated", G_CALLBACK (row_activated), self);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_callback_action_new (write_in_chosen, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->amendments_list), shortcuts);
  g_signal_connect (self, "map", G_CALLBACK (mapped), self);
}

/* The keyboard focus on the chosen row, or the first; once the list is
 * in when it is not yet (Alt+3 right after opening). */
void
amend_amendments_page_focus_list (AmendAmendmentsPage *self)
{
  GtkWidget *row;

  g_return_if_fail (AMEND_IS_AMENDMENTS_PAGE (self));

  row = amend_amendments_page_get_row (self, self->chosen);
  if (row == NULL)
    row = gtk_widget_get_first_child (GTK_WIDGET (self->amendments_list));
  self->focus_wanted = row == NULL;
  if (row)
    gtk_widget_grab_focus (row);
}
