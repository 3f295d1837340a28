/*
** volunteer_bulk: loading a district's volunteers into an empty register
** at once (the demo's 110,000): one transaction, one prepared INSERT, the
** search keys of every name collected in memory and written in key order
** as whole posting-list chunks (db/key_tables.h), as the residents' bulk
** loader does; the teams and their members with them.
*/
#ifndef BANGBAN_VOLUNTEER_BULK_H
#define BANGBAN_VOLUNTEER_BULK_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "db/resident_bulk.h"
#include "src/volunteer.h"

/* A team to create: parent an index into the same teams (below this one), or -1. */
struct volunteer_bulk_team {
    const char *name;
    int parent;
    int64_t community_id; /* 0: none */
    const char *founded;  /* YYYY-MM-DD */
    const char *staff;
};

/*
** Load teams[0..nteams) and the volunteers v[0..n) into a register holding
** no volunteer and no team, as actor, in one transaction with one audit
** row. Each volunteer must be valid with its number, and numbers and ID
** numbers unique; resident_id is stored as it is (the caller links).
** v[i].id is set (1 .. n). team_of[i] (team_of may be NULL) is the team
** volunteer i joined on the day registered, or -1; a team's first member
** leads it. progress (may be NULL) is told how far it has come. Returns
** DB_OK, DB_INVALID when the register is not empty, DB_DENIED when actor
** may not log volunteer hours, or an error; then nothing was written.
*/
int volunteer_bulk_load(struct db *db, const char *actor, const struct volunteer_bulk_team *teams,
                        size_t nteams, struct volunteer *v, const int *team_of, size_t n,
                        bulk_progress progress, void *ctx);

#endif
