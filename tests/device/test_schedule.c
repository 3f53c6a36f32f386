/*
 * Tests of firmware/device/schedule: the text form, open/closed with the seconds to the next
 * change at hand-checked moments, a minute-by-minute walk of whole weeks against a brute-force
 * reference, and the screen plan (a touch wakes a dark screen for wake_minutes, the main loop
 * never sleeps past a change or longer than a minute).
 */
#include "schedule.h"
#include "vt_test.h"

enum { SUN, MON, TUE, WED, THU, FRI, SAT };

static struct tm at(int wday, int h, int m, int s)
{
    struct tm t = {.tm_wday = wday, .tm_hour = h, .tm_min = m, .tm_sec = s};
    return t;
}

static VtSchedule parsed(const char *text)
{
    VtSchedule s = {.count = -1};
    char why[120] = "";
    if (schedule_parse(&s, text, why, sizeof why) < 0)
        fprintf(stderr, "%s: %s\n", text, why);
    return s;
}

static long next_of(const VtSchedule *s, struct tm t, int *open)
{
    long next = -2;
    *open = schedule_open(s, &t, &next);
    return next;
}

static void text_form_round_trips(void)
{
    const char *forms[] = {"always",
                           "mon-fri 09:00-17:00, sat 10:00-16:00",
                           "daily 00:00-24:00",
                           "fri-mon 10:00-12:00",
                           "sun 08:15-08:16",
                           "sat-sun 22:00-24:00"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        VtSchedule s = parsed(forms[i]);
        char out[200];
        schedule_format(&s, out, sizeof out);
        CHECK_STR(out, forms[i]);
    }
    VtSchedule s = parsed("  MON-Fri   9:00-17:30 ,Sat 10:00-16:00");
    CHECK_INT(s.count, 2);
    CHECK_INT(s.spans[0].days, 0x3E);
    CHECK_INT(s.spans[0].open_min, 540);
    CHECK_INT(s.spans[0].close_min, 1050);
    CHECK_INT(parsed("fri-mon 10:00-12:00").spans[0].days, 0x63);
    VtSchedule keep = parsed("daily 09:00-10:00");
    char why[120];
    CHECK_INT(schedule_parse(&keep, "mon 10:00-09:00", why, sizeof why), -1);
    CHECK_INT(keep.count, 1); /* unchanged on failure */
    CHECK(strstr(why, "after opening") != NULL);
}

static void museum_week_by_hand(void)
{
    VtSchedule s = parsed("mon-fri 09:00-17:00, sat 10:00-16:00");
    int open;
    CHECK_INT(next_of(&s, at(MON, 8, 59, 30), &open), 30);
    CHECK_INT(open, 0);
    CHECK_INT(next_of(&s, at(MON, 9, 0, 0), &open), 8 * 3600);
    CHECK_INT(open, 1);
    CHECK_INT(next_of(&s, at(WED, 16, 59, 59), &open), 1);
    CHECK_INT(open, 1);
    CHECK_INT(next_of(&s, at(FRI, 17, 0, 0), &open), 17 * 3600);
    CHECK_INT(open, 0);
    CHECK_INT(next_of(&s, at(SAT, 16, 0, 0), &open), 41 * 3600);
    CHECK_INT(open, 0);
    CHECK_INT(next_of(&s, at(SUN, 12, 34, 56), &open), 20 * 3600 + 25 * 60 + 4);
    CHECK_INT(open, 0);
}

static void edges_always_adjacent_and_midnight(void)
{
    int open;
    VtSchedule always = parsed("always");
    CHECK_INT(next_of(&always, at(TUE, 3, 0, 0), &open), -1);
    CHECK_INT(open, 1);
    VtSchedule full = parsed("daily 00:00-24:00");
    CHECK_INT(next_of(&full, at(SAT, 23, 59, 59), &open), -1);
    CHECK_INT(open, 1);
    VtSchedule split = parsed("mon 09:00-12:00, mon 12:00-17:00");
    CHECK_INT(next_of(&split, at(MON, 10, 0, 0), &open), 7 * 3600);
    VtSchedule night = parsed("sat 22:00-24:00, sun 00:00-02:00");
    CHECK_INT(next_of(&night, at(SAT, 23, 0, 0), &open), 3 * 3600);
    CHECK_INT(open, 1);
    CHECK_INT(next_of(&night, at(SUN, 2, 0, 0), &open), 6 * 86400 + 20 * 3600);
    CHECK_INT(open, 0);
    CHECK_INT(next_of(&night, at(SUN, 1, 0, 60), &open), 3600 - 59); /* leap second clamps */
}

