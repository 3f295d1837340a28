/*
** request_store: requests (诉求) in the database. Taking one down gives it
** its number (2026-000123, from a counter kept in the same transaction, so
** desks never collide) and dispatches it automatically to its unit; every
** later change goes through the workflow table (src/workflow.h) and writes
** its event in the same transaction as the state. A change made from a
** stale copy is refused with DB_CONFLICT and the stored request, so two
** desks acting on one request never both win. Queues, the timeline,
** evening-talk sessions and the counts behind the rates are read here too.
*/
#ifndef BANGBAN_REQUEST_STORE_H
#define BANGBAN_REQUEST_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "db/db.h"
#include "src/rates.h"
#include "src/reqgen.h"
#include "src/request.h"
#include "src/talk.h"
#include "src/workflow.h"

/* Queues are counted up to this many rows; more is said as "more than". */
#define REQUEST_COUNT_CAP 10000

struct request_list {
    struct request *items;
    size_t n;
    int64_t total; /* rows the queue holds (more than n when capped) */
    int more;      /* more than REQUEST_COUNT_CAP: total is the cap */
};

/* Free the requests of a list and empty it. */
void request_list_free(struct request_list *l);

/* A row of a request's timeline. */
struct request_event_row {
    int64_t id;
    time_t at;
    char *actor;
    char *role; /* desk, unit, supervisor, system */
    enum request_action action;
    enum request_state from, to;
    char *unit; /* the unit's name, "" when none */
    char *text;
    int by_handler; /* actor is a unit handler: a unit's step taken by the unit itself */
};

struct request_events {
    struct request_event_row *v;
    size_t n;
};

/*
** The time of each request's last step that moved it on
** (workflow_action_progresses()): out[i] for ids[i], 0 for one with none.
** DB_OK or an error.
*/
int request_progress_times(struct db *db, const int64_t *ids, size_t n, time_t *out);

/*
** Take down a new request as actor at now: number it, register it, then
** in the same transaction apply `then`: RA_DISPATCH (to r->unit_id),
** RA_ANSWER (closed at once with in->text), or RA_REGISTER for neither.
** On DB_OK r holds the stored request (id, number, state, clocks), and
** the audit log has its row. On DB_DENIED (actor may not take requests
** down, may not take `then`, or is a building chief and r->building_id
** is not theirs) or DB_INVALID *why says what was refused
** (translated, borrowed) and nothing is written.
*/
int request_create(struct db *db, struct request *r, enum request_action then,
                   const struct workflow_input *in, const char *actor, time_t now,
                   const char **why);

/*
** Leave a request at the self-service kiosk (r made by
** kiosk_matter_request(): channel kiosk, no unit, no resident) as actor,
** whose role must hold RIGHT_KIOSK_ONLY, at now: numbered and registered
** (已登记) for a desk to review, with its event and audit row, in one
** transaction. DB_OK with r the stored request; DB_DENIED or DB_INVALID
** with *why (translated, borrowed), nothing written; or an error.
*/
int request_create_kiosk(struct db *db, struct request *r, const char *actor, time_t now,
                         const char **why);

/*
** Apply action a to the request r was read as, as actor at now, in the
** part actor's role plays (workflow_part()). Returns DB_OK with r updated
** to the stored request; DB_DENIED with *why when actor's role or scope
** may not take it (a unit handler for another unit's request); DB_INVALID
** with *why when the workflow refuses; DB_CONFLICT when it changed since r
** was read: *current (when not NULL) gets the stored request and *last the
** event that changed it (free its text). Nothing is written but on DB_OK,
** and then with its row in the audit log.
*/
int request_act(struct db *db, struct request *r, enum request_action a,
                const struct workflow_input *in, const char *actor, time_t now, const char **why,
                struct request *current, struct request_event_row *last);

/*
** May actor see the phone of r's requester in full, to take step a (a
** follow-up call, a unit's first contact)? Yes when a is actor's to take
** on r (a unit handler: on its own unit's requests only), or actor's role
** may reveal numbers; then the reveal, with reason, is written to the
** audit log first. DB_OK, DB_DENIED (nothing written), or an error.
*/
int request_reveal_phone(struct db *db, const struct request *r, enum request_action a,
                         const char *reason, const char *actor);

/*
** Mark request r as told back to whoever raised it (a chief telling the
** enterprise how it ended) by actor at now: r must be closed, from a
** building in actor's scope, and actor's role must take requests down.
** One audit row with it. DB_OK; DB_DENIED; DB_INVALID when r is not
** closed or was told already (nothing written); or an error.
*/
int request_mark_told(struct db *db, const struct request *r, const char *actor, time_t now);

/*
** Who actor is to the workflow: the parts their role plays and, for a unit
** handler, their unit (src/workflow.h). On a database with no users,
** anyone plays every part; a login that is no active user plays none.
** DB_OK or an error.
*/
int request_actor(struct db *db, const char *actor, struct workflow_actor *out);

