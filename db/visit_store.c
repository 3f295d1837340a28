/*
** visit_store: see visit_store.h.
*/
#include "db/visit_store.h"
#include "db/catalogue_store.h"
#include "db/change.h"
#include "db/request_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/organisation.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VISIT_SELECT                                                                               \
    "SELECT v.id, v.building_id, b.name, coalesce(v.organisation_id, 0), coalesce(o.name, ''),"    \
    " v.day, v.way, v.met, v.topics, v.findings, v.visitor, v.version, v.updated_at,"              \
    " v.updated_by, (SELECT count(*) FROM visit_request vr WHERE vr.visit_id = v.id)"              \
    " FROM visit v JOIN building b ON b.id = v.building_id"                                        \
    " LEFT JOIN organisation o ON o.id = v.organisation_id"

static void visit_read(struct db_stmt *st, void *slot)
{
    struct visit *v = slot;
    record_init(&visit_record, v);
    int c = 0;
    v->id = db_col_int(st, c++);
    v->building_id = db_col_int(st, c++);
    record_set(&v->building, db_col_text(st, c++));
    v->organisation_id = db_col_int(st, c++);
    record_set(&v->organisation, db_col_text(st, c++));
    record_set(&v->day, db_col_text(st, c++));
    record_set(&v->way, db_col_text(st, c++));
    record_set(&v->met, db_col_text(st, c++));
    record_set(&v->topics, db_col_text(st, c++));
    record_set(&v->findings, db_col_text(st, c++));
    record_set(&v->visitor, db_col_text(st, c++));
    v->version = db_col_int(st, c++);
    record_set(&v->updated_at, db_col_text(st, c++));
    record_set(&v->updated_by, db_col_text(st, c++));
    v->requests = db_col_int(st, c++);
}

/* " AND v.building_id IN (...)" for a building chief's login, else "". Caller frees. */
static char *scope_clause(struct db *db, const char *login)
{
    struct user u;
    if (str_empty(login) || user_find(db, login, &u) != DB_OK) return xstrdup("");
    char *sql = roles_find(u.role) == roles_get(ROLE_ID_BUILDING_CHIEF)
                    ? xasprintf(" AND v.building_id IN (SELECT building_id FROM user_building"
                                " WHERE user_id = %lld)",
                                (long long)u.id)
                    : xstrdup("");
    record_free(&user_record, &u);
    return sql;
}

/*
** A month and day as typed (12-4, 12/04, 12.4, 12月4日) as "-MM-DD" into out
** (8 bytes), the end of a day as stored; "" when q is not one.
*/
static const char *month_day(const char *q, char *out)
{
    int m = 0, d = 0, used = 0;
    *out = '\0';
    const char *p = q;
    if (sscanf(p, "%2d%n", &m, &used) != 1) return out;
    p += used;
    if (*p == '-' || *p == '/' || *p == '.')
        p++;
    else if (strncmp(p, "月", strlen("月")) == 0)
        p += strlen("月");
    else
        return out;
    if (sscanf(p, "%2d%n", &d, &used) != 1) return out;
    p += used;
    if (strncmp(p, "日", strlen("日")) == 0) p += strlen("日");
    if (*p || m < 1 || m > 12 || d < 1 || d > 31 || !(q[0] >= '0' && q[0] <= '9')) return out;
    snprintf(out, 8, "-%02d-%02d", m, d);
    return out;
}

