/* amend-gen-regulation.c: a large made-up regulation, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: amend-gen-regulation [--loose] N [SEED] > out.md
 *
 * --loose writes the same regulation the way law files from elsewhere do
 * (the laws in ../shared/corpus/nl-wetten/): every part heading at "###"
 * with its title on a "####" line, and now and then a division one level
 * deeper; members as lines ending in a hard break; points as paragraphs,
 * lists of definitions running past "i.".  The reader must nest it by the
 * kinds and the runs of labels: this is what bench-markdown times at 1x,
 * 4x and 16x to show that reading stays linear.
 *
 * Real local regulations stop at a few hundred articles and the Awb is the
 * only large act in the corpus, so the benchmarks need a generated one.  It
 * is written in the canonical form (amend fmt --check accepts it), so that
 * timing the writer on it measures writing, not normalizing; and every
 * "artikel X:Y" in it names an article, member and point that exist, so
 * that amend check has nothing to say about it either.
 *
 * The output depends only on N and SEED: GRand is a Mersenne Twister whose
 * sequence GLib keeps the same on every platform.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MEMBERS 4
#define MAX_POINTS 4
#define MAX_DEFINITIONS 11
#define DEFAULT_SEED 20270101

typedef struct {
  char  *number;                  /* "3:12" */
  char  *heading;
  guint  n_members;               /* 0: the article is one paragraph */
  guint  n_points[MAX_MEMBERS];   /* points under each member */
  guint  n_article_points;        /* a list under the paragraph of the article */
  gboolean definitions;           /* that list defines terms */
} Article;

typedef struct {
  guint  number;
  char  *heading;
  guint  first;                   /* index of its first article */
  guint  n_articles;
  guint  split;                   /* where Afdeling 2 starts; 0 without Afdelingen */
  char  *division_headings[2];
} Chapter;

typedef struct {
  GRand   *rand;
  GArray  *articles;              /* of Article */
  GArray  *chapters;              /* of Chapter */
  GString *out;
  char    *place;
  char    *authority;
  gboolean loose;
  guint    divided;                 /* chapters with Afdelingen written so far */
} Gen;

/* ----------------------------------------------------------------------- */
/* Word lists                                                               */
/* ----------------------------------------------------------------------- */

static const char * const place_starts[] = {
  "Linde", "Berken", "Eiken", "Wilgen", "Beuken", "Essen", "Heide", "Veen", "Rijn", "Maas", "Vliet", "Hazel",
};
static const char * const place_ends[] = {
  "waarde", "dam", "hoven", "broek", "drecht", "wolde", "horst", "meer", "rade", "zande",
};

static const char * const subjects[] = {
  "het college", "de burgemeester", "de raad", "het bevoegde bestuursorgaan", "de exploitant", "de aanvrager",
  "de rechthebbende", "een toezichthouder", "de houder van een vergunning", "de organisator van een evenement",
  "de eigenaar of gebruiker van een perceel", "de beheerder van de openbare ruimte", "de gemeentelijke ombudsman",
  "de officier van justitie", "de verhuurder van een standplaats",
};

static const char * const modals[] = {
  "kan", "kan", "mag", "moet", "zal",
};

static const char * const objects[] = {
  "een vergunning", "een ontheffing", "een evenementenvergunning", "een exploitatievergunning", "een melding",
  "de aanvraag", "nadere regels", "voorschriften en beperkingen", "een aanwijzingsbesluit", "de sluitingstijden",
  "een terras", "een standplaats", "een vaartuig", "een voertuig", "reclameborden", "afvalstoffen",
  "een kampvuur", "een geluidsinstallatie", "de ligplaats", "een last onder dwangsom", "de openingstijden",
  "een collecte", "een winkelwagentje", "een bouwwerk", "een uitweg", "de bebording",
};

static const char * const infinitives[] = {
  "verlenen", "weigeren", "intrekken", "wijzigen", "vaststellen", "aanwijzen", "beperken", "opschorten",
  "verbieden", "verwijderen", "toestaan", "bekendmaken",
};

static const char * const te_infinitives[] = {
  "plaatsen", "hebben", "gebruiken", "verspreiden", "laten staan", "achterlaten", "verkopen", "aanbieden",
  "innemen", "exploiteren", "ontsteken", "vervoeren",
};

static const char * const participles[] = {
  "verleend", "geweigerd", "ingetrokken", "gewijzigd", "vastgesteld", "bekendgemaakt", "ingediend",
  "aangewezen", "verwijderd", "beperkt", "geëxploiteerd",
};

