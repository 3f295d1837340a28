/*
** Unit tests for the call platform's core: the working-day calendar
** (weekends, holidays, 调休 working days, working hours), the workflow
** table (every rule taken once, a forbidden action refused in every
** state, roles, guards, clocks, flags), receipts and the rates on a
** fixture computed by hand.
*/
#include "unit.h"
#include "src/catalogue.h"
#include "src/clock.h"
#include "src/rates.h"
#include "src/receipt.h"
#include "src/request.h"
#include "src/workcal.h"
#include "src/workflow.h"

#include <time.h>

static void assert_time(time_t t, const char *want)
{
    char buf[20];
    assert_str(clock_format_minute(t, buf), want);
}

/* The 2026 calendar around the days the tests use: 春节 and 国庆 with their 调休 days. */
static void calendar_2026(struct workcal *c)
{
    workcal_init(c);
    static const char *const holidays[] = {"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                                           "2026-02-20", "2026-02-23", "2026-10-01", "2026-10-02",
                                           "2026-10-05", "2026-10-06", "2026-10-07"};
    static const char *const workdays[] = {"2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"};
    for (size_t i = 0; i < sizeof holidays / sizeof holidays[0]; i++) {
        struct date d;
        sscanf(holidays[i], "%d-%d-%d", &d.year, &d.month, &d.day);
        workcal_mark(c, d, 0);
    }
    for (size_t i = 0; i < sizeof workdays / sizeof workdays[0]; i++) {
        struct date d;
        sscanf(workdays[i], "%d-%d-%d", &d.year, &d.month, &d.day);
        workcal_mark(c, d, 1);
    }
}

static void calendar_days(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    struct date sat = {2026, 3, 7}, mon = {2026, 3, 9}, holiday = {2026, 10, 5},
                worked_sat = {2026, 2, 14}, sunday_holiday = {2026, 10, 4};
    assert_false(workcal_is_working(&c, sat));
    assert_true(workcal_is_working(&c, mon));
    assert_false(workcal_is_working(&c, holiday));
    assert_true(workcal_is_working(&c, worked_sat));
    /* A holiday on a Sunday keeps the rule and is not stored. */
    size_t before = c.n;
    workcal_mark(&c, sunday_holiday, 0);
    assert_int_equal(c.n, before);
    struct date back = workcal_date_of_number(workcal_day_number(holiday));
    assert_int_equal(back.year, 2026);
    assert_int_equal(back.month, 10);
    assert_int_equal(back.day, 5);
    workcal_free(&c);
}

static void deadlines_in_days(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    /* Across a weekend: Friday + 1 working day ends Monday at 17:00. */
    assert_time(workcal_add_days(&c, at("2026-03-06 10:00"), 1), "2026-03-09 17:00");
    /* 3 working days from a Monday end on Thursday. */
    assert_time(workcal_add_days(&c, at("2026-03-02 09:30"), 3), "2026-03-05 17:00");
    /* Across 国庆: the day after 09-30 worked is 10-08; the third is Saturday 10-10 (调休). */
    assert_time(workcal_add_days(&c, at("2026-09-30 10:00"), 1), "2026-10-08 17:00");
    assert_time(workcal_add_days(&c, at("2026-09-30 10:00"), 3), "2026-10-10 17:00");
    /* A 调休 working Saturday counts: Friday 02-13 + 1 is Saturday 02-14. */
    assert_time(workcal_add_days(&c, at("2026-02-13 15:00"), 1), "2026-02-14 17:00");
    /* 春节: from Saturday 02-14 (worked), the next working day is 02-24. */
    assert_time(workcal_add_days(&c, at("2026-02-14 11:00"), 1), "2026-02-24 17:00");
    workcal_free(&c);
}

