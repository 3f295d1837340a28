/*
** db: see db.h.
*/
#include "db/db.h"
#include "db/migrate.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/log.h"
#include "src/pinyin.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
** How often BEGIN IMMEDIATE or COMMIT is tried again when SQLite says busy
** without waiting in the busy handler (a WAL being recovered), not after
** the handler gave up.
*/
#define DB_RETRIES 3
/* How long a connection without a wait policy waits for another writer. */
#define DB_WAIT_DEFAULT_MS 10000
/* How often the wait hook hears of a wait. */
#define DB_WAIT_TELL_MS 100

struct db {
    sqlite3 *h;
    char *path;
    int depth;  /* nesting of db_write_begin(): 1 the transaction, more savepoints */
    int doomed; /* the transaction was lost under an inner level: the outermost rolls back */
    int flat;   /* inner levels take no savepoint: one that fails dooms the transaction */
    struct db_stmt *stmts; /* the statements callers hold (not finalized) */
    struct db_stmt *idle;  /* finalized by the caller, kept compiled for the next prepare */
    int nidle;
    unsigned generation;  /* write transactions committed on this connection */
    int64_t data_version; /* PRAGMA data_version when others' writes were last looked for */
    char *last_error;     /* what SQLite said when a statement last failed; NULL: none */
    /* The wait policy (db_set_wait()) and the wait going on. */
    db_wait_hook wait_hook;
    void *wait_ctx;
    long wait_limit_ms;
    struct timespec wait_start;
    long wait_told;
    int wait_gave_up;          /* the last wait ended by the limit or the hook: do not try again */
    struct timespec sign_seen; /* the desks' sign as db_desk_waited() last saw it */
    struct timespec sign_looked; /* when db_desk_waited() last looked at it (0: never) */
    int sign_out;                /* this connection put out the sign: again after each commit */
    int checkpoint_pages;        /* the WAL's size that a commit checkpoints at (wal_committed()) */
    int checkpoint_behind;       /* a checkpoint runs on another connection: commits leave it */
    int gave_way; /* giving way (db_give_way()), a statement was stopped for a desk since */
};

struct db_stmt {
    sqlite3_stmt *st;
    struct db *db;
    struct db_stmt *prev, *next;
    char *sql; /* the text it was prepared from: the key of the idle cache */
};

/*
** Statements the callers finalize stay compiled, up to this many: the same
** few statements run for every row of an import, and compiling one costs
** more than running it.
*/
#define DB_IDLE_MAX 48

/*
** Connection settings, with why:
** - WAL: readers never block the one writer, so desks keep searching while one saves.
** - synchronous=FULL: a save confirmed to a resident survives a power cut
**   (NORMAL may lose the last commits); a desk writes a few rows a minute,
**   and FULL still commits thousands of transactions a second.
** - foreign_keys: a grid cannot point at a community that is not there.
** - mmap_size (set after opening, from the file's size: db_map_set()),
**   small cache_size: many desk processes on one box share the database
**   pages through the OS page cache instead of each holding a private
**   copy; the private page cache stays at 1.5 MiB, so a desk's private
**   memory, heap included, stays within 4 MiB on a register too large
**   for the map (tests/bench/deskbench.c: 3.4 MiB at 3,500,000 residents,
**   4.0 with 2 MiB; search p99 there 3-8 % slower, under 1 ms).
** - journal_size_limit: the -wal file is cut back after checkpoints.
** - trusted_schema=OFF: the schema cannot run functions it should not.
*/
static const char db_pragmas[] = "PRAGMA journal_mode=WAL;"
                                 "PRAGMA synchronous=FULL;"
                                 "PRAGMA foreign_keys=ON;"
                                 "PRAGMA trusted_schema=OFF;"
                                 "PRAGMA journal_size_limit=67108864;" DB_DESK_CACHE ";";

static int map_rc(int rc);

/*
** The bangban code for a SQLite result on db's connection. An I/O error
** whose cause was a full disk (or a used-up quota) is DB_FULL: SQLite
** reports "disk I/O error" when the -wal or -shm file cannot grow.
*/
static int map_rc_on(struct db *db, int rc)
{
    int code = rc & 0xFF;
    if ((code == SQLITE_IOERR || code == SQLITE_CANTOPEN) && db && db->h) {
        int e = sqlite3_system_errno(db->h);
        if (e == ENOSPC || e == EDQUOT) return DB_FULL;
    }
    return map_rc(rc);
}

static int map_rc(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK:
        return DB_OK;
    case SQLITE_ROW:
        return DB_ROW;
    case SQLITE_DONE:
        return DB_DONE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DB_BUSY;
    case SQLITE_FULL:
        return DB_FULL;
    case SQLITE_CONSTRAINT:
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
            return DB_DUPLICATE;
        return DB_INVALID;
    case SQLITE_NOTADB:
        return DB_NOT_OURS;
    default:
        return DB_ERROR;
    }
}

const char *db_rc_message(int rc)
{
    switch (rc) {
    case DB_OK:
    case DB_ROW:
    case DB_DONE:
        return _("done");
    case DB_NOTFOUND:
        return _("the record no longer exists");
    case DB_CONFLICT:
        return _("someone else changed this record first");
    case DB_DUPLICATE:
        return _("the code is already taken");
    case DB_INVALID:
        return _("the data breaks a rule of the database");
    case DB_BUSY:
        return _("the database is busy (another desk is writing); try again");
    case DB_FULL:
        return _("the disk is full; nothing was saved");
    case DB_MISSING:
        return _("there is no database at that path");
    case DB_NOT_OURS:
        return _("the file is not a bangban database");
    case DB_TOO_NEW:
        return _("the database was written by a newer bangban");
    case DB_DENIED:
        return _("not allowed: the role of the user signed in has not that right");
    default:
        return _("database error");
    }
}

