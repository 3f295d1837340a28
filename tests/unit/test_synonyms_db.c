/*
** Unit tests of the catalogue's synonyms: the seeded pairs, the store
** (create, a taken word named as such, a stale version refused, retire
** and restore), and the service-item search reading them (供暖 finds the
** items named 供热; a retired synonym is no longer read).
*/
#include "unit_db.h"
#include "app/demo.h"
#include "db/catalogue_store.h"
#include "db/synonym_store.h"
#include "src/pinyin.h"
#include "src/record.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("synonyms", path, sizeof path);
    struct demo_report rep;
    char *err = NULL;
    assert_int_equal(demo_seed(db, "测试", &rep, &err), DB_OK);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

/* The codes of the active items query finds, joined by spaces. */
static const char *items_for(const char *query)
{
    static char out[4000];
    struct item_list l;
    assert_int_equal(item_list(db, query, 0, 0, &l), DB_OK);
    out[0] = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (i) strcat(out, " ");
        strncat(out, l.items[i].code, sizeof out - strlen(out) - 1);
    }
    item_list_free(&l);
    return out;
}

static void seeded_synonyms_find_items(void **state)
{
    (void)state;
    struct synonym *rows;
    size_t n;
    assert_int_equal(synonym_list(db, 0, &rows, &n), DB_OK);
    assert_int_equal(n, 15);
    record_array_free(&synonym_record, rows, n);
    /* 供暖 and 暖气 are 供热; the words themselves are in no item's name. */
    assert_str(items_for("供热"), "HB174 HB175 HB176");
    assert_str(items_for("供暖"), "HB174 HB175 HB176");
    assert_str(items_for("暖气"), "HB174 HB175 HB176");
    /* A longer fragment holding the word: 供暖不达标 is 供热不达标. */
    assert_str(items_for("供暖不达标"), "HB174");
    /* Words that find nothing so, holding the word, find its target's items. */
    assert_str(items_for("暖气不热"), "HB174 HB175 HB176");
    assert_str(items_for("不热"), "");
    assert_str(items_for("低保"), "HB001");
    /* The words typed in pinyin, as clerks mostly type: full, a start, or the initials. */
    assert_str(items_for("dibao"), "HB001");
    assert_str(items_for("gongnuan"), "HB174 HB175 HB176");
    assert_str(items_for("nuanq"), "HB174 HB175 HB176");
    char *gas = xstrdup(items_for("燃气"));
    assert_true(strlen(gas) > 0);
    assert_str(items_for("煤气"), gas);
    free(gas);
    /* An item named with the word itself is found as before. */
    assert_str(items_for("电梯"), "HB055 HB059");
}

static void store_and_search_follow_edits(void **state)
{
    (void)state;
    assert_str(items_for("打架"), "");
    struct synonym s, twin, desk2;
    record_init(&synonym_record, &s);
    record_set(&s.word, "打架");
    record_set(&s.target, "治安纠纷");
    assert_int_equal(synonym_save(db, &s, "tester"), DB_OK);
    assert_int_equal(s.version, 1);
    assert_str(items_for("打架"), "HB115");
    /* One synonym per word. */
    record_init(&synonym_record, &twin);
    record_set(&twin.word, "打架");
    record_set(&twin.target, "邻里纠纷");
    assert_int_equal(synonym_save(db, &twin, "tester"), DB_DUPLICATE);
    record_free(&synonym_record, &twin);
    /* A stale copy is refused. */
    assert_int_equal(synonym_get(db, s.id, &desk2), DB_OK);
    record_set(&s.target, "治安");
    assert_int_equal(synonym_save(db, &s, "tester"), DB_OK);
    record_set(&desk2.target, "邻里");
    assert_int_equal(synonym_save(db, &desk2, "tester"), DB_CONFLICT);
    record_free(&synonym_record, &desk2);
    /* Retired: not read by the search, kept on file; restored: read again. */
    assert_int_equal(synonym_set_retired(db, &s, 1, "tester", NULL), DB_OK);
    assert_str(items_for("打架"), "");
    struct synonym found;
    assert_int_equal(synonym_find(db, "打架", &found), DB_OK);
    assert_int_equal(found.retired, 1);
    record_free(&synonym_record, &found);
    assert_int_equal(synonym_set_retired(db, &s, 0, "tester", NULL), DB_OK);
    assert_str(items_for("打架"), "HB115");
    record_free(&synonym_record, &s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(seeded_synonyms_find_items, setup, teardown),
        cmocka_unit_test_setup_teardown(store_and_search_follow_edits, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