static void deadlines_in_minutes(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    assert_time(workcal_add_minutes(&c, at("2026-03-02 09:30"), 60), "2026-03-02 10:30");
    /* Friday late: the rest runs on Monday morning. */
    assert_time(workcal_add_minutes(&c, at("2026-03-06 16:30"), 60), "2026-03-09 09:30");
    /* Taken on a Sunday: the clock starts on Monday at nine. */
    assert_time(workcal_add_minutes(&c, at("2026-03-08 20:00"), 30), "2026-03-09 09:30");
    /* Before opening time it starts at opening time. */
    assert_time(workcal_add_minutes(&c, at("2026-03-02 07:00"), 120), "2026-03-02 11:00");
    /* Over a holiday week into the 调休 Saturday. */
    assert_time(workcal_add_minutes(&c, at("2026-09-30 16:00"), 120), "2026-10-08 10:00");
    assert_int_equal(workcal_minutes_between(&c, at("2026-03-06 16:00"), at("2026-03-09 10:00")),
                     120);
    assert_int_equal(workcal_minutes_between(&c, at("2026-03-09 10:00"), at("2026-03-06 16:00")),
                     0);
    /* Other working hours. */
    assert_int_equal(workcal_set_hours(&c, "08:30-17:30"), 0);
    assert_int_equal(workcal_day_minutes(&c), 540);
    assert_time(workcal_add_minutes(&c, at("2026-03-02 17:00"), 60), "2026-03-03 09:00");
    assert_int_equal(workcal_set_hours(&c, "17:00-09:00"), -2); /* times, the wrong way round */
    assert_int_equal(workcal_set_hours(&c, "9点到5点"), -1);
    workcal_free(&c);
}

/* A request in state s that the guards of most rules accept. */
static void fixture(struct request *r, enum request_state s, time_t now)
{
    request_init(r);
    r->id = 1;
    r->state = s;
    record_set(&r->kind, "help");
    record_set(&r->number, "2026-000001");
    r->unit_id = 7;
    record_set(&r->unit_name, "区民政局");
    r->accept_minutes = 60;
    r->resolve_amount = 5;
    r->resolve_unit = 'd';
    r->dispatched_at = now - 3600;
    r->resolve_due = now + 10 * 86400;
}

/* Set up r and in so that rule's guard holds. */
static void satisfy(const struct workflow_rule *rule, struct request *r, struct workflow_input *in,
                    time_t now)
{
    in->text = "记录";
    switch (rule->action) {
    case RA_ANSWER:
        record_set(&r->kind, "consult");
        break;
    case RA_RETURN:
        in->reason = "wrong_area";
        break;
    case RA_REROUTE:
        in->unit_id = 8;
        in->unit_name = "区残联";
        break;
    case RA_ASK_EXTENSION:
        in->deadline = r->resolve_due + 5 * 86400;
        break;
    case RA_APPROVE_EXTENSION:
    case RA_REFUSE_EXTENSION:
        r->ext_due = r->resolve_due + 5 * 86400;
        break;
    case RA_NO_ANSWER:
        r->attempts = rule->to == RS_CLOSED ? WORKFLOW_FOLLOW_UP_TRIES - 1 : 0;
        break;
    case RA_FOLLOW_UP:
        in->resolved = rule->to == RS_CLOSED && !strstr(rule->event, "still");
        in->satisfaction = in->resolved ? SAT_SATISFIED : SAT_UNSATISFIED;
        r->reopens = strstr(rule->event, "still") ? WORKFLOW_MAX_REOPENS : 0;
        break;
    default:
        break;
    }
    (void)now;
}

