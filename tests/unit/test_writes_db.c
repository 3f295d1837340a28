/*
** Unit tests of the stores' writes below the screen (db/change.h): each
** write checks the acting user's right in its own transaction and goes to
** the audit log with what changed. A desk clerk cannot save a unit, a unit
** handler cannot save a resident: refused, nothing written, no audit row.
** An admin can, and the audit row holds the change field by field (old ->
** new, secret numbers masked); a save that changes nothing writes no row;
** retiring, restoring, a calendar's range and a removal are logged too. An
** import is refused before its ledger is read. A database with no users
** lets everyone do everything, and logs it all the same.
*/
#include "unit_db.h"
#include "app/ledgers.h"
#include "app/users.h"
#include "db/area.h"
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "db/resident_store.h"
#include "db/staff_store.h"
#include "db/synonym_store.h"
#include "db/user_store.h"
#include "src/audit.h"
#include "src/pinyin.h"
#include "src/roles.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("writes", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

/* A new user login of role (a unit handler for unit_id), added by actor. */
static void user_make(const char *login, const char *role, int64_t unit_id, const char *actor)
{
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, login);
    record_set(&u.role, role);
    u.unit_id = unit_id;
    const char *why = NULL;
    assert_int_equal(users_add(db, &u, NULL, actor, &why), DB_OK);
    record_free(&user_record, &u);
}

/* An admin, a desk clerk and a unit handler of unit_id. */
static void staff_make(int64_t unit_id)
{
    user_make("admin", "admin", 0, "tester");
    user_make("clerk", "desk", 0, "admin");
    user_make("handler", "unit", unit_id, "admin");
}

/* Rows of the audit log about subject (NULL: about any record) with action (NULL: any). */
static int64_t logged(const char *action, const char *subject)
{
    char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE action IN ('add', 'edit', 'retire',"
                          " 'restore', 'remove') AND ('%s' = '' OR action = '%s')"
                          " AND ('%s' = '' OR subject = '%s')",
                          action ? action : "", action ? action : "", subject ? subject : "",
                          subject ? subject : "");
    int64_t n = db_int(db, -1, sql);
    free(sql);
    return n;
}

/* The detail of the newest audit row. Caller frees. */
static char *last_detail(void)
{
    struct db_stmt *st = db_prepare(db, "SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1");
    char *d = db_step(st) == DB_ROW ? db_col_dup(st, 0) : xstrdup("");
    db_finalize(st);
    return d;
}

/* A new unit saved as actor: the store's answer; *u keeps it (caller frees). */
static int unit_add(struct unit *u, const char *code, const char *name, const char *actor)
{
    unit_init(u);
    record_set(&u->code, code);
    record_set(&u->name, name);
    record_set(&u->phone, "022-27301111");
    return unit_save(db, u, actor, NULL);
}

static void no_users_allow_everything_and_log_it(void **state)
{
    (void)state;
    struct unit u;
    assert_int_equal(unit_add(&u, "U01", "区民政局", "somebody"), DB_OK);
    char subject[32];
    snprintf(subject, sizeof subject, "unit:%lld", (long long)u.id);
    assert_int_equal(logged("add", subject), 1);
    char *d = last_detail();
    assert_str(d, "Code: U01\nName: 区民政局\nPhone: 022-27301111");
    free(d);
    unit_free(&u);
}

