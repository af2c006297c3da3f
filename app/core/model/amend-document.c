/* amend-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-document-private.h"

struct _AmendDocument
{
  GObject     parent_instance;

  AmendNode  *root;
  GArray     *meta;         /* of AmendMetaEntry */
  GPtrArray  *diagnostics;  /* of AmendDiagnostic */
  GHashTable *eids;         /* eId -> AmendNode, built on demand */
  guint       n_lines;
};

G_DEFINE_FINAL_TYPE (AmendDocument, amend_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (amend-error-quark, amend_error)

static void
meta_entry_clear (gpointer data)
{
  AmendMetaEntry *entry = data;

  g_clear_pointer (&entry->key, g_free);
  g_clear_pointer (&entry->value, g_free);
}

static void
amend_document_finalize (GObject *object)
{
  AmendDocument *self = (AmendDocument *) object;

  g_clear_pointer (&self->root, amend_node_free);
  g_clear_pointer (&self->meta, g_array_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->eids, g_hash_table_unref);

  G_OBJECT_CLASS (amend_document_parent_class)->finalize (object);
}

static void
amend_document_class_init (AmendDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amend_document_finalize;
}

static void
amend_document_init (AmendDocument *self)
{
  self->root = amend_node_new (AMEND_NODE_REGULATION);
  self->meta = g_array_new (FALSE, TRUE, sizeof (AmendMetaEntry));
  g_array_set_clear_func (self->meta, meta_entry_clear);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
}

AmendDocument *
amend_document_new (void)
{
  return g_object_new (AMEND_TYPE_DOCUMENT, NULL);
}

/**
 * amend_document_new_from_data:
 *
 * Reads a regulation in Markdown, canonical or loose.  This is the one entry
 * point of the parser (the fuzz target calls it): any bytes give a document,
 * with what was wrong in its diagnostics, except input over
 * %AMEND_MAX_DOCUMENT_SIZE.
 */
AmendDocument *
amend_document_new_from_data (const char  *data,
                              gsize        len,
                              GError     **error)
{
  return _amend_markdown_read (data, len, NULL, AMEND_READ_EIDS, error);
}

/**
 * amend_document_new_for_markdown:
 * @data: the text, followed by a NUL byte (as g_file_get_contents() and
 *   amend_read_file() give it)
 *
 * As amend_document_new_from_data(), for a caller that only writes the
 * document's Markdown again (amend fmt): its nodes get no eIds, which the
 * Markdown does not hold (a sixth of the model's memory and a tenth of
 * amend fmt's work), and a text that is valid as it is is read where it
 * is, without a copy.  amend_document_assign_eids() gives the eIds.
 */
AmendDocument *
amend_document_new_for_markdown (const char  *data,
                                 gsize        len,
                                 GError     **error)
{
  return _amend_markdown_read (data, len, NULL, AMEND_READ_TERMINATED, error);
}

/**
 * amend_document_new_take_data:
 * @data: (transfer full): the text, freed by this function
 *
 * As amend_document_new_from_data(), freeing @data as soon as it has been
 * read, so that a large file is not held twice.
 */
AmendDocument *
amend_document_new_take_data (char       *data,
                              gsize       len,
                              GError    **error)
{
  return _amend_markdown_read (data, len, data, AMEND_READ_EIDS | AMEND_READ_TERMINATED, error);
}

AmendNode *
amend_document_get_root (AmendDocument *self)
{
  g_return_val_if_fail (AMEND_IS_DOCUMENT (self), NULL);
  return self->root;
}

GPtrArray *
amend_document_get_diagnostics (AmendDocument *self)
{
  g_return_val_if_fail (AMEND_IS_DOCUMENT (self), NULL);
  return self->diagnostics;
}

void
amend_document_add_diagnostic (AmendDocument *self,
                               AmendSeverity  severity,
                               guint          line,
                               const char    *eid,
                               const char    *format,
                               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->diagnostics, amend_diagnostic_new (severity, line, eid, message));
}

gboolean
amend_document_has_errors (AmendDocument *self)
{
  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const AmendDiagnostic *diag = g_ptr_array_index (self->diagnostics, i);
      if (diag->severity == AMEND_SEVERITY_ERROR)
        return TRUE;
    }
  return FALSE;
}

GArray *
amend_document_get_meta_entries (AmendDocument *self)
{
  return self->meta;
}

const char *
amend_document_get_meta (AmendDocument *self,
                         const char    *key)
{
  g_return_val_if_fail (AMEND_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->meta->len; i++)
    {
      const AmendMetaEntry *entry = &g_array_index (self->meta, AmendMetaEntry, i);
      if (g_strcmp0 (entry->key, key) == 0)
        return entry->value;
    }
  return NULL;
}

