/*
 * Unit tests of firmware/ui/gesture: touches are scripted as pointer events with timestamps and
 * every gesture they produce is logged, so each test states what a visitor's finger did and
 * checks what the kiosk would have seen. Densities used: 4 px/mm (a 22" 1080p screen) and
 * 10 px/mm (a 17" 4K panel).
 */
#include "gesture.h"
#include "vt_test.h"

#include <math.h>

typedef struct {
    VtGesture g;
    VtGest log[512];
    int n;
} Rig;

static void rig_init(Rig *r, float px_per_mm)
{
    VtGestureConfig cfg;
    gesture_config_default(&cfg, px_per_mm);
    gesture_init(&r->g, &cfg);
    r->n = 0;
}

static void ev(Rig *r, VtPtrType type, long id, float x, float y, uint64_t t)
{
    VtPtrEvent e = {type, id, x, y, t};
    if (r->n + VT_GEST_MAX_OUT <= (int)(sizeof r->log / sizeof r->log[0]))
        r->n += gesture_feed(&r->g, &e, r->log + r->n, VT_GEST_MAX_OUT);
}

static void tick(Rig *r, uint64_t now)
{
    r->n += gesture_tick(&r->g, now, r->log + r->n, VT_GEST_MAX_OUT);
}

static int count(const Rig *r, VtGestKind k)
{
    int c = 0;
    for (int i = 0; i < r->n; i++)
        c += r->log[i].kind == k;
    return c;
}

/* The first gesture of kind k, or NULL. */
static const VtGest *find(const Rig *r, VtGestKind k)
{
    for (int i = 0; i < r->n; i++)
        if (r->log[i].kind == k)
            return &r->log[i];
    return NULL;
}

/* One touch's framing: PRESS first, RELEASE last, one of each. */
static void check_one_touch(const Rig *r)
{
    CHECK(r->n >= 2);
    CHECK_INT(count(r, VT_GEST_PRESS), 1);
    CHECK_INT(count(r, VT_GEST_RELEASE), 1);
    CHECK_INT(r->log[0].kind, VT_GEST_PRESS);
    CHECK_INT(r->log[r->n - 1].kind, VT_GEST_RELEASE);
}

/* Down at (500,500), one move of (dx,0) pixels, up there. */
static void press_move_lift(Rig *r, float px_per_mm, float dx)
{
    rig_init(r, px_per_mm);
    ev(r, VT_PTR_DOWN, 1, 500, 500, 1000);
    ev(r, VT_PTR_MOVE, 1, 500 + dx, 500, 1050);
    ev(r, VT_PTR_UP, 1, 500 + dx, 500, 1100);
}

static void tap_slop_is_millimetres_at_two_densities(void)
{
    const float densities[] = {4.0f, 10.0f};
    Rig r;
    for (int i = 0; i < 2; i++) {
        float ppm = densities[i];
        press_move_lift(&r, ppm, 3.5f * ppm); /* 3.5 mm: still a tap */
        check_one_touch(&r);
        CHECK_INT(count(&r, VT_GEST_TAP), 1);
        CHECK_INT(count(&r, VT_GEST_PAN), 0);
        const VtGest *tap = find(&r, VT_GEST_TAP);
        CHECK(tap && tap->x == 500 + 3.5f * ppm && tap->y == 500);
        press_move_lift(&r, ppm, 4.5f * ppm); /* 4.5 mm: a drag */
        check_one_touch(&r);
        CHECK_INT(count(&r, VT_GEST_TAP), 0);
        CHECK_INT(count(&r, VT_GEST_PAN), 1);
        CHECK_INT(count(&r, VT_GEST_PAN_END), 1);
    }
    /* The same 20 px is 5 mm on the coarse screen and 2 mm on the fine one. */
    press_move_lift(&r, 4.0f, 20);
    CHECK_INT(count(&r, VT_GEST_TAP), 0);
    press_move_lift(&r, 10.0f, 20);
    CHECK_INT(count(&r, VT_GEST_TAP), 1);
}

