/*
** request_store: see request_store.h.
*/
#include "db/request_store.h"
#include "db/change.h"
#include "db/calendar_store.h"
#include "db/resident_store.h"
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/roles.h"
#include "src/search.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns every read returns, in this order (see row_read()). */
#define REQUEST_COLUMNS                                                                            \
    "SELECT r.id, r.number, r.status, r.channel, r.kind, r.category, coalesce(r.item_id, 0),"      \
    " coalesce(i.code, ''), coalesce(i.name, ''), coalesce(r.unit_id, 0), coalesce(u.name, ''),"   \
    " coalesce(u.phone, ''), r.requester_kind, coalesce(r.resident_id, 0), r.requester,"           \
    " r.requester_phone, coalesce(r.building_id, 0), coalesce(b.name, ''),"                        \
    " coalesce(r.grid_id, 0), coalesce(g.name, ''), coalesce(r.community_id, 0),"                  \
    " coalesce(c.name, ''), r.level, coalesce(r.talk_id, 0),"                                      \
    " coalesce(t.held_on || ' ' || t.place, ''), r.title, r.detail, r.accept_minutes,"             \
    " r.resolve_amount, r.resolve_unit, r.first_dispatched_at, r.dispatched_at, r.accept_due,"     \
    " r.accepted_at, r.contact_due, r.contacted_at, r.resolve_due, r.replied_at,"                  \
    " r.followup_due, r.closed_at, r.answer, r.close_reason, r.return_reason,"                     \
    " coalesce(r.resolved, -1), coalesce(r.satisfaction, ''), r.attempts, r.returns, r.reopens,"   \
    " r.extensions, r.ext_due, r.ext_reason, r.unreachable, coalesce(r.duplicate_of, 0),"          \
    " r.version, r.created_at, r.created_by, r.updated_at, r.updated_by,"                          \
    " coalesce(r.first_unit_id, 0), coalesce(r.returned_unit_id, 0),"                              \
    " coalesce(r.organisation_id, 0)"
#define REQUEST_FROM                                                                               \
    " FROM request r LEFT JOIN service_item i ON i.id = r.item_id"                                 \
    " LEFT JOIN unit u ON u.id = r.unit_id LEFT JOIN building b ON b.id = r.building_id"           \
    " LEFT JOIN grid g ON g.id = r.grid_id LEFT JOIN community c ON c.id = r.community_id"         \
    " LEFT JOIN evening_talk t ON t.id = r.talk_id"
#define REQUEST_SELECT   REQUEST_COLUMNS REQUEST_FROM
#define REQUEST_NCOLUMNS 61 /* the columns row_read() reads */
/*
** One request read alone adds whether the centre kept its dispatch after a
** return: its last dispatch, reroute or insist on the timeline was an
** insist (row_read_one()). The lists do without: it decides a unit's
** actions, which only the request's own screen offers.
*/
#define REQUEST_SELECT_ONE                                                                         \
    REQUEST_COLUMNS ", coalesce((SELECT e.action = 'insist' FROM request_event e"                  \
                    " WHERE e.request_id = r.id AND e.action IN ('dispatch', 'reroute', 'insist')" \
                    " ORDER BY e.id DESC LIMIT 1), 0)" REQUEST_FROM

static time_t col_time(struct db_stmt *st, int i)
{
    return db_col_is_null(st, i) ? 0 : (time_t)db_col_int(st, i);
}

/* Bind a time, or NULL when it is 0 (not yet). */
static void bind_time(struct db_stmt *st, int idx, time_t t)
{
    if (t)
        db_bind_int(st, idx, (int64_t)t);
    else
        db_bind_null(st, idx);
}

static void bind_id(struct db_stmt *st, int idx, int64_t id)
{
    if (id > 0)
        db_bind_int(st, idx, id);
    else
        db_bind_null(st, idx);
}

/*
** Text s (NULL binds NULL) not copied: the caller keeps s unchanged until
** the statement's next step or reset, as every writer here does.
*/
static void bind_str(struct db_stmt *st, int idx, const char *s)
{
    if (s)
        db_bind_text_static(st, idx, s, DB_TEXT_NUL);
    else
        db_bind_null(st, idx);
}

static void row_read(struct db_stmt *st, void *slot)
{
    struct request *r = slot;
    int c = 0;
    request_init(r);
    r->id = db_col_int(st, c++);
    record_set(&r->number, db_col_text(st, c++));
    int s = request_state_parse(db_col_text(st, c++));
    r->state = s < 0 ? RS_NEW : (enum request_state)s;
    record_set(&r->channel, db_col_text(st, c++));
    record_set(&r->kind, db_col_text(st, c++));
    record_set(&r->category, db_col_text(st, c++));
    r->item_id = db_col_int(st, c++);
    record_set(&r->item_code, db_col_text(st, c++));
    record_set(&r->item_name, db_col_text(st, c++));
    r->unit_id = db_col_int(st, c++);
    record_set(&r->unit_name, db_col_text(st, c++));
    record_set(&r->unit_phone, db_col_text(st, c++));
    int k = request_requester_parse(db_col_text(st, c++));
    r->requester_kind = k < 0 ? REQUESTER_ANONYMOUS : (enum requester_kind)k;
    r->resident_id = db_col_int(st, c++);
    record_set(&r->requester, db_col_text(st, c++));
    record_set(&r->requester_phone, db_col_text(st, c++));
    r->building_id = db_col_int(st, c++);
    record_set(&r->building, db_col_text(st, c++));
    r->grid_id = db_col_int(st, c++);
    record_set(&r->grid, db_col_text(st, c++));
    r->community_id = db_col_int(st, c++);
    record_set(&r->community, db_col_text(st, c++));
    r->level = (enum request_level)db_col_int(st, c++);
    r->talk_id = db_col_int(st, c++);
    record_set(&r->talk, db_col_text(st, c++));
    record_set(&r->title, db_col_text(st, c++));
    record_set(&r->detail, db_col_text(st, c++));
    r->accept_minutes = (int)db_col_int(st, c++);
    r->resolve_amount = (int)db_col_int(st, c++);
    r->resolve_unit = str_eq(db_col_text(st, c++), "hour") ? 'h' : 'd';
    r->first_dispatched_at = col_time(st, c++);
    r->dispatched_at = col_time(st, c++);
    r->accept_due = col_time(st, c++);
    r->accepted_at = col_time(st, c++);
    r->contact_due = col_time(st, c++);
    r->contacted_at = col_time(st, c++);
    r->resolve_due = col_time(st, c++);
    r->replied_at = col_time(st, c++);
    r->followup_due = col_time(st, c++);
    r->closed_at = col_time(st, c++);
    record_set(&r->answer, db_col_text(st, c++));
    record_set(&r->close_reason, db_col_text(st, c++));
    record_set(&r->return_reason, db_col_text(st, c++));
    r->resolved = (int)db_col_int(st, c++);
    r->satisfaction = request_satisfaction_parse(db_col_text(st, c++));
    r->attempts = (int)db_col_int(st, c++);
    r->returns = (int)db_col_int(st, c++);
    r->reopens = (int)db_col_int(st, c++);
    r->extensions = (int)db_col_int(st, c++);
    r->ext_due = col_time(st, c++);
    record_set(&r->ext_reason, db_col_text(st, c++));
    r->unreachable = (int)db_col_int(st, c++);
    r->duplicate_of = db_col_int(st, c++);
    r->version = db_col_int(st, c++);
    r->created_at = col_time(st, c++);
    record_set(&r->created_by, db_col_text(st, c++));
    r->updated_at = col_time(st, c++);
    record_set(&r->updated_by, db_col_text(st, c++));
    r->first_unit_id = db_col_int(st, c++);
    r->returned_unit_id = db_col_int(st, c++);
    r->organisation_id = db_col_int(st, c++);
}

/* A request read alone (REQUEST_SELECT_ONE): its row, then whether its dispatch was kept. */
static void row_read_one(struct db_stmt *st, void *slot)
{
    row_read(st, slot);
    ((struct request *)slot)->kept = (int)db_col_int(st, REQUEST_NCOLUMNS);
}

void request_list_free(struct request_list *l)
{
    record_array_free(&request_record, l->items, l->n);
    memset(l, 0, sizeof *l);
}

