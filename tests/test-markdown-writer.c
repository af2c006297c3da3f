/* test-markdown-writer.c: the writer's inline text is cmark's, byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canonical writer escapes inline text as cmark's CommonMark renderer
 * does; it used to build cmark nodes for every paragraph and call the
 * renderer, and now does the same in amend-markdown-writer.c.  Here the
 * old way (a tree of cmark nodes, rendered by cmark) is compared with the
 * new on every text of the corpus and on random runs full of characters
 * that need escaping.
 */
#include "config.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "amend-document-private.h"
#include "amend-test-util.h"

/* The cmark tree of a paragraph, as the writer built it before. */
static gboolean
has_wrap (const AmendRun *run,
          int             w)
{
  return w == 0 ? (run->marks & (AMEND_MARK_LINK | AMEND_MARK_IMAGE)) != 0
       : w == 1 ? (run->marks & AMEND_MARK_STRONG) != 0 : (run->marks & AMEND_MARK_EMPH) != 0;
}

static gboolean
matches (cmark_node     *wrap,
         const AmendRun *run)
{
  switch (cmark_node_get_type (wrap))
    {
    case CMARK_NODE_EMPH:
      return has_wrap (run, 2);
    case CMARK_NODE_STRONG:
      return has_wrap (run, 1);
    case CMARK_NODE_LINK:
      return (run->marks & AMEND_MARK_LINK) && g_strcmp0 (cmark_node_get_url (wrap), run->href) == 0;
    case CMARK_NODE_IMAGE:
      return (run->marks & AMEND_MARK_IMAGE) && g_strcmp0 (cmark_node_get_url (wrap), run->href) == 0;
    default:
      return FALSE;
    }
}

static int
wrap_kind (cmark_node *wrap)
{
  switch (cmark_node_get_type (wrap))
    {
    case CMARK_NODE_EMPH:
      return 2;
    case CMARK_NODE_STRONG:
      return 1;
    default:
      return 0;
    }
}

static char *
render_with_cmark (const AmendRun *runs,
                   guint           n,
                   gboolean        one_line)
{
  cmark_node *para = cmark_node_new (CMARK_NODE_PARAGRAPH);
  cmark_node *open[3] = { NULL };
  guint depth = 0;
  char *md, *copy;

  for (guint i = 0; i < n; i++)
    {
      const AmendRun *run = &runs[i];
      gboolean have[3] = { FALSE };
      guint extent[3];
      int order[3];
      cmark_node *parent, *leaf;

      while (depth > 0 && !matches (open[depth - 1], run))
        depth--;
      for (guint k = 0; k < depth; k++)
        if (!matches (open[k], run))
          {
            depth = k;
            break;
          }
      for (guint k = 0; k < depth; k++)
        have[wrap_kind (open[k])] = TRUE;
      parent = depth > 0 ? open[depth - 1] : para;
      /* The one that lasts longest outside, as the writer nests them. */
      for (int w = 0; w < 3; w++)
        {
          guint e = 0;

          while (i + e < n && has_wrap (&runs[i + e], w) &&
                 (w != 0 || g_strcmp0 (runs[i + e].href, run->href) == 0))
            e++;
          extent[w] = e;
          order[w] = w;
        }
      for (int k = 1; k < 3; k++)
        for (int j = k; j > 0 && extent[order[j]] > extent[order[j - 1]]; j--)
          {
            int t = order[j];

            order[j] = order[j - 1];
            order[j - 1] = t;
          }
      for (int k = 0; k < 3; k++)
        {
          int w = order[k];
          cmark_node *wrap;

          if (!has_wrap (run, w) || have[w])
            continue;
          if (w == 0)
            {
              wrap = cmark_node_new (run->marks & AMEND_MARK_IMAGE ? CMARK_NODE_IMAGE : CMARK_NODE_LINK);
              cmark_node_set_url (wrap, run->href ? run->href : "");
            }
          else
            wrap = cmark_node_new (w == 1 ? CMARK_NODE_STRONG : CMARK_NODE_EMPH);
          cmark_node_append_child (parent, wrap);
          open[depth++] = wrap;
          parent = wrap;
        }
      if (run->marks & AMEND_MARK_BREAK)
        {
          leaf = cmark_node_new (one_line ? CMARK_NODE_TEXT : CMARK_NODE_LINEBREAK);
          if (one_line)
            cmark_node_set_literal (leaf, " ");
        }
      else
        {
          leaf = cmark_node_new (run->marks & AMEND_MARK_CODE ? CMARK_NODE_CODE
                                 : run->marks & AMEND_MARK_HTML ? CMARK_NODE_HTML_INLINE : CMARK_NODE_TEXT);
          cmark_node_set_literal (leaf, run->text);
        }
      cmark_node_append_child (parent, leaf);
    }
  md = cmark_render_commonmark (para, CMARK_OPT_DEFAULT, 0);
  cmark_node_free (para);
  copy = g_strdup (md);
  free (md);
  return copy;
}

