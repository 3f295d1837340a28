/*
** hours_report_store: the service hours that count, summed for reports.
** Every query counts a record by the one rule: confirmed, and its notice
** period over on today (confirmed_at <> '' AND counts_from <= today).
** SQL and nothing else; src/hours_sums.h sums the records, app/hours_report.h
** makes the tables people read.
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

/* What the period's sums are reckoned per. */
enum hours_group {
    HOURS_BY_TEAM,     /* the activity's team */
    HOURS_BY_CATEGORY, /* the activity's service category; 0 for none */
};

/* One counted record, as the sums read it. */
struct hours_report_record {
    int64_t group, activity, volunteer, minutes;
};

/*
** Call visit with each record counted on today (see above) of the
** activities that ran from .. to (YYYY-MM-DD, both included), served in
** that period, in no set order; group is the activity's team or category
** (0 for none) as `by` says. DB_OK or an error.
*/
int hours_report_records_each(struct db *db, enum hours_group by, const char *from, const char *to,
                              const char *today,
                              void (*visit)(void *ctx, const struct hours_report_record *r),
                              void *ctx);

/*
** Call visit with every team (by its place in the tree: the association,
** then each team and its groups) or every service category (by its
** order), as `by` says; name is borrowed for the call. DB_OK or an error.
*/
int hours_report_groups_each(struct db *db, enum hours_group by,
                             void (*visit)(void *ctx, int64_t id, const char *name), void *ctx);

#endif
