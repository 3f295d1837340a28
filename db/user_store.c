/*
** user_store: see user_store.h.
*/
#include "db/user_store.h"
#include "db/audit_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"

#include <stdlib.h>

#define USER_SELECT                                                                                \
    "SELECT u.id, u.login, u.name, u.phone, u.role, u.unit_id, coalesce(n.name, ''), u.scope,"     \
    " coalesce(u.os_login, ''), u.password, u.failed, u.locked_until, u.retired, u.version,"       \
    " u.updated_at, u.updated_by,"                                                                 \
    " coalesce((SELECT group_concat(b.code, '、') FROM user_building ub JOIN building b"          \
    " ON b.id = ub.building_id WHERE ub.user_id = u.id), '')"                                      \
    " FROM \"user\" u LEFT JOIN unit n ON n.id = u.unit_id"

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
    record_set(&u->buildings, db_col_text(st, 16));
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

/* The right the last refusal of this process wanted (see user_denied_take()). */
static unsigned last_denied;

/*
** Remember that right was refused to a user holding held; returns
** DB_DENIED. Of several rights all needed, the first missing; of several
** any one of which would do (RIGHTS_ANY), all of them.
*/
static int denied(unsigned right, unsigned held)
{
    unsigned missing = right & ~held & ~(unsigned)RIGHTS_ANY;
    last_denied = right & RIGHTS_ANY ? right : missing ? missing & -missing : right;
    return DB_DENIED;
}

unsigned user_denied_take(void)
{
    unsigned r = last_denied;
    last_denied = 0;
    return r;
}

int user_allowed(struct db *db, const char *actor, unsigned right)
{
    int64_t n;
    int rc = user_count(db, &n);
    if (rc != DB_OK || n == 0) return rc;
    struct user u;
    rc = user_find(db, actor, &u);
    if (rc == DB_NOTFOUND) return denied(right, 0);
    if (rc != DB_OK) return rc;
    const struct role *r = roles_find(u.role);
    unsigned held = !u.retired && r && str_eq(r->code, u.role) ? r->rights : 0;
    record_free(&user_record, &u);
    int ok = right & RIGHTS_ANY ? (held & right) != 0 : (held & right) == right;
    return ok ? DB_OK : denied(right, held);
}

/*
** May actor change user id (0: a user not made yet)? With
** RIGHT_MANAGE_USERS, or on a database with no users (its first user);
** with self_ok also when actor is that user, active. DB_OK, DB_DENIED or
** an error.
*/
static int manage_allowed(struct db *db, const char *actor, int64_t id, int self_ok)
{
    int rc = user_allowed(db, actor, RIGHT_MANAGE_USERS);
    if (rc != DB_DENIED || !self_ok || !id) return rc;
    struct user me;
    if (user_find(db, actor, &me) != DB_OK) return DB_DENIED;
    int self = me.id == id && !me.retired;
    record_free(&user_record, &me);
    if (!self) return DB_DENIED;
    user_denied_take();
    return DB_OK;
}

int user_count(struct db *db, int64_t *n)
{
    return db_count(db, "SELECT count(*) FROM \"user\"", n);
}

int user_buildings(struct db *db, int64_t user_id, int64_t **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    struct db_stmt *st = db_prepare(
        db, "SELECT building_id FROM user_building WHERE user_id = ?1 ORDER BY building_id");
    db_bind_int(st, 1, user_id);
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        if (*n == cap) *ids = xrealloc(*ids, (cap = cap ? 2 * cap : 8) * sizeof **ids);
        (*ids)[(*n)++] = db_col_int(st, 0);
    }
    db_finalize(st);
    if (rc == DB_DONE) return DB_OK;
    free(*ids);
    *ids = NULL;
    *n = 0;
    return rc;
}

