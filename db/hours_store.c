/*
** hours_store: see hours_store.h.
*/
#include "db/hours_store.h"
#include "db/calendar_store.h"
#include "db/change.h"
#include "db/settings_store.h"
#include "db/volunteer_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/kiosk.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/volunteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int service_category_each(struct db *db, int (*visit)(void *ctx, int64_t id, const char *name),
                          void *ctx)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT id, name FROM service_category WHERE retired = 0 ORDER BY id");
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        if (!visit(ctx, db_col_int(st, 0), db_col_text(st, 1))) {
            rc = DB_DONE;
            break;
        }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* --- activities ------------------------------------------------------------------------------ */

#define ACTIVITY_SELECT                                                                            \
    "SELECT a.id, a.team_id, t.name, a.name, coalesce(a.category_id, 0), coalesce(c.name, ''),"    \
    " a.place, a.starts_at, a.ends_at, a.content, coalesce(a.leader_id, 0), coalesce(l.name, '')," \
    " a.quota, a.status, a.kind, a.version, a.updated_at, a.updated_by"                            \
    " FROM activity a JOIN team t ON t.id = a.team_id"                                             \
    " LEFT JOIN service_category c ON c.id = a.category_id"                                        \
    " LEFT JOIN volunteer l ON l.id = a.leader_id"

static void activity_read(struct db_stmt *st, void *slot)
{
    struct activity *a = slot;
    int c = 0;
    record_init(&activity_record, a);
    a->id = db_col_int(st, c++);
    a->team_id = db_col_int(st, c++);
    record_set(&a->team_name, db_col_text(st, c++));
    record_set(&a->name, db_col_text(st, c++));
    a->category_id = db_col_int(st, c++);
    record_set(&a->category, db_col_text(st, c++));
    record_set(&a->place, db_col_text(st, c++));
    record_set(&a->starts_at, db_col_text(st, c++));
    record_set(&a->ends_at, db_col_text(st, c++));
    record_set(&a->content, db_col_text(st, c++));
    a->leader_id = db_col_int(st, c++);
    record_set(&a->leader_name, db_col_text(st, c++));
    a->quota = (int)db_col_int(st, c++);
    record_set(&a->status, db_col_text(st, c++));
    record_set(&a->kind, db_col_text(st, c++));
    a->version = db_col_int(st, c++);
    record_set(&a->updated_at, db_col_text(st, c++));
    record_set(&a->updated_by, db_col_text(st, c++));
}

