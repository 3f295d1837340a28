/*
** user_store: see user_store.h.
*/
#include "db/user_store.h"
#include "db/audit_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/roles.h"

#include <stdlib.h>

#define USER_SELECT                                                                                \
    "SELECT u.id, u.login, u.name, u.phone, u.role, u.unit_id, coalesce(n.name, ''), u.scope,"     \
    " coalesce(u.os_login, ''), u.password, u.failed, u.locked_until, u.retired, u.version,"       \
    " u.updated_at, u.updated_by FROM \"user\" u LEFT JOIN unit n ON n.id = u.unit_id"

static void user_read(struct db_stmt *st, void *slot)
{
    struct user *u = slot;
    record_init(&user_record, u);
    u->id = db_col_int(st, 0);
    record_set(&u->login, db_col_text(st, 1));
    record_set(&u->name, db_col_text(st, 2));
    record_set(&u->phone, db_col_text(st, 3));
    record_set(&u->role, db_col_text(st, 4));
    u->unit_id = db_col_int(st, 5);
    record_set(&u->unit_name, db_col_text(st, 6));
    record_set(&u->scope, db_col_text(st, 7));
    record_set(&u->os_login, db_col_text(st, 8));
    record_set(&u->password, db_col_text(st, 9));
    u->failed = db_col_int(st, 10);
    record_set(&u->locked_until, db_col_text(st, 11));
    u->retired = (int)db_col_int(st, 12);
    u->version = db_col_int(st, 13);
    record_set(&u->updated_at, db_col_text(st, 14));
    record_set(&u->updated_by, db_col_text(st, 15));
}

int user_list(struct db *db, int with_retired, struct user **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, USER_SELECT " WHERE ?1 OR u.retired = 0 ORDER BY u.login");
    db_bind_int(st, 1, with_retired);
    int rc;
    *out = db_collect(st, sizeof **out, user_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&user_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

/* The one user whose column (a constant name) is value. */
static int user_by(struct db *db, const char *where, const char *value, int64_t id,
                   struct user *out)
{
    char *sql = xasprintf(USER_SELECT " WHERE %s = ?1", where);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    if (value)
        db_bind_text(st, 1, value);
    else
        db_bind_int(st, 1, id);
    return db_read_one(st, user_read, out);
}

int user_get(struct db *db, int64_t id, struct user *out)
{
    return user_by(db, "u.id", NULL, id, out);
}

int user_find(struct db *db, const char *login, struct user *out)
{
    return user_by(db, "u.login", login, 0, out);
}

int user_find_os(struct db *db, const char *os_login, struct user *out)
{
    return user_by(db, "u.os_login", os_login, 0, out);
}

int user_allowed(struct db *db, const char *actor, unsigned right)
{
    int64_t n;
    int rc = user_count(db, &n);
    if (rc != DB_OK || n == 0) return rc;
    struct user u;
    rc = user_find(db, actor, &u);
    if (rc == DB_NOTFOUND) return DB_DENIED;
    if (rc != DB_OK) return rc;
    int allowed = !u.retired && roles_allow(u.role, right);
    record_free(&user_record, &u);
    return allowed ? DB_OK : DB_DENIED;
}

int user_count(struct db *db, int64_t *n)
{
    return db_count(db, "SELECT count(*) FROM \"user\"", n);
}

/* "user:12" for the audit log. Caller frees. */
static char *subject_of(int64_t id)
{
    return xasprintf("user:%lld", (long long)id);
}

/* Append an audit row about user id inside the open transaction. */
static int audited(struct db *db, const char *actor, const char *action, int64_t id,
                   const char *detail)
{
    char *subject = subject_of(id);
    int rc = audit_append(db, actor, action, subject, detail);
    free(subject);
    return rc;
}

int user_save(struct db *db, struct user *u, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(
        db, u->id ? "UPDATE \"user\" SET login = ?1, name = ?2, phone = ?3, role = ?4,"
                    " unit_id = ?5, scope = ?6, os_login = nullif(?7, ''),"
                    " version = version + 1, updated_at = ?8, updated_by = ?9"
                    " WHERE id = ?10 AND version = ?11"
                  : "INSERT INTO \"user\" (login, name, phone, role, unit_id, scope, os_login,"
                    " created_at, created_by, updated_at, updated_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, ''), ?8, ?9, ?8, ?9)");
    db_bind_text(st, 1, u->login);
    db_bind_text(st, 2, u->name);
    db_bind_text(st, 3, u->phone);
    db_bind_text(st, 4, u->role);
    if (u->unit_id)
        db_bind_int(st, 5, u->unit_id);
    else
        db_bind_null(st, 5);
    db_bind_text(st, 6, u->scope);
    db_bind_text(st, 7, u->os_login);
    db_bind_text(st, 8, when);
    db_bind_text(st, 9, actor);
    if (u->id) {
        db_bind_int(st, 10, u->id);
        db_bind_int(st, 11, u->version);
    }
    rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE || (u->id && db_changes(db) == 0)) {
        db_rollback(db);
        return rc != DB_DONE ? rc : DB_CONFLICT;
    }
    int64_t id = u->id ? u->id : db_last_id(db);
    char *detail = xasprintf("%s %s", u->login, u->role);
    rc = audited(db, actor, u->id ? "user-edit" : "user-add", id, detail);
    free(detail);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    rc = db_commit(db);
    if (rc == DB_OK) {
        u->version = u->id ? u->version + 1 : 1;
        u->id = id;
        record_set(&u->updated_at, when);
        record_set(&u->updated_by, actor);
    }
    return rc;
}