int visit_list(struct db *db, const char *query, int64_t building_id, int64_t organisation_id,
               const char *scope_of, size_t limit, struct visit **items, size_t *n)
{
    char *scope = scope_clause(db, scope_of);
    char *sql = xasprintf(VISIT_SELECT " WHERE (?1 = '' OR instr(b.name, ?1) > 0"
                                       " OR instr(coalesce(o.name, ''), ?1) > 0"
                                       " OR instr(v.met, ?1) > 0 OR instr(v.findings, ?1) > 0"
                                       " OR v.day LIKE ?1 || '%%' OR v.day = ?5"
                                       " OR (?6 <> '' AND substr(v.day, 5) = ?6))"
                                       " AND (?2 = 0 OR v.building_id = ?2)"
                                       " AND (?4 = 0 OR v.organisation_id = ?4)%s"
                                       " ORDER BY v.day DESC, v.id DESC LIMIT ?3",
                          scope);
    struct db_stmt *st = db_prepare(db, sql);
    char *q = text_normalize(query ? query : "", 0);
    db_bind_text(st, 1, q);
    db_bind_int(st, 2, building_id);
    db_bind_int(st, 3, (int64_t)limit);
    db_bind_int(st, 4, organisation_id);
    /* A day however it is written (2026/12/7, 20261207, 2026年12月7日) finds the visits of it. */
    struct date d;
    char day[11] = "";
    if (date_parse(q, &d) == DATE_OK) date_format(&d, day);
    db_bind_text(st, 5, day);
    char md[8];
    db_bind_text(st, 6, month_day(q, md));
    int rc;
    *items = db_collect(st, sizeof **items, visit_read, n, &rc);
    free(q);
    free(sql);
    free(scope);
    if (rc != DB_OK) {
        record_array_free(&visit_record, *items, *n);
        *items = NULL;
        *n = 0;
    }
    return rc;
}

