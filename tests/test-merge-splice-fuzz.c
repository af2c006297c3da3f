/* test-merge-splice-fuzz.c: many small merges, to find where the trusted splice is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * _amend_merge_splice() does not read its result back when both sides
 * are canonical and only articles change (the argument is written above
 * it).  Here small regulations in canonical form, made from a fixed list
 * of seeds, are changed on two sides as amendments do (an article
 * changed, inserted, deleted, given or stripped of a title, numbered in
 * order as 5a after 5 or renumbered 5a in place, members and points, free
 * headings, now and then another part), and every merge of
 * two canonical sides must give the same answer trusted as checked; what
 * it gives must be canonical and the structural merge's.  Real laws from
 * ../shared/corpus/ get random article changes on both sides too.
 */
#include "config.h"

#include <string.h>

#include "amend-document-private.h"
#include "amend-merge.h"
#include "amend-merge-splice.h"
#include "amend-test-util.h"

typedef struct {
  guint merges;     /* of two canonical sides */
  guint spliced;    /* the splice gave a text */
  guint articles;   /* ... with only article parts changed: the trusted way */
} Counts;

static char *
canonical (const char *text)
{
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (text, strlen (text), NULL);

  g_assert_nonnull (doc);
  return amend_document_to_markdown (doc);
}

static gboolean
is_canonical (const char *text)
{
  return _amend_markdown_is_canonical (text, strlen (text), NULL);
}

/* ---------------------------------------------------------------------- */
/* Regulations                                                             */
/* ---------------------------------------------------------------------- */

static const char *const words[] = {
  "Begripsbepalingen", "Vergunning", "Toezicht", "Handhaving", "Slotbepaling",
  "Citeertitel", "Inwerkingtreding", "Subsidie", "Aanvraag", "Weigering",
};

static const char *
word (GRand *r)
{
  return words[g_rand_int_range (r, 0, G_N_ELEMENTS (words))];
}

static void
add_heading (GString    *out,
             guint       level,
             const char *text)
{
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_printf (out, " %s\n\n", text);
}

/* The body of an article: text, members, points, nested points. */
static void
add_article_body (GString *out,
                  GRand   *r,
                  guint    level,
                  const char *tag)
{
  switch (g_rand_int_range (r, 0, 8))
    {
    case 0:
      break;
    case 1:
      g_string_append_printf (out, "Tekst %s over %s.\n\n", tag, word (r));
      break;
    case 2:
      g_string_append_printf (out, "1. Lid een %s.\n2. Lid twee over %s.\n\n", tag, word (r));
      break;
    case 3:
      g_string_append_printf (out, "In deze verordening %s wordt verstaan onder:\n\n- a. %s: iets;\n- b. %s: iets anders.\n\n",
                              tag, word (r), word (r));
      break;
    case 4:
      g_string_append_printf (out, "1. Het college %s kan:\n\n   - a. %s;\n   - b. weigeren.\n\n2. Lid twee.\n\n", tag, word (r));
      break;
    case 5:
      g_string_append_printf (out, "- a. punt %s:\n  - 1°. sub een;\n  - 2°. sub twee;\n- b. punt %s.\n\n", tag, word (r));
      break;
    case 6:
      g_string_append_printf (out, "Tekst %s.\n\nTweede alinea over %s.\n\n", tag, word (r));
      break;
    default:
      g_string_append_printf (out, "1. Lid %s.\n\n2a. Lid met letter.\n\n", tag);
      break;
    }
  /* A free heading in the article: deeper, or at its level. */
  if (g_rand_int_range (r, 0, 4) == 0)
    {
      add_heading (out, level + g_rand_int_range (r, 0, 2), word (r));
      if (g_rand_boolean (r))
        g_string_append_printf (out, "Tekst onder de kop %s.\n\n", tag);
    }
}

static void
add_article (GString    *out,
             GRand      *r,
             guint       level,
             const char *number)
{
  g_autofree char *text = NULL;

  if (g_rand_int_range (r, 0, 3) == 0)
    text = g_strdup_printf ("Artikel %s", number);
  else
    text = g_strdup_printf ("Artikel %s %s", number, word (r));
  add_heading (out, level, text);
  add_article_body (out, r, level, number);
}

