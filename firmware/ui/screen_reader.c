/*
 * screen_reader: one unit of a document at full length. A question is shown with the answer
 * that covers it; a joint answer says which questions it covers and appears under each of them,
 * as the source groups it. Footnotes follow the text they belong to, with their URL spelled out,
 * and the page ends with one "read on at home" QR code (takehome.h). The curator's key
 * sentences are marked inside the text they quote (story.h), an answer's confidentiality
 * sentence with the redaction motif (redact.h). Where two columns fit, the Dutch and the English
 * stand side by side (bilingual.h): each part is a VtColumnFn, laid out once or once per column.
 * Previous, the document's overview and Next sit in a bar fixed at the bottom of the screen
 * (screen_reader_nav, drawn with the top bar, its ends under the columns' outer edges), so they
 * do not move with the length of the text; swipes turn the page too (the ui controller).
 */
#include "bilingual.h"
#include "redact.h"
#include "screens.h"
#include "story.h"
#include "takehome.h"

#include <stdio.h>
#include <string.h>

int screen_reader_step(const VtDoc *d, int item, int dir)
{
    for (int i = item + dir; i >= 0 && i < d->nitems; i += dir)
        if (d->items[i].kind != VT_ITEM_ANSWER)
            return i;
    return -1;
}

void screen_reader_position(const VtDoc *d, int item, int *pos, int *count)
{
    *pos = *count = 0;
    VtItemKind k = d->items[item].kind;
    for (int i = 0; i < d->nitems; i++) {
        if (d->items[i].kind != k)
            continue;
        (*count)++;
        if (i == item)
            *pos = *count;
    }
}

/* What a part of the reader lays out (VtColumnFn's ctx). */
typedef struct {
    const VtDoc *d;
    const VtItem *it;
    const VtFootnote *note;
} Part;

/* The short rule above the footnotes. */
static int rule_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h, (void)ctx;
    const VtTheme *t = c->th;
    page_fill(p, (VtRect){t->col_x, y + t->unit, t->col_w / 4, 2}, VT_LINE);
    return 2 * t->unit;
}

static int note_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    const VtTheme *t = c->th;
    const VtFootnote *fn = ((const Part *)ctx)->note;
    int y0 = y;
    char num[16];
    snprintf(num, sizeof num, "[^%d]", fn->number);
    int nw = t->small_px * 2;
    build_text(p, c, num, t->col_x, y, nw, VT_FONT_BOLD, t->small_px, t->small_line, VT_MUTED);
    const char *body =
        c->lang == VT_LANG_NL ? fn->body.s[VT_LANG_NL] : text_get(&fn->body, c->lang);
    y += build_text(p, c, body, t->col_x + nw, y, t->col_w - nw, VT_FONT_REGULAR, t->small_px,
                    t->small_line, VT_MUTED);
    /* the Dutch original under the translation (unless it stands beside it, or is the same) */
    if (c->lang == VT_LANG_EN && !c->beside && fn->body.s[VT_LANG_NL] &&
        strcmp(fn->body.s[VT_LANG_NL], body))
        y += build_text(p, c, fn->body.s[VT_LANG_NL], t->col_x + nw, y, t->col_w - nw,
                        VT_FONT_ITALIC, t->small_px, t->small_line, VT_MUTED);
    if (fn->url && !strstr(text_get(&fn->body, VT_LANG_NL), fn->url))
        y += build_text(p, c, fn->url, t->col_x + nw, y, t->col_w - nw, VT_FONT_REGULAR,
                        t->small_px, t->small_line, VT_ACCENT);
    return y - y0;
}

static int footnotes(VtPage *p, const VtBuild *b, const VtItem *it, int anchor, int y)
{
    if (!it->nnotes)
        return y;
    Part part = {NULL, it, NULL};
    y += bilingual_each(p, b, y, rule_part, &part);
    for (int k = 0; k < it->nnotes; k++) {
        page_anchor(p, anchor + VT_ANCHOR_NOTE + k, y);
        part.note = &it->notes[k];
        y += bilingual_each(p, b, y, note_part, &part) + b->th->unit;
    }
    return y;
}

/* "Question 3 of 12" in c's language; in the English column of two, the translation's tag
 * beside it (flush right), or under it where both do not fit. */