int visit_get(struct db *db, int64_t id, struct visit *out)
{
    struct db_stmt *st = db_prepare(db, VISIT_SELECT " WHERE v.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, visit_read, out);
}

static int visit_get_any(struct db *db, int64_t id, void *out)
{
    return visit_get(db, id, out);
}

static const struct change_kind visit_change = {&visit_record, "visit", RIGHT_LOG_VISITS,
                                                visit_get_any};

/* Write v's row (insert or versioned update) as actor at when, audited, in the open transaction. */
static int visit_write(struct db *db, struct visit *v, const char *actor, const char *when)
{
    struct visit before;
    int rc = change_begin(db, &visit_change, actor, v->id, &before);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(
        db, v->id ? "UPDATE visit SET building_id = ?1, organisation_id = ?2, day = ?3, way = ?4,"
                    " met = ?5, topics = ?6, findings = ?7, version = version + 1,"
                    " updated_at = ?8, updated_by = ?9 WHERE id = ?10 AND version = ?11"
                  : "INSERT INTO visit (building_id, organisation_id, day, way, met, topics,"
                    " findings, visitor, created_at, created_by, updated_at, updated_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?8, ?9, ?8, ?9)");
    db_bind_int(st, 1, v->building_id);
    if (v->organisation_id)
        db_bind_int(st, 2, v->organisation_id);
    else
        db_bind_null(st, 2);
    db_bind_text(st, 3, v->day);
    db_bind_text(st, 4, v->way);
    db_bind_text(st, 5, v->met);
    db_bind_text(st, 6, v->topics);
    db_bind_text(st, 7, v->findings);
    db_bind_text(st, 8, when);
    db_bind_text(st, 9, actor);
    if (v->id) {
        db_bind_int(st, 10, v->id);
        db_bind_int(st, 11, v->version);
    }
    return change_save(db, &visit_change, actor, st, &v->id, &v->version, &before);
}

/* The request problem i of v becomes: from the visit's building and organisation. */
static int problem_request(struct db *db, const struct visit *v, int i, struct request *r)
{
    request_init(r);
    record_set(&r->channel, "chief");
    record_set(&r->kind, "help");
    record_set(&r->category, "service");
    r->building_id = v->building_id;
    r->organisation_id = v->organisation_id;
    /* The building's grid and community, and the organisation's phone: who is called back. */
    struct db_stmt *st =
        db_prepare(db, "SELECT coalesce(b.grid_id, 0), coalesce(g.community_id, 0),"
                       " coalesce((SELECT contact_phone FROM organisation WHERE id = ?2), '')"
                       " FROM building b LEFT JOIN grid g ON g.id = b.grid_id WHERE b.id = ?1");
    db_bind_int(st, 1, v->building_id);
    db_bind_int(st, 2, v->organisation_id);
    if (db_step(st) == DB_ROW) {
        r->grid_id = db_col_int(st, 0);
        r->community_id = db_col_int(st, 1);
        if (v->organisation_id) record_set(&r->requester_phone, db_col_text(st, 2));
    }
    db_finalize(st);
    if (v->organisation_id) {
        r->requester_kind = REQUESTER_ORGANISATION;
        record_set(&r->requester, v->organisation);
    } else {
        r->requester_kind = REQUESTER_ANONYMOUS;
        record_set(&r->requester, v->met);
    }
    char *title = text_excerpt(v->problem[i], REQUEST_TITLE_MAX);
    record_take(&r->title, title);
    char *detail = xasprintf(_("%s\nRaised at a visit on %s (%s)."), v->problem[i], v->day,
                             *v->organisation ? v->organisation : v->building);
    record_take(&r->detail, detail);
    if (!v->problem_item[i]) return DB_OK;
    struct service_item it;
    int rc = item_get(db, v->problem_item[i], &it);
    if (rc != DB_OK) return rc;
    r->item_id = it.id;
    r->unit_id = it.unit_id;
    record_set(&r->unit_name, it.unit_name);
    record_set(&r->category, it.category);
    r->accept_minutes = it.accept_minutes;
    r->resolve_amount = it.resolve_amount;
    r->resolve_unit = it.resolve_unit;
    service_item_free(&it);
    return DB_OK;
}

/* Take down v's problems as requests, linked to it, in the open transaction. */
static int problems_write(struct db *db, const struct visit *v, const char *actor, time_t now,
                          const char **why)
{
    int rc = DB_OK;
    for (int i = 0; rc == DB_OK && i < VISIT_PROBLEMS; i++) {
        if (str_empty(v->problem[i])) continue;
        struct request r;
        rc = problem_request(db, v, i, &r);
        if (rc == DB_OK)
            rc = request_create(db, &r, r.unit_id ? RA_DISPATCH : RA_REGISTER, NULL, actor, now,
                                why);
        if (rc == DB_OK) {
            struct db_stmt *st =
                db_prepare(db, "INSERT INTO visit_request (visit_id, request_id) VALUES (?1, ?2)");
            db_bind_int(st, 1, v->id);
            db_bind_int(st, 2, r.id);
            rc = db_step(st) == DB_DONE ? DB_OK : DB_ERROR;
            db_finalize(st);
        }
        request_free(&r);
    }
    return rc;
}

/*
** True when v, on file with requests taken down on it, would move to another
** building, organisation or day (the requests would go on naming the first,
** and a month's visits report count them in the month of the day).
*/
static int place_moved_under_requests(struct db *db, const struct visit *v)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT 1 FROM visit WHERE id = ?1 AND (building_id IS NOT ?2"
                       " OR organisation_id IS NOT ?3 OR day IS NOT ?4)"
                       " AND EXISTS (SELECT 1 FROM visit_request WHERE visit_id = ?1)");
    db_bind_int(st, 1, v->id);
    db_bind_int(st, 2, v->building_id);
    db_bind_text(st, 4, v->day);
    if (v->organisation_id)
        db_bind_int(st, 3, v->organisation_id);
    else
        db_bind_null(st, 3);
    return db_exists(st);
}

/*
** True when actor is a building chief and visit v on file was made by another
** chief: not theirs to change (one an admin logged for them is).
*/
static int visit_of_another_chief(struct db *db, const struct visit *v, const char *actor)
{
    struct user u;
    if (user_find(db, actor, &u) != DB_OK) return 0;
    int chief = roles_find(u.role) == roles_get(ROLE_ID_BUILDING_CHIEF);
    record_free(&user_record, &u);
    if (!chief) return 0;
    struct db_stmt *st =
        db_prepare(db, "SELECT 1 FROM visit WHERE id = ?1 AND visitor IS NOT ?2"
                       " AND visitor IN (SELECT login FROM \"user\" WHERE role = 'chief')");
    db_bind_int(st, 1, v->id);
    db_bind_text(st, 2, actor);
    return db_exists(st);
}

