/*
** resident_store: residents in the database. Search as the clerk types
** (one indexed range read per keystroke, the best 50 first), read, save
** with version checks and a unique ID number, tags, households, and the
** audited reveal of a masked number. The search side tables are kept in
** the same transaction as the row.
*/
#ifndef BANGBAN_RESIDENT_STORE_H
#define BANGBAN_RESIDENT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/audit_store.h"
#include "db/db.h"
#include "src/resident.h"

/* Results of a search. */
struct resident_hits {
    struct resident *items;
    size_t n;
    size_t total; /* how many match, counted up to RESIDENT_COUNT_CAP */
    int more;     /* more than RESIDENT_COUNT_CAP match */
};

#define RESIDENT_COUNT_CAP 1000

/*
** Residents matching what was typed (see src/search.h), best first: the
** whole name, then names starting with it, then the rest, each in pinyin
** order; at most limit. ID and phone numbers come back masked (前3后4) and
** tags without the sensitive ones: lists never hold more. An empty query
** gives the residents registered last. Returns DB_OK or an error.
*/
int resident_search(struct db *db, const char *query, size_t limit, struct resident_hits *out);
void resident_hits_free(struct resident_hits *h);

/* One resident with every field in full, all tags included. DB_OK or DB_NOTFOUND. */
int resident_get(struct db *db, int64_t id, struct resident *out);

/* The resident with this (normalised) ID number. DB_OK or DB_NOTFOUND. */
int resident_get_by_id_number(struct db *db, const char *id_number, struct resident *out);

/*
** Create (r->id == 0) or update a resident as actor. The community and
** grid are taken by id; r->tags (names joined by 、) replace the tags, and
** a tag not known yet is created. Returns:
**   DB_OK        saved; r->id and r->version updated
**   DB_DUPLICATE the ID number is another resident's: *current gets that one
**   DB_CONFLICT  someone saved first: *current gets the stored record
**   DB_NOTFOUND, DB_INVALID, DB_BUSY, DB_FULL, DB_ERROR
** current may be NULL; otherwise the caller frees it on DUPLICATE/CONFLICT.
*/
int resident_save(struct db *db, struct resident *r, const char *actor, struct resident *current);

/*
** For the bulk loader: the INSERT of a resident row with its id given as
** ?21, and binding a record to it (rank from its keys, created/updated as
** actor at when).
*/
extern const char resident_insert_id_sql[];
/* Creating a tag met in a record: ?1 name, ?2 when, ?3 actor; nothing when it exists. */
extern const char resident_tag_create_sql[];
void resident_bind_row(struct db_stmt *st, const struct resident *r, int64_t rank,
                       const char *actor, const char *when);

/*
** Call visit for every resident, by community, grid and pinyin order, with
** every field in full; tags all (with_sensitive) or only the others.
** Stops when visit returns 0. Returns DB_OK or an error.
*/
int resident_each(struct db *db, int with_sensitive,
                  int (*visit)(void *ctx, const struct resident *r), void *ctx);

/* The members of a household (head first, then by pinyin). */
int resident_household(struct db *db, int64_t head_id, struct resident_hits *out);

/* Called with each resident of a sample; the text is valid during the call only. */
typedef void (*resident_sample_visit)(void *ctx, int64_t id, const char *name, const char *phone);

/* Up to max residents spread evenly over the register, each to visit. DB_OK or the error. */
int resident_sample(struct db *db, size_t max, resident_sample_visit visit, void *ctx);

/* How many residents there are, into *n. DB_OK or the error (then *n is 0). */
int resident_count(struct db *db, int64_t *n);

/*
** Record that actor saw the full value of a masked field ("id_number" or
** "phone") of resident id, and why. Returns DB_OK (the caller may then
** show it) or an error (then it must not): DB_INVALID without a reason.
*/
int resident_reveal(struct db *db, int64_t id, const char *field, const char *reason,
                    const char *actor);

/* A tag. */
struct tag_list {
    struct tag *v;
    size_t n;
};

/* The tags, active ones only unless with_retired. */
int tag_list(struct db *db, int with_retired, struct tag_list *out);
void tag_list_free(struct tag_list *l);

/*
** Create a tag (id 0) or change its name / sensitivity / retirement, the
** version checked. DB_DUPLICATE for a taken name, DB_INVALID for one
** resident_check_tag() refuses, DB_CONFLICT when someone changed it first.
*/
int tag_save(struct db *db, struct tag *t, const char *actor);

#endif
