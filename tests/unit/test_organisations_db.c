/*
** Unit tests of the organisation register (db/organisation_store.h,
** src/organisation.h): a save with its keys and audit row; the credit code
** unique when given (two without one are fine); a stale version refused
** and "save over" merging two desks' edits; a retired building refused;
** search by a piece of the name, pinyin initials and full pinyin from a
** word inside, a piece or the last characters of the credit code, a long
** fragment; a rename files the name again; one that moved out is kept
** (left out of searches unless asked for, still read whole and exported);
** a contact phone shown in full is in the audit log with its reason.
*/
#include "unit_db.h"
#include "db/area.h"
#include "db/organisation_store.h"
#include "src/pinyin.h"
#include "src/record.h"
#include "src/phone.h"

static char path[256];
static struct db *db;
static int64_t building_id, other_building_id;

static int64_t area_make(enum area_kind kind, const char *code, const char *name, int64_t parent)
{
    struct area a;
    area_init(&a, kind);
    record_set(&a.code, code);
    record_set(&a.name, name);
    a.parent_id = parent;
    assert_int_equal(area_save(db, &a, "tester", NULL), DB_OK);
    int64_t id = a.id;
    area_free(&a);
    return id;
}

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("organisations", path, sizeof path);
    int64_t street = area_make(AREA_STREET, "120101001", "劝业场街道", 0);
    building_id = area_make(AREA_BUILDING, "B101", "滨江国际大厦", street);
    other_building_id = area_make(AREA_BUILDING, "B102", "和平路商务中心", street);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

/* A new organisation, saved; o is left holding it. */
static void org_make(struct organisation *o, const char *name, const char *code, int64_t building)
{
    record_init(&organisation_record, o);
    record_set(&o->name, name);
    record_set(&o->credit_code, code);
    o->building_id = building;
    assert_int_equal(organisation_save(db, o, "tester"), DB_OK);
}

/* How many organisations query finds (moved out too when all), and the first one's name. */
static int64_t found(const char *query, int all, char *first, size_t size)
{
    struct organisation_hits h;
    assert_int_equal(organisation_search(db, query, NULL, 0, all, 50, &h), DB_OK);
    if (first) snprintf(first, size, "%s", h.n ? h.items[0].name : "");
    assert_int_equal(h.total, (int64_t)h.n);
    int64_t n = (int64_t)h.n;
    record_array_free(&organisation_record, h.items, h.n);
    return n;
}

static void save_files_keys_and_audits(void **state)
{
    (void)state;
    struct organisation o;
    org_make(&o, "天津金诚科技有限公司", "91120101MA07T3QK92", building_id);
    assert_true(o.id > 0);
    assert_int_equal(o.version, 1);
    struct organisation got;
    assert_int_equal(organisation_get(db, o.id, &got), DB_OK);
    assert_str(got.building_name, "滨江国际大厦");
    assert_str(got.credit_code, "91120101MA07T3QK92");
    assert_int_equal(got.retired, 0);
    record_free(&organisation_record, &got);
    assert_int_equal(db_int(db, -1,
                            "SELECT count(*) FROM audit_log WHERE action ="
                            " 'add' AND subject LIKE 'organisation:%' AND detail LIKE '%金诚%'"),
                     1);
    char first[200];
    assert_int_equal(found("金诚", 0, first, sizeof first), 1);
    assert_str(first, "天津金诚科技有限公司");
    assert_int_equal(found("jckj", 0, NULL, 0), 1);         /* initials of a word inside */
    assert_int_equal(found("jincheng", 0, NULL, 0), 1);     /* full pinyin of it */
    assert_int_equal(found("tjjc", 0, NULL, 0), 1);         /* initials from the start */
    assert_int_equal(found("3QK92", 0, NULL, 0), 1);        /* the code's last characters */
    assert_int_equal(found("3qk92", 0, NULL, 0), 1);        /* typed in lower case */
    assert_int_equal(found("０１ＭＡ07", 0, NULL, 0), 1);   /* a piece, full-width */
    assert_int_equal(found("金诚科技有限", 0, NULL, 0), 1); /* longer than a piece */
    assert_int_equal(found("qk", 0, NULL, 0), 1); /* letters that are no pinyin: the code's */
    assert_int_equal(found("金诚科技无限", 0, NULL, 0), 0);
    assert_int_equal(found("天津金诚科技有限公司", 0, NULL, 0), 1); /* longer than a piece */
    assert_int_equal(found("金诚科技有限公", 0, NULL, 0), 1);
    assert_int_equal(found("津金诚科技无限公", 0, NULL, 0), 0);
    assert_int_equal(
        db_int(db, -1, "SELECT count(*) FROM organisation_key WHERE term = 'n金诚科技有限'"),
        1); /* six characters are one term */
    assert_int_equal(found("zzzz", 0, NULL, 0), 0);
    /* A building's own list. */
    struct organisation_hits h;
    assert_int_equal(organisation_search(db, "", NULL, other_building_id, 0, 50, &h), DB_OK);
    assert_int_equal(h.n, 0);
    assert_int_equal(organisation_search(db, "jc", NULL, building_id, 0, 50, &h), DB_OK);
    assert_int_equal(h.n, 1);
    record_array_free(&organisation_record, h.items, h.n);
    record_free(&organisation_record, &o);
}