/*
** Why v's day cannot be: before its organisation moved in, or after it
** moved out; NULL if it can, or when neither the day nor the organisation
** changes (a move recorded later does not lock the visits before it).
*/
static const char *day_outside_stay(struct db *db, const struct visit *v)
{
    if (!v->organisation_id) return NULL;
    if (v->id) {
        struct db_stmt *was = db_prepare(db, "SELECT 1 FROM visit WHERE id = ?1 AND day = ?2"
                                             " AND organisation_id IS ?3");
        db_bind_int(was, 1, v->id);
        db_bind_text(was, 2, v->day);
        db_bind_int(was, 3, v->organisation_id);
        int same = db_exists(was);
        if (same) return NULL;
    }
    struct db_stmt *st = db_prepare(db, "SELECT moved_in <> '' AND ?2 < moved_in,"
                                        " moved_out <> '' AND ?2 > moved_out"
                                        " FROM organisation WHERE id = ?1");
    db_bind_int(st, 1, v->organisation_id);
    db_bind_text(st, 2, v->day);
    const char *why = NULL;
    if (db_step(st) == DB_ROW)
        why = db_col_int(st, 0)   ? _("the day is before the organisation moved in")
              : db_col_int(st, 1) ? _("the day is after the organisation moved out")
                                  : NULL;
    db_finalize(st);
    return why;
}

int visit_save(struct db *db, struct visit *v, const char *actor, time_t now, const char **why)
{
    *why = NULL;
    const char *field;
    if ((*why = visit_check(v, now, &field))) return DB_INVALID;
    char when[20];
    clock_format(now, when);
    int is_new = !v->id;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, RIGHT_LOG_VISITS);
    if (rc == DB_OK) rc = user_building_allowed(db, actor, v->building_id);
    if (rc == DB_DENIED) *why = _("a building chief logs visits to their own buildings only");
    if (rc == DB_OK && !is_new && visit_of_another_chief(db, v, actor)) {
        *why = _("another chief made this visit: a building chief changes their own visits only");
        rc = DB_DENIED;
    }
    if (rc == DB_OK && !is_new && place_moved_under_requests(db, v)) {
        *why = _("requests were taken down on this visit, and name its day, building and "
                 "organisation: they stay as they were");
        rc = DB_INVALID;
    }
    if (rc == DB_OK && (*why = day_outside_stay(db, v)) != NULL) rc = DB_INVALID;
    if (rc == DB_OK) rc = visit_write(db, v, actor, when);

    if (rc == DB_OK && is_new) rc = problems_write(db, v, actor, now, why);
    if (rc == DB_OK) rc = db_commit(db);
    if (rc != DB_OK) {
        db_rollback(db);
        if (is_new) v->id = 0;
    }
    return rc;
}

char *visit_request_numbers(struct db *db, int64_t id)
{
    struct db_stmt *st = db_prepare(db, "SELECT r.number FROM visit_request vr"
                                        " JOIN request r ON r.id = vr.request_id"
                                        " WHERE vr.visit_id = ?1 ORDER BY r.id");
    db_bind_int(st, 1, id);
    struct strbuf sb = STRBUF_INIT;
    while (db_step(st) == DB_ROW)
        strbuf_addf(&sb, "%s%s", sb.len ? _(", ") : "", db_col_text(st, 0));
    db_finalize(st);
    return strbuf_detach(&sb);
}

