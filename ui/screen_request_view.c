/*
** screen_request_view: one request: who raised what, the unit handling
** it, its clocks and warnings (催办, 超时, red, yellow), what may be done
** now, and its whole timeline. What may be done comes from the workflow
** table only: the actions are numbered on screen (a digit, or Enter to
** choose), each asks for what it needs (a reason, a unit, a deadline, the
** follow-up answers), and the store applies it. When another desk acted
** first, the clerk is told who did what, and keeps what was typed.
*/
#include "app/receipts.h"
#include "db/catalogue_store.h"
#include "db/hours_store.h"
#include "db/calendar_store.h"
#include "db/request_store.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/printer.h"
#include "src/receipt.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OFFERED 12

/*
** The key of each action, the same whatever else is offered, so a clerk's
** hands learn them: pinyin initials (派单 p, 签收 q, 退单 t, 回访 h ...).
*/
static const char action_keys[RA_COUNT] = {
    [RA_DISPATCH] = 'p',          /* 派单 */
    [RA_ANSWER] = 'd',            /* 直接答复 */
    [RA_VOID] = 'b',              /* 不予受理 */
    [RA_RETURN] = 't',            /* 退单 */
    [RA_REROUTE] = 'g',           /* 改派 */
    [RA_INSIST] = 'w',            /* 维持派单 */
    [RA_ACCEPT] = 'q',            /* 签收 */
    [RA_CONTACT] = 'l',           /* 首次联系 */
    [RA_ASK_EXTENSION] = 'y',     /* 申请延期 */
    [RA_APPROVE_EXTENSION] = 'z', /* 批准延期 */
    [RA_REFUSE_EXTENSION] = 'j',  /* 驳回延期 (拒) */
    [RA_REPLY] = 'f',             /* 办结反馈 */
    [RA_NO_ANSWER] = 'n',         /* 回访未接通 */
    [RA_FOLLOW_UP] = 'h',         /* 回访 */
    [RA_REDO] = 'r',              /* 重新办理 */
    [RA_ESCALATE] = 's',          /* 升级 */
    [RA_URGE] = 'c',              /* 催办 */
    [RA_NOTE] = 'm',              /* 备注 */
};

struct request_view {
    struct screen base;
    int64_t id;
    struct request r;
    struct request_events events;
    struct workcal cal;
    int loaded;
    unsigned generation;
    enum request_action offered[MAX_OFFERED];
    size_t noffered;
    unsigned flags;
    int top; /* first timeline row shown; -1: the end */
    int timeline_rows;
    char *kept;             /* what the clerk typed for an action that did not go through */
    char *calendar_note;    /* its deadline lies beyond the calendar: why that matters, or NULL */
    const char *no_correct; /* why F4 may not correct it (translated), or NULL when it may */
    struct service_record *helped; /* volunteers' service records that helped close it */
    size_t nhelped;
    time_t retry_at; /* a call not answered may be noted again from then (0: not waiting) */
};

static const enum action view_bar[] = {ACT_EDIT, ACT_REFRESH, ACT_MENU, ACT_NONE};
/* For a role that may not correct what was taken down (a unit handler, a chief). */
static const enum action view_bar_read[] = {ACT_REFRESH, ACT_MENU, ACT_NONE};

static char *calendar_note(const struct request *r, const struct workcal *cal);

static void view_unload(struct request_view *v)
{
    if (!v->loaded) return;
    request_free(&v->r);
    request_events_free(&v->events);
    workcal_free(&v->cal);
    free(v->calendar_note);
    v->calendar_note = NULL;
    record_array_free(&service_record_record, v->helped, v->nhelped);
    v->helped = NULL;
    v->nhelped = 0;
    v->loaded = 0;
}

/* Whether offered[0..n) holds a. */
static int offers(const enum request_action *offered, size_t n, enum request_action a)
{
    for (size_t i = 0; i < n; i++)
        if (offered[i] == a) return 1;
    return 0;
}

/*
** When a call not answered, not offered now (the last was noted within
** WORKFLOW_FOLLOW_UP_GAP), may be noted again; 0 when it is offered, or
** would not be then either.
*/
static time_t retry_at(const struct request *r, time_t now, const struct workflow_actor *who,
                       const enum request_action *offered, size_t n)
{
    if (!r->attempts || offers(offered, n, RA_NO_ANSWER)) return 0;
    time_t then = r->updated_at + WORKFLOW_FOLLOW_UP_GAP;
    if (then <= now) return 0;
    enum request_action later[MAX_OFFERED];
    size_t m = workflow_offered_to(r, then, who, later, MAX_OFFERED);
    return offers(later, m, RA_NO_ANSWER) ? then : 0;
}

static void view_load(struct request_view *v)
{
    view_unload(v);
    v->generation = db_generation(ui.db);
    if (request_get(ui.db, v->id, &v->r) != DB_OK) {
        ui_message(UI_MSG_ERROR, "%s", db_rc_message(DB_NOTFOUND));
        return;
    }
    v->loaded = 1;
    request_events(ui.db, v->id, &v->events);
    if (service_records_of_request(ui.db, v->id, &v->helped, &v->nhelped) != DB_OK) v->nhelped = 0;
    calendar_load(ui.db, &v->cal);
    time_t now = clock_now();
    time_t moved = 0; /* the last step that moved it on: a note or an urge is none */
    for (size_t i = v->events.n; i > 0 && !moved; i--)
        if (workflow_action_progresses(v->events.v[i - 1].action)) moved = v->events.v[i - 1].at;
    v->flags = workflow_flags(&v->r, now, moved, &v->cal);
    struct workflow_actor who;
    if (request_actor(ui.db, actor_name(), &who) != DB_OK) who.acts = 0;
    v->noffered = workflow_offered_to(&v->r, now, &who, v->offered, MAX_OFFERED);
    v->retry_at = retry_at(&v->r, now, &who, v->offered, v->noffered);
    v->no_correct = NULL;
    if (!workflow_part(&v->r, RA_CORRECT, &who, &v->no_correct) && !v->no_correct)
        v->no_correct = _("Your role may not do this");
    v->base.bar = v->no_correct ? view_bar_read : view_bar;
    v->calendar_note = calendar_note(&v->r, &v->cal);
    v->top = -1;
}