/*
** The building one typed item names for user id (0: a new user): the
** building of that code, else the one building of that name; active, or
** already the user's. DB_OK with *found, DB_NOTFOUND, DB_DUPLICATE (more
** than one of that name), or an error.
*/
static int building_named(struct db *db, const char *item, int64_t user_id, int64_t *found)
{
    static const char *const by[] = {"b.code = ?1", "b.name = ?1"};
    for (size_t k = 0; k < ARRAY_LEN(by); k++) {
        char *sql = xasprintf("SELECT b.id FROM building b WHERE %s AND (b.retired = 0 OR b.id IN"
                              " (SELECT building_id FROM user_building WHERE user_id = ?2))"
                              " ORDER BY b.id LIMIT 2",
                              by[k]);
        struct db_stmt *st = db_prepare(db, sql);
        free(sql);
        db_bind_text(st, 1, item);
        db_bind_int(st, 2, user_id);
        int rc = db_step(st), rows = 0;
        if (rc == DB_ROW) *found = db_col_int(st, 0);
        while (rc == DB_ROW) {
            rows++;
            rc = db_step(st);
        }
        db_finalize(st);
        if (rc != DB_DONE) return rc;
        if (rows == 1) return DB_OK;
        if (rows > 1) return DB_DUPLICATE;
    }
    return DB_NOTFOUND;
}

int user_buildings_resolve(struct db *db, const char *text, int64_t user_id, int64_t **ids,
                           size_t *n, char **bad)
{
    *ids = NULL;
    *n = 0;
    *bad = NULL;
    struct strlist items = STRLIST_INIT;
    text_split_list(text, &items);
    int rc = DB_OK;
    for (size_t i = 0; rc == DB_OK && i < items.n; i++) {
        int64_t id = 0;
        rc = building_named(db, items.v[i], user_id, &id);
        if (rc == DB_NOTFOUND || rc == DB_DUPLICATE) *bad = xstrdup(items.v[i]);
        if (rc != DB_OK) break;
        int seen = 0;
        for (size_t k = 0; k < *n; k++)
            seen |= (*ids)[k] == id;
        if (seen) continue;
        *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
        (*ids)[(*n)++] = id;
    }
    strlist_free(&items);
    if (rc != DB_OK) {
        free(*ids);
        *ids = NULL;
        *n = 0;
    }
    return rc;
}

/* Make user id's buildings those text names, inside the open transaction. DB_INVALID: one is no
 * building. */
static int buildings_write(struct db *db, int64_t id, const char *text)
{
    int64_t *ids;
    size_t n;
    char *bad;
    int rc = user_buildings_resolve(db, text, id, &ids, &n, &bad);
    free(bad);
    if (rc == DB_NOTFOUND || rc == DB_DUPLICATE) return DB_INVALID;
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(db, "DELETE FROM user_building WHERE user_id = ?1");
    db_bind_int(st, 1, id);
    rc = db_step(st);
    db_finalize(st);
    st = db_prepare(db, "INSERT INTO user_building (user_id, building_id) VALUES (?1, ?2)");
    for (size_t i = 0; rc == DB_DONE && i < n; i++) {
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, ids[i]);
        rc = db_step(st);
        db_reset(st);
    }
    db_finalize(st);
    free(ids);
    return rc == DB_DONE ? DB_OK : rc;
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

/*
** What an edit changed, from the user as it was (was) to as it is now
** (now): "Name: 王芳 -> 王小芳; Role: ..." by the labels people know, a
** mobile masked. Caller frees.
*/
static char *user_changes(const struct user *was, const struct user *now)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < user_record.nfields; i++) {
        const struct field_desc *f = &user_record.fields[i];
        if (!f->label || (f->flags & (FIELD_STORED | FIELD_KEY))) continue;
        if (record_field_same(&user_record, i, was, now)) continue;
        char *a = record_field_shown(&user_record, i, was);
        char *b = record_field_shown(&user_record, i, now);
        strbuf_addf(&sb, "%s%s: %s -> %s", sb.len ? "; " : "", _(f->label), a, b);
        free(a);
        free(b);
    }
    return strbuf_detach(&sb);
}

/*
** The audit row of a save of u (its id now set): what was added, or what
** changed since was. DB_NOTFOUND when an edit changed nothing.
*/
static int save_audited(struct db *db, const char *actor, const struct user *u,
                        const struct user *was)
{
    struct user now;
    int rc = user_get(db, u->id, &now);
    if (rc != DB_OK) return rc;
    char *detail = was ? user_changes(was, &now)
                       : xasprintf("%s %s%s%s", now.login, now.role,
                                   str_empty(now.buildings) ? "" : " ", now.buildings);
    if (was && !*detail) {
        free(detail);
        record_free(&user_record, &now);
        return DB_NOTFOUND;
    }
    rc = audited(db, actor, was ? "user-edit" : "user-add", u->id, detail);
    free(detail);
    /* A new user's first password, set with it. */
    if (rc == DB_OK && !was && !str_empty(now.password))
        rc = audited(db, actor, "user-password", u->id, "");
    record_free(&user_record, &now);
    return rc;
}

