/*
** rate_counts: the counts behind the rates (src/rates.h) for a period,
** gathered in one pass over the period's requests (db/request_store.h),
** per unit, community or street; and the same month by month, for charts.
*/
#ifndef BANGBAN_RATE_COUNTS_H
#define BANGBAN_RATE_COUNTS_H

#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "src/rates.h"

/*
** The counts of the requests taken down in [from, to): one row per unit,
** community or street (as group says) in *units (n of them; id 0: none),
** the district in *overall. A response not yet made whose limit is still to
** come by the program's clock (clock_now()) is awaited: not in 响应率.
** Returns DB_OK (caller frees each row with
** rate_counts_free(), the array, and *overall), or the store's error (then
** nothing is handed over).
*/
int rate_counts_gather(struct db *db, enum rate_group group, time_t from, time_t to,
                       struct rate_counts **units, size_t *n, struct rate_counts *overall);

/* The counts of one month: per group (as rate_counts_gather()) and the district's. */
struct rate_month {
    struct rate_counts *rows;
    size_t n;
    struct rate_counts overall;
};

/* The counts month by month over the n months ending with the one that holds end - 1. */
struct rate_series {
    size_t n;
    time_t *starts; /* n + 1: each month's first instant, then the next month's */
    struct rate_month *months;
};

/*
** Gather s (one pass over the span's requests, grouped as group says).
** Returns DB_OK (caller frees with rate_series_free()), or the store's
** error (s is then empty).
*/
int rate_series_gather(struct db *db, enum rate_group group, time_t end, size_t n,
                       struct rate_series *s);

/*
** The counts of the group with id in each month of s into out[0..s->n-1]
** (zero in months without any; names not set: free nothing), or the
** district's when district is set.
*/
void rate_series_of(const struct rate_series *s, int64_t id, int district, struct rate_counts *out);

void rate_series_free(struct rate_series *s);

#endif
