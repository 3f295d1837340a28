/*
** orgbench: the organisation search as the clerk types (organisation_search():
** the best 50 in name order and the count), per kind of query, at the scale
** of the database given, beside the naive scan a first attempt would use
** (LIKE '%…%' on the name or the credit code, same limit and count),
** measured in the same run.
**
**   orgbench DB [QUERIES_PER_KIND]
**
** Queries are drawn from the organisations themselves (fixed seed), so
** every one finds some: 1, 2, 4 and 6 characters of the name from a random
** place, the pinyin initials and full pinyin of two characters inside it,
** the initials of its start, the last 4 and 6 characters of its credit code
** and 5 from its middle. Each query runs twice; its figure is the faster run.
*/
#include "tests/bench/bench.h"
#include "db/db.h"
#include "db/organisation_store.h"
#include "src/namegen.h"
#include "src/pinyin.h"
#include "src/text.h"
#include "src/util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind {
    K_CHAR1,
    K_CHAR2,
    K_CHAR4,
    K_CHAR6,
    K_INITIALS,
    K_PINYIN,
    K_START,
    K_CODE4,
    K_CODE6,
    K_CODE5,
    K_COUNT
};

static const char *const kind_names[K_COUNT] = {
    "1 character of the name",
    "2 characters",
    "4 characters",
    "6 characters",
    "initials inside (jc)",
    "full pinyin inside",
    "initials of the start",
    "last 4 of the code",
    "last 6 of the code",
    "5 from the code's middle",
};

static size_t char_len(const char *p)
{
    uint32_t cp;
    int n = utf8_decode(p, strlen(p), &cp);
    return n > 0 ? (size_t)n : 1;
}

/* n characters of s from character `from`, as a new string. */
static char *chars(const char *s, size_t from, size_t n)
{
    const char *p = s;
    for (size_t i = 0; *p && i < from; i++)
        p += char_len(p);
    const char *q = p;
    for (size_t i = 0; *q && i < n; i++)
        q += char_len(q);
    return xstrndup(p, (size_t)(q - p));
}

/* A query of kind k made from an organisation's name and code, or NULL. */
static char *query_of(enum kind k, struct rng *r, const char *name, const char *code)
{
    size_t n = text_chars(name);
    size_t at = n > 4 ? rng_below(r, (uint32_t)(n - 4)) : 0;
    struct strlist keys = STRLIST_INIT;
    char *q = NULL, *two;
    switch (k) {
    case K_CHAR1:
    case K_CHAR2:
    case K_CHAR4:
    case K_CHAR6:
        at = n > 6 ? rng_below(r, (uint32_t)(n - 6)) : 0;
        q = n >= 6 ? chars(name, at,
                           k == K_CHAR1   ? 1
                           : k == K_CHAR2 ? 2
                           : k == K_CHAR4 ? 4
                                          : 6)
                   : NULL;
        break;
    case K_INITIALS:
    case K_PINYIN:
        two = chars(name, at, 2);
        pinyin_key_list(two, 0, &keys);
        if (keys.n > 1) q = xstrdup(keys.v[k == K_INITIALS ? 1 : 0]);
        free(two);
        break;
    case K_START:
        pinyin_key_list(name, 0, &keys);
        if (keys.n > 1) q = xstrndup(keys.v[1], 4);
        break;
    case K_CODE4:
    case K_CODE6:
        q = strlen(code) == 18 ? xstrdup(code + (k == K_CODE4 ? 14 : 12)) : NULL;
        break;
    case K_CODE5:
        q = strlen(code) == 18 ? xstrndup(code + 8, 5) : NULL;
        break;
    default:
        break;
    }
    strlist_free(&keys);
    return q;
}

/* The naive scan: LIKE on the name (or the code), the first 50 and a capped count. */
static void naive(struct db *db, enum kind k, const char *q)
{
    const char *col = k >= K_CODE4 ? "credit_code" : "name";
    char *pattern = xasprintf("%%%s%%", q);
    char *sql = xasprintf("SELECT id, name, credit_code FROM organisation WHERE moved_out = ''"
                          " AND %s LIKE ?1 ORDER BY rank LIMIT 50",
                          col);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, pattern);
    while (db_step(st) == DB_ROW)
        ;
    db_finalize(st);
    free(sql);
    sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM organisation WHERE moved_out = ''"
                    " AND %s LIKE ?1 LIMIT 1001)",
                    col);
    st = db_prepare(db, sql);
    db_bind_text(st, 1, pattern);
    db_step(st);
    db_finalize(st);
    free(sql);
    free(pattern);
}

/* The slowest query of ours of each kind, and its time. */
static int slowest[K_COUNT];
static double slowest_ms[K_COUNT];

