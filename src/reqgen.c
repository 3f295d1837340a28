/*
** reqgen: see reqgen.h.
*/
#include "reqgen.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Logins of the desks that typed the history (OS accounts at the centre). */
static const char *const desks[] = {"qiantai1", "qiantai2", "qiantai3", "zhangli", "wangfang"};

static const char *const details[] = {
    "居民到窗口反映，希望尽快办理。",   "诉求人称已多次咨询未果，请相关单位予以解答。",
    "家中老人行动不便，希望上门服务。", "楼长巡楼时收集，涉及楼内多户居民。",
    "网格员入户走访发现，需协调解决。", "问题已持续一段时间，影响正常生活。",
    "企业经办人来电反映，请尽快联系。",
};

static const char *const contacts[] = {
    "已电话联系诉求人，约定上门时间",
    "已与诉求人当面沟通，了解具体情况",
    "已联系诉求人，说明办理流程和所需材料",
};

static const char *const replies[] = {
    "已按规定办理完毕，并向诉求人反馈结果",
    "经现场核实，问题已解决",
    "已协调相关方处理完毕，诉求人认可",
    "已告知政策规定及办理渠道，诉求人表示理解",
};

static const char *const answers[] = {
    "已当场解答政策规定，并告知办理材料",
    "已告知办理地点、时间及所需材料",
    "已现场答复，诉求人无其他问题",
};

static const char *pick(struct rng *r, const char *const *v, size_t n)
{
    return v[rng_below(r, (uint32_t)n)];
}

#define PICK(r, v) pick((r), (v), ARRAY_LEN(v))

void reqgen_start(struct reqgen *g, size_t n, uint64_t seed)
{
    rng_seed(&g->rng, seed);
    g->n = n;
    g->made = 0;
    g->span_minutes = workcal_minutes_between(g->cal, g->start, g->now);
    if (g->span_minutes < 1) g->span_minutes = 1;
    strbuf_init(&g->scratch);
}

void reqgen_finish(struct reqgen *g)
{
    strbuf_free(&g->scratch);
}

void reqgen_events_free(struct reqgen_event *events, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(events[i].ev.text);
    free(events);
}

/* The life being generated. */
struct life {
    struct reqgen *g;
    struct request *r;
    struct reqgen_event *ev;
    size_t n, cap;
    time_t t;         /* the time of the last step */
    const char *desk; /* who typed it */
    int stopped;      /* the next step would be after now */
};

/* Take action a at t (if not after now); returns 0 when time ran out, else 1 (taken or skipped). */
static int step(struct life *l, time_t t, enum request_action a, const struct workflow_input *in)
{
    if (l->stopped || t >= l->g->now) {
        l->stopped = 1;
        return 0;
    }
    struct workflow_event e;
    const char *why;
    /* A step the workflow refuses (an extension asked too late) is skipped; the life goes on. */
    if (workflow_apply(l->r, a, in, 0, t, l->g->cal, &e, &why) != 0) return 1;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->ev = xrealloc(l->ev, l->cap * sizeof *l->ev);
    }
    l->ev[l->n++] = (struct reqgen_event){e, t, l->desk};
    l->t = t;
    return 1;
}

/* t plus a number of working minutes between lo and hi (fractions of base). */
static time_t later(struct life *l, long base, double lo, double hi)
{
    double f = lo + (hi - lo) * (double)rng_below(&l->g->rng, 10000) / 10000.0;
    long m = (long)((double)base * f);
    return workcal_add_minutes(l->g->cal, l->t, m < 1 ? 1 : m);
}

/* Working minutes the item allows for resolving, from its limit. */
static long resolve_minutes(const struct request *r, const struct workcal *cal)
{
    return r->resolve_unit == 'h' ? 60L * r->resolve_amount
                                  : (long)r->resolve_amount * workcal_day_minutes(cal);
}

