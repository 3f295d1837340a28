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
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/list_screen.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many rows a search brings: a screenful or two; typing more narrows it. */
#define RESIDENT_PAGE 100

enum { COL_NAME, COL_GENDER, COL_AGE, COL_ID, COL_PHONE, COL_GRID, COL_TAGS };

/* What the list keeps besides its rows: when they were read, and the filter for visits. */
struct resident_list {
    time_t now;
    struct resident_filter filter; /* its text points into the strings below */
    char *tag, *area, *address;    /* the filter's tag, area (community or grid) name, fragment */
    char *line;                    /* the filter in words, for the line above the list */
};

static void resident_list_free(void *ctx)
{
    struct resident_list *l = ctx;
    free(l->tag);
    free(l->area);
    free(l->address);
    free(l->line);
    free(l);
}

static int resident_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct resident_list *l = ls->ctx;
    l->filter.all = ls->with_retired;
    struct resident_hits hits;
    int rc = resident_search_filtered(ui.db, query, RESIDENT_PAGE, &l->filter, &hits);
    out->items = hits.items;
    out->n = hits.n;
    out->total = (int64_t)hits.total;
    out->more = hits.more;
    l->now = clock_now();
    return rc;
}

/* Rows of residents no longer on the register are dimmed. */
static int resident_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    return resident_status_of(row) != RESIDENT_PRESENT;
}

static const char *resident_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    const struct resident *r = row;
    time_t now = ((const struct resident_list *)ls->ctx)->now;
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
        return resident_id_listed(r, now);
    case COL_PHONE:
        return resident_phone_listed(r, now);
    case COL_GRID:
        return *r->grid ? r->grid : r->community;
    default:
        if (resident_status_of(r) != RESIDENT_PRESENT) {
            snprintf(buf, LIST_CELL_MAX, "%s", resident_status_label(resident_status_of(r)));
            return buf;
        }
        return minor ? "" : r->tags;
    }
}

static const char *resident_above(struct list_screen *ls)
{
    struct resident_list *l = ls->ctx;
    if (l->line) return l->line;
    return lineedit_empty(&ls->search) && ls->rows.n ? _("Registered last:") : NULL;
}

/* A visit list that keeps no one says so, not that the register is empty. */
static const char *resident_empty(struct list_screen *ls)
{
    return ((struct resident_list *)ls->ctx)->line
               ? N_("No resident matches this visit list. F9 changes or clears it.")
               : NULL;
}

/*
** How many found (nothing typed: how many are registered, the last of them
** listed), and whether those who left the register are shown. Caller frees.
*/
static char *resident_status(struct list_screen *ls)
{
    const struct list_rows *r = &ls->rows;
    long long n = r->total > (int64_t)r->n ? (long long)r->total : (long long)r->n;
    char *counted = !lineedit_empty(&ls->search) ? list_count_text(r)
                    : r->more ? xasprintf(_("more than %lld"), (long long)r->total)
                              : xasprintf(_("%lld found"), n);
    if (!ls->with_retired) return counted;
    char *both = xasprintf(_("%s, moved out and deceased shown"), counted);
    free(counted);
    return both;
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

/* F7: register a resident, named what the search typed when it reads as a name. */
static void resident_create(struct list_screen *ls)
{
    char *typed = lineedit_text(&ls->search);
    ui_push(screen_resident_form_register(typed));
    free(typed);
}

/* Export the register, or the list for visits the filter makes, asking where (and, for full
 * numbers, why). */
static void export_ask(const struct resident_filter *filter, int unmasked)
{
    char *reason = NULL, *path = NULL;
    if (unmasked && !ui_ask_export_reason(_("Full ID and phone numbers leave the program: the "
                                            "export is recorded. Why is it needed?"),
                                          &reason))
        return;
    if (!ui_ask_export(_("Export residents"),
                       _("File to write (.xlsx: Excel workbook, IDs kept as text; .csv: UTF-8):"),
                       _("residents.xlsx"), 1, &path)) {
        free(reason);
        return;
    }
    struct export_options o = {.format = sheet_format_for(path),
                               .codec = CODEC_UTF8,
                               .unmasked = unmasked,
                               .reason = reason,
                               .actor = actor_name(),
                               .filter = filter};
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
    struct resident_list *l = ((struct list_screen *)s)->ctx;
    l->filter.all = ((struct list_screen *)s)->with_retired;
    export_ask(&l->filter, (int)c->arg);
}

/* Tags to choose a list by: any, or one of them. */
static int filter_tag_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, -1, _("(any tag)"), "");
    struct tag_list tags;
    if (tag_list(ui.db, 0, &tags) != DB_OK) return -1;
    for (size_t i = 0; i < tags.n; i++)
        choice_list_offer(out, query, tags.v[i].id, tags.v[i].name, "");
    tag_list_free(&tags);
    return 0;
}

