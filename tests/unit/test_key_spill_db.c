/*
** Unit tests of the search keys a bulk load collects (db/key_tables.h)
** when they spill to a temporary file past a small budget: the posting
** lists written are byte for byte those of the same keys held in memory,
** with ids changed (key_tables_map_ids) and entries dropped
** (key_tables_drop) alike, people dropped and filed again after it kept,
** and when the runs were merged into one
** (key_tables_merge) before the last people were filed, and when filed
** through the name cache's memos (key_tables_file_memo), and after a
** write was undone (key_tables_mark, key_tables_undo); and of the ID numbers a ledger import
** remembers (src/idcard.h): each met again gives the line it was first on;
** and of the name keys a loader keeps for the names met lately
** (name_keys_cached): the same keys as name_keys_of, names evicting each other.
*/
#include "unit_db.h"
#include "db/key_tables.h"
#include "db/name_keys.h"
#include "src/idcard.h"
#include "src/pinyin.h"

static char path_mem[256], path_spill[256], path_merged[256], path_memo[256], path_memo_spill[256],
    path_memo_kept[256], path_sorted[256], path_undone[256], path_undone_spill[256];
static struct db *mem, *spill, *merged, *memo, *memo_spill, *memo_kept, *sorted, *undone,
    *undone_spill;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    mem = unit_db_open("kmem", path_mem, sizeof path_mem);
    spill = unit_db_open("kspill", path_spill, sizeof path_spill);
    merged = unit_db_open("kmerged", path_merged, sizeof path_merged);
    memo = unit_db_open("kmemo", path_memo, sizeof path_memo);
    memo_spill = unit_db_open("kmemospill", path_memo_spill, sizeof path_memo_spill);
    memo_kept = unit_db_open("kmemokept", path_memo_kept, sizeof path_memo_kept);
    sorted = unit_db_open("ksorted", path_sorted, sizeof path_sorted);
    undone = unit_db_open("kundone", path_undone, sizeof path_undone);
    undone_spill = unit_db_open("kundonespill", path_undone_spill, sizeof path_undone_spill);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(mem, path_mem);
    unit_db_remove(spill, path_spill);
    unit_db_remove(merged, path_merged);
    unit_db_remove(memo, path_memo);
    unit_db_remove(memo_spill, path_memo_spill);
    unit_db_remove(memo_kept, path_memo_kept);
    unit_db_remove(sorted, path_sorted);
    unit_db_remove(undone, path_undone);
    unit_db_remove(undone_spill, path_undone_spill);
    pinyin_shutdown();
    return 0;
}

static const char *const family[] = {"张", "李", "王", "欧阳", "刘", "陈", "单"};
static const char *const given[] = {"伟", "秀英", "芳", "明", "娜", "丽", "雄信", "三丰", "静"};
#define PEOPLE 3000

/* Person i's name. Caller frees. */
static char *name_of(size_t i)
{
    return xasprintf("%s%s%s", family[i % 7], given[(i / 7) % 9], i % 5 ? "" : given[i % 9]);
}

/* Filed ids run from 1; written ones are id + 100, and every tenth person's are dropped. */
static uint32_t shifted(void *ctx, uint32_t id)
{
    (void)ctx;
    return id + 100;
}

static int not_tenth(void *ctx, uint32_t id)
{
    (void)ctx;
    return (id - 100) % 10 != 0;
}

static int none(void *ctx, uint32_t id)
{
    (void)ctx;
    (void)id;
    return 0;
}

/* File the keys of person i's name under id. */
static void file_one(struct key_tables *kt, size_t i, int64_t id)
{
    struct name_keys k;
    char *name = name_of(i);
    name_keys_of(name, &k);
    key_tables_file(kt, id, &k);
    name_keys_free(&k);
    free(name);
}

/*
** A last transaction a desk stopped: from a mark, everyone dropped and
** others filed, all written into db, then the transaction and the tables
** undone, as a shared load does before it tries again.
*/
static void write_undone(struct key_tables *kt, struct db *db)
{
    struct key_tables_mark m;
    assert_int_equal(key_tables_mark(kt, &m), 0);
    key_tables_drop(kt, none, NULL);
    for (size_t i = 1; i <= 50; i++)
        file_one(kt, i + 7, (int64_t)i + 100);
    key_tables_sort(kt);
    assert_int_equal(db_write_begin(db), DB_OK);
    assert_int_equal(key_tables_write(kt, db, POSTINGS_RESIDENTS), DB_OK);
    db_rollback(db);
    key_tables_undo(kt, &m);
}

