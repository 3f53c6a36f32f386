/*
 * scroll: a kinetic scroller for one axis, the way a phone list moves: the content follows the
 * finger, resists with a rubber band past either end, keeps going with momentum after a flick,
 * slows down by friction, and springs back when it ends up beyond an end. Plain C with the time
 * passed in, so it is deterministic and tested without a window.
 *
 * Every motion after the finger lifts is a closed-form function of the time since it began
 * (exponential decay for momentum, a critically damped spring for the bounce), and the moments
 * one phase hands over to the next (hitting an end, coming back in, coming to rest) are solved
 * exactly rather than found at a frame. So where the content is at time t does not depend on
 * how often scroll_step() was called: 30, 60 or 120 Hz all draw the same path and rest on the
 * same pixel. Motion ends exactly, on a whole pixel, as soon as it would move slower than
 * rest_velocity_px_s, so the kiosk stops drawing instead of animating sub-pixel creep forever.
 *
 * Offsets are in content pixels from the start of the content: 0 shows the top, scroll_max()
 * the end. Drag deltas and release velocities are in finger space (the PAN's dy and the
 * PAN_END's vy for a vertical list): a finger moving up, dy < 0, moves the offset forward.
 */
#ifndef VT_SCROLL_H
#define VT_SCROLL_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    float time_constant_ms;   /* momentum decays by e every this many ms (friction) */
    float rest_velocity_px_s; /* slower than this, motion stops (on a whole pixel) */
    float spring_ms;          /* time constant of the critically damped bounce back */
    float rubber_band;        /* resistance past an end: iOS's 0.55; lower resists more */
} VtScrollConfig;

typedef enum {
    VT_SCROLL_REST,     /* still, on a whole pixel, within bounds */
    VT_SCROLL_HELD,     /* a finger holds it (scroll_stop() or scroll_drag()) */
    VT_SCROLL_MOMENTUM, /* gliding after a flick */
    VT_SCROLL_SPRING,   /* returning to an end it went beyond */
} VtScrollPhase;

/* Public so callers can embed it; read it through the functions below. */
typedef struct {
    VtScrollConfig cfg;
    int content_len, viewport_len;
    VtScrollPhase phase;
    double offset; /* may lie beyond the ends while held or springing */
    double raw;    /* HELD: where the finger put the content, before the rubber band */
    double t0;     /* MOMENTUM, SPRING: when the phase began, ms (fractional) */
    double x0, v0; /* ... offset and velocity (px/ms, offset space) at t0 */
    double bound;  /* SPRING: the end it returns to */
    double t_end;  /* ms after t0: MOMENTUM rests or hits an end; SPRING crosses back in (or -1) */
    bool end_hits; /* MOMENTUM: t_end is hitting an end (else coming to rest) */
} VtScroll;

/* Fills cfg with the defaults: time constant 325 ms, rest below 10 px/s, spring 70 ms, rubber
 * band 0.55. The reasons are in scroll.c. Cannot fail. */
void scroll_config_default(VtScrollConfig *cfg);

/* Starts at rest at offset 0; cfg is copied, and a time constant, rest velocity or spring that
 * is not positive takes its default. Negative lengths count as 0. Cannot fail. */
void scroll_init(VtScroll *s, const VtScrollConfig *cfg, int content_len, int viewport_len);

/* New content or viewport size (a new page, a resized window): any motion stops and the offset
 * is clamped into the new bounds; a finger holding the content keeps holding it. Cannot fail. */
void scroll_set_content(VtScroll *s, int content_len, int viewport_len);

/* Puts the content at offset (clamped into [0, scroll_max()]) at once, for restoring a view or
 * a key press: any motion stops, and a finger holding the content keeps holding it there.
 * Cannot fail. */
void scroll_jump(VtScroll *s, int offset);

/* The finger moved the content by delta pixels (finger space). Stops any motion; past an end
 * the content follows with growing resistance. Cannot fail. */
void scroll_drag(VtScroll *s, float delta);

/* The finger lifted at now_ms with velocity_px_s (finger space, e.g. PAN_END's vy): starts
 * momentum, or the spring back when the content is beyond an end, or rests. Does nothing
 * unless a finger holds the scroller, so it is safe to call on every RELEASE. Non-finite
 * velocities count as 0. Cannot fail. */
void scroll_release(VtScroll *s, float velocity_px_s, uint64_t now_ms);

/* Advances the motion to now_ms (a time earlier than the motion's start counts as its start).
 * Returns scroll_is_moving() afterwards. Cannot fail. */
bool scroll_step(VtScroll *s, uint64_t now_ms);

/* True while momentum or a spring is running, i.e. while frames must be drawn. */
bool scroll_is_moving(const VtScroll *s);

/* A finger touched the content: motion stops where the last scroll_step() left it and the
 * scroller is held until scroll_release(). Cannot fail. */
void scroll_stop(VtScroll *s);

/* The offset to draw with, in whole pixels; beyond [0, scroll_max()] only while held past an end
 * or springing back. */
int scroll_offset(const VtScroll *s);

/* The largest offset at rest: content_len - viewport_len, or 0 when the content fits. */
int scroll_max(const VtScroll *s);

#endif
