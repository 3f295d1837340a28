/*
** users: see users.h.
*/
#include "app/users.h"
#include "db/area.h"
#include "db/catalogue_store.h"
#include "db/settings_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A lock an admin set: until it is lifted. */
#define LOCKED_FOR_GOOD "9999-12-31 23:59:59"

int users_no_way_in(const struct user *u)
{
    return str_empty(u->password) && str_empty(u->os_login);
}

int users_locked(const struct user *u, time_t now)
{
    if (str_empty(u->locked_until)) return 0;
    char when[20];
    clock_format(now, when);
    return strcmp(u->locked_until, when) > 0;
}

/*
** Spend the time a real check would, so that an unknown login answers no
** sooner than a known one.
*/
static void users_waste_check(const char *password)
{
    static char *dummy;
    if (!dummy) dummy = user_password_hash("bangban-no-such-login");
    if (dummy) (void)user_password_matches(password, dummy);
}

enum signin users_signin(struct db *db, const char *login, const char *password, time_t now,
                         struct user *out, int *rc)
{
    record_init(&user_record, out);
    *rc = user_find(db, login, out);
    if (*rc == DB_NOTFOUND) {
        users_waste_check(password);
        *rc = user_signin_unknown(db, login);
        return *rc == DB_OK ? SIGNIN_REFUSED : SIGNIN_ERROR;
    }
    if (*rc != DB_OK) return SIGNIN_ERROR;
    int good = user_password_matches(password, out->password);
    if (good && !out->retired && !users_locked(out, now)) {
        *rc = user_signin_ok(db, out->id, out->login, "password");
        if (*rc == DB_OK) return SIGNIN_OK;
        record_free(&user_record, out);
        return SIGNIN_ERROR;
    }
    /* Wrong, retired or locked: the same answer; a wrong password counts towards a lock. */
    int max = (int)settings_get_number(db, SETTING_LOCK_FAILURES);
    int minutes = (int)settings_get_number(db, SETTING_LOCK_MINUTES);
    char until[20];
    clock_format(now + (time_t)minutes * 60, until);
    int locked;
    /* A lock of no minutes, or after no number of tries, is none: nothing is locked or said so. */
    if (good)
        *rc = user_signin_held(db, out->id, out->login, out->retired ? "retired" : "locked");
    else if (max <= 0 || minutes <= 0)
        *rc = user_signin_held(db, out->id, out->login, "password");
    else
        *rc = user_signin_failed(db, out->id, out->login, max, until, &locked);
    record_free(&user_record, out);
    return *rc == DB_OK ? SIGNIN_REFUSED : SIGNIN_ERROR;
}

enum signin users_verify(struct db *db, const char *login, const char *password, time_t now,
                         struct user *out, int *rc)
{
    record_init(&user_record, out);
    *rc = user_find(db, login, out);
    if (*rc == DB_NOTFOUND) {
        users_waste_check(password); /* as long as a known login's: the answer tells nothing */
        *rc = DB_OK;
        return SIGNIN_REFUSED;
    }
    if (*rc != DB_OK) return SIGNIN_ERROR;
    if (user_password_matches(password, out->password) && !out->retired && !users_locked(out, now))
        return SIGNIN_OK;
    record_free(&user_record, out);
    return SIGNIN_REFUSED;
}

enum signin users_peer(struct db *db, const char *os_login, time_t now, struct user *out, int *rc)
{
    record_init(&user_record, out);
    int64_t n = 0;
    *rc = user_count(db, &n);
    if (*rc != DB_OK) return SIGNIN_ERROR;
    if (n == 0) return SIGNIN_NO_USERS;
    *rc = user_find_os(db, os_login, out);
    if (*rc == DB_NOTFOUND) {
        *rc = DB_OK;
        return SIGNIN_REFUSED;
    }
    if (*rc != DB_OK) return SIGNIN_ERROR;
    if (out->retired || users_locked(out, now)) {
        record_free(&user_record, out);
        return SIGNIN_REFUSED;
    }
    *rc = user_signin_ok(db, out->id, out->login, "peer");
    if (*rc == DB_OK) return SIGNIN_OK;
    record_free(&user_record, out);
    return SIGNIN_ERROR;
}

