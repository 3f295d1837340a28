/*
** demo: fill an empty database with the seed district, a plausible
** Heping District (Tianjin): its six streets, their communities, 352 grids
** with grid workers, and 57 commercial buildings; the call platform's
** units and 176-item service catalogue, the 2024-2026 holidays, the desk's
** settings and a few evening-talk sessions (the CSV files in db/seed/). Names are made up to
** look real and the database is marked as demo data (meta demo=1).
** Every count comes from the tables in demo.c, none is a constant.
*/
#ifndef BANGBAN_DEMO_H
#define BANGBAN_DEMO_H

#include "db/db.h"

/* What demo_seed() created. */
struct demo_report {
    int streets, communities, grids, buildings;
    int units, items, days, talks; /* the call platform: catalogue, calendar days, evening talks */
    int staff, blocks, posts, handovers; /* the people posted over places */
};

/*
** Inside demo_seed()'s transaction: the demo's staff (96 党建社工, 108
** 党建指导员, street cadres, and the grids' workers), two blocks a street,
** and their posts: a 街长 per street, a 片长 per block, a 楼长 and a
** 楼宇指导员 per commercial building (some handed over in 2025, one
** building left without its 楼长, two posts ending within 30 days), and
** each grid's 网格员. Counts into *report; DB_OK or an error with *err set.
*/
int demo_posts(struct db *db, const char *actor, struct demo_report *report, char **err);

/*
** Seed the district into db (which must hold no streets yet), all in one
** transaction, as actor. Returns DB_OK and fills *report, or an error
** code with *err set (caller frees); then nothing was written.
*/
int demo_seed(struct db *db, const char *actor, struct demo_report *report, char **err);

/* What demo_residents() and demo_requests() did. */
struct demo_run {
    size_t total;  /* the generation's size (an earlier run's own, when finishing it) */
    int years;     /* requests: over how many years */
    size_t before; /* stored by an earlier run already (killed halfway, or whole); 0: a new run */
};

/*
** Fill the demo district with n generated residents (see namegen_resident():
** realistic names, valid and unique ID numbers), spread over its grids,
** through the bulk loader, in one transaction that also notes it was done.
** The register must be empty and the district seeded, unless an earlier
** demo made its residents (run->before: how many; nothing is done: a rerun
** after a kill goes on to the requests). progress (may be NULL) is told how
** far it has come. Returns DB_OK with *run, or an error with *err set
** (caller frees); then nothing was written.
*/
int demo_residents(struct db *db, size_t n, const char *actor,
                   void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                   void *ctx, struct demo_run *run, char **err);

/*
** Fill the demo district with n requests taken down over the last `years`
** years (src/reqgen.h), with their timelines and evening-talk sessions.
** The district and its catalogue must be there; residents, if any, are
** the requesters. Committed in steps of 20,000, each step noting how far
** it came: when a run was killed halfway, this finishes that run (its own
** n and years, the same requests) instead. Returns DB_OK with *run, or an
** error with *err set (caller frees).
*/
int demo_requests(struct db *db, size_t n, int years, const char *actor,
                  void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                  void *ctx, struct demo_run *run, char **err);

#endif