/*
** File every person into db's resident posting lists, spilling past
** budget (0: never); with merge, the runs are merged into one before the
** last hundred people are filed; with cached, through a name cache's
** memos (each name met many times, its memo made again after each spill);
** with undone, a write is tried and undone first (write_undone()).
*/
static void file_all(struct db *db, size_t budget, int merge, int cached, int undo)
{
    struct key_tables *kt = key_tables_new();
    key_tables_spill_at(kt, budget);
    struct name_keys_cache *c = name_keys_cache_new();
    struct name_keys k;
    name_keys_init(&k);
    for (size_t i = 1; i <= PEOPLE; i++) {
        char *name = name_of(i);
        if (cached) {
            /* As a shared load asks: only the rank once the memo files the keys. */
            struct name_keys_memo *m = name_keys_cached(c, name, &k, key_tables_gen(kt));
            key_tables_file_memo(kt, (int64_t)i, &k, m);
        } else {
            name_keys_free(&k);
            name_keys_of(name, &k);
            key_tables_file(kt, (int64_t)i, &k);
        }
        free(name);
        if (i == PEOPLE / 2) key_tables_map_ids(kt, shifted, NULL);
        if (merge && i == PEOPLE - 100) key_tables_merge(kt);
    }
    /* The second half was filed after the ids were changed: filed under their final ids here. */
    name_keys_free(&k);
    name_keys_cache_free(c);
    if (undo) write_undone(kt, db);
    key_tables_drop(kt, not_tenth, NULL);
    /* Dropped people filed again under another name, as a load does with rows a desk changed. */
    for (size_t i = 20; i <= PEOPLE; i += 290)
        file_one(kt, i + 1, (int64_t)i + 100);
    key_tables_sort(kt);
    assert_int_equal(db_write_begin(db), DB_OK);
    assert_int_equal(key_tables_write(kt, db, POSTINGS_RESIDENTS), DB_OK);
    assert_int_equal(db_commit(db), DB_OK);
    key_tables_free(kt);
}

/* Every posting-list row of the resident tables, in order, as text. Caller frees. */
static char *tables_text(struct db *db)
{
    struct strbuf sb = STRBUF_INIT;
    static const char *const sql[] = {
        "SELECT term, first, n, hex(postings) FROM resident_gram ORDER BY term, first",
        "SELECT term, first, n, hex(postings) FROM resident_key ORDER BY term, first",
        "SELECT term, first, n, hex(postings) FROM resident_key_inner ORDER BY term, first"};
    for (size_t t = 0; t < 3; t++) {
        struct db_stmt *st = db_prepare(db, sql[t]);
        while (db_step(st) == DB_ROW) {
            size_t n;
            db_col_blob(st, 1, &n);
            strbuf_addf(&sb, "%zu %s %zu %lld %s\n", t, db_col_text(st, 0), n,
                        (long long)db_col_int(st, 2), db_col_text(st, 3));
        }
        db_finalize(st);
    }
    return strbuf_detach(&sb);
}

/* Counts the entries of ids 110 and 111 into ((int *)ctx)[0] and [1]. */
static int id_count(void *ctx, const char *term, const struct posting *e)
{
    (void)term;
    int *n = ctx;
    n[0] += e->id == 110;
    n[1] += e->id == 111;
    return 1;
}

static void spilled_keys_written_as_held(void **state)
{
    (void)state;
    /* Held in memory, a family name's term has hundreds of entries: sorted by radix (RADIX_MIN). */
    file_all(mem, 0, 0, 0, 0);
    /* A run every few dozen people: dozens of runs, short, each term's entries merge sorted. */
    file_all(spill, 8192, 0, 0, 0);
    file_all(merged, 8192, 1, 0, 0);
    file_all(memo, 0, 0, 1, 0);
    file_all(memo_spill, 8192, 1, 1, 0);
    /* A budget the terms take under half of: they stay from run to run, and the memos with them. */
    file_all(memo_kept, 600000, 1, 1, 0);
    /* Never spilled, sorted before the last hundred are filed: their terms are found, not added
     * again. */
    file_all(sorted, 0, 1, 0, 0);
    /* A write undone first, the keys held in memory (spilled at the mark) or in runs. */
    file_all(undone, 0, 0, 0, 1);
    file_all(undone_spill, 8192, 1, 0, 1);
    char *a = tables_text(mem), *b = tables_text(spill), *c = tables_text(merged);
    char *d = tables_text(memo), *e = tables_text(memo_spill), *f = tables_text(memo_kept);
    char *g = tables_text(sorted), *h = tables_text(undone), *u = tables_text(undone_spill);
    assert_true(strlen(a) > 1000);
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    assert_string_equal(a, d);
    assert_string_equal(a, e);
    assert_string_equal(a, f);
    assert_string_equal(a, g);
    assert_string_equal(a, h);
    assert_string_equal(a, u);
    free(f);
    free(g);
    free(h);
    free(u);
    free(c);
    free(d);
    free(e);
    /* Ids changed and entries dropped: person 10 (id 110) is under no key, person 11 (111) is. */
    int ids[2] = {0, 0};
    assert_int_equal(
        postings_scan(spill, POSTINGS_RESIDENTS, POSTINGS_GRAM, "", "\xf7", id_count, ids), DB_OK);
    assert_int_equal(ids[0], 0);
    assert_true(ids[1] > 0);
    free(a);
    free(b);
}

