/*
 * controls: the visible scroll buttons (issue 14, item 4: nothing may move only by dragging).
 * A page longer than the screen gets a pair of buttons that move it by most of a screen, the
 * same step as Page Up / Page Down; the timeline's row of cards gets a pair in its band.
 * They live in the controls layer, fixed over the page, so they stay where the finger found
 * them while the page moves under them, in the right gutter the theme keeps clear of the
 * reading column (theme.h: scroll_x). The arrows are drawn as filled triangles (stacked
 * bands), since the exhibit's font has no arrow glyphs.
 */
#include "screens.h"

/* A triangle pointing along dir, centred in r, drawn as bands
 * of a few pixels so its cost is a handful of boxes at any size. */
static void arrow(VtPage *p, VtRect r, VtArrow dir, VtColor c)
{
    int size = (r.w < r.h ? r.w : r.h) * 2 / 5, half = size / 2;
    int band = size / 12 > 1 ? size / 12 : 1;
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    for (int i = 0; i < size; i += band) {
        int len = half * (i + band) / size * 2; /* widens from the tip */
        int along = (dir == 0 || dir == 2) ? i : size - i - band;
        if (dir < 2)
            page_fill(p, (VtRect){cx - len / 2, cy - half + along, len, band}, c);
        else
            page_fill(p, (VtRect){cx - half + along, cy - len / 2, band, len}, c);
    }
}

void controls_arrow_button(VtPage *p, const VtBuild *b, int x, int y, VtArrow dir)
{
    int step = dir == VT_ARROW_UP || dir == VT_ARROW_LEFT ? -1 : +1;
    const VtTheme *t = b->th;
    VtRect r = {x, y, t->target, t->target};
    /* a ring of the page's colour keeps the button apart from the text passing under it */
    int k = t->unit / 2 > 2 ? t->unit / 2 : 2;
    page_fill(p, (VtRect){x - k, y - k, r.w + 2 * k, r.h + 2 * k}, VT_BG);
    page_fill(p, r, VT_ACCENT);
    arrow(p, r, dir, VT_ON_ACCENT);
    page_hit(p, r, VT_ACT_SCROLL, step, 0);
}

void controls_scroll_buttons(VtPage *controls, const VtBuild *b, VtRect area)
{
    const VtTheme *t = b->th;
    int s = t->target, g = t->gap;
    int x = area.x + t->scroll_x - (t->w - area.w), mid = area.y + area.h / 2;
    controls_arrow_button(controls, b, x, mid - g / 2 - s, VT_ARROW_UP);
    controls_arrow_button(controls, b, x, mid + g / 2, VT_ARROW_DOWN);
}
