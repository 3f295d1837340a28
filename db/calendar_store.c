/*
** calendar_store: see calendar_store.h.
*/
#include "db/calendar_store.h"
#include "db/settings_store.h"
#include "src/date.h"
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
    return rc == DB_DONE ? DB_OK : rc;
}

static void day_read(struct db_stmt *st, void *slot)
{
    struct calendar_day *d = slot;
    record_init(&calendar_day_record, d);
    record_set(&d->day, db_col_text(st, 0));
    d->working = str_eq(db_col_text(st, 1), "workday");
    record_set(&d->name, db_col_text(st, 2));
}

int calendar_list(struct db *db, const char *prefix, struct calendar_days *out)
{
    struct db_stmt *st = db_prepare(db, "SELECT day, kind, name FROM calendar"
                                        " WHERE substr(day, 1, length(?1)) = ?1 ORDER BY day");
    db_bind_text(st, 1, prefix ? prefix : "");
    int rc;
    out->v = db_collect(st, sizeof *out->v, day_read, &out->n, &rc);
    if (rc != DB_OK) calendar_days_free(out);
    return rc;
}

int calendar_get(struct db *db, const char *day, struct calendar_day *out)
{
    struct db_stmt *st = db_prepare(db, "SELECT day, kind, name FROM calendar WHERE day = ?1");
    db_bind_text(st, 1, day);
    return db_read_one(st, day_read, out);
}

int calendar_set(struct db *db, const char *day, int working, const char *name)
{
    struct db_stmt *st = db_prepare(db, "INSERT INTO calendar (day, kind, name) VALUES (?1, ?2, ?3)"
                                        " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind,"
                                        " name = excluded.name");
    db_bind_text(st, 1, day);
    db_bind_text(st, 2, working ? "workday" : "holiday");
    db_bind_text(st, 3, name ? name : "");
    return db_write_one(db, st, NULL);
}

int calendar_remove(struct db *db, const char *day)
{
    struct db_stmt *st = db_prepare(db, "DELETE FROM calendar WHERE day = ?1");
    db_bind_text(st, 1, day);
    return db_write_one(db, st, NULL);
}
