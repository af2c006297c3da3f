/* amend-diagnostic.h: a finding about a regulation, with the line it is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  AMEND_SEVERITY_WARNING,
  AMEND_SEVERITY_ERROR,
} AmendSeverity;

typedef struct {
  guint         line;     /* 1-based; 0 when the finding is about the whole file */
  AmendSeverity severity;
  char         *eid;      /* the node it is about, if any */
  char         *message;  /* one translated sentence */
} AmendDiagnostic;

#define AMEND_TYPE_DIAGNOSTIC (amend_diagnostic_get_type ())

GType            amend_diagnostic_get_type     (void) G_GNUC_CONST;
AmendDiagnostic *amend_diagnostic_new          (AmendSeverity          severity,
                                                guint                  line,
                                                const char            *eid,
                                                const char            *message);
AmendDiagnostic *amend_diagnostic_copy         (const AmendDiagnostic *diag);
void             amend_diagnostic_free         (AmendDiagnostic       *diag);
const char      *amend_severity_to_string      (AmendSeverity          severity);
char            *amend_diagnostic_format       (const AmendDiagnostic *diag,
                                                const char            *filename);
void             amend_diagnostics_sort        (GPtrArray             *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendDiagnostic, amend_diagnostic_free)

G_END_DECLS
