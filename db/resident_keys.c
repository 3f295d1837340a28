/*
** resident_keys: see resident_keys.h.
*/
#include "db/resident_keys.h"
#include "db/postings.h"
#include "src/pinyin.h"

#include <string.h>

void resident_keys_init(struct resident_keys *k)
{
    memset(k, 0, sizeof *k);
}

void resident_keys_of(const char *name, struct resident_keys *k)
{
    resident_keys_init(k);
    pinyin_key_list(name, PINYIN_PERSON, &k->pinyin);
    k->rank = k->pinyin.n ? pinyin_rank(k->pinyin.v[0]) : 0;
    k->ngrams = search_grams(name, k->grams, RESIDENT_KEYS_MAX_GRAMS);
}

void resident_keys_free(struct resident_keys *k)
{
    strlist_free(&k->pinyin);
    resident_keys_init(k);
}

/* Add or remove the posting-list entries of one resident. */
static int keys_apply(struct db *db, int64_t id, const struct resident_keys *k, int add)
{
    int rc = DB_OK;
    for (size_t i = 0; i < k->ngrams && rc == DB_OK; i++) {
        struct posting e = {posting_key(k->grams[i].tier, k->rank), (uint32_t)id};
        rc = add ? postings_add(db, POSTINGS_GRAM, k->grams[i].text, &e)
                 : postings_del(db, POSTINGS_GRAM, k->grams[i].text, &e);
    }
    for (size_t i = 0; i < k->pinyin.n && rc == DB_OK; i++) {
        struct posting e = {posting_key(0, k->rank), (uint32_t)id};
        rc = add ? postings_add(db, POSTINGS_KEY, k->pinyin.v[i], &e)
                 : postings_del(db, POSTINGS_KEY, k->pinyin.v[i], &e);
    }
    return rc;
}

int resident_keys_add(struct db *db, int64_t id, const struct resident_keys *k)
{
    return keys_apply(db, id, k, 1);
}

int resident_keys_remove(struct db *db, int64_t id, const struct resident_keys *k)
{
    return keys_apply(db, id, k, 0);
}
