/*
 * screen_timeline: the detail under the overview (timeline_band.c): a card per event in date
 * order, each with its status badge (what the sources show of the answer it leads to:
 * content_event_standing), its date, title and the document it is in. On a landscape screen
 * the cards run left to right in one row; on a portrait one they run down the screen, full
 * width, under a heading per year, so the timeline fills the screen either way. The cards are
 * spaced evenly, not in proportion to time: the overview above them shows the proportions,
 * and a proportional row would be screens of empty years. Today's date is a marked line
 * between past and future; events after it (the 2028 target) are drawn in their own colour
 * with a "Target" tag. Arrow buttons and the band's year chips move the cards without a drag.
 * Under today's date, where the timeline opens, the "read on at home" QR code of the latest
 * event's document (takehome.h), where it fits under the band.
 */
#include "timeline.h"

#include "takehome.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    int card_w, card_h, pad, title_lines, src_lines;
    int px, line;    /* the date's and the title's size: the body's, or larger (room to spare) */
    int quote_lines; /* the source's own words that state the event, up to this many lines (0) */
} Geo;

/* The badge: a pill in its colours, with "Target" beside it for the future. Returns its
 * height. */
static int badge(VtPage *p, const VtBuild *b, const VtEvent *e, int x, int y, int w)
{
    const VtTheme *t = b->th;
    VtBadgeLook look = timeline_badge(content_event_standing(b->c, e), b->lang);
    int pad = t->unit, room = w - 2 * pad;
    int tw = build_width(b, look.label, VT_FONT_BOLD, t->small_px);
    VtTextStyle st = {VT_FONT_BOLD, t->small_px, t->small_line, 0, look.fg, 2};
    int h = wrap_height(b->m, look.label, room, &st); /* a narrow card: on two lines */
    tw = h > t->small_line || tw > room ? room : tw;
    page_fill(p, (VtRect){x, y, tw + 2 * pad, h}, look.bg);
    build_text_clamped(p, b, look.label, x + pad, y, room, VT_FONT_BOLD, t->small_px, t->small_line,
                       look.fg, 2);
    if (timeline_future(b, e)) {
        const char *target = str_get(S_TARGET, b->lang);
        int gx = x + tw + 3 * pad;
        if (gx + build_width(b, target, VT_FONT_BOLD, t->small_px) <= x + w)
            build_text(p, b, target, gx, y, x + w - gx, VT_FONT_BOLD, t->small_px, t->small_line,
                       VT_FUTURE);
    }
    return h;
}

/* Lays out one card's content; title_lines limits the title. Returns the height used. */
static int card_content(VtPage *p, const VtBuild *b, const Geo *g, const VtEvent *e, int x, int y,
                        int title_lines)
{
    const VtTheme *t = b->th;
    char date[64], src[512];
    int w = g->card_w - 2 * g->pad, y0 = y;
    y += badge(p, b, e, x, y, w) + t->unit;
    date_format(e->date, b->lang, date, sizeof date);
    y += build_text(p, b, date, x, y, w, VT_FONT_BOLD, g->px, g->line,
                    timeline_future(b, e) ? VT_FUTURE : VT_ACCENT);
    y += build_text_clamped(p, b, text_get(&e->title, b->lang), x, y, w, VT_FONT_REGULAR, g->px,
                            g->line, VT_TEXT, title_lines);
    if (g->quote_lines > 0 && e->quote) { /* the evidence: verbatim, in the source's Dutch */
        char q[1024];
        snprintf(q, sizeof q, "\u201c%s\u201d", e->quote);
        y += t->unit + build_text_clamped(p, b, q, x, y + t->unit, w, VT_FONT_QUOTE, t->body_px,
                                          t->body_line, VT_TEXT, g->quote_lines);
    }
    if (g->src_lines < 1) /* a low screen: the reader shows the document */
        return y - y0;
    y += t->unit;
    snprintf(src, sizeof src, "%s: %s", str_get(S_EVENT_IN_DOC, b->lang),
             text_get(&b->c->docs[e->doc].title, b->lang));
    y += build_text_clamped(p, b, src, x, y, w, VT_FONT_REGULAR, t->small_px, t->small_line,
                            VT_MUTED, g->src_lines);
    return y - y0;
}

/* The tallest card of the row with g's sizes and lines; card_w from pct per cent of the width.
 * Stops at the first card taller than limit (the try has failed: a timeline of thousands of
 * events is not laid out once per try), returning that card's height. */