static void follow_up(struct life *l, int round)
{
    struct rng *rng = &l->g->rng;
    /* The desk phones on the next working day. */
    l->t = workcal_add_minutes(l->g->cal, l->r->replied_at, workcal_day_minutes(l->g->cal));
    while (rng_below(rng, 100) < 6) {
        /* Another call an hour or more later (WORKFLOW_FOLLOW_UP_GAP). */
        if (!step(l, later(l, 60, 1.0, 4), RA_NO_ANSWER, NULL)) return;
        if (l->r->state == RS_CLOSED) return;
    }
    uint32_t x = rng_below(rng, 100);
    struct workflow_input in = {0};
    in.resolved = rng_below(rng, 100) < 90;
    /* Someone not satisfied once stays so more often after the second try. */
    uint32_t unsatisfied = round ? 30 : 8;
    in.satisfaction = x < unsatisfied                                    ? SAT_UNSATISFIED
                      : x < unsatisfied + (100 - unsatisfied) * 15 / 100 ? SAT_BASIC
                                                                         : SAT_SATISFIED;
    if (!in.resolved && in.satisfaction == SAT_SATISFIED) in.satisfaction = SAT_BASIC;
    if (!step(l, later(l, 120, 0.1, 1), RA_FOLLOW_UP, &in)) return;
    if (l->r->state != RS_REOPENED) return;
    if (!step(l, later(l, 60, 0.5, 4), RA_REDO, NULL)) return;
    struct workflow_input reply = {0};
    reply.text = PICK(rng, replies);
    if (!step(l, later(l, resolve_minutes(l->r, l->g->cal), 0.2, 0.9), RA_REPLY, &reply)) return;
    follow_up(l, round + 1);
}

/* Signed for, contacted, maybe extended, replied, followed up. */
static void handle(struct life *l)
{
    struct rng *rng = &l->g->rng;
    struct request *r = l->r;
    long accept = r->accept_minutes;
    int late = rng_below(rng, 100) < 10;
    if (!step(l, later(l, accept, late ? 1.1 : 0.05, late ? 3 : 0.9), RA_ACCEPT, NULL)) return;
    late = rng_below(rng, 100) < 8;
    struct workflow_input in = {0};
    in.text = PICK(rng, contacts);
    if (!step(l, later(l, accept, late ? 1.1 : 0.05, late ? 2.5 : 0.9), RA_CONTACT, &in)) return;
    long resolve = resolve_minutes(r, l->g->cal);
    if (rng_below(rng, 100) < 3) {
        struct workflow_input ask = {0};
        ask.text = "需协调多个部门，申请延期";
        ask.deadline = workcal_add_days(l->g->cal, r->resolve_due, 5);
        if (!step(l, later(l, resolve, 0.2, 0.5), RA_ASK_EXTENSION, &ask)) return;
        struct workflow_input decide = {0};
        decide.text = "已电话告知诉求人";
        int approve = rng_below(rng, 100) < 80;
        if (!step(l, later(l, 240, 0.1, 1), approve ? RA_APPROVE_EXTENSION : RA_REFUSE_EXTENSION,
                  &decide))
            return;
    }
    late = rng_below(rng, 100) < 12;
    in.text = PICK(rng, replies);
    if (!step(l, later(l, resolve, late ? 1.05 : 0.1, late ? 1.6 : 0.85), RA_REPLY, &in)) return;
    follow_up(l, 0);
}

/* The requester: a registered resident mostly, else an organisation or a passer-by. */
static void requester(struct reqgen *g, struct request *r)
{
    uint32_t x = rng_below(&g->rng, 100);
    if (g->npeople && x < 75) {
        const struct reqgen_person *p = &g->people[rng_below(&g->rng, (uint32_t)g->npeople)];
        r->requester_kind = p->resident_id ? REQUESTER_RESIDENT : REQUESTER_ANONYMOUS;
        r->resident_id = p->resident_id;
        record_set(&r->requester, p->name);
        record_set(&r->requester_phone, p->phone);
        return;
    }
    strbuf_reset(&g->scratch);
    namegen_person(&g->rng, &g->scratch);
    r->requester_kind = x < 88 ? REQUESTER_ANONYMOUS : REQUESTER_ORGANISATION;
    if (r->requester_kind == REQUESTER_ORGANISATION) strbuf_adds(&g->scratch, "商贸有限公司");
    record_set(&r->requester, strbuf_str(&g->scratch));
    char phone[12];
    snprintf(phone, sizeof phone, "13%09u", rng_below(&g->rng, 1000000000));
    record_set(&r->requester_phone, phone);
}

/* The evening-talk session nearest before t, within 30 days (0: none). */
static int64_t talk_before(const struct reqgen *g, time_t t)
{
    int64_t best = 0;
    for (size_t i = 0; i < g->ntalks && g->talks[i].held <= t; i++)
        if (t - g->talks[i].held < 30L * 86400) best = g->talks[i].id;
    return best;
}

