/*
** resident_bulk: see resident_bulk.h.
*/
#include "db/resident_bulk.h"
#include "db/key_tables.h"
#include "db/postings.h"
#include "db/name_keys.h"
#include "db/resident_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/text.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The meta key set while a shared load's rows are in but their search keys not yet: the pid. */
#define KEYS_PENDING "resident_keys_pending"

/*
** The meta key holding the CREATE INDEX statements of the resident table's
** indexes a shared load dropped and has not built again yet, one a line.
*/
#define INDEXES_PENDING "resident_indexes_pending"

/*
** A shared load commits what it wrote as soon as a desk waits for the lock
** (db_desk_waited()), else when its batch has run BATCH_MS: first
** BATCH_FIRST_MS, each time twice as long up to BATCH_MS. Each commit writes
** most of the ID number index's leaf pages to the WAL again (its rows come
** in no order): cheap while the index is small, so the first rows show soon.
*/
#define BATCH_FIRST_MS 250
#define BATCH_MS       2000

/*
** After committing for a waiting desk the load pauses this long: more than
** the longest a desk sleeps between tries for the lock (db.c's busy_wait()).
*/
#define DESK_PAUSE_MS 6

/*
** A batch runs at least this long before it is committed for a waiting
** desk: desks saving one after another cost the load a commit each at most
** this often, and each waits no longer.
*/
#define DESK_GAP_MS 100

/* The search keys a shared load holds in memory before it spills them to a temporary file. */
#define KEYS_BUDGET ((size_t)16 << 20)

/*
** The rows one INSERT writes in a load: SQLite's work of a statement (its
** cursors, its halt) is done once for so many rows. (The INSERT is OR
** FAIL, so no statement journal copies the pages it touches: a row refused
** leaves the rows before it written, which bulk_put_around() keeps, or the
** load is aborted.)
*/
#define BULK_ROWS 64

struct resident_bulk {
    struct db *db;
    char *actor;
    char when[20];
    struct resident_stamp stamp; /* when, as the rows keep it */
    /* insert writes one row, insert_rows BULK_ROWS */
    struct db_stmt *insert, *insert_rows, *tag_make, *tag_link;
    /* what each row of insert_rows, then insert's one row, holds between uses */
    struct resident_slot slots[BULK_ROWS + 1];
    struct key_tables *keys;  /* the search keys filed so far */
    struct strlist index_sql; /* the indexes dropped for the load, to build again */
    struct strlist tag_names; /* tag name -> tag_ids[i] */
    int64_t *tag_ids;
    int journal_switched; /* the load runs with a rollback journal; WAL again after */
    int64_t next_id;  /* ids are given out here, so keys can be filed before the row is written */
    int64_t first_id; /* the load's first */
    int shared;       /* desks work meanwhile: indexes kept, WAL kept, committed in batches */
    int open;         /* a shared load: its transaction is open (begun again for the next rows) */
    struct timespec began;  /* of the shared load's current batch */
    long batch_ms;          /* how long it runs before it is committed (BATCH_MS) */
    int desk;               /* a desk waits for the lock: commit once DESK_GAP_MS ran */
    size_t committed;       /* rows committed by the shared load */
    size_t written;         /* rows written in all */
    int64_t pragmas_was[5]; /* a shared load's connection settings (load_pragmas), restored */
    unsigned char *mine;    /* a shared load: bit per id it wrote */
    int64_t data_version;   /* when a shared load began: another connection committing changes it */
    /*
     * A shared load's keys are filed by the reading thread under each row's
     * ordinal (1, 2, ...), before the row has an id; the ids follow the
     * ordinals at an offset that changes only where a desk took one between
     * two batches: from ordinal shift_from[i] on, id = ordinal + shift[i].
     */
    uint32_t ordinal;         /* the reader's: the last row's */
    uint32_t written_ordinal; /* the writer's */
    uint32_t *shift_from;
    int64_t *shift; /* or ORDINAL_LEFT_OUT: from shift_from[i], rows not written */
    size_t nshifts;
    size_t left_out;           /* a shared load's rows not written: their ID numbers are on file */
    size_t left_out_committed; /* ... of the batches committed */
    size_t held;               /* ... taken by hold to be merged after the load */
    int (*hold)(void *ctx, const struct resident *r);
    void *hold_ctx;
    size_t mine_bytes;
    char *audit_action, *audit_detail; /* written to the audit log in the load's transaction */
};

/*
** Keep the CREATE INDEX statements of the resident table and drop the
** indexes: all of them, or (secondary_only) all but the unique ones, which
** a desk's save needs to refuse a second resident with the same ID number,
** and the partial ones, which cost nothing for the rows they leave out (a
** ledger fills no household head, no merge) and would each cost a scan
** of the whole table to build again. The grid index is kept too: its rows
** come at the end of their grid's run (ids only grow), a few hundred hot
** pages however the ledger is sorted, cheaper kept than built again.
*/
static int indexes_drop(struct resident_bulk *b, int secondary_only)
{
    struct db_stmt *st =
        db_prepare(b->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                          " AND tbl_name = 'resident' AND sql IS NOT NULL"
                          " AND NOT (?1 AND (sql LIKE 'CREATE UNIQUE %' OR sql LIKE '% WHERE %'"
                          "                 OR name = 'resident_grid'))");
    db_bind_int(st, 1, secondary_only);
    struct strlist names = STRLIST_INIT;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        strlist_add(&names, db_col_text(st, 0));
        strlist_add(&b->index_sql, db_col_text(st, 1));
    }
    db_finalize(st);
    for (size_t i = 0; i < names.n && rc == DB_DONE; i++) {
        char *drop = xasprintf("DROP INDEX \"%s\"", names.v[i]);
        rc = db_exec(b->db, drop) == DB_OK ? DB_DONE : DB_ERROR;
        free(drop);
    }
    strlist_free(&names);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Note in the meta table the index statements sql[from...] as still to build. */
static int indexes_pending_set(struct db *db, const struct strlist *sql, size_t from)
{
    struct strlist rest = STRLIST_INIT;
    for (size_t i = from; i < sql->n; i++)
        strlist_add(&rest, sql->v[i]);
    char *joined = strlist_join(&rest, ";\n");
    strlist_free(&rest);
    int rc = db_meta_set(db, INDEXES_PENDING, joined);
    free(joined);
    return rc;
}

/*
** Build the indexes a stopped shared load left to build (in the caller's
** transaction). Returns DB_OK or an error.
*/
static int indexes_restore(struct db *db)
{
    char *pending = db_meta_get(db, INDEXES_PENDING);
    int rc = DB_OK;
    for (char *sql = pending; sql && *sql && rc == DB_OK;) {
        char *end = strstr(sql, ";\n");
        if (end) *end = 0;
        rc = db_index_build(db, sql);
        sql = end ? end + 2 : sql + strlen(sql);
    }
    free(pending);
    if (rc == DB_OK) rc = db_meta_set(db, INDEXES_PENDING, "");
    return rc;
}

