/* amend-cli.c: option parsing, loading and messages shared by the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amend-cli.h"

char *amend_cli_repo_dir = NULL;

/* Goes into the folder of -C DIR, once: from then on every file name
 * counts from there, as with git -C, also for the commands that read files
 * before they open the project (diff of two files, export of FILE). */
gboolean
amend_cli_enter_repo_dir (int *status)
{
  if (amend_cli_repo_dir != NULL && g_chdir (amend_cli_repo_dir) != 0)
    {
      int saved = errno;

      amend_cli_error (_("cannot work in %s: %s; give the folder of a project"),
                       amend_cli_repo_dir, g_strerror (saved));
      *status = AMEND_EXIT_FAILURE;
      return FALSE;
    }
  /* Once: a relative folder is relative to where the command started. */
  g_clear_pointer (&amend_cli_repo_dir, g_free);
  return TRUE;
}

/* Kept reachable (so that leak checkers do not count it), never freed. */
static GPtrArray *kept;

/* Takes @data, which the process frees by ending: a large model is not
 * worth taking apart piece by piece just before exit. */
void
amend_cli_keep_until_exit (gpointer data)
{
  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, data);
}

/* Text from a project (a title, a submitter, a comment, a name in a
 * package) may hold control characters, and a terminal obeys them: an
 * escape sequence in a title could clear the screen or rewrite what list
 * shows.  So everything printed with g_print and g_printerr shows them as
 * \xNN: the C0 controls but tab, line feed and carriage return, DEL, and
 * the C1 controls U+0080 to U+009F.  NULL when there are none. */
