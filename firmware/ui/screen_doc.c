/*
 * screen_doc: a document opens as a chapter. First the curator's headline and about fifty words
 * of context, on a panel under the curator's tag; then the key sentences, word for word from
 * the source in quotation marks, each naming its item and opening the reader there (where the
 * sentence is marked, story.h); then the way into the full source: its official title and a
 * card per question, key point or passage. The paper's facts (dates, askers, answerers,
 * references, with "unknown" wherever the sources are silent) and the curator's summary come
 * last. Above it all the paper's head, set as a letterhead: kind, standing, references, a rule
 * in the document's own colour (theme_doc_color), its dates. A document without a curated
 * layer starts at its title under that head. Between the story and the full source, one "read
 * on at home" QR code of the document's first source link (takehome.h); a question whose
 * answer invokes confidentiality has the redaction motif on its card (redact.h), as has the key
 * sentence that quotes those words. Where two columns fit (bilingual.h) the head spans
 * both and every part below it is set in Dutch on the left and English on the right, a card
 * across both columns; each part is a VtColumnFn, laid out once or once per column.
 */
#include "bilingual.h"
#include "redact.h"
#include "screens.h"
#include "story.h"
#include "takehome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fact_row(VtPage *p, const VtBuild *b, VtStr label, const char *value, int y)
{
    const VtTheme *t = b->th;
    int lw = t->col_w / 3;
    if (lw < t->body_px * 5)
        lw = t->col_w; /* narrow: label above value */
    int h1 =
        build_label(p, b, str_get(label, b->lang), t->col_x, y, lw == t->col_w ? lw : lw - t->gap);
    int vy = lw == t->col_w ? y + h1 : y;
    int vx = lw == t->col_w ? t->col_x : t->col_x + lw;
    int vw = lw == t->col_w ? t->col_w : t->col_w - lw;
    int h2 =
        build_text(p, b, value, vx, vy, vw, VT_FONT_REGULAR, t->body_px, t->body_line, VT_TEXT);
    int h = (vy - y) + h2;
    return (h > h1 ? h : h1) + t->unit;
}

static void people_text(const VtBuild *b, const VtPerson *ps, int n, char *out, size_t len)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < n && o < len; i++) {
        const VtPerson *pp = &ps[i];
        const char *fn = text_get(&pp->function, b->lang);
        const char *name =
            pp->name && strcmp(pp->name, "unknown") ? pp->name : str_get(S_UNKNOWN, b->lang);
        int k;
        if (pp->party)
            k = snprintf(out + o, len - o, "%s%s (%s)", i ? "; " : "", name, pp->party);
        else if (fn[0])
            k = snprintf(out + o, len - o, "%s%s, %s", i ? "; " : "", name, fn);
        else
            k = snprintf(out + o, len - o, "%s%s", i ? "; " : "", name);
        if (k < 0)
            break;
        o += (size_t)k;
    }
    if (!out[0])
        snprintf(out, len, "%s", str_get(S_UNKNOWN, b->lang));
}

static int facts(VtPage *p, const VtBuild *b, const VtDoc *d, int y)
{
    char v[1024], date[64];
    VtLang l = b->lang;
    if (d->is_memo) {
        y += fact_row(p, b, S_DATED, date_format(d->submitted, l, date, sizeof date), y);
        people_text(b, d->authors, d->nauthors, v, sizeof v);
        y += fact_row(p, b, S_AUTHOR, v, y);
    } else {
        y += fact_row(p, b, S_SUBMITTED, date_format(d->submitted, l, date, sizeof date), y);
        const char *ans = d->status == VT_STATUS_AWAITING
                              ? str_get(S_NOT_ANSWERED, l)
                              : date_format(d->answered, l, date, sizeof date);
        y += fact_row(p, b, S_ANSWERED, ans, y);
        people_text(b, d->askers, d->naskers, v, sizeof v);
        y += fact_row(p, b, S_ASKED_BY, v, y);
    }
    const char *to = text_get(&d->addressee, l);
    y += fact_row(p, b, S_ADDRESSED_TO, to[0] ? to : str_get(S_UNKNOWN, l), y);
    if (!d->is_memo) {
        if (d->status == VT_STATUS_AWAITING)
            snprintf(v, sizeof v, "%s", str_get(S_NOT_ANSWERED, l));
        else
            people_text(b, d->answerers, d->nanswerers, v, sizeof v);
        y += fact_row(p, b, S_ANSWERED_BY, v, y);
    }
    size_t o = 0;
    v[0] = '\0';
    for (int i = 0; i < d->nrefs && o < sizeof v; i++) {
        int k = snprintf(v + o, sizeof v - o, "%s%s", i ? ", " : "", d->refs[i]);
        if (k > 0)
            o += (size_t)k;
    }
    y += fact_row(p, b, S_REFERENCES, d->nrefs ? v : str_get(S_UNKNOWN, l), y);
    return y; /* the source file's name (a hash) is for staff: the staff screen lists it */
}

