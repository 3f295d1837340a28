/*
** kiosk_store: see kiosk_store.h.
*/
#include "db/kiosk_store.h"
#include "db/audit_store.h"
#include "db/request_store.h"
#include "db/user_store.h"
#include "db/volunteer_store.h"
#include "src/audit.h"
#include "src/kiosk.h"
#include "src/clock.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/volunteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kiosk_view_free(struct kiosk_view *v)
{
    for (size_t i = 0; i < v->nsteps; i++)
        free(v->steps[i].unit);
    free(v->steps);
    free(v->unit);
    memset(v, 0, sizeof *v);
}

/* The row of kiosk KIOSK's count of volunteers' numbers not found (查进度's is KIOSK's own). */
#define VOLUNTEER_GUARD "%s/volunteer"

/* The kiosk's count of wrong pairs and its wait, as stored (0, 0 when none). */
static int guard_read(struct db *db, const char *kiosk, int64_t *misses, int64_t *wait_until)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT misses, wait_until FROM kiosk_guard WHERE kiosk = ?1");
    db_bind_text(st, 1, kiosk);
    *misses = *wait_until = 0;
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *misses = db_col_int(st, 0);
        *wait_until = db_col_int(st, 1);
        rc = DB_DONE;
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

static int guard_write(struct db *db, const char *kiosk, int64_t misses, int64_t wait_until)
{
    struct db_stmt *st =
        db_prepare(db, "INSERT INTO kiosk_guard (kiosk, misses, wait_until) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT (kiosk) DO UPDATE SET misses = excluded.misses,"
                       " wait_until = excluded.wait_until");
    db_bind_text(st, 1, kiosk);
    db_bind_int(st, 2, misses);
    db_bind_int(st, 3, wait_until);
    return db_write_one(db, st, NULL);
}

/*
** The id of request number and the phone it was registered with (its
** own, else its resident's): DB_OK, or DB_NOTFOUND.
*/
static int request_phone(struct db *db, const char *number, int64_t *id, char **phone)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT r.id, coalesce(nullif(r.requester_phone, ''), p.phone, '') FROM request r"
            " LEFT JOIN resident p ON p.id = r.resident_id WHERE r.number = ?1");
    db_bind_text(st, 1, number);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *id = db_col_int(st, 0);
        *phone = xstrdup(db_col_text(st, 1));
        rc = DB_OK;
    } else if (rc == DB_DONE) {
        rc = DB_NOTFOUND;
    }
    db_finalize(st);
    return rc;
}

/* True when phone's last four digits are last4. */
static int phone_ends(const char *phone, const char *last4)
{
    size_t n = strlen(phone);
    return n >= 4 && strlen(last4) == 4 && memcmp(phone + n - 4, last4, 4) == 0;
}

/* The public view of request id into *out. */
static int view_read(struct db *db, int64_t id, struct kiosk_view *out)
{
    memset(out, 0, sizeof *out);
    struct request r;
    int rc = request_get(db, id, &r);
    if (rc != DB_OK) return rc;
    snprintf(out->number, sizeof out->number, "%s", r.number);
    out->state = r.state;
    out->unit = xstrdup(r.unit_name);
    out->created_at = r.created_at;
    out->due = request_state_closed(r.state) ? 0 : request_due(&r);
    request_free(&r);
    struct request_events ev;
    rc = request_events(db, id, &ev);
    if (rc != DB_OK) {
        kiosk_view_free(out);
        return rc;
    }
    out->steps = xcalloc(ev.n ? ev.n : 1, sizeof *out->steps);
    for (size_t i = 0; i < ev.n; i++) {
        if (ev.v[i].action == RA_NOTE) continue; /* a note's words are the desk's, not public */
        struct kiosk_step *s = &out->steps[out->nsteps++];
        s->at = ev.v[i].at;
        s->action = ev.v[i].action;
        s->from = ev.v[i].from;
        s->to = ev.v[i].to;
        s->unit = xstrdup(ev.v[i].unit);
    }
    request_events_free(&ev);
    return DB_OK;
}

