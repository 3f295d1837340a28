/*
** ledgers: the kinds of ledger (台账) bangban reads and writes, in one
** table: each kind's name (as the CLI verbs and the import screen call
** it), the title of its import screen, its columns (src/ledger.h), and how
** its rows are imported and its records exported — by the importer and
** exporter every ledger of plain records shares (app/import.h,
** app/export.h), or by a kind's own functions where it needs more (the
** resident register). The kinds' own pieces (column tables, how a row
** finds its record and settles what it points at) live in ledgers.c too.
** The CLI's import and export verbs, their usage text and the import
** screen all read this table: a new kind of record is one row here and its
** column table.
*/
#ifndef BANGBAN_LEDGERS_H
#define BANGBAN_LEDGERS_H

#include <stddef.h>

#include "app/export.h"
#include "app/import.h"
#include "src/ledger.h"

struct ledger_kind {
    const char *name;         /* "residents": what the CLI verbs take */
    const char *import_title; /* msgid: the import screen's title */
    const char *what;         /* msgid: what its rows are, "residents" */
    const struct ledger_schema *schema;
    /* Import: by the shared importer (rows), or the kind's own function; both NULL: not imported.
     */
    const struct record_import *rows;
    int (*import)(struct db *db, struct ledger *l, const struct import_options *o,
                  struct import_report *rep, char **err);
    /* The dry run of the kind's own import; NULL: the shared importer's (import_records_preview).
     */
    int (*preview)(struct db *db, struct ledger *l, const struct import_options *o,
                   struct import_report *rep, char **err);
    /* Export: by the shared exporter (records), or the kind's own function; both NULL: not
     * exported. */
    const struct record_export *records;
    int (*export)(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                  char **err);
    /* The right (RIGHT_* of src/roles.h) importing it needs: the same its records' writes need. */
    unsigned import_right;
    /*
    ** The rights exporting it needs, even masked: those of the screen that
    ** lists its records (0: any user, the kiosk's too: it names no one).
    */
    unsigned export_right;
};

/* The kinds, ending with a row whose name is NULL. */
extern const struct ledger_kind ledger_kinds[];

/* The kind called name, or NULL. */
const struct ledger_kind *ledger_kind_find(const char *name);

/* True when kind k is imported, and when it is exported. */
int ledger_kind_imports(const struct ledger_kind *k);
int ledger_kind_exports(const struct ledger_kind *k);

/*
** May actor import ledgers of kind k? DB_OK, or DB_DENIED with *err saying
** so (caller frees), or an error. Asked before the ledger is opened; the
** import and its dry run ask again.
*/
int ledger_import_allowed(const struct ledger_kind *k, struct db *db, const char *actor,
                          char **err);

/*
** Import the rows of l, a ledger of kind k: as import_residents()
** (app/import.h) says; DB_DENIED (nothing read) when o->actor may not.
*/
int ledger_import(const struct ledger_kind *k, struct db *db, struct ledger *l,
                  const struct import_options *o, struct import_report *rep, char **err);

/*
** What importing l would do, nothing written: as import_residents_preview()
** (app/import.h) says; DB_DENIED when o->actor may not import it. The same
** ledger is then opened again to import it.
*/
int ledger_preview(const struct ledger_kind *k, struct db *db, struct ledger *l,
                   const struct import_options *o, struct import_report *rep, char **err);

/*
** Export the records of kind k to path: as export_residents() (app/export.h)
** says; DB_DENIED with *err saying so when o->actor may not export them.
*/
int ledger_export(const struct ledger_kind *k, struct db *db, const char *path,
                  const struct export_options *o, size_t *rows, char **err);

/* The names of the kinds that import (or export) as "a|b|c", for usage text. Caller frees. */
char *ledger_kind_names(int exported);

#endif
