/*
** Unit tests of the posting-list store (db/postings.h): entries added in
** sorted runs (postings_add_sorted(), a batch of an import row by row) end
** as the same entries, in the same order, as those entries added one at a
** time (postings_add()), whatever chunks the term held before; each chunk
** stays within twice POSTINGS_CHUNK; an entry filed already is not filed
** twice; and the key tables of a batch (key_tables_add_to()) add to what a
** register holds and are empty after.
*/
#include "unit_db.h"
#include "db/key_tables.h"
#include "db/name_keys.h"
#include "db/postings.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("postings", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    return 0;
}

/* A small generator of its own, so that the entries are the same each run. */
static uint32_t lcg_next(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* n entries with ids from id on, keys from a few tiers and ranks, sorted. */
static struct posting *entries_make(size_t n, uint32_t id, uint32_t seed)
{
    struct posting *v = calloc(n ? n : 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int tier = (int)(lcg_next(&seed) % 3);
        struct posting e = {posting_key(tier, lcg_next(&seed) % 500), id + (uint32_t)i};
        assert_int_equal(postings_insert(v, &k, &e), 0); /* distinct ids: none alike */
    }
    return v;
}

struct collected {
    struct posting *v;
    size_t n;
};

static int collect(void *ctx, const char *term, const struct posting *e)
{
    (void)term;
    struct collected *c = ctx;
    c->v = realloc(c->v, (c->n + 1) * sizeof *c->v);
    c->v[c->n++] = *e;
    return 1;
}

/* Entries compared field by field (a struct posting has padding). */
static void entries_equal(const struct posting *a, const struct posting *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_true(a[i].key == b[i].key);
        assert_int_equal(a[i].id, b[i].id);
    }
}

/* The entries of term in the gram table, in order (caller frees .v). */
static struct collected term_entries(const char *term)
{
    struct collected c = {NULL, 0};
    assert_int_equal(postings_scan(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, term, NULL, collect, &c),
                     DB_OK);
    return c;
}

static int64_t chunk_stat(const char *what, const char *term)
{
    char *sql = xasprintf("SELECT %s(n) FROM resident_gram WHERE term = '%s'", what, term);
    int64_t v = db_int(db, -1, sql);
    free(sql);
    return v;
}

/* Term a gets `add` one at a time, term b all at once: after `had` alike, both hold the same. */
static void compare_ways(const char *a, const char *b, size_t had, size_t add, uint32_t seed)
{
    struct posting *before = entries_make(had, 1, seed);
    struct posting *more = entries_make(add, 100000, seed * 7 + 1);
    assert_int_equal(db_write_begin(db), DB_OK);
    for (size_t i = 0; i < had; i++) {
        assert_int_equal(postings_add(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, a, &before[i]), DB_OK);
        assert_int_equal(postings_add(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, b, &before[i]), DB_OK);
    }
    for (size_t i = 0; i < add; i++)
        assert_int_equal(postings_add(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, a, &more[i]), DB_OK);
    assert_int_equal(postings_add_sorted(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, b, more, add),
                     DB_OK);
    assert_int_equal(db_commit(db), DB_OK);
    struct collected ca = term_entries(a), cb = term_entries(b);
    assert_int_equal(ca.n, had + add);
    assert_int_equal(cb.n, had + add);
    entries_equal(ca.v, cb.v, ca.n);
    assert_true(chunk_stat("max", b) <= 2 * POSTINGS_CHUNK);
    assert_true(chunk_stat("min", b) >= 1);
    free(ca.v);
    free(cb.v);
    free(before);
    free(more);
}

static void sorted_runs_as_one_at_a_time(void **state)
{
    (void)state;
    compare_ways("甲", "乙", 0, 1, 1);       /* a new term, one entry */
    compare_ways("丙", "丁", 0, 500, 2);     /* a new term, split in chunks */
    compare_ways("戊", "己", 300, 40, 3);    /* a few into many chunks */
    compare_ways("庚", "辛", 30, 2000, 4);   /* many into a few: chunks split again */
    compare_ways("壬", "癸", 1000, 1000, 5); /* as many again */
}

static void filed_twice_is_filed_once(void **state)
{
    (void)state;
    struct posting *v = entries_make(200, 1, 9);
    assert_int_equal(db_write_begin(db), DB_OK);
    assert_int_equal(postings_add_sorted(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, "子", v, 200),
                     DB_OK);
    assert_int_equal(postings_add_sorted(db, POSTINGS_RESIDENTS, POSTINGS_GRAM, "子", v + 50, 100),
                     DB_OK);
    assert_int_equal(db_commit(db), DB_OK);
    struct collected c = term_entries("子");
    assert_int_equal(c.n, 200);
    entries_equal(c.v, v, 200);
    free(c.v);
    free(v);
}

/* Whether term's gram entries include id. */
static int filed_under(const char *term, uint32_t id)
{
    struct collected c = term_entries(term);
    int found = 0;
    for (size_t i = 0; i < c.n; i++)
        found |= c.v[i].id == id;
    free(c.v);
    return found;
}

static void key_tables_add_to_a_register(void **state)
{
    (void)state;
    struct name_keys ming, hong;
    name_keys_of("王小明", &ming);
    name_keys_of("王小红", &hong);
    struct key_tables *kt = key_tables_new();
    key_tables_file(kt, 7001, &ming);
    assert_int_equal(db_write_begin(db), DB_OK);
    assert_int_equal(name_keys_add(db, POSTINGS_RESIDENTS, 7002, &hong), DB_OK);
    int64_t had = db_int(db, -1, "SELECT sum(n) FROM resident_gram");
    assert_int_equal(key_tables_add_to(kt, db, POSTINGS_RESIDENTS), DB_OK);
    int64_t now = db_int(db, -1, "SELECT sum(n) FROM resident_gram");
    assert_int_equal(now, had + (int64_t)ming.ngrams);
    /* Emptied: adding again adds nothing. */
    assert_int_equal(key_tables_add_to(kt, db, POSTINGS_RESIDENTS), DB_OK);
    assert_int_equal(db_int(db, -1, "SELECT sum(n) FROM resident_gram"), now);
    assert_int_equal(db_commit(db), DB_OK);
    for (size_t i = 0; i < ming.ngrams; i++)
        assert_true(filed_under(ming.grams[i].text, 7001));
    for (size_t i = 0; i < hong.ngrams; i++)
        assert_true(filed_under(hong.grams[i].text, 7002));
    name_keys_free(&ming);
    name_keys_free(&hong);
    key_tables_free(kt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sorted_runs_as_one_at_a_time),
        cmocka_unit_test(filed_twice_is_filed_once),
        cmocka_unit_test(key_tables_add_to_a_register),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
