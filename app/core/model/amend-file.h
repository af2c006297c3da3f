/* amend-file.h: reading a file with a bound, writing one whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *amend_read_file (GFile         *file,
                       gsize          limit,
                       gsize         *len,
                       GCancellable  *cancellable,
                       GError       **error);
char *amend_read_fd   (int            fd,
                       const char    *name,
                       gsize          limit,
                       gsize         *len,
                       GError       **error);
void  amend_file_set_pipe_wait (guint ms);
gboolean amend_write_file (GFile         *file,
                           const char    *data,
                           gsize          len,
                           GError       **error);

G_END_DECLS
