/*
** workflow: see workflow.h. The one table of a request's life is below;
** nothing else in the program decides what may happen to a request.
*/
#include "workflow.h"
#include "clock.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The actions: code, label, what each needs. */
static const struct {
    const char *code;
    const char *label;
    unsigned needs;
} actions[RA_COUNT] = {
    [RA_REGISTER] = {"register", N_("Register"), 0},
    [RA_DISPATCH] = {"dispatch", N_("Dispatch"), 0},
    [RA_ANSWER] = {"answer", N_("Answer on the spot"), NEED_TEXT},
    [RA_VOID] = {"void", N_("Do not accept"), NEED_TEXT},
    [RA_RETURN] = {"return", N_("Return"), NEED_REASON},
    [RA_REROUTE] = {"reroute", N_("Send to another unit"), NEED_UNIT},
    [RA_INSIST] = {"insist", N_("Send back to the same unit"), NEED_TEXT},
    [RA_ACCEPT] = {"accept", N_("Sign for"), 0},
    [RA_CONTACT] = {"contact", N_("First contact"), NEED_TEXT},
    [RA_ASK_EXTENSION] = {"ask_extension", N_("Ask for an extension"), NEED_TEXT | NEED_DEADLINE},
    [RA_APPROVE_EXTENSION] = {"approve_extension", N_("Approve the extension"), NEED_TEXT},
    [RA_REFUSE_EXTENSION] = {"refuse_extension", N_("Refuse the extension"), NEED_TEXT},
    [RA_REPLY] = {"reply", N_("Reply with the result"), NEED_TEXT},
    [RA_NO_ANSWER] = {"no_answer", N_("Follow-up call not answered"), 0},
    [RA_FOLLOW_UP] = {"follow_up", N_("Follow-up answers"), NEED_ANSWERS},
    [RA_REDO] = {"redo", N_("Handle again"), 0},
    [RA_ESCALATE] = {"escalate", N_("Escalate"), NEED_TEXT},
    [RA_URGE] = {"urge", N_("Urge"), NEED_TEXT},
    [RA_NOTE] = {"note", N_("Note"), NEED_TEXT},
    [RA_CORRECT] = {"correct", N_("Correct"), NEED_TEXT},
};

const struct request_word workflow_return_reasons[] = {
    {"wrong_area", N_("Not in our area"), "属地不符"},
    {"unclear_ownership", N_("Ownership unclear"), "权属不清"},
    {"overlap", N_("Duties overlap"), "职能交叉"},
    {"other", N_("Other"), "其他"},
    {NULL, NULL, NULL},
};

/* --- guards: NULL when the rule may apply, else why not ----------------------------------- */

static const char *g_consultation(const struct request *r, const struct workflow_input *in,
                                  time_t now)
{
    (void)in, (void)now;
    return str_eq(r->kind, "consult") ? NULL
                                      : N_("Only a consultation can be answered on the spot");
}

static const char *g_has_unit(const struct request *r, const struct workflow_input *in, time_t now)
{
    (void)now;
    /* Asked what to offer: a request without a unit is dispatched by choosing one. */
    if (!in) return NULL;
    return r->unit_id || in->unit_id ? NULL : N_("No unit to dispatch it to");
}

static const char *g_other_unit(const struct request *r, const struct workflow_input *in,
                                time_t now)
{
    (void)now;
    if (!in) return NULL;
    if (!in->unit_id) return N_("Choose the unit to send it to");
    return in->unit_id != r->unit_id
               ? NULL
               : N_("That is the unit it came back from: send it back instead");
}

/*
** A return: not of a dispatch the centre kept after a return before (审定,
** 维持派单: the unit handles it, and returns it no more), and with a reason.
*/
static const char *g_reason(const struct request *r, const struct workflow_input *in, time_t now)
{
    (void)now;
    if (r->kept)
        return N_("The centre kept the dispatch after the unit returned it: the unit handles it");
    if (!in) return NULL;
    if (!request_word_label(workflow_return_reasons, in->reason)) return N_("Choose a reason");
    if (workflow_text_required(RA_RETURN, in->reason) && text_blank(in->text))
        return N_("Say what the other reason is");
    return NULL;
}

static const char *g_extension(const struct request *r, const struct workflow_input *in, time_t now)
{
    if (r->ext_due) return N_("An extension is already waiting for a decision");
    if (r->resolve_due && now >= r->resolve_due)
        return N_("An extension must be asked for before the deadline");
    if (in && in->deadline <= r->resolve_due)
        return N_("The new deadline must be later than the current one");
    return NULL;
}

