/*
** audit_store: the audit log (操作日志): an append-only record of who did
** what, when and from which terminal. Reveals of a full number, unmasked
** exports and imports write here, in the same transaction as what they
** record.
*/
#ifndef BANGBAN_AUDIT_STORE_H
#define BANGBAN_AUDIT_STORE_H

#include "db/db.h"
#include "src/audit.h"

#include <time.h>

/*
** Append a row to the audit log: who (actor, and the terminal it came
** from), what (action), to what (subject, e.g. "resident:12"; never an ID
** number) and detail. Joins the caller's transaction when one is open.
** Returns DB_OK or the error.
*/
int audit_append(struct db *db, const char *actor, const char *action, const char *subject,
                 const char *detail);

/*
** A full number shown to actor: field ("phone", "id_number") of subject
** (e.g. "organisation:7") and the reason, written to the log when actor's
** role may reveal numbers. Returns DB_OK, DB_INVALID (no reason),
** DB_DENIED (the role may not) or the error.
*/
int audit_reveal(struct db *db, const char *actor, const char *subject, const char *field,
                 const char *reason);

/* What audit_verify() found. */
enum audit_damage {
    AUDIT_SOUND,    /* every row in its place, the chain whole to the head kept beside it */
    AUDIT_CHANGED,  /* row seq's hash does not match: it, or one before it, was changed */
    AUDIT_REMOVED,  /* rows before seq are missing (the numbers jump) */
    AUDIT_UNSEALED, /* row seq has no hash: written behind bangban's back */
    AUDIT_CUT,      /* the chain ends before the head kept beside it: its last rows are gone */
};

struct audit_verdict {
    enum audit_damage damage;
    int64_t rows;  /* rows walked */
    int64_t seq;   /* where the damage was found (AUDIT_SOUND: the last row) */
    char head[65]; /* the hash the chain ends with */
};

/*
** Walk the audit log in order, checking every row's hash against the one
** before it, the numbers running on without a gap, and the last row
** against the head kept in meta. Returns DB_OK with *v (damage or not), or
** an error reading.
*/
int audit_verify(struct db *db, struct audit_verdict *v);

/* Which rows of the log a list shows (NULL or 0: any). */
struct audit_filter {
    const char *text;    /* a piece of who, what, the record or the detail */
    const char *actor;   /* exactly who */
    const char *action;  /* exactly what (its code) */
    const char *subject; /* the record, or the start of it ("resident:" for every resident) */
    time_t from, to;     /* written in [from, to) */
};

/*
** The rows f keeps, newest first, at most limit, into *items (caller frees
** with record_array_free(&audit_entry_record, ...)); *total counts them up
** to a cap (*more set when there are more). Read for actor, whose role must
** see the audit log. DB_OK, DB_DENIED (nothing read), or an error.
*/
int audit_list(struct db *db, const char *actor, const struct audit_filter *f, size_t limit,
               struct audit_entry **items, size_t *n, int64_t *total, int *more);

/* Seal the rows written before the chain (migration 10): DB_OK or an error. */
int audit_seal(struct db *db);

#endif
