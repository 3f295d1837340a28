/*
** audit_store: the audit log (操作日志): an append-only record of who did
** what, when and from which terminal. Reveals of a full number, unmasked
** exports and imports write here, in the same transaction as what they
** record.
*/
#ifndef BANGBAN_AUDIT_STORE_H
#define BANGBAN_AUDIT_STORE_H

#include "db/db.h"

/*
** Append a row to the audit log: who (actor, and the terminal it came
** from), what (action), to what (subject, e.g. "resident:12"; never an ID
** number) and detail. Joins the caller's transaction when one is open.
** Returns DB_OK or the error.
*/
int audit_append(struct db *db, const char *actor, const char *action, const char *subject,
                 const char *detail);

#endif