static const char *g_extension_asked(const struct request *r, const struct workflow_input *in,
                                     time_t now)
{
    (void)in, (void)now;
    return r->ext_due ? NULL : N_("No extension has been asked for");
}

/* A try not answered after another: not within WORKFLOW_FOLLOW_UP_GAP of it. */
static const char *tries_spaced(const struct request *r, time_t now)
{
    if (!r->attempts || now - r->updated_at >= WORKFLOW_FOLLOW_UP_GAP) return NULL;
    return N_("The last call was less than an hour ago: call again later");
}

static const char *g_tries_left(const struct request *r, const struct workflow_input *in,
                                time_t now)
{
    (void)in;
    if (r->attempts + 1 >= WORKFLOW_FOLLOW_UP_TRIES) return N_("This was the last try");
    return tries_spaced(r, now);
}

static const char *g_last_try(const struct request *r, const struct workflow_input *in, time_t now)
{
    (void)in;
    if (r->attempts + 1 < WORKFLOW_FOLLOW_UP_TRIES) return N_("Tries are left");
    return tries_spaced(r, now);
}

static const char *g_answers(const struct workflow_input *in)
{
    if (in->resolved != 0 && in->resolved != 1) return N_("Say whether it was solved");
    if (in->satisfaction == SAT_NONE) return N_("Say how satisfied the requester is");
    return NULL;
}

static const char *g_content(const struct request *r, const struct workflow_input *in, time_t now)
{
    (void)r, (void)now;
    if (!in) return NULL;
    const char *why = g_answers(in);
    if (why) return why;
    return in->satisfaction != SAT_UNSATISFIED ? NULL : N_("Not satisfied: it is handled again");
}

static const char *g_unsatisfied(const struct request *r, const struct workflow_input *in,
                                 time_t now)
{
    (void)now;
    if (r->reopens >= WORKFLOW_MAX_REOPENS) return N_("It has been handled again already");
    if (!in) return NULL;
    const char *why = g_answers(in);
    if (why) return why;
    return in->satisfaction == SAT_UNSATISFIED ? NULL : N_("Satisfied: it is closed");
}

static const char *g_unsatisfied_again(const struct request *r, const struct workflow_input *in,
                                       time_t now)
{
    (void)now;
    if (r->reopens < WORKFLOW_MAX_REOPENS) return N_("It is handled again first");
    if (!in) return NULL;
    const char *why = g_answers(in);
    if (why) return why;
    return in->satisfaction == SAT_UNSATISFIED ? NULL : N_("Satisfied: it is closed");
}

static const char *g_below_district(const struct request *r, const struct workflow_input *in,
                                    time_t now)
{
    (void)in, (void)now;
    return r->level < LEVEL_DISTRICT ? NULL : N_("It is at the district level already");
}

/* --- the table ------------------------------------------------------------------------------ */

#define DESK  ROLE_DESK
#define UNIT  ROLE_UNIT
#define SUPER ROLE_SUPERVISOR
#define SAME  RS_COUNT

