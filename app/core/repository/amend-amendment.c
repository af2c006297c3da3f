/* amend-amendment.c: an amendment: a branch amendement/<slug> and its record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record travels inside the branch, in
 * .amend/amendementen/<slug>/amendement.ini (DESIGN.md section 3), so it
 * is fetched, pushed, bundled and merged with the text it is about.  It is
 * a GKeyFile (GLib reads and writes it; keys it does not know are kept):
 *
 *   [amendement]
 *   title=Verbod op vuurwerk in het centrum
 *   submitters=Jan Jansen <j.jansen@example.nl>;Eva de Vries <eva@example.nl>;
 *   motivation=...
 *   status=concept
 *   created=2027-03-01T10:00:00+01:00
 *   updated=2027-03-01T10:00:00+01:00
 *
 * The council's decision goes into a group [vote]: date, meeting, for and
 * against (when the votes were counted) and result.  A subamendment names
 * the amendment it amends with amends=<slug>.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-amendment-private.h"
#include "amend-canonical-blobs.h"

#define GROUP "amendement"
#define VOTE "vote"
#define MAX_SLUG 60


G_DEFINE_FINAL_TYPE (AmendAmendment, amend_amendment, G_TYPE_OBJECT)

static const char * const status_words[] = {
  [AMEND_STATUS_CONCEPT]   = "concept",
  [AMEND_STATUS_SUBMITTED] = "ingediend",
  [AMEND_STATUS_ADOPTED]   = "aangenomen",
  [AMEND_STATUS_REJECTED]  = "verworpen",
  [AMEND_STATUS_WITHDRAWN] = "ingetrokken",
};

const char *
amend_status_to_string (AmendStatus status)
{
  g_return_val_if_fail (status <= AMEND_STATUS_WITHDRAWN, "concept");
  return status_words[status];
}

gboolean
amend_status_from_string (const char  *word,
                          AmendStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    if (g_strcmp0 (word, status_words[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* concept -> ingediend | ingetrokken
 * ingediend -> aangenomen | verworpen | ingetrokken
 * aangenomen, verworpen, ingetrokken: final. */
gboolean
amend_status_can_become (AmendStatus from,
                         AmendStatus to)
{
  switch (from)
    {
    case AMEND_STATUS_CONCEPT:
      return to == AMEND_STATUS_SUBMITTED || to == AMEND_STATUS_WITHDRAWN;
    case AMEND_STATUS_SUBMITTED:
      return to == AMEND_STATUS_ADOPTED || to == AMEND_STATUS_REJECTED || to == AMEND_STATUS_WITHDRAWN;
    case AMEND_STATUS_ADOPTED:
    case AMEND_STATUS_REJECTED:
    case AMEND_STATUS_WITHDRAWN:
    default:
      return FALSE;
    }
}

/* One sentence: what the status is, and what can happen from it. */
static void
refuse_transition (const char  *slug,
                   AmendStatus  from,
                   AmendStatus  to,
                   GError     **error)
{
  const char *now = amend_status_to_string (from);
  const char *wanted = amend_status_to_string (to);

  switch (from)
    {
    case AMEND_STATUS_CONCEPT:
      if (to == AMEND_STATUS_CONCEPT)
        g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                     _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is already %s; it can be submitted (ingediend) or withdrawn "
                       "(ingetrokken)"), slug, now);
      else
        g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                     _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " cannot become %s: it is still a %s; submit it first, so that "
                       "the council can vote on it"), slug, wanted, now);
      break;
    case AMEND_STATUS_SUBMITTED:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " cannot become %s: it is already %s; now it can only be adopted "
                     "(aangenomen), rejected (verworpen) or withdrawn (ingetrokken)"), slug, wanted, now);
      break;
    case AMEND_STATUS_WITHDRAWN:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " cannot become %s: it is %s, and a withdrawn amendment does not "
                     "change any more; propose a new amendment instead"), slug, wanted, now);
      break;
    case AMEND_STATUS_ADOPTED:
    case AMEND_STATUS_REJECTED:
    default:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " cannot become %s: the council has voted on it and it is %s, "
                     "which is final; propose a new amendment instead"), slug, wanted, now);
      break;
    }
}

void
amend_touched_file_free (AmendTouchedFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_strfreev (file->articles);
  g_free (file);
}

static void
amend_amendment_finalize (GObject *object)
{
  AmendAmendment *self = (AmendAmendment *) object;

  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->branch, g_free);
  g_clear_pointer (&self->record, g_key_file_unref);
  g_clear_pointer (&self->submitters, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->commit, g_free);
  g_clear_pointer (&self->last_change, g_date_time_unref);
  g_clear_pointer (&self->articles, g_strfreev);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->apply_conflicts, g_strfreev);
  g_clear_pointer (&self->pending, g_free);
  g_clear_pointer (&self->plain_title, g_free);
  g_clear_pointer (&self->plain_motivation, g_free);
  g_clear_pointer (&self->plain_amends, g_free);

  G_OBJECT_CLASS (amend_amendment_parent_class)->finalize (object);
}

static void
amend_amendment_class_init (AmendAmendmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amend_amendment_finalize;
}

static void
amend_amendment_init (AmendAmendment *self)
{
  self->record = g_key_file_new ();
  self->submitters = g_new0 (char *, 1);
  self->articles = g_new0 (char *, 1);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_touched_file_free);
  self->apply_conflicts = g_new0 (char *, 1);
}

/* The record as GKeyFile reads it; from here on the getters ask it, and
 * what changes it is written down. */
static GKeyFile *
record_of (AmendAmendment *self)
{
  if (self->pending != NULL)
    {
      /* plain_read() accepted the text, so GKeyFile reads it too. */
      g_key_file_load_from_data (self->record, self->pending, self->pending_len, G_KEY_FILE_KEEP_COMMENTS, NULL);
      g_clear_pointer (&self->pending, g_free);
    }
  self->plain = FALSE;
  return self->record;
}

/* Now, to the second: the record stores seconds, and a date read back
 * must equal the one written. */
static GDateTime *
now_to_the_second (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add (now, -(GTimeSpan) g_date_time_get_microsecond (now));
}

static char *
format_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
set_date (AmendAmendment *self,
          const char     *key,
          GDateTime     **field,
          GDateTime      *date)
{
  g_autofree char *text = format_date (date);

  g_clear_pointer (field, g_date_time_unref);
  *field = g_date_time_ref (date);
  g_key_file_set_string (record_of (self), GROUP, key, text);
}

