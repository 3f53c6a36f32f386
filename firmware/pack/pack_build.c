/*
 * pack_build: one transaction of INSERTs through a tiny varargs helper (insert()), parents
 * before children so foreign keys can be enforced while writing. Documents are written in
 * display order (by first known date, then id); their seq is that position. Rows are inserted
 * in source order everywhere else, which together with VACUUM makes the file reproducible.
 */
#include "pack_build.h"

#include "buf.h"
#include "pack_check.h"
#include "pack_schema.h"

#include <assert.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

typedef struct {
    sqlite3 *db;
    char *err; /* first failure, owned; NULL while all is well */
} VtWriter;

/* Runs one INSERT. `types` has one letter per parameter: 't' text (NULL binds NULL), 'i' int. */
static void insert(VtWriter *w, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st = NULL;
    if (w->err)
        return;
    size_t params = 0;
    for (const char *p = sql; *p; p++)
        params += *p == '?';
    assert(params == strlen(types)); /* the varargs must match the statement */
    (void)params;                    /* only the assertion reads it (NDEBUG builds) */
    int rc = sqlite3_prepare_v2(w->db, sql, -1, &st, NULL);
    va_list ap;
    va_start(ap, types);
    for (int i = 0; rc == SQLITE_OK && types[i]; i++) {
        if (types[i] == 'i') {
            rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int));
        } else {
            const char *s = va_arg(ap, const char *);
            rc = s ? sqlite3_bind_text(st, i + 1, s, -1, SQLITE_STATIC)
                   : sqlite3_bind_null(st, i + 1);
        }
    }
    va_end(ap);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    if (rc != SQLITE_OK) {
        VtBuf b = {0};
        buf_printf(&b, "%s (in: %.60s)", sqlite3_errmsg(w->db), sql);
        w->err = buf_take(&b);
    }
    sqlite3_finalize(st);
}

