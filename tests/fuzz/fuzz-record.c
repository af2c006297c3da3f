/* fuzz-record.c: libFuzzer target: the reader and writer of an amendment's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as the record of an amendment (.amend/amendementen/SLUG/amendement.ini,
 * amend_amendment_new_from_data, as every listing and every command on an
 * amendment reads it from its branch).  What is read is written, read
 * again and written again: the same bytes, and the same title, status,
 * submitters, motivation, dates, vote and amended amendment.  Then the
 * submitters and the motivation are set to what was read, as `amend
 * edit` sets them, and the record written then must read back with the
 * same values: what Amend sets is what it reads.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-fuzz.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  amend_fuzz_abort_on_critical ();
  (void) argc;
  (void) argv;
  return 0;
}

static gboolean
same_string (const char *a,
             const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static gboolean
same_date (GDateTime *a,
           GDateTime *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_date_time_equal (a, b));
}

static gboolean
same_vote (AmendAmendment *a,
           AmendAmendment *b)
{
  g_autoptr(AmendVote) va = amend_amendment_dup_vote (a);
  g_autoptr(AmendVote) vb = amend_amendment_dup_vote (b);

  if (va == NULL || vb == NULL)
    return va == vb;
  return same_string (va->date, vb->date) && same_string (va->meeting, vb->meeting) &&
         va->votes_for == vb->votes_for && va->votes_against == vb->votes_against && va->result == vb->result;
}

/* The first field in which two records differ, or NULL. */
static const char *
differing_field (AmendAmendment *a,
                 AmendAmendment *b)
{
  if (!same_string (amend_amendment_get_title (a), amend_amendment_get_title (b)))
    return "title";
  if (amend_amendment_get_status (a) != amend_amendment_get_status (b))
    return "status";
  if (!g_strv_equal ((const char * const *) amend_amendment_get_submitters (a),
                     (const char * const *) amend_amendment_get_submitters (b)))
    return "submitters";
  if (!same_string (amend_amendment_get_motivation (a), amend_amendment_get_motivation (b)))
    return "motivation";
  if (!same_date (amend_amendment_get_created (a), amend_amendment_get_created (b)))
    return "created";
  if (!same_date (amend_amendment_get_updated (a), amend_amendment_get_updated (b)))
    return "updated";
  if (!same_vote (a, b))
    return "vote";
  if (!same_string (amend_amendment_get_amends (a), amend_amendment_get_amends (b)))
    return "amends";
  return NULL;
}

static AmendAmendment *
read_back (const char *what,
           const char *data,
           gsize       len)
{
  g_autoptr(GError) error = NULL;
  AmendAmendment *again = amend_amendment_new_from_data ("fuzz", data, len, &error);

  if (again == NULL)
    {
      fprintf (stderr, "fuzz-record: %s does not read back: %s\n", what, error->message);
      abort ();
    }
  return again;
}

static void
expect_same (const char     *what,
             AmendAmendment *want,
             AmendAmendment *got)
{
  const char *field = differing_field (want, got);

  if (field != NULL)
    {
      fprintf (stderr, "fuzz-record: %s reads back with another %s\n", what, field);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AmendAmendment) first = NULL;
  g_autoptr(AmendAmendment) again = NULL;
  g_autoptr(AmendAmendment) edited = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *after_edit = NULL;
  g_autofree char *motivation = NULL;
  g_auto(GStrv) submitters = NULL;
  gsize len = 0;

  first = amend_amendment_new_from_data ("fuzz", (const char *) data, size, NULL);
  if (first == NULL)
    return 0;

  written = amend_amendment_to_data (first, &len);
  again = read_back ("the record written", written, len);
  expect_same ("the record written", first, again);
  rewritten = amend_amendment_to_data (again, NULL);
  if (strcmp (written, rewritten) != 0)
    {
      amend_fuzz_report_difference ("fuzz-record: the second write differs from the first", written, rewritten);
      abort ();
    }

  /* Set to what was read, as an edit does. */
  submitters = g_strdupv ((char **) amend_amendment_get_submitters (first));
  motivation = g_strdup (amend_amendment_get_motivation (first));
  amend_amendment_set_submitters (again, (const char * const *) submitters);
  if (motivation != NULL)
    amend_amendment_set_motivation (again, motivation);
  after_edit = amend_amendment_to_data (again, &len);
  edited = read_back ("the record edited", after_edit, len);
  expect_same ("the record edited", first, edited);
  return 0;
}
