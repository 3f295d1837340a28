/*
** backup: see backup.h.
*/
#include "db/backup.h"
#include "src/i18n.h"
#include "src/util.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The first column of the first row of sql on h as text, or NULL. Caller frees. */
static char *first_text(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    char *out = NULL;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

/*
** Open the copy at path read-only and check that it is a sound bangban
** database: ours by its application id, and passing SQLite's integrity
** check. shown names it in messages. Returns DB_OK with *schema, or
** DB_NOT_OURS / DB_ERROR with *err.
*/
static int copy_check(const char *path, const char *shown, int *schema, char **err)
{
    sqlite3 *h = NULL;
    int rc = DB_OK;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        *err = xasprintf(_("cannot open %s: %s"), shown, h ? sqlite3_errmsg(h) : "");
        sqlite3_close(h);
        return DB_ERROR;
    }
    sqlite3_create_collation_v2(h, "zh", SQLITE_UTF8, NULL, db_collate_zh, NULL);
    char *app = first_text(h, "PRAGMA application_id");
    char *version = first_text(h, "PRAGMA user_version");
    if (!app || strtoll(app, NULL, 10) != DB_APPLICATION_ID) {
        *err = xasprintf(_("%s is not a bangban database"), shown);
        rc = DB_NOT_OURS;
    } else {
        char *verdict = first_text(h, "PRAGMA integrity_check");
        if (!verdict || strcmp(verdict, "ok") != 0) {
            *err = xasprintf(_("%s fails the integrity check: %s"), shown,
                             verdict ? verdict : sqlite3_errmsg(h));
            rc = DB_ERROR;
        }
        free(verdict);
    }
    *schema = version ? atoi(version) : 0;
    free(app);
    free(version);
    sqlite3_close(h);
    return rc;
}

/* Make the file at path durable, readable by its owner alone; its size into *bytes. 0 or -1. */
static int file_settle(const char *path, int64_t *bytes)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    int ok = fsync(fd) == 0 && fstat(fd, &st) == 0 && fchmod(fd, 0600) == 0;
    int e = errno;
    close(fd);
    errno = e;
    if (ok) *bytes = (int64_t)st.st_size;
    return ok ? 0 : -1;
}

/* "cannot write PATH: why" for errno e. Caller frees. */
static char *write_error(const char *path, int e)
{
    char *why = util_errno_text(e);
    char *msg = xasprintf(_("cannot write %s: %s"), path, why);
    free(why);
    return msg;
}

/*
** True when path names the database file db has open (or its -wal or
** -shm), under whatever name: a copy renamed over it would leave the live
** WAL over another file, and the database damaged.
*/
static int is_the_database(struct db *db, const char *path)
{
    struct stat target, live;
    if (stat(path, &target) != 0) return 0;
    static const char *const suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < ARRAY_LEN(suffix); i++) {
        char *file = xasprintf("%s%s", db_path(db), suffix[i]);
        int same =
            stat(file, &live) == 0 && live.st_dev == target.st_dev && live.st_ino == target.st_ino;
        free(file);
        if (same) return 1;
    }
    return 0;
}

int db_backup(struct db *db, const char *path, int replace, struct backup_info *info, char **err)
{
    memset(info, 0, sizeof *info);
    *err = NULL;
    struct stat st;
    if (is_the_database(db, path)) {
        *err = xasprintf(_("%s is the database itself: a backup goes in another file"), path);
        return DB_INVALID;
    }
    if (!replace && lstat(path, &st) == 0) {
        *err = xasprintf(_("%s exists already: --force replaces it"), path);
        return DB_INVALID;
    }
    struct outfile o;
    if (outfile_open(&o, path, 0) != 0) {
        *err = write_error(path, errno);
        return DB_ERROR;
    }
    /* One read transaction: the copy is the database as of one moment, desks writing on. */
    struct db_stmt *vac = db_prepare(db, "VACUUM INTO ?1");
    db_bind_text(vac, 1, o.tmp);
    int rc = db_step(vac);
    db_finalize(vac);
    if (rc != DB_DONE) {
        char *why = db_rc_text(db, rc);
        *err = xasprintf(_("cannot copy the database to %s: %s"), path, why);
        free(why);
        outfile_abort(&o);
        return rc == DB_OK ? DB_ERROR : rc;
    }
    rc = copy_check(o.tmp, path, &info->schema, err);
    if (rc == DB_OK && file_settle(o.tmp, &info->bytes) != 0) {
        *err = write_error(path, errno);
        rc = DB_ERROR;
    }
    if (rc != DB_OK) {
        outfile_abort(&o);
        return rc;
    }
    if (outfile_commit(&o) != 0) {
        *err = write_error(path, errno);
        return DB_ERROR;
    }
    return DB_OK;
}