int request_get(struct db *db, int64_t id, struct request *out)
{
    struct db_stmt *st = db_prepare(db, REQUEST_SELECT_ONE " WHERE r.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, row_read_one, out);
}

int request_get_by_number(struct db *db, const char *number, struct request *out)
{
    struct db_stmt *st = db_prepare(db, REQUEST_SELECT_ONE " WHERE r.number = ?1");
    db_bind_text(st, 1, number);
    return db_read_one(st, row_read_one, out);
}

/* The next number of the year, inside the caller's write transaction. */
static int next_number(struct db *db, int year, char *out)
{
    struct db_stmt *st =
        db_prepare(db, "INSERT INTO request_seq (year, last) VALUES (?1, 1)"
                       " ON CONFLICT (year) DO UPDATE SET last = request_seq.last + 1"
                       " RETURNING last");
    db_bind_int(st, 1, year);
    int rc = db_step(st);
    int64_t seq = rc == DB_ROW ? db_col_int(st, 0) : 0;
    if (rc == DB_ROW) rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    request_number_format(year, seq, out);
    return DB_OK;
}

/* The INSERT of a timeline row, its values bound by event_bind() (base 0). */
static const char event_insert_sql[] =
    "INSERT INTO request_event (request_id, at, actor, role, action, from_state, to_state,"
    " unit_id, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* Bind a timeline row to ?base+1..?base+9 of st. */
static void event_bind(struct db_stmt *st, int base, int64_t request_id,
                       const struct workflow_event *ev, time_t now, const char *actor)
{
    db_bind_int(st, base + 1, request_id);
    bind_time(st, base + 2, now);
    bind_str(st, base + 3, actor);
    bind_str(st, base + 4, workflow_role_code(ev->role));
    bind_str(st, base + 5, workflow_action_code(ev->action));
    bind_str(st, base + 6, request_state_code(ev->from));
    bind_str(st, base + 7, request_state_code(ev->to));
    bind_id(st, base + 8, ev->unit_id);
    bind_str(st, base + 9, ev->text ? ev->text : "");
}

static int event_insert(struct db *db, int64_t request_id, const struct workflow_event *ev,
                        time_t now, const char *actor)
{
    struct db_stmt *st = db_prepare(db, event_insert_sql);
    event_bind(st, 0, request_id, ev, now, actor);
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* The longest piece of an event's text the audit log keeps, in characters. */
#define AUDIT_TEXT_CHARS 120

/*
** The audit log's row for a step of request r's life, in the open
** transaction: "2026-000123 dispatch: 派往 区民政局" (the action's code,
** then the timeline's words, cut short).
*/
static int step_audited(struct db *db, const struct request *r, const struct workflow_event *ev,
                        const char *actor)
{
    char subject[40];
    snprintf(subject, sizeof subject, "request:%lld", (long long)r->id);
    char *text = text_excerpt(ev->text ? ev->text : "", AUDIT_TEXT_CHARS);
    char *detail = xasprintf("%s %s%s%s", r->number, workflow_action_code(ev->action),
                             *text ? ": " : "", text);
    int rc = audit_append(db, actor, "request", subject, detail);
    free(detail);
    free(text);
    return rc;
}

int request_actor(struct db *db, const char *actor, struct workflow_actor *out)
{
    memset(out, 0, sizeof *out);
    int64_t n;
    int rc = user_count(db, &n);
    if (rc != DB_OK) return rc;
    if (!n) {
        out->acts = WORKFLOW_ANYONE;
        return DB_OK;
    }
    struct user u;
    rc = user_find(db, actor ? actor : "", &u);
    if (rc == DB_NOTFOUND) return DB_OK;
    if (rc != DB_OK) return rc;
    if (!u.retired) {
        out->acts = roles_acts(u.role);
        /* A unit handler with no unit yet acts for none: -1 is no unit's id. */
        if (roles_find(u.role) == roles_get(ROLE_ID_UNIT_HANDLER))
            out->unit_id = u.unit_id ? u.unit_id : -1;
    }
    record_free(&user_record, &u);
    return DB_OK;
}

/*
** DB_OK when actor may take action a on r, else DB_DENIED with *why; an
** action r's state does not have is left for the workflow to refuse. *part
** gets the part actor plays.
*/
static int may_act(struct db *db, const struct request *r, enum request_action a, const char *actor,
                   unsigned *part, const char **why)
{
    struct workflow_actor who;
    int rc = request_actor(db, actor, &who);
    if (rc != DB_OK) return rc;
    *part = workflow_part(r, a, &who, why);
    return *part || !*why ? DB_OK : DB_DENIED;
}

int request_reveal_phone(struct db *db, const struct request *r, enum request_action a,
                         const char *reason, const char *actor)
{
    if (text_blank(reason)) return DB_INVALID;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    unsigned part = 0;
    const char *why;
    rc = may_act(db, r, a, actor, &part, &why);
    if (rc == DB_OK && !part) rc = DB_DENIED; /* not a step of r's now: no reason of the step's */
    if (rc == DB_DENIED) rc = user_allowed(db, actor, RIGHT_REVEAL);
    if (rc == DB_OK) {
        char subject[40];
        snprintf(subject, sizeof subject, "request:%lld", (long long)r->id);
        char *detail = xasprintf("phone: %s", reason);
        rc = audit_append(db, actor, "reveal", subject, detail);
        free(detail);
    }
    if (rc == DB_OK) return db_commit(db);
    db_rollback(db);
    return rc;
}

/*
** Bind what the workflow changes (state, clocks, answers, counters) to
** ?1..?27, ?32 and ?33 of st, as changes_write() and the history insert
** number them, each past base (0 but for the history's rows after the first).
*/
static void changes_bind(struct db_stmt *st, int base, const struct request *r)
{
    bind_str(st, base + 1, request_state_code(r->state));
    bind_id(st, base + 2, r->unit_id);
    db_bind_int(st, base + 3, r->level);
    bind_time(st, base + 4, r->first_dispatched_at);
    bind_time(st, base + 5, r->dispatched_at);
    bind_time(st, base + 6, r->accept_due);
    bind_time(st, base + 7, r->accepted_at);
    bind_time(st, base + 8, r->contact_due);
    bind_time(st, base + 9, r->contacted_at);
    bind_time(st, base + 10, r->resolve_due);
    bind_time(st, base + 11, r->replied_at);
    bind_time(st, base + 12, r->followup_due);
    bind_time(st, base + 13, r->closed_at);
    bind_time(st, base + 14, request_due(r));
    bind_str(st, base + 15, r->answer);
    bind_str(st, base + 16, r->close_reason);
    bind_str(st, base + 17, r->return_reason);
    if (r->resolved >= 0)
        db_bind_int(st, base + 18, r->resolved);
    else
        db_bind_null(st, base + 18);
    if (r->satisfaction != SAT_NONE)
        bind_str(st, base + 19, request_satisfaction_code(r->satisfaction));
    else
        db_bind_null(st, base + 19);
    db_bind_int(st, base + 20, r->attempts);
    db_bind_int(st, base + 21, r->returns);
    db_bind_int(st, base + 22, r->reopens);
    db_bind_int(st, base + 23, r->extensions);
    bind_time(st, base + 24, r->ext_due);
    bind_str(st, base + 25, r->ext_reason);
    db_bind_int(st, base + 26, r->unreachable);
    bind_id(st, base + 27, r->duplicate_of);
    bind_id(st, base + 32, r->first_unit_id);
    bind_id(st, base + 33, r->returned_unit_id);
}

/* Write what the workflow changes (state, clocks, answers, counters) with a version check. */
static int changes_write(struct db *db, const struct request *r, time_t now, const char *actor)
{
    struct db_stmt *st = db_prepare(
        db, "UPDATE request SET status = ?1, unit_id = ?2, level = ?3, first_dispatched_at = ?4,"
            " dispatched_at = ?5, accept_due = ?6, accepted_at = ?7, contact_due = ?8,"
            " contacted_at = ?9, resolve_due = ?10, replied_at = ?11, followup_due = ?12,"
            " closed_at = ?13, due = ?14, answer = ?15, close_reason = ?16, return_reason = ?17,"
            " resolved = ?18, satisfaction = ?19, attempts = ?20, returns = ?21, reopens = ?22,"
            " extensions = ?23, ext_due = ?24, ext_reason = ?25, unreachable = ?26,"
            " duplicate_of = ?27, first_unit_id = ?32, returned_unit_id = ?33,"
            " version = version + 1, updated_at = ?28, updated_by = ?29"
            " WHERE id = ?30 AND version = ?31");
    changes_bind(st, 0, r);
    bind_time(st, 28, now);
    db_bind_text(st, 29, actor);
    db_bind_int(st, 30, r->id);
    db_bind_int(st, 31, r->version);
    int rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    return db_changes(db) ? DB_OK : DB_CONFLICT;
}

static int request_insert(struct db *db, struct request *r, const char *actor, time_t now)
{
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO request (number, status, channel, kind, category, item_id, unit_id,"
            " requester_kind, resident_id, requester, requester_phone, building_id, grid_id,"
            " community_id, level, talk_id, title, detail, accept_minutes, resolve_amount,"
            " resolve_unit, created_at, created_by, updated_at, updated_by, organisation_id)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
            " ?18, ?19, ?20, ?21, ?22, ?23, ?22, ?23, ?24)");
    db_bind_text(st, 1, r->number);
    db_bind_text(st, 2, request_state_code(r->state));
    db_bind_text(st, 3, r->channel);
    db_bind_text(st, 4, r->kind);
    db_bind_text(st, 5, r->category);
    bind_id(st, 6, r->item_id);
    bind_id(st, 7, r->unit_id);
    db_bind_text(st, 8, request_requester_code(r->requester_kind));
    bind_id(st, 9, r->resident_id);
    db_bind_text(st, 10, r->requester);
    db_bind_text(st, 11, r->requester_phone);
    bind_id(st, 12, r->building_id);
    bind_id(st, 13, r->grid_id);
    bind_id(st, 14, r->community_id);
    db_bind_int(st, 15, r->level);
    bind_id(st, 16, r->talk_id);
    db_bind_text(st, 17, r->title);
    db_bind_text(st, 18, r->detail);
    db_bind_int(st, 19, r->accept_minutes);
    db_bind_int(st, 20, r->resolve_amount);
    db_bind_text(st, 21, r->resolve_unit == 'h' ? "hour" : "day");
    bind_time(st, 22, now);
    db_bind_text(st, 23, actor);
    bind_id(st, 24, r->organisation_id);
    int rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    r->id = db_last_id(db);
    r->version = 1;
    return DB_OK;
}

/*
** A new request names a resident who can still ask: not one recorded as
** deceased, nor a record merged into another. DB_OK, DB_INVALID with *why,
** or an error.
*/
static int requester_alive(struct db *db, int64_t resident_id, const char **why)
{
    if (!resident_id) return DB_OK;
    struct db_stmt *st = db_prepare(db, "SELECT status FROM resident WHERE id = ?1");
    db_bind_int(st, 1, resident_id);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        const char *status = db_col_text(st, 0);
        if (str_eq(status, "deceased"))
            *why =
                _("the resident is recorded as deceased: a new request cannot be filed for them");
        else if (str_eq(status, "merged"))
            *why = _("that record was merged into another: file the request on the record kept");
        rc = *why ? DB_INVALID : DB_OK;
    } else if (rc == DB_DONE) {
        rc = DB_NOTFOUND;
    }
    db_finalize(st);
    return rc;
}

/*
** request_create() for an actor whose role holds right (refused with
** right_why when it does not).
*/
static int create_as(struct db *db, struct request *r, enum request_action then,
                     const struct workflow_input *in, const char *actor, time_t now,
                     const char **why, unsigned right, const char *right_why)
{
    *why = NULL;
    struct workcal cal;
    int rc = calendar_load(db, &cal);
    if (rc != DB_OK) {
        workcal_free(&cal);
        return rc;
    }
    struct request work;
    request_copy(&work, r);
    struct workflow_event reg, ev = {0};
    workflow_register(&work, now, &reg);
    /* A refusal by the workflow rolls everything back, the number too. */
    rc = db_write_begin(db);
    struct tm tm;
    localtime_r(&now, &tm);
    char number[16];
    unsigned part = 0;
    if (rc == DB_OK && (rc = user_allowed(db, actor, right)) == DB_DENIED) *why = right_why;
    /* A building chief's requests are their buildings': one taken down elsewhere would vanish
     * from their worklist the moment it was saved. */
    if (rc == DB_OK && (rc = user_building_allowed(db, actor, work.building_id)) == DB_DENIED)
        *why = _("A building chief takes requests down for their own buildings only");
    if (rc == DB_OK && then != RA_REGISTER) {
        rc = may_act(db, &work, then, actor, &part, why); /* work is 已登记 by now */
        /* Whoever may take it down has it sent to its item's unit by the program itself. */
        if (rc == DB_DENIED && then == RA_DISPATCH && work.unit_id) {
            rc = DB_OK;
            part = ROLE_SYSTEM;
            *why = NULL;
        }
    }
    if (rc == DB_OK) rc = requester_alive(db, work.resident_id, why);
    if (rc == DB_OK) rc = next_number(db, tm.tm_year + 1900, number);
    if (rc == DB_OK) {
        record_set(&work.number, number);
        rc = request_insert(db, &work, actor, now);
    }
    if (rc == DB_OK) rc = event_insert(db, work.id, &reg, now, actor);
    if (rc == DB_OK) rc = step_audited(db, &work, &reg, actor);
    if (rc == DB_OK && then != RA_REGISTER) {
        rc = workflow_apply(&work, then, in, part, now, &cal, &ev, why) == 0 ? DB_OK : DB_INVALID;
        if (rc == DB_OK) rc = changes_write(db, &work, now, actor);
        if (rc == DB_OK) {
            work.version++;
            rc = event_insert(db, work.id, &ev, now, actor);
        }
        if (rc == DB_OK) rc = step_audited(db, &work, &ev, actor);
    }
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    free(reg.text);
    free(ev.text);
    workcal_free(&cal);
    if (rc == DB_OK) {
        int64_t id = work.id;
        request_free(&work);
        request_free(r);
        rc = request_get(db, id, r);
    } else {
        request_free(&work);
    }
    return rc;
}

int request_create(struct db *db, struct request *r, enum request_action then,
                   const struct workflow_input *in, const char *actor, time_t now, const char **why)
{
    return create_as(db, r, then, in, actor, now, why, RIGHT_TAKE_DOWN,
                     _("Your role may not take requests down"));
}

int request_create_kiosk(struct db *db, struct request *r, const char *actor, time_t now,
                         const char **why)
{
    if (!str_eq(r->channel, "kiosk") || r->unit_id || r->resident_id) {
        *why = _("A kiosk leaves a request of its own channel, for no unit and no resident");
        return DB_INVALID;
    }
    return create_as(db, r, RA_REGISTER, NULL, actor, now, why, RIGHT_KIOSK_ONLY,
                     _("Only a self-service kiosk leaves requests this way"));
}

/*
** A stored request as the generator made it: the workflow's fields numbered
** as changes_bind() binds them, then ?30 the id, ?31 the version (that of a
** request written and then changed once) and ?34.. what intake sets. Rows
** after the first number their values from 54 * row + 1 on.
**
** OR FAIL, here and for the timeline rows: an INSERT of many rows that could
** stop halfway with ABORT keeps a statement journal, a copy of every page it
** changes that the transaction had already changed (a few dozen pages a
** statement, 1.5 million page writes to a temporary file at 500,000
** requests). A failing row ends the generation and its whole transaction is
** rolled back, so undoing only the statement is never needed.
*/
static const char history_columns[] =
    "INSERT OR FAIL INTO request (status, unit_id, level, first_dispatched_at, dispatched_at,"
    " accept_due, accepted_at, contact_due, contacted_at, resolve_due, replied_at, followup_due,"
    " closed_at, due, answer, close_reason, return_reason, resolved, satisfaction, attempts,"
    " returns, reopens, extensions, ext_due, ext_reason, unreachable, duplicate_of, updated_at,"
    " updated_by, id, version, first_unit_id, returned_unit_id, number, channel, kind, category,"
    " item_id, requester_kind, resident_id, requester, requester_phone, building_id, grid_id,"
    " community_id, talk_id, title, detail, accept_minutes, resolve_amount, resolve_unit,"
    " created_at, created_by, organisation_id) VALUES ";
#define HISTORY_REQUEST_VALUES 54

/* The timeline rows' columns, each row's 9 values bound by event_bind(). */
static const char history_event_columns[] =
    "INSERT OR FAIL INTO request_event (request_id, at, actor, role, action, from_state, to_state,"
    " unit_id, text) VALUES ";
#define HISTORY_EVENT_VALUES 9

/*
** Rows go in HISTORY_ROWS (requests) and HISTORY_EVENT_ROWS (timeline rows)
** to an INSERT: SQLite opens the table and its indexes once for them all
** instead of once a row. A shorter rest goes in by INSERTs of 2^k rows, each
** prepared once (HISTORY_SIZES of them).
*/
#define HISTORY_SIZES      7
#define HISTORY_ROWS       32
#define HISTORY_EVENT_ROWS 64

struct request_history {
    struct db *db;
    /* [k]: the INSERT of 2^k rows, prepared when first needed and kept for the generation */
    struct db_stmt *request[HISTORY_SIZES], *event[HISTORY_SIZES];
    struct db_stmt *last; /* the largest request id */
    /* Written, not yet stored: the caller keeps them until request_history_flush() */
    struct request *pending[HISTORY_ROWS];
    const struct reqgen_event *events[HISTORY_ROWS];
    size_t nevents[HISTORY_ROWS];
    size_t npending;
};

/*
** The indexes of request and request_event stay while the history is
** written: the generator writes in time order, so each full index grows at
** its end (created_at, request_id first) or at a few places (a unit's, a
** level's, a clerk's), which costs less than reading the whole table again
** to build each (CPU 14.5 s against 19.8 s for 500,000 requests, medians of
** 3). Only a generation an earlier bangban stopped midway left some dropped,
** their statements noted under this meta key: the finish builds those.
*/
#define HISTORY_INDEXES_KEY "demo_requests_indexes"

int request_history_begin(struct db *db, struct request_history **out)
{
    *out = NULL;
    /*
    ** 64 MiB: what the generation writes stays in memory between commits
    ** instead of spilling. No foreign-key look-ups (about ten a request): every
    ** id the generator writes was read from this database, and units, items,
    ** places and residents are never deleted (bangban check still checks them).
    ** No CHECK constraints evaluated: the generator writes only what the
    ** workflow allows, and SQLite built a table for the requester kind's
    ** IN (...) list again for every row (7 % of this thread's instructions;
    ** bangban check's integrity check still checks them).
    */
    int rc = db_cache_load(db, 64);
    if (rc == DB_OK)
        rc = db_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = 1");
    if (rc != DB_OK) return rc;
    struct request_history *h = xcalloc(1, sizeof *h);
    h->db = db;
    *out = h;
    return DB_OK;
}

int request_history_finish(struct request_history *h)
{
    int rc = request_history_flush(h);
    char *noted = rc == DB_OK ? db_meta_get(h->db, HISTORY_INDEXES_KEY) : NULL;
    if (noted && *noted) {
        rc = db_index_build(h->db, noted);
        if (rc == DB_OK) rc = db_meta_set(h->db, HISTORY_INDEXES_KEY, "");
    }
    free(noted);
    return rc;
}

/* Bind what intake sets to ?34..?54 of the history insert, each past base. */
static void intake_bind(struct db_stmt *st, int base, const struct request *r)
{
    bind_str(st, base + 34, r->number);
    bind_str(st, base + 35, r->channel);
    bind_str(st, base + 36, r->kind);
    bind_str(st, base + 37, r->category);
    bind_id(st, base + 38, r->item_id);
    bind_str(st, base + 39, request_requester_code(r->requester_kind));
    bind_id(st, base + 40, r->resident_id);
    bind_str(st, base + 41, r->requester);
    bind_str(st, base + 42, r->requester_phone);
    bind_id(st, base + 43, r->building_id);
    bind_id(st, base + 44, r->grid_id);
    bind_id(st, base + 45, r->community_id);
    bind_id(st, base + 46, r->talk_id);
    bind_str(st, base + 47, r->title);
    bind_str(st, base + 48, r->detail);
    db_bind_int(st, base + 49, r->accept_minutes);
    db_bind_int(st, base + 50, r->resolve_amount);
    bind_str(st, base + 51, r->resolve_unit == 'h' ? "hour" : "day");
    bind_time(st, base + 52, r->created_at);
    bind_str(st, base + 53, r->created_by);
    bind_id(st, base + 54, r->organisation_id);
}

/* The INSERT of 2^k rows of history, prepared the first time. */
static struct db_stmt *history_stmt(struct request_history *h, int events, int k)
{
    struct db_stmt **st = events ? &h->event[k] : &h->request[k];
    if (*st) return *st;
    int values = events ? HISTORY_EVENT_VALUES : HISTORY_REQUEST_VALUES;
    struct strbuf sql;
    strbuf_init(&sql);
    strbuf_adds(&sql, events ? history_event_columns : history_columns);
    for (int row = 0; row < 1 << k; row++) {
        strbuf_adds(&sql, row ? ",(" : "(");
        for (int v = 1; v <= values; v++)
            strbuf_addf(&sql, v > 1 ? ",?%d" : "?%d", row * values + v);
        strbuf_adds(&sql, ")");
    }
    *st = db_prepare(h->db, strbuf_str(&sql));
    strbuf_free(&sql);
    return *st;
}

/* Bind request r (stored as id) as row `row` of an INSERT of history_columns. */
static void history_bind(struct db_stmt *st, int row, struct request *r, int64_t id)
{
    int base = row * HISTORY_REQUEST_VALUES;
    r->id = id;
    r->version = 2;
    changes_bind(st, base, r);
    bind_time(st, base + 28, r->updated_at);
    bind_str(st, base + 29, r->updated_by);
    db_bind_int(st, base + 30, id);
    db_bind_int(st, base + 31, r->version);
    intake_bind(st, base, r);
}

/* Step and reset st, an INSERT. DB_OK or an error. */
static int history_step(struct db_stmt *st)
{
    int rc = db_step(st);
    db_reset(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** The pending requests from `from` on (n of them, the first to be stored as
** id), by INSERTs of HISTORY_ROWS and then of 2^k rows. DB_OK or an error.
*/
static int history_requests(struct request_history *h, size_t from, size_t n, int64_t id)
{
    int rc = DB_OK;
    for (int k = HISTORY_SIZES - 1; k >= 0 && rc == DB_OK; k--) {
        size_t rows = (size_t)1 << k;
        if (rows > HISTORY_ROWS) continue;
        while (n >= rows && rc == DB_OK) {
            struct db_stmt *st = history_stmt(h, 0, k);
            for (size_t i = 0; i < rows; i++)
                history_bind(st, (int)i, h->pending[from + i], id + (int64_t)(from + i));
            rc = history_step(st);
            from += rows;
            n -= rows;
        }
    }
    return rc;
}

/* The timelines of the pending requests (stored already, ids set), in order. DB_OK or an error. */
static int history_events(struct request_history *h)
{
    /* Each timeline row as (request, event): walked in order, bound in runs of 2^k. */
    size_t total = 0;
    for (size_t i = 0; i < h->npending; i++)
        total += h->nevents[i];
    size_t req = 0, ev = 0; /* the next row to bind */
    int rc = DB_OK;
    for (int k = HISTORY_SIZES - 1; k >= 0 && rc == DB_OK; k--) {
        size_t rows = (size_t)1 << k;
        if (rows > HISTORY_EVENT_ROWS) continue;
        while (total >= rows && rc == DB_OK) {
            struct db_stmt *st = history_stmt(h, 1, k);
            for (size_t i = 0; i < rows; i++) {
                while (ev == h->nevents[req]) {
                    req++;
                    ev = 0;
                }
                const struct reqgen_event *e = &h->events[req][ev++];
                event_bind(st, (int)i * HISTORY_EVENT_VALUES, h->pending[req]->id, &e->ev, e->at,
                           e->actor);
            }
            rc = history_step(st);
            total -= rows;
        }
    }
    return rc;
}

int request_history_flush(struct request_history *h)
{
    if (!h->npending) return DB_OK;
    /* The ids SQLite would give (one past the largest), read now: a desk may have added some. */
    if (!h->last) h->last = db_prepare(h->db, "SELECT coalesce(max(id), 0) FROM request");
    int rc = db_step(h->last);
    int64_t last = rc == DB_ROW ? db_col_int(h->last, 0) : 0;
    db_reset(h->last);
    rc = rc == DB_ROW ? DB_OK : rc;
    if (rc == DB_OK) rc = history_requests(h, 0, h->npending, last + 1);
    if (rc == DB_OK) rc = history_events(h);
    h->npending = 0;
    return rc;
}

int request_history_write(struct request_history *h, struct request *r,
                          const struct reqgen_event *ev, size_t n)
{
    h->pending[h->npending] = r;
    h->events[h->npending] = ev;
    h->nevents[h->npending] = n;
    return ++h->npending == HISTORY_ROWS ? request_history_flush(h) : DB_OK;
}

void request_history_end(struct request_history *h)
{
    if (!h) return;
    for (int k = 0; k < HISTORY_SIZES; k++) {
        db_finalize(h->request[k]);
        db_finalize(h->event[k]);
    }
    db_finalize(h->last);
    /* Back to what db_open() sets: a desk's private cache stays small. */
    db_cache_load(h->db, 0);
    db_exec(h->db, "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = 0");
    free(h);
}

int request_history_analyze(struct db *db)
{
    /*
    ** Only what the generation wrote: the residents' statistics stand as they
    ** were. The queues need request's (a chief's worklist: 19 ms against 460
    ** ms at p99 without them); a timeline is only ever read by its request,
    ** by its one index whatever the statistics, so request_event's 3 million
    ** rows are not read again for them (0.3 s at 500,000 requests). Nor is
    ** request_rates, half of what analysing request reads (0.22 of 0.45 s): it
    ** is only ever searched by a range of its first column, created_at, which
    ** SQLite weighs without statistics, and its other 17 columns are what the
    ** rates read, never searched. Nor the number's unique index: one row a
    ** number, which SQLite knows from its being unique.
    */
    struct db_stmt *st =
        db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'index'"
                       " AND tbl_name = 'request' AND sql IS NOT NULL AND name <> 'request_rates'");
    struct strbuf sql = STRBUF_INIT;
    strbuf_adds(&sql, "ANALYZE evening_talk; DELETE FROM sqlite_stat1 WHERE tbl = 'request'");
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        strbuf_addf(&sql, "; ANALYZE \"%s\"", db_col_text(st, 0));
    db_finalize(st);
    rc = rc == DB_DONE ? db_write_begin(db) : rc;
    if (rc == DB_OK) rc = db_exec(db, strbuf_str(&sql));
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    strbuf_free(&sql);
    return rc;
}

int request_seq_raise(struct db *db, int year, int64_t last)
{
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO request_seq (year, last) VALUES (?1, ?2)"
            " ON CONFLICT (year) DO UPDATE SET last = max(request_seq.last, excluded.last)");
    db_bind_int(st, 1, year);
    db_bind_int(st, 2, last);
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* The last event of a request, for telling a desk that lost a race what happened. */
int request_progress_times(struct db *db, const int64_t *ids, size_t n, time_t *out)
{
    struct strbuf sql = STRBUF_INIT;
    strbuf_adds(&sql,
                "SELECT max(at) FROM request_event WHERE request_id = ?1 AND action NOT IN (");
    for (int a = 0, first = 1; a < RA_COUNT; a++)
        if (!workflow_action_progresses((enum request_action)a)) {
            strbuf_addf(&sql, "%s'%s'", first ? "" : ", ",
                        workflow_action_code((enum request_action)a));
            first = 0;
        }
    strbuf_adds(&sql, ")");
    struct db_stmt *st = db_prepare(db, strbuf_str(&sql));
    strbuf_free(&sql);
    int rc = DB_OK;
    for (size_t i = 0; i < n && rc == DB_OK; i++) {
        db_bind_int(st, 1, ids[i]);
        rc = db_step(st);
        out[i] = rc == DB_ROW ? (time_t)db_col_int(st, 0) : 0;
        rc = rc == DB_ROW ? DB_OK : rc;
        db_reset(st);
    }
    db_finalize(st);
    return rc;
}

static int last_event(struct db *db, int64_t id, struct request_event_row *out);

int request_act(struct db *db, struct request *r, enum request_action a,
                const struct workflow_input *in, const char *actor, time_t now, const char **why,
                struct request *current, struct request_event_row *last)
{
    *why = NULL;
    struct workcal cal;
    int rc = calendar_load(db, &cal);
    if (rc != DB_OK) {
        workcal_free(&cal);
        return rc;
    }
    struct request stored;
    struct workflow_event ev = {0};
    rc = db_write_begin(db);
    int began = rc == DB_OK;
    if (rc == DB_OK) rc = request_get(db, r->id, &stored);
    if (rc == DB_OK && stored.version != r->version) {
        db_rollback(db);
        if (last && last_event(db, r->id, last) != DB_OK) memset(last, 0, sizeof *last);
        if (current)
            *current = stored;
        else
            request_free(&stored);
        workcal_free(&cal);
        return DB_CONFLICT;
    }
    if (rc == DB_OK) {
        unsigned part = 0;
        rc = may_act(db, &stored, a, actor, &part, why);
        if (rc == DB_OK)
            rc =
                workflow_apply(&stored, a, in, part, now, &cal, &ev, why) == 0 ? DB_OK : DB_INVALID;
        if (rc == DB_OK) rc = changes_write(db, &stored, now, actor);
        if (rc == DB_OK) rc = event_insert(db, stored.id, &ev, now, actor);
        if (rc == DB_OK) rc = step_audited(db, &stored, &ev, actor);
        if (rc == DB_OK)
            rc = db_commit(db);
        else
            db_rollback(db);
        request_free(&stored);
    } else if (began) {
        db_rollback(db);
    }
    free(ev.text);
    workcal_free(&cal);
    if (rc == DB_OK) {
        int64_t id = r->id;
        request_free(r);
        rc = request_get(db, id, r);
    }
    return rc;
}

/* Write what a correction may change, version checked. */
static int correction_write(struct db *db, const struct request *r, time_t now, const char *actor)
{
    struct db_stmt *st = db_prepare(
        db, "UPDATE request SET category = ?1, item_id = ?2, requester_kind = ?3, resident_id = ?4,"
            " requester = ?5, requester_phone = ?6, building_id = ?7, grid_id = ?8,"
            " community_id = ?9, title = ?10, detail = ?11, channel = ?16, kind = ?17,"
            " talk_id = ?18, organisation_id = ?19, version = version + 1,"
            " updated_at = ?12, updated_by = ?13 WHERE id = ?14 AND version = ?15");
    db_bind_text(st, 1, r->category);
    bind_id(st, 2, r->item_id);
    db_bind_text(st, 3, request_requester_code(r->requester_kind));
    bind_id(st, 4, r->resident_id);
    db_bind_text(st, 5, r->requester);
    db_bind_text(st, 6, r->requester_phone);
    bind_id(st, 7, r->building_id);
    bind_id(st, 8, r->grid_id);
    bind_id(st, 9, r->community_id);
    db_bind_text(st, 10, r->title);
    db_bind_text(st, 11, r->detail);
    bind_time(st, 12, now);
    db_bind_text(st, 13, actor);
    db_bind_int(st, 14, r->id);
    db_bind_int(st, 15, r->version);
    db_bind_text(st, 16, r->channel);
    db_bind_text(st, 17, r->kind);
    bind_id(st, 18, r->talk_id);
    bind_id(st, 19, r->organisation_id);
    int rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    return db_changes(db) ? DB_OK : DB_CONFLICT;
}

int request_correct(struct db *db, struct request *r, const char *actor, time_t now)
{
    struct request before, after;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = request_get(db, r->id, &before);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    unsigned part = 0;
    const char *why;
    rc = may_act(db, &before, RA_CORRECT, actor, &part, &why);
    if (rc == DB_OK)
        rc = before.version == r->version ? correction_write(db, r, now, actor) : DB_CONFLICT;
    if (rc == DB_OK) rc = request_get(db, r->id, &after);
    if (rc == DB_OK) {
        struct workflow_event ev = {RA_CORRECT, before.state, before.state, part, 0, NULL};
        ev.text = request_corrections(&before, &after);
        /* Nothing differs: the version moved for nothing, so nothing is written. */
        rc = *ev.text ? event_insert(db, r->id, &ev, now, actor) : DB_INVALID;
        if (rc == DB_OK) rc = step_audited(db, &after, &ev, actor);
        free(ev.text);
        request_free(&after);
    }
    request_free(&before);
    if (rc == DB_OK) rc = db_commit(db);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc == DB_INVALID ? DB_OK : rc;
    }
    int64_t id = r->id;
    request_free(r);
    return request_get(db, id, r);
}

void request_event_row_free(struct request_event_row *e)
{
    free(e->actor);
    free(e->role);
    free(e->unit);
    free(e->text);
    memset(e, 0, sizeof *e);
}

void request_events_free(struct request_events *e)
{
    for (size_t i = 0; i < e->n; i++)
        request_event_row_free(&e->v[i]);
    free(e->v);
    e->v = NULL;
    e->n = 0;
}

#define EVENT_SELECT                                                                               \
    "SELECT e.id, e.at, e.actor, e.role, e.action, e.from_state, e.to_state,"                      \
    " coalesce(u.name, ''), e.text, EXISTS (SELECT 1 FROM \"user\" h WHERE h.login = e.actor"      \
    " AND h.role = 'unit') FROM request_event e LEFT JOIN unit u ON u.id = e.unit_id"

static void event_read(struct db_stmt *st, void *slot)
{
    struct request_event_row *e = slot;
    e->id = db_col_int(st, 0);
    e->at = col_time(st, 1);
    e->actor = db_col_dup(st, 2);
    e->role = db_col_dup(st, 3);
    int a = workflow_action_parse(db_col_text(st, 4));
    e->action = a < 0 ? RA_NOTE : (enum request_action)a;
    int s = request_state_parse(db_col_text(st, 5));
    e->from = s < 0 ? RS_NEW : (enum request_state)s;
    s = request_state_parse(db_col_text(st, 6));
    e->to = s < 0 ? RS_NEW : (enum request_state)s;
    e->unit = db_col_dup(st, 7);
    e->text = db_col_dup(st, 8);
    e->by_handler = (int)db_col_int(st, 9);
}

int request_events(struct db *db, int64_t id, struct request_events *out)
{
    struct db_stmt *st = db_prepare(db, EVENT_SELECT " WHERE e.request_id = ?1 ORDER BY e.id");
    db_bind_int(st, 1, id);
    int rc;
    out->v = db_collect(st, sizeof *out->v, event_read, &out->n, &rc);
    if (rc != DB_OK) request_events_free(out);
    return rc;
}

static int last_event(struct db *db, int64_t id, struct request_event_row *out)
{
    struct db_stmt *st =
        db_prepare(db, EVENT_SELECT " WHERE e.request_id = ?1 ORDER BY e.id DESC LIMIT 1");
    db_bind_int(st, 1, id);
    return db_read_one(st, event_read, out);
}

/* --- queues -------------------------------------------------------------------------------- */

/* The states a request is still open in: all but answered, void and closed. */
#define OPEN_STATUSES                                                                              \
    "('new', 'dispatched', 'returned', 'accepted', 'in_progress', 'suspended', 'replied',"         \
    " 'follow_up', 'reopened')"

/* Each queue's requests, over request r; ?1 now, ?2 actor, ?3 start of today. */
static const char *const queue_where[QUEUE_COUNT] = {
    [QUEUE_OPEN] = "r.status IN " OPEN_STATUSES,
    [QUEUE_NEW] = "r.status = 'new'",
    [QUEUE_DISPATCHED] = "r.status = 'dispatched'",
    [QUEUE_HANDLING] = "r.status IN ('accepted', 'in_progress', 'suspended', 'reopened')",
    [QUEUE_OVERDUE] = "r.due IS NOT NULL AND r.due < ?1",
    [QUEUE_FOLLOW_UP] = "r.status IN ('replied', 'follow_up')",
    [QUEUE_RETURNED] = "r.status = 'returned'",
    [QUEUE_EXTENSION] = "r.ext_due IS NOT NULL",
    [QUEUE_MINE] = "r.created_by = ?2 AND r.created_at >= ?3",
    /* From a building, closed in the last 60 days (older ones were told, or never will be). */
    [QUEUE_TELL_BACK] = "r.status IN ('closed', 'answered') AND r.building_id IS NOT NULL"
                        " AND r.closed_at >= ?1 - 5184000"
                        " AND NOT EXISTS (SELECT 1 FROM request_told t WHERE t.request_id = r.id)",
    [QUEUE_ALL] = "1",
    [QUEUE_KIOSK] = "r.status = 'new' AND r.channel = 'kiosk'",
};

/*
** Sort orders: for every request ("All"), and for a queue of open ones,
** which is found by its own index and then sorted: "+r." keeps it from
** walking the whole table in time order instead.
*/
static const struct {
    const char *label;
    const char *order, *order_open;
} sorts[SORT_COUNT] = {
    [SORT_DUE] = {N_("by deadline"), "r.due IS NULL, r.due, r.id", "r.due IS NULL, r.due, r.id"},
    [SORT_NEWEST] = {N_("newest first"), "r.created_at DESC, r.id DESC",
                     "+r.created_at DESC, r.id DESC"},
    [SORT_OLDEST] = {N_("oldest first"), "r.created_at, r.id", "+r.created_at, r.id"},
    [SORT_UNIT] = {N_("by unit"), "u.name COLLATE zh, r.id", "u.name COLLATE zh, r.id"},
    [SORT_REQUESTER] = {N_("by requester"), "r.requester COLLATE zh, r.id",
                        "r.requester COLLATE zh, r.id"},
};

const char *request_sort_label(enum request_sort s)
{
    return s < SORT_COUNT ? sorts[s].label : "";
}

/* True for a queue of requests open or not, walked in time order rather than found by state. */
static int request_queue_many(enum request_queue q)
{
    return q == QUEUE_ALL || q == QUEUE_MINE;
}

int request_sort_offered(enum request_queue q, enum request_sort s)
{
    return s < SORT_COUNT && (q != QUEUE_ALL || s == SORT_NEWEST || s == SORT_OLDEST);
}

/* True when text is a request number or a piece of one: digits, maybe with a dash. */
static int number_like(const char *text)
{
    int digits = 0;
    for (const char *p = text; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p != '-')
            return 0;
    }
    return digits > 0;
}

