/*
** postings: see postings.h.
*/
#include "db/postings.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The statements, per table: built at compile time, so a row's dozen key updates format nothing. */
struct postings_sql {
    const char *chunk_before; /* the chunk a given entry belongs in */
    const char *chunk_first;  /* the first chunk of a term */
    const char *chunk_delete;
    const char *chunk_next;   /* the first entry of the chunk after a given one */
    const char *chunk_update; /* a chunk's entries, its first as it was */
    const char *insert;
    const char *rows_of_term;
    const char *rows_in_range;
};

#define POSTINGS_SQL(table)                                                                        \
    {                                                                                              \
        "SELECT first, n, postings FROM " table " WHERE term = ?1 AND first <= ?2"                 \
        " ORDER BY first DESC LIMIT 1",                                                            \
            "SELECT first, n, postings FROM " table " WHERE term = ?1 ORDER BY first LIMIT 1",     \
            "DELETE FROM " table " WHERE term = ?1 AND first = ?2",                                \
            "SELECT first FROM " table " WHERE term = ?1 AND first > ?2 ORDER BY first LIMIT 1",   \
            "UPDATE " table " SET n = ?3, postings = ?4 WHERE term = ?1 AND first = ?2",           \
            "INSERT INTO " table " (term, first, n, postings) VALUES (?1, ?2, ?3, ?4)",            \
            "SELECT term, first, n, postings FROM " table " WHERE term = ?1 ORDER BY first",       \
            "SELECT term, first, n, postings FROM " table " WHERE term >= ?1 AND term < ?2"        \
            " ORDER BY term, first",                                                               \
    }

static const struct postings_sql sqls[POSTINGS_REGISTERS][POSTINGS_TABLES] = {
    {POSTINGS_SQL("resident_gram"), POSTINGS_SQL("resident_key"),
     POSTINGS_SQL("resident_key_inner")},
    {POSTINGS_SQL("volunteer_gram"), POSTINGS_SQL("volunteer_key"),
     POSTINGS_SQL("volunteer_key_inner")},
};

/* A chunk read back: its entries, unpacked. */
struct chunk {
    struct posting *v;
    size_t n, cap;
};

static void chunk_free(struct chunk *c)
{
    free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
}

