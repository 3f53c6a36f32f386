/*
 * content_curated: the loader's half of the curated layer: a document's headline and context
 * and its highlights (key sentences and hooks), read after the document's items so that a
 * highlight points at an item index, and the attribution of each hook. A hook shown on the
 * attract poster must say who says it and when; the pack stores the curator's attribution only
 * where the document cannot tell (a newspaper headline quoted in a footnote), so the rest is
 * composed here, in both languages, from nothing but the document's own people and dates: a
 * name, party, function or date the pack does not hold is left out or written as unknown,
 * never guessed.
 */
#include "buf.h"
#include "content_read.h"
#include "pack_db.h"
#include "pack_schema.h"

#include <stdlib.h>
#include <string.h>

/* "A (P) en B (P)": people with party (askers) or function (others), in one language. */
static void append_people(VtBuf *b, const VtPerson *p, int n, int askers, VtLang lang)
{
    for (int i = 0; i < n; i++) {
        if (i > 0)
            buf_puts(b, i + 1 == n ? (lang == VT_LANG_NL ? " en " : " and ") : ", ");
        const char *extra = askers ? p[i].party : p[i].function.s[lang];
        if (p[i].name && extra)
            buf_printf(b, "%s (%s)", p[i].name, extra);
        else if (p[i].name || extra)
            buf_puts(b, p[i].name ? p[i].name : extra);
        else
            buf_puts(b, lang == VT_LANG_NL ? "onbekend" : "unknown");
    }
}

static void compose(const VtDoc *d, const VtItem *it, VtLang lang, VtBuf *b)
{
    static const char *const words[2][4] = {
        {"Vraag van ", "Antwoord van ", "Nota", "Uit: "},
        {"Question from ", "Answer from ", "Memo", "From: "},
    };
    const char *date = NULL;
    if (it->kind == VT_ITEM_QUESTION && d->naskers) {
        buf_puts(b, words[lang][0]);
        append_people(b, d->askers, d->naskers, 1, lang);
        date = d->submitted;
    } else if (it->kind == VT_ITEM_ANSWER && d->nanswerers) {
        buf_puts(b, words[lang][1]);
        append_people(b, d->answerers, d->nanswerers, 0, lang);
        date = d->answered;
    } else if (d->is_memo) {
        buf_puts(b, words[lang][2]);
        if (d->nauthors)
            buf_puts(b, ", ");
        append_people(b, d->authors, d->nauthors, 0, lang);
        date = d->submitted;
    } else {
        buf_puts(b, words[lang][3]);
        buf_puts(b, text_get(&d->title, lang));
        return; /* the title carries no date of its own */
    }
    char when[64];
    if (date)
        buf_printf(b, ", %s", date_format(date, lang, when, sizeof when));
    else
        buf_puts(b, lang == VT_LANG_NL ? ", datum onbekend" : ", date unknown");
}

void content_attribution(const VtDoc *doc, int item, VtText *out)
{
    for (int lang = 0; lang < VT_LANG_COUNT; lang++) {
        VtBuf b = {0};
        buf_puts(&b, "");
        if (item >= 0 && item < doc->nitems)
            compose(doc, &doc->items[item], (VtLang)lang, &b);
        out->s[lang] = buf_take(&b);
    }
}

static int read_highlights(sqlite3 *db, VtDoc *d, char *err, size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(db,
                                       "SELECT kind, item_seq, footnote, quote_nl, quote_en, "
                                       "attribution_nl, attribution_en FROM highlight "
                                       "WHERE doc_id = ?1 ORDER BY kind = 'hook', seq",
                                       d->id, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int k = pack_vocab_find(pack_highlight_kinds, VT_PACK_HIGHLIGHT_KINDS,
                                (const char *)sqlite3_column_text(st, 0));
        int item = content_find_item(d, sqlite3_column_int(st, 1));
        if (k < 0 || item < 0)
            continue; /* cannot happen after pack_check_db */
        VtHighlight **v = &d->highlights[k];
        *v = xrealloc(*v, sizeof **v * (size_t)(d->nhighlights[k] + 1));
        VtHighlight *h = &(*v)[d->nhighlights[k]++];
        memset(h, 0, sizeof *h);
        h->item = item;
        h->footnote = sqlite3_column_int(st, 2);
        content_col_text(st, 3, &h->quote);
        content_col_text(st, 5, &h->attribution);
        h->curator_attribution = h->attribution.s[VT_LANG_NL] != NULL;
        if (k == VT_HIGHLIGHT_HOOK && !h->curator_attribution)
            content_attribution(d, item, &h->attribution);
    }
    return pack_db_rows_done(st, rc, err, errlen);
}

int content_read_curated(sqlite3 *db, VtDoc *d, char *err, size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(db,
                                       "SELECT headline_nl, headline_en, context_nl, context_en "
                                       "FROM curated WHERE doc_id = ?1",
                                       d->id, err, errlen);
    if (!st)
        return -1;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        content_col_text(st, 0, &d->headline);
        content_col_text(st, 2, &d->context);
        rc = sqlite3_step(st);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;
    return read_highlights(db, d, err, errlen);
}

void content_curated_free(VtDoc *d)
{
    content_text_free(&d->headline);
    content_text_free(&d->context);
    for (int k = 0; k < VT_HIGHLIGHT_KINDS; k++) {
        for (int i = 0; i < d->nhighlights[k]; i++) {
            content_text_free(&d->highlights[k][i].quote);
            content_text_free(&d->highlights[k][i].attribution);
        }
        free(d->highlights[k]);
    }
}
