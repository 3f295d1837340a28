/*
** volunteer_store: the volunteer register and its teams in the database.
** Volunteers are searched as residents are (db/name_search.h, the same
** engine over their own posting-list tables), read, and saved with a
** version check, a unique volunteer number (given in the write transaction
** to a new volunteer: src/volunteer.h), a unique ID number and the link to
** the resident with that ID number; the audited reveal of a masked number.
** Teams: list, read, save (no cycles in the hierarchy), retire; members
** with the dates they joined and left. Every write checks RIGHT_LOG_HOURS
** and is audited (db/change.h).
*/
#ifndef BANGBAN_VOLUNTEER_STORE_H
#define BANGBAN_VOLUNTEER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/volunteer.h"

#define VOLUNTEER_COUNT_CAP 1000

struct volunteer_hits {
    struct volunteer *items;
    size_t n;
    size_t total; /* how many match, counted up to VOLUNTEER_COUNT_CAP */
    int more;     /* more than VOLUNTEER_COUNT_CAP match */
};

/*
** Volunteers matching what was typed (src/search.h: a name fragment,
** pinyin, ID or mobile number digits from the end, or a volunteer number
** from its start), best first, at most limit; numbers masked. Nothing
** typed: those registered last. Those who left (注销) are listed too.
** Returns DB_OK or an error. Free with volunteer_hits_free().
*/
int volunteer_search(struct db *db, const char *query, size_t limit, struct volunteer_hits *out);
void volunteer_hits_free(struct volunteer_hits *h);

/* One volunteer in full by id, by volunteer number or by ID number. DB_OK or DB_NOTFOUND. */
int volunteer_get(struct db *db, int64_t id, struct volunteer *out);
int volunteer_get_by_number(struct db *db, const char *number, struct volunteer *out);
int volunteer_get_by_id_number(struct db *db, const char *id_number, struct volunteer *out);

/*
** Register (v->id 0) or edit a volunteer as actor, version checked. A new
** volunteer without a number gets the next of its registration year; one
** with a number (from a ledger) keeps it. The volunteer is linked to the
** resident holding the same ID number, when there is one. DB_OK (v's id,
** number, version and resident_id set), DB_CONFLICT, DB_DUPLICATE
** (db_duplicate_field(): number or id_rev), DB_INVALID (a bad number or
** status), DB_DENIED, or an error.
*/
int volunteer_save(struct db *db, struct volunteer *v, const char *actor);

/* The resident whose ID number is id_number: its id, or 0 (also on error). */
int64_t volunteer_resident_of(struct db *db, const char *id_number);

/* Record that actor saw field (id_number, phone) of volunteer id in full, and why. */
int volunteer_reveal(struct db *db, int64_t id, const char *field, const char *reason,
                     const char *actor);

/*
** Call visit for every volunteer by number, every field in full (numbers
** unmasked: the caller masks them). Stops when visit returns 0. Returns
** DB_OK or an error.
*/
int volunteer_each(struct db *db, int (*visit)(void *ctx, const struct volunteer *v), void *ctx);

/*
** For the bulk loader (db/volunteer_bulk.h): the INSERT of a volunteer's
** row, and binding v's columns to it as volunteer_save() writes them (id
** the row's id, rank the pinyin order of the name, actor and when the
** creation's).
*/
extern const char volunteer_insert_sql[];
void volunteer_bind_row(struct db_stmt *st, const struct volunteer *v, int64_t id, int64_t rank,
                        const char *actor, const char *when);

/* How many volunteers are on file (DB_OK) into *n. */
int volunteer_count(struct db *db, int64_t *n);

/* Teams by name, retired too when with_retired. Free with record_array_free(). */
int team_list(struct db *db, int with_retired, struct team **out, size_t *n);
int team_get(struct db *db, int64_t id, struct team *out);
int team_find(struct db *db, const char *name, struct team *out);
/*
** Create or edit a team as actor: DB_OK, DB_INVALID (*why says why: a
** cycle, an unknown parent; translated, borrowed), DB_DUPLICATE (name),
** DB_CONFLICT, DB_DENIED or an error.
*/
int team_save(struct db *db, struct team *t, const char *actor, const char **why);
int team_set_retired(struct db *db, struct team *t, int retired, const char *actor,
                     struct team *current);

/*
** The members of a team (with those who left too when with_past), current
** ones first by name. Free with record_array_free().
*/
int team_members(struct db *db, int64_t team_id, int with_past, struct team_member **out,
                 size_t *n);
int team_member_get(struct db *db, int64_t id, struct team_member *out);
/*
** Add a volunteer to a team (m->id 0) or change a stint's dates (left_on
** set when the volunteer leaves), as actor: DB_OK, DB_INVALID (*why:
** dates, joined before the volunteer registered, or a member already; and
** *field, when field is not NULL, the record field at fault: "joined",
** "left_on" or "volunteer_id"), DB_CONFLICT, DB_DENIED or an error.
*/
int team_member_save(struct db *db, struct team_member *m, const char *actor, const char **why,
                     const char **field);

#endif
