/*
** export: see export.h.
*/
#include "db/export.h"
#include "db/resident_store.h"
#include "src/i18n.h"
#include "src/ledger.h"
#include "src/resident.h"

#include <stdlib.h>
#include <string.h>

/* The columns, in order, and how each is written. */
static const struct {
    enum ledger_field field;
    unsigned flags;
} columns[] = {
    {LF_NAME, SHEET_GUARD},    {LF_GENDER, 0},
    {LF_ETHNICITY, 0},         {LF_BIRTH, 0},
    {LF_ID, SHEET_TEXT},       {LF_PHONE, SHEET_TEXT},
    {LF_LANDLINE, SHEET_TEXT}, {LF_COMMUNITY, SHEET_GUARD},
    {LF_GRID, SHEET_GUARD},    {LF_ADDRESS, SHEET_GUARD},
    {LF_TAGS, SHEET_GUARD},    {LF_NOTE, SHEET_GUARD},
};

#define NCOLS (sizeof columns / sizeof columns[0])

/* A resident's cells, masked unless unmasked. Strings in *keep are freed by the caller. */
static void cells_of(const struct resident *r, int unmasked, const char **cells, char **keep)
{
    keep[0] = unmasked ? xstrdup(r->id_number) : resident_masked_id(r->id_number);
    keep[1] = unmasked ? xstrdup(r->phone) : resident_masked_phone(r->phone);
    for (size_t i = 0; i < NCOLS; i++) {
        enum ledger_field f = columns[i].field;
        cells[i] = f == LF_ID ? keep[0] : f == LF_PHONE ? keep[1] : ledger_value(r, f);
    }
}

struct export_state {
    struct sheet *sheet;
    const struct export_options *o;
    size_t rows;
    char *err;
    unsigned flags[NCOLS]; /* columns[].flags, as sheet_row() takes them */
};

static int export_row(void *ctx, const struct resident *r)
{
    struct export_state *x = ctx;
    const char *cells[NCOLS];
    char *keep[2];
    cells_of(r, x->o->unmasked, cells, keep);
    size_t bad;
    char *why;
    int ok = sheet_row(x->sheet, cells, x->flags, NCOLS, &bad, &why) == 0;
    if (!ok) {
        /* Line 1 is the header. */
        x->err =
            xasprintf(_("line %zu (%s), column %s: %s; nothing was written"), x->rows + 2, r->name,
                      bad < NCOLS ? ledger_field_header(columns[bad].field) : "", why);
        free(why);
    }
    free(keep[0]);
    free(keep[1]);
    x->rows += ok;
    return ok;
}

int export_residents(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                     char **err)
{
    *rows = 0;
    *err = NULL;
    if (o->unmasked && (!o->reason || !*o->reason)) {
        *err = xstrdup(_("an export with full ID and phone numbers needs a reason"));
        return DB_INVALID;
    }
    struct export_state x = {NULL, o, 0, NULL, {0}};
    for (size_t i = 0; i < NCOLS; i++)
        x.flags[i] = columns[i].flags;
    if (sheet_open(path, o->format, o->codec, _("Residents"), &x.sheet, err) != 0) return DB_ERROR;
    const char *header[NCOLS];
    unsigned flags[NCOLS] = {0};
    for (size_t i = 0; i < NCOLS; i++)
        header[i] = ledger_field_header(columns[i].field);
    size_t bad;
    if (sheet_row(x.sheet, header, flags, NCOLS, &bad, err) != 0) {
        sheet_abort(x.sheet);
        return DB_ERROR;
    }
    int rc = resident_each(db, o->unmasked, export_row, &x);
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
