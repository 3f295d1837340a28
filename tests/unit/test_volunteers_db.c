/*
** Unit tests of the volunteer register (src/volunteer.h, db/volunteer_store.h):
** the volunteer number's rule (year and serial, full-width digits read),
** numbers given per registration year in the write transaction, the link
** to the resident holding the same ID number, the search shared with the
** residents (pinyin, name, number, mobile suffix; a renamed volunteer's
** old name no longer finds them), the team hierarchy refusing cycles,
** membership dates and history, and the coordinator's right.
*/
#include "unit_db.h"
#include "app/users.h"
#include "db/resident_store.h"
#include "db/user_store.h"
#include "db/volunteer_store.h"
#include "src/pinyin.h"
#include "src/volunteer.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("volunteers", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

/* A new volunteer saved as actor; *v keeps it (caller frees). */
static int volunteer_add(struct volunteer *v, const char *name, const char *id_number,
                         const char *phone, const char *registered_on, const char *actor)
{
    record_init(&volunteer_record, v);
    record_set(&v->name, name);
    record_set(&v->id_number, id_number);
    record_set(&v->phone, phone);
    record_set(&v->registered_on, registered_on);
    return volunteer_save(db, v, actor);
}

static size_t found(const char *query, const char *name)
{
    struct volunteer_hits h;
    assert_int_equal(volunteer_search(db, query, 50, &h), DB_OK);
    size_t n = h.n;
    if (name && n) assert_str(h.items[0].name, name);
    volunteer_hits_free(&h);
    return n;
}

static void number_rule(void **state)
{
    (void)state;
    char out[VOLUNTEER_NUMBER_LEN + 1];
    volunteer_number_format(2026, 42, out);
    assert_str(out, "2026000042");
    int year, serial;
    assert_null(volunteer_number_parse("２０２６０００１２３", out, &year, &serial));
    assert_str(out, "2026000123");
    assert_int_equal(year, 2026);
    assert_int_equal(serial, 123);
    assert_non_null(volunteer_number_parse("202600012", out, NULL, NULL));   /* 9 digits */
    assert_non_null(volunteer_number_parse("20260001234", out, NULL, NULL)); /* 11 */
    assert_non_null(volunteer_number_parse("2026000000", out, NULL, NULL));  /* serial 0 */
    assert_non_null(volunteer_number_parse("1900000001", out, NULL, NULL));  /* before 1989 */
    assert_non_null(volunteer_number_parse("2026A00001", out, NULL, NULL));
}

static void numbers_by_year_and_linked_to_residents(void **state)
{
    (void)state;
    struct resident r;
    resident_init(&r);
    record_set(&r.name, "张三丰");
    record_set(&r.id_number, "120101195601010127");
    assert_int_equal(resident_save(db, &r, "tester", NULL), DB_OK);
    struct volunteer a, b, c;
    assert_int_equal(
        volunteer_add(&a, "张三丰", "120101195601010127", "13912345678", "2025-03-01", "tester"),
        DB_OK);
    assert_int_equal(volunteer_add(&b, "李四", "", "13800001111", "2025-06-01", "tester"), DB_OK);
    assert_int_equal(volunteer_add(&c, "王五", "", "", "2026-01-02", "tester"), DB_OK);
    assert_str(a.number, "2025000001");
    assert_str(b.number, "2025000002");
    assert_str(c.number, "2026000001");
    assert_int_equal(a.resident_id, r.id); /* the same ID number: linked */
    assert_int_equal(b.resident_id, 0);
    struct volunteer got;
    assert_int_equal(volunteer_get_by_number(db, "2025000001", &got), DB_OK);
    assert_int_equal(got.resident_id, r.id);
    assert_str(got.resident_name, "张三丰");
    record_free(&volunteer_record, &got);
    /* One volunteer per ID number. */
    struct volunteer twin;
    assert_int_equal(volunteer_add(&twin, "张三丰", "120101195601010127", "", "", "tester"),
                     DB_DUPLICATE);
    record_free(&volunteer_record, &twin);
    /* Found as residents are. */
    assert_int_equal(found("zsf", "张三丰"), 1);
    assert_int_equal(found("三丰", "张三丰"), 1);
    assert_int_equal(found("5678", "张三丰"), 1);
    assert_int_equal(found("0127", "张三丰"), 1);
    assert_int_equal(found("2025", NULL), 2);
    assert_int_equal(found("2026000001", "王五"), 1);
    /* A new name is found, the old one no longer. */
    record_set(&b.name, "李思远");
    assert_int_equal(volunteer_save(db, &b, "tester"), DB_OK);
    assert_int_equal(found("李四", NULL), 0);
    assert_int_equal(found("lsy", "李思远"), 1);
    assert_int_equal(b.version, 2);
    record_free(&volunteer_record, &a);
    record_free(&volunteer_record, &b);
    record_free(&volunteer_record, &c);
    resident_free(&r);
}

