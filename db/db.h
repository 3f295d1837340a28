/*
** db: the connection and a small statement wrapper in the fossil style
** (prepare / bind / step / column / finalize; values are always bound,
** never pasted into SQL). The only module that talks to SQLite; stores
** (area.c, ...) build on it, and callers above see db_rc codes, never an
** SQLite error number.
**
** A connection is opened with WAL, foreign keys, a busy timeout,
** synchronous=FULL and a memory map, migrated to the newest schema, and
** has the "zh" collation (pinyin order, numbers as numbers).
** Every write runs inside db_write_begin() / db_commit(), which issue
** BEGIN IMMEDIATE, waiting as db_set_wait() says while another desk holds
** the write lock.
*/
#ifndef BANGBAN_DB_H
#define BANGBAN_DB_H

#include <stdint.h>

#include "src/util.h"

enum db_rc {
    DB_OK = 0,
    DB_ROW,       /* db_step(): a row is ready */
    DB_DONE,      /* db_step(): no more rows */
    DB_NOTFOUND,  /* the row asked for does not exist */
    DB_CONFLICT,  /* the row changed since it was read: someone else saved first */
    DB_DUPLICATE, /* a unique value (a code, an ID number) is already taken */
    DB_INVALID,   /* refused by a rule of the data (a missing parent, a check) */
    DB_BUSY,      /* another desk kept the database locked through every retry */
    DB_FULL,      /* the disk is full; nothing was written */
    DB_MISSING,   /* db_open(): no database at that path */
    DB_NOT_OURS,  /* db_open(): the file is not a bangban database */
    DB_TOO_NEW,   /* db_open(): written by a newer bangban */
    DB_DENIED,    /* the user acting has not the right to do it (src/roles.h) */
    DB_ERROR,     /* anything else; db_last_error() and db_rc_text() say what */
};

struct db;
struct db_stmt;

/*
** While another connection writes, a connection waits: hook (may be NULL)
** hears about every 100 ms how long it has waited and returns 1 to wait
** on, 0 to give up; limit_ms ends the wait anyway (0: never). The statement
** that waited then fails with DB_BUSY. db_open() sets no hook and a limit
** of 10 s; the desk shows the wait and gives up on Esc, an import waits its
** turn as long as it takes.
*/
typedef int (*db_wait_hook)(void *ctx, long waited_ms);
void db_set_wait(struct db *db, db_wait_hook hook, void *ctx, long limit_ms);

/*
** A long writer's sign for desks: db_desk_sign_put() makes (or reuses) a
** file beside the database (PATH-waiting, with the database's mode) that
** names the process that put it out; while it is there, a connection
** waiting for the write lock touches it. Each commit of the connection
** puts it out again (another long writer that put it out first and ended
** took it away). db_desk_sign_take() checkpoints what the writer left in
** the WAL (no desk did meanwhile) and removes the sign when it is done,
** unless another long writer put it out and is still at work (it takes it
** away itself); it does nothing on a connection that did not put it out.
** A writer that was killed leaves it, and the next one takes it over.
*/
void db_desk_sign_put(struct db *db);
void db_desk_sign_take(struct db *db);

/*
** Whether another connection has waited for the write lock since the last
** look or db_desk_sign_put(): the sign's time changed, looked at with one
** stat() once a millisecond at most (a call sooner says no; the next look
** sees what it did not). A long writer that holds the lock through many
** rows calls it between them and commits at once when it says yes.
*/
int db_desk_waited(struct db *db);

/*
** A commit checkpoints the WAL (passively) once it holds pages pages (0:
** DB_CHECKPOINT_PAGES, SQLite's own default), unless another connection's
** long writer has its sign out (db_desk_sign_put()): that one checkpoints
** as it goes, and a desk's save never copies its pages, until the WAL
** holds 64 times as many (a sign a killed writer left, naming a pid in use
** again).
*/
#define DB_CHECKPOINT_PAGES 1000
void db_checkpoint_at(struct db *db, int pages);

