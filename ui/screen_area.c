/*
** screen_area: 区域与楼宇. Four tabs (streets, communities, grids,
** buildings), each a list under a search line that narrows at every key:
** a Chinese fragment, pinyin initials or a code. Enter or F4 edits, F7
** creates, F8 retires or restores, F6 shows retired rows too. Under the
** buildings, the selected one's 楼长 and 楼宇指导员 today, with masked
** phones, as its lobby posts them, and its property company (物业) with
** its service phone. A fifth tab holds the organisations in
** the buildings (ui/screen_organisation.c). F9 holds the building's posts
** (history), the hand-over of its 楼长, its organisations, the staff, posts,
** blocks, the coverage, the staff kinds and its 楼宇台账 (printed or saved).
*/
#include "app/building_report.h"
#include "app/receipts.h"
#include "db/post_store.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/post.h"
#include "src/printer.h"
#include "src/staff.h"
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

/* The posts over buildings held today, read with the rows, for the line under the list. */
struct area_ctx {
    struct post *posts;
    size_t n;
    char line[512];
};

static void area_ctx_free(void *ctx)
{
    struct area_ctx *c = ctx;
    record_array_free(&post_record, c->posts, c->n);
    free(c);
}

static void area_loaded(struct list_screen *ls)
{
    struct area_ctx *c = ls->ctx;
    record_array_free(&post_record, c->posts, c->n);
    c->posts = NULL;
    c->n = 0;
    if (list_screen_tab(ls)->arg != AREA_BUILDING) return;
    struct post_filter f = {.kind = -1, .place = PLACE_BUILDING, .current_only = 1};
    if (post_list(ui.db, &f, &c->posts, &c->n) != DB_OK) {
        c->posts = NULL;
        c->n = 0;
    }
}

/* Append the holders of kind over building id to sb: "楼长 张三 138****5678". */
static void area_holders(struct strbuf *sb, const struct area_ctx *c, int64_t id, int kind)
{
    int found = 0;
    strbuf_addf(sb, "%s%s", sb->len ? "  " : "", _(post_kind_info((enum post_kind)kind)->label));
    for (size_t i = 0; i < c->n; i++) {
        const struct post *p = &c->posts[i];
        if (p->place_id != id || p->kind != kind) continue;
        char *m = staff_masked_phone(p->staff_phone);
        strbuf_addf(sb, " %s %s", p->staff_name, m);
        free(m);
        found = 1;
    }
    if (!found) strbuf_addf(sb, " %s", _("(none)"));
}

/* Under the buildings: the selected one's 楼长 and 楼宇指导员 today, and on a second line its
 * property company with its service phone (in full: the lobby posts it). */
static const char *area_footer(struct list_screen *ls)
{
    struct area_ctx *c = ls->ctx;
    if (list_screen_tab(ls)->arg != AREA_BUILDING || ls->list.sel < 0 ||
        (size_t)ls->list.sel >= ls->rows.n)
        return NULL;
    const struct area *a = list_screen_row(ls, (size_t)ls->list.sel);
    struct strbuf sb = STRBUF_INIT;
    area_holders(&sb, c, a->id, POST_BUILDING_CHIEF);
    area_holders(&sb, c, a->id, POST_BUILDING_INSTRUCTOR);
    strbuf_addf(&sb, "\n%s %s%s%s", _("Property"), *a->property ? a->property : _("(none)"),
                *a->property_phone ? " " : "", a->property_phone);
    snprintf(c->line, sizeof c->line, "%s", strbuf_str(&sb));
    strbuf_free(&sb);
    return c->line;
}

/* The selected building, or NULL with a word why not. */
static const struct area *area_building_selected(struct screen *s)
{
    struct list_screen *ls = (struct list_screen *)s;
    if (list_screen_tab(ls)->arg != AREA_BUILDING) {
        ui_message(UI_MSG_ERROR, _("Choose a building on the buildings tab first"));
        return NULL;
    }
    return list_screen_selected(ls);
}

static void area_building_posts(struct screen *s, const struct command *c)
{
    (void)c;
    const struct area *a = area_building_selected(s);
    if (a) ui_push(screen_posts_new(PLACE_BUILDING, a->id, 0, a->name));
}

