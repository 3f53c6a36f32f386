/*
 * wrap: lays out the content's marked-up text into a page as single-style runs.
 *
 * Markup (see firmware/content/schema.sql): paragraphs separated by a blank line, `*x*` for
 * emphasis, `[^N]` for a footnote reference, shown as superscript digits. A paragraph that
 * starts with a list marker ("·", "•", "-" or "–" and a space) is a list item with a hanging
 * indent. Breaking is greedy,
 * at spaces; a word wider than the line (a URL, a long compound) is broken inside, preferably
 * after '/', '-', '.', '?', '&' or '=', so nothing ever runs outside its box. Widths come from a
 * VtMeasure supplied by the caller: the platform's font in the kiosk, a fixed-advance fake in
 * the unit tests.
 */
#ifndef VT_WRAP_H
#define VT_WRAP_H

#include "page.h"

typedef struct {
    void *ctx;
    /* Returns the advance width in pixels of s[0..len) set in style at size px. */
    int (*width)(void *ctx, VtFontStyle style, int px, const char *s, size_t len);
} VtMeasure;

typedef struct {
    VtFontStyle
        style;    /* REGULAR, BOLD or QUOTE; emphasis: ITALIC, BOLD_ITALIC (in QUOTE: REGULAR) */
    int px;       /* font size */
    int line_h;   /* baseline-to-baseline distance */
    int para_gap; /* extra space between paragraphs */
    VtColor color;
    int max_lines; /* 0: no limit; else stop there and end the last line with "…" */
    int anchor;    /* not 0: paragraph k is marked as the page's place anchor + k (page_anchor) */
} VtTextStyle;

/* Lays text out at (x, y) within width w and adds its runs to page. Returns the height used
 * (0 for empty text). Never fails; invalid UTF-8 was rejected when the pack was checked. */
int wrap_text(VtPage *page, const VtMeasure *m, const char *text, int x, int y, int w,
              const VtTextStyle *st);

/* Returns the height wrap_text would use, without adding anything. */
int wrap_height(const VtMeasure *m, const char *text, int w, const VtTextStyle *st);

/* Rewrites markup into display text: removes '*', turns [^N] into superscript digits.
 * Returns a new string (free() it). */
char *wrap_plain(const char *text);

#endif
