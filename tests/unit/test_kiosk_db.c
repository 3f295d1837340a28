/*
** Unit tests of the self-service kiosk: the number and phone a resident
** types, the store's lookup (one answer for a wrong number and a wrong
** phone, the wait after five wrong pairs, kept across connections, every
** try audited, only the public view given), and a request left there
** (checked, for the kiosk role alone, in the desk's queue 自助登记).
*/
#include "unit_db.h"
#include "app/demo.h"
#include "app/users.h"
#include "db/kiosk_store.h"
#include "db/request_store.h"
#include "db/user_store.h"
#include "src/kiosk.h"
#include "src/pinyin.h"
#include "src/user.h"
#include "src/util.h"

static char path[256];
static struct db *db;
static char number[16];

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

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("kiosk", path, sizeof path);
    struct demo_report rep;
    char *err = NULL;
    assert_int_equal(demo_seed(db, "boss", &rep, &err), DB_OK);
    user_make("boss", "admin");
    user_make("hall", "kiosk");
    user_make("clerk", "desk");
    struct request r;
    request_init(&r);
    record_set(&r.channel, "desk");
    record_set(&r.kind, "help");
    record_set(&r.category, "service");
    r.requester_kind = REQUESTER_ANONYMOUS;
    record_set(&r.requester, "王小明");
    record_set(&r.requester_phone, "13912345678");
    record_set(&r.title, "路灯不亮");
    const char *why;
    assert_int_equal(
        request_create(db, &r, RA_REGISTER, NULL, "clerk", at("2026-03-02 09:00"), &why), DB_OK);
    snprintf(number, sizeof number, "%s", r.number);
    request_free(&r);
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

static void typed_numbers(void **state)
{
    (void)state;
    char out[16];
    assert_int_equal(request_number_read("2026-000123", 2026, out), 0);
    assert_str(out, "2026-000123");
    assert_int_equal(request_number_read("2025000007", 2026, out), 0);
    assert_str(out, "2025-000007");
    assert_int_equal(request_number_read("１２３", 2026, out), 0); /* full-width, short form */
    assert_str(out, "2026-000123");
    assert_int_equal(request_number_read(" 42 ", 2027, out), 0);
    assert_str(out, "2027-000042");
    assert_int_equal(request_number_read("", 2026, out), -1);
    assert_int_equal(request_number_read("0", 2026, out), -1);
    assert_int_equal(request_number_read("12a", 2026, out), -1);
    assert_int_equal(request_number_read("1234567", 2026, out), -1);
    assert_int_equal(request_number_read("2025-218", 2026, out), 0); /* a year, a short sequence */
    assert_string_equal(out, "2025-000218");
    assert_int_equal(request_number_read("2025-", 2026, out), -1);
    assert_int_equal(request_number_read("2025-1234567", 2026, out), -1);
    char last4[5];
    assert_int_equal(kiosk_last4_parse("５６７８", last4), 0);
    assert_str(last4, "5678");
    assert_int_equal(kiosk_last4_parse("567", last4), -1);
    assert_int_equal(kiosk_last4_parse("56789", last4), -1);
    /* A whole mobile typed or pasted where its last 4 digits go: they are taken. */
    assert_int_equal(kiosk_last4_parse("18312348672", last4), KIOSK_LAST4_MOBILE);
    assert_str(last4, "8672");
    assert_int_equal(kiosk_last4_parse("183 1234 5678", last4), KIOSK_LAST4_MOBILE);
    assert_str(last4, "5678");
    assert_int_equal(kiosk_last4_parse("+86 139-1111-2222", last4), KIOSK_LAST4_MOBILE);
    assert_str(last4, "2222");
    assert_int_equal(kiosk_last4_parse("１８３１２３４８６７２", last4), KIOSK_LAST4_MOBILE);
    assert_str(last4, "8672");
    assert_int_equal(kiosk_last4_parse("1831234867", last4), KIOSK_LAST4_BAD);  /* one short */
    assert_int_equal(kiosk_last4_parse("28312348672", last4), KIOSK_LAST4_BAD); /* no mobile */
    assert_int_equal(kiosk_last4_parse("02223456789", last4), KIOSK_LAST4_BAD); /* a landline */
    assert_int_equal(kiosk_last4_parse("abcd", last4), KIOSK_LAST4_BAD);
    for (int s = 0; s < RS_COUNT; s++) {
        assert_true(*kiosk_state_words((enum request_state)s));
        assert_true(*kiosk_due_words((enum request_state)s));
    }
    /* The deadline says what is due by it: once taken up, the call; while handled, the end. */
    assert_str(kiosk_due_words(RS_ACCEPTED), "To call you by:");
    assert_str(kiosk_due_words(RS_IN_PROGRESS), "To be done by:");
    assert_str(kiosk_due_words(RS_CLOSED), "Deadline:");
}

