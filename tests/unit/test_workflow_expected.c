/*
** The life of a request against expectations written by hand.
**
** test_workflow.c takes every rule of the table in src/workflow.c and
** checks that it applies: the table against itself. This file does not
** read that table. It states, from the practice of the call platforms
** (签收, 退单 and its review, 延期 and its approval, 回访 and 重办) and the
** comments of workflow.h, what the design allows:
**
**   expected_roles  for each of the 12 states and 20 actions, who may
**                   take the action there (0: nobody, it is refused);
**   expectations    for each allowed (state, action), the state it leads
**                   to, with requests built to satisfy and to violate its
**                   guards (a unit to dispatch to, an extension asked
**                   before the deadline, three unanswered calls, 不满意
**                   → 重办 once and then closed ...);
**   offered         what a plain request in each state offers;
**
** and asks the program (workflow_apply, workflow_role_for,
** workflow_offered, workflow_register) whether it agrees.
*/
#include "unit.h"
#include "src/clock.h"
#include "src/record.h"
#include "src/request.h"
#include "src/workcal.h"
#include "src/workflow.h"

#include <time.h>

/* Wednesday morning; the 办结 deadline of the requests below is the next Monday's end. */
static time_t NOW, DUE;
#define HOUR 3600
#define DAY  86400

/* --- who may take what, where ---------------------------------------------------------------- */

#define DESK   ROLE_DESK
#define UNIT   ROLE_UNIT
#define SUPER  ROLE_SUPERVISOR
#define AUTO   ROLE_SYSTEM
#define ANYONE (ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR)

/*
** The design's matrix: a state and an action give the roles that may take
** it; a pair not written is refused to everyone. 登记 is no action on a
** request that exists (workflow_register makes one); 备注 is allowed in
** every state, closed ones too.
*/
static const unsigned expected_roles[RS_COUNT][RA_COUNT] = {
    /* 已登记: dispatched (desk, or automatically from the item's unit), answered, not accepted */
    [RS_NEW] = {[RA_DISPATCH] = DESK | AUTO,
                [RA_ANSWER] = DESK,
                [RA_VOID] = DESK | SUPER,
                [RA_ESCALATE] = DESK | SUPER,
                [RA_NOTE] = ANYONE,
                [RA_CORRECT] = DESK | SUPER},
    [RS_ANSWERED] = {[RA_NOTE] = ANYONE, [RA_CORRECT] = DESK | SUPER},
    [RS_VOID] = {[RA_NOTE] = ANYONE, [RA_CORRECT] = DESK | SUPER},
    /* 已派单: the unit signs for it or returns it; the desk may chase it */
    [RS_DISPATCHED] = {[RA_ACCEPT] = UNIT,
                       [RA_RETURN] = UNIT,
                       [RA_ESCALATE] = DESK | SUPER,
                       [RA_URGE] = DESK | SUPER,
                       [RA_NOTE] = ANYONE,
                       [RA_CORRECT] = DESK | SUPER},
    /* 退单待审: the desk re-routes it or insists */
    [RS_RETURNED] = {[RA_REROUTE] = DESK | SUPER,
                     [RA_INSIST] = DESK | SUPER,
                     [RA_ESCALATE] = DESK | SUPER,
                     [RA_NOTE] = ANYONE,
                     [RA_CORRECT] = DESK | SUPER},
    /* 已签收: first contact (提锅上灶) */
    [RS_ACCEPTED] = {[RA_CONTACT] = UNIT,
                     [RA_ESCALATE] = DESK | SUPER,
                     [RA_URGE] = DESK | SUPER,
                     [RA_NOTE] = ANYONE,
                     [RA_CORRECT] = DESK | SUPER},
    /* 办理中: the unit asks for more time or replies; a supervisor decides on the time */
    [RS_IN_PROGRESS] = {[RA_ASK_EXTENSION] = UNIT,
                        [RA_APPROVE_EXTENSION] = SUPER,
                        [RA_REFUSE_EXTENSION] = SUPER,
                        [RA_REPLY] = UNIT,
                        [RA_ESCALATE] = DESK | SUPER,
                        [RA_URGE] = DESK | SUPER,
                        [RA_NOTE] = ANYONE,
                        [RA_CORRECT] = DESK | SUPER},
    /* 延期: the unit replies within the time granted */
    [RS_SUSPENDED] = {[RA_REPLY] = UNIT,
                      [RA_ESCALATE] = DESK | SUPER,
                      [RA_URGE] = DESK | SUPER,
                      [RA_NOTE] = ANYONE,
                      [RA_CORRECT] = DESK | SUPER},
    /* 已反馈 and 回访中: the desk phones the requester */
    [RS_REPLIED] = {[RA_NO_ANSWER] = DESK,
                    [RA_FOLLOW_UP] = DESK,
                    [RA_NOTE] = ANYONE,
                    [RA_CORRECT] = DESK | SUPER},
    [RS_FOLLOW_UP] = {[RA_NO_ANSWER] = DESK,
                      [RA_FOLLOW_UP] = DESK,
                      [RA_NOTE] = ANYONE,
                      [RA_CORRECT] = DESK | SUPER},
    [RS_CLOSED] = {[RA_NOTE] = ANYONE, [RA_CORRECT] = DESK | SUPER},
    /* 重办: the unit takes it up again */
    [RS_REOPENED] = {[RA_REDO] = UNIT,
                     [RA_ESCALATE] = DESK | SUPER,
                     [RA_URGE] = DESK | SUPER,
                     [RA_NOTE] = ANYONE,
                     [RA_CORRECT] = DESK | SUPER},
};

/* --- situations: a request and what the person taking the action gives ---------------------- */

