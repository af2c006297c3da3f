/* amend-json-writer.h: JSON written as it is produced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AmendJsonWriter AmendJsonWriter;

AmendJsonWriter *amend_json_writer_new          (FILE            *sink);
void             amend_json_writer_free         (AmendJsonWriter *self);
char            *amend_json_writer_finish       (AmendJsonWriter *self,
                                                 gsize           *len);
gboolean         amend_json_writer_flush        (AmendJsonWriter *self);
void             amend_json_writer_begin_object (AmendJsonWriter *self);
void             amend_json_writer_end_object   (AmendJsonWriter *self);
void             amend_json_writer_begin_array  (AmendJsonWriter *self);
void             amend_json_writer_end_array    (AmendJsonWriter *self);
void             amend_json_writer_member       (AmendJsonWriter *self,
                                                 const char      *name);
void             amend_json_writer_string       (AmendJsonWriter *self,
                                                 const char      *value);
void             amend_json_writer_string_len   (AmendJsonWriter *self,
                                                 const char      *value,
                                                 gsize            len);
void             amend_json_writer_int          (AmendJsonWriter *self,
                                                 gint64           value);
void             amend_json_writer_boolean      (AmendJsonWriter *self,
                                                 gboolean         value);
void             amend_json_writer_null         (AmendJsonWriter *self);

/* name: value, with NULL written as null */
void             amend_json_writer_member_string (AmendJsonWriter *self,
                                                  const char      *name,
                                                  const char      *value);
void             amend_json_writer_member_int    (AmendJsonWriter *self,
                                                  const char      *name,
                                                  gint64           value);
void             amend_json_writer_member_boolean (AmendJsonWriter *self,
                                                   const char      *name,
                                                   gboolean         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendJsonWriter, amend_json_writer_free)

G_END_DECLS
