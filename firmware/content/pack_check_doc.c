/*
 * pack_check_doc: the structure of documents, items, footnotes and events. Rules that are one
 * set-based question ("is there an answer covering a missing question?") are SQL; rules that
 * need an ordered walk (numbering 1..n) or text scanning (footnote markers, quotes) are C over
 * one ordered query, so the whole check stays linear in the size of the pack.
 */
#include "buf.h"
#include "pack_check_parts.h"
#include "pack_schema.h"
#include "pack_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MARKERS 32

/* Names an item in a reason: "document x, question 3" or "document x, answer (item 5)". */
static void item_label(char *out, size_t outlen, const char *doc, const char *kind, int seq,
                       int number)
{
    if (strcmp(kind, "answer") == 0)
        snprintf(out, outlen, "document %.64s, answer (item %d)", doc, seq);
    else
        snprintf(out, outlen, "document %.64s, %.16s %d", doc, kind, number);
}

/* Fails with the first row of sql (two text columns) formatted by fmt. */
static int fail_on_row2(sqlite3 *db, const char *sql, const char *fmt, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        pack_check_fail(err, errlen, fmt, pack_check_col(st, 0), pack_check_col(st, 1));
    else if (rc != SQLITE_DONE)
        pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int check_document_row(sqlite3_stmt *st, char *err, size_t errlen)
{
    const char *id = pack_check_col(st, 0), *kind = pack_check_col(st, 1);
    const char *status = pack_check_col(st, 2), *source = pack_check_col(st, 5);
    if (!pack_text_is_id(id))
        return pack_check_fail(err, errlen, "document id '%.64s' is not a valid id", id);
    int questions = strcmp(kind, "questions") == 0, memo = strcmp(kind, "memo") == 0;
    if (!((questions && (strcmp(status, "answered") == 0 || strcmp(status, "awaiting") == 0)) ||
          (memo && strcmp(status, "memo") == 0)))
        return pack_check_fail(err, errlen, "document %s: kind '%.16s' with status '%.16s'", id,
                               kind, status);
    for (int c = 3; c <= 4; c++) {
        if (sqlite3_column_type(st, c) != SQLITE_NULL &&
            pack_text_date(pack_check_col(st, c)) == VT_DATE_BAD)
            return pack_check_fail(err, errlen, "document %s: '%.32s' is not a valid date", id,
                                   pack_check_col(st, c));
    }
    if (strcmp(status, "awaiting") == 0 && sqlite3_column_type(st, 4) != SQLITE_NULL)
        return pack_check_fail(err, errlen,
                               "document %s is awaiting an answer but has an "
                               "answer date",
                               id);
    if (strchr(source, '/') || source[0] == '.' || source[0] == '\0')
        return pack_check_fail(err, errlen, "document %s: source '%.64s' is not a file name", id,
                               source);
    return 0;
}

int pack_check_documents(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT id, kind, status, submitted, answered, source_file "
                                "FROM document ORDER BY seq",
                                -1, &st, NULL);
    int bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        bad = check_document_row(st, err, errlen) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    sqlite3_finalize(st);
    if (bad)
        return -1;
    return fail_on_row2(db,
                        "SELECT d.id, i.seq FROM document d JOIN item i ON i.doc_id = d.id "
                        "AND i.kind = 'answer' WHERE d.status <> 'answered' LIMIT 1",
                        "document %s is not answered but has an answer (item %s)", err, errlen);
}

/* Per-document counters for the ordered walk over items. */
typedef struct {
    char doc[80];
    int seq, question, point, text;
} VtItemWalk;

