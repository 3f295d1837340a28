/*
** post_store: blocks (片) and posts (岗位) in the database (src/post.h).
** Every write checks RIGHT_EDIT_AREAS and is audited (db/change.h) in its
** own transaction; a hand-over closes one post and opens the next in one.
** Posts are never deleted, and a post's past stays as it was: "who was
** 楼长 of a building on a day" is read back from the rows.
*/
#ifndef BANGBAN_POST_STORE_H
#define BANGBAN_POST_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/post.h"

/* --- blocks ---------------------------------------------------------------------------------- */

/*
** Blocks whose name or code holds query, or whose pinyin starts with it
** ("" for all), retired ones too when with_retired, by code, into *out
** and *n (free with record_array_free(&block_record, ...)). DB_OK or the error.
*/
int block_list(struct db *db, const char *query, int with_retired, struct block **out, size_t *n);

/* One block by id into *out (free with record_free()). DB_OK or DB_NOTFOUND. */
int block_get(struct db *db, int64_t id, struct block *out);

/*
** Create (b->id 0) or update a block as actor, the version checked, with
** its members: the codes in b->members (separated by 、, commas or
** spaces), each a building or a grid of the block's street; a building or
** grid named here leaves the block it was in. DB_OK (b->id, b->version
** set; b->members rewritten as stored), DB_DUPLICATE (the code is taken),
** DB_CONFLICT, DB_INVALID (the street is retired or gone, or a member is
** no active building or grid of the street: *bad, when not NULL, gets
** its code; caller frees), DB_DENIED, or an error.
*/
int block_save(struct db *db, struct block *b, const char *actor, char **bad);

/* Retire (1) or restore (0) a block, the version checked. DB_OK, DB_CONFLICT or an error. */
int block_set_retired(struct db *db, struct block *b, int retired, const char *actor);

/* --- posts ----------------------------------------------------------------------------------- */

/* Why post_save() or post_handover() refused with DB_INVALID. */
enum post_refusal {
    POST_REFUSED_NONE,
    POST_REFUSED_DATES,   /* post_check_dates() or post_check_handover() says why */
    POST_REFUSED_PLACE,   /* the place is gone or retired */
    POST_REFUSED_STAFF,   /* the holder is gone or retired, or the same person as before */
    POST_REFUSED_OVERLAP, /* another post of the kind over the place overlaps: clash names it */
};

struct post_why {
    enum post_refusal reason;
    int64_t clash; /* POST_REFUSED_OVERLAP: the other post's id */
};

/* Which posts post_list() reads. */
struct post_filter {
    int kind;  /* enum post_kind, or -1 for every kind */
    int place; /* enum post_place with place_id, or -1 for every place */
    int64_t place_id;
    int64_t staff_id;  /* 0: anyone's */
    int current_only;  /* held on today (clock) only */
    const char *query; /* a fragment of the holder's or the place's name, or pinyin; NULL: all */
};

/*
** Posts as filter says, the running first, then by place code and
** newest start, into *out and *n (free with record_array_free(&post_record,
** ...)). DB_OK or the error.
*/
int post_list(struct db *db, const struct post_filter *filter, struct post **out, size_t *n);

/* One post by id into *out (free with record_free()). DB_OK or DB_NOTFOUND. */
int post_get(struct db *db, int64_t id, struct post *out);

/*
** Create (p->id 0) or update a post as actor, the version checked: its
** dates must be in order and no post of the same kind over the same place
** may share a day with it (for a kind held by several, the same person's).
** DB_OK (p->id, p->version set), DB_INVALID (why says why), DB_CONFLICT,
** DB_DENIED, or an error.
*/
int post_save(struct db *db, struct post *p, const char *actor, struct post_why *why);

/*
** Hand post old (its id and version) over on day to staff member to_staff:
** in one transaction old ends on day and a new post of its kind over its
** place starts on day for to_staff, appointed by appointed_by, carrying
** note and naming old as the post it took over. All or nothing. DB_OK
** (*new_id, when not NULL, gets the new post's id), DB_INVALID (why says
** why), DB_CONFLICT (old changed since it was read), DB_DENIED, or an error.
*/
int post_handover(struct db *db, const struct post *old, const char *day, int64_t to_staff,
                  const char *appointed_by, const char *note, const char *actor, int64_t *new_id,
                  struct post_why *why);

/*
** The post of kind over place place_id held by staff_id from start_on (a
** ledger row's key) into *out (free with record_free()). DB_OK or DB_NOTFOUND.
*/
int post_find_of(struct db *db, int kind, int64_t place_id, int64_t staff_id, const char *start_on,
                 struct post *out);

/*
** The same held from start_on by a staff member named name (the first
** such post on file): how a ledger row is known whose holder's phone is
** left out or new. DB_OK or DB_NOTFOUND.
*/
int post_find_named(struct db *db, int kind, int64_t place_id, const char *name,
                    const char *start_on, struct post *out);

/* The active place a post of kind is over whose code is code: DB_OK with *id, or DB_NOTFOUND. */
int post_place_find(struct db *db, int kind, const char *code, int64_t *id);

/*
** The first other post (not p->id) of p's kind over p's place sharing a
** day with p, as post_save() refuses it: its id, 0 when none, -1 on an error.
*/
int64_t post_overlapping(struct db *db, const struct post *p);

/*
** Who held a post of kind over place place_id on day (YYYY-MM-DD): the
** post into *out (free with record_free()). DB_OK, DB_NOTFOUND when nobody
** did, or an error. For a kind several hold, the one who started first.
*/
int post_holder_on(struct db *db, enum post_kind kind, int64_t place_id, const char *day,
                   struct post *out);

/*
** The hand-overs of a period: the posts that took another over (handed_from
** set) starting from from up to to (YYYY-MM-DD, both days in), by day,
** into *out and *n (free with record_array_free(&post_record, ...)); and,
** when ended is not NULL, the posts that ended in the period with nobody
** taking them over, into *ended and *nended. DB_OK or the error.
*/
int post_handovers(struct db *db, const char *from, const char *to, struct post **out, size_t *n,
                   struct post **ended, size_t *nended);

/* --- coverage -------------------------------------------------------------------------------- */

/* What a street's party office checks every month (report coverage). */
enum coverage_section {
    COVER_BUILDING_NO_CHIEF, /* commercial buildings without a 楼长 today */
    COVER_GRID_NO_WORKER,    /* grids without a 网格员 today */
    COVER_STREET_NO_CHIEF,   /* streets without a 街长 today */
    COVER_OVERLOADED,        /* staff who are 楼长 of more buildings than the load */
    COVER_ENDING,            /* running posts whose end falls within 30 days */
    COVER_SECTION_COUNT
};

struct coverage_row {
    char *code;   /* the place's code; the staff member's phone for COVER_OVERLOADED */
    char *name;   /* the place's or the person's name */
    char *detail; /* the street; the number of buildings; the post, its holder and end */
};

struct coverage {
    struct coverage_row *rows[COVER_SECTION_COUNT];
    size_t n[COVER_SECTION_COUNT];
};

/*
** The coverage on day (YYYY-MM-DD) with load buildings a 楼长 may hold,
** into *out (free with coverage_free()). DB_OK or the error.
*/
int coverage_read(struct db *db, const char *day, int load, struct coverage *out);
void coverage_free(struct coverage *c);

#endif