void
amend_document_set_meta (AmendDocument *self,
                         const char    *key,
                         const char    *value)
{
  AmendMetaEntry entry = { 0 };

  g_return_if_fail (AMEND_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  for (guint i = 0; i < self->meta->len; i++)
    {
      AmendMetaEntry *e = &g_array_index (self->meta, AmendMetaEntry, i);
      if (g_strcmp0 (e->key, key) == 0)
        {
          if (value == NULL)
            g_array_remove_index (self->meta, i);
          else
            {
              g_free (e->value);
              e->value = g_strdup (value);
            }
          return;
        }
    }
  if (value == NULL)
    return;
  entry.key = g_strdup (key);
  entry.value = g_strdup (value);
  g_array_append_val (self->meta, entry);
}

GStrv
amend_document_dup_meta_keys (AmendDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->meta->len; i++)
    {
      const AmendMetaEntry *entry = &g_array_index (self->meta, AmendMetaEntry, i);
      if (entry->key)
        g_strv_builder_add (builder, entry->key);
    }
  return g_strv_builder_end (builder);
}

/* Front matter values are one line of YAML-like text.  Values that YAML
 * would read differently are written in double quotes. */
char *
_amend_meta_quote (const char *value)
{
  GString *str;
  gboolean plain;

  plain = value[0] != '\0'
    && !g_ascii_isspace (value[0])
    && !g_ascii_isspace (value[strlen (value) - 1])
    && strchr ("\"'[]{}>|*&!%@`#,?:-", value[0]) == NULL
    && strstr (value, ": ") == NULL
    && strstr (value, " #") == NULL;
  if (plain || (value[0] == '-' && value[1] != ' ' && value[1] != '\0'
                && strstr (value, ": ") == NULL && strstr (value, " #") == NULL
                && !g_ascii_isspace (value[strlen (value) - 1])))
    return g_strdup (value);

  str = g_string_new ("\"");
  for (const char *p = value; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');
  return g_string_free (str, FALSE);
}

char *
_amend_meta_unquote (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    {
      GString *str = g_string_new (NULL);

      for (gsize i = 1; i < len - 1; i++)
        {
          if (value[i] == '\\' && i + 1 < len - 1)
            i++;
          g_string_append_c (str, value[i]);
        }
      return g_string_free (str, FALSE);
    }
  if (len >= 2 && value[0] == '\'' && value[len - 1] == '\'')
    {
      g_autofree char *inner = g_strndup (value + 1, len - 2);
      g_auto(GStrv) parts = g_strsplit (inner, "''", -1);
      return g_strjoinv ("'", parts);
    }
  return g_strdup (value);
}

void
_amend_document_add_meta_raw (AmendDocument *self,
                              const char    *line)
{
  AmendMetaEntry entry = { 0 };
  const char *colon = strchr (line, ':');
  gboolean is_key = colon != NULL && colon != line && (colon[1] == ' ' || colon[1] == '\0');

  for (const char *p = line; is_key && p < colon; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      is_key = FALSE;

  if (is_key)
    {
      g_autofree char *raw = g_strstrip (g_strdup (colon + 1));

      entry.key = g_strndup (line, colon - line);
      entry.value = _amend_meta_unquote (raw);
    }
  else
    entry.value = g_strdup (line);
  g_array_append_val (self->meta, entry);
}

void
_amend_document_set_line_count (AmendDocument *self,
                                guint          n_lines)
{
  self->n_lines = n_lines;
}

guint
amend_document_get_line_count (AmendDocument *self)
{
  return self->n_lines;
}

GPtrArray *
amend_document_get_articles (AmendDocument *self)
{
  GPtrArray *articles = g_ptr_array_new ();

  for (AmendNode *n = self->root; n != NULL; n = amend_node_next (n, self->root))
    if (n->kind == AMEND_NODE_ARTICLE)
      g_ptr_array_add (articles, n);
  return articles;
}

void
_amend_document_forget_eids (AmendDocument *self)
{
  g_clear_pointer (&self->eids, g_hash_table_unref);
}

/**
 * amend_document_drop_eids:
 *
 * Frees the eIds of every node, for a caller that only writes the
 * Markdown of a large text (amend fmt): they are a sixth of the model's
 * memory and the Markdown has none.  amend_document_assign_eids() gives
 * them back.
 */
void
amend_document_drop_eids (AmendDocument *self)
{
  g_return_if_fail (AMEND_IS_DOCUMENT (self));

  _amend_document_forget_eids (self);
  for (AmendNode *n = self->root; n != NULL; n = amend_node_next (n, self->root))
    g_clear_pointer (&n->eid, g_free);
}

AmendNode *
amend_document_find_eid (AmendDocument *self,
                         const char    *eid)
{
  if (self->eids == NULL)
    {
      self->eids = g_hash_table_new (g_str_hash, g_str_equal);
      for (AmendNode *n = self->root; n != NULL; n = amend_node_next (n, self->root))
        if (n->eid)
          g_hash_table_insert (self->eids, n->eid, n);
    }
  return g_hash_table_lookup (self->eids, eid);
}

char *
amend_document_to_markdown (AmendDocument *self)
{
  g_return_val_if_fail (AMEND_IS_DOCUMENT (self), NULL);
  return _amend_markdown_write (self);
}
