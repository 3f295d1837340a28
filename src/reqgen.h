/*
** reqgen: made-up request history for demo databases (bangban demo
** --requests N): requests spread over the working hours of a span of time,
** each living its life through the workflow table (workflow_apply) with
** plausible delays: most signed for and answered in time, some late,
** returned, extended, unreachable, not satisfied and handled again. A
** request whose next step would fall after `now` stays where it is, so the
** queues hold what a real desk would see. Deterministic for a seed.
*/
#ifndef BANGBAN_REQGEN_H
#define BANGBAN_REQGEN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalogue.h"
#include "namegen.h"
#include "request.h"
#include "workcal.h"
#include "workflow.h"

/* Someone a request can come from: a registered resident (id > 0) or not (id 0). */
struct reqgen_person {
    int64_t resident_id;
    const char *name;
    const char *phone;
};

/* Where a request can be about: a building (0: none) in a grid of a community. */
struct reqgen_place {
    int64_t building_id, grid_id, community_id;
};

/* An evening-talk session: when it was held. */
struct reqgen_talk {
    int64_t id;
    time_t held;
};

struct reqgen {
    struct rng rng;
    const struct workcal *cal;
    const struct service_item *items; /* active items with their units */
    size_t nitems;
    const struct reqgen_person *people; /* may be empty: names are made up */
    size_t npeople;
    const struct reqgen_place *places;
    size_t nplaces;
    const struct reqgen_talk *talks; /* by held time */
    size_t ntalks;
    const int64_t *units; /* every unit, for re-routing a returned request */
    size_t nunits;
    time_t start, now; /* the history spans [start, now) */
    size_t n, made;
    long span_minutes; /* working minutes in the span */
    struct strbuf scratch;
};

/* One row of a generated timeline. */
struct reqgen_event {
    struct workflow_event ev; /* ev.text owned */
    time_t at;
    const char *actor;
};

/* Ready g (whose inputs the caller has set) to make n requests; seed fixes the outcome. */
void reqgen_start(struct reqgen *g, size_t n, uint64_t seed);

/*
** The next request as it stands at g->now (r initialised here; number
** not set) and its timeline, oldest first, into *events (*nev of them;
** free with reqgen_events_free()). Returns 1, or 0 when all n are made.
*/
int reqgen_next(struct reqgen *g, struct request *r, struct reqgen_event **events, size_t *nev);

void reqgen_events_free(struct reqgen_event *events, size_t n);
void reqgen_finish(struct reqgen *g);

#endif
