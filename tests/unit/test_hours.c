/*
** Unit tests of activities and service records (src/hours.h,
** db/hours_store.h): the interval rules (sign-out after sign-in, three
** pairs a day, no overlap across activities, an open pair elsewhere), the
** desk's move (in, then out), minutes summed before hours are shown with
** one truncated decimal, activity times and checks, and the store signing
** a volunteer in and out by number in one audited transaction, refusing
** with nothing saved; the sums of a report per group (src/hours_sums.h)
** against a count made by sorting.
*/
#include "unit_db.h"
#include "db/calendar_store.h"
#include "db/hours_store.h"
#include "db/request_store.h"
#include "db/settings_store.h"
#include "src/workcal.h"
#include "db/volunteer_store.h"
#include "src/hours.h"
#include "src/hours_sums.h"
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
    /* Scanned again in the minute of signing in, or as the minute turned: the one sign-in. */
    assert_int_equal(hours_desk_move(in, 1, 1, 540, &move, &which), HOURS_JUST_IN);
    assert_int_equal(which, 0);
    assert_int_equal(hours_desk_move(in, 1, 1, 540 + HOURS_OUT_AFTER - 1, &move, &which),
                     HOURS_JUST_IN);
    assert_int_equal(hours_desk_move(in, 1, 1, 540 + HOURS_OUT_AFTER, &move, &which), HOURS_OK);
    assert_int_equal(move, HOURS_SIGN_OUT);
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
    int64_t minutes = -1, pending = -1;
    assert_int_equal(hours_totals_of(db, v1, &minutes, NULL), DB_OK);
    assert_int_equal(minutes, 0); /* not confirmed: nothing counts yet */
    assert_int_equal(hours_totals_of(db, v1, &minutes, &pending), DB_OK);
    assert_int_equal(minutes, 0);
    assert_int_equal(pending, 125);
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
    /* Over at 18:00: no one signs in after it, and those still in sign out. */
    before = rows();
    char n3[16];
    setenv("BANGBAN_NOW", "2026-12-05 07:00", 1);
    volunteer_new("赵六", n3);
    unsetenv("BANGBAN_NOW");
    assert_int_equal(sign_at("2026-12-05 18:30", a1, n3, &s), DB_INVALID);
    assert_non_null(strstr(s.why, "助老服务 ended at 2026-12-05 18:00"));
    hours_signed_free(&s);
    assert_int_equal(rows(), before);
    assert_int_equal(sign_at("2026-12-05 18:30", a1, n2, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_OUT);
    hours_signed_free(&s);
    /* One who left is not signed in: said once, the name said before it by the roll. */
    char *left = xasprintf("UPDATE volunteer SET status = 'left' WHERE number = '%s'", n3);
    assert_int_equal(db_exec(db, left), DB_OK);
    free(left);
    assert_int_equal(sign_at("2026-12-05 15:00", a2, n3, &s), DB_INVALID);
    assert_non_null(strstr(s.why, "in the register: not signed in"));
    assert_null(strstr(s.why, "赵六"));
    hours_signed_free(&s);
    /* One who left while signed in is still signed out: the record would stay open. */
    char *back = xasprintf("UPDATE volunteer SET status = 'active' WHERE number = '%s'", n3);
    assert_int_equal(db_exec(db, back), DB_OK);
    free(back);
    assert_int_equal(sign_at("2026-12-05 15:00", a2, n3, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_IN);
    hours_signed_free(&s);
    left = xasprintf("UPDATE volunteer SET status = 'left' WHERE number = '%s'", n3);
    assert_int_equal(db_exec(db, left), DB_OK);
    free(left);
    assert_int_equal(sign_at("2026-12-05 15:40", a2, n3, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_OUT);
    hours_signed_free(&s);
    /* Not ended nor cancelled while 李四 is still signed in at a2: they would be stuck. */
    struct activity a;
    assert_int_equal(activity_get(db, a2, &a), DB_OK);
    const char *closings[] = {ACTIVITY_ENDED, ACTIVITY_CANCELLED};
    for (int i = 0; i < 2; i++) {
        record_set(&a.status, closings[i]);
        why = NULL;
        assert_int_equal(activity_save(db, &a, "tester", &why), DB_INVALID);
        assert_non_null(strstr(why, "still signed in"));
    }
    assert_int_equal(sign_at("2026-12-05 15:00", a2, n1, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_OUT);
    hours_signed_free(&s);
    /* Out, it is not cancelled either: hours were served in it. It is ended. */
    record_set(&a.status, ACTIVITY_CANCELLED);
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_INVALID);
    assert_non_null(strstr(why, "ended, not cancelled"));
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT status = '%s' FROM activity WHERE id = %lld",
             ACTIVITY_PLANNED, (long long)a2);
    assert_int_equal(db_int(db, 0, sql), 1); /* as it was */
    /* Moved to another day, or ended before the hours served in it: refused, naming the first. */
    char *starts = xstrdup(a.starts_at), *ends = xstrdup(a.ends_at);
    record_set(&a.status, ACTIVITY_ENDED);
    record_set(&a.starts_at, "2026-12-06 09:00");
    record_set(&a.ends_at, "2026-12-06 12:00");
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_INVALID);
    assert_non_null(strstr(why, "recorded in it from 2026-12-05"));
    record_set(&a.starts_at, starts);
    record_set(&a.ends_at, "2026-12-05 09:30");
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_INVALID);
    record_set(&a.ends_at, ends);
    free(starts);
    free(ends);
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    record_free(&activity_record, &a);
    /* A cancelled activity takes nothing. */
    setenv("BANGBAN_NOW", "2026-12-05 07:00", 1);
    int64_t a3 = activity_new(t.id, "义诊");
    unsetenv("BANGBAN_NOW");
    assert_int_equal(activity_get(db, a3, &a), DB_OK);
    record_set(&a.status, ACTIVITY_CANCELLED);
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    record_free(&activity_record, &a);
    before = rows();
    assert_int_equal(sign_at("2026-12-05 15:00", a3, n2, &s), DB_INVALID);
    assert_non_null(strstr(s.why, "义诊"));
    hours_signed_free(&s);
    assert_int_equal(rows(), before);
    /* Every write audited: each row, and the sign-outs of 王五, 李四 (twice), 李四 at 15:00 and
     * 赵六 once left. */
    assert_int_equal(
        db_int(db, 0, "SELECT count(*) FROM audit_log WHERE subject LIKE 'service-record:%'"),
        before + 7);
    /* Past the quota: the sign-in stands, and says how many were wanted and came. */
    setenv("BANGBAN_NOW", "2026-12-05 07:00", 1);
    int64_t a4 = activity_new(t.id, "助残");
    unsetenv("BANGBAN_NOW");
    assert_int_equal(activity_get(db, a4, &a), DB_OK);
    a.quota = 1;
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    record_free(&activity_record, &a);
    char n4[16], n5[16];
    volunteer_new("钱七", n4);
    volunteer_new("孙八", n5);
    assert_int_equal(sign_at("2026-12-05 16:00", a4, n4, &s), DB_OK);
    assert_int_equal(s.quota, 0); /* the one wanted */
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-05 16:01", a4, n5, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_IN);
    assert_int_equal(s.quota, 1);
    assert_int_equal(s.present, 2);
    hours_signed_free(&s);
    record_free(&team_record, &t);
}