static int64_t team_add(const char *name, int64_t parent, const char **why)
{
    struct team t;
    record_init(&team_record, &t);
    record_set(&t.name, name);
    t.parent_id = parent;
    int rc = team_save(db, &t, "tester", why);
    int64_t id = rc == DB_OK ? t.id : -rc;
    record_free(&team_record, &t);
    return id;
}

static void team_hierarchy_has_no_cycles(void **state)
{
    (void)state;
    const char *why;
    int64_t assoc = team_add("新兴街社区服务志愿者协会", 0, &why);
    int64_t team = team_add("朝阳里志愿服务队", assoc, &why);
    int64_t group = team_add("朝阳里助老小组", team, &why);
    assert_true(assoc > 0 && team > 0 && group > 0);
    struct team t;
    assert_int_equal(team_get(db, assoc, &t), DB_OK);
    t.parent_id = group; /* the association under its own group */
    assert_int_equal(team_save(db, &t, "tester", &why), DB_INVALID);
    assert_non_null(why);
    t.parent_id = assoc; /* under itself */
    assert_int_equal(team_save(db, &t, "tester", &why), DB_INVALID);
    t.parent_id = 0;
    record_set(&t.founded, "2099-01-01"); /* founded on a day not come yet */
    assert_int_equal(team_save(db, &t, "tester", &why), DB_INVALID);
    assert_str(why, "Founded: later than today");
    record_set(&t.founded, "2020-05-04");
    assert_int_equal(team_save(db, &t, "tester", &why), DB_OK);
    record_free(&team_record, &t);
    /* A group may move to another team that is not under it. */
    assert_int_equal(team_get(db, group, &t), DB_OK);
    t.parent_id = assoc;
    assert_int_equal(team_save(db, &t, "tester", &why), DB_OK);
    assert_str(t.name, "朝阳里助老小组");
    record_free(&team_record, &t);
    assert_int_equal(team_get(db, group, &t), DB_OK);
    assert_str(t.parent_name, "新兴街社区服务志愿者协会");
    record_free(&team_record, &t);
}