static void
add_explanation (GString *out,
                 GRand   *r,
                 guint    articles)
{
  add_heading (out, 1, "Toelichting");
  g_string_append (out, "Algemeen deel.\n\n");
  if (g_rand_boolean (r))
    add_heading (out, 2, "Artikelsgewijze toelichting");
  for (guint n = 1; n <= articles; n++)
    if (g_rand_int_range (r, 0, 3) > 0)
      {
        g_autofree char *h = g_strdup_printf ("Artikel %u", n);

        add_heading (out, g_rand_int_range (r, 2, 4), h);
        g_string_append_printf (out, "Uitleg bij artikel %u.\n\n", n);
      }
}

static char *
make_regulation (GRand  *r,
                 guint  *n_articles)
{
  GString *out = g_string_new (NULL);
  guint n = 0;
  guint chapters = g_rand_int_range (r, 0, 4);

  if (g_rand_boolean (r))
    g_string_append (out, "---\ntitel: Verordening proef\n---\n\n");
  if (g_rand_boolean (r))
    g_string_append (out, "De raad van de gemeente besluit vast te stellen:\n\n");
  if (chapters == 0)
    for (guint a = g_rand_int_range (r, 1, 7); a > 0; a--)
      {
        g_autofree char *num = g_strdup_printf ("%u", ++n);
        add_article (out, r, 1, num);
      }
  for (guint c = 1; c <= chapters; c++)
    {
      g_autofree char *h = g_strdup_printf ("Hoofdstuk %u %s", c, word (r));
      guint sections = g_rand_int_range (r, 0, 3);

      add_heading (out, 1, h);
      if (sections == 0)
        for (guint a = g_rand_int_range (r, 0, 4); a > 0; a--)
          {
            g_autofree char *num = g_strdup_printf ("%u", ++n);
            add_article (out, r, 2, num);
          }
      for (guint s = 1; s <= sections; s++)
        {
          g_autofree char *sh = g_strdup_printf ("Paragraaf %u.%u%s%s", c, s,
                                                 g_rand_boolean (r) ? " " : "", "");
          g_autofree char *sh2 = g_strstrip (g_strdup (sh));

          add_heading (out, 2, sh2);
          for (guint a = g_rand_int_range (r, 0, 3); a > 0; a--)
            {
              g_autofree char *num = g_strdup_printf ("%u", ++n);
              add_article (out, r, 3, num);
            }
        }
    }
  if (g_rand_int_range (r, 0, 3) == 0)
    {
      add_heading (out, 1, "Ondertekening");
      g_string_append (out, "De burgemeester,\n\nDe griffier,\n\n");
    }
  if (g_rand_boolean (r))
    add_explanation (out, r, n);
  if (g_rand_int_range (r, 0, 3) == 0)
    {
      add_heading (out, 1, "Bijlage 1 Tarieven");
      g_string_append (out, "Tekst van de bijlage.\n\n");
      if (g_rand_boolean (r))
        {
          add_heading (out, 2, "Artikel 1");
          g_string_append (out, "Artikel van de bijlage.\n\n");
        }
    }
  *n_articles = n;
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Sides                                                                   */
/* ---------------------------------------------------------------------- */

/* @text cut before every heading that starts a line after a blank line. */
static GPtrArray *
cut_parts (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; *p; p++)
    if (*p == '#' && p > start && p - text >= 2 && p[-1] == '\n' && p[-2] == '\n')
      {
        g_ptr_array_add (parts, g_strndup (start, p - start));
        start = p;
      }
  g_ptr_array_add (parts, g_strdup (start));
  return parts;
}

static guint
level_of (const char *part)
{
  guint n = 0;

  while (part[n] == '#')
    n++;
  return n;
}

static gboolean
is_article (const char *part)
{
  const char *p = part + level_of (part);

  return level_of (part) > 0 && g_str_has_prefix (p, " Artikel ");
}

static char *
join_parts (GPtrArray *parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    g_string_append (out, g_ptr_array_index (parts, i));
  return g_string_free (out, FALSE);
}

/* A part ends with a blank line, unless it is the last. */
static char *
as_part (GString *made,
         gboolean last)
{
  if (last)
    while (made->len > 0 && made->str[made->len - 1] == '\n')
      g_string_truncate (made, made->len - 1);
  if (last)
    g_string_append_c (made, '\n');
  return g_string_free (made, FALSE);
}

static char *
new_article_part (GRand      *r,
                  guint       level,
                  const char *number,
                  gboolean    last)
{
  GString *made = g_string_new (NULL);

  add_article (made, r, level, number);
  return as_part (made, last);
}