int activity_list(struct db *db, struct activity **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, ACTIVITY_SELECT " ORDER BY a.starts_at DESC, a.id DESC");
    int rc;
    *out = db_collect(st, sizeof **out, activity_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&activity_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int activity_get(struct db *db, int64_t id, struct activity *out)
{
    struct db_stmt *st = db_prepare(db, ACTIVITY_SELECT " WHERE a.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, activity_read, out);
}

static int activity_get_any(struct db *db, int64_t id, void *out)
{
    return activity_get(db, id, out);
}

static const struct change_kind activity_change = {&activity_record, "activity", RIGHT_LOG_HOURS,
                                                   activity_get_any};

static void bind_id_or_null(struct db_stmt *st, int i, int64_t id)
{
    if (id > 0)
        db_bind_int(st, i, id);
    else
        db_bind_null(st, i);
}

/* True when status and kind are codes the table takes. */
static int activity_codes_known(const struct activity *a)
{
    int ns, nk, s = 0, k = 0;
    const char *const *statuses = activity_statuses(&ns);
    const char *const *kinds = activity_kinds(&nk);
    for (int i = 0; i < ns; i++)
        s |= str_eq(a->status, statuses[i]);
    for (int i = 0; i < nk; i++)
        k |= str_eq(a->kind, kinds[i]);
    return s && k;
}

/* The service records of activity activity_id: all, or (on_duty) those not signed out; -1. */
static int activity_records(struct db *db, int64_t activity_id, int on_duty)
{
    struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM service_record WHERE activity_id = ?1"
                                        " AND (NOT ?2 OR sign_out = '')");
    db_bind_int(st, 1, activity_id);
    db_bind_int(st, 2, on_duty);
    int n = db_step(st) == DB_ROW ? (int)db_col_int(st, 0) : -1;
    db_finalize(st);
    return n;
}

const char *activity_closing_refused(struct db *db, const struct activity *a)
{
    if (!activity_closed(a)) return NULL;
    if (activity_records(db, a->id, 1) > 0)
        return _("Volunteers are still signed in: sign them out on the roll first (one who forgot "
                 "on an earlier day: a correction gives the time), then end or cancel the "
                 "activity");
    if (str_eq(a->status, ACTIVITY_CANCELLED) && activity_records(db, a->id, 0) > 0)
        return _("Hours were served in it: an activity held is ended, not cancelled");
    return NULL;
}

static int late_times_meet(const struct service_record *r, const struct activity *a);

/*
** A service record of activity id that the times starts .. ends
** (YYYY-MM-DD HH:MM) would leave out: on a day outside them, or beyond
** what a late record may be (late_times_meet()). Its day and sign-in, else
** NULL. Caller frees.
*/
static char *records_left_out(struct db *db, int64_t id, char *starts, char *ends)
{
    struct activity moved = {.starts_at = starts, .ends_at = ends};
    struct db_stmt *st = db_prepare(db, "SELECT day, sign_in, sign_out FROM service_record"
                                        " WHERE activity_id = ?1 ORDER BY day, sign_in");
    db_bind_int(st, 1, id);
    char *first = NULL;
    while (!first && db_step(st) == DB_ROW) {
        char day[11], in[6], out[6];
        snprintf(day, sizeof day, "%s", db_col_text(st, 0));
        snprintf(in, sizeof in, "%s", db_col_text(st, 1));
        snprintf(out, sizeof out, "%s", db_col_text(st, 2));
        struct service_record r = {.day = day, .sign_in = in, .sign_out = out};
        if (strncmp(r.day, starts, 10) < 0 || strncmp(r.day, ends, 10) > 0 ||
            !late_times_meet(&r, &moved))
            first = xasprintf("%s %s", r.day, r.sign_in);
    }
    db_finalize(st);
    return first;
}

int activity_save(struct db *db, struct activity *a, const char *actor, const char **why)
{
    char starts[17], ends[17], when[20];
    *why = activity_check(a);
    if (!*why && !activity_codes_known(a)) *why = _("Unknown status or kind");
    if (*why) return DB_INVALID;
    activity_time_parse(a->starts_at, starts);
    activity_time_parse(a->ends_at, ends);
    clock_format(clock_now(), when);
    struct activity before;
    int rc = change_begin(db, &activity_change, actor, a->id, &before);
    if (rc != DB_OK) return rc;
    *why = a->id ? activity_closing_refused(db, a) : NULL;
    /* Moved or shortened, it keeps the hours served in it within its times. */
    char *out = !*why && a->id ? records_left_out(db, a->id, starts, ends) : NULL;
    if (out) {
        static _Thread_local char said[160];
        snprintf(said, sizeof said,
                 _("Service was recorded in it from %s: its times keep the hours served in it "
                   "(an hour either side at most)"),
                 out);
        free(out);
        *why = said;
    }
    if (*why) {
        change_abort(db, &activity_change, &before);
        return DB_INVALID;
    }
    struct db_stmt *st = db_prepare(
        db, a->id ? "UPDATE activity SET team_id = ?1, name = ?2, category_id = ?3, place = ?4,"
                    " starts_at = ?5, ends_at = ?6, content = ?7, leader_id = ?8, quota = ?9,"
                    " status = ?10, kind = ?11, updated_at = ?12, updated_by = ?13,"
                    " version = version + 1 WHERE id = ?14 AND version = ?15"
                  : "INSERT INTO activity (team_id, name, category_id, place, starts_at, ends_at,"
                    " content, leader_id, quota, status, kind, created_at, created_by, updated_at,"
                    " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                    " ?12, ?13)");
    db_bind_int(st, 1, a->team_id);
    db_bind_text(st, 2, a->name);
    bind_id_or_null(st, 3, a->category_id);
    db_bind_text(st, 4, a->place);
    db_bind_text(st, 5, starts);
    db_bind_text(st, 6, ends);
    db_bind_text(st, 7, a->content);
    bind_id_or_null(st, 8, a->leader_id);
    db_bind_int(st, 9, a->quota);
    db_bind_text(st, 10, a->status);
    db_bind_text(st, 11, a->kind);
    db_bind_text(st, 12, when);
    db_bind_text(st, 13, actor);
    if (a->id) {
        db_bind_int(st, 14, a->id);
        db_bind_int(st, 15, a->version);
    }
    rc = change_save(db, &activity_change, actor, st, &a->id, &a->version, &before);
    if (rc == DB_OK) {
        record_set(&a->starts_at, starts);
        record_set(&a->ends_at, ends);
        record_set(&a->updated_at, when);
        record_set(&a->updated_by, actor);
    }
    return rc;
}

/* --- service records ------------------------------------------------------------------------- */

#define RECORD_SELECT                                                                              \
    "SELECT s.id, s.volunteer_id, v.number, v.name, s.activity_id, a.name, s.day, s.sign_in,"      \
    " s.sign_out, s.minutes, s.confirmed_at, s.confirmed_by, s.confirmed_as, s.counts_from,"       \
    " s.late, s.late_reason, coalesce(s.request_id, 0), coalesce(q.number, ''), s.version,"        \
    " s.updated_at, s.updated_by FROM service_record s"                                            \
    " JOIN volunteer v ON v.id = s.volunteer_id JOIN activity a ON a.id = s.activity_id"           \
    " LEFT JOIN request q ON q.id = s.request_id"

static void record_read(struct db_stmt *st, void *slot)
{
    struct service_record *r = slot;
    int c = 0;
    record_init(&service_record_record, r);
    r->id = db_col_int(st, c++);
    r->volunteer_id = db_col_int(st, c++);
    record_set(&r->volunteer_number, db_col_text(st, c++));
    record_set(&r->volunteer_name, db_col_text(st, c++));
    r->activity_id = db_col_int(st, c++);
    record_set(&r->activity_name, db_col_text(st, c++));
    record_set(&r->day, db_col_text(st, c++));
    record_set(&r->sign_in, db_col_text(st, c++));
    record_set(&r->sign_out, db_col_text(st, c++));
    r->minutes = (int)db_col_int(st, c++);
    record_set(&r->confirmed_at, db_col_text(st, c++));
    record_set(&r->confirmed_by, db_col_text(st, c++));
    record_set(&r->confirmed_as, db_col_text(st, c++));
    record_set(&r->counts_from, db_col_text(st, c++));
    r->late = (int)db_col_int(st, c++);
    record_set(&r->late_reason, db_col_text(st, c++));
    r->request_id = db_col_int(st, c++);
    record_set(&r->request_number, db_col_text(st, c++));
    r->version = db_col_int(st, c++);
    record_set(&r->updated_at, db_col_text(st, c++));
    record_set(&r->updated_by, db_col_text(st, c++));
}

int service_records_of(struct db *db, int64_t activity_id, const char *day,
                       struct service_record **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, RECORD_SELECT " WHERE s.activity_id = ?1 AND"
                                                      " (?2 IS NULL OR s.day = ?2)"
                                                      " ORDER BY s.day DESC, s.updated_at DESC,"
                                                      " s.id DESC");
    db_bind_int(st, 1, activity_id);
    if (day)
        db_bind_text(st, 2, day);
    else
        db_bind_null(st, 2);
    int rc;
    *out = db_collect(st, sizeof **out, record_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&service_record_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int service_record_get(struct db *db, int64_t id, struct service_record *out)
{
    struct db_stmt *st = db_prepare(db, RECORD_SELECT " WHERE s.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, record_read, out);
}

static int record_get_any(struct db *db, int64_t id, void *out)
{
    return service_record_get(db, id, out);
}

static const struct change_kind record_change = {&service_record_record, "service-record",
                                                 RIGHT_LOG_HOURS, record_get_any};

void hours_signed_free(struct hours_signed *s)
{
    free(s->name);
    free(s->why);
    memset(s, 0, sizeof *s);
}

/* A volunteer's pairs on day, all activities: their ids, versions, activities' names and pairs. */
struct day_pairs {
    struct hours_pair *pair;
    int64_t *id, *version;
    char **activity;
    size_t n;
};

static void day_pairs_free(struct day_pairs *dp)
{
    for (size_t i = 0; i < dp->n; i++)
        free(dp->activity[i]);
    free(dp->pair);
    free(dp->id);
    free(dp->version);
    free(dp->activity);
    memset(dp, 0, sizeof *dp);
}

static int day_pairs_read(struct db *db, int64_t volunteer_id, const char *day,
                          struct day_pairs *out)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT s.id, s.version, s.activity_id, s.sign_in, s.sign_out, a.name"
                       " FROM service_record s JOIN activity a ON a.id = s.activity_id"
                       " WHERE s.volunteer_id = ?1 AND s.day = ?2 ORDER BY s.sign_in");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, day);
    int rc;
    memset(out, 0, sizeof *out);
    while ((rc = db_step(st)) == DB_ROW) {
        size_t i = out->n++;
        out->pair = xrealloc(out->pair, out->n * sizeof *out->pair);
        out->id = xrealloc(out->id, out->n * sizeof *out->id);
        out->version = xrealloc(out->version, out->n * sizeof *out->version);
        out->activity = xrealloc(out->activity, out->n * sizeof *out->activity);
        out->id[i] = db_col_int(st, 0);
        out->version[i] = db_col_int(st, 1);
        out->pair[i].activity_id = db_col_int(st, 2);
        out->pair[i].in = hours_minute_parse(db_col_text(st, 3));
        const char *o = db_col_text(st, 4);
        out->pair[i].out = *o ? hours_minute_parse(o) : -1;
        out->activity[i] = xstrdup(db_col_text(st, 5));
    }
    db_finalize(st);
    if (rc == DB_DONE) return DB_OK;
    day_pairs_free(out);
    return rc;
}