enum setup {
    PLAIN,             /* the request as it usually is in that state; a text given */
    NO_TEXT,           /* nothing written */
    CONSULT,           /* a consultation */
    CONSULT_NO_TEXT,   /* a consultation, no answer written */
    NO_UNIT,           /* no unit on the request and none chosen */
    UNIT_CHOSEN,       /* no unit on the request; one chosen */
    NO_UNIT_CHOSEN,    /* the request has its unit; none chosen */
    OTHER_UNIT,        /* another unit chosen */
    SAME_UNIT,         /* the unit it came back from chosen */
    REASON_NONE,       /* 退单 without a reason */
    REASON_UNKNOWN,    /* a reason that is not one of the codes */
    REASON_CODE_NOTE,  /* 权属不清, with a note */
    REASON_CODE_BARE,  /* 属地不符, without a note */
    REASON_OTHER_NOTE, /* 其他, saying what */
    REASON_OTHER_BARE, /* 其他, saying nothing */
    EXT_OK,            /* asked before the deadline, for a later one, with a reason */
    EXT_NO_TEXT,       /* as EXT_OK, no reason written */
    EXT_NO_DEADLINE,   /* no new deadline given */
    EXT_SAME_DEADLINE, /* the new deadline is the current one */
    EXT_EARLIER,       /* the new deadline is before the current one */
    EXT_AT_DEADLINE,   /* asked at the very minute of the deadline */
    EXT_LATE,          /* asked after the deadline */
    EXT_TWICE,         /* asked while an extension waits for a decision */
    PENDING,           /* an extension waits for a decision; a text given */
    PENDING_NO_TEXT,   /* as PENDING, nothing written (the requester must be told) */
    PENDING_LATE,      /* as PENDING, decided after the old deadline passed */
    TRY_SECOND,        /* one call went unanswered before this one */
    TRY_THIRD,         /* two calls went unanswered before this one */
    SATISFIED,         /* 解决, 满意 */
    BASIC,             /* 解决, 基本满意 */
    UNSOLVED_CONTENT,  /* 未解决, 满意 */
    UNSATISFIED,       /* 不满意, never handled again */
    UNSATISFIED_AGAIN, /* 不满意, handled again once already */
    NO_SATISFACTION,   /* 解决, but how satisfied not said */
    NO_RESOLVED,       /* 满意, but whether solved not said */
    AT_STREET,         /* at the street level */
    AT_DISTRICT,       /* at the district level */
};

struct situation {
    struct request r;
    struct workflow_input in;
    time_t now;
};

/* A request in state s as it usually is there, written out field by field. */
static void base(struct request *r, enum request_state s)
{
    request_init(r);
    r->id = 1;
    r->state = s;
    record_set(&r->number, "2026-000001");
    record_set(&r->kind, "help");
    record_set(&r->title, "申请低保");
    r->unit_id = 7;
    record_set(&r->unit_name, "区民政局");
    r->level = LEVEL_COMMUNITY;
    r->accept_minutes = 60;
    r->resolve_amount = 5;
    r->resolve_unit = 'd';
    r->resolved = -1;
    r->created_at = NOW - 2 * HOUR;
    if (s != RS_NEW && s != RS_ANSWERED && s != RS_VOID) {
        r->first_unit_id = 7;
        r->first_dispatched_at = r->dispatched_at = NOW - HOUR;
        r->accept_due = NOW;
    }
    switch (s) {
    case RS_ANSWERED:
    case RS_VOID:
        r->closed_at = NOW - HOUR;
        break;
    case RS_RETURNED:
        r->returns = 1;
        r->returned_unit_id = 7;
        record_set(&r->return_reason, "wrong_area");
        break;
    case RS_REOPENED:
        r->reopens = 1;
        /* fall through */
    case RS_ACCEPTED:
    case RS_IN_PROGRESS:
    case RS_SUSPENDED:
    case RS_REPLIED:
    case RS_FOLLOW_UP:
    case RS_CLOSED:
        r->accepted_at = NOW - HOUR / 2;
        r->resolve_due = DUE;
        if (s != RS_ACCEPTED) r->contacted_at = NOW - HOUR / 4;
        if (s == RS_REPLIED || s == RS_FOLLOW_UP || s == RS_CLOSED) {
            r->replied_at = NOW - HOUR / 8;
            r->followup_due = DUE;
        }
        if (s == RS_FOLLOW_UP) r->attempts = 1;
        if (s == RS_CLOSED) r->closed_at = NOW - 60;
        break;
    default:
        break;
    }
}

static void situate(struct situation *x, enum request_state from, enum setup how)
{
    struct request *r = &x->r;
    struct workflow_input *in = &x->in;
    base(r, from);
    memset(in, 0, sizeof *in);
    in->text = "已记录";
    x->now = NOW;
    switch (how) {
    case PLAIN:
        break;
    case NO_TEXT:
        in->text = "";
        break;
    case CONSULT:
        record_set(&r->kind, "consult");
        break;
    case CONSULT_NO_TEXT:
        record_set(&r->kind, "consult");
        in->text = "";
        break;
    case NO_UNIT:
        r->unit_id = 0;
        record_set(&r->unit_name, "");
        break;
    case UNIT_CHOSEN:
        r->unit_id = 0;
        record_set(&r->unit_name, "");
        in->unit_id = 8;
        in->unit_name = "区残联";
        break;
    case NO_UNIT_CHOSEN:
        break;
    case OTHER_UNIT:
        in->unit_id = 8;
        in->unit_name = "区残联";
        break;
    case SAME_UNIT:
        in->unit_id = 7;
        in->unit_name = "区民政局";
        break;
    case REASON_NONE:
        in->text = "不归我们管";
        break;
    case REASON_UNKNOWN:
        in->reason = "too_busy";
        break;
    case REASON_CODE_NOTE:
        in->reason = "unclear_ownership";
        in->text = "产权属于市房管局";
        break;
    case REASON_CODE_BARE:
        in->reason = "wrong_area";
        in->text = "";
        break;
    case REASON_OTHER_NOTE:
        in->reason = "other";
        in->text = "诉求人已搬离本区";
        break;
    case REASON_OTHER_BARE:
        in->reason = "other";
        in->text = "";
        break;
    case EXT_OK:
        in->text = "需要协调供热公司";
        in->deadline = DUE + 3 * DAY;
        break;
    case EXT_NO_TEXT:
        in->text = "";
        in->deadline = DUE + 3 * DAY;
        break;
    case EXT_NO_DEADLINE:
        in->text = "需要协调供热公司";
        break;
    case EXT_SAME_DEADLINE:
        in->text = "需要协调供热公司";
        in->deadline = DUE;
        break;
    case EXT_EARLIER:
        in->text = "需要协调供热公司";
        in->deadline = DUE - DAY;
        break;
    case EXT_AT_DEADLINE:
        in->text = "需要协调供热公司";
        in->deadline = DUE + 3 * DAY;
        x->now = DUE;
        break;
    case EXT_LATE:
        in->text = "需要协调供热公司";
        in->deadline = DUE + 3 * DAY;
        x->now = DUE + HOUR;
        break;
    case EXT_TWICE:
        r->ext_due = DUE + 2 * DAY;
        record_set(&r->ext_reason, "需要协调");
        in->text = "还需要更久";
        in->deadline = DUE + 5 * DAY;
        break;
    case PENDING:
        r->ext_due = DUE + 3 * DAY;
        record_set(&r->ext_reason, "需要协调");
        in->text = "已电话告知诉求人";
        break;
    case PENDING_NO_TEXT:
        r->ext_due = DUE + 3 * DAY;
        record_set(&r->ext_reason, "需要协调");
        in->text = "";
        break;
    case PENDING_LATE:
        r->ext_due = DUE + 3 * DAY;
        record_set(&r->ext_reason, "需要协调");
        in->text = "已电话告知诉求人";
        x->now = DUE + HOUR;
        break;
    case TRY_SECOND:
        r->attempts = 1;
        break;
    case TRY_THIRD:
        r->attempts = 2;
        break;
    case SATISFIED:
        in->resolved = 1;
        in->satisfaction = SAT_SATISFIED;
        break;
    case BASIC:
        in->resolved = 1;
        in->satisfaction = SAT_BASIC;
        break;
    case UNSOLVED_CONTENT:
        in->resolved = 0;
        in->satisfaction = SAT_SATISFIED;
        break;
    case UNSATISFIED:
        r->reopens = 0;
        in->resolved = 0;
        in->satisfaction = SAT_UNSATISFIED;
        break;
    case UNSATISFIED_AGAIN:
        r->reopens = 1;
        in->resolved = 0;
        in->satisfaction = SAT_UNSATISFIED;
        break;
    case NO_SATISFACTION:
        in->resolved = 1;
        in->satisfaction = SAT_NONE;
        break;
    case NO_RESOLVED:
        in->resolved = -1;
        in->satisfaction = SAT_SATISFIED;
        break;
    case AT_STREET:
        r->level = LEVEL_STREET;
        break;
    case AT_DISTRICT:
        r->level = LEVEL_DISTRICT;
        break;
    }
}