int kiosk_audit(struct db *db, const char *actor, const char *action, const char *kiosk,
                const char *detail)
{
    char *subject = xasprintf("kiosk:%s", kiosk);
    int rc = db_write_begin(db);
    if (rc == DB_OK) rc = audit_append(db, actor, action, subject, detail);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    free(subject);
    return rc;
}

/*
** A wrong try at the kiosk, in the open transaction: counted (misses, as
** read, before it), and the KIOSK_TRIES-th in a row starts the wait
** (*wait_seconds; 0 when it did not). action is the audit's, detail what
** was tried.
*/
static int guard_miss(struct db *db, const char *kiosk, const char *guard, time_t now,
                      int64_t misses, const char *action, const char *tried, int *wait_seconds)
{
    int64_t wait_until = 0;
    char *detail;
    misses++;
    *wait_seconds = 0;
    if (misses >= KIOSK_TRIES) { /* this one is told to wait already */
        wait_until = now + KIOSK_WAIT_SECONDS;
        *wait_seconds = KIOSK_WAIT_SECONDS;
        detail = xasprintf("%s" AUDIT_TRY_WAITS, tried, (int)misses, KIOSK_WAIT_SECONDS);
        misses = 0;
    } else {
        detail = xasprintf("%s" AUDIT_TRY_WRONG, tried, (int)misses);
    }
    char *subject = xasprintf("kiosk:%s", kiosk);
    int rc = guard_write(db, guard, misses, wait_until);
    if (rc == DB_OK) rc = audit_append(db, kiosk, action, subject, detail);
    free(subject);
    free(detail);
    return rc;
}

/*
** Is the kiosk's service whose count is the row guard (the kiosk's login
** for 查进度, VOLUNTEER_GUARD for volunteers' numbers) waiting
** (*wait_seconds left, the try audited as action with what was tried)?
** Else *misses is its count of wrong tries in a row.
*/
static int guard_check(struct db *db, const char *kiosk, const char *guard, time_t now,
                       const char *action, const char *tried, int64_t *misses, int *wait_seconds)
{
    int64_t wait_until;
    *wait_seconds = 0;
    int rc = guard_read(db, guard, misses, &wait_until);
    if (rc != DB_OK || wait_until <= now) return rc;
    *wait_seconds = (int)(wait_until - now);
    char *subject = xasprintf("kiosk:%s", kiosk);
    char *detail = xasprintf("%s" AUDIT_TRY_WAITING, tried, *wait_seconds);
    rc = audit_append(db, kiosk, action, subject, detail);
    free(subject);
    free(detail);
    return rc;
}

/* One try in the open transaction: look, count, audit. */
static int progress_try(struct db *db, const char *kiosk, const char *number, const char *last4,
                        time_t now, enum kiosk_answer *answer, int64_t *id, int *wait_seconds)
{
    int64_t misses;
    char *tried = xasprintf(AUDIT_TRIED_REQUEST "%s", number);
    int rc =
        guard_check(db, kiosk, kiosk, now, "kiosk-progress-waiting", tried, &misses, wait_seconds);
    if (rc == DB_OK && *wait_seconds) {
        *answer = KIOSK_WAIT;
    } else if (rc == DB_OK) {
        char *phone = NULL;
        rc = request_phone(db, number, id, &phone);
        int match = rc == DB_OK && phone_ends(phone, last4);
        free(phone);
        if (rc == DB_OK || rc == DB_NOTFOUND) rc = DB_OK;
        if (rc == DB_OK && match) {
            *answer = KIOSK_FOUND;
            char *subject = xasprintf("request:%lld", (long long)*id);
            rc = guard_write(db, kiosk, 0, 0);
            if (rc == DB_OK) rc = audit_append(db, kiosk, "kiosk-progress", subject, tried);
            free(subject);
        } else if (rc == DB_OK) {
            rc = guard_miss(db, kiosk, kiosk, now, misses, "kiosk-progress-miss", tried,
                            wait_seconds);
            *answer = *wait_seconds ? KIOSK_WAIT : KIOSK_NO_MATCH;
        }
    }
    free(tried);
    return rc;
}

