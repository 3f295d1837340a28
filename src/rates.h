/*
** rates: how well requests are handled, per unit and overall, from raw
** counts (db/ counts them). Each figure comes with its formula, shown
** beside it, so nobody has to guess what a percentage means:
**   响应率      signed for and first contact, each within its limit / dispatched,
**               less those whose limits have not yet run out unanswered
**   解决率      "solved" at follow-up / followed up
**   满意率      (满意 + w x 基本满意) / followed up; w is configurable
**   按时办结率  replied by the deadline (as extended) / replied
**   退单率      returned by the unit first dispatched to / first dispatched to it
**   直接答复率  answered on the spot / taken down
** plus the mean hours (by the clock, not working hours) from dispatch to
** 签收 and to the reply. A unit with fewer follow-ups than the minimum is listed but
** not ranked: one quick case must not top the league.
*/
#ifndef BANGBAN_RATES_H
#define BANGBAN_RATES_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "src/chart.h"

/* What the rates are reckoned per: the unit handling a request, or the place it came from. */
enum rate_group {
    RATE_BY_UNIT, /* 责任单位: the unit a request is at (returns: the unit first sent it) */
    RATE_BY_COMMUNITY, /* 社区: the requester's community (or its grid's, its building's) */
    RATE_BY_STREET,    /* 街道: that community's street (or its building's) */
    RATE_GROUP_COUNT,
};

/* The grouping named by word ("unit", "community", "street"), or -1. */
int rates_group_parse(const char *word);
/* The word of a grouping, as rates_group_parse() reads it. */
const char *rates_group_word(enum rate_group g);
/* The heading of a grouping's first column (msgid): 责任单位, 社区, 街道. */
const char *rates_group_label(enum rate_group g);
/* The name of a row with no unit or no place (msgid): (无单位), (无社区), (无街道). */
const char *rates_group_none(enum rate_group g);

struct rate_counts {
    int64_t unit_id; /* the unit, community or street counted (see enum rate_group); 0: none */
    char *unit_name; /* owned; "" for the overall row and for none */
    int64_t total, answered, dispatched, responded, returned;
    int64_t followed, solved, satisfied, basic;
    int64_t replied, on_time;
    double accept_hours; /* sum over `accepted` requests */
    int64_t accepted;
    double reply_hours; /* sum over `replied` requests, from first dispatch */
    int64_t routed;     /* first dispatched to this unit (returned counts those it returned) */
    int64_t awaiting;   /* dispatched, not responded, its limit not yet past: not judged yet */
};

enum rate_kind {
    RATE_RESPONSE,     /* 响应率 */
    RATE_RESOLUTION,   /* 解决率 */
    RATE_SATISFACTION, /* 满意率 */
    RATE_ON_TIME,      /* 按时办结率 */
    RATE_RETURN,       /* 退单率 */
    RATE_ANSWERED,     /* 直接答复率 */
    RATE_COUNT,
};

struct rate_figures {
    double rate[RATE_COUNT]; /* 0..100, or -1 when the denominator is 0 */
    double accept_hours;     /* mean dispatch -> 签收, -1 when none */
    double reply_hours;      /* mean dispatch -> reply, -1 when none */
    double score;            /* (响应率 + 解决率 + 满意率) / 3, -1 when any is missing */
    int ranked;              /* enough follow-ups to be ranked */
    int rank;                /* 1 = best, 0 when not ranked */
};

/* The figures of c, with weight w for 基本满意 and min follow-ups to be ranked. */
void rates_compute(const struct rate_counts *c, double basic_weight, int min_followed,
                   struct rate_figures *out);

/* Rank n units by score (ties: more follow-ups first); sets out[i].rank. */
void rates_rank(struct rate_figures *figs, const struct rate_counts *counts, size_t n);

/* The name of a rate (msgid) and its formula (msgid; satisfaction's takes the weight as %g). */
const char *rates_name(enum rate_kind k);
const char *rates_formula(enum rate_kind k);

/* The formula of a rate, translated, the weight of 基本满意 filled in. Caller frees. */
char *rates_formula_text(enum rate_kind k, double basic_weight);

/* Add b's counts into a (not the unit). */
void rates_add(struct rate_counts *a, const struct rate_counts *b);

void rate_counts_free(struct rate_counts *c);

