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

static void link_event(VtParse *p, VtSrcEvent *e)
{
    const VtSrcDoc *d = NULL;
    for (size_t i = 0; i < p->src->ndocs; i++) {
        if (strcmp(p->src->docs[i].id, e->doc) == 0)
            d = &p->src->docs[i], e->doc_index = i;
    }
    if (!d) {
        source_error(p, e->line, "event %s: unknown document '%s'", e->id, e->doc);
        return;
    }
    const VtSrcText *text = NULL;
    int footnote = 0;
    int rc = source_resolve_item(d, e->item, 1, &e->item_seq, &footnote, &text);
    if (rc > 0)
        source_error(p, e->line,
                     "event %s: item must be 'document' or 'question N', 'answer N', "
                     "'point N', 'text N' or 'footnote N', not '%s'",
                     e->id, e->item);
    else if (rc < 0)
        source_error(p, e->line, "event %s: document %s has no %s", e->id, e->doc, e->item);
    else if (!text->nl || !pack_text_contains(text->nl, e->quote))
        source_error(p, e->line, "event %s: quote not found in %s of %s", e->id, e->item, e->doc);
}

size_t source_link_events(VtSource *src, VtDiag *diag)
{
    VtParse p = {.file = src->timeline_file, .diag = diag, .src = src};
    for (size_t i = 0; i < src->nevents; i++) {
        VtSrcEvent *e = &src->events[i];
        if (e->doc && e->item && e->quote)
            link_event(&p, e);
    }
    return p.errors;
}
