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
    pinyin_inner_key_list(name, &k->inner);
    k->rank = k->pinyin.n ? pinyin_rank(k->pinyin.v[0]) : 0;
    k->ngrams = search_grams(name, k->grams, RESIDENT_KEYS_MAX_GRAMS);
}

void resident_keys_free(struct resident_keys *k)
{
    strlist_free(&k->pinyin);
    strlist_free(&k->inner);
    resident_keys_init(k);
}

int resident_keys_each(const struct resident_keys *k, int64_t id, resident_keys_visit visit,
                       void *ctx)
{
    int rc = 0;
    for (size_t i = 0; i < k->ngrams && !rc; i++) {
        struct posting e = {posting_key(k->grams[i].tier, k->rank), (uint32_t)id};
        rc = visit(ctx, POSTINGS_GRAM, k->grams[i].text, &e);
    }
    struct posting e = {posting_key(0, k->rank), (uint32_t)id};
    for (size_t i = 0; i < k->pinyin.n && !rc; i++)
        rc = visit(ctx, POSTINGS_KEY, k->pinyin.v[i], &e);
    struct posting inner = {posting_key(2, k->rank), (uint32_t)id};
    for (size_t i = 0; i < k->inner.n && !rc; i++)
        rc = visit(ctx, POSTINGS_INNER, k->inner.v[i], &inner);
    return rc;
}

static int key_add(void *db, enum postings_table t, const char *term, const struct posting *e)
{
    return postings_add(db, t, term, e);
}

static int key_remove(void *db, enum postings_table t, const char *term, const struct posting *e)
{
    return postings_del(db, t, term, e);
}

int resident_keys_add(struct db *db, int64_t id, const struct resident_keys *k)
{
    return resident_keys_each(k, id, key_add, db); /* DB_OK is 0 */
}

int resident_keys_remove(struct db *db, int64_t id, const struct resident_keys *k)
{
    return resident_keys_each(k, id, key_remove, db);
}
