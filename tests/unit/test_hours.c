/*
** Unit tests of activities and service records (src/hours.h,
** db/hours_store.h): the interval rules (sign-out after sign-in, three
** pairs a day, no overlap across activities, an open pair elsewhere), the
** desk's move (in, then out), minutes summed before hours are shown with
** one truncated decimal, activity times and checks, and the store signing
** a volunteer in and out by number in one audited transaction, refusing
** with nothing saved.
*/
#include "unit_db.h"
#include "db/hours_store.h"
#include "db/volunteer_store.h"
#include "src/hours.h"
#include "src/pinyin.h"
#include "src/volunteer.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("hours", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

static void minutes_and_hours(void **state)
{
    (void)state;
    char out[24], hm[6];
    assert_int_equal(hours_minute_parse("09:05"), 545);
    assert_int_equal(hours_minute_parse("23:59"), 1439);
    assert_int_equal(hours_minute_parse("24:00"), -1);
    assert_int_equal(hours_minute_parse("9:05"), -1);
    assert_str(hours_minute_format(545, hm), "09:05");
    assert_str(hours_format(0, out), "0.0");
    assert_str(hours_format(59, out), "0.9"); /* 0.983 truncated, not rounded to 1.0 */
    assert_str(hours_format(60, out), "1.0");
    assert_str(hours_format(125, out), "2.0"); /* 2.083 */
    assert_str(hours_format(149, out), "2.4"); /* 2.483 */
    /* Summed first: three pairs of 40 minutes are 2.0 hours, not 3 x 0.6. */
    assert_str(hours_format(40 + 40 + 40, out), "2.0");
    assert_str(hours_format(6000 * 60 + 5, out), "6000.0");
}

static void interval_rules(void **state)
{
    (void)state;
    int which;
    struct hours_pair day[] = {{1, 540, 600}, {2, 660, 720}, {1, 780, 800}};
    struct hours_pair p = {1, 610, 600};
    assert_int_equal(hours_pair_check(day, 3, -1, &p, &which), HOURS_OUT_NOT_AFTER_IN);
    p = (struct hours_pair){1, 610, 610};
    assert_int_equal(hours_pair_check(day, 3, -1, &p, &which), HOURS_OUT_NOT_AFTER_IN);
    /* Touching is fine; overlapping another activity's pair is not. */
    p = (struct hours_pair){1, 600, 660};
    assert_int_equal(hours_pair_check(day, 3, -1, &p, &which), HOURS_OK);
    p = (struct hours_pair){1, 650, 670};
    assert_int_equal(hours_pair_check(day, 3, -1, &p, &which), HOURS_OVERLAP);
    assert_int_equal(which, 1);
    p = (struct hours_pair){3, 500, 900};
    assert_int_equal(hours_pair_check(day, 3, -1, &p, &which), HOURS_OVERLAP);
    /* A third pair at activity 1 is fine; a fourth is not. */
    p = (struct hours_pair){1, 900, 960};
    assert_int_equal(hours_pair_check(day, 3, -1, &p, &which), HOURS_OK);
    struct hours_pair four[] = {{1, 540, 600}, {1, 610, 620}, {1, 630, 640}};
    assert_int_equal(hours_pair_check(four, 3, -1, &p, &which), HOURS_FOURTH_PAIR);
    /* Replacing one of the three is not a fourth. */
    p = (struct hours_pair){1, 630, 650};
    assert_int_equal(hours_pair_check(four, 3, 2, &p, &which), HOURS_OK);
    /* An open pair runs on: a later sign-in elsewhere overlaps it. */
    struct hours_pair open[] = {{2, 540, -1}};
    p = (struct hours_pair){1, 600, -1};
    assert_int_equal(hours_pair_check(open, 1, -1, &p, &which), HOURS_OPEN_ELSEWHERE);
    assert_int_equal(which, 0);
    assert_str(hours_verdict_text(HOURS_OK), "");
}

