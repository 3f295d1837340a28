/*
** unit_db: a database of its own for a unit test of a store, in the
** temporary directory, migrated to the newest schema.
*/
#ifndef BANGBAN_UNIT_DB_H
#define BANGBAN_UNIT_DB_H

#include "unit.h"
#include "db/db.h"

#include <unistd.h>

/*
** SQL taking a database back to schema 29: residents found by phone through
** an index of the resident table; UNIT_DB_SINCE_28 runs it first. (Schema
** 31 changed no table: it filed organisations under their contacts.)
*/
#define UNIT_DB_SINCE_29                                                                           \
    " DROP TABLE resident_phone; CREATE INDEX resident_phone_rev ON resident(phone_rev);"

/*
** SQL taking a database back to schema 28: requests found by when they were
** taken down by an index of their own too; UNIT_DB_SINCE_27 runs it first.
*/
#define UNIT_DB_SINCE_28 UNIT_DB_SINCE_29 " CREATE INDEX request_created ON request(created_at);"

/*
** SQL taking a database back to schema 27: no index of the counted service
** records by activity; UNIT_DB_SINCE_26 runs it first.
*/
#define UNIT_DB_SINCE_27                                                                           \
    UNIT_DB_SINCE_28                                                                               \
    " DROP INDEX service_record_counted_activity;"

/*
** SQL taking a database back to schema 26: no index of requests by when
** they closed, the buildings' index without state and deadline;
** UNIT_DB_SINCE_25 runs it first.
*/
#define UNIT_DB_SINCE_26                                                                           \
    UNIT_DB_SINCE_27                                                                               \
    " DROP INDEX request_closed; DROP INDEX request_building;"                                     \
    " CREATE INDEX request_building ON request(building_id, closed_at)"                            \
    " WHERE building_id IS NOT NULL;"

/*
** SQL taking a database back to schema 25: a resident's times as columns
** the table computes; UNIT_DB_SINCE_24 runs it first.
*/
#define UNIT_DB_SINCE_25                                                                           \
    UNIT_DB_SINCE_26                                                                               \
    " ALTER TABLE resident ADD COLUMN created_at TEXT GENERATED ALWAYS AS ("                       \
    " CASE WHEN typeof(created_s) = 'integer'"                                                     \
    " THEN strftime('%Y-%m-%d %H:%M:%S', created_s, 'unixepoch') ELSE created_s END) VIRTUAL;"     \
    " ALTER TABLE resident ADD COLUMN updated_at TEXT GENERATED ALWAYS AS ("                       \
    " CASE WHEN typeof(updated_s) = 'integer'"                                                     \
    " THEN strftime('%Y-%m-%d %H:%M:%S', updated_s, 'unixepoch') ELSE updated_s END) VIRTUAL;"

/*
** SQL taking a database back to schema 24: a resident's times as text and
** the grid index with addresses; UNIT_DB_SINCE_21 runs it first.
*/
#define UNIT_DB_SINCE_24                                                                           \
    UNIT_DB_SINCE_25                                                                               \
    " ALTER TABLE resident DROP COLUMN created_at; ALTER TABLE resident DROP COLUMN updated_at;"   \
    " ALTER TABLE resident ADD COLUMN created_at TEXT NOT NULL DEFAULT '';"                        \
    " ALTER TABLE resident ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';"                        \
    " UPDATE resident SET created_at = strftime('%Y-%m-%d %H:%M:%S', created_s, 'unixepoch'),"     \
    " updated_at = strftime('%Y-%m-%d %H:%M:%S', updated_s, 'unixepoch');"                         \
    " ALTER TABLE resident DROP COLUMN created_s; ALTER TABLE resident DROP COLUMN updated_s;"     \
    " DROP INDEX resident_grid; CREATE INDEX resident_grid ON resident(grid_id, address);"

/*
** SQL taking a database back to schema 21: what every migration since made
** dropped, newest first (an upgrade test setting user_version 20 or 21
** runs it first); a new migration adds what it makes here.
*/
#define UNIT_DB_SINCE_21                                                                           \
    UNIT_DB_SINCE_24                                                                               \
    " DROP INDEX request_rates;"                                                                   \
    " ALTER TABLE building DROP COLUMN property_phone; ALTER TABLE building DROP COLUMN property;" \
    " DROP TABLE resident_tally;"

/*
** SQL taking a database back to before the users (schema 10): what every
** migration since made dropped, newest first (UNIT_DB_SINCE_21 first). An
** upgrade test runs it, sets an older user_version and opens the database
** again; a new migration adds what it makes here, once for every such test.
*/
#define UNIT_DB_BEFORE_USERS                                                                       \
    UNIT_DB_SINCE_21                                                                               \
    " DROP TABLE certificate; DROP TABLE star_award; DROP TABLE star_level;"                       \
    " DROP TABLE hours_correction;"                                                                \
    " DROP TABLE service_record; DROP TABLE activity; DROP TABLE service_category;"                \
    " DROP TABLE visit_request; DROP TABLE visit; DROP INDEX request_organisation;"                \
    " ALTER TABLE request DROP COLUMN organisation_id;"                                            \
    " DROP TABLE request_told; DROP INDEX request_building;"                                       \
    " DROP TABLE team_member; DROP TABLE team;"                                                    \
    " DROP TABLE volunteer_gram; DROP TABLE volunteer_key;"                                        \
    " DROP TABLE volunteer_key_inner; DROP TABLE volunteer;"                                       \
    " DROP TABLE organisation_key; DROP TABLE organisation; DROP TABLE kiosk_guard;"               \
    " DROP TABLE post; DROP TABLE block_grid; DROP TABLE block_building;"                          \
    " DROP TABLE block; DROP TABLE staff; DROP TABLE user_building; DROP TABLE \"user\";"

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
