/*
 * idle: when nobody has touched the kiosk for a while it warns with a visible countdown, then
 * gives up on the visitor (back to the start, attract loop). This file also holds the attract
 * loop's slide stepper, which only runs while the idle timer says the kiosk is idle.
 *
 * Both are plain C with the time passed in, and both answer "when do I next change?" so the
 * main loop can sleep exactly until the earliest deadline of everything instead of polling:
 * idle_deadline() is the start of the warning, then each whole second of the countdown (so the
 * number on screen changes on time), then the expiry; attract_next() reports when the next
 * slide is due. A deadline of 0 means "nothing will change until there is input".
 *
 * The attract contract: the caller ticks attract_next() only in attract mode, but the stepper
 * does not rely on it. It is given the idle timer and never advances while the kiosk is not
 * idle (VT_IDLE_EXPIRED); a tick while not idle ends the attract session, and the next idle
 * tick starts a fresh one at slide 0 with a full dwell, so a visitor leaving never comes back
 * to a loop that jumps several slides to catch up. Within a session slides keep their cadence
 * from the session's start even when the main loop wakes late.
 */
#ifndef VT_IDLE_H
#define VT_IDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VT_IDLE_DEFAULT_TIMEOUT_MS 90000u /* 90 s without input ends a visit */
/* The last 20 s of it show a countdown: WCAG 2.2.1 gives a visitor at least 20 s to extend a
 * time limit with a simple action (a touch anywhere). */
#define VT_IDLE_DEFAULT_WARN_MS 20000u
#define VT_ATTRACT_DEFAULT_DWELL_MS 12000u /* long enough to read a slide's headline twice */

typedef enum {
    VT_IDLE_ACTIVE,  /* a visitor is using the kiosk */
    VT_IDLE_WARNING, /* the countdown before expiry is showing */
    VT_IDLE_EXPIRED, /* nobody is there: attract mode */
} VtIdleState;

/* Public so callers can embed it; read it through the functions below. */
typedef struct {
    uint32_t timeout_ms, warn_ms;
    bool touched; /* any input since idle_init() */
    bool held;    /* idle_hold(): the visit cannot time out */
    uint64_t last_input_ms;
} VtIdle;

/* Sets the timeout (0 means VT_IDLE_DEFAULT_TIMEOUT_MS) and how long before it the warning
 * starts (clamped to the timeout; 0 = no warning). Until the first idle_touch() the kiosk counts
 * as idle since forever (VT_IDLE_EXPIRED), so it boots into the attract loop. Cannot fail. */
void idle_init(VtIdle *i, uint32_t timeout_ms, uint32_t warn_ms);

/* Any input at now_ms (touch, mouse, key) restarts the timeout. Cannot fail. */
void idle_touch(VtIdle *i, uint64_t now_ms);

/* While held, the visit is under way without input (read-aloud speaking): the state stays
 * VT_IDLE_ACTIVE and there is no deadline. Letting go counts as input at now_ms, so the full
 * timeout follows the end of what held it. Cannot fail. */
void idle_hold(VtIdle *i, bool held, uint64_t now_ms);

/* The state at now_ms. seconds_left (may be NULL) receives the countdown during the warning,
 * counting down to 1 (the remaining time rounded up), and 0 in the other states. Times before
 * the last input count as the moment of the input. */
VtIdleState idle_state(const VtIdle *i, uint64_t now_ms, uint32_t *seconds_left);

/* The next time idle_state() changes after now_ms, or its countdown does; 0 when it is expired
 * or held, and only input or letting go can change it. */
uint64_t idle_deadline(const VtIdle *i, uint64_t now_ms);

/* Public so callers can embed it; read it through attract_next(). */
typedef struct {
    size_t count;
    uint32_t dwell_ms;
    bool running;      /* an attract session is under way */
    size_t index;      /* the slide showing */
    uint64_t shown_ms; /* when it appeared */
} VtAttract;

/* An attract loop over slide_count slides, each shown for dwell_ms (0 means
 * VT_ATTRACT_DEFAULT_DWELL_MS). Cannot fail. */
void attract_init(VtAttract *a, size_t slide_count, uint32_t dwell_ms);

/* Returns the slide to show at now_ms, advancing while idle says the kiosk is idle (see the
 * contract above), and writes the time of the next change to deadline_ms (may be NULL): 0 when
 * no change is coming (not idle, or fewer than two slides). With no slides it returns 0, which
 * the caller must not show. Cannot fail. */
size_t attract_next(VtAttract *a, const VtIdle *idle, uint64_t now_ms, uint64_t *deadline_ms);

/* The slide showing ends at until_ms instead of after its dwell (a slide told in parts, each
 * with its own time: the 7" poster's phrases); the next one then gets its full dwell. Does
 * nothing outside an attract session. Cannot fail. */
void attract_hold(VtAttract *a, uint64_t until_ms);

#endif
