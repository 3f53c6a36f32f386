/*
 * screens: one builder per screen. Each turns content into a page for the current language and
 * theme and is otherwise stateless, so a screen is rebuilt from scratch whenever the language,
 * the screen size or the content changes, and never while it is merely scrolled or redrawn.
 * Page coordinates start at the top left of the area below the top bar; the timeline's page
 * scrolls horizontally, all others vertically.
 */
#ifndef VT_SCREENS_H
#define VT_SCREENS_H

#include "build.h"

/* The document overview: facts, curator's summary, its questions / key points as cards. */
void screen_doc_build(VtPage *p, const VtBuild *b, int doc);

/* The reader: one unit of a document (a question with its answer, a key point, or another
 * passage) at full length with its footnotes. `item` is an index into the doc's items. */
void screen_reader_build(VtPage *p, const VtBuild *b, int doc, int item);

/* Reader navigation: the units of a document in order are its non-answer items (answers are
 * shown with their questions). Returns the item index of the next (dir=+1) or previous (-1)
 * unit from item, or -1 at either end. */
int screen_reader_step(const VtDoc *d, int item, int dir);

/* The reader's bottom bar at page y (the ui keeps it fixed on the screen, below the page):
 * Previous, the document's overview (VT_ACT_OVERVIEW) and Next; after the document's last unit
 * Next leads to the next document's overview, after the last document's to the timeline.
 * Returns the bar's height: one row of buttons, two where the three do not fit side by side.
 * With p NULL it only measures. */
int screen_reader_nav(VtPage *p, const VtBuild *b, int doc, int item, int y);

/* Position of a unit among the units of its own kind (question 3 of 12): *pos and *count. */
void screen_reader_position(const VtDoc *d, int item, int *pos, int *count);

/* What the controller needs to know of a timeline it did not lay out itself. */
typedef struct {
    int horizontal;  /* the cards run along x (a landscape screen), else down the screen */
    int open;        /* the offset the timeline opens at: today in view, the past before it */
    int first;       /* position (x or y) of the first card, which offset 0 shows */
    int band_h;      /* the fixed band over the top of the viewport (hint, overview, chips) */
    VtRect axis;     /* the overview's axis, in controls coordinates */
    VtRect marks;    /* the overview's event marks and axis, where the cards' span is shown */
    long day0, day1; /* the days at the axis's left and right ends */
} VtTimelineInfo;

/* The timeline: the event cards in p (scrolling along the screen's long side; tappable), and
 * in controls the fixed band above them (the hint, the overview of the whole arc with its year
 * ticks and event marks, the year chips) and the arrow buttons, in viewport coordinates.
 * Fills *info. Cannot fail. */
void screen_timeline_build(VtPage *p, VtPage *controls, const VtBuild *b, int viewport_h,
                           VtTimelineInfo *info);

/* The x on the overview's axis of a day (days since 1970-01-01). */
int screen_timeline_day_x(const VtTimelineInfo *info, long day);

/* Visible scroll buttons for a page longer than the screen (back and on, VT_ACT_SCROLL): at
 * the right edge, one above the middle of area and one below. Cannot fail. */
void controls_scroll_buttons(VtPage *controls, const VtBuild *b, VtRect area);

/* One scroll button, a target-sized square at (x, y) with an arrow: up and left move back
 * (VT_ACT_SCROLL -1), down and right on (+1). */
typedef enum { VT_ARROW_UP, VT_ARROW_DOWN, VT_ARROW_LEFT, VT_ARROW_RIGHT } VtArrow;
void controls_arrow_button(VtPage *p, const VtBuild *b, int x, int y, VtArrow dir);

/* About: the exhibit, the curator's introductions, every source with references and QR codes. */
void screen_about_build(VtPage *p, const VtBuild *b);

/* The attract poster's motion: the lines of its large quote (or phrase), in page coordinates;
 * on a 7" panel which phrase of the hook to show (the ui's), how many the slide has and how
 * long this one stays (the screen's; 1 and 0: the whole hook at once, for the loop's dwell). */
#define VT_ATTRACT_MAX_LINES 16
typedef struct {
    VtRect lines[VT_ATTRACT_MAX_LINES];
    int nlines;
    int phrase;          /* in: the phrase to show (wraps to the count) */
    int nphrases;        /* out */
    uint32_t phrase_ms;  /* out */
    uint64_t phrase_end; /* the ui's: when the phrase showing ends, 0 not yet known */
} VtAttractReveal;

/* The attract loop's step `index` (of screen_attract_count()) on the whole screen: one hook in
 * the step's language large and the other beneath, or on a 7" panel one phrase of it; a touch
 * opens its document in the language touched. reveal (may be NULL) is as above. */
void screen_attract_build(VtPage *p, const VtBuild *b, int index, VtAttractReveal *reveal);
/* How many steps the loop has: every hook of every document (1 for a document without), each
 * in Dutch, then in English. */
int screen_attract_count(const VtContent *c);
/* The document (index into c->docs), hook (index into its hooks, -1: its title) and language of
 * step index; *doc is -1 when there are no documents. */
void screen_attract_slide(const VtContent *c, int index, int *doc, int *hook, VtLang *lang);

/* The navigation bar, its top edge at y0 of p: home, back, the screen's title, read aloud
 * (when speak, its label, is not NULL), A+, about, language switch. Returns its height (one
 * row of buttons or more). */
int screen_chrome_build(VtPage *p, const VtBuild *b, const char *title, int can_go_back,
                        const char *speak, int y0);

/* The staff PIN pad: digits typed so far (shown as dots) and a message (wrong PIN, locked). */
void screen_pin_build(VtPage *p, const VtBuild *b, int digits, const char *message);

/* The staff screen: info is the app's report, lines separated by blank lines (paragraphs);
 * speech, when not NULL, labels the button that turns read-aloud off or on. */
void screen_staff_build(VtPage *p, const VtBuild *b, const char *info, const char *speech);

#endif