static int tags_load(struct resident_bulk *b)
{
    struct tag_list tags;
    int rc = tag_list(b->db, 1, &tags);
    if (rc != DB_OK) return rc;
    b->tag_ids = xcalloc(tags.n + 1, sizeof *b->tag_ids);
    for (size_t i = 0; i < tags.n; i++) {
        strlist_add(&b->tag_names, tags.v[i].name);
        b->tag_ids[i] = tags.v[i].id;
    }
    tag_list_free(&tags);
    return DB_OK;
}

/*
** How a shared load's connection works, and why:
** - mmap_size 0: index pages met at random through the map would all
**   count in this process's memory, however large the register;
** - synchronous NORMAL: a batch lost to a power cut is imported again
**   with the same file, as after a kill;
** - a checkpoint every 64 MiB of WAL, not 4: hot index pages are copied
**   into the database once per many batches;
** - a 16 MiB page cache (the keys held take 16 MiB less): a batch's index
**   pages stay in it, not spilled to the WAL halfway and written again;
** - CHECK constraints not evaluated: every row is checked in C before it
**   comes here, and SQLite builds a table for each IN (...) list of a
**   CHECK for every row written (0.83 against 0.18 microseconds a row in
**   a table of two such columns). `bangban check` (integrity_check)
**   still checks them;
** - foreign keys not looked up: a load's rows point only at communities
**   and grids (read from the store, and never deleted: retired) and its
**   tag links at tags (the same) and at its own rows. Looking up each
**   parent was about 3,900 instructions of a row's 20,400. `bangban
**   check` (foreign_key_check) still checks them.
*/
static const char *const load_pragmas[][2] = {{"mmap_size", "0"},
                                              {"synchronous", "1"},
                                              {"cache_size", "-16384"},
                                              {"ignore_check_constraints", "1"},
                                              {"foreign_keys", "0"}};
_Static_assert(ARRAY_LEN(load_pragmas) ==
                   sizeof(((struct resident_bulk *)0)->pragmas_was) / sizeof(int64_t),
               "a setting kept for each of load_pragmas");

/* The WAL's size a shared load checkpoints at: 64 MiB (see above). */
#define LOAD_CHECKPOINT_PAGES 16384

static void pragmas_set(struct resident_bulk *b)
{
    db_checkpoint_at(b->db, LOAD_CHECKPOINT_PAGES);
    for (size_t i = 0; i < ARRAY_LEN(load_pragmas); i++) {
        char *sql = xasprintf("PRAGMA %s", load_pragmas[i][0]);
        b->pragmas_was[i] = db_int(b->db, 0, sql);
        free(sql);
        sql = xasprintf("PRAGMA %s=%s", load_pragmas[i][0], load_pragmas[i][1]);
        db_exec(b->db, sql);
        free(sql);
    }
}

#define PRAGMA_SYNCHRONOUS 1 /* its index in load_pragmas */

static void pragma_restore(struct resident_bulk *b, size_t i)
{
    char *sql = xasprintf("PRAGMA %s=%lld", load_pragmas[i][0], (long long)b->pragmas_was[i]);
    db_exec(b->db, sql);
    free(sql);
}

static void pragmas_restore(struct resident_bulk *b)
{
    for (size_t i = 0; i < ARRAY_LEN(load_pragmas); i++)
        pragma_restore(b, i);
    db_checkpoint_at(b->db, 0);
}

/* Free what the load holds (the transaction is already ended). */
static void bulk_free(struct resident_bulk *b)
{
    db_finalize(b->insert);
    db_finalize(b->insert_rows);
    db_finalize(b->tag_make);
    db_finalize(b->tag_link);
    if (b->journal_switched) db_journal_wal(b->db);
    if (b->shared) {
        pragmas_restore(b);
        db_desk_sign_take(b->db);
    }
    free(b->actor);
    free(b->audit_action);
    free(b->audit_detail);
    key_tables_free(b->keys);
    strlist_free(&b->index_sql);
    strlist_free(&b->tag_names);
    free(b->tag_ids);
    free(b->mine);
    free(b->shift_from);
    free(b->shift);
    free(b);
}

static int bulk_open(struct resident_bulk *b);

/* The INSERT of n rows, their time and actor bound. */
static struct db_stmt *insert_prepare(struct resident_bulk *b, size_t n)
{
    char *sql = resident_insert_rows_sql(n);
    struct db_stmt *st = db_prepare(b->db, sql);
    free(sql);
    resident_bind_common(st, n, b->actor, &b->stamp);
    return st;
}

/* The statements and tags a load writes with, in its transaction. */
static int bulk_prepare(struct resident_bulk *b)
{
    int rc = tags_load(b);
    if (rc != DB_OK) return rc;
    b->insert = insert_prepare(b, 1);
    b->insert_rows = insert_prepare(b, BULK_ROWS);
    b->next_id = 1 + db_int(b->db, 0, "SELECT coalesce(max(id), 0) FROM resident");
    b->first_id = b->next_id;
    b->tag_make = db_prepare(b->db, resident_tag_create_sql);
    b->tag_link =
        db_prepare(b->db, "INSERT INTO resident_tag (resident_id, tag_id) VALUES (?1, ?2)");
    return DB_OK;
}

/* Whether meta key is set to something. */
static int meta_set(struct db *db, const char *key)
{
    char *v = db_meta_get(db, key);
    int set = v && *v;
    free(v);
    return set;
}

