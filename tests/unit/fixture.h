/*
 * fixture: a small VtContent built in memory (two documents, a joint answer, a footnote with a
 * URL, a memo with key points, events before and after "today") and a fake text measurer with
 * a fixed advance, so ui tests run without a pack or a font.
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

/* Every code point advances px/2 pixels. */
VtMeasure fixture_measure(void);

/* "today" for the fixture: 2026-11-23 as days since the epoch. */
long fixture_today(void);

#endif
