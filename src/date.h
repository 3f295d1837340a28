/*
** date: calendar dates as people type them and ledgers hold them. Stored
** as ISO YYYY-MM-DD (GB/T 7408).
*/
#ifndef BANGBAN_DATE_H
#define BANGBAN_DATE_H

#include <time.h>

struct date {
    int year, month, day;
};

/* date_parse() results. */
/* The most characters a ledger's date cell may hold: a date and a time, 2024年12月31日 23:59:59. */
#define DATE_TEXT_MAX 20

#define DATE_OK         0
#define DATE_NOT_A_DATE (-1) /* not in any date format */
#define DATE_IMPOSSIBLE (-2) /* the shape of a date, but no such day (2月30日) */

/*
** Parse 2024-05-06, 2024/5/6, 2024.5.6, 20240506 or 2024年5月6日 (full-width
** digits allowed). Returns DATE_OK with *d set, or an error above.
*/
int date_parse(const char *s, struct date *d);

/*
** As date_parse(), for a ledger's cell: a time of day after the date
** (2024/5/6 14:36, 2024-05-06T00:00:00: an Excel date-and-time cell) is
** passed over.
*/
int date_parse_cell(const char *s, struct date *d);

/*
** Why text is no date, once date_parse() or date_parse_cell() gave rc (an
** error): "\"TEXT\" is not a date", or for the shape of a date "there is no
** such day as TEXT". Translated; caller frees.
*/
char *date_problem(const char *text, int rc);

/*
** Where the date ends in s when s is a date and a time of day (H:MM or
** HH:MM:SS, after a space or T): the date's length, with *minute (may be
** NULL) the minute of the day the time names (its seconds passed over);
** -1 when s ends in no such time.
*/
int date_time_at(const char *s, int *minute);

/* True when y-m-d is a day of the Gregorian calendar. */
int date_valid(int y, int m, int d);

/* "YYYY-MM-DD" into out (11 bytes); returns out. */
char *date_format(const struct date *d, char *out);

/* Whole years of age on the local day of now. */
int date_age(const struct date *birth, time_t now);

/* <0, 0, >0 as a is before, on or after b. */
int date_cmp(const struct date *a, const struct date *b);

/* The local date of t (each thread keeps its last answer: set the time zone before asking). */
struct date date_of(time_t t);

#endif