static void membership_dates_and_history(void **state)
{
    (void)state;
    assert_null(team_member_dates_check("2025-01-01", "", "2026-01-01"));
    assert_null(team_member_dates_check("2025-01-01", "2025-01-01", "2026-01-01"));
    assert_non_null(team_member_dates_check("2025-02-01", "2025-01-01", "2026-01-01"));
    assert_non_null(team_member_dates_check("2027-01-01", "", "2026-01-01"));
    assert_non_null(team_member_dates_check("", "", "2026-01-01"));
    assert_non_null(team_member_dates_check("2025-02-30", "", "2026-01-01"));
    const char *why;
    int64_t team = team_add("滨江道志愿服务队", 0, &why);
    struct volunteer v;
    assert_int_equal(volunteer_add(&v, "赵六", "", "", "2024-01-01", "tester"), DB_OK);
    struct team_member m;
    record_init(&team_member_record, &m);
    m.team_id = team;
    m.volunteer_id = v.id;
    record_set(&m.joined, "2023-12-01"); /* before the volunteer registered */
    assert_int_equal(team_member_save(db, &m, "tester", &why, NULL), DB_INVALID);
    assert_string_equal(why, "Joined before the volunteer registered");
    record_set(&m.joined, "2024-02-01");
    assert_int_equal(team_member_save(db, &m, "tester", &why, NULL), DB_OK);
    /* A member already: not twice at once. */
    struct team_member again;
    record_init(&team_member_record, &again);
    again.team_id = team;
    again.volunteer_id = v.id;
    record_set(&again.joined, "2024-03-01");
    assert_int_equal(team_member_save(db, &again, "tester", &why, NULL), DB_INVALID);
    assert_non_null(why);
    /* Leaving before joining is refused; leaving later is kept. */
    record_set(&m.left_on, "2024-01-15");
    assert_int_equal(team_member_save(db, &m, "tester", &why, NULL), DB_INVALID);
    record_set(&m.left_on, "2024-06-30");
    assert_int_equal(team_member_save(db, &m, "tester", &why, NULL), DB_OK);
    /* Joining again is a new stint; the first stays. */
    record_set(&again.joined, "2025-01-01");
    assert_int_equal(team_member_save(db, &again, "tester", &why, NULL), DB_OK);
    struct team_member *rows;
    size_t n;
    assert_int_equal(team_members(db, team, 0, &rows, &n), DB_OK);
    assert_int_equal(n, 1);
    record_array_free(&team_member_record, rows, n);
    assert_int_equal(team_members(db, team, 1, &rows, &n), DB_OK);
    assert_int_equal(n, 2);
    assert_str(rows[0].left_on, "");
    assert_str(rows[1].left_on, "2024-06-30");
    record_array_free(&team_member_record, rows, n);
    struct team t;
    assert_int_equal(team_get(db, team, &t), DB_OK);
    assert_int_equal(t.members, 1);
    record_free(&team_record, &t);
    record_free(&team_member_record, &m);
    record_free(&team_member_record, &again);
    record_free(&volunteer_record, &v);
}

static void the_coordinator_may_a_desk_clerk_may_not(void **state)
{
    (void)state;
    const char *roles[][2] = {{"admin", "admin"}, {"clerk", "desk"}, {"coord", "volunteers"}};
    for (size_t i = 0; i < 3; i++) {
        struct user u;
        record_init(&user_record, &u);
        record_set(&u.login, roles[i][0]);
        record_set(&u.role, roles[i][1]);
        const char *why = NULL;
        assert_int_equal(users_add(db, &u, NULL, i ? "admin" : "tester", &why), DB_OK);
        record_free(&user_record, &u);
    }
    struct volunteer v;
    int64_t before = 0, after = 0;
    assert_int_equal(volunteer_count(db, &before), DB_OK);
    assert_int_equal(volunteer_add(&v, "钱七", "", "", "", "clerk"), DB_DENIED);
    record_free(&volunteer_record, &v);
    assert_int_equal(volunteer_count(db, &after), DB_OK);
    assert_int_equal(after, before);
    assert_int_equal(volunteer_add(&v, "钱七", "", "", "", "coord"), DB_OK);
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM audit_log WHERE action = 'add' AND"
                            " subject LIKE 'volunteer:%' AND actor = 'coord'"),
                     1);
    record_free(&volunteer_record, &v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(number_rule),
        cmocka_unit_test(numbers_by_year_and_linked_to_residents),
        cmocka_unit_test(team_hierarchy_has_no_cycles),
        cmocka_unit_test(membership_dates_and_history),
        cmocka_unit_test(the_coordinator_may_a_desk_clerk_may_not),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