/* A database from before pieces of 5 and 6 characters is filed again on opening. */
static void upgrade_files_longer_pieces(void **state)
{
    (void)state;
    struct organisation o;
    org_make(&o, "天津和平宏达物业管理有限公司", "", building_id);
    assert_int_equal(db_exec(db,
                             "DELETE FROM organisation_key WHERE term LIKE 'n%'"
                             " AND length(term) > 5;" UNIT_DB_SINCE_21 " PRAGMA user_version = 20"),
                     DB_OK);
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path, 0, &db, &err), DB_OK);
    assert_int_equal(
        db_int(db, -1, "SELECT count(*) FROM organisation_key WHERE term = 'n宏达物业管理'"), 1);
    assert_int_equal(found("宏达物业管理", 0, NULL, 0), 1);
    assert_int_equal(found("和平宏达物业", 0, NULL, 0), 1);
    record_free(&organisation_record, &o);
}

/*
** An organisation is found by its contact's name and the digits of the
** contact's phone, any piece of either, as by its own name and code; a
** contact changed is found by the new alone.
*/
static void found_by_contact(void **state)
{
    (void)state;
    struct organisation o;
    record_init(&organisation_record, &o);
    record_set(&o.name, "天津恒信教育科技有限公司");
    record_set(&o.contact_name, "马明哲");
    record_set(&o.contact_phone, "13508594122");
    o.building_id = building_id;
    assert_int_equal(organisation_save(db, &o, "tester"), DB_OK);
    char first[200];
    assert_int_equal(found("4122", 0, first, sizeof first), 1); /* the phone's last digits */
    assert_str(first, "天津恒信教育科技有限公司");
    assert_int_equal(found("13508594122", 0, NULL, 0), 1);   /* the whole phone */
    assert_int_equal(found("135-0859-4122", 0, NULL, 0), 1); /* with dashes */
    assert_int_equal(found("0859", 0, NULL, 0), 0);          /* digits a list masks find nothing */
    assert_int_equal(found("马明哲", 0, NULL, 0), 1);
    assert_int_equal(found("明哲", 0, NULL, 0), 1);
    assert_int_equal(found("mmz", 0, NULL, 0), 1); /* the contact's initials */
    /* Another contact: the old is found no more. */
    record_set(&o.contact_name, "刘芳");
    record_set(&o.contact_phone, "022-27306655");
    assert_int_equal(organisation_save(db, &o, "tester"), DB_OK);
    assert_int_equal(found("4122", 0, NULL, 0), 0);
    assert_int_equal(found("马明哲", 0, NULL, 0), 0);
    assert_int_equal(found("刘芳", 0, NULL, 0), 1);
    assert_int_equal(found("6655", 0, NULL, 0), 1);         /* a landline's last digits */
    assert_int_equal(found("02227306655", 0, NULL, 0), 1);  /* whole, the dash left out */
    assert_int_equal(found("022-27306655", 0, NULL, 0), 1); /* or typed */
    assert_int_equal(found("2730", 0, NULL, 0), 0);
    /* A database from before contacts were filed is filed again on opening. */
    assert_int_equal(db_exec(db, "DELETE FROM organisation_key WHERE term IN ('t55660372220',"
                                 " 'n刘芳');"
                                 " PRAGMA user_version = 30"),
                     DB_OK);
    assert_int_equal(found("刘芳", 0, NULL, 0), 0);
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path, 0, &db, &err), DB_OK);
    assert_int_equal(found("刘芳", 0, NULL, 0), 1);
    record_free(&organisation_record, &o);
}