void
_amend_amendment_set_slug (AmendAmendment *self,
                           const char     *slug)
{
  g_free (self->slug);
  g_free (self->branch);
  self->slug = g_strdup (slug);
  self->branch = g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, slug, NULL);
}

/* A new record: status concept, created and updated now. */
AmendAmendment *
amend_amendment_new (const char *slug,
                     const char *title)
{
  AmendAmendment *self = g_object_new (AMEND_TYPE_AMENDMENT, NULL);
  g_autoptr(GDateTime) now = now_to_the_second ();

  _amend_amendment_set_slug (self, slug);
  self->has_record = TRUE;
  g_key_file_set_string (record_of (self), GROUP, "title", title);
  g_key_file_set_string_list (record_of (self), GROUP, "submitters", NULL, 0);
  g_key_file_set_string (record_of (self), GROUP, "motivation", "");
  g_key_file_set_string (record_of (self), GROUP, "status", amend_status_to_string (AMEND_STATUS_CONCEPT));
  set_date (self, "created", &self->created, now);
  set_date (self, "updated", &self->updated, now);
  return self;
}

static GDateTime *
read_date (GKeyFile   *record,
           const char *key)
{
  g_autofree char *text = g_key_file_get_string (record, GROUP, key, NULL);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* GKeyFile drops one carriage return before a newline and keeps any
 * other ("result=verworpen\r\r\n", or "\r" on a last line without "\n"):
 * such a record would read otherwise once written, which ends every line
 * with "\n" alone.  So every line loses the carriage returns at its end,
 * and the last line gets the newline a text file ends with. */
static char *
text_lines (const char *data,
            gsize       len,
            gsize      *out_len)
{
  char *out = g_malloc (len + 1);
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\r')
        {
          gsize j = i;

          while (j < len && data[j] == '\r')
            j++;
          if (j == len || data[j] == '\n')
            {
              i = j - 1;
              continue;
            }
        }
      out[n++] = data[i];
    }
  if (n == 0 || out[n - 1] != '\n')
    out[n++] = '\n';
  *out_len = n;
  return out;
}

/* The keys of [amendement] that amend list shows. */
enum { PLAIN_TITLE, PLAIN_STATUS, PLAIN_SUBMITTERS, PLAIN_MOTIVATION, PLAIN_CREATED, PLAIN_UPDATED,
       PLAIN_AMENDS, N_PLAIN };

static const char * const plain_keys[N_PLAIN] = {
  "title", "status", "submitters", "motivation", "created", "updated", "amends",
};

typedef struct {
  const char *value[N_PLAIN];  /* into the text, NULL when not there */
  gsize       len[N_PLAIN];
  gboolean    vote;            /* there is a [vote] group */
} Plain;

/* One "key=value" line of a plain record: a key of letters, digits, '-'
 * and '_', a value without a backslash (no escapes) and without white
 * space at either end, where GKeyFile would trim.  A key of
 * [amendement] that the list shows is kept in @p; twice is not plain. */
static gboolean
plain_line (Plain      *p,
            gboolean    in_vote,
            const char *line,
            gsize       len)
{
  const char *eq = memchr (line, '=', len);
  gsize n;

  if (eq == NULL || eq == line)
    return FALSE;
  for (const char *k = line; k < eq; k++)
    if (!g_ascii_isalnum (*k) && *k != '-' && *k != '_')
      return FALSE;
  /* GKeyFile refuses "Encoding" in the first group unless it says UTF-8:
   * such a record is for GKeyFile to judge (found by fuzz-record). */
  if (eq - line == strlen ("Encoding") && memcmp (line, "Encoding", eq - line) == 0)
    return FALSE;
  n = len - (eq + 1 - line);
  if (memchr (eq + 1, '\\', n) != NULL ||
      (n > 0 && (g_ascii_isspace (eq[1]) || g_ascii_isspace (eq[n]))))
    return FALSE;
  for (guint i = 0; !in_vote && i < N_PLAIN; i++)
    if ((gsize) (eq - line) == strlen (plain_keys[i]) && memcmp (line, plain_keys[i], eq - line) == 0)
      {
        if (p->value[i] != NULL)
          return FALSE;
        p->value[i] = eq + 1;
        p->len[i] = n;
      }
  return TRUE;
}

/* The lines of a record as Amend writes it ([amendement], maybe [vote],
 * key=value lines, empty lines), read without GKeyFile.  Anything else
 * (comments, escapes, other groups, a key twice, text that is not UTF-8)
 * returns FALSE, and GKeyFile reads it, with its own errors. */
static gboolean
plain_scan (Plain      *p,
            const char *data,
            gsize       len)
{
  const char *end = data + len;
  gboolean in_group = FALSE;

  if (!g_utf8_validate (data, len, NULL))
    return FALSE;
  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      gsize n = (nl ? nl : end) - line;

      if (n == strlen ("[" GROUP "]") && memcmp (line, "[" GROUP "]", n) == 0 && !in_group)
        in_group = TRUE;
      else if (n == strlen ("[" VOTE "]") && memcmp (line, "[" VOTE "]", n) == 0 && in_group && !p->vote)
        p->vote = TRUE;
      else if (n > 0 && (!in_group || !plain_line (p, p->vote, line, n)))
        return FALSE;
      line += n + 1;
    }
  return in_group;
}

/* A value as g_key_file_get_string_list() splits one without escapes:
 * "a;;b" is three, a last empty one is left out. */
static GStrv
plain_list (const char *value,
            gsize       len)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const char *p = value;
  const char *end = value + len;

  while (p < end)
    {
      const char *semi = memchr (p, ';', end - p);
      g_autofree char *piece = g_strndup (p, (semi ? semi : end) - p);

      g_strv_builder_add (b, piece);
      if (semi == NULL)
        break;
      p = semi + 1;
    }
  return g_strv_builder_end (b);
}

