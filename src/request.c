/*
** request: see request.h.
*/
#include "request.h"
#include "clock.h"
#include "i18n.h"
#include "ledger.h"
#include "text.h"
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
    {"kiosk", N_("Self-service kiosk"), "自助终端"},
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

static const struct {
    const char *code, *label, *holds;
} queues[QUEUE_COUNT] = {
    [QUEUE_OPEN] = {"open", N_("Open work"),
                    N_("every request not yet closed, soonest deadline first")},
    [QUEUE_NEW] = {"new", N_("To dispatch"), N_("taken down, not yet sent to a unit")},
    [QUEUE_DISPATCHED] = {"dispatched", N_("To sign for"),
                          N_("sent to a unit that has not signed for it yet")},
    [QUEUE_HANDLING] = {"handling", N_("In hand"),
                        N_("signed for and being handled, extended, or handled again")},
    [QUEUE_OVERDUE] = {"overdue", N_("Overdue"), N_("its running deadline has passed (督办)")},
    [QUEUE_FOLLOW_UP] = {"follow_up", N_("To follow up"),
                         N_("the unit replied: the requester is to be called back")},
    [QUEUE_RETURNED] = {"returned", N_("Returned"),
                        N_("a unit sent it back: the desk sends it on or keeps it there")},
    [QUEUE_EXTENSION] = {"extension", N_("Extensions asked"),
                         N_("a unit asked for more time: a supervisor decides")},
    [QUEUE_MINE] = {"mine", N_("Mine today"), N_("taken down at this login today")},
    [QUEUE_TELL_BACK] = {"tell_back", N_("To tell back"),
                         N_("closed, the requester not yet told how it ended")},
    [QUEUE_ALL] = {"all", N_("All"), N_("every request ever taken down, newest first")},
    [QUEUE_KIOSK] = {"kiosk", N_("Left at the kiosk"),
                     N_("left at the self-service kiosk, not yet dispatched: review and send on")},
};

const char *request_queue_holds(enum request_queue q)
{
    return q < QUEUE_COUNT ? queues[q].holds : "";
}

const char *request_queue_code(enum request_queue q)
{
    return q < QUEUE_COUNT ? queues[q].code : "";
}

const char *request_queue_label(enum request_queue q)
{
    return q < QUEUE_COUNT ? queues[q].label : "";
}