static void credit_code_unique_when_given(void **state)
{
    (void)state;
    struct organisation a, b, c, d;
    org_make(&a, "天津恒信商贸有限公司", "91120101MA05R8LW6J", building_id);
    record_init(&organisation_record, &b);
    record_set(&b.name, "天津另一家商贸有限公司");
    record_set(&b.credit_code, "91120101MA05R8LW6J");
    assert_int_equal(organisation_save(db, &b, "tester"), DB_DUPLICATE);
    char *field = db_duplicate_field(db);
    assert_str(field, "credit_code");
    free(field);
    assert_int_equal(b.id, 0);
    /* Nothing of the refused one stays: not its keys either. */
    assert_int_equal(found("lyj", 0, NULL, 0), 0);
    org_make(&c, "和平区个体餐馆", "", building_id);
    org_make(&d, "和平区个体餐馆", "", other_building_id);
    assert_int_equal(found("个体餐馆", 0, NULL, 0), 2);
    struct organisation e;
    assert_int_equal(organisation_find_name(db, "和平区个体餐馆", other_building_id, &e), DB_OK);
    assert_int_equal(e.id, d.id);
    record_free(&organisation_record, &e);
    assert_int_equal(organisation_find_code(db, "91120101MA05R8LW6J", &e), DB_OK);
    assert_int_equal(e.id, a.id);
    record_free(&organisation_record, &e);
    /* Who holds the code: the clash names it. */
    const char *clash;
    assert_int_equal(organisation_clash(db, &b, &e, &clash), DB_OK);
    assert_str(clash, "credit_code");
    assert_int_equal(e.id, a.id);
    record_free(&organisation_record, &e);
    /* A second of the same name in the same building, with no code: the same one, refused. */
    struct organisation twice;
    record_init(&organisation_record, &twice);
    record_set(&twice.name, "和平区个体餐馆");
    twice.building_id = building_id;
    assert_int_equal(organisation_save(db, &twice, "tester"), DB_DUPLICATE);
    assert_int_equal(twice.id, 0);
    assert_int_equal(organisation_clash(db, &twice, &e, &clash), DB_OK);
    assert_str(clash, "name");
    assert_int_equal(e.id, c.id);
    record_free(&organisation_record, &e);
    /* Moved out, the first no longer holds the name: one moving in takes it. */
    assert_int_equal(organisation_set_moved_out(db, &c, "2026-12-01", "tester", NULL), DB_OK);
    assert_int_equal(organisation_save(db, &twice, "tester"), DB_OK);
    /* and the first, moved back in, is refused, saved or marked back. */
    assert_int_equal(organisation_set_moved_out(db, &c, "", "tester", NULL), DB_DUPLICATE);
    record_set(&c.moved_out, "");
    assert_int_equal(organisation_save(db, &c, "tester"), DB_DUPLICATE);
    record_free(&organisation_record, &twice);
    record_free(&organisation_record, &a);
    record_free(&organisation_record, &b);
    record_free(&organisation_record, &c);
    record_free(&organisation_record, &d);
}

