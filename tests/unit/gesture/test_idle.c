/*
 * Unit tests of firmware/ui/idle: the idle timer's states, countdown and deadlines, walked
 * millisecond-exactly, and the attract stepper's cadence and its refusal to run while a visitor
 * is there. Timeout 90 s with a 10 s warning throughout, input at t = 1000 ms.
 */
#include "idle.h"
#include "vt_test.h"

static void boots_idle_until_first_input(void)
{
    VtIdle i;
    idle_init(&i, VT_IDLE_DEFAULT_TIMEOUT_MS, VT_IDLE_DEFAULT_WARN_MS);
    uint32_t secs = 99;
    CHECK_INT(idle_state(&i, 0, &secs), VT_IDLE_EXPIRED);
    CHECK_INT(secs, 0);
    CHECK_INT(idle_deadline(&i, 0), 0);
    idle_touch(&i, 5);
    CHECK_INT(idle_state(&i, 5, NULL), VT_IDLE_ACTIVE);
}

static void states_and_countdown(void)
{
    VtIdle i;
    idle_init(&i, 90000, 10000);
    idle_touch(&i, 1000);
    uint32_t secs = 99;
    CHECK_INT(idle_state(&i, 1000, &secs), VT_IDLE_ACTIVE);
    CHECK_INT(secs, 0);
    CHECK_INT(idle_state(&i, 80999, NULL), VT_IDLE_ACTIVE);
    CHECK_INT(idle_state(&i, 81000, &secs), VT_IDLE_WARNING);
    CHECK_INT(secs, 10);
    CHECK_INT(idle_state(&i, 81999, &secs), VT_IDLE_WARNING);
    CHECK_INT(secs, 10);
    CHECK_INT(idle_state(&i, 82000, &secs), VT_IDLE_WARNING);
    CHECK_INT(secs, 9);
    CHECK_INT(idle_state(&i, 90999, &secs), VT_IDLE_WARNING);
    CHECK_INT(secs, 1);
    CHECK_INT(idle_state(&i, 91000, &secs), VT_IDLE_EXPIRED);
    CHECK_INT(secs, 0);
    CHECK_INT(idle_state(&i, 500, NULL), VT_IDLE_ACTIVE); /* a clock reading before the input */
}

/* Sleeping from deadline to deadline visits every change, and nothing changes in between. */
static void deadlines_step_through_every_change(void)
{
    VtIdle i;
    idle_init(&i, 90000, 10000);
    idle_touch(&i, 1000);
    uint64_t now = 1000, expect[12] = {81000};
    for (int k = 1; k <= 10; k++)
        expect[k] = 81000 + (uint64_t)k * 1000;
    for (int k = 0; k < 11; k++) {
        uint64_t next = idle_deadline(&i, now);
        CHECK_INT(next, expect[k]);
        uint32_t before, after;
        VtIdleState sb = idle_state(&i, next - 1, &before), sa = idle_state(&i, next, &after);
        CHECK(sb != sa || before != after);
        CHECK_INT(idle_state(&i, now, NULL), sb);
        now = next;
    }
    CHECK_INT(idle_state(&i, now, NULL), VT_IDLE_EXPIRED);
    CHECK_INT(idle_deadline(&i, now), 0);
    CHECK_INT(idle_deadline(&i, 81500), 82000); /* woken mid-second */
}

static void input_restarts_the_timeout(void)
{
    VtIdle i;
    idle_init(&i, 90000, 10000);
    idle_touch(&i, 1000);
    idle_touch(&i, 85000); /* during the countdown */
    CHECK_INT(idle_state(&i, 85000, NULL), VT_IDLE_ACTIVE);
    CHECK_INT(idle_deadline(&i, 85000), 165000);
    idle_touch(&i, 84000); /* a stale timestamp does not shorten it */
    CHECK_INT(idle_deadline(&i, 85000), 165000);
    idle_touch(&i, 200000); /* and input wakes it from expiry */
    CHECK_INT(idle_state(&i, 200000, NULL), VT_IDLE_ACTIVE);
}