static GDateTime *
plain_date (const Plain *p,
            guint        key)
{
  g_autofree char *text = p->value[key] ? g_strndup (p->value[key], p->len[key]) : NULL;

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Reads a plain record (plain_scan()) into @self as
 * amend_amendment_new_from_data() would; FALSE leaves @self as it was. */
static gboolean
plain_read (AmendAmendment *self,
            const char     *data,
            gsize           len)
{
  Plain p = { 0 };
  g_autofree char *status = NULL;

  if (!plain_scan (&p, data, len) || p.value[PLAIN_TITLE] == NULL || p.value[PLAIN_STATUS] == NULL)
    return FALSE;
  status = g_strndup (p.value[PLAIN_STATUS], p.len[PLAIN_STATUS]);
  if (!amend_status_from_string (status, &self->status))
    return FALSE;
  self->plain = TRUE;
  self->plain_title = g_strndup (p.value[PLAIN_TITLE], p.len[PLAIN_TITLE]);
  if (p.value[PLAIN_MOTIVATION])
    self->plain_motivation = g_strndup (p.value[PLAIN_MOTIVATION], p.len[PLAIN_MOTIVATION]);
  if (p.value[PLAIN_AMENDS])
    self->plain_amends = g_strndup (p.value[PLAIN_AMENDS], p.len[PLAIN_AMENDS]);
  self->plain_vote = p.vote;
  g_strfreev (self->submitters);
  self->submitters = p.value[PLAIN_SUBMITTERS] ? plain_list (p.value[PLAIN_SUBMITTERS], p.len[PLAIN_SUBMITTERS])
                                               : g_new0 (char *, 1);
  self->created = plain_date (&p, PLAIN_CREATED);
  self->updated = plain_date (&p, PLAIN_UPDATED);
  self->has_record = TRUE;
  return TRUE;
}

/* The line (from 1) @at is on in @data. */
static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* Reads a record; what is wrong in it is said with the file it is in. */
AmendAmendment *
amend_amendment_new_from_data (const char *slug,
                               const char *data,
                               gsize       len,
                               GError    **error)
{
  g_autoptr(AmendAmendment) self = g_object_new (AMEND_TYPE_AMENDMENT, NULL);
  g_autofree char *path = amend_amendment_record_path (slug);
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  g_autofree char *ended = NULL;
  g_autoptr(GError) local = NULL;
  const char *bad = NULL;

  _amend_amendment_set_slug (self, slug);
  if (len == (gsize) -1)
    len = strlen (data);
  data = ended = text_lines (data, len, &len);
  if (plain_read (self, ended, len))
    {
      self->pending = g_steal_pointer (&ended);
      self->pending_len = len;
      return g_steal_pointer (&self);
    }
  /* GKeyFile reads past a NUL byte, the writer stops at it; a value
   * that is not UTF-8 it reads as no value, which would blame the title. */
  if (memchr (data, '\0', len) != NULL)
    g_set_error_literal (&local, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                         _("it holds a NUL byte"));
  else if (!g_utf8_validate_len (data, len, &bad))
    g_set_error (&local, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                 _("line %u holds bytes that are not UTF-8"), line_of (data, bad));
  else
    g_key_file_load_from_data (record_of (self), data, len, G_KEY_FILE_KEEP_COMMENTS, &local);
  if (local != NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("the record %s cannot be read (%s); correct it, it is a text file in the branch %s"),
                   path, local->message, self->branch);
      return NULL;
    }
  title = g_key_file_get_string (record_of (self), GROUP, "title", NULL);
  status = g_key_file_get_string (record_of (self), GROUP, "status", NULL);
  if (title == NULL || status == NULL || !amend_status_from_string (status, &self->status))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("the record %s has no title or no known status (concept, ingediend, aangenomen, verworpen, "
                     "ingetrokken); correct it, it is a text file in the branch %s"), path, self->branch);
      return NULL;
    }
  g_strfreev (self->submitters);
  self->submitters = g_key_file_get_string_list (record_of (self), GROUP, "submitters", NULL, NULL);
  if (self->submitters == NULL)
    self->submitters = g_new0 (char *, 1);
  self->created = read_date (record_of (self), "created");
  self->updated = read_date (record_of (self), "updated");
  self->has_record = TRUE;
  return g_steal_pointer (&self);
}

char *
amend_amendment_to_data (AmendAmendment *self,
                         gsize          *len)
{
  g_autofree char *data = NULL;
  gsize n = 0;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  data = g_key_file_to_data (record_of (self), &n, NULL);
  /* GKeyFile leaves the last line open; a text file ends with a newline. */
  if (n == 0 || data[n - 1] != '\n')
    {
      char *ended = g_strconcat (data, "\n", NULL);

      g_free (data);
      data = ended;
      n++;
    }
  if (len)
    *len = n;
  return g_steal_pointer (&data);
}

const char *
amend_amendment_get_slug (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->slug;
}

const char *
amend_amendment_get_branch (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->branch;
}

/* The title; for a branch without a record, its slug. */
const char *
amend_amendment_get_title (AmendAmendment *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  if (self->plain)
    return self->plain_title;
  title = g_key_file_get_string (record_of (self), GROUP, "title", NULL);
  if (title == NULL)
    return self->slug;
  /* Kept on the object so the pointer stays valid. */
  g_object_set_data_full (G_OBJECT (self), "amend-title", g_steal_pointer (&title), g_free);
  return g_object_get_data (G_OBJECT (self), "amend-title");
}

const char * const *
amend_amendment_get_submitters (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return (const char * const *) self->submitters;
}

void
amend_amendment_set_submitters (AmendAmendment     *self,
                                const char * const *submitters)
{
  g_return_if_fail (AMEND_IS_AMENDMENT (self));

  g_strfreev (self->submitters);
  self->submitters = g_strdupv ((char **) submitters);
  if (self->submitters == NULL)
    self->submitters = g_new0 (char *, 1);
  g_key_file_set_string_list (record_of (self), GROUP, "submitters", submitters,
                              submitters ? g_strv_length ((char **) submitters) : 0);
}

const char *
amend_amendment_get_motivation (AmendAmendment *self)
{
  g_autofree char *motivation = NULL;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  if (self->plain)
    return self->plain_motivation;
  motivation = g_key_file_get_string (record_of (self), GROUP, "motivation", NULL);
  g_object_set_data_full (G_OBJECT (self), "amend-motivation", g_steal_pointer (&motivation), g_free);
  return g_object_get_data (G_OBJECT (self), "amend-motivation");
}

void
amend_amendment_set_motivation (AmendAmendment *self,
                                const char     *motivation)
{
  g_return_if_fail (AMEND_IS_AMENDMENT (self));
  g_key_file_set_string (record_of (self), GROUP, "motivation", motivation ? motivation : "");
}

