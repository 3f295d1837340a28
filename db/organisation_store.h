/*
** organisation_store: the organisations in the buildings (src/organisation.h)
** in the database: search as the clerk types, read, create or edit with
** the version checked (and its search keys and an audit row in the same
** transaction), record a move out or a return (rows are never deleted),
** and a bulk load for generated data.
*/
#ifndef BANGBAN_ORGANISATION_STORE_H
#define BANGBAN_ORGANISATION_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/organisation.h"

/* How many matches a search counts before it says "more". */
#define ORGANISATION_COUNT_CAP 1000

struct organisation_hits {
    struct organisation *items; /* free with record_array_free() */
    size_t n;
    int64_t total; /* matches counted, at most ORGANISATION_COUNT_CAP */
    int more;      /* more than total match */
};

/*
** The organisations query finds (organisation_query_of(): a piece of the
** name, pinyin initials or full pinyin from any character on, a piece of
** the credit code; "" for all), in name order, at most limit of them, with
** the number that match. building_id, when not 0, keeps those in that
** building; those that moved out only when with_moved_out. A building
** chief as scope_of (NULL or "": anyone's search) sees their own
** buildings' alone. Returns DB_OK with *out filled, or an error (then
** *out is empty).
*/
int organisation_search(struct db *db, const char *query, const char *scope_of, int64_t building_id,
                        int with_moved_out, size_t limit, struct organisation_hits *out);

/*
** Every organisation (those that moved out too), in name order; a building
** chief as scope_of (NULL or "": anyone) gets their buildings' alone.
** Caller frees with record_array_free().
*/
int organisation_all(struct db *db, const char *scope_of, struct organisation **out, size_t *n);

/* One organisation by id, or by its credit code, into *out (free with record_free()). DB_OK or
 * DB_NOTFOUND. */
int organisation_get(struct db *db, int64_t id, struct organisation *out);
int organisation_find_code(struct db *db, const char *credit_code, struct organisation *out);
/* The one without a credit code of that name in that building (0: none). DB_OK or DB_NOTFOUND. */
int organisation_find_name(struct db *db, const char *name, int64_t building_id,
                           struct organisation *out);
/*
** The credit code of the organisation called name in that building (0:
** none) when it is the only one so called there and has one: *code (caller
** frees). DB_OK, or DB_NOTFOUND (none, several, or one without a code).
*/
int organisation_code_by_name(struct db *db, const char *name, int64_t building_id, char **code);

/*
** Create (o->id 0) or update an organisation as actor, the version
** checked; its search keys and an audit row go in the same transaction.
** DB_OK (o->id and o->version set), DB_CONFLICT, DB_DUPLICATE (the credit
** code is another's, or another in its building has its name and has not
** moved out: organisation_clash() says which), DB_INVALID (its building is
** retired or gone), or an error.
*/
int organisation_save(struct db *db, struct organisation *o, const char *actor);

/*
** The organisation on file, other than o, that saving o collides with:
** the one holding its credit code (*field "credit_code"), else one of the
** same name in the same building not moved out ("name"; o moved out
** collides with none). DB_OK with *other (free with record_free()),
** DB_NOTFOUND when there is none, or an error.
*/
int organisation_clash(struct db *db, const struct organisation *o, struct organisation *other,
                       const char **field);

/*
** Record that o moved out on day (YYYY-MM-DD), or came back (day ""), the
** version checked, with an audit row. DB_OK (o updated), DB_CONFLICT
** (current, when not NULL, gets it as it is now), DB_DUPLICATE (back, while
** another of its name is in its building: organisation_clash()) or an error.
*/
int organisation_set_moved_out(struct db *db, struct organisation *o, const char *day,
                               const char *actor, struct organisation *current);

/*
** The building called code or name, active: DB_OK with *id and its name in
** *name (caller frees), DB_NOTFOUND, or DB_INVALID when the name is
** several buildings' (a code tells them apart).
*/
int organisation_building_find(struct db *db, const char *code_or_name, int64_t *id, char **name);

/*
** Field ("phone": the contact phone) of organisation id shown in full to
** actor, with the reason, written to the audit log (audit_reveal()).
** Returns as that.
*/
int organisation_reveal(struct db *db, int64_t id, const char *field, const char *reason,
                        const char *actor);

/* Active organisations, and those that moved out, into *active and *moved_out. */
int organisation_counts(struct db *db, int64_t *active, int64_t *moved_out);

/*
** Add n new organisations (their building ids set, no version) in the
** caller's transaction, with their keys: for generated data. Returns DB_OK
** or the error (the caller rolls back).
*/
int organisation_bulk_add(struct db *db, struct organisation *v, size_t n, const char *actor);

/*
** File every organisation again under the terms organisation_terms()
** gives today, adding those it lacks (migration 21: pieces of 5 and 6
** characters). Inside the caller's transaction. DB_OK or an error.
*/
int organisation_refile(struct db *db);

#endif