static void exec(VtWriter *w, const char *sql)
{
    if (!w->err && sqlite3_exec(w->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        w->err = xstrdup(sqlite3_errmsg(w->db));
}

/* The earliest known of a document's dates, NULL when it has none. */
static const char *first_date(const VtSrcDoc *d)
{
    if (d->submitted && d->answered)
        return strcmp(d->submitted, d->answered) <= 0 ? d->submitted : d->answered;
    return d->submitted ? d->submitted : d->answered;
}

static int cmp_docs(const void *a, const void *b)
{
    const VtSrcDoc *x = *(const VtSrcDoc *const *)a, *y = *(const VtSrcDoc *const *)b;
    const char *dx = first_date(x), *dy = first_date(y);
    if (dx && dy && strcmp(dx, dy) != 0)
        return strcmp(dx, dy);
    if (!dx != !dy)
        return dx ? -1 : 1;
    return strcmp(x->id, y->id);
}

static void write_people(VtWriter *w, const VtSrcDoc *d)
{
    static const char *const roles[] = {"asker", "answerer", "author"};
    int seq[3] = {0, 0, 0};
    for (size_t i = 0; i < d->npeople; i++) {
        const VtSrcPerson *p = &d->people[i];
        insert(w, "INSERT INTO person VALUES (?, ?, ?, ?, ?, ?, ?)", "ttitttt", d->id,
               roles[p->role], ++seq[p->role], p->name, p->party, p->function.nl, p->function.en);
    }
}

static void write_items(VtWriter *w, const VtSrcDoc *d)
{
    for (size_t i = 0; i < d->nitems; i++) {
        const VtSrcItem *it = &d->items[i];
        int seq = (int)i + 1;
        const char *sql = it->kind == VT_SRC_ANSWER
                              ? "INSERT INTO item VALUES (?, ?, ?, NULL, ?, ?, ?, ?)"
                              : "INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        if (it->kind == VT_SRC_ANSWER)
            insert(w, sql, "tittttt", d->id, seq, source_kind_name(it->kind), it->heading.nl,
                   it->heading.en, it->body.nl, it->body.en);
        else
            insert(w, sql, "tititttt", d->id, seq, source_kind_name(it->kind), it->number,
                   it->heading.nl, it->heading.en, it->body.nl, it->body.en);
        for (size_t j = 0; j < it->ncovers; j++)
            insert(w, "INSERT INTO answer_cover VALUES (?, ?, ?)", "tii", d->id, seq,
                   it->covers[j]);
        if (it->confidential)
            insert(w, "INSERT INTO confidential VALUES (?, ?, ?)", "tit", d->id, seq,
                   it->confidential);
        for (size_t j = 0; j < it->nnotes; j++) {
            const VtSrcFootnote *fn = &it->notes[j];
            insert(w, "INSERT INTO footnote VALUES (?, ?, ?, ?, ?, ?, ?)", "tiitttt", d->id,
                   fn->number, seq, fn->body.nl, fn->body.en, fn->url,
                   fn->link ? fn->link : fn->url);
        }
    }
}

static void write_curated(VtWriter *w, const VtSrcDoc *d)
{
    if (!d->curated_line)
        return;
    insert(w, "INSERT INTO curated VALUES (?, ?, ?, ?, ?)", "ttttt", d->id, d->headline.nl,
           d->headline.en, d->context.nl, d->context.en);
    for (size_t i = 0; i < d->nhighlights; i++) {
        const VtSrcHighlight *h = &d->highlights[i];
        const char *sql = h->footnote
                              ? "INSERT INTO highlight VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                              : "INSERT INTO highlight VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)";
        if (h->footnote)
            insert(w, sql, "ttiiitttt", d->id, pack_highlight_kinds[h->kind], h->number,
                   h->item_seq, h->footnote, h->quote.nl, h->quote.en, h->attribution.nl,
                   h->attribution.en);
        else
            insert(w, sql, "ttiitttt", d->id, pack_highlight_kinds[h->kind], h->number, h->item_seq,
                   h->quote.nl, h->quote.en, h->attribution.nl, h->attribution.en);
    }
}

static void write_document(VtWriter *w, const VtSrcDoc *d, int seq)
{
    insert(w, "INSERT INTO document VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           "tittttttttttt", d->id, seq, d->kind, d->status, d->source, d->title.nl, d->title.en,
           d->submitted, d->answered, d->addressee.nl, d->addressee.en, d->summary.nl,
           d->summary.en);
    for (size_t i = 0; i < d->nrefs; i++)
        insert(w, "INSERT INTO reference VALUES (?, ?, ?)", "tit", d->id, (int)i + 1, d->refs[i]);
    write_people(w, d);
    write_items(w, d);
    write_curated(w, d);
}

static const char *precision_of(const char *date)
{
    size_t n = strlen(date);
    return n == 4 ? "year" : n == 7 ? "month" : "day";
}

static void write_document_event(VtWriter *w, const VtSrcDoc *d, const char *kind, const char *date)
{
    if (!date)
        return;
    VtSrcText title = pack_build_event_title(d, kind);
    char id[160];
    snprintf(id, sizeof id, "%s/%s", d->id, kind);
    insert(w, "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL)", "ttttttt",
           id, date, precision_of(date), kind, title.nl, title.en, d->id);
    free(title.nl);
    free(title.en);
}

static void write_events(VtWriter *w, const VtSource *src)
{
    for (size_t i = 0; i < src->nevents; i++) {
        const VtSrcEvent *e = &src->events[i];
        const char *sql =
            e->item_seq ? "INSERT INTO event VALUES (?, ?, ?, 'event', ?, ?, ?, ?, ?, ?, ?)"
                        : "INSERT INTO event VALUES (?, ?, ?, 'event', ?, ?, ?, ?, ?, NULL, ?)";
        if (e->item_seq)
            insert(w, sql, "ttttttttit", e->id, e->date, precision_of(e->date), e->title.nl,
                   e->title.en, e->body.nl, e->body.en, e->doc, e->item_seq, e->quote);
        else
            insert(w, sql, "ttttttttt", e->id, e->date, precision_of(e->date), e->title.nl,
                   e->title.en, e->body.nl, e->body.en, e->doc, e->quote);
    }
    for (size_t i = 0; i < src->ndocs; i++) {
        const VtSrcDoc *d = &src->docs[i];
        if (strcmp(d->kind, "memo") == 0) {
            write_document_event(w, d, "memo", d->submitted);
        } else {
            write_document_event(w, d, "submitted", d->submitted);
            write_document_event(w, d, "answered", d->answered);
        }
    }
}

static void write_all(VtWriter *w, const VtSource *src, const char *built)
{
    char pragmas[200];
    snprintf(pragmas, sizeof pragmas,
             "PRAGMA page_size=%d; PRAGMA journal_mode=DELETE; PRAGMA foreign_keys=ON;"
             "PRAGMA application_id=%d; PRAGMA user_version=%d;",
             VT_PACK_PAGE_SIZE, VT_PACK_APPLICATION_ID, VT_PACK_SCHEMA_VERSION);
    exec(w, pragmas);
    exec(w, "BEGIN");
    exec(w, pack_schema_sql);
    insert(w, "INSERT INTO pack VALUES (1, ?, ?, ?, ?, ?, ?)", "ittttt", (int)src->version, built,
           src->title.nl, src->title.en, src->subtitle.nl, src->subtitle.en);
    const VtSrcDoc **order = xmalloc(sizeof *order * (src->ndocs + 1));
    for (size_t i = 0; i < src->ndocs; i++)
        order[i] = &src->docs[i];
    qsort(order, src->ndocs, sizeof *order, cmp_docs);
    for (size_t i = 0; i < src->ndocs; i++)
        write_document(w, order[i], (int)i + 1);
    free(order);
    write_events(w, src);
    for (size_t i = 0; i < src->nintros; i++) {
        const VtSrcIntro *in = &src->intros[i];
        insert(w, "INSERT INTO about VALUES (?, ?, ?, ?, ?, ?)", "ittttt", (int)i + 1, in->id,
               in->heading.nl, in->heading.en, in->body.nl, in->body.en);
    }
    exec(w, "COMMIT");
    exec(w, "VACUUM");
}

/* "A (P), B (P) en C": the askers as a list in one language. */
static void append_askers(VtBuf *b, const VtSrcDoc *d, const char *and_word, const char *unknown)
{
    size_t n = 0, total = 0;
    for (size_t i = 0; i < d->npeople; i++)
        total += d->people[i].role == VT_ROLE_ASKER;
    for (size_t i = 0; i < d->npeople; i++) {
        const VtSrcPerson *p = &d->people[i];
        if (p->role != VT_ROLE_ASKER)
            continue;
        if (n > 0)
            buf_puts(b, n + 1 == total ? and_word : ", ");
        buf_puts(b, p->name ? p->name : unknown);
        if (p->party)
            buf_printf(b, " (%s)", p->party);
        n++;
    }
}

VtSrcText pack_build_event_title(const VtSrcDoc *doc, const char *kind)
{
    VtBuf nl = {0}, en = {0};
    int askers = 0;
    for (size_t i = 0; i < doc->npeople; i++)
        askers |= doc->people[i].role == VT_ROLE_ASKER;
    if (strcmp(kind, "memo") == 0) {
        buf_printf(&nl, "Nota: %s", doc->title.nl);
        buf_printf(&en, "Memo: %s", doc->title.en);
    } else if (strcmp(kind, "submitted") == 0) {
        buf_puts(&nl, askers ? "Kamervragen ingediend door " : "Kamervragen ingediend");
        buf_puts(&en, askers ? "Written questions submitted by " : "Written questions submitted");
    } else {
        buf_puts(&nl, askers ? "Antwoorden op de Kamervragen van " : "Antwoorden op Kamervragen");
        buf_puts(&en, askers ? "Answers to the written questions from "
                             : "Answers to written questions");
    }
    if (strcmp(kind, "memo") != 0) {
        append_askers(&nl, doc, " en ", "onbekend");
        append_askers(&en, doc, " and ", "unknown");
    }
    return (VtSrcText){buf_take(&nl), buf_take(&en)};
}

/* Writes the model into the new, empty file at path. */
static int write_file(const char *path, const VtSource *src, const char *built, char *err,
                      size_t errlen)
{
    VtWriter w = {0};
    if (sqlite3_open_v2(path, &w.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        w.err = xstrdup(w.db ? sqlite3_errmsg(w.db) : "out of memory");
    else
        write_all(&w, src, built);
    if (sqlite3_close(w.db) != SQLITE_OK && !w.err)
        w.err = xstrdup("cannot close the database");
    if (w.err)
        snprintf(err, errlen, "cannot write %s: %s", path, w.err);
    int rc = w.err ? -1 : 0;
    free(w.err);
    return rc;
}

/* Makes the finished file readable like any file the user creates, and durable. */
static int finish_file(const char *path, char *err, size_t errlen)
{
    mode_t mask = umask(0);
    umask(mask);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0) {
        snprintf(err, errlen, "cannot finish %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

int pack_build(const VtSource *src, const char *out_path, const char *built, char *err,
               size_t errlen)
{
    VtBuf tmp = {0};
    buf_printf(&tmp, "%s.XXXXXX", out_path);
    char *path = buf_take(&tmp);
    int fd = mkstemp(path);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a file next to %s: %s", out_path, strerror(errno));
        free(path);
        return -1;
    }
    close(fd);
    char why[512];
    if (write_file(path, src, built, err, errlen) != 0 || finish_file(path, err, errlen) != 0)
        goto fail;
    if (pack_check_path(path, why, sizeof why) != 0) {
        snprintf(err, errlen, "the new pack fails validation (a builder bug): %s", why);
        goto fail;
    }
    if (rename(path, out_path) != 0) {
        snprintf(err, errlen, "cannot rename to %s: %s", out_path, strerror(errno));
        goto fail;
    }
    free(path);
    return 0;
fail:
    unlink(path);
    free(path);
    return -1;
}
