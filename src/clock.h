/*
** clock: what time it is. Tests pin the time with BANGBAN_NOW
** ("2026-03-02 09:30" or "2026-03-02 09:30:00", local time).
*/
#ifndef BANGBAN_CLOCK_H
#define BANGBAN_CLOCK_H

#include <time.h>

/* The current time: BANGBAN_NOW when set and valid, else time(NULL). */
time_t clock_now(void);

/* Milliseconds of the monotonic clock since *start (read with clock_gettime(CLOCK_MONOTONIC)). */
long clock_ms_since(const struct timespec *start);

/*
** Parse "YYYY-MM-DD HH:MM[:SS]" (a 'T' may stand for the space) or
** "YYYY-MM-DD" as local time. Returns 0 and sets *t, or -1.
*/
int clock_parse(const char *s, time_t *t);

/*
** A date as people type it (1990-03-07, 1990/3/7, 19900307: date_parse())
** as the local midnight it starts. Returns 0 and sets *t, or -1.
*/
int clock_day_parse(const char *text, time_t *t);

/* Local time t as "YYYY-MM-DD HH:MM:SS" in buf (at least 20 bytes); returns buf. */
char *clock_format(time_t t, char *buf);

/* Today by the program's clock (clock_now()) as YYYY-MM-DD into buf[11]; returns buf. */
char *clock_today(char *buf);

/* Local time t as "YYYY-MM-DD HH:MM" in buf (at least 17 bytes); returns buf. */
char *clock_format_minute(time_t t, char *buf);

#endif