/* One change to the parts, as @side ("de raad", "het amendement") makes
 * it; FALSE when it found nothing to change. */
static gboolean
change_parts (GPtrArray  *parts,
              GRand      *r,
              const char *side,
              guint      *next_number,
              guint       n_articles)
{
  guint i = parts->len > 1 ? g_rand_int_range (r, 0, parts->len) : 0;
  const char *part = parts->len > 0 ? g_ptr_array_index (parts, i) : "";
  gboolean last = i + 1 == parts->len;
  guint op = MIN (g_rand_int_range (r, 0, 18), 11);

  /* Mostly articles: the trusted way. */
  if (op == 8 && g_rand_boolean (r))
    op = 0;

  if (parts->len < 2 || (!is_article (part) && op != 9))
    return FALSE;
  switch (op)
    {
    case 0:
    case 1:
      {
        /* A sentence added to the end of the article's text. */
        GString *made = g_string_new (part);

        while (made->len > 0 && made->str[made->len - 1] == '\n')
          g_string_truncate (made, made->len - 1);
        /* Now and then what the other side may add elsewhere too. */
        if (g_rand_int_range (r, 0, 3) == 0)
          g_string_append (made, "\n\nGeen opmerkingen.\n\n");
        else
          g_string_append_printf (made, "\n\nGewijzigd door %s.\n\n", side);
        g_ptr_array_index (parts, i) = as_part (made, last);
        g_free ((char *) part);
        return TRUE;
      }
    case 2:
      {
        /* The heading given another title, or none. */
        const char *nl = strchr (part, '\n');
        g_auto(GStrv) w = g_strsplit_set (part, " \n", 4);
        g_autofree char *head = NULL;
        GString *made;

        if (w[0] == NULL || w[1] == NULL || w[2] == NULL)
          return FALSE;
        head = g_rand_boolean (r) ? g_strdup_printf ("%s %s %s", w[0], w[1], w[2])
                                  : g_strdup_printf ("%s %s %s %s", w[0], w[1], w[2], word (r));
        made = g_string_new (head);
        g_string_append (made, nl ? nl : "\n");
        g_ptr_array_index (parts, i) = as_part (made, last);
        g_free ((char *) part);
        return TRUE;
      }
    case 3:
      {
        /* The body replaced. */
        GString *made = g_string_new (NULL);
        const char *nl = strchr (part, '\n');
        g_autofree char *tag = g_strdup_printf ("%u%s", *next_number, side[0] == 'd' ? "r" : "a");

        g_string_append_len (made, part, nl ? nl - part : (gssize) strlen (part));
        g_string_append (made, "\n\n");
        add_article_body (made, r, level_of (part), tag);
        g_ptr_array_index (parts, i) = as_part (made, last);
        g_free ((char *) part);
        return TRUE;
      }
    case 4:
      /* The article deleted, alone or with the free headings after it. */
      op = level_of (part);
      g_ptr_array_remove_index (parts, i);
      while (g_rand_boolean (r) && i < parts->len && level_of (g_ptr_array_index (parts, i)) > 0 &&
             !is_article (g_ptr_array_index (parts, i)) &&
             level_of (g_ptr_array_index (parts, i)) >= op)
        g_ptr_array_remove_index (parts, i);
      if (i == parts->len && i > 0)
        {
          GString *made = g_string_new (g_ptr_array_index (parts, i - 1));

          g_free (g_ptr_array_index (parts, i - 1));
          g_ptr_array_index (parts, i - 1) = as_part (made, TRUE);
        }
      return TRUE;
    case 5:
    case 6:
    case 7:
      {
        /* An article inserted before or after this one: a new number, or
         * now and then one the regulation has. */
        g_autofree char *number = g_rand_int_range (r, 0, 6) == 0
                                    ? g_strdup_printf ("%u", g_rand_int_range (r, 1, n_articles + 2))
                                    : g_strdup_printf ("%ua", (*next_number)++);
        gboolean after = g_rand_boolean (r);
        guint level = level_of (part);

        if (after && last)
          {
            GString *made = g_string_new (part);
            g_string_append_c (made, '\n');
            g_ptr_array_index (parts, i) = as_part (made, FALSE);
            g_free ((char *) part);
          }
        g_ptr_array_insert (parts, after ? i + 1 : i,
                            new_article_part (r, level, number, after && last));
        return TRUE;
      }
    case 8:
      {
        /* A free heading put after the article. */
        GString *made;

        if (last)
          return FALSE;
        made = g_string_new (NULL);
        add_heading (made, level_of (part) + g_rand_int_range (r, 0, 2), word (r));
        g_string_append_printf (made, "Nieuwe tekst %u van %s.\n\n", (*next_number)++, side);
        g_ptr_array_insert (parts, i + 1, g_string_free (made, FALSE));
        return TRUE;
      }
    case 10:
    case 11:
      {
        /* In order, as amendments number: an article 5a inserted after
         * article 5, or article 5 renumbered 5a in place.  Where the other
         * side numbered too, the numbers may clash. */
        g_auto(GStrv) w = g_strsplit_set (part, " \n", 4);
        g_autofree char *number = NULL;
        guint level = level_of (part);
        GString *made;

        if (w[0] == NULL || w[1] == NULL || w[2] == NULL || w[3] == NULL || !g_ascii_isdigit (w[2][0]))
          return FALSE;
        number = g_strdup_printf ("%s%c", w[2], 'a' + g_rand_int_range (r, 0, 2));
        if (op == 10)
          {
            made = g_string_new (NULL);
            g_string_append_printf (made, "%s %s %s\n%s", w[0], w[1], number, strchr (part, '\n') + 1);
            g_ptr_array_index (parts, i) = as_part (made, last);
            g_free ((char *) part);
            return TRUE;
          }
        if (last)
          {
            made = g_string_new (part);
            g_string_append_c (made, '\n');
            g_ptr_array_index (parts, i) = as_part (made, FALSE);
            g_free ((char *) part);
          }
        g_ptr_array_insert (parts, i + 1, new_article_part (r, level, number, last));
        return TRUE;
      }
    default:
      {
        /* Now and then another part: a sentence added. */
        GString *made = g_string_new (part);

        while (made->len > 0 && made->str[made->len - 1] == '\n')
          g_string_truncate (made, made->len - 1);
        if (g_rand_int_range (r, 0, 3) == 0)
          g_string_append (made, "\n\nGeen opmerkingen.\n\n");
        else
          g_string_append_printf (made, "\n\nAnders gewijzigd door %s.\n\n", side);
        g_ptr_array_index (parts, i) = as_part (made, last);
        g_free ((char *) part);
        return TRUE;
      }
    }
}

