/*
 * fixture: a small VtContent built in memory (two documents, a joint answer, a footnote with a
 * URL, a memo with key points, events before and after "today") and a fake text measurer with
 * a fixed advance, so ui tests run without a pack or a font.
 */
#ifndef VT_FIXTURE_H
#define VT_FIXTURE_H

#include "content.h"
#include "wrap.h"

/* Fills c; free with content_free(). */
void fixture_content(VtContent *c);

/* Every code point advances px/2 pixels. */
VtMeasure fixture_measure(void);

/* "today" for the fixture: 2026-11-23 as days since the epoch. */
long fixture_today(void);

#endif
