/* amend-document-file.c: a document read from and saved to a GFile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from amend-document.c because these use GIO, which the model
 * library (amend-model, linked alone by the amend program) does without.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-document-private.h"
#include "amend-file.h"

AmendDocument *
amend_document_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder; give the regulation's .md file"), name);
      return NULL;
    }

  /* Bounded, also for /dev/zero or a FIFO; a large file is refused
   * before it is read. */
  data = amend_read_file (file, AMEND_MAX_DOCUMENT_SIZE, &len, cancellable, error);
  if (data == NULL)
    return NULL;

  return amend_document_new_take_data (g_steal_pointer (&data), len, error);
}

/**
 * amend_document_save:
 *
 * Writes the canonical Markdown atomically (amend_write_file()): a
 * temporary file in the same folder renamed over the old one, so a crash
 * leaves either the old or the new file, never half of one (also in a
 * read-only folder, where g_file_replace_contents() wrote into the file).
 */
gboolean
amend_document_save (AmendDocument *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *text = amend_document_to_markdown (self);

  return amend_write_file (file, text, strlen (text), error);
}