/* Words for the flags shown beside the state. Caller frees. */
char *request_flags_text(unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;
    static const struct {
        unsigned flag;
        const char *label;
    } words[] = {
        {FLAG_OVERDUE, N_("Overdue")},           {FLAG_URGE, N_("Due soon")},
        {FLAG_RED, N_("Red: no response")},      {FLAG_YELLOW, N_("Yellow: no progress")},
        {FLAG_EXT_ASKED, N_("Extension asked")},
    };
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (flags & words[i].flag) strbuf_addf(&sb, "%s[%s]", sb.len ? " " : "", _(words[i].label));
    return strbuf_detach(&sb);
}

/* Draw "label value" at (y, x) in w columns. */
static void pair(int y, int x, int w, const char *label, const char *value, attr_t attr)
{
    int lw = text_width(label) + 1;
    draw_text(y, x, lw, label, term_attr(UI_DIM), 0);
    draw_text(y, x + lw, w - lw, value, attr, TEXT_FIT_ELLIPSIS);
}

/*
** Draw "label text" at row y: text wrapped beside its label in at most max
** rows, the last ending in an ellipsis when more is hidden (x shows it
** all). Returns the rows used.
*/
static int block(int y, const char *label, const char *text, int max, attr_t attr)
{
    int lw = text_width(label) + 1, cols = COLS - 2 - lw, used = 0;
    draw_text(y, 1, lw, label, term_attr(UI_DIM), 0);
    for (const char *p = text; *p && used < max; used++) {
        const char *start = p;
        size_t n = text_wrap_line(p, cols, &p);
        char *row = used + 1 == max && *p ? xasprintf("%.*s..", (int)n, start) : xstrndup(start, n);
        draw_text(y + used, 1 + lw, cols, row, attr, TEXT_FIT_ELLIPSIS);
        free(row);
    }
    return used ? used : 1;
}

/* What the answer is called: 直接答复 when the desk answered on the spot, else the unit's result.
 */
static const char *answer_label(const struct request *r)
{
    if (r->state == RS_ANSWERED) return _("Answer");
    /* Back in hand after an unsatisfied follow-up: the result shown is the one found wanting. */
    if (!request_state_closed(r->state) && r->state != RS_REPLIED && r->state != RS_FOLLOW_UP)
        return _("Earlier result");
    return _("Result given");
}

/*
** "MM-DD HH:MM" of t, with its year first when that is not this year's
** (an extension to 2028 never reads as next month), or "" for 0, into buf
** (at least 17 bytes).
*/
static const char *short_time(time_t t, char *buf)
{
    if (!t) return "";
    char full[17], now[17];
    clock_format_minute(t, full);
    clock_format_minute(clock_now(), now);
    snprintf(buf, 17, "%s", strncmp(full, now, 4) ? full : full + 5);
    return buf;
}

/* The deadlines line: each clock that has run or runs. Caller frees. */
static char *clocks_text(const struct request *r)
{
    struct strbuf sb = STRBUF_INIT;
    char a[17], b[17];
    if (r->accept_due)
        strbuf_addf(&sb, _("Sign for by %s%s%s  "), short_time(r->accept_due, a),
                    r->accepted_at ? _(", signed ") : "", short_time(r->accepted_at, b));
    if (r->contact_due)
        strbuf_addf(&sb, _("Call by %s%s%s  "), short_time(r->contact_due, a),
                    r->contacted_at ? _(", called ") : "", short_time(r->contacted_at, b));
    /* Handled again: the last round's reply and follow-up are on the timeline, not running. */
    int again = r->reopens > 0 &&
                (r->state == RS_REOPENED || r->state == RS_IN_PROGRESS || r->state == RS_SUSPENDED);
    time_t replied = again ? 0 : r->replied_at;
    if (r->resolve_due)
        strbuf_addf(&sb, _("Resolve by %s%s%s  "), short_time(r->resolve_due, a),
                    replied ? _(", replied ") : "", short_time(replied, b));
    if (r->followup_due && !r->closed_at && !again)
        strbuf_addf(&sb, _("Follow up by %s  "), short_time(r->followup_due, a));
    if (r->ext_due) strbuf_addf(&sb, _("Extension asked to %s"), short_time(r->ext_due, a));
    if (r->closed_at) strbuf_addf(&sb, _("Closed %s"), short_time(r->closed_at, a));
    return strbuf_detach(&sb);
}

/*
** A deadline ahead in a year the working-day calendar cal does not hold was
** counted without that year's holidays: the words that say so, or NULL.
** Caller frees.
*/
static char *calendar_note(const struct request *r, const struct workcal *cal)
{
    int last = workcal_last_year(cal);
    struct tm tm;
    time_t due = request_due(r) > r->resolve_due ? request_due(r) : r->resolve_due;
    if (r->closed_at || !due || !last || !localtime_r(&due, &tm) || tm.tm_year + 1900 <= last)
        return NULL;
    return xasprintf(_("The calendar ends with %lld: %d's holidays were not counted in this "
                       "deadline"),
                     (long long)last, tm.tm_year + 1900);
}