/* --- the expectations --------------------------------------------------------------------- */

#define REFUSED (-1)

struct expectation {
    enum request_state from;
    enum request_action action;
    enum setup how;
    int to;                   /* the state it leads to, or REFUSED */
    const char *close_reason; /* when it closes the request: the reason recorded */
};

/*
** Every allowed (state, action) has a row that succeeds; every guard has
** a row on each side of it. The target state is written out even when
** the state stays.
*/
static const struct expectation expectations[] = {
    /* 已登记 */
    {RS_NEW, RA_DISPATCH, PLAIN, RS_DISPATCHED, NULL},
    {RS_NEW, RA_DISPATCH, UNIT_CHOSEN, RS_DISPATCHED, NULL},
    {RS_NEW, RA_DISPATCH, NO_UNIT, REFUSED, NULL}, /* it needs a unit */
    {RS_NEW, RA_ANSWER, CONSULT, RS_ANSWERED, "answered"},
    {RS_NEW, RA_ANSWER, PLAIN, REFUSED, NULL},           /* only a consultation */
    {RS_NEW, RA_ANSWER, CONSULT_NO_TEXT, REFUSED, NULL}, /* the answer is recorded */
    {RS_NEW, RA_VOID, PLAIN, RS_VOID, "void"},
    {RS_NEW, RA_VOID, NO_TEXT, REFUSED, NULL}, /* a reason is required */
    {RS_NEW, RA_ESCALATE, PLAIN, RS_NEW, NULL},
    {RS_NEW, RA_ESCALATE, AT_STREET, RS_NEW, NULL},
    {RS_NEW, RA_ESCALATE, AT_DISTRICT, REFUSED, NULL}, /* nothing above the district */
    {RS_NEW, RA_ESCALATE, NO_TEXT, REFUSED, NULL},
    {RS_NEW, RA_NOTE, PLAIN, RS_NEW, NULL},
    {RS_NEW, RA_CORRECT, PLAIN, RS_NEW, NULL},
    {RS_NEW, RA_NOTE, NO_TEXT, REFUSED, NULL},

    /* 直接答复, 不予受理: closed; notes only */
    {RS_ANSWERED, RA_NOTE, PLAIN, RS_ANSWERED, NULL},
    {RS_ANSWERED, RA_CORRECT, PLAIN, RS_ANSWERED, NULL},
    {RS_VOID, RA_NOTE, PLAIN, RS_VOID, NULL},
    {RS_VOID, RA_CORRECT, PLAIN, RS_VOID, NULL},

    /* 已派单 */
    {RS_DISPATCHED, RA_ACCEPT, PLAIN, RS_ACCEPTED, NULL},
    {RS_DISPATCHED, RA_RETURN, REASON_CODE_NOTE, RS_RETURNED, NULL},
    {RS_DISPATCHED, RA_RETURN, REASON_OTHER_NOTE, RS_RETURNED, NULL},
    {RS_DISPATCHED, RA_RETURN, REASON_NONE, REFUSED, NULL},
    {RS_DISPATCHED, RA_RETURN, REASON_UNKNOWN, REFUSED, NULL},
    {RS_DISPATCHED, RA_RETURN, REASON_OTHER_BARE, REFUSED, NULL},
    /* DESIGN §4: a coded reason is enough; only 其他 must say more */
    {RS_DISPATCHED, RA_RETURN, REASON_CODE_BARE, RS_RETURNED, NULL},
    {RS_DISPATCHED, RA_ESCALATE, PLAIN, RS_DISPATCHED, NULL},
    {RS_DISPATCHED, RA_URGE, PLAIN, RS_DISPATCHED, NULL},
    {RS_DISPATCHED, RA_URGE, NO_TEXT, REFUSED, NULL},
    {RS_DISPATCHED, RA_NOTE, PLAIN, RS_DISPATCHED, NULL},
    {RS_DISPATCHED, RA_CORRECT, PLAIN, RS_DISPATCHED, NULL},

    /* 退单待审 */
    {RS_RETURNED, RA_REROUTE, OTHER_UNIT, RS_DISPATCHED, NULL},
    {RS_RETURNED, RA_REROUTE, SAME_UNIT, REFUSED, NULL}, /* that is insisting */
    {RS_RETURNED, RA_REROUTE, NO_UNIT_CHOSEN, REFUSED, NULL},
    {RS_RETURNED, RA_INSIST, PLAIN, RS_DISPATCHED, NULL},
    {RS_RETURNED, RA_INSIST, NO_TEXT, REFUSED, NULL},
    {RS_RETURNED, RA_ESCALATE, PLAIN, RS_RETURNED, NULL},
    {RS_RETURNED, RA_NOTE, PLAIN, RS_RETURNED, NULL},
    {RS_RETURNED, RA_CORRECT, PLAIN, RS_RETURNED, NULL},

    /* 已签收 */
    {RS_ACCEPTED, RA_CONTACT, PLAIN, RS_IN_PROGRESS, NULL},
    {RS_ACCEPTED, RA_CONTACT, NO_TEXT, REFUSED, NULL}, /* the first-contact record */
    {RS_ACCEPTED, RA_ESCALATE, PLAIN, RS_ACCEPTED, NULL},
    {RS_ACCEPTED, RA_URGE, PLAIN, RS_ACCEPTED, NULL},
    {RS_ACCEPTED, RA_NOTE, PLAIN, RS_ACCEPTED, NULL},
    {RS_ACCEPTED, RA_CORRECT, PLAIN, RS_ACCEPTED, NULL},

    /* 办理中: 延期 is asked before the deadline, for a later one, and waits for a decision (or a
     * reply, which withdraws it) */
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_OK, RS_IN_PROGRESS, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_NO_TEXT, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_NO_DEADLINE, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_SAME_DEADLINE, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_EARLIER, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_AT_DEADLINE, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_LATE, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, EXT_TWICE, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_APPROVE_EXTENSION, PENDING, RS_SUSPENDED, NULL},
    {RS_IN_PROGRESS, RA_APPROVE_EXTENSION, PLAIN, REFUSED, NULL},           /* nothing asked */
    {RS_IN_PROGRESS, RA_APPROVE_EXTENSION, PENDING_NO_TEXT, REFUSED, NULL}, /* requester told */
    /* asked before the deadline, it may be decided after it: the unit asked in time */
    {RS_IN_PROGRESS, RA_APPROVE_EXTENSION, PENDING_LATE, RS_SUSPENDED, NULL},
    {RS_IN_PROGRESS, RA_REFUSE_EXTENSION, PENDING, RS_IN_PROGRESS, NULL},
    {RS_IN_PROGRESS, RA_REFUSE_EXTENSION, PENDING_LATE, RS_IN_PROGRESS, NULL},
    {RS_IN_PROGRESS, RA_REFUSE_EXTENSION, PLAIN, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_REFUSE_EXTENSION, PENDING_NO_TEXT, REFUSED, NULL},
    {RS_IN_PROGRESS, RA_REPLY, PLAIN, RS_REPLIED, NULL},
    {RS_IN_PROGRESS, RA_REPLY, NO_TEXT, REFUSED, NULL}, /* the result is written */
    /* done early: the extension asked is withdrawn */
    {RS_IN_PROGRESS, RA_REPLY, PENDING, RS_REPLIED, NULL},
    {RS_IN_PROGRESS, RA_ESCALATE, PLAIN, RS_IN_PROGRESS, NULL},
    {RS_IN_PROGRESS, RA_URGE, PLAIN, RS_IN_PROGRESS, NULL},
    {RS_IN_PROGRESS, RA_NOTE, PLAIN, RS_IN_PROGRESS, NULL},
    {RS_IN_PROGRESS, RA_CORRECT, PLAIN, RS_IN_PROGRESS, NULL},

    /* 延期 */
    {RS_SUSPENDED, RA_REPLY, PLAIN, RS_REPLIED, NULL},
    {RS_SUSPENDED, RA_REPLY, NO_TEXT, REFUSED, NULL},
    {RS_SUSPENDED, RA_ESCALATE, PLAIN, RS_SUSPENDED, NULL},
    {RS_SUSPENDED, RA_URGE, PLAIN, RS_SUSPENDED, NULL},
    {RS_SUSPENDED, RA_NOTE, PLAIN, RS_SUSPENDED, NULL},
    {RS_SUSPENDED, RA_CORRECT, PLAIN, RS_SUSPENDED, NULL},

    /* 已反馈: the first call */
    {RS_REPLIED, RA_NO_ANSWER, PLAIN, RS_FOLLOW_UP, NULL},
    {RS_REPLIED, RA_FOLLOW_UP, SATISFIED, RS_CLOSED, "resolved"},
    {RS_REPLIED, RA_FOLLOW_UP, BASIC, RS_CLOSED, "resolved"},
    {RS_REPLIED, RA_FOLLOW_UP, UNSOLVED_CONTENT, RS_CLOSED, "unresolved"},
    {RS_REPLIED, RA_FOLLOW_UP, UNSATISFIED, RS_REOPENED, NULL},
    {RS_REPLIED, RA_FOLLOW_UP, UNSATISFIED_AGAIN, RS_CLOSED, "unsatisfied"},
    {RS_REPLIED, RA_FOLLOW_UP, NO_SATISFACTION, REFUSED, NULL},
    {RS_REPLIED, RA_FOLLOW_UP, NO_RESOLVED, REFUSED, NULL},
    {RS_REPLIED, RA_NOTE, PLAIN, RS_REPLIED, NULL},
    {RS_REPLIED, RA_CORRECT, PLAIN, RS_REPLIED, NULL},

    /* 回访中: calls went unanswered; the third unanswered closes it */
    {RS_FOLLOW_UP, RA_NO_ANSWER, TRY_SECOND, RS_FOLLOW_UP, NULL},
    {RS_FOLLOW_UP, RA_NO_ANSWER, TRY_THIRD, RS_CLOSED, "unreachable"},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, SATISFIED, RS_CLOSED, "resolved"},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, BASIC, RS_CLOSED, "resolved"},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, UNSOLVED_CONTENT, RS_CLOSED, "unresolved"},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, UNSATISFIED, RS_REOPENED, NULL},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, UNSATISFIED_AGAIN, RS_CLOSED, "unsatisfied"},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, NO_SATISFACTION, REFUSED, NULL},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, NO_RESOLVED, REFUSED, NULL},
    {RS_FOLLOW_UP, RA_NOTE, PLAIN, RS_FOLLOW_UP, NULL},
    {RS_FOLLOW_UP, RA_CORRECT, PLAIN, RS_FOLLOW_UP, NULL},

    /* 已办结: notes only */
    {RS_CLOSED, RA_NOTE, PLAIN, RS_CLOSED, NULL},
    {RS_CLOSED, RA_CORRECT, PLAIN, RS_CLOSED, NULL},
    {RS_CLOSED, RA_NOTE, NO_TEXT, REFUSED, NULL},

    /* 重办 */
    {RS_REOPENED, RA_REDO, PLAIN, RS_IN_PROGRESS, NULL},
    {RS_REOPENED, RA_ESCALATE, PLAIN, RS_REOPENED, NULL},
    {RS_REOPENED, RA_URGE, PLAIN, RS_REOPENED, NULL},
    {RS_REOPENED, RA_NOTE, PLAIN, RS_REOPENED, NULL},
    {RS_REOPENED, RA_CORRECT, PLAIN, RS_REOPENED, NULL},
};

