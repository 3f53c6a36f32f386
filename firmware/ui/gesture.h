/*
 * gesture: turns raw pointer events (touch or mouse, in screen pixels, with the time they
 * happened) into the few gestures the kiosk understands: press feedback, tap, long press, pan
 * and swipe. Plain C, no SDL and no clock of its own: every event carries its timestamp and
 * gesture_tick() is given the time, so a test can replay any touch exactly.
 *
 * One touch at a time. The first finger down becomes the primary touch and is tracked by its
 * id; every other finger is ignored entirely (a visitor's palm or a second child's hand must not
 * turn a scroll into a jump). If the primary lifts while another finger is still down, the
 * gesture ends normally and the other finger stays ignored until it lifts.
 *
 * Thresholds are in millimetres and converted with the screen's px_per_mm, so the same
 * configuration behaves the same on a 10" and a 32" screen. A touch is a tap candidate until it
 * moves further than the slop from where it went down; from then on it is a drag for the rest
 * of its life (no TAP at the end of a scroll, even if the finger comes back). The release
 * velocity is the average over the last velocity_window_ms before the finger lifted, not the
 * last two samples, so one noisy sample cannot fling the content and a finger that stopped
 * before lifting releases with zero velocity.
 *
 * Every touch produces exactly one PRESS and, as its last gesture, exactly one RELEASE. In
 * between: PAN while dragging; at the end TAP (still within slop, however long it was held: a
 * slow press is a tap), or PAN_END followed by SWIPE when the release was fast enough.
 * LONG_PRESS fires once, from gesture_tick() at gesture_deadline() (or from the next event if
 * the caller was late), before that touch's TAP; the finger may still start a drag afterwards,
 * so a visitor who rests a finger before scrolling can still scroll (and then there is no TAP).
 *
 * Stopping momentum with a tap (the caller's wiring with scroll.h): on PRESS, if the scroller
 * is moving, call scroll_stop() and gesture_suppress_tap(); that touch then produces no TAP or
 * LONG_PRESS, so catching a moving list never activates the entry under the finger:
 *
 *     case VT_GEST_PRESS:   if (scroll_is_moving(s)) gesture_suppress_tap(g);
 *                           scroll_stop(s); break;
 *     case VT_GEST_PAN:     scroll_drag(s, gest.dy); break;
 *     case VT_GEST_PAN_END: scroll_release(s, gest.vy, now); break;
 *     case VT_GEST_RELEASE: scroll_release(s, 0, now); break;  (a no-op after PAN_END)
 */
#ifndef VT_GESTURE_H
#define VT_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum { VT_PTR_DOWN, VT_PTR_MOVE, VT_PTR_UP, VT_PTR_CANCEL } VtPtrType;

/* One pointer event. t_ms is a monotonic clock in milliseconds (the same clock given to
 * gesture_tick()); an event older than the previous one is treated as simultaneous with it. */
typedef struct {
    VtPtrType type;
    long id; /* finger id; any constant value for a mouse */
    float x, y;
    uint64_t t_ms;
} VtPtrEvent;

typedef enum {
    VT_GEST_PRESS,      /* finger down: show touch feedback at (x,y) */
    VT_GEST_RELEASE,    /* feedback ends; always the last gesture of a touch, once per PRESS */
    VT_GEST_TAP,        /* a press, short or long, lifted within slop: activate at (x,y) */
    VT_GEST_LONG_PRESS, /* held still for long_press_ms: (x,y) */
    VT_GEST_PAN,        /* drag in progress: (dx,dy) since the last PAN, axis-locked per cfg */
    VT_GEST_PAN_END,    /* finger lifted after a drag: (vx,vy) release velocity in px/s */
    VT_GEST_SWIPE,      /* finger lifted fast enough: (vx,vy), emitted right after PAN_END */
} VtGestKind;

/* x,y is the finger's position for every kind; the other fields are 0 unless listed above. */
typedef struct {
    VtGestKind kind;
    float x, y, dx, dy, vx, vy;
} VtGest;

