/*
 * timeline: what the timeline's two files share (screen_timeline.c lays out the cards,
 * timeline_band.c the fixed band above them). Private to the ui.
 */
#ifndef VT_TIMELINE_H
#define VT_TIMELINE_H

#include "screens.h"

/* A badge's words and colours for a standing: background and text, 7:1 or more apart. */
typedef struct {
    const char *label;
    VtColor bg, fg;
} VtBadgeLook;
VtBadgeLook timeline_badge(VtStanding s, VtLang lang);

/* Lays out the fixed band (hint, overview, year chips) at the top of a w-wide viewport
 * viewport_h high into controls and fills info's axis and days; compact where the full band
 * would leave the cards less than half the screen. Returns the band's height. */
int timeline_band(VtPage *controls, const VtBuild *b, int viewport_h, VtTimelineInfo *info);

/* 1 when the event lies after today (the future, drawn apart). */
static inline int timeline_future(const VtBuild *b, const VtEvent *e)
{
    return date_days(e->date) > b->today;
}

#endif
