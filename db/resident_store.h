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
#include "db/key_tables.h"
#include "db/resident_tally.h"
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
** The meta key holding, while a shared load runs, its first resident's id:
** its rows are in resident_phone once its end has filled them
** (db/resident_bulk.c); until then the phone search reads them from their
** rows. "" or none when no load runs.
*/
#define RESIDENT_PHONE_UNFILED "resident_phone_unfiled"

/*
** Residents matching what was typed (see src/search.h), best first: the
** whole name, then names starting with it, then the rest, each in pinyin
** order; at most limit. ID and phone numbers come back masked (前3后4) and
** tags without the sensitive ones: lists never hold more. An empty query
** gives the residents registered last. Returns DB_OK or an error.
*/
int resident_search(struct db *db, const char *query, size_t limit, struct resident_hits *out);
void resident_hits_free(struct resident_hits *h);

/* Which residents a search or a list for visits keeps. Zeroed: those on the register. */
struct resident_filter {
    int all;              /* moved out, deceased and merged records too */
    const char *tag;      /* only those carrying this tag (its name); NULL or "": any */
    int64_t community_id; /* only this community's; 0: any */
    int64_t grid_id;      /* only this grid's; 0: any */
    const char *address;  /* only addresses holding this fragment; NULL or "": any */
    int with_requests;    /* only those who raised a request (a search for their requests) */
};

/* True when f keeps fewer than all those on the register by tag, area or address. */
int resident_filter_narrows(const struct resident_filter *f);

/*
** resident_search(), keeping only the residents filter keeps (NULL: those
** on the register). With nothing typed and a filter that narrows, the
** residents it keeps by grid, address and pinyin (a list for visits).
*/
int resident_search_filtered(struct db *db, const char *query, size_t limit,
                             const struct resident_filter *filter, struct resident_hits *out);

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
** As resident_save() (current NULL), for an import row by row: a new
** resident's search keys are filed in later, not written, and are found
** once resident_keys_add() writes them, as the import's batch commits; a
** changed resident's are written at once.
*/
int resident_save_keys_later(struct db *db, struct resident *r, const char *actor,
                             struct key_tables *later);

/*
** Write the keys resident_save_keys_later() filed in later, in the caller's
** transaction, each posting-list chunk they fall in written once, and empty
** later. DB_OK or an error.
*/
int resident_keys_add(struct db *db, struct key_tables *later);

/* Creating a tag met in a record: ?1 name, ?2 when, ?3 actor; nothing when it exists. */
extern const char resident_tag_create_sql[];

/* A time as a resident row keeps it, worked out once for many rows (when is borrowed). */
struct resident_stamp {
    const char *when; /* YYYY-MM-DD HH:MM:SS */
    int64_t secs;     /* when exact: the seconds it names read as UTC */
    int exact;        /* 0: the row keeps the text itself */
};
void resident_stamp_of(const char *when, struct resident_stamp *out);

/* The parameters of each row in resident_insert_rows_sql(). */
#define RESIDENT_ROW_PARAMS 19

/*
** What one row of one statement of resident_insert_rows_sql() holds
** between uses (resident_bind_nth()): room for its ID number and phone
** reversed, bound without a copy, and which of its parameters hold ""
** or NULL already, not bound again. Zeroed before the first use.
*/
struct resident_slot {
    char id[64], phone[64];
    uint32_t empty, null; /* bit j: parameter j of the row holds "" / NULL */
};

/*
** For the bulk loader: the INSERT of n resident rows in one statement,
** each row's id (NULL: SQLite gives the next) and fields as parameters
** RESIDENT_ROW_PARAMS * i + 1 ..., and the time and actor all the rows
** share after them (resident_bind_common()). SQLite gives NULL ids in the
** rows' order, one after another. It is INSERT OR FAIL: a row refused
** leaves the rows before it written (their number is the statement's
** changes), for the caller to keep or roll back (and SQLite keeps no
** statement journal, which for many rows spills to a temporary file). The
** caller frees the text.
*/
char *resident_insert_rows_sql(size_t n);

/*
** Bind to a statement of resident_insert_rows_sql(n) the time and actor
** of its n rows: bound without a copy, they must stay as they are while
** the statement is used (bindings last across resets).
*/
void resident_bind_common(struct db_stmt *st, size_t n, const char *actor,
                          const struct resident_stamp *when);