static void defaults_and_clamps(void)
{
    VtIdle i;
    idle_init(&i, 0, 10000);
    idle_touch(&i, 0);
    CHECK_INT(idle_deadline(&i, 0), VT_IDLE_DEFAULT_TIMEOUT_MS - 10000);
    idle_init(&i, 5000, 0); /* no warning */
    idle_touch(&i, 0);
    CHECK_INT(idle_state(&i, 4999, NULL), VT_IDLE_ACTIVE);
    CHECK_INT(idle_deadline(&i, 0), 5000);
    idle_init(&i, 5000, 8000); /* warning longer than the timeout: warns throughout */
    idle_touch(&i, 0);
    uint32_t secs;
    CHECK_INT(idle_state(&i, 0, &secs), VT_IDLE_WARNING);
    CHECK_INT(secs, 5);
}

/* An idle timer that expired at t = 91000. */
static void expired(VtIdle *i)
{
    idle_init(i, 90000, 10000);
    idle_touch(i, 1000);
}

static void attract_steps_with_its_dwell(void)
{
    VtIdle i;
    expired(&i);
    VtAttract a;
    attract_init(&a, 3, 12000);
    uint64_t next = 1;
    CHECK_INT(attract_next(&a, &i, 100000, &next), 0);
    CHECK_INT(next, 112000);
    CHECK_INT(attract_next(&a, &i, 111999, &next), 0);
    CHECK_INT(attract_next(&a, &i, 112000, &next), 1);
    CHECK_INT(next, 124000);
    CHECK_INT(attract_next(&a, &i, 124000, &next), 2);
    CHECK_INT(attract_next(&a, &i, 136000, &next), 0); /* wraps */
    CHECK_INT(attract_next(&a, &i, 150000, &next), 1); /* woke late: keeps the cadence */
    CHECK_INT(next, 160000);
    CHECK_INT(attract_next(&a, &i, 150000, NULL), 1);
}

static void attract_never_advances_while_not_idle(void)
{
    VtIdle i;
    expired(&i);
    VtAttract a;
    attract_init(&a, 5, 12000);
    attract_next(&a, &i, 100000, NULL);
    CHECK_INT(attract_next(&a, &i, 124000, NULL), 2);
    idle_touch(&i, 130000); /* a visitor */
    uint64_t next = 1;
    for (uint64_t t = 130000; t < 220000; t += 1000) { /* ticked anyway, through the warning */
        CHECK_INT(attract_next(&a, &i, t, &next), 2);
        CHECK_INT(next, 0);
    }
    /* Idle again at 220000: a fresh session from slide 0 with a full dwell, no catching up. */
    CHECK_INT(attract_next(&a, &i, 300000, &next), 0);
    CHECK_INT(next, 312000);
    CHECK_INT(attract_next(&a, &i, 312000, &next), 1);
}

static void attract_with_too_few_slides(void)
{
    VtIdle i;
    expired(&i);
    VtAttract a;
    uint64_t next = 1;
    attract_init(&a, 0, 12000);
    CHECK_INT(attract_next(&a, &i, 100000, &next), 0);
    CHECK_INT(next, 0);
    attract_init(&a, 1, 0);
    CHECK_INT(a.dwell_ms, VT_ATTRACT_DEFAULT_DWELL_MS);
    CHECK_INT(attract_next(&a, &i, 100000, &next), 0);
    CHECK_INT(attract_next(&a, &i, 500000, &next), 0);
    CHECK_INT(next, 0);
}

int main(void)
{
    RUN(boots_idle_until_first_input);
    RUN(states_and_countdown);
    RUN(deadlines_step_through_every_change);
    RUN(input_restarts_the_timeout);
    RUN(defaults_and_clamps);
    RUN(attract_steps_with_its_dwell);
    RUN(attract_never_advances_while_not_idle);
    RUN(attract_with_too_few_slides);
    return vt_test_finish();
}
