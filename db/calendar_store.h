/*
** calendar_store: the working-day calendar in the database: the holidays
** and 调休 working days (table calendar) and the working hours (a setting,
** db/settings_store.h), loaded into a src/workcal.h calendar for deadlines.
*/
#ifndef BANGBAN_CALENDAR_STORE_H
#define BANGBAN_CALENDAR_STORE_H

#include <stddef.h>

#include "db/db.h"
#include "src/workcal.h"

struct calendar_days {
    struct calendar_day *v;
    size_t n;
};

/* Free the days of a list and empty it. */
void calendar_days_free(struct calendar_days *d);

/*
** Load the calendar: days and working hours. *out is initialised here
** (free with workcal_free()). Returns DB_OK or an error (then *out holds
** the rule alone).
*/
int calendar_load(struct db *db, struct workcal *out);

/*
** The days on record, in order, those starting with prefix ("2026",
** "2026-10"; "" for all). Caller frees with calendar_days_free().
*/
int calendar_list(struct db *db, const char *prefix, struct calendar_days *out);

/* The day on record for day (YYYY-MM-DD) into *out (free with record_free()): DB_OK or DB_NOTFOUND.
 */
int calendar_get(struct db *db, const char *day, struct calendar_day *out);

/* Record a day as actor, replacing what the day held (a ledger's row). Returns DB_OK or an error.
 */
int calendar_set(struct db *db, const char *day, int working, const char *name, const char *actor);

/*
** Save a day from a form as actor, the version checked: was is the date it
** was on file as ("" for a new day); a day moved to another date is the
** old one removed and the new one written, in one transaction. Returns
** DB_OK (d->version set), DB_CONFLICT (someone changed or removed it
** first), DB_DUPLICATE (the date is on record already), or an error.
*/
int calendar_save(struct db *db, struct calendar_day *d, const char *was, const char *actor);

/*
** Record every day from..to (YYYY-MM-DD, inclusive) as working or not,
** named name, replacing what each held, in one transaction, as actor.
** Returns DB_OK or an error (then none of them changed).
*/
int calendar_set_range(struct db *db, struct date from, struct date to, int working,
                       const char *name, const char *actor);

/*
** Record each Saturday and Sunday of year as a rest day named name, in one
** transaction, leaving a day already on record as it is (a 调休 working
** day entered first). *added: how many were new. Returns DB_OK or an error.
*/
int calendar_fill_weekends(struct db *db, int year, const char *name, const char *actor,
                           size_t *added);

/* Remove a day as actor, the version checked: DB_OK, DB_DENIED, DB_CONFLICT or an error. */
int calendar_remove(struct db *db, const struct calendar_day *d, const char *actor);

#endif
