/*
** hours_bulk: see hours_bulk.h.
*/
#include "db/hours_bulk.h"
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void volunteer_read(struct db_stmt *st, void *slot)
{
    struct hours_bulk_volunteer *v = slot;
    v->id = db_col_int(st, 0);
    v->team_id = db_col_int(st, 1);
    snprintf(v->registered_on, sizeof v->registered_on, "%s", db_col_text(st, 2));
}

int hours_bulk_volunteers(struct db *db, struct hours_bulk_volunteer **out, size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT v.id, coalesce((SELECT min(m.team_id) FROM team_member m"
                       " WHERE m.volunteer_id = v.id), 0), v.registered_on FROM volunteer v"
                       " WHERE v.status <> 'left' ORDER BY v.id");
    int rc;
    *out = db_collect(st, sizeof **out, volunteer_read, n, &rc);
    return rc;
}

static void team_read(struct db_stmt *st, void *slot)
{
    struct hours_bulk_team *t = slot;
    t->id = db_col_int(st, 0);
    t->community = db_col_dup(st, 1);
}

int hours_bulk_teams(struct db *db, struct hours_bulk_team **out, size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT t.id, coalesce(c.name, '') FROM team t"
                       " LEFT JOIN community c ON c.id = t.community_id ORDER BY t.id");
    int rc;
    *out = db_collect(st, sizeof **out, team_read, n, &rc);
    return rc;
}

void hours_bulk_teams_free(struct hours_bulk_team *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(t[i].community);
    free(t);
}

static void closed_read(struct db_stmt *st, void *slot)
{
    struct hours_bulk_request *r = slot;
    r->id = db_col_int(st, 0);
    r->taken = (time_t)db_col_int(st, 1);
    r->closed = (time_t)db_col_int(st, 2);
}

int hours_bulk_closed_requests(struct db *db, struct hours_bulk_request **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, "SELECT id, created_at, ifnull(closed_at, created_at)"
                                        " FROM request WHERE status = 'closed'"
                                        " ORDER BY created_at, id");
    int rc;
    *out = db_collect(st, sizeof **out, closed_read, n, &rc);
    return rc;
}