static const char * const adverbials[] = {
  "in het belang van de openbare orde", "in het belang van de openbare veiligheid",
  "ter bescherming van het milieu", "ter voorkoming van overlast", "binnen acht weken na ontvangst van de aanvraag",
  "op of aan de weg", "op een openbare plaats", "in de bebouwde kom", "buiten de bebouwde kom",
  "voor een bepaalde duur", "voor ten hoogste twee jaar", "na overleg met de politie",
  "op verzoek van de rechthebbende", "schriftelijk of langs elektronische weg", "zonder vergunning van het college",
  "gedurende de nachtelijke uren", "op zon- en feestdagen", "in een door het college aangewezen gebied",
  "binnen een redelijke termijn", "met onmiddellijke ingang", "bij of krachtens deze verordening",
  "in of nabij een woongebied", "op het openbaar water", "tijdens een evenement",
};

static const char * const emphases[] = {
  "alleen", "uitsluitend", "in ieder geval", "niet", "altijd", "uitdrukkelijk",
};

static const char * const interests[] = {
  "de openbare orde", "de openbare veiligheid", "de volksgezondheid", "de bescherming van het milieu",
  "de verkeersveiligheid of de vrijheid van het verkeer", "de bescherming van het uiterlijk aanzien van de gemeente",
  "de woon- en leefsituatie in de omgeving", "de zedelijkheid", "de bereikbaarheid van hulpdiensten",
  "de bescherming van flora en fauna",
};

static const char * const data_items[] = {
  "de naam, het adres en de contactgegevens van de aanvrager", "een omschrijving van de activiteit",
  "de plaats en het tijdstip of de periode waarop de activiteit zal plaatsvinden", "het verwachte aantal bezoekers",
  "een situatietekening op een schaal van ten minste een op duizend", "de naam van de verantwoordelijke leidinggevende",
  "een beschrijving van de maatregelen ter voorkoming van overlast", "een afschrift van de inschrijving in het handelsregister",
  "de openingstijden die de aanvrager wil hanteren", "een veiligheidsplan",
};

static const char * const terms[] = {
  "aanvrager", "bebouwde kom", "bedrijfsmatig", "bezoeker", "college", "collecte", "evenement", "exploitant",
  "geluidsapparaat", "horecabedrijf", "kampvuur", "ligplaats", "markt", "melding", "openbaar water",
  "openbare inrichting", "openbare plaats", "organisator", "rechthebbende", "reclamebord", "standplaats",
  "terras", "toezichthouder", "vaartuig", "venten", "weg", "winkelwagentje", "woonschip", "zondag",
};

/* With the relative pronoun that agrees with them. */
static const struct {
  const char *noun;
  const char *pronoun;
} definition_heads[] = {
  { "een voor publiek toegankelijke ruimte", "die" }, { "elk voorwerp", "dat" },
  { "de natuurlijke persoon of rechtspersoon", "die" }, { "het gebied", "dat" }, { "een inrichting", "die" },
  { "elke verrichting", "die" }, { "een plaats", "die" }, { "elk drijvend voorwerp", "dat" },
  { "een tijdelijke voorziening", "die" }, { "de eigenaar, huurder of andere gebruiker", "die" },
};

static const char * const inclusions[] = {
  "de daarbij behorende terrassen", "de daarin gelegen bermen en kunstwerken", "woonschepen en ander drijvend materieel",
  "de bijbehorende opslagruimten", "aanhangers en opleggers", "de toegangswegen en parkeerterreinen",
};

static const char * const chapter_themes[] = {
  "Algemene bepalingen", "Openbare orde", "Evenementen", "Horeca", "Bescherming van het milieu",
  "Uiterlijk aanzien", "Wegen en verkeer", "Markten en straathandel", "Water en havens", "Dieren",
  "Natuur en landschap", "Recreatie", "Kampeerterreinen", "Speelautomaten", "Prostitutie", "Vuurwerk",
  "Afval en zwerfvuil", "Geluidhinder", "Reclame", "Parkeren", "Begraafplaatsen", "Woonwagens",
  "Huisvesting", "Toezicht", "Handhaving", "Strafbepalingen",
};

static const char * const division_themes[] = {
  "Vergunningen", "Meldingen", "Algemene regels", "Bijzondere bepalingen", "Ontheffingen",
  "Bestrijding van ongeregeldheden", "Gebruik van de openbare ruimte", "Toezicht en handhaving",
  "Bevoegdheden van de burgemeester", "Verplichtingen van de exploitant",
};

