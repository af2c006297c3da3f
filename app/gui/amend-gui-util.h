/* amend-gui-util.h: small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline void
amend_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

/* A card with room inside: the card is returned, @inner gets the box to
 * fill.  Margins, not CSS, so that it looks the same without the
 * application's style sheet (the tests have none). */
static inline GtkWidget *
amend_card_new (GtkWidget **inner)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (*inner, 12);
  gtk_widget_set_margin_end (*inner, 12);
  gtk_widget_set_margin_top (*inner, 10);
  gtk_widget_set_margin_bottom (*inner, 10);
  gtk_box_append (GTK_BOX (card), *inner);
  return card;
}

G_END_DECLS
