/*
** import: ledgers (src/ledger.h) into the database. Every row is checked;
** the good ones go in as one transaction, the bad ones are reported
** (physical line, column header, reason) and written, byte for byte in the
** file's own encoding, to a rejects file the clerk can fix and import
** again. A record already on file (a resident by ID number, an item or a
** staff kind by code, a calendar day by date) is updated or skipped, never
** duplicated; importing the same file twice changes nothing.
**
** Residents have their own importer (import_residents(): households, tags,
** places, and the bulk loader into an empty register); every other ledger
** of plain records goes through import_records(), told by a struct
** record_import how its rows become records (app/ledgers.c holds the
** table of ledger kinds).
*/
#ifndef BANGBAN_APP_IMPORT_H
#define BANGBAN_APP_IMPORT_H

#include <stddef.h>

#include "db/db.h"
#include "db/resident_bulk.h"
#include "src/ledger.h"

/* What a row does to the record on file it names. */
enum import_existing {
    IMPORT_UPDATE, /* take the row's values for the columns the ledger has; the others stay */
    IMPORT_SKIP,   /* leave the record on file as it is */
};

struct import_options {
    enum import_existing existing;
    const char *rejects_path; /* where bad rows go; NULL: next to the ledger, FILE.rejects.csv */
    const char *ledger_path;
    const char *actor;
    bulk_progress progress; /* may be NULL; told (step, done, total) */
    void *ctx;
    int dry_run; /* a preview: resolve() finds what a row points at and creates nothing */
};

/* A field a row would change: its label and both values as people see them (numbers masked). */
struct import_diff {
    char *field, *was, *now;
};

/* A record on file a row would change, with the fields it would change. */
struct import_change {
    int line;   /* the row's physical line */
    char *what; /* the record: its key and name, masked as lists show them */
    struct import_diff *v;
    size_t n;
};

/* How many changed records a preview describes field by field. */
#define IMPORT_SAMPLE 20

struct import_report {
    int dry_run;      /* a preview: the counts say what an import would do; nothing was written */
    size_t read;      /* rows read */
    size_t imported;  /* new residents */
    size_t updated;   /* registered residents changed */
    size_t unchanged; /* registered residents the ledger agreed with */
    size_t skipped;   /* registered residents left alone (IMPORT_SKIP, left_out) */
    size_t left_out;  /* a first import: rows whose ID numbers were registered meanwhile */
    size_t rejected;  /* bad rows */
    size_t upgraded;  /* 15-digit ID numbers made 18 */
    struct ledger_problems problems;
    struct strlist unknown_places; /* communities and grids not known here, each once */
    struct strlist created;        /* catalogue: units created because a row named them */
    struct strlist renamed_units; /* catalogue: "U01 南开区民政局 -> 民政局", by a row's code */
    struct strlist created_areas;  /* grids: streets and communities made because rows named them */
    struct strlist created_staff;  /* posts: people added because a row named them */
    struct strlist rephoned_staff; /* posts: holders whose row gave a new phone number */
    struct strlist renamed; /* residents: "赵一 -> 李四", a name changed under its ID number */
    struct strlist merged_away; /* residents: records merged into another, left as they are */
    struct strlist unknown_columns;
    struct strlist twice_columns;  /* "联系方式（手机号）": a field another column feeds */
    int header_line, title_lines;  /* where the header was, below so many lines of a title */
    struct import_change *changes; /* a preview's first IMPORT_SAMPLE changed records */
    size_t nchanges;
    size_t joined;          /* cells of one-line fields whose lines were joined into one */
    char *sheet;            /* a workbook: the sheet read (problems are named by its rows) */
    struct strlist columns; /* with sheet: the header's cells, as problems name them */
    char *rejects_path;     /* set when a rejects file was written */
    char *rejects_kept;     /* set when the one there before differed: where it is kept */
    char *rejects_error;    /* set when it could not be: why (the good rows are in all the same) */
};

/*
** Import the rows of an open ledger. Returns DB_OK (rows may still have
** been rejected: see rep->rejected), or an error with *err set (caller
** frees) when it stopped. A first load into an empty register is one
** transaction (nothing is in after an error); otherwise rows are committed
** in batches of a fraction of a second, so desks can save meanwhile: after
** an error the batches before it are in, the counts say how many, *err says
** to import the same file again to finish. Free the report with
** import_report_free().
*/
int import_residents(struct db *db, struct ledger *l, const struct import_options *o,
                     struct import_report *rep, char **err);

void import_report_free(struct import_report *rep);

