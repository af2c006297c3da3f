/* amend-file.c: reading a file with a bound, whatever the file is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The size a file says it has is no bound: /dev/zero says 0, a FIFO or
 * standard input says nothing, a file may grow while it is read.  These
 * functions read at most @limit + 1 bytes and refuse the input when the
 * last one came: Amend never holds more than the bound of one input.  A
 * regular file larger than the bound is refused before it is read.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amend-document.h"
#include "amend-file.h"

#define CHUNK (64 * 1024)

/* How long a pipe or device may stay silent before its reader gives up. */
static guint pipe_wait_ms = 30 * 1000;

static void
set_too_large (GError    **error,
               const char *name,
               gsize       limit)
{
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
               _("%s is larger than %u MB, too large for a regulation"), name,
               (guint) (limit / (1024 * 1024)));
}

/* Room for @need more bytes (and a NUL) in @buf, growing it by doubling
 * up to @limit + 2. */
static void
reserve (char  **buf,
         gsize  *size,
         gsize   used,
         gsize   need,
         gsize   limit)
{
  gsize want = *size;

  while (want < used + need + 1)
    want = want ? want * 2 : CHUNK;
  want = MIN (want, limit + 2);
  if (want != *size)
    {
      *buf = g_realloc (*buf, want);
      *size = want;
    }
}

/**
 * amend_file_set_pipe_wait:
 * @ms: how long a pipe may stay silent
 *
 * For the tests, which cannot wait half a minute.
 */
void
amend_file_set_pipe_wait (guint ms)
{
  pipe_wait_ms = ms;
}

static void
set_read_error (GError    **error,
                const char *name,
                int         saved)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot read %s: %s"), name,
               g_strerror (saved));
}

/* Waits until @fd has something to read (or its writer left); FALSE with
 * @error after pipe_wait_ms of silence. */
static gboolean
wait_readable (int          fd,
               const char  *name,
               GError     **error)
{
  struct pollfd p = { fd, POLLIN, 0 };
  int n;

  while ((n = poll (&p, 1, (int) pipe_wait_ms)) < 0 && errno == EINTR)
    ;
  if (n < 0)
    {
      set_read_error (error, name, errno);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   _("%s is a pipe or device, and nothing came out of it for %u seconds; give a file, or "
                     "start what writes into the pipe first"),
                   name, MAX (pipe_wait_ms / 1000, 1));
      return FALSE;
    }
  return TRUE;
}

/* A FIFO, a terminal, a device: opened without waiting for a writer (a
 * named pipe nobody writes to would block open() for ever), then read
 * while something comes, at most @limit + 1 bytes. */
static char *
read_special (const char  *path,
              const char  *name,
              gsize        limit,
              gsize       *len,
              GError     **error)
{
  g_autofree char *buf = NULL;
  gsize size = 0, used = 0;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_read_error (error, name, errno);
      return NULL;
    }
  for (;;)
    {
      gssize n;

      if (size < used + 2)
        reserve (&buf, &size, used, MIN (CHUNK, limit + 1 - used), limit);
      if (!wait_readable (fd, name, error))
        break;
      n = read (fd, buf + used, size - 1 - used);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          set_read_error (error, name, errno);
          break;
        }
      if (n == 0)
        {
          close (fd);
          buf[used] = '\0';
          *len = used;
          return g_steal_pointer (&buf);
        }
      used += n;
      if (used > limit)
        {
          set_too_large (error, name, limit);
          break;
        }
    }
  close (fd);
  return NULL;
}

/**
 * amend_read_file:
 * @limit: the most bytes the file may have
 * @len: (out): its length; the text is NUL-terminated as well
 *
 * Returns: (transfer full): the contents, or %NULL with @error: the file
 * could not be read, or holds more than @limit bytes (AMEND_ERROR_TOO_LARGE).
 */
char *
amend_read_file (GFile         *file,
                 gsize          limit,
                 gsize         *len,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *buf = NULL;
  gsize size = 0, used = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s is a folder, not a file"), name);
      return NULL;
    }
  /* Refused before reading: a huge file is never loaded first. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && (guint64) g_file_info_get_size (info) > limit)
    {
      set_too_large (error, name, limit);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL && g_file_peek_path (file) != NULL)
    return read_special (g_file_peek_path (file), name, limit, len, error);
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  /* A regular file's size is known: one block of it, and a byte to see
   * that it did not grow. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      size = g_file_info_get_size (info) + 2;
      buf = g_malloc (size);
    }
  for (;;)
    {
      gssize n;

      if (size < used + 2)
        reserve (&buf, &size, used, MIN (CHUNK, limit + 1 - used), limit);
      n = g_input_stream_read (G_INPUT_STREAM (in), buf + used, size - 1 - used, cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      used += n;
      if (used > limit)
        {
          set_too_large (error, name, limit);
          return NULL;
        }
    }
  buf[used] = '\0';
  *len = used;
  return g_steal_pointer (&buf);
}

/**
 * amend_read_fd:
 * @name: what the messages call it ("standard input")
 *
 * Like amend_read_file(), for a file descriptor that is read to its end
 * (and not closed).
 */
char *
amend_read_fd (int          fd,
               const char  *name,
               gsize        limit,
               gsize       *len,
               GError     **error)
{
  g_autofree char *buf = NULL;
  gsize size = 0, used = 0;

  for (;;)
    {
      gssize n;

      if (size < used + 2)
        reserve (&buf, &size, used, MIN (CHUNK, limit + 1 - used), limit);
      n = read (fd, buf + used, size - 1 - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_read_error (error, name, errno);
          return NULL;
        }
      if (n == 0)
        break;
      used += n;
      if (used > limit)
        {
          set_too_large (error, name, limit);
          return NULL;
        }
    }
  buf[used] = '\0';
  *len = used;
  return g_steal_pointer (&buf);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/**
 * amend_write_file:
 *
 * Writes @file whole or not at all: a temporary file in the same folder,
 * flushed to the disk, renamed over it.  A kill or a full disk leaves the
 * old file or the new one, never half of one.  Unlike
 * g_file_replace_contents(), which writes into the file itself when it
 * cannot make the temporary file (a read-only folder), this then fails
 * and leaves the file alone.  A symbolic link is followed (the file it
 * names is replaced, the link stays); the file keeps its permissions.  What
 * is no regular file (a terminal, a FIFO, /dev/null) is written into.
 */
gboolean
amend_write_file (GFile       *file,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  mode_t mode;
  struct stat st;
  int fd, saved;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("cannot write %s: %s"), name,
                   g_strerror (ENOTSUP));
      return FALSE;
    }
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);
  if (g_stat (target, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    {
      /* A terminal, a pipe, /dev/null: written into, as a shell's > does.
       * A file renamed over it would replace the device or the FIFO. */
      fd = g_open (target, O_WRONLY | O_CLOEXEC, 0);
      if (fd < 0)
        goto fail;
      if (!write_all (fd, data, len))
        {
          saved = errno;
          close (fd);
          errno = saved;
          goto fail;
        }
      if (close (fd) != 0)
        goto fail;
      return TRUE;
    }
  if (g_stat (target, &st) == 0)
    mode = st.st_mode & 07777;
  else
    {
      /* A new file gets what open() gives: 0666 less the umask. */
      mode_t mask = umask (0);
      umask (mask);
      mode = 0666 & ~mask;
    }
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    goto fail;
  if (!write_all (fd, data, len) || fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      errno = saved;
      goto fail;
    }
  if (close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      errno = saved;
      goto fail;
    }
  return TRUE;

fail:
  saved = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write %s: %s"), path,
               g_strerror (saved));
  return FALSE;
}