int kiosk_progress(struct db *db, const char *kiosk, const char *number, const char *last4,
                   time_t now, enum kiosk_answer *answer, struct kiosk_view *out, int *wait_seconds)
{
    *answer = KIOSK_NO_MATCH;
    *wait_seconds = 0;
    int64_t id = 0;
    int rc = db_write_begin(db);
    if (rc == DB_OK) rc = user_allowed(db, kiosk, RIGHT_KIOSK_ONLY);
    if (rc == DB_OK) rc = progress_try(db, kiosk, number, last4, now, answer, &id, wait_seconds);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_OK && *answer == KIOSK_FOUND) {
        rc = view_read(db, id, out);
        if (rc != DB_OK) *answer = KIOSK_NO_MATCH;
    }
    return rc;
}

/* --- volunteers' sign-in -----------------------------------------------------------------------
 */

/* Drop the activities t holds. */
static void today_clear(struct kiosk_today *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->act[i].name);
    free(t->act);
    t->act = NULL;
    t->n = t->more = 0;
}

void kiosk_today_free(struct kiosk_today *t)
{
    today_clear(t);
    free(t->name);
    free(t->why);
    memset(t, 0, sizeof *t);
}

static void today_add(struct kiosk_today *t, int64_t id, const char *name, const char *starts,
                      const char *ends)
{
    t->act = xrealloc(t->act, (t->n + 1) * sizeof *t->act);
    struct kiosk_activity *a = &t->act[t->n++];
    a->id = id;
    a->name = xstrdup(name);
    snprintf(a->starts_at, sizeof a->starts_at, "%s", starts);
    snprintf(a->ends_at, sizeof a->ends_at, "%s", ends);
}

/* The activity volunteer_id is signed in at on day and not out of, into t (KIOSK_PICK_OUT). */
static int today_open_pair(struct db *db, int64_t volunteer_id, const char *day,
                           struct kiosk_today *t)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT a.id, a.name, a.starts_at, a.ends_at FROM service_record s"
                       " JOIN activity a ON a.id = s.activity_id WHERE s.volunteer_id = ?1"
                       " AND s.day = ?2 AND s.sign_out = '' ORDER BY s.sign_in DESC LIMIT 1");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, day);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        today_add(t, db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3));
        t->pick = KIOSK_PICK_OUT;
        rc = DB_DONE;
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** The activities open on now's day and not ended at now ("YYYY-MM-DD
** HH:MM"), nor beginning more than an hour after it (sign-in opens an hour
** before, as hours_sign() holds), own (run by the volunteer's teams) or
** all, into t.
*/
static int today_activities(struct db *db, int64_t volunteer_id, const char *now, int own,
                            struct kiosk_today *t)
{
    struct db_stmt *st = db_prepare(
        db,
        "SELECT a.id, a.name, a.starts_at, a.ends_at FROM activity a"
        " WHERE a.status NOT IN ('cancelled', 'ended') AND substr(a.starts_at, 1, 10) <= ?1"
        " AND substr(a.ends_at, 1, 10) >= ?1 AND a.ends_at > ?4"
        " AND a.starts_at <= strftime('%Y-%m-%d %H:%M', ?4, '+60 minutes') AND (?3 = 0 OR EXISTS"
        " (SELECT 1 FROM team_member m WHERE m.team_id = a.team_id AND m.volunteer_id = ?2"
        " AND m.left_on = '' AND m.joined <= ?1)) ORDER BY a.starts_at, a.id");
    db_bind_text_static(st, 1, now, 10);
    db_bind_int(st, 2, volunteer_id);
    db_bind_int(st, 3, own);
    db_bind_text(st, 4, now);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        if (t->n < KIOSK_ACTIVITIES_MAX)
            today_add(t, db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2),
                      db_col_text(st, 3));
        else
            t->more++;
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** Inside the transaction: where the active volunteer volunteer_id goes at
** now ("YYYY-MM-DD HH:MM"): out of the pair open today, else into one of
** today's activities not yet ended.
*/
static int today_pick(struct db *db, int64_t volunteer_id, const char *now, struct kiosk_today *t)
{
    char day[11];
    snprintf(day, sizeof day, "%.10s", now);
    int rc = today_open_pair(db, volunteer_id, day, t);
    if (rc != DB_OK || t->pick == KIOSK_PICK_OUT) return rc;
    for (int own = 1; own >= 0; own--) {
        today_clear(t);
        if ((rc = today_activities(db, volunteer_id, now, own, t)) != DB_OK) return rc;
        if (t->n == 1 || (own && t->n > 1)) break;
    }
    t->pick = t->n == 0 ? KIOSK_PICK_NONE : t->n == 1 ? KIOSK_PICK_IN : KIOSK_PICK_CHOOSE;
    return DB_OK;
}

/* True when volunteer id is signed in today (now's day) and not out yet. */
static int signed_in_today(struct db *db, int64_t id, time_t now)
{
    char day[20];
    clock_format(now, day);
    day[10] = '\0';
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM service_record WHERE volunteer_id = ?1"
                                        " AND day = ?2 AND sign_out = ''");
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, day);
    return db_exists(st);
}

