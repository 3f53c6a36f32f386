/*
 * pack_check_curated: the curated layer of a pack (tables curated and highlight). The builder
 * checks the same rules against the source files with line numbers; they are checked again here
 * because a pack is untrusted input, and above all so that a hand-edited pack cannot make the
 * kiosk highlight, or put on the attract poster, words the source does not contain: every
 * quote must be found, in its compared form (pack_text_plain), in the Dutch and the English of
 * the item or footnote it cites. Limits and kinds come from pack_vocab.c, shared with the
 * parser and the loader. One ordered query walks the highlights, so the check is linear.
 */
#include "pack_check_parts.h"
#include "pack_schema.h"
#include "pack_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int words_fail(const char *doc, const char *what, int n, int min, int max, char *err,
                      size_t errlen)
{
    if (n >= min && n <= max)
        return 0;
    return pack_check_fail(err, errlen, "document %.64s: %s has %d words, not %d to %d", doc, what,
                           n, min, max);
}

static int check_curated_row(sqlite3_stmt *st, char *err, size_t errlen)
{
    const char *doc = pack_check_col(st, 0);
    int keys = sqlite3_column_int(st, 5), hooks = sqlite3_column_int(st, 6);
    if (words_fail(doc, "headline_nl", pack_text_words(pack_check_col(st, 1)), 1,
                   VT_PACK_HEADLINE_MAX_WORDS, err, errlen) ||
        words_fail(doc, "headline_en", pack_text_words(pack_check_col(st, 2)), 1,
                   VT_PACK_HEADLINE_MAX_WORDS, err, errlen) ||
        words_fail(doc, "context_nl", pack_text_words(pack_check_col(st, 3)),
                   VT_PACK_CONTEXT_MIN_WORDS, VT_PACK_CONTEXT_MAX_WORDS, err, errlen) ||
        words_fail(doc, "context_en", pack_text_words(pack_check_col(st, 4)),
                   VT_PACK_CONTEXT_MIN_WORDS, VT_PACK_CONTEXT_MAX_WORDS, err, errlen))
        return -1;
    int count[VT_PACK_HIGHLIGHT_KINDS] = {keys, hooks};
    for (int k = 0; k < VT_PACK_HIGHLIGHT_KINDS; k++) {
        const VtPackHighlightRule *r = &pack_highlight_rules[k];
        if (count[k] < r->min || count[k] > r->max)
            return pack_check_fail(err, errlen, "document %.64s has %d of kind %s, not %d to %d",
                                   doc, count[k], pack_highlight_kinds[k], r->min, r->max);
    }
    return 0;
}

static int check_curated_rows(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT c.doc_id, headline_nl, headline_en, context_nl, "
                                "context_en, (SELECT count(*) FROM highlight h WHERE h.doc_id = "
                                "c.doc_id AND kind = 'key'), (SELECT count(*) FROM highlight h "
                                "WHERE h.doc_id = c.doc_id AND kind = 'hook') FROM curated c "
                                "ORDER BY c.doc_id",
                                -1, &st, NULL);
    int bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        bad = check_curated_row(st, err, errlen) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    sqlite3_finalize(st);
    return bad ? -1 : 0;
}

/* Whether quote is in text, counting the bytes flattened. */
static int contains(const char *text, const char *quote, unsigned long long *text_bytes)
{
    if (text_bytes)
        *text_bytes += strlen(text) + strlen(quote);
    return pack_text_contains(text, quote);
}

/* Columns: 0 doc_id, 1 kind, 2 seq, 3 item_seq, 4 footnote, 5 quote_nl, 6 quote_en,
 * 7 item body_nl, 8 item body_en, 9 footnote body_nl, 10 footnote body_en, 11 footnote item. */
static int check_highlight(sqlite3_stmt *st, int expect_seq, unsigned long long *text_bytes,
                           char *err, size_t errlen)
{
    const char *doc = pack_check_col(st, 0), *kind = pack_check_col(st, 1);
    int k = pack_vocab_find(pack_highlight_kinds, VT_PACK_HIGHLIGHT_KINDS, kind);
    int seq = sqlite3_column_int(st, 2);
    char label[128];
    snprintf(label, sizeof label, "document %.64s, %.16s %d", doc, kind, seq);
    if (k < 0)
        return pack_check_fail(err, errlen, "%s: not a highlight kind", label);
    if (seq != expect_seq)
        return pack_check_fail(err, errlen, "%s: numbering must run 1..n (expected %d)", label,
                               expect_seq);
    if (sqlite3_column_type(st, 7) == SQLITE_NULL)
        return pack_check_fail(err, errlen, "%s cites item %d, which does not exist", label,
                               sqlite3_column_int(st, 3));
    int note = sqlite3_column_type(st, 4) != SQLITE_NULL;
    if (note && (sqlite3_column_type(st, 9) == SQLITE_NULL ||
                 sqlite3_column_int(st, 11) != sqlite3_column_int(st, 3)))
        return pack_check_fail(err, errlen, "%s cites footnote %d, which item %d does not have",
                               label, sqlite3_column_int(st, 4), sqlite3_column_int(st, 3));
    const char *nl = pack_check_col(st, note ? 9 : 7), *en = pack_check_col(st, note ? 10 : 8);
    if (!contains(nl, pack_check_col(st, 5), text_bytes))
        return pack_check_fail(err, errlen, "%s: quote_nl is not word for word in its source",
                               label);
    if (!contains(en, pack_check_col(st, 6), text_bytes))
        return pack_check_fail(err, errlen, "%s: quote_en is not word for word in the English",
                               label);
    int max = pack_highlight_rules[k].max_words, n = pack_text_words(pack_check_col(st, 5));
    if (max && n > max)
        return pack_check_fail(err, errlen, "%s has %d words, more than %d", label, n, max);
    return 0;
}

static int check_highlights(sqlite3 *db, unsigned long long *text_bytes, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db,
        "SELECT h.doc_id, h.kind, h.seq, h.item_seq, h.footnote, h.quote_nl, h.quote_en, "
        "i.body_nl, i.body_en, f.body_nl, f.body_en, f.item_seq FROM highlight h "
        "LEFT JOIN item i ON i.doc_id = h.doc_id AND i.seq = h.item_seq "
        "LEFT JOIN footnote f ON f.doc_id = h.doc_id AND f.number = h.footnote "
        "ORDER BY h.doc_id, h.kind, h.seq",
        -1, &st, NULL);
    char last_doc[80] = "", last_kind[20] = "";
    int expect = 1, bad = 0;
    while (!bad && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *doc = pack_check_col(st, 0), *kind = pack_check_col(st, 1);
        if (strcmp(doc, last_doc) != 0 || strcmp(kind, last_kind) != 0)
            expect = 1;
        snprintf(last_doc, sizeof last_doc, "%s", doc);
        snprintf(last_kind, sizeof last_kind, "%s", kind);
        bad = check_highlight(st, expect++, text_bytes, err, errlen) != 0;
        rc = SQLITE_OK;
    }
    if (!bad && rc != SQLITE_DONE)
        bad = pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db)) != 0;
    sqlite3_finalize(st);
    return bad ? -1 : 0;
}

int pack_check_curated(sqlite3 *db, unsigned long long *text_bytes, char *err, size_t errlen)
{
    if (check_highlights(db, text_bytes, err, errlen) != 0)
        return -1;
    return check_curated_rows(db, err, errlen);
}