static int label_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    const VtTheme *t = c->th;
    const Part *part = ctx;
    const VtItem *it = part->it;
    char label[160];
    build_item_label(c, it, label, sizeof label);
    if (it->kind == VT_ITEM_QUESTION || it->kind == VT_ITEM_POINT) {
        int pos, count;
        screen_reader_position(part->d, (int)(it - part->d->items), &pos, &count);
        size_t n = strlen(label);
        snprintf(label + n, sizeof label - n, " %s %d", str_get(S_OF, c->lang), count);
    }
    int lh = build_label(p, c, label, t->col_x, y, t->col_w);
    if (!c->beside || c->lang != VT_LANG_EN || !it->body.s[VT_LANG_EN])
        return lh;
    const char *tag = str_get(S_UNOFFICIAL, VT_LANG_EN);
    int tw = build_width(c, tag, VT_FONT_BOLD, t->small_px) + 2 * t->unit;
    int lw = build_width(c, label, VT_FONT_BOLD, t->small_px);
    if (lw + t->gap + tw <= t->col_w) {
        int th = build_tag(p, c, tag, t->col_x + t->col_w - tw, y, tw, VT_ACCENT, VT_ON_ACCENT);
        return lh > th ? lh : th;
    }
    return lh + t->unit +
           build_tag(p, c, tag, t->col_x, y + lh + t->unit, t->col_w, VT_ACCENT, VT_ON_ACCENT);
}

/* The redaction motif's tag over an answer that invokes confidentiality, in c's language. */
static int secret_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h, (void)ctx;
    const VtTheme *t = c->th;
    return redact_tag(p, c, t->col_x, y, t->col_w) + t->unit;
}

/* A unit's label, text (the key sentences it holds marked, story.h) and footnotes; in two
 * columns side by side, paragraph by paragraph. Returns the y after it. */
static int block(const VtDoc *d, VtPage *p, const VtBuild *b, const VtItem *it, int y,
                 VtFontStyle style)
{
    const VtTheme *t = b->th;
    int i = (int)(it - d->items), anchor = VT_ANCHOR(i);
    Part part = {d, it, NULL};
    page_anchor(p, anchor, y);
    y += bilingual_each(p, b, y, label_part, &part) + t->unit;
    if (it->kind == VT_ITEM_ANSWER && redact_answer(d, i) >= 0)
        y += bilingual_each(p, b, y, secret_part, &part);
    y += bilingual_source(p, b, &it->body, y, style, anchor, d, i);
    y = footnotes(p, b, it, anchor, y);
    return y + t->gap;
}

static int title_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h;
    const VtTheme *t = c->th;
    return build_text_clamped(p, c, text_get(&((const Part *)ctx)->d->title, c->lang), t->col_x, y,
                              t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line, VT_MUTED, 2);
}

static int none_part(VtPage *p, const VtBuild *c, int y, int h, void *ctx)
{
    (void)h, (void)ctx;
    const VtTheme *t = c->th;
    return build_text(p, c, str_get(S_NO_ANSWER_IN_SOURCE, c->lang), t->col_x, y, t->col_w,
                      VT_FONT_ITALIC, t->body_px, t->body_line, VT_MUTED);
}

void screen_reader_build(VtPage *p, const VtBuild *b, int doc, int item)
{
    const VtTheme *t = b->th;
    const VtDoc *d = &b->c->docs[doc];
    const VtItem *it = &d->items[item];
    Part part = {d, it, NULL};
    int y = t->margin;
    if (bilingual_on(b))
        y += bilingual_heads(p, b, y);
    y += bilingual_each(p, b, y, title_part, &part);
    y += t->gap;
    y = block(d, p, b, it, y, it->kind == VT_ITEM_QUESTION ? VT_FONT_BOLD : VT_FONT_REGULAR);
    if (it->kind == VT_ITEM_QUESTION) {
        int a = content_answer_for(d, it->number);
        VtTheme st;
        VtBuild sb;
        const VtTheme *w = bilingual_spread(b, &st, &sb)->th; /* the rule across the columns */
        page_fill(p, (VtRect){w->col_x, y - t->gap / 2, w->col_w, 2}, VT_LINE);
        y += t->unit;
        if (a >= 0)
            y = block(d, p, b, &d->items[a], y, VT_FONT_REGULAR);
        else
            y += bilingual_each(p, b, y, none_part, &part) + t->gap;
    }
    /* Read on at home: the QR code of the unit's own source link, else the document's. */
    const char *link = takehome_reader_link(d, item);
    if (link)
        y += t->gap + takehome_place(p, b, link, y + t->gap);
    y += t->margin;
    page_extend(p, (VtRect){0, 0, t->w, y});
}

