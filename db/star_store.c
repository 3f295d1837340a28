/*
** star_store: see star_store.h.
*/
#include "db/star_store.h"
#include "db/hours_store.h"
#include "db/audit_store.h"
#include "db/change.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>

static void level_read(struct db_stmt *st, void *slot)
{
    struct star_level *l = slot;
    record_init(&star_level_record, l);
    l->id = db_col_int(st, 0);
    record_set(&l->name, db_col_text(st, 1));
    l->hours = db_col_int(st, 2);
    l->version = db_col_int(st, 3);
}

int star_levels(struct db *db, struct star_level **out, size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT id, name, hours, version FROM star_level ORDER BY hours");
    int rc;
    *out = db_collect(st, sizeof **out, level_read, n, &rc);
    return rc;
}

int star_level_get(struct db *db, int64_t id, struct star_level *out)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT id, name, hours, version FROM star_level WHERE id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, level_read, out);
}

static int level_get_any(struct db *db, int64_t id, void *out)
{
    return star_level_get(db, id, out);
}

static const struct change_kind level_change = {&star_level_record, "star-level", RIGHT_LOG_HOURS,
                                                level_get_any};

/*
** Does l keep the levels in order, each needing more hours than the one made
** before it (a new one: than all)? DB_OK, DB_INVALID, or an error. The same
** hours as another are left to the table's UNIQUE (DB_DUPLICATE names them).
*/
static int level_in_order(struct db *db, const struct star_level *l)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT 1 FROM star_level WHERE id <> ?1 AND ((?1 = 0 OR id < ?1) AND hours > ?2"
            " OR ?1 <> 0 AND id > ?1 AND hours < ?2) LIMIT 1");
    db_bind_int(st, 1, l->id);
    db_bind_int(st, 2, l->hours);
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_ROW ? DB_INVALID : rc == DB_DONE ? DB_OK : rc;
}

int star_level_save(struct db *db, struct star_level *l, const char *actor, const char **why)
{
    *why = star_level_check(l);
    if (*why) return DB_INVALID;
    struct star_level before;
    int rc = change_begin(db, &level_change, actor, l->id, &before);
    if (rc != DB_OK) return rc;
    rc = level_in_order(db, l);
    if (rc != DB_OK) {
        if (rc == DB_INVALID)
            *why = _("Each star level needs more hours than the one below it and fewer than the "
                     "one above it: 一星 fewest");
        change_abort(db, &level_change, &before);
        return rc;
    }
    struct db_stmt *st =
        db_prepare(db, l->id ? "UPDATE star_level SET name = ?1, hours = ?2, version = version + 1"
                               " WHERE id = ?3 AND version = ?4"
                             : "INSERT INTO star_level (name, hours) VALUES (?1, ?2)");
    db_bind_text(st, 1, l->name);
    db_bind_int(st, 2, l->hours);
    if (l->id) {
        db_bind_int(st, 3, l->id);
        db_bind_int(st, 4, l->version);
    }
    return change_save(db, &level_change, actor, st, &l->id, &l->version, &before);
}

/* The minutes of volunteer_id that count on today, summed over the partial index. */
static int counted_minutes(struct db *db, int64_t volunteer_id, const char *today, int64_t *minutes)
{
    struct db_stmt *st = db_prepare(db, "SELECT coalesce(sum(minutes), 0) FROM service_record"
                                        " INDEXED BY service_record_counted"
                                        " WHERE volunteer_id = ?1 AND " HOURS_COUNTED("", "?2"));
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, today);
    int rc = db_step(st);
    *minutes = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

int star_standing_of(struct db *db, int64_t volunteer_id, const char *today,
                     struct star_standing *out)
{
    *out = (struct star_standing){0};
    int rc = counted_minutes(db, volunteer_id, today, &out->minutes);
    if (rc != DB_OK) return rc;
    struct star_level *levels;
    size_t n;
    rc = star_levels(db, &levels, &n);
    if (rc != DB_OK) return rc;
    int i = star_level_reached(levels, n, out->minutes);
    if (i >= 0) {
        out->level_id = levels[i].id;
        snprintf(out->level_name, sizeof out->level_name, "%s", levels[i].name);
        out->level_hours = levels[i].hours;
    }
    record_array_free(&star_level_record, levels, n);
    return DB_OK;
}

