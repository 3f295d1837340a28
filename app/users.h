/*
** users: signing in and looking after users, over db/user_store.h. A
** password sign-in checks the hash (yescrypt, slow on purpose) once, and
** counts failures: the settings lock_failures in a row lock the account
** for lock_minutes. Whatever refused it, the caller hears one answer, so
** nobody learns whether a login exists. A peer sign-in takes the
** operating-system login bound to an active user, with no password.
*/
#ifndef BANGBAN_USERS_H
#define BANGBAN_USERS_H

#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "src/user.h"

enum signin {
    SIGNIN_OK,       /* *out holds the user */
    SIGNIN_REFUSED,  /* wrong login, wrong password, locked, retired: one answer for all */
    SIGNIN_NO_USERS, /* peer only: the database has no user yet (runs as the OS login) */
    SIGNIN_ERROR,    /* the database failed; *rc says how */
};

/*
** Sign login in with password at now. SIGNIN_OK with *out (free with
** record_free()); SIGNIN_REFUSED (failures counted, the account locked
** when they reach the setting); SIGNIN_ERROR with *rc. Audited.
*/
enum signin users_signin(struct db *db, const char *login, const char *password, time_t now,
                         struct user *out, int *rc);

/*
** Check login's password at now as users_signin() does, for a prompt that
** anyone may type at (the kiosk's way out): a wrong password is not
** counted towards the account's lock, so a passer-by cannot lock a
** supervisor out; the prompt limits its own tries. Nothing is written.
** SIGNIN_OK with *out (free with record_free()), SIGNIN_REFUSED (wrong
** login or password, locked, retired), or SIGNIN_ERROR with *rc.
*/
enum signin users_verify(struct db *db, const char *login, const char *password, time_t now,
                         struct user *out, int *rc);

/*
** Sign in by the operating-system login os_login alone: SIGNIN_OK when it
** is bound to an active, unlocked user (*out; audited), SIGNIN_NO_USERS
** when there are no users at all, else SIGNIN_REFUSED (or SIGNIN_ERROR).
*/
enum signin users_peer(struct db *db, const char *os_login, time_t now, struct user *out, int *rc);

/* True when u is locked at now. */
int users_locked(const struct user *u, time_t now);

/*
** Why u's scope will not do: NULL when it is empty or names a community,
** a street or the district (its code or name), or no areas are on file yet
** to name; else the reason (caller frees) with *rc DB_INVALID; or NULL
** with *rc an error. *rc DB_OK else.
*/
char *users_scope_why(struct db *db, const struct user *u, int *rc);

/* True when u has no way to sign in: no password set, and bound to no system login. */
int users_no_way_in(const struct user *u);

/*
** Check a user about to be saved: a good login, a known role, a unit for
** a unit handler (and none for the others), buildings for none but a
** building chief. NULL when it will do, else why not (translated, borrowed).
*/
const char *users_check(const struct user *u);

/*
** Check u's buildings against the database: NULL (*rc DB_OK) when each
** names an existing building, active or already u's; else why not,
** naming the one not found (translated; caller frees), *rc DB_INVALID, or
** NULL with *rc the error that stopped the check.
*/
char *users_buildings_why(struct db *db, const struct user *u, int *rc);

/*
** Create u (as users_check() wants it) with password (NULL: none, a
** peer-only user) as actor, in one transaction (user_save(): actor needs
** RIGHT_MANAGE_USERS unless it is the database's first user). DB_OK (u->id
** set), DB_INVALID with *why (a bad login, role, unit or password; *why
** NULL: a building not found), DB_DENIED, DB_DUPLICATE (db_duplicate_field()
** names the login or OS login), or an error.
*/
int users_add(struct db *db, struct user *u, const char *password, const char *actor,
              const char **why);

/*
** Set login's password (checked first: *why when it will not do) as
** actor. DB_OK, DB_INVALID (*why), DB_NOTFOUND, or an error.
*/
int users_passwd(struct db *db, int64_t id, const char *password, const char *actor,
                 const char **why);

/*
** bangban init: when the database has no user, make os_login its first
** admin, bound to os_login (signing in without a password), as actor.
** DB_OK with *made 1 when it was made, 0 when users were there already.
*/
int users_first_admin(struct db *db, const char *os_login, const char *actor, int *made);

/* One demo user: its login and the password the demo gave it. */
struct demo_user {
    char *login;
    const char *role; /* a role's code */
    char *password;
};

/*
** The demo district's users, on a database with none: one per role, in
** the roles' order, each with a password made up of its login (demo-LOGIN,
** printed and documented: not held to user_password_check()). The admin
** (login "admin") is made first, by actor, and makes the others. The desk
** clerk's login is os_login (or "desk" when os_login is another role's
** code), bound to os_login, so whoever made the demo opens it without a
** password. The unit handler acts for the unit coded unit_code, the
** building chief for chief_buildings (codes, as user_save() takes them).
** DB_OK with *out and *n what was made (free with users_demo_free()), or
** an error (nothing made). *n 0 when users were there already.
*/
int users_demo(struct db *db, const char *os_login, const char *unit_code,
               const char *chief_buildings, const char *actor, struct demo_user **out, size_t *n);
void users_demo_free(struct demo_user *users, size_t n);

/* The locked_until of a lock an admin sets, which lasts until it is lifted. Static. */
const char *users_locked_for_good(void);

#endif
