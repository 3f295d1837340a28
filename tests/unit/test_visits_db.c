/*
** Unit tests for building chiefs' visits in db/: a visit with two problems
** is one save (the visit, two requests sent on to their units, the
** links); a chief logs visits to their own buildings only; a visit whose
** problem cannot be taken down leaves nothing behind; a chief changes
** the organisations of their own buildings only; the organisations due a
** visit are those of the chief's buildings never visited or not for 90 days;
** a visit's requests carry the organisation's phone and the building's
** grid and community; a visit with requests moves to no other day; one
** before its organisation moved in is refused; a chief changes their own
** visits, not another chief's in a building they share.
*/
#include "unit.h"
#include "app/demo.h"
#include "app/users.h"
#include "db/catalogue_store.h"
#include "db/db.h"
#include "db/organisation_store.h"
#include "db/request_store.h"
#include "db/visit_store.h"
#include "src/clock.h"
#include "src/pinyin.h"
#include "src/user.h"

#include <stdio.h>
#include <unistd.h>

static char dir[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/bangban-visits-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/v.db", dir);
    char *err = NULL;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), DB_OK);
    struct demo_report rep;
    assert_int_equal(demo_seed(db, "测试", &rep, &err), DB_OK);
    /* Users as the demo makes them: its admin, a unit handler, the chief of B101 and B102. */
    static const char *const made[][3] = {
        {"admin", "admin", ""}, {"unit", "unit", ""}, {"chief", "chief", "B101、B102"}};
    for (size_t i = 0; i < 3; i++) {
        struct user u;
        record_init(&user_record, &u);
        record_set(&u.login, made[i][0]);
        record_set(&u.role, made[i][1]);
        record_set(&u.buildings, made[i][2]);
        if (str_eq(made[i][1], "unit")) u.unit_id = db_int(db, 0, "SELECT min(id) FROM unit");
        const char *why = NULL;
        assert_int_equal(users_add(db, &u, NULL, "admin", &why), DB_OK);
        record_free(&user_record, &u);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(db);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    pinyin_shutdown();
    return 0;
}

static int64_t building(const char *code)
{
    char sql[100];
    snprintf(sql, sizeof sql, "SELECT id FROM building WHERE code = '%s'", code);
    return db_int(db, 0, sql);
}

static int64_t item(const char *code)
{
    struct service_item it;
    assert_int_equal(item_get_by_code(db, code, &it), DB_OK);
    int64_t id = it.id;
    service_item_free(&it);
    return id;
}

/* A chief's visit to code on 2026-03-02, in person, with the problems given (NULL: none). */
static void visit_to(struct visit *v, const char *code, const char *p1, int64_t i1, const char *p2,
                     int64_t i2)
{
    record_init(&visit_record, v);
    v->building_id = building(code);
    record_set(&v->day, "2026-03-02");
    record_set(&v->met, "物业经理王强");
    record_set(&v->findings, "电梯和照明有问题");
    record_set(&v->problem[0], p1);
    v->problem_item[0] = i1;
    record_set(&v->problem[1], p2);
    v->problem_item[1] = i2;
}

