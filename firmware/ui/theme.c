/*
 * theme: the numbers behind the look. Everything is a multiple of `unit` so the five target
 * resolutions (800x480 up to 3840x2160, portrait too) keep their proportions.
 */
#include "theme.h"

#include <math.h>

const VtColor VT_BG = {0xFA, 0xF7, 0xF2, 0xFF};
const VtColor VT_SURFACE = {0xFF, 0xFF, 0xFF, 0xFF};
const VtColor VT_TEXT = {0x1A, 0x1A, 0x1A, 0xFF};
const VtColor VT_MUTED = {0x4A, 0x4A, 0x4A, 0xFF};
const VtColor VT_ACCENT = {0x00, 0x4D, 0x57, 0xFF};
const VtColor VT_ON_ACCENT = {0xFF, 0xFF, 0xFF, 0xFF};
const VtColor VT_LINE = {0xB8, 0xB0, 0xA4, 0xFF};
const VtColor VT_PRESSED = {0xD9, 0xE8, 0xEA, 0xFF};
const VtColor VT_FUTURE = {0x5A, 0x2D, 0x82, 0xFF};
const VtColor VT_WARN_BG = {0x1A, 0x1A, 0x1A, 0xFF};
const VtColor VT_KEY_BG = {0xFF, 0xEF, 0xB0, 0xFF};
const VtColor VT_PRESS_WASH = {0x00, 0x4D, 0x57, 0x40}; /* VT_ACCENT at a quarter */
const VtColor VT_THUMB = {0x4A, 0x4A, 0x4A, 0xA0};      /* VT_MUTED at 160 of 255 */
const VtColor VT_FOCUS = {0x5A, 0x2D, 0x82, 0xFF};      /* VT_FUTURE */

VtColor theme_doc_color(int doc)
{
    static const VtColor palette[VT_DOC_COLORS] = {
        {0x00, 0x4D, 0x57, 0xFF}, /* teal, the accent */
        {0x8A, 0x1C, 0x1C, 0xFF}, /* red */
        {0x1F, 0x3A, 0x7A, 0xFF}, /* blue */
        {0x2F, 0x55, 0x1E, 0xFF}, /* green */
        {0x6E, 0x44, 0x00, 0xFF}, /* ochre */
    };
    return palette[(doc % VT_DOC_COLORS + VT_DOC_COLORS) % VT_DOC_COLORS];
}

static int max_i(int a, int b) { return a > b ? a : b; }
static int min_i(int a, int b) { return a < b ? a : b; }

void theme_init(VtTheme *t, int w, int h, float ppmm)
{
    int s = min_i(w, h);
    t->w = w;
    t->h = h;
    t->unit = max_i(4, s / 100);
    int u = t->unit;
    t->body_px = max_i(18, s * 5 / 100);
    t->small_px = max_i(16, s * 4 / 100);
    t->head_px = max_i(22, s * 6 / 100);
    t->title_px = max_i(26, s * 75 / 1000);
    t->target = max_i(44, s * 117 / 1000);
    if (ppmm > 0) {
        t->target = max_i(t->target, (int)ceilf(9.0f * ppmm));
        t->body_px = max_i(t->body_px, (int)ceilf(4.2f * ppmm));
    }
    t->body_line = t->body_px * 3 / 2;
    t->small_line = t->small_px * 7 / 5;
    t->head_line = t->head_px * 13 / 10;
    t->title_line = t->title_px * 6 / 5;
    t->margin = max_i(12, 4 * u);
    t->gap = max_i(8, 3 * u);
    t->bar_h = t->target + 2 * max_i(6, u);
    /* About 65 characters of body text: an average advance is roughly half the size. */
    int want = t->body_px * 65 / 2;
    t->col_w = min_i(w - 2 * t->margin, want);
    t->col_x = (w - t->col_w) / 2;
    t->focus_px = max_i(3, h / 150);
}

static double channel(uint8_t c)
{
    double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(VtColor c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double theme_contrast(VtColor a, VtColor b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
