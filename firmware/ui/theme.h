/*
 * theme: colours and sizes, set in millimetres on the real screen.
 *
 * Sizes come from the screen's density (px per mm: measured by the display, or the config's
 * `screen_mm`) and the distance it is read from, not from its pixel count:
 * - reading text (body) has a cap height of 3.6 mm on a 7" panel rising to 4.4 mm on a 27"
 *   (held closer, read further), the range for arm's length; labels 0.85 of that, headings 1.25;
 * - reading columns hold about 55 characters of body text (45-60); `cols` says whether two fit
 *   side by side with `gutter` between them: then the reader and the document screen set Dutch
 *   and English side by side (bilingual.h);
 * - touch targets are at least 10 mm (>= 9 mm) with `target_gap` (>= 3 mm) between neighbours;
 * - a page longer than the screen has its scroll buttons at the right edge (`scroll_x`,
 *   controls.c); the reading column ends a `gap` before them wherever it would reach under them
 *   (a narrow panel: 800x480, 720x1280, 1280x720), so they never cover the ends of lines;
 * - poster text (the attract loop, read from 2-3 m) has a cap height of 12 mm where the panel
 *   allows, less where 14 characters across or 6.5 lines down would not fit (a 7" panel);
 *   `display_px` drops the 6.5 lines: the size of a hook told phrase by phrase on a 7".
 * When the density is unknown (ppmm <= 0) the screen is taken to be a 7" panel (short side
 * 86 mm), which keeps the proportions the kiosk had before it knew its size.
 *
 * The larger-text steps (A+, config `text_scale`) multiply every text size and the targets that
 * hold text; gaps and margins stay in millimetres.
 *
 * Colours: near-black text on warm white (16.3:1), the dark teal accent on it (8.9:1),
 * white on the accent (9.5:1), all above the 7:1 of WCAG AAA; the muted grey used for labels
 * is 8.3:1 on the background. Boundaries of what can be touched (card borders, VT_LINE) reach
 * 3:1 against the page and the card (WCAG 1.4.11). tests/unit/test_ui.c computes and asserts
 * these ratios.
 */
#ifndef VT_THEME_H
#define VT_THEME_H

#include "page.h"

/* Noto Sans's cap height as a fraction of the font size (1462 / 2048 units per em); the
 * layout-rule tests measure the real font against it. */
#define VT_CAP_RATIO 0.714f

/* Short side assumed when the density is unknown: the Raspberry Pi 7" panel (154x86 mm). */
#define VT_ASSUMED_SHORT_MM 86.0f

/* The larger-text steps, in percent: the A+ control walks through them. */
#define VT_TEXT_STEPS 4
extern const int VT_TEXT_STEP_PCT[VT_TEXT_STEPS];

typedef struct {
    int w, h;       /* the logical screen (after rotation) */
    float ppmm;     /* px per mm used (measured, configured or assumed) */
    int ppmm_known; /* 1 when measured or configured, 0 when assumed */
    int scale_pct;  /* text size step, 100 = normal */
    int unit;       /* small padding, about 1 mm (more with larger text) */
    int margin;     /* outer margin */
    int gap;        /* between blocks */
    int target;     /* minimum touch target edge */
    int target_gap; /* minimum space between neighbouring targets (>= 3 mm) */
    int bar_h;      /* the navigation bar's height (one row; the ui sets the real one) */
    int bar_pad;    /* space above and below its buttons */
    int body_px, body_line;
    int small_px, small_line;
    int head_px, head_line;
    int title_px, title_line;
    int poster_px, poster_line; /* attract text read from 2-3 m */
    int display_px; /* 12 mm cap height, or 14 characters across: a phrase alone (a 7") */
    int poster_small_px, poster_small_line; /* its companion line (the other language) */
    int col_w;                              /* reading column width (about 55 characters) */
    int col_x;                              /* reading column left edge */
    int scroll_x;                           /* left edge of the scroll buttons (controls.c) */
    int cols;                               /* reading columns side by side: 1 or 2 (bilingual.h) */
    int gutter;                             /* between two columns: 2 gaps (a key sentence's bar) */
    int focus_px;                           /* thickness of the keyboard focus ring */
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

/* Computes the theme for a w x h screen at normal text size; ppmm <= 0 when the density is
 * unknown. */
void theme_init(VtTheme *t, int w, int h, float ppmm);

/* The same with text at scale_pct percent (one of VT_TEXT_STEP_PCT; others are clamped to
 * 100..200). */
void theme_init_scaled(VtTheme *t, int w, int h, float ppmm, int scale_pct);

/* The density of a w x h px screen reported (or configured) as w_mm x h_mm, with w/h in the
 * same orientation. Returns px per mm (the larger of the two axes, so a size set in mm is at
 * least that along both), or 0 when the report is implausible: a size of 0, an aspect ratio
 * that disagrees with the pixels', a density outside 1-20 px/mm, or one of the sizes TVs put
 * in their EDID for "16:9" (160x90, 160x100, 1600x900 mm...). why gets the reason then. */
float theme_ppmm(int w, int h, int w_mm, int h_mm, char *why, size_t whylen);

/* WCAG 2 contrast ratio of two opaque colours (1.0 .. 21.0). */
double theme_contrast(VtColor a, VtColor b);

/* a drawn over b at a's alpha (b opaque): what the eye sees. */
VtColor theme_blend(VtColor a, VtColor b);

#endif
