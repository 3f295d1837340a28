/*
** resident_tally: how many residents the register holds, by status, kept
** in the table resident_tally (db/migrations/022_resident_tally.sql) by
** every write that adds a resident or changes one's status, in the same
** transaction. The home screen and an empty search read it instead of
** counting every resident, so they cost the same at 3.5 million
** residents as at a few thousand.
*/
#ifndef BANGBAN_RESIDENT_TALLY_H
#define BANGBAN_RESIDENT_TALLY_H

#include "db/db.h"
#include "src/resident.h"

#include <stdint.h>

/* The residents of each status (indexed by enum resident_status). */
struct resident_tally {
    int64_t n[RESIDENT_MERGED + 1];
};

/* The sum of every status of t: every record the register holds. */
int64_t resident_tally_total(const struct resident_tally *t);

/* Read the tally into *out. DB_OK or the error (then *out is all 0). */
int resident_tally_read(struct db *db, struct resident_tally *out);

/*
** Inside the caller's write transaction: one resident moved from status
** from to status to; from -1 for a resident just added. DB_OK or the error
** (the caller rolls back).
*/
int resident_tally_shift(struct db *db, int from, enum resident_status to);

/*
** Inside the caller's write transaction: n residents of status s added at
** once (a batch of an import). DB_OK or the error.
*/
int resident_tally_add(struct db *db, enum resident_status s, int64_t n);

/*
** Inside the caller's write transaction, after a bulk load into an empty
** register (every row it wrote is present): set the tally from one count
** of the rows. DB_OK or the error.
*/
int resident_tally_loaded(struct db *db);

/*
** Count the register again and call visit for each status whose tally
** disagrees: what is kept and what was counted. Returns DB_OK or the error.
*/
int resident_tally_astray(struct db *db,
                          void (*visit)(void *ctx, enum resident_status s, int64_t kept,
                                        int64_t counted),
                          void *ctx);

/*
** In a write transaction of its own: set the tally to a fresh count of the
** register, audited as actor's. DB_OK or the error (nothing written).
*/
int resident_tally_recount(struct db *db, const char *actor);

#endif
