/*
** staff_store: the kinds of staff and the staff themselves (src/staff.h)
** in the database: list, search, read, create or edit with the version
** checked, retire and restore (rows are never deleted). Writes need
** RIGHT_EDIT_AREAS and are audited (db/change.h).
*/
#ifndef BANGBAN_STAFF_STORE_H
#define BANGBAN_STAFF_STORE_H

#include <stddef.h>

#include "db/db.h"
#include "src/staff.h"

/*
** Every staff kind, retired ones too when with_retired, by code, into *out
** and *n (caller frees with record_array_free()). DB_OK, or the error
** (then *out is NULL and *n 0).
*/
int staff_kind_list(struct db *db, int with_retired, struct staff_kind **out, size_t *n);

/* One kind by id, or by its code, into *out (free with record_free()). DB_OK or DB_NOTFOUND. */
int staff_kind_get(struct db *db, int64_t id, struct staff_kind *out);
int staff_kind_find(struct db *db, const char *code, struct staff_kind *out);
/* The active kind whose name or code is text, into *out. DB_OK or DB_NOTFOUND. */
int staff_kind_named(struct db *db, const char *text, struct staff_kind *out);

/*
** Create (k->id 0) or update a kind as actor, the version checked.
** DB_OK (k->id and k->version set), DB_CONFLICT, DB_DUPLICATE (a code or
** name taken: db_duplicate_field() says which), or an error.
*/
int staff_kind_save(struct db *db, struct staff_kind *k, const char *actor);

/*
** Retire (1) or restore (0) a kind, the version checked: DB_OK (k
** updated), DB_CONFLICT (current, when not NULL, gets the kind as it is
** now; free with record_free()) or an error.
*/
int staff_kind_set_retired(struct db *db, struct staff_kind *k, int retired, const char *actor,
                           struct staff_kind *current);

/*
** Staff whose name holds query (a Chinese fragment), whose pinyin starts
** with it (full or initials: "zhangs", "zs"), or whose phone ends with
** it (digits); "" for all. Retired ones too when with_retired. At most
** limit rows (0: all), by name's pinyin. Into *out and *n (caller frees
** with record_array_free(&staff_record, ...)). DB_OK or the error.
*/
int staff_list(struct db *db, const char *query, int with_retired, size_t limit, struct staff **out,
               size_t *n);

/* One staff member by id into *out (free with record_free()). DB_OK or DB_NOTFOUND. */
int staff_get(struct db *db, int64_t id, struct staff *out);

/*
** The active staff member with this name and phone (a ledger's key), into
** *out. DB_OK or DB_NOTFOUND.
*/
int staff_find(struct db *db, const char *name, const char *phone, struct staff *out);

/*
** Create (s->id 0) or update a staff member as actor, the version
** checked; pinyin keys and the phone's reversed digits computed here; the
** user is found by s->login. DB_OK (s->id, s->version set), DB_CONFLICT,
** DB_INVALID (the kind is retired or gone, or no user has that login),
** DB_DENIED, or an error.
*/
int staff_save(struct db *db, struct staff *s, const char *actor);

/* Retire (1) or restore (0) a staff member, the version checked: as staff_kind_set_retired(). */
int staff_set_retired(struct db *db, struct staff *s, int retired, const char *actor,
                      struct staff *current);

#endif
