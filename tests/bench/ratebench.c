/*
** ratebench: the rates (三率) over the last year alone, beside the plain
** scan of the year's requests they are held to, in interleaved rounds so
** a busy machine slows both alike:
**
**   ratebench DB [ROUNDS]        each round: the scan, then the rates per
**                                unit, community and street; medians and
**                                the ratios to the scan's median
**   ratebench DB 1 WHAT          one pass of WHAT alone (scan, unit,
**                                community or street), for callgrind
**
** The database is only read.
*/
#include "tests/bench/bench.h"
#include "app/rate_counts.h"
#include "db/db.h"
#include "src/clock.h"
#include "src/pinyin.h"
#include "src/rates.h"
#include "src/util.h"
#include <locale.h>
#include <stdio.h>
#include <string.h>

/* The plain scan the rates are held to: the year's requests counted, a column of each read. */
static void year_scan(struct db *db, time_t from, time_t to)
{
    struct db_stmt *st = db_prepare(db, "SELECT count(*), sum(attempts) FROM request"
                                        " WHERE created_at >= ?1 AND created_at < ?2");
    db_bind_int(st, 1, (int64_t)from);
    db_bind_int(st, 2, (int64_t)to);
    db_step(st);
    db_finalize(st);
}

/* The rates by group over [from, to) and their report, as the report verb makes them. */
static void year_rates(struct db *db, enum rate_group g, time_t from, time_t to)
{
    struct rate_counts *units, overall;
    size_t n;
    if (rate_counts_gather(db, g, from, to, &units, &n, &overall) != DB_OK) {
        fprintf(stderr, "ratebench: rates failed\n");
        exit(1);
    }
    free(rates_report(units, n, &overall, g, 1, 5, "", 0));
    for (size_t k = 0; k < n; k++)
        rate_counts_free(&units[k]);
    free(units);
    rate_counts_free(&overall);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ratebench DB [ROUNDS [scan|unit|community|street]]\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    int rounds = argc > 2 ? atoi(argv[2]) : 9;
    if (rounds < 1 || rounds > 1000) rounds = 9;
    struct db *db;
    char *err;
    if (db_open(argv[1], 0, &db, &err) != DB_OK) {
        fprintf(stderr, "ratebench: %s\n", err);
        return 1;
    }
    time_t now = clock_now(), from = now - 365L * 86400;
    if (argc > 3) {
        int g = rates_group_parse(argv[3]);
        if (g < 0 && strcmp(argv[3], "scan") != 0) {
            fprintf(stderr, "ratebench: no such pass: %s\n", argv[3]);
            return 2;
        }
        if (g < 0)
            year_scan(db, from, now);
        else
            year_rates(db, (enum rate_group)g, from, now);
        db_close(db);
        pinyin_shutdown();
        return 0;
    }
    double *t = xcalloc((size_t)rounds * (RATE_GROUP_COUNT + 1), sizeof *t);
    for (int i = 0; i < rounds; i++) {
        double t0 = bench_now_ms();
        year_scan(db, from, now);
        t[i] = bench_now_ms() - t0;
        for (int g = 0; g < RATE_GROUP_COUNT; g++) {
            t0 = bench_now_ms();
            year_rates(db, (enum rate_group)g, from, now);
            t[(g + 1) * rounds + i] = bench_now_ms() - t0;
        }
    }
    double scan, p99;
    bench_percentiles(t, rounds, &scan, &p99);
    printf("rates over the last year, %d interleaved rounds:\n", rounds);
    printf("  %-28s median %7.1f ms  max %7.1f ms\n", "a scan of the year's requests", scan, p99);
    for (int g = 0; g < RATE_GROUP_COUNT; g++) {
        double p50;
        bench_percentiles(t + (g + 1) * rounds, rounds, &p50, &p99);
        double ratio = scan > 0 ? p50 / scan : 0;
        char what[64];
        snprintf(what, sizeof what, "rates per %s", rates_group_word((enum rate_group)g));
        printf("  %-28s median %7.1f ms  max %7.1f ms  %.2f x the scan (target <= 1.5: %s)\n", what,
               p50, p99, ratio, ratio <= 1.5 ? "met" : "NOT MET");
    }
    free(t);
    db_close(db);
    pinyin_shutdown();
    return 0;
}