/*
** A passive checkpoint of db's WAL on a connection and a thread of their
** own, copying what is committed while db's connection goes on writing
** (the copy's disk writes and its sync overlap the writer's work). The
** writer's own commits checkpoint nothing until db_checkpoint_join().
** Returns the checkpoint under way, or NULL when none could be started
** (nothing is lost: the writer's next checkpoint copies it).
*/
struct db_checkpointer;
struct db_checkpointer *db_checkpoint_behind(struct db *db);

/* Wait for a checkpoint begun by db_checkpoint_behind() (NULL: none) and free it. */
void db_checkpoint_join(struct db_checkpointer *c);

/* PRAGMA application_id of every bangban database ("BANG"). */
#define DB_APPLICATION_ID 0x42414E47

/*
** The "zh" collation (pinyin order, numbers as numbers) as SQLite calls it,
** for a connection opened outside db_open() (a backup being checked).
*/
int db_collate_zh(void *arg, int na, const void *a, int nb, const void *b);

/* db_open() flags. */
#define DB_OPEN_CREATE 1u /* create the file (and its directory) when missing */
#define DB_OPEN_QUEUE  2u /* wait as long as another writer needs, from the first statement on */

/*
** Open the database at path, set it up and bring its schema to the newest
** version (each migration in its own transaction). Returns DB_OK with *out
** set, or an error code with *err set to a sentence for people (caller
** frees) and *out NULL: DB_MISSING, DB_NOT_OURS, DB_TOO_NEW, DB_ERROR.
*/
int db_open(const char *path, unsigned flags, struct db **out, char **err);

/* Close the connection. Every statement must have been finalized. NULL is fine. */
void db_close(struct db *db);

/* The path the database was opened from. Borrowed. */
const char *db_path(const struct db *db);

/*
** The data's generation: a number that moves with every write transaction
** this connection commits. Screens compare it with the one they loaded at
** to know when to read their rows again.
*/
unsigned db_generation(const struct db *db);

/* Move the generation without a write of ours: another desk's change was seen (a lost race). */
void db_generation_touch(struct db *db);

/*
** Look whether another connection (another desk, an import, the kiosk)
** committed since the last look (SQLite's data_version: no disk read). If
** so, moves the generation, so the screens read their rows again, and
** returns 1; else 0. The first look only notes where things stand.
*/
int db_others_wrote(struct db *db);

/* The schema version of the open database, and the newest this program knows. */
int db_schema_version(struct db *db);
int db_schema_latest(void);

/*
** Prepare one SQL statement. A statement that does not compile is a
** program error and dies with the SQL shown. Finalize with db_finalize().
** Finalized statements stay compiled in a small cache and come back from
** the next prepare of the same text, reset and with no bindings.
*/
struct db_stmt *db_prepare(struct db *db, const char *sql);

/* Bind parameter idx (1-based, ?1 ...). Text is copied; NULL text binds NULL. */
void db_bind_int(struct db_stmt *st, int idx, int64_t v);
void db_bind_text(struct db_stmt *st, int idx, const char *s);
void db_bind_null(struct db_stmt *st, int idx);
/* Bind n bytes as a blob (copied). */
void db_bind_blob(struct db_stmt *st, int idx, const void *data, size_t n);
/*
** Bind n bytes of text that stay valid and unchanged until the next step or
** reset (not copied); n DB_TEXT_NUL: up to its NUL, measured by SQLite's own
** loop (a generator binding millions of short codes spent 6 % of its
** writing thread in libc's strlen() calls).
*/
#define DB_TEXT_NUL ((size_t)-1)
void db_bind_text_static(struct db_stmt *st, int idx, const char *s, size_t n);
/* Bind n bytes as a blob that stay valid and unchanged until the next step or reset (not copied).
 */
void db_bind_blob_static(struct db_stmt *st, int idx, const void *data, size_t n);

