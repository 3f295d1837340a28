/*
** screen_resident: 居民, the desk's most used screen. A resident walks up
** and says their name: the clerk types a Chinese fragment, pinyin initials
** (zs, zhs), a full-pinyin prefix, or the last digits of an ID or phone
** number, and the list narrows at every key. ID and phone numbers are
** masked, sensitive tags never listed, and a minor's row shows the name only.
*/
#include "db/export.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/clock.h"
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
#include <string.h>

/* How many rows a search brings: a screenful or two; typing more narrows it. */
#define RESIDENT_PAGE 100

struct resident_screen {
    struct screen base;
    struct lineedit search;
    struct resident_hits hits;
    struct list_column cols[7];
    struct listview list;
    unsigned generation;
    time_t now;
    char cell[32];
};

static const enum action resident_bar[] = {ACT_SEARCH, ACT_EDIT, ACT_REFRESH,
                                           ACT_NEW,    ACT_MENU, ACT_NONE};

enum { COL_NAME, COL_GENDER, COL_AGE, COL_ID, COL_PHONE, COL_GRID, COL_TAGS };

static const char *resident_cell(void *ctx, int row, int col)
{
    struct resident_screen *rs = ctx;
    const struct resident *r = &rs->hits.items[row];
    int minor = resident_is_minor(r, rs->now);
    switch (col) {
    case COL_NAME:
        return r->name;
    case COL_GENDER:
        return resident_gender_text(r->gender);
    case COL_AGE: {
        int age = resident_age(r, rs->now);
        if (age < 0) return "";
        snprintf(rs->cell, sizeof rs->cell, "%d", age);
        return rs->cell;
    }
    case COL_ID:
        return minor ? _("(minor)") : r->id_number;
    case COL_PHONE:
        return minor ? "" : r->phone;
    case COL_GRID:
        return *r->grid ? r->grid : r->community;
    default:
        return minor ? "" : r->tags;
    }
}

static void resident_reload(struct resident_screen *rs)
{
    int64_t keep = rs->list.sel >= 0 && (size_t)rs->list.sel < rs->hits.n
                       ? rs->hits.items[rs->list.sel].id
                       : 0;
    if (ui.saved_id) keep = ui.saved_id;
    ui.saved_id = 0;
    char *q = lineedit_text(&rs->search);
    resident_hits_free(&rs->hits);
    int rc = resident_search(ui.db, q, RESIDENT_PAGE, &rs->hits);
    free(q);
    if (rc != DB_OK) ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    listview_set_count(&rs->list, (int)rs->hits.n);
    for (size_t i = 0; keep && i < rs->hits.n; i++)
        if (rs->hits.items[i].id == keep) rs->list.sel = (int)i;
    rs->generation = ui.generation;
    rs->now = clock_now();
}

