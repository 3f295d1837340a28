/*
** postings: the search tables as posting lists. A table row holds a term
** (a piece of a name, a pinyin key), the first entry of its chunk, and up
** to 2 x POSTINGS_CHUNK entries (src/postings.h) in sort order, the first
** whole in the row's key and the rest packed. Reading the
** best 50 matches of a term is reading its first chunk; a bulk load writes
** one row per full chunk instead of one row per entry.
*/
#ifndef BANGBAN_DB_POSTINGS_H
#define BANGBAN_DB_POSTINGS_H

#include <stdint.h>

#include "db/db.h"
#include "src/postings.h"

/* The three tables of one register of people: PREFIX_gram, PREFIX_key, PREFIX_key_inner. */
enum postings_table {
    POSTINGS_GRAM,  /* _gram: 1- to 3-character pieces of names */
    POSTINGS_KEY,   /* _key: pinyin keys of names from their start */
    POSTINGS_INNER, /* _key_inner: pinyin keys from each later syllable on */
    POSTINGS_TABLES
};

/* Whose names the tables file: each register has its own three. */
enum postings_register {
    POSTINGS_RESIDENTS,  /* resident_gram, resident_key, resident_key_inner */
    POSTINGS_VOLUNTEERS, /* volunteer_gram, volunteer_key, volunteer_key_inner */
    POSTINGS_REGISTERS
};

/* Add one entry of term to table t of register r; a chunk grown too full is split. Returns DB_OK or
 * an error. */
int postings_add(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                 const struct posting *e);

/*
** Add entries e[0..n) of term (sorted, distinct) to table t of register r,
** whose chunks hold others already: the entries that fall in one chunk are
** merged into it and it is written once, split as it needs. An entry filed
** already is not added twice. Returns DB_OK or an error.
*/
int postings_add_sorted(struct db *db, enum postings_register r, enum postings_table t,
                        const char *term, const struct posting *e, size_t n);

/* Remove one entry of term (nothing when it is not there). Returns DB_OK or an error. */
int postings_del(struct db *db, enum postings_register r, enum postings_table t, const char *term,
                 const struct posting *e);

/* Called for each entry in order; return 0 to stop. */
typedef int (*postings_visit)(void *ctx, const char *term, const struct posting *e);

/*
** Walk the entries of term lo (hi NULL), or of every term in [lo, hi), in
** term order and entry order, until visit returns 0. Returns DB_OK or an error.
*/
int postings_scan(struct db *db, enum postings_register r, enum postings_table t, const char *lo,
                  const char *hi, postings_visit visit, void *ctx);

/* How many entries term lo (hi NULL) or the terms in [lo, hi) hold, counted up to cap + 1. */
int64_t postings_count(struct db *db, enum postings_register r, enum postings_table t,
                       const char *lo, const char *hi, int64_t cap);

/*
** Write the entries of one term in a bulk load, already sorted and unique,
** as rows of POSTINGS_CHUNK entries. st must come from postings_bulk_prepare().
*/
struct db_stmt *postings_bulk_prepare(struct db *db, enum postings_register r,
                                      enum postings_table t);
int postings_bulk_term(struct db_stmt *st, const char *term, size_t term_len,
                       const struct posting *entries, size_t n);

/*
** Migration 25: pack the rows of every register's search tables still
** written whole (12 bytes an entry, the first repeated) as src/postings.h
** packs them; rows already packed are left as they are. Runs inside the
** migration's transaction. Returns DB_OK or an error.
*/
int postings_repack(struct db *db);

#endif
