/*
** hours_store: see hours_store.h.
*/
#include "db/hours_store.h"
#include "db/change.h"
#include "db/volunteer_store.h"
#include "src/clock.h"
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
    " s.sign_out, s.minutes, s.version, s.updated_at, s.updated_by FROM service_record s"          \
    " JOIN volunteer v ON v.id = s.volunteer_id JOIN activity a ON a.id = s.activity_id"

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

/* Inside the transaction: the activity may take hours on day, else out->why. */
static int activity_takes(struct db *db, int64_t activity_id, const char *day,
                          struct hours_signed *out)
{
    struct activity a;
    int rc = activity_get(db, activity_id, &a);
    if (rc == DB_NOTFOUND) {
        out->why = xstrdup(_("The activity is no longer on file"));
        return DB_INVALID;
    }
    if (rc != DB_OK) return rc;
    const char *why = activity_open_on(&a, day);
    if (why) {
        out->why = xasprintf(_("%s: %s; nothing recorded"), a.name, why);
        rc = DB_INVALID;
    }
    record_free(&activity_record, &a);
    return rc;
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
    int left = !str_eq(v.status, VOLUNTEER_ACTIVE);
    if (left)
        out->why = xasprintf(_("%s is %s in the register: not signed in"), out->name,
                             volunteer_status_label(v.status));
    record_free(&volunteer_record, &v);
    if (left || (rc = activity_takes(db, activity_id, day, out)) != DB_OK) {
        db_rollback(db);
        return left ? DB_INVALID : rc;
    }
    struct day_pairs dp;
    if ((rc = day_pairs_read(db, volunteer_id, day, &dp)) != DB_OK) {
        db_rollback(db);
        return rc;
    }
    int which;
    enum hours_verdict verdict = hours_desk_move(dp.pair, dp.n, activity_id,
                                                 hours_minute_parse(out->at), &out->move, &which);
    if (verdict != HOURS_OK) {
        out->why = refusal_say(verdict, &dp, which);
        day_pairs_free(&dp);
        db_rollback(db);
        return DB_INVALID;
    }
    rc = pair_write(db, k, actor, volunteer_id, activity_id, day, out->at, &dp, which, out);
    day_pairs_free(&dp);
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

int hours_minutes_of(struct db *db, int64_t volunteer_id, int64_t *minutes)
{
    struct db_stmt *st = db_prepare(db, "SELECT coalesce(sum(minutes), 0) FROM service_record WHERE"
                                        " volunteer_id = ?1");
    db_bind_int(st, 1, volunteer_id);
    int rc = db_step(st);
    *minutes = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}
