/*
** volunteer_bulk: see volunteer_bulk.h.
*/
#include "db/volunteer_bulk.h"
#include "db/audit_store.h"
#include "db/key_tables.h"
#include "db/user_store.h"
#include "db/volunteer_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"

#include <stdlib.h>

/* Insert the teams (ids 1 .. nteams, in order), their parents set. */
static int teams_write(struct db *db, const struct volunteer_bulk_team *teams, size_t nteams,
                       const char *actor, const char *when)
{
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO team (id, name, parent_id, staff, community_id, founded, created_at,"
            " created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)");
    int rc = DB_DONE;
    for (size_t i = 0; i < nteams && rc == DB_DONE; i++) {
        const struct volunteer_bulk_team *t = &teams[i];
        db_bind_int(st, 1, (int64_t)i + 1);
        db_bind_text(st, 2, t->name);
        if (t->parent >= 0 && (size_t)t->parent < i)
            db_bind_int(st, 3, t->parent + 1);
        else
            db_bind_null(st, 3);
        db_bind_text(st, 4, t->staff ? t->staff : "");
        if (t->community_id > 0)
            db_bind_int(st, 5, t->community_id);
        else
            db_bind_null(st, 5);
        db_bind_text(st, 6, t->founded ? t->founded : "");
        db_bind_text(st, 7, when);
        db_bind_text(st, 8, actor);
        rc = db_step(st);
        db_reset(st);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Insert every volunteer and file its search keys; the members of teams with them. */
static int volunteers_write(struct db *db, struct key_tables *keys, struct volunteer *v,
                            const int *team_of, size_t n, size_t nteams, const char *actor,
                            const char *when, bulk_progress progress, void *ctx)
{
    struct db_stmt *ins = db_prepare(db, volunteer_insert_sql);
    struct db_stmt *join = db_prepare(
        db, "INSERT INTO team_member (team_id, volunteer_id, joined, created_at, created_by,"
            " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)");
    int rc = DB_DONE;
    for (size_t i = 0; i < n && rc == DB_DONE; i++) {
        struct name_keys k;
        name_keys_of(v[i].name, &k);
        v[i].id = (int64_t)i + 1;
        key_tables_file(keys, v[i].id, &k);
        volunteer_bind_row(ins, &v[i], v[i].id, k.rank, actor, when);
        name_keys_free(&k);
        rc = db_step(ins);
        db_reset(ins);
        int team = team_of ? team_of[i] : -1;
        if (rc == DB_DONE && team >= 0 && (size_t)team < nteams) {
            db_bind_int(join, 1, team + 1);
            db_bind_int(join, 2, v[i].id);
            db_bind_text(join, 3, v[i].registered_on);
            db_bind_text(join, 4, when);
            db_bind_text(join, 5, actor);
            rc = db_step(join);
            db_reset(join);
        }
        if (progress && i % 4096 == 0) progress(ctx, _("Generating volunteers"), i, n);
    }
    db_finalize(ins);
    db_finalize(join);
    return rc == DB_DONE ? DB_OK : rc;
}

int volunteer_bulk_load(struct db *db, const char *actor, const struct volunteer_bulk_team *teams,
                        size_t nteams, struct volunteer *v, const int *team_of, size_t n,
                        bulk_progress progress, void *ctx)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = user_allowed(db, actor, RIGHT_LOG_HOURS);
    if (rc != DB_OK) return rc;
    rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    if (db_int(db, 0, "SELECT (SELECT count(*) FROM volunteer) + (SELECT count(*) FROM team)"))
        rc = DB_INVALID;
    struct key_tables *keys = key_tables_new();
    if (rc == DB_OK) rc = teams_write(db, teams, nteams, actor, when);
    if (rc == DB_OK)
        rc = volunteers_write(db, keys, v, team_of, n, nteams, actor, when, progress, ctx);
    /* Each team is led by its first member. */
    if (rc == DB_OK)
        rc = db_exec(db, "UPDATE team SET leader_id = (SELECT min(volunteer_id) FROM team_member m"
                         " WHERE m.team_id = team.id)");
    if (progress) progress(ctx, _("Writing search keys"), n, n);
    if (rc == DB_OK) {
        key_tables_sort(keys);
        rc = key_tables_write(keys, db, POSTINGS_VOLUNTEERS);
    }
    key_tables_free(keys);
    if (rc == DB_OK) {
        char *detail = xasprintf("%zu volunteers, %zu teams", n, nteams);
        rc = audit_append(db, actor, "demo", "volunteer:*", detail);
        free(detail);
    }
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    if (progress) progress(ctx, _("Saving"), n, n);
    return db_commit(db);
}