int request_queue_parse(const char *code)
{
    for (int i = 0; code && i < QUEUE_COUNT; i++)
        if (str_eq(code, queues[i].code)) return i;
    return -1;
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

/* The fields of a request, for record.h. Clocks, counters and names are the store's. */
#define QF(member, kind, label, flags, by) FIELD_OF(struct request, member, kind, label, flags, by)
static const struct field_desc request_fields[] = {
    QF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    QF(number, FIELD_TEXT, N_("Number"), FIELD_STORED, NULL),
    QF(state, FIELD_INT, N_("State"), FIELD_STORED, NULL),
    QF(channel, FIELD_TEXT, N_("Channel"), 0, NULL),
    QF(kind, FIELD_TEXT, N_("Kind"), 0, NULL),
    QF(category, FIELD_TEXT, N_("Category"), 0, NULL),
    QF(item_id, FIELD_INT64, N_("Service item"), 0, "item_name"),
    QF(item_code, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(item_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(unit_id, FIELD_INT64, N_("Unit"), FIELD_STORED, "unit_name"),
    QF(unit_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(unit_phone, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(first_unit_id, FIELD_INT64, NULL, FIELD_STORED, NULL),
    QF(returned_unit_id, FIELD_INT64, NULL, FIELD_STORED, NULL),
    QF(kept, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(requester_kind, FIELD_INT, NULL, 0, NULL),
    QF(resident_id, FIELD_INT64, N_("Resident"), 0, "requester"),
    QF(requester, FIELD_TEXT, N_("Requester"), 0, NULL),
    QF(requester_phone, FIELD_TEXT, N_("Phone"), FIELD_SECRET, NULL),
    QF(building_id, FIELD_INT64, N_("Building"), 0, "building"),
    QF(grid_id, FIELD_INT64, N_("Grid"), 0, "grid"),
    QF(community_id, FIELD_INT64, N_("Community"), 0, "community"),
    QF(talk_id, FIELD_INT64, N_("Evening talk"), 0, "talk"),
    QF(organisation_id, FIELD_INT64, N_("Organisation"), 0, "requester"),
    QF(building, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(grid, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(community, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(talk, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(level, FIELD_INT, N_("Level"), FIELD_STORED, NULL),
    QF(title, FIELD_TEXT, N_("Title"), 0, NULL),
    QF(detail, FIELD_TEXT, N_("Detail"), 0, NULL),
    QF(accept_minutes, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(resolve_amount, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(resolve_unit, FIELD_CHAR, NULL, FIELD_STORED, NULL),
    QF(first_dispatched_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(dispatched_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(accept_due, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(accepted_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(contact_due, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(contacted_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(resolve_due, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(replied_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(followup_due, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(closed_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(answer, FIELD_TEXT, N_("Answer"), FIELD_STORED, NULL),
    QF(close_reason, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(return_reason, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(resolved, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(satisfaction, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(attempts, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(returns, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(reopens, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(extensions, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(ext_due, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(ext_reason, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(unreachable, FIELD_INT, NULL, FIELD_STORED, NULL),
    QF(duplicate_of, FIELD_INT64, NULL, FIELD_STORED, NULL),
    QF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    QF(created_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(updated_at, FIELD_TIME, NULL, FIELD_STORED, NULL),
    QF(created_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    QF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef QF

static void request_defaults(void *rec)
{
    struct request *r = rec;
    r->resolved = -1;
    r->resolve_unit = 'd';
}

static char *request_shown(size_t i, const void *rec);

const struct record_type request_record = {.name = "request",
                                           .size = sizeof(struct request),
                                           .fields = request_fields,
                                           .nfields = ARRAY_LEN(request_fields),
                                           .defaults = request_defaults,
                                           .shown = request_shown};

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

/* True when the moment at has come by t. */
static int by(time_t at, time_t t)
{
    return at && at <= t;
}

int request_overdue_at(const struct request_clocks *c, time_t t)
{
    if (!by(c->first_dispatched_at, t) || by(c->closed_at, t)) return 0;
    time_t due;
    if (!by(c->accepted_at, t))
        due = c->accept_due;
    else if (!by(c->contacted_at, t))
        due = c->contact_due && (!c->resolve_due || c->contact_due < c->resolve_due)
                  ? c->contact_due
                  : c->resolve_due;
    else if (!by(c->replied_at, t) || (c->reopens && c->resolve_due > c->replied_at))
        due = c->resolve_due;
    else
        due = c->followup_due;
    return due && due < t;
}

char *request_number_format(int year, int64_t seq, char *out)
{
    snprintf(out, 16, "%04d-%06lld", year, (long long)seq);
    return out;
}

/* Whether s[0..n) is n >= 1 ASCII digits. */
static int digits(const char *s, size_t n)
{
    return n > 0 && strspn(s, "0123456789") >= n;
}

/* The year of the four digits s starts with. */
static int year_of(const char *s)
{
    return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

int request_number_read(const char *typed, int this_year, char *out)
{
    char *s = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    size_t n = strlen(s);
    int year = this_year;
    long long seq = 0;
    if (n == 10 && digits(s, 10)) { /* 2026000123 */
        year = year_of(s);
        seq = strtoll(s + 4, NULL, 10);
    } else if (n >= 6 && n <= 11 && s[4] == '-' && digits(s, 4) && digits(s + 5, n - 5)) {
        year = year_of(s); /* 2025-218 */
        seq = strtoll(s + 5, NULL, 10);
    } else if (n >= 1 && n <= 6 && digits(s, n)) { /* 123: this year's */
        seq = strtoll(s, NULL, 10);
    }
    free(s);
    if (seq <= 0 || seq > 999999 || year < 1000 || year > 9999) return -1;
    request_number_format(year, seq, out);
    return 0;
}

/* --- the request ledger ---------------------------------------------------------------------- */

static const struct ledger_header request_headers[] = {
    {RQF_NUMBER, "诉求编号"},    {RQF_CREATED, "登记时间"}, {RQF_STATE, "状态"},
    {RQF_CHANNEL, "渠道"},       {RQF_KIND, "诉求类型"},    {RQF_CATEGORY, "类别"},
    {RQF_ITEM, "服务事项"},      {RQF_REQUESTER, "诉求人"}, {RQF_PHONE, "联系电话"},
    {RQF_COMMUNITY, "所属社区"}, {RQF_GRID, "所属网格"},    {RQF_BUILDING, "楼宇"},
    {RQF_TITLE, "标题"},         {RQF_DETAIL, "诉求内容"},  {RQF_UNIT, "责任单位"},
    {RQF_DUE, "当前期限"},       {RQF_CLOSED, "办结时间"},  {RQF_SATISFACTION, "满意度"},
    {RQF_RESULT, "办理结果"},
};

static const int request_secret[] = {RQF_PHONE};

const struct ledger_schema ledger_requests = {
    request_headers, ARRAY_LEN(request_headers), RQF_COUNT, NULL, 0,
    request_secret,  ARRAY_LEN(request_secret),  NULL};

/* t as YYYY-MM-DD HH:MM, or "" for none. Caller frees. */
static char *ledger_time(time_t t)
{
    char buf[24];
    return xstrdup(t ? clock_format_minute(t, buf) : "");
}

/* A word's Chinese name from its table, else its code. Caller frees. */
static char *ledger_word(const struct request_word *words, const char *code)
{
    const char *label = request_word_label(words, code);
    return xstrdup(label ? _(label) : code);
}

char *request_ledger_value(const struct request *r, enum request_ledger_field f)
{
    switch (f) {
    case RQF_NUMBER:
        return xstrdup(r->number);
    case RQF_CREATED:
        return ledger_time(r->created_at);
    case RQF_STATE:
        return xstrdup(_(request_state_label(r->state)));
    case RQF_CHANNEL:
        return ledger_word(request_channels, r->channel);
    case RQF_KIND:
        return ledger_word(request_kinds, r->kind);
    case RQF_CATEGORY:
        return ledger_word(request_categories, r->category);
    case RQF_ITEM:
        return *r->item_code ? xasprintf("%s %s", r->item_code, r->item_name) : xstrdup("");
    case RQF_REQUESTER:
        return xstrdup(r->requester);
    case RQF_PHONE:
        return xstrdup(r->requester_phone);
    case RQF_COMMUNITY:
        return xstrdup(r->community);
    case RQF_GRID:
        return xstrdup(r->grid);
    case RQF_BUILDING:
        return xstrdup(r->building);
    case RQF_TITLE:
        return xstrdup(r->title);
    case RQF_DETAIL:
        return xstrdup(r->detail);
    case RQF_UNIT:
        return xstrdup(r->unit_name);
    case RQF_DUE:
        return ledger_time(request_due(r));
    case RQF_CLOSED:
        return ledger_time(r->closed_at);
    case RQF_SATISFACTION:
        return xstrdup(r->satisfaction != SAT_NONE ? _(request_satisfaction_label(r->satisfaction))
                                                   : "");
    case RQF_RESULT:
        return xstrdup(r->answer);
    default:
        return xstrdup("");
    }
}

/* --- corrections ------------------------------------------------------------------------------ */

/* Add "label由「old」改为「new」" to sb when old and new differ; nothing is said as （无）. */
static void correction_add(struct strbuf *sb, const char *label, const char *old, const char *new)
{
    if (str_eq(old, new)) return;
    if (sb->len) strbuf_adds(sb, _("; "));
    strbuf_addf(sb, _("%s from \"%s\" to \"%s\""), label, text_blank(old) ? _("(none)") : old,
                text_blank(new) ? _("(none)") : new);
}

/* A word's label from its table, or its code when the table has none. */
static const char *word_text(const struct request_word *words, const char *code)
{
    const char *label = request_word_label(words, code);
    return label ? _(label) : code;
}

/* The channel, kind and category in words, as the form offers them (a conflict says them so). */
static char *request_shown(size_t i, const void *rec)
{
    const struct request *r = rec;
    const char *name = request_fields[i].name;
    if (str_eq(name, "channel")) return xstrdup(word_text(request_channels, r->channel));
    if (str_eq(name, "kind")) return xstrdup(word_text(request_kinds, r->kind));
    if (str_eq(name, "category")) return xstrdup(word_text(request_categories, r->category));
    return NULL;
}

char *request_corrections(const struct request *before, const struct request *after)
{
    struct strbuf sb = STRBUF_INIT;
    correction_add(&sb, _("Title"), before->title, after->title);
    correction_add(&sb, _("Detail"), before->detail, after->detail);
    char *item_before = xasprintf("%s %s", before->item_code, before->item_name);
    char *item_after = xasprintf("%s %s", after->item_code, after->item_name);
    correction_add(&sb, _("Service item"), item_before, item_after);
    free(item_before);
    free(item_after);
    correction_add(&sb, _("Category"), word_text(request_categories, before->category),
                   word_text(request_categories, after->category));
    correction_add(&sb, _("Channel"), word_text(request_channels, before->channel),
                   word_text(request_channels, after->channel));
    correction_add(&sb, _("Kind"), word_text(request_kinds, before->kind),
                   word_text(request_kinds, after->kind));
    correction_add(&sb, _("Evening talk"), before->talk, after->talk);
    correction_add(&sb, _("Requester"), before->requester, after->requester);
    char phone_before[64], phone_after[64];
    snprintf(phone_before, sizeof phone_before, "%s", before->requester_phone);
    snprintf(phone_after, sizeof phone_after, "%s", after->requester_phone);
    text_mask_number(phone_before, 11, phone_before); /* the timeline shows numbers masked */
    text_mask_number(phone_after, 11, phone_after);
    if (!str_eq(before->requester_phone, after->requester_phone))
        correction_add(&sb, _("Phone"), phone_before, phone_after);
    correction_add(&sb, _("Building"), before->building, after->building);
    correction_add(&sb, _("Grid"), before->grid, after->grid);
    return strbuf_detach(&sb);
}
