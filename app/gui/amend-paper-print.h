/* amend-paper-print.h: the council paper through GtkPrintOperation, to paper or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-paper.h"

G_BEGIN_DECLS

GtkPrintOperation *amend_paper_print_new (GPtrArray  *items,
                                          const char *regulation_title,
                                          gboolean    in_order);

G_END_DECLS
