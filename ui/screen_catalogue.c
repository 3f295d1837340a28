/*
** screen_catalogue: 服务清单, the reference data of the call platform in
** three tabs: the service items (found by Chinese, pinyin initials or
** code), the units that handle them, and the working-day calendar the
** deadlines run on (holidays and 调休 working days). F7 adds, Enter or F4
** edits, F8 retires or restores an item or a unit (a retired item keeps
** its requests' history) and removes a calendar day, F6 shows retired
** rows, F9 opens the settings (working hours among them).
*/
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "src/actor.h"
#include "src/catalogue.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/request.h"
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

enum cat_tab { TAB_ITEMS, TAB_UNITS, TAB_CALENDAR, TAB_COUNT };

static const struct {
    const char *label;
    struct list_column cols[6];
    int ncols;
} tabs[TAB_COUNT] = {
    [TAB_ITEMS] = {N_("Service items"),
                   {{N_("Code"), 6, 0},
                    {N_("Name"), 0, 0},
                    {N_("Category"), 10, 0},
                    {N_("Unit"), 14, 0},
                    {N_("Limits"), 14, 0},
                    {N_("Status"), 6, 0}},
                   6},
    [TAB_UNITS] = {N_("Units"),
                   {{N_("Code"), 6, 0},
                    {N_("Name"), 0, 0},
                    {N_("Kind"), 10, 0},
                    {N_("Phone"), 14, 0},
                    {N_("Items"), 6, TEXT_FIT_RIGHT},
                    {N_("Status"), 6, 0}},
                   6},
    [TAB_CALENDAR] =
        {N_("Calendar"),
         {{N_("Date"), 10, 0}, {N_("Weekday"), 6, 0}, {N_("Day"), 8, 0}, {N_("Name"), 0, 0}},
         4},
};

struct catalogue_screen {
    struct screen base;
    enum cat_tab tab;
    struct lineedit search;
    struct item_list items;
    struct unit_list units;
    struct calendar_days days;
    int with_retired;
    struct list_column cols[6];
    struct listview list;
    unsigned generation;
    char cell[64];
};

static const enum action catalogue_bar[] = {ACT_SEARCH, ACT_EDIT,   ACT_REFRESH, ACT_SHOW_RETIRED,
                                            ACT_NEW,    ACT_RETIRE, ACT_MENU,    ACT_NONE};

static const char *category_label(const char *code)
{
    const char *l = request_word_label(request_categories, code);
    return l ? _(l) : code;
}

static const char *weekday_label(const char *day)
{
    static const char *const names[] = {N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"),
                                        N_("Thu"), N_("Fri"), N_("Sat")};
    struct date d;
    if (date_parse(day, &d) != DATE_OK) return "";
    int32_t n = workcal_day_number(d);
    return _(names[((n % 7) + 7 + 4) % 7]);
}

static const char *catalogue_cell(void *ctx, int row, int col)
{
    struct catalogue_screen *cs = ctx;
    if (cs->tab == TAB_ITEMS) {
        const struct service_item *it = &cs->items.items[row];
        switch (col) {
        case 0:
            return it->code;
        case 1:
            return it->name;
        case 2:
            return category_label(it->category);
        case 3:
            return it->unit_name;
        case 4: {
            char *a = catalogue_accept_text(it->accept_minutes);
            char *r = catalogue_resolve_text(it->resolve_amount, it->resolve_unit);
            snprintf(cs->cell, sizeof cs->cell, "%s/%s", a, r);
            free(a);
            free(r);
            return cs->cell;
        }
        default:
            return it->retired ? _("Retired") : "";
        }
    }
    if (cs->tab == TAB_UNITS) {
        const struct unit *u = &cs->units.items[row];
        switch (col) {
        case 0:
            return u->code;
        case 1:
            return u->name;
        case 2:
            return u->kind;
        case 3:
            return u->phone;
        case 4:
            snprintf(cs->cell, sizeof cs->cell, "%lld", (long long)u->items);
            return cs->cell;
        default:
            return u->retired ? _("Retired") : "";
        }
    }
    const struct calendar_day *d = &cs->days.v[row];
    switch (col) {
    case 0:
        return d->day;
    case 1:
        return weekday_label(d->day);
    case 2:
        return d->working ? _("Workday") : _("Holiday");
    default:
        return d->name;
    }
}

static int catalogue_dim(void *ctx, int row)
{
    struct catalogue_screen *cs = ctx;
    if (cs->tab == TAB_ITEMS) return cs->items.items[row].retired;
    if (cs->tab == TAB_UNITS) return cs->units.items[row].retired;
    return 0;
}

