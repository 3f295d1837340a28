/*
** backup: a consistent copy of a live database, and putting one back.
**
** A plain `cp` of a database in WAL mode copies the main file without the
** commits still in its -wal file: the copy lacks the last saves, or is
** torn. A backup here is SQLite's VACUUM INTO, one read transaction: a
** single compact file as of one moment, taken while desks keep writing
** (readers never block writers in WAL mode). The copy is made in a private
** directory (outfile), checked (integrity check, bangban's application id)
** and only then renamed into place, mode 0600.
*/
#ifndef BANGBAN_BACKUP_H
#define BANGBAN_BACKUP_H

#include <stdint.h>

#include "db/db.h"

/* What db_backup() and db_restore() found, for the message. */
struct backup_info {
    int64_t bytes;  /* the copy's size */
    int schema;     /* its schema version */
    char *replaced; /* db_restore(): where the replaced database was kept, or NULL; caller frees */
};

/*
** Copy the open database db to path (which must not exist unless replace)
** and check the copy. Returns DB_OK with *info filled, or an error with
** *err (caller frees); nothing is left at path on failure.
*/
int db_backup(struct db *db, const char *path, int replace, struct backup_info *info, char **err);

/*
** Put the backup at from in place of the database at path. Refuses (DB_BUSY)
** while any desk has the database open, and refuses a file that is not a
** sound bangban database or is from a newer bangban. The database replaced
** is kept beside it as PATH.replaced-YYYYMMDD-HHMMSS (with its -wal, if
** any): info->replaced. Returns DB_OK, or an error with *err (caller frees).
*/
int db_restore(const char *path, const char *from, struct backup_info *info, char **err);

#endif