static void right_pair_shows_the_public_view(void **state)
{
    (void)state;
    enum kiosk_answer a;
    struct kiosk_view v;
    int wait;
    int64_t before = audits("kiosk-progress");
    assert_int_equal(
        kiosk_progress(db, "hall", number, "5678", at("2026-03-02 10:00"), &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_FOUND);
    assert_str(v.number, number);
    assert_int_equal(v.state, RS_NEW);
    assert_str(v.unit, "");
    assert_true(v.nsteps >= 1);
    assert_int_equal(v.steps[0].to, RS_NEW);
    kiosk_view_free(&v);
    assert_int_equal(audits("kiosk-progress"), before + 1);
    /* A desk is no kiosk: refused, nothing written. */
    assert_int_equal(
        kiosk_progress(db, "clerk", number, "5678", at("2026-03-02 10:00"), &a, &v, &wait),
        DB_DENIED);
    assert_int_equal(audits("kiosk-progress"), before + 1);
}

static void wrong_pairs_make_it_wait(void **state)
{
    (void)state;
    enum kiosk_answer a;
    struct kiosk_view v;
    int wait;
    time_t t = at("2026-03-03 09:00");
    int64_t misses = audits("kiosk-progress-miss");
    /* A wrong phone and a number that does not exist: the same answer. */
    assert_int_equal(kiosk_progress(db, "hall", number, "0000", t, &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_NO_MATCH);
    assert_int_equal(kiosk_progress(db, "hall", "2026-999999", "5678", t, &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_NO_MATCH);
    /* Counted across connections: the count is the database's. */
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path, 0, &db, &err), DB_OK);
    for (int i = 2; i < KIOSK_TRIES - 1; i++) {
        assert_int_equal(kiosk_progress(db, "hall", number, "1111", t, &a, &v, &wait), DB_OK);
        assert_int_equal(a, KIOSK_NO_MATCH);
    }
    /* The fifth is told to wait at once. */
    assert_int_equal(kiosk_progress(db, "hall", number, "1111", t, &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_WAIT);
    assert_int_equal(wait, KIOSK_WAIT_SECONDS);
    assert_int_equal(audits("kiosk-progress-miss"), misses + KIOSK_TRIES);
    /* Now even the right pair waits, and nothing is looked up. */
    assert_int_equal(kiosk_progress(db, "hall", number, "5678", t + 10, &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_WAIT);
    assert_int_equal(wait, KIOSK_WAIT_SECONDS - 10);
    assert_int_equal(audits("kiosk-progress-waiting"), 1);
    /* Another kiosk counts its own. */
    user_make("hall2", "kiosk");
    assert_int_equal(kiosk_progress(db, "hall2", number, "5678", t + 10, &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_FOUND);
    kiosk_view_free(&v);
    /* A minute on, the right pair is found and the count starts over. */
    assert_int_equal(
        kiosk_progress(db, "hall", number, "5678", t + KIOSK_WAIT_SECONDS, &a, &v, &wait), DB_OK);
    assert_int_equal(a, KIOSK_FOUND);
    kiosk_view_free(&v);
    assert_int_equal(db_int(db, -1, "SELECT misses FROM kiosk_guard WHERE kiosk = 'hall'"), 0);
}

static void a_matter_left_at_the_kiosk(void **state)
{
    (void)state;
    struct kiosk_matter m = {"李四", "139 1234 0000", "楼道灯坏了\n三楼", ""};
    struct request r;
    request_init(&r);
    int field = -1;
    assert_null(kiosk_matter_request(&m, &r, &field));
    assert_str(r.channel, "kiosk");
    assert_str(r.requester_phone, "13912340000");
    assert_str(r.title, "楼道灯坏了 三楼");
    const char *why = NULL;
    /* Only a kiosk leaves one this way. */
    assert_int_equal(request_create_kiosk(db, &r, "clerk", at("2026-03-04 09:00"), &why),
                     DB_DENIED);
    assert_non_null(why);
    assert_int_equal(request_create_kiosk(db, &r, "hall", at("2026-03-04 09:00"), &why), DB_OK);
    assert_int_equal(r.state, RS_NEW);
    assert_true(r.number[0] == '2');
    int64_t id = r.id;
    request_free(&r);
    struct request_filter f = {.level = -1, .text = ""};
    struct request_list l;
    assert_int_equal(request_queue(db, QUEUE_KIOSK, &f, SORT_NEWEST, 10, &l), DB_OK);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.items[0].id, id);
    request_list_free(&l);

    /* Bad input: said, by field. */
    request_init(&r);
    struct kiosk_matter bad = {"李四", "12345", "x", ""};
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 1);
    bad.phone = "13912340000";
    bad.text = "  ";
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 2);
    char *long_text = xcalloc(1, KIOSK_MATTER_MAX + 2);
    memset(long_text, 'a', KIOSK_MATTER_MAX + 1);
    bad.text = long_text;
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 2);
    free(long_text);
    bad.text = "ok";
    bad.name = "";
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 0);
    /* A name the desk would refuse (digits, punctuation) is refused here too. */
    bad.name = "12345";
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 0);
    bad.name = "路灯坏了，请修。";
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 0);
    bad.name = "李四";
    bad.category = "nonsense";
    assert_non_null(kiosk_matter_request(&bad, &r, &field));
    assert_int_equal(field, 3);
    request_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(typed_numbers),
        cmocka_unit_test(right_pair_shows_the_public_view),
        cmocka_unit_test(wrong_pairs_make_it_wait),
        cmocka_unit_test(a_matter_left_at_the_kiosk),
    };
    return cmocka_run_group_tests_name("kiosk_db", tests, setup, teardown);
}