/* What the program offers a plain request (the base fixture) in each state, NOTE last. */
static const struct {
    enum request_state state;
    enum request_action actions[8];
    size_t n;
} offered[] = {
    {RS_NEW, {RA_DISPATCH, RA_VOID, RA_ESCALATE, RA_NOTE}, 4}, /* not a consultation */
    {RS_ANSWERED, {RA_NOTE}, 1},
    {RS_VOID, {RA_NOTE}, 1},
    {RS_DISPATCHED, {RA_ACCEPT, RA_RETURN, RA_ESCALATE, RA_URGE, RA_NOTE}, 5},
    {RS_RETURNED, {RA_REROUTE, RA_INSIST, RA_ESCALATE, RA_NOTE}, 4},
    {RS_ACCEPTED, {RA_CONTACT, RA_ESCALATE, RA_URGE, RA_NOTE}, 4},
    /* no extension waiting: nothing to approve or refuse */
    {RS_IN_PROGRESS, {RA_ASK_EXTENSION, RA_REPLY, RA_ESCALATE, RA_URGE, RA_NOTE}, 5},
    {RS_SUSPENDED, {RA_REPLY, RA_ESCALATE, RA_URGE, RA_NOTE}, 4},
    {RS_REPLIED, {RA_NO_ANSWER, RA_FOLLOW_UP, RA_NOTE}, 3},
    {RS_FOLLOW_UP, {RA_NO_ANSWER, RA_FOLLOW_UP, RA_NOTE}, 3},
    {RS_CLOSED, {RA_NOTE}, 1},
    {RS_REOPENED, {RA_REDO, RA_ESCALATE, RA_URGE, RA_NOTE}, 4},
};