/*
** Unpack the row's chunk (columns: first, n, postings from col on) into c, with room for one
** more entry. Returns DB_OK, or DB_ERROR when the row is damaged.
*/
static int chunk_read(struct db_stmt *st, int col, struct chunk *c)
{
    size_t first_len, len;
    const unsigned char *first = db_col_blob(st, col, &first_len);
    int64_t n = db_col_int(st, col + 1);
    const unsigned char *packed = db_col_blob(st, col + 2, &len);
    /* Each packed entry takes at least 2 bytes: a count beyond that is damage, not memory to ask.
     */
    if (n < 1 || (uint64_t)(n - 1) > len / 2) return DB_ERROR;
    if ((size_t)n + 1 > c->cap) {
        c->cap = (size_t)n + 1;
        c->v = xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->n = (size_t)n;
    return postings_unpack(first, first_len, packed, len, c->n, c->v) ? DB_ERROR : DB_OK;
}

/* The chunk of term that e belongs in: the last whose first entry is not after e, else the first.
 * DB_NOTFOUND when the term has none. */
static int chunk_find(struct db *db, enum postings_register r, enum postings_table t,
                      const char *term, const unsigned char *first, struct chunk *c)
{
    int rc = DB_DONE;
    for (int pass = 0; pass < 2 && rc == DB_DONE; pass++) {
        struct db_stmt *st =
            db_prepare(db, pass ? sqls[r][t].chunk_first : sqls[r][t].chunk_before);
        db_bind_text(st, 1, term);
        if (!pass) db_bind_blob(st, 2, first, POSTING_SIZE);
        rc = db_step(st);
        if (rc == DB_ROW && chunk_read(st, 0, c) != DB_OK) rc = DB_ERROR;
        db_finalize(st);
    }
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

/* Write entries e[0..n) of term as one row. */
static int chunk_write(struct db_stmt *st, const char *term, size_t term_len,
                       const struct posting *e, size_t n, struct strbuf *packed)
{
    unsigned char first[POSTING_SIZE];
    posting_put(&e[0], first);
    packed->len = 0;
    strbuf_grow(packed, 1);
    postings_pack(e, n, packed);
    db_bind_text_static(st, 1, term, term_len);
    db_bind_blob_static(st, 2, first, POSTING_SIZE);
    db_bind_int(st, 3, (int64_t)n);
    db_bind_blob_static(st, 4, packed->buf, packed->len);
    int rc = db_step(st);
    db_reset(st);
    return rc;
}

/* Replace the chunk that started at old_first (if any) by the entries in c (split when too
 * full). A chunk that keeps its first entry and needs no split is written over in place. */
static int chunk_store(struct db *db, enum postings_register r, enum postings_table t,
                       const char *term, const struct posting *old_first, const struct chunk *c)
{
    int rc = DB_DONE;
    if (old_first && c->n > 0 && c->n <= 2 * POSTINGS_CHUNK &&
        posting_cmp(old_first, &c->v[0]) == 0) {
        struct db_stmt *st = db_prepare(db, sqls[r][t].chunk_update);
        struct strbuf packed = STRBUF_INIT;
        rc = chunk_write(st, term, strlen(term), c->v, c->n, &packed);
        strbuf_free(&packed);
        db_finalize(st);
        return rc == DB_DONE ? DB_OK : rc;
    }
    if (old_first) {
        unsigned char first[POSTING_SIZE];
        posting_put(old_first, first);
        struct db_stmt *st = db_prepare(db, sqls[r][t].chunk_delete);
        db_bind_text(st, 1, term);
        db_bind_blob(st, 2, first, POSTING_SIZE);
        rc = db_step(st);
        db_finalize(st);
    }
    size_t n = c->n;
    if (rc != DB_DONE || n == 0) return rc == DB_DONE ? DB_OK : rc;
    struct db_stmt *st = postings_bulk_prepare(db, r, t);
    struct strbuf packed = STRBUF_INIT;
    size_t parts = n > 2 * POSTINGS_CHUNK ? n / POSTINGS_CHUNK : 1;
    for (size_t i = 0; i < parts && rc == DB_DONE; i++) {
        size_t from = i * (n / parts), to = i + 1 == parts ? n : (i + 1) * (n / parts);
        rc = chunk_write(st, term, strlen(term), c->v + from, to - from, &packed);
    }
    strbuf_free(&packed);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Add or remove e in term's chunk. */
static int change(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                  const struct posting *e, int add)
{
    unsigned char first[POSTING_SIZE];
    posting_put(e, first);
    struct chunk c = {NULL, 0, 0};
    int rc = chunk_find(db, r, t, term, first, &c);
    int found = rc == DB_OK;
    if (rc == DB_NOTFOUND) {
        rc = DB_OK;
        c.v = xmalloc(sizeof *c.v);
        c.cap = 1;
    }
    if (rc == DB_OK) {
        struct posting old_first = found ? c.v[0] : *e;
        int changed = add ? postings_insert(c.v, &c.n, e) == 0 : postings_remove(c.v, &c.n, e) == 0;
        if (changed) rc = chunk_store(db, r, t, term, found ? &old_first : NULL, &c);
    }
    chunk_free(&c);
    return rc;
}

int postings_add(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                 const struct posting *e)
{
    return change(db, r, t, term, e, 1);
}

/*
** How many of e[0..n) go in the chunk that begins with first: those before
** the term's next chunk. -1 on an error.
*/
static ptrdiff_t chunk_span(struct db *db, enum postings_register r, enum postings_table t,
                            const char *term, const struct posting *first, const struct posting *e,
                            size_t n)
{
    unsigned char at[POSTING_SIZE];
    posting_put(first, at);
    struct db_stmt *st = db_prepare(db, sqls[r][t].chunk_next);
    db_bind_text(st, 1, term);
    db_bind_blob(st, 2, at, POSTING_SIZE);
    int rc = db_step(st);
    size_t k = n, len;
    if (rc == DB_ROW) {
        const unsigned char *next = db_col_blob(st, 0, &len);
        for (k = 0; k < n; k++) {
            unsigned char mine[POSTING_SIZE];
            posting_put(&e[k], mine);
            if (len == POSTING_SIZE && memcmp(mine, next, POSTING_SIZE) >= 0) break;
        }
    }
    db_finalize(st);
    return rc == DB_ROW || rc == DB_DONE ? (ptrdiff_t)k : -1;
}

/* Merge e[0..n) (sorted) into c's entries, each once. */
static void chunk_merge(struct chunk *c, const struct posting *e, size_t n)
{
    size_t cap = c->n + n, i = 0, j = 0, k = 0;
    struct posting *v = xmalloc(cap * sizeof *v);
    while (i < c->n || j < n) {
        int cmp = i == c->n ? 1 : j == n ? -1 : posting_cmp(&c->v[i], &e[j]);
        v[k++] = cmp <= 0 ? c->v[i++] : e[j++];
        if (cmp == 0) j++;
    }
    free(c->v);
    c->v = v;
    c->n = k;
    c->cap = cap;
}

int postings_add_sorted(struct db *db, enum postings_register r, enum postings_table t,
                        const char *term, const struct posting *e, size_t n)
{
    struct chunk c = {NULL, 0, 0};
    int rc = DB_OK;
    for (size_t i = 0; i < n && rc == DB_OK;) {
        unsigned char first[POSTING_SIZE];
        posting_put(&e[i], first);
        rc = chunk_find(db, r, t, term, first, &c);
        int found = rc == DB_OK;
        if (rc == DB_NOTFOUND) {
            rc = DB_OK;
            c.n = 0;
        }
        if (rc != DB_OK) break;
        /* With no chunk, they all make the term's first; else those before the next chunk. */
        ptrdiff_t k = found && n - i > 1 ? chunk_span(db, r, t, term, &c.v[0], e + i, n - i)
                                         : (ptrdiff_t)(found ? 1 : n - i);
        if (k < 0) {
            rc = DB_ERROR;
            break;
        }
        if (k == 0) k = 1; /* a damaged table's chunks out of order: the entry alone, and on */
        struct posting old_first = found ? c.v[0] : e[i];
        chunk_merge(&c, e + i, (size_t)k);
        rc = chunk_store(db, r, t, term, found ? &old_first : NULL, &c);
        i += (size_t)k;
    }
    chunk_free(&c);
    return rc;
}

int postings_del(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                 const struct posting *e)
{
    return change(db, r, t, term, e, 0);
}

/* The rows of term lo, or of the terms in [lo, hi), in order; columns: term, first, n, postings. */
static struct db_stmt *rows(struct db *db, enum postings_register r, enum postings_table t,
                            const char *lo, const char *hi)
{
    struct db_stmt *st = db_prepare(db, hi ? sqls[r][t].rows_in_range : sqls[r][t].rows_of_term);
    db_bind_text(st, 1, lo);
    if (hi) db_bind_text(st, 2, hi);
    return st;
}

int postings_scan(struct db *db, enum postings_register r, enum postings_table t, const char *lo,
                  const char *hi, postings_visit visit, void *ctx)
{
    struct db_stmt *st = rows(db, r, t, lo, hi);
    struct chunk c = {NULL, 0, 0};
    int rc, go = 1;
    while (go && (rc = db_step(st)) == DB_ROW) {
        if (chunk_read(st, 1, &c) != DB_OK) {
            rc = DB_ERROR;
            break;
        }
        const char *term = db_col_text(st, 0);
        for (size_t i = 0; go && i < c.n; i++)
            go = visit(ctx, term, &c.v[i]);
    }
    chunk_free(&c);
    db_finalize(st);
    return rc != DB_ERROR && (!go || rc == DB_DONE) ? DB_OK : rc;
}

int64_t postings_count(struct db *db, enum postings_register r, enum postings_table t,
                       const char *lo, const char *hi, int64_t cap)
{
    struct db_stmt *st = rows(db, r, t, lo, hi);
    int64_t total = 0;
    while (total <= cap && db_step(st) == DB_ROW)
        total += db_col_int(st, 2);
    db_finalize(st);
    return total;
}

struct db_stmt *postings_bulk_prepare(struct db *db, enum postings_register r,
                                      enum postings_table t)
{
    return db_prepare(db, sqls[r][t].insert);
}

int postings_bulk_term(struct db_stmt *st, const char *term, size_t term_len,
                       const struct posting *entries, size_t n)
{
    struct strbuf packed = STRBUF_INIT;
    int rc = DB_DONE;
    for (size_t from = 0; from < n && rc == DB_DONE; from += POSTINGS_CHUNK) {
        size_t k = n - from < POSTINGS_CHUNK ? n - from : POSTINGS_CHUNK;
        rc = chunk_write(st, term, term_len, entries + from, k, &packed);
    }
    strbuf_free(&packed);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Rows of table still written whole, read from after (term, first) on, at most 500 at a time. */
#define REPACK_SQL(table)                                                                          \
    "SELECT term, first, n, postings FROM " table " WHERE (term, first) > (?1, ?2)"                \
    " AND length(postings) = 12 * n AND substr(postings, 1, 12) = first"                           \
    " ORDER BY term, first LIMIT 500",                                                             \
        "UPDATE " table " SET postings = ?3 WHERE term = ?1 AND first = ?2"

static const char *const repack_sqls[POSTINGS_REGISTERS][POSTINGS_TABLES][2] = {
    {{REPACK_SQL("resident_gram")},
     {REPACK_SQL("resident_key")},
     {REPACK_SQL("resident_key_inner")}},
    {{REPACK_SQL("volunteer_gram")},
     {REPACK_SQL("volunteer_key")},
     {REPACK_SQL("volunteer_key_inner")}},
};

/* One row to pack: its key and its entries packed. */
struct repack_row {
    char *term;
    unsigned char first[POSTING_SIZE];
    struct strbuf packed;
};

/* Read up to 500 rows of one table still written whole, after *last_term/last_first; packs them. */
static struct repack_row *repack_read(struct db *db, const char *sql, const char *last_term,
                                      const unsigned char *last_first, size_t *count, int *rc)
{
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, last_term);
    db_bind_blob(st, 2, last_first, POSTING_SIZE);
    struct repack_row *v = NULL;
    size_t n = 0, cap = 0;
    struct posting *e = NULL;
    size_t ecap = 0;
    while ((*rc = db_step(st)) == DB_ROW) {
        size_t len, first_len;
        const unsigned char *whole = db_col_blob(st, 3, &len);
        const unsigned char *first = db_col_blob(st, 1, &first_len);
        size_t k = len / POSTING_SIZE;
        if (first_len != POSTING_SIZE || k == 0) continue;
        if (k > ecap) e = xrealloc(e, (ecap = k) * sizeof *e);
        for (size_t i = 0; i < k; i++)
            e[i] = posting_get(whole + i * POSTING_SIZE);
        if (n == cap) v = xrealloc(v, (cap = cap ? 2 * cap : 64) * sizeof *v);
        v[n].term = db_col_dup(st, 0);
        memcpy(v[n].first, first, POSTING_SIZE);
        v[n].packed = (struct strbuf)STRBUF_INIT;
        strbuf_grow(&v[n].packed, 1);
        postings_pack(e, k, &v[n].packed);
        n++;
    }
    free(e);
    db_finalize(st);
    if (*rc == DB_DONE) *rc = DB_OK;
    *count = n;
    return v;
}

/* Pack the rows of one table still written whole. */
static int repack_table(struct db *db, const char *const sql[2])
{
    char *last_term = xstrdup("");
    unsigned char last_first[POSTING_SIZE] = {0};
    int rc = DB_OK;
    for (;;) {
        size_t n;
        struct repack_row *v = repack_read(db, sql[0], last_term, last_first, &n, &rc);
        struct db_stmt *up = n && rc == DB_OK ? db_prepare(db, sql[1]) : NULL;
        for (size_t i = 0; i < n; i++) {
            if (rc == DB_OK) {
                db_bind_text(up, 1, v[i].term);
                db_bind_blob(up, 2, v[i].first, POSTING_SIZE);
                db_bind_blob(up, 3, v[i].packed.buf, v[i].packed.len);
                int s = db_step(up);
                db_reset(up);
                if (s != DB_DONE) rc = s;
            }
            if (i + 1 == n) {
                free(last_term);
                last_term = v[i].term;
                memcpy(last_first, v[i].first, POSTING_SIZE);
            } else {
                free(v[i].term);
            }
            strbuf_free(&v[i].packed);
        }
        if (up) db_finalize(up);
        free(v);
        if (n == 0 || rc != DB_OK) break;
    }
    free(last_term);
    return rc;
}

int postings_repack(struct db *db)
{
    int rc = DB_OK;
    for (int r = 0; r < POSTINGS_REGISTERS && rc == DB_OK; r++)
        for (int t = 0; t < POSTINGS_TABLES && rc == DB_OK; t++)
            rc = repack_table(db, repack_sqls[r][t]);
    return rc;
}
