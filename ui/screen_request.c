/*
** screen_request: 诉求, the queues a desk lives in: to dispatch, to sign
** for, in hand, overdue (督办), to follow up, returned, extensions asked,
** mine today, and all. Tab moves between them; typing narrows the list (a
** number, or a fragment of requester or title); F9 sorts and filters by
** unit and level; Enter opens a request; F7 takes a new one down. Each row
** carries its warnings (超时, 催办, red, yellow). Opened for an evening-talk
** session, it lists that session's requests with how many have an answer.
*/
#include "db/calendar_store.h"
#include "db/request_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many rows a queue brings; typing narrows it. */
#define QUEUE_PAGE 500

/* The tabs, in order, with the short names they show. */
static const struct {
    enum request_queue queue;
    const char *tab;
} tabs[] = {
    {QUEUE_NEW, N_("To dispatch")},
    {QUEUE_DISPATCHED, N_("To sign")},
    {QUEUE_HANDLING, N_("In hand")},
    {QUEUE_OVERDUE, N_("Overdue")},
    {QUEUE_FOLLOW_UP, N_("Follow up")},
    {QUEUE_RETURNED, N_("Returned")},
    {QUEUE_EXTENSION, N_("Extension")},
    {QUEUE_MINE, N_("Mine today")},
    {QUEUE_ALL, N_("All")},
};

enum { COL_NUMBER, COL_STATE, COL_FLAG, COL_REQUESTER, COL_TITLE, COL_UNIT, COL_DUE, NCOLS };

struct request_screen {
    struct screen base;
    int tab;
    int64_t talk_id; /* a session's requests; 0 for the queues */
    char *talk_title;
    struct lineedit search;
    struct request_list rows;
    unsigned *flags; /* per row */
    struct workcal cal;
    struct list_column cols[NCOLS];
    struct listview list;
    enum request_sort sort;
    int64_t unit_id;
    char *unit_name;
    int level; /* -1 all */
    unsigned generation;
    char cell[64];
};

static const enum action request_bar[] = {ACT_SEARCH, ACT_EDIT, ACT_REFRESH,
                                          ACT_NEW,    ACT_MENU, ACT_NONE};

static enum request_queue current_queue(const struct request_screen *rs)
{
    return rs->talk_id ? QUEUE_ALL : tabs[rs->tab].queue;
}

static const char *flag_cell(unsigned f)
{
    return f & FLAG_OVERDUE     ? _("Overdue")
           : f & FLAG_RED       ? _("Red")
           : f & FLAG_URGE      ? _("Due")
           : f & FLAG_YELLOW    ? _("Yellow")
           : f & FLAG_EXT_ASKED ? _("Ext.")
                                : "";
}

static const char *request_cell(void *ctx, int row, int col)
{
    struct request_screen *rs = ctx;
    const struct request *r = &rs->rows.items[row];
    switch (col) {
    case COL_NUMBER:
        return r->number;
    case COL_STATE:
        return _(request_state_label(r->state));
    case COL_FLAG:
        return flag_cell(rs->flags[row]);
    case COL_REQUESTER:
        return *r->requester ? r->requester : _("(anonymous)");
    case COL_TITLE:
        return r->title;
    case COL_UNIT:
        return r->unit_name;
    default: {
        time_t due = request_due(r);
        if (!due) due = r->closed_at;
        if (!due) return "";
        char full[17];
        clock_format_minute(due, full);
        snprintf(rs->cell, sizeof rs->cell, "%s", full + 5);
        return rs->cell;
    }
    }
}

static int request_dim(void *ctx, int row)
{
    struct request_screen *rs = ctx;
    return request_state_closed(rs->rows.items[row].state);
}

