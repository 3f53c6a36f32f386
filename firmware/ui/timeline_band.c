/*
 * timeline_band: the overview first, then the detail. Above the cards, fixed while they
 * scroll, the band shows the whole arc at once: a time axis from the first event's year to the
 * last's (today included), in proportion to time, so the handful of events of 2003–2024 stand
 * apart and the crowd of 2025–26 piles up; a mark per event in its badge's colour, stacked where
 * events fall on the same spot; year ticks with as many labels as fit (the first and last year
 * always); today's line, and the future dashed in its own colour. Under it, a chip per year that
 * has events and one for today, each moving the cards there with one tap (issue 14: nothing
 * may move only by dragging). The marks are grouped per column of the axis, so the band costs
 * what the screen can show, however many events the pack holds. The span the cards show is
 * marked on the axis every frame by ui_marks.c.
 *
 * On a low landscape panel (a 7" at 800x480 or 1280x720: 86-88 mm high) that band would leave
 * the cards a third of the screen, so there it is compact and the cards keep at least half:
 * a short hint folded into the axis row between the arrows, marks stacked two high, and one
 * row of the chips that fit (today's, the first and last year's, then the years with the most
 * events, shown in date order); the arrows reach the rest. On a narrow portrait panel (the 7"
 * at 720x1280: 88 mm wide) the full band's hint and three rows of chips would take over a third
 * of the view the cards scroll under, so there it is compact too: the short hint over the axis
 * and one row of chips (the cards scroll to the rest).
 */
#include "timeline.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK_LEVELS 4 /* marks stacked on one spot before they overlap */
#define MARK_LEVELS_COMPACT 2

VtBadgeLook timeline_badge(VtStanding s, VtLang lang)
{
    switch (s) {
    case VT_STANDING_NO_ANSWER:
        return (VtBadgeLook){str_get(S_STATUS_AWAITING, lang), VT_MUTED, VT_ON_ACCENT};
    case VT_STANDING_CONFIDENTIAL: /* the redaction bar's black */
        return (VtBadgeLook){str_get(S_BADGE_CONFIDENTIAL, lang), VT_TEXT, VT_ON_ACCENT};
    case VT_STANDING_MEMO: return (VtBadgeLook){str_get(S_KIND_MEMO, lang), VT_PRESSED, VT_TEXT};
    default: return (VtBadgeLook){str_get(S_STATUS_ANSWERED, lang), VT_ACCENT, VT_ON_ACCENT};
    }
}

static long jan1(int year)
{
    char s[16];
    snprintf(s, sizeof s, "%04d", year);
    return date_days(s);
}

int screen_timeline_day_x(const VtTimelineInfo *info, long day)
{
    long span = info->day1 > info->day0 ? info->day1 - info->day0 : 1;
    long long off = (long long)(day - info->day0) * info->axis.w / span;
    off = off < 0 ? 0 : off > info->axis.w ? info->axis.w : off;
    return info->axis.x + (int)off;
}

/* Year labels: the first and last year, then the years with events (has[year - y0]), then
 * every fifth, each where it does not touch a label already placed. */
static void year_labels(VtPage *p, const VtBuild *b, const VtTimelineInfo *in, int y, int y0,
                        int y1, const unsigned char *has)
{
    const VtTheme *t = b->th;
    int placed[64][2], np = 0;
    for (int pass = 0; pass < 3; pass++)
        for (int year = y0; year <= y1 && np < 64; year++) {
            int want = pass == 0   ? (year == y0 || year == y1)
                       : pass == 1 ? has[year - y0]
                                   : year % 5 == 0;
            for (int k = 0; k < np && want; k++)
                want = placed[k][1] != year;
            if (!want)
                continue;
            char s[16];
            snprintf(s, sizeof s, "%d", year);
            int w = build_width(b, s, VT_FONT_BOLD, t->small_px);
            int x = screen_timeline_day_x(in, jan1(year));
            if (x + w > in->axis.x + in->axis.w + t->margin / 2)
                x = in->axis.x + in->axis.w + t->margin / 2 - w;
            int clash = 0;
            for (int k = 0; k < np; k++)
                clash |= x < placed[k][0] + w + t->unit && placed[k][0] < x + w + t->unit;
            if (clash)
                continue;
            placed[np][0] = x;
            placed[np++][1] = year;
            page_text(p, x, y, w, t->small_line, s, strlen(s), VT_FONT_BOLD, t->small_px, VT_TEXT);
        }
}

/* One mark per event, stacked where events share a column of the axis; a column holds at most
 * levels, so the marks cost what the axis can show, whatever the number of events. */
