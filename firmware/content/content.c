/*
 * content: reads a validated pack into VtContent with a handful of whole-table queries.
 *
 * Validation (pack_check_db) runs before any row is read, so the readers below can rely on the
 * schema's promises: foreign keys hold, numbering is dense, every text has both languages.
 * Items are read per document in seq order; footnotes are attached to the item that references
 * them; events are resolved from (doc_id, item_seq) to array indices once, here, so screens
 * never search.
 */
#include "content.h"

#include "buf.h"
#include "pack_check.h"
#include "pack_schema.h"
#include "pack_db.h"
#include "content_read.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *content_col_str(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    return s ? xstrdup((const char *)s) : NULL;
}

void content_col_text(sqlite3_stmt *st, int col, VtText *t)
{
    t->s[VT_LANG_NL] = content_col_str(st, col);
    t->s[VT_LANG_EN] = content_col_str(st, col + 1);
}

void content_text_free(VtText *t)
{
    free(t->s[0]);
    free(t->s[1]);
}

const char *text_get(const VtText *t, VtLang lang)
{
    if (t->s[lang])
        return t->s[lang];
    if (t->s[!lang])
        return t->s[!lang];
    return "";
}

/* Prepares sql with one optional text parameter; returns NULL and fills err on failure. */
sqlite3_stmt *content_prepare(sqlite3 *db, const char *sql, const char *arg, char *err,
                              size_t errlen)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "pack query failed: %s", sqlite3_errmsg(db));
        return NULL;
    }
    if (arg)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    return st;
}

static int read_people(sqlite3 *db, VtDoc *d, const char *role, VtPerson **out, int *n, char *err,
                       size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(db,
                                       "SELECT name, party, function_nl, function_en FROM person "
                                       "WHERE doc_id = ?1 AND role = ?2 ORDER BY seq",
                                       d->id, err, errlen);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
        VtPerson *p = &(*out)[(*n)++];
        p->name = content_col_str(st, 0);
        p->party = content_col_str(st, 1);
        content_col_text(st, 2, &p->function);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;
    return 0;
}

