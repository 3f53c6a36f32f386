/*
 * screen_timeline: all events on one horizontal axis, oldest left. Cards are spaced evenly in
 * date order rather than in proportion to time: 2003–2024 hold a handful of events and 2025–2026
 * most of them, and a linear axis would be empty screens of years. Where whole years are
 * skipped the axis shows a break, so the spacing never pretends to be to scale. Today's date
 * is a marked line; events after it (the 2028 target) are drawn in their own colour with a
 * "Target" tag and a dashed axis, so the future is visibly apart from the past.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    int card_w, card_h, pad, step, top, axis_y, title_lines;
} Geo;

/* Lays out one card's content; title_lines limits the title. Returns the height used. */
static int card_content(VtPage *p, const VtBuild *b, const Geo *g, const VtEvent *e, int x, int y,
                        int future, int title_lines)
{
    const VtTheme *t = b->th;
    char date[64], src[512];
    int w = g->card_w - 2 * g->pad;
    int y0 = y;
    if (future)
        y += build_label(p, b, str_get(S_TARGET, b->lang), x, y, w);
    date_format(e->date, b->lang, date, sizeof date);
    y += build_text(p, b, date, x, y, w, VT_FONT_BOLD, t->body_px, t->body_line,
                    future ? VT_FUTURE : VT_ACCENT);
    y += build_text_clamped(p, b, text_get(&e->title, b->lang), x, y, w, VT_FONT_REGULAR,
                            t->body_px, t->body_line, VT_TEXT, title_lines);
    y += t->unit;
    snprintf(src, sizeof src, "%s: %s", str_get(S_EVENT_IN_DOC, b->lang),
             text_get(&b->c->docs[e->doc].title, b->lang));
    y += build_text_clamped(p, b, src, x, y, w, VT_FONT_REGULAR, t->small_px, t->small_line,
                            VT_MUTED, 2);
    return y - y0;
}

/* Card size: wide enough for a short title, as tall as the tallest card needs with at most
 * three title lines, fewer when the screen is too low for that. */
static void geometry(Geo *g, const VtBuild *b, int viewport_h)
{
    const VtTheme *t = b->th;
    g->pad = 2 * t->unit;
    g->card_w = t->w * 36 / 100;
    if (g->card_w < t->body_px * 11)
        g->card_w = t->body_px * 11;
    if (g->card_w > t->w - 2 * t->margin)
        g->card_w = t->w - 2 * t->margin;
    g->step = g->card_w + t->gap;
    int chrome = t->margin + t->small_line + t->gap + 2 * t->gap + t->body_line + t->unit;
    int avail = viewport_h - chrome - t->margin;
    VtPage tmp = {0};
    for (g->title_lines = 3; g->title_lines >= 1; g->title_lines--) {
        int hmax = 0;
        for (int i = 0; i < b->c->nevents; i++) {
            int h = card_content(&tmp, b, g, &b->c->events[i], 0, 0, 1, g->title_lines);
            if (h > hmax)
                hmax = h;
            page_clear(&tmp);
        }
        g->card_h = hmax + 2 * g->pad;
        if (g->card_h <= avail)
            break;
    }
    if (g->title_lines < 1)
        g->title_lines = 1;
    page_free(&tmp);
    int block = t->small_line + t->gap + g->card_h + 2 * t->gap + t->body_line + t->unit;
    g->top = (viewport_h - block) / 2;
    if (g->top < t->margin)
        g->top = t->margin;
    g->axis_y = g->top + t->small_line + t->gap + g->card_h + t->gap;
}

static void dashed(VtPage *p, int x0, int x1, int y, int dash, VtColor c)
{
    for (int x = x0; x < x1; x += dash * 2)
        page_fill(p, (VtRect){x, y, (x + dash < x1 ? dash : x1 - x), 3}, c);
}

static void year_label(VtPage *p, const VtBuild *b, int x, int y, int year)
{
    char s[16];
    snprintf(s, sizeof s, "%d", year);
    build_text(p, b, s, x, y, b->th->body_px * 4, VT_FONT_BOLD, b->th->body_px, b->th->body_line,
               VT_TEXT);
}

/* A vertical line with "Today" and the date; returns the width it takes on the axis. */
static int today_marker(VtPage *p, const VtBuild *b, int x, int top, int axis_y)
{
    const VtTheme *t = b->th;
    char iso[16], d[64];
    int w = t->body_px * 6;
    page_fill(p, (VtRect){x, top, 4, axis_y - top + t->body_line}, VT_TEXT);
    int y = top;
    y += build_text(p, b, str_get(S_TODAY, b->lang), x + t->unit, y, w, VT_FONT_BOLD, t->body_px,
                    t->body_line, VT_TEXT);
    date_format(date_from_days(b->today, iso, sizeof iso), b->lang, d, sizeof d);
    build_text(p, b, d, x + t->unit, y, w, VT_FONT_REGULAR, t->small_px, t->small_line, VT_MUTED);
    return w;
}

void screen_timeline_build(VtPage *p, const VtBuild *b, int viewport_h, int *today_x)
{
    const VtTheme *t = b->th;
    Geo g;
    geometry(&g, b, viewport_h);
    build_text_clamped(p, b, str_get(S_TIMELINE_HINT, b->lang), t->margin, g.top,
                       t->w - 2 * t->margin, VT_FONT_REGULAR, t->small_px, t->small_line, VT_MUTED,
                       1);
    int x = t->margin, last_year = 0, today_done = 0;
    int card_y = g.top + t->small_line + t->gap;
    *today_x = 0;
    for (int i = 0; i < b->c->nevents; i++) {
        const VtEvent *e = &b->c->events[i];
        int year = date_year(e->date);
        int future = date_days(e->date) > b->today;
        if (future && !today_done) { /* today's marker between past and future */
            *today_x = x + t->gap;
            x = *today_x + today_marker(p, b, *today_x, card_y, g.axis_y);
            today_done = 1;
        }
        if (last_year && year > last_year + 1) { /* skipped years: an axis break */
            build_text(p, b, "//", x, g.axis_y - t->body_line / 2, t->body_px * 2, VT_FONT_BOLD,
                       t->body_px, t->body_line, VT_MUTED);
            x += t->body_px * 2;
        }
        VtRect r = {x, card_y, g.card_w, g.card_h};
        page_fill(p, r, VT_SURFACE);
        page_frame(p, r, future ? VT_FUTURE : VT_LINE);
        card_content(p, b, &g, e, x + g.pad, card_y + g.pad, future, g.title_lines);
        page_hit(p, r, VT_ACT_OPEN_EVENT, i, 0);
        /* the tick from card to axis, and the axis under the card */
        page_fill(p, (VtRect){x + g.pad, card_y + g.card_h, 3, g.axis_y - card_y - g.card_h},
                  VT_LINE);
        if (future)
            dashed(p, x, x + g.step, g.axis_y, t->unit * 2, VT_FUTURE);
        else
            page_fill(p, (VtRect){x - t->gap, g.axis_y, g.step + t->gap, 3}, VT_TEXT);
        if (year != last_year)
            year_label(p, b, x, g.axis_y + t->unit, year);
        last_year = year;
        x += g.step;
    }
    if (!today_done) {
        *today_x = x;
        x += today_marker(p, b, x, card_y, g.axis_y);
    }
    page_extend(p, (VtRect){0, 0, x + t->margin, viewport_h});
}