/* Every minute of the week against a reference built by stepping minute by minute. */
static void walk_week(const char *text)
{
    enum { N = 7 * 1440 };
    static int state[N], next_diff[N];
    VtSchedule s = parsed(text);
    for (int m = 0; m < N; m++) {
        long ignored;
        struct tm t = at(m / 1440, m % 1440 / 60, m % 60, 0);
        state[m] = schedule_open(&s, &t, &ignored);
    }
    int last = -1; /* minute (mod N, possibly +N) of the nearest later change */
    for (int k = 2 * N - 1; k >= 0; k--) {
        int m = k % N, after = (k + 1) % N;
        if (state[after] != state[m])
            last = k + 1;
        if (k < N)
            next_diff[m] = last < 0 ? -1 : last - k;
    }
    int mismatches = 0;
    for (int m = 0; m < N; m += 1) {
        int open;
        long next = next_of(&s, at(m / 1440, m % 1440 / 60, m % 60, 15), &open);
        long want = next_diff[m] < 0 ? -1 : next_diff[m] * 60L - 15;
        if (next != want && mismatches++ < 3)
            fprintf(stderr, "%s: minute %d: next %ld, want %ld\n", text, m, next, want);
    }
    CHECK_INT(mismatches, 0);
}

static void whole_weeks_match_reference(void)
{
    walk_week("mon-fri 09:00-17:00, sat 10:00-16:00");
    walk_week("fri-mon 10:00-12:00, wed 23:00-24:00, thu 00:00-00:30");
    walk_week("daily 06:00-06:01, tue-thu 00:00-24:00");
    walk_week("sun 00:00-24:00");
}

static void plan_wakes_on_touch_outside_hours(void)
{
    VtSchedule s = parsed("mon-fri 09:00-17:00");
    VtScreenClock c;
    schedule_clock_init(&c, &s, 5);
    struct tm night = at(TUE, 22, 0, 0);
    VtScreenPlan p = schedule_plan(&c, &night, 1000000);
    CHECK_INT(p.on, 0);
    CHECK_INT(p.sleep_ms, VT_SCHEDULE_MAX_SLEEP_MS);
    schedule_touch(&c, 1000000);
    p = schedule_plan(&c, &night, 1000000 + 1000);
    CHECK_INT(p.on, 1);
    CHECK_INT(p.woken, 1);
    CHECK_INT(p.sleep_ms, VT_SCHEDULE_MAX_SLEEP_MS);
    p = schedule_plan(&c, &night, 1000000 + 5 * 60000 - 1500);
    CHECK_INT(p.on, 1);
    CHECK_INT(p.sleep_ms, 1500);
    p = schedule_plan(&c, &night, 1000000 + 5 * 60000);
    CHECK_INT(p.on, 0);
}

static void plan_lets_a_reader_finish_after_closing(void)
{
    VtSchedule s = parsed("mon-fri 09:00-17:00");
    VtScreenClock c;
    schedule_clock_init(&c, &s, 5);
    struct tm before = at(FRI, 16, 58, 0), after = at(FRI, 17, 1, 0);
    schedule_touch(&c, 50000);
    VtScreenPlan p = schedule_plan(&c, &before, 50000);
    CHECK_INT(p.on, 1);
    CHECK_INT(p.woken, 0);
    CHECK_INT(p.sleep_ms, VT_SCHEDULE_MAX_SLEEP_MS);
    p = schedule_plan(&c, &after, 50000 + 180000);
    CHECK_INT(p.on, 1);
    CHECK_INT(p.woken, 1);
    CHECK_INT(p.sleep_ms, 120000 > VT_SCHEDULE_MAX_SLEEP_MS ? VT_SCHEDULE_MAX_SLEEP_MS : 120000);
    struct tm soon = at(MON, 8, 59, 20);
    p = schedule_plan(&c, &soon, 10000000);
    CHECK_INT(p.on, 0);
    CHECK_INT(p.sleep_ms, 40000);
}

static void plan_without_wake_stays_dark(void)
{
    VtSchedule s = parsed("sun 10:00-11:00");
    VtScreenClock c;
    schedule_clock_init(&c, &s, 0);
    struct tm t = at(MON, 12, 0, 0);
    schedule_touch(&c, 5000);
    CHECK_INT(schedule_plan(&c, &t, 5000).on, 0);
}

int main(void)
{
    RUN(text_form_round_trips);
    RUN(museum_week_by_hand);
    RUN(edges_always_adjacent_and_midnight);
    RUN(whole_weeks_match_reference);
    RUN(plan_wakes_on_touch_outside_hours);
    RUN(plan_lets_a_reader_finish_after_closing);
    RUN(plan_without_wake_stays_dark);
    return vt_test_finish();
}
