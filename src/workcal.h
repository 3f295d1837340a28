/*
** workcal: the working-day calendar that deadlines run on. Monday to
** Friday are working days and weekends are not, except the days the
** calendar names: public holidays (not worked) and the weekend days worked
** in exchange (调休). A working day runs from start to end (default
** 09:00-17:00). Deadlines:
**   in working minutes  counted inside working hours only (签收 limits);
**   in working days     the end of the Nth working day after the day it
**                       starts (办结 limits: 3 working days from a Monday
**                       签收 end on Thursday at 17:00);
**   the next working day  the follow-up call (回访) is due by its end.
** All times are local. No SQL here: db/ loads the days into a workcal.
*/
#ifndef BANGBAN_WORKCAL_H
#define BANGBAN_WORKCAL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "date.h"
#include "ledger.h"
#include "record.h"

/* A day the calendar names: a holiday, or a weekend day worked (调休). */
struct calendar_day {
    char *day;   /* YYYY-MM-DD */
    int working; /* 0 holiday, 1 a weekend day worked (调休) */
    char *name;  /* 春节, 国庆节调休 ... */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

/* The fields of a calendar day (record.h). */
extern const struct record_type calendar_day_record;

/* The calendar ledger: 日期, 类型 (放假 / 上班), 名称: a holiday or a 调休 working day a row. */
enum calendar_field { CAL_DAY, CAL_KIND, CAL_NAME, CAL_COUNT };
extern const struct ledger_schema ledger_calendar;

/*
** Check a calendar row and turn it into a day (d initialised here; free
** with record_free()): its date, whether it is worked (放假 / 休息 or 上班
** / 补班 ...), its name. Returns the number of problems added (0: good).
*/
int calendar_row_check(const struct ledger *l, const struct ledger_row *row, struct calendar_day *d,
                       struct ledger_problems *p);

/*
** A line a clerk types to enter holidays and 调休 days quickly:
** "2027-10-01..2027-10-07 休 国庆节" or "2027-10-09 班 国庆节调休" (the range
** also written with ~ ～ 至 or 到; 休 / 放假 / 休息, 班 / 上班 / 补班; the name
** may be left out). Fills *from, *to (from <= to, at most
** WORKCAL_RANGE_MAX days), *working and *name (caller frees). Returns
** NULL, or why the line is not one (translated; nothing to free; valid
** until the next call).
*/
#define WORKCAL_RANGE_MAX 31
const char *workcal_parse_range(const char *text, struct date *from, struct date *to, int *working,
                                char **name);

/* 0 Sunday .. 6 Saturday for day number n (workcal_day_number()). */
int workcal_weekday(int32_t n);

/*
** What recording from..to as working (or not) named name would do to the
** days recorded, days[0..n) in order of day: returns how many of them it
** changes, other than rest days named weekend (the year's weekends filled
** first, which holidays and days worked replace as they should); *first
** gets the index of the first such (-1 none). *idle gets 1 when it asks
** working days of Monday to Friday that none recorded: nothing changes.
*/
size_t workcal_range_replaces(const struct calendar_day *days, size_t n, struct date from,
                              struct date to, int working, const char *name, const char *weekend,
                              long *first, int *idle);

struct workcal {
    int32_t *days; /* day numbers (days since 1970-01-01) that break the rule, sorted */
    size_t n, cap;
    unsigned char *odd; /* one per day from days[0] to days[n - 1], 1 when it breaks the rule;
                           NULL until workcal_index() */
    int start, end;     /* working hours, minutes after midnight */
};

/* An empty calendar (weekends off, no holidays) with hours 09:00-17:00. Free with workcal_free().
 */
void workcal_init(struct workcal *c);
void workcal_free(struct workcal *c);

/*
** Set the working hours from text such as "09:00-17:00" (or "9:00-17:30").
** Returns 0, -1 when the text is not two times of a day, or -2 when it is
** but the first is not before the second.
*/
int workcal_set_hours(struct workcal *c, const char *text);

/*
** Name a day that breaks the rule: a holiday (working 0) on a weekday or a
** 调休 working day (working 1) on a weekend. A day that keeps the rule
** (a holiday on a Sunday) is accepted and changes nothing.
*/
void workcal_mark(struct workcal *c, struct date d, int working);

/*
** After the days are marked: the day-by-day table the look-ups read, so
** deadlines computed millions of times do not search. (Without it they
** search the marked days: right, and slower.)
*/
void workcal_index(struct workcal *c);

/* True when d is a working day. */
int workcal_is_working(const struct workcal *c, struct date d);

/* The last year c holds days of (its holidays were entered), or 0 when it holds none. */
int workcal_last_year(const struct workcal *c);

/* Working minutes in one working day (end - start). */
int workcal_day_minutes(const struct workcal *c);

/*
** The moment `minutes` working minutes after from: time outside working
** hours does not count. Deadlines are to the minute: the seconds of from
** are dropped. minutes <= 0 returns from moved to the next working moment.
*/
time_t workcal_add_minutes(const struct workcal *c, time_t from, long minutes);

/* The end of working hours on the days-th working day after from's day (days >= 1). */
time_t workcal_add_days(const struct workcal *c, time_t from, int days);

/* Working minutes from a to b (0 when b <= a). */
long workcal_minutes_between(const struct workcal *c, time_t a, time_t b);

/* Day number of a date (days since 1970-01-01) and back. */
int32_t workcal_day_number(struct date d);
struct date workcal_date_of_number(int32_t n);

#endif