int resident_bulk_begin_shared(struct db *db, const char *actor, const char *begun,
                               int64_t on_file_max, struct resident_bulk **out)
{
    *out = NULL;
    struct resident_bulk *b = xcalloc(1, sizeof *b);
    b->keys = key_tables_new();
    key_tables_spill_at(b->keys, KEYS_BUDGET);
    b->db = db;
    b->shared = 1;
    b->batch_ms = BATCH_FIRST_MS;
    b->actor = xstrdup(actor);
    clock_format(clock_now(), b->when);
    resident_stamp_of(b->when, &b->stamp);
    pragmas_set(b);
    b->data_version = db_int(db, -1, "PRAGMA data_version");
    int rc = bulk_open(b);
    if (rc != DB_OK) {
        bulk_free(b);
        return rc;
    }
    int64_t n;
    rc = resident_count(db, &n);
    if (rc == DB_OK && n > on_file_max) rc = DB_INVALID;
    /* Another load's, still at work (a dead one's were repaired before): not two at once. */
    if (rc == DB_OK && (meta_set(db, KEYS_PENDING) || meta_set(db, INDEXES_PENDING)))
        rc = DB_INVALID;
    if (rc == DB_OK) {
        /* Only now: an import into a register with residents must not take a running one's. */
        db_desk_sign_put(db);
        char pid[24];
        snprintf(pid, sizeof pid, "%ld", (long)getpid());
        rc = db_meta_set(db, KEYS_PENDING, pid);
    }
    /*
     * The secondary indexes go for the load and are built at the end: kept
     * row by row they were most of its cost. Meanwhile a desk sees no
     * imported row it could not find by a scan within a second.
     */
    if (rc == DB_OK) rc = indexes_drop(b, 1);
    if (rc == DB_OK) rc = indexes_pending_set(db, &b->index_sql, 0);
    if (rc == DB_OK) rc = audit_append(db, actor, "import-begun", "resident:*", begun);
    if (rc == DB_OK) rc = bulk_prepare(b);
    if (rc == DB_OK) {
        /* Its rows are found by phone from their rows until its end files them. */
        char first[24];
        snprintf(first, sizeof first, "%lld", (long long)b->first_id);
        rc = db_meta_set(db, RESIDENT_PHONE_UNFILED, first);
    }
    if (rc != DB_OK) {
        resident_bulk_abort(b);
        return rc;
    }
    *out = b;
    return DB_OK;
}

int resident_bulk_begin(struct db *db, const char *actor, struct resident_bulk **out)
{
    *out = NULL;
    int64_t n;
    int rc = resident_count(db, &n);
    if (rc != DB_OK) return rc;
    if (n > 0) return DB_INVALID;
    struct resident_bulk *b = xcalloc(1, sizeof *b);
    b->keys = key_tables_new();
    b->db = db;
    b->actor = xstrdup(actor);
    clock_format(clock_now(), b->when);
    resident_stamp_of(b->when, &b->stamp);
    b->journal_switched = db_journal_exclusive(db);
    rc = db_write_begin(db);
    if (rc != DB_OK) {
        bulk_free(b);
        return rc;
    }
    /* Checked again inside the transaction: another desk may have added one meanwhile. */
    rc = resident_count(db, &n);
    if (rc == DB_OK && n > 0) rc = DB_INVALID;
    if (rc == DB_OK) rc = indexes_drop(b, 0);
    if (rc == DB_OK) rc = bulk_prepare(b);
    if (rc != DB_OK) {
        resident_bulk_abort(b);
        return rc;
    }
    *out = b;
    return DB_OK;
}

/* The id of a tag by name, created when new. Returns 0 on failure. */
static int64_t tag_id(struct resident_bulk *b, const char *name)
{
    for (size_t i = 0; i < b->tag_names.n; i++)
        if (strcmp(b->tag_names.v[i], name) == 0) return b->tag_ids[i];
    db_bind_text(b->tag_make, 1, name);
    db_bind_text(b->tag_make, 2, b->when);
    db_bind_text(b->tag_make, 3, b->actor);
    int rc = db_step(b->tag_make);
    db_reset(b->tag_make);
    if (rc != DB_DONE) return 0;
    strlist_add(&b->tag_names, name);
    b->tag_ids = xrealloc(b->tag_ids, (b->tag_names.n + 1) * sizeof *b->tag_ids);
    b->tag_ids[b->tag_names.n - 1] = db_last_id(b->db);
    return b->tag_ids[b->tag_names.n - 1];
}

static int tags_link(struct resident_bulk *b, int64_t rid, const char *tags)
{
    struct strlist names = STRLIST_INIT;
    text_split_list(tags, &names);
    int rc = DB_DONE;
    for (size_t i = 0; i < names.n && rc == DB_DONE; i++) {
        int64_t tid = tag_id(b, names.v[i]);
        if (!tid) {
            rc = DB_ERROR;
            break;
        }
        db_bind_int(b->tag_link, 1, rid);
        db_bind_int(b->tag_link, 2, tid);
        rc = db_step(b->tag_link);
        db_reset(b->tag_link);
    }
    strlist_free(&names);
    return rc == DB_DONE ? DB_OK : rc;
}

/* A resident and its search keys, as the reading thread hands them to the writing one. */
struct pump_item {
    struct resident r;
    struct name_keys k;
    char *pack; /* the reading thread's rows: r's text, one block (record_pack()) */
};

/* Note that the shared load wrote id. */
static void mine_mark(struct resident_bulk *b, int64_t id)
{
    size_t byte = (size_t)id / 8;
    if (byte >= b->mine_bytes) {
        size_t grown = b->mine_bytes ? b->mine_bytes : 4096;
        while (grown <= byte)
            grown *= 2;
        b->mine = xrealloc(b->mine, grown);
        memset(b->mine + b->mine_bytes, 0, grown - b->mine_bytes);
        b->mine_bytes = grown;
    }
    b->mine[byte] |= (unsigned char)(1u << (id % 8));
}

static int mine_has(const struct resident_bulk *b, int64_t id)
{
    size_t byte = (size_t)id / 8;
    return id >= 0 && byte < b->mine_bytes && (b->mine[byte] >> (id % 8)) & 1;
}

/* A shift saying the rows from its ordinal on were not written: their keys are dropped. */
#define ORDINAL_LEFT_OUT INT64_MIN

/* Rows from ordinal on have the id ordinal + shift. */
static void shift_add(struct resident_bulk *b, uint32_t ordinal, int64_t shift)
{
    b->shift_from = xrealloc(b->shift_from, (b->nshifts + 1) * sizeof *b->shift_from);
    b->shift = xrealloc(b->shift, (b->nshifts + 1) * sizeof *b->shift);
    b->shift_from[b->nshifts] = ordinal;
    b->shift[b->nshifts++] = shift;
}

/* A shared load: note the id SQLite gave the row with the next ordinal. */
static void bulk_wrote(struct resident_bulk *b, int64_t id)
{
    mine_mark(b, id);
    uint32_t ordinal = ++b->written_ordinal;
    if (!b->nshifts || b->shift[b->nshifts - 1] == ORDINAL_LEFT_OUT ||
        ordinal + b->shift[b->nshifts - 1] != id)
        shift_add(b, ordinal, id - ordinal);
}

/*
** A shared load: the row with the next ordinal is left out, as its ID
** number is on file (registered before the load, or meanwhile at a desk or
** by another import): the load's ID numbers are checked against one another
** only. The caller's hold may take it to merge once the load is done;
** otherwise importing the file again merges it, as every re-import does.
*/
static void bulk_left_out(struct resident_bulk *b, struct resident *r)
{
    if (b->hold && b->hold(b->hold_ctx, r)) b->held++;
    r->id = 0;
    shift_add(b, ++b->written_ordinal, ORDINAL_LEFT_OUT);
    b->left_out++;
}

