/*
** name_keys: see name_keys.h.
*/
#include "db/name_keys.h"
#include "db/postings.h"
#include "src/pinyin.h"

#include <stdlib.h>
#include <string.h>

void name_keys_init(struct name_keys *k)
{
    memset(k, 0, sizeof *k);
}

/* The keys of name into k, whose lists are empty. */
static void keys_make(const char *name, struct name_keys *k)
{
    pinyin_key_list(name, PINYIN_PERSON, &k->pinyin);
    pinyin_inner_key_list(name, &k->inner);
    k->rank = k->pinyin.n ? pinyin_rank(k->pinyin.v[0]) : 0;
    k->ngrams = search_grams(name, k->grams, NAME_KEYS_MAX_GRAMS);
}

void name_keys_of(const char *name, struct name_keys *k)
{
    name_keys_init(k);
    keys_make(name, k);
}

void name_keys_free(struct name_keys *k)
{
    if (k->text) {
        free(k->pinyin.v);
        free(k->inner.v);
        free(k->text);
    } else {
        strlist_free(&k->pinyin);
        strlist_free(&k->inner);
    }
    name_keys_init(k);
}

/* Slots of a cache: a power of two. */
#define CACHE_SLOTS 32768

/* A name and its keys, the strings in one block: name, pinyin keys, inner keys, each NUL-ended. */
struct cached {
    uint64_t hash; /* 0: empty */
    uint64_t used; /* when it was last asked for (the cache's clock) */
    char *text;
    size_t len; /* of text, all its NULs counted */
    size_t npinyin, ninner;
    int64_t rank;
    struct search_gram *grams;
    size_t ngrams;
    struct name_keys_memo memo;
};

/*
** A name may sit in either slot of its pair (two ways): names whose hashes
** fall in the same slot no longer evict each other row after row. A miss
** replaces the pair's slot asked for less lately.
*/
struct name_keys_cache {
    struct cached slot[CACHE_SLOTS];
    uint64_t clock; /* ticks once a lookup */
};

struct name_keys_cache *name_keys_cache_new(void)
{
    return xcalloc(1, sizeof(struct name_keys_cache));
}

static void cached_free(struct cached *e)
{
    free(e->text);
    free(e->grams);
    free(e->memo.data);
    memset(e, 0, sizeof *e);
}

void name_keys_cache_free(struct name_keys_cache *c)
{
    if (!c) return;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        cached_free(&c->slot[i]);
    free(c);
}

/* Keep name and its keys k in slot e (whatever it held goes). */
static void cached_set(struct cached *e, uint64_t hash, const char *name, const struct name_keys *k)
{
    cached_free(e);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, name, strlen(name) + 1);
    for (size_t i = 0; i < k->pinyin.n; i++)
        strbuf_add(&sb, k->pinyin.v[i], strlen(k->pinyin.v[i]) + 1);
    for (size_t i = 0; i < k->inner.n; i++)
        strbuf_add(&sb, k->inner.v[i], strlen(k->inner.v[i]) + 1);
    e->hash = hash;
    e->len = sb.len;
    e->text = strbuf_detach(&sb);
    e->npinyin = k->pinyin.n;
    e->ninner = k->inner.n;
    e->rank = k->rank;
    e->ngrams = k->ngrams;
    e->grams = xmalloc((k->ngrams ? k->ngrams : 1) * sizeof *e->grams);
    memcpy(e->grams, k->grams, k->ngrams * sizeof *e->grams);
}

/* n strings from *p on as list l (its strings are not its own); *p moves past them. */
static void list_point(struct strlist *l, size_t n, char **p)
{
    if (l->cap < n) {
        l->v = xrealloc(l->v, n * sizeof *l->v);
        l->cap = n;
    }
    for (size_t i = 0; i < n; i++, *p += strlen(*p) + 1)
        l->v[i] = *p;
    l->n = n;
}

/* The keys kept in e into k (cleared, its strings in k->text if any). */
static void cached_get(const struct cached *e, struct name_keys *k)
{
    if (k->text_cap < e->len) {
        k->text = xrealloc(k->text, e->len);
        k->text_cap = e->len;
    }
    memcpy(k->text, e->text, e->len);
    char *p = k->text + strlen(k->text) + 1;
    list_point(&k->pinyin, e->npinyin, &p);
    list_point(&k->inner, e->ninner, &p);
    k->rank = e->rank;
    k->ngrams = e->ngrams;
    memcpy(k->grams, e->grams, e->ngrams * sizeof *e->grams);
}

struct name_keys_memo *name_keys_cached(struct name_keys_cache *c, const char *name,
                                        struct name_keys *k, uint64_t gen)
{
    if (!k->text) name_keys_free(k); /* keys of its own strings: from here on in one block */
    uint64_t h = str_hash(name, strlen(name));
    struct cached *pair = &c->slot[h & (CACHE_SLOTS - 2)], *e = NULL;
    for (int w = 0; w < 2 && !e; w++)
        if (pair[w].hash == h && strcmp(pair[w].text, name) == 0) e = &pair[w];
    if (!e) {
        e = pair[0].used <= pair[1].used ? &pair[0] : &pair[1];
        struct name_keys made;
        name_keys_of(name, &made);
        cached_set(e, h, name, &made);
        name_keys_free(&made);
    }
    e->used = ++c->clock;
    if (gen && e->memo.gen == gen && e->memo.data)
        k->rank = e->rank; /* filed from the memo: the keys themselves are not wanted */
    else
        cached_get(e, k);
    return &e->memo;
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
