/*
** hours_ledger_store: service records as the hours ledger (src/hours_ledger.h)
** reads and writes them: the activity a row names by name and day, the
** record a row names (volunteer, activity, day, sign-in), the volunteer's
** other pairs of that day for the pair rules, writing one record inside
** the importer's transaction, and every record for the export. SQL and
** nothing else; the caller checks rights and keeps the audit log.
*/
#ifndef BANGBAN_HOURS_LEDGER_STORE_H
#define BANGBAN_HOURS_LEDGER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/hours.h"
#include "src/hours_ledger.h"

/*
** The activity called name that runs on day (YYYY-MM-DD between its start's
** and end's days), not cancelled: DB_OK with *id, DB_NOTFOUND when none
** does, DB_DUPLICATE when several do (*id the first), or an error.
*/
int hours_ledger_activity(struct db *db, const char *name, const char *day, int64_t *id);

/*
** The service record of volunteer_id at activity_id on day signed in at
** sign_in, as a ledger row, into out (initialised here; free with
** record_free()): DB_OK or DB_NOTFOUND.
*/
int hours_ledger_find(struct db *db, int64_t volunteer_id, int64_t activity_id, const char *day,
                      const char *sign_in, struct hours_entry *out);

/*
** The volunteer's pairs on day, but the record skip_id (0: none), into
** *out (n of them; caller frees). DB_OK or an error.
*/
int hours_ledger_pairs(struct db *db, int64_t volunteer_id, const char *day, int64_t skip_id,
                       struct hours_pair **out, size_t *n);

/*
** Inside the caller's write transaction, insert e (e->id 0) or update the
** record e->id at e->version, as actor: its ids, times, minutes,
** confirmation (confirmed_at the day at 00:00:00, counts_from as e says),
** late reason and request, with its audit row (old values kept). DB_OK
** (e->id set), DB_CONFLICT or an error.
*/
int hours_ledger_write(struct db *db, struct hours_entry *e, const char *actor);

/*
** Call visit with every service record signed out (served: not one still
** on duty) as a ledger row, by day, volunteer number and sign-in (the
** entry borrowed for the call); stops when visit returns 0. DB_OK or an
** error.
*/
int hours_ledger_each(struct db *db, int (*visit)(void *ctx, const struct hours_entry *e),
                      void *ctx);

#endif