/*
** The text to search for as f gives it, normalised; digits written in
** groups (138-1234-5678, 138 1234 5678) joined as the resident search
** joins them (search_classify()), unless the text is shaped as a request
** number (2026-000123 and its beginnings: a year, a dash, digits). Caller
** frees.
*/
static char *filter_text(const struct request_filter *f)
{
    char *text = text_normalize(f->text ? f->text : "", 0);
    int year = (strncmp(text, "19", 2) == 0 || strncmp(text, "20", 2) == 0) && strlen(text) > 4 &&
               text[4] == '-' && !strchr(text + 5, '-') && !strchr(text, ' ');
    struct search_query q;
    search_classify(text, &q);
    if (!year && q.kind == SEARCH_DIGITS && !strchr(q.text, 'X')) {
        free(text);
        return q.text;
    }
    free(q.text);
    return text;
}

/* Digits in text. */
static size_t digits_in(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p; p++)
        n += *p >= '0' && *p <= '9';
    return n;
}

/*
** The residents who raised a request that text finds as the resident
** search finds them (the pinyin or initials of a name, the last digits of
** an ID or mobile number), as " OR r.resident_id IN (...)", or "" when it
** finds none or is too short to mean one person. Caller frees.
*/
static char *residents_matching(struct db *db, const char *text)
{
    struct search_query q;
    search_classify(text, &q);
    /* A piece of a name is in the requester's name the request keeps (instr, filter_where()). */
    int useful =
        (q.kind == SEARCH_DIGITS && q.chars >= 4) || (q.kind == SEARCH_PINYIN && q.chars >= 2);
    free(q.text);
    struct resident_hits hits = {0};
    /* Among those who raised one (moved out since too): not the first of the district's 王建国s. */
    static const struct resident_filter raised = {.all = 1, .with_requests = 1};
    if (!useful ||
        resident_search_filtered(db, text, REQUEST_RESIDENTS_MATCHED, &raised, &hits) != DB_OK ||
        !hits.n) {
        resident_hits_free(&hits);
        return xstrdup("");
    }
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, " OR r.resident_id IN (");
    for (size_t i = 0; i < hits.n; i++)
        strbuf_addf(&sb, "%s%lld", i ? "," : "", (long long)hits.items[i].id);
    strbuf_addc(&sb, ')');
    resident_hits_free(&hits);
    return strbuf_detach(&sb);
}