static void a_visit_and_its_problems_are_one_save(void **state)
{
    (void)state;
    time_t now = at("2026-03-02 16:00");
    const char *why;
    int64_t audits = db_int(db, 0, "SELECT count(*) FROM audit_log");
    struct visit v;
    visit_to(&v, "B101", "三楼照明线路老化", item("HB001"), "电梯经常困人", item("HB055"));
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_OK);
    assert_true(v.id > 0);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM visit_request"), 2);
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM request WHERE channel = 'chief' AND"
                            " status = 'dispatched' AND building_id IS NOT NULL"),
                     2);
    char *numbers = visit_request_numbers(db, v.id);
    assert_str(numbers, "2026-000001, 2026-000002");
    free(numbers);
    assert_true(db_int(db, 0, "SELECT count(*) FROM audit_log") > audits + 2);
    /* Its requests name its building: the visit moves to no other, its findings still edit. */
    struct visit again;
    assert_int_equal(visit_get(db, v.id, &again), DB_OK);
    int64_t was = again.building_id;
    again.building_id = building("B102");
    assert_int_equal(visit_save(db, &again, "chief", now, &why), DB_INVALID);
    assert_non_null(why);
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM visit WHERE building_id = (SELECT id"
                            " FROM building WHERE code = 'B101')"),
                     1);
    again.building_id = was;
    /* Nor to another day: its requests would count in another month's visits. */
    record_set(&again.day, "2026-03-01");
    assert_int_equal(visit_save(db, &again, "chief", now, &why), DB_INVALID);
    record_set(&again.day, "2026-03-02");
    record_set(&again.findings, "电梯和照明有问题，已报修");
    assert_int_equal(visit_save(db, &again, "chief", now, &why), DB_OK);
    record_free(&visit_record, &again);
    record_free(&visit_record, &v);

    /* Another chief's building: refused, nothing written. */
    int64_t visits = db_int(db, 0, "SELECT count(*) FROM visit");
    visit_to(&v, "B103", "漏水", item("HB001"), NULL, 0);
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_DENIED);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM visit"), visits);
    record_free(&visit_record, &v);

    /* A problem that cannot be taken down (its item is gone): the visit is not kept either. */
    int64_t requests = db_int(db, 0, "SELECT count(*) FROM request");
    visit_to(&v, "B102", "外墙脱落", item("HB001"), "消防通道堵塞", 999999);
    assert_int_not_equal(visit_save(db, &v, "chief", now, &why), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM visit"), visits);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM request"), requests);
    assert_int_equal(v.id, 0);
    record_free(&visit_record, &v);

    /* A day after today, or a problem's item without its words: refused before writing. */
    visit_to(&v, "B102", NULL, item("HB001"), NULL, 0);
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_INVALID);
    assert_non_null(why);
    record_set(&v.problem[0], "路灯不亮");
    record_set(&v.day, "2026-03-03");
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_INVALID);
    record_free(&visit_record, &v);
    /* Nor a problem's words without its item: it would be sent nowhere. */
    visit_to(&v, "B102", "电梯经常停运", 0, NULL, 0);
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_INVALID);
    assert_str(why, "Choose the problem's service item: it is sent to that item's unit");
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM request"), requests);
    record_free(&visit_record, &v);
    /* Nor one that says nothing of itself, nor one on a day of 1900. */
    visit_to(&v, "B102", NULL, 0, NULL, 0);
    record_set(&v.met, "");
    record_set(&v.findings, "");
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_INVALID);
    assert_str(why, "Say what the visit was about: who was met, what was talked of or found");
    record_set(&v.topics, "用工情况");
    record_set(&v.day, "1900-01-01");
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_INVALID);
    assert_str(why, "The day is from the year 2000 on: check the year");
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM visit"), visits);
    record_free(&visit_record, &v);

    /* Who may not log visits at all. */
    visit_to(&v, "B101", NULL, 0, NULL, 0);
    assert_int_equal(visit_save(db, &v, "unit", now, &why), DB_DENIED);
    record_free(&visit_record, &v);

    /* The list: the chief's buildings' visits, newest first. */
    struct visit *items;
    size_t n;
    assert_int_equal(visit_list(db, "", 0, 0, "chief", 50, &items, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(items[0].requests, 2);
    assert_str(items[0].visitor, "chief");
    record_array_free(&visit_record, items, n);
}

/* A new organisation called name in building code, saved as admin; its id. */
static int64_t org_in(const char *name, const char *code)
{
    struct organisation o;
    record_init(&organisation_record, &o);
    record_set(&o.name, name);
    o.building_id = building(code);
    assert_true(o.building_id > 0);
    assert_int_equal(organisation_save(db, &o, "admin"), DB_OK);
    int64_t id = o.id;
    record_free(&organisation_record, &o);
    return id;
}

/* Save organisation id with its employees set to employees, as actor. */
static int org_edit(int64_t id, int64_t employees, const char *code, const char *actor)
{
    struct organisation o;
    assert_int_equal(organisation_get(db, id, &o), DB_OK);
    o.employees = employees;
    if (code) o.building_id = building(code);
    int rc = organisation_save(db, &o, actor);
    record_free(&organisation_record, &o);
    return rc;
}

static void a_chief_changes_their_own_buildings_organisations_only(void **state)
{
    (void)state;
    int64_t mine = org_in("天津金诚科技有限公司", "B101");
    int64_t theirs = org_in("天津恒信教育科技有限公司", "B103");
    assert_int_equal(org_edit(mine, 35, NULL, "chief"), DB_OK);
    assert_int_equal(
        db_int(db, 0, "SELECT employees FROM organisation WHERE name = '天津金诚科技有限公司'"),
        35);
    /* Another's building: refused, nothing written. */
    assert_int_equal(org_edit(theirs, 40, NULL, "chief"), DB_DENIED);
    assert_int_equal(org_edit(mine, 36, "B103", "chief"), DB_DENIED);
    assert_int_equal(db_int(db, -1, "SELECT sum(employees) FROM organisation"), 35);
    /* Who neither edits areas nor logs visits. */
    assert_int_equal(org_edit(mine, 37, NULL, "unit"), DB_DENIED);
}

static void organisations_due_a_visit_are_the_chiefs_unvisited(void **state)
{
    (void)state;
    int64_t never = org_in("天津博远人力资源服务股份有限公司", "B101");
    int64_t lately = org_in("天津德润广告有限公司", "B101");
    int64_t long_ago = org_in("天津德润商贸有限公司", "B102");
    int64_t gone = org_in("天津海河广告有限公司", "B101");
    org_in("天津海河网络科技有限责任公司", "B103"); /* not the chief's building */
    struct organisation o;
    assert_int_equal(organisation_get(db, gone, &o), DB_OK);
    assert_int_equal(organisation_set_moved_out(db, &o, "2026-01-01", "admin", NULL), DB_OK);
    record_free(&organisation_record, &o);
    char sql[400];
    const struct {
        int64_t org;
        const char *day;
    } visits[] = {{lately, "2026-02-20"}, {long_ago, "2025-10-01"}, {long_ago, "2025-09-01"}};
    for (size_t i = 0; i < ARRAY_LEN(visits); i++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO visit (building_id, organisation_id, day, way, visitor, created_at,"
                 " created_by, updated_at, updated_by) SELECT building_id, id, '%s', 'door',"
                 " 'chief', 'x', 'chief', 'x', 'chief' FROM organisation WHERE id = %lld",
                 visits[i].day, (long long)visits[i].org);
        assert_int_equal(db_exec(db, sql), DB_OK);
    }
    struct visit_due *due;
    size_t n;
    int64_t total;
    assert_int_equal(visit_due_list(db, "chief", "2026-03-05", "", 50, &due, &n, &total), DB_OK);
    /* Never visited first, then the longest unvisited (90 days or more); not the one of February.
     */
    assert_int_equal(n, 2);
    assert_int_equal(total, 2);
    assert_int_equal(due[0].organisation_id, never);
    assert_str(due[0].last_visit, "");
    assert_int_equal(due[1].organisation_id, long_ago);
    assert_str(due[1].last_visit, "2025-10-01");
    record_array_free(&visit_due_record, due, n);
    /* Ninety days after the February visit it is due too. */
    assert_int_equal(visit_due_list(db, "chief", "2026-05-21", "", 50, &due, &n, &total), DB_OK);
    assert_int_equal(n, 3);
    record_array_free(&visit_due_record, due, n);
    /* A piece of the name narrows it; a user with no buildings has none due. */
    assert_int_equal(visit_due_list(db, "chief", "2026-03-05", "商贸", 50, &due, &n, &total),
                     DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(due[0].organisation_id, long_ago);
    record_array_free(&visit_due_record, due, n);
    assert_int_equal(visit_due_list(db, "admin", "2026-03-05", "", 50, &due, &n, &total), DB_OK);
    assert_int_equal(n, 0);
    record_array_free(&visit_due_record, due, n);
}

/*
** A visit to an organisation: its requests carry the organisation's phone
** (the unit calls it back) and the building's grid and community; a day
** before the organisation moved in is refused.
*/
static void requests_carry_phone_and_place(void **state)
{
    (void)state;
    time_t now = at("2026-03-02 16:00");
    const char *why;
    struct organisation o;
    record_init(&organisation_record, &o);
    record_set(&o.name, "天津明远商贸有限公司");
    o.building_id = building("B101");
    record_set(&o.contact_phone, "13812345678");
    record_set(&o.moved_in, "2020-01-01");
    assert_int_equal(organisation_save(db, &o, "admin"), DB_OK);
    int64_t org = o.id;
    record_free(&organisation_record, &o);
    struct visit v;
    visit_to(&v, "B101", "三楼照明线路老化", item("HB001"), NULL, 0);
    v.organisation_id = org;
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_OK);
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM request r JOIN visit_request vr ON vr.request_id = r.id"
             " JOIN building b ON b.id = r.building_id JOIN grid g ON g.id = b.grid_id"
             " WHERE vr.visit_id = %lld AND r.grid_id = b.grid_id AND r.community_id ="
             " g.community_id AND r.requester_phone = (SELECT contact_phone FROM organisation"
             " WHERE id = %lld)",
             (long long)v.id, (long long)org);
    assert_int_equal(db_int(db, -1, sql), 1);
    record_free(&visit_record, &v);
    /* Before it moved in: refused, nothing written. */
    int64_t visits = db_int(db, 0, "SELECT count(*) FROM visit");
    snprintf(sql, sizeof sql, "UPDATE organisation SET moved_in = '2026-03-05' WHERE id = %lld",
             (long long)org);
    db_exec(db, sql);
    visit_to(&v, "B101", NULL, 0, NULL, 0);
    v.organisation_id = org;
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_INVALID);
    assert_non_null(why);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM visit"), visits);
    record_free(&visit_record, &v);
    /* A move recorded later does not lock the visit before it: its findings still edit. */
    snprintf(sql, sizeof sql,
             "UPDATE organisation SET moved_in = '2020-01-01', moved_out = '2026-03-01' WHERE id = "
             "%lld",
             (long long)org);
    db_exec(db, sql);
    int64_t first = db_int(db, 0, "SELECT min(id) FROM visit WHERE organisation_id IS NOT NULL");
    struct visit again;
    assert_int_equal(visit_get(db, first, &again), DB_OK);
    record_set(&again.findings, "照明已修好");
    assert_int_equal(visit_save(db, &again, "chief", now, &why), DB_OK);
    record_free(&visit_record, &again);
}

