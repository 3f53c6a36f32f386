/*
 * Every way a content source can be wrong, each as a small edit of the valid fixture
 * (fixtures/valid) and the exact "file:line: what is wrong" lines the parser must report. The
 * directory is copied to <tmp>/content and parsed as "content", so the expected lines read the
 * way a curator sees them from the repository root. Also: the valid fixture parses into the
 * expected model, all errors of a file are collected, and a file stops after the error limit.
 *
 * usage: test_source_errors FIXTURE_DIR
 */
#include "buf.h"
#include "pack_fixture.h"
#include "source_parse.h"
#include "vt_test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *fixture;

typedef struct {
    const char *file; /* relative to content/ */
    const char *find; /* NULL: delete the file */
    const char *replace;
} VtEdit;

typedef struct {
    const char *name;
    VtEdit edits[3];
    const char *expect[3];
} VtErrorCase;

#define ALPHA "documents/alpha.txt"
#define BETA "documents/beta.txt"
#define GAMMA "documents/gamma.txt"
#define TL "timeline.txt"
#define FN2                                                                                        \
    "[footnote 2]\nnl:\n  Kamerstukken II, 2024-2025, nr. 1.\nen:\n  Parliamentary Papers II, "    \
    "2024-2025, no. 1.\n"

static const VtErrorCase cases[] = {
    {"unknown field",
     {{ALPHA, "[question 1]\nnl:", "[question 1]\nnote: hallo\nnl:"}},
     {"content/documents/alpha.txt:39: unknown field 'note' in question 1"}},
    {"unknown section",
     {{ALPHA, "no. 1.\n", "no. 1.\n\n[appendix]\nnl:\n  Bijlage.\n"}},
     {"content/documents/alpha.txt:85: unknown section [appendix]"}},
    {"missing required field",
     {{ALPHA, "status: answered\n", ""}},
     {"content/documents/alpha.txt:3: document is missing the field 'status'"}},
    {"confidentiality not in the answer's own words",
     {{ALPHA, "[answer 1]\n", "[answer 1]\nconfidential: Dat is vertrouwelijk.\n"}},
     {"content/documents/alpha.txt:52: answer 1: confidential: is not the answer's own words"}},
    {"confidentiality on a question",
     {{ALPHA, "[question 3]\n", "[question 3]\nconfidential: Ja.\n"}},
     {"content/documents/alpha.txt:64: unknown field 'confidential' in question 3"}},
    {"question out of order",
     {{ALPHA, "[question 3]", "[question 4]"}},
     {"content/documents/alpha.txt:63: question 4 out of order (expected question 3)",
      "content/documents/alpha.txt:69: answer 2 3 covers question 3, which does not exist"}},
    /* The curated layer (issue 12): quotes word for word, limits, numbering, counts. */
    {"typo in a hook's quote",
     {{ALPHA, "quote: Ja.", "quote: Jaa."}},
     {"content/documents/alpha.txt:102: hook 1: quote is not word for word in the Dutch of "
      "answer 1"}},
    {"typo in a hook's English",
     {{ALPHA, "en: Yes.", "en: Yes!"}},
     {"content/documents/alpha.txt:102: hook 1: en is not word for word in the English of "
      "answer 1"}},
    {"an edit of the transcription breaks the quotes of it",
     {{ALPHA, "  Sinds wanneer gebruikt de politie", "  Sinds wanneer gebruikt de polite"}},
     {"content/documents/alpha.txt:97: key 1: quote is not word for word in the Dutch of "
      "question 2",
      "content/documents/alpha.txt:107: hook 2: quote is not word for word in the Dutch of "
      "question 2"}},
    {"headline too long",
     {{ALPHA, "headline.nl: De politie gebruikt de software sinds 2018",
       "headline.nl: De politie gebruikt de software van Palantir al sinds het jaar 2018"}},
     {"content/documents/alpha.txt:86: headline.nl has 12 words; at most 10"}},
    {"context too short",
     {{ALPHA, "context.en:\n  Member Alfa", "context.en: Too short.\nnote:\n  Member Alfa"}},
     {"content/documents/alpha.txt:93: unknown field 'note' in curated",
      "content/documents/alpha.txt:92: context.en has 2 words; at least 35"}},
    {"hook too long",
     {{ALPHA, "quote: Ja.",
       "quote: Ja. ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja "
       "ja ja ja ja ja ja ja ja ja ja ja ja ja"}},
     /* quotes are compared only in a file without other errors, which they would echo */
     {"content/documents/alpha.txt:104: hook 1: the quote has 33 words; a hook has at most 32"}},
    {"hooks out of order",
     {{ALPHA, "[hook 3]", "[hook 4]"}, {ALPHA, "[hook 2]", "[hook 3]"}},
     {"content/documents/alpha.txt:107: hook 3 out of order (expected hook 2)"}},
    {"no key sentence",
     {{ALPHA, "[key 1]\nitem: question 2\n", "[hook 0]\nitem: question 2\n"}},
     {"content/documents/alpha.txt:97: [hook] needs a number, e.g. [hook 1]",
      "content/documents/alpha.txt:85: a curated document has 1 to 3 [key N], not 0"}},
    {"a footnote hook needs an attribution",
     {{ALPHA, "attribution.nl: Een krant, aangehaald in vraag 1\n", ""},
      {ALPHA, "attribution.en: A newspaper, cited in question 1\n", ""}},
     {"content/documents/alpha.txt:112: hook 3: the kiosk cannot tell who says this "
      "(footnote 1); give attribution.nl and attribution.en, only as the source states it"}},
    {"a hook cites nothing",
     {{ALPHA, "item: answer 1", "item: answer 9"}},
     {"content/documents/alpha.txt:102: hook 1: this document has no answer 9"}},
    {"a hook without English",
     {{ALPHA, "en: Yes.\n", ""}},
     {"content/documents/alpha.txt:102: hook 1 has no English text (en:)"}},
    {"keys without a curated layer",
     {{ALPHA, "[curated]", "[document]"}},
     {"content/documents/alpha.txt:85: second [document] section (the first is on line 3)",
      "content/documents/alpha.txt:97: [key] without [curated]: keys and hooks belong to a "
      "curated layer"}},
    {"answer covers a missing question",
     {{ALPHA, "[answer 2 3]", "[answer 2 3 7]"}},
     {"content/documents/alpha.txt:69: answer 2 3 7 covers question 7, which does not exist"}},
    {"question answered twice",
     {{ALPHA, "[answer 1]", "[answer 1 2]"}},
     {"content/documents/alpha.txt:69: question 2 is answered twice (also on line 51)"}},
    {"bad date",
     {{ALPHA, "submitted: 2025-07-11", "submitted: 11 juli 2025"}},
     {"content/documents/alpha.txt:12: bad date '11 juli 2025' in submitted: write YYYY-MM-DD, "
      "YYYY-MM, YYYY or unknown"}},
    {"impossible date",
     {{ALPHA, "answered: 2025-09", "answered: 2025-02-29"}},
     {"content/documents/alpha.txt:13: bad date '2025-02-29' in answered: write YYYY-MM-DD, "
      "YYYY-MM, YYYY, unknown or none"}},
    {"event cites an unknown document",
     {{TL, "doc: alpha\nitem: answer 2", "doc: omega\nitem: answer 2"}},
     {"content/timeline.txt:3: event police-2018: unknown document 'omega'"}},
    {"event cites a missing item",
     {{TL, "item: answer 2", "item: answer 9"}},
     {"content/timeline.txt:3: event police-2018: document alpha has no answer 9"}},
    {"event cites a malformed item",
     {{TL, "item: point 1", "item: paragraph 1"}},
     {"content/timeline.txt:23: event target-2028: item must be 'document' or 'question N', "
      "'answer N', 'point N', 'text N' or 'footnote N', not 'paragraph 1'"}},
    {"event quote not in the item",
     {{TL, "quote: gereed medio 2028", "quote: gereed in 2028"}},
     {"content/timeline.txt:23: event target-2028: quote not found in point 1 of beta"}},
    {"event quote not in the footnote",
     {{TL, "quote: Krant, 1 juli 2025", "quote: Krant, 2 juli 2025"}},
     {"content/timeline.txt:15: event paper-2025: quote not found in footnote 1 of alpha"}},
    {"event without a date",
     {{TL, "date: 2028", "date: unknown"}},
     {"content/timeline.txt:24: an event needs a date; leave out what the sources do not date"}},
    {"invalid UTF-8",
     {{ALPHA, "  Ja.\n", "  J\xC3(a.\n"}},
     {"content/documents/alpha.txt:53: invalid UTF-8 (byte 4 of the line)"}},
    {"missing translation",
     {{ALPHA, "en:\n  Yes.\n", ""}},
     {"content/documents/alpha.txt:52: answer 1 has no English text (en:)"}},
    {"missing title translation",
     {{ALPHA, "title.en: Questions from member Alfa about *Palantir*\n", ""}},
     {"content/documents/alpha.txt:8: document has no English text (title.en:)"}},
    {"English without Dutch",
     {{GAMMA, "nl:\n  Bent u bekend met het *NRC*-artikel?\n", ""}},
     {"content/documents/gamma.txt:15: question 1 has English text (en:) but no Dutch (nl:)"}},
    {"footnote marker without footnote",
     {{ALPHA, FN2, ""}},
     {"content/documents/alpha.txt:69: answer 2 3: footnote marker [^2] has no [footnote 2] "
      "after this section"}},
    {"footnote without marker",
     {{ALPHA, "bericht?[^1]", "bericht?"}, {ALPHA, "report?[^1]", "report?"}},
     {"content/documents/alpha.txt:44: footnote 1 is not referenced as [^1] in question 1"}},
    {"English lacks a marker",
     {{ALPHA, "2018.[^2] The", "2018. The"}},
     {"content/documents/alpha.txt:69: answer 2 3: the English text lacks footnote marker [^2]"}},
    {"duplicate footnote",
     {{ALPHA, "[footnote 2]", "[footnote 1]"},
      {ALPHA, "2018.[^2] De", "2018.[^1] De"},
      {ALPHA, "2018.[^2] The", "2018.[^1] The"}},
     {"content/documents/alpha.txt:79: duplicate footnote 1 (first on line 44)"}},
    {"url without a scheme and no link",
     {{ALPHA, "url: https://example.org/bericht", "url: example.org/bericht"}},
     {"content/documents/alpha.txt:44: footnote 1, url: does not open as the source gives it (no "
      "http:// or https:// scheme); keep url: verbatim and add link: with the address that opens"}},
    {"url with a stray parenthesis and no link",
     {{ALPHA, "url: https://example.org/bericht", "url: https://example.org/bericht)"}},
     {"content/documents/alpha.txt:44: footnote 1, url: does not open as the source gives it (a "
      "')' without its '('); keep url: verbatim and add link: with the address that opens"}},
    {"link that does not open",
     {{ALPHA, "url: https://example.org/bericht", "url: example.org/x\nlink: example.org/x"}},
     {"content/documents/alpha.txt:44: footnote 1, link: does not open: no http:// or https:// "
      "scheme"}},
    {"link without url",
     {{ALPHA, "url: https://example.org/bericht", "link: https://example.org/bericht"}},
     {"content/documents/alpha.txt:44: footnote 1: link: mends a url:, but there is none"}},
    {"footnote before any item",
     {{BETA, "[text 1]", "[footnote 1]\nnl:\n  x\nen:\n  y\n\n[text 1]"}},
     {"content/documents/beta.txt:15: footnote 1 must follow the text, question, answer or point "
      "that references it"}},
    {"duplicate document id",
     {{GAMMA, "id: gamma", "id: alpha"}},
     {"content/documents/gamma.txt:4: duplicate document id 'alpha' (first in "
      "content/documents/alpha.txt:3)"}},
    {"duplicate event id",
     {{TL, "[event paper-2025]", "[event police-2018]"}},
     {"content/timeline.txt:15: duplicate event id 'police-2018' (first on line 3)"}},
    {"invalid document id",
     {{BETA, "id: beta", "id: Beta"}},
     {"content/documents/beta.txt:4: id 'Beta' must be 1 to 64 lower-case letters, digits and "
      "dashes"}},
    {"field given twice",
     {{BETA, "kind: memo", "kind: memo\nkind: memo"}},
     {"content/documents/beta.txt:7: field 'kind' given twice in document (first on line 6)"}},
    {"empty field",
     {{BETA, "heading.nl: Aanleiding", "heading.nl:"}},
     {"content/documents/beta.txt:16: field 'heading.nl' of text 1 is empty"}},
    {"marker outside a body",
     {{BETA, "heading.nl: Aanleiding", "heading.nl: Aanleiding[^1]"}},
     {"content/documents/beta.txt:16: text 1, heading.nl: footnote markers [^N] belong only in "
      "the nl: and en: of a text, question, answer or point"}},
    {"artifact: bookmark",
     {{ALPHA, "  Ja.\n", "  [bookmark: _Hlk1]Ja.\n"}},
     {"content/documents/alpha.txt:52: answer 1, nl: extraction artifact [bookmark ...]"}},
    {"artifact: page header",
     {{ALPHA, "niet zeggen.", "niet zeggen. Pagina 2 van 3"}},
     {"content/documents/alpha.txt:70: answer 2 3, nl: extraction artifact page header "
      "'Pagina N van M'"}},
    {"artifact: footnote syntax",
     {{ALPHA, "  Ja.\n", "  Ja.[footnoteRef:1]\n"}},
     {"content/documents/alpha.txt:52: answer 1, nl: extraction artifact [footnoteRef:N]"}},
    {"unbalanced emphasis",
     {{GAMMA, "het *NRC*-artikel?", "het *NRC-artikel?"}},
     {"content/documents/gamma.txt:15: question 1, nl: unbalanced * (emphasis)"}},
    {"tab indentation",
     {{ALPHA, "  Ja.\n", "\tJa.\n"}},
     {"content/documents/alpha.txt:53: indent with spaces, not tabs"}},
    {"indented text without a field",
     {{ALPHA, "ref: 4242\n", "ref: 4242\n  5000\n"}},
     {"content/documents/alpha.txt:12: indented text without a field: write 'key:' alone on the "
      "line above"}},
    {"not a field",
     {{ALPHA, "ref: 4242\n", "ref 4242\n"}},
     {"content/documents/alpha.txt:11: expected 'key: value', a [section], an indented text or a "
      "# comment"}},
    {"field before the first section",
     {{ALPHA, "# Test fixture", "id: x\n# Test fixture"}},
     {"content/documents/alpha.txt:1: field 'id' comes before the first [section]"}},
    {"status awaiting with an answer date",
     {{GAMMA, "answered: none", "answered: 2026-01-01"}},
     {"content/documents/gamma.txt:11: a document awaiting an answer has answered: none"}},
    {"answer in a document awaiting answers",
     {{GAMMA, "NRC* article?\n", "NRC* article?\n\n[answer 1]\nnl:\n  Ja.\nen:\n  Yes.\n"}},
     {"content/documents/gamma.txt:20: answer 1: a document with status awaiting has no answers"}},
    {"memo with an answer date",
     {{BETA, "answered: none", "answered: 2026-07"}},
     {"content/documents/beta.txt:12: a memo has answered: none (its own date is submitted)"}},
    {"unknown source file",
     {{BETA, "source: beta-source.txt", "source: nope.txt"}},
     {"content/documents/beta.txt:5: source 'nope.txt' is not a file in sources/"}},
    {"bad pack version",
     {{"pack.txt", "version: 3", "version: drie"}},
     {"content/pack.txt:2: version must be a whole number above 0, not 'drie'"}},
    {"missing pack.txt",
     {{"pack.txt", NULL, NULL}},
     {"content/pack.txt: cannot read: No such file or directory"}},
    {"missing exhibit",
     {{"about.txt",
       "[exhibit]\ntitle.nl: Testtentoonstelling\ntitle.en: Test exhibit\n"
       "subtitle.nl: Een ondertitel\nsubtitle.en: A subtitle\n",
       ""}},
     {"content/about.txt: no [exhibit] section"}},
    {"invalid intro id",
     {{"about.txt", "[intro one]", "[intro One]"}},
     {"content/about.txt:9: [intro] needs an id of 1 to 64 lower-case letters, digits and "
      "dashes, e.g. [intro palantir]"}},
    {"several errors in one file are all listed",
     {{ALPHA, "submitted: 2025-07-11", "submitted: juli"},
      {ALPHA, "[question 1]\nnl:", "[question 1]\nnote: x\nnl:"},
      {ALPHA, "en:\n  Yes.\n", ""}},
     {"content/documents/alpha.txt:12: bad date 'juli' in submitted: write YYYY-MM-DD, YYYY-MM, "
      "YYYY or unknown",
      "content/documents/alpha.txt:39: unknown field 'note' in question 1",
      "content/documents/alpha.txt:53: answer 1 has no English text (en:)"}},
    /* A header without a name, alone or followed by fields, used to crash the builder
     * (issue 11): one error at its line, nothing read until the next header. */
    {"empty section header in about.txt",
     {{"about.txt", "[intro one]", "[]\n[intro one]"}},
     {"content/about.txt:9: empty section header"}},
    {"empty section header in timeline.txt",
     {{TL, "[event police-2018]", "[ ]\ndate: 2018\nnl:\n  x\n[event police-2018]"}},
     {"content/timeline.txt:3: empty section header"}},
    {"empty section header in a document",
     {{ALPHA, "[question 1]", "[]\n\n[question 1]"}, {BETA, "\n", "\n[]\n"}},
     {"content/documents/alpha.txt:38: empty section header",
      "content/documents/beta.txt:2: empty section header"}},
    {"empty section header at the end of a file",
     {{GAMMA, "[document]", "[]\n[document]"},
      {TL, "gereed medio 2028\n", "gereed medio 2028\n[]\n"}},
     {"content/documents/gamma.txt:3: empty section header",
      "content/timeline.txt:30: empty section header"}},
};

