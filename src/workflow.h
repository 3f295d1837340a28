/*
** workflow: the life of a request, in one table (workflow.c). Each rule
** says, for a state and an action: the state it leads to, who may take
** it, the guard that must hold, what it does to the clocks, and how the
** timeline names it. Screens offer only what the table allows; the store
** applies a change through workflow_apply() and writes the event it
** returns in the same transaction. Several rules may share a state and an
** action: the first whose guard holds applies (three unanswered follow-up
** calls close a request; fewer keep it in 回访中).
*/
#ifndef BANGBAN_WORKFLOW_H
#define BANGBAN_WORKFLOW_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "request.h"
#include "workcal.h"

enum request_action {
    RA_REGISTER,          /* 登记: the request is taken down (no state before it) */
    RA_DISPATCH,          /* 派单 */
    RA_ANSWER,            /* 直接答复 */
    RA_VOID,              /* 不予受理 */
    RA_RETURN,            /* 退单 */
    RA_REROUTE,           /* 改派: to another unit */
    RA_INSIST,            /* 维持派单: back to the same unit */
    RA_ACCEPT,            /* 签收 (一叫就到) */
    RA_CONTACT,           /* 首次联系 (提锅上灶) */
    RA_ASK_EXTENSION,     /* 申请延期 */
    RA_APPROVE_EXTENSION, /* 批准延期 */
    RA_REFUSE_EXTENSION,  /* 驳回延期 */
    RA_REPLY,             /* 办结反馈 */
    RA_NO_ANSWER,         /* 回访未接通 */
    RA_FOLLOW_UP,         /* 回访: the requester's answers */
    RA_REDO,              /* 重新办理: the unit takes a reopened request up */
    RA_ESCALATE,          /* 升级: community -> street -> district */
    RA_URGE,              /* 催办 */
    RA_NOTE,              /* 备注 */
    RA_CORRECT,           /* 更正: what was taken down wrongly, the old values on the timeline */
    RA_COUNT,
};

/* Who may take an action (or-ed in a rule). */
enum workflow_role {
    ROLE_DESK = 1,       /* 前台 / the platform */
    ROLE_UNIT = 2,       /* 责任单位 (entered by whoever types it on the unit's behalf) */
    ROLE_SUPERVISOR = 4, /* 审批 / 督办 */
    ROLE_SYSTEM = 8,     /* the program itself (automatic dispatch) */
};

/* What an action needs from the person taking it. */
#define NEED_TEXT     1u  /* a text: the answer, the reason, the reply */
#define NEED_REASON   2u  /* a coded reason (退单) */
#define NEED_UNIT     4u  /* a unit to send it to */
#define NEED_DEADLINE 8u  /* a new deadline (延期) */
#define NEED_ANSWERS  16u /* the follow-up answers (解决, 满意) */

/* What a rule does to the clocks. */
#define CLOCK_DISPATCH 1u  /* the 签收 clock starts */
#define CLOCK_ACCEPT   2u  /* 签收 stamped; the 办结 and first-contact clocks start */
#define CLOCK_CONTACT  4u  /* first contact stamped (响应) */
#define CLOCK_EXTEND   8u  /* the 办结 deadline moves to the extension granted */
#define CLOCK_REPLY    16u /* the reply stamped; the 回访 clock starts (next working day) */
#define CLOCK_RESTART  32u /* a new 办结 clock from now (重办) */
#define CLOCK_CLOSE    64u /* closed stamped; no clock runs */

/*
** Follow-up calls not answered before a request is closed as unreachable,
** each at least WORKFLOW_FOLLOW_UP_GAP seconds after the one before (the
** step last written): three calls in a minute reach nobody who was out.
*/
#define WORKFLOW_FOLLOW_UP_TRIES 3
#define WORKFLOW_FOLLOW_UP_GAP   3600
/*
** Times a request goes back to its unit (重办) for a requester not
** satisfied; after that, a "not satisfied" closes it, recorded as such,
** for the supervisor to take up.
*/
#define WORKFLOW_MAX_REOPENS 1

/* What the person taking an action gives. Fields the action does not need are ignored. */
struct workflow_input {
    const char *text;      /* NEED_TEXT */
    const char *reason;    /* NEED_REASON: a code of workflow_return_reasons */
    int64_t unit_id;       /* NEED_UNIT (and RA_DISPATCH when the request has none) */
    const char *unit_name; /* for the timeline */
    time_t deadline;       /* NEED_DEADLINE */
    int resolved;          /* NEED_ANSWERS: 1 solved, 0 not */
    enum satisfaction satisfaction;
    int64_t duplicate_of; /* RA_VOID: the original, when a duplicate */
};

/* A guard: NULL when the rule may apply, else why not (msgid). in is NULL when asked what to offer.
 */
typedef const char *(*workflow_guard)(const struct request *r, const struct workflow_input *in,
                                      time_t now);

struct workflow_rule {
    enum request_state from;
    enum request_action action;
    enum request_state to; /* RS_COUNT: the state stays */
    unsigned roles;        /* ROLE_* that may take it */
    workflow_guard guard;  /* NULL: always */
    unsigned clocks;       /* CLOCK_* */
    const char *event;     /* how the timeline names it (msgid) */
};

/* The table, for tests and the help screen. */
const struct workflow_rule *workflow_rules(size_t *n);

