/*
** hours_ledger_store: see hours_ledger_store.h.
*/
#include "db/hours_ledger_store.h"
#include "db/change.h"
#include "db/hours_store.h"
#include "src/clock.h"
#include "src/roles.h"

#include <stdlib.h>
#include <string.h>

int hours_ledger_activity(struct db *db, const char *name, const char *day, int64_t *id)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT id FROM activity WHERE name = ?1 AND status <> 'cancelled'"
            " AND substr(starts_at, 1, 10) <= ?2 AND substr(ends_at, 1, 10) >= ?2 ORDER BY id");
    db_bind_text(st, 1, name);
    db_bind_text(st, 2, day);
    int found = 0, rc;
    *id = 0;
    while ((rc = db_step(st)) == DB_ROW)
        if (found++ == 0) *id = db_col_int(st, 0);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    return found == 0 ? DB_NOTFOUND : found > 1 ? DB_DUPLICATE : DB_OK;
}

#define ENTRY_SELECT                                                                               \
    "SELECT s.id, v.number, v.name, a.name, s.day, s.sign_in, s.sign_out, s.minutes,"              \
    " substr(s.confirmed_at, 1, 10), s.confirmed_by, s.late_reason, coalesce(r.number, ''),"       \
    " s.volunteer_id, s.activity_id, coalesce(s.request_id, 0), s.counts_from, s.version"          \
    " FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id"                             \
    " JOIN activity a ON a.id = s.activity_id LEFT JOIN request r ON r.id = s.request_id"

static void entry_read(struct db_stmt *st, void *slot)
{
    struct hours_entry *e = slot;
    int c = 0;
    record_init(&hours_entry_record, e);
    e->id = db_col_int(st, c++);
    record_set(&e->number, db_col_text(st, c++));
    record_set(&e->name, db_col_text(st, c++));
    record_set(&e->activity, db_col_text(st, c++));
    record_set(&e->day, db_col_text(st, c++));
    record_set(&e->sign_in, db_col_text(st, c++));
    record_set(&e->sign_out, db_col_text(st, c++));
    e->minutes = (int)db_col_int(st, c++);
    record_set(&e->confirmed, db_col_text(st, c++));
    record_set(&e->confirmer, db_col_text(st, c++));
    record_set(&e->late_reason, db_col_text(st, c++));
    record_set(&e->request, db_col_text(st, c++));
    e->volunteer_id = db_col_int(st, c++);
    e->activity_id = db_col_int(st, c++);
    e->request_id = db_col_int(st, c++);
    record_set(&e->counts_from, db_col_text(st, c++));
    e->version = db_col_int(st, c++);
    hours_entry_key(e);
}

int hours_ledger_find(struct db *db, int64_t volunteer_id, int64_t activity_id, const char *day,
                      const char *sign_in, struct hours_entry *out)
{
    struct db_stmt *st =
        db_prepare(db, ENTRY_SELECT " WHERE s.volunteer_id = ?1 AND s.activity_id = ?2"
                                    " AND s.day = ?3 AND s.sign_in = ?4");
    db_bind_int(st, 1, volunteer_id);
    db_bind_int(st, 2, activity_id);
    db_bind_text(st, 3, day);
    db_bind_text(st, 4, sign_in);
    return db_read_one(st, entry_read, out);
}

static void pair_read(struct db_stmt *st, void *slot)
{
    struct hours_pair *p = slot;
    p->activity_id = db_col_int(st, 0);
    p->in = hours_minute_parse(db_col_text(st, 1));
    p->out = *db_col_text(st, 2) ? hours_minute_parse(db_col_text(st, 2)) : -1;
}

int hours_ledger_pairs(struct db *db, int64_t volunteer_id, const char *day, int64_t skip_id,
                       struct hours_pair **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, "SELECT activity_id, sign_in, sign_out FROM service_record"
                                        " WHERE volunteer_id = ?1 AND day = ?2 AND id <> ?3"
                                        " ORDER BY sign_in");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, day);
    db_bind_int(st, 3, skip_id);
    int rc;
    *out = db_collect(st, sizeof **out, pair_read, n, &rc);
    return rc;
}

