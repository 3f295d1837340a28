/*
** Unit tests of a record made with the kits: the staff kinds. The store
** (db/staff_store.h): the seeded kinds, create, a taken code named as
** such, a stale version refused, retire and restore; and the record
** helpers (src/record.h) on it: copy, compare, the three-way merge.
*/
#include "unit_db.h"
#include "db/staff_store.h"
#include "src/pinyin.h"
#include "src/record.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    setenv("BANGBAN_NOW", "2026-03-02 09:30", 1); /* the seed rows are stamped in local time */
    db = unit_db_open("staff", path, sizeof path);
    unsetenv("BANGBAN_NOW");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

/* A new kind, saved; k is left holding it. */
static void kind_make(struct staff_kind *k, const char *code, const char *name)
{
    record_init(&staff_kind_record, k);
    record_set(&k->code, code);
    record_set(&k->name, name);
    assert_int_equal(staff_kind_save(db, k, "tester"), DB_OK);
}

static void seeded_kinds_are_there(void **state)
{
    (void)state;
    struct staff_kind *kinds;
    size_t n;
    assert_int_equal(staff_kind_list(db, 0, &kinds, &n), DB_OK);
    assert_int_equal(n, 6);
    int instructors = 0;
    for (size_t i = 0; i < n; i++)
        instructors += str_eq(kinds[i].name, "党建指导员");
    assert_int_equal(instructors, 1);
    assert_str(kinds[0].updated_at, "2026-03-02 09:30:00");
    record_array_free(&staff_kind_record, kinds, n);
}

static void save_refuses_a_taken_code_and_a_stale_version(void **state)
{
    (void)state;
    struct staff_kind k, twin, desk2;
    kind_make(&k, "LZ", "楼长助理");
    assert_true(k.id > 0);
    assert_int_equal(k.version, 1);
    /* A second kind with the code: refused, and the store says which value is taken. */
    record_init(&staff_kind_record, &twin);
    record_set(&twin.code, "LZ");
    record_set(&twin.name, "另一个");
    assert_int_equal(staff_kind_save(db, &twin, "tester"), DB_DUPLICATE);
    char *col = db_duplicate_field(db);
    assert_str(col, "code");
    free(col);
    /* Two desks read version 1; the first saves; the second is refused. */
    record_copy(&staff_kind_record, &desk2, &k);
    record_set(&k.note, "协助楼长");
    assert_int_equal(staff_kind_save(db, &k, "desk1"), DB_OK);
    assert_int_equal(k.version, 2);
    record_set(&desk2.name, "楼长助手");
    assert_int_equal(staff_kind_save(db, &desk2, "desk2"), DB_CONFLICT);
    /* Merged as the form kit does: only desk2's change goes over desk1's. */
    struct staff_kind base, theirs, merged;
    record_copy(&staff_kind_record, &base, &desk2);
    record_set(&base.name, "楼长助理");
    assert_int_equal(staff_kind_get(db, k.id, &theirs), DB_OK);
    struct record_merge m;
    record_merge_plan(&staff_kind_record, &base, &desk2, &theirs, &m);
    assert_int_equal(m.nmine, 1);
    assert_int_equal(m.ntheirs, 1);
    assert_int_equal(m.nboth, 0);
    record_merge_apply(&staff_kind_record, &m, NULL, &base, &desk2, &theirs, &merged);
    assert_int_equal(staff_kind_save(db, &merged, "desk2"), DB_OK);
    struct staff_kind now;
    assert_int_equal(staff_kind_find(db, "LZ", &now), DB_OK);
    assert_str(now.name, "楼长助手");
    assert_str(now.note, "协助楼长");
    assert_int_equal(now.version, 3);
    record_merge_free(&m);
    record_free(&staff_kind_record, &now);
    record_free(&staff_kind_record, &merged);
    record_free(&staff_kind_record, &theirs);
    record_free(&staff_kind_record, &base);
    record_free(&staff_kind_record, &desk2);
    record_free(&staff_kind_record, &twin);
    record_free(&staff_kind_record, &k);
}

static void retire_and_restore(void **state)
{
    (void)state;
    struct staff_kind k, stale;
    kind_make(&k, "TMP", "临时类别");
    record_copy(&staff_kind_record, &stale, &k);
    assert_int_equal(staff_kind_set_retired(db, &k, 1, "tester", NULL), DB_OK);
    assert_int_equal(k.retired, 1);
    /* Retired kinds are left out unless asked for. */
    struct staff_kind *kinds;
    size_t active, all;
    assert_int_equal(staff_kind_list(db, 0, &kinds, &active), DB_OK);
    record_array_free(&staff_kind_record, kinds, active);
    assert_int_equal(staff_kind_list(db, 1, &kinds, &all), DB_OK);
    record_array_free(&staff_kind_record, kinds, all);
    assert_int_equal(all, active + 1);
    /* A copy from before the retirement is stale. */
    struct staff_kind now;
    assert_int_equal(staff_kind_set_retired(db, &stale, 0, "tester2", &now), DB_CONFLICT);
    assert_int_equal(now.retired, 1); /* the kind as it is: retired by tester */
    assert_str(now.updated_by, "tester");
    record_free(&staff_kind_record, &now);
    assert_int_equal(staff_kind_set_retired(db, &k, 0, "tester", NULL), DB_OK);
    assert_int_equal(k.retired, 0);
    record_free(&staff_kind_record, &stale);
    record_free(&staff_kind_record, &k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seeded_kinds_are_there),
        cmocka_unit_test(save_refuses_a_taken_code_and_a_stale_version),
        cmocka_unit_test(retire_and_restore),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
