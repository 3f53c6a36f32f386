/*
 * screen_attract: the attract loop as a bilingual poster. One slide is one curated hook (a
 * verbatim quote of at most 32 words, content issue 12): the Dutch original large, our English
 * translation beneath it at the same time, each with who said it and when (the attribution the
 * loader composed from the document, or the curator's, marked as such). Slides walk the
 * documents in turn (document 1's first hook, document 2's first hook, ..., then the second
 * hooks), so consecutive slides come from different documents; a document without hooks shows
 * its title and date instead.
 *
 * The poster is split across the screen: everything above `split` is Dutch (an accent band
 * with the Dutch invitation at the top, the Dutch quote), everything below is English (the
 * translation, the English invitation in a band at the bottom). A touch on the quotes opens
 * the slide's document in the language of the half it landed in (VT_ACT_POSTER, arg document,
 * arg2 language); a touch on an invitation band begins at the timeline in its language. Both bands
 * have one size per theme, whatever the slide, so the invitation never jumps (issue 13, bug 11).
 * The quote is set at the largest size, from theme.poster_px down, at which the whole hook and its
 * translation fit: a hook is never cut (bug 13).
 *
 * The slide's motion (ui.c) is a redaction bar lifting off each line of the Dutch quote; the
 * lines are reported in a VtAttractReveal so the ui can draw the bars without knowing the
 * layout.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

static int hooks_of(const VtDoc *d)
{
    int n = d->nhighlights[VT_HIGHLIGHT_HOOK];
    return n > 0 ? n : 1; /* without hooks: one slide of the title */
}

int screen_attract_count(const VtContent *c)
{
    int n = 0;
    for (int i = 0; i < c->ndocs; i++)
        n += hooks_of(&c->docs[i]);
    return n > 0 ? n : 1;
}

void screen_attract_slide(const VtContent *c, int index, int *doc, int *hook)
{
    *doc = -1, *hook = -1;
    int total = screen_attract_count(c);
    if (!c->ndocs)
        return;
    index %= total;
    for (int round = 0;; round++) { /* ends: index < total */
        for (int i = 0; i < c->ndocs; i++) {
            if (round >= hooks_of(&c->docs[i]))
                continue;
            if (index-- == 0) {
                *doc = i;
                *hook = c->docs[i].nhighlights[VT_HIGHLIGHT_HOOK] ? round : -1;
                return;
            }
        }
    }
}

/* What one slide says, in both languages. */
typedef struct {
    const VtText *quote;
    VtText source; /* borrowed strings: the attribution, or the date of a title slide */
    int curator;   /* the attribution is the curator's */
    char date[2][64];
} VtSlide;

static void slide_text(const VtContent *c, int doc, int hook, VtSlide *s)
{
    const VtDoc *d = &c->docs[doc];
    memset(s, 0, sizeof *s);
    if (hook >= 0) {
        const VtHighlight *h = &d->highlights[VT_HIGHLIGHT_HOOK][hook];
        s->quote = &h->quote;
        s->source = h->attribution;
        s->curator = h->curator_attribution;
        return;
    }
    s->quote = &d->title;
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        date_format(d->submitted, (VtLang)l, s->date[l], sizeof s->date[l]);
        s->source.s[l] = s->date[l];
    }
}

/* "“quote”" in out. The marks are the kiosk's, around the source's words. */
static const char *quoted(const char *q, char *out, size_t n)
{
    snprintf(out, n, "\u201C%s\u201D", q);
    return out;
}

/* The attribution line: "— who, when", and "(samensteller)" when it is the curator's. */
static const char *source_line(const VtSlide *s, VtLang l, char *out, size_t n)
{
    snprintf(out, n, "\u2014 %s%s", text_get(&s->source, l),
             s->curator ? str_get(S_CURATOR_MARK, l) : "");
    return out;
}

/* The size of the invitation bands: the largest theme size at which both invitations fit on
 * one line. Depends on the theme only. */
static void band_size(const VtBuild *b, int *px, int *line, int *band)
{
    const VtTheme *t = b->th;
    const int sizes[3][2] = {
        {t->head_px, t->head_line}, {t->body_px, t->body_line}, {t->small_px, t->small_line}};
    int room = t->w - 2 * t->margin, k = 0;
    while (k < 2 &&
           (build_width(b, str_get(S_TOUCH, VT_LANG_NL), VT_FONT_BOLD, sizes[k][0]) > room ||
            build_width(b, str_get(S_TOUCH, VT_LANG_EN), VT_FONT_BOLD, sizes[k][0]) > room))
        k++;
    *px = sizes[k][0], *line = sizes[k][1];
    /* a narrow portrait panel: the invitation may take two lines even at the smallest size */
    VtTextStyle st = {VT_FONT_BOLD, *px, *line, 0, VT_ON_ACCENT, 0};
    int hn = wrap_height(b->m, str_get(S_TOUCH, VT_LANG_NL), room, &st);
    int he = wrap_height(b->m, str_get(S_TOUCH, VT_LANG_EN), room, &st);
    *band = (hn > he ? hn : he) + t->gap;
    if (*band < t->target)
        *band = t->target;
}

