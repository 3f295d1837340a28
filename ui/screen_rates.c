/*
** screen_rates: 三率, how each unit handles its requests over a period
** (this year unless F9 says otherwise): response, resolution and
** satisfaction rates, on time, returned, ranked by their mean among units
** with enough follow-ups. Under the table the selected row's figures are
** written out with their counts and formulas, so every percentage says
** where it comes from. F9 changes the period or writes the table as CSV.
*/
#include "app/rate_counts.h"
#include "db/request_store.h"
#include "db/settings_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/printer.h"
#include "src/rates.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    COL_UNIT,
    COL_FOLLOWED,
    COL_RESPONSE,
    COL_RESOLUTION,
    COL_SATISFACTION,
    COL_ON_TIME,
    COL_RETURN,
    COL_RANK,
    NCOLS
};

struct rates_screen {
    struct screen base;
    time_t from, to;
    double weight;
    int min_followed;
    struct rate_counts *units; /* n units, then the district */
    struct rate_figures *figs;
    size_t n;
    struct list_column cols[NCOLS];
    struct listview list;
    unsigned generation;
    char cell[32];
};

static const enum action rates_bar[] = {ACT_REFRESH, ACT_MENU, ACT_NONE};

static void rates_clear(struct rates_screen *rs)
{
    for (size_t i = 0; i <= rs->n && rs->units; i++)
        rate_counts_free(&rs->units[i]);
    free(rs->units);
    free(rs->figs);
    rs->units = NULL;
    rs->figs = NULL;
    rs->n = 0;
}

static void rates_load(struct rates_screen *rs)
{
    rates_clear(rs);
    rs->weight = settings_get_number(ui.db, SETTING_BASIC_WEIGHT);
    rs->min_followed = (int)settings_get_number(ui.db, SETTING_RANK_MIN);
    struct rate_counts *units, all;
    size_t n;
    int rc = rate_counts_gather(ui.db, rs->from, rs->to, &units, &n, &all);
    rs->generation = db_generation(ui.db);
    if (rc != DB_OK) {
        ui_db_failed(_("The rates could not be reckoned"), rc);
        listview_set_count(&rs->list, 0);
        return;
    }
    rs->units = xrealloc(units, (n + 1) * sizeof *units);
    rs->units[n] = all;
    free(rs->units[n].unit_name);
    rs->units[n].unit_name = xstrdup(_("District"));
    rs->n = n;
    rs->figs = xcalloc(n + 1, sizeof *rs->figs);
    for (size_t i = 0; i <= n; i++)
        rates_compute(&rs->units[i], rs->weight, i < n ? rs->min_followed : 0, &rs->figs[i]);
    rates_rank(rs->figs, rs->units, n);
    listview_set_count(&rs->list, (int)n + 1);
}

static const char *percent_cell(struct rates_screen *rs, double v)
{
    if (v < 0) return "-";
    snprintf(rs->cell, sizeof rs->cell, "%.1f%%", v);
    return rs->cell;
}

static const char *rates_cell(void *ctx, int row, int col)
{
    struct rates_screen *rs = ctx;
    const struct rate_counts *c = &rs->units[row];
    const struct rate_figures *f = &rs->figs[row];
    switch (col) {
    case COL_UNIT:
        return *c->unit_name ? c->unit_name : _("(no unit)");
    case COL_FOLLOWED:
        snprintf(rs->cell, sizeof rs->cell, "%lld", (long long)c->followed);
        return rs->cell;
    case COL_RESPONSE:
        return percent_cell(rs, f->rate[RATE_RESPONSE]);
    case COL_RESOLUTION:
        return percent_cell(rs, f->rate[RATE_RESOLUTION]);
    case COL_SATISFACTION:
        return percent_cell(rs, f->rate[RATE_SATISFACTION]);
    case COL_ON_TIME:
        return percent_cell(rs, f->rate[RATE_ON_TIME]);
    case COL_RETURN:
        return percent_cell(rs, f->rate[RATE_RETURN]);
    default:
        if ((size_t)row == rs->n) return "";
        if (!f->rank) return _("not ranked");
        snprintf(rs->cell, sizeof rs->cell, "%d", f->rank);
        return rs->cell;
    }
}