/*
** A dry run of import_residents(): the ledger read and every good row
** compared with the register by ID number, as the import would (o->existing
** too): rep counts new (imported), changed (updated), unchanged, skipped and
** rejected rows, and keeps the first IMPORT_SAMPLE changed residents with
** their changed fields (rep->changes). Nothing is written, no rejects file
** either; memory does not grow with the rows (but for each bad row's
** problem and the ID numbers seen, as the import keeps them). Returns DB_OK
** or an error with *err (caller frees). Free rep with import_report_free().
*/
int import_residents_preview(struct db *db, struct ledger *l, const struct import_options *o,
                             struct import_report *rep, char **err);

/* The changes of a preview as lines for people, "line N, WHAT: field old -> new; ...". Caller
 * frees. */
char *import_changes_text(const struct import_report *rep);

/* The report as lines for people: each problem, then the unknown places and columns. Caller frees.
 */
char *import_report_text(const struct import_report *rep);

/* The one-line summary: read / imported / updated / rejected. Caller frees. */
char *import_summary(const struct import_report *rep);

/* With a record_column's norm: a blank cell keeps the value on file (a phone), as residents' do. */
#define RECORD_BLANK_KEEPS (1u << 8)

/*
** A ledger column that is a record's text field as it is: the ledger field,
** the record field, how the text is normalised (text_normalize() flags),
** the check it must pass (NULL or the reason it fails, as forms check) and
** the most characters it may hold (0: no limit; the form's field takes no
** more). A table of them ends with a row whose field is NULL.
*/
struct record_column {
    int column;
    const char *field;
    unsigned norm; /* text_normalize() flags, and RECORD_BLANK_KEEPS */
    const char *(*check)(const char *text);
    size_t max;
};

/*
** How the rows of a ledger become records of one type, for the importer
** every such ledger shares (import_records()): each row is checked into a
** record; two rows naming one record are refused; a record on file is
** updated (or left, by o->existing) when the row differs, a new one made.
*/
struct record_import {
    const struct record_type *type;
    const char *key_field; /* the record field that names a record ("code") */
    int key_column;        /* the ledger field it comes from */
    const char *subject;   /* what the audit log says was imported: "catalogue" */
    /* A record that comes with each row (a service item's unit); NULL when none. */
    const struct record_type *aside_type;
    /* Columns taken as they are (checked as their table says); NULL when check does it all. */
    const struct record_column *columns;
    /*
    ** Check a row into rec and aside (zeroed: initialise them); problems go
    ** to p. NULL: the columns alone make the record.
    */
    void (*check)(const struct ledger *l, const struct ledger_row *row, void *rec, void *aside,
                  struct ledger_problems *p);
    /*
    ** Before storing: settle what rec points at (the unit of an item);
    ** DB_INVALID with *why (caller frees) refuses the row, named at
    ** *column (resolve_column unless resolve says otherwise). NULL: nothing
    ** to settle.
    */
    int (*resolve)(struct db *db, void *rec, const void *aside, const struct import_options *o,
                   struct import_report *rep, char **why, int *column);
    int resolve_column;
    /*
    ** With check and no columns: the record fields check sets, each with the
    ** ledger column it comes from (several fields may share one), ending with
    ** a row whose field is NULL. Over a record on file only the fields whose
    ** column the ledger has are taken; NULL: the row's record is taken whole.
    */
    const struct record_column *fields;
    /*
    ** The rules between fields, on the record as it would be stored (a
    ** row's values over the record on file, a column the ledger lacks
    ** keeping its field: 党员人数 against the 从业人数 on file): NULL when
    ** kept, else why not (caller frees) with *column the column to name.
    ** NULL: none.
    */
    char *(*rules)(const struct ledger *l, const void *rec, int *column);
    /* The record on file that rec names into out (zeroed): DB_OK or DB_NOTFOUND. */
    int (*find)(struct db *db, const void *rec, void *out);
    /* Save rec (a new record when its id is 0) as actor. */
    int (*save)(struct db *db, void *rec, const char *actor);
    /*
    ** Non-zero when a row is checked against the rows above it in the
    ** database (service hours' times): a dry run then stores each good row
    ** as the import would, in a write transaction undone at its end, so it
    ** refuses what the import would refuse.
    */
    int preview_stores;
};

/*
** Import the rows of l as ri says, all in one transaction with its audit
** row; bad rows are reported and written to the rejects file. Returns as
** import_residents().
*/
int import_records(struct db *db, const struct record_import *ri, struct ledger *l,
                   const struct import_options *o, struct import_report *rep, char **err);

/*
** A dry run of import_records(), as import_residents_preview() says: each
** good row compared with the record on file by ri's key; ri->resolve is
** called with o->dry_run set, so nothing is created. Returns as that.
*/
int import_records_preview(struct db *db, const struct record_import *ri, struct ledger *l,
                           const struct import_options *o, struct import_report *rep, char **err);

#endif