static const char * const article_headings[] = {
  "Aanvraag", "Beslistermijn", "Weigeringsgronden", "Voorschriften en beperkingen", "Intrekking of wijziging",
  "Persoonsgebondenheid", "Geldigheidsduur", "Samenscholing en ongeregeldheden", "Verspreiden van gedrukte stukken",
  "Cameratoezicht op openbare plaatsen", "Alcoholgebruik op openbare plaatsen", "Hinderlijk gedrag op of aan de weg",
  "Voorwerpen op of aan de weg", "Inzameling van geld of goederen", "Venten", "Ligplaats van vaartuigen",
  "Melding klein evenement", "Sluitingstijden", "Ontheffing sluitingstijden", "Terrassen", "Verbod op open vuur",
  "Aanplakken en bekladden", "Verontreiniging door honden", "Loslopende honden", "Kamperen buiten kampeerterreinen",
  "Parkeren van grote voertuigen", "Oplaten van ballonnen", "Toezichthouders", "Binnentreden van woningen",
  "Overgangsrecht", "Aanwijzing van gebieden", "Nadere regels", "Meldingsplicht", "Verbod", "Vrijstelling",
  "Afwijkingsbevoegdheid", "Bestuurlijke sluiting", "Openingstijden", "Plaatsing van containers",
  "Gebruik van geluidsapparaten", "Reclame op onroerende zaken", "Standplaatsen", "Markten", "Snuffelmarkten",
  "Bewaarplicht", "Registratie", "Afvalinzameling", "Zwerfafval", "Bescherming van houtopstanden",
};

static const char * const ordinals[] = {
  "eerste", "tweede", "derde", "vierde",
};

/* ----------------------------------------------------------------------- */
/* Randomness                                                               */
/* ----------------------------------------------------------------------- */

static guint
uniform (Gen   *g,
         guint  n)
{
  return (guint) g_rand_int_range (g->rand, 0, (gint32) n);
}

static gboolean
chance (Gen   *g,
        guint  percent)
{
  return uniform (g, 100) < percent;
}

#define PICK(g, list) ((list)[uniform ((g), G_N_ELEMENTS (list))])

/* ----------------------------------------------------------------------- */
/* Plan: numbers and shapes first, so that text can cite any article        */
/* ----------------------------------------------------------------------- */

static void
plan_article (Gen        *g,
              guint       chapter,
              guint       number,
              const char *heading)
{
  Article article = { 0 };
  guint members = 1 + uniform (g, MAX_MEMBERS);

  article.number = g_strdup_printf ("%u:%u", chapter, number);
  article.heading = g_strdup (heading ? heading : PICK (g, article_headings));
  /* Dutch articles with one member do not number it: a paragraph. */
  article.n_members = members > 1 ? members : 0;
  for (guint m = 0; m < article.n_members; m++)
    if (chance (g, 20))
      article.n_points[m] = 2 + uniform (g, MAX_POINTS - 1);
  if (article.n_members == 0 && chance (g, 20))
    article.n_article_points = 2 + uniform (g, MAX_POINTS - 1);
  g_array_append_val (g->articles, article);
}

static void
plan (Gen   *g,
      guint  n_articles)
{
  guint chapter = 0;

  while (g->articles->len < n_articles)
    {
      Chapter c = { 0 };
      guint left = n_articles - g->articles->len;
      guint size = MIN (16 + uniform (g, 9), left);

      /* A short last chapter looks odd: give it to this one. */
      if (left - size < 8)
        size = left;
      c.number = ++chapter;
      c.first = g->articles->len;
      c.n_articles = size;
      if (chapter == 1)
        c.heading = g_strdup ("Algemene bepalingen");
      else if (chance (g, 40))
        {
          const char *first = PICK (g, chapter_themes);
          g_autofree char *second = g_ascii_strdown (PICK (g, chapter_themes), -1);

          c.heading = g_strdup_printf ("%s en %s", first, second);
        }
      else
        c.heading = g_strdup (PICK (g, chapter_themes));
      if (chapter > 1 && size >= 6 && chance (g, 30))
        {
          c.split = size / 2 + uniform (g, 3) - 1;
          c.division_headings[0] = g_strdup (PICK (g, division_themes));
          c.division_headings[1] = g_strdup (PICK (g, division_themes));
        }

      for (guint i = 0; i < size; i++)
        {
          guint index = g->articles->len;
          const char *heading = NULL;

          if (index == 0 || (i == 0 && chance (g, 30)))
            heading = "Begripsbepalingen";
          else if (index == n_articles - 2)
            heading = "Inwerkingtreding";
          else if (index == n_articles - 1)
            heading = "Citeertitel";
          plan_article (g, chapter, i + 1, heading);
          if (heading != NULL)
            {
              Article *a = &g_array_index (g->articles, Article, index);

              /* Set texts: a reference must not count on members. */
              memset (a->n_points, 0, sizeof a->n_points);
              a->n_members = 0;
              a->n_article_points = 0;
              if (strcmp (heading, "Begripsbepalingen") == 0)
                {
                  a->definitions = TRUE;
                  a->n_article_points = 3 + uniform (g, MAX_DEFINITIONS - 2);
                }
            }
        }
      g_array_append_val (g->chapters, c);
    }
}

