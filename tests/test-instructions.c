/* test-instructions.c: golden tests of the amendment instructions, a table
 * of cases, one or more per rule of the Aanwijzingen voor de regelgeving
 * (Ar), each with the wording a drafter would sign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case is an old text, the edits that make the new one, and the
 * lettered instructions expected after the frame ("ARTIKEL I", "De ...
 * wordt als volgt gewijzigd:").  Every case also applies the diff's edit
 * script and checks that it gives the new text.
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-instructions.h"
#include "amend-test-util.h"
#include "amend-wording.h"

static const char base[] =
  "# Artikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n\n- a. college: het college van burgemeester en wethouders;\n- b. raad: de gemeenteraad.\n\n"
  "# Artikel 2 Aanvraag\n\nEen aanvraag wordt schriftelijk ingediend bij het college.\n\n"
  "# Artikel 3 Beslistermijn\n\n1. Het college beslist binnen twee weken.\n2. Het college beslist binnen acht weken op een aanvraag om een vergunning.\n\n"
  "# Artikel 4 Weigering\n\n1. De vergunning kan worden geweigerd in het belang van de openbare orde.\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.\n\n"
  "# Artikel 5 Voorschriften\n\n1. Aan een vergunning kunnen voorschriften worden verbonden.\n2. De voorschriften betreffen:\n   - a. de openingstijden;\n   - b. het aantal bezoekers;\n   - c. de geluidsproductie;\n   - d. de verlichting.\n\n"
  "# Artikel 6 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n\n"
  "# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.\n";

/* Members to renumber, words that repeat, times and numbers. */
static const char members[] =
  "# Artikel 1 Markten\n\n"
  "1. De markt wordt gehouden op 1 januari en op de eerste werkdag na 2 januari.\n"
  "2. Het college wijst de standplaatsen aan, of de deelraad, en de raad, of de deelraad, stelt de tarieven vast.\n"
  "3. De markt duurt van 08.00 uur tot 10.30 uur, als bedoeld in artikel 5.\n"
  "4. Een standplaats wordt toegewezen voor twee weken of twee maanden.\n"
  "5. Het college, de burgemeester en de raad overleggen jaarlijks over de markten.\n"
  "6. Het vijfde lid is van toepassing op de jaarmarkt.\n\n"
  "# Artikel 2 Tarieven\n\n1. De tarieven staan in de bijlage.\n2. Het college beslist binnen acht weken.\n\n"
  "# Artikel 3 Toezicht\n\n1. De marktmeester houdt toezicht.\n2. Het college beslist binnen acht weken.\n";

/* Chapters and paragraphs. */
static const char chapters[] =
  "# Hoofdstuk 1 Algemeen\n\n## Artikel 1:1 Begrippen\n\nTekst een.\n\n## Artikel 1:2 Reikwijdte\n\nTekst twee.\n\n"
  "# Hoofdstuk 2 Markten\n\n## Paragraaf 1 Commissies\n\n### Artikel 2:1 Marktcommissie\n\nEr is een marktcommissie.\n\n"
  "### Artikel 2:2 Samenstelling\n\nDe commissie telt vijf leden.\n\n"
  "## Paragraaf 2 Standplaatsen\n\n### Artikel 2:3 Vergunning\n\nEen standplaats vergt een vergunning.\n\n"
  "### Artikel 2:4 Duur\n\nDe vergunning geldt een jaar.\n\n### Artikel 2:5 Kosten\n\nDe kosten zijn vijf euro.\n\n"
  "### Artikel 2:6 Afval\n\nDe houder ruimt zijn afval op.\n\n"
  "# Hoofdstuk 3 Slot\n\n## Paragraaf 1 Overgang\n\n### Artikel 3:1 Overgangsrecht\n\nOude vergunningen blijven gelden.\n\n"
  "## Paragraaf 2 Citeertitel\n\n### Artikel 3:2 Citeertitel\n\nDeze verordening heet Marktverordening.\n";

/* A bijlage with two lists, each numbered from 1. */
static const char annex[] =
  "# Artikel 1 Tarieven\n\nDe tarieven staan in bijlage 1.\n\n"
  "# Bijlage 1 Tarieven\n\n## A\n\nMarkten\n\n- 1\\. dagplaats;\n- 2\\. vaste plaats;\n- 3\\. jaarplaats.\n\n"
  "## B\n\nEvenementen\n\n- 1\\. klein evenement;\n- 2\\. groot evenement.\n";

/* Numbers and members cited in running text. */
static const char citations[] =
  "# Artikel 1 Termijnen\n\n"
  "1. Het college beslist, bedoeld in artikel 5, niet later dan de raad, bedoeld in artikel 6, niet eerder dan de burgemeester.\n"
  "2. Buiten toepassing blijven de artikelen 2, vierde lid, 3, 37 en 48 van de wet.\n";

/* Points without labels, as CVDR's lijst with nr="-". */
static const char bullets[] =
  "# Artikel 1 Criteria\n\nDe aanvrager:\n\n- woont in de gemeente;\n- is zelf bestuurder.\n\n"
  "# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* Points joined by "; of", and a member with an aanhef. */
static const char lists[] =
  "# Artikel 1 Weigering\n\n1. De vergunning wordt geweigerd als:\n   - a. de aanvraag onvolledig is;\n"
  "   - b. de leges niet zijn betaald; of\n   - c. de openbare orde in gevaar komt.\n"
  "2. De aanvraag bevat:\n   - a. de naam;\n   - b. het adres.\n\n"
  "# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* Citations in a clause that goes. */
static const char clauses[] =
  "# Artikel 1 Beroep\n\nIn afwijking van artikel 8:4, eerste lid, kan een belanghebbende tegen een vernietigingsbesluit "
  "als bedoeld in de artikelen 85, tweede lid, en 87a, eerste lid, beroep instellen.\n\n"
  "# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* A bijlage of paragraphs. */
static const char paragraphs[] =
  "# Artikel 1 Tarieven\n\nDe tarieven staan in bijlage 1.\n\n"
  "# Bijlage 1 Tarieven\n\nHet tarief is vijf euro per dag.\n\nHet tarief voor een jaar is honderd euro.\n\n"
  "De tarieven gelden vanaf 2027.\n";

/* A member of two sentences. */
static const char sentences[] =
  "# Artikel 1 Bekendmaking\n\n1. Het gemeenteblad kan elektronisch worden uitgegeven. Na de uitgifte blijft het "
  "gemeenteblad beschikbaar.\n2. De kosten zijn voor de gemeente.\n\n# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* Points with points. */
static const char subpoints[] =
  "# Artikel 5 Voorschriften\n\n1. Aan een vergunning kunnen voorschriften worden verbonden.\n"
  "2. De voorschriften betreffen:\n   - a. de openingstijden;\n   - b. de geluidsproductie, waaronder:\n"
  "     - 1°. muziek;\n     - 2°. het geluid van bezoekers;\n     - 3°. het geluid van installaties.\n"
  "   - c. de verlichting.\n\n# Artikel 6 Slot\n\nTekst.\n";

static const char initials[] =
  "# Artikel 1 Bekendmaking\n\n1. De heer J. Jansen geeft het gemeenteblad uit. Na de uitgifte blijft het "
  "gemeenteblad beschikbaar.\n2. De kosten zijn voor de gemeente.\n\n# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* A question mark ends a sentence too. */
static const char question[] =
  "# Artikel 1 Bekendmaking\n\n1. Wie geeft het gemeenteblad uit? Het college doet dat. Na de uitgifte blijft het "
  "gemeenteblad beschikbaar.\n2. De kosten zijn voor de gemeente.\n\n# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* A list of definitions, long enough that a new one relettered most. */
static const char definitions[] =
  "# Artikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n\n- a. bebouwde kom: de bebouwde kom;\n"
  "- b. college: het college van burgemeester en wethouders;\n- c. evenement: een evenement;\n"
  "- d. exploitant: de exploitant;\n- e. horecabedrijf: een horecabedrijf;\n- f. openbaar water: het openbare water;\n"
  "- g. terras: een terras;\n- h. vaartuig: een vaartuig;\n- i. weg: de weg.\n\n"
  "# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* A measure at the end of a sentence. */
static const char measures[] =
  "# Artikel 1 Standplaats\n\nEen standplaats is ten hoogste 10 m2.\n\n# Artikel 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* Chapters of one paragraph, without articles, as CVDR has them. */
static const char chapter_texts[] =
  "# Hoofdstuk 1 Parkeren\n\n[Vervallen]\n\n# Hoofdstuk 2 Slot\n\nDeze regels gelden vanaf 2027.\n";

/* An article without a number, as CVDR has some. */
static const char unnumbered[] =
  "# Artikel\n\nDe tarieven staan in de lijst hieronder.\n\nDe lijst geldt vanaf 2027.\n";

typedef struct {
  const char *path;
  const char *old_md;      /* the text to edit */
  const char *edits[19];   /* from, to, ...; NULL after the last */
  const char *expected;    /* the lettered instructions, after the frame */
} Case;