/* After DB_DUPLICATE: whether the value taken was an ID number (unique as id_rev, reversed). */
static int id_number_taken(struct resident_bulk *b)
{
    char *field = db_duplicate_field(b->db);
    int taken = field && strcmp(field, "id_rev") == 0;
    free(field);
    return taken;
}

static int bulk_put(struct resident_bulk *b, struct pump_item *items, size_t n);

/* The n rows of items just written, the first with id first: noted, counted and tagged. */
static int bulk_written(struct resident_bulk *b, struct pump_item *items, size_t n, int64_t first)
{
    int rc = DB_OK;
    for (size_t i = 0; i < n && rc == DB_OK; i++) {
        struct resident *r = &items[i].r;
        r->id = first + (int64_t)i;
        if (b->shared) bulk_wrote(b, r->id);
        b->written++;
        if (*r->tags) rc = tags_link(b, r->id, r->tags);
    }
    return rc;
}

/*
** A shared load's statement of n rows refused one whose ID number a desk
** registered meanwhile. INSERT OR FAIL kept the rows before it (SQLite
** counts them as the statement's changes): they are the load's. That row is
** left out, and those after it are written one by one.
*/
static int bulk_put_around(struct resident_bulk *b, struct pump_item *items, size_t n)
{
    size_t in = n > 1 ? (size_t)db_changes(b->db) : 0;
    if (in >= n) return DB_DUPLICATE;
    int rc = in ? bulk_written(b, items, in, db_last_id(b->db) - (int64_t)in + 1) : DB_OK;
    if (rc != DB_OK) return rc;
    bulk_left_out(b, &items[in].r);
    for (size_t i = in + 1; i < n && rc == DB_OK; i++)
        rc = bulk_put(b, &items[i], 1);
    return rc;
}

/*
** Write n residents (n is 1 or BULK_ROWS; fields valid, ID numbers not in
** the load yet) in one statement and file their keys: in an exclusive load
** under the ids given out here, in a shared one under the ids SQLite gives
** (a desk may have taken the next; a statement's rows get ids one after
** another). Sets each item's r.id (0 for a row left out: bulk_left_out()).
** Returns DB_OK or an error (then abort).
*/
static int bulk_put(struct resident_bulk *b, struct pump_item *items, size_t n)
{
    struct db_stmt *st = n == 1 ? b->insert : b->insert_rows;
    for (size_t i = 0; i < n; i++) {
        struct resident *r = &items[i].r;
        if (!b->shared) {
            r->id = b->next_id++;
            key_tables_file(b->keys, r->id, &items[i].k);
        }
        resident_bind_nth(st, i, r, items[i].k.rank, b->shared ? 0 : r->id,
                          &b->slots[n == 1 ? BULK_ROWS : i]);
    }
    int rc = db_step(st);
    db_reset(st);
    if (rc == DB_DUPLICATE && b->shared && id_number_taken(b)) return bulk_put_around(b, items, n);
    if (rc != DB_DONE) return rc;
    int64_t first = b->shared ? db_last_id(b->db) - (int64_t)n + 1 : items[0].r.id;
    return bulk_written(b, items, n, first);
}

/* A shared load: begin a transaction for the next rows, unless one is open. */
static int bulk_open(struct resident_bulk *b)
{
    if (!b->shared || b->open) return DB_OK;
    int rc = db_write_begin(b->db);
    b->open = rc == DB_OK;
    clock_gettime(CLOCK_MONOTONIC, &b->began);
    return rc;
}

/*
** A shared load: commit what is written, counted in the register's tally in
** the same transaction (the next rows begin another transaction).
*/
static int bulk_commit(struct resident_bulk *b)
{
    if (!b->shared || !b->open) return DB_OK;
    b->open = 0;
    int64_t fresh = (int64_t)(b->written - b->committed);
    int rc = fresh ? resident_tally_add(b->db, RESIDENT_PRESENT, fresh) : DB_OK;
    if (rc != DB_OK) {
        db_rollback(b->db);
        return rc;
    }
    rc = db_commit(b->db);
    if (rc == DB_OK) {
        b->committed = b->written;
        b->left_out_committed = b->left_out;
    }
    return rc;
}

/*
** A shared load: commit when a desk waits for the lock (once the batch ran
** DESK_GAP_MS) and let it take the lock a moment, or when the batch has run
** its time. Called between rows, and every WAIT_LOOK_MS while the load
** waits for the reading thread.
*/
static int bulk_turn(struct resident_bulk *b)
{
    if (!b->shared || !b->open) return DB_OK;
    b->desk |= db_desk_waited(b->db);
    int desk = b->desk;
    if (clock_ms_since(&b->began) < (desk ? DESK_GAP_MS : b->batch_ms)) return DB_OK;
    if (!desk) b->batch_ms = b->batch_ms * 2 < BATCH_MS ? b->batch_ms * 2 : BATCH_MS;
    b->desk = 0;
    int rc = bulk_commit(b);
    struct timespec pause = {0, DESK_PAUSE_MS * 1000000L};
    if (rc == DB_OK && desk) nanosleep(&pause, NULL);
    return rc;
}

/* Add a resident (see bulk_put), its keys worked out here. */
static int resident_bulk_add(struct resident_bulk *b, struct resident *r)
{
    struct pump_item one = {.r = *r};
    name_keys_of(r->name, &one.k);
    if (b->shared) key_tables_file(b->keys, ++b->ordinal, &one.k);
    int rc = bulk_open(b);
    if (rc == DB_OK) rc = bulk_put(b, &one, 1);
    r->id = one.r.id;
    name_keys_free(&one.k);
    return rc == DB_OK ? bulk_turn(b) : rc;
}

/* A batch of residents passed from the reading thread to the writing one. */
#define PUMP_BATCH 512
#define PUMP_QUEUE 8

/* While the writer waits for the reader, it looks for a waiting desk this often. */
#define WAIT_LOOK_MS 2

struct pump_batch {
    struct pump_item items[PUMP_BATCH];
    size_t n;
    size_t kept;        /* items whose key lists hold memory (a refilled batch reuses it) */
    size_t done, total; /* progress when the batch was filled */
};

struct pump {
    struct resident_bulk *b;
    bulk_source next;
    void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    struct pump_batch *queue[PUMP_QUEUE]; /* filled, for the writer */
    size_t head, count;
    struct pump_batch *spent; /* written, back to the reader, which frees what it made */
    int finished;             /* the reader is done */
    int stop;                 /* the writer gave up: the reader should stop */
};

/*
** Free a batch's residents: a block each (record_pack()), freed in the
** thread that made them. Freeing each field where the writing thread had
** read it last was a fifth of the reading thread's time.
*/
static void batch_rows_free(struct pump_batch *batch)
{
    for (size_t i = 0; i < batch->n; i++) {
        free(batch->items[i].pack);
        batch->items[i].pack = NULL;
    }
}

