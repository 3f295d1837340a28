/*
** export: see export.h.
*/
#include "app/export.h"
#include "db/post_store.h"
#include "src/post.h"
#include "db/user_store.h"
#include "src/roles.h"
#include "src/text.h"
#include "app/import.h"
#include "db/catalogue_store.h"
#include "db/resident_store.h"
#include "src/catalogue.h"
#include "src/request.h"
#include "src/i18n.h"
#include "src/ledger.h"
#include "src/resident.h"
#include "db/volunteer_store.h"
#include "src/volunteer.h"

#include <stdlib.h>
#include <string.h>

/* The columns, in order, and how each is written. */
static const struct {
    enum ledger_field field;
    unsigned flags;
} columns[] = {
    {LF_NAME, 0},
    {LF_GENDER, 0},
    {LF_ETHNICITY, 0},
    {LF_BIRTH, 0},
    {LF_ID, SHEET_TEXT},
    {LF_PHONE, SHEET_TEXT},
    {LF_LANDLINE, SHEET_TEXT},
    {LF_COMMUNITY, 0},
    {LF_GRID, 0},
    {LF_ADDRESS, 0},
    {LF_TAGS, 0},
    {LF_NOTE, 0},
};

#define NCOLS (sizeof columns / sizeof columns[0])

/*
** With those moved out, deceased or merged (--all), a last column says each
** one's status: 在册, or 迁出 with when and where to, 死亡 with when, 已合并
** with the record. An import of the file reads past it, naming it.
*/
#define STATUS_HEADER "状态"

/*
** Why row line (1 is the header) could not be written, from what
** sheet_row() said (why, taken): a cell the encoding has no code for,
** named by line, the record (who: a resident's name, an item's code; NULL
** for none) and column header, so the clerk can find and fix it; or the
** file itself (bad past the last column: a full disk), named as such.
*/
static char *row_error(size_t line, const char *who, size_t bad, size_t ncols, const char *header,
                       char *why)
{
    if (bad >= ncols) return why;
    char *msg =
        who ? xasprintf(_("line %zu (%s), column %s: %s; nothing was written"), line, who, header,
                        why)
            : xasprintf(_("line %zu, column %s: %s; nothing was written"), line, header, why);
    free(why);
    return msg;
}

/*
** A resident's cells, masked unless unmasked, and with status its status
** last. Strings in keep[0..2] are freed by the caller.
*/
static void cells_of(const struct resident *r, int unmasked, int status, const char **cells,
                     char **keep)
{
    keep[0] = unmasked ? xstrdup(r->id_number) : resident_masked_id(r->id_number);
    keep[1] = unmasked ? xstrdup(r->phone) : resident_masked_phone(r->phone);
    keep[2] = status ? resident_status_line(r) : NULL;
    for (size_t i = 0; i < NCOLS; i++) {
        enum ledger_field f = columns[i].field;
        cells[i] = f == LF_ID ? keep[0] : f == LF_PHONE ? keep[1] : ledger_value(r, f);
    }
    if (status) cells[NCOLS] = *keep[2] ? keep[2] : resident_status_label(RESIDENT_PRESENT);
}

struct export_state {
    struct sheet *sheet;
    const struct export_options *o;
    size_t rows;
    char *err;
    size_t ncols;              /* NCOLS, and one more for the status */
    unsigned flags[NCOLS + 1]; /* columns[].flags, as sheet_row() takes them */
};

static int export_row(void *ctx, const struct resident *r)
{
    struct export_state *x = ctx;
    const char *cells[NCOLS + 1];
    char *keep[3];
    cells_of(r, x->o->unmasked, x->ncols > NCOLS, cells, keep);
    size_t bad;
    char *why;
    int ok = sheet_row(x->sheet, cells, x->flags, x->ncols, &bad, &why) == 0;
    if (!ok) {
        x->err = row_error(x->rows + 2, r->name, bad, x->ncols,
                           bad < NCOLS    ? ledger_field_header(columns[bad].field)
                           : bad == NCOLS ? STATUS_HEADER
                                          : "",
                           why);
    }
    for (int i = 0; i < 3; i++)
        free(keep[i]);
    x->rows += ok;
    return ok;
}