static int64_t row_id(struct catalogue_screen *cs, int row)
{
    if (row < 0) return 0;
    if (cs->tab == TAB_ITEMS && (size_t)row < cs->items.n) return cs->items.items[row].id;
    if (cs->tab == TAB_UNITS && (size_t)row < cs->units.n) return cs->units.items[row].id;
    return 0;
}

static void catalogue_reload(struct catalogue_screen *cs)
{
    int64_t keep = ui.saved_id ? ui.saved_id : row_id(cs, cs->list.sel);
    ui.saved_id = 0;
    char *q = lineedit_text(&cs->search);
    unsigned flags = cs->with_retired ? CATALOGUE_WITH_RETIRED : 0;
    item_list_free(&cs->items);
    unit_list_free(&cs->units);
    calendar_days_free(&cs->days);
    int rc = DB_OK;
    size_t n = 0;
    if (cs->tab == TAB_ITEMS) {
        rc = item_list(ui.db, q, 0, flags, &cs->items);
        n = cs->items.n;
    } else if (cs->tab == TAB_UNITS) {
        rc = unit_list(ui.db, q, flags, &cs->units);
        n = cs->units.n;
    } else {
        char *prefix = text_normalize(q, TEXT_NORM_NOSPACE);
        rc = calendar_list(ui.db, prefix, &cs->days);
        free(prefix);
        n = cs->days.n;
    }
    free(q);
    if (rc != DB_OK) ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    listview_set_count(&cs->list, (int)n);
    for (size_t i = 0; keep && i < n; i++)
        if (row_id(cs, (int)i) == keep) cs->list.sel = (int)i;
    cs->generation = ui.generation;
}

static void set_tab(struct catalogue_screen *cs, int tab)
{
    cs->tab = (enum cat_tab)((tab + TAB_COUNT) % TAB_COUNT);
    for (int i = 0; i < tabs[cs->tab].ncols; i++) {
        cs->cols[i] = tabs[cs->tab].cols[i];
        cs->cols[i].title = _(tabs[cs->tab].cols[i].title);
    }
    cs->list = (struct listview){cs->cols,       tabs[cs->tab].ncols, 0, -1, 0, 1,
                                 catalogue_cell, catalogue_dim,       cs};
    lineedit_clear(&cs->search);
    catalogue_reload(cs);
}

static void catalogue_draw(struct screen *s, int top, int rows)
{
    struct catalogue_screen *cs = (struct catalogue_screen *)s;
    if (cs->generation != ui.generation) catalogue_reload(cs);
    int x = 1;
    for (int t = 0; t < TAB_COUNT; t++) {
        char *label = xasprintf(" %s ", _(tabs[t].label));
        int w = text_width(label);
        draw_text(top, x, w, label, t == (int)cs->tab ? term_attr(UI_TAB_ON) : term_attr(UI_NORMAL),
                  0);
        x += w + 1;
        free(label);
    }
    if (cs->tab == TAB_CALENDAR) {
        char *hours = calendar_hours(ui.db);
        char *line = xasprintf(_("Working hours %s · Tab: next list"), hours);
        draw_text(top, x + 1, COLS - x - 2, line, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        free(line);
        free(hours);
    } else {
        draw_text(top, x + 1, COLS - x - 2, _("Tab: next list"), term_attr(UI_DIM),
                  TEXT_FIT_ELLIPSIS);
    }
    char *count = xasprintf(_("%d found"), cs->list.n);
    search_line_draw(&cs->search, top + 1,
                     cs->tab == TAB_CALENDAR ? _("a year or month, such as 2026 or 2026-10")
                                             : _("type Chinese, pinyin initials or a code"),
                     count, s);
    free(count);
    listview_draw(&cs->list, top + 2, 0, rows - 2, COLS);
}

/* F8: retire or restore the selected item or unit; remove the selected calendar day. */
static void catalogue_retire(struct catalogue_screen *cs)
{
    int sel = cs->list.sel;
    if (sel < 0 || sel >= cs->list.n) {
        ui_message(UI_MSG_ERROR, "%s", _("No row is selected"));
        return;
    }
    int rc;
    if (cs->tab == TAB_CALENDAR) {
        const struct calendar_day *d = &cs->days.v[sel];
        char *q = xasprintf(_("Remove %s (%s) from the calendar?"), d->day, d->name);
        int yes = dialog_confirm(_("Calendar"), q, 0);
        free(q);
        if (!yes) return;
        rc = calendar_remove(ui.db, d->day);
    } else if (cs->tab == TAB_ITEMS) {
        struct service_item *it = &cs->items.items[sel];
        int retire = !it->retired;
        char *q = retire ? xasprintf(_("Retire %s %s? Its requests keep it; it can be restored."),
                                     it->code, it->name)
                         : xasprintf(_("Restore %s %s?"), it->code, it->name);
        int yes = dialog_confirm(retire ? _("Retire") : _("Restore"), q, 0);
        free(q);
        if (!yes) return;
        rc = item_set_retired(ui.db, it, retire, actor_name(), NULL);
        if (rc == DB_INVALID) {
            ui_message(UI_MSG_ERROR, "%s", _("Not restored: its unit is retired"));
            return;
        }
    } else {
        struct unit *u = &cs->units.items[sel];
        int retire = !u->retired;
        char *q = retire
                      ? xasprintf(_("Retire %s %s? It stays in the records and can be restored."),
                                  u->code, u->name)
                      : xasprintf(_("Restore %s %s?"), u->code, u->name);
        int yes = dialog_confirm(retire ? _("Retire") : _("Restore"), q, 0);
        free(q);
        if (!yes) return;
        int64_t blocking = 0;
        rc = unit_set_retired(ui.db, u, retire, actor_name(), &blocking, NULL);
        if (rc == DB_INVALID) {
            ui_message(UI_MSG_ERROR, _("Not retired: it still offers %lld active service items"),
                       (long long)blocking);
            return;
        }
    }
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, "%s", _("Done"));
    else if (rc == DB_CONFLICT)
        ui_message(UI_MSG_ERROR, "%s", _("Not changed: someone changed it meanwhile; look again"));
    else
        ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    ui.generation++;
}

