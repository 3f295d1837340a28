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
#include "db/area.h"
#include "db/user_store.h"
#include "db/visit_store.h"
#include "src/date.h"
#include "src/roles.h"
#include "app/export.h"
#include "app/ledgers.h"
#include "db/settings_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/organisation.h"
#include "src/rates.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/screens.h"
#include "ui/list_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many rows a queue brings; typing narrows it. */
#define QUEUE_PAGE 500

enum { COL_NUMBER, COL_STATE, COL_FLAG, COL_REQUESTER, COL_TITLE, COL_UNIT, COL_DUE, NCOLS };

/* What the queues keep besides their rows: the filters and each row's warnings. */
struct queues {
    int64_t talk_id; /* a session's requests; 0 for the queues */
    char *talk_title;
    enum request_sort sort;
    /* The filters chosen (F9): unit, level, community, grid, period, channel, category, state. */
    struct request_filter f;
    char *unit_name, *community_name, *grid_name, *street_name; /* of those chosen */
    char *bound;         /* what the user's scope bounds every queue to, in words; NULL: nothing */
    int64_t chief_id;    /* a building chief's user id: the line above says their day */
    int64_t building_id; /* F7 takes a request down from this building (a chief's first) */
    char *building_name;
    unsigned *flags;    /* per row */
    char *filters_line; /* the filters in words, or NULL: none */
    int64_t elsewhere;  /* a search typed: how many requests of every queue match (capped) */
    int elsewhere_more;
    struct workcal cal;
};

static char *filters_text(const struct queues *q);
static char *chief_buildings(struct queues *q, int64_t user_id);

static void queues_free(void *ctx)
{
    struct queues *q = ctx;
    free(q->flags);
    workcal_free(&q->cal);
    free(q->unit_name);
    free(q->community_name);
    free(q->grid_name);
    free(q->street_name);
    free(q->bound);
    free(q->building_name);
    free(q->talk_title);
    free(q->filters_line);
    free(q);
}

/* The filters chosen, with what was typed, who is at the desk and the time. */
static struct request_filter filter_now(const struct queues *q, const char *query)
{
    struct request_filter f = q->f;
    f.talk_id = q->talk_id;
    f.text = query;
    f.actor = actor_name();
    f.scope_of = actor_name();
    f.now = clock_now();
    return f;
}

static int queue_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct queues *q = ls->ctx;
    struct request_list l;
    struct request_filter f = filter_now(q, query);
    int rc = request_queue(ui.db, (enum request_queue)list_screen_tab(ls)->arg, &f, q->sort,
                           QUEUE_PAGE, &l);
    out->items = l.items;
    out->n = l.n;
    out->total = l.total;
    out->more = l.more;
    return rc;
}

/*
** A search typed in a queue other than "All": how many requests match in
** every queue, so the clerk learns that what is sought lies elsewhere.
*/
static void elsewhere_count(struct list_screen *ls)
{
    struct queues *q = ls->ctx;
    char *query = lineedit_text(&ls->search);
    q->elsewhere = -1;
    if (*query && !q->talk_id && list_screen_tab(ls)->arg != QUEUE_ALL) {
        struct request_list l;
        struct request_filter f = filter_now(q, query);
        if (request_queue(ui.db, QUEUE_ALL, &f, SORT_NEWEST, 1, &l) == DB_OK) {
            q->elsewhere = l.total;
            q->elsewhere_more = l.more;
        }
        request_list_free(&l);
    }
    free(query);
}

/* True when the tab shows requests (not the organisations due a visit). */
static int on_requests(const struct list_screen *ls)
{
    return list_screen_tab(ls)->type == &request_record;
}

/* A search that finds nothing in this queue but some in All says where they are. */
static const char *queue_empty(struct list_screen *ls)
{
    const struct queues *q = ls->ctx;
    return on_requests(ls) && q->elsewhere > 0
               ? N_("None in this queue, but some in All: Tab goes from queue to queue")
               : NULL;
}