static void every_rule_applies(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    time_t now = at("2026-03-02 09:30");
    size_t n;
    const struct workflow_rule *rules = workflow_rules(&n);
    assert_true(n > 20);
    for (size_t i = 0; i < n; i++) {
        struct request r;
        struct workflow_input in = {0};
        fixture(&r, rules[i].from, now);
        satisfy(&rules[i], &r, &in, now);
        struct workflow_event ev;
        const char *why = NULL;
        int rc = workflow_apply(&r, rules[i].action, &in, 0, now, &c, &ev, &why);
        if (rc != 0)
            fail_msg("rule %zu (%s from %s) refused: %s", i, workflow_action_code(rules[i].action),
                     request_state_code(rules[i].from), why);
        enum request_state want = rules[i].to == RS_COUNT ? rules[i].from : rules[i].to;
        if (r.state != want)
            fail_msg("rule %zu (%s from %s) led to %s, not %s", i,
                     workflow_action_code(rules[i].action), request_state_code(rules[i].from),
                     request_state_code(r.state), request_state_code(want));
        assert_int_equal(ev.from, rules[i].from);
        assert_int_equal(ev.to, want);
        assert_int_equal(ev.action, rules[i].action);
        assert_true(ev.role & rules[i].roles);
        free(ev.text);
        request_free(&r);
    }
    workcal_free(&c);
}

static void forbidden_in_every_state(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    time_t now = at("2026-03-02 09:30");
    for (int s = 0; s < RS_COUNT; s++) {
        /* 签收 is allowed only from 已派单; there 办结反馈 is forbidden. */
        enum request_action a = s == RS_DISPATCHED ? RA_REPLY : RA_ACCEPT;
        struct request r;
        fixture(&r, (enum request_state)s, now);
        struct workflow_input in = {"文字", NULL, 0, NULL, 0, 0, SAT_NONE, 0};
        struct workflow_event ev;
        const char *why = NULL;
        assert_int_equal(workflow_apply(&r, a, &in, 0, now, &c, &ev, &why), -1);
        assert_non_null(why);
        assert_int_equal(r.state, s);
        /* Nothing offered is refused for want of a rule. */
        enum request_action offered[16];
        size_t k = workflow_offered(&r, now, offered, 16);
        assert_true(k >= 1);
        assert_int_equal(offered[k - 1], RA_NOTE);
        for (size_t j = 0; j < k; j++)
            assert_int_not_equal(offered[j], a);
        request_free(&r);
    }
    workcal_free(&c);
}

/* Who takes a step: the part a role plays, a unit handler bound to its own unit's requests. */
static void parts_by_role_and_unit(void **state)
{
    (void)state;
    time_t now = at("2026-03-02 09:30");
    struct request r;
    const char *why;
    const struct workflow_actor anyone = {WORKFLOW_ANYONE, 0}, desk = {ROLE_DESK | ROLE_UNIT, 0},
                                handler = {ROLE_UNIT, 7}, other = {ROLE_UNIT, 8}, chief = {0, 0},
                                super = {WORKFLOW_ANYONE, 0};
    fixture(&r, RS_DISPATCHED, now);
    /* Signing for is the unit's step: its own handler, or a desk on its behalf. */
    assert_int_equal(workflow_part(&r, RA_ACCEPT, &handler, &why), ROLE_UNIT);
    assert_int_equal(workflow_part(&r, RA_ACCEPT, &desk, &why), ROLE_UNIT);
    assert_int_equal(workflow_part(&r, RA_ACCEPT, &anyone, &why), ROLE_UNIT);
    assert_int_equal(workflow_part(&r, RA_ACCEPT, &other, &why), 0);
    assert_str(why, "This request is not sent to your unit");
    assert_int_equal(workflow_part(&r, RA_ACCEPT, &chief, &why), 0);
    assert_non_null(why);
    /* Notes too: another unit's handler may not write on it. */
    assert_int_equal(workflow_part(&r, RA_NOTE, &handler, &why), ROLE_UNIT);
    assert_int_equal(workflow_part(&r, RA_NOTE, &other, &why), 0);
    assert_int_equal(workflow_part(&r, RA_NOTE, &desk, &why), ROLE_DESK);
    /* Urging the unit is the desk's, never the unit's own. */
    assert_int_equal(workflow_part(&r, RA_URGE, &handler, &why), 0);
    assert_int_equal(workflow_part(&r, RA_URGE, &desk, &why), ROLE_DESK);
    /* An action this state has not: no part, and no reason of the role's. */
    assert_int_equal(workflow_part(&r, RA_REPLY, &desk, &why), 0);
    assert_null(why);
    request_free(&r);

    /* Approving an extension is a supervisor's. */
    fixture(&r, RS_IN_PROGRESS, now);
    r.ext_due = now + 20 * 86400;
    assert_int_equal(workflow_part(&r, RA_APPROVE_EXTENSION, &desk, &why), 0);
    assert_str(why, "Only a supervisor may do this");
    assert_int_equal(workflow_part(&r, RA_APPROVE_EXTENSION, &super, &why), ROLE_SUPERVISOR);

    /* What each is offered: the handler its unit's steps, the desk the rest too. */
    enum request_action offered[RA_COUNT];
    size_t n = workflow_offered_to(&r, now, &handler, offered, RA_COUNT);
    for (size_t i = 0; i < n; i++)
        assert_true(offered[i] == RA_REPLY || offered[i] == RA_NOTE);
    assert_int_equal(workflow_offered_to(&r, now, &other, offered, RA_COUNT), 0);
    assert_int_equal(workflow_offered_to(&r, now, &chief, offered, RA_COUNT), 0);
    size_t all = workflow_offered(&r, now, offered, RA_COUNT);
    assert_int_equal(workflow_offered_to(&r, now, &anyone, offered, RA_COUNT), all);
    assert_true(workflow_offered_to(&r, now, &desk, offered, RA_COUNT) < all);
    request_free(&r);
}

