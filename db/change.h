/*
** change: the one way a store writes a record people edit (a unit, an
** item, an area, a resident ...): in one write transaction it checks that
** the acting user's role holds the right the record needs (src/roles.h;
** DB_DENIED and nothing written without it), reads the row as it was,
** writes it, and appends to the audit log what changed, field by field
** (src/audit.h), before the commit. A save that changes nothing people
** see writes no audit row.
*/
#ifndef BANGBAN_CHANGE_H
#define BANGBAN_CHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/record.h"

/* What a store writes: the record's type, how the log names it, the right it needs. */
struct change_kind {
    const struct record_type *type;
    const char *subject; /* the audit log's name of the record: "unit" for "unit:12" */
    unsigned right;      /* RIGHT_* (src/roles.h) a write needs */
    /*
    ** Read row id into out (an uninitialised record): DB_OK, DB_NOTFOUND or
    ** an error. NULL for a record not kept by id (a calendar day): its store
    ** reads it and calls change_audit() itself.
    */
    int (*get)(struct db *db, int64_t id, void *out);
};

/* "unit:12": the audit log's subject for row id of k. Caller frees. */
char *change_subject(const struct change_kind *k, int64_t id);

/*
** Start writing a record of k as actor: a write transaction (or a level
** inside the caller's), the right checked, and, when id is not 0, the row
** as it is now read into before (an uninitialised record of k's type;
** left empty when the row is gone: the write then finds nothing). Returns
** DB_OK with the transaction open (end it with change_save() or
** change_abort()), or DB_DENIED, DB_BUSY or an error with nothing open
** and before zeroed (nothing to free).
*/
int change_begin(struct db *db, const struct change_kind *k, const char *actor, int64_t id,
                 void *before);

/* Give up what change_begin() started: roll back and free before. */
void change_abort(struct db *db, const struct change_kind *k, void *before);

/*
** Inside the transaction: append the audit row for the record subject
** names (change_subject(), or "calendar:2026-10-01" for a record not kept
** by id) written from before (NULL: added) to after: "add" with every
** field it holds, or "edit" with each field that changed (nothing when
** none did). DB_OK or the error.
*/
int change_audit(struct db *db, const struct change_kind *k, const char *actor, const char *subject,
                 const void *before, const void *after);

/* Inside the transaction: append the "remove" row for rec, which subject names. DB_OK or the error.
 */
int change_audit_removed(struct db *db, const struct change_kind *k, const char *actor,
                         const char *subject, const void *rec);

/*
** Finish a write change_begin() started: run st (an INSERT when *id is 0,
** else an UPDATE ... WHERE id = ? AND version = ?), read the row as
** written, append the audit row and commit. Returns DB_OK with *id set
** and *version moved on (1 for a new row); DB_CONFLICT when the update
** found no row of that version, or the error: rolled back. Frees before
** in every case.
*/
int change_save(struct db *db, const struct change_kind *k, const char *actor, struct db_stmt *st,
                int64_t *id, int64_t *version, void *before);

/*
** Retire (retired 1) or restore (0) row id of k, kept in table, checking
** its version, as actor: the right checked, the row updated and the audit
** row appended, in its own write transaction or the caller's. Returns
** DB_OK, DB_DENIED, DB_CONFLICT when the version moved, or the error
** (rolled back).
*/
int change_retire(struct db *db, const struct change_kind *k, const char *actor, const char *table,
                  int64_t id, int64_t version, int retired);

#endif
