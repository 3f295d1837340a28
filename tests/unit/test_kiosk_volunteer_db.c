/*
** Unit tests of a volunteer's sign-in at the self-service kiosk: the name
** masked as the kiosk shows it, the activity a number takes them to today
** (signed in: out there; their team's one; the one of the day; several to
** pick from; none; unknown and malformed numbers, told nothing more and
** audited), and the kiosk's sign-in and sign-out (its own right, audited as
** the kiosk, refused to other roles, refusals saving nothing).
*/
#include "unit_db.h"
#include "app/users.h"
#include "db/hours_store.h"
#include "db/kiosk_store.h"
#include "db/volunteer_store.h"
#include "src/audit.h"
#include "src/kiosk.h"
#include "src/pinyin.h"
#include "src/user.h"
#include "src/volunteer.h"

static char path[256];
static struct db *db;
static char n_li[16], n_wang[16], n_zhao[16];
static int64_t v_li, v_wang, t_one, t_two;

static void user_make(const char *login, const char *role)
{
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, login);
    record_set(&u.role, role);
    const char *why = NULL;
    assert_int_equal(users_add(db, &u, NULL, "boss", &why), DB_OK);
    record_free(&user_record, &u);
}

static int64_t volunteer_new(const char *name, char *number)
{
    struct volunteer v;
    record_init(&volunteer_record, &v);
    record_set(&v.name, name);
    assert_int_equal(volunteer_save(db, &v, "boss"), DB_OK);
    snprintf(number, VOLUNTEER_NUMBER_LEN + 1, "%s", v.number);
    int64_t id = v.id;
    record_free(&volunteer_record, &v);
    return id;
}

static int64_t team_new(const char *name)
{
    struct team t;
    record_init(&team_record, &t);
    record_set(&t.name, name);
    const char *why = NULL;
    assert_int_equal(team_save(db, &t, "boss", &why), DB_OK);
    int64_t id = t.id;
    record_free(&team_record, &t);
    return id;
}

static int64_t activity_new(int64_t team, const char *name, const char *starts, const char *ends)
{
    struct activity a;
    record_init(&activity_record, &a);
    a.team_id = team;
    record_set(&a.name, name);
    record_set(&a.starts_at, starts);
    record_set(&a.ends_at, ends);
    const char *why = NULL;
    assert_int_equal(activity_save(db, &a, "boss", &why), DB_OK);
    int64_t id = a.id;
    record_free(&activity_record, &a);
    return id;
}

static void activity_status(int64_t id, const char *status)
{
    struct activity a;
    const char *why = NULL;
    assert_int_equal(activity_get(db, id, &a), DB_OK);
    record_set(&a.status, status);
    assert_int_equal(activity_save(db, &a, "boss", &why), DB_OK);
    record_free(&activity_record, &a);
}

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("kioskvol", path, sizeof path);
    user_make("boss", "admin");
    user_make("hall", "kiosk");
    user_make("hall2", "kiosk");
    user_make("clerk", "desk");
    user_make("coord", "volunteers");
    setenv("BANGBAN_NOW", "2026-12-05 07:00", 1);
    v_li = volunteer_new("李四", n_li);
    v_wang = volunteer_new("欧阳娜娜", n_wang);
    volunteer_new("赵六", n_zhao);
    t_one = team_new("朝阳里志愿服务队");
    t_two = team_new("河滨志愿服务队");
    char *sql = xasprintf("INSERT INTO team_member (team_id, volunteer_id, joined, created_at,"
                          " created_by, updated_at, updated_by) VALUES (%lld, %lld, '2026-01-01',"
                          " 'x', 'x', 'x', 'x')",
                          (long long)t_one, (long long)v_li);
    assert_int_equal(db_exec(db, sql), DB_OK);
    free(sql);
    unsetenv("BANGBAN_NOW");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

static int64_t audits(const char *action)
{
    char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE action = '%s'", action);
    int64_t n = db_int(db, -1, sql);
    free(sql);
    return n;
}

static void names_masked(void **state)
{
    (void)state;
    const char *cases[][2] = {{"张三丰", "张*"}, {"李四", "李*"},    {"欧阳娜娜", "欧阳*"},
                              {"欧阳", "欧*"},   {"王", "*"},        {"", "*"},
                              {" 𠀀明 ", "𠀀*"}, {"司马光", "司马*"}};
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        char *m = kiosk_name_masked(cases[i][0]);
        assert_str(m, cases[i][1]);
        free(m);
    }
}

