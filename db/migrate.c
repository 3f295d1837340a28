/*
** migrate: the migrations that need C beside their SQL (see migrate.h).
*/
#include "db/migrate.h"
#include "db/audit_store.h"
#include "db/catalogue_store.h"
#include "db/organisation_store.h"
#include "db/postings.h"
#include "db/resident_bulk.h"
#include "src/clock.h"

#include <stddef.h>

/* The seeded staff kinds were made now, in local time (SQL's clock is UTC). */
static int staff_kinds_seeded_now(struct db *db)
{
    char now[20];
    clock_format(clock_now(), now);
    struct db_stmt *st = db_prepare(db, "UPDATE staff_kind SET created_at = ?1, updated_at = ?1"
                                        " WHERE created_at = ''");
    db_bind_text(st, 1, now);
    return db_write_one(db, st, NULL);
}

/* Synonyms seeded now; every resident filed again (db/migrations/009_search_inside.sql). */
static int migration_009(struct db *db)
{
    char now[20];
    clock_format(clock_now(), now);
    struct db_stmt *st = db_prepare(db, "UPDATE synonym SET created_at = ?1, updated_at = ?1"
                                        " WHERE created_at = ''");
    db_bind_text(st, 1, now);
    int rc = db_write_one(db, st, NULL);
    return rc == DB_OK ? resident_refile(db) : rc;
}

/* The audit rows written before the chain sealed into its start (migration 10). */
static int migration_010(struct db *db)
{
    return audit_seal(db);
}

const struct migration_code migration_code[] = {
    {4, resident_file_long_pieces}, /* names filed under their 3-character pieces */
    {5, staff_kinds_seeded_now},
    {7, catalogue_rekey},      /* items and units found by pinyin from any character on */
    {9, migration_009},        /* residents by a syllable inside; names' dots; synonyms */
    {10, migration_010},       /* the audit log's hash chain */
    {21, organisation_refile}, /* organisations under pieces of 5 and 6 characters too */
    {25, postings_repack},     /* search lists packed */
    {31, organisation_refile}, /* organisations under their contact's name and phone too */
    {0, NULL},
};
