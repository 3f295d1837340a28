/*
** requestbench: the call platform at district scale, on a database holding
** years of generated requests (bangban demo --requests N):
**
**   queues    every queue a desk opens (the rows a screen shows, their
**             count, and their warnings), and the longest open one in each
**             sort order, beside the same query forced to scan the table
**             (NOT INDEXED): the machine's floor without the indexes;
**   saving    a request taken down and dispatched, then signed for (as the demo's
**             admin, each step with its audit row): each one
**             write transaction (synchronous=FULL), beside an empty write
**             transaction of the same connection;
**   worklist  a building chief's worklist (their buildings' requests: open,
**             overdue, to tell back, all), each tab as it opens;
**   rates     the rate counts over the last year per unit, community and
**             street, the twelve months' series behind a chart, and the
**             home screen's four weeks of daily intake and overdue counts,
**             beside a plain scan of the year's requests.
**
**   requestbench DB [ROUNDS]
*/
#include "tests/bench/bench.h"

#include "app/rate_counts.h"
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "db/db.h"
#include "db/request_store.h"
#include "src/clock.h"
#include "src/pinyin.h"
#include "src/util.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static void report(const char *what, double *v, int n, double target)
{
    double p50, p99;
    bench_percentiles(v, n, &p50, &p99);
    if (target > 0)
        printf("  %-40s p50 %7.2f ms  p99 %7.2f ms  (n=%d, target p99 <= %.0f ms: %s)\n", what, p50,
               p99, n, target, p99 <= target ? "met" : "NOT MET");
    else
        printf("  %-40s p50 %7.2f ms  p99 %7.2f ms  (n=%d)\n", what, p50, p99, n);
}

/* One queue as the screen opens it: rows, count, calendar, warnings. Returns the rows. */
static size_t queue_open(struct db *db, enum request_queue q, enum request_sort s, time_t now)
{
    struct request_filter f = {.level = -1, .text = "", .actor = "qiantai1", .now = now};
    struct request_list l;
    if (request_queue(db, q, &f, s, 500, &l) != DB_OK) die("queue failed");
    struct workcal cal;
    calendar_load(db, &cal);
    unsigned flags = 0;
    for (size_t i = 0; i < l.n; i++)
        flags |= workflow_flags(&l.items[i], now, l.items[i].updated_at, &cal);
    workcal_free(&cal);
    size_t n = l.n;
    request_list_free(&l);
    return n + (flags & 0);
}

/* A building chief's worklist as it opens: one tab of their buildings' requests. */
static size_t worklist_open(struct db *db, enum request_queue q, time_t now)
{
    struct request_filter f = {
        .level = -1, .text = "", .actor = "chief", .scope_of = "chief", .now = now};
    struct request_list l;
    if (request_queue(db, q, &f, q == QUEUE_ALL ? SORT_NEWEST : SORT_DUE, 500, &l) != DB_OK)
        die("worklist failed");
    struct workcal cal;
    calendar_load(db, &cal);
    unsigned flags = 0;
    for (size_t i = 0; i < l.n; i++)
        flags |= workflow_flags(&l.items[i], now, l.items[i].updated_at, &cal);
    workcal_free(&cal);
    size_t n = l.n;
    request_list_free(&l);
    return n + (flags & 0);
}

/* What typing text in queue q's search line reads: its rows and how many there are. */
static size_t queue_find(struct db *db, enum request_queue q, const char *text, time_t now)
{
    struct request_filter f = {.level = -1, .text = text, .actor = "qiantai1", .now = now};
    struct request_list l;
    if (request_queue(db, q, &f, q == QUEUE_ALL ? SORT_NEWEST : SORT_DUE, 500, &l) != DB_OK)
        die("search failed");
    size_t n = l.n;
    request_list_free(&l);
    return n;
}

/* The same rows by a scan of the whole table, for comparison. */
static void queue_scan(struct db *db, const char *where, time_t now)
{
    char *sql =
        xasprintf("SELECT * FROM request NOT INDEXED WHERE %s ORDER BY due LIMIT 500", where);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    (void)now;
    while (db_step(st) == DB_ROW)
        ;
    db_finalize(st);
}

