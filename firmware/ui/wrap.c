/*
 * wrap: markup -> segments -> words -> lines -> runs.
 *
 * A paragraph is first turned into segments: stretches of one style with a flag telling whether
 * a space precedes them. Segments without a space between them form one word ("*NRC*-artikel"
 * is one word in two styles). Lines are filled greedily by words; a line is emitted as runs,
 * merging neighbouring segments of the same style (with their spaces) so a typical line is one
 * run and one draw. Measuring is linear in what is laid out: a word is measured code point by
 * code point only as far as the lines being filled, and stops with the line limit, so an
 * unbroken word of a megabyte costs a slide its three lines, not the megabyte.
 */
#include "wrap.h"

#include "buf.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t start, len; /* into the paragraph's display buffer */
    VtFontStyle style;
    bool space_before;
    int width;
} Seg;

typedef struct {
    VtBuf text; /* display text of the paragraph, segments point into it */
    Seg *segs;
    int nsegs, cap;
} Para;

static const char *const superscripts[10] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

static void push_seg(Para *p, size_t start, VtFontStyle style, bool space_before)
{
    if (p->text.len == start)
        return;
    if (p->nsegs == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->segs = xrealloc(p->segs, sizeof *p->segs * (size_t)p->cap);
    }
    p->segs[p->nsegs++] = (Seg){start, p->text.len - start, style, space_before, 0};
}

/* Returns the length of a footnote marker "[^N]" at s, or 0. */
static size_t marker_len(const char *s, const char *end)
{
    if (end - s < 4 || s[0] != '[' || s[1] != '^')
        return 0;
    const char *q = s + 2;
    while (q < end && *q >= '0' && *q <= '9')
        q++;
    return (q > s + 2 && q < end && *q == ']') ? (size_t)(q - s + 1) : 0;
}

/* Splits one paragraph (s..end) into segments. */
static void para_parse(Para *p, const char *s, const char *end, VtFontStyle base)
{
    bool italic = false, space = false;
    VtFontStyle style = base;
    size_t start = p->text.len;
    while (s < end) {
        size_t mk = marker_len(s, end);
        if (*s == ' ' || *s == '\n' || *s == '\t') {
            push_seg(p, start, style, space);
            start = p->text.len;
            space = p->nsegs > 0;
            s++;
        } else if (*s == '*') {
            push_seg(p, start, style, space);
            if (p->text.len != start)
                space = false;
            start = p->text.len;
            italic = !italic;
            /* emphasis: italic (bold italic in bold), or upright inside a quote set in italics */
            style = !italic                 ? base
                    : base == VT_FONT_BOLD  ? VT_FONT_BOLD_ITALIC
                    : base == VT_FONT_QUOTE ? VT_FONT_REGULAR
                                            : VT_FONT_ITALIC;
            s++;
        } else if (mk) {
            for (const char *d = s + 2; *d != ']'; d++)
                buf_puts(&p->text, superscripts[*d - '0']);
            s += mk;
        } else {
            buf_append(&p->text, s, 1);
            s++;
        }
    }
    push_seg(p, start, style, space);
}

typedef struct {
    VtPage *page; /* NULL when only measuring */
    const VtMeasure *m;
    const VtTextStyle *st;
    int x, y, w;
    int lines; /* emitted so far */
    bool truncated;
    int space_w[VT_FONT_COUNT]; /* -1 until measured: a style not in the text is never opened */
} Ctx;

/* The width of a space in style at the text's size, measured once. */
static int space_of(Ctx *c, VtFontStyle style)
{
    if (c->space_w[style] < 0)
        c->space_w[style] = c->m->width(c->m->ctx, style, c->st->px, " ", 1);
    return c->space_w[style];
}

/* Emits segments [a, b) as one line, merging same-style neighbours into runs. */
static void emit_line(Ctx *c, const Para *p, const Seg *segs, int a, int b, bool ellipsis)
{
    if (c->page) {
        VtBuf run = {0};
        int x = c->x, run_x = c->x;
        VtFontStyle style = segs[a].style;
        for (int i = a; i < b; i++) {
            const Seg *g = &segs[i];
            int sp = (i > a && g->space_before) ? space_of(c, g->style) : 0;
            if (g->style != style && run.len) {
                page_text(c->page, run_x, c->y, x - run_x, c->st->line_h, run.data, run.len, style,
                          c->st->px, c->st->color);
                buf_clear(&run);
            }
            if (!run.len)
                run_x = x + sp;
            else if (sp)
                buf_puts(&run, " ");
            style = g->style;
            buf_append(&run, p->text.data + g->start, g->len);
            x += sp + g->width;
        }
        if (ellipsis) {
            buf_puts(&run, "…");
            x += c->m->width(c->m->ctx, style, c->st->px, "…", strlen("…"));
        }
        if (run.len)
            page_text(c->page, run_x, c->y, x - run_x, c->st->line_h, run.data, run.len, style,
                      c->st->px, c->st->color);
        buf_free(&run);
    }
    c->y += c->st->line_h;
    c->lines++;
}