/*
** Hours are of times served: a sign-in opens an hour before the activity
** begins, and a correction of today's record gives no sign-out still to come.
*/
static void times_to_come_are_refused(void **state)
{
    (void)state;
    setenv("BANGBAN_NOW", "2026-12-05 06:00", 1);
    struct team t;
    record_init(&team_record, &t);
    record_set(&t.name, "劝业场志愿服务队");
    const char *why = NULL;
    assert_int_equal(team_save(db, &t, "tester", &why), DB_OK);
    char n1[16];
    volunteer_new("钱九", n1);
    int64_t a = activity_new(t.id, "冬季探访"); /* 08:00 to 18:00 */
    unsetenv("BANGBAN_NOW");
    struct hours_signed s;
    int64_t before = rows();
    assert_int_equal(sign_at("2026-12-05 06:59", a, n1, &s), DB_INVALID);
    assert_non_null(strstr(s.why, "begins at 08:00"));
    hours_signed_free(&s);
    assert_int_equal(rows(), before);
    assert_int_equal(sign_at("2026-12-05 07:00", a, n1, &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_IN);
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-05 09:00", a, n1, &s), DB_OK);
    hours_signed_free(&s);
    int64_t r = db_int(db, 0, "SELECT max(id) FROM service_record");
    setenv("BANGBAN_NOW", "2026-12-05 10:30", 1);
    int64_t cid = 0;
    assert_int_equal(
        hours_correction_ask(db, r, "07:00", "11:30", "签退晚了", "tester", &cid, &why),
        DB_INVALID);
    assert_non_null(strstr(why, "later than now"));
    assert_int_equal(
        hours_correction_ask(db, r, "07:00", "10:20", "签退晚了", "tester", &cid, &why), DB_OK);
    unsetenv("BANGBAN_NOW");
    record_free(&team_record, &t);
}

/* The notice runs over working days: a holiday week is skipped, a 调休 Saturday is worked. */
static void notice_over_a_holiday(void **state)
{
    (void)state;
    struct workcal c;
    workcal_init(&c);
    char out[11];
    struct date d;
    /* Friday 2026-12-04, three working days: Mon 7, Tue 8, Wed 9; counts from Thu 10. */
    d = hours_counts_from(&c, (struct date){2026, 12, 4}, 3);
    assert_str(date_format(&d, out), "2026-12-10");
    /* No notice: it counts on the day it is confirmed. */
    d = hours_counts_from(&c, (struct date){2026, 12, 4}, 0);
    assert_str(date_format(&d, out), "2026-12-04");
    /* Wednesday 2026-09-30, before 国庆 1-7 October: Thu 8, Fri 9, Mon 12; counts from Tue 13. */
    for (int day = 1; day <= 7; day++)
        workcal_mark(&c, (struct date){2026, 10, day}, 0);
    d = hours_counts_from(&c, (struct date){2026, 9, 30}, 3);
    assert_str(date_format(&d, out), "2026-10-13");
    /* Saturday 10 October worked (调休): Thu 8, Fri 9, Sat 10; counts from Sun 11. */
    workcal_mark(&c, (struct date){2026, 10, 10}, 1);
    d = hours_counts_from(&c, (struct date){2026, 9, 30}, 3);
    assert_str(date_format(&d, out), "2026-10-11");
    workcal_free(&c);
}

static void record_states(void **state)
{
    (void)state;
    struct service_record r;
    record_init(&service_record_record, &r);
    char out[64];
    assert_int_equal(hours_record_state(&r, "2026-12-05"), HOURS_UNCONFIRMED);
    assert_str(hours_state_text(&r, "2026-12-05", out), "Unconfirmed");
    record_set(&r.confirmed_at, "2026-12-04 10:00:00");
    record_set(&r.counts_from, "2026-12-10");
    assert_int_equal(hours_record_state(&r, "2026-12-09"), HOURS_ON_NOTICE);
    assert_str(hours_state_text(&r, "2026-12-09", out), "On notice (to 12-09)");
    assert_int_equal(hours_record_state(&r, "2026-12-10"), HOURS_COUNTED);
    assert_str(hours_state_text(&r, "2026-12-10", out), "Counted");
    record_free(&service_record_record, &r);
}

/* The store: confirm (one, then all), count only after the notice, late records, corrections. */
static void confirm_late_correct(void **state)
{
    (void)state;
    setenv("BANGBAN_NOW", "2026-12-07 07:00", 1); /* a Monday */
    struct team t;
    record_init(&team_record, &t);
    record_set(&t.name, "新兴街志愿服务队");
    const char *why = NULL;
    assert_int_equal(team_save(db, &t, "tester", &why), DB_OK);
    char n1[16], n2[16];
    int64_t v1 = volunteer_new("孙七", n1);
    int64_t v2 = volunteer_new("周八", n2);
    struct activity a;
    record_init(&activity_record, &a);
    a.team_id = t.id;
    record_set(&a.name, "敲门行动");
    record_set(&a.starts_at, "2026-12-01 08:00");
    record_set(&a.ends_at, "2026-12-07 18:00");
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    unsetenv("BANGBAN_NOW");
    struct hours_signed s;
    assert_int_equal(sign_at("2026-12-07 09:00", a.id, n1, &s), DB_OK);
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-07 09:00", a.id, n2, &s), DB_OK);
    hours_signed_free(&s);
    assert_int_equal(sign_at("2026-12-07 10:00", a.id, n1, &s), DB_OK);
    hours_signed_free(&s);
    int64_t r1 = db_int(db, 0, "SELECT max(id) FROM service_record WHERE sign_out <> ''");
    int64_t r2 = db_int(db, 0, "SELECT max(id) FROM service_record WHERE sign_out = ''");

    setenv("BANGBAN_NOW", "2026-12-07 12:00", 1);
    int n = -1;
    /* Still signed in: not confirmed, nothing written. */
    assert_int_equal(hours_confirm(db, a.id, r2, HOURS_BY_ORGANISER, "", "tester", &n, &why),
                     DB_INVALID);
    assert_non_null(strstr(why, "Still signed in"));
    /* Nor corrected: today it is signed out on the roll. */
    int64_t today_asked = 0;
    assert_int_equal(
        hours_correction_ask(db, r2, "09:00", "11:00", "忘记签退", "tester", &today_asked, &why),
        DB_INVALID);
    assert_non_null(strstr(why, "Still signed in"));
    /* A recipient's confirmation needs the recipient's name. */
    assert_int_equal(hours_confirm(db, a.id, r1, HOURS_BY_RECIPIENT, " ", "tester", &n, &why),
                     DB_INVALID);
    /* Wednesday 9 December a holiday: the notice runs Tue 8, Thu 10, Fri 11. */
    assert_int_equal(calendar_set(db, "2026-12-09", 0, "test holiday", "tester"), DB_OK);
    assert_int_equal(
        hours_confirm(db, a.id, r1, HOURS_BY_RECIPIENT, "居民赵大妈", "tester", &n, &why), DB_OK);
    assert_int_equal(n, 1);
    char *counts = NULL;
    struct service_record r;
    assert_int_equal(service_record_get(db, r1, &r), DB_OK);
    assert_str(r.counts_from, "2026-12-12");
    assert_str(r.confirmed_as, HOURS_BY_RECIPIENT);
    assert_str(r.confirmed_by, "居民赵大妈");
    record_free(&service_record_record, &r);
    free(counts);
    /* Confirmed already. */
    assert_int_equal(hours_confirm(db, a.id, r1, HOURS_BY_ORGANISER, "", "tester", &n, &why),
                     DB_INVALID);
    /* Nor are the records of a cancelled activity. */
    char *off =
        xasprintf("UPDATE activity SET status = 'cancelled' WHERE id = %lld", (long long)a.id);
    assert_int_equal(db_exec(db, off), DB_OK);
    assert_int_equal(hours_confirm(db, a.id, 0, HOURS_BY_ORGANISER, "", "tester", &n, &why),
                     DB_INVALID);
    assert_non_null(strstr(why, "cancelled"));
    free(off);
    off = xasprintf("UPDATE activity SET status = 'planned' WHERE id = %lld", (long long)a.id);
    assert_int_equal(db_exec(db, off), DB_OK);
    free(off);
    int64_t counted, pending;
    assert_int_equal(hours_totals_of(db, v1, &counted, &pending), DB_OK);
    assert_int_equal(counted, 0);
    assert_int_equal(pending, 60);
    setenv("BANGBAN_NOW", "2026-12-11 23:59", 1);
    assert_int_equal(hours_totals_of(db, v1, &counted, NULL), DB_OK);
    assert_int_equal(counted, 0);
    setenv("BANGBAN_NOW", "2026-12-12 00:00", 1);
    assert_int_equal(hours_totals_of(db, v1, &counted, NULL), DB_OK);
    assert_int_equal(counted, 60);

    /* 补录: a reason is required; a past day within the activity; the pair rules hold. */
    struct service_record late;
    record_init(&service_record_record, &late);
    late.activity_id = a.id;
    record_set(&late.volunteer_number, n2);
    record_set(&late.day, "2026-12-03");
    record_set(&late.sign_in, "14:00");
    record_set(&late.sign_out, "16:30");
    char *say = NULL;
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "Why late"));
    free(say);
    record_set(&late.late_reason, "纸质签到表补录");
    record_set(&late.day, "2026-12-12");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID); /* not past */
    assert_non_null(strstr(say, "later than now (00:00)"));
    free(say);
    /* Earlier today is gone by: a morning's roll missed is recorded by the evening. */
    setenv("BANGBAN_NOW", "2026-12-05 10:30", 1);
    record_set(&late.day, "2026-12-05");
    record_set(&late.sign_in, "10:00");
    record_set(&late.sign_out, "11:00");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "11:00: later than now (10:30)"));
    free(say);
    record_set(&late.day, "2026-12-06");
    setenv("BANGBAN_NOW", "2026-12-05 18:00", 1);
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "a time gone by"));
    free(say);
    record_set(&late.day, "2026-12-05");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_OK);
    assert_int_equal(late.minutes, 60);
    setenv("BANGBAN_NOW", "2026-12-12 00:00", 1);
    record_set(&late.sign_in, "14:00");
    record_set(&late.sign_out, "16:30");
    record_set(&late.day, "2026-11-30");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID); /* before it */
    assert_non_null(strstr(say, "敲门行动"));
    free(say);
    /* On its first day, out before it starts (08:00): the times do not meet it. */
    record_set(&late.day, "2026-12-01");
    record_set(&late.sign_in, "06:00");
    record_set(&late.sign_out, "07:30");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "the times are to meet it"));
    free(say);
    /* Nor from more than an hour before it starts, nor to more than an hour after it ends. */
    record_set(&late.sign_in, "06:59");
    record_set(&late.sign_out, "09:00");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "within an hour"));
    free(say);
    record_set(&late.day, "2026-12-07");
    record_set(&late.sign_in, "17:00");
    record_set(&late.sign_out, "19:01");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "within an hour"));
    free(say);
    record_set(&late.sign_in, "14:00");
    record_set(&late.sign_out, "16:30");
    record_set(&late.day, "2026/12/3");
    record_set(&late.request_number, "2026-999999");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID); /* no request */
    assert_non_null(strstr(say, "2026-999999"));
    free(say);
    /* A day's service helped a request in its life only: taken down by then, not closed before. */
    struct request q;
    request_init(&q);
    record_set(&q.channel, "desk");
    record_set(&q.kind, "help");
    record_set(&q.category, "service");
    q.requester_kind = REQUESTER_ANONYMOUS;
    record_set(&q.requester, "王小明");
    record_set(&q.title, "路灯不亮");
    const char *refused;
    assert_int_equal(
        request_create(db, &q, RA_REGISTER, NULL, "tester", at("2026-12-05 09:00"), &refused),
        DB_OK);
    record_set(&late.request_number, q.number);
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "was taken down on 2026-12-05, after the day served"));
    free(say);
    char *closed = xasprintf(
        "UPDATE request SET created_at = %lld, closed_at = %lld WHERE id = %lld",
        (long long)at("2026-11-20 09:00"), (long long)at("2026-12-02 17:00"), (long long)q.id);
    assert_int_equal(db_exec(db, closed), DB_OK);
    free(closed);
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "was closed on 2026-12-02, before the day served"));
    free(say);
    request_free(&q);
    record_set(&late.request_number, "");
    /* The activity has ended since: a late record is still taken. It ends once 周八, who forgot
     * to sign out on 12-07, is given the time by a correction. */
    int64_t aid = a.id;
    record_free(&activity_record, &a);
    assert_int_equal(activity_get(db, aid, &a), DB_OK);
    record_set(&a.status, ACTIVITY_ENDED);
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_INVALID);
    assert_non_null(strstr(why, "still signed in"));
    int64_t forgot = 0;
    assert_int_equal(
        hours_correction_ask(db, r2, "09:00", "11:30", "忘记签退", "tester", &forgot, &why), DB_OK);
    assert_int_equal(hours_correction_decide(db, forgot, 1, "带队人证明", "tester", &say), DB_OK);
    assert_int_equal(activity_save(db, &a, "tester", &why), DB_OK);
    int64_t before = rows();
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_OK);
    assert_int_equal(late.minutes, 150);
    assert_int_equal(rows(), before + 1);
    int64_t r3 = late.id;
    /* The same time again overlaps. */
    record_set(&late.sign_in, "16:00");
    record_set(&late.sign_out, "17:00");
    assert_int_equal(hours_late_add(db, &late, "tester", &say), DB_INVALID);
    assert_non_null(strstr(say, "14:00-16:30"));
    free(say);
    assert_int_equal(rows(), before + 1);
    assert_int_equal(db_int(db, 0,
                            "SELECT late FROM service_record WHERE id = (SELECT max(id)"
                            " FROM service_record)"),
                     1);
    record_free(&service_record_record, &late);

    /* Corrections: asked, then granted with the old value kept in the audit log. */
    int64_t cid = 0;
    assert_int_equal(hours_correction_ask(db, r1, "09:00", "11:30", "", "tester", &cid, &why),
                     DB_INVALID);
    assert_int_equal(
        hours_correction_ask(db, r1, "09:00", "11:30", "签退时忘了扫码", "tester", &cid, &why),
        DB_OK);
    /* One waiting at a time for a record. */
    int64_t second = 0;
    assert_int_equal(
        hours_correction_ask(db, r1, "09:00", "11:45", "又想起来了", "tester", &second, &why),
        DB_INVALID);
    assert_non_null(strstr(why, "waiting already"));
    struct hours_correction *asked;
    size_t na;
    assert_int_equal(hours_corrections(db, CORRECTION_ASKED, &asked, &na), DB_OK);
    assert_int_equal(na, 1);
    assert_str(asked[0].was_out, "10:00");
    record_array_free(&hours_correction_record, asked, na);
    assert_int_equal(hours_correction_decide(db, cid, 1, "", "tester", &say), DB_INVALID);
    free(say);
    setenv("BANGBAN_NOW", "2026-12-14 10:00", 1); /* Monday */
    assert_int_equal(hours_correction_decide(db, cid, 1, "队长核实", "tester", &say), DB_OK);
    assert_int_equal(service_record_get(db, r1, &r), DB_OK);
    assert_str(r.sign_out, "11:30");
    assert_int_equal(r.minutes, 150);
    assert_str(r.counts_from, "2026-12-18"); /* its notice starts again: Tue, Wed, Thu */
    record_free(&service_record_record, &r);
    assert_int_equal(hours_totals_of(db, v1, &counted, NULL), DB_OK);
    assert_int_equal(counted, 0);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_log WHERE subject = 'service-record:%lld'"
             " AND detail LIKE '%%10:00%%' AND detail LIKE '%%11:30%%'",
             (long long)r1);
    assert_int_equal(db_int(db, 0, sql), 1);
    /* Decided already. */
    assert_int_equal(hours_correction_decide(db, cid, 0, "重复", "tester", &say), DB_CONFLICT);
    /* Refused: the record unchanged. */
    assert_int_equal(hours_correction_ask(db, r3, "13:00", "16:30", "记错了", "tester", &cid, &why),
                     DB_OK);
    assert_int_equal(hours_correction_decide(db, cid, 0, "签到表为14:00", "tester", &say), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM hours_correction WHERE state = 'refused'"),
                     1);
    snprintf(sql, sizeof sql, "SELECT minutes FROM service_record WHERE id = %lld", (long long)r3);
    assert_int_equal(db_int(db, 0, sql), 150);

    /* Confirm all the activity's signed-out unconfirmed records at once: r3, the one of 12-05
     * and r2, signed out by the correction. */
    assert_int_equal(hours_confirm(db, a.id, 0, HOURS_BY_ORGANISER, "", "tester", &n, &why), DB_OK);
    assert_int_equal(n, 3);
    assert_int_equal(hours_totals_of(db, v2, &counted, &pending), DB_OK);
    assert_int_equal(pending, 150 + 60 + 150); /* r3, 12-05, r2 */
    unsetenv("BANGBAN_NOW");
    record_free(&activity_record, &a);
    record_free(&team_record, &t);
}

