/*
 * redact: the confidentiality sentence's marks. The words are found with story_find (the same
 * normalised search that marks key sentences) and their lines with span_rects; the bar is
 * appended over the page, in the margin, where no text is.
 */
#include "redact.h"

#include "story.h"

#include <stdio.h>
#include <string.h>

int redact_answer(const VtDoc *d, int item)
{
    const VtItem *it = &d->items[item];
    int a = it->kind == VT_ITEM_ANSWER     ? item
            : it->kind == VT_ITEM_QUESTION ? content_answer_for(d, it->number)
                                           : -1;
    return a >= 0 && d->items[a].confidential ? a : -1;
}

const char *redact_quote(const VtDoc *d, int answer, VtLang lang)
{
    const char *nl = d->items[answer].confidential;
    if (!nl || lang == VT_LANG_NL)
        return nl;
    for (int i = 0; i < d->nhighlights[VT_HIGHLIGHT_KEY]; i++) {
        const VtHighlight *h = &d->highlights[VT_HIGHLIGHT_KEY][i];
        if (h->item == answer && !h->footnote && h->quote.s[VT_LANG_NL] &&
            !strcmp(h->quote.s[VT_LANG_NL], nl))
            return h->quote.s[lang];
    }
    return NULL;
}

int redact_tag(VtPage *p, const VtBuild *b, int x, int y, int w)
{
    const VtTheme *t = b->th;
    const char *word = str_get(S_CONFIDENTIAL, b->lang);
    char note[160];
    snprintf(note, sizeof note, "%s%s", str_get(S_BADGE_CONFIDENTIAL, b->lang),
             str_get(S_CURATOR_MARK, b->lang));
    int ww = build_width(b, word, VT_FONT_BOLD, t->small_px) + 2 * t->unit;
    ww = ww < w ? ww : w; /* a column narrower than the word (200 % on a 7"): it wraps */
    int nw = build_width(b, note, VT_FONT_REGULAR, t->small_px);
    int same_line = ww + t->gap + nw <= w;
    VtPage tmp = {0};
    VtPage *q = p ? p : &tmp;
    int th = build_tag(q, b, word, x, y, ww, VT_TEXT, VT_ON_ACCENT);
    int h = same_line ? 0 : th + t->unit;
    int nx = same_line ? x + ww + t->gap : x;
    h += build_text(q, b, note, nx, y + h, x + w - nx, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    page_free(&tmp);
    return h;
}

VtRect redact_bar(const VtTheme *t, int top, int bottom)
{
    VtRect key = story_bar(t, top, bottom);
    int w = 3 * key.w, x = key.x + key.w - w;
    if (x < 0) { /* no room in the margin: as wide as there is */
        w += x;
        x = 0;
    }
    return (VtRect){x, top, w, bottom - top};
}

typedef struct {
    int top, bottom, n;
} Lines;

static void extend(void *ctx, VtRect r, int box)
{
    (void)box;
    Lines *ls = ctx;
    if (!ls->n || r.y < ls->top)
        ls->top = r.y;
    if (!ls->n || r.y + r.h > ls->bottom)
        ls->bottom = r.y + r.h;
    ls->n++;
}

int redact_mark(VtPage *p, const VtBuild *b, const VtDoc *d, int answer, int box0)
{
    int marked = 0, box1 = p->nboxes;
    VtSpan sp = {0};
    for (int l = 0; answer >= 0 && l < VT_LANG_COUNT; l++) {
        const char *q = redact_quote(d, answer, (VtLang)l);
        size_t s, e;
        Lines ls = {0, 0, 0};
        if (!q || !story_find(p, box0, box1, q, &sp, &s, &e) ||
            !span_rects(&sp, p, b->m, s, e, extend, &ls))
            continue;
        page_fill(p, redact_bar(b->th, ls.top, ls.bottom), VT_TEXT);
        marked++;
    }
    span_free(&sp);
    return marked;
}