/*
** The where of queue q filtered by f and text: a number or its last digits
** (and, from 4 digits, the last digits of the requester's phone), or a
** piece of the requester or the title; who (residents_matching()) widens
** either to those residents' requests.
*/
static char *filter_where(enum request_queue q, const struct request_filter *f, const char *text,
                          const char *who, const char *scope)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "(%s)", queue_where[q]);
    if (f->unit_id) strbuf_adds(&sb, " AND r.unit_id = ?4");
    if (f->level >= 0) strbuf_adds(&sb, " AND r.level = ?5");
    if (f->talk_id) strbuf_adds(&sb, " AND r.talk_id = ?6");
    if (f->resident_id) strbuf_adds(&sb, " AND r.resident_id = ?9");
    if (f->community_id) strbuf_adds(&sb, " AND r.community_id = ?10");
    if (f->grid_id) strbuf_adds(&sb, " AND r.grid_id = ?11");
    if (f->from) strbuf_adds(&sb, " AND r.created_at >= ?12");
    if (f->to) strbuf_adds(&sb, " AND r.created_at < ?13");
    if (f->channel && *f->channel) strbuf_adds(&sb, " AND r.channel = ?14");
    if (f->category && *f->category) strbuf_adds(&sb, " AND r.category = ?15");
    if (f->state && *f->state) strbuf_adds(&sb, " AND r.status = ?16");
    if (f->street_id)
        strbuf_adds(&sb, " AND r.community_id IN (SELECT id FROM community WHERE street_id = ?17)");
    if (f->organisation_id) strbuf_adds(&sb, " AND r.organisation_id = ?18");
    if (*scope) strbuf_addf(&sb, " AND %s", scope);
    if (*text && number_like(text) && strchr(text, '-'))
        strbuf_adds(&sb, " AND r.number >= ?7 AND r.number < ?7 || '~'"); /* 2026-0001… */
    else if (*text && number_like(text))
        strbuf_addf(&sb, " AND (r.number LIKE '%%' || ?7%s%s)", /* the last digits */
                    digits_in(text) >= 4 ? " OR r.requester_phone LIKE '%' || ?7" : "", who);
    else if (*text)
        strbuf_addf(&sb, " AND (instr(r.requester, ?7) > 0 OR instr(r.title, ?7) > 0%s)", who);
    return strbuf_detach(&sb);
}