static void stale_version_and_save_over(void **state)
{
    (void)state;
    struct organisation o, desk2;
    org_make(&o, "天津瑞丰文化传媒有限公司", "91120101MA06H4NP7K", building_id);
    record_copy(&organisation_record, &desk2, &o);
    /* Desk 1 changes the contact and renames it. */
    record_set(&o.contact_name, "王芳");
    record_set(&o.name, "天津瑞丰文化传播有限公司");
    assert_int_equal(organisation_save(db, &o, "desk1"), DB_OK);
    assert_int_equal(o.version, 2);
    /* Desk 2, from version 1, changes the employees: refused. */
    desk2.employees = 40;
    assert_int_equal(organisation_save(db, &desk2, "desk2"), DB_CONFLICT);
    /* Merged as the form kit does: only desk 2's change goes over desk 1's. */
    struct organisation base, theirs, merged;
    assert_int_equal(organisation_get(db, o.id, &theirs), DB_OK);
    record_copy(&organisation_record, &base, &desk2);
    base.employees = 0;
    struct record_merge m;
    record_merge_plan(&organisation_record, &base, &desk2, &theirs, &m);
    assert_int_equal(m.nmine, 1);
    assert_int_equal(m.ntheirs, 2);
    assert_int_equal(m.nboth, 0);
    record_merge_apply(&organisation_record, &m, NULL, &base, &desk2, &theirs, &merged);
    assert_int_equal(organisation_save(db, &merged, "desk2"), DB_OK);
    struct organisation now;
    assert_int_equal(organisation_get(db, o.id, &now), DB_OK);
    assert_str(now.name, "天津瑞丰文化传播有限公司");
    assert_str(now.contact_name, "王芳");
    assert_int_equal(now.employees, 40);
    assert_int_equal(now.version, 3);
    assert_str(now.updated_by, "desk2");
    /* The rename filed it under its new name only. */
    assert_int_equal(found("文化传播", 0, NULL, 0), 1);
    assert_int_equal(found("文化传媒", 0, NULL, 0), 0);
    assert_int_equal(found("whcb", 0, NULL, 0), 1);
    char *edits = xasprintf("SELECT count(*) FROM audit_log WHERE action = 'edit'"
                            " AND subject = 'organisation:%lld'",
                            (long long)o.id);
    assert_int_equal(db_int(db, -1, edits), 2);
    free(edits);
    record_merge_free(&m);
    record_free(&organisation_record, &now);
    record_free(&organisation_record, &merged);
    record_free(&organisation_record, &theirs);
    record_free(&organisation_record, &base);
    record_free(&organisation_record, &desk2);
    record_free(&organisation_record, &o);
}

static void retired_building_refused(void **state)
{
    (void)state;
    assert_int_equal(db_exec(db, "UPDATE building SET retired = 1 WHERE code = 'B102'"), DB_OK);
    struct organisation o;
    record_init(&organisation_record, &o);
    record_set(&o.name, "天津博远咨询有限公司");
    o.building_id = other_building_id;
    assert_int_equal(organisation_save(db, &o, "tester"), DB_INVALID);
    assert_int_equal(o.id, 0);
    assert_int_equal(db_exec(db, "UPDATE building SET retired = 0 WHERE code = 'B102'"), DB_OK);
    assert_int_equal(organisation_save(db, &o, "tester"), DB_OK);
    record_free(&organisation_record, &o);
}