/* Rows text takes wrapped at cols, at most max. */
static int wrapped_rows(const char *text, int cols, int max)
{
    int rows = 0;
    for (const char *p = text; *p && rows < max; rows++)
        text_wrap_line(p, cols, &p);
    return rows ? rows : 1;
}

/* The volunteers who helped close it: "李四 2026-12-03 150 分钟、..." (caller frees), "" for none.
 */
static char *helped_text(const struct request_view *v)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < v->nhelped; i++) {
        const struct service_record *h = &v->helped[i];
        if (i) strbuf_adds(&sb, _(", "));
        strbuf_addf(&sb, _("%s %s %d minutes"), h->volunteer_name, h->day, h->minutes);
    }
    return strbuf_detach(&sb);
}

/* One timeline row. Caller frees. */
static char *event_line(const struct request_event_row *e)
{
    char when[17];
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s %-9s ", short_time(e->at, when), e->actor);
    char *what = workflow_event_text(_(workflow_event_label(e->action, e->from, e->to)), e->unit);
    strbuf_adds(&sb, what);
    free(what);
    /* A unit's step keyed by a desk for it says so; the unit's own handler's does not. */
    if (str_eq(e->role, "unit") && !e->by_handler) strbuf_adds(&sb, _(" (for the unit)"));
    if (e->from != e->to) strbuf_addf(&sb, " -> %s", _(request_state_label(e->to)));
    if (e->text && *e->text) strbuf_addf(&sb, _("; %s"), e->text);
    return strbuf_detach(&sb);
}

/*
** Break clocks (each two spaces from the next) for cols columns: a row
** holds the clocks that fit it, and the gap before the first that does not
** becomes a line feed. Returns the rows they take (0 for none).
*/
static int clocks_broken(char *clocks, int cols)
{
    if (!*clocks) return 0;
    int rows = 1;
    char *line = clocks, *cut = NULL;
    for (char *gap = clocks; (gap = strstr(gap, "  ")); gap += 2) {
        *gap = '\0';
        int fits = (int)text_width(line) <= cols;
        *gap = ' ';
        if (!fits && cut) { /* "  " becomes one line feed */
            *cut = '\n';
            memmove(cut + 1, cut + 2, strlen(cut + 2) + 1);
            line = cut + 1;
            gap = line;
            cut = NULL;
            rows++;
            continue;
        }
        cut = gap;
    }
    /* The last clock, if it does not fit its row (not the two spaces that may end them all). */
    if (cut && cut[strspn(cut, " ")] && (int)text_width(line) > cols) {
        *cut = '\n';
        memmove(cut + 1, cut + 2, strlen(cut + 2) + 1);
        rows++;
    }
    return rows;
}

