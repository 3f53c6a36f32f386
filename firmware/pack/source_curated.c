/*
 * source_curated: the curated layer of a document file (content/README.md, "The curated
 * layer"): [curated] with the curator's headline and context, [key N] key sentences and
 * [hook N] hooks for the attract loop. Sections are taken as they come; everything that needs
 * the whole file (numbering, counts, what an item citation names, whether a quote is verbatim)
 * is checked by source_check_curated() once the last section is read, and every problem is
 * reported at the line of the section or field it concerns. The limits are the schema's
 * (pack_highlight_rules, VT_PACK_*_WORDS), which the validator enforces again on packs.
 */
#include "buf.h"
#include "pack_schema.h"
#include "pack_text.h"
#include "source_rules.h"

#include <stdlib.h>
#include <string.h>

static const VtFieldRule curated_rules[] = {
    {"headline.nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"headline.en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"context.nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"context.en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {NULL, 0},
};

/* `quote` and `en` are a pair for the presence check: "quote.nl" would read worse. */
static const VtFieldRule highlight_rules[] = {
    {"item", VT_FIELD_REQUIRED},
    {"quote", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"attribution.nl", VT_FIELD_TEXT},
    {"attribution.en", VT_FIELD_TEXT},
    {NULL, 0},
};

static void check_words(VtParse *p, const VtSrcSection *s, const char *key, int min, int max)
{
    const VtSrcField *f = source_field(s, key);
    int n = f ? pack_text_words(f->value) : 0;
    if (f && n > max)
        source_error(p, f->line, "%s has %d words; at most %d", key, n, max);
    else if (f && n < min)
        source_error(p, f->line, "%s has %d words; at least %d", key, n, min);
}

static void parse_header(VtParse *p, VtSrcDoc *d, const VtSrcSection *s)
{
    if (d->curated_line) {
        source_error(p, s->line, "second [curated] section (the first is on line %d)",
                     d->curated_line);
        return;
    }
    d->curated_line = s->line;
    source_check_fields(p, s, "curated", curated_rules);
    check_words(p, s, "headline.nl", 1, VT_PACK_HEADLINE_MAX_WORDS);
    check_words(p, s, "headline.en", 1, VT_PACK_HEADLINE_MAX_WORDS);
    check_words(p, s, "context.nl", VT_PACK_CONTEXT_MIN_WORDS, VT_PACK_CONTEXT_MAX_WORDS);
    check_words(p, s, "context.en", VT_PACK_CONTEXT_MIN_WORDS, VT_PACK_CONTEXT_MAX_WORDS);
    d->headline = source_text(s, "headline.nl", "headline.en");
    d->context = source_text(s, "context.nl", "context.en");
}

static void parse_highlight(VtParse *p, VtSrcDoc *d, const VtSrcSection *s, int kind)
{
    const char *name = pack_highlight_kinds[kind];
    int number = source_number(s->arg);
    if (!number) {
        source_error(p, s->line, "[%s] needs a number, e.g. [%s 1]", name, name);
        return;
    }
    char label[64];
    source_check_fields(p, s, source_label(s, label, sizeof label), highlight_rules);
    if (!source_field(s, "en")) /* the rules check English keys only with a Dutch partner */
        source_error(p, s->line, "%s has no English text (en:)", label);
    const VtSrcField *quote = source_field(s, "quote");
    int max = pack_highlight_rules[kind].max_words;
    if (quote && max && pack_text_words(quote->value) > max)
        source_error(p, quote->line, "%s: the quote has %d words; a %s has at most %d", label,
                     pack_text_words(quote->value), name, max);
    const VtSrcField *attribution = source_field(s, "attribution.nl");
    if (attribution && kind != 1)
        source_error(p, attribution->line, "%s: only a hook has an attribution", label);
    d->highlights = xrealloc(d->highlights, sizeof *d->highlights * (d->nhighlights + 1));
    VtSrcHighlight *h = &d->highlights[d->nhighlights++];
    *h = (VtSrcHighlight){.kind = kind, .number = number, .line = s->line};
    h->item = source_value(s, "item");
    h->quote = source_text(s, "quote", "en");
    h->attribution = source_text(s, "attribution.nl", "attribution.en");
}

int source_parse_curated(VtParse *p, VtSrcDoc *d, const VtSrcSection *s)
{
    if (strcmp(s->name, "curated") == 0) {
        parse_header(p, d, s);
        return 1;
    }
    int kind = pack_vocab_find(pack_highlight_kinds, VT_PACK_HIGHLIGHT_KINDS, s->name);
    if (kind < 0)
        return 0;
    parse_highlight(p, d, s, kind);
    return 1;
}

/* Whether the kiosk can say who is speaking in the item a hook quotes (content_attribution):
 * a question (its askers), an answer (its answerers), a memo's own passage (its author). A
 * footnote or a questions document's other passages need the curator's attribution. */
static int composable(const VtSrcDoc *d, const VtSrcHighlight *h)
{
    const VtSrcItem *it = &d->items[h->item_seq - 1];
    if (h->footnote)
        return 0;
    if (it->kind == VT_SRC_QUESTION || it->kind == VT_SRC_ANSWER)
        return 1;
    return d->kind && strcmp(d->kind, "memo") == 0;
}

static void check_citation(VtParse *p, VtSrcDoc *d, VtSrcHighlight *h)
{
    const char *name = pack_highlight_kinds[h->kind];
    const VtSrcText *text = NULL;
    int rc = source_resolve_item(d, h->item, 0, &h->item_seq, &h->footnote, &text);
    if (rc > 0) {
        source_error(p, h->line,
                     "%s %d: item must be 'question N', 'answer N', 'point N', 'text N' or "
                     "'footnote N', not '%s'",
                     name, h->number, h->item);
        return;
    }
    if (rc < 0) {
        source_error(p, h->line, "%s %d: this document has no %s", name, h->number, h->item);
        return;
    }
    /* a missing text of the item is reported where it is missing */
    if (h->quote.nl && text->nl && !pack_text_contains(text->nl, h->quote.nl))
        source_error(p, h->line, "%s %d: quote is not word for word in the Dutch of %s", name,
                     h->number, h->item);
    if (h->quote.en && text->en && !pack_text_contains(text->en, h->quote.en))
        source_error(p, h->line, "%s %d: en is not word for word in the English of %s", name,
                     h->number, h->item);
    if (h->kind == 1 && !h->attribution.nl && !composable(d, h))
        source_error(p, h->line,
                     "hook %d: the kiosk cannot tell who says this (%s); give "
                     "attribution.nl and attribution.en, only as the source states it",
                     h->number, h->item);
}

void source_check_curated(VtParse *p, VtSrcDoc *d, int cite)
{
    int count[VT_PACK_HIGHLIGHT_KINDS] = {0}, last[VT_PACK_HIGHLIGHT_KINDS] = {0};
    for (size_t i = 0; i < d->nhighlights; i++) {
        VtSrcHighlight *h = &d->highlights[i];
        const char *name = pack_highlight_kinds[h->kind];
        if (h->number != last[h->kind] + 1)
            source_error(p, h->line, "%s %d out of order (expected %s %d)", name, h->number, name,
                         last[h->kind] + 1);
        last[h->kind] = h->number;
        count[h->kind]++;
        if (h->item && cite)
            check_citation(p, d, h);
    }
    if (!d->curated_line) {
        if (d->nhighlights)
            source_error(p, d->highlights[0].line,
                         "[%s] without [curated]: keys and hooks belong to a curated layer",
                         pack_highlight_kinds[d->highlights[0].kind]);
        return;
    }
    for (int k = 0; k < VT_PACK_HIGHLIGHT_KINDS; k++) {
        const VtPackHighlightRule *r = &pack_highlight_rules[k];
        if (count[k] < r->min || count[k] > r->max)
            source_error(p, d->curated_line, "a curated document has %d to %d [%s N], not %d",
                         r->min, r->max, pack_highlight_kinds[k], count[k]);
    }
}