/* After each reload: the warnings of every row, from the calendar and the clock. */
static void queue_loaded(struct list_screen *ls)
{
    struct queues *q = ls->ctx;
    q->elsewhere = -1;
    if (on_requests(ls)) elsewhere_count(ls);
    if (q->chief_id) {
        free(q->bound);
        q->bound = chief_buildings(q, q->chief_id);
    }
    free(q->filters_line);
    char *filters = filters_text(q);
    if (*filters)
        q->filters_line = xasprintf(_("%s%sOnly: %s  (F9 0 drops every filter)"),
                                    q->bound ? q->bound : "", q->bound ? "  " : "", filters);
    else
        q->filters_line = q->bound ? xstrdup(q->bound) : NULL;
    free(filters);
    workcal_free(&q->cal);
    calendar_load(ui.db, &q->cal);
    free(q->flags);
    q->flags = xcalloc(ls->rows.n + 1, sizeof *q->flags);
    time_t now = clock_now();
    size_t n = on_requests(ls) ? ls->rows.n : 0;
    int64_t *ids = xcalloc(n + 1, sizeof *ids);
    time_t *moved = xcalloc(n + 1, sizeof *moved); /* the last step that moved each on */
    for (size_t i = 0; i < n; i++)
        ids[i] = ((const struct request *)list_screen_row(ls, i))->id;
    if (request_progress_times(ui.db, ids, n, moved) != DB_OK) memset(moved, 0, n * sizeof *moved);
    for (size_t i = 0; i < n; i++) {
        const struct request *r = list_screen_row(ls, i);
        q->flags[i] = workflow_flags(r, now, moved[i] ? moved[i] : r->updated_at, &q->cal);
    }
    free(ids);
    free(moved);
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

static const char *queue_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    const struct queues *q = ls->ctx;
    const struct request *r = row;
    switch (col) {
    case COL_NUMBER:
        return r->number;
    case COL_STATE:
        return _(request_state_label(r->state));
    case COL_FLAG:
        return flag_cell(q->flags[r - (const struct request *)ls->rows.items]);
    case COL_REQUESTER: {
        if (!*r->requester) return _("(anonymous)");
        if (r->requester_kind != REQUESTER_ORGANISATION) return r->requester;
        /* A narrow column: 宏达科技, not 天津宏.. for every company of the city alike. */
        char *brief = organisation_short_name(r->requester);
        snprintf(buf, LIST_CELL_MAX, "%s", brief);
        free(brief);
        return buf;
    }
    case COL_TITLE:
        return r->title;
    case COL_UNIT:
        return r->unit_name;
    default: {
        /* The running clock's deadline; closed, the day it closed, said so (not a deadline). */
        time_t due = request_due(r);
        char full[17], now[17];
        if (!due && !r->closed_at) return "";
        clock_format_minute(due ? due : r->closed_at, full);
        clock_format_minute(clock_now(), now);
        if (!due)
            snprintf(buf, LIST_CELL_MAX, _("closed %.5s"), full + 5);
        else if (strncmp(full, now, 4) != 0) /* another year: the date, with its year */
            snprintf(buf, LIST_CELL_MAX, "%.10s", full);
        else
            snprintf(buf, LIST_CELL_MAX, "%s", full + 5);
        return buf;
    }
    }
}

static int queue_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    return request_state_closed(((const struct request *)row)->state);
}

static void queue_open(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(screen_request_view_new(((const struct request *)row)->id));
}

static void queue_create(struct list_screen *ls)
{
    const struct queues *q = ls->ctx;
    if (q->building_id)
        ui_push(screen_request_form_at(q->building_id, q->building_name));
    else
        ui_push(screen_request_form_new(q->talk_id));
}

/* The filters chosen, in words ("区民政局 社区 2026-01-01 至 2026-03-31 ..."), or "". Caller frees.
 */
static char *filters_text(const struct queues *q)
{
    struct strbuf sb = STRBUF_INIT;
    const struct request_filter *f = &q->f;
    const char *words[] = {
        f->unit_id ? q->unit_name : NULL,
        f->level >= 0 ? _(request_level_label((enum request_level)f->level)) : NULL,
        f->street_id ? q->street_name : NULL,
        f->community_id ? q->community_name : NULL,
        f->grid_id ? q->grid_name : NULL,
        f->channel ? _(request_word_label(request_channels, f->channel)) : NULL,
        f->category ? _(request_word_label(request_categories, f->category)) : NULL,
        f->state ? _(request_state_label((enum request_state)request_state_parse(f->state))) : NULL,
    };
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (words[i]) strbuf_addf(&sb, "%s%s", sb.len ? " " : "", words[i]);
    if (f->from) {
        char *period = rates_period(f->from, f->to);
        strbuf_addf(&sb, "%s%s", sb.len ? " " : "", period);
        free(period);
    }
    return strbuf_detach(&sb);
}