/* What a part of the document screen lays out (VtColumnFn's ctx). */
typedef struct {
    int doc, item;
    const VtHighlight *h;
    VtStr str;
} Part;

/* A card's label and the start of its text, in c's column and language. */
static int card_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    const VtTheme *t = c->th;
    const Part *k = ctx;
    const VtItem *it = &c->c->docs[k->doc].items[k->item];
    char label[160];
    build_item_label(c, it, label, sizeof label);
    int y0 = y;
    if (redact_answer(&c->c->docs[k->doc], k->item) >= 0) /* its answer invokes confidentiality */
        y += redact_tag(p, c, t->col_x, y, t->col_w) + t->unit;
    y += build_label(p, c, label, t->col_x, y, t->col_w);
    y += build_text_clamped(p, c, text_get(&it->body, c->lang), t->col_x, y, t->col_w,
                            VT_FONT_REGULAR, t->body_px, t->body_line, VT_TEXT,
                            it->kind == VT_ITEM_POINT ? 0 : 3);
    return y - y0;
}

static int card(VtPage *p, const VtBuild *b, int doc, int i, int y)
{
    Part k = {doc, i, NULL, 0};
    page_anchor(p, VT_ANCHOR(i), y);
    /* its answer invokes confidentiality: a black edge (and the tag, card_part) */
    int secret = redact_answer(&b->c->docs[doc], i) >= 0;
    return bilingual_card(p, b, y, card_part, &k, VT_SURFACE,
                          secret ? VT_TEXT : (VtColor){0, 0, 0, 0}, VT_ACT_OPEN_ITEM, doc, i);
}

/* The paper's head as typography: its kind and standing left, its references right (under it
 * where both do not fit), a rule in the document's colour, its dates. Returns the height. */
static int letterhead(VtPage *p, const VtBuild *b, int doc, int y)
{
    const VtTheme *t = b->th;
    const VtDoc *d = &b->c->docs[doc];
    VtLang l = b->lang;
    char kind[256], refs[256] = "", dates[256], d1[64], d2[64];
    int y0 = y;
    snprintf(kind, sizeof kind, "%s · %s", str_get(d->is_memo ? S_KIND_MEMO : S_KIND_QUESTIONS, l),
             str_get(d->status == VT_STATUS_AWAITING ? S_STATUS_AWAITING
                     : d->status == VT_STATUS_MEMO   ? S_STATUS_MEMO
                                                     : S_STATUS_ANSWERED,
                     l));
    for (int i = 0, o = 0; i < d->nrefs && o < (int)sizeof refs; i++)
        o += snprintf(refs + o, sizeof refs - (size_t)o, "%s%s", i ? " · " : "", d->refs[i]);
    int kw = build_width(b, kind, VT_FONT_BOLD, t->small_px);
    int rw = build_width(b, refs, VT_FONT_REGULAR, t->small_px);
    int h = build_text(p, b, kind, t->col_x, y, t->col_w, VT_FONT_BOLD, t->small_px, t->small_line,
                       theme_doc_color(doc));
    if (refs[0] && kw + 2 * t->gap + rw <= t->col_w) /* one run, set flush right */
        page_text(p, t->col_x + t->col_w - rw, y, rw, t->small_line, refs, strlen(refs),
                  VT_FONT_REGULAR, t->small_px, VT_MUTED);
    else if (refs[0])
        h += build_text(p, b, refs, t->col_x, y + h, t->col_w, VT_FONT_REGULAR, t->small_px,
                        t->small_line, VT_MUTED);
    y += h + t->unit / 2;
    int rule = t->unit / 2 > 3 ? t->unit / 2 : 3;
    page_fill(p, (VtRect){t->col_x, y, t->col_w, rule}, theme_doc_color(doc));
    y += rule + t->unit / 2;
    date_format(d->submitted, l, d1, sizeof d1);
    if (d->is_memo)
        snprintf(dates, sizeof dates, "%s %s", str_get(S_DATED, l), d1);
    else if (d->status == VT_STATUS_AWAITING)
        snprintf(dates, sizeof dates, "%s %s", str_get(S_SUBMITTED, l), d1);
    else
        snprintf(dates, sizeof dates, "%s %s · %s %s", str_get(S_SUBMITTED, l), d1,
                 str_get(S_ANSWERED, l), date_format(d->answered, l, d2, sizeof d2));
    y += build_text(p, b, dates, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    return y - y0;
}

/* The chapter's opening, at (x, y) within w: the curator's tag, the headline at display size,
 * the context. Returns its height. */
static int chapter_text(VtPage *p, const VtBuild *b, const VtDoc *d, int x, int y, int w)
{
    const VtTheme *t = b->th;
    int y0 = y;
    y += build_label(p, b, str_get(S_CURATOR_TEXT, b->lang), x, y, w) + t->unit;
    y += build_text(p, b, text_get(&d->headline, b->lang), x, y, w, VT_FONT_BOLD, t->title_px,
                    t->title_line, VT_TEXT) +
         t->unit;
    y += build_text(p, b, text_get(&d->context, b->lang), x, y, w, VT_FONT_REGULAR, t->body_px,
                    t->body_line, VT_TEXT);
    return y - y0;
}

/* The curator's headline and context on a panel with an accent edge, at least h high (the
 * panel beside it); returns its height. */
static int chapter_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    const VtTheme *t = c->th;
    int doc = ((const Part *)ctx)->doc;
    int pad = 2 * t->unit, edge = t->unit, x = t->col_x, w = t->col_w;
    int iw = w - 2 * pad - edge;
    VtPage tmp = {0};
    const VtDoc *d = &c->c->docs[doc];
    int mh = chapter_text(&tmp, c, d, 0, 0, iw) + 2 * pad;
    page_free(&tmp);
    h = h > mh ? h : mh;
    page_fill(p, (VtRect){x, y, w, h}, VT_SURFACE);
    page_frame(p, (VtRect){x, y, w, h}, VT_LINE);
    page_fill(p, (VtRect){x, y, edge, h}, theme_doc_color(doc));
    chapter_text(p, c, d, x + edge + pad, y + pad, iw);
    return h;
}

