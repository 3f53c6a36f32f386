/*
 * schedule: the opening hours, and whether the screen should be lit right now.
 *
 * Outside opening hours the kiosk shows nothing and draws nothing; a touch wakes it for a few
 * minutes. Everything here is a pure function of an injected local time (struct tm, as
 * localtime_r gives it) and a monotonic clock in milliseconds, so the tests walk a whole week
 * without sleeping. The schedule is a short list of spans, each a set of weekdays and a
 * [open, close) interval in minutes after midnight; an empty list means "always open", the
 * default, because a Raspberry Pi without a real-time clock does not know the time of day.
 *
 * Text form (the `schedule` key of vitrine.conf): `always`, or comma-separated spans
 * `DAYS HH:MM-HH:MM` where DAYS is a day (`mon`), a range (`mon-fri`, `sat-sun`, wrapping like
 * `fri-mon` allowed) or `daily`; the close time may be 24:00 and must be after the open time.
 * Example: `mon-fri 09:00-17:00, sat 10:00-16:00`.
 */
#ifndef VT_SCHEDULE_H
#define VT_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define VT_SCHEDULE_MAX_SPANS 16
/* The plan never asks the main loop to sleep longer than this, so a clock that is set or a
 * daylight-saving change is noticed within a minute. */
#define VT_SCHEDULE_MAX_SLEEP_MS 60000

typedef struct {
    uint8_t days;  /* bit n set = open on weekday n, 0 = Sunday (as struct tm's tm_wday) */
    int open_min;  /* minutes after midnight, 0..1439 */
    int close_min; /* minutes after midnight, open_min+1..1440 */
} VtSpan;

typedef struct {
    VtSpan spans[VT_SCHEDULE_MAX_SPANS];
    int count; /* 0: always open */
} VtSchedule;

/* Parses the text form into *out. Returns 0, or -1 with a one-line reason in why (out is then
 * left unchanged). Nothing is allocated. */
int schedule_parse(VtSchedule *out, const char *text, char *why, size_t whylen);

/* Writes the text form of s into out ("always" for an empty schedule); truncates to outlen. */
void schedule_format(const VtSchedule *s, char *out, size_t outlen);

/* Whether the schedule is open at local time `now` (tm_wday, tm_hour, tm_min, tm_sec are read).
 * Stores in *next_change_s the seconds until that answer changes, or -1 when it never does
 * (always open). Cannot fail. */
bool schedule_open(const VtSchedule *s, const struct tm *now, long *next_change_s);

/* The screen's state between opening hours and touches. Plain data owned by the caller. */
typedef struct {
    const VtSchedule *schedule; /* borrowed; must outlive the clock */
    uint64_t wake_ms;           /* how long a touch keeps the screen lit */
    uint64_t woken_until_ms;    /* monotonic time the last touch's wake ends */
} VtScreenClock;

typedef struct {
    bool on;          /* draw and take input; when false draw nothing at all */
    bool woken;       /* on only because of a recent touch (outside opening hours) */
    int64_t sleep_ms; /* how long until `on` may change, at most VT_SCHEDULE_MAX_SLEEP_MS */
} VtScreenPlan;

/* Sets up a clock on a schedule (borrowed) with a touch keeping the screen lit wake_minutes. */
void schedule_clock_init(VtScreenClock *c, const VtSchedule *s, int wake_minutes);

/* Records a touch at monotonic time now_ms: the screen stays lit at least wake_minutes from
 * now, also past closing time when a visitor is still reading. */
void schedule_touch(VtScreenClock *c, uint64_t now_ms);

/* What the main loop should do at local time `local` and monotonic time now_ms. Call it again
 * after every wake-up. Cannot fail. */
VtScreenPlan schedule_plan(const VtScreenClock *c, const struct tm *local, uint64_t now_ms);

#endif