static void roles_and_guards(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    time_t now = at("2026-03-02 09:30");
    struct request r;
    struct workflow_event ev;
    const char *why;
    fixture(&r, RS_DISPATCHED, now);
    /* Only the unit signs for a request. */
    assert_int_equal(workflow_apply(&r, RA_ACCEPT, NULL, ROLE_DESK, now, &c, &ev, &why), -1);
    assert_int_equal(r.state, RS_DISPATCHED);
    /* A return needs its reason; "other" needs words. */
    struct workflow_input in = {0};
    assert_int_equal(workflow_apply(&r, RA_RETURN, &in, 0, now, &c, &ev, &why), -1);
    in.reason = "other";
    assert_int_equal(workflow_apply(&r, RA_RETURN, &in, 0, now, &c, &ev, &why), -1);
    in.text = "无此业务";
    assert_int_equal(workflow_apply(&r, RA_RETURN, &in, 0, now, &c, &ev, &why), 0);
    assert_int_equal(r.state, RS_RETURNED);
    assert_int_equal(r.returns, 1);
    free(ev.text);
    /* Re-routing to the unit it came back from is refused; sending it back is the way. */
    struct workflow_input to = {0};
    to.unit_id = r.unit_id;
    assert_int_equal(workflow_apply(&r, RA_REROUTE, &to, 0, now, &c, &ev, &why), -1);
    request_free(&r);

    /* Only a consultation is answered on the spot. */
    fixture(&r, RS_NEW, now);
    struct workflow_input answer = {0};
    answer.text = "已答复";
    assert_int_equal(workflow_apply(&r, RA_ANSWER, &answer, 0, now, &c, &ev, &why), -1);
    record_set(&r.kind, "consult");
    assert_int_equal(workflow_apply(&r, RA_ANSWER, &answer, 0, now, &c, &ev, &why), 0);
    assert_int_equal(r.state, RS_ANSWERED);
    assert_true(request_state_closed(r.state));
    free(ev.text);
    request_free(&r);

    /* An extension is asked for before the deadline, for a later one. */
    fixture(&r, RS_IN_PROGRESS, now);
    struct workflow_input ext = {0};
    ext.text = "需要协调";
    ext.deadline = r.resolve_due - 86400;
    assert_int_equal(workflow_apply(&r, RA_ASK_EXTENSION, &ext, 0, now, &c, &ev, &why), -1);
    ext.deadline = r.resolve_due + 86400;
    assert_int_equal(
        workflow_apply(&r, RA_ASK_EXTENSION, &ext, 0, r.resolve_due + 60, &c, &ev, &why), -1);
    assert_int_equal(workflow_apply(&r, RA_ASK_EXTENSION, &ext, 0, now, &c, &ev, &why), 0);
    free(ev.text);
    /* A reply while it waits withdraws it, and says so on the timeline. */
    struct request early;
    request_copy(&early, &r);
    struct workflow_input reply = {0};
    reply.text = "办完了";
    assert_int_equal(workflow_apply(&early, RA_REPLY, &reply, 0, now, &c, &ev, &why), 0);
    assert_int_equal(early.state, RS_REPLIED);
    assert_true(early.ext_due == 0);
    assert_int_equal(early.extensions, 0);
    assert_non_null(strstr(ev.text, "办完了"));
    assert_non_null(strstr(ev.text, "withdrawn"));
    free(ev.text);
    request_free(&early);
    /* Approval moves the deadline. */
    time_t asked = r.ext_due;
    assert_int_equal(workflow_apply(&r, RA_APPROVE_EXTENSION, &answer, 0, now, &c, &ev, &why), 0);
    assert_int_equal(r.state, RS_SUSPENDED);
    assert_true(r.resolve_due == asked);
    assert_true(r.ext_due == 0);
    assert_int_equal(r.extensions, 1);
    free(ev.text);
    request_free(&r);

    /* Escalation stops at the district. */
    fixture(&r, RS_IN_PROGRESS, now);
    r.level = LEVEL_DISTRICT;
    assert_int_equal(workflow_apply(&r, RA_ESCALATE, &answer, 0, now, &c, &ev, &why), -1);
    request_free(&r);
    workcal_free(&c);
}