static void a_desk_clerk_cannot_save_a_unit(void **state)
{
    (void)state;
    struct unit u;
    assert_int_equal(unit_add(&u, "U01", "区民政局", "tester"), DB_OK);
    staff_make(u.id);
    int64_t before = logged(NULL, NULL);
    struct unit other;
    assert_int_equal(unit_add(&other, "U02", "区卫健委", "clerk"), DB_DENIED);
    assert_int_equal(other.id, 0);
    unit_free(&other);
    record_set(&u.name, "改过的名字");
    int64_t version = u.version;
    assert_int_equal(unit_save(db, &u, "clerk", NULL), DB_DENIED);
    assert_int_equal(u.version, version);
    int64_t blocking;
    assert_int_equal(unit_set_retired(db, &u, 1, "clerk", &blocking, NULL), DB_DENIED);
    /* Nothing written, nothing logged. */
    assert_int_equal(unit_count(db), 1);
    struct unit stored;
    assert_int_equal(unit_get(db, u.id, &stored), DB_OK);
    assert_str(stored.name, "区民政局");
    assert_int_equal(stored.retired, 0);
    unit_free(&stored);
    assert_int_equal(logged(NULL, NULL), before);
    /* Nor an item, a calendar day, a synonym, an area or a staff kind. */
    struct service_item it;
    service_item_init(&it);
    record_set(&it.code, "S01");
    record_set(&it.name, "低保申请");
    it.unit_id = u.id;
    assert_int_equal(item_save(db, &it, "clerk", NULL), DB_DENIED);
    service_item_free(&it);
    assert_int_equal(calendar_set(db, "2026-10-01", 0, "国庆节", "clerk"), DB_DENIED);
    struct synonym syn;
    record_init(&synonym_record, &syn);
    record_set(&syn.word, "供暖");
    record_set(&syn.target, "供热");
    assert_int_equal(synonym_save(db, &syn, "clerk"), DB_DENIED);
    record_free(&synonym_record, &syn);
    struct area street;
    area_init(&street, AREA_STREET);
    record_set(&street.code, "S9");
    record_set(&street.name, "新街道");
    assert_int_equal(area_save(db, &street, "clerk", NULL), DB_DENIED);
    area_free(&street);
    struct staff_kind k;
    record_init(&staff_kind_record, &k);
    record_set(&k.code, "X1");
    record_set(&k.name, "新类别");
    assert_int_equal(staff_kind_save(db, &k, "clerk"), DB_DENIED);
    record_free(&staff_kind_record, &k);
    assert_int_equal(logged(NULL, NULL), before);
    /* The clerk's own work goes on: a resident. */
    struct resident r;
    resident_init(&r);
    record_set(&r.name, "张三");
    assert_int_equal(resident_save(db, &r, "clerk", NULL), DB_OK);
    assert_int_equal(logged("add", NULL), before + 1);
    resident_free(&r);
    unit_free(&u);
}

static void a_unit_handler_cannot_save_a_resident(void **state)
{
    (void)state;
    struct unit u;
    assert_int_equal(unit_add(&u, "U01", "区民政局", "tester"), DB_OK);
    staff_make(u.id);
    struct resident r;
    resident_init(&r);
    record_set(&r.name, "李四");
    assert_int_equal(resident_save(db, &r, "clerk", NULL), DB_OK);
    int64_t before = logged(NULL, NULL);
    record_set(&r.address, "滨江道1号");
    assert_int_equal(resident_save(db, &r, "handler", NULL), DB_DENIED);
    struct resident fresh;
    resident_init(&fresh);
    record_set(&fresh.name, "王五");
    assert_int_equal(resident_save(db, &fresh, "handler", NULL), DB_DENIED);
    resident_free(&fresh);
    const char *why;
    assert_int_equal(resident_set_status(db, r.id, r.version, RESIDENT_DECEASED, "2026-01-02", "",
                                         "家属告知", "handler", &why),
                     DB_DENIED);
    int64_t n;
    assert_int_equal(resident_count(db, &n), DB_OK);
    assert_int_equal(n, 1);
    struct resident stored;
    assert_int_equal(resident_get(db, r.id, &stored), DB_OK);
    assert_str(stored.address, "");
    assert_int_equal(stored.version, r.version);
    resident_free(&stored);
    assert_int_equal(logged(NULL, NULL), before);
    /* Nor a tag's definition, which is the catalogue's: the clerk may not either. */
    struct tag t;
    record_init(&tag_record, &t);
    record_set(&t.name, "重点关爱");
    assert_int_equal(tag_save(db, &t, "handler"), DB_DENIED);
    assert_int_equal(tag_save(db, &t, "clerk"), DB_DENIED);
    assert_int_equal(tag_save(db, &t, "admin"), DB_OK);
    record_free(&tag_record, &t);
    resident_free(&r);
    unit_free(&u);
}

static void an_admin_can_and_the_log_holds_the_change(void **state)
{
    (void)state;
    struct unit u;
    assert_int_equal(unit_add(&u, "U01", "区民政局", "tester"), DB_OK);
    staff_make(u.id);
    char subject[32];
    snprintf(subject, sizeof subject, "unit:%lld", (long long)u.id);
    record_set(&u.phone, "022-27302222");
    record_set(&u.kind, "区级部门");
    assert_int_equal(unit_save(db, &u, "admin", NULL), DB_OK);
    assert_int_equal(logged("edit", subject), 1);
    char *d = last_detail();
    assert_str(d, "Kind: - -> 区级部门\nPhone: 022-27301111 -> 022-27302222");
    char *shown = audit_detail_shown("edit", d);
    assert_str(shown, "Kind: - -> 区级部门; Phone: 022-27301111 -> 022-27302222");
    free(shown);
    free(d);
    /* Saved again unchanged: no row. */
    assert_int_equal(unit_save(db, &u, "admin", NULL), DB_OK);
    assert_int_equal(logged("edit", subject), 1);
    /* Retired and restored: a row each, naming it. */
    int64_t blocking;
    assert_int_equal(unit_set_retired(db, &u, 1, "admin", &blocking, NULL), DB_OK);
    assert_int_equal(unit_set_retired(db, &u, 0, "admin", &blocking, NULL), DB_OK);
    assert_int_equal(logged("retire", subject), 1);
    assert_int_equal(logged("restore", subject), 1);
    d = last_detail();
    assert_str(d, "Code: U01\nName: 区民政局");
    free(d);
    /* An item moved to another unit: the unit by its name. */
    struct unit other;
    assert_int_equal(unit_add(&other, "U02", "区卫健委", "admin"), DB_OK);
    struct service_item it;
    service_item_init(&it);
    record_set(&it.code, "S01");
    record_set(&it.name, "低保申请");
    it.unit_id = u.id;
    assert_int_equal(item_save(db, &it, "admin", NULL), DB_OK);
    it.unit_id = other.id;
    assert_int_equal(item_save(db, &it, "admin", NULL), DB_OK);
    d = last_detail();
    assert_str(d, "Unit: 区民政局 -> 区卫健委");
    free(d);
    service_item_free(&it);
    unit_free(&other);
    unit_free(&u);
}

