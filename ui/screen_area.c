/*
** screen_area: 区域与楼宇. Four tabs (streets, communities, grids,
** buildings), each a list under a search line that narrows at every key:
** a Chinese fragment, pinyin initials or a code. Enter or F4 edits, F7
** creates, F8 retires or restores, F6 shows retired rows too.
*/
#include "src/actor.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdio.h>
#include <stdlib.h>

/* What each tab shows. */
struct tab {
    const char *label;
    struct list_column cols[6];
    int ncols;
};

static const struct tab tabs[AREA_KIND_COUNT] = {
    [AREA_STREET] = {N_("Streets"),
                     {{N_("Code"), 12, 0},
                      {N_("Name"), 0, 0},
                      {N_("Communities"), 8, TEXT_FIT_RIGHT},
                      {N_("Status"), 8, 0}},
                     4},
    [AREA_COMMUNITY] = {N_("Communities"),
                        {{N_("Code"), 14, 0},
                         {N_("Name"), 0, 0},
                         {N_("Street"), 14, 0},
                         {N_("Grids"), 6, TEXT_FIT_RIGHT},
                         {N_("Status"), 8, 0}},
                        5},
    [AREA_GRID] = {N_("Grids"),
                   {{N_("Code"), 17, 0},
                    {N_("Name"), 16, 0},
                    {N_("Community"), 14, 0},
                    {N_("Grid workers"), 0, 0},
                    {N_("Status"), 8, 0}},
                   5},
    [AREA_BUILDING] = {N_("Buildings"),
                       {{N_("Code"), 10, 0},
                        {N_("Name"), 0, 0},
                        {N_("Kind"), 8, 0},
                        {N_("Street"), 10, 0},
                        {N_("Grid"), 14, 0},
                        {N_("Status"), 6, 0}},
                       6},
};

struct area_screen {
    struct screen base;
    enum area_kind kind;
    struct lineedit search;
    struct area_list rows;
    struct list_column cols[6]; /* translated titles of the current tab */
    struct listview list;
    int with_retired;
    unsigned generation; /* of the rows shown */
    char cell[64];
};

static const enum action area_bar[] = {ACT_SEARCH, ACT_EDIT,   ACT_REFRESH, ACT_SHOW_RETIRED,
                                       ACT_NEW,    ACT_RETIRE, ACT_NONE};

/* Text shown for a building kind. */
static const char *building_kind_label(enum building_kind k)
{
    return k == BUILDING_RESIDENTIAL ? _("Residential") : _("Commercial");
}

/* A count, formatted into the screen's cell buffer. */
static const char *count_cell(struct area_screen *as, int64_t n)
{
    snprintf(as->cell, sizeof as->cell, "%lld", (long long)n);
    return as->cell;
}

static const char *area_cell(void *ctx, int row, int col)
{
    struct area_screen *as = ctx;
    const struct area *a = &as->rows.items[row];
    if (col == 0) return a->code;
    if (col == 1) return a->name;
    if (col == tabs[as->kind].ncols - 1) return a->retired ? _("Retired") : "";
    switch (as->kind) {
    case AREA_STREET:
        return count_cell(as, a->children);
    case AREA_COMMUNITY:
        return col == 2 ? a->parent_name : count_cell(as, a->children);
    case AREA_GRID:
        return col == 2 ? a->parent_name : a->workers;
    case AREA_BUILDING:
        return col == 2   ? building_kind_label(a->building_kind)
               : col == 3 ? a->parent_name
                          : a->grid_name;
    default:
        return "";
    }
}

static int area_dim(void *ctx, int row)
{
    struct area_screen *as = ctx;
    return as->rows.items[row].retired;
}

/* Read the rows again, keeping the selection on the same record (or the one just saved). */
static void area_reload(struct area_screen *as)
{
    int64_t keep = as->list.sel >= 0 && (size_t)as->list.sel < as->rows.n
                       ? as->rows.items[as->list.sel].id
                       : 0;
    if (ui.saved_id) keep = ui.saved_id;
    ui.saved_id = 0;
    char *q = lineedit_text(&as->search);
    area_list_free(&as->rows);
    int rc = area_list(ui.db, as->kind, q, 0, as->with_retired ? AREA_WITH_RETIRED : 0, &as->rows);
    free(q);
    if (rc != DB_OK) ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    listview_set_count(&as->list, (int)as->rows.n);
    for (size_t i = 0; keep && i < as->rows.n; i++)
        if (as->rows.items[i].id == keep) as->list.sel = (int)i;
    as->generation = ui.generation;
}

static void area_set_tab(struct area_screen *as, enum area_kind kind)
{
    as->kind = kind;
    const struct tab *t = &tabs[kind];
    for (int i = 0; i < t->ncols; i++) {
        as->cols[i] = t->cols[i];
        as->cols[i].title = _(t->cols[i].title);
    }
    as->list = (struct listview){as->cols, t->ncols, 0, -1, 0, 1, area_cell, area_dim, as};
    lineedit_clear(&as->search);
    area_reload(as);
}