static void no_tap_at_the_end_of_a_drag(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 300, 300, 0);
    ev(&r, VT_PTR_MOVE, 1, 300, 360, 100); /* 15 mm away */
    ev(&r, VT_PTR_MOVE, 1, 300, 301, 400); /* and back to within a pixel of the start */
    ev(&r, VT_PTR_UP, 1, 300, 300, 600);
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_TAP), 0);
    CHECK_INT(count(&r, VT_GEST_PAN_END), 1);
    CHECK_INT(count(&r, VT_GEST_SWIPE), 0);
}

static void pan_deltas_add_up_on_the_locked_axis(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 100, 800, 0);
    float y = 800;
    for (int i = 1; i <= 30; i++) {
        y -= 11.0f;
        ev(&r, VT_PTR_MOVE, 1, 100 + (i % 3) * 2.0f, y, (uint64_t)i * 16); /* x jitters */
    }
    ev(&r, VT_PTR_UP, 1, 100, y, 31 * 16);
    check_one_touch(&r);
    float sum = 0;
    for (int i = 0; i < r.n; i++) {
        if (r.log[i].kind == VT_GEST_PAN) {
            CHECK(r.log[i].dx == 0);
            sum += r.log[i].dy;
        }
    }
    CHECK(fabsf(sum - (y - 800)) < 0.01f); /* slop included: the content stays under the finger */
    const VtGest *end = find(&r, VT_GEST_PAN_END);
    CHECK(end && end->vx == 0 && end->vy < 0);

    /* A free drag reports both axes. */
    VtGestureConfig cfg;
    gesture_config_default(&cfg, 4.0f);
    cfg.axis = VT_GEST_AXIS_FREE;
    gesture_init(&r.g, &cfg);
    r.n = 0;
    ev(&r, VT_PTR_DOWN, 2, 0, 0, 1000);
    ev(&r, VT_PTR_MOVE, 2, 30, 40, 1050);
    const VtGest *pan = find(&r, VT_GEST_PAN);
    CHECK(pan && pan->dx == 30 && pan->dy == 40);
}

/* A flick upwards at speed_px_s, sampled at 100 Hz for 200 ms, lifting on the last sample. */
static void flick(Rig *r, float speed_px_s)
{
    rig_init(r, 4.0f);
    ev(r, VT_PTR_DOWN, 1, 500, 900, 10000);
    for (int i = 1; i <= 20; i++)
        ev(r, VT_PTR_MOVE, 1, 500, 900 - speed_px_s * (float)i / 100, 10000 + (uint64_t)i * 10);
}

static void fast_flick_swipes_slow_drag_does_not(void)
{
    Rig r;
    flick(&r, 2000); /* 500 mm/s */
    ev(&r, VT_PTR_UP, 1, 500, 900 - 2000 * 0.2f, 10200);
    check_one_touch(&r);
    const VtGest *end = find(&r, VT_GEST_PAN_END), *swipe = find(&r, VT_GEST_SWIPE);
    CHECK(end && swipe && swipe == end + 1);
    CHECK(end && fabsf(end->vy + 2000) < 20 && end->vx == 0);
    CHECK(swipe && swipe->vy == end->vy);

    flick(&r, 400); /* 100 mm/s: a reading drag */
    ev(&r, VT_PTR_UP, 1, 500, 900 - 400 * 0.2f, 10200);
    end = find(&r, VT_GEST_PAN_END);
    CHECK(end && fabsf(end->vy + 400) < 5);
    CHECK_INT(count(&r, VT_GEST_SWIPE), 0);
}

