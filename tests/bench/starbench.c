/*
** starbench: a volunteer's counted hours and star level at district scale
** (110,000 volunteers, several million service records), as the
** coordinator's screens ask for it (star_standing_of(): the partial index
** service_record_counted), beside summing the volunteer's records with a
** plain query (their rows by volunteer and day, the counting rule checked
** on each), measured in the same run; and the district's stars due once.
** The service records are those in the database (demo --hours-years), or,
** when RECORDS is more than 0, generated here too: three years, about
** RECORDS a volunteer, nine in ten confirmed, a few still in their notice
** period.
**
**   starbench DB [RECORDS_PER_VOLUNTEER [LOOKUPS]]
*/
#include "tests/bench/bench.h"
#include "db/db.h"
#include "db/star_store.h"
#include "db/volunteer_store.h"
#include "src/date.h"
#include "src/namegen.h"
#include "src/util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#define TODAY "2026-11-30"

/* One activity and about per records for each of the n volunteers, in one transaction. */
static int generate(struct db *db, int64_t n, int per, int64_t *made)
{
    if (db_write_begin(db) != DB_OK) return -1;
    int rc = db_exec(db, "INSERT INTO activity (team_id, name, category_id, starts_at, ends_at,"
                         " status, created_at, created_by, updated_at, updated_by)"
                         " VALUES ((SELECT min(id) FROM team), '社区服务（基准）', 1,"
                         " '2024-01-01 08:00', '2026-12-31 18:00', 'running', 'bench', 'bench',"
                         " 'bench', 'bench')");
    int64_t activity = db_last_id(db);
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out,"
            " minutes, created_at, created_by, updated_at, updated_by, confirmed_at,"
            " confirmed_by, confirmed_as, counts_from) VALUES (?1, ?2, ?3, '08:00', '12:00', ?4,"
            " 'bench', 'bench', 'bench', 'bench', ?5, ?6, ?7, ?8)");
    struct rng rng;
    rng_seed(&rng, 20261130);
    *made = 0;
    for (int64_t v = 1; rc == DB_OK && v <= n; v++) {
        int k = (int)rng_below(&rng, (uint32_t)(2 * per + 1));
        for (int i = 0; rc == DB_OK && i < k; i++) {
            int day_no = (int)rng_below(&rng, 3 * 365);
            char day[11], from[11], at[17];
            struct date d = date_of((time_t)1701388800 + (time_t)day_no * 86400); /* 2023-12-01 */
            date_format(&d, day);
            d = date_of((time_t)1701388800 + (time_t)(day_no + 5) * 86400);
            date_format(&d, from);
            int confirmed = rng_below(&rng, 10) != 0;
            snprintf(at, sizeof at, "%s 18:00", day);
            db_bind_int(st, 1, v);
            db_bind_int(st, 2, activity);
            db_bind_text(st, 3, day);
            db_bind_int(st, 4, 30 + rng_below(&rng, 240));
            db_bind_text(st, 5, confirmed ? at : "");
            db_bind_text(st, 6, confirmed ? "bench" : "");
            db_bind_text(st, 7, confirmed ? "organiser" : "");
            db_bind_text(st, 8, confirmed ? from : "");
            rc = db_step(st) == DB_DONE ? DB_OK : DB_ERROR;
            db_reset(st);
            ++*made;
        }
    }
    db_finalize(st);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_OK) rc = db_analyze(db);
    return rc == DB_OK ? 0 : -1;
}

/* The plain query: the volunteer's records read by volunteer and day, the rule checked on each. */
static int64_t plain_sum(struct db_stmt *st, int64_t v)
{
    db_bind_int(st, 1, v);
    db_bind_text(st, 2, TODAY);
    int64_t m = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
    db_reset(st);
    return m;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: starbench DB [RECORDS_PER_VOLUNTEER [LOOKUPS]]\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    int per = argc > 2 ? atoi(argv[2]) : 30, lookups = argc > 3 ? atoi(argv[3]) : 2000;
    struct db *db;
    char *err;
    if (db_open(argv[1], 0, &db, &err) != DB_OK) {
        fprintf(stderr, "starbench: %s\n", err);
        return 1;
    }
    int64_t n = 0, made = 0;
    if (volunteer_count(db, &n) != DB_OK || n == 0) {
        fprintf(stderr, "starbench: no volunteers in %s\n", argv[1]);
        return 1;
    }
    double t0 = bench_now_ms();
    if (per > 0 && generate(db, n, per, &made) != 0) {
        fprintf(stderr, "starbench: the service records could not be written: %s\n",
                db_last_error(db));
        return 1;
    }
    if (per > 0)
        printf("stars: %lld service records generated for %lld volunteers in %.0f ms\n",
               (long long)made, (long long)n, bench_now_ms() - t0);
    else
        printf("stars: on the %lld service records of %lld volunteers in the database\n",
               (long long)db_int(db, 0, "SELECT count(*) FROM service_record"), (long long)n);
    struct db_stmt *plain =
        db_prepare(db, "SELECT coalesce(sum(minutes), 0) FROM service_record"
                       " INDEXED BY service_record_volunteer_day WHERE volunteer_id = ?1"
                       " AND confirmed_at <> '' AND counts_from <= ?2");
    double *ours = xcalloc((size_t)lookups, sizeof *ours);
    double *theirs = xcalloc((size_t)lookups, sizeof *theirs);
    struct rng rng;
    rng_seed(&rng, 7);
    int wrong = 0;
    for (int i = 0; i < lookups; i++) {
        int64_t v = 1 + (int64_t)rng_below(&rng, (uint32_t)n);
        struct star_standing s;
        double t = bench_now_ms();
        if (star_standing_of(db, v, TODAY, &s) != DB_OK) {
            fprintf(stderr, "starbench: star_standing_of failed\n");
            return 1;
        }
        ours[i] = bench_now_ms() - t;
        t = bench_now_ms();
        int64_t m = plain_sum(plain, v);
        theirs[i] = bench_now_ms() - t;
        wrong += m != s.minutes;
    }
    db_finalize(plain);
    double p50, p99, q50, q99;
    bench_percentiles(ours, lookups, &p50, &p99);
    bench_percentiles(theirs, lookups, &q50, &q99);
    printf("  a volunteer's counted hours and star level, %d volunteers at random\n", lookups);
    printf("    star_standing_of (partial index)      p50 %7.3f ms  p99 %7.3f ms\n", p50, p99);
    printf("    plain sum of their records            p50 %7.3f ms  p99 %7.3f ms\n", q50, q99);
    printf("    totals that differ: %d; target p99 <= 2 ms: %s\n", wrong,
           p99 <= 2.0 && !wrong ? "met" : "NOT MET");
    struct star_due *due;
    size_t ndue;
    double t = bench_now_ms();
    if (stars_due(db, TODAY, &due, &ndue) != DB_OK) {
        fprintf(stderr, "starbench: stars_due failed\n");
        return 1;
    }
    printf("  the district's stars due: %zu volunteers in %.0f ms\n", ndue, bench_now_ms() - t);
    record_array_free(&star_due_record, due, ndue);
    free(ours);
    free(theirs);
    db_close(db);
    return wrong ? 1 : 0;
}