AmendStatus
amend_amendment_get_status (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), AMEND_STATUS_CONCEPT);
  return self->status;
}

/* Changes the status if the transitions allow it; @when (now when NULL)
 * becomes the updated date. */
gboolean
amend_amendment_set_status (AmendAmendment *self,
                            AmendStatus     status,
                            GDateTime      *when,
                            GError        **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), FALSE);

  if (!amend_status_can_become (self->status, status))
    {
      refuse_transition (self->slug, self->status, status, error);
      return FALSE;
    }
  if (when == NULL)
    when = now = now_to_the_second ();
  self->status = status;
  g_key_file_set_string (record_of (self), GROUP, "status", amend_status_to_string (status));
  set_date (self, "updated", &self->updated, when);
  return TRUE;
}

GDateTime *
amend_amendment_get_created (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->created;
}

GDateTime *
amend_amendment_get_updated (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->updated;
}

gboolean
amend_amendment_has_record (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), FALSE);
  return self->has_record;
}

const char *
amend_amendment_get_commit (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->commit;
}

guint
amend_amendment_get_ahead (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), 0);
  return self->ahead;
}

guint
amend_amendment_get_behind (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), 0);
  return self->behind;
}

GDateTime *
amend_amendment_get_last_change (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->last_change;
}

/* Every article touched, over all regulation files, each once. */
const char * const *
amend_amendment_get_articles (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return (const char * const *) self->articles;
}

GPtrArray *
amend_amendment_get_files (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return self->files;
}

void
amend_vote_free (AmendVote *vote)
{
  if (vote == NULL)
    return;
  g_free (vote->date);
  g_free (vote->meeting);
  g_free (vote);
}


/* The council's decision as the record has it, or NULL before one. */
AmendVote *
amend_amendment_dup_vote (AmendAmendment *self)
{
  g_autofree char *result = NULL;
  AmendVote *vote;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  /* Asking GKeyFile for a key it lacks builds an error message: most
   * records have no vote, and amend list asks for every one. */
  if (self->plain ? !self->plain_vote : !g_key_file_has_group (record_of (self), VOTE))
    return NULL;
  result = g_key_file_get_string (record_of (self), VOTE, "result", NULL);
  if (result == NULL)
    return NULL;
  vote = g_new0 (AmendVote, 1);
  if (!amend_status_from_string (result, &vote->result))
    vote->result = AMEND_STATUS_SUBMITTED;
  vote->date = g_key_file_get_string (record_of (self), VOTE, "date", NULL);
  vote->meeting = g_key_file_get_string (record_of (self), VOTE, "meeting", NULL);
  vote->votes_for = g_key_file_has_key (record_of (self), VOTE, "for", NULL)
                    ? g_key_file_get_integer (record_of (self), VOTE, "for", NULL) : -1;
  vote->votes_against = g_key_file_has_key (record_of (self), VOTE, "against", NULL)
                        ? g_key_file_get_integer (record_of (self), VOTE, "against", NULL) : -1;
  return vote;
}

/**
 * amend_amendment_dup_decided:
 *
 * The day the council decided on the amendment, as YYYY-MM-DD: the date
 * of its vote (the meeting's day, which `amend vote --date` may set to a
 * day before the record was written), or for a record without one the
 * day the record last changed.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL when the record
 * says neither.
 */
char *
amend_amendment_dup_decided (AmendAmendment *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  if (!self->plain || self->plain_vote)
    date = g_key_file_get_string (record_of (self), VOTE, "date", NULL);
  if (date != NULL && date[0] != '\0')
    return g_steal_pointer (&date);
  return self->updated ? g_date_time_format (self->updated, "%Y-%m-%d") : NULL;
}

/* Writes the group [vote]; the status itself is set with
 * amend_amendment_set_status(). */
void
amend_amendment_set_vote (AmendAmendment  *self,
                          const AmendVote *vote)
{
  g_return_if_fail (AMEND_IS_AMENDMENT (self));

  g_key_file_remove_group (record_of (self), VOTE, NULL);
  g_key_file_set_string (record_of (self), VOTE, "date", vote->date);
  if (vote->meeting && vote->meeting[0])
    g_key_file_set_string (record_of (self), VOTE, "meeting", vote->meeting);
  if (vote->votes_for >= 0)
    {
      g_key_file_set_integer (record_of (self), VOTE, "for", vote->votes_for);
      g_key_file_set_integer (record_of (self), VOTE, "against", MAX (vote->votes_against, 0));
    }
  g_key_file_set_string (record_of (self), VOTE, "result", amend_status_to_string (vote->result));
}

/* The slug of the amendment this one amends, for a subamendment. */
const char *
amend_amendment_get_amends (AmendAmendment *self)
{
  g_autofree char *amends = NULL;

  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  /* A record that says it amends itself (edited by hand) amends nothing:
   * adopting it into its own branch would move that branch twice. */
  if (self->plain)
    return self->plain_amends && self->plain_amends[0] && g_strcmp0 (self->plain_amends, self->slug) != 0
           ? self->plain_amends : NULL;
  if (!g_key_file_has_group (record_of (self), GROUP) || !g_key_file_has_key (record_of (self), GROUP, "amends", NULL))
    return NULL;
  amends = g_key_file_get_string (record_of (self), GROUP, "amends", NULL);
  if (amends == NULL || amends[0] == '\0' || g_strcmp0 (amends, self->slug) == 0)
    return NULL;
  g_object_set_data_full (G_OBJECT (self), "amend-amends", g_steal_pointer (&amends), g_free);
  return g_object_get_data (G_OBJECT (self), "amend-amends");
}

const char *
amend_apply_state_to_string (AmendApplyState state)
{
  switch (state)
    {
    case AMEND_APPLY_CLEAN:
      return "applies";
    case AMEND_APPLY_CONFLICTS:
      return "conflicts";
    case AMEND_APPLY_CONTAINED:
      return "contained";
    case AMEND_APPLY_REFUSED:
      return "refused";
    case AMEND_APPLY_UNKNOWN:
    default:
      return NULL;
    }
}

AmendApplyState
amend_amendment_get_apply_state (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), AMEND_APPLY_UNKNOWN);
  return self->apply_state;
}

/* The ids of the conflicting nodes, for AMEND_APPLY_CONFLICTS; the files
 * in .amend that are not its own, for AMEND_APPLY_REFUSED. */
