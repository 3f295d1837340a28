/*
** postings: see postings.h.
*/
#include "db/postings.h"

#include <stdlib.h>
#include <string.h>

/* The statements, per table: built at compile time, so a row's dozen key updates format nothing. */
struct postings_sql {
    const char *chunk_before; /* the chunk a given entry belongs in */
    const char *chunk_first;  /* the first chunk of a term */
    const char *chunk_delete;
    const char *insert;
    const char *rows_of_term;
    const char *rows_in_range;
};

#define POSTINGS_SQL(table)                                                                        \
    {                                                                                              \
        "SELECT first, postings FROM " table " WHERE term = ?1 AND first <= ?2"                    \
        " ORDER BY first DESC LIMIT 1",                                                            \
            "SELECT first, postings FROM " table " WHERE term = ?1 ORDER BY first LIMIT 1",        \
            "DELETE FROM " table " WHERE term = ?1 AND first = ?2",                                \
            "INSERT INTO " table " (term, first, n, postings) VALUES (?1, ?2, ?3, ?4)",            \
            "SELECT term, n, postings FROM " table " WHERE term = ?1 ORDER BY first",              \
            "SELECT term, n, postings FROM " table " WHERE term >= ?1 AND term < ?2"               \
            " ORDER BY term, first",                                                               \
    }

static const struct postings_sql sqls[POSTINGS_REGISTERS][POSTINGS_TABLES] = {
    {POSTINGS_SQL("resident_gram"), POSTINGS_SQL("resident_key"),
     POSTINGS_SQL("resident_key_inner")},
    {POSTINGS_SQL("volunteer_gram"), POSTINGS_SQL("volunteer_key"),
     POSTINGS_SQL("volunteer_key_inner")},
};

/* The chunk of term that e belongs in: the last whose first entry is not after e, else the first.
 */
static int chunk_find(struct db *db, enum postings_register r, enum postings_table t,
                      const char *term, const unsigned char *first, struct strbuf *chunk,
                      struct strbuf *chunk_first)
{
    int rc = DB_DONE;
    for (int pass = 0; pass < 2 && rc == DB_DONE; pass++) {
        struct db_stmt *st =
            db_prepare(db, pass ? sqls[r][t].chunk_first : sqls[r][t].chunk_before);
        db_bind_text(st, 1, term);
        if (!pass) db_bind_blob(st, 2, first, POSTING_SIZE);
        rc = db_step(st);
        if (rc == DB_ROW) {
            size_t n;
            const void *p = db_col_blob(st, 0, &n);
            strbuf_add(chunk_first, p, n);
            p = db_col_blob(st, 1, &n);
            strbuf_add(chunk, p, n);
        }
        db_finalize(st);
    }
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

/* Replace the chunk that started at old_first (if any) by the entries in chunk (split when too
 * full). */
static int chunk_store(struct db *db, enum postings_register r, enum postings_table t,
                       const char *term, const struct strbuf *old_first, const struct strbuf *chunk)
{
    int rc = DB_DONE;
    if (old_first->len) {
        struct db_stmt *st = db_prepare(db, sqls[r][t].chunk_delete);
        db_bind_text(st, 1, term);
        db_bind_blob(st, 2, old_first->buf, old_first->len);
        rc = db_step(st);
        db_finalize(st);
    }
    size_t n = chunk->len / POSTING_SIZE;
    if (rc != DB_DONE || n == 0) return rc == DB_DONE ? DB_OK : rc;
    struct db_stmt *st = postings_bulk_prepare(db, r, t);
    size_t parts = n > 2 * POSTINGS_CHUNK ? 2 : 1;
    for (size_t i = 0; i < parts && rc == DB_DONE; i++) {
        size_t from = i * (n / parts), to = i + 1 == parts ? n : (i + 1) * (n / parts);
        const char *p = chunk->buf + from * POSTING_SIZE;
        db_bind_text(st, 1, term);
        db_bind_blob(st, 2, p, POSTING_SIZE);
        db_bind_int(st, 3, (int64_t)(to - from));
        db_bind_blob(st, 4, p, (to - from) * POSTING_SIZE);
        rc = db_step(st);
        db_reset(st);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Add or remove e in term's chunk. */
static int change(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                  const struct posting *e, int add)
{
    unsigned char first[POSTING_SIZE];
    posting_put(e, first);
    struct strbuf chunk = STRBUF_INIT, old_first = STRBUF_INIT;
    int rc = chunk_find(db, r, t, term, first, &chunk, &old_first);
    if (rc == DB_NOTFOUND) rc = DB_OK;
    if (rc == DB_OK) {
        int changed = add ? postings_insert(&chunk, e) == 0 : postings_remove(&chunk, e) == 0;
        if (changed) rc = chunk_store(db, r, t, term, &old_first, &chunk);
    }
    strbuf_free(&chunk);
    strbuf_free(&old_first);
    return rc;
}

int postings_add(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                 const struct posting *e)
{
    return change(db, r, t, term, e, 1);
}

int postings_del(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                 const struct posting *e)
{
    return change(db, r, t, term, e, 0);
}

/* The rows of term lo, or of the terms in [lo, hi), in order; columns: term, n, postings. */
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
    int rc, go = 1;
    while (go && (rc = db_step(st)) == DB_ROW) {
        size_t len;
        const unsigned char *p = db_col_blob(st, 2, &len);
        const char *term = db_col_text(st, 0);
        for (size_t i = 0; go && i < len / POSTING_SIZE; i++) {
            struct posting e = posting_get(p, i);
            go = visit(ctx, term, &e);
        }
    }
    db_finalize(st);
    return !go || rc == DB_DONE ? DB_OK : rc;
}

int64_t postings_count(struct db *db, enum postings_register r, enum postings_table t,
                       const char *lo, const char *hi, int64_t cap)
{
    struct db_stmt *st = rows(db, r, t, lo, hi);
    int64_t total = 0;
    while (total <= cap && db_step(st) == DB_ROW)
        total += db_col_int(st, 1);
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
    unsigned char buf[POSTINGS_CHUNK * POSTING_SIZE];
    int rc = DB_DONE;
    for (size_t from = 0; from < n && rc == DB_DONE; from += POSTINGS_CHUNK) {
        size_t k = n - from < POSTINGS_CHUNK ? n - from : POSTINGS_CHUNK;
        for (size_t i = 0; i < k; i++)
            posting_put(&entries[from + i], buf + i * POSTING_SIZE);
        db_bind_text_static(st, 1, term, term_len);
        db_bind_blob(st, 2, buf, POSTING_SIZE);
        db_bind_int(st, 3, (int64_t)k);
        db_bind_blob(st, 4, buf, k * POSTING_SIZE);
        rc = db_step(st);
        db_reset(st);
    }
    return rc == DB_DONE ? DB_OK : rc;
}
