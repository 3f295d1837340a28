/*
** clock: see clock.h.
*/
#include "clock.h"
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int clock_parse(const char *s, time_t *t)
{
    struct tm tm;
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    char sep = ' ';

    memset(&tm, 0, sizeof tm);
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3) return -1;
    if (s[n] != '\0') {
        int m = 0;
        if (sscanf(s + n, "%c%2d:%2d%n", &sep, &h, &mi, &m) != 3 || (sep != ' ' && sep != 'T'))
            return -1;
        n += m;
        if (s[n] == ':') {
            m = 0;
            if (sscanf(s + n, ":%2d%n", &sec, &m) != 1) return -1;
            n += m;
        }
        if (s[n] != '\0') return -1;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return -1;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    tm.tm_isdst = -1;
    time_t r = mktime(&tm);
    if (r == (time_t)-1 || tm.tm_mday != d) return -1;
    *t = r;
    return 0;
}

time_t clock_now(void)
{
    const char *pin = getenv("BANGBAN_NOW");
    time_t t;
    if (pin && *pin && clock_parse(pin, &t) == 0) return t;
    return time(NULL);
}

int clock_day_parse(const char *text, time_t *t)
{
    struct date d;
    char iso[11];
    if (date_parse(text, &d) != DATE_OK) return -1;
    return clock_parse(date_format(&d, iso), t);
}

char *clock_format(time_t t, char *buf)
{
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

char *clock_today(char *buf)
{
    time_t t = clock_now();
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, 11, "%Y-%m-%d", &tm);
    return buf;
}

char *clock_format_minute(time_t t, char *buf)
{
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, 17, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

long clock_ms_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}