/*
** How a timeline names a step that took a request from `from` to `to` by
** action a: the event of the rule that did (a msgid, "%s" where the unit
** goes: 派单至%s, but 批准延期 with none), else the action's label.
*/
const char *workflow_event_label(enum request_action a, enum request_state from,
                                 enum request_state to);

/* fmt (an event label, translated) with its "%s" made unit. Caller frees. */
char *workflow_event_text(const char *fmt, const char *unit);

/* An action's code ("accept"), label (msgid, 签收) and needs (NEED_*). */
const char *workflow_action_code(enum request_action a);
const char *workflow_action_label(enum request_action a);
unsigned workflow_action_needs(enum request_action a);
/* The action a code names, or -1. */
int workflow_action_parse(const char *code);
/*
** Whether action a, taken for reason (a return's code; NULL for none),
** must be written down: the steps that need a text but a follow-up (its
** answers say it), and a return for "other". A blank text is refused then.
*/
int workflow_text_required(enum request_action a, const char *reason);

/* A role's code ("unit"). */
const char *workflow_role_code(unsigned role);

/* The reasons a unit may give for returning a request (退单): codes and labels. */
extern const struct request_word workflow_return_reasons[];

/* What a change wrote: the timeline's row. */
struct workflow_event {
    enum request_action action;
    enum request_state from, to;
    unsigned role;   /* the role acted in */
    int64_t unit_id; /* the unit concerned, 0 when none */
    char *text;      /* details (reason, reply ...), in the clerk's words; caller frees */
};

/*
** Apply action a to r at now, acting in role (0: the first role the rule
** allows). On success r holds the new state, clocks and fields (updated_at
** now), *ev the event (free ev->text), and 0 is returned. Otherwise r is unchanged,
** *why says why (translated, borrowed) and -1 is returned: no rule for
** this state, a role that may not, a guard that fails, something needed
** missing.
*/
int workflow_apply(struct request *r, enum request_action a, const struct workflow_input *in,
                   unsigned role, time_t now, const struct workcal *cal, struct workflow_event *ev,
                   const char **why);

/* The counters a request keeps beside its timeline (struct request's fields of those names). */
struct workflow_counters {
    int returns;    /* 退单 */
    int extensions; /* 延期 granted */
    int reopens;    /* 重办 after an unsatisfied follow-up */
    int attempts;   /* unanswered follow-up calls since the last reply */
};

/*
** Fold one step of a timeline (action a, from, to) into c, as
** workflow_apply() counts it when the step is taken. Returns 0, or -1
** when the table has no such step (c unchanged).
*/
int workflow_count(struct workflow_counters *c, enum request_action a, enum request_state from,
                   enum request_state to);

/*
** A new request taken down at now: state 已登记, created_at set; *ev is
** the registering event (free ev->text).
*/
void workflow_register(struct request *r, time_t now, struct workflow_event *ev);

/*
** The actions r offers now (a rule from its state whose guard, asked
** without input, holds), each once, in table order, into out (at most
** cap). RA_NOTE comes last. Returns how many.
*/
size_t workflow_offered(const struct request *r, time_t now, enum request_action *out, size_t cap);

/* The role a rule for (r's state, a) allows first, or 0 when there is no such rule. */
unsigned workflow_role_for(const struct request *r, enum request_action a);

/* Who takes a step: the parts they play, and the one unit a unit handler acts for. */
struct workflow_actor {
    unsigned acts;   /* ROLE_* bits (roles_acts()); WORKFLOW_ANYONE where nobody signs in */
    int64_t unit_id; /* when set, a unit's steps only on requests sent to this unit */
};
/* Every part: a database with no users, where whoever runs bangban may do everything. */
#define WORKFLOW_ANYONE (ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR)

/*
** The part who plays taking action a on r: the first of the roles the
** action's rule allows that who plays (ROLE_UNIT only on a request sent to
** who's unit, when who has one). 0 when who plays none of them, with *why
** (translated, borrowed); also 0, without *why, when r's state has no
** such action.
*/
unsigned workflow_part(const struct request *r, enum request_action a,
                       const struct workflow_actor *who, const char **why);

/*
** workflow_offered(), keeping only the actions who may take (workflow_part()).
** Returns how many.
*/
size_t workflow_offered_to(const struct request *r, time_t now, const struct workflow_actor *who,
                           enum request_action *out, size_t cap);

/* Flags shown beside a request, computed from its clocks (not states). */
#define FLAG_URGE      1u  /* 催办: due within a working day, half its clock's time gone */
#define FLAG_OVERDUE   2u  /* 超时: past due */
#define FLAG_RED       4u  /* red: dispatched over 24 working hours ago without a response */
#define FLAG_YELLOW    8u  /* yellow: no progress for 3 working days */
#define FLAG_EXT_ASKED 16u /* an extension is waiting for a decision */

/*
** The flags of r at now. last_event is when its timeline last moved (0:
** unknown, no yellow).
*/
/*
** Whether a step of action a moves the request on: the warnings count from
** the last step that did (黄, three working days without progress; 催办,
** half the time gone). A note, an urge, an escalation or a correction does
** not: chasing a stalled request must not hide it from its warnings.
*/
int workflow_action_progresses(enum request_action a);

unsigned workflow_flags(const struct request *r, time_t now, time_t last_event,
                        const struct workcal *cal);

/* The 办结 deadline counted from `from` by r's limit (working days or hours). */
time_t workflow_resolve_deadline(const struct request *r, time_t from, const struct workcal *cal);

#endif
