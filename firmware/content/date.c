/*
 * date: the three date precisions of the content (year, month, day) for display and for the
 * time axis. Dates stay text everywhere else, so a month-precise date is never turned into a
 * made-up day.
 */
#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[VT_LANG_COUNT][12] = {
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
};

/* Parses YYYY[-MM[-DD]]; returns the number of parts (1..3), 0 when malformed. */
static int date_parse(const char *s, int *y, int *m, int *d)
{
    *y = *m = *d = 0;
    if (!s)
        return 0;
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return 0;
    int parts = sscanf(s, "%4d-%2d-%2d", y, m, d);
    if (parts < 1 || *y < 1000)
        return 0;
    if ((n >= 7 && (parts < 2 || *m < 1 || *m > 12)) ||
        (n == 10 && (parts < 3 || *d < 1 || *d > 31)))
        return 0;
    return n == 4 ? 1 : n == 7 ? 2 : 3;
}

int date_year(const char *date)
{
    int y, m, d;
    return date_parse(date, &y, &m, &d) ? y : 0;
}

char *date_format(const char *date, VtLang lang, char *out, size_t outlen)
{
    int y, m, d;
    switch (date_parse(date, &y, &m, &d)) {
    case 1: snprintf(out, outlen, "%d", y); break;
    case 2: snprintf(out, outlen, "%s %d", months[lang][m - 1], y); break;
    case 3: snprintf(out, outlen, "%d %s %d", d, months[lang][m - 1], y); break;
    default: snprintf(out, outlen, "%s", lang == VT_LANG_NL ? "onbekend" : "unknown"); break;
    }
    return out;
}

/* Days from civil (proleptic Gregorian), Howard Hinnant's well-known formula. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long date_days(const char *date)
{
    int y, m, d;
    int parts = date_parse(date, &y, &m, &d);
    if (!parts)
        return 0;
    return days_from_civil(y, parts >= 2 ? m : 1, parts == 3 ? d : 1);
}

char *date_from_days(long days, char *out, size_t outlen)
{
    /* Inverse of days_from_civil (same source). */
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, outlen, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
    return out;
}