static void view_draw(struct screen *s, int top, int rows)
{
    struct request_view *v = (struct request_view *)s;
    if (!v->loaded) return;
    const struct request *r = &v->r;
    int half = COLS / 2, y = top; /* the left column ends a space before the right one */
    char *flags = request_flags_text(v->flags);
    char *head = xasprintf("%s  %s  %s", r->number, _(request_state_label(r->state)), flags);
    draw_text(y, 1, COLS - 2, head, A_BOLD, TEXT_FIT_ELLIPSIS);
    if (*flags)
        draw_text(y,
                  1 + text_width(r->number) + 2 + text_width(_(request_state_label(r->state))) + 2,
                  text_width(flags), flags, term_attr(UI_ERROR), 0);
    free(head);
    free(flags);
    y++;
    char *phone = resident_masked_phone(r->requester_phone);
    /* No name given stays （匿名）, a number to call or not, as the lists say it. */
    const char *name = *r->requester ? r->requester : _("(anonymous)");
    char *who = *phone ? xasprintf("%s %s", name, phone) : xstrdup(name);
    pair(y, 1, half - 2, _("Requester"), who, term_attr(UI_NORMAL));
    free(who);
    free(phone);
    const char *channel = request_word_label(request_channels, r->channel);
    const char *kind = request_word_label(request_kinds, r->kind);
    char *ck = xasprintf("%s / %s / %s", channel ? _(channel) : r->channel,
                         kind ? _(kind) : r->kind, _(request_level_label(r->level)));
    pair(y++, half, COLS - half - 1, _("Channel"), ck, term_attr(UI_NORMAL));
    free(ck);
    const char *category = request_word_label(request_categories, r->category);
    char *item = *r->item_name ? xasprintf("%s %s / %s", r->item_code, r->item_name,
                                           category ? _(category) : "")
                               : xstrdup(category ? _(category) : "");
    pair(y++, 1, COLS - 2, _("Service item"), item, term_attr(UI_NORMAL));
    free(item);
    char *unit =
        *r->unit_phone ? xasprintf("%s %s", r->unit_name, r->unit_phone) : xstrdup(r->unit_name);
    pair(y, 1, half - 2, _("Unit"), *unit ? unit : _("(not dispatched)"), term_attr(UI_NORMAL));
    free(unit);
    const char *area = *r->grid ? r->grid : r->community;
    char *where = *r->building && *area ? xasprintf("%s %s", r->building, area)
                                        : xstrdup(*r->building ? r->building : area);
    if (*where) pair(y, half, COLS - half - 1, _("Where"), where, term_attr(UI_NORMAL));
    y++;
    free(where);
    /* The texts wrapped, in the room the clocks, the actions and four rows of timeline leave. */
    char *clocks = clocks_text(r);
    /* The clocks on a second row when they need one (an extension asked was cut). */
    int clock_rows = clocks_broken(clocks, COLS - 2);
    int room = top + rows - y - 6 - clock_rows - (v->calendar_note != NULL) - (*r->talk != 0) -
               (v->nhelped > 0);
    y += block(y, _("Title"), r->title, 2, A_BOLD);
    room -= 1;
    if (*r->answer) room -= 1;
    if (*r->detail) {
        int used = block(y, _("Detail"), r->detail, room > 2 ? room - 1 : 2, term_attr(UI_NORMAL));
        y += used;
        room -= used;
    }
    if (*r->answer)
        y += block(y, answer_label(r), r->answer, room > 2 ? room : 2, term_attr(UI_NORMAL));
    if (*r->talk) pair(y++, 1, COLS - 2, _("Evening talk"), r->talk, term_attr(UI_NORMAL));
    if (*clocks) y += draw_wrapped(y, 1, COLS - 2, clock_rows, clocks, term_attr(UI_INFO));
    free(clocks);
    if (v->calendar_note)
        draw_text(y++, 1, COLS - 2, v->calendar_note, term_attr(UI_WARNING), TEXT_FIT_ELLIPSIS);
    if (v->nhelped) {
        char *helped = helped_text(v);
        pair(y++, 1, COLS - 2, _("Volunteers helped"), helped, term_attr(UI_NORMAL));
        free(helped);
    }

    /* What may be done now, each with its key. */
    struct strbuf acts = STRBUF_INIT;
    for (size_t i = 0; i < v->noffered; i++)
        strbuf_addf(&acts, "%c %s  ", action_keys[v->offered[i]],
                    _(workflow_action_label(v->offered[i])));
    if (v->retry_at) {
        char hm[17];
        strbuf_addf(&acts, _("%c %s (from %s)  "), action_keys[RA_NO_ANSWER],
                    _(workflow_action_label(RA_NO_ANSWER)),
                    clock_format_minute(v->retry_at, hm) + 11);
    }
    strbuf_addf(&acts, "x %s", _("Full text"));
    pair(y++, 1, COLS - 2, _("Actions:"), strbuf_str(&acts), term_attr(UI_SELECTED));
    strbuf_free(&acts);

    /* The timeline, its end shown unless scrolled; each event wrapped on up to three rows. */
    char *title = xasprintf(_("Timeline (%zu)"), v->events.n);
    draw_text(y++, 1, COLS - 2, title, A_BOLD, 0);
    free(title);
    room = top + rows - y;
    int n = (int)v->events.n;
    v->timeline_rows = room;
    char **lines = xcalloc((size_t)n + 1, sizeof *lines);
    int *height = xcalloc((size_t)n + 1, sizeof *height);
    for (int i = 0; i < n; i++) {
        lines[i] = event_line(&v->events.v[i]);
        height[i] = wrapped_rows(lines[i], COLS - 2, 3);
    }
    int first = v->top;
    if (first < 0 || first >= n) {
        /* The end: as many of the last events as fit. */
        int used = 0;
        for (first = n; first > 0 && used + height[first - 1] <= room; first--)
            used += height[first - 1];
    }
    for (int i = first; i < n && y < top + rows; i++)
        y += draw_wrapped(y, 1, COLS - 2, top + rows - y < 3 ? top + rows - y : 3, lines[i],
                          term_attr(UI_NORMAL));
    for (int i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    free(height);
}

/* --- asking for what an action needs ----------------------------------------------------- */

/*
** A line of text for action a, starting from what the clerk typed last
** time when that did not go through (another desk acted first): typing is
** never lost. A text the workflow requires (required:
** workflow_text_required()) left blank is said and asked again. Returns 1
** with *out, 0 when cancelled.
*/
static int ask_text(struct request_view *v, enum request_action a, const char *prompt, int required,
                    char **out)
{
    for (;;) {
        if (!dialog_input_lines(_(workflow_action_label(a)), prompt, v->kept, 500, 4, out))
            return 0;
        free(v->kept);
        v->kept = **out ? xstrdup(*out) : NULL;
        if (!required || !text_blank(*out)) return 1;
        ui_message(UI_MSG_ERROR, _("%s: write it down, it cannot be left empty"),
                   _(workflow_action_label(a)));
        free(*out);
        *out = NULL;
    }
}

/* A date typed as 2026-03-12: the end of that working day. 0 when it is not a date. */
static time_t deadline_of(const struct request_view *v, const char *text)
{
    time_t t;
    if (clock_day_parse(text, &t) != 0) return 0;
    return t + (time_t)v->cal.end * 60;
}

/*
** The new deadline for action a (an extension), asked before anything
** else is typed: a working day later than the deadline now, within the
** calendar's years or the year after them (its holidays may not be
** published yet: counted Monday to Friday, as the deadlines before it
** were, and the view says so: calendar_note()), the example a week after
** it. A date that will not do is said and asked again with what was
** typed. Returns the deadline, or 0 when the clerk cancelled.
*/
static time_t ask_deadline(struct request_view *v, enum request_action a)
{
    char now_due[17] = "-", example[11] = "";
    time_t base = v->r.resolve_due ? v->r.resolve_due : clock_now();
    if (v->r.resolve_due) clock_format_minute(v->r.resolve_due, now_due);
    struct date d = date_of(base + 7 * 24 * 3600);
    for (int i = 1; i < 15 && !workcal_is_working(&v->cal, d); i++) /* a working day */
        d = date_of(base + (time_t)(7 + i) * 24 * 3600);
    date_format(&d, example);
    char *prompt = xasprintf(_("The new deadline, later than the one now (%s), such as %s:"),
                             now_due, example);
    char *typed = NULL;
    time_t deadline = 0;
    for (;;) {
        char *date;
        int ok = dialog_input(_(workflow_action_label(a)), prompt, typed, 20, &date);
        free(typed);
        typed = NULL;
        if (!ok) break;
        deadline = deadline_of(v, date);
        struct date day = date_of(deadline);
        int last = workcal_last_year(&v->cal);
        const char *why = !deadline ? _("that is not a date: write it as 2027-01-15, 2027/1/15 "
                                        "or 20270115")
                          : v->r.resolve_due && deadline <= v->r.resolve_due
                              ? _("it is not later than the deadline now")
                          : last && day.year > last + 1
                              ? _("the working-day calendar does not reach that year yet")
                          : !workcal_is_working(&v->cal, day)
                              ? _("that is no working day: a deadline ends a working day")
                              : NULL;
        if (!why) {
            ui_message_clear(); /* a date refused before: its refusal is not the next question's */
            /* Past the calendar's last year: weekends alone are known, not its holidays. */
            if (last && day.year > last)
                ui_message(UI_MSG_INFO,
                           _("%s: the holidays of %d are not in the working-day calendar yet: "
                             "make sure it is no holiday"),
                           date, day.year);
            free(date);
            break;
        }
        ui_message(UI_MSG_ERROR, _("%s: %s"), date, why);
        deadline = 0;
        typed = date;
    }
    free(prompt);
    return deadline;
}

static const char *prompt_for(enum request_action a)
{
    switch (a) {
    case RA_ANSWER:
        return _("The answer given on the spot:");
    case RA_VOID:
        return _("Why it is not accepted (for a duplicate, the original's number):");
    case RA_INSIST:
        return _("Why it stays with this unit (the note goes back to it):");
    case RA_CONTACT:
        return _("How and when the requester was contacted:");
    case RA_ASK_EXTENSION:
        return _("Why more time is needed:");
    case RA_APPROVE_EXTENSION:
        return _("How the requester was told of the new deadline:");
    case RA_REFUSE_EXTENSION:
        return _("Why the extension is refused:");
    case RA_REPLY:
        return _("The result, as reported by the unit:");
    case RA_ESCALATE:
        return _("Why it goes up a level:");
    case RA_URGE:
        return _("What the unit was told:");
    default:
        return _("Note:");
    }
}

/*
** phone, and the landline of the resident who asked when the register has
** one another than it (elderly people living alone are called at home):
** "186****3333，固定电话 022-23315678". Caller frees.
*/
static char *with_landline(const struct request_view *v, const char *phone)
{
    struct resident r;
    if (!v->r.resident_id || resident_get(ui.db, v->r.resident_id, &r) != DB_OK)
        return xstrdup(phone);
    char *both = !*r.landline || str_eq(r.landline, v->r.requester_phone) ? xstrdup(phone)
                 : *phone ? xasprintf(_("%s, landline %s"), phone, r.landline)
                          : xasprintf(_("landline %s"), r.landline);
    resident_free(&r);
    return both;
}

/*
** The requester's number to call for step a (a follow-up, a unit's first
** contact), in full. A resident's number is masked everywhere else, so
** showing it here is written to the audit log (the step is the reason);
** to someone whose step it is not, nor who may reveal numbers, it stays
** masked. Caller frees.
*/
static char *phone_number_for(const struct request_view *v, enum request_action a)
{
    if (!v->r.resident_id || !*v->r.requester_phone) return with_landline(v, v->r.requester_phone);
    char *why =
        xasprintf(a == RA_CONTACT ? _("first contact for %s") : _("follow-up of %s"), v->r.number);
    int ok = request_reveal_phone(ui.db, &v->r, a, why, actor_name()) == DB_OK;
    free(why);
    char *masked = ok ? NULL : resident_masked_phone(v->r.requester_phone);
    char *both = with_landline(v, ok ? v->r.requester_phone : masked);
    free(masked);
    return both;
}

/* phone_number_for(), or that there is none to call. Caller frees. */
static char *phone_to_call(const struct request_view *v, enum request_action a)
{
    char *phone = phone_number_for(v, a);
    if (*phone) return phone;
    free(phone);
    return xstrdup(_("no number on file: reach them another way"));
}

/* Who is called: the requester's name, or who they are when none was given. */
static const char *who_to_call(const struct request_view *v)
{
    return *v->r.requester ? v->r.requester : _("the requester");
}

/* Ask for the follow-up answers. Returns 1 with in set, 0 when cancelled. */
static int ask_answers(struct request_view *v, struct workflow_input *in, char **text)
{
    const char *yes_no[] = {_("Solved"), _("Not solved")};
    char *phone = phone_to_call(v, RA_FOLLOW_UP);
    char *q = xasprintf(_("Call %s on %s. Was it solved?"), who_to_call(v), phone);
    int solved = dialog_options(_("Follow-up"), q, yes_no, 2);
    free(q);
    free(phone);
    if (solved < 0) return 0;
    const char *levels[] = {_("Satisfied"), _("Basically satisfied"), _("Not satisfied")};
    int sat = dialog_options(_("Follow-up"), _("How satisfied is the requester?"), levels, 3);
    if (sat < 0) return 0;
    in->resolved = solved == 0;
    in->satisfaction = sat == 0 ? SAT_SATISFIED : sat == 1 ? SAT_BASIC : SAT_UNSATISFIED;
    if (!ask_text(v, RA_FOLLOW_UP, _("What the requester said (may be left empty):"),
                  workflow_text_required(RA_FOLLOW_UP, NULL), text))
        return 0;
    in->text = *text;
    return 1;
}

/*
** Dispatching a request whose service item (chosen or corrected since it
** was taken down, at the kiosk none is) a unit handles that the request
** does not name: which unit, asked first. Returns 0 for the item's unit
** (into *unit, its label owned), 1 for the unit the request names (or the
** two agree, or no item), 2 for another, -1 when cancelled.
*/
static int dispatch_unit_mismatch(const struct request_view *v, struct choice *unit)
{
    struct service_item it;
    if (!v->r.item_id || item_get(ui.db, v->r.item_id, &it) != DB_OK) return 1;
    int c = 1;
    if (it.unit_id && it.unit_id != v->r.unit_id) {
        char *q = v->r.unit_id
                      ? xasprintf(_("%s %s is handled by %s, but the request names %s:"), it.code,
                                  it.name, it.unit_name, v->r.unit_name)
                      : xasprintf(_("%s %s is handled by %s:"), it.code, it.name, it.unit_name);
        char *item_unit = xasprintf(_("To %s, the item's unit"), it.unit_name);
        char *kept = xasprintf(_("To %s, as the request names"), v->r.unit_name);
        const char *options[] = {item_unit, kept, _("Another unit...")};
        if (v->r.unit_id) {
            c = dialog_options(_("Dispatch"), q, options, 3);
        } else {
            options[1] = options[2];
            c = dialog_options(_("Dispatch"), q, options, 2);
            if (c == 1) c = 2;
        }
        if (c == 0) {
            unit->id = it.unit_id;
            unit->label = xstrdup(it.unit_name);
        }
        free(q);
        free(item_unit);
        free(kept);
    }
    service_item_free(&it);
    return c;
}

/*
** Ask for everything action a needs into *in (strings in *owned, freed by
** the caller). Returns 1 to go ahead, 0 when the clerk cancelled.
*/
static int ask_input(struct request_view *v, enum request_action a, struct workflow_input *in,
                     char **owned, struct choice *unit)
{
    unsigned needs = workflow_action_needs(a);
    if (a == RA_NO_ANSWER) {
        char *phone = phone_to_call(v, a);
        char *q =
            v->r.attempts + 1 >= WORKFLOW_FOLLOW_UP_TRIES
                ? xasprintf(_("Record that %s (%s) did not answer? This is call %d, the last: the "
                              "request closes as unreachable."),
                            who_to_call(v), phone, WORKFLOW_FOLLOW_UP_TRIES)
                : xasprintf(_("Record that %s (%s) did not answer?"), who_to_call(v), phone);
        int yes = dialog_confirm(_(workflow_action_label(a)), q, 1);
        free(q);
        free(phone);
        return yes;
    }
    if (needs & NEED_ANSWERS) return ask_answers(v, in, owned);
    if (needs & NEED_REASON) {
        const char *labels[8];
        int n = 0;
        for (; workflow_return_reasons[n].code && n < 8; n++)
            labels[n] = _(workflow_return_reasons[n].label);
        int c = dialog_options(_(workflow_action_label(a)), _("Why is it returned?"), labels, n);
        if (c < 0) return 0;
        in->reason = workflow_return_reasons[c].code;
        int other = workflow_text_required(a, in->reason);
        if (!ask_text(v, a,
                      other ? _("Say what the reason is:")
                            : _("A note for the desk (may be left empty):"),
                      other, owned))
            return 0;
        in->text = *owned;
        return 1;
    }
    if (a == RA_DISPATCH) {
        int c = dispatch_unit_mismatch(v, unit);
        if (c < 0) return 0;
        if (c == 2) needs |= NEED_UNIT; /* another chosen below */
        if (c == 0) {
            in->unit_id = unit->id;
            in->unit_name = unit->label;
        }
    }
    if (!in->unit_id && ((needs & NEED_UNIT) || (a == RA_DISPATCH && !v->r.unit_id))) {
        const char *title = v->r.unit_id || v->r.first_unit_id ? _("Send it to which unit instead?")
                                                               : _("Send to which unit?");
        if (!dialog_choose(title, choices_units, NULL, NULL, unit)) return 0;
        in->unit_id = unit->id;
        in->unit_name = unit->label;
    }
    if ((needs & NEED_DEADLINE) && !(in->deadline = ask_deadline(v, a))) return 0;
    if (needs & NEED_TEXT && a == RA_CONTACT && *v->r.requester_phone) {
        /* The unit calls the requester: the number to call, then how it went. */
        char *phone = phone_to_call(v, a);
        char *prompt = xasprintf(_("Call %s on %s. %s"), who_to_call(v), phone, prompt_for(a));
        int ok = ask_text(v, a, prompt, workflow_text_required(a, NULL), owned);
        free(prompt);
        free(phone);
        if (!ok) return 0;
        in->text = *owned;
    } else if (needs & NEED_TEXT && a == RA_APPROVE_EXTENSION && v->r.ext_due) {
        /* The supervisor grants a date: shown whole, with the deadline it replaces. */
        char to[17], from[17];
        char *prompt = xasprintf(_("Extension to %s (the deadline now %s). %s"),
                                 clock_format_minute(v->r.ext_due, to),
                                 clock_format_minute(v->r.resolve_due, from), prompt_for(a));
        int ok = ask_text(v, a, prompt, workflow_text_required(a, NULL), owned);
        free(prompt);
        if (!ok) return 0;
        in->text = *owned;
    } else if (needs & NEED_TEXT) {
        if (!ask_text(v, a, prompt_for(a), workflow_text_required(a, NULL), owned)) return 0;
        in->text = *owned;
    } else if (a == RA_DISPATCH) {
        /* Dispatched to the unit just chosen, or to the one it is at: named in the question. */
        const char *to = in->unit_name ? in->unit_name : v->r.unit_name ? v->r.unit_name : "";
        char *q = *to ? xasprintf(_("Dispatch %s to %s?"), v->r.number, to)
                      : xasprintf(_("%s %s?"), _(workflow_action_label(a)), v->r.number);
        int yes = dialog_confirm(_(workflow_action_label(a)), q, 1);
        free(q);
        return yes;
    } else if (a == RA_ACCEPT || a == RA_REDO) {
        char *q = xasprintf(_("%s %s?"), _(workflow_action_label(a)), v->r.number);
        int yes = dialog_confirm(_(workflow_action_label(a)), q, 1);
        free(q);
        return yes;
    }
    return 1;
}

/* Tell the clerk that another desk acted first, and what it did. */
static void lost_race(const struct request *now, const struct request_event_row *last)
{
    char when[17];
    ui_message(UI_MSG_ERROR, _("Not done: %s acted first: %s (%s); now %s. Your typing is kept."),
               last->actor ? last->actor : now->updated_by, _(workflow_action_label(last->action)),
               short_time(last->at ? last->at : now->updated_at, when),
               _(request_state_label(now->state)));
}

static void act(struct request_view *v, enum request_action a)
{
    struct workflow_input in = {0};
    char *owned = NULL;
    struct choice unit = {0, NULL, NULL};
    if (!ask_input(v, a, &in, &owned, &unit)) {
        free(owned);
        free(unit.label);
        free(unit.detail);
        return;
    }
    const char *why;
    struct request current;
    struct request_event_row last = {0};
    int rc = request_act(ui.db, &v->r, a, &in, actor_name(), clock_now(), &why, &current, &last);
    if (rc == DB_OK) {
        ui_message(UI_MSG_INFO, _("Done: %s; now %s"), _(workflow_action_label(a)),
                   _(request_state_label(v->r.state)));
        free(v->kept);
        v->kept = NULL;
    } else if (rc == DB_CONFLICT) {
        lost_race(&current, &last);
        request_free(&current);
        request_event_row_free(&last);
        db_generation_touch(ui.db); /* another desk changed it: every screen reads it again */
    } else if (rc == DB_INVALID || rc == DB_DENIED) {
        ui_message(UI_MSG_ERROR, _("Not done: %s"), why ? why : db_rc_message(rc));
    } else {
        ui_db_failed(_("Not done"), rc);
    }
    free(owned);
    free(unit.label);
    free(unit.detail);
}

/* Choose an action from those offered. */
static void act_choose(struct request_view *v)
{
    if (!v->noffered) { /* an empty menu would only say so after a key */
        ui_message(UI_MSG_INFO, _("Nothing here is yours to do now: %s is %s"), v->r.number,
                   _(request_state_label(v->r.state)));
        return;
    }
    const char *labels[MAX_OFFERED];
    char keys[MAX_OFFERED + 1] = "";
    for (size_t i = 0; i < v->noffered; i++) {
        labels[i] = _(workflow_action_label(v->offered[i]));
        keys[i] = action_keys[v->offered[i]];
    }
    int c =
        dialog_options_keyed(v->r.number, _("What is done now?"), labels, keys, (int)v->noffered);
    if (c >= 0) act(v, v->offered[c]);
}

void receipt_offer(const struct request *r)
{
    const char *options[] = {_("Print the receipt"), _("Save the receipt to a file"),
                             _("No receipt")};
    int c = dialog_options(_("Receipt"), r->number, options, 3);
    if (c < 0 || c == 2) return;
    char *text = receipt_for(ui.db, r);
    char *err = NULL, *path = NULL, *job = NULL;
    if (c == 0 && printer_print(text, NULL, &job, &err) == 0) {
        if (*job)
            ui_message(UI_MSG_INFO, _("Receipt %s sent to the printer, job %s"), r->number, job);
        else
            ui_message(UI_MSG_INFO, _("Receipt %s sent to the printer"), r->number);
    } else if (c == 1) {
        char *name = xasprintf(_("receipt-%s.txt"), r->number);
        if (ui_ask_export(_("Receipt"), _("File to write:"), name, 0, &path)) {
            if (printer_save(text, path, &err) == 0) {
                char *full = path_full(path);
                ui_message(UI_MSG_INFO, _("Receipt %s written to %s"), r->number, full);
                free(full);
            }
        }
        free(name);
    }
    if (err) ui_message(UI_MSG_ERROR, _("No receipt: %s"), err);
    free(job);
    free(err);
    free(path);
    free(text);
}

static void receipt(struct screen *s, const struct command *c)
{
    (void)c;
    receipt_offer(&((struct request_view *)s)->r);
}

/* Everything the request says, in full: its texts and every event of its timeline. */
static void full_text(struct request_view *v)
{
    const struct request *r = &v->r;
    char *title = xasprintf(_("Request %s in full"), r->number);
    struct screen *t = screen_text_new(title);
    free(title);
    screen_text_add(t, _("Title"), r->title);
    if (*r->detail) screen_text_add(t, _("Detail"), r->detail);
    if (*r->answer) screen_text_add(t, answer_label(r), r->answer);
    if (v->nhelped) {
        char *helped = helped_text(v);
        screen_text_add(t, _("Volunteers helped"), helped);
        free(helped);
    }
    char *heading = xasprintf(_("Timeline (%zu)"), v->events.n);
    screen_text_add(t, heading, "");
    free(heading);
    for (size_t i = 0; i < v->events.n; i++) {
        char *line = event_line(&v->events.v[i]);
        screen_text_add(t, NULL, line);
        free(line);
    }
    ui_push(t);
}

static void read_all(struct screen *s, const struct command *c)
{
    (void)c;
    full_text((struct request_view *)s);
}

static void choose_action(struct screen *s, const struct command *c)
{
    (void)c;
    act_choose((struct request_view *)s);
}

static const struct command view_menu[] = {
    {"receipt", '1', N_("Print or save the receipt"),
     N_("The 回执: number, matter, unit and deadline, to the printer or a file"), 0, receipt, 0,
     NULL},
    {"act", '2', N_("Choose what to do"), N_("The steps the request's state allows now"), 0,
     choose_action, 0, NULL},
    {"full", '3', N_("Read it in full (x)"),
     N_("The title, detail, answer and every event of the timeline, wrapped and scrolled"), 0,
     read_all, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static int view_key(struct screen *s, enum action a, const struct key *k)
{
    struct request_view *v = (struct request_view *)s;
    if (!v->loaded) return UI_IGNORED;
    int n = (int)v->events.n, first = v->top < 0 ? n - v->timeline_rows / 2 : v->top;
    if (first < 0) first = 0;
    switch (a) {
    case ACT_NONE:
        if (!k->code && (k->ch == 'x' || k->ch == 'X')) {
            full_text(v);
            return UI_HANDLED;
        }
        for (size_t i = 0; !k->code && k->ch < 128 && i < v->noffered; i++)
            if ((uint32_t)tolower((int)k->ch) == (uint32_t)action_keys[v->offered[i]]) {
                act(v, v->offered[i]);
                return UI_HANDLED;
            }
        if (v->retry_at && !k->code && k->ch < 128 &&
            (uint32_t)tolower((int)k->ch) == (uint32_t)action_keys[RA_NO_ANSWER]) {
            char last[17], next[17];
            ui_message(UI_MSG_ERROR,
                       _("The last call not answered was noted at %s: call again an hour on; "
                         "from %s it can be noted"),
                       clock_format_minute(v->r.updated_at, last) + 11,
                       clock_format_minute(v->retry_at, next) + 11);
            return UI_HANDLED;
        }
        /* The letter of a step not offered now (t 退单 while it is handled): said, not ignored. */
        for (int ra = 0; !k->code && k->ch < 128 && ra < RA_COUNT; ra++)
            if (action_keys[ra] && (uint32_t)tolower((int)k->ch) == (uint32_t)action_keys[ra]) {
                ui_message(UI_MSG_ERROR,
                           _("%c %s: not a step this request can take now, or not yours: the "
                             "actions line lists those that are"),
                           action_keys[ra], _(workflow_action_label((enum request_action)ra)));
                break;
            }
        return UI_HANDLED;
    case ACT_ENTER:
        act_choose(v);
        return UI_HANDLED;
    case ACT_EDIT:
        if (v->no_correct)
            ui_message(UI_MSG_ERROR, _("Not corrected: %s"), v->no_correct);
        else
            ui_push(screen_request_correct_new(&v->r));
        return UI_HANDLED;
    case ACT_REFRESH:
        view_load(v);
        return UI_HANDLED;
    case ACT_UP:
    case ACT_PAGE_UP:
        v->top = first - (a == ACT_UP ? 1 : v->timeline_rows);
        if (v->top < 0) v->top = 0;
        return UI_HANDLED;
    case ACT_DOWN:
    case ACT_PAGE_DOWN:
        v->top = first + (a == ACT_DOWN ? 1 : v->timeline_rows);
        if (v->top >= n - v->timeline_rows) v->top = -1;
        return UI_HANDLED;
    case ACT_HOME:
        v->top = 0;
        return UI_HANDLED;
    case ACT_END:
        v->top = -1;
        return UI_HANDLED;
    default:
        return UI_IGNORED;
    }
}

static void view_free(struct screen *s)
{
    struct request_view *v = (struct request_view *)s;
    view_unload(v);
    free(v->kept);
    free(v);
}

static void view_sync(struct screen *s)
{
    struct request_view *v = (struct request_view *)s;
    if (v->generation == db_generation(ui.db)) return;
    /* Read again (another desk wrote): the timeline stays where the clerk scrolled it. */
    int top = v->top;
    view_load(v);
    v->top = top;
}

/* For F1: what this request's screen shows, its actions now with their keys, and its marks. */
static char *view_about(const struct screen *s)
{
    const struct request_view *v = (const struct request_view *)s;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb,
                _("One request: who asked what, the unit handling it, its deadlines and its "
                  "timeline. What can be done now is listed by its letter (or Enter to "
                  "choose); x reads it all in full; F4 corrects what was taken down wrongly.\n"));
    if (v->loaded) {
        strbuf_addf(&sb, _("Now %s: "), _(request_state_label(v->r.state)));
        for (size_t i = 0; i < v->noffered; i++)
            strbuf_addf(&sb, "%s%c %s", i ? _("; ") : "", action_keys[v->offered[i]],
                        _(workflow_action_label(v->offered[i])));
        strbuf_adds(&sb, "\n");
    }
    strbuf_adds(&sb, _("Marks: [Overdue] its deadline has passed; [Due soon] its last working day "
                       "with half its time gone; [Red] dispatched 24 working hours ago with no "
                       "response; [Yellow] no progress for 3 working days; [Extension asked] a "
                       "supervisor is to decide."));
    return strbuf_detach(&sb);
}

static const struct screen_ops view_ops = {
    .sync = view_sync, .draw = view_draw, .key = view_key, .free = view_free, .about = view_about};

struct screen *screen_request_view_new(int64_t id)
{
    struct request_view *v = xcalloc(1, sizeof *v);
    v->base.ops = &view_ops;
    v->base.title = _("Request");
    v->base.bar = view_bar;
    v->base.commands = view_menu;
    v->id = id;
    view_load(v);
    return &v->base;
}
