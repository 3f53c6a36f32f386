/*
 * source_timeline: timeline.txt and the links of its events. An event is parsed on its own
 * first; the link to a document section and the quote are checked once every document has been
 * read (source_link_events), because the timeline may cite any of them. The citation is kept as
 * written and also resolved to the item the builder stores ("footnote 2" resolves to the item
 * that references footnote 2, and the quote is then looked for in the footnote).
 */
#include "buf.h"
#include "pack_text.h"
#include "source_parse.h"
#include "source_rules.h"
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const VtFieldRule event_rules[] = {
    {"date", VT_FIELD_REQUIRED},
    {"title.nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"title.en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"doc", VT_FIELD_REQUIRED},
    {"item", VT_FIELD_REQUIRED},
    {"quote", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"nl", VT_FIELD_TEXT},
    {"en", VT_FIELD_TEXT},
    {NULL, 0},
};

static void check_event_date(VtParse *p, const VtSrcSection *s)
{
    const VtSrcField *f = source_field(s, "date");
    if (!f || !f->value[0])
        return;
    if (strcmp(f->value, "unknown") == 0)
        source_error(p, f->line, "an event needs a date; leave out what the sources do not date");
    else if (pack_text_date(f->value) == VT_DATE_BAD)
        source_error(p, f->line, "bad date '%s' in date: write YYYY-MM-DD, YYYY-MM or YYYY",
                     f->value);
}

/* ids: every event id so far, with its index in src->events (keys borrowed from the events). */
static void parse_event(VtParse *p, const VtSrcSection *s, VtStrMap *ids)
{
    VtSource *src = p->src;
    if (!pack_text_is_id(s->arg)) {
        source_error(p, s->line,
                     "[event] needs an id of 1 to 64 lower-case letters, digits and "
                     "dashes, e.g. [event police-2018]");
        return;
    }
    size_t first = strmap_find(ids, s->arg);
    if (first != (size_t)-1)
        source_error(p, s->line, "duplicate event id '%s' (first on line %d)", s->arg,
                     src->events[first].line);
    char label[128];
    source_check_fields(p, s, source_label(s, label, sizeof label), event_rules);
    check_event_date(p, s);
    src->events = xrealloc(src->events, sizeof *src->events * (src->nevents + 1));
    VtSrcEvent *e = &src->events[src->nevents++];
    *e = (VtSrcEvent){.line = s->line, .id = xstrdup(s->arg)};
    strmap_add(ids, e->id, src->nevents - 1);
    e->date = source_value(s, "date");
    e->title = source_text(s, "title.nl", "title.en");
    e->body = source_text(s, "nl", "en");
    e->doc = source_value(s, "doc");
    e->item = source_value(s, "item");
    e->quote = source_value(s, "quote");
}

void source_parse_timeline(VtParse *p, const VtSrcFile *f)
{
    VtStrMap ids = {0};
    for (size_t i = 0; i < p->src->nevents; i++)
        strmap_add(&ids, p->src->events[i].id, i);
    for (size_t i = 0; i < f->nsections; i++) {
        const VtSrcSection *s = &f->sections[i];
        if (s->name[0] == '\0')
            source_error(p, s->fields[0].line, "field '%s' comes before the first [section]",
                         s->fields[0].key);
        else if (strcmp(s->name, "event") == 0)
            parse_event(p, s, &ids);
        else
            source_error(p, s->line, "unknown section [%s]", s->name);
    }
    strmap_free(&ids);
}

/* How an event's citation resolved; LINK_CITED events still need their quote looked up. */
typedef enum { LINK_CITED, LINK_NO_DOC, LINK_MALFORMED, LINK_NO_ITEM, LINK_UNCHECKED } VtLinkState;

/* Resolves e's document and item; sets *text to where its quote must be (may be NULL). */
static VtLinkState link_event(VtSource *src, VtSrcEvent *e, const char **text)
{
    if (!e->doc || !e->item || !e->quote)
        return LINK_UNCHECKED; /* its fields are reported missing already */
    size_t d = strmap_find(&src->doc_ids, e->doc);
    if (d == (size_t)-1)
        return LINK_NO_DOC;
    e->doc_index = d;
    const VtSrcText *cited = NULL;
    int footnote = 0;
    int rc = source_resolve_item(&src->docs[d], e->item, 1, &e->item_seq, &footnote, &cited);
    *text = rc == 0 && cited ? cited->nl : NULL;
    return rc > 0 ? LINK_MALFORMED : rc < 0 ? LINK_NO_ITEM : LINK_CITED;
}

/* An event whose quote must be found in `text`. */
typedef struct {
    const char *text;
    size_t event;
} VtCite;

static int cmp_cites(const void *a, const void *b)
{
    const VtCite *x = a, *y = b;
    uintptr_t tx = (uintptr_t)x->text, ty = (uintptr_t)y->text;
    if (tx != ty)
        return tx < ty ? -1 : 1;
    return (x->event > y->event) - (x->event < y->event);
}

/* Sets found[c.event] for every cite. Cites are sorted by the text they quote, so each text is
 * flattened once however many events quote it (flattening it per event made building
 * quadratic: thousands of events quoting one long answer). *text_bytes counts the bytes
 * flattened. */
static void find_quotes(const VtSource *src, VtCite *cites, size_t n, unsigned char *found,
                        unsigned long long *text_bytes)
{
    qsort(cites, n, sizeof *cites, cmp_cites);
    char *plain = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || cites[i].text != cites[i - 1].text) {
            free(plain);
            plain = cites[i].text ? pack_text_plain(cites[i].text) : NULL;
            *text_bytes += cites[i].text ? strlen(cites[i].text) : 0;
        }
        char *q = pack_text_plain(src->events[cites[i].event].quote);
        found[cites[i].event] = plain && q[0] && strstr(plain, q);
        free(q);
    }
    free(plain);
}

static void report_link(VtParse *p, const VtSrcEvent *e, VtLinkState state, int found)
{
    if (state == LINK_NO_DOC)
        source_error(p, e->line, "event %s: unknown document '%s'", e->id, e->doc);
    else if (state == LINK_MALFORMED)
        source_error(p, e->line,
                     "event %s: item must be 'document' or 'question N', 'answer N', "
                     "'point N', 'text N' or 'footnote N', not '%s'",
                     e->id, e->item);
    else if (state == LINK_NO_ITEM)
        source_error(p, e->line, "event %s: document %s has no %s", e->id, e->doc, e->item);
    else if (state == LINK_CITED && !found)
        source_error(p, e->line, "event %s: quote not found in %s of %s", e->id, e->item, e->doc);
}

size_t source_link_events(VtSource *src, VtDiag *diag, unsigned long long *text_bytes)
{
    VtParse p = {.file = src->timeline_file, .diag = diag, .src = src};
    unsigned long long bytes = 0;
    unsigned char *state = xmalloc(src->nevents + 1), *found = xcalloc(src->nevents + 1, 1);
    VtCite *cites = xmalloc(sizeof *cites * (src->nevents + 1));
    size_t ncites = 0;
    for (size_t i = 0; i < src->nevents; i++) {
        const char *text = NULL;
        state[i] = (unsigned char)link_event(src, &src->events[i], &text);
        if (state[i] == LINK_CITED)
            cites[ncites++] = (VtCite){text, i};
    }
    find_quotes(src, cites, ncites, found, &bytes);
    for (size_t i = 0; i < src->nevents; i++) /* reported in the timeline's order */
        report_link(&p, &src->events[i], (VtLinkState)state[i], found[i]);
    free(state), free(found), free(cites);
    if (text_bytes)
        *text_bytes = bytes;
    return p.errors;
}