static int row_height(Geo *g, const VtBuild *b, int pct, int limit, VtPage *tmp)
{
    const VtTheme *t = b->th;
    g->card_w = t->w * pct / 100;
    if (g->card_w < g->px * 11)
        g->card_w = g->px * 11;
    if (g->card_w > t->w - 2 * t->margin)
        g->card_w = t->w - 2 * t->margin;
    int hmax = 0;
    for (int i = 0; i < b->c->nevents && hmax + 2 * g->pad <= limit; i++) {
        int h = card_content(tmp, b, g, &b->c->events[i], 0, 0, g->title_lines);
        hmax = h > hmax ? h : hmax;
        page_clear(tmp);
    }
    return hmax + 2 * g->pad;
}

/* Landscape: one card height for the row, as tall as the tallest card needs with at most three
 * title lines and two for its document. Where the space under the band has room to spare (a 27"
 * or 15.6" panel), the dates and titles are set larger, to be read from further away: at the
 * poster's companion size (7 mm caps) where the row then takes at most three quarters of it,
 * else at the heading's size where it takes at most half. Where it is too low, the document gets
 * one line, then the title two, then the document none (the reader names it), then the title one;
 * each step is tried with cards of 36 % of the screen's width, then wider ones (a low 7" panel: a
 * card and a half in view rather than a title cut to a word). */
static void row_geometry(Geo *g, const VtBuild *b, int avail)
{
    const VtTheme *t = b->th;
    static const int tries[][2] = {{3, 2}, {3, 1}, {2, 1}, {2, 0}, {1, 0}};
    static const int widths[] = {36, 48, 60}; /* per cent of the screen's width */
    const int nt = (int)(sizeof tries / sizeof *tries), nw = (int)(sizeof widths / sizeof *widths);
    VtPage tmp = {0};
    g->pad = 2 * t->unit;
    g->title_lines = tries[0][0];
    g->src_lines = tries[0][1];
    /* room to spare: the poster's companion size (7 mm caps, read from 2-3 m) with the source's
     * words that state each event, else without them, else the heading's size */
    const int big[][3] = {{t->poster_small_px, t->poster_small_line, 4},
                          {t->poster_small_px, t->poster_small_line, 0},
                          {t->head_px, t->head_line, 0}};
    for (int k = 0; k < 3; k++) {
        g->px = big[k][0], g->line = big[k][1], g->quote_lines = big[k][2];
        int limit = k < 2 ? avail * 3 / 4 : avail / 2;
        g->card_h = row_height(g, b, 40, limit, &tmp);
        if (g->card_h <= limit) {
            page_free(&tmp);
            return;
        }
    }
    g->quote_lines = 0;
    g->px = t->body_px, g->line = t->body_line;
    for (int k = 0; k < nt * nw; k++) {
        int last = k == nt * nw - 1;
        g->title_lines = tries[k / nw][0];
        g->src_lines = tries[k / nw][1];
        g->card_h =
            row_height(g, b, last ? widths[0] : widths[k % nw], last ? INT_MAX : avail, &tmp);
        if (g->card_h <= avail)
            break;
    }
    page_free(&tmp);
}

static void card(VtPage *p, const VtBuild *b, const Geo *g, int i, VtRect r)
{
    const VtEvent *e = &b->c->events[i];
    page_fill(p, r, VT_SURFACE);
    page_frame(p, r, timeline_future(b, e) ? VT_FUTURE : VT_LINE);
    card_content(p, b, g, e, r.x + g->pad, r.y + g->pad, g->title_lines);
    page_hit(p, r, VT_ACT_OPEN_EVENT, i, 0);
}

/* The link of the latest event's document up to today (takehome.h), or NULL. */
static const char *today_link(const VtBuild *b)
{
    int doc = takehome_timeline_doc(b->c, b->today);
    return doc >= 0 ? takehome_doc_link(&b->c->docs[doc]) : NULL;
}

/* "Today" and the date, beside a line across the cards' axis (along x or y), and under them the
 * "read on at home" QR code of the latest event's document, where it fits: in a row, within
 * room (the height under the band, under the cards' top), in a column, across len with the
 * whole row within room (the cards' part of the viewport), so it opens in view. */
static int today_marker(VtPage *p, const VtBuild *b, int x, int y, int len, int horizontal,
                        int room)
{
    const VtTheme *t = b->th;
    char iso[16], d[64], s[96];
    const char *link = today_link(b);
    date_format(date_from_days(b->today, iso, sizeof iso), b->lang, d, sizeof d);
    if (horizontal) {
        int w = t->body_px * 8, y0 = y, lw = link ? takehome_width(b, link) : 0;
        w = w < lw ? lw : w;
        page_fill(p, (VtRect){x, y, 4, len}, VT_TEXT);
        y += build_text(p, b, str_get(S_TODAY, b->lang), x + t->unit, y, w, VT_FONT_BOLD,
                        t->body_px, t->body_line, VT_TEXT);
        y += build_text(p, b, d, x + t->unit, y, w, VT_FONT_REGULAR, t->small_px, t->small_line,
                        VT_MUTED);
        if (link && y + t->gap + takehome_height(b, link, w) <= y0 + room)
            takehome_build(p, b, link, x + t->unit, y + t->gap, w);
        return w + t->unit;
    }
    snprintf(s, sizeof s, "%s, %s", str_get(S_TODAY, b->lang), d);
    page_fill(p, (VtRect){x, y, len, 4}, VT_TEXT);
    int h = 4 + t->unit +
            build_text(p, b, s, x, y + 4 + t->unit, len, VT_FONT_BOLD, t->body_px, t->body_line,
                       VT_TEXT);
    if (link && h + t->gap + takehome_height(b, link, len) + t->unit <= room)
        h += t->gap + takehome_build(p, b, link, x, y + h + t->gap, len);
    return h + t->unit;
}