static int apply_edits(const VtErrorCase *c)
{
    fixture_remove("content");
    if (fixture_copy(fixture, "content") != 0)
        return -1;
    for (size_t i = 0; i < 3 && c->edits[i].file; i++) {
        char path[256];
        snprintf(path, sizeof path, "content/%s", c->edits[i].file);
        if (!c->edits[i].find)
            unlink(path);
        else if (fixture_edit(path, c->edits[i].find, c->edits[i].replace) != 0)
            return -1;
    }
    return 0;
}

/* Parses the edited copy; returns 1 when the reported lines are exactly the expected ones. */
static int run_case(const VtErrorCase *c)
{
    if (apply_edits(c) != 0)
        return 0;
    VtDiag diag = {0};
    VtSource src;
    int rc = source_parse_dir(&src, "content", &diag);
    size_t expected = 0;
    while (expected < 3 && c->expect[expected])
        expected++;
    int same = rc == -1 && diag.n == expected;
    for (size_t i = 0; same && i < expected; i++)
        same = strcmp(diag.lines[i], c->expect[i]) == 0;
    if (!same) {
        fprintf(stderr, "case '%s': got %zu line(s):\n", c->name, diag.n);
        diag_print(&diag, stderr);
        for (size_t i = 0; i < expected; i++)
            fprintf(stderr, "  expected: %s\n", c->expect[i]);
    }
    if (rc == 0)
        source_free(&src);
    diag_free(&diag);
    return same;
}