static void stop_then_lift_has_no_velocity(void)
{
    Rig r;
    /* The driver keeps reporting the resting finger. */
    flick(&r, 3000);
    for (int i = 1; i <= 9; i++)
        ev(&r, VT_PTR_MOVE, 1, 500, 300, 10200 + (uint64_t)i * 10);
    ev(&r, VT_PTR_UP, 1, 500, 300, 10300);
    const VtGest *end = find(&r, VT_GEST_PAN_END);
    CHECK(end && end->vx == 0 && end->vy == 0);
    CHECK_INT(count(&r, VT_GEST_SWIPE), 0);
    /* The driver reports nothing while the finger rests. */
    flick(&r, 3000);
    ev(&r, VT_PTR_UP, 1, 500, 300, 10300);
    end = find(&r, VT_GEST_PAN_END);
    CHECK(end && end->vx == 0 && end->vy == 0);
    CHECK_INT(count(&r, VT_GEST_SWIPE), 0);
}

static void one_jittery_sample_does_not_fling(void)
{
    Rig r;
    flick(&r, 400);
    /* The last report jumps 6 px in 1 ms: 6000 px/s between the last two samples. */
    ev(&r, VT_PTR_UP, 1, 500, 900 - 80 - 6, 10201);
    const VtGest *end = find(&r, VT_GEST_PAN_END);
    CHECK(end && fabsf(end->vy) < 500);
    CHECK_INT(count(&r, VT_GEST_SWIPE), 0);
}

static void long_press_fires_once_at_the_deadline(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 7, 200, 200, 5000);
    CHECK_INT(gesture_deadline(&r.g), 5800);
    ev(&r, VT_PTR_MOVE, 7, 203, 201, 5300); /* within slop: a resting finger's wobble */
    tick(&r, 5799);
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 0);
    tick(&r, 5800);
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 1);
    tick(&r, 5900);
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 1);
    const VtGest *lp = find(&r, VT_GEST_LONG_PRESS);
    CHECK(lp && lp->x == 203 && lp->y == 201);
    CHECK_INT(gesture_deadline(&r.g), 0);
    ev(&r, VT_PTR_UP, 7, 203, 201, 6000);
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_TAP), 1); /* a slow press is still a tap */
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 1);
}

static void long_press_not_after_movement(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 200, 200, 0);
    ev(&r, VT_PTR_MOVE, 1, 200, 260, 300);
    CHECK_INT(gesture_deadline(&r.g), 0);
    tick(&r, 900);
    ev(&r, VT_PTR_MOVE, 1, 200, 262, 1000);
    ev(&r, VT_PTR_UP, 1, 200, 262, 1100);
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 0);
    CHECK_INT(count(&r, VT_GEST_TAP), 0);
}

static void late_event_catches_up_the_long_press(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 10, 10, 0);
    ev(&r, VT_PTR_UP, 1, 10, 10, 1000); /* the main loop never ticked */
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 1);
    CHECK_INT(count(&r, VT_GEST_TAP), 1);
    CHECK(find(&r, VT_GEST_LONG_PRESS) < find(&r, VT_GEST_TAP)); /* the long press first */
}

static void second_finger_ignored_during_a_scroll(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 500, 800, 0);
    for (int i = 1; i <= 10; i++)
        ev(&r, VT_PTR_MOVE, 1, 500, 800 - 10.0f * i, (uint64_t)i * 16);
    ev(&r, VT_PTR_DOWN, 2, 100, 100, 170);
    ev(&r, VT_PTR_MOVE, 2, 100, 400, 180); /* the second finger races down */
    ev(&r, VT_PTR_MOVE, 1, 500, 690, 186);
    ev(&r, VT_PTR_UP, 2, 100, 400, 190);
    ev(&r, VT_PTR_MOVE, 1, 500, 680, 202);
    ev(&r, VT_PTR_UP, 1, 500, 680, 210);
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_TAP), 0);
    CHECK_INT(count(&r, VT_GEST_PAN_END), 1);
    float sum = 0;
    for (int i = 0; i < r.n; i++) {
        if (r.log[i].kind == VT_GEST_PAN) {
            CHECK(r.log[i].dy >= -20 && r.log[i].dy < 0); /* only ever finger 1's steps */
            sum += r.log[i].dy;
        }
    }
    CHECK(sum == -120);
}

