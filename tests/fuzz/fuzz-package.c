/* fuzz-package.c: libFuzzer target: the package reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What amend package import reads from a file someone sent: the bundle's
 * header (parsed from memory), then its pack, fed to libgit2's indexer as
 * amend_bundle_index does, into a folder of a throw-away repository whose
 * objects complete thin packs.  The reader must refuse anything it cannot
 * read with an error, never crash, and a header it accepts must hold what
 * the rest of Amend relies on.
 */
#include "config.h"

#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "amend-bundle.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static git_repository *repo;
static git_odb *odb;
static char *pack_dir;

static void
setup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzz-package-XXXXXX", NULL);

  git_libgit2_init ();
  if (dir == NULL || git_repository_init (&repo, dir, 1) < 0 || git_repository_odb (&odb, repo) < 0)
    abort ();
  pack_dir = g_build_filename (dir, "incoming", NULL);
  g_mkdir (pack_dir, 0700);
}

static void
empty_pack_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (pack_dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (pack_dir, name, NULL);

      g_unlink (path);
    }
}

static void
check_header (const AmendBundle *bundle,
              size_t             size)
{
  if (bundle->header_length > size || bundle->refs->len == 0 ||
      bundle->prerequisites->len != bundle->prerequisite_comments->len)
    abort ();
  for (guint i = 0; i < bundle->refs->len; i++)
    {
      const char *name = ((AmendBundleRef *) g_ptr_array_index (bundle->refs, i))->name;

      if (*name == '\0' || strchr (name, '\n') != NULL)
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AmendBundle) bundle = NULL;
  g_autofree char *name = NULL;
  guint objects = 0;
  int fd;

  if (repo == NULL)
    setup ();
  bundle = amend_bundle_parse_header ((const char *) data, size, "fuzz", NULL);
  if (bundle == NULL)
    return 0;
  check_header (bundle, size);

  /* The pack as the file it would be: a file in memory. */
  fd = memfd_create ("package", MFD_CLOEXEC);
  if (fd < 0 || write (fd, data, size) != (ssize_t) size)
    abort ();
  amend_bundle_index (bundle, fd, "fuzz", pack_dir, odb, NULL, &name, &objects, NULL);
  close (fd);
  empty_pack_dir ();
  return 0;
}
