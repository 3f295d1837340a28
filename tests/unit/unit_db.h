/*
** unit_db: a database of its own for a unit test of a store, in the
** temporary directory, migrated to the newest schema.
*/
#ifndef BANGBAN_UNIT_DB_H
#define BANGBAN_UNIT_DB_H

#include "unit.h"
#include "db/db.h"

#include <unistd.h>

/* A new database named for name and this process, its path into path (at least 256 bytes). */
static inline struct db *unit_db_open(const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/bangban-%s-%d.db", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name,
             (int)getpid());
    unlink(path);
    struct db *db;
    char *err;
    if (db_open(path, DB_OPEN_CREATE, &db, &err) != DB_OK) {
        fprintf(stderr, "%s: %s\n", path, err);
        exit(1);
    }
    return db;
}

/* Close db and remove its files. */
static inline void unit_db_remove(struct db *db, const char *path)
{
    db_close(db);
    char other[300];
    unlink(path);
    snprintf(other, sizeof other, "%s-wal", path);
    unlink(other);
    snprintf(other, sizeof other, "%s-shm", path);
    unlink(other);
}

#endif
