/*
 * deadline: the one clock the main loop sleeps by, as Redis's ae.c sleeps until its nearest
 * timer. Every source of work (the ui's next animation step or timeout, the watchdog's next
 * ping, the opening hours' next change, a test's stop time) adds one absolute time in
 * milliseconds of the monotonic clock; the loop converts the earliest into one wait, once.
 * "No deadline" is never a magic 0 or -1 at the call sites: a source with nothing due simply
 * adds nothing.
 */
#ifndef VT_DEADLINE_H
#define VT_DEADLINE_H

#include <limits.h>
#include <stdint.h>

typedef struct {
    uint64_t at; /* the earliest time added, UINT64_MAX while none was */
} VtDeadline;

static inline VtDeadline deadline_none(void) { return (VtDeadline){UINT64_MAX}; }

/* Adds an absolute time (ms). */
static inline void deadline_at(VtDeadline *d, uint64_t at)
{
    if (at < d->at)
        d->at = at;
}

/* Adds a time ms milliseconds after now. */
static inline void deadline_in(VtDeadline *d, uint64_t now, uint64_t ms)
{
    deadline_at(d, ms > UINT64_MAX - now ? UINT64_MAX - 1 : now + ms);
}

/* How long to wait from now: -1 when nothing was added (sleep until input), 0 when a deadline
 * has passed, at most INT_MAX. */
static inline int deadline_wait_ms(const VtDeadline *d, uint64_t now)
{
    if (d->at == UINT64_MAX)
        return -1;
    if (d->at <= now)
        return 0;
    return d->at - now > (uint64_t)INT_MAX ? INT_MAX : (int)(d->at - now);
}

#endif
