/* amend-bench-window.c: a window timed from outside, as its user sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: amend-bench-window [--keys N] [--idle S] [--rest S] [--size WxH] -- PROGRAM [ARG...]
 *
 * Starts PROGRAM on the X display of $DISPLAY (an Xvfb without a window
 * manager) and watches its first top-level window through the X Damage
 * extension: every damage report is a frame the program drew, and each
 * is read back (XGetImage) and hashed.  The same method serves every
 * program, so two of them are compared in one run.  Prints one line:
 *
 *   first-content-ms  start of the process to the first frame whose
 *                     content equals the final one (taken once no frame
 *                     came for 3 s, or after 60 s)
 *   last-open-frame-ms, open-frames, late-frames, late-changed
 *                     the last frame of opening; the frames of opening;
 *                     those after the first-content frame, and how many
 *                     of them changed a pixel
 *   rss-kb            VmRSS after opening and idling; hwm-kb VmHWM at the end
 *   idle-frames, idle-changed, idle-cpu-ms
 *                     frames drawn in the next IDLE seconds (10) without
 *                     any input, how many changed a pixel, and the CPU
 *                     time of all the program's threads meanwhile
 *   key-median-ms, key-max-ms
 *                     N keys ("x", through XTest, as xdotool sends them)
 *                     typed in the text, five at 150 ms intervals and then
 *                     a pause of 1.5 s (long enough for a live check to
 *                     start and run): from each key to the first frame
 *                     that changes a pixel; keys-cpu-ms the CPU time of
 *                     the program while typing (the pauses included)
 *   rest-frames, rest-changed, rest-cpu-ms
 *                     as idle-*, over the REST seconds (10) after the
 *                     last key: the check of the last keys and then quiet
 *
 * Before typing, the middle of the window is clicked (the text, in every
 * editor), Page Down pressed 10 times and End once, the same input in
 * every program, so the keys go into the middle of a long text.
 * --size resizes the window when it appears, so every program draws the
 * same number of pixels.  Exits 1 with a message when the program drew
 * no window.
 */
#include "config.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>
#include <X11/extensions/Xdamage.h>
#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define SETTLE_US     (3 * G_USEC_PER_SEC)
#define MAX_OPEN_US   (60 * G_USEC_PER_SEC)
#define KEY_WAIT_US   (3 * G_USEC_PER_SEC)
#define BURST         5
#define KEY_GAP_US    (150 * 1000)
#define PAUSE_US      (1500 * 1000)

typedef struct {
  gint64  time;   /* when its damage was reported, monotonic µs */
  guint64 hash;
} Frame;

typedef struct {
  Display *dpy;
  Window   root;
  Window   win;
  Damage   damage;
  int      damage_event;
  int      width, height;
  int      want_width, want_height;   /* --size: the same for every program */
  pid_t    pid;
  gint64   start;
  GArray  *frames;   /* of Frame */
} Bench;

/* Over 64-bit words: a frame is read back at every damage report, and
 * the hashing should take little of the CPU the programs measured need. */
static guint64
hash_image (XImage *image)
{
  guint64 h = 1469598103934665603ull;
  gsize n = (gsize) image->bytes_per_line * image->height;
  const char *p = image->data;
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 w;

      memcpy (&w, p + i, 8);
      h = (h ^ w) * 1099511628211ull;
      h ^= h >> 29;
    }
  for (; i < n; i++)
    h = (h ^ (guchar) p[i]) * 1099511628211ull;
  return h;
}

static guint64
capture (Bench *b)
{
  XImage *image;
  guint64 h;

  image = XGetImage (b->dpy, b->win, 0, 0, b->width, b->height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;
  h = hash_image (image);
  XDestroyImage (image);
  return h;
}

static long
proc_status_kb (pid_t pid, const char *key)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line ? strtol (line + strlen (key), NULL, 10) : -1;
}

