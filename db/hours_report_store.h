/*
** hours_report_store: the service hours that count, summed for reports.
** Every query counts a record by the one rule: confirmed, and its notice
** period over on today (confirmed_at <> '' AND counts_from <= today).
** SQL and nothing else; app/hours_report.h makes the tables people read.
*/
#ifndef BANGBAN_HOURS_REPORT_STORE_H
#define BANGBAN_HOURS_REPORT_STORE_H

#include <stdint.h>

#include "db/db.h"

/* One counted record of a volunteer, as the detail report lists it (text borrowed for the call). */
struct hours_report_line {
    const char *day, *activity, *team, *sign_in, *sign_out, *confirmed_by, *late_reason, *request;
    int minutes;
};

/*
** Call visit with each counted record of volunteer_id served from .. to
** (YYYY-MM-DD, both included), by day and sign-in; *pending gets the
** minutes of the period recorded but not counting yet (unconfirmed, or
** still on notice). DB_OK or an error.
*/
int hours_report_volunteer_lines(struct db *db, int64_t volunteer_id, const char *from,
                                 const char *to, const char *today,
                                 void (*visit)(void *ctx, const struct hours_report_line *l),
                                 void *ctx, int64_t *pending);

/* A group's sums over a period: a team's or a service category's. */
struct hours_report_sum {
    const char *name; /* borrowed for the call */
    int64_t activities, times, volunteers, minutes;
};

/*
** Call visit for each team (by its place in the tree: the association, then
** each team and its groups) with activities whose counted records fall in
** from .. to: the activities, 人次 (records), volunteers and minutes.
** DB_OK or an error.
*/
int hours_report_teams_each(struct db *db, const char *from, const char *to, const char *today,
                            void (*visit)(void *ctx, const struct hours_report_sum *s), void *ctx);

/* The same for each service category (activities without one as ""), by the category's order. */
int hours_report_categories_each(struct db *db, const char *from, const char *to, const char *today,
                                 void (*visit)(void *ctx, const struct hours_report_sum *s),
                                 void *ctx);

#endif