static void build_row(VtPage *p, const VtBuild *b, int top, int viewport_h, VtTimelineInfo *in)
{
    const VtTheme *t = b->th;
    Geo g;
    int card_y = top + t->gap;
    int room = viewport_h - card_y - 3 * t->unit; /* clear of the scroll indicator */
    row_geometry(&g, b, room);
    int x = t->margin, today_x = -1;
    in->first = x;
    for (int i = 0; i < b->c->nevents; i++) {
        if (today_x < 0 && timeline_future(b, &b->c->events[i])) {
            today_x = x;
            x += today_marker(p, b, x, card_y, g.card_h, 1, room) + t->gap;
        }
        card(p, b, &g, i, (VtRect){x, card_y, g.card_w, g.card_h});
        x += g.card_w + t->gap;
    }
    if (today_x < 0) {
        today_x = x;
        x += today_marker(p, b, x, card_y, g.card_h, 1, room);
    }
    page_extend(p, (VtRect){0, 0, x + t->margin, viewport_h});
    in->open = today_x - t->w * 2 / 3;
}

static void build_column(VtPage *p, const VtBuild *b, int top, int viewport_h, VtTimelineInfo *in)
{
    const VtTheme *t = b->th;
    Geo g = {.quote_lines = 0,
             .pad = 2 * t->unit,
             .title_lines = 3,
             .src_lines = 2,
             .px = t->body_px,
             .line = t->body_line};
    g.card_w = t->w - 2 * t->margin - t->target - t->gap;
    int x = t->margin, y = top + t->gap, last = 0, today_y = -1, today_h = 0;
    int year_h = t->head_line + t->unit, room = viewport_h - top - t->gap;
    in->first = y + year_h;
    for (int i = 0; i < b->c->nevents; i++) {
        const VtEvent *e = &b->c->events[i];
        if (today_y < 0 && timeline_future(b, e)) {
            today_y = y;
            y += today_h = today_marker(p, b, x, y, g.card_w, 0, room);
            y += t->gap;
        }
        int year = date_year(e->date);
        if (year != last) {
            char s[16];
            snprintf(s, sizeof s, "%d", year);
            build_text(p, b, s, x, y, g.card_w, VT_FONT_BOLD, t->head_px, t->head_line,
                       timeline_future(b, e) ? VT_FUTURE : VT_TEXT);
            y += year_h;
            last = year;
        }
        VtPage tmp = {0};
        g.card_h = card_content(&tmp, b, &g, e, 0, 0, g.title_lines) + 2 * g.pad;
        page_free(&tmp);
        card(p, b, &g, i, (VtRect){x, y, g.card_w, g.card_h});
        y += g.card_h + t->gap;
    }
    if (today_y < 0) {
        today_y = y;
        y += today_h = today_marker(p, b, x, y, g.card_w, 0, room);
    }
    page_extend(p, (VtRect){0, 0, t->w, y + t->margin});
    /* today two thirds down the cards' part of the viewport (under the band), and its row
     * whole in view (its QR code), the past above it as far as there is room */
    in->open = today_y - top - (viewport_h - top) * 2 / 3;
    int show = today_y + today_h - viewport_h + t->unit, cap = today_y - top;
    in->open = in->open < show ? (show < cap ? show : cap) : in->open;
}

void screen_timeline_build(VtPage *p, VtPage *controls, const VtBuild *b, int viewport_h,
                           VtTimelineInfo *info)
{
    const VtTheme *t = b->th;
    memset(info, 0, sizeof *info);
    info->horizontal = t->w >= t->h;
    int top = info->band_h = timeline_band(controls, b, viewport_h, info);
    if (info->horizontal)
        build_row(p, b, top, viewport_h, info);
    else
        build_column(p, b, top, viewport_h, info);
    if (!info->horizontal) /* the row's arrows are in the band, beside the year chips */
        controls_scroll_buttons(controls, b, (VtRect){0, top, t->w, viewport_h - top});
}
