/*
** Unit tests of the settings store (db/settings_store.h): defaults, a save
** that writes only what changed and moves the version only then, a stale
** copy refused, a bad value refused, and a value stored before a rule
** tightened left alone while another setting is saved.
*/
#include "unit_db.h"
#include "db/settings_store.h"
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(saves_what_changed),
        cmocka_unit_test(a_value_from_before_a_rule_stays),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