const char * const *
amend_amendment_get_apply_conflicts (AmendAmendment *self)
{
  g_return_val_if_fail (AMEND_IS_AMENDMENT (self), NULL);
  return (const char * const *) self->apply_conflicts;
}

void
amend_amendment_set_apply_state (AmendAmendment     *self,
                                 AmendApplyState     state,
                                 const char * const *conflicts)
{
  g_return_if_fail (AMEND_IS_AMENDMENT (self));

  self->apply_state = state;
  g_strfreev (self->apply_conflicts);
  self->apply_conflicts = conflicts ? g_strdupv ((char **) conflicts) : g_new0 (char *, 1);
}

/* "Verbod op vuurwerk: één dag!" -> "verbod-op-vuurwerk-een-dag".  GLib
 * folds the diacritics (é, ë, ĳ); what is not a letter or a digit becomes
 * one hyphen.  Long titles are cut at a hyphen. */
char *
amend_slug_from_title (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title ? title : "", "C");
  GString *s = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  if (s->len > MAX_SLUG)
    {
      const char *cut = g_strrstr_len (s->str, MAX_SLUG + 1, "-");
      g_string_truncate (s, cut && cut > s->str ? (gsize) (cut - s->str) : MAX_SLUG);
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "amendement");
  return g_string_free (s, FALSE);
}

char *
amend_amendment_record_path (const char *slug)
{
  return g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", slug, "/" AMEND_AMENDMENT_RECORD_FILE, NULL);
}

/* ----------------------------------------------------------------------- */
/* Amendments in the repository                                             */
/* ----------------------------------------------------------------------- */

static char *
refname_of (const char *slug)
{
  return g_strconcat ("refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX, slug, NULL);
}

char *
amend_amendment_refname (const char *slug)
{
  return refname_of (slug);
}

/* The branch of @self has no record: made with git, or the record was
 * removed with git later.  For the second, the version that still had it,
 * so that the sentence says how to bring it back. */
void
amend_amendment_set_no_record_error (AmendRepository *repo,
                                     AmendAmendment  *self,
                                     GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autofree char *record = amend_amendment_record_path (self->slug);
  g_autofree char *refname = refname_of (self->slug);
  g_autoptr(git_commit) commit = NULL;
  git_oid id;

  if (git_reference_name_to_id (&id, git, refname) == 0)
    git_commit_lookup (&commit, git, &id);
  for (guint steps = 0; commit != NULL && steps < 1000; steps++)
    {
      g_autoptr(git_tree) tree = NULL;
      g_autoptr(git_tree_entry) entry = NULL;
      git_commit *parent = NULL;

      if (git_commit_tree (&tree, commit) == 0 && git_tree_entry_bypath (&entry, tree, record) == 0)
        {
          char hex[GIT_OID_HEXSZ + 1];

          git_oid_tostr (hex, sizeof hex, git_commit_id (commit));
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                       _("the record %s was removed from the branch %s after version %.7s, so it has no status; "
                         "bring it back: amend switch %s, git checkout %.7s -- %s, amend save"),
                       record, self->branch, hex, self->slug, hex, record);
          return;
        }
      if (git_commit_parentcount (commit) == 0 || git_commit_parent (&parent, commit, 0) < 0)
        break;
      git_commit_free (commit);
      commit = parent;
    }
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
               _("the branch %s has no record %s, so it has no status; it was not made as an amendment"),
               self->branch, record);
}

static gboolean
ref_exists (git_repository *repo,
            const char     *refname)
{
  g_autoptr(git_reference) ref = NULL;

  return git_reference_lookup (&ref, repo, refname) == 0;
}

/* A branch made with git under amendement/SLUG/ leaves no room for the
 * branch amendement/SLUG: a ref cannot be both a file and a folder. */
static gboolean
refs_beneath (git_repository *repo,
              const char     *refname)
{
  g_autofree char *glob = g_strconcat (refname, "/*", NULL);
  g_autoptr(git_reference_iterator) iter = NULL;
  git_reference *ref = NULL;
  gboolean any = FALSE;

  if (git_reference_iterator_glob_new (&iter, repo, glob) == 0 && git_reference_next (&ref, iter) == 0)
    {
      any = TRUE;
      git_reference_free (ref);
    }
  return any;
}

static gboolean
tree_has (git_commit *commit,
          const char *path)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;

  return commit && git_commit_tree (&tree, commit) == 0 && git_tree_entry_bypath (&entry, tree, path) == 0;
}

/* "main" and "master" name the draft wherever a command takes either
 * (amend switch main, amend diff main NAME, amend comment add main): an
 * amendment called so could only be reached as amendement/main. */
static gboolean
names_the_draft (const char *slug)
{
  return g_strcmp0 (slug, "main") == 0 || g_strcmp0 (slug, "master") == 0;
}

/* The slug of @title that no branch and no archived record uses yet:
 * "x", else "x-2", "x-3"... */
static char *
unique_slug (git_repository *repo,
             const char     *title,
             git_commit     *base,
             git_commit     *main_tip,
             GError        **error)
{
  g_autofree char *stem = amend_slug_from_title (title);
  g_autofree char *folder = g_strndup ("refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX,
                                       strlen ("refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX) - 1);

  if (ref_exists (repo, folder))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_EXISTS,
                   _("a branch is called %s, which leaves no room for the branches of amendments (%sNAME); "
                     "give it another name with git branch -m %s NEW-NAME"),
                   folder + strlen ("refs/heads/"), AMEND_AMENDMENT_BRANCH_PREFIX, folder + strlen ("refs/heads/"));
      return NULL;
    }
  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *slug = n == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, n);
      g_autofree char *refname = refname_of (slug);
      g_autofree char *dir = g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", slug, NULL);
      int valid = 0;

      if (git_reference_name_is_valid (&valid, refname) < 0 || !valid)
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                       _("no branch name can be made from the title " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; use letters and digits in it"),
                       title);
          return NULL;
        }
      if (!names_the_draft (slug) && !ref_exists (repo, refname) && !refs_beneath (repo, refname) &&
          !tree_has (base, dir) && !tree_has (main_tip, dir))
        return g_steal_pointer (&slug);
    }
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_EXISTS,
               _("too many amendments are called " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; choose another title"), title);
  return NULL;
}

