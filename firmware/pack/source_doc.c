/*
 * source_doc: a documents/NAME.txt file. Sections are taken in order; [footnote N] attaches to the
 * text, question, answer or point above it. Rules that need the whole file (answers covering
 * questions that exist and are answered once, footnote markers matching footnotes) run after
 * the last section, so their order in the file does not matter beyond what the format demands.
 *
 * A document enters the model even when it has errors, so that a second file with the same id
 * is still reported; a build with any error never reaches the builder.
 */
#include "buf.h"
#include "pack_schema.h"
#include "pack_text.h"
#include "source_rules.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_MARKERS 64

static const VtFieldRule doc_rules[] = {
    {"id", VT_FIELD_REQUIRED},
    {"source", VT_FIELD_REQUIRED},
    {"kind", VT_FIELD_REQUIRED},
    {"status", VT_FIELD_REQUIRED},
    {"title.nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"title.en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"ref", VT_FIELD_REPEAT},
    {"submitted", VT_FIELD_REQUIRED},
    {"answered", VT_FIELD_REQUIRED},
    {"asker", VT_FIELD_REPEAT},
    {"answerer", VT_FIELD_REPEAT},
    {"author", VT_FIELD_REPEAT},
    {"addressee.nl", VT_FIELD_TEXT},
    {"addressee.en", VT_FIELD_TEXT},
    {"summary.nl", VT_FIELD_TEXT},
    {"summary.en", VT_FIELD_TEXT},
    {NULL, 0},
};

#define BODY (VT_FIELD_REQUIRED | VT_FIELD_TEXT | VT_FIELD_MARKERS)

static const VtFieldRule text_rules[] = {
    {"heading.nl", VT_FIELD_TEXT},
    {"heading.en", VT_FIELD_TEXT},
    {"nl", BODY},
    {"en", BODY},
    {NULL, 0},
};

static const VtFieldRule body_rules[] = {{"nl", BODY}, {"en", BODY}, {NULL, 0}};

/* An answer may carry the source's words in which it invokes confidentiality. */
static const VtFieldRule answer_rules[] = {
    {"nl", BODY}, {"en", BODY}, {"confidential", VT_FIELD_TEXT}, {NULL, 0}};

