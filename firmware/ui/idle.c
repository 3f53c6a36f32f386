/*
 * idle: everything is derived from one number, the time of the last input, so there is no state
 * to drift or to forget to reset: the state, the countdown and the deadlines are all pure
 * functions of (last input, now), and of the hold (read-aloud speaking), which suspends them. The
 * countdown shows the remaining time rounded up, so it reads 10 the moment the warning starts and 1
 * during the last second, never 0.
 */
#include "idle.h"

void idle_init(VtIdle *i, uint32_t timeout_ms, uint32_t warn_ms)
{
    i->timeout_ms = timeout_ms ? timeout_ms : VT_IDLE_DEFAULT_TIMEOUT_MS;
    i->warn_ms = warn_ms < i->timeout_ms ? warn_ms : i->timeout_ms;
    i->touched = false;
    i->held = false;
    i->last_input_ms = 0;
}

void idle_touch(VtIdle *i, uint64_t now_ms)
{
    if (!i->touched || now_ms > i->last_input_ms)
        i->last_input_ms = now_ms;
    i->touched = true;
}

void idle_hold(VtIdle *i, bool held, uint64_t now_ms)
{
    if (i->held && !held)
        idle_touch(i, now_ms);
    i->held = held;
}

/* Milliseconds until expiry at now_ms, 0 when expired. */
static uint64_t remaining(const VtIdle *i, uint64_t now_ms)
{
    if (i->held)
        return UINT64_MAX;
    if (!i->touched)
        return 0;
    uint64_t elapsed = now_ms > i->last_input_ms ? now_ms - i->last_input_ms : 0;
    return elapsed < i->timeout_ms ? i->timeout_ms - elapsed : 0;
}

VtIdleState idle_state(const VtIdle *i, uint64_t now_ms, uint32_t *seconds_left)
{
    uint64_t r = remaining(i, now_ms);
    if (seconds_left)
        *seconds_left = 0;
    if (r == 0)
        return VT_IDLE_EXPIRED;
    if (r > i->warn_ms)
        return VT_IDLE_ACTIVE;
    if (seconds_left)
        *seconds_left = (uint32_t)((r + 999) / 1000);
    return VT_IDLE_WARNING;
}

uint64_t idle_deadline(const VtIdle *i, uint64_t now_ms)
{
    uint64_t r = remaining(i, now_ms);
    if (r == 0 || i->held)
        return 0;
    uint64_t expiry = i->last_input_ms + i->timeout_ms;
    if (r > i->warn_ms)
        return expiry - i->warn_ms;
    uint64_t seconds = (r + 999) / 1000; /* showing now; the next number shows at one less */
    return expiry - (seconds - 1) * 1000;
}

void attract_init(VtAttract *a, size_t slide_count, uint32_t dwell_ms)
{
    a->count = slide_count;
    a->dwell_ms = dwell_ms ? dwell_ms : VT_ATTRACT_DEFAULT_DWELL_MS;
    a->running = false;
    a->index = 0;
    a->shown_ms = 0;
}

size_t attract_next(VtAttract *a, const VtIdle *idle, uint64_t now_ms, uint64_t *deadline_ms)
{
    bool is_idle = idle_state(idle, now_ms, NULL) == VT_IDLE_EXPIRED;
    if (deadline_ms)
        *deadline_ms = 0;
    if (!is_idle || a->count == 0) {
        a->running = false; /* the session is over; the next one starts afresh */
        return a->index;
    }
    if (!a->running) {
        a->running = true;
        a->index = 0;
        a->shown_ms = now_ms;
    }
    if (a->count < 2)
        return a->index;
    if (now_ms >= a->shown_ms + a->dwell_ms) {
        uint64_t steps = (now_ms - a->shown_ms) / a->dwell_ms;
        a->index = (size_t)((a->index + steps) % a->count);
        a->shown_ms += steps * a->dwell_ms;
    }
    if (deadline_ms)
        *deadline_ms = a->shown_ms + a->dwell_ms;
    return a->index;
}

void attract_hold(VtAttract *a, uint64_t until_ms)
{
    if (a->running)
        a->shown_ms = until_ms > a->dwell_ms ? until_ms - a->dwell_ms : 0;
}