char *db_rc_text(const struct db *db, int rc)
{
    if ((rc == DB_ERROR || rc == DB_INVALID) && db && db->last_error)
        return xasprintf("%s (%s)", db_rc_message(rc), db->last_error);
    return xstrdup(db_rc_message(rc));
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

/* The file beside the database a connection waiting for the write lock touches (caller frees). */
static char *sign_path(const struct db *db)
{
    return xasprintf("%s-waiting", db->path);
}

/*
** Leave the sign that a connection waits for the write lock: the file
** beside the database touched, if a long writer put it out (no writer
** looks for it otherwise, so none is made). A long writer waiting for the
** lock (a desk holds it) does not see its own touch as a desk's.
*/
static void sign_touch(struct db *db)
{
    char *path = sign_path(db);
    int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0) {
        futimens(fd, NULL);
        struct stat sb;
        if (db->sign_out && fstat(fd, &sb) == 0) db->sign_seen = sb.st_mtim;
        close(fd);
    }
    free(path);
}

/* The process that put out the sign open at fd (its pid, written in it), or 0 when none is. */
static long sign_owner(int fd)
{
    char buf[24];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = 0;
    char *end;
    long pid = strtol(buf, &end, 10);
    if (end == buf || pid <= 0) return 0;
    /* A writer killed before taking its sign away: the next one takes it over. */
    if (kill((pid_t)pid, 0) != 0 && errno == ESRCH) return 0;
    return pid;
}

/* The live process whose sign is out beside the database, or 0 when none is. */
static long sign_owner_now(const struct db *db)
{
    char *path = sign_path(db);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    free(path);
    if (fd < 0) return 0;
    long owner = sign_owner(fd);
    close(fd);
    return owner;
}

void db_desk_sign_put(struct db *db)
{
    char *path = sign_path(db);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        struct stat sb;
        /* The database's own mode: a desk of another account may touch it. */
        if (stat(db->path, &sb) == 0) fchmod(fd, sb.st_mode & 0666);
        if (!sign_owner(fd)) {
            char pid[24];
            int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
            if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)n, 0) != n)
                log_write("cannot write the desks' sign %s: %s", path, strerror(errno));
        }
        if (fstat(fd, &sb) == 0) db->sign_seen = sb.st_mtim; /* nobody has waited yet */
        close(fd);
    }
    db->sign_out = 1;
    free(path);
}

void db_desk_sign_take(struct db *db)
{
    if (!db->sign_out) return;
    /*
    ** While the sign is out no desk checkpoints (wal_committed()): what the
    ** writer's own checkpoints could not copy (desks were reading) is copied
    ** now, by the writer, not by the next desk to save.
    */
    if (db->depth == 0)
        sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    db->sign_out = 0;
    /* Another long writer's, still at work (it put the sign out first): left to it. */
    long owner = sign_owner_now(db);
    if (!owner || owner == (long)getpid()) {
        char *path = sign_path(db);
        unlink(path);
        free(path);
    }
}

int db_desk_waited(struct db *db)
{
    /*
    ** Looked at once a millisecond at most: a long writer asks between its
    ** rows, and a stat() each was 2 % of a register's re-import. A touch
    ** not looked at yet is seen by the next look.
    */
    if (db->sign_looked.tv_sec && clock_ms_since(&db->sign_looked) < 1) return 0;
    clock_gettime(CLOCK_MONOTONIC, &db->sign_looked);
    char *path = sign_path(db);
    struct stat sb;
    int seen = stat(path, &sb) == 0;
    free(path);
    if (!seen) return 0;
    int changed =
        sb.st_mtim.tv_sec != db->sign_seen.tv_sec || sb.st_mtim.tv_nsec != db->sign_seen.tv_nsec;
    db->sign_seen = sb.st_mtim;
    return changed;
}

/*
** After each commit (SQLite's WAL hook, in place of its own): a passive
** checkpoint once the WAL holds checkpoint_pages, as SQLite's default does,
** unless another connection's long writer is at work (its sign is out, its
** process alive). That one checkpoints its own pages as it goes; a desk
** committing one row would otherwise copy tens of megabytes of them into
** the database (seconds, at millions of rows) before its save returned.
** Past CHECKPOINT_CEILING times checkpoint_pages the desk checkpoints
** anyway: a sign left by a writer killed in a power cut, whose pid another
** process has taken since, must not let the WAL grow without end.
**
** A passive checkpoint copies only the pages no reader still needs from
** the WAL, and the WAL starts over only once it was copied whole with
** nobody reading it: desks opening one after another (a save a second)
** kept a reader on it at nearly every checkpoint of a long import, and
** the WAL grew to 7.7 GB in a 3,500,000-row one (a desk's save then
** copied gigabytes). So past CHECKPOINT_RESTART times checkpoint_pages the
** long writer, once its passive checkpoint copied what it could (desks
** saving meanwhile), waits up to RESTART_WAIT_MS for the WAL's readers to
** move on, desks' saves waiting too, copies the rest and starts the WAL
** over; journal_size_limit cuts the file back. Not done in time, the next
** commit tries again.
*/
#define CHECKPOINT_CEILING 64
#define CHECKPOINT_RESTART 2
#define RESTART_WAIT_MS    200