/* "响应率 82.9% = 1064 / 1284: formula" for the selected row. Caller frees. */
static char *explain(const struct rates_screen *rs, const struct rate_counts *c,
                     const struct rate_figures *f, enum rate_kind k)
{
    int64_t num = 0, den = 0;
    switch (k) {
    case RATE_RESPONSE:
        num = c->responded, den = c->dispatched;
        break;
    case RATE_RESOLUTION:
        num = c->solved, den = c->followed;
        break;
    case RATE_SATISFACTION:
        num = c->satisfied, den = c->followed;
        break;
    case RATE_ON_TIME:
        num = c->on_time, den = c->replied;
        break;
    case RATE_RETURN:
        num = c->returned, den = c->routed;
        break;
    default:
        num = c->answered, den = c->total;
        break;
    }
    char value[16] = "-";
    if (f->rate[k] >= 0) snprintf(value, sizeof value, "%.1f%%", f->rate[k]);
    char *formula = rates_formula_text(k, rs->weight);
    char *out =
        k == RATE_SATISFACTION
            ? xasprintf("%s %s = (%lld + %g x %lld) / %lld: %s", _(rates_name(k)), value,
                        (long long)num, rs->weight, (long long)c->basic, (long long)den, formula)
            : xasprintf("%s %s = %lld / %lld: %s", _(rates_name(k)), value, (long long)num,
                        (long long)den, formula);
    free(formula);
    return out;
}

