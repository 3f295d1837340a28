/*
** visit_store: building chiefs' visits (走访), and the requests the
** problems raised in each became. A visit with problems is one save: the
** visit, each problem taken down as a request (channel 楼长, from the
** visit's building and organisation, sent on to its item's unit), and
** their links, all in one transaction or none of it.
*/
#ifndef BANGBAN_VISIT_STORE_H
#define BANGBAN_VISIT_STORE_H

#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "src/visit.h"

/*
** The visits a list shows, newest first, at most limit: those whose
** building, organisation, who was met or what was found holds query ("":
** all); of building_id, of organisation_id only when not 0; only those in the buildings of
** scope_of when it names a building chief (NULL: no bound). Into *items
** (caller frees with record_array_free(&visit_record, ...)) and *n.
*/
int visit_list(struct db *db, const char *query, int64_t building_id, int64_t organisation_id,
               const char *scope_of, size_t limit, struct visit **items, size_t *n);

/* One visit by id: DB_OK or DB_NOTFOUND. Free with record_free(&visit_record, ...). */
int visit_get(struct db *db, int64_t id, struct visit *out);

/*
** Save v as actor at now: a new visit with its problems taken down as
** requests, or a visit on file changed (version checked; its problems are
** not taken down again). Needs the right to log visits; a building chief
** logs visits to their own buildings only. DB_OK with v's id and version
** set; DB_DENIED; DB_INVALID with *why (translated, borrowed) when v or a
** problem's request is refused; DB_CONFLICT; or an error. Nothing is
** written but on DB_OK.
*/
int visit_save(struct db *db, struct visit *v, const char *actor, time_t now, const char **why);

/* One building chief's month of visits (走访完成情况). */
struct visit_month {
    const char *login, *name;      /* borrowed for the visit only */
    int64_t buildings;             /* buildings they look after */
    int64_t organisations;         /* organisations present in those buildings */
    int64_t visits;                /* visits they made in the month */
    int64_t buildings_visited;     /* of their buildings, those visited in the month */
    int64_t organisations_visited; /* organisations visited in the month */
    int64_t never_visited;         /* organisations of their buildings never visited at all */
    int64_t requests;              /* requests their visits of the month took down */
};

typedef void (*visit_month_visit)(void *ctx, const struct visit_month *m);

/*
** For each active building chief, in login order, their visits in month
** ("2026-03") into visit. DB_OK or an error.
*/
int visit_month_each(struct db *db, const char *month, visit_month_visit visit, void *ctx);

/* The visits login made in month ("2026-03") into *n. DB_OK or an error. */
int visit_count_month(struct db *db, const char *login, const char *month, int64_t *n);

/* The numbers of the requests visit id took down, "2026-000012、2026-000013" ("" when none). Caller
 * frees. */
char *visit_request_numbers(struct db *db, int64_t id);

/* The last day an organisation of a building was visited. */
struct visit_last {
    int64_t organisation_id;
    char day[11]; /* YYYY-MM-DD */
};

/*
** For each organisation of building building_id ever visited there, the
** last day it was, by organisation id, into *out (caller frees) and *n.
** DB_OK or an error (then *out is NULL).
*/
int visit_last_days(struct db *db, int64_t building_id, struct visit_last **out, size_t *n);

/*
** The organisations present in login's buildings (a building chief's) due
** a visit on today (YYYY-MM-DD): never visited, or last visited
** VISIT_DUE_DAYS days or more before; those whose name or building's name
** holds query ("": all); those never visited first, then the longest
** unvisited, by building and name; at most limit, into *items (free with
** record_array_free(&visit_due_record, ...)) and *n, with *total those due
** in all. DB_OK or an error.
*/
int visit_due_list(struct db *db, const char *login, const char *today, const char *query,
                   size_t limit, struct visit_due **items, size_t *n, int64_t *total);

/* A request of the 楼长 channel in a chief's building that no visit has taken down yet. */
struct visit_candidate {
    int64_t request_id, building_id;
    time_t created_at;
    char *title;
};

/*
** For generated data: the requests of channel 楼长 taken down from from on,
** in the buildings of user user_id, that no visit is linked to, oldest
** first, into *out and *n (free with visit_candidates_free()). DB_OK or an
** error (then *out is NULL).
*/
int visit_unlinked_chief_requests(struct db *db, int64_t user_id, time_t from,
                                  struct visit_candidate **out, size_t *n);
void visit_candidates_free(struct visit_candidate *c, size_t n);

/*
** For generated data, in the caller's transaction: request request_id is a
** problem visit visit_id raised (visit_request), and, when organisation_id
** is not 0, that organisation is its requester (its name and contact
** phone). DB_OK or an error.
*/
int visit_link_request(struct db *db, int64_t visit_id, int64_t request_id,
                       int64_t organisation_id);

#endif