int reqgen_next(struct reqgen *g, struct request *r, struct reqgen_event **events, size_t *nev)
{
    *events = NULL;
    *nev = 0;
    if (g->made == g->n || !g->nitems) return 0;
    struct rng *rng = &g->rng;
    request_init(r);
    /* Spread over the working minutes of the span, in order. */
    long at = (long)((double)g->span_minutes * ((double)g->made + 0.5) / (double)g->n);
    time_t created = workcal_add_minutes(g->cal, g->start, at);
    g->made++;

    const struct service_item *it = &g->items[rng_below(rng, (uint32_t)g->nitems)];
    r->item_id = it->id;
    r->unit_id = it->unit_id;
    record_set(&r->unit_name, it->unit_name);
    record_set(&r->category, it->category);
    r->accept_minutes = it->accept_minutes;
    r->resolve_amount = it->resolve_amount;
    r->resolve_unit = it->resolve_unit;
    uint32_t k = rng_below(rng, 100);
    const char *kind = k < 18   ? "consult"
                       : k < 58 ? "help"
                       : k < 83 ? "complaint"
                       : k < 90 ? "report"
                                : "suggestion";
    if (str_eq(it->category, "emergency")) kind = "help";
    record_set(&r->kind, kind);
    uint32_t c = rng_below(rng, 100);
    const char *channel = c < 55   ? "desk"
                          : c < 67 ? "phone"
                          : c < 77 ? "chief"
                          : c < 89 ? "grid"
                          : c < 95 ? "evening_talk"
                                   : "street_call";
    if (str_eq(channel, "evening_talk") && !(r->talk_id = talk_before(g, created)))
        channel = "desk";
    record_set(&r->channel, channel);
    requester(g, r);
    if (g->nplaces) {
        const struct reqgen_place *p = &g->places[rng_below(rng, (uint32_t)g->nplaces)];
        r->building_id = p->building_id;
        r->grid_id = p->grid_id;
        r->community_id = p->community_id;
    }
    r->level = str_eq(channel, "street_call") ? LEVEL_STREET : LEVEL_COMMUNITY;
    strbuf_reset(&g->scratch);
    strbuf_addf(&g->scratch, "%s：%s", request_word_zh(request_kinds, kind), it->name);
    record_set(&r->title, strbuf_str(&g->scratch));
    record_set(&r->detail, PICK(rng, details));

    struct life l = {g, r, NULL, 0, 0, created, desks[rng_below(rng, ARRAY_LEN(desks))], 0};
    struct workflow_event reg;
    workflow_register(r, created, &reg);
    record_set(&r->created_by, l.desk);
    l.ev = xmalloc(16 * sizeof *l.ev);
    l.cap = 16;
    l.ev[l.n++] = (struct reqgen_event){reg, created, l.desk};

    if (str_eq(kind, "consult") && rng_below(rng, 100) < 70) {
        struct workflow_input in = {0};
        in.text = PICK(rng, answers);
        step(&l, later(&l, 10, 0.2, 1), RA_ANSWER, &in);
    } else if (rng_below(rng, 1000) < 12) {
        struct workflow_input in = {0};
        in.text = "与已登记诉求重复";
        step(&l, later(&l, 10, 0.2, 1), RA_VOID, &in);
    } else if (step(&l, later(&l, 5, 0.1, 1), RA_DISPATCH, NULL)) {
        if (rng_below(rng, 100) < 4 && g->nunits > 1) {
            struct workflow_input ret = {0};
            ret.reason = rng_below(rng, 2) ? "wrong_area" : "overlap";
            if (step(&l, later(&l, r->accept_minutes, 0.1, 0.8), RA_RETURN, &ret)) {
                struct workflow_input to = {0};
                to.unit_id = g->units[rng_below(rng, (uint32_t)g->nunits)];
                to.text = "经审核，维持原派单";
                if (to.unit_id != r->unit_id)
                    step(&l, later(&l, 60, 0.1, 1), RA_REROUTE, &to);
                else
                    step(&l, later(&l, 60, 0.1, 1), RA_INSIST, &to);
            }
        }
        if (r->state == RS_DISPATCHED) handle(&l);
    }
    r->updated_at = l.t;
    record_set(&r->updated_by, l.desk);
    for (size_t i = 1; i < l.n; i++) /* the desk types the units' steps on their behalf */
        l.ev[i].actor = desks[rng_below(rng, ARRAY_LEN(desks))];
    *events = l.ev;
    *nev = l.n;
    return 1;
}
