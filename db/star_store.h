/*
** star_store: star levels, a volunteer's counted hours and level, the
** stars due and their awards, in the database. Minutes count by the one
** rule of schema 20: confirmed_at <> '' AND counts_from <= today (today
** from src/clock.h), read through the partial index service_record_counted.
** Editing a level and awarding a star need RIGHT_LOG_HOURS and are audited.
*/
#ifndef BANGBAN_STAR_STORE_H
#define BANGBAN_STAR_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/star.h"

/* Every star level, fewest hours first. Free with record_array_free(). DB_OK or an error. */
int star_levels(struct db *db, struct star_level **out, size_t *n);
/* One level by id: DB_OK or DB_NOTFOUND. Free with record_free(). */
int star_level_get(struct db *db, int64_t id, struct star_level *out);

/*
** Create (l->id 0) or edit a level as actor, version checked. DB_OK (id,
** version set), DB_INVALID (*why: star_level_check(), or the levels would
** be out of order: each needs more hours than every level made before it;
** translated, borrowed), DB_DUPLICATE (db_duplicate_field(): name or hours),
** DB_CONFLICT, DB_DENIED or an error.
*/
int star_level_save(struct db *db, struct star_level *l, const char *actor, const char **why);

/* A volunteer's counted minutes and the level they reach. */
struct star_standing {
    int64_t minutes;
    int64_t level_id; /* 0: none reached */
    char level_name[64];
    int64_t level_hours;
};

/*
** The minutes of volunteer_id that count on today (YYYY-MM-DD) and the
** highest level they reach, into *out. DB_OK or an error.
*/
int star_standing_of(struct db *db, int64_t volunteer_id, const char *today,
                     struct star_standing *out);

/*
** The volunteers (not those who left) whose counted minutes on today reach
** a level they do not hold (the highest they reach), by volunteer number.
** Free with record_array_free(&star_due_record, ...). DB_OK or an error.
*/
int stars_due(struct db *db, const char *today, struct star_due **out, size_t *n);

/*
** Award as actor, on today, each of the n volunteers (ids) the highest
** level their counted minutes reach, in one write transaction with an
** audit row each; those who reach none or hold it already are passed
** over. *awarded (may be NULL) counts the awards written. DB_OK, DB_DENIED,
** DB_BUSY or an error (then nothing was written).
*/
int stars_award(struct db *db, const int64_t *ids, size_t n, const char *today, const char *actor,
                size_t *awarded);

/* Whether volunteer_id holds level_id (DB_OK, *held 0 or 1). */
int star_held(struct db *db, int64_t volunteer_id, int64_t level_id, int *held);

#endif
