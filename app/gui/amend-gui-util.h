/* amend-gui-util.h: small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-amendment.h"

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

/* An amendment's title as a list shows it: with its name after it when
 * another one of @all has the same title, as after an import that kept a
 * version changed on both sides beside this project's (x and x-2, one
 * title), which were two rows alike. */
static inline char *
amend_amendment_dup_list_title (AmendAmendment *a,
                                GPtrArray      *all)
{
  const char *title = amend_amendment_get_title (a);

  for (guint i = 0; all && i < all->len; i++)
    {
      AmendAmendment *other = g_ptr_array_index (all, i);

      if (other != a && g_strcmp0 (amend_amendment_get_title (other), title) == 0 &&
          g_strcmp0 (amend_amendment_get_slug (other), amend_amendment_get_slug (a)) != 0)
        return g_strdup_printf ("%s (%s)", title, amend_amendment_get_slug (a));
    }
  return g_strdup (title);
}

G_END_DECLS