static int wal_committed(void *arg, sqlite3 *h, const char *name, int pages)
{
    struct db *db = arg;
    if (pages < db->checkpoint_pages || db->checkpoint_behind) return SQLITE_OK;
    if (!db->sign_out && pages < CHECKPOINT_CEILING * db->checkpoint_pages && sign_owner_now(db))
        return SQLITE_OK;
    sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    if (db->sign_out && pages >= CHECKPOINT_RESTART * db->checkpoint_pages) {
        long limit = db->wait_limit_ms;
        db->wait_limit_ms = RESTART_WAIT_MS;
        sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_RESTART, NULL, NULL);
        db->wait_limit_ms = limit;
    }
    return SQLITE_OK;
}

void db_checkpoint_at(struct db *db, int pages)
{
    db->checkpoint_pages = pages > 0 ? pages : DB_CHECKPOINT_PAGES;
}

struct db_checkpointer {
    struct db *db;
    char *path;
    pthread_t thread;
};

static void *checkpoint_run(void *arg)
{
    struct db_checkpointer *c = arg;
    sqlite3 *h = NULL;
    if (sqlite3_open_v2(c->path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) ==
        SQLITE_OK) {
        /* Not the last connection, but should it become so: the writer copies the rest. */
        sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
        /* A connection learns the database is in WAL mode from its first read. */
        sqlite3_exec(h, "PRAGMA schema_version", NULL, NULL, NULL);
        sqlite3_wal_checkpoint_v2(h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
    sqlite3_close(h);
    return NULL;
}

struct db_checkpointer *db_checkpoint_behind(struct db *db)
{
    struct db_checkpointer *c = xcalloc(1, sizeof *c);
    c->db = db;
    c->path = xstrdup(db->path);
    if (pthread_create(&c->thread, NULL, checkpoint_run, c) != 0) {
        free(c->path);
        free(c);
        return NULL;
    }
    db->checkpoint_behind++;
    return c;
}

void db_checkpoint_join(struct db_checkpointer *c)
{
    if (!c) return;
    pthread_join(c->thread, NULL);
    c->db->checkpoint_behind--;
    free(c->path);
    free(c);
}

/*
** SQLite's busy handler: another connection holds the lock. Wait in short
** steps (a few milliseconds, so the lock is taken soon after it is
** released), telling the hook how long it has been; stop at the limit or
** when the hook says so. Returns 1 to try again, 0 to give up.
*/
static int busy_wait(void *arg, int count)
{
    struct db *db = arg;
    /* Every try: a long writer that looks for the sign between its batches lets this one in. */
    sign_touch(db);
    if (count == 0) {
        clock_gettime(CLOCK_MONOTONIC, &db->wait_start);
        db->wait_told = 0;
        db->wait_gave_up = 0;
    }
    long waited = clock_ms_since(&db->wait_start);
    if (db->wait_limit_ms && waited >= db->wait_limit_ms) {
        db->wait_gave_up = 1;
        return 0;
    }
    if (db->wait_hook && waited - db->wait_told >= DB_WAIT_TELL_MS) {
        db->wait_told = waited;
        if (!db->wait_hook(db->wait_ctx, waited)) {
            db->wait_gave_up = 1;
            return 0;
        }
    }
    sleep_ms(count < 20 ? 1 : 5);
    return 1;
}

void db_set_wait(struct db *db, db_wait_hook hook, void *ctx, long limit_ms)
{
    db->wait_hook = hook;
    db->wait_ctx = ctx;
    db->wait_limit_ms = limit_ms;
}

/* Exec SQL, returning the SQLite code. */
static int raw_exec(struct db *db, const char *sql)
{
    return sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

int db_collate_zh(void *arg, int na, const void *a, int nb, const void *b)
{
    (void)arg;
    return pinyin_collate(a, na, b, nb);
}

int db_schema_latest(void)
{
    return migrations_count ? migrations[migrations_count - 1].version : 0;
}

int db_schema_version(struct db *db)
{
    return (int)db_int(db, 0, "PRAGMA user_version");
}

/* Apply every migration newer than the database, each in one transaction. */
static int migrate(struct db *db, char **err)
{
    int have = db_schema_version(db);
    for (int i = 0; i < migrations_count; i++) {
        const struct migration *m = &migrations[i];
        if (m->version <= have) continue;
        int rc = db_write_begin(db);
        if (rc != DB_OK) {
            *err = xasprintf(_("%s: cannot upgrade the database: %s"), db->path, db_rc_message(rc));
            return rc;
        }
        char *set = xasprintf("PRAGMA user_version=%d", m->version);
        int src = raw_exec(db, m->sql);
        if (src == SQLITE_OK) src = raw_exec(db, set);
        free(set);
        if (src != SQLITE_OK) {
            *err = xasprintf(_("%s: migration %s failed: %s"), db->path, m->name,
                             sqlite3_errmsg(db->h));
            db_rollback(db);
            return DB_ERROR;
        }
        for (const struct migration_code *c = migration_code; c->run && rc == DB_OK; c++)
            if (c->version == m->version) rc = c->run(db);
        if (rc != DB_OK) {
            *err =
                xasprintf(_("%s: migration %s failed: %s"), db->path, m->name, db_rc_message(rc));
            db_rollback(db);
            return rc;
        }
        rc = db_commit(db);
        if (rc != DB_OK) {
            *err =
                xasprintf(_("%s: migration %s failed: %s"), db->path, m->name, db_rc_message(rc));
            return rc;
        }
    }
    return DB_OK;
}

/* Run a one-integer query without dying on a file that is not a database. */
static int try_int(struct db *db, const char *sql, int64_t *v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *v = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* SQLite's last error on db in words; the cause in the system's words when it was one. Caller
 * frees. */
static char *sqlite_error_text(struct db *db)
{
    int code = sqlite3_errcode(db->h) & 0xFF;
    int e = sqlite3_system_errno(db->h);
    if ((code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_FULL) && e)
        return util_errno_text(e);
    return xstrdup(sqlite3_errmsg(db->h));
}

/* Decide whether the file is ours, empty, or something else; refuse what we must. */
static int identify(struct db *db, unsigned flags, char **err)
{
    int64_t tables = 0;
    int rc = try_int(db, "SELECT count(*) FROM sqlite_schema", &tables);
    if (rc != SQLITE_OK) {
        if (map_rc_on(db, rc) == DB_NOT_OURS) {
            *err = xasprintf(_("%s is not a bangban database"), db->path);
            return DB_NOT_OURS;
        }
        char *why = sqlite_error_text(db);
        *err = xasprintf(_("cannot read %s: %s"), db->path, why);
        free(why);
        rc = map_rc_on(db, rc);
        return rc == DB_BUSY || rc == DB_FULL ? rc : DB_ERROR;
    }
    int64_t app = db_int(db, 0, "PRAGMA application_id");
    int version = db_schema_version(db);
    if (app == 0 && tables == 0 && version == 0) {
        if (flags & DB_OPEN_CREATE) return DB_OK;
        *err = xasprintf(_("%s is empty: create a database with \"bangban init\" or "
                           "\"bangban demo\""),
                         db->path);
        return DB_MISSING;
    }
    if (app != DB_APPLICATION_ID) {
        *err = xasprintf(_("%s is not a bangban database"), db->path);
        return DB_NOT_OURS;
    }
    if (version > db_schema_latest()) {
        *err = xasprintf(_("%s was written by a newer bangban (schema version %d; this "
                           "program knows up to %d). Install the newer bangban to open it."),
                         db->path, version, db_schema_latest());
        return DB_TOO_NEW;
    }
    return DB_OK;
}

/*
** Identify the database and set the connection up. While another
** connection is busy with it (a bulk load holding it in rollback mode, when
** even PRAGMA journal_mode=WAL fails at once, without the busy handler),
** try again in short steps, as long as the wait policy allows.
*/
static int open_settle(struct db *db, unsigned flags, char **err)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int rc = identify(db, flags, err);
        int src = SQLITE_OK;
        if (rc == DB_OK && (src = raw_exec(db, db_pragmas)) != SQLITE_OK) {
            rc = map_rc_on(db, src);
            if (rc != DB_BUSY) {
                char *why = sqlite_error_text(db);
                *err = xasprintf(_("cannot set up %s: %s"), db->path, why);
                free(why);
                return rc == DB_FULL ? DB_FULL : DB_ERROR;
            }
        }
        if (rc != DB_BUSY) return rc;
        if (db->wait_limit_ms && clock_ms_since(&start) >= db->wait_limit_ms) {
            if (!*err) *err = xasprintf(_("cannot set up %s: %s"), db->path, db_rc_message(rc));
            return rc;
        }
        free(*err);
        *err = NULL;
        sleep_ms(10);
    }
}

/*
** A database just made in a centre's shared folder (setgid and writable by
** its group, as README's "Running a centre on one box" sets it up) is the
** group's to read and write, 0660, whatever umask made it; SQLite gives its
** -wal and -shm the same mode. Anywhere else it stays its owner's alone.
*/
static void shared_mode(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = 0;
    else
        strcpy(dir, ".");
    struct stat ds;
    if (stat(dir, &ds) == 0 && (ds.st_mode & S_ISGID) && (ds.st_mode & S_IWGRP))
        chmod(path, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
    free(dir);
}

/* The map grows in steps of this much, never smaller than one step. */
#define DB_MAP_STEP (64LL << 20)
/* The largest map: past it, none (see db_map_set()). */
#define DB_MAP_CEILING (512LL << 20)

/*
** Map the whole database file, with a quarter more to grow into, rounded up
** to DB_MAP_STEP; a file whose map would pass DB_MAP_CEILING is not mapped.
** A map pages the file in as the kernel pages a program in: each page
** read maps the 64 KiB around it too, all counted to every desk that maps
** it. On a district's file (180 MiB at 355,600 residents) the desks read
** the same pages and share them, and a map is the fastest way to read; on
** a file of gigabytes (1.6 GiB at 3.5 million) each search maps tens of
** MiB the other desks do not share (measured by tests/bench/deskbench.c:
** 20 MiB a desk with the map, 4.5 without), so pages are read instead into
** the small private cache (cache_size). A fixed 1 GiB map smaller than the
** file did both: a map and a cache full of the pages past its end.
*/
static void db_map_set(struct db *db)
{
    struct stat sb;
    long long size = stat(db->path, &sb) == 0 ? (long long)sb.st_size : 0;
    long long want = (size + size / 4 + DB_MAP_STEP - 1) / DB_MAP_STEP * DB_MAP_STEP;
    if (want < DB_MAP_STEP) want = DB_MAP_STEP;
    if (want > DB_MAP_CEILING) want = 0;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA mmap_size=%lld", want);
    raw_exec(db, sql); /* a map refused only costs memory: the database works without one */
}

void db_map_off(struct db *db, int off)
{
    if (off)
        raw_exec(db, "PRAGMA mmap_size=0");
    else
        db_map_set(db);
}

struct db_vals {
    sqlite3_value **argv; /* the row's values, after the closure */
};

/* What db_each() binds: the visit to make for each row. */
struct each_closure {
    db_each_visit visit;
    void *ctx;
};

static const char each_pointer_type[] = "bangban_each";

/* bangban_each(closure, values...): an aggregate that visits each row and yields NULL. */
static void each_step(sqlite3_context *fc, int argc, sqlite3_value **argv)
{
    (void)fc;
    const struct each_closure *c =
        argc > 0 ? sqlite3_value_pointer(argv[0], each_pointer_type) : NULL;
    if (!c) return;
    struct db_vals v = {argv + 1};
    c->visit(c->ctx, &v);
}

static void each_final(sqlite3_context *fc)
{
    sqlite3_result_null(fc);
}

int db_open(const char *path, unsigned flags, struct db **out, char **err)
{
    struct stat sb;
    *out = NULL;
    *err = NULL;
    int made = 0;
    if (stat(path, &sb) != 0) {
        if (!(flags & DB_OPEN_CREATE)) {
            *err = xasprintf(_("there is no database at %s: create one with \"bangban init\" "
                               "or \"bangban demo\""),
                             path);
            return DB_MISSING;
        }
        path_make_parents(path, 0750);
        made = 1;
    }
    static int configured;
    if (!configured) {
        /* Memory statistics take a global mutex on every allocation; nothing reads them. */
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        /*
        ** No page cache starts with a bulk of 20 pages (~90 KiB): each CHECK
        ** (x IN ('a', 'b', 'c')) runs on a temporary table of its own, whose
        ** cache, allocated and freed with every statement, made glibc give
        ** the top of the heap back and fault it in again each time (bangban
        ** demo: 4,700 brk calls and 1.2 s of system time; 300 and 0.5 s
        ** without). Pages come one at a time instead.
        */
        sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
        configured = 1;
    }
    struct db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    /* One connection per thread: SQLite's own mutexes would only cost time. */
    int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                 ((flags & DB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
    int src = sqlite3_open_v2(path, &db->h, oflags, NULL);
    if (src != SQLITE_OK) {
        char *why = db->h ? sqlite_error_text(db) : xstrdup(sqlite3_errstr(src));
        *err = xasprintf(_("cannot open %s: %s"), path, why);
        free(why);
        db_close(db);
        return DB_ERROR;
    }
    if (made) {
        shared_mode(path);
    } else if ((flags & DB_OPEN_CREATE) && S_ISREG(sb.st_mode) && sb.st_size == 0 &&
               (sb.st_mode & (S_IRWXG | S_IRWXO))) {
        /* An empty file made beforehand (touch) becomes the register: its owner's alone too. */
        chmod(path, S_IRUSR | S_IWUSR);
        shared_mode(path);
    }
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    db->wait_limit_ms = (flags & DB_OPEN_QUEUE) ? 0 : DB_WAIT_DEFAULT_MS;
    sqlite3_busy_handler(db->h, busy_wait, db);
    db->checkpoint_pages = DB_CHECKPOINT_PAGES;
    sqlite3_wal_hook(db->h, wal_committed, db);
    sqlite3_create_collation_v2(db->h, "zh", SQLITE_UTF8, NULL, db_collate_zh, NULL);
    sqlite3_create_function_v2(db->h, each_pointer_type, -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                               NULL, each_step, each_final, NULL);

    int rc = open_settle(db, flags, err);
    if (rc == DB_OK) rc = migrate(db, err);
    if (rc != DB_OK) {
        db_close(db);
        return rc;
    }
    db_map_set(db);
    *out = db;
    return DB_OK;
}

void db_close(struct db *db)
{
    if (!db) return;
    if (db->h) {
        assert(db->stmts == NULL && "a statement was not finalized");
        while (db->idle) {
            struct db_stmt *s = db->idle;
            db->idle = s->next;
            sqlite3_finalize(s->st);
            free(s->sql);
            free(s);
        }
        sqlite3_close(db->h);
    }
    free(db->last_error);
    free(db->path);
    free(db);
}

const char *db_path(const struct db *db)
{
    return db->path;
}

unsigned db_generation(const struct db *db)
{
    return db->generation;
}

void db_generation_touch(struct db *db)
{
    db->generation++;
}

int db_others_wrote(struct db *db)
{
    if (!sqlite3_get_autocommit(db->h)) return 0; /* inside a transaction: what it reads stands */
    int64_t v = db_int(db, db->data_version, "PRAGMA data_version");
    int moved = db->data_version && v != db->data_version;
    db->data_version = v;
    if (moved) db->generation++;
    return moved;
}

/* An idle statement prepared from sql, taken out of the cache; NULL when there is none. */
static struct db_stmt *idle_take(struct db *db, const char *sql)
{
    for (struct db_stmt *s = db->idle, *prev = NULL; s; prev = s, s = s->next) {
        if (strcmp(s->sql, sql) != 0) continue;
        if (prev)
            prev->next = s->next;
        else
            db->idle = s->next;
        db->nidle--;
        s->prev = s->next = NULL;
        return s;
    }
    return NULL;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
    struct db_stmt *st = idle_take(db, sql);
    if (!st) {
        st = xcalloc(1, sizeof *st);
        const char *tail = NULL;
        st->db = db;
        if (sqlite3_prepare_v2(db->h, sql, -1, &st->st, &tail) != SQLITE_OK)
            die("SQL error: %s\n%s", sqlite3_errmsg(db->h), sql);
        while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == ';'))
            tail++;
        if (tail && *tail) die("SQL error: surplus text after the statement\n%s", sql);
        st->sql = xstrdup(sql);
    }
    st->next = db->stmts;
    if (db->stmts) db->stmts->prev = st;
    db->stmts = st;
    return st;
}

void db_bind_int(struct db_stmt *st, int idx, int64_t v)
{
    sqlite3_bind_int64(st->st, idx, v);
}

void db_bind_text(struct db_stmt *st, int idx, const char *s)
{
    if (s)
        sqlite3_bind_text(st->st, idx, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st->st, idx);
}

void db_bind_blob(struct db_stmt *st, int idx, const void *data, size_t n)
{
    sqlite3_bind_blob(st->st, idx, data, (int)n, SQLITE_TRANSIENT);
}

void db_bind_text_static(struct db_stmt *st, int idx, const char *s, size_t n)
{
    sqlite3_bind_text(st->st, idx, s, n == DB_TEXT_NUL ? -1 : (int)n, SQLITE_STATIC);
}

void db_bind_blob_static(struct db_stmt *st, int idx, const void *data, size_t n)
{
    sqlite3_bind_blob(st->st, idx, data, (int)n, SQLITE_STATIC);
}

void db_bind_null(struct db_stmt *st, int idx)
{
    sqlite3_bind_null(st->st, idx);
}

/* Keep what SQLite said about a failure, and log it with the statement. */
static void failure_note(struct db *db, int src, const char *sql)
{
    free(db->last_error);
    db->last_error = sqlite_error_text(db);
    if ((src & 0xFF) == SQLITE_INTERRUPT && db->gave_way) return; /* stopped for a desk: no fault */
    /* A value another record holds is the clerk's to hear about, not the log's. */
    if (map_rc(src) != DB_DUPLICATE)
        log_write("%s: %s (%s) in: %s", db->path, db->last_error, sqlite3_errstr(src),
                  sql ? sql : "");
}

int db_step(struct db_stmt *st)
{
    /* What SQLite said is about the last statement that failed: none has yet. */
    free(st->db->last_error);
    st->db->last_error = NULL;
    int src = sqlite3_step(st->st);
    int rc = map_rc_on(st->db, src);
    if (rc != DB_ROW && rc != DB_DONE) failure_note(st->db, src, st->sql);
    return rc;
}

int db_exists(struct db_stmt *st)
{
    int row = db_step(st) == DB_ROW;
    db_finalize(st);
    return row;
}

const char *db_last_error(const struct db *db)
{
    return db->last_error ? db->last_error : "";
}

char *db_duplicate_field(const struct db *db)
{
    /* "UNIQUE constraint failed: unit.code" (", unit.name" when there are more). */
    static const char prefix[] = "UNIQUE constraint failed: ";
    const char *e = db->last_error;
    if (!e || strncmp(e, prefix, sizeof prefix - 1) != 0) return NULL;
    const char *col = e + sizeof prefix - 1;
    const char *dot = strchr(col, '.');
    if (dot) col = dot + 1;
    return xstrndup(col, strcspn(col, ", "));
}

int64_t db_val_int(const struct db_vals *v, int i)
{
    return sqlite3_value_int64(v->argv[i]);
}

const char *db_val_text(const struct db_vals *v, int i)
{
    const unsigned char *t = sqlite3_value_text(v->argv[i]);
    return t ? (const char *)t : "";
}

int db_each(struct db_stmt *st, int slot, db_each_visit visit, void *ctx)
{
    struct each_closure c = {visit, ctx};
    sqlite3_bind_pointer(st->st, slot, &c, each_pointer_type, NULL);
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        ;
    /* The closure lives on this stack: unbind it before it goes. */
    sqlite3_reset(st->st);
    sqlite3_bind_null(st->st, slot);
    return rc == DB_DONE ? DB_OK : rc;
}

int64_t db_col_int(struct db_stmt *st, int i)
{
    return sqlite3_column_int64(st->st, i);
}

void *db_collect(struct db_stmt *st, size_t elem, db_row_reader read, size_t *n, int *rc)
{
    char *v = NULL;
    size_t cap = 0;
    *n = 0;
    while ((*rc = db_step(st)) == DB_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            v = xrealloc(v, cap * elem);
        }
        read(st, v + (*n)++ * elem);
    }
    db_finalize(st);
    if (*rc == DB_DONE) *rc = DB_OK;
    return v;
}

int db_read_one(struct db_stmt *st, db_row_reader read, void *out)
{
    int rc = db_step(st);
    if (rc == DB_ROW) read(st, out);
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

double db_col_real(struct db_stmt *st, int i)
{
    return sqlite3_column_double(st->st, i);
}

const char *db_col_text(struct db_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st->st, i);
    return t ? (const char *)t : "";
}

int db_col_is_null(struct db_stmt *st, int i)
{
    return sqlite3_column_type(st->st, i) == SQLITE_NULL;
}

const void *db_col_blob(struct db_stmt *st, int i, size_t *n)
{
    const void *p = sqlite3_column_blob(st->st, i);
    *n = (size_t)sqlite3_column_bytes(st->st, i);
    return p;
}

char *db_col_dup(struct db_stmt *st, int i)
{
    return xstrdup(db_col_text(st, i));
}

void db_reset(struct db_stmt *st)
{
    sqlite3_reset(st->st);
}

void db_finalize(struct db_stmt *st)
{
    if (!st) return;
    if (st->prev)
        st->prev->next = st->next;
    else
        st->db->stmts = st->next;
    if (st->next) st->next->prev = st->prev;
    struct db *db = st->db;
    if (db->nidle < DB_IDLE_MAX) {
        sqlite3_reset(st->st);
        sqlite3_clear_bindings(st->st);
        st->prev = NULL;
        st->next = db->idle;
        db->idle = st;
        db->nidle++;
        return;
    }
    sqlite3_finalize(st->st);
    free(st->sql);
    free(st);
}

int db_exec(struct db *db, const char *sql)
{
    free(db->last_error);
    db->last_error = NULL;
    int src = raw_exec(db, sql);
    if (src != SQLITE_OK) failure_note(db, src, sql);
    return map_rc_on(db, src);
}

int db_cache_load(struct db *db, int mib)
{
    if (mib <= 0) return db_exec(db, DB_DESK_CACHE);
    char sql[48];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", mib * 1024);
    return db_exec(db, sql);
}

void db_write_flat(struct db *db, int on)
{
    db->flat = on;
}

int db_journal_memory(struct db *db, int on)
{
    if (!sqlite3_get_autocommit(db->h)) return DB_OK; /* the outer write's, as it began */
    return db_exec(db, on ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT");
}

/* The progress handler while giving way: nonzero (stop the statement) once a desk waits. */
static int give_way_look(void *arg)
{
    struct db *db = arg;
    if (!db->gave_way && db_desk_waited(db)) db->gave_way = 1;
    return db->gave_way;
}

int db_give_way(struct db *db, int on)
{
    int gave = db->gave_way;
    db->gave_way = 0;
    /* Every 100,000 steps of SQLite's program: a few hundred looks at the sign a second. */
    if (on)
        sqlite3_progress_handler(db->h, 100000, give_way_look, db);
    else
        sqlite3_progress_handler(db->h, 0, NULL, NULL);
    return gave;
}

/* db_index_build(), stopped as soon as a desk waits when gave_way is not NULL (then set). */
static int index_build(struct db *db, const char *sql, int *gave_way)
{
    int64_t cache = db_int(db, -2000, "PRAGMA cache_size");
    int rc = db_exec(db, "PRAGMA cache_size = -1024; PRAGMA threads = 2");
    if (rc == DB_OK && gave_way) {
        db_give_way(db, 1);
        int src = raw_exec(db, sql);
        *gave_way = db_give_way(db, 0) && src == SQLITE_INTERRUPT;
        if (src != SQLITE_OK && !*gave_way) failure_note(db, src, sql);
        rc = *gave_way ? DB_OK : map_rc_on(db, src);
    } else if (rc == DB_OK) {
        rc = db_exec(db, sql);
    }
    char *back = xasprintf("PRAGMA cache_size = %lld; PRAGMA threads = 0", (long long)cache);
    int brc = db_exec(db, back);
    free(back);
    return rc == DB_OK ? brc : rc;
}

int db_index_build(struct db *db, const char *sql)
{
    return index_build(db, sql, NULL);
}

int db_index_build_giving_way(struct db *db, const char *sql, int *gave_way)
{
    *gave_way = 0;
    return index_build(db, sql, gave_way);
}

int db_analyze(struct db *db)
{
    return db_exec(db, "ANALYZE");
}

int64_t db_int(struct db *db, int64_t dflt, const char *sql)
{
    int64_t v;
    return db_count(db, sql, &v) == DB_OK ? v : dflt;
}

int db_count(struct db *db, const char *sql, int64_t *n)
{
    struct db_stmt *st = db_prepare(db, sql);
    int rc = db_step(st);
    *n = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

/* Run "WHAT sN" for the savepoint of nesting level n (RELEASE, ROLLBACK TO ...). */
static int savepoint(struct db *db, const char *what, int n)
{
    char sql[48];
    snprintf(sql, sizeof sql, "%s s%d", what, n);
    return raw_exec(db, sql);
}

/*
** In flat mode (db_write_flat()), whether SQLite itself ended the
** transaction under a nested level (a full disk, an I/O error): then it is
** doomed, and the level fails.
*/
static int flat_lost(struct db *db)
{
    if (!db->flat || !sqlite3_get_autocommit(db->h)) return 0;
    db->doomed = 1;
    return 1;
}

int db_write_begin(struct db *db)
{
    if (db->depth > 0) {
        /* Nested: a savepoint, so the inner work can be undone alone. */
        int rc = db->flat ? DB_OK : map_rc_on(db, savepoint(db, "SAVEPOINT", db->depth + 1));
        if (flat_lost(db)) rc = DB_ERROR;
        if (rc == DB_OK) db->depth++;
        return rc;
    }
    db->depth = 1;
    db->doomed = 0;
    for (int tries = 0;; tries++) {
        db->wait_gave_up = 0;
        int rc = map_rc_on(db, raw_exec(db, "BEGIN IMMEDIATE"));
        if (rc == DB_OK) return DB_OK;
        if (rc != DB_BUSY || tries >= DB_RETRIES || db->wait_gave_up) {
            db->depth = 0;
            return rc;
        }
        sleep_ms(1 + rand() % 20);
    }
}

int db_commit(struct db *db)
{
    assert(db->depth > 0);
    if (db->depth > 1) {
        int rc =
            db->doomed || db->flat ? DB_OK : map_rc_on(db, savepoint(db, "RELEASE", db->depth));
        if (flat_lost(db)) rc = DB_ERROR;
        db->depth--;
        return rc;
    }
    db->depth = 0;
    if (db->doomed) {
        if (!sqlite3_get_autocommit(db->h)) raw_exec(db, "ROLLBACK");
        db->doomed = 0;
        return DB_ERROR;
    }
    for (int tries = 0;; tries++) {
        db->wait_gave_up = 0;
        int rc = map_rc_on(db, raw_exec(db, "COMMIT"));
        if (rc == DB_OK) {
            db->generation++;
            /* Put out again: another long writer that put it out first and ended took it away. */
            if (db->sign_out) db_desk_sign_put(db);
            return DB_OK;
        }
        if (rc != DB_BUSY || tries >= DB_RETRIES || db->wait_gave_up) {
            if (!sqlite3_get_autocommit(db->h)) raw_exec(db, "ROLLBACK");
            return rc;
        }
        sleep_ms(1 + rand() % 20);
    }
}

void db_rollback(struct db *db)
{
    if (db->depth == 0) return;
    if (db->depth > 1) {
        /* Undo the inner work alone; when SQLite already ended the whole transaction (a full
         * disk, an I/O error), the outermost commit must fail. */
        if (db->flat || sqlite3_get_autocommit(db->h) ||
            savepoint(db, "ROLLBACK TO", db->depth) != SQLITE_OK ||
            savepoint(db, "RELEASE", db->depth) != SQLITE_OK)
            db->doomed = 1;
        db->depth--;
        return;
    }
    db->depth = 0;
    /* After SQLITE_FULL or an I/O error SQLite may have rolled back already. */
    if (!sqlite3_get_autocommit(db->h)) raw_exec(db, "ROLLBACK");
    db->doomed = 0;
}

/* The journal mode after asking for mode (the pragma answers with the mode in effect). */
static int journal_mode_is(struct db *db, const char *mode)
{
    char *sql = xasprintf("PRAGMA journal_mode=%s", mode);
    sqlite3_stmt *st;
    int ok = 0;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *now = sqlite3_column_text(st, 0);
            ok = now && sqlite3_stricmp((const char *)now, mode) == 0;
        }
        sqlite3_finalize(st);
    }
    free(sql);
    return ok;
}

int db_journal_exclusive(struct db *db)
{
    assert(db->depth == 0);
    /* Do not wait for other desks: if one is there, the WAL simply stays. */
    sqlite3_busy_handler(db->h, NULL, NULL);
    int switched = journal_mode_is(db, "delete");
    sqlite3_busy_handler(db->h, busy_wait, db);
    return switched;
}

void db_journal_wal(struct db *db)
{
    journal_mode_is(db, "wal");
}

int64_t db_last_id(struct db *db)
{
    return sqlite3_last_insert_rowid(db->h);
}

int db_changes(struct db *db)
{
    return sqlite3_changes(db->h);
}

void db_assert_idle(struct db *db)
{
#ifndef NDEBUG
    if (!db) return;
    assert(sqlite3_get_autocommit(db->h) && "a transaction is open while waiting for a key");
    for (struct db_stmt *s = db->stmts; s; s = s->next)
        assert(!sqlite3_stmt_busy(s->st) && "a statement is half-stepped while waiting for a key");
#else
    (void)db;
#endif
}

int db_check(struct db *db, struct strbuf *report)
{
    int problems = 0;
    struct db_stmt *st = db_prepare(db, "PRAGMA integrity_check");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        const char *line = db_col_text(st, 0);
        if (str_eq(line, "ok")) continue;
        strbuf_addf(report, "%s\n", line);
        problems++;
    }
    db_finalize(st);
    if (rc != DB_DONE) {
        strbuf_addf(report, "%s\n", db_last_error(db));
        return problems + 1;
    }
    st = db_prepare(db, "PRAGMA foreign_key_check");
    while ((rc = db_step(st)) == DB_ROW) {
        strbuf_addf(report, _("table %s row %lld points to a missing row of %s\n"),
                    db_col_text(st, 0), (long long)db_col_int(st, 1), db_col_text(st, 2));
        problems++;
    }
    db_finalize(st);
    return problems;
}

char *db_meta_get(struct db *db, const char *key)
{
    struct db_stmt *st = db_prepare(db, "SELECT value FROM meta WHERE key = ?1");
    db_bind_text(st, 1, key);
    char *v = db_step(st) == DB_ROW ? db_col_dup(st, 0) : NULL;
    db_finalize(st);
    return v;
}

int db_write_one(struct db *db, struct db_stmt *st, int64_t *id)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) {
        db_finalize(st);
        return rc;
    }
    rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) {
        db_rollback(db);
        return rc;
    }
    int64_t rowid = db_last_id(db);
    rc = db_commit(db);
    if (rc == DB_OK && id) *id = rowid;
    return rc;
}

int db_write_versioned(struct db *db, struct db_stmt *st, int64_t *id)
{
    int rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    if (*id && db_changes(db) == 0) return DB_CONFLICT;
    if (!*id) *id = db_last_id(db);
    return DB_OK;
}

int db_retire_in(struct db *db, const char *table, int64_t id, int64_t version, int retired,
                 const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    char *sql = xasprintf("UPDATE %s SET retired = ?1, version = version + 1, updated_at = ?2,"
                          " updated_by = ?3 WHERE id = ?4 AND version = ?5",
                          table);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_int(st, 1, retired ? 1 : 0);
    db_bind_text(st, 2, when);
    db_bind_text(st, 3, actor);
    db_bind_int(st, 4, id);
    db_bind_int(st, 5, version);
    int64_t row = id;
    return db_write_versioned(db, st, &row);
}

int db_retire_versioned(struct db *db, const char *table, int64_t id, int64_t version, int retired,
                        const char *actor)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = db_retire_in(db, table, id, version, retired, actor);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int db_meta_set(struct db *db, const char *key, const char *value)
{
    struct db_stmt *st = db_prepare(db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    db_bind_text(st, 1, key);
    db_bind_text(st, 2, value);
    return db_write_one(db, st, NULL);
}