static void bind_id_or_null(struct db_stmt *st, int i, int64_t id)
{
    if (id > 0)
        db_bind_int(st, i, id);
    else
        db_bind_null(st, i);
}

static int record_get_any(struct db *db, int64_t id, void *out)
{
    return service_record_get(db, id, out);
}

/* A service record as the audit log names it: the same as the desk's writes. */
static const struct change_kind ledger_record_change = {&service_record_record, "service-record",
                                                        RIGHT_LOG_HOURS, record_get_any};

/* Inside the transaction: the audit row of record id written from before (NULL: added). */
static int ledger_audit(struct db *db, const char *actor, int64_t id,
                        const struct service_record *before)
{
    struct service_record after;
    int rc = service_record_get(db, id, &after);
    if (rc != DB_OK) return rc;
    char *subject = change_subject(&ledger_record_change, id);
    rc = change_audit(db, &ledger_record_change, actor, subject, before, &after);
    free(subject);
    record_free(&service_record_record, &after);
    return rc;
}

int hours_ledger_write(struct db *db, struct hours_entry *e, const char *actor)
{
    struct service_record before;
    int had = e->id != 0;
    if (had) {
        int rc = service_record_get(db, e->id, &before);
        if (rc != DB_OK) return rc;
    }
    char when[20];
    clock_format(clock_now(), when);
    struct db_stmt *st = db_prepare(
        db, e->id ? "UPDATE service_record SET volunteer_id = ?1, activity_id = ?2, day = ?3,"
                    " sign_in = ?4, sign_out = ?5, minutes = ?6, confirmed_at = ?7,"
                    " confirmed_by = ?8, confirmed_as = ?9, counts_from = ?10, late = ?11,"
                    " late_reason = ?12, request_id = ?13, updated_at = ?14, updated_by = ?15,"
                    " version = version + 1 WHERE id = ?16 AND version = ?17"
                  : "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in,"
                    " sign_out, minutes, confirmed_at, confirmed_by, confirmed_as, counts_from,"
                    " late, late_reason, request_id, created_at, created_by, updated_at,"
                    " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                    " ?13, ?14, ?15, ?14, ?15)");
    char *confirmed_at = *e->confirmed ? xasprintf("%s 00:00:00", e->confirmed) : xstrdup("");
    db_bind_int(st, 1, e->volunteer_id);
    db_bind_int(st, 2, e->activity_id);
    db_bind_text(st, 3, e->day);
    db_bind_text(st, 4, e->sign_in);
    db_bind_text(st, 5, e->sign_out);
    db_bind_int(st, 6, e->minutes);
    db_bind_text(st, 7, confirmed_at);
    db_bind_text(st, 8, *e->confirmed ? e->confirmer : "");
    db_bind_text(st, 9, *e->confirmed ? "organiser" : "");
    db_bind_text(st, 10, *e->confirmed ? e->counts_from : "");
    db_bind_int(st, 11, *e->late_reason != 0);
    db_bind_text(st, 12, e->late_reason);
    bind_id_or_null(st, 13, e->request_id);
    db_bind_text(st, 14, when);
    db_bind_text(st, 15, actor);
    if (e->id) {
        db_bind_int(st, 16, e->id);
        db_bind_int(st, 17, e->version);
    }
    int rc = db_write_versioned(db, st, &e->id);
    free(confirmed_at);
    /* Each record written is a row of the audit log, its old values kept, as at the desk. */
    if (rc == DB_OK) rc = ledger_audit(db, actor, e->id, had ? &before : NULL);
    if (had) record_free(&service_record_record, &before);
    return rc;
}

int hours_ledger_each(struct db *db, int (*visit)(void *ctx, const struct hours_entry *e),
                      void *ctx)
{
    /* Signed out only: one still on duty is no service yet (and its blank 签退 reads back as
     * no time); it goes out once signed out. */
    struct db_stmt *st =
        db_prepare(db, ENTRY_SELECT " WHERE s.sign_out <> '' ORDER BY s.day, v.number, s.sign_in");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct hours_entry e;
        entry_read(st, &e);
        int go = visit(ctx, &e);
        record_free(&hours_entry_record, &e);
        if (!go) {
            rc = DB_DONE;
            break;
        }
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}
