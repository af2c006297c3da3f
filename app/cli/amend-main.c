/* amend-main.c: the amend program: dispatch, help and version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "amend-cli.h"

/* In the order of `amend --help`; without a command: one of the module
 * named (amend-project-module.c, amend-xml-module.c), loaded only when it
 * runs or is listed. */
static const struct {
  const char         *name;
  const AmendCommand *command;
  const char         *module;
} commands[] = {
  { "outline", &amend_command_outline, NULL },
  { "check", &amend_command_check, NULL },
  { "fmt", &amend_command_fmt, NULL },
  { "init", NULL, "project" },
  { "save", NULL, "project" },
  { "log", NULL, "project" },
  { "show", NULL, "project" },
  { "status", NULL, "project" },
  { "propose", NULL, "project" },
  { "edit", NULL, "project" },
  { "list", NULL, "project" },
  { "switch", NULL, "project" },
  { "submit", NULL, "project" },
  { "withdraw", NULL, "project" },
  { "vote", NULL, "project" },
  { "adopt", NULL, "project" },
  { "reject", NULL, "project" },
  { "conflicts", NULL, "project" },
  { "resolve", NULL, "project" },
  { "update", NULL, "project" },
  { "collisions", NULL, "project" },
  { "order", NULL, "project" },
  { "paper", NULL, "project" },
  { "comment", NULL, "project" },
  { "diff", &amend_command_diff, NULL },
  { "export", NULL, "xml" },
  { "import", NULL, "xml" },
  { "validate", NULL, "xml" },
  { "package", NULL, "project" },
  { "clone", NULL, "project" },
  { "pull", NULL, "project" },
  { "push", NULL, "project" },
  { "remote", NULL, "project" },
};

/* NULL when there is no such command; @known says whether the name is one
 * (a command of a module that could not be loaded, with its message). */
static const AmendCommand *
find_command (const char *name,
              gboolean   *known)
{
  *known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      {
        *known = TRUE;
        return commands[i].command ? commands[i].command
                                   : amend_cli_find_module_command (commands[i].module, name);
      }
  return NULL;
}

static void
print_main_help (void)
{
  g_print (_("Usage: amend COMMAND [OPTION\xe2\x80\xa6] [ARGUMENT\xe2\x80\xa6]\n"));
  g_print ("\n");
  g_print (_("Amend: write local regulations together, as Markdown in git.\n"));
  g_print ("\n");
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gboolean known;
      const AmendCommand *command = find_command (commands[i].name, &known);

      g_print ("  %-10s %s\n", commands[i].name, command ? _(command->summary) : "");
    }
  g_print ("  %-10s %s\n", "help", _("Show the help of a command"));
  g_print ("\n");
  g_print (_("Options:\n"));
  g_print ("  -h, --help     %s\n", _("Show this help"));
  g_print ("  --version      %s\n", _("Show the version"));
  g_print ("\n");
  g_print (_("Exit status: 0 success, 1 findings (check, fmt --check) or a stop at conflicts (adopt, vote, update), 2 usage error, 3 a file could not be read or written (or a remote reached), 4 refused (unsaved changes, a lock, an unfinished merge, a status that cannot change so, a package or push the project does not take), 130 stopped with Ctrl+C.\n"));
  g_print (_("Run \xe2\x80\x9c" "amend help COMMAND\xe2\x80\x9d for the options of a command.\n"));
}

/* AddressSanitizer has a heap of its own.  GCC says so with
 * __SANITIZE_ADDRESS__, clang with __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && !defined(SANITIZED)
#define HEAP_IN_HUGE_PAGES 1
#define HUGE_PAGE (2 * 1024 * 1024)
/* Below the largest M_MMAP_THRESHOLD glibc takes (32 MB). */
#define HEAP_RESERVE (30 * 1024 * 1024)

/* The bottom of the reserve, below its first huge page: taken and never
 * touched, so that what the command allocates starts in a huge page. */
static void *below_huge_pages;

/* Whether malloc writes every block (MALLOC_PERTURB_, which meson's tests
 * set): it would write the whole reserve. */
static gboolean
malloc_perturbs (void)
{
  const char *perturb = g_getenv ("MALLOC_PERTURB_");
  const char *tunables = g_getenv ("GLIBC_TUNABLES");

  return (perturb != NULL && atoi (perturb) != 0) || (tunables != NULL && strstr (tunables, "malloc.perturb") != NULL);
}

/* The heap in huge pages.  A command builds two models of a regulation
 * (the diff of two versions of the Gemeentewet: 4 MB), and the kernel
 * gives heap memory a 4 KB page at a time, with a page fault for each:
 * on a virtual machine those faults cost more than reading the texts,
 * more than all that the diff computes.  So the heap is grown once by a
 * reserve that the kernel backs with 2 MB pages as they are touched
 * (transparent huge pages, asked for with madvise): 1,250 page faults
 * became 180.  Memory that is not touched costs nothing. */