static int read_refs(sqlite3 *db, VtDoc *d, char *err, size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(
        db, "SELECT ref FROM reference WHERE doc_id = ?1 ORDER BY seq", d->id, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        d->refs = xrealloc(d->refs, sizeof *d->refs * (size_t)(d->nrefs + 1));
        d->refs[d->nrefs++] = content_col_str(st, 0);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;
    return 0;
}

static VtItemKind item_kind(const char *s)
{
    int k = pack_vocab_find(pack_item_kinds, VT_PACK_ITEM_KINDS, s);
    return k < 0 ? VT_ITEM_TEXT : (VtItemKind)k; /* validated: never -1 here */
}

int content_find_item(const VtDoc *d, int seq)
{
    for (int i = 0; i < d->nitems; i++)
        if (d->items[i].seq == seq)
            return i;
    return -1;
}

static int read_items(sqlite3 *db, VtDoc *d, char *err, size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(
        db,
        "SELECT seq, kind, number, heading_nl, heading_en, body_nl, body_en FROM item "
        "WHERE doc_id = ?1 ORDER BY seq",
        d->id, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        d->items = xrealloc(d->items, sizeof *d->items * (size_t)(d->nitems + 1));
        VtItem *it = &d->items[d->nitems++];
        memset(it, 0, sizeof *it);
        it->seq = sqlite3_column_int(st, 0);
        it->kind = item_kind((const char *)sqlite3_column_text(st, 1));
        it->number = sqlite3_column_int(st, 2);
        content_col_text(st, 3, &it->heading);
        content_col_text(st, 5, &it->body);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;

    st = content_prepare(db,
                         "SELECT answer_seq, question FROM answer_cover WHERE doc_id = ?1 "
                         "ORDER BY answer_seq, question",
                         d->id, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = content_find_item(d, sqlite3_column_int(st, 0));
        if (i < 0)
            continue;
        VtItem *it = &d->items[i];
        it->covers = xrealloc(it->covers, sizeof *it->covers * (size_t)(it->ncovers + 1));
        it->covers[it->ncovers++] = sqlite3_column_int(st, 1);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;

    st = content_prepare(db,
                         "SELECT item_seq, number, body_nl, body_en, url, link FROM footnote "
                         "WHERE doc_id = ?1 ORDER BY number",
                         d->id, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = content_find_item(d, sqlite3_column_int(st, 0));
        if (i < 0)
            continue;
        VtItem *it = &d->items[i];
        it->notes = xrealloc(it->notes, sizeof *it->notes * (size_t)(it->nnotes + 1));
        VtFootnote *fn = &it->notes[it->nnotes++];
        fn->number = sqlite3_column_int(st, 1);
        content_col_text(st, 2, &fn->body);
        fn->url = content_col_str(st, 4);
        fn->link = content_col_str(st, 5);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;

    st = content_prepare(db, "SELECT item_seq, quote FROM confidential WHERE doc_id = ?1", d->id,
                         err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = content_find_item(d, sqlite3_column_int(st, 0));
        if (i >= 0 && !d->items[i].confidential)
            d->items[i].confidential = content_col_str(st, 1);
    }
    return pack_db_rows_done(st, rc, err, errlen);
}

static VtStatus doc_status(const char *s)
{
    int k = pack_vocab_find(pack_doc_statuses, VT_PACK_DOC_STATUSES, s);
    return k < 0 ? VT_STATUS_ANSWERED : (VtStatus)k;
}

static int read_docs(sqlite3 *db, VtContent *c, char *err, size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(
        db,
        "SELECT id, kind, status, source_file, title_nl, title_en, addressee_nl, addressee_en, "
        "summary_nl, summary_en, submitted, answered FROM document ORDER BY seq",
        NULL, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        c->docs = xrealloc(c->docs, sizeof *c->docs * (size_t)(c->ndocs + 1));
        VtDoc *d = &c->docs[c->ndocs++];
        memset(d, 0, sizeof *d);
        d->id = content_col_str(st, 0);
        d->is_memo = !strcmp((const char *)sqlite3_column_text(st, 1), "memo");
        d->status = doc_status((const char *)sqlite3_column_text(st, 2));
        d->source_file = content_col_str(st, 3);
        content_col_text(st, 4, &d->title);
        content_col_text(st, 6, &d->addressee);
        content_col_text(st, 8, &d->summary);
        d->submitted = content_col_str(st, 10);
        d->answered = content_col_str(st, 11);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;
    for (int i = 0; i < c->ndocs; i++) {
        VtDoc *d = &c->docs[i];
        if (read_refs(db, d, err, errlen) || read_items(db, d, err, errlen) ||
            read_people(db, d, "asker", &d->askers, &d->naskers, err, errlen) ||
            read_people(db, d, "answerer", &d->answerers, &d->nanswerers, err, errlen) ||
            read_people(db, d, "author", &d->authors, &d->nauthors, err, errlen) ||
            content_read_curated(db, d, err, errlen))
            return -1;
    }
    return 0;
}

static VtEventKind event_kind(const char *s)
{
    int k = pack_vocab_find(pack_event_kinds, VT_PACK_EVENT_KINDS, s);
    return k < 0 ? VT_EVENT_EVENT : (VtEventKind)k;
}

static VtPrecision precision_of(const char *s)
{
    int k = pack_vocab_find(pack_precisions, VT_PACK_PRECISIONS, s);
    return k < 0 ? VT_PREC_YEAR : (VtPrecision)k;
}

static int read_events(sqlite3 *db, VtContent *c, char *err, size_t errlen)
{
    int rc;
    /* Same-date events keep a stable order: earlier mentions first, document dates after. */
    sqlite3_stmt *st = content_prepare(
        db,
        "SELECT id, date, precision, kind, title_nl, title_en, body_nl, body_en, doc_id, "
        "item_seq, quote FROM event ORDER BY date, kind = 'event' DESC, id",
        NULL, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int doc = content_find_doc(c, (const char *)sqlite3_column_text(st, 8));
        if (doc < 0)
            continue; /* cannot happen after pack_check_db; never index with -1 */
        c->events = xrealloc(c->events, sizeof *c->events * (size_t)(c->nevents + 1));
        VtEvent *e = &c->events[c->nevents++];
        e->id = content_col_str(st, 0);
        e->date = content_col_str(st, 1);
        e->precision = precision_of((const char *)sqlite3_column_text(st, 2));
        e->kind = event_kind((const char *)sqlite3_column_text(st, 3));
        content_col_text(st, 4, &e->title);
        content_col_text(st, 6, &e->body);
        e->doc = doc;
        e->item = sqlite3_column_type(st, 9) == SQLITE_NULL
                      ? -1
                      : content_find_item(&c->docs[doc], sqlite3_column_int(st, 9));
        e->quote = content_col_str(st, 10);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;
    return 0;
}

static int read_about(sqlite3 *db, VtContent *c, char *err, size_t errlen)
{
    int rc;
    sqlite3_stmt *st = content_prepare(db,
                                       "SELECT id, heading_nl, heading_en, body_nl, body_en "
                                       "FROM about ORDER BY seq",
                                       NULL, err, errlen);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        c->about = xrealloc(c->about, sizeof *c->about * (size_t)(c->nabout + 1));
        VtAbout *a = &c->about[c->nabout++];
        a->id = content_col_str(st, 0);
        content_col_text(st, 1, &a->heading);
        content_col_text(st, 3, &a->body);
    }
    if (pack_db_rows_done(st, rc, err, errlen) != 0)
        return -1;
    return 0;
}

static int read_pack(sqlite3 *db, VtContent *c, char *err, size_t errlen)
{
    sqlite3_stmt *st = content_prepare(db,
                                       "SELECT version, built, title_nl, title_en, subtitle_nl, "
                                       "subtitle_en FROM pack",
                                       NULL, err, errlen);
    if (!st)
        return -1;
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        /* pack_check_db() held it to 1..VT_PACK_VERSION_MAX; never truncate silently */
        sqlite3_int64 v = sqlite3_column_int64(st, 0);
        c->version = v >= 1 && v <= VT_PACK_VERSION_MAX ? (int)v : 0;
        c->built = content_col_str(st, 1);
        content_col_text(st, 2, &c->title);
        content_col_text(st, 4, &c->subtitle);
        rc = 0;
    } else {
        snprintf(err, errlen, "pack has no pack row");
    }
    sqlite3_finalize(st);
    return rc;
}

int content_load(VtContent *out, const char *path, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    sqlite3 *db = pack_db_open(path, err, errlen);
    if (!db)
        return -1;
    int rc = -1;
    /* One read transaction around checking and reading: what was validated is what is read. */
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot read pack: %s", sqlite3_errmsg(db));
        goto done;
    }
    if (pack_check_db(db, err, errlen) != 0)
        goto done;
    if (read_pack(db, out, err, errlen) || read_docs(db, out, err, errlen) ||
        read_events(db, out, err, errlen) || read_about(db, out, err, errlen))
        goto done;
    rc = 0;
done:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
    if (rc != 0)
        content_free(out);
    return rc;
}

static void people_free(VtPerson *p, int n)
{
    for (int i = 0; i < n; i++) {
        free(p[i].name);
        free(p[i].party);
        content_text_free(&p[i].function);
    }
    free(p);
}

static void doc_free(VtDoc *d)
{
    free(d->id);
    free(d->source_file);
    content_text_free(&d->title);
    content_text_free(&d->addressee);
    content_text_free(&d->summary);
    free(d->submitted);
    free(d->answered);
    for (int i = 0; i < d->nrefs; i++)
        free(d->refs[i]);
    free(d->refs);
    people_free(d->askers, d->naskers);
    people_free(d->answerers, d->nanswerers);
    people_free(d->authors, d->nauthors);
    for (int i = 0; i < d->nitems; i++) {
        VtItem *it = &d->items[i];
        content_text_free(&it->heading);
        content_text_free(&it->body);
        free(it->covers);
        free(it->confidential);
        for (int k = 0; k < it->nnotes; k++) {
            content_text_free(&it->notes[k].body);
            free(it->notes[k].url);
            free(it->notes[k].link);
        }
        free(it->notes);
    }
    free(d->items);
    content_curated_free(d);
}

void content_free(VtContent *c)
{
    free(c->built);
    content_text_free(&c->title);
    content_text_free(&c->subtitle);
    for (int i = 0; i < c->ndocs; i++)
        doc_free(&c->docs[i]);
    free(c->docs);
    for (int i = 0; i < c->nevents; i++) {
        VtEvent *e = &c->events[i];
        free(e->id);
        free(e->date);
        content_text_free(&e->title);
        content_text_free(&e->body);
        free(e->quote);
    }
    free(c->events);
    for (int i = 0; i < c->nabout; i++) {
        free(c->about[i].id);
        content_text_free(&c->about[i].heading);
        content_text_free(&c->about[i].body);
    }
    free(c->about);
    memset(c, 0, sizeof *c);
}

int content_find_doc(const VtContent *c, const char *id)
{
    for (int i = 0; id && i < c->ndocs; i++)
        if (!strcmp(c->docs[i].id, id))
            return i;
    return -1;
}

int content_answer_for(const VtDoc *doc, int q)
{
    for (int i = 0; i < doc->nitems; i++)
        for (int k = 0; k < doc->items[i].ncovers; k++)
            if (doc->items[i].covers[k] == q)
                return i;
    return -1;
}