/* Areas to choose a list by: anywhere, a community, or a grid (its community beside it). */
static int filter_area_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, -1, _("(anywhere)"), "");
    struct choice_list c = {0}, g = {0};
    int rc = choices_communities(NULL, query, &c);
    if (rc == 0) rc = choices_grids(NULL, query, &g);
    for (size_t i = 0; i < c.n; i++)
        choice_list_add(out, c.items[i].id, c.items[i].label, _("community"));
    for (size_t i = 0; i < g.n; i++)
        choice_list_add(out, -2 - g.items[i].id, g.items[i].label, g.items[i].detail);
    choice_list_free(&c);
    choice_list_free(&g);
    return rc;
}

/* The filter in words, for the line above the list. */
static void filter_describe(struct resident_list *l)
{
    free(l->line);
    l->line = NULL;
    if (!resident_filter_narrows(&l->filter)) return;
    struct strbuf sb = STRBUF_INIT;
    if (l->tag) strbuf_addf(&sb, "%s", l->tag);
    if (l->area) strbuf_addf(&sb, "%s%s", sb.len ? _(", ") : "", l->area);
    if (l->address) strbuf_addf(&sb, _("%saddress holding %s"), sb.len ? _(", ") : "", l->address);
    l->line = xasprintf(_("Visit list: %s (F9 changes or clears it)"), strbuf_str(&sb));
    strbuf_free(&sb);
}

/* F9: a list for visits: residents by tag, community or grid, and a piece of the address. */
static void filter_run(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct resident_list *l = ls->ctx;
    struct choice tag, area;
    char *address = NULL;
    if (!dialog_choose(_("Visit list: tag"), filter_tag_source, NULL, NULL, &tag)) return;
    if (!dialog_choose(_("Visit list: community or grid"), filter_area_source, NULL, NULL, &area)) {
        free(tag.label);
        free(tag.detail);
        return;
    }
    if (dialog_input(_("Visit list: address"),
                     _("A piece of the address (building, street), or nothing for any:"),
                     l->address, RESIDENT_ADDRESS_MAX, &address)) {
        free(l->tag);
        free(l->area);
        free(l->address);
        l->tag = tag.id > 0 ? xstrdup(tag.label) : NULL;
        l->area = area.id != -1 ? xstrdup(area.label) : NULL;
        char *trimmed = text_trim(address);
        l->address = *trimmed ? trimmed : NULL;
        if (!*trimmed) free(trimmed);
        l->filter.tag = l->tag;
        l->filter.community_id = area.id > 0 ? area.id : 0;
        l->filter.grid_id = area.id < -1 ? -2 - area.id : 0;
        l->filter.address = l->address;
        filter_describe(l);
        lineedit_clear(&ls->search);
        list_screen_reload(ls);
    }
    free(address);
    free(tag.label);
    free(tag.detail);
    free(area.label);
    free(area.detail);
}

/* Residents to merge into: those found by the search, the record being merged away left out. */
static int merge_target_source(void *ctx, const char *query, struct choice_list *out)
{
    const struct resident *away = ctx;
    if (str_empty(query)) return 0;
    struct resident_hits hits;
    if (resident_search(ui.db, query, 50, &hits) != DB_OK) return -1;
    for (size_t i = 0; i < hits.n; i++) {
        const struct resident *r = &hits.items[i];
        if (r->id == away->id) continue;
        char *detail =
            xasprintf("%s %s %s", r->id_number, r->phone, *r->grid ? r->grid : r->address);
        choice_list_add(out, r->id, r->name, detail);
        free(detail);
    }
    resident_hits_free(&hits);
    return 0;
}