static void the_desk_move(void **state)
{
    (void)state;
    enum hours_move move;
    int which;
    assert_int_equal(hours_desk_move(NULL, 0, 1, 540, &move, &which), HOURS_OK);
    assert_int_equal(move, HOURS_SIGN_IN);
    struct hours_pair in[] = {{1, 540, -1}};
    assert_int_equal(hours_desk_move(in, 1, 1, 690, &move, &which), HOURS_OK);
    assert_int_equal(move, HOURS_SIGN_OUT);
    assert_int_equal(which, 0);
    /* Out in the minute of signing in: not after it. */
    assert_int_equal(hours_desk_move(in, 1, 1, 540, &move, &which), HOURS_OUT_NOT_AFTER_IN);
    /* Signed in elsewhere: neither. */
    assert_int_equal(hours_desk_move(in, 1, 2, 600, &move, &which), HOURS_OPEN_ELSEWHERE);
    /* Three closed pairs here: no fourth sign-in. */
    struct hours_pair three[] = {{1, 540, 560}, {1, 570, 580}, {1, 590, 600}};
    assert_int_equal(hours_desk_move(three, 3, 1, 700, &move, &which), HOURS_FOURTH_PAIR);
    assert_int_equal(hours_desk_move(three, 3, 2, 700, &move, &which), HOURS_OK);
    /* Inside a closed pair (a clock set back): an overlap. */
    assert_int_equal(hours_desk_move(three, 3, 2, 575, &move, &which), HOURS_OVERLAP);
    assert_int_equal(which, 1);
}

static void activity_times_and_checks(void **state)
{
    (void)state;
    char t[17];
    assert_int_equal(activity_time_parse("2026/12/5 9:00", t), 0);
    assert_str(t, "2026-12-05 09:00");
    assert_int_equal(activity_time_parse("２０２６-１２-０５ １４:３０", t), 0);
    assert_str(t, "2026-12-05 14:30");
    assert_int_equal(activity_time_parse("2026-12-05T08:00", t), 0);
    assert_int_equal(activity_time_parse("2026-12-05", t), -1);
    assert_int_equal(activity_time_parse("2026-13-05 08:00", t), -1);
    assert_int_equal(activity_time_parse("2026-12-05 25:00", t), -1);
    struct activity a;
    record_init(&activity_record, &a);
    assert_str(a.status, ACTIVITY_PLANNED);
    assert_str(a.kind, ACTIVITY_SERVICE);
    assert_non_null(activity_check(&a));
    a.team_id = 1;
    record_set(&a.name, "助老");
    record_set(&a.starts_at, "2026-12-05 09:00");
    record_set(&a.ends_at, "2026-12-05 08:00");
    assert_non_null(activity_check(&a));
    record_set(&a.ends_at, "2026-12-06 12:00");
    assert_null(activity_check(&a));
    assert_null(activity_open_on(&a, "2026-12-05"));
    assert_null(activity_open_on(&a, "2026-12-06"));
    assert_non_null(activity_open_on(&a, "2026-12-04"));
    assert_non_null(activity_open_on(&a, "2026-12-07"));
    record_set(&a.status, ACTIVITY_CANCELLED);
    assert_non_null(activity_open_on(&a, "2026-12-05"));
    record_set(&a.status, ACTIVITY_ENDED);
    assert_non_null(activity_open_on(&a, "2026-12-05"));
    record_free(&activity_record, &a);
}

/* A volunteer registered now; their number into number[11]. */
static int64_t volunteer_new(const char *name, char *number)
{
    struct volunteer v;
    record_init(&volunteer_record, &v);
    record_set(&v.name, name);
    assert_int_equal(volunteer_save(db, &v, "tester"), DB_OK);
    snprintf(number, VOLUNTEER_NUMBER_LEN + 1, "%s", v.number);
    int64_t id = v.id;
    record_free(&volunteer_record, &v);
    return id;
}

static int64_t activity_new(int64_t team, const char *name)
{
    struct activity a;
    record_init(&activity_record, &a);
    a.team_id = team;
    record_set(&a.name, name);
    record_set(&a.starts_at, "2026-12-05 08:00");
    record_set(&a.ends_at, "2026-12-05 18:00");
    const char *why = NULL;
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    int64_t id = a.id;
    record_free(&activity_record, &a);
    return id;
}

/* Sign number in or out at activity at time; the store's answer, *s kept (caller frees). */
static int sign_at(const char *when, int64_t activity, const char *number, struct hours_signed *s)
{
    setenv("BANGBAN_NOW", when, 1);
    int rc = hours_sign(db, activity, number, "tester", s);
    unsetenv("BANGBAN_NOW");
    return rc;
}

static int64_t rows(void)
{
    return db_int(db, 0, "SELECT count(*) FROM service_record");
}

