/*
** user: a person who signs in to bangban (操作员), as the core sees them:
** the record and its field table, and passwords — hashed with yescrypt
** through libxcrypt, never by hand. The store is db/user_store.h; the
** roles a user may hold are src/roles.h.
*/
#ifndef BANGBAN_USER_H
#define BANGBAN_USER_H

#include <stdint.h>

#include "record.h"

struct user {
    int64_t id;         /* 0 until saved */
    char *login;        /* what is typed to sign in: letters, digits, . _ - */
    char *name;         /* 王小红 */
    char *phone;        /* a mobile; shown masked in lists */
    char *role;         /* a role's code (src/roles.h) */
    int64_t unit_id;    /* a unit handler's unit; 0: none */
    char *unit_name;    /* stored: the unit's name */
    char *scope;        /* a desk's community, street or district, as typed */
    char *buildings;    /* a building chief's buildings: codes (or names) joined by 、 */
    char *os_login;     /* the operating-system login it is bound to; "" when none */
    char *password;     /* stored: the crypt(3) hash; "" when none is set */
    int64_t failed;     /* stored: failed sign-ins in a row */
    char *locked_until; /* stored: "YYYY-MM-DD HH:MM:SS" while locked; "" when not */
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

/* The longest login, name and scope, in characters. */
#define USER_LOGIN_MAX 32
#define USER_NAME_MAX  20
#define USER_SCOPE_MAX 40
/* The longest list of a chief's buildings as typed, in characters. */
#define USER_BUILDINGS_MAX 400
/* The longest password accepted, in bytes; the shortest, in characters. */
#define USER_PASSWORD_MAX 128
#define USER_PASSWORD_MIN 8

/* The fields of a user (record.h). */
extern const struct record_type user_record;

/*
** NULL when text is a good login (up to 32 columns of letters, digits,
** Chinese, '.', '_' and '-': no spaces), else why not (translated, borrowed).
*/
const char *user_login_check(const char *text);

/*
** NULL when text will do as a new password of the user login (NULL: not
** known), else why not (translated, borrowed): too short, one character
** over and over, a run, the login itself, the login anywhere in it (a
** login of 3 characters or more, letters in either case: wangjun1), or one
** of the passwords tried first everywhere (password, qwerty123, woaini1314
** ...).
*/
const char *user_password_check(const char *login, const char *text);

/*
** As user_password_check(), for a user changing their own password who
** typed the one in use, now (NULL: not asked): text is also refused when
** it is that password again.
*/
const char *user_password_change_check(const char *login, const char *now, const char *text);

/*
** The yescrypt hash of password, with a fresh salt at libxcrypt's default
** cost. Caller frees; NULL (errno set) when libxcrypt failed.
*/
char *user_password_hash(const char *password);

/* True when password is the one hash was made from (an empty or bad hash matches nothing). */
int user_password_matches(const char *password, const char *hash);

/* The role's name people see ("前台"), or the code itself when it is no role. Borrowed. */
const char *user_role_name(const char *code);

#endif
