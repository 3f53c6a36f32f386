/*
 * build: what every screen builder shares. A VtBuild carries the inputs of a page (content,
 * theme, text measurer, language, today's date); the helpers place the recurring pieces
 * (wrapped text, labelled facts, bilingual texts with their translation notice, buttons) so the
 * screens read as layout, not arithmetic.
 */
#ifndef VT_BUILD_H
#define VT_BUILD_H

#include "content.h"
#include "page.h"
#include "ui_strings.h"
#include "theme.h"
#include "wrap.h"

typedef struct {
    const VtContent *c;
    const VtTheme *th;
    const VtMeasure *m;
    VtLang lang;
    long today; /* days since 1970-01-01, from the injected clock */
    int beside; /* a column of two (bilingual.h): the other language stands beside, so a text
                 * is set in lang alone (the English without the Dutch original under it) */
} VtBuild;

/* The page's place (page_anchor) of a document's item i (a card, a unit's text): its paragraphs
 * follow at +1, +2, ..., its footnote k at + VT_ANCHOR_NOTE + k. Keys below VT_ANCHOR(0) are
 * the screens' own places (a summary, an introduction). */
#define VT_ANCHOR(i) (((i) + 1) << 8)
#define VT_ANCHOR_NOTE 200

/* Wrapped text; returns its height. */
int build_text(VtPage *p, const VtBuild *b, const char *text, int x, int y, int w,
               VtFontStyle style, int px, int line, VtColor c);

/* Like build_text, at most max_lines lines (the last ends with "…"). */
int build_text_clamped(VtPage *p, const VtBuild *b, const char *text, int x, int y, int w,
                       VtFontStyle style, int px, int line, VtColor c, int max_lines);

/* A source text in the current language. In Dutch: the original. In English: the translation
 * under an "Unofficial translation" tag, followed by the Dutch original, labelled, so the
 * translation is always beside the original and never in its place (with b->beside, where the
 * original is in the column beside, the translation alone under its tag). Its paragraphs (the
 * translation's in English) are the page's places anchor, anchor + 1, ... (0: none). Returns
 * the height. */
int build_source_text(VtPage *p, const VtBuild *b, const VtText *t, int x, int y, int w,
                      VtFontStyle style, int anchor);

/* A curator's text (summary, introduction) under a "Curator's text"-style tag, on a panel at
 * least min_h high (the one beside it); returns its height. */
int build_curator_text(VtPage *p, const VtBuild *b, VtStr tag, const VtText *t, int x, int y, int w,
                       int min_h);

/* A tag: a small pill of colour bg with the label inside in fg, at most max_w wide (then on
 * more lines); returns its height. */
int build_tag(VtPage *p, const VtBuild *b, const char *text, int x, int y, int max_w, VtColor bg,
              VtColor fg);

/* A small uppercase-style label in the muted colour; returns its height. */
int build_label(VtPage *p, const VtBuild *b, const char *text, int x, int y, int w);

/* A button of at least the touch target size with a centred label; returns its width. min_w
 * VT_BUTTON_TIGHT: half the usual padding beside the label (a crowded bar). */
#define VT_BUTTON_TIGHT (-1)
int build_button(VtPage *p, const VtBuild *b, const char *label, int x, int y, int min_w,
                 VtAction a, int arg, int arg2, int filled);

/* The width build_button gives label with min_w 0, or VT_BUTTON_TIGHT when tight. */
int build_button_w(const VtBuild *b, const char *label, int tight);

/* The builder for a bar of buttons (the navigation bar, the reader's bar): its labels grow with
 * the visitor's text size only up to the 150 % step, so a bar keeps to a row or two and leaves
 * the screen to the text; its targets stay the minimum or more. Fills *th and *out (both the
 * caller's) from b and returns out. */
const VtBuild *build_bar(const VtBuild *b, VtTheme *th, VtBuild *out);

/* Width in pixels of a single line of text. */
int build_width(const VtBuild *b, const char *text, VtFontStyle style, int px);

/* The "Question 3" / "Answer (questions 2 and 3 answered together)" / "Key point 2" label of an
 * item. The kiosk's own words: a joint answer is described, not given a heading the source may
 * not have. */
void build_item_label(const VtBuild *b, const VtItem *it, char *out, size_t outlen);

#endif