/* What the list shows besides the queue: sort, unit, level; or the session's tally. */
static char *queue_status(struct list_screen *ls)
{
    const struct queues *q = ls->ctx;
    const struct list_rows *rows = &ls->rows;
    struct strbuf sb = STRBUF_INIT;
    if (q->talk_id) {
        size_t open = 0;
        for (size_t i = 0; i < rows->n; i++)
            open += !request_state_closed(((const struct request *)list_screen_row(ls, i))->state);
        strbuf_addf(&sb, _("%lld raised, %zu answered, %zu open"), (long long)rows->total,
                    rows->n - open, open);
    } else if (rows->more) {
        strbuf_addf(&sb, _("%zu shown of more than %lld"), rows->n, (long long)rows->total);
    } else if (rows->total > (int64_t)rows->n) {
        strbuf_addf(&sb, _("%zu shown of %lld"), rows->n, (long long)rows->total);
    } else {
        strbuf_addf(&sb, _("%lld found"), (long long)rows->total);
    }
    if (q->elsewhere > rows->total)
        strbuf_addf(&sb, q->elsewhere_more ? _(", more than %lld in All") : _(", %lld in All"),
                    (long long)q->elsewhere);
    if (on_requests(ls)) strbuf_addf(&sb, "  %s", _(request_sort_label(q->sort)));
    return strbuf_detach(&sb);
}

/* What each warning of a row means. */
static const char *const warnings_legend =
    N_("Overdue: past its deadline  Due: last day, half the time gone  Red: no response 24 "
       "working hours after dispatch  Yellow: no progress for 3 working days");

/* Under the list, when a row carries a warning: what each warning means. */
static const char *queue_footer(struct list_screen *ls)
{
    const struct queues *q = ls->ctx;
    unsigned any = 0;
    for (size_t i = 0; q->flags && i < ls->rows.n; i++)
        any |= q->flags[i];
    if (!(any & (FLAG_OVERDUE | FLAG_URGE | FLAG_RED | FLAG_YELLOW))) return NULL;
    /* TRANSLATORS: the short legend under a queue, one line of 80 columns at most. */
    return _("Overdue=past due  Due=last day, half gone  Red=no response in 24 working hours  "
             "Yellow=3 working days still");
}

/* For F1: what this queue holds, what every queue holds, and the warnings. Caller frees. */
static char *queue_about(const struct list_screen *ls)
{
    if (!on_requests(ls))
        return xasprintf(_("Visits due: the organisations of your buildings never visited, or not "
                           "for %d days or more, those never visited first. Enter logs a visit "
                           "to the one selected."),
                         VISIT_DUE_DAYS);
    struct strbuf sb = STRBUF_INIT;
    enum request_queue now = (enum request_queue)list_screen_tab(ls)->arg;
    strbuf_addf(&sb, _("This queue, %s: %s.\n"), _(request_queue_label(now)),
                _(request_queue_holds(now)));
    /* The other queues of this list (a chief's or a unit's has fewer than the desk's). */
    int first = 1;
    for (int t = 0; t < ls->spec->ntabs; t++) {
        int q = ls->spec->tabs[t].arg;
        if (q < 0 || q == (int)now) continue;
        if (!first) strbuf_adds(&sb, _("; "));
        strbuf_addf(&sb, _("%s: %s"), _(request_queue_label((enum request_queue)q)),
                    _(request_queue_holds((enum request_queue)q)));
        first = 0;
    }
    if (!first) strbuf_addf(&sb, "%s\n", _("."));
    strbuf_addf(&sb, "%s\n%s", _(warnings_legend),
                _("Typing searches this queue, and says how many match among all requests: a "
                  "number or its last digits, a name, its pinyin, the last digits of a mobile or "
                  "ID number. F9 narrows and exports."));
    return strbuf_detach(&sb);
}

/* The line under the search: the filters chosen, when there are any. */
static const char *queue_above(struct list_screen *ls)
{
    return ((const struct queues *)ls->ctx)->filters_line;
}