static void moved_out_is_kept(void **state)
{
    (void)state;
    struct organisation o, stale;
    int64_t active, out, out_before;
    assert_int_equal(organisation_counts(db, &active, &out_before), DB_OK);
    org_make(&o, "天津鼎盛投资管理有限公司", "", building_id);
    record_copy(&organisation_record, &stale, &o);
    assert_int_equal(organisation_set_moved_out(db, &o, "2026-03-01", "tester", NULL), DB_OK);
    assert_int_equal(o.retired, 1);
    assert_int_equal(found("鼎盛", 0, NULL, 0), 0);
    assert_int_equal(found("鼎盛", 1, NULL, 0), 1);
    struct organisation now;
    assert_int_equal(organisation_set_moved_out(db, &stale, "", "desk2", &now), DB_CONFLICT);
    assert_str(now.moved_out, "2026-03-01");
    record_free(&organisation_record, &now);
    assert_int_equal(organisation_get(db, o.id, &now), DB_OK);
    assert_int_equal(now.retired, 1);
    record_free(&organisation_record, &now);
    assert_int_equal(organisation_counts(db, &active, &out), DB_OK);
    assert_int_equal(out, out_before + 1);
    struct organisation *all;
    size_t n;
    assert_int_equal(organisation_all(db, NULL, &all, &n), DB_OK);
    assert_int_equal((int64_t)n, active + out);
    record_array_free(&organisation_record, all, n);
    assert_int_equal(db_int(db, -1,
                            "SELECT count(*) FROM audit_log WHERE action ="
                            " 'organisation-moved-out' AND detail LIKE '%鼎盛%'"),
                     1);
    assert_int_equal(organisation_set_moved_out(db, &o, "", "tester", NULL), DB_OK);
    assert_int_equal(found("鼎盛", 0, NULL, 0), 1);
    /* A move out typed in the form counts the same. */
    record_set(&o.moved_out, "2026-04-01");
    assert_int_equal(organisation_save(db, &o, "tester"), DB_OK);
    assert_int_equal(found("dingsheng", 0, NULL, 0), 0);
    assert_int_equal(found("dingsheng", 1, NULL, 0), 1);
    record_free(&organisation_record, &stale);
    record_free(&organisation_record, &o);
}

static void checks_of_values(void **state)
{
    (void)state;
    assert_null(organisation_check_party_org("联合"));
    assert_non_null(organisation_check_party_org("有"));
    assert_null(organisation_check_stability("较不稳定"));
    assert_non_null(organisation_check_stability("很稳定"));
    assert_int_equal(organisation_count("３５"), 35);
    assert_int_equal(organisation_count(""), 0);
    assert_int_equal(organisation_count("3.5"), -1);
    assert_null(phone_check_any("022-23456789"));
    assert_non_null(phone_check_any("12345"));
    char *p = phone_normal_any("138 0013 8000");
    assert_str(p, "13800138000");
    free(p);
    char *m = organisation_masked_phone("13800138000");
    assert_str(m, "138****8000");
    free(m);
    char *d = organisation_normal_date("2024/3/1");
    assert_str(d, "2024-03-01");
    free(d);
}

/* A contact phone shown in full: refused with no reason; with one, an audit row about it. */
static void reveal_recorded(void **state)
{
    (void)state;
    struct organisation o;
    org_make(&o, "天津明远商贸有限公司", "", building_id);
    assert_int_equal(organisation_reveal(db, o.id, "phone", "  ", "tester"), DB_INVALID);
    assert_int_equal(organisation_reveal(db, o.id, "phone", "核实联系人", "tester"), DB_OK);
    char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject = "
                          "'organisation:%lld' AND detail = 'phone: 核实联系人'",
                          (long long)o.id);
    assert_int_equal(db_int(db, -1, sql), 1);
    free(sql);
    record_free(&organisation_record, &o);
}

/* The name a narrow column shows: the place and the company form gone, a branch whole. */
static void short_names(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"天津宏达科技有限公司", "宏达科技"},
        {"天津市和平区物业管理有限责任公司", "和平区物业管理"},
        {"和平商贸有限公司", "和平商贸"},
        {"石家庄市新华书店有限公司", "新华书店"},
        {"内蒙古伊利实业集团股份有限公司", "伊利实业集团"},
        {"中国移动通信集团天津有限公司和平分公司", "中国移动通信集团天津有限公司和平分公司"},
        {"天津公司", "天津公司"},
        {"天津一有限公司", "天津一有限公司"},
        {"和平区社区卫生服务中心", "和平区社区卫生服务中心"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        char *got = organisation_short_name(cases[i][0]);
        assert_string_equal(got, cases[i][1]);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(save_files_keys_and_audits),
        cmocka_unit_test(found_by_contact),
        cmocka_unit_test(credit_code_unique_when_given),
        cmocka_unit_test(upgrade_files_longer_pieces),
        cmocka_unit_test(stale_version_and_save_over),
        cmocka_unit_test(retired_building_refused),
        cmocka_unit_test(moved_out_is_kept),
        cmocka_unit_test(checks_of_values),
        cmocka_unit_test(reveal_recorded),
        cmocka_unit_test(short_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
