/*
 * schedule: the week is 10080 minutes; a span opens at (day, open_min) and closes at
 * (day, close_min) for each of its days. The open/closed state only changes at those boundaries,
 * so the next change is the nearest boundary (going forward, round the week) at which the state
 * differs from now: at most 2 * 7 * VT_SCHEDULE_MAX_SPANS candidates, no table, no allocation.
 */
#include "schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define WEEK_MIN (7 * 1440)
#define ALL_DAYS 0x7F

static const char *const day_names[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static int day_parse(const char *s, size_t n)
{
    for (int d = 0; d < 7; d++)
        if (n == 3 && strncasecmp(s, day_names[d], 3) == 0)
            return d;
    return -1;
}

/* "mon", "mon-fri", "fri-mon" (wraps round Sunday) or "daily" into a weekday mask; 0 if bad. */
static uint8_t days_parse(const char *s, size_t n)
{
    if (n == 5 && strncasecmp(s, "daily", 5) == 0)
        return ALL_DAYS;
    const char *dash = memchr(s, '-', n);
    int first = day_parse(s, dash ? (size_t)(dash - s) : n);
    int last = dash ? day_parse(dash + 1, n - (size_t)(dash - s) - 1) : first;
    if (first < 0 || last < 0)
        return 0;
    uint8_t mask = 0;
    for (int d = first;; d = (d + 1) % 7) {
        mask |= (uint8_t)(1u << d);
        if (d == last)
            break;
    }
    return mask;
}

/* "H:MM" or "HH:MM" into minutes after midnight, 24:00 allowed; -1 if bad. */
static int time_parse(const char *s, size_t n)
{
    if (n < 4 || n > 5 || s[n - 3] != ':')
        return -1;
    for (size_t i = 0; i < n; i++)
        if (i != n - 3 && !isdigit((unsigned char)s[i]))
            return -1;
    int h = n == 5 ? (s[0] - '0') * 10 + (s[1] - '0') : s[0] - '0';
    int m = (s[n - 2] - '0') * 10 + (s[n - 1] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return -1;
    return h * 60 + m;
}

static int fail(char *why, size_t whylen, const char *msg, const char *at, size_t n)
{
    snprintf(why, whylen, "%s: \"%.*s\"", msg, (int)(n > 40 ? 40 : n), at);
    return -1;
}

/* One "DAYS HH:MM-HH:MM" span, already trimmed, n bytes at s. */
static int span_parse(VtSpan *out, const char *s, size_t n, char *why, size_t whylen)
{
    const char *sp = memchr(s, ' ', n);
    if (!sp)
        sp = memchr(s, '\t', n);
    if (!sp)
        return fail(why, whylen, "expected DAYS HH:MM-HH:MM", s, n);
    const char *t = sp;
    while (t < s + n && (*t == ' ' || *t == '\t'))
        t++;
    size_t tn = (size_t)(s + n - t);
    const char *dash = memchr(t, '-', tn);
    out->days = days_parse(s, (size_t)(sp - s));
    if (!out->days)
        return fail(why, whylen, "unknown days (mon..sun, mon-fri, daily)", s, n);
    if (!dash)
        return fail(why, whylen, "expected a time range HH:MM-HH:MM", s, n);
    out->open_min = time_parse(t, (size_t)(dash - t));
    out->close_min = time_parse(dash + 1, (size_t)(t + tn - dash - 1));
    if (out->open_min < 0 || out->close_min < 0 || out->open_min >= 1440)
        return fail(why, whylen, "bad time (00:00..24:00)", s, n);
    if (out->close_min <= out->open_min)
        return fail(why, whylen, "closing time must be after opening time", s, n);
    return 0;
}

int schedule_parse(VtSchedule *out, const char *text, char *why, size_t whylen)
{
    VtSchedule s;
    memset(&s, 0, sizeof s); /* zero padding too: configs compare with memcmp */
    while (isspace((unsigned char)*text))
        text++;
    if (strcasecmp(text, "always") == 0) {
        memcpy(out, &s, sizeof s);
        return 0;
    }
    for (const char *p = text;;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n && isspace((unsigned char)*p))
            p++, n--;
        while (n && isspace((unsigned char)p[n - 1]))
            n--;
        if (n == 0)
            return fail(why, whylen, "empty span", text, strlen(text));
        if (s.count == VT_SCHEDULE_MAX_SPANS)
            return fail(why, whylen, "too many spans (at most 16)", text, strlen(text));
        if (span_parse(&s.spans[s.count++], p, n, why, whylen) < 0)
            return -1;
        if (!end)
            break;
        p = end + 1;
    }
    memcpy(out, &s, sizeof s);
    return 0;
}

static void days_format(uint8_t days, char *out, size_t outlen)
{
    if (days == ALL_DAYS) {
        snprintf(out, outlen, "daily");
        return;
    }
    int first = 0;
    while (!(days & (1u << first)) || (days & (1u << ((first + 6) % 7))))
        first++;
    int last = first;
    while (days & (1u << ((last + 1) % 7)))
        last = (last + 1) % 7;
    if (first == last)
        snprintf(out, outlen, "%s", day_names[first]);
    else
        snprintf(out, outlen, "%s-%s", day_names[first], day_names[last]);
}

void schedule_format(const VtSchedule *s, char *out, size_t outlen)
{
    size_t used = 0;
    if (outlen)
        out[0] = '\0';
    if (s->count == 0)
        snprintf(out, outlen, "always");
    for (int i = 0; i < s->count && used < outlen; i++) {
        const VtSpan *sp = &s->spans[i];
        char days[16];
        days_format(sp->days, days, sizeof days);
        int n =
            snprintf(out + used, outlen - used, "%s%s %02d:%02d-%02d:%02d", i ? ", " : "", days,
                     sp->open_min / 60, sp->open_min % 60, sp->close_min / 60, sp->close_min % 60);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* Whether minute-of-week m (0..10079) is inside any span. */
static bool open_at(const VtSchedule *s, int m)
{
    int day = m / 1440, min = m % 1440;
    for (int i = 0; i < s->count; i++) {
        const VtSpan *sp = &s->spans[i];
        if ((sp->days & (1u << day)) && min >= sp->open_min && min < sp->close_min)
            return true;
    }
    return false;
}

/* Minutes from now_min forward to boundary b, in 1..WEEK_MIN (a boundary at now is a week off). */
static int minutes_until(int now_min, int b)
{
    int d = ((b % WEEK_MIN) - now_min + WEEK_MIN) % WEEK_MIN;
    return d ? d : WEEK_MIN;
}

bool schedule_open(const VtSchedule *s, const struct tm *now, long *next_change_s)
{
    int wday = ((now->tm_wday % 7) + 7) % 7;
    int sec = now->tm_sec < 0 ? 0 : now->tm_sec > 59 ? 59 : now->tm_sec;
    int minute = wday * 1440 + now->tm_hour * 60 + now->tm_min;
    if (minute < 0 || minute >= WEEK_MIN)
        minute = ((minute % WEEK_MIN) + WEEK_MIN) % WEEK_MIN;
    bool open = s->count == 0 || open_at(s, minute);
    int best = WEEK_MIN + 1;
    for (int i = 0; i < s->count; i++) {
        for (int d = 0; d < 7; d++) {
            if (!(s->spans[i].days & (1u << d)))
                continue;
            int edges[2] = {d * 1440 + s->spans[i].open_min, d * 1440 + s->spans[i].close_min};
            for (int e = 0; e < 2; e++) {
                int dist = minutes_until(minute, edges[e]);
                if (dist < best && open_at(s, edges[e] % WEEK_MIN) != open)
                    best = dist;
            }
        }
    }
    *next_change_s = best > WEEK_MIN ? -1 : (long)best * 60 - sec;
    return open;
}

void schedule_clock_init(VtScreenClock *c, const VtSchedule *s, int wake_minutes)
{
    c->schedule = s;
    c->wake_ms = (uint64_t)(wake_minutes > 0 ? wake_minutes : 0) * 60000u;
    c->woken_until_ms = 0;
}

void schedule_touch(VtScreenClock *c, uint64_t now_ms)
{
    if (now_ms + c->wake_ms > c->woken_until_ms)
        c->woken_until_ms = now_ms + c->wake_ms;
}

VtScreenPlan schedule_plan(const VtScreenClock *c, const struct tm *local, uint64_t now_ms)
{
    long next_s;
    bool open = schedule_open(c->schedule, local, &next_s);
    bool woken = now_ms < c->woken_until_ms;
    int64_t sleep = VT_SCHEDULE_MAX_SLEEP_MS;
    if (next_s >= 0 && next_s * 1000 < sleep)
        sleep = (int64_t)next_s * 1000;
    if (woken && (int64_t)(c->woken_until_ms - now_ms) < sleep)
        sleep = (int64_t)(c->woken_until_ms - now_ms);
    return (VtScreenPlan){.on = open || woken, .woken = woken && !open, .sleep_ms = sleep};
}
