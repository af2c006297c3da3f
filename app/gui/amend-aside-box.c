/* amend-aside-box.c: a widget with another beside it, or under it where there is no room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comments of an article stand beside its renvooi, as in the margin
 * of a paper, when the page is wide enough for both; on a phone they go
 * under it.  libadwaita 1.2 has no breakpoints, and a GtkFlowBox gives
 * each child the same width; this box gives the text three fifths and
 * decides per allocation.
 */
#include "config.h"

#include "amend-aside-box.h"

#define BESIDE_FROM  600  /* pixels wide: below this the aside goes under */
#define SPACING      24
#define MAIN_SHARE   0.6

struct _AmendAsideBox
{
  GtkWidget  parent_instance;

  GtkWidget *main;
  GtkWidget *aside;
  gboolean   beside;
};

G_DEFINE_FINAL_TYPE (AmendAsideBox, amend_aside_box, GTK_TYPE_WIDGET)

/* Beside each other when @width holds both at their minimum widths and
 * at least BESIDE_FROM; then *main_w is the text's width: three fifths,
 * moved so that neither goes below its minimum (a child allocated or
 * measured below its minimum makes GTK compute nonsense sizes). */
static gboolean
split_width (AmendAsideBox *self,
             int            width,
             int           *main_w)
{
  int main_min = 0, aside_min = 0, w;

  if (width < BESIDE_FROM)
    return FALSE;
  gtk_widget_measure (self->main, GTK_ORIENTATION_HORIZONTAL, -1, &main_min, NULL, NULL, NULL);
  gtk_widget_measure (self->aside, GTK_ORIENTATION_HORIZONTAL, -1, &aside_min, NULL, NULL, NULL);
  if (main_min + SPACING + aside_min > width)
    return FALSE;
  w = (int) ((width - SPACING) * MAIN_SHARE);
  w = CLAMP (w, main_min, width - SPACING - aside_min);
  *main_w = w;
  return TRUE;
}

static void
amend_aside_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AmendAsideBox *self = AMEND_ASIDE_BOX (widget);
  int main_min = 0, main_nat = 0, aside_min = 0, aside_nat = 0, w = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->main, orientation, -1, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->aside, orientation, -1, &aside_min, &aside_nat, NULL, NULL);
      *minimum = MAX (main_min, aside_min);
      *natural = MAX (main_nat + SPACING + aside_nat, *minimum);
      return;
    }
  if (for_size >= 0 && split_width (self, for_size, &w))
    {
      gtk_widget_measure (self->main, orientation, w, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->aside, orientation, for_size - SPACING - w, &aside_min, &aside_nat, NULL, NULL);
      *minimum = MAX (main_min, aside_min);
      *natural = MAX (main_nat, aside_nat);
      return;
    }
  gtk_widget_measure (self->main, orientation, for_size, &main_min, &main_nat, NULL, NULL);
  gtk_widget_measure (self->aside, orientation, for_size, &aside_min, &aside_nat, NULL, NULL);
  *minimum = main_min + SPACING / 2 + aside_min;
  *natural = main_nat + SPACING / 2 + aside_nat;
}

static void
amend_aside_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AmendAsideBox *self = AMEND_ASIDE_BOX (widget);
  int main_h = 0, w = 0;

  self->beside = split_width (self, width, &w);
  if (self->beside)
    {
      gtk_widget_allocate (self->main, w, height, -1, NULL);
      gtk_widget_allocate (self->aside, width - SPACING - w, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (w + SPACING, 0)));
      return;
    }
  gtk_widget_measure (self->main, GTK_ORIENTATION_VERTICAL, width, NULL, &main_h, NULL, NULL);
  main_h = MIN (main_h, height);
  gtk_widget_allocate (self->main, width, main_h, -1, NULL);
  gtk_widget_allocate (self->aside, width, MAX (height - main_h - SPACING / 2, 0), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, main_h + SPACING / 2)));
}

static GtkSizeRequestMode
amend_aside_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
amend_aside_box_dispose (GObject *object)
{
  AmendAsideBox *self = AMEND_ASIDE_BOX (object);

  g_clear_pointer (&self->main, gtk_widget_unparent);
  g_clear_pointer (&self->aside, gtk_widget_unparent);
  G_OBJECT_CLASS (amend_aside_box_parent_class)->dispose (object);
}

static void
amend_aside_box_class_init (AmendAsideBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_aside_box_dispose;
  widget_class->measure = amend_aside_box_measure;
  widget_class->size_allocate = amend_aside_box_size_allocate;
  widget_class->get_request_mode = amend_aside_box_get_request_mode;
}

static void
amend_aside_box_init (AmendAsideBox *self)
{
}

GtkWidget *
amend_aside_box_new (GtkWidget *main,
                     GtkWidget *aside)
{
  AmendAsideBox *self = g_object_new (AMEND_TYPE_ASIDE_BOX, NULL);

  self->main = main;
  self->aside = aside;
  gtk_widget_set_parent (main, GTK_WIDGET (self));
  gtk_widget_set_parent (aside, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/* Whether the aside stood beside the main widget at the last allocation. */
gboolean
amend_aside_box_is_beside (AmendAsideBox *self)
{
  return self->beside;
}