static void bind_filter(struct db_stmt *st, const struct request_filter *f, const char *text)
{
    time_t t = f->now ? f->now : clock_now();
    struct tm tm;
    localtime_r(&t, &tm);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    db_bind_int(st, 1, (int64_t)t);
    db_bind_text(st, 2, f->actor ? f->actor : "");
    db_bind_int(st, 3, (int64_t)mktime(&tm));
    db_bind_int(st, 4, f->unit_id);
    db_bind_int(st, 5, f->level);
    db_bind_int(st, 6, f->talk_id);
    db_bind_text(st, 7, text);
    db_bind_int(st, 9, f->resident_id);
    db_bind_int(st, 10, f->community_id);
    db_bind_int(st, 11, f->grid_id);
    db_bind_int(st, 12, (int64_t)f->from);
    db_bind_int(st, 13, (int64_t)f->to);
    db_bind_text(st, 14, f->channel ? f->channel : "");
    db_bind_text(st, 15, f->category ? f->category : "");
    db_bind_text(st, 16, f->state ? f->state : "");
    db_bind_int(st, 17, f->street_id);
    db_bind_int(st, 18, f->organisation_id);
}

/*
** A unit's clocks run until it replies; the callback's after it are the
** centre's: a unit handler's overdue requests are those late on its own.
*/
#define UNIT_CLOCKS "r.status NOT IN ('replied', 'follow_up')"