/* --- helpers ------------------------------------------------------------------------------ */

static const unsigned role_bits[] = {ROLE_DESK, ROLE_UNIT, ROLE_SUPERVISOR, ROLE_SYSTEM};
#define NROLES (sizeof role_bits / sizeof role_bits[0])

static unsigned lowest_role(unsigned roles)
{
    for (size_t i = 0; i < NROLES; i++)
        if (roles & role_bits[i]) return role_bits[i];
    return 0;
}

/* What a refusal must leave as it was. */
struct snapshot {
    int state, level, attempts, returns, reopens, extensions, unreachable, resolved, satisfaction;
    int64_t unit_id;
    time_t dispatched_at, accept_due, accepted_at, contacted_at, resolve_due, replied_at,
        followup_due, closed_at, ext_due;
    char close_reason[32], answer[64];
};

static void snap(const struct request *r, struct snapshot *s)
{
    memset(s, 0, sizeof *s);
    s->state = (int)r->state;
    s->level = (int)r->level;
    s->attempts = r->attempts;
    s->returns = r->returns;
    s->reopens = r->reopens;
    s->extensions = r->extensions;
    s->unreachable = r->unreachable;
    s->resolved = r->resolved;
    s->satisfaction = (int)r->satisfaction;
    s->unit_id = r->unit_id;
    s->dispatched_at = r->dispatched_at;
    s->accept_due = r->accept_due;
    s->accepted_at = r->accepted_at;
    s->contacted_at = r->contacted_at;
    s->resolve_due = r->resolve_due;
    s->replied_at = r->replied_at;
    s->followup_due = r->followup_due;
    s->closed_at = r->closed_at;
    s->ext_due = r->ext_due;
    snprintf(s->close_reason, sizeof s->close_reason, "%s", r->close_reason ? r->close_reason : "");
    snprintf(s->answer, sizeof s->answer, "%s", r->answer ? r->answer : "");
}

static const char *state_name(int s)
{
    return s == REFUSED ? "(refused)" : request_state_code((enum request_state)s);
}

static const char *how_name(enum setup how)
{
    static const char *const names[] = {
        [PLAIN] = "PLAIN",
        [NO_TEXT] = "NO_TEXT",
        [CONSULT] = "CONSULT",
        [CONSULT_NO_TEXT] = "CONSULT_NO_TEXT",
        [NO_UNIT] = "NO_UNIT",
        [UNIT_CHOSEN] = "UNIT_CHOSEN",
        [NO_UNIT_CHOSEN] = "NO_UNIT_CHOSEN",
        [OTHER_UNIT] = "OTHER_UNIT",
        [SAME_UNIT] = "SAME_UNIT",
        [REASON_NONE] = "REASON_NONE",
        [REASON_UNKNOWN] = "REASON_UNKNOWN",
        [REASON_CODE_NOTE] = "REASON_CODE_NOTE",
        [REASON_CODE_BARE] = "REASON_CODE_BARE",
        [REASON_OTHER_NOTE] = "REASON_OTHER_NOTE",
        [REASON_OTHER_BARE] = "REASON_OTHER_BARE",
        [EXT_OK] = "EXT_OK",
        [EXT_NO_TEXT] = "EXT_NO_TEXT",
        [EXT_NO_DEADLINE] = "EXT_NO_DEADLINE",
        [EXT_SAME_DEADLINE] = "EXT_SAME_DEADLINE",
        [EXT_EARLIER] = "EXT_EARLIER",
        [EXT_AT_DEADLINE] = "EXT_AT_DEADLINE",
        [EXT_LATE] = "EXT_LATE",
        [EXT_TWICE] = "EXT_TWICE",
        [PENDING] = "PENDING",
        [PENDING_NO_TEXT] = "PENDING_NO_TEXT",
        [PENDING_LATE] = "PENDING_LATE",
        [TRY_SECOND] = "TRY_SECOND",
        [TRY_THIRD] = "TRY_THIRD",
        [SATISFIED] = "SATISFIED",
        [BASIC] = "BASIC",
        [UNSOLVED_CONTENT] = "UNSOLVED_CONTENT",
        [UNSATISFIED] = "UNSATISFIED",
        [UNSATISFIED_AGAIN] = "UNSATISFIED_AGAIN",
        [NO_SATISFACTION] = "NO_SATISFACTION",
        [NO_RESOLVED] = "NO_RESOLVED",
        [AT_STREET] = "AT_STREET",
        [AT_DISTRICT] = "AT_DISTRICT",
    };
    return how < sizeof names / sizeof names[0] && names[how] ? names[how] : "?";
}