/* Splits g at a line break: returns how many bytes of g's text fit in avail pixels (at least
 * one code point, all of g when it fits) and their width in *w. The width grows by what each
 * code point adds after the one before it (its advance and their kerning: two measures of at
 * most two code points), so the cost is linear in the bytes that fit, however long g is; the
 * head is then measured as a whole, backing off in the rare case it is wider than the sum. A
 * word of up to VT_WRAP_WHOLE_MAX bytes is first measured whole: when it fits (nearly always)
 * that is one measure instead of two a code point, and a word exactly as wide as the line (a
 * tag sized to its word) is not broken by the sum's rounding. */
#define VT_WRAP_WHOLE_MAX 256
static size_t fit_prefix(Ctx *c, const Para *p, const Seg *g, int avail, int *w)
{
    const char *s = p->text.data + g->start;
    if (g->len <= VT_WRAP_WHOLE_MAX) { /* a word of ordinary length: measured whole, it fits */
        *w = c->m->width(c->m->ctx, g->style, c->st->px, s, g->len);
        if (*w <= avail)
            return g->len;
    }
    size_t best = 0, pos = 0, pref = 0, prev = 0; /* prev: byte length of the code point before */
    int sum = 0;
    while (pos < g->len) {
        uint32_t cp;
        size_t n = utf8_decode(s + pos, g->len - pos, &cp);
        sum += c->m->width(c->m->ctx, g->style, c->st->px, s + pos - prev, prev + n);
        if (prev)
            sum -= c->m->width(c->m->ctx, g->style, c->st->px, s + pos - prev, prev);
        prev = n;
        if (sum > avail && best)
            break;
        pos += n;
        best = pos;
        if (strchr("/-.?&=_", (int)cp) && cp < 128)
            pref = pos;
    }
    size_t cut = (pref > best / 2 && best < g->len) ? pref : best;
    *w = c->m->width(c->m->ctx, g->style, c->st->px, s, cut);
    while (*w > avail && cut > 0) { /* kerning made it wider than the sum: drop a code point */
        size_t back = cut - 1;
        while (back > 0 && ((unsigned char)s[back] & 0xC0) == 0x80)
            back--;
        if (back == 0)
            break;
        cut = back;
        *w = c->m->width(c->m->ctx, g->style, c->st->px, s, cut);
    }
    return cut;
}

/* Width of segments [a, b) set on one line. */
static int line_width(Ctx *c, const Seg *segs, int a, int b)
{
    int x = 0;
    for (int i = a; i < b; i++)
        x += ((i > a && segs[i].space_before) ? space_of(c, segs[i].style) : 0) + segs[i].width;
    return x;
}

static bool limit_reached(const Ctx *c)
{
    return c->st->max_lines > 0 && c->lines >= c->st->max_lines;
}

/* The line-sized pieces of a paragraph, made on demand: a word wider than the line is broken
 * only as far as lines are actually laid out, so a slide that shows three lines of a word of a
 * megabyte measures three lines, not the megabyte. */
typedef struct {
    Seg *v;
    int n, cap;
    int next; /* the paragraph's next segment to take */
    Seg rest; /* what is left of a word being broken */
    bool has_rest;
    int fit_w; /* pieces are at most this wide */
} Pieces;

/* Makes sure piece k exists; returns false when the paragraph has fewer pieces. */
static bool pieces_have(Ctx *c, const Para *p, Pieces *ps, int k)
{
    while (ps->n <= k) {
        if (!ps->has_rest) {
            if (ps->next == p->nsegs)
                return false;
            ps->rest = p->segs[ps->next++];
            ps->has_rest = true;
        }
        Seg head = ps->rest;
        head.len = fit_prefix(c, p, &ps->rest, ps->fit_w, &head.width);
        if (ps->n == ps->cap) {
            ps->cap = ps->cap ? ps->cap * 2 : 32;
            ps->v = xrealloc(ps->v, sizeof *ps->v * (size_t)ps->cap);
        }
        ps->v[ps->n++] = head;
        ps->rest.start += head.len;
        ps->rest.len -= head.len;
        ps->rest.space_before = true; /* forces a line break between the pieces */
        ps->has_rest = ps->rest.len > 0;
    }
    return true;
}

/* A paragraph that is a list item (the sources' "· ", "• ", "- " or "– " before its text) hangs:
 * its lines after the first start where the text after the marker starts. Returns that indent,
 * or 0 for an ordinary paragraph. */