static void event_marks(VtPage *p, const VtBuild *b, const VtTimelineInfo *in, int dot, int levels)
{
    int ncols = in->axis.w / (dot + 1) + 1;
    unsigned char *count = xcalloc((size_t)ncols, 1);
    for (int i = 0; i < b->c->nevents; i++) {
        const VtEvent *e = &b->c->events[i];
        int col = (screen_timeline_day_x(in, date_days(e->date)) - in->axis.x) / (dot + 1);
        if (col < 0 || col >= ncols || count[col] >= levels)
            continue;
        int level = count[col]++;
        VtColor c = timeline_future(b, e)
                        ? VT_FUTURE
                        : timeline_badge(content_event_standing(b->c, e), b->lang).bg;
        int x = in->axis.x + col * (dot + 1);
        page_fill(p, (VtRect){x, in->axis.y - (level + 1) * (dot + 1), dot, dot}, c);
    }
    free(count);
}

/* The overview row: [arrow] the axis with its marks and year labels [arrow] (the arrows in
 * landscape only); compact, the short hint above the axis between the arrows. Returns its
 * height. */
static int overview(VtPage *p, const VtBuild *b, VtTimelineInfo *in, int y, int compact)
{
    const VtTheme *t = b->th;
    const VtContent *c = b->c;
    int y0 = date_year(c->events[0].date), y1 = date_year(c->events[c->nevents - 1].date);
    char iso[16];
    int ty = date_year(date_from_days(b->today, iso, sizeof iso));
    y0 = ty && ty < y0 ? ty : y0;
    y1 = ty > y1 ? ty : y1;
    if (y1 - y0 > 400) /* a pack's dates are checked; a span of centuries is not a timeline */
        y0 = y1 - 400;
    int dot = t->unit > 3 ? t->unit : 3, line = dot / 2 > 2 ? dot / 2 : 2;
    int hint_line = compact ? t->small_px * 6 / 5 : 0;
    int marks_h = (compact ? MARK_LEVELS_COMPACT : MARK_LEVELS) * (dot + 1);
    int h = hint_line + marks_h + line + t->unit + t->small_line;
    int row_h = in->horizontal && h < t->target ? t->target : h, top = y;
    y += (row_h - h) / 2;
    in->day0 = jan1(y0);
    in->day1 = jan1(y1 + 1);
    int x0 = t->margin, x1 = t->w - t->margin;
    if (in->horizontal) { /* the row's arrows at either end of the overview */
        int ay = top + (row_h - t->target) / 2;
        controls_arrow_button(p, b, x0, ay, VT_ARROW_LEFT);
        controls_arrow_button(p, b, x1 - t->target, ay, VT_ARROW_RIGHT);
        x0 += t->target + 2 * t->gap;
        x1 -= t->target + 2 * t->gap;
    }
    if (compact)
        y += build_text_clamped(p, b, str_get(S_TIMELINE_HINT_SHORT, b->lang), x0, y, x1 - x0,
                                VT_FONT_REGULAR, t->small_px, hint_line, VT_MUTED, 1);
    in->axis = (VtRect){x0, y + marks_h, x1 - x0, line};
    in->marks = (VtRect){in->axis.x, y, in->axis.w, marks_h + line};
    int tx = screen_timeline_day_x(in, b->today);
    page_fill(p, (VtRect){in->axis.x, in->axis.y, tx - in->axis.x, line}, VT_TEXT);
    for (int x = tx; x < in->axis.x + in->axis.w; x += 2 * dot) /* the future, dashed */
        page_fill(p, (VtRect){x, in->axis.y, dot, line}, VT_FUTURE);
    int step = 1 + (y1 - y0 + 2) * 3 / (in->axis.w + 1); /* ticks at least 3 px apart */
    for (int year = y0; year <= y1 + 1; year += step)
        page_fill(p, (VtRect){screen_timeline_day_x(in, jan1(year)), in->axis.y, 1, line + t->unit},
                  VT_MUTED);
    event_marks(p, b, in, dot, compact ? MARK_LEVELS_COMPACT : MARK_LEVELS);
    page_fill(p, (VtRect){tx, y, line + 1, marks_h + line}, VT_TEXT); /* today */
    unsigned char *has = xcalloc((size_t)(y1 - y0 + 1), 1);
    for (int i = 0; i < c->nevents; i++) {
        int year = date_year(c->events[i].date);
        if (year >= y0 && year <= y1)
            has[year - y0] = 1;
    }
    year_labels(p, b, in, in->axis.y + line + t->unit, y0, y1, has);
    free(has);
    return row_h;
}

typedef struct {
    char label[16];
    int year; /* 0: today's */
    int events, w, keep;
} Chip;

/* The chips: one per year with events in date order, today's among them where it falls, with
 * their widths and events. Returns their number; *out is the caller's to free. */