static char *
show_controls (const char *text)
{
  GString *shown = NULL;
  const guchar *start = (const guchar *) text;

  for (const guchar *p = start; *p; p++)
    {
      gboolean c1 = p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f;

      if (!c1 && (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r') && *p != 0x7f)
        continue;
      if (shown == NULL)
        shown = g_string_new (NULL);
      g_string_append_len (shown, (const char *) start, p - start);
      if (c1)
        g_string_append_printf (shown, "\\x%02x\\x%02x", p[0], p[1]);
      else
        g_string_append_printf (shown, "\\x%02x", p[0]);
      p += c1;
      start = p + 1;
    }
  if (shown == NULL)
    return NULL;
  g_string_append (shown, (const char *) start);
  return g_string_free (shown, FALSE);
}

/* How many characters @text takes once printed: a control shown as \xNN
 * takes four (a C1 control, two bytes, eight), so that the columns of
 * amend list stay in line. */
int
amend_cli_shown_width (const char *text)
{
  int width = 0;

  for (const guchar *p = (const guchar *) text; p && *p; p++)
    {
      if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
        {
          width += 8;
          p++;
        }
      else if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
        width += 4;
      else if ((*p & 0xc0) != 0x80)
        width++;
    }
  return width;
}

/* As GLib prints, converted to the terminal's character set when that is
 * not UTF-8, but with the control characters shown. */
static void
print_shown (FILE       *stream,
             const char *string)
{
  g_autofree char *shown = show_controls (string);
  g_autofree char *local = NULL;
  const char *charset;

  if (shown != NULL)
    string = shown;
  if (!g_get_console_charset (&charset) && g_utf8_validate (string, -1, NULL))
    local = g_convert_with_fallback (string, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  fputs (local ? local : string, stream);
  fflush (stream);
}

static void
print_out (const char *string)
{
  print_shown (stdout, string);
}

static void
print_err (const char *string)
{
  print_shown (stderr, string);
}

void
amend_cli_show_controls_when_printing (void)
{
  g_set_print_handler (print_out);
  g_set_printerr_handler (print_err);
}

void
amend_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("amend: %s\n", message);
}

int
amend_cli_usage_error (const AmendCommand *command,
                       const char         *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("amend %s: %s\n", command->name, message);
  g_printerr (_("Usage: amend %s %s (see \xe2\x80\x9c" "amend help %s\xe2\x80\x9d)\n"),
              command->name, command->parameters, command->name);
  return AMEND_EXIT_USAGE;
}

GOptionContext *
amend_cli_option_context (const AmendCommand *command,
                          const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (command->parameters);

  g_option_context_set_summary (context, _(command->summary));
  if (command->description)
    g_option_context_set_description (context, _(command->description));
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

/* Parses options; on a usage error prints it and sets @status to 2. */
gboolean
amend_cli_parse (const AmendCommand *command,
                 GOptionContext     *context,
                 int                *argc,
                 char             ***argv,
                 int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("amend %s", command->name);

  g_set_prgname (prgname);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = amend_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  /* GOption leaves "--" in place when what follows it looks like an
   * option; it only ends the options, so that `amend propose -- -x` gets
   * the title "-x" and `amend switch -- -x` the amendment -x. */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  return TRUE;
}

/* Files are read with GLib alone (the program does not load GIO); the
 * messages are GIO's, word for word and in GLib's translation, as they
 * were when GIO read them. */
static char *
absolute_path (const char *arg)
{
  g_autofree char *from_uri = NULL;

  if (g_str_has_prefix (arg, "file:") && (from_uri = g_filename_from_uri (arg, NULL, NULL)) != NULL)
    return g_canonicalize_filename (from_uri, NULL);
  return g_canonicalize_filename (arg, NULL);
}

static void
set_io_error (GError    **error,
              const char *format,
              const char *path,
              int         errsv)
{
  g_autofree char *name = g_filename_display_name (path);

  /* @format is one of GIO's messages, looked up in its catalogue. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               g_dgettext ("glib20", format), name, g_strerror (errsv));
#pragma GCC diagnostic pop
}

/* Reads @fd to its end, but never more than AMEND_MAX_DOCUMENT_SIZE and
 * one byte: the size a file states is no bound (/dev/zero states 0, a
 * FIFO or standard input none), so what comes is counted as it comes.
 * @size_hint is the size of a regular file, 0 otherwise. */
static char *
read_bounded (int          fd,
              const char  *abs,
              const char  *name,
              gsize        size_hint,
              gsize       *len,
              GError     **error)
{
  g_autofree char *buf = NULL;
  gsize cap = 65536, used = 0;

  /* One read for a regular file, and one more that finds its end. */
  if (size_hint > 0)
    cap = size_hint + 4096;
  buf = g_malloc (cap);
  for (;;)
    {
      gssize n;

      if (cap - used < 2)
        buf = g_realloc (buf, cap *= 2);
      n = read (fd, buf + used, cap - used - 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, "Error reading from file %s: %s", abs, errno);
          return NULL;
        }
      if (n == 0)
        break;
      used += n;
      if (used > AMEND_MAX_DOCUMENT_SIZE)
        {
          g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                       _("%s is larger than %d MB, too large for a regulation"), name,
                       AMEND_MAX_DOCUMENT_SIZE / (1024 * 1024));
          return NULL;
        }
    }
  buf[used] = '\0';
  *len = used;
  return g_steal_pointer (&buf);
}

/* The whole file at @path (a path or a file: URI, as on a command line);
 * NULL with GIO's message when it cannot be opened or read, or with
 * AMEND_ERROR_TOO_LARGE past 64 MB (a regular file is refused from its
 * size, before it is read). */
char *
amend_cli_read_file (const char  *path,
                     gsize       *len,
                     GError     **error)
{
  g_autofree char *abs = absolute_path (path);
  g_autofree char *name = g_filename_display_name (abs);
  struct stat st = { 0 };
  int fd = g_open (abs, O_RDONLY | O_CLOEXEC, 0);
  char *data;

  if (fd < 0)
    {
      set_io_error (error, "Error opening file %s: %s", abs, errno);
      return NULL;
    }
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      close (fd);
      set_io_error (error, "Error opening file %s: %s", abs, EISDIR);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && st.st_size > AMEND_MAX_DOCUMENT_SIZE)
    {
      close (fd);
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB, too large for a regulation"), name,
                   AMEND_MAX_DOCUMENT_SIZE / (1024 * 1024));
      return NULL;
    }
  data = read_bounded (fd, abs, name, S_ISREG (st.st_mode) ? st.st_size : 0, len, error);
  close (fd);
  return data;
}

static void
unmap (gpointer data)
{
  GBytes *info = data;
  gsize len = 0;
  gconstpointer at = g_bytes_get_data (info, &len);

  munmap ((gpointer) at, len);
  g_bytes_unref (info);
}

/* As amend_cli_read_file(), but a regular file is mapped rather than
 * copied: the diff of two large files only looks at most of their bytes
 * once, and a mapped page of the page cache costs no copy and fewer page
 * faults.  The bytes are not followed by a NUL. */
GBytes *
amend_cli_map_file (const char  *path,
                    GError     **error)
{
  g_autofree char *abs = absolute_path (path);
  struct stat st = { 0 };
  int fd = g_open (abs, O_RDONLY | O_CLOEXEC, 0);
  gpointer at;
  char *data;
  gsize len = 0;

  if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0 &&
      (at = mmap (NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) != MAP_FAILED)
    {
      GBytes *span = g_bytes_new_static (at, st.st_size);

      close (fd);
      return g_bytes_new_with_free_func (at, st.st_size, unmap, span);
    }
  if (fd >= 0)
    close (fd);
  data = amend_cli_read_file (path, &len, error);
  return data ? g_bytes_new_take (data, len) : NULL;
}

/* A terminal, a FIFO, /dev/null: written into, as a shell's > does; a
 * file renamed over it would take the place of the device or the pipe. */
