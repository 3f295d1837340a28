/*
** resident_keys: the search keys of a resident's name and their rows in
** the posting-list tables (resident_gram, resident_key). The store keeps
** them row by row; the bulk loader computes the same keys and writes them
** all at once.
*/
#ifndef BANGBAN_RESIDENT_KEYS_H
#define BANGBAN_RESIDENT_KEYS_H

#include <stdint.h>

#include "db/db.h"
#include "src/search.h"
#include "src/util.h"

#define RESIDENT_KEYS_MAX_GRAMS 64

struct resident_keys {
    struct strlist pinyin; /* pinyin keys, the full pinyin first */
    int64_t rank;          /* pinyin order of the name */
    struct search_gram grams[RESIDENT_KEYS_MAX_GRAMS];
    size_t ngrams;
};

/* Empty keys (rank 0, nothing to add). */
void resident_keys_init(struct resident_keys *k);
/* The keys of a person's name; k need not be initialised. Free with resident_keys_free(). */
void resident_keys_of(const char *name, struct resident_keys *k);
void resident_keys_free(struct resident_keys *k);

/* File (or remove) the posting-list entries of resident id. Returns DB_OK or an error. */
int resident_keys_add(struct db *db, int64_t id, const struct resident_keys *k);
int resident_keys_remove(struct db *db, int64_t id, const struct resident_keys *k);

#endif