static gboolean
normalize_submitters (const char * const *given,
                      GPtrArray          *out,
                      GError            **error)
{
  for (guint i = 0; given && given[i]; i++)
    {
      /* A group without an e-mail address ("Wijkraad Oost") is a submitter too. */
      char *one = amend_parse_submitter (given[i], error);

      if (one == NULL)
        return FALSE;
      g_ptr_array_add (out, one);
    }
  return TRUE;
}

static gboolean
write_record_blob (git_repository *repo,
                   AmendAmendment *amendment,
                   git_oid        *out,
                   GError        **error)
{
  gsize len = 0;
  g_autofree char *data = amend_amendment_to_data (amendment, &len);
  int rc = git_blob_create_from_buffer (out, repo, data, len);

  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot write the record of the amendment"));
  return TRUE;
}

static gboolean
head_is (git_repository *repo,
         const git_oid  *id)
{
  git_oid head;

  return git_reference_name_to_id (&head, repo, "HEAD") == 0 && git_oid_equal (&head, id);
}

/* A new amendment: the branch amendement/<slug> from main (or @from), a
 * first commit with its record, and the working copy on it.  Unsaved
 * changes come along when the amendment starts where the working copy is
 * (as git switch -c does); otherwise they stop it. */
/* A new amendment starts from the draft as it is or was: a version that
 * holds the folder of an amendment main does not (another amendment's
 * branch given to --from) would make it carry that amendment's record,
 * and amend adopt refuses such an amendment (check_own_files in
 * amend-decision.c) only when the council has voted on it. */
static gboolean
check_base_is_draft (git_commit  *base,
                     git_commit  *main_tip,
                     const char  *from,
                     GError     **error)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) folder = NULL;
  g_autoptr(git_tree) records = NULL;

  if (git_commit_tree (&tree, base) < 0 || git_tree_entry_bypath (&folder, tree, AMEND_AMENDMENT_RECORD_DIR) < 0 ||
      git_tree_entry_type (folder) != GIT_OBJECT_TREE ||
      git_tree_lookup (&records, git_commit_owner (base), git_tree_entry_id (folder)) < 0)
    return TRUE;
  for (size_t i = 0; i < git_tree_entrycount (records); i++)
    {
      const char *slug = git_tree_entry_name (git_tree_entry_byindex (records, i));
      g_autofree char *dir = g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", slug, NULL);

      if (!tree_has (main_tip, dir))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                       _("%s holds the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ", which is not in main, and "
                         "an amendment that carries it could never be adopted; start from main or an earlier "
                         "version of it, or propose a subamendment with --on %s"),
                       from, slug, slug);
          return FALSE;
        }
    }
  return TRUE;
}

static AmendAmendment *
propose (AmendRepository    *repo,
         const char         *title,
         const char * const *submitters,
         const char         *motivation,
         const char         *from,
         const char         *amends,
         GError            **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(git_commit) base = NULL;
  g_autoptr(git_commit) main_tip = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(AmendAmendment) self = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));
  g_autofree char *main_branch = NULL;
  g_autofree char *main_ref = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(AmendJournal) journal = NULL;
  git_tree_update update = { 0 };
  git_oid commit_id;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (*clean_title == '\0' || strchr (clean_title, '\n') != NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                   _("an amendment needs a title of one line that says what it changes"));
      return NULL;
    }
  summary = g_strdup_printf (_("proposing " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d"), clean_title);
  journal = amend_journal_begin (repo, "propose", summary, error);
  if (journal == NULL || !amend_repository_check_can_write (repo, TRUE, error))
    return NULL;
  if (!normalize_submitters (submitters, people, error))
    return NULL;
  if (people->len == 0)
    {
      /* The one who proposes, from the git configuration. */
      g_autoptr(git_signature) me = amend_repository_make_signature (repo, NULL, NULL, NULL, error);

      if (me == NULL)
        return NULL;
      g_ptr_array_add (people, g_strdup_printf ("%s <%s>", me->name, me->email));
    }
  g_ptr_array_add (people, NULL);
  sig = amend_repository_make_signature (repo, NULL, g_ptr_array_index (people, 0), NULL, error);
  if (sig == NULL)
    return NULL;

  main_branch = amend_repository_dup_main_branch (repo, error);
  if (main_branch == NULL)
    return NULL;
  main_ref = g_strconcat ("refs/heads/", main_branch, NULL);
  if (!amend_repository_lookup_branch (repo, main_ref, &main_tip, error))
    return NULL;
  if (from != NULL)
    {
      if (!amend_repository_resolve_commit (repo, from, &base, error) ||
          (amends == NULL && !check_base_is_draft (base, main_tip, from, error)))
        return NULL;
    }
  else if (git_commit_dup (&base, main_tip) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot read the branch %s"), main_branch);
      return NULL;
    }

  changes = amend_repository_list_changes (repo, error);
  if (changes == NULL)
    return NULL;
  if (changes->len > 0 && !head_is (git, git_commit_id (base)))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the working copy has %u changed file that is not saved, and the amendment starts "
                                "from another version; save it first",
                                "the working copy has %u changed files that are not saved, and the amendment starts "
                                "from another version; save them first",
                                changes->len),
                   changes->len);
      return NULL;
    }

  slug = unique_slug (git, clean_title, base, main_tip, error);
  if (slug == NULL)
    return NULL;
  refname = refname_of (slug);
  record_path = amend_amendment_record_path (slug);

  self = amend_amendment_new (slug, clean_title);
  amend_amendment_set_submitters (self, (const char * const *) people->pdata);
  amend_amendment_set_motivation (self, motivation);
  if (amends)
    g_key_file_set_string (record_of (self), GROUP, "amends", amends);
  if (!write_record_blob (git, self, &update.id, error))
    return NULL;
  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = GIT_FILEMODE_BLOB;
  update.path = record_path;

  message = g_strdup_printf (_("Propose amendment: %s"), clean_title);
  /* The commit first; then, in one journal, the branch, the working copy
   * and HEAD: a kill leaves no amendment or the whole one. */
  if (!amend_repository_commit_update (repo, NULL, base, &update, 1, sig, message, &commit_id, error))
    return NULL;
  amend_journal_move_ref (journal, refname, NULL, &commit_id);
  if (!amend_repository_journal_checkout (repo, journal, refname, &commit_id, error) ||
      !amend_journal_commit (journal, error))
    return NULL;

  self->commit = g_strdup (git_oid_tostr_s (&commit_id));
  self->ahead = 1;
  return g_steal_pointer (&self);
}