/* The refusal in words, naming the pair in the way. */
static char *refusal_say(enum hours_verdict v, const struct day_pairs *dp, int which)
{
    char in[6], out[6];
    if (which < 0 || (size_t)which >= dp->n) return xstrdup(hours_verdict_text(v));
    const struct hours_pair *p = &dp->pair[which];
    hours_minute_format(p->in, in);
    if (v == HOURS_OPEN_ELSEWHERE)
        return xasprintf(_("Signed in at %s since %s and not out: sign out there first"),
                         dp->activity[which], in);
    if (v == HOURS_OVERLAP && p->out >= 0)
        return xasprintf(_("It overlaps %s-%s recorded at %s"), in,
                         hours_minute_format(p->out, out), dp->activity[which]);
    /* A card scanned twice in a row: the second is not a sign-out. */
    if (v == HOURS_JUST_IN)
        return xasprintf(_("Signed in at %s just now: a sign-out comes %d minutes later at least"),
                         in, HOURS_OUT_AFTER);
    return xstrdup(hours_verdict_text(v));
}

/* Inside the transaction: the volunteer's pair opened (sign-in) or closed (sign-out) now. */
static int pair_write(struct db *db, const struct change_kind *k, const char *actor,
                      int64_t volunteer_id, int64_t activity_id, const char *day, const char *hhmm,
                      const struct day_pairs *dp, int which, struct hours_signed *out)
{
    char when[20];
    clock_format(clock_now(), when);
    int64_t id = 0, version = 0;
    struct db_stmt *st;
    struct service_record *before = NULL;
    if (out->move == HOURS_SIGN_IN) {
        st = db_prepare(db, "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in,"
                            " created_at, created_by, updated_at, updated_by)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)");
        db_bind_int(st, 1, volunteer_id);
        db_bind_int(st, 2, activity_id);
        db_bind_text(st, 3, day);
        db_bind_text(st, 4, hhmm);
        db_bind_text(st, 5, when);
        db_bind_text(st, 6, actor);
        snprintf(out->in, sizeof out->in, "%s", hhmm);
    } else {
        id = dp->id[which];
        version = dp->version[which];
        before = xcalloc(1, sizeof *before);
        int rc = service_record_get(db, id, before);
        if (rc != DB_OK) {
            record_free(&service_record_record, before);
            free(before);
            db_rollback(db);
            return rc;
        }
        out->minutes = hours_minute_parse(hhmm) - dp->pair[which].in;
        hours_minute_format(dp->pair[which].in, out->in);
        st = db_prepare(db, "UPDATE service_record SET sign_out = ?1, minutes = ?2,"
                            " updated_at = ?3, updated_by = ?4, version = version + 1"
                            " WHERE id = ?5 AND version = ?6");
        db_bind_text(st, 1, hhmm);
        db_bind_int(st, 2, out->minutes);
        db_bind_text(st, 3, when);
        db_bind_text(st, 4, actor);
        db_bind_int(st, 5, id);
        db_bind_int(st, 6, version);
    }
    int rc = change_save(db, k, actor, st, &id, &version, before);
    free(before);
    return rc;
}

/*
** Inside the transaction: the activity may take hours on day, else
** out->why; when it starts and ends ("YYYY-MM-DD HH:MM") into starts[17]
** and ends[17], and its name into *name (caller frees; NULL when it is not
** on file).
*/
static int activity_takes(struct db *db, int64_t activity_id, const char *day,
                          struct hours_signed *out, char starts[17], char ends[17], char **name)
{
    *name = NULL;
    struct activity a;
    int rc = activity_get(db, activity_id, &a);
    if (rc == DB_NOTFOUND) {
        out->why = xstrdup(_("The activity is no longer on file"));
        return DB_INVALID;
    }
    if (rc != DB_OK) return rc;
    snprintf(starts, 17, "%s", a.starts_at);
    snprintf(ends, 17, "%s", a.ends_at);
    *name = xstrdup(a.name);
    const char *why = activity_open_on(&a, day);
    if (why) {
        out->why = xasprintf(_("%s: %s; nothing recorded"), a.name, why);
        rc = DB_INVALID;
    }
    record_free(&activity_record, &a);
    return rc;
}

/* How long before an activity begins on its first day its volunteers may sign in. */
#define SIGN_IN_EARLY_MINUTES 60

/*
** Whether now ("YYYY-MM-DD HH:MM...") is earlier on the activity's first
** day than SIGN_IN_EARLY_MINUTES before it starts (starts, the same form):
** hours would count from before there was anything to serve.
*/
static int too_early(const char *starts, const char *now)
{
    if (strlen(starts) != 16 || strncmp(starts, now, 10) != 0) return 0;
    char at[6];
    snprintf(at, sizeof at, "%.5s", now + 11);
    return hours_minute_parse(at) < hours_minute_parse(starts + 11) - SIGN_IN_EARLY_MINUTES;
}

