/*
 * bilingual: the two columns' geometry (the spread of two reading columns and the theme's
 * gutter, centred, or moved left clear of the scroll buttons), their heads, and pairs laid out
 * column by column into scratch pages and appended, each column's after the other's. Paragraph
 * pairs are laid out one paragraph at a time in each language, the next pair starting below the
 * taller of the two.
 */
#include "bilingual.h"
#include "redact.h"

#include "buf.h"
#include "screens.h"
#include "story.h"

#include <stdlib.h>
#include <string.h>

int bilingual_on(const VtBuild *b) { return b->th->cols == 2; }

static int max_i(int a, int b) { return a > b ? a : b; }

/* The left edge of language l's column: the two columns centred on the screen, or moved left
 * (not past the margin) to keep a gap from the scroll buttons (theme.h: scroll_x). */
static int column_x(const VtTheme *t, VtLang l)
{
    int spread = 2 * t->col_w + t->gutter, x = (t->w - spread) / 2;
    int room = t->scroll_x - t->gap;
    if (x + spread > room)
        x = max_i(t->margin, room - spread);
    return x + (l == VT_LANG_EN ? t->col_w + t->gutter : 0);
}

const VtBuild *bilingual_column(const VtBuild *b, VtLang l, VtTheme *th, VtBuild *out)
{
    *th = *b->th;
    th->col_x = column_x(b->th, l);
    *out = *b;
    out->th = th;
    out->lang = l;
    out->beside = 1;
    return out;
}

const VtBuild *bilingual_spread(const VtBuild *b, VtTheme *th, VtBuild *out)
{
    if (!bilingual_on(b))
        return b;
    *th = *b->th;
    th->col_x = column_x(b->th, VT_LANG_NL);
    th->col_w = 2 * b->th->col_w + b->th->gutter;
    *out = *b;
    out->th = th;
    return out;
}

int bilingual_heads(VtPage *p, const VtBuild *b, int y)
{
    const VtTheme *t = b->th;
    int h = 0, thick = max_i(3, t->unit); /* the visitor's rule: about 1 mm */
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        int x = column_x(t, (VtLang)l);
        p->lang_col[l] = (VtRect){x, 0, t->col_w, 0};
        h = max_i(h,
                  build_text(p, b, str_get(S_COLUMN_HEAD, (VtLang)l), x, y, t->col_w, VT_FONT_BOLD,
                             t->small_px, t->small_line, l == (int)b->lang ? VT_ACCENT : VT_MUTED));
    }
    y += h + t->unit / 2;
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        int mine = l == (int)b->lang;
        page_fill(
            p,
            (VtRect){column_x(t, (VtLang)l), mine ? y : y + thick - 2, t->col_w, mine ? thick : 2},
            mine ? VT_ACCENT : VT_LINE);
    }
    return h + t->unit / 2 + thick + t->gap;
}

/* The builds of the columns (two, or b's one), each narrowed by inset on both sides and by
 * edge more on the left of the first (inside a card). Returns how many. */
static int columns(const VtBuild *b, int inset, int edge, VtTheme th[2], VtBuild cb[2])
{
    int n = bilingual_on(b) ? 2 : 1;
    for (int l = 0; l < n; l++) {
        if (n == 2)
            bilingual_column(b, (VtLang)l, &th[l], &cb[l]);
        else
            th[0] = *b->th, cb[0] = *b, cb[0].th = &th[0];
        th[l].col_x += inset + (l == 0 ? edge : 0);
        th[l].col_w -= 2 * inset + edge;
    }
    return n;
}

/* The tallest of fn's parts in n columns. */
static int measure(int n, const VtBuild cb[2], VtColumnFn fn, void *ctx)
{
    VtPage tmp = {0};
    int h = 0;
    for (int l = 0; l < n; l++) {
        h = max_i(h, fn(&tmp, &cb[l], 0, 0, ctx));
        page_clear(&tmp);
    }
    page_free(&tmp);
    return h;
}

/* fn's parts at y, h high, the first column's runs first. */
static void lay(VtPage *p, int n, const VtBuild cb[2], int y, int h, VtColumnFn fn, void *ctx)
{
    VtPage tmp = {0};
    for (int l = 0; l < n; l++) {
        fn(&tmp, &cb[l], y, h, ctx);
        page_append(p, &tmp);
    }
    page_free(&tmp);
}