static void request_reload(struct request_screen *rs)
{
    int64_t keep = rs->list.sel >= 0 && (size_t)rs->list.sel < rs->rows.n
                       ? rs->rows.items[rs->list.sel].id
                       : 0;
    if (ui.saved_id) keep = ui.saved_id;
    ui.saved_id = 0;
    char *q = lineedit_text(&rs->search);
    request_list_free(&rs->rows);
    struct request_filter f = {rs->unit_id, rs->level, rs->talk_id, q, actor_name(), clock_now()};
    int rc = request_queue(ui.db, current_queue(rs), &f, rs->sort, QUEUE_PAGE, &rs->rows);
    free(q);
    if (rc != DB_OK) ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    workcal_free(&rs->cal);
    calendar_load(ui.db, &rs->cal);
    free(rs->flags);
    rs->flags = xcalloc(rs->rows.n + 1, sizeof *rs->flags);
    time_t now = clock_now();
    for (size_t i = 0; i < rs->rows.n; i++)
        rs->flags[i] =
            workflow_flags(&rs->rows.items[i], now, rs->rows.items[i].updated_at, &rs->cal);
    listview_set_count(&rs->list, (int)rs->rows.n);
    for (size_t i = 0; keep && i < rs->rows.n; i++)
        if (rs->rows.items[i].id == keep) rs->list.sel = (int)i;
    rs->generation = ui.generation;
}

/* The tab row: each queue's short name, the current one marked. */
static void draw_tabs(struct request_screen *rs, int y)
{
    int x = 0;
    for (size_t t = 0; t < ARRAY_LEN(tabs); t++) {
        char *label = xasprintf(" %s ", _(tabs[t].tab));
        int w = text_width(label);
        if (x + w > COLS) {
            free(label);
            break;
        }
        draw_text(y, x, w, label, (int)t == rs->tab ? term_attr(UI_TAB_ON) : term_attr(UI_NORMAL),
                  0);
        x += w;
        free(label);
    }
}

/* What the list shows besides the queue: sort, unit, level; or the session's tally. */
static char *status_text(struct request_screen *rs)
{
    struct strbuf sb = STRBUF_INIT;
    if (rs->talk_id) {
        size_t open = 0;
        for (size_t i = 0; i < rs->rows.n; i++)
            open += !request_state_closed(rs->rows.items[i].state);
        strbuf_addf(&sb, _("%lld raised, %zu answered, %zu open"), (long long)rs->rows.total,
                    rs->rows.n - open, open);
    } else if (rs->rows.more) {
        strbuf_addf(&sb, _("%zu shown of more than %lld"), rs->rows.n, (long long)rs->rows.total);
    } else if (rs->rows.total > (int64_t)rs->rows.n) {
        strbuf_addf(&sb, _("%zu shown of %lld"), rs->rows.n, (long long)rs->rows.total);
    } else {
        strbuf_addf(&sb, _("%lld found"), (long long)rs->rows.total);
    }
    strbuf_addf(&sb, " · %s", _(request_sort_label(rs->sort)));
    if (rs->unit_id) strbuf_addf(&sb, " · %s", rs->unit_name);
    if (rs->level >= 0)
        strbuf_addf(&sb, " · %s", _(request_level_label((enum request_level)rs->level)));
    return strbuf_detach(&sb);
}

