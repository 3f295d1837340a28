/*
** volunteerbench: volunteer search at district scale (110,000), per kind
** of query, as the coordinator's screen runs it (volunteer_search(), the
** best 50 and the count), beside the naive scan (LIKE '%…%' on the same
** table, same limit and count), measured in the same run. Each query runs
** twice and counts by its faster run, as searchbench does.
**
**   volunteerbench DB [QUERIES_PER_KIND]
*/
#include "tests/bench/bench.h"
#include "db/db.h"
#include "db/volunteer_store.h"
#include "src/namegen.h"
#include "src/pinyin.h"
#include "src/text.h"
#include "src/util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_CHAR1, K_CHAR2, K_INITIALS, K_PINYIN, K_ID4, K_PHONE4, K_NUMBER, K_NUMBER7, K_COUNT };

static const char *const kind_names[K_COUNT] = {
    "1 Chinese character",      "2 Chinese characters",   "pinyin initials (zs)",
    "full pinyin prefix",       "last 4 of an ID number", "last 4 of a mobile",
    "a whole volunteer number", "first 7 of a number",
};

/* The bytes of the character at p. */
static size_t utf8_len(const char *p)
{
    uint32_t cp;
    int n = utf8_decode(p, strlen(p), &cp);
    return n > 0 ? (size_t)n : 1;
}

/* The first n characters of s from character from, as a new string. */
static char *chars(const char *s, size_t from, size_t n)
{
    const char *p = s;
    for (size_t i = 0; *p && i < from; i++)
        p += utf8_len(p);
    const char *q = p;
    for (size_t i = 0; *q && i < n; i++)
        q += utf8_len(q);
    return xstrndup(p, (size_t)(q - p));
}

static char *query_of(enum kind k, size_t i, const char *name, const char *id, const char *phone,
                      const char *number)
{
    struct strlist keys = STRLIST_INIT;
    char *q = NULL;
    switch (k) {
    case K_CHAR1:
        q = chars(name, text_chars(name) > 1 && i % 2 ? 1 : 0, 1);
        break;
    case K_CHAR2:
        q = text_chars(name) >= 2 ? chars(name, 0, 2) : NULL;
        break;
    case K_INITIALS:
    case K_PINYIN:
        pinyin_key_list(name, PINYIN_PERSON, &keys);
        if (keys.n) {
            const char *key = k == K_INITIALS && keys.n > 1 ? keys.v[1] : keys.v[0];
            size_t len = strlen(key);
            q = xstrndup(key, k == K_PINYIN && len > 6 ? 6 : len);
        }
        strlist_free(&keys);
        break;
    case K_ID4:
        q = strlen(id) == 18 ? xstrdup(id + 14) : NULL;
        break;
    case K_PHONE4:
        q = strlen(phone) == 11 ? xstrdup(phone + 7) : NULL;
        break;
    case K_NUMBER:
        q = xstrdup(number);
        break;
    case K_NUMBER7:
        q = xstrndup(number, 7);
        break;
    default:
        break;
    }
    return q;
}

