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

/* Record a day (replacing what the day held) or remove it. Returns DB_OK or an error. */
int calendar_set(struct db *db, const char *day, int working, const char *name);
int calendar_remove(struct db *db, const char *day);

#endif
