/*
 * Unit tests of firmware/ui/scroll: the content is dragged, flicked and caught the way the
 * gesture wiring in gesture.h does it, then stepped at fixed or irregular frame rates, and the
 * path and the resting pixel are checked. The page is 10000 px long in a 1000 px viewport, so
 * offsets run from 0 to 9000.
 */
#include "scroll.h"
#include "vt_test.h"

#include <math.h>
#include <stdlib.h>

#define MAX 9000

static void page(VtScroll *s)
{
    VtScrollConfig cfg;
    scroll_config_default(&cfg);
    scroll_init(s, &cfg, 10000, 1000);
}

/* Holds the content at offset `at` and lets go with finger velocity v (px/s) at t0. */
static void flick(VtScroll *s, double at, float v, uint64_t t0)
{
    scroll_stop(s);
    scroll_drag(s, (float)(s->offset - at));
    scroll_release(s, v, t0);
}

/* The time of frame k at hz after t0, in whole milliseconds like a real clock. */
static uint64_t frame_time(uint64_t t0, int hz, int k) { return t0 + (uint64_t)k * 1000 / hz; }

/* Steps at hz until the motion ends (at most 20 s); returns the resting offset. */
static int run(VtScroll *s, uint64_t t0, int hz)
{
    for (int k = 1; k <= 20 * hz && scroll_step(s, frame_time(t0, hz, k)); k++)
        ;
    CHECK(!scroll_is_moving(s));
    return scroll_offset(s);
}

static void drag_follows_the_finger(void)
{
    VtScroll s;
    page(&s);
    scroll_drag(&s, -100); /* finger up 100 px: the content moves on 100 px */
    CHECK_INT(scroll_offset(&s), 100);
    scroll_drag(&s, 30);
    CHECK_INT(scroll_offset(&s), 70);
    CHECK(!scroll_is_moving(&s));
    scroll_release(&s, 0, 0);
    CHECK(!scroll_is_moving(&s));
    CHECK_INT(scroll_offset(&s), 70);
}

static void rubber_band_resists_past_the_ends(void)
{
    VtScroll s;
    page(&s);
    scroll_drag(&s, 100);
    double first = -s.offset;
    scroll_drag(&s, 100);
    double second = -s.offset - first;
    CHECK(first > 0 && first < 100);
    CHECK(second > 0 && second < first);
    scroll_drag(&s, 1e6f);
    CHECK(s.offset < 0 && s.offset > -1000);
    scroll_drag(&s, -1e6f - 200); /* the finger back where it started */
    CHECK_INT(scroll_offset(&s), 0);

    scroll_drag(&s, -(MAX + 300.0f));
    CHECK(s.offset > MAX && s.offset < MAX + 300);
}

static void momentum_slows_down_and_stops(void)
{
    VtScroll s;
    page(&s);
    flick(&s, 1000, -3000, 0);
    CHECK(scroll_is_moving(&s));
    double prev = s.offset, prev_speed = 1e9;
    uint64_t prev_t = 0;
    int prev_px = scroll_offset(&s), k = 1;
    for (; k < 600 && scroll_step(&s, frame_time(0, 60, k)); k++) {
        uint64_t t = frame_time(0, 60, k);
        double speed = (s.offset - prev) / (double)(t - prev_t);
        CHECK(speed > 0 && speed <= prev_speed);
        CHECK(scroll_offset(&s) >= prev_px);
        prev = s.offset, prev_speed = speed, prev_t = t, prev_px = scroll_offset(&s);
    }
    CHECK(frame_time(0, 60, k) < 2500); /* T ln(3000 / 10) = 1.85 s */
    CHECK(scroll_offset(&s) >= prev_px);
    /* Glide v T = 975 px, less the 3.25 px the rest velocity would still have covered. */
    CHECK(fabs(s.offset - (1000 + 975 - 3.25)) <= 1);
    CHECK(s.offset == floor(s.offset)); /* rests on a whole pixel */
    int rest = scroll_offset(&s);
    CHECK(!scroll_step(&s, 10000));
    CHECK_INT(scroll_offset(&s), rest);
}

/* Steps one release at hz (0: stuttering 5..49 ms frames) and records the offset at every
 * 100 ms mark, which is a frame time at 30, 60 and 120 Hz alike; returns the resting offset. */
