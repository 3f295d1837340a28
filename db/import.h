/*
** import: a resident ledger (src/ledger.h) into the register. Every row is
** checked; the good ones go in as one transaction, the bad ones are
** reported (physical line, column header, reason) and written, byte for
** byte in the file's own encoding, to a rejects file the clerk can fix and
** import again. A resident already registered (same ID number) is updated
** or skipped, never duplicated; importing the same file twice changes
** nothing. Into an empty register the rows go through the bulk loader.
*/
#ifndef BANGBAN_IMPORT_H
#define BANGBAN_IMPORT_H

#include <stddef.h>

#include "db/db.h"
#include "db/resident_bulk.h"
#include "src/ledger.h"

enum import_existing {
    IMPORT_UPDATE, /* take the ledger's values for the columns it has */
    IMPORT_SKIP,   /* leave registered residents as they are */
};

struct import_options {
    enum import_existing existing;
    const char *rejects_path; /* where bad rows go; NULL: next to the ledger, FILE.rejects.csv */
    const char *ledger_path;
    const char *actor;
    bulk_progress progress; /* may be NULL; told (step, done, total) */
    void *ctx;
};

struct import_report {
    size_t read;      /* rows read */
    size_t imported;  /* new residents */
    size_t updated;   /* registered residents changed */
    size_t unchanged; /* registered residents the ledger agreed with */
    size_t skipped;   /* registered residents left alone (IMPORT_SKIP) */
    size_t rejected;  /* bad rows */
    size_t upgraded;  /* 15-digit ID numbers made 18 */
    struct ledger_problems problems;
    struct strlist unknown_places; /* communities and grids not known here, each once */
    struct strlist created;        /* catalogue: units created because a row named them */
    struct strlist unknown_columns;
    char *rejects_path;  /* set when a rejects file was written */
    char *rejects_error; /* set when it could not be: why (the good rows are in all the same) */
};

/*
** Import the rows of an open ledger. Returns DB_OK (rows may still have
** been rejected: see rep->rejected), or an error with *err set (caller
** frees) when nothing was imported. Free the report with import_report_free().
*/
int import_residents(struct db *db, struct ledger *l, const struct import_options *o,
                     struct import_report *rep, char **err);

void import_report_free(struct import_report *rep);

/* The report as lines for people: each problem, then the unknown places and columns. Caller frees.
 */
char *import_report_text(const struct import_report *rep);

/* The one-line summary: read / imported / updated / rejected. Caller frees. */
char *import_summary(const struct import_report *rep);

/*
** Import a catalogue ledger (src/catalogue.h): one row per service item
** with its unit. An item whose code is known is updated (or skipped, by
** o->existing) when the row differs; a unit the database does not know is
** created and named in rep->created. Good rows go in as one transaction;
** bad rows are reported and written to the rejects file as for residents.
*/
int import_catalogue(struct db *db, struct ledger *l, const struct import_options *o,
                     struct import_report *rep, char **err);

/* The calendar ledger's schema: 日期, 类型 (放假 / 上班), 名称. */
extern const struct ledger_schema ledger_calendar;

/*
** Import a calendar ledger: each row a holiday or a 调休 working day.
** A day already on record is updated when the row differs. As above.
*/
int import_calendar(struct db *db, struct ledger *l, const struct import_options *o,
                    struct import_report *rep, char **err);

#endif
