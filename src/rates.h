/*
** rates: how well requests are handled, per unit and overall, from raw
** counts (db/ counts them). Each figure comes with its formula, shown
** beside it, so nobody has to guess what a percentage means:
**   响应率      signed for and first contact, each within its limit / dispatched
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

struct rate_counts {
    int64_t unit_id;
    char *unit_name; /* owned; "" for the overall row */
    int64_t total, answered, dispatched, responded, returned;
    int64_t followed, solved, satisfied, basic;
    int64_t replied, on_time;
    double accept_hours; /* sum over `accepted` requests */
    int64_t accepted;
    double reply_hours; /* sum over `replied` requests, from first dispatch */
    int64_t routed;     /* first dispatched to this unit (returned counts those it returned) */
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
};

/* Counts being gathered one request at a time, per unit. */
struct rate_tally {
    struct rate_counts *units; /* per unit, in the order first seen */
    char **codes;              /* each unit's code, for the order of the report */
    unsigned char *current;    /* 1: some request is at the unit now (not only first dispatched) */
    size_t n, cap;
};

void rate_tally_init(struct rate_tally *t);
/* Count one request. */
void rate_tally_add(struct rate_tally *t, const struct rate_row *r);
/*
** Hand the counts over: *units (n of them; caller frees each with
** rate_counts_free() and the array) — the units requests are at, by code
** (none first), then those only first dispatched to — and *overall (caller
** frees with rate_counts_free()). t is left empty.
*/
void rate_tally_finish(struct rate_tally *t, struct rate_counts **units, size_t *n,
                       struct rate_counts *overall);
void rate_tally_free(struct rate_tally *t);

/* The span [from, to) as people read it: "2026-01-01 至 2026-11-30". Caller frees. */
char *rates_period(time_t from, time_t to);

/*
** The rates as a report: a table (units, then the district), each rate's
** formula under it, and which units are not ranked; or, with csv, the
** same table as CSV (UTF-8, CRLF). period names the span ("2026-01-01 至
** 2026-11-30"). Caller frees.
*/
char *rates_report(const struct rate_counts *units, size_t n, const struct rate_counts *overall,
                   double basic_weight, int min_followed, const char *period, int csv);

#endif