AmendAmendment *
amend_amendment_propose (AmendRepository    *repo,
                         const char         *title,
                         const char * const *submitters,
                         const char         *motivation,
                         const char         *from,
                         GError            **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  return propose (repo, title, submitters, motivation, from, NULL, error);
}

/* A subamendment: an amendment of the amendment @on, branched from its
 * tip; it is voted before @on and adopted into it. */
AmendAmendment *
amend_amendment_propose_on (AmendRepository    *repo,
                            const char         *on,
                            const char         *title,
                            const char * const *submitters,
                            const char         *motivation,
                            GError            **error)
{
  g_autoptr(AmendAmendment) parent = NULL;
  g_autofree char *branch = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  parent = amend_amendment_lookup (repo, on, error);
  if (parent == NULL)
    return NULL;
  if (parent->status != AMEND_STATUS_CONCEPT && parent->status != AMEND_STATUS_SUBMITTED)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is %s, so it cannot be amended any more"),
                   parent->slug, amend_status_to_string (parent->status));
      return NULL;
    }
  branch = g_strconcat ("refs/heads/", parent->branch, NULL);
  return propose (repo, title, submitters, motivation, branch, parent->slug, error);
}

/* "x", "amendement/x" or "refs/heads/amendement/x" -> "x"; NULL: the
 * amendment the working copy is on. */
char *
amend_amendment_slug_of (AmendRepository *repo,
                         const char      *name,
                         GError         **error)
{
  g_autofree char *branch = NULL;
  const char *slug;

  if (name == NULL)
    {
      branch = amend_repository_dup_branch (repo, error);
      if (branch == NULL)
        return NULL;
      if (!g_str_has_prefix (branch, AMEND_AMENDMENT_BRANCH_PREFIX))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                       _("the working copy is on " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ", which is no amendment; name the amendment"),
                       branch);
          return NULL;
        }
      return g_strdup (branch + strlen (AMEND_AMENDMENT_BRANCH_PREFIX));
    }
  slug = name;
  if (g_str_has_prefix (slug, "refs/heads/"))
    slug += strlen ("refs/heads/");
  if (g_str_has_prefix (slug, AMEND_AMENDMENT_BRANCH_PREFIX))
    slug += strlen (AMEND_AMENDMENT_BRANCH_PREFIX);
  {
    g_autofree char *refname = refname_of (slug);

    if (*slug == '\0' || !ref_exists (amend_repository_get_git (repo), refname))
      {
        g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                     _("there is no amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; give its name as the list of amendments shows it"),
                     name);
        return NULL;
      }
  }
  return g_strdup (slug);
}

/* An unsaved edit of the record in the working copy stops a change of
 * it: the change would overwrite it. */
gboolean
amend_amendment_check_record_saved (AmendRepository *repo,
                                    AmendAmendment  *self,
                                    GError         **error)
{
  g_autofree char *current = NULL;
  g_autofree char *record_path = amend_amendment_record_path (self->slug);
  g_autoptr(GPtrArray) changes = NULL;

  if (amend_repository_get_head (repo, &current) != AMEND_HEAD_BRANCH || g_strcmp0 (current, self->branch) != 0)
    return TRUE;
  changes = amend_repository_list_changes (repo, error);
  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    if (g_strcmp0 (((AmendFileChange *) g_ptr_array_index (changes, i))->path, record_path) == 0)
      {
        g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                     _("the record %s has changes that are not saved; save them first"), record_path);
        return FALSE;
      }
  return TRUE;
}

/* A commit of @self's record on top of @tip, written as an object only:
 * no branch moves. */
gboolean
amend_amendment_write_record (AmendRepository     *repo,
                              AmendAmendment      *self,
                              git_commit          *tip,
                              const git_signature *signature,
                              const char          *message,
                              git_oid             *out,
                              GError             **error)
{
  g_autofree char *record_path = amend_amendment_record_path (self->slug);
  git_tree_update update = { 0 };

  if (!write_record_blob (amend_repository_get_git (repo), self, &update.id, error))
    return FALSE;
  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = GIT_FILEMODE_BLOB;
  update.path = record_path;
  return amend_repository_commit_update (repo, NULL, tip, &update, 1, signature, message, out, error);
}

/* "Amendment verworpen: Title" with the vote under it. */
char *
amend_amendment_decision_message (AmendAmendment  *self,
                                  const AmendVote *vote)
{
  GString *s = g_string_new (NULL);
  const char *title = amend_amendment_get_title (self);

  if (vote->result == AMEND_STATUS_ADOPTED)
    g_string_append_printf (s, _("Adopt amendment: %s"), title);
  else
    g_string_append_printf (s, _("Reject amendment: %s"), title);
  g_string_append (s, "\n\n");
  if (vote->votes_for >= 0)
    g_string_append_printf (s, _("Vote of %s: %d for, %d against."), vote->date, vote->votes_for, vote->votes_against);
  else
    g_string_append_printf (s, _("Decided on %s without counted votes."), vote->date);
  if (vote->meeting && vote->meeting[0])
    g_string_append_printf (s, "\n%s", vote->meeting);
  g_string_append_printf (s, "\n%s: %s\n", _("Amendment"), self->branch);
  return g_string_free (s, FALSE);
}

/* Commits the record of @self (changed in memory) on its branch, after
 * checking that the working copy has no unsaved edit of it.  The commit
 * first; then, in @journal, the branch (only from the tip the commit was
 * made on) and, when the working copy is on it, the record in the working
 * copy: a kill never leaves a branch that says one thing and a working
 * copy that says another. */
