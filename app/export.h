/*
** export: ledgers out (src/sheet.h), in the columns bangban reads back.
** The resident register with ID and phone numbers masked (前3后4) and
** sensitive tags left out unless unmasked, which is written to the audit
** log; the service catalogue with its units.
*/
#ifndef BANGBAN_EXPORT_H
#define BANGBAN_EXPORT_H

#include <stddef.h>

#include "db/db.h"
#include "db/request_store.h"
#include "db/resident_store.h"
#include "src/sheet.h"

struct export_options {
    enum sheet_format format;
    enum codec codec;   /* CSV only */
    int unmasked;       /* full ID and phone numbers and every tag: audited */
    const char *reason; /* why, for the audit log (required when unmasked) */
    const char *actor;
    /* Residents only: which to write (NULL: everyone on the register). */
    const struct resident_filter *filter;
    /* Requests only: the queue, filter and order a list on screen shows (NULL: every request,
     * newest first). */
    const struct request_filter *requests;
    enum request_queue queue;
    enum request_sort sort;
};

/*
** What the export every ledger of plain records shares needs: the records'
** type, the ledger's schema and columns (app/import.h's record_column: the
** same table the import reads), the name of the workbook's sheet, and the
** records from the store.
*/
struct record_column;
struct record_export {
    const struct record_type *type;
    const struct ledger_schema *schema;
    const struct record_column *columns;
    const char *sheet; /* msgid */
    /*
    ** Every record actor may see (a building chief: their buildings'), into
    ** *items (n of them; caller frees with record_array_free()).
    */
    int (*list)(struct db *db, const char *actor, void **items, size_t *n);
    /*
    ** A column written otherwise than the record type shows it (a parent by
    ** its name alone, a kind in the ledger's words): its text (caller
    ** frees), or NULL to write it as shown. NULL: every column as shown.
    */
    char *(*cell)(const void *rec, int column);
};

/*
** Write the records re names to path as o says (formulas guarded). Returns
** DB_OK with *rows, or an error with *err (caller frees): a character the
** encoding lacks names its line and column, and nothing is written.
*/
/*
** Write every post (岗位台账: who held which post over which place, from
** when until when, appointed by whom, the hand-over note), by place code,
** post and first day; phones masked unless o->unmasked (audited). Returns
** as export_catalogue().
*/
int export_posts(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                 char **err);

int export_records(struct db *db, const struct record_export *re, const char *path,
                   const struct export_options *o, size_t *rows, char **err);

/*
** Write every resident to path. Returns DB_OK with *rows set, or an error
** with *err (caller frees): a character with no code in the encoding
** names the line, the column and the character, and nothing is written.
*/
int export_residents(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                     char **err);

/*
** Open a sheet named name at path as o says (format, encoding) and write
** its header row: every field of schema, by the headers bangban writes.
** 0 with *out open (the caller writes the rows, then closes or aborts it),
** or -1 with *err (caller frees) and nothing left at path.
*/
int export_sheet_start(const char *path, const struct export_options *o, const char *name,
                       const struct ledger_schema *schema, struct sheet **out, char **err);

/*
** Write the requests o->requests and o->queue choose (every request when
** o->requests is NULL), newest first, to path: one row each in the
** request ledger's columns, phones masked unless o->unmasked (audited).
** Returns DB_OK with *rows, or an error with *err (caller frees); a
** character the encoding lacks names its line and column, and nothing is
** written.
*/
int export_requests(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                    char **err);

/*
** Write the active catalogue to path, one row per service item with its
** unit, in the columns `bangban import catalogue` reads back. Returns
** DB_OK with *rows, or an error with *err (caller frees); o gives the
** format and encoding (nothing in it is masked); as above, a
** character the encoding lacks names its line and column and writes nothing.
*/
int export_catalogue(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                     char **err);

/*
** Write every volunteer, by number, in the columns `bangban import
** volunteers` reads, to path as o says. Returns DB_OK with
** *rows, DB_INVALID with *err when unmasked without a reason, DB_DENIED
** when o->actor may not export full numbers, or an error with *err (caller
** frees); a character the encoding lacks names its line and column, and
** nothing is written.
*/
int export_volunteers(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                      char **err);

#endif