static int path_at_rate(double at, float v, int hz, double marks[20])
{
    VtScroll s;
    page(&s);
    flick(&s, at, v, 1000);
    uint64_t t = 1000, next_mark = 1100;
    for (int k = 1, j = 0; k < 2000 && (scroll_is_moving(&s) || j < 20); k++) {
        uint64_t step = hz ? frame_time(1000, hz, k) : t + 5 + (uint64_t)(k * 7919 % 45);
        t = (j < 20 && next_mark < step) ? next_mark : step;
        scroll_step(&s, t);
        if (j < 20 && t == next_mark) {
            marks[j++] = s.offset;
            next_mark += 100;
        }
        if (hz && t != step)
            k--; /* the mark was not a frame: take the frame next time round */
    }
    CHECK(!scroll_is_moving(&s));
    return scroll_offset(&s);
}

/* The same release stepped at 30, 60, 120 Hz and irregularly draws the same path. */
static void check_rates_agree(double at, float v)
{
    const int rates[] = {30, 60, 120, 0};
    double marks[4][20];
    int rest[4];
    for (int i = 0; i < 4; i++)
        rest[i] = path_at_rate(at, v, rates[i], marks[i]);
    for (int i = 1; i < 4; i++) {
        CHECK(abs(rest[i] - rest[0]) <= 1);
        for (int j = 0; j < 20; j++)
            CHECK(fabs(marks[i][j] - marks[0][j]) <= 1);
    }
    /* One step straight to 37 ms lands where 30 Hz frames got to, mid-flight. */
    VtScroll s;
    page(&s);
    flick(&s, at, v, 1000);
    scroll_step(&s, 1037);
    double direct = s.offset;
    page(&s);
    flick(&s, at, v, 1000);
    scroll_step(&s, 1033);
    scroll_step(&s, 1037);
    CHECK(fabs(s.offset - direct) < 1e-6);
}

static void frame_rate_does_not_change_the_path(void)
{
    check_rates_agree(2000, -2500); /* glide in the middle */
    check_rates_agree(8500, -5000); /* into the end: bounce */
    check_rates_agree(500, 4000);   /* into the start */
    check_rates_agree(4000, 40000); /* absurdly fast: still ends at the start */
}

static void springs_back_from_past_the_start(void)
{
    VtScroll s;
    page(&s);
    scroll_drag(&s, 300);
    double prev = s.offset;
    CHECK(prev < 0);
    scroll_release(&s, 0, 0);
    CHECK(scroll_is_moving(&s));
    int k = 1;
    for (; k < 600 && scroll_step(&s, frame_time(0, 60, k)); k++) {
        CHECK(s.offset >= prev && s.offset <= 0); /* critically damped: no overshoot */
        prev = s.offset;
    }
    CHECK(frame_time(0, 60, k) < 1000);
    CHECK(s.offset == 0);
    CHECK(!scroll_is_moving(&s));
}

static void fling_into_an_end_bounces_and_rests_on_it(void)
{
    VtScroll s;
    page(&s);
    flick(&s, 8500, -5000, 0);
    double peak = 0;
    for (int k = 1; k < 600 && scroll_step(&s, frame_time(0, 120, k)); k++)
        peak = s.offset > peak ? s.offset : peak;
    CHECK(peak > MAX + 20 && peak < MAX + 1000);
    CHECK_INT(scroll_offset(&s), MAX);

    flick(&s, 500, 5000, 0);
    double low = 0;
    for (int k = 1; k < 600 && scroll_step(&s, frame_time(0, 120, k)); k++)
        low = s.offset < low ? s.offset : low;
    CHECK(low < -20 && low > -1000);
    CHECK_INT(scroll_offset(&s), 0);
}

static void inward_fling_from_past_the_start_glides_on(void)
{
    VtScroll s;
    page(&s);
    scroll_drag(&s, 200);
    double start = s.offset;
    scroll_release(&s, -3000, 0);
    for (int k = 1; k < 600 && scroll_step(&s, frame_time(0, 60, k)); k++)
        CHECK(s.offset >= start);
    CHECK(scroll_offset(&s) > 150); /* a spring alone would have come back to 0 */
}