static int walk_item(VtItemWalk *w, sqlite3_stmt *st, char *err, size_t errlen)
{
    const char *doc = pack_check_col(st, 0), *kind = pack_check_col(st, 2);
    int seq = sqlite3_column_int(st, 1), number = sqlite3_column_int(st, 3);
    if (strcmp(doc, w->doc) != 0) {
        memset(w, 0, sizeof *w);
        snprintf(w->doc, sizeof w->doc, "%s", doc);
    }
    if (seq != ++w->seq)
        return pack_check_fail(err, errlen, "document %.64s: item %d follows item %d", doc, seq,
                               w->seq - 1);
    int *counter = strcmp(kind, "question") == 0 ? &w->question
                   : strcmp(kind, "point") == 0  ? &w->point
                   : strcmp(kind, "text") == 0   ? &w->text
                                                 : NULL;
    if (!counter) {
        if (strcmp(kind, "answer") != 0 || sqlite3_column_type(st, 3) != SQLITE_NULL)
            return pack_check_fail(err, errlen, "document %.64s: item %d has kind '%.16s'", doc,
                                   seq, kind);
        return 0;
    }
    if (number != ++*counter)
        return pack_check_fail(err, errlen,
                               "document %.64s: %s %d where %s %d was expected "
                               "(numbering runs 1..n without gaps)",
                               doc, kind, number, kind, *counter);
    return 0;
}

int pack_check_items(sqlite3 *db, char *err, size_t errlen)
{
    VtItemWalk w = {0};
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT doc_id, seq, kind, number FROM item "
                                "ORDER BY doc_id, seq",
                                -1, &st, NULL);
    int bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        bad = walk_item(&w, st, err, errlen) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    sqlite3_finalize(st);
    return bad ? -1 : 0;
}

int pack_check_covers(sqlite3 *db, char *err, size_t errlen)
{
    if (fail_on_row2(db,
                     "SELECT c.doc_id, c.question FROM answer_cover c WHERE NOT EXISTS "
                     "(SELECT 1 FROM item q WHERE q.doc_id = c.doc_id AND "
                     "q.kind = 'question' AND q.number = c.question) LIMIT 1",
                     "document %s: an answer covers question %s, which does not exist", err,
                     errlen) != 0)
        return -1;
    if (fail_on_row2(db,
                     "SELECT c.doc_id, c.answer_seq FROM answer_cover c JOIN item a ON "
                     "a.doc_id = c.doc_id AND a.seq = c.answer_seq WHERE a.kind <> 'answer' "
                     "LIMIT 1",
                     "document %s: item %s covers questions but is not an answer", err,
                     errlen) != 0)
        return -1;
    if (fail_on_row2(db,
                     "SELECT doc_id, answer_seq FROM answer_cover GROUP BY doc_id, answer_seq "
                     "HAVING count(*) > " VT_PACK_MAX_COVERS_TEXT " LIMIT 1",
                     "document %s: the answer at item %s covers more than " VT_PACK_MAX_COVERS_TEXT
                     " questions",
                     err, errlen) != 0)
        return -1;
    return fail_on_row2(db,
                        "SELECT a.doc_id, a.seq FROM item a WHERE a.kind = 'answer' AND "
                        "NOT EXISTS (SELECT 1 FROM answer_cover c WHERE c.doc_id = a.doc_id "
                        "AND c.answer_seq = a.seq) LIMIT 1",
                        "document %s: the answer at item %s covers no question", err, errlen);
}

/* Returns the first number of a[] that is not in b[], or 0 when there is none. */
static int first_missing(const int *a, int na, const int *b, int nb)
{
    for (int i = 0; i < na; i++) {
        int found = 0;
        for (int j = 0; j < nb; j++)
            found |= a[i] == b[j];
        if (!found)
            return a[i];
    }
    return 0;
}