static int chip_list(const VtBuild *b, Chip **out)
{
    Chip *v = xcalloc((size_t)b->c->nevents + 2, sizeof *v);
    int n = 0, today_done = 0, last = -1; /* last: the chip of the year before */
    for (int i = 0; i <= b->c->nevents; i++) {
        const VtEvent *e = i < b->c->nevents ? &b->c->events[i] : NULL;
        int year = e ? date_year(e->date) : 0;
        if (!today_done && (!e || timeline_future(b, e))) {
            today_done = 1;
            snprintf(v[n].label, sizeof v[n].label, "%s", str_get(S_TODAY, b->lang));
            v[n++].year = 0;
        }
        if (!e)
            break;
        if (last < 0 || v[last].year != year) {
            snprintf(v[n].label, sizeof v[n].label, "%d", year);
            v[n].year = year;
            last = n++;
        }
        v[last].events++;
    }
    for (int i = 0; i < n; i++)
        v[i].w = build_button_w(b, v[i].label, 0), v[i].keep = 1;
    *out = v;
    return n;
}

/* Compact: keeps the chips that fit one row of width room: today's, the first and the last,
 * then the years with the most events (the later first). */
static void chips_that_fit(Chip *v, int n, int room, int gap)
{
    int used = 0;
    for (int i = 0; i < n; i++)
        v[i].keep = 0;
    for (;;) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (v[i].keep || used + v[i].w > room)
                continue;
            int pinned = v[i].year == 0 || i == 0 || i == n - 1;
            int bp = best < 0 ? 0 : v[best].year == 0 || best == 0 || best == n - 1;
            if (best < 0 || pinned > bp || (pinned == bp && v[i].events >= v[best].events))
                best = i;
        }
        if (best < 0)
            return;
        v[best].keep = 1;
        used += v[best].w + gap;
    }
}

/* The chips in rows from x0 to x1 (compact: one row of those that fit). Returns the height of
 * the rows they took. */
static int chips(VtPage *p, const VtBuild *b, int y, int x0, int x1, int compact)
{
    const VtTheme *t = b->th;
    Chip *v;
    int n = chip_list(b, &v), x = x0, rows = 1;
    if (compact)
        chips_that_fit(v, n, x1 - x0, t->target_gap);
    for (int i = 0; i < n; i++) {
        if (!v[i].keep)
            continue;
        if (x > x0 && x + v[i].w > x1) { /* next row */
            x = x0;
            y += t->target + t->target_gap;
            rows++;
        }
        x += build_button(p, b, v[i].label, x, y, 0, VT_ACT_YEAR, v[i].year, 0, v[i].year == 0) +
             t->target_gap;
    }
    free(v);
    return rows * t->target + (rows - 1) * t->target_gap;
}

/* The band from the top: the hint, the overview, the chips, a rule. Returns its height. */
static int band(VtPage *p, const VtBuild *b, VtTimelineInfo *info, int compact)
{
    const VtTheme *t = b->th;
    int y = compact ? t->unit / 2 : t->unit * 2;
    if (!compact) {
        y += build_text_clamped(p, b, str_get(S_TIMELINE_HINT, b->lang), t->margin, y,
                                t->w - 2 * t->margin, VT_FONT_REGULAR, t->small_px, t->small_line,
                                VT_MUTED, 2);
        y += t->unit;
    }
    if (b->c->nevents > 0) {
        y += overview(p, b, info, y, compact) + (compact ? t->target_gap : t->gap);
        y +=
            chips(p, b, y, t->margin, t->w - t->margin, compact) + (compact ? t->unit / 2 : t->gap);
    }
    page_fill(p, (VtRect){0, y, t->w, 2}, VT_LINE);
    return y + 2;
}

int timeline_band(VtPage *p, const VtBuild *b0, int viewport_h, VtTimelineInfo *info)
{
    VtTheme bar; /* a bar of buttons: its labels grow only to 150 % */
    VtBuild bb;
    const VtBuild *b = build_bar(b0, &bar, &bb);
    const VtTheme *t = &bar;
    /* In portrait the cards scroll up under the band, which hides them; in landscape they
     * never reach it, and a fill of the screen's colour would only cost pixels every frame. */
    int bg = info->horizontal ? -1 : p->nboxes;
    if (bg >= 0)
        page_fill(p, (VtRect){0, 0, t->w, 0}, VT_BG); /* its height once known */
    /* The full band, measured: in landscape, does it leave the cards half the screen; in
     * portrait (the cards scroll under it), does it take at most a third of the view? */
    VtPage tmp = {0};
    int full = band(&tmp, b, info, 0);
    int compact = info->horizontal ? viewport_h - full < t->h / 2 : 3 * full > viewport_h;
    page_free(&tmp);
    int y = band(p, b, info, compact);
    if (bg >= 0)
        p->boxes[bg].r.h = y;
    return y;
}
