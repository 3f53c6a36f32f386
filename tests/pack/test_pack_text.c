/*
 * Unit tests of firmware/content/pack_text: the date forms, the extraction-artifact catalogue
 * (every artifact the five sources are known to carry is caught; real sentences of the sources
 * are not), the form of texts, footnote markers, and the plain form quotes are compared in.
 */
#include "pack_text.h"
#include "vt_test.h"

#include <stdlib.h>

static void dates_have_three_precisions(void)
{
    CHECK_INT(pack_text_date("2025"), VT_DATE_YEAR);
    CHECK_INT(pack_text_date("2025-07"), VT_DATE_MONTH);
    CHECK_INT(pack_text_date("2025-07-11"), VT_DATE_DAY);
    CHECK_INT(pack_text_date("2024-02-29"), VT_DATE_DAY); /* leap year */
    CHECK_INT(pack_text_date("2000-02-29"), VT_DATE_DAY);
    const char *bad[] = {"2025-02-29", "1900-02-29",   "2025-13", "2025-00", "2025-04-31",
                         "2025-07-00", "2025-7-11",    "25",      "0999",    "2025-07-11x",
                         "2025/07",    "11 juli 2025", "unknown", "",        "2025-07-1a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_INT(pack_text_date(bad[i]), VT_DATE_BAD);
    CHECK_INT(pack_text_date(NULL), VT_DATE_BAD);
    CHECK_STR(pack_text_precision_name(VT_DATE_MONTH), "month");
    CHECK(pack_text_precision_name(VT_DATE_BAD) == NULL);
}

static void artifacts_of_the_sources_are_caught(void)
{
    const char *dirty[] = {
        "[bookmark: _Hlk205459476]In antwoord op uw brief",
        "heeft aangeschaft?[footnoteRef:1] [1:  https://www.politie.nl/]",
        "[image: ]",
        "> Retouradres Postbus 20301 2500 EH Den Haag",
        "Onze referentie 6687563",
        "Bij beantwoording, datum, onze referentie en onderwerp vermelden.",
        "Pagina 2 van 1",
        "verzonden aan de Kamer. Datum 5 juni 2026 Antwoord op vraag 5",
        "Datum\n\n23 juni 2026",
        "**Directoraat-Generaal Politie**",
        "Kamerbrief\xC2\xB3 van de staatssecretaris",
        "motie\xE2\x81\xB4 van het lid",
        "[2:  Aanhangsel Handelingen]",
        "# Nota",
        "Tekst.\n\n## Kernpunten",
        "<https://www.ftm.nl/artikelen/x>",
        "T 06 @mindef.nl",
        "www.rijksoverheid.nl/jenv",
        "TER BESLISSING",
    };
    for (size_t i = 0; i < sizeof dirty / sizeof dirty[0]; i++) {
        if (!pack_text_artifact(dirty[i]))
            fprintf(stderr, "not caught: %s\n", dirty[i]);
        CHECK(pack_text_artifact(dirty[i]) != NULL);
    }
    const char *clean[] = {
        "Het grondwettelijk hof in Duitsland heeft in 2023 de wetten van Hessen en Hamburg die "
        "de inzet van deze software mogelijk maakte ongrondwettig verklaard.",
        "Momenteel worden de technische bouwblokken uitgewerkt, de aanpak afgestemd met "
        "partnerlanden en contact gelegd met Europese technologiebedrijven.",
        "Bent u bekend met het *NRC*-artikel 'Frankrijk wil op eigen AI-benen staan'?[^1]",
        "Kamerstukken II, 2024-2025, nr. 2790",
        "Drie waarborgen maken in deze periode verantwoord Palantir-gebruik mogelijk: 1) alleen "
        "personeel met Nederlandse nationaliteit",
        "De datum van de brief is niet bekend. Pagina's van het rapport [zie bijlage].",
        "https://www.politie.nl/wet-open-overheid/woo-verzoeken/2024/palantir.html)",
    };
    for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
        const char *why = pack_text_artifact(clean[i]);
        if (why)
            fprintf(stderr, "false alarm (%s): %s\n", why, clean[i]);
        CHECK(why == NULL);
    }
}

static void text_form_is_checked(void)
{
    CHECK(pack_text_problem("Een zin.\n\nNog een.", 1) == NULL);
    CHECK(pack_text_problem("*Nadruk* en [^12] markering", 1) == NULL);
    CHECK_STR(pack_text_problem("", 1), "empty text");
    CHECK_STR(pack_text_problem("a\xC0\xAF", 1), "invalid UTF-8");
    CHECK_STR(pack_text_problem(" a", 0), "leading or trailing space");
    CHECK_STR(pack_text_problem("a\nb", 1),
              "paragraphs must be separated by exactly one empty line");
    CHECK_STR(pack_text_problem("a\n\n\nb", 1),
              "paragraphs must be separated by exactly one empty line");
    CHECK_STR(pack_text_problem("a\n\n", 1),
              "paragraphs must be separated by exactly one empty line");
    CHECK_STR(pack_text_problem("a \n\nb", 1), "space around a paragraph break");
    CHECK_STR(pack_text_problem("a\n\nb", 0), "control character");
    CHECK_STR(pack_text_problem("a\tb", 1), "control character");
    CHECK_STR(pack_text_problem("*a\n\nb*", 1), "unbalanced * (emphasis)");
    CHECK_STR(pack_text_problem("zie [^a]", 1), "malformed footnote marker (write [^N])");
    CHECK_STR(pack_text_problem("zie [^12345]", 1), "malformed footnote marker (write [^N])");
    CHECK(pack_text_problem("zie [^a]", 0) == NULL); /* markup rules are for prose only */
}

static void markers_are_listed_once_in_order(void)
{
    int v[4];
    CHECK_INT(pack_text_markers("a[^3] b[^1] c[^3] [^x] [^2", v, 4), 2);
    CHECK_INT(v[0], 1);
    CHECK_INT(v[1], 3);
    CHECK_INT(pack_text_markers("geen", v, 4), 0);
    CHECK_INT(pack_text_markers("[^1][^2][^3]", v, 2), -1);
}

static void quotes_compare_without_markup(void)
{
    char *p = pack_text_plain("  Het *NRC*-artikel[^1]  over\n\nPalantir [^2] . ");
    CHECK_STR(p, "Het NRC-artikel over Palantir .");
    free(p);
    CHECK(pack_text_contains("sinds 2018.[^2] De kosten", "sinds 2018. De kosten"));
    CHECK(pack_text_contains("de *Raffinaderij*\n\nis", "Raffinaderij is"));
    CHECK(!pack_text_contains("sinds 2018", "sinds 2019"));
    CHECK(!pack_text_contains("tekst", ""));
    CHECK(pack_text_contains("zie [bijlage]", "[bijlage]"));
}

static void ids_are_lower_case_words(void)
{
    CHECK(pack_text_is_id("vanhouwelingen-2025"));
    CHECK(!pack_text_is_id("Dassen"));
    CHECK(!pack_text_is_id(""));
    CHECK(!pack_text_is_id("a b"));
    CHECK(!pack_text_is_id("a/submitted"));
    CHECK(!pack_text_is_id("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

int main(void)
{
    RUN(dates_have_three_precisions);
    RUN(artifacts_of_the_sources_are_caught);
    RUN(text_form_is_checked);
    RUN(markers_are_listed_once_in_order);
    RUN(quotes_compare_without_markup);
    RUN(ids_are_lower_case_words);
    return vt_test_finish();
}