static void id_numbers_met_again_give_their_first_line(void **state)
{
    (void)state;
    struct idcard_seen seen = IDCARD_SEEN_INIT;
    char num[32];
    /* 20,000 numbers: the table grows many times over. */
    for (int i = 0; i < 20000; i++) {
        snprintf(num, sizeof num, "1101051949%07d%c", i, i % 11 == 10 ? 'X' : '0' + i % 11);
        assert_int_equal(idcard_seen_check(&seen, num, i + 2), 0);
    }
    for (int i = 0; i < 20000; i += 997) {
        snprintf(num, sizeof num, "1101051949%07d%c", i, i % 11 == 10 ? 'X' : '0' + i % 11);
        assert_int_equal(idcard_seen_check(&seen, num, 99999), i + 2);
    }
    /* The same 17 digits with another last character is another number. */
    assert_int_equal(idcard_seen_check(&seen, "110105194900000001", 7), 0);
    assert_int_equal(idcard_seen_check(&seen, "11010519490000000X", 8), 0);
    assert_int_equal(idcard_seen_check(&seen, "11010519490000000X", 9), 8);
    /* Text not of 18 characters is remembered too, apart. */
    assert_int_equal(idcard_seen_check(&seen, "E12345678", 10), 0);
    assert_int_equal(idcard_seen_check(&seen, "E12345678", 11), 10);
    assert_int_equal(idcard_seen_check(&seen, "11010519490000000x", 12), 0);
    idcard_seen_free(&seen);
}

/* Keys k as text: grams with their tiers, rank, pinyin and inner keys. Caller frees. */
static char *keys_text(const struct name_keys *k)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%lld|", (long long)k->rank);
    for (size_t i = 0; i < k->ngrams; i++)
        strbuf_addf(&sb, "%s/%d ", k->grams[i].text, k->grams[i].tier);
    for (size_t i = 0; i < k->pinyin.n; i++)
        strbuf_addf(&sb, "|%s", k->pinyin.v[i]);
    strbuf_adds(&sb, "|inner");
    for (size_t i = 0; i < k->inner.n; i++)
        strbuf_addf(&sb, "|%s", k->inner.v[i]);
    return strbuf_detach(&sb);
}

static void cached_keys_are_the_names_keys(void **state)
{
    (void)state;
    static const char chars[] = "伟秀英芳明娜丽雄信三丰静军平国华建红玉兰德志文海燕春梅晓东";
    size_t nchars = strlen(chars) / 3; /* each 3 bytes of UTF-8 */
    struct name_keys_cache *c = name_keys_cache_new();
    struct key_tables *kt = key_tables_new();
    struct name_keys k; /* reused from name to name, as a loader's batch does */
    name_keys_init(&k);
    for (int round = 0; round < 2; round++) /* the second round meets each name again */
        for (size_t i = 0; i < 7 * nchars * nchars; i++) {
            size_t a = i / 7 % nchars, b = i / 7 / nchars;
            char *name = xasprintf("%s%.3s%.3s%s", family[i % 7], chars + 3 * a, chars + 3 * b,
                                   i % 11 ? "" : "·艾力");
            struct name_keys want;
            name_keys_of(name, &want);
            struct name_keys_memo *m = name_keys_cached(c, name, &k, 0);
            char *x = keys_text(&want), *y = keys_text(&k);
            assert_string_equal(x, y);
            free(x);
            free(y);
            /* Asked with the generation of tables its keys were filed in from the memo: the rank.
             */
            key_tables_file_memo(kt, (int64_t)i + 1, &k, m);
            struct name_keys only;
            name_keys_init(&only);
            only.rank = -1;
            m = name_keys_cached(c, name, &only, key_tables_gen(kt));
            assert_int_equal(only.rank, want.rank);
            if (m->data) {
                assert_int_equal(only.ngrams, 0); /* the rest left as it was */
            } else {
                x = keys_text(&want), y = keys_text(&only); /* no memo: the keys themselves */
                assert_string_equal(x, y);
                free(x);
                free(y);
            }
            name_keys_free(&only);
            name_keys_free(&want);
            free(name);
        }
    name_keys_free(&k);
    name_keys_cache_free(c);
    key_tables_free(kt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spilled_keys_written_as_held),
        cmocka_unit_test(id_numbers_met_again_give_their_first_line),
        cmocka_unit_test(cached_keys_are_the_names_keys),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
