/*
 * takehome: the rule (which footnote link a screen's QR code opens) and the block (the code
 * and its bilingual label). The block is laid out into a page like any text, so the layout
 * checks see it; with p NULL nothing is laid out and only its height is worked out, from the
 * same code path.
 */
#include "takehome.h"
#include "bilingual.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *item_link(const VtItem *it)
{
    for (int k = 0; k < it->nnotes; k++)
        if (it->notes[k].link)
            return it->notes[k].link;
    return NULL;
}

const char *takehome_doc_link(const VtDoc *d)
{
    for (int i = 0; i < d->nitems; i++) {
        const char *l = item_link(&d->items[i]);
        if (l)
            return l;
    }
    return NULL;
}

const char *takehome_reader_link(const VtDoc *d, int item)
{
    const VtItem *it = &d->items[item];
    const char *l = item_link(it);
    if (!l && it->kind == VT_ITEM_QUESTION) {
        int a = content_answer_for(d, it->number);
        l = a >= 0 ? item_link(&d->items[a]) : NULL;
    }
    return l ? l : takehome_doc_link(d);
}

int takehome_timeline_doc(const VtContent *c, long today)
{
    int doc = -1;
    for (int i = 0; i < c->nevents; i++) /* sorted by date */
        if (date_days(c->events[i].date) <= today)
            doc = c->events[i].doc;
    return doc;
}

char *takehome_host(const char *link, char *out, size_t outlen)
{
    const char *s = strstr(link, "://");
    s = s ? s + 3 : link;
    if (!strncmp(s, "www.", 4))
        s += 4;
    size_t n = strcspn(s, "/?#:");
    snprintf(out, outlen, "%.*s", (int)n, s);
    return out;
}

int takehome_size(const VtTheme *t)
{
    int px = (int)ceilf(VT_TAKEHOME_MM * t->ppmm);
    return px > 29 ? px : 29;
}

/* "Lees thuis verder: nrc.nl" in lang. */
static void label(const char *link, VtLang lang, char *out, size_t outlen)
{
    char host[128];
    snprintf(out, outlen, "%s: %s", str_get(S_TAKE_HOME, lang),
             takehome_host(link, host, sizeof host));
}

/* The label's two lines (the screen's language first, bold; the other under it) at (x, y)
 * within w; with p NULL only measured. Returns their height. */
static int labels(VtPage *p, const VtBuild *b, const char *link, int x, int y, int w)
{
    const VtTheme *t = b->th;
    char s[2][192];
    label(link, b->lang, s[0], sizeof s[0]);
    label(link, (VtLang)(1 - b->lang), s[1], sizeof s[1]);
    VtPage tmp = {0};
    VtPage *q = p ? p : &tmp;
    int h = build_text(q, b, s[0], x, y, w, VT_FONT_BOLD, t->small_px, t->small_line, VT_TEXT);
    h += build_text(q, b, s[1], x, y + h, w, VT_FONT_REGULAR, t->small_px, t->small_line, VT_MUTED);
    page_free(&tmp);
    return h;
}

/* The width of the label's longer line. */
static int label_width(const VtBuild *b, const char *link)
{
    char s[192];
    int w = 0;
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        label(link, (VtLang)l, s, sizeof s);
        VtFontStyle f = l == (int)b->lang ? VT_FONT_BOLD : VT_FONT_REGULAR;
        int lw = build_width(b, s, f, b->th->small_px);
        w = lw > w ? lw : w;
    }
    return w;
}

/* Whether the label goes beside the code: there is as much room for it as the code takes, or
 * its lines fit whole. */
static int beside(const VtBuild *b, const char *link, int w)
{
    const VtTheme *t = b->th;
    int q = takehome_size(t), room = w - q - t->gap;
    return room >= q || room >= label_width(b, link);
}

int takehome_width(const VtBuild *b, const char *link)
{
    int q = takehome_size(b->th), lw = label_width(b, link);
    return q > lw ? q : lw;
}

static int block(VtPage *p, const VtBuild *b, const char *link, int x, int y, int w)
{
    if (!link)
        return 0;
    const VtTheme *t = b->th;
    int q = takehome_size(t);
    if (p)
        page_qr(p, (VtRect){x, y, q, q}, link);
    if (beside(b, link, w)) {
        int lh = labels(NULL, b, link, 0, 0, w - q - t->gap);
        int ly = y + (q > lh ? (q - lh) / 2 : 0); /* the label centred beside the code */
        if (p)
            labels(p, b, link, x + q + t->gap, ly, w - q - t->gap);
        return q > lh ? q : lh;
    }
    return q + t->gap + labels(p, b, link, x, y + q + t->gap, w);
}

int takehome_height(const VtBuild *b, const char *link, int w)
{
    return block(NULL, b, link, 0, 0, w);
}

int takehome_build(VtPage *p, const VtBuild *b, const char *link, int x, int y, int w)
{
    return block(p, b, link, x, y, w);
}

int takehome_place(VtPage *p, const VtBuild *b, const char *link, int y)
{
    VtTheme ct;
    VtBuild cb;
    if (bilingual_on(b))
        b = bilingual_column(b, VT_LANG_NL, &ct, &cb);
    return block(p, b, link, b->th->col_x, y, b->th->col_w);
}