/* A side with a few changes, in canonical form; NULL when that is not to
 * be had. */
static char *
make_side (const char *base,
           GRand      *r,
           const char *side,
           guint      *next_number,
           guint       n_articles)
{
  g_autoptr(GPtrArray) parts = cut_parts (base);
  guint changes = g_rand_int_range (r, 1, 4);
  g_autofree char *text = NULL;
  char *written;

  for (guint tries = 0; changes > 0 && tries < 40; tries++)
    if (change_parts (parts, r, side, next_number, n_articles))
      changes--;
  text = join_parts (parts);
  if (is_canonical (text))
    return g_steal_pointer (&text);
  written = canonical (text);
  if (is_canonical (written))
    return written;
  g_free (written);
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* The check                                                               */
/* ---------------------------------------------------------------------- */

static gboolean
only_articles (const char *base,
               const char *side)
{
  g_autoptr(GPtrArray) b = cut_parts (base);
  g_autoptr(GPtrArray) s = cut_parts (side);
  guint head = 0, tail = 0;

  while (head < b->len && head < s->len && g_str_equal (b->pdata[head], s->pdata[head]))
    head++;
  while (tail < b->len - head && tail < s->len - head &&
         g_str_equal (b->pdata[b->len - 1 - tail], s->pdata[s->len - 1 - tail]))
    tail++;
  for (guint i = head; i < b->len - tail; i++)
    if (!is_article (b->pdata[i]))
      return FALSE;
  for (guint i = head; i < s->len - tail; i++)
    if (!is_article (s->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
check_merge (const char *base,
             const char *ours,
             const char *theirs,
             Counts     *counts)
{
  g_autofree char *checked = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                                  theirs, strlen (theirs), FALSE, NULL);
  g_autofree char *trusted = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                                  theirs, strlen (theirs), TRUE, NULL);

  counts->merges++;
  if (g_strcmp0 (trusted, checked) != 0)
    {
      g_printerr ("BASE:\n%s\nOURS:\n%s\nTHEIRS:\n%s\nTRUSTED:\n%s\n", base, ours, theirs, trusted);
      g_assert_cmpstr (trusted, ==, checked);
    }
  if (trusted == NULL)
    return;
  counts->spliced++;
  if (only_articles (base, ours) && only_articles (base, theirs))
    counts->articles++;
  g_assert_true (is_canonical (trusted));
  {
    g_autoptr(AmendDocument) b = amend_document_new_from_data (base, strlen (base), NULL);
    g_autoptr(AmendDocument) o = amend_document_new_from_data (ours, strlen (ours), NULL);
    g_autoptr(AmendDocument) t = amend_document_new_from_data (theirs, strlen (theirs), NULL);
    g_autoptr(AmendMerge) merge = amend_merge_documents (b, o, t);

    g_assert_nonnull (merge);
    if (amend_merge_get_conflicts (merge)->len != 0 || g_strcmp0 (amend_merge_get_markdown (merge), trusted) != 0)
      g_printerr ("BASE:\n%s\nOURS:\n%s\nTHEIRS:\n%s\nSPLICE:\n%s\nSTRUCTURAL:\n%s\n", base, ours, theirs, trusted,
                  amend_merge_get_markdown (merge));
    for (guint c = 0; c < amend_merge_get_conflicts (merge)->len; c++)
      {
        AmendConflict *conflict = g_ptr_array_index (amend_merge_get_conflicts (merge), c);

        g_printerr ("CONFLICT %s %s: base <%s> ours <%s> theirs <%s>\n", amend_conflict_kind_to_string (conflict->kind),
                    conflict->label, conflict->base_text, conflict->ours_text, conflict->theirs_text);
      }
    g_assert_cmpuint (amend_merge_get_conflicts (merge)->len, ==, 0);
    g_assert_cmpstr (amend_merge_get_markdown (merge), ==, trusted);
  }
}

static void
test_generated (void)
{
  Counts counts = { 0 };
  guint seeds = g_test_slow () ? 20000 : 500;

  for (guint seed = 1; seed <= seeds; seed++)
    {
      g_autoptr(GRand) r = g_rand_new_with_seed (seed);
      guint n_articles = 0;
      g_autofree char *loose = make_regulation (r, &n_articles);
      g_autofree char *base = canonical (loose);
      guint next_number = 1;

      if (!is_canonical (base))
        continue;
      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *ours = make_side (base, r, "de raad", &next_number, n_articles);
          g_autofree char *theirs = make_side (base, r, "het amendement", &next_number, n_articles);

          if (ours && theirs)
            check_merge (base, ours, theirs, &counts);
        }
    }
  g_test_message ("%u merges of canonical sides, %u spliced, %u of them changing articles only",
                  counts.merges, counts.spliced, counts.articles);
  g_assert_cmpuint (counts.articles, >, counts.merges / 40);
}

static void
test_laws (void)
{
  static const char *const laws[] = {
    "corpus/nl-wetten/BWBR0001941_opiumwet.md",
    "corpus/nl-wetten/BWBR0002458_drank-en-horecawet.md",
    /* Large: only when slow. */
    "corpus/nl-wetten/BWBR0005416_gemeentewet.md",
    "corpus/nl-wetten/BWBR0005537_algemene-wet-bestuursrecht.md",
  };
  Counts counts = { 0 };

  for (guint k = 0; k < G_N_ELEMENTS (laws); k++)
    {
      g_autofree char *path = amend_test_shared_path (laws[k]);
      g_autofree char *text = NULL;
      g_autofree char *base = NULL;

      if (k >= 2 && !g_test_slow ())
        break;
      if (path == NULL)
        {
          g_test_skip ("no corpus");
          return;
        }
      text = amend_test_read_file (path, NULL);
      base = canonical (text);
      for (guint seed = 1; seed <= (g_test_slow () ? 150u : 12u); seed++)
        {
          g_autoptr(GRand) r = g_rand_new_with_seed (seed * 7919 + k);
          guint next_number = 1;
          g_autofree char *ours = make_side (base, r, "de raad", &next_number, 50);
          g_autofree char *theirs = make_side (base, r, "het amendement", &next_number, 50);

          if (ours && theirs)
            check_merge (base, ours, theirs, &counts);
        }
    }
  g_test_message ("%u merges of canonical sides of laws, %u spliced, %u of them changing articles only",
                  counts.merges, counts.spliced, counts.articles);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge-splice-fuzz/generated", test_generated);
  g_test_add_func ("/merge-splice-fuzz/laws", test_laws);
  return g_test_run ();
}