static const VtFieldRule note_rules[] = {
    {"nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"url", VT_FIELD_URL},
    {"link", VT_FIELD_URL},
    {NULL, 0},
};

typedef struct {
    VtParse *p;
    VtSrcDoc *doc;
    int header_line; /* of [document], 0 until seen */
    int last_number[4];
} VtDocParse;

static char *item_label(const VtSrcItem *it, char *out, size_t outlen)
{
    size_t n = (size_t)snprintf(out, outlen, "%s", source_kind_name(it->kind));
    if (it->kind != VT_SRC_ANSWER)
        snprintf(out + n, outlen - n, " %d", it->number);
    for (size_t i = 0; i < it->ncovers && n < outlen; i++)
        n += (size_t)snprintf(out + n, outlen - n, " %d", it->covers[i]);
    return out;
}

/* Reads a date field: a date, "unknown" or (when allowed) "none"; both of those give NULL. */
static char *parse_date(VtParse *p, const VtSrcField *f, int allow_none)
{
    if (!f || strcmp(f->value, "unknown") == 0 || (allow_none && strcmp(f->value, "none") == 0))
        return NULL;
    if (pack_text_date(f->value) == VT_DATE_BAD) {
        source_error(p, f->line, "bad date '%s' in %s: write YYYY-MM-DD, YYYY-MM, YYYY%s", f->value,
                     f->key, allow_none ? ", unknown or none" : " or unknown");
        return NULL;
    }
    return xstrdup(f->value);
}

/* Splits "a | b | c" into at most 3 trimmed parts; returns the count (4 when more). */
static int split_bar(const char *s, char parts[3][256])
{
    int n = 0;
    for (const char *p = s;; n++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (n == 3)
            return 4;
        while (len && p[0] == ' ')
            p++, len--;
        while (len && p[len - 1] == ' ')
            len--;
        snprintf(parts[n], sizeof parts[n], "%.*s", (int)len, p);
        if (!bar)
            return n + 1;
        p = bar + 1;
    }
}

static char *known(const char *s) { return s[0] && strcmp(s, "unknown") ? xstrdup(s) : NULL; }

static void parse_person(VtParse *p, VtSrcDoc *d, const VtSrcField *f, VtSrcRole role)
{
    char parts[3][256];
    int n = split_bar(f->value, parts);
    int ok = parts[0][0] != '\0' && (role == VT_ROLE_ASKER ? n <= 2 : (n == 1 || n == 3));
    if (ok && n == 3)
        ok = parts[1][0] && parts[2][0];
    if (!ok && role == VT_ROLE_ASKER) {
        source_error(p, f->line, "asker must be 'name | party'");
        return;
    }
    if (!ok) {
        source_error(p, f->line, "%s must be 'name | function in Dutch | function in English'",
                     f->key);
        return;
    }
    d->people = xrealloc(d->people, sizeof *d->people * (d->npeople + 1));
    VtSrcPerson *person = &d->people[d->npeople++];
    *person = (VtSrcPerson){.role = role, .name = known(parts[0])};
    if (role == VT_ROLE_ASKER && n == 2)
        person->party = known(parts[1]);
    if (n == 3)
        person->function = (VtSrcText){xstrdup(parts[1]), xstrdup(parts[2])};
}

static int source_exists(VtParse *p, const char *name)
{
    if (strchr(name, '/') || name[0] == '.')
        return 0;
    VtBuf b = {0};
    buf_printf(&b, "%s/sources/%s", p->dir, name);
    struct stat st;
    int ok = stat(buf_str(&b), &st) == 0 && S_ISREG(st.st_mode);
    buf_free(&b);
    return ok;
}

static void check_identity(VtParse *p, const VtSrcSection *s, VtSrcDoc *d)
{
    const VtSrcField *id = source_field(s, "id"), *src = source_field(s, "source");
    if (id && !pack_text_is_id(id->value))
        source_error(p, id->line, "id '%s' must be 1 to 64 lower-case letters, digits and dashes",
                     id->value);
    size_t first = id ? strmap_find(&p->src->doc_ids, id->value) : (size_t)-1;
    if (first != (size_t)-1)
        source_error(p, id->line, "duplicate document id '%s' (first in %s:%d)", id->value,
                     p->src->docs[first].file, p->src->docs[first].line);
    if (src && src->value[0] && !source_exists(p, src->value))
        source_error(p, src->line, "source '%s' is not a file in sources/", src->value);
    d->id = source_value(s, "id");
    d->source = source_value(s, "source");
}

static void check_status(VtParse *p, const VtSrcSection *s, VtSrcDoc *d)
{
    const VtSrcField *kind = source_field(s, "kind"), *status = source_field(s, "status");
    const VtSrcField *answered = source_field(s, "answered");
    if (!kind || !status || !answered)
        return;
    int memo = strcmp(kind->value, "memo") == 0;
    if (!memo && strcmp(kind->value, "questions") != 0)
        source_error(p, kind->line, "kind must be questions or memo, not '%s'", kind->value);
    else if (strcmp(status->value, memo ? "memo" : "answered") != 0 &&
             (memo || strcmp(status->value, "awaiting") != 0))
        source_error(p, status->line, "status must be %s, not '%s'",
                     memo ? "memo for a memo" : "answered or awaiting", status->value);
    else if (strcmp(status->value, "awaiting") == 0 && strcmp(answered->value, "none") != 0)
        source_error(p, answered->line, "a document awaiting an answer has answered: none");
    else if (strcmp(status->value, "answered") == 0 && strcmp(answered->value, "none") == 0)
        source_error(p, answered->line, "answered: none, but status is answered");
    else if (memo && strcmp(answered->value, "none") != 0)
        source_error(p, answered->line, "a memo has answered: none (its own date is submitted)");
    d->kind = xstrdup(kind->value);
    d->status = xstrdup(status->value);
}

static void parse_header(VtDocParse *dp, const VtSrcSection *s)
{
    VtParse *p = dp->p;
    VtSrcDoc *d = dp->doc;
    if (dp->header_line) {
        source_error(p, s->line, "second [document] section (the first is on line %d)",
                     dp->header_line);
        return;
    }
    dp->header_line = d->line = s->line;
    source_check_fields(p, s, "document", doc_rules);
    check_identity(p, s, d);
    check_status(p, s, d);
    d->title = source_text(s, "title.nl", "title.en");
    d->addressee = source_text(s, "addressee.nl", "addressee.en");
    d->summary = source_text(s, "summary.nl", "summary.en");
    d->submitted = parse_date(p, source_field(s, "submitted"), 0);
    d->answered = parse_date(p, source_field(s, "answered"), 1);
    for (size_t i = 0; i < s->nfields; i++) {
        const VtSrcField *f = &s->fields[i];
        if (strcmp(f->key, "ref") == 0) {
            d->refs = xrealloc(d->refs, sizeof *d->refs * (d->nrefs + 1));
            d->refs[d->nrefs++] = xstrdup(f->value);
        } else if (strcmp(f->key, "asker") == 0 || strcmp(f->key, "answerer") == 0 ||
                   strcmp(f->key, "author") == 0) {
            VtSrcRole role = f->key[1] == 's'   ? VT_ROLE_ASKER
                             : f->key[1] == 'n' ? VT_ROLE_ANSWERER
                                                : VT_ROLE_AUTHOR;
            if (f->value[0])
                parse_person(p, d, f, role);
        }
    }
}

static VtSrcItem *push_item(VtSrcDoc *d, VtSrcItemKind kind, const VtSrcSection *s)
{
    d->items = xrealloc(d->items, sizeof *d->items * (d->nitems + 1));
    VtSrcItem *it = &d->items[d->nitems++];
    *it = (VtSrcItem){.kind = kind, .line = s->line};
    it->body = source_text(s, "nl", "en");
    return it;
}

static void parse_numbered(VtDocParse *dp, const VtSrcSection *s, VtSrcItemKind kind)
{
    const char *name = source_kind_name(kind);
    int number = source_number(s->arg);
    if (!number) {
        source_error(dp->p, s->line, "[%s] needs a number, e.g. [%s 1]", name, name);
        return;
    }
    if (number != dp->last_number[kind] + 1)
        source_error(dp->p, s->line, "%s %d out of order (expected %s %d)", name, number, name,
                     dp->last_number[kind] + 1);
    dp->last_number[kind] = number;
    char label[64];
    source_check_fields(dp->p, s, source_label(s, label, sizeof label),
                        kind == VT_SRC_TEXT ? text_rules : body_rules);
    VtSrcItem *it = push_item(dp->doc, kind, s);
    it->number = number;
    if (kind == VT_SRC_TEXT)
        it->heading = source_text(s, "heading.nl", "heading.en");
}

/* A footnote's url stays as the source gives it; what the kiosk links to (its QR code) must
 * open, so a url that does not needs the curator's link:, and a link needs the url it mends. */
static void check_link(VtParse *p, const VtSrcFootnote *fn)
{
    if (fn->link && !fn->url) {
        source_error(p, fn->line, "footnote %d: link: mends a url:, but there is none", fn->number);
        return;
    }
    const char *why = fn->url ? pack_text_link_problem(fn->link ? fn->link : fn->url) : NULL;
    if (why && fn->link)
        source_error(p, fn->line, "footnote %d, link: does not open: %s", fn->number, why);
    else if (why)
        source_error(p, fn->line,
                     "footnote %d, url: does not open as the source gives it (%s); keep url: "
                     "verbatim and add link: with the address that opens",
                     fn->number, why);
}

static void parse_answer(VtDocParse *dp, const VtSrcSection *s)
{
    int covers[VT_PACK_MAX_COVERS], n = 0;
    int ok = s->arg[0] != '\0', many = 0;
    char *args = xstrdup(s->arg), *save = NULL;
    for (char *t = strtok_r(args, " ", &save); t && ok; t = strtok_r(NULL, " ", &save)) {
        many = n == VT_PACK_MAX_COVERS;
        ok = !many && (covers[n++] = source_number(t)) > 0;
    }
    free(args);
    if (many) {
        source_error(dp->p, s->line,
                     "[answer] covers more than " VT_PACK_MAX_COVERS_TEXT " questions");
        return;
    }
    if (!ok) {
        source_error(dp->p, s->line,
                     "[answer] needs the numbers of the questions it answers, "
                     "e.g. [answer 2 3]");
        return;
    }
    char label[64];
    source_check_fields(dp->p, s, source_label(s, label, sizeof label), answer_rules);
    VtSrcItem *it = push_item(dp->doc, VT_SRC_ANSWER, s);
    const VtSrcField *conf = source_field(s, "confidential");
    if (conf && it->body.nl && !pack_text_contains(it->body.nl, conf->value))
        source_error(dp->p, conf->line, "%s: confidential: is not the answer's own words", label);
    else if (conf)
        it->confidential = xstrdup(conf->value);
    it->covers = xmalloc(sizeof *it->covers * (size_t)n);
    memcpy(it->covers, covers, sizeof *covers * (size_t)n);
    it->ncovers = (size_t)n;
}

static void parse_footnote(VtDocParse *dp, const VtSrcSection *s)
{
    VtSrcDoc *d = dp->doc;
    int number = source_number(s->arg);
    if (!number) {
        source_error(dp->p, s->line, "[footnote] needs a number, e.g. [footnote 1]");
        return;
    }
    if (d->nitems == 0) {
        source_error(dp->p, s->line,
                     "footnote %d must follow the text, question, answer or "
                     "point that references it",
                     number);
        return;
    }
    for (size_t i = 0; i < d->nitems; i++) {
        for (size_t j = 0; j < d->items[i].nnotes; j++) {
            if (d->items[i].notes[j].number == number)
                source_error(dp->p, s->line, "duplicate footnote %d (first on line %d)", number,
                             d->items[i].notes[j].line);
        }
    }
    char label[64];
    source_check_fields(dp->p, s, source_label(s, label, sizeof label), note_rules);
    VtSrcItem *it = &d->items[d->nitems - 1];
    it->notes = xrealloc(it->notes, sizeof *it->notes * (it->nnotes + 1));
    VtSrcFootnote *fn = &it->notes[it->nnotes++];
    *fn = (VtSrcFootnote){.number = number,
                          .line = s->line,
                          .url = source_value(s, "url"),
                          .link = source_value(s, "link")};
    fn->body = source_text(s, "nl", "en");
    check_link(dp->p, fn);
}

/* Every covered question exists and is answered once; a document awaiting answers has none. */
static void check_answers(VtParse *p, const VtSrcDoc *d)
{
    int questions = 0;
    for (size_t i = 0; i < d->nitems; i++) {
        if (d->items[i].kind == VT_SRC_QUESTION && d->items[i].number > questions)
            questions = d->items[i].number;
    }
    int *answered_on = xcalloc((size_t)questions + 1, sizeof *answered_on);
    for (size_t i = 0; i < d->nitems; i++) {
        if (d->items[i].kind == VT_SRC_QUESTION)
            answered_on[d->items[i].number] = -1; /* exists, not yet answered */
    }
    for (size_t i = 0; i < d->nitems; i++) {
        const VtSrcItem *it = &d->items[i];
        char label[64];
        item_label(it, label, sizeof label);
        if (it->kind == VT_SRC_ANSWER && d->status && strcmp(d->status, "answered") != 0)
            source_error(p, it->line, "%s: a document with status %s has no answers", label,
                         d->status);
        for (size_t j = 0; j < it->ncovers; j++) {
            int q = it->covers[j];
            if (q > questions || answered_on[q] == 0)
                source_error(p, it->line, "%s covers question %d, which does not exist", label, q);
            else if (answered_on[q] > 0)
                source_error(p, it->line, "question %d is answered twice (also on line %d)", q,
                             answered_on[q]);
            else
                answered_on[q] = it->line;
        }
    }
    free(answered_on);
}

static int has_number(const int *v, int n, int x)
{
    for (int i = 0; i < n; i++) {
        if (v[i] == x)
            return 1;
    }
    return 0;
}

/* The [^N] markers of an item's Dutch and English texts against the footnotes after it. */
static void check_markers(VtParse *p, const VtSrcItem *it)
{
    char label[64];
    item_label(it, label, sizeof label);
    int nl[MAX_MARKERS], en[MAX_MARKERS], notes[MAX_MARKERS], nnotes = 0;
    int nnl = it->body.nl ? pack_text_markers(it->body.nl, nl, MAX_MARKERS) : 0;
    int nen = it->body.en ? pack_text_markers(it->body.en, en, MAX_MARKERS) : 0;
    if (nnl < 0 || nen < 0 || it->nnotes > MAX_MARKERS) {
        source_error(p, it->line, "%s: too many footnotes", label);
        return;
    }
    for (size_t i = 0; i < it->nnotes; i++)
        notes[nnotes++] = it->notes[i].number;
    for (int i = 0; i < nnl; i++) {
        if (!has_number(notes, nnotes, nl[i]))
            source_error(p, it->line,
                         "%s: footnote marker [^%d] has no [footnote %d] after "
                         "this section",
                         label, nl[i], nl[i]);
    }
    for (size_t i = 0; i < it->nnotes; i++) {
        if (it->body.nl && !has_number(nl, nnl, notes[i]))
            source_error(p, it->notes[i].line, "footnote %d is not referenced as [^%d] in %s",
                         notes[i], notes[i], label);
    }
    for (int i = 0; it->body.en && i < nnl; i++) {
        if (has_number(notes, nnotes, nl[i]) && !has_number(en, nen, nl[i]))
            source_error(p, it->line, "%s: the English text lacks footnote marker [^%d]", label,
                         nl[i]);
    }
    for (int i = 0; i < nen; i++) {
        if (!has_number(nl, nnl, en[i]))
            source_error(p, it->line,
                         "%s: the English text has footnote marker [^%d] that the "
                         "Dutch text lacks",
                         label, en[i]);
    }
}

static void parse_section(VtDocParse *dp, const VtSrcSection *s)
{
    static const struct {
        const char *name;
        VtSrcItemKind kind;
    } numbered[] = {{"text", VT_SRC_TEXT}, {"question", VT_SRC_QUESTION}, {"point", VT_SRC_POINT}};
    if (strcmp(s->name, "document") == 0) {
        parse_header(dp, s);
        return;
    }
    if (!dp->header_line) {
        source_error(dp->p, s->line, "a document file starts with [document]");
        dp->header_line = -1; /* report once */
        return;
    }
    for (size_t i = 0; i < sizeof numbered / sizeof numbered[0]; i++) {
        if (strcmp(s->name, numbered[i].name) == 0) {
            parse_numbered(dp, s, numbered[i].kind);
            return;
        }
    }
    if (source_parse_curated(dp->p, dp->doc, s))
        return;
    if (strcmp(s->name, "answer") == 0)
        parse_answer(dp, s);
    else if (strcmp(s->name, "footnote") == 0)
        parse_footnote(dp, s);
    else
        source_error(dp->p, s->line, "unknown section [%s]", s->name);
}

void source_parse_document(VtParse *p, const VtSrcFile *f)
{
    VtSrcDoc doc = {.file = xstrdup(p->file)};
    VtDocParse dp = {.p = p, .doc = &doc};
    for (size_t i = 0; i < f->nsections; i++) {
        const VtSrcSection *s = &f->sections[i];
        if (s->name[0] == '\0')
            source_error(p, s->fields[0].line, "field '%s' comes before the first [section]",
                         s->fields[0].key);
        else
            parse_section(&dp, s);
    }
    if (dp.header_line == 0)
        source_error(p, 0, "no [document] section");
    check_answers(p, &doc);
    for (size_t i = 0; i < doc.nitems; i++)
        check_markers(p, &doc.items[i]);
    source_check_curated(p, &doc, p->errors == 0);
    if (!doc.id) { /* nothing to link to; the errors are reported */
        source_free_doc(&doc);
        return;
    }
    p->src->docs = xrealloc(p->src->docs, sizeof *p->src->docs * (p->src->ndocs + 1));
    p->src->docs[p->src->ndocs++] = doc;
    strmap_add(&p->src->doc_ids, doc.id, p->src->ndocs - 1);
}