static void resident_draw(struct screen *s, int top, int rows)
{
    struct resident_screen *rs = (struct resident_screen *)s;
    if (rs->generation != ui.generation) resident_reload(rs);
    char *count = rs->hits.more ? xasprintf(_("more than %zu"), rs->hits.total)
                                : xasprintf(_("%zu found"), rs->hits.total);
    search_line_draw(&rs->search, top, _("name, pinyin initials, or last digits of ID or phone"),
                     count, s);
    free(count);
    if (lineedit_empty(&rs->search) && rs->hits.n)
        draw_text(top + 1, 1, COLS - 2, _("Registered last:"), term_attr(UI_DIM), 0);
    listview_draw(&rs->list, top + 2, 0, rows - 2, COLS);
    if (rs->hits.n == 0)
        draw_text(top + 4, 2, COLS - 4,
                  lineedit_empty(&rs->search)
                      ? _("No residents yet. F7 registers one; F9 imports a ledger.")
                      : _("Nobody found. F7 registers a new resident."),
                  term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static int64_t selected_id(struct resident_screen *rs)
{
    if (rs->list.sel < 0 || (size_t)rs->list.sel >= rs->hits.n) {
        ui_message(UI_MSG_ERROR, "%s", _("No row is selected"));
        return 0;
    }
    return rs->hits.items[rs->list.sel].id;
}

/* Export the register to a file, asking where (and, for full numbers, why). */
static void export_ask(int unmasked)
{
    char *reason = NULL, *path = NULL;
    if (unmasked && !dialog_input(_("Export with full numbers"),
                                  _("Full ID and phone numbers leave the program: the export is "
                                    "recorded. Why is it needed?"),
                                  NULL, 100, &reason))
        return;
    if (unmasked && str_empty(reason)) {
        ui_message(UI_MSG_ERROR, "%s", _("Not exported: a reason is needed"));
        free(reason);
        return;
    }
    if (!dialog_input(_("Export residents"),
                      _("File to write (.csv: UTF-8 for Excel; .xlsx: Excel workbook):"),
                      "residents.xlsx", 255, &path)) {
        free(reason);
        return;
    }
    struct export_options o = {sheet_format_for(path), CODEC_UTF8, unmasked, reason, actor_name()};
    size_t rows;
    char *err;
    if (export_residents(ui.db, path, &o, &rows, &err) == DB_OK) {
        ui_message(UI_MSG_INFO, _("%zu residents written to %s"), rows, path);
    } else {
        ui_message(UI_MSG_ERROR, "%s", err);
        free(err);
    }
    free(path);
    free(reason);
}

static void resident_menu(void)
{
    const char *options[] = {_("Import a resident ledger"), _("Export residents (masked)"),
                             _("Export residents with full numbers (recorded)"), _("Tags")};
    switch (dialog_options(_("Residents"), _("What next?"), options, 4)) {
    case 0:
        ui_push(screen_import_new());
        break;
    case 1:
        export_ask(0);
        break;
    case 2:
        export_ask(1);
        break;
    case 3:
        ui_push(screen_tags_new());
        break;
    default:
        break;
    }
}

static int resident_key(struct screen *s, enum action a, const struct key *k)
{
    struct resident_screen *rs = (struct resident_screen *)s;
    int64_t id;
    switch (a) {
    case ACT_ENTER:
        if ((id = selected_id(rs)) != 0) ui_push(screen_resident_view_new(id));
        return UI_HANDLED;
    case ACT_EDIT:
        if ((id = selected_id(rs)) != 0) ui_push(screen_resident_form_new(id));
        return UI_HANDLED;
    case ACT_NEW:
        ui_push(screen_resident_form_new(0));
        return UI_HANDLED;
    case ACT_MENU:
        resident_menu();
        return UI_HANDLED;
    case ACT_REFRESH:
        resident_reload(rs);
        return UI_HANDLED;
    default:
        break;
    }
    int reload, r = search_list_key(&rs->search, &rs->list, a, k, &reload);
    if (reload) resident_reload(rs);
    return r;
}

static void resident_free_screen(struct screen *s)
{
    struct resident_screen *rs = (struct resident_screen *)s;
    resident_hits_free(&rs->hits);
    lineedit_free(&rs->search);
    free(rs);
}

static const struct screen_ops resident_ops = {resident_draw, resident_key, NULL,
                                               resident_free_screen};

struct screen *screen_resident_new(void)
{
    struct resident_screen *rs = xcalloc(1, sizeof *rs);
    rs->base.ops = &resident_ops;
    rs->base.title = _("Residents");
    rs->base.bar = resident_bar;
    lineedit_init(&rs->search, 40);
    const struct list_column cols[] = {
        {_("Full name"), 0, 0},  {_("Sex"), 4, 0},     {_("Age"), 4, TEXT_FIT_RIGHT},
        {_("ID number"), 18, 0}, {_("Mobile"), 11, 0}, {_("Grid"), 14, 0},
        {_("Tags"), 10, 0},
    };
    memcpy(rs->cols, cols, sizeof cols);
    rs->list = (struct listview){rs->cols, 7, 0, -1, 0, 1, resident_cell, NULL, rs};
    resident_reload(rs);
    return &rs->base;
}
