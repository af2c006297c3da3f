/* amend-bundle.h: the git bundle format (v2, and v3 with sha1), read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is a header of text lines, then a pack:
 *
 *   # v2 git bundle
 *   -<id> <comment>        a prerequisite: a commit the reader must have
 *   <id> <refname>         a ref the bundle carries
 *   (an empty line)
 *   PACK...                the objects, as git sends them over the network
 *
 * This layer knows the format only; what a project accepts from a bundle
 * is decided in amend-package.c.
 */
#pragma once

#include <git2.h>
#include <gio/gio.h>

#include "amend-sync-job.h"

G_BEGIN_DECLS

/* The header may not be longer than this: a project has some thousand
 * amendments at most, each a line of about 100 bytes. */
#define AMEND_BUNDLE_MAX_HEADER (1024 * 1024)

typedef struct {
  git_oid  id;
  char    *name;   /* as written: not checked to be a valid ref name */
} AmendBundleRef;

typedef struct {
  guint      version;               /* 2 or 3 */
  GArray    *prerequisites;         /* of git_oid */
  GPtrArray *prerequisite_comments; /* of char*, "" when none */
  GPtrArray *refs;                  /* of AmendBundleRef* */
  gsize      header_length;         /* the pack starts here */
} AmendBundle;

void         amend_bundle_free         (AmendBundle       *bundle);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendBundle, amend_bundle_free)

/* Parses the header at the start of @data (the whole file, or at least
 * its first AMEND_BUNDLE_MAX_HEADER + 1 bytes); @name names the file in
 * the messages.  Any bytes give a bundle or an error, never a crash. */
AmendBundle *amend_bundle_parse_header (const char        *data,
                                        gsize              len,
                                        const char        *name,
                                        GError           **error);

/* Opens @path, refuses one over AMEND_PACKAGE_MAX_SIZE and reads its
 * header; @fd gets the open file, positioned nowhere in particular. */
AmendBundle *amend_bundle_open         (const char        *path,
                                        int               *fd,
                                        goffset           *size,
                                        GError           **error);

/* Feeds the pack of the open bundle @fd to libgit2's indexer, which checks
 * every object and the pack's checksum and, given @odb, completes a thin
 * pack with the bases it has and checks that every object the pack names
 * is in it or in @odb.  The .pack and .idx are written into @pack_dir;
 * @pack_name gets "pack-<hash>". */
gboolean     amend_bundle_index        (AmendBundle       *bundle,
                                        int                fd,
                                        const char        *name,
                                        const char        *pack_dir,
                                        git_odb           *odb,
                                        AmendSyncJob      *job,
                                        char             **pack_name,
                                        guint             *objects,
                                        GError           **error);

/* Writes a v2 bundle of @refs to @path (replaced atomically): the objects
 * reachable from them and not from @prerequisites; one branch on its
 * prerequisites as a thin pack (its changed files as deltas against the
 * prerequisite's versions, which git and amend_bundle_index complete
 * from the receiver's objects), anything else packed by git_packbuilder. */
gboolean     amend_bundle_write        (git_repository    *repo,
                                        GPtrArray         *refs,
                                        GArray            *prerequisites,
                                        const char        *path,
                                        AmendSyncJob      *job,
                                        guint             *objects,
                                        guint64           *bytes,
                                        GError           **error);

G_END_DECLS
