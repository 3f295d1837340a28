/*
** Unit tests of the volunteers' bulk loader (db/volunteer_bulk.h): the
** search finds volunteers loaded at once exactly as it finds the same
** volunteers saved one by one (names, pinyin, number, ID and mobile
** digits), teams with their parents, members and leaders, and a register
** that holds volunteers already refused with nothing written.
*/
#include "unit_db.h"
#include "db/volunteer_bulk.h"
#include "db/volunteer_store.h"
#include "src/idcard.h"
#include "src/pinyin.h"
#include "src/volunteer.h"

static char path_bulk[256], path_one[256];
static struct db *bulk, *one;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    bulk = unit_db_open("vbulk", path_bulk, sizeof path_bulk);
    one = unit_db_open("vone", path_one, sizeof path_one);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(bulk, path_bulk);
    unit_db_remove(one, path_one);
    pinyin_shutdown();
    return 0;
}

static const char *const names[] = {"张伟", "张三丰", "李秀英", "王芳", "张伟", "欧阳明",
                                    "李娜", "王伟",   "刘洋",   "陈静", "张丽", "单雄信"};
#define N (sizeof names / sizeof names[0])

/* The i-th volunteer: a name of the list, a number of 2024, a mobile and an ID number. */
static void volunteer_nth(size_t i, struct volunteer *v)
{
    record_init(&volunteer_record, v);
    record_set(&v->name, names[i]);
    char number[VOLUNTEER_NUMBER_LEN + 1];
    volunteer_number_format(2024, (int)i + 1, number);
    record_set(&v->number, number);
    char *phone = xasprintf("139%08zu", 1000 + i * 7);
    record_take(&v->phone, phone);
    /* 17 digits and their check character. */
    char *first = xasprintf("1201011980%02zu01%03zu", i % 12 + 1, i + 100);
    char *id = xasprintf("%s%c", first, idcard_check_char(first));
    free(first);
    record_take(&v->id_number, id);
    record_set(&v->registered_on, "2024-05-01");
    record_set(&v->status, VOLUNTEER_ACTIVE);
    record_set(&v->id_type, "居民身份证");
}

/* The numbers a search finds, in order, as one string. */
static char *numbers_found(struct db *db, const char *query)
{
    struct volunteer_hits h;
    assert_int_equal(volunteer_search(db, query, 50, &h), DB_OK);
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < h.n; i++)
        strbuf_addf(&sb, "%s ", h.items[i].number);
    strbuf_addf(&sb, "(%zu)", h.total);
    volunteer_hits_free(&h);
    return strbuf_detach(&sb);
}

static void loaded_at_once_found_as_saved_one_by_one(void **state)
{
    (void)state;
    struct volunteer v[N];
    int team_of[N];
    for (size_t i = 0; i < N; i++) {
        volunteer_nth(i, &v[i]);
        team_of[i] = i % 3 == 0 ? -1 : (int)(i % 2);
    }
    const struct volunteer_bulk_team teams[] = {{"协会", -1, 0, "1989-03-18", ""},
                                                {"第一服务队", 0, 0, "2020-01-01", "周干事"}};
    assert_int_equal(volunteer_bulk_load(bulk, "tester", teams, 2, v, team_of, N, NULL, NULL),
                     DB_OK);
    assert_int_equal(v[0].id, 1);
    assert_int_equal(v[N - 1].id, (int64_t)N);
    for (size_t i = 0; i < N; i++) {
        struct volunteer s;
        volunteer_nth(i, &s);
        assert_int_equal(volunteer_save(one, &s, "tester"), DB_OK);
        record_free(&volunteer_record, &s);
    }
    static const char *const queries[] = {"张",       "张伟", "zw", "zhangw", "三丰", "sf",
                                          "欧阳",     "oym",  "单", "shan",   "2024", "2024000007",
                                          "00001007", "1014", "伟", "li",     "xiu",  "明"};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        char *a = numbers_found(bulk, queries[q]), *b = numbers_found(one, queries[q]);
        assert_string_equal(a, b);
        assert_true(strlen(a) > 4); /* each finds someone */
        free(a);
        free(b);
    }
    /* The teams: the parent, the members who joined the day they registered, the first leads. */
    struct team t;
    assert_int_equal(team_find(bulk, "第一服务队", &t), DB_OK);
    assert_str(t.parent_name, "协会");
    assert_str(t.leader_name, names[1]);
    assert_str(t.staff, "周干事");
    assert_int_equal(t.members, 4);
    record_free(&team_record, &t);
    assert_int_equal(
        db_int(bulk, 0, "SELECT count(*) FROM team_member WHERE joined = '2024-05-01'"), 8);
    assert_int_equal(db_int(bulk, 0, "SELECT count(*) FROM audit_log WHERE action = 'demo'"), 1);
    for (size_t i = 0; i < N; i++)
        record_free(&volunteer_record, &v[i]);
    /* A register holding volunteers is not loaded at once: nothing is written. */
    struct volunteer more;
    volunteer_nth(0, &more);
    record_set(&more.number, "2025000001");
    assert_int_equal(volunteer_bulk_load(bulk, "tester", NULL, 0, &more, NULL, 1, NULL, NULL),
                     DB_INVALID);
    record_free(&volunteer_record, &more);
    assert_int_equal(db_int(bulk, 0, "SELECT count(*) FROM volunteer"), (int64_t)N);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loaded_at_once_found_as_saved_one_by_one),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
