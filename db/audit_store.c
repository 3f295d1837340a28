/*
** audit_store: see audit_store.h.
*/
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/roles.h"
#include "src/actor.h"
#include "src/audit.h"
#include "src/clock.h"
#include "src/text.h"
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

int audit_reveal(struct db *db, const char *actor, const char *subject, const char *field,
                 const char *reason)
{
    if (text_blank(reason)) return DB_INVALID;
    int rc = user_allowed(db, actor, RIGHT_REVEAL);
    if (rc != DB_OK) return rc;
    char *detail = xasprintf("%s: %s", field, reason);
    rc = audit_append(db, actor, "reveal", subject, detail);
    free(detail);
    return rc;
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

#define AUDIT_COUNT_CAP 10000

static void entry_read(struct db_stmt *st, void *slot)
{
    struct audit_entry *e = slot;
    e->seq = db_col_int(st, 0);
    e->at = db_col_dup(st, 1);
    e->actor = db_col_dup(st, 2);
    e->terminal = db_col_dup(st, 3);
    e->action = db_col_dup(st, 4);
    e->subject = db_col_dup(st, 5);
    e->detail = db_col_dup(st, 6);
    e->named = db_col_dup(st, 8);
}

/*
** The rows as the list reads them: ROW_SELECT's, and what a user's or a
** request's row is about in words (user:9 is a login, request:12 a number).
*/
#define LIST_SELECT                                                                                \
    "SELECT seq, at, actor, terminal, action, subject, detail, hash,"                              \
    " CASE WHEN subject LIKE 'user:%' THEN (SELECT login FROM \"user\""                            \
    "        WHERE id = CAST(substr(subject, 6) AS INTEGER))"                                      \
    "      WHEN subject LIKE 'request:%' THEN (SELECT number FROM request"                         \
    "        WHERE id = CAST(substr(subject, 9) AS INTEGER)) END FROM audit_log"

/* A request step's code in its detail ("2026-000123 dispatch: 派往 区民政局" -> dispatch). */
#define STEP_REST "substr(detail, instr(detail, ' ') + 1)"
#define STEP_CODE "substr(" STEP_REST ", 1, instr(" STEP_REST " || ':', ':') - 1)"

/*
** The where of f over audit_log; parameters ?1 .. ?6, ?8 and ?9 as
** audit_bind() binds them. The text finds a user acted on by their login
** or name too (the record is user:ID), a request by its number
** (request:ID), and an action or a request's step by the words the screen
** shows it in (audit_codes_worded()). The record is one (resident:12, not
** resident:120), a request's number, or a kind (resident:).
*/
#define AUDIT_WHERE                                                                                \
    " WHERE (?1 = '' OR instr(actor, ?1) > 0 OR instr(action, ?1) > 0"                             \
    "        OR instr(subject, ?1) > 0 OR instr(detail, ?1) > 0"                                   \
    "        OR subject IN (SELECT 'user:' || id FROM \"user\""                                    \
    "                       WHERE instr(login, ?1) > 0 OR instr(name, ?1) > 0)"                    \
    "        OR subject IN (SELECT 'request:' || id FROM request WHERE number = ?1)"               \
    "        OR instr(?8, ',' || action || ',') > 0"                                               \
    "        OR (action = 'request' AND ?9 <> '' AND instr(?9, ',' || " STEP_CODE " || ',') > 0))" \
    " AND (?2 = '' OR actor = ?2) AND (?3 = '' OR action = ?3)"                                    \
    " AND (?4 = '' OR subject = ?4"                                                                \
    "      OR (substr(?4, -1) = ':' AND substr(subject, 1, length(?4)) = ?4)"                      \
    "      OR subject IN (SELECT 'request:' || id FROM request WHERE number = ?4))"                \
    " AND (?5 = '' OR at >= ?5) AND (?6 = '' OR at < ?6)"

static void audit_bind(struct db_stmt *st, const struct audit_filter *f)
{
    char from[20] = "", to[20] = "";
    if (f->from) clock_format(f->from, from);
    if (f->to) clock_format(f->to, to);
    /* The text in the words the screen shows an action or a step in (导出, 改派) finds it too. */
    char *actions = audit_codes_worded(f->text, 0), *steps = audit_codes_worded(f->text, 1);
    db_bind_text(st, 8, actions);
    db_bind_text(st, 9, steps);
    free(actions);
    free(steps);
    db_bind_text(st, 1, f->text ? f->text : "");
    db_bind_text(st, 2, f->actor ? f->actor : "");
    db_bind_text(st, 3, f->action ? f->action : "");
    db_bind_text(st, 4, f->subject ? f->subject : "");
    db_bind_text(st, 5, from);
    db_bind_text(st, 6, to);
}

int audit_list(struct db *db, const char *actor, const struct audit_filter *f, size_t limit,
               struct audit_entry **items, size_t *n, int64_t *total, int *more)
{
    *items = NULL;
    *n = 0;
    *total = 0;
    *more = 0;
    int allowed = user_allowed(db, actor, RIGHT_SEE_AUDIT);
    if (allowed != DB_OK) return allowed;
    struct db_stmt *st = db_prepare(db, LIST_SELECT AUDIT_WHERE " ORDER BY seq DESC LIMIT ?7");
    audit_bind(st, f);
    db_bind_int(st, 7, (int64_t)limit);
    int rc;
    *items = db_collect(st, sizeof **items, entry_read, n, &rc);
    *total = (int64_t)*n;
    *more = 0;
    if (rc == DB_OK && *n == limit) {
        st = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM audit_log" AUDIT_WHERE
                            " LIMIT 10001)"); /* AUDIT_COUNT_CAP + 1 */
        audit_bind(st, f);
        rc = db_step(st) == DB_ROW ? DB_OK : DB_ERROR;
        *total = db_col_int(st, 0);
        db_finalize(st);
        *more = *total > AUDIT_COUNT_CAP;
        if (*more) *total = AUDIT_COUNT_CAP;
    }
    return rc;
}