/* ----------------------------------------------------------------------- */
/* Sentences                                                                */
/* ----------------------------------------------------------------------- */

static guint
count_words (const char *s)
{
  guint n = *s ? 1 : 0;

  for (; *s; s++)
    if (*s == ' ')
      n++;
  return n;
}

/* "artikel 3:4", sometimes narrowed to a member and a point of it. */
static void
append_reference (Gen     *g,
                  GString *s,
                  guint    self)
{
  const Article *target;
  guint index;

  if (g->articles->len < 2)
    {
      /* Nothing to cite in this regulation: cite the Gemeentewet. */
      g_string_append (s, "artikel 149 van de Gemeentewet");
      return;
    }
  do
    index = uniform (g, g->articles->len);
  while (index == self);
  target = &g_array_index (g->articles, Article, index);
  g_string_append_printf (s, "artikel %s", target->number);
  if (target->n_members > 0 && chance (g, 50))
    {
      guint member = uniform (g, target->n_members);

      g_string_append_printf (s, ", %s lid", ordinals[member]);
      if (target->n_points[member] > 0 && chance (g, 50))
        g_string_append_printf (s, ", onder %c", 'a' + uniform (g, target->n_points[member]));
    }
}

static void
append_adverbial (Gen     *g,
                  GString *s)
{
  /* A word in *emphasis* now and then, as drafters do. */
  if (chance (g, 6))
    g_string_append_printf (s, "*%s* ", PICK (g, emphases));
  g_string_append (s, PICK (g, adverbials));
}

/* A main clause of six to fifteen words, lower case, no full stop. */
static void
append_core (Gen     *g,
             GString *s,
             guint    self,
             guint    member)
{
  switch (uniform (g, member > 0 ? 6 : 5))
    {
    case 0:
    case 1:
      g_string_append_printf (s, "%s %s %s ", PICK (g, subjects), PICK (g, modals), PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " %s", PICK (g, infinitives));
      break;
    case 2:
      g_string_append (s, "het is verboden ");
      append_adverbial (g, s);
      g_string_append_printf (s, " %s te %s", PICK (g, objects), PICK (g, te_infinitives));
      break;
    case 3:
      g_string_append_printf (s, "%s wordt ", PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " %s", PICK (g, participles));
      break;
    case 4:
      g_string_append_printf (s, "%s %s %s %s als bedoeld in ", PICK (g, subjects), PICK (g, modals),
                              PICK (g, objects), PICK (g, infinitives));
      append_reference (g, s, self);
      break;
    default:
      /* Only members after the first can cite an earlier one. */
      g_string_append_printf (s, "in afwijking van het %s lid %s %s %s ", ordinals[uniform (g, member)],
                              PICK (g, modals), PICK (g, subjects), PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " %s", PICK (g, infinitives));
      break;
    }
}