static void due_read(struct db_stmt *st, void *slot)
{
    struct star_due *d = slot;
    record_init(&star_due_record, d);
    d->volunteer_id = db_col_int(st, 0);
    record_set(&d->number, db_col_text(st, 1));
    record_set(&d->name, db_col_text(st, 2));
    d->minutes = db_col_int(st, 3);
    d->level_id = db_col_int(st, 4);
    record_set(&d->level_name, db_col_text(st, 5));
    d->level_hours = db_col_int(st, 6);
}

int stars_due(struct db *db, const char *today, struct star_due **out, size_t *n)
{
    struct db_stmt *st = db_prepare(
        db,
        "WITH t AS (SELECT volunteer_id, sum(minutes) AS m FROM service_record"
        "  INDEXED BY service_record_counted"
        "  WHERE " HOURS_COUNTED(
            "",
            "?1") " GROUP BY volunteer_id"
                  "  HAVING m >= (SELECT min(hours) * 60 FROM star_level)),"
                  " r AS (SELECT t.volunteer_id, t.m, (SELECT l.id FROM star_level l"
                  "  WHERE l.hours * 60 <= t.m ORDER BY l.hours DESC LIMIT 1) AS level_id FROM t)"
                  " SELECT v.id, v.number, v.name, r.m, l.id, l.name, l.hours FROM r"
                  " JOIN volunteer v ON v.id = r.volunteer_id JOIN star_level l ON l.id = "
                  "r.level_id"
                  " WHERE v.status <> 'left' AND NOT EXISTS (SELECT 1 FROM star_award a"
                  "  WHERE a.volunteer_id = r.volunteer_id AND a.level_id = r.level_id)"
                  " ORDER BY v.number");
    db_bind_text(st, 1, today);
    int rc;
    *out = db_collect(st, sizeof **out, due_read, n, &rc);
    return rc;
}

int star_held(struct db *db, int64_t volunteer_id, int64_t level_id, int *held)
{
    struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM star_award"
                                        " WHERE volunteer_id = ?1 AND level_id = ?2");
    db_bind_int(st, 1, volunteer_id);
    db_bind_int(st, 2, level_id);
    int rc = db_step(st);
    *held = rc == DB_ROW && db_col_int(st, 0) > 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

/* Inside the transaction: award volunteer_id the level they reach, unless none or held. */
static int award_one(struct db *db, int64_t volunteer_id, const char *today, const char *actor,
                     size_t *awarded)
{
    struct star_standing s;
    int held = 0;
    int rc = star_standing_of(db, volunteer_id, today, &s);
    if (rc == DB_OK && s.level_id) rc = star_held(db, volunteer_id, s.level_id, &held);
    if (rc != DB_OK || !s.level_id || held) return rc;
    struct db_stmt *st = db_prepare(db, "INSERT INTO star_award (volunteer_id, level_id, minutes,"
                                        " awarded_on, awarded_by) VALUES (?1, ?2, ?3, ?4, ?5)");
    db_bind_int(st, 1, volunteer_id);
    db_bind_int(st, 2, s.level_id);
    db_bind_int(st, 3, s.minutes);
    db_bind_text(st, 4, today);
    db_bind_text(st, 5, actor);
    rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc == DB_ROW ? DB_ERROR : rc;
    char subject[40];
    snprintf(subject, sizeof subject, "volunteer:%lld", (long long)volunteer_id);
    char *detail = xasprintf("%s (%lld h): %lld min counted", s.level_name,
                             (long long)s.level_hours, (long long)s.minutes);
    rc = audit_append(db, actor, "star-award", subject, detail);
    free(detail);
    if (rc == DB_OK) ++*awarded;
    return rc;
}

int stars_award(struct db *db, const int64_t *ids, size_t n, const char *today, const char *actor,
                size_t *awarded)
{
    size_t done = 0;
    if (awarded) *awarded = 0;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, RIGHT_LOG_HOURS);
    for (size_t i = 0; rc == DB_OK && i < n; i++)
        rc = award_one(db, ids[i], today, actor, &done);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_OK && awarded) *awarded = done;
    return rc;
}
