/* amend-xml-import.h: CVDR, STOP and Akoma Ntoso into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

AmendDocument *amend_xml_import      (const char  *data,
                                      gsize        len,
                                      const char  *name,
                                      GPtrArray   *warnings,
                                      GError     **error);
AmendDocument *amend_xml_import_file (GFile       *file,
                                      GPtrArray   *warnings,
                                      GError     **error);

G_END_DECLS
