/*
** hours_report: the volunteer hours reports as people read them, on the
** screen, on stdout and as CSV or an Excel workbook: a volunteer's detail
** for a period (each counted record: day, activity, times, minutes,
** hours, who confirmed it, why it was entered late; then the totals by
** year and in all), the teams of a period (activities, 人次, volunteers,
** hours) and the service categories of a period. Only hours that count are
** summed — confirmed, and past their notice period on today — and each
** report says so, with the hours of the period not counting yet.
*/
#ifndef BANGBAN_HOURS_REPORT_H
#define BANGBAN_HOURS_REPORT_H

#include <stddef.h>

#include "db/db.h"
#include "src/sheet.h"

/* A report as a table: a title, what it counts, a header and rows of text cells. */
struct hours_table {
    char *title;
    char *note; /* what counts, and what does not yet */
    size_t ncols, nrows;
    const char *const *head; /* msgids, ncols of them */
    const int *width;        /* display columns of each column on screen */
    unsigned right;          /* bit i set: column i is a number, right-aligned */
    char **cells;            /* nrows * ncols, owned */
};

void hours_table_free(struct hours_table *t);

/*
** Volunteer number's counted records served from .. to (YYYY-MM-DD) on
** today, and the totals by year, into *t (free with hours_table_free()).
** DB_OK, DB_NOTFOUND with *err (caller frees) when no volunteer has that
** number, or an error with *err.
*/
int hours_report_volunteer(struct db *db, const char *number, const char *from, const char *to,
                           const char *today, struct hours_table *t, char **err);

/*
** Each team's counted hours served from .. to, and a total row; period is
** how the title names it ("2026-03"). DB_OK or an error with *err.
*/
int hours_report_teams(struct db *db, const char *from, const char *to, const char *period,
                       const char *today, struct hours_table *t, char **err);

/* The same by service category. */
int hours_report_categories(struct db *db, const char *from, const char *to, const char *period,
                            const char *today, struct hours_table *t, char **err);

/*
** The volunteers whose counted hours on today reach a star level they do
** not hold (db/star_store.h stars_due()), by volunteer number, into *t.
** DB_OK or an error with *err (caller frees).
*/
int hours_report_stars_due(struct db *db, const char *today, struct hours_table *t, char **err);

/* A period a report covers: a month or a year. */
struct hours_period {
    char from[11], to[11]; /* YYYY-MM-DD, both included */
    char name[8];          /* "2026-03" or "2026" */
    int year;              /* 1: a whole year */
};

/*
** A month ("2026-03", "2026-3") or a year ("2026") as typed into *p.
** 0, or -1 when it is neither.
*/
int hours_period_parse(const char *text, struct hours_period *p);

/*
** The table as lines of text, each fitted to its columns: 76 in all, what
** the text screen shows unwrapped at 80 columns. Caller frees.
*/
char *hours_table_text(const struct hours_table *t);

/*
** Write the table to path as CSV (codec) or a workbook (format): the
** header and the rows, the title and note as the first rows. 0, or -1
** with *err (caller frees); nothing is left at path on failure.
*/
int hours_table_write(const struct hours_table *t, const char *path, enum sheet_format format,
                      enum codec codec, char **err);

#endif