/* A new queue starts in its own order: the newest first where time matters most. */
static void queue_tab_changed(struct list_screen *ls)
{
    struct queues *q = ls->ctx;
    enum request_queue queue = (enum request_queue)list_screen_tab(ls)->arg;
    if (!q->talk_id) q->sort = queue == QUEUE_ALL || queue == QUEUE_MINE ? SORT_NEWEST : SORT_DUE;
}

static const char *talk_heading(struct list_screen *ls)
{
    return ((const struct queues *)ls->ctx)->talk_title;
}

/* --- F9: sort and filter --------------------------------------------------------------------- */

static void sort_choose(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    if (!on_requests(ls)) { /* the organisations due a visit keep their own order */
        ui_message(UI_MSG_ERROR, "%s", _("Only a list of requests is sorted here"));
        return;
    }
    enum request_queue queue = (enum request_queue)list_screen_tab(ls)->arg;
    const char *sorts[SORT_COUNT];
    enum request_sort which[SORT_COUNT];
    int n = 0;
    for (int i = 0; i < SORT_COUNT; i++)
        if (request_sort_offered(queue, (enum request_sort)i)) {
            which[n] = (enum request_sort)i;
            sorts[n++] = _(request_sort_label((enum request_sort)i));
        }
    int chosen = dialog_options(_("Sort"), _("Order the list"), sorts, n);
    if (chosen < 0) return;
    q->sort = which[chosen];
    list_screen_reload(ls);
}

/* A choice among source's for a filter: 1 with *id and *label (caller frees), 0 when cancelled. */
static int filter_choose(const char *title, choice_source source, void *ctx, int64_t *id,
                         char **label)
{
    struct choice c;
    if (!dialog_choose(title, source, ctx, NULL, &c)) return 0;
    *id = c.id;
    free(*label);
    *label = c.label;
    free(c.detail);
    return 1;
}

static void unit_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    if (filter_choose(_("Only one unit"), choices_units, NULL, &q->f.unit_id, &q->unit_name))
        list_screen_reload(ls);
}

static void community_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    if (filter_choose(_("Only one community"), choices_communities, NULL, &q->f.community_id,
                      &q->community_name))
        list_screen_reload(ls);
}

static void street_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    if (filter_choose(_("Only one street"), choices_streets, NULL, &q->f.street_id,
                      &q->street_name))
        list_screen_reload(ls);
}

static void grid_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    if (filter_choose(_("Only one grid"), choices_grids, NULL, &q->f.grid_id, &q->grid_name))
        list_screen_reload(ls);
}

static void level_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    const char *levels[LEVEL_COUNT];
    for (int i = 0; i < LEVEL_COUNT; i++)
        levels[i] = _(request_level_label((enum request_level)i));
    int l = dialog_options(_("Only one level"), _("Which level's queue?"), levels, LEVEL_COUNT);
    if (l < 0) return;
    q->f.level = l;
    list_screen_reload(ls);
}

/* One word of a table (channel, category): its code into *code, or nothing when cancelled. */
static void word_only(struct list_screen *ls, const char *title, const struct request_word *words,
                      const char **code)
{
    int64_t id = 0;
    char *label = NULL;
    if (filter_choose(title, choices_words, (void *)(uintptr_t)words, &id, &label)) {
        *code = choices_word_code(words, id);
        list_screen_reload(ls);
    }
    free(label);
}

static void channel_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    word_only(ls, _("Only one channel"), request_channels, &((struct queues *)ls->ctx)->f.channel);
}

static void category_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    word_only(ls, _("Only one category"), request_categories,
              &((struct queues *)ls->ctx)->f.category);
}

static void state_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    const char *states[RS_COUNT];
    for (int i = 0; i < RS_COUNT; i++)
        states[i] = _(request_state_label((enum request_state)i));
    int st = dialog_options(_("Only one state"), _("Requests in which state?"), states, RS_COUNT);
    if (st < 0) return;
    q->f.state = request_state_code((enum request_state)st);
    list_screen_reload(ls);
}

static void period_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    if (dialog_period(_("Taken down in a period"), &q->f.from, &q->f.to)) list_screen_reload(ls);
}

static void filters_clear(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    q->f = (struct request_filter){.level = -1};
    list_screen_reload(ls);
}