/*
** The bound login's scope puts on every queue, as SQL over r: a unit
** handler's unit ("r.unit_id = 7"), a building chief's buildings; "" for
** anyone else, or no login. Into *out (caller frees); *unit (may be NULL)
** gets whether it is a unit handler's (UNIT_CLOCKS). DB_OK or an error.
*/
static int scope_where(struct db *db, const char *login, char **out, int *unit)
{
    *out = xstrdup("");
    if (unit) *unit = 0;
    if (str_empty(login)) return DB_OK;
    int64_t n;
    int rc = user_count(db, &n);
    if (rc != DB_OK || !n) return rc;
    struct user u;
    rc = user_find(db, login, &u);
    if (rc == DB_NOTFOUND) {
        free(*out);
        *out = xstrdup("0"); /* no user of bangban: no request */
        return DB_OK;
    }
    if (rc != DB_OK) return rc;
    const struct role *role = roles_find(u.role);
    free(*out);
    if (u.retired)
        *out = xstrdup("0");
    else if (role == roles_get(ROLE_ID_UNIT_HANDLER)) {
        *out = xasprintf("r.unit_id = %lld", (long long)(u.unit_id ? u.unit_id : -1));
        if (unit) *unit = 1;
    } else if (!roles_acts(u.role) && !roles_allow(u.role, RIGHT_TAKE_DOWN))
        *out = xstrdup("0"); /* no part in a request's life: no request */
    else if (role == roles_get(ROLE_ID_BUILDING_CHIEF))
        *out = xasprintf("r.building_id IN (SELECT building_id FROM user_building"
                         " WHERE user_id = %lld)",
                         (long long)u.id);
    else
        *out = xstrdup("");
    record_free(&user_record, &u);
    return DB_OK;
}

/*
** count(*) of request r where sql_where (?1 now) and scope, into *n. Three
** such counts read a unit's requests by request_unit (unit and state) and
** its overdue by request_due, and a chief's by request_building, never
** each request (6 ms for a unit with 19,677 of 500,000, against 45 ms in
** one statement reading each row's deadline).
*/
static int scope_count(struct db *db, const char *sql_where, const char *scope, time_t now,
                       int64_t *n)
{
    char *sql = xasprintf("SELECT count(*) FROM request r WHERE %s AND %s", sql_where, scope);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, (int64_t)now);
    int rc = db_step(st);
    *n = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    free(sql);
    return rc == DB_ROW ? DB_OK : rc;
}

int request_counts_of(struct db *db, const char *login, int *scoped, int64_t *all, int64_t *open,
                      int64_t *overdue, time_t now)
{
    char *scope;
    int unit;
    *scoped = 0;
    int rc = scope_where(db, login, &scope, &unit);
    if (rc == DB_OK && !*scope) {
        rc = request_counts(db, all, open, overdue, now);
    } else if (rc == DB_OK) {
        rc = scope_count(db, "1", scope, now, all);
        if (rc == DB_OK) rc = scope_count(db, "r.status IN " OPEN_STATUSES, scope, now, open);
        if (rc == DB_OK)
            rc = scope_count(db, unit ? "r.due < ?1 AND " UNIT_CLOCKS : "r.due < ?1", scope, now,
                             overdue);
        *scoped = rc == DB_OK;
    }
    free(scope);
    return rc;
}

/*
** The where of queue q as f filters it, text searched and f->scope_of's
** scope bounding it, into *out (caller frees). DB_OK or an error.
*/
static int where_for(struct db *db, enum request_queue q, const struct request_filter *f,
                     const char *text, char **out)
{
    char *scope;
    int unit;
    int rc = scope_where(db, f->scope_of, &scope, &unit);
    if (rc != DB_OK) {
        free(scope);
        return rc;
    }
    if (unit && q == QUEUE_OVERDUE) {
        char *own = xasprintf("%s AND " UNIT_CLOCKS, scope);
        free(scope);
        scope = own;
    }
    char *who = residents_matching(db, text);
    *out = filter_where(q, f, text, who, scope);
    free(who);
    free(scope);
    return DB_OK;
}

int request_in_scope(struct db *db, int64_t id, const char *login)
{
    char *scope;
    int rc = scope_where(db, login, &scope, NULL);
    if (rc != DB_OK) {
        free(scope);
        return rc;
    }
    char *sql = xasprintf("SELECT count(*) FROM request r WHERE r.id = ?1%s%s",
                          *scope ? " AND " : "", scope);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, id);
    rc = db_step(st) == DB_ROW ? (db_col_int(st, 0) ? DB_OK : DB_DENIED) : DB_ERROR;
    db_finalize(st);
    free(sql);
    free(scope);
    return rc;
}

int request_mark_told(struct db *db, const struct request *r, const char *actor, time_t now)
{
    if (!request_state_closed(r->state) || r->state == RS_VOID || !r->building_id)
        return DB_INVALID;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, RIGHT_TAKE_DOWN);
    if (rc == DB_OK) rc = request_in_scope(db, r->id, actor);
    if (rc == DB_OK) {
        struct db_stmt *st =
            db_prepare(db, "INSERT INTO request_told (request_id, told_at, told_by)"
                           " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
        db_bind_int(st, 1, r->id);
        bind_time(st, 2, now);
        db_bind_text(st, 3, actor);
        rc = db_step(st) == DB_DONE ? (db_changes(db) ? DB_OK : DB_INVALID) : DB_ERROR;
        db_finalize(st);
    }
    if (rc == DB_OK) {
        char subject[40];
        snprintf(subject, sizeof subject, "request:%lld", (long long)r->id);
        char *detail = xasprintf("%s told", r->number);
        rc = audit_append(db, actor, "request", subject, detail);
        free(detail);
    }
    if (rc == DB_OK) return db_commit(db);
    db_rollback(db);
    return rc;
}

int request_queue_each(struct db *db, enum request_queue q, const struct request_filter *f,
                       enum request_sort sort, request_visit visit, void *ctx)
{
    if (q >= QUEUE_COUNT || sort >= SORT_COUNT) return DB_INVALID;
    if (!request_sort_offered(q, sort)) sort = SORT_NEWEST;
    char *text = filter_text(f);
    char *where;
    int rc = where_for(db, q, f, text, &where);
    if (rc != DB_OK) {
        free(text);
        return rc;
    }
    const char *order = request_queue_many(q) ? sorts[sort].order : sorts[sort].order_open;
    char *sql = xasprintf(REQUEST_SELECT " WHERE %s ORDER BY %s", where, order);
    struct db_stmt *st = db_prepare(db, sql);
    bind_filter(st, f, text);
    while ((rc = db_step(st)) == DB_ROW) {
        struct request r;
        row_read(st, &r);
        int stop = visit(ctx, &r);
        request_free(&r);
        if (stop) {
            rc = DB_DONE;
            break;
        }
    }
    db_finalize(st);
    free(sql);
    free(where);
    free(text);
    return rc == DB_DONE ? DB_OK : rc;
}

int request_queue(struct db *db, enum request_queue q, const struct request_filter *f,
                  enum request_sort sort, size_t limit, struct request_list *out)
{
    memset(out, 0, sizeof *out);
    if (q >= QUEUE_COUNT || sort >= SORT_COUNT) return DB_INVALID;
    /*
    ** A queue of open requests is a few thousand rows at most: found by its
    ** index, then sorted. "All" is every request: only its time orders
    ** follow an index, so it is sorted by time alone.
    */
    if (!request_sort_offered(q, sort)) sort = SORT_NEWEST;
    char *text = filter_text(f);
    char *where;
    int wrc = where_for(db, q, f, text, &where);
    if (wrc != DB_OK) {
        free(text);
        return wrc;
    }
    const char *order = request_queue_many(q) ? sorts[sort].order : sorts[sort].order_open;
    /* The page is chosen on the narrow index first; only its rows are read whole. */
    char *sql = xasprintf(REQUEST_SELECT " WHERE r.id IN (SELECT r.id FROM request r"
                                         " LEFT JOIN unit u ON u.id = r.unit_id WHERE %s"
                                         " ORDER BY %s LIMIT ?8) ORDER BY %s",
                          where, order, order);
    struct db_stmt *st = db_prepare(db, sql);
    bind_filter(st, f, text);
    db_bind_int(st, 8, (int64_t)limit);
    int rc;
    out->items = db_collect(st, sizeof *out->items, row_read, &out->n, &rc);
    free(sql);
    out->total = (int64_t)out->n;
    if (rc == DB_OK && out->n == limit) {
        /* Counted up to a cap: "All" with a fragment typed would count every request. */
        sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM request r WHERE %s LIMIT %d)", where,
                        REQUEST_COUNT_CAP + 1);
        st = db_prepare(db, sql);
        bind_filter(st, f, text);
        rc = db_step(st) == DB_ROW ? DB_OK : DB_ERROR;
        out->total = db_col_int(st, 0);
        out->more = out->total > REQUEST_COUNT_CAP;
        if (out->more) out->total = REQUEST_COUNT_CAP;
        db_finalize(st);
        free(sql);
    }
    free(where);
    free(text);
    if (rc != DB_OK) request_list_free(out);
    return rc;
}

