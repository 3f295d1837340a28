/*
** key_tables: the search keys of many people's names (db/name_keys.h)
** collected in memory during a bulk load, then sorted and written to a
** register's posting-list tables as whole chunks, in key order. Filing
** row by row rewrites a chunk per key; a load of a district at once does
** not. The resident and volunteer bulk loaders share it.
*/
#ifndef BANGBAN_KEY_TABLES_H
#define BANGBAN_KEY_TABLES_H

#include <stdint.h>

#include "db/db.h"
#include "db/name_keys.h"
#include "db/postings.h"

struct key_tables;

/* Empty tables. Free with key_tables_free(). */
struct key_tables *key_tables_new(void);

/*
** Keep the tables under about bytes of memory: past it they are sorted and
** written to a temporary file, and merged back when written (0: never).
*/
void key_tables_spill_at(struct key_tables *kt, size_t bytes);

/* File the keys k of person id (each person once). Needs no database. */
void key_tables_file(struct key_tables *kt, int64_t id, const struct name_keys *k);

/* The generation of kt's term indexes, which memos made from it carry (never 0). */
uint64_t key_tables_gen(const struct key_tables *kt);

/*
** As key_tables_file(), k being the keys of a name memo m is kept with
** (name_keys_cached()): the first time, each key's term is looked up and
** its index kept in m; filing the same name again is an append per key,
** with no term looked up. m stays valid however the tables change.
*/
void key_tables_file_memo(struct key_tables *kt, int64_t id, const struct name_keys *k,
                          struct name_keys_memo *m);

/* File one entry under term in table t (each entry once). */
void key_tables_add(struct key_tables *kt, enum postings_table t, const char *term,
                    const struct posting *e);

/*
** Drop every entry filed so far whose id keep(ctx, id) says 0 of (ctx kept
** until written); entries filed after, under any id, stay.
*/
void key_tables_drop(struct key_tables *kt, int (*keep)(void *ctx, uint32_t id), void *ctx);

/*
** Change the id of every entry filed so far to map(ctx, id) (map must keep
** their order; ctx kept until written). Entries filed later are not changed.
*/
void key_tables_map_ids(struct key_tables *kt, uint32_t (*map)(void *ctx, uint32_t id), void *ctx);

/* Sort every table (needs no database: a second thread may run it; kt as void *). Returns NULL. */
void *key_tables_sort(void *kt);

/*
** Sort every table and, when runs were spilled, merge them all into one
** (ids mapped, entries dropped as told so far), so that writing them reads
** one run: a second thread may run it while the database is busy with
** other work (kt as void *). Entries filed later are merged in when
** written. Returns NULL.
*/
void *key_tables_merge(void *kt);

/* Where a write that may be undone began (key_tables_mark()). */
struct key_tables_mark {
    size_t nruns, kept;
    int (*keep)(void *ctx, uint32_t id);
    void *keep_ctx;
};

/*
** Mark kt before work that may be undone (filing more, dropping, writing
** them in a transaction a desk may stop): what is held in memory is
** spilled first, so that what comes after stays apart. 0, or -1 when it
** could not be spilled (then it cannot be undone).
*/
int key_tables_mark(struct key_tables *kt, struct key_tables_mark *m);

/* Back to mark m: what was filed, dropped or spilled since is undone. */
void key_tables_undo(struct key_tables *kt, const struct key_tables_mark *m);

/* Write the sorted tables into the posting-list tables of reg (empty before). DB_OK or an error. */
int key_tables_write(struct key_tables *kt, struct db *db, enum postings_register reg);

/*
** Write table which of the sorted tables into its posting-list table of
** reg (empty before); the others are kept to be written, each in a
** transaction of its own if need be. DB_OK or an error.
*/
int key_tables_write_one(struct key_tables *kt, struct db *db, enum postings_register reg,
                         enum postings_table which);

/*
** Add the tables' entries to the posting-list tables of reg, which hold
** others already (postings_add_sorted(): each chunk a term's entries fall
** in written once, not once an entry), and empty the tables for more:
** the keys of a batch of rows saved one by one, filed as the batch
** commits. kt never spilled (no key_tables_spill_at()). DB_OK or an error.
*/
int key_tables_add_to(struct key_tables *kt, struct db *db, enum postings_register reg);

void key_tables_free(struct key_tables *kt);

#endif
