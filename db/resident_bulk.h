/*
** resident_bulk: loading many residents into an empty register at once
** (a first ledger import, a demo district). Row-by-row maintenance of
** search indexes is what makes bulk loads slow, so here the indexes on
** the resident table are dropped and rebuilt at the end (an exclusive
** load: the demo; a shared one, an import, keeps the unique ones), the search keys
** of every name are collected in memory, sorted, and written in key order
** as whole posting-list chunks. An exclusive load is one
** transaction: a failed load leaves the register as it was.
*/
#ifndef BANGBAN_RESIDENT_BULK_H
#define BANGBAN_RESIDENT_BULK_H

#include <stddef.h>

#include "db/db.h"
#include "src/resident.h"

struct resident_bulk;

/* Progress of the last steps: called with what is being done, in the clerk's language. */
typedef void (*bulk_progress)(void *ctx, const char *step, size_t done, size_t total);

/*
** Start a bulk load as actor. Returns DB_OK with *out, DB_INVALID when
** the register already holds residents (load those row by row instead),
** or DB_BUSY / DB_ERROR.
*/
int resident_bulk_begin(struct db *db, const char *actor, struct resident_bulk **out);

/*
** The same for a load while desks work (a ledger import): the WAL and the
** resident table's unique indexes stay, and the rows are committed every
** fifth of a second, each batch letting go of the lock a moment, so a desk
** opened meanwhile searches and saves without waiting more than that. The
** other indexes are dropped for the load (a desk's lookup by phone scans
** meanwhile) and built at the end, each in a short transaction of its
** own; then the search keys are written in one short transaction, taking
** in what desks filed meanwhile. A load stopped halfway keeps the batches
** it committed, their indexes built and keys filed by
** resident_keys_repair() (abort calls it; after a kill, the next import
** does). The first batch holds an audit row
** "import-begun" with begun (the ledger, as the audit shows it), so rows
** committed before a kill are on record. The register may hold up to
** on_file_max residents already (the rows of those are left out: see
** resident_bulk_hold_left_out()). Returns as resident_bulk_begin().
*/
int resident_bulk_begin_shared(struct db *db, const char *actor, const char *begun,
                               int64_t on_file_max, struct resident_bulk **out);

/*
** The rows a shared load has committed so far (an exclusive one: 0 until
** finished); *left_out gets the rows it left out before them (see
** resident_bulk_left_out()).
*/
size_t resident_bulk_committed(const struct resident_bulk *b, size_t *left_out);

/*
** The rows a shared load left out and hold did not take: their ID numbers
** were on file (registered before the load, or meanwhile at a desk or by
** another import). Importing the same file again merges each into the
** resident registered.
*/
size_t resident_bulk_left_out(const struct resident_bulk *b);

/*
** Hand each row a shared load leaves out, its ID number on file, to
** hold(ctx, r), which returns 1 when it took a copy of r (to merge once
** the load is finished) or 0 to leave the row out. Called on the thread
** that runs the pump, before the pump returns.
*/
void resident_bulk_hold_left_out(struct resident_bulk *b,
                                 int (*hold)(void *ctx, const struct resident *r), void *ctx);

/*
** When a shared load stopped (its process gone) before its rows' search
** keys were written: build the indexes it dropped and file every resident
** again, in a transaction of its own with an audit row "keys-repair" as
** actor. Does nothing otherwise. Returns DB_OK or an error.
*/
int resident_keys_repair(struct db *db, const char *actor);

/* Non-zero when resident_keys_repair() has work to do: a load stopped before filing its keys. */
int resident_keys_unfiled(struct db *db);

/*
** Where residents come from for resident_bulk_pump(): initialise and fill
** r with the next valid resident and return 1, or return 0 at the end
** (r untouched).
** *done and *total say how far it has come, for progress. It runs in a
** second thread while the first writes the rows, so it must not touch the
** database nor anything the caller reads before the pump returns.
*/
typedef int (*bulk_source)(void *ctx, struct resident *r, size_t *done, size_t *total);

/*
** Load every resident next gives: a second thread reads and checks them
** and works out their search keys while this one writes them. progress
** (may be NULL, called from this thread) gets step "reading". Returns
** DB_OK or an error (then abort).
*/
int resident_bulk_pump(struct resident_bulk *b, bulk_source next, void *ctx, const char *step,
                       bulk_progress progress, void *pctx);

/* Have finish write this row (about every resident) to the audit log before it commits. */
void resident_bulk_audit(struct resident_bulk *b, const char *action, const char *detail);

/* Build the indexes and search tables and commit; frees b. Returns DB_OK or an error (rolled back).
 */
int resident_bulk_finish(struct resident_bulk *b, bulk_progress progress, void *ctx);

/* Give up: roll back and free b. */
void resident_bulk_abort(struct resident_bulk *b);

/*
** File every resident under the pieces of their name longer than 2
** characters (what migration 004 adds to a database written before them),
** inside the caller's transaction. Returns DB_OK or an error.
*/
int resident_file_long_pieces(struct db *db);

/*
** Fold the dots of every name to U+00B7 and file every resident again
** under all their search keys, into empty search tables (what migration
** 009 does), inside the caller's transaction. Returns DB_OK or an error.
*/
int resident_refile(struct db *db);

#endif