/* Compares the markers of one item's texts with the footnotes that belong to it. */
static int check_item_notes(sqlite3_stmt *st, sqlite3_stmt *notes, char *err, size_t errlen)
{
    char label[160];
    item_label(label, sizeof label, pack_check_col(st, 0), pack_check_col(st, 2),
               sqlite3_column_int(st, 1), sqlite3_column_int(st, 3));
    int nl[MAX_MARKERS], en[MAX_MARKERS], fn[MAX_MARKERS], nfn = 0;
    int nnl = pack_text_markers(pack_check_col(st, 4), nl, MAX_MARKERS);
    int nen = pack_text_markers(pack_check_col(st, 5), en, MAX_MARKERS);
    sqlite3_reset(notes);
    sqlite3_bind_value(notes, 1, sqlite3_column_value(st, 0));
    sqlite3_bind_int(notes, 2, sqlite3_column_int(st, 1));
    while (sqlite3_step(notes) == SQLITE_ROW && nfn < MAX_MARKERS)
        fn[nfn++] = sqlite3_column_int(notes, 0);
    if (nnl < 0 || nen < 0 || nfn == MAX_MARKERS)
        return pack_check_fail(err, errlen, "%s: too many footnotes", label);
    int n = first_missing(nl, nnl, fn, nfn);
    if (n)
        return pack_check_fail(err, errlen, "%s: marker [^%d] has no footnote of this item", label,
                               n);
    if ((n = first_missing(fn, nfn, nl, nnl)) != 0)
        return pack_check_fail(err, errlen,
                               "%s: footnote %d is not marked [^%d] in the Dutch "
                               "text",
                               label, n, n);
    if ((n = first_missing(fn, nfn, en, nen)) != 0 || (n = first_missing(en, nen, fn, nfn)) != 0)
        return pack_check_fail(err, errlen,
                               "%s: the English text's footnote markers differ "
                               "from the Dutch ([^%d])",
                               label, n);
    return 0;
}

int pack_check_footnotes(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL, *notes = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT number FROM footnote WHERE doc_id = ?1 AND "
                                "item_seq = ?2 ORDER BY number",
                                -1, &notes, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "SELECT doc_id, seq, kind, number, body_nl, body_en "
                                "FROM item ORDER BY doc_id, seq",
                                -1, &st, NULL);
    int bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        bad = check_item_notes(st, notes, err, errlen) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    sqlite3_finalize(st);
    sqlite3_finalize(notes);
    return bad ? -1 : 0;
}

/* Every confidentiality mark is on an answer, in words of that answer's Dutch text. */
int pack_check_confidential(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT c.doc_id, c.item_seq, c.quote, i.kind, i.body_nl "
                                "FROM confidential c LEFT JOIN item i "
                                "ON i.doc_id = c.doc_id AND i.seq = c.item_seq "
                                "ORDER BY c.doc_id, c.item_seq",
                                -1, &st, NULL);
    int bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *doc = pack_check_col(st, 0), *kind = pack_check_col(st, 3);
        int seq = sqlite3_column_int(st, 1);
        if (strcmp(kind, "answer") != 0)
            bad = pack_check_fail(err, errlen,
                                  "document %.64s: confidentiality marked on item %d, which is "
                                  "not an answer",
                                  doc, seq) != 0;
        else if (!pack_text_contains(pack_check_col(st, 4), pack_check_col(st, 2)))
            bad = pack_check_fail(err, errlen,
                                  "document %.64s, answer (item %d): confidential quote not "
                                  "found in the answer",
                                  doc, seq) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    sqlite3_finalize(st);
    return bad ? -1 : 0;
}

/* The texts one event cites, in pack_text_plain() form: the document's title, or an item's body
 * followed by its footnotes. Events are read grouped by what they cite, so each text is
 * flattened once however many events quote it (re-flattening per event made validation
 * quadratic: 10,000 events citing one long answer took 125 s). */
typedef struct {
    char *doc;     /* the cited document's id, NULL when empty */
    long long seq; /* the cited item's seq, 0 for the title */
    char **plain;  /* the flattened texts */
    size_t nplain;
    unsigned long long *bytes; /* work counter: bytes flattened, or NULL */
} VtCited;

static void cited_clear(VtCited *c)
{
    for (size_t i = 0; i < c->nplain; i++)
        free(c->plain[i]);
    free(c->plain);
    free(c->doc);
    c->plain = NULL, c->nplain = 0, c->doc = NULL;
}

