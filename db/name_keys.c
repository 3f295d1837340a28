/*
** name_keys: see name_keys.h.
*/
#include "db/name_keys.h"
#include "db/postings.h"
#include "src/pinyin.h"

#include <string.h>

void name_keys_init(struct name_keys *k)
{
    memset(k, 0, sizeof *k);
}

void name_keys_of(const char *name, struct name_keys *k)
{
    name_keys_init(k);
    pinyin_key_list(name, PINYIN_PERSON, &k->pinyin);
    pinyin_inner_key_list(name, &k->inner);
    k->rank = k->pinyin.n ? pinyin_rank(k->pinyin.v[0]) : 0;
    k->ngrams = search_grams(name, k->grams, NAME_KEYS_MAX_GRAMS);
}

void name_keys_free(struct name_keys *k)
{
    strlist_free(&k->pinyin);
    strlist_free(&k->inner);
    name_keys_init(k);
}

int name_keys_each(const struct name_keys *k, int64_t id, name_keys_visit visit, void *ctx)
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

/* Where name_keys_add() and name_keys_remove() file. */
struct key_target {
    struct db *db;
    enum postings_register reg;
};

static int key_add(void *ctx, enum postings_table t, const char *term, const struct posting *e)
{
    struct key_target *kt = ctx;
    return postings_add(kt->db, kt->reg, t, term, e);
}

static int key_remove(void *ctx, enum postings_table t, const char *term, const struct posting *e)
{
    struct key_target *kt = ctx;
    return postings_del(kt->db, kt->reg, t, term, e);
}

int name_keys_add(struct db *db, enum postings_register reg, int64_t id, const struct name_keys *k)
{
    struct key_target kt = {db, reg};
    return name_keys_each(k, id, key_add, &kt); /* DB_OK is 0 */
}

int name_keys_remove(struct db *db, enum postings_register reg, int64_t id,
                     const struct name_keys *k)
{
    struct key_target kt = {db, reg};
    return name_keys_each(k, id, key_remove, &kt);
}