/* Inside the transaction: the number read and looked up, t filled. */
static int today_try(struct db *db, const char *kiosk, const char *typed, time_t now,
                     struct kiosk_today *t)
{
    char *norm = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    snprintf(t->number, sizeof t->number, "%s", norm);
    char number[VOLUNTEER_NUMBER_LEN + 1];
    const char *bad = volunteer_number_parse(norm, number, NULL, NULL);
    free(norm);
    if (bad) {
        t->pick = KIOSK_PICK_BAD;
        t->why = xstrdup(bad);
        return DB_OK;
    }
    snprintf(t->number, sizeof t->number, "%s", number);
    /*
    ** Unknown numbers are counted, no one walking the numbers from the hall,
    ** in a count of their own: wrong 查进度 pairs typed by a resident do not
    ** keep a volunteer from signing in.
    */
    int64_t misses;
    char *tried = xasprintf(AUDIT_TRIED_VOLUNTEER "%s", number);
    char *guard = xasprintf(VOLUNTEER_GUARD, kiosk);
    int rc = guard_check(db, kiosk, guard, now, "kiosk-volunteer-waiting", tried, &misses,
                         &t->wait_seconds);
    if (rc != DB_OK || t->wait_seconds) {
        t->pick = KIOSK_PICK_WAIT;
        free(tried);
        free(guard);
        return rc;
    }
    struct volunteer v;
    rc = volunteer_get_by_number(db, number, &v);
    if (rc == DB_OK && !str_eq(v.status, VOLUNTEER_ACTIVE) && !signed_in_today(db, v.id, now)) {
        /* One who left the register signs in no more; but out, when signed in before leaving. */
        record_free(&volunteer_record, &v);
        rc = DB_NOTFOUND;
    }
    if (rc == DB_NOTFOUND) {
        rc = guard_miss(db, kiosk, guard, now, misses, "kiosk-volunteer-miss", tried,
                        &t->wait_seconds);
        t->pick = t->wait_seconds ? KIOSK_PICK_WAIT : KIOSK_PICK_UNKNOWN;
        free(tried);
        free(guard);
        return rc;
    }
    free(tried);
    free(guard);
    if (rc != DB_OK) return rc;
    /*
    ** A volunteer found does not clear the count: one known number typed
    ** between wrong 查进度 pairs would keep the wait from ever starting.
    */
    (void)misses;
    free(t->name);
    t->name = kiosk_name_masked(v.name);
    int64_t id = v.id;
    record_free(&volunteer_record, &v);
    char when[20];
    clock_format(now, when);
    when[16] = '\0'; /* to the minute, as activities' times are */
    return today_pick(db, id, when, t);
}

int kiosk_volunteer_today(struct db *db, const char *kiosk, const char *typed, time_t now,
                          struct kiosk_today *out)
{
    memset(out, 0, sizeof *out);
    out->name = xstrdup("");
    out->pick = KIOSK_PICK_UNKNOWN;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, kiosk, RIGHT_KIOSK_ONLY);
    if (rc == DB_OK) rc = today_try(db, kiosk, typed, now, out);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    return rc;
}
