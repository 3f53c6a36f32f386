/*
 * theme: colours and sizes, derived from the screen's size alone.
 *
 * A kiosk's screen is chosen for its viewing distance, so sizes scale with the short side of the
 * screen rather than with an assumed pixel density: on the Raspberry Pi 7" screen (800x480,
 * about 5.3 px/mm) body text is 24 px (4.5 mm) and touch targets are 56 px (10.5 mm); on
 * larger screens both grow in proportion. When the physical density is known (config
 * `screen_ppmm`), targets are also kept at least 9 mm and body text at least 4.2 mm.
 *
 * Colours: near-black text on warm white (16.3:1), the dark teal accent on it (8.9:1),
 * white on the accent (9.5:1), all above the 7:1 of WCAG AAA; the muted grey used for labels
 * is 8.3:1 on the background. tests/unit/test_ui.c computes and asserts these ratios.
 */
#ifndef VT_THEME_H
#define VT_THEME_H

#include "page.h"

typedef struct {
    int w, h;   /* the logical screen (after rotation) */
    int unit;   /* 1% of the short side, at least 4 px */
    int margin; /* outer margin */
    int gap;    /* between blocks */
    int target; /* minimum touch target edge */
    int bar_h;  /* top bar height */
    int body_px, body_line;
    int small_px, small_line;
    int head_px, head_line;
    int title_px, title_line;
    int col_w;    /* reading column width (about 65 characters) */
    int col_x;    /* reading column left edge */
    int focus_px; /* thickness of the keyboard focus ring */
} VtTheme;

extern const VtColor VT_BG, VT_SURFACE, VT_TEXT, VT_MUTED, VT_ACCENT, VT_ON_ACCENT, VT_LINE,
    VT_PRESSED, VT_FUTURE, VT_WARN_BG;

/* The band behind a key sentence in the reader (story.c): pale yellow; text and muted text on
 * it stay above 7:1. */
extern const VtColor VT_KEY_BG;

/* The marks drawn over the screen (ui_marks.c): the accent as a translucent wash under a finger,
 * the muted grey for the scroll indicator, the future's purple for the focus ring (it stands out
 * against the teal buttons it surrounds). */
extern const VtColor VT_PRESS_WASH, VT_THUMB, VT_FOCUS;

/* Each document's own colour (its letterhead rule, its kind, the edge of its chapter), from a
 * palette of dark tones that are all above 7:1 on the background and the surface, so they may
 * colour text. Returns the colour of document index doc (any int). */
VtColor theme_doc_color(int doc);
#define VT_DOC_COLORS 5

/* Computes the theme for a w x h screen; ppmm <= 0 when the density is unknown. */
void theme_init(VtTheme *t, int w, int h, float ppmm);

/* WCAG 2 contrast ratio of two opaque colours (1.0 .. 21.0). */
double theme_contrast(VtColor a, VtColor b);

#endif
