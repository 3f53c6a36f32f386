/*
 * page: growable arrays of boxes and hits. Clearing keeps the arrays so rebuilding a page of the
 * same shape does not allocate.
 */
#include "page.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

static VtBox *push_box(VtPage *p)
{
    if (p->nboxes == p->capboxes) {
        p->capboxes = p->capboxes ? p->capboxes * 2 : 64;
        p->boxes = xrealloc(p->boxes, sizeof *p->boxes * (size_t)p->capboxes);
    }
    VtBox *b = &p->boxes[p->nboxes++];
    memset(b, 0, sizeof *b);
    return b;
}

void page_extend(VtPage *p, VtRect r)
{
    if (r.x + r.w > p->width)
        p->width = r.x + r.w;
    if (r.y + r.h > p->height)
        p->height = r.y + r.h;
}

void page_clear(VtPage *p)
{
    for (int i = 0; i < p->nboxes; i++)
        free(p->boxes[i].text);
    p->nboxes = 0;
    p->nhits = 0;
    p->nanchors = 0;
    p->width = p->height = 0;
    memset(p->lang_col, 0, sizeof p->lang_col);
}

void page_free(VtPage *p)
{
    page_clear(p);
    free(p->boxes);
    free(p->hits);
    free(p->anchors);
    memset(p, 0, sizeof *p);
}

static void push_rect(VtPage *p, VtBoxKind kind, VtRect r, VtColor c)
{
    VtBox *b = push_box(p);
    b->kind = kind;
    b->r = r;
    b->color = c;
    page_extend(p, r);
}

void page_fill(VtPage *p, VtRect r, VtColor c) { push_rect(p, VT_BOX_FILL, r, c); }

void page_frame(VtPage *p, VtRect r, VtColor c) { push_rect(p, VT_BOX_FRAME, r, c); }

void page_fill_at(VtPage *p, int at, VtRect r, VtColor c)
{
    push_rect(p, VT_BOX_FILL, r, c);
    if (at < 0 || at >= p->nboxes - 1)
        return;
    VtBox fill = p->boxes[p->nboxes - 1];
    memmove(&p->boxes[at + 1], &p->boxes[at], sizeof *p->boxes * (size_t)(p->nboxes - 1 - at));
    p->boxes[at] = fill;
}

void page_text(VtPage *p, int x, int y, int w, int h, const char *s, size_t len, VtFontStyle style,
               int px, VtColor c)
{
    VtBox *b = push_box(p);
    b->kind = VT_BOX_TEXT;
    b->r = (VtRect){x, y, w > 0 ? w : 0, h};
    b->color = c;
    b->style = style;
    b->px = px;
    b->text = xstrndup(s, len);
}

void page_qr(VtPage *p, VtRect r, const char *data)
{
    VtBox *b = push_box(p);
    b->kind = VT_BOX_QR;
    b->r = r;
    b->text = xstrdup(data);
    page_extend(p, r);
}

void page_hit(VtPage *p, VtRect r, VtAction a, int arg, int arg2)
{
    if (p->nhits == p->caphits) {
        p->caphits = p->caphits ? p->caphits * 2 : 16;
        p->hits = xrealloc(p->hits, sizeof *p->hits * (size_t)p->caphits);
    }
    p->hits[p->nhits++] = (VtHit){r, a, arg, arg2};
}

void page_append(VtPage *dst, VtPage *src)
{
    for (int i = 0; i < src->nboxes; i++) {
        *push_box(dst) = src->boxes[i];        /* the text moves with its box */
        if (src->boxes[i].kind != VT_BOX_TEXT) /* as page_text, which leaves it to the screen */
            page_extend(dst, src->boxes[i].r);
    }
    src->nboxes = 0;
    for (int i = 0; i < src->nhits; i++)
        page_hit(dst, src->hits[i].r, src->hits[i].action, src->hits[i].arg, src->hits[i].arg2);
    for (int i = 0; i < src->nanchors; i++)
        page_anchor(dst, src->anchors[i].key, src->anchors[i].y);
    page_clear(src);
}

void page_anchor(VtPage *p, int key, int y)
{
    if (p->nanchors == p->capanchors) {
        p->capanchors = p->capanchors ? p->capanchors * 2 : 32;
        p->anchors = xrealloc(p->anchors, sizeof *p->anchors * (size_t)p->capanchors);
    }
    p->anchors[p->nanchors++] = (VtAnchor){key, y};
}

int page_anchor_at(const VtPage *p, int y)
{
    int key = 0;
    for (int i = 0; i < p->nanchors && p->anchors[i].y <= y; i++)
        key = p->anchors[i].key;
    return key;
}

int page_anchor_y(const VtPage *p, int key)
{
    for (int i = 0; i < p->nanchors; i++)
        if (p->anchors[i].key == key)
            return p->anchors[i].y;
    return -1;
}

const VtHit *page_hit_at(const VtPage *p, int x, int y)
{
    for (int i = p->nhits - 1; i >= 0; i--)
        if (rect_contains(p->hits[i].r, x, y))
            return &p->hits[i];
    return NULL;
}

void page_move(VtPage *p, int dx, int dy)
{
    p->width = p->height = 0;
    for (int i = 0; i < p->nboxes; i++) {
        VtBox *b = &p->boxes[i];
        b->r.x += dx;
        b->r.y += dy;
        if (b->kind != VT_BOX_TEXT) /* as they were added: text does not extend a page */
            page_extend(p, b->r);
    }
    for (int i = 0; i < p->nhits; i++) {
        p->hits[i].r.x += dx;
        p->hits[i].r.y += dy;
    }
    for (int i = 0; i < p->nanchors; i++)
        p->anchors[i].y += dy;
}