/*
** For generated history (bangban demo --requests): a writer holding its
** statements for the whole generation. request_history_begin(), outside a
** transaction, gives *out (DB_OK) or an error; it turns foreign-key checks
** off (the generator writes only ids it read from the database) and takes a
** large page cache. The caller then opens its write transaction and commits
** in batches as it likes, calling request_history_flush() before each
** commit, then request_history_finish() in the last transaction, which
** stores what is pending. The tables' indexes stay meanwhile (the rows come
** in time order, so each grows at its end or at a few places).
** request_history_end(), after the last commit, frees h (NULL is fine) and
** puts foreign keys and the page cache back as db_open() sets them.
*/
struct request_history;
int request_history_begin(struct db *db, struct request_history **out);

/*
** Store r as it stands (numbered, created and updated by whom r says) with
** its timeline ev[0..n): rows are stored some dozens at a time, by this
** call or by request_history_flush(), which also sets r's id and version.
** r and ev stay the caller's, unchanged and alive until then. Then
** request_seq_raise() for each year written, so numbers given out later
** follow the stored ones. DB_OK or an error (for any of the requests pending).
*/
int request_history_write(struct request_history *h, struct request *r,
                          const struct reqgen_event *ev, size_t n);

/* Store what request_history_write() holds, in the open transaction. DB_OK or an error. */
int request_history_flush(struct request_history *h);
int request_history_finish(struct request_history *h);
void request_history_end(struct request_history *h);

/* The planner's statistics of the tables a generation writes, after it. DB_OK or an error. */
int request_history_analyze(struct db *db);
/*
** Numbers given out later in `year` follow `last` (the largest sequence
** stored in that year): request_seq's count for the year is raised to it,
** never lowered. In the caller's transaction. DB_OK or an error.
*/
int request_seq_raise(struct db *db, int year, int64_t last);

/* One request by id or number; DB_OK or DB_NOTFOUND. Free with request_free(). */
int request_get(struct db *db, int64_t id, struct request *out);
int request_get_by_number(struct db *db, const char *number, struct request *out);

/* Free a timeline row's strings, or a whole timeline. */
void request_event_row_free(struct request_event_row *e);
void request_events_free(struct request_events *e);

/* The timeline of a request, oldest first. Caller frees with request_events_free(). */
int request_events(struct db *db, int64_t id, struct request_events *out);

enum request_sort {
    SORT_DUE,       /* the running deadline, soonest first */
    SORT_NEWEST,    /* number, newest first */
    SORT_OLDEST,    /* number, oldest first */
    SORT_UNIT,      /* unit, in pinyin order */
    SORT_REQUESTER, /* requester, in pinyin order */
    SORT_COUNT,
};

/*
** How many residents a search for requests looks among: the first the
** resident search finds of those who raised a request.
*/
#define REQUEST_RESIDENTS_MATCHED 500

struct request_filter {
    int64_t unit_id;   /* 0: every unit */
    int level;         /* -1: every level, else enum request_level */
    int64_t talk_id;   /* 0: any; else the requests of one evening-talk session */
    const char *text;  /* "": all; digits: the number's or the phone's last digits; else the
                          requester or title; both also the requests of the residents the
                          resident search finds by it (name, pinyin, ID or mobile suffix) */
    const char *actor; /* QUEUE_MINE: whose */
    time_t now;        /* QUEUE_OVERDUE, QUEUE_MINE */
    /* Narrowing further (0 or NULL: not narrowed): */
    int64_t resident_id;     /* one resident's requests */
    int64_t community_id;    /* from one community */
    int64_t grid_id;         /* from one grid */
    time_t from, to;         /* taken down in [from, to) (either may be 0) */
    const char *channel;     /* a channel's code */
    const char *category;    /* a category's code */
    const char *state;       /* a state's code */
    int64_t street_id;       /* from one street's communities */
    int64_t organisation_id; /* raised by one organisation (一企一档) */
    /*
    ** The login whose scope bounds every queue, whatever else is chosen: a
    ** unit handler sees its unit's requests, a building chief its
    ** buildings'; NULL, or anyone else: no bound.
    */
    const char *scope_of;
};

/*
** DB_OK when request id lies in login's scope (a unit handler's unit, a
** building chief's buildings; anyone else: every request), else
** DB_DENIED; or an error.
*/
int request_in_scope(struct db *db, int64_t id, const char *login);

/* Called for each request of request_queue_each(); r is the visitor's for the call only. */
typedef int (*request_visit)(void *ctx, const struct request *r);

/*
** Every request of queue q as f filters it, in sort's order, one at a
** time (a district's years of requests are never held at once); a visit
** returning non-zero stops. Returns DB_OK or an error.
*/
int request_queue_each(struct db *db, enum request_queue q, const struct request_filter *f,
                       enum request_sort sort, request_visit visit, void *ctx);

/*
** The requests of a queue, filtered and sorted, at most limit of them
** (list->total says how many there are). Caller frees with request_list_free().
*/
int request_queue(struct db *db, enum request_queue q, const struct request_filter *f,
                  enum request_sort sort, size_t limit, struct request_list *out);

