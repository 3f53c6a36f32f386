/*
 * theme: the numbers behind the look, in millimetres converted once with the density, so the
 * five target panels (a 7" at 800x480 up to a 27" at 3840x2160, portrait too) give the same
 * physical sizes where they can and the same proportions where they must.
 */
#include "theme.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

const VtColor VT_BG = {0xFA, 0xF7, 0xF2, 0xFF};
const VtColor VT_SURFACE = {0xFF, 0xFF, 0xFF, 0xFF};
const VtColor VT_TEXT = {0x1A, 0x1A, 0x1A, 0xFF};
const VtColor VT_MUTED = {0x4A, 0x4A, 0x4A, 0xFF};
const VtColor VT_ACCENT = {0x00, 0x4D, 0x57, 0xFF};
const VtColor VT_ON_ACCENT = {0xFF, 0xFF, 0xFF, 0xFF};
/* Card borders and rules: 3.5:1 on the page, 3.8:1 on a card (WCAG 1.4.11 asks 3:1 of the
 * boundary of anything that can be touched; the old #B8B0A4 gave 2.0:1). */
const VtColor VT_LINE = {0x8A, 0x82, 0x77, 0xFF};
const VtColor VT_PRESSED = {0xD9, 0xE8, 0xEA, 0xFF};
const VtColor VT_FUTURE = {0x5A, 0x2D, 0x82, 0xFF};
const VtColor VT_WARN_BG = {0x1A, 0x1A, 0x1A, 0xFF};
const VtColor VT_KEY_BG = {0xFF, 0xEF, 0xB0, 0xFF};
const VtColor VT_PRESS_WASH = {0x00, 0x4D, 0x57, 0x40}; /* VT_ACCENT at a quarter */
const VtColor VT_THUMB = {0x4A, 0x4A, 0x4A, 0xA0};      /* VT_MUTED at 160 of 255 */
const VtColor VT_FOCUS = {0x5A, 0x2D, 0x82, 0xFF};      /* VT_FUTURE */

const int VT_TEXT_STEP_PCT[VT_TEXT_STEPS] = {100, 125, 150, 200};

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
static float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Font size in px for a cap height in mm. */
static int cap_px(float cap_mm, float ppmm) { return (int)lroundf(cap_mm / VT_CAP_RATIO * ppmm); }

/* Poster text: 12 mm cap height (2-3 m), smaller where 14 characters (about 0.55 em each)
 * across or 6.5 lines (of 1.15 em) down would not fit. */
static void poster_sizes(VtTheme *t)
{
    int room = t->w - 2 * t->margin;
    int px = min_i(cap_px(12.0f, t->ppmm), (int)(room / (14 * 0.55f)));
    t->display_px = max_i(px, t->head_px);
    px = min_i(px, (int)(t->h / (6.5f * 1.15f)));
    t->poster_px = max_i(px, t->head_px);
    t->poster_line = t->poster_px * 23 / 20;
    t->poster_small_px = max_i(min_i(cap_px(7.0f, t->ppmm), t->poster_px * 3 / 5), t->body_px);
    t->poster_small_line = t->poster_small_px * 13 / 10;
}