static void broken_sources_report_exact_lines(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(run_case(&cases[i]));
}

static void valid_fixture_parses_into_the_model(void)
{
    fixture_remove("content");
    CHECK_INT(fixture_copy(fixture, "content"), 0);
    VtDiag diag = {0};
    VtSource src;
    CHECK_INT(source_parse_dir(&src, "content", &diag), 0);
    diag_print(&diag, stderr);
    CHECK_INT(diag.n, 0);
    if (diag.n)
        return;
    CHECK_INT(src.version, 3);
    CHECK_INT(src.ndocs, 3);
    CHECK_STR(src.docs[0].id, "alpha"); /* documents/ is read in name order */
    CHECK_STR(src.docs[0].summary.nl, "Een korte samenvatting over twee regels.");
    CHECK_STR(src.docs[0].items[0].body.nl, "Geachte voorzitter,\n\nHierbij de antwoorden.");
    CHECK_INT(src.docs[0].items[3].ncovers, 0); /* question 2 */
    CHECK_INT(src.docs[0].items[5].ncovers, 2); /* answer 2 3 */
    CHECK(src.docs[0].people[1].party == NULL); /* "Bravo | unknown" */
    CHECK(src.docs[1].people[0].name == NULL);  /* "unknown | CIO ..." */
    CHECK_STR(src.docs[1].people[0].function.en, "Defence CIO");
    CHECK(src.docs[2].submitted == NULL && src.docs[2].answered == NULL);
    CHECK_INT(src.nevents, 3);
    CHECK_INT(src.events[0].item_seq, 6); /* answer 2 3 */
    CHECK_INT(src.events[1].item_seq, 2); /* footnote 1 belongs to question 1 */
    CHECK_INT(src.events[2].doc_index, 1);
    source_free(&src);
    diag_free(&diag);
}