/* Write u's row (an INSERT when u->id is 0, else an UPDATE of that version) stamped when by actor.
 */
static int user_row_write(struct db *db, struct user *u, const char *actor, const char *when)
{
    struct db_stmt *st = db_prepare(
        db, u->id ? "UPDATE \"user\" SET login = ?1, name = ?2, phone = ?3, role = ?4,"
                    " unit_id = ?5, scope = ?6, os_login = nullif(?7, ''),"
                    " version = version + 1, updated_at = ?8, updated_by = ?9"
                    " WHERE id = ?10 AND version = ?11"
                  : "INSERT INTO \"user\" (login, name, phone, role, unit_id, scope, os_login,"
                    " password, created_at, created_by, updated_at, updated_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, ''), ?10, ?8, ?9, ?8, ?9)");
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
    } else {
        db_bind_text(st, 10, u->password);
    }
    int rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    return u->id && db_changes(db) == 0 ? DB_CONFLICT : DB_OK;
}

const char *user_last_admin_text(void)
{
    return _("An administrator who can sign in must remain: make or unlock another first");
}

/* True when user id, as on file, holds the right to manage users, signs in and is not retired. */
static int is_admin(struct db *db, int64_t id)
{
    struct user u;
    if (user_get(db, id, &u) != DB_OK) return 0;
    int admin = !u.retired && roles_allow(u.role, RIGHT_MANAGE_USERS);
    record_free(&user_record, &u);
    return admin;
}

/*
** Inside the transaction, after a change to an administrator: DB_OK while
** one who may manage users can still sign in (not retired, not locked),
** else DB_INVALID: with none, no one could ever manage users again.
*/
static int admin_remains(struct db *db)
{
    char now[20];
    clock_format(clock_now(), now);
    struct db_stmt *st = db_prepare(db, "SELECT role FROM \"user\" WHERE retired = 0"
                                        " AND (locked_until = '' OR locked_until <= ?1)");
    db_bind_text(st, 1, now);
    int rc, found = 0;
    while (!found && (rc = db_step(st)) == DB_ROW)
        found = roles_allow(db_col_text(st, 0), RIGHT_MANAGE_USERS);
    db_finalize(st);
    return found ? DB_OK : rc == DB_DONE ? DB_INVALID : rc;
}

int user_save(struct db *db, struct user *u, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = manage_allowed(db, actor, u->id, 0);
    struct user was;
    int have_was = 0;
    if (rc == DB_OK && u->id) {
        rc = user_get(db, u->id, &was);
        have_was = rc == DB_OK;
        if (rc == DB_NOTFOUND) rc = DB_CONFLICT;
    }
    if (rc == DB_OK && (!have_was || !str_eq(was.login, u->login))) {
        /* Admin and admin are one login to a person signing in: the second is refused. */
        struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM \"user\""
                                            " WHERE lower(login) = lower(?1) AND id <> ?2");
        db_bind_text(st, 1, u->login);
        db_bind_int(st, 2, u->id);
        if (db_step(st) == DB_ROW && db_col_int(st, 0) > 0) rc = DB_DUPLICATE;
        db_finalize(st);
    }
    if (rc == DB_OK) rc = user_row_write(db, u, actor, when);
    if (rc == DB_OK && have_was && !was.retired && roles_allow(was.role, RIGHT_MANAGE_USERS))
        rc = admin_remains(db);
    int64_t id = u->id;
    if (rc == DB_OK && !id) id = db_last_id(db);
    if (rc == DB_OK) rc = buildings_write(db, id, u->buildings);
    if (rc == DB_OK) {
        int64_t given = u->id;
        u->id = id;
        rc = save_audited(db, actor, u, have_was ? &was : NULL);
        u->id = given;
    }
    if (have_was) record_free(&user_record, &was);
    if (rc == DB_NOTFOUND && have_was) {
        db_rollback(db); /* an edit that changed nothing writes nothing */
        return DB_OK;
    }
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

/* What user_change() checks. */
#define CHECK_NONE    0
#define CHECK_MANAGE  1
#define CHECK_OR_SELF 2

