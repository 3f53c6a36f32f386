/*
 * story: key sentences found in laid-out runs and marked. The runs' text is composed as
 * read-aloud composes it (span.h); a second, normalised copy drops footnote superscripts and
 * folds white space, with an index back to the composed bytes, and the quote's plain form is
 * searched in it. Marks are computed for all quotes first, then inserted under the text in
 * one go (inserting shifts the runs' indices).
 */
#include "story.h"

#include "pack_text.h"

#include <stdlib.h>
#include <string.h>

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

int story_find(const VtPage *p, int box0, int box1, const char *quote, VtSpan *sp, size_t *start,
               size_t *end)
{
    span_clear(sp);
    int prev = -1;
    for (int i = box0; i < box1 && i < p->nboxes; i++) {
        const VtBox *b = &p->boxes[i];
        if (b->kind != VT_BOX_TEXT)
            continue;
        const VtBox *pb = prev >= 0 ? &p->boxes[prev] : NULL;
        size_t pn = pb ? strlen(pb->text) : 0;
        /* a run that goes on where the last stopped, or a word wrapped after its hyphen */
        int touching =
            pb &&
            ((pb->r.y == b->r.y && pb->r.x + pb->r.w == b->r.x) ||
             (pb->r.y < b->r.y && pn >= 2 && pb->text[pn - 1] == '-' && pb->text[pn - 2] != ' '));
        span_add(sp, p, i, touching ? "" : " ");
        prev = i;
    }
    const char *t = buf_str(&sp->text);
    size_t n = strlen(t);
    char *norm = malloc(n + 1);
    size_t *idx = malloc((n + 1) * sizeof *idx);
    char *q = pack_text_plain(quote);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t s = span_superscript_len(t + i);
        if (s) {
            i += s;
        } else if (is_space(t[i])) {
            if (k && norm[k - 1] != ' ')
                idx[k] = i, norm[k++] = ' ';
            i++;
        } else {
            idx[k] = i, norm[k++] = t[i++];
        }
    }
    norm[k] = '\0';
    const char *hit = q[0] ? strstr(norm, q) : NULL;
    if (hit) {
        size_t a = (size_t)(hit - norm), z = a + strlen(q) - 1;
        *start = idx[a];
        *end = idx[z] + 1;
    }
    free(q);
    free(idx);
    free(norm);
    return hit != NULL;
}

typedef struct {
    VtRect *r;
    int n, cap;
} Rects;

static void push_rect(void *ctx, VtRect r, int box)
{
    (void)box;
    Rects *rs = ctx;
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? 2 * rs->cap : 16;
        rs->r = xrealloc(rs->r, (size_t)rs->cap * sizeof *rs->r);
    }
    rs->r[rs->n++] = r;
}

static int band_pad(const VtTheme *t) { return t->unit / 2 > 2 ? t->unit / 2 : 2; }

VtRect story_band(const VtTheme *t, VtRect r)
{
    int pad = band_pad(t);
    return (VtRect){r.x - pad, r.y, r.w + 2 * pad, r.h};
}

VtRect story_bar(const VtTheme *t, int top, int bottom)
{
    int bar = t->unit > 4 ? t->unit : 4, bx = t->col_x - band_pad(t) - bar - t->unit;
    return (VtRect){bx > 0 ? bx : 0, top, bar, bottom - top};
}

/* The band behind each part (story_band), and one bar in the margin left of
 * the column from the first part's top to the last part's bottom, per quote. */
static void add_marks(VtPage *p, const VtBuild *b, const Rects *rs, int first, int box0,
                      int *inserted)
{
    const VtTheme *t = b->th;
    int top = rs->r[first].y, bottom = top;
    for (int i = first; i < rs->n; i++) {
        VtRect r = rs->r[i];
        page_fill_at(p, box0 + (*inserted)++, story_band(t, r), VT_KEY_BG);
        if (r.y + r.h > bottom)
            bottom = r.y + r.h;
    }
    page_fill_at(p, box0 + (*inserted)++, story_bar(t, top, bottom), VT_ACCENT);
}

int story_mark(VtPage *p, const VtBuild *b, const VtDoc *d, int item, int footnote, int box0)
{
    int nh = d->nhighlights[VT_HIGHLIGHT_KEY], marked = 0, box1 = p->nboxes;
    VtSpan sp = {0};
    Rects rs = {0};
    int firsts[16], nfirst = 0; /* where each quote's parts start: at most 3 keys x 2 languages */
    for (int i = 0; i < nh; i++) {
        const VtHighlight *h = &d->highlights[VT_HIGHLIGHT_KEY][i];
        if (h->item != item || h->footnote != footnote)
            continue;
        for (int l = 0; l < VT_LANG_COUNT; l++) {
            size_t s, e;
            if (!h->quote.s[l] || !story_find(p, box0, box1, h->quote.s[l], &sp, &s, &e))
                continue;
            int before = rs.n;
            if (span_rects(&sp, p, b->m, s, e, push_rect, &rs) && nfirst < 16) {
                firsts[nfirst++] = before;
                marked++;
            }
        }
    }
    int inserted = 0;
    for (int f = 0; f < nfirst; f++) {
        Rects one = {rs.r, f + 1 < nfirst ? firsts[f + 1] : rs.n, 0};
        add_marks(p, b, &one, firsts[f], box0, &inserted);
    }
    free(rs.r);
    span_free(&sp);
    return marked;
}

int story_reader_item(const VtDoc *d, const VtHighlight *h)
{
    const VtItem *it = &d->items[h->item];
    if (it->kind != VT_ITEM_ANSWER || it->ncovers < 1)
        return h->item;
    for (int i = 0; i < d->nitems; i++)
        if (d->items[i].kind == VT_ITEM_QUESTION && d->items[i].number == it->covers[0])
            return i;
    return h->item;
}
