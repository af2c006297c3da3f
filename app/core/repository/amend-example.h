/* amend-example.h: the example project the first start opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-repository.h"

G_BEGIN_DECLS

/* The title and slug of the one amendment the example project carries. */
#define AMEND_EXAMPLE_AMENDMENT_TITLE "Kortere beslistermijn"
#define AMEND_EXAMPLE_AMENDMENT_SLUG  "kortere-beslistermijn"

AmendRepository *amend_example_create (const char  *source_file,
                                       const char  *dir,
                                       GError     **error);
AmendRepository *amend_example_ensure (const char  *source_file,
                                       const char  *dir,
                                       GError     **error);

G_END_DECLS
