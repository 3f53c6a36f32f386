/*
 * screen_attract: the attract loop as a bilingual poster. One hook (a verbatim quote of at most
 * 32 words, content issue 12) is told twice in a row, first in Dutch, then in English: the
 * loop's steps are (hook, language) pairs, decided in one place (screen_attract_slide). Hooks
 * walk the documents in turn (document 1's first hook, document 2's first hook, ..., then the
 * second hooks), so consecutive hooks come from different documents; a document without hooks
 * shows its title and date instead. Each quote comes with who said it and when (the attribution
 * the loader composed from the document, or the curator's, marked as such).
 *
 * Where the panel is large enough (the 15.6" and 27" panels) a step is the whole poster: the
 * step's language large above, the other beneath at the same time, each half opening the
 * slide's document in its language (VT_ACT_POSTER, arg document, arg2 language), an accent band
 * with the invitation in each language (Dutch at the top, English at the bottom) beginning at
 * the timeline. The bands have one size per theme, whatever the slide, so the invitation never
 * jumps (issue 13, bug 11). The quote is set at the largest size, from theme.poster_px down, at
 * which the whole hook and its translation fit: a hook is never cut (bug 13).
 *
 * On a 7" panel a 30-word hook fits only at about 5 mm cap height, unreadable from 3 m, so
 * there the hook is told phrase by phrase at display size (theme.display_px, 12 mm where the
 * width allows): consecutive slices at word boundaries, each as many words as fit, no word
 * dropped or changed, the marks opening the first and closing the last, the attribution small
 * beneath each and a bar of segments at the foot saying which phrase of how many this is,
 * between the same two invitation bands. The ui shows the phrases in turn
 * (VtAttractReveal.phrase in, .nphrases and .phrase_ms out).
 *
 * The motion (ui.c) is a redaction bar lifting off each line of the large quote (or phrase);
 * the lines are reported in a VtAttractReveal so the ui can draw the bars without knowing the
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

static int hooks_total(const VtContent *c)
{
    int n = 0;
    for (int i = 0; i < c->ndocs; i++)
        n += hooks_of(&c->docs[i]);
    return n > 0 ? n : 1;
}

int screen_attract_count(const VtContent *c) { return VT_LANG_COUNT * hooks_total(c); }

void screen_attract_slide(const VtContent *c, int index, int *doc, int *hook, VtLang *lang)
{
    *doc = -1, *hook = -1;
    index %= screen_attract_count(c);
    *lang = (VtLang)(index % VT_LANG_COUNT); /* Dutch, then the English of the same hook */
    index /= VT_LANG_COUNT;
    int total = hooks_total(c);
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
 * one line, and the height of each invitation's text (th, by language). Depends on the theme
 * only. */
static void band_size(const VtBuild *b, int *px, int *line, int *band, int th[VT_LANG_COUNT])
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
    for (int l = 0; l < VT_LANG_COUNT; l++)
        th[l] = wrap_height(b->m, str_get(S_TOUCH, (VtLang)l), room, &st);
    *band = (th[0] > th[1] ? th[0] : th[1]) + t->gap;
    if (*band < t->target)
        *band = t->target;
}

/* One invitation band at y; th is its text's height, measured once by band_size. */
static void build_band(VtPage *p, const VtBuild *b, int y, int band, int px, int line, int th,
                       VtLang l)
{
    const VtTheme *t = b->th;
    const char *touch = str_get(S_TOUCH, l);
    page_fill(p, (VtRect){0, y, t->w, band}, VT_ACCENT);
    int room = t->w - 2 * t->margin, tw = build_width(b, touch, VT_FONT_BOLD, px);
    int tx = tw < room ? (t->w - tw) / 2 : t->margin;
    build_text(p, b, touch, tx, y + (band - th) / 2, room, VT_FONT_BOLD, px, line, VT_ON_ACCENT);
}

/* Sizes of one layout of the whole poster: the first language's quote at px, the other's
 * at en_px. */
typedef struct {
    int px, line, en_px, en_line;
} VtPosterSize;

/* The sizes the poster may use, largest first: three of its own and the theme's, the second
 * language always at a theme size. Few sizes on purpose: the glyph atlas opens a font per size
 * and has a fixed number of slots, and a fit that tried every pixel size would use them up. */
#define VT_POSTER_SIZES 7
static VtPosterSize poster_size(const VtTheme *t, int k)
{
    const int px[VT_POSTER_SIZES] = {t->poster_px, t->poster_px * 4 / 5, t->poster_px * 2 / 3,
                                     t->title_px,  t->head_px,           t->body_px,
                                     t->small_px};
    const int en[VT_POSTER_SIZES] = {t->head_px,  t->head_px,  t->body_px, t->body_px,
                                     t->small_px, t->small_px, t->small_px};
    VtPosterSize z = {px[k], px[k] * 6 / 5, en[k], en[k] * 13 / 10};
    if (z.en_px > z.px) /* a tiny poster_px: never the second language above the first */
        z.en_px = z.px, z.en_line = z.line;
    return z;
}

