/*
** migrate: the schema as numbered steps (db/migrations/NNN_name.sql,
** embedded in the binary at build time). PRAGMA user_version holds the
** number of the last step applied.
*/
#ifndef BANGBAN_MIGRATE_H
#define BANGBAN_MIGRATE_H

struct migration {
    int version;      /* 1, 2, ...: the step's number */
    const char *name; /* file name without .sql */
    const char *sql;  /* the statements of the step */
};

/* All steps, in order; generated from db/migrations/. */
extern const struct migration migrations[];
extern const int migrations_count;

#endif