/*
** A text of u's (label its field's words) that no form would take: a
** character the one rule refuses, or more than max characters. NULL, or
** why (valid until the next call in this thread).
*/
static const char *users_text_why(const char *label, const char *text, size_t max)
{
    static _Thread_local char msg[256];
    const char *bad = validate_line(text);
    if (bad) {
        snprintf(msg, sizeof msg, _("%s: %s"), label, bad);
        return msg;
    }
    if (text_chars(text) <= max) return NULL;
    snprintf(msg, sizeof msg, _("%s: at most %zu characters"), label, max);
    return msg;
}

const char *users_check(const struct user *u)
{
    const char *why = user_login_check(u->login);
    if (why) return why;
    if ((why = users_text_why(_("Name"), u->name, USER_NAME_MAX)) ||
        (why = users_text_why(_("Scope"), u->scope, USER_SCOPE_MAX)))
        return why;
    const struct role *r = roles_find(u->role);
    if (!r || !str_eq(r->code, u->role)) return _("No such role");
    if (str_eq(u->role, "unit") && !u->unit_id) return _("A unit handler needs a unit");
    if (!str_eq(u->role, "unit") && u->unit_id) return _("Only a unit handler has a unit");
    if (!str_eq(u->role, "chief") && !str_empty(u->buildings))
        return _("Only a building chief has buildings");
    if (!str_empty(u->os_login) && user_login_check(u->os_login))
        return _("A system login holds no spaces, and no punctuation but '.', '_' and '-'");
    return NULL;
}

char *users_buildings_why(struct db *db, const struct user *u, int *rc)
{
    int64_t *ids;
    size_t n;
    char *bad;
    *rc = user_buildings_resolve(db, u->buildings, u->id, &ids, &n, &bad);
    free(ids);
    char *why = NULL;
    if (*rc == DB_NOTFOUND)
        why = xasprintf(_("no building \"%s\" (a building's code or name; a retired one is not "
                          "taken)"),
                        bad);
    else if (*rc == DB_DUPLICATE)
        why = xasprintf(_("several buildings are called \"%s\": give its code"), bad);
    free(bad);
    if (why) *rc = DB_INVALID;
    return why;
}

char *users_scope_why(struct db *db, const struct user *u, int *rc)
{
    *rc = DB_OK;
    if (str_empty(u->scope)) return NULL;
    int64_t counts[AREA_KIND_COUNT] = {0};
    if ((*rc = area_counts(db, counts)) != DB_OK) return NULL;
    if (!counts[AREA_COMMUNITY] && !counts[AREA_STREET]) return NULL; /* no areas yet to name */
    char *district = db_meta_get(db, "district");
    int found = district && str_eq(district, u->scope);
    free(district);
    static const enum area_kind kinds[] = {AREA_COMMUNITY, AREA_STREET};
    for (size_t i = 0; !found && i < ARRAY_LEN(kinds); i++) {
        struct area a;
        int got = area_find(db, kinds[i], u->scope, 0, &a);
        if (got == DB_OK) area_free(&a);
        found = got == DB_OK || got == DB_INVALID; /* several of that name: a scope all the same */
        if (got != DB_OK && got != DB_NOTFOUND && got != DB_INVALID) {
            *rc = got;
            return NULL;
        }
    }
    if (found) return NULL;
    *rc = DB_INVALID;
    return xasprintf(_("no community, street or district \"%s\""), u->scope);
}

/* users_add(), the password checked only when checked is set. */
static int users_add_password(struct db *db, struct user *u, const char *password, int checked,
                              const char *actor, const char **why)
{
    *why = users_check(u);
    if (!*why && password && checked) *why = user_password_check(u->login, password);
    if (*why) return DB_INVALID;
    char *hash = NULL;
    if (password && !(hash = user_password_hash(password))) return DB_ERROR;
    record_take(&u->password, hash);
    int rc = user_save(db, u, actor);
    /* The hash stays in the database alone. */
    if (hash) explicit_bzero(u->password, strlen(u->password));
    record_set(&u->password, "");
    if (rc != DB_OK) u->id = 0;
    return rc;
}

int users_add(struct db *db, struct user *u, const char *password, const char *actor,
              const char **why)
{
    return users_add_password(db, u, password, 1, actor, why);
}

int users_passwd(struct db *db, int64_t id, const char *password, const char *actor,
                 const char **why)
{
    struct user u;
    *why = NULL;
    int rc = user_get(db, id, &u);
    if (rc != DB_OK) return rc;
    *why = user_password_check(u.login, password);
    record_free(&user_record, &u);
    if (*why) return DB_INVALID;
    char *hash = user_password_hash(password);
    if (!hash) return DB_ERROR;
    rc = user_set_password(db, id, hash, actor);
    free(hash);
    return rc;
}

