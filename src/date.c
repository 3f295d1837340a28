/*
** date: see date.h.
*/
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int date_valid(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* Read up to max digits from *p; returns the number or -1 when there are none. */
static int digits(const char **p, int max, int *count)
{
    int v = 0, n = 0;
    while (n < max && **p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *count = n;
    return n ? v : -1;
}

char *date_problem(const char *text, int rc)
{
    return rc == DATE_IMPOSSIBLE ? xasprintf(_("there is no such day as %s"), text)
                                 : xasprintf(_("\"%s\" is not a date"), text);
}

int date_time_at(const char *s, int *minute)
{
    size_t n = strlen(s), at = n;
    /* Back over the time: digits and colons (ASCII or full-width ：). */
    while (at > 0 && (isdigit((unsigned char)s[at - 1]) || s[at - 1] == ':' ||
                      (at >= 3 && memcmp(s + at - 3, "：", 3) == 0))) {
        if (s[at - 1] == ':' || isdigit((unsigned char)s[at - 1]))
            at--;
        else
            at -= 3;
    }
    if (at == 0 || at == n || (s[at - 1] != ' ' && s[at - 1] != 'T')) return -1;
    char *t = text_normalize(s + at, TEXT_NORM_NOSPACE);
    int h = -1, m = -1, sec = 0, end = 0;
    int ok = (sscanf(t, "%2d:%2d%n", &h, &m, &end) == 2 && (size_t)end == strlen(t)) ||
             (sscanf(t, "%2d:%2d:%2d%n", &h, &m, &sec, &end) == 3 && (size_t)end == strlen(t));
    free(t);
    if (!ok || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return -1;
    if (minute) *minute = h * 60 + m;
    size_t date_end = at - 1;
    while (date_end > 0 && (s[date_end - 1] == ' ' || s[date_end - 1] == 'T'))
        date_end--;
    return date_end ? (int)date_end : -1;
}

int date_parse_cell(const char *s, struct date *d)
{
    int timed = date_time_at(s, NULL);
    if (timed < 0) return date_parse(s, d);
    char *date_only = xstrndup(s, (size_t)timed);
    int rc = date_parse(date_only, d);
    free(date_only);
    return rc;
}

int date_parse(const char *s, struct date *d)
{
    /* Most dates need no normalizing (a bulk load parses two a row): no copy made of those. */
    char *norm = text_is_normal(s, strlen(s), TEXT_NORM_NOSPACE)
                     ? NULL
                     : text_normalize(s, TEXT_NORM_NOSPACE);
    const char *p = norm ? norm : s;
    int n, y, m, day, rc = DATE_NOT_A_DATE;

    size_t len = strlen(p);
    if (len == 8 && strspn(p, "0123456789") == 8) {
        y = digits(&p, 4, &n);
        m = digits(&p, 2, &n);
        day = digits(&p, 2, &n);
    } else {
        y = digits(&p, 4, &n);
        if (n != 4) goto out;
        const char *seps[] = {"-", "/", ".", "年"};
        size_t k;
        for (k = 0; k < ARRAY_LEN(seps); k++)
            if (str_starts(p, seps[k])) break;
        if (k == ARRAY_LEN(seps)) goto out;
        const char *sep = seps[k];
        const char *sep2 = k == 3 ? "月" : sep;
        p += strlen(sep);
        m = digits(&p, 2, &n);
        if (n == 0 || !str_starts(p, sep2)) goto out;
        p += strlen(sep2);
        day = digits(&p, 2, &n);
        if (n == 0) goto out;
        if (k == 3 && str_starts(p, "日")) p += strlen("日");
        if (*p) goto out;
    }
    rc = DATE_IMPOSSIBLE;
    if (!date_valid(y, m, day)) goto out;
    d->year = y;
    d->month = m;
    d->day = day;
    rc = DATE_OK;
out:
    free(norm);
    return rc;
}

char *date_format(const struct date *d, char *out)
{
    /* By hand: a bulk load formats hundreds of thousands of these. */
    unsigned y = (unsigned)d->year % 10000u, m = (unsigned)d->month % 100u,
             day = (unsigned)d->day % 100u;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + day / 10);
    out[9] = (char)('0' + day % 10);
    out[10] = '\0';
    return out;
}

struct date date_of(time_t t)
{
    /* The last answer, per thread: a ledger's rows each ask for today within the same second. */
    static _Thread_local time_t last;
    static _Thread_local int known;
    static _Thread_local struct date day;
    if (known && t == last) return day;
    struct tm tm;
    localtime_r(&t, &tm);
    day = (struct date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    last = t;
    known = 1;
    return day;
}

int date_cmp(const struct date *a, const struct date *b)
{
    if (a->year != b->year) return a->year < b->year ? -1 : 1;
    if (a->month != b->month) return a->month < b->month ? -1 : 1;
    if (a->day != b->day) return a->day < b->day ? -1 : 1;
    return 0;
}

int date_age(const struct date *birth, time_t now)
{
    struct date today = date_of(now);
    int age = today.year - birth->year;
    if (today.month < birth->month || (today.month == birth->month && today.day < birth->day))
        age--;
    return age;
}
