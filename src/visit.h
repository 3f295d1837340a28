/*
** visit: a building chief's visit (走访) to a building or one of its
** organisations, as the core sees it: who went, where, when, how, who was
** met, what was talked of and found, and the problems raised, each taken
** down as a request in the same save (db/visit_store.h).
*/
#ifndef BANGBAN_VISIT_H
#define BANGBAN_VISIT_H

#include <stdint.h>

#include "record.h"
#include "request.h"

/* Most problems one visit takes down at once. */
#define VISIT_PROBLEMS 3

struct visit {
    int64_t id;
    int64_t building_id;
    char *building;          /* stored: the building's name */
    int64_t organisation_id; /* 0: the building itself */
    char *organisation;      /* stored: the organisation's name */
    char *day;               /* YYYY-MM-DD */
    char *way;               /* a code of visit_ways */
    char *met;               /* who was met */
    char *topics;            /* what was talked of */
    char *findings;          /* what was found */
    char *visitor;           /* stored: the login of who went */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
    int64_t requests;              /* stored: the requests it took down */
    /* A new visit's problems: the service item (0: none) and the words of each. */
    int64_t problem_item[VISIT_PROBLEMS];
    char *problem[VISIT_PROBLEMS];
};

/*
** An organisation in a chief's building is due a visit when it was never
** visited, or not for this many days. No setting names the period (the
** monthly quota is visit_quota); a quarter is what the street offices ask.
*/
#define VISIT_DUE_DAYS 90

/* No visit is logged before this year: 1900 is a year mistyped. */
#define VISIT_FIRST_YEAR 2000

/* An organisation due a visit, as the chief's worklist lists it. */
struct visit_due {
    int64_t organisation_id;
    char *name;          /* the organisation's */
    int64_t building_id; /* where it sits */
    char *building;      /* the building's name */
    char *place;         /* floor and room, "12层 1201" */
    char *last_visit;    /* YYYY-MM-DD, "" when never */
};

/* The fields of a visit due (record.h). */
extern const struct record_type visit_due_record;

/* The fields of a visit (record.h). */
extern const struct record_type visit_record;

/* The ways of visiting (上门, 电话, 座谈, 活动): codes and labels, ended by a NULL code. */
extern const struct request_word visit_ways[];

/*
** NULL when v will do as a visit made at now (a building, a way, a day
** that is a date from VISIT_FIRST_YEAR on and not after today, something
** said of it: who was met, the topics, the findings or a problem; a
** problem's words for every problem's item and an item for every
** problem's words), else why not
** (translated, borrowed); *field names the field ("day", "problem1",
** "item1" ...).
*/
const char *visit_check(const struct visit *v, time_t now, const char **field);

/* How many problems v raises (those with words). */
int visit_problem_count(const struct visit *v);

#endif
