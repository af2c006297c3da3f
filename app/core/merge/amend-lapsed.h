/* amend-lapsed.h: amendments that lapsed when another was adopted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-repository.h"
#include "amend-amendment.h"

G_BEGIN_DECLS

typedef struct _AmendLapsed AmendLapsed;

AmendLapsed    *amend_lapsed_find     (AmendRepository *repo,
                                       GPtrArray       *amendments);
AmendLapsed    *amend_lapsed_find_all (AmendRepository *repo,
                                       GError         **error);
AmendAmendment *amend_lapsed_by       (AmendLapsed     *self,
                                       const char      *slug);
AmendAmendment *amend_lapsed_with     (AmendLapsed     *self,
                                       const char      *slug);
gboolean        amend_lapsed_contains (AmendLapsed     *self,
                                       const char      *slug);
char           *amend_lapsed_describe (AmendLapsed     *self,
                                       const char      *slug);
void            amend_lapsed_free     (AmendLapsed     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendLapsed, amend_lapsed_free)

G_END_DECLS