static void clocks_run(void **state)
{
    (void)state;
    struct workcal c;
    calendar_2026(&c);
    time_t now = at("2026-03-06 16:30"); /* a Friday afternoon */
    struct request r;
    struct workflow_event ev;
    const char *why;
    fixture(&r, RS_NEW, now);
    r.dispatched_at = 0;
    r.resolve_due = 0;
    assert_int_equal(workflow_apply(&r, RA_DISPATCH, NULL, 0, now, &c, &ev, &why), 0);
    free(ev.text);
    assert_time(r.accept_due, "2026-03-09 09:30");
    assert_time(request_due(&r), "2026-03-09 09:30");
    /* Just dispatched with an hour of working time to sign for it: not urged yet; with half. */
    assert_int_equal(workflow_flags(&r, now, now, &c), 0);
    assert_int_equal(workflow_flags(&r, at("2026-03-09 09:00"), now, &c), FLAG_URGE);
    assert_int_equal(workflow_flags(&r, at("2026-03-09 10:00"), now, &c) & FLAG_OVERDUE,
                     FLAG_OVERDUE);
    time_t later = at("2026-03-09 09:00");
    assert_int_equal(workflow_apply(&r, RA_ACCEPT, NULL, 0, later, &c, &ev, &why), 0);
    free(ev.text);
    assert_time(r.resolve_due, "2026-03-16 17:00"); /* 5 working days from Monday */
    struct workflow_input in = {0};
    in.text = "已联系";
    assert_int_equal(workflow_apply(&r, RA_CONTACT, &in, 0, later, &c, &ev, &why), 0);
    free(ev.text);
    assert_true(r.contacted_at == later);
    assert_int_equal(workflow_apply(&r, RA_REPLY, &in, 0, at("2026-03-13 15:00"), &c, &ev, &why),
                     0);
    free(ev.text);
    /* The follow-up is due by the end of the next working day: Monday. */
    assert_time(r.followup_due, "2026-03-16 17:00");
    /* Three unanswered calls close it, flagged, each an hour or more after the one before: a
     * second within the hour is refused. */
    const char *calls[] = {"2026-03-16 10:00", "2026-03-16 11:00", "2026-03-16 14:30"};
    for (int i = 0; i < WORKFLOW_FOLLOW_UP_TRIES; i++) {
        if (i)
            assert_int_equal(workflow_apply(&r, RA_NO_ANSWER, NULL, 0,
                                            at(calls[i - 1]) + WORKFLOW_FOLLOW_UP_GAP - 60, &c, &ev,
                                            &why),
                             -1);
        assert_int_equal(workflow_apply(&r, RA_NO_ANSWER, NULL, 0, at(calls[i]), &c, &ev, &why), 0);
        free(ev.text);
    }
    assert_int_equal(r.state, RS_CLOSED);
    assert_true(r.unreachable);
    assert_str(r.close_reason, "unreachable");
    assert_int_equal(workflow_flags(&r, at("2026-04-16 10:00"), 0, &c), 0);
    request_free(&r);

    /* Red: dispatched a working day and more ago and nobody responded; yellow: 3 days still. */
    fixture(&r, RS_DISPATCHED, now);
    r.dispatched_at = at("2026-03-02 09:00");
    r.accept_due = at("2026-03-02 10:00");
    unsigned f = workflow_flags(&r, at("2026-03-06 10:00"), at("2026-03-02 09:00"), &c);
    assert_true(f & FLAG_RED);
    assert_true(f & FLAG_YELLOW);
    assert_true(f & FLAG_OVERDUE);
    request_free(&r);
    workcal_free(&c);
}