static const Case cases[] = {
  /* -- 6.9: "wordt ... vervangen door ...", quotations of whole words --- */
  { "/instructions/6.9/replace-words", base,
    { "binnen acht weken op", "binnen zes weken op", NULL },
    "A\n\nIn artikel 3, tweede lid, wordt \"acht\" vervangen door \"zes\".\n" },
  { "/instructions/6.9/replace-in-article-text", base,
    { "schriftelijk ingediend", "elektronisch ingediend", NULL },
    "A\n\nIn artikel 2 wordt \"schriftelijk\" vervangen door \"elektronisch\".\n" },
  /* 3.29: the citation of a point. */
  { "/instructions/3.29/point", base,
    { "het aantal bezoekers;", "het maximale aantal bezoekers;", NULL },
    "A\n\nIn artikel 5, tweede lid, onderdeel b, wordt na \"het\" ingevoegd \"maximale\".\n" },
  { "/instructions/6.12/delete-words", base,
    { "op een aanvraag om een vergunning", "op een aanvraag", NULL },
    "A\n\nIn artikel 3, tweede lid, vervalt \"om een vergunning\".\n" },
  /* A quotation occurs once: "twee" stands twice in the fourth member. */
  { "/instructions/6.9/quote-widened-until-unique", members,
    { "twee maanden", "drie maanden", NULL },
    "A\n\nIn artikel 1, vierde lid, wordt \"twee maanden\" vervangen door \"drie maanden\".\n" },
  /* A number too short to quote alone grows to a word, not to the full
   * stop of the sentence: "hoogste 10 m2", never "10 m2.". */
  { "/instructions/6.9/quote-not-widened-to-full-stop", measures,
    { "ten hoogste 10 m2.", "ten hoogste 20 m2.", NULL },
    "A\n\nIn artikel 1 wordt \"hoogste 10 m2\" vervangen door \"hoogste 20 m2\".\n" },
  /* The one paragraph of an element is quoted when it is replaced, as
   * when it goes: "de eerste alinea" would suggest others. */
  { "/instructions/6.9/only-paragraph-quoted", chapter_texts,
    { "[Vervallen]", "Parkeren op de stoep is verboden.", NULL },
    "A\n\nIn hoofdstuk 1 wordt \"[Vervallen]\" vervangen door \"Parkeren op de stoep is verboden.\".\n" },
  /* An element without a number is named with its own article: "het
   * artikel", never "de artikel". */
  { "/instructions/3.29/unnumbered-article", unnumbered,
    { "geldt vanaf 2027", "geldt vanaf 2028", NULL },
    "A\n\nIn het artikel wordt \"2027\" vervangen door \"2028\".\n" },
  /* 6.11 and 6.12 for whole sentences, as the example of 6.15 cites
   * them: one that comes between others, several that go. */
  { "/instructions/6.11/sentence-inserted-between", sentences,
    { "worden uitgegeven. Na de uitgifte", "worden uitgegeven. Het college regelt de uitgifte. Na de uitgifte", NULL },
    "A\n\nIn artikel 1, eerste lid, wordt na de eerste zin een zin ingevoegd, luidende: Het college regelt de "
    "uitgifte.\n" },
  { "/instructions/6.11/sentence-inserted-first", sentences,
    { "1. Het gemeenteblad kan", "1. Dit lid geldt tot 2030. Het gemeenteblad kan", NULL },
    "A\n\nIn artikel 1, eerste lid, wordt voor de eerste zin een zin ingevoegd, luidende: Dit lid geldt tot 2030.\n" },
  { "/instructions/6.12/sentences-gone", question,
    { "1. Wie geeft het gemeenteblad uit? Het college doet dat. Na", "1. Na", NULL },
    "A\n\nIn artikel 1, eerste lid, vervallen de eerste en tweede zin.\n" },
  { "/instructions/6.12/sentences-gone-relative", question,
    { "1. Wie geeft het gemeenteblad uit? Het college doet dat. Na", "1. Na", "2. De kosten zijn", "2. De lasten zijn", NULL },
    "A\n\nArtikel 1 wordt als volgt gewijzigd:\n\n1. In het eerste lid vervallen de eerste en tweede zin.\n\n"
    "2. In het tweede lid wordt \"kosten\" vervangen door \"lasten\".\n" },
  /* Never a lone digit: "artikel 5", not "5". */
  { "/instructions/6.9/no-lone-digit", members,
    { "bedoeld in artikel 5.", "bedoeld in artikel 6.", NULL },
    "A\n\nIn artikel 1, derde lid, wordt \"artikel 5\" vervangen door \"artikel 6\".\n" },
  /* Whole numbers: "10.30", never "30" cut out of it. */
  { "/instructions/6.9/whole-number", members,
    { "10.30 uur", "10.45 uur", NULL },
    "A\n\nIn artikel 1, derde lid, wordt \"10.30\" vervangen door \"10.45\".\n" },
  /* Exactly the text: no space before the comma. */
  { "/instructions/6.12/quote-exact", members,
    { "Het college, de burgemeester en de raad", "Het college en de raad", NULL },
    "A\n\nIn artikel 1, vijfde lid, vervalt \", de burgemeester\".\n" },
  /* Unique as the instructions are applied in order: after "1 januari"
   * became "2 januari", "2 januari" stands twice. */
  { "/instructions/6.9/unique-in-order", members,
    { "op 1 januari en op de eerste werkdag na 2 januari", "op 2 januari en op de eerste werkdag na 3 januari", NULL },
    "A\n\nIn artikel 1, eerste lid, wordt \"1 januari\" vervangen door \"2 januari\" en wordt \"na 2 januari\" "
    "vervangen door \"na 3 januari\".\n" },
  /* Changes a word apart are one quotation. */
  { "/instructions/6.9/close-changes-one-quote", members,
    { "van 08.00 uur tot 10.30 uur", "van 09.00 uur tot 11.30 uur", NULL },
    "A\n\nIn artikel 1, derde lid, wordt \"08.00 uur tot 10.30\" vervangen door \"09.00 uur tot 11.30\".\n" },
  /* 6.11, toelichting: words added at the end are "toegevoegd". */
  { "/instructions/6.11/words-added-at-end", base,
    { "binnen acht weken op een aanvraag om een vergunning.", "binnen acht weken op een aanvraag om een vergunning, tenzij de aanvraag onvolledig is.", NULL },
    "A\n\nAan artikel 3, tweede lid, wordt \", tenzij de aanvraag onvolledig is\" toegevoegd.\n" },

  /* -- 6.9, third member: "komt te luiden:" with the element's own heading */
  { "/instructions/6.9/article-comes-to-read", base,
    { "Een aanvraag wordt schriftelijk ingediend bij het college.",
      "De burgemeester stelt een formulier vast waarmee elke aanvraag digitaal kan worden gedaan.", NULL },
    "A\n\nArtikel 2 komt te luiden:\n\nArtikel 2 Aanvraag\n\n"
    "De burgemeester stelt een formulier vast waarmee elke aanvraag digitaal kan worden gedaan.\n" },
  { "/instructions/6.9/member-comes-to-read", base,
    { "2. De vergunning wordt geweigerd als de aanvraag onvolledig is.",
      "2. Bij ernstige overlast in de buurt trekt de burgemeester elke verleende toestemming direct in.", NULL },
    "A\n\nArtikel 4, tweede lid, komt te luiden:\n\n"
    "2. Bij ernstige overlast in de buurt trekt de burgemeester elke verleende toestemming direct in.\n" },
  { "/instructions/6.9/heading", base,
    { "# Artikel 6 Intrekking", "# Artikel 6 Intrekking en schorsing", NULL },
    "A\n\nHet opschrift van artikel 6 komt te luiden: \"Intrekking en schorsing\".\n" },

  /* -- 6.15, third member: numbered, one sentence each --------------------- */
  { "/instructions/6.15/numbered", base,
    { "binnen twee weken.", "binnen drie weken.", "op een aanvraag om een vergunning", "op een aanvraag", NULL },
    "A\n\nArtikel 3 wordt als volgt gewijzigd:\n\n"
    "1. In het eerste lid wordt \"twee\" vervangen door \"drie\".\n\n"
    "2. In het tweede lid vervalt \"om een vergunning\".\n" },
  { "/instructions/6.15/lettered", base,
    { "binnen twee weken.", "binnen drie weken.",
      "\n\n# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.", "",
      NULL },
    "A\n\nIn artikel 3, eerste lid, wordt \"twee\" vervangen door \"drie\".\n\n"
    "B\n\nArtikel 7 vervalt.\n" },
  /* Several changes in one member: one sentence (the example of 6.15). */
  { "/instructions/6.15/one-sentence-per-member", members,
    { "Het college, de burgemeester en de raad overleggen jaarlijks over", "Het college en de raad overleggen elk half jaar over",
      NULL },
    "A\n\nIn artikel 1, vijfde lid, vervalt \", de burgemeester\" en wordt \"jaarlijks\" vervangen door \"elk half jaar\".\n" },
  /* The same change everywhere in the member: said once. */
  { "/instructions/6.15/twice", members,
    { "aan, of de deelraad, en de raad, of de deelraad, stelt", "aan en de raad stelt", NULL },
    "A\n\nIn artikel 1, tweede lid, vervalt tweemaal \", of de deelraad,\".\n" },
  { "/instructions/6.15/two-deletions", members,
    { "Het college, de burgemeester en de raad overleggen jaarlijks over", "Het college en de raad overleggen over", NULL },
    "A\n\nIn artikel 1, vijfde lid, vervallen \", de burgemeester\" en \"jaarlijks\".\n" },
  { "/instructions/6.15/deletions-in-two-members", members,
    { "wordt gehouden op 1 januari en op de eerste werkdag na 2 januari.", "wordt gehouden op de eerste werkdag na 2 januari.",
      "voor twee weken of twee maanden.", "voor twee maanden.", NULL },
    "A\n\nArtikel 1 wordt als volgt gewijzigd:\n\n"
    "1. In het eerste lid vervalt \"op 1 januari en\".\n\n"
    "2. In het vierde lid vervalt \"twee weken of\".\n" },

  /* -- 6.11: "ingevoegd" in between, "toegevoegd" at the end ------------- */
  { "/instructions/6.11/insert-article-renumbering", base,
    { "# Artikel 7 Overgangsrecht", "# Artikel 7 Hardheidsclausule\n\nHet college kan in bijzondere gevallen afwijken van deze verordening.\n\n# Artikel 8 Overgangsrecht", NULL },
    "A\n\nNa artikel 6 wordt, onder vernummering van artikel 7 tot artikel 8, een artikel ingevoegd, luidende:\n\n"
    "Artikel 7 Hardheidsclausule\n\nHet college kan in bijzondere gevallen afwijken van deze verordening.\n" },
  { "/instructions/6.11/article-added-at-end", base,
    { "blijft van kracht.\n", "blijft van kracht.\n\n# Artikel 8 Citeertitel\n\nDeze verordening heet Marktverordening.\n", NULL },
    "A\n\nNa artikel 7 wordt een artikel toegevoegd, luidende:\n\nArtikel 8 Citeertitel\n\nDeze verordening heet Marktverordening.\n" },
  { "/instructions/6.11/article-added-to-chapter", chapters,
    { "Tekst twee.\n", "Tekst twee.\n\n## Artikel 1:3 Citeertitel\n\nTekst drie.\n", NULL },
    "A\n\nAan hoofdstuk 1 wordt een artikel toegevoegd, luidende:\n\nArtikel 1:3 Citeertitel\n\nTekst drie.\n" },
  { "/instructions/6.11/article-at-start-of-chapter", chapters,
    { "### Artikel 2:3 Vergunning", "### Artikel 2:2a Plicht\n\nElke standplaats heeft een houder.\n\n### Artikel 2:3 Vergunning", NULL },
    "A\n\nIn hoofdstuk 2, paragraaf 2, wordt voor artikel 2:3 een artikel ingevoegd, luidende:\n\n"
    "Artikel 2:2a Plicht\n\nElke standplaats heeft een houder.\n" },
  /* A new chapter quoted with one blank line under its heading. */
  { "/instructions/6.11/chapter-inserted", chapters,
    { "# Hoofdstuk 3 Slot", "# Hoofdstuk 2a Toezicht\n\n## Artikel 2a:1 Toezichthouder\n\nDe marktmeester houdt toezicht.\n\n# Hoofdstuk 3 Slot", NULL },
    "A\n\nNa hoofdstuk 2 wordt een hoofdstuk ingevoegd, luidende:\n\nHoofdstuk 2a Toezicht\n\nArtikel 2a:1 Toezichthouder\n\n"
    "De marktmeester houdt toezicht.\n" },
  { "/instructions/6.11/three-articles", base,
    { "# Artikel 7 Overgangsrecht", "# Artikel 6a Een\n\nTekst een.\n\n# Artikel 6b Twee\n\nTekst twee.\n\n# Artikel 6c Drie\n\nTekst drie.\n\n# Artikel 7 Overgangsrecht", NULL },
    "A\n\nNa artikel 6 worden drie artikelen ingevoegd, luidende:\n\n"
    "Artikel 6a Een\n\nTekst een.\n\nArtikel 6b Twee\n\nTekst twee.\n\nArtikel 6c Drie\n\nTekst drie.\n" },
  { "/instructions/6.11/member-added-at-end", base,
    { "als de aanvraag onvolledig is.\n", "als de aanvraag onvolledig is.\n3. Een weigering wordt gemotiveerd.\n", NULL },
    "A\n\nAan artikel 4 wordt een lid toegevoegd, luidende:\n\n3. Een weigering wordt gemotiveerd.\n" },
  /* 6.18, first member, example A: the renumbering places the new member. */
  { "/instructions/6.18/member-inserted-renumbering", base,
    { "1. De vergunning kan worden geweigerd in het belang van de openbare orde.\n2. De vergunning wordt geweigerd",
      "1. De vergunning kan worden geweigerd in het belang van de openbare orde.\n2. De vergunning kan ook worden geweigerd in het belang van de volksgezondheid.\n3. De vergunning wordt geweigerd", NULL },
    "A\n\nIn artikel 4 wordt, onder vernummering van het tweede lid tot derde lid, een lid ingevoegd, luidende:\n\n"
    "2. De vergunning kan ook worden geweigerd in het belang van de volksgezondheid.\n" },
  { "/instructions/6.11/point-added-at-end", base,
    { "   - d. de verlichting.\n", "   - d. de verlichting;\n   - e. de beveiliging.\n", NULL },
    "A\n\nAan artikel 5, tweede lid, wordt, onder vervanging van de punt aan het slot van onderdeel d door een "
    "puntkomma, een onderdeel toegevoegd, luidende:\n\ne. de beveiliging.\n" },

  /* -- 6.12 and 3.29, third member: vervallen, with the renumbering ------- */
  { "/instructions/6.12/delete-article", base,
    { "\n\n# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.", "", NULL },
    "A\n\nArtikel 7 vervalt.\n" },
  { "/instructions/6.12/delete-member", base,
    { "\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.", "", NULL },
    "A\n\nArtikel 4, tweede lid, vervalt.\n" },
  /* The renumbering in the instruction that causes it, and the numbers of
   * later instructions as they stand after it. */
  { "/instructions/3.29/member-gone-renumbering", members,
    { "2. Het college wijst de standplaatsen aan, of de deelraad, en de raad, of de deelraad, stelt de tarieven vast.\n3. De markt",
      "2. De markt", "\n4. Een standplaats", "\n3. Een standplaats", "\n5. Het college, de", "\n4. Het college, de",
      "6. Het vijfde lid is van toepassing", "5. Het vierde lid is van toepassing", NULL },
    NULL /* filled in below: the members renumbered as in the real Gemeentewet */ },
  { "/instructions/3.29/points-gone-relettering", base,
    { "   - b. het aantal bezoekers;\n   - c. de geluidsproductie;\n   - d. de verlichting.\n", "   - b. de verlichting.\n", NULL },
    "A\n\nIn artikel 5, tweede lid, vervallen de onderdelen b en c, onder verlettering van onderdeel d tot b.\n" },

  /* -- Divisions ------------------------------------------------------------ */
  /* A paragraph division goes while its articles stay. */
  { "/instructions/division/heading-gone", chapters,
    { "## Paragraaf 1 Commissies\n\n", "", "## Paragraaf 2 Standplaatsen", "## Paragraaf 1 Standplaatsen", NULL },
    "A\n\nIn hoofdstuk 2 vervalt de aanduiding \"Paragraaf 1 Commissies\".\n\n"
    "B\n\nHoofdstuk 2, paragraaf 2, wordt vernummerd tot paragraaf 1.\n" },
  /* The heading of the last division of a chapter goes: its articles
   * stay, in the division before it, as Markdown has them. */
  { "/instructions/division/last-heading-gone", chapters,
    { "## Paragraaf 2 Standplaatsen\n\n", "", NULL },
    "A\n\nIn hoofdstuk 2 vervalt de aanduiding \"Paragraaf 2 Standplaatsen\".\n" },
  /* A heading that comes among the articles of a division takes the
   * articles after it out of that division. */
  { "/instructions/division/heading-splits-division", chapters,
    { "### Artikel 2:2 Samenstelling", "## Paragraaf 1a Samenstelling\n\n### Artikel 2:2 Samenstelling", NULL },
    "A\n\nIn hoofdstuk 2 wordt voor artikel 2:2 de aanduiding \"Paragraaf 1a Samenstelling\" ingevoegd.\n" },
  /* A division whose number is not unique, cited with its parent. */
  { "/instructions/division/cited-with-parent", chapters,
    { "## Paragraaf 2 Citeertitel", "## Paragraaf 2 Slotbepaling", NULL },
    "A\n\nHet opschrift van hoofdstuk 3, paragraaf 2, komt te luiden: \"Slotbepaling\".\n" },
  /* Articles deleted one after the other: cited together. */
  { "/instructions/division/articles-deleted-together", chapters,
    { "### Artikel 2:4 Duur\n\nDe vergunning geldt een jaar.\n\n### Artikel 2:5 Kosten\n\nDe kosten zijn vijf euro.\n\n"
      "### Artikel 2:6 Afval\n\nDe houder ruimt zijn afval op.\n\n", "", NULL },
    "A\n\nDe artikelen 2:4 tot en met 2:6 vervallen.\n" },
  { "/instructions/division/two-articles-deleted", chapters,
    { "### Artikel 2:5 Kosten\n\nDe kosten zijn vijf euro.\n\n### Artikel 2:6 Afval\n\nDe houder ruimt zijn afval op.\n\n", "", NULL },
    "A\n\nDe artikelen 2:5 en 2:6 vervallen.\n" },

  /* -- The same change in several articles: one instruction ------------- */
  /* 3.29: "onderdeel 2" would not say which list; a point at the end of
   * list A is not "toegevoegd" to the bijlage. The bijlage comes to read. */
  { "/instructions/3.29/point-label-in-two-lists", annex,
    { "groot evenement", "middelgroot evenement", NULL },
    "A\n\nBijlage 1 komt te luiden:\n\nBijlage 1 Tarieven\n\nA\nMarkten\n1. dagplaats;\n2. vaste plaats;\n3. jaarplaats.\n"
    "B\nEvenementen\n1. klein evenement;\n2. middelgroot evenement.\n" },
  { "/instructions/3.29/point-added-to-first-list", annex,
    { "- 3\\. jaarplaats.", "- 3\\. jaarplaats;\n- 4\\. seizoenplaats.", NULL },
    "A\n\nBijlage 1 komt te luiden:\n\nBijlage 1 Tarieven\n\nA\nMarkten\n1. dagplaats;\n2. vaste plaats;\n3. jaarplaats;\n"
    "4. seizoenplaats.\nB\nEvenementen\n1. klein evenement;\n2. groot evenement.\n" },
  /* 6.11: the words after which is inserted do not cut a citation apart:
   * "artikel 6, niet", not "6, niet"; "vierde lid, 3", not "lid, 3". */
  { "/instructions/6.11/anchor-takes-citation-noun", citations,
    { "artikel 6, niet eerder", "artikel 6, niet veel eerder", NULL },
    "A\n\nIn artikel 1, eerste lid, wordt na \"artikel 6, niet\" ingevoegd \"veel\".\n" },
  /* The anchor is one word whatever its case: "de" stands once beside
   * "De" at the start, but a reader looks for both. */
  { "/instructions/6.11/anchor-unique-in-any-case",
    "# Artikel 1 Beslistermijn\n\nDe burgemeester beslist binnen acht weken op de aanvraag.\n",
    { "op de aanvraag", "op de volledige aanvraag", NULL },
    "A\n\nIn artikel 1 wordt na \"op de\" ingevoegd \"volledige\".\n" },
  { "/instructions/6.11/anchor-takes-ordinal", citations,
    { "vierde lid, 3, 37", "vierde lid, 3, 3a, 37", NULL },
    "A\n\nIn artikel 1, tweede lid, wordt na \"vierde lid, 3\" ingevoegd \", 3a\".\n" },
  /* 3.29 and 6.16: a number is given only when no other element bears it:
   * the one that gives it up goes first. */
  { "/instructions/numbers/deleted-before-renumbered", base,
    { "# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.\n", "",
      "# Artikel 6 Intrekking", "# Artikel 7 Intrekking", NULL },
    "A\n\nArtikel 7 vervalt.\n\nB\n\nArtikel 6 wordt vernummerd tot artikel 7.\n" },
  { "/instructions/numbers/renumbered-upwards", base,
    { "# Artikel 7 Overgangsrecht", "# Artikel 8 Overgangsrecht", "# Artikel 6 Intrekking", "# Artikel 7 Intrekking", NULL },
    "A\n\nArtikel 7 wordt vernummerd tot artikel 8.\n\nB\n\nArtikel 6 wordt vernummerd tot artikel 7.\n" },
  { "/instructions/numbers/deleted-before-inserted", base,
    { "# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.\n", "",
      "# Artikel 6 Intrekking", "# Artikel 6 Toezicht\n\nDe marktmeester houdt toezicht.\n\n# Artikel 7 Intrekking", NULL },
    "A\n\nArtikel 7 vervalt.\n\nB\n\nNa artikel 5 wordt, onder vernummering van artikel 6 tot artikel 7, een artikel ingevoegd, "
    "luidende:\n\nArtikel 6 Toezicht\n\nDe marktmeester houdt toezicht.\n" },
  /* Articles numbered through the chapters: the insertion says the
   * renumbering in its own chapter, so the article of the next chapter it
   * pushes up gives up its number first; said after it, two articles 3
   * stood when "Artikel 3 wordt vernummerd" was read. */
  { "/instructions/numbers/renumbered-in-next-chapter",
    "# Hoofdstuk 1 Algemeen\n\n## Artikel 1 Aanvraag\n\nTekst een.\n\n## Artikel 2 Weigering\n\nTekst twee.\n\n"
    "# Hoofdstuk 2 Slot\n\n## Artikel 3 Citeertitel\n\nTekst drie.\n",
    { "## Artikel 2 Weigering", "## Artikel 2 Toezicht\n\nDe marktmeester houdt toezicht.\n\n## Artikel 3 Weigering",
      "## Artikel 3 Citeertitel", "## Artikel 4 Citeertitel", NULL },
    "A\n\nArtikel 3 wordt vernummerd tot artikel 4.\n\nB\n\nNa artikel 1 wordt, onder vernummering van artikel 2 tot "
    "artikel 3, een artikel ingevoegd, luidende:\n\nArtikel 2 Toezicht\n\nDe marktmeester houdt toezicht.\n" },
  /* 6.18, third member: an article of one paragraph gets members. */
  { "/instructions/6.18/members-added-to-text", base,
    { "Een aanvraag wordt schriftelijk ingediend bij het college.\n",
      "1. Een aanvraag wordt schriftelijk ingediend bij het college.\n2. De aanvraag bevat een tekening.\n", NULL },
    "A\n\nArtikel 2 wordt als volgt gewijzigd:\n\n1. Voor de tekst wordt de aanduiding \"1.\" geplaatst.\n\n"
    "2. Er wordt een lid toegevoegd, luidende:\n\n2. De aanvraag bevat een tekening.\n" },
  /* 6.18, fourth member: an article of members keeps only the first's text. */
  { "/instructions/6.18/members-gone-but-first", base,
    { "1. De vergunning kan worden geweigerd in het belang van de openbare orde.\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.\n",
      "De vergunning kan worden geweigerd in het belang van de openbare orde.\n", NULL },
    "A\n\nIn artikel 4 vervallen het tweede lid alsmede de aanduiding \"1.\" voor het eerste lid.\n" },
  /* A move that pushes the articles between up or down: the renumbering
   * said with it, at once (6.9, 3.29). */
  { "/instructions/numbers/moved-up-rotation", base,
    { "# Artikel 6 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n\n", "",
      "# Artikel 5 Voorschriften", "# Artikel 6 Voorschriften", "# Artikel 4 Weigering", "# Artikel 5 Weigering",
      "# Artikel 3 Beslistermijn", "# Artikel 3 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet "
      "worden nageleefd.\n\n# Artikel 4 Beslistermijn", NULL },
    "A\n\nArtikel 6 wordt, onder vernummering tot artikel 3 en onder vernummering van de artikelen 3 tot en met 5 tot 4 tot en "
    "met 6, geplaatst na artikel 2.\n" },
  { "/instructions/numbers/moved-down-rotation", base,
    { "# Artikel 2 Aanvraag\n\nEen aanvraag wordt schriftelijk ingediend bij het college.\n\n", "",
      "# Artikel 3 Beslistermijn", "# Artikel 2 Beslistermijn", "# Artikel 4 Weigering", "# Artikel 3 Weigering",
      "# Artikel 5 Voorschriften", "# Artikel 4 Voorschriften", "# Artikel 6 Intrekking",
      "# Artikel 5 Aanvraag\n\nEen aanvraag wordt schriftelijk ingediend bij het college.\n\n# Artikel 6 Intrekking", NULL },
    "A\n\nArtikel 2 wordt, onder vernummering tot artikel 5 en onder vernummering van de artikelen 3 tot en met 5 tot 2 tot en "
    "met 4, geplaatst na artikel 5.\n" },
  /* 3.29: a point without a label cannot be cited ("onderdeel ,"): the
   * article comes to read. */
  { "/instructions/3.29/point-without-label", bullets,
    { "is zelf bestuurder", "is zelf de bestuurder", NULL },
    "A\n\nArtikel 1 komt te luiden:\n\nArtikel 1 Criteria\n\nDe aanvrager:\n- woont in de gemeente;\n- is zelf de bestuurder.\n" },
  /* 6.15, its example ("Het zesde lid wordt als volgt gewijzigd: a. In
   * onderdeel a ..."): changes all in one member are numbered under that
   * member and cite below it. */
  { "/instructions/6.15/changes-in-one-member", base,
    { "- a. de openingstijden;", "- a. de openings- en sluitingstijden;", "- c. de geluidsproductie;",
      "- c. de maximale geluidsproductie;", NULL },
    "A\n\nArtikel 5, tweede lid, wordt als volgt gewijzigd:\n\n"
    "1. Onderdeel a komt te luiden:\n\na. de openings- en sluitingstijden;\n\n"
    "2. In onderdeel c wordt na \"de\" ingevoegd \"maximale\".\n" },
  /* Under "Artikel 6 wordt als volgt gewijzigd:" the article's own text is
   * "de tekst" (6.18, third member), not "artikel 6" again. */
  { "/instructions/6.15/text-of-article-relative", base,
    { "# Artikel 6 Intrekking", "# Artikel 6 Intrekking en schorsing", "kan worden ingetrokken",
      "kan worden ingetrokken of geschorst", NULL },
    "A\n\nArtikel 6 wordt als volgt gewijzigd:\n\n"
    "1. Het opschrift komt te luiden: \"Intrekking en schorsing\".\n\n"
    "2. In de tekst wordt na \"ingetrokken\" ingevoegd \"of geschorst\".\n" },
  /* 6.18, second member, example C: the "; of" that moves to the new last
   * point but one is said in the instruction that adds the point. */
  { "/instructions/6.18/point-added-conjunction-moves", lists,
    { "betaald; of\n   - c. de openbare orde in gevaar komt.\n",
      "betaald;\n   - c. de openbare orde in gevaar komt; of\n   - d. de veiligheid in gevaar komt.\n", NULL },
    "A\n\nAan artikel 1, eerste lid, wordt, onder vervanging van \"; of\" aan het slot van onderdeel b door een "
    "puntkomma en onder vervanging van de punt aan het slot van onderdeel c door \"; of\", een onderdeel toegevoegd, "
    "luidende:\n\nd. de veiligheid in gevaar komt.\n" },
  /* The same under the member, in the order of the example. */
  { "/instructions/6.18/point-added-conjunction-relative", lists,
    { "geweigerd als:", "geweigerd indien:", "betaald; of\n   - c. de openbare orde in gevaar komt.\n",
      "betaald;\n   - c. de openbare orde in gevaar komt; of\n   - d. de veiligheid in gevaar komt.\n", NULL },
    "A\n\nArtikel 1, eerste lid, wordt als volgt gewijzigd:\n\n"
    "1. In de aanhef wordt \"als\" vervangen door \"indien\".\n\n"
    "2. Onder vervanging van \"; of\" aan het slot van onderdeel b door een puntkomma en onder vervanging van de "
    "punt aan het slot van onderdeel c door \"; of\" wordt een onderdeel toegevoegd, luidende:\n\n"
    "d. de veiligheid in gevaar komt.\n" },
  /* 6.18, second member, example A, under the member it is in. */
  { "/instructions/6.18/point-inserted-relettering", base,
    { "De voorschriften betreffen:", "De voorschriften betreffen in elk geval:", "   - b. het aantal bezoekers;",
      "   - b. de sluitingstijden;\n   - c. het aantal bezoekers;", "   - c. de geluidsproductie;", "   - d. de geluidsproductie;",
      "   - d. de verlichting.", "   - e. de verlichting.", NULL },
    "A\n\nArtikel 5, tweede lid, wordt als volgt gewijzigd:\n\n"
    "1. Aan de aanhef wordt \"in elk geval\" toegevoegd.\n\n"
    "2. Onder verlettering van de onderdelen b tot en met d tot c tot en met e wordt een onderdeel ingevoegd, "
    "luidende:\n\nb. de sluitingstijden;\n" },
  /* 6.18, second member, examples B and C the other way round: the last
   * point that goes gives its full stop, and "; of", to the ones before
   * it, in the one instruction that deletes it. */
  { "/instructions/6.18/last-point-gone-takes-stop", base,
    { "   - c. de geluidsproductie;\n   - d. de verlichting.", "   - c. de geluidsproductie.", NULL },
    "A\n\nIn artikel 5, tweede lid, vervalt, onder vervanging van de puntkomma aan het slot van onderdeel c door een "
    "punt, onderdeel d.\n" },
  { "/instructions/6.18/last-points-gone-take-stop", base,
    { "   - b. het aantal bezoekers;\n   - c. de geluidsproductie;\n   - d. de verlichting.", "   - b. het aantal bezoekers.",
      NULL },
    "A\n\nIn artikel 5, tweede lid, vervallen, onder vervanging van de puntkomma aan het slot van onderdeel b door een "
    "punt, de onderdelen c en d.\n" },
  { "/instructions/6.18/last-point-gone-conjunction-moves", lists,
    { "   - a. de aanvraag onvolledig is;\n   - b. de leges niet zijn betaald; of\n   - c. de openbare orde in gevaar komt.",
      "   - a. de aanvraag onvolledig is; of\n   - b. de leges niet zijn betaald.", NULL },
    "A\n\nIn artikel 1, eerste lid, vervalt, onder vervanging van de puntkomma aan het slot van onderdeel a door \"; of\" "
    "en onder vervanging van \"; of\" aan het slot van onderdeel b door een punt, onderdeel c.\n" },
  { "/instructions/6.18/last-point-gone-relative", base,
    { "De voorschriften betreffen:", "De voorschriften betreffen in elk geval:",
      "   - c. de geluidsproductie;\n   - d. de verlichting.", "   - c. de geluidsproductie.", NULL },
    "A\n\nArtikel 5, tweede lid, wordt als volgt gewijzigd:\n\n"
    "1. Aan de aanhef wordt \"in elk geval\" toegevoegd.\n\n"
    "2. Onder vervanging van de puntkomma aan het slot van onderdeel c door een punt vervalt onderdeel d.\n" },
  /* 3.29, third member, and its example: a point of a point is a
   * subonderdeel where it is named as the thing that goes or comes. */
  { "/instructions/3.29/subpoint-gone-renumbering", subpoints,
    { "     - 2°. het geluid van bezoekers;\n", "", "     - 3°. het geluid", "     - 2°. het geluid", NULL },
    "A\n\nIn artikel 5, tweede lid, onderdeel b, vervalt subonderdeel 2°, onder vernummering van subonderdeel 3° tot "
    "2°.\n" },
  { "/instructions/3.29/subpoint-added", subpoints,
    { "     - 3°. het geluid van installaties.", "     - 3°. het geluid van installaties;\n     - 4°. het geluid van vuurwerk.",
      NULL },
    "A\n\nAan artikel 5, tweede lid, onderdeel b, wordt, onder vervanging van de punt aan het slot van subonderdeel 3° "
    "door een puntkomma, een subonderdeel toegevoegd, luidende:\n\n4°. het geluid van vuurwerk.\n" },
  { "/instructions/3.29/subpoint-renumbered", subpoints,
    { "     - 3°. het geluid", "     - 4°. het geluid", NULL },
    "A\n\nIn artikel 5, tweede lid, onderdeel b, wordt subonderdeel 3° vernummerd tot 4°.\n" },
  /* 6.12: members that go are said in a few words, however much of the
   * article they are: not a reason to rewrite it whole (6.9). */
  { "/instructions/6.12/members-gone-not-rewritten", members,
    { "\n3. De markt duurt van 08.00 uur tot 10.30 uur, als bedoeld in artikel 5.\n"
      "4. Een standplaats wordt toegewezen voor twee weken of twee maanden.\n"
      "5. Het college, de burgemeester en de raad overleggen jaarlijks over de markten.\n"
      "6. Het vijfde lid is van toepassing op de jaarmarkt.", "", NULL },
    "A\n\nIn artikel 1 vervallen het derde tot en met zesde lid.\n" },
  /* 6.18: however many points a new one reletters, that is one change,
   * not reason to rewrite the article. */
  { "/instructions/6.18/point-inserted-long-relettering", definitions,
    { "- b. college", "- b. burgemeester: de burgemeester;\n- c. college", "- c. evenement", "- d. evenement",
      "- d. exploitant", "- e. exploitant", "- e. horecabedrijf", "- f. horecabedrijf", "- f. openbaar", "- g. openbaar",
      "- g. terras", "- h. terras", "- h. vaartuig", "- i. vaartuig", "- i. weg", "- j. weg", NULL },
    "A\n\nIn artikel 1 wordt, onder verlettering van de onderdelen b tot en met i tot c tot en met j, een onderdeel "
    "ingevoegd, luidende:\n\nb. burgemeester: de burgemeester;\n" },
  { "/instructions/6.18/point-gone-long-relettering", definitions,
    { "- a. bebouwde kom: de bebouwde kom;\n", "", "- b. college", "- a. college", "- c. evenement", "- b. evenement",
      "- d. exploitant", "- c. exploitant", "- e. horecabedrijf", "- d. horecabedrijf", "- f. openbaar", "- e. openbaar",
      "- g. terras", "- f. terras", "- h. vaartuig", "- g. vaartuig", "- i. weg", "- h. weg", NULL },
    "A\n\nIn artikel 1 vervalt onderdeel a, onder verlettering van de onderdelen b tot en met i tot a tot en met h.\n" },
  /* 6.15, its example: within an article's numbered changes, a member
   * with several is "Het derde lid wordt als volgt gewijzigd:" and a., b. */
  { "/instructions/6.15/member-lettered-under-article", base,
    { "kunnen voorschriften worden verbonden", "kunnen nadere voorschriften worden verbonden",
      "   - a. de openingstijden;", "   - a. de openings- en sluitingstijden van de inrichting;",
      "   - d. de verlichting.", "   - d. de verlichting van het terras en van de gevel van de inrichting.", NULL },
    "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n"
    "1. In het eerste lid wordt na \"kunnen\" ingevoegd \"nadere\".\n\n"
    "2. Het tweede lid wordt als volgt gewijzigd:\n\n"
    "a. Onderdeel a komt te luiden:\n\na. de openings- en sluitingstijden van de inrichting;\n\n"
    "b. Onderdeel d komt te luiden:\n\nd. de verlichting van het terras en van de gevel van de inrichting.\n" },
  /* 6.12: a clause that goes is quoted from its comma, whole citations
   * (", en 87a, eerste lid"), never "lid, en 87a, eerste" though the word
   * diff may find that. */
  { "/instructions/6.12/clause-from-its-comma", clauses,
    { "de artikelen 85, tweede lid, en 87a, eerste lid,", "artikel 85, tweede lid,", NULL },
    "A\n\nIn artikel 1 wordt \"de artikelen\" vervangen door \"artikel\" en vervalt \", en 87a, eerste lid\".\n" },
  /* 6.9: a lone label last in a list is quoted with the list and its noun,
   * "onder k en q", never "q, van" (Gemeentewet artikel 81oa, 2014). */
  { "/instructions/6.9/label-with-its-list", citations,
    { "37 en 48 van de wet", "37 en 49 van de wet", NULL },
    "A\n\nIn artikel 1, tweede lid, wordt \"37 en 48\" vervangen door \"37 en 49\".\n" },
  /* 6.15, its example: changes in two paragraphs the same citation names
   * are one sentence, as the changes in one text are. */
  { "/instructions/6.15/paragraphs-one-sentence", paragraphs,
    { "vijf euro", "zes euro", "honderd euro", "tweehonderd euro", NULL },
    "A\n\nIn bijlage 1 wordt \"vijf\" vervangen door \"zes\" en wordt \"honderd\" vervangen door \"tweehonderd\".\n" },
  /* With its heading: "de tekst" under "Bijlage 1 wordt als volgt gewijzigd:". */
  { "/instructions/6.15/paragraphs-relative", paragraphs,
    { "# Bijlage 1 Tarieven", "# Bijlage 1 Tarieven markten", "vijf euro", "zes euro", "honderd euro", "tweehonderd euro",
      NULL },
    "A\n\nBijlage 1 wordt als volgt gewijzigd:\n\n1. Het opschrift komt te luiden: \"Tarieven markten\".\n\n"
    "2. In de tekst wordt \"vijf\" vervangen door \"zes\" en wordt \"honderd\" vervangen door \"tweehonderd\".\n" },
  /* 6.9 (toelichting) and 6.12: paragraphs are cited by their place, not
   * quoted whole; paragraphs that go together are said together (both of
   * them: the second was left out before). */
  { "/instructions/6.12/paragraphs-gone", paragraphs,
    { "Het tarief voor een jaar is honderd euro.\n\nDe tarieven gelden vanaf 2027.\n", "", NULL },
    "A\n\nIn bijlage 1 vervallen de tweede en derde alinea.\n" },
  /* 6.11, toelichting: "toegevoegd" is at the end of what the citation
   * names; words at the end of a paragraph that others follow are
   * "ingevoegd" after the words before them. */
  { "/instructions/6.11/words-at-end-of-paragraph", paragraphs,
    { "vijf euro per dag.", "vijf euro per dag, vooraf te betalen.", NULL },
    "A\n\nIn bijlage 1 wordt na \"dag\" ingevoegd \", vooraf te betalen\".\n" },
  { "/instructions/6.11/paragraph-inserted", paragraphs,
    { "per dag.\n", "per dag.\n\nHet tarief voor een week is twintig euro.\n", NULL },
    "A\n\nIn bijlage 1 wordt na de eerste alinea een alinea ingevoegd, luidende:\n\n"
    "Het tarief voor een week is twintig euro.\n" },
  { "/instructions/6.11/paragraph-inserted-first", paragraphs,
    { "# Bijlage 1 Tarieven\n\n", "# Bijlage 1 Tarieven\n\nVoor markten en evenementen gelden andere tarieven.\n\n",
      NULL },
    "A\n\nIn bijlage 1 wordt voor de eerste alinea een alinea ingevoegd, luidende:\n\n"
    "Voor markten en evenementen gelden andere tarieven.\n" },
  { "/instructions/6.9/paragraph-comes-to-read", paragraphs,
    { "Het tarief voor een jaar is honderd euro.", "Voor een heel jaar betaalt een marktkoopman driehonderd euro vooraf.",
      NULL },
    "A\n\nDe tweede alinea van bijlage 1 komt te luiden:\n\n"
    "Voor een heel jaar betaalt een marktkoopman driehonderd euro vooraf.\n" },
  /* 6.9 (toelichting) and the example of 6.15: a whole sentence of
   * several is cited, "eerste lid, tweede zin", not quoted. */
  { "/instructions/6.9/sentence-comes-to-read", sentences,
    { "Het gemeenteblad kan elektronisch worden uitgegeven.",
      "De uitgifte van het gemeenteblad geschiedt elektronisch op een algemeen toegankelijke wijze.", NULL },
    "A\n\nArtikel 1, eerste lid, eerste zin, komt te luiden: De uitgifte van het gemeenteblad geschiedt elektronisch op "
    "een algemeen toegankelijke wijze.\n" },
  { "/instructions/6.12/sentence-gone", sentences,
    { " Na de uitgifte blijft het gemeenteblad beschikbaar.", "", NULL },
    "A\n\nArtikel 1, eerste lid, tweede zin, vervalt.\n" },
  /* An initial is no end of a sentence: the second sentence, not the third. */
  { "/instructions/6.12/sentence-gone-after-initial", initials,
    { " Na de uitgifte blijft het gemeenteblad beschikbaar.", "", NULL },
    "A\n\nArtikel 1, eerste lid, tweede zin, vervalt.\n" },
  /* "?" and "!" end sentences as a full stop does: the third sentence. */
  { "/instructions/6.12/sentence-gone-after-question", question,
    { " Na de uitgifte blijft het gemeenteblad beschikbaar.", "", NULL },
    "A\n\nArtikel 1, eerste lid, derde zin, vervalt.\n" },
  /* 6.11: a sentence added at the end is "een zin toegevoegd, luidende:",
   * not the words quoted from the full stop on. */
  { "/instructions/6.11/sentence-added", base,
    { "Aan een vergunning kunnen voorschriften worden verbonden.",
      "Aan een vergunning kunnen voorschriften worden verbonden. Het college maakt deze bekend.", NULL },
    "A\n\nAan artikel 5, eerste lid, wordt een zin toegevoegd, luidende: Het college maakt deze bekend.\n" },
  { "/instructions/6.11/sentences-added-relative", base,
    { "# Artikel 6 Intrekking", "# Artikel 6 Intrekking en schorsing", "niet worden nageleefd.",
      "niet worden nageleefd. De burgemeester kan haar schorsen. Hij meldt dat de raad.", NULL },
    "A\n\nArtikel 6 wordt als volgt gewijzigd:\n\n1. Het opschrift komt te luiden: \"Intrekking en schorsing\".\n\n"
    "2. Er worden twee zinnen toegevoegd, luidende: De burgemeester kan haar schorsen. Hij meldt dat de raad.\n" },
  /* 3.29: numbered under the member, not under a point, so that a point
   * of a point is "onderdeel b, onder 1°", never "onderdeel 1°". */
  { "/instructions/3.29/points-of-a-point", subpoints,
    { "1°. muziek;", "1°. versterkte muziek;", "3°. het geluid van installaties.", "3°. het geluid van koelinstallaties.",
      NULL },
    "A\n\nArtikel 5, tweede lid, wordt als volgt gewijzigd:\n\n"
    "1. Onderdeel b, onder 1°, komt te luiden:\n\n1°. versterkte muziek;\n\n"
    "2. Onderdeel b, onder 3°, komt te luiden:\n\n3°. het geluid van koelinstallaties.\n" },
  /* 3.29, fourth member: words at the end of a member's aanhef are added
   * to the aanhef, not to the member (which ends with its points). */
  { "/instructions/3.29/member-aanhef", lists,
    { "De aanvraag bevat:", "De aanvraag bevat ten minste:", NULL },
    "A\n\nAan artikel 1, tweede lid, aanhef, wordt \"ten minste\" toegevoegd.\n" },
  { "/instructions/same-change-several-articles", members,
    { "2. Het college beslist binnen acht weken.\n\n# Artikel 3", "2. Het college beslist binnen zes weken.\n\n# Artikel 3",
      "toezicht.\n2. Het college beslist binnen acht weken.", "toezicht.\n2. Het college beslist binnen zes weken.", NULL },
    "A\n\nIn de artikelen 2, tweede lid, en 3, tweede lid, wordt \"acht\" vervangen door \"zes\".\n" },
};