int request_counts(struct db *db, int64_t *all, int64_t *open, int64_t *overdue, time_t now)
{
    /* Requests are never deleted: the last id is their number. Both read an index, not the table.
     */
    int rc = db_count(db, "SELECT coalesce(max(id), 0) FROM request", all);
    if (rc == DB_OK)
        rc = db_count(db, "SELECT count(*) FROM request WHERE status IN " OPEN_STATUSES, open);
    struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM request WHERE due < ?1");
    db_bind_int(st, 1, (int64_t)now);
    int step = db_step(st);
    *overdue = step == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return rc != DB_OK ? rc : step == DB_ROW ? DB_OK : step;
}

/* --- rates --------------------------------------------------------------------------------- */

/*
** The columns every grouping reads. The place is not joined: a pass over a
** year's requests looked up its building, grid, community and street once
** each, and a district has a few thousand of them at most, read once into
** rate_maps (rate_place_of() finds the place as the joins did). The units'
** codes and names are found the same way. Every column read here is in
** the index request_rates (migration 24), which the pass reads alone: a
** column added here goes into that index too.
**
** The unit pass reads the units (now and first dispatched to) with each
** request; the place pass reads the place's ids instead, and of the first
** unit only whether there is one: a place has no unit to find. Each row is
** handed over inside SQLite's step (db_each()), not through the column calls.
*/
#define RATE_COLUMNS                                                                               \
    "SELECT bangban_each(?3, status = 'answered', first_dispatched_at, dispatched_at, accept_due," \
    " accepted_at, contact_due, contacted_at, resolve_due, replied_at, coalesce(resolved, -1),"    \
    " satisfaction, first_unit_id, returned_unit_id"
#define RATE_WHERE ") FROM request WHERE created_at >= ?1 AND created_at < ?2"
#define RATE_UNIT  ", unit_id"
#define RATE_PLACE ", community_id, grid_id, building_id"
/*
** By unit, and by place (its community, grid and building); each with when
** it was taken down (for months) or without (a period's totals need not
** read it). NULL ids read as 0. Indexed [dated][by place].
*/
static const char *const rate_sql[2][2] = {
    {RATE_COLUMNS RATE_UNIT RATE_WHERE, RATE_COLUMNS RATE_PLACE RATE_WHERE},
    {RATE_COLUMNS RATE_UNIT ", created_at" RATE_WHERE,
     RATE_COLUMNS RATE_PLACE ", created_at" RATE_WHERE},
};

int request_rates_covered(struct db *db, int *covered)
{
    *covered = 1;
    int rc = DB_OK;
    for (size_t i = 0; i < 4 && rc == DB_OK; i++) {
        char *explain = xasprintf("EXPLAIN QUERY PLAN %s", rate_sql[i / 2][i % 2]);
        struct db_stmt *st = db_prepare(db, explain);
        free(explain);
        int used = 0;
        while ((rc = db_step(st)) == DB_ROW)
            used |= strstr(db_col_text(st, 3), "COVERING INDEX request_rates") != NULL;
        db_finalize(st);
        if (rc == DB_DONE) rc = DB_OK;
        *covered &= used;
    }
    return rc;
}

/* Rows of a small table by id (ascending): up to two ids each links to, its code and name. */
struct rate_map {
    int64_t *id, *link0, *link1; /* links 0 for NULL */
    char **code, **name;         /* NULL when not read */
    size_t n;
    long *slot; /* when the ids are dense: the index of each id 0..top (-1: none); else NULL */
    int64_t top;
};

/* The tables a pass needs: units by id, and what finds a request's place. */
struct rate_maps {
    struct rate_map unit, building, grid, community, street;
};

/*
** Ids are rowids given in turn, so a table's run from 1 to about its size:
** then an array by id finds a row (a search per request and table was a
** tenth of a pass). Sparse ids keep the search.
*/
static void rate_map_index(struct rate_map *m)
{
    m->slot = NULL;
    m->top = m->n ? m->id[m->n - 1] : 0;
    if (!m->n || m->id[0] < 0 || m->top > 4 * (int64_t)m->n + 4096) return;
    m->slot = xcalloc((size_t)m->top + 1, sizeof *m->slot);
    for (int64_t i = 0; i <= m->top; i++)
        m->slot[i] = -1;
    for (size_t i = 0; i < m->n; i++)
        m->slot[m->id[i]] = (long)i;
}

/* Read sql's rows (id, link0, link1, code, name) into m. */
static int rate_map_load(struct db *db, const char *sql, struct rate_map *m)
{
    memset(m, 0, sizeof *m);
    struct db_stmt *st = db_prepare(db, sql);
    int rc;
    size_t cap = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        if (m->n == cap) {
            cap = cap ? cap * 2 : 64;
            m->id = xrealloc(m->id, cap * sizeof *m->id);
            m->link0 = xrealloc(m->link0, cap * sizeof *m->link0);
            m->link1 = xrealloc(m->link1, cap * sizeof *m->link1);
            m->code = xrealloc(m->code, cap * sizeof *m->code);
            m->name = xrealloc(m->name, cap * sizeof *m->name);
        }
        m->id[m->n] = db_col_int(st, 0);
        m->link0[m->n] = db_col_int(st, 1);
        m->link1[m->n] = db_col_int(st, 2);
        m->code[m->n] = db_col_dup(st, 3);
        m->name[m->n] = db_col_dup(st, 4);
        m->n++;
    }
    db_finalize(st);
    rate_map_index(m);
    return rc == DB_DONE ? DB_OK : rc;
}

static void rate_map_free(struct rate_map *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->code[i]);
        free(m->name[i]);
    }
    free(m->id);
    free(m->link0);
    free(m->link1);
    free(m->code);
    free(m->name);
    free(m->slot);
    memset(m, 0, sizeof *m);
}