static void a_number_changed_is_logged_masked(void **state)
{
    (void)state;
    struct resident r;
    resident_init(&r);
    record_set(&r.name, "赵六");
    record_set(&r.phone, "13812345678");
    assert_int_equal(resident_save(db, &r, "desk1", NULL), DB_OK);
    char *d = last_detail();
    assert_non_null(strstr(d, "Mobile: 138****5678"));
    assert_null(strstr(d, "13812345678"));
    free(d);
    record_set(&r.phone, "13900001111");
    record_set(&r.tags, "党员");
    assert_int_equal(resident_save(db, &r, "desk1", NULL), DB_OK);
    d = last_detail();
    assert_str(d, "Mobile: 138****5678 -> 139****1111\nTags: - -> 党员");
    free(d);
    resident_free(&r);
}

static void the_calendar_is_logged_day_by_day(void **state)
{
    (void)state;
    struct date from = {2026, 10, 1}, to = {2026, 10, 3};
    assert_int_equal(calendar_set_range(db, from, to, 0, "国庆节", "desk1"), DB_OK);
    assert_int_equal(logged("add", "calendar:2026-10-02"), 1);
    assert_int_equal(calendar_set(db, "2026-10-02", 1, "调休", "desk1"), DB_OK);
    char *d = last_detail();
    assert_str(d, "Day: Holiday -> Workday\nName: 国庆节 -> 调休");
    free(d);
    struct calendar_day day;
    assert_int_equal(calendar_get(db, "2026-10-03", &day), DB_OK);
    assert_int_equal(calendar_remove(db, &day, "desk1"), DB_OK);
    record_free(&calendar_day_record, &day);
    assert_int_equal(logged("remove", "calendar:2026-10-03"), 1);
    size_t added;
    assert_int_equal(calendar_fill_weekends(db, 2027, "周末", "desk1", &added), DB_OK);
    assert_true(added > 100);
    assert_int_equal(logged("add", "calendar:2027"), 1);
}

static void an_import_is_refused_before_its_ledger_is_read(void **state)
{
    (void)state;
    struct unit u;
    assert_int_equal(unit_add(&u, "U01", "区民政局", "tester"), DB_OK);
    staff_make(u.id);
    char *err = NULL;
    const struct ledger_kind *k = ledger_kind_find("catalogue");
    assert_int_equal(ledger_import_allowed(k, db, "clerk", &err), DB_DENIED);
    assert_non_null(err);
    assert_non_null(strstr(err, "edit the catalogue"));
    free(err);
    assert_int_equal(ledger_import_allowed(k, db, "admin", &err), DB_OK);
    assert_null(err);
    k = ledger_kind_find("residents");
    assert_int_equal(ledger_import_allowed(k, db, "clerk", &err), DB_OK);
    assert_int_equal(ledger_import_allowed(k, db, "handler", &err), DB_DENIED);
    free(err);
    unit_free(&u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(no_users_allow_everything_and_log_it, setup, teardown),
        cmocka_unit_test_setup_teardown(a_desk_clerk_cannot_save_a_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(a_unit_handler_cannot_save_a_resident, setup, teardown),
        cmocka_unit_test_setup_teardown(an_admin_can_and_the_log_holds_the_change, setup, teardown),
        cmocka_unit_test_setup_teardown(a_number_changed_is_logged_masked, setup, teardown),
        cmocka_unit_test_setup_teardown(the_calendar_is_logged_day_by_day, setup, teardown),
        cmocka_unit_test_setup_teardown(an_import_is_refused_before_its_ledger_is_read, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