/* One button of the bar, its label with an arrow on the side it leads to. Returns its width. */
static int nav_button(VtPage *p, const VtBuild *b, VtStr label, int arrow, int x, int y, VtAction a,
                      int arg, int arg2, int filled)
{
    char text[96];
    snprintf(text, sizeof text, "%s%s%s", arrow < 0 ? "\u2039 " : "", str_get(label, b->lang),
             arrow > 0 ? " \u203a" : "");
    if (!p) {
        const VtTheme *t = b->th;
        int w = build_width(b, text, VT_FONT_BOLD, t->small_px) + 4 * t->unit;
        return w > t->target ? w : t->target;
    }
    return build_button(p, b, text, x, y, 0, a, arg, arg2, filled);
}

int screen_reader_nav(VtPage *p, const VtBuild *b0, int doc, int item, int y)
{
    VtTheme bar, st;
    VtBuild bb, sb;
    const VtBuild *b = build_bar(b0, &bar, &bb);
    const VtTheme *t = &bar;
    if (bilingual_on(b0)) { /* the bar's ends under the two columns' outer edges */
        bar.col_x = bilingual_spread(b0, &st, &sb)->th->col_x;
        bar.col_w = st.col_w;
    }
    const VtDoc *d = &b->c->docs[doc];
    int prev = screen_reader_step(d, item, -1), next = screen_reader_step(d, item, +1);
    int last_doc = doc + 1 >= b->c->ndocs, pad = t->bar_pad;
    /* After the document's last unit, Next leads on: the next document, or the timeline. */
    VtStr next_label = next >= 0 ? S_NEXT : last_doc ? S_TO_TIMELINE : S_NEXT_DOC;
    VtAction next_act = next >= 0 ? VT_ACT_NEXT : last_doc ? VT_ACT_HOME : VT_ACT_OVERVIEW;
    int pw = nav_button(NULL, b, S_PREV, -1, 0, 0, 0, 0, 0, 0);
    int ow = nav_button(NULL, b, S_OVERVIEW, 0, 0, 0, 0, 0, 0, 0);
    int nw = nav_button(NULL, b, next_label, +1, 0, 0, 0, 0, 0, 0);
    int side = pw > nw ? pw : nw, gap = pad > t->target_gap ? pad : t->target_gap;
    /* One row (Previous, Overview, Next); else Previous and Next above Overview; else, at the
     * largest text on a narrow screen, each on its own row. */
    /* Under the page, clear of its scroll buttons: the bar spans the column mirrored about the
     * middle (the column itself, unless it keeps a right gutter for them). */
    int span = t->w - 2 * t->col_x;
    int rows = 2 * (side + t->target_gap) + ow <= span ? 1
               : pw + t->target_gap + nw <= span       ? 2
                                                       : 3;
    int h = rows * t->target + (rows - 1) * gap + 2 * pad;
    if (!p)
        return h;
    page_fill(p, (VtRect){0, y, t->w, h}, VT_SURFACE);
    page_fill(p, (VtRect){0, y, t->w, 2}, VT_LINE);
    int ry = y + pad, right = t->w - t->col_x, step = t->target + gap;
    int prev_y = ry, over_y = rows == 1 ? ry : ry + step, next_y = rows == 3 ? ry + 2 * step : ry;
    if (prev >= 0)
        nav_button(p, b, S_PREV, -1, t->col_x, prev_y, VT_ACT_PREV, doc, prev, 0);
    nav_button(p, b, S_OVERVIEW, 0, rows == 3 ? t->col_x : (t->w - ow) / 2, over_y, VT_ACT_OVERVIEW,
               doc, 0, 0);
    nav_button(p, b, next_label, +1, rows == 3 ? t->col_x : right - nw, next_y, next_act,
               next >= 0 ? doc : doc + 1, next, 1);
    return h;
}