static void area_draw(struct screen *s, int top, int rows)
{
    struct area_screen *as = (struct area_screen *)s;
    if (as->generation != ui.generation) area_reload(as);
    /* Tabs. */
    int x = 1;
    for (int k = 0; k < AREA_KIND_COUNT; k++) {
        char *label = xasprintf(" %s ", _(tabs[k].label));
        int w = text_width(label);
        draw_text(top, x, w, label,
                  k == (int)as->kind ? term_attr(UI_TAB_ON) : term_attr(UI_NORMAL), 0);
        x += w + 1;
        free(label);
    }
    draw_text(top, x + 1, COLS - x - 2, _("Tab: next list"), term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    /* Search line. */
    char *count = as->with_retired ? xasprintf(_("%zu found, retired shown"), as->rows.n)
                                   : xasprintf(_("%zu found"), as->rows.n);
    search_line_draw(&as->search, top + 1, _("type Chinese, pinyin initials or a code"), count, s);
    free(count);
    listview_draw(&as->list, top + 2, 0, rows - 2, COLS);
    if (as->rows.n == 0)
        draw_text(top + 4, 2, COLS - 4, _("Nothing found. F7 creates a new record."),
                  term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static struct area *selected(struct area_screen *as)
{
    if (as->list.sel < 0 || (size_t)as->list.sel >= as->rows.n) {
        ui_message(UI_MSG_ERROR, "%s", _("No row is selected"));
        return NULL;
    }
    return &as->rows.items[as->list.sel];
}

static void area_retire(struct area_screen *as)
{
    struct area *a = selected(as);
    if (!a) return;
    int retire = !a->retired;
    char *q = retire ? xasprintf(_("Retire %s %s? It stays in the records and can be restored."),
                                 a->code, a->name)
                     : xasprintf(_("Restore %s %s?"), a->code, a->name);
    int yes = dialog_confirm(retire ? _("Retire") : _("Restore"), q, 0);
    free(q);
    if (!yes) return;
    int64_t blocking;
    struct area current;
    int rc = area_set_retired(ui.db, a, retire, actor_name(), &blocking, &current);
    if (rc == DB_OK) {
        ui_message(UI_MSG_INFO, retire ? _("Retired: %s %s") : _("Restored: %s %s"), a->code,
                   a->name);
    } else if (rc == DB_INVALID && retire) {
        ui_message(UI_MSG_ERROR, _("Not retired: %lld active records still belong to it"),
                   (long long)blocking);
    } else if (rc == DB_INVALID) {
        ui_message(UI_MSG_ERROR, "%s", _("Not restored: what it belongs to is retired"));
    } else if (rc == DB_CONFLICT) {
        ui_message(UI_MSG_ERROR, _("Not changed: %s changed it at %s; look again"),
                   current.updated_by, current.updated_at);
        area_free(&current);
    } else {
        ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    }
    ui.generation++;
}

static int area_key(struct screen *s, enum action a, const struct key *k)
{
    struct area_screen *as = (struct area_screen *)s;
    struct area *sel;
    switch (a) {
    case ACT_NEXT_FIELD:
        area_set_tab(as, (as->kind + 1) % AREA_KIND_COUNT);
        return UI_HANDLED;
    case ACT_PREV_FIELD:
        area_set_tab(as, (as->kind + AREA_KIND_COUNT - 1) % AREA_KIND_COUNT);
        return UI_HANDLED;
    case ACT_ENTER:
    case ACT_EDIT:
        if ((sel = selected(as)) != NULL) ui_push(screen_area_form_new(as->kind, sel));
        return UI_HANDLED;
    case ACT_NEW:
        ui_push(screen_area_form_new(as->kind, NULL));
        return UI_HANDLED;
    case ACT_RETIRE:
        area_retire(as);
        return UI_HANDLED;
    case ACT_SHOW_RETIRED:
        as->with_retired = !as->with_retired;
        area_reload(as);
        return UI_HANDLED;
    case ACT_REFRESH:
        area_reload(as);
        return UI_HANDLED;
    default:
        break;
    }
    int reload, r = search_list_key(&as->search, &as->list, a, k, &reload);
    if (reload) area_reload(as);
    return r;
}

static void area_free_screen(struct screen *s)
{
    struct area_screen *as = (struct area_screen *)s;
    area_list_free(&as->rows);
    lineedit_free(&as->search);
    free(as);
}

static const struct screen_ops area_ops = {area_draw, area_key, NULL, area_free_screen};

struct screen *screen_area_new(enum area_kind kind)
{
    struct area_screen *as = xcalloc(1, sizeof *as);
    as->base.ops = &area_ops;
    as->base.title = _("Areas and buildings");
    as->base.bar = area_bar;
    lineedit_init(&as->search, 40);
    area_set_tab(as, kind);
    return &as->base;
}