/* A record as the sums are fed it, for the count made the slow way. */
struct fed {
    int64_t group, activity, volunteer, minutes;
};

static int fed_by_volunteer(const void *a, const void *b)
{
    const struct fed *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    return x->volunteer < y->volunteer ? -1 : x->volunteer > y->volunteer;
}

static int fed_by_activity(const void *a, const void *b)
{
    const struct fed *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    return x->activity < y->activity ? -1 : x->activity > y->activity;
}

/* Group's sums from the n records of f, each distinct pair counted once after sorting. */
static struct hours_sum sums_slowly(struct fed *f, size_t n, int64_t group)
{
    struct hours_sum s = {0, 0, 0, 0};
    qsort(f, n, sizeof *f, fed_by_volunteer);
    for (size_t i = 0; i < n; i++) {
        if (f[i].group != group) continue;
        s.times++;
        s.minutes += f[i].minutes;
        s.volunteers += i == 0 || f[i - 1].group != group || f[i - 1].volunteer != f[i].volunteer;
    }
    qsort(f, n, sizeof *f, fed_by_activity);
    for (size_t i = 0; i < n; i++)
        s.activities += f[i].group == group &&
                        (i == 0 || f[i - 1].group != group || f[i - 1].activity != f[i].activity);
    return s;
}

