/*
** Unit tests of star levels and service certificates (src/star.h,
** src/certificate.h, db/star_store.h, db/certificate_store.h): the level
** a count of minutes reaches, the certificate number's form, the minutes
** that count (confirmed and past the notice period, never others), stars
** due and awarded once, a certificate refused for a period without counted
** hours, numbers unique while two processes issue at once, and a voided
** certificate kept (never deleted).
*/
#include "unit_db.h"
#include "app/certificates.h"
#include "db/certificate_store.h"
#include "db/hours_store.h"
#include "db/star_store.h"
#include "db/volunteer_store.h"
#include "src/clock.h"
#include "src/certificate.h"
#include "src/text.h"
#include "src/pinyin.h"
#include "src/star.h"
#include "src/volunteer.h"

#include <string.h>
#include <sys/wait.h>

static char path[256];
static struct db *db;
static int64_t vol_a, vol_b;

static int64_t add_volunteer(const char *name, const char *id_number)
{
    struct volunteer v;
    record_init(&volunteer_record, &v);
    record_set(&v.name, name);
    record_set(&v.id_number, id_number);
    record_set(&v.registered_on, "2025-01-02");
    assert_int_equal(volunteer_save(db, &v, "tester"), DB_OK);
    int64_t id = v.id;
    record_free(&volunteer_record, &v);
    return id;
}

/* A service record of minutes for volunteer on day, confirmed (counting from counts_from) or not.
 */
/* The name of volunteer id as the register has it now (borrowed until the next call). */
static const char *db_text_of(int64_t id)
{
    static char name[64];
    struct db_stmt *st = db_prepare(db, "SELECT name FROM volunteer WHERE id = ?1");
    db_bind_int(st, 1, id);
    snprintf(name, sizeof name, "%s", db_step(st) == DB_ROW ? db_col_text(st, 0) : "");
    db_finalize(st);
    return name;
}