int visit_month_each(struct db *db, const char *month, const char *actor, visit_month_visit visit,
                     void *ctx)
{
    int64_t chief_id;
    int rc = user_building_scope(db, actor, &chief_id);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(
        db,
        "SELECT u.login, u.name,"
        " (SELECT count(*) FROM user_building ub WHERE ub.user_id = u.id),"
        " (SELECT count(*) FROM organisation o JOIN user_building ub"
        "  ON ub.building_id = o.building_id WHERE ub.user_id = u.id AND o.moved_out = ''),"
        " (SELECT count(*) FROM visit v WHERE v.visitor = u.login AND substr(v.day, 1, 7) = ?1),"
        " (SELECT count(DISTINCT v.building_id) FROM visit v JOIN user_building ub"
        "  ON ub.building_id = v.building_id AND ub.user_id = u.id"
        "  WHERE v.visitor = u.login AND substr(v.day, 1, 7) = ?1),"
        " (SELECT count(DISTINCT v.organisation_id) FROM visit v WHERE v.visitor = u.login"
        "  AND substr(v.day, 1, 7) = ?1 AND v.organisation_id IS NOT NULL),"
        " (SELECT count(*) FROM organisation o JOIN user_building ub"
        "  ON ub.building_id = o.building_id WHERE ub.user_id = u.id AND o.moved_out = ''"
        "  AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.organisation_id = o.id)),"
        " (SELECT count(*) FROM visit v JOIN visit_request vr ON vr.visit_id = v.id"
        "  WHERE v.visitor = u.login AND substr(v.day, 1, 7) = ?1)"
        " FROM \"user\" u WHERE u.role = 'chief' AND u.retired = 0 AND (?2 = 0 OR u.id = ?2)"
        " ORDER BY u.login");
    db_bind_text(st, 1, month);
    db_bind_int(st, 2, chief_id);
    while ((rc = db_step(st)) == DB_ROW) {
        struct visit_month m = {db_col_text(st, 0), db_col_text(st, 1), db_col_int(st, 2),
                                db_col_int(st, 3),  db_col_int(st, 4),  db_col_int(st, 5),
                                db_col_int(st, 6),  db_col_int(st, 7),  db_col_int(st, 8)};
        visit(ctx, &m);
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int visit_count_month(struct db *db, const char *login, const char *month, int64_t *n)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT count(*) FROM visit WHERE visitor = ?1 AND day >= ?2 || '-01'"
                       " AND day < ?2 || '-99'");
    db_bind_text(st, 1, login);
    db_bind_text(st, 2, month);
    int rc = db_step(st);
    *n = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

int visit_last_days(struct db *db, int64_t building_id, struct visit_last **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, "SELECT organisation_id, max(day) FROM visit"
                                        " WHERE building_id = ?1 AND organisation_id IS NOT NULL"
                                        " GROUP BY organisation_id ORDER BY organisation_id");
    db_bind_int(st, 1, building_id);
    size_t cap = 0;
    int rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct visit_last *v = &(*out)[(*n)++];
        v->organisation_id = db_col_int(st, 0);
        snprintf(v->day, sizeof v->day, "%s", db_col_text(st, 1));
    }
    db_finalize(st);
    if (rc == DB_DONE) return DB_OK;
    free(*out);
    *out = NULL;
    *n = 0;
    return rc;
}

int visit_unlinked_chief_requests(struct db *db, int64_t user_id, time_t from,
                                  struct visit_candidate **out, size_t *n)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT r.id, r.building_id, r.created_at, r.title FROM request r"
            " JOIN user_building ub ON ub.building_id = r.building_id AND ub.user_id = ?1"
            " WHERE r.channel = 'chief' AND r.created_at >= ?2"
            " AND NOT EXISTS (SELECT 1 FROM visit_request vr WHERE vr.request_id = r.id)"
            " ORDER BY r.created_at, r.id");
    db_bind_int(st, 1, user_id);
    db_bind_int(st, 2, (int64_t)from);
    size_t cap = 0;
    int rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct visit_candidate *c = &(*out)[(*n)++];
        c->request_id = db_col_int(st, 0);
        c->building_id = db_col_int(st, 1);
        c->created_at = (time_t)db_col_int(st, 2);
        c->title = db_col_dup(st, 3);
    }
    db_finalize(st);
    if (rc == DB_DONE) return DB_OK;
    visit_candidates_free(*out, *n);
    *out = NULL;
    *n = 0;
    return rc;
}

