/*
** unit_seeded: the demo district seeded once for a group of tests
** (demo_seed(): streets, communities, grids, the catalogue, the calendar;
** no residents) and copied for each test: unit_seeded_setup() and
** unit_seeded_teardown() as the group's, unit_seeded_open() in each test's
** setup. Seeding under the sanitizers takes most of a second; a copy,
** milliseconds.
*/
#ifndef BANGBAN_UNIT_SEEDED_H
#define BANGBAN_UNIT_SEEDED_H

#include "unit.h"
#include "app/demo.h"
#include "db/db.h"

#include <unistd.h>

/* Where the group's seeded.db is (unit_seeded_setup()). */
static char unit_seeded_dir[256];

/*
** cmocka group setup: seed a new database seeded.db, as 测试, in a new
** directory. 0, or -1.
*/
static inline int unit_seeded_setup(void **state)
{
    (void)state;
    snprintf(unit_seeded_dir, sizeof unit_seeded_dir, "%s/bangban-unit-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(unit_seeded_dir)) return -1;
    char path[300], *err = NULL;
    snprintf(path, sizeof path, "%s/seeded.db", unit_seeded_dir);
    struct db *db;
    struct demo_report rep;
    if (db_open(path, DB_OPEN_CREATE, &db, &err) != DB_OK) return -1;
    int rc = demo_seed(db, "测试", &rep, &err);
    db_close(db); /* the last connection: its WAL checkpointed into the file and removed */
    free(err);
    return rc == DB_OK ? 0 : -1;
}

/* cmocka group teardown: the seeded directory removed. 0, or -1. */
static inline int unit_seeded_teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", unit_seeded_dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A copy of the group's seeded database at path, opened into *db (the test fails otherwise). */
static inline void unit_seeded_open(const char *path, struct db **db)
{
    char cmd[800], *err = NULL;
    snprintf(cmd, sizeof cmd, "cp '%s/seeded.db' '%s'", unit_seeded_dir, path);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(db_open(path, 0, db, &err), DB_OK);
}

#endif
