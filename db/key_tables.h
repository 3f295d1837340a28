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

/* File the keys k of person id (each person once). Needs no database. */
void key_tables_file(struct key_tables *kt, int64_t id, const struct name_keys *k);

/* File one entry under term in table t (each entry once). */
void key_tables_add(struct key_tables *kt, enum postings_table t, const char *term,
                    const struct posting *e);

/* Drop every entry filed so far whose id keep(ctx, id) says 0 of. */
void key_tables_drop(struct key_tables *kt, int (*keep)(void *ctx, uint32_t id), void *ctx);

/* Sort every table (needs no database: a second thread may run it; kt as void *). Returns NULL. */
void *key_tables_sort(void *kt);

/* Write the sorted tables into the posting-list tables of reg (empty before). DB_OK or an error. */
int key_tables_write(struct key_tables *kt, struct db *db, enum postings_register reg);

void key_tables_free(struct key_tables *kt);

#endif