/* One rates report over [from, now) grouped by g, gathered and written: its time in ms. */
static double rates_once(struct db *db, enum rate_group g, time_t from, time_t now)
{
    struct rate_counts *units, overall;
    size_t n;
    double t0 = bench_now_ms();
    if (rate_counts_gather(db, g, from, now, &units, &n, &overall) != DB_OK) die("rates failed");
    char *text = rates_report(units, n, &overall, g, 1, 5, "", 0);
    double ms = bench_now_ms() - t0;
    free(text);
    for (size_t k = 0; k < n; k++)
        rate_counts_free(&units[k]);
    free(units);
    rate_counts_free(&overall);
    return ms;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: requestbench DB [ROUNDS]\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    int rounds = argc > 2 ? atoi(argv[2]) : 30;
    struct db *db;
    char *err;
    if (db_open(argv[1], 0, &db, &err) != DB_OK) {
        fprintf(stderr, "requestbench: %s\n", err);
        return 1;
    }
    time_t now = clock_now();
    int64_t all, open, overdue;
    request_counts(db, &all, &open, &overdue, now);
    printf("requests: %lld in the database, %lld open, %lld overdue\n", (long long)all,
           (long long)open, (long long)overdue);

    printf("queues (rows shown, count, warnings), %d opens each:\n", rounds);
    double *t = xcalloc((size_t)rounds * QUEUE_COUNT, sizeof *t);
    double worst = 0;
    int worst_q = 0;
    for (int q = 0; q < QUEUE_COUNT; q++) {
        size_t rows = 0;
        double *tq = t + q * rounds;
        for (int i = 0; i < rounds; i++) {
            double t0 = bench_now_ms();
            rows = queue_open(db, (enum request_queue)q,
                              q == QUEUE_ALL || q == QUEUE_MINE ? SORT_NEWEST : SORT_DUE, now);
            tq[i] = bench_now_ms() - t0;
        }
        char what[80];
        snprintf(what, sizeof what, "%s (%zu rows)", request_queue_label((enum request_queue)q),
                 rows);
        double copy[1024];
        memcpy(copy, tq, (size_t)rounds * sizeof *copy);
        double p50, p99;
        bench_percentiles(copy, rounds, &p50, &p99);
        if (p99 > worst) worst = p99, worst_q = q;
        report(what, tq, rounds, 0);
    }
    report("every queue together", t, rounds * QUEUE_COUNT, 50);
    printf("  slowest: %s\n", request_queue_label((enum request_queue)worst_q));
    for (int s = SORT_NEWEST; s < SORT_COUNT; s++) {
        for (int i = 0; i < rounds; i++) {
            double t0 = bench_now_ms();
            queue_open(db, QUEUE_HANDLING, (enum request_sort)s, now);
            t[i] = bench_now_ms() - t0;
        }
        char what[80];
        snprintf(what, sizeof what, "in hand, %s", request_sort_label((enum request_sort)s));
        report(what, t, rounds, 50);
    }
    /* A search typed: a number's or a phone's last digits, a name, pinyin, in the open work and in
     * every request (the count of the latter is what a queue says is elsewhere). */
    static const char *const typed[] = {"0421", "5678", "zhangw", "张伟", "王"};
    for (size_t k = 0; k < ARRAY_LEN(typed); k++)
        for (int q = 0; q < QUEUE_COUNT; q += QUEUE_COUNT - 1) {
            size_t rows = 0;
            for (int i = 0; i < rounds / 3 + 1; i++) {
                double t0 = bench_now_ms();
                rows = queue_find(db, (enum request_queue)q, typed[k], now);
                t[i] = bench_now_ms() - t0;
            }
            char what[96];
            snprintf(what, sizeof what, "search %s for '%s' (%zu rows)",
                     request_queue_label((enum request_queue)q), typed[k], rows);
            report(what, t, rounds / 3 + 1, 0);
        }
    for (int i = 0; i < rounds / 3 + 1; i++) {
        double t0 = bench_now_ms();
        queue_scan(db, "status IN ('accepted', 'in_progress', 'suspended', 'reopened')", now);
        t[i] = bench_now_ms() - t0;
    }
    report("machine: the in-hand queue by a table scan", t, rounds / 3 + 1, 0);

    /* A building chief's worklist: their buildings' open, overdue, to tell back, all. */
    static const enum request_queue worklist[] = {QUEUE_OPEN, QUEUE_OVERDUE, QUEUE_TELL_BACK,
                                                  QUEUE_ALL};
    double *w = xcalloc((size_t)rounds * ARRAY_LEN(worklist), sizeof *w);
    size_t shown = 0;
    for (int i = 0; i < rounds; i++)
        for (size_t k = 0; k < ARRAY_LEN(worklist); k++) {
            double t0 = bench_now_ms();
            shown = worklist_open(db, worklist[k], now);
            w[i * (int)ARRAY_LEN(worklist) + (int)k] = bench_now_ms() - t0;
        }
    char tabs[64];
    snprintf(tabs, sizeof tabs, "a chief's worklist, each tab (%zu in All)", shown);
    report(tabs, w, rounds * (int)ARRAY_LEN(worklist), 50);
    free(w);

    /* Saving: take requests down and dispatch them, then sign for them. */
    struct service_item it;
    if (item_get_by_code(db, "HB001", &it) != DB_OK) die("no item HB001");
    int saves = rounds * 5;
    double *create = xcalloc((size_t)saves, sizeof *create),
           *act = xcalloc((size_t)saves, sizeof *act);
    double *empty = xcalloc((size_t)saves, sizeof *empty);
    for (int i = 0; i < saves; i++) {
        struct request r;
        request_init(&r);
        record_set(&r.channel, "desk");
        record_set(&r.kind, "help");
        record_set(&r.category, it.category);
        r.item_id = it.id;
        r.unit_id = it.unit_id;
        r.requester_kind = REQUESTER_ANONYMOUS;
        record_set(&r.requester, "测试");
        record_set(&r.title, "性能测试");
        r.accept_minutes = it.accept_minutes;
        r.resolve_amount = it.resolve_amount;
        const char *why;
        double t0 = bench_now_ms();
        if (request_create(db, &r, RA_DISPATCH, NULL, "admin", now, &why) != DB_OK)
            die("create failed");
        create[i] = bench_now_ms() - t0;
        t0 = bench_now_ms();
        if (request_act(db, &r, RA_ACCEPT, NULL, "admin", now, &why, NULL, NULL) != DB_OK)
            die("accept failed");
        act[i] = bench_now_ms() - t0;
        request_free(&r);
        t0 = bench_now_ms();
        db_write_begin(db);
        db_commit(db);
        empty[i] = bench_now_ms() - t0;
    }
    service_item_free(&it);
    printf("saving (each a write transaction, synchronous=FULL):\n");
    report("take down and dispatch a request", create, saves, 50);
    report("sign for it", act, saves, 50);
    report("machine: an empty write transaction", empty, saves, 0);

    /*
    ** Rates over the last year. The rounds take each figure in turn (each
    ** grouping, the series, the home's counts, the scan), so that a slow
    ** spell of the machine falls on all of them alike, not on one grouping.
    */
    time_t from = now - 365L * 86400;
    printf("rates over the last year (five rounds each):\n");
    static const char *const by[RATE_GROUP_COUNT] = {"per unit", "per community", "per street"};
    double rates[RATE_GROUP_COUNT][5], rates_p50[RATE_GROUP_COUNT];
    double series[5], daily[5], scan[5];
    for (int i = 0; i < 5; i++) {
        for (int g = 0; g < RATE_GROUP_COUNT; g++)
            rates[g][i] = rates_once(db, (enum rate_group)g, from, now);
        double t0 = bench_now_ms();
        struct rate_series s;
        if (rate_series_gather(db, RATE_BY_STREET, now, 12, &s) != DB_OK) die("series failed");
        struct rate_counts months[12];
        rate_series_of(&s, 0, 1, months);
        char *chart = rates_chart(months, s.starts, s.n, 1, 78, 4, CHART_BRAILLE);
        series[i] = bench_now_ms() - t0;
        free(chart);
        rate_series_free(&s);
        t0 = bench_now_ms();
        time_t days[29];
        int64_t intake[28], late[28];
        for (int d = 0; d <= 28; d++)
            days[d] = now - (27 - d) * 86400L;
        if (request_daily_counts(db, NULL, days, 28, now, intake, late) != DB_OK)
            die("daily counts failed");
        daily[i] = bench_now_ms() - t0;
        t0 = bench_now_ms();
        struct db_stmt *st = db_prepare(db, "SELECT count(*), sum(attempts) FROM request"
                                            " WHERE created_at >= ?1 AND created_at < ?2");
        db_bind_int(st, 1, (int64_t)from);
        db_bind_int(st, 2, (int64_t)now);
        db_step(st);
        db_finalize(st);
        scan[i] = bench_now_ms() - t0;
    }
    for (int g = 0; g < RATE_GROUP_COUNT; g++) {
        double p50, p99;
        bench_percentiles(rates[g], 5, &p50, &p99);
        rates_p50[g] = p50;
        char what[64];
        snprintf(what, sizeof what, "rate counts and report, %s", by[g]);
        printf("  %-40s median %7.1f ms  max %7.1f ms  (target <= 1000 ms: %s)\n", what, p50, p99,
               p99 <= 1000 ? "met" : "NOT MET");
    }
    double p50, p99;
    bench_percentiles(series, 5, &p50, &p99);
    printf("  %-40s median %7.1f ms  max %7.1f ms  (target <= 1000 ms: %s)\n",
           "12 months by street and a chart", p50, p99, p99 <= 1000 ? "met" : "NOT MET");
    bench_percentiles(daily, 5, &p50, &p99);
    printf("  %-40s median %7.1f ms  max %7.1f ms  (target <= 250 ms: %s)\n",
           "home: 28 days' intake and overdue", p50, p99, p99 <= 250 ? "met" : "NOT MET");
    bench_percentiles(scan, 5, &p50, &p99);
    printf("  %-40s median %7.1f ms  max %7.1f ms\n", "machine: a scan of the year's requests", p50,
           p99);
    /* The rates read each of the year's requests once: a plain scan of them is the floor. */
    for (int g = 0; g < RATE_GROUP_COUNT; g++) {
        char what[64];
        snprintf(what, sizeof what, "rates %s / the scan", by[g]);
        double ratio = p50 > 0 ? rates_p50[g] / p50 : 0;
        printf("  %-40s %.2f (target <= 1.5: %s)\n", what, ratio, ratio <= 1.5 ? "met" : "NOT MET");
    }
    free(t);
    free(create);
    free(act);
    free(empty);
    db_close(db);
    pinyin_shutdown();
    return 0;
}
