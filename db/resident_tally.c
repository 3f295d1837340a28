/*
** resident_tally: see resident_tally.h.
*/
#include "db/resident_tally.h"
#include "db/audit_store.h"
#include "src/util.h"

#include <string.h>

int64_t resident_tally_total(const struct resident_tally *t)
{
    int64_t sum = 0;
    for (int s = RESIDENT_PRESENT; s <= RESIDENT_MERGED; s++)
        sum += t->n[s];
    return sum;
}

/* Read "status, n" rows from st into out by status; codes not known are left out. */
static int tally_collect(struct db_stmt *st, struct resident_tally *out)
{
    memset(out, 0, sizeof *out);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int s = resident_status_parse(db_col_text(st, 0));
        if (s >= 0) out->n[s] = db_col_int(st, 1);
    }
    db_finalize(st);
    if (rc != DB_DONE) memset(out, 0, sizeof *out);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_tally_read(struct db *db, struct resident_tally *out)
{
    return tally_collect(db_prepare(db, "SELECT status, n FROM resident_tally"), out);
}

/* The register counted: one pass over the rows. */
static int tally_count(struct db *db, struct resident_tally *out)
{
    return tally_collect(db_prepare(db, "SELECT status, count(*) FROM resident GROUP BY status"),
                         out);
}

int resident_tally_shift(struct db *db, int from, enum resident_status to)
{
    if (from == (int)to) return DB_OK;
    struct db_stmt *st =
        db_prepare(db, "UPDATE resident_tally SET n = n + (status IS ?2) - (status IS ?1)"
                       " WHERE status IN (?1, ?2)");
    if (from >= 0)
        db_bind_text(st, 1, resident_status_code((enum resident_status)from));
    else
        db_bind_null(st, 1);
    db_bind_text(st, 2, resident_status_code(to));
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_tally_add(struct db *db, enum resident_status s, int64_t n)
{
    struct db_stmt *st = db_prepare(db, "UPDATE resident_tally SET n = n + ?2 WHERE status = ?1");
    db_bind_text(st, 1, resident_status_code(s));
    db_bind_int(st, 2, n);
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Inside a write transaction: the tally set to t. */
static int tally_write(struct db *db, const struct resident_tally *t)
{
    struct db_stmt *st = db_prepare(db, "UPDATE resident_tally SET n = ?2 WHERE status = ?1");
    int rc = DB_DONE;
    for (int s = RESIDENT_PRESENT; s <= RESIDENT_MERGED && rc == DB_DONE; s++) {
        db_bind_text(st, 1, resident_status_code((enum resident_status)s));
        db_bind_int(st, 2, t->n[s]);
        rc = db_step(st);
        db_reset(st);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_tally_loaded(struct db *db)
{
    /* count(*) alone reads the smallest index, not the rows. */
    struct resident_tally t = {{0}};
    int rc = db_count(db, "SELECT count(*) FROM resident", &t.n[RESIDENT_PRESENT]);
    return rc == DB_OK ? tally_write(db, &t) : rc;
}

int resident_tally_astray(struct db *db,
                          void (*visit)(void *ctx, enum resident_status s, int64_t kept,
                                        int64_t counted),
                          void *ctx)
{
    struct resident_tally kept, counted;
    int rc = resident_tally_read(db, &kept);
    if (rc == DB_OK) rc = tally_count(db, &counted);
    if (rc != DB_OK) return rc;
    for (int s = RESIDENT_PRESENT; s <= RESIDENT_MERGED; s++)
        if (kept.n[s] != counted.n[s]) visit(ctx, (enum resident_status)s, kept.n[s], counted.n[s]);
    return DB_OK;
}

int resident_tally_recount(struct db *db, const char *actor)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    struct resident_tally kept, counted;
    rc = resident_tally_read(db, &kept);
    if (rc == DB_OK) rc = tally_count(db, &counted);
    if (rc == DB_OK) rc = tally_write(db, &counted);
    if (rc == DB_OK) {
        /* What was kept and what the register holds, status by status. */
        struct strbuf detail = STRBUF_INIT;
        for (int s = RESIDENT_PRESENT; s <= RESIDENT_MERGED; s++) {
            const char *code = resident_status_code((enum resident_status)s);
            strbuf_addf(&detail, "%s%s %lld -> %lld", s ? ", " : "", *code ? code : "present",
                        (long long)kept.n[s], (long long)counted.n[s]);
        }
        rc = audit_append(db, actor, "resident-recount", "resident:*", strbuf_str(&detail));
        strbuf_free(&detail);
    }
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}
