/*
** ledgers: see ledgers.h.
*/
#include "app/ledgers.h"
#include "db/staff_store.h"
#include "src/catalogue.h"
#include "src/i18n.h"
#include "src/resident.h"
#include "src/staff.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"

/* --- staff kinds: plain records, through the shared importer and exporter ------------------- */

static const struct record_column staff_kind_columns[] = {
    {SKF_CODE, "code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code, VALIDATE_CODE_MAX},
    {SKF_NAME, "name", TEXT_NORM_PROSE, NULL, STAFF_KIND_NAME_MAX},
    {SKF_NOTE, "note", TEXT_NORM_PROSE, NULL, STAFF_KIND_NOTE_MAX},
    {0, NULL, 0, NULL, 0},
};

static int staff_kind_find_of(struct db *db, const void *rec, void *out)
{
    return staff_kind_find(db, ((const struct staff_kind *)rec)->code, out);
}

static int staff_kind_store(struct db *db, void *rec, const char *actor)
{
    return staff_kind_save(db, rec, actor);
}

static int staff_kind_all(struct db *db, void **items, size_t *n)
{
    struct staff_kind *kinds;
    int rc = staff_kind_list(db, 0, &kinds, n); /* the ledger has no column saying retired */
    *items = kinds;
    return rc;
}

static const struct record_import staff_kind_rows = {.type = &staff_kind_record,
                                                     .key_field = "code",
                                                     .key_column = SKF_CODE,
                                                     .subject = "staff_kind",
                                                     .columns = staff_kind_columns,
                                                     .find = staff_kind_find_of,
                                                     .save = staff_kind_store};

static const struct record_export staff_kind_records = {.type = &staff_kind_record,
                                                        .schema = &ledger_staff_kinds,
                                                        .columns = staff_kind_columns,
                                                        .sheet = N_("Staff kinds"),
                                                        .list = staff_kind_all};

/* --- the table ------------------------------------------------------------------------------ */

const struct ledger_kind ledger_kinds[] = {
    {"residents", N_("Import a resident ledger"), N_("residents"), &ledger_residents, NULL,
     import_residents, NULL, export_residents},
    {"catalogue", N_("Import a service catalogue"), N_("service items"), &ledger_catalogue,
     &catalogue_rows, NULL, NULL, export_catalogue},
    {"calendar", N_("Import a working-day calendar"), N_("calendar days"), &ledger_calendar,
     &calendar_rows, NULL, NULL, NULL},
    {"staff-kinds", N_("Import staff kinds"), N_("staff kinds"), &ledger_staff_kinds,
     &staff_kind_rows, NULL, &staff_kind_records, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const struct ledger_kind *ledger_kind_find(const char *name)
{
    for (const struct ledger_kind *k = ledger_kinds; k->name; k++)
        if (str_eq(k->name, name)) return k;
    return NULL;
}

int ledger_kind_imports(const struct ledger_kind *k)
{
    return k->rows || k->import;
}

int ledger_kind_exports(const struct ledger_kind *k)
{
    return k->records || k->export;
}

int ledger_import(const struct ledger_kind *k, struct db *db, struct ledger *l,
                  const struct import_options *o, struct import_report *rep, char **err)
{
    if (k->import) return k->import(db, l, o, rep, err);
    return import_records(db, k->rows, l, o, rep, err);
}

int ledger_export(const struct ledger_kind *k, struct db *db, const char *path,
                  const struct export_options *o, size_t *rows, char **err)
{
    if (k->export) return k->export(db, path, o, rows, err);
    return export_records(db, k->records, path, o, rows, err);
}

char *ledger_kind_names(int exported)
{
    struct strbuf sb = STRBUF_INIT;
    for (const struct ledger_kind *k = ledger_kinds; k->name; k++)
        if (exported ? ledger_kind_exports(k) : ledger_kind_imports(k))
            strbuf_addf(&sb, "%s%s", sb.len ? "|" : "", k->name);
    return strbuf_detach(&sb);
}