static void request_draw(struct screen *s, int top, int rows)
{
    struct request_screen *rs = (struct request_screen *)s;
    if (rs->generation != ui.generation) request_reload(rs);
    if (rs->talk_id)
        draw_text(top, 1, COLS - 2, rs->talk_title, A_BOLD, TEXT_FIT_ELLIPSIS);
    else
        draw_tabs(rs, top);
    char *status = status_text(rs);
    search_line_draw(&rs->search, top + 1, _("a number, or part of a requester or title"), status,
                     s);
    free(status);
    listview_draw(&rs->list, top + 2, 0, rows - 2, COLS);
    if (rs->rows.n == 0)
        draw_text(top + 4, 2, COLS - 4, _("Nothing here. F7 takes a new request down."),
                  term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static void set_tab(struct request_screen *rs, int tab)
{
    rs->tab = (tab + (int)ARRAY_LEN(tabs)) % (int)ARRAY_LEN(tabs);
    rs->list.sel = 0;
    rs->list.top = 0;
    rs->sort = tabs[rs->tab].queue == QUEUE_ALL || tabs[rs->tab].queue == QUEUE_MINE ? SORT_NEWEST
                                                                                     : SORT_DUE;
    request_reload(rs);
}

/* F9: sort, filter by unit or level, clear the filters. */
static void request_menu(struct request_screen *rs)
{
    const char *options[] = {_("Sort"), _("Only one unit"), _("Only one level"),
                             _("Show every unit and level")};
    int c = dialog_options(_("List"), _("What next?"), options, 4);
    if (c == 0) {
        const char *sorts[SORT_COUNT];
        enum request_sort which[SORT_COUNT];
        int n = 0;
        for (int i = 0; i < SORT_COUNT; i++)
            if (request_sort_offered(current_queue(rs), (enum request_sort)i)) {
                which[n] = (enum request_sort)i;
                sorts[n++] = _(request_sort_label((enum request_sort)i));
            }
        int s = dialog_options(_("Sort"), _("Order the list"), sorts, n);
        if (s >= 0) rs->sort = which[s];
    } else if (c == 1) {
        struct choice u;
        if (dialog_choose(_("Only one unit"), choices_units, NULL, NULL, &u)) {
            rs->unit_id = u.id;
            free(rs->unit_name);
            rs->unit_name = u.label;
            free(u.detail);
        }
    } else if (c == 2) {
        const char *levels[LEVEL_COUNT];
        for (int i = 0; i < LEVEL_COUNT; i++)
            levels[i] = _(request_level_label((enum request_level)i));
        int l = dialog_options(_("Only one level"), _("Which level's queue?"), levels, LEVEL_COUNT);
        if (l >= 0) rs->level = l;
    } else if (c == 3) {
        rs->unit_id = 0;
        rs->level = -1;
    }
    if (c >= 0) request_reload(rs);
}

static int request_key(struct screen *s, enum action a, const struct key *k)
{
    struct request_screen *rs = (struct request_screen *)s;
    switch (a) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        if (!rs->talk_id) set_tab(rs, rs->tab + (a == ACT_NEXT_FIELD ? 1 : -1));
        return UI_HANDLED;
    case ACT_ENTER:
    case ACT_EDIT:
        if (rs->list.sel >= 0 && (size_t)rs->list.sel < rs->rows.n)
            ui_push(screen_request_view_new(rs->rows.items[rs->list.sel].id));
        else
            ui_message(UI_MSG_ERROR, "%s", _("No row is selected"));
        return UI_HANDLED;
    case ACT_NEW:
        ui_push(screen_request_form_new(rs->talk_id));
        return UI_HANDLED;
    case ACT_MENU:
        request_menu(rs);
        return UI_HANDLED;
    case ACT_REFRESH:
        request_reload(rs);
        return UI_HANDLED;
    default:
        break;
    }
    int reload, r = search_list_key(&rs->search, &rs->list, a, k, &reload);
    if (reload) request_reload(rs);
    return r;
}

static void request_free_screen(struct screen *s)
{
    struct request_screen *rs = (struct request_screen *)s;
    request_list_free(&rs->rows);
    free(rs->flags);
    workcal_free(&rs->cal);
    lineedit_free(&rs->search);
    free(rs->unit_name);
    free(rs->talk_title);
    free(rs);
}

static const struct screen_ops request_ops = {request_draw, request_key, NULL, request_free_screen};

static struct request_screen *request_screen_new(void)
{
    static const struct list_column columns[NCOLS] = {
        {N_("Number"), 11, 0},   {N_("State"), 8, 0}, {N_("Flag"), 4, 0},
        {N_("Requester"), 8, 0}, {N_("Title"), 0, 0}, {N_("Unit"), 12, 0},
        {N_("Deadline"), 11, 0},
    };
    struct request_screen *rs = xcalloc(1, sizeof *rs);
    rs->base.ops = &request_ops;
    rs->base.title = _("Requests");
    rs->base.bar = request_bar;
    rs->level = -1;
    rs->unit_name = xstrdup("");
    workcal_init(&rs->cal);
    for (int i = 0; i < NCOLS; i++) {
        rs->cols[i] = columns[i];
        rs->cols[i].title = _(columns[i].title);
    }
    rs->list = (struct listview){rs->cols, NCOLS, 0, -1, 0, 1, request_cell, request_dim, rs};
    lineedit_init(&rs->search, 40);
    return rs;
}

struct screen *screen_request_new(void)
{
    struct request_screen *rs = request_screen_new();
    set_tab(rs, 0);
    return &rs->base;
}

struct screen *screen_talk_requests_new(const struct evening_talk *t)
{
    struct request_screen *rs = request_screen_new();
    rs->talk_id = t->id;
    rs->talk_title = xasprintf(_("Evening talk %s, %s: %s"), t->held_on, t->place, t->officials);
    rs->base.title = _("Evening talk");
    rs->sort = SORT_OLDEST;
    request_reload(rs);
    return &rs->base;
}