/* Whether key sentence h quotes exactly the words its answer invokes confidentiality with. */
static int key_secret(const VtDoc *d, const VtHighlight *h)
{
    const char *q = redact_quote(d, h->item, VT_LANG_NL);
    return q && h->quote.s[VT_LANG_NL] && !strcmp(q, h->quote.s[VT_LANG_NL]);
}

/* A key sentence's words in quotation marks, its item, the way to it; returns the height. */
static int key_text(VtPage *p, const VtBuild *b, const VtDoc *d, const VtHighlight *h, int x, int y,
                    int w)
{
    const VtTheme *t = b->th;
    char *q[VT_LANG_COUNT] = {NULL, NULL}, label[200], line[320];
    VtText quoted = {{NULL, NULL}};
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        if (!h->quote.s[l])
            continue;
        size_t n = strlen(h->quote.s[l]) + 8;
        q[l] = malloc(n);
        snprintf(q[l], n, "\u201c%s\u201d", h->quote.s[l]);
        quoted.s[l] = q[l];
    }
    int y0 = y, tag = b->beside && b->lang == VT_LANG_EN && q[VT_LANG_EN];
    VtBuild one = *b; /* in a column of two, the quote alone, its tag below: the pair aligns */
    VtText alone = {{q[b->lang], NULL}};
    one.lang = VT_LANG_NL;
    if (key_secret(d, h)) /* the words that invoke confidentiality: the redaction tag */
        y += redact_tag(p, b, x, y, w) + t->unit;
    if (b->beside)
        y += build_source_text(p, &one, &alone, x, y, w, VT_FONT_QUOTE, 0) + t->unit;
    else
        y += build_source_text(p, b, &quoted, x, y, w, VT_FONT_QUOTE, 0) + t->unit;
    const VtItem *it = &d->items[h->item];
    if (it->kind == VT_ITEM_ANSWER && it->ncovers == 1) /* "Antwoord op vraag 5" */
        snprintf(label, sizeof label, "%s %d", str_get(S_ANSWER_TO, b->lang), it->covers[0]);
    else
        build_item_label(b, it, label, sizeof label);
    snprintf(line, sizeof line, "\u2014 %s \u00b7 %s \u203a", label,
             str_get(S_READ_IN_SOURCE, b->lang));
    y += build_text(p, b, line, x, y, w, VT_FONT_BOLD, t->small_px, t->small_line, VT_ACCENT);
    if (tag)
        y += t->unit + build_tag(p, b, str_get(S_UNOFFICIAL, VT_LANG_EN), x, y + t->unit, w,
                                 VT_ACCENT, VT_ON_ACCENT);
    free(q[0]);
    free(q[1]);
    return y - y0;
}

static int key_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    const Part *k = ctx;
    return key_text(p, c, &c->c->docs[k->doc], k->h, c->th->col_x, y, c->th->col_w);
}