/*
** Run st (an UPDATE of user id, bound) and its audit row as one
** transaction. DB_OK, DB_NOTFOUND when no row changed, or the error.
*/
static int user_change(struct db *db, struct db_stmt *st, const char *actor, const char *action,
                       int64_t id, const char *detail)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) {
        db_finalize(st);
        return rc;
    }
    rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) {
        db_rollback(db);
        return rc;
    }
    if (db_changes(db) == 0) {
        db_rollback(db);
        return DB_NOTFOUND;
    }
    rc = audited(db, actor, action, id, detail);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

/* An UPDATE of one user's columns (set: "x = ?1, y = ?2"), stamped ?8 and ?9, for id ?10. */
static struct db_stmt *user_update(struct db *db, const char *set, int64_t id, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    char *sql = xasprintf("UPDATE \"user\" SET %s, version = version + 1, updated_at = ?8,"
                          " updated_by = ?9 WHERE id = ?10",
                          set);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_text(st, 8, when);
    db_bind_text(st, 9, actor);
    db_bind_int(st, 10, id);
    return st;
}

int user_set_password(struct db *db, int64_t id, const char *hash, const char *actor)
{
    struct db_stmt *st = user_update(db, "password = ?1, failed = 0, locked_until = ''", id, actor);
    db_bind_text(st, 1, hash);
    return user_change(db, st, actor, "user-password", id, "");
}

int user_set_lock(struct db *db, int64_t id, const char *until, const char *actor)
{
    struct db_stmt *st =
        user_update(db, until ? "locked_until = ?1" : "locked_until = ?1, failed = 0", id, actor);
    db_bind_text(st, 1, until ? until : "");
    return user_change(db, st, actor, until ? "user-lock" : "user-unlock", id, until ? until : "");
}

int user_bind(struct db *db, int64_t id, const char *os_login, const char *actor)
{
    struct db_stmt *st = user_update(db, "os_login = nullif(?1, '')", id, actor);
    db_bind_text(st, 1, os_login);
    return user_change(db, st, actor, "user-bind", id, os_login);
}

int user_set_retired(struct db *db, struct user *u, int retired, const char *actor,
                     struct user *current)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = db_retire_versioned(db, "\"user\"", u->id, u->version, retired, actor);
    if (rc == DB_OK)
        rc = audited(db, actor, retired ? "user-retire" : "user-restore", u->id, u->login);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_OK) {
        u->retired = retired;
        u->version++;
    } else if (rc == DB_CONFLICT && current && user_get(db, u->id, current) != DB_OK) {
        record_init(&user_record, current);
    }
    return rc;
}

int user_signin_failed(struct db *db, int64_t id, const char *login, int max_failed,
                       const char *lock_until, int *locked)
{
    *locked = 0;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    struct db_stmt *st =
        db_prepare(db, "UPDATE \"user\" SET failed = failed + 1,"
                       " locked_until = CASE WHEN failed + 1 >= ?1 THEN ?2 ELSE locked_until END"
                       " WHERE id = ?3 RETURNING failed");
    db_bind_int(st, 1, max_failed);
    db_bind_text(st, 2, lock_until);
    db_bind_int(st, 3, id);
    rc = db_step(st);
    int64_t failed = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    if (rc != DB_ROW) {
        db_rollback(db);
        return rc == DB_DONE ? DB_NOTFOUND : rc;
    }
    rc = audited(db, login, "login-failed", id, actor_terminal());
    if (rc == DB_OK && failed == max_failed) {
        *locked = 1;
        rc = audited(db, login, "user-lock", id, lock_until);
    }
    if (rc != DB_OK) {
        *locked = 0;
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int user_signin_ok(struct db *db, int64_t id, const char *login, const char *how)
{
    struct db_stmt *st = db_prepare(db, "UPDATE \"user\" SET failed = 0 WHERE id = ?1");
    db_bind_int(st, 1, id);
    char *detail = xasprintf("%s %s", how, actor_terminal());
    int rc = user_change(db, st, login, "login", id, detail);
    free(detail);
    return rc;
}

int user_signin_unknown(struct db *db, const char *login)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = audit_append(db, login, "login-failed", "user:?", actor_terminal());
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}