static void cited_add(VtCited *c, const char *text)
{
    c->plain = xrealloc(c->plain, sizeof *c->plain * (c->nplain + 1));
    c->plain[c->nplain++] = pack_text_plain(text);
    if (c->bytes)
        *c->bytes += strlen(text);
}

/* Makes c hold what ev cites (column 9: the title; 10: the item's body; its footnotes from
 * the notes statement), unless it already does. */
static void cited_load(VtCited *c, sqlite3_stmt *ev, sqlite3_stmt *notes)
{
    const char *doc = pack_check_col(ev, 4);
    long long seq = sqlite3_column_type(ev, 5) == SQLITE_NULL ? 0 : sqlite3_column_int64(ev, 5);
    if (c->doc && strcmp(c->doc, doc) == 0 && c->seq == seq)
        return;
    cited_clear(c);
    c->doc = xstrdup(doc);
    c->seq = seq;
    if (seq == 0) {
        cited_add(c, pack_check_col(ev, 9));
        return;
    }
    cited_add(c, pack_check_col(ev, 10));
    sqlite3_reset(notes);
    sqlite3_bind_value(notes, 1, sqlite3_column_value(ev, 4));
    sqlite3_bind_value(notes, 2, sqlite3_column_value(ev, 5));
    while (sqlite3_step(notes) == SQLITE_ROW)
        cited_add(c, pack_check_col(notes, 0));
}

/* Returns 1 when quote (in plain form) is in the cited texts from `from` on. */
static int cited_has(const VtCited *c, size_t from, const char *quote)
{
    char *q = pack_text_plain(quote);
    int found = 0;
    for (size_t i = from; q[0] && !found && i < c->nplain; i++)
        found = strstr(c->plain[i], q) != NULL;
    free(q);
    return found;
}

/* An event of the curators' timeline: a valid id and a quote found in what it cites. */
static int check_curated_event(sqlite3_stmt *ev, VtCited *cited, sqlite3_stmt *notes, char *err,
                               size_t errlen)
{
    const char *id = pack_check_col(ev, 0), *quote = pack_check_col(ev, 6);
    if (!pack_text_is_id(id))
        return pack_check_fail(err, errlen, "event id '%.64s' is not a valid id", id);
    if (sqlite3_column_type(ev, 6) == SQLITE_NULL)
        return pack_check_fail(err, errlen, "event %s has no quote", id);
    if (sqlite3_column_type(ev, 5) != SQLITE_NULL && sqlite3_column_type(ev, 10) == SQLITE_NULL)
        return pack_check_fail(err, errlen,
                               "event %s cites item %d of document %.64s, which "
                               "does not exist",
                               id, sqlite3_column_int(ev, 5), pack_check_col(ev, 4));
    cited_load(cited, ev, notes);
    if (sqlite3_column_type(ev, 5) == SQLITE_NULL) {
        if (!cited_has(cited, 0, quote))
            return pack_check_fail(err, errlen,
                                   "event %s: quote not found in the title of "
                                   "document %.64s",
                                   id, pack_check_col(ev, 4));
        return 0;
    }
    if (!cited_has(cited, 0, quote))
        return pack_check_fail(err, errlen,
                               "event %s: quote not found in item %d of document "
                               "%.64s",
                               id, sqlite3_column_int(ev, 5), pack_check_col(ev, 4));
    return 0;
}

/* An event the builder added from a document's own date: it must repeat that date. */
static int check_document_event(sqlite3_stmt *ev, char *err, size_t errlen)
{
    const char *id = pack_check_col(ev, 0), *kind = pack_check_col(ev, 3);
    const char *doc = pack_check_col(ev, 4), *doc_kind = pack_check_col(ev, 11);
    char want_id[160];
    snprintf(want_id, sizeof want_id, "%s/%s", doc, kind);
    if (strcmp(id, want_id) != 0)
        return pack_check_fail(err, errlen, "event %.64s should be called %s", id, want_id);
    int memo = strcmp(kind, "memo") == 0;
    if (memo != (strcmp(doc_kind, "memo") == 0))
        return pack_check_fail(err, errlen, "event %s does not fit a document of kind %.16s", id,
                               doc_kind);
    int col = strcmp(kind, "answered") == 0 ? 8 : 7;
    if (sqlite3_column_type(ev, 5) != SQLITE_NULL || sqlite3_column_type(ev, 6) != SQLITE_NULL ||
        strcmp(pack_check_col(ev, 1), pack_check_col(ev, col)) != 0)
        return pack_check_fail(err, errlen, "event %s does not match document %.64s", id, doc);
    return 0;
}

