/*
** request: see request.h.
*/
#include "request.h"
#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct request_word request_channels[] = {
    {"desk", N_("Desk"), "窗口"},
    {"chief", N_("Building chief"), "楼长"},
    {"grid", N_("Grid worker"), "网格员"},
    {"evening_talk", N_("Evening talk"), "和平夜话"},
    {"phone", N_("Telephone"), "电话"},
    {"street_call", N_("Street call"), "街道呼叫"},
    {NULL, NULL, NULL},
};

const struct request_word request_kinds[] = {
    {"consult", N_("Consultation"), "咨询"},  {"help", N_("Asking for help"), "求助"},
    {"complaint", N_("Complaint"), "投诉"},   {"report", N_("Report of wrongdoing"), "举报"},
    {"suggestion", N_("Suggestion"), "建议"}, {NULL, NULL, NULL},
};

const struct request_word request_categories[] = {
    {"dispute", N_("Dispute resolution"), "矛盾排解"},
    {"service", N_("Service to the public"), "服务群众"},
    {"key_task", N_("Key task"), "重点工作"},
    {"enforcement", N_("Law enforcement"), "综合执法"},
    {"emergency", N_("Emergency"), "应急处置"},
    {NULL, NULL, NULL},
};

const char *request_word_label(const struct request_word *words, const char *code)
{
    for (const struct request_word *w = words; code && w->code; w++)
        if (str_eq(w->code, code)) return w->label;
    return NULL;
}

const char *request_word_zh(const struct request_word *words, const char *code)
{
    for (const struct request_word *w = words; code && w->code; w++)
        if (str_eq(w->code, code)) return w->zh;
    return NULL;
}

const char *request_word_code(const struct request_word *words, const char *text)
{
    for (const struct request_word *w = words; text && w->code; w++)
        if (str_eq(w->code, text) || str_eq(w->zh, text) || str_eq(w->label, text) ||
            str_eq(_(w->label), text))
            return w->code;
    return NULL;
}

static const struct {
    const char *code;
    const char *label;
    int closed;
} states[RS_COUNT] = {
    [RS_NEW] = {"new", N_("Registered"), 0},
    [RS_ANSWERED] = {"answered", N_("Answered on the spot"), 1},
    [RS_VOID] = {"void", N_("Not accepted"), 1},
    [RS_DISPATCHED] = {"dispatched", N_("Dispatched, to sign for"), 0},
    [RS_RETURNED] = {"returned", N_("Returned, to review"), 0},
    [RS_ACCEPTED] = {"accepted", N_("Signed for"), 0},
    [RS_IN_PROGRESS] = {"in_progress", N_("In progress"), 0},
    [RS_SUSPENDED] = {"suspended", N_("Extended"), 0},
    [RS_REPLIED] = {"replied", N_("Replied"), 0},
    [RS_FOLLOW_UP] = {"follow_up", N_("Following up"), 0},
    [RS_CLOSED] = {"closed", N_("Closed"), 1},
    [RS_REOPENED] = {"reopened", N_("Reopened"), 0},
};

const char *request_state_code(enum request_state s)
{
    return s < RS_COUNT ? states[s].code : "";
}

const char *request_state_label(enum request_state s)
{
    return s < RS_COUNT ? states[s].label : "";
}

int request_state_parse(const char *code)
{
    for (int s = 0; s < RS_COUNT; s++)
        if (str_eq(states[s].code, code)) return s;
    return -1;
}

int request_state_closed(enum request_state s)
{
    return s < RS_COUNT && states[s].closed;
}

const char *request_level_label(enum request_level l)
{
    static const char *const labels[LEVEL_COUNT] = {N_("Community level"), N_("Street level"),
                                                    N_("District level")};
    return l < LEVEL_COUNT ? labels[l] : "";
}

static const char *const requester_codes[] = {"resident", "organisation", "anonymous"};

const char *request_requester_code(enum requester_kind k)
{
    return (size_t)k < ARRAY_LEN(requester_codes) ? requester_codes[k] : "";
}

int request_requester_parse(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(requester_codes); i++)
        if (str_eq(requester_codes[i], code)) return (int)i;
    return -1;
}

static const struct request_word satisfactions[] = {
    [SAT_NONE] = {"", "", ""},
    [SAT_SATISFIED] = {"satisfied", N_("Satisfied"), "满意"},
    [SAT_BASIC] = {"basic", N_("Basically satisfied"), "基本满意"},
    [SAT_UNSATISFIED] = {"unsatisfied", N_("Not satisfied"), "不满意"},
};

const char *request_satisfaction_code(enum satisfaction s)
{
    return (size_t)s < ARRAY_LEN(satisfactions) ? satisfactions[s].code : "";
}

const char *request_satisfaction_label(enum satisfaction s)
{
    return (size_t)s < ARRAY_LEN(satisfactions) ? satisfactions[s].label : "";
}

enum satisfaction request_satisfaction_parse(const char *code)
{
    for (size_t i = 1; i < ARRAY_LEN(satisfactions); i++)
        if (str_eq(satisfactions[i].code, code)) return (enum satisfaction)i;
    return SAT_NONE;
}

/* The string fields, for init, free and copy. */
/* clang-format off */
#define REQUEST_STRINGS(X) \
    X(number) X(channel) X(kind) X(category) X(item_code) X(item_name) \
    X(unit_name) X(unit_phone) X(requester) X(requester_phone) X(building) X(grid) \
    X(community) X(talk) X(title) X(detail) X(answer) X(close_reason) \
    X(return_reason) X(ext_reason) X(created_by) X(updated_by)
/* clang-format on */

void request_init(struct request *r)
{
    memset(r, 0, sizeof *r);
#define INIT(f) r->f = xstrdup("");
    REQUEST_STRINGS(INIT)
#undef INIT
    r->resolved = -1;
    r->resolve_unit = 'd';
}

void request_free(struct request *r)
{
#define FREE(f) free(r->f);
    REQUEST_STRINGS(FREE)
#undef FREE
    memset(r, 0, sizeof *r);
}

void request_copy(struct request *dst, const struct request *src)
{
    *dst = *src;
#define COPY(f) dst->f = xstrdup(src->f ? src->f : "");
    REQUEST_STRINGS(COPY)
#undef COPY
}

void request_set(char **field, const char *value)
{
    free(*field);
    *field = xstrdup(value ? value : "");
}

void request_take(char **field, char *value)
{
    free(*field);
    *field = value ? value : xstrdup("");
}

time_t request_due(const struct request *r)
{
    switch (r->state) {
    case RS_DISPATCHED:
    case RS_RETURNED:
        return r->accept_due;
    case RS_ACCEPTED:
        /* Signed for: first contact is due before the result. */
        return r->contact_due && (!r->resolve_due || r->contact_due < r->resolve_due)
                   ? r->contact_due
                   : r->resolve_due;
    case RS_IN_PROGRESS:
    case RS_SUSPENDED:
    case RS_REOPENED:
        return r->resolve_due;
    case RS_REPLIED:
    case RS_FOLLOW_UP:
        return r->followup_due;
    default:
        return 0;
    }
}

char *request_number_format(int year, int64_t seq, char *out)
{
    snprintf(out, 16, "%04d-%06lld", year, (long long)seq);
    return out;
}