void theme_init_scaled(VtTheme *t, int w, int h, float ppmm, int scale_pct)
{
    int s = min_i(w, h);
    t->w = w;
    t->h = h;
    t->ppmm_known = ppmm > 0 && isfinite(ppmm);
    t->ppmm = t->ppmm_known ? ppmm : s / VT_ASSUMED_SHORT_MM;
    t->scale_pct = scale_pct < 100 ? 100 : scale_pct > 200 ? 200 : scale_pct;
    float mm = t->ppmm, k = t->scale_pct / 100.0f;
    /* Reading text: 3.6 mm cap height on a 7" (short side 86 mm), 4.4 mm on a 27" (336 mm). */
    float cap = 3.6f + 0.8f * clampf((s / mm - 86.0f) / 250.0f, 0, 1);
    t->body_px = max_i(12, cap_px(cap * k, mm));
    t->small_px = t->body_px * 85 / 100;
    t->head_px = t->body_px * 5 / 4;
    t->title_px = t->body_px * 3 / 2;
    t->body_line = t->body_px * 3 / 2;
    t->small_line = t->small_px * 7 / 5;
    t->head_line = t->head_px * 13 / 10;
    t->title_line = t->title_px * 6 / 5;
    t->unit = max_i(max_i(2, (int)lroundf(mm)), t->body_px / 6);
    t->target_gap = (int)ceilf(3.0f * mm);
    /* 10 mm, more when a larger label needs it (2 mm of air above and below). */
    t->target = max_i((int)ceilf(10.0f * mm), t->small_line + (int)ceilf(4.0f * mm));
    t->margin = max_i((int)lroundf(5.0f * mm), 2 * t->unit);
    t->gap = max_i(t->target_gap, (int)lroundf(4.0f * mm));
    t->bar_pad = max_i(t->unit, (int)lroundf(1.5f * mm));
    t->bar_h = t->target + 2 * t->bar_pad;
    /* About 55 characters of body text: an average advance is roughly half the size. */
    int want = t->body_px * 55 / 2;
    t->col_w = min_i(w - 2 * t->margin, want);
    t->col_x = (w - t->col_w) / 2;
    t->gutter = 2 * t->gap;
    /* The right gutter: the scroll buttons stand half a margin from the edge; a column that
     * would pass under them ends a gap before them (centred in what is left, where it can). */
    t->scroll_x = w - t->margin / 2 - t->target;
    int limit = t->scroll_x - t->gap;
    if (t->col_x + t->col_w > limit) {
        t->col_w = min_i(t->col_w, limit - t->margin);
        t->col_x = t->margin + (limit - t->margin - t->col_w) / 2;
    }
    t->cols = w - 2 * t->margin >= 2 * want + t->gutter ? 2 : 1;
    t->focus_px = max_i(3, (int)lroundf(0.6f * mm));
    poster_sizes(t);
}

void theme_init(VtTheme *t, int w, int h, float ppmm) { theme_init_scaled(t, w, h, ppmm, 100); }

float theme_ppmm(int w, int h, int w_mm, int h_mm, char *why, size_t whylen)
{
    /* What TVs write into the EDID when they give an aspect ratio instead of a size. */
    static const int bogus[][2] = {{16, 9},     {16, 10},     {160, 90}, {160, 100},
                                   {1600, 900}, {1600, 1000}, {4, 3},    {40, 30}};
    if (w <= 0 || h <= 0 || w_mm <= 0 || h_mm <= 0) {
        snprintf(why, whylen, "no physical size (%dx%d mm)", w_mm, h_mm);
        return 0;
    }
    for (size_t i = 0; i < sizeof bogus / sizeof *bogus; i++)
        if ((w_mm == bogus[i][0] && h_mm == bogus[i][1]) ||
            (w_mm == bogus[i][1] && h_mm == bogus[i][0])) {
            snprintf(why, whylen, "%dx%d mm is an aspect ratio, not a size", w_mm, h_mm);
            return 0;
        }
    float x = (float)w / (float)w_mm, y = (float)h / (float)h_mm;
    float hi = x > y ? x : y, lo = x > y ? y : x;
    if (hi > lo * 1.15f) {
        snprintf(why, whylen, "%dx%d mm does not have the shape of %dx%d px", w_mm, h_mm, w, h);
        return 0;
    }
    if (hi < 1.0f || hi > 20.0f) {
        snprintf(why, whylen, "%dx%d mm at %dx%d px is %.1f px/mm, outside 1-20", w_mm, h_mm, w, h,
                 (double)hi);
        return 0;
    }
    return hi;
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

static uint8_t mix(uint8_t a, uint8_t b, int alpha)
{
    return (uint8_t)((a * alpha + b * (255 - alpha) + 127) / 255);
}

VtColor theme_blend(VtColor a, VtColor b)
{
    return (VtColor){mix(a.r, b.r, a.a), mix(a.g, b.g, a.a), mix(a.b, b.b, a.a), 0xFF};
}