static int activities_write(struct db *db, const struct hours_bulk_activity *a, size_t n,
                            const char *actor, const char *when)
{
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO activity (id, team_id, name, category_id, place, starts_at, ends_at,"
            " status, kind, created_at, created_by, updated_at, updated_by)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)");
    int rc = DB_DONE;
    for (size_t i = 0; i < n && rc == DB_DONE; i++) {
        db_bind_int(st, 1, (int64_t)i + 1);
        db_bind_int(st, 2, a[i].team_id);
        db_bind_text(st, 3, a[i].name);
        db_bind_int(st, 4, a[i].category_id);
        db_bind_text(st, 5, a[i].place);
        db_bind_text(st, 6, a[i].starts_at);
        db_bind_text(st, 7, a[i].ends_at);
        db_bind_text(st, 8, a[i].status);
        db_bind_text(st, 9, a[i].kind);
        db_bind_text(st, 10, when);
        db_bind_text(st, 11, actor);
        rc = db_step(st);
        db_reset(st);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

static int records_write(struct db *db, hours_bulk_next next, void *ctx, const char *actor,
                         const char *when, size_t *written, bulk_progress progress, void *pctx)
{
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out,"
            " minutes, confirmed_at, confirmed_by, confirmed_as, counts_from, late, late_reason,"
            " request_id, created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, ?3,"
            " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?14, ?15)");
    struct hours_bulk_record r;
    size_t done = 0, total = 0;
    int rc = DB_DONE;
    while (rc == DB_DONE && next(ctx, &r, &done, &total)) {
        int confirmed = r.confirmed_at[0] != 0;
        db_bind_int(st, 1, r.volunteer_id);
        db_bind_int(st, 2, r.activity_id);
        db_bind_text(st, 3, r.day);
        db_bind_text(st, 4, r.sign_in);
        db_bind_text(st, 5, r.sign_out);
        db_bind_int(st, 6, r.minutes);
        db_bind_text(st, 7, r.confirmed_at);
        db_bind_text(st, 8, confirmed ? r.confirmed_by : "");
        db_bind_text(st, 9, confirmed ? "organiser" : "");
        db_bind_text(st, 10, confirmed ? r.counts_from : "");
        db_bind_int(st, 11, r.late_reason && *r.late_reason);
        db_bind_text(st, 12, r.late_reason ? r.late_reason : "");
        if (r.request_id > 0)
            db_bind_int(st, 13, r.request_id);
        else
            db_bind_null(st, 13);
        db_bind_text(st, 14, when);
        db_bind_text(st, 15, actor);
        rc = db_step(st);
        db_reset(st);
        if (++*written % 65536 == 0 && progress)
            progress(pctx, _("Generating service records"), done, total);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* The service record's own indexes: their names into sql[0], their definitions into sql[1]. */
static int indexes_of(struct db *db, struct strlist *sql)
{
    struct db_stmt *st = db_prepare(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                        " AND tbl_name = 'service_record' AND sql IS NOT NULL");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        strlist_add(&sql[0], db_col_text(st, 0));
        strlist_add(&sql[1], db_col_text(st, 1));
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

static int indexes_drop(struct db *db, const struct strlist *names)
{
    int rc = DB_OK;
    for (size_t i = 0; i < names->n && rc == DB_OK; i++) {
        char *sql = xasprintf("DROP INDEX \"%s\"", names->v[i]);
        rc = db_exec(db, sql);
        free(sql);
    }
    return rc;
}

static int indexes_make(struct db *db, const struct strlist *sql)
{
    int rc = DB_OK;
    for (size_t i = 0; i < sql->n && rc == DB_OK; i++)
        rc = db_exec(db, sql->v[i]);
    return rc;
}

static int load_in(struct db *db, const char *actor, const struct hours_bulk_activity *acts,
                   size_t n, hours_bulk_next next, void *ctx, size_t *written,
                   bulk_progress progress, void *pctx)
{
    char when[20];
    clock_format(clock_now(), when);
    if (db_int(db, 1,
               "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM"
               " service_record)"))
        return DB_INVALID;
    struct strlist idx[2] = {STRLIST_INIT, STRLIST_INIT};
    int rc = indexes_of(db, idx);
    if (rc == DB_OK) rc = indexes_drop(db, &idx[0]);
    if (rc == DB_OK) rc = activities_write(db, acts, n, actor, when);
    if (rc == DB_OK) rc = records_write(db, next, ctx, actor, when, written, progress, pctx);
    if (progress) progress(pctx, _("Indexing service records"), *written, *written);
    if (rc == DB_OK) rc = indexes_make(db, &idx[1]);
    strlist_free(&idx[0]);
    strlist_free(&idx[1]);
    if (rc == DB_OK) {
        char *detail = xasprintf("%zu activities, %zu service records", n, *written);
        rc = audit_append(db, actor, "demo", "service_record:*", detail);
        free(detail);
    }
    return rc;
}

int hours_bulk_load(struct db *db, const char *actor, const struct hours_bulk_activity *acts,
                    size_t n, hours_bulk_next next, void *ctx, size_t *written,
                    bulk_progress progress, void *pctx)
{
    *written = 0;
    int switched = db_journal_exclusive(db);
    int rc = db_write_begin(db);
    if (rc == DB_OK) rc = user_allowed(db, actor, RIGHT_LOG_HOURS); /* checked in the write */
    if (rc == DB_OK) rc = load_in(db, actor, acts, n, next, ctx, written, progress, pctx);
    if (rc == DB_OK) {
        if (progress) progress(pctx, _("Saving"), *written, *written);
        rc = db_commit(db);
    } else {
        db_rollback(db);
    }
    if (rc == DB_OK) rc = db_analyze(db);
    if (switched) db_journal_wal(db);
    return rc;
}
