/*
** workcal: see workcal.h.
*/
#include "workcal.h"
#include "text.h"
#include "i18n.h"
#include "util.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DF(member, kind, label, flags)                                                             \
    FIELD_OF(struct calendar_day, member, kind, label, flags, NULL)
static const struct field_desc day_fields[] = {
    DF(day, FIELD_TEXT, N_("Date"), 0),
    DF(working, FIELD_INT, N_("Day"), 0),
    DF(name, FIELD_TEXT, N_("Name"), 0),
    DF(version, FIELD_INT64, NULL, FIELD_KEY),
    DF(updated_at, FIELD_TEXT, NULL, FIELD_STORED),
    DF(updated_by, FIELD_TEXT, NULL, FIELD_STORED),
};
#undef DF

static char *day_shown(size_t i, const void *rec)
{
    const struct calendar_day *d = rec;
    if (i == 1) return xstrdup(d->working ? _("Workday") : _("Holiday"));
    return NULL;
}

const struct record_type calendar_day_record = {.name = "calendar_day",
                                                .size = sizeof(struct calendar_day),
                                                .fields = day_fields,
                                                .nfields = ARRAY_LEN(day_fields),
                                                .shown = day_shown};

#define DEFAULT_START (9 * 60)
#define DEFAULT_END   (17 * 60)

void workcal_init(struct workcal *c)
{
    memset(c, 0, sizeof *c);
    c->start = DEFAULT_START;
    c->end = DEFAULT_END;
}

void workcal_free(struct workcal *c)
{
    free(c->days);
    free(c->odd);
    memset(c, 0, sizeof *c);
}

int workcal_set_hours(struct workcal *c, const char *text)
{
    int h1, m1, h2, m2, n = 0;
    if (!text || sscanf(text, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &n) != 4 || text[n])
        return -1;
    if (h1 < 0 || h1 > 23 || h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59) return -1;
    int start = h1 * 60 + m1, end = h2 * 60 + m2;
    if (end > 24 * 60) return -1;
    if (start >= end) return -2;
    c->start = start;
    c->end = end;
    return 0;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
int32_t workcal_day_number(struct date d)
{
    int y = d.year - (d.month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

struct date workcal_date_of_number(int32_t n)
{
    int z = n + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    struct date d;
    d.day = doy - (153 * mp + 2) / 5 + 1;
    d.month = mp < 10 ? mp + 3 : mp - 9;
    d.year = yoe + era * 400 + (d.month <= 2);
    return d;
}

/* 1 for Saturday and Sunday. 1970-01-01 was a Thursday. */
static int is_weekend(int32_t n)
{
    int wd = (int)(((n % 7) + 7 + 4) % 7); /* 0 Sunday .. 6 Saturday */
    return wd == 0 || wd == 6;
}

static int find(const struct workcal *c, int32_t n, size_t *at)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->days[mid] < n)
            lo = mid + 1;
        else
            hi = mid;
    }
    *at = lo;
    return lo < c->n && c->days[lo] == n;
}

void workcal_mark(struct workcal *c, struct date d, int working)
{
    int32_t n = workcal_day_number(d);
    /* Only days that break the rule are kept: a holiday on a weekday, a working weekend day. */
    if ((working != 0) != (is_weekend(n) != 0)) return;
    size_t at;
    if (find(c, n, &at)) return;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->days = xrealloc(c->days, c->cap * sizeof *c->days);
    }
    memmove(&c->days[at + 1], &c->days[at], (c->n - at) * sizeof *c->days);
    c->days[at] = n;
    c->n++;
    free(c->odd); /* workcal_index() makes it again */
    c->odd = NULL;
}

void workcal_index(struct workcal *c)
{
    free(c->odd);
    c->odd = NULL;
    if (!c->n) return;
    c->odd = xcalloc((size_t)(c->days[c->n - 1] - c->days[0]) + 1, 1);
    for (size_t i = 0; i < c->n; i++)
        c->odd[c->days[i] - c->days[0]] = 1;
}