const char *users_locked_for_good(void)
{
    return LOCKED_FOR_GOOD;
}

int users_first_admin(struct db *db, const char *os_login, const char *actor, int *made)
{
    *made = 0;
    int64_t n;
    int rc = user_count(db, &n);
    if (rc != DB_OK || n > 0) return rc;
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, os_login);
    record_set(&u.role, "admin");
    record_set(&u.os_login, os_login);
    const char *why;
    rc = users_add(db, &u, NULL, actor, &why);
    *made = rc == DB_OK;
    record_free(&user_record, &u);
    return rc;
}

void users_demo_free(struct demo_user *users, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(users[i].login);
        free(users[i].password);
    }
    free(users);
}

/* The demo's user of role i: its login, and the system login bound to it (NULL: none). */
static void demo_user_of(size_t i, const char *os_login, char **login, const char **bound)
{
    const struct role *r = roles_get((enum role_id)i);
    *bound = NULL;
    *login = xstrdup(r->code);
    if (i != ROLE_ID_DESK) return;
    *bound = os_login;
    /* The desk clerk is whoever made the demo, unless their login is another role's code. */
    for (size_t k = 0; k < ROLE_COUNT; k++)
        if (k != i && str_eq(roles_get((enum role_id)k)->code, os_login)) return;
    free(*login);
    *login = xstrdup(os_login);
}

/* What the demo gives its unit handler and building chief. */
struct demo_scope {
    int64_t unit;          /* the unit handler's unit */
    const char *buildings; /* the building chief's buildings */
};

/* Make the demo user of role i as actor, with its scope; into *made. */
static int demo_user_add(struct db *db, size_t i, const char *os_login,
                         const struct demo_scope *scope, const char *actor, struct demo_user *made)
{
    const struct role *r = roles_get((enum role_id)i);
    struct user u;
    record_init(&user_record, &u);
    char *login;
    const char *bound;
    demo_user_of(i, os_login, &login, &bound);
    record_take(&u.login, login);
    record_set(&u.role, r->code);
    record_take(&u.name, xasprintf("%s%s", _(r->name), _("(demo)")));
    record_set(&u.os_login, bound);
    if (i == ROLE_ID_UNIT_HANDLER) u.unit_id = scope->unit;
    if (i == ROLE_ID_BUILDING_CHIEF) record_set(&u.buildings, scope->buildings);
    /* demo-LOGIN, printed by the demo and written in its guide: nothing for a guesser to find,
     * so not held to the rules of a password chosen (it holds the login). */
    char *password = xasprintf("demo-%s", u.login);
    const char *why;
    int rc = users_add_password(db, &u, password, 0, actor, &why);
    if (rc == DB_OK) {
        made->login = xstrdup(u.login);
        made->role = r->code;
        made->password = password;
    } else {
        free(password);
    }
    record_free(&user_record, &u);
    return rc;
}

int users_demo(struct db *db, const char *os_login, const char *unit_code,
               const char *chief_buildings, const char *actor, struct demo_user **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int64_t count;
    int rc = user_count(db, &count);
    if (rc != DB_OK || count > 0) return rc;
    struct unit unit;
    rc = unit_find(db, unit_code, &unit);
    if (rc != DB_OK) return rc;
    struct demo_scope scope = {unit.id, chief_buildings};
    /* One per role, in the roles' order. */
    struct demo_user *made = xcalloc(ROLE_COUNT, sizeof *made);
    rc = db_write_begin(db);
    int began = rc == DB_OK;
    /* The admin first, made by whoever runs the demo (the database's first user); it makes the
     * others. */
    if (rc == DB_OK)
        rc = demo_user_add(db, ROLE_ID_ADMIN, os_login, &scope, actor, &made[ROLE_ID_ADMIN]);
    for (size_t i = 0; rc == DB_OK && i < ROLE_COUNT; i++)
        if (i != ROLE_ID_ADMIN)
            rc = demo_user_add(db, i, os_login, &scope, made[ROLE_ID_ADMIN].login, &made[i]);
    record_free(&unit_record, &unit);
    if (rc == DB_OK)
        rc = db_commit(db);
    else if (began)
        db_rollback(db);
    if (rc != DB_OK) {
        users_demo_free(made, ROLE_COUNT);
        return rc;
    }
    size_t k = ROLE_COUNT;
    *out = made;
    *n = k;
    return DB_OK;
}