/*
** The life of a request. Read a row as: in state FROM, ACTION (taken by
** ROLES, when GUARD holds) leads to TO, does CLOCKS, and the timeline says EVENT.
*/
static const struct workflow_rule rules[] = {
    /* Intake: dispatched to the item's unit, answered on the spot, or not accepted. */
    {RS_NEW, RA_DISPATCH, RS_DISPATCHED, DESK | ROLE_SYSTEM, g_has_unit, CLOCK_DISPATCH,
     N_("Dispatched to %s")},
    {RS_NEW, RA_ANSWER, RS_ANSWERED, DESK, g_consultation, CLOCK_CLOSE, N_("Answered on the spot")},
    {RS_NEW, RA_VOID, RS_VOID, DESK | SUPER, NULL, CLOCK_CLOSE, N_("Not accepted")},
    /* 一叫就到: the unit signs for it, or returns it as not its own. */
    {RS_DISPATCHED, RA_ACCEPT, RS_ACCEPTED, UNIT, NULL, CLOCK_ACCEPT, N_("Signed for by %s")},
    {RS_DISPATCHED, RA_RETURN, RS_RETURNED, UNIT, g_reason, 0, N_("Returned by %s")},
    /* The desk reviews a return: routes it elsewhere, or sends it back with a note. */
    {RS_RETURNED, RA_REROUTE, RS_DISPATCHED, DESK | SUPER, g_other_unit, CLOCK_DISPATCH,
     N_("Sent to %s instead")},
    {RS_RETURNED, RA_INSIST, RS_DISPATCHED, DESK | SUPER, NULL, CLOCK_DISPATCH,
     N_("Sent back to %s")},
    /* 提锅上灶: first contact with the requester starts the handling. */
    {RS_ACCEPTED, RA_CONTACT, RS_IN_PROGRESS, UNIT, NULL, CLOCK_CONTACT,
     N_("%s contacted the requester")},
    /* 延期: asked before the deadline, decided by a supervisor. */
    {RS_IN_PROGRESS, RA_ASK_EXTENSION, SAME, UNIT, g_extension, 0, N_("%s asked for an extension")},
    {RS_IN_PROGRESS, RA_APPROVE_EXTENSION, RS_SUSPENDED, SUPER, g_extension_asked, CLOCK_EXTEND,
     N_("Extension approved")},
    {RS_IN_PROGRESS, RA_REFUSE_EXTENSION, SAME, SUPER, g_extension_asked, 0,
     N_("Extension refused")},
    /* The result; a reply while an extension waits withdraws it (the time is not needed). */
    {RS_IN_PROGRESS, RA_REPLY, RS_REPLIED, UNIT, NULL, CLOCK_REPLY, N_("%s replied")},
    {RS_SUSPENDED, RA_REPLY, RS_REPLIED, UNIT, NULL, CLOCK_REPLY, N_("%s replied")},
    /* 回访: the desk phones the requester. */
    {RS_REPLIED, RA_NO_ANSWER, RS_FOLLOW_UP, DESK, g_tries_left, 0,
     N_("Follow-up call not answered")},
    {RS_REPLIED, RA_NO_ANSWER, RS_CLOSED, DESK, g_last_try, CLOCK_CLOSE,
     N_("Closed: the requester could not be reached")},
    {RS_FOLLOW_UP, RA_NO_ANSWER, SAME, DESK, g_tries_left, 0, N_("Follow-up call not answered")},
    {RS_FOLLOW_UP, RA_NO_ANSWER, RS_CLOSED, DESK, g_last_try, CLOCK_CLOSE,
     N_("Closed: the requester could not be reached")},
    {RS_REPLIED, RA_FOLLOW_UP, RS_CLOSED, DESK, g_content, CLOCK_CLOSE, N_("Followed up; closed")},
    {RS_REPLIED, RA_FOLLOW_UP, RS_REOPENED, DESK, g_unsatisfied, CLOCK_RESTART,
     N_("Followed up: not satisfied, back to %s")},
    {RS_REPLIED, RA_FOLLOW_UP, RS_CLOSED, DESK, g_unsatisfied_again, CLOCK_CLOSE,
     N_("Followed up: still not satisfied; closed for the supervisor")},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, RS_CLOSED, DESK, g_content, CLOCK_CLOSE,
     N_("Followed up; closed")},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, RS_REOPENED, DESK, g_unsatisfied, CLOCK_RESTART,
     N_("Followed up: not satisfied, back to %s")},
    {RS_FOLLOW_UP, RA_FOLLOW_UP, RS_CLOSED, DESK, g_unsatisfied_again, CLOCK_CLOSE,
     N_("Followed up: still not satisfied; closed for the supervisor")},
    /* 重办: the unit takes it up again. */
    {RS_REOPENED, RA_REDO, RS_IN_PROGRESS, UNIT, NULL, CLOCK_CONTACT, N_("%s handles it again")},
    /* Escalation: community -> street -> district; the state stays. */
    {RS_NEW, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    {RS_DISPATCHED, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    {RS_RETURNED, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    {RS_ACCEPTED, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    {RS_IN_PROGRESS, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    {RS_SUSPENDED, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    {RS_REOPENED, RA_ESCALATE, SAME, DESK | SUPER, g_below_district, 0, N_("Escalated")},
    /* 催办: the desk chases the unit; the state stays. */
    {RS_DISPATCHED, RA_URGE, SAME, DESK | SUPER, NULL, 0, N_("Urged %s")},
    {RS_ACCEPTED, RA_URGE, SAME, DESK | SUPER, NULL, 0, N_("Urged %s")},
    {RS_IN_PROGRESS, RA_URGE, SAME, DESK | SUPER, NULL, 0, N_("Urged %s")},
    {RS_SUSPENDED, RA_URGE, SAME, DESK | SUPER, NULL, 0, N_("Urged %s")},
    {RS_REOPENED, RA_URGE, SAME, DESK | SUPER, NULL, 0, N_("Urged %s")},
};

#undef DESK
#undef UNIT
#undef SUPER
#undef SAME

/* Notes may be added in every state, closed ones too. */
static const struct workflow_rule note_rule = {
    RS_COUNT, RA_NOTE, RS_COUNT, ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR, NULL, 0, N_("Note")};
/* What was taken down wrongly may be corrected in every state; the store writes it
 * (request_correct). */
static const struct workflow_rule correct_rule = {
    RS_COUNT, RA_CORRECT, RS_COUNT, ROLE_DESK | ROLE_SUPERVISOR, NULL, 0, N_("Corrected")};
static const struct workflow_rule register_rule = {
    RS_COUNT, RA_REGISTER, RS_NEW, ROLE_DESK, NULL, 0, N_("Registered")};

const struct workflow_rule *workflow_rules(size_t *n)
{
    *n = ARRAY_LEN(rules);
    return rules;
}

const char *workflow_action_code(enum request_action a)
{
    return a < RA_COUNT ? actions[a].code : "";
}

const char *workflow_event_label(enum request_action a, enum request_state from,
                                 enum request_state to)
{
    for (size_t i = 0; i < ARRAY_LEN(rules); i++)
        if (rules[i].action == a && rules[i].from == from &&
            (rules[i].to == to || (rules[i].to == RS_COUNT && from == to)))
            return rules[i].event;
    return workflow_action_label(a);
}

char *workflow_event_text(const char *fmt, const char *unit)
{
    const char *at = strstr(fmt, "%s"); /* no printf: the text comes from a table */
    if (!at) return xstrdup(fmt);
    return xasprintf("%.*s%s%s", (int)(at - fmt), fmt, unit, at + 2);
}

const char *workflow_action_label(enum request_action a)
{
    return a < RA_COUNT ? actions[a].label : "";
}

unsigned workflow_action_needs(enum request_action a)
{
    return a < RA_COUNT ? actions[a].needs : 0;
}

int workflow_text_required(enum request_action a, const char *reason)
{
    unsigned needs = a < RA_COUNT ? actions[a].needs : 0;
    if (needs & NEED_REASON) return str_eq(reason, "other"); /* the others' labels say why */
    return (needs & NEED_TEXT) && a != RA_FOLLOW_UP;
}

int workflow_action_parse(const char *code)
{
    for (int a = 0; a < RA_COUNT; a++)
        if (str_eq(actions[a].code, code)) return a;
    return -1;
}

const char *workflow_role_code(unsigned role)
{
    return role & ROLE_UNIT         ? "unit"
           : role & ROLE_SUPERVISOR ? "supervisor"
           : role & ROLE_SYSTEM     ? "system"
                                    : "desk";
}

/* The first rule for (from, a), or NULL. */
static const struct workflow_rule *rule_first(enum request_state from, enum request_action a)
{
    if (a == RA_NOTE) return &note_rule;
    if (a == RA_CORRECT) return &correct_rule;
    for (size_t i = 0; i < ARRAY_LEN(rules); i++)
        if (rules[i].from == from && rules[i].action == a) return &rules[i];
    return NULL;
}

/* The rule that applies: the first for (from, a) whose guard holds; *why from the first that fails.
 */
static const struct workflow_rule *rule_find(const struct request *r, enum request_action a,
                                             const struct workflow_input *in, time_t now,
                                             const char **why)
{
    *why = NULL;
    if (a == RA_NOTE) return &note_rule;
    if (a == RA_CORRECT) return &correct_rule;
    for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
        const struct workflow_rule *rule = &rules[i];
        if (rule->from != r->state || rule->action != a) continue;
        const char *no = rule->guard ? rule->guard(r, in, now) : NULL;
        if (!no) return rule;
        if (!*why) *why = no;
    }
    return NULL;
}

unsigned workflow_role_for(const struct request *r, enum request_action a)
{
    const struct workflow_rule *rule = rule_first(r->state, a);
    if (!rule) return 0;
    for (unsigned bit = 1; bit <= ROLE_SYSTEM; bit <<= 1)
        if (rule->roles & bit) return bit;
    return 0;
}

unsigned workflow_part(const struct request *r, enum request_action a,
                       const struct workflow_actor *who, const char **why)
{
    *why = NULL;
    const struct workflow_rule *rule = rule_first(r->state, a);
    if (!rule) return 0;
    unsigned mine = rule->roles & who->acts & ~(unsigned)ROLE_SYSTEM;
    if (who->unit_id && r->unit_id != who->unit_id && (mine & ROLE_UNIT)) {
        mine &= ~(unsigned)ROLE_UNIT;
        if (!mine) *why = _("This request is not sent to your unit");
    }
    for (unsigned bit = 1; bit < ROLE_SYSTEM; bit <<= 1)
        if (mine & bit) return bit;
    if (!*why)
        *why = rule->roles & ROLE_SUPERVISOR && !(rule->roles & (ROLE_DESK | ROLE_UNIT))
                   ? _("Only a supervisor may do this")
               : rule->roles & ROLE_UNIT && !(rule->roles & ROLE_DESK)
                   ? _("Only the unit handling it (or a desk on its behalf) may do this")
                   : _("Your role may not do this");
    return 0;
}

size_t workflow_offered_to(const struct request *r, time_t now, const struct workflow_actor *who,
                           enum request_action *out, size_t cap)
{
    enum request_action all[RA_COUNT];
    size_t n = workflow_offered(r, now, all, RA_COUNT), kept = 0;
    for (size_t i = 0; i < n && kept < cap; i++) {
        const char *why;
        if (workflow_part(r, all[i], who, &why)) out[kept++] = all[i];
    }
    return kept;
}

size_t workflow_offered(const struct request *r, time_t now, enum request_action *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(rules) && n < cap; i++) {
        const struct workflow_rule *rule = &rules[i];
        if (rule->from != r->state || rule->roles == ROLE_SYSTEM) continue;
        if (rule->guard && rule->guard(r, NULL, now)) continue;
        int seen = 0;
        for (size_t j = 0; j < n; j++)
            seen |= out[j] == rule->action;
        if (!seen) out[n++] = rule->action;
    }
    if (n < cap) out[n++] = RA_NOTE;
    return n;
}

time_t workflow_resolve_deadline(const struct request *r, time_t from, const struct workcal *cal)
{
    int amount = r->resolve_amount > 0 ? r->resolve_amount : 1;
    if (r->resolve_unit == 'h') return workcal_add_minutes(cal, from, (long)amount * 60);
    return workcal_add_days(cal, from, amount);
}

/* The 签收 limit counted from `from`; a request with no catalogue limit gets an hour. */
static time_t accept_deadline(const struct request *r, time_t from, const struct workcal *cal)
{
    return workcal_add_minutes(cal, from, r->accept_minutes > 0 ? r->accept_minutes : 60);
}

static void apply_clocks(struct request *r, unsigned clocks, time_t now, const struct workcal *cal)
{
    if (clocks & CLOCK_DISPATCH) {
        r->dispatched_at = now;
        if (!r->first_dispatched_at) r->first_dispatched_at = now;
        r->accept_due = accept_deadline(r, now, cal);
    }
    if (clocks & CLOCK_ACCEPT) {
        r->accepted_at = now;
        r->resolve_due = workflow_resolve_deadline(r, now, cal);
        r->contact_due = accept_deadline(r, now, cal);
    }
    if ((clocks & CLOCK_CONTACT) && !r->contacted_at) r->contacted_at = now;
    if (clocks & CLOCK_EXTEND) r->resolve_due = r->ext_due;
    if (clocks & CLOCK_REPLY) {
        r->replied_at = now;
        r->followup_due = workcal_add_days(cal, now, 1);
    }
    if (clocks & CLOCK_RESTART) r->resolve_due = workflow_resolve_deadline(r, now, cal);
    if (clocks & CLOCK_CLOSE) r->closed_at = now;
}

/*
** What one step of a request's life does to the counters it keeps: the
** same whether the step is taken now or read back from its timeline.
*/
static void counters_step(struct workflow_counters *c, const struct workflow_rule *rule)
{
    if (rule->clocks & CLOCK_REPLY) c->attempts = 0; /* a new round of follow-up calls */
    switch (rule->action) {
    case RA_RETURN:
        c->returns++;
        break;
    case RA_APPROVE_EXTENSION:
        c->extensions++;
        break;
    case RA_NO_ANSWER:
        c->attempts++;
        break;
    case RA_FOLLOW_UP:
        if (rule->to == RS_REOPENED) c->reopens++;
        break;
    default:
        break;
    }
}

int workflow_count(struct workflow_counters *c, enum request_action a, enum request_state from,
                   enum request_state to)
{
    if (a == RA_REGISTER) return to == RS_NEW ? 0 : -1; /* workflow_register(): no rule, no count */
    if (a == RA_NOTE || a == RA_CORRECT) return from == to ? 0 : -1; /* in any state, no count */
    for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
        const struct workflow_rule *rule = &rules[i];
        if (rule->from == from && rule->action == a &&
            (rule->to == to || (rule->to == RS_COUNT && from == to))) {
            counters_step(c, rule);
            return 0;
        }
    }
    return -1;
}

/* What an action does to the request's other fields. */
static void apply_fields(struct request *r, const struct workflow_rule *rule,
                         const struct workflow_input *in)
{
    const char *text = in && in->text ? in->text : "";
    switch (rule->action) {
    case RA_DISPATCH:
    case RA_REROUTE:
        if (in && in->unit_id) {
            r->unit_id = in->unit_id;
            record_set(&r->unit_name, in->unit_name);
        }
        if (!r->first_unit_id) r->first_unit_id = r->unit_id;
        r->kept = 0; /* a unit sent it anew may return it */
        break;
    case RA_INSIST:
        r->kept = 1; /* as request_get() reads it back from the timeline */
        break;
    case RA_ANSWER:
        record_set(&r->answer, text);
        record_set(&r->close_reason, "answered");
        break;
    case RA_VOID:
        record_set(&r->close_reason, "void");
        record_set(&r->answer, text);
        r->duplicate_of = in ? in->duplicate_of : 0;
        break;
    case RA_RETURN:
        if (!r->returned_unit_id) r->returned_unit_id = r->unit_id;
        record_set(&r->return_reason, in->reason);
        break;
    case RA_ASK_EXTENSION:
        r->ext_due = in->deadline;
        record_set(&r->ext_reason, text);
        break;
    case RA_APPROVE_EXTENSION:
        r->ext_due = 0;
        break;
    case RA_REFUSE_EXTENSION:
        r->ext_due = 0;
        break;
    case RA_REPLY:
        record_set(&r->answer, text);
        r->ext_due = 0; /* an extension still asked is withdrawn */
        break;
    case RA_NO_ANSWER:
        if (rule->to == RS_CLOSED) {
            r->unreachable = 1;
            record_set(&r->close_reason, "unreachable");
        }
        break;
    case RA_FOLLOW_UP:
        r->resolved = in->resolved;
        r->satisfaction = in->satisfaction;
        if (rule->to == RS_REOPENED) break; /* handled again: not closed */
        if (in->satisfaction == SAT_UNSATISFIED)
            record_set(&r->close_reason, "unsatisfied");
        else
            record_set(&r->close_reason, in->resolved ? "resolved" : "unresolved");
        break;
    case RA_ESCALATE:
        r->level++;
        break;
    default:
        break;
    }
}

/* The event's details: what was given, in the clerk's words. Caller frees. */
static char *event_text(const struct request *before, const struct workflow_rule *rule,
                        const struct workflow_input *in)
{
    const char *text = in && in->text ? in->text : "";
    char when[20];
    switch (rule->action) {
    case RA_RETURN: {
        const char *label = _(request_word_label(workflow_return_reasons, in->reason));
        return *text ? xasprintf(_("%s: %s"), label, text) : xstrdup(label);
    }
    case RA_ASK_EXTENSION:
        return xasprintf(_("until %s: %s"), clock_format_minute(in->deadline, when), text);
    case RA_APPROVE_EXTENSION:
        return xasprintf(_("new deadline %s; requester told: %s"),
                         clock_format_minute(before->ext_due, when), text);
    case RA_REPLY:
        return before->ext_due ? xasprintf(_("%s (the extension asked until %s is withdrawn)"),
                                           text, clock_format_minute(before->ext_due, when))
                               : xstrdup(text);
    case RA_NO_ANSWER:
        return xasprintf(_("try %d of %d"), before->attempts + 1, WORKFLOW_FOLLOW_UP_TRIES);
    case RA_ESCALATE:
        return xasprintf(_("to the %s level: %s"),
                         _(request_level_label((enum request_level)(before->level + 1))), text);
    case RA_FOLLOW_UP:
        return *text ? xasprintf(_("%s, %s: %s"), in->resolved ? _("solved") : _("not solved"),
                                 _(request_satisfaction_label(in->satisfaction)), text)
                     : xasprintf(_("%s, %s"), in->resolved ? _("solved") : _("not solved"),
                                 _(request_satisfaction_label(in->satisfaction)));
    default:
        return xstrdup(text);
    }
}

int workflow_apply(struct request *r, enum request_action a, const struct workflow_input *in,
                   unsigned role, time_t now, const struct workcal *cal, struct workflow_event *ev,
                   const char **why)
{
    static const struct workflow_input none = {0};
    if (!in) in = &none;
    memset(ev, 0, sizeof *ev);
    if (a >= RA_COUNT || a == RA_REGISTER || !rule_first(r->state, a)) {
        *why = _("This cannot be done in this state");
        return -1;
    }
    unsigned needs = actions[a].needs;
    if (workflow_text_required(a, NULL) && text_blank(in->text)) { /* a return's: g_reason() */
        *why = _("Write what is to be recorded");
        return -1;
    }
    if ((needs & NEED_DEADLINE) && !in->deadline) {
        *why = _("Give the new deadline");
        return -1;
    }
    const char *no;
    const struct workflow_rule *rule = rule_find(r, a, in, now, &no);
    if (!rule) {
        *why = _(no ? no : "This cannot be done in this state");
        return -1;
    }
    if (!role) role = workflow_role_for(r, a);
    if (!(rule->roles & role)) {
        *why = _("Not allowed in this role");
        return -1;
    }
    ev->action = a;
    ev->from = r->state;
    ev->to = rule->to == RS_COUNT ? r->state : rule->to;
    ev->role = role;
    ev->text = event_text(r, rule, in);
    apply_clocks(r, rule->clocks, now, cal); /* first: an extension's deadline is read here */
    apply_fields(r, rule, in);
    struct workflow_counters c = {r->returns, r->extensions, r->reopens, r->attempts};
    counters_step(&c, rule);
    r->returns = c.returns;
    r->extensions = c.extensions;
    r->reopens = c.reopens;
    r->attempts = c.attempts;
    r->state = ev->to;
    r->updated_at = now; /* the step last written (a try's spacing counts from it) */
    ev->unit_id = r->unit_id;
    return 0;
}

void workflow_register(struct request *r, time_t now, struct workflow_event *ev)
{
    r->state = RS_NEW;
    r->created_at = now;
    memset(ev, 0, sizeof *ev);
    ev->action = RA_REGISTER;
    ev->from = RS_NEW;
    ev->to = RS_NEW;
    ev->role = register_rule.roles;
    ev->text = xstrdup("");
}

int workflow_action_progresses(enum request_action a)
{
    return a != RA_NOTE && a != RA_URGE && a != RA_ESCALATE && a != RA_CORRECT;
}

unsigned workflow_flags(const struct request *r, time_t now, time_t last_event,
                        const struct workcal *cal)
{
    unsigned f = 0;
    if (request_state_closed(r->state)) return 0;
    time_t due = request_due(r);
    int day = workcal_day_minutes(cal);
    /* 催办 once the last working day has come, or half the clock's time is gone when it is
     * shorter (a sign-for limit of one day is not urgent the moment it is dispatched). */
    long left = due ? workcal_minutes_between(cal, now, due) : 0;
    long span =
        due && last_event && last_event < due ? workcal_minutes_between(cal, last_event, due) : day;
    if (due && now > due)
        f |= FLAG_OVERDUE;
    else if (due && left <= day && left * 2 <= span)
        f |= FLAG_URGE;
    if ((r->state == RS_DISPATCHED || r->state == RS_RETURNED || r->state == RS_ACCEPTED) &&
        r->dispatched_at && workcal_minutes_between(cal, r->dispatched_at, now) > 24L * 60 &&
        !r->contacted_at)
        f |= FLAG_RED;
    if (last_event && r->state != RS_NEW &&
        workcal_minutes_between(cal, last_event, now) > 3L * day)
        f |= FLAG_YELLOW;
    if (r->ext_due) f |= FLAG_EXT_ASKED;
    return f;
}