/* Hand the building's 楼长 over; with none today, the form to appoint one. */
static void area_building_handover(struct screen *s, const struct command *c)
{
    (void)c;
    const struct area *a = area_building_selected(s);
    if (!a) return;
    struct post p;
    char day[11];
    struct date d = date_of(clock_now());
    date_format(&d, day);
    int rc = post_holder_on(ui.db, POST_BUILDING_CHIEF, a->id, day, &p);
    if (rc == DB_NOTFOUND) {
        ui_push(screen_post_form_new(POST_BUILDING_CHIEF, a->id, a->name));
    } else if (rc == DB_OK) {
        posts_handover_ask(p.id);
        record_free(&post_record, &p);
    } else {
        ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    }
}

/* Write the page of l to a file the clerk names: a sheet when the name ends in .csv or .xlsx. */
static void building_ledger_save(const struct building_ledger *l, const char *text, char **err)
{
    char *path = NULL, *name = xasprintf(_("building-ledger-%s.txt"), l->building.code);
    if (ui_ask_export(_("楼宇台账"), _("File to write (.csv or .xlsx: a sheet):"), name, 1,
                      &path)) {
        size_t rows = 0;
        int rc = building_report_is_sheet(path)
                     ? building_report_export(l, path, CODEC_UTF8, &rows, err)
                     : printer_save(text, path, err);
        if (rc == 0) {
            char *full = path_full(path);
            ui_message(UI_MSG_INFO, _("楼宇台账 of %s written to %s"), l->building.name, full);
            free(full);
        }
    }
    free(name);
    free(path);
}

/* F9 on a building: its 楼宇台账 printed, or saved to a file. */
static void area_building_ledger(struct screen *s, const struct command *c)
{
    (void)c;
    const struct area *a = area_building_selected(s);
    if (!a) return;
    struct building_ledger l;
    int rc = building_report_read(ui.db, a->code, actor_name(), &l);
    if (rc == DB_DENIED) {
        ui_message(UI_MSG_ERROR,
                   _("%s is not one of your buildings: a building chief prints the "
                     "楼宇台账 of their own"),
                   a->name);
        return;
    }
    if (rc != DB_OK) {
        ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
        return;
    }
    const char *options[] = {_("Print the 楼宇台账"), _("Save the 楼宇台账 to a file"),
                             _("Neither")};
    int choice = dialog_options(_("楼宇台账"), a->name, options, 3);
    char *text = choice == 0 || choice == 1 ? receipt_building_for(ui.db, &l) : NULL;
    char *err = NULL, *job = NULL;
    if (choice == 0 && printer_print(text, NULL, &job, &err) == 0) {
        if (*job)
            ui_message(UI_MSG_INFO, _("楼宇台账 of %s sent to the printer, job %s"), a->name, job);
        else
            ui_message(UI_MSG_INFO, _("楼宇台账 of %s sent to the printer"), a->name);
    } else if (choice == 1) {
        building_ledger_save(&l, text, &err);
    }
    if (err) ui_message(UI_MSG_ERROR, _("No 楼宇台账: %s"), err);
    free(err);
    free(job);
    free(text);
    building_ledger_free(&l);
}

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

static struct screen *area_posts_all(void)
{
    return screen_posts_new(-1, 0, 0, NULL);
}

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
                                {N_("Status"), 6, LIST_COL_RETIRED}},
                       .ncols = 6},
};

/* F9 on a building: the organisations in it. */
static void building_organisations(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    const struct area *a =
        list_screen_tab(ls)->type == &area_record ? list_screen_selected(ls) : NULL;
    if (a && a->kind == AREA_BUILDING && user_building_allowed(ui.db, actor_name(), a->id) != DB_OK)
        /* Another chief's: said at once, not an empty list that offers F7. */
        ui_message(UI_MSG_ERROR,
                   _("%s is not one of your buildings: a building chief sees the organisations "
                     "of their own"),
                   a->name);
    else if (a && a->kind == AREA_BUILDING)
        ui_push(screen_organisations_new(a->id, a->name));
    else if (a)
        ui_message(UI_MSG_ERROR, "%s", _("Choose a building on the Buildings tab first"));
}