/* utime + stime of all the process's threads, in ms. */
static double
proc_cpu_ms (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    return -1;
  fields = g_strsplit (after + 2, " ", 0);
  /* after the name: state(0) ... utime(11) stime(12) */
  if (g_strv_length (fields) < 13)
    return -1;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static gboolean
child_alive (Bench *b)
{
  int status;

  return waitpid (b->pid, &status, WNOHANG) == 0;
}

static void
watch_window (Bench *b, Window win)
{
  XWindowAttributes attrs;

  XGetWindowAttributes (b->dpy, win, &attrs);
  b->win = win;
  b->width = attrs.width;
  b->height = attrs.height;
  XSelectInput (b->dpy, win, StructureNotifyMask);
  if (b->want_width > 0 && (b->want_width != b->width || b->want_height != b->height))
    XResizeWindow (b->dpy, win, b->want_width, b->want_height);
  b->damage = XDamageCreate (b->dpy, win, XDamageReportNonEmpty);
}

/* Handles the events that are there; a damage report becomes a frame.
 * Returns the frames added. */
static guint
handle_events (Bench *b)
{
  gboolean damaged = FALSE;
  gint64 when = 0;

  while (XPending (b->dpy))
    {
      XEvent ev;

      XNextEvent (b->dpy, &ev);
      if (ev.type == MapNotify && b->win == None && ev.xmap.event == b->root && !ev.xmap.override_redirect)
        {
          XWindowAttributes attrs;

          /* The first real top-level window (GTK maps no helper windows). */
          XGetWindowAttributes (b->dpy, ev.xmap.window, &attrs);
          if (attrs.width >= 100 && attrs.height >= 100)
            watch_window (b, ev.xmap.window);
        }
      else if (ev.type == ConfigureNotify && ev.xconfigure.window == b->win)
        {
          b->width = ev.xconfigure.width;
          b->height = ev.xconfigure.height;
        }
      else if (b->win != None && ev.type == b->damage_event + XDamageNotify)
        {
          if (!damaged)
            when = g_get_monotonic_time ();
          damaged = TRUE;
        }
    }
  if (!damaged)
    return 0;
  /* A frame may reach the server in several requests (the cairo renderer
   * puts each changed rectangle): the reports of the next 2 ms are the
   * same frame. */
  {
    struct pollfd fd = { ConnectionNumber (b->dpy), POLLIN, 0 };

    while (poll (&fd, 1, 2) > 0 || XPending (b->dpy))
      {
        gboolean more = FALSE;

        while (XPending (b->dpy))
          {
            XEvent ev;

            XNextEvent (b->dpy, &ev);
            if (ev.type == ConfigureNotify && ev.xconfigure.window == b->win)
              {
                b->width = ev.xconfigure.width;
                b->height = ev.xconfigure.height;
              }
            more = TRUE;
          }
        if (!more)
          break;
      }
  }
  /* One report until it is subtracted: a frame. */
  XDamageSubtract (b->dpy, b->damage, None, None);
  g_array_append_val (b->frames, ((Frame) { when, capture (b) }));
  if (g_getenv ("AMEND_BENCH_VERBOSE"))
    fprintf (stderr, "frame %u at %" G_GINT64_FORMAT " ms\n", b->frames->len,
             (when - b->start) / 1000);
  return 1;
}

/* Waits for events until @deadline (monotonic µs); returns the frames that came. */
static guint
pump (Bench *b, gint64 deadline)
{
  struct pollfd fd = { ConnectionNumber (b->dpy), POLLIN, 0 };
  guint frames = handle_events (b);
  gint64 now;

  while (frames == 0 && (now = g_get_monotonic_time ()) < deadline)
    {
      int ms = (int) MAX (1, (deadline - now) / 1000);

      poll (&fd, 1, MIN (ms, 100));
      frames += handle_events (b);
    }
  return frames;
}

static const Frame *
last_frame (Bench *b)
{
  return b->frames->len ? &g_array_index (b->frames, Frame, b->frames->len - 1) : NULL;
}

/* Until no frame came for SETTLE_US; then the final content. */
static gboolean
open_phase (Bench *b, gint64 start, double *first_ms, double *last_ms, guint *late, guint *late_changed)
{
  guint64 final;

  while (g_get_monotonic_time () - start < MAX_OPEN_US)
    {
      const Frame *last = last_frame (b);
      gint64 since = last ? last->time : start;

      if (!child_alive (b))
        return FALSE;
      if (last && g_get_monotonic_time () - since >= SETTLE_US)
        break;
      pump (b, MAX (since + SETTLE_US, g_get_monotonic_time () + 1000));
    }
  if (b->win == None || b->frames->len == 0)
    return FALSE;
  final = capture (b);
  *last_ms = (last_frame (b)->time - start) / 1000.0;
  for (guint i = 0; i < b->frames->len; i++)
    if (g_array_index (b->frames, Frame, i).hash == final)
      {
        *first_ms = (g_array_index (b->frames, Frame, i).time - start) / 1000.0;
        *late = b->frames->len - 1 - i;
        *late_changed = 0;
        for (guint j = i + 1; j < b->frames->len; j++)
          if (g_array_index (b->frames, Frame, j).hash != g_array_index (b->frames, Frame, j - 1).hash)
            (*late_changed)++;
        return TRUE;
      }
  /* The last frame differs from what is shown now (a frame not read
   * back in time): the time of the last frame. */
  *first_ms = (last_frame (b)->time - start) / 1000.0;
  return TRUE;
}

static void
idle_phase (Bench *b, double seconds, guint *frames, guint *changed, double *cpu_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint first = b->frames->len;
  guint64 before = capture (b);
  double cpu = proc_cpu_ms (b->pid);

  while (g_get_monotonic_time () < end)
    pump (b, end);
  *cpu_ms = proc_cpu_ms (b->pid) - cpu;
  *frames = b->frames->len - first;
  *changed = 0;
  for (guint i = first; i < b->frames->len; i++)
    {
      guint64 h = g_array_index (b->frames, Frame, i).hash;

      if (h != before)
        (*changed)++;
      before = h;
    }
}

static void
press (Bench *b, KeySym sym)
{
  KeyCode code = XKeysymToKeycode (b->dpy, sym);

  XTestFakeKeyEvent (b->dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (b->dpy, code, False, CurrentTime);
  XFlush (b->dpy);
}

/* Presses @sym; the ms to the first frame that changes a pixel, or -1. */
static double
timed_key (Bench *b, KeySym sym)
{
  guint64 before;
  gint64 sent, deadline;

  pump (b, g_get_monotonic_time ());
  before = capture (b);
  sent = g_get_monotonic_time ();
  press (b, sym);
  deadline = sent + KEY_WAIT_US;
  while (g_get_monotonic_time () < deadline)
    {
      guint n = pump (b, deadline);

      for (guint i = b->frames->len - n; i < b->frames->len; i++)
        if (g_array_index (b->frames, Frame, i).hash != before)
          return (g_array_index (b->frames, Frame, i).time - sent) / 1000.0;
    }
  return -1;
}

/* A click in the middle of the window: into the text, in every editor. */
static void
click_middle (Bench *b)
{
  int x, y;
  Window child;

  XTranslateCoordinates (b->dpy, b->win, b->root, b->width / 2, b->height / 2, &x, &y, &child);
  XTestFakeMotionEvent (b->dpy, -1, x, y, CurrentTime);
  XTestFakeButtonEvent (b->dpy, 1, True, CurrentTime);
  XTestFakeButtonEvent (b->dpy, 1, False, CurrentTime);
  XFlush (b->dpy);
}

static void
wait_until (Bench *b, gint64 when)
{
  while (g_get_monotonic_time () < when)
    pump (b, when);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static GArray *
keys_phase (Bench *b, guint n_keys, guint *missed)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  *missed = 0;
  XSetInputFocus (b->dpy, b->win, RevertToParent, CurrentTime);
  click_middle (b);
  wait_until (b, g_get_monotonic_time () + 500 * 1000);
  for (guint i = 0; i < 10; i++)
    {
      timed_key (b, XK_Page_Down);
      wait_until (b, g_get_monotonic_time () + 100 * 1000);
    }
  timed_key (b, XK_End);
  wait_until (b, g_get_monotonic_time () + PAUSE_US);
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 next = g_get_monotonic_time () + ((i + 1) % BURST == 0 ? PAUSE_US : KEY_GAP_US);
      double ms = timed_key (b, XK_x);

      if (ms < 0)
        (*missed)++;
      else
        g_array_append_val (times, ms);
      if (g_getenv ("AMEND_BENCH_VERBOSE"))
        fprintf (stderr, "key %u: %.1f ms\n", i + 1, ms);
      wait_until (b, next);
    }
  g_array_sort (times, compare_doubles);
  return times;
}

static void
stop_child (Bench *b)
{
  int status;

  kill (b->pid, SIGTERM);
  for (int i = 0; i < 50; i++)
    {
      if (waitpid (b->pid, &status, WNOHANG) != 0)
        return;
      g_usleep (100 * 1000);
    }
  kill (b->pid, SIGKILL);
  waitpid (b->pid, &status, 0);
}

int
main (int argc, char **argv)
{
  Bench b = { 0, };
  guint n_keys = 40;
  double idle_s = 10, first_ms = 0, last_ms = 0, cpu_ms = 0;
  guint open_frames, late = 0, late_changed = 0;
  guint idle_frames = 0, idle_changed = 0, missed = 0, rest_frames = 0, rest_changed = 0;
  double rest_s = 10, rest_cpu_ms = 0, keys_cpu_ms = 0;
  int damage_error, arg = 1;
  int ev, er, major, minor;
  gint64 start;
  long rss, hwm;
  g_autoptr(GArray) times = NULL;

  for (; arg < argc && strcmp (argv[arg], "--") != 0; arg++)
    if (strcmp (argv[arg], "--keys") == 0 && arg + 1 < argc)
      n_keys = (guint) atoi (argv[++arg]);
    else if (strcmp (argv[arg], "--idle") == 0 && arg + 1 < argc)
      idle_s = g_ascii_strtod (argv[++arg], NULL);
    else if (strcmp (argv[arg], "--rest") == 0 && arg + 1 < argc)
      rest_s = g_ascii_strtod (argv[++arg], NULL);
    else if (strcmp (argv[arg], "--size") == 0 && arg + 1 < argc)
      sscanf (argv[++arg], "%dx%d", &b.want_width, &b.want_height);
  if (arg + 1 >= argc)
    {
      fprintf (stderr, "usage: amend-bench-window [--keys N] [--idle SECONDS] [--rest SECONDS] [--size WxH] -- PROGRAM [ARG...]\n");
      return 2;
    }
  b.dpy = XOpenDisplay (NULL);
  if (b.dpy == NULL || !XDamageQueryExtension (b.dpy, &b.damage_event, &damage_error) ||
      !XTestQueryExtension (b.dpy, &ev, &er, &major, &minor))
    {
      fprintf (stderr, "amend-bench-window: needs an X display with the DAMAGE and XTEST extensions\n");
      return 2;
    }
  b.root = DefaultRootWindow (b.dpy);
  b.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  XSelectInput (b.dpy, b.root, SubstructureNotifyMask);
  XSync (b.dpy, False);

  start = b.start = g_get_monotonic_time ();
  if (posix_spawnp (&b.pid, argv[arg + 1], NULL, NULL, argv + arg + 1, environ) != 0)
    {
      fprintf (stderr, "amend-bench-window: cannot start %s\n", argv[arg + 1]);
      return 2;
    }
  if (!open_phase (&b, start, &first_ms, &last_ms, &late, &late_changed))
    {
      fprintf (stderr, "amend-bench-window: %s showed no window\n", argv[arg + 1]);
      stop_child (&b);
      return 1;
    }
  open_frames = b.frames->len;
  idle_phase (&b, idle_s, &idle_frames, &idle_changed, &cpu_ms);
  rss = proc_status_kb (b.pid, "VmRSS:");
  keys_cpu_ms = proc_cpu_ms (b.pid);
  times = keys_phase (&b, n_keys, &missed);
  keys_cpu_ms = proc_cpu_ms (b.pid) - keys_cpu_ms;
  idle_phase (&b, rest_s, &rest_frames, &rest_changed, &rest_cpu_ms);
  hwm = proc_status_kb (b.pid, "VmHWM:");
  printf ("window: first-content-ms %.0f last-open-frame-ms %.0f open-frames %u late-frames %u late-changed %u"
          " rss-kb %ld hwm-kb %ld idle-frames %u idle-changed %u idle-cpu-ms %.0f",
          first_ms, last_ms, open_frames, late, late_changed, rss, hwm, idle_frames, idle_changed, cpu_ms);
  if (times->len)
    printf (" key-median-ms %.1f key-max-ms %.1f keys %u missed %u keys-cpu-ms %.0f",
            g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1),
            times->len, missed, keys_cpu_ms);
  printf (" rest-frames %u rest-changed %u rest-cpu-ms %.0f size %dx%d\n",
          rest_frames, rest_changed, rest_cpu_ms, b.width, b.height);
  stop_child (&b);
  XCloseDisplay (b.dpy);
  return 0;
}
