/*
** screen_area: 区域与楼宇. Four tabs (streets, communities, grids,
** buildings), each a list under a search line that narrows at every key:
** a Chinese fragment, pinyin initials or a code. Enter or F4 edits, F7
** creates, F8 retires or restores, F6 shows retired rows too. A fifth tab
** holds the organisations in the buildings (ui/screen_organisation.c); F9
** offers the staff kinds and the organisations of the building selected.
*/
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int area_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct area_list l;
    enum area_kind kind = (enum area_kind)list_screen_tab(ls)->arg;
    int rc = area_list(ui.db, kind, query, 0, ls->with_retired ? AREA_WITH_RETIRED : 0, &l);
    out->items = l.items;
    out->n = l.n;
    return rc;
}

static const char *area_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    const struct area *a = row;
    const struct list_tab *tab = list_screen_tab(ls);
    if (col == 0) return a->code;
    if (col == 1) return a->name;
    if (col == tab->ncols - 1) return a->retired ? _("Retired") : "";
    switch (a->kind) {
    case AREA_COMMUNITY:
        if (col == 2) return a->parent_name;
        break;
    case AREA_GRID:
        return col == 2 ? a->parent_name : a->workers;
    case AREA_BUILDING:
        return col == 2   ? area_building_kind_label(a->building_kind)
               : col == 3 ? a->parent_name
                          : a->grid_name;
    default:
        break;
    }
    snprintf(buf, LIST_CELL_MAX, "%lld", (long long)a->children);
    return buf;
}

static void area_edit(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct area *a = row;
    ui_push(screen_area_form_new(a->kind, a));
}

static void area_create(struct list_screen *ls)
{
    ui_push(screen_area_form_new((enum area_kind)list_screen_tab(ls)->arg, NULL));
}

static int area_retire_set(void *row, int retire, int64_t *blocking, void *current)
{
    return area_set_retired(ui.db, row, retire, actor_name(), blocking, current);
}

static const struct list_retire area_retiring = {
    .set = area_retire_set,
    .orphan = N_("Not restored: what it belongs to is retired"),
};

#define AREA_TAB(which, name)                                                                      \
    .label = name, .type = &area_record, .hint = N_("type Chinese, pinyin initials or a code"),    \
    .empty = N_("Nothing found. F7 creates a new record."), .flags = LIST_RETIRED, .arg = which,   \
    .load = area_load, .cell = area_cell, .open = area_edit, .edit = area_edit,                    \
    .create = area_create, .retiring = &area_retiring, .rights = RIGHT_EDIT_AREAS

static const struct list_tab tabs[AREA_KIND_COUNT] = {
    [AREA_STREET] = {AREA_TAB(AREA_STREET, N_("Streets")),
                     .cols = {{N_("Code"), 12, 0},
                              {N_("Name"), 0, 0},
                              {N_("Communities"), 8, TEXT_FIT_RIGHT},
                              {N_("Status"), 8, 0}},
                     .ncols = 4},
    [AREA_COMMUNITY] = {AREA_TAB(AREA_COMMUNITY, N_("Communities")),
                        .cols = {{N_("Code"), 14, 0},
                                 {N_("Name"), 0, 0},
                                 {N_("Street"), 14, 0},
                                 {N_("Grids"), 6, TEXT_FIT_RIGHT},
                                 {N_("Status"), 8, 0}},
                        .ncols = 5},
    [AREA_GRID] = {AREA_TAB(AREA_GRID, N_("Grids")),
                   .cols = {{N_("Code"), 17, 0},
                            {N_("Name"), 16, 0},
                            {N_("Community"), 14, 0},
                            {N_("Grid workers"), 0, 0},
                            {N_("Status"), 8, 0}},
                   .ncols = 5},
    [AREA_BUILDING] = {AREA_TAB(AREA_BUILDING, N_("Buildings")),
                       .cols = {{N_("Code"), 10, 0},
                                {N_("Name"), 0, 0},
                                {N_("Kind"), 8, 0},
                                {N_("Street"), 10, 0},
                                {N_("Grid"), 14, 0},
                                {N_("Status"), 6, 0}},
                       .ncols = 6},
};

/* F9 on a building: the organisations in it. */
static void building_organisations(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    const struct area *a =
        list_screen_tab(ls)->type == &area_record ? list_screen_selected(ls) : NULL;
    if (a && a->kind == AREA_BUILDING)
        ui_push(screen_organisations_new(a->id, a->name));
    else if (a)
        ui_message(UI_MSG_ERROR, "%s", _("Choose a building on the Buildings tab first"));
}

static const struct command area_menu[] = {
    {"staff-kinds", '1', N_("Staff kinds"),
     N_("The kinds of staff: 党建社工, 党建指导员, 街道干部 ..."), 0, NULL, 0,
     screen_staff_kinds_new},
    {"building-organisations", '2', N_("Organisations in this building"),
     N_("The organisations in the building chosen on the Buildings tab"), 0, building_organisations,
     0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* The four kinds of area, then the organisations in the buildings (ui/screen_organisation.c). */
static struct list_tab all_tabs[AREA_KIND_COUNT + 1];

static const struct list_spec spec = {.title = N_("Areas and buildings"),
                                      .tabs = all_tabs,
                                      .ntabs = AREA_KIND_COUNT + 1,
                                      .menu = area_menu};

struct screen *screen_area_new(enum area_kind kind)
{
    if (!all_tabs[0].type) {
        memcpy(all_tabs, tabs, sizeof tabs);
        all_tabs[AREA_KIND_COUNT] = organisation_list_tab;
    }
    return list_screen_new(&spec, (int)kind, NULL);
}
