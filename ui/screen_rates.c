/*
** screen_rates: 三率, how requests are handled over a period (this year
** unless F9 says otherwise), per unit, per community or per street (F9):
** response, resolution and satisfaction rates, on time, returned, ranked
** by their mean among rows with enough follow-ups. Under the table the
** selected row's figures are written out with their counts and formulas,
** so every percentage says where it comes from. Tab shows the selected
** row's chart instead: its three rates and its requests month by month
** over the twelve months up to the period's end; Up and Down still move
** the selection. F9 changes the period (to any two dates too), the
** grouping, or writes the table as CSV.
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

#define CHART_MONTHS 12

struct rates_screen {
    struct screen base;
    enum rate_group group;
    int chart;                 /* showing the selected row's chart instead of the table */
    char title[64];            /* 三率 · 按社区 */
    struct rate_series series; /* month by month, read when the chart is first shown */
    int series_ok;
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
    if (rs->series_ok) rate_series_free(&rs->series);
    rs->series_ok = 0;
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
    int rc = rate_counts_gather(ui.db, rs->group, rs->from, rs->to, &units, &n, &all);
    rs->generation = db_generation(ui.db);
    if (rc != DB_OK) {
        ui_db_failed(_("The rates could not be reckoned"), rc);
        listview_set_count(&rs->list, 0);
        return;
    }
    if (rs->chart) {
        rc = rate_series_gather(ui.db, rs->group, rs->to, CHART_MONTHS, &rs->series);
        rs->series_ok = rc == DB_OK;
        if (rc != DB_OK) ui_db_failed(_("The months could not be reckoned"), rc);
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
        return *c->unit_name ? c->unit_name : _(rates_group_none(rs->group));
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
        num = c->responded, den = c->dispatched - c->awaiting;
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

/* The name of row i: the unit's, community's or street's, or the district's. */
static const char *row_name(const struct rates_screen *rs, size_t i)
{
    const struct rate_counts *c = &rs->units[i];
    return *c->unit_name ? c->unit_name : _(rates_group_none(rs->group));
}

/* Under the table: the selected row's counts and each rate worked out. */
static void detail_draw(struct rates_screen *rs, int y)
{
    int sel = rs->list.sel;
    if (sel < 0 || (size_t)sel > rs->n) return;
    const struct rate_counts *c = &rs->units[sel];
    char *line =
        c->awaiting
            ? xasprintf(_("%s: %lld taken down, %lld dispatched (%lld still within their limits), "
                          "%lld followed up"),
                        row_name(rs, (size_t)sel), (long long)c->total, (long long)c->dispatched,
                        (long long)c->awaiting, (long long)c->followed)
            : xasprintf(_("%s: %lld taken down, %lld dispatched, %lld followed up"),
                        row_name(rs, (size_t)sel), (long long)c->total, (long long)c->dispatched,
                        (long long)c->followed);
    draw_text(y++, 1, COLS - 2, line, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(line);
    for (int k = 0; k < RATE_COUNT; k++) {
        line = explain(rs, c, &rs->figs[sel], (enum rate_kind)k);
        draw_text(y++, 2, COLS - 3, line, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        free(line);
    }
}

/* In place of the table: the selected row's chart, month by month, in rows rows from y. */
static void chart_draw(struct rates_screen *rs, int y, int rows)
{
    int sel = rs->list.sel;
    if (!rs->series_ok || sel < 0 || (size_t)sel > rs->n) return;
    char *span = rates_month_span(rs->series.starts, rs->series.n);
    char *line = xasprintf(_("[%d/%d] %s: %s by month; under each name, the last month's; "
                             "Up/Down: another row"),
                           sel + 1, (int)rs->n + 1, row_name(rs, (size_t)sel), span);
    draw_text(y++, 1, COLS - 2, line, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(line);
    free(span);
    struct rate_counts months[CHART_MONTHS];
    rate_series_of(&rs->series, rs->units[sel].unit_id, (size_t)sel == rs->n, months);
    int height = (rows - 3) / 4;
    if (height > 6) height = 6;
    if (height < 1) height = 1;
    char *text = rates_chart(months, rs->series.starts, rs->series.n, rs->weight, COLS - 2, height,
                             CHART_BRAILLE);
    y++;
    for (char *p = text; *p; y++) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        draw_text(y, 1, COLS - 2, p, term_attr(UI_NORMAL), 0);
        p = nl ? nl + 1 : p + strlen(p);
    }
    free(text);
}

static void rates_draw(struct screen *s, int top, int rows)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    char *period = rates_period(rs->from, rs->to);
    char *head = xasprintf(rs->chart ? _("Requests taken down %s; fewer than %d follow-ups: not "
                                         "ranked; Tab: the table")
                                     : _("Requests taken down %s; fewer than %d follow-ups: not "
                                         "ranked; Tab: the chart"),
                           period, rs->min_followed);
    free(period);
    draw_text(top, 1, COLS - 2, head, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(head);
    if (rs->chart) {
        chart_draw(rs, top + 1, rows - 1);
        return;
    }
    int detail = RATE_COUNT + 1;
    listview_draw(&rs->list, top + 1, 0, rows - 1 - detail, COLS);
    detail_draw(rs, top + rows - detail);
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
    case 5: /* the last 12 months: this one and the eleven before */
        rs->from = month_start(y, tm.tm_mon - 11), rs->to = day_start(now) + 86400;
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

/* F9: a period between any two dates, typed. */
static void period_dialog(struct screen *s, const struct command *c)
{
    (void)c;
    struct rates_screen *rs = (struct rates_screen *)s;
    if (dialog_period(_("Rates over a period"), &rs->from, &rs->to)) rates_load(rs);
}

/* The title: 三率, and by what when not by unit. */
static void title_set(struct rates_screen *rs)
{
    static const char *const titles[RATE_GROUP_COUNT] = {N_("Rates"), N_("Rates by community"),
                                                         N_("Rates by street")};
    snprintf(rs->title, sizeof rs->title, "%s", _(titles[rs->group]));
    rs->base.title = rs->title;
    rs->cols[COL_UNIT].title = _(rates_group_label(rs->group));
}

/* F9: rates per unit, community or street (c->arg). */
static void group_choose(struct screen *s, const struct command *c)
{
    struct rates_screen *rs = (struct rates_screen *)s;
    rs->group = (enum rate_group)c->arg;
    title_set(rs);
    rs->list.sel = 0, rs->list.top = 0;
    rates_load(rs);
}

/* Tab, or F9: the chart instead of the table, or back. */
static void view_toggle(struct screen *s, const struct command *c)
{
    (void)c;
    struct rates_screen *rs = (struct rates_screen *)s;
    rs->chart = !rs->chart;
    if (rs->chart && !rs->series_ok) {
        int rc = rate_series_gather(ui.db, rs->group, rs->to, CHART_MONTHS, &rs->series);
        rs->series_ok = rc == DB_OK;
        if (rc != DB_OK) ui_db_failed(_("The months could not be reckoned"), rc);
    }
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
    /* Named by its period: this month's does not replace last month's. */
    char first[11], last[11];
    struct date d = date_of(rs->from);
    date_format(&d, first);
    d = date_of(rs->to - 1);
    date_format(&d, last);
    char *name = xasprintf(_("rates %s to %s.csv"), first, last);
    int asked = ui_ask_export(_("Rates"), _("File to write (CSV, UTF-8):"), name, 0, &path);
    free(name);
    if (!asked) return;
    char *period = rates_period(rs->from, rs->to);
    char *table = rates_report(rs->units, rs->n, &rs->units[rs->n], rs->group, rs->weight,
                               rs->min_followed, period, 1);
    /* With the BOM Excel looks for to read UTF-8, as the other CSV files written here have it. */
    char *text = xasprintf("\xEF\xBB\xBF%s", table);
    free(table);
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
    {"last-12-months", '4', N_("The last 12 months"),
     N_("The rates of this month and the eleven before"), 0, period_choose, 5, NULL},
    {"last-year", '5', N_("Last year"), N_("The rates of last year"), 0, period_choose, 3, NULL},
    {"last-30-days", '6', N_("The last 30 days"), N_("The rates of the last 30 days"), 0,
     period_choose, 4, NULL},
    {"period", '7', N_("From one day to another..."), N_("The rates between two dates you type"), 0,
     period_dialog, 0, NULL},
    {"by-unit", 'u', N_("By unit"), N_("A row per unit handling the requests"), 0, group_choose,
     RATE_BY_UNIT, NULL},
    {"by-community", 'c', N_("By community"),
     N_("A row per community the requests came from (the requester's, or the grid's)"), 0,
     group_choose, RATE_BY_COMMUNITY, NULL},
    {"by-street", 's', N_("By street"), N_("A row per street the requests came from"), 0,
     group_choose, RATE_BY_STREET, NULL},
    {"chart", 'g', N_("Chart or table (Tab)"),
     N_("The selected row's rates and requests month by month, or the table again"), 0, view_toggle,
     0, NULL},
    {"rates-csv", '8', N_("Write the table as CSV"), N_("The table of rates to a file"), 0,
     csv_write, 0, NULL},
    {"settings", '9', N_("Settings: the weight of 基本满意, follow-ups to rank"),
     N_("How the rates are reckoned"), RIGHT_CONFIGURE, NULL, 0, screen_settings_new},
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
    if (a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD) {
        view_toggle(s, NULL);
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
        {N_("Unit"), 0, 0}, /* or community, street: title_set() */
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
    rs->base.bar = rates_bar;
    rs->base.commands = rates_menu;
    for (int i = 0; i < NCOLS; i++) {
        rs->cols[i] = columns[i];
        rs->cols[i].title = _(columns[i].title);
    }
    rs->list = (struct listview){rs->cols, NCOLS, 0, -1, 0, 1, rates_cell, NULL, rs};
    title_set(rs);
    period_set(rs, 0);
    rates_load(rs);
    return &rs->base;
}