/* The index of id in m, or -1 when it is not there (as a LEFT JOIN finding nothing). */
static long rate_map_find(const struct rate_map *m, int64_t id)
{
    if (m->slot) return id >= 0 && id <= m->top ? m->slot[id] : -1;
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->id[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->id[lo] == id ? (long)lo : -1;
}

static void rate_maps_free(struct rate_maps *p)
{
    rate_map_free(&p->unit);
    rate_map_free(&p->building);
    rate_map_free(&p->grid);
    rate_map_free(&p->community);
    rate_map_free(&p->street);
}

/* The maps group needs: the units by unit, the place's tables by community or street. */
static int rate_maps_load(struct db *db, enum rate_group group, struct rate_maps *p)
{
    memset(p, 0, sizeof *p);
    if (group == RATE_BY_UNIT)
        return rate_map_load(db, "SELECT id, 0, 0, code, name FROM unit ORDER BY id", &p->unit);
    int rc = rate_map_load(db,
                           "SELECT id, coalesce(grid_id, 0), street_id, NULL, NULL"
                           " FROM building ORDER BY id",
                           &p->building);
    if (rc == DB_OK)
        rc = rate_map_load(db, "SELECT id, community_id, 0, NULL, NULL FROM grid ORDER BY id",
                           &p->grid);
    if (rc == DB_OK)
        rc = rate_map_load(db, "SELECT id, street_id, 0, code, name FROM community ORDER BY id",
                           &p->community);
    if (rc == DB_OK && group == RATE_BY_STREET)
        rc = rate_map_load(db, "SELECT id, 0, 0, code, name FROM street ORDER BY id", &p->street);
    return rc;
}

/* The code and name of unit id (NULL for none, as a join would give). */
static void rate_unit_of(const struct rate_maps *p, int64_t id, const char **code,
                         const char **name)
{
    long i = rate_map_find(&p->unit, id);
    *code = i >= 0 ? p->unit.code[i] : NULL;
    *name = i >= 0 ? p->unit.name[i] : NULL;
}

/*
** The place of the request st is at into r, as the joins found it, from
** its community, grid and building ids (columns at, at + 1 and at + 2; 0
** for none): the grid is the request's or else its building's; the
** community the request's or else that grid's; the street that
** community's or else the building's. A request names its community as a
** rule: its grid and building are read only when they can matter.
*/
static void rate_place_of(const struct rate_maps *p, enum rate_group group, const struct db_vals *v,
                          int at, struct rate_row *r)
{
    int64_t community = db_val_int(v, at);
    long c = community ? rate_map_find(&p->community, community) : -1, b = -1;
    if (!community || (c < 0 && group == RATE_BY_STREET)) {
        int64_t grid = db_val_int(v, at + 1), building = db_val_int(v, at + 2);
        b = building ? rate_map_find(&p->building, building) : -1;
        if (!grid && b >= 0) grid = p->building.link0[b];
        long g = grid ? rate_map_find(&p->grid, grid) : -1;
        if (!community && g >= 0) c = rate_map_find(&p->community, p->grid.link0[g]);
    }
    const struct rate_map *m = &p->community;
    long i = c;
    if (group == RATE_BY_STREET) {
        int64_t street = c >= 0 ? p->community.link0[c] : b >= 0 ? p->building.link1[b] : 0;
        m = &p->street;
        i = street ? rate_map_find(m, street) : -1;
    }
    r->place_id = i >= 0 ? m->id[i] : 0;
    r->place_code = i >= 0 ? m->code[i] : NULL;
    r->place_name = i >= 0 ? m->name[i] : NULL;
}

/* A rates pass going on: what it groups by, the maps it finds names in, whom it hands rows. */
struct rate_pass {
    enum rate_group group;
    int dated;
    const struct rate_maps *maps;
    request_rate_visit visit;
    void *ctx;
};

/* One request of the pass (the columns of rate_sql) to its visitor. */
static void rate_pass_row(void *ctx, const struct db_vals *v)
{
    const struct rate_pass *p = ctx;
    struct rate_row r;
    int i = 0;
    r.answered = (int)db_val_int(v, i++);
    r.first_dispatched_at = (time_t)db_val_int(v, i++);
    r.dispatched_at = (time_t)db_val_int(v, i++);
    r.accept_due = (time_t)db_val_int(v, i++);
    r.accepted_at = (time_t)db_val_int(v, i++);
    r.contact_due = (time_t)db_val_int(v, i++);
    r.contacted_at = (time_t)db_val_int(v, i++);
    r.resolve_due = (time_t)db_val_int(v, i++);
    r.replied_at = (time_t)db_val_int(v, i++);
    r.resolved = (int)db_val_int(v, i++);
    const char *sat = db_val_text(v, i++);
    r.satisfied = str_eq(sat, "satisfied");
    r.basic = str_eq(sat, "basic");
    r.first_unit_id = db_val_int(v, i++);
    r.returned_unit_id = db_val_int(v, i++);
    if (p->group == RATE_BY_UNIT) {
        r.unit_id = db_val_int(v, i++);
        rate_unit_of(p->maps, r.unit_id, &r.unit_code, &r.unit_name);
        rate_unit_of(p->maps, r.first_unit_id, &r.first_unit_code, &r.first_unit_name);
        r.place_id = 0;
        r.place_code = r.place_name = NULL;
    } else {
        r.unit_id = 0;
        r.unit_code = r.unit_name = r.first_unit_code = r.first_unit_name = NULL;
        rate_place_of(p->maps, p->group, v, i, &r);
        i += 3;
    }
    r.created_at = p->dated ? (time_t)db_val_int(v, i) : 0;
    p->visit(p->ctx, &r);
}

int request_rate_rows(struct db *db, time_t from, time_t to, enum rate_group group, int dated,
                      request_rate_visit visit, void *ctx)
{
    struct rate_maps maps;
    int rc = rate_maps_load(db, group, &maps);
    if (rc != DB_OK) {
        rate_maps_free(&maps);
        return rc;
    }
    struct rate_pass pass = {group, dated != 0, &maps, visit, ctx};
    struct db_stmt *st = db_prepare(db, rate_sql[pass.dated][group != RATE_BY_UNIT]);
    db_bind_int(st, 1, (int64_t)from);
    db_bind_int(st, 2, (int64_t)to);
    rc = db_each(st, 3, rate_pass_row, &pass);
    db_finalize(st);
    rate_maps_free(&maps);
    return rc;
}

/* The day of t among days[0..n] (the last midnight not after it); -1 before days[0]. */
static long day_index(const time_t *days, size_t n, time_t t)
{
    if (t < days[0]) return -1;
    size_t lo = 0, hi = n; /* days[lo] <= t */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (days[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return (long)lo;
}

int request_daily_counts(struct db *db, const char *login, const time_t *days, size_t n, time_t now,
                         int64_t *intake, int64_t *overdue)
{
    for (size_t i = 0; i < n; i++)
        intake[i] = overdue[i] = 0;
    char *scope;
    int unit;
    int rc = scope_where(db, login, &scope, &unit);
    if (rc != DB_OK) {
        free(scope);
        return rc;
    }
    char *sql = xasprintf("SELECT created_at FROM request r WHERE created_at >= ?1"
                          " AND created_at < ?2 AND (%s)",
                          *scope ? scope : "1");
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_int(st, 1, (int64_t)days[0]);
    db_bind_int(st, 2, (int64_t)days[n]);
    while ((rc = db_step(st)) == DB_ROW) {
        long d = day_index(days, n, (time_t)db_col_int(st, 0));
        if (d >= 0 && (size_t)d < n) intake[d]++;
    }
    db_finalize(st);
    if (rc != DB_DONE) {
        free(scope);
        return rc;
    }
    /* Overdue on some day of the span: dispatched before its end and not closed before its
     * start, with a deadline before its end. */
    sql = xasprintf("SELECT created_at, first_dispatched_at, accept_due, accepted_at,"
                    " contact_due, contacted_at, resolve_due, replied_at, followup_due,"
                    " closed_at, reopens, due FROM request r"
                    " WHERE first_dispatched_at < ?2 AND (closed_at IS NULL OR closed_at >= ?1)"
                    " AND (accept_due < ?2 OR contact_due < ?2 OR resolve_due < ?2"
                    " OR followup_due < ?2) AND (%s)",
                    *scope ? scope : "1");
    free(scope);
    st = db_prepare(db, sql);
    free(sql);
    db_bind_int(st, 1, (int64_t)days[0]);
    db_bind_int(st, 2, (int64_t)days[n]);
    while ((rc = db_step(st)) == DB_ROW) {
        struct request_clocks c;
        int i = 0;
        c.created_at = (time_t)db_col_int(st, i++);
        c.first_dispatched_at = (time_t)db_col_int(st, i++);
        c.accept_due = (time_t)db_col_int(st, i++);
        c.accepted_at = (time_t)db_col_int(st, i++);
        c.contact_due = (time_t)db_col_int(st, i++);
        c.contacted_at = (time_t)db_col_int(st, i++);
        c.resolve_due = (time_t)db_col_int(st, i++);
        c.replied_at = (time_t)db_col_int(st, i++);
        time_t followup_due = (time_t)db_col_int(st, i++);
        c.followup_due = unit ? 0 : followup_due; /* the centre's clock, not a unit's */
        c.closed_at = (time_t)db_col_int(st, i++);
        c.reopens = (int)db_col_int(st, i++);
        time_t due = (time_t)db_col_int(st, i++);
        for (size_t d = 0; d < n; d++) {
            time_t end = days[d + 1] < now ? days[d + 1] : now;
            if (end <= days[d]) break;
            /* Now: the deadline running now, as the overdue queue counts; before: its clocks. */
            overdue[d] += end == now && !unit ? due && due < now : request_overdue_at(&c, end);
        }
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* --- timelines ------------------------------------------------------------------------------ */

int request_timelines_each(struct db *db, request_timeline_visit visit, void *ctx)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT r.id, r.number, r.returns, r.extensions, r.reopens, r.attempts,"
                       " e.action, e.from_state, e.to_state FROM request r"
                       " LEFT JOIN request_event e ON e.request_id = r.id ORDER BY r.id, e.id");
    struct request_timeline t = {0};
    size_t cap = 0;
    int64_t at = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_col_int(st, 0);
        if (id != at) {
            if (at) visit(ctx, &t);
            free(t.number);
            t.number = xstrdup(db_col_text(st, 1));
            t.stored = (struct workflow_counters){(int)db_col_int(st, 2), (int)db_col_int(st, 3),
                                                  (int)db_col_int(st, 4), (int)db_col_int(st, 5)};
            t.nsteps = 0;
            t.unknown = 0;
            at = id;
        }
        const char *action = db_col_text(st, 6);
        if (!*action) continue; /* a request without events (LEFT JOIN) */
        int a = workflow_action_parse(action);
        int from = request_state_parse(db_col_text(st, 7));
        int to = request_state_parse(db_col_text(st, 8));
        if (a < 0 || from < 0 || to < 0) {
            t.unknown++;
            continue;
        }
        if (t.nsteps == cap) {
            cap = cap ? cap * 2 : 16;
            t.steps = xrealloc(t.steps, cap * sizeof *t.steps);
        }
        t.steps[t.nsteps++] = (struct request_step){
            (enum request_action)a, (enum request_state)from, (enum request_state)to};
    }
    if (rc == DB_DONE && at) visit(ctx, &t);
    free(t.number);
    free(t.steps);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* --- evening talks ------------------------------------------------------------------------- */

void talk_list_free(struct talk_list *l)
{
    record_array_free(&talk_record, l->v, l->n);
    l->v = NULL;
    l->n = 0;
}

#define TALK_SELECT                                                                                \
    "SELECT t.id, t.held_on, t.place, t.officials, t.note, coalesce(t.community_id, 0),"           \
    " coalesce(c.name, ''), t.version, t.updated_at, t.updated_by,"                                \
    " (SELECT count(*) FROM request r WHERE r.talk_id = t.id),"                                    \
    " (SELECT count(*) FROM request r WHERE r.talk_id = t.id"                                      \
    "  AND r.status IN " OPEN_STATUSES ")"                                                         \
    " FROM evening_talk t LEFT JOIN community c ON c.id = t.community_id"

static void talk_read(struct db_stmt *st, void *slot)
{
    struct evening_talk *t = slot;
    talk_init(t);
    t->id = db_col_int(st, 0);
    record_set(&t->held_on, db_col_text(st, 1));
    record_set(&t->place, db_col_text(st, 2));
    record_set(&t->officials, db_col_text(st, 3));
    record_set(&t->note, db_col_text(st, 4));
    t->community_id = db_col_int(st, 5);
    record_set(&t->community, db_col_text(st, 6));
    t->version = db_col_int(st, 7);
    record_set(&t->updated_at, db_col_text(st, 8));
    record_set(&t->updated_by, db_col_text(st, 9));
    t->requests = db_col_int(st, 10);
    t->open = db_col_int(st, 11);
}

int talk_list(struct db *db, const char *query, struct talk_list *out)
{
    struct db_stmt *st = db_prepare(db, TALK_SELECT " WHERE ?1 = '' OR instr(t.place, ?1) > 0"
                                                    " OR instr(t.officials, ?1) > 0"
                                                    " OR instr(t.held_on, ?1) > 0"
                                                    " ORDER BY t.held_on DESC, t.id DESC");
    char *q = text_normalize(query ? query : "", 0);
    db_bind_text(st, 1, q);
    free(q);
    int rc;
    out->v = db_collect(st, sizeof *out->v, talk_read, &out->n, &rc);
    if (rc != DB_OK) talk_list_free(out);
    return rc;
}

int talk_get(struct db *db, int64_t id, struct evening_talk *out)
{
    struct db_stmt *st = db_prepare(db, TALK_SELECT " WHERE t.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, talk_read, out);
}

static int talk_get_any(struct db *db, int64_t id, void *out)
{
    return talk_get(db, id, out);
}

/* Evening talks are written by who takes requests down. */
static const struct change_kind talk_change = {&talk_record, "talk", RIGHT_RESIDENTS, talk_get_any};

int talk_save(struct db *db, struct evening_talk *t, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    struct evening_talk before;
    int rc = change_begin(db, &talk_change, actor, t->id, &before);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(
        db, t->id ? "UPDATE evening_talk SET held_on = ?1, place = ?2, officials = ?3,"
                    " community_id = ?4, note = ?5, version = version + 1, updated_at = ?6,"
                    " updated_by = ?7 WHERE id = ?8 AND version = ?9"
                  : "INSERT INTO evening_talk (held_on, place, officials, community_id, note,"
                    " created_at, created_by, updated_at, updated_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)");
    db_bind_text(st, 1, t->held_on);
    db_bind_text(st, 2, t->place);
    db_bind_text(st, 3, t->officials);
    bind_id(st, 4, t->community_id);
    db_bind_text(st, 5, t->note);
    db_bind_text(st, 6, when);
    db_bind_text(st, 7, actor);
    if (t->id) {
        db_bind_int(st, 8, t->id);
        db_bind_int(st, 9, t->version);
    }
    return change_save(db, &talk_change, actor, st, &t->id, &t->version, &before);
}

int64_t request_latest_due(struct db *db)
{
    return db_int(db, 0, "SELECT coalesce(max(due), 0) FROM request WHERE closed_at IS NULL");
}