/*
** Run st (an UPDATE of user id, bound) and its audit row as one
** transaction, when actor may (check: CHECK_NONE, CHECK_MANAGE or
** CHECK_OR_SELF, as manage_allowed() judges). DB_OK, DB_NOTFOUND when no
** row changed, DB_DENIED, or the error.
*/
static int user_change(struct db *db, struct db_stmt *st, const char *actor, const char *action,
                       int64_t id, const char *detail, int check)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) {
        db_finalize(st);
        return rc;
    }
    if (check != CHECK_NONE) rc = manage_allowed(db, actor, id, check == CHECK_OR_SELF);
    if (rc != DB_OK) {
        db_finalize(st);
        db_rollback(db);
        return rc;
    }
    int admin = is_admin(db, id);
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
    rc = admin ? admin_remains(db) : DB_OK;
    if (rc == DB_OK) rc = audited(db, actor, action, id, detail);
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
    return user_change(db, st, actor, "user-password", id, "", CHECK_OR_SELF);
}

int user_set_lock(struct db *db, int64_t id, const char *until, const char *actor)
{
    struct db_stmt *st =
        user_update(db, until ? "locked_until = ?1" : "locked_until = ?1, failed = 0", id, actor);
    db_bind_text(st, 1, until ? until : "");
    return user_change(db, st, actor, until ? "user-lock" : "user-unlock", id, until ? until : "",
                       CHECK_MANAGE);
}

int user_bind(struct db *db, int64_t id, const char *os_login, const char *actor)
{
    struct db_stmt *st = user_update(db, "os_login = nullif(?1, '')", id, actor);
    db_bind_text(st, 1, os_login);
    return user_change(db, st, actor, "user-bind", id, os_login, CHECK_MANAGE);
}

int user_set_retired(struct db *db, struct user *u, int retired, const char *actor,
                     struct user *current)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = manage_allowed(db, actor, u->id, 0);
    int admin = rc == DB_OK && retired && is_admin(db, u->id);
    if (rc == DB_OK) rc = db_retire_versioned(db, "\"user\"", u->id, u->version, retired, actor);
    if (rc == DB_OK && admin) rc = admin_remains(db);
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
        char *detail = xasprintf("%s failed %d", lock_until, max_failed); /* a lock by itself */
        rc = audited(db, login, "user-lock", id, detail);
        free(detail);
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
    int rc = user_change(db, st, login, "login", id, detail, CHECK_NONE);
    free(detail);
    return rc;
}

/* A refused sign-in in the audit log, in a transaction of its own: on subject, detail said. */
static int signin_refused(struct db *db, const char *login, const char *subject, const char *detail)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = audit_append(db, login, "login-failed", subject, detail);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int user_signin_unknown(struct db *db, const char *login)
{
    return signin_refused(db, login, "user:?", actor_terminal());
}

int user_signin_held(struct db *db, int64_t id, const char *login, const char *why)
{
    char *subject = subject_of(id), *detail = xasprintf("%s %s", actor_terminal(), why);
    int rc = signin_refused(db, login, subject, detail);
    free(subject);
    free(detail);
    return rc;
}

int user_building_scope(struct db *db, const char *actor, int64_t *chief_id)
{
    *chief_id = 0;
    if (str_empty(actor)) return DB_OK;
    struct user u;
    int rc = user_find(db, actor, &u);
    if (rc == DB_NOTFOUND) return DB_OK;
    if (rc != DB_OK) return rc;
    if (roles_find(u.role) == roles_get(ROLE_ID_BUILDING_CHIEF)) *chief_id = u.id;
    record_free(&user_record, &u);
    return DB_OK;
}

int user_building_allowed(struct db *db, const char *actor, int64_t building_id)
{
    struct user u;
    int rc = user_find(db, actor, &u);
    if (rc == DB_NOTFOUND) return DB_OK;
    if (rc != DB_OK) return rc;
    if (roles_find(u.role) == roles_get(ROLE_ID_BUILDING_CHIEF)) {
        struct db_stmt *st = db_prepare(
            db, "SELECT count(*) FROM user_building WHERE user_id = ?1 AND building_id = ?2");
        db_bind_int(st, 1, u.id);
        db_bind_int(st, 2, building_id);
        rc = db_step(st) == DB_ROW ? (db_col_int(st, 0) ? DB_OK : DB_DENIED) : DB_ERROR;
        db_finalize(st);
    }
    record_free(&user_record, &u);
    return rc;
}