/* F9: the list as it is filtered and searched, written as a request ledger, phones masked. */
static void list_export(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct queues *q = ls->ctx;
    char *path = NULL;
    if (!on_requests(ls)) {
        ui_message(UI_MSG_ERROR, "%s", _("Only a list of requests is exported here"));
        return;
    }
    if (!ui_ask_export(_("Export this list"),
                       _("File to write (a name ending in .xlsx for Excel, else CSV; phone numbers "
                         "masked):"),
                       _("requests.xlsx"), 1, &path))
        return;
    char *query = lineedit_text(&ls->search);
    struct request_filter f = filter_now(q, query);
    struct export_options o = {.format = sheet_format_for(path),
                               .codec = CODEC_UTF8,
                               .actor = actor_name(),
                               .requests = &f,
                               .queue = (enum request_queue)list_screen_tab(ls)->arg,
                               .sort = q->sort};
    size_t rows;
    char *err = NULL;
    int rc = ledger_export(ledger_kind_find("requests"), ui.db, path, &o, &rows, &err);
    char *full = path_full(path);
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("%zu requests written to %s"), rows, full);
    else
        ui_message(UI_MSG_ERROR, _("Not exported: %s"), err ? err : db_rc_message(rc));
    free(full);
    free(err);
    free(query);
    free(path);
}

/* Who takes requests down or dispatches them: not a unit handler, whose lists hold its unit's. */
#define DESK_QUEUES (RIGHTS_ANY | RIGHT_TAKE_DOWN | RIGHT_DISPATCH)