static void error_list_stops_per_file(void)
{
    fixture_remove("content");
    CHECK_INT(fixture_copy(fixture, "content"), 0);
    char many[2048] = "[question 1]\n";
    for (int i = 0; i < 25; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "x%d: y\n", i);
    strcat(many, "nl:");
    CHECK_INT(fixture_edit("content/" ALPHA, "[question 1]\nnl:", many), 0);
    CHECK_INT(fixture_edit("content/" BETA, "kind: memo", "kind: memo\nkind: memo"), 0);
    VtDiag diag = {0};
    VtSource src;
    CHECK_INT(source_parse_dir(&src, "content", &diag), -1);
    CHECK_INT(diag.n, VT_DIAG_FILE_LIMIT + 2); /* 20, the notice, then the next file's error */
    if (diag.n == VT_DIAG_FILE_LIMIT + 2) {
        CHECK_STR(diag.lines[0],
                  "content/documents/alpha.txt:39: unknown field 'x0' in question 1");
        CHECK_STR(diag.lines[VT_DIAG_FILE_LIMIT],
                  "content/documents/alpha.txt: too many errors, not listing more for this file");
        CHECK(strncmp(diag.lines[VT_DIAG_FILE_LIMIT + 1], "content/documents/beta.txt:7:", 29) ==
              0);
    }
    diag_free(&diag);
}