/* Free the residents of a batch and their key lists. */
static void batch_clear(struct pump_batch *batch)
{
    batch_rows_free(batch);
    for (size_t i = 0; i < batch->kept; i++)
        name_keys_free(&batch->items[i].k);
    batch->n = batch->kept = 0;
}

/* Empty a batch to be filled again: its residents freed, its key lists' memory kept. */
static void batch_reset(struct pump_batch *batch)
{
    batch_rows_free(batch);
    batch->n = 0;
}

static void *pump_read(void *arg)
{
    struct pump *p = arg;
    struct name_keys_cache *names = name_keys_cache_new(); /* names repeat: keys made once */
    int more = 1;
    while (more) {
        pthread_mutex_lock(&p->lock);
        struct pump_batch *batch = p->spent;
        p->spent = NULL;
        pthread_mutex_unlock(&p->lock);
        if (batch)
            batch_reset(batch);
        else
            batch = xcalloc(1, sizeof *batch);
        while (batch->n < PUMP_BATCH) {
            struct pump_item *it = &batch->items[batch->n];
            if (!p->next(p->ctx, &it->r, &batch->done, &batch->total)) {
                more = 0;
                break;
            }
            it->pack = record_pack(&resident_record, &it->r);
            /* A shared load needs only the rank of a name whose keys it files from the memo. */
            struct name_keys_memo *memo = name_keys_cached(
                names, it->r.name, &it->k, p->b->shared ? key_tables_gen(p->b->keys) : 0);
            if (batch->n >= batch->kept) batch->kept = batch->n + 1;
            /* A shared load's keys are filed here, under the row's ordinal (see ordinal_id()). */
            if (p->b->shared) key_tables_file_memo(p->b->keys, ++p->b->ordinal, &it->k, memo);
            batch->n++;
        }
        pthread_mutex_lock(&p->lock);
        while (p->count == PUMP_QUEUE && !p->stop)
            pthread_cond_wait(&p->changed, &p->lock);
        int stop = p->stop;
        if (!stop) p->queue[(p->head + p->count++) % PUMP_QUEUE] = batch;
        if (!more || stop) p->finished = 1;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
        if (stop) {
            batch_clear(batch);
            free(batch);
            break;
        }
    }
    name_keys_cache_free(names);
    return NULL;
}

int resident_bulk_pump(struct resident_bulk *b, bulk_source next, void *ctx, const char *step,
                       bulk_progress progress, void *pctx)
{
    struct pump p;
    memset(&p, 0, sizeof p);
    p.b = b;
    p.next = next;
    p.ctx = ctx;
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
    int rc = DB_OK;
    pthread_t reader;
    if (pthread_create(&reader, NULL, pump_read, &p) != 0) {
        /* No second thread: read and write in turn. */
        struct pump_item it;
        size_t done, total;
        while (rc == DB_OK && next(ctx, &it.r, &done, &total)) {
            rc = resident_bulk_add(b, &it.r);
            resident_free(&it.r);
        }
        return rc;
    }
    struct pump_batch *done = NULL; /* written, not yet handed back */
    for (;;) {
        pthread_mutex_lock(&p.lock);
        while (p.count == 0 && !p.finished) {
            if (rc != DB_OK || !b->open) {
                pthread_cond_wait(&p.changed, &p.lock);
                continue;
            }
            /* Nothing to write yet: the batch is committed if a desk waits meanwhile, or is due. */
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += WAIT_LOOK_MS * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            if (pthread_cond_timedwait(&p.changed, &p.lock, &until) != ETIMEDOUT) continue;
            pthread_mutex_unlock(&p.lock);
            rc = bulk_turn(b);
            pthread_mutex_lock(&p.lock);
        }
        struct pump_batch *batch = NULL;
        if (p.count) {
            batch = p.queue[p.head];
            p.head = (p.head + 1) % PUMP_QUEUE;
            p.count--;
        }
        if (done && !p.spent) {
            p.spent = done;
            done = NULL;
        }
        if (rc != DB_OK) p.stop = 1;
        pthread_cond_broadcast(&p.changed);
        pthread_mutex_unlock(&p.lock);
        if (!batch) break;
        if (rc == DB_OK) rc = bulk_open(b);
        for (size_t i = 0; i < batch->n && rc == DB_OK;) {
            size_t n = batch->n - i >= BULK_ROWS ? BULK_ROWS : 1;
            rc = bulk_put(b, &batch->items[i], n);
            i += n;
        }
        if (rc == DB_OK) rc = bulk_turn(b);
        if (progress && rc == DB_OK) progress(pctx, step, batch->done, batch->total);
        if (done) {
            /* The reader has not taken the last one back yet: free this one here. */
            batch_clear(batch);
            free(batch);
        } else {
            done = batch;
        }
    }
    pthread_join(reader, NULL);
    struct pump_batch *left[] = {done, p.spent};
    for (size_t i = 0; i < ARRAY_LEN(left); i++)
        if (left[i]) {
            batch_clear(left[i]);
            free(left[i]);
        }
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.changed);
    return rc;
}

/* The posting-list tables of residents, by enum postings_table. */
static const char *const key_table_names[POSTINGS_TABLES] = {"resident_gram", "resident_key",
                                                             "resident_key_inner"};

/* Ids whose keys are worked out again from their row at the end of a shared load. */
struct redo {
    struct resident_bulk *b;
    enum postings_table t;
    int64_t *ids;
    size_t n;
    size_t seen;         /* entries desks filed */
    unsigned char *bits; /* bit per id in ids */
    size_t nbytes;
};

static int redo_has(const struct redo *r, int64_t id)
{
    size_t byte = (size_t)id / 8;
    return id >= 0 && byte < r->nbytes && (r->bits[byte] >> (id % 8)) & 1;
}

static void redo_add(struct redo *r, int64_t id)
{
    if (redo_has(r, id)) return;
    size_t byte = (size_t)id / 8;
    if (byte >= r->nbytes) {
        size_t grown = byte * 2 + 64;
        r->bits = xrealloc(r->bits, grown);
        memset(r->bits + r->nbytes, 0, grown - r->nbytes);
        r->nbytes = grown;
    }
    r->bits[byte] |= (unsigned char)(1u << (id % 8));
    r->ids = xrealloc(r->ids, (r->n + 1) * sizeof *r->ids);
    r->ids[r->n++] = id;
}

static void redo_free(struct redo *r)
{
    free(r->ids);
    free(r->bits);
}

