/*
** request: one matter raised at the desk (诉求), as the core sees it, and
** the words for its fields: channels, kinds, the five categories, levels,
** follow-up answers. Each word has a code stored in the database and a
** label shown on screen (a msgid). The rules of its life are in workflow.h.
*/
#ifndef BANGBAN_REQUEST_H
#define BANGBAN_REQUEST_H

#include <stdint.h>
#include <time.h>

#include "record.h"

/* The states of a request (DESIGN §4). */
enum request_state {
    RS_NEW,         /* 已登记 */
    RS_ANSWERED,    /* 直接答复 (closed) */
    RS_VOID,        /* 不予受理 (closed) */
    RS_DISPATCHED,  /* 已派单, waiting for 签收 */
    RS_RETURNED,    /* 退单待审 */
    RS_ACCEPTED,    /* 已签收 */
    RS_IN_PROGRESS, /* 办理中 */
    RS_SUSPENDED,   /* 延期 */
    RS_REPLIED,     /* 已反馈, waiting for 回访 */
    RS_FOLLOW_UP,   /* 回访中 */
    RS_CLOSED,      /* 已办结 (closed) */
    RS_REOPENED,    /* 重办 */
    RS_COUNT,
};

/* Levels of the call platform. */
enum request_level { LEVEL_COMMUNITY, LEVEL_STREET, LEVEL_DISTRICT, LEVEL_COUNT };

enum requester_kind { REQUESTER_RESIDENT, REQUESTER_ORGANISATION, REQUESTER_ANONYMOUS };

/* Follow-up answers: how satisfied the requester is. */
enum satisfaction { SAT_NONE, SAT_SATISFIED, SAT_BASIC, SAT_UNSATISFIED };

/*
** A code (stored), its label (msgid, shown) and its Chinese name, which
** ledgers and receipts use whatever the clerk's language: one row of a
** word list.
*/
struct request_word {
    const char *code;
    const char *label;
    const char *zh;
};

/* The word lists; each ends with a {NULL, NULL} row. */
extern const struct request_word request_channels[];   /* desk, chief, grid, evening_talk ... */
extern const struct request_word request_kinds[];      /* consult, help, complaint ... */
extern const struct request_word request_categories[]; /* dispute, service ... (the five) */

/* The label (msgid) of code in words, or NULL when code is not one of them. */
const char *request_word_label(const struct request_word *words, const char *code);
/* The Chinese name of code in words, or NULL. */
const char *request_word_zh(const struct request_word *words, const char *code);
/* The code whose Chinese name, label (translated or msgid) or code is text, or NULL. */
const char *request_word_code(const struct request_word *words, const char *text);

/* State codes as stored ("new", "dispatched" ...) and their labels (msgids). */
const char *request_state_code(enum request_state s);
const char *request_state_label(enum request_state s);
/* The state a code names; -1 when none. */
int request_state_parse(const char *code);
/* True for the closed states (answered, void, closed). */
int request_state_closed(enum request_state s);

/* The queues a desk lives in (the where of each is the store's). */
enum request_queue {
    QUEUE_OPEN,       /* 未办结: every request not closed, the desk's open work */
    QUEUE_NEW,        /* 待派单 */
    QUEUE_DISPATCHED, /* 待签收 */
    QUEUE_HANDLING,   /* 办理中: signed for, in progress, extended, reopened */
    QUEUE_OVERDUE,    /* 超时督办: the running clock is past due */
    QUEUE_FOLLOW_UP,  /* 待回访 */
    QUEUE_RETURNED,   /* 退单待审 */
    QUEUE_EXTENSION,  /* 延期待批 */
    QUEUE_MINE,       /* 我今天登记的 */
    QUEUE_TELL_BACK,  /* 待告知: closed, the requester not yet told by the building's chief */
    QUEUE_ALL,        /* 全部 */
    QUEUE_KIOSK,      /* 自助登记: left at the kiosk, not yet dispatched */
    QUEUE_COUNT,
};

/* A queue's code as settings keep it ("open", "new" ...) and its label (msgid). */
const char *request_queue_code(enum request_queue q);
const char *request_queue_label(enum request_queue q);
/* What a queue holds, in a phrase (msgid). */
const char *request_queue_holds(enum request_queue q);
/* The queue a code names; -1 when none. */
int request_queue_parse(const char *code);

/* A level's label (msgid: 社区, 街道, 区). */
const char *request_level_label(enum request_level l);
/* A requester kind's code ("resident" ...) and back (-1 when none). */
const char *request_requester_code(enum requester_kind k);
int request_requester_parse(const char *code);
/* A follow-up answer's code ("satisfied" ...), label (msgid), and back (SAT_NONE when none). */
const char *request_satisfaction_code(enum satisfaction s);
const char *request_satisfaction_label(enum satisfaction s);
enum satisfaction request_satisfaction_parse(const char *code);

/* The longest title, in characters. */
#define REQUEST_TITLE_MAX 60