static gboolean
commit_record (AmendRepository *repo,
               AmendAmendment  *self,
               AmendJournal    *journal,
               const char      *message,
               GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autofree char *refname = refname_of (self->slug);
  g_autofree char *record_path = amend_amendment_record_path (self->slug);
  g_autofree char *current = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_commit) new_tip = NULL;
  g_autoptr(git_signature) sig = NULL;
  gboolean on_it;
  git_oid commit_id;

  if (!amend_amendment_check_record_saved (repo, self, error))
    return FALSE;
  on_it = amend_repository_get_head (repo, &current) == AMEND_HEAD_BRANCH &&
          g_strcmp0 (current, self->branch) == 0;
  sig = amend_repository_make_signature (repo, NULL, amend_amendment_get_submitters (self)[0], NULL, error);
  if (sig == NULL || !amend_repository_lookup_branch (repo, refname, &tip, error))
    return FALSE;
  if (!amend_amendment_write_record (repo, self, tip, sig, message, &commit_id, error))
    return FALSE;
  if (git_commit_lookup (&new_tip, git, &commit_id) < 0)
    return amend_repository_set_git_error (error, -1, _("the new version of the record cannot be read back, so it "
                                                        "was not written whole (is the disk full?)"));
  amend_journal_move_ref (journal, refname, git_commit_id (tip), &commit_id);
  if (on_it)
    {
      const char *paths[] = { record_path, NULL };

      amend_journal_update_working_copy (journal, git_commit_tree_id (tip), git_commit_tree_id (new_tip), paths,
                                         _("the working copy could not be brought up to date"));
    }
  if (!amend_journal_commit (journal, error))
    return FALSE;
  g_free (self->commit);
  self->commit = g_strdup (git_oid_tostr_s (&commit_id));
  self->ahead++;
  return TRUE;
}

/* Starts a change of the record of @slug: the journal @op (@summary for
 * the user), the project writable, and the amendment with its record;
 * NULL when one of them is not there. */
static AmendAmendment *
begin_record_change (AmendRepository *repo,
                     const char      *slug,
                     const char      *op,
                     const char      *summary,
                     AmendJournal   **journal,
                     GError         **error)
{
  AmendAmendment *self;

  *journal = amend_journal_begin (repo, op, summary, error);
  if (*journal == NULL || !amend_repository_check_can_write (repo, TRUE, error))
    return NULL;
  self = amend_amendment_lookup (repo, slug, error);
  if (self != NULL && !self->has_record)
    {
      amend_amendment_set_no_record_error (repo, self, error);
      g_clear_object (&self);
    }
  return self;
}

/* Gives the amendment @name (the current one when NULL) the status
 * @status (and with a decision, its vote), as a commit of its record on
 * its own branch; the working copy follows when it is on that branch. */
static AmendAmendment *
commit_status (AmendRepository *repo,
               const char      *name,
               AmendStatus      status,
               const AmendVote *vote,
               GError         **error)
{
  g_autoptr(AmendAmendment) self = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *message = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(AmendJournal) journal = NULL;

  slug = amend_amendment_slug_of (repo, name, error);
  if (slug == NULL)
    return NULL;
  summary = g_strdup_printf (_("making " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " %s"), slug, amend_status_to_string (status));
  self = begin_record_change (repo, slug,
                              status == AMEND_STATUS_SUBMITTED ? "submit" :
                              status == AMEND_STATUS_WITHDRAWN ? "withdraw" : vote ? "reject" : "status",
                              summary, &journal, error);
  if (self == NULL)
    return NULL;
  if (!amend_amendment_set_status (self, status, NULL, error) ||
      (status == AMEND_STATUS_SUBMITTED && !amend_amendment_check_changes (repo, self, _("submitted"), error)))
    return NULL;
  if (vote)
    amend_amendment_set_vote (self, vote);
  switch (status)
    {
    case AMEND_STATUS_SUBMITTED:
      message = g_strdup_printf (_("Submit amendment: %s"), amend_amendment_get_title (self));
      break;
    case AMEND_STATUS_WITHDRAWN:
      message = g_strdup_printf (_("Withdraw amendment: %s"), amend_amendment_get_title (self));
      break;
    default:
      message = vote ? amend_amendment_decision_message (self, vote)
                     : g_strdup_printf (_("Amendment %s: %s"), amend_status_to_string (status),
                                        amend_amendment_get_title (self));
      break;
    }
  if (!commit_record (repo, self, journal, message, error))
    return NULL;
  /* What is submitted is what the council adopts, usually after main has
   * moved: knowing its text canonical spares that merge a reading. */
  if (status == AMEND_STATUS_SUBMITTED)
    {
      g_autofree char *refname = refname_of (self->slug);
      amend_canonical_blobs_check_commit (repo, refname);
    }
  return g_steal_pointer (&self);
}

AmendAmendment *
amend_amendment_change_status (AmendRepository *repo,
                               const char      *name,
                               AmendStatus      status,
                               GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  return commit_status (repo, name, status, NULL, error);
}

/* The council rejected @name: status verworpen and the vote, committed on
 * its branch, which stays. */
AmendAmendment *
amend_amendment_reject (AmendRepository *repo,
                        const char      *name,
                        const AmendVote *vote,
                        GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (vote != NULL && vote->result == AMEND_STATUS_REJECTED, NULL);
  return commit_status (repo, name, AMEND_STATUS_REJECTED, vote, error);
}

/**
 * amend_amendment_edit_record:
 * @submitters: the submitters, as amend propose takes them (a group
 *   without an address is one); at least one
 * @motivation: (nullable): the motivation; NULL or "" for none
 *
 * Changes who submits the amendment @name and why, as a commit of its
 * record on its own branch, while it is concept (being written): once
 * submitted, what the council received stays as it was.
 */
AmendAmendment *
amend_amendment_edit_record (AmendRepository    *repo,
                             const char         *name,
                             const char * const *submitters,
                             const char         *motivation,
                             GError            **error)
{
  g_autoptr(AmendAmendment) self = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AmendJournal) journal = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (!normalize_submitters (submitters, people, error))
    return NULL;
  if (people->len == 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                   _("an amendment needs at least one submitter"));
      return NULL;
    }
  g_ptr_array_add (people, NULL);
  slug = amend_amendment_slug_of (repo, name, error);
  if (slug == NULL)
    return NULL;
  summary = g_strdup_printf (_("changing the record of " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d"), slug);
  self = begin_record_change (repo, slug, "record", summary, &journal, error);
  if (self == NULL)
    return NULL;
  if (self->status != AMEND_STATUS_CONCEPT)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is %s: its submitters and motivation "
                     "change only while it is concept"),
                   slug, amend_status_to_string (self->status));
      return NULL;
    }
  amend_amendment_set_submitters (self, (const char * const *) people->pdata);
  amend_amendment_set_motivation (self, motivation && *motivation ? motivation : NULL);
  message = g_strdup_printf (_("Change the submitters and motivation of amendment: %s"), amend_amendment_get_title (self));
  if (!commit_record (repo, self, journal, message, error))
    return NULL;
  return g_steal_pointer (&self);
}