static void add_record(int64_t volunteer, const char *day, int minutes, const char *counts_from)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out,"
             " minutes, created_at, created_by, updated_at, updated_by, confirmed_at,"
             " confirmed_by, confirmed_as, counts_from) VALUES (%lld, (SELECT max(id) FROM"
             " activity), '%s', '08:00', '20:00', %d, 'x', 'x', 'x', 'x', '%s', '%s', '%s', '%s')",
             (long long)volunteer, day, minutes, *counts_from ? "2025-06-01 10:00" : "",
             *counts_from ? "tester" : "", *counts_from ? "organiser" : "", counts_from);
    assert_int_equal(db_exec(db, sql), DB_OK);
}

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("stars", path, sizeof path);
    vol_a = add_volunteer("张三丰", "120101195601010127");
    vol_b = add_volunteer("李四", "");
    struct team t;
    record_init(&team_record, &t);
    record_set(&t.name, "新兴街志愿服务队");
    const char *why = NULL;
    assert_int_equal(team_save(db, &t, "tester", &why), DB_OK);
    struct activity a;
    record_init(&activity_record, &a);
    a.team_id = t.id;
    a.category_id = 2;
    record_set(&a.name, "重阳敬老");
    record_set(&a.starts_at, "2025-01-01 08:00");
    record_set(&a.ends_at, "2025-12-31 20:00");
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    record_free(&team_record, &t);
    record_free(&activity_record, &a);
    setenv("BANGBAN_NOW", "2025-07-01 09:00", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

static void level_thresholds(void **state)
{
    (void)state;
    char one[] = "一星", two[] = "二星", three[] = "三星", none[] = "", six[] = "六星";
    struct star_level l[3] = {{1, two, 300, 1}, {2, one, 100, 1}, {3, three, 600, 1}};
    assert_int_equal(star_level_reached(l, 3, 0), -1);
    assert_int_equal(star_level_reached(l, 3, 100 * 60 - 1), -1);
    assert_int_equal(star_level_reached(l, 3, 100 * 60), 1);
    assert_int_equal(star_level_reached(l, 3, 300 * 60 - 1), 1);
    assert_int_equal(star_level_reached(l, 3, 300 * 60), 0);
    assert_int_equal(star_level_reached(l, 3, 100000 * 60), 2);
    assert_int_equal(star_level_reached(l, 0, 100000), -1);
    struct star_level bad = {0, none, 100, 0};
    assert_non_null(star_level_check(&bad));
    bad.name = six;
    bad.hours = 0;
    assert_non_null(star_level_check(&bad));
    bad.hours = 2000;
    assert_null(star_level_check(&bad));
}

static void number_format(void **state)
{
    (void)state;
    char out[CERTIFICATE_NUMBER_MAX];
    certificate_number_format(2026, 1, out);
    assert_str(out, "ZM-2026-00001");
    certificate_number_format(2026, 12345, out);
    assert_str(out, "ZM-2026-12345");
    int year, seq;
    assert_int_equal(certificate_number_parse(" zm-2026-00042 ", out, &year, &seq), 0);
    assert_str(out, "ZM-2026-00042");
    assert_int_equal(year, 2026);
    assert_int_equal(seq, 42);
    assert_int_equal(certificate_number_parse("ZM-2026-0001", out, NULL, NULL), -1);
    assert_int_equal(certificate_number_parse("ZM-2026-00000", out, NULL, NULL), -1);
    assert_int_equal(certificate_number_parse("ZX-2026-00001", out, NULL, NULL), -1);
    assert_int_equal(certificate_number_parse("ZM-20A6-00001", out, NULL, NULL), -1);
    assert_non_null(certificate_period_check("2025-02-01", "2025-01-01", "2025-07-01"));
    assert_non_null(certificate_period_check("2025-01-01", "2025-08-01", "2025-07-01"));
    assert_non_null(certificate_period_check("2025-01-01", "soon", "2025-07-01"));
    assert_null(certificate_period_check("2025-01-01", "2025-07-01", "2025-07-01"));
    const char *cats[] = {"助老助残", "社区服务", "助老助残", "助老助残"};
    const char *acts[] = {"重阳敬老", "清扫楼道", "陪伴就医", "重阳敬老"};
    char *content = certificate_content(cats, acts, 4);
    assert_str(content, "助老助残：重阳敬老、陪伴就医；社区服务：清扫楼道");
    free(content);
    /* Too many to tell: cut after the last whole one that fits, then 等. */
    enum { MANY = 60 };
    const char *many_cats[MANY], *many_acts[MANY];
    char names[MANY][64];
    for (int i = 0; i < MANY; i++) {
        snprintf(names[i], sizeof names[i], "滨江道社区敬老院探访第%d次", i + 1);
        many_cats[i] = "助老助残";
        many_acts[i] = names[i];
    }
    content = certificate_content(many_cats, many_acts, MANY);
    assert_true(text_chars(content) <= CERTIFICATE_CONTENT_MAX);
    size_t len = strlen(content);
    assert_true(len > strlen("次等") && strcmp(content + len - strlen("次等"), "次等") == 0);
    free(content);
}

/* Only confirmed minutes past their notice period count; stars due, awarded once. */
static void counted_due_and_awarded(void **state)
{
    (void)state;
    add_record(vol_a, "2025-03-01", 720 * 8, "2025-03-06"); /* 96 h, counts */
    add_record(vol_a, "2025-03-02", 600, "");               /* not confirmed */
    add_record(vol_a, "2025-06-29", 600, "2025-07-04");     /* still in its notice period */
    add_record(vol_b, "2025-03-03", 720, "2025-03-06");     /* 12 h */
    char today[11];
    assert_str(clock_today(today), "2025-07-01");
    struct star_standing s;
    assert_int_equal(star_standing_of(db, vol_a, today, &s), DB_OK);
    assert_int_equal(s.minutes, 720 * 8);
    assert_int_equal(s.level_id, 0);
    struct star_due *due;
    size_t n;
    assert_int_equal(stars_due(db, today, &due, &n), DB_OK);
    assert_int_equal(n, 0);
    record_array_free(&star_due_record, due, n);
    add_record(vol_a, "2025-04-01", 240, "2025-04-06"); /* 100 h: 一星 */
    assert_int_equal(star_standing_of(db, vol_a, today, &s), DB_OK);
    assert_int_equal(s.minutes, 6000);
    assert_str(s.level_name, "一星");
    assert_int_equal(stars_due(db, today, &due, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(due[0].volunteer_id, vol_a);
    assert_str(due[0].level_name, "一星");
    record_array_free(&star_due_record, due, n);
    int64_t ids[] = {vol_a, vol_b};
    size_t awarded = 9;
    assert_int_equal(stars_award(db, ids, 2, today, "tester", &awarded), DB_OK);
    assert_int_equal(awarded, 1); /* vol_b reaches none */
    assert_int_equal(stars_award(db, ids, 1, today, "tester", &awarded), DB_OK);
    assert_int_equal(awarded, 0); /* held already */
    assert_int_equal(stars_due(db, today, &due, &n), DB_OK);
    assert_int_equal(n, 0);
    record_array_free(&star_due_record, due, n);
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM audit_log WHERE action = 'star-award'"),
                     1);
    /* Levels edited: 二星 cannot take 一星's hours; with 一星 at 60 h it can, and is due. */
    struct star_level *levels;
    assert_int_equal(star_levels(db, &levels, &n), DB_OK);
    assert_int_equal(n, 5);
    levels[1].hours = 100;
    const char *why = NULL;
    assert_int_equal(star_level_save(db, &levels[1], "tester", &why), DB_DUPLICATE);
    levels[0].hours = 60;
    assert_int_equal(star_level_save(db, &levels[0], "tester", &why), DB_OK);
    assert_int_equal(star_level_save(db, &levels[1], "tester", &why), DB_OK);
    assert_int_equal(stars_due(db, today, &due, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_str(due[0].level_name, "二星");
    record_array_free(&star_due_record, due, n);
    levels[1].hours = 300;
    assert_int_equal(star_level_save(db, &levels[1], "tester", &why), DB_OK);
    levels[0].hours = 100;
    assert_int_equal(star_level_save(db, &levels[0], "tester", &why), DB_OK);
    levels[0].name[0] = 0;
    assert_int_equal(star_level_save(db, &levels[0], "tester", &why), DB_INVALID);
    /* Out of order: 一星 above 二星, or a new level below the last, is refused, and nothing saved.
     */
    int64_t first = levels[0].id;
    record_free(&star_level_record, &levels[0]);
    assert_int_equal(star_level_get(db, first, &levels[0]), DB_OK);
    levels[0].hours = 350;
    why = NULL;
    assert_int_equal(star_level_save(db, &levels[0], "tester", &why), DB_INVALID);
    assert_non_null(why);
    struct star_level again;
    assert_int_equal(star_level_get(db, levels[0].id, &again), DB_OK);
    assert_int_equal(again.hours, 100);
    record_free(&star_level_record, &again);
    struct star_level more;
    record_init(&star_level_record, &more);
    record_set(&more.name, "六星");
    more.hours = 1200;
    assert_int_equal(star_level_save(db, &more, "tester", &why), DB_INVALID);
    more.hours = 2000;
    assert_int_equal(star_level_save(db, &more, "tester", &why), DB_OK);
    record_free(&star_level_record, &more);
    record_array_free(&star_level_record, levels, 5);
}

static int issue(int64_t volunteer, const char *from, const char *to, int full, char *number)
{
    struct certificate c;
    assert_int_equal(certificate_prepare(db, volunteer, from, to, "tester", &c), DB_OK);
    c.id_in_full = full;
    char *why = NULL;
    int rc = certificate_issue(db, &c, "2025-07-01", "tester", &why);
    if (number) snprintf(number, CERTIFICATE_NUMBER_MAX, "%s", c.number);
    free(why);
    record_free(&certificate_record, &c);
    return rc;
}

static void certificate_refused_issued_and_voided(void **state)
{
    (void)state;
    char number[CERTIFICATE_NUMBER_MAX];
    /* Only unconfirmed or noticed hours in the period: refused, nothing written. */
    struct certificate c;
    assert_int_equal(certificate_prepare(db, vol_a, "2025-03-02", "2025-03-02", "tester", &c),
                     DB_OK);
    char *why = NULL;
    assert_int_equal(certificate_issue(db, &c, "2025-07-01", "tester", &why), DB_INVALID);
    assert_non_null(strstr(why, "2025-03-02"));
    free(why);
    record_free(&certificate_record, &c);
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM certificate"), 0);
    assert_int_equal(issue(vol_a, "2025-01-01", "2025-06-30", 0, number), DB_OK);
    assert_str(number, "ZM-2025-00001");
    struct certificate got;
    assert_int_equal(certificate_get_by_number(db, number, &got), DB_OK);
    assert_int_equal(got.minutes, 6000);
    assert_str(got.content, "助老助残：重阳敬老");
    char *text = certificate_text(&got);
    assert_non_null(strstr(text, "120***********0127"));
    assert_null(strstr(text, "120101195601010127"));
    assert_non_null(strstr(text, "100.0 小时"));
    free(text);
    record_free(&certificate_record, &got);
    /* A copy printed after the volunteer's name changed says what the first did. */
    char *was = xasprintf("%s", db_text_of(vol_a));
    char *sql = xasprintf("UPDATE volunteer SET name = '改名后' WHERE id = %lld", (long long)vol_a);
    assert_int_equal(db_exec(db, sql), DB_OK);
    free(sql);
    assert_int_equal(certificate_get_by_number(db, number, &got), DB_OK);
    text = certificate_text(&got);
    assert_null(strstr(text, "改名后"));
    assert_non_null(strstr(text, was));
    free(text);
    record_free(&certificate_record, &got);
    sql = xasprintf("UPDATE volunteer SET name = '%s' WHERE id = %lld", was, (long long)vol_a);
    assert_int_equal(db_exec(db, sql), DB_OK);
    free(sql);
    free(was);
    /* In full when asked, and the audit log says so. */
    assert_int_equal(issue(vol_a, "2025-01-01", "2025-06-30", 1, number), DB_OK);
    assert_str(number, "ZM-2025-00002");
    assert_int_equal(certificate_get_by_number(db, number, &got), DB_OK);
    text = certificate_text(&got);
    assert_non_null(strstr(text, "120101195601010127"));
    free(text);
    record_free(&certificate_record, &got);
    assert_int_equal(
        db_int(db, -1, "SELECT count(*) FROM audit_log WHERE action = 'certificate-full-id'"), 1);
    /* Voided with a reason, never deleted. */
    assert_int_equal(certificate_void(db, "ZM-2025-00001", "  ", "tester", &why), DB_INVALID);
    free(why);
    assert_int_equal(certificate_void(db, "ZM-2025-00001", "写错了期间", "tester", &why), DB_OK);
    assert_int_equal(certificate_void(db, "ZM-2025-00001", "再次", "tester", &why), DB_INVALID);
    free(why);
    assert_int_equal(certificate_void(db, "ZM-2025-09999", "无", "tester", &why), DB_NOTFOUND);
    assert_int_not_equal(db_exec(db, "DELETE FROM certificate WHERE number = 'ZM-2025-00001'"),
                         DB_OK);
    assert_int_equal(certificate_get_by_number(db, "ZM-2025-00001", &got), DB_OK);
    assert_str(got.void_reason, "写错了期间");
    /* Printed again, it says it is void at its head and attests nothing at its foot. */
    text = certificate_text(&got);
    assert_non_null(strstr(text, "【已作废，不作证明之用】"));
    assert_non_null(strstr(text, "本证明已于 20"));
    assert_null(strstr(text, "兹证明"));
    assert_null(strstr(text, "盖章"));
    free(text);
    record_free(&certificate_record, &got);
    struct certificate *list;
    size_t n;
    assert_int_equal(certificate_list(db, "张三", 50, &list, &n), DB_OK);
    assert_int_equal(n, 2);
    record_array_free(&certificate_record, list, n);
}

/* Two processes issue at once: every number once, serials without a gap. */
static void numbers_unique_under_two_processes(void **state)
{
    (void)state;
    int64_t before = db_int(db, -1, "SELECT count(*) FROM certificate");
    enum { EACH = 15 };
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        assert_true(kids[k] >= 0);
        if (kids[k] == 0) {
            struct db *mine;
            char *err;
            if (db_open(path, 0, &mine, &err) != DB_OK) _exit(2);
            db = mine;
            int failed = 0;
            for (int i = 0; i < EACH; i++)
                failed |= issue(vol_a, "2025-01-01", "2025-06-30", 0, NULL) != DB_OK;
            db_close(mine);
            _exit(failed);
        }
    }
    for (int k = 0; k < 2; k++) {
        int status;
        assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM certificate"), before + 2 * EACH);
    assert_int_equal(db_int(db, -1, "SELECT count(DISTINCT number) FROM certificate"),
                     before + 2 * EACH);
    assert_int_equal(db_int(db, -1, "SELECT max(seq) FROM certificate WHERE year = 2025"),
                     before + 2 * EACH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(level_thresholds),
        cmocka_unit_test(number_format),
        cmocka_unit_test(counted_due_and_awarded),
        cmocka_unit_test(certificate_refused_issued_and_voided),
        cmocka_unit_test(numbers_unique_under_two_processes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