static void report_sums_per_group(void **state)
{
    (void)state;
    /*
    ** Records in no order: 40 groups (0 is "none"), an activity's records
    ** not together, volunteers met again in other groups; ids past what a
    ** bitmap maps, below 0, and two groups whose bitmaps take what the
    ** others may have, so that the rest count by the pair set.
    */
    enum { N = 30000 };
    struct fed *f = xcalloc(N + 8, sizeof *f);
    size_t n = 0;
    uint64_t seed = 7;
    for (; n < N; n++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        uint64_t r = seed >> 16;
        f[n].group = (int64_t)(r % 40);
        f[n].activity =
            (int64_t)((r >> 8) % 300) * 40 + f[n].group; /* an activity is one group's */
        f[n].volunteer = (int64_t)((r >> 20) % 5000) + 1;
        f[n].minutes = (int64_t)((r >> 40) % 240);
        if (n % 997 == 0) f[n].volunteer = -(int64_t)(r % 5) - 1;
        if (n % 1009 == 0) f[n].volunteer = ((int64_t)1 << 40) + (int64_t)(r % 3);
    }
    const int64_t wide = ((int64_t)1 << 28) - 1; /* the largest id a bitmap maps */
    for (int64_t g = 1; g <= 3; g++)
        f[n++] = (struct fed){g, 100000 + g, wide, 60};
    f[n++] = (struct fed){3, 100003, 12, 1};
    f[n++] = (struct fed){3, 100003, 12, 1};
    struct hours_sums *s = hours_sums_new();
    for (size_t i = 0; i < n; i++)
        hours_sums_add(s, f[i].group, f[i].activity, f[i].volunteer, f[i].minutes);
    for (int64_t g = 0; g < 40; g++) {
        struct hours_sum got, want = sums_slowly(f, n, g);
        assert_int_equal(hours_sums_get(s, g, &got), 1);
        assert_int_equal(got.times, want.times);
        assert_int_equal(got.minutes, want.minutes);
        assert_int_equal(got.activities, want.activities);
        assert_int_equal(got.volunteers, want.volunteers);
    }
    struct hours_sum none;
    assert_int_equal(hours_sums_get(s, 40, &none), 0);
    assert_int_equal(none.times + none.minutes + none.activities + none.volunteers, 0);
    hours_sums_free(s);
    free(f);
    /* Nothing fed: no group has sums. */
    s = hours_sums_new();
    assert_int_equal(hours_sums_get(s, 0, &none), 0);
    hours_sums_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(minutes_and_hours),     cmocka_unit_test(interval_rules),
        cmocka_unit_test(the_desk_move),         cmocka_unit_test(activity_times_and_checks),
        cmocka_unit_test(signing_at_the_desk),   cmocka_unit_test(notice_over_a_holiday),
        cmocka_unit_test(record_states),         cmocka_unit_test(confirm_late_correct),
        cmocka_unit_test(report_sums_per_group), cmocka_unit_test(times_to_come_are_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