/*
** An export with full numbers is open only to a role that may make one:
** DB_OK, or DB_DENIED (or an error) with *err saying so. A masked export is
** open to everyone.
*/
static int unmasked_allowed(struct db *db, const struct export_options *o, char **err)
{
    if (!o->unmasked) return DB_OK;
    int rc = user_allowed(db, o->actor, RIGHT_EXPORT_UNMASKED);
    if (rc == DB_DENIED)
        *err = xstrdup(_("your role may not export full ID and phone numbers"));
    else if (rc != DB_OK)
        *err = xstrdup(db_rc_message(rc));
    return rc;
}

int export_residents(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                     char **err)
{
    *rows = 0;
    *err = NULL;
    if (o->unmasked && text_blank(o->reason)) {
        *err = xstrdup(_("an export with full ID and phone numbers needs a reason"));
        return DB_INVALID;
    }
    int rc = unmasked_allowed(db, o, err);
    if (rc != DB_OK) return rc;
    struct export_state x = {NULL, o, 0, NULL, NCOLS + (o->filter && o->filter->all), {0}};
    for (size_t i = 0; i < NCOLS; i++)
        x.flags[i] = columns[i].flags;
    if (sheet_open(path, o->format, o->codec, _("Residents"), &x.sheet, err) != 0) return DB_ERROR;
    const char *header[NCOLS + 1];
    unsigned flags[NCOLS + 1] = {0};
    for (size_t i = 0; i < NCOLS; i++)
        header[i] = ledger_field_header(columns[i].field);
    header[NCOLS] = STATUS_HEADER;
    size_t bad;
    if (sheet_row(x.sheet, header, flags, x.ncols, &bad, err) != 0) {
        sheet_abort(x.sheet);
        return DB_ERROR;
    }
    rc = resident_each(db, o->unmasked, o->filter ? o->filter : &(struct resident_filter){0},
                       export_row, &x);
    if (rc == DB_OK && x.err) rc = DB_INVALID;
    if (rc == DB_OK && o->unmasked) {
        char *detail = xasprintf("%s: %zu residents, %s", path, x.rows, o->reason);
        rc = audit_append(db, o->actor, "export-unmasked", "resident:*", detail);
        free(detail);
    }
    if (rc != DB_OK) {
        sheet_abort(x.sheet);
        *err = x.err ? x.err : xstrdup(db_rc_message(rc));
        return rc;
    }
    if (sheet_close(x.sheet, err) != 0) return DB_ERROR;
    *rows = x.rows;
    return DB_OK;
}

/* What writing the requests keeps between rows. */
struct request_export {
    struct sheet *sheet;
    const struct export_options *o;
    size_t rows;
    char *err;
};

static int request_row(void *ctx, const struct request *r)
{
    struct request_export *x = ctx;
    char *cells[RQF_COUNT];
    unsigned flags[RQF_COUNT] = {0};
    for (int f = 0; f < RQF_COUNT; f++)
        cells[f] = request_ledger_value(r, (enum request_ledger_field)f);
    if (!x->o->unmasked) text_mask_number(cells[RQF_PHONE], 11, cells[RQF_PHONE]);
    flags[RQF_NUMBER] = flags[RQF_PHONE] = SHEET_TEXT;
    size_t bad;
    char *why;
    int failed = sheet_row(x->sheet, (const char *const *)cells, flags, RQF_COUNT, &bad, &why);
    if (failed) {
        x->err =
            row_error(x->rows + 2, NULL, bad, RQF_COUNT,
                      bad < RQF_COUNT ? ledger_schema_header(&ledger_requests, (int)bad) : "", why);
    }
    for (int f = 0; f < RQF_COUNT; f++)
        free(cells[f]);
    x->rows += !failed;
    return failed;
}

int export_sheet_start(const char *path, const struct export_options *o, const char *name,
                       const struct ledger_schema *schema, struct sheet **out, char **err)
{
    if (sheet_open(path, o->format, o->codec, name, out, err) != 0) return -1;
    const char *header[LEDGER_FIELDS_MAX];
    unsigned flags[LEDGER_FIELDS_MAX] = {0};
    for (int f = 0; f < schema->nfields; f++)
        header[f] = ledger_schema_header(schema, f);
    size_t bad;
    if (sheet_row(*out, header, flags, (size_t)schema->nfields, &bad, err) == 0) return 0;
    sheet_abort(*out);
    *out = NULL;
    return -1;
}

