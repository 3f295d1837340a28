/*
** screen_home: 工作台, the first screen. It lists the sections that exist
** (and nothing that does not), with a digit or Up/Down + Enter to open one,
** and what the database holds.
*/
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
    int64_t counts[AREA_KIND_COUNT];
    int64_t residents;
    int64_t requests, open, overdue;
    int counts_ok;
};

static struct screen *open_areas(void)
{
    return screen_area_new(AREA_BUILDING);
}

static struct screen *open_residents(void)
{
    return screen_resident_new();
}

/* The sections, in the order shown; the digit is the position. */
static const struct {
    const char *label;
    const char *hint;
    struct screen *(*open)(void);
} sections[] = {
    {N_("Residents"), N_("Find, register and edit residents; import and export ledgers"),
     open_residents},
    {N_("Requests"), N_("Take requests down, dispatch, chase, follow up; the queues"),
     screen_request_new},
    {N_("Service catalogue"), N_("Service items, units, working-day calendar"),
     screen_catalogue_new},
    {N_("Evening talks"), N_("Sessions and whether each matter raised has its answer"),
     screen_talk_new},
    {N_("Rates"), N_("Response, resolution and satisfaction rates per unit"), screen_rates_new},
    {N_("Areas and buildings"), N_("Streets, communities, grids and buildings"), open_areas},
};

static const enum action home_bar[] = {ACT_NONE};

static void home_load(struct home *h)
{
    h->counts_ok = area_counts(ui.db, h->counts) == DB_OK;
    h->residents = resident_count(ui.db);
    request_counts(ui.db, &h->requests, &h->open, &h->overdue, clock_now());
    h->generation = ui.generation;
}

static void home_draw(struct screen *s, int top, int rows)
{
    struct home *h = (struct home *)s;
    if (h->generation != ui.generation) home_load(h);
    int y = top + 1;
    char *head = xasprintf(_("%s Party and Masses Service Centre · front desk"),
                           str_empty(ui.district) ? "" : ui.district);
    draw_text(y, 2, COLS - 4, head, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(head);
    y += 2;
    int step = (int)ARRAY_LEN(sections) * 2 + 10 <= rows ? 2 : 1;
    for (size_t i = 0; i < ARRAY_LEN(sections); i++, y += step) {
        attr_t a = (int)i == h->sel ? term_attr(UI_SELECTED) : term_attr(UI_NORMAL);
        draw_fill(y, 2, COLS - 4, a);
        draw_textf(y, 2, 28, a, " %zu  %s", i + 1, _(sections[i].label));
        draw_text(y, 32, COLS - 34, _(sections[i].hint), a, TEXT_FIT_ELLIPSIS);
    }
    y++;
    draw_textf(y++, 4, COLS - 6, term_attr(UI_NORMAL), _("Residents %lld"),
               (long long)h->residents);
    draw_textf(y++, 4, COLS - 6, h->overdue ? term_attr(UI_ERROR) : term_attr(UI_NORMAL),
               _("Requests %lld · open %lld · overdue %lld"), (long long)h->requests,
               (long long)h->open, (long long)h->overdue);
    if (h->counts_ok)
        draw_textf(y++, 4, COLS - 6, term_attr(UI_NORMAL),
                   _("Streets %lld · communities %lld · grids %lld · buildings %lld"),
                   (long long)h->counts[AREA_STREET], (long long)h->counts[AREA_COMMUNITY],
                   (long long)h->counts[AREA_GRID], (long long)h->counts[AREA_BUILDING]);
    y++;
    if (ui.demo)
        draw_text(y++, 4, COLS - 6, _("This is a demo database: every name in it is made up."),
                  term_attr(UI_INFO), TEXT_FIT_ELLIPSIS);
    draw_textf(top + rows - 2, 4, COLS - 6, term_attr(UI_DIM), _("Database: %s"), db_path(ui.db));
    draw_text(top + rows - 1, 4, COLS - 6,
              _("Press the digit of a section, or Enter. F1 lists the keys, F10 quits."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static void home_open(int i)
{
    ui_push(sections[i].open());
}

static int home_key(struct screen *s, enum action a, const struct key *k)
{
    struct home *h = (struct home *)s;
    int n = (int)ARRAY_LEN(sections);
    if (a == ACT_NONE && !k->code && k->ch >= '1' && k->ch < '1' + (unsigned)n) {
        h->sel = (int)(k->ch - '1');
        home_open(h->sel);
        return UI_HANDLED;
    }
    switch (a) {
    case ACT_ENTER:
        home_open(h->sel);
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
    free(s);
}

static const struct screen_ops home_ops = {home_draw, home_key, NULL, home_free};

struct screen *screen_home_new(void)
{
    struct home *h = xcalloc(1, sizeof *h);
    h->base.ops = &home_ops;
    h->base.title = _("Home");
    h->base.bar = home_bar;
    home_load(h);
    return &h->base;
}
