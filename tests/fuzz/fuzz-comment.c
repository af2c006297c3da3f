/* fuzz-comment.c: libFuzzer target: the comment reader, writer and anchorer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes are read as a comment file.  What is read must be written so
 * that it reads back, and written again to the same bytes (resolving a
 * comment rewrites its file; nothing may be lost or changed on the way).
 * Its anchor is then looked for in a small regulation, so that hostile
 * quotes, prefixes and eIds go through the exact and the bounded-edit
 * search.  The sanitizers catch the rest.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-anchorer.h"
#include "amend-comment.h"
#include "amend-repository.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The regulation anchors are looked for in, read once; an anchorer of
 * its own for every input, as every listing has, so that its caches do
 * not grow over the run. */
static AmendAnchorer *
anchorer_new (void)
{
  static AmendDocument *doc;
  AmendAnchorer *anchorer = amend_anchorer_new (NULL, NULL);

  if (doc == NULL)
    {
      const char *text = amend_repository_get_template ();

      doc = amend_document_new_from_data (text, strlen (text), NULL);
    }
  amend_anchorer_set_document (anchorer, NULL, "regeling.md", doc);
  return anchorer;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AmendComment) comment = NULL;
  g_autoptr(AmendComment) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  comment = amend_comment_new_from_data (NULL, (const char *) data, size, NULL);
  if (comment == NULL)
    return 0;

  first = amend_comment_to_data (comment, &len);
  again = amend_comment_new_from_data (amend_comment_get_id (comment), first, len, &error);
  if (again == NULL)
    {
      fprintf (stderr, "fuzz-comment: what was written does not read back: %s\n", error->message);
      abort ();
    }
  second = amend_comment_to_data (again, NULL);
  if (strcmp (first, second) != 0)
    {
      fprintf (stderr, "fuzz-comment: the second write differs from the first\n");
      abort ();
    }
  {
    g_autoptr(AmendAnchorer) anchorer = anchorer_new ();

    amend_anchorer_resolve (anchorer, comment);
  }
  return 0;
}