/*
** True when queue q can be sorted by s quickly at district scale: every
** order for the queues of open requests; "All" (every request ever) by
** time only. request_queue() sorts "All" newest first otherwise.
*/
int request_sort_offered(enum request_queue q, enum request_sort s);

/* The label of a sort order (msgid). */
const char *request_sort_label(enum request_sort s);

/*
** Correct what was taken down wrongly, as r holds it now (a copy of the
** stored request with its channel, kind, category, service item,
** requester, phone, building, grid and community, evening talk, title or
** detail changed; the unit and level are not: that is 改派 and 升级). Writes those fields and one
*更正 event whose text gives
** each changed field's old and new value, in one transaction, if r's
** version is still the stored one, with its row in the audit log. Returns
** DB_OK (r read again; nothing is written when nothing differs),
** DB_DENIED (actor's role may not correct), DB_CONFLICT, or an error.
*/
int request_correct(struct db *db, struct request *r, const char *actor, time_t now);

/* One step of a timeline: its action and the states it went from and to. */
struct request_step {
    enum request_action action;
    enum request_state from, to;
};

/* A request's counters as stored, and the steps of its timeline in order. */
struct request_timeline {
    char *number;                    /* borrowed during the visit */
    struct workflow_counters stored; /* the request's own columns */
    struct request_step *steps;      /* borrowed during the visit */
    size_t nsteps;
    int unknown; /* events whose action or states no code of this program names */
};
typedef void (*request_timeline_visit)(void *ctx, const struct request_timeline *t);

/*
** Visit every request, by id, with its counters as stored and its
** timeline's steps (one pass over requests and events). Returns DB_OK or
** the error that stopped it.
*/
int request_timelines_each(struct db *db, request_timeline_visit visit, void *ctx);

/* Called with each request the rates count; r is valid during the call only. */
typedef void (*request_rate_visit)(void *ctx, const struct rate_row *r);

/*
** Every request taken down in [from, to), as the rates see it, to visit
** (src/rates.h gathers them), its place (place_id, _code, _name) being its
** community when group is RATE_BY_COMMUNITY, its street when
** RATE_BY_STREET (none by unit). A request's community is its own, else
** its grid's, else its building's grid's; its street that community's,
** else its building's. created_at is read when dated, else 0 (a period's
** totals do not need it, and each column read costs the pass). Returns
** DB_OK or the error that stopped it.
*/
int request_rate_rows(struct db *db, time_t from, time_t to, enum rate_group group, int dated,
                      request_rate_visit visit, void *ctx);

/*
** Does every rates pass read the covering index request_rates alone (the
** table not opened)? *covered 1 when so; a column added to the pass but not
** to the index makes it 0. DB_OK or an error.
*/
int request_rates_covered(struct db *db, int *covered);

/*
** The requests' day by day figures over the days [days[0], days[n]) (n+1
** local midnights): intake[i] how many were taken down on day i, overdue[i]
** how many were open past a deadline at the end of day i (or at now, when
** that comes first), reckoned from each request's stored clocks
** (request_overdue_at()); of the requests login's role sees (a unit
** handler's unit's, a chief's buildings'; NULL: every one). Returns DB_OK
** or the error that stopped it.
*/
int request_daily_counts(struct db *db, const char *login, const time_t *days, size_t n, time_t now,
                         int64_t *intake, int64_t *overdue);

struct talk_list {
    struct evening_talk *v;
    size_t n;
};

/* Free a list of sessions and empty it. */
void talk_list_free(struct talk_list *l);

/*
** Sessions, newest first, narrowed by a fragment of the date, place or
** officials. Fills *out (caller frees with talk_list_free()). DB_OK or an error.
*/
int talk_list(struct db *db, const char *query, struct talk_list *out);
/* One session into *out (free with talk_free()). DB_OK or DB_NOTFOUND. */
int talk_get(struct db *db, int64_t id, struct evening_talk *out);
/* Create or update a session (version checked). DB_OK, DB_CONFLICT, DB_INVALID or an error. */
int talk_save(struct db *db, struct evening_talk *t, const char *actor);

/*
** Requests taken down in all, open (not closed), and overdue at now, for
** the home screen. DB_OK, or the error that stopped a count (then do not
** show them).
*/
int request_counts(struct db *db, int64_t *all, int64_t *open, int64_t *overdue, time_t now);

/*
** The same within what login's role sees of requests (a unit handler's
** unit, a building chief's buildings): *scoped 1 and those counts. A
** login seeing every request (a desk, a supervisor), none, or a database
** with no users: *scoped 0 and the counts of request_counts(). DB_OK or
** the error that stopped a count.
*/
int request_counts_of(struct db *db, const char *login, int *scoped, int64_t *all, int64_t *open,
                      int64_t *overdue, time_t now);

/* The latest deadline a running clock of an open request has, or 0 when none runs. */
int64_t request_latest_due(struct db *db);

#endif