static const struct command queue_menu[] = {
    {"sort", '1', N_("Sort"), N_("Order the list by deadline, age or number"), 0, sort_choose, 0,
     NULL},
    {"unit-only", '2', N_("Only one unit"), N_("Keep the requests of one unit"), DESK_QUEUES,
     unit_only, 0, NULL},
    {"level-only", '3', N_("Only one level"),
     N_("Keep the requests at one level: community, street or district"), 0, level_only, 0, NULL},
    {"community-only", '4', N_("Only one community"), N_("Keep the requests from one community"), 0,
     community_only, 0, NULL},
    {"grid-only", '5', N_("Only one grid"), N_("Keep the requests from one grid"), 0, grid_only, 0,
     NULL},
    {"period-only", '6', N_("Only a period"), N_("Keep the requests taken down between two days"),
     0, period_only, 0, NULL},
    {"channel-only", '7', N_("Only one channel"),
     N_("Keep the requests that came one way: desk, phone, evening talk ..."), 0, channel_only, 0,
     NULL},
    {"category-only", '8', N_("Only one category"), N_("Keep the requests of one category"), 0,
     category_only, 0, NULL},
    {"state-only", '9', N_("Only one state"), N_("Keep the requests in one state"), 0, state_only,
     0, NULL},
    {"filters-clear", '0', N_("Drop every filter"),
     N_("Show every unit, level, place, period, channel, category and state again"), 0,
     filters_clear, 0, NULL},
    {"street-only", 'a', N_("Only one street"),
     N_("Keep the requests from one street's communities"), 0, street_only, 0, NULL},
    {"export", 'e', N_("Export this list"),
     N_("The requests listed, as filtered and searched, to a CSV or Excel file"), 0, list_export, 0,
     NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* A queue's tab, shown to roles holding to (0: every role), F4 doing edit (NULL: no F4). */
#define QUEUE_TAB_WITH(queue, name, to, edit_with)                                                 \
    {                                                                                              \
        .label = name, .type = &request_record,                                                    \
        .cols = {{N_("Number"), 11, 0},   {N_("State"), 8, 0}, {N_("Flag"), 4, 0},                 \
                 {N_("Requester"), 8, 0}, {N_("Title"), 0, 0}, {N_("Unit"), 12, 0},                \
                 {N_("Deadline"), 11, 0}},                                                         \
        .ncols = NCOLS,                                                                            \
        .hint = N_("a number or its last digits, a requester's name, pinyin or phone, a title"),   \
        .empty = N_("Nothing here. F7 takes a new request down."),                                 \
        .empty_reader = N_("No requests here."), .arg = queue, .load = queue_load,                 \
        .cell = queue_cell, .dim = queue_dim, .open = queue_open, .edit = (edit_with),             \
        .create = queue_create, .rights = RIGHT_TAKE_DOWN, .shown_to = (to)                        \
    }
#define QUEUE_TAB_FOR(queue, name, to) QUEUE_TAB_WITH(queue, name, to, queue_open)
#define QUEUE_TAB(queue, name)         QUEUE_TAB_FOR(queue, name, 0)

/* The queues, in order, with the short names their tabs show. */
static const struct list_tab queue_tabs[] = {
    QUEUE_TAB(QUEUE_OPEN, N_("Open work")),
    QUEUE_TAB_FOR(QUEUE_NEW, N_("To dispatch"), DESK_QUEUES),
    QUEUE_TAB(QUEUE_DISPATCHED, N_("To sign")),
    QUEUE_TAB(QUEUE_HANDLING, N_("In hand")),
    QUEUE_TAB(QUEUE_OVERDUE, N_("Overdue")),
    QUEUE_TAB(QUEUE_FOLLOW_UP, N_("Follow up")),
    QUEUE_TAB(QUEUE_RETURNED, N_("Returned")),
    QUEUE_TAB(QUEUE_EXTENSION, N_("Extension")),
    QUEUE_TAB_FOR(QUEUE_MINE, N_("Mine today"), DESK_QUEUES),
    QUEUE_TAB_FOR(QUEUE_KIOSK, N_("Left at kiosk"), DESK_QUEUES),
    QUEUE_TAB(QUEUE_ALL, N_("All")),
};

/* A screen of queues: the desk's, or a building chief's worklist. */
#define QUEUES_SPEC(name, queues, commands)                                                        \
    {                                                                                              \
        .title = name, .tabs = queues, .ntabs = (int)ARRAY_LEN(queues), .menu = commands,          \
        .status = queue_status, .empty = queue_empty, .above = queue_above, .above_collapses = 1,  \
        .footer = queue_footer, .about = queue_about, .loaded = queue_loaded,                      \
        .tab_changed = queue_tab_changed, .keep_search = 1, .free_ctx = queues_free                \
    }

static const struct list_spec queue_spec = QUEUES_SPEC(N_("Requests"), queue_tabs, queue_menu);

/* F9 on a chief's worklist: the request selected was told back to whoever raised it. */
static void tell_back(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    const struct request *r = on_requests(ls) ? list_screen_selected(ls) : NULL;
    if (!r) { /* said, not done in silence */
        ui_message(UI_MSG_ERROR, "%s",
                   _("Choose a closed request under 待告知 to mark it told back"));
        return;
    }
    int rc = request_mark_told(ui.db, r, actor_name(), clock_now());
    if (rc == DB_OK) {
        ui_message(UI_MSG_INFO, _("%s marked as told"), r->number);
        db_generation_touch(ui.db);
    } else if (rc == DB_INVALID) {
        ui_message(UI_MSG_ERROR, _("%s: only a closed request from a building is told back, once"),
                   r->number);
    } else {
        ui_db_failed(_("Not marked"), rc);
    }
}

/* F9 on a chief's worklist: log a visit, to their (first) building unless they choose another. */
static void visit_log(struct screen *s, const struct command *c)
{
    (void)c;
    const struct queues *q = ((struct list_screen *)s)->ctx;
    ui_push(screen_visit_form_new(q->building_id, q->building_name ? q->building_name : ""));
}

static const struct command worklist_menu[] = {
    {"visit", 'v', N_("Log a visit"),
     N_("A visit to a building or one of its organisations; its problems become requests"),
     RIGHT_LOG_VISITS, visit_log, 0, NULL},
    {"visits", 'w', N_("Visits"), N_("The visits to your buildings, newest first"),
     RIGHT_LOG_VISITS, NULL, 0, screen_visits_new},
    {"organisations", 'o', N_("Organisations"),
     N_("一企一档: the organisations of your buildings, their files; F7 registers one"),
     RIGHT_LOG_VISITS, NULL, 0, screen_area_organisations_new},
    {"told", '1', N_("Mark as told"),
     N_("The requester (an enterprise in your buildings) was told how the request ended"), 0,
     tell_back, 0, NULL},
    {"sort", '2', N_("Sort"), N_("Order the list by deadline, age or number"), 0, sort_choose, 0,
     NULL},
    {"export", 'e', N_("Export this list"),
     N_("The requests listed, as filtered and searched, to a CSV or Excel file"), 0, list_export, 0,
     NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* --- the chief's organisations due a visit ------------------------------------------------- */

#define DUE_SHOWN 500

static int due_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    char today[11];
    struct date d = date_of(clock_now());
    date_format(&d, today);
    struct visit_due *items = NULL;
    size_t n = 0;
    int64_t total = 0;
    int rc = visit_due_list(ui.db, actor_name(), today, query, DUE_SHOWN, &items, &n, &total);
    out->items = items;
    out->n = n;
    out->total = total;
    return rc;
}

enum { DUE_NAME, DUE_BUILDING, DUE_PLACE, DUE_LAST, DUE_DAYS };

static const char *due_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct visit_due *v = row;
    time_t last;
    switch (col) {
    case DUE_NAME:
        return v->name;
    case DUE_BUILDING:
        return v->building;
    case DUE_PLACE:
        return v->place;
    case DUE_LAST:
        return *v->last_visit ? v->last_visit : _("never");
    default:
        if (clock_day_parse(v->last_visit, &last) != 0) return "";
        snprintf(buf, LIST_CELL_MAX, "%ld", (long)((clock_now() - last) / 86400));
        return buf;
    }
}

/* Enter on an organisation due a visit: the visit form, for it. */
static void due_open(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct visit_due *v = row;
    ui_push(screen_visit_form_for(v->building_id, v->building, v->organisation_id, v->name));
}

/* F7 there: a visit to the chief's (first) building, the organisation to choose. */
static void due_create(struct list_screen *ls)
{
    const struct queues *q = ls->ctx;
    ui_push(screen_visit_form_new(q->building_id, q->building_name ? q->building_name : ""));
}

#define WORKLIST_VISITS_DUE (-1) /* the tab of organisations due a visit: not a queue */

/*
** A building chief's queues: their buildings' open work, what is overdue, what to tell back.
** No F4: a chief corrects nothing a request was taken down with (Enter shows it).
*/
#define WORKLIST_TAB(queue, name) QUEUE_TAB_WITH(queue, name, 0, NULL)
static const struct list_tab worklist_tabs[] = {
    WORKLIST_TAB(QUEUE_OPEN, N_("Open work")),
    WORKLIST_TAB(QUEUE_OVERDUE, N_("Overdue")),
    WORKLIST_TAB(QUEUE_TELL_BACK, N_("To tell back")),
    {.label = N_("Visits due"),
     .type = &visit_due_record,
     .cols = {{N_("Organisation"), 0, 0},
              {N_("Building"), 14, 0},
              {N_("Floor/room"), 10, 0},
              {N_("Last visit"), 10, 0},
              {N_("Days"), 5, TEXT_FIT_RIGHT}},
     .ncols = 5,
     .hint = N_("a piece of an organisation's or a building's name"),
     .empty_all = N_("No organisation of your buildings is due a visit."),
     .arg = WORKLIST_VISITS_DUE,
     .load = due_load,
     .cell = due_cell,
     .open = due_open,
     .create = due_create,
     .rights = RIGHT_LOG_VISITS},
    WORKLIST_TAB(QUEUE_ALL, N_("All")),
};

static const struct list_spec worklist_spec =
    QUEUES_SPEC(N_("Building chief's desk"), worklist_tabs, worklist_menu);

/* A session's requests: one list, every state, oldest first. */
static const struct list_tab talk_tab = QUEUE_TAB(QUEUE_ALL, NULL);

static const struct list_spec talk_spec = {.title = N_("Evening talk"),
                                           .tabs = &talk_tab,
                                           .ntabs = 1,
                                           .menu = queue_menu,
                                           .status = queue_status,
                                           .empty = queue_empty,
                                           .heading = talk_heading,
                                           .loaded = queue_loaded,
                                           .free_ctx = queues_free};

static struct queues *queues_new(void)
{
    struct queues *q = xcalloc(1, sizeof *q);
    q->f.level = -1;
    q->unit_name = xstrdup("");
    workcal_init(&q->cal);
    return q;
}

/*
** The area a desk's scope names, exactly (a community first, then a
** street): its id and name into *id and *name (caller frees). 0 when it
** names none.
*/
static int scope_area(const char *scope, enum area_kind kind, int64_t *id, char **name)
{
    struct area_list l;
    int found = 0;
    if (area_list(ui.db, kind, scope, 0, 0, &l) != DB_OK) return 0;
    for (size_t i = 0; i < l.n && !found; i++)
        if (str_eq(l.items[i].name, scope)) {
            *id = l.items[i].id;
            *name = xstrdup(l.items[i].name);
            found = 1;
        }
    area_list_free(&l);
    return found;
}

/*
** A chief's buildings in words ("您的楼宇：B101 和平大厦，B102 ..."), the
** first kept in q for F7. Caller frees.
*/
static char *chief_buildings(struct queues *q, int64_t user_id)
{
    int64_t *ids = NULL;
    size_t n = 0;
    if (user_buildings(ui.db, user_id, &ids, &n) != DB_OK || !n) {
        free(ids);
        return xstrdup(_("Your buildings: none yet (an admin gives them)"));
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        struct area b;
        if (area_get(ui.db, AREA_BUILDING, ids[i], &b) != DB_OK) continue;
        strbuf_addf(&sb, "%s%s %s", sb.len ? _(", ") : "", b.code, b.name);
        if (!q->building_id) {
            q->building_id = b.id;
            q->building_name = xstrdup(b.name);
        }
        area_free(&b);
    }
    free(ids);
    /* Their visits this month, against the quota when there is one. */
    struct date today = date_of(clock_now());
    char month[16];
    snprintf(month, sizeof month, "%04d-%02d", today.year, today.month);
    int64_t made = 0, quota = (int64_t)settings_get_number(ui.db, SETTING_VISIT_QUOTA);
    if (visit_count_month(ui.db, ui.user, month, &made) == DB_OK) {
        if (quota > 0)
            strbuf_addf(&sb, _("  visits this month %lld of %lld"), (long long)made,
                        (long long)quota);
        else
            strbuf_addf(&sb, _("  visits this month %lld"), (long long)made);
    }
    char *list = strbuf_detach(&sb);
    char *line = xasprintf(_("Your buildings: %s"), list);
    free(list);
    return line;
}

/*
** Where the user signed in works: a unit handler's and a building chief's
** queues are bounded by the store (said above the list); a desk's start
** filtered to the community or street its scope names, which F9 0 drops.
*/
static void queues_scope(struct queues *q)
{
    struct user u;
    if (!ui.user || user_find(ui.db, ui.user, &u) != DB_OK) return;
    const struct role *role = roles_find(u.role);
    if (role == roles_get(ROLE_ID_UNIT_HANDLER))
        q->bound = xasprintf(_("Only the requests sent to %s"),
                             *u.unit_name ? u.unit_name : _("(no unit given)"));
    else if (role == roles_get(ROLE_ID_BUILDING_CHIEF)) {
        q->chief_id = u.id; /* the line is made again at each reload (queue_loaded) */
        q->bound = chief_buildings(q, u.id);
    } else if (*u.scope &&
               !scope_area(u.scope, AREA_COMMUNITY, &q->f.community_id, &q->community_name))
        scope_area(u.scope, AREA_STREET, &q->f.street_id, &q->street_name);
    record_free(&user_record, &u);
}

struct screen *screen_request_new(void)
{
    /* The queue the centre chose to see first: the desk's open work unless it said otherwise. */
    char *code = settings_get(ui.db, SETTING_FIRST_QUEUE);
    int first = request_queue_parse(code), tab = 0;
    free(code);
    for (int i = 0; i < (int)ARRAY_LEN(queue_tabs); i++)
        if (queue_tabs[i].arg == first) tab = i;
    struct queues *q = queues_new();
    queues_scope(q);
    return list_screen_new(&queue_spec, tab, q);
}

struct screen *screen_worklist_new(void)
{
    struct queues *q = queues_new();
    queues_scope(q);
    return list_screen_new(&worklist_spec, 0, q);
}

struct screen *screen_talk_requests_new(const struct evening_talk *t)
{
    struct queues *q = queues_new();
    q->talk_id = t->id;
    q->talk_title = xasprintf(_("Evening talk %s, %s: %s"), t->held_on, t->place, t->officials);
    q->sort = SORT_OLDEST;
    return list_screen_new(&talk_spec, 0, q);
}
