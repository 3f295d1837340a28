/*
** Unit tests for the audit log's hash chain (src/audit.c, db/audit_store.c):
** the hash of a known row, a chain appended and verified, each kind of
** tampering found at its row, a log from before the chain sealed into
** its start when the database is opened, who may read it, and a user
** acted on found by their login.
*/
#include "unit_db.h"
#include "db/audit_store.h"
#include "src/audit.h"

static char path[256];
static struct db *db;

static int setup(void **state)
{
    (void)state;
    db = unit_db_open("audit", path, sizeof path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_db_remove(db, path);
    return 0;
}

static void three_rows(void)
{
    assert_int_equal(audit_append(db, "王芳", "reveal", "resident:12", "手机号：核对"), DB_OK);
    assert_int_equal(audit_append(db, "王芳", "export-unmasked", "resident:*", "走访"), DB_OK);
    assert_int_equal(audit_append(db, "李明", "reveal", "resident:7", "身份证号：办理低保"), DB_OK);
}

static enum audit_damage verdict(int64_t *seq)
{
    struct audit_verdict v;
    assert_int_equal(audit_verify(db, &v), DB_OK);
    if (seq) *seq = v.seq;
    return v.damage;
}

/* Bypass bangban: what someone with the file and sqlite3 can do. */
static void behind_its_back(const char *sql)
{
    assert_int_equal(db_exec(db, "DROP TRIGGER IF EXISTS audit_log_append_only_update;"
                                 " DROP TRIGGER IF EXISTS audit_log_append_only_delete"),
                     DB_OK);
    assert_int_equal(db_exec(db, sql), DB_OK);
}

static void hash_of_a_known_row(void **state)
{
    (void)state;
    struct audit_row r = {1,        "2026-03-02 09:30:00", "王芳",        "pts/1",
                          "reveal", "resident:12",         "手机号：核对"};
    char out[AUDIT_HASH_SIZE];
    audit_hash("", &r, out);
    /* sha256 of "\x1f1\x1f2026-03-02
     * 09:30:00\x1f王芳\x1fpts/1\x1freveal\x1fresident:12\x1f手机号：核对\x1f" */
    assert_string_equal(out, "128245949fa836cc72937b2971d1a3c4f3aaaa2f82d914c4b66ca71b7037c613");
    char other[AUDIT_HASH_SIZE];
    audit_hash(out, &r, other); /* the same row after another: another hash */
    assert_string_not_equal(other, out);
}

static void chain_appended_and_whole(void **state)
{
    (void)state;
    assert_int_equal(verdict(NULL), AUDIT_SOUND); /* an empty log is whole */
    three_rows();
    struct audit_verdict v;
    assert_int_equal(audit_verify(db, &v), DB_OK);
    assert_int_equal(v.damage, AUDIT_SOUND);
    assert_int_equal(v.rows, 3);
    assert_int_equal(v.seq, 3);
    /* Still append-only through SQL with the triggers in place. */
    assert_int_not_equal(db_exec(db, "UPDATE audit_log SET detail = 'x' WHERE seq = 2"), DB_OK);
    assert_int_not_equal(db_exec(db, "DELETE FROM audit_log WHERE seq = 3"), DB_OK);
}

static void tampering_found_at_its_row(void **state)
{
    (void)state;
    int64_t seq;
    three_rows();
    behind_its_back("UPDATE audit_log SET detail = '走访（改）' WHERE seq = 2");
    assert_int_equal(verdict(&seq), AUDIT_CHANGED);
    assert_int_equal(seq, 2);
}

static void removal_found(void **state)
{
    (void)state;
    int64_t seq;
    three_rows();
    behind_its_back("DELETE FROM audit_log WHERE seq = 2");
    assert_int_equal(verdict(&seq), AUDIT_REMOVED);
    assert_int_equal(seq, 3);
}

static void slipped_in_found(void **state)
{
    (void)state;
    int64_t seq;
    three_rows();
    behind_its_back(
        "INSERT INTO audit_log (seq, at, actor, action) VALUES (4, 'x', '某人', 'reveal')");
    assert_int_equal(verdict(&seq), AUDIT_UNSEALED);
    assert_int_equal(seq, 4);
    /* A row given a made-up hash is found too. */
    behind_its_back("UPDATE audit_log SET hash = '00' WHERE seq = 4");
    assert_int_equal(verdict(&seq), AUDIT_CHANGED);
}

static void cut_tail_found(void **state)
{
    (void)state;
    int64_t seq;
    three_rows();
    behind_its_back("DELETE FROM audit_log WHERE seq = 3");
    assert_int_equal(verdict(&seq), AUDIT_CUT);
    assert_int_equal(seq, 2);
}

/* Only a role that may see the audit log reads it from the store. */
static void reading_needs_the_right(void **state)
{
    (void)state;
    three_rows();
    struct audit_filter f = {0};
    struct audit_entry *items;
    size_t n;
    int64_t total;
    int more;
    /* No users yet: the system login reads it. */
    assert_int_equal(audit_list(db, "someone", &f, 10, &items, &n, &total, &more), DB_OK);
    assert_int_equal(n, 3);
    assert_string_equal(items[0].actor, "李明"); /* newest first */
    record_array_free(&audit_entry_record, items, n);
    assert_int_equal(db_exec(db, "INSERT INTO \"user\" (login, name, role, created_at, created_by,"
                                 " updated_at, updated_by) VALUES"
                                 " ('desk1', '前台', 'desk', 'x', 'x', 'x', 'x'),"
                                 " ('boss', '主管', 'supervisor', 'x', 'x', 'x', 'x')"),
                     DB_OK);
    assert_int_equal(audit_list(db, "desk1", &f, 10, &items, &n, &total, &more), DB_DENIED);
    assert_int_equal(n, 0);
    assert_int_equal(audit_list(db, "nobody", &f, 10, &items, &n, &total, &more), DB_DENIED);
    assert_int_equal(audit_list(db, "boss", &f, 10, &items, &n, &total, &more), DB_OK);
    assert_int_equal(n, 3);
    record_array_free(&audit_entry_record, items, n);
}

/* The text finds the rows about a user by their login or name, the record being user:ID. */
static void user_acted_on_found_by_login(void **state)
{
    (void)state;
    three_rows();
    assert_int_equal(db_exec(db, "INSERT INTO \"user\" (login, name, role, created_at, created_by,"
                                 " updated_at, updated_by) VALUES"
                                 " ('wanglz', '王立志', 'chief', 'x', 'x', 'x', 'x'),"
                                 " ('boss', '主管', 'supervisor', 'x', 'x', 'x', 'x')"),
                     DB_OK);
    int64_t id = db_int(db, 0, "SELECT id FROM \"user\" WHERE login = 'wanglz'");
    char subject[32];
    snprintf(subject, sizeof subject, "user:%lld", (long long)id);
    assert_int_equal(audit_append(db, "admin", "user-password", subject, ""), DB_OK);
    struct audit_entry *items;
    size_t n;
    int64_t total;
    int more;
    const char *texts[] = {"wanglz", "立志"};
    for (size_t i = 0; i < 2; i++) {
        struct audit_filter f = {.text = texts[i]};
        assert_int_equal(audit_list(db, "boss", &f, 10, &items, &n, &total, &more), DB_OK);
        assert_int_equal(n, 1);
        assert_string_equal(items[0].subject, subject);
        assert_string_equal(items[0].named, "wanglz"); /* user:ID said by its login */
        record_array_free(&audit_entry_record, items, n);
    }
    struct audit_filter none = {.text = "nobody"};
    assert_int_equal(audit_list(db, "boss", &none, 10, &items, &n, &total, &more), DB_OK);
    assert_int_equal(n, 0);
    record_array_free(&audit_entry_record, items, n);
}

/* One record is that one, not those whose number starts the same; a request is found by its
 * number, in the record asked for and in the text. */
static void one_record_and_a_request_by_number(void **state)
{
    (void)state;
    assert_int_equal(
        db_exec(db, "INSERT INTO request (id, number, status, channel, kind, category,"
                    " requester_kind, title, created_at, created_by, updated_at, updated_by)"
                    " VALUES (2965, '2026-002746', 'new', 'desk', 'help', '民生服务', 'anonymous',"
                    " '路灯不亮', 1, 'x', 1, 'x')"),
        DB_OK);
    assert_int_equal(audit_append(db, "甲", "edit", "resident:12", ""), DB_OK);
    assert_int_equal(audit_append(db, "甲", "edit", "resident:120", ""), DB_OK);
    assert_int_equal(audit_append(db, "甲", "edit", "request:2965", "Title: 路灯 -> 路灯不亮"),
                     DB_OK);
    assert_int_equal(audit_append(db, "乙", "export-unmasked", "resident:*", "a.csv: 上报"), DB_OK);
    assert_int_equal(audit_append(db, "乙", "request", "request:2965", "2026-002746 reroute"),
                     DB_OK);
    assert_int_equal(audit_append(db, "乙", "request", "request:2965", "2026-002746 insist: 再办"),
                     DB_OK);
    static const struct {
        struct audit_filter f;
        size_t n;
        const char *first;
    } asked[] = {
        {{.subject = "resident:12"}, 1, "resident:12"},
        {{.subject = "resident:"}, 3, "resident:*"},
        {{.subject = "2026-002746"}, 3, "request:2965"},
        {{.text = "2026-002746"}, 3, "request:2965"},
        /* In the words the screen shows an action or a request's step in. */
        {{.text = "with full numbers"}, 1, "resident:*"},
        {{.text = "another unit"}, 1, "request:2965"},
        {{.text = "to the same unit"}, 1, "request:2965"},
        {{.text = "Send"}, 2, "request:2965"},
    };
    for (size_t i = 0; i < ARRAY_LEN(asked); i++) {
        struct audit_entry *items;
        size_t n;
        int64_t total;
        int more;
        assert_int_equal(audit_list(db, "someone", &asked[i].f, 10, &items, &n, &total, &more),
                         DB_OK);
        assert_int_equal(n, asked[i].n);
        assert_string_equal(items[0].subject, asked[i].first);
        record_array_free(&audit_entry_record, items, n);
    }
}

/* A log written before the chain is sealed into its start when the database is opened. */
/* shown ACTION DETAIL WANT: the detail as audit_detail_shown() words it is WANT. */
static void shown(const char *action, const char *detail, const char *want)
{
    char *got = audit_detail_shown(action, detail);
    assert_string_equal(got, want);
    free(got);
}

/* The rows not about records in words: a step, a sign-in, a kiosk's try; the rest as written. */
static void details_in_words(void **state)
{
    (void)state;
    shown("request", "2026-000123 dispatch: 派往 区民政局", "2026-000123 Dispatch: 派往 区民政局");
    shown("request", "2026-000123 register", "2026-000123 Register");
    shown("request", "2026-000123 told", "2026-000123 told back");
    shown("request", "2026-000123 unheard-of", "2026-000123 unheard-of");
    shown("user-lock", "9999-12-31 23:59:59", "until unlocked"); /* a lock for good */
    shown("user-lock", "2026-12-07 10:15:00", "until 2026-12-07 10:15:00");
    shown("user-lock", "2026-12-07 10:15:00 failed 5",
          "until 2026-12-07 10:15:00, by itself after 5 wrong passwords in a row");
    shown("login", "password pts/0", "by password pts/0");
    shown("screen-unlock", "peer", "by the system login");
    shown("kiosk-progress-waiting", "number 2026-004640, 55 s left",
          "request number 2026-004640, 55 s left");
    shown("kiosk-volunteer-miss", "volunteer number 2012000032, wrong try 2 in a row",
          "volunteer number 2012000032, wrong try 2 in a row");
    shown("kiosk-progress-miss", "number 2026-004640, wrong try 5 in a row: waits 60 s",
          "request number 2026-004640, wrong try 5 in a row: waits 60 s");
    shown("kiosk-progress", "number 2026-004640", "request number 2026-004640");
    shown("kiosk-exit", "", "");
    shown("import", "a.csv: read 1", "a.csv: read 1"); /* not its counts: as written */
    shown("import", "/tmp/a: b.csv: read 108, new 100, updated 2, unchanged 6, skipped 0, rejected 0",
          "/tmp/a: b.csv: read 108, new 100, updated 2, unchanged 6, skipped 0, rejected 0");
    shown("screen-lock", "key", "by the lock key");
    shown("screen-lock", "idle", "left idle");
    shown("screen-unlock-by", "signed out root", "signed out root");
    shown("export-unmasked", "/tmp/x: y.csv: 3000 requests, 核查, 复核",
          "/tmp/x: y.csv: 3000 rows, why: 核查, 复核");
    shown("export-unmasked", "odd", "odd");
}

static void old_log_sealed(void **state)
{
    (void)state;
    three_rows();
    assert_int_equal(db_exec(db, "DROP TRIGGER audit_log_append_only_update;"
                                 " ALTER TABLE audit_log DROP COLUMN hash;"
                                 " CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE"
                                 " ON audit_log BEGIN SELECT RAISE(ABORT, 'append-only'); END;"
                                 " DELETE FROM meta WHERE key = 'audit_head';" UNIT_DB_BEFORE_USERS
                                 " PRAGMA user_version = 9"),
                     DB_OK);
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path, 0, &db, &err), DB_OK);
    struct audit_verdict v;
    assert_int_equal(audit_verify(db, &v), DB_OK);
    assert_int_equal(v.damage, AUDIT_SOUND);
    assert_int_equal(v.rows, 3);
    assert_int_equal(audit_append(db, "王芳", "reveal", "resident:3", "核对"), DB_OK);
    assert_int_equal(verdict(NULL), AUDIT_SOUND);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hash_of_a_known_row),
        cmocka_unit_test(details_in_words),
        cmocka_unit_test_setup_teardown(chain_appended_and_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(tampering_found_at_its_row, setup, teardown),
        cmocka_unit_test_setup_teardown(removal_found, setup, teardown),
        cmocka_unit_test_setup_teardown(slipped_in_found, setup, teardown),
        cmocka_unit_test_setup_teardown(cut_tail_found, setup, teardown),
        cmocka_unit_test_setup_teardown(reading_needs_the_right, setup, teardown),
        cmocka_unit_test_setup_teardown(user_acted_on_found_by_login, setup, teardown),
        cmocka_unit_test_setup_teardown(one_record_and_a_request_by_number, setup, teardown),
        cmocka_unit_test_setup_teardown(old_log_sealed, setup, teardown),
    };
    return cmocka_run_group_tests_name("audit_db", tests, NULL, NULL);
}
