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
};

/*
** Seed the district into db (which must hold no streets yet), all in one
** transaction, as actor. Returns DB_OK and fills *report, or an error
** code with *err set (caller frees); then nothing was written.
*/
int demo_seed(struct db *db, const char *actor, struct demo_report *report, char **err);

/*
** Fill the demo district with n generated residents (see namegen_resident():
** realistic names, valid and unique ID numbers), spread over its grids,
** through the bulk loader. The register must be empty and the district
** seeded. progress (may be NULL) is told how far it has come. Returns
** DB_OK or an error with *err set (caller frees); then nothing was written.
*/
int demo_residents(struct db *db, size_t n, const char *actor,
                   void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                   void *ctx, char **err);

/*
** Fill the demo district with n requests taken down over the last `years`
** years (src/reqgen.h), with their timelines and evening-talk sessions.
** The district and its catalogue must be there; residents, if any, are
** the requesters. Committed in steps of 20,000. Returns DB_OK or an error
** with *err set (caller frees).
*/
int demo_requests(struct db *db, size_t n, int years, const char *actor,
                  void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                  void *ctx, char **err);

#endif