static void
assert_same (const AmendRun *runs,
             guint           n,
             gboolean        one_line,
             const char     *what)
{
  g_autofree char *want = render_with_cmark (runs, n, one_line);
  g_autofree char *got = _amend_markdown_render_runs (runs, n, one_line);

  if (g_strcmp0 (want, got) != 0)
    g_error ("%s: cmark writes \"%s\", the writer \"%s\"", what, want, got);
}

static void
check_document (AmendDocument *doc,
                const char    *name)
{
  AmendNode *root = amend_document_get_root (doc);
  guint n = 0;

  for (AmendNode *node = root; node != NULL; node = amend_node_next (node, root))
    if (node->kind == AMEND_NODE_TEXT && node->runs)
      {
        g_autofree char *what = g_strdup_printf ("%s, line %u", name, node->line_start);

        assert_same ((AmendRun *) node->runs->data, node->runs->len, FALSE, what);
        assert_same ((AmendRun *) node->runs->data, node->runs->len, TRUE, what);
        n++;
      }
  g_test_message ("%s: %u texts", name, n);
}

static void
test_corpus (void)
{
  const char *folders[] = { "corpus/nl-wetten", "corpus/nl-wetten-historie" };
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autoptr(AmendDocument) doc = amend_test_parse_file (example);

  check_document (doc, example);
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GPtrArray) files = amend_test_shared_files (folders[f], ".md");

      for (guint i = 0; files && i < files->len; i++)
        {
          g_autoptr(AmendDocument) d = amend_test_parse_file (g_ptr_array_index (files, i));
          check_document (d, g_ptr_array_index (files, i));
        }
    }
}

static char *
random_text (GRand *rand)
{
  static const char *pieces[] = {
    "a", "Artikel", " ", "  ", "1", "2.", "3)", "-", "+", "=", "*", "_", "`", "``", "[", "]", "(", ")",
    "#", "<", ">", "\\", "!", "![", "&", "&amp;", "&x", ".", ":", "~", "\t", "\xc3\xa9", "\xc4\xb0",
    "\xc4\xb1", "\xe2\x80\x9c", "http://x.nl", "mailto:a@b.nl", "a@b.nl", "x:y", "\"", "'", "|", "%",
  };
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 7);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static void
test_random (void)
{
  static const char *hrefs[] = { "", "http://x.nl", "mailto:a@b.nl", "a b", "x(y)", "<u>", "\\", "ftp:/z", "a\tb" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      AmendRun runs[8];
      guint n = g_rand_int_range (rand, 1, G_N_ELEMENTS (runs));
      g_autofree char *what = g_strdup_printf ("random %u", round);

      for (guint i = 0; i < n; i++)
        {
          AmendMarks marks = 0;
          guint kind = g_rand_int_range (rand, 0, 10);

          runs[i].text = random_text (rand);
          g_ptr_array_add (texts, runs[i].text);
          runs[i].href = NULL;
          if (kind == 0)
            marks = AMEND_MARK_CODE;
          else if (kind == 1)
            marks = AMEND_MARK_HTML;
          else if (kind == 2)
            {
              marks = AMEND_MARK_BREAK;
              runs[i].text = "";
            }
          else
            {
              if (g_rand_boolean (rand))
                marks |= AMEND_MARK_EMPH;
              if (g_rand_int_range (rand, 0, 3) == 0)
                marks |= AMEND_MARK_STRONG;
              if (g_rand_int_range (rand, 0, 3) == 0)
                {
                  marks |= g_rand_int_range (rand, 0, 4) == 0 ? AMEND_MARK_IMAGE : AMEND_MARK_LINK;
                  /* A link whose text is its URL is written as <url>. */
                  runs[i].href = (char *) (g_rand_boolean (rand) ? runs[i].text
                                           : hrefs[g_rand_int_range (rand, 0, G_N_ELEMENTS (hrefs))]);
                }
            }
          runs[i].marks = marks;
        }
      assert_same (runs, n, FALSE, what);
      assert_same (runs, n, TRUE, what);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/markdown-writer/corpus", test_corpus);
  g_test_add_func ("/markdown-writer/random", test_random);
  return g_test_run ();
}