static void limits_as_written(void **state)
{
    (void)state;
    assert_int_equal(catalogue_parse_accept("2小时"), 120);
    assert_int_equal(catalogue_parse_accept("３０分钟"), 30);
    assert_int_equal(catalogue_parse_accept(" 1 小时 "), 60);
    assert_int_equal(catalogue_parse_accept("2h"), 120);
    assert_int_equal(catalogue_parse_accept("两小时"), 0);
    assert_int_equal(catalogue_parse_accept("2天"), 0);
    int n;
    char u;
    assert_int_equal(catalogue_parse_resolve("5个工作日", &n, &u), 0);
    assert_int_equal(n, 5);
    assert_int_equal(u, 'd');
    assert_int_equal(catalogue_parse_resolve("4小时", &n, &u), 0);
    assert_int_equal(n, 4);
    assert_int_equal(u, 'h');
    assert_int_equal(catalogue_parse_resolve("5天", &n, &u), -1);
    assert_int_equal(catalogue_parse_resolve("", &n, &u), -1);
    char *t = catalogue_accept_text(90);
    assert_str(t, "90分钟");
    free(t);
    t = catalogue_resolve_text(15, 'd');
    assert_str(t, "15个工作日");
    free(t);
}

static void receipt_says_what_and_when(void **state)
{
    (void)state;
    struct request r;
    fixture(&r, RS_DISPATCHED, at("2026-03-02 09:30"));
    r.created_at = at("2026-03-02 09:30");
    r.accept_due = at("2026-03-02 10:30");
    r.resolve_due = 0;
    record_set(&r.requester, "张三丰");
    record_set(&r.requester_phone, "13900001111");
    record_set(&r.title, "申请低保");
    record_set(&r.category, "service");
    record_set(&r.unit_phone, "022-23303512");
    struct receipt_desk desk = {"和平区党群服务中心", "022-27301234"};
    char *text = receipt_text(&r, &desk);
    assert_non_null(strstr(text, "回执编号：2026-000001"));
    assert_non_null(strstr(text, "张三丰（139****1111）"));
    assert_null(strstr(text, "13900001111"));
    assert_non_null(strstr(text, "承办单位：区民政局（022-23303512）"));
    assert_non_null(strstr(text, "签收时限：2026-03-02 10:30 前"));
    assert_non_null(strstr(text, "签收后 5 个工作日内"));
    assert_non_null(strstr(text, "咨询电话：022-27301234"));
    assert_non_null(strstr(text, "凭回执编号和手机号后 4 位"));
    free(text);
    /* A requester who left no phone follows it at the desk: the kiosk asks for the phone. */
    record_set(&r.requester_phone, "");
    text = receipt_text(&r, &desk);
    assert_null(strstr(text, "手机号后 4 位"));
    assert_non_null(strstr(text, "凭回执编号到前台询问办理进度"));
    free(text);
    request_free(&r);
}

