/*
** user_store: the users (src/user.h) in the database: list, read, create
** or edit with the version checked, set a password, lock, unlock, bind to
** an operating-system login, retire and restore (rows are never deleted),
** and the counts sign-in keeps. Each change that matters to security
** (a password set, a lock, a sign-in and a failed one) is written to the
** audit log in the same transaction.
*/
#ifndef BANGBAN_USER_STORE_H
#define BANGBAN_USER_STORE_H

#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "src/user.h"

/*
** Every user, retired ones too when with_retired, by login, into *out and
** *n (caller frees with record_array_free()). DB_OK, or the error (then
** *out is NULL and *n 0).
*/
int user_list(struct db *db, int with_retired, struct user **out, size_t *n);

/* One user by id, by login, or by the OS login bound to it, into *out (free with record_free()).
 * DB_OK or DB_NOTFOUND. */
int user_get(struct db *db, int64_t id, struct user *out);
int user_find(struct db *db, const char *login, struct user *out);
int user_find_os(struct db *db, const char *os_login, struct user *out);

/*
** May actor (a user's login) do what right (RIGHT_* of src/roles.h) asks?
** DB_OK when its user is active and its role holds the right (several:
** every one; with RIGHTS_ANY among them, one of them), or when the
** database has no users yet (everyone acts as their system login);
** DB_DENIED when not (no such user, retired, a role without it); or an
** error. Stores call it before what they do.
*/
int user_allowed(struct db *db, const char *actor, unsigned right);

/*
** The right (one RIGHT_* bit; or, where any one of several would have
** done, those with RIGHTS_ANY) the last DB_DENIED of user_allowed() in
** this process wanted, and forget it: 0 when nothing was refused since the
** last call. The command line names it when a verb was refused.
*/
unsigned user_denied_take(void);

/*
** The buildings building chief user_id acts for: their ids, in the order
** the buildings were made, into *ids (caller frees) and *n. DB_OK (none:
** *ids NULL, *n 0), or an error.
*/
int user_buildings(struct db *db, int64_t user_id, int64_t **ids, size_t *n);

/*
** DB_OK when actor may act on building_id as far as buildings go: a
** building chief on one of their own buildings only (else DB_DENIED);
** anyone else, or a login that is no user, is not bounded here (their
** rights are user_allowed()'s). Or an error.
*/
int user_building_allowed(struct db *db, const char *actor, int64_t building_id);

/*
** Is actor bounded to their own buildings (a building chief)? *chief_id
** their user id when so, else 0 (anyone else, or a login that is no
** user). DB_OK or an error.
*/
int user_building_scope(struct db *db, const char *actor, int64_t *chief_id);

/*
** The buildings text names (codes or names joined by 、 , or any list
** separator) for user user_id (0: one not made yet): each the building of
** that code, else the one building of that name, active or already the
** user's. DB_OK with *ids and *n (caller frees *ids; duplicates dropped);
** DB_NOTFOUND (no such building) or DB_DUPLICATE (several of that name)
** with *bad the item as typed (caller frees); or an error.
*/
int user_buildings_resolve(struct db *db, const char *text, int64_t user_id, int64_t **ids,
                           size_t *n, char **bad);

/* The users on file, retired ones too, in *n: DB_OK or the error. */
int user_count(struct db *db, int64_t *n);

/*
** Create (u->id 0) or update a user's login, name, phone, role, unit,
** scope, OS login and buildings (written to user_building in the same
** transaction) as actor, the version checked. A new user's password hash
** (u->password, from user_password_hash(); "" for none) is stored with it;
** an update never touches the password (user_set_password()). Audited
** with what changed (an edit that changes nothing writes nothing, and
** leaves the version). actor needs RIGHT_MANAGE_USERS, unless the database
** has no user yet (its first). DB_OK (u->id and u->version set),
** DB_DENIED (nothing written), DB_CONFLICT, DB_DUPLICATE (a login or OS
** login taken: db_duplicate_field() says which), DB_INVALID (no such role
** or unit, or a building user_buildings_resolve() does not find; or an
** administrator's role changed leaves none who can sign in:
** user_last_admin_text()), or an error.
*/
int user_save(struct db *db, struct user *u, const char *actor);

/* Why a change to the last administrator who can sign in is refused (translated, static). */
const char *user_last_admin_text(void);

/*
** Set user id's password hash (from user_password_hash()) as actor; the
** failed count and any lock are cleared. actor needs RIGHT_MANAGE_USERS,
** unless it is that user, active. DB_OK, DB_DENIED, DB_NOTFOUND, or an error.
*/
int user_set_password(struct db *db, int64_t id, const char *hash, const char *actor);

/*
** Lock user id until until ("YYYY-MM-DD HH:MM:SS"; far in the future for
** a lock an admin lifts) or unlock it (until NULL: the failed count is
** cleared too), as actor, who needs RIGHT_MANAGE_USERS. DB_OK, DB_DENIED,
** DB_NOTFOUND, DB_INVALID (the last administrator who can sign in:
** user_last_admin_text()), or an error.
*/
int user_set_lock(struct db *db, int64_t id, const char *until, const char *actor);

/*
** Bind user id to os_login ("" unbinds) as actor, who needs
** RIGHT_MANAGE_USERS. DB_OK, DB_DENIED, DB_NOTFOUND, DB_DUPLICATE, or an error.
*/
int user_bind(struct db *db, int64_t id, const char *os_login, const char *actor);

/*
** Retire (1) or restore (0) a user as actor, who needs
** RIGHT_MANAGE_USERS, the version checked: DB_OK (u updated), DB_DENIED,
** DB_CONFLICT (current, when not NULL, gets the user as it is
** now; free with record_free()), DB_INVALID (the last administrator who
** can sign in: user_last_admin_text()) or an error.
*/
int user_set_retired(struct db *db, struct user *u, int retired, const char *actor,
                     struct user *current);

/*
** A sign-in of user id refused at now: its failed count goes up by one,
** and when it reaches max_failed the user is locked until lock_until.
** Written to the audit log (the login typed as who) with where it came
** from. *locked gets 1 when this failure locked it. DB_OK or an error.
*/
int user_signin_failed(struct db *db, int64_t id, const char *login, int max_failed,
                       const char *lock_until, int *locked);

/* A sign-in of user id accepted by how ("password", "peer"): failed count cleared; audited. */
int user_signin_ok(struct db *db, int64_t id, const char *login, const char *how);

/* A sign-in refused for a login that is no user: audited (the login as typed). DB_OK or an error.
 */
int user_signin_unknown(struct db *db, const char *login);

/*
** A sign-in refused to user id though not counted towards a lock (the
** right password while the account is locked or retired, or any with no
** lock set): audited on that user, why said ("locked", "retired",
** "password"), so a supervisor reading the log sees who came back. DB_OK
** or an error.
*/
int user_signin_held(struct db *db, int64_t id, const char *login, const char *why);

#endif
