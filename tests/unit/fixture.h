/*
 * fixture: a small VtContent built in memory (two documents, a joint answer, a footnote with a
 * URL, a memo with key points, events before and after "today") and a fake text measurer with
 * a fixed advance, so ui tests run without a pack or a font; and the steps every ui test takes
 * (a ui started on it, a frame laid out, a tap), on the test's own clock.
 */
#ifndef VT_FIXTURE_H
#define VT_FIXTURE_H

#include "content.h"
#include "ui.h"
#include "wrap.h"

/* Fills c; free with content_free(). */
void fixture_content(VtContent *c);

/* Adds n events on days of `year` (choose one before the fixture's 2011) in front of c's
 * events, all citing the first document as a whole: a long timeline, with the fixture's own
 * events still last. */
void fixture_add_events(VtContent *c, int n, int year);

/* Fills c with the fixture plus n extra events (fixture_add_events, in 2005) and returns a
 * 1920x1080 ui on it showing the timeline at fixture_today(), laid out into *f. Free the ui with
 * ui_free(), then c with content_free(). */
VtUi *fixture_long_timeline(VtContent *c, const VtMeasure *m, int n, VtFrame *f);

/* The test's clock when a ui starts, ms. */
#define FIXTURE_T0 1000

/* A ui on c and m at w x h with cfg (NULL: ui_config_default's), started at FIXTURE_T0 on
 * fixture_today(): in the attract loop, nothing laid out. The caller frees it with ui_free();
 * c and m are borrowed. */
VtUi *fixture_ui(const VtContent *c, const VtMeasure *m, int w, int h, const VtUiConfig *cfg);

/* Lays out the ui's frame and returns it (its pages are the ui's, valid until the next frame). */
VtFrame fixture_frame(VtUi *ui);

/* A finger down at (x, y) at *now and up 60 ms later; *now then moves on by step_ms (60 or
 * more), and a frame is laid out. */
void fixture_tap(VtUi *ui, float x, float y, uint64_t *now, uint64_t step_ms);

/* fixture_tap at the centre of the nth target doing a (the top bar's first, then the page's),
 * after laying out a frame. Returns 1, or 0 without tapping when there is none on the screen. */
int fixture_tap_action(VtUi *ui, VtAction a, int nth, uint64_t *now, uint64_t step_ms);

/* Bug 9's answer: gives the fixture's joint answer (docs[0].items[4]) twelve paragraphs of 30
 * words, each word naming its paragraph ("a4" in Dutch is "b4 b4 b4" in English: the English
 * three times as long), so where the reader is in either language can be read off a run. */
void fixture_paired_answer(VtContent *c);

/* The paragraph being read in f's page between x0 and x1: the last text run starting above a
 * third of the way down the view (one that starts in the upper third, else the one running
 * through the top); "" when there is none. */
const char *fixture_reading_run(const VtFrame *f, int x0, int x1);

/* Every code point advances px/2 pixels. */
VtMeasure fixture_measure(void);

/* "today" for the fixture: 2026-11-23 as days since the epoch. */
long fixture_today(void);

#endif