static const struct command area_menu[] = {
    {"building-posts", '1', N_("Posts of this building"),
     N_("The building's 楼长 and 楼宇指导员, now and before"), 0, area_building_posts, 0, NULL},
    {"building-handover", '2', N_("Hand over the 楼长"),
     N_("The building's 楼长 hands over to another person on a day, with a note"), RIGHT_EDIT_AREAS,
     area_building_handover, 0, NULL},
    {"posts", '3', N_("Posts"), N_("Every post: 街长, 片长, 楼长, 楼宇指导员, 网格长, 网格员"), 0,
     NULL, 0, area_posts_all},
    {"staff", '4', N_("Staff"), N_("The people who hold posts"), 0, NULL, 0, screen_staff_new},
    {"blocks", '5', N_("Blocks"), N_("The blocks (片) of the streets and what they hold"), 0, NULL,
     0, screen_blocks_new},
    {"coverage", '6', N_("Coverage"),
     N_("Buildings without a 楼长, grids without a 网格员, streets without a 街长 ..."), 0, NULL, 0,
     screen_coverage_new},
    {"staff-kinds", '7', N_("Staff kinds"),
     N_("The kinds of staff: 党建社工, 党建指导员, 街道干部 ..."), 0, NULL, 0,
     screen_staff_kinds_new},
    {"building-organisations", '8', N_("Organisations in this building"),
     N_("The organisations in the building chosen on the Buildings tab"), 0, building_organisations,
     0, NULL},
    {"building-ledger", '9', N_("楼宇台账 of this building"),
     N_("The building's 楼长, 楼宇指导员 and organisations, printed or saved to a file"), 0,
     area_building_ledger, 0, NULL},
    {"import-buildings", 'a', N_("Import buildings"),
     N_("Read a buildings ledger (楼宇台账: code, name, street, grid ...): preview, then import"),
     RIGHT_EDIT_AREAS, import_command, 0, NULL},
    {"export-buildings", 'b', N_("Export buildings"),
     N_("Write the buildings to a file (.xlsx or CSV), in the columns the import reads"), 0,
     export_command, 0, NULL},
    {"import-grids", 'f', N_("Import grids"),
     N_("Read a grids ledger (网格台账: street, community, grid code and name, workers): the "
        "streets and communities it names are made; preview, then import"),
     RIGHT_EDIT_AREAS, import_command, 0, NULL},
    {"export-grids", 'g', N_("Export grids"),
     N_("Write the streets, communities and grids to a file, in the columns the import reads"), 0,
     export_command, 0, NULL},
    {"import-organisations", 'c', N_("Import organisations"),
     N_("Read an organisations ledger (一企一档): preview, then import"), RIGHT_EDIT_AREAS,
     import_command, 0, NULL},
    {"export-organisations", 'd', N_("Export organisations (masked)"),
     N_("Write the organisations to a file, phones masked, in the columns the import reads"), 0,
     export_command, 0, NULL},
    {"export-full-organisations", 'e', N_("Export organisations with full numbers (recorded)"),
     N_("Write the organisations with full phones, to import back; asks why, and the audit log "
        "keeps it"),
     RIGHT_EXPORT_UNMASKED, export_command, 1, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* The four kinds of area, then the organisations in the buildings (ui/screen_organisation.c). */
static struct list_tab all_tabs[AREA_KIND_COUNT + 1];

static const struct list_spec spec = {.title = N_("Areas and buildings"),
                                      .tabs = all_tabs,
                                      .ntabs = AREA_KIND_COUNT + 1,
                                      .menu = area_menu,
                                      .footer = area_footer,
                                      .loaded = area_loaded,
                                      .free_ctx = area_ctx_free};

/* 区域与楼宇 on tab (a kind of area, or AREA_KIND_COUNT: 企业). */
static struct screen *areas_at(int tab)
{
    if (!all_tabs[0].type) {
        memcpy(all_tabs, tabs, sizeof tabs);
        all_tabs[AREA_KIND_COUNT] = organisation_list_tab;
    }
    return list_screen_new(&spec, tab, xcalloc(1, sizeof(struct area_ctx)));
}

struct screen *screen_area_new(enum area_kind kind)
{
    return areas_at((int)kind);
}

struct screen *screen_area_organisations_new(void)
{
    return areas_at(AREA_KIND_COUNT);
}
