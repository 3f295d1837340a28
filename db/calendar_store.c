/*
** calendar_store: see calendar_store.h.
*/
#include "db/calendar_store.h"
#include "db/audit_store.h"
#include "db/change.h"
#include "db/settings_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void calendar_days_free(struct calendar_days *d)
{
    record_array_free(&calendar_day_record, d->v, d->n);
    d->v = NULL;
    d->n = 0;
}

int calendar_load(struct db *db, struct workcal *out)
{
    workcal_init(out);
    char *hours = settings_get(db, SETTING_WORK_HOURS);
    workcal_set_hours(out, hours);
    free(hours);
    struct db_stmt *st = db_prepare(db, "SELECT day, kind FROM calendar");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct date d;
        if (sscanf(db_col_text(st, 0), "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
            workcal_mark(out, d, str_eq(db_col_text(st, 1), "workday"));
    }
    db_finalize(st);
    workcal_index(out);
    return rc == DB_DONE ? DB_OK : rc;
}

static void day_read(struct db_stmt *st, void *slot)
{
    struct calendar_day *d = slot;
    record_init(&calendar_day_record, d);
    record_set(&d->day, db_col_text(st, 0));
    d->working = str_eq(db_col_text(st, 1), "workday");
    record_set(&d->name, db_col_text(st, 2));
    d->version = db_col_int(st, 3);
    record_set(&d->updated_at, db_col_text(st, 4));
    record_set(&d->updated_by, db_col_text(st, 5));
}

int calendar_list(struct db *db, const char *prefix, struct calendar_days *out)
{
    struct db_stmt *st = db_prepare(db, "SELECT day, kind, name, version, updated_at, updated_by"
                                        " FROM calendar WHERE substr(day, 1, length(?1)) = ?1"
                                        " ORDER BY day");
    db_bind_text(st, 1, prefix ? prefix : "");
    int rc;
    out->v = db_collect(st, sizeof *out->v, day_read, &out->n, &rc);
    if (rc != DB_OK) calendar_days_free(out);
    return rc;
}

int calendar_get(struct db *db, const char *day, struct calendar_day *out)
{
    struct db_stmt *st = db_prepare(db, "SELECT day, kind, name, version, updated_at, updated_by"
                                        " FROM calendar WHERE day = ?1");
    db_bind_text(st, 1, day);
    return db_read_one(st, day_read, out);
}

/* The calendar is the catalogue's: written by who may edit it, each day named by its date. */
static const struct change_kind day_change = {&calendar_day_record, "calendar",
                                              RIGHT_EDIT_CATALOGUE, NULL};

/* "calendar:2026-10-01". Caller frees. */
static char *day_subject(const char *day)
{
    return xasprintf("calendar:%s", day);
}

/* Inside the transaction: the day as it is now into *out, *had 0 when it is not on record. */
static int day_before(struct db *db, const char *day, struct calendar_day *out, int *had)
{
    int rc = calendar_get(db, day, out);
    *had = rc == DB_OK;
    if (rc == DB_NOTFOUND) {
        record_init(&calendar_day_record, out);
        rc = DB_OK;
    }
    return rc;
}

/* Inside the transaction: log day as written, against before (had 0: it is new). */
static int day_logged(struct db *db, const char *day, const struct calendar_day *before, int had,
                      const char *actor)
{
    struct calendar_day after;
    int rc = calendar_get(db, day, &after);
    if (rc != DB_OK) return rc;
    char *subject = day_subject(day);
    rc = change_audit(db, &day_change, actor, subject, had ? before : NULL, &after);
    free(subject);
    record_free(&calendar_day_record, &after);
    return rc;
}

/* Inside the transaction: the upsert of one day, logged. */
static int day_set(struct db *db, const char *day, int working, const char *name, const char *actor,
                   const char *when)
{
    struct calendar_day before;
    int had;
    int rc = day_before(db, day, &before, &had);
    if (rc != DB_OK) return rc;
    struct db_stmt *st =
        db_prepare(db, "INSERT INTO calendar (day, kind, name, updated_at, updated_by)"
                       " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (day) DO UPDATE SET"
                       " kind = excluded.kind, name = excluded.name,"
                       " version = calendar.version + 1, updated_at = excluded.updated_at,"
                       " updated_by = excluded.updated_by");
    db_bind_text(st, 1, day);
    db_bind_text(st, 2, working ? "workday" : "holiday");
    db_bind_text(st, 3, name ? name : "");
    db_bind_text(st, 4, when);
    db_bind_text(st, 5, actor);
    rc = db_step(st);
    db_finalize(st);
    rc = rc == DB_DONE ? day_logged(db, day, &before, had, actor) : rc;
    record_free(&calendar_day_record, &before);
    return rc;
}

/* End a transaction change_begin() started: commit when rc is DB_OK, else roll back. */
static int day_end(struct db *db, int rc)
{
    if (rc == DB_OK) return db_commit(db);
    db_rollback(db);
    return rc;
}

int calendar_set(struct db *db, const char *day, int working, const char *name, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = change_begin(db, &day_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    return day_end(db, day_set(db, day, working, name, actor, when));
}

/* Inside the transaction: remove the day was of version (checked), logged. */
static int day_delete(struct db *db, const char *was, int64_t version, const char *actor)
{
    struct calendar_day before;
    int had;
    int rc = day_before(db, was, &before, &had);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(db, "DELETE FROM calendar WHERE day = ?1 AND version = ?2");
    db_bind_text(st, 1, was);
    db_bind_int(st, 2, version);
    rc = db_step(st);
    db_finalize(st);
    rc = rc != DB_DONE ? rc : db_changes(db) == 0 ? DB_CONFLICT : DB_OK;
    if (rc == DB_OK) {
        char *subject = day_subject(was);
        rc = change_audit_removed(db, &day_change, actor, subject, &before);
        free(subject);
    }
    record_free(&calendar_day_record, &before);
    return rc;
}

int calendar_save(struct db *db, struct calendar_day *d, const char *was, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = change_begin(db, &day_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    int update = *was && str_eq(was, d->day);
    struct calendar_day before;
    int had = 0;
    /* A day moved to another date is logged as one change, from the old date to the new. */
    rc = day_before(db, *was ? was : d->day, &before, &had);
    if (rc == DB_OK && *was && !update) {
        struct db_stmt *st = db_prepare(db, "DELETE FROM calendar WHERE day = ?1 AND version = ?2");
        db_bind_text(st, 1, was);
        db_bind_int(st, 2, d->version);
        rc = db_step(st);
        db_finalize(st);
        rc = rc != DB_DONE ? rc : db_changes(db) == 0 ? DB_CONFLICT : DB_OK;
    }
    if (rc != DB_OK) {
        record_free(&calendar_day_record, &before);
        db_rollback(db);
        return rc;
    }
    struct db_stmt *st =
        db_prepare(db, update ? "UPDATE calendar SET kind = ?2, name = ?3, version = version + 1,"
                                " updated_at = ?4, updated_by = ?5 WHERE day = ?1 AND version = ?6"
                              : "INSERT INTO calendar (day, kind, name, updated_at, updated_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)");
    db_bind_text(st, 1, d->day);
    db_bind_text(st, 2, d->working ? "workday" : "holiday");
    db_bind_text(st, 3, d->name);
    db_bind_text(st, 4, when);
    db_bind_text(st, 5, actor);
    if (update) db_bind_int(st, 6, d->version);
    int64_t rowid = update; /* db_write_versioned() tells an update by a row id that is not 0 */
    rc = db_write_versioned(db, st, &rowid);
    if (rc == DB_OK) rc = day_logged(db, d->day, &before, *was && had, actor);
    record_free(&calendar_day_record, &before);
    rc = day_end(db, rc);
    if (rc == DB_OK) {
        d->version = update ? d->version + 1 : 1;
        record_set(&d->updated_at, when);
        record_set(&d->updated_by, actor);
    }
    return rc;
}

int calendar_remove(struct db *db, const struct calendar_day *d, const char *actor)
{
    int rc = change_begin(db, &day_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    return day_end(db, day_delete(db, d->day, d->version, actor));
}

int calendar_set_range(struct db *db, struct date from, struct date to, int working,
                       const char *name, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = change_begin(db, &day_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    for (int32_t n = workcal_day_number(from); rc == DB_OK && n <= workcal_day_number(to); n++) {
        char iso[11];
        struct date d = workcal_date_of_number(n);
        rc = day_set(db, date_format(&d, iso), working, name, actor, when);
    }
    return day_end(db, rc);
}

/* Inside the transaction: one row for the weekends of a year marked at once. */
static int weekends_logged(struct db *db, int year, const char *name, size_t added,
                           const char *actor)
{
    if (!added) return DB_OK;
    char subject[32];
    snprintf(subject, sizeof subject, "calendar:%d", year);
    /* The labels are msgids, as audit_detail_shown() reads them. */
    char *detail = xasprintf("%s: %zu\n%s: %s", N_("Weekend days added"), added, N_("Name"), name);
    int rc = audit_append(db, actor, "add", subject, detail);
    free(detail);
    return rc;
}

int calendar_fill_weekends(struct db *db, int year, const char *name, const char *actor,
                           size_t *added)
{
    *added = 0;
    char when[20];
    clock_format(clock_now(), when);
    int rc = change_begin(db, &day_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    struct date first = {year, 1, 1}, last = {year, 12, 31};
    for (int32_t n = workcal_day_number(first); rc == DB_OK && n <= workcal_day_number(last); n++) {
        int wd = workcal_weekday(n);
        if (wd != 0 && wd != 6) continue;
        char iso[11];
        struct date d = workcal_date_of_number(n);
        struct db_stmt *st = db_prepare(db, "INSERT INTO calendar (day, kind, name, updated_at,"
                                            " updated_by) VALUES (?1, 'holiday', ?2, ?3, ?4)"
                                            " ON CONFLICT (day) DO NOTHING");
        db_bind_text(st, 1, date_format(&d, iso));
        db_bind_text(st, 2, name);
        db_bind_text(st, 3, when);
        db_bind_text(st, 4, actor);
        rc = db_write_one(db, st, NULL);
        if (rc == DB_OK) *added += (size_t)db_changes(db);
    }
    if (rc == DB_OK) rc = weekends_logged(db, year, name, *added, actor);
    if (rc == DB_OK) return db_commit(db);
    db_rollback(db);
    *added = 0;
    return rc;
}