/* Apply e's action in role to a fresh situation; the resulting state, or REFUSED. */
static int attempt(const struct expectation *e, unsigned role, const struct workcal *cal,
                   const char **why_out, char *close_reason, size_t cap)
{
    struct situation x;
    situate(&x, e->from, e->how);
    struct snapshot before, after;
    snap(&x.r, &before);
    struct workflow_event ev;
    const char *why = NULL;
    int rc = workflow_apply(&x.r, e->action, &x.in, role, x.now, cal, &ev, &why);
    int result;
    if (rc == 0) {
        result = (int)x.r.state;
        if (ev.action != e->action || (int)ev.from != (int)e->from || (int)ev.to != result)
            fail_msg("%s from %s: the event says %s from %s to %s", workflow_action_code(e->action),
                     state_name(e->from), workflow_action_code(ev.action), state_name(ev.from),
                     state_name(ev.to));
        if (role && ev.role != role)
            fail_msg("%s from %s: acted as %s, recorded as %s", workflow_action_code(e->action),
                     state_name(e->from), workflow_role_code(role), workflow_role_code(ev.role));
        if (close_reason) snprintf(close_reason, cap, "%s", x.r.close_reason);
        free(ev.text);
    } else {
        result = REFUSED;
        if (!why || !*why)
            fail_msg("%s from %s (%s): refused without saying why", workflow_action_code(e->action),
                     state_name(e->from), how_name(e->how));
        snap(&x.r, &after);
        if (memcmp(&before, &after, sizeof before) != 0)
            fail_msg("%s from %s (%s): refused, yet the request changed",
                     workflow_action_code(e->action), state_name(e->from), how_name(e->how));
    }
    if (why_out) *why_out = why;
    request_free(&x.r);
    return result;
}

/* --- the tests ---------------------------------------------------------------------------- */

/* The table of expectations is whole: each allowed pair succeeds somewhere, no row is for a
 * refused pair. */
static void expectations_are_whole(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof expectations / sizeof expectations[0]; i++)
        if (!expected_roles[expectations[i].from][expectations[i].action])
            fail_msg("row %zu: %s from %s is a pair the design refuses", i,
                     workflow_action_code(expectations[i].action),
                     state_name(expectations[i].from));
    for (int s = 0; s < RS_COUNT; s++)
        for (int a = 0; a < RA_COUNT; a++) {
            if (!expected_roles[s][a]) continue;
            int found = 0;
            for (size_t i = 0; i < sizeof expectations / sizeof expectations[0]; i++)
                found |= (int)expectations[i].from == s && (int)expectations[i].action == a &&
                         expectations[i].to >= 0;
            if (!found)
                fail_msg("%s from %s is allowed but no row says where it leads",
                         workflow_action_code((enum request_action)a), state_name(s));
        }
}

/* Every one of the 12 x 20 pairs: the program knows a rule for it exactly when the design does,
 * and the first role it names is the first the design names. */
static void every_pair_allowed_or_refused(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    size_t allowed = 0, refused = 0;
    for (int s = 0; s < RS_COUNT; s++)
        for (int a = 0; a < RA_COUNT; a++) {
            unsigned want = expected_roles[s][a];
            struct request r;
            base(&r, (enum request_state)s);
            unsigned got = workflow_role_for(&r, (enum request_action)a);
            request_free(&r);
            if (got != lowest_role(want))
                fail_msg("%s from %s: the program's first role is %u, the design's %u",
                         workflow_action_code((enum request_action)a), state_name(s), got,
                         lowest_role(want));
            if (want) {
                allowed++;
                continue;
            }
            refused++;
            /*
            ** Refused to everyone, however favourable the request and whatever is
            ** given: a consultation, an extension waiting, a last call, a reopen
            ** used, and every field of the input filled in.
            */
            for (int variant = 0; variant < 2; variant++)
                for (size_t k = 0; k <= NROLES; k++) {
                    struct situation x;
                    situate(&x, (enum request_state)s, PLAIN);
                    x.in.text = "已记录";
                    x.in.reason = "wrong_area";
                    x.in.unit_id = 8;
                    x.in.unit_name = "区残联";
                    x.in.deadline = DUE + 3 * DAY;
                    x.in.resolved = 1;
                    x.in.satisfaction = variant ? SAT_UNSATISFIED : SAT_SATISFIED;
                    if (variant) {
                        record_set(&x.r.kind, "consult");
                        x.r.ext_due = DUE + DAY;
                        x.r.attempts = 2;
                        x.r.reopens = 1;
                    }
                    struct snapshot before, after;
                    snap(&x.r, &before);
                    struct workflow_event ev;
                    const char *why = NULL;
                    unsigned role = k < NROLES ? role_bits[k] : 0;
                    int rc = workflow_apply(&x.r, (enum request_action)a, &x.in, role, x.now, &cal,
                                            &ev, &why);
                    if (rc == 0) {
                        free(ev.text);
                        fail_msg("%s from %s (role %s, variant %d) was allowed; the design "
                                 "refuses it",
                                 workflow_action_code((enum request_action)a), state_name(s),
                                 role ? workflow_role_code(role) : "default", variant);
                    }
                    assert_non_null(why);
                    snap(&x.r, &after);
                    assert_memory_equal(&before, &after, sizeof before);
                    request_free(&x.r);
                }
        }
    assert_int_equal(allowed + refused, (size_t)RS_COUNT * RA_COUNT);
    assert_int_equal(allowed, 54); /* 42 + 更正 in each of the 12 states */
    workcal_free(&cal);
}

