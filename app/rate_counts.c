/*
** rate_counts: see rate_counts.h.
*/
#include "app/rate_counts.h"
#include "db/request_store.h"
#include "src/clock.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

static void count_one(void *ctx, const struct rate_row *r)
{
    rate_tally_add(ctx, r);
}

int rate_counts_gather(struct db *db, enum rate_group group, time_t from, time_t to,
                       struct rate_counts **units, size_t *n, struct rate_counts *overall)
{
    struct rate_tally t;
    rate_tally_init(&t, group, clock_now());
    int rc = request_rate_rows(db, from, to, group, 0, count_one, &t);
    if (rc != DB_OK) {
        rate_tally_free(&t);
        *units = NULL;
        *n = 0;
        return rc;
    }
    rate_tally_finish(&t, units, n, overall);
    return DB_OK;
}

/* Tallies of each month, filled by the rows of the whole span. */
struct month_tallies {
    const time_t *starts;
    size_t n;
    struct rate_tally *t;
};

static void count_in_month(void *ctx, const struct rate_row *r)
{
    struct month_tallies *m = ctx;
    size_t lo = 0, hi = m->n; /* starts[lo] <= created_at < starts[hi] */
    if (r->created_at < m->starts[0] || r->created_at >= m->starts[m->n]) return;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (m->starts[mid] <= r->created_at)
            lo = mid;
        else
            hi = mid;
    }
    rate_tally_add(&m->t[lo], r);
}

int rate_series_gather(struct db *db, enum rate_group group, time_t end, size_t n,
                       struct rate_series *s)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    s->starts = xcalloc(n + 1, sizeof *s->starts);
    rates_months(end, n, s->starts);
    struct month_tallies m = {s->starts, n, xcalloc(n + 1, sizeof *m.t)};
    time_t now = clock_now();
    for (size_t i = 0; i < n; i++)
        rate_tally_init(&m.t[i], group, now);
    int rc = request_rate_rows(db, s->starts[0], s->starts[n], group, 1, count_in_month, &m);
    if (rc == DB_OK) s->months = xcalloc(n + 1, sizeof *s->months);
    for (size_t i = 0; i < n; i++) {
        if (rc == DB_OK)
            rate_tally_finish(&m.t[i], &s->months[i].rows, &s->months[i].n, &s->months[i].overall);
        else
            rate_tally_free(&m.t[i]);
    }
    free(m.t);
    if (rc != DB_OK) rate_series_free(s);
    return rc;
}

void rate_series_of(const struct rate_series *s, int64_t id, int district, struct rate_counts *out)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct rate_month *m = &s->months[i];
        const struct rate_counts *c = district ? &m->overall : NULL;
        for (size_t k = 0; !c && k < m->n; k++)
            if (m->rows[k].unit_id == id) c = &m->rows[k];
        memset(&out[i], 0, sizeof out[i]);
        if (c) rates_add(&out[i], c);
        out[i].unit_id = id;
    }
}

void rate_series_free(struct rate_series *s)
{
    for (size_t i = 0; s->months && i < s->n; i++) {
        for (size_t k = 0; k < s->months[i].n; k++)
            rate_counts_free(&s->months[i].rows[k]);
        free(s->months[i].rows);
        rate_counts_free(&s->months[i].overall);
    }
    free(s->months);
    free(s->starts);
    memset(s, 0, sizeof *s);
}