/* A chief sharing a building with another changes their own visits there, not the other's. */
static void a_chief_changes_their_own_visits_only(void **state)
{
    (void)state;
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, "chief2");
    record_set(&u.role, "chief");
    record_set(&u.buildings, "B101");
    const char *why = NULL;
    assert_int_equal(users_add(db, &u, NULL, "admin", &why), DB_OK);
    record_free(&user_record, &u);
    time_t now = at("2026-03-02 16:00");
    struct visit v;
    visit_to(&v, "B101", NULL, 0, NULL, 0);
    assert_int_equal(visit_save(db, &v, "chief", now, &why), DB_OK);
    struct visit again;
    assert_int_equal(visit_get(db, v.id, &again), DB_OK);
    record_set(&again.met, "行政主管");
    assert_int_equal(visit_save(db, &again, "chief2", now, &why), DB_DENIED);
    assert_non_null(why);
    assert_int_equal(visit_save(db, &again, "chief", now, &why), DB_OK);
    assert_int_equal(visit_save(db, &again, "admin", now, &why), DB_OK); /* not a chief */
    record_free(&visit_record, &again);
    record_free(&visit_record, &v);
    /* One an admin logged in the chief's building is the chief's to change. */
    visit_to(&v, "B101", NULL, 0, NULL, 0);
    assert_int_equal(visit_save(db, &v, "admin", now, &why), DB_OK);
    assert_int_equal(visit_get(db, v.id, &again), DB_OK);
    record_set(&again.met, "物业经理");
    assert_int_equal(visit_save(db, &again, "chief", now, &why), DB_OK);
    record_free(&visit_record, &again);
    record_free(&visit_record, &v);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_visit_and_its_problems_are_one_save, setup, teardown),
        cmocka_unit_test_setup_teardown(requests_carry_phone_and_place, setup, teardown),
        cmocka_unit_test_setup_teardown(a_chief_changes_their_own_visits_only, setup, teardown),
        cmocka_unit_test_setup_teardown(a_chief_changes_their_own_buildings_organisations_only,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(organisations_due_a_visit_are_the_chiefs_unvisited, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("visits_db", tests, NULL, NULL);
}
