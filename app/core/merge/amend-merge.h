/* amend-merge.h: the structural three-way merge of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"
#include "amend-document.h"

G_BEGIN_DECLS

typedef enum {
  AMEND_CONFLICT_TEXT,          /* both changed the words of one paragraph, at the same place */
  AMEND_CONFLICT_HEADING,       /* both changed a number, kind word or title, differently */
  AMEND_CONFLICT_DELETED,       /* one side deleted what the other changed */
  AMEND_CONFLICT_INSERTED,      /* both inserted something different at the same place */
  AMEND_CONFLICT_MOVED,         /* both moved a node, to different places */
  AMEND_CONFLICT_ORDER,         /* both put the same nodes in another order */
  AMEND_CONFLICT_FRONT_MATTER,  /* both changed one key of the front matter */
  AMEND_CONFLICT_CHECK,         /* the merged text would not hold a side's change: never taken silently */
  AMEND_CONFLICT_FILE,          /* a file both changed that is no regulation, or cannot be read as one */
  AMEND_CONFLICT_RECORD,        /* one key of an amendment's record, set differently on both sides */
  AMEND_CONFLICT_NUMBERING,     /* each side numbered in order, together two parts share a number or go down */
} AmendConflictKind;

typedef enum {
  AMEND_RESOLUTION_NONE,
  AMEND_RESOLUTION_OURS,
  AMEND_RESOLUTION_THEIRS,
  AMEND_RESOLUTION_TEXT,
} AmendResolution;

/* One conflict, per node.  The texts are Markdown as the regulation has
 * it: a paragraph, a heading line ("Artikel 5a Opschrift"), a member or an
 * article with all it holds; NULL where that version has nothing. */
typedef struct {
  AmendConflictKind kind;
  char             *id;           /* the eId of the node (in the base where it has one), unique in a merge */
  char             *path;         /* the file; set by the merge of branches */
  char             *article;      /* the number of the article it is in, or NULL */
  char             *label;        /* where it stands, cited: "Artikel 3, tweede lid, onder b"; or NULL */
  char             *base_text;
  char             *ours_text;
  char             *theirs_text;
  AmendResolution   resolution;   /* how it is resolved; NONE: the result holds ours for now */
  char             *text;         /* the text given for RESOLUTION_TEXT */
} AmendConflict;

const char *amend_conflict_kind_to_string (AmendConflictKind kind);
const char *amend_resolution_to_string    (AmendResolution   resolution);
gboolean    amend_resolution_from_string  (const char       *word,
                                           AmendResolution  *resolution);
AmendConflict *amend_conflict_copy     (const AmendConflict *conflict);
void        amend_conflict_free           (AmendConflict    *conflict);

/* How the conflicts of a merge are resolved: id -> AmendChoice. */
typedef struct {
  AmendResolution resolution;
  char           *text;
} AmendChoice;

GHashTable *amend_choices_new             (void);
void        amend_choices_set             (GHashTable       *choices,
                                           const char       *id,
                                           AmendResolution   resolution,
                                           const char       *text);

#define AMEND_MERGE_ERROR (amend_merge_error_quark ())

typedef enum {
  AMEND_MERGE_ERROR_RESOLUTION,  /* a resolution that does not fit its conflict */
  AMEND_MERGE_ERROR_FAILED,
} AmendMergeError;

GQuark amend_merge_error_quark (void);

#define AMEND_TYPE_MERGE (amend_merge_get_type ())

G_DECLARE_FINAL_TYPE (AmendMerge, amend_merge, AMEND, MERGE, GObject)

AmendMerge    *amend_merge_documents          (AmendDocument *base,
                                               AmendDocument *ours,
                                               AmendDocument *theirs);
AmendMerge    *amend_merge_documents_full     (AmendDocument *base,
                                               AmendDocument *ours,
                                               AmendDocument *theirs,
                                               GHashTable    *choices,
                                               GError       **error);
AmendDocument *amend_merge_get_base           (AmendMerge    *self);
AmendDocument *amend_merge_get_ours           (AmendMerge    *self);
AmendDocument *amend_merge_get_theirs         (AmendMerge    *self);
AmendDocument *amend_merge_get_result         (AmendMerge    *self);
const char    *amend_merge_get_markdown       (AmendMerge    *self);
AmendDiff     *amend_merge_get_ours_diff      (AmendMerge    *self);
AmendDiff     *amend_merge_get_theirs_diff    (AmendMerge    *self);
GPtrArray     *amend_merge_get_conflicts      (AmendMerge    *self);
guint          amend_merge_count_unresolved   (AmendMerge    *self);
gboolean       amend_merge_check              (AmendMerge    *self,
                                               GError       **error);

G_END_DECLS
