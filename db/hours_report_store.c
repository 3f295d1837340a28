/*
** hours_report_store: see hours_report_store.h.
*/
#include "db/hours_report_store.h"
#include "db/hours_store.h"

int hours_report_volunteer_lines(struct db *db, int64_t volunteer_id, const char *from,
                                 const char *to, const char *today,
                                 void (*visit)(void *ctx, const struct hours_report_line *l),
                                 void *ctx, int64_t *pending)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT s.day, a.name, t.name, s.sign_in, s.sign_out, s.confirmed_by,"
            " s.late_reason, coalesce(r.number, ''), s.minutes,"
            " " HOURS_COUNTED(
                "s.",
                "?4") " FROM service_record s JOIN activity a ON a.id = s.activity_id"
                      " JOIN team t ON t.id = a.team_id LEFT JOIN request r ON r.id = s.request_id"
                      " WHERE s.volunteer_id = ?1 AND s.day BETWEEN ?2 AND ?3 ORDER BY s.day, "
                      "s.sign_in");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, to);
    db_bind_text(st, 4, today);
    *pending = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        if (!db_col_int(st, 9)) {
            *pending += db_col_int(st, 8);
            continue;
        }
        struct hours_report_line l = {
            db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
            db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5),
            db_col_text(st, 6), db_col_text(st, 7), (int)db_col_int(st, 8)};
        visit(ctx, &l);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** The counted records of activities that ran in the period, found through
** the activities (by their start: an activity starts before its records'
** days) and each one's records of those days.
*/
#define PERIOD_RECORDS                                                                             \
    " FROM activity a JOIN service_record s ON s.activity_id = a.id"                               \
    " AND s.day BETWEEN ?1 AND ?2 AND " HOURS_COUNTED(                                             \
        "s.", "?3") " WHERE a.starts_at <= ?2 || ' 23:59' AND a.ends_at >= ?1"

/*
** The period's counted records as (group, activity, volunteer, minutes):
** summed in C (src/hours_sums.h), not by GROUP BY with count(DISTINCT),
** which sorted them three times.
*/
int hours_report_records_each(struct db *db, enum hours_group by, const char *from, const char *to,
                              const char *today,
                              void (*visit)(void *ctx, const struct hours_report_record *r),
                              void *ctx)
{
    struct db_stmt *st = db_prepare(
        db,
        by == HOURS_BY_TEAM
            ? "SELECT a.team_id, a.id, s.volunteer_id, s.minutes" PERIOD_RECORDS
            : "SELECT coalesce(a.category_id, 0), a.id, s.volunteer_id, s.minutes" PERIOD_RECORDS);
    db_bind_text(st, 1, from);
    db_bind_text(st, 2, to);
    db_bind_text(st, 3, today);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct hours_report_record r = {db_col_int(st, 0), db_col_int(st, 1), db_col_int(st, 2),
                                        db_col_int(st, 3)};
        visit(ctx, &r);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int hours_report_groups_each(struct db *db, enum hours_group by,
                             void (*visit)(void *ctx, int64_t id, const char *name), void *ctx)
{
    struct db_stmt *st = db_prepare(
        db, by == HOURS_BY_TEAM ? "SELECT id, name FROM team ORDER BY coalesce(parent_id, 0), id"
                                : "SELECT id, name FROM service_category ORDER BY id");
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        visit(ctx, db_col_int(st, 0), db_col_text(st, 1));
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}