/* The quote and its attribution in language l at y: the quote at px in style, the attribution
 * small beneath. Returns the height; *end is the box after the quote's last. */
static int quote_block(VtPage *p, const VtBuild *b, const char *quote, const VtSlide *s, VtLang l,
                       int y, VtFontStyle style, int px, int line, int *end)
{
    const VtTheme *t = b->th;
    int x = t->margin, w = t->w - 2 * t->margin, y0 = y;
    char src[600];
    if (l == VT_LANG_EN) /* ours, not the source's */
        y += build_label(p, b, str_get(S_UNOFFICIAL, VT_LANG_EN), x, y, w);
    y += build_text(p, b, quote, x, y, w, style, px, line, VT_TEXT);
    *end = p->nboxes;
    y += t->gap / 2;
    y += build_text(p, b, source_line(s, l, src, sizeof src), x, y, w, VT_FONT_REGULAR, t->small_px,
                    t->small_line, VT_MUTED);
    return y - y0;
}

/* Lays out the whole poster from y, language `first` large, the other beneath (p may be a
 * scratch page); returns the height, and the y of the split and the range of the large
 * quote's boxes. */
static int slide_blocks(VtPage *p, const VtBuild *b, const VtSlide *s, const VtPosterSize *z,
                        VtLang first, int y, int *split, int *begin, int *end)
{
    const VtTheme *t = b->th;
    int y0 = y, end2;
    char q[1024];
    VtLang other = (VtLang)!first;
    *begin = p->nboxes;
    y += quote_block(p, b, quoted(text_get(s->quote, first), q, sizeof q), s, first, y,
                     VT_FONT_BOLD, z->px, z->line, end);
    y += t->gap;
    *split = y;
    page_fill(p, (VtRect){t->margin, y, (t->w - 2 * t->margin) / 4, t->focus_px}, VT_ACCENT);
    y += t->gap + t->focus_px;
    y += quote_block(p, b, quoted(text_get(s->quote, other), q, sizeof q), s, other, y,
                     VT_FONT_REGULAR, z->en_px, z->en_line, &end2);
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

/* The largest poster size at which the whole slide fits in room with both languages; -1 when
 * none does. */
static int fit(const VtBuild *b, const VtSlide *s, VtLang first, int room, VtPosterSize *z)
{
    const VtTheme *t = b->th;
    VtPage tmp = {0};
    int w = t->w - 2 * t->margin, found = -1;
    for (int k = 0; k < VT_POSTER_SIZES && found < 0; k++) {
        *z = poster_size(t, k);
        int split, begin, end;
        page_clear(&tmp);
        if (words_fit(b, text_get(s->quote, first), VT_FONT_BOLD, z->px, w) &&
            words_fit(b, text_get(s->quote, (VtLang)!first), VT_FONT_REGULAR, z->en_px, w) &&
            slide_blocks(&tmp, b, s, z, first, 0, &split, &begin, &end) <= room)
            found = k;
    }
    page_free(&tmp);
    return found;
}

/* One phrase of a hook told phrase by phrase: words [from, to) of the quote at px. */
typedef struct {
    int from, to, px;
} VtPhrase;

#define VT_PHRASE_MAX_WORDS 128 /* a hook has at most 32; a title slide more */

/* words [from, to) of ws in out, with the opening mark before the first word of the hook and
 * the closing one after its last. */
static const char *phrase_text(const char *const *ws, const int *wl, int nw, int from, int to,
                               char *out, size_t n)
{
    size_t k = (size_t)snprintf(out, n, "%s", from == 0 ? "\u201C" : "");
    for (int i = from; i < to && k < n; i++)
        k += (size_t)snprintf(out + k, n - k, "%s%.*s", i > from ? " " : "", wl[i], ws[i]);
    if (to == nw && k < n)
        snprintf(out + k, n - k, "\u201D");
    return out;
}

/* How many words from `from` fit in w x room at px (a word wider than w fits nowhere). */
static int words_at(const VtBuild *b, const char *const *ws, const int *wl, int nw, int from, int w,
                    int room, int px)
{
    char text[1024];
    VtTextStyle st = {VT_FONT_BOLD, px, px * 6 / 5, 0, VT_TEXT, 0};
    int to = from;
    while (to < nw) {
        phrase_text(ws, wl, nw, from, to + 1, text, sizeof text);
        if (!words_fit(b, text, VT_FONT_BOLD, px, w) || wrap_height(b->m, text, w, &st) > room)
            break;
        to++;
    }
    return to - from;
}

/* The phrase that starts at word from: at the largest display size at which four words (or
 * what is left) fit in w x room, as many as fit there; where a long word allows none of them
 * ("organisatieonderdelen" on a 7"), at the size that takes the most, four words at most, so
 * that word does not pull a whole sentence down to its size. */
static VtPhrase next_phrase(const VtBuild *b, const char *const *ws, const int *wl, int nw,
                            int from, int w, int room)
{
    const VtTheme *t = b->th;
    const int sizes[] = {
        t->display_px, t->display_px * 4 / 5, t->display_px * 2 / 3, t->title_px, t->head_px,
        t->body_px};
    const int nsizes = (int)(sizeof sizes / sizeof *sizes), want = nw - from < 4 ? nw - from : 4;
    VtPhrase best = {from, from + 1, sizes[nsizes - 1]};
    int most = 0;
    for (int k = 0; k < nsizes; k++) {
        int n = words_at(b, ws, wl, nw, from, w, room, sizes[k]);
        if (n >= want)
            return (VtPhrase){from, from + n, sizes[k]};
        if (n > most)
            most = n, best = (VtPhrase){from, from + (n < 4 ? n : 4), sizes[k]};
    }
    return best;
}

/* Phrase `which` (wrapped to the count) of text in w x room: fills *ph and returns how many
 * phrases the text makes. */
static int phrase_of(const VtBuild *b, const char *text, int w, int room, int which, VtPhrase *ph,
                     const char **ws, int *wl, int *nw)
{
    *nw = 0;
    for (const char *p = text; *p && *nw < VT_PHRASE_MAX_WORDS;) {
        size_t n = strcspn(p, " ");
        if (n) {
            ws[*nw] = p;
            wl[(*nw)++] = (int)n;
        }
        p += n;
        p += *p == ' ';
    }
    VtPhrase all[VT_PHRASE_MAX_WORDS];
    int n = 0;
    for (int from = 0; from < *nw; from = all[n - 1].to)
        all[n++] = next_phrase(b, ws, wl, *nw, from, w, room);
    *ph = n ? all[which % n] : (VtPhrase){0, 0, b->th->body_px};
    return n;
}

/* How long a phrase of n words stays: the redaction bar's lift, then a reading from 3 m
 * (about three words a second); the last one longer, for the attribution. */
static uint32_t phrase_ms(int words, int last)
{
    return 1500u + 350u * (unsigned)(words > 3 ? words : 3) + (last ? 2500u : 0);
}

/* The lines of the quote at px among boxes [first, end), for the redaction bars. */
static void reveal_lines(const VtPage *p, int first, int end, int px, VtAttractReveal *r)
{
    r->nlines = 0;
    for (int i = first; i < end; i++) {
        const VtBox *bx = &p->boxes[i];
        if (bx->kind != VT_BOX_TEXT || bx->px != px)
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

/* The band sizes, measured once per slide. */
typedef struct {
    int px, line, h, th[VT_LANG_COUNT];
} VtBands;

/* The whole poster: both bands, the step's language large, the other beneath. */
static void poster(VtPage *p, const VtBuild *b, const VtSlide *s, const VtPosterSize *z,
                   VtLang first, int doc, const VtBands *bd, VtAttractReveal *reveal)
{
    const VtTheme *t = b->th;
    int band = bd->h, split = t->h / 2, begin, end;
    build_band(p, b, 0, band, bd->px, bd->line, bd->th[VT_LANG_NL], VT_LANG_NL);
    build_band(p, b, t->h - band, band, bd->px, bd->line, bd->th[VT_LANG_EN], VT_LANG_EN);
    if (doc >= 0) {
        int top = band + t->margin, bottom = t->h - band - t->margin;
        VtPage tmp = {0};
        int h = slide_blocks(&tmp, b, s, z, first, 0, &split, &begin, &end);
        page_free(&tmp);
        int y = top + (bottom - top - h > 0 ? (bottom - top - h) / 2 : 0);
        slide_blocks(p, b, s, z, first, y, &split, &begin, &end);
        split = split < band ? band : split > t->h - band ? t->h - band : split;
        if (reveal)
            reveal_lines(p, begin, end, z->px, reveal);
    }
    /* The whole screen is the target, split by language at the line between the halves: the
     * quotes open the story, the invitation bands begin with the timeline. */
    page_hit(p, (VtRect){0, 0, t->w, band}, VT_ACT_POSTER, -1, VT_LANG_NL);
    if (split > band)
        page_hit(p, (VtRect){0, band, t->w, split - band}, VT_ACT_POSTER, doc, first);
    if (split < t->h - band)
        page_hit(p, (VtRect){0, split, t->w, t->h - band - split}, VT_ACT_POSTER, doc, !first);
    page_hit(p, (VtRect){0, t->h - band, t->w, band}, VT_ACT_POSTER, -1, VT_LANG_EN);
}

/* Which phrase of n is shown: a bar of n segments across the foot of the quote's area (in the
 * air under the block, bottom its lower edge), the current one in the accent colour, so a
 * phrase that ends mid-sentence reads as "more follows" without a mark in the quote itself. */
static void progress(VtPage *p, const VtTheme *t, int bottom, int air, int which, int n)
{
    int seg_h = t->unit > 2 ? t->unit : 2, gap = t->unit > 2 ? t->unit : 2;
    int w = t->w - 2 * t->margin, seg_w = (w - (n - 1) * gap) / (n > 0 ? n : 1);
    int y = bottom - (air + seg_h) / 2;
    for (int i = 0; n > 1 && seg_w > 0 && i < n; i++)
        page_fill(p, (VtRect){t->margin + i * (seg_w + gap), y, seg_w, seg_h},
                  i == which ? VT_ACCENT : VT_LINE);
}

/* A 7" panel: phrase `which` of the hook in language l at display size, the attribution small
 * beneath, between the two invitation bands (close to them: a unit, not a margin, of air). */
static void phrases(VtPage *p, const VtBuild *b, const VtSlide *s, VtLang l, int doc,
                    const VtBands *bd, int which, VtAttractReveal *reveal)
{
    const VtTheme *t = b->th;
    int band = bd->h, w = t->w - 2 * t->margin, area = t->h - 2 * band;
    build_band(p, b, 0, band, bd->px, bd->line, bd->th[VT_LANG_NL], VT_LANG_NL);
    build_band(p, b, t->h - band, band, bd->px, bd->line, bd->th[VT_LANG_EN], VT_LANG_EN);
    char src[600], text[1024];
    VtTextStyle small = {VT_FONT_REGULAR, t->small_px, t->small_line, 0, VT_MUTED, 0};
    int room = area - 2 * t->unit - t->gap / 2 -
               wrap_height(b->m, source_line(s, l, src, sizeof src), w, &small) -
               (l == VT_LANG_EN ? t->small_line : 0); /* the translation's label */
    const char *ws[VT_PHRASE_MAX_WORDS];
    int wl[VT_PHRASE_MAX_WORDS], nw;
    VtPhrase ph;
    int n = phrase_of(b, text_get(s->quote, l), w, room, which, &ph, ws, wl, &nw);
    phrase_text(ws, wl, nw, ph.from, ph.to, text, sizeof text);
    VtPage tmp = {0};
    int end, line = ph.px * 6 / 5;
    int h = quote_block(&tmp, b, text, s, l, 0, VT_FONT_BOLD, ph.px, line, &end);
    page_free(&tmp);
    int first = p->nboxes, y = band + (area - h) / 2;
    quote_block(p, b, text, s, l, y, VT_FONT_BOLD, ph.px, line, &end);
    progress(p, t, band + area, (area - h) / 2, which, n);
    if (reveal) {
        reveal_lines(p, first, end, ph.px, reveal);
        reveal->nphrases = n;
        reveal->phrase_ms = phrase_ms(ph.to - ph.from, ph.to == nw);
    }
    /* top to bottom: the Dutch band (the timeline), the quote (its story, in its language), the
     * English band */
    page_hit(p, (VtRect){0, 0, t->w, band}, VT_ACT_POSTER, -1, VT_LANG_NL);
    page_hit(p, (VtRect){0, band, t->w, area}, VT_ACT_POSTER, doc, l);
    page_hit(p, (VtRect){0, t->h - band, t->w, band}, VT_ACT_POSTER, -1, VT_LANG_EN);
}

void screen_attract_build(VtPage *p, const VtBuild *b, int index, VtAttractReveal *reveal)
{
    const VtTheme *t = b->th;
    int doc, hook, k = -1, which = reveal ? reveal->phrase : 0;
    VtLang lang;
    VtBands bd;
    VtSlide s;
    VtPosterSize z = poster_size(t, 0);
    screen_attract_slide(b->c, index, &doc, &hook, &lang);
    if (reveal)
        reveal->nlines = 0, reveal->nphrases = 1, reveal->phrase_ms = 0;
    page_fill(p, (VtRect){0, 0, t->w, t->h}, VT_BG);
    band_size(b, &bd.px, &bd.line, &bd.h, bd.th);
    if (doc >= 0) {
        slide_text(b->c, doc, hook, &s);
        k = fit(b, &s, lang, t->h - 2 * bd.h - 2 * t->margin, &z);
    }
    /* less than three quarters of the size a phrase alone gets (a long hook on a 7"): phrase
     * by phrase */
    if (doc >= 0 && (k < 0 || z.px * 4 < t->display_px * 3))
        phrases(p, b, &s, lang, doc, &bd, which, reveal);
    else
        poster(p, b, &s, &z, lang, doc, &bd, reveal);
}
