/*
** Unit tests of the users below the screen: the store (db/user_store.h)
** and signing in (app/users.h). A database with no users lets everyone do
** everything; once it has users, a right is checked by the store (a
** reveal refused to a role without it, and nothing written); a password
** sign-in counts failures and five in a row lock the account, the right
** password refused until the lock ends, with the same answer as a login
** that does not exist or a retired user; a peer sign-in takes only a
** bound, active, unlocked user. Managing users needs the right, in the
** store: a desk clerk's save, lock, bind or retire is refused with nothing
** written and nothing audited, while any user sets their own password and
** the first user of a database with none is made by whoever asks. A
** building chief's buildings are written with the user, by code or name,
** a building that is not one (or is retired) refused.
*/
#include "unit_db.h"
#include "app/users.h"
#include "db/resident_store.h"
#include "db/settings_store.h"
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
    user_make("tester", "admin", NULL, NULL); /* the first user, who makes the others */
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
    user_make("wang", "supervisor", "fang-pass-1", NULL);
    time_t now = at("2026-03-02 09:00");
    struct user u;
    int rc;
    for (int i = 1; i <= 4; i++)
        assert_int_equal(users_signin(db, "wang", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(db_int(db, -1, "SELECT failed FROM \"user\" WHERE login = 'wang'"), 4);
    /* The right one before the fifth: in, and the count starts again. */
    assert_int_equal(users_signin(db, "wang", "fang-pass-1", now, &u, &rc), SIGNIN_OK);
    assert_str(u.login, "wang");
    record_free(&user_record, &u);
    assert_int_equal(db_int(db, -1, "SELECT failed FROM \"user\" WHERE login = 'wang'"), 0);
    for (int i = 1; i <= 5; i++)
        assert_int_equal(users_signin(db, "wang", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(audits("user-lock"), 1);
    /* Locked: the right password is refused as a wrong one is, until 15 minutes have passed. */
    assert_int_equal(users_signin(db, "wang", "fang-pass-1", now + 14 * 60, &u, &rc),
                     SIGNIN_REFUSED);
    assert_int_equal(users_signin(db, "wang", "fang-pass-1", now + 16 * 60, &u, &rc), SIGNIN_OK);
    record_free(&user_record, &u);
    /* A login that does not exist gets the same answer, and is audited by what was typed. */
    assert_int_equal(users_signin(db, "ghost", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM audit_log WHERE actor = 'ghost'"), 1);
    /* An admin's lock lasts until unlocked. */
    int64_t id = db_int(db, 0, "SELECT id FROM \"user\" WHERE login = 'wang'");
    assert_int_equal(user_set_lock(db, id, users_locked_for_good(), "tester"), DB_OK);
    assert_int_equal(users_signin(db, "wang", "fang-pass-1", now + 86400 * 365, &u, &rc),
                     SIGNIN_REFUSED);
    assert_int_equal(user_set_lock(db, id, NULL, "tester"), DB_OK);
    assert_int_equal(users_signin(db, "wang", "fang-pass-1", now, &u, &rc), SIGNIN_OK);
    record_free(&user_record, &u);
    /* A lock of 0 minutes is none: no lock written, none said in the audit log. */
    assert_int_equal(settings_set(db, SETTING_LOCK_MINUTES, "0", "tester"), DB_OK);
    int64_t locks = audits("user-lock");
    for (int i = 1; i <= 6; i++)
        assert_int_equal(users_signin(db, "wang", "nope", now, &u, &rc), SIGNIN_REFUSED);
    assert_int_equal(audits("user-lock"), locks);
    assert_int_equal(db_int(db, -1, "SELECT locked_until = '' FROM \"user\" WHERE login = 'wang'"),
                     1);
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
    assert_non_null(user_password_check(NULL, "short"));
    assert_null(user_password_check(NULL, "long enough"));
    assert_non_null(user_password_check(NULL, "aaaaaaaa")); /* one character over and over */
    assert_non_null(user_password_check(NULL, "12345678")); /* a run up */
    assert_non_null(user_password_check(NULL, "87654321")); /* or down */
    assert_null(user_password_check(NULL, "12345679"));
    assert_non_null(user_password_check("zhangsan", "ZhangSan"));      /* the login itself */
    assert_non_null(user_password_check("zhangsan", "zhangsan-2026")); /* or holding it */
    assert_null(user_password_check("zhangsan", "zhang-2026san"));
    assert_non_null(user_password_check(NULL, "Password")); /* the first any guesser tries */
    assert_non_null(user_password_check(NULL, "woaini1314"));
    assert_null(user_login_check("王芳"));
    assert_non_null(user_login_check("wang fang"));
    assert_non_null(user_login_check("a;b"));
}

/*
** A password holding the login anywhere, in either case, is refused (for
** a login of 3 characters or more: a shorter one is in too many words);
** changing one's own, the password in use again is refused too. Adding a
** user and setting a password, as the screen and the command line do,
** both refuse them.
*/
static void a_password_holds_not_the_login(void **state)
{
    (void)state;
    assert_non_null(user_password_check("wangjun", "wangjun1"));
    assert_non_null(user_password_check("wangjun", "1WangJun"));
    assert_non_null(user_password_check("wangjun", "my-wangjun-pw"));
    assert_null(user_password_check("wangjun", "wang-jun-2026"));
    assert_non_null(user_password_check("Wei", "ilovewei99")); /* 3 characters: held */
    assert_null(user_password_check("li", "li-pass-12")); /* 2 characters: too common to refuse */
    assert_non_null(user_password_check("王建军", "王建军2026ab")); /* 3 characters, 9 bytes */
    assert_null(user_password_check("王军", "王军-2026-ab"));
    assert_string_equal(user_password_check("wangjun", "wangjun1"),
                        "A password does not contain the login");
    /* Changing one's own: the password in use again is refused, else the rules above. */
    assert_string_equal(user_password_change_check("wangjun", "old-pass-7", "old-pass-7"),
                        "The new password is not the one in use");
    assert_non_null(user_password_change_check("wangjun", "old-pass-7", "wangjun1"));
    assert_null(user_password_change_check("wangjun", "old-pass-7", "new-pass-7"));
    assert_null(user_password_change_check("wangjun", "Old-Pass-7", "old-pass-7"));
    assert_null(user_password_change_check("wangjun", NULL, "new-pass-7"));
    /* Through the app, as user add and user passwd go. */
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, "wangjun");
    record_set(&u.role, "desk");
    const char *why;
    assert_int_equal(users_add(db, &u, "wangjun1", "tester", &why), DB_INVALID);
    assert_non_null(why);
    assert_int_equal(users_add(db, &u, "jun-pass-1", "tester", &why), DB_OK);
    assert_int_equal(users_passwd(db, u.id, "WANGJUN-2026", "tester", &why), DB_INVALID);
    assert_non_null(why);
    assert_int_equal(users_passwd(db, u.id, "jun-pass-2", "tester", &why), DB_OK);
    record_free(&user_record, &u);
}

static int64_t rows(const char *sql)
{
    return db_int(db, -1, sql);
}

static void managing_users_needs_the_right(void **state)
{
    (void)state;
    int64_t users = rows("SELECT count(*) FROM \"user\""),
            log = rows("SELECT count(*) FROM audit_log");
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, "intruder");
    record_set(&u.role, "admin");
    /* A desk clerk may not add a user: nothing written, nothing audited. */
    user_denied_take();
    assert_int_equal(user_save(db, &u, "desk1"), DB_DENIED);
    assert_int_equal(user_denied_take(), RIGHT_MANAGE_USERS);
    const char *why;
    assert_int_equal(users_add(db, &u, "a-password-1", "desk1", &why), DB_DENIED);
    assert_int_equal(u.id, 0);
    assert_int_equal(user_save(db, &u, "nobody-at-all"), DB_DENIED);
    record_free(&user_record, &u);
    assert_int_equal(rows("SELECT count(*) FROM \"user\""), users);
    assert_int_equal(rows("SELECT count(*) FROM audit_log"), log);
    /* Nor edit, lock, bind or retire one (its own row neither). */
    int64_t chief = rows("SELECT id FROM \"user\" WHERE login = 'chief1'");
    int64_t desk = rows("SELECT id FROM \"user\" WHERE login = 'desk1'");
    assert_int_equal(user_find(db, "chief1", &u), DB_OK);
    record_set(&u.role, "admin");
    assert_int_equal(user_save(db, &u, "desk1"), DB_DENIED);
    assert_int_equal(user_set_retired(db, &u, 1, "desk1", NULL), DB_DENIED);
    record_free(&user_record, &u);
    assert_int_equal(user_set_lock(db, chief, users_locked_for_good(), "desk1"), DB_DENIED);
    assert_int_equal(user_bind(db, chief, "someone", "desk1"), DB_DENIED);
    assert_int_equal(user_bind(db, desk, "someone", "desk1"), DB_DENIED);
    assert_int_equal(users_passwd(db, chief, "chief-pass-2", "desk1", &why), DB_DENIED);
    assert_int_equal(rows("SELECT count(*) FROM \"user\" WHERE login = 'chief1' AND role = 'chief'"
                          " AND retired = 0 AND locked_until = '' AND os_login IS NULL"),
                     1);
    assert_int_equal(rows("SELECT count(*) FROM audit_log"), log);
    /* A user sets their own password; the admin sets anyone's. */
    assert_int_equal(users_passwd(db, desk, "desk-pass-2", "desk1", &why), DB_OK);
    time_t now = at("2026-03-02 09:00");
    int rc;
    assert_int_equal(users_signin(db, "desk1", "desk-pass-2", now, &u, &rc), SIGNIN_OK);
    record_free(&user_record, &u);
    assert_int_equal(users_passwd(db, chief, "chief-pass-2", "tester", &why), DB_OK);
    /* A retired admin may do nothing. */
    user_make("admin2", "admin", NULL, NULL);
    assert_int_equal(user_find(db, "admin2", &u), DB_OK);
    assert_int_equal(user_set_retired(db, &u, 1, "tester", NULL), DB_OK);
    assert_int_equal(user_set_retired(db, &u, 0, "admin2", NULL), DB_DENIED);
    assert_int_equal(users_passwd(db, u.id, "admin-pass-2", "admin2", &why), DB_DENIED);
    record_free(&user_record, &u);
}

/* A street and buildings B01 大楼一, B02 大楼二, B03 (retired) and two called 同名楼. */
static void buildings_make(void)
{
    assert_int_equal(
        db_exec(db, "INSERT INTO street (id, code, name, created_at, created_by, updated_at,"
                    " updated_by) VALUES (1, 'S1', '街道', 'x', 'x', 'x', 'x');"
                    "INSERT INTO building (id, code, name, street_id, kind, retired, created_at,"
                    " created_by, updated_at, updated_by) VALUES"
                    " (1, 'B01', '大楼一', 1, 'commercial', 0, 'x', 'x', 'x', 'x'),"
                    " (2, 'B02', '大楼二', 1, 'commercial', 0, 'x', 'x', 'x', 'x'),"
                    " (3, 'B03', '旧楼', 1, 'commercial', 1, 'x', 'x', 'x', 'x'),"
                    " (4, 'B04', '同名楼', 1, 'residential', 0, 'x', 'x', 'x', 'x'),"
                    " (5, 'B05', '同名楼', 1, 'residential', 0, 'x', 'x', 'x', 'x')"),
        DB_OK);
}

static void a_chief_has_buildings(void **state)
{
    (void)state;
    buildings_make();
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, "louzhang");
    record_set(&u.role, "chief");
    record_set(&u.buildings, "B02,大楼一");
    const char *why;
    assert_int_equal(users_add(db, &u, NULL, "tester", &why), DB_OK);
    int64_t *ids;
    size_t n;
    assert_int_equal(user_buildings(db, u.id, &ids, &n), DB_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 2);
    free(ids);
    struct user got;
    assert_int_equal(user_get(db, u.id, &got), DB_OK);
    assert_str(got.buildings, "B01、B02");
    /* An unknown, a retired or an ambiguous building is named, and nothing changes. */
    int rc;
    record_set(&got.buildings, "B01 不存在楼");
    char *bad = users_buildings_why(db, &got, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_non_null(strstr(bad, "不存在楼"));
    free(bad);
    assert_int_equal(user_save(db, &got, "tester"), DB_INVALID);
    record_set(&got.buildings, "B03");
    bad = users_buildings_why(db, &got, &rc);
    assert_non_null(strstr(bad, "B03"));
    free(bad);
    record_set(&got.buildings, "同名楼");
    bad = users_buildings_why(db, &got, &rc);
    assert_non_null(strstr(bad, "同名楼"));
    free(bad);
    assert_int_equal(user_buildings(db, u.id, &ids, &n), DB_OK);
    assert_int_equal(n, 2);
    free(ids);
    /* An edit replaces them, audited with what changed; a building retired since stays. */
    record_set(&got.buildings, "B04");
    assert_int_equal(user_save(db, &got, "tester"), DB_OK);
    assert_int_equal(rows("SELECT count(*) FROM audit_log WHERE action = 'user-edit'"
                          " AND instr(detail, 'B01、B02 -> B04') > 0"),
                     1);
    assert_int_equal(db_exec(db, "UPDATE building SET retired = 1 WHERE id = 4"), DB_OK);
    record_set(&got.name, "楼长甲");
    assert_int_equal(user_save(db, &got, "tester"), DB_OK);
    assert_int_equal(user_buildings(db, u.id, &ids, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(ids[0], 4);
    free(ids);
    /* A chief without buildings is allowed; another role with buildings is not. */
    record_set(&got.buildings, "");
    assert_int_equal(user_save(db, &got, "tester"), DB_OK);
    assert_int_equal(user_buildings(db, u.id, &ids, &n), DB_OK);
    assert_int_equal(n, 0);
    assert_null(ids);
    record_set(&got.role, "desk");
    record_set(&got.buildings, "B01");
    assert_non_null(users_check(&got));
    record_free(&user_record, &got);
    record_free(&user_record, &u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(passwords_are_yescrypt),
        cmocka_unit_test(no_users_allow_everything),
        cmocka_unit_test(the_store_checks_the_right),
        cmocka_unit_test(five_failures_lock),
        cmocka_unit_test(peer_takes_only_bound_active_users),
        cmocka_unit_test(managing_users_needs_the_right),
        cmocka_unit_test(a_chief_has_buildings),
        cmocka_unit_test(a_password_holds_not_the_login),
    };
    return cmocka_run_group_tests_name("users_db", tests, setup, teardown);
}