static int hanging_indent(Ctx *c, const Para *p)
{
    static const char *const markers[] = {"\u00b7", "\u2022", "-", "\u2013"};
    if (p->nsegs < 2 || !p->segs[1].space_before)
        return 0;
    const Seg *g = &p->segs[0];
    for (size_t i = 0; i < sizeof markers / sizeof *markers; i++)
        if (g->len == strlen(markers[i]) && !memcmp(p->text.data + g->start, markers[i], g->len))
            return c->m->width(c->m->ctx, g->style, c->st->px, markers[i], g->len) +
                   space_of(c, p->segs[1].style);
    return 0;
}

/* Lays out one parsed paragraph. */
static void layout_para(Ctx *c, Para *p)
{
    int x0 = c->x, w0 = c->w, hang = hanging_indent(c, p);
    if (hang >= c->w / 2)
        hang = 0; /* a column too narrow to hang in */
    Pieces ps = {0};
    /* With a line limit, a broken word must leave room for the ellipsis after it. */
    ps.fit_w = c->w - hang;
    if (c->st->max_lines > 0)
        ps.fit_w -= c->m->width(c->m->ctx, c->st->style, c->st->px, "…", strlen("…"));
    if (ps.fit_w < 1)
        ps.fit_w = 1;

    int a = 0;
    while (pieces_have(c, p, &ps, a) && !limit_reached(c)) {
        Seg *segs = ps.v;
        int x = segs[a].width, b = a + 1;
        while (pieces_have(c, p, &ps, b)) {
            segs = ps.v;
            int sp = segs[b].space_before ? space_of(c, segs[b].style) : 0;
            if (x + sp + segs[b].width > c->w)
                break;
            x += sp + segs[b].width;
            b++;
        }
        segs = ps.v;
        /* Do not end a line inside a word: back up to the word's first segment. */
        int wb = b;
        while (wb < ps.n && wb > a + 1 && !segs[wb].space_before)
            wb--;
        if (wb > a)
            b = wb;
        bool last_allowed = c->st->max_lines > 0 && c->lines + 1 == c->st->max_lines;
        bool more = b < ps.n;
        if (last_allowed && more) /* make room for the ellipsis */
            while (b > a + 1 &&
                   line_width(c, segs, a, b) +
                           c->m->width(c->m->ctx, segs[b - 1].style, c->st->px, "…", strlen("…")) >
                       c->w)
                b--;
        emit_line(c, p, segs, a, b, last_allowed && more);
        if (last_allowed && more)
            c->truncated = true;
        a = b;
        c->x = x0 + hang; /* the lines after the first hang under the item's text */
        c->w = w0 - hang;
    }
    c->x = x0;
    c->w = w0;
    free(ps.v);
}

static int run_layout(VtPage *page, const VtMeasure *m, const char *text, int x, int y, int w,
                      const VtTextStyle *st)
{
    Ctx c = {page, m, st, x, y, w > 1 ? w : 1, 0, false, {0}};
    for (int f = 0; f < VT_FONT_COUNT; f++)
        c.space_w[f] = -1;
    const char *s = text;
    bool first = true;
    int para = 0;
    while (*s && !limit_reached(&c) && !c.truncated) {
        const char *end = strstr(s, "\n\n");
        if (!end)
            end = s + strlen(s);
        Para p = {0};
        para_parse(&p, s, end, st->style);
        if (p.nsegs) {
            if (!first)
                c.y += st->para_gap;
            if (page && st->anchor)
                page_anchor(page, st->anchor + para++, c.y);
            layout_para(&c, &p);
            first = false;
        }
        buf_free(&p.text);
        free(p.segs);
        s = *end ? end + 2 : end;
    }
    return c.y - y;
}

int wrap_text(VtPage *page, const VtMeasure *m, const char *text, int x, int y, int w,
              const VtTextStyle *st)
{
    return run_layout(page, m, text ? text : "", x, y, w, st);
}

int wrap_height(const VtMeasure *m, const char *text, int w, const VtTextStyle *st)
{
    return run_layout(NULL, m, text ? text : "", 0, 0, w, st);
}

char *wrap_plain(const char *text)
{
    VtBuf b = {0};
    const char *s = text ? text : "";
    const char *end = s + strlen(s);
    while (s < end) {
        size_t mk = marker_len(s, end);
        if (mk) {
            for (const char *d = s + 2; *d != ']'; d++)
                buf_puts(&b, superscripts[*d - '0']);
            s += mk;
        } else {
            if (*s != '*')
                buf_append(&b, s, 1);
            s++;
        }
    }
    return buf_take(&b);
}
