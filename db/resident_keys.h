/*
** resident_keys: the search keys of a resident's name and their rows in
** the posting-list tables (resident_gram, resident_key, resident_key_inner). The store keeps
** them row by row; the bulk loader computes the same keys and writes them
** all at once.
*/
#ifndef BANGBAN_RESIDENT_KEYS_H
#define BANGBAN_RESIDENT_KEYS_H

#include <stdint.h>

#include "db/db.h"
#include "db/postings.h"
#include "src/search.h"
#include "src/util.h"

#define RESIDENT_KEYS_MAX_GRAMS 64

struct resident_keys {
    struct strlist pinyin; /* pinyin keys, the full pinyin first */
    struct strlist inner;  /* pinyin keys from each later syllable on (pinyin_inner_key_list) */
    int64_t rank;          /* pinyin order of the name */
    struct search_gram grams[RESIDENT_KEYS_MAX_GRAMS];
    size_t ngrams;
};

/* Empty keys (rank 0, nothing to add). */
void resident_keys_init(struct resident_keys *k);
/* The keys of a person's name; k need not be initialised. Free with resident_keys_free(). */
void resident_keys_of(const char *name, struct resident_keys *k);
void resident_keys_free(struct resident_keys *k);

/*
** Call visit with each posting-list entry of resident id under keys k:
** which table, which term, which entry. Stops at the first non-zero return
** of visit and returns it; 0 when all were visited.
*/
typedef int (*resident_keys_visit)(void *ctx, enum postings_table t, const char *term,
                                   const struct posting *e);
int resident_keys_each(const struct resident_keys *k, int64_t id, resident_keys_visit visit,
                       void *ctx);

/* File (or remove) the posting-list entries of resident id. Returns DB_OK or an error. */
int resident_keys_add(struct db *db, int64_t id, const struct resident_keys *k);
int resident_keys_remove(struct db *db, int64_t id, const struct resident_keys *k);

#endif