/* Issue 11, item 6: every event with an id seen before was compared with, and reported
 * against, every earlier holder of the id, formatting each message even past the error limit:
 * 20,000 copies of one id took 16.5 s. One error per duplicate now, found by hash. */
static void duplicate_ids_are_reported_once_each(void)
{
    enum { N = 3000 };
    VtBuf tl = {0}, about = {0};
    buf_puts(&about, "[exhibit]\ntitle.nl: T\ntitle.en: T\n");
    for (int i = 0; i < N; i++) {
        buf_printf(&tl, "[event same]\ndate: 2020\ntitle.nl: T\ntitle.en: T\ndoc: a\nitem: "
                        "document\nquote: T\n\n");
        buf_printf(&about, "[intro same]\nheading.nl: H\nheading.en: H\nnl: x\nen: x\n");
    }
    VtBuf fields = {0}; /* and one section with the same field N times */
    buf_puts(&fields, "[event other]\n");
    for (int i = 0; i < N; i++)
        buf_puts(&fields, "date: 2020\n");
    VtSource src;
    memset(&src, 0, sizeof src);
    VtDiag diag = {0};
    source_parse_text(&src, "content", "timeline.txt", tl.data, tl.len, &diag);
    CHECK_INT(diag.total, N - 1);
    CHECK_INT(diag.n, VT_DIAG_FILE_LIMIT + 1); /* the limit, then the notice */
    CHECK_STR(diag.lines[0], "content/timeline.txt:9: duplicate event id 'same' (first on line 1)");
    diag_free(&diag);
    memset(&diag, 0, sizeof diag);
    source_parse_text(&src, "content", "about.txt", about.data, about.len, &diag);
    CHECK_INT(diag.total, N - 1);
    diag_free(&diag);
    memset(&diag, 0, sizeof diag);
    source_parse_text(&src, "content", "timeline.txt", fields.data, fields.len, &diag);
    CHECK_INT(diag.total, N - 1 + 4); /* and the missing titles, doc, item and quote */
    CHECK_STR(diag.lines[0],
              "content/timeline.txt:3: field 'date' given twice in event other (first on line 2)");
    diag_free(&diag);
    source_free(&src);
    buf_free(&tl);
    buf_free(&about);
    buf_free(&fields);
}

