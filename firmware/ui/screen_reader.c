/*
 * screen_reader: one unit of a document at full length. A question is shown with the answer
 * that covers it; a joint answer says which questions it covers and appears under each of them,
 * as the source groups it. Footnotes follow the text they belong to, with their URL spelled out
 * (the QR codes are on the About screen). The curator's key sentences are marked inside the
 * text they quote (story.h). Previous/next buttons sit at the bottom; swipes do
 * the same (handled by the ui controller).
 */
#include "screens.h"
#include "story.h"

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

static int footnotes(VtPage *p, const VtBuild *b, const VtItem *it, int y)
{
    const VtTheme *t = b->th;
    if (!it->nnotes)
        return y;
    y += t->unit;
    page_fill(p, (VtRect){t->col_x, y, t->col_w / 4, 2}, VT_LINE);
    y += t->unit;
    for (int k = 0; k < it->nnotes; k++) {
        const VtFootnote *fn = &it->notes[k];
        char num[16];
        snprintf(num, sizeof num, "[^%d]", fn->number);
        int nw = t->small_px * 2;
        build_text(p, b, num, t->col_x, y, nw, VT_FONT_BOLD, t->small_px, t->small_line, VT_MUTED);
        const char *body =
            b->lang == VT_LANG_NL ? fn->body.s[VT_LANG_NL] : text_get(&fn->body, b->lang);
        y += build_text(p, b, body, t->col_x + nw, y, t->col_w - nw, VT_FONT_REGULAR, t->small_px,
                        t->small_line, VT_MUTED);
        if (b->lang == VT_LANG_EN && fn->body.s[VT_LANG_NL])
            y += build_text(p, b, fn->body.s[VT_LANG_NL], t->col_x + nw, y, t->col_w - nw,
                            VT_FONT_ITALIC, t->small_px, t->small_line, VT_MUTED);
        if (fn->url && !strstr(text_get(&fn->body, VT_LANG_NL), fn->url))
            y += build_text(p, b, fn->url, t->col_x + nw, y, t->col_w - nw, VT_FONT_REGULAR,
                            t->small_px, t->small_line, VT_ACCENT);
        y += t->unit;
    }
    return y;
}

static int block(const VtDoc *d, VtPage *p, const VtBuild *b, const VtItem *it, int y,
                 VtFontStyle style)
{
    const VtTheme *t = b->th;
    char label[160];
    build_item_label(b, it, label, sizeof label);
    if (it->kind == VT_ITEM_QUESTION || it->kind == VT_ITEM_POINT) { /* "Question 3 of 12" */
        int pos, count;
        screen_reader_position(d, (int)(it - d->items), &pos, &count);
        size_t n = strlen(label);
        snprintf(label + n, sizeof label - n, " %s %d", str_get(S_OF, b->lang), count);
    }
    y += build_label(p, b, label, t->col_x, y, t->col_w) + t->unit;
    int box0 = p->nboxes;
    y += build_source_text(p, b, &it->body, t->col_x, y, t->col_w, style);
    story_mark(p, b, d, (int)(it - d->items), 0, box0); /* the key sentences it holds */
    y = footnotes(p, b, it, y);
    return y + t->gap;
}

void screen_reader_build(VtPage *p, const VtBuild *b, int doc, int item)
{
    const VtTheme *t = b->th;
    const VtDoc *d = &b->c->docs[doc];
    const VtItem *it = &d->items[item];
    VtLang l = b->lang;
    int y = t->margin;
    y += build_text_clamped(p, b, text_get(&d->title, l), t->col_x, y, t->col_w, VT_FONT_REGULAR,
                            t->small_px, t->small_line, VT_MUTED, 2);
    y += t->gap;
    y = block(d, p, b, it, y, it->kind == VT_ITEM_QUESTION ? VT_FONT_BOLD : VT_FONT_REGULAR);
    if (it->kind == VT_ITEM_QUESTION) {
        int a = content_answer_for(d, it->number);
        page_fill(p, (VtRect){t->col_x, y - t->gap / 2, t->col_w, 2}, VT_LINE);
        y += t->unit;
        if (a >= 0)
            y = block(d, p, b, &d->items[a], y, VT_FONT_REGULAR);
        else
            y += build_text(p, b, str_get(S_NO_ANSWER_IN_SOURCE, l), t->col_x, y, t->col_w,
                            VT_FONT_ITALIC, t->body_px, t->body_line, VT_MUTED) +
                 t->gap;
    }
    /* Previous / next at the end of the text, where a reader arrives. */
    int prev = screen_reader_step(d, item, -1), next = screen_reader_step(d, item, +1);
    int bw = (t->col_w - t->target_gap) / 2;
    int nw = build_width(b, str_get(S_NEXT, l), VT_FONT_BOLD, t->small_px) + 4 * t->unit;
    nw = nw > bw ? nw : bw;
    int pw = prev >= 0 ? build_button(p, b, str_get(S_PREV, l), t->col_x, y, bw, VT_ACT_PREV, doc,
                                      prev, 0)
                       : 0;
    if (pw && pw + t->target_gap + nw > t->col_w) /* the largest text: one above the other */
        y += t->target + t->target_gap;
    if (next >= 0)
        build_button(p, b, str_get(S_NEXT, l), t->col_x + t->col_w - nw, y, nw, VT_ACT_NEXT, doc,
                     next, 1);
    y += t->target + t->margin;
    page_extend(p, (VtRect){0, 0, t->w, y});
}
