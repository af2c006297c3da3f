/* amend-collision.h: amendments that touch the same text, and the voting order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-amendment.h"

G_BEGIN_DECLS

/* Two open amendments that change the same articles. */
typedef struct {
  AmendAmendment *a;
  AmendAmendment *b;
  GStrv           files;             /* the regulations both change */
  GStrv           articles;          /* the articles both change */
  GStrv           nodes;             /* the eIds both change (in the base) */
  gboolean        a_then_b;          /* b can still be adopted after a */
  GStrv           a_then_b_conflicts;
  gboolean        b_then_a;
  GStrv           b_then_a_conflicts;
} AmendCollision;

/* One amendment in the proposed voting order. */
typedef struct {
  AmendAmendment *amendment;
  guint           reach;             /* words and nodes it changes: how far it reaches */
  GPtrArray      *competes;          /* of AmendAmendment: those it collides with */
  GPtrArray      *lapses;            /* of AmendAmendment: those that lapse when it is adopted */
  AmendAmendment *before;            /* a subamendment: the amendment it is voted before */
  gboolean        furthest;          /* the most far-reaching of those it competes with */
} AmendVotingStep;

#define AMEND_TYPE_COLLISIONS (amend_collisions_get_type ())

G_DECLARE_FINAL_TYPE (AmendCollisions, amend_collisions, AMEND, COLLISIONS, GObject)

AmendCollisions *amend_collisions_find            (AmendRepository *repo,
                                                   gboolean         concepts,
                                                   GError         **error);
GPtrArray       *amend_collisions_get_amendments  (AmendCollisions *self);
GPtrArray       *amend_collisions_get_pairs       (AmendCollisions *self);
GPtrArray       *amend_collisions_get_order       (AmendCollisions *self);
GPtrArray       *amend_collisions_get_unreadable  (AmendCollisions *self);
guint            amend_collisions_count_trials    (AmendCollisions *self);

G_END_DECLS