/*
** Run the statement one step. Returns DB_ROW, DB_DONE, or an error code
** (DB_DUPLICATE for a unique constraint, DB_INVALID for another
** constraint, DB_BUSY, DB_FULL, DB_ERROR).
*/
int db_step(struct db_stmt *st);

/* Run st, bound, one step and finalize it: 1 when it gave a row, 0 when not (or it failed). */
int db_exists(struct db_stmt *st);

/* Column i (0-based) of the current row. Text is borrowed until the next step; NULL reads as "". */
int64_t db_col_int(struct db_stmt *st, int i);
double db_col_real(struct db_stmt *st, int i);
const char *db_col_text(struct db_stmt *st, int i);
int db_col_is_null(struct db_stmt *st, int i);
/* Column i as a blob: its bytes (borrowed until the next step) and length in *n. */
const void *db_col_blob(struct db_stmt *st, int i, size_t *n);
/* A copy of column i; caller frees. */
char *db_col_dup(struct db_stmt *st, int i);

/*
** A row handed to a db_each() visitor: its values, read with db_val_int()
** and db_val_text() (0-based; NULL reads as 0 and ""; text borrowed for
** the visit only).
*/
struct db_vals;
int64_t db_val_int(const struct db_vals *v, int i);
const char *db_val_text(const struct db_vals *v, int i);
typedef void (*db_each_visit)(void *ctx, const struct db_vals *v);
/*
** Run st to its end, handing visit each row of a pass written as
** "SELECT bangban_each(?N, a, b, ...) FROM ... WHERE ...": the values a, b,
** ... of each row are given to visit(ctx, ...) inside SQLite's step, with
** no row handed back through sqlite3_step and the column calls (a sixth of
** the instructions of a pass over a year's requests). slot is N, the
** parameter bound here. visit must not use the connection. Returns DB_OK
** or the error that stopped it (as db_step()).
*/
int db_each(struct db_stmt *st, int slot, db_each_visit visit, void *ctx);

/* Reads the current row of st into the record at slot (see db_collect(), db_read_one()). */
typedef void (*db_row_reader)(struct db_stmt *st, void *slot);

/*
** Step st to its end, reading each row with read into a new array of
** elem-byte slots. Returns the array (NULL when there are no rows; caller
** frees it and what read put in it), *n the rows, and *rc DB_OK or the
** error that stopped it (the rows read before it are returned all the
** same). Finalizes st.
*/
void *db_collect(struct db_stmt *st, size_t elem, db_row_reader read, size_t *n, int *rc);

/*
** Step st (prepared and bound) once and read its row into out with read.
** Returns DB_OK, DB_NOTFOUND when there is no row, or an error. Finalizes st.
*/
int db_read_one(struct db_stmt *st, db_row_reader read, void *out);

/* Ready the statement to run again (bindings are kept). */
void db_reset(struct db_stmt *st);
/* Release the statement (to the cache; see db_prepare()). NULL is fine. */
void db_finalize(struct db_stmt *st);

/*
** Run one prepared and bound statement that writes, as its own write
** transaction (or within the caller's), and finalize it. *id, when not
** NULL, gets the rowid it inserted. Returns DB_OK, or an error (rolled back).
*/
int db_write_one(struct db *db, struct db_stmt *st, int64_t *id);

/*
** Inside the caller's write transaction, run st, an INSERT (when *id is 0)
** or an UPDATE ... WHERE id = ? AND version = ?, and finalize it. Returns
** DB_OK with *id set to the row inserted (kept for an update), DB_CONFLICT
** when the update found no row of that version, or the error. Neither
** commits nor rolls back: the caller does, after what goes with the write
** (its audit row).
*/
int db_write_versioned(struct db *db, struct db_stmt *st, int64_t *id);

/*
** Inside the caller's write transaction: retire (retired 1) or restore (0)
** row id of table (a constant name), checking its version, as actor.
** DB_OK, DB_CONFLICT when the version moved, or the error; neither commits
** nor rolls back.
*/
int db_retire_in(struct db *db, const char *table, int64_t id, int64_t version, int retired,
                 const char *actor);

