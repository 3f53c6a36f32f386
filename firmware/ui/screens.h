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

/* Position of a unit among the units of its own kind (question 3 of 12): *pos and *count. */
void screen_reader_position(const VtDoc *d, int item, int *pos, int *count);

/* The timeline: every event on one horizontal axis, cards tappable. Returns in *today_x the
 * page x of today's marker, so the screen can open scrolled to the present. */
void screen_timeline_build(VtPage *p, const VtBuild *b, int viewport_h, int *today_x);

/* About: the exhibit, the curator's introductions, every source with references and QR codes. */
void screen_about_build(VtPage *p, const VtBuild *b);

/* The attract loop's slide `index` (of attract_count()) on the whole screen. */
void screen_attract_build(VtPage *p, const VtBuild *b, int index);
int screen_attract_count(const VtContent *c);

/* The top bar: home, back, the screen's title, read aloud (when speak, its label, is not NULL),
 * about, language switch. */
void screen_chrome_build(VtPage *p, const VtBuild *b, const char *title, int can_go_back,
                         const char *speak);

/* The staff PIN pad: digits typed so far (shown as dots) and a message (wrong PIN, locked). */
void screen_pin_build(VtPage *p, const VtBuild *b, int digits, const char *message);

/* The staff screen: info is the app's report, lines separated by blank lines (paragraphs);
 * speech, when not NULL, labels the button that turns read-aloud off or on. */
void screen_staff_build(VtPage *p, const VtBuild *b, const char *info, const char *speech);

#endif
