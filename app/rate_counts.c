/*
** rate_counts: see rate_counts.h.
*/
#include "app/rate_counts.h"
#include "db/request_store.h"

static void count_one(void *ctx, const struct rate_row *r)
{
    rate_tally_add(ctx, r);
}

int rate_counts_gather(struct db *db, time_t from, time_t to, struct rate_counts **units, size_t *n,
                       struct rate_counts *overall)
{
    struct rate_tally t;
    rate_tally_init(&t);
    int rc = request_rate_rows(db, from, to, count_one, &t);
    if (rc != DB_OK) {
        rate_tally_free(&t);
        *units = NULL;
        *n = 0;
        return rc;
    }
    rate_tally_finish(&t, units, n, overall);
    return DB_OK;
}