int export_requests(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                    char **err)
{
    *rows = 0;
    *err = NULL;
    if (o->unmasked && text_blank(o->reason)) {
        *err = xstrdup(_("an export with full phone numbers needs a reason"));
        return DB_INVALID;
    }
    int allowed = unmasked_allowed(db, o, err);
    if (allowed != DB_OK) return allowed;
    struct request_export x = {NULL, o, 0, NULL};
    if (export_sheet_start(path, o, _("Requests"), &ledger_requests, &x.sheet, err) != 0)
        return DB_ERROR;
    /* Only what the exporter may see: a unit handler their unit's, a building chief their
     * buildings'. */
    struct request_filter f = o->requests ? *o->requests : (struct request_filter){.level = -1};
    f.scope_of = o->actor;
    int rc = request_queue_each(db, o->requests ? o->queue : QUEUE_ALL, &f,
                                o->requests ? o->sort : SORT_NEWEST, request_row, &x);
    if (rc == DB_OK && x.err) rc = DB_INVALID;
    if (rc == DB_OK && o->unmasked) {
        char *detail = xasprintf("%s: %zu requests, %s", path, x.rows, o->reason);
        rc = audit_append(db, o->actor, "export-unmasked", "request:*", detail);
        free(detail);
    }
    if (rc != DB_OK) {
        sheet_abort(x.sheet);
        *err = x.err ? x.err : xstrdup(db_rc_message(rc));
        return rc;
    }
    if (sheet_close(x.sheet, err) != 0) return DB_ERROR;
    *rows = x.rows;
    return DB_OK;
}

/* The catalogue's columns, in the order bangban writes them (and reads them back). */
static const enum catalogue_field catalogue_columns[] = {
    CF_CODE,       CF_NAME,      CF_CATEGORY, CF_UNIT,    CF_UNIT_CODE,   CF_UNIT_KIND,
    CF_UNIT_PHONE, CF_MATERIALS, CF_ACCEPT,   CF_RESOLVE, CF_DESCRIPTION,
};

#define NCAT (sizeof catalogue_columns / sizeof catalogue_columns[0])

int export_catalogue(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                     char **err)
{
    *rows = 0;
    *err = NULL;
    struct item_list items;
    struct unit_list units;
    int rc = item_list(db, "", 0, 0, &items);
    if (rc == DB_OK && (rc = unit_list(db, "", CATALOGUE_WITH_RETIRED, &units)) != DB_OK)
        item_list_free(&items);
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    struct sheet *sh;
    if (sheet_open(path, o->format, o->codec, _("Catalogue"), &sh, err) != 0) {
        item_list_free(&items);
        unit_list_free(&units);
        return DB_ERROR;
    }
    const char *cells[NCAT];
    unsigned flags[NCAT];
    for (size_t i = 0; i < NCAT; i++) {
        cells[i] = ledger_schema_header(&ledger_catalogue, (int)catalogue_columns[i]);
        flags[i] = 0;
    }
    size_t bad;
    rc = sheet_row(sh, cells, flags, NCAT, &bad, err) == 0 ? DB_OK : DB_ERROR;
    for (size_t i = 0; i < NCAT; i++)
        flags[i] = catalogue_columns[i] == CF_UNIT_PHONE ? SHEET_TEXT : 0;
    for (size_t r = 0; rc == DB_OK && r < items.n; r++) {
        const struct service_item *it = &items.items[r];
        const struct unit *u = NULL;
        for (size_t k = 0; k < units.n; k++)
            if (units.items[k].id == it->unit_id) u = &units.items[k];
        char *accept = catalogue_accept_text(it->accept_minutes);
        char *resolve = catalogue_resolve_text(it->resolve_amount, it->resolve_unit);
        const char *category = request_word_zh(request_categories, it->category);
        const char *values[CF_COUNT] = {
            [CF_CODE] = it->code,
            [CF_NAME] = it->name,
            [CF_CATEGORY] = category ? category : it->category,
            [CF_UNIT] = it->unit_name,
            [CF_UNIT_CODE] = u ? u->code : "",
            [CF_UNIT_KIND] = u ? u->kind : "",
            [CF_UNIT_PHONE] = u ? u->phone : "",
            [CF_MATERIALS] = it->materials,
            [CF_ACCEPT] = accept,
            [CF_RESOLVE] = resolve,
            [CF_DESCRIPTION] = it->description,
        };
        for (size_t i = 0; i < NCAT; i++)
            cells[i] = values[catalogue_columns[i]];
        char *why;
        if (sheet_row(sh, cells, flags, NCAT, &bad, &why) != 0) {
            *err = row_error(
                r + 2, it->code, bad, NCAT,
                bad < NCAT ? ledger_schema_header(&ledger_catalogue, (int)catalogue_columns[bad])
                           : "",
                why);
            rc = DB_INVALID;
        }
        free(accept);
        free(resolve);
    }
    size_t n = items.n;
    item_list_free(&items);
    unit_list_free(&units);
    if (rc != DB_OK) {
        sheet_abort(sh);
        return rc;
    }
    if (sheet_close(sh, err) != 0) return DB_ERROR;
    *rows = n;
    return DB_OK;
}