/* Which movement a drag reports (PAN deltas and release velocities). */
typedef enum {
    VT_GEST_AXIS_DOMINANT, /* lock to x or y, whichever the finger moved more along at slop */
    VT_GEST_AXIS_FREE,     /* both axes */
    VT_GEST_AXIS_X,        /* horizontal only */
    VT_GEST_AXIS_Y,        /* vertical only */
} VtGestAxis;

typedef struct {
    float px_per_mm;               /* screen density; all mm values are converted with it */
    float tap_slop_mm;             /* movement beyond this from the down point is a drag */
    uint32_t long_press_ms;        /* held still this long is a long press; 0 disables it */
    float swipe_min_velocity_mm_s; /* a release at least this fast adds SWIPE */
    float max_velocity_mm_s;       /* release velocities are clamped to this magnitude */
    uint32_t velocity_window_ms;   /* release velocity = average over this last stretch */
    VtGestAxis axis;               /* axis lock of PAN and PAN_END/SWIPE */
} VtGestureConfig;

/* Room for the gestures one gesture_feed() can write (long press due, PAN, PAN_END, SWIPE,
 * RELEASE); pass at least this much so none is dropped. */
#define VT_GEST_MAX_OUT 5

/* Samples kept for the release velocity: enough for velocity_window_ms at 240 Hz touch. */
#define VT_GEST_SAMPLES 32

typedef struct {
    uint64_t t_ms;
    float x, y;
} VtGestSample;

/* Public so callers can embed it; its fields are the recogniser's own, read none of them. */
typedef struct {
    VtGestureConfig cfg;
    bool active;     /* a primary touch is down */
    bool dragging;   /* it moved beyond the slop */
    bool long_fired; /* LONG_PRESS was emitted */
    bool suppressed; /* gesture_suppress_tap(): no TAP or LONG_PRESS */
    long id;         /* the primary touch's finger id */
    VtGestAxis lock; /* while dragging: X, Y or FREE */
    float down_x, down_y, pan_x, pan_y, x, y;
    uint64_t down_t, t;
    VtGestSample ring[VT_GEST_SAMPLES]; /* recent positions, oldest at ring_head */
    int ring_head, ring_len;
} VtGesture;

/* Density assumed when none is known: a 24" 1080p screen. */
#define VT_GEST_FALLBACK_PX_PER_MM 3.6f

/* Fills cfg with the defaults for a screen of px_per_mm pixels per millimetre: slop 4 mm, long
 * press 800 ms, swipe 150 mm/s, velocity clamp 1300 mm/s, window 80 ms, dominant-axis lock. The
 * reasons are in gesture.c. A density that is not positive and finite is a programmer error
 * (asserted) and falls back to VT_GEST_FALLBACK_PX_PER_MM in a release build. Cannot fail. */
void gesture_config_default(VtGestureConfig *cfg, float px_per_mm);

/* Starts with no touch; cfg is copied. Cannot fail. */
void gesture_init(VtGesture *g, const VtGestureConfig *cfg);

/* Feeds one pointer event and writes the gestures it completes into out (the caller owns out;
 * give it VT_GEST_MAX_OUT entries). Returns how many were written, 0 when the event changes
 * nothing visible (an ignored second finger, a move within slop). CANCEL, whatever its id, ends
 * the touch without TAP or SWIPE; a drag gets PAN_END with zero velocity first, so the content
 * settles. Never fails; events that make no sense (MOVE without DOWN, non-finite coordinates on
 * DOWN/MOVE) are ignored, and UP with non-finite coordinates lifts at the last position. */
int gesture_feed(VtGesture *g, const VtPtrEvent *ev, VtGest *out, int max);

/* Emits LONG_PRESS when it is due at now_ms; returns how many gestures were written (0 or 1).
 * Call it when gesture_deadline() has passed. Never fails. */
int gesture_tick(VtGesture *g, uint64_t now_ms, VtGest *out, int max);

/* The next time gesture_tick() has something to do, 0 when nothing is pending; the main loop
 * sleeps until then at the latest. */
uint64_t gesture_deadline(const VtGesture *g);

/* The current touch will produce neither TAP nor LONG_PRESS (it may still drag). For the touch
 * that stops a moving scroller; see the wiring above. No effect without a touch. */
void gesture_suppress_tap(VtGesture *g);

#endif