static int check_event(sqlite3_stmt *ev, VtCited *cited, sqlite3_stmt *notes, char *err,
                       size_t errlen)
{
    const char *id = pack_check_col(ev, 0), *date = pack_check_col(ev, 1);
    const char *precision = pack_text_precision_name(pack_text_date(date));
    if (!precision)
        return pack_check_fail(err, errlen, "event %.64s: '%.32s' is not a valid date", id, date);
    if (strcmp(precision, pack_check_col(ev, 2)) != 0)
        return pack_check_fail(err, errlen,
                               "event %.64s: precision '%.16s' does not match date "
                               "%s",
                               id, pack_check_col(ev, 2), date);
    if (sqlite3_column_type(ev, 9) == SQLITE_NULL)
        return pack_check_fail(err, errlen, "event %.64s cites unknown document %.64s", id,
                               pack_check_col(ev, 4));
    if (strcmp(pack_check_col(ev, 3), "event") == 0)
        return check_curated_event(ev, cited, notes, err, errlen);
    return check_document_event(ev, err, errlen);
}

static int check_event_rows(sqlite3 *db, unsigned long long *text_bytes, char *err, size_t errlen)
{
    sqlite3_stmt *ev = NULL, *notes = NULL;
    VtCited cited = {.bytes = text_bytes};
    int rc = sqlite3_prepare_v2(db,
                                "SELECT body_nl FROM footnote WHERE doc_id = ?1 AND "
                                "item_seq = ?2 ORDER BY number",
                                -1, &notes, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "SELECT e.id, e.date, e.precision, e.kind, e.doc_id, "
                                "e.item_seq, e.quote, d.submitted, d.answered, d.title_nl, "
                                "i.body_nl, d.kind FROM event e "
                                "LEFT JOIN document d ON d.id = e.doc_id "
                                "LEFT JOIN item i ON i.doc_id = e.doc_id AND "
                                "i.seq = e.item_seq ORDER BY e.doc_id, e.item_seq, e.id",
                                -1, &ev, NULL);
    int bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(ev)) == SQLITE_ROW) {
        bad = check_event(ev, &cited, notes, err, errlen) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    cited_clear(&cited);
    sqlite3_finalize(ev);
    sqlite3_finalize(notes);
    return bad ? -1 : 0;
}

int pack_check_events(sqlite3 *db, unsigned long long *text_bytes, char *err, size_t errlen)
{
    if (check_event_rows(db, text_bytes, err, errlen) != 0)
        return -1;
    /* One pass: the (document, kind) pairs of the events are collected once and looked up
     * through an index SQLite builds for the join, not scanned again for every document (a
     * NOT EXISTS or a row-value NOT IN here is a scan of all events per document). */
    return fail_on_row2(db,
                        "SELECT d.id, k.kind FROM document d JOIN (SELECT 'submitted' AS "
                        "kind, 'questions' AS doc_kind UNION ALL SELECT 'answered', "
                        "'questions' UNION ALL SELECT 'memo', 'memo') k ON "
                        "k.doc_kind = d.kind LEFT JOIN (SELECT DISTINCT doc_id, kind FROM "
                        "event) e ON e.doc_id = d.id AND e.kind = k.kind WHERE (CASE k.kind "
                        "WHEN 'answered' THEN d.answered ELSE d.submitted END) IS NOT NULL "
                        "AND e.doc_id IS NULL LIMIT 1",
                        "document %s has no %s event on the timeline", err, errlen);
}
