/*
** Unit tests of the settings store (db/settings_store.h): defaults, a save
** that writes only what changed and moves the version only then, a stale
** copy refused, a bad value refused, and a value stored before a rule
** tightened left alone while another setting is saved. Once the database
** has users, only a role that may change the settings saves them (a desk
** clerk is refused, nothing written, nothing audited), and each save is
** one audit row naming every setting changed, old -> new.
*/
#include "unit_db.h"
#include "app/users.h"
#include "db/settings_store.h"
#include "db/user_store.h"
#include "src/roles.h"
#include "src/pinyin.h"
#include "src/record.h"
#include "src/settings.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("settings", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

static void saves_what_changed(void **state)
{
    (void)state;
    struct settings s, stale;
    assert_int_equal(settings_load(db, &s), DB_OK);
    assert_str(settings_value(&s, SETTING_WORK_HOURS), "09:00-17:00"); /* the default */
    record_copy(&settings_record, &stale, &s);
    int64_t v = s.version;
    assert_int_equal(settings_save(db, &s, "desk1"), DB_OK);
    assert_int_equal(s.version, v); /* nothing changed: nothing written */
    record_set(&s.value[SETTING_WORK_HOURS], "08:30-17:30");
    assert_int_equal(settings_save(db, &s, "desk1"), DB_OK);
    assert_int_equal(s.version, v + 1);
    char *hours = settings_get(db, SETTING_WORK_HOURS);
    assert_str(hours, "08:30-17:30");
    free(hours);
    /* A copy read before that save is stale. */
    record_set(&stale.value[SETTING_CENTRE], "和平区党群服务中心");
    assert_int_equal(settings_save(db, &stale, "desk2"), DB_CONFLICT);
    /* A value that fails its check is refused, nothing written. */
    record_set(&s.value[SETTING_DESK_PHONE], "咨询台");
    assert_int_equal(settings_save(db, &s, "desk1"), DB_INVALID);
    /* No time at all to press the digit after Esc: refused, as a while no one could use. */
    assert_non_null(setting_check(SETTING_ESC_WINDOW, "0"));
    assert_non_null(setting_check(SETTING_ESC_WINDOW, "60000"));
    assert_null(setting_check(SETTING_ESC_WINDOW, "800"));
    record_free(&settings_record, &s);
    record_free(&settings_record, &stale);
}

static void a_value_from_before_a_rule_stays(void **state)
{
    (void)state;
    /* A desk phone typed before phones were checked. */
    assert_int_equal(
        db_exec(db,
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('desk_phone', '27309999转801')"),
        DB_OK);
    struct settings s;
    assert_int_equal(settings_load(db, &s), DB_OK);
    record_set(&s.value[SETTING_RANK_MIN], "8");
    assert_int_equal(settings_save(db, &s, "desk1"), DB_OK);
    char *phone = settings_get(db, SETTING_DESK_PHONE);
    assert_str(phone, "27309999转801");
    free(phone);
    record_free(&settings_record, &s);
}

/* A user login of role, peer-only, made by the admin "boss". */
static void user_make(const char *login, const char *role)
{
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, login);
    record_set(&u.role, role);
    const char *why;
    assert_int_equal(users_add(db, &u, NULL, "boss", &why), DB_OK);
    record_free(&user_record, &u);
}

static int64_t settings_audits(void)
{
    return db_int(db, -1, "SELECT count(*) FROM audit_log WHERE action = 'settings'");
}

static void changing_them_needs_the_right(void **state)
{
    (void)state;
    user_make("boss", "admin"); /* the first user: made by anyone */
    user_make("desk1", "desk");
    struct settings s;
    assert_int_equal(settings_load(db, &s), DB_OK);
    int64_t v = s.version, audits = settings_audits();
    char *before = settings_get(db, SETTING_LOCK_FAILURES);
    record_set(&s.value[SETTING_LOCK_FAILURES], "3");
    assert_int_equal(settings_save(db, &s, "desk1"), DB_DENIED);
    assert_int_equal(user_denied_take(), RIGHT_CONFIGURE);
    assert_int_equal(settings_save(db, &s, "stranger"), DB_DENIED);
    assert_int_equal(settings_set(db, SETTING_RANK_MIN, "9", "desk1"), DB_DENIED);
    char *after = settings_get(db, SETTING_LOCK_FAILURES);
    assert_str(after, before);
    free(after);
    assert_int_equal(s.version, v);
    assert_int_equal(settings_audits(), audits);
    /* The admin's save: written, and one audit row naming the two settings it changed. */
    record_set(&s.value[SETTING_LOCK_MINUTES], "30");
    assert_int_equal(settings_save(db, &s, "boss"), DB_OK);
    assert_int_equal(s.version, v + 1);
    assert_int_equal(settings_audits(), audits + 1);
    struct db_stmt *st = db_prepare(
        db,
        "SELECT actor, subject, detail FROM audit_log WHERE action = 'settings' ORDER BY seq DESC");
    assert_int_equal(db_step(st), DB_ROW);
    assert_str(db_col_text(st, 0), "boss");
    assert_str(db_col_text(st, 1), "settings");
    char *want = xasprintf("%s: %s -> 3; %s: 15 -> 30", _("Failed sign-ins to lock"), before,
                           _("Lock (minutes)"));
    assert_str(db_col_text(st, 2), want);
    free(want);
    db_finalize(st);
    /* One setting set alone: one row; the same value again writes nothing. */
    assert_int_equal(settings_set(db, SETTING_RANK_MIN, "9", "boss"), DB_OK);
    assert_int_equal(settings_audits(), audits + 2);
    assert_int_equal(settings_set(db, SETTING_RANK_MIN, "9", "boss"), DB_OK);
    assert_int_equal(settings_audits(), audits + 2);
    free(before);
    record_free(&settings_record, &s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(saves_what_changed),
        cmocka_unit_test(a_value_from_before_a_rule_stays),
        cmocka_unit_test(changing_them_needs_the_right),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