/* The members renumbered as in the real Gemeentewet (154a, 2013): the
 * second member goes, the ones after it move up, and the later instruction
 * cites the fourth member by the number it has then. */
static const char member_gone_expected[] =
  "A\n\nArtikel 1 wordt als volgt gewijzigd:\n\n"
  "1. Het tweede lid vervalt, onder vernummering van het derde tot en met zesde lid tot tweede tot en met vijfde lid.\n\n"
  "2. In het vijfde lid wordt \"vijfde\" vervangen door \"vierde\".\n";

static char *
apply_edits (const char        *text,
             const char *const *edits)
{
  GString *s = g_string_new (text);

  for (guint i = 0; edits[i] != NULL; i += 2)
    /* The test's own text must contain what it replaces. */
    if (g_string_replace (s, edits[i], edits[i + 1], 1) != 1)
      g_error ("the case's text has no \"%s\"", edits[i]);
  return g_string_free (s, FALSE);
}

/* The frame and every instruction with its letter, also when there is
 * only one: the cases state the wording of each instruction this way. */
static char *
lettered (AmendDiff *diff,
          GPtrArray *list)
{
  g_autofree char *frame = NULL;
  GString *out;

  if (list->len == 0)
    return g_strdup ("");
  frame = amend_diff_instructions_frame (diff);
  out = g_string_new (NULL);
  g_string_append_printf (out, "ARTIKEL I\n\n%s", frame);
  for (guint i = 0; i < list->len; i++)
    {
      const AmendInstruction *instruction = g_ptr_array_index (list, i);

      g_string_append_printf (out, "\n\n%s\n\n%s", instruction->letter, instruction->text);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The regulation as the frame names it: "de regeling", "het Reglement ...". */
static char *
regulation_of (AmendDiff *diff)
{
  g_autofree char *frame = amend_diff_instructions_frame (diff);
  char *verb = strstr (frame, " wordt als volgt");

  if (verb == NULL)
    verb = strstr (frame, " worden als volgt");
  g_assert_nonnull (verb);
  *verb = '\0';
  frame[0] = g_ascii_tolower (frame[0]);
  return g_strdup (frame);
}

/* amend_diff_to_instructions() itself: several changes lettered under the
 * frame; one change alone one sentence, the instruction with the
 * regulation named after the citation it starts with ("In artikel 2 van
 * de regeling wordt ...", 6.15).  Returns the lettered form. */
static char *
checked_instructions (AmendDiff *diff)
{
  g_autoptr(GPtrArray) list = amend_diff_get_instructions (diff);
  g_autofree char *whole = amend_diff_to_instructions (diff);
  char *all = lettered (diff, list);

  if (list->len == 1 && g_strcmp0 (whole, all) != 0)
    {
      const AmendInstruction *only = g_ptr_array_index (list, 0);
      g_autofree char *regulation = regulation_of (diff);
      g_autofree char *named = g_strdup_printf (" van %s ", regulation);
      g_autoptr(GString) unnamed = g_string_new (whole);
      g_autofree char *expected = g_strdup_printf ("ARTIKEL I\n\n%s\n", only->text);

      g_assert_cmpuint (g_string_replace (unnamed, named, " ", 1), ==, 1);
      g_assert_cmpstr (unnamed->str, ==, expected);
      /* The name stands before the first quote. */
      g_assert_true (strstr (whole, named) < (strchr (whole, '"') ? strchr (whole, '"') : whole + strlen (whole)));
    }
  else
    g_assert_cmpstr (whole, ==, all);
  return all;
}

static char *
instructions_of (const char *old_md,
                 const char *new_md)
{
  g_autoptr(AmendDocument) a = amend_test_parse (old_md);
  g_autoptr(AmendDocument) b = amend_test_parse (new_md);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) applied = amend_diff_apply (diff, a, &error);
  g_autofree char *applied_md = NULL;
  g_autofree char *new_canonical = amend_document_to_markdown (b);

  /* The edit script behind the instructions gives the new version. */
  g_assert_no_error (error);
  applied_md = amend_document_to_markdown (applied);
  g_assert_cmpstr (applied_md, ==, new_canonical);
  return checked_instructions (diff);
}

/* The lettered instructions, after the frame. */
static const char *
body_of (const char *instructions)
{
  const char *frame = "ARTIKEL I\n\nDe regeling wordt als volgt gewijzigd:\n\n";

  if (instructions[0] == '\0')
    return instructions;
  g_assert_true (g_str_has_prefix (instructions, frame));
  return instructions + strlen (frame);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *new_md = apply_edits (c->old_md, c->edits);
  g_autofree char *got = instructions_of (c->old_md, new_md);

  g_assert_cmpstr (body_of (got), ==, c->expected ? c->expected : member_gone_expected);
}

/* -- 6.15: the frame, with the article the title's head noun takes ------- */

static void
check_frame (const char *front,
             const char *expected_frame)
{
  g_autofree char *old_md = g_strconcat (front, base, NULL);
  g_autofree char *new_md = g_strconcat (front, "# Artikel 1 Begrippen\n\nIn deze regeling wordt verstaan onder:\n\n"
                                         "- a. college: het college van burgemeester en wethouders;\n- b. raad: de gemeenteraad.\n\n",
                                         strstr (base, "# Artikel 2"), NULL);
  g_autofree char *got = instructions_of (old_md, new_md);
  g_autofree char *expected = g_strdup_printf ("ARTIKEL I\n\n%s\n\nA\n\nIn artikel 1, aanhef, wordt \"verordening\" "
                                               "vervangen door \"regeling\".\n", expected_frame);

  g_assert_cmpstr (got, ==, expected);
}

/* 6.15 and 4.1: a new title is said first, and the frame names the
 * regulation by the title it has before the change. */
static void
test_new_title (void)
{
  g_autofree char *old_md = g_strconcat ("---\ntitle: Marktverordening Lindewaarde 2027\n---\n\n", base, NULL);
  g_autofree char *new_md = g_strconcat ("---\ntitle: Marktverordening Lindewaarde 2028\n---\n\n", base, NULL);
  g_autofree char *got = instructions_of (old_md, new_md);

  g_assert_cmpstr (got, ==, "ARTIKEL I\n\nDe Marktverordening Lindewaarde 2027 wordt als volgt gewijzigd:\n\n"
                            "A\n\nHet opschrift komt te luiden: \"Marktverordening Lindewaarde 2028\".\n");
}

/* 6.15, second member: letters tell several changes apart, so one change
 * alone is one sentence without frame or letter, the regulation named in
 * its citation. */
static void
test_one_change (void)
{
  static const struct {
    const char *front;
    const char *edits[5];
    const char *expected;
  } singles[] = {
    { "", { "binnen acht weken op", "binnen zes weken op", NULL },
      "ARTIKEL I\n\nIn artikel 3, tweede lid, van de regeling wordt \"acht\" vervangen door \"zes\".\n" },
    { "---\ntitle: Algemene Plaatselijke Verordening Lindewaarde 2027\ncitation: APV Lindewaarde 2027\n---\n\n",
      { "\n\n# Artikel 6 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.", "",
        "# Artikel 7 Overgangsrecht", "# Artikel 6 Overgangsrecht", NULL },
      "ARTIKEL I\n\nArtikel 6 van de APV Lindewaarde 2027 vervalt, onder vernummering van artikel 7 tot artikel 6.\n" },
    { "---\ntitle: Beleidsregels verkeersveiligheid\n---\n\n",
      { "# Artikel 7 Overgangsrecht", "# Artikel 6a Hardheidsclausule\n\nHet college kan afwijken.\n\n# Artikel 7 Overgangsrecht", NULL },
      "ARTIKEL I\n\nNa artikel 6 van de Beleidsregels verkeersveiligheid wordt een artikel ingevoegd, luidende:\n\n"
      "Artikel 6a Hardheidsclausule\n\nHet college kan afwijken.\n" },
    /* The verb before a comma is the verb too: one sentence, no lone "A". */
    { "", { "2. De vergunning wordt geweigerd als", "2. De aanvrager wordt gehoord.\n3. De vergunning wordt geweigerd als", NULL },
      "ARTIKEL I\n\nIn artikel 4 van de regeling wordt, onder vernummering van het tweede lid tot derde lid, een lid "
      "ingevoegd, luidende:\n\n2. De aanvrager wordt gehoord.\n" },
    { "", { "   - d. de verlichting.", "   - d. de verlichting;\n   - e. de geur.", NULL },
      "ARTIKEL I\n\nAan artikel 5, tweede lid, van de regeling wordt, onder vervanging van de punt aan het slot van "
      "onderdeel d door een puntkomma, een onderdeel toegevoegd, luidende:\n\ne. de geur.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      g_autofree char *old_md = g_strconcat (singles[i].front, base, NULL);
      g_autofree char *changed = apply_edits (base, singles[i].edits);
      g_autofree char *new_md = g_strconcat (singles[i].front, changed, NULL);
      g_autoptr(AmendDocument) a = amend_test_parse (old_md);
      g_autoptr(AmendDocument) b = amend_test_parse (new_md);
      g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
      g_autofree char *got = amend_diff_to_instructions (diff);

      g_assert_cmpstr (got, ==, singles[i].expected);
    }
}

/* 6.15, second member: the one change that takes out the heading of a
 * chapter names the regulation too, not a frame with a lone letter. */
static void
test_one_change_designation (void)
{
  static const char *const edits[] = { "# Hoofdstuk 1 Algemeen\n\n", "", NULL };
  g_autofree char *changed = apply_edits (chapters, edits);
  g_autoptr(AmendDocument) a = amend_test_parse (chapters);
  g_autoptr(AmendDocument) b = amend_test_parse (changed);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autofree char *got = amend_diff_to_instructions (diff);
  g_autofree char *sub = NULL;

  g_assert_cmpstr (got, ==, "ARTIKEL I\n\nIn de regeling vervalt de aanduiding \"Hoofdstuk 1 Algemeen\".\n");
  amend_diff_set_amended (diff, "Zes weken", FALSE);
  sub = amend_diff_to_instructions (diff);
  g_assert_cmpstr (sub, ==, "In het amendement \"Zes weken\" vervalt de aanduiding \"Hoofdstuk 1 Algemeen\".\n");
}

static void
test_frame (void)
{
  check_frame ("---\ntitle: Algemene Plaatselijke Verordening Lindewaarde 2027\ncitation: APV Lindewaarde 2027\n---\n\n",
               "De APV Lindewaarde 2027 wordt als volgt gewijzigd:");
  check_frame ("---\ntitle: Reglement van orde voor de vergaderingen van de raad\n---\n\n",
               "Het Reglement van orde voor de vergaderingen van de raad wordt als volgt gewijzigd:");
  /* A plural head noun takes a plural verb. */
  check_frame ("---\ntitle: Beleidsregels verkeersveiligheid en parkeren\n---\n\n",
               "De Beleidsregels verkeersveiligheid en parkeren worden als volgt gewijzigd:");
  check_frame ("---\ntitle: Nadere regels subsidie 2027\n---\n\n",
               "De Nadere regels subsidie 2027 worden als volgt gewijzigd:");
  check_frame ("---\ntitle: Marktgelden 2027\n---\n\n",
               "De regeling Marktgelden 2027 wordt als volgt gewijzigd:");
}

/* 6.15: a subamendment amends an amendment, not the regulation: its
 * frame names the amendment, without "ARTIKEL I" (the article of a
 * regulation that amends one); one change alone names it first and cites
 * after the verb, "In het amendement ... vervalt artikel 6.". */
static void
test_subamendment (void)
{
  static const struct {
    gboolean    of_sub;    /* the amendment amended is itself a subamendment */
    const char *edits[5];
    const char *expected;
  } subs[] = {
    { FALSE, { "binnen acht weken op", "binnen zes weken op", NULL },
      "In het amendement \"Zes weken\" wordt in artikel 3, tweede lid, \"acht\" vervangen door \"zes\".\n" },
    { FALSE, { "\n\n# Artikel 6 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.", "",
               "# Artikel 7 Overgangsrecht", "# Artikel 6 Overgangsrecht", NULL },
      "In het amendement \"Zes weken\" vervalt artikel 6, onder vernummering van artikel 7 tot artikel 6.\n" },
    { FALSE, { "# Artikel 7 Overgangsrecht", "# Artikel 6a Hardheidsclausule\n\nHet college kan afwijken.\n\n# Artikel 7 Overgangsrecht", NULL },
      "In het amendement \"Zes weken\" wordt na artikel 6 een artikel ingevoegd, luidende:\n\n"
      "Artikel 6a Hardheidsclausule\n\nHet college kan afwijken.\n" },
    { TRUE, { "# Artikel 6 Intrekking", "# Artikel 6 Intrekking van de vergunning", NULL },
      "In het subamendement \"Zes weken\" komt het opschrift van artikel 6 te luiden: \"Intrekking van de vergunning\".\n" },
    { FALSE, { "binnen acht weken op", "binnen zes weken op", "# Artikel 7 Overgangsrecht\n\nEen", "# Artikel 7 Overgangsrecht\n\nElke", NULL },
      "Het amendement \"Zes weken\" wordt als volgt gewijzigd:\n\n"
      "A\n\nIn artikel 3, tweede lid, wordt \"acht\" vervangen door \"zes\".\n\n"
      "B\n\nIn artikel 7 wordt \"Een\" vervangen door \"Elke\".\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (subs); i++)
    {
      g_autofree char *changed = apply_edits (base, subs[i].edits);
      g_autoptr(AmendDocument) a = amend_test_parse (base);
      g_autoptr(AmendDocument) b = amend_test_parse (changed);
      g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
      g_autofree char *got = NULL;
      g_autofree char *frame = NULL;

      amend_diff_set_amended (diff, "Zes weken", subs[i].of_sub);
      got = amend_diff_to_instructions (diff);
      g_assert_cmpstr (got, ==, subs[i].expected);
      frame = amend_diff_instructions_frame (diff);
      g_assert_cmpstr (frame, ==, subs[i].of_sub ? "Het subamendement \"Zes weken\" wordt als volgt gewijzigd:"
                                                 : "Het amendement \"Zes weken\" wordt als volgt gewijzigd:");
    }
}

/* The head noun of a title gives its article (de or het); an unknown one
 * none, so that none is guessed. */
static void
test_title_article (void)
{
  static const struct { const char *title, *article; } titles[] = {
    { "Algemene Plaatselijke Verordening Lindewaarde 2027", "de" },
    { "APV Lindewaarde 2027", "de" },
    { "Reglement verkeersregels en verkeerstekens 1990", "het" },
    { "Marktreglement Lindewaarde", "het" },
    { "Afvalstoffenverordening 2027", "de" },
    { "Gemeentewet", "de" },
    { "Mandaatbesluit burgemeester 2027", "het" },
    { "Tijdelijke regeling terrassen", "de" },
    { "Beleidsregels handhaving", "de" },
    { "Omgevingsplan Lindewaarde", "het" },
    { "Statuut van de ombudsman", "het" },
    { "Keur waterschap Rivierenland", "de" },
    { "Marktgelden 2027", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (amend_wording_article_of (titles[i].title), ==, titles[i].article);
}

/* The instructions one by one: the elements each is about, the changes
 * it says, and the summary without the quoted text that STOP's Wat takes. */
static void
test_instruction_list (void)
{
  const char *edits[] = { "binnen acht weken op", "binnen zes weken op", "# Artikel 7 Overgangsrecht",
                          "# Artikel 7 Hardheidsclausule\n\nHet college kan afwijken.\n\n# Artikel 8 Overgangsrecht", NULL };
  g_autofree char *changed = apply_edits (base, edits);
  g_autoptr(AmendDocument) a = amend_test_parse (base);
  g_autoptr(AmendDocument) b = amend_test_parse (changed);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autoptr(GPtrArray) list = amend_diff_get_instructions (diff);
  g_autofree char *whole = amend_diff_to_instructions (diff);
  const AmendInstruction *first, *second;

  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  second = g_ptr_array_index (list, 1);
  g_assert_cmpstr (first->letter, ==, "A");
  g_assert_cmpstr (first->old_node->number, ==, "3");
  g_assert_cmpstr (first->new_node->number, ==, "3");
  g_assert_cmpstr (first->summary, ==, first->text);
  g_assert_cmpstr (second->letter, ==, "B");
  g_assert_null (second->old_node);
  g_assert_cmpuint (second->changes->len, ==, 2); /* the insertion and the renumbering it causes */
  g_assert_cmpuint (second->units->len, ==, 2);
  g_assert_cmpstr (second->summary, ==,
                   "Na artikel 6 wordt, onder vernummering van artikel 7 tot artikel 8, een artikel ingevoegd, luidende:");
  g_assert_nonnull (strstr (second->text, "Het college kan afwijken."));
  g_assert_nonnull (strstr (whole, second->text));
  g_assert_null (strchr (whole, '\x02'));
}

/* A paragraph of a chapter goes: not "Hoofdstuk 1 vervalt." */
static void
test_delete_paragraph_of_chapter (void)
{
  g_autofree char *got = instructions_of ("# Hoofdstuk 1 Algemeen\n\nDit hoofdstuk geldt voor markten.\n\n## Artikel 1\n\nTekst.\n",
                                          "# Hoofdstuk 1 Algemeen\n\n## Artikel 1\n\nTekst.\n");

  g_assert_cmpstr (body_of (got), ==, "A\n\nIn hoofdstuk 1 vervalt \"Dit hoofdstuk geldt voor markten.\".\n");
}

static void
test_no_changes (void)
{
  g_autofree char *got = instructions_of (base, base);

  g_assert_cmpstr (got, ==, "");
}

/* A version that adds a preamble (once a crash, a NULL group cited): the
 * preamble belongs to the decision and is not amended by instruction. */
static void
test_preamble_added (void)
{
  g_autofree char *with = g_strconcat ("De raad van de gemeente Lindewaarde;\n\nbesluit:\n\n", base, NULL);
  g_autofree char *edited = g_strconcat ("De raad van de gemeente Lindewaarde;\n\nbesluit:\n\n",
                                         strstr (base, "# Artikel 1"), NULL);
  g_autofree char *added = instructions_of (base, with);
  g_autofree char *removed = instructions_of (with, base);
  g_autofree char *both = NULL;
  const char *edits[] = { "binnen acht weken op", "binnen zes weken op", NULL };
  g_autofree char *changed = apply_edits (edited, edits);

  g_assert_cmpstr (added, ==, "");
  g_assert_cmpstr (removed, ==, "");
  both = instructions_of (base, changed);
  g_assert_cmpstr (body_of (both), ==, "A\n\nIn artikel 3, tweede lid, wordt \"acht\" vervangen door \"zes\".\n");
}

/* Articles inserted before an article that is renumbered and changed
 * inside (once a crash, a NULL new node quoted): the renumbering goes with
 * the insertion, the change inside cites the new number. */
static void
test_inserted_before_changed (void)
{
  const char *edits[] = { "# Artikel 4 Weigering\n\n1. De vergunning kan worden geweigerd in het belang van de openbare orde.\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.",
                          "# Artikel 4 Melding\n\nEen melding volstaat.\n\n# Artikel 5 Weigering\n\n1. De vergunning kan worden geweigerd in het belang van de openbare orde.",
                          "# Artikel 5 Voorschriften", "# Artikel 6 Voorschriften",
                          "# Artikel 6 Intrekking", "# Artikel 7 Intrekking",
                          "# Artikel 7 Overgangsrecht", "# Artikel 8 Overgangsrecht", NULL };
  g_autofree char *changed = apply_edits (base, edits);
  g_autofree char *got = instructions_of (base, changed);

  g_assert_cmpstr (body_of (got), ==,
                   "A\n\nNa artikel 3 wordt, onder vernummering van de artikelen 4 tot en met 7 tot 5 tot en met 8, "
                   "een artikel ingevoegd, luidende:\n\nArtikel 4 Melding\n\nEen melding volstaat.\n\n"
                   "B\n\nArtikel 5, tweede lid, vervalt.\n");
}

/* Every pair of a set of versions, edited in the shapes that once crashed
 * and their neighbours: instructions for each, and each instruction about
 * an element one of the versions has. */
/* The same change at every place: "driemaal", one word; past twelve
 * "telkens" (never "telkens maal"). */
static void
test_times (void)
{
  static const struct { guint n; const char *times; } counts[] = { { 3, "driemaal" }, { 12, "twaalfmaal" }, { 13, "telkens" } };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      GString *old_md = g_string_new ("# Artikel 1 Zaken\n\nHet college");
      g_autofree char *new_md = NULL, *got = NULL, *expected = NULL;

      for (guint i = 1; i <= counts[c].n; i++)
        g_string_append_printf (old_md, "%s beslist over de aanvraag van persoon %u binnen de termijn",
                                i > 1 ? ", het college" : "", i);
      g_string_append (old_md, ".\n\n# Artikel 2 Slot\n\nTekst.\n");
      new_md = g_strdup (old_md->str);
      {
        g_autoptr(GString) n = g_string_new (new_md);
        g_string_replace (n, "college", "bestuur", 0);
        g_free (new_md);
        new_md = g_strdup (n->str);
      }
      got = instructions_of (old_md->str, new_md);
      expected = g_strdup_printf ("A\n\nIn artikel 1 wordt \"college\" %s vervangen door \"bestuur\".\n", counts[c].times);
      g_assert_cmpstr (body_of (got), ==, expected);
      g_string_free (old_md, TRUE);
    }
}

/* 3.29: members are cited by ordinal words past the twenty-fifth too
 * ("het zesentwintigste lid", not "lid 26"). */
static void
test_ordinals (void)
{
  static const char *const pairs[][2] = {
    { "1", "eerste" }, { "25", "vijfentwintigste" }, { "26", "zesentwintigste" }, { "32", "tweeëndertigste" },
    { "40", "veertigste" }, { "83", "drieëntachtigste" }, { "91", "eenennegentigste" }, { "100", "honderdste" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *got = amend_wording_ordinal (pairs[i][0]);
      g_assert_cmpstr (got, ==, pairs[i][1]);
    }
  g_assert_null (amend_wording_ordinal ("101"));
  g_assert_null (amend_wording_ordinal ("2a"));
  {
    g_autofree char *member = amend_wording_member ("26");
    g_assert_cmpstr (member, ==, "zesentwintigste lid");
  }
}

/* The Gemeentewet as it was amended: the instructions of real version
 * pairs hold the forms of the Aanwijzingen (6.15, 6.18, 3.29). */
static void
test_gemeentewet_history (void)
{
  static const struct {
    const char *old_file, *new_file, *expected;
  } pairs[] = {
    /* Artikel 184: three changes, all in the first member. */
    { "017.md", "018.md", "Artikel 184, eerste lid, wordt als volgt gewijzigd:\n\n1. In onderdeel a wordt na \"lichamen\" "
      "ingevoegd" },
    { "018.md", "019.md", "Artikel 225, vijfde lid, wordt als volgt gewijzigd:\n\n1. In de aanhef wordt" },
    { "004.md", "005.md", "2. Onder vernummering van het tweede lid tot derde lid wordt een lid ingevoegd, luidende:" },
    { "008.md", "009.md", "2. In het derde lid, aanhef, wordt \"onder q\" vervangen door \"onder o\"." },
    { "008.md", "009.md", "1. In het eerste lid vervalt tweemaal \"en de deelraad\"." },
    { "011.md", "012.md", "Artikel 151b, vierde lid, tweede zin, vervalt." },
    { "001.md", "002.md", "Artikel 154b, zesde lid, derde zin, komt te luiden: De bestuurlijke boete kan" },
    { "007.md", "008.md", "3. Het tweede lid, eerste zin, komt te luiden: De uitgifte van het gemeenteblad geschiedt "
      "elektronisch op een algemeen toegankelijke wijze." },
    { "016.md", "017.md", "In artikel 81oa, derde lid, wordt \"onder k en q\" vervangen door \"onder k en o\"." },
    { "008.md", "009.md", "\", onderscheidenlijk artikel 89, derde lid\"" },
    { "017.md", "018.md", "In artikel 281a wordt \"de artikelen\" vervangen door \"artikel\" en vervalt \", en 87a, eerste lid\"." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *rel_a = g_build_filename ("corpus/nl-wetten-historie", pairs[i].old_file, NULL);
      g_autofree char *rel_b = g_build_filename ("corpus/nl-wetten-historie", pairs[i].new_file, NULL);
      g_autofree char *path_a = amend_test_shared_path (rel_a);
      g_autofree char *path_b = path_a ? amend_test_shared_path (rel_b) : NULL;
      g_autoptr(AmendDocument) a = NULL;
      g_autoptr(AmendDocument) b = NULL;
      g_autoptr(AmendDiff) diff = NULL;
      g_autofree char *got = NULL;

      if (path_b == NULL)
        return;
      a = amend_test_parse_file (path_a);
      b = amend_test_parse_file (path_b);
      diff = amend_diff_new (a, b);
      got = checked_instructions (diff);
      if (strstr (got, pairs[i].expected) == NULL)
        g_error ("%s to %s: no \"%s\" in:\n%s", pairs[i].old_file, pairs[i].new_file, pairs[i].expected, got);
    }
}

static void
test_every_shape (void)
{
  static const char *const variants[][9] = {
    { NULL },
    { "# Artikel 1 Begrippen", "De raad;\n\nbesluit:\n\n# Artikel 1 Begrippen", NULL },
    { "# Artikel 2 Aanvraag", "# Artikel 1a Nieuw\n\nTekst.\n\n# Artikel 2 Aanvraag", NULL },
    { "\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.", "", "# Artikel 4 Weigering", "# Artikel 5 Weigering",
      "# Artikel 5 Voorschriften", "# Artikel 6 Voorschriften", NULL },
    { "# Artikel 3 Beslistermijn", "# Artikel 2a Nieuw\n\nTekst.\n\n# Artikel 2b Ook\n\nTekst.\n\n# Artikel 3 Beslistermijn",
      "1. Het college beslist binnen twee weken.\n", "", "2. Het college beslist binnen acht", "1. Het college beslist binnen acht", NULL },
    { "\n\n# Artikel 6 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.", "", NULL },
    { "   - a. de openingstijden;\n", "", "   - b. het aantal", "   - a. het aantal", "   - c. de geluids", "   - b. de geluids",
      "   - d. de verlichting", "   - c. de verlichting", NULL },
    { "# Artikel 1 Begrippen", "# Hoofdstuk 1 Algemeen\n\n# Artikel 1 Begrippen", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    for (guint k = 0; k < G_N_ELEMENTS (variants); k++)
      {
        g_autofree char *a = apply_edits (base, variants[i]);
        g_autofree char *b = apply_edits (base, variants[k]);
        g_autoptr(AmendDocument) da = amend_test_parse (a);
        g_autoptr(AmendDocument) db = amend_test_parse (b);
        g_autoptr(AmendDiff) diff = amend_diff_new (da, db);
        g_autoptr(GPtrArray) list = amend_diff_get_instructions (diff);
        g_autofree char *text = checked_instructions (diff);

        for (guint j = 0; j < list->len; j++)
          {
            const AmendInstruction *instruction = g_ptr_array_index (list, j);

            g_assert_true (instruction->old_node != NULL || instruction->new_node != NULL);
            g_assert_cmpuint (instruction->units->len, >, 0);
            g_assert_nonnull (strstr (text, instruction->text));
          }
        if (i == k)
          g_assert_cmpstr (text, ==, "");
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Every case reports, not only the first that fails. */
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);
  g_test_add_func ("/instructions/6.15/frame", test_frame);
  g_test_add_func ("/instructions/6.15/one-change", test_one_change);
  g_test_add_func ("/instructions/6.15/one-change-designation", test_one_change_designation);
  g_test_add_func ("/instructions/6.15/new-title", test_new_title);
  g_test_add_func ("/instructions/6.15/subamendment", test_subamendment);
  g_test_add_func ("/instructions/6.15/title-article", test_title_article);
  g_test_add_func ("/instructions/list", test_instruction_list);
  g_test_add_func ("/instructions/delete-paragraph-of-chapter", test_delete_paragraph_of_chapter);
  g_test_add_func ("/instructions/no-changes", test_no_changes);
  g_test_add_func ("/instructions/preamble-added", test_preamble_added);
  g_test_add_func ("/instructions/inserted-before-changed", test_inserted_before_changed);
  g_test_add_func ("/instructions/every-shape", test_every_shape);
  g_test_add_func ("/instructions/gemeentewet-history", test_gemeentewet_history);
  g_test_add_func ("/instructions/6.15/times", test_times);
  g_test_add_func ("/instructions/3.29/ordinals", test_ordinals);
  return g_test_run ();
}
