/* amend-graph.h: how an amendment's branch stands to main, cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>
#include <glib.h>

G_BEGIN_DECLS

/* How far amend list follows a branch down to main: an amendment of more
 * saves than this is walked by libgit2. */
#define AMEND_GRAPH_LINEAR_STEPS 64

gboolean amend_graph_linear_distance (git_repository *git,
                                      const git_oid  *tip,
                                      const git_oid  *ancestor,
                                      guint           max_steps,
                                      guint          *distance);

G_END_DECLS