/* A key sentence as a card that opens the reader where it stands; returns the height used. */
static int key_card(VtPage *p, const VtBuild *b, int doc, const VtHighlight *h, int y)
{
    Part k = {doc, 0, h, 0};
    /* as the sentence is marked in the reader: band and bar */
    VtColor edge = key_secret(&b->c->docs[doc], h) ? VT_TEXT : VT_ACCENT;
    return bilingual_card(p, b, y, key_part, &k, VT_KEY_BG, edge, VT_ACT_OPEN_ITEM, doc,
                          story_reader_item(&b->c->docs[doc], h));
}

/* A label (k->str) in c's language. */
static int label_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    return build_label(p, c, str_get(((const Part *)ctx)->str, c->lang), c->th->col_x, y,
                       c->th->col_w);
}

/* The curated layer: the chapter and the key sentences; returns the new y. */
static int curated(VtPage *p, const VtBuild *b, int doc, int y)
{
    const VtTheme *t = b->th;
    const VtDoc *d = &b->c->docs[doc];
    Part k = {doc, 0, NULL, S_KEY_SENTENCES};
    if (!d->headline.s[VT_LANG_NL])
        return y;
    y += bilingual_each(p, b, y, chapter_part, &k) + t->gap;
    if (d->nhighlights[VT_HIGHLIGHT_KEY]) {
        y += bilingual_each(p, b, y, label_part, &k) + t->unit;
        for (int i = 0; i < d->nhighlights[VT_HIGHLIGHT_KEY]; i++)
            y += key_card(p, b, doc, &d->highlights[VT_HIGHLIGHT_KEY][i], y);
        y += t->gap;
    }
    return y;
}

/* The source's official title (in English: the translation, marked). */
static int title_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    const VtTheme *t = c->th;
    const VtDoc *d = &c->c->docs[((const Part *)ctx)->doc];
    int y0 = y;
    y += build_text(p, c, text_get(&d->title, c->lang), t->col_x, y, t->col_w, VT_FONT_BOLD,
                    t->head_px, t->head_line, VT_TEXT);
    if (c->lang == VT_LANG_EN) {
        y += t->unit;
        y += build_label(p, c, str_get(S_UNOFFICIAL, c->lang), t->col_x, y, t->col_w);
        if (!c->beside) /* the original, unless it stands in the column beside */
            y += build_text(p, c, d->title.s[VT_LANG_NL], t->col_x, y, t->col_w, VT_FONT_ITALIC,
                            t->small_px, t->small_line, VT_MUTED);
    }
    return y - y0;
}

static int facts_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    return facts(p, c, &c->c->docs[((const Part *)ctx)->doc], y) - y;
}

static int summary_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    const VtTheme *t = c->th;
    return build_curator_text(p, c, S_CURATOR_SUMMARY,
                              &c->c->docs[((const Part *)ctx)->doc].summary, t->col_x, y, t->col_w,
                              h);
}

void screen_doc_build(VtPage *p, const VtBuild *b, int doc)
{
    const VtTheme *t = b->th;
    const VtDoc *d = &b->c->docs[doc];
    VtTheme st;
    VtBuild sb;
    const VtBuild *wide = bilingual_spread(b, &st, &sb); /* b itself in one column */
    Part k = {doc, 0, NULL, S_FULL_SOURCE};
    int y = t->margin;
    y += letterhead(p, wide, doc, y) + t->gap;
    if (bilingual_on(b))
        y += bilingual_heads(p, b, y);
    y = curated(p, b, doc, y);
    /* Read on at home: the QR code of the document's first source link (none: no code). */
    int home = takehome_place(p, b, takehome_doc_link(d), y);
    y += home ? home + t->gap : 0;
    /* One tap deeper: the source itself, under its official title. */
    if (d->headline.s[VT_LANG_NL])
        y += bilingual_each(p, b, y, label_part, &k) + t->unit;
    y += bilingual_each(p, b, y, title_part, &k);
    y += t->gap;
    for (int i = 0; i < d->nitems; i++)
        if (d->items[i].kind != VT_ITEM_ANSWER)
            y += card(p, b, doc, i, y);
    /* The facts of the paper below its story. */
    y += t->gap;
    k.str = S_DOC_FACTS;
    y += bilingual_each(p, b, y, label_part, &k) + t->unit;
    page_fill(p, (VtRect){wide->th->col_x, y, wide->th->col_w, 2}, VT_LINE);
    y += t->unit;
    y += bilingual_each(p, b, y, facts_part, &k);
    if (d->summary.s[VT_LANG_NL]) {
        y += t->gap;
        page_anchor(p, 1, y);
        y += bilingual_each(p, b, y, summary_part, &k);
    }
    page_extend(p, (VtRect){0, 0, t->w, y + t->margin});
}
