/*
 * layout_check: the layout rules every screen must keep, as a reusable check. Used by the unit
 * tests with a fake measurer and by tests/render/test_layout_font.c with the real font, so the
 * rules are stated once:
 *   - every touch target is at least the theme's minimum in both directions (>= 9 mm);
 *   - no text run starts left of the screen or ends right of it (of the page, when it scrolls
 *     horizontally);
 *   - no two text runs overlap;
 *   - no text straddles the edge of a touch target (it is inside the button or clear of it);
 *   - a QR code keeps the target gap (3 mm) from every text run and every target;
 *   - on a page longer than the screen no text reaches under the scroll buttons, nor within the
 *     theme's gap of them (the right gutter, issue 13's review).
 * and, given a panel's physical density (issue 13 item 1), in millimetres:
 *   - reading text (the body size) has a cap height of 3.5-4.5 mm times the text step, and no
 *     text is smaller than 2.8 mm;
 *   - every target is at least 9 mm along both axes, and neighbouring targets (side by side or
 *     one above the other) are at least 3 mm apart;
 *   - a QR code is large enough for a module area of 20 mm (its quiet zone included);
 *   - the reading column holds 45-60 characters of body text, or, where that is wider than the
 *     screen, the whole width between the left margin and the right gutter.
 * and where two columns fit (the theme's cols == 2: Dutch and English side by side), on the
 * document and reader screens: both columns hold 45-60 characters, the gutter is at least the
 * theme's gap, no text below the columns' heads leaves its column, and every place in the text
 * (a paragraph pair, a label, a footnote) that starts in one column starts at the same height in
 * the other.
 */
#ifndef VT_LAYOUT_CHECK_H
#define VT_LAYOUT_CHECK_H

#include "screens.h"

/* A panel's density along each axis, and the cap height of the font as a fraction of its size
 * (measured by the caller on the real font). */
typedef struct {
    float ppmm_x, ppmm_y, cap_ratio;
    /* what was measured, for the report (the caller zeroes them): the smallest and largest
     * cap heights of reading text, the smallest of any text, the smallest target edge, the
     * smallest space between neighbouring targets (mm), the column in characters */
    float body_min, body_max, text_min, target_min, gap_min, col_chars;
    /* with two columns (bilingual.h): the narrower column in characters, the gutter (mm) */
    float col2_chars, gutter_mm;
} VtMmRules;

/* Returns the number of violations on p, each printed to stderr prefixed by what; mm NULL
 * checks no millimetres. */
int layout_check_page(const VtPage *p, const VtTheme *t, const VtMeasure *m, int horizontal,
                      VtMmRules *mm, const char *what);

/* Every screen of c in both languages with theme t (and its top bar, also at the bottom),
 * checked as layout_check_page does. Returns the number of violations. */
int layout_check_theme(const VtContent *c, const VtMeasure *m, const VtTheme *t, VtMmRules *mm,
                       long today);

/* Builds every screen of c (timeline, each document, each reader unit with its bottom bar,
 * about, every attract slide, the top bar with an overlong title) in both languages at w x h and
 * checks each. Returns the number of violations. */
int layout_check_all(const VtContent *c, const VtMeasure *m, int w, int h, long today);

#endif