int bilingual_pair(VtPage *p, const VtBuild *b, int y, VtColumnFn fn, void *ctx)
{
    VtTheme th[2];
    VtBuild cb[2];
    int n = columns(b, 0, 0, th, cb);
    int h = measure(n, cb, fn, ctx);
    lay(p, n, cb, y, h, fn, ctx);
    return h;
}

int bilingual_each(VtPage *p, const VtBuild *b, int y, VtColumnFn fn, void *ctx)
{
    return bilingual_on(b) ? bilingual_pair(p, b, y, fn, ctx) : fn(p, b, y, 0, ctx);
}

int bilingual_card(VtPage *p, const VtBuild *b, int y, VtColumnFn fn, void *ctx, VtColor bg,
                   VtColor edge, VtAction a, int arg, int arg2)
{
    const VtTheme *t = b->th;
    int pad = 2 * t->unit, e = edge.a ? t->unit : 0;
    VtTheme th[2], wt;
    VtBuild cb[2], wb;
    int n = columns(b, pad, e, th, cb);
    int inner = measure(n, cb, fn, ctx);
    int h = max_i(inner + 2 * pad, t->target);
    const VtTheme *w = bilingual_spread(b, &wt, &wb)->th;
    VtRect r = {w->col_x, y, w->col_w, h};
    page_fill(p, r, bg);
    page_frame(p, r, VT_LINE);
    if (e)
        page_fill(p, (VtRect){r.x, y, e, h}, edge);
    lay(p, n, cb, y + pad, inner, fn, ctx);
    page_hit(p, r, a, arg, arg2);
    return h + t->target_gap; /* cards are targets: 3 mm apart */
}

/* The marks in item's runs from box0 on: its key sentences (story.h) and, in an answer that
 * invokes confidentiality, the redaction bar beside those words (redact.h). */
static void marks(VtPage *p, const VtBuild *b, const VtDoc *d, int item, int box0)
{
    story_mark(p, b, d, item, 0, box0);
    if (d->items[item].kind == VT_ITEM_ANSWER)
        redact_mark(p, b, d, redact_answer(d, item), box0);
}

/* The paragraphs of text (separated by a blank line, as wrap.h; blank ones left out) as new
 * strings in *out; returns how many. */
static int paragraphs(const char *text, char ***out)
{
    int n = 0;
    *out = NULL;
    for (const char *s = text ? text : ""; *s;) {
        const char *end = strstr(s, "\n\n");
        if (!end)
            end = s + strlen(s);
        if (strspn(s, " \n\t") < (size_t)(end - s)) {
            *out = xrealloc(*out, (size_t)(n + 1) * sizeof **out);
            (*out)[n++] = xstrndup(s, (size_t)(end - s));
        }
        s = *end ? end + 2 : end;
    }
    return n;
}

static void free_paragraphs(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int bilingual_source(VtPage *p, const VtBuild *b, const VtText *t, int y, VtFontStyle style,
                     int anchor, const VtDoc *d, int item)
{
    const VtTheme *th = b->th;
    if (!bilingual_on(b)) { /* one column: the translation above the original (build.h) */
        int box0 = p->nboxes;
        int h = build_source_text(p, b, t, th->col_x, y, th->col_w, style, anchor);
        if (d)
            marks(p, b, d, item, box0);
        return h;
    }
    VtTheme cth[2];
    VtBuild cb[2];
    columns(b, 0, 0, cth, cb);
    char **para[2];
    int n[2];
    for (int l = 0; l < VT_LANG_COUNT; l++)
        n[l] = paragraphs(t->s[l], &para[l]);
    int pairs = n[0] == n[1] ? n[0] : 1, whole = n[0] != n[1];
    VtTextStyle st = {style, th->body_px, th->body_line, th->body_line / 2, VT_TEXT, 0, 0};
    VtPage col[2] = {{0}, {0}};
    int y0 = y;
    for (int k = 0; k < pairs; k++) {
        if (anchor)
            page_anchor(p, anchor + k, y);
        int h = 0;
        for (int l = 0; l < VT_LANG_COUNT; l++) {
            const char *s = whole ? t->s[l] : para[l][k];
            h = max_i(h, wrap_text(&col[l], b->m, s, cth[l].col_x, y, cth[l].col_w, &st));
        }
        y += h + (k + 1 < pairs ? st.para_gap : 0);
    }
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        if (d)
            marks(&col[l], &cb[l], d, item, 0);
        page_append(p, &col[l]);
        page_free(&col[l]);
        free_paragraphs(para[l], n[l]);
    }
    return y - y0;
}
