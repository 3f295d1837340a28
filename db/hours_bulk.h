/*
** hours_bulk: years of volunteer activities and service records written at
** once, for the demo and the benches: what the generator needs to read
** (the volunteers with their team and registration day, the teams, the
** closed requests a record may name), and a loader that writes the
** activities and then the records a generator hands it, with prepared
** statements in one transaction. The service record's indexes are dropped
** for the load and made again after it (their definitions read from the
** database itself, so a later migration's index is kept), which sorts
** once instead of updating four B-trees in random order per row.
*/
#ifndef BANGBAN_HOURS_BULK_H
#define BANGBAN_HOURS_BULK_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "db/db.h"
#include "db/resident_bulk.h"

/* A volunteer as the generator sees it. */
struct hours_bulk_volunteer {
    int64_t id;
    int64_t team_id; /* the first team joined; 0 when none */
    char registered_on[11];
};

/* A team: its id and the name of its community ("" for the association). */
struct hours_bulk_team {
    int64_t id;
    char *community;
};

/* A request closed (已办结): when it was taken down and when closed. */
struct hours_bulk_request {
    int64_t id;
    time_t taken, closed;
};

/*
** The volunteers in the register (status 在册 or 暂停), the teams, and the
** requests closed (已办结) in the order they were taken down, into the out
** arrays (caller frees each; each team's community too with
** hours_bulk_teams_free()). DB_OK or an error.
*/
int hours_bulk_volunteers(struct db *db, struct hours_bulk_volunteer **out, size_t *n);
int hours_bulk_teams(struct db *db, struct hours_bulk_team **out, size_t *n);
void hours_bulk_teams_free(struct hours_bulk_team *t, size_t n);
int hours_bulk_closed_requests(struct db *db, struct hours_bulk_request **out, size_t *n);

/* An activity to write: ids are given, 1 .. n in order. */
struct hours_bulk_activity {
    int64_t team_id;
    const char *name;
    int64_t category_id; /* 1 .. the seeded categories */
    const char *place;
    char starts_at[17], ends_at[17];
    const char *status; /* "ended" ... */
    const char *kind;   /* "service" or "training" */
};

/* A service record to write. Text is borrowed for the call. */
struct hours_bulk_record {
    int64_t volunteer_id, activity_id;
    char day[11];
    char sign_in[6], sign_out[6];
    int minutes;
    char confirmed_at[20]; /* "" when not confirmed */
    const char *confirmed_by;
    char counts_from[11];
    const char *late_reason; /* "" or why it was entered late */
    int64_t request_id;      /* 0: none */
};

/* The next record into *r: 1, or 0 when there are no more. */
typedef int (*hours_bulk_next)(void *ctx, struct hours_bulk_record *r, size_t *done, size_t *total);

/*
** Write n activities and every record next gives, as actor (who needs
** RIGHT_LOG_HOURS), in one transaction with an audit row; *written counts
** the records. DB_OK, DB_INVALID when the database holds activities or
** service records already (nothing written), DB_DENIED or an error
** (nothing written).
*/
int hours_bulk_load(struct db *db, const char *actor, const struct hours_bulk_activity *acts,
                    size_t n, hours_bulk_next next, void *ctx, size_t *written,
                    bulk_progress progress, void *pctx);

#endif
