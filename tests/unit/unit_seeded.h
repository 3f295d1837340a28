/*
** unit_seeded: the demo district seeded once for a group of tests
** (demo_seed(): streets, communities, grids, the catalogue, the calendar;
** no residents) and copied for each test. Seeding under the sanitizers
** takes most of a second; a copy, milliseconds.
*/
#ifndef BANGBAN_UNIT_SEEDED_H
#define BANGBAN_UNIT_SEEDED_H

#include "unit.h"
#include "app/demo.h"
#include "db/db.h"

#include <unistd.h>

/*
** Seed a new database seeded.db in a new directory, its path into dir (at
** least 256 bytes), seeded as actor. 0, or -1 (as a group setup returns).
*/
static inline int unit_seeded_make(char *dir, size_t size, const char *actor)
{
    snprintf(dir, size, "%s/bangban-unit-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) return -1;
    char path[300], *err = NULL;
    snprintf(path, sizeof path, "%s/seeded.db", dir);
    struct db *db;
    struct demo_report rep;
    if (db_open(path, DB_OPEN_CREATE, &db, &err) != DB_OK) return -1;
    int rc = demo_seed(db, actor, &rep, &err);
    db_close(db); /* the last connection: its WAL checkpointed into the file and removed */
    free(err);
    return rc == DB_OK ? 0 : -1;
}

/* A copy of the seeded database of dir at path, opened into *db (the test fails otherwise). */
static inline void unit_seeded_open(const char *dir, const char *path, struct db **db)
{
    char cmd[800], *err = NULL;
    snprintf(cmd, sizeof cmd, "cp '%s/seeded.db' '%s'", dir, path);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(db_open(path, 0, db, &err), DB_OK);
}

/* Remove the seeded directory dir. 0, or -1 (as a group teardown returns). */
static inline int unit_seeded_remove(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
