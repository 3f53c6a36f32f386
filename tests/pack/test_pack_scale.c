/*
 * Issue 11, item 4: the validator's cost grows linearly with a pack, counted in work units
 * (SQLite virtual machine steps and bytes of cited text flattened, VtPackCheckWork), never in
 * time. Two generated packs per case, one ten times the other:
 *  - many events quoting one long answer: each cited text is flattened once, not per event
 *    (the old check re-flattened it for every event: 10,000 events took 125 s);
 *  - many documents with their date events: "every document has its date events" is one
 *    indexed pass, not a scan of all events per document (10,000 documents: 21-29 s).
 * And the builder's quote checks (source_link_events): each cited text is flattened once
 * however many timeline events quote it, counted in bytes flattened.
 *
 * usage: test_pack_scale FIXTURE_DIR
 */
#include "buf.h"
#include "pack_check.h"
#include "pack_db.h"
#include "pack_fixture.h"
#include "source_parse.h"
#include "vt_test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *fixture;

/* Runs sql on the pack at path (read-write). Returns 0 or -1 (printed). */
static int pack_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    int rc = sqlite3_open(path, &db) == SQLITE_OK ? sqlite3_exec(db, sql, NULL, NULL, &msg) : -1;
    if (rc != SQLITE_OK)
        fprintf(stderr, "pack_exec: %s\n", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

/* Validates the pack at path; returns its cost, all zero when it is not valid. */
static VtPackCheckWork check_work(const char *path)
{
    VtPackCheckWork w = {0, 0};
    char err[512] = "";
    sqlite3 *db = pack_db_open(path, err, sizeof err);
    int rc = db ? pack_check_db_work(db, err, sizeof err, &w) : -1;
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", path, err);
        w = (VtPackCheckWork){0, 0};
    }
    sqlite3_close(db);
    return w;
}

/* The fixture pack with alpha's answer (the one police-2018 quotes) lengthened by `words`
 * words and n more events quoting it. */