/* Where number takes its volunteer on when; t kept (caller frees). */
static int pick(const char *kiosk, const char *number, const char *when, struct kiosk_today *t)
{
    return kiosk_volunteer_today(db, kiosk, number, at(when), t);
}

static void the_activity_of_the_day(void **state)
{
    (void)state;
    struct kiosk_today t;
    /* No activity at all yet. */
    assert_int_equal(pick("hall", n_li, "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_NONE);
    assert_str(t.name, "李*");
    kiosk_today_free(&t);
    /* One open today, of another team: that one, for anyone. */
    int64_t clean = activity_new(t_two, "河滨清洁", "2026-12-05 08:00", "2026-12-05 12:00");
    assert_int_equal(pick("hall", n_li, "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_IN);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.act[0].id, clean);
    assert_str(t.act[0].name, "河滨清洁");
    kiosk_today_free(&t);
    /* More than an hour before it begins it is not offered (sign-in would refuse it); an hour is.
     */
    assert_int_equal(pick("hall", n_li, "2026-12-05 06:59", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_NONE);
    kiosk_today_free(&t);
    assert_int_equal(pick("hall", n_li, "2026-12-05 07:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_IN);
    kiosk_today_free(&t);
    /* Tomorrow none is open. */
    assert_int_equal(pick("hall", n_li, "2026-12-06 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_NONE);
    kiosk_today_free(&t);
    /* A second one today, of 李四's team: his; 欧阳娜娜 (no team) picks from both. */
    int64_t meals = activity_new(t_one, "助老送餐", "2026-12-04 09:00", "2026-12-06 17:00");
    assert_int_equal(pick("hall", n_li, "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_IN);
    assert_int_equal(t.act[0].id, meals);
    kiosk_today_free(&t);
    assert_int_equal(pick("hall", n_wang, "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_CHOOSE);
    assert_str(t.name, "欧阳*");
    assert_int_equal(t.n, 2);
    assert_int_equal(t.more, 0);
    assert_str(t.act[0].name, "助老送餐"); /* in start order: it began yesterday */
    assert_str(t.act[0].starts_at, "2026-12-04 09:00");
    assert_str(t.act[1].name, "河滨清洁");
    kiosk_today_free(&t);
    /* Signed in at the other team's: out there, whatever the team. */
    struct hours_signed s;
    setenv("BANGBAN_NOW", "2026-12-05 09:00", 1);
    assert_int_equal(hours_sign_kiosk(db, clean, n_li, "hall", &s), DB_OK);
    unsetenv("BANGBAN_NOW");
    hours_signed_free(&s);
    assert_int_equal(pick("hall", n_li, "2026-12-05 10:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_OUT);
    assert_int_equal(t.act[0].id, clean);
    kiosk_today_free(&t);
    /* Left the register while signed in: still taken to the sign-out. */
    char *left = xasprintf("UPDATE volunteer SET status = 'left' WHERE number = '%s'", n_li);
    assert_int_equal(db_exec(db, left), DB_OK);
    free(left);
    assert_int_equal(pick("hall", n_li, "2026-12-05 10:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_OUT);
    kiosk_today_free(&t);
    char *back = xasprintf("UPDATE volunteer SET status = 'active' WHERE number = '%s'", n_li);
    assert_int_equal(db_exec(db, back), DB_OK);
    free(back);
    /* A member who left the team is no longer taken to its activity. */
    assert_int_equal(db_exec(db, "UPDATE service_record SET sign_out = '10:00', minutes = 60"),
                     DB_OK);
    assert_int_equal(db_exec(db, "UPDATE team_member SET left_on = '2026-12-01'"), DB_OK);
    assert_int_equal(pick("hall", n_li, "2026-12-05 11:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_CHOOSE);
    kiosk_today_free(&t);
    assert_int_equal(db_exec(db, "UPDATE team_member SET left_on = ''"), DB_OK);
    /* Ended and cancelled ones are not of the day (one held is ended: activity_save()). */
    activity_status(clean, ACTIVITY_ENDED);
    assert_int_equal(pick("hall", n_wang, "2026-12-05 11:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_IN);
    assert_int_equal(t.act[0].id, meals);
    kiosk_today_free(&t);
    activity_status(meals, ACTIVITY_CANCELLED);
    assert_int_equal(pick("hall", n_wang, "2026-12-05 11:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_NONE);
    kiosk_today_free(&t);
    /* Many of the day: a short list, the rest counted. */
    char name[32];
    for (int i = 0; i < KIOSK_ACTIVITIES_MAX + 2; i++) {
        snprintf(name, sizeof name, "巡逻%d", i + 1);
        activity_new(t_two, name, "2026-12-07 08:00", "2026-12-07 18:00");
    }
    assert_int_equal(pick("hall", n_wang, "2026-12-07 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_CHOOSE);
    assert_int_equal(t.n, KIOSK_ACTIVITIES_MAX);
    assert_int_equal(t.more, 2);
    kiosk_today_free(&t);
}

static void unknown_numbers_tell_nothing(void **state)
{
    (void)state;
    struct kiosk_today t;
    int64_t misses = audits("kiosk-volunteer-miss");
    assert_int_equal(pick("hall", "2026999999", "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_UNKNOWN);
    assert_str(t.name, "");
    assert_int_equal(t.n, 0);
    assert_str(t.number, "2026999999");
    kiosk_today_free(&t);
    /* A volunteer who left gets the same answer, and no name. */
    char *sql = xasprintf("UPDATE volunteer SET status = 'left' WHERE number = '%s'", n_zhao);
    assert_int_equal(db_exec(db, sql), DB_OK);
    free(sql);
    assert_int_equal(pick("hall", n_zhao, "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_UNKNOWN);
    assert_str(t.name, "");
    kiosk_today_free(&t);
    assert_int_equal(audits("kiosk-volunteer-miss"), misses + 2);
    assert_string_not_equal(audit_action_label("kiosk-volunteer-miss"), "kiosk-volunteer-miss");
    /* Full-width digits and spaces are read as the number. */
    char wide[80] = "";
    for (const char *c = n_li; *c; c++) {
        strcat(wide, (const char *[]){"０", "１", "２", "３", "４", "５", "６", "７", "８",
                                      "９"}[*c - '0']);
        if (c == n_li + 3) strcat(wide, "　");
    }
    assert_int_equal(pick("hall", wide, "2026-12-05 09:00", &t), DB_OK);
    assert_str(t.number, n_li);
    assert_str(t.name, "李*");
    kiosk_today_free(&t);
    /* Not a number: why, nothing audited. */
    assert_int_equal(pick("hall", "12ab", "2026-12-05 09:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_BAD);
    assert_non_null(t.why);
    kiosk_today_free(&t);
    assert_int_equal(audits("kiosk-volunteer-miss"), misses + 2);
    /* Only a kiosk asks. */
    assert_int_equal(pick("clerk", n_li, "2026-12-05 09:00", &t), DB_DENIED);
    kiosk_today_free(&t);
}

/* Unknown numbers count as wrong tries: the KIOSK_TRIES-th makes the kiosk wait, right or not. */
static void unknown_numbers_make_the_kiosk_wait(void **state)
{
    (void)state;
    struct kiosk_today t;
    for (int i = 1; i <= KIOSK_TRIES; i++) {
        assert_int_equal(pick("hall2", "2026999990", "2026-12-05 10:00", &t), DB_OK);
        assert_int_equal(t.pick, i < KIOSK_TRIES ? KIOSK_PICK_UNKNOWN : KIOSK_PICK_WAIT);
        kiosk_today_free(&t);
    }
    /* A right number during the wait is not looked up, and names no one. */
    assert_int_equal(pick("hall2", n_li, "2026-12-05 10:00", &t), DB_OK);
    assert_int_equal(t.pick, KIOSK_PICK_WAIT);
    assert_true(t.wait_seconds > 0 && t.wait_seconds <= KIOSK_WAIT_SECONDS);
    assert_str(t.name, "");
    kiosk_today_free(&t);
    assert_int_equal(audits("kiosk-volunteer-waiting"), 1);
    /* After the wait it is found, and the count starts again. */
    assert_int_equal(pick("hall2", n_li, "2026-12-05 10:02", &t), DB_OK);
    assert_int_not_equal(t.pick, KIOSK_PICK_WAIT);
    assert_str(t.name, "李*");
    kiosk_today_free(&t);
    /* Each service counts its own: a resident's wrong 查进度 pairs keep no volunteer waiting,
     * nor volunteers' numbers not found a resident. */
    enum kiosk_answer answer;
    struct kiosk_view view;
    int wait = 0;
    for (int i = 1; i <= KIOSK_TRIES; i++)
        assert_int_equal(kiosk_progress(db, "hall2", "2026-999999", "0000", at("2026-12-05 10:03"),
                                        &answer, &view, &wait),
                         DB_OK);
    assert_int_equal(answer, KIOSK_WAIT);
    assert_int_equal(pick("hall2", n_li, "2026-12-05 10:03", &t), DB_OK);
    assert_int_not_equal(t.pick, KIOSK_PICK_WAIT);
    assert_str(t.name, "李*");
    kiosk_today_free(&t);
    for (int i = 1; i <= KIOSK_TRIES; i++) {
        assert_int_equal(pick("hall", "2026999990", "2026-12-05 10:04", &t), DB_OK);
        kiosk_today_free(&t);
    }
    assert_int_equal(kiosk_progress(db, "hall", "2026-999999", "0000", at("2026-12-05 10:04"),
                                    &answer, &view, &wait),
                     DB_OK);
    assert_int_not_equal(answer, KIOSK_WAIT);
}

static int64_t rows(void)
{
    return db_int(db, 0, "SELECT count(*) FROM service_record");
}

static void the_kiosk_signs_in_and_out(void **state)
{
    (void)state;
    int64_t a = activity_new(t_one, "门岗值守", "2026-12-08 08:00", "2026-12-08 18:00");
    int64_t b = activity_new(t_two, "图书整理", "2026-12-08 08:00", "2026-12-08 18:00");
    struct hours_signed s;
    setenv("BANGBAN_NOW", "2026-12-08 09:00", 1);
    /* No other role signs in through the kiosk's door. */
    int64_t before = rows();
    assert_int_equal(hours_sign_kiosk(db, a, n_wang, "clerk", &s), DB_DENIED);
    hours_signed_free(&s);
    assert_int_equal(hours_sign_kiosk(db, a, n_wang, "coord", &s), DB_DENIED);
    hours_signed_free(&s);
    /* And the kiosk has no right to the desk's. */
    assert_int_equal(hours_sign(db, a, n_wang, "hall", &s), DB_DENIED);
    hours_signed_free(&s);
    struct activity act;
    const char *why = NULL;
    assert_int_equal(activity_get(db, a, &act), DB_OK);
    record_set(&act.status, ACTIVITY_CANCELLED);
    assert_int_equal(activity_save(db, &act, "hall", &why), DB_DENIED);
    record_free(&activity_record, &act);
    assert_int_equal(rows(), before);
    assert_int_equal(hours_sign_kiosk(db, a, n_wang, "hall", &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_IN);
    assert_str(s.name, "欧阳*");
    assert_str(s.at, "09:00");
    hours_signed_free(&s);
    /* Signed in at a: not at b, nothing saved. */
    assert_int_equal(hours_sign_kiosk(db, b, n_wang, "hall", &s), DB_INVALID);
    assert_non_null(strstr(s.why, "门岗值守"));
    hours_signed_free(&s);
    assert_int_equal(rows(), before + 1);
    setenv("BANGBAN_NOW", "2026-12-08 11:05", 1);
    assert_int_equal(hours_sign_kiosk(db, a, n_wang, "hall", &s), DB_OK);
    assert_int_equal(s.move, HOURS_SIGN_OUT);
    assert_int_equal(s.minutes, 125);
    assert_str(s.in, "09:00");
    hours_signed_free(&s);
    /* Two more pairs, then no fourth. */
    const char *times[] = {"2026-12-08 12:00", "2026-12-08 12:30", "2026-12-08 13:00",
                           "2026-12-08 13:30"};
    for (int i = 0; i < 4; i++) {
        setenv("BANGBAN_NOW", times[i], 1);
        assert_int_equal(hours_sign_kiosk(db, a, n_wang, "hall", &s), DB_OK);
        hours_signed_free(&s);
    }
    setenv("BANGBAN_NOW", "2026-12-08 14:00", 1);
    before = rows();
    assert_int_equal(hours_sign_kiosk(db, a, n_wang, "hall", &s), DB_INVALID);
    assert_non_null(s.why);
    hours_signed_free(&s);
    assert_int_equal(rows(), before);
    /* A volunteer who left: refused, the name masked (said before the words, not in them). */
    assert_int_equal(hours_sign_kiosk(db, a, n_zhao, "hall", &s), DB_INVALID);
    assert_str(s.name, "赵*");
    assert_non_null(strstr(s.why, "not signed in"));
    assert_null(strstr(s.why, "赵"));
    hours_signed_free(&s);
    unsetenv("BANGBAN_NOW");
    /* Every write audited as the kiosk. */
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM audit_log WHERE subject LIKE 'service-record:%'"
                            " AND actor = 'hall'"),
                     1 + 2 + 4); /* one in the test before */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_masked),
        cmocka_unit_test(the_activity_of_the_day),
        cmocka_unit_test(unknown_numbers_tell_nothing),
        cmocka_unit_test(unknown_numbers_make_the_kiosk_wait),
        cmocka_unit_test(the_kiosk_signs_in_and_out),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
