/*
** name_keys: the search keys of a person's name (a resident's, a
** volunteer's) and their rows in the posting-list tables of its register
** (resident_gram, resident_key, resident_key_inner; volunteer_gram ...).
** The stores keep them row by row; the bulk loaders compute the same keys
** and write them all at once.
*/
#ifndef BANGBAN_NAME_KEYS_H
#define BANGBAN_NAME_KEYS_H

#include <stdint.h>

#include "db/db.h"
#include "db/postings.h"
#include "src/search.h"
#include "src/util.h"

#define NAME_KEYS_MAX_GRAMS 64

struct name_keys {
    struct strlist pinyin; /* pinyin keys, the full pinyin first */
    struct strlist inner;  /* pinyin keys from each later syllable on (pinyin_inner_key_list) */
    int64_t rank;          /* pinyin order of the name */
    struct search_gram grams[NAME_KEYS_MAX_GRAMS];
    size_t ngrams;
    /* Keys from name_keys_cached(): the lists' strings are in this one block, not each its own. */
    char *text;
    size_t text_cap;
};

/* Empty keys (rank 0, nothing to add). */
void name_keys_init(struct name_keys *k);
/* The keys of a person's name; k need not be initialised. Free with name_keys_free(). */
void name_keys_of(const char *name, struct name_keys *k);
void name_keys_free(struct name_keys *k);

/*
** The keys of the names met lately, for a loader reading many rows (names
** repeat: a district's 355,600 residents have some 15,000). One thread's:
** not shared. A fixed number of slots in pairs, a name in either slot of
** its pair and a miss replacing the one asked for less lately, so its
** memory does not grow with the file.
*/
struct name_keys_cache;

/*
** What a loader's key tables keep with a cached name (key_tables_file_memo()):
** the name's entries as they file them (data: one block of theirs, freed
** with the name), and which generation of the tables it is good for.
*/
struct name_keys_memo {
    uint64_t gen;
    void *data;
};
/* A new, empty cache. Free with name_keys_cache_free(). */
struct name_keys_cache *name_keys_cache_new(void);
void name_keys_cache_free(struct name_keys_cache *c);
/*
** The keys of name into k, the same as name_keys_of() gives; k holds keys
** or is initialised (its lists' memory is reused, all of it overwritten).
** Computed once while the name stays in c. When gen is not 0 and the memo
** kept with the name is of that generation (key_tables_gen(): its entries
** are filed from the memo alone), only k->rank is set and the rest of k is
** left as it was. Returns the memo, valid until the next call on c (c
** frees it).
*/
struct name_keys_memo *name_keys_cached(struct name_keys_cache *c, const char *name,
                                        struct name_keys *k, uint64_t gen);

/*
** Call visit with each posting-list entry of resident id under keys k:
** which table, which term, which entry. Stops at the first non-zero return
** of visit and returns it; 0 when all were visited.
*/
typedef int (*name_keys_visit)(void *ctx, enum postings_table t, const char *term,
                               const struct posting *e);
int name_keys_each(const struct name_keys *k, int64_t id, name_keys_visit visit, void *ctx);

/*
** File (or remove) the posting-list entries of person id in the tables of
** register reg (residents, volunteers). Returns DB_OK or an error.
*/
int name_keys_add(struct db *db, enum postings_register reg, int64_t id, const struct name_keys *k);
int name_keys_remove(struct db *db, enum postings_register reg, int64_t id,
                     const struct name_keys *k);

#endif
