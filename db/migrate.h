/*
** migrate: the schema as numbered steps (db/migrations/NNN_name.sql,
** embedded in the binary at build time). PRAGMA user_version holds the
** number of the last step applied. A step that needs C has its function
** in migration_code (db/migrate.c), run in the same transaction.
*/
#ifndef BANGBAN_MIGRATE_H
#define BANGBAN_MIGRATE_H

#include "db/db.h"

struct migration {
    int version;      /* 1, 2, ...: the step's number */
    const char *name; /* file name without .sql */
    const char *sql;  /* the statements of the step */
};

/* All steps, in order; generated from db/migrations/. */
extern const struct migration migrations[];
extern const int migrations_count;

/*
** A step that needs C as well as SQL: run after the SQL of migration
** `version`, inside the same transaction, as part of that migration.
*/
struct migration_code {
    int version;
    int (*run)(struct db *db); /* DB_OK or the error that undoes the migration */
};

/* The steps in C, ending with a row whose run is NULL (db/migrate.c). */
extern const struct migration_code migration_code[];

#endif