int visit_adopt_chief_requests(struct db *db, int64_t user_id, time_t from, int per_building)
{
    struct db_stmt *st =
        db_prepare(db, "UPDATE request SET building_id = ?3 WHERE id IN (SELECT r.id FROM request r"
                       " JOIN community c ON c.id = r.community_id WHERE r.channel = 'chief'"
                       " AND r.building_id IS NULL AND r.created_at >= ?2"
                       " AND c.street_id = (SELECT street_id FROM building WHERE id = ?3)"
                       " ORDER BY r.created_at, r.id LIMIT ?4)");
    struct db_stmt *b = db_prepare(db, "SELECT building_id FROM user_building WHERE user_id = ?1"
                                       " ORDER BY building_id");
    db_bind_int(b, 1, user_id);
    int rc;
    while ((rc = db_step(b)) == DB_ROW) {
        db_reset(st);
        db_bind_int(st, 2, (int64_t)from);
        db_bind_int(st, 3, db_col_int(b, 0));
        db_bind_int(st, 4, per_building);
        if ((rc = db_step(st)) != DB_DONE) break;
    }
    db_finalize(b);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

void visit_candidates_free(struct visit_candidate *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(c[i].title);
    free(c);
}

int visit_link_request(struct db *db, int64_t visit_id, int64_t request_id, int64_t organisation_id)
{
    struct db_stmt *st =
        db_prepare(db, "INSERT INTO visit_request (visit_id, request_id) VALUES (?1, ?2)");
    db_bind_int(st, 1, visit_id);
    db_bind_int(st, 2, request_id);
    int rc = db_write_one(db, st, NULL);
    if (rc != DB_OK || !organisation_id) return rc;
    st = db_prepare(db, "UPDATE request SET requester_kind = 'organisation', resident_id = NULL,"
                        " organisation_id = ?2,"
                        " requester = (SELECT name FROM organisation WHERE id = ?2),"
                        " requester_phone = (SELECT contact_phone FROM organisation WHERE id = ?2)"
                        " WHERE id = ?1");
    db_bind_int(st, 1, request_id);
    db_bind_int(st, 2, organisation_id);
    return db_write_one(db, st, NULL);
}

static void visit_due_read(struct db_stmt *st, void *slot)
{
    struct visit_due *d = slot;
    record_init(&visit_due_record, d);
    d->organisation_id = db_col_int(st, 0);
    record_set(&d->name, db_col_text(st, 1));
    d->building_id = db_col_int(st, 2);
    record_set(&d->building, db_col_text(st, 3));
    const char *floor = db_col_text(st, 4), *room = db_col_text(st, 5);
    record_take(&d->place, organisation_place(floor, room));
    record_set(&d->last_visit, db_col_text(st, 6));
}

#define VISIT_DUE_FROM                                                                             \
    " FROM organisation o JOIN user_building ub ON ub.building_id = o.building_id"                 \
    " JOIN \"user\" u ON u.id = ub.user_id AND u.login = ?1"                                       \
    " JOIN building b ON b.id = o.building_id"                                                     \
    " WHERE o.moved_out = '' AND NOT EXISTS (SELECT 1 FROM visit v"                                \
    " WHERE v.organisation_id = o.id AND v.day > date(?2, ?3))"                                    \
    " AND (?5 = '' OR instr(o.name, ?5) > 0 OR instr(b.name, ?5) > 0)"

int visit_due_list(struct db *db, const char *login, const char *today, const char *query,
                   size_t limit, struct visit_due **items, size_t *n, int64_t *total)
{
    char back[24];
    snprintf(back, sizeof back, "-%d days", VISIT_DUE_DAYS);
    struct db_stmt *st = db_prepare(db, "SELECT count(*)" VISIT_DUE_FROM);
    db_bind_text(st, 1, login);
    db_bind_text(st, 2, today);
    db_bind_text(st, 3, back);
    db_bind_text(st, 5, query);
    int rc = db_step(st);
    *total = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    *items = NULL;
    *n = 0;
    if (rc != DB_ROW) return rc;
    st = db_prepare(db, "SELECT o.id, o.name, o.building_id, b.name, o.floor, o.room,"
                        " coalesce((SELECT max(v.day) FROM visit v WHERE v.organisation_id = o.id),"
                        " '') AS last" VISIT_DUE_FROM
                        " ORDER BY last, b.code, o.name COLLATE zh LIMIT ?4");
    db_bind_text(st, 1, login);
    db_bind_text(st, 2, today);
    db_bind_text(st, 3, back);
    db_bind_int(st, 4, (int64_t)limit);
    db_bind_text(st, 5, query);
    *items = db_collect(st, sizeof **items, visit_due_read, n, &rc);
    return rc;
}
