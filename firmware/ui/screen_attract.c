/*
 * screen_attract: the slides of the attract loop, one document at a time. A slide shows the
 * document's date and title, one of its questions (or key points) and the start of the answer,
 * and an unmistakable invitation to touch. Slides alternate Dutch and English (the caller picks
 * the language per slide); the English is marked as an unofficial translation even here.
 * Slide i shows document i % ndocs and, on later rounds, later questions of that document, so
 * the loop walks through the whole content over time.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

int screen_attract_count(const VtContent *c)
{
    int n = 0;
    for (int i = 0; i < c->ndocs; i++) {
        int units = 0;
        for (int k = 0; k < c->docs[i].nitems; k++)
            units += c->docs[i].items[k].kind == VT_ITEM_QUESTION ||
                     c->docs[i].items[k].kind == VT_ITEM_POINT;
        n += units ? units : 1;
    }
    return n > 0 ? n : 1;
}

/* Maps slide index to (doc, item): documents interleaved, their questions in turn. */
static void slide_of(const VtContent *c, int index, int *doc, int *item)
{
    *doc = -1;
    *item = -1;
    if (!c->ndocs)
        return;
    int round = index / c->ndocs;
    *doc = index % c->ndocs;
    const VtDoc *d = &c->docs[*doc];
    int units = 0;
    for (int k = 0; k < d->nitems; k++)
        units += d->items[k].kind == VT_ITEM_QUESTION || d->items[k].kind == VT_ITEM_POINT;
    if (!units)
        return;
    int want = round % units;
    for (int k = 0; k < d->nitems; k++) {
        if (d->items[k].kind != VT_ITEM_QUESTION && d->items[k].kind != VT_ITEM_POINT)
            continue;
        if (want-- == 0) {
            *item = k;
            return;
        }
    }
}

/* The slide's text from y down to at most bottom: date, title, a question or key point and
 * the start of its answer. Returns the y where it ended. */
static int slide_content(VtPage *p, const VtBuild *b, int doc, int item, int y, int bottom)
{
    const VtTheme *t = b->th;
    VtLang l = b->lang;
    const VtDoc *d = &b->c->docs[doc];
    int x = t->col_x, w = t->col_w;
    char date[64], label[160];
    date_format(d->submitted, l, date, sizeof date);
    y += build_text(p, b, date, x, y, w, VT_FONT_BOLD, t->head_px, t->head_line, VT_ACCENT);
    int title_lines = t->h < 700 ? 2 : 3; /* leave a short screen room for the answer */
    y += build_text_clamped(p, b, text_get(&d->title, l), x, y, w, VT_FONT_BOLD, t->head_px,
                            t->head_line, VT_TEXT, title_lines);
    if (l == VT_LANG_EN)
        y += build_label(p, b, str_get(S_UNOFFICIAL, l), x, y, w);
    if (item < 0)
        return y;
    y += t->gap;
    const VtItem *it = &d->items[item];
    build_item_label(b, it, label, sizeof label);
    y += build_label(p, b, label, x, y, w);
    int lines = (bottom - y) / t->body_line;
    int ql = it->kind == VT_ITEM_QUESTION ? lines / 2 : lines;
    y += build_text_clamped(p, b, text_get(&it->body, l), x, y, w, VT_FONT_BOLD, t->body_px,
                            t->body_line, VT_TEXT, ql > 0 ? ql : 1);
    int a = it->kind == VT_ITEM_QUESTION ? content_answer_for(d, it->number) : -1;
    lines = (bottom - y - t->gap - t->small_line) / t->body_line;
    if (a >= 0 && lines > 0) {
        y += t->gap;
        build_item_label(b, &d->items[a], label, sizeof label);
        y += build_label(p, b, label, x, y, w);
        y += build_text_clamped(p, b, text_get(&d->items[a].body, l), x, y, w, VT_FONT_REGULAR,
                                t->body_px, t->body_line, VT_TEXT, lines);
    }
    return y;
}

void screen_attract_build(VtPage *p, const VtBuild *b, int index)
{
    const VtTheme *t = b->th;
    VtLang l = b->lang;
    int doc, item;
    slide_of(b->c, index, &doc, &item);
    /* The invitation: a full-width band at the bottom, the whole screen is the target. */
    int band = t->target + 2 * t->gap;
    /* The page above the band only: in a cross-fade the old slide is drawn over the new one,
     * and a background under its band would lighten the band (white on it fell to 5.3:1). */
    page_fill(p, (VtRect){0, 0, t->w, t->h - band}, VT_BG);
    page_fill(p, (VtRect){0, t->h - band, t->w, band}, VT_ACCENT);
    /* The largest size at which the invitation fits on one line: never cut off. */
    const char *touch = str_get(S_TOUCH, l);
    const int sizes[3][2] = {
        {t->head_px, t->head_line}, {t->body_px, t->body_line}, {t->small_px, t->small_line}};
    int room = t->w - 2 * t->margin, k = 0;
    while (k < 2 && build_width(b, touch, VT_FONT_BOLD, sizes[k][0]) > room)
        k++;
    int tw = build_width(b, touch, VT_FONT_BOLD, sizes[k][0]);
    int tx = tw < room ? (t->w - tw) / 2 : t->margin;
    build_text(p, b, touch, tx, t->h - band + (band - sizes[k][1]) / 2, room, VT_FONT_BOLD,
               sizes[k][0], sizes[k][1], VT_ON_ACCENT);
    page_hit(p, (VtRect){0, 0, t->w, t->h}, VT_ACT_EXPLORE, 0, 0);
    if (doc < 0)
        return;
    /* Measure, then centre the slide in the space above the band (calmer on tall screens). */
    int top = t->margin * 2, bottom = t->h - band - t->margin;
    VtPage tmp = {0};
    int h = slide_content(&tmp, b, doc, item, top, bottom) - top;
    page_free(&tmp);
    int shift = (bottom - top - h) / 2;
    shift = shift > 0 ? shift : 0;
    /* Same budget as measured, moved down: the text wraps and clamps exactly as measured. */
    slide_content(p, b, doc, item, top + shift, bottom + shift);
}
