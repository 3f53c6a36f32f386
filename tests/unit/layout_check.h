/*
 * layout_check: the layout rules every screen must keep, as a reusable check. Used by the unit
 * tests with a fake measurer and by tests/render/test_layout_font.c with the real font, so the
 * rules are stated once:
 *   - every touch target is at least the theme's minimum in both directions (>= 9 mm);
 *   - no text run starts left of the screen or ends right of it (of the page, when it scrolls
 *     horizontally);
 *   - no two text runs overlap;
 *   - no text straddles the edge of a touch target (it is inside the button or clear of it).
 */
#ifndef VT_LAYOUT_CHECK_H
#define VT_LAYOUT_CHECK_H

#include "screens.h"

/* Returns the number of violations on p, each printed to stderr prefixed by what. */
int layout_check_page(const VtPage *p, const VtTheme *t, const VtMeasure *m, int horizontal,
                      const char *what);

/* Builds every screen of c (timeline, each document, each reader unit with its bottom bar,
 * about, every attract slide, the top bar with an overlong title) in both languages at w x h and
 * checks each. Returns the number of violations. */
int layout_check_all(const VtContent *c, const VtMeasure *m, int w, int h, long today);

#endif