static void build_band(VtPage *p, const VtBuild *b, int y, int band, int px, int line, VtLang l)
{
    const VtTheme *t = b->th;
    const char *touch = str_get(S_TOUCH, l);
    page_fill(p, (VtRect){0, y, t->w, band}, VT_ACCENT);
    int room = t->w - 2 * t->margin, tw = build_width(b, touch, VT_FONT_BOLD, px);
    int tx = tw < room ? (t->w - tw) / 2 : t->margin;
    VtTextStyle st = {VT_FONT_BOLD, px, line, 0, VT_ON_ACCENT, 0};
    int th = wrap_height(b->m, touch, room, &st);
    build_text(p, b, touch, tx, y + (band - th) / 2, room, VT_FONT_BOLD, px, line, VT_ON_ACCENT);
}

/* Sizes of one layout of the slide: the Dutch quote at px, the English at en_px. */
typedef struct {
    int px, line, en_px, en_line;
    int only; /* -1: both languages; else the one language shown (where both do not fit) */
} VtPosterSize;

/* The sizes the poster may use, largest first: three of its own and the theme's, the English
 * always at a theme size. Few sizes on purpose: the glyph atlas opens a font per size and has
 * a fixed number of slots, and a fit that tried every pixel size would use them up. */
#define VT_POSTER_SIZES 7
static VtPosterSize poster_size(const VtTheme *t, int k)
{
    const int px[VT_POSTER_SIZES] = {t->poster_px, t->poster_px * 4 / 5, t->poster_px * 2 / 3,
                                     t->title_px,  t->head_px,           t->body_px,
                                     t->small_px};
    /* the last: a 7" panel's longest hook in both languages at the panel's small text */
    const int en[VT_POSTER_SIZES] = {t->head_px,  t->head_px,  t->body_px, t->body_px,
                                     t->small_px, t->small_px, t->small_px};
    VtPosterSize z = {px[k], px[k] * 6 / 5, en[k], en[k] * 13 / 10, -1};
    if (z.en_px > z.px) /* a tiny poster_px: never English above Dutch */
        z.en_px = z.px, z.en_line = z.line;
    return z;
}

/* Lays out the slide's two halves from y (p may be a scratch page); returns the height, and
 * the y of the split and the range of the Dutch quote's boxes. */
static int slide_blocks(VtPage *p, const VtBuild *b, const VtSlide *s, const VtPosterSize *z, int y,
                        int *split, int *first, int *end)
{
    const VtTheme *t = b->th;
    int x = t->margin, w = t->w - 2 * t->margin, y0 = y;
    char q[1024], src[600];
    *first = p->nboxes;
    if (z->only >= 0) { /* one language, at the Dutch size: its half is the whole slide */
        VtLang l = (VtLang)z->only;
        if (l == VT_LANG_EN)
            y += build_label(p, b, str_get(S_UNOFFICIAL, VT_LANG_EN), x, y, w);
        y += build_text(p, b, quoted(text_get(s->quote, l), q, sizeof q), x, y, w, VT_FONT_BOLD,
                        z->px, z->line, VT_TEXT);
        *end = p->nboxes;
        y += t->gap / 2;
        y += build_text(p, b, source_line(s, l, src, sizeof src), x, y, w, VT_FONT_REGULAR,
                        t->small_px, t->small_line, VT_MUTED);
        *split = l == VT_LANG_NL ? t->h : 0; /* clamped by the caller to the bands */
        return y - y0;
    }
    y += build_text(p, b, quoted(text_get(s->quote, VT_LANG_NL), q, sizeof q), x, y, w,
                    VT_FONT_BOLD, z->px, z->line, VT_TEXT);
    *end = p->nboxes;
    y += t->gap / 2;
    y += build_text(p, b, source_line(s, VT_LANG_NL, src, sizeof src), x, y, w, VT_FONT_REGULAR,
                    t->small_px, t->small_line, VT_MUTED);
    y += t->gap;
    *split = y;
    page_fill(p, (VtRect){x, y, w / 4, t->focus_px}, VT_ACCENT);
    y += t->gap + t->focus_px;
    y += build_label(p, b, str_get(S_UNOFFICIAL, VT_LANG_EN), x, y, w);
    y += build_text(p, b, quoted(text_get(s->quote, VT_LANG_EN), q, sizeof q), x, y, w,
                    VT_FONT_REGULAR, z->en_px, z->en_line, VT_TEXT);
    y += t->gap / 2;
    y += build_text(p, b, source_line(s, VT_LANG_EN, src, sizeof src), x, y, w, VT_FONT_REGULAR,
                    t->small_px, t->small_line, VT_MUTED);
    return y - y0;
}