/*
** Bind row i (from 0) of a statement of resident_insert_rows_sql(): id
** (0: NULL) and r's fields with rank from its keys. r's text, and slot
** where its ID number and phone are reversed, are bound without a copy:
** they must stay as they are until the statement is stepped and reset.
** slot is this row's of this statement, every time.
*/
void resident_bind_nth(struct db_stmt *st, size_t i, const struct resident *r, int64_t rank,
                       int64_t id, struct resident_slot *slot);

/*
** Call visit for every resident filter keeps (NULL: every record, whatever
** its status), by community, grid, address and pinyin order, with every
** field in full; tags all (with_sensitive) or only the others. Stops when
** visit returns 0. Returns DB_OK or an error.
*/
int resident_each(struct db *db, int with_sensitive, const struct resident_filter *filter,
                  int (*visit)(void *ctx, const struct resident *r), void *ctx);

/*
** Put resident id (as read at version) in status to (resident.h: moved
** out, deceased, or back on the register), on date, moved to place, for
** reason, as actor: one transaction with its audit row. Returns DB_OK,
** DB_INVALID (resident_status_check() refuses: *why says why, borrowed),
** DB_CONFLICT (someone changed the record first), DB_NOTFOUND or an error.
*/
int resident_set_status(struct db *db, int64_t id, int64_t version, enum resident_status to,
                        const char *date, const char *place, const char *reason, const char *actor,
                        const char **why);

/*
** Merge resident other_id (as read at other_version) into keep (the kept
** record as the clerk chose its fields, keep->version as read), as actor,
** in one transaction: keep is saved, other's requests, tags and household
** members follow it, other is marked merged into keep, and the audit log
** says what was taken from where (taken: the labels of the fields taken
** from other, may be ""). Two different valid ID numbers are refused
** unless ids_confirmed. Returns DB_OK, DB_INVALID (*why says why,
** borrowed), DB_CONFLICT (either changed since read), DB_DUPLICATE, or an
** error; nothing is written unless DB_OK.
*/
int resident_merge(struct db *db, struct resident *keep, int64_t other_id, int64_t other_version,
                   const char *taken, int ids_confirmed, const char *actor, const char **why);

/* What is wrong with a merge left in the records (resident_merges_astray()). */
enum merge_damage {
    MERGE_NO_TARGET,       /* merged into nothing, into a record not on file, or into itself */
    MERGE_INTO_MERGED,     /* merged into a record that was itself merged away */
    MERGE_NOT_MERGED,      /* says what it was merged into, but is not marked merged */
    MERGE_KEEPS_REQUESTS,  /* merged away, yet requests still name it */
    MERGE_HEADS_HOUSEHOLD, /* merged away, yet other residents' household head */
};

/*
** How the residents found by phone (resident_phone) stand against their
** rows: *missing, the residents with a phone no entry finds (those of a
** load whose end has not filed them yet aside: RESIDENT_PHONE_UNFILED);
** *stray, the entries naming a phone their resident no longer has.
** DB_OK or an error.
*/
int resident_phones_astray(struct db *db, int64_t *missing, int64_t *stray);

/*
** Inside the caller's transaction: every resident with a phone filed under
** it (resident_phone), from their rows; those filed already are left. DB_OK
** or an error.
*/
int resident_phones_file(struct db *db);

/*
** File every resident under their phone again, from their rows, in one
** write audited as actor. DB_OK or an error (nothing written).
*/
int resident_phones_refile(struct db *db, const char *actor);

/*
** Call visit for each resident whose merge left the records inconsistent
** (what, as above). Returns DB_OK or an error.
*/
int resident_merges_astray(struct db *db,
                           void (*visit)(void *ctx, int64_t id, const char *name,
                                         enum merge_damage what),
                           void *ctx);

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

/* One tag into *out (free with record_free(&tag_record, ...)): DB_OK, DB_NOTFOUND or an error. */
int tag_get(struct db *db, int64_t id, struct tag *out);

/*
** Create a tag (id 0) or change its name / sensitivity / retirement, the
** version checked, as actor, whose role must edit the catalogue (logged
** with what changed). DB_DUPLICATE for a taken name, DB_INVALID for one
** resident_check_tag() refuses, DB_CONFLICT when someone changed it first,
** DB_DENIED without the right.
*/
int tag_save(struct db *db, struct tag *t, const char *actor);

#endif
