/*
** Unit tests of the users below the screen: the store (db/user_store.h)
** and signing in (app/users.h). A database with no users lets everyone do
** everything; once it has users, a right is checked by the store (a
** reveal refused to a role without it, and nothing written); a password
** sign-in counts failures and five in a row lock the account, the right
** password refused until the lock ends, with the same answer as a login
** that does not exist or a retired user; a peer sign-in takes only a
** bound, active, unlocked user.
*/
#include "unit_db.h"
#include "app/users.h"
#include "db/resident_store.h"
#include "db/user_store.h"
#include "src/pinyin.h"
#include "src/roles.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    unit_locale();
    db = unit_db_open("users", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    pinyin_shutdown();
    return 0;
}

/* A new user login of role, with password (NULL: none) and bound to os_login (NULL: none). */
static int64_t user_make(const char *login, const char *role, const char *password,
                         const char *os_login)
{
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, login);
    record_set(&u.role, role);
    record_set(&u.os_login, os_login);
    const char *why = NULL;
    assert_int_equal(users_add(db, &u, password, "tester", &why), DB_OK);
    assert_null(why);
    int64_t id = u.id;
    record_free(&user_record, &u);
    return id;
}

static int64_t audits(const char *action)
{
    char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE action = '%s'", action);
    int64_t n = db_int(db, -1, sql);
    free(sql);
    return n;
}

static void no_users_allow_everything(void **state)
{
    (void)state;
    assert_int_equal(user_allowed(db, "whoever", RIGHT_REVEAL | RIGHT_MANAGE_USERS), DB_OK);
    struct user u;
    int rc;
    assert_int_equal(users_peer(db, "whoever", at("2026-03-02 09:00"), &u, &rc), SIGNIN_NO_USERS);
}

static void the_store_checks_the_right(void **state)
{
    (void)state;
    user_make("desk1", "desk", "desk-pass-1", "desk1");
    user_make("chief1", "chief", "chief-pass-1", NULL);
    assert_int_equal(user_allowed(db, "desk1", RIGHT_REVEAL), DB_OK);
    assert_int_equal(user_allowed(db, "chief1", RIGHT_REVEAL), DB_DENIED);
    assert_int_equal(user_allowed(db, "stranger", RIGHT_REVEAL), DB_DENIED);
    int64_t before = audits("reveal");
    assert_int_equal(resident_reveal(db, 1, "phone", "回访", "chief1"), DB_DENIED);
    assert_int_equal(resident_reveal(db, 1, "phone", "回访", "stranger"), DB_DENIED);
    assert_int_equal(audits("reveal"), before);
    assert_int_equal(resident_reveal(db, 1, "phone", "回访", "desk1"), DB_OK);
    assert_int_equal(audits("reveal"), before + 1);
    /* Retired, a user may do nothing. */
    struct user u;
    assert_int_equal(user_find(db, "desk1", &u), DB_OK);
    assert_int_equal(user_set_retired(db, &u, 1, "tester", NULL), DB_OK);
    assert_int_equal(resident_reveal(db, 1, "phone", "回访", "desk1"), DB_DENIED);
    assert_int_equal(user_set_retired(db, &u, 0, "tester", NULL), DB_OK);
    record_free(&user_record, &u);
}

static void five_failures_lock(void **state)
{
    (void)state;
    user_make("wang", "supervisor", "wang-pass-1", NULL);
    time_t now = at("2026-03-02 09:00");
    struct user u;
    int rc;
    for (int i = 1; i <= 4; i++)
        assert_int_equal(users_signin(db, "wang", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(db_int(db, -1, "SELECT failed FROM \"user\" WHERE login = 'wang'"), 4);
    /* The right one before the fifth: in, and the count starts again. */
    assert_int_equal(users_signin(db, "wang", "wang-pass-1", now, &u, &rc), SIGNIN_OK);
    assert_str(u.login, "wang");
    record_free(&user_record, &u);
    assert_int_equal(db_int(db, -1, "SELECT failed FROM \"user\" WHERE login = 'wang'"), 0);
    for (int i = 1; i <= 5; i++)
        assert_int_equal(users_signin(db, "wang", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(audits("user-lock"), 1);
    /* Locked: the right password is refused as a wrong one is, until 15 minutes have passed. */
    assert_int_equal(users_signin(db, "wang", "wang-pass-1", now + 14 * 60, &u, &rc),
                     SIGNIN_REFUSED);
    assert_int_equal(users_signin(db, "wang", "wang-pass-1", now + 16 * 60, &u, &rc), SIGNIN_OK);
    record_free(&user_record, &u);
    /* A login that does not exist gets the same answer, and is audited by what was typed. */
    assert_int_equal(users_signin(db, "ghost", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM audit_log WHERE actor = 'ghost'"), 1);
    /* An admin's lock lasts until unlocked. */
    int64_t id = db_int(db, 0, "SELECT id FROM \"user\" WHERE login = 'wang'");
    assert_int_equal(user_set_lock(db, id, users_locked_for_good(), "tester"), DB_OK);
    assert_int_equal(users_signin(db, "wang", "wang-pass-1", now + 86400 * 365, &u, &rc),
                     SIGNIN_REFUSED);
    assert_int_equal(user_set_lock(db, id, NULL, "tester"), DB_OK);
    assert_int_equal(users_signin(db, "wang", "wang-pass-1", now, &u, &rc), SIGNIN_OK);
    record_free(&user_record, &u);
}

static void peer_takes_only_bound_active_users(void **state)
{
    (void)state;
    user_make("li", "desk", NULL, "li-os");
    time_t now = at("2026-03-02 09:00");
    struct user u;
    int rc;
    assert_int_equal(users_peer(db, "li-os", now, &u, &rc), SIGNIN_OK);
    assert_str(u.login, "li");
    record_free(&user_record, &u);
    assert_int_equal(users_peer(db, "someone-else", now, &u, &rc), SIGNIN_REFUSED);
    /* No password set: a password sign-in never succeeds, not even with an empty one. */
    assert_int_equal(users_signin(db, "li", "", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(user_find(db, "li", &u), DB_OK);
    assert_int_equal(user_set_retired(db, &u, 1, "tester", NULL), DB_OK);
    record_free(&user_record, &u);
    assert_int_equal(users_peer(db, "li-os", now, &u, &rc), SIGNIN_REFUSED);
}

static void passwords_are_yescrypt(void **state)
{
    (void)state;
    char *h = user_password_hash("correct horse");
    assert_non_null(h);
    assert_memory_equal(h, "$y$", 3);
    assert_true(user_password_matches("correct horse", h));
    assert_false(user_password_matches("correct hors", h));
    assert_false(user_password_matches("correct horse", ""));
    char *again = user_password_hash("correct horse");
    assert_string_not_equal(h, again); /* a fresh salt each time */
    free(again);
    free(h);
    assert_non_null(user_password_check("short"));
    assert_null(user_password_check("long enough"));
    assert_null(user_login_check("王芳"));
    assert_non_null(user_login_check("wang fang"));
    assert_non_null(user_login_check("a;b"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(passwords_are_yescrypt),
        cmocka_unit_test(no_users_allow_everything),
        cmocka_unit_test(the_store_checks_the_right),
        cmocka_unit_test(five_failures_lock),
        cmocka_unit_test(peer_takes_only_bound_active_users),
    };
    return cmocka_run_group_tests_name("users_db", tests, setup, teardown);
}
