/*
** coveragebench: the coverage (覆盖情况) on the demo district, every
** section read as `bangban report coverage` and the screen read it,
** beside a plain query of the same size: every active building with a
** count of its posts, no dates compared.
**
**   coveragebench DB [ROUNDS]    (DB: a demo database)
*/
#include "tests/bench/bench.h"

#include "db/db.h"
#include "db/post_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>

static void report(const char *what, double *v, int n)
{
    double p50, p99;
    bench_percentiles(v, n, &p50, &p99);
    printf("  %-44s p50 %6.3f ms  p99 %6.3f ms  (n=%d)\n", what, p50, p99, n);
}

int main(int argc, char **argv)
{
    if (argc < 2) die("usage: coveragebench DB [ROUNDS]");
    int rounds = argc > 2 ? atoi(argv[2]) : 200;
    struct db *db;
    char *err;
    if (db_open(argv[1], 0, &db, &err) != DB_OK) die("%s", err);
    double *cov = xcalloc((size_t)rounds, sizeof *cov),
           *plain = xcalloc((size_t)rounds, sizeof *plain);
    size_t rows = 0;
    char day[11];
    struct date today = date_of(clock_now());
    date_format(&today, day);
    for (int i = 0; i < rounds; i++) {
        double t0 = bench_now_ms();
        struct coverage c;
        if (coverage_read(db, day, 5, &c) != DB_OK) die("coverage");
        cov[i] = bench_now_ms() - t0;
        rows = 0;
        for (int k = 0; k < COVER_SECTION_COUNT; k++)
            rows += c.n[k];
        coverage_free(&c);
        t0 = bench_now_ms();
        int64_t n;
        if (db_count(db,
                     "SELECT count(*) FROM (SELECT b.id, (SELECT count(*) FROM post p"
                     " WHERE p.building_id = b.id) FROM building b WHERE b.retired = 0)",
                     &n) != DB_OK)
            die("plain");
        plain[i] = bench_now_ms() - t0;
    }
    printf("coverage on the demo district (%zu rows listed):\n", rows);
    report("report coverage: every section", cov, rounds);
    report("machine: every building with its posts counted", plain, rounds);
    double p50, p99;
    bench_percentiles(cov, rounds, &p50, &p99);
    printf("  target p99 <= 100 ms: %s\n", p99 <= 100 ? "met" : "NOT MET");
    free(cov);
    free(plain);
    db_close(db);
    return 0;
}