/*
** Retire (retired 1) or restore (0) row id of table (a constant name),
** checking its version, as actor: in its own write transaction or the
** caller's. Returns DB_OK, DB_CONFLICT when the version moved, or the error.
*/
int db_retire_versioned(struct db *db, const char *table, int64_t id, int64_t version, int retired,
                        const char *actor);

/* Run SQL without parameters (may hold several statements). Returns DB_OK or an error code. */
int db_exec(struct db *db, const char *sql);

/*
** The private page cache a desk's connection keeps (db_open() sets it): a
** load that raised it for its run sets it back with this, as PRAGMA text.
*/
#define DB_DESK_CACHE "PRAGMA cache_size=-1536"

/*
** A long write whose rows land all over their indexes (an import row by
** row into a register that has rows, a generated history, the demo's
** organisations and their keys) keeps a page cache of mib MiB while it
** runs: its pages are written to the WAL at its commits, not spilled there
** and read back again and again as a desk's 1.5 MiB cache made them. mib 0
** at its end: the desk's cache again (DB_DESK_CACHE; the pages beyond it
** freed). Returns DB_OK or an error.
*/
int db_cache_load(struct db *db, int mib);

/*
** A long write that meets pages all over the file (an import row by row
** into a register) reads them through its page cache instead of the
** memory map (off 1): every page met through the map counts in the
** process's memory, 225 MiB for a re-import of 355,600 residents. off 0:
** the map again, sized to the file as db_open() sets it.
*/
void db_map_off(struct db *db, int off);

/*
** A write of many small savepoints, one a row (an import row by row of a
** ledger whose rows are each refused alone), keeps their statement
** journals in memory (on 1) rather than in a file under /var/tmp once one
** passes 64 KiB, and back to the default at its end (on 0): each row's
** journal is a few dozen pages, written and thrown away, and the file they
** went to cost a third of such an import's time in system calls.
** Temporary tables and sorts go to memory too; the import makes none.
** Inside a transaction it does nothing: SQLite fixes them as the outer
** write begins. Returns DB_OK or an error.
*/
int db_journal_memory(struct db *db, int on);

/*
** Run sql, CREATE INDEX statements over a table already filled, the way
** SQLite's sorter builds them fastest: its sorted runs kept to 1 MiB (they
** fit the processor's cache; one run the size of a bulk load's page cache
** took 1.7 times as long) and two worker threads sorting and merging them.
** The connection's cache size is put back after. Returns DB_OK or an error.
*/
int db_index_build(struct db *db, const char *sql);

/*
** db_index_build() inside a transaction of a long writer that put out the
** desks' sign, giving way to desks: when another connection waits for the
** write lock meanwhile (db_desk_waited()), the build is stopped, SQLite
** rolls the whole transaction back, and *gave_way is set. The caller then
** ends it (db_rollback()), lets the desk in and builds again. Returns DB_OK
** (built, or given way) or an error.
*/
int db_index_build_giving_way(struct db *db, const char *sql, int *gave_way);

/*
** A long writer that put out the desks' sign, giving way to desks: while
** on, a statement stops (SQLITE_INTERRUPT, an error to its caller; SQLite
** may have undone the whole transaction) as soon as another connection
** waits for the write lock (db_desk_waited()), and so does every
** statement after it. Off again, returns whether one was stopped
** meanwhile: the caller then ends the transaction (db_rollback()), lets
** the desk in and tries again.
*/
int db_give_way(struct db *db, int on);

/* Gather the statistics the query planner chooses indexes by (after a bulk load). */
int db_analyze(struct db *db);

/* Run a query with no parameters that returns one integer (or dflt when there is no row). */
int64_t db_int(struct db *db, int64_t dflt, const char *sql);