/* Each row of expectations: the state reached (or the refusal), in every role. */
static void every_expectation_holds(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    for (size_t i = 0; i < sizeof expectations / sizeof expectations[0]; i++) {
        const struct expectation *e = &expectations[i];
        const char *why = NULL;
        char reason[32] = "";
        int got = attempt(e, 0, &cal, &why, reason, sizeof reason);
        if (got != e->to)
            fail_msg("row %zu: %s from %s (%s) should lead to %s; the program gives %s%s%s", i,
                     workflow_action_code(e->action), state_name(e->from), how_name(e->how),
                     state_name(e->to), state_name(got), why ? ": " : "", why ? why : "");
        if (e->close_reason && strcmp(reason, e->close_reason) != 0)
            fail_msg("row %zu: %s from %s (%s) should close as \"%s\", not \"%s\"", i,
                     workflow_action_code(e->action), state_name(e->from), how_name(e->how),
                     e->close_reason, reason);
        unsigned roles = expected_roles[e->from][e->action];
        for (size_t k = 0; k < NROLES; k++) {
            int want = e->to == REFUSED || !(roles & role_bits[k]) ? REFUSED : e->to;
            int in_role = attempt(e, role_bits[k], &cal, NULL, NULL, 0);
            if (in_role != want)
                fail_msg("row %zu: %s from %s (%s) as %s should give %s, the program gives %s", i,
                         workflow_action_code(e->action), state_name(e->from), how_name(e->how),
                         workflow_role_code(role_bits[k]), state_name(want), state_name(in_role));
        }
    }
    workcal_free(&cal);
}

/* 登记 is not applied to a request: workflow_register makes a new one, 已登记. */
static void registering(void **state)
{
    (void)state;
    struct request r;
    request_init(&r);
    r.state = RS_CLOSED;
    struct workflow_event ev;
    workflow_register(&r, NOW, &ev);
    assert_int_equal(r.state, RS_NEW);
    assert_true(r.created_at == NOW);
    assert_int_equal(ev.action, RA_REGISTER);
    assert_int_equal(ev.to, RS_NEW);
    free(ev.text);
    request_free(&r);
}

/* A plain request offers what the design allows in its state and nothing else; notes last. */
static void offered_by_state(void **state)
{
    (void)state;
    assert_int_equal(sizeof offered / sizeof offered[0], RS_COUNT);
    for (size_t i = 0; i < sizeof offered / sizeof offered[0]; i++) {
        struct request r;
        base(&r, offered[i].state);
        enum request_action got[RA_COUNT];
        size_t n = workflow_offered(&r, NOW, got, RA_COUNT);
        request_free(&r);
        if (n != offered[i].n)
            fail_msg("%s offers %zu actions, not %zu", state_name(offered[i].state), n,
                     offered[i].n);
        assert_int_equal(got[n - 1], RA_NOTE);
        for (size_t j = 0; j < n; j++) {
            int found = 0;
            for (size_t k = 0; k < offered[i].n; k++)
                found |= got[j] == offered[i].actions[k];
            if (!found)
                fail_msg("%s offers %s", state_name(offered[i].state),
                         workflow_action_code(got[j]));
            assert_true(expected_roles[offered[i].state][got[j]] != 0);
        }
    }
}

/*
** Shorthand for the scenarios: apply and insist on success; the step read
** back from the timeline (workflow_count(), as `bangban check` folds it)
** moves the counters just as applying it did.
*/
static void step(struct request *r, enum request_action a, const struct workflow_input *in,
                 time_t now, const struct workcal *cal, enum request_state want)
{
    struct workflow_event ev;
    const char *why = NULL;
    struct workflow_counters c = {r->returns, r->extensions, r->reopens, r->attempts};
    if (workflow_apply(r, a, in, 0, now, cal, &ev, &why) != 0)
        fail_msg("%s from %s refused: %s", workflow_action_code(a), state_name(r->state), why);
    free(ev.text);
    assert_int_equal(workflow_count(&c, ev.action, ev.from, ev.to), 0);
    assert_int_equal(c.returns, r->returns);
    assert_int_equal(c.extensions, r->extensions);
    assert_int_equal(c.reopens, r->reopens);
    assert_int_equal(c.attempts, r->attempts);
    if (r->state != want)
        fail_msg("%s led to %s, not %s", workflow_action_code(a), state_name(r->state),
                 state_name(want));
}

static void refused(struct request *r, enum request_action a, const struct workflow_input *in,
                    time_t now, const struct workcal *cal)
{
    struct workflow_event ev;
    const char *why = NULL;
    enum request_state was = r->state;
    if (workflow_apply(r, a, in, 0, now, cal, &ev, &why) == 0) {
        free(ev.text);
        fail_msg("%s from %s was allowed", workflow_action_code(a), state_name(was));
    }
    assert_int_equal(r->state, was);
}

/* The whole life: 一叫就到, 提锅上灶, an extension granted, replied, followed up, closed. */
static void a_whole_life(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    struct request r;
    base(&r, RS_NEW);
    struct workflow_event ev;
    workflow_register(&r, at("2026-03-02 09:30"), &ev);
    free(ev.text);
    struct workflow_input text = {0};
    text.text = "已记录";
    step(&r, RA_DISPATCH, NULL, at("2026-03-02 09:35"), &cal, RS_DISPATCHED);
    assert_true(r.accept_due > r.dispatched_at);
    step(&r, RA_ACCEPT, NULL, at("2026-03-02 10:00"), &cal, RS_ACCEPTED);
    assert_true(r.resolve_due > r.accepted_at);
    step(&r, RA_CONTACT, &text, at("2026-03-02 10:20"), &cal, RS_IN_PROGRESS);
    time_t due = r.resolve_due;
    struct workflow_input ext = {0};
    ext.text = "需要协调";
    ext.deadline = due + 3 * DAY;
    step(&r, RA_ASK_EXTENSION, &ext, at("2026-03-03 10:00"), &cal, RS_IN_PROGRESS);
    refused(&r, RA_ASK_EXTENSION, &ext, at("2026-03-03 10:05"), &cal); /* one at a time */
    step(&r, RA_APPROVE_EXTENSION, &text, at("2026-03-03 11:00"), &cal, RS_SUSPENDED);
    assert_true(r.resolve_due == due + 3 * DAY);
    assert_true(r.ext_due == 0);
    step(&r, RA_REPLY, &text, at("2026-03-10 15:00"), &cal, RS_REPLIED);
    struct workflow_input answers = {0};
    answers.resolved = 1;
    answers.satisfaction = SAT_SATISFIED;
    step(&r, RA_FOLLOW_UP, &answers, at("2026-03-11 10:00"), &cal, RS_CLOSED);
    assert_true(request_state_closed(r.state));
    assert_str(r.close_reason, "resolved");
    request_free(&r);

    /* A refused extension leaves it 办理中, nothing waiting, the deadline where it was. */
    base(&r, RS_IN_PROGRESS);
    ext.deadline = DUE + 3 * DAY;
    step(&r, RA_ASK_EXTENSION, &ext, NOW, &cal, RS_IN_PROGRESS);
    step(&r, RA_REFUSE_EXTENSION, &text, NOW, &cal, RS_IN_PROGRESS);
    assert_true(r.ext_due == 0);
    assert_true(r.resolve_due == DUE);
    step(&r, RA_REPLY, &text, NOW, &cal, RS_REPLIED);
    request_free(&r);
    workcal_free(&cal);
}

