/*
 * The builder: the fixture builds into a pack that passes validation and holds exactly the
 * fixture's content (documents ordered by first date, grouped answers, footnotes on their items,
 * the document-date events with composed titles, unknown names as NULL); two builds are
 * byte-identical; the build date is recorded only when given; a failed build leaves nothing
 * behind; `info` counts what is inside.
 *
 * usage: test_pack_build FIXTURE_DIR
 */
#include "content.h"
#include "pack_build.h"
#include "pack_check.h"
#include "pack_db.h"
#include "pack_fixture.h"
#include "pack_info.h"
#include "pack_schema.h"
#include "vt_test.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static const char *fixture;

/* Runs a query on the pack and returns its rows as "a|b;c|d" (NULL as "-"); caller frees. */
static char *rows(const char *pack, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    char out[4096] = "";
    sqlite3_open_v2(pack, &db, SQLITE_OPEN_READONLY, NULL);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        snprintf(out, sizeof out, "error: %s", sqlite3_errmsg(db));
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        if (out[0])
            strncat(out, ";", sizeof out - strlen(out) - 1);
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            if (i)
                strncat(out, "|", sizeof out - strlen(out) - 1);
            strncat(out, v ? (const char *)v : "-", sizeof out - strlen(out) - 1);
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return strdup(out);
}