/* Whether every word of text fits on a line of width w at px: a poster never breaks a word. */
static int words_fit(const VtBuild *b, const char *text, VtFontStyle style, int px, int w)
{
    char word[256];
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(word, sizeof word, "\u201C%.*s\u201D", (int)(n < 200 ? n : 200), p);
        if (build_width(b, word, style, px) > w)
            return 0;
        p += n;
        p += *p == ' ';
    }
    return 1;
}

/* The largest poster size at which the slide fits in room with both languages; where none
 * does (a long hook on a 7" panel), the largest with `alone` shown alone (slides alternate the
 * language, so both keep equal standing); the smallest when nothing fits. */
static VtPosterSize fit(const VtBuild *b, const VtSlide *s, int room, VtLang alone)
{
    const VtTheme *t = b->th;
    VtPage tmp = {0};
    VtPosterSize z = poster_size(t, 0);
    int w = t->w - 2 * t->margin, fits = 0;
    for (int pass = 0; pass < 2 && !fits; pass++) {
        for (int k = 0; k < VT_POSTER_SIZES && !fits; k++) {
            z = poster_size(t, k);
            z.only = pass ? (int)alone : -1;
            int split, first, end;
            page_clear(&tmp);
            fits = (pass || words_fit(b, text_get(s->quote, VT_LANG_NL), VT_FONT_BOLD, z.px, w)) &&
                   (pass ? words_fit(b, text_get(s->quote, alone), VT_FONT_BOLD, z.px, w)
                         : words_fit(b, text_get(s->quote, VT_LANG_EN), VT_FONT_REGULAR, z.en_px,
                                     w)) &&
                   slide_blocks(&tmp, b, s, &z, 0, &split, &first, &end) <= room;
        }
    }
    page_free(&tmp);
    return z;
}

static void reveal_lines(const VtPage *p, int first, int end, VtAttractReveal *r)
{
    r->nlines = 0;
    for (int i = first; i < end; i++) {
        const VtBox *bx = &p->boxes[i];
        if (bx->kind != VT_BOX_TEXT)
            continue;
        VtRect *last = r->nlines ? &r->lines[r->nlines - 1] : NULL;
        if (last && last->y == bx->r.y) { /* another run of the same line */
            int right = bx->r.x + bx->r.w;
            last->w = right > last->x + last->w ? right - last->x : last->w;
        } else if (r->nlines < VT_ATTRACT_MAX_LINES) {
            r->lines[r->nlines++] = bx->r;
        }
    }
}

void screen_attract_build(VtPage *p, const VtBuild *b, int index, VtAttractReveal *reveal)
{
    const VtTheme *t = b->th;
    int doc, hook, px, line, band;
    screen_attract_slide(b->c, index, &doc, &hook);
    if (reveal)
        reveal->nlines = 0;
    page_fill(p, (VtRect){0, 0, t->w, t->h}, VT_BG);
    band_size(b, &px, &line, &band);
    build_band(p, b, 0, band, px, line, VT_LANG_NL);
    build_band(p, b, t->h - band, band, px, line, VT_LANG_EN);
    int split = t->h / 2;
    if (doc >= 0) {
        VtSlide s;
        slide_text(b->c, doc, hook, &s);
        int top = band + t->margin, bottom = t->h - band - t->margin;
        VtPosterSize z = fit(b, &s, bottom - top, (index % 2) ? VT_LANG_EN : VT_LANG_NL);
        VtPage tmp = {0};
        int first, end;
        int h = slide_blocks(&tmp, b, &s, &z, 0, &split, &first, &end);
        page_free(&tmp);
        int y = top + (bottom - top - h > 0 ? (bottom - top - h) / 2 : 0);
        slide_blocks(p, b, &s, &z, y, &split, &first, &end);
        split = split < band ? band : split > t->h - band ? t->h - band : split;
        if (reveal)
            reveal_lines(p, first, end, reveal);
    }
    /* The whole screen is the target, split by language at the line between the halves: the
     * quote opens its story, the invitation bands begin with the timeline. */
    page_hit(p, (VtRect){0, 0, t->w, band}, VT_ACT_POSTER, -1, VT_LANG_NL);
    if (split > band)
        page_hit(p, (VtRect){0, band, t->w, split - band}, VT_ACT_POSTER, doc, VT_LANG_NL);
    if (split < t->h - band)
        page_hit(p, (VtRect){0, split, t->w, t->h - band - split}, VT_ACT_POSTER, doc, VT_LANG_EN);
    page_hit(p, (VtRect){0, t->h - band, t->w, band}, VT_ACT_POSTER, -1, VT_LANG_EN);
}