/* Unanswered x3 closes it as unreachable; two keep it 回访中. */
static void three_unanswered_calls(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    struct request r;
    base(&r, RS_IN_PROGRESS);
    struct workflow_input text = {0};
    text.text = "已办完";
    step(&r, RA_REPLY, &text, NOW, &cal, RS_REPLIED);
    step(&r, RA_NO_ANSWER, NULL, NOW + HOUR, &cal, RS_FOLLOW_UP);
    step(&r, RA_NO_ANSWER, NULL, NOW + 2 * HOUR, &cal, RS_FOLLOW_UP);
    assert_false(r.unreachable);
    step(&r, RA_NO_ANSWER, NULL, NOW + 3 * HOUR, &cal, RS_CLOSED);
    assert_true(r.unreachable);
    assert_str(r.close_reason, "unreachable");
    refused(&r, RA_NO_ANSWER, NULL, NOW + 4 * HOUR, &cal);
    request_free(&r);
    workcal_free(&cal);
}

/* 不满意 sends it back to the unit once, with a new 办结 clock; the second 不满意 closes it. */
static void unsatisfied_twice(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    struct request r;
    base(&r, RS_IN_PROGRESS);
    struct workflow_input text = {0};
    text.text = "已办完";
    struct workflow_input unhappy = {0};
    unhappy.resolved = 0;
    unhappy.satisfaction = SAT_UNSATISFIED;
    step(&r, RA_REPLY, &text, NOW, &cal, RS_REPLIED);
    time_t later = at("2026-03-12 10:00");
    step(&r, RA_FOLLOW_UP, &unhappy, later, &cal, RS_REOPENED);
    assert_int_equal(r.reopens, 1);
    assert_true(r.resolve_due > later); /* a new 办结 clock from the reopening */
    assert_false(request_state_closed(r.state));
    step(&r, RA_REDO, NULL, later + HOUR, &cal, RS_IN_PROGRESS);
    step(&r, RA_REPLY, &text, later + DAY, &cal, RS_REPLIED);
    assert_int_equal(r.attempts, 0); /* a new round of calls */
    step(&r, RA_NO_ANSWER, NULL, later + 2 * DAY, &cal, RS_FOLLOW_UP);
    step(&r, RA_FOLLOW_UP, &unhappy, later + 2 * DAY + HOUR, &cal, RS_CLOSED);
    assert_int_equal(r.reopens, 1);
    assert_str(r.close_reason, "unsatisfied");
    request_free(&r);
    workcal_free(&cal);
}

/* 退单, 改派 to another unit; 退单 again, 维持派单 to the same. */
static void returned_and_sent_on(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    struct request r;
    base(&r, RS_DISPATCHED);
    struct workflow_input ret = {0};
    ret.reason = "overlap";
    ret.text = "属于区残联职责";
    step(&r, RA_RETURN, &ret, NOW, &cal, RS_RETURNED);
    assert_int_equal(r.returns, 1);
    struct workflow_input to = {0};
    to.unit_id = 8;
    to.unit_name = "区残联";
    to.text = "改派";
    step(&r, RA_REROUTE, &to, NOW + HOUR, &cal, RS_DISPATCHED);
    assert_int_equal(r.unit_id, 8);
    step(&r, RA_RETURN, &ret, NOW + 2 * HOUR, &cal, RS_RETURNED);
    struct workflow_input back = {0};
    back.text = "经审定属你单位职责";
    step(&r, RA_INSIST, &back, NOW + 3 * HOUR, &cal, RS_DISPATCHED);
    assert_int_equal(r.unit_id, 8);
    assert_int_equal(r.returns, 2);
    request_free(&r);
    workcal_free(&cal);
}

/* 社区 → 街道 → 区, and no further; the state stays. */
static void escalation_ladder(void **state)
{
    (void)state;
    struct workcal cal;
    workcal_init(&cal);
    struct request r;
    base(&r, RS_ACCEPTED);
    struct workflow_input text = {0};
    text.text = "社区无法协调";
    step(&r, RA_ESCALATE, &text, NOW, &cal, RS_ACCEPTED);
    assert_int_equal(r.level, LEVEL_STREET);
    step(&r, RA_ESCALATE, &text, NOW, &cal, RS_ACCEPTED);
    assert_int_equal(r.level, LEVEL_DISTRICT);
    refused(&r, RA_ESCALATE, &text, NOW, &cal);
    assert_int_equal(r.level, LEVEL_DISTRICT);
    request_free(&r);
    workcal_free(&cal);
}

int main(void)
{
    unit_locale();
    setenv("TZ", "UTC0", 1);
    tzset();
    if (clock_parse("2026-03-04 10:00", &NOW) != 0 || clock_parse("2026-03-09 17:00", &DUE) != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(expectations_are_whole),  cmocka_unit_test(every_pair_allowed_or_refused),
        cmocka_unit_test(every_expectation_holds), cmocka_unit_test(registering),
        cmocka_unit_test(offered_by_state),        cmocka_unit_test(a_whole_life),
        cmocka_unit_test(three_unanswered_calls),  cmocka_unit_test(unsatisfied_twice),
        cmocka_unit_test(returned_and_sent_on),    cmocka_unit_test(escalation_ladder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