/* F9: the selected record is a second one of someone: find the record to keep, then merge. */
static void merge_run(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    const struct resident *away = list_screen_selected(ls);
    if (!away) return;
    if (resident_status_of(away) == RESIDENT_MERGED) {
        ui_message(UI_MSG_ERROR, "%s", _("Not merged: that record is merged already"));
        return;
    }
    char *title = xasprintf(_("Merge %s into which record? (search)"), away->name);
    struct choice keep;
    int chosen = dialog_choose(title, merge_target_source, (void *)(uintptr_t)away, NULL, &keep);
    free(title);
    if (!chosen) return;
    struct screen *form = screen_resident_merge_new(away->id, keep.id);
    if (form) ui_push(form);
    free(keep.label);
    free(keep.detail);
}

/* F9: back to the whole register. */
static void filter_clear(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct resident_list *l = ls->ctx;
    free(l->tag);
    free(l->area);
    free(l->address);
    l->tag = l->area = l->address = NULL;
    int all = l->filter.all;
    l->filter = (struct resident_filter){.all = all};
    filter_describe(l);
    list_screen_reload(ls);
}

static const struct command resident_menu[] = {
    {"import-residents", '1', N_("Import a resident ledger"),
     N_("Read a ledger (.xlsx or CSV): preview, then import"), RIGHT_RESIDENTS,
     import_command, 0, NULL},
    {"export-residents", '2', N_("Export residents (masked)"),
     N_("Write the register to a file, ID and mobile numbers masked"), 0, export_run, 0, NULL},
    {"export-residents-full", '3', N_("Export residents with full numbers (recorded)"),
     N_("Write the register with full numbers; asks why, and the audit log keeps it"),
     RIGHT_EXPORT_UNMASKED, export_run, 1, NULL},
    {"tags", '4', N_("Tags"), N_("The tags residents can carry, and which are sensitive"), 0, NULL,
     0, screen_tags_new},
    {"visit-list", '5', N_("List for visits: by tag, area, address"),
     N_("Only the residents with a tag, in a community or grid, at an address; F9 2 exports them"),
     0, filter_run, 0, NULL},
    {"visit-list-clear", '6', N_("Whole register again"), N_("Clear the list for visits"), 0,
     filter_clear, 0, NULL},
    {"merge", '7', N_("Merge into another record (same person)"),
     N_("The selected record is a second one of someone: find the one to keep, choose each field"),
     RIGHT_RESIDENTS, merge_run, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab resident_tab = {
    .type = &resident_record,
    .cols = {{N_("Full name"), 0, 0},
             {N_("Sex"), 4, 0},
             {N_("Age"), 4, TEXT_FIT_RIGHT},
             {N_("ID number"), 18, 0},
             {N_("Mobile"), 11, 0},
             {N_("Grid"), 16, 0}, /* 宜昌北路第4网格 whole */
             {N_("Tags"), 8, 0}},
    .ncols = 7,
    .hint = N_("name, pinyin initials, or last digits of ID or phone"),
    .empty = N_("Nobody found. F7 registers a new resident."),
    .empty_all = N_("No residents yet. F7 registers one; F9 imports a ledger."),
    .flags = LIST_RETIRED,
    .load = resident_load,
    .cell = resident_cell,
    .dim = resident_dim,
    .open = resident_open,
    .edit = resident_edit,
    .create = resident_create,
    .rights = RIGHT_RESIDENTS,
};

/* For F1: what the register is and how it is searched. */
static char *resident_about(const struct list_screen *ls)
{
    (void)ls;
    return xstrdup(
        _("The resident register. Typing searches it: part of a name, pinyin or its initials (from "
          "any syllable: sanfeng finds 张三丰), the last digits of an ID or mobile number. Enter "
          "opens a record (with its requests), F7 registers a resident, F6 shows those who moved "
          "out, died or were merged. Numbers are masked; showing one in full asks why and is "
          "recorded. F9 makes a list for visits (tag, grid, address), imports and exports."));
}

static const struct list_spec resident_spec = {.title = N_("Residents"),
                                               .about = resident_about,
                                               .tabs = &resident_tab,
                                               .ntabs = 1,
                                               .menu = resident_menu,
                                               .status = resident_status,
                                               .empty = resident_empty,
                                               .above = resident_above,
                                               .free_ctx = resident_list_free};

struct screen *screen_resident_new(void)
{
    return list_screen_new(&resident_spec, 0, xcalloc(1, sizeof(struct resident_list)));
}