/* ", tenzij ...": lengthens a clause. */
static void
append_extension (Gen     *g,
                  GString *s,
                  guint    self)
{
  /* Three kinds in ten cite an article: enough to weigh on the reader. */
  switch (uniform (g, 10))
    {
    case 0:
      g_string_append_printf (s, ", tenzij %s daarvoor ", PICK (g, subjects));
      append_adverbial (g, s);
      g_string_append (s, " toestemming heeft verleend");
      break;
    case 1:
      g_string_append (s, ", voor zover dat ");
      append_adverbial (g, s);
      g_string_append (s, " noodzakelijk is");
      break;
    case 2:
      g_string_append (s, ", als bedoeld in ");
      append_reference (g, s, self);
      break;
    case 3:
      g_string_append (s, ", met inachtneming van ");
      append_reference (g, s, self);
      break;
    case 4:
      g_string_append (s, ", onverminderd het bepaalde in ");
      append_reference (g, s, self);
      break;
    case 5:
      g_string_append_printf (s, ", met dien verstande dat %s ", PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " wordt %s", PICK (g, participles));
      break;
    case 6:
      g_string_append_printf (s, ", zolang %s niet is %s", PICK (g, objects), PICK (g, participles));
      break;
    case 7:
      g_string_append_printf (s, ", nadat %s %s ", PICK (g, subjects), PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " heeft %s", PICK (g, participles));
      break;
    case 8:
      g_string_append_printf (s, ", of %s ", PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " te %s", PICK (g, te_infinitives));
      break;
    default:
      g_string_append_printf (s, ", waarbij %s rekening houdt met %s", PICK (g, subjects), PICK (g, interests));
      break;
    }
}

static void
extend_to (Gen     *g,
           GString *s,
           gsize    start,
           guint    words,
           guint    self)
{
  /* Stop at 40 words even when the last extension overshoots. */
  while (count_words (s->str + start) < words)
    {
      gsize before = s->len;

      append_extension (g, s, self);
      if (count_words (s->str + start) > 40)
        {
          g_string_truncate (s, before);
          break;
        }
    }
}

static void
capitalize (GString *s,
            gsize    start)
{
  s->str[start] = g_ascii_toupper (s->str[start]);
}

/* One sentence of 8 to 40 words. */
static void
append_sentence (Gen     *g,
                 GString *s,
                 guint    self,
                 guint    member)
{
  gsize start = s->len;

  append_core (g, s, self, member);
  extend_to (g, s, start, 8 + uniform (g, 33), self);
  capitalize (s, start);
  g_string_append_c (s, '.');
}

static void
append_sentences (Gen     *g,
                  GString *s,
                  guint    n,
                  guint    self,
                  guint    member)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      append_sentence (g, s, self, member);
    }
}

/* ----------------------------------------------------------------------- */
/* Lists                                                                    */
/* ----------------------------------------------------------------------- */

typedef enum {
  LIST_INTERESTS,
  LIST_CONTENTS,
  LIST_CONDITIONS,
  LIST_EXCEPTIONS,
  N_LIST_KINDS
} ListKind;

/* The text that ends in ":" before a list of points. */
static void
append_lead (Gen      *g,
             GString  *s,
             ListKind  kind,
             guint     member)
{
  gsize start = s->len;

  switch (kind)
    {
    case LIST_INTERESTS:
      g_string_append_printf (s, "%s %s %s %s in het belang van:", PICK (g, subjects), PICK (g, modals),
                              PICK (g, objects), PICK (g, infinitives));
      break;
    case LIST_CONTENTS:
      g_string_append_printf (s, "een aanvraag om %s bevat ten minste:", PICK (g, objects));
      break;
    case LIST_CONDITIONS:
      g_string_append_printf (s, "%s wordt ", PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " %s als:", PICK (g, participles));
      break;
    default:
      if (member > 0)
        g_string_append_printf (s, "het %s lid is niet van toepassing op:", ordinals[uniform (g, member)]);
      else
        g_string_append_printf (s, "het verbod is niet van toepassing op:");
      break;
    }
  capitalize (s, start);
}

/* Picks @n different entries of @list, in a random order. */
static void
pick_distinct (Gen                *g,
               const char * const *list,
               guint               len,
               guint               n,
               const char        **out)
{
  g_autofree guint *order = g_new (guint, len);

  for (guint i = 0; i < len; i++)
    order[i] = i;
  for (guint i = 0; i < n && i < len; i++)
    {
      guint j = i + uniform (g, len - i);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
      out[i] = list[order[i]];
    }
}

static void
append_point_text (Gen        *g,
                   GString    *s,
                   ListKind    kind,
                   const char *item,
                   guint       self)
{
  gsize start = s->len;

  switch (kind)
    {
    case LIST_INTERESTS:
      g_string_append (s, item);
      break;
    case LIST_CONTENTS:
      g_string_append (s, item);
      if (chance (g, 30))
        extend_to (g, s, start, 6 + uniform (g, 20), self);
      break;
    case LIST_CONDITIONS:
      g_string_append_printf (s, "%s %s ", PICK (g, subjects), PICK (g, objects));
      append_adverbial (g, s);
      g_string_append_printf (s, " heeft %s", PICK (g, participles));
      extend_to (g, s, start, 5 + uniform (g, 21), self);
      break;
    default:
      g_string_append_printf (s, "%s waarvoor een vergunning als bedoeld in ", PICK (g, objects));
      append_reference (g, s, self);
      g_string_append (s, ", is verleend");
      break;
    }
}

