/*
** screen_home: 工作台, the first screen. It lists the sections that exist
** (and nothing that does not), with a digit or Up/Down + Enter to open one,
** and what the database holds.
*/
#include "app/checks.h"
#include "db/request_store.h"
#include "db/resident_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <stdlib.h>

struct home {
    struct screen base;
    int sel;
    unsigned generation; /* of the counts shown */
    int loaded;
    int64_t counts[AREA_KIND_COUNT];
    int64_t residents;
    int64_t requests, open, overdue;
    int counts_ok, residents_ok, requests_ok; /* a count that failed is not shown */
    char *calendar; /* the working-day calendar falls short of the deadlines ahead: why */
};

/* 区域与楼宇 opens on its buildings, what a desk looks up most. */
static struct screen *open_areas(void)
{
    return screen_area_new(AREA_BUILDING);
}

/* The sections, in the order shown, each with its own key. */
static const struct command sections[] = {
    {"residents", '1', N_("Residents"),
     N_("Find, register and edit residents; import and export ledgers"), 0, NULL, 0,
     screen_resident_new},
    {"requests", '2', N_("Requests"),
     N_("Take requests down, dispatch, chase, follow up; the queues"), 0, NULL, 0,
     screen_request_new},
    {"catalogue", '3', N_("Service catalogue"), N_("Service items, units, working-day calendar"), 0,
     NULL, 0, screen_catalogue_new},
    {"talks", '4', N_("Evening talks"),
     N_("Sessions and whether each matter raised has its answer"), 0, NULL, 0, screen_talk_new},
    {"rates", '5', N_("Rates"), N_("Response, resolution and satisfaction rates per unit"), 0, NULL,
     0, screen_rates_new},
    {"areas", '6', N_("Areas and buildings"), N_("Streets, communities, grids and buildings"), 0,
     NULL, 0, open_areas},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const enum action home_bar[] = {ACT_NONE};

static void home_load(struct home *h)
{
    int rc[3] = {area_counts(ui.db, h->counts), resident_count(ui.db, &h->residents),
                 request_counts(ui.db, &h->requests, &h->open, &h->overdue, clock_now())};
    h->counts_ok = rc[0] == DB_OK;
    h->residents_ok = rc[1] == DB_OK;
    h->requests_ok = rc[2] == DB_OK;
    for (size_t i = 0; i < ARRAY_LEN(rc); i++)
        if (rc[i] != DB_OK) ui_db_failed(_("The counts could not be read"), rc[i]);
    free(h->calendar);
    h->calendar = calendar_shortfall(ui.db, clock_now());
    h->generation = db_generation(ui.db);
    h->loaded = 1;
}

static void home_sync(struct screen *s)
{
    struct home *h = (struct home *)s;
    if (!h->loaded || h->generation != db_generation(ui.db)) home_load(h);
}

static void home_draw(struct screen *s, int top, int rows)
{
    struct home *h = (struct home *)s;
    int y = top + 1;
    char *head = xasprintf(_("%s Party and Masses Service Centre · front desk"),
                           str_empty(ui.district) ? "" : ui.district);
    draw_text(y, 2, COLS - 4, head, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(head);
    y += 2;
    int n = command_count(sections);
    int step = n * 2 + 10 <= rows ? 2 : 1;
    for (int i = 0; i < n; i++, y += step) {
        attr_t a = i == h->sel ? term_attr(UI_SELECTED) : term_attr(UI_NORMAL);
        draw_fill(y, 2, COLS - 4, a);
        draw_textf(y, 2, 28, a, " %c  %s", sections[i].key, _(sections[i].label));
        draw_text(y, 32, COLS - 34, _(sections[i].help), a, TEXT_FIT_ELLIPSIS);
    }
    y++;
    if (h->residents_ok)
        draw_textf(y, 4, COLS - 6, term_attr(UI_NORMAL), _("Residents %lld"),
                   (long long)h->residents);
    y++;
    if (h->requests_ok)
        draw_textf(y, 4, COLS - 6, h->overdue ? term_attr(UI_ERROR) : term_attr(UI_NORMAL),
                   _("Requests %lld · open %lld · overdue %lld"), (long long)h->requests,
                   (long long)h->open, (long long)h->overdue);
    y++;
    if (h->counts_ok)
        draw_textf(y++, 4, COLS - 6, term_attr(UI_NORMAL),
                   _("Streets %lld · communities %lld · grids %lld · buildings %lld"),
                   (long long)h->counts[AREA_STREET], (long long)h->counts[AREA_COMMUNITY],
                   (long long)h->counts[AREA_GRID], (long long)h->counts[AREA_BUILDING]);
    y++;
    if (ui.demo)
        draw_text(y++, 4, COLS - 6, _("This is a demo database: every name in it is made up."),
                  term_attr(UI_INFO), TEXT_FIT_ELLIPSIS);
    if (h->calendar && y + 2 < top + rows - 2)
        y += draw_wrapped(y, 4, COLS - 6, 2, h->calendar, term_attr(UI_WARNING));
    draw_textf(top + rows - 2, 4, COLS - 6, term_attr(UI_DIM), _("Database: %s"), db_path(ui.db));
    draw_text(top + rows - 1, 4, COLS - 6,
              _("Press the digit of a section, or Enter. F1 lists the keys, F10 quits."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static int home_key(struct screen *s, enum action a, const struct key *k)
{
    struct home *h = (struct home *)s;
    int n = command_count(sections);
    const struct command *c =
        a == ACT_NONE && !k->code && k->ch < 0x80 ? command_by_key(sections, (char)k->ch) : NULL;
    if (c) {
        h->sel = (int)(c - sections);
        command_do(s, c);
        return UI_HANDLED;
    }
    switch (a) {
    case ACT_ENTER:
        command_do(s, &sections[h->sel]);
        return UI_HANDLED;
    case ACT_UP:
        if (h->sel > 0) h->sel--;
        return UI_HANDLED;
    case ACT_DOWN:
        if (h->sel + 1 < n) h->sel++;
        return UI_HANDLED;
    case ACT_REFRESH:
        home_load(h);
        return UI_HANDLED;
    default:
        return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
    }
}

static void home_free(struct screen *s)
{
    free(((struct home *)s)->calendar);
    free(s);
}

static const struct screen_ops home_ops = {
    .sync = home_sync, .draw = home_draw, .key = home_key, .free = home_free};

struct screen *screen_home_new(void)
{
    struct home *h = xcalloc(1, sizeof *h);
    h->base.ops = &home_ops;
    h->base.title = _("Home");
    h->base.bar = home_bar;
    h->base.commands = sections;
    h->base.commands_direct = 1;
    return &h->base;
}