/* True when a record of type t holds a number shown masked (FIELD_SECRET). */
static int has_secret(const struct record_type *t)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (t->fields[i].flags & FIELD_SECRET) return 1;
    return 0;
}

static int post_order(const void *a, const void *b)
{
    const struct post *x = a, *y = b;
    int c = strcmp(x->place_code, y->place_code);
    if (!c) c = (x->kind > y->kind) - (x->kind < y->kind);
    if (!c) c = strcmp(x->start_on, y->start_on);
    return c;
}

int export_posts(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                 char **err)
{
    *rows = 0;
    *err = NULL;
    if (o->unmasked && text_blank(o->reason)) {
        *err = xstrdup(_("an export with full phone numbers needs a reason"));
        return DB_INVALID;
    }
    int rc = unmasked_allowed(db, o, err);
    if (rc != DB_OK) return rc;
    struct post_filter f = {.kind = -1, .place = -1};
    struct post *posts;
    size_t n;
    if ((rc = post_list(db, &f, &posts, &n)) != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    qsort(posts, n, sizeof *posts, post_order);
    struct sheet *sh;
    if (sheet_open(path, o->format, o->codec, _("Posts"), &sh, err) != 0) {
        record_array_free(&post_record, posts, n);
        return DB_ERROR;
    }
    const char *cells[PLF_COUNT];
    unsigned flags[PLF_COUNT] = {0};
    for (int i = 0; i < PLF_COUNT; i++)
        cells[i] = ledger_schema_header(&ledger_posts, i);
    size_t bad;
    rc = sheet_row(sh, cells, flags, PLF_COUNT, &bad, err) == 0 ? DB_OK : DB_ERROR;
    flags[PLF_PHONE] = SHEET_TEXT;
    for (size_t r = 0; rc == DB_OK && r < n; r++) {
        const struct post *p = &posts[r];
        char *phone = xstrdup(p->staff_phone);
        if (!o->unmasked) text_mask_number(phone, 11, phone);
        const char *values[PLF_COUNT] = {
            [PLF_KIND] = p->kind >= 0 ? _(post_kind_info((enum post_kind)p->kind)->label) : "",
            [PLF_PLACE_CODE] = p->place_code,
            [PLF_PLACE_NAME] = p->place_name,
            [PLF_NAME] = p->staff_name,
            [PLF_PHONE] = phone,
            [PLF_STAFF_KIND] = p->staff_kind,
            [PLF_EMPLOYER] = p->staff_employer,
            [PLF_FROM] = p->start_on,
            [PLF_TO] = p->end_on,
            [PLF_BY] = p->appointed_by,
            [PLF_NOTE] = p->note,
        };
        char *why;
        if (sheet_row(sh, values, flags, PLF_COUNT, &bad, &why) != 0) {
            *err = row_error(r + 2, p->staff_name, bad, PLF_COUNT,
                             bad < PLF_COUNT ? ledger_schema_header(&ledger_posts, (int)bad) : "",
                             why);
            rc = DB_INVALID;
        }
        free(phone);
    }
    if (rc == DB_OK && o->unmasked) {
        char *detail = xasprintf("%s: %zu posts, %s", path, n, o->reason);
        rc = audit_append(db, o->actor, "export-unmasked", "post:*", detail);
        free(detail);
    }
    record_array_free(&post_record, posts, n);
    if (rc != DB_OK) {
        sheet_abort(sh);
        if (!*err) *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    if (sheet_close(sh, err) != 0) return DB_ERROR;
    *rows = n;
    return DB_OK;
}

int export_records(struct db *db, const struct record_export *re, const char *path,
                   const struct export_options *o, size_t *rows, char **err)
{
    *rows = 0;
    *err = NULL;
    /* Numbers are masked, as lists show them, unless the export is unmasked (asked, allowed). */
    int unmasked = o->unmasked && has_secret(re->type);
    if (unmasked && text_blank(o->reason)) {
        *err = xstrdup(_("an export with full ID and phone numbers needs a reason"));
        return DB_INVALID;
    }
    int rc = unmasked ? unmasked_allowed(db, o, err) : DB_OK;
    if (rc != DB_OK) return rc;
    void *items;
    size_t n;
    rc = re->list(db, o->actor, &items, &n);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        return rc;
    }
    struct sheet *sh;
    if (sheet_open(path, o->format, o->codec, _(re->sheet), &sh, err) != 0) {
        record_array_free(re->type, items, n);
        return DB_ERROR;
    }
    /* Each column once: the first entry for it (an import may read one column into two fields). */
    size_t ncols = 0;
    const struct record_column **col = NULL;
    for (const struct record_column *c = re->columns; c->field; c++) {
        size_t k = 0;
        while (k < ncols && col[k]->column != c->column)
            k++;
        if (k < ncols) continue;
        col = xrealloc(col, (ncols + 1) * sizeof *col);
        col[ncols++] = c;
    }
    const char **cells = xcalloc(ncols + 1, sizeof *cells);
    unsigned *flags = xcalloc(ncols + 1, sizeof *flags);
    for (size_t i = 0; i < ncols; i++)
        cells[i] = ledger_schema_header(re->schema, col[i]->column);
    size_t bad;
    rc = sheet_row(sh, cells, flags, ncols, &bad, err) == 0 ? DB_OK : DB_ERROR;
    /*
    ** In a workbook a text field stays text even of digits alone (a phone, a
    ** code), counts are numbers; CSV is as it was (no tab before a phone
    ** Excel would not change: only IDs and mobiles take it).
    */
    for (size_t i = 0; i < ncols; i++) {
        int f = record_field_index(re->type, col[i]->field);
        flags[i] = o->format == SHEET_XLSX && f >= 0 && re->type->fields[f].kind == FIELD_TEXT
                       ? SHEET_TEXT
                       : 0;
    }
    char **shown = xcalloc(ncols + 1, sizeof *shown);
    for (size_t r = 0; rc == DB_OK && r < n; r++) {
        const void *rec = (const char *)items + r * re->type->size;
        for (size_t i = 0; i < ncols; i++) {
            /*
            ** A text as it is; a number in decimal, an id as the name it points
            ** at; a secret number masked unless unmasked.
            */
            int f = record_field_index(re->type, col[i]->field);
            const struct field_desc *fd = f >= 0 ? &re->type->fields[f] : NULL;
            free(shown[i]);
            shown[i] = re->cell ? re->cell(rec, col[i]->column) : NULL;
            if (!shown[i] && fd &&
                (fd->kind != FIELD_TEXT || (!unmasked && (fd->flags & FIELD_SECRET))))
                shown[i] = record_field_shown(re->type, (size_t)f, rec);
            cells[i] = shown[i] ? shown[i] : record_text(re->type, rec, col[i]->field);
        }
        char *why;
        if (sheet_row(sh, cells, flags, ncols, &bad, &why) != 0) {
            *err = row_error(r + 2, NULL, bad, ncols,
                             bad < ncols ? ledger_schema_header(re->schema, col[bad]->column) : "",
                             why);
            rc = DB_INVALID;
        }
    }
    for (size_t i = 0; i < ncols; i++)
        free(shown[i]);
    free(shown);
    free(cells);
    free(flags);
    free(col);
    record_array_free(re->type, items, n);
    if (rc == DB_OK && unmasked) {
        char *detail = xasprintf("%s: %zu %s, %s", path, n, re->type->name, o->reason);
        char *subject = xasprintf("%s:*", re->type->name);
        rc = audit_append(db, o->actor, "export-unmasked", subject, detail);
        free(subject);
        free(detail);
        if (rc != DB_OK) *err = xstrdup(db_rc_message(rc));
    }
    if (rc != DB_OK) {
        sheet_abort(sh);
        return rc;
    }
    if (sheet_close(sh, err) != 0) return DB_ERROR;
    *rows = n;
    return DB_OK;
}

/* What writing the volunteers keeps between rows. */
struct volunteer_export {
    struct sheet *sheet;
    const struct export_options *o;
    size_t rows;
    char *err;
};

static int volunteer_row(void *ctx, const struct volunteer *v)
{
    struct volunteer_export *x = ctx;
    char *id = x->o->unmasked ? xstrdup(v->id_number) : resident_masked_id(v->id_number);
    char *phone = x->o->unmasked ? xstrdup(v->phone) : resident_masked_phone(v->phone);
    const char *cells[VF_COUNT] = {
        [VF_NUMBER] = v->number,
        [VF_NATIONAL] = v->national_code,
        [VF_NAME] = v->name,
        [VF_GENDER] = v->gender == 'M'   ? "男"
                      : v->gender == 'F' ? "女"
                                         : "",
        [VF_BIRTH] = v->birth_date,
        [VF_ID_TYPE] = v->id_type,
        [VF_ID] = id,
        [VF_PHONE] = phone,
        [VF_COMMUNITY] = v->community,
        [VF_SKILLS] = v->skills,
        [VF_PARTY] = v->party_member ? "是" : "否",
        [VF_REGISTERED] = v->registered_on,
        [VF_STATUS] = volunteer_status_label(v->status),
    };
    unsigned flags[VF_COUNT] = {
        [VF_NUMBER] = SHEET_TEXT, [VF_ID] = SHEET_TEXT, [VF_PHONE] = SHEET_TEXT};
    size_t bad;
    char *why;
    int failed = sheet_row(x->sheet, cells, flags, VF_COUNT, &bad, &why);
    if (failed)
        x->err = row_error(x->rows + 2, v->number, bad, VF_COUNT,
                           bad < VF_COUNT ? ledger_schema_header(&ledger_volunteers, (int)bad) : "",
                           why);
    free(id);
    free(phone);
    x->rows += !failed;
    return !failed;
}

int export_volunteers(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                      char **err)
{
    *rows = 0;
    *err = NULL;
    if (o->unmasked && text_blank(o->reason)) {
        *err = xstrdup(_("an export with full ID and phone numbers needs a reason"));
        return DB_INVALID;
    }
    int rc = unmasked_allowed(db, o, err);
    if (rc != DB_OK) return rc;
    struct volunteer_export x = {NULL, o, 0, NULL};
    if (export_sheet_start(path, o, _("Volunteers"), &ledger_volunteers, &x.sheet, err) != 0)
        return DB_ERROR;
    rc = volunteer_each(db, volunteer_row, &x);
    if (rc == DB_OK && x.err) rc = DB_INVALID;
    if (rc == DB_OK && o->unmasked) {
        char *detail = xasprintf("%s: %zu volunteers, %s", path, x.rows, o->reason);
        rc = audit_append(db, o->actor, "export-unmasked", "volunteer:*", detail);
        free(detail);
    }
    if (rc != DB_OK) {
        sheet_abort(x.sheet);
        *err = x.err ? x.err : xstrdup(db_rc_message(rc));
        return rc;
    }
    if (sheet_close(x.sheet, err) != 0) return DB_ERROR;
    *rows = x.rows;
    return DB_OK;
}