/* "   - a. text;" lines, the last ending in a full stop. */
static void
write_points (Gen      *g,
              ListKind  kind,
              guint     n,
              guint     indent,
              guint     self)
{
  const char *items[MAX_DEFINITIONS] = { NULL };

  g_assert (n <= MAX_POINTS);
  if (kind == LIST_INTERESTS)
    pick_distinct (g, interests, G_N_ELEMENTS (interests), n, items);
  else if (kind == LIST_CONTENTS)
    pick_distinct (g, data_items, G_N_ELEMENTS (data_items), n, items);

  for (guint i = 0; i < n; i++)
    {
      /* Loose: a paragraph "a. ...;" after a blank line. */
      if (g->loose)
        g_string_append_printf (g->out, "\n%c. ", 'a' + i);
      else
        {
          for (guint k = 0; k < indent; k++)
            g_string_append_c (g->out, ' ');
          g_string_append_printf (g->out, "- %c. ", 'a' + i);
        }
      append_point_text (g, g->out, kind, items[i], self);
      g_string_append (g->out, i + 1 < n ? ";\n" : ".\n");
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "- a. term: definition;", the terms in alphabetical order. */
static void
write_definitions (Gen   *g,
                   guint  n,
                   guint  self)
{
  const char *chosen[MAX_DEFINITIONS] = { NULL };

  g_assert (n <= MAX_DEFINITIONS);
  pick_distinct (g, terms, G_N_ELEMENTS (terms), n, chosen);
  qsort (chosen, n, sizeof chosen[0], compare_strings);

  for (guint i = 0; i < n; i++)
    {
      GString *s = g->out;
      gsize start;
      guint head;

      g_string_append_printf (s, g->loose ? "\n%c. %s: " : "- %c. %s: ", 'a' + i, chosen[i]);
      start = s->len;
      head = uniform (g, G_N_ELEMENTS (definition_heads));

      g_string_append (s, definition_heads[head].noun);
      switch (uniform (g, 4))
        {
        case 0:
          g_string_append_printf (s, " %s ", definition_heads[head].pronoun);
          append_adverbial (g, s);
          g_string_append (s, " wordt gebruikt");
          break;
        case 1:
          g_string_append_printf (s, " %s door %s is aangewezen", definition_heads[head].pronoun, PICK (g, subjects));
          break;
        case 2:
          g_string_append_printf (s, " waarin %s ", PICK (g, objects));
          append_adverbial (g, s);
          g_string_append_printf (s, " wordt %s", PICK (g, participles));
          break;
        default:
          g_string_append (s, " als bedoeld in artikel 1 van de Wegenverkeerswet 1994");
          break;
        }
      if (chance (g, 30))
        g_string_append_printf (s, ", met inbegrip van %s", PICK (g, inclusions));
      extend_to (g, s, start, 6 + uniform (g, 25), self);
      g_string_append (s, i + 1 < n ? ";\n" : ".\n");
    }
}

/* ----------------------------------------------------------------------- */
/* Blocks                                                                   */
/* ----------------------------------------------------------------------- */

/* Every block ends in a newline; one more makes the blank line between. */
static void
begin_block (Gen *g)
{
  if (g->out->len > 0)
    g_string_append_c (g->out, '\n');
}

static void
write_heading (Gen        *g,
               guint       level,
               const char *format,
               ...) G_GNUC_PRINTF (3, 4);

static void
write_heading (Gen        *g,
               guint       level,
               const char *format,
               ...)
{
  va_list args;

  begin_block (g);
  if (g->loose)
    level = 3;
  for (guint k = 0; k < level; k++)
    g_string_append_c (g->out, '#');
  g_string_append_c (g->out, ' ');
  va_start (args, format);
  g_string_append_vprintf (g->out, format, args);
  va_end (args);
  g_string_append_c (g->out, '\n');
}

/* A part's heading: "# Artikel 3:4 Heading" or, loose, "### Artikel  3:4"
 * with "####Heading" on a line of its own; @odd writes the whole heading
 * one level deeper, as a loose file now and then does. */
static void
write_part (Gen        *g,
            guint       level,
            const char *word,
            const char *number,
            const char *title,
            gboolean    odd)
{
  if (!g->loose)
    {
      write_heading (g, level, "%s %s %s", word, number, title);
      return;
    }
  begin_block (g);
  if (odd)
    {
      g_string_append_printf (g->out, "####%s %s %s\n", word, number, title);
      return;
    }
  g_string_append_printf (g->out, "### %s  %s  \n", word, number);
  begin_block (g);
  g_string_append_printf (g->out, "####%s \n", title);
}

static void
write_paragraph (Gen   *g,
                 guint  sentences,
                 guint  self)
{
  begin_block (g);
  append_sentences (g, g->out, sentences, self, 0);
  g_string_append_c (g->out, '\n');
}

static void
write_front_matter (Gen *g)
{
  g_string_append_printf (g->out,
                          "---\n"
                          "title: Algemene Plaatselijke Verordening %s 2027\n"
                          "citation: APV %s 2027\n"
                          "authority: %s\n"
                          "authority-name: de raad van de gemeente %s\n"
                          "work: /akn/nl/act/%s/2027/apv\n"
                          "expression: /akn/nl/act/%s/2027/apv/nld@2027-01-01\n"
                          "date: 2027-01-01\n"
                          "---\n",
                          g->place, g->place, g->authority, g->place, g->authority, g->authority);
}

static void
write_preamble (Gen *g)
{
  begin_block (g);
  g_string_append_printf (g->out, "De raad van de gemeente %s;\n", g->place);
  begin_block (g);
  g_string_append (g->out, "gelezen het voorstel van burgemeester en wethouders van 3 november 2026;\n");
  begin_block (g);
  g_string_append (g->out, "gelet op artikel 149 van de Gemeentewet;\n");
  begin_block (g);
  g_string_append (g->out, "besluit vast te stellen de volgende verordening:\n");
}

static void
write_article (Gen   *g,
               guint  index,
               guint  level)
{
  const Article *a = &g_array_index (g->articles, Article, index);

  write_part (g, level, "Artikel", a->number, a->heading, FALSE);

  if (g_strcmp0 (a->heading, "Citeertitel") == 0)
    {
      begin_block (g);
      g_string_append_printf (g->out, "Deze verordening wordt aangehaald als: Algemene Plaatselijke Verordening %s 2027.\n",
                              g->place);
      return;
    }
  if (g_strcmp0 (a->heading, "Inwerkingtreding") == 0)
    {
      begin_block (g);
      g_string_append (g->out, "Deze verordening treedt in werking op 1 januari 2027.\n");
      return;
    }

  if (a->definitions)
    {
      begin_block (g);
      g_string_append (g->out, index == 0 ? "In deze verordening en de daarop berustende bepalingen wordt verstaan onder:\n"
                                          : "In dit hoofdstuk wordt verstaan onder:\n");
      begin_block (g);
      write_definitions (g, a->n_article_points, index);
      return;
    }

  if (a->n_members == 0)
    {
      if (a->n_article_points > 0)
        {
          ListKind kind = uniform (g, N_LIST_KINDS);

          begin_block (g);
          append_lead (g, g->out, kind, 0);
          g_string_append_c (g->out, '\n');
          begin_block (g);
          write_points (g, kind, a->n_article_points, 0, index);
        }
      else
        write_paragraph (g, chance (g, 25) ? 2 : 1, index);
      return;
    }

  /* The members are one ordered list: no blank lines inside it. */
  begin_block (g);
  for (guint m = 0; m < a->n_members; m++)
    {
      /* Loose: "1.  ...", the line ending in a hard break of spaces. */
      g_string_append_printf (g->out, g->loose ? "%u.  " : "%u. ", m + 1);
      if (a->n_points[m] > 0)
        {
          /* An exception cites an earlier member: not in the first. */
          ListKind kind = uniform (g, m > 0 ? N_LIST_KINDS : LIST_EXCEPTIONS);

          append_lead (g, g->out, kind, m);
          g_string_append (g->out, g->loose ? "  \n" : "\n");
          write_points (g, kind, a->n_points[m], 3, index);
        }
      else
        {
          append_sentences (g, g->out, chance (g, 15) ? 2 : 1, index, m);
          g_string_append (g->out, g->loose ? "   \n" : "\n");
        }
    }
}

static void
write_chapter (Gen           *g,
               const Chapter *c)
{
  g_autofree char *number = g_strdup_printf ("%u", c->number);

  write_part (g, 1, "Hoofdstuk", number, c->heading, FALSE);
  for (guint i = 0; i < c->n_articles; i++)
    {
      guint level = 2;

      if (c->split > 0)
        {
          if (i == 0 || i == c->split)
            {
              g_autofree char *division = g_strdup_printf ("%u.%u", c->number, i == 0 ? 1 : 2);

              /* One division in four chapters one level deeper, loose. */
              write_part (g, 2, "Afdeling", division, c->division_headings[i == 0 ? 0 : 1],
                          i == 0 && g->divided++ % 4 == 0);
            }
          level = 3;
        }
      write_article (g, c->first + i, level);
    }
}

static void
write_closing (Gen *g)
{
  write_heading (g, 1, "Ondertekening");
  begin_block (g);
  g_string_append (g->out, "Aldus vastgesteld in de openbare vergadering van 14 december 2026.\n");
  begin_block (g);
  g_string_append (g->out, "De voorzitter, M.J. van Dalen\n");
  begin_block (g);
  g_string_append (g->out, "De griffier, H. Sprenger\n");
}

static void
write_explanation (Gen *g)
{
  write_heading (g, 1, "Toelichting");
  write_heading (g, 2, "Algemeen");
  for (guint i = 0; i < 3; i++)
    write_paragraph (g, 3 + uniform (g, 4), G_MAXUINT);

  write_heading (g, 2, "Artikelsgewijs");
  for (guint i = 0; i < g->chapters->len; i++)
    {
      const Chapter *c = &g_array_index (g->chapters, Chapter, i);
      guint index = c->first + uniform (g, c->n_articles);

      if (!chance (g, 50))
        continue;
      write_heading (g, 3, "Artikel %s", g_array_index (g->articles, Article, index).number);
      write_paragraph (g, 2 + uniform (g, 4), index);
    }
}

static void
article_clear (gpointer data)
{
  Article *a = data;

  g_free (a->number);
  g_free (a->heading);
}

static void
chapter_clear (gpointer data)
{
  Chapter *c = data;

  g_free (c->heading);
  g_free (c->division_headings[0]);
  g_free (c->division_headings[1]);
}

static gboolean
parse_count (const char *arg,
             guint64     min,
             guint64     max,
             guint64    *out)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (arg, 10, min, max, out, &error))
    {
      g_printerr ("amend-gen-regulation: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  guint64 n_articles = 0;
  guint64 seed = DEFAULT_SEED;
  Gen g = { 0 };

  if (argc >= 2 && strcmp (argv[1], "--loose") == 0)
    {
      g.loose = TRUE;
      argv++;
      argc--;
    }
  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: amend-gen-regulation [--loose] N [SEED] > out.md\n");
      return 2;
    }
  if (!parse_count (argv[1], 1, 1000000, &n_articles) || (argc == 3 && !parse_count (argv[2], 0, G_MAXUINT32, &seed)))
    return 2;

  g.rand = g_rand_new_with_seed ((guint32) seed);
  g.articles = g_array_new (FALSE, TRUE, sizeof (Article));
  g_array_set_clear_func (g.articles, article_clear);
  g.chapters = g_array_new (FALSE, TRUE, sizeof (Chapter));
  g_array_set_clear_func (g.chapters, chapter_clear);
  g.out = g_string_sized_new (n_articles * 700 + 4096);
  g.place = g_strconcat (PICK (&g, place_starts), PICK (&g, place_ends), NULL);
  g.authority = g_strdup_printf ("gm%04u", 9000 + uniform (&g, 1000));

  plan (&g, (guint) n_articles);
  write_front_matter (&g);
  write_preamble (&g);
  for (guint i = 0; i < g.chapters->len; i++)
    write_chapter (&g, &g_array_index (g.chapters, Chapter, i));
  write_closing (&g);
  write_explanation (&g);

  /* fwrite, not g_print: g_print would convert to the locale's charset. */
  if (fwrite (g.out->str, 1, g.out->len, stdout) != g.out->len || fflush (stdout) != 0)
    {
      g_printerr ("amend-gen-regulation: could not write the output\n");
      return 1;
    }

  g_string_free (g.out, TRUE);
  g_array_unref (g.chapters);
  g_array_unref (g.articles);
  g_free (g.place);
  g_free (g.authority);
  g_rand_free (g.rand);
  return 0;
}