/* A FIFO (or device) named like a content file blocked vitrine-pack build forever in fopen(). */
static void special_files_are_errors_not_hangs(void)
{
    fixture_remove("content");
    CHECK_INT(fixture_copy(fixture, "content"), 0);
    CHECK_INT(mkfifo("content/documents/delta.txt", 0600), 0);
    CHECK_INT(unlink("content/timeline.txt"), 0);
    CHECK_INT(mkfifo("content/timeline.txt", 0600), 0);
    VtDiag diag = {0};
    VtSource src;
    CHECK_INT(source_parse_dir(&src, "content", &diag), -1);
    CHECK_INT(diag.n, 2);
    if (diag.n == 2) {
        CHECK_STR(diag.lines[0], "content/documents/delta.txt: not a regular file");
        CHECK_STR(diag.lines[1], "content/timeline.txt: not a regular file");
    }
    diag_free(&diag);
}

int main(int argc, char **argv)
{
    const char *tmp;
    if (fixture_begin(argc, argv, &fixture, &tmp) != 0)
        return 2;
    RUN(valid_fixture_parses_into_the_model);
    RUN(broken_sources_report_exact_lines);
    RUN(error_list_stops_per_file);
    RUN(duplicate_ids_are_reported_once_each);
    RUN(special_files_are_errors_not_hangs);
    fixture_remove(tmp);
    free((char *)fixture);
    return vt_test_finish();
}
