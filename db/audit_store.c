/*
** audit_store: see audit_store.h.
*/
#include "db/audit_store.h"
#include "src/actor.h"
#include "src/audit.h"
#include "src/clock.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The last row's number and hash, inside the caller's write transaction: 0 and "" when none. */
static int chain_end(struct db *db, int64_t *seq, char hash[AUDIT_HASH_SIZE])
{
    struct db_stmt *st =
        db_prepare(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    int rc = db_step(st);
    *seq = 0;
    hash[0] = 0;
    if (rc == DB_ROW) {
        *seq = db_col_int(st, 0);
        snprintf(hash, AUDIT_HASH_SIZE, "%s", db_col_text(st, 1));
    }
    db_finalize(st);
    return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

/* Keep where the chain ends beside it: "SEQ HASH". */
static int head_set(struct db *db, int64_t seq, const char *hash)
{
    char head[96];
    snprintf(head, sizeof head, "%lld %s", (long long)seq, hash);
    struct db_stmt *st =
        db_prepare(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?1)");
    db_bind_text(st, 1, head);
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int audit_append(struct db *db, const char *actor, const char *action, const char *subject,
                 const char *detail)
{
    char when[20], prev[AUDIT_HASH_SIZE], hash[AUDIT_HASH_SIZE];
    clock_format(clock_now(), when);
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    int64_t last;
    rc = chain_end(db, &last, prev);
    struct audit_row row = {last + 1, when, actor, actor_terminal(), action, subject, detail};
    if (rc == DB_OK) {
        audit_hash(prev, &row, hash);
        struct db_stmt *st = db_prepare(
            db, "INSERT INTO audit_log (seq, at, actor, terminal, action, subject, detail, hash)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        db_bind_int(st, 1, row.seq);
        db_bind_text(st, 2, row.at);
        db_bind_text(st, 3, row.actor);
        db_bind_text(st, 4, row.terminal);
        db_bind_text(st, 5, row.action);
        db_bind_text(st, 6, row.subject);
        db_bind_text(st, 7, row.detail);
        db_bind_text(st, 8, hash);
        rc = db_step(st);
        db_finalize(st);
        rc = rc == DB_DONE ? head_set(db, row.seq, hash) : rc;
    }
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

#define ROW_SELECT "SELECT seq, at, actor, terminal, action, subject, detail, hash FROM audit_log"

static struct audit_row row_of(struct db_stmt *st)
{
    return (struct audit_row){db_col_int(st, 0),  db_col_text(st, 1), db_col_text(st, 2),
                              db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5),
                              db_col_text(st, 6)};
}

int audit_seal(struct db *db)
{
    struct db_stmt *st = db_prepare(db, ROW_SELECT " ORDER BY seq");
    struct db_stmt *up = db_prepare(db, "UPDATE audit_log SET hash = ?1 WHERE seq = ?2");
    char prev[AUDIT_HASH_SIZE] = "", hash[AUDIT_HASH_SIZE];
    int64_t last = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct audit_row row = row_of(st);
        audit_hash(prev, &row, hash);
        db_bind_text(up, 1, hash);
        db_bind_int(up, 2, row.seq);
        rc = db_step(up);
        db_reset(up);
        if (rc != DB_DONE) break;
        memcpy(prev, hash, sizeof prev);
        last = row.seq;
    }
    db_finalize(st);
    db_finalize(up);
    if (rc != DB_DONE) return rc;
    return last ? head_set(db, last, prev) : DB_OK;
}

int audit_verify(struct db *db, struct audit_verdict *v)
{
    memset(v, 0, sizeof *v);
    struct db_stmt *st = db_prepare(db, ROW_SELECT " ORDER BY seq");
    char hash[AUDIT_HASH_SIZE];
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct audit_row row = row_of(st);
        const char *stored = db_col_text(st, 7);
        v->damage = row.seq != v->seq + 1 ? AUDIT_REMOVED : !*stored ? AUDIT_UNSEALED : AUDIT_SOUND;
        if (v->damage == AUDIT_SOUND) {
            audit_hash(v->head, &row, hash);
            if (strcmp(hash, stored) != 0) v->damage = AUDIT_CHANGED;
        }
        v->seq = row.seq;
        if (v->damage != AUDIT_SOUND) break;
        memcpy(v->head, hash, sizeof v->head);
        v->rows++;
    }
    db_finalize(st);
    if (rc != DB_ROW && rc != DB_DONE) return rc;
    if (v->damage != AUDIT_SOUND) return DB_OK;
    /* The rows are whole; do they reach the head kept beside them? */
    char *head = db_meta_get(db, "audit_head");
    if (head && *head) {
        char expect[96];
        snprintf(expect, sizeof expect, "%lld %s", (long long)v->seq, v->head);
        if (strcmp(head, expect) != 0) v->damage = AUDIT_CUT;
    }
    free(head);
    return DB_OK;
}