static void primary_lifting_first_ends_cleanly(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 50, 50, 0);
    ev(&r, VT_PTR_DOWN, 2, 400, 400, 50);
    ev(&r, VT_PTR_UP, 1, 50, 50, 100);
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_TAP), 1);
    int before = r.n;
    ev(&r, VT_PTR_MOVE, 2, 400, 100, 150); /* the leftover finger stays ignored */
    ev(&r, VT_PTR_UP, 2, 400, 100, 200);
    CHECK_INT(r.n, before);
    CHECK_INT(gesture_deadline(&r.g), 0);
    ev(&r, VT_PTR_DOWN, 3, 10, 10, 300); /* and the next touch starts normally */
    CHECK_INT(r.n, before + 1);
    CHECK_INT(r.log[before].kind, VT_GEST_PRESS);
}

static void cancel_releases_without_tap(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 50, 50, 0);
    ev(&r, VT_PTR_CANCEL, 0, 0, 0, 100);
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_TAP), 0);

    rig_init(&r, 4.0f);
    flick(&r, 3000);
    ev(&r, VT_PTR_CANCEL, 0, 0, 0, 10201);
    ev(&r, VT_PTR_UP, 1, 500, 300, 10202); /* after the cancel: ignored */
    check_one_touch(&r);
    const VtGest *end = find(&r, VT_GEST_PAN_END);
    CHECK(end && end->vx == 0 && end->vy == 0); /* the content settles, no fling */
    CHECK_INT(count(&r, VT_GEST_SWIPE), 0);
}

static void same_finger_down_again_restarts(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 50, 50, 0);
    ev(&r, VT_PTR_DOWN, 1, 600, 600, 100); /* the UP was lost */
    CHECK_INT(r.n, 3);
    CHECK_INT(r.log[1].kind, VT_GEST_RELEASE);
    CHECK_INT(r.log[2].kind, VT_GEST_PRESS);
    CHECK(r.log[2].x == 600);
    ev(&r, VT_PTR_UP, 1, 600, 600, 200);
    CHECK_INT(count(&r, VT_GEST_TAP), 1);
    const VtGest *tap = find(&r, VT_GEST_TAP);
    CHECK(tap && tap->x == 600);
    CHECK_INT(gesture_deadline(&r.g), 0);
}

static void suppressed_touch_neither_taps_nor_long_presses(void)
{
    Rig r;
    rig_init(&r, 4.0f);
    ev(&r, VT_PTR_DOWN, 1, 50, 50, 0); /* lands on a list still gliding */
    gesture_suppress_tap(&r.g);
    CHECK_INT(gesture_deadline(&r.g), 0);
    tick(&r, 2000);
    ev(&r, VT_PTR_UP, 1, 50, 50, 2100);
    check_one_touch(&r);
    CHECK_INT(count(&r, VT_GEST_TAP), 0);
    CHECK_INT(count(&r, VT_GEST_LONG_PRESS), 0);
    /* Suppression lasts one touch: the next tap activates. */
    r.n = 0;
    ev(&r, VT_PTR_DOWN, 1, 50, 50, 3000);
    ev(&r, VT_PTR_UP, 1, 50, 50, 3100);
    CHECK_INT(count(&r, VT_GEST_TAP), 1);
}

int main(void)
{
    RUN(tap_slop_is_millimetres_at_two_densities);
    RUN(no_tap_at_the_end_of_a_drag);
    RUN(pan_deltas_add_up_on_the_locked_axis);
    RUN(fast_flick_swipes_slow_drag_does_not);
    RUN(stop_then_lift_has_no_velocity);
    RUN(one_jittery_sample_does_not_fling);
    RUN(long_press_fires_once_at_the_deadline);
    RUN(long_press_not_after_movement);
    RUN(late_event_catches_up_the_long_press);
    RUN(second_finger_ignored_during_a_scroll);
    RUN(primary_lifting_first_ends_cleanly);
    RUN(cancel_releases_without_tap);
    RUN(same_finger_down_again_restarts);
    RUN(suppressed_touch_neither_taps_nor_long_presses);
    return vt_test_finish();
}