static void release_needs_a_hold(void)
{
    VtScroll s;
    page(&s);
    scroll_release(&s, -3000, 0); /* no finger on it: nothing happens */
    CHECK(!scroll_is_moving(&s));
    CHECK_INT(scroll_offset(&s), 0);
    flick(&s, 1000, -3000, 0);
    scroll_release(&s, 0, 0); /* RELEASE after PAN_END: the glide goes on */
    CHECK(scroll_is_moving(&s));
}

static void a_touch_stops_the_glide(void)
{
    VtScroll s;
    page(&s);
    flick(&s, 1000, -3000, 0);
    scroll_step(&s, 200);
    double caught = s.offset;
    CHECK(caught > 1000);
    scroll_stop(&s);
    CHECK(!scroll_is_moving(&s));
    CHECK(!scroll_step(&s, 400));
    CHECK(s.offset == caught);
    scroll_release(&s, 0, 400);
    CHECK(!scroll_is_moving(&s));
    CHECK_INT(scroll_offset(&s), (int)lround(caught));
    CHECK(s.offset == floor(s.offset));
}

static void slow_release_rests_on_a_whole_pixel(void)
{
    VtScroll s;
    page(&s);
    scroll_drag(&s, -10.4f);
    scroll_release(&s, 5, 0);
    CHECK(!scroll_is_moving(&s));
    CHECK(s.offset == 10);
    scroll_drag(&s, -10);
    scroll_release(&s, NAN, 0);
    CHECK(!scroll_is_moving(&s));
    CHECK_INT(scroll_offset(&s), 20);
}

static void new_content_keeps_the_offset_valid(void)
{
    VtScroll s;
    page(&s);
    scroll_drag(&s, -MAX);
    scroll_release(&s, 0, 0);
    CHECK_INT(scroll_offset(&s), MAX);
    scroll_set_content(&s, 5000, 1000);
    CHECK_INT(scroll_max(&s), 4000);
    CHECK_INT(scroll_offset(&s), 4000);
    flick(&s, 3000, 3000, 0);
    scroll_step(&s, 100);
    scroll_set_content(&s, 500, 1000); /* fits: no scrolling at all */
    CHECK(!scroll_is_moving(&s));
    CHECK_INT(scroll_max(&s), 0);
    CHECK_INT(scroll_offset(&s), 0);
    scroll_drag(&s, -100); /* a short page still gives, and comes back */
    CHECK(s.offset > 0 && s.offset < 100);
    scroll_release(&s, 0, 0);
    CHECK_INT(run(&s, 0, 60), 0);
}

static void jump_goes_straight_there(void)
{
    VtScroll s;
    page(&s);
    flick(&s, 1000, -3000, 0);
    scroll_jump(&s, 4321);
    CHECK(!scroll_is_moving(&s));
    CHECK_INT(scroll_offset(&s), 4321);
    scroll_jump(&s, MAX + 500);
    CHECK_INT(scroll_offset(&s), MAX);
    scroll_jump(&s, -5);
    CHECK_INT(scroll_offset(&s), 0);
    scroll_drag(&s, -100); /* a finger holds it through a jump */
    scroll_jump(&s, 2000);
    CHECK_INT(scroll_offset(&s), 2000);
    scroll_release(&s, -3000, 0); /* so its flick still counts */
    CHECK(scroll_is_moving(&s));
}

static void nonsense_config_still_settles(void)
{
    VtScrollConfig cfg = {0};
    VtScroll s;
    scroll_init(&s, &cfg, 10000, 1000);
    flick(&s, 1000, -3000, 0);
    CHECK(run(&s, 0, 60) > 1000);
}

int main(void)
{
    RUN(drag_follows_the_finger);
    RUN(rubber_band_resists_past_the_ends);
    RUN(momentum_slows_down_and_stops);
    RUN(frame_rate_does_not_change_the_path);
    RUN(springs_back_from_past_the_start);
    RUN(fling_into_an_end_bounces_and_rests_on_it);
    RUN(inward_fling_from_past_the_start_glides_on);
    RUN(release_needs_a_hold);
    RUN(a_touch_stops_the_glide);
    RUN(slow_release_rests_on_a_whole_pixel);
    RUN(new_content_keeps_the_offset_valid);
    RUN(jump_goes_straight_there);
    RUN(nonsense_config_still_settles);
    return vt_test_finish();
}