/*
** The same for a count that is shown to people: returns DB_OK with *n,
** DB_NOTFOUND when the query gave no row, or the error that stopped it
** (then *n is 0 and must not be shown as a count).
*/
int db_count(struct db *db, const char *sql, int64_t *n);

/*
** Start a write transaction: BEGIN IMMEDIATE, retried with jitter while
** another connection holds the write lock. Calls nest: an inner call
** starts a savepoint, so an inner db_rollback() undoes the inner work
** alone and the outer transaction goes on (an importer refuses one row and
** takes the rest); only the outermost commits. Returns DB_OK, or DB_BUSY
** (the outermost, after the retries), DB_FULL or DB_ERROR (a savepoint
** that could not start): then nothing started, and the caller must not
** commit or roll back this level.
*/
int db_write_begin(struct db *db);

/*
** Commit: an inner call releases its savepoint (returning DB_OK without a
** word once the transaction is lost: the outermost will say it); the
** outermost commits and moves the generation. When SQLite lost the
** transaction under an inner level (a full disk), the whole is rolled
** back and DB_ERROR returned; a
** failed COMMIT is rolled back and its code returned (DB_BUSY after the
** retries, DB_FULL, DB_ERROR).
*/
int db_commit(struct db *db);
/* Roll back the current level: an inner one to its savepoint, the outermost whole (safe when SQLite
 * already did). */
void db_rollback(struct db *db);

/*
** While on, the levels nested in a transaction take no savepoint: an inner
** db_rollback() cannot undo its work alone, so it dooms the transaction
** (its outermost commit rolls everything back and fails), and a level that
** begins or commits after SQLite itself ended the transaction (a full disk,
** an I/O error) fails and dooms it too. For a long write
** whose every failure stops it whole, an import of residents row by row:
** each row's savepoint journal, a copy of every page the row touched, was
** work thrown away. Off again at its end.
*/
void db_write_flat(struct db *db, int on);

/*
** For a bulk load: write with a rollback journal instead of the WAL (pages
** are then written once, not twice), which SQLite allows only while no
** other connection has the database open. Returns 1 when switched (call
** db_journal_wal() after the load), 0 when another desk is connected and
** the WAL stays. Call outside any transaction.
*/
int db_journal_exclusive(struct db *db);
void db_journal_wal(struct db *db);

/* Row id of the last INSERT; rows changed by the last statement. */
int64_t db_last_id(struct db *db);
int db_changes(struct db *db);

/*
** What SQLite said about the last statement run on this connection when it
** failed ("" when it did not): kept past the rollback that follows, and
** written to the log (src/log.h) with the statement when it happened.
** Borrowed.
*/
const char *db_last_error(const struct db *db);

/*
** After DB_DUPLICATE: the column whose value is taken ("code", "id_number"),
** from the failure SQLite reported; NULL when it did not say. Caller frees.
*/
char *db_duplicate_field(const struct db *db);

/*
** Debug builds: abort unless the connection is idle: no transaction open
** and no statement half-stepped. Called before the program waits for a key.
*/
void db_assert_idle(struct db *db);

/*
** Check the database: PRAGMA integrity_check and foreign_key_check.
** Appends one line per problem to report. Returns the number of problems
** (0 when the database is sound).
*/
int db_check(struct db *db, struct strbuf *report);

/* A fact about the database from the meta table ("district", "demo"); NULL when unset. Caller
 * frees. */
char *db_meta_get(struct db *db, const char *key);
/* Set a fact (inside or outside a write transaction). Returns DB_OK or an error. */
int db_meta_set(struct db *db, const char *key, const char *value);

/* A sentence for people about rc (e.g. for DB_BUSY). Borrowed, translated. */
const char *db_rc_message(int rc);

/*
** The same, followed for DB_ERROR and DB_INVALID by what the database said
** in its own words (db_last_error()). db may be NULL. Caller frees.
*/
char *db_rc_text(const struct db *db, int rc);

#endif