/*
** The load's rows a desk changed (merged, edited) before the last
** transaction: looked for outside it, as the scan is long; a change made
** after, while the load waits for the lock, shows in the keys the desk filed.
*/
static int redo_changed(struct resident_bulk *b, struct redo *r)
{
    struct db_stmt *st = db_prepare(b->db, "SELECT id FROM resident WHERE version > 1");
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        if (mine_has(b, db_col_int(st, 0))) redo_add(r, db_col_int(st, 0));
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** An entry a desk filed during the load: a resident the desk added keeps
** it (taken into the load's tables, which are written whole); one of the
** load's rows the desk changed is filed again from its row.
*/
static int redo_visit(void *ctx, const char *term, const struct posting *e)
{
    struct redo *r = ctx;
    r->seen++;
    if (mine_has(r->b, e->id))
        redo_add(r, e->id);
    else
        key_tables_add(r->b->keys, r->t, term, e);
    return 1;
}

/* An entry written as it was filed: not of a row a desk changed, nor of one left out (id 0). */
static int redo_keep(void *ctx, uint32_t id)
{
    return id != 0 && !redo_has(ctx, id);
}

/*
** A shared load, in the transaction that writes table t of its keys: take
** in what desks filed in it while the load ran (the table is written whole
** again), and file the load's rows a desk changed meanwhile (r, which
** grows from one table's transaction to the next) from what they hold
** now. DB_OK or an error.
*/
static int bulk_reconcile(struct resident_bulk *b, struct redo *r, enum postings_table t,
                          int *changed)
{
    r->t = t;
    int rc = postings_scan(b->db, POSTINGS_RESIDENTS, t, "", "\xf7", redo_visit, r);
    if (rc == DB_OK) {
        char *sql = xasprintf("DELETE FROM %s", key_table_names[t]);
        rc = db_exec(b->db, sql);
        free(sql);
    }
    if (rc == DB_OK && (r->n || b->left_out)) {
        /*
         * r is kept until the last table is written: the entries are dropped
         * from the spilled runs then, those filed again here for the tables to
         * come as well (filed again in each, from the row as it is then).
         */
        key_tables_drop(b->keys, redo_keep, r);
        struct db_stmt *st = db_prepare(b->db, "SELECT name FROM resident WHERE id = ?1");
        for (size_t i = 0; i < r->n; i++) {
            db_bind_int(st, 1, r->ids[i]);
            if (db_step(st) == DB_ROW) {
                struct name_keys k;
                name_keys_of(db_col_text(st, 0), &k);
                key_tables_file(b->keys, r->ids[i], &k);
                name_keys_free(&k);
            }
            db_reset(st);
        }
        db_finalize(st);
    }
    *changed = r->seen > 0 || r->n > 0 || b->left_out > 0;
    return rc;
}

/*
** A shared load's end: build the indexes it dropped, and file its rows
** under their phones (phone_fill_plan()), each statement in a short
** transaction of its own. One that a desk waits for (a range of phones
** takes most of a second at millions of residents) is stopped and undone,
** and run again once the desks have had the lock for DESK_GAP_MS. One stopped after
** running DESK_GAP_MS or more counts: after INDEX_GIVE_WAYS of those, or
** INDEX_STOPS stops in all, it runs to the end whoever waits, so that
** saves coming one after another do not hold it off for ever. One stopped
** sooner lost next to nothing (a desk's action may be a few transactions,
** each waiting its turn). The transactions that write the search keys
** give way too (keys_write()).
*/
#define INDEX_GIVE_WAYS 8
#define INDEX_STOPS     64

/* After a long transaction gave way: the desks given DESK_GAP_MS. */
static void desks_pause(void)
{
    struct timespec gap = {0, DESK_GAP_MS * 1000000L};
    nanosleep(&gap, NULL);
}

static int indexes_build(struct resident_bulk *b)
{
    int rc = DB_OK;
    for (size_t i = 0, gave = 0, stops = 0; i < b->index_sql.n && rc == DB_OK;) {
        int gave_way = 0;
        rc = bulk_open(b);
        if (rc == DB_OK && gave < INDEX_GIVE_WAYS && stops < INDEX_STOPS) {
            db_desk_waited(b->db); /* the desks that touched the sign before have had their turn */
            rc = db_index_build_giving_way(b->db, b->index_sql.v[i], &gave_way);
        } else if (rc == DB_OK) {
            rc = db_index_build(b->db, b->index_sql.v[i]);
        }
        if (rc == DB_OK && gave_way) {
            db_rollback(b->db);
            b->open = 0;
            if (clock_ms_since(&b->began) >= DESK_GAP_MS) gave++;
            stops++;
            desks_pause();
            continue;
        }
        if (rc == DB_OK) rc = indexes_pending_set(b->db, &b->index_sql, i + 1);
        if (rc == DB_OK) {
            rc = bulk_commit(b);
        } else if (b->open) {
            db_rollback(b->db);
            b->open = 0;
        }
        i++;
        gave = stops = 0;
    }
    return rc;
}

/*
** A load's rows found by their phone (resident_phone), filled at its end
** by statements each taking a range of phones (by their reversed first
** digits: about PHONE_FILL_ROWS rows each, a short transaction of its own
** at millions of rows) from the rows as they stand then, added to the
** statements the end runs after the indexes'. A desk's change meanwhile
** files its own: a phone it moved out of a range not yet filled is not
** found there when it is.
*/
#define PHONE_FILL_ROWS 250000

static void phone_fill_plan(struct resident_bulk *b)
{
    /* The load's rows (and any a desk registered meanwhile): ids are given out in order. */
    int64_t rows = db_int(b->db, 0, "SELECT coalesce(max(id), 0) FROM resident") + 1 - b->first_id;
    int64_t parts = (rows + PHONE_FILL_ROWS - 1) / PHONE_FILL_ROWS;
    if (parts < 1) parts = 1;
    if (parts > 100) parts = 100;
    int width = parts <= 1 ? 1 : 2, span = parts <= 1 ? 10 : 100;
    char lo[12] = "", hi[12] = "";
    for (int64_t i = 1; i <= parts; i++) {
        char *upper = NULL;
        if (i < parts) {
            snprintf(hi, sizeof hi, "%0*d", width, (int)(span * i / parts));
            upper = xasprintf(" AND phone_rev < '%s'", hi);
        }
        strlist_add_take(&b->index_sql,
                         xasprintf("INSERT OR IGNORE INTO resident_phone (rev, resident_id)"
                                   " SELECT phone_rev, id FROM resident WHERE id >= %lld"
                                   " AND phone_rev >= '%s'%s ORDER BY 1, 2",
                                   (long long)b->first_id, lo, upper ? upper : ""));
        free(upper);
        memcpy(lo, hi, sizeof lo);
    }
}

/* The id of the row written with ordinal o (as key_tables_map_ids() wants). */
static uint32_t ordinal_id(void *ctx, uint32_t o)
{
    const struct resident_bulk *b = ctx;
    size_t lo = 0, hi = b->nshifts; /* the last shift that starts at or before o */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (b->shift_from[mid] <= o)
            lo = mid;
        else
            hi = mid;
    }
    return b->shift[lo] == ORDINAL_LEFT_OUT ? 0 : (uint32_t)(o + b->shift[lo]);
}

/*
** A shared load's transaction that writes table t of its keys: what desks
** filed in it while the load ran taken in, the table written, and with
** the last table the load said done; not committed. r: the load's rows a
** desk changed, found so far. When give_way (kt marked:
** key_tables_mark()), a desk waiting for the lock meanwhile stops it: the
** transaction and the keys' tables are undone and *gave_way set, to be
** tried again once the desks have had their turn, as an index build is
** (indexes_build()). DB_OK (written, or given way) or an error.
*/
static int keys_file(struct resident_bulk *b, struct redo *r, enum postings_table t, int give_way,
                     int *gave_way)
{
    *gave_way = 0;
    struct key_tables_mark mark;
    if (give_way && key_tables_mark(b->keys, &mark) != 0) give_way = 0;
    int rc = DB_OK;
    /* Every row is read for those a desk changed only if another connection wrote since. */
    int64_t version = db_int(b->db, -2, "PRAGMA data_version");
    if (version != b->data_version) {
        rc = redo_changed(b, r);
        if (rc == DB_OK) b->data_version = version;
    }
    if (rc == DB_OK) rc = bulk_open(b);
    if (rc == DB_OK && give_way) db_give_way(b->db, 1);
    int changed = 0;
    if (rc == DB_OK) rc = bulk_reconcile(b, r, t, &changed);
    if (rc == DB_OK && changed) key_tables_sort(b->keys);
    if (rc == DB_OK) rc = key_tables_write_one(b->keys, b->db, POSTINGS_RESIDENTS, t);
    if (t == POSTINGS_TABLES - 1) {
        if (rc == DB_OK) rc = db_meta_set(b->db, KEYS_PENDING, "");
        if (rc == DB_OK) rc = db_meta_set(b->db, RESIDENT_PHONE_UNFILED, "");
        if (rc == DB_OK && b->audit_action)
            rc = audit_append(b->db, b->actor, b->audit_action, "resident:*", b->audit_detail);
    }
    if (give_way && b->open) *gave_way = db_give_way(b->db, 0);
    if (*gave_way) {
        db_rollback(b->db);
        b->open = 0;
        key_tables_undo(b->keys, &mark);
        rc = DB_OK;
    }
    return rc;
}

/*
** A shared load's keys, a table a transaction (each a second or more at
** millions of residents), each given way INDEX_GIVE_WAYS times at most,
** however soon each stop came (each undoes what it wrote: a desk saving
** every fifth of a second held a 355,600-row import's end off for 15 s at
** 64 stops), then written whoever waits. The last is not committed;
** progress is told of each before it. DB_OK or an error.
*/
static int keys_write(struct resident_bulk *b, struct redo *r, bulk_progress progress, void *ctx)
{
    int rc = DB_OK;
    for (int t = 0; t < POSTINGS_TABLES && rc == DB_OK; t++) {
        if (progress) progress(ctx, _("Writing search keys"), (size_t)t, POSTINGS_TABLES + 1);
        for (size_t stops = 0; rc == DB_OK; stops++) {
            int giving = stops < INDEX_GIVE_WAYS, gave_way = 0;
            if (giving)
                db_desk_waited(b->db); /* the desks that touched the sign before had their turn */
            rc = keys_file(b, r, (enum postings_table)t, giving, &gave_way);
            if (rc != DB_OK || !gave_way) break;
            desks_pause();
        }
        if (rc == DB_OK && t < POSTINGS_TABLES - 1) rc = bulk_commit(b);
    }
    return rc;
}

/* A shared load's end: its last rows committed, the keys sorted meanwhile, then written. */
static int bulk_finish_shared(struct resident_bulk *b, bulk_progress progress, void *ctx)
{
    if (progress) progress(ctx, _("Writing search keys"), 0, POSTINGS_TABLES + 1);
    if (b->nshifts) key_tables_map_ids(b->keys, ordinal_id, b);
    /*
     * The keys are sorted and merged on a second thread (the reading one has
     * ended) while this one commits the last rows and builds the indexes.
     */
    pthread_t sorter;
    int threaded = pthread_create(&sorter, NULL, key_tables_merge, b->keys) == 0;
    /*
     * What the batches wrote is copied into the database behind (its disk
     * writes and sync meanwhile), then what the indexes wrote while the keys
     * are written: the writer's own checkpoint held the end up 0.2 s.
     */
    struct db_checkpointer *behind = db_checkpoint_behind(b->db);
    phone_fill_plan(b);
    int rc = bulk_commit(b);
    if (rc == DB_OK) rc = indexes_build(b);
    if (threaded) pthread_join(sorter, NULL);
    db_checkpoint_join(behind);
    behind = db_checkpoint_behind(b->db);
    if (rc == DB_OK) {
        /* The keys commit as every desk's save does: the import said done is done. */
        pragma_restore(b, PRAGMA_SYNCHRONOUS);
        if (!threaded) key_tables_merge(b->keys);
    }
    struct redo redo;
    memset(&redo, 0, sizeof redo);
    redo.b = b;
    if (rc == DB_OK) rc = keys_write(b, &redo, progress, ctx);
    if (rc != DB_OK) {
        db_checkpoint_join(behind);
        /* The batches are in: their keys are filed from the rows (resident_keys_repair()). */
        resident_bulk_abort(b);
        redo_free(&redo);
        return rc;
    }
    if (progress) progress(ctx, _("Saving"), POSTINGS_TABLES, POSTINGS_TABLES + 1);
    rc = db_commit(b->db);
    db_checkpoint_join(behind);
    if (progress) progress(ctx, _("Done"), POSTINGS_TABLES + 1, POSTINGS_TABLES + 1);
    bulk_free(b);
    redo_free(&redo);
    return rc;
}

int resident_bulk_finish(struct resident_bulk *b, bulk_progress progress, void *ctx)
{
    if (b->shared) return bulk_finish_shared(b, progress, ctx);
    phone_fill_plan(b);
    size_t steps = 2 + b->index_sql.n, step = 0;
    /* Sorting the search keys needs no database: a second thread does it meanwhile. */
    pthread_t sorter;
    int threaded = pthread_create(&sorter, NULL, key_tables_sort, b->keys) == 0;
    int rc = DB_OK;
    for (size_t i = 0; i < b->index_sql.n && rc == DB_OK; i++) {
        if (progress) progress(ctx, _("Building indexes"), step++, steps);
        rc = db_index_build(b->db, b->index_sql.v[i]);
    }
    if (progress) progress(ctx, _("Writing search keys"), step++, steps);
    if (threaded)
        pthread_join(sorter, NULL);
    else
        key_tables_sort(b->keys);
    if (rc == DB_OK) rc = key_tables_write(b->keys, b->db, POSTINGS_RESIDENTS);
    if (rc == DB_OK) rc = resident_tally_loaded(b->db);
    if (rc == DB_OK && b->audit_action)
        rc = audit_append(b->db, b->actor, b->audit_action, "resident:*", b->audit_detail);
    if (rc != DB_OK) {
        resident_bulk_abort(b);
        return rc;
    }
    if (progress) progress(ctx, _("Saving"), step++, steps);
    rc = db_commit(b->db);
    if (progress) progress(ctx, _("Done"), steps, steps);
    bulk_free(b);
    return rc;
}

void resident_bulk_audit(struct resident_bulk *b, const char *action, const char *detail)
{
    free(b->audit_action);
    free(b->audit_detail);
    b->audit_action = xstrdup(action);
    b->audit_detail = xstrdup(detail);
}

void resident_bulk_abort(struct resident_bulk *b)
{
    if (!b) return;
    /* Statements first: a rollback with statements still running is refused. */
    db_finalize(b->insert);
    db_finalize(b->insert_rows);
    db_finalize(b->tag_make);
    db_finalize(b->tag_link);
    b->insert = b->insert_rows = b->tag_make = b->tag_link = NULL;
    if (!b->shared || b->open) db_rollback(b->db);
    b->open = 0;
    struct db *db = b->db;
    int repair = b->shared;
    char *actor = b->actor;
    b->actor = NULL;
    bulk_free(b);
    /* The batches a shared load committed are in: file their keys now (or the next import will). */
    if (repair) resident_keys_repair(db, actor);
    free(actor);
}

size_t resident_bulk_committed(const struct resident_bulk *b, size_t *left_out)
{
    *left_out = b->left_out_committed;
    return b->committed;
}

size_t resident_bulk_left_out(const struct resident_bulk *b)
{
    return b->left_out - b->held;
}

void resident_bulk_hold_left_out(struct resident_bulk *b,
                                 int (*hold)(void *ctx, const struct resident *r), void *ctx)
{
    b->hold = hold;
    b->hold_ctx = ctx;
}

/* Whether the process that set the pending mark (its pid) is still running. */
static int marker_alive(const char *pid)
{
    long p = strtol(pid, NULL, 10);
    if (p <= 0) return 0;
    if (p == (long)getpid()) return 0; /* this process: its load has ended (aborted) */
    return kill((pid_t)p, 0) == 0 || errno == EPERM;
}

int resident_keys_unfiled(struct db *db)
{
    char *pid = db_meta_get(db, KEYS_PENDING);
    int orphaned = pid && *pid && !marker_alive(pid);
    free(pid);
    return orphaned;
}

int resident_keys_repair(struct db *db, const char *actor)
{
    if (!resident_keys_unfiled(db)) return DB_OK;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    int orphaned = resident_keys_unfiled(db); /* again, under the lock */
    for (int t = 0; orphaned && t < POSTINGS_TABLES && rc == DB_OK; t++) {
        char *sql = xasprintf("DELETE FROM %s", key_table_names[t]);
        rc = db_exec(db, sql);
        free(sql);
    }
    if (orphaned && rc == DB_OK) rc = indexes_restore(db);
    /* The stopped load's rows found by phone too (those filled before are skipped). */
    if (orphaned && rc == DB_OK) rc = resident_phones_file(db);
    if (orphaned && rc == DB_OK) rc = db_meta_set(db, RESIDENT_PHONE_UNFILED, "");
    if (orphaned && rc == DB_OK) rc = resident_refile(db);
    if (orphaned && rc == DB_OK) rc = db_meta_set(db, KEYS_PENDING, "");
    if (orphaned && rc == DB_OK) rc = audit_append(db, actor, "keys-repair", "resident:*", "");
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int resident_file_long_pieces(struct db *db)
{
    struct key_tables *t = key_tables_new();
    struct db_stmt *st = db_prepare(db, "SELECT id, name, rank FROM resident");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct search_gram grams[NAME_KEYS_MAX_GRAMS];
        size_t n = search_grams(db_col_text(st, 1), grams, NAME_KEYS_MAX_GRAMS);
        for (size_t i = 0; i < n; i++) {
            if (text_chars(grams[i].text) <= 2) continue;
            struct posting e = {posting_key(grams[i].tier, db_col_int(st, 2)),
                                (uint32_t)db_col_int(st, 0)};
            key_tables_add(t, POSTINGS_GRAM, grams[i].text, &e);
        }
    }
    db_finalize(st);
    if (rc == DB_DONE) {
        key_tables_sort(t);
        rc = key_tables_write(t, db, POSTINGS_RESIDENTS);
    }
    key_tables_free(t);
    return rc;
}

/* A name whose dots are folded, to write back. */
struct folded {
    int64_t id;
    char *name;
};

/* Store every name's dots as U+00B7 (text_fold_dots()). */
static int names_fold(struct db *db)
{
    struct folded *v = NULL;
    size_t n = 0;
    struct db_stmt *st = db_prepare(db, "SELECT id, name FROM resident");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        char *name = text_fold_dots(db_col_text(st, 1));
        if (strcmp(name, db_col_text(st, 1)) == 0) {
            free(name);
            continue;
        }
        v = xrealloc(v, (n + 1) * sizeof *v);
        v[n++] = (struct folded){db_col_int(st, 0), name};
    }
    db_finalize(st);
    st = db_prepare(db, "UPDATE resident SET name = ?1 WHERE id = ?2");
    for (size_t i = 0; i < n; i++) {
        if (rc == DB_DONE) {
            db_bind_text(st, 1, v[i].name);
            db_bind_int(st, 2, v[i].id);
            rc = db_step(st);
            db_reset(st);
        }
        free(v[i].name);
    }
    db_finalize(st);
    free(v);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_refile(struct db *db)
{
    int rc = names_fold(db);
    if (rc != DB_OK) return rc;
    struct key_tables *tables = key_tables_new();
    struct db_stmt *st = db_prepare(db, "SELECT id, name FROM resident");
    while ((rc = db_step(st)) == DB_ROW) {
        struct name_keys k;
        name_keys_of(db_col_text(st, 1), &k);
        key_tables_file(tables, db_col_int(st, 0), &k);
        name_keys_free(&k);
    }
    db_finalize(st);
    if (rc == DB_DONE) {
        rc = DB_OK;
        key_tables_sort(tables);
        rc = key_tables_write(tables, db, POSTINGS_RESIDENTS);
    }
    key_tables_free(tables);
    return rc;
}
