/*
** screen_resident: 居民, the desk's most used screen. A resident walks up
** and says their name: the clerk types a Chinese fragment, pinyin initials
** (zs, zhs), a full-pinyin prefix, or the last digits of an ID or phone
** number, and the list narrows at every key. ID and phone numbers are
** masked, sensitive tags never listed, and a minor's row shows the name only.
*/
#include "app/export.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/list_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

/* How many rows a search brings: a screenful or two; typing more narrows it. */
#define RESIDENT_PAGE 100

enum { COL_NAME, COL_GENDER, COL_AGE, COL_ID, COL_PHONE, COL_GRID, COL_TAGS };

static int resident_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    time_t *now = ls->ctx;
    struct resident_hits hits;
    int rc = resident_search(ui.db, query, RESIDENT_PAGE, &hits);
    out->items = hits.items;
    out->n = hits.n;
    out->total = (int64_t)hits.total;
    out->more = hits.more;
    *now = clock_now();
    return rc;
}

static const char *resident_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    const struct resident *r = row;
    time_t now = *(const time_t *)ls->ctx;
    int minor = resident_is_minor(r, now);
    switch (col) {
    case COL_NAME:
        return r->name;
    case COL_GENDER:
        return resident_gender_text(r->gender);
    case COL_AGE: {
        int age = resident_age(r, now);
        if (age < 0) return "";
        snprintf(buf, LIST_CELL_MAX, "%d", age);
        return buf;
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

static const char *resident_above(struct list_screen *ls)
{
    return lineedit_empty(&ls->search) && ls->rows.n ? _("Registered last:") : NULL;
}

static void resident_open(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(screen_resident_view_new(((const struct resident *)row)->id));
}

static void resident_edit(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(screen_resident_form_new(((const struct resident *)row)->id));
}

static void resident_create(struct list_screen *ls)
{
    (void)ls;
    ui_push(screen_resident_form_new(0));
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
    struct stat st;
    if (lstat(path, &st) == 0) {
        char *q = xasprintf(_("%s exists already. Replace it?"), path);
        int yes = dialog_confirm(_("Export residents"), q, 0);
        free(q);
        if (!yes) {
            ui_message(UI_MSG_INFO, "%s", _("Not exported: the file is left as it was"));
            free(path);
            free(reason);
            return;
        }
    }
    struct export_options o = {sheet_format_for(path), CODEC_UTF8, unmasked, reason, actor_name()};
    size_t rows;
    char *err;
    if (export_residents(ui.db, path, &o, &rows, &err) == DB_OK) {
        char *full = path_full(path);
        ui_message(UI_MSG_INFO, _("%zu residents written to %s"), rows, full);
        free(full);
    } else {
        ui_message(UI_MSG_ERROR, "%s", err);
        free(err);
    }
    free(path);
    free(reason);
}

/* F9: export, masked (arg 0) or with full numbers (arg 1). */
static void export_run(struct screen *s, const struct command *c)
{
    (void)s;
    export_ask((int)c->arg);
}

static const struct command resident_menu[] = {
    {"import-residents", '1', N_("Import a resident ledger"),
     N_("Read a ledger (CSV, GBK/GB18030/UTF-8): preview, then import"), 0, import_command, 0,
     NULL},
    {"export-residents", '2', N_("Export residents (masked)"),
     N_("Write the register to a file, ID and mobile numbers masked"), 0, export_run, 0, NULL},
    {"export-residents-full", '3', N_("Export residents with full numbers (recorded)"),
     N_("Write the register with full numbers; asks why, and the audit log keeps it"), 0,
     export_run, 1, NULL},
    {"tags", '4', N_("Tags"), N_("The tags residents can carry, and which are sensitive"), 0, NULL,
     0, screen_tags_new},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab resident_tab = {
    .type = &resident_record,
    .cols = {{N_("Full name"), 0, 0},
             {N_("Sex"), 4, 0},
             {N_("Age"), 4, TEXT_FIT_RIGHT},
             {N_("ID number"), 18, 0},
             {N_("Mobile"), 11, 0},
             {N_("Grid"), 14, 0},
             {N_("Tags"), 10, 0}},
    .ncols = 7,
    .hint = N_("name, pinyin initials, or last digits of ID or phone"),
    .empty = N_("Nobody found. F7 registers a new resident."),
    .empty_all = N_("No residents yet. F7 registers one; F9 imports a ledger."),
    .load = resident_load,
    .cell = resident_cell,
    .open = resident_open,
    .edit = resident_edit,
    .create = resident_create,
};

static const struct list_spec resident_spec = {.title = N_("Residents"),
                                               .tabs = &resident_tab,
                                               .ntabs = 1,
                                               .menu = resident_menu,
                                               .above = resident_above,
                                               .free_ctx = free};

struct screen *screen_resident_new(void)
{
    return list_screen_new(&resident_spec, 0, xcalloc(1, sizeof(time_t)));
}