/*
** One request as the rates see it; db/ reads them (times are 0 when not
** yet; text is borrowed for the call).
*/
struct rate_row {
    int64_t unit_id; /* the unit it is at now; 0: none */
    const char *unit_code, *unit_name;
    int answered; /* closed as 直接答复 */
    time_t first_dispatched_at, dispatched_at, accept_due, accepted_at, contact_due, contacted_at,
        resolve_due, replied_at;
    int resolved;          /* -1: not followed up; 0 no; 1 yes */
    int satisfied, basic;  /* the follow-up's answer: 满意, 基本满意 */
    int64_t first_unit_id; /* the unit it was first dispatched to; 0: never dispatched */
    const char *first_unit_code, *first_unit_name;
    int64_t returned_unit_id; /* the unit that returned it first; 0: never returned */
    int64_t place_id;         /* its community or street (as the tally groups); 0: none */
    const char *place_code, *place_name;
    time_t created_at; /* when it was taken down */
};

/* Counts being gathered one request at a time, per unit. */
struct rate_tally {
    enum rate_group group;
    struct rate_counts *units; /* per unit, in the order first seen */
    char **codes;              /* each unit's code, for the order of the report */
    unsigned char *current;    /* 1: some request is at the unit now (not only first dispatched) */
    size_t n, cap;
    size_t *slot; /* by id below slots: 1 + the index of its counts, 0 before it is seen */
    size_t slots;
    time_t now; /* a response whose limit is after it is awaited, not missed */
};

/*
** An empty tally, counting per unit, community or street as group says, as
** of now: a request dispatched but not yet signed for and contacted counts
** against 响应率 only once the limit it has not met is past now.
*/
void rate_tally_init(struct rate_tally *t, enum rate_group group, time_t now);
/* Count one request: by unit, its unit_id (returns charged to first_unit_id); by place, its
 * place_id. */
void rate_tally_add(struct rate_tally *t, const struct rate_row *r);
/*
** Hand the counts over: *units (n of them; caller frees each with
** rate_counts_free() and the array) — the units requests are at, by code
** (none first), then those only first dispatched to; or the communities or
** streets by code (none first) — and *overall (caller frees with
** rate_counts_free()). t is left empty (and must be initialised again).
*/
void rate_tally_finish(struct rate_tally *t, struct rate_counts **units, size_t *n,
                       struct rate_counts *overall);
void rate_tally_free(struct rate_tally *t);

/* The span [from, to) as people read it: "2026-01-01 至 2026-11-30". Caller frees. */
char *rates_period(time_t from, time_t to);

/*
** The rates as a report: a table (units, communities or streets as group
** says, then the district), each rate's formula under it, and which rows
** are not ranked; or, with csv, the same table as CSV (UTF-8, CRLF).
** period names the span ("2026-01-01 至 2026-11-30"). Caller frees.
*/
char *rates_report(const struct rate_counts *units, size_t n, const struct rate_counts *overall,
                   enum rate_group group, double basic_weight, int min_followed, const char *period,
                   int csv);

/*
** A period typed as two dates, the first and the last day (1990-03-07,
** 1990/3/7, 19900307): sets [*from, *to) from the first day's midnight to
** the midnight after the last. Returns NULL, or why not (msgid) with
** *which 0 when the first date is wrong, 1 the last, 2 the last is before
** the first.
*/
const char *rates_period_parse(const char *first, const char *last, time_t *from, time_t *to,
                               int *which);

/*
** The n months ending with the one that holds end - 1: starts[0..n] their
** first instants (local midnights), starts[n] the start of the month after.
*/
void rates_months(time_t end, size_t n, time_t *starts);

/* The months of starts[0..n] as people read them: "2025-12 至 2026-11". Caller frees. */
char *rates_month_span(const time_t *starts, size_t n);

/*
** A chart of n months (months[i] the counts of the requests taken down in
** [starts[i], starts[i + 1])): 响应率, 解决率 and 满意率 as lines from 0 to
** 100% (a month without a denominator has no point), the requests taken
** down as bars, each panel height rows and width columns, the last month's
** figure under each name, then the months' numbers. Caller frees.
*/
char *rates_chart(const struct rate_counts *months, const time_t *starts, size_t n,
                  double basic_weight, int width, int height, enum chart_style style);

#endif
