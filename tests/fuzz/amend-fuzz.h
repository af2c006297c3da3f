/* amend-fuzz.h: what the libFuzzer targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void amend_fuzz_describe_difference (GString    *out,
                                     const char *what,
                                     const char *first,
                                     const char *second);
void amend_fuzz_report_difference (const char *what,
                                   const char *first,
                                   const char *second);

void amend_fuzz_abort_on_critical (void);

G_END_DECLS