/* 1 when day n breaks the weekday rule (a holiday on a weekday, a working weekend day). */
static int is_odd(const struct workcal *c, int32_t n)
{
    if (!c->n || n < c->days[0] || n > c->days[c->n - 1]) return 0;
    if (c->odd) return c->odd[n - c->days[0]];
    size_t at;
    return find(c, n, &at);
}

static int working_number(const struct workcal *c, int32_t n)
{
    return is_odd(c, n) ? is_weekend(n) : !is_weekend(n);
}

int workcal_is_working(const struct workcal *c, struct date d)
{
    return working_number(c, workcal_day_number(d));
}

int workcal_day_minutes(const struct workcal *c)
{
    return c->end - c->start;
}

/* Local time t as a day number and minutes after midnight. */
static void split(time_t t, int32_t *day, int *minute)
{
    struct tm tm;
    localtime_r(&t, &tm);
    struct date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    *day = workcal_day_number(d);
    *minute = tm.tm_hour * 60 + tm.tm_min;
}

/* The local time of a day number and minutes after midnight (seconds 0). */
static time_t join(int32_t day, int minute)
{
    struct date d = workcal_date_of_number(day);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = d.year - 1900;
    tm.tm_mon = d.month - 1;
    tm.tm_mday = d.day;
    tm.tm_hour = minute / 60;
    tm.tm_min = minute % 60;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

/* 1 when a day of [day, day + n) breaks the weekday rule (a holiday or a working weekend day). */
static int exception_within(const struct workcal *c, int32_t day, int n)
{
    for (int i = 0; i < n; i++)
        if (is_odd(c, day + i)) return 1;
    return 0;
}

/* The first working day at or after day. A calendar is never all holidays for long. */
static int32_t next_working(const struct workcal *c, int32_t day)
{
    while (!working_number(c, day))
        day++;
    return day;
}

time_t workcal_add_minutes(const struct workcal *c, time_t from, long minutes)
{
    int32_t day;
    int minute;
    split(from, &day, &minute);
    /* Move to the next working moment. */
    if (!working_number(c, day) || minute >= c->end) {
        day = next_working(c, working_number(c, day) ? day + 1 : day);
        minute = c->start;
    } else if (minute < c->start) {
        minute = c->start;
    } else if (minutes <= 0) {
        return join(day, minute);
    }
    long daylen = c->end - c->start, week = 5 * daylen;
    while (minutes > 0) {
        long left = c->end - minute;
        if (minutes <= left) return join(day, minute + (int)minutes);
        minutes -= left;
        day = next_working(c, day + 1);
        minute = c->start;
        /* Whole weeks with no holiday or swapped day in them: five working days each. */
        int skipped = 0;
        while (minutes > week + daylen && !exception_within(c, day, 7)) {
            day += 7;
            minutes -= week;
            skipped = 1;
        }
        if (skipped) day = next_working(c, day);
    }
    return join(day, minute);
}

time_t workcal_add_days(const struct workcal *c, time_t from, int days)
{
    int32_t day;
    int minute;
    split(from, &day, &minute);
    if (days < 1) days = 1;
    for (int i = 0; i < days; i++)
        day = next_working(c, day + 1);
    return join(day, c->end);
}

long workcal_minutes_between(const struct workcal *c, time_t a, time_t b)
{
    if (b <= a) return 0;
    int32_t da, db;
    int ma, mb;
    split(a, &da, &ma);
    split(b, &db, &mb);
    long total = 0;
    for (int32_t d = da; d <= db; d++) {
        if (!working_number(c, d)) continue;
        int lo = d == da ? ma : c->start, hi = d == db ? mb : c->end;
        if (lo < c->start) lo = c->start;
        if (hi > c->end) hi = c->end;
        if (hi > lo) total += hi - lo;
    }
    return total;
}

/* --- the calendar ledger ------------------------------------------------------------------- */

static const struct ledger_header calendar_headers[] = {
    {CAL_DAY, "日期"},  {CAL_KIND, "类型"}, {CAL_KIND, "安排"},       {CAL_NAME, "名称"},
    {CAL_NAME, "节日"}, {CAL_NAME, "说明"}, {LEDGER_IGNORED, "序号"},
};

static const int calendar_required[] = {CAL_DAY, CAL_KIND};

/* The most characters per column, as the calendar form takes them. */
static const unsigned short calendar_max[CAL_COUNT] = {
    [CAL_DAY] = DATE_TEXT_MAX, [CAL_KIND] = 4, [CAL_NAME] = 40};

const struct ledger_schema ledger_calendar = {calendar_headers,
                                              ARRAY_LEN(calendar_headers),
                                              CAL_COUNT,
                                              calendar_required,
                                              ARRAY_LEN(calendar_required),
                                              NULL,
                                              0,
                                              calendar_max};

/* 放假 / 休息 / 节假日 -> 0; 上班 / 调休上班 / 补班 / 工作日 -> 1; else -1. */
static int calendar_kind(const char *text)
{
    static const char *const rest[] = {"放假", "休息", "节假日", "假日", "休", "holiday"};
    static const char *const work[] = {"上班", "调休上班", "补班", "工作日", "班", "workday"};
    char *t = text_normalize(text, TEXT_NORM_NOSPACE);
    int kind = -1;
    for (size_t i = 0; i < ARRAY_LEN(rest); i++)
        if (str_eq(t, rest[i])) kind = 0;
    for (size_t i = 0; i < ARRAY_LEN(work); i++)
        if (str_eq(t, work[i])) kind = 1;
    free(t);
    return kind;
}

int calendar_row_check(const struct ledger *l, const struct ledger_row *row, struct calendar_day *d,
                       struct ledger_problems *p)
{
    size_t before = p->n;
    record_init(&calendar_day_record, d);
    /* A range as the year's form takes it (2027-02-06..2027-02-12): a ledger holds a day a row. */
    const char *day = ledger_value_of(l, row, CAL_DAY);
    if (strstr(day, "..") || strstr(day, "~") || strstr(day, "至")) {
        ledger_problem_add(p, row->line, ledger_column_header(l, CAL_DAY),
                           xasprintf(_("%s: a ledger holds one day a row: write each day of it "
                                       "on a row of its own, or type the range in 录入全年日历 "
                                       "(服务清单, 工作日历, F9)"),
                                     day));
        return (int)(p->n - before);
    }
    if (ledger_row_shape(l, row, p)) return (int)(p->n - before);
    struct date when;
    char iso[11];
    int rc = date_parse_cell(day, &when);
    if (rc != DATE_OK)
        ledger_problem_add(p, row->line, ledger_column_header(l, CAL_DAY), date_problem(day, rc));
    else
        record_set(&d->day, date_format(&when, iso));
    int kind = calendar_kind(ledger_value_of(l, row, CAL_KIND));
    if (kind < 0)
        ledger_problem_add(
            p, row->line, ledger_column_header(l, CAL_KIND),
            xasprintf(_("\"%s\" is neither 放假 nor 上班"), ledger_value_of(l, row, CAL_KIND)));
    d->working = kind == 1;
    ledger_row_take(l, row, CAL_NAME, 0, &d->name, p);
    return (int)(p->n - before);
}

int workcal_last_year(const struct workcal *c)
{
    return c->n ? workcal_date_of_number(c->days[c->n - 1]).year : 0;
}

int workcal_weekday(int32_t n)
{
    return (int)(((n % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
}

/* The index of the day d in days[0..n) (in order of day), or -1. */
static long day_find(const struct calendar_day *days, size_t n, const char *d)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(days[mid].day, d);
        if (!c) return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

size_t workcal_range_replaces(const struct calendar_day *days, size_t n, struct date from,
                              struct date to, int working, const char *name, const char *weekend,
                              long *first, int *idle)
{
    size_t changed = 0;
    int plain_weekdays = working;
    *first = -1;
    for (int32_t k = workcal_day_number(from); k <= workcal_day_number(to); k++) {
        struct date d = workcal_date_of_number(k);
        char iso[11];
        long at = day_find(days, n, date_format(&d, iso));
        int weekday = workcal_weekday(k) != 0 && workcal_weekday(k) != 6;
        if (at >= 0 || !weekday) plain_weekdays = 0;
        if (at < 0) continue;
        const struct calendar_day *was = &days[at];
        if (!was->working && str_eq(was->name, weekend)) continue;
        if (was->working == working && str_eq(was->name, name)) continue;
        if (*first < 0) *first = at;
        changed++;
    }
    *idle = plain_weekdays;
    return changed;
}

/* The first of "..", "~", "～", "至", "到" in s, its length in *n, or NULL. */
static const char *range_separator(const char *s, size_t *n)
{
    static const char *const seps[] = {"..", "~", "～", "至", "到"};
    const char *best = NULL;
    for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
        const char *at = strstr(s, seps[i]);
        if (at && (!best || at < best)) {
            best = at;
            *n = strlen(seps[i]);
        }
    }
    return best;
}

const char *workcal_parse_range(const char *text, struct date *from, struct date *to, int *working,
                                char **name)
{
    *name = NULL;
    char *impossible = NULL; /* a date of the right shape but no such day (2027-02-30) */
    char *line = text_normalize(text, 0); /* as an IME types it: ２０２７－１０－０１　休 */
    struct strlist words = STRLIST_INIT;
    for (char *w = strtok(line, " \t"); w; w = strtok(NULL, " \t"))
        strlist_add(&words, w);
    const char *why = NULL;
    if (words.n < 2) {
        why = _("write a date or two, then 休 or 班: 2027-10-01..2027-10-07 休 国庆节");
        goto out;
    }
    size_t n = 0;
    const char *sep = range_separator(words.v[0], &n);
    char *first = sep ? xstrndup(words.v[0], (size_t)(sep - words.v[0])) : xstrdup(words.v[0]);
    const char *last = sep ? sep + n : first;
    int rf = date_parse(first, from), rl = date_parse(last, to);
    int bad = rf != DATE_OK || rl != DATE_OK;
    if (rf != DATE_NOT_A_DATE && rl != DATE_NOT_A_DATE)
        impossible = rf == DATE_IMPOSSIBLE   ? xstrdup(first)
                     : rl == DATE_IMPOSSIBLE ? xstrdup(last)
                                             : NULL;
    free(first);
    int32_t a = bad ? 0 : workcal_day_number(*from), b = bad ? 0 : workcal_day_number(*to);
    int kind = calendar_kind(words.v[1]);
    if (impossible) {
        static char said[160]; /* the one reason not a fixed text: kept until the next call */
        char *problem = date_problem(impossible, DATE_IMPOSSIBLE);
        snprintf(said, sizeof said, "%s", problem);
        free(problem);
        why = said;
    } else if (bad)
        why = _("the dates are not dates such as 2027-10-01 or 2027-10-01..2027-10-07");
    else if (b < a)
        why = _("the range ends before it starts");
    else if (b - a >= WORKCAL_RANGE_MAX)
        why = _("a range holds at most 31 days");
    else if (kind < 0)
        why = _("after the dates write 休 (a holiday) or 班 (a day worked)");
    if (why) goto out;
    *working = kind;
    struct strlist rest = {words.v + 2, words.n - 2, 0};
    *name = strlist_join(&rest, " ");
    why = validate_line(*name);
    /* Digits in the name are another range run on (lines joined): one range a line. */
    if (!why && strpbrk(*name, "0123456789"))
        why = _("the name holds digits: write one range a line");
    if (why) {
        free(*name);
        *name = NULL;
    }
out:
    free(impossible);
    strlist_free(&words);
    free(line);
    return why;
}