/* Copy the file from into fd. 0, or -1 with errno. */
static int file_copy(const char *from, int fd)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0) return -1;
    static char buf[1 << 16];
    ssize_t n;
    int rc = 0;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(fd, buf + done, (size_t)(n - done));
            if (w < 0) {
                if (errno == EINTR) continue;
                rc = -1;
                break;
            }
            done += w;
        }
        if (rc) break;
    }
    if (n < 0) rc = -1;
    int e = errno;
    close(in);
    if (rc == 0 && fsync(fd) != 0)
        rc = -1;
    else
        errno = e;
    return rc;
}

/*
** Open the database at path and make sure no desk has it open, holding it
** so none can until *h is closed: a desk's connection keeps the database in
** WAL mode, so leaving WAL succeeds only when this is the one connection.
** Returns DB_OK with *h, DB_BUSY when desks have it open, or DB_ERROR.
*/
static int target_hold(const char *path, sqlite3 **h, char **err)
{
    if (sqlite3_open_v2(path, h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        *err = xasprintf(_("cannot open %s: %s"), path, *h ? sqlite3_errmsg(*h) : "");
        return DB_ERROR;
    }
    char *mode = first_text(*h, "PRAGMA journal_mode=DELETE");
    int alone = mode && strcmp(mode, "delete") == 0;
    /*
     * A database too damaged to read its journal mode (what a restore is for): alone when its
     * locks can be taken all the same.
     */
    int code = sqlite3_errcode(*h);
    if (!mode && (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)) alone = 1;
    free(mode);
    if (alone && sqlite3_exec(*h, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK) return DB_OK;
    *err = xasprintf(_("%s is open at a desk (or in another bangban): close every desk on it "
                       "first (F10), then restore"),
                     path);
    return DB_BUSY;
}

/* Keep what lies at path (and its -wal) beside it as path.replaced-STAMP; the new name in *kept. */
static int target_keep(const char *path, char **kept)
{
    char stamp[32];
    time_t now = time(NULL);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&now));
    *kept = xasprintf("%s.replaced-%s", path, stamp);
    if (rename(path, *kept) != 0) return -1;
    char *wal = xasprintf("%s-wal", path), *kept_wal = xasprintf("%s-wal", *kept);
    char *shm = xasprintf("%s-shm", path);
    rename(wal, kept_wal); /* only when one was left: nothing else is in it now */
    unlink(shm);
    free(wal);
    free(kept_wal);
    free(shm);
    return 0;
}

int db_restore(const char *path, const char *from, struct backup_info *info, char **err)
{
    memset(info, 0, sizeof *info);
    *err = NULL;
    struct stat fs, ds;
    if (stat(from, &fs) != 0) {
        char *why = util_errno_text(errno); /* "no such file", in the clerk's words */
        *err = xasprintf(_("cannot read %s: %s"), from, why);
        free(why);
        return DB_ERROR;
    }
    /* The database itself given as its backup: it would be put aside and copied back. */
    if (stat(path, &ds) == 0 && fs.st_dev == ds.st_dev && fs.st_ino == ds.st_ino) {
        *err = xasprintf(_("%s is the database itself, not a backup of it: give the backup "
                           "file (bangban backup FILE makes one)"),
                         from);
        return DB_ERROR;
    }
    int rc = copy_check(from, from, &info->schema, err);
    if (rc != DB_OK) return rc;
    if (info->schema > db_schema_latest()) {
        *err = xasprintf(_("%s was written by a newer bangban (schema version %d; this "
                           "program knows up to %d). Install the newer bangban to open it."),
                         from, info->schema, db_schema_latest());
        return DB_TOO_NEW;
    }
    struct stat st;
    sqlite3 *h = NULL;
    int exists = lstat(path, &st) == 0;
    if (exists && (rc = target_hold(path, &h, err)) != DB_OK) {
        sqlite3_close(h);
        return rc;
    }
    if (!exists) path_make_parents(path, 0750); /* as init and demo do, for a new machine */
    struct outfile o;
    int fd = outfile_open(&o, path, 1);
    if (fd < 0 || file_copy(from, fd) != 0 || fchmod(fd, 0600) != 0) {
        *err = write_error(path, errno);
        if (fd >= 0) {
            close(fd);
            outfile_abort(&o);
        }
        sqlite3_close(h);
        return DB_ERROR;
    }
    close(fd);
    struct stat copied;
    if (stat(o.tmp, &copied) == 0) info->bytes = (int64_t)copied.st_size;
    if (exists && target_keep(path, &info->replaced) != 0) {
        *err = write_error(path, errno);
        outfile_abort(&o);
        sqlite3_close(h);
        return DB_ERROR;
    }
    rc = outfile_commit(&o) == 0 ? DB_OK : DB_ERROR;
    if (rc != DB_OK) {
        *err = write_error(path, errno);
        if (info->replaced) rename(info->replaced, path); /* put the old one back */
    }
    sqlite3_close(h); /* the hold on the old file, now aside */
    return rc;
}