/* The naive scan: LIKE on the column, the first 50 and a capped count. */
static void naive(struct db *db, enum kind k, const char *q)
{
    const char *col = k == K_ID4      ? "id_number"
                      : k == K_PHONE4 ? "phone"
                      : k >= K_NUMBER ? "number"
                                      : "name";
    char *pattern = k == K_ID4 || k == K_PHONE4 ? xasprintf("%%%s", q)
                    : k >= K_NUMBER             ? xasprintf("%s%%", q)
                                                : xasprintf("%%%s%%", q);
    char *sql = xasprintf("SELECT id, name, id_number, phone FROM volunteer WHERE %s LIKE ?1"
                          " ORDER BY rank LIMIT 50",
                          col);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, pattern);
    while (db_step(st) == DB_ROW)
        ;
    db_finalize(st);
    free(sql);
    sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM volunteer WHERE %s LIKE ?1 LIMIT 1001)",
                    col);
    st = db_prepare(db, sql);
    db_bind_text(st, 1, pattern);
    db_step(st);
    db_finalize(st);
    free(sql);
    free(pattern);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: volunteerbench DB [QUERIES_PER_KIND]\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    int per_kind = argc > 2 ? atoi(argv[2]) : 200;
    struct db *db;
    char *err;
    if (db_open(argv[1], 0, &db, &err) != DB_OK) {
        fprintf(stderr, "volunteerbench: %s\n", err);
        return 1;
    }
    int64_t total = 0;
    if (volunteer_count(db, &total) != DB_OK || total == 0) {
        fprintf(stderr, "volunteerbench: no volunteers in %s\n", argv[1]);
        return 1;
    }
    struct strlist queries[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        queries[k] = (struct strlist)STRLIST_INIT;
    struct rng rng;
    rng_seed(&rng, 20261204);
    struct db_stmt *st = db_prepare(db, "SELECT name, coalesce(id_number, ''), phone, number"
                                        " FROM volunteer WHERE id = ?1");
    for (int tries = 0; tries < per_kind * 40; tries++) {
        int done = 1;
        for (int k = 0; k < K_COUNT; k++)
            done &= (int)queries[k].n >= per_kind;
        if (done) break;
        db_bind_int(st, 1, 1 + (int64_t)rng_below(&rng, (uint32_t)total));
        if (db_step(st) == DB_ROW) {
            for (int k = 0; k < K_COUNT; k++) {
                if ((int)queries[k].n >= per_kind) continue;
                char *q = query_of((enum kind)k, queries[k].n, db_col_text(st, 0),
                                   db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3));
                if (q) strlist_add(&queries[k], q);
                free(q);
            }
        }
        db_reset(st);
    }
    db_finalize(st);

    printf("volunteer search on %lld volunteers: the best 50 and the count (capped at %d)\n",
           (long long)total, VOLUNTEER_COUNT_CAP);
    printf("  %-26s %18s %20s  %s\n", "query kind", "bangban p50/p99", "naive LIKE p50/p99",
           "examples");
    double *runs[2][K_COUNT];
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < K_COUNT; k++) {
            int n = (int)queries[k].n;
            runs[pass][k] = xcalloc((size_t)n + 1, sizeof(double));
            for (int i = 0; i < n; i++) {
                struct volunteer_hits h;
                double t = bench_now_ms();
                if (volunteer_search(db, queries[k].v[i], 50, &h) != DB_OK) {
                    fprintf(stderr, "volunteerbench: search failed\n");
                    return 1;
                }
                runs[pass][k][i] = bench_now_ms() - t;
                if (h.n == 0)
                    fprintf(stderr, "volunteerbench: nothing found for %s\n", queries[k].v[i]);
                volunteer_hits_free(&h);
            }
        }
    int all_ok = 1;
    for (int k = 0; k < K_COUNT; k++) {
        int n = (int)queries[k].n, nn = n / 4 > 10 ? n / 4 : n;
        double *theirs = xcalloc((size_t)nn + 1, sizeof *theirs);
        for (int i = 0; i < nn; i++) {
            double t = bench_now_ms();
            naive(db, (enum kind)k, queries[k].v[i]);
            theirs[i] = bench_now_ms() - t;
        }
        if (n > 0) {
            double *best = xcalloc((size_t)n, sizeof *best);
            for (int i = 0; i < n; i++)
                best[i] = runs[0][k][i] < runs[1][k][i] ? runs[0][k][i] : runs[1][k][i];
            double p50, p99, q50, q99;
            bench_percentiles(best, n, &p50, &p99);
            bench_percentiles(theirs, nn, &q50, &q99);
            all_ok &= p99 <= 2.0;
            printf("  %-26s %7.3f / %7.3f ms %7.2f / %7.2f ms  %s, %s …\n", kind_names[k], p50, p99,
                   q50, q99, queries[k].v[0], queries[k].v[n > 1 ? 1 : 0]);
            free(best);
        }
        free(theirs);
        free(runs[0][k]);
        free(runs[1][k]);
        strlist_free(&queries[k]);
    }
    printf("  target: p99 <= 2 ms for every kind: %s\n", all_ok ? "met" : "NOT MET");
    db_close(db);
    pinyin_shutdown();
    return 0;
}