#define CHECK_ROWS(pack, sql, want)                                                                \
    do {                                                                                           \
        char *got_ = rows(pack, sql);                                                              \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

static void fixture_builds_a_valid_pack(void)
{
    CHECK_INT(fixture_build(fixture, "a.vpack", NULL), 0);
    char err[256] = "";
    CHECK_INT(pack_check_path("a.vpack", err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_ROWS("a.vpack", "SELECT version, built, title_nl, subtitle_en FROM pack",
               "3|-|Testtentoonstelling|A subtitle");
    CHECK_ROWS("a.vpack", "SELECT id, seq, submitted, answered FROM document ORDER BY seq",
               "alpha|1|2025-07-11|2025-09;beta|2|2026-06|-;gamma|3|-|-");
    CHECK_ROWS("a.vpack", "SELECT seq, kind, number FROM item WHERE doc_id = 'alpha'",
               "1|text|1;2|question|1;3|answer|-;4|question|2;5|question|3;6|answer|-");
    CHECK_ROWS("a.vpack", "SELECT answer_seq, question FROM answer_cover ORDER BY question",
               "3|1;6|2;6|3");
    CHECK_ROWS("a.vpack", "SELECT number, item_seq, url FROM footnote ORDER BY number",
               "1|2|https://example.org/bericht;2|6|-");
    CHECK_ROWS("a.vpack", "SELECT body_nl FROM item WHERE doc_id = 'alpha' AND seq = 6",
               "De politie gebruikt de software sinds 2018.[^2] De kosten zijn vertrouwelijk.\n\n"
               "Meer kan ik niet zeggen.");
    CHECK_ROWS("a.vpack",
               "SELECT role, seq, name, party, function_en FROM person ORDER BY doc_id, role, seq",
               "answerer|1|C. Charlie|-|Minister of Test Affairs;asker|1|Alfa|ABC|-;"
               "asker|2|Bravo|-|-;author|1|-|-|Defence CIO;asker|1|Golf|-|-");
    CHECK_ROWS("a.vpack", "SELECT ref FROM reference ORDER BY doc_id, seq",
               "2025Z00001;4242;MINDEF1");
    CHECK_ROWS("a.vpack", "SELECT id, seq FROM about", "one|1");
}

/* The curated layer (issue 12): the builder stores it, the loader reads it with each hook's
 * attribution composed from what the document states, or the curator's where it is given. */
static void curated_layer_is_built_and_loaded(void)
{
    CHECK_INT(fixture_build(fixture, "c.vpack", NULL), 0);
    CHECK_ROWS("c.vpack", "SELECT doc_id, headline_en FROM curated",
               "alpha|The police have used the software since 2018");
    CHECK_ROWS("c.vpack",
               "SELECT kind, seq, item_seq, footnote, quote_nl, attribution_en FROM highlight "
               "ORDER BY kind, seq",
               "hook|1|3|-|Ja.|-;hook|2|4|-|Sinds wanneer gebruikt de politie de software?|-;"
               "hook|3|2|1|Krant, 1 juli 2025.|A newspaper, cited in question 1;"
               "key|1|4|-|Sinds wanneer gebruikt de politie de software?|-");
    VtContent c;
    char err[256] = "";
    CHECK_INT(content_load(&c, "c.vpack", err, sizeof err), 0);
    int a = content_find_doc(&c, "alpha"), b = content_find_doc(&c, "beta");
    CHECK(a >= 0 && b >= 0);
    if (a < 0 || b < 0)
        return;
    const VtDoc *d = &c.docs[a];
    CHECK_STR(text_get(&d->headline, VT_LANG_NL), "De politie gebruikt de software sinds 2018");
    CHECK(strncmp(text_get(&d->context, VT_LANG_EN), "Member Alfa (ABC)", 17) == 0);
    CHECK_INT(d->nhighlights[VT_HIGHLIGHT_KEY], 1);
    CHECK_INT(d->nhighlights[VT_HIGHLIGHT_HOOK], 3);
    const VtHighlight *h = d->highlights[VT_HIGHLIGHT_HOOK];
    CHECK_INT(d->items[h[0].item].kind, VT_ITEM_ANSWER);
    CHECK_STR(h[0].attribution.s[VT_LANG_NL],
              "Antwoord van C. Charlie (minister van Testzaken), september 2025");
    CHECK_STR(h[0].attribution.s[VT_LANG_EN],
              "Answer from C. Charlie (Minister of Test Affairs), September 2025");
    CHECK_STR(h[1].attribution.s[VT_LANG_NL], "Vraag van Alfa (ABC) en Bravo, 11 juli 2025");
    CHECK_STR(h[1].attribution.s[VT_LANG_EN], "Question from Alfa (ABC) and Bravo, 11 July 2025");
    CHECK(!h[0].curator_attribution && h[2].curator_attribution);
    CHECK_INT(h[2].footnote, 1);
    CHECK_STR(h[2].attribution.s[VT_LANG_EN], "A newspaper, cited in question 1");
    CHECK(d->highlights[VT_HIGHLIGHT_KEY][0].attribution.s[VT_LANG_NL] == NULL);
    /* a memo's passage: its author as the source names it (by function only) and its date */
    VtText t;
    content_attribution(&c.docs[b], 1, &t);
    CHECK_STR(t.s[VT_LANG_NL], "Nota, CIO van Defensie, juni 2026");
    CHECK_STR(t.s[VT_LANG_EN], "Memo, Defence CIO, June 2026");
    free(t.s[0]), free(t.s[1]);
    /* no curated layer: nothing is made up */
    int g = content_find_doc(&c, "gamma");
    CHECK(g >= 0 && c.docs[g].headline.s[VT_LANG_NL] == NULL &&
          c.docs[g].nhighlights[VT_HIGHLIGHT_HOOK] == 0);
    content_free(&c);
}

static void document_dates_become_events(void)
{
    CHECK_ROWS("a.vpack",
               "SELECT id, date, precision, kind, doc_id, item_seq, quote FROM event "
               "WHERE kind <> 'event' ORDER BY date",
               "alpha/submitted|2025-07-11|day|submitted|alpha|-|-;"
               "alpha/answered|2025-09|month|answered|alpha|-|-;"
               "beta/memo|2026-06|month|memo|beta|-|-");
    CHECK_ROWS("a.vpack",
               "SELECT title_nl, title_en FROM event WHERE kind <> 'event' ORDER BY date",
               "Kamervragen ingediend door Alfa (ABC) en Bravo|Written questions submitted by "
               "Alfa (ABC) and Bravo;Antwoorden op de Kamervragen van Alfa (ABC) en Bravo|"
               "Answers to the written questions from Alfa (ABC) and Bravo;"
               "Nota: Nota over het tweesporenbeleid|Memo: Memo on the two-track policy");
    CHECK_ROWS(
        "a.vpack",
        "SELECT id, date, precision, item_seq, quote FROM event WHERE kind = 'event' ORDER BY date",
        "police-2018|2018|year|6|De politie gebruikt de software sinds 2018.;"
        "paper-2025|2025-07-01|day|2|Krant, 1 juli 2025;target-2028|2028|year|2|gereed medio 2028");
}

static void event_titles_list_the_askers(void)
{
    VtSrcPerson people[3] = {{.role = VT_ROLE_ASKER, .name = "A", .party = "P"},
                             {.role = VT_ROLE_ASKER, .name = "B"},
                             {.role = VT_ROLE_ASKER, .name = NULL, .party = "Q"}};
    VtSrcDoc d = {.people = people, .npeople = 3};
    VtSrcText t = pack_build_event_title(&d, "submitted");
    CHECK_STR(t.nl, "Kamervragen ingediend door A (P), B en onbekend (Q)");
    CHECK_STR(t.en, "Written questions submitted by A (P), B and unknown (Q)");
    free(t.nl), free(t.en);
    d.npeople = 0;
    t = pack_build_event_title(&d, "answered");
    CHECK_STR(t.nl, "Antwoorden op Kamervragen");
    CHECK_STR(t.en, "Answers to written questions");
    free(t.nl), free(t.en);
}

static void builds_are_byte_identical(void)
{
    CHECK_INT(fixture_build(fixture, "b.vpack", NULL), 0);
    size_t la = 0, lb = 0, lc = 0, ld = 0;
    char *a = fixture_read("a.vpack", &la), *b = fixture_read("b.vpack", &lb);
    CHECK(a && b && la == lb && la > 0 && memcmp(a, b, la) == 0);
    CHECK_INT(fixture_build(fixture, "c.vpack", "2026-07-01"), 0);
    CHECK_INT(fixture_build(fixture, "d.vpack", "2026-07-01"), 0);
    char *c = fixture_read("c.vpack", &lc), *d = fixture_read("d.vpack", &ld);
    CHECK(c && d && lc == ld && memcmp(c, d, lc) == 0);
    CHECK(la != lc || memcmp(a, c, la) != 0); /* the date is in the file */
    CHECK_ROWS("c.vpack", "SELECT built FROM pack", "2026-07-01");
    /* the header: page size, rollback journal, identity */
    CHECK(a && la >= 100 &&
          ((unsigned char)a[16] << 8 | (unsigned char)a[17]) == VT_PACK_PAGE_SIZE);
    CHECK(a && a[18] == 1 && a[19] == 1);
    CHECK(a && memcmp(a + 68, "VTR1", 4) == 0);
    CHECK(a && la % VT_PACK_PAGE_SIZE == 0);
    free(a), free(b), free(c), free(d);
}

/* Counts the entries of the current directory other than . and .. */
static int count_files(void)
{
    DIR *d = opendir(".");
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

static void failed_build_leaves_nothing(void)
{
    int before = count_files();
    CHECK_INT(fixture_build(fixture, "missing-dir/x.vpack", NULL), -1);
    CHECK_INT(fixture_build(fixture, "a.vpack", NULL), 0); /* over an existing pack */
    CHECK_INT(count_files(), before);                      /* no temporary or journal file */
    CHECK_INT(pack_check_path("a.vpack", NULL, 0), 0);
}

static void info_counts_the_content(void)
{
    FILE *f = fopen("info.txt", "w+");
    char err[256] = "";
    CHECK_INT(pack_info_print("c.vpack", f, err, sizeof err), 0);
    fclose(f);
    char *text = fixture_read("info.txt", NULL);
    CHECK_STR(text, "pack: c.vpack\nversion: 3\nbuilt: 2026-07-01\n"
                    "title: Testtentoonstelling / Test exhibit\ndocuments: 3\nquestions: 4\n"
                    "answers: 2\npoints: 2\ntexts: 2\nfootnotes: 2\n"
                    "events: 6 (3 from the timeline, 3 document dates)\nabout texts: 1\n"
                    "languages: nl (original), en (unofficial translation)\n");
    free(text);
    unlink("info.txt");
    CHECK_INT(pack_info_print("nope.vpack", stdout, err, sizeof err), -1);
    CHECK_STR(err, "cannot open pack: No such file or directory");
}

/* A copy of the fixture whose alpha answers questions 2..last in one [answer 2 3 ... last]. */
static int build_wide_answer(int last, const char *dir, const char *out)
{
    char questions[8192] = "", covers[1024] = "[answer";
    size_t nq = 0, nc = strlen(covers);
    for (int q = 3; q <= last; q++)
        nq += (size_t)snprintf(questions + nq, sizeof questions - nq,
                               "[question %d]\nnl:\n  Vraag %d?\nen:\n  Question %d?\n\n", q, q, q);
    for (int q = 2; q <= last; q++)
        nc += (size_t)snprintf(covers + nc, sizeof covers - nc, " %d", q);
    snprintf(covers + nc, sizeof covers - nc, "]");
    char doc[512], find[] = "[question 3]\nnl:\n  Wat kost het?\nen:\n  What does it cost?\n\n"
                            "[answer 2 3]";
    char *replace = malloc(strlen(questions) + strlen(covers) + 1);
    strcpy(replace, questions);
    strcat(replace, covers);
    fixture_remove(dir);
    snprintf(doc, sizeof doc, "%s/documents/alpha.txt", dir);
    int rc = fixture_copy(fixture, dir) || fixture_edit(doc, find, replace)
                 ? -2
                 : fixture_build(dir, out, NULL);
    free(replace);
    return rc;
}

/* The defect of issue 10: the kiosk dropped covers past 8 and said "no answer" for questions
 * the pack answers. Every covered question finds its answer, however many there are. */
static void an_answer_covering_twelve_questions_answers_each(void)
{
    CHECK_INT(build_wide_answer(12, "wide", "wide.vpack"), 0);
    VtContent c;
    char err[256] = "";
    CHECK_INT(content_load(&c, "wide.vpack", err, sizeof err), 0);
    int d = content_find_doc(&c, "alpha");
    CHECK(d >= 0);
    if (d >= 0) {
        int answer = content_answer_for(&c.docs[d], 2);
        CHECK(answer >= 0);
        CHECK_INT(c.docs[d].items[answer].ncovers, 11);
        for (int q = 2; q <= 12; q++)
            CHECK_INT(content_answer_for(&c.docs[d], q), answer);
    }
    content_free(&c);
}

static void more_covers_than_the_limit_is_a_source_error(void)
{
    CHECK_INT(build_wide_answer(VT_PACK_MAX_COVERS + 2, "wider", "wider.vpack"), -1);
    CHECK(access("wider.vpack", F_OK) != 0);
}

/* A statement that fails after its first row (abs() of the smallest integer overflows): the
 * readers' end-of-rows check must report it, never count it as the end of the table. */
static void a_read_error_mid_table_is_a_failure(void)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char err[256] = "";
    CHECK_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT 1 UNION ALL SELECT abs(-9223372036854775807 - 1)", -1,
                                 &st, NULL),
              SQLITE_OK);
    int rc, rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        rows++;
    CHECK_INT(rows, 1);
    CHECK_INT(pack_db_rows_done(st, rc, err, sizeof err), -1);
    CHECK(strstr(err, "mid-table") != NULL);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT 1", -1, &st, NULL), SQLITE_OK);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    CHECK_INT(pack_db_rows_done(st, rc, err, sizeof err), 0);
    sqlite3_close(db);
}

/* The closed vocabularies live once in pack_vocab.c; schema.sql's CHECKs must list the same
 * words in the same order, or the loader would map a valid pack's words wrongly. */
static void check_vocab(const char *column, const char *const *words, int n)
{
    char want[256];
    size_t len = (size_t)snprintf(want, sizeof want, "%s IN (", column);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(want + len, sizeof want - len, "%s'%s'", i ? ", " : "", words[i]);
    snprintf(want + len, sizeof want - len, ")");
    if (!strstr(pack_schema_sql, want))
        fprintf(stderr, "schema.sql lacks: %s\n", want);
    CHECK(strstr(pack_schema_sql, want) != NULL);
}

static void vocabularies_match_the_schema(void)
{
    check_vocab("kind", pack_item_kinds, VT_PACK_ITEM_KINDS);
    check_vocab("status", pack_doc_statuses, VT_PACK_DOC_STATUSES);
    check_vocab("kind", pack_event_kinds, VT_PACK_EVENT_KINDS);
    check_vocab("precision", pack_precisions, VT_PACK_PRECISIONS);
    check_vocab("kind", pack_highlight_kinds, VT_PACK_HIGHLIGHT_KINDS);
    CHECK_INT(VT_PACK_HIGHLIGHT_KINDS, VT_HIGHLIGHT_KINDS);
    CHECK_INT(pack_vocab_find(pack_highlight_kinds, VT_PACK_HIGHLIGHT_KINDS, "hook"),
              VT_HIGHLIGHT_HOOK);
    CHECK_INT(pack_vocab_find(pack_item_kinds, VT_PACK_ITEM_KINDS, "answer"), VT_ITEM_ANSWER);
    CHECK_INT(pack_vocab_find(pack_doc_statuses, VT_PACK_DOC_STATUSES, "awaiting"),
              VT_STATUS_AWAITING);
    CHECK_INT(pack_vocab_find(pack_event_kinds, VT_PACK_EVENT_KINDS, "memo"), VT_EVENT_MEMO);
    CHECK_INT(pack_vocab_find(pack_precisions, VT_PACK_PRECISIONS, "day"), VT_PREC_DAY);
    CHECK_INT(pack_vocab_find(pack_item_kinds, VT_PACK_ITEM_KINDS, "footnote"), -1);
}

int main(int argc, char **argv)
{
    const char *tmp;
    if (fixture_begin(argc, argv, &fixture, &tmp) != 0)
        return 2;
    RUN(fixture_builds_a_valid_pack);
    RUN(curated_layer_is_built_and_loaded);
    RUN(document_dates_become_events);
    RUN(event_titles_list_the_askers);
    RUN(builds_are_byte_identical);
    RUN(failed_build_leaves_nothing);
    RUN(info_counts_the_content);
    RUN(an_answer_covering_twelve_questions_answers_each);
    RUN(more_covers_than_the_limit_is_a_source_error);
    RUN(a_read_error_mid_table_is_a_failure);
    RUN(vocabularies_match_the_schema);
    fixture_remove(tmp);
    free((char *)fixture);
    return vt_test_finish();
}