static void
heap_in_huge_pages (void)
{
  uintptr_t start = (uintptr_t) sbrk (0);
  uintptr_t at, aligned, end;
  void *reserve;

  if (malloc_perturbs ())
    return;
  /* The reserve from the heap, and kept there once freed. */
  mallopt (M_MMAP_THRESHOLD, HEAP_RESERVE + HUGE_PAGE);
  mallopt (M_TRIM_THRESHOLD, 2 * HEAP_RESERVE);
  reserve = malloc (HEAP_RESERVE);
  at = (uintptr_t) reserve;
  end = (uintptr_t) sbrk (0);
  free (reserve);
  aligned = (at + 4096 + HUGE_PAGE - 1) & ~(uintptr_t) (HUGE_PAGE - 1);
  /* Not from the heap (valgrind keeps it small): as it was. */
  if (at == 0 || end <= start || at >= end || aligned + HUGE_PAGE > end)
    return;
  below_huge_pages = malloc (aligned - at - 2 * sizeof (size_t));
  if ((uintptr_t) below_huge_pages == at)
    madvise ((void *) aligned, end - aligned, MADV_HUGEPAGE);
}
#endif

/* `amend help COMMAND [SUB]`: the command's own --help, after what names
 * a part of it (`amend help comment add` is `amend comment add --help`). */
static int
print_command_help (const AmendCommand *command,
                    int                 n_words,
                    char              **words)
{
  g_autofree char **argv = g_new0 (char *, n_words + 3);

  argv[0] = (char *) command->name;
  for (int i = 0; i < n_words; i++)
    argv[i + 1] = words[i];
  argv[n_words + 1] = (char *) "--help";
  /* GOption prints the help (and its options) itself and exits 0. */
  return command->run (n_words + 2, argv);
}

int
main (int    argc,
      char **argv)
{
  const AmendCommand *command;
  gboolean known;

  /* The command works on local files only; GIO's gvfs module would try to
   * reach a session bus that scripts and CI do not have. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  /* Standard output is the command's answer (JSON, a file): GLib's debug
   * messages (G_MESSAGES_DEBUG) go where the errors go. */
  g_log_writer_default_set_use_stderr (TRUE);
#ifdef __GLIBC__
  /* Large blocks (the text of a regulation, cmark's pieces, the output)
   * always in their own mapping, given back when freed.  glibc would
   * otherwise raise the threshold after the first such block is freed and
   * keep the next ones in the heap, where a growing output leaves its
   * earlier copies behind: a 60 MB file took 11 times its size. */
#ifdef HEAP_IN_HUGE_PAGES
  heap_in_huge_pages ();
#endif
  mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AMEND_LOCALEDIR") ? g_getenv ("AMEND_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  amend_cli_show_controls_when_printing ();

  if (argc < 2)
    {
      g_printerr (_("amend: no command given\n"));
      g_printerr (_("Run \xe2\x80\x9c" "amend --help\xe2\x80\x9d to see the commands.\n"));
      return AMEND_EXIT_USAGE;
    }

  /* "amend -C DIR COMMAND ...", as with git: the option goes to the command. */
  if (argc >= 4 && (strcmp (argv[1], "-C") == 0 || strcmp (argv[1], "--repo") == 0))
    {
      char *option = argv[1];
      char *dir = argv[2];

      memmove (argv + 1, argv + 3, sizeof (char *) * (argc - 3));
      argv[argc - 2] = option;
      argv[argc - 1] = dir;
      /* The command parses its options anywhere among its arguments. */
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_main_help ();
      return AMEND_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("amend %s\n", PACKAGE_VERSION);
      return AMEND_EXIT_OK;
    }
  if (strcmp (argv[1], "help") == 0)
    {
      if (argc < 3 || strcmp (argv[2], "help") == 0)
        {
          print_main_help ();
          return AMEND_EXIT_OK;
        }
      command = find_command (argv[2], &known);
      if (command == NULL && known)
        return AMEND_EXIT_FAILURE;
      if (command == NULL)
        {
          g_printerr (_("amend: there is no command \xe2\x80\x9c%s\xe2\x80\x9d; run \xe2\x80\x9c" "amend --help\xe2\x80\x9d to see the commands\n"), argv[2]);
          return AMEND_EXIT_USAGE;
        }
      return print_command_help (command, argc - 3, argv + 3);
    }

  command = find_command (argv[1], &known);
  if (command == NULL && known)
    return AMEND_EXIT_FAILURE;
  if (command == NULL)
    {
      g_printerr (_("amend: there is no command \xe2\x80\x9c%s\xe2\x80\x9d; run \xe2\x80\x9c" "amend --help\xe2\x80\x9d to see the commands\n"), argv[1]);
      return AMEND_EXIT_USAGE;
    }
  return command->run (argc - 1, argv + 1);
}