static int catalogue_key(struct screen *s, enum action a, const struct key *k)
{
    struct catalogue_screen *cs = (struct catalogue_screen *)s;
    int sel = cs->list.sel, has = sel >= 0 && sel < cs->list.n;
    switch (a) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        set_tab(cs, (int)cs->tab + (a == ACT_NEXT_FIELD ? 1 : -1));
        return UI_HANDLED;
    case ACT_ENTER:
    case ACT_EDIT:
        if (!has)
            ui_message(UI_MSG_ERROR, "%s", _("No row is selected"));
        else if (cs->tab == TAB_ITEMS)
            ui_push(screen_item_form_new(&cs->items.items[sel]));
        else if (cs->tab == TAB_UNITS)
            ui_push(screen_unit_form_new(&cs->units.items[sel]));
        else
            ui_push(screen_day_form_new(&cs->days.v[sel]));
        return UI_HANDLED;
    case ACT_NEW:
        ui_push(cs->tab == TAB_ITEMS   ? screen_item_form_new(NULL)
                : cs->tab == TAB_UNITS ? screen_unit_form_new(NULL)
                                       : screen_day_form_new(NULL));
        return UI_HANDLED;
    case ACT_RETIRE:
        catalogue_retire(cs);
        return UI_HANDLED;
    case ACT_SHOW_RETIRED:
        cs->with_retired = !cs->with_retired;
        catalogue_reload(cs);
        return UI_HANDLED;
    case ACT_MENU:
        ui_push(screen_settings_new());
        return UI_HANDLED;
    case ACT_REFRESH:
        catalogue_reload(cs);
        return UI_HANDLED;
    default:
        break;
    }
    int reload, r = search_list_key(&cs->search, &cs->list, a, k, &reload);
    if (reload) catalogue_reload(cs);
    return r;
}

static void catalogue_free(struct screen *s)
{
    struct catalogue_screen *cs = (struct catalogue_screen *)s;
    item_list_free(&cs->items);
    unit_list_free(&cs->units);
    calendar_days_free(&cs->days);
    lineedit_free(&cs->search);
    free(cs);
}

static const struct screen_ops catalogue_ops = {catalogue_draw, catalogue_key, NULL,
                                                catalogue_free};

struct screen *screen_catalogue_new(void)
{
    struct catalogue_screen *cs = xcalloc(1, sizeof *cs);
    cs->base.ops = &catalogue_ops;
    cs->base.title = _("Service catalogue");
    cs->base.bar = catalogue_bar;
    lineedit_init(&cs->search, 40);
    set_tab(cs, TAB_ITEMS);
    return &cs->base;
}