/*
** A sign-in of volunteer_id to activity_id on day: when the volunteers who
** served it that day, this one with them, are more than its quota, both
** into out (the sign-in stands: a coordinator turns people away, not the roll).
*/
static void quota_past(struct db *db, int64_t activity_id, int64_t volunteer_id, const char *day,
                       struct hours_signed *out)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT a.quota, (SELECT count(DISTINCT r.volunteer_id) FROM service_record r"
            " WHERE r.activity_id = a.id AND r.day = ?2 AND r.volunteer_id <> ?3)"
            " FROM activity a WHERE a.id = ?1");
    db_bind_int(st, 1, activity_id);
    db_bind_text(st, 2, day);
    db_bind_int(st, 3, volunteer_id);
    if (db_step(st) == DB_ROW) {
        int quota = (int)db_col_int(st, 0), present = (int)db_col_int(st, 1) + 1;
        if (quota > 0 && present > quota) {
            out->quota = quota;
            out->present = present;
        }
    }
    db_finalize(st);
}

/* The same record written by the kiosk: its own right, and nothing else of this store. */
static const struct change_kind kiosk_record_change = {&service_record_record, "service-record",
                                                       RIGHT_KIOSK_ONLY, record_get_any};

/* hours_sign() as kind k allows; masked: the volunteer's name as the kiosk shows it. */
static int sign_as(struct db *db, const struct change_kind *k, int masked, int64_t activity_id,
                   const char *typed, const char *actor, struct hours_signed *out)
{
    memset(out, 0, sizeof *out);
    out->name = xstrdup("");
    char *t = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    snprintf(out->number, sizeof out->number, "%s", t);
    char number[VOLUNTEER_NUMBER_LEN + 1];
    const char *bad = volunteer_number_parse(t, number, NULL, NULL);
    free(t);
    if (bad) {
        out->why = xasprintf(_("%s: %s"), out->number, bad);
        return DB_INVALID;
    }
    snprintf(out->number, sizeof out->number, "%s", number);
    char now[20], day[11];
    clock_format(clock_now(), now);
    memcpy(day, now, 10);
    day[10] = '\0';
    snprintf(out->at, sizeof out->at, "%.5s", now + 11);
    int rc = change_begin(db, k, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    struct volunteer v;
    rc = volunteer_get_by_number(db, number, &v);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    free(out->name);
    out->name = masked ? kiosk_name_masked(v.name) : xstrdup(v.name);
    int64_t volunteer_id = v.id;
    /* One who left the register signs in no more, but out, when signed in before leaving. */
    const char *left = str_eq(v.status, VOLUNTEER_ACTIVE) ? NULL : volunteer_status_label(v.status);
    record_free(&volunteer_record, &v);
    char starts[17], ends[17], *name = NULL;
    if ((rc = activity_takes(db, activity_id, day, out, starts, ends, &name)) != DB_OK) {
        free(name);
        db_rollback(db);
        return rc;
    }
    struct day_pairs dp;
    if ((rc = day_pairs_read(db, volunteer_id, day, &dp)) != DB_OK) {
        free(name);
        db_rollback(db);
        return rc;
    }
    int which;
    enum hours_verdict verdict = hours_desk_move(dp.pair, dp.n, activity_id,
                                                 hours_minute_parse(out->at), &out->move, &which);
    if (verdict == HOURS_OK && out->move == HOURS_SIGN_IN && left) {
        out->why = xasprintf(_("%s in the register: not signed in"), left); /* after the name */
    } else if (verdict != HOURS_OK) {
        out->why = refusal_say(verdict, &dp, which);
    } else if (out->move == HOURS_SIGN_IN && strlen(ends) == 16 && strncmp(now, ends, 16) >= 0) {
        /* Over: no one signs in now; the times it was served are a late record's. */
        out->why = xasprintf(_("%s ended at %s: no sign-in now; the times served are kept as a "
                               "late record"),
                             name, ends);
    } else if (out->move == HOURS_SIGN_IN && too_early(starts, now)) {
        out->why = xasprintf(_("%s begins at %s: sign-in opens %d minutes before"), name,
                             starts + 11, SIGN_IN_EARLY_MINUTES);
    }
    free(name);
    if (out->why) {
        day_pairs_free(&dp);
        db_rollback(db);
        return DB_INVALID;
    }
    if (out->move == HOURS_SIGN_IN) quota_past(db, activity_id, volunteer_id, day, out);
    rc = pair_write(db, k, actor, volunteer_id, activity_id, day, out->at, &dp, which, out);
    day_pairs_free(&dp);
    if (rc != DB_OK) out->quota = out->present = 0;
    return rc;
}

int hours_sign(struct db *db, int64_t activity_id, const char *typed, const char *actor,
               struct hours_signed *out)
{
    return sign_as(db, &record_change, 0, activity_id, typed, actor, out);
}

int hours_sign_kiosk(struct db *db, int64_t activity_id, const char *typed, const char *kiosk,
                     struct hours_signed *out)
{
    return sign_as(db, &kiosk_record_change, 1, activity_id, typed, kiosk, out);
}

int hours_totals_of(struct db *db, int64_t volunteer_id, int64_t *counted, int64_t *pending)
{
    char today[11];
    struct db_stmt *st =
        db_prepare(db, "SELECT coalesce(sum(CASE WHEN " HOURS_COUNTED(
                           "", "?2") " THEN minutes END), 0),"
                                     " coalesce(sum(CASE WHEN " HOURS_COUNTED(
                                         "", "?2") " THEN 0 ELSE minutes END), 0)"
                                                   " FROM service_record WHERE volunteer_id = ?1");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, clock_today(today));
    int rc = db_step(st);
    *counted = rc == DB_ROW ? db_col_int(st, 0) : 0;
    if (pending) *pending = rc == DB_ROW ? db_col_int(st, 1) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

/* --- confirmation ---------------------------------------------------------------------------- */

int hours_counts_from_day(struct db *db, const char *confirmed, char *out)
{
    struct workcal cal;
    int rc = calendar_load(db, &cal);
    if (rc == DB_OK) {
        int days = (int)settings_get_number(db, SETTING_HOURS_NOTICE);
        rc = hours_counts_from_text(&cal, confirmed, days, out) ? DB_OK : DB_INVALID;
    }
    workcal_free(&cal);
    return rc;
}

/* counts_from of a record confirmed today, into out[11]. */
static int counts_from_today(struct db *db, char *out)
{
    char today[11];
    return hours_counts_from_day(db, clock_today(today), out);
}

/* Inside the transaction: confirm record id (of version) as by/as, counting from counts_from. */
static int confirm_one(struct db *db, const char *actor, int64_t id, const char *as, const char *by,
                       const char *when, const char *counts_from)
{
    struct service_record before;
    int rc = change_begin(db, &record_change, actor, id, &before);
    if (rc != DB_OK) return rc;
    int64_t version = before.version;
    struct db_stmt *st = db_prepare(
        db, "UPDATE service_record SET confirmed_at = ?1, confirmed_by = ?2, confirmed_as = ?3,"
            " counts_from = ?4, updated_at = ?1, updated_by = ?5, version = version + 1"
            " WHERE id = ?6 AND version = ?7 AND confirmed_at = '' AND sign_out <> ''");
    db_bind_text(st, 1, when);
    db_bind_text(st, 2, by);
    db_bind_text(st, 3, as);
    db_bind_text(st, 4, counts_from);
    db_bind_text(st, 5, actor);
    db_bind_int(st, 6, id);
    db_bind_int(st, 7, version);
    return change_save(db, &record_change, actor, st, &id, &version, &before);
}

/* The ids of the records to confirm: record_id, or the activity's signed-out unconfirmed ones. */
static int confirm_targets(struct db *db, int64_t activity_id, int64_t record_id, int64_t **ids,
                           size_t *n, const char **why)
{
    *ids = NULL;
    *n = 0;
    struct activity a;
    int arc = activity_get(db, activity_id, &a);
    if (arc != DB_OK) return arc;
    if (str_eq(a.status, ACTIVITY_CANCELLED))
        *why = _("The activity was cancelled: its records are not confirmed");
    record_free(&activity_record, &a);
    if (*why) return DB_INVALID;
    if (record_id) {
        struct service_record r;
        int rc = service_record_get(db, record_id, &r);
        if (rc != DB_OK) return rc;
        if (r.activity_id != activity_id)
            *why = _("The record is not of this activity");
        else if (!*r.sign_out)
            *why = _("Still signed in: a record is confirmed after the sign-out");
        else if (*r.confirmed_at)
            *why = _("Confirmed already");
        record_free(&service_record_record, &r);
        if (*why) return DB_INVALID;
        *ids = xmalloc(sizeof **ids);
        (*ids)[(*n)++] = record_id;
        return DB_OK;
    }
    struct db_stmt *st = db_prepare(db, "SELECT id FROM service_record WHERE activity_id = ?1"
                                        " AND confirmed_at = '' AND sign_out <> '' ORDER BY id");
    db_bind_int(st, 1, activity_id);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
        (*ids)[(*n)++] = db_col_int(st, 0);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int hours_confirm(struct db *db, int64_t activity_id, int64_t record_id, const char *as,
                  const char *by, const char *actor, int *n, const char **why)
{
    *n = 0;
    *why = NULL;
    int recipient = str_eq(as, HOURS_BY_RECIPIENT);
    if (!recipient && !str_eq(as, HOURS_BY_ORGANISER)) {
        *why = _("Confirmed by the organiser or the recipient");
        return DB_INVALID;
    }
    char *name = text_trim(recipient && by ? by : "");
    if (recipient && !*name) {
        free(name);
        *why = _("Name the recipient who confirmed the service");
        return DB_INVALID;
    }
    char when[20], counts_from[11];
    clock_format(clock_now(), when);
    int rc = change_begin(db, &record_change, actor, 0, NULL);
    if (rc != DB_OK) {
        free(name);
        return rc;
    }
    int64_t *ids;
    size_t count;
    if ((rc = counts_from_today(db, counts_from)) != DB_OK ||
        (rc = confirm_targets(db, activity_id, record_id, &ids, &count, why)) != DB_OK) {
        free(name);
        db_rollback(db);
        return rc;
    }
    for (size_t i = 0; i < count && rc == DB_OK; i++)
        rc = confirm_one(db, actor, ids[i], as, recipient ? name : actor, when, counts_from);
    free(ids);
    free(name);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    rc = db_commit(db);
    if (rc == DB_OK) *n = (int)count;
    return rc;
}

/* --- late records, requests ------------------------------------------------------------------ */

/* The request whose number is typed (normalised) into *id; 0 and DB_OK for "". */
static int request_by_number(struct db *db, const char *typed, const char *day, int64_t *id,
                             char **why)
{
    *id = 0;
    char *typed_norm = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    int empty = !*typed_norm;
    free(typed_norm);
    if (empty) return DB_OK;
    /* As the lists take it: 2026-000123, 2026000123, 2025-218, or this year's 123. */
    char number[16], today[11];
    if (request_number_read(typed, atoi(clock_today(today)), number) != 0) {
        *why = xasprintf(_("Request: %s is no request number (2026-000123, or 123 for this "
                           "year's)"),
                         typed);
        return DB_INVALID;
    }
    struct db_stmt *st = db_prepare(
        db, "SELECT id, created_at, ifnull(closed_at, 0) FROM request WHERE number = ?1");
    db_bind_text(st, 1, number);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        /* A day's service helped a request in its life: from its taking down to its close. */
        char taken[11], closed[11];
        struct date d = date_of((time_t)db_col_int(st, 1));
        date_format(&d, taken);
        time_t closed_at = (time_t)db_col_int(st, 2);
        if (closed_at) {
            d = date_of(closed_at);
            date_format(&d, closed);
        }
        if (strcmp(day, taken) < 0)
            *why = xasprintf(_("Request: %s was taken down on %s, after the day served"), number,
                             taken);
        else if (closed_at && strcmp(day, closed) > 0)
            *why =
                xasprintf(_("Request: %s was closed on %s, before the day served"), number, closed);
        else
            *id = db_col_int(st, 0);
    }
    db_finalize(st);
    if (rc == DB_DONE) *why = xasprintf(_("Request: no request has the number %s"), number);
    return rc == DB_ROW ? (*why ? DB_INVALID : DB_OK) : rc == DB_DONE ? DB_INVALID : rc;
}

/*
** The late record's own fields: a time gone by (a past day, or earlier
** today: an activity of this morning whose roll was missed), two times, a
** reason. now is "YYYY-MM-DD HH:MM...". NULL or why (caller frees).
*/
static char *late_fields_check(const struct service_record *r, const char *now)
{
    struct date d;
    if (str_empty(r->day) || date_parse(r->day, &d) != DATE_OK)
        return xstrdup(_("Date: not a date (YYYY-MM-DD)"));
    char day[11];
    date_format(&d, day);
    if (strncmp(day, now, 10) > 0)
        return xasprintf(_("Date %s: a late record is for a time gone by"), day);
    if (hours_minute_parse(r->sign_in) < 0) return xstrdup(_("Signed in: a time (HH:MM)"));
    if (hours_minute_parse(r->sign_out) < 0) return xstrdup(_("Signed out: a time (HH:MM)"));
    char at[6];
    snprintf(at, sizeof at, "%.5s", now + 11);
    if (strncmp(day, now, 10) == 0 && hours_minute_parse(r->sign_out) > hours_minute_parse(at))
        return xasprintf(_("Signed out %s: later than now (%s)"), r->sign_out, at);
    if (text_blank(r->late_reason)) return xstrdup(_("Why late: say why the record is late"));
    return NULL;
}

/* Inside the transaction: the volunteer r names (by id or number), active or not. */
static int late_volunteer(struct db *db, struct service_record *r, char **why)
{
    struct volunteer v;
    int rc;
    if (r->volunteer_id) {
        rc = volunteer_get(db, r->volunteer_id, &v);
    } else {
        char number[VOLUNTEER_NUMBER_LEN + 1];
        char *t = text_normalize(r->volunteer_number ? r->volunteer_number : "", TEXT_NORM_NOSPACE);
        const char *bad = volunteer_number_parse(t, number, NULL, NULL);
        if (bad) {
            *why = xasprintf(_("Volunteer number %s: %s"), t, bad);
            free(t);
            return DB_INVALID;
        }
        free(t);
        rc = volunteer_get_by_number(db, number, &v);
        if (rc == DB_NOTFOUND) {
            *why = xasprintf(_("No volunteer has the number %s: nothing recorded"), number);
            return DB_INVALID;
        }
    }
    if (rc == DB_NOTFOUND) *why = xstrdup(_("The volunteer is no longer on file"));
    if (rc != DB_OK) return rc == DB_NOTFOUND ? DB_INVALID : rc;
    r->volunteer_id = v.id;
    record_set(&r->volunteer_number, v.number);
    record_set(&r->volunteer_name, v.name);
    record_free(&volunteer_record, &v);
    return DB_OK;
}

/*
** Do the times of r, on one of a's days, meet a's own: out after it starts
** (on its first day), in before it ends (on its last)? And do they keep
** within SIGN_IN_EARLY_MINUTES of them, as volunteers come early and stay
** on: a sign-in the roll would not take, or a day of 05:00-23:50 for an
** afternoon's visit, is a mistake.
*/
static int late_times_meet(const struct service_record *r, const struct activity *a)
{
    /* out < 0: still signed in (an activity moved under its roll), judged by its sign-in */
    int in = hours_minute_parse(r->sign_in), out = hours_minute_parse(r->sign_out);
    int starts = strlen(a->starts_at) > 11 ? hours_minute_parse(a->starts_at + 11) : -1;
    int ends = strlen(a->ends_at) > 11 ? hours_minute_parse(a->ends_at + 11) : -1;
    if (starts >= 0 && strncmp(r->day, a->starts_at, 10) == 0 &&
        ((out >= 0 && out <= starts) || in < starts - SIGN_IN_EARLY_MINUTES))
        return 0;
    if (ends >= 0 && strncmp(r->day, a->ends_at, 10) == 0 &&
        (in >= ends || out > ends + SIGN_IN_EARLY_MINUTES))
        return 0;
    return 1;
}

/*
** Inside the transaction: the activity takes a late record on r->day, at
** its times (ended is fine).
*/
static int late_activity(struct db *db, struct service_record *r, char **why)
{
    struct activity a;
    int rc = activity_get(db, r->activity_id, &a);
    if (rc == DB_NOTFOUND) *why = xstrdup(_("Which activity? It is no longer on file"));
    if (rc != DB_OK) return rc == DB_NOTFOUND ? DB_INVALID : rc;
    record_set(&r->activity_name, a.name);
    if (str_eq(a.status, ACTIVITY_CANCELLED))
        *why = xasprintf(_("%s: %s; nothing recorded"), a.name, _("The activity was cancelled"));
    else if (strncmp(r->day, a.starts_at, 10) < 0 || strncmp(r->day, a.ends_at, 10) > 0)
        *why =
            xasprintf(_("Date %s: %s runs %.10s to %.10s"), r->day, a.name, a.starts_at, a.ends_at);
    else if (!late_times_meet(r, &a))
        *why = xasprintf(_("%s-%s: %s runs %s to %s; the times are to meet it, within an hour "
                           "of it"),
                         r->sign_in, r->sign_out, a.name, a.starts_at, a.ends_at);
    record_free(&activity_record, &a);
    return *why ? DB_INVALID : DB_OK;
}

/* Inside the transaction: pair p of record skip_id (0: a new one) fits the volunteer's day. */
static int pair_fits(struct db *db, int64_t volunteer_id, const char *day, int64_t skip_id,
                     const struct hours_pair *p, char **why)
{
    struct day_pairs dp;
    int rc = day_pairs_read(db, volunteer_id, day, &dp);
    if (rc != DB_OK) return rc;
    int skip = -1, which;
    for (size_t i = 0; i < dp.n; i++)
        if (dp.id[i] == skip_id) skip = (int)i;
    enum hours_verdict v = hours_pair_check(dp.pair, dp.n, skip, p, &which);
    if (v != HOURS_OK) {
        char *say = refusal_say(v, &dp, which);
        *why = xasprintf(_("%s: %s"), day, say);
        free(say);
        rc = DB_INVALID;
    }
    day_pairs_free(&dp);
    return rc;
}

int hours_late_add(struct db *db, struct service_record *r, const char *actor, char **why)
{
    char when[20], day[11];
    *why = late_fields_check(r, clock_format(clock_now(), when));
    if (*why) return DB_INVALID;
    struct date d;
    date_parse(r->day, &d);
    record_set(&r->day, date_format(&d, day));
    int rc = change_begin(db, &record_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    int64_t request_id = 0;
    struct hours_pair p = {r->activity_id, hours_minute_parse(r->sign_in),
                           hours_minute_parse(r->sign_out)};
    if ((rc = late_volunteer(db, r, why)) != DB_OK || (rc = late_activity(db, r, why)) != DB_OK ||
        (rc = request_by_number(db, r->request_number, day, &request_id, why)) != DB_OK ||
        (rc = pair_fits(db, r->volunteer_id, day, 0, &p, why)) != DB_OK) {
        db_rollback(db);
        return rc;
    }
    r->minutes = p.out - p.in;
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out,"
            " minutes, late, late_reason, request_id, created_at, created_by, updated_at,"
            " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9, ?10, ?9, ?10)");
    db_bind_int(st, 1, r->volunteer_id);
    db_bind_int(st, 2, r->activity_id);
    db_bind_text(st, 3, day);
    db_bind_text(st, 4, r->sign_in);
    db_bind_text(st, 5, r->sign_out);
    db_bind_int(st, 6, r->minutes);
    db_bind_text(st, 7, r->late_reason);
    bind_id_or_null(st, 8, request_id);
    db_bind_text(st, 9, when);
    db_bind_text(st, 10, actor);
    r->id = 0;
    rc = change_save(db, &record_change, actor, st, &r->id, &r->version, NULL);
    if (rc == DB_OK) {
        r->late = 1;
        r->request_id = request_id;
    }
    return rc;
}

int hours_link_request(struct db *db, int64_t record_id, const char *number, const char *actor,
                       char **why)
{
    *why = NULL;
    struct service_record before;
    int rc = change_begin(db, &record_change, actor, record_id, &before);
    if (rc != DB_OK) return rc;
    int64_t request_id = 0;
    if (!before.id) rc = DB_NOTFOUND;
    if (rc == DB_OK) rc = request_by_number(db, number, before.day, &request_id, why);
    if (rc != DB_OK) {
        change_abort(db, &record_change, &before);
        return rc;
    }
    char when[20];
    clock_format(clock_now(), when);
    int64_t version = before.version;
    struct db_stmt *st =
        db_prepare(db, "UPDATE service_record SET request_id = ?1, updated_at = ?2,"
                       " updated_by = ?3, version = version + 1 WHERE id = ?4 AND version = ?5");
    bind_id_or_null(st, 1, request_id);
    db_bind_text(st, 2, when);
    db_bind_text(st, 3, actor);
    db_bind_int(st, 4, record_id);
    db_bind_int(st, 5, version);
    return change_save(db, &record_change, actor, st, &record_id, &version, &before);
}

static int records_where(struct db *db, const char *where, int64_t id, struct service_record **out,
                         size_t *n)
{
    char *sql = xasprintf(RECORD_SELECT " WHERE %s", where);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_int(st, 1, id);
    int rc;
    *out = db_collect(st, sizeof **out, record_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&service_record_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int service_records_of_request(struct db *db, int64_t request_id, struct service_record **out,
                               size_t *n)
{
    return records_where(db, "s.request_id = ?1 ORDER BY s.day, s.sign_in, s.id", request_id, out,
                         n);
}

int service_records_of_volunteer(struct db *db, int64_t volunteer_id, struct service_record **out,
                                 size_t *n)
{
    return records_where(db, "s.volunteer_id = ?1 ORDER BY s.day DESC, s.sign_in DESC, s.id DESC",
                         volunteer_id, out, n);
}

/* --- corrections ----------------------------------------------------------------------------- */

#define CORRECTION_SELECT                                                                          \
    "SELECT c.id, c.record_id, v.number, v.name, a.name, s.day, s.sign_in, s.sign_out,"            \
    " c.sign_in, c.sign_out, c.reason, c.asked_at, c.asked_by, c.state, c.decided_at,"             \
    " c.decided_by, c.decision_reason FROM hours_correction c"                                     \
    " JOIN service_record s ON s.id = c.record_id JOIN volunteer v ON v.id = s.volunteer_id"       \
    " JOIN activity a ON a.id = s.activity_id"

static void correction_read(struct db_stmt *st, void *slot)
{
    struct hours_correction *h = slot;
    int c = 0;
    record_init(&hours_correction_record, h);
    h->id = db_col_int(st, c++);
    h->record_id = db_col_int(st, c++);
    char **text[] = {&h->volunteer_number, &h->volunteer_name, &h->activity_name,  &h->day,
                     &h->was_in,           &h->was_out,        &h->sign_in,        &h->sign_out,
                     &h->reason,           &h->asked_at,       &h->asked_by,       &h->state,
                     &h->decided_at,       &h->decided_by,     &h->decision_reason};
    for (size_t i = 0; i < ARRAY_LEN(text); i++)
        record_set(text[i], db_col_text(st, c++));
}

int hours_corrections(struct db *db, const char *state, struct hours_correction **out, size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, CORRECTION_SELECT " WHERE ?1 IS NULL OR c.state = ?1 ORDER BY c.id");
    if (state)
        db_bind_text(st, 1, state);
    else
        db_bind_null(st, 1);
    int rc;
    *out = db_collect(st, sizeof **out, correction_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&hours_correction_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int hours_correction_get(struct db *db, int64_t id, struct hours_correction *out)
{
    struct db_stmt *st = db_prepare(db, CORRECTION_SELECT " WHERE c.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, correction_read, out);
}

static int correction_get_any(struct db *db, int64_t id, void *out)
{
    return hours_correction_get(db, id, out);
}

static const struct change_kind correction_change = {&hours_correction_record, "hours-correction",
                                                     RIGHT_LOG_HOURS, correction_get_any};

/*
** Why a correction of a record of day signing out at minute out, asked or
** granted at when ("YYYY-MM-DD HH:MM:SS"), will not do: a sign-out later
** than now (hours served are of times gone by, as a late record's); or
** NULL. Translated, borrowed.
*/
static const char *correction_ahead(const char *day, int out, const char *when)
{
    char at[6];
    snprintf(at, sizeof at, "%.5s", when + 11);
    if (strncmp(day, when, 10) < 0 || out <= hours_minute_parse(at)) return NULL;
    return _("The sign-out asked is later than now: a correction gives times gone by");
}

int hours_correction_ask(struct db *db, int64_t record_id, const char *sign_in,
                         const char *sign_out, const char *reason, const char *actor, int64_t *id,
                         const char **why)
{
    *why = NULL;
    int in = hours_minute_parse(sign_in), out = hours_minute_parse(sign_out);
    if (in < 0)
        *why = _("Signed in: a time (HH:MM)");
    else if (out < 0)
        *why = _("Signed out: a time (HH:MM)");
    else if (out <= in)
        *why = hours_verdict_text(HOURS_OUT_NOT_AFTER_IN);
    else if (text_blank(reason))
        *why = _("Reason: say why the times are wrong");
    if (*why) return DB_INVALID;
    char when[20];
    clock_format(clock_now(), when);
    int rc = change_begin(db, &correction_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    struct service_record r;
    if ((rc = service_record_get(db, record_id, &r)) != DB_OK) {
        db_rollback(db);
        return rc;
    }
    /* Open since an earlier day (the sign-out forgotten): the correction gives its times. */
    char today[11];
    int open = !*r.sign_out && strcmp(r.day, clock_today(today)) >= 0;
    /* Of today: times gone by, as a late record's (hours served, not hours to come). */
    const char *ahead = correction_ahead(r.day, out, when);
    record_free(&service_record_record, &r);
    if (open || ahead) {
        *why = open ? _("Still signed in: sign out before asking for a correction") : ahead;
        db_rollback(db);
        return DB_INVALID;
    }
    struct db_stmt *waiting = db_prepare(
        db, "SELECT count(*) FROM hours_correction WHERE state = 'asked' AND record_id = ?1");
    db_bind_int(waiting, 1, record_id);
    int asked = db_step(waiting) == DB_ROW && db_col_int(waiting, 0) > 0;
    db_finalize(waiting);
    if (asked) {
        *why = _("A correction of this record is waiting already: grant or refuse it first");
        db_rollback(db);
        return DB_INVALID;
    }
    struct db_stmt *st =
        db_prepare(db, "INSERT INTO hours_correction (record_id, sign_in, sign_out, reason,"
                       " asked_at, asked_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    db_bind_int(st, 1, record_id);
    db_bind_text(st, 2, sign_in);
    db_bind_text(st, 3, sign_out);
    db_bind_text(st, 4, reason);
    db_bind_text(st, 5, when);
    db_bind_text(st, 6, actor);
    int64_t version = 0;
    *id = 0;
    return change_save(db, &correction_change, actor, st, id, &version, NULL);
}

/* Inside the transaction: the record's times become the correction's, through the audit log. */
static int correction_apply(struct db *db, const struct hours_correction *c, const char *actor,
                            const char *when, char **why)
{
    struct service_record before;
    int rc = change_begin(db, &record_change, actor, c->record_id, &before);
    if (rc != DB_OK) return rc;
    struct hours_pair p = {before.activity_id, hours_minute_parse(c->sign_in),
                           hours_minute_parse(c->sign_out)};
    char counts_from[11] = "";
    if (!before.id) rc = DB_NOTFOUND;
    const char *ahead = before.id ? correction_ahead(before.day, p.out, when) : NULL;
    if (ahead) {
        *why = xstrdup(ahead);
        rc = DB_INVALID;
    }
    if (rc == DB_OK) rc = pair_fits(db, before.volunteer_id, before.day, before.id, &p, why);
    if (rc == DB_OK && *before.confirmed_at) rc = counts_from_today(db, counts_from);
    if (rc != DB_OK) {
        change_abort(db, &record_change, &before);
        return rc;
    }
    int64_t id = before.id, version = before.version;
    struct db_stmt *st =
        db_prepare(db, "UPDATE service_record SET sign_in = ?1, sign_out = ?2, minutes = ?3,"
                       " counts_from = CASE WHEN confirmed_at <> '' THEN ?4 ELSE counts_from END,"
                       " updated_at = ?5, updated_by = ?6, version = version + 1"
                       " WHERE id = ?7 AND version = ?8");
    db_bind_text(st, 1, c->sign_in);
    db_bind_text(st, 2, c->sign_out);
    db_bind_int(st, 3, p.out - p.in);
    db_bind_text(st, 4, counts_from);
    db_bind_text(st, 5, when);
    db_bind_text(st, 6, actor);
    db_bind_int(st, 7, id);
    db_bind_int(st, 8, version);
    return change_save(db, &record_change, actor, st, &id, &version, &before);
}

int hours_correction_decide(struct db *db, int64_t id, int grant, const char *reason,
                            const char *actor, char **why)
{
    *why = NULL;
    if (text_blank(reason)) {
        *why = xstrdup(grant ? _("Say why the correction is granted")
                             : _("Say why the correction is refused"));
        return DB_INVALID;
    }
    char when[20];
    clock_format(clock_now(), when);
    struct hours_correction before;
    int rc = change_begin(db, &correction_change, actor, id, &before);
    if (rc != DB_OK) return rc;
    if (!before.id)
        rc = DB_NOTFOUND;
    else if (!str_eq(before.state, CORRECTION_ASKED))
        rc = DB_CONFLICT;
    if (rc == DB_OK && grant) rc = correction_apply(db, &before, actor, when, why);
    if (rc != DB_OK) {
        change_abort(db, &correction_change, &before);
        return rc;
    }
    struct db_stmt *st =
        db_prepare(db, "UPDATE hours_correction SET state = ?1, decided_at = ?2, decided_by = ?3,"
                       " decision_reason = ?4 WHERE id = ?5 AND state = 'asked'");
    db_bind_text(st, 1, grant ? CORRECTION_GRANTED : CORRECTION_REFUSED);
    db_bind_text(st, 2, when);
    db_bind_text(st, 3, actor);
    db_bind_text(st, 4, reason);
    db_bind_int(st, 5, id);
    int64_t version = 0;
    return change_save(db, &correction_change, actor, st, &id, &version, &before);
}