static gboolean
write_into (const char  *path,
            const char  *data,
            gsize        len,
            GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  int errsv;

  while (fd >= 0 && len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      data += n;
      len -= (gsize) n;
    }
  errsv = errno;
  if (fd >= 0 && close (fd) != 0 && len == 0)
    errsv = errno, len = 1;
  if (fd >= 0 && len == 0)
    return TRUE;
  {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv), _("cannot write %s: %s"), name,
                 g_strerror (errsv));
  }
  return FALSE;
}

/* Writes @data to @path whole or not at all: a new file next to the old
 * one (or next to the file a link points to), with the old one's
 * permissions, renamed over it; what is no regular file is written into. */
gboolean
amend_cli_write_file (const char  *path,
                      const char  *data,
                      gsize        len,
                      GError     **error)
{
  g_autofree char *abs = absolute_path (path);
  g_autofree char *target = NULL;
  g_autoptr(GError) local = NULL;
  struct stat st;
  int mode = 0666;

  target = g_file_read_link (abs, NULL);
  if (target != NULL && !g_path_is_absolute (target))
    {
      g_autofree char *dir = g_path_get_dirname (abs);
      g_autofree char *joined = g_build_filename (dir, target, NULL);

      g_free (target);
      target = g_canonicalize_filename (joined, NULL);
    }
  if (g_stat (target ? target : abs, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    return write_into (target ? target : abs, data, len, error);
  if (g_stat (target ? target : abs, &st) == 0)
    mode = st.st_mode & 07777;
  if (!g_file_set_contents_full (target ? target : abs, data, len, G_FILE_SET_CONTENTS_CONSISTENT, mode, &local))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* GLib names its temporary file (".paper.html.YT70Z3"), which the
       * user never saw and which is gone again. */
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
        g_set_error (error, G_FILE_ERROR, local->code,
                     _("cannot write %s: %s; nothing was written there: make room on the disk and try again"), name,
                     g_strerror (ENOSPC));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* The bytes of the regulation at @path ("-": standard input), refused
 * before reading when it is a folder or too large; NULL with the message
 * printed.  Not followed by a NUL. */
GBytes *
amend_cli_load_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  GBytes *data = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      char *text;
      gsize len = 0;

      /* Bounded: standard input may be endless. */
      text = read_bounded (0, "standard input", _("standard input"), 0, &len, &error);
      if (text == NULL)
        {
          amend_cli_error ("%s", error->message);
          return NULL;
        }
      return g_bytes_new_take (text, len);
    }
  else
    {
      g_autofree char *abs = absolute_path (path);
      g_autofree char *name = g_filename_display_name (abs);
      struct stat st;

      if (g_stat (abs, &st) != 0 && g_lstat (abs, &st) != 0)
        set_io_error (&error, "Error when getting information for file \xe2\x80\x9c%s\xe2\x80\x9d: %s", abs, errno);
      else if (S_ISDIR (st.st_mode))
        g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                     _("%s is a folder; give the regulation's .md file"), name);
      /* Refuse before reading: a huge file should not be loaded into memory first. */
      else if (S_ISREG (st.st_mode) && st.st_size > AMEND_MAX_DOCUMENT_SIZE)
        g_set_error (&error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                     _("%s is larger than %d MB, too large for a regulation"),
                     name, AMEND_MAX_DOCUMENT_SIZE / (1024 * 1024));
      else
        data = amend_cli_map_file (path, &error);
    }
  if (data == NULL)
    amend_cli_error ("%s", error->message);
  return data;
}

AmendDocument *
amend_cli_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  gsize len = 0;
  AmendDocument *doc;

  /* Read, not mapped, and handed to the reader, which frees it once it
   * has its own copy: a large file is not held twice while it is read
   * (memory under ten times the file). */
  if (g_strcmp0 (path, "-") == 0)
    text = read_bounded (0, "standard input", _("standard input"), 0, &len, &error);
  else
    {
      g_autofree char *abs = absolute_path (path);
      g_autofree char *name = g_filename_display_name (abs);

      if (g_file_test (abs, G_FILE_TEST_IS_DIR))
        g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                     _("%s is a folder; give the regulation's .md file"), name);
      else
        text = amend_cli_read_file (path, &len, &error);
    }
  if (text == NULL)
    {
      amend_cli_error ("%s", error->message);
      return NULL;
    }
  doc = amend_document_new_take_data (text, len, &error);
  if (doc == NULL)
    amend_cli_error ("%s", error->message);
  return doc;
}

void
amend_cli_print_diagnostics (AmendDocument *doc,
                             const char    *path,
                             gboolean       errors_only)
{
  GPtrArray *diags = amend_document_get_diagnostics (doc);

  for (guint i = 0; i < diags->len; i++)
    {
      const AmendDiagnostic *diag = g_ptr_array_index (diags, i);
      g_autofree char *line = NULL;

      if (errors_only && diag->severity != AMEND_SEVERITY_ERROR)
        continue;
      line = amend_diagnostic_format (diag, path);
      g_printerr ("%s\n", line);
    }
}