/* Which steps must be written down: the one rule the workflow and the request screen read. */
static void texts_required(void **state)
{
    (void)state;
    assert_true(workflow_text_required(RA_CONTACT, NULL));
    assert_true(workflow_text_required(RA_REPLY, NULL));
    assert_false(workflow_text_required(RA_FOLLOW_UP, NULL));
    assert_false(workflow_text_required(RA_ACCEPT, NULL));
    assert_true(workflow_text_required(RA_RETURN, "other"));
    assert_false(workflow_text_required(RA_RETURN, "wrong_area"));
    assert_false(workflow_text_required(RA_RETURN, NULL));
}

static void rates_by_hand(void **state)
{
    (void)state;
    /*
    ** Unit A: 10 dispatched, 8 responded in time, 1 returned; 10 followed
    ** up: 9 solved, 6 satisfied + 3 basic + 1 not; 10 replied, 7 on time.
    ** Unit B: 4 followed up, all satisfied: below the minimum of 5.
    ** Unit C: 6 followed up: 5 solved, 4 satisfied, 2 basic.
    */
    struct rate_counts u[3] = {
        {1, NULL, 12, 2, 10, 8, 1, 10, 9, 6, 3, 10, 7, 20.0, 10, 100.0, 10, 0},
        {2, NULL, 4, 0, 4, 4, 0, 4, 4, 4, 0, 4, 4, 2.0, 4, 20.0, 4, 0},
        {3, NULL, 6, 0, 6, 3, 0, 6, 5, 4, 2, 6, 6, 12.0, 6, 60.0, 6, 0},
    };
    struct rate_figures f[3];
    for (int i = 0; i < 3; i++)
        rates_compute(&u[i], 0.5, 5, &f[i]);
    assert_true(f[0].rate[RATE_RESPONSE] > 79.99 && f[0].rate[RATE_RESPONSE] < 80.01);
    assert_true(f[0].rate[RATE_RESOLUTION] > 89.99 && f[0].rate[RATE_RESOLUTION] < 90.01);
    /* (6 + 0.5 x 3) / 10 = 75% */
    assert_true(f[0].rate[RATE_SATISFACTION] > 74.99 && f[0].rate[RATE_SATISFACTION] < 75.01);
    assert_true(f[0].rate[RATE_ON_TIME] > 69.99 && f[0].rate[RATE_ON_TIME] < 70.01);
    assert_true(f[0].rate[RATE_RETURN] > 9.99 && f[0].rate[RATE_RETURN] < 10.01);
    assert_true(f[0].rate[RATE_ANSWERED] > 16.66 && f[0].rate[RATE_ANSWERED] < 16.67);
    assert_true(f[0].accept_hours > 1.99 && f[0].accept_hours < 2.01);
    assert_true(f[0].reply_hours > 9.99 && f[0].reply_hours < 10.01);
    /* Score A = (80 + 90 + 75) / 3 = 81.67; C = (50 + 83.33 + 83.33) / 3 = 72.22. */
    rates_rank(f, u, 3);
    assert_int_equal(f[0].rank, 1);
    assert_false(f[1].ranked);
    assert_int_equal(f[1].rank, 0);
    assert_int_equal(f[2].rank, 2);
    /* Nothing to divide by: no figure, not zero. */
    struct rate_counts none = {4, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    struct rate_figures nf;
    rates_compute(&none, 1, 5, &nf);
    assert_true(nf.rate[RATE_RESPONSE] < 0);
    assert_true(nf.score < 0);
    char *formula = rates_formula_text(RATE_SATISFACTION, 0.5);
    assert_non_null(strstr(formula, "0.5"));
    free(formula);
    struct rate_counts all = {0};
    for (int i = 0; i < 3; i++)
        rates_add(&all, &u[i]);
    assert_int_equal(all.followed, 20);
    char names[4][16] = {"甲单位", "乙单位", "丙单位", ""};
    for (int i = 0; i < 3; i++)
        u[i].unit_name = names[i];
    all.unit_name = names[3];
    char *report = rates_report(u, 3, &all, RATE_BY_UNIT, 0.5, 5, "2026-01-01 至 2026-03-31", 0);
    assert_non_null(strstr(report, "甲单位"));
    assert_non_null(strstr(report, "75.0%"));
    free(report);
    char *csv = rates_report(u, 3, &all, RATE_BY_UNIT, 0.5, 5, "2026-01-01 至 2026-03-31", 1);
    assert_non_null(strstr(csv, "\r\n"));
    assert_null(strstr(csv, "%"));
    free(csv);
}

/* A correction in words: each field that differs, old and new, the phone masked. */
static void corrections_in_words(void **state)
{
    (void)state;
    struct request a, b;
    fixture(&a, RS_DISPATCHED, at("2026-03-02 09:00"));
    fixture(&b, RS_DISPATCHED, at("2026-03-02 09:00"));
    char *none = request_corrections(&a, &b);
    assert_string_equal(none, "");
    free(none);
    record_set(&a.title, "申请低保");
    record_set(&b.title, "申请最低生活保障");
    record_set(&a.requester_phone, "13900001111");
    record_set(&b.requester_phone, "13912345678");
    char *said = request_corrections(&a, &b);
    assert_non_null(strstr(said, "申请低保"));
    assert_non_null(strstr(said, "申请最低生活保障"));
    assert_non_null(strstr(said, "139****1111"));
    assert_null(strstr(said, "13900001111")); /* never a full number on the timeline */
    free(said);
    request_free(&a);
    request_free(&b);
}

/* A timeline names each step by the rule that made it, the unit where the rule has one. */
static void event_labels(void **state)
{
    (void)state;
    assert_string_equal(workflow_event_label(RA_DISPATCH, RS_NEW, RS_DISPATCHED),
                        "Dispatched to %s");
    char *t = workflow_event_text("Dispatched to %s", "民政科");
    assert_string_equal(t, "Dispatched to 民政科");
    free(t);
    /* The centre's own step: no unit in it, whatever unit is given. */
    const char *done = workflow_event_label(RA_FOLLOW_UP, RS_REPLIED, RS_CLOSED);
    assert_string_equal(done, "Followed up; closed");
    t = workflow_event_text(done, "民政科");
    assert_string_equal(t, "Followed up; closed");
    free(t);
    /* A step of no rule (a note): the action's label. */
    assert_string_equal(workflow_event_label(RA_NOTE, RS_CLOSED, RS_CLOSED), "Note");
}

int main(void)
{
    unit_locale();
    setenv("TZ", "UTC0", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar_days),
        cmocka_unit_test(deadlines_in_days),
        cmocka_unit_test(deadlines_in_minutes),
        cmocka_unit_test(every_rule_applies),
        cmocka_unit_test(forbidden_in_every_state),
        cmocka_unit_test(roles_and_guards),
        cmocka_unit_test(parts_by_role_and_unit),
        cmocka_unit_test(clocks_run),
        cmocka_unit_test(corrections_in_words),
        cmocka_unit_test(limits_as_written),
        cmocka_unit_test(receipt_says_what_and_when),
        cmocka_unit_test(texts_required),
        cmocka_unit_test(rates_by_hand),
        cmocka_unit_test(event_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