static void rates_draw(struct screen *s, int top, int rows)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    char *period = rates_period(rs->from, rs->to);
    char *head = xasprintf(_("Requests taken down %s · units with fewer than %d follow-ups are "
                             "not ranked"),
                           period, rs->min_followed);
    free(period);
    draw_text(top, 1, COLS - 2, head, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(head);
    int detail = RATE_COUNT + 1;
    listview_draw(&rs->list, top + 1, 0, rows - 1 - detail, COLS);
    int sel = rs->list.sel;
    if (sel < 0 || (size_t)sel > rs->n) return;
    int y = top + rows - detail;
    const struct rate_counts *c = &rs->units[sel];
    char *line = xasprintf(_("%s: %lld taken down, %lld dispatched, %lld followed up"),
                           *c->unit_name ? c->unit_name : _("(no unit)"), (long long)c->total,
                           (long long)c->dispatched, (long long)c->followed);
    draw_text(y++, 1, COLS - 2, line, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(line);
    for (int k = 0; k < RATE_COUNT; k++) {
        line = explain(rs, c, &rs->figs[sel], (enum rate_kind)k);
        draw_text(y++, 2, COLS - 3, line, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        free(line);
    }
}

/* The start of the local day of t. */
static time_t day_start(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

/* The start of month m (0-based, may be negative) of year y. */
static time_t month_start(int y, int m)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = m;
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

static void period_set(struct rates_screen *rs, int which)
{
    time_t now = clock_now();
    struct tm tm;
    localtime_r(&now, &tm);
    int y = tm.tm_year + 1900;
    switch (which) {
    case 0: /* this year */
        rs->from = month_start(y, 0), rs->to = day_start(now) + 86400;
        break;
    case 1: /* this month */
        rs->from = month_start(y, tm.tm_mon), rs->to = day_start(now) + 86400;
        break;
    case 2: /* last month */
        rs->from = month_start(y, tm.tm_mon - 1), rs->to = month_start(y, tm.tm_mon);
        break;
    case 3: /* last year */
        rs->from = month_start(y - 1, 0), rs->to = month_start(y, 0);
        break;
    default: /* the last 30 days */
        rs->from = day_start(now) - 29 * 86400, rs->to = day_start(now) + 86400;
        break;
    }
}

/* F9: another period (c->arg says which to period_set()). */
static void period_choose(struct screen *s, const struct command *c)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    period_set(rs, (int)c->arg);
    rates_load(rs);
}

/* F9: the table as CSV, to a file the clerk names. */
static void csv_write(struct screen *s, const struct command *c)
{
    (void)c;
    struct rates_screen *rs = (struct rates_screen *)s;
    if (!rs->units) {
        ui_message(UI_MSG_ERROR, "%s", _("Nothing to write: the rates could not be read"));
        return;
    }
    char *path = NULL, *err = NULL;
    if (!dialog_input(_("Rates"), _("File to write (CSV, UTF-8):"), "rates.csv", 255, &path))
        return;
    char *period = rates_period(rs->from, rs->to);
    char *text =
        rates_report(rs->units, rs->n, &rs->units[rs->n], rs->weight, rs->min_followed, period, 1);
    if (printer_save(text, path, &err) == 0) {
        char *full = path_full(path);
        ui_message(UI_MSG_INFO, _("Written to %s"), full);
        free(full);
    } else {
        ui_message(UI_MSG_ERROR, "%s", err);
    }
    free(err);
    free(text);
    free(period);
    free(path);
}

static const struct command rates_menu[] = {
    {"this-year", '1', N_("This year"), N_("The rates from the first of January to today"), 0,
     period_choose, 0, NULL},
    {"this-month", '2', N_("This month"), N_("The rates of this month so far"), 0, period_choose, 1,
     NULL},
    {"last-month", '3', N_("Last month"), N_("The rates of last month"), 0, period_choose, 2, NULL},
    {"last-year", '4', N_("Last year"), N_("The rates of last year"), 0, period_choose, 3, NULL},
    {"last-30-days", '5', N_("The last 30 days"), N_("The rates of the last 30 days"), 0,
     period_choose, 4, NULL},
    {"rates-csv", '6', N_("Write the table as CSV"), N_("The table of rates to a file"), 0,
     csv_write, 0, NULL},
    {"settings", '7', N_("Settings: the weight of 基本满意, follow-ups to rank"),
     N_("How the rates are reckoned"), 0, NULL, 0, screen_settings_new},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static int rates_key(struct screen *s, enum action a, const struct key *k)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    (void)k;
    if (a == ACT_REFRESH) {
        rates_load(rs);
        return UI_HANDLED;
    }
    if (listview_key(&rs->list, a)) return UI_HANDLED;
    return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
}

static void rates_free(struct screen *s)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    rates_clear(rs);
    free(rs);
}

static void rates_sync(struct screen *s)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    if (rs->generation != db_generation(ui.db)) rates_load(rs);
}

static const struct screen_ops rates_ops = {
    .sync = rates_sync, .draw = rates_draw, .key = rates_key, .free = rates_free};

struct screen *screen_rates_new(void)
{
    static const struct list_column columns[NCOLS] = {
        {N_("Unit"), 0, 0},
        {N_("Followed up"), 8, TEXT_FIT_RIGHT},
        {N_("Response rate"), 8, TEXT_FIT_RIGHT},
        {N_("Resolution rate"), 8, TEXT_FIT_RIGHT},
        {N_("Satisfaction rate"), 8, TEXT_FIT_RIGHT},
        {N_("On-time rate"), 10, TEXT_FIT_RIGHT},
        {N_("Return rate"), 8, TEXT_FIT_RIGHT},
        {N_("Rank"), 8, TEXT_FIT_RIGHT},
    };
    struct rates_screen *rs = xcalloc(1, sizeof *rs);
    rs->base.ops = &rates_ops;
    rs->base.title = _("Rates");
    rs->base.bar = rates_bar;
    rs->base.commands = rates_menu;
    for (int i = 0; i < NCOLS; i++) {
        rs->cols[i] = columns[i];
        rs->cols[i].title = _(columns[i].title);
    }
    rs->list = (struct listview){rs->cols, NCOLS, 0, -1, 0, 1, rates_cell, NULL, rs};
    period_set(rs, 0);
    rates_load(rs);
    return &rs->base;
}