static VtPackCheckWork events_pack(int n, int words, unsigned long long *answer_bytes)
{
    fixture_remove("events.vpack");
    if (fixture_build(fixture, "events.vpack", NULL) != 0)
        return (VtPackCheckWork){0, 0};
    VtBuf sql = {0};
    buf_printf(&sql,
               "UPDATE item SET body_nl = body_nl || ' ' || trim(replace(hex(zeroblob(%d)), "
               "'00', 'woord ')) || ' einde.' WHERE doc_id = 'alpha' AND seq = (SELECT item_seq "
               "FROM event WHERE id = 'police-2018');"
               "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d) "
               "INSERT INTO event SELECT 'extra-' || x, '2018', 'year', 'event', 'Extra', 'Extra', "
               "NULL, NULL, doc_id, item_seq, quote FROM c, event WHERE id = 'police-2018';",
               words, n);
    int rc = pack_exec("events.vpack", buf_str(&sql));
    buf_free(&sql);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    *answer_bytes = 0;
    if (rc == 0 && sqlite3_open("events.vpack", &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT sum(length(CAST(body_nl AS BLOB))) FROM item", -1, &st,
                           NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        *answer_bytes = (unsigned long long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc == 0 ? check_work("events.vpack") : (VtPackCheckWork){0, 0};
}

static void events_quoting_one_answer_cost_linear_work(void)
{
    unsigned long long text_small, text_big;
    VtPackCheckWork small = events_pack(300, 5000, &text_small);
    VtPackCheckWork big = events_pack(3000, 5000, &text_big);
    CHECK(small.vm_steps > 0 && big.vm_steps > 0);
    /* each item's text is flattened about once, however many events quote it */
    CHECK(small.text_bytes < 2 * text_small);
    CHECK(big.text_bytes < 2 * text_big);
    CHECK(big.text_bytes < 2 * small.text_bytes);
    /* ten times the events: at most about ten times the SQL work (linear, with an index's log) */
    printf("events: %llu and %llu VM steps, %llu and %llu text bytes\n", small.vm_steps,
           big.vm_steps, small.text_bytes, big.text_bytes);
    CHECK(big.vm_steps < 14 * small.vm_steps);
    fixture_remove("events.vpack");
}

/* The fixture with n copies of document alpha (each with its submitted and answered event). */
static VtPackCheckWork documents_pack(int n)
{
    fixture_remove("docs");
    if (fixture_copy(fixture, "docs") != 0)
        return (VtPackCheckWork){0, 0};
    size_t len = 0;
    char *alpha = fixture_read("docs/documents/alpha.txt", &len);
    for (int i = 0; alpha && i < n; i++) {
        char path[64], id[32];
        snprintf(path, sizeof path, "docs/documents/copy-%05d.txt", i);
        snprintf(id, sizeof id, "id: copy-%05d\n", i);
        if (fixture_write(path, alpha, len) != 0 || fixture_edit(path, "id: alpha\n", id) != 0)
            return (VtPackCheckWork){0, 0};
    }
    free(alpha);
    fixture_remove("docs.vpack");
    VtPackCheckWork w = {0, 0};
    if (fixture_build("docs", "docs.vpack", NULL) == 0)
        w = check_work("docs.vpack");
    fixture_remove("docs");
    fixture_remove("docs.vpack");
    return w;
}

static void many_documents_cost_linear_work(void)
{
    VtPackCheckWork small = documents_pack(60), big = documents_pack(600);
    printf("documents: %llu and %llu VM steps\n", small.vm_steps, big.vm_steps);
    CHECK(small.vm_steps > 0 && big.vm_steps > 0);
    CHECK(big.vm_steps < 14 * small.vm_steps); /* the old per-document scan: about 60x */
}

/* The fixture's documents and a timeline of n events quoting alpha's answer 2; returns the
 * bytes of cited text source_link_events flattened, 0 when the sources have an error. */
static unsigned long long link_work(int n)
{
    static const char *const docs[] = {"alpha", "beta", "gamma"};
    VtSource src;
    memset(&src, 0, sizeof src);
    VtDiag diag = {0};
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        char path[256], rel[64];
        snprintf(rel, sizeof rel, "documents/%s.txt", docs[i]);
        snprintf(path, sizeof path, "%s/%s", fixture, rel);
        size_t len = 0;
        char *text = fixture_read(path, &len);
        if (text)
            source_parse_text(&src, fixture, rel, text, len, &diag);
        free(text);
    }
    VtBuf tl = {0};
    for (int i = 0; i < n; i++)
        buf_printf(&tl,
                   "[event e-%d]\ndate: 2018\ntitle.nl: T\ntitle.en: T\ndoc: alpha\n"
                   "item: answer 2\nquote: De politie gebruikt de software sinds 2018.\n\n",
                   i);
    source_parse_text(&src, fixture, "timeline.txt", tl.data, tl.len, &diag);
    unsigned long long bytes = 0;
    size_t errors = diag.n + source_link_events(&src, &diag, &bytes);
    for (size_t i = 0; i < diag.n; i++)
        fprintf(stderr, "%s\n", diag.lines[i]);
    CHECK_INT(src.nevents, n);
    buf_free(&tl);
    diag_free(&diag);
    source_free(&src);
    return errors ? 0 : bytes;
}

static void builder_flattens_each_cited_text_once(void)
{
    unsigned long long small = link_work(30), big = link_work(3000);
    printf("builder: %llu and %llu bytes flattened\n", small, big);
    CHECK(small > 0);
    CHECK(big == small); /* flattening per event: 100 times as many */
}

int main(int argc, char **argv)
{
    const char *tmp;
    if (fixture_begin(argc, argv, (const char **)&fixture, &tmp) != 0)
        return 2;
    RUN(events_quoting_one_answer_cost_linear_work);
    RUN(many_documents_cost_linear_work);
    RUN(builder_flattens_each_cited_text_once);
    fixture_remove(tmp);
    free(fixture);
    return vt_test_finish();
}