struct request {
    int64_t id; /* 0 until saved */
    char *number;
    enum request_state state;
    char *channel, *kind, *category; /* codes */
    int64_t item_id;
    char *item_code, *item_name; /* read only */
    int64_t unit_id;
    char *unit_name, *unit_phone; /* read only */
    int64_t first_unit_id;        /* the unit first dispatched to */
    int64_t returned_unit_id;     /* the unit that returned it first; 0 when never returned */
    enum requester_kind requester_kind;
    int64_t resident_id;
    char *requester, *requester_phone;
    int64_t building_id, grid_id, community_id, talk_id;
    int64_t organisation_id; /* the organisation (一企一档) that raised it; 0: none on file */
    char *building, *grid, *community, *talk; /* read only */
    enum request_level level;
    char *title, *detail;
    int accept_minutes; /* 签收 limit, working minutes */
    int resolve_amount; /* 办结 limit ... */
    char resolve_unit;  /* 'd' working days, 'h' working hours */
    time_t first_dispatched_at, dispatched_at, accept_due, accepted_at, contact_due, contacted_at,
        resolve_due, replied_at, followup_due, closed_at; /* 0: not yet */
    char *answer, *close_reason, *return_reason;
    int resolved; /* -1 not asked, 0 no, 1 yes */
    enum satisfaction satisfaction;
    int attempts, returns, reopens, extensions;
    time_t ext_due; /* an extension asked and not decided; 0 none */
    char *ext_reason;
    int unreachable;
    int kept; /* read alone (request_get()): the centre kept the dispatch after a return
               * (维持派单, 审定): the unit handles it, and returns it no more */
    int64_t duplicate_of;
    int64_t version;
    time_t created_at, updated_at;
    char *created_by, *updated_by;
};

/* The request's fields (record.h). */
extern const struct record_type request_record;

/* A request with every string "" and nothing set; free with request_free(). */
static inline void request_init(struct request *r)
{
    record_init(&request_record, r);
}
static inline void request_free(struct request *r)
{
    record_free(&request_record, r);
}
static inline void request_copy(struct request *dst, const struct request *src)
{
    record_copy(&request_record, dst, src);
}

/*
** The deadline of the clock running in r's state: 签收; once signed for,
** the first contact, then the result (办结); then the follow-up call (回访).
** 0 when none runs.
*/
time_t request_due(const struct request *r);

/* A request's clocks as stored (0: not yet), enough to tell when it was overdue. */
struct request_clocks {
    time_t created_at, first_dispatched_at, accept_due, accepted_at, contact_due, contacted_at,
        resolve_due, replied_at, followup_due, closed_at;
    int reopens; /* times handled again after an unsatisfied follow-up (重办) */
};

/*
** 1 when the request was open at t with the clock then running past its
** deadline (as request_due(): 签收, first contact, 办结, 回访), else 0. The
** deadlines are the last ones stored: a deadline since extended or
** restarted counts as it stands now. A request handled again after its
** reply (reopens, its 办结 clock restarted after the reply) runs on that
** clock again, not on the follow-up's.
*/
int request_overdue_at(const struct request_clocks *c, time_t t);

/* "2026-000123" for a year and a sequence number, into out (at least 16 bytes). */
char *request_number_format(int year, int64_t seq, char *out);
/*
** The request number typed (full-width digits and spaces allowed): a full
** number "2026-000123", the same without the dash "2026000123", a year and
** a short sequence "2025-218", or the sequence number alone ("123":
** this_year's). Writes the stored form into out (at least 16 bytes) and
** returns 0, or -1 when it is none of these.
*/
int request_number_read(const char *typed, int this_year, char *out);

/* The columns of a request ledger (written, not read): what a supervisor opens in Excel. */
enum request_ledger_field {
    RQF_NUMBER,
    RQF_CREATED,
    RQF_STATE,
    RQF_CHANNEL,
    RQF_KIND,
    RQF_CATEGORY,
    RQF_ITEM,
    RQF_REQUESTER,
    RQF_PHONE,
    RQF_COMMUNITY,
    RQF_GRID,
    RQF_BUILDING,
    RQF_TITLE,
    RQF_DETAIL,
    RQF_UNIT,
    RQF_DUE,
    RQF_CLOSED,
    RQF_SATISFACTION,
    RQF_RESULT,
    RQF_COUNT
};

struct ledger_schema;
extern const struct ledger_schema ledger_requests;

/*
** Field f of r as the request ledger writes it (times as YYYY-MM-DD HH:MM,
** words by their Chinese names; the phone as stored: the caller masks it).
** Caller frees.
*/
char *request_ledger_value(const struct request *r, enum request_ledger_field f);

/*
** What a correction changed from before to after (both as stored, with the
** names their ids point at), in words for the timeline: each field that
** differs, "标题由「旧」改为「新」", phones masked; "" when nothing differs.
** Caller frees.
*/
char *request_corrections(const struct request *before, const struct request *after);

#endif