/* The times of every query of one kind, ours (best of two runs) or the naive scan's. */
static double *run_kind(struct db *db, enum kind k, const struct strlist *q, int ours, int *n)
{
    *n = ours ? (int)q->n : (int)q->n / 4 > 10 ? (int)q->n / 4 : (int)q->n;
    double *v = xcalloc((size_t)*n + 1, sizeof *v);
    for (int pass = 0; pass < (ours ? 2 : 1); pass++)
        for (int i = 0; i < *n; i++) {
            double t = bench_now_ms();
            if (ours) {
                struct organisation_hits h;
                if (organisation_search(db, q->v[i], NULL, 0, 0, 50, &h) != DB_OK)
                    die("organisation search failed");
                if (h.n == 0 && pass == 0) fprintf(stderr, "orgbench: nothing for %s\n", q->v[i]);
                record_array_free(&organisation_record, h.items, h.n);
            } else {
                naive(db, k, q->v[i]);
            }
            double ms = bench_now_ms() - t;
            if (pass == 0 || ms < v[i]) v[i] = ms;
        }
    for (int i = 0; ours && i < *n; i++)
        if (v[i] > slowest_ms[k]) slowest_ms[k] = v[i], slowest[k] = i;
    return v;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: orgbench DB [QUERIES_PER_KIND]\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    int per_kind = argc > 2 ? atoi(argv[2]) : 200;
    struct db *db;
    char *err;
    if (db_open(argv[1], 0, &db, &err) != DB_OK) {
        fprintf(stderr, "orgbench: %s\n", err);
        return 1;
    }
    int64_t active = 0, out = 0;
    if (organisation_counts(db, &active, &out) != DB_OK || active == 0) {
        fprintf(stderr, "orgbench: no organisations in %s\n", argv[1]);
        return 1;
    }
    int64_t top = db_int(db, 0, "SELECT max(id) FROM organisation");
    struct strlist queries[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        queries[k] = (struct strlist)STRLIST_INIT;
    struct rng rng;
    rng_seed(&rng, 20261204);
    struct db_stmt *st = db_prepare(db, "SELECT name, ifnull(credit_code, '') FROM organisation"
                                        " WHERE id = ?1 AND moved_out = ''");
    for (int tries = 0; tries < per_kind * 40; tries++) {
        int done = 1;
        for (int k = 0; k < K_COUNT; k++)
            done &= (int)queries[k].n >= per_kind;
        if (done) break;
        db_bind_int(st, 1, 1 + (int64_t)rng_below(&rng, (uint32_t)top));
        if (db_step(st) == DB_ROW)
            for (int k = 0; k < K_COUNT; k++) {
                if ((int)queries[k].n >= per_kind) continue;
                char *q = query_of((enum kind)k, &rng, db_col_text(st, 0), db_col_text(st, 1));
                if (q) strlist_add(&queries[k], q);
                free(q);
            }
        db_reset(st);
    }
    db_finalize(st);

    printf("organisation search on %lld organisations (%lld moved out): the best 50 and the count"
           " (capped at %d)\n",
           (long long)active, (long long)out, ORGANISATION_COUNT_CAP);
    printf("  %-26s %18s %20s  %s\n", "query kind", "bangban p50/p99", "naive LIKE p50/p99",
           "examples");
    /* Ours first for every kind, then the naive scans (whose pages would fill the caches). */
    double *ours[K_COUNT];
    int n[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        ours[k] = run_kind(db, (enum kind)k, &queries[k], 1, &n[k]);
    int met = 1;
    for (int k = 0; k < K_COUNT; k++) {
        if (!n[k]) continue;
        int nn;
        int pinyin = k == K_INITIALS || k == K_PINYIN || k == K_START;
        double *theirs = pinyin ? NULL : run_kind(db, (enum kind)k, &queries[k], 0, &nn);
        double p50, p99, q50 = 0, q99 = 0;
        bench_percentiles(ours[k], n[k], &p50, &p99);
        if (theirs) bench_percentiles(theirs, nn, &q50, &q99);
        met &= p99 <= 2.0;
        char naive_col[40];
        if (theirs)
            snprintf(naive_col, sizeof naive_col, "%7.2f / %7.2f ms", q50, q99);
        else
            snprintf(naive_col, sizeof naive_col, "%20s", "(LIKE has no pinyin)");
        printf("  %-26s %7.3f / %7.3f ms %s  %s, %s ...; slowest %s %.2f ms\n", kind_names[k], p50,
               p99, naive_col, queries[k].v[0], queries[k].v[n[k] > 1 ? 1 : 0],
               queries[k].v[slowest[k]], slowest_ms[k]);
        free(theirs);
        free(ours[k]);
        strlist_free(&queries[k]);
    }
    printf("  target: p99 <= 2 ms for every kind: %s\n", met ? "met" : "NOT MET");
    db_close(db);
    pinyin_shutdown();
    return 0;
}
