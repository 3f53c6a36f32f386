/*
 * ui_marks: what the ui draws over the screen rather than into a page: the wash under a finger
 * (touch feedback), the scroll indicator and the keyboard focus ring. They change with every
 * press, scroll and Tab, so they are rebuilt on every frame into a small page of their own, in
 * screen coordinates, drawn last. Their colours and sizes are the theme's (VT_PRESS_WASH,
 * VT_THUMB, VT_FOCUS, focus_px), so the renderer draws boxes and decides no looks, and the unit
 * tests see the marks as they see every other box.
 */
#include "ui_private.h"

#include <assert.h>
#include <stdint.h>

/* The scroll indicator: a thin bar along the right edge (the bottom edge for the timeline),
 * as long as the visible share of the page, so a visitor sees there is more to read. */
static VtRect scroll_thumb(const VtUi *ui, VtRect clip)
{
    const VtTheme *t = &ui->theme;
    int view = ui->horizontal ? t->w : clip.h;
    int len = ui->horizontal ? ui->page.width : ui->page.height;
    if (ui->attract || len <= view || len <= 0)
        return (VtRect){0, 0, 0, 0};
    int track = view - 2 * t->unit, thick = t->unit > 3 ? t->unit : 3;
    int size = track * view / len;
    if (size < t->unit * 4)
        size = t->unit * 4;
    int off = scroll_offset(&ui->scroll), max = len - view;
    off = off < 0 ? 0 : off > max ? max : off;
    /* 64-bit: (track - size) * off exceeds int on a timeline a million pixels wide */
    int pos = t->unit + (int)((int64_t)(track - size) * off / max);
    if (ui->horizontal)
        return (VtRect){pos, clip.y + clip.h - thick - t->unit, size, thick};
    return (VtRect){t->w - thick - t->unit, clip.y + pos, thick, size};
}

/* The keyboard focus ring's target on the screen, w = 0 for none. */
static VtRect focus_rect(const VtUi *ui)
{
    if (ui->focus < 0 || ui->focus >= ui_focus_count(ui))
        return (VtRect){0, 0, 0, 0};
    int layer;
    const VtHit *h = ui_focus_hit(ui, ui->focus, &layer);
    return place_rect(ui_place(ui, layer), h->r);
}

/* A ring of thickness t just outside r: bands above and below, full width, then the sides. */
static void ring(VtPage *p, VtRect r, int t, VtColor c)
{
    page_fill(p, (VtRect){r.x - t, r.y - t, r.w + 2 * t, t}, c);
    page_fill(p, (VtRect){r.x - t, r.y + r.h, r.w + 2 * t, t}, c);
    page_fill(p, (VtRect){r.x - t, r.y, t, r.h}, c);
    page_fill(p, (VtRect){r.x + r.w, r.y, t, r.h}, c);
}

void ui_marks(VtUi *ui, VtFrame *f)
{
    const VtTheme *t = &ui->theme;
    if (ui->pressed_layer >= 0) {
        assert(ui->pressed_layer == VT_LAYER_PAGE || !ui->attract);
        f->pressed = place_rect(ui_place(ui, ui->pressed_layer), ui->pressed);
    }
    f->thumb = scroll_thumb(ui, ui_place(ui, VT_LAYER_PAGE).clip);
    f->focus = focus_rect(ui);
    page_clear(&ui->marks);
    ui_speech_mark(ui, f); /* under the touch feedback */
    if (f->pressed.w)
        page_fill(&ui->marks, f->pressed, VT_PRESS_WASH);
    if (f->thumb.w)
        page_fill(&ui->marks, f->thumb, VT_THUMB);
    if (f->focus.w)
        ring(&ui->marks, f->focus, t->focus_px, VT_FOCUS);
    if (!ui->marks.nboxes)
        return;
    assert(f->nlayers < (int)(sizeof f->layers / sizeof *f->layers));
    f->layers[f->nlayers++] = (VtLayer){&ui->marks, 0, 0, (VtRect){0, 0, t->w, t->h}, 255};
}