static void signing_at_the_desk(void **state)
{
    (void)state;
    setenv("BANGBAN_NOW", "2026-12-05 07:00", 1);
    struct team t;
    record_init(&team_record, &t);
    record_set(&t.name, "朝阳里志愿服务队");
    const char *why = NULL;
    assert_int_equal(team_save(db, &t, "tester", &why), DB_OK);
    char n1[16], n2[16];
    int64_t v1 = volunteer_new("李四", n1);
    volunteer_new("王五", n2);
    int64_t a1 = activity_new(t.id, "助老服务");
    int64_t a2 = activity_new(t.id, "环境清洁");
    unsetenv("BANGBAN_NOW");
    struct hours_signed s;

    assert_int_equal(sign_at("2026-12-05 09:00", a1, n1, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_IN);
    assert_str(s.name, "李四");
    assert_str(s.at, "09:00");
    hours_signed_free(&s);
    /* Full-width digits, as an input method types them. */
    char wide[64] = "";
    for (const char *c = n2; *c; c++)
        strcat(wide, (const char *[]){"０", "１", "２", "３", "４", "５", "６", "７", "８",
                                      "９"}[*c - '0']);
    assert_int_equal(sign_at("2026-12-05 09:10", a1, wide, &s), DB_OK);
    assert_str(s.name, "王五");
    hours_signed_free(&s);
    /* Signed in at a1: not at a2, nothing saved. */
    assert_int_equal(sign_at("2026-12-05 10:00", a2, n1, &s), DB_INVALID);
    assert_non_null(strstr(s.why, "助老服务"));
    hours_signed_free(&s);
    assert_int_equal(rows(), 2);
    /* Out after 2 h 5 min. */
    assert_int_equal(sign_at("2026-12-05 11:05", a1, n1, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_OUT);
    assert_int_equal(s.minutes, 125);
    assert_str(s.in, "09:00");
    hours_signed_free(&s);
    int64_t minutes = 0;
    assert_int_equal(hours_minutes_of(db, v1, &minutes), DB_OK);
    assert_int_equal(minutes, 125);
    /* Now a2 takes them; two more pairs at a1, and no fourth. */
    assert_int_equal(sign_at("2026-12-05 11:10", a2, n1, &s), DB_OK);
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-05 11:40", a2, n1, &s), DB_OK);
    assert_int_equal(s.minutes, 30);
    hours_signed_free(&s);
    const char *times[] = {"2026-12-05 12:00", "2026-12-05 12:30", "2026-12-05 13:00",
                           "2026-12-05 13:30"};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(sign_at(times[i], a1, n1, &s), DB_OK);
        hours_signed_free(&s);
    }
    int64_t before = rows();
    assert_int_equal(sign_at("2026-12-05 14:00", a1, n1, &s), DB_INVALID);
    assert_non_null(s.why);
    hours_signed_free(&s);
    assert_int_equal(rows(), before);
    /* Unknown and malformed numbers. */
    assert_int_equal(sign_at("2026-12-05 14:00", a1, "2026999999", &s), DB_NOTFOUND);
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-05 14:00", a1, "12ab", &s), DB_INVALID);
    assert_non_null(s.why);
    hours_signed_free(&s);
    /* Out in the minute of signing in: refused. */
    assert_int_equal(sign_at("2026-12-05 14:00", a2, n1, &s), DB_OK);
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-05 14:00", a2, n1, &s), DB_INVALID);
    hours_signed_free(&s);
    /* A cancelled activity takes nothing. */
    struct activity a;
    assert_int_equal(activity_get(db, a2, &a), DB_OK);
    record_set(&a.status, ACTIVITY_CANCELLED);
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    record_free(&activity_record, &a);
    before = rows();
    assert_int_equal(sign_at("2026-12-05 15:00", a2, n2, &s), DB_INVALID);
    assert_non_null(strstr(s.why, "环境清洁"));
    hours_signed_free(&s);
    assert_int_equal(rows(), before);
    /* Every write audited. */
    assert_int_equal(
        db_int(db, 0, "SELECT count(*) FROM audit_log WHERE subject LIKE 'service-record:%'"),
        before + 4);
    record_free(&team_record, &t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(minutes_and_hours),   cmocka_unit_test(interval_rules),
        cmocka_unit_test(the_desk_move),       cmocka_unit_test(activity_times_and_checks),
        cmocka_unit_test(signing_at_the_desk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
