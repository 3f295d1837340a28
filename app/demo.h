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

#include <time.h>

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
** Fill the demo district's commercial buildings with n generated
** organisations (made-up names, valid and unique credit codes, contacts,
** floors, party organisations and stability grades; about one in twenty
** has moved out), in one transaction with their search keys. Nothing is
** done when organisations are on file already (run->before: how many).
** Returns DB_OK with *run, or an error with *err set (caller frees); then
** nothing was written.
*/
int demo_organisations(struct db *db, size_t n, const char *actor,
                       void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                       void *ctx, struct demo_run *run, char **err);

/* How many organisations the demo district holds unless told otherwise. */
#define DEMO_ORGANISATIONS 3000

/*
** A year of visits by the demo's building chief (login chief) to their
** buildings and the organisations in them, about two a month, as chief,
** up to now, in one transaction. Nothing is done when visits are on file
** already, or the district has no chief with buildings. DB_OK with *made
** (the visits added), or an error with *err (caller frees).
*/
int demo_visits(struct db *db, time_t now, size_t *made, char **err);

/*
** The problems the demo's building chief (login chief) raised on visits:
** each request of the request history (demo_requests()) taken down through
** the 楼长 channel in the chief's buildings in the year up to now, and not
** yet linked to a visit, gets the visit it was raised on: that day, to an
** organisation of its building, which becomes its requester; the request
** keeps the life the history gave it (its states and dates). One
** transaction; none of it on an error. DB_OK with *made (the visits
** added), or an error with *err (caller frees).
*/
int demo_visit_requests(struct db *db, time_t now, size_t *made, char **err);

/*
** Fill the demo district with n requests taken down over the last `years`
** years (src/reqgen.h), with their timelines and evening-talk sessions.
** The district and its catalogue must be there; residents, if any, are
** the requesters. Committed in steps (at once when a desk waits for the
** lock, else after 20,000 requests and a quarter of a second, growing to
** 2 seconds), each step noting how far it came: when a run was killed halfway, this
** finishes that run (its own n and years, the same requests) instead.
** Returns DB_OK with *run, or an error with *err set (caller frees).
*/
int demo_requests(struct db *db, size_t n, int years, const char *actor,
                  void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                  void *ctx, struct demo_run *run, char **err);

/*
** Fill the demo district with n generated volunteers (registered over the
** last years, numbered by year, most of them members of their community's
** team or one of its groups) and the teams: the district's association, a
** team for each community and a group under each, through the bulk loader
** (db/volunteer_bulk.h) in one transaction. About three in five volunteers
** are residents on the register (when it holds enough grown-ups), linked to
** them and with their name, ID number and mobile; the others are made up,
** with ID numbers no resident holds. The register must hold no volunteers
** and no teams. Returns DB_OK, or an error with *err (caller frees); then
** nothing was written.
*/
int demo_volunteers(struct db *db, size_t n, const char *actor,
                    void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                    void *ctx, char **err);

#endif
