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

  /* Refuse before reading: a huge file should not be loaded into memory first. */
  if (g_file_info_get_size (info) > AMEND_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB, too large for a regulation"),
                   name, AMEND_MAX_DOCUMENT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return NULL;

  return amend_document_new_from_data (data, len, error);
}

/**
 * amend_document_save:
 *
 * Writes the canonical Markdown atomically: g_file_replace_contents() writes
 * a temporary file in the same folder and renames it over the old one, so a
 * crash leaves either the old or the new file, never half of one.
 */
gboolean
amend_document_save (AmendDocument *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *text = amend_document_to_markdown (self);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, cancellable, error);
}
